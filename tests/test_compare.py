"""``gongkai compare`` on the fixture series: the numbers, year-over-year change, the outputs, and a chart whose
Chinese text is set in a font that has the glyphs (no tofu)."""

from __future__ import annotations

import argparse
import csv
import io
import json
import warnings

import pytest

from pipeline import compare as cmp
from pipeline.compare import CompareError, Filters, Record, compare, compute, parse_years
from tests.analyst_data import SERIES, load_series, series_db, truth  # noqa: F401 (series_db is a fixture)

RECEIVED = "requests.received.total"


def _cli(db: str, *argv: str) -> int:
    parser = argparse.ArgumentParser(prog="gongkai")
    parser.add_argument("--db")
    sub = parser.add_subparsers(dest="command", required=True)
    cmp.register(sub)
    args = parser.parse_args(["--db", db, "compare", *argv])
    return args.run(args)


def _rec(report_id, year, value, issuer="上海市宝山区人民政府", code="310113", kind="government", rank=0,
         region="上海市宝山区"):
    return Record(report_id, region, code, "county", issuer, kind, year, value, copy_rank=rank)


# --- computation on plain records -----------------------------------------------------------------------------


def test_yoy_is_against_the_previous_year_only():
    result = compute([_rec(1, 2019, 100), _rec(2, 2020, 150), _rec(3, 2022, 90)], RECEIVED, "year")
    got = [(p.year, p.value, p.previous, p.change, p.change_pct) for p in result.points]
    assert got == [(2019, 100, None, None, None), (2020, 150, 100, 50, 50.0), (2022, 90, None, None, None)]


def test_copies_of_one_report_count_once_the_ranked_best():
    records = [_rec(1, 2020, 10, rank=2), _rec(2, 2020, 12, rank=0), _rec(3, 2020, 11, rank=1), _rec(4, 2021, 5)]
    result = compute(records, RECEIVED, "year")
    assert [(p.year, p.value) for p in result.points] == [(2020, 12), (2021, 5)]
    assert result.points[1].change == -7


def test_departments_are_named_by_their_issuer_and_kept_apart():
    records = [_rec(1, 2022, 103, "四川省泸州市合江县人民政府", "510522", region="四川省泸州市合江县"),
               _rec(2, 2022, 14, "四川省泸州市合江县教育局", "510522", "department", region="四川省泸州市合江县")]
    result = compute(records, RECEIVED, "region")
    assert [(p.entity, p.value) for p in result.points] == [("四川省泸州市合江县 · 人民政府", 103),
                                                            ("四川省泸州市合江县 · 教育局", 14)]


def test_a_government_and_its_office_are_two_rows_and_no_yoy_across_bodies():
    records = [_rec(1, 2019, 5000, "上海市人民政府", "310000", region="上海市"),
               _rec(2, 2020, 5156, "上海市人民政府", "310000", region="上海市"),
               _rec(3, 2020, 19, "上海市人民政府办公厅", "310000", "general_office", region="上海市"),
               _rec(4, 2021, 30, "上海市人民政府办公厅", "310000", "general_office", region="上海市")]
    result = compute(records, RECEIVED, "year")
    got = [(p.entity, p.year, p.value, p.previous) for p in result.points]
    assert got == [("上海市 · 人民政府", 2019, 5000, None), ("上海市 · 人民政府", 2020, 5156, 5000),
                   ("上海市 · 办公厅", 2020, 19, None), ("上海市 · 办公厅", 2021, 30, 19)]


def test_top_keeps_the_largest_bodies_by_their_latest_year():
    records = [_rec(i, 2021, v, f"上海市宝山区{name}", kind="department")
               for i, (name, v) in enumerate([("教育局", 5), ("公安局", 50), ("民政局", 20), ("财政局", 1)], 1)]
    records.append(_rec(9, 2020, 999, "上海市宝山区财政局", kind="department"))
    result = compute(records, RECEIVED, "region", top=2)
    assert [(p.entity, p.value) for p in result.points] == [("上海市宝山区 · 公安局", 50), ("上海市宝山区 · 民政局", 20)]
    with pytest.raises(CompareError, match="--top"):
        compute(records, RECEIVED, "region", top=0)


def test_years_and_metric_validation():
    assert parse_years("2019:2024") == (2019, 2024)
    assert parse_years("2021:") == (2021, None) and parse_years("2022") == (2022, 2022)
    with pytest.raises(CompareError, match="--years"):
        parse_years("last year")
    with pytest.raises(CompareError, match="did you mean requests.received.total"):
        cmp.check_metric("requests.recieved.total")
    cmp.check_metric("pct.not_held")


# --- on the database ------------------------------------------------------------------------------------------


def test_baoshan_series_with_yoy(series_db):
    from pipeline.db import connect

    result = compare(connect(series_db), RECEIVED, "year", Filters(region="宝山区"))
    expected = [truth(f"baoshan-{y}")["cells"][RECEIVED] for y in (2020, 2021, 2022)]
    assert [(p.entity, p.admin_code, p.year, p.value) for p in result.points] == [
        ("上海市宝山区 · 人民政府", "310113", y, v) for y, v in zip((2020, 2021, 2022), expected)]
    assert [p.change for p in result.points] == [None, expected[1] - expected[0], expected[2] - expected[1]]


