"""Parsing numbers as they are printed in government disclosure reports: one grammar for cells and text.

Pure functions, no I/O.  Values are exact ``Decimal``s (a 17-digit integer round-trips; nothing goes
through ``float``).  The Chinese numeral grammar is our own, because it must refuse what is not a
numeral (万万, 百百伍, 十十: a library that reads 百百伍 as 150 guesses a figure):

    numeral   = [count-of-亿 "亿" [零]] [section-count "万" [零]] [section]   (counts of 亿 may hold 万)
    section   = digit-unit pairs with strictly falling units 千 > 百 > 十, one 零 marking a gap,
                a trailing bare digit (一百二 = 120, 三万五 = 35000, abbreviated by one unit)
    digits    = 零〇○ 一壹幺 二贰两 三叁 四肆 五伍 六陆 七柒 八捌 九玖; units 十拾 百佰 千仟 万萬 亿億;
                a run of digits alone reads digit by digit (二〇二二 = 2022); 点 starts a fraction.

Arabic figures may carry magnitudes, one or several in falling order (1.2亿, 113400万,
1亿2000万, 1万2千, 3万5 = 35000).  Text made only of numeral characters that breaks the grammar
is *malformed* (``read_number`` says so; ``parse_number`` gives None; ``parse_cell`` gives the
meaning "malformed"): callers treat it as unreadable, never as a number.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from decimal import Decimal, InvalidOperation, localcontext
from functools import lru_cache

# --- module-level data -------------------------------------------------------

# Full-width ASCII block (U+FF01..U+FF5E) -> ASCII, one char for one char, so
# offsets into the original text stay valid.  Ideographic space -> space,
# minus-like signs (U+2010 hyphen, U+2012 figure dash, U+2212 minus, U+FE63 small hyphen-minus) -> "-".
_FULLWIDTH: dict[int, int] = {cp: cp - 0xFEE0 for cp in range(0xFF01, 0xFF5F)}
_FULLWIDTH.update({0x3000: 0x20, 0x00A0: 0x20, 0x2010: 0x2D, 0x2011: 0x2D, 0x2012: 0x2D, 0x2212: 0x2D,
                   0xFE63: 0x2D})
# In running text "，" separates clauses; only tables use it between thousands.
_FULLWIDTH_KEEP_COMMA: dict[int, int] = {
    k: v for k, v in _FULLWIDTH.items() if k != 0xFF0C
}

# Magnitude suffixes that may follow an Arabic number ("1.2亿", "104万").
MAGNITUDES: dict[str, int] = {
    "万亿": 10**12,
    "千万": 10**7,
    "百万": 10**6,
    "亿": 10**8,
    "万": 10**4,
    "千": 10**3,
    "百": 10**2,
}

# Chinese digits, plain (小写) and financial (大写) forms; 两 never before 十 nor in a digit run (二〇二二).
CN_DIGITS: dict[str, int] = {
    "零": 0, "〇": 0, "○": 0, "一": 1, "幺": 1, "二": 2, "两": 2, "兩": 2, "三": 3,
    "四": 4, "五": 5, "六": 6, "七": 7, "八": 8, "九": 9,
    "壹": 1, "贰": 2, "貳": 2, "叁": 3, "參": 3, "肆": 4, "伍": 5, "陆": 6, "陸": 6, "柒": 7, "捌": 8,
    "玖": 9,
}
ZERO_CHARS = "零〇○"
# Units inside a section (below 万) and the section markers.
CN_UNITS: dict[str, int] = {"十": 10, "拾": 10, "百": 100, "佰": 100, "千": 1000, "仟": 1000}
CN_SECTIONS: dict[str, int] = {"万": 10**4, "萬": 10**4, "亿": 10**8, "億": 10**8}
CN_NUMERAL_CHARS = "".join(CN_DIGITS) + "".join(CN_UNITS) + "".join(CN_SECTIONS)

# Printed placeholders meaning "nothing to report" in a table cell.
BLANK_TOKENS: frozenset[str] = frozenset(
    {"", "-", "--", "---", "—", "——", "–", "―", "─", "/", "\\", "无", "空",
     "N/A", "n/a", "NA", "null", "NULL", "None", "×"}
)

# Money units: printed unit -> multiplier to yuan.  Longest first matters for
# the alternations built from these tables.
MONEY_UNITS: dict[str, int] = {
    "万亿元": 10**12,
    "千万元": 10**7,
    "百万元": 10**6,
    "亿元": 10**8,
    "万元": 10**4,
    "千元": 10**3,
    "元": 1,
}

# Counting units accepted after a number in a cell or in text, mapped to the
# unit reported.  Multi-char units must precede their prefixes in regexes.
COUNT_UNITS: dict[str, str] = {
    "个工作日": "工作日", "工作日": "工作日", "个百分点": "百分点", "百分点": "百分点",
    "个月": "个月", "户次": "户次", "人次": "人次", "批次": "批次", "架次": "架次",
    "车次": "车次", "小时": "小时", "分钟": "分钟", "平方米": "平方米", "公里": "公里",
    "件": "件", "条": "条", "个": "个", "项": "项", "户": "户", "次": "次", "场": "场",
    "篇": "篇", "家": "家", "所": "所", "张": "张", "份": "份", "起": "起", "期": "期",
    "名": "名", "人": "人", "天": "天", "日": "日", "%": "%", "倍": "倍", "位": "位",
    "例": "例", "处": "处", "部": "部", "批": "批", "轮": "轮", "册": "册", "套": "套",
    "台": "台", "辆": "辆", "座": "座", "间": "间", "栋": "栋", "幅": "幅", "段": "段",
    "则": "则", "封": "封", "吨": "吨", "亩": "亩", "米": "米", "周": "周", "岁": "岁",
}


def _alternation(words: list[str] | dict[str, object]) -> str:
    return "|".join(re.escape(w) for w in sorted(words, key=len, reverse=True))


class MalformedNumeral(ValueError):
    """Numeral characters that break the grammar (万万, 百百伍, 十十, 2万1万)."""


_ARABIC = r"(?:\d{1,3}(?:,\d{3})+(?!\d)|\d+)(?:\.\d+)?|\.\d+"
_MAG_ALT = _alternation(MAGNITUDES)
# One Arabic figure with magnitudes: 113400万, 1亿2000万, 1万2千, 1亿零500万, 3万5, 1万2000.
_ARABIC_PART_RE = re.compile(rf"(零?)({_ARABIC})({_MAG_ALT})?")
APPROXIMATE, AT_LEAST, AT_MOST = "approximate", "at_least", "at_most"
# Qualifiers of a figure, in prose (extractors.quantities) and in a table cell (parse_cell): before it …
PREFIX_QUALIFIERS: dict[str, str] = {
    "约": APPROXIMATE, "大约": APPROXIMATE, "约为": APPROXIMATE, "近": APPROXIMATE,
    "将近": APPROXIMATE, "接近": APPROXIMATE,
    "超过": AT_LEAST, "超": AT_LEAST, "逾": AT_LEAST, "多于": AT_LEAST, "高于": AT_LEAST,
    "大于": AT_LEAST, "不低于": AT_LEAST, "不少于": AT_LEAST, "至少": AT_LEAST,
    "不到": AT_MOST, "不足": AT_MOST, "低于": AT_MOST, "少于": AT_MOST, "小于": AT_MOST,
    "不超过": AT_MOST, "不高于": AT_MOST, "最多": AT_MOST, "至多": AT_MOST,
}
# … and after the unit ("60岁以上", "7500条左右").
SUFFIX_QUALIFIERS: dict[str, str] = {
    "左右": APPROXIMATE, "以上": AT_LEAST, "以下": AT_MOST, "以内": AT_MOST,
}
_PREFIXES = sorted(PREFIX_QUALIFIERS, key=len, reverse=True)
_SUFFIXES = sorted(SUFFIX_QUALIFIERS, key=len, reverse=True)
_CELL_UNIT_RE = re.compile(
    rf"(?P<num>.+?)(?P<q>余|多)?(?P<unit>{_alternation(list(MONEY_UNITS) + list(COUNT_UNITS))})?"
)
# A run of these alone is a printed blank; dashes (after to_halfwidth, which maps ‐ ‒ − ﹣ － to "-")
# right before a figure are its minus sign: —2, –2, ——2.
_DASHES_RE = re.compile(r"[-—–―─_~]+")
_SIGN_DASHES_RE = re.compile(r"[-—–―─]{1,2}")
# a change printed in words (the 2019 form's 本年增/减 column): 增加3, 增3, 减少2, 减2 — before a figure only
CHANGE_WORDS = ("增加", "减少", "增", "减")  # longest first
_CHANGE_WORD_RE = re.compile(rf"({'|'.join(CHANGE_WORDS)})(?=\s*\d)")
# Text made of these, with at least one unit or magnitude among them, is a numeral, good or malformed.
_NUMERAL_CHARS = rf"[0-9.,{CN_NUMERAL_CHARS}点]*"
_NUMERAL_SHAPE_RE = re.compile(rf"{_NUMERAL_CHARS}[{''.join(CN_UNITS)}{''.join(CN_SECTIONS)}]{_NUMERAL_CHARS}")
_SPACES_RE = re.compile(r"\s+")
_ONE_DIGIT_RE = re.compile(r"\d")
_MAX_LEN = 64  # nothing longer is "one number"; bounds work on hostile input


# --- helpers shared with quantities.py --------------------------------------

def to_halfwidth(text: str, keep_fullwidth_comma: bool = False) -> str:
    """Full-width digits/signs/punctuation to ASCII; same length as ``text``."""
    return text.translate(_FULLWIDTH_KEEP_COMMA if keep_fullwidth_comma else _FULLWIDTH)


# Enough digits that no figure of _MAX_LEN characters (with 亿 and 万) is ever rounded.
_PRECISION = 4 * _MAX_LEN


def tidy(value: Decimal) -> Decimal:
    """Drop trailing zeros but never print in exponent form (1821800, not 1.8218E+6)."""
    with localcontext() as ctx:
        ctx.prec = _PRECISION
        value = value.normalize()
        if value == 0:
            return Decimal(0)
        if value.as_tuple().exponent > 0:  # type: ignore[operator]
            value = value.quantize(Decimal(1))
        return value


def scale(value: Decimal, factor: int | Decimal) -> Decimal:
    """value × factor, exactly (the default context would round past 28 digits)."""
    with localcontext() as ctx:
        ctx.prec = _PRECISION
        return tidy(value * factor)


def _squeeze(text: str) -> str:
    """Remove whitespace except between two digits (where it splits numbers)."""
    text = text.strip()
    return _SPACES_RE.sub(lambda m: " " if _digits_around(text, m) else "", text)


def _digits_around(text: str, m: re.Match[str]) -> bool:
    return (m.start() > 0 and text[m.start() - 1].isdigit()
            and m.end() < len(text) and text[m.end()].isdigit())


# --- the Chinese numeral grammar ------------------------------------------------

def _section(text: str, *, bare_ten: bool, abbreviated: int | None) -> int:
    """A count below 10^4 (一千零五, 二十, 十二, 一百二); raises MalformedNumeral.

    ``bare_ten``: 十 may open the section without a digit (at the start of a whole numeral, after 零).
    ``abbreviated``: the unit a lone trailing digit stands for (三万五: 千), None when not allowed.
    """
    if not text:
        raise MalformedNumeral("empty section")
    if abbreviated and len(text) == 1 and text in CN_DIGITS and text not in ZERO_CHARS:
        return CN_DIGITS[text] * abbreviated  # 三万五, 两亿三: the digit counts the next unit down
    value, previous, gap, i, n = 0, 10**4, False, 0, len(text)
    while i < n:
        ch = text[i]
        if ch in ZERO_CHARS:
            if gap or i == 0 or i == n - 1:
                raise MalformedNumeral(f"misplaced 零 in {text!r}")
            gap, i = True, i + 1
            continue
        if ch in CN_UNITS:  # a unit with no digit before it: only 十, at the very start or after 零 (一千零十)
            if not ((i == 0 and bare_ten) or gap) or CN_UNITS[ch] != 10:
                raise MalformedNumeral(f"unit {ch} without a digit in {text!r}")
            digit, unit, i = 1, 10, i + 1
        elif ch in CN_DIGITS:
            digit, i = CN_DIGITS[ch], i + 1
            if i < n and text[i] in CN_UNITS:
                unit, i = CN_UNITS[text[i]], i + 1
                if ch in "两兩" and unit == 10:
                    raise MalformedNumeral(f"两 before 十 in {text!r}")
            elif i < n:
                raise MalformedNumeral(f"two digits in a row in {text!r}")
            elif gap or previous == 10:
                unit = 1
            elif previous == 10**4:  # the section is one digit
                unit = 1
            else:
                unit = previous // 10  # 一百二: the digit counts the next unit down
        else:
            raise MalformedNumeral(f"{ch!r} is not a numeral character")
        if unit >= previous or (gap and unit * 10 == previous):
            raise MalformedNumeral(f"units out of order in {text!r}")
        value, previous, gap = value + digit * unit, unit, False
    return value


def _below_10e8(text: str, *, leading: bool, abbreviated: int | None) -> int:
    """[section 万 [零]] [section]: a count below 10^8."""
    parts = text.replace("萬", "万").split("万")
    if len(parts) > 2:
        raise MalformedNumeral(f"万 twice in {text!r}")
    if len(parts) == 1:
        return _section(text, bare_ten=leading, abbreviated=abbreviated)
    head, tail = parts
    high = _section(head, bare_ten=leading, abbreviated=None)
    if high == 0:
        raise MalformedNumeral(f"no count before 万 in {text!r}")
    if not tail:
        return high * 10**4
    if tail[0] in ZERO_CHARS:
        low = _section(tail[1:], bare_ten=True, abbreviated=None)
    else:
        low = _section(tail, bare_ten=False, abbreviated=1000)
    return high * 10**4 + low


def chinese_integer(text: str) -> int:
    """一千二百万 -> 12000000, 壹佰贰拾叁 -> 123, 二〇二二 -> 2022; raises MalformedNumeral."""
    if not text:
        raise MalformedNumeral("empty numeral")
    if all(c in CN_DIGITS and c not in "两兩" for c in text):  # 两 never stands in a digit run
        return int("".join(str(CN_DIGITS[c]) for c in text))  # 二〇二二: digit by digit
    parts = text.replace("億", "亿").split("亿")
    if len(parts) > 2:
        raise MalformedNumeral(f"亿 twice in {text!r}")
    if len(parts) == 1:
        return _below_10e8(text, leading=True, abbreviated=None)
    head, tail = parts
    high = _below_10e8(head, leading=True, abbreviated=None) if head else 0
    if high == 0:
        raise MalformedNumeral(f"no count before 亿 in {text!r}")
    if not tail:
        return high * 10**8
    if tail[0] in ZERO_CHARS:
        low = _below_10e8(tail[1:], leading=True, abbreviated=None)
    else:
        low = _below_10e8(tail, leading=False, abbreviated=10**7)
    return high * 10**8 + low


def _parse_chinese(text: str) -> Decimal:
    """A Chinese numeral, with 点 and a magnitude after the fraction (一点二亿); raises MalformedNumeral."""
    whole, sep, rest = text.partition("点")
    if not sep:
        return Decimal(chinese_integer(whole))
    mag = next((m for m in sorted(MAGNITUDES, key=len, reverse=True) if rest.endswith(m)), "")
    frac = rest[: len(rest) - len(mag)]
    if not whole or not frac or any(c not in CN_DIGITS or c in "两兩" for c in frac):
        raise MalformedNumeral(f"bad fraction in {text!r}")
    value = Decimal(chinese_integer(whole)) + Decimal("0." + "".join(str(CN_DIGITS[c]) for c in frac))
    return value * MAGNITUDES[mag] if mag else value


def _parse_arabic(text: str) -> Decimal | None:
    """113400万, 1亿2000万, 1万2千, 3万5 (35000), 1万2000 (12000); None if not Arabic at all.

    Magnitudes fall strictly and each part stays below the magnitude before it; a lone digit after
    the last magnitude counts the next unit down (3万5, 1亿2), longer trailing digits count ones.
    Raises MalformedNumeral for 2万1万, 1亿12000万; a section of units before its mark (4千5百万: magnitudes out
    of order part by part) is read as Chinese numerals are (:func:`_sections`).
    """
    total, pos, previous, n = Decimal(0), 0, None, len(text)
    while pos < n:
        m = _ARABIC_PART_RE.match(text, pos)
        if not m or (m[1] and previous is None):
            return None if previous is None else _malformed(text)
        number, mag = Decimal(m[2].replace(",", "")), m[3]
        if mag:
            factor = MAGNITUDES[mag]
        elif m.end() != n:
            return _malformed(text)
        elif previous is None:
            factor = 1
        elif not m[1] and _ONE_DIGIT_RE.fullmatch(m[2]) and previous >= 10:
            factor = previous // 10  # 3万5, 1亿2: the digit counts the next unit down
        else:
            factor = 1
        part = number * factor
        if previous is not None and (factor >= previous or part >= previous):
            return _sections(text)
        total, pos, previous = total + part, m.end(), factor
    return total


# a magnitude -> its unit inside a section (千, 百) and the section it closes (万, 亿): 千万 is 千 of the 万 section
_SECTION_OF: dict[str, tuple[int, int]] = {"万亿": (1, 10**12), "亿": (1, 10**8), "千万": (1000, 10**4),
                                          "百万": (100, 10**4), "万": (1, 10**4), "千": (1000, 1), "百": (100, 1)}


def _sections(text: str) -> Decimal:
    """An Arabic numeral whose 千 and 百 count inside a section that a mark then multiplies, as Chinese numerals
    are read: 4千5百万 is 4500万, 1千2百万 1200万, 2亿3千5百万 (the 万 of 千万/百万 closes the section). Units fall
    strictly inside a section and sections fall strictly; a section mark right after a unit's figure (2百2万)
    stays malformed, never a guess. Raises MalformedNumeral."""
    total, pos, n = Decimal(0), 0, len(text)
    section: int | None = None  # the last section closed (10**8, 10**4)
    inner, unit = Decimal(0), None  # the open section's value so far, and its last unit (1000, 100)
    while pos < n:
        m = _ARABIC_PART_RE.match(text, pos)
        if not m or not m[3] or (m[1] and pos == 0):
            return _malformed(text)  # a figure without magnitude is never inside this reading
        number, (u, closes) = Decimal(m[2].replace(",", "")), _SECTION_OF[m[3]]
        if (u > 1 and not _ONE_DIGIT_RE.fullmatch(m[2])) or (pos and "." in m[2]):
            return _malformed(text)  # 千 and 百 count one digit each (12千, 3.5千5百万: no Chinese numeral)
        value = number * u
        if unit is not None and (u >= unit or value >= unit or (u == 1 and not (m[1] and value < unit // 10))):
            # 5百4千: units fall inside a section; 2百2万 (220万 said short, or 202万?) is a guess, unlike
            # 2百零1万 (201万): a figure without its unit after a unit's only with its 零
            return _malformed(text)
        if closes > 1:
            whole = inner + value  # the section's value: 4千5百 before 万
            if section is not None and (closes >= section or whole * closes >= section):
                return _malformed(text)  # 2万1万, 1亿12000万
            total, section, inner, unit = total + whole * closes, closes, Decimal(0), None
        else:
            if section is not None and inner + value >= section:
                return _malformed(text)
            inner, unit = inner + value, u
        pos = m.end()
    if inner:
        return _malformed(text)  # units left without their section mark: the part-wise reading's case
    return total


def _malformed(text: str) -> Decimal:
    raise MalformedNumeral(f"magnitudes out of order in {text!r}")


# --- public API ----------------------------------------------------------------

@dataclass(frozen=True)
class NumberReading:
    """What ``read_number`` made of a text: ``status`` "number" (``value`` set), "malformed" (numeral
    characters breaking the grammar: 万万, 百百伍, 2万1万) or "not_a_number"; ``reason`` says why."""

    value: Decimal | None
    status: str
    reason: str = ""


def read_number(text: str) -> NumberReading:
    """One number written any way, or why it is none.

    Accepts Arabic ("1,234", "1，234", "４８９５", "3.5"), signs (+ - ＋ － − ‐ 负 正),
    Chinese numerals ("一百零四万", "两千三百", "二〇二〇", "九十八点二八", "壹佰贰拾叁"),
    Arabic or Chinese with magnitudes ("1.2亿", "188.4万", "一点二亿", "1万2千", "1亿2000万").
    Units, percent signs and qualifiers are not numbers: "12件", "5%", "约3" -> not_a_number.
    """
    if not isinstance(text, str):
        return NumberReading(None, "not_a_number", "not text")
    s = _squeeze(to_halfwidth(text))
    if not s or len(s) > _MAX_LEN:
        return NumberReading(None, "not_a_number", "empty" if not s else "too long")
    sign = 1
    if s[0] in "+-负正":
        sign, s = (-1 if s[0] in "-负" else 1), s[1:].lstrip()
    if not s:
        return NumberReading(None, "not_a_number", "a sign alone")
    if s in MAGNITUDES or s in CN_SECTIONS or (s in CN_UNITS and CN_UNITS[s] != 10):
        return NumberReading(None, "not_a_number", f"a bare magnitude: {s!r}")  # 万元, 千万元: unit words
    # Malformed means numeral characters only, with a unit or magnitude among them (1.2.3 is no numeral).
    shaped = _NUMERAL_SHAPE_RE.fullmatch(s) is not None
    try:
        with localcontext() as ctx:  # exact: sums and products of long figures are never rounded
            ctx.prec = _PRECISION
            value = _parse_arabic(s) if s[0].isdigit() or s[0] == "." else None
            if value is None and all(c in CN_NUMERAL_CHARS or c == "点" for c in s):
                value = _parse_chinese(s)
            value = None if value is None else sign * value
    except MalformedNumeral as exc:
        return NumberReading(None, "malformed" if shaped else "not_a_number", str(exc))
    except (InvalidOperation, ArithmeticError, ValueError) as exc:
        return NumberReading(None, "not_a_number", str(exc))
    if value is None:
        if shaped:
            return NumberReading(None, "malformed", f"not a numeral: {s!r}")
        return NumberReading(None, "not_a_number", f"not a number: {s!r}")
    return NumberReading(tidy(value), "number")


def parse_number(text: str) -> Decimal | None:
    """One number written any way (see ``read_number``), or None when unreadable or malformed."""
    return read_number(text).value


@dataclass(frozen=True)
class CellValue:
    """A table cell: ``meaning`` is "number", "zero", "empty", "invalid" or "malformed".

    ``value`` is set for "number" and "zero" (money is in base units, yuan);
    ``unit`` is the base unit printed in the cell ("元", "件", "%"), else None;
    ``qualifier`` is "at_least" for a printed 余/多 (1万2千余件) or 超过/逾 …, "approximate" for 约/近/左右,
    "at_most" for 不足/不到/以下 …, else None.
    "malformed": numeral characters that break the grammar (百百伍): unreadable, never a guess.
    """

    value: Decimal | None
    meaning: str
    unit: str | None
    raw: str
    qualifier: str | None = None


def parse_cell(text: str, signed: bool = False) -> CellValue:
    """Classify and parse one table cell.

    "113400 万元" -> 1134000000 元; "12件" -> 12 件; "0.00" -> zero;
    "—", "/", "无", "" -> empty; "2万" -> 20000 with unit None (万 is a
    magnitude, a part of the numeral, not a unit: only 万元 is a money unit).
    Negatives as printed: （-2）, (-2), -2, –2 (en dash), —2 (em dash), ‐2, −2; a dash alone is blank.
    ``signed``: the cell is a column of signed figures (the 2019 form's 本年增/减), where a figure in brackets
    with no sign is the accountants' negative ((3), （3） → −3); elsewhere (2) is a list number, no figure.
    """
    if isinstance(text, str) and len(text) <= _MAX_CACHED:
        return _parse_cell_cached(text, signed)
    return _parse_cell(text, signed)


# A report asks about the same cell texts again and again (0, —, the figures of a row, each time a column or a
# header is tried), and results are immutable: kept, up to a bound. Longer texts are never one figure.
_MAX_CACHED = 4 * _MAX_LEN


def _parse_cell(text: str, signed: bool = False) -> CellValue:
    raw = text if isinstance(text, str) else ""
    s = _squeeze(to_halfwidth(raw))
    if len(s) >= 2 and s[0] == "(" and s[-1] == ")":
        inner = s[1:-1].strip()
        # （-2）, （+3）, （减少2）: a signed figure; （2）: a list number, not a figure, but in a column of signed
        # figures the accountants' negative
        if inner and not (inner[0] == "+" or _SIGN_DASHES_RE.match(inner) or _CHANGE_WORD_RE.match(inner)):
            if not signed or not inner[0].isdigit():
                return CellValue(None, "invalid", None, raw)
            inner = "-" + inner
        s = inner
    if s in BLANK_TOKENS or _DASHES_RE.fullmatch(s):
        return CellValue(None, "empty", None, raw)
    if len(s) > _MAX_LEN:
        return CellValue(None, "invalid", None, raw)
    s, qualifier = _strip_qualifier(s)
    dash = _SIGN_DASHES_RE.match(s)
    if dash:
        s = "-" + s[dash.end():].lstrip()  # —2, –2, ——2: a dash before the figure is its sign
    elif change := _CHANGE_WORD_RE.match(s):
        s = ("-" if change[1][0] == "减" else "") + s[change.end():].lstrip()
    m = _CELL_UNIT_RE.fullmatch(s)  # figure, 余/多, unit: "113400万元", "1万2千余件", "-3件", "663"
    number, printed = (m["num"], m["unit"]) if m else (s, None)
    if printed in MONEY_UNITS and printed != "元" and not m["q"]:  # type: ignore[index]
        number, printed = number + printed[:-1], "元"  # 1亿2000万元: 万 closes the figure, 元 is the unit
    reading = read_number(number)
    unit = None
    qualifier = qualifier or (AT_LEAST if m and m["q"] else None)
    if printed in MONEY_UNITS:
        unit = "元"
        if reading.value is not None:
            reading = NumberReading(scale(reading.value, MONEY_UNITS[printed]), "number")
    elif printed:
        unit = COUNT_UNITS[printed]
    if reading.status == "malformed":
        return CellValue(None, "malformed", None, raw)
    if reading.value is None:
        return CellValue(None, "invalid", None, raw)
    return CellValue(reading.value, "zero" if reading.value == 0 else "number", unit, raw, qualifier)


_parse_cell_cached = lru_cache(maxsize=1 << 14)(_parse_cell)


def _strip_qualifier(s: str) -> tuple[str, str | None]:
    """约3 / 超过1万元 / 3件左右: the figure without its qualifier word, and the qualifier (approximate,
    at_least, at_most); a qualifier word alone stays as it is (no figure)."""
    for word in _PREFIXES:
        if s.startswith(word) and s[len(word):].strip():
            return s[len(word):].lstrip(), PREFIX_QUALIFIERS[word]
    for word in _SUFFIXES:
        if s.endswith(word) and s[:-len(word)].strip():
            return s[:-len(word)].rstrip(), SUFFIX_QUALIFIERS[word]
    return s, None


_MONEY_ALT = _alternation(MONEY_UNITS)
# Ordered from most to least explicit; a bare 元 only counts when it is
# clearly a unit label, since 元 also occurs in words (单元, 多元).
_HEADER_MONEY_RES: tuple[re.Pattern[str], ...] = (
    re.compile(rf"单位\s*[:：]?\s*(?:人民币)?\s*({_MONEY_ALT})"),
    re.compile(rf"[(\[【〔<《]\s*(?:人民币)?\s*({_MONEY_ALT})\s*[)\]】〕>》]"),
    re.compile(rf"[/]\s*({_MONEY_ALT})\s*$"),
    re.compile(r"(万亿元|千万元|百万元|亿元|万元|千元)"),
)


def money_multiplier(header_text: str) -> int | None:
    """Yuan per printed unit named in a column header, or None.

    "本年收费金额（单位：万元）" -> 10000, "采购总金额(万元)" -> 10000, "（元）" -> 1.
    """
    if not isinstance(header_text, str):
        return None
    s = to_halfwidth(header_text)
    for pattern in _HEADER_MONEY_RES:
        m = pattern.search(s)
        if m:
            return MONEY_UNITS[m[1]]
    return None
