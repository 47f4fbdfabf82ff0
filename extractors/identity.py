"""Who reports, on which year, published when, and whether the document is a report at all: read from the
title (a page's <title>/<meta> too), the lines around it, the preamble and the closing lines, then resolved to a
division code (:mod:`extractors.regions`).

Years are read as producers type them: 2022, ２０２２ (full width), 二〇二二 / 二○二二 (U+25CB WHITE CIRCLE, a
common stand-in for 〇) / 二零二二; a title without a year takes it from the 统计期限 line of the preamble.
"""

from __future__ import annotations

import datetime as dt
import unicodedata
from dataclasses import dataclass

import regex

from extractors.model import Document

_REPORT_WORDS = ("年度报告", "工作报告", "年报")
_ZERO = "〇○◯零ОOＯо０"  # the zeros typed in Chinese years: 〇, the circles ○ ◯, 零, and letters O
_CN_DIGIT = {**{z: 0 for z in _ZERO}, "一": 1, "二": 2, "三": 3, "四": 4, "五": 5, "六": 6, "七": 7, "八": 8, "九": 9}
_CN_YEAR = regex.compile(r"[一二][" + _ZERO + r"一二三四五六七八九]{3}(?=\s*年)")
_YEAR = r"((?:19|20)\d{2})"
_TITLE_YEAR = regex.compile(_YEAR + r"\s*年\s*度?")
_PERIOD = regex.compile(r"统计(?:期限|时限|时间|区间|范围)\D{0,8}" + _YEAR + r"\s*年")
_ISSUER_LINE = regex.compile(
    r"^[\p{Han}（）()]{2,40}(?:人民政府|政府办公室|政府办公厅|办公室|办公厅|委员会|局|厅|委|办|署|院|中心|管委会|街道办事处|办事处|镇人民政府|乡人民政府|机关|本级)$"
)
_DATE = regex.compile(r"((?:19|20)\d{2})\s*(?:年|[-/.])\s*(\d{1,2})\s*(?:月|[-/.])\s*(\d{1,2})\s*日?")
_CN_SMALL = regex.compile(r"^(十)?([一二三四五六七八九])?$|^([一二三])十([一二三四五六七八九])?$")
# a page's date labels, the publication's first; 成文日期 (the date written) and 更新时间 are not publication dates
_PORTAL_DATES = (regex.compile(r"(?:发布|公开|发文|上网)(?:日期|时间)\s*[:：]\s*"),
                 regex.compile(r"(?<!成文|生成|更新|修改|打印)(?:日期|时间)\s*[:：]\s*"))
_SITE_SEPARATORS = regex.compile(r"\s*(?:[_|｜]|--|——|\s-\s)\s*")
_NOT_REPORT_KINDS = (
    (regex.compile(r"法治政府建设|法治建设|依法行政"), "a 法治政府建设 report"),
    (regex.compile(r"(?:通知|通报|意见|方案|要点|函|批复|决定|办法|规定|公告|通告)$"), "a notice"),
    (regex.compile(r"政务公开工作(?:要点|总结|计划)|工作总结|工作计划"), "a work summary or plan"),
)
_ERROR_PAGE = regex.compile(r"404|页面不存在|页面未找到|找不到(?:该|您访问的)?页面|已被删除|Not Found", regex.I)


@dataclass(frozen=True)
class Identity:
    title: str | None
    year: int | None
    issuer_text: str | None  # the issuer as printed (a line under the title or a signature), if any
    context: str  # the title, issuer line and preamble: text to resolve the region from
    published: dt.date | None = None  # when the report was published (see read_identity)
    published_source: str | None = None  # portal (a page's 发布日期/PubDate) | closing_line (the date signed)
    publisher: str | None = None  # a portal's 发布机构: who put the page up, not necessarily whose report it is
    title_from: str | None = None  # text (the document's lines) | meta (a page's <title>/<meta>)


