"""Report identity from title, issuer line and preamble, on the ways real reports print them."""

from __future__ import annotations

import pytest

from extractors.readers.text import parse_text
from extractors.report import extract_report

BODY = "本年度报告根据《中华人民共和国政府信息公开条例》编制。\n一、总体情况\n" + "本年度政务公开工作平稳推进。" * 20 + "\n"


@pytest.mark.parametrize("head, region, code, issuer, year", [
    ("2020年上海市宝山区政府信息公开工作\n年度报告\n上海市宝山区人民政府", "上海市宝山区", "310113", "上海市宝山区人民政府", 2020),
    ("石家庄市新华区人民政府\n2021年政府信息公开工作年度报告", "河北省石家庄市新华区", "130105",
     "河北省石家庄市新华区人民政府", 2021),
    ("合江县教育局2022年政府信息公开工作年度报告", "四川省泸州市合江县", "510522", "四川省泸州市合江县教育局", 2022),
    ("江苏省人民政府办公厅2021年政府信息公开工作年度报告", "江苏省", "320000", "江苏省人民政府办公厅", 2021),
    ("二〇二三年度成都市武侯区政府信息公开工作年度报告", "四川省成都市武侯区", "510107", "四川省成都市武侯区人民政府", 2023),
    # wrapped by a PDF's page width inside the report word, or inside the year
    ("大连市甘井子区人民政府2022年政府信息公开工作年度报\n告", "辽宁省大连市甘井子区", "210211",
     "辽宁省大连市甘井子区人民政府", 2022),
    ("长沙市岳麓区人民政府二〇二\n一年政府信息公开工作年度报告", "湖南省长沙市岳麓区", "430104",
     "湖南省长沙市岳麓区人民政府", 2021),
    ("山西省长治市人民政府办公室202\n1年政府信息公开工作年度报告", "山西省长治市", "140400",
     "山西省长治市人民政府办公室", 2021),
])
def test_identity_from_the_head_of_the_report(head, region, code, issuer, year):
    report = extract_report(parse_text(head + "\n" + BODY))
    assert (report.region, report.admin_code, report.issuer, report.year) == (region, code, issuer, year)
    assert not any(f.kind == "region" for f in report.flags)


def test_a_body_without_a_division_is_flagged_not_guessed():
    report = extract_report(parse_text("国家税务总局2022年政府信息公开工作年度报告\n" + BODY))
    assert report.admin_code is None and report.region is None
    assert [f.kind for f in report.flags if f.kind == "region"] == ["region"]
