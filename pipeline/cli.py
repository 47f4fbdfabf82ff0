"""The command line: ``gongkai ingest|forget|export|check|search|compare|review|correct|corrections`` (also
``python -m pipeline``)."""

from __future__ import annotations

import argparse
import os
import sys
from contextlib import nullcontext
from pathlib import Path

from sqlalchemy import or_, select
from sqlalchemy.orm import Session

from pipeline import compare, diff, review, search, serve
from pipeline.db import DEFAULT_DB, DatabaseError, DocumentRow, FlagRow, ReportRow, connect
from pipeline.display import shown
from pipeline.export import export_csv, export_jsonl
from pipeline.ingest import Outcome, forget, ingest, prune
from pipeline.tabular import LABELS, ExportError, export_views, write_csv, write_xlsx
from pipeline.views import VIEWS


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="gongkai", description="Government information-disclosure annual "
                                     "reports (政府信息公开工作年度报告) into one relational database.")
    parser.add_argument("--db", help=f"SQLAlchemy URL or SQLite file (default {DEFAULT_DB}, or $GONGKAI_DB)")
    parser.add_argument("--version", action="version", version=version_line())
    sub = parser.add_subparsers(dest="command", required=True)

    p = sub.add_parser("ingest", help="read report files and folders (recursively) into the database")
    p.add_argument("paths", nargs="+", metavar="PATH")
    p.add_argument("-q", "--quiet", action="store_true", help="print the summary only")
    p.add_argument("--prune", action="store_true", help="then forget the stored documents under PATHs whose "
                   "files are gone")
    p.add_argument("--follow-links", action="store_true", help="in a folder, read symbolic links that point out "
                   "of it too (skipped by default; a path named here is always read)")
    p.set_defaults(run=_ingest)

    p = sub.add_parser("forget", help="remove the stored documents at PATHs (files, or folders: all under "
                       "them) with their rows; corrections and flag reviews are kept")
    p.add_argument("paths", nargs="+", metavar="PATH")
    p.set_defaults(run=_forget)

    p = sub.add_parser("export", help="write the database out: jsonl (one object per report), csv (one row per "
                       "template cell, or one analyst view with --view), parquet (every view, into a folder), "
                       "xlsx (every view, or --view, one sheet each)")
    p.add_argument("--format", choices=("jsonl", "csv", "parquet", "xlsx"), default="jsonl")
    p.add_argument("--view", choices=VIEWS, help="with --format csv or xlsx: this analyst view only")
    p.add_argument("-o", "--output", help="file to write (default: standard output; xlsx: data/export/gongkai.xlsx); "
                   "for parquet a folder (default data/export). Missing folders are created")
    p.add_argument("--bom", action="store_true", help="csv: start with a UTF-8 byte-order mark, so that Excel "
                   "(Chinese Windows) reads the Chinese text right")
    p.add_argument("--labels", choices=LABELS, default="key", help="csv/xlsx headers: column names (key, default) "
                   "or Chinese labels with units (zh)")
    p.set_defaults(run=_export)

    p = sub.add_parser("check", help="list the flags: broken identities and other problems, per report, and a "
                       "count per kind")
    p.add_argument("--kind", help="only flags of this kind (identity, label, unit, region, copies_disagree …)")
    p.add_argument("--region", help="six-digit division code, or part of the region or issuer name (宝山区)")
    p.add_argument("--year", type=int, help="only reports on this year")
    p.add_argument("--all-copies", action="store_true", help="every format copy's flags, not only the counted "
                   "copy's of each body-year")
    p.set_defaults(run=_check)

    search.register(sub)
    compare.register(sub)
    review.register(sub)
    compare.register_metrics(sub)
    diff.register(sub)
    serve.register(sub)

    for name in ("ingest", "forget", "export", "check"):  # --db is accepted after the command too
        sub.choices[name].add_argument("--db", default=argparse.SUPPRESS, help=argparse.SUPPRESS)

    args = parser.parse_args(argv)
    try:
        return args.run(args)
    except BrokenPipeError:  # `gongkai export | head`: the reader left, which is not an error
        sys.stdout = open(os.devnull, "w")
        return 0
    except DatabaseError as exc:  # a --db that cannot be used: one line, no traceback
        print(f"gongkai {args.command}: {exc}", file=sys.stderr)
        return 1


