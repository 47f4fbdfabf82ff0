"""A second PDF producer: reportlab draws the report directly, as WPS-made PDFs are written.

Every glyph is its own text-show operation at its own position (no words, no spaces in the content stream),
nothing is tagged, and the tables are only lines and glyphs: ruled (``Opts.borders`` "all"), partly ruled
("horizontal": horizontal rules only; "outer": the box only) or borderless ("none"). Labels wrap to the
column width over as many lines as they need; a table too long for the page continues on the next one (its
header rows repeated when the variant says so); ``Opts.row_break`` breaks one row's label across the page end
(the head and the figures on one page, the tail of the label on the next); ``fake_bold`` paints the title,
headings, header cells and the 总计 row twice, 0.4 pt apart; ``digit_gap`` spaces a figure's digits apart;
``rotated`` label cells are set in a vertical column of upright glyphs.

Fonts: WenQuanYi Zen Hei (TrueType, a subset embedded) or reportlab's built-in STSong-Light (a CID font
referenced, not embedded); both map code points straight through, so a Kangxi radical stays one.
"""

from __future__ import annotations

import zlib
from dataclasses import replace
from functools import lru_cache
from pathlib import Path

from reportlab.pdfbase import pdfmetrics

from .vgrid import Opts, VGrid, grids, narrowed_widths, parts

PAGE_W, PAGE_H = 595.28, 841.89  # A4 in pt
LEFT, RIGHT, TOP, BOTTOM = 54.0, 54.0, 62.0, 62.0
CM = 28.3465
PAD = 2.5
WQY = Path("/usr/share/fonts/truetype/wqy/wqy-zenhei.ttc")


@lru_cache(maxsize=None)
def font_name(which: str) -> str:
    """Register the font once and return its reportlab name (STSong-Light when the TTF is absent)."""
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.cidfonts import UnicodeCIDFont
    from reportlab.pdfbase.ttfonts import TTFont

    if which == "wqy" and WQY.exists():
        pdfmetrics.registerFont(TTFont("WQYZenHei", str(WQY), subfontIndex=0))
        return "WQYZenHei"
    pdfmetrics.registerFont(UnicodeCIDFont("STSong-Light"))
    return "STSong-Light"


@lru_cache(maxsize=None)
def _cid_keeps(ch: str) -> bool:
    """Whether STSong-Light (not embedded: a reader maps code → CID by UniGB-UCS2-H, CID → text by Adobe-GB1)
    gives the character back as itself. Kangxi radicals come back as ordinary ideographs, U+2212 and · not at
    all, so a document printing them is drawn in the embedded TrueType font instead."""
    from pdfminer.cmapdb import CMapDB

    if ord(ch) > 0xFFFF:
        return False
    cids = list(CMapDB.get_cmap("UniGB-UCS2-H").decode(ord(ch).to_bytes(2, "big")))
    return bool(cids) and CMapDB.get_unicode_map("Adobe-GB1").get_unichr(cids[0]) == ch


def rl_font(truth: dict, o: Opts) -> str:
    """The font the document is drawn in: the variant's, unless STSong-Light would lose one of its characters."""
    if o.font != "stsong":
        return o.font
    texts = [truth["title"], truth["issuer"], *(text for item in truth["body"] for text in item.values()),
             *(c.text for g in grids(truth, o).values() for c in g.cells), *o.between]
    return "stsong" if all(_cid_keeps(ch) for ch in set("".join(texts)) if not ch.isspace()) else "wqy"


@lru_cache(maxsize=100_000)
def _w(ch: str, font: str, size: float) -> float:
    from reportlab.pdfbase.pdfmetrics import stringWidth

    return stringWidth(ch, font, size)


