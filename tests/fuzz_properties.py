"""Properties of the text functions every file's words pass through (numerals, quantities, labels, sections),
each with the Hypothesis strategy that feeds it: run a few hundred times each in ``make test``
(tests/test_fuzz.py) and at least 10^5 times in all by ``make fuzz`` (tests/fuzz_report.py).

A property holds for any text: the function returns (never raises, never loops), and what it returns is
well-formed (a reading's value is a finite Decimal, a quantity's raw text is the text at its offsets …);
numbers written out by Python read back exactly."""

from __future__ import annotations

from collections.abc import Callable
from decimal import Decimal

from hypothesis import strategies as st

from extractors import labels, sections
from extractors.model import Document, Paragraph
from extractors.numerals import parse_cell, parse_number, read_number
from extractors.quantities import find_quantities

NUMERAL_CHARS = ("0123456789.,，零〇○一二两三四五六七八九十百千万亿壹贰叁肆伍陆柒捌玖拾佰仟萬点负正+-−—–"
                 "约近超过逾不足余多左右以上下件元万元亿元千%（）() /\t\n")
TEXT_CHARS = NUMERAL_CHARS + "政府信息公开申请受理办结年月日第号共计其中增长减少同比www.gov.cn@-_abcXYZ、。；：“”"


def _mixed(chars: str, max_size: int) -> st.SearchStrategy[str]:
    """Text mostly of ``chars`` (the shapes the function was written for), sometimes anything Unicode has."""
    return st.one_of(st.text(alphabet=chars, max_size=max_size), st.text(max_size=max_size))


def check_read_number(text: str) -> None:
    reading = read_number(text)
    assert reading.status in ("number", "malformed", "not_a_number")
    assert (reading.value is not None) == (reading.status == "number")
    if reading.value is not None:
        assert isinstance(reading.value, Decimal) and reading.value.is_finite()
    assert parse_number(text) == reading.value


def check_integer_round_trip(n: int) -> None:
    """An integer as Python prints it, with thousands separators, and signed, reads back exactly."""
    assert parse_number(str(n)) == n
    assert parse_number(f"{n:,}") == n
    assert parse_number(f"-{n}") == -n


def check_parse_cell(text: str) -> None:
    cell = parse_cell(text)
    assert cell.meaning in ("number", "zero", "empty", "invalid", "malformed")
    assert (cell.value is not None) == (cell.meaning in ("number", "zero"))
    if cell.value is not None:
        assert cell.value.is_finite() and (cell.value == 0) == (cell.meaning == "zero")
    assert cell.qualifier in (None, "approximate", "at_least", "at_most")
    assert cell.raw == text


def check_find_quantities(text: str) -> None:
    for q in find_quantities(text):
        assert 0 <= q.start < q.end <= len(text) and q.raw == text[q.start:q.end]
        assert isinstance(q.value, Decimal) and q.value.is_finite()
        assert q.qualifier in (None, "approximate", "at_least", "at_most")


_CANDIDATES = [("received", ["本年新收政府信息公开申请数量"]), ("carried_over", ["上年结转政府信息公开申请数量"]),
               ("disclosed", ["予以公开"]), ("partial", ["部分公开（区分处理的，只计这一情形，不计其他情形）"])]


def check_labels(text: str) -> None:
    once = labels.normalise(text)
    assert labels.normalise(once) == once  # normalising twice changes nothing
    assert isinstance(labels.core(text), str)
    match = labels.best_match(text, _CANDIDATES)
    if match is not None:
        assert match.key in dict(_CANDIDATES) and 0 <= match.runner_up <= match.score <= 100


def check_sections(text: str) -> None:
    level = sections.heading_level(text)
    assert level is None or 0 <= level <= 4
    split = sections.split_heading(Paragraph(text))
    if split is not None:
        assert split[0] == level and split[1] in text.strip()
    tree = sections.section_tree(Document(path="fuzz", format="text",
                                          blocks=[Paragraph(line) for line in text.split("\n")]))
    assert all(0 <= s.level <= 4 for s in tree)


HEADING_CHARS = "一二三四五六七八九十（）()、.1234567890总体情况主动公开政府信息公开申请。：；\n 其他"

# name → (strategy, check): the one list both the tests and the report run
PROPERTIES: dict[str, tuple[st.SearchStrategy, Callable[[object], None]]] = {
    "numerals.read_number": (_mixed(NUMERAL_CHARS, 24), check_read_number),
    "numerals.round_trip": (st.integers(min_value=0, max_value=10**18), check_integer_round_trip),
    "numerals.parse_cell": (_mixed(NUMERAL_CHARS, 24), check_parse_cell),
    "quantities.find_quantities": (_mixed(TEXT_CHARS, 200), check_find_quantities),
    "labels": (_mixed("本年新收政府信息公开申请数量予以部分（）()一二三、1. \u3000“”：", 40), check_labels),
    "sections": (_mixed(HEADING_CHARS, 120), check_sections),
}