def _ingest(args) -> int:
    engine = connect(args.db)

    def show(outcome: Outcome) -> None:
        if outcome.status == "failed":
            print(f"FAILED {shown(outcome.path)}: {shown(outcome.reason)}", file=sys.stderr)
        elif outcome.status == "not_report":
            print(f"not a report {shown(outcome.path)}: {shown(outcome.reason)}", file=sys.stderr)
        elif outcome.status == "skipped":
            print(f"skipped {shown(outcome.path)}: {shown(outcome.reason)}", file=sys.stderr)
        elif outcome.status == "unchanged" and outcome.reason and not args.quiet:
            print(f"unchanged {shown(outcome.path)} — {shown(outcome.reason)}")
        elif not args.quiet:
            r = outcome.report
            what = f" — {r.region or '?'} {r.year or '?'} {r.edition or '?'}, {len(r.flags)} flag(s)" if r else ""
            print(f"{outcome.status:9} {shown(outcome.path)}{what}")

    outcomes = ingest(args.paths, engine, on_outcome=show, follow_links=args.follow_links)
    statuses = ("ingested", "replaced", "unchanged", "failed", "not_report")
    counts = {s: sum(o.status == s for o in outcomes) for s in statuses}
    reread = sum(o.status == "reread" for o in outcomes)  # stored bytes read by another extractor version
    skipped = sum(o.status == "skipped" for o in outcomes)  # links out of a folder, special files: not opened
    print(f"{len(outcomes)} file(s): " + ", ".join(f"{n} {s}" for s, n in counts.items())
          + (f", {reread} read again by the current extractor" if reread else "")
          + (f", {skipped} skipped" if skipped else ""))
    for o in outcomes:
        if o.status in ("failed", "skipped"):
            print(f"  {o.status} {shown(o.path)}: {shown(o.reason)}")
        elif o.status == "unchanged" and o.reason:
            print(f"  unchanged {shown(o.path)}: {shown(o.reason)}")
    if args.prune:
        for path in prune(args.paths, engine):
            print(f"forgot    {shown(path)} (file gone)")
    return 0 if any(o.status not in ("failed", "skipped") for o in outcomes) else 1  # nothing read is an error


def _forget(args) -> int:
    removed = forget(args.paths, connect(args.db))
    for path in removed:
        print(f"forgot {path}")
    print(f"{len(removed)} document(s) forgotten")
    return 0 if removed else 1


def version_line() -> str:
    """gongkai 0.1.0 (schema 0006): the installed package and the schema revision it brings a database to."""
    from importlib.metadata import PackageNotFoundError, version

    from alembic.script import ScriptDirectory

    from pipeline.db import alembic_config

    try:
        package = version("gongkai")
    except PackageNotFoundError:
        package = "unknown (not installed)"
    head = ScriptDirectory.from_config(alembic_config("sqlite://")).get_current_head()
    return f"gongkai {package} (schema {head})"


