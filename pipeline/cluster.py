"""Many machines: one ingest run on a Dask distributed cluster (``gongkai ingest --cluster tcp://host:8786``).

The client (this process) walks the inputs as a local ingest does (pipeline.ingest.iter_inputs: a skipped file
is an outcome with its reason) and submits one task per file; each Dask worker runs the one task unit
(pipeline.tasks.read_task), stores its own result through the one store function (pipeline.writer.store_results)
into the shared database with an engine of its own process, and hands back only the small Outcome. The client
prints outcomes as they complete and ends the run as a local ingest ends it (:func:`finish`).

What the cluster needs: the same gongkai (extractor version) on every machine, the same paths on every machine
(a shared filesystem: a worker that cannot see a file fails it with a one-line reason naming its host), and one
PostgreSQL database every worker reaches. A SQLite ``--db`` is refused: it is one machine's file, which workers
elsewhere cannot write (``--jobs N`` is the way to use every core of one machine).

Resumable: a run stopped anywhere is run again; bytes stored by this extractor version are not read again
(read_task asks the database). Ctrl-C cancels what is not done; a file a worker is storing at that moment is
stored whole or not at all (a transaction per batch, a savepoint per document).

Each file is held to its limits (pipeline.tasks.Limits: time per file and per page, memory) as in the local pool,
by the local pool itself: every Dask worker thread keeps a pipeline.pool.Pool of one child process (forked from a
multiprocessing forkserver that loaded what reading needs once, reused file after file), the file is read there,
and a child over a limit is killed from outside — whatever C loop it is stuck in — the file fails with the same
one-line reason ("over the time limit of N s", "over the memory limit of N MiB") and a fresh child takes the next
file. Dask cannot do this itself: a running task is a thread, which no one can stop, and ``--memory-limit``
restarts the whole worker, then runs the file again on another. Dask's own limits still guard the worker.
"""

from __future__ import annotations

import logging
import multiprocessing
import os
import socket
import threading
from collections.abc import Callable, Iterable
from dataclasses import replace
from pathlib import Path

from sqlalchemy import make_url
from sqlalchemy.engine import Engine

from extractors.version import EXTRACTOR_VERSION
from pipeline.db import connect, database_url
from pipeline.ingest import iter_inputs
from pipeline import pending
from pipeline.pool import Pool
from pipeline.tasks import FileResult, Limits, read_task, stored
from pipeline.writer import Outcome, store_results

CONNECT_SECONDS = 5.0  # to reach the scheduler: an address that does not answer is one line, not a hang
WORKERS_SECONDS = 30.0  # for a first worker to join a scheduler that has none yet


class ClusterError(Exception):
    """The cluster cannot be used for this run (one line, naming the scheduler or database and why)."""


def ingest_cluster(paths: Iterable[str | Path], address: str, db: str | None,
                   on_outcome: Callable[[Outcome], None] | None = None, *,
                   extractor_version: int = EXTRACTOR_VERSION, follow_links: bool = False,
                   limits: Limits = Limits(), keep_outcomes: bool = True) -> list[Outcome]:
    """Ingest every file under ``paths`` on the Dask scheduler at ``address`` into the database ``db`` (a
    PostgreSQL URL); the outcomes in input order (``on_outcome`` sees each as it completes), each file held to
    ``limits`` on its worker (:func:`read_limited`). Then the run is finished as a local one is (:func:`finish`).
    ``keep_outcomes`` False: the outcomes go to ``on_outcome`` only and the list returned is empty, so that the
    client's memory does not grow with the run's files (as pipeline.ingest.ingest's).

    Raises ClusterError (the ``distributed`` package missing, a SQLite database, a scheduler that does not answer
    within CONNECT_SECONDS or has no worker, workers running another extractor version) before anything is
    stored; pipeline.db.DatabaseError for a database that cannot be used; KeyboardInterrupt after cancelling the
    tasks not yet done."""
    url = database_url(db)
    if make_url(url).get_backend_name() == "sqlite":
        raise ClusterError(f"--cluster needs a database every machine reaches (PostgreSQL: --db postgresql+psycopg"
                           f"://user@host/db), not the SQLite file {make_url(url).database or url}; "
                           "on one machine use --jobs")
    client = _client(address)
    try:
        _check_workers(client, address, extractor_version)
        engine = connect(url)  # the schema at the current revision before any worker writes
        outcomes = _run(client, address, paths, url, on_outcome, extractor_version, follow_links, limits,
                        keep_outcomes)
    finally:
        client.close()
    finish(engine)
    return outcomes


