"""The one store function: worker results (pipeline.tasks.FileResult) into the database, many per transaction.

``store_results`` writes a batch of results in one transaction with bulk inserts (on SQLite a few multi-row INSERTs
per table and document, :func:`_insert_many`; elsewhere SQLAlchemy Core's executemany), each document inside its
own SAVEPOINT: all or nothing per document, and a document the database refuses is rolled back alone and recorded
as failed with a one-line reason, never taking its batch-mates with it. What a document supersedes goes in the same
savepoint, exactly as one document at a time did before: a reading of the same bytes by another extractor version,
a failed record of them, other bytes at the same path. Stored bytes stay: when they are stored by this version
already (a batch-mate copy, or another process committed them first) the unique sha256 refuses the insert and the
file is ``unchanged``.

The search index's rows go only when something is superseded, by rowid (pipeline.search.forget); what the
documents change is marked in their savepoints, and the copies of body-years are settled with the checks across
reports when the run completes its pending set (pipeline.pending). The same function serves the local
pool's single writer and Dask workers (each storing its own results), on SQLite and PostgreSQL.
"""

from __future__ import annotations

import os
import queue
import threading
from collections.abc import Callable, Collection, Sequence
from dataclasses import dataclass, field, replace
from functools import lru_cache
from operator import itemgetter
from pathlib import Path

from sqlalchemy import and_, bindparam, delete, func, insert, or_, select, update
from sqlalchemy.engine import Connection, Engine
from sqlalchemy.exc import IntegrityError, SQLAlchemyError

from pipeline import bodies, pending, search
from pipeline.db import CellRow, DocumentRow, FactRow, FlagRow, ReportRow, SectionRow, lock
from pipeline.tasks import FileResult

READ = ("ingested", "not_report")  # statuses of bytes that were read (the unchanged-bytes shortcut holds)
# outcomes after which a result's bytes are stored as read by its extractor version
STORED = ("ingested", "replaced", "reread", "not_report", "unchanged")


@dataclass(frozen=True)
class Outcome:
    """What became of one file. ``status``: ingested | replaced | reread | unchanged | failed | not_report |
    skipped. ``reason``: why (failed, not_report, skipped), or for unchanged "duplicate of <stored path>" (None:
    at its own path). ``summary``: for a stored report, "region year edition, N flag(s)" (no report is kept)."""

    path: str
    status: str
    reason: str | None = None
    summary: str | None = None


def store_results(engine: Engine, results: Sequence[FileResult]) -> list[Outcome]:
    """Store ``results`` (in order) in one transaction, a savepoint each; their outcomes, in the same order.

    If the transaction as a whole cannot commit (the database went away, the disk is full) nothing of it is
    stored and every result of the batch fails with that reason; the next run reads them again."""
    if not results:
        return []
    try:
        with engine.connect() as conn, conn.begin():
            if conn.dialect.name == "sqlite":
                lock(conn, "store")  # the write lock now: the look-ups below see what others committed
            if any(r.report is not None and r.report.search for r in results):
                # the index table once per batch, outside the documents' savepoints (a savepoint rolled back
                # would take a table made inside it along)
                search.ensure_index(conn)
            outcomes = [_store_one(conn, result) for result in results]
    except SQLAlchemyError as exc:
        reason = f"the database refused the batch: {type(exc).__name__}: {getattr(exc, 'orig', None) or exc}"
        return [Outcome(r.path, "failed", reason.splitlines()[0]) for r in results]
    return outcomes  # the copy ranks and checks: pipeline.pending.complete, once per run (the entries are marked)


@dataclass
class StoredBytes:
    """The bytes stored as read by one extractor version, as the unchanged-bytes question needs them: their
    sha256 (asked and added as hex, held as the 32 bytes of the digest: a hex str is 113 bytes of memory, the
    digest 65) and their sizes in bytes (a file whose size is none of these cannot be stored: nothing to ask).
    ~0.1 KB of memory a document. Read from one thread, added to from another (set operations hold the GIL)."""

    digests: set[bytes] = field(default_factory=set)
    sizes: set[int] = field(default_factory=set)

    def __contains__(self, sha: str) -> bool:
        return bytes.fromhex(sha) in self.digests

    def add(self, sha: str, size: int | None) -> None:
        self.digests.add(bytes.fromhex(sha))
        if size is not None:
            self.sizes.add(size)


