"""The project's template data against the shared specification, and label matching on real variants."""

from __future__ import annotations

import pytest
import yaml

from extractors import labels
from extractors.template import load_template
from tests.conftest import SHARED

SPEC = SHARED / "spec" / "template-keys.yaml"


def test_key_counts_of_both_editions():
    t = load_template()
    assert len(t.keys("ed2019")) == 198
    assert len(t.keys("ed2021")) == 200
    assert len(t.keys("ed2021", other_split=False)) == 186  # the mixed layout: 其他处理 as one row
    assert len(set(t.keys("ed2021"))) == 200


@pytest.mark.skipif(not SPEC.exists(), reason="shared/spec is beside the project only in a full checkout")
def test_keys_match_the_shared_specification():
    spec = yaml.safe_load(SPEC.read_text(encoding="utf-8"))["tables"]
    t = load_template()
    for edition in ("ed2019", "ed2021"):
        proactive = spec["proactive"][edition]
        expected = {
            f"proactive.{row}.{col}"
            for row in proactive["rows"]
            for col in proactive["columns"][row.split(".")[0]]
        }
        assert {k for k in t.keys(edition) if k.startswith("proactive.")} == expected
    ours = {k for ed in ("ed2019", "ed2021") for k in t.keys(ed) if k.startswith("requests.")}
    ours |= {k for k in t.keys("ed2021", other_split=False) if k.startswith("requests.")}
    req = spec["requests"]
    assert ours == {f"requests.{r}.{c}" for r in req["rows"] for c in req["columns"]}
    app = spec["appeals"]
    assert {k for k in t.keys("ed2019") if k.startswith("appeals.")} == {
        f"appeals.{g}.{c}" for g in app["groups"] for c in app["columns"]}


@pytest.mark.parametrize("printed, key", [
    ("三、本年度办理结果", None),
    ("1．属于国家秘密", "result.withheld.state_secret"),
    ("(二) 部分公开(区分处理的,只计这一情形,不计其他情形)", "result.partial"),
    ("2.其他法律行政法规禁止公开", "result.withheld.law_forbidden"),
    ("2.其他法律行政止公开", "result.withheld.law_forbidden"),  # a word missing, as printed in a real report
    ("3.危及\"三安全一稳定\"", "result.withheld.three_safety"),
    ("一、本年新收政府信息\n公开申请数量", "received"),
    ("四 、结转下年度继续办理", "carried_forward"),
    ("2.其他法律行", "result.withheld.law_forbidden"),  # the head a page end left of it (the tail on the next page)
    ("1.申请人无正当理由逾期不补", "result.other.no_supplement"),
    ("3.危及", None),  # two characters are no head: they name nothing
    # abbreviated to their key words, as some bodies print them: pieces of one label, in order
    ("国家秘密", "result.withheld.state_secret"),
    ("2、法律法规禁止", "result.withheld.law_forbidden"),
    ("内部事务信息", "result.withheld.internal_affairs"),
    ("需另行制作", "result.unable.need_creation"),
    ("逾期未缴费", "result.other.unpaid_fee"),
    ("政府信息公开申请", None),  # the words both 其他处理 rows end on: a tie, never a guess
    ("2.申请人逾期未按要求缴费、行政机关不再处理", "result.other.unpaid_fee"),  # pieces of two characters on average
    ("一、政府信息公开申请本年新收数量", "received"),  # its words reordered
    ("二、政府信息公开申请上年结转数量", "carried_over"),
    ("1.涉及国家秘密", "result.withheld.state_secret"),  # a word of two characters the label lacks before them
    ("7.行政执法案卷信息", "result.withheld.enforcement_file"),  # … or after them
    ("1.申请人逾期不补正，不再处理", "result.other.no_supplement"),  # a comma between pieces
])
def test_request_row_labels_match_by_meaning(printed, key):
    cands = [(r.key, r.labels) for r in load_template().request_rows if not r.row_of_group]
    match = labels.best_match(printed, cands)
    if key is None:
        assert match is None or labels.is_ambiguous(match) or match.score < 90
    else:
        assert match is not None and match.key == key and not labels.is_ambiguous(match)


def test_core_strips_numbering_width_and_notes():
    assert labels.core("（ 一 ）予以公开") == "予以公开"
    assert labels.core("规章（设区的市应提供相关数据）") == "规章"
    assert labels.core("社会\n公益\n组织") == "社会公益组织"
    assert labels.core("１．属于国家秘密") == "属于国家秘密"


def test_a_head_two_labels_share_is_ambiguous():
    cands = [("a", ("属于行政执法案卷",)), ("b", ("属于行政查询事项",))]
    match = labels.best_match("属于行政", cands)
    assert match is not None and labels.is_ambiguous(match)
