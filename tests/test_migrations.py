"""Schema migrations (Alembic), on SQLite and PostgreSQL: a fresh database gets the models' schema; a database
made by gongkai 0.1.0 (create_all, no alembic_version) is upgraded in place and keeps every row.

tests/data/migrations/v0.*.sql are dumps of databases the 0.1.0 code (commit 1022c9e) made by ingesting the
real Baoshan 2020 report (text), the Xuhui 2019 DOCX (three identity flags) and an empty file (a failed row):
``sqlite3 … .dump`` and ``pg_dump --inserts --no-owner --no-privileges`` (psql's \\restrict lines removed).
"""

from __future__ import annotations

import json
import sqlite3
from contextlib import contextmanager

import psycopg
from alembic import command
from alembic.autogenerate import compare_metadata
from alembic.runtime.migration import MigrationContext
from alembic.script import ScriptDirectory
from sqlalchemy import create_engine, inspect, make_url
from sqlalchemy.pool import NullPool

from pipeline.cli import main
from pipeline.db import BASELINE, Base, alembic_config, connect, migrate, migration_engine
from pipeline.migrations import include_object
from pipeline.views import VIEWS
from tests.conftest import FIXTURES, ROOT, _pg_database, query

LEGACY = ROOT / "tests" / "data" / "migrations"
HEAD = ScriptDirectory.from_config(alembic_config("sqlite://")).get_current_head()


def load_legacy(url: str) -> None:
    """The database 0.1.0 made, restored from its dump into the empty database at ``url``."""
    u = make_url(url)
    if u.get_backend_name() == "sqlite":
        con = sqlite3.connect(u.database)
        con.executescript((LEGACY / "v0.sqlite.sql").read_text(encoding="utf-8"))
        con.close()
    else:  # a connection of its own: the dump empties search_path for the rest of its session
        dsn = u.set(drivername="postgresql").render_as_string(hide_password=False)
        with psycopg.connect(dsn, autocommit=True) as con:
            con.execute((LEGACY / "v0.postgresql.sql").read_text(encoding="utf-8"))


def schema(url: str) -> dict:
    """Tables as the database reports them: columns, keys, constraints, indexes (alembic_version aside)."""
    engine = create_engine(url, poolclass=NullPool)
    try:
        insp = inspect(engine)
        return {t: {
            "columns": [(c["name"], str(c["type"]), c["nullable"]) for c in insp.get_columns(t)],
            "pk": insp.get_pk_constraint(t)["constrained_columns"],
            "unique": sorted((u["name"] or "", u["column_names"]) for u in insp.get_unique_constraints(t)),
            "indexes": sorted((i["name"], i["column_names"], bool(i["unique"])) for i in insp.get_indexes(t)),
            "fks": sorted((f["constrained_columns"], f["referred_table"], f["referred_columns"],
                           f["options"].get("ondelete")) for f in insp.get_foreign_keys(t)),
        } for t in sorted(set(insp.get_table_names()) - {"alembic_version"})}
    finally:
        engine.dispose()


def revision(url: str) -> str | None:
    engine = create_engine(url, poolclass=NullPool)
    try:
        with engine.connect() as conn:
            return MigrationContext.configure(conn).get_current_revision()
    finally:
        engine.dispose()


def model_differences(url: str) -> list:
    """What Alembic's autogenerate finds between the database and the models: nothing, when they agree."""
    engine = create_engine(url, poolclass=NullPool)
    try:
        with engine.connect() as conn:
            opts = {"compare_type": True, "include_object": include_object}
            return compare_metadata(MigrationContext.configure(conn, opts=opts), Base.metadata)
    finally:
        engine.dispose()


def rows(url: str) -> dict[str, list[tuple]]:
    """The stored content, independent of ids: what an upgrade must keep."""
    return {
        "documents": sorted(query(url, "select sha256, name, status, error, size from documents")),
        "reports": sorted(query(url, "select d.sha256, r.region, r.admin_code, r.issuer, r.year, r.edition "
                                     "from reports r join documents d on d.id = r.document_id")),
        "cells": sorted(query(url, "select d.sha256, c.key, c.value, c.raw, c.meaning, c.page from cells c "
                                   "join reports r on r.id = c.report_id join documents d on d.id = r.document_id"),
                        key=repr),
        "sections": sorted(query(url, "select r.document_id, s.ord, s.title, s.text from sections s "
                                      "join reports r on r.id = s.report_id")),
        "flags": sorted(query(url, "select identity, \"where\", expected, found, message from flags")),
    }


def test_a_fresh_database_gets_the_schema_of_the_models(db_url):
    connect(db_url)
    assert revision(db_url) == HEAD
    assert model_differences(db_url) == []
    engine = create_engine(db_url, poolclass=NullPool)
    assert set(VIEWS) <= set(inspect(engine).get_view_names())
    assert "search_index" in inspect(engine).get_table_names()  # before any ingest: see revision 0003
    engine.dispose()
    connect(db_url)  # again: nothing to do, nothing changes
    assert revision(db_url) == HEAD


