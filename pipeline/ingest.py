"""Loading files into the store: idempotent, all or nothing per document, a bad file never stops a batch.

Files are read and extracted by workers (pipeline.tasks.read_task; several processes with ``jobs``,
pipeline.pool) and stored by this process alone, in input order, many documents a transaction
(pipeline.writer.store_results).

A document is known by the sha256 of its bytes: the same bytes again add nothing, wherever they lie. A file
whose bytes changed replaces the rows its path had. A file that cannot be read is recorded as failed with a
one-line reason, and read again on the next run (the reader may have learnt to). A document read by another
extractor version (extractors.version) is read again too: the unchanged-bytes shortcut holds only for documents
the current version read. Analysts' corrections and flag reviews are keyed so that they outlive re-reading
(pipeline.review). ``forget`` and ``prune`` remove documents whose files are gone.
"""

from __future__ import annotations

import os
import stat
import time
from collections.abc import Callable, Iterable, Iterator
from contextlib import nullcontext
from pathlib import Path

from sqlalchemy import delete, select
from sqlalchemy.engine import Engine
from sqlalchemy.orm import Session

from extractors.readers.sniff import REPORT_SUFFIXES
from extractors.version import EXTRACTOR_VERSION
from pipeline import pending, search
from pipeline.db import DocumentRow, ReportRow, in_lists
from pipeline.pool import Pool
from pipeline.tasks import FileResult, Limits, printable_path, read_task
from pipeline.writer import Outcome, StoreThread, StoredBytes, is_stored, store_results, stored_bytes

# an idle writer is handed the batch as soon as it holds this many results (a transaction costs ~2 ms of CPU, a
# report 3-7 ms): the writer keeps pace with the reading, so little is left to store once the last file is read
IDLE_BATCH = 8

__all__ = ["Outcome", "forget", "ingest", "ingest_file", "iter_files", "iter_inputs", "prune"]


def iter_inputs(paths: Iterable[str | Path], *, follow_links: bool = False) -> Iterator[tuple[Path, str | None]]:
    """Each input file with None, or with the one-line reason it is skipped unopened.

    A path named on the command line is read as it is, a symbolic link too. A folder is walked recursively for
    report files (hidden ones aside): a link in it to a file inside the folder is read; a link out of the folder,
    a broken link, a link to a folder outside (``follow_links`` reads those, a link loop never), and a special
    file (FIFO, socket, device: opening one may block or never end) are skipped with their reason. A link to a
    folder inside the folder is not walked twice."""
    for path in map(Path, paths):
        if path.is_dir():
            for found, reason in _walk(path, follow_links):
                yield Path(found), reason
        elif path.exists() and not path.is_file():
            yield path, _special(path)
        else:
            yield path, None  # a missing file fails when read, with its reason


def iter_files(paths: Iterable[str | Path], *, follow_links: bool = False) -> Iterator[Path]:
    """The files of ``iter_inputs`` that are read."""
    return (path for path, reason in iter_inputs(paths, follow_links=follow_links) if reason is None)


def _walk(folder: Path, follow_links: bool) -> list[tuple[str, str | None]]:
    """The report files under ``folder`` (paths as str: a Path is three times the memory, and a walk of 10⁶
    files holds them all to sort them) with None or the reason each is skipped, in the order of their paths'
    parts (as sorting them as Paths would: a folder's files and subfolders by name, each subfolder where its
    name falls)."""
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
                found.append((here, f"link to a folder outside {folder}: {real} (--follow-links reads it)"))
            else:
                seen.add(real)
        for name in files:
            if name.startswith(".") or os.path.splitext(name)[1].lower() not in REPORT_SUFFIXES:
                continue
            path = os.path.join(where, name)
            found.append((path, _reason(Path(path), root, follow_links)))
    found.sort(key=_parts_order)
    return found


