"""Who reports, on which year, in which template edition: read from the title, the lines around it and the
preamble, then resolved to a division code (:mod:`extractors.regions`)."""

from __future__ import annotations

from dataclasses import dataclass

import regex

from extractors.model import Document
from extractors.numerals import parse_number

_REPORT_WORDS = ("年度报告", "工作报告", "年报")
_YEAR = r"((?:19|20)\d{2}|[〇零一二][〇零一二三四五六七八九]{3})"
_TITLE_YEAR = regex.compile(_YEAR + r"\s*年\s*度?")
_PERIOD = regex.compile(r"统计期限\D{0,6}" + _YEAR + r"\s*年")
_ISSUER_LINE = regex.compile(
    r"^[\p{Han}（）()]{2,40}(?:人民政府|政府办公室|政府办公厅|办公室|办公厅|委员会|局|厅|委|办|署|院|中心|管委会|街道办事处|办事处|镇人民政府|乡人民政府)$"
)


@dataclass(frozen=True)
class Identity:
    title: str | None
    year: int | None
    issuer_text: str | None  # the issuer as printed (a line under the title or a signature), if any
    context: str  # the title, issuer line and preamble: text to resolve the region from


def read_identity(doc: Document) -> Identity:
    paragraphs = [p.text.strip() for p in doc.paragraphs if p.text.strip()]
    title, title_start, title_end = _title(paragraphs)
    year = _year(title) if title else None
    # the issuer is printed under the title, or above it ("上海市宝山区人民政府" / "2020年政府信息公开…")
    head = paragraphs[title_end:title_end + 6] + paragraphs[max(0, title_start - 2):title_start]
    if year is None:
        year = next((y for y in (_period_year(p) for p in paragraphs[:40]) if y), None)
    issuer = next((p for p in head if _ISSUER_LINE.match(_compact(p))), None)
    if issuer is None:  # a signature at the end
        issuer = next((p for p in reversed(paragraphs[-4:]) if _ISSUER_LINE.match(_compact(p))), None)
    context = "\n".join(paragraphs[: title_end + 6])
    return Identity(title=title, year=year, issuer_text=_compact(issuer) if issuer else None, context=context)


def _compact(text: str) -> str:
    return regex.sub(r"\s+", "", text)


def _title(paragraphs: list[str]) -> tuple[str | None, int, int]:
    """The report's title, joined when it wraps over two or three lines; and its first and after-last index.

    Among the first lines that name a report, the one with a year and 政府信息公开/政务公开 wins; a web page's
    breadcrumb (首页>政府信息公开>年报) or a page title repeated in a sidebar names a report too, but loses.
    """
    best, best_score = None, 0
    for i, p in enumerate(paragraphs[:15]):
        text = _compact(p)
        if len(text) > 80 or not any(w in text for w in _REPORT_WORDS):
            continue
        score = 1 + 2 * bool(_TITLE_YEAR.search(text)) + bool(regex.search("政府信息公开|政务公开", text))
        if regex.search(r"[>›»]|首页|当前位置", text):
            score -= 4
        if "。" in text or "根据" in text:  # a sentence of the preamble ("本年度报告根据…编制。") is no title
            score -= 3
        if score > best_score:
            best, best_score = i, score
    if best is None:
        return None, 0, 0
    start = best
    # a title wrapped as "2020年上海市宝山区政府信息公开工作" + "年度报告": take the lines above it too
    while start > 0 and len(paragraphs[start - 1]) <= 40 and "。" not in paragraphs[start - 1] \
            and "政府信息公开" in _compact("".join(paragraphs[start - 1:best + 1])) \
            and "政府信息公开" not in _compact(paragraphs[start]):
        start -= 1
    return _compact("".join(paragraphs[start:best + 1])), start, best + 1


def _year(title: str) -> int | None:
    match = _TITLE_YEAR.search(title)
    return _to_year(match.group(1)) if match else None


def _period_year(text: str) -> int | None:
    match = _PERIOD.search(_compact(text))
    return _to_year(match.group(1)) if match else None


def _to_year(text: str) -> int | None:
    value = parse_number(text)
    return int(value) if value is not None and 1990 <= value <= 2100 else None
