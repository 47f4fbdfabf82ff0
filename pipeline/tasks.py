"""One task unit of an ingest: a file → a :class:`FileResult` ready to store (pipeline.store_results stores it).

``read_task`` is what every worker runs — in the ingesting process itself (``--jobs 1``), in a local worker
process (pipeline.pool), or on a Dask worker: it reads the file's bytes (a special file refused unopened, a file
that changes while it is read read once more, then failed), hashes them, asks the database whether those bytes
are stored already by this extractor version (then nothing is extracted), else reads and extracts the report
and turns it into plain row payloads. A FileResult is picklable and small: dicts of column values, no ORM
objects, no :class:`~extractors.records.Report` kept — the store inserts the rows with SQLAlchemy Core.

The database is only read here (a per-process engine, cached per URL, without a pool: safe across fork);
nothing is written. Whatever goes wrong costs this file only: a FileResult with status ``failed`` and a one-line
reason, never an exception (but KeyboardInterrupt / SystemExit, and the limits' own stop, pass through).
"""

from __future__ import annotations

import gc
import hashlib
import os
import stat
import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

import extractors as _extractors  # the readers and extractors, imported as warm() or a first file asks for them
from extractors.readers import ReadError
from extractors.version import EXTRACTOR_VERSION
from pipeline.search_words import index_payload
from pipeline.store import ReportPayload, payload_rows

if TYPE_CHECKING:
    from sqlalchemy.engine import Engine

CHANGED = "changed while being read"


@dataclass(frozen=True)
class Limits:
    """What one file may cost a worker. Time: ``file_seconds`` plus ``page_seconds`` for each page the reader
    found (so a 20-page scan read by OCR is not judged by a born-digital report's limit), wall-clock seconds
    from the moment the worker takes the file. Memory: ``memory_mb`` MiB of resident memory of the worker.
    ``None`` disables a limit. The defaults are sized from real reports: a born-digital one of 5 pages takes
    ~0.3 s and a worker ~300 MiB; a scan ~3 s a page on a loaded core.

    The local pool (pipeline.pool) enforces them from outside the worker: a worker over one is killed, the file
    fails with a one-line reason (:meth:`time_reason`, :meth:`memory_reason`) and a fresh worker goes on."""

    file_seconds: float | None = 60.0
    page_seconds: float | None = 15.0
    memory_mb: int | None = 2048

    def seconds(self, pages: int | None) -> float | None:
        """The time limit of a file of ``pages`` pages (None or 0: not known yet, the base limit alone)."""
        if self.file_seconds is None:
            return None
        return self.file_seconds + (self.page_seconds or 0.0) * (pages or 0)

    def time_reason(self, pages: int | None) -> str:
        return f"over the time limit of {self.seconds(pages):g} s" + (f" ({pages} page(s))" if pages else "")

    def memory_reason(self) -> str:
        return f"over the memory limit of {self.memory_mb} MiB"


@dataclass(frozen=True)
class FileResult:
    """What a worker made of one file, for ``pipeline.store.store_results``.

    status: ``report`` (a report extracted: ``report`` holds it), ``not_report`` (read; not an annual report;
    ``reason`` says why), ``failed`` (``reason``: one line), ``unchanged`` (these bytes are stored by this
    extractor ``version`` already: nothing extracted; the store follows a move and says whether it is a copy).
    ``path`` is the path as given (what outcomes print), ``where`` its absolute form (what documents store),
    ``sha256``/``size`` None when the bytes could not be read. ``seconds``: wall time the task took."""

    path: str
    where: str
    name: str
    status: str
    version: int = EXTRACTOR_VERSION
    sha256: str | None = None
    size: int | None = None
    reason: str | None = None
    format: str | None = None
    pages: int | None = None
    report: ReportPayload | None = None
    seconds: float = 0.0


