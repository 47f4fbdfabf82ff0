"""Render a truth as a Word document with python-docx: real merged cells (gridSpan / vMerge)."""

from __future__ import annotations

from pathlib import Path

from docx import Document
from docx.enum.table import WD_CELL_VERTICAL_ALIGNMENT, WD_TABLE_ALIGNMENT
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Cm, Pt

from .layout import Grid, grids

SERIF = "WenQuanYi Zen Hei"  # TrueType: LibreOffice embeds it as a small subset (Noto CJK OTF becomes big Type 1)
SANS = "WenQuanYi Zen Hei"


def _font(run, name: str, size: float, bold: bool = False) -> None:
    run.font.name = name
    run.font.size = Pt(size)
    run.font.bold = bold
    rpr = run._element.get_or_add_rPr()
    fonts = rpr.find(qn("w:rFonts"))
    if fonts is None:
        fonts = OxmlElement("w:rFonts")
        rpr.insert(0, fonts)
    for attr in ("w:ascii", "w:hAnsi", "w:eastAsia", "w:cs"):
        fonts.set(qn(attr), name)


def _para(doc, text: str, *, font=SERIF, size=11.0, bold=False, center=False, indent=True, before=0, after=4):
    p = doc.add_paragraph()
    fmt = p.paragraph_format
    fmt.space_before, fmt.space_after = Pt(before), Pt(after)
    fmt.line_spacing = 1.25
    if center:
        p.alignment = WD_ALIGN_PARAGRAPH.CENTER
    elif indent:
        fmt.first_line_indent = Pt(size * 2)
    _font(p.add_run(text), font, size, bold)
    return p


def _cell_margins(table, cm: float = 0.08) -> None:
    tblPr = table._tbl.tblPr
    mar = OxmlElement("w:tblCellMar")
    for side in ("top", "left", "bottom", "right"):
        el = OxmlElement(f"w:{side}")
        el.set(qn("w:w"), str(int(cm * 567)))
        el.set(qn("w:type"), "dxa")
        mar.append(el)
    tblPr.append(mar)


def _table(doc, grid: Grid, size: float = 9.0) -> None:
    table = doc.add_table(rows=grid.nrows, cols=grid.ncols)
    table.style = "Table Grid"
    table.alignment = WD_TABLE_ALIGNMENT.CENTER
    table.autofit = False
    _cell_margins(table)
    for i, w in enumerate(grid.widths_cm):
        table.columns[i].width = Cm(w)
        for cell in table.columns[i].cells:
            cell.width = Cm(w)
    for c in grid.cells:
        cell = table.cell(c.row, c.col)
        if c.rowspan > 1 or c.colspan > 1:
            cell = cell.merge(table.cell(c.row + c.rowspan - 1, c.col + c.colspan - 1))
        cell.vertical_alignment = WD_CELL_VERTICAL_ALIGNMENT.CENTER
        p = cell.paragraphs[0]
        p.paragraph_format.space_after = Pt(0)
        p.paragraph_format.line_spacing = 1.0
        p.alignment = WD_ALIGN_PARAGRAPH.LEFT if c.kind in ("label", "section") else WD_ALIGN_PARAGRAPH.CENTER
        if c.text:
            _font(p.add_run(c.text), SANS if c.kind in ("head", "section") else SERIF, size, c.kind == "section")
    doc.add_paragraph().paragraph_format.space_after = Pt(2)


def render_docx(truth: dict, out: Path, style: dict) -> Path:
    doc = Document()
    sec = doc.sections[0]
    sec.page_width, sec.page_height = Cm(21.0), Cm(29.7)
    sec.left_margin = sec.right_margin = Cm(1.9)
    sec.top_margin = sec.bottom_margin = Cm(2.2)
    normal = doc.styles["Normal"]
    normal.font.name, normal.font.size = SERIF, Pt(11)
    normal.element.get_or_add_rPr().get_or_add_rFonts().set(qn("w:eastAsia"), SERIF)
    doc.core_properties.title = truth["title"]
    doc.core_properties.author = truth["issuer"]

    _para(doc, truth["title"], font=SANS, size=16, bold=True, center=True, after=8)
    _para(doc, truth["issuer"], size=12, center=True, after=10)
    tables = grids(truth, style.get("labels"))
    for item in truth["body"]:
        (kind, text), = item.items()
        if kind == "h1":
            _para(doc, text, font=SANS, size=12, before=6, bold=False)
        elif kind == "h2":
            _para(doc, text, size=11, bold=True)
        elif kind == "h3":
            _para(doc, text, size=11, bold=True)
        elif kind == "p":
            _para(doc, text)
        elif kind == "table":
            _table(doc, tables[text])
        else:
            raise ValueError(f"unknown body item {item}")
    out.parent.mkdir(parents=True, exist_ok=True)
    doc.save(out)
    return out
