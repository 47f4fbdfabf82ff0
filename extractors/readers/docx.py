"""DOCX (python-docx): paragraphs and tables in body order, with the true gridSpan/vMerge spans.

python-docx's own ``table.cell(r, c)`` repeats a merged cell in every position it covers and hides where the
merge starts; the grid is therefore rebuilt from the XML: ``w:gridBefore`` and ``w:gridSpan`` give columns,
``w:vMerge`` continuation cells extend the cell above them.
"""

from __future__ import annotations

import io
from pathlib import Path

import docx
import regex
from docx.oxml.ns import qn

from extractors.model import Cell, Document, Paragraph, Table

_HEADING_STYLE = regex.compile(r"(?:heading|标题)\s*(\d)", regex.I)


def read(path: Path, data: bytes) -> Document:
    document = docx.Document(io.BytesIO(data))
    styles = {s.style_id: s.name for s in document.styles}
    return Document(path=str(path), format="docx", blocks=_blocks(document.element.body, styles))


def _blocks(container, styles: dict[str, str]) -> list:
    blocks: list = []
    for child in container.iterchildren():
        if child.tag == qn("w:p"):
            # a manual line break (w:br) starts a new visual line: a heading typed above its text that way
            # must still open its section
            level = _heading_level(child, styles)
            blocks += [Paragraph(line.strip(), level=level) for line in _paragraph_text(child).split("\n")
                       if line.strip()]
        elif child.tag == qn("w:tbl"):
            table = _table(child)
            if table.cells:
                blocks.append(table)
        elif child.tag == qn("w:sdt"):  # content controls wrap whole sections, tables included, in some templates
            content = child.find(qn("w:sdtContent"))
            if content is not None:
                blocks += _blocks(content, styles)
    return blocks


def _paragraph_text(p) -> str:
    parts = []
    for node in p.iter(qn("w:t"), qn("w:tab"), qn("w:br"), qn("w:cr")):
        if node.tag == qn("w:t"):
            parts.append(node.text or "")
        elif node.tag == qn("w:tab"):
            parts.append("\t")
        else:
            parts.append("\n")
    return "".join(parts)


def _heading_level(p, styles: dict[str, str]) -> int | None:
    style = p.find(qn("w:pPr") + "/" + qn("w:pStyle"))
    if style is not None:
        match = _HEADING_STYLE.search(styles.get(style.get(qn("w:val")), "") or "")
        if match:
            return int(match.group(1))
    outline = p.find(qn("w:pPr") + "/" + qn("w:outlineLvl"))
    if outline is not None:
        return int(outline.get(qn("w:val"))) + 1
    return None


def _int_attr(parent, path: str, default: int) -> int:
    node = parent.find(path)
    if node is None:
        return default
    try:
        return int(node.get(qn("w:val")))
    except (TypeError, ValueError):
        return default


def _table(tbl) -> Table:
    cells: list[Cell] = []
    open_merges: dict[int, Cell] = {}  # grid column -> the cell a vMerge continuation extends
    row_index = 0
    for tr in tbl.iterchildren(qn("w:tr")):
        col = _int_attr(tr, f"{qn('w:trPr')}/{qn('w:gridBefore')}", 0)
        for tc in tr.iterchildren(qn("w:tc")):
            tcpr = tc.find(qn("w:tcPr"))
            span = _int_attr(tcpr, qn("w:gridSpan"), 1) if tcpr is not None else 1
            vmerge = tcpr.find(qn("w:vMerge")) if tcpr is not None else None
            text = "\n".join(t for t in (_paragraph_text(p).strip() for p in tc.iter(qn("w:p"))) if t)
            if vmerge is not None and vmerge.get(qn("w:val")) != "restart" and col in open_merges:
                above = open_merges[col]
                above.rowspan = row_index - above.row + 1
                if text:  # Word keeps text typed into a continuation cell; so do we
                    above.text = f"{above.text}\n{text}" if above.text else text
            else:
                cell = Cell(row=row_index, col=col, text=text, colspan=span)
                cells.append(cell)
                for c in range(col, col + span):
                    open_merges.pop(c, None)
                if vmerge is not None:
                    open_merges[col] = cell
            col += span
        row_index += 1
    return Table(cells=cells)