def finish(engine: Engine) -> None:
    """The end of a run, exactly as pipeline.ingest.ingest ends a local one: the pending set the workers'
    transactions marked (copy ranks, checks across reports, corrections' statuses, text reuse) is completed
    once, here on the client (what to recompute is on record in the database, whatever the outcomes). Keep the
    two alike: when the local ingest ends otherwise, so does this."""
    pending.complete(engine)


def run_file(given: str, where: str, *, version: int, db_url: str, limits: Limits | None = None) -> Outcome:
    """The task of one file on a worker: read it at ``where`` (absolute, the same on every machine), store the
    result through this process's engine, return the Outcome under the path as ``given`` on the command line."""
    if version != EXTRACTOR_VERSION:  # a worker with another gongkai would record its reading as ours
        return Outcome(given, "failed", f"worker {socket.gethostname()} runs extractor version "
                       f"{EXTRACTOR_VERSION}, the client {version}: install the same gongkai on every machine")
    result = replace(read_limited(where, version=version, db_url=db_url, limits=limits), path=given)
    if result.sha256 is None:  # not read: nothing to record it by (as store_results does)
        reason = result.reason
        if not os.path.lexists(where):
            reason = (f"cannot read file on worker {socket.gethostname()}: no such file (every machine of the "
                      "cluster must see the same paths: a shared filesystem)")
        return Outcome(given, "failed", reason)
    return store_results(_engine(db_url), [result])[0]


def read_limited(where: str, *, version: int, db_url: str, limits: Limits | None) -> FileResult:
    """read_task of one file held to ``limits`` (see the module's docstring): in this worker thread's child
    process; in this process itself when there is no time or memory limit to hold it to."""
    if limits is None or (limits.seconds(None) is None and limits.memory_mb is None):
        return read_task(where, version=version, db_url=db_url)
    pool = getattr(_pools, "pool", None)
    if pool is None or pool.version != version:
        _may_have_children()
        pool = _pools.pool = Pool(1, version=version, is_stored=lambda sha: False, limits=limits)

    def is_stored(sha: str) -> bool:  # the child asks; this process reads the database
        try:
            return stored(db_url, sha, version)
        except Exception:  # cannot ask: extract anyway, the store decides
            return False

    pool.is_stored, pool.limits = is_stored, limits
    for _index, result in pool.run([(0, Path(where))]):
        return result
    raise RuntimeError("the pool returned no result")  # run yields one result per file given


_pools = threading.local()  # a Pool per worker thread: a pool serves one caller at a time


def _may_have_children() -> None:
    """Let this process start child processes. A Dask nanny starts its worker as a daemonic process (the
    default of ``distributed.worker.daemon``), and multiprocessing refuses children to a daemonic process, lest
    they outlive it; the pool's children are daemonic themselves (ended when this process ends), and a killed
    worker's idle children end as their pipe closes."""
    me = multiprocessing.current_process()
    if me.daemon:
        me.daemon = False  # read by multiprocessing only when this process starts a child


_engines: dict[tuple[int, str], Engine] = {}


def _engine(db_url: str) -> Engine:
    """This worker process's engine on the database: made once per process and URL, then reused."""
    key = (os.getpid(), db_url)
    if key not in _engines:
        _engines[key] = connect(db_url)
    return _engines[key]


def _worker_version() -> int:
    return EXTRACTOR_VERSION


def _client(address: str):
    try:
        from distributed import Client
    except ImportError:
        raise ClusterError("--cluster needs the 'distributed' package: pip install 'gongkai[cluster]'") from None
    _probe(address)
    for handler in logging.getLogger("distributed").handlers:  # its connection errors (tracebacks included)
        handler.setLevel(logging.CRITICAL)  # go to stderr through this handler: our one line says them
    try:
        return Client(address, timeout=CONNECT_SECONDS, set_as_default=False)
    except Exception as exc:  # refused, timed out, or something else answering there
        raise ClusterError(f"cannot reach the Dask scheduler at {address} within {CONNECT_SECONDS:g} s: "
                           f"{type(exc).__name__}: {exc}".splitlines()[0]) from None


