"""PDF → OFD as real OFD writers (Suwell, Foxit OFD, 数科) lay it out: rulings as PathObjects, text as TextCodes.

Written from the structure of GB/T 33190 (OFD.xml → DocRoot → Document.xml: CommonData with PublicRes and the
page list; each page's Content.xml: Layers of TextObject / PathObject), not from our reader. Text comes from the
PDF's glyphs (pdfplumber chars: origin, advance, font, size, colour), rulings from its vector graphics (pdfplumber
lines, rects and curves): every one is written as an ``ofd:PathObject``. Units are millimetres, y downwards.

Writers differ, so a :class:`Style` picks how (all of it seeded, per file):

- ``ns``: the namespace — ``prefixed`` (``ofd:`` + http://www.ofdspec.org/2016), ``default`` (no prefix, same
  URI) or ``legacy`` (``ofd:`` + http://www.ofdspec.org, an older URI);
- ``paths``: ``segments`` (one PathObject per ruling, coordinates relative to its Boundary), ``subpaths`` (one
  PathObject per page holding every ruling as M/L subpaths, ``S`` as the first operator), ``filled`` (each
  ruling a thin filled rectangle: a unit square scaled by the CTM inside its Boundary, Stroke false) or ``ctm``
  (data in PDF points, a CTM scaling them to mm; rectangles as closed paths);
- ``text``: ``runs`` (one TextCode per run of a line with DeltaX, ``g`` repeats compressed), ``glyphs`` (one
  TextCode per glyph with its own X, no DeltaX, in one TextObject per run) or ``mixed`` (runs, and some runs
  split into one TextObject per glyph);
- ``fonts``: each font embedded (``Font/FontFile``, a subset TrueType file with empty outlines: the printed
  characters' advances and the descent, as PDFium reads the PDF's font programs) or, as easyofd, named only.
  A turned glyph (vertical text's brackets) is a TextObject of its own, turned by its CTM.

Images in the PDF are not carried over (the fixtures it reads are text and rulings only).

``python -m tests.fixture_builder.ofd_paths IN.pdf OUT.ofd [--seed N] [--paths segments] …`` makes one;
``python -m tests.fixture_builder.ofd_paths --committed`` rewrites ``tests/fixtures/ofd/<name>/<name>.ofd`` (with
its truth) for each name of ``COMMITTED`` and ``TURNED``; ``python -m tests.fixture_builder.ofd_paths --measure
NAME… [--seed N]`` converts fixtures (their PDF beside a ``truth.json`` under tests/fixtures/) into a temporary
folder, reads each through ``extractors.read_report`` and prints template cells exact vs the truth, beside the
same figure for the PDF itself.
"""

from __future__ import annotations

import argparse
import io
import json
import random
import tempfile
import zipfile
from dataclasses import dataclass, field
from pathlib import Path

import pdfplumber
from lxml import etree

from .scan import FIXTURES

MM = 25.4 / 72  # PDF points → millimetres
URIS = {"prefixed": "http://www.ofdspec.org/2016", "default": "http://www.ofdspec.org/2016",
        "legacy": "http://www.ofdspec.org"}
PATHS = ("segments", "subpaths", "filled", "ctm")
TEXTS = ("runs", "glyphs", "mixed")


@dataclass(frozen=True)
class Style:
    ns: str = "prefixed"
    paths: str = "segments"
    text: str = "runs"
    page_base: int = 0  # Pages/Page_0 (Foxit, easyofd) or Pages/Page_1 (数科)
    rooted: bool = False  # DocRoot "/Doc_0/Document.xml" (an absolute path inside the package)
    fonts: bool = False  # embed each font as a subset TrueType file (Font/FontFile), as Suwell and 数科 do

    @classmethod
    def seeded(cls, rng: random.Random) -> Style:
        return cls(ns=rng.choice(tuple(URIS)), paths=rng.choice(PATHS), text=rng.choice(TEXTS),
                   page_base=rng.choice((0, 1)), rooted=rng.random() < 0.5, fonts=rng.random() < 0.5)


@dataclass
class _Ids:
    last: int = 0
    fonts: dict[tuple[str, str], int] = field(default_factory=dict)
    advances: dict[int, dict[str, float]] = field(default_factory=dict)  # font id → character → advance (em)

    def next(self) -> int:
        self.last += 1
        return self.last


