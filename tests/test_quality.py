"""Quality checks across reports: the pure checks on plain records, then on a real database with the real
division table (泸州市 against 合江县 + 泸县)."""

from __future__ import annotations

import pytest
from sqlalchemy import create_engine, text
from sqlalchemy.pool import NullPool

from pipeline.quality import (
    RateFact, ReportFigures, check_all, children_count, children_flags, jump_flags, negative_flags, parent_of,
    percent_flags, refresh_quality_count, refresh_quality_flags,
)
from tests.analyst_data import load_series, series_db, truth  # noqa: F401 (series_db is a fixture)
from tests.conftest import query

LIC = "proactive.art20_5.licensing.decisions"
RECEIVED = "requests.received.total"


def _rep(report_id, year, values, code="310113", issuer="上海市宝山区人民政府", level="county", kind="government",
         region="上海市宝山区"):
    return ReportFigures(report_id, f"r{report_id}.docx", region, code, level, issuer, kind, year, values)


# --- pure checks ------------------------------------------------------------------------------------------------


def test_jumps_above_5x_and_below_0_2x_with_evidence():
    flags = jump_flags([_rep(1, 2021, {LIC: 1000, RECEIVED: 100, "appeals.review.total": 2}),
                        _rep(2, 2022, {LIC: 5200, RECEIVED: 19, "appeals.review.total": 12})])
    got = {(f.report_id, f.key, f.expected, f.found) for f in flags}
    # 5.2× and 0.19× are flagged; 2 → 12 is 6× but too small a figure to mean anything
    assert got == {(2, LIC, 1000, 5200), (2, RECEIVED, 100, 19)}
    lic = next(f for f in flags if f.key == LIC)
    assert lic.details["previous_report_id"] == 1 and lic.details["ratio"] == pytest.approx(5.2)
    assert lic.where == "vs 2021" and "5.2×" in lic.message


def test_jumps_stay_within_one_body_and_consecutive_years():
    assert jump_flags([_rep(1, 2020, {LIC: 100}), _rep(2, 2022, {LIC: 900})]) == []  # 2021 missing
    assert jump_flags([_rep(1, 2021, {LIC: 100}), _rep(2, 2022, {LIC: 900}, issuer="上海市宝山区教育局",
                                                               kind="department")]) == []
    assert jump_flags([_rep(1, 2021, {LIC: 100}), _rep(2, 2022, {LIC: 500})]) == []  # exactly 5×: not above


def test_from_zero_needs_a_large_figure_and_signed_columns_are_skipped():
    change = "proactive.art20_5.licensing.change"
    flags = jump_flags([_rep(1, 2021, {LIC: 0, RECEIVED: 0, change: 3}), _rep(2, 2022, {LIC: 4000, RECEIVED: 30,
                                                                                        change: -40})])
    assert [(f.key, f.details["ratio"]) for f in flags] == [(LIC, None)]
    assert "from 0" in flags[0].message


def test_negative_values_except_changes():
    flags = negative_flags([_rep(1, 2020, {RECEIVED: -3, "proactive.art20_5.licensing.change": -12})])
    assert [(f.key, f.found) for f in flags] == [(RECEIVED, -3)]


def test_shares_above_100_percent():
    values = {"requests.result.total.total": 40, "requests.result.disclosed.total": 50,
              "requests.result.unable.not_held.total": 10}
    flags = percent_flags([_rep(1, 2022, values)], [RateFact(1, 120, "120%", "办结率达120%。", 3),
                                                    RateFact(1, 100, "100%", "办复率100%。", 3)])
    assert [(f.key, f.found) for f in flags] == [("pct.disclosed", 125.0), (None, 120)]
    assert flags[0].details["numerator_value"] == 50 and flags[0].details["denominator_value"] == 40
    assert flags[1].page == 3 and flags[1].where == "text"


def _family(city: dict, *children: dict):
    reps = [_rep(1, 2022, city, "510500", "四川省泸州市人民政府", "prefecture", region="四川省泸州市")]
    for i, (code, values) in enumerate(children, start=2):
        reps.append(_rep(i, 2022, values, code, f"{code}人民政府", region=code))
    return reps


def _parents(code, _year):
    return "510500" if code.startswith("5105") and code != "510500" else None


def test_city_equal_to_its_loaded_children_is_not_flagged():
    reps = _family({RECEIVED: 228}, ("510522", {RECEIVED: 103}), ("510521", {RECEIVED: 125}))
    assert children_flags(reps, _parents, lambda c, y: 7) == []


def test_city_smaller_than_its_children_is_flagged_with_them_as_evidence():
    reps = _family({RECEIVED: 200}, ("510522", {RECEIVED: 103}), ("510521", {RECEIVED: 125}))
    [flag] = children_flags(reps, _parents, lambda c, y: 7)
    assert (flag.report_id, flag.key, flag.expected, flag.found) == (1, RECEIVED, 228, 200)
    assert [c["admin_code"] for c in flag.details["children"]] == ["510521", "510522"]
    assert flag.details["children_expected"] == 7 and not flag.details["complete"]


def test_complete_children_must_add_up_exactly():
    reps = _family({RECEIVED: 300}, ("510522", {RECEIVED: 103}), ("510521", {RECEIVED: 125}))
    assert children_flags(reps, _parents, lambda c, y: 7) == []  # larger than 2 of 7 parts: fine
    [flag] = children_flags(reps, _parents, lambda c, y: 2)  # all parts loaded: must equal
    assert flag.details["complete"] and flag.expected == 228


