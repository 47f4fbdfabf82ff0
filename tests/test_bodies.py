"""One body, counted once: pipeline.bodies on plain fields, and on the held-out-like set tests/fixtures/bodies
(ten body-years in two or three formats each, some HTML without an issuer line, a government and its general
office in one city, two departments with all-zero tables, a government's whole-area report beside its own
organ's, two unresolved bodies) ingested by the real pipeline, on SQLite and PostgreSQL."""

from __future__ import annotations

import json
import re
from collections import Counter
from pathlib import Path

import pytest
from sqlalchemy import create_engine, text
from sqlalchemy.pool import NullPool

from pipeline.bodies import Copy, body_of, rank_copies, settle_copies, title_subject
from pipeline.cli import main
from pipeline.compare import Filters, compare
from pipeline.db import connect
from pipeline.ingest import ingest
from pipeline.views import all_keys
from tests.conftest import FIXTURES, _pg_database, query

BODIES = FIXTURES / "bodies"
TRUTHS = [json.loads((d / "truth.json").read_text(encoding="utf-8")) for d in sorted(BODIES.iterdir())]
RECEIVED = "requests.received.total"


# --- the definition, on plain fields --------------------------------------------------------------------------


def _body(title, issuer=None, code="320100", region="江苏省南京市", kind=None, printed=None):
    return body_of(admin_code=code, region=region, issuer=issuer, issuer_kind=kind, issuer_printed=printed,
                   title=title)


def test_a_copy_without_an_issuer_lands_on_its_body_by_the_title():
    read = _body("南京市2020年政府信息公开工作年度报告", "江苏省南京市人民政府", kind="government")
    unread = _body("南京市人民政府关于2020年政府信息公开工作年度报告")
    assert read.key == unread.key and read.label == "江苏省南京市 · 人民政府" and unread.kind == "government"
    assert title_subject("2020年上海市宝山区人民政府政府信息公开工作年度报告") == "上海市宝山区人民政府"
    assert _body("乌海市2022年政府信息公开工作年度报告", code="150300", region="内蒙古自治区乌海市").label == \
        "内蒙古自治区乌海市 · 人民政府"
    # short names: 南京 for 江苏省南京市
    assert _body("南京人民政府关于2020年政府信息公开工作年度报告").key == read.key
    assert _body("南京2020年政府信息公开工作年度报告").key == read.key


def test_a_government_its_office_and_its_own_organ_are_three_bodies():
    gov = _body("南京市2020年政府信息公开工作年度报告", "江苏省南京市人民政府", kind="government")
    office = _body("南京市人民政府办公厅2020年政府信息公开工作年度报告")
    office2 = _body("南京市政府办公厅2020年政府信息公开工作年度报告", printed="南京市政府办公厅")
    organ = _body("南京市人民政府机关2020年政府信息公开工作年度报告")
    own = _body("南京市市政府本级2020年政府信息公开工作年度报告")
    assert office.key == office2.key and office.label == "江苏省南京市 · 办公厅" and office.kind == "general_office"
    assert organ.key == own.key and organ.kind == "government_organ"
    assert len({gov.key, office.key, organ.key}) == 3


def test_unresolved_bodies_are_named_by_what_they_print_never_one_question_mark():
    a = _body("苏州工业园区管理委员会2022年政府信息公开工作年度报告", code=None, region=None)
    b = _body(None, code=None, region=None, printed="宁东能源化工基地管理委员会")
    c = body_of(admin_code=None, region=None, issuer=None, issuer_kind=None, title="2022年度报告",
                source="/data/x/某某中心年报.pdf")
    assert [x.label for x in (a, b, c)] == ["苏州工业园区管理委员会（未解析）", "宁东能源化工基地管理委员会（未解析）",
                                            "某某中心年报（未解析）"]
    assert len({a.key, b.key, c.key}) == 3 and not any("?" in x.label for x in (a, b, c))


