"""The analyst's review: verdicts on flags (confirmed or dismissed, with a note) and corrections of cells.

Both outlive the rows they concern. Flags are deleted and made again whenever a document is read again or the
quality checks run; cells when a document is read again (the same file after an extractor change, say). So:

- a review is keyed by the flag's *subject* (the report's body and year) and *fingerprint* (kind, check, key,
  place; the message only for flags that have none of those), computed in SQL from the live rows, so the same
  finding on a re-read report, or on another format's copy of it, meets the same review;
- a correction is keyed by the document's bytes (sha256) and the canonical key. It never overwrites
  cells.value; the views use it (pipeline.views). After every ingest ``refresh_corrections`` marks each one
  resolved (the current reading now agrees), open (it still differs) or orphaned (no ingested document holds
  those bytes, e.g. after ``gongkai forget``). Orphaned corrections are kept, not deleted: they are an
  analyst's work, cost nothing (the views join them through documents), and apply again by themselves if the
  same bytes are ingested again from wherever they now lie.

Neither a verdict nor a correction changes derived data (the quality flags are computed from the published
cells; a correction's status is set when it is made), so neither marks the pending set (pipeline.pending);
``refresh_corrections`` runs for the documents an ingest or forget marked.
"""

from __future__ import annotations

import argparse
import math
import os
import sys
from collections.abc import Collection
from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import Text, and_, case, cast, delete, func, literal, or_, select, update
from sqlalchemy.engine import Engine
from sqlalchemy.orm import Session

from pipeline.db import CellRow, CorrectionRow, DocumentRow, FlagReviewRow, FlagRow, ReportRow, in_lists, lock

STATUSES = ("open", "confirmed", "dismissed")  # of a flag: open until reviewed
VERDICTS = ("confirm", "dismiss")
TOLERANCE = 1e-9  # a reading "agrees" with a correction when they differ by less than this


class ReviewError(Exception):
    """A review or correction that cannot be made (no such flag, report or cell; a value that is no number)."""


def _text(column):
    return func.coalesce(column, "")


# The body and year a flag's report speaks for (the division code and the issuer as read; an unresolved issuer
# by its printed name, then the region or title), and what the flag says, independent of row ids.
FLAG_SUBJECT = (_text(ReportRow.admin_code) + "|"
                + func.coalesce(ReportRow.issuer, ReportRow.issuer_printed, ReportRow.region, ReportRow.title, "")
                + "|" + _text(cast(ReportRow.year, Text)))
FLAG_FINGERPRINT = (FlagRow.kind + "|" + _text(FlagRow.identity) + "|" + _text(FlagRow.key) + "|"
                    + _text(FlagRow.where)
                    + case((and_(FlagRow.identity.is_(None), FlagRow.key.is_(None), FlagRow.where.is_(None)),
                            "|" + FlagRow.message), else_=literal("")))


@dataclass(frozen=True)
class FlagItem:
    flag_id: int
    source: str
    region: str | None
    issuer: str | None
    year: int | None
    kind: str
    check: str | None
    message: str
    status: str  # open | confirmed | dismissed
    note: str | None = None
    author: str | None = None


@dataclass(frozen=True)
class Correction:
    sha256: str
    source: str | None  # the document's file name; None when orphaned
    report_id: int | None
    key: str
    value: float
    published: float | None  # the cell's value as read now (as read when corrected, when orphaned)
    reason: str
    author: str
    status: str  # open | resolved | orphaned
    created_at: datetime


# --- flags --------------------------------------------------------------------------------------------------


def reviewed():
    """The condition joining a flag (FlagRow, with its ReportRow) to its review (FlagReviewRow), if any."""
    return and_(FlagReviewRow.subject == FLAG_SUBJECT, FlagReviewRow.fingerprint == FLAG_FINGERPRINT)


def _flag_query():
    return (
        select(FlagRow.id, DocumentRow.name, ReportRow.region, ReportRow.issuer, ReportRow.year, FlagRow.kind,
               FlagRow.identity, FlagRow.message, func.coalesce(FlagReviewRow.status, "open"), FlagReviewRow.note,
               FlagReviewRow.author)
        .join(ReportRow, ReportRow.id == FlagRow.report_id)
        .join(DocumentRow, DocumentRow.id == ReportRow.document_id)
        .outerjoin(FlagReviewRow, reviewed())
    )


