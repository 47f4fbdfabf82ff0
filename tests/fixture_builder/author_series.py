"""Truths for comparisons across years and divisions (``python -m tests.fixture_builder.author_series``).

Invented figures that keep every template identity (totals are computed from leaves by author's helpers):

* baoshan-2021, baoshan-2022: the same body as baoshan-2020 in later years (a series for ``gongkai compare``);
  baoshan-2022's 行政强制 decisions are more than 5× those of 2021 — the jump the quality check must flag.
* minhang-2020: another Shanghai district in the 2019 edition.
* hejiang-edu-2022: a department (合江县教育局) — same division code as the county, issuer_kind department.
* luxian-2022 and luzhou-2022: 泸州市's figures are, cell by cell, hejiang-2022 + luxian-2022, so the
  city-against-children check holds on the fixtures (tests break it on purpose).
"""

from __future__ import annotations

import json

from .author import _body, _fill, _fill_appeals, _fill_requests
from .truth import TRUTHS_DIR, identity_breaks, template_keys, validate

P = "proactive."


def _skeleton(name: str, title: str, issuer: str, issuer_full: str, region: str, code: str, year: int,
              edition: str, other_split: bool) -> dict:
    truth = {"name": name, "title": title, "issuer": issuer, "issuer_full": issuer_full, "region": region,
             "admin_code": code, "year": year, "edition": edition, "other_split": other_split, "cells": {},
             "printed": {}, "body": [], "expected_flags": []}
    truth["cells"] = {k: None for k in template_keys(truth)}
    return truth


def _narrative(truth: dict, who: str) -> list[dict]:
    c = truth["cells"]
    year = truth["year"]
    return _body(
        f"本报告根据《中华人民共和国政府信息公开条例》要求，由{who}编制。报告所列数据的统计期限自{year}年1月1日起至"
        f"{year}年12月31日止。",
        [
            ("一、总体情况", [
                f"{year}年，{who}认真贯彻落实政务公开工作要点，持续提升政府信息公开质量。",
                ("h2", "（一）主动公开"),
                "围绕重点领域持续做好信息发布，同步发布政策解读材料。",
                ("h2", "（二）依申请公开"),
                f"全年新收政府信息公开申请{c['requests.received.total']}件，办结{c['requests.result.total.total']}件。",
            ]),
            ("二、主动公开政府信息情况", [("table", "proactive")]),
            ("三、收到和处理政府信息公开申请情况", [("table", "requests")]),
            ("四、政府信息公开行政复议、行政诉讼情况", [("table", "appeals")]),
            ("五、存在的主要问题及改进情况", ["政策解读形式仍较单一，下一步将加强培训，提升公开实效。"]),
            ("六、其他需要报告的事项", ["本年度未收取信息处理费。"]),
        ],
    )


def _ed2021_proactive(reg: tuple[int, int, int], docs: tuple[int, int, int], licensing: int, penalty: int,
                      coercion: int, fees_yuan: int) -> dict[str, int]:
    out = {}
    for row, vals in (("regulations", reg), ("normative_docs", docs)):
        for col, v in zip(("issued", "repealed", "in_force"), vals):
            out[f"{P}art20_1.{row}.{col}"] = v
    out[f"{P}art20_5.licensing.decisions"] = licensing
    out[f"{P}art20_6.penalty.decisions"] = penalty
    out[f"{P}art20_6.coercion.decisions"] = coercion
    out[f"{P}art20_8.fees.amount_yuan"] = fees_yuan
    return out


def baoshan_2021() -> dict:
    truth = _skeleton("baoshan-2021", "2021年上海市宝山区政府信息公开工作年度报告", "上海市宝山区人民政府",
                      "上海市宝山区人民政府", "上海市宝山区", "310113", 2021, "ed2021", True)
    _fill(truth, _ed2021_proactive((0, 0, 0), (14, 3, 83), 351204, 16583, 1322, 0))
    _fill_requests(truth, {
        "result.disclosed": (241, 12, 0, 1, 3, 1),
        "result.partial": (12, 1, 0, 0, 0, 0),
        "result.withheld.third_party": (5, 1, 0, 0, 0, 0),
        "result.withheld.process_info": (7, 0, 0, 0, 0, 0),
        "result.withheld.admin_query": (9, 0, 0, 0, 0, 0),
        "result.unable.not_held": (196, 8, 0, 0, 2, 1),
        "result.unable.need_creation": (14, 1, 0, 0, 0, 0),
        "result.unable.unclear": (11, 0, 0, 0, 0, 0),
        "result.not_processed.petition": (8, 0, 0, 0, 0, 0),
        "result.not_processed.duplicate": (17, 1, 0, 0, 0, 0),
        "result.other.no_supplement": (12, 0, 0, 0, 0, 0),
        "result.other.other": (6, 1, 0, 0, 0, 0),
    }, carried_over=(41, 0, 0, 0, 0, 0), carried_forward=(42, 3, 0, 0, 1, 0))  # 2020 carried 41 forward
    _fill_appeals(truth, {"review": (11, 2, 1, 2), "litigation_direct": (6, 0, 1, 1),
                          "litigation_after_review": (2, 0, 0, 1)})
    truth["body"] = _narrative(truth, "上海市宝山区人民政府办公室")
    return truth