class Pages:
    """A canvas with a cursor: glyph-by-glyph text, wrapping, page breaks with the footer."""

    def __init__(self, path: Path, o: Opts, font: str, title: str | None, author: str | None):
        from reportlab.pdfgen.canvas import Canvas

        self.o = o
        self.font = font_name(font)
        self.c = Canvas(str(path), pagesize=(PAGE_W, PAGE_H), pageCompression=1)
        if title:
            self.c.setTitle(title)
        if author:
            self.c.setAuthor(author)
        self.page = 1
        self.y = PAGE_H - TOP

    # --- glyphs --------------------------------------------------------------------------------------------

    def width(self, text: str, size: float, gap: float = 0.0) -> float:
        return sum(_w(ch, self.font, size) for ch in text) + gap * max(0, len(text) - 1)

    def glyphs(self, x: float, y: float, text: str, size: float, *, gap: float = 0.0, bold: bool = False) -> None:
        """Each character its own positioned text-show; fake bold paints the run again 0.4 pt to the right."""
        glyphs = getattr(getattr(pdfmetrics.getFont(self.font), "face", None), "charToGlyph", None)  # TTF only
        missing = [ch for ch in text if glyphs is not None and not ch.isspace() and ord(ch) not in glyphs]
        if missing:  # a glyph the font lacks would be read as U+0000: the file would not say what the truth says
            raise ValueError(f"{self.font} has no glyph for {missing!r}")
        for shift in (0.0, 0.4) if bold else (0.0,):
            t = self.c.beginText()
            t.setFont(self.font, size)
            cx = x + shift
            for ch in text:
                t.setTextOrigin(cx, y)
                t.textOut(ch)
                cx += _w(ch, self.font, size) + gap
            self.c.drawText(t)

    def wrap(self, text: str, width: float, size: float, gap: float = 0.0) -> list[str]:
        lines: list[str] = []
        for piece in text.split("\n"):
            line = ""
            for ch in piece:
                if line and self.width(line + ch, size, gap) > width:
                    lines.append(line)
                    line = ""
                line += ch
            lines.append(line)
        return lines

    # --- pages ---------------------------------------------------------------------------------------------

    def new_page(self) -> None:
        if self.o.footer:
            label = f"— {self.page} —"
            self.glyphs((PAGE_W - self.width(label, 10)) / 2, BOTTOM / 2, label, 10)
        self.c.showPage()
        self.page += 1
        self.y = PAGE_H - TOP

    def room(self) -> float:
        return self.y - BOTTOM

    def paragraph(self, text: str, size: float, *, center: bool = False, bold: bool = False, indent: float = 0,
                  before: float = 0, after: float = 4) -> None:
        lead = size * 1.5
        self.y -= before
        for i, line in enumerate(self.wrap(text, PAGE_W - LEFT - RIGHT - indent, size)):
            if self.room() < lead:
                self.new_page()
            self.y -= lead
            x = (PAGE_W - self.width(line, size)) / 2 if center else LEFT + (indent if i == 0 else 0)
            self.glyphs(x, self.y + size * 0.3, line, size, bold=bold)
        self.y -= after

    def save(self) -> None:
        if self.o.footer:
            label = f"— {self.page} —"
            self.glyphs((PAGE_W - self.width(label, 10)) / 2, BOTTOM / 2, label, 10)
        self.c.showPage()
        self.c.save()


# --- tables ----------------------------------------------------------------------------------------------------