def normalise_years(text: str) -> str:
    """Full-width digits to ASCII and four-character Chinese years before 年 to digits (二○二二年 → 2022年)."""
    text = unicodedata.normalize("NFKC", text)
    return _CN_YEAR.sub(lambda m: "".join(str(_CN_DIGIT[c]) for c in m.group(0)), text)


def read_identity(doc: Document) -> Identity:
    """Title, year, issuer as printed, and the publication date of one document.

    The publication date is the portal's (a <meta name="PubDate">, the 信息公开目录's 发文日期, or a 发布日期 line
    above the text) where the page has one, else the closing date line under the signature.
    """
    paragraphs = [_unlabelled(p.text) if _LABEL.match(_compact(p.text)) else p.text.strip()
                  for p in doc.paragraphs if p.text.strip()]
    title, title_start, title_end = _title(paragraphs)
    title_from = "text" if title else None
    meta_title = _meta_title(doc.meta)
    if meta_title and (title is None or _title_score(_compact(meta_title)) > _title_score(title)):
        title, title_from = meta_title, "meta"
        at = next((i for i, p in enumerate(paragraphs[:30]) if _compact(p) == title), None)
        title_start, title_end = (at, at + 1) if at is not None else (0, 0)
    year = _year(title) if title else None
    # the issuer is printed under the title, or above it ("上海市宝山区人民政府" / "2020年政府信息公开…")
    head = paragraphs[title_end:title_end + 6] + paragraphs[max(0, title_start - 2):title_start]
    if title_from == "meta" and title_end == 0:
        head = []  # the title is only in the page's <head>: the first lines are the site's, not an issuer line
    if year is None:
        year = next((y for y in (_period_year(p) for p in paragraphs[:40]) if y), None)
    issuer = next((p for p in head if _ISSUER_LINE.match(_compact(p))), None)
    signature, closing = _closing(paragraphs, html=doc.format == "html")
    if issuer is None:
        issuer = signature
    published, source = _portal_date(doc.meta, paragraphs[:title_end + 12]), "portal"
    if published is None and closing is not None:
        published, source = closing, "closing_line"
    if published is not None and year is not None and published.year < year:
        published = None  # a date of the period reported on, not of publication
    context = "\n".join(paragraphs[: title_end + 6])
    if title_from == "meta":
        context = title + "\n" + context
    publisher = doc.meta.get("publisher") or _publisher_line(paragraphs[:title_end + 12])
    return Identity(title=title, year=year, issuer_text=_compact(issuer) if issuer else None, context=context,
                    published=published, published_source=source if published else None,
                    publisher=_compact(publisher) if publisher else None, title_from=title_from)


# compiled once: the regex module's own cache of patterns given as strings costs more than the match
_SPACES = regex.compile(r"\s+")
_DISCLOSURE = regex.compile("政府信息公开|政务公开")
_DISCLOSURE_ANY = regex.compile(r"政府信息公开|政务公开|信息公开")
_BREADCRUMB = regex.compile(r"[>›»]|首页|当前位置")
_DATE_CHARS = regex.compile(r"[\d年月日\-/.一二三四五六七八九十]+")
_SIGNED_DATE = regex.compile(r"^(.{2,40}?)((?:19|20)\d{2}年\d{1,2}月\d{1,2}日)$")


def _compact(text: str) -> str:
    return _SPACES.sub("", text)


_LABEL = regex.compile(r"^(?:名称|标题|文件名称|信息名称|题目)[:：]")


def _unlabelled(text: str) -> str:
    """A line of a portal's 信息公开目录 ("名　　称：2022年…报告") without its label."""
    return _LABEL.sub("", _compact(text))


def _title_score(text: str) -> int:
    if len(text) > 80 or not any(w in text for w in _REPORT_WORDS):
        return 0
    score = 1 + 2 * bool(_TITLE_YEAR.search(normalise_years(text))) + bool(_DISCLOSURE.search(text))
    if _BREADCRUMB.search(text):
        score -= 4
    if "。" in text or "根据" in text:  # a sentence of the preamble ("本年度报告根据…编制。") is no title
        score -= 3
    return score


