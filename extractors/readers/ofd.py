"""OFD (GB/T 33190, the national fixed-layout format): a ZIP of XML pages, read directly with lxml.

OFD.xml names the document (DocBody/DocRoot); its Document.xml lists the pages (Pages/Page/@BaseLoc); each
page's content holds TextObjects (Boundary "x y w h" in mm, an optional CTM, TextCode runs with X, Y and
DeltaX/DeltaY glyph advances, "g N d" meaning N repeats of d), PathObjects (the same Boundary and CTM,
AbbreviatedData "M x y L x y … C", Stroke/Fill) and ImageObjects (a resource id naming a MultiMedia file).
Elements are matched by local name, since writers differ in namespace URIs (and in the case of an attribute
or two). A page whose glyphs are too small for print and lie in a corner of its box was not written in mm: one
written in 200-dpi pixels with its box in points (easyofd) is read at its printed size (:func:`_units`).

A glyph's box is placed as PDF readers place it (pdfminer, PDFium): its advance wide, the font size high from
the font's descent below the baseline, turned with the TextObject's CTM. Advances and the descent come from the
font file the resources embed (Font/FontFile: TrueType or OpenType, read with fontTools) when it maps the
character; otherwise, in a TextCode whose DeltaX steps every glyph alike (easyofd spreads a span evenly), that
step; else the step to the next glyph, the steps the same character (or, for a digit, the font's digits) takes
elsewhere on the page, a width by character class; the descent a typical CJK font's.

A page with text becomes a pdfplumber page (:class:`OfdPage`: glyphs as chars, path subpaths as lines, rects
and curves, in points from the top left) read by the PDF reader's own page logic
(:func:`extractors.readers.pdf._read_page`): ruled tables from the drawn rulings with their spans, the
borderless assembly for the rest, paragraphs. A page that is only an image is a scan and goes to the OCR
reader.
"""

from __future__ import annotations

import io
import posixpath
import re
import statistics
import unicodedata
import zipfile
from dataclasses import dataclass
from pathlib import Path
from struct import error as struct_error

from lxml import etree

from extractors.model import Document
from extractors.readers.errors import ReadError
from extractors.readers.objects_page import ObjectsPage
from extractors.readers.pdf import _read_page, join_continued_tables
from extractors.readers.word_sources import WordSources

_PT_PER_MM = 72 / 25.4
_A4 = (210.0, 297.0)  # mm: the page box when neither the page nor the document gives one
_DESCENT = 0.12  # of the font size below the baseline: a char box spans the size from there (no font file)
# The smallest glyph printed text uses, in mm (about 5.7 pt: footnotes are 7 pt and more, body text 9-16 pt).
# A page whose median glyph is smaller was not written in mm.
_SMALLEST_PRINT = 2.0
# A writer that takes a PDF point for a 200-dpi pixel (easyofd's pdf2ofd: content = points × 25.4 / 200, the
# box left in points) draws the page at 72/200 of its size in one corner of a box 72/25.4 too large. The content
# is in mm once multiplied by this, the box once multiplied by 25.4/72.
_PIXEL_200DPI = 200 / 72
Matrix = tuple[float, float, float, float, float, float]


def read(path: Path, data: bytes) -> Document:
    try:
        z = zipfile.ZipFile(io.BytesIO(data))
        names = set(z.namelist())
        root = _xml(z, "OFD.xml")
        doc_path = _text(root, "DocRoot").strip().lstrip("/")
        document = _xml(z, doc_path)
    except (zipfile.BadZipFile, KeyError, etree.XMLSyntaxError, AttributeError, StopIteration) as exc:
        raise ReadError(f"not a readable OFD file: {type(exc).__name__}") from exc
    base = posixpath.dirname(doc_path)
    media, font_files = _resources(z, document, base, names)
    fonts = _fonts(z, font_files)
    default_box = _page_box(document) or _A4
    sources = WordSources()
    marks: dict[int, list] = {}  # scanned pages: OCR'd characters, for the cells' confidence
    pages = []
    doctop = 0.0
    for number, page in enumerate((e for e in document.iter() if _local(e) == "Page" and e.get("BaseLoc")), 1):
        content = _xml(z, _resolve(base, page.get("BaseLoc"), names))
        unit, box = _units(content, _page_box(content) or default_box)
        pages.append(_read_ofd_page(content, box, number, doctop, z, media, fonts, sources, marks, unit))
        doctop += box[1] * _PT_PER_MM
    if not pages:
        raise ReadError("OFD file lists no pages")
    blocks = join_continued_tables(pages, sources)
    if marks:
        from extractors.readers.ocr import score_cells

        score_cells(blocks, marks)
    return Document(path=str(path), format="ofd", blocks=blocks, pages=len(pages))