def list_flags(engine: Engine, *, kind: str | None = None, region: str | None = None, year: int | None = None,
               status: str | None = "open") -> list[FlagItem]:
    """Flags with their review status, by file and flag. ``kind`` matches a flag kind (identity, quality …) or
    a check (quality.late, requests.row_total …); ``region`` a division code or part of the region or issuer
    name; ``status`` None lists every status."""
    query = _flag_query().order_by(DocumentRow.name, FlagRow.id)
    if kind:
        query = query.where(or_(FlagRow.kind == kind, FlagRow.identity == kind))
    if region:
        query = query.where(or_(ReportRow.admin_code == region, ReportRow.region.contains(region, autoescape=True),
                                ReportRow.issuer.contains(region, autoescape=True)))
    if year is not None:
        query = query.where(ReportRow.year == year)
    if status:
        query = query.where(func.coalesce(FlagReviewRow.status, "open") == status)
    with Session(engine) as session:
        return [FlagItem(*row) for row in session.execute(query)]


def review_flag(engine: Engine, flag_id: int, verdict: str, note: str, author: str | None = None) -> FlagItem:
    """Confirm or dismiss the flag ``flag_id`` (an id ``list_flags`` gave) with a note; a later verdict on the
    same finding replaces the earlier one. Raises ReviewError for an unknown flag or verdict."""
    if verdict not in VERDICTS:
        raise ReviewError(f"unknown verdict {verdict!r}: {' or '.join(VERDICTS)}")
    status = "confirmed" if verdict == "confirm" else "dismissed"
    with Session(engine) as session, session.begin():
        lock(session.connection(), "reviews")  # read, then replace: one process at a time
        row = session.execute(
            select(FLAG_SUBJECT, FLAG_FINGERPRINT, FlagRow.message)
            .join(ReportRow, ReportRow.id == FlagRow.report_id).where(FlagRow.id == flag_id)
        ).first()
        if row is None:
            raise ReviewError(f"no flag {flag_id} (flag ids change when reports are read again: see gongkai review)")
        subject, fingerprint, message = row
        session.execute(delete(FlagReviewRow).where(FlagReviewRow.subject == subject,
                                                    FlagReviewRow.fingerprint == fingerprint))
        session.add(FlagReviewRow(subject=subject, fingerprint=fingerprint, status=status, note=note,
                                  author=author, message=message))
    with Session(engine) as session:
        return FlagItem(*session.execute(_flag_query().where(FlagRow.id == flag_id)).one())


# --- corrections --------------------------------------------------------------------------------------------


def find_document(session: Session, report: str) -> DocumentRow:
    """The ingested document ``report`` names: a report id (the views' report_id), a sha256 or a prefix of
    at least 8 of its hex digits, a file name or a path. Raises ReviewError when none or several match."""
    ingested = select(DocumentRow).where(DocumentRow.status == "ingested")
    if report.isdigit() and len(report) < 8:
        found = session.scalars(ingested.join(ReportRow).where(ReportRow.id == int(report))).all()
    else:
        names = [DocumentRow.name == report, DocumentRow.path == report, DocumentRow.path == os.path.abspath(report)]
        if len(report) >= 8:
            names.append(DocumentRow.sha256.startswith(report.lower(), autoescape=True))
        found = session.scalars(ingested.where(or_(*names))).all()
    if not found:
        raise ReviewError(f"no ingested report {report!r} (a report_id, a sha256 prefix, a file name or path)")
    if len(found) > 1:
        raise ReviewError(f"{report!r} names {len(found)} documents (" + ", ".join(d.path for d in found[:5])
                          + "): give the path, the sha256 or the report_id")
    return found[0]


def parse_value(text: str) -> float:
    """A corrected figure as typed: 1234, 1,234, 12.5; raises ReviewError for anything else."""
    try:
        value = float(text.replace(",", "").replace("，", ""))
    except ValueError:
        raise ReviewError(f"{text!r} is not a number") from None
    if not math.isfinite(value):
        raise ReviewError(f"{text!r} is not a finite number")
    return value


