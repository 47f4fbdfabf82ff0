"""Loading files into the store: one transaction per document, idempotent, a bad file never stops a batch.

A document is known by the sha256 of its bytes: the same bytes again add nothing, wherever they lie. A file
whose bytes changed replaces the rows its path had. A file that cannot be read is recorded as failed with a
one-line reason, and read again on the next run (the reader may have learnt to). A document read by another
extractor version (extractors.version) is read again too: the unchanged-bytes shortcut holds only for documents
the current version read. Analysts' corrections and flag reviews are keyed so that they outlive re-reading
(pipeline.review). ``forget`` and ``prune`` remove documents whose files are gone.
"""

from __future__ import annotations

import hashlib
import os
import stat
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, replace
from pathlib import Path

from sqlalchemy import and_, delete, or_, select, update
from sqlalchemy.engine import Engine
from sqlalchemy.exc import IntegrityError, SQLAlchemyError
from sqlalchemy.orm import Session

from extractors import ReadError, extract_report, read_document
from extractors.readers.sniff import REPORT_SUFFIXES
from extractors.records import Report
from extractors.version import EXTRACTOR_VERSION
from pipeline import bodies, search
from pipeline.db import DocumentRow, ReportRow, lock
from pipeline.quality import refresh_quality_flags
from pipeline.reuse import refresh_text_reuse
from pipeline.review import refresh_corrections
from pipeline.store import report_rows



@dataclass(frozen=True)
class Outcome:
    path: str
    status: str  # ingested | replaced | reread | unchanged | failed | not_report | skipped
    reason: str | None = None  # failed, not_report, skipped: why; unchanged: "duplicate of <stored path>" or None
    report: Report | None = None


def iter_inputs(paths: Iterable[str | Path], *, follow_links: bool = False) -> Iterator[tuple[Path, str | None]]:
    """Each input file with None, or with the one-line reason it is skipped unopened.

    A path named on the command line is read as it is, a symbolic link too. A folder is walked recursively for
    report files (hidden ones aside): a link in it to a file inside the folder is read; a link out of the folder,
    a broken link, a link to a folder outside (``follow_links`` reads those, a link loop never), and a special
    file (FIFO, socket, device: opening one may block or never end) are skipped with their reason. A link to a
    folder inside the folder is not walked twice."""
    for path in map(Path, paths):
        if path.is_dir():
            yield from _walk(path, follow_links)
        elif path.exists() and not path.is_file():
            yield path, _special(path)
        else:
            yield path, None  # a missing file fails when read, with its reason


def iter_files(paths: Iterable[str | Path], *, follow_links: bool = False) -> Iterator[Path]:
    """The files of ``iter_inputs`` that are read."""
    return (path for path, reason in iter_inputs(paths, follow_links=follow_links) if reason is None)


def _walk(folder: Path, follow_links: bool) -> Iterator[tuple[Path, str | None]]:
    root = os.path.realpath(folder)
    seen = {root}  # real folders walked: a link loop or a link to a folder inside is walked once
    found = []
    for where, dirs, files in os.walk(folder, followlinks=follow_links):
        for name in list(dirs):
            here = os.path.join(where, name)
            real = os.path.realpath(here)
            if name.startswith(".") or (os.path.islink(here) and (real in seen or _inside(real, root))):
                dirs.remove(name)  # hidden, or a link to a folder walked anyway
            elif os.path.islink(here) and not follow_links:
                found.append((Path(here), f"link to a folder outside {folder}: {real} (--follow-links reads it)"))
            else:
                seen.add(real)
        for name in files:
            path = Path(where, name)
            if name.startswith(".") or path.suffix.lower() not in REPORT_SUFFIXES:
                continue
            found.append((path, _reason(path, root, follow_links)))
    yield from sorted(found)


def _reason(path: Path, root: str, follow_links: bool) -> str | None:
    """Why a file found in the folder whose real path is ``root`` is skipped, or None."""
    if path.is_symlink():
        real = os.path.realpath(path)
        if not os.path.exists(real):
            return f"broken symbolic link to {os.readlink(path)}"
        if not (follow_links or _inside(real, root)):
            return f"link to a file outside the folder: {real} (--follow-links reads it)"
    if not path.is_file():
        return _special(path)
    return None


def _special(path: Path) -> str:
    mode = path.stat().st_mode
    kind = ("FIFO" if stat.S_ISFIFO(mode) else "socket" if stat.S_ISSOCK(mode) else
            "device" if stat.S_ISCHR(mode) or stat.S_ISBLK(mode) else "special file")
    return f"not a regular file ({kind}): not opened"


def _inside(real: str, root: str) -> bool:
    return real == root or real.startswith(root.rstrip(os.sep) + os.sep)