def _units(content, box: tuple[float, float]) -> tuple[float, tuple[float, float]]:
    """(mm per content unit, the page box in mm) for a page whose ``box`` is its PhysicalBox as written.

    OFD's unit is the mm (GB/T 33190 §7.1), and a page in mm has glyphs at least :data:`_SMALLEST_PRINT` high.
    When the median glyph is smaller and every object lies in the box's top-left third both ways, the content
    and its box cannot both be mm: the content is read as 200-dpi pixels and the box as points
    (:data:`_PIXEL_200DPI`), as long as the content then fits the box and its glyphs are of a printed size.
    No writer name is checked: the sizes say the units are wrong, the fit says which. The absolute tolerances
    of the page logic (points) need the page at its real size: at 0.36 of it, lines 4.4 pt apart merge.
    Otherwise (1.0, box)."""
    sizes, right, bottom = [], 0.0, 0.0
    for obj in content.iter():
        name = _local(obj)
        if name not in ("TextObject", "PathObject", "ImageObject"):
            continue
        x, y, w, h = _floats(obj.get("Boundary"))
        right, bottom = max(right, x + w), max(bottom, y + h)
        if name == "TextObject":
            m, em = _ctm(obj), _float(obj.get("Size") or obj.get("size"), 3.5)
            sizes.append(em * ((abs(m[0] * m[3] - m[1] * m[2]) ** 0.5) or 1.0))
    if not sizes or statistics.median(sizes) >= _SMALLEST_PRINT or right > box[0] / 3 or bottom > box[1] / 3:
        return 1.0, box
    k, points = _PIXEL_200DPI, (box[0] / _PT_PER_MM, box[1] / _PT_PER_MM)
    fits = right * k <= points[0] * 1.01 and bottom * k <= points[1] * 1.01
    return (k, points) if fits and statistics.median(sizes) * k >= _SMALLEST_PRINT else (1.0, box)


def _read_ofd_page(content, box: tuple[float, float], number: int, doctop: float, z: zipfile.ZipFile,
                   media: dict[str, str], fonts: dict[str, FontMetrics], sources: WordSources,
                   marks: dict[int, list], unit: float = 1.0) -> list:
    page = OfdPage(content, box, number, doctop, fonts, unit)
    images = [o for o in page.ofd_images if o.get("ResourceID") in media]
    if not page.chars and images:  # a scanned page: the largest image is the page
        return _scanned(max(images, key=lambda o: _area(o.get("Boundary"))), number, z, media, sources, marks)
    return _read_page(page, number, sources)


class OfdPage(ObjectsPage):
    """An OFD page as a pdfplumber page: ``char`` objects from the TextCodes, ``line``/``rect``/``curve``
    from the PathObjects' subpaths (classified as pdfminer does), in points with the origin at the top left.

    ``content``: the page's parsed Content.xml; ``box``: its width and height in mm; ``page_number`` 1-based;
    ``initial_doctop``: the summed heights (points) of the pages before it; ``fonts``: the embedded fonts'
    metrics by Font ID (:func:`font_metrics`); ``unit``: mm per content unit (1 but for a writer that drew the
    page in other units, :func:`_units`). ``ofd_images`` keeps the page's ImageObject elements (a page
    of images only is a scan).
    """

    def __init__(self, content, box: tuple[float, float], page_number: int, initial_doctop: float = 0,
                 fonts: dict[str, FontMetrics] | None = None, unit: float = 1.0):
        self.pdf = None
        self.page_obj = None
        self.page_number = page_number
        self.initial_doctop = initial_doctop
        self.rotation = 0
        width, height = box[0] * _PT_PER_MM, box[1] * _PT_PER_MM
        k = unit * _PT_PER_MM  # points per content unit
        self.mediabox = self.cropbox = self.bbox = (0, 0, width, height)
        self.ofd_images: list = []
        objects: dict[str, list[dict]] = {"char": []}
        measured: set[int] = set()  # ids of the chars whose advance a font file gave (not fitted)
        for obj in content.iter():
            name = _local(obj)
            if name == "TextObject":
                objects["char"] += _chars(obj, page_number, initial_doctop, height, fonts or {}, measured, k)
            elif name == "PathObject":
                for shape in _shapes(obj, page_number, initial_doctop, height, k):
                    objects.setdefault(shape["object_type"], []).append(shape)
            elif name == "ImageObject" and obj.get("ResourceID"):
                self.ofd_images.append(obj)
        _fit_widths(objects["char"], measured)
        self._objects = objects

    def __repr__(self) -> str:
        return f"<OfdPage:{self.page_number}>"


