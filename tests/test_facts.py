"""extractors.facts: narrative figures with their sentence, subject, offsets — measured against hand labels."""

from __future__ import annotations

import json
from decimal import Decimal
from pathlib import Path

import pytest

from extractors import read_report
from extractors.facts import extract_facts, sentence_spans
from extractors.records import Fact, Section

ROOT = Path(__file__).resolve().parents[1]
SEED = ROOT / "data" / "raw" / "baoshan-2020-report.txt"
LABELS = json.loads((Path(__file__).parent / "data" / "seed_facts.json").read_text(encoding="utf-8"))["facts"]


@pytest.fixture(scope="module")
def seed():
    report = read_report(SEED)
    return report, extract_facts(report.sections)


def _unquoted(text: str) -> str:
    return "".join(c for c in text if c not in "“”\"《》 \n")


def score(sections: list[Section], facts: list[Fact]) -> dict:
    """Recall and precision of (position, value, unit, qualifier) against the labels; subject agreement."""
    located = {}
    for label in LABELS:
        for i, section in enumerate(sections):
            at = section.text.find(label["context"])
            if at >= 0:
                located[(i, at + label["context"].index(label["raw"]))] = label
    by_position = {(next(i for i, s in enumerate(sections) if s.path == f.section_path), f.start): f
                   for f in facts}
    right = [(pos, f) for pos, f in by_position.items() if pos in located
             and (f.value, f.unit, f.qualifier) == (Decimal(located[pos]["value"]), located[pos]["unit"],
                                                    located[pos]["qualifier"])]
    subject_exact = sum(_unquoted(f.subject) == _unquoted(located[pos]["subject"]) for pos, f in right)
    subject_overlap = sum(_unquoted(located[pos]["subject"]) in _unquoted(f.subject)
                          or (f.subject and _unquoted(f.subject) in _unquoted(located[pos]["subject"]))
                          for pos, f in right)
    return {"labels": len(located), "facts": len(facts), "right": len(right),
            "recall": len(right) / len(located), "precision": len(right) / max(len(facts), 1),
            "subject_exact": subject_exact / max(len(right), 1),
            "subject_overlap": subject_overlap / max(len(right), 1),
            "missed": [located[p]["context"] for p in located if p not in dict(right)],
            "spurious": [f.raw for p, f in by_position.items() if p not in dict(right)]}


def test_labels_are_located_once(seed):
    report, _ = seed
    for label in LABELS:
        assert sum(s.text.count(label["context"]) for s in report.sections) == 1, label["context"]
        assert label["raw"] in label["context"]


def test_recall_and_precision_on_the_seed(seed):
    report, facts = seed
    s = score(report.sections, facts)
    print(f"\nseed narrative facts: {s['right']}/{s['labels']} labels found (recall {s['recall']:.3f}), "
          f"{s['right']}/{s['facts']} facts right (precision {s['precision']:.3f}); subject exact "
          f"{s['subject_exact']:.3f}, subject overlapping {s['subject_overlap']:.3f}")
    assert s["labels"] == len(LABELS)
    assert s["recall"] >= 0.95, s["missed"]
    assert s["precision"] >= 0.95, s["spurious"]
    assert s["subject_overlap"] >= 0.85


def test_facts_know_their_place(seed):
    report, facts = seed
    sections = {s.path: s for s in report.sections}
    for fact in facts:
        section = sections[fact.section_path]
        assert section.text[fact.start:fact.end] == fact.raw
        assert fact.raw.replace(" ", "") in fact.sentence.replace(" ", "")
        assert fact.clause and fact.clause in fact.sentence
        assert fact.page == section.page
    first = facts[0]
    assert (first.section_path, first.raw, first.subject) == (("一、总体情况", "（一）主动公开方面"), "4895条",
                                                              "制发公文类政府信息")
    assert first.sentence.startswith("2020年，我区共制发公文类政府信息4895条") and first.sentence.endswith("。")


