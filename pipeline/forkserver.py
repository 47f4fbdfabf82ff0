"""The forkserver the local pool's workers are forked from (pipeline.pool), and starting it early.

The forkserver is a process that imported pipeline.warm (the readers, jieba, the division table,
the template: ~0.5 s of CPU) once; each worker forked from it starts in a few dozen ms. ``prestart`` launches it
without waiting for it, so that its warm-up runs on another core while the ingesting process is still starting
(imports, the database's schema check, the walk of the folders); multiprocessing keeps one forkserver per
process, so the pool later forks from this one. This module imports nothing heavy: pipeline.launch calls it
before the command line's own imports.

``stop`` ends it when the command is done: left to itself, a forkserver still warming up (an ingest that found
no file to read, or one file, read in process) runs its whole warm-up (~0.5 s of CPU) before it sees that its
parent is gone, and one that forked the workers spends ~0.5 s in the interpreter's teardown of its warm heap;
either way it holds the command's standard output and error open, so a pipe reading them waits for it.
"""

from __future__ import annotations

import multiprocessing
import os
import signal
from multiprocessing import forkserver

WARM = ["pipeline.warm"]


def context():
    """The multiprocessing context of the pool's workers: forkserver, preloading pipeline.warm."""
    ctx = multiprocessing.get_context("forkserver")
    ctx.set_forkserver_preload(WARM)
    return ctx


def prestart() -> None:
    """Launch the forkserver now (it warms up by itself; nothing here waits for it). Never fails the
    command: a forkserver that cannot start now is started, or reported, by the pool itself."""
    try:
        context()
        forkserver.ensure_running()
    except (OSError, ValueError, RuntimeError):
        pass


def stop() -> None:
    """End the forkserver this process started, if any, now (SIGKILL: it holds no state, and its workers were
    stopped by their pool); multiprocessing starts a new one if a pool is wanted again. It is not waited for:
    the command exits next (and the forkserver, orphaned, is reaped by init); waiting would add its CPU and its
    workers' to the command's own rusage."""
    server = forkserver._forkserver
    pid, alive = server._forkserver_pid, server._forkserver_alive_fd
    if pid is None:
        return
    try:
        os.kill(pid, signal.SIGKILL)
    except ProcessLookupError:
        pass
    if alive is not None:
        os.close(alive)
    server._forkserver_pid = server._forkserver_address = server._forkserver_alive_fd = None