def test_the_best_read_counts_fewest_flags_then_most_cells_then_first_loaded():
    copies = [Copy(1, 2, 200, {"k": 5.0}), Copy(2, 0, 190, {"k": 4.0, "j": 1.0}), Copy(3, 0, 200, {"k": 4.0}),
              Copy(4, 0, 200, {"k": 4.0, "j": 2.0})]
    ranked = rank_copies(copies)
    assert [(r.report_id, r.copy_rank) for r in ranked] == [(3, 0), (4, 1), (2, 2), (1, 3)]
    assert {r.copies for r in ranked} == {4} and {r.copies_disagree for r in ranked} == {"j k"}
    assert rank_copies([Copy(7, 0, 1, {"k": 0.0}), Copy(8, 0, 1, {"k": 0.0, "j": 3.0})])[0].copies_disagree is None


# --- the held-out-like set in the database ------------------------------------------------------------------


@pytest.fixture(scope="module", params=["sqlite", "postgresql"])
def bodies_db(request, tmp_path_factory):
    if request.param == "sqlite":
        url = f"sqlite:///{tmp_path_factory.mktemp('bodies') / 'gongkai.sqlite'}"
        gen = None
    else:
        gen = _pg_database()
        url = next(gen)
    engine = connect(url)
    outcomes = ingest([BODIES], engine)
    engine.dispose()
    assert [o.status for o in outcomes] == ["ingested"] * len(outcomes), [(o.path, o.reason) for o in outcomes]
    yield url
    if gen is not None:
        next(gen, None)


def _by_label():
    return {(t["entity"]["label"], t["year"]): t for t in TRUTHS}


def test_one_row_per_body_year_and_every_pivot_equals_the_truth(bodies_db):
    rows = query(bodies_db, "select body_label, year, report_id from report_summary where copy_rank = 0")
    assert Counter((label, year) for label, year, _ in rows) == Counter(list(_by_label()))  # once each, no other
    truth = _by_label()
    for view in ("report_proactive", "report_requests", "report_appeals"):
        table = view.removeprefix("report_")
        keys = [k for k in all_keys() if k.startswith(table + ".") and k in TRUTHS[0]["cells"]]
        cols = ", ".join(f'"{k}"' for k in keys)
        for label, year, *values in query(bodies_db, f"select body_label, year, {cols} from {view} "
                                                     "where copy_rank = 0"):
            expected = truth[(label, year)]["cells"]
            assert dict(zip(keys, values)) == {k: expected[k] for k in keys}, (view, label, year)
    # the pivot an analyst writes: one figure per body and year
    pivot = dict(((label, year), value) for label, year, value in query(
        bodies_db, f'select body_label, year, sum("{RECEIVED}") from report_summary where copy_rank = 0 '
                   "group by body_label, year"))
    assert pivot == {k: t["cells"][RECEIVED] for k, t in truth.items()}


def test_the_misprinted_copy_does_not_count_and_the_disagreement_is_named(bodies_db):
    rows = query(bodies_db, "select source, copy_rank, copies, copies_disagree from report_summary "
                            "where body_label = '江苏省南京市 · 人民政府' and year = 2021 order by copy_rank")
    assert [r[0].rsplit(".", 1)[1] for r in rows][-1] == "html"  # three identity breaks: the worst read
    assert {r[2] for r in rows} == {3} and {r[3] for r in rows} == {RECEIVED}
    assert [r[1] for r in rows] == [0, 1, 2]


def test_compare_rows_are_bodies_with_distinct_labels_and_yoy_within_one_body(bodies_db):
    engine = create_engine(bodies_db, poolclass=NullPool)
    result = compare(engine, RECEIVED, "region")
    truth = _by_label()
    assert {(p.entity, p.year): p.value for p in result.points} == {k: t["cells"][RECEIVED] for k, t in truth.items()}
    assert not any("?" in p.entity for p in result.points)
    series = compare(engine, RECEIVED, "year", Filters(region="南京市"))
    gov = [p for p in series.points if p.entity == "江苏省南京市 · 人民政府"]
    office = [p for p in series.points if p.entity == "江苏省南京市 · 办公厅"]
    assert gov[1].previous == truth[("江苏省南京市 · 人民政府", 2021)]["cells"][RECEIVED]
    assert office[1].previous == truth[("江苏省南京市 · 办公厅", 2021)]["cells"][RECEIVED]
    engine.dispose()


