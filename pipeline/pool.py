"""The local pool of ``gongkai ingest --jobs N``: N worker processes run pipeline.tasks.read_task, the ingesting
process stores their results (the single writer), and each file is held to its limits (pipeline.tasks.Limits).

Why not concurrent.futures: a pool there cannot kill the one worker stuck on one file (a regular expression
backtracking inside C, a reader eating memory) and go on; killing a worker breaks the whole executor. Here each
worker has its own pipe and its own deadline: a worker over its file's time limit (scaled by the pages the reader
reports), or over the memory limit (its resident memory, watched from outside), is killed, the file fails with
a one-line reason, and a fresh worker takes the next file.

Workers are forked from a multiprocessing *forkserver* (pipeline.forkserver; `gongkai ingest` starts it before
its own imports) that imported and loaded what tasks need once (pipeline.warm: jieba, the
division table, the readers): a worker starts in a few dozen ms, and no thread of the ingesting process (the
progress bar's, the store's) is ever forked. Workers ignore SIGINT: Ctrl-C reaches
the ingesting process, which stops them itself (``close``).
"""

from __future__ import annotations

import hashlib
import os
import signal
import time
from collections import deque
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from multiprocessing.connection import Connection, wait
from pathlib import Path

from pipeline import forkserver
from pipeline.tasks import FileResult, Limits, read_stable, read_task

_POLL = 0.1  # s: how often resident memory and deadlines are looked at while waiting
# files handed to a worker at once: the one it reads and the next, waiting in its pipe, so that it goes on
# without waiting for this process (busy storing) to answer its result with a new file (~1 ms a file)
_DEPTH = 2
_MEMORY_EVERY = 0.02  # s: a worker's resident memory looked at no more often (a read of /proc each time)
_PAGE = os.sysconf("SC_PAGE_SIZE") if hasattr(os, "sysconf") else 4096


def _worker(conn: Connection, version: int) -> None:
    """A worker's life: take ("job", path, unstored size) — the next one may already wait in the pipe while this
    one is read —, ask ("ask", sha256) whether its bytes are stored (unless they have that size:
    pipeline.tasks.read_task) and wait for ("answer", bool), send ("pages", n) once the reader knows them, then
    ("done", FileResult); None ends it."""
    signal.signal(signal.SIGINT, signal.SIG_IGN)  # Ctrl-C is the ingesting process's to handle
    conn.send(("ready", os.getpid()))
    waiting: deque = deque()  # jobs (or the end) that came while an answer was awaited

    def ask(sha: str) -> bool:  # the writing process answers from its own connection
        conn.send(("ask", sha))
        while True:
            message = conn.recv()
            if message is not None and message[0] == "answer":
                return message[1]
            waiting.append(message)

    while True:
        try:
            job = waiting.popleft() if waiting else conn.recv()
        except EOFError:
            return
        if job is None:
            return
        _, path, unstored = job
        result = read_task(path, version=version, on_pages=lambda n: conn.send(("pages", n)), is_stored=ask,
                           unstored_size=unstored)
        conn.send(("done", result))


class PoolError(RuntimeError):
    """The local pool cannot run (its workers do not start)."""


@dataclass
class _Job:
    index: int
    path: Path
    started: float
    pages: int | None = None


class _Slot:
    """One worker process, its end of the pipe, and the files handed to it: ``jobs[0]`` is the one it reads
    (timed from when it began), the others wait in its pipe."""

    def __init__(self, ctx, version: int):
        self.conn, child = ctx.Pipe()
        self.process = ctx.Process(target=_worker, args=(child, version), daemon=True)
        self.started = time.monotonic()
        self.process.start()
        child.close()
        self.jobs: deque[_Job] = deque()
        self.ready_after: float | None = None  # s from start to its first word (worker start-up)
        self.memory_seen = 0.0  # when its resident memory was last looked at (time.monotonic)

    def hand(self, job: _Job, unstored: int | None) -> None:
        if not self.jobs:
            job.started = time.monotonic()
        self.jobs.append(job)
        # a copy of the path is pickled: pickling a str leaves its UTF-8 form cached in it, ~80 bytes more for
        # as long as the caller holds the path (a run holds every input's to its end)
        self.conn.send(("job", str(job.path).encode("utf-8", "surrogatepass").decode("utf-8", "surrogatepass"),
                        unstored))

    def finished(self) -> _Job:
        """The file read is done: the next one handed out is the one it reads now."""
        job = self.jobs.popleft()
        if self.jobs:
            self.jobs[0].started = time.monotonic()
        return job

    def rss_mb(self) -> float:
        self.memory_seen = time.monotonic()
        try:
            with open(f"/proc/{self.process.pid}/statm") as f:
                return int(f.read().split()[1]) * _PAGE / 2**20
        except (OSError, ValueError, IndexError):
            return 0.0

    def kill(self) -> None:
        if self.process.is_alive():
            self.process.kill()
        self.process.join(5)
        self.conn.close()


