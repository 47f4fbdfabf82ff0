"""``gongkai diff A B``: two reports side by side — the same body in two years, or two bodies — cell by cell with
the changes, both reports' flags, and the narrative's text reuse per section (pipeline.reuse).

A and B are each a report id (``12``), a file (a path whose bytes are stored, or a stored file name such as
``baoshan-2021.docx``), or a body and a year (``宝山区 2021``, ``310113:2021``, ``合江县教育局@2022``).
Text reuse is the later report's sentences found in the earlier one (B's in A's when the years are equal).
Output: ``--format text`` (a terminal table), ``csv`` (one row per cell), ``json`` (everything) or ``html``
(one self-contained page).
"""

from __future__ import annotations

import argparse
import csv
import hashlib
import html
import io
import json
import re
import sys
from dataclasses import asdict, dataclass
from pathlib import Path

from sqlalchemy import func, select
from sqlalchemy.engine import Connection, Engine

from pipeline.db import LIKE_ESCAPE, CellRow, DocumentRow, FlagRow, ReportRow, like_contains
from pipeline.labels import figure_label
from pipeline.reuse import THRESHOLD, Reuse, compare_texts, section_texts
from pipeline.views import all_keys

FORMATS = ("text", "csv", "json", "html")
_BODY_YEAR = re.compile(r"^\s*(.*?)[\s:@/_-]*((?:19|20)\d\d)\s*$")


class DiffError(ValueError):
    """A report that cannot be found or is ambiguous, said in one line."""


@dataclass(frozen=True)
class Flag:
    kind: str
    check: str | None
    key: str | None
    message: str


@dataclass(frozen=True)
class Side:
    report_id: int
    source: str
    region: str | None
    admin_code: str | None
    issuer: str | None
    issuer_kind: str | None
    year: int | None
    edition: str | None
    flags: tuple[Flag, ...]

    @property
    def name(self) -> str:
        return f"{self.issuer or self.region or '?'} {self.year or '?'}"


@dataclass(frozen=True)
class CellDiff:
    key: str
    label: str
    a: float | int | None
    b: float | int | None
    status: str  # same | changed | only_a | only_b

    @property
    def change(self) -> float | int | None:
        return _whole(self.b - self.a) if self.a is not None and self.b is not None else None

    @property
    def change_pct(self) -> float | None:
        return round(100.0 * (self.b - self.a) / self.a, 2) if self.change is not None and self.a else None


@dataclass(frozen=True)
class Diff:
    a: Side
    b: Side
    cells: tuple[CellDiff, ...]
    reuse: Reuse
    reuse_of: str  # "b" (B's sentences in A's) or "a"

    @property
    def changed(self) -> tuple[CellDiff, ...]:
        return tuple(c for c in self.cells if c.status != "same")


def _whole(value: float | None):
    if value is None:
        return None
    value = round(float(value), 2)
    return int(value) if value.is_integer() else value


# --- finding the reports ---------------------------------------------------------------------------------------


def resolve(conn: Connection, spec: str) -> int:
    """The report id ``spec`` names (see the module docstring); DiffError when none or several."""
    spec = spec.strip()
    if spec.isdigit() and len(spec) < 6:
        if conn.execute(select(ReportRow.id).where(ReportRow.id == int(spec))).first() is None:
            raise DiffError(f"no report with id {spec}")
        return int(spec)
    path = Path(spec)
    if path.is_file():
        sha = hashlib.sha256(path.read_bytes()).hexdigest()
        found = conn.execute(select(ReportRow.id).join(DocumentRow).where(DocumentRow.sha256 == sha)).scalar()
        if found is None:
            raise DiffError(f"{spec}: this file's bytes are not in the database (gongkai ingest it first)")
        return found
    named = conn.execute(select(ReportRow.id, DocumentRow.path).join(DocumentRow)
                         .where(DocumentRow.name == path.name).order_by(ReportRow.id)).all()
    if len(named) == 1:
        return named[0][0]
    if len(named) > 1:
        raise DiffError(f"{spec}: {len(named)} stored files have this name ({', '.join(p for _, p in named[:3])}…); "
                        "give the path or the report id")
    m = _BODY_YEAR.match(spec)
    if not m or not m.group(1):
        raise DiffError(f"{spec!r} is neither a report id, a stored file, nor a body and year (宝山区 2021)")
    body, year = m.group(1), int(m.group(2))
    r = ReportRow
    query = select(r.id, r.admin_code, r.issuer_kind, func.coalesce(r.issuer, r.region)).where(r.year == year)
    if body.isdigit():
        query = query.where(r.admin_code == body)
    else:
        name = like_contains(body)
        query = query.where(r.region.like(name, escape=LIKE_ESCAPE) | r.issuer.like(name, escape=LIKE_ESCAPE) |
                            r.issuer_printed.like(name, escape=LIKE_ESCAPE))
    rows = conn.execute(query.order_by(r.id)).all()
    bodies = {}
    for rid, code, kind, name in rows:
        bodies.setdefault((code, kind, name), rid)  # a body's first-loaded copy (pipeline/bodies.py at merge)
    if not bodies:
        raise DiffError(f"no report of {body} for {year}")
    if len(bodies) > 1:
        names = "; ".join(f"{n} ({c or '?'}, {k or '?'})" for c, k, n in list(bodies)[:5])
        raise DiffError(f"{body} {year} names {len(bodies)} bodies: {names} — be more precise or give the report id")
    return next(iter(bodies.values()))