def _n(v: float) -> str:
    s = f"{v:.3f}".rstrip("0").rstrip(".")
    return "0" if s in ("-0", "") else s


def _colour(c) -> str:
    """pdfplumber colour (grey scalar, RGB or CMYK tuple of 0..1) → OFD ``r g b`` 0..255."""
    if c is None:
        return "0 0 0"
    if isinstance(c, (int, float)):
        c = (c,)
    c = tuple(float(x) for x in c if isinstance(x, (int, float)))
    if len(c) == 1:
        rgb = (c[0],) * 3
    elif len(c) == 4:
        k = c[3]
        rgb = tuple((1 - x) * (1 - k) for x in c[:3])
    elif len(c) == 3:
        rgb = c
    else:
        rgb = (0, 0, 0)
    return " ".join(str(round(255 * max(0.0, min(1.0, x)))) for x in rgb)


class _Writer:
    def __init__(self, style: Style):
        self.style = style
        self.uri = URIS[style.ns]
        self.ids = _Ids()

    def el(self, parent, name: str, attrs: dict | None = None, text: str | None = None):
        tag = f"{{{self.uri}}}{name}"
        node = etree.Element(tag, nsmap=self._nsmap()) if parent is None else etree.SubElement(parent, tag)
        for k, v in (attrs or {}).items():
            node.set(k, str(v))
        if text is not None:
            node.text = text
        return node

    def _nsmap(self):
        return {None: self.uri} if self.style.ns == "default" else {"ofd": self.uri}

    @staticmethod
    def xml(root) -> bytes:
        return etree.tostring(root, xml_declaration=True, encoding="UTF-8")


def pdf_to_ofd(pdf: Path, out: Path, style: Style, rng: random.Random | None = None,
               pages: list[int] | None = None) -> Path:
    """Write ``out`` (an OFD package) from ``pdf`` (or its 1-based ``pages``); ``rng`` decides the per-run
    choices of ``mixed`` text."""
    rng = rng or random.Random(0)
    w = _Writer(style)
    files: dict[str, bytes] = {}
    pages_xml: list[tuple[int, str]] = []
    with pdfplumber.open(pdf) as doc:
        first = doc.pages[0]
        box = (float(first.width) * MM, float(first.height) * MM)
        chosen = [doc.pages[n - 1] for n in pages] if pages else doc.pages
        for i, page in enumerate(chosen):
            loc = f"Pages/Page_{i + style.page_base}/Content.xml"
            pid = w.ids.next()
            files[f"Doc_0/{loc}"] = _page(w, page, rng)
            pages_xml.append((pid, loc))
    res = w.el(None, "Res", {"BaseLoc": "Res"})
    fonts = w.el(res, "Fonts")
    metrics = _font_metrics(pdf, {name: w.ids.advances.get(fid, {}) for (name, _), fid in w.ids.fonts.items()}
                            ) if style.fonts else {}
    for (name, family), fid in w.ids.fonts.items():
        font = w.el(fonts, "Font", {"ID": fid, "FontName": name, "FamilyName": family})
        if name in metrics:
            files[f"Doc_0/Res/font_{fid}.ttf"] = _font_file(metrics[name][1], metrics[name][0])
            w.el(font, "FontFile", text=f"font_{fid}.ttf")
    files["Doc_0/PublicRes.xml"] = w.xml(res)
    document = w.el(None, "Document")
    common = w.el(document, "CommonData")
    w.el(common, "MaxUnitID", text=str(w.ids.last))
    area = w.el(common, "PageArea")
    w.el(area, "PhysicalBox", text=f"0 0 {_n(box[0])} {_n(box[1])}")
    w.el(common, "PublicRes", text="PublicRes.xml")
    pages = w.el(document, "Pages")
    for pid, loc in pages_xml:
        w.el(pages, "Page", {"ID": pid, "BaseLoc": loc})
    files["Doc_0/Document.xml"] = w.xml(document)
    ofd = w.el(None, "OFD", {"Version": "1.1", "DocType": "OFD"})
    body = w.el(ofd, "DocBody")
    info = w.el(body, "DocInfo")
    w.el(info, "DocID", text=f"{rng.getrandbits(128):032x}")
    w.el(info, "Creator", text="gongkai fixture_builder.ofd_paths")
    w.el(body, "DocRoot", text=("/" if style.rooted else "") + "Doc_0/Document.xml")
    files["OFD.xml"] = w.xml(ofd)
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", zipfile.ZIP_DEFLATED) as z:
        for name in ["OFD.xml", "Doc_0/Document.xml", "Doc_0/PublicRes.xml", *sorted(
                n for n in files if n.startswith(("Doc_0/Pages/", "Doc_0/Res/")))]:
            z.writestr(name, files[name])
    out.parent.mkdir(parents=True, exist_ok=True)
    out.write_bytes(buf.getvalue())
    return out


