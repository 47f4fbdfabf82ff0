"""extractors.numerals: one number, one table cell, one money header."""

from __future__ import annotations

import dataclasses
from decimal import Decimal

import cn2an
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from extractors.numerals import CellValue, money_multiplier, parse_cell, parse_number

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
        ("约12", None, "invalid", None),
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
