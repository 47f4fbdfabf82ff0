"""Render a variant (truth + ``vgrid.Opts``) as DOCX and HTML; the PDF comes from the DOCX via LibreOffice.

Page parts become separate tables with a page break between them (so the PDF shows exactly the cut the
variant asks for, page furniture in between); ``Opts.flow`` instead leaves one table that LibreOffice breaks
where the page ends (header rows marked to repeat or not). Borders, vertical-font cells (``w:textDirection``)
and page-number footers are written into the DOCX XML directly.
"""

from __future__ import annotations

from html import escape
from pathlib import Path

from docx import Document
from docx.enum.table import WD_CELL_VERTICAL_ALIGNMENT, WD_TABLE_ALIGNMENT
from docx.enum.text import WD_ALIGN_PARAGRAPH, WD_BREAK
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Cm, Pt

from .render_docx import SANS, SERIF, _cell_margins, _font, _para
from .render_html import CSS
from .vgrid import Opts, VGrid, grids, narrowed_widths, parts

_BORDERS = {
    "all": dict.fromkeys(("top", "left", "bottom", "right", "insideH", "insideV"), True),
    "none": dict.fromkeys(("top", "left", "bottom", "right", "insideH", "insideV"), False),
    "horizontal": {"top": True, "bottom": True, "insideH": True, "left": False, "right": False, "insideV": False},
    "outer": {"top": True, "bottom": True, "left": True, "right": True, "insideH": False, "insideV": False},
}


def _borders(table, mode: str) -> None:
    tblPr = table._tbl.tblPr
    el = OxmlElement("w:tblBorders")
    for side, on in _BORDERS[mode].items():
        b = OxmlElement(f"w:{side}")
        b.set(qn("w:val"), "single" if on else "nil")
        if on:
            b.set(qn("w:sz"), "4")
            b.set(qn("w:space"), "0")
            b.set(qn("w:color"), "000000")
        el.append(b)
    tblPr.append(el)


def _cell_prop(cell, tag: str, **attrs) -> None:
    tcPr = cell._tc.get_or_add_tcPr()
    el = OxmlElement(f"w:{tag}")
    for k, v in attrs.items():
        el.set(qn(f"w:{k}"), v)
    tcPr.append(el)


def _docx_table(doc, grid: VGrid, o: Opts, *, repeat_rows: int = 0, size: float = 9.0) -> None:
    table = doc.add_table(rows=grid.nrows, cols=grid.ncols)
    table.style = "Table Grid"
    table.alignment = WD_TABLE_ALIGNMENT.CENTER
    table.autofit = False
    _cell_margins(table)
    if o.borders != "all":
        _borders(table, o.borders)
    for i, w in enumerate(narrowed_widths(grid, o)):
        table.columns[i].width = Cm(w)
        for cell in table.columns[i].cells:
            cell.width = Cm(w)
    for r, row in enumerate(table.rows):
        trPr = row._tr.get_or_add_trPr()
        trPr.append(OxmlElement("w:cantSplit"))  # a row never breaks inside (a page cut is a variant's choice)
        if r < repeat_rows:  # header rows LibreOffice repeats on every page the table reaches
            trPr.append(OxmlElement("w:tblHeader"))
    for c in grid.cells:
        cell = table.cell(c.row, c.col)
        if c.rowspan > 1 or c.colspan > 1:
            cell = cell.merge(table.cell(c.row + c.rowspan - 1, c.col + c.colspan - 1))
        cell.vertical_alignment = WD_CELL_VERTICAL_ALIGNMENT.CENTER
        if grid.ids.get(id(c)) in o.rotated:
            _cell_prop(cell, "textDirection", val="tbRl")
        p = cell.paragraphs[0]
        p.paragraph_format.space_after = Pt(0)
        p.paragraph_format.line_spacing = 1.0
        left = c.kind == "section" or (c.kind == "label" and not o.label_center)
        p.alignment = WD_ALIGN_PARAGRAPH.LEFT if left else WD_ALIGN_PARAGRAPH.CENTER
        font = SANS if c.kind in ("head", "section") else SERIF
        for i, line in enumerate(c.text.split("\n") if c.text else []):
            run = p.add_run(line)
            _font(run, font, size, c.kind == "section")
            if i:
                run._element.addprevious(OxmlElement("w:br"))
    doc.add_paragraph().paragraph_format.space_after = Pt(2)


def _page_break(doc) -> None:
    p = doc.add_paragraph()
    p.paragraph_format.space_after = Pt(0)
    p.add_run().add_break(WD_BREAK.PAGE)


def _footer(doc) -> None:
    """A centred "— N —" page number in the footer, as printed reports have."""
    p = doc.sections[0].footer.paragraphs[0]
    p.alignment = WD_ALIGN_PARAGRAPH.CENTER
    _font(p.add_run("— "), SERIF, 10)
    fld = OxmlElement("w:fldSimple")
    fld.set(qn("w:instr"), "PAGE")
    run = OxmlElement("w:r")
    t = OxmlElement("w:t")
    t.text = "1"
    run.append(t)
    fld.append(run)
    p._p.append(fld)
    _font(p.add_run(" —"), SERIF, 10)