def correct(engine: Engine, report: str, key: str, value: float, reason: str, author: str) -> Correction:
    """Store ``value`` as the analyst's figure for the cell ``key`` of ``report`` (see find_document), beside
    the published one, which stays in cells.value. A second correction of the same cell replaces the first.
    Raises ReviewError when the report or its cell does not exist, or the published value already is ``value``.
    """
    if not reason.strip() or not author.strip():
        raise ReviewError("a correction needs a reason and an author")
    with Session(engine) as session, session.begin():
        lock(session.connection(), "corrections")  # read, then replace: one process at a time
        document = find_document(session, report)
        cell = session.scalar(select(CellRow).where(CellRow.report_id == document.report.id, CellRow.key == key))
        if cell is None:
            raise ReviewError(f"{document.name} has no cell {key!r} (a canonical key of a figure the report "
                              "printed: see report_requests and the other views)")
        if cell.value is not None and abs(cell.value - value) < TOLERANCE:
            raise ReviewError(f"{document.name} {key} is published as {_n(cell.value)} already: nothing to correct"
                              " (--withdraw takes a correction back)")
        session.execute(delete(CorrectionRow).where(CorrectionRow.sha256 == document.sha256,
                                                    CorrectionRow.key == key))
        session.add(CorrectionRow(sha256=document.sha256, key=key, value=value, published=cell.value,
                                  reason=reason, author=author, status="open"))
        sha = document.sha256
    return next(c for c in list_corrections(engine) if c.sha256 == sha and c.key == key)


@dataclass
class Copy:
    """One format copy of a body-year's report: its file name, bytes and rank (0: the copy that counts in
    compare, check and search; pipeline.bodies)."""
    name: str
    sha256: str
    copy_rank: int | None


def copies_of(engine: Engine, report: str) -> list[Copy]:
    """The ingested copies of the body-year ``report`` (see find_document) speaks for, the counted one first;
    the report alone when its body or year is unknown."""
    with Session(engine) as session:
        document = find_document(session, report)
        own = [Copy(document.name, document.sha256, document.report.copy_rank)]
        body, year = document.report.body, document.report.year
        if body is None or year is None:
            return own
        rows = session.execute(select(DocumentRow.name, DocumentRow.sha256, ReportRow.copy_rank)
                               .join(ReportRow, ReportRow.document_id == DocumentRow.id)
                               .where(DocumentRow.status == "ingested", ReportRow.body == body,
                                      ReportRow.year == year)
                               .order_by(func.coalesce(ReportRow.copy_rank, 1 << 30), DocumentRow.name)).all()
    return [Copy(*row) for row in rows] or own


def withdraw(engine: Engine, report: str, key: str) -> Correction:
    """Take back the correction of ``key`` in ``report`` (see find_document; for an orphaned correction, a
    sha256 prefix of 8+ hex digits); the correction it was. Raises ReviewError when there is none."""
    before = None
    with Session(engine) as session, session.begin():
        lock(session.connection(), "corrections")
        try:
            shas = [find_document(session, report).sha256]
        except ReviewError:
            if len(report) < 8:
                raise
            shas = session.scalars(select(CorrectionRow.sha256).distinct().where(
                CorrectionRow.sha256.startswith(report.lower(), autoescape=True))).all()
        if len(shas) == 1:
            before = next((c for c in list_corrections(engine) if c.sha256 == shas[0] and c.key == key), None)
        if before is None:
            raise ReviewError(f"no correction of {key!r} in {report!r} (see gongkai corrections)")
        session.execute(delete(CorrectionRow).where(CorrectionRow.sha256 == shas[0], CorrectionRow.key == key))
    return before


def list_corrections(engine: Engine, status: str | None = None) -> list[Correction]:
    """Every correction with the value its cell reads now, by file and key; ``status`` filters."""
    query = (
        select(CorrectionRow.sha256, DocumentRow.name, ReportRow.id, CorrectionRow.key, CorrectionRow.value,
               case((DocumentRow.id.is_(None), CorrectionRow.published), else_=CellRow.value),
               CorrectionRow.reason, CorrectionRow.author, CorrectionRow.status, CorrectionRow.created_at)
        .outerjoin(DocumentRow, and_(DocumentRow.sha256 == CorrectionRow.sha256, DocumentRow.status == "ingested"))
        .outerjoin(ReportRow, ReportRow.document_id == DocumentRow.id)
        .outerjoin(CellRow, and_(CellRow.report_id == ReportRow.id, CellRow.key == CorrectionRow.key))
        .order_by(DocumentRow.name, CorrectionRow.sha256, CorrectionRow.key)
    )
    if status:
        query = query.where(CorrectionRow.status == status)
    with Session(engine) as session:
        return [Correction(*row) for row in session.execute(query)]


