"""How the truth files were authored. The JSON files in ``truths/`` are the source of truth and are committed;
this script only re-creates them (``python -m tests.fixture_builder.author``), e.g. after a template change.

* baoshan-2020: figures and narrative parsed from the seed text /work/shared/corpus/baoshan-2020-report.txt
  (a copy is committed as tests/fixtures/baoshan-2020-text/baoshan-2020-report.txt).
* hejiang-2022, xuhui-2019-broken, jinan-2023-mixed: invented. Totals are computed from leaf figures so
  every identity holds; xuhui then gets deliberate misprints whose effect is written to expected_flags.
"""

from __future__ import annotations

import json
import re
from pathlib import Path

from extractors.template import load_template

from .truth import TEXT_TRUTH, TRUTHS_DIR, flags_from, identity_breaks, request_rows, template_keys, validate

HERE = Path(__file__).parent
SEED = HERE.parent / "fixtures" / "baoshan-2020-text" / "baoshan-2020-report.txt"
SEED_SHARED = Path("/work/shared/corpus/baoshan-2020-report.txt")
COLS = ("natural_person", "commercial", "research", "social_org", "legal_service", "other_org")
APPEAL_COLS = ("upheld", "corrected", "other", "pending")


# ----------------------------------------------------------------------------------------------- baoshan
def _seed_text() -> str:
    return (SEED if SEED.exists() else SEED_SHARED).read_text(encoding="utf-8")


def _ints(line: str) -> list[int]:
    return [int(f.replace(" ", "")) for f in line.split("\t") if re.fullmatch(r"\s*[-+]?\d+\s*", f)]


def baoshan() -> dict:
    text = _seed_text()
    lines = text.splitlines()
    truth = _skeleton("baoshan-2020", "2020年上海市宝山区政府信息公开工作年度报告", "上海市宝山区人民政府",
                      "上海市宝山区", 2020, "ed2019", False)
    cells = truth["cells"]
    t = load_template()
    # proactive: "label\tn\tn\tn" lines, matched by the template row label
    for block in t.proactive:
        for row in block.rows_for("ed2019"):
            line = next(ln for ln in lines if ln.split("\t")[0] == row.label)
            fields = [f for f in line.split("\t")[1:] if f.strip()]
            for col, f in zip(block.columns["ed2019"], fields):
                key = f"proactive.{block.key}.{row.key}.{col.key}"
                if col.money:
                    m = re.fullmatch(r"([\d.]+)\s*万元", f.strip())
                    cells[key] = round(float(m.group(1)) * 10000)
                    truth["printed"][key] = f.strip()
                else:
                    cells[key] = int(f)
    # requests: the 23 data lines, in template order, each ending in 7 figures
    start = lines.index("三、收到和处理政府信息公开申请情况")
    end = lines.index("四、政府信息公开行政复议、行政诉讼情况")
    data = [ln for ln in lines[start:end] if len(_ints(ln)) >= 7]
    rows = {r.key: r for r in t.request_rows}
    keys = request_rows(truth)
    assert len(data) == len(keys) == 23, (len(data), len(keys))
    for key, line in zip(keys, data):
        assert rows[key].label.replace("（", "(").replace("）", ")").replace("，", ",")[:6] in line.replace(
            "（", "("
        ).replace("）", ")").replace("，", ","), (key, line)
        for col, v in zip((*COLS, "total"), _ints(line)[-7:]):
            cells[f"requests.{key}.{col}"] = v
    # appeals: the one line of 15 figures
    figs = next(_ints(ln) for ln in lines[end:] if len(_ints(ln)) == 15)
    for gi, g in enumerate(t.appeal_groups):
        for ci, c in enumerate(t.appeal_columns):
            cells[f"appeals.{g.key}.{c.key}"] = figs[5 * gi + ci]
    truth["body"] = _seed_body(lines)
    # the seed's own narrative: "予以公开及部分公开264件" where the table has 264 disclosed + 8 partial
    truth["expected_flags"] = [{"kind": "fact_mismatch", "where": "disclosed_and_partial"}]
    return truth


