"""extractors.numerals: one number, one table cell, one money header."""

from __future__ import annotations

import dataclasses
from decimal import Decimal
from pathlib import Path

import cn2an
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from extractors.numerals import (
    CellValue,
    NumberReading,
    money_multiplier,
    parse_cell,
    parse_number,
    read_number,
)
from tests.numeral_forms import to_arabic_magnitudes, to_chinese
from tests.numeral_probes import score

FAST = settings(max_examples=150, deadline=None)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("4895", "4895"),
        ("1,234", "1234"),
        ("1，234", "1234"),
        ("12,345,678.9", "12345678.9"),
        ("４８９５", "4895"),
        ("１２．５", "12.5"),
        ("98.28", "98.28"),
        ("0.00", "0"),
        (".5", "0.5"),
        ("+2", "2"),
        ("-3", "-3"),
        ("－3", "-3"),
        ("＋2", "2"),
        ("负三", "-3"),
        (" 663 ", "663"),
        ("一百零四万", "1040000"),
        ("两千三百", "2300"),
        ("十二", "12"),
        ("十", "10"),
        ("七亿", "700000000"),
        ("两亿三千万", "230000000"),
        ("一万零五百", "10500"),
        ("零", "0"),
        ("〇", "0"),
        ("壹佰", "100"),
        ("二〇二〇", "2020"),
        ("二零二一", "2021"),
        ("九十八点二八", "98.28"),
        ("一点二亿", "120000000"),
        ("1.2亿", "120000000"),
        ("188.4万", "1884000"),
        ("188.4 万", "1884000"),
        ("104万", "1040000"),
        ("24252.311082万", "242523110.82"),
        ("1万2千", "12000"),
        ("1亿2000万", "120000000"),
    ],
)
def test_parse_number(text: str, expected: str) -> None:
    value = parse_number(text)
    assert value == Decimal(expected)
    assert str(value) == expected  # tidy: no exponent, no trailing zeros


@pytest.mark.parametrize(
    "text",
    ["", " ", "abc", "—", "-", "+", "12件", "5%", "约3", "1 234", "1,23", "1.2.3", "二〇二〇年", "百",
     "万", "千百亿", "NaN", "Infinity", "1e5", "一亿亿", "2万1万", "第三", "IPv6", "12/31"],
)
def test_parse_number_rejects(text: str) -> None:
    assert parse_number(text) is None


def test_parse_number_rejects_non_strings() -> None:
    assert parse_number(None) is None  # type: ignore[arg-type]
    assert parse_number(12) is None  # type: ignore[arg-type]


@FAST
@given(st.integers(min_value=0, max_value=10**16 - 1), st.sampled_from(["low", "up"]))
def test_chinese_numerals_round_trip(n: int, mode: str) -> None:
    assert parse_number(cn2an.an2cn(n, mode)) == n


@FAST
@given(st.integers(min_value=1, max_value=10**12))
def test_negative_chinese_numerals_round_trip(n: int) -> None:
    assert parse_number(cn2an.an2cn(-n)) == -n


@FAST
@given(st.integers(min_value=0, max_value=10**15))
def test_arabic_renderings_round_trip(n: int) -> None:
    full_width = str(n).translate({ord(c): ord(c) + 0xFEE0 for c in "0123456789"})
    assert parse_number(f"{n:,}") == n
    assert parse_number(f"{n:,}".replace(",", "，")) == n
    assert parse_number(full_width) == n
    assert parse_number(f"-{n}") == -n


@FAST
@given(st.decimals(min_value=0, max_value=10**9, places=6, allow_nan=False, allow_infinity=False),
       st.sampled_from([("万", 10**4), ("亿", 10**8), ("", 1)]))
def test_arabic_with_magnitude_is_exact(d: Decimal, magnitude: tuple[str, int]) -> None:
    suffix, factor = magnitude
    assert parse_number(f"{d:f}{suffix}") == d * factor


@FAST
@given(st.text(max_size=40))
def test_never_raises_on_any_text(text: str) -> None:
    value = parse_number(text)
    assert value is None or isinstance(value, Decimal)
    cell = parse_cell(text)
    assert cell.meaning in {"number", "zero", "empty", "invalid", "malformed"}
    assert cell.raw == text
    money_multiplier(text)


