"""Plain text: tab-separated tables, space-aligned tables (``pdftotext -layout``), paragraphs.

* A run of tab-separated lines is a table (blank lines inside allowed): how copy-pasted or converted reports
  (and the project's seed report) flatten their tables.
* Space-aligned text, as ``pdftotext -layout`` writes a PDF, keeps each word at the character column where it
  stood on the page. Every word becomes a box (column → x, line → y) and the tables are found by the same
  word-position assembly as borderless PDF tables (:mod:`extractors.readers.borderless`). The whole dump is
  one coordinate space (form feeds dropped), so a table continued on the next page stays one table; blocks
  still carry the page the form feeds give.
* Lines of such a dump outside tables are joined back into paragraphs (a new one at an indented line, after a
  short line or a blank line), as the PDF reader does with the lines of a page.
* Text holding a Markdown pipe table is Markdown (:mod:`extractors.readers.markdown`).

Measured on pdftotext 22.x output of our PDFs: every character, CJK included, takes one column. A dump
written by a tool that pads CJK characters to two columns is recognised by its figures lining up under that
counting instead (:func:`_cjk_columns`).
"""

from __future__ import annotations

import unicodedata
from pathlib import Path

import regex

from extractors.model import Document, Paragraph, table_from_rows
from extractors.readers.borderless import find_borderless_tables
from extractors.readers.encoding import decode

_EMPHASIS = regex.compile(r"\*\*(.+?)\*\*")  # Markdown bold left by converters: the words stay, the stars go
_WORD = regex.compile(r"\S+")
_FIGURE = regex.compile(r"^[-+]?\d[\d,.]*%?$|^[—–/-]$")
# Page furniture a PDF prints in its margins: a page number alone on its line
_FURNITURE = regex.compile(r"^\s*(?:[-—－–]\s*\d+\s*[-—－–]|\d{1,4}|第\s*\d+\s*页(?:\s*[,，/]?\s*共\s*\d+\s*页)?"
                           r"|\d+\s*/\s*\d+)\s*$")
_SIZE = 2.0  # a word box's height, in columns: the unit borderless measures gaps and line distances in
_PITCH = 1.25 * _SIZE  # one text line to the next, as a PDF's line spacing to its font size


def read(path: Path, data: bytes) -> Document:
    text, _ = decode(data)
    return parse_text(text, str(path))


def parse_text(text: str, path: str = "<text>") -> Document:
    from extractors.readers import markdown

    if markdown.has_pipe_table(text):
        return markdown.parse_markdown(text, path)
    paged = "\f" in text
    lines: list[tuple[int | None, str]] = []  # (page, line); pages only where form feeds mark them
    for number, page in enumerate(text.split("\f"), start=1):
        page_lines = [_EMPHASIS.sub(r"\1", line.rstrip("\r\n")) for line in page.splitlines()]
        lines += [(number if paged else None, line) for line in (_drop_furniture(page_lines) if paged else page_lines)]
    texts = [line for _, line in lines]
    blocks = []
    loose: list[tuple[int, int | None, str]] = []  # (index, page, line) of the lines outside tab tables
    i = 0
    while i < len(lines):
        page, line = lines[i]
        if _is_row(line):
            blocks += _aligned(loose, paged)
            loose = []
            rows, i = _table_lines(texts, i)
            cells = [r.split("\t") for r in rows]
            if any(sum(bool(c.strip()) for c in row) >= 2 for row in cells):
                blocks.append(table_from_rows(cells, page))
            else:  # tabs but never two cells side by side: prose laid out with tabs
                blocks += [Paragraph(r.strip(), page=page) for r in rows if r.strip()]
            continue
        loose.append((i, page, line))
        i += 1
    blocks += _aligned(loose, paged)
    pages = max((p for p, _ in lines if p), default=None) if paged else None
    return Document(path=path, format="text", blocks=blocks, pages=pages)