def abridged(body: list[dict], max_paras: int = 2, max_len: int = 400) -> list[dict]:
    """The rendered baoshan keeps every heading but at most the first ``max_paras`` paragraphs under each,
    and none longer than ``max_len`` characters: the full narrative needs ~1600 distinct glyphs and the PDF's
    embedded font subset alone would pass 150 KB."""
    out: list[dict] = []
    n = 0
    for item in body:
        if "p" in item:
            n += 1
            if n > max_paras or len(item["p"]) > max_len:
                continue
        else:
            n = 0
        out.append(item)
    return out


def _seed_body(lines: list[str]) -> list[dict]:
    body: list[dict] = []
    skipping = False
    head = 0
    for raw in lines:
        line = re.sub(r"<(https?://[^>]+)>", r"\1", raw.strip().replace("**", ""))  # markdown residue
        if not line:
            continue
        if head < 2:  # the title line, then the issuer line
            head += 1
            continue
        if "\t" not in raw and re.match(r"^[一二三四五六]、", line):
            body.append({"h1": line})
            table = {"二": "proactive", "三": "requests", "四": "appeals"}.get(line[0])
            skipping = table is not None
            if table:
                body.append({"table": table})
            continue
        if skipping:
            continue
        if re.match(r"^（[一二三四五六七八九十]）", line):
            body.append({"h2": line})
        elif re.match(r"^\d+、", line):
            body.append({"h3": line})
        elif body and "p" in body[-1] and not re.search(r"[。！？；：]$", body[-1]["p"]):
            body[-1]["p"] += line  # a paragraph cut by a page break in the seed
        else:
            body.append({"p": line})
    return body


# ----------------------------------------------------------------------------------------------- helpers
# What the extractors must resolve each printed issuer to: the full normalised name and the division code.
_NORMALISED = {
    "baoshan-2020": ("上海市宝山区人民政府", "310113"),
    "hejiang-2022": ("四川省泸州市合江县人民政府", "510522"),
    "xuhui-2019-broken": ("上海市徐汇区人民政府", "310104"),
    "jinan-2023-mixed": ("山东省济南市人民政府", "370100"),
}


def _skeleton(name, title, issuer, region, year, edition, other_split) -> dict:
    full, code = _NORMALISED[name]
    truth = {"name": name, "title": title, "issuer": issuer, "issuer_full": full, "region": region,
             "admin_code": code, "year": year,
             "edition": edition, "other_split": other_split, "cells": {}, "printed": {}, "body": [],
             "expected_flags": []}
    truth["cells"] = {k: None for k in template_keys(truth)}
    return truth


def _fill_requests(truth: dict, leaves: dict[str, tuple], carried_over: tuple, carried_forward: tuple) -> None:
    """Leaf rows -> result.total; received = total + carried_forward - carried_over; every total column summed."""
    cells = truth["cells"]
    rows = request_rows(truth)
    result_leaves = [r for r in rows if r.startswith("result.") and r != "result.total"]
    zero = (0,) * 6
    table = {r: tuple(leaves.get(r, zero)) for r in result_leaves}
    unknown = set(leaves) - set(result_leaves)
    assert not unknown, unknown
    table["result.total"] = tuple(sum(table[r][i] for r in result_leaves) for i in range(6))
    table["carried_over"] = carried_over
    table["carried_forward"] = carried_forward
    table["received"] = tuple(
        table["result.total"][i] + carried_forward[i] - carried_over[i] for i in range(6)
    )
    assert min(table["received"]) >= 0, table["received"]
    for r, vals in table.items():
        for c, v in zip(COLS, vals):
            cells[f"requests.{r}.{c}"] = v
        cells[f"requests.{r}.total"] = sum(vals)


def _fill_appeals(truth: dict, groups: dict[str, tuple]) -> None:
    for g, vals in groups.items():
        for c, v in zip(APPEAL_COLS, vals):
            truth["cells"][f"appeals.{g}.{c}"] = v
        truth["cells"][f"appeals.{g}.total"] = sum(vals)