def _side(conn: Connection, report_id: int) -> Side:
    r = ReportRow
    report = conn.execute(select(DocumentRow.name.label("source"), r.region, r.admin_code, r.issuer, r.issuer_kind,
                                 r.year, r.edition).join(DocumentRow).where(r.id == report_id)).one()
    flags = conn.execute(select(FlagRow.kind, FlagRow.identity, FlagRow.key, FlagRow.message)
                         .where(FlagRow.report_id == report_id).order_by(FlagRow.id)).all()
    return Side(report_id, *report, flags=tuple(Flag(*f) for f in flags))


def _cells(conn: Connection, report_id: int) -> dict[str, float | None]:
    return dict(conn.execute(select(CellRow.key, CellRow.value)
                             .where(CellRow.report_id == report_id, CellRow.key.is_not(None))).all())


def diff(engine: Engine, a: str, b: str) -> Diff:
    """Compare the reports ``a`` and ``b`` name (ids, files or body + year)."""
    with engine.connect() as conn:
        ida, idb = resolve(conn, a), resolve(conn, b)
        side_a, side_b = _side(conn, ida), _side(conn, idb)
        va, vb = _cells(conn, ida), _cells(conn, idb)
        order = {k: i for i, k in enumerate(all_keys())}
        cells = []
        for key in sorted(set(va) | set(vb), key=lambda k: (order.get(k, len(order)), k)):
            x, y = _whole(va.get(key)), _whole(vb.get(key))
            status = ("only_b" if key not in va else "only_a" if key not in vb else
                      "same" if x == y else "changed")
            cells.append(CellDiff(key, figure_label(key), x, y, status))
        later_is_a = (side_a.year or 0) > (side_b.year or 0)
        current, previous = (ida, idb) if later_is_a else (idb, ida)
        reuse = compare_texts(section_texts(conn, current), section_texts(conn, previous))
    return Diff(side_a, side_b, tuple(cells), reuse, "a" if later_is_a else "b")


# --- rendering ------------------------------------------------------------------------------------------------


def _num(v) -> str:
    return "" if v is None else f"{v:,}" if isinstance(v, int) else f"{v:,.2f}"


def _pct(share: float | None) -> str:
    return "" if share is None else f"{100 * share:.1f}%"


def to_json(d: Diff) -> dict:
    side = lambda s: {**asdict(s), "name": s.name}  # noqa: E731
    return {
        "a": side(d.a), "b": side(d.b),
        "cells": [{**asdict(c), "change": c.change, "change_pct": c.change_pct} for c in d.cells],
        "changed": len(d.changed),
        "text_reuse": {
            "of": d.reuse_of, "against": "a" if d.reuse_of == "b" else "b", "threshold": THRESHOLD,
            "whole": {"sentences": d.reuse.whole.sentences, "reused": d.reuse.whole.reused,
                      "share": d.reuse.whole.share},
            "sections": [{"section": s.section, "sentences": s.sentences, "reused": s.reused, "share": s.share}
                         for s in d.reuse.sections],
            "reused_sentences": [asdict(m) for m in d.reuse.matches if m.score >= THRESHOLD],
        },
    }


CSV_COLUMNS = ("key", "label", "a", "b", "change", "change_pct", "status")


def write_csv(d: Diff, out) -> None:
    """One row per cell either report prints; then nothing else (flags and reuse are in json/html/text)."""
    writer = csv.writer(out)
    writer.writerow(CSV_COLUMNS)
    for c in d.cells:
        writer.writerow([c.key, c.label, c.a, c.b, c.change, c.change_pct, c.status])


def to_text(d: Diff, all_cells: bool = False) -> str:
    from rich.console import Console
    from rich.table import Table

    buffer = io.StringIO()
    console = Console(file=buffer, width=140, no_color=True)
    later, earlier = (d.a, d.b) if d.reuse_of == "a" else (d.b, d.a)
    console.print(f"A: {d.a.name} ({d.a.source}, report {d.a.report_id})")
    console.print(f"B: {d.b.name} ({d.b.source}, report {d.b.report_id})")
    shown = d.cells if all_cells else d.changed
    table = Table(title=f"cells: {len(d.changed)} of {len(d.cells)} differ", title_justify="left")
    for name, justify in (("key", "left"), ("label", "left"), ("A", "right"), ("B", "right"),
                          ("change", "right"), ("", "left")):
        table.add_column(name, justify=justify)
    for c in shown:
        pct = f" ({c.change_pct:+.1f}%)" if c.change_pct is not None else ""
        change = f"{c.change:+,}{pct}" if c.change is not None else ""
        table.add_row(c.key, c.label, _num(c.a), _num(c.b), change, "" if c.status in ("same", "changed") else c.status)
    if shown:
        console.print(table)
    else:  # nothing to list: the count alone, not the headers of an empty table
        console.print(f"cells: {len(d.changed)} of {len(d.cells)} differ")
    for label, side in (("A", d.a), ("B", d.b)):
        console.print(f"flags of {label} ({len(side.flags)}):")
        for f in side.flags:
            console.print(f"  {f.kind}\t{f.check or ''}\t{f.message}")
    reuse = Table(title=f"text reuse: sentences of {later.name} that repeat {earlier.name} "
                  f"(figures masked, similarity ≥ {THRESHOLD:g})", title_justify="left")
    for name, justify in (("section", "left"), ("sentences", "right"), ("repeated", "right"), ("share", "right")):
        reuse.add_column(name, justify=justify)
    for s in d.reuse.sections:
        reuse.add_row(s.section, str(s.sentences), str(s.reused), _pct(s.share))
    w = d.reuse.whole
    reuse.add_row("whole report", str(w.sentences), str(w.reused), _pct(w.share))
    console.print(reuse)
    return buffer.getvalue()


