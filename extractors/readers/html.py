"""HTML pages (BeautifulSoup + lxml): text blocks and data tables in document order.

Government sites wrap whole pages in layout tables; a table that contains another table is treated as layout
and walked into, so only innermost tables become data tables. Cells are placed on the grid honouring
rowspan/colspan, as a browser would.
"""

from __future__ import annotations

from pathlib import Path

import regex
from bs4 import BeautifulSoup, NavigableString, Tag

from extractors.model import Cell, Document, Paragraph, Table
from extractors.readers.encoding import decode

_META_CHARSET = regex.compile(rb"""<meta[^>]+charset\s*=\s*["']?\s*([-\w]+)""", regex.I)
_BLOCK = {"p", "div", "h1", "h2", "h3", "h4", "h5", "h6", "li", "section", "article", "blockquote", "pre",
          "center", "td", "th", "body", "ul", "ol", "form", "main", "header", "footer", "dl", "dd", "dt"}
_SKIP = {"script", "style", "head", "noscript", "template", "iframe", "button", "select"}
_HEADING = {"h1": 1, "h2": 2, "h3": 3, "h4": 4, "h5": 5, "h6": 6}
_SPACE = regex.compile(r"[ \t\r\f\v\u00a0]+")


def read(path: Path, data: bytes) -> Document:
    declared = _META_CHARSET.search(data[:4096])
    text, _ = decode(data, declared.group(1).decode("ascii") if declared else None)
    soup = BeautifulSoup(text, "lxml")
    root = soup.body or soup
    blocks: list = []
    _walk(root, blocks)
    return Document(path=str(path), format="html", blocks=blocks)


def _walk(node: Tag, blocks: list) -> None:
    inline: list[str] = []

    def flush() -> None:
        text = _clean("".join(inline))
        inline.clear()
        blocks.extend(_lines_of(text))

    for child in node.children:
        if isinstance(child, NavigableString):
            if type(child) is NavigableString:  # not a comment or doctype
                inline.append(str(child))
            continue
        if not isinstance(child, Tag) or child.name in _SKIP:
            continue
        if child.name == "table":
            flush()
            if child.find("table"):
                _walk(child, blocks)
            else:
                table = _table(child)
                if table.cells:
                    blocks.append(table)
        elif child.name == "br":
            inline.append("\n")
        elif child.name in _BLOCK or child.name in ("tr", "tbody", "thead", "tfoot"):
            flush()
            if child.name in _HEADING and not child.find("table"):
                text = _clean(child.get_text())
                if text:
                    blocks.append(Paragraph(text, level=_HEADING[child.name]))
            elif _has_block(child):
                _walk(child, blocks)
            else:
                blocks.extend(_lines_of(_clean(_text(child))))
        else:
            inline.append(_text(child))
    flush()


def _lines_of(text: str) -> list[Paragraph]:
    """Pages that lay a report out with <br> instead of <p> put a heading and its text in one element: each
    line is a paragraph of its own, as it shows on screen."""
    return [Paragraph(line) for line in text.split("\n") if line]


def _has_block(tag: Tag) -> bool:
    return any(isinstance(d, Tag) and (d.name in _BLOCK or d.name == "table") for d in tag.descendants)


def _text(tag: Tag) -> str:
    parts = []
    for d in tag.descendants:
        if isinstance(d, NavigableString) and type(d) is NavigableString:
            if not any(p.name in _SKIP for p in d.parents if isinstance(p, Tag)):
                parts.append(str(d))
        elif isinstance(d, Tag) and d.name == "br":
            parts.append("\n")
    return "".join(parts)


def _clean(text: str) -> str:
    lines = (_SPACE.sub(" ", line).strip() for line in text.split("\n"))
    return "\n".join(line for line in lines if line)


def _span(tag: Tag, name: str) -> int:
    """rowspan/colspan as browsers read them: junk is 1, and no span runs past 1000 (HTML's own limit)."""
    try:
        return min(1000, max(1, int(str(tag.get(name, "1")).strip() or 1)))
    except ValueError:
        return 1


def _table(table: Tag) -> Table:
    cells: list[Cell] = []
    taken: set[tuple[int, int]] = set()
    rows = [tr for tr in table.find_all("tr") if tr.find_parent("table") is table]
    for r, tr in enumerate(rows):
        c = 0
        for td in tr.find_all(("td", "th"), recursive=False):
            while (r, c) in taken:
                c += 1
            rowspan, colspan = _span(td, "rowspan"), _span(td, "colspan")
            rowspan = min(rowspan, len(rows) - r)  # a rowspan past the table's end is clipped, as browsers do
            cells.append(Cell(row=r, col=c, text=_clean(_text(td)), rowspan=rowspan, colspan=colspan))
            taken.update((r + i, c + j) for i in range(rowspan) for j in range(colspan))
            c += colspan
    return Table(cells=cells)