@FAST
@given(st.text(alphabet="0123456789０１２３４５６７８９零〇一二两三四五六七八九十百千万亿点.,，-+负 元件%",
               max_size=20))
def test_never_raises_on_numeral_soup(text: str) -> None:
    parse_number(text)
    parse_cell(text)


@pytest.mark.parametrize(
    ("text", "value", "meaning", "unit"),
    [
        ("663", "663", "number", None),
        ("0", "0", "zero", None),
        ("0.00", "0", "zero", None),
        ("零", "0", "zero", None),
        ("0元", "0", "zero", "元"),
        ("", None, "empty", None),
        ("  ", None, "empty", None),
        ("—", None, "empty", None),
        ("——", None, "empty", None),
        ("－", None, "empty", None),
        ("-", None, "empty", None),
        ("/", None, "empty", None),
        ("／", None, "empty", None),
        ("无", None, "empty", None),
        ("113400 万元", "1134000000", "number", "元"),
        ("251000元", "251000", "number", "元"),
        ("24252.311082 万元", "242523110.82", "number", "元"),
        ("1.2亿元", "120000000", "number", "元"),
        ("12件", "12", "number", "件"),
        ("3 条", "3", "number", "条"),
        ("340人次", "340", "number", "人次"),
        ("98.28%", "98.28", "number", "%"),
        ("1,234", "1234", "number", None),
        ("１，２３４", "1234", "number", None),
        ("４８９５", "4895", "number", None),
        ("+2", "2", "number", None),
        ("-3", "-3", "number", None),
        ("2万", "20000", "number", None),  # 万 is a magnitude of the numeral, not a money unit
        ("abc", None, "invalid", None),
        ("12/13", None, "invalid", None),
        ("结果维持", None, "invalid", None),
        ("1.属于国家秘密", None, "invalid", None),
    ],
)
def test_parse_cell(text: str, value: str | None, meaning: str, unit: str | None) -> None:
    cell = parse_cell(text)
    assert cell == CellValue(None if value is None else Decimal(value), meaning, unit, text)


def test_cell_value_is_frozen() -> None:
    with pytest.raises(dataclasses.FrozenInstanceError):
        parse_cell("1").value = Decimal(2)  # type: ignore[misc]


@pytest.mark.parametrize(
    ("header", "multiplier"),
    [
        ("本年收费金额（单位：万元）", 10_000),
        ("采购总金额(万元)", 10_000),
        ("采购总金额（万元）", 10_000),
        ("（元）", 1),
        ("金额(元)", 1),
        ("收费金额/元", 1),
        ("单位：元", 1),
        ("金额（亿元）", 100_000_000),
        ("金额（千元）", 1_000),
        ("采购总金额", None),
        ("多元化解读", None),
        ("单元", None),
        ("", None),
    ],
)
def test_money_multiplier(header: str, multiplier: int | None) -> None:
    assert money_multiplier(header) == multiplier


# --- the one numeral grammar (issue 8 part 5, issue 12 part 6) -------------------------------------------

@pytest.mark.parametrize(
    ("n", "kwargs", "text"),
    [(12, {}, "一十二"), (12, {"bare_ten": True}, "十二"), (10500, {}, "一万零五百"),
     (12_000_000, {}, "一千二百万"), (100_000_001, {}, "一亿零一"), (2015, {"financial": True}, "贰仟零壹拾伍"),
     (2200, {"liang": True}, "两千两百"), (1005, {"zero": "〇"}, "一千〇五")],
)
def test_reference_renderer(n: int, kwargs: dict, text: str) -> None:
    assert to_chinese(n, **kwargs) == text


@FAST
@given(st.integers(min_value=0, max_value=10**16 - 1), st.booleans(), st.booleans(), st.booleans(),
       st.sampled_from("零〇○"))
def test_chinese_numerals_round_trip_both_forms(n: int, financial: bool, bare_ten: bool, liang: bool,
                                                zero: str) -> None:
    """number -> Chinese numeral (小写 or 大写, every zero character) -> the same number, exactly."""
    text = to_chinese(n, financial=financial, bare_ten=bare_ten, liang=liang, zero=zero)
    assert read_number(text) == NumberReading(Decimal(n), "number")
    assert parse_cell(text + "件") == CellValue(Decimal(n), "zero" if n == 0 else "number", "件", text + "件")


