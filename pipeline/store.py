"""Between records and rows: a :class:`Report` into row values (plain dicts for Core inserts),
stored rows into the export's plain objects. One small function per table, so a change to how values are
stored is made in one place."""

from __future__ import annotations

from decimal import Decimal
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from extractors.records import CellRecord, Fact, Flag, Report, Section, plain_number
from extractors.template import load_template
from pipeline.figures import figure_number, figure_text

if TYPE_CHECKING:  # the rows only name types here: the pool's workers make payloads without the database layer
    from pipeline.db import DocumentRow, FactRow, FlagRow


def _float(value: Decimal | None) -> int | float | None:
    """A figure for a numeric column: int when whole (exact at any size), float otherwise; its exact decimal
    text goes beside it (:func:`_text`)."""
    return figure_number(value)


def _text(value: Decimal | None) -> str | None:
    """The exact decimal text of a fractional figure (value_text), None for a whole one."""
    return figure_text(value)


def _figure(value: Decimal | None) -> tuple[int | float | None, str | None]:
    """``(_float(value), _text(value))`` in one pass: a report's ~200 cells are converted on every store, and
    the Decimal the extractors give is tested for wholeness once rather than twice."""
    if value is None:
        return None, None
    if value.__class__ is Decimal:
        if value == value.to_integral_value():
            return int(value), None
        return float(value), format(value.normalize(), "f")
    return figure_number(value), figure_text(value)


@dataclass(frozen=True)
class ReportPayload:
    """A report as plain column values, ready for Core inserts (pipeline.store): ``report`` the reports row
    without its ids, and the child rows in order without ``id``/``report_id``. ``search`` holds the segmented
    words of the search index (pipeline.search.index_payload): one dict per indexed section or fact, with
    ``kind`` (section | fact) and ``ord`` (its position in ``sections`` / ``facts``), ``path``, ``title``,
    ``body``. ``summary`` is what a progress line prints: region, year, edition and the number of flags."""

    report: dict[str, Any]
    cells: list[dict[str, Any]] = field(default_factory=list)
    sections: list[dict[str, Any]] = field(default_factory=list)
    facts: list[dict[str, Any]] = field(default_factory=list)
    flags: list[dict[str, Any]] = field(default_factory=list)
    search: list[dict[str, Any]] = field(default_factory=list)

    @property
    def summary(self) -> str:
        r = self.report
        return f"{r.get('region') or '?'} {r.get('year') or '?'} {r.get('edition') or '?'}, {len(self.flags)} flag(s)"


def report_values(report: Report) -> dict:
    """The reports row's columns of ``report`` (no ids; the writer gives its body, pipeline.bodies ranks its copies)."""
    return dict(
        title=report.title, region=report.region, admin_code=report.admin_code, region_level=report.region_level,
        issuer=report.issuer, issuer_kind=report.issuer_kind, issuer_printed=report.issuer_printed,
        year=report.year, edition=report.edition, other_split=report.other_split,
        # the date it was published, where the extractor read one (the record's field may not exist yet)
        published=getattr(report, "published", None), published_source=getattr(report, "published_source", None),
    )


def cell_values(cell: CellRecord) -> dict:
    value, value_text = _figure(cell.value)
    return dict(key=cell.key, table_name=cell.table, row_label=cell.row_label, column_label=cell.column_label,
                value=value, value_text=value_text, raw=cell.raw, meaning=cell.meaning, unit=cell.unit,
                qualifier=getattr(cell, "qualifier", None), page=cell.page,
                grid_row=cell.grid_row, grid_col=cell.grid_col, confidence=cell.confidence)


def section_values(ord_: int, section: Section) -> dict:
    return dict(ord=ord_, level=section.level, path=" / ".join(section.path), title=section.title,
                text=section.text, page=section.page)


def fact_values(ord_: int, fact: Fact) -> dict:
    value, value_text = _figure(fact.value)
    return dict(ord=ord_, section_path=" / ".join(fact.section_path), sentence=fact.sentence, subject=fact.subject,
                value=value, value_text=value_text, unit=fact.unit, kind=fact.kind, qualifier=fact.qualifier, sign=fact.sign,
                raw=fact.raw, page=fact.page, start=fact.start, end=fact.end, linked_key=fact.linked_key)


def flag_values(flag: Flag) -> dict:
    return dict(kind=flag.kind, message=flag.message, identity=flag.identity, where=flag.where, key=flag.key,
                expected=_float(flag.expected), found=_float(flag.found), page=flag.page)


def payload_rows(report: Report) -> ReportPayload:
    """``report`` as plain column values for Core inserts (pipeline.writer), no ORM objects."""
    return ReportPayload(
        report=report_values(report), cells=[cell_values(c) for c in report.cells],
        sections=[section_values(i, s) for i, s in enumerate(report.sections)],
        facts=[fact_values(i, f) for i, f in enumerate(report.facts)], flags=[flag_values(f) for f in report.flags])


def _number(value: float | int | None, text: str | None = None):
    """A stored figure for the export: the exact decimal text where one was kept, else the number as stored
    (int stays int, exact at any size)."""
    if text:
        return plain_number(Decimal(text))
    if value is None:
        return None
    if isinstance(value, int):
        return value
    return plain_number(Decimal(repr(float(value))))


def export_object(document) -> dict:
    """The export contract: one object per ingested document (keep it stable; other tools rely on it).
    ``document``: a stored document with ``report`` and its ``cells``, ``flags``, ``sections`` and ``facts``, by
    the models' attribute names (pipeline.export.document_chunks reads them)."""
    report = document.report
    template = load_template()
    values = {c.key: _number(c.value, c.value_text) for c in report.cells if c.key}
    keys = template.keys(report.edition, other_split=report.other_split) if report.edition else sorted(values)
    return {
        "source": document.name,
        "sha256": document.sha256,
        "format": document.format,
        "region": report.region,
        "admin_code": report.admin_code,
        "issuer": report.issuer,
        "year": report.year,
        "edition": report.edition,
        "cells": {key: values.get(key) for key in keys},
        "flags": [_flag(f) for f in report.flags],
        "sections": [{"path": s.path.split(" / ") if s.path else [], "title": s.title, "level": s.level,
                      "text": s.text, "page": s.page} for s in report.sections],
        "facts": [_fact(f) for f in report.facts],
    }


def _flag(flag: FlagRow) -> dict:
    out = {"kind": flag.kind, "message": flag.message}
    for name in ("identity", "where", "key", "page"):
        if getattr(flag, name) is not None:
            out[name] = getattr(flag, name)
    for name in ("expected", "found"):
        if getattr(flag, name) is not None:
            out[name] = _number(getattr(flag, name))
    return out


def _fact(fact: FactRow) -> dict:
    return {
        "section_path": fact.section_path.split(" / ") if fact.section_path else [], "sentence": fact.sentence,
        "subject": fact.subject, "value": _number(fact.value, fact.value_text), "unit": fact.unit, "kind": fact.kind,
        "qualifier": fact.qualifier, "sign": fact.sign, "raw": fact.raw, "page": fact.page,
        "start": fact.start, "end": fact.end, "linked_key": fact.linked_key,
    }
