"""Reference renderings of numbers as reports print them, for the round-trip properties of the numeral tests.

Written from the school rules of Chinese numerals, independently of extractors.numerals.
"""

from __future__ import annotations

_LOWER = ("零一二三四五六七八九", ("", "十", "百", "千"))
_UPPER = ("零壹贰叁肆伍陆柒捌玖", ("", "拾", "佰", "仟"))


def to_chinese(n: int, financial: bool = False, bare_ten: bool = False, liang: bool = False,
               zero: str = "零") -> str:
    """A reference renderer, written from the school rules, independent of the parser: 亿 and 万 sections
    of 千百十, one 零 for each gap, 大写 (financial) or 小写 digits, 十二 or 一十二, 两千 or 二千."""
    digits, units = _UPPER if financial else _LOWER
    digits = zero + digits[1:]

    def section(v: int) -> str:
        out, gap = "", False
        for place in (3, 2, 1, 0):
            d = v // 10**place % 10
            if d == 0:
                gap = bool(out)
                continue
            out += (zero if gap else "") + digits[d] + units[place]
            gap = False
        return out

    def below_10e8(v: int) -> str:
        high, low = divmod(v, 10**4)
        out = section(high) + "万" if high else ""
        if low:
            out += (zero if high and low < 1000 else "") + section(low)
        return out

    if n == 0:
        return zero
    high, low = divmod(n, 10**8)
    out = below_10e8(high) + "亿" if high else ""
    if low:
        out += (zero if high and low < 10**7 else "") + below_10e8(low)
    if bare_ten and out.startswith(digits[1] + units[1]):
        out = out[1:]  # 十二, 拾贰
    if liang and not financial:
        out = "".join("两" if c == "二" and out[i + 1:i + 2] in ("百", "千", "万", "亿") else c
                      for i, c in enumerate(out))
    return out


def to_arabic_magnitudes(n: int, thousand: bool) -> str:
    """12000 -> 1万2000 (or 1万2千), 120000000 -> 1亿2000万, 100000005 -> 1亿零5: as reports print them."""
    high, rest = divmod(n, 10**8)
    middle, low = divmod(rest, 10**4)
    out = (f"{high}亿" if high else "") + (f"{middle}万" if middle else "")
    if low and thousand and low % 1000 == 0:
        return out + f"{low // 1000}千"
    if low:
        out += ("零" if out and low < 10 else "") + str(low)  # 3万5 is 35000: a lone digit needs its 零
    return out or "0"