def _page(w: _Writer, page, rng: random.Random) -> bytes:
    root = w.el(None, "Page")
    area = w.el(root, "Area")
    w.el(area, "PhysicalBox", text=f"0 0 {_n(float(page.width) * MM)} {_n(float(page.height) * MM)}")
    content = w.el(root, "Content")
    layer = w.el(content, "Layer", {"ID": w.ids.next(), "Type": "Body"})
    _paths(w, layer, page)
    chars = [dict(c, page_height=float(page.height)) for c in page.chars]
    for run in _runs(chars):
        _text(w, layer, run, rng)
    return w.xml(root)


# ---- text -------------------------------------------------------------------------------------------------

def _origin(ch, height: float) -> tuple[float, float]:
    m = ch.get("matrix") or (1, 0, 0, 1, ch["x0"], height - ch["bottom"])
    return float(m[4]), float(height) - float(m[5])  # baseline origin, y from the top (pt)


def _turn(ch) -> tuple[float, float, float, float] | None:
    """The glyph's rotation (its text matrix over the matrix's scale, PDF's y-up convention), None when
    upright."""
    a, b, c, d = (float(v) for v in (ch.get("matrix") or (1, 0, 0, 1))[:4])
    scale = abs(a * d - b * c) ** 0.5 or 1.0
    a, b, c, d = a / scale, b / scale, c / scale, d / scale
    return None if abs(b) < 1e-6 and abs(c) < 1e-6 and a > 0 and d > 0 else (a, b, c, d)


def _runs(chars: list[dict]) -> list[list[dict]]:
    """Glyphs in drawing order, cut where font, size, baseline or direction changes, x goes backwards or
    jumps more than 2.5 em (one PDF text-show seldom spans two table cells; within it DeltaX keeps the gaps).
    A turned glyph (a bracket of vertical text) is a run of its own."""
    runs: list[list[dict]] = []
    for ch in chars:
        if not ch["text"] or not ch["text"].strip() and not runs:
            continue
        prev = runs[-1][-1] if runs else None
        if (prev is not None and prev["fontname"] == ch["fontname"] and abs(prev["size"] - ch["size"]) < 0.01
                and _turn(ch) is None and _turn(prev) is None
                and abs(_origin(prev, ch["page_height"])[1] - _origin(ch, ch["page_height"])[1]) < 0.05
                and prev["x0"] - 0.01 <= ch["x0"] <= prev["x1"] + 2.5 * ch["size"]):
            runs[-1].append(ch)
        else:
            runs.append([ch])
    return [r for r in runs if "".join(c["text"] for c in r).strip()]


def _font(w: _Writer, pdf_name: str) -> int:
    base = pdf_name.split("+", 1)[-1]
    family = base.split(",")[0].split("-")[0]
    key = (base, family)
    if key not in w.ids.fonts:
        w.ids.fonts[key] = w.ids.next()
    return w.ids.fonts[key]


def _deltas(xs: list[float]) -> str:
    """DeltaX: the advances between glyph origins, equal neighbours compressed as ``g N v``."""
    steps = [_n(b - a) for a, b in zip(xs, xs[1:])]
    out, i = [], 0
    while i < len(steps):
        j = i
        while j < len(steps) and steps[j] == steps[i]:
            j += 1
        out += [f"g {j - i} {steps[i]}"] if j - i > 2 else steps[i:j]
        i = j
    return " ".join(out)