def _title(paragraphs: list[str]) -> tuple[str | None, int, int]:
    """The report's title, joined when it wraps over two or three lines; and its first and after-last index.

    Among the first lines that name a report, the one with a year and 政府信息公开/政务公开 wins; a web page's
    breadcrumb (首页>政府信息公开>年报) or a page title repeated in a sidebar names a report too, but loses.
    """
    best, end, best_score = None, 0, 0
    head = [_compact(p) for p in paragraphs[:16]]
    for i, p in enumerate(head[:15]):
        score = _title_score(p)
        if score > best_score:
            best, end, best_score = i, i + 1, score
        # a title wrapped inside its report word ("…政府信息公开工作年度报" + "告"): neither line names a report
        if i + 1 < len(head) and len(head[i + 1]) <= 40 and "。" not in head[i + 1] \
                and any(w in p + head[i + 1] and w not in p and w not in head[i + 1] for w in _REPORT_WORDS):
            score = _title_score(p + head[i + 1])
            if score > best_score:
                best, end, best_score = i, i + 2, score
    if best is None:
        return None, 0, 0
    start = best
    # a title wrapped as "2020年上海市宝山区政府信息公开工作" + "年度报告", or inside its year ("…人民政府二〇二" +
    # "一年政府信息公开工作年度报告"): take the lines above it too
    while start > 0 and len(paragraphs[start - 1]) <= 40 and "。" not in paragraphs[start - 1] \
            and ("政府信息公开" in _compact("".join(paragraphs[start - 1:end]))
                 and "政府信息公开" not in _compact(paragraphs[start])
                 or _year(_compact("".join(paragraphs[start:end]))) is None
                 and _year(_compact("".join(paragraphs[start - 1:end]))) is not None):
        start -= 1
    return _compact("".join(paragraphs[start:end])), start, end


def _meta_title(meta: dict[str, str]) -> str | None:
    """A page's title from its <meta>/信息公开目录, else its <title> without the site's name ("…报告_某市人民政府")."""
    if meta.get("title") and _title_score(_compact(meta["title"])) > 0:
        return _compact(meta["title"])
    tag = meta.get("title_tag")
    if not tag:
        return None
    parts = [_compact(p) for p in _SITE_SEPARATORS.split(tag) if p.strip()]
    best = max(parts, key=_title_score, default=None)
    return best if best and _title_score(best) > 0 else None


def _year(title: str) -> int | None:
    match = _TITLE_YEAR.search(normalise_years(title))
    return _to_year(match.group(1)) if match else None


def _period_year(text: str) -> int | None:
    match = _PERIOD.search(normalise_years(_compact(text)))
    return _to_year(match.group(1)) if match else None


def _to_year(text: str) -> int | None:
    value = int(text)
    return value if 1990 <= value <= 2100 else None


# --- dates ------------------------------------------------------------------------------------------------------


def _cn_small(text: str) -> int | None:
    """一 … 三十一 (months and days)."""
    m = _CN_SMALL.match(text)
    if not m or not text:
        return None
    if m.group(3):
        return _CN_DIGIT[m.group(3)] * 10 + (_CN_DIGIT[m.group(4)] if m.group(4) else 0)
    return (10 if m.group(1) else 0) + (_CN_DIGIT[m.group(2)] if m.group(2) else 0)


_CN_MONTH_DAY = regex.compile(r"((?:19|20)\d{2})\s*年\s*([一二三四五六七八九十]{1,3})\s*月\s*([一二三四五六七八九十]{1,3})\s*日")


def parse_date(text: str) -> dt.date | None:
    """The first date in ``text``: 2023年1月15日, 2023-01-15, 2023/1/15, 二〇二三年一月十五日."""
    text = normalise_years(text)
    m = _DATE.search(text)
    if m:
        y, mo, d = (int(g) for g in m.groups())
    else:
        m = _CN_MONTH_DAY.search(text)
        if not m:
            return None
        y, mo, d = int(m.group(1)), _cn_small(m.group(2)), _cn_small(m.group(3))
        if mo is None or d is None:
            return None
    try:
        return dt.date(y, mo, d)
    except ValueError:
        return None