@FAST
@given(st.integers(min_value=0, max_value=10**17), st.booleans())
def test_arabic_magnitude_forms_round_trip(n: int, thousand: bool) -> None:
    text = to_arabic_magnitudes(n, thousand)
    assert parse_number(text) == n
    assert parse_cell(text + "元").value == n


@FAST
@given(st.integers(min_value=10**16, max_value=10**18))
def test_long_integers_stay_exact(n: int) -> None:
    """Decimal, never float: a 17-digit figure comes back digit for digit."""
    for text in (str(n), f"{n:,}", f"-{n}"):
        value = parse_number(text)
        assert isinstance(value, Decimal)
        assert str(abs(value)) == str(n)
    assert str(parse_cell(f"{n}元").value) == str(n)


@pytest.mark.parametrize(
    ("text", "expected"),
    [("1亿2000万", "120000000"), ("1万2千", "12000"), ("1万2000", "12000"), ("3万5", "35000"),
     ("1亿2", "120000000"), ("1亿零500万", "105000000"), ("三万五", "35000"), ("一百二", "120"),
     ("两亿三", "230000000"), ("三万零五", "30005"), ("三百二十二万七千六百三十五亿一千", "322763500001000"),
     ("二○二二", "2022"), ("○", "0"), ("一千零十", "1010"), ("一万零十", "10010"), ("陆", "6"), ("拾", "10"), ("壹拾", "10"), ("萬", None), ("十万", "100000")],
)
def test_grammar_cases(text: str, expected: str | None) -> None:
    assert parse_number(text) == (None if expected is None else Decimal(expected))


@pytest.mark.parametrize(
    ("text", "expected"),
    [("4千5百万", "45000000"), ("1千2百万", "12000000"), ("2亿3千5百万", "235000000"), ("2千零1万", "20010000"),
     ("1亿零1千零12万", "110120000"), ("3千万", "30000000"), ("1千万5万", "10050000"),
     ("2百2万", None), ("12千5百万", None), ("3.5千5百万", None), ("5百4千万", None), ("4千5百万5百万", None)],
)
def test_a_section_of_units_before_its_mark(text: str, expected: str | None) -> None:
    """Arabic digits read as Chinese numerals are: 4千5百万 is 4500万 (the 万 multiplies the section before it);
    a figure without its unit after a unit's (2百2万: 220万 said short, or 202万?) is no number, never a guess."""
    assert parse_number(text) == (None if expected is None else Decimal(expected))


@pytest.mark.parametrize(
    "text",
    ["万万", "百百", "万万万万陆", "百百伍", "十十", "佰佰伍", "拾拾", "一百百", "一十百", "一千千", "亿亿", "一亿亿",
     "二万万", "一百一百", "两十", "一千零零五", "一百零五十", "一二百", "2万1万", "1亿12000万", "千百亿", "百万万"],
)
def test_malformed_numerals_are_refused(text: str) -> None:
    reading = read_number(text)
    assert reading.status == "malformed" and reading.value is None and reading.reason
    assert parse_number(text) is None
    cell = parse_cell(text)
    assert (cell.meaning, cell.value) == ("malformed", None)


_UNIT_CHARS = "十百千万亿拾佰仟"


@FAST
@given(st.integers(min_value=10, max_value=10**16 - 1), st.booleans(), st.data())
def test_a_repeated_unit_is_refused(n: int, financial: bool, data: st.DataObject) -> None:
    """Doubling any unit of a good numeral (一千 -> 一千千, 一万 -> 一万万) makes it malformed, never a number."""
    text = to_chinese(n, financial=financial)
    places = [i for i, c in enumerate(text) if c in _UNIT_CHARS]
    i = data.draw(st.sampled_from(places))
    bad = text[: i + 1] + text[i] + text[i + 1:]
    assert read_number(bad).status == "malformed"
    assert parse_cell(bad).meaning == "malformed"


@FAST
@given(st.sampled_from(_UNIT_CHARS), st.integers(min_value=2, max_value=6),
       st.sampled_from(["", "陆", "伍", "五", "一"]))
