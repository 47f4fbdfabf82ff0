"""Loading files into the store: one transaction per document, idempotent, a bad file never stops a batch.

A document is known by the sha256 of its bytes: the same bytes again add nothing, wherever they lie. A file
whose bytes changed replaces the rows its path had. A file that cannot be read is recorded as failed with a
one-line reason, and read again on the next run (the reader may have learnt to).
"""

from __future__ import annotations

import hashlib
import os
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path

from sqlalchemy import and_, delete, or_, select
from sqlalchemy.engine import Engine
from sqlalchemy.exc import IntegrityError, SQLAlchemyError
from sqlalchemy.orm import Session

from extractors import ReadError, extract_report, read_document
from extractors.readers.sniff import REPORT_SUFFIXES
from extractors.records import Report
from pipeline import search
from pipeline.db import DocumentRow, ReportRow
from pipeline.quality import refresh_quality_flags
from pipeline.reuse import refresh_text_reuse
from pipeline.store import report_rows



@dataclass(frozen=True)
class Outcome:
    path: str
    status: str  # ingested | replaced | unchanged | failed
    reason: str | None = None
    report: Report | None = None


def iter_files(paths: Iterable[str | Path]) -> Iterator[Path]:
    """Files named on the command line as they are; folders walked recursively for report files."""
    for path in map(Path, paths):
        if path.is_dir():
            yield from sorted(p for p in path.rglob("*") if p.is_file() and p.suffix.lower() in REPORT_SUFFIXES
                              and not any(part.startswith(".") for part in p.relative_to(path).parts))
        else:
            yield path


def ingest(paths: Iterable[str | Path], engine: Engine,
           on_outcome: Callable[[Outcome], None] | None = None) -> list[Outcome]:
    """Load every file under ``paths``; then, if anything changed, recompute the checks across reports."""
    outcomes = []
    for path in iter_files(paths):
        outcome = ingest_file(path, engine)
        outcomes.append(outcome)
        if on_outcome:
            on_outcome(outcome)
    if any(o.status != "unchanged" for o in outcomes):  # a failed file may have replaced a stored one too
        refresh_quality_flags(engine)
        refresh_text_reuse(engine)
    return outcomes


def ingest_file(path: Path, engine: Engine) -> Outcome:
    """Load one file; whatever goes wrong costs this file only, with a one-line reason."""
    try:
        return _ingest_file(path, engine)
    except Exception as exc:  # the database went away, a path that cannot be resolved …
        return Outcome(str(path), "failed", f"{type(exc).__name__}: {exc}".splitlines()[0])


def _ingest_file(path: Path, engine: Engine) -> Outcome:
    where = os.path.abspath(path)  # not resolve(): a symlink loop must fail at reading, with its reason
    try:
        data = path.read_bytes()
    except OSError as exc:
        return Outcome(str(path), "failed", f"cannot read file: {exc.strerror or exc}")
    sha = hashlib.sha256(data).hexdigest()
    if _stored(engine, sha):
        _forget_other_bytes(engine, sha, where)  # this path held other bytes before: they are not here now
        return Outcome(str(path), "unchanged")
    report, reason = None, None
    try:
        report = extract_report(read_document(path, data))
    except ReadError as exc:
        reason = str(exc)
    except Exception as exc:  # an extractor bug must cost one file, not the batch; the reason says so
        reason = f"internal error while extracting: {type(exc).__name__}: {exc}".splitlines()[0]
    document = DocumentRow(
        sha256=sha, path=where, name=path.name, size=len(data), status="failed" if report is None else "ingested",
        error=reason, format=report.format if report else None, pages=report.pages if report else None,
    )
    if report is not None:
        document.report = report_rows(report)
    try:
        replaced = _store(engine, document, sha, where)
    except SQLAlchemyError as exc:
        if isinstance(exc, IntegrityError) and _stored(engine, sha):
            # Another process stored the same bytes between our look and our write: there once, as wanted.
            return Outcome(str(path), "unchanged")
        reason = f"the database refused the document: {type(exc).__name__}: {exc}".splitlines()[0]
        failed = DocumentRow(sha256=sha, path=where, name=path.name, size=len(data), status="failed", error=reason)
        try:
            _store(engine, failed, sha, where)
        except SQLAlchemyError:
            pass  # the database is unwell; the outcome still says why
        return Outcome(str(path), "failed", reason)
    if report is None:
        return Outcome(str(path), "failed", reason)
    status = "replaced" if any(s == "ingested" for s in replaced) else "ingested"
    return Outcome(str(path), status, report=report)


def _stored(engine: Engine, sha: str) -> bool:
    with Session(engine) as session:
        return session.scalar(select(DocumentRow.id).where(DocumentRow.sha256 == sha,
                                                           DocumentRow.status == "ingested")) is not None


def _forget_other_bytes(engine: Engine, sha: str, where: str) -> None:
    other = and_(DocumentRow.path == where, DocumentRow.sha256 != sha)
    with Session(engine) as session:
        if session.scalar(select(DocumentRow.id).where(other)) is None:
            return  # the usual case: no write, no write lock
    with Session(engine) as session, session.begin():
        search.forget(session, select(ReportRow.id).join(DocumentRow).where(other))  # FTS5: no cascade
        session.execute(delete(DocumentRow).where(other))


def _store(engine: Engine, document: DocumentRow, sha: str, where: str) -> list[str]:
    """One transaction: what this document supersedes goes, the document comes; the statuses it replaced.

    Stored bytes stay: if they are stored already (committed before us, or committing while we wait), the
    unique sha256 refuses the insert (IntegrityError). A failed record of them, or other bytes at this path,
    make way.
    """
    with Session(engine) as session, session.begin():
        superseded = or_(and_(DocumentRow.sha256 == sha, DocumentRow.status != "ingested"),
                         and_(DocumentRow.path == where, DocumentRow.sha256 != sha))
        search.forget(session, select(ReportRow.id).join(DocumentRow).where(superseded))  # FTS5: no cascade
        replaced = session.execute(delete(DocumentRow).where(superseded).returning(DocumentRow.status)).scalars().all()
        session.add(document)
        if document.report is not None:
            session.flush()  # ids for the search index
            search.index_report(session, document.report)
    return list(replaced)