def _parts_order(item: tuple[str, str | None]) -> str:
    """A walked path's sort key: its parts compared one by one, as Paths compare ('a/b' before 'a-b'): the
    separator, which no name holds, put below every character a name may hold."""
    return item[0].replace(os.sep, "\0")


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
           extractor_version: int = EXTRACTOR_VERSION, follow_links: bool = False, jobs: int = 1,
           limits: Limits = Limits(), batch: int = 50, batch_seconds: float = 1.0,
           stop: Callable[[], bool] = lambda: False, on_start: Callable[[int], None] | None = None,
           keep_outcomes: bool = True) -> list[Outcome]:
    """Load every file under ``paths``; then complete the pending set (pipeline.pending: the copy ranks, checks
    across reports, text reuse and corrections' statuses that this run's changes, or an interrupted run's, left). The outcomes, in input order (``on_outcome`` is called with each, in that order, once
    it is stored).

    ``jobs``: worker processes that read and extract (pipeline.pool), each file held to ``limits``; 1 reads in
    this process (no limits: nothing to kill). Either way this process is the single writer: results are stored
    in input order, ``batch`` at a time or every ``batch_seconds``, or as soon as ``IDLE_BATCH`` of them wait and the
    store thread has nothing to do (pipeline.writer.store_results).
    ``stop()`` is asked after each result: once true, no more files are read, what was read is stored, and the
    batch ends early (its outcomes are those of the files done). ``on_start`` gets the number of inputs.
    ``extractor_version`` is what the documents read now are recorded as read by (the current one; tests pass
    another to see a version change without editing the code). ``follow_links``: read links out of a walked
    folder too (``iter_inputs``); skipped files are outcomes with their reason. ``keep_outcomes`` False: the
    outcomes go to ``on_outcome`` only and the list returned is empty, so that the memory of a run does not grow
    with its files (the command line counts them as they pass)."""
    # each input held until the run ends as its path, a str (a Path is three times its size), in one list; the
    # few skipped ones' reasons by index; the files to read made from them as the pool takes them
    inputs: list[str] = []
    skips: dict[int, str] = {}
    for path, skip in iter_inputs(paths, follow_links=follow_links):
        if skip is not None:
            skips[len(inputs)] = skip
        inputs.append(str(path))
    if on_start is not None:
        on_start(len(inputs))
    to_read = len(inputs) - len(skips)

    def todo() -> Iterator[tuple[int, str]]:
        return ((i, path) for i, path in enumerate(inputs) if i not in skips)

    # the bytes stored as read by this version: before this run (one query), then as the writer commits them
    known = stored_bytes(engine, extractor_version, _sizes(todo())) if to_read else StoredBytes()
    writer = StoreThread(engine, on_outcome, stored=known, keep=keep_outcomes)  # stores while the workers read

    def stored(sha: str) -> bool:
        return sha in known

    def unstored_size(path: str) -> int | None:  # a file of a size no stored bytes have: its worker need not ask
        try:
            size = os.stat(path).st_size
        except OSError:
            return None
        return None if size in known.sizes else size
    batch_items: list[FileResult | Outcome] = []  # in input order, not handed to the writer yet
    done: dict[int, FileResult] = {}  # read, waiting for the files before them
    nxt = 0
    last = time.monotonic()

    def flush() -> None:
        nonlocal last
        writer.put(batch_items)
        batch_items.clear()
        last = time.monotonic()

    def take(upto: int | None = None) -> None:
        """Move what is next in input order (files read, files skipped) into the batch."""
        nonlocal nxt
        while nxt < len(inputs) and (upto is None or nxt < upto):
            skip = skips.get(nxt)
            if skip is not None:
                batch_items.append(Outcome(printable_path(inputs[nxt]), "skipped", skip))
            elif nxt in done:
                batch_items.append(done.pop(nxt))
            elif upto is None:
                break
            nxt += 1

    try:
        workers = min(jobs, to_read)
        with (Pool(workers, version=extractor_version, is_stored=stored, limits=limits, unstored_size=unstored_size)
              if workers > 1 else nullcontext()) as pool:
            results = pool.run(todo(), stop) if pool else _in_process(todo(), extractor_version, stored, stop)
            for index, result in results:
                done[index] = result
                take()
                if len(batch_items) >= batch or (batch_items and (
                        time.monotonic() - last >= batch_seconds
                        or (len(batch_items) >= min(batch, IDLE_BATCH) and writer.idle))):
                    flush()
                if stop():
                    break
        if stop():  # what was read is stored (in input order); what was not, is not
            for index in sorted(done):
                take(index + 1)
        else:
            take()
        flush()
    except BaseException as exc:  # the pool cannot go on, a second Ctrl-C: what the writer holds is stored
        writer.abandon(wait=not isinstance(exc, KeyboardInterrupt))  # (Ctrl-C: not waited for, never half)
        raise
    outcomes = writer.close()
    # the copy ranks, checks across reports, text reuse and corrections' statuses that this run's changes (or an
    # interrupted run's) left pending (pipeline.pending): a run of unchanged files completes a killed run's
    pending.complete(engine)
    return outcomes


def _sizes(todo: Iterable[tuple[int, str]]) -> set[int] | None:
    """The sizes in bytes of the files to read (stored bytes of other sizes cannot be theirs); None when one
    cannot be looked at (the stored bytes of every size are read then). A file that changes size before it is
    read is still stored once: the store finds its bytes stored and says ``unchanged``."""
    sizes = set()
    for _, path in todo:
        try:
            sizes.add(os.stat(path).st_size)
        except OSError:
            return None
    return sizes


def _in_process(todo: Iterable[tuple[int, str]], version: int, stored: Callable[[str], bool],
                stop: Callable[[], bool]) -> Iterator[tuple[int, FileResult]]:
    for index, path in todo:
        if stop():
            return
        yield index, read_task(path, version=version, is_stored=stored)


def ingest_file(path: Path, engine: Engine, extractor_version: int = EXTRACTOR_VERSION) -> Outcome:
    """Load one file (in this process); whatever goes wrong costs this file only, with a one-line reason."""
    stored = lambda sha: is_stored(engine, sha, extractor_version)  # noqa: E731
    return store_results(engine, [read_task(path, version=extractor_version, is_stored=stored)])[0]


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
        for part in in_lists(ids):
            pending.mark(session, DocumentRow.id.in_(part))
            search.forget(session, select(ReportRow.id).where(ReportRow.document_id.in_(part)))  # FTS5: no cascade
            session.execute(delete(DocumentRow).where(DocumentRow.id.in_(part)))
    pending.complete(engine)  # a body-year that lost its counted copy counts another, and so on
    return sorted(p for _, p in gone)


def prune(paths: Iterable[str | Path], engine: Engine) -> list[str]:
    """Forget the documents under ``paths`` whose files are gone; the stored paths removed."""
    return forget(paths, engine, only_missing=True)