def baoshan_2022() -> dict:
    truth = _skeleton("baoshan-2022", "2022年上海市宝山区政府信息公开工作年度报告", "上海市宝山区人民政府",
                      "上海市宝山区人民政府", "上海市宝山区", "310113", 2022, "ed2021", True)
    # 行政强制 8 455 against 1 322 in 2021 (6.4×): the jump case
    _fill(truth, _ed2021_proactive((0, 0, 0), (11, 5, 89), 368910, 17240, 8455, 0))
    _fill_requests(truth, {
        "result.disclosed": (268, 15, 1, 0, 2, 1),
        "result.partial": (18, 2, 0, 0, 0, 0),
        "result.withheld.third_party": (6, 0, 0, 0, 0, 0),
        "result.withheld.internal_affairs": (2, 0, 0, 0, 0, 0),
        "result.withheld.process_info": (9, 1, 0, 0, 0, 0),
        "result.withheld.admin_query": (12, 0, 0, 0, 0, 0),
        "result.unable.not_held": (231, 10, 0, 1, 3, 0),
        "result.unable.need_creation": (16, 0, 0, 0, 0, 0),
        "result.unable.unclear": (9, 1, 0, 0, 0, 0),
        "result.not_processed.petition": (10, 0, 0, 0, 0, 0),
        "result.not_processed.duplicate": (22, 2, 0, 0, 0, 0),
        "result.not_processed.mass_repeat": (3, 0, 0, 0, 0, 0),
        "result.other.no_supplement": (14, 1, 0, 0, 0, 0),
        "result.other.other": (5, 0, 0, 0, 0, 0),
    }, carried_over=(42, 3, 0, 0, 1, 0), carried_forward=(37, 2, 0, 0, 0, 0))
    _fill_appeals(truth, {"review": (13, 3, 2, 1), "litigation_direct": (7, 1, 0, 2),
                          "litigation_after_review": (3, 0, 1, 0)})
    truth["body"] = _narrative(truth, "上海市宝山区人民政府办公室")
    return truth


def minhang_2020() -> dict:
    truth = _skeleton("minhang-2020", "2020年上海市闵行区政府信息公开工作年度报告", "上海市闵行区人民政府",
                      "上海市闵行区人民政府", "上海市闵行区", "310112", 2020, "ed2019", False)
    _fill(truth, {
        P + "art20_1.regulations.made": 0, P + "art20_1.regulations.published": 0,
        P + "art20_1.regulations.total_published": 0,
        P + "art20_1.normative_docs.made": 17, P + "art20_1.normative_docs.published": 17,
        P + "art20_1.normative_docs.total_published": 203,
        P + "art20_5.licensing.prev_items": 388, P + "art20_5.licensing.change": -6,
        P + "art20_5.licensing.decisions": 52310,
        P + "art20_5.other_services.prev_items": 245, P + "art20_5.other_services.change": 4,
        P + "art20_5.other_services.decisions": 31877,
        P + "art20_6.penalty.prev_items": 1604, P + "art20_6.penalty.change": 12,
        P + "art20_6.penalty.decisions": 7342,
        P + "art20_6.coercion.prev_items": 77, P + "art20_6.coercion.change": 0,
        P + "art20_6.coercion.decisions": 845,
        P + "art20_8.fees.prev_items": 19, P + "art20_8.fees.change": -1,
        P + "art20_9.procurement.items": 347, P + "art20_9.procurement.amount_yuan": 624180000,
    })
    _fill_requests(truth, {
        "result.disclosed": (402, 21, 1, 1, 4, 2),
        "result.partial": (36, 3, 0, 0, 1, 0),
        "result.withheld.law_forbidden": (1, 0, 0, 0, 0, 0),
        "result.withheld.third_party": (8, 1, 0, 0, 0, 0),
        "result.withheld.internal_affairs": (3, 0, 0, 0, 0, 0),
        "result.withheld.process_info": (12, 1, 0, 0, 0, 0),
        "result.withheld.admin_query": (21, 2, 0, 0, 0, 0),
        "result.unable.not_held": (254, 12, 0, 1, 3, 1),
        "result.unable.need_creation": (19, 1, 0, 0, 0, 0),
        "result.unable.unclear": (15, 0, 0, 0, 1, 0),
        "result.not_processed.petition": (13, 0, 0, 0, 0, 0),
        "result.not_processed.duplicate": (24, 2, 0, 0, 0, 0),
        "result.not_processed.confirm": (3, 0, 0, 0, 0, 0),
        "result.other": (28, 2, 0, 0, 0, 0),
    }, carried_over=(57, 4, 0, 0, 1, 0), carried_forward=(49, 3, 0, 0, 0, 0))
    _fill_appeals(truth, {"review": (17, 3, 2, 4), "litigation_direct": (10, 1, 1, 3),
                          "litigation_after_review": (5, 0, 0, 2)})
    truth["body"] = _narrative(truth, "上海市闵行区人民政府办公室")
    return truth