def correction_status(cell_value: float | None, value: float, document_present: bool) -> str:
    if not document_present:
        return "orphaned"
    if cell_value is not None and abs(cell_value - value) < TOLERANCE:
        return "resolved"
    return "open"


def refresh_corrections(engine: Engine, shas: Collection[str] | None = None) -> dict[str, int]:
    """Each correction's status against the current readings (see the module's docstring): of every correction,
    or of those of the document bytes ``shas`` (pipeline.pending's: documents stored or removed since); the
    counts of the statuses computed."""
    counts = {"open": 0, "resolved": 0, "orphaned": 0}
    with Session(engine) as session, session.begin():
        # two ingests at once: the second recomputes after the first has written, reading what it wrote
        lock(session.connection(), "corrections")
        query = (
            select(CorrectionRow.id, CorrectionRow.value, CorrectionRow.status, DocumentRow.id, CellRow.value)
            .outerjoin(DocumentRow, and_(DocumentRow.sha256 == CorrectionRow.sha256,
                                         DocumentRow.status == "ingested"))
            .outerjoin(ReportRow, ReportRow.document_id == DocumentRow.id)
            .outerjoin(CellRow, and_(CellRow.report_id == ReportRow.id, CellRow.key == CorrectionRow.key))
        )
        if shas is None:
            rows = session.execute(query).all()
        else:
            wanted = sorted(shas)
            rows = [row for part in in_lists(wanted)
                    for row in session.execute(query.where(CorrectionRow.sha256.in_(part)))]
        for cid, value, old, doc_id, cell_value in rows:
            new = correction_status(cell_value, value, doc_id is not None)
            counts[new] += 1
            if new != old:
                session.execute(update(CorrectionRow).where(CorrectionRow.id == cid).values(status=new))
    return counts


def _n(value: float | None) -> str:
    if value is None:
        return "—"
    return f"{value:.0f}" if float(value).is_integer() else f"{value:g}"


# --- the command line ---------------------------------------------------------------------------------------


def register(subparsers) -> None:
    """``review [confirm|dismiss FLAG_ID --note …]``, ``correct REPORT KEY VALUE`` and ``corrections``."""
    p = subparsers.add_parser("review", help="list flags to review; confirm or dismiss one with a note",
                              description="Without an action: the flags to review (open ones by default). "
                              "review confirm|dismiss FLAG_ID --note …: record a verdict, kept across re-reading.")
    p.add_argument("--kind", help="a flag kind (identity, quality …) or a check (quality.late …)")
    p.add_argument("--region", help="six-digit division code, or part of the region/issuer name")
    p.add_argument("--year", type=int)
    p.add_argument("--status", choices=(*STATUSES, "all"), default="open", help="default open")
    p.add_argument("--db", default=argparse.SUPPRESS, help=argparse.SUPPRESS)
    actions = p.add_subparsers(dest="verdict")
    for verdict in VERDICTS:
        a = actions.add_parser(verdict, help=f"{verdict} a flag")
        a.add_argument("flag_id", type=int, metavar="FLAG_ID", help="as gongkai review lists it")
        a.add_argument("--note", required=True, help="why")
        a.add_argument("--author")
        a.add_argument("--db", default=argparse.SUPPRESS, help=argparse.SUPPRESS)
    p.set_defaults(run=run_review)

    p = subparsers.add_parser("correct", help="store an analyst's value for a cell beside the published one",
                              description="The published value stays in cells; the views show the correction.")
    p.add_argument("report", metavar="REPORT", help="report_id, sha256 (prefix of 8+), file name or path")
    p.add_argument("key", metavar="KEY", help="canonical key, e.g. requests.received.total")
    p.add_argument("value", metavar="VALUE", nargs="?", help="the right figure")
    p.add_argument("--reason", help="why (required with VALUE)")
    p.add_argument("--author", help="who (required with VALUE)")
    p.add_argument("--withdraw", action="store_true", help="take the cell's correction back instead")
    p.add_argument("--all-copies", action="store_true",
                   help="correct every format copy of the report's body and year that prints the cell (a "
                        "correction belongs to one copy's bytes; compare, check and search use the counted copy)")
    p.add_argument("--db", default=argparse.SUPPRESS, help=argparse.SUPPRESS)
    p.set_defaults(run=run_correct)

    p = subparsers.add_parser("corrections", help="list the corrections: open, resolved (the reading now agrees) "
                              "or orphaned (document forgotten)")
    p.add_argument("--status", choices=("open", "resolved", "orphaned"))
    p.add_argument("--db", default=argparse.SUPPRESS, help=argparse.SUPPRESS)
    p.set_defaults(run=run_corrections)