def test_check_and_search_give_each_finding_once(bodies_db, capsys):
    main(["--db", bodies_db, "check"])
    once = capsys.readouterr().out.splitlines()
    main(["--db", bodies_db, "check", "--all-copies"])
    every = capsys.readouterr().out.splitlines()
    unresolved = [line for line in once if "\tregion\t" in line]
    assert len(unresolved) == 2 and len([line for line in every if "\tregion\t" in line]) == 4
    assert any("copies_disagree" in line and RECEIVED in line for line in once)
    # the misprinted copy's breaks are that copy's: not among the counted findings
    assert not any("identity" in line for line in once) and any("\tidentity\t" in line for line in every)
    assert main(["--db", bodies_db, "search", "政策解读", "--limit", "50"]) == 0
    hits = [line.split("\t")[0] for line in capsys.readouterr().out.splitlines()]
    assert len(hits) == len(TRUTHS)  # the sentence is in every copy; one hit per body-year


def test_removing_the_counted_copy_promotes_the_next(tmp_path):
    url = f"sqlite:///{tmp_path / 'g.sqlite'}"
    engine = connect(url)
    folder = BODIES / "nanjing-gov-2022"
    ingest([folder], engine)
    (first,) = query(url, "select report_id from report_summary where copy_rank = 0")
    with engine.begin() as conn:
        conn.execute(text("delete from documents where id = (select document_id from reports where id = :id)"),
                     {"id": first[0]})
        assert settle_copies(conn) == 1
    ranks = query(url, "select copy_rank, copies from report_summary order by copy_rank")
    assert ranks == [(0, 2), (1, 2)]
    engine.dispose()


# --- compare's ranking, heatmap and the metrics list ------------------------------------------------------------


def test_top_ranks_the_largest_bodies(bodies_db, capsys):
    assert main(["--db", bodies_db, "compare", "--metric", RECEIVED, "--by", "region", "--years", "2022",
                 "--top", "3", "--format", "csv"]) == 0
    lines = capsys.readouterr().out.splitlines()[1:]
    got = [(line.split(",")[0], float(line.split(",")[9])) for line in lines]
    expected = sorted(((t["entity"]["label"], t["cells"][RECEIVED]) for t in TRUTHS if t["year"] == 2022),
                      key=lambda x: -x[1])[:3]
    assert got == expected


def test_heatmap_shows_every_body_and_figure(bodies_db, tmp_path, capsys):
    target = tmp_path / "heat.svg"
    assert main(["--db", bodies_db, "compare", "--metric", RECEIVED, "--by", "region", "--plot", str(target)]) == 0
    assert "heat chart of 8 bodies" in capsys.readouterr().err
    svg = target.read_text(encoding="utf-8")
    # text is drawn as glyph outlines; matplotlib keeps each string beside its paths as a comment
    shown = set(re.findall(r"<!-- (.*?) -->", svg))
    assert {t["entity"]["label"] for t in TRUTHS} <= shown
    assert {f"{t['cells'][RECEIVED]:,}" for t in TRUTHS} <= shown  # every body-year's figure, once
    assert {"2021年", "2022年", "—"} <= shown  # the years across; a body-year not loaded shown as —
    assert any("本年新收政府信息公开申请数量" in s for s in shown)  # the Chinese title


