"""The analyst's views stay cheap as the database grows: SQLite's query plans (EXPLAIN QUERY PLAN, which does not
depend on the rows) of a page, a count, a sort and a filtered read never scan the cells table, never sort or
group the whole of it, and reach the reports' indexes. What Datasette asks of a view (a page of 101 rows, a
count, a facet, a sort on a column, a filter) then costs the page, not the database; `make bench` times them."""

from __future__ import annotations

import sqlite3

import pytest

from pipeline.db import connect
from pipeline.views import TABLE_VIEWS

REPORT_VIEWS = (*TABLE_VIEWS.values(), "report_summary")


@pytest.fixture(scope="module")
def plan(tmp_path_factory):
    path = tmp_path_factory.mktemp("plans") / "plans.sqlite"
    connect(str(path)).dispose()  # the schema and views of this code, no rows: a plan without statistics
    conn = sqlite3.connect(path)

    def explain(sql: str, *params) -> list[str]:
        return [row[3] for row in conn.execute(f"explain query plan {sql}", params)]

    yield explain
    conn.close()


def _reads(lines: list[str], how: str, *tables: str) -> bool:
    """Whether a plan line SCANs or SEARCHes (``how``) one of ``tables`` (by name or alias)."""
    return any(line.split()[:2] in ([how, t] for t in tables) for line in lines)


def _scans_cells(lines: list[str]) -> bool:
    return _reads(lines, "SCAN", "c", "cells")


@pytest.mark.parametrize("view", REPORT_VIEWS)
def test_a_report_view_reads_a_report_s_cells_by_index_and_never_groups_them(plan, view):
    for sql, params in ((f"select * from {view} limit 101", ()),
                        (f"select * from {view} where region = ? limit 101", ("上海市宝山区",)),
                        (f"select * from {view} where body = ? and year = ?", ("310113|人民政府", 2021)),
                        (f"select * from {view} order by year desc limit 101", ()),
                        (f"select * from {view} order by 1", ())):  # export's order: the reports' own
        lines = plan(sql, *params)
        assert not _scans_cells(lines), (sql, lines)
        assert not any("TEMP B-TREE" in line for line in lines), (sql, lines)  # no sort, no GROUP BY
        assert all("(report_id=? AND key=?)" in line or "(report_id=?)" in line
                   for line in lines if line.startswith("SEARCH c ")), (sql, lines)
    assert any("ix_reports_region (region=?)" in line for line in plan(f"select * from {view} where region = ?", "x"))
    assert any("ix_reports_body_year" in line for line in plan(f"select * from {view} where body = ?", "x"))


@pytest.mark.parametrize("view", REPORT_VIEWS)
def test_counting_or_faceting_a_report_view_reads_no_figure(plan, view):
    for sql in (f"select count(*) from {view}",
                f"select region, count(*) from {view} group by region order by 2 desc limit 31"):
        lines = plan(sql)
        assert not _reads(lines, "SCAN", "c", "cells") and not _reads(lines, "SEARCH", "c", "cells"), (sql, lines)


def test_the_long_views_take_a_metric_a_report_or_a_region_by_index(plan):
    for sql, params in (("select * from metrics where metric = ? limit 101", ("requests.received.total",)),
                        ("select * from metrics where metric = ? and copy_rank = 0", ("pct.not_held",)),
                        ("select * from metrics where report_id = ?", (7,)),
                        ("select * from metrics where region = ? limit 101", ("上海市宝山区",)),
                        ("select * from v_flags where region = ?", ("上海市宝山区",)),
                        ("select * from v_flags where report_id = ?", (7,))):
        lines = plan(sql, *params)
        assert not _scans_cells(lines), (sql, lines)
        assert not _reads(lines, "SCAN", "f", "flags"), (sql, lines)
        assert not any("TEMP B-TREE" in line for line in lines), (sql, lines)
    lines = plan("select * from metrics where metric = ?", "requests.received.total")
    assert any(line.startswith("SEARCH c USING INDEX ix_cells_key (key=?)") for line in lines), lines