class StoreThread:
    """The single writer of a local ingest, in a thread of the ingesting process: ``put`` hands it a batch
    (items in input order: FileResults to store, Outcomes already decided, such as skipped files) and returns at
    once, so the process goes on answering its workers while the batch is stored; ``close`` waits for every
    batch. Outcomes come out in input order, each passed to ``on_outcome`` (from this thread) once stored.

    At most ``depth`` batches wait (then ``put`` blocks: memory stays bounded when storing is the slower side).
    One is enough to keep the thread busy (it stores one while the next waits); each more holds up to a batch of
    read documents (~140 KB each in this process) for nothing but memory: as the database grows and storing
    slows, 4 of them filled up (~25 MB more at 10,000 reports than at 1,000).
    An exception in the thread (a bug, not a refused document: those are outcomes) is raised again by the next
    ``put`` or by ``close``. The thread is a daemon: a second Ctrl-C ends the process with the batch being stored
    uncommitted, so nothing of it is stored. ``stored``: the bytes stored as read before (the caller's, by default
    none) and those this thread commits, for the unchanged-bytes question of the files still being read.
    ``keep`` False: the outcomes go to ``on_outcome`` only, none is held (~0.5 KB a file: a run of 10⁶ files)."""

    def __init__(self, engine: Engine, on_outcome: Callable[[Outcome], None] | None = None, depth: int = 1,
                 stored: StoredBytes | None = None, keep: bool = True):
        self.engine, self.on_outcome, self.keep = engine, on_outcome, keep
        self.outcomes: list[Outcome] = []
        self.stored = stored if stored is not None else StoredBytes()
        self._busy = False
        self._queue: queue.Queue = queue.Queue(maxsize=depth)
        self._error: BaseException | None = None
        self._thread = threading.Thread(target=self._run, name="gongkai-store", daemon=True)
        self._thread.start()

    def put(self, items: Sequence[FileResult | Outcome]) -> None:
        self._raise()
        if items:
            self._queue.put(list(items))

    @property
    def idle(self) -> bool:
        """Nothing to store: every batch put is stored (a hint, read without a lock)."""
        return not self._busy and self._queue.empty()

    def close(self) -> list[Outcome]:
        """Wait for every batch put; the outcomes of all of them, in input order (none unless ``keep``)."""
        self._queue.put(None)
        self._thread.join()
        self._raise()
        return self.outcomes

    def abandon(self, wait: bool) -> None:
        """End the thread after what it holds (``wait``: and wait for that), after an error in the caller."""
        try:
            self._queue.put_nowait(None)
        except queue.Full:  # it is busy with a full queue: a daemon, it ends with the process
            return
        if wait:
            self._thread.join()

    def _raise(self) -> None:
        if self._error is not None:
            raise self._error

    def _run(self) -> None:
        while (items := self._queue.get()) is not None:
            if self._error is not None:
                continue  # drain: the main thread raises it
            self._busy = True
            try:
                stored = iter(store_results(self.engine, [i for i in items if isinstance(i, FileResult)]))
                for item in items:
                    outcome = item if isinstance(item, Outcome) else next(stored)
                    if isinstance(item, FileResult) and item.sha256 and outcome.status in STORED:
                        self.stored.add(item.sha256, item.size)
                    if self.keep:
                        self.outcomes.append(outcome)
                    if self.on_outcome:
                        self.on_outcome(outcome)
            except BaseException as exc:  # noqa: BLE001 — handed to the main thread
                self._error = exc
            finally:
                self._busy = False