def _fill(truth: dict, values: dict[str, int], printed: dict[str, str] | None = None) -> None:
    for k, v in values.items():
        assert k in truth["cells"], k
        truth["cells"][k] = v
    truth["printed"].update(printed or {})


def _body(preamble: str, sections: list[tuple[str, list]]) -> list[dict]:
    """sections: (h1, items); items are str paragraphs, ("h2", text), ("h3", text) or ("table", name)."""
    body = [{"p": preamble}]
    for h1, items in sections:
        body.append({"h1": h1})
        for it in items:
            body.append({"p": it} if isinstance(it, str) else {it[0]: it[1]})
    return body


# ----------------------------------------------------------------------------------------------- hejiang
def hejiang() -> dict:
    truth = _skeleton("hejiang-2022", "2022年合江县政府信息公开工作年度报告", "合江县人民政府",
                      "四川省泸州市合江县", 2022, "ed2021", True)
    p = "proactive."
    _fill(truth, {
        p + "art20_1.regulations.issued": 0, p + "art20_1.regulations.repealed": 0,
        p + "art20_1.regulations.in_force": 0,
        p + "art20_1.normative_docs.issued": 6, p + "art20_1.normative_docs.repealed": 2,
        p + "art20_1.normative_docs.in_force": 31,
        p + "art20_5.licensing.decisions": 4127,
        p + "art20_6.penalty.decisions": 1385, p + "art20_6.coercion.decisions": 57,
        p + "art20_8.fees.amount_yuan": 567800,
    }, {
        p + "art20_1.regulations.issued": "—", p + "art20_1.regulations.repealed": "—",
        p + "art20_1.regulations.in_force": "—",
        p + "art20_8.fees.amount_yuan": "56.78",
    })
    _fill_requests(truth, {
        "result.disclosed": (38, 3, 0, 0, 1, 0),
        "result.partial": (4, 0, 0, 0, 0, 0),
        "result.withheld.three_safety": (1, 0, 0, 0, 0, 0),
        "result.withheld.third_party": (2, 0, 0, 0, 0, 0),
        "result.withheld.internal_affairs": (1, 0, 0, 0, 0, 0),
        "result.withheld.process_info": (3, 1, 0, 0, 0, 0),
        "result.withheld.enforcement_file": (1, 0, 0, 0, 0, 0),
        "result.withheld.admin_query": (2, 0, 0, 0, 0, 0),
        "result.unable.not_held": (21, 2, 0, 0, 1, 0),
        "result.unable.need_creation": (5, 0, 0, 0, 0, 0),
        "result.unable.unclear": (3, 0, 0, 0, 0, 0),
        "result.not_processed.petition": (2, 0, 0, 0, 0, 0),
        "result.not_processed.duplicate": (4, 1, 0, 0, 0, 0),
        "result.not_processed.mass_repeat": (1, 0, 0, 0, 0, 0),
        "result.other.no_supplement": (3, 0, 0, 0, 0, 0),
        "result.other.other": (2, 0, 0, 0, 0, 1),
    }, carried_over=(5, 1, 0, 0, 0, 0), carried_forward=(6, 0, 0, 0, 0, 0))
    # research column printed "—" throughout; the 未缴纳费用 row printed empty
    for r in request_rows(truth):
        truth["printed"][f"requests.{r}.research"] = "—"
    for c in (*COLS, "total"):
        truth["printed"][f"requests.result.other.unpaid_fee.{c}"] = ""
    _fill_appeals(truth, {"review": (2, 1, 0, 1), "litigation_direct": (1, 0, 0, 1),
                          "litigation_after_review": (0, 0, 0, 0)})
    for c in (*APPEAL_COLS, "total"):
        truth["printed"][f"appeals.litigation_after_review.{c}"] = "—"
    c = truth["cells"]
    received = c["requests.received.total"]
    answered = c["requests.result.total.total"]
    truth["body"] = _body(
        "本报告根据《中华人民共和国政府信息公开条例》（以下简称《条例》）和《国务院办公厅政府信息与政务公开办公室关于印发"
        "〈中华人民共和国政府信息公开工作年度报告格式〉的通知》（国办公开办函〔2021〕30号）要求，由合江县人民政府办公室"
        "编制。报告所列数据的统计期限自2022年1月1日起至2022年12月31日止。本报告电子版可在合江县人民政府门户网站"
        "（http://www.hejiang.gov.cn）查阅或下载。如对本报告有疑问，请与合江县人民政府办公室联系（电话：0830-5212345）。",
        [
            ("一、总体情况", [
                "2022年，合江县坚持以习近平新时代中国特色社会主义思想为指导，认真贯彻落实党中央、国务院关于全面推进"
                "政务公开的决策部署和省、市政务公开工作要点，以公开促落实、强监管、优服务，政府信息公开工作取得新成效。",
                ("h2", "（一）主动公开"),
                f"全年通过县政府门户网站主动公开政府信息12846条，其中政策文件公开186件，新制发行政规范性文件6件，"
                f"废止2件，现行有效行政规范性文件31件。发布政策解读材料52篇，其中图解、视频等多元化解读27篇。",
                ("h2", "（二）依申请公开"),
                f"全年新收政府信息公开申请{received}件，上年结转{c['requests.carried_over.total']}件，办结{answered}件，"
                f"结转下年度继续办理6件。其中予以公开42件，部分公开4件，不予公开11件，无法提供32件，不予处理8件，其他处理6件。"
                "全年因政府信息公开被申请行政复议4件，提起行政诉讼2件。",
                ("h2", "（三）政府信息管理"),
                "严格落实公开前保密审查和合法性审查制度，全年开展行政规范性文件清理1次，动态更新政府信息公开目录和公开指南。",
                ("h2", "（四）平台建设"),
                "持续推进县政府门户网站集约化建设，优化政府信息公开专栏，“合江发布”政务新媒体全年发布信息3265条。",
                ("h2", "（五）监督保障"),
                "将政务公开工作纳入年度目标考核，组织全县政务公开业务培训2次，培训人员160余人次。",
            ]),
            ("二、主动公开政府信息情况", [("table", "proactive")]),
            ("三、收到和处理政府信息公开申请情况", [("table", "requests")]),
            ("四、政府信息公开行政复议、行政诉讼情况", [("table", "appeals")]),
            ("五、存在的主要问题及改进情况", [
                "2022年，我县政府信息公开工作虽取得一定成效，但仍存在部分乡镇公开内容更新不及时、政策解读形式较为单一等问题。",
                "下一步，我县将加强政务公开业务培训，健全信息发布审核机制，丰富政策解读方式，进一步提升政务公开质量。",
            ]),
            ("六、其他需要报告的事项", [
                "本年度未收取信息处理费。2022年共办理人大代表建议58件、政协提案97件，办复率100%，办理结果已按规定公开。",
            ]),
        ],
    )
    return truth