def _turned(w: _Writer, layer, ch: dict) -> None:
    """One turned glyph as OFD writers draw it: its own TextObject, the glyph at the object's origin, turned by
    the CTM (PDF's y-up text matrix in OFD's y-down space: b and c change sign), placed at the glyph's origin
    inside a Boundary that is the glyph's box. Its size: the box's longer side (the font size by one advance,
    an advance being at most an em)."""
    a, b, c, d = _turn(ch)
    ox, oy = (v * MM for v in _origin(ch, ch["page_height"]))
    x0, top = float(ch["x0"]) * MM, float(ch["top"]) * MM
    box = (x0, top, max(float(ch["x1"]) * MM - x0, 0.1), max(float(ch["bottom"]) * MM - top, 0.1))
    size = max(float(ch["x1"]) - float(ch["x0"]), float(ch["bottom"]) - float(ch["top"])) * MM
    obj = w.el(layer, "TextObject", {
        "ID": w.ids.next(), "Boundary": " ".join(_n(v) for v in box), "Font": _font(w, ch["fontname"]),
        "Size": _n(size), "CTM": " ".join(_n(v) for v in (a, -b, -c, d, ox - x0, oy - top))})
    w.el(obj, "FillColor", {"Value": _colour(ch.get("non_stroking_color"))})
    w.el(obj, "TextCode", {"X": "0", "Y": "0"}, ch["text"])


def _text(w: _Writer, layer, run: list[dict], rng: random.Random) -> None:
    if len(run) == 1 and _turn(run[0]) is not None:
        return _turned(w, layer, run[0])
    height = run[0]["page_height"]
    size = float(run[0]["size"])
    fid = _font(w, run[0]["fontname"])
    _note_advances(w, fid, run)
    xs = [_origin(c, height)[0] * MM for c in run]
    base = _origin(run[0], height)[1] * MM
    x0 = min(min(xs), float(run[0]["x0"]) * MM)
    x1 = max(float(c["x1"]) for c in run) * MM
    top = min(float(c["top"]) for c in run) * MM
    bottom = max(max(float(c["bottom"]) for c in run) * MM, base + 0.1)
    colour = _colour(run[0].get("non_stroking_color"))
    mode = w.style.text
    if mode == "mixed":
        mode = "objects" if rng.random() < 0.3 else "runs"
    groups = [[i] for i in range(len(run))] if mode == "objects" else [list(range(len(run)))]
    for idx in groups:
        gx0 = x0 if len(idx) > 1 else xs[idx[0]]
        gx1 = x1 if len(idx) > 1 else max(float(run[idx[0]]["x1"]) * MM, gx0 + 0.1)
        obj = w.el(layer, "TextObject", {"ID": w.ids.next(), "Boundary": " ".join(
            _n(v) for v in (gx0, top, gx1 - gx0, bottom - top)), "Font": fid, "Size": _n(size * MM)})
        w.el(obj, "FillColor", {"Value": colour})
        if mode == "glyphs":
            for i in idx:
                w.el(obj, "TextCode", {"X": _n(xs[i] - gx0), "Y": _n(base - top)}, run[i]["text"])
        else:
            attrs = {"X": _n(xs[idx[0]] - gx0), "Y": _n(base - top)}
            if len(idx) > 1:
                attrs["DeltaX"] = _deltas([xs[i] for i in idx])
            w.el(obj, "TextCode", attrs, "".join(run[i]["text"] for i in idx))


# ---- embedded fonts -------------------------------------------------------------------------------------

def _note_advances(w: _Writer, fid: int, run: list[dict]) -> None:
    """The characters a font prints (for its subset file), each with its box's width over its size (the PDF's
    /W width), used where the font program gives no advance."""
    known = w.ids.advances.setdefault(fid, {})
    for c in run:
        if len(c["text"]) == 1 and _turn(c) is None and float(c["size"]) > 0:
            known.setdefault(c["text"], (float(c["x1"]) - float(c["x0"])) / float(c["size"]))