class Table:
    """One table part laid out: column x positions, row heights, each cell's lines."""

    def __init__(self, pg: Pages, g: VGrid, size: float, widths: list[float]):
        self.pg, self.g, self.size = pg, g, size
        self.xs = [LEFT]
        for w in widths:
            self.xs.append(self.xs[-1] + w)
        self.lead = size * 1.3
        self.lines = {}
        for c in g.cells:
            width = self.xs[c.col + c.colspan] - self.xs[c.col] - 2 * PAD
            if g.ids.get(id(c)) in pg.o.rotated:
                self.lines[id(c)] = [ch for ch in c.text if not ch.isspace()]  # a vertical column of glyphs
            else:
                gap = pg.o.digit_gap if c.kind == "num" else 0.0
                self.lines[id(c)] = pg.wrap(c.text, width, size, gap) if c.text else []
        self.heights = [size + 2 * PAD + 3] * g.nrows
        for c in sorted(g.cells, key=lambda c: c.rowspan):
            need = len(self.lines[id(c)]) * self.lead + 2 * PAD
            have = sum(self.heights[c.row : c.row + c.rowspan])
            if need > have:
                self.heights[c.row + c.rowspan - 1] += need - have

    def fits(self, room: float) -> int:
        """How many rows from the top fit in ``room`` points."""
        total = 0.0
        for i, h in enumerate(self.heights):
            total += h
            if total > room:
                return i
        return len(self.heights)

    def draw(self, bold_rows: set[int]) -> None:
        pg, o, c = self.pg, self.pg.o, self.pg.c
        tops = [pg.y]
        for h in self.heights:
            tops.append(tops[-1] - h)
        c.setLineWidth(0.5)
        for cell in self.g.cells:
            x0, x1 = self.xs[cell.col], self.xs[cell.col + cell.colspan]
            y0, y1 = tops[cell.row], tops[cell.row + cell.rowspan]
            if o.borders == "all":
                c.rect(x0, y1, x1 - x0, y0 - y1, stroke=1, fill=0)
            elif o.borders == "horizontal":
                c.line(x0, y0, x1, y0)
                c.line(x0, y1, x1, y1)
            lines = self.lines[id(cell)]
            bold = o.fake_bold and (cell.kind in ("head", "section") or (cell.row in bold_rows and cell.rowspan == 1))
            gap = o.digit_gap if cell.kind == "num" else 0.0
            y = (y0 + y1) / 2 + len(lines) * self.lead / 2 - self.lead + (self.lead - self.size) / 2 + 1
            for line in lines:
                w = pg.width(line, self.size, gap)
                x = x0 + PAD if cell.kind == "section" or (cell.kind == "label" and not pg.o.label_center) \
                    else (x0 + x1 - w) / 2
                pg.glyphs(x, y, line, self.size, gap=gap, bold=bold)
                y -= self.lead
        if o.borders == "outer":
            c.rect(self.xs[0], tops[-1], self.xs[-1] - self.xs[0], tops[0] - tops[-1], stroke=1, fill=0)
        pg.y = tops[-1]


def _widths(g: VGrid, o: Opts) -> list[float]:
    avail = PAGE_W - LEFT - RIGHT
    ws = narrowed_widths(g, o)
    k = avail / sum(ws)
    return [w * k for w in ws]


def _cut(g: VGrid, row: int, o: Opts, repeat: bool) -> list[VGrid]:
    """``g`` cut before ``row`` as a page break cuts it (``vgrid.parts`` with one anchor)."""
    probe = replace(g, tags={"cut": row}, cells=list(g.cells), ids=dict(g.ids))
    return parts(probe, replace(o, splits={g.name: ["cut"]}, repeat_header=repeat))