def _store_one(conn: Connection, result: FileResult) -> Outcome:
    if result.sha256 is None:  # the bytes could not be read: nothing to record them by
        return Outcome(result.path, "failed", result.reason)
    if result.status == "unchanged":
        try:
            with conn.begin_nested():
                _forget_other_bytes(conn, result.sha256, result.where)  # this path held other bytes before
                _follow_move(conn, result.sha256, result.where)
        except SQLAlchemyError as exc:
            return Outcome(result.path, "failed", f"the database refused the document: {type(exc).__name__}: "
                           f"{exc}".splitlines()[0])
        return _unchanged(conn, result)
    try:
        with conn.begin_nested():
            replaced = _insert(conn, result)
    except SQLAlchemyError as exc:
        if isinstance(exc, IntegrityError) and _stored(conn, result.sha256, result.version):
            return _unchanged(conn, result)  # stored by a batch-mate or another process first: there once
        reason = f"the database refused the document: {type(exc).__name__}: {exc}".splitlines()[0]
        try:
            with conn.begin_nested():
                _insert(conn, replace(result, status="failed", reason=reason, report=None))
        except SQLAlchemyError:
            pass  # the database is unwell; the outcome still says why
        return Outcome(result.path, "failed", reason)
    if result.status in ("failed", "not_report"):
        return Outcome(result.path, result.status, result.reason)
    if any(sha == result.sha256 and status in READ for sha, status in replaced):
        status = "reread"  # the same bytes, read by another extractor version
    elif any(status == "ingested" for _, status in replaced):
        status = "replaced"
    else:
        status = "ingested"
    return Outcome(result.path, status, summary=result.report.summary if result.report else None)


# The statements of a document's store, built once with bound parameters: building a statement and computing its
# cache key cost more CPU than SQLite's own work for a document, and a statement object reused keeps its key.
# Core tables, not the ORM classes: an insert of ORM entities goes through the ORM's bulk path for nothing here.
_sha = bindparam("sha")
_SUPERSEDED = select(DocumentRow.id, DocumentRow.sha256, DocumentRow.status).where(or_(
    and_(DocumentRow.sha256 == _sha, or_(DocumentRow.status.not_in(READ), DocumentRow.extractor_version.is_(None),
                                         DocumentRow.extractor_version != bindparam("version"))),
    and_(DocumentRow.path == bindparam("where"), DocumentRow.sha256 != _sha)))
_INSERT = {row: insert(row.__table__) for row in (DocumentRow, ReportRow, CellRow, FlagRow, SectionRow, FactRow)}
_INSERT_RETURNING = {row: insert(row.__table__).returning(row.__table__.c.id, sort_by_parameter_order=True)
                     for row in (SectionRow, FactRow)}
_LAST_ID = {row: select(func.max(row.__table__.c.id)) for row in (SectionRow, FactRow)}


def _insert(conn: Connection, result: FileResult) -> list[tuple[str, str]]:
    """What ``result`` supersedes goes, its document (and report) comes; (sha256, status) of what went."""
    gone = conn.execute(_SUPERSEDED, {"sha": result.sha256, "version": result.version, "where": result.where}).all()
    if gone:
        ids = [i for i, _, _ in gone]
        pending.mark(conn, DocumentRow.id.in_(ids))  # what they were, before they go
        search.forget(conn, select(ReportRow.id).where(ReportRow.document_id.in_(ids)))  # FTS5: no cascade
        conn.execute(delete(DocumentRow).where(DocumentRow.id.in_(ids)))
    status = {"report": "ingested"}.get(result.status, result.status)
    document_id = conn.execute(_INSERT[DocumentRow], dict(
        sha256=result.sha256, path=result.where, name=result.name, size=result.size, status=status,
        error=result.reason, format=result.format, pages=result.pages, extractor_version=result.version,
    )).inserted_primary_key[0]
    body_year = None
    if result.status == "report" and result.report is not None:
        body_year = _insert_report(conn, document_id, result)
    # in this document's savepoint: both commit or neither
    pending.mark_inserted(conn, result.sha256, body_year)
    return [(sha, status) for _, sha, status in gone]


