"""The command line: ``gongkai ingest|forget|export|check|search|compare|review|correct|corrections`` (also
``python -m pipeline``)."""

from __future__ import annotations

import argparse
import os
import sys
from contextlib import nullcontext

from sqlalchemy import or_, select
from sqlalchemy.orm import Session

from pipeline import compare, review, search
from pipeline.db import DEFAULT_DB, DocumentRow, FlagRow, ReportRow, connect
from pipeline.export import export_csv, export_jsonl
from pipeline.ingest import Outcome, forget, ingest, prune
from pipeline.tabular import export_views, write_csv
from pipeline.views import VIEWS


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="gongkai", description="Government information-disclosure annual "
                                     "reports (政府信息公开工作年度报告) into one relational database.")
    parser.add_argument("--db", help=f"SQLAlchemy URL or SQLite file (default {DEFAULT_DB}, or $GONGKAI_DB)")
    sub = parser.add_subparsers(dest="command", required=True)

    p = sub.add_parser("ingest", help="read report files and folders (recursively) into the database")
    p.add_argument("paths", nargs="+", metavar="PATH")
    p.add_argument("-q", "--quiet", action="store_true", help="print the summary only")
    p.add_argument("--prune", action="store_true", help="then forget the stored documents under PATHs whose "
                   "files are gone")
    p.set_defaults(run=_ingest)

    p = sub.add_parser("forget", help="remove the stored documents at PATHs (files, or folders: all under "
                       "them) with their rows; corrections and flag reviews are kept")
    p.add_argument("paths", nargs="+", metavar="PATH")
    p.set_defaults(run=_forget)

    p = sub.add_parser("export", help="write the database out: jsonl (one object per report), csv (one row per "
                       "template cell, or one analyst view with --view), parquet (every view, into a folder)")
    p.add_argument("--format", choices=("jsonl", "csv", "parquet"), default="jsonl")
    p.add_argument("--view", choices=VIEWS, help="with --format csv: this analyst view instead of the cells")
    p.add_argument("-o", "--output", help="file to write (default: standard output); for parquet a folder "
                   "(default data/export)")
    p.set_defaults(run=_export)

    p = sub.add_parser("check", help="list the flags: broken identities and other problems, per report")
    p.add_argument("--kind", help="only flags of this kind (identity, label, unit, region, copies_disagree …)")
    p.add_argument("--all-copies", action="store_true", help="every format copy's flags, not only the counted "
                   "copy's of each body-year")
    p.set_defaults(run=_check)

    search.register(sub)
    compare.register(sub)
    review.register(sub)
    compare.register_metrics(sub)

    for name in ("ingest", "forget", "export", "check"):  # --db is accepted after the command too
        sub.choices[name].add_argument("--db", default=argparse.SUPPRESS, help=argparse.SUPPRESS)

    args = parser.parse_args(argv)
    try:
        return args.run(args)
    except BrokenPipeError:  # `gongkai export | head`: the reader left, which is not an error
        sys.stdout = open(os.devnull, "w")
        return 0


def _ingest(args) -> int:
    engine = connect(args.db)

    def show(outcome: Outcome) -> None:
        if outcome.status == "failed":
            print(f"FAILED {outcome.path}: {outcome.reason}", file=sys.stderr)
        elif outcome.status == "not_report":
            print(f"not a report {outcome.path}: {outcome.reason}", file=sys.stderr)
        elif not args.quiet:
            r = outcome.report
            what = f" — {r.region or '?'} {r.year or '?'} {r.edition or '?'}, {len(r.flags)} flag(s)" if r else ""
            print(f"{outcome.status:9} {outcome.path}{what}")

    outcomes = ingest(args.paths, engine, on_outcome=show)
    statuses = ("ingested", "replaced", "unchanged", "failed", "not_report")
    counts = {s: sum(o.status == s for o in outcomes) for s in statuses}
    reread = sum(o.status == "reread" for o in outcomes)  # stored bytes read by another extractor version
    print(f"{len(outcomes)} file(s): " + ", ".join(f"{n} {s}" for s, n in counts.items())
          + (f", {reread} read again by the current extractor" if reread else ""))
    for o in outcomes:
        if o.status == "failed":
            print(f"  failed {o.path}: {o.reason}")
    if args.prune:
        for path in prune(args.paths, engine):
            print(f"forgot    {path} (file gone)")
    return 0 if any(o.status != "failed" for o in outcomes) else 1  # nothing read at all is an error


def _forget(args) -> int:
    removed = forget(args.paths, connect(args.db))
    for path in removed:
        print(f"forgot {path}")
    print(f"{len(removed)} document(s) forgotten")
    return 0 if removed else 1


def _export(args) -> int:
    engine = connect(args.db)
    if args.format == "parquet":
        for path, rows in export_views(engine, "parquet", args.output or "data/export"):
            print(f"wrote {rows} row(s) to {path}", file=sys.stderr)
        return 0
    target = open(args.output, "w", encoding="utf-8", newline="") if args.output else nullcontext(sys.stdout)
    with target as out:
        if args.view:
            count = write_csv(engine, args.view, out)
        else:
            count = (export_jsonl if args.format == "jsonl" else export_csv)(engine, out)
    if args.output:
        print(f"wrote {count} {'report(s)' if args.format == 'jsonl' else 'cell row(s)'} to {args.output}",
              file=sys.stderr)
    return 0


def _check(args) -> int:
    """Flags of the copy of each body-year that counts (copy_rank 0), each finding once; --all-copies lists
    every format copy's. Body-years whose copies print different figures are listed as copies_disagree."""
    engine = connect(args.db)
    counted = or_(ReportRow.copy_rank == 0, ReportRow.copy_rank.is_(None))
    query = (select(DocumentRow.name, ReportRow.body_label, ReportRow.year, FlagRow.kind, FlagRow.message)
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
    with Session(engine) as session:
        rows = session.execute(query).all()
        differ = session.execute(disagree).all() if args.kind in (None, "copies_disagree") else []
        failed = session.execute(select(DocumentRow.name, DocumentRow.error)
                                 .where(DocumentRow.status == "failed").order_by(DocumentRow.name)).all()
    for name, body, year, kind, message in rows:
        print(f"{name}\t{body or '?'} {year or '?'}\t{kind}\t{message}")
    for name, body, year, copies, keys in differ:
        print(f"{name}\t{body or '?'} {year or '?'}\tcopies_disagree\t{copies} copies differ on {keys}")
    if not args.kind:
        for name, error in failed:
            print(f"{name}\t\tfailed\t{error}")
    print(f"{len(rows)} flag(s)" + (f", {len(differ)} body-year(s) whose copies disagree" if differ else "")
          + ("" if args.kind else f", {len(failed)} failed document(s)"), file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
