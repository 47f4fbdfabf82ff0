"""`make serve`: Datasette on a real database file with the views and the project's metadata, asked over HTTP
on localhost. Also: the committed metadata is the generated one, and describes columns the views have."""

from __future__ import annotations

import json
import shutil
import socket
import sqlite3
import subprocess
import sys
import time
import urllib.parse
import urllib.request
from pathlib import Path

import pytest

from pipeline.datasette_metadata import DATABASE, PATH, metadata, render
from pipeline.views import VIEWS
from tests.analyst_data import series_db, truth  # noqa: F401 (series_db is a fixture)

DATASETTE = Path(sys.executable).with_name("datasette")


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def _get(url: str, timeout: float = 10) -> str:
    with urllib.request.urlopen(url, timeout=timeout) as response:
        return response.read().decode("utf-8")


@pytest.fixture(scope="module")
def server(series_db):
    assert Path(series_db).name == f"{DATABASE}.sqlite"  # Datasette names the database after the file
    port = _free_port()
    proc = subprocess.Popen([str(DATASETTE), "serve", series_db, "--metadata", str(PATH), "--host", "127.0.0.1",
                             "--port", str(port)], stdout=subprocess.PIPE, stderr=subprocess.STDOUT)
    base = f"http://127.0.0.1:{port}"
    try:
        deadline = time.monotonic() + 30
        while True:
            try:
                _get(base + "/-/versions.json", timeout=2)
                break
            except OSError:
                if proc.poll() is not None or time.monotonic() > deadline:
                    proc.kill()
                    output = proc.communicate(timeout=10)[0].decode(errors="replace")
                    pytest.fail(f"datasette did not start: {output[-2000:]}")
                time.sleep(0.2)
        yield base
    finally:
        proc.terminate()
        try:
            proc.wait(timeout=10)
        except subprocess.TimeoutExpired:
            proc.kill()
            proc.wait(timeout=10)


def test_database_page_lists_the_views_and_canned_queries(server):
    page = _get(f"{server}/{DATABASE}")
    for view in VIEWS:
        assert f'href="/{DATABASE}/{view}"' in page, view
    data = json.loads(_get(f"{server}/{DATABASE}.json"))
    assert [v["name"] for v in data["views"]] == list(VIEWS)
    queries = {q["name"] for q in data["queries"]}
    assert queries == set(metadata()["databases"][DATABASE]["queries"])
    assert {"requests_by_year", "metric_series", "quality_flags"} <= queries


def test_canned_query_returns_the_series(server):
    params = urllib.parse.urlencode({"metric": "requests.received.total", "region": "宝山区", "_shape": "array"})
    rows = json.loads(_get(f"{server}/{DATABASE}/metric_series.json?{params}"))
    assert [(r["year"], r["value"]) for r in rows] == [
        (y, truth(f"baoshan-{y}")["cells"]["requests.received.total"]) for y in (2020, 2021, 2022)]


def test_view_page_shows_column_descriptions(server):
    page = _get(f"{server}/{DATABASE}/report_summary")
    assert "本年新收政府信息公开申请数量 · 总计 [件]" in page and "本年收费金额（元）" in page


def test_committed_metadata_is_generated():
    assert PATH.read_text(encoding="utf-8") == render(), "run: python -m pipeline.datasette_metadata"


def test_metadata_follows_the_database_name():
    assert list(metadata("reports2024")["databases"]) == ["reports2024"]
    summary = metadata("reports2024")["databases"]["reports2024"]["tables"]["report_summary"]
    assert summary["column_labels"]["requests.received.total"] == "本年新收政府信息公开申请数量 · 总计 [件]"
    assert summary["facets"] == ["region", "year", "issuer_kind"]


def test_metadata_describes_real_columns_and_its_queries_run(series_db):
    con = sqlite3.connect(series_db)
    try:
        db = metadata()["databases"][DATABASE]
        for view, meta in db["tables"].items():
            if meta.get("hidden"):
                continue
            columns = {row[1] for row in con.execute(f"pragma table_info({view})")}
            if "fts_table" in meta:  # the search index: Datasette's search box on it
                assert meta["fts_table"] == view and {"title", "body"} <= columns
                continue
            assert set(meta["columns"]) <= columns, view
            assert columns <= set(meta["columns"]), view  # every column described
            assert set(meta["column_labels"]) == set(meta["columns"]), view
            assert set(meta.get("facets", [])) <= columns, view
        for name, q in db["queries"].items():
            rows = con.execute(q["sql"], {"metric": "requests.received.total", "region": "", "words": "信用"}
                               ).fetchall()
            assert rows, name
    finally:
        con.close()


def test_search_sections_opens_empty_and_shows_counted_copies_only(series_db, tmp_path):
    copy = tmp_path / "copy.sqlite"
    shutil.copyfile(series_db, copy)
    con = sqlite3.connect(copy)
    try:
        sql = metadata()["databases"][DATABASE]["queries"]["search_sections"]["sql"]
        assert con.execute(sql, {"words": ""}).fetchall() == []  # the page as first opened: no FTS5 error
        assert con.execute(sql, {"words": "  "}).fetchall() == []
        sources = {r[3] for r in con.execute(sql, {"words": "公开"})}
        assert len(sources) > 1
        # one of them made a copy that does not count (another format of its body-year counts): left out
        left_out = sorted(sources)[0]
        con.execute("update reports set copy_rank = 1 where document_id = (select id from documents where name = ?)",
                    (left_out,))
        assert {r[3] for r in con.execute(sql, {"words": "公开"})} == sources - {left_out}
    finally:
        con.close()


def test_serve_refuses_a_missing_file_or_another_database(tmp_path, capsys):
    from pipeline.cli import main
    from pipeline.serve import datasette_argv

    missing = tmp_path / "typo.sqlite"
    assert main(["--db", str(missing), "serve"]) == 1
    assert f"no database file at {missing}" in capsys.readouterr().err and not missing.exists()
    assert main(["--db", "postgresql+psycopg://u@h/db", "serve"]) == 1
    assert "SQLite files only" in capsys.readouterr().err
    served = tmp_path / "reports2024.sqlite"
    served.touch()
    argv = datasette_argv(served, port=8123)
    meta = json.loads(Path(argv[argv.index("--metadata") + 1]).read_text(encoding="utf-8"))
    assert list(meta["databases"]) == ["reports2024"]
    assert Path(argv[argv.index("--template-dir") + 1], "_table.html").is_file()