def hejiang_edu_2022() -> dict:
    truth = _skeleton("hejiang-edu-2022", "合江县教育局2022年政府信息公开工作年度报告", "合江县教育局",
                      "四川省泸州市合江县教育局", "四川省泸州市合江县", "510522", 2022, "ed2021", True)
    _fill(truth, _ed2021_proactive((0, 0, 0), (2, 1, 9), 312, 4, 0, 0))
    _fill_requests(truth, {
        "result.disclosed": (7, 0, 0, 0, 0, 0),
        "result.partial": (1, 0, 0, 0, 0, 0),
        "result.unable.not_held": (3, 1, 0, 0, 0, 0),
        "result.not_processed.duplicate": (1, 0, 0, 0, 0, 0),
    }, carried_over=(0, 0, 0, 0, 0, 0), carried_forward=(1, 0, 0, 0, 0, 0))
    _fill_appeals(truth, {"review": (1, 0, 0, 0), "litigation_direct": (0, 0, 0, 0),
                          "litigation_after_review": (0, 0, 0, 0)})
    truth["body"] = _narrative(truth, "合江县教育局")
    return truth


def luxian_2022() -> dict:
    truth = _skeleton("luxian-2022", "2022年泸县政府信息公开工作年度报告", "泸县人民政府",
                      "四川省泸州市泸县人民政府", "四川省泸州市泸县", "510521", 2022, "ed2021", True)
    _fill(truth, _ed2021_proactive((0, 0, 0), (9, 4, 47), 5236, 1718, 63, 823400))
    _fill_requests(truth, {
        "result.disclosed": (51, 4, 0, 0, 2, 0),
        "result.partial": (6, 1, 0, 0, 0, 0),
        "result.withheld.third_party": (2, 0, 0, 0, 0, 0),
        "result.withheld.process_info": (4, 0, 0, 0, 0, 0),
        "result.withheld.admin_query": (3, 0, 0, 0, 0, 0),
        "result.unable.not_held": (27, 3, 0, 0, 0, 1),
        "result.unable.need_creation": (6, 0, 0, 0, 0, 0),
        "result.unable.unclear": (2, 0, 0, 0, 0, 0),
        "result.not_processed.petition": (3, 0, 0, 0, 0, 0),
        "result.not_processed.duplicate": (5, 0, 0, 0, 0, 0),
        "result.other.no_supplement": (4, 0, 0, 0, 0, 0),
        "result.other.unpaid_fee": (1, 0, 0, 0, 0, 0),
        "result.other.other": (1, 1, 0, 0, 0, 0),
    }, carried_over=(7, 0, 0, 0, 1, 0), carried_forward=(5, 1, 0, 0, 0, 0))
    _fill_appeals(truth, {"review": (3, 1, 1, 0), "litigation_direct": (2, 0, 0, 1),
                          "litigation_after_review": (1, 0, 0, 0)})
    truth["body"] = _narrative(truth, "泸县人民政府办公室")
    return truth


def luzhou_2022() -> dict:
    """Every cell the sum of hejiang-2022 and luxian-2022 (sums of consistent tables stay consistent)."""
    truth = _skeleton("luzhou-2022", "2022年泸州市政府信息公开工作年度报告", "泸州市人民政府",
                      "四川省泸州市人民政府", "四川省泸州市", "510500", 2022, "ed2021", True)
    parts = [json.loads((TRUTHS_DIR / "hejiang-2022.json").read_text(encoding="utf-8")), luxian_2022()]
    truth["cells"] = {k: sum(p["cells"][k] for p in parts) for k in truth["cells"]}
    truth["body"] = _narrative(truth, "泸州市人民政府办公室")
    return truth


AUTHORS = {"baoshan-2021": baoshan_2021, "baoshan-2022": baoshan_2022, "minhang-2020": minhang_2020,
           "hejiang-edu-2022": hejiang_edu_2022, "luxian-2022": luxian_2022, "luzhou-2022": luzhou_2022}


def write_all() -> list:
    out = []
    for name, fn in AUTHORS.items():
        truth = fn()
        for field in ("printed", "expected_flags"):
            if not truth[field]:
                del truth[field]
        validate(truth)
        assert not identity_breaks(truth), name
        path = TRUTHS_DIR / f"{name}.json"
        path.write_text(json.dumps(truth, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
        out.append(path)
    return out


if __name__ == "__main__":
    for p in write_all():
        print(p)