@pytest.mark.parametrize(("raw", "subject", "value", "unit", "qualifier"), [
    ("104 万余条", "收到企业群众评价", "1040000", "条", "at_least"),
    ("182.18 万元", "罚没款", "1821800", "元", None),
    ("30 余场", "活动", "30", "场", "at_least"),
    ("约 7 亿次", "阅读数", "700000000", "次", "approximate"),
    ("98.28%", "主动公开率", "98.28", "%", None),
    ("264件", "予以公开及部分公开", "264", "件", None),
    ("30 项", "“一件事”改革事项", "30", "项", None),  # the counted noun follows the classifier
    ("50 万", "“宝山汇”融媒客户端下载量", "500000", "", None),  # 较前一年增加了: the subject before it
])
def test_issue_examples(seed, raw, subject, value, unit, qualifier):
    _, facts = seed
    fact = next(f for f in facts if f.raw == raw)
    assert (fact.subject, fact.value, fact.unit, fact.qualifier) == (subject, Decimal(value), unit, qualifier)


def test_no_year_date_ordinal_or_document_number_is_a_fact(seed):
    report, facts = seed
    values = {f.value for f in facts if f.unit == ""}
    assert not values & {Decimal(2020), Decimal(2019), Decimal(2021), Decimal(2015), Decimal(2010)}
    raws = " ".join(f.raw for f in facts)
    for not_a_figure in ("2020", "2019", "112", "127", "128", "第七", "十四五", "1+3", "75", "三期", "十九"):
        assert not any(f.raw.strip().startswith(not_a_figure) and f.unit in ("", "次", "周", "期")
                       and f.raw.strip() != "12期" for f in facts), (not_a_figure, raws)
    section = Section(path=("一、总体情况",), title="一、总体情况", level=1, page=3, text=(
        "根据《关于做好2020年政务公开工作的通知》（沪府办〔2020〕15号）要求，区政府第112次常务会议于2020年3月5日"
        "审议通过，自2020年1月1日起施行，第七批次选房于12月31日完成，咨询电话021-66135566。"))
    assert extract_facts([section]) == []


def test_sentences_and_page_breaks():
    # A line cut by a page break carries the sentence's punctuation; a short bare line is a heading.
    text = "第一句有3件。第二句，在前期\n跨了页有4件；\n小标题\n第三句有5件"
    spans = sentence_spans(text)
    assert [text[s:e] for s, e in spans] == ["第一句有3件。", "第二句，在前期\n跨了页有4件；", "小标题", "第三句有5件"]
    section = Section(path=("一、总体情况",), title="", level=1, text="共受理申请2\n件，答复重复申请23\n件。", page=2)
    facts = extract_facts([section])
    assert [(f.value, f.unit, f.page) for f in facts] == [(Decimal(2), "件", 2), (Decimal(23), "件", 2)]
    assert facts[1].sentence == "共受理申请2件，答复重复申请23件。"


def test_bad_input_gives_no_facts():
    odd = [Section(path=(), title="", level=0, text=t) for t in ("", "。。。；；", "\n\n", "数字1", "约万余条")]
    assert isinstance(extract_facts(odd), list)
    assert extract_facts([]) == []


def test_the_report_carries_its_facts(seed):
    report, facts = seed
    assert [(f.raw, f.start) for f in report.facts] == [(f.raw, f.start) for f in facts]


@pytest.mark.parametrize(("text", "raw", "subject", "value", "unit", "qualifier"), [
    # held-out phrasings (tests/data/heldout_facts.json)
    ("全年惠及群众万余人次，八成以上资金通过“一卡通”直接发放到户。", "八成以上", "资金", "80", "%", "at_least"),
    ("平均答复时间为8.6个工作日，约三分之一的申请在10个工作日内办结。", "约三分之一", "申请", "33.33", "%", "approximate"),
    ("网上可办率98%以上，全程网办事项占比超过七成。", "超过七成", "全程网办事项", "70", "%", "at_least"),
    ("新增城镇就业2360人，城镇登记失业率控制在3.5%以内。", "3.5%以内", "城镇登记失业率", "3.5", "%", "at_most"),
    ("全年召开新闻发布会一次、政策吹风会3场。", "一次", "召开新闻发布会", "1", "次", None),
    ("全年通过门户网站主动公开政府信息逾千件。", "逾千件", "门户网站主动公开政府信息", "1000", "件", "at_least"),
])
def test_heldout_style_subjects(text, raw, subject, value, unit, qualifier):
    section = Section(path=("一、总体情况",), title="一、总体情况", level=1, page=1, text=text)
    fact = next(f for f in extract_facts([section]) if f.raw == raw)
    assert (fact.subject, fact.value, fact.unit, fact.qualifier) == (subject, Decimal(value), unit, qualifier)
