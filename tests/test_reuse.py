"""Text reuse (pipeline.reuse): the threshold against hand-labelled pairs, the sentence and mask rules, and the
stored per-report shares and the ``text_reuse`` metric on real files through the real pipeline."""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml
from rapidfuzz import fuzz

from pipeline import compare, reuse
from pipeline.db import connect
from pipeline.ingest import ingest
from pipeline.reuse import PREFACE, THRESHOLD, compare_texts, mask, sentences, stored_reuse
from tests.conftest import FIXTURES, query

PAIRS = yaml.safe_load((Path(__file__).parent / "data" / "text_reuse_pairs.yaml").read_text(encoding="utf-8"))
TEXT_2020 = FIXTURES / "baoshan-2020-text" / "baoshan-2020-report.txt"
NEW_SECTION_FIVE = ("受疫情影响，线下政府开放活动场次明显减少。部分街镇主动公开栏目更新迟缓，存在内容空白。"
                    "明年将建立季度通报制度，对公开质量差的单位予以约谈。")


def _accuracy(pairs: list[dict], threshold: float) -> float:
    return sum((fuzz.ratio(mask(p["a"]), mask(p["b"])) >= threshold) == p["reused"] for p in pairs) / len(pairs)


def test_threshold_is_the_tune_pairs_midpoint_and_holds_on_the_held_out_pairs():
    scores = [(fuzz.ratio(mask(p["a"]), mask(p["b"])), p["reused"]) for p in PAIRS["tune"]]
    highest_not = max(s for s, reused in scores if not reused)
    lowest_reused = min(s for s, reused in scores if reused)
    assert highest_not < THRESHOLD < lowest_reused
    assert _accuracy(PAIRS["tune"], THRESHOLD) == 1.0
    assert _accuracy(PAIRS["held_out"], THRESHOLD) >= 0.95  # 20/20 when THRESHOLD was set at 70
    assert _accuracy(PAIRS["fresh"], THRESHOLD) >= 0.9  # 16/16, labelled after THRESHOLD was set
    assert len(PAIRS["held_out"]) >= 20 and {p["reused"] for p in PAIRS["held_out"]} == {True, False}


def test_figures_are_masked_and_sentences_split():
    assert mask("2020年受理申请663件，同比减少34.97%。") == mask("2021年 受理申请 一千二百件，同比减少5%。")
    assert mask("受理申请1,234件") == "受理申请#件"
    assert sentences("一、总体情况\n全年受理申请12件；办结11件！本年度未收取信息处理费。无。") == [
        "全年受理申请12件", "本年度未收取信息处理费"]


def test_shares_per_section_and_whole():
    last = [("一、总体情况", "2020年共受理申请663件，全部按时答复。进一步加强培训，提高业务水平。"),
            ("五、存在的主要问题", "公开内容还不全面规范，回应关切的意识有待提高。")]
    this = [("", "本报告由区政府办公室编制，数据统计期限为全年。"),
            ("一、总体情况 / （一）主动公开", "2021年共受理申请576件，全部按时答复。"),
            ("一、总体情况", "进一步加强培训，提升业务水平。全年开展政府开放活动三十七场。"),
            ("五、存在的主要问题", "公开内容还不全面规范，回应关切的意识有待提高。")]
    r = compare_texts(this, last)
    by = {s.section: (s.sentences, s.reused) for s in r.sections}
    assert by == {PREFACE: (1, 0), "一、总体情况": (3, 2), "五、存在的主要问题": (1, 1)}
    assert (r.whole.sentences, r.whole.reused) == (5, 3) and r.share == pytest.approx(0.6)
    assert compare_texts(this, None).share is not None and compare_texts(this, None).whole.reused == 0


def _next_year(tmp_path: Path) -> Path:
    """The 2020 text fixture as its body's 2021 report: every figure the same sentence, section 五 rewritten."""
    lines = TEXT_2020.read_text(encoding="utf-8").replace("2020", "2021").splitlines()
    start = lines.index("五、存在的主要问题及改进情况")
    end = lines.index("六、其他需要报告的事项")
    lines[start + 1:end] = ["", NEW_SECTION_FIVE, ""]
    out = tmp_path / "baoshan-2021-report.txt"
    out.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return out


@pytest.mark.parametrize("chunk", [None, 1])
def test_stored_per_report_and_a_metric(tmp_path, monkeypatch, chunk):
    """Also with a report a round of statements (chunk 1): a report and the one it compares with in different
    rounds, its texts read again."""
    if chunk is not None:
        monkeypatch.setattr(reuse, "_CHUNK", chunk)
    db = str(tmp_path / "gongkai.sqlite")
    engine = connect(db)
    later = _next_year(tmp_path)
    earlier = tmp_path / TEXT_2020.name
    earlier.write_bytes(TEXT_2020.read_bytes())
    outcomes = ingest([later, earlier], engine)  # the later year first: its share must follow the earlier one
    assert [o.status for o in outcomes] == ["ingested", "ingested"]
    url = f"sqlite:///{db}"
    ids = dict(query(url, "select year, id from reports"))
    with engine.connect() as conn:
        rows = {r["section"]: r for r in stored_reuse(conn, ids[2021])}
        first = stored_reuse(conn, ids[2020])
    assert first[0]["previous_report_id"] is None and first[0]["share"] is None
    whole = rows[""]
    assert whole["previous_report_id"] == ids[2020]
    assert rows["五、存在的主要问题及改进情况"]["sentences"] == 3
    assert rows["五、存在的主要问题及改进情况"]["reused"] == 0
    for section, row in rows.items():
        if section not in ("", "五、存在的主要问题及改进情况"):
            assert row["reused"] == row["sentences"] > 0, section
    assert whole["reused"] == whole["sentences"] - 3
    assert whole["share"] == pytest.approx(whole["reused"] / whole["sentences"])
    # the metric, in %, through compare
    result = compare.compare(engine, "text_reuse", "year")
    assert [(p.year, round(p.value, 6)) for p in result.points] == [(2021, round(100 * whole["share"], 6))]
    assert "重复率" in result.label
    # last year's file replaced, now holding this year's new sentences too: this year's share is computed again
    earlier.write_text(earlier.read_text(encoding="utf-8") + "\n" + NEW_SECTION_FIVE + "\n", encoding="utf-8")
    assert [o.status for o in ingest([later, earlier], engine)] == ["unchanged", "replaced"]
    new_2020 = query(url, "select id from reports where year = 2020")[0][0]  # SQLite may give the same id
    assert query(url, "select previous_report_id, reused from text_reuse where report_id = :r and section = ''",
                 r=ids[2021]) == [(new_2020, whole["sentences"])]
