"""Shared test data: the committed fixtures (real files rendered by tests/fixture_builder) and their truths."""

from __future__ import annotations

import json
import os
import uuid
from collections.abc import Iterator
from pathlib import Path

import pytest
from sqlalchemy import create_engine, make_url, text
from sqlalchemy.pool import NullPool

ROOT = Path(__file__).resolve().parents[1]
FIXTURES = ROOT / "tests" / "fixtures"
SHARED = ROOT.parent / "shared"
# A PostgreSQL server for the tests, as a URL to a database the role may CREATE DATABASE from, e.g.
# postgresql+psycopg://gongkai@127.0.0.1:5432/postgres (.ci/run starts one); unset, those tests are skipped.
PG_URL = os.environ.get("GONGKAI_TEST_PG")


def fixture_files() -> list[tuple[Path, dict]]:
    """Every rendered report file with the truth it was rendered from."""
    out = []
    for folder in sorted(p for p in FIXTURES.iterdir() if (p / "truth.json").exists()):
        truth = json.loads((folder / "truth.json").read_text(encoding="utf-8"))
        out += [(f, truth) for f in sorted(folder.iterdir()) if f.name != "truth.json"]
    return out


@pytest.fixture
def db_path(tmp_path: Path) -> str:
    return str(tmp_path / "gongkai.sqlite")


@pytest.fixture(params=["sqlite", "postgresql"])
def db_url(request, tmp_path: Path) -> Iterator[str]:
    """A fresh, empty database as a SQLAlchemy URL: a SQLite file, then a new PostgreSQL database each test."""
    if request.param == "sqlite":
        yield f"sqlite:///{tmp_path / 'gongkai.sqlite'}"
    else:
        yield from _pg_database()


@pytest.fixture
def pg_url() -> Iterator[str]:
    """A fresh, empty PostgreSQL database, for what only PostgreSQL has."""
    yield from _pg_database()


def _pg_database() -> Iterator[str]:
    if not PG_URL:
        pytest.skip("GONGKAI_TEST_PG is not set (.ci/run sets it): no PostgreSQL server to test on")
    name = f"gongkai_test_{uuid.uuid4().hex[:12]}"
    admin = create_engine(PG_URL, isolation_level="AUTOCOMMIT", poolclass=NullPool)
    with admin.connect() as conn:  # template0: UTF8 even where the cluster's default encoding is not
        conn.execute(text(f"CREATE DATABASE \"{name}\" ENCODING 'UTF8' TEMPLATE template0"))
    try:
        yield make_url(PG_URL).set(database=name).render_as_string(hide_password=False)
    finally:
        with admin.connect() as conn:  # FORCE: engines the code under test left open hold connections
            conn.execute(text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))
        admin.dispose()


def query(url: str, sql: str, **params) -> list[tuple]:
    """Rows of one SELECT on the database at ``url``, through SQLAlchemy (the same on either backend)."""
    engine = create_engine(url, poolclass=NullPool)
    try:
        with engine.connect() as conn:
            return [tuple(row) for row in conn.execute(text(sql), params)]
    finally:
        engine.dispose()