def render_docx(truth: dict, o: Opts, out: Path, *, paginate: bool = True) -> Path:
    """``paginate``: page parts as separate tables with page breaks (the copy LibreOffice prints); without it
    the Word source as an author keeps it: one table per standard table, header rows marked to repeat."""
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
    if o.footer:
        _footer(doc)

    _para(doc, truth["title"], font=SANS, size=16, bold=True, center=True, after=8)
    _para(doc, truth["issuer"], size=12, center=True, after=10)
    tables = grids(truth, o)
    pieces_of = {name: parts(g, o) if paginate else [g] for name, g in tables.items()}
    body = truth["body"]
    for i, item in enumerate(body):
        (kind, text), = item.items()
        nxt = body[i + 1].get("table") if i + 1 < len(body) else None
        if kind == "h1" and nxt and i and nxt in o.fresh_page and o.flow != nxt and paginate:
            _page_break(doc)  # so that a table is cut only where a variant cuts it
        if kind == "h1":
            _para(doc, text, font=SANS, size=12, before=6)
        elif kind in ("h2", "h3"):
            _para(doc, text, size=11, bold=True)
        elif kind == "p":
            _para(doc, text)
        elif kind == "table":
            grid = tables[text]
            if o.flow == text:  # push the table down so that the page ends inside it
                _page_break(doc)
                for _ in range(22):
                    doc.add_paragraph().paragraph_format.space_after = Pt(0)
                _docx_table(doc, grid, o, repeat_rows=grid.header_rows if o.flow_repeat else 0)
                continue
            pieces = pieces_of[text]
            repeat = grid.header_rows if (not paginate and o.repeat_header and o.splits.get(text)) else 0
            if grid.heading:
                _para(doc, grid.heading, size=11)
            for n, piece in enumerate(pieces):
                _docx_table(doc, piece, o, repeat_rows=repeat)
                if n < len(pieces) - 1:
                    if o.between:
                        _para(doc, o.between[n % len(o.between)], size=10, center=True)
                    _page_break(doc)
            if grid.then is not None:
                if grid.then.heading:
                    _para(doc, grid.then.heading, size=11)
                _docx_table(doc, grid.then, o)
        else:
            raise ValueError(f"unknown body item {item}")
    out.parent.mkdir(parents=True, exist_ok=True)
    doc.save(out)
    return out


# --- HTML ---------------------------------------------------------------------------------------------------


def _html_table(grid: VGrid, o: Opts) -> str:
    border = "0" if o.borders == "none" else "1"
    out = [f'<table class="{grid.name}" border="{border}" cellspacing="0" cellpadding="0" width="100%">', "<tbody>"]
    for row in grid.rows():
        out.append("<tr>")
        for c in row:
            attrs = ""
            if c.rowspan > 1:
                attrs += f' rowspan="{c.rowspan}"'
            if c.colspan > 1:
                attrs += f' colspan="{c.colspan}"'
            style = []
            if c.kind in ("label", "section"):
                style.append("text-align:left")
            if o.borders == "none":
                style.append("border:none")
            if grid.ids.get(id(c)) in o.rotated:
                style.append("writing-mode:vertical-rl")
            if style:
                attrs += f' style="{";".join(style)}"'
            text = "<br>".join(escape(line) for line in c.text.split("\n"))
            if c.kind == "section" and c.text:
                text = f"<strong>{text}</strong>"
            out.append(f"<td{attrs}>{text}</td>")
        out.append("</tr>")
    out += ["</tbody>", "</table>"]
    return "\n".join(out)


def render_html(truth: dict, o: Opts, out: Path) -> Path:
    tables = grids(truth, o)
    parts_html = [
        "<!DOCTYPE html>", '<html lang="zh-CN">', "<head>", '<meta charset="utf-8">',
        f"<title>{escape(truth['title'])}_{escape(truth['issuer'])}</title>", f"<style>{CSS}</style>", "</head>",
        "<body>", '<div class="wrap">', f'<h1 class="title">{escape(truth["title"])}</h1>',
        f'<div class="info">发布机构：{escape(truth["issuer"])}</div>', '<div class="content">',
    ]
    for item in truth["body"]:
        (kind, text), = item.items()
        if kind == "h1":
            parts_html.append(f"<h2>{escape(text)}</h2>")
        elif kind == "h2":
            parts_html.append(f"<h3>{escape(text)}</h3>")
        elif kind == "h3":
            parts_html.append(f"<p><strong>{escape(text)}</strong></p>")
        elif kind == "p":
            parts_html.append(f"<p>{escape(text)}</p>")
        elif kind == "table":
            pieces = parts(tables[text], o)  # a page-split table as pages converted to HTML show it
            if tables[text].heading:
                parts_html.append(f"<p>{escape(tables[text].heading)}</p>")
            for n, piece in enumerate(pieces):
                parts_html.append(_html_table(piece, o))
                if n < len(pieces) - 1 and o.between:
                    parts_html.append(f'<p style="text-align:center">{escape(o.between[n % len(o.between)])}</p>')
            if (then := tables[text].then) is not None:
                if then.heading:
                    parts_html.append(f"<p>{escape(then.heading)}</p>")
                parts_html.append(_html_table(then, o))
    parts_html += ["</div>", "</div>", "</body>", "</html>", ""]
    out.parent.mkdir(parents=True, exist_ok=True)
    out.write_text("\n".join(parts_html), encoding="utf-8")
    return out