def _font_metrics(pdf: Path, wanted: dict[str, dict[str, float]]) -> dict[str, tuple[float, dict[str, float]]]:
    """Base font name (no subset prefix) → (descent, advances) as the PDF's font programs give them through
    PDFium: the descent a fraction of the em, negative below the baseline; each wanted character's advance in
    ems, the PDF's width (``wanted``'s value) where the program has none, left out where both are 0."""
    import ctypes

    import pypdfium2
    import pypdfium2.raw as raw

    out: dict[str, tuple[float, dict[str, float]]] = {}
    doc = pypdfium2.PdfDocument(str(pdf))
    try:
        for page in doc:
            for obj in page.get_objects(filter=[raw.FPDF_PAGEOBJ_TEXT]):
                font = raw.FPDFTextObj_GetFont(obj.raw)
                buf = ctypes.create_string_buffer(256)
                raw.FPDFFont_GetBaseFontName(font, buf, 256)
                name = buf.value.decode("latin-1").split("+", 1)[-1]
                if name in out or name not in wanted:
                    continue
                value = ctypes.c_float()
                descent = min(value.value, 0.0) if raw.FPDFFont_GetDescent(font, 1.0, value) else 0.0
                advances = {}
                for ch, pdf_width in wanted[name].items():
                    width = value.value if raw.FPDFFont_GetGlyphWidth(font, ord(ch), 1.0, value) else 0.0
                    if width > 0 or pdf_width > 0:
                        advances[ch] = width if width > 0 else pdf_width
                out[name] = (descent, advances)
    finally:
        doc.close()
    return out


def _font_file(advances: dict[str, float], descent: float) -> bytes:
    """A subset TrueType font: one glyph (empty outline) per character the document prints in it, its advance
    and the font's descent (OS/2 and hhea) as the PDF gives them, 1000 units an em."""
    from fontTools.fontBuilder import FontBuilder
    from fontTools.pens.ttGlyphPen import TTGlyphPen

    names = {ch: f"u{ord(ch):04X}" for ch in sorted(advances)}
    order = [".notdef", *names.values()]
    fb = FontBuilder(1000, isTTF=True)
    fb.setupGlyphOrder(order)
    fb.setupCharacterMap({ord(ch): name for ch, name in names.items()})
    empty = TTGlyphPen(None).glyph()
    fb.setupGlyf({name: empty for name in order})
    fb.setupHorizontalMetrics({".notdef": (1000, 0), **{names[ch]: (round(1000 * a), 0) for ch, a in advances.items()}})
    low = round(1000 * descent)
    fb.setupHorizontalHeader(ascent=1000 + low, descent=low)
    fb.setupOS2(sTypoAscender=1000 + low, sTypoDescender=low, usWinAscent=1000 + low, usWinDescent=-low)
    fb.setupNameTable({"familyName": "Subset", "styleName": "Regular"})
    fb.setupPost()
    out = io.BytesIO()
    fb.save(out)
    return out.getvalue()


# ---- rulings ----------------------------------------------------------------------------------------------

def _segments(page) -> list[tuple[list[tuple[float, float]], bool, dict]]:
    """Every vector shape as (points in pt from the top-left, closed, the pdfplumber object)."""
    out = []
    for ln in page.lines:
        out.append(([(float(ln["x0"]), float(ln["top"])), (float(ln["x1"]), float(ln["bottom"]))], False, ln))
    for r in page.rects:
        x0, t, x1, b = (float(r[k]) for k in ("x0", "top", "x1", "bottom"))
        out.append(([(x0, t), (x1, t), (x1, b), (x0, b)], True, r))
    for c in page.curves:
        pts = [(float(x), float(y)) for x, y in c["pts"]]
        out.append((pts, bool(c.get("closed")) or c.get("fill", False), c))
    return out


def _data(points: list[tuple[float, float]], closed: bool, dx: float, dy: float, scale: float,
          first: str = "M") -> str:
    ops = [f"{first} {_n((points[0][0] - dx) * scale)} {_n((points[0][1] - dy) * scale)}"]
    ops += [f"L {_n((x - dx) * scale)} {_n((y - dy) * scale)}" for x, y in points[1:]]
    return " ".join(ops + (["C"] if closed else []))


def _paths(w: _Writer, layer, page) -> None:
    shapes = _segments(page)
    mode = w.style.paths
    if mode == "subpaths":
        stroked = [s for s in shapes if s[2].get("stroke", True)]
        filled = [s for s in shapes if not s[2].get("stroke", True)]
        if stroked:
            lw = float(stroked[0][2].get("linewidth") or 0.5) * MM
            obj = w.el(layer, "PathObject", {"ID": w.ids.next(), "Boundary": f"0 0 {_n(float(page.width) * MM)} "
                                             f"{_n(float(page.height) * MM)}", "LineWidth": _n(lw)})
            w.el(obj, "StrokeColor", {"Value": _colour(stroked[0][2].get("stroking_color"))})
            w.el(obj, "AbbreviatedData", text=" ".join(
                _data(p, c, 0, 0, MM, "S" if i == 0 else "M") for i, (p, c, _) in enumerate(stroked)))
        for s in filled:
            _one(w, layer, s, "segments")
        return
    for s in shapes:
        _one(w, layer, s, mode)