def _ctm(obj) -> Matrix:
    values = [float(v) for v in (obj.get("CTM") or "").split()]
    return tuple(values) if len(values) == 6 else (1.0, 0.0, 0.0, 1.0, 0.0, 0.0)


def _place(m: Matrix, bx: float, by: float, x: float, y: float, k: float = _PT_PER_MM) -> tuple[float, float]:
    """An object-space point (mm) on the page: the CTM, then the Boundary's origin; returned in points (``k``
    points per unit)."""
    a, b, c, d, e, f = m
    return (bx + a * x + c * y + e) * k, (by + b * x + d * y + f) * k


def _advances(spec: str | None) -> list[float]:
    """DeltaX/DeltaY "1.2 g 3 0.8 1.0" → the advances after each glyph but the last."""
    tokens, out, i = (spec or "").split(), [], 0
    try:
        while i < len(tokens):
            if tokens[i] == "g" and i + 2 < len(tokens):
                out += [float(tokens[i + 2])] * int(float(tokens[i + 1]))
                i += 3
            else:
                out.append(float(tokens[i]))
                i += 1
    except ValueError:  # a malformed advance list: the glyphs placed with what was read
        pass
    return out


_NARROW = frozenset(".,:;!|'`ilI")
_DIGITS = frozenset("0123456789")


def _width(ch: str) -> float:
    """A glyph's advance in font sizes when the file gives none (OFD carries no glyph widths): full width for
    CJK and the punctuation Chinese fonts print full width (“” ‘’ …: East Asian width A), about a third for
    the narrowest Latin glyphs, about half for the rest (digits)."""
    if unicodedata.east_asian_width(ch) in ("W", "F", "A"):
        return 1.0
    return 0.3 if ch in _NARROW else 0.55


def _chars(obj, page_number: int, doctop: float, height: float, fonts: dict[str, FontMetrics],
           measured: set[int], k: float = _PT_PER_MM) -> list[dict]:
    """A TextObject's glyphs as pdfplumber chars. A glyph's origin is its TextCode's X/Y moved by the DeltaX/
    DeltaY advances before it. Its box, as PDF readers make it: its advance wide (from the font file, else
    the run's step when every step of its TextCode is alike, else full width for CJK, about half for Latin and
    digits until :func:`_fit_widths` fits it to its neighbour),
    the font size high from the descent, turned as the CTM turns the object. The ids of the chars whose
    advance the font or an even run gave are added to ``measured``."""
    bx, by, _w, _h = _floats(obj.get("Boundary"))
    m = _ctm(obj)
    scale = (abs(m[0] * m[3] - m[1] * m[2]) ** 0.5) or 1.0
    em = _float(obj.get("Size") or obj.get("size"), 3.5)  # the font size in object units (mm before the CTM)
    size = em * scale * k
    upright = m[1] == 0 and m[2] == 0 and m[0] > 0 and m[3] > 0
    font_id = obj.get("Font") or ""
    metrics = fonts.get(font_id)
    descent = metrics.descent if metrics else _DESCENT

    def advance(ch: str) -> tuple[float, bool]:  # in ems, and whether the font gave it
        known = metrics.advance(ch) if metrics else None
        return (known, True) if known is not None else (_width(ch), False)

    glyphs: list[tuple[str, float, float, float]] = []  # text, x, y (object space, mm), even step (em)
    x = y = None
    for code in (e for e in obj.iter() if _local(e) == "TextCode"):
        text = "".join(code.itertext())
        x = _float(code.get("X"), x if x is not None else 0.0)
        y = _float(code.get("Y"), y if y is not None else 0.0)
        dx, dy = _advances(code.get("DeltaX")), _advances(code.get("DeltaY"))
        # a writer that steps every glyph of a run alike (easyofd: the span's width over its glyphs) draws
        # each in a cell of that step: its width
        even = dx[0] if len(dx) >= len(text) - 1 >= 2 and not dy and dx[0] > 0 and all(
            abs(d - dx[0]) <= 0.02 * dx[0] for d in dx) else 0.0
        for i, ch in enumerate(text):
            glyphs.append((ch, x, y, even / em))
            if i < len(text) - 1:
                x += dx[i] if i < len(dx) else (advance(ch)[0] * em if not dy else 0.0)
                y += dy[i] if i < len(dy) else 0.0
    out = []
    for ch, ox, oy, even in glyphs:
        if not ch.strip():
            continue
        adv, known = advance(ch)
        if even and not known:  # the font file's advance first, then the run's even step
            adv, known = even, True
        gx, base = _place(m, bx, by, ox, oy, k)
        if upright:
            x0, x1 = gx, gx + adv * size
            top, bottom = base - (1 - descent) * size, base + descent * size
        else:  # PDF's box in text space (the advance by the font size from the descent), turned by the CTM
            corners = [_place(m, bx, by, ox + u * em, oy - v * em, k)
                       for u in (0, adv) for v in (-descent, 1 - descent)]
            x0, x1 = min(p[0] for p in corners), max(p[0] for p in corners)
            top, bottom = min(p[1] for p in corners), max(p[1] for p in corners)
        # the text matrix as pdfminer has it (y up): the CTM's turn with b and c negated, by the size
        turn = (size, 0, 0, size) if upright else tuple(v * size / scale for v in (m[0], -m[1], -m[2], m[3]))
        char = {
            "object_type": "char", "page_number": page_number, "text": ch, "fontname": font_id,
            "size": size if upright else bottom - top, "upright": upright, "matrix": (*turn, gx, height - base),
            "x0": x0, "x1": x1, "top": top, "bottom": bottom, "doctop": doctop + top,
            "y0": height - bottom, "y1": height - top, "width": x1 - x0, "height": bottom - top,
        }
        out.append(char)
        if known:
            measured.add(id(char))
    return out


