"""The command's entry point (``gongkai …``, ``python -m pipeline …``): pipeline.cli, after one head start.

An ingest that will use worker processes (``--jobs`` over 1, the default on a machine of several cores; not
``--cluster``) starts the workers' forkserver (pipeline.forkserver) before this process imports the command
line's modules, so that the two warm up side by side: the workers can read the first file about a second
sooner. The arguments are only looked at here, never judged: pipeline.cli parses them (and refuses bad ones).
Its heap is its own: what lives until it exits is kept out of the collector's sight (:func:`own_heap`), and
when the command is done, the process is left to exit without freeing it (:func:`leave_quickly`).
"""

from __future__ import annotations

import gc
import os
import sys


def main(argv: list[str] | None = None) -> int:
    # numpy's OpenBLAS starts a thread per core when it is imported (~0.1 s of CPU, taken from the other core
    # while the command starts), and nothing here multiplies matrices: the work is spread over processes, a
    # thread each (the forkserver and its workers inherit this)
    os.environ.setdefault("OPENBLAS_NUM_THREADS", "1")
    # the forkserver first, before any other import of ours: its warm-up is what the workers wait for
    pool = pool_wanted(sys.argv[1:] if argv is None else argv)
    if pool:
        from pipeline.forkserver import prestart

        prestart()
    from extractors.cache import collector_paused

    # no collection while the command's modules are imported: SQLAlchemy's and ours make ~100,000 objects that
    # live as long as the process, and the full collections they set off (0.05-0.3 s of the start-up) found
    # nothing to free; own_heap freezes them next, as it did
    with collector_paused():
        from pipeline.cli import main as cli_main

        own_heap()
    try:
        return cli_main(argv)
    finally:
        if pool:  # the command is done: its forkserver is not waited for (pipeline.forkserver.stop says why)
            from pipeline.forkserver import stop

            stop()
        leave_quickly()


def own_heap() -> None:
    """This process is the command's: what it holds lives until it exits. The command's modules, imported by
    now, are moved to the collector's permanent generation (gc.freeze), and so is what a file read in this
    process loads (pipeline.tasks.warm: jieba's tables, the division table), so that the full collections a run
    makes never walk them again: ~0.1 s each over SQLAlchemy's and jieba's objects, a few a run. Only the
    command's own process calls this: a library caller's objects frozen would never be collected."""
    from extractors.cache import collect_young_rarely
    from pipeline import tasks

    gc.freeze()
    collect_young_rarely()  # its writer, like a worker, makes and frees many containers a file
    tasks.FREEZE_WARM = True


def leave_quickly() -> None:
    """Spare the process the interpreter's teardown of its heap: everything it holds is moved to the
    collector's permanent generation, which the collections at exit never walk, so nothing is freed object by
    object; the operating system takes the memory back at once. The teardown of SQLAlchemy's and the
    command's modules took ~0.3 s of wall and CPU time at the end of every command. The databases' connections
    are closed first (an object never freed never closes its own: a SQLite file would keep its WAL beside
    it); the standard streams are flushed at exit all the same. Only the command's own process calls this,
    as it ends."""
    db = sys.modules.get("pipeline.db")
    if db is not None:
        db.close_engines()
    gc.freeze()


def pool_wanted(argv: list[str]) -> bool:
    """Whether these arguments ask for ``ingest`` with worker processes (a guess that costs, when wrong, only
    a forkserver started for nothing)."""
    i = 0
    while i < len(argv) and argv[i].startswith("-"):  # options before the command: only --db takes a value
        i += 2 if argv[i] == "--db" else 1
    if i >= len(argv) or argv[i] != "ingest":
        return False
    jobs: str | None = None
    rest = argv[i + 1:]
    for k, arg in enumerate(rest):
        if arg == "--":
            break
        if arg == "--cluster" or arg.startswith("--cluster="):
            return False
        if arg in ("-j", "--jobs") and k + 1 < len(rest):
            jobs = rest[k + 1]
        elif arg.startswith("--jobs="):
            jobs = arg.split("=", 1)[1]
        elif arg.startswith("-j") and len(arg) > 2:
            jobs = arg[2:]
    try:
        return (int(jobs) if jobs is not None else os.cpu_count() or 1) > 1
    except ValueError:
        return False