# ----------------------------------------------------------------------------------------------- xuhui
def xuhui() -> dict:
    truth = _skeleton("xuhui-2019-broken", "2019年上海市徐汇区政府信息公开工作年度报告", "上海市徐汇区人民政府",
                      "上海市徐汇区", 2019, "ed2019", False)
    p = "proactive."
    _fill(truth, {
        p + "art20_1.regulations.made": 0, p + "art20_1.regulations.published": 0,
        p + "art20_1.regulations.total_published": 0,
        p + "art20_1.normative_docs.made": 12, p + "art20_1.normative_docs.published": 12,
        p + "art20_1.normative_docs.total_published": 186,
        p + "art20_5.licensing.prev_items": 412, p + "art20_5.licensing.change": 5,
        p + "art20_5.licensing.decisions": 128765,
        p + "art20_5.other_services.prev_items": 356, p + "art20_5.other_services.change": -12,
        p + "art20_5.other_services.decisions": 60231,
        p + "art20_6.penalty.prev_items": 1890, p + "art20_6.penalty.change": 36,
        p + "art20_6.penalty.decisions": 9876,
        p + "art20_6.coercion.prev_items": 98, p + "art20_6.coercion.change": 0,
        p + "art20_6.coercion.decisions": 1203,
        p + "art20_8.fees.prev_items": 27, p + "art20_8.fees.change": -2,
        p + "art20_9.procurement.items": 512, p + "art20_9.procurement.amount_yuan": 856325000,
    }, {
        p + "art20_5.licensing.change": "+5",
        p + "art20_5.licensing.decisions": "128,765",
        p + "art20_6.penalty.change": "+36",
        p + "art20_6.penalty.decisions": "9,876",
        p + "art20_9.procurement.amount_yuan": "85632.5万元",
    })
    _fill_requests(truth, {
        "result.disclosed": (312, 18, 1, 2, 3, 1),
        "result.partial": (27, 2, 0, 0, 1, 0),
        "result.withheld.state_secret": (1, 0, 0, 0, 0, 0),
        "result.withheld.law_forbidden": (2, 0, 0, 0, 0, 0),
        "result.withheld.third_party": (6, 1, 0, 0, 0, 0),
        "result.withheld.internal_affairs": (4, 0, 0, 0, 0, 0),
        "result.withheld.process_info": (9, 1, 0, 0, 1, 0),
        "result.withheld.enforcement_file": (3, 0, 0, 0, 0, 0),
        "result.withheld.admin_query": (15, 1, 0, 0, 0, 0),
        "result.unable.not_held": (188, 9, 0, 1, 2, 0),
        "result.unable.need_creation": (24, 2, 0, 0, 0, 0),
        "result.unable.unclear": (17, 0, 0, 0, 0, 1),
        "result.not_processed.petition": (11, 0, 0, 0, 0, 0),
        "result.not_processed.duplicate": (19, 1, 0, 0, 0, 0),
        "result.not_processed.publication": (1, 0, 0, 0, 0, 0),
        "result.not_processed.mass_repeat": (6, 0, 0, 0, 0, 0),
        "result.not_processed.confirm": (2, 0, 0, 0, 0, 0),
        "result.other": (21, 1, 0, 0, 0, 0),
    }, carried_over=(48, 3, 0, 0, 1, 0), carried_forward=(35, 2, 0, 0, 0, 0))
    _fill_appeals(truth, {"review": (14, 2, 1, 3), "litigation_direct": (9, 0, 1, 2),
                          "litigation_after_review": (4, 0, 0, 1)})
    c = truth["cells"]
    consistent_received = c["requests.received.total"]
    # Deliberate misprints. (1) received total printed 1 too high -> row_total@received; on its own it would
    # also break balance@total, but (2) the carried_forward row is printed 1 too high for natural persons
    # *and* in its total (that row still adds up) -> balance@natural_person, and the two +1 in the total
    # column cancel, so balance@total holds. (3) the review total is 1 too high -> group_total@review.
    c["requests.received.total"] += 1
    c["requests.carried_forward.natural_person"] += 1
    c["requests.carried_forward.total"] += 1
    c["appeals.review.total"] += 1
    truth["expected_flags"] = [
        {"kind": "identity", "identity": "requests.row_total", "where": "received"},
        {"kind": "identity", "identity": "requests.balance", "where": "natural_person"},
        {"kind": "identity", "identity": "appeals.group_total", "where": "review"},
        # the narrative quotes the figures before the misprints: 702 received, 37 carried forward
        {"kind": "fact_mismatch", "where": "received"},
        {"kind": "fact_mismatch", "where": "carried_forward"},
    ]
    truth["body"] = _body(
        "本年度报告根据《中华人民共和国政府信息公开条例》（以下简称《条例》）和《上海市政府信息公开规定》要求，由徐汇区人民政府"
        "办公室编制。全文包括总体情况、主动公开政府信息情况、收到和处理政府信息公开申请情况、政府信息公开行政复议和行政诉讼情况、"
        "存在的主要问题及改进情况、其他需要报告的事项。本年度报告中所列数据统计期限自2019年1月1日起至2019年12月31日止。",
        [
            ("一、总体情况", [
                "2019年，徐汇区认真贯彻新修订的《条例》，围绕区委、区政府中心工作，持续深化政务公开，推进决策、执行、管理、"
                "服务、结果公开。",
                ("h2", "（一）主动公开情况"),
                ("h3", "1、推进重点领域信息公开"),
                "全年主动公开政府信息9800余条，其中制发规范性文件12件，全部向社会公开。",
                ("h3", "2、加强政策解读"),
                "坚持政策文件与解读材料同步起草、同步审签、同步发布，全年发布解读材料87篇。",
                ("h2", "（二）依申请公开情况"),
                f"全年共收到政府信息公开申请{consistent_received}件，上年结转52件，结转下年度继续办理37件。",
                ("h2", "（三）政府信息管理情况"),
                "完善政府信息公开属性源头认定机制，开展公文类信息公开属性复核。",
                ("h2", "（四）平台建设情况"),
                "优化区政府门户网站政府信息公开专栏，按新《条例》调整栏目设置。",
                ("h2", "（五）监督保障情况"),
                "组织政务公开业务培训3次，将政务公开纳入绩效考核。",
            ]),
            ("二、主动公开政府信息情况", [("table", "proactive")]),
            ("三、收到和处理政府信息公开申请情况", [("table", "requests")]),
            ("四、政府信息公开行政复议、行政诉讼情况", [("table", "appeals")]),
            ("五、存在的主要问题及改进情况", [
                "一是公开内容的规范性有待加强；二是依申请公开答复质量有待提高。2020年，我区将进一步完善工作机制，提升公开实效。",
            ]),
            ("六、其他需要报告的事项", ["无。"]),
        ],
    )
    return truth