def _insert_report(conn: Connection, document_id: int, result: FileResult) -> tuple[str | None, int | None]:
    """The report of ``result`` and its rows, inserted; its (body, year). The body is given here, as
    pipeline.bodies.assign_bodies would give it from the stored row (pipeline.bodies.body_of_row)."""
    payload = result.report
    row = payload.report
    body = bodies.body_of_row(row, result.name)
    report_id = conn.execute(_INSERT[ReportRow], {**row, "document_id": document_id, "body": body.key,
                                                  "body_label": body.label}).inserted_primary_key[0]
    for table, rows in ((CellRow, payload.cells), (FlagRow, payload.flags)):
        if rows:
            _insert_many(conn, table, [{**row, "report_id": report_id} for row in rows])
    ids = {}
    for name, table, rows in (("section", SectionRow, payload.sections), ("fact", FactRow, payload.facts)):
        ids[name] = _insert_numbered(conn, table, [{**row, "report_id": report_id} for row in rows]) if rows else []
    search.insert_rows(conn, report_id, payload.search, ids["section"], ids["fact"], ensured=True)
    return body.key, row["year"]


def _insert_numbered(conn: Connection, row: type, rows: list[dict]) -> list[int]:
    """``rows`` into ``row``'s table; their ids, in order (the search index refers to them).

    On SQLite the ids are the ones SQLite itself would give, one above the table's largest, given here so that
    the rows go a few to a statement (:func:`_insert_many`): an insert RETURNING ids in the rows' order is made
    row by row there (SQLite does not promise the order of RETURNING rows), ~40 statements a report. No other
    writer can insert in between: this transaction holds the database's write lock since its first insert.
    Elsewhere: RETURNING in the rows' order (batched: PostgreSQL's insertmanyvalues)."""
    if conn.dialect.name != "sqlite":
        return conn.execute(_INSERT_RETURNING[row], rows).scalars().all()
    first = (conn.execute(_LAST_ID[row]).scalar() or 0) + 1
    ids = list(range(first, first + len(rows)))
    _insert_many(conn, row, [{**r, "id": i} for r, i in zip(rows, ids)])
    return ids


def _insert_many(conn: Connection, row: type, rows: list[dict]) -> None:
    """``rows`` (dicts with the same keys) into ``row``'s table, no ids wanted back.

    On SQLite, rows go many to a statement (``INSERT … VALUES (…), (…), …``), in the column order of the insert
    SQLAlchemy compiles (once per table and columns), each row's values converted as SQLAlchemy converts them
    (each column type's bind processor). The driver's executemany runs the statement once a row and lets go of
    the interpreter lock around each run: in a process that reads files in another thread meanwhile, taking it
    back cost a quarter of the CPU of storing a report's cells (36 µs a row against 27, in a micro-benchmark).
    Elsewhere, and for a table whose insert would fill a column the rows do not give, through SQLAlchemy itself
    (PostgreSQL batches the rows into a few statements)."""
    plan = _positional(conn.dialect, row, tuple(rows[0])) if conn.dialect.name == "sqlite" else None
    if plan is None:
        conn.execute(_INSERT[row], rows)
        return
    head, group, values, processors = plan
    params = []
    for r in rows:
        v = values(r)
        if processors:
            v = list(v)
            for i, process in processors:
                v[i] = process(v[i])
        params.extend(v)
    width = group.count("?")
    done = 0
    while done < len(rows):
        # a power of two rows a statement (at most _MAX_PARAMS parameters): a few statement texts a table,
        # each prepared once and kept by the driver's statement cache
        n = min(1 << ((len(rows) - done).bit_length() - 1), _most_rows(width))
        conn.exec_driver_sql(_values_sql(head, group, n), tuple(params[done * width:(done + n) * width]))
        done += n


_MAX_PARAMS = 999  # SQLite's bound on a statement's parameters before 3.32 (32,766 since)