_CSS = ("body{font-family:sans-serif;margin:1.5em}table{border-collapse:collapse;margin:1em 0}"
        "td,th{border:1px solid #ccc;padding:2px 6px}td.n{text-align:right}tr.changed{background:#fff3c4}"
        "tr.only_a,tr.only_b{background:#eef}caption{text-align:left;font-weight:bold}")


def to_html(d: Diff) -> str:
    e = html.escape
    later, earlier = (d.a, d.b) if d.reuse_of == "a" else (d.b, d.a)
    out = [f"<!doctype html><html lang=zh><meta charset=utf-8><title>diff {e(d.a.name)} / {e(d.b.name)}</title>",
           f"<style>{_CSS}</style><h1>{e(d.a.name)} ↔ {e(d.b.name)}</h1>",
           f"<p>A: {e(d.a.source)} (report {d.a.report_id}); B: {e(d.b.source)} (report {d.b.report_id})</p>",
           f"<table><caption>cells: {len(d.changed)} of {len(d.cells)} differ</caption>"
           "<tr><th>key<th>label<th>A<th>B<th>change<th>%"]
    for c in d.cells:
        out.append(f"<tr class={c.status}><td>{e(c.key)}<td>{e(c.label)}<td class=n>{_num(c.a)}<td class=n>"
                   f"{_num(c.b)}<td class=n>{'' if not c.change else f'{c.change:+,}'}<td class=n>"
                   f"{'' if not c.change_pct else f'{c.change_pct:+.1f}'}")
    out.append("</table>")
    for label, side in (("A", d.a), ("B", d.b)):
        out.append(f"<table><caption>flags of {label} ({len(side.flags)})</caption><tr><th>kind<th>check<th>message")
        out += [f"<tr><td>{e(f.kind)}<td>{e(f.check or '')}<td>{e(f.message)}" for f in side.flags]
        out.append("</table>")
    out.append(f"<table><caption>text reuse: sentences of {e(later.name)} that repeat {e(earlier.name)} "
               f"(figures masked, similarity ≥ {THRESHOLD:g})</caption>"
               "<tr><th>section<th>sentences<th>repeated<th>share")
    w = d.reuse.whole
    for s in (*d.reuse.sections, w):
        out.append(f"<tr><td>{e(s.section or 'whole report')}<td class=n>{s.sentences}<td class=n>{s.reused}"
                   f"<td class=n>{_pct(s.share)}")
    out.append("</table></html>\n")
    return "\n".join(out)


# --- the command ----------------------------------------------------------------------------------------------


def register(subparsers) -> None:
    p = subparsers.add_parser("diff", help="two reports side by side: cells, changes, flags, text reuse",
                              description=__doc__.split("\n\n")[1])
    p.add_argument("a", metavar="A", help="report id, file, or body and year (宝山区 2020)")
    p.add_argument("b", metavar="B", help="the same for the other report")
    p.add_argument("--format", choices=FORMATS, default="text")
    p.add_argument("--all", action="store_true", help="text: list unchanged cells too")
    p.add_argument("-o", "--output", help="write here (default: standard output)")
    p.add_argument("--db", default=argparse.SUPPRESS, help=argparse.SUPPRESS)
    p.set_defaults(run=run)


def run(args) -> int:
    from pipeline.db import connect

    try:
        d = diff(connect(getattr(args, "db", None), readonly=True), args.a, args.b)
    except DiffError as exc:
        print(f"gongkai diff: {exc}", file=sys.stderr)
        return 2
    if args.format == "csv":
        buffer = io.StringIO()
        write_csv(d, buffer)
        body = buffer.getvalue()
    elif args.format == "json":
        body = json.dumps(to_json(d), ensure_ascii=False, indent=1) + "\n"
    elif args.format == "html":
        body = to_html(d)
    else:
        body = to_text(d, args.all)
    if args.output:
        Path(args.output).parent.mkdir(parents=True, exist_ok=True)
        Path(args.output).write_text(body, encoding="utf-8")
        print(f"wrote {args.output}: {len(d.changed)} of {len(d.cells)} cells differ", file=sys.stderr)
    else:
        sys.stdout.write(body)
    return 0