def _break_row(g: VGrid, key: str, pg: Pages, size: float, widths: list[float],
               low: bool = False) -> tuple[VGrid, int] | None:
    """The requests grid with the row ``key`` made two: the label's head with the figures, then a row holding
    only the label's tail (the other cells empty, spanned labels stretched over both); with ``Opts.row_break_low``
    the head alone, then the tail with the figures. Returns the grid and the tail row's index (where the page
    break goes)."""
    from .layout import Cell

    r = g.tags.get(f"row:{key}")
    label = next((c for c in g.cells if g.ids.get(id(c)) == f"requests.row.{key}"), None)
    if r is None or label is None:
        return None
    width = sum(widths[label.col : label.col + label.colspan]) - 2 * PAD
    lines = pg.wrap(label.text.replace("\n", ""), width, size)
    if len(lines) < 2:  # one line: the break falls inside it
        text = label.text.replace("\n", "")
        lines = [text[: len(text) // 2], text[len(text) // 2 :]]
    k = (len(lines) + 1) // 2
    head, tail = "".join(lines[:k]), "".join(lines[k:])
    out = VGrid(g.name, g.ncols, g.widths_cm, header_rows=g.header_rows)
    figures: dict[int, Cell] = {}  # low: column -> the figure cell moved to the tail row
    for c in g.cells:
        if c.row > r:
            new = replace(c, row=c.row + 1)
        elif c.row <= r < c.row + c.rowspan and c.rowspan > 1:
            new = replace(c, rowspan=c.rowspan + 1)
        elif c is label:
            new = replace(c, text=head)
        elif low and c.row == r and c.kind == "num":
            figures[c.col] = c
            new = replace(c, text="", key=None)
        else:
            new = replace(c)
        out.cells.append(new)
        if id(c) in g.ids:
            out.ids[id(new)] = g.ids[id(c)]
    covered = {(c.row + i, c.col + j) for c in out.cells for i in range(c.rowspan) for j in range(c.colspan)}
    for col in range(g.ncols):
        if (r + 1, col) not in covered:
            kind = "label" if col == label.col else "num"
            span = label.colspan if col == label.col else 1
            if any((r + 1, x) in covered for x in range(col, col + span)):
                span = 1
            moved = figures.get(col)
            out.cells.append(Cell(r + 1, col, tail if col == label.col else moved.text if moved else "", 1, span, kind,
                                  moved.key if moved else None))
            covered |= {(r + 1, x) for x in range(col, col + span)}
    out.nrows = g.nrows + 1
    out.tags = {a: (t + 1 if t > r else t) for a, t in g.tags.items()}
    out.check()
    return out, r + 1


def _total_rows(g: VGrid) -> set[int]:
    return {c.row for c in g.cells if g.ids.get(id(c)) == "requests.row.result.total"}


def _table(pg: Pages, g: VGrid, o: Opts, size: float) -> None:
    widths = _widths(g, o)
    pieces = parts(g, o)
    forced: int | None = None
    if g.name == "requests" and o.row_break:
        broken = _break_row(g, o.row_break, pg, size, widths, low=o.row_break_low)
        if broken:
            g2, forced = broken
            g2.tags["rowtail"] = forced
            pieces = parts(g2, replace(o, splits={**o.splits, "requests": [*o.splits.get("requests", []), "rowtail"]}))
    repeat = o.flow_repeat if o.flow == g.name else o.repeat_header
    for n, piece in enumerate(pieces):
        if n:
            if o.between:
                pg.paragraph(o.between[(n - 1) % len(o.between)], 10, center=True)
            pg.new_page()
        queue = [piece]
        while queue:
            part = queue.pop(0)
            t = Table(pg, part, size, widths)
            k = t.fits(pg.room())
            if k >= part.nrows:
                t.draw(_total_rows(part))
                continue
            if k <= max(part.header_rows, 1) and pg.y < PAGE_H - TOP - 1:  # not even one row: the next page
                pg.new_page()
                queue.insert(0, part)
                continue
            first, rest = _cut(part, max(k, part.header_rows + 1), o, repeat)
            Table(pg, first, size, widths).draw(_total_rows(first))
            pg.new_page()
            queue.insert(0, rest)
    pg.y -= 8


def render_rl(truth: dict, o: Opts, out: Path, *, size: float = 9.0) -> Path:
    """Draw the report (title, issuer, narrative and the three tables, dressed by ``o``) as a PDF at ``out``."""
    out.parent.mkdir(parents=True, exist_ok=True)
    # WPS sets the title or not; never for a wrapped title (its kind is the lines' title, not the metadata's)
    pg = Pages(out, o, rl_font(truth, o),
               truth["title"] if zlib.crc32(truth["name"].encode()) % 2 and not o.title_tail else None, None)
    if o.title_tail:  # wrapped inside its last words: the head line, then the tail alone, a line's lead below
        pg.paragraph(truth["title"][:-o.title_tail], 16, center=True, bold=o.fake_bold, before=6, after=0)
        pg.paragraph(truth["title"][-o.title_tail:], 16, center=True, bold=o.fake_bold, after=6)
    else:
        pg.paragraph(truth["title"], 16, center=True, bold=o.fake_bold, before=6, after=6)
    pg.paragraph(truth["issuer"], 12, center=True, after=10)
    tables = grids(truth, o)
    body = truth["body"]
    for i, item in enumerate(body):
        (kind, text), = item.items()
        nxt = body[i + 1].get("table") if i + 1 < len(body) else None
        if kind == "h1" and nxt and i and nxt in o.fresh_page and o.flow != nxt:
            pg.new_page()
        if kind == "h1" and nxt and o.flow == nxt:  # start the table half way down a page so that it flows over
            pg.new_page()
            pg.y -= PAGE_H * 0.4
        if kind == "h1":
            pg.paragraph(text, 12, bold=o.fake_bold, before=4)
        elif kind in ("h2", "h3"):
            pg.paragraph(text, 11, indent=22)
        elif kind == "p":
            pg.paragraph(text, 11, indent=22)
        elif kind == "table":
            _table(pg, tables[text], o, size)
        else:
            raise ValueError(f"unknown body item {item}")
    pg.save()
    return out