def _one(w: _Writer, layer, shape, mode: str) -> None:
    points, closed, src = shape
    stroke, fill = bool(src.get("stroke", True)), bool(src.get("fill", False))
    lw = float(src.get("linewidth") or 0.5)
    xs, ys = [p[0] for p in points], [p[1] for p in points]
    pad = lw / 2
    x0, y0, x1, y1 = min(xs) - pad, min(ys) - pad, max(xs) + pad, max(ys) + pad
    boundary = " ".join(_n(v * MM) for v in (x0, y0, x1 - x0, y1 - y0))
    attrs = {"ID": w.ids.next(), "Boundary": boundary}
    if mode == "filled" and stroke and not fill:
        # each edge of the shape as a thin filled rectangle: a unit square the CTM stretches to the edge
        edges = list(zip(points, points[1:] + (points[:1] if closed else [])))
        for (ax, ay), (bx, by) in edges:
            if abs(ax - bx) > 0.01 and abs(ay - by) > 0.01:  # a slanted edge stays a stroked segment
                _one(w, layer, ([(ax, ay), (bx, by)], False, src), "segments")
                continue
            ex0, ey0 = min(ax, bx) - pad, min(ay, by) - pad
            ew, eh = abs(ax - bx) + 2 * pad, abs(ay - by) + 2 * pad
            obj = w.el(layer, "PathObject", {
                "ID": w.ids.next(), "Boundary": " ".join(_n(v * MM) for v in (ex0, ey0, ew, eh)),
                "CTM": f"{_n(ew * MM)} 0 0 {_n(eh * MM)} 0 0", "Stroke": "false", "Fill": "true"})
            w.el(obj, "FillColor", {"Value": _colour(src.get("stroking_color"))})
            w.el(obj, "AbbreviatedData", text="M 0 0 L 1 0 L 1 1 L 0 1 C")
        return
    if not stroke:
        attrs["Stroke"] = "false"
    if fill:
        attrs["Fill"] = "true"
    if mode == "ctm":
        attrs["CTM"] = f"{_n(MM)} 0 0 {_n(MM)} 0 0"
        attrs["LineWidth"] = _n(lw * MM)
        data = _data(points, closed, x0, y0, 1.0)
    else:
        attrs["LineWidth"] = _n(lw * MM)
        data = _data(points, closed, x0, y0, MM)
    obj = w.el(layer, "PathObject", attrs)
    if stroke:
        w.el(obj, "StrokeColor", {"Value": _colour(src.get("stroking_color"))})
    if fill:
        w.el(obj, "FillColor", {"Value": _colour(src.get("non_stroking_color"))})
    w.el(obj, "AbbreviatedData", text=data)


# ---- the committed fixtures ------------------------------------------------------------------------------

OFD = FIXTURES / "ofd"
# one of each edition (the easyofd ones, tests/fixture_builder/ofd.py, are xuhui-2019-broken and jinan-2023-mixed)
COMMITTED = {
    "baoshan-2020": Style(ns="legacy", paths="subpaths", text="glyphs", page_base=1, rooted=True),
    "hejiang-2022": Style(ns="default", paths="filled", text="mixed", page_base=0, rooted=False),
}


# a WPS vertical label whose brackets are turned glyphs (drawn upright at their origins they rise 8 pt, across
# the row's ruling), with partial rulings and an orphan heading: tests/fixtures/variants/r11-000-luzhou-2022
TURNED = {"r11-000-luzhou-2022": Style(ns="default", paths="segments", text="runs")}


def build_committed() -> list[Path]:
    out = []
    styles = {**COMMITTED, **TURNED}
    for name, pdf, _truth in fixture_pdfs(list(styles)):
        out.append(pdf_to_ofd(pdf, OFD / name / f"{name}.ofd", styles[name], random.Random(name)))
        (OFD / name / "truth.json").write_bytes((pdf.parent / "truth.json").read_bytes())
    return out


