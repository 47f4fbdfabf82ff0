"""Parsing numbers as they are printed in government disclosure reports.

Pure functions, no I/O.  Values are exact ``Decimal``s: cn2an is used for
Chinese integer numerals (where it is exact, it returns ``int``), but
decimals and Arabic-with-magnitude forms ("24252.311082万") are computed
here, because cn2an goes through ``float`` for those.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from decimal import Decimal, InvalidOperation

import cn2an

# --- module-level data -------------------------------------------------------

# Full-width ASCII block (U+FF01..U+FF5E) -> ASCII, one char for one char, so
# offsets into the original text stay valid.  Ideographic space -> space,
# minus-like signs -> "-".
_FULLWIDTH: dict[int, int] = {cp: cp - 0xFEE0 for cp in range(0xFF01, 0xFF5F)}
_FULLWIDTH.update({0x3000: 0x20, 0x00A0: 0x20, 0x2212: 0x2D, 0xFE63: 0x2D})
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

# Chinese digits for the fractional part after 点 (read digit by digit).
CN_DIGITS: dict[str, int] = {
    "零": 0, "〇": 0, "○": 0, "一": 1, "幺": 1, "二": 2, "两": 2, "三": 3,
    "四": 4, "五": 5, "六": 6, "七": 7, "八": 8, "九": 9,
    "壹": 1, "贰": 2, "叁": 3, "肆": 4, "伍": 5, "陆": 6, "柒": 7, "捌": 8, "玖": 9,
}
CN_NUMERAL_CHARS = "零〇○一幺二两三四五六七八九十百千万亿壹贰叁肆伍陆柒捌玖拾佰仟廿"

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


_ARABIC = r"(?:\d{1,3}(?:,\d{3})+|\d+)(?:\.\d+)?|\.\d+"
_MAG_ALT = _alternation(MAGNITUDES)
_ARABIC_MAG_RE = re.compile(rf"(?P<num>{_ARABIC})(?P<mag>{_MAG_ALT})?")
_ARABIC_SEGMENT_RE = re.compile(rf"(\d+(?:\.\d+)?)({_MAG_ALT})")
_CN_RE = re.compile(
    rf"(?P<int>[{CN_NUMERAL_CHARS}]+?)"
    rf"(?:点(?P<frac>[{''.join(CN_DIGITS)}]+)(?P<mag>{_MAG_ALT})?)?"
)
_CELL_UNIT_RE = re.compile(
    rf"(?P<num>.+?)(?P<unit>{_alternation(list(MONEY_UNITS) + list(COUNT_UNITS))})"
)
_DASHES_RE = re.compile(r"[-—–―─_~]+")
_MAX_LEN = 64  # nothing longer is "one number"; bounds work on hostile input


# --- helpers shared with quantities.py --------------------------------------

def to_halfwidth(text: str, keep_fullwidth_comma: bool = False) -> str:
    """Full-width digits/signs/punctuation to ASCII; same length as ``text``."""
    return text.translate(_FULLWIDTH_KEEP_COMMA if keep_fullwidth_comma else _FULLWIDTH)


def tidy(value: Decimal) -> Decimal:
    """Drop trailing zeros but never print in exponent form (1821800, not 1.8218E+6)."""
    value = value.normalize()
    if value == 0:
        return Decimal(0)
    if value.as_tuple().exponent > 0:  # type: ignore[operator]
        value = value.quantize(Decimal(1))
    return value


def _squeeze(text: str) -> str:
    """Remove whitespace except between two digits (where it splits numbers)."""
    text = text.strip()
    return re.sub(r"\s+", lambda m: " " if _digits_around(text, m) else "", text)


def _digits_around(text: str, m: re.Match[str]) -> bool:
    return (m.start() > 0 and text[m.start() - 1].isdigit()
            and m.end() < len(text) and text[m.end()].isdigit())


def _cn_integer(text: str) -> int | None:
    try:
        value = cn2an.cn2an(text, "normal")
    except Exception:  # cn2an signals "not a numeral" with ValueError; be safe
        value = None
    if isinstance(value, int):
        return value
    # cn2an refuses a count of 亿 that itself holds 万 (三百二十二万七千六百三十五亿一千), as its own an2cn
    # writes numbers from 10^12 up: read the parts either side of the last 亿 and put them together.
    head, sep, tail = text.rpartition("亿")
    if not sep or not head or "亿" in head:  # 亿亿 is no modern numeral
        return None
    high = _cn_integer(head)
    low = _cn_integer(tail.removeprefix("零")) if tail else 0
    if high is None or low is None or low >= 10**8:
        return None
    return high * 10**8 + low


def _parse_chinese(text: str) -> Decimal | None:
    m = _CN_RE.fullmatch(text)
    if not m:
        return None
    whole = _cn_integer(m["int"])
    if whole is None:
        return None
    value = Decimal(whole)
    if m["frac"]:
        value += Decimal("0." + "".join(str(CN_DIGITS[c]) for c in m["frac"]))
    if m["mag"]:
        value *= MAGNITUDES[m["mag"]]
    return value


def _parse_arabic_segments(text: str) -> Decimal | None:
    """'1亿2000万', '1万2千': Arabic parts with strictly falling magnitudes."""
    total, pos, last = Decimal(0), 0, None
    for m in _ARABIC_SEGMENT_RE.finditer(text):
        mag = MAGNITUDES[m[2]]
        if m.start() != pos or (last is not None and mag >= last):
            return None
        total += Decimal(m[1]) * mag
        pos, last = m.end(), mag
    return total if pos == len(text) and last is not None else None


# --- public API ----------------------------------------------------------------

def parse_number(text: str) -> Decimal | None:
    """One number written any way, or None.

    Accepts Arabic ("1,234", "1，234", "４８９５", "3.5"), signs (+ - ＋ － 负 正),
    Chinese numerals ("一百零四万", "两千三百", "二〇二〇", "九十八点二八"),
    Arabic or Chinese with a magnitude ("1.2亿", "188.4万", "一点二亿", "1万2千").
    Units, percent signs and qualifiers are not numbers: "12件", "5%", "约3" -> None.
    """
    if not isinstance(text, str):
        return None
    s = _squeeze(to_halfwidth(text))
    if not s or len(s) > _MAX_LEN:
        return None
    sign = 1
    if s[0] in "+-负正":
        sign, s = (-1 if s[0] in "-负" else 1), s[1:].lstrip()
    if not s:
        return None
    try:
        m = _ARABIC_MAG_RE.fullmatch(s)
        if m:
            value = Decimal(m["num"].replace(",", ""))
            if m["mag"]:
                value *= MAGNITUDES[m["mag"]]
        else:
            value = _parse_chinese(s)
            if value is None:
                value = _parse_arabic_segments(s)
        if value is None:
            return None
        return tidy(sign * value)
    except (InvalidOperation, ArithmeticError, ValueError):
        return None


@dataclass(frozen=True)
class CellValue:
    """A table cell: ``meaning`` is "number", "zero", "empty" or "invalid".

    ``value`` is set for "number" and "zero" (money is in base units, yuan);
    ``unit`` is the base unit printed in the cell ("元", "件", "%"), else None.
    """

    value: Decimal | None
    meaning: str
    unit: str | None
    raw: str


def parse_cell(text: str) -> CellValue:
    """Classify and parse one table cell.

    "113400 万元" -> 1134000000 元; "12件" -> 12 件; "0.00" -> zero;
    "—", "/", "无", "" -> empty; "2万" -> 20000 with unit None (万 is a
    magnitude, a part of the numeral, not a unit: only 万元 is a money unit).
    """
    raw = text if isinstance(text, str) else ""
    s = _squeeze(to_halfwidth(raw))
    if s in BLANK_TOKENS or _DASHES_RE.fullmatch(s):
        return CellValue(None, "empty", None, raw)
    value, unit = parse_number(s), None
    if value is None and len(s) <= _MAX_LEN:
        m = _CELL_UNIT_RE.fullmatch(s)
        if m:
            number = parse_number(m["num"])
            if number is not None:
                printed = m["unit"]
                if printed in MONEY_UNITS:
                    value, unit = tidy(number * MONEY_UNITS[printed]), "元"
                else:
                    value, unit = number, COUNT_UNITS[printed]
    if value is None:
        return CellValue(None, "invalid", None, raw)
    return CellValue(value, "zero" if value == 0 else "number", unit, raw)


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