def _fit_widths(chars: list[dict], measured: set[int]) -> None:
    """A glyph's width, in place, as the step to the next glyph on its baseline (in whatever TextObject) when
    that step is about its own advance: Latin glyphs and digits vary (0.25–0.65 em) and OFD gives no widths
    but its font files'. A narrow glyph with no such step (the last digit of a figure before its unit, a gap
    between) takes the median step of the same character in the same font elsewhere on the page, in ems, or
    for a digit the median step of the font's digits (fonts set figures in one advance, to line up in
    tables). A glyph whose id is in ``measured`` keeps the width its font gave."""
    lines: dict[float, list[dict]] = {}
    for c in chars:
        if c["upright"]:
            lines.setdefault(round(c["matrix"][5], 1), []).append(c)
    learned: dict[tuple[str, str], list[float]] = {}  # (font, character) → fitted steps in ems
    unfitted: list[tuple[dict, float]] = []  # narrow glyphs with no step, and the gap to the next glyph (or 0)
    for line in lines.values():
        line.sort(key=lambda c: c["x0"])
        for i, c in enumerate(line):
            if id(c) in measured:
                continue
            # the next glyph that is not this one painted again a fraction of a point off (fake bold)
            after = next((a for a in line[i + 1:i + 4] if a["x0"] - c["x0"] > 0.25 * c["width"]), None)
            step = after["x0"] - c["x0"] if after else 0.0
            narrow = _width(c["text"]) < 1.0
            if 0 < step <= c["width"] * (1.25 if narrow else 1.02):
                c["x1"], c["width"] = after["x0"], step
                if narrow and c["size"] > 0:
                    learned.setdefault((c["fontname"], c["text"]), []).append(step / c["size"])
                    if c["text"] in _DIGITS:
                        learned.setdefault((c["fontname"], "digits"), []).append(step / c["size"])
            elif narrow:
                unfitted.append((c, step))
    for c, step in unfitted:
        steps = learned.get((c["fontname"], c["text"])) or (
            learned.get((c["fontname"], "digits")) if c["text"] in _DIGITS else None)
        if steps:
            width = statistics.median(steps) * c["size"]
            width = min(width, step) if step > 0 else width
            c["x1"], c["width"] = c["x0"] + width, width


_OPERANDS = {"S": 2, "M": 2, "L": 2, "Q": 4, "B": 6, "A": 7, "C": 0}