def test_runs_of_one_unit_are_refused(unit: str, times: int, tail: str) -> None:
    """万万万万陆, 百百伍, 十十: a run of one unit is no numeral."""
    assert read_number(unit * times + tail).status == "malformed"


@pytest.mark.parametrize(
    ("text", "expected"),
    [("（-2）", "-2"), ("(-2)", "-2"), ("–2", "-2"), ("—2", "-2"), ("‐2", "-2"), ("−2", "-2"), ("-2", "-2"),
     ("－２", "-2"), ("（－２）", "-2"), ("——2", "-2"), ("‒2", "-2"), ("- 2", "-2"), ("—1.5", "-1.5"),
     ("（+3）", "3"), ("−1.2万元", "-12000"), ("-0", "0")],
)
def test_negative_cells(text: str, expected: str) -> None:
    assert parse_cell(text).value == Decimal(expected)


@pytest.mark.parametrize(
    ("text", "expected"),
    [("减少2", "-2"), ("减2", "-2"), ("减 2", "-2"), ("减少１２", "-12"), ("增加3", "3"), ("增3", "3"), ("增加1,234", "1234"),
     ("减少2件", "-2"), ("（减少2）", "-2"), ("增加0", "0")],
)
def test_a_change_printed_in_words_is_signed(text: str, expected: str) -> None:
    """The 2019 form's 本年增/减 column, typed in words: 减少2 is −2, 增加3 is 3."""
    assert parse_cell(text).value == Decimal(expected)


@pytest.mark.parametrize(("text", "expected"), [("(3)", "-3"), ("（12）", "-12"), ("（ 1,234 ）", "-1234"), ("(0)", "0"),
                                               ("（-2）", "-2"), ("（减少2）", "-2"), ("（+3）", "3"), ("5", "5")])
def test_a_figure_in_brackets_is_negative_in_a_column_of_signed_figures(text: str, expected: str) -> None:
    """The accountants' negative in 本年增/减 ((3) is −3); a signed figure in brackets keeps its sign."""
    assert parse_cell(text, signed=True).value == Decimal(expected)


@pytest.mark.parametrize("text", ["（二）", "(a)", "（）", "（—）"])
def test_brackets_without_a_figure_stay_no_figure_in_a_column_of_signed_figures(text: str) -> None:
    assert parse_cell(text, signed=True).value is None


@pytest.mark.parametrize("text", ["减少", "增加", "减半", "增减2"])
def test_a_change_word_without_a_figure_is_no_figure(text: str) -> None:
    assert parse_cell(text).value is None


@pytest.mark.parametrize("text", ["—", "-", "/", "–", "‐", "−", "——", "（—）", "(-)", "－", ""])
def test_a_dash_alone_is_a_printed_blank(text: str) -> None:
    assert parse_cell(text).meaning == "empty"


@pytest.mark.parametrize(
    ("text", "value", "unit", "qualifier"),
    [("1亿2000万元", "120000000", "元", None), ("1万2千余件", "12000", "件", "at_least"),
     ("0.5万元", "5000", "元", None), ("12000多件", "12000", "件", "at_least"), ("1万2千余万元", "120000000", "元", "at_least"),
     ("约12", "12", None, "approximate"), ("超过1万元", "10000", "元", "at_least"), ("3件左右", "3", "件", "approximate"),
     ("不足5件", "5", "件", "at_most"), ("逾1000件", "1000", "件", "at_least")],
)
def test_cells_with_two_magnitudes_and_qualifiers(text: str, value: str, unit: str, qualifier: str | None) -> None:
    cell = parse_cell(text)
    assert (cell.value, cell.unit, cell.qualifier) == (Decimal(value), unit, qualifier)


@pytest.mark.parametrize("text", ["（2）", "1e20", "2-3", "约", "约万元", "万元", "千万元", "亿元", "百", "万"])
def test_unreadable_cells_are_invalid_not_guessed(text: str) -> None:
    assert parse_cell(text).meaning == "invalid" and parse_cell(text).value is None


def test_probe_lists_read_exactly() -> None:
    """Probe A (tuned on) and probe B (written afterwards, held out): every cell and sentence as expected."""
    for name in ("numerals_probe_a.json", "numerals_probe_b.json"):
        cells, narrative = score(Path(__file__).parent / "data" / name)
        assert cells == [] and narrative == []