def test_filters(series_db):
    from pipeline.db import connect

    engine = connect(series_db)
    by_level = compare(engine, RECEIVED, "region", Filters(level="prefecture"))
    assert [p.entity for p in by_level.points] == ["四川省泸州市 · 人民政府"]
    dept = compare(engine, RECEIVED, "region", Filters(issuer_kind="department"))
    assert [p.entity for p in dept.points] == ["四川省泸州市合江县 · 教育局"]
    years = compare(engine, RECEIVED, "region", Filters(years=(2021, 2022)))
    assert {p.year for p in years.points} == {2021, 2022}
    code = compare(engine, "pct.not_held", "year", Filters(region="510522", issuer_kind="government"))
    c = truth("hejiang-2022")["cells"]
    assert [p.value for p in code.points] == [
        pytest.approx(100 * c["requests.result.unable.not_held.total"] / c["requests.result.total.total"])]


def test_cli_table_csv_json(series_db, capsys, tmp_path):
    assert _cli(series_db, "--metric", RECEIVED, "--by", "year", "--region", "宝山区") == 0
    out = capsys.readouterr().out
    values = [truth(f"baoshan-{y}")["cells"][RECEIVED] for y in (2020, 2021, 2022)]
    lines = [line for line in out.splitlines() if "上海市宝山区" in line]
    assert len(lines) == 3
    for line, year, value in zip(lines, (2020, 2021, 2022), values):
        cells = [c.strip() for c in line.split("│")]
        assert cells[5:7] == [str(year), f"{value:,}"], line
    change = values[2] - values[1]
    assert f"{change:+,} ({100 * change / values[1]:+.1f}%)" in out

    assert _cli(series_db, "--metric", RECEIVED, "--region", "宝山区", "--format", "csv") == 0
    rows = list(csv.DictReader(io.StringIO(capsys.readouterr().out)))
    assert [(r["year"], float(r["value"])) for r in rows] == [(str(y), v) for y, v in zip((2020, 2021, 2022), values)]
    # the copies behind each figure, named as in the views (reports_latest.copies) and the table's column
    assert [(r["copies"], r["copies_disagree"]) for r in rows] == [("1", "")] * 3 and "reports" not in rows[0]

    target = tmp_path / "out.json"
    assert _cli(series_db, "--metric", "pct.disclosed", "--by", "region", "--format", "json", "-o", str(target)) == 0
    data = json.loads(target.read_text(encoding="utf-8"))
    assert data["unit"] == "%" and len({r["entity"] for r in data["rows"]}) == 7


def test_cli_reports_unknown_metric_in_one_line(series_db, capsys):
    assert _cli(series_db, "--metric", "requests.received") == 2
    err = capsys.readouterr().err.strip()
    assert err.startswith("gongkai compare: unknown metric") and "\n" not in err


def test_region_grid_puts_years_side_by_side(series_db, capsys):
    assert _cli(series_db, "--metric", RECEIVED, "--by", "region", "--level", "county") == 0
    out = capsys.readouterr().out
    header = next(line for line in out.splitlines() if "body" in line)
    assert all(str(y) in header for y in (2019, 2020, 2021, 2022)) and "YoY 2022" in header


# --- the chart ------------------------------------------------------------------------------------------------


def _labels(result) -> str:
    return result.label + "".join(result.entities) + "年度件数"


def _missing_glyph_warnings(caught) -> list[str]:
    return [str(w.message) for w in caught if "missing from" in str(w.message)]


@pytest.mark.parametrize("suffix", ["png", "svg"])
def test_plot_sets_chinese_in_a_cjk_font(series_db, tmp_path, suffix):
    from matplotlib.ft2font import FT2Font

    from pipeline.db import connect

    result = compare(connect(series_db), RECEIVED, "year", Filters(region="宝山区"))
    path = tmp_path / f"baoshan.{suffix}"
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        font = cmp.plot(result, path)
    assert _missing_glyph_warnings(caught) == []
    face = FT2Font(font.path)
    assert all(face.get_char_index(ord(ch)) for ch in _labels(result) if not ch.isascii())
    data = path.read_bytes()
    if suffix == "png":
        assert data[:8] == b"\x89PNG\r\n\x1a\n" and len(data) > 20_000
    else:
        assert b"<svg" in data[:500] and len(data) > 20_000  # text drawn as paths: glyph outlines present


def test_the_glyph_check_catches_tofu(tmp_path):
    """The check above can fail: the same labels in matplotlib's default Latin font warn of missing glyphs."""
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt

    with warnings.catch_warnings(record=True) as caught, plt.rc_context({"font.family": "DejaVu Sans"}):
        warnings.simplefilter("always")
        fig, ax = plt.subplots()
        ax.set_title("上海市宝山区")
        fig.savefig(tmp_path / "tofu.png")
        plt.close(fig)
    assert _missing_glyph_warnings(caught)


def test_plot_by_region_and_cli(series_db, tmp_path, capsys):
    target = tmp_path / "regions.png"
    assert _cli(series_db, "--metric", "pct.not_held", "--by", "region", "--plot", str(target)) == 0
    assert target.stat().st_size > 20_000
    assert "labels in" in capsys.readouterr().err


def test_plot_refuses_other_formats(series_db, tmp_path):
    from pipeline.db import connect

    result = compare(connect(series_db), RECEIVED, "year", Filters(region="宝山区"))
    with pytest.raises(CompareError, match="png or .svg"):
        cmp.plot(result, tmp_path / "chart.pdf")


def test_cjk_font_failure_names_the_package():
    with pytest.raises(CompareError, match="fonts-noto-cjk"):
        cmp.cjk_font(("No Such Font Family",))


def test_compare_on_both_backends(db_url):
    engine = load_series(db_url, SERIES[:3])
    result = compare(engine, RECEIVED, "year", Filters(region="宝山区", years=(2021, None)))
    assert [p.year for p in result.points] == [2021, 2022]
    assert result.points[1].previous == truth("baoshan-2021")["cells"][RECEIVED]
    engine.dispose()