def _probe(address: str) -> None:
    """A TCP address that refuses or does not answer: one line at once (Dask itself retries until its timeout)."""
    scheme, _, rest = address.rpartition("://")
    if scheme not in ("", "tcp"):
        return  # tls://, inproc://, ucx://: Dask's own connection says it
    host, _, port = rest.rpartition(":")
    if not host or not port.isdigit():
        host, port = rest, "8786"  # the scheduler's default port
    try:
        socket.create_connection((host.strip("[]"), int(port)), timeout=CONNECT_SECONDS).close()
    except TimeoutError:
        raise ClusterError(f"cannot reach the Dask scheduler at {address}: no answer within "
                           f"{CONNECT_SECONDS:g} s") from None
    except OSError as exc:
        raise ClusterError(f"cannot reach the Dask scheduler at {address}: {exc.strerror or exc}") from None


def _check_workers(client, address: str, version: int) -> None:
    """At least one worker, and every worker on this extractor version (a late joiner is checked per task)."""
    try:
        client.wait_for_workers(1, timeout=WORKERS_SECONDS)
    except TimeoutError:
        raise ClusterError(f"no Dask worker joined the scheduler at {address} within {WORKERS_SECONDS:g} s "
                           "(start one on each machine: dask worker " + address + ")") from None
    try:
        versions = client.run(_worker_version)
    except Exception as exc:  # a worker without gongkai installed cannot unpickle the function
        raise ClusterError(f"the workers of {address} cannot run gongkai (install it on every machine): "
                           f"{type(exc).__name__}: {exc}".splitlines()[0]) from None
    other = {worker: v for worker, v in versions.items() if v != version}
    if other:
        worker, v = sorted(other.items())[0]
        raise ClusterError(f"worker {worker} runs extractor version {v}, this client {version}: install the same "
                           "gongkai on every machine")


def _run(client, address: str, paths, db_url: str, on_outcome, version: int, follow_links: bool,
         limits: Limits, keep: bool) -> list[Outcome]:
    """Submit a window of tasks, one more as each completes (the scheduler never holds 10⁶ tasks), print each
    outcome as it comes; the outcomes in input order (``keep``; else none)."""
    from distributed import as_completed

    outcomes: dict[int, Outcome] = {}
    finished = 0

    def done(i: int, outcome: Outcome) -> None:
        nonlocal finished
        finished += 1
        if keep:
            outcomes[i] = outcome
        if on_outcome:
            on_outcome(outcome)

    inputs = enumerate(iter_inputs(paths, follow_links=follow_links))
    running: dict = {}  # future → (index, path as given)
    window = _window(client)
    ready = as_completed(loop=client.loop)

    def submit_more() -> None:
        for i, (path, skip) in inputs:
            if skip:
                done(i, Outcome(str(path), "skipped", skip))
                continue
            where = os.path.abspath(path)
            if not os.path.lexists(where):  # named on the command line, not here: as a local ingest says it
                done(i, Outcome(str(path), "failed", read_task(path).reason))
                continue
            future = client.submit(run_file, str(path), where, version=version, db_url=db_url, limits=limits,
                                   pure=False)
            running[future] = (i, str(path))
            ready.add(future)
            if len(running) >= window:
                return

    try:
        submit_more()
        for future in ready:
            i, given = running.pop(future)
            if future.status == "cancelled" and client.status != "running":  # the client cancels all then
                raise ClusterError(f"lost the connection to the Dask scheduler at {address} after {finished} "
                                   "file(s); run the same command again to go on")
            done(i, _outcome(future, given))
            future.release()
            submit_more()
    except BaseException:  # Ctrl-C, or the scheduler gone: what is not done is not started
        if client.status == "running":
            client.cancel(list(running))
        raise
    return [outcomes[i] for i in sorted(outcomes)]


def _window(client) -> int:
    """Tasks in flight: a few per worker thread, so that no worker waits for the client."""
    return max(16, 4 * sum(client.nthreads().values()))


def _outcome(future, given: str) -> Outcome:
    """A finished task's Outcome; a task that raised (a worker that died reading it, again and again) or that
    the scheduler lost fails its file with a one-line reason."""
    if future.status == "finished":
        return future.result()
    if future.status == "error":
        exc = future.exception()
        name = type(exc).__name__
        if name == "KilledWorker":
            return Outcome(given, "failed", "the Dask workers reading it died (over their memory limit?): "
                           "it was tried on several workers")
        return Outcome(given, "failed", f"the task failed on the cluster: {name}: {exc}".splitlines()[0])
    return Outcome(given, "failed", f"the task was {future.status} by the Dask scheduler")