def _subpaths(data: str) -> list[tuple[list[tuple[float, float]], bool, bool]]:
    """AbbreviatedData → subpaths: (end points of its segments, closed, every segment straight). A curve's
    control points are left out, as PDFium lists a path."""
    tokens = re.findall(r"[A-Za-z]|[-+]?(?:\d+\.?\d*|\.\d+)(?:[eE][-+]?\d+)?", data or "")
    out: list[list] = []
    i = 0
    while i < len(tokens):
        op = tokens[i].upper()
        n = _OPERANDS.get(op)
        if n is None or i + n >= len(tokens):  # not an operator, or its operands cut short
            i += 1
            continue
        try:
            args = [float(t) for t in tokens[i + 1:i + 1 + n]]
        except ValueError:
            i += 1
            continue
        i += 1 + n
        if op in ("S", "M"):
            out.append([[(args[0], args[1])], False, True])
        elif op == "C":
            if out and len(out[-1][0]) > 1:
                out[-1][1] = True
        elif out:
            out[-1][0].append((args[-2], args[-1]))
            out[-1][2] = out[-1][2] and op == "L"
        else:  # a segment with no start point: it starts where it ends
            out.append([[(args[-2], args[-1])], False, op == "L"])
    return [(pts, closed, straight) for pts, closed, straight in out]


def _flag(value: str | None, default: bool) -> bool:
    return default if value is None else value.strip().lower() in ("true", "1")


def _shapes(obj, page_number: int, doctop: float, height: float, k: float = _PT_PER_MM) -> list[dict]:
    """A PathObject's painted subpaths as pdfplumber line/rect/curve objects (a thin filled rectangle is a
    rect, as pdfminer has it, so a ruling drawn that way is a ruling)."""
    stroke, fill = _flag(obj.get("Stroke"), True), _flag(obj.get("Fill"), False)
    if not (stroke or fill):
        return []  # not painted
    bx, by, _w, _h = _floats(obj.get("Boundary"))
    m = _ctm(obj)
    width = _float(obj.get("LineWidth"), 0.353) * k
    data = next(("".join(e.itertext()) for e in obj if _local(e) == "AbbreviatedData"), "")
    out = []
    for pts, closed, straight in _subpaths(data):
        page_pts = [_place(m, bx, by, x, y, k) for x, y in pts]
        if closed and len(page_pts) > 2 and page_pts[-1] == page_pts[0]:
            page_pts = page_pts[:-1]
        kind = _kind(page_pts, closed, straight)
        if kind is None:
            continue
        xs, tops = [p[0] for p in page_pts], [p[1] for p in page_pts]
        x0, x1, top, bottom = min(xs), max(xs), min(tops), max(tops)
        out.append({"object_type": kind, "x0": x0, "x1": x1, "top": top, "bottom": bottom, "width": x1 - x0,
                    "height": bottom - top, "y0": height - bottom, "y1": height - top,
                    "pts": page_pts + ([page_pts[0]] if closed and kind == "curve" else []),
                    "page_number": page_number, "doctop": doctop + top, "linewidth": width, "stroke": stroke,
                    "fill": fill})
    return out


def _kind(pts: list[tuple[float, float]], closed: bool, straight: bool) -> str | None:
    """pdfminer's classes: two points a line; four corners of an axis-aligned rectangle a rect; else a curve."""
    if len(pts) < 2:
        return None
    if len(pts) == 2 and straight:
        return "line"
    if len(pts) == 4 and straight and closed:
        (ax, ay), (bx, by), (cx, cy), (dx, dy) = (tuple(round(v, 3) for v in p) for p in pts)
        if (ax == bx and by == cy and cx == dx and dy == ay) or (ay == by and bx == cx and cy == dy and dx == ax):
            return "rect"
    return "curve"


def _scanned(obj, number: int, z: zipfile.ZipFile, media: dict[str, str], sources: WordSources, marks: dict) -> list:
    import numpy as np  # here, not at the top: the pool's forkserver imports every reader, and few files are scans
    from PIL import Image

    from extractors.readers import ocr

    image = Image.open(io.BytesIO(z.read(media[obj.get("ResourceID")]))).convert("RGB")
    width_mm = _floats(obj.get("Boundary"))[2] or 210.0
    dpi = image.width / (width_mm / 25.4)
    return ocr.read_page(np.asarray(image), number, dpi, sources, marks)


