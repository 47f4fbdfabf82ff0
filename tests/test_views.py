"""The analyst's views on a real database (SQLite and PostgreSQL): every wide cell equals the truth, the derived
shares follow from the figures, the long view holds each figure once, region identity is stable."""

from __future__ import annotations

import pytest
from sqlalchemy import create_engine, text
from sqlalchemy.pool import NullPool

from pipeline.db import migrate
from pipeline.views import VIEWS, metric_names, table_keys, view_sql
from tests.analyst_data import NAMES, SERIES, load_series, series_db, truth  # noqa: F401 (a fixture)
from tests.conftest import query


@pytest.fixture
def loaded(db_url):
    engine = load_series(db_url)
    engine.dispose()
    migrate(db_url)  # again: idempotent on a database that is current
    migrate(db_url)
    return db_url


def _by_source(url: str, view: str) -> dict[str, dict]:
    """The view's rows keyed by fixture name (the source file without its suffix)."""
    engine = create_engine(url, poolclass=NullPool)
    try:
        with engine.connect() as conn:
            result = conn.execute(text(f"select * from {view}"))
            rows = [dict(zip(result.keys(), row)) for row in result]
    finally:
        engine.dispose()
    return {row["source"].rsplit(".", 1)[0]: row for row in rows}


def test_wide_views_hold_every_cell_of_every_report(loaded):
    for table in ("proactive", "requests", "appeals"):
        rows = _by_source(loaded, f"report_{table}")
        assert set(rows) == set(NAMES)
        for name, row in rows.items():
            t = truth(name)
            assert (row["region"], row["admin_code"], row["issuer"], row["year"], row["edition"]) == (
                t["region"], t["admin_code"], t["issuer_full"], t["year"], t["edition"])
            expected = {k: v for k, v in t["cells"].items() if k.startswith(table + ".")}
            got = {k: row[k] for k in table_keys(table)}
            assert {k: got[k] for k in expected} == expected, name
            assert all(v is None for k, v in got.items() if k not in expected), name  # other editions' keys


def test_summary_derives_sums_and_shares_from_the_figures(loaded):
    rows = _by_source(loaded, "report_summary")
    for name, row in rows.items():
        c = truth(name)["cells"]
        handled = c["requests.result.total.total"]
        withheld = sum(v for k, v in c.items() if k.startswith("requests.result.withheld.") and k.endswith(".total"))
        other = sum(v for k, v in c.items() if k.startswith("requests.result.other") and k.endswith(".total"))
        assert row["requests.received.total"] == c["requests.received.total"]
        assert row["sum.withheld"] == withheld and row["sum.other"] == other
        assert row["pct.disclosed"] == pytest.approx(100 * c["requests.result.disclosed.total"] / handled)
        assert row["pct.not_held"] == pytest.approx(100 * c["requests.result.unable.not_held.total"] / handled)
        review = c["appeals.review.total"]
        expected = 100 * c["appeals.review.corrected"] / review if review else None
        assert row["pct.review_corrected"] == (pytest.approx(expected) if expected is not None else None)
    counts = dict(query(loaded, "select report_id, count(*) from flags group by report_id"))
    assert {r["report_id"]: r["n_flags"] for r in rows.values()} == {
        r["report_id"]: counts.get(r["report_id"], 0) for r in rows.values()}
    assert rows["xuhui-2019-broken"]["n_flags"] >= 3  # its three deliberate identity breaks, at least


def test_metrics_is_long_and_holds_each_figure_once(loaded):
    dupes = query(loaded, "select report_id, metric, count(*) from metrics group by report_id, metric "
                          "having count(*) > 1")
    assert dupes == []
    names = {m for (m,) in query(loaded, "select distinct metric from metrics")}
    assert names <= set(metric_names())
    rows = query(loaded, "select year, value from metrics where metric = 'requests.received.total' "
                         "and region = '上海市宝山区' and copy_rank = 0 order by year")
    assert rows == [(y, truth(f"baoshan-{y}")["cells"]["requests.received.total"]) for y in (2020, 2021, 2022)]
    n_cells = query(loaded, "select count(*) from cells where key is not null")[0][0]
    n_canonical = query(loaded, "select count(*) from metrics where metric not like 'pct.%' "
                                "and metric not like 'sum.%' and metric != 'text_reuse'")[0][0]
    assert n_canonical == n_cells


def test_region_identity_is_stable_across_years_and_bodies(loaded):
    bodies = query(loaded, "select distinct admin_code, issuer from report_summary where region like '%宝山区%'")
    assert bodies == [("310113", "上海市宝山区人民政府")]
    hejiang = dict(query(loaded, "select issuer, admin_code from report_summary where admin_code = '510522'"))
    assert hejiang == {"四川省泸州市合江县人民政府": "510522", "四川省泸州市合江县教育局": "510522"}
    kinds = dict(query(loaded, "select issuer, issuer_kind from report_summary where admin_code = '510522'"))
    assert kinds["四川省泸州市合江县教育局"] == "department"


def test_v_flags_names_the_report(loaded):
    rows = query(loaded, 'select source, kind, "check", "where" from v_flags where kind = \'identity\' '
                         "order by flag_id")
    assert sorted(r[2:] for r in rows) == sorted(
        (f["identity"], f["where"]) for f in truth("xuhui-2019-broken")["expected_flags"] if f["kind"] == "identity")
    assert {r[0] for r in rows} == {"xuhui-2019-broken.docx"}


def test_copy_rank_counts_a_body_year_once(db_path):
    load_series(db_path, SERIES[:2] + [p.with_suffix(".html") for p in SERIES[:2]]).dispose()
    ranks = query(f"sqlite:///{db_path}", "select source, copy_rank from report_summary order by report_id")
    assert ranks == [("baoshan-2020.docx", 0), ("baoshan-2021.docx", 0), ("baoshan-2020.html", 1),
                     ("baoshan-2021.html", 1)]


def test_every_view_is_generated():
    assert tuple(view_sql()) == VIEWS
    assert all(len(k) <= 63 for k in metric_names())  # PostgreSQL's identifier limit


def test_sqlite_views_hand_out_whole_figures_as_integers_and_compare_text_as_numbers(series_db):
    """Datasette sends a filter's value as text (?copy_rank=0): the views' columns must compare it as a number,
    and a count must come out 663, not 663.0."""
    url = f"sqlite:///{series_db}"
    n = query(url, "select count(*) from report_summary")[0][0]
    assert query(url, "select count(*) from report_summary where copy_rank = '0'")[0][0] == n > 0
    clean = query(url, "select count(*) from report_summary where n_flags = 0")[0][0]
    assert query(url, "select count(*) from report_summary where n_flags = '0'")[0][0] == clean > 0
    assert query(url, "select count(*) from metrics where metric = 'requests.received.total' and value > '600'"
                 )[0][0] == query(url, "select count(*) from metrics where metric = 'requests.received.total' "
                                       "and value > 600")[0][0] > 0
    types = query(url, 'select typeof("requests.received.total"), typeof(n_flags), typeof(copy_rank), '
                       'typeof("pct.disclosed") from report_summary where source = \'baoshan-2020.docx\'')
    assert types[0][:3] == ("integer", "integer", "integer") and types[0][3] in ("real", "integer")
    assert {t for (t,) in query(url, "select distinct typeof(\"requests.received.total\") from report_requests "
                                     "where \"requests.received.total\" is not null")} == {"integer"}
    assert {t for (t,) in query(url, "select distinct typeof(value) from metrics where metric not like 'pct.%' "
                                     "and metric != 'text_reuse' and metric not like '%amount_yuan'")} == {"integer"}