# ----------------------------------------------------------------------------------------------- jinan
def jinan() -> dict:
    truth = _skeleton("jinan-2023-mixed", "济南市2023年政府信息公开工作年度报告", "济南市人民政府",
                      "山东省济南市", 2023, "ed2021", False)
    p = "proactive."
    _fill(truth, {
        p + "art20_1.regulations.issued": 3, p + "art20_1.regulations.repealed": 1,
        p + "art20_1.regulations.in_force": 88,
        p + "art20_1.normative_docs.issued": 41, p + "art20_1.normative_docs.repealed": 17,
        p + "art20_1.normative_docs.in_force": 356,
        p + "art20_5.licensing.decisions": 215634,
        p + "art20_6.penalty.decisions": 40217, p + "art20_6.coercion.decisions": 1836,
        p + "art20_8.fees.amount_yuan": 123456700,
    }, {p + "art20_8.fees.amount_yuan": "12345.67"})
    _fill_requests(truth, {
        "result.disclosed": (612, 45, 2, 3, 9, 4),
        "result.partial": (88, 6, 0, 0, 2, 0),
        "result.withheld.state_secret": (2, 0, 0, 0, 0, 0),
        "result.withheld.law_forbidden": (5, 1, 0, 0, 0, 0),
        "result.withheld.three_safety": (3, 0, 0, 0, 0, 0),
        "result.withheld.third_party": (14, 2, 0, 0, 0, 0),
        "result.withheld.internal_affairs": (9, 0, 0, 0, 0, 0),
        "result.withheld.process_info": (21, 3, 0, 0, 1, 0),
        "result.withheld.enforcement_file": (7, 0, 0, 0, 0, 0),
        "result.withheld.admin_query": (26, 1, 0, 0, 0, 0),
        "result.unable.not_held": (402, 31, 1, 2, 5, 2),
        "result.unable.need_creation": (53, 4, 0, 0, 0, 0),
        "result.unable.unclear": (38, 2, 0, 0, 1, 0),
        "result.not_processed.petition": (29, 1, 0, 0, 0, 0),
        "result.not_processed.duplicate": (47, 3, 0, 0, 0, 1),
        "result.not_processed.publication": (4, 0, 0, 0, 0, 0),
        "result.not_processed.mass_repeat": (12, 0, 0, 0, 0, 0),
        "result.not_processed.confirm": (6, 0, 0, 0, 0, 0),
        "result.other": (97, 8, 0, 1, 2, 1),
    }, carried_over=(73, 6, 0, 0, 1, 0), carried_forward=(91, 5, 0, 1, 0, 0))
    _fill_appeals(truth, {"review": (31, 4, 6, 9), "litigation_direct": (12, 1, 3, 8),
                          "litigation_after_review": (6, 0, 2, 4)})
    c = truth["cells"]
    truth["body"] = _body(
        "本报告依据《中华人民共和国政府信息公开条例》和国务院办公厅政府信息与政务公开办公室印发的年度报告格式编制，"
        "报告所列数据统计期限为2023年1月1日至2023年12月31日。",
        [
            ("一、总体情况", [
                "2023年，济南市深入贯彻落实党中央、国务院关于全面推进政务公开的部署要求，围绕建设“强新优富美高”新时代"
                "社会主义现代化强省会，持续提升政务公开标准化规范化水平。",
                ("h2", "（一）主动公开"),
                "全市制发规章3件、行政规范性文件41件，均按规定在政府网站公开，同步发布政策解读材料98篇。",
                ("h2", "（二）依申请公开"),
                f"全年新收政府信息公开申请{c['requests.received.total']}件，上年结转{c['requests.carried_over.total']}件，"
                f"办结{c['requests.result.total.total']}件。",
                ("h2", "（三）政府信息管理"),
                "建立健全政府信息公开属性动态调整机制，全年复核历史公文2300余件。",
                ("h2", "（四）平台建设"),
                "升级市政府门户网站政府信息公开平台，推进政策文件库建设。",
                ("h2", "（五）监督保障"),
                "开展政务公开第三方评估，组织业务培训5场次。",
            ]),
            ("二、主动公开政府信息情况", [("table", "proactive")]),
            ("三、收到和处理政府信息公开申请情况", [("table", "requests")]),
            ("四、政府信息公开行政复议、行政诉讼情况", [("table", "appeals")]),
            ("五、存在的主要问题及改进情况", [
                "政策解读的针对性还需增强，基层政务公开专区建设仍不平衡。下一步将加强统筹指导，推动政务公开提质增效。",
            ]),
            ("六、其他需要报告的事项", [
                "本年度依据《政府信息公开信息处理费管理办法》收取信息处理费0元。",
            ]),
        ],
    )
    return truth