def ingest(paths: Iterable[str | Path], engine: Engine,
           on_outcome: Callable[[Outcome], None] | None = None, *,
           extractor_version: int = EXTRACTOR_VERSION, follow_links: bool = False) -> list[Outcome]:
    """Load every file under ``paths``; then, if anything changed, recompute the checks across reports and the
    corrections' statuses. ``extractor_version`` is what the documents read now are recorded as read by (the
    current one; tests pass another to see a version change without editing the code). ``follow_links``: read
    links out of a walked folder too (``iter_inputs``); skipped files are outcomes with their reason."""
    outcomes = []
    for path, skip in iter_inputs(paths, follow_links=follow_links):
        outcome = Outcome(str(path), "skipped", skip) if skip else ingest_file(path, engine, extractor_version)
        outcome = replace(outcome, path=printable_path(outcome.path))
        outcomes.append(outcome)
        if on_outcome:
            on_outcome(outcome)
    if any(o.status not in ("unchanged", "skipped") for o in outcomes):  # a failed file may have replaced a stored one too
        refresh_quality_flags(engine)
        refresh_corrections(engine)
        refresh_text_reuse(engine)
    return outcomes


def printable_path(path: str) -> str:
    """A path as text the database and the terminal take: a file name whose bytes are not UTF-8 (GBK bytes
    from a Chinese Windows archive) is read as GB18030, failing that with U+FFFD for what cannot be read."""
    raw = os.fsencode(path)
    for encoding in ("utf-8", "gb18030"):
        try:
            return raw.decode(encoding)
        except UnicodeDecodeError:
            pass
    return raw.decode("utf-8", errors="replace")


def ingest_file(path: Path, engine: Engine, extractor_version: int = EXTRACTOR_VERSION) -> Outcome:
    """Load one file; whatever goes wrong costs this file only, with a one-line reason."""
    try:
        outcome = _ingest_file(path, engine, extractor_version)
        settle_copies(engine)
        return outcome
    except Exception as exc:  # the database went away, a path that cannot be resolved …
        return Outcome(str(path), "failed", f"{type(exc).__name__}: {exc}".splitlines()[0])


def settle_copies(engine: Engine) -> None:
    """After a document is stored, replaced or forgotten: the body of each new report, and the copy ranks of
    every body-year whose copies changed (pipeline.bodies), one process at a time."""
    with engine.begin() as conn:
        lock(conn, "copies")
        bodies.settle_copies(conn)


def _ingest_file(path: Path, engine: Engine, version: int) -> Outcome:
    where = printable_path(os.path.abspath(path))  # not resolve(): a symlink loop must fail at reading
    try:
        data = _read_regular(path)
    except OSError as exc:
        return Outcome(str(path), "failed", f"cannot read file: {exc.strerror or exc}")
    sha = hashlib.sha256(data).hexdigest()
    if _stored(engine, sha, version):
        _forget_other_bytes(engine, sha, where)  # this path held other bytes before: they are not here now
        _follow_move(engine, sha, where)
        return _unchanged(engine, path, sha, where)
    reread = _stored(engine, sha)  # the same bytes, read by another extractor version
    report, reason = None, None
    try:
        report = extract_report(read_document(path, data))
    except ReadError as exc:
        reason = str(exc)
    except Exception as exc:  # an extractor bug must cost one file, not the batch; the reason says so
        reason = f"internal error while extracting: {type(exc).__name__}: {exc}".splitlines()[0]
    status = "failed" if report is None else "ingested"
    if report is not None and report.not_report:  # recorded with its reason; never a report or a body-year
        status, reason = "not_report", report.not_report
    document = DocumentRow(
        sha256=sha, path=where, name=Path(where).name, size=len(data), status=status,
        error=reason, format=report.format if report else None, pages=report.pages if report else None,
        extractor_version=version,
    )
    if status == "ingested":
        document.report = report_rows(report)
        # the date it was published, where the extractor read one (the record's field may not exist yet)
        document.report.published = getattr(report, "published", None)
        document.report.published_source = getattr(report, "published_source", None)
    try:
        replaced = _store(engine, document, sha, where, version)
    except SQLAlchemyError as exc:
        if isinstance(exc, IntegrityError) and _stored(engine, sha, version):
            # Another process stored the same bytes between our look and our write: there once, as wanted.
            return _unchanged(engine, path, sha, where)
        reason = f"the database refused the document: {type(exc).__name__}: {exc}".splitlines()[0]
        failed = DocumentRow(sha256=sha, path=where, name=Path(where).name, size=len(data), status="failed", error=reason)
        try:
            _store(engine, failed, sha, where, version)
        except SQLAlchemyError:
            pass  # the database is unwell; the outcome still says why
        return Outcome(str(path), "failed", reason)
    if report is None:
        return Outcome(str(path), "failed", reason)
    if status == "not_report":
        return Outcome(str(path), "not_report", reason)
    status = "reread" if reread else "replaced" if any(s == "ingested" for s in replaced) else "ingested"
    return Outcome(str(path), status, report=report)


def _read_regular(path: Path) -> bytes:
    """The file's bytes; a special file (swapped in since the walk) is refused unread: opened without waiting
    for a writer, then checked."""
    fd = os.open(path, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0))
    with open(fd, "rb") as file:
        if not stat.S_ISREG(os.fstat(fd).st_mode):
            raise OSError(0, "not a regular file: not read")
        return file.read()