def test_bars_are_horizontal_sorted_with_thirty_bodies(tmp_path):
    from pipeline import compare as cmp

    records = [cmp.Record(i, f"测试市{i}区", f"3101{i:02d}", "county", f"测试市{i}区人民政府", "government", 2022,
                          float(i * 7 % 31)) for i in range(1, 31)]
    result = cmp.compute(records, RECEIVED, "region")
    target = tmp_path / "bars.svg"
    cmp.plot(result, target)
    svg = target.read_text(encoding="utf-8")
    labels = [s for s in re.findall(r"<!-- (.*?) -->", svg) if s.startswith("测试市")]
    values = {f"测试市{i}区 · 人民政府": i * 7 % 31 for i in range(1, 31)}
    assert labels == sorted(values, key=lambda e: (-values[e], e))  # top to bottom, largest first
    assert cmp.chart_kind(result) == "bars"


def test_metrics_lists_every_metric_and_finds_chinese_words(capsys):
    from pipeline.views import metric_names

    assert main(["metrics"]) == 0
    every = capsys.readouterr().out.splitlines()
    assert [line.split("\t")[0] for line in every] == list(metric_names())
    assert all(len(line.split("\t")) == 3 and line.split("\t")[2] in ("件", "元", "%") for line in every)
    assert main(["metrics", "不掌握"]) == 0
    found = [line.split("\t") for line in capsys.readouterr().out.splitlines()]
    assert {name for name, *_ in found} >= {"requests.result.unable.not_held.total", "pct.not_held"}
    assert all("不掌握" in label for _name, label, _unit in found)
    assert dict((n, u) for n, _l, u in found)["pct.not_held"] == "%"
    assert main(["metrics", "采购", "金额"]) == 0
    assert capsys.readouterr().out.split("\t")[2].strip() == "元"
    assert main(["metrics", "没有这个词"]) == 1


def test_a_new_definition_of_bodies_re_derives_the_stored_ones(tmp_path):
    url = f"sqlite:///{tmp_path / 'g.sqlite'}"
    engine = connect(url)
    ingest([BODIES / "wuhai-2022"], engine)
    before = query(url, "select report_id, body, body_label, copy_rank from report_summary order by report_id")
    with engine.begin() as conn:  # as an older definition left them
        conn.execute(text("update reports set body = 'old', body_label = 'old', copy_rank = 5"))
        conn.execute(text("update meta set value = '0' where key = 'bodies_version'"))
        settle_copies(conn)
    assert query(url, "select report_id, body, body_label, copy_rank from report_summary order by report_id") == before
    engine.dispose()


def _ranks(conn) -> list[tuple]:
    return conn.execute(text("select id, copy_rank, copies, copies_disagree from reports order by id")).all()


def test_copies_added_one_run_at_a_time_rank_as_if_ranked_together(tmp_path):
    """A new copy of a ranked body-year is placed among the ranked ones (bodies._add_copies, without reading the
    old copies' cells): after every run, the same ranks, counts and disagreements as ranking every copy afresh;
    HTML first (the misprinted copy of 2021), a later copy outranks an earlier one (it is not merely put last)."""
    files = sorted(p for name in ("nanjing-gov-2021", "nanjing-gov-2022", "nanjing-office-2022")
                   for p in (BODIES / name).iterdir() if p.suffix != ".json")
    promoted = False
    for n, order in enumerate((files, sorted(files, key=lambda p: (p.suffix != ".html", p.name)))):
        engine = connect(f"sqlite:///{tmp_path / f'{n}.sqlite'}")
        for path in order:
            ingest([path], engine)
            with engine.connect() as conn:
                stored = _ranks(conn)
                newest = max(stored)
                promoted = promoted or (newest[1] == 0 and newest[2] > 1)
                conn.rollback()
                conn.execute(text("update reports set copy_rank = null"))  # everything ranked afresh, rolled back
                settle_copies(conn)
                assert _ranks(conn) == stored, path.name
                conn.rollback()
        with engine.connect() as conn:
            final = _ranks(conn)
        assert max(c for _, _, c, _ in final) == 3
        assert any(d for *_, d in final), "a disagreement between copies is found incrementally too"
        engine.dispose()
    assert promoted