def _engine(args) -> Engine:
    from pipeline.db import connect

    return connect(getattr(args, "db", None), create=False)


def _who(item: FlagItem) -> str:
    return f"{item.issuer or item.region or '?'} {item.year or '?'}"


def run_review(args) -> int:
    engine = _engine(args)
    try:
        if args.verdict:
            item = review_flag(engine, args.flag_id, args.verdict, args.note, args.author)
            print(f"{item.status} flag {item.flag_id}: {item.source} ({_who(item)}) {item.message} — {item.note}")
            return 0
        items = list_flags(engine, kind=args.kind, region=args.region, year=args.year,
                           status=None if args.status == "all" else args.status)
    except ReviewError as exc:
        print(f"gongkai review: {exc}", file=sys.stderr)
        return 1
    for item in items:
        note = f"\t{item.note}" if item.note else ""
        print(f"{item.flag_id}\t{item.status}\t{item.source}\t{_who(item)}\t{item.check or item.kind}\t"
              f"{item.message}{note}")
    counts = {s: sum(i.status == s for i in items) for s in STATUSES}
    print(f"{len(items)} flag(s): " + ", ".join(f"{n} {s}" for s, n in counts.items()), file=sys.stderr)
    return 0


def run_correct(args) -> int:
    engine = _engine(args)
    try:
        if args.withdraw:
            if args.value is not None:
                raise ReviewError("--withdraw takes no VALUE")
            c = withdraw(engine, args.report, args.key)
            print(f"withdrew the correction of {c.source or c.sha256[:12] + '…'} {c.key}: analysts use the "
                  f"published {_n(c.published)} again, not {_n(c.value)}")
            return 0
        if args.value is None or not args.reason or not args.author:
            raise ReviewError("give VALUE, --reason and --author (or --withdraw)")
        value = parse_value(args.value)
        copies = copies_of(engine, args.report)
        if not args.all_copies:
            c = correct(engine, args.report, args.key, value, args.reason, args.author)
            _said(c)
            counted = copies[0]
            if counted.sha256 != c.sha256 and counted.copy_rank == 0:
                print(f"note: {c.source} is not the copy of its body and year that compare, check and search "
                      f"count ({counted.name}); `gongkai correct {counted.name} {args.key} …` corrects that one, "
                      "--all-copies every copy", file=sys.stderr)
            return 0
        done = 0
        for copy in copies:
            try:
                _said(correct(engine, copy.sha256, args.key, value, args.reason, args.author))
                done += 1
            except ReviewError as exc:  # a copy that does not print the cell, or prints this value already
                print(f"left {copy.name} as it is: {exc}", file=sys.stderr)
        if not done:
            raise ReviewError(f"no copy of {args.report} was corrected")
    except ReviewError as exc:
        print(f"gongkai correct: {exc}", file=sys.stderr)
        return 1
    return 0


def _said(c: Correction) -> None:
    print(f"corrected {c.source} (report {c.report_id}) {c.key}: published {_n(c.published)}, analysts use "
          f"{_n(c.value)} — {c.reason} ({c.author})")


def run_corrections(args) -> int:
    items = list_corrections(_engine(args), args.status)
    for c in items:
        print(f"{c.status}\t{c.source or c.sha256[:12] + '…'}\t{c.key}\tpublished {_n(c.published)}\t"
              f"corrected {_n(c.value)}\t{c.reason}\t{c.author}\t{c.created_at:%Y-%m-%d}")
    print(f"{len(items)} correction(s)", file=sys.stderr)
    return 0