def _unchanged(engine: Engine, path: Path, sha: str, where: str) -> Outcome:
    """Stored bytes met again: at their own path, or a byte-identical copy under another name."""
    with Session(engine) as session:
        stored = session.scalar(select(DocumentRow.path).where(DocumentRow.sha256 == sha))
    copy = stored is not None and stored != where
    return Outcome(str(path), "unchanged", f"duplicate of {stored}" if copy else None)


def _stored(engine: Engine, sha: str, version: int | None = None) -> bool:
    """Whether these bytes are stored as ingested (by extractor ``version``, when one is given)."""
    query = select(DocumentRow.id).where(DocumentRow.sha256 == sha,
                                         DocumentRow.status.in_(("ingested", "not_report")))
    if version is not None:
        query = query.where(DocumentRow.extractor_version == version)
    with Session(engine) as session:
        return session.scalar(query) is not None


def _follow_move(engine: Engine, sha: str, where: str) -> None:
    """Stored bytes found at a new path while their old path holds no file: the file moved. The document's
    path follows it, so that ``prune`` does not take a moved file for a deleted one."""
    with Session(engine) as session:
        old = session.scalar(select(DocumentRow.path).where(DocumentRow.sha256 == sha))
    if old is None or old == where or os.path.exists(old):
        return  # the usual case: no write
    with Session(engine) as session, session.begin():
        session.execute(update(DocumentRow).where(DocumentRow.sha256 == sha).values(path=where, name=Path(where).name))


def _forget_other_bytes(engine: Engine, sha: str, where: str) -> None:
    other = and_(DocumentRow.path == where, DocumentRow.sha256 != sha)
    with Session(engine) as session:
        if session.scalar(select(DocumentRow.id).where(other)) is None:
            return  # the usual case: no write, no write lock
    with Session(engine) as session, session.begin():
        search.forget(session, select(ReportRow.id).join(DocumentRow).where(other))  # FTS5: no cascade
        session.execute(delete(DocumentRow).where(other))


def _store(engine: Engine, document: DocumentRow, sha: str, where: str, version: int) -> list[str]:
    """One transaction: what this document supersedes goes, the document comes; the statuses it replaced.

    Stored bytes stay: if they are stored already by this extractor version (committed before us, or
    committing while we wait), the unique sha256 refuses the insert (IntegrityError). A failed record of them,
    a reading of them by another version, or other bytes at this path, make way.
    """
    with Session(engine) as session, session.begin():
        old_reading = or_(DocumentRow.status.not_in(("ingested", "not_report")), DocumentRow.extractor_version.is_(None),
                          DocumentRow.extractor_version != version)
        superseded = or_(and_(DocumentRow.sha256 == sha, old_reading),
                         and_(DocumentRow.path == where, DocumentRow.sha256 != sha))
        search.forget(session, select(ReportRow.id).join(DocumentRow).where(superseded))  # FTS5: no cascade
        replaced = session.execute(delete(DocumentRow).where(superseded).returning(DocumentRow.status)).scalars().all()
        session.add(document)
        if document.report is not None:
            session.flush()  # ids for the search index
            search.index_report(session, document.report)
    return list(replaced)


def _under(stored: str, paths: list[str]) -> bool:
    return any(stored == p or stored.startswith(p.rstrip(os.sep) + os.sep) for p in paths)


def forget(paths: Iterable[str | Path], engine: Engine, *, only_missing: bool = False) -> list[str]:
    """Remove the documents stored at ``paths`` (a file's path, or every document under a folder; the files
    need not exist any more) with their reports, cells, sections, facts and flags, then recompute the checks
    across reports. ``only_missing``: only those whose file is gone (``ingest --prune``). The stored paths
    removed, sorted. Corrections and flag reviews stay (pipeline.review says why)."""
    wanted = [os.path.abspath(p) for p in paths]
    with Session(engine) as session:
        stored = session.execute(select(DocumentRow.id, DocumentRow.path)).all()
    gone = [(i, p) for i, p in stored if _under(p, wanted) and not (only_missing and os.path.exists(p))]
    if not gone:
        return []
    ids = [i for i, _ in gone]
    with Session(engine) as session, session.begin():
        for chunk in range(0, len(ids), 500):  # bound the statement's parameters
            part = ids[chunk:chunk + 500]
            search.forget(session, select(ReportRow.id).where(ReportRow.document_id.in_(part)))  # FTS5: no cascade
            session.execute(delete(DocumentRow).where(DocumentRow.id.in_(part)))
    settle_copies(engine)  # a body-year that lost its counted copy counts another
    refresh_quality_flags(engine)
    refresh_corrections(engine)
    return sorted(p for _, p in gone)


def prune(paths: Iterable[str | Path], engine: Engine) -> list[str]:
    """Forget the documents under ``paths`` whose files are gone; the stored paths removed."""
    return forget(paths, engine, only_missing=True)