# ---- measuring --------------------------------------------------------------------------------------------

def fixture_pdfs(names: list[str]) -> list[tuple[str, Path, dict]]:
    """(name, pdf, truth) of fixtures under tests/fixtures/, by folder name."""
    out = []
    for name in names:
        # the shallowest such folder: tests/fixtures/<name>/ before scans/<name>/ (image-only PDFs)
        folder = next((p.parent for p in sorted(FIXTURES.rglob("truth.json"), key=lambda p: (len(p.parts), p))
                       if p.parent.name == name and any(p.parent.glob("*.pdf"))), None)
        if folder is None:
            raise SystemExit(f"{name}: no fixture folder with a truth.json under {FIXTURES}")
        pdfs = sorted(folder.glob("*.pdf"))
        if not pdfs:
            raise SystemExit(f"{name}: no PDF in {folder}")
        out.append((name, pdfs[0], json.loads((folder / "truth.json").read_text(encoding="utf-8"))))
    return out


def _cells(report) -> dict[str, tuple]:
    return {c.key: (c.row_label, c.column_label, c.raw, c.value) for c in report.cells if c.key}


def measure(names: list[str], seed: int, out: Path) -> tuple[int, int, int]:
    """Convert each named fixture (its style seeded per file) into ``out`` and print its template cells exact vs
    the truth, for the OFD and for its PDF, and the OFD's cells read as the PDF's (row and column label, raw
    text and value alike). Returns (OFD cells exact, cells scored, PDF cells exact)."""
    from extractors import read_report

    from .accuracy import read_case

    exact = total = pdf_exact = same = 0
    for name, pdf, truth in fixture_pdfs(names):
        rng = random.Random(f"{seed}:{name}")
        style = Style.seeded(rng)
        ofd = pdf_to_ofd(pdf, out / f"{name}.ofd", style, rng)
        d, p = read_case(ofd, truth), read_case(pdf, truth)
        try:
            got, want = _cells(read_report(ofd)), _cells(read_report(pdf))
            alike = sum(got.get(k) == want.get(k) for k in truth["cells"])
        except Exception:  # a crash reads nothing alike
            alike = 0
        exact += d.total - len(d.wrong)
        total += d.total
        pdf_exact += p.total - len(p.wrong)
        same += alike
        fonts = "fonts" if style.fonts else "-"
        print(f"{name:42} {style.ns:8} {style.paths:8} {style.text:6} {fonts:5}  ofd {d.total - len(d.wrong):3}/"
              f"{d.total}  pdf {p.total - len(p.wrong):3}/{p.total}  as pdf {alike:3}/{len(truth['cells'])}"
              + (f"  error {d.error}" if d.error else ""))
    cells = sum(len(t["cells"]) for _, _, t in fixture_pdfs(names))
    print(f"cells exact: OFD {exact}/{total} = {100 * exact / max(total, 1):.2f} %; the PDFs {pdf_exact}/{total};"
          f" OFD cells equal to the PDF's reading {same}/{cells} = {100 * same / max(cells, 1):.2f} %"
          f"  (seed {seed}, OFDs in {out})")
    return exact, total, pdf_exact


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("args", nargs="*", help="IN.pdf OUT.ofd, or fixture names with --measure")
    ap.add_argument("--measure", action="store_true")
    ap.add_argument("--committed", action="store_true", help="rewrite the committed fixtures (COMMITTED)")
    ap.add_argument("--seed", type=int, default=0)
    ap.add_argument("--out", type=Path, default=None)
    for opt, choices in (("ns", tuple(URIS)), ("paths", PATHS), ("text", TEXTS)):
        ap.add_argument(f"--{opt}", choices=choices)
    a = ap.parse_args()
    if a.committed:
        print(*build_committed(), sep="\n")
        return
    if a.measure:
        measure(a.args, a.seed, a.out or Path(tempfile.mkdtemp(prefix="gongkai-ofd-paths-")))
        return
    rng = random.Random(a.seed)
    style = Style.seeded(rng)
    style = Style(ns=a.ns or style.ns, paths=a.paths or style.paths, text=a.text or style.text,
                  page_base=style.page_base, rooted=style.rooted)
    print(pdf_to_ofd(Path(a.args[0]), Path(a.args[1]), style, rng), style)


if __name__ == "__main__":
    main()
