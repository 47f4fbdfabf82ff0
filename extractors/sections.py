"""The narrative as a section tree: 一、… (level 1) / （一）… (level 2) / 1、… (level 3), each with its text.

Headings are recognised by their numbering and their shortness, whatever the format marked them as; a heading
run into its paragraph ("（一）主动公开方面。2020年…") is split at its first full stop. Producers (WPS-made PDFs,
pages pasted without line breaks) also run a heading together with the line before it ("…取得新成效。二、主动公开
政府信息情况") or after it with no stop at all ("一、总体情况2022年，本县…"): a heading after a sentence's end that
is short and ends the paragraph, or that is one of the national form's own headings, opens its section; and a
form heading runs into its text exactly as far as the form's words go.
"""

from __future__ import annotations

import regex

from extractors.model import Document, Paragraph
from extractors.records import Section

_LEVELS = (
    (1, regex.compile(r"^\s*[一二三四五六七八九十]{1,3}\s*[、.．]\s*(?=\S)")),
    (2, regex.compile(r"^\s*[（(]\s*[一二三四五六七八九十]{1,3}\s*[)）]\s*(?=\S)")),
    (3, regex.compile(r"^\s*\d{1,2}\s*[、.．](?!\d)\s*(?=\S)")),
)
_MAX_TITLE = 40  # longer lines are prose that happens to start with a number
_RUN_IN = regex.compile(r"^(.{2,30}?[。：:])(.+)$", regex.S)
_STOP = regex.compile(r"^\s*[。：:，,]?\s*")
_HAN_FIRST = regex.compile(r"^\p{Han}")

# The headings the national form (国办公开办函〔2019〕60号 / 〔2021〕30号 and their predecessors) prints, and the
# five topics its 总体情况 covers: recognised even with no stop between them and the text that follows.
_FORM_H1 = (r"总体情况|主动公开政府信息的?情况|收到和处理政府信息公开申请的?情况|"
            r"(?:因)?政府信息公开(?:工作)?(?:被申请)?行政复议[、和及]?(?:提起)?行政诉讼的?情况|"
            r"存在的?主要问题[及和与]改进(?:情况|措施)|存在的?问题[及和与]改进(?:情况|措施)|其他需要报告的事项")
_FORM_H2 = (r"(?:主动公开|依申请公开|政府信息管理|(?:政府信息公开|政务公开)?平台建设|监督保障)"
            r"(?:方面|情况|工作)?")
_FORM_HEADING = regex.compile(
    r"^\s*(?:[一二三四五六七八九十]{1,3}\s*[、.．]\s*(?:" + _FORM_H1 + r")|"
    r"[（(]\s*[一二三四五六七八九十]{1,3}\s*[)）]\s*(?:" + _FORM_H2 + r"))")
_NUMBERED = r"(?:[一二三四五六七八九十]{1,3}\s*[、.．]|[（(]\s*[一二三四五六七八九十]{1,3}\s*[)）])"
# a heading after a sentence's end: the form's own, or any short numbered line that ends the paragraph
_RUN_ON = regex.compile(
    r"(?<=[。！？；;!?”])\s*(?=" + _NUMBERED + r"\s*(?:(?:" + _FORM_H1 + "|" + _FORM_H2 + r")|[^。；;]{2,38}$))")


def heading_level(text: str) -> int | None:
    for level, pattern in _LEVELS:
        if pattern.match(text):
            return level
    return None


def split_heading(paragraph: Paragraph) -> tuple[int, str, str] | None:
    """(level, title, run-in text) when the paragraph opens a section, else None."""
    text = paragraph.text.strip()
    level = heading_level(text)
    if level is None:
        return None
    if len(text) <= _MAX_TITLE and not text.endswith(("。", "；", ";")):
        return level, text, ""
    run_in = _RUN_IN.match(text)
    form = _FORM_HEADING.match(text)
    if form and level <= 2:
        rest = text[form.end():]
        stop = _STOP.match(rest)
        # the form's words end the heading; a topic of 总体情况 may be worded a little longer up to a stop
        if level == 1 or stop.end() or not _HAN_FIRST.match(rest) or not run_in \
                or len(run_in.group(1)) > form.end() + 8:
            return level, form.group(0).strip(), rest[stop.end():].strip()
    if run_in and level <= 2:
        return level, run_in.group(1).rstrip("。：:"), run_in.group(2).strip()
    return None


def _pieces(paragraphs: list[Paragraph]):
    """Paragraphs, with a heading run together with the sentence before it cut off as a paragraph of its own."""
    for paragraph in paragraphs:
        text = paragraph.text.strip()
        cuts = [m.start() for m in _RUN_ON.finditer(text)] if len(text) > 4 else []
        if not cuts:
            yield paragraph
            continue
        for a, b in zip([0, *cuts], [*cuts, len(text)]):
            if text[a:b].strip():
                yield Paragraph(text[a:b].strip(), page=paragraph.page, bbox=paragraph.bbox, level=paragraph.level)


def section_tree(doc: Document, title: str | None = None) -> list[Section]:
    """Sections in reading order; the first (level 0) holds the title and preamble."""
    sections = [Section(path=(), title=title or "", level=0, text="", page=None)]
    texts: list[list[tuple[str, int | None]]] = [[]]  # each section's paragraphs: text and page
    stack: list[tuple[int, str]] = []
    top_seen = False
    for paragraph in _pieces(doc.paragraphs):
        heading = split_heading(paragraph)
        # Sub-headings before the first 一、 are list items of the preamble, not sections.
        if heading and (heading[0] == 1 or top_seen):
            level, name, rest = heading
            top_seen = True
            while stack and stack[-1][0] >= level:
                stack.pop()
            stack.append((level, name))
            sections.append(Section(path=tuple(n for _, n in stack), title=name, level=level, text="",
                                    page=paragraph.page))
            texts.append([(rest, paragraph.page)] if rest else [])
            continue
        if not top_seen and title and paragraph.text.strip() == title:
            continue
        texts[-1].append((paragraph.text.strip(), paragraph.page))
        if sections[-1].page is None:
            sections[-1].page = paragraph.page
    for section, parts in zip(sections, texts):
        parts = [(text, page) for text, page in parts if text]
        section.text = "\n".join(text for text, _ in parts)
        starts, at = [], 0
        for text, page in parts:
            starts.append((at, page))
            at += len(text) + 1
        section.page_starts = tuple(starts)
    return sections
