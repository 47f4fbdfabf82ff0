"""The command line: ``gongkai ingest|forget|export|check|search|compare|review|correct|corrections`` (also
``python -m pipeline``)."""

from __future__ import annotations

import argparse
import os
import signal
import sys
from collections import Counter
from contextlib import nullcontext
from dataclasses import dataclass, field
from pathlib import Path

from sqlalchemy import or_, select
from sqlalchemy.exc import SQLAlchemyError
from sqlalchemy.orm import Session

from pipeline import compare, diff, pending, review, search, serve
from pipeline.db import (
    DEFAULT_DB, LIKE_ESCAPE, DatabaseError, DocumentRow, FlagRow, ReportRow, connect, like_contains,
)
from pipeline.display import shown
from pipeline.export import export_csv, export_jsonl
from pipeline.ingest import Outcome, forget, ingest, prune
from pipeline.pool import PoolError
from pipeline.progress import ProgressBar
from pipeline.tasks import Limits
from pipeline.tabular import LABELS, ExportError, export_views, write_csv, write_xlsx
from pipeline.views import VIEWS


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="gongkai", description="Government information-disclosure annual "
                                     "reports (政府信息公开工作年度报告) into one relational database.")
    parser.add_argument("--db", help=f"SQLAlchemy URL or SQLite file (default {DEFAULT_DB}, or $GONGKAI_DB)")
    parser.add_argument("--version", action=_Version, help="show the version and the schema revision, and exit")
    sub = parser.add_subparsers(dest="command", required=True)

    p = sub.add_parser("ingest", help="read report files and folders (recursively) into the database")
    p.add_argument("paths", nargs="+", metavar="PATH")
    p.add_argument("-q", "--quiet", action="store_true", help="print the summary only")
    p.add_argument("--prune", action="store_true", help="then forget the stored documents under PATHs whose "
                   "files are gone")
    p.add_argument("--follow-links", action="store_true", help="in a folder, read symbolic links that point out "
                   "of it too (skipped by default; a path named here is always read)")
    p.add_argument("-j", "--jobs", type=_count, default=os.cpu_count() or 1, help="worker processes reading files "
                   "(default: the machine's cores, %(default)s); 1 reads in this process, without the limits below")
    p.add_argument("-v", "--verbose", action="store_true", help="a line per file, also on a terminal (instead of "
                   "the progress bar)")
    limits = Limits()
    p.add_argument("--file-timeout", type=_amount, default=limits.file_seconds, metavar="SECONDS",
                   help="time limit per file, plus --page-timeout for each page (default %(default)g s; 0: none)")
    p.add_argument("--page-timeout", type=_amount, default=limits.page_seconds, metavar="SECONDS",
                   help="time limit added per page of the file (default %(default)g s)")
    p.add_argument("--file-memory", type=_amount, default=limits.memory_mb, metavar="MIB",
                   help="memory limit of the worker reading a file (default %(default)g MiB; 0: none)")
    p.add_argument("--cluster", metavar="ADDRESS", help="read and store on the Dask scheduler's workers at ADDRESS "
                   "(tcp://host:8786) into the PostgreSQL --db; paths must be the same on every machine")
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
    p.add_argument("-o", "--output", help="file to write (default, or -: standard output; xlsx: "
                   "data/export/gongkai.xlsx); "
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
    p.add_argument("--refresh", action="store_true", help="first recompute what is pending (the quality flags, "
                   "copy ranks, text reuse and corrections' statuses an interrupted ingest left), and say what")
    p.add_argument("--all", action="store_true", help="with --refresh: recompute them for every report")
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
        if args.command in READ_COMMANDS and not getattr(args, "refresh", False) \
                and not (args.command == "review" and args.verdict):
            _warn_if_outdated(args)
        return args.run(args)
    except BrokenPipeError:  # `gongkai export | head`: the reader left, which is not an error
        sys.stdout = open(os.devnull, "w")
        return 0
    except DatabaseError as exc:  # a --db that cannot be used: one line, no traceback
        print(f"gongkai {args.command}: {exc}", file=sys.stderr)
        return 1
    except PoolError as exc:
        print(f"gongkai {args.command}: {exc}", file=sys.stderr)
        return 1
    except KeyboardInterrupt:  # a second Ctrl-C during an ingest, or one during another command
        print(f"gongkai {args.command}: interrupted", file=sys.stderr)
        return 130
    except SQLAlchemyError as exc:  # the database failed mid-way (a full disk, a read-only file …): one line
        reason = str(getattr(exc, "orig", None) or exc).splitlines()[0]
        print(f"gongkai {args.command}: {args.db or os.environ.get('GONGKAI_DB') or DEFAULT_DB}: "
              f"{type(exc).__name__}: {reason}", file=sys.stderr)
        return 1
    except OSError as exc:  # an output file or folder that cannot be written (a full disk …): one line
        print(f"gongkai {args.command}: {exc.filename or ''}: {exc.strerror or exc}", file=sys.stderr)
        return 1


def _count(value: str) -> int:
    if not value.isdigit() or int(value) < 1:
        raise argparse.ArgumentTypeError(f"not a number of processes: {value!r}")
    return int(value)


def _amount(value: str) -> float:
    try:
        number = float(value)
    except ValueError:
        number = -1.0
    if not number >= 0 or number == float("inf"):
        raise argparse.ArgumentTypeError(f"not a number ≥ 0: {value!r}")
    return number


# Commands that read derived data: each says in one line when it is out of date (pipeline.pending), and answers.
READ_COMMANDS = ("check", "export", "compare", "search", "review", "corrections", "diff", "serve")


def _warn_if_outdated(args) -> None:
    try:
        engine = connect(getattr(args, "db", None), readonly=True)
    except DatabaseError:
        return  # the command itself says why in one line
    try:
        pending.warn_if_outdated(engine)
    finally:
        engine.dispose()


def _ingest(args) -> int:
    limits = Limits(file_seconds=args.file_timeout or None, page_seconds=args.page_timeout,
                    memory_mb=int(args.file_memory) or None)
    bar = ProgressBar() if sys.stderr.isatty() and not (args.verbose or args.quiet) else None
    tally = Tally()

    def show(outcome: Outcome) -> None:
        tally.add(outcome)
        if bar is not None:
            bar.advance(outcome)
            return
        if outcome.status == "failed":
            print(f"FAILED {shown(outcome.path)}: {shown(outcome.reason)}", file=sys.stderr)
        elif outcome.status == "not_report":
            print(f"not a report {shown(outcome.path)}: {shown(outcome.reason)}", file=sys.stderr)
        elif outcome.status == "skipped":
            print(f"skipped {shown(outcome.path)}: {shown(outcome.reason)}", file=sys.stderr)
        elif outcome.status == "unchanged" and outcome.reason and not args.quiet:
            print(f"unchanged {shown(outcome.path)} — {shown(outcome.reason)}")
        elif not args.quiet:
            what = f" — {outcome.summary}" if outcome.summary else ""
            print(f"{outcome.status:9} {shown(outcome.path)}{what}")

    signalled: list[int] = []
    if args.cluster:  # many machines: pipeline.cluster (Ctrl-C cancels the futures)
        from pipeline.cluster import ClusterError, ingest_cluster

        try:
            ingest_cluster(args.paths, args.cluster, args.db, on_outcome=show, follow_links=args.follow_links,
                           limits=limits, keep_outcomes=False)  # tallied as they pass
        except ClusterError as exc:
            print(f"gongkai ingest: {exc}", file=sys.stderr)
            return 1
        except KeyboardInterrupt:
            print("gongkai ingest: interrupted: the tasks not done are cancelled; run it again to go on",
                  file=sys.stderr)
            return 130
    else:
        engine = connect(args.db)

        def on_signal(signum, _frame) -> None:  # stop after the current document; a second signal stops at once
            if signalled:
                raise KeyboardInterrupt
            signalled.append(signum)

        previous = {sig: signal.signal(sig, on_signal) for sig in (signal.SIGINT, signal.SIGTERM)}
        total = []
        try:
            with bar or nullcontext():
                ingest(args.paths, engine, on_outcome=show, follow_links=args.follow_links, jobs=args.jobs,
                       limits=limits, stop=lambda: bool(signalled),
                       on_start=lambda n: (total.append(n), bar and bar.start(n)), keep_outcomes=False)
        finally:
            for sig, handler in previous.items():
                signal.signal(sig, handler)
            engine.dispose()  # the last connection closed: SQLite folds its WAL into the file (a copy is whole)
    statuses = ("ingested", "replaced", "unchanged", "failed", "not_report")
    reread = tally.counts["reread"]  # stored bytes read by another extractor version
    skipped = tally.counts["skipped"]  # links out of a folder, special files: not opened
    print(f"{tally.files} file(s): " + ", ".join(f"{tally.counts[s]} {s}" for s in statuses)
          + (f", {reread} read again by the current extractor" if reread else "")
          + (f", {skipped} skipped" if skipped else ""))
    for o in tally.named:
        print(f"  {o.status} {shown(o.path)}: {shown(o.reason)}")
    if signalled:
        name = signal.Signals(signalled[0]).name
        print(f"gongkai ingest: stopped by {name} after {tally.files} of {total[0] if total else '?'} file(s), "
              "each stored whole; run the same command again to resume (stored files are skipped)", file=sys.stderr)
        return 128 + signalled[0]
    if args.prune:
        for path in prune(args.paths, connect(args.db)):
            print(f"forgot    {shown(path)} (file gone)")
    return 0 if tally.files > tally.counts["failed"] + skipped else 1  # nothing read is an error


@dataclass
class Tally:
    """What an ingest's summary says, kept as its outcomes pass, so that a run of 10⁶ files holds none of them:
    the files of each status, and the outcomes the summary names (failed, skipped, unchanged copies)."""

    counts: Counter = field(default_factory=Counter)
    named: list[Outcome] = field(default_factory=list)

    @property
    def files(self) -> int:
        return sum(self.counts.values())

    def add(self, outcome: Outcome) -> None:
        self.counts[outcome.status] += 1
        if outcome.status in ("failed", "skipped") or (outcome.status == "unchanged" and outcome.reason):
            self.named.append(outcome)


def _forget(args) -> int:
    removed = forget(args.paths, connect(args.db, create=False))  # a missing database: one line, none made
    for path in removed:
        print(f"forgot {path}")
    print(f"{len(removed)} document(s) forgotten")
    return 0 if removed else 1


class _Version(argparse.Action):
    """``--version``: the line is made only when asked for (it imports alembic: ~0.25 s every command paid)."""

    def __init__(self, option_strings, dest=argparse.SUPPRESS, default=argparse.SUPPRESS, help=None):
        super().__init__(option_strings, dest, nargs=0, default=default, help=help)

    def __call__(self, parser, namespace, values, option_string=None):
        print(version_line())
        parser.exit()


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
    engine = connect(args.db, readonly=True)
    if args.output == "-":  # the usual spelling of standard output
        if args.format in ("parquet", "xlsx"):
            print(f"gongkai export: {args.format} is written to files: -o names a folder or file, not -",
                  file=sys.stderr)
            return 2
        args.output = None
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
    engine = connect(args.db, create=False) if args.refresh else connect(args.db, readonly=True)
    if args.all and not args.refresh:
        print("gongkai check: --all goes with --refresh", file=sys.stderr)
        return 2
    if args.refresh:
        try:
            print(pending.complete(engine, everything=args.all), file=sys.stderr)
        except SQLAlchemyError as exc:  # a read-only file, a server gone: one line
            print(f"gongkai check: cannot refresh: {type(exc).__name__}: {getattr(exc, 'orig', None) or exc}"
                  .splitlines()[0], file=sys.stderr)
            return 1
    counted = or_(ReportRow.copy_rank == 0, ReportRow.copy_rank.is_(None))
    query = (select(DocumentRow.name, ReportRow.body_label, ReportRow.year, FlagRow.kind, FlagRow.message,
                    FlagRow.report_id, review.FlagReviewRow.status, review.FlagReviewRow.note)
             .join(ReportRow, ReportRow.document_id == DocumentRow.id)
             .join(FlagRow, FlagRow.report_id == ReportRow.id)
             .outerjoin(review.FlagReviewRow, review.reviewed())
             .order_by(DocumentRow.name, FlagRow.id))
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
            name = like_contains(args.region)
            query = query.where(ReportRow.region.like(name, escape=LIKE_ESCAPE)
                                | ReportRow.issuer.like(name, escape=LIKE_ESCAPE))
    filtered = bool(args.kind or args.year is not None or args.region)
    with Session(engine) as session:
        rows = session.execute(query).all()
        differ = session.execute(disagree).all() if args.kind in (None, "copies_disagree") else []
        failed = session.execute(select(DocumentRow.name, DocumentRow.error)
                                 .where(DocumentRow.status == "failed").order_by(DocumentRow.name)).all()
    for name, body, year, kind, message, _report, status, note in rows:  # an analyst's verdict after the finding
        verdict = f" [{status}: {note}]" if status else ""
        print(f"{name}\t{body or '?'} {year or '?'}\t{kind}\t{message}{verdict}")
    for name, body, year, copies, keys in differ:
        print(f"{name}\t{body or '?'} {year or '?'}\tcopies_disagree\t{copies} copies differ on {keys}")
    if not filtered:
        for name, error in failed:
            print(f"{name}\t\tfailed\t{error}")
    kinds: dict[str, tuple[int, set]] = {}
    for _name, _body, _year, kind, _message, report, *_ in rows:
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