def read_task(path: str | Path, *, version: int = EXTRACTOR_VERSION, db_url: str | None = None,
              limits: Limits | None = None, on_pages: Callable[[int | None], None] | None = None,
              is_stored: Callable[[str], bool] | None = None, unstored_size: int | None = None) -> FileResult:
    """Read, check and extract one file (see the module's docstring); never raises for a bad file.

    ``db_url``: the database to ask whether the bytes are stored already (None: do not ask, always extract).
    ``limits``: not enforced here (a task cannot stop itself inside a C library); passed for the record and
    for callers that enforce them. ``on_pages``: called with the page count as soon as it is known — for a PDF
    before it is read (pdfium's count: a scanned PDF is OCR'd inside the reader), for every file again with the
    reader's count before extraction — how the local pool scales a file's time limit by its pages.
    ``is_stored(sha256)``: asked instead of ``db_url`` (the local pool's workers ask the writing process: a
    SQLite file opened by several processes while this one holds it is safe only through SQLite's own locks,
    which a stray close of the file by the writer's process can drop). ``unstored_size``: no stored bytes have
    this size (the caller knows the sizes of what is stored), so bytes of this size are read without asking (a
    round trip to the writing process saved; were it wrong, the store finds the bytes stored and says
    ``unchanged`` all the same)."""
    started = time.monotonic()
    path = Path(path)
    where = printable_path(os.path.abspath(path))  # not resolve(): a symlink loop must fail at reading
    base = dict(path=printable_path(str(path)), where=where, name=Path(where).name, version=version)
    try:
        data = read_stable(path)
    except OSError as exc:
        return FileResult(**base, status="failed", reason=f"cannot read file: {exc.strerror or exc}",
                          seconds=time.monotonic() - started)
    sha = hashlib.sha256(data).hexdigest()
    base.update(sha256=sha, size=len(data))
    try:
        if len(data) == unstored_size:
            pass  # bytes of a size nothing stored has: not stored
        elif is_stored(sha) if is_stored is not None else db_url is not None and stored(db_url, sha, version):
            return FileResult(**base, status="unchanged", seconds=time.monotonic() - started)
    except Exception as exc:  # the database cannot be asked: extract anyway, the store decides
        del exc
    fmt = pages = None
    try:
        if not _warmed:  # the first file this process extracts: what it would load anyway, loaded as warm() does
            warm(readers=False)
        if on_pages is not None and (counted := pdf_pages(data)):
            on_pages(counted)  # before reading: a scan's pages are OCR'd inside read_document
        document = _extractors.read_document(path, data)
        fmt, pages = document.format, document.pages
        if on_pages is not None:
            on_pages(pages)
        report = _extractors.extract_report(document)
    except ReadError as exc:
        # the reason alone: the file is the record's own
        return FileResult(**base, status="failed", reason=exc.reason.splitlines()[0] if exc.reason else "unreadable",
                          format=fmt, pages=pages, seconds=time.monotonic() - started)
    except Exception as exc:  # an extractor bug must cost one file, not the batch; the reason says so
        reason = f"internal error while extracting: {type(exc).__name__}: {exc}".splitlines()[0]
        return FileResult(**base, status="failed", reason=reason, format=fmt, pages=pages,
                          seconds=time.monotonic() - started)
    if report.not_report:  # recorded with its reason; never a report or a body-year
        return FileResult(**base, status="not_report", reason=report.not_report, format=report.format,
                          pages=report.pages, seconds=time.monotonic() - started)
    payload = payload_rows(report)
    payload.search.extend(index_payload(payload.sections, payload.facts))
    return FileResult(**base, status="report", format=report.format, pages=report.pages, report=payload,
                      seconds=time.monotonic() - started)


def pdf_pages(data: bytes) -> int | None:
    """The page count of a PDF's bytes, from pdfium's page tree without parsing a page (milliseconds, even for
    a scan of a hundred pages); None for anything else or a PDF pdfium cannot open (the reader says why), and
    for a count over the reader's cap (the reader refuses the file at once: no allowance to give)."""
    if b"%PDF-" not in data[:1024]:
        return None
    import pypdfium2

    from extractors.readers.pdf_limits import MAX_PDF_PAGES

    try:
        document = pypdfium2.PdfDocument(data)
    except Exception:  # damaged, encrypted with a user password: read_document gives the reason
        return None
    try:
        n = len(document)
    finally:
        document.close()
    return n if 0 < n <= MAX_PDF_PAGES else None


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


