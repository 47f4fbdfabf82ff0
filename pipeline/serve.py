"""``gongkai serve``: Datasette on a SQLite database of any file name, with the project's metadata and templates.

Datasette names a database after its file (``reports2024.sqlite`` → ``reports2024``) and applies metadata by
that name, so the metadata is generated for the file served (pipeline.datasette_metadata) and written to the
system's temporary folder; the templates (Chinese column headers, descriptions folded below the rows) are
shipped in ``pipeline/datasette/templates``. The schema and views are brought up to date first. The process
then becomes Datasette (exec), so stopping it stops the server.
"""

from __future__ import annotations

import argparse
import hashlib
import os
import sys
import tempfile
from pathlib import Path

from pipeline.datasette_metadata import TEMPLATES, render


class ServeError(ValueError):
    """Why the database cannot be served, in one line."""


def metadata_file(db_path: str | Path) -> Path:
    """Write the metadata for ``db_path``'s file name; returns where (one file per database path)."""
    db_path = Path(db_path).resolve()
    tag = hashlib.sha256(str(db_path).encode()).hexdigest()[:8]
    out = Path(tempfile.gettempdir()) / f"gongkai-datasette-{db_path.stem}-{tag}.json"
    out.write_text(render(db_path.stem), encoding="utf-8")
    return out


def datasette_argv(db_path: str | Path, host: str = "127.0.0.1", port: int = 8001) -> list[str]:
    """The command that serves ``db_path`` (its metadata written on the way)."""
    # suggest_facets off: on a wide view Datasette tries a facet query per column (200 of them) on every page
    # and lists the dotted keys above the rows; the useful facets are set in the metadata
    return [sys.executable, "-m", "datasette", "serve", str(db_path), "--metadata", str(metadata_file(db_path)),
            "--template-dir", str(TEMPLATES), "--setting", "suggest_facets", "off", "--host", host, "--port", str(port)]


def sqlite_path(db: str | None) -> Path:
    from pipeline.db import DEFAULT_DB

    db = db or os.environ.get("GONGKAI_DB") or DEFAULT_DB
    if db.startswith("sqlite:///"):
        db = db[len("sqlite:///"):]
    elif "://" in db:
        raise ServeError(f"Datasette serves SQLite files only, not {db.split('://')[0]} databases")
    path = Path(db)
    if not path.is_file():
        raise ServeError(f"no database file at {db} (gongkai --db {db} ingest … makes one)")
    return path


def register(subparsers) -> None:
    p = subparsers.add_parser("serve", help="browse the database in Datasette: the views with Chinese column "
                              "labels, facets, full-text search and canned queries")
    p.add_argument("--host", default="127.0.0.1", help="address to listen on (default 127.0.0.1)")
    p.add_argument("--port", type=int, default=8001, help="port (default 8001)")
    p.add_argument("--db", default=argparse.SUPPRESS, help=argparse.SUPPRESS)
    p.set_defaults(run=run)


def run(args) -> int:
    from pipeline.db import connect

    try:
        path = sqlite_path(getattr(args, "db", None))
    except ServeError as exc:
        print(f"gongkai serve: {exc}", file=sys.stderr)
        return 1  # the database named cannot be served (2 is argparse's, for usage)
    connect(str(path), create=False).dispose()  # schema and views current before Datasette reads them
    argv = datasette_argv(path, args.host, args.port)
    print(f"serving {path} as database {path.stem} on http://{args.host}:{args.port}/", file=sys.stderr)
    sys.stdout.flush()
    sys.stderr.flush()
    os.execv(argv[0], argv)
    return 0  # not reached