def baoshan_rendered() -> dict:
    truth = baoshan()
    truth["body"] = abridged(truth["body"])
    return truth


AUTHORS = {"baoshan-2020": baoshan_rendered, "hejiang-2022": hejiang, "xuhui-2019-broken": xuhui,
           "jinan-2023-mixed": jinan}


def _seed_text_truth() -> dict:
    return baoshan()


def write_all() -> list[Path]:
    out = []
    TRUTHS_DIR.mkdir(exist_ok=True)
    (TRUTHS_DIR / "text").mkdir(exist_ok=True)
    jobs = [(TRUTHS_DIR / f"{name}.json", fn) for name, fn in AUTHORS.items()]
    jobs.append((TEXT_TRUTH, _seed_text_truth))  # the seed text keeps its full narrative
    for path, fn in jobs:
        truth = fn()
        if not truth["printed"]:
            del truth["printed"]
        if not truth["expected_flags"]:
            del truth["expected_flags"]
        validate(truth)
        assert flags_from(identity_breaks(truth)) == sorted(
            (f for f in truth.get("expected_flags", []) if f["kind"] == "identity"),
            key=lambda f: (f["kind"], f["identity"], f["where"]),
        )
        path.write_text(json.dumps(truth, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
        out.append(path)
    return out


if __name__ == "__main__":
    for p in write_all():
        print(p)