def read_stable(path: Path) -> bytes:
    """The file's bytes, read while it did not change: its size, modification time and inode the same before
    and after the read. A file that changed is read once more; if it changes again, OSError(CHANGED). A special
    file (swapped in since the walk) is refused unread: opened without waiting for a writer, then checked."""
    for _attempt in range(2):
        fd = os.open(path, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0))
        with open(fd, "rb") as file:
            before = os.fstat(fd)
            if not stat.S_ISREG(before.st_mode):
                raise OSError(0, "not a regular file: not read")
            data = file.read()
            after = os.fstat(fd)
        try:
            now = os.stat(path)  # the path may name another file now (replaced by a rename)
        except OSError:
            now = None
        seen = (before.st_ino, before.st_size, before.st_mtime_ns)
        if len(data) == before.st_size and seen == (after.st_ino, after.st_size, after.st_mtime_ns) and \
                now is not None and seen == (now.st_ino, now.st_size, now.st_mtime_ns):
            return data
    raise OSError(0, CHANGED)


_engines: dict[tuple[int, str], Engine] = {}


def reader_engine(db_url: str) -> Engine:
    """This process's engine for ``db_url``, for reads only: made once per process (a forked child makes its
    own; NullPool keeps no connection that a fork could share)."""
    from sqlalchemy import create_engine  # here: a local pool's worker never asks the database (pipeline.warm)
    from sqlalchemy.pool import NullPool

    from pipeline.db import database_url

    key = (os.getpid(), db_url)
    if key not in _engines:
        _engines[key] = create_engine(database_url(db_url), poolclass=NullPool)
    return _engines[key]


def stored(db_url: str, sha: str, version: int | None = None) -> bool:
    """Whether these bytes are stored as read (ingested or not_report), by extractor ``version`` when given."""
    from sqlalchemy import select

    from pipeline.db import DocumentRow

    query = select(DocumentRow.id).where(DocumentRow.sha256 == sha, DocumentRow.status.in_(("ingested", "not_report")))
    if version is not None:
        query = query.where(DocumentRow.extractor_version == version)
    with reader_engine(db_url).connect() as conn:
        return conn.execute(query.limit(1)).first() is not None


# Whether warm() moves the heap to the collector's permanent generation once it has loaded everything: only in a
# process that owns its heap, the command's own (pipeline.launch sets it; the pool's forkserver freezes its
# own, after a collection: pipeline.warm), never in a library caller's, whose objects would never be collected
FREEZE_WARM = False
_warmed = False


def warm(readers: bool = True) -> None:
    """Load what every task needs once: jieba (segmentation, facts; its dictionary's entries are added as text
    meets them, extractors.prefix_dictionary), jieba.posseg's tags, the division table, the
    template and, with ``readers``, every format's reader (before workers are forked from this process, which
    may meet any format); without, each reader is imported as its first file is read (the first file read in
    this process: a run of DOCX and HTML files never imports the PDF readers). The collector is paused
    meanwhile: all of it lives as long as the process, so collecting finds nothing, and a full collection over
    jieba's tables and the division table costs ~0.1 s. With ``FREEZE_WARM``, everything held then is frozen
    (gc.freeze) so that no later full collection walks it."""
    from extractors.cache import collector_paused
    from extractors.facts import _posseg, load_jieba
    from extractors.readers import import_readers
    from extractors.report import extract_report  # noqa: F401 (the extractors and what they import)
    from extractors.regions import division_table
    from extractors.template import load_template

    global _warmed
    with collector_paused():
        load_jieba().dt.initialize()  # a dictionary other than jieba's own: loaded whole now
        _posseg()
        load_template()
        division_table()
        if readers:
            import_readers()
        if FREEZE_WARM:
            gc.freeze()
    _warmed = True