class Pool:
    """``jobs`` workers reading files for one ingest. ``run`` yields (index, FileResult) as files finish, in any
    order; ``close`` (or leaving the ``with`` block) stops every worker, finished or not.

    ``is_stored(sha256)`` answers the workers' question whether bytes are stored (by this extractor version);
    ``unstored_size(path)``, asked as a file is handed out, spares them the question: the file's size when no
    stored bytes have it (None: ask).
    ``window``: at most this many files are handed out beyond the lowest one not yet finished, so that a caller
    putting results back in input order holds a bounded number of them."""

    def __init__(self, jobs: int, *, version: int, is_stored: Callable[[str], bool], limits: Limits,
                 window: int | None = None, unstored_size: Callable[[Path], int | None] = lambda path: None):
        self.jobs, self.version, self.is_stored, self.limits = max(1, jobs), version, is_stored, limits
        self.unstored_size = unstored_size
        self.window = window or max(64, 8 * self.jobs)
        self.ctx = forkserver.context()
        self.slots: list[_Slot] = []
        self.startups: list[float] = []  # worker start-up times (s), for the record
        self.failed_starts = 0

    def __enter__(self) -> Pool:
        return self

    def __exit__(self, *exc) -> None:
        self.close()

    def _spawn(self) -> _Slot:
        slot = _Slot(self.ctx, self.version)
        self.slots.append(slot)
        return slot

    def _replace(self, slot: _Slot) -> None:
        slot.kill()
        self.slots.remove(slot)
        self._spawn()

    def run(self, items: Iterable[tuple[int, Path]], stop=lambda: False) -> Iterator[tuple[int, FileResult]]:
        """Read every (index, path); yield (index, result) as each finishes. ``stop()`` true: hand out no more
        files and return (the files in flight are abandoned; ``close`` kills their workers)."""
        todo = iter(items)
        queued: deque[tuple[int, Path]] = deque()  # from ``items`` (or a stopped worker's pipe), not handed out
        exhausted = False
        unfinished: set[int] = set()
        while len(self.slots) < self.jobs:
            self._spawn()
        while True:
            if stop():
                return
            for depth in range(1, _DEPTH + 1):  # every started worker one file, then every one a second
                for slot in self.slots:
                    if len(slot.jobs) >= depth or slot.ready_after is None:
                        continue
                    if not queued and not exhausted:
                        nxt = next(todo, None)
                        if nxt is None:
                            exhausted = True
                        else:
                            queued.append(nxt)
                    if not queued or (unfinished and queued[0][0] >= min(unfinished) + self.window):
                        break
                    index, path = queued.popleft()
                    unfinished.add(index)
                    slot.hand(_Job(index, path, 0.0), self.unstored_size(path))
            if exhausted and not queued and not unfinished:
                return
            conns = {slot.conn: slot for slot in self.slots}
            for conn in wait(list(conns), timeout=_POLL):
                slot = conns[conn]
                try:
                    kind, value = conn.recv()
                except (EOFError, OSError):
                    result = self._died(slot, queued)
                    if result is not None:
                        unfinished.discard(result[0])
                        yield result
                    continue
                if kind == "ready":
                    slot.ready_after = time.monotonic() - slot.started
                    self.startups.append(slot.ready_after)
                elif kind == "ask":
                    slot.conn.send(("answer", self.is_stored(value)))
                elif kind == "pages" and slot.jobs:
                    slot.jobs[0].pages = value
                elif kind == "done" and slot.jobs:
                    index = slot.finished().index
                    unfinished.discard(index)
                    yield index, value
            now = time.monotonic()
            for slot in list(self.slots):  # limits
                if not slot.jobs:
                    continue
                job = slot.jobs[0]
                limit = self.limits.seconds(job.pages)
                if limit is not None and now - job.started > limit:
                    reason = self.limits.time_reason(job.pages)
                elif (self.limits.memory_mb is not None and now - slot.memory_seen >= _MEMORY_EVERY
                      and slot.rss_mb() > self.limits.memory_mb):
                    reason = self.limits.memory_reason()
                else:
                    continue
                self._requeue(slot, queued)
                self._replace(slot)
                unfinished.discard(job.index)
                yield job.index, failed_result(job.path, reason, self.version, job.pages,
                                               time.monotonic() - job.started)

    @staticmethod
    def _requeue(slot: _Slot, queued: deque[tuple[int, Path]]) -> None:
        """The files waiting in a stopped worker's pipe (never begun) go back to the front of the queue."""
        for job in reversed(list(slot.jobs)[1:]):
            queued.appendleft((job.index, job.path))

    def _died(self, slot: _Slot, queued: deque[tuple[int, Path]]) -> tuple[int, FileResult] | None:
        """A worker that stopped by itself (killed from outside, the kernel's OOM killer): the file it read
        fails, those waiting for it are handed out again. A worker that stops before it is ready, again and
        again, is a pool that cannot work: PoolError."""
        job = slot.jobs[0] if slot.jobs else None
        self._requeue(slot, queued)
        slot.process.join(5)
        code = slot.process.exitcode
        how = f"killed by signal {-code}" if code is not None and code < 0 else f"exit status {code}"
        if slot.ready_after is None:
            self.failed_starts += 1
            if self.failed_starts > 2 * self.jobs:
                raise PoolError(f"the worker processes cannot start ({how}; see the messages above)")
        self._replace(slot)
        if job is None:
            return None
        return job.index, failed_result(job.path, f"the worker reading it stopped ({how})", self.version,
                                        job.pages, time.monotonic() - job.started)

    def close(self) -> None:
        """Stop every worker: idle ones are told to end, busy ones are killed."""
        for slot in self.slots:
            if not slot.jobs and slot.process.is_alive():
                try:
                    slot.conn.send(None)
                except OSError:
                    pass
                slot.process.join(1)
            slot.kill()
        self.slots = []


def failed_result(path: Path, reason: str, version: int, pages: int | None, seconds: float) -> FileResult:
    """A file its worker could not finish: failed with ``reason``, hashed here so that it is recorded (and read
    again by the next run, like every failed file)."""
    sha = size = None
    try:
        data = read_stable(path)
        sha, size = hashlib.sha256(data).hexdigest(), len(data)
    except OSError:
        pass
    return FileResult(path=str(path), where=os.path.abspath(path), name=Path(path).name, status="failed",
                      version=version, sha256=sha, size=size, reason=reason, pages=pages, seconds=seconds)
