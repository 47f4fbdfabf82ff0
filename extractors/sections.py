"""The narrative as a section tree: 一、… (level 1) / （一）… (level 2) / 1、… (level 3), each with its text.

Headings are recognised by their numbering and their shortness, whatever the format marked them as; a heading
run into its paragraph ("（一）主动公开方面。2020年…") is split at its first full stop.
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
    if run_in and level <= 2:
        return level, run_in.group(1).rstrip("。：:"), run_in.group(2).strip()
    return None


def section_tree(doc: Document, title: str | None = None) -> list[Section]:
    """Sections in reading order; the first (level 0) holds the title and preamble."""
    sections = [Section(path=(), title=title or "", level=0, text="", page=None)]
    texts: list[list[str]] = [[]]
    stack: list[tuple[int, str]] = []
    top_seen = False
    for paragraph in doc.paragraphs:
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
            texts.append([rest] if rest else [])
            continue
        if not top_seen and title and paragraph.text.strip() == title:
            continue
        texts[-1].append(paragraph.text.strip())
        if sections[-1].page is None:
            sections[-1].page = paragraph.page
    for section, parts in zip(sections, texts):
        section.text = "\n".join(p for p in parts if p)
    return sections
