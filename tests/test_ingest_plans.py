"""What an ingest costs grows with the files it stores, not with the database: every statement an ingest and its
completion (pipeline.pending) run, captured on a real ingest of the bundled samples and a re-ingest of a changed
one, is planned by SQLite (EXPLAIN QUERY PLAN, without statistics: the plans of an empty file are those of a
full one) to reach the stored rows by an index on what names them (an id, a report, a sha, a size, an
admin code), never by scanning a table and never by an index on a column of few values (a year, a kind) with
a selective term beside it: such a plan read every report of a year or every flag of a kind, 6–9 ms a run at
10,000 reports (pipeline.db.unindexed)."""

from __future__ import annotations

import re
import shutil
import sqlite3
from pathlib import Path

from sqlalchemy import event

from pipeline.db import connect
from pipeline.ingest import ingest

SAMPLES = Path(__file__).resolve().parent.parent / "data" / "raw"
# read whole by design: the pending set (what a run left to complete), one-row tables
WHOLE = {"pending", "meta", "alembic_version"}
FEW_VALUES = re.compile(r"USING (?:COVERING )?INDEX \w+ \((?:year|kind|copy_rank|status)[=<>]")


def _statements(db: Path, folder: Path) -> dict[str, tuple]:
    """The statements (with the parameters of their first run) an ingest of ``folder`` into ``db`` runs."""
    engine = connect(str(db))
    seen: dict[str, tuple] = {}

    @event.listens_for(engine, "before_cursor_execute")
    def _keep(conn, cursor, statement, parameters, context, executemany):
        if not executemany:
            seen.setdefault(statement, tuple(parameters or ()))
    try:
        outcomes = ingest([folder], engine, jobs=1)
    finally:
        engine.dispose()
    assert "ingested" in {o.status for o in outcomes} <= {"ingested", "replaced", "unchanged"}, outcomes
    return seen


def test_an_ingest_reads_the_database_by_selective_indexes(tmp_path):
    folder = tmp_path / "reports"
    folder.mkdir()
    db = tmp_path / "g.sqlite"
    shutil.copy(SAMPLES / "hejiang-2022.docx", folder)
    _statements(db, folder)  # a new database's first completion recomputes everything (pipeline.pending): not kept
    for name in ("baoshan-2020.docx", "baoshan-2020.html", "hejiang-2022.pdf"):
        shutil.copy(SAMPLES / name, folder / name)
    statements = _statements(db, folder)
    shutil.copy(SAMPLES / "hejiang-2022.html", folder / "hejiang-2022.html")  # a new copy of a body-year
    (folder / "baoshan-2020.html").write_bytes((SAMPLES / "baoshan-2020.html").read_bytes() + b"\n<!-- -->\n")
    statements.update(_statements(db, folder))  # the changed file replaces its report
    conn = sqlite3.connect(db)
    try:
        checked = 0
        for sql, params in statements.items():
            if sql.split(None, 1)[0].upper() not in ("SELECT", "DELETE", "UPDATE", "INSERT", "WITH"):
                continue
            lines = [row[3] for row in conn.execute(f"explain query plan {sql}", params)]
            checked += 1
            scans = [line for line in lines if line.startswith("SCAN ") and "VIRTUAL TABLE" not in line
                     and "CONSTANT ROW" not in line and line.split()[1] not in WHOLE]
            assert not scans, (sql, lines)
            assert not [line for line in lines if FEW_VALUES.search(line)], (sql, lines)
        assert checked > 50, checked
    finally:
        conn.close()
