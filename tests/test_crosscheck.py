"""extractors.crosscheck: narrative figures linked to the table cells they restate; disagreements flagged."""

from __future__ import annotations

from decimal import Decimal

import pytest

from extractors import read_report
from extractors.crosscheck import cross_check, rules
from extractors.facts import extract_facts
from extractors.records import Section
from tests.conftest import ROOT

SEED = ROOT / "data" / "raw" / "baoshan-2020-report.txt"


@pytest.fixture(scope="module")
def seed():
    return read_report(SEED)


def test_the_seeds_264_against_264_plus_8_is_flagged(seed):
    flags = [f for f in seed.flags if f.kind == "fact_mismatch"]
    assert len(flags) == 1
    flag = flags[0]
    assert (flag.where, flag.expected, flag.found) == ("disclosed_and_partial", Decimal(272), Decimal(264))
    assert flag.key == "requests.result.disclosed.total+requests.result.partial.total"
    assert "264件" in flag.message and "予以公开及部分公开264件" in flag.message and "272" in flag.message


@pytest.mark.parametrize(("raw", "clause_has", "key"), [
    ("663件", "受理", "requests.received.total"),
    ("695件", "答复", "requests.result.total.total"),
    ("73件", "结转", "requests.carried_over.total"),
    ("41件", "顺延", "requests.carried_forward.total"),
    ("8件", "部分公开", "requests.result.partial.total"),
    ("17件", "不予公开", "requests.result.withheld.*.total"),
    ("356件", "无法提供", "requests.result.unable.*.total"),
    ("284件", "不掌握", "requests.result.unable.not_held.total"),
    ("24件", "不予处理", "requests.result.not_processed.*.total"),
    ("23件", "重复申请", "requests.result.not_processed.duplicate.total"),
    ("26件", "其他处理", "requests.result.other.total"),
    ("25件", "行政复议", "appeals.review.total"),
    ("30件", "行政诉讼", "appeals.litigation_direct.total+appeals.litigation_after_review.total"),
])
def test_matching_figures_are_linked_without_a_flag(seed, raw, clause_has, key):
    fact = next(f for f in seed.facts if f.raw == raw and clause_has in f.clause)
    assert fact.linked_key == key
    assert not any(f.kind == "fact_mismatch" and f.found == fact.value and f.key == key for f in seed.flags)


def test_figures_no_table_holds_stay_unlinked(seed):
    linked = [f for f in seed.facts if f.linked_key]
    assert len(linked) == 21  # the 依申请公开 and 复议/诉讼 paragraphs, nothing else
    assert {f.section_path[-1] for f in linked} == {"（二）依申请公开方面"}
    for raw in ("4895条", "182.18 万元", "48 户", "2450 户", "514 家", "10 余个"):
        assert next(f for f in seed.facts if f.raw == raw).linked_key is None, raw


def _facts(text: str, path=("一、总体情况", "（二）依申请公开")):
    return extract_facts([Section(path=path, title=path[-1], level=2, text=text, page=1)])


def test_sums_editions_and_what_never_links():
    values = {"requests.received.total": Decimal(103), "requests.result.other.no_supplement.total": Decimal(3),
              "requests.result.other.unpaid_fee.total": Decimal(0), "requests.result.other.other.total": Decimal(3),
              "requests.result.disclosed.total": Decimal(42), "requests.carried_over.total": None,
              "proactive.art20_1.normative_docs.issued": Decimal(6)}
    facts, flags = cross_check(_facts(
        "全年新收政府信息公开申请103件，其他处理6件，予以公开约42件，上年结转6件。2021年受理申请90件。"
        "新制发行政规范性文件6件。"), values)
    assert [(f.raw, f.linked_key) for f in facts] == [
        ("103件", "requests.received.total"),
        ("6件", "requests.result.other.*.total"),  # 2021 edition: three sub-rows summed
        ("约42件", None),  # an approximate figure restates no cell
        ("6件", None),  # the cell is unreadable
        ("90件", None),  # another year
        ("6件", "proactive.art20_1.normative_docs.issued"),  # the edition's name for 本年制发
    ]
    assert flags == []
    facts, flags = cross_check(_facts("全年新收政府信息公开申请104件。"), values)
    assert [(f.kind, f.where, f.expected, f.found) for f in flags] == [
        ("fact_mismatch", "received", Decimal(103), Decimal(104))]


def test_other_channels_counted_beside_the_requests_never_link():
    """Consultations and hotline calls counted in the 依申请公开 section are no 政府信息公开申请."""
    values = {"requests.received.total": Decimal(134)}
    facts, flags = cross_check(_facts("全年通过12345热线受理群众咨询1200件，均在规定时限内办结。办理群众来电诉求56件。"
                                      "全年共受理政府信息公开申请134件。"), values)
    assert [(f.raw, f.linked_key) for f in facts] == [
        ("1200件", None), ("56件", None), ("134件", "requests.received.total")]
    assert flags == []


def test_a_report_without_tables_flags_nothing():
    facts, flags = cross_check(_facts("全年新收政府信息公开申请104件，行政复议3件。"), {})
    assert flags == [] and all(f.linked_key is None for f in facts)


def test_rules_are_data():
    names = [r.name for r in rules()]
    assert len(names) == len(set(names)) and "disclosed_and_partial" in names
    # the specific wording is tried before the general one
    assert names.index("unable.not_held") < names.index("unable")
    assert names.index("disclosed_and_partial") < names.index("disclosed") < names.index("partial")