def _export(args) -> int:
    engine = connect(args.db, create=False)
    try:
        if args.format == "parquet":
            for path, rows in export_views(engine, "parquet", args.output or "data/export"):
                print(f"wrote {rows} row(s) to {path}", file=sys.stderr)
            return 0
        if args.format == "xlsx":
            path = args.output or "data/export/gongkai.xlsx"
            views = [args.view] if args.view else list(VIEWS)
            for view, rows in write_xlsx(engine, views, path, args.labels, skip_oversize=not args.view):
                print(f"wrote {rows} row(s) of view {view} to {path}" if rows is not None else
                      f"left out view {view}: more rows than an Excel sheet holds (export it as csv or parquet)",
                      file=sys.stderr)
            return 0
    except ExportError as exc:
        print(f"gongkai export: {exc}", file=sys.stderr)
        return 2
    if args.output:
        Path(args.output).parent.mkdir(parents=True, exist_ok=True)
    target = open(args.output, "w", encoding="utf-8", newline="") if args.output else nullcontext(sys.stdout)
    with target as out:
        if args.view:
            count = write_csv(engine, args.view, out, labels=args.labels, bom=args.bom)
            what = f"row(s) of view {args.view}"
        elif args.format == "jsonl":
            count, what = export_jsonl(engine, out), "report(s)"
        else:
            count, what = export_csv(engine, out, labels=args.labels, bom=args.bom), "cell row(s)"
    print(f"wrote {count} {what} to {args.output or 'standard output'}", file=sys.stderr)
    return 0


def _check(args) -> int:
    """Flags of the copy of each body-year that counts (copy_rank 0), each finding once; --all-copies lists
    every format copy's. Body-years whose copies print different figures are listed as copies_disagree."""
    engine = connect(args.db, create=False)
    counted = or_(ReportRow.copy_rank == 0, ReportRow.copy_rank.is_(None))
    query = (select(DocumentRow.name, ReportRow.body_label, ReportRow.year, FlagRow.kind, FlagRow.message,
                    FlagRow.report_id)
             .join(ReportRow, ReportRow.document_id == DocumentRow.id)
             .join(FlagRow, FlagRow.report_id == ReportRow.id).order_by(DocumentRow.name, FlagRow.id))
    disagree = (select(DocumentRow.name, ReportRow.body_label, ReportRow.year, ReportRow.copies,
                       ReportRow.copies_disagree)
                .join(ReportRow, ReportRow.document_id == DocumentRow.id)
                .where(ReportRow.copy_rank == 0, ReportRow.copies_disagree.is_not(None)).order_by(DocumentRow.name))
    if not args.all_copies:
        query = query.where(counted)
    if args.kind:
        query = query.where(FlagRow.kind == args.kind)
    if args.year is not None:
        query = query.where(ReportRow.year == args.year)
    if args.region:
        if args.region.isdigit():
            query = query.where(ReportRow.admin_code == args.region)
        else:
            name = f"%{args.region}%"
            query = query.where(ReportRow.region.like(name) | ReportRow.issuer.like(name))
    filtered = bool(args.kind or args.year is not None or args.region)
    with Session(engine) as session:
        rows = session.execute(query).all()
        differ = session.execute(disagree).all() if args.kind in (None, "copies_disagree") else []
        failed = session.execute(select(DocumentRow.name, DocumentRow.error)
                                 .where(DocumentRow.status == "failed").order_by(DocumentRow.name)).all()
    for name, body, year, kind, message, _report in rows:
        print(f"{name}\t{body or '?'} {year or '?'}\t{kind}\t{message}")
    for name, body, year, copies, keys in differ:
        print(f"{name}\t{body or '?'} {year or '?'}\tcopies_disagree\t{copies} copies differ on {keys}")
    if not filtered:
        for name, error in failed:
            print(f"{name}\t\tfailed\t{error}")
    kinds: dict[str, tuple[int, set]] = {}
    for *_, kind, _message, report in rows:
        n, reports = kinds.get(kind, (0, set()))
        reports.add(report)
        kinds[kind] = (n + 1, reports)
    if kinds:
        print("kind\tflags\treports", file=sys.stderr)
        for kind, (n, reports) in sorted(kinds.items(), key=lambda kv: (-kv[1][0], kv[0])):
            print(f"{kind}\t{n}\t{len(reports)}", file=sys.stderr)
    print(f"{len(rows)} flag(s)" + (f", {len(differ)} body-year(s) whose copies disagree" if differ else "")
          + ("" if filtered else f", {len(failed)} failed document(s)"), file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