@contextmanager
def another_database(url: str):
    """A second fresh database on the same backend as ``url``."""
    if make_url(url).get_backend_name() == "sqlite":
        yield url.replace("gongkai.sqlite", "other.sqlite")
        return
    made = _pg_database()
    try:
        yield next(made)
    finally:
        made.close()


def objects(url: str) -> dict:
    """What schema() leaves out: the views' definitions, alembic's version table and the meta rows."""
    engine = create_engine(url, poolclass=NullPool)
    try:
        insp = inspect(engine)
        return {
            "views": {v: insp.get_view_definition(v) for v in sorted(insp.get_view_names())},
            "alembic_version": ([(c["name"], str(c["type"]), c["nullable"]) for c in insp.get_columns("alembic_version")],
                                insp.get_pk_constraint("alembic_version")),
            "meta": sorted(query(url, "select key, value from meta")),
        }
    finally:
        engine.dispose()


def test_a_new_database_is_the_one_every_revision_in_turn_makes(db_url):
    """connect() makes a new database from the models in one step (pipeline.db._create_new, no alembic): it is
    the database that running every revision makes, down to the order of each table's columns."""
    with another_database(db_url) as migrated:
        migrate(migrated, HEAD)  # a revision named: alembic's path, revision by revision
        connect(db_url)
        assert revision(db_url) == revision(migrated) == HEAD
        assert schema(db_url) == schema(migrated)
        assert objects(db_url) == objects(migrated)
        assert model_differences(db_url) == []


def test_a_database_made_by_0_1_0_is_upgraded_in_place(db_url, tmp_path, capsys):
    load_legacy(db_url)
    before = rows(db_url)
    assert revision(db_url) is None
    assert "issuer_printed" not in [name for name, *_ in schema(db_url)["reports"]["columns"]]
    assert len(before["documents"]) == 3 and len(before["cells"]) == 2 * 198 and len(before["flags"]) == 3

    connect(db_url)
    assert revision(db_url) == HEAD
    assert model_differences(db_url) == []
    assert rows(db_url) == before
    assert query(db_url, "select issuer_printed from reports") == [(None,), (None,)]

    # the upgraded database serves the current code: views, export, and ingest knowing the old rows
    assert sorted(query(db_url, "select source, \"requests.received.total\" from report_requests")) == [
        ("baoshan-2020-report.txt", 663.0), ("xuhui-2019-broken.docx", 703.0)]
    out = tmp_path / "out.jsonl"
    assert main(["--db", db_url, "export", "-o", str(out)]) == 0
    objects = {o["source"]: o for o in map(json.loads, out.read_text(encoding="utf-8").splitlines())}
    assert objects["baoshan-2020-report.txt"]["cells"]["requests.received.total"] == 663
    assert len(objects["xuhui-2019-broken.docx"]["flags"]) == 3
    capsys.readouterr()
    assert main(["--db", db_url, "ingest", str(FIXTURES / "baoshan-2020-text" / "baoshan-2020-report.txt"),
                 str(FIXTURES / "hejiang-2022" / "hejiang-2022.docx")]) == 0
    # 0.1.0's reading of the Baoshan report recorded no extractor version (revision 0007): read again
    assert ("2 file(s): 1 ingested, 0 replaced, 0 unchanged, 0 failed, 0 not_report, 1 read again by the current extractor"
            in capsys.readouterr().out)
    assert query(db_url, "select count(*) from reports") == [(3,)]


def test_the_initial_revision_is_the_schema_0_1_0_made_and_downgrades_return_to_it(db_url):
    load_legacy(db_url)
    legacy, before = schema(db_url), rows(db_url)

    connect(db_url)
    migrate(db_url, BASELINE)  # 0002 down: on SQLite a copy of reports, which must not cascade into cells
    assert revision(db_url) == BASELINE
    assert schema(db_url) == legacy
    assert rows(db_url) == before

    # the initial revision, run on an empty database, makes exactly what 0.1.0's create_all made
    engine = migration_engine(db_url)
    with engine.begin() as conn:
        config = alembic_config(db_url)
        config.attributes["connection"] = conn
        command.downgrade(config, "base")
    engine.dispose()
    assert schema(db_url) == {}
    migrate(db_url, BASELINE)
    assert schema(db_url) == legacy

    connect(db_url)
    assert revision(db_url) == HEAD
    assert model_differences(db_url) == []


def test_revisions_read_from_the_file_names_are_alembics():
    """pipeline.db.revisions() (what opening an up-to-date database compares with, without importing alembic)
    names the same revisions as alembic's reading of the scripts, in order, the head last."""
    from pipeline.db import revisions

    script = ScriptDirectory.from_config(alembic_config("sqlite://"))
    assert revisions() == tuple(r.revision for r in reversed(list(script.walk_revisions())))
    assert revisions()[-1] == script.get_current_head()