def _drop_furniture(lines: list[str]) -> list[str]:
    """A page number on the last or first non-blank line of a page is not text of the report."""
    filled = [i for i, line in enumerate(lines) if line.strip()]
    drop = {i for i in filled[:1] + filled[-1:] if _FURNITURE.match(lines[i])}
    return [line for i, line in enumerate(lines) if i not in drop]


def _is_row(line: str) -> bool:
    """A tab after the line's first words: a leading tab alone is an indent."""
    return "\t" in line.lstrip()


def _table_lines(lines: list[str], i: int) -> tuple[list[str], int]:
    rows = []
    while i < len(lines):
        if _is_row(lines[i]):
            rows.append(lines[i])
            i += 1
            continue
        j = i
        while j < len(lines) and not lines[j].strip():
            j += 1
        if j > i and j < len(lines) and _is_row(lines[j]):
            i = j  # blank lines inside a table (a page break in the original)
            continue
        break
    return rows, i


def _width(text: str, cjk: int) -> int:
    return sum(cjk if unicodedata.east_asian_width(ch) in "WF" else 1 for ch in text)


def _cjk_columns(lines: list[str]) -> int:
    """1 or 2: the counting of CJK characters under which the figures of the dump line up best (figures of
    one column end at one position, so the counting that gives fewer distinct end positions is the writer's)."""
    spread = {}
    for cjk in (1, 2):
        ends = set()
        for line in lines:
            for m in _WORD.finditer(line):
                if _FIGURE.match(m.group()) and regex.search(r"\p{Han}", line[:m.start()]):
                    ends.add(_width(line[:m.end()], cjk))
        spread[cjk] = len(ends)
    return 2 if spread[2] < spread[1] else 1


def _aligned(loose: list[tuple[int, int | None, str]], paged: bool) -> list:
    """Tables found from character columns, and the other lines as paragraphs, in line order."""
    if not loose:
        return []
    cjk = _cjk_columns([line for _, _, line in loose])
    words: list[dict] = []
    for index, page, line in loose:
        for m in _WORD.finditer(line):
            x0 = _width(line[:m.start()], cjk)
            words.append({"text": m.group(), "x0": float(x0), "x1": float(x0 + _width(m.group(), cjk)),
                          "top": index * _PITCH, "bottom": index * _PITCH + _SIZE, "page": page, "line": index})
    found = find_borderless_tables(words, None) if words else []
    used = {w["line"] for _, ws in found for w in ws}
    placed = [(min(w["line"] for w in ws), table) for table, ws in found]
    rest = [(index, page, line) for index, page, line in loose if index not in used and line.strip()]
    if paged or any(table.cells for _, table in placed):
        placed += _paragraphs(rest)
    else:  # plain prose, one paragraph a line
        placed += [(index, Paragraph(line.strip(), page=page)) for index, page, line in rest]
    for _, block in placed:
        if not isinstance(block, Paragraph):
            block.bbox = None  # columns and lines, not points: no geometry to report
            for cell in block.cells:
                cell.bbox = None
    return [block for _, block in sorted(placed, key=lambda pair: pair[0])]


def _paragraphs(rest: list[tuple[int, int | None, str]]) -> list[tuple[int, Paragraph]]:
    """Wrapped lines of a layout dump back into paragraphs: a new one starts at an indented line, after a
    short line or after a blank line (the rule the PDF reader applies to the lines of a page)."""
    if not rest:
        return []
    right = max(_width(line.rstrip(), 2) for _, _, line in rest)
    out: list[tuple[int, Paragraph]] = []
    current: list[tuple[int, int | None, str]] = []

    def flush() -> None:
        if current:
            text = "".join(line.strip() for _, _, line in current)
            out.append((current[0][0], Paragraph(text, page=current[0][1])))
            current.clear()

    for index, page, line in rest:
        if current:
            prev_index, prev_page, prev = current[-1]
            indent = len(line) - len(line.lstrip())
            if indent >= 2 or _width(prev.rstrip(), 2) < right - 2 * _SIZE or index > prev_index + 1 \
                    or page != prev_page:
                flush()
        current.append((index, page, line))
    flush()
    return out