def _most_rows(width: int) -> int:
    """The largest power of two of rows of ``width`` parameters a statement may hold."""
    return 1 << ((_MAX_PARAMS // width).bit_length() - 1)


@lru_cache(maxsize=256)
def _values_sql(head: str, group: str, n: int) -> str:
    """The insert of ``n`` rows: ``head`` VALUES ``group``, ``group``, …"""
    return f"{head} VALUES {', '.join([group] * n)}"


@lru_cache(maxsize=64)
def _positional(dialect, row: type, keys: tuple[str, ...]) -> tuple[str, str, Callable[[dict], tuple], tuple] | None:
    """(the insert's SQL up to VALUES, its group of parameters "(?, ?, …)", a row dict's values in parameter
    order, (position, bind processor) of each column that has one) of ``row``'s insert of the columns ``keys``
    for a positional-parameter dialect; None when the statement needs more than the rows give (a column
    default). A row's values come out by one itemgetter call, and only the columns with a processor are
    converted."""
    compiled = _INSERT[row].compile(dialect=dialect, column_keys=list(keys))
    order = tuple(compiled.positiontup or ())
    if not compiled.positional or not order or not set(order) <= set(keys):
        return None
    head, sep, group = compiled.string.partition(" VALUES ")
    if not sep or group.count("?") != len(order):
        return None
    columns = _INSERT[row].table.c
    processors = tuple((i, p) for i, k in enumerate(order)
                       if (p := columns[k].type.bind_processor(dialect)) is not None)
    get = itemgetter(*order)
    values = get if len(order) > 1 else (lambda r: (get(r),))
    return head, group, values, processors


def _unchanged(conn: Connection, result: FileResult) -> Outcome:
    """Stored bytes met again: at their own path, or a byte-identical copy under another name."""
    stored = conn.execute(select(DocumentRow.path).where(DocumentRow.sha256 == result.sha256)).scalar()
    copy = stored is not None and stored != result.where
    return Outcome(result.path, "unchanged", f"duplicate of {stored}" if copy else None)


def is_stored(engine: Engine, sha: str, version: int) -> bool:
    """Whether these bytes are stored as read by extractor ``version`` (what the local pool's workers ask the
    writing process, rather than opening a SQLite file from several processes)."""
    with engine.connect() as conn:
        return _stored(conn, sha, version)


def stored_bytes(engine: Engine, version: int, sizes: Collection[int] | None = None) -> StoredBytes:
    """The documents stored as read by extractor ``version``: ``is_stored``'s answer for a whole run in one
    query, where asking it file by file cost a round trip to the database per file. ``sizes``: only those of
    these sizes in bytes (the run's files'), when they are few: a run of 20 files into a database of 10⁶
    documents reads the rows it may meet, not a row per document (None, or many sizes: every one)."""
    query = select(DocumentRow.sha256, DocumentRow.size).where(DocumentRow.status.in_(READ),
                                                               DocumentRow.extractor_version == version)
    if sizes is not None and len(sizes) <= FEW_SIZES:
        query = query.where(DocumentRow.size.in_(sorted(sizes)))
    known = StoredBytes()
    with engine.connect() as conn:
        for sha, size in conn.execute(query):
            known.add(sha, size)
    return known


FEW_SIZES = 500  # sizes asked for in one IN (…); a larger run reads every stored document's row once


def _stored(conn: Connection, sha: str, version: int | None = None) -> bool:
    """Whether these bytes are stored as read (by extractor ``version``, when one is given)."""
    query = select(DocumentRow.id).where(DocumentRow.sha256 == sha, DocumentRow.status.in_(READ))
    if version is not None:
        query = query.where(DocumentRow.extractor_version == version)
    return conn.execute(query.limit(1)).first() is not None


def _follow_move(conn: Connection, sha: str, where: str) -> None:
    """Stored bytes found at a new path while their old path holds no file: the file moved. The document's
    path follows it, so that ``prune`` does not take a moved file for a deleted one."""
    old = conn.execute(select(DocumentRow.path).where(DocumentRow.sha256 == sha)).scalar()
    if old is None or old == where or os.path.exists(old):
        return  # the usual case: no write
    conn.execute(update(DocumentRow).where(DocumentRow.sha256 == sha).values(path=where, name=Path(where).name))
    pending.mark(conn, DocumentRow.sha256 == sha)  # its name is in other reports' flags


def _forget_other_bytes(conn: Connection, sha: str, where: str) -> None:
    other = and_(DocumentRow.path == where, DocumentRow.sha256 != sha)
    ids = conn.execute(select(DocumentRow.id).where(other)).scalars().all()
    if not ids:
        return  # the usual case: no write
    pending.mark(conn, DocumentRow.id.in_(ids))
    search.forget(conn, select(ReportRow.id).where(ReportRow.document_id.in_(ids)))  # FTS5: no cascade
    conn.execute(delete(DocumentRow).where(DocumentRow.id.in_(ids)))