def _resources(z: zipfile.ZipFile, document, base: str, names: set[str]) -> tuple[dict[str, str], dict[str, str]]:
    """From every resource file the document names: MultiMedia id → its file inside the ZIP, and Font id →
    its embedded font file (Font/FontFile), when it has one."""
    media: dict[str, str] = {}
    fonts: dict[str, str] = {}
    for ref in (e for e in document.iter() if _local(e) in ("PublicRes", "DocumentRes") and (e.text or "").strip()):
        res_path = _resolve(base, ref.text.strip(), names)
        res = _xml(z, res_path)
        res_base = posixpath.join(posixpath.dirname(res_path), res.get("BaseLoc") or "")
        for item in (e for e in res.iter() if _local(e) in ("MultiMedia", "Font")):
            kind, out = ("MediaFile", media) if _local(item) == "MultiMedia" else ("FontFile", fonts)
            loc = next((("".join(e.itertext())).strip() for e in item.iter() if _local(e) == kind), "")
            if loc and item.get("ID"):
                out[item.get("ID")] = _resolve(res_base, loc, names)
    return media, fonts


@dataclass(frozen=True)
class FontMetrics:
    """An embedded font's metrics, in ems: ``descent`` below the baseline (positive); ``advances`` the
    horizontal advance of each glyph by name, ``cmap`` Unicode code point → glyph name."""
    descent: float
    advances: dict[str, float]
    cmap: dict[int, str]

    def advance(self, ch: str) -> float | None:
        """The character's advance in ems; None when the font does not map it."""
        glyph = self.cmap.get(ord(ch))
        return self.advances.get(glyph) if glyph is not None else None


def font_metrics(data: bytes) -> FontMetrics | None:
    """A TrueType/OpenType font file's (the first font of a collection) descent and advances; None when it
    cannot be read or maps no Unicode character. The descent is OS/2's typographic one (what PDF writers put in
    a font descriptor's /Descent), else hhea's, over the em; both clamped to 0–0.5."""
    from fontTools.ttLib import TTFont, TTLibError

    try:
        font = TTFont(io.BytesIO(data), fontNumber=0, lazy=True)
        em = font["head"].unitsPerEm or 1000
        cmap = font.getBestCmap() or {}
        if not cmap:
            return None
        os2 = font["OS/2"] if "OS/2" in font else None
        low = os2.sTypoDescender if os2 is not None and os2.sTypoDescender else font["hhea"].descent
        advances = {name: adv / em for name, (adv, _lsb) in font["hmtx"].metrics.items()}
    except (TTLibError, KeyError, AssertionError, ValueError, struct_error, IndexError, TypeError):
        return None  # an unreadable font file: its glyphs get the character-class widths
    return FontMetrics(descent=min(max(-low / em, 0.0), 0.5), advances=advances, cmap=dict(cmap))


def _fonts(z: zipfile.ZipFile, files: dict[str, str]) -> dict[str, FontMetrics]:
    """Font id → the metrics of its embedded file, for the files that can be read (one read per file)."""
    by_file: dict[str, FontMetrics | None] = {}
    out: dict[str, FontMetrics] = {}
    for font_id, name in files.items():
        if name not in by_file:
            try:
                by_file[name] = font_metrics(z.read(name))
            except KeyError:  # the font file named is not in the package
                by_file[name] = None
        if by_file[name] is not None:
            out[font_id] = by_file[name]
    return out


def _resolve(base: str, loc: str, names: set[str]) -> str:
    if loc.startswith("/"):
        return loc.lstrip("/")
    joined = posixpath.normpath(posixpath.join(base, loc))
    return joined if joined in names or loc not in names else loc


def _xml(z: zipfile.ZipFile, name: str):
    return etree.fromstring(z.read(name), parser=etree.XMLParser(resolve_entities=False, no_network=True))


def _local(element) -> str:
    return etree.QName(element).localname if isinstance(element.tag, str) else ""


def _text(root, name: str) -> str:
    return next(("".join(e.itertext()) for e in root.iter() if _local(e) == name))


def _float(value: str | None, default: float) -> float:
    try:
        return float(value) if value not in (None, "") else default
    except ValueError:
        return default


def _floats(spec: str | None) -> list[float]:
    try:
        values = [float(v) for v in (spec or "").split()]
    except ValueError:
        values = []
    return (values + [0.0] * 4)[:4]


def _page_box(root) -> tuple[float, float] | None:
    """Width and height (mm) of the first PhysicalBox under ``root`` (a page's Area, a document's PageArea)."""
    box = next(("".join(e.itertext()) for e in root.iter() if _local(e) == "PhysicalBox"), None)
    _x, _y, w, h = _floats(box)
    return (w, h) if w > 0 and h > 0 else None


def _area(spec: str | None) -> float:
    _, _, w, h = _floats(spec)
    return w * h
