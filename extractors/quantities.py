"""Finding quantities ("104万余条", "约7500条", "同比减少34.97%") in narrative text.

Pure functions, no I/O.  ``find_quantities`` scans the text once with one
pattern for Arabic or Chinese numerals (plus optional range, qualifiers,
magnitude and unit), then drops what is a number but not a quantity: years
and dates, ordinals (第…), document and article numbers, phone numbers, URLs,
list numbering, names and slogans ("十四五", "1+3", "四位一体").

Chinese numerals need a unit or a magnitude to count, and 一 + unit counts
only where it plainly counts: at the end of a clause ("召开新闻发布会一次，",
"开设专题一个。") or after 共/仅/各 ("各一次"); elsewhere 一 is mostly an article or
part of a word (一网通办, 统一, 开展一次专项检查).

What is and is not a quantity (held-out labels: tests/data/heldout_facts.json):

* a bare magnitude with a qualifier counts: 逾千件 (1000, at_least), 百余人, 近千条,
  万余人次; without one it is an idiom (千家万户, 万人空巷);
* vague numbers do not: 数十场, 十几个, 上百 …;
* 成 and fractions are percentages: 八成以上 (80 %, at_least), 超过七成, 三分之一
  (33.33 %, rounded to two places, no qualifier of its own);
* a duration followed by 内 is an upper bound: 5个工作日内, 15日内, 3个月内 (at_most);
* figures are read by the one numeral grammar of numerals.py: two magnitudes in one figure (1亿2000万元,
  1万2千余件), financial numerals (壹佰贰拾叁篇; a lone 陆 or 伍 is a word's character), a signed change
  (较上年增加-3件 is value -3 with sign +1; 减少3件 is value 3 with sign -1); malformed numerals (万万件) are none;
* ordinals (第三批, 第二年), years (2023年度), months (1至12月, 截至12月底),
  document numbers (〔2023〕12号), hotlines (12345热线) and phone numbers
  (0830-1234567) are not quantities.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass
from decimal import Decimal

from extractors.numerals import (
    APPROXIMATE,
    AT_LEAST,
    AT_MOST,
    CN_DIGITS,
    PREFIX_QUALIFIERS,
    SUFFIX_QUALIFIERS,
    COUNT_UNITS,
    MAGNITUDES,
    MONEY_UNITS,
    parse_number,
    scale,
    tidy,
    to_halfwidth,
)

# --- module-level data -------------------------------------------------------

# The qualifier words (约, 余, 左右 …) are the numerals module's, which table cells read too.
INNER_QUALIFIERS: dict[str, str] = {"余": AT_LEAST, "多": AT_LEAST}

INCREASE_WORDS = ("增长", "增加", "上升", "提高", "提升", "上涨", "增幅", "涨幅")
DECREASE_WORDS = ("下降", "减少", "降低", "下滑", "回落", "降幅", "减幅", "缩减")
# Money units in prose; values are converted to the base unit 元.
TEXT_MONEY_UNITS: dict[str, int] = {**MONEY_UNITS, "美元": 1}
# Counting units of prose beyond the table units (numerals.COUNT_UNITS).
TEXT_COUNT_UNITS: dict[str, str] = {
    **COUNT_UNITS, "场次": "场次", "件次": "件次", "条次": "条次", "个次": "个次", "期次": "期次",
    "家次": "家次", "宗": "宗", "笔": "笔", "卷": "卷", "类": "类", "字": "字", "页": "页",
}
# Units that count only after an Arabic number: 三类内部事务信息 and 八字方针 name kinds, 14类 counts them.
ARABIC_ONLY_UNITS = frozenset({"类", "字", "页"})
# Duration units after which 内 bounds the figure from above ("5个工作日内办结", "15日内").
DURATION_UNITS = frozenset({"工作日", "日", "天", "个月", "周", "小时", "分钟"})
# After "X个月内" these make 内 the start of a word (内部, 内容), not "within".
_NOT_WITHIN_NEXT = "部容涵外设控务"
# Characters before 一 that make it part of a word (统一, 唯一, 之一), never a count.
_ONE_IN_WORD_PREVIOUS = frozenset("统唯单同万之逐专第合归划不跑")  # 跑一次: 最多跑一次, a slogan
# Words right before 一 + unit that make it a count although the clause goes on ("各一次", "仅一件").
_ONE_COUNT_PREVIOUS = ("共", "计", "仅", "只", "各", "增加", "增长", "减少")
# A clause ends here: 一 + unit right before it counts ("召开新闻发布会一次，").
_CLAUSE_END = "，,。；;、：:！？!?）)\n"
PERCENT_UNITS = frozenset({"%", "百分点"})

# A number right before one of these is a date, an ID or a name, not a quantity.
NOT_QUANTITY_FOLLOWERS = ("年", "月", "号", "版", "周年", "届", "级", "楼", "层", "室", "弄",
                          "路", "时", "世纪")
# A bare number right after one of these names a table, an annex or a line (表1, 附件2, 拨打110).
LABEL_WORDS = ("表", "图", "附件", "附表", "序号", "编号", "章", "节", "拨打")
# A character before a Chinese numeral that makes it an ordinal, vague or a name.
CN_BAD_PREVIOUS = frozenset("第数几“\"‘'「『《〈周初")
# Chinese numeral + unit pairs that are names, not counts (一期工程, 二次开发).
CN_BAD_UNITS = frozenset({"期"})
# Characters after which "-" or "+" before a digit is a sign, not a hyphen.
_SIGN_CONTEXT = frozenset(" \t\n\r(:,;=，：；、（为达")
PHONE_WORDS = ("电话", "热线", "传真", "手机", "联系方式", "号码", "邮编", "邮政编码", "QQ", "微信号")

_WS = r"[ \t]*"
# Arabic, with thousands separators (1,234; 1，234 only between digit groups) and magnitudes inside the
# figure (1亿2000万, 1万2千, 1亿零500万: the last magnitude is the phrase's own group ``mag``).
_AR = (r"(?<![\d.])(?<!\d,)(?<!\d，)(?:\d{1,3}(?:[,，]\d{3})+(?!\d)|\d+)(?:\.\d+)?"
       r"(?:(?:亿|万|千(?![米克瓦]))零?\d+(?:\.\d+)?)*")
_CN_CHARS = "零〇○一二两三四五六七八九十百千万亿壹贰叁肆伍陆柒捌玖拾佰仟"
_CN = rf"(?<![{_CN_CHARS}])[{_CN_CHARS}]+(?:点[零〇○一二三四五六七八九]+)?"
# Financial (大写) digits and units: one alone is a word's character (队伍, 大陆, 收拾), not a numeral.
_FINANCIAL = frozenset("壹贰叁肆伍陆柒捌玖拾佰仟")
_NUM = rf"(?:{_AR}|{_CN})"


def _alt(words: Iterable[str]) -> str:
    return "|".join(re.escape(w) for w in sorted(words, key=len, reverse=True))


_UNITS = _alt(list(TEXT_MONEY_UNITS) + list(TEXT_COUNT_UNITS))
_QUANTITY_RE = re.compile(
    rf"(?:(?P<num0>{_NUM})(?:(?P<rsep>[-~—–])|{_WS}(?P<rword>至|到){_WS}))?"
    rf"(?P<num>{_NUM})"
    rf"(?:{_WS}(?P<q1>余|多))?"
    rf"(?:{_WS}(?P<mag>万亿|千万|百万|亿|万|千(?![米克瓦])|百(?!分)))?"
    rf"(?:{_WS}(?P<q2>余|多))?"
    rf"(?:{_WS}(?P<unit>{_UNITS}))?"
    rf"(?:{_WS}(?P<q3>{_alt(SUFFIX_QUALIFIERS)}))?"
)
_PERCENT_RE = re.compile(
    rf"百分之{_WS}(?P<num>{_AR}|[零〇一二两三四五六七八九十百千]+(?:点[零〇一二三四五六七八九]+)?)"
    rf"(?:{_WS}(?P<q3>{_alt(SUFFIX_QUALIFIERS)}))?"
)
# 八成以上, 超过七成: tenths.  Not 一成不变, 三五成群 (a digit before), 七成八 (78 %, too rare to read),
# nor 成 starting a word (三成员单位, 统一成标准格式 is caught by _ONE_IN_WORD_PREVIOUS).
_TENTHS_RE = re.compile(
    r"(?<![零〇一二两三四五六七八九十百千万\d.])(?P<num>\d|[一二两三四五六七八九])成"
    r"(?!不变|[员果效本立为功绩交熟都品型就套像年人长分份片批册了文规体网线事零〇一二两三四五六七八九\d])"
    rf"(?:{_WS}(?P<q1>余|多))?(?:{_WS}(?P<q3>{_alt(SUFFIX_QUALIFIERS)}))?"
)
# 三分之一, 五分之二 (百分之 is read by _PERCENT_RE first and its span is taken).
_FRACTION_RE = re.compile(
    r"(?<![零〇一二两三四五六七八九十百千万\d.])(?P<den>\d+|[一二两三四五六七八九十百千万]+)分之"
    r"(?P<num>\d+(?:\.\d+)?|[一二两三四五六七八九十]+)"
    rf"(?:{_WS}(?P<q3>{_alt(SUFFIX_QUALIFIERS)}))?"
)
_PREFIX_RE = re.compile(rf"(?:{_alt(PREFIX_QUALIFIERS)}){_WS}$")
# Norm-style bounds also reach over a short noun phrase: 不低于部门项目支出资金总量50%.
_DISTANT_PREFIX_RE = re.compile(
    r"(不低于|不少于|不超过|不高于)[^\d\s，。；,;:：、()“”零〇一二两三四五六七八九十百千万亿]{1,12}$"
)
_SIGN_RE = re.compile(
    rf"(?:(?P<up>{_alt(INCREASE_WORDS)})|(?P<down>{_alt(DECREASE_WORDS)})"
    rf"|(?:同比|环比)(?:(?P<up1>增|涨|升)|(?P<down1>减|降)))(?:了|为|达到|达)?{_WS}$"
)
# Spans whose digits are never quantities.  Every pattern is linear in the text: a repeated class that
# opens a pattern is guarded by a lookbehind on the same class, so a long run of letters, digits or
# hyphens is tried from its start only (issue 12: 16,000 such characters took 8.5 s).  Web addresses
# without a scheme are found by _domain_spans, not by a pattern.
_MASK_RES: tuple[re.Pattern[str], ...] = (
    re.compile(r"(?:https?://|ftp://|www\.)[!-~]+", re.I),                        # URL
    re.compile(r"(?<![A-Za-z0-9._%+-])[A-Za-z0-9._%+-]+@[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)+"),  # e-mail
    # 2020-12, 2020/12/31, 2020.12.31 (two dotted parts would be an amount: 2020.12万元)
    re.compile(r"(?<!\d)(?:19|20)\d{2}(?:[-/]\d{1,2}(?:[-/]\d{1,2})?|\.\d{1,2}\.\d{1,2})(?![\d.])"),
    re.compile(r"(?<!\d)\d{1,2}:\d{2}(?::\d{2})?(?!\d)"),                         # clock time
    re.compile(r"[〔\[【(][ \t]*(?:19|20)\d{2}[ \t]*[〕\]】)][ \t]*\d*[ \t]*号?"),  # 〔2020〕5号
    re.compile(r"(?<!\d)\(?0\d{2,3}\)?[ \t]*-?[ \t]*\d{7,8}(?:-\d{1,6})?(?!\d)"),  # 021-66135566
    re.compile(r"(?<!\d)[48]00-?\d{3}-?\d{4}(?!\d)"),                             # 400 hotlines
    re.compile(r"(?<!\d)1[3-9]\d{9}(?!\d)"),                                      # mobile
)


@dataclass(frozen=True)
class Quantity:
    """A quantity stated in text.

    ``value`` is in the base unit (money in 元, "104万" is 1040000); ``unit`` is
    "元" for money, the counting unit ("条", "%", "人次"), or "" for a bare
    number.  ``sign`` is +1/-1 when the text states a change (增长/减少 …).
    ``raw`` is ``text[start:end]`` and includes qualifier words (约, 余, 以上).
    """

    value: Decimal
    unit: str
    qualifier: str | None
    kind: str
    sign: int | None
    raw: str
    start: int
    end: int


# --- helpers -------------------------------------------------------------------

def _is_ascii_alnum(ch: str) -> bool:
    return ch.isascii() and ch.isalnum()


def _is_cjk(ch: str) -> bool:
    return "\u4e00" <= ch <= "\u9fff"


def _cn_value(run: str, percent: bool = False, bare_ok: bool = False) -> Decimal | None:
    """Chinese numeral in prose; digit-by-digit runs (一一, 二〇二〇) are not counts."""
    if len(run) > 32 or (len(run) == 1 and run in _FINANCIAL):
        return None
    integer = run.split("点", 1)[0]
    if len(integer) > 1 and all(c in CN_DIGITS for c in integer):
        return None
    if integer[0] in "百千万亿":
        if not (percent or bare_ok):
            return None  # 千家万户, 百家: idioms, not counts
        run = "一" + run  # 百分之百, 逾千件: the leading 一 is left out
    return parse_number(run)


def _prefix(before: str) -> tuple[str | None, int]:
    """Qualifier ending right before the number, and its length with spaces."""
    m = _PREFIX_RE.search(before[-6:])
    if m:
        return PREFIX_QUALIFIERS[m[0].strip(" \t")], len(m[0])
    m = _DISTANT_PREFIX_RE.search(before[-16:])
    return (PREFIX_QUALIFIERS[m[1]], 0) if m else (None, 0)


def _sign(before: str) -> int | None:
    m = _SIGN_RE.search(before[-8:])
    if not m:
        return None
    if m["up"] and m["up"] == "增加" and before[: -len(m[0])].endswith("新"):
        return None
    return 1 if (m["up"] or m["up1"]) else -1


def _pick_qualifier(*found: str | None) -> str | None:
    """Bounds (余, 以上, 不足) say more than 约 when a phrase has both (约22000多篇)."""
    bounds = [q for q in found if q in (AT_LEAST, AT_MOST)]
    if bounds:
        return bounds[0]
    return APPROXIMATE if APPROXIMATE in found else None


_DOMAIN_RUN_RE = re.compile(r"(?<![A-Za-z0-9.-])[A-Za-z0-9.-]+")  # maximal runs: each character read once
_NOT_PRINTABLE_RE = re.compile(r"[^!-~]")  # where an address's printable ASCII run ends
_TOP_LEVEL_DOMAINS = frozenset({"cn", "com", "net", "org", "gov", "edu"})


def _domain_spans(text: str) -> Iterable[tuple[int, int]]:
    """example-site.gov.cn/path: labels joined by dots up to a top-level domain, then the rest of the
    printable ASCII run.  Linear: one pass over runs of [A-Za-z0-9.-], each split once."""
    covered = 0
    for run in _DOMAIN_RUN_RE.finditer(text):
        if run.start() < covered:
            continue  # inside the address found before (a.cn/b.cn/…): each character is read once
        labels, offset, chain_start, chain_len = run[0].split("."), run.start(), run.start(), 0
        for label in labels:
            if chain_len and label.lower() in _TOP_LEVEL_DOMAINS:
                stop = _NOT_PRINTABLE_RE.search(text, offset + len(label))
                covered = stop.start() if stop else len(text)
                yield chain_start, covered
                break
            if label:
                chain_len += 1
            else:
                chain_start, chain_len = offset + 1, 0  # ".." breaks the chain of labels
            offset += len(label) + 1


def _masked(text: str) -> list[bool]:
    mask = [False] * len(text)
    spans = [m.span() for pattern in _MASK_RES for m in pattern.finditer(text)]
    for start, end in [*spans, *_domain_spans(text)]:
        mask[start:end] = [True] * (end - start)
    return mask


def _line_start(text: str, pos: int) -> bool:
    newline = text.rfind("\n", max(0, pos - 200), pos)
    if newline < 0 and pos > 200:
        return False
    return text[newline + 1:pos].strip() == ""


def _number_is_id(t: str, start: int, end: int, arabic: bool, range_end: bool = False) -> bool:
    """True when the numeral at t[start:end] is a label, code or date, not an amount."""
    prev = t[start - 1] if start else "\x00"  # sentinel: `"" in "abc"` is True
    before = t[max(0, start - 8):start].rstrip(" \t")  # windows keep long texts linear
    after = t[end:end + 8]
    nxt = after[:1] or "\x00"
    if before.endswith("第") or before.endswith("第(") or before.endswith("第（"):
        return True
    if prev in "([【〔" and nxt in ")]】〕":
        return True  # (1), （一）: list numbering
    if not arabic:
        return prev in CN_BAD_PREVIOUS
    digits = t[start:end]
    if _is_ascii_alnum(prev) or _is_ascii_alnum(nxt) or nxt == "+":
        return True  # IPv6, 5G, 1+3
    if prev == "+" and start >= 2 and _is_ascii_alnum(t[start - 2]):
        return True
    if not range_end and prev in "-/:_#" and start >= 2 and _is_ascii_alnum(t[start - 2]):
        return True  # COVID-19, 12/31, No.#5
    if nxt in "/:" and after[1:2].isdigit():
        return True
    if re.fullmatch(r"0\d+", digits):
        return True  # 021, 001: codes keep their leading zero
    plain = digits.isdigit()  # not 1,234 nor 12.5 nor 1亿2000 (a figure with magnitudes is an amount)
    if plain and len(digits) >= 11:
        return True  # IDs, credit codes
    if nxt in "、." and not after[1:2].isdigit() and _line_start(t, start):
        return True  # "1、全面推进", "2.xxx"
    if (len(digits) >= 5 and plain
            and any(w in t[max(0, start - 12):start] for w in PHONE_WORDS)):
        return True  # 热线 66135566; not 热线受理投诉3,215件
    return False


def _followed_by_non_quantity(after: str) -> bool:
    after = after.lstrip(" \t")
    name = re.split(r"[，。；、,;:：()“”]", after, maxsplit=1)[0]
    return after.startswith(NOT_QUANTITY_FOLLOWERS) or "热线" in name  # 12345市民服务热线


# --- public API ----------------------------------------------------------------

def find_quantities(text: str) -> list[Quantity]:
    """All quantities stated in ``text``, in order of position; never raises."""
    if not isinstance(text, str) or not text:
        return []
    try:
        return _find(text)
    except Exception:  # defensive: one odd paragraph must not stop a report
        return []


def _find(text: str) -> list[Quantity]:
    t = to_halfwidth(text, keep_fullwidth_comma=True)
    mask = _masked(t)
    found: list[Quantity] = []
    taken = [False] * len(t)

    for m in _PERCENT_RE.finditer(t):
        if mask[m.start()]:
            continue
        raw_num = m["num"]
        value = parse_number(raw_num) if raw_num[0].isdigit() else _cn_value(raw_num, percent=True)
        if value is None:
            continue
        q = _build(t, text, m.start(), m.end(), value, "%", [m["q3"] and SUFFIX_QUALIFIERS[m["q3"]]])
        found.append(q)
        for i in range(q.start, q.end):
            taken[i] = True

    for m in _FRACTION_RE.finditer(t):  # 三分之一: a share, in percent
        if any(mask[m.start(): m.end()]) or any(taken[m.start(): m.end()]) or t[m.start() - 1: m.start()] == "第":
            continue
        den, num = (parse_number(g) if g[0].isdigit() else _cn_value(g, bare_ok=True) for g in (m["den"], m["num"]))
        if not den or num is None or den < 2 or num > den:
            continue
        value = (num * 100 / den).quantize(Decimal("0.01"))  # 千分之三 is 0.3 %
        q = _build(t, text, m.start(), m.end(), value, "%", [m["q3"] and SUFFIX_QUALIFIERS[m["q3"]]])
        found.append(q)
        for i in range(q.start, q.end):
            taken[i] = True

    for m in _TENTHS_RE.finditer(t):  # 八成以上: tenths, in percent
        if any(mask[m.start(): m.end()]) or any(taken[m.start(): m.end()]):
            continue
        value = parse_number(m["num"])
        if value is None or value == 0 or (m["num"] == "一" and t[m.start() - 1: m.start()] in _ONE_IN_WORD_PREVIOUS):
            continue
        qualifiers = [m["q1"] and INNER_QUALIFIERS[m["q1"]], m["q3"] and SUFFIX_QUALIFIERS[m["q3"]]]
        q = _build(t, text, m.start(), m.end(), value * 10, "%", qualifiers)
        found.append(q)
        for i in range(q.start, q.end):
            taken[i] = True

    for m in _QUANTITY_RE.finditer(t):
        if any(mask[m.start(): m.end()]) or any(taken[m.start(): m.end()]):
            continue
        found.extend(_from_match(t, text, m))
    found.sort(key=lambda q: q.start)
    return found


def _from_match(t: str, text: str, m: re.Match[str]) -> list[Quantity]:
    unit_printed = m["unit"]
    num_start, num_end = m.start("num"), m.end("num")
    first_start = m.start("num0") if m["num0"] else num_start

    # Checks on the whole phrase: what precedes its first number, what follows it.
    tail_end = m.end("unit") if unit_printed else max(num_end, m.end("q1"), m.end("mag"), m.end("q2"))
    if unit_printed is None and (_followed_by_non_quantity(t[tail_end:tail_end + 12])
                                 or t[max(0, first_start - 4):first_start].rstrip(" \t").endswith(LABEL_WORDS)):
        return []
    if unit_printed == "日" and t[max(0, first_start - 4):first_start].rstrip(" \t").endswith("月"):
        return []  # 12月31日: a date
    if unit_printed == "周" and t[tail_end:tail_end + 1] == "年":
        return []  # 100周年

    numbers = [("num", num_start, num_end)]
    if m["num0"]:
        numbers.insert(0, ("num0", m.start("num0"), m.end("num0")))
    mag = m["mag"]
    magnitude = MAGNITUDES[mag] if mag else 1
    parsed: list[tuple[int, int, Decimal, bool]] = []  # (start, end, value with the magnitude, arabic)
    for group, start, end in numbers:
        run = m[group]
        arabic = run[0].isdigit()
        if _number_is_id(t, start, end, arabic, range_end=group == "num" and bool(m["num0"])):
            return []
        # 逾千件, 百余人, 近千条, 万余人次: a bare magnitude counts when a qualifier bounds it.
        bare_ok = group == "num" and bool(m["q1"] or m["q2"] or _prefix(t[max(0, start - 16):start])[0])
        if group == "num" and mag:
            # The magnitude closes the figure: 1亿2000 + 万 is 1亿2000万 (not 1亿2000 times 万), 三点五 + 万.
            value = parse_number(run + mag) if arabic else _cn_value(run + mag, bare_ok=bare_ok)
        else:
            value = parse_number(run) if arabic else _cn_value(run, bare_ok=bare_ok)
            value = scale(value, magnitude) if value is not None else None  # 30-50万元: the range shares it
        if value is None:
            return []
        parsed.append((start, end, value, arabic))

    last_arabic = parsed[-1][3]
    if not last_arabic:
        run = m["num"]
        has_magnitude = bool(mag) or "万" in run or "亿" in run
        # "召开新闻发布会一次，", "培训六期。": a numeral and unit closing a clause count what precedes them.
        closes_clause = bool(unit_printed) and not m["q3"] and (m.end() == len(t) or t[m.end()] in _CLAUSE_END)
        if run == "一" and not mag:
            before = t[max(0, num_start - 2):num_start]
            if t[num_start - 1: num_start] in _ONE_IN_WORD_PREVIOUS or not unit_printed:
                return []  # 统一, 之一, 一是
            if not (closes_clause or before.endswith(_ONE_COUNT_PREVIOUS)):
                return []  # 一个, 一次, 一件事, 开展一次专项检查
            clause = re.split(r"[，,。；;、：:\n]", t[max(0, num_start - 12):num_start])[-1]
            if "每" in clause:
                return []  # 每月更新一次, 每季度召开一次: a frequency, not a count
        if not (unit_printed or has_magnitude):
            return []  # 十九大, 三清单
        if unit_printed in ARABIC_ONLY_UNITS:
            return []  # 三类内部事务信息, 八字方针
        if (unit_printed in CN_BAD_UNITS or (run == "二" and unit_printed == "次")) and not closes_clause:
            return []  # 三期工程, 二次开发
        if unit_printed == "位" and t.startswith("一体", m.end("unit")):
            return []  # 四位一体
    unit, kind_multiplier = "", 1
    if unit_printed in TEXT_MONEY_UNITS:
        unit = "美元" if unit_printed == "美元" else "元"
        kind_multiplier = TEXT_MONEY_UNITS[unit_printed]
    elif unit_printed:
        unit = TEXT_COUNT_UNITS[unit_printed]
    inner = [INNER_QUALIFIERS[q] for q in (m["q1"], m["q2"]) if q]
    suffix = [SUFFIX_QUALIFIERS[m["q3"]]] if m["q3"] else []

    results = []
    end = m.end()
    if (not m["q3"] and unit in DURATION_UNITS and t[end:end + 1] == "内"
            and (t[end + 1:end + 2] or "\x00") not in _NOT_WITHIN_NEXT):
        suffix, end = [AT_MOST], end + 1  # 5个工作日内办结, 15日内: within, an upper bound
    if len(parsed) == 2 and parsed[0][2] >= parsed[1][2]:
        parsed = parsed[1:]  # "5-3" is no range; keep the number the unit belongs to
    if len(parsed) == 2:  # 30-50人, 三至五个: lower bound then upper bound
        start0, end0, value0, _ = parsed[0]
        results.append(_build(t, text, start0, end0, scale(value0, kind_multiplier), unit,
                              [AT_LEAST], raw_end=end0))
        start1 = parsed[1][0]
        results.append(_build(t, text, start1, end, scale(parsed[1][2], kind_multiplier), unit,
                              [AT_MOST, *inner, *suffix], use_prefix=False))
        return results
    start, _, value, arabic = parsed[0]
    if (arabic and start and t[start - 1] in "+-"
            and (start < 2 or t[start - 2] in _SIGN_CONTEXT or _is_cjk(t[start - 2]))):
        start -= 1  # "本年增/减 -3", 较上年增加-3件: a signed number, not a hyphen
        value = -value if t[start] == "-" else value
    return [_build(t, text, start, end, scale(value, kind_multiplier), unit, [*inner, *suffix])]


def _build(t: str, text: str, start: int, end: int, value: Decimal, unit: str,
           qualifiers: list[str | None], raw_end: int | None = None,
           use_prefix: bool = True) -> Quantity:
    end = raw_end if raw_end is not None else end
    before = t[max(0, start - 16):start]
    prefix, prefix_len = _prefix(before) if use_prefix else (None, 0)
    if prefix is None and start and t[start - 1] in "¥￥":
        unit, prefix_len = "元", 1
    start -= prefix_len
    sign = _sign(t[max(0, start - 8):start])
    if unit == "元" or unit == "美元":
        kind = "money"
    elif unit in PERCENT_UNITS:
        kind = "change_percent" if sign is not None else "percent"
    else:
        kind = "count"
    return Quantity(
        value=tidy(value),
        unit=unit,
        qualifier=_pick_qualifier(*qualifiers, prefix),
        kind=kind,
        sign=sign,
        raw=text[start:end],
        start=start,
        end=end,
    )
