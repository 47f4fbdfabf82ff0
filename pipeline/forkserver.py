"""The forkserver the local pool's workers are forked from (pipeline.pool), and starting it early.

The forkserver is a process that imported pipeline.warm (the readers, jieba's dictionary, the division table,
the template: ~1.5 s of CPU) once; each worker forked from it starts in a few dozen ms. ``prestart`` launches it
without waiting for it, so that its warm-up runs on another core while the ingesting process is still starting
(imports, the database's schema check, the walk of the folders); multiprocessing keeps one forkserver per
process, so the pool later forks from this one. This module imports nothing heavy: pipeline.launch calls it
before the command line's own imports.
"""

from __future__ import annotations

import multiprocessing
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
