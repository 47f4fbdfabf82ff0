"""Between records and rows: a :class:`Report` into ORM rows, stored rows into the export's plain objects."""

from __future__ import annotations

from decimal import Decimal

from extractors.records import Report, plain_number
from extractors.template import load_template
from pipeline.db import CellRow, DocumentRow, FactRow, FlagRow, ReportRow, SectionRow


def _float(value: Decimal | None) -> float | None:
    return None if value is None else float(value)


def report_rows(report: Report) -> ReportRow:
    row = ReportRow(
        title=report.title, region=report.region, admin_code=report.admin_code, region_level=report.region_level,
        issuer=report.issuer, issuer_kind=report.issuer_kind, issuer_printed=report.issuer_printed,
        year=report.year, edition=report.edition,
        other_split=report.other_split,
    )
    row.cells = [
        CellRow(key=c.key, table_name=c.table, row_label=c.row_label, column_label=c.column_label,
                value=_float(c.value), raw=c.raw, meaning=c.meaning, unit=c.unit, page=c.page,
                grid_row=c.grid_row, grid_col=c.grid_col, confidence=c.confidence)
        for c in report.cells
    ]
    row.sections = [
        SectionRow(ord=i, level=s.level, path=" / ".join(s.path), title=s.title, text=s.text, page=s.page)
        for i, s in enumerate(report.sections)
    ]
    row.facts = [
        FactRow(ord=i, section_path=" / ".join(f.section_path), sentence=f.sentence, subject=f.subject,
                value=float(f.value), unit=f.unit, kind=f.kind, qualifier=f.qualifier, sign=f.sign, raw=f.raw,
                page=f.page, start=f.start, end=f.end, linked_key=f.linked_key)
        for i, f in enumerate(report.facts)
    ]
    row.flags = [
        FlagRow(kind=f.kind, message=f.message, identity=f.identity, where=f.where, key=f.key,
                expected=_float(f.expected), found=_float(f.found), page=f.page)
        for f in report.flags
    ]
    return row


def _number(value: float | None):
    if value is None:
        return None
    return plain_number(Decimal(repr(value)))


def export_object(document: DocumentRow) -> dict:
    """The export contract: one object per ingested document (keep it stable; other tools rely on it)."""
    report = document.report
    template = load_template()
    values = {c.key: c.value for c in report.cells if c.key}
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
        "cells": {key: _number(values.get(key)) for key in keys},
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
        "subject": fact.subject, "value": _number(fact.value), "unit": fact.unit, "kind": fact.kind,
        "qualifier": fact.qualifier, "sign": fact.sign, "raw": fact.raw, "page": fact.page,
        "start": fact.start, "end": fact.end, "linked_key": fact.linked_key,
    }
