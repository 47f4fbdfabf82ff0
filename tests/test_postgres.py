"""Two ingests at once into one database (PostgreSQL, and SQLite as well): nothing lost, nothing twice.

Two OS processes run ``python -m pipeline --db URL ingest`` on the same folder, started together on a fresh
database: both create the schema at once (migrate() takes a lock), then read the same files in the same order
and race to commit each one; the loser's unique violation on documents.sha256 must end as "unchanged".
"""

from __future__ import annotations

import re
import shutil
import subprocess
import sys
from pathlib import Path

from sqlalchemy import create_engine, make_url
from sqlalchemy.pool import NullPool

from extractors import extract_report, read_document
from pipeline.quality import refresh_quality_flags
from tests.conftest import FIXTURES, ROOT, query

FILES = [
    FIXTURES / "baoshan-2020-text" / "baoshan-2020-report.txt",
    *(FIXTURES / "baoshan-2020" / f"baoshan-2020.{ext}" for ext in ("pdf", "docx", "html")),
    *(FIXTURES / "hejiang-2022" / f"hejiang-2022.{ext}" for ext in ("pdf", "docx", "html")),
    *(FIXTURES / "xuhui-2019-broken" / f"xuhui-2019-broken.{ext}" for ext in ("pdf", "docx", "html")),
    # the year after and the one after that: a cross-report quality flag (a jump) on the 2022 renditions
    FIXTURES / "baoshan-2021" / "baoshan-2021.docx",
    *(FIXTURES / "baoshan-2022" / f"baoshan-2022.{ext}" for ext in ("docx", "html")),
]
SUMMARY = re.compile(r"(\d+) file\(s\): (\d+) ingested, (\d+) replaced, (\d+) unchanged, (\d+) failed")


def test_two_processes_ingesting_one_folder_at_once_store_each_document_once(db_url, tmp_path: Path):
    folder = tmp_path / "raw"
    folder.mkdir()
    for path in FILES:
        shutil.copy(path, folder / path.name)
    command = [sys.executable, "-m", "pipeline", "--db", db_url, "ingest", str(folder)]
    procs = [subprocess.Popen(command, cwd=ROOT, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
             for _ in range(2)]
    results = [(p.wait(timeout=900), *p.communicate()) for p in procs]

    summaries = []
    for code, out, err in results:
        assert code == 0, err
        assert "FAILED" not in err and "Traceback" not in err, err
        summaries.append(tuple(map(int, SUMMARY.search(out).groups())))
    assert all(s[0] == len(FILES) and s[4] == 0 for s in summaries), summaries
    # each file stored by exactly one of the two; the other found it there (before or at its commit)
    assert sum(s[1] for s in summaries) == len(FILES), summaries
    assert sum(s[3] for s in summaries) == len(FILES), summaries

    # exactly one row set per document: the counts the extractors give for each file, once
    expected = {}
    for path in FILES:
        report = extract_report(read_document(path))
        expected[path.name] = (len(report.cells), len(report.sections), len(report.facts), len(report.flags),
                               sum(1 for s in report.sections if s.title or s.text) + len(report.facts))
    stored = {name: counts for name, *counts in query(db_url, """
        select d.name,
               (select count(*) from cells c where c.report_id = r.id),
               (select count(*) from sections s where s.report_id = r.id),
               (select count(*) from facts f where f.report_id = r.id),
               (select count(*) from flags g where g.report_id = r.id and g.kind <> 'quality'),
               (select count(*) from search_index i where i.report_id = r.id)
        from documents d join reports r on r.document_id = d.id where d.status = 'ingested'""")}
    assert {name: tuple(counts) for name, counts in stored.items()} == expected
    assert query(db_url, "select count(*), count(distinct sha256) from documents") == [(len(FILES), len(FILES))]
    for table in ("cells", "sections", "facts", "flags", "search_index"):  # no rows of a report not there
        assert query(db_url, f"select count(*) from {table} where report_id not in (select id from reports)") == [(0,)]

    # the cross-report quality flags, each once and computed on every report: what one more refresh makes
    quality = "select r.document_id, g.identity, g.message from flags g join reports r on r.id = g.report_id " \
              "where g.kind = 'quality'"
    after_race = sorted(query(db_url, quality))
    assert after_race, "the fixtures hold a year-on-year jump: quality flags are part of what is compared"
    engine = create_engine(db_url, poolclass=NullPool)
    refresh_quality_flags(engine)
    engine.dispose()
    assert sorted(query(db_url, quality)) == after_race


def test_the_postgresql_tests_run_on_postgresql(pg_url):
    """GONGKAI_TEST_PG must name a PostgreSQL server: the second backend may not quietly be something else."""
    url = make_url(pg_url)
    assert url.get_backend_name() == "postgresql"
    assert query(pg_url, "select current_database()") == [(url.database,)]
    assert query(pg_url, "show server_encoding") == [("UTF8",)]