def _date_line(text: str) -> dt.date | None:
    """A line that is a date and nothing else (the closing date under the signature)."""
    t = _compact(normalise_years(text))
    if len(t) > 14:
        return None
    date = parse_date(t)
    return date if date and _DATE_CHARS.fullmatch(t) else None


def _closing(paragraphs: list[str], *, html: bool) -> tuple[str | None, dt.date | None]:
    """(signature, date) of the closing lines: an issuer line over a date line, or both on one line."""
    tail = paragraphs[-12:]
    for i in range(len(tail) - 1, -1, -1):
        line = _compact(tail[i])
        date = _date_line(line)
        if date:
            above = _compact(tail[i - 1]) if i > 0 else ""
            return (above if _ISSUER_LINE.match(above) else None), date
        m = _SIGNED_DATE.match(normalise_years(line))
        if m and _ISSUER_LINE.match(m.group(1)):
            return m.group(1), parse_date(m.group(2))
    # no date line: an issuer line that ends the text is a signature (a page's last lines may be its footer)
    if not html:
        last = next((p for p in reversed(paragraphs[-2:]) if _ISSUER_LINE.match(_compact(p))), None)
        return (_compact(last) if last else None), None
    return None, None


_PUBLISHER = regex.compile(r"(?:发布机构|发文机关|发布单位|信息来源|来源)\s*[:：]\s*([\p{Han}（）()]{2,40}?)(?=\s|$|发|日期|时间)")


def _publisher_line(head: list[str]) -> str | None:
    """发布机构：… / 来源：… printed above the text of a page (an article cut from a portal, a saved page)."""
    for line in head:
        m = _PUBLISHER.search(line)
        if m and _ISSUER_LINE.match(m.group(1)):
            return m.group(1)
    return None


def _portal_date(meta: dict[str, str], head: list[str]) -> dt.date | None:
    if meta.get("published"):
        date = parse_date(meta["published"])
        if date:
            return date
    for pattern in _PORTAL_DATES:
        for line in head:
            for m in pattern.finditer(line):
                date = parse_date(line[m.end():m.end() + 24])
                if date:
                    return date
    return None


# --- not a report -----------------------------------------------------------------------------------------------


def not_report_reason(ident: Identity, doc: Document, n_cells: int, n_figures: int) -> str | None:
    """Why the document is not a 政府信息公开工作年度报告, or None when it is one.

    ``n_cells``: template cells read (a printed blank counts); ``n_figures``: those printed as a figure (0 too).
    A title that names another kind of document decides: a 法治政府建设 report always; a notice or work plan
    unless it carries the report's tables filled in (a 关于公布…年度报告的通知 with the report in its body is
    one; the 国办 notice that issues the blank format is not). A document with neither a report's title nor
    its standard tables is not one either (a portal's error page, an index page listing reports).
    """
    title = ident.title or ""
    named = [title] if title else [  # what the document calls itself: the page's title, else its first line
        n for n in (_compact(doc.meta.get("title") or ""), _compact(doc.paragraphs[0].text) if doc.paragraphs else "")
        if n and len(n) <= 60]
    filled = n_figures >= 20
    for name in named:
        for i, (pattern, what) in enumerate(_NOT_REPORT_KINDS):
            if pattern.search(name) and (i == 0 or not filled):
                return f"{what} ({name[:60]}), not a 政府信息公开工作年度报告"
    has_tables = n_cells >= 20 and n_figures > 0
    titles = {_compact(p.text) for p in doc.paragraphs if _title_score(_compact(p.text)) >= 3}
    if len(titles) >= 3 and not has_tables:
        return f"a list of {len(titles)} reports' titles (an index page), not a report"
    if title and _DISCLOSURE_ANY.search(title) or has_tables:
        return None
    text = _compact(doc.text[:2000] + (doc.meta.get("title_tag") or ""))
    if _ERROR_PAGE.search(text) and len(text) < 1500:
        return "a web page that says it does not exist (404), not a report"
    return "neither a 政府信息公开工作年度报告 title nor its standard tables"