def test_departments_are_not_children():
    reps = _family({RECEIVED: 103}, ("510522", {RECEIVED: 103}))
    reps.append(_rep(9, 2022, {RECEIVED: 50}, "510522", "四川省泸州市合江县教育局", kind="department"))
    assert children_flags(reps, _parents, lambda c, y: 7) == []


def test_division_parents_from_the_table():
    assert parent_of("510522", 2022) == "510500"  # a county under a prefecture
    assert parent_of("310113", 2022) == "310000"  # a district of a municipality
    assert parent_of("510500", 2022) == "510000"
    assert children_count("510500", 2022) == 7  # 江阳 纳溪 龙马潭 泸县 合江 叙永 古蔺


# --- on the database --------------------------------------------------------------------------------------------


def _quality(url: str) -> list[tuple]:
    return query(url, 'select source, "check", key, expected, found from v_flags where kind = \'quality\' '
                      "order by source, key")


def test_fixture_series_has_exactly_the_planted_jump(series_db):
    url = f"sqlite:///{series_db}"
    c21, c22 = truth("baoshan-2021")["cells"], truth("baoshan-2022")["cells"]
    key = "proactive.art20_6.coercion.decisions"
    assert _quality(url) == [("baoshan-2022.docx", "quality.jump", key, c21[key], c22[key])]


def break_luzhou(db_url: str) -> int:
    """泸州市 made to print 10 fewer requests than 合江县 and 泸县 received together; its report id."""
    luzhou = query(db_url, "select r.id from reports r join documents d on d.id = r.document_id "
                           "where d.name = 'luzhou-2022.docx'")[0][0]
    writer = create_engine(db_url, poolclass=NullPool)
    with writer.begin() as conn:
        conn.execute(text("update cells set value = value - 10 where report_id = :r and key = :k"),
                     {"r": luzhou, "k": RECEIVED})
    writer.dispose()
    return luzhou


def test_refresh_is_idempotent_and_finds_a_broken_city(db_url):
    engine = load_series(db_url)
    before = _quality(db_url)
    refresh_quality_flags(engine)
    assert _quality(db_url) == before
    luzhou = break_luzhou(db_url)
    flags = refresh_quality_flags(engine)
    [city] = [f for f in flags if f.check == "quality.children_sum"]
    expected = truth("hejiang-2022")["cells"][RECEIVED] + truth("luxian-2022")["cells"][RECEIVED]
    assert (city.report_id, city.key, city.expected, city.found) == (luzhou, RECEIVED, expected, expected - 10)
    assert {c["source"] for c in city.details["children"]} == {"hejiang-2022.docx", "luxian-2022.docx"}
    stored = query(db_url, "select count(*) from flags where kind = 'quality'")[0][0]
    assert stored == len(flags) == len(before) + 1
    engine.dispose()


def test_unrelated_bodies_raise_nothing():
    reps = [_rep(1, 2021, {RECEIVED: 100}), _rep(2, 2022, {RECEIVED: 100}, code="370100", level="prefecture",
                                                   issuer="山东省济南市人民政府", region="山东省济南市")]
    assert check_all(reps, []) == []


def test_changed_body_years_in_chunks_make_the_flags_of_one_pass(db_url):
    """refresh_quality_flags(changed) takes the changed body-years ``chunk`` at a time (flat memory on a large
    run), each chunk with the reports its checks read: one body-year per chunk gives every flag one pass over
    all of them gives, among them the city's sum over its counties and a year's jump from the year before."""
    engine = load_series(db_url)
    luzhou = break_luzhou(db_url)
    changed = query(db_url, "select distinct body, year from reports where body is not null")
    whole = refresh_quality_flags(engine, changed)
    stored = _quality(db_url)
    one_by_one = refresh_quality_flags(engine, changed, chunk=1)
    assert sorted(map(repr, one_by_one)) == sorted(map(repr, whole))
    assert _quality(db_url) == stored
    # what pipeline.pending counts, without holding the flags: the same number, the same rows stored
    assert refresh_quality_count(engine, changed, chunk=1) == len(whole) == len(stored)
    assert refresh_quality_count(engine) == len(whole) and _quality(db_url) == stored
    assert {f.check for f in whole} >= {"quality.children_sum", "quality.jump"}
    engine.dispose()


def test_everything_refreshed_in_chunks_makes_the_flags_of_one_whole_pass(db_url):
    """Every report's flags (``changed`` None: ingest into a fresh database, ``check --refresh``) are recomputed
    body-years a chunk at a time, so that memory does not grow with the database: the same flags as one pass
    over every report at once (quality._refresh_flags(None), rolled back), in chunks of one body-year too."""
    from sqlalchemy.orm import Session

    from pipeline.quality import _refresh_flags

    engine = load_series(db_url)
    break_luzhou(db_url)
    with Session(engine) as session, session.begin():
        whole, _ = _refresh_flags(session, None)
        session.rollback()
    assert {f.check for f in whole} >= {"quality.children_sum", "quality.jump"}
    for chunk in (200, 1):
        assert sorted(map(repr, refresh_quality_flags(engine, chunk=chunk))) == sorted(map(repr, whole))
        stored = query(db_url, "select count(*) from flags where kind = 'quality'")[0][0]
        assert stored == len(whole)
    engine.dispose()
