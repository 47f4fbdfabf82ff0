"""One PDF page read by PDFium (pypdfium2) into the objects pdfplumber's page holds, so pdfplumber's own word,
line and table logic (``extract_words``, ``extract_text_lines``, ``find_tables``, ``filter``) runs on them
without pdfminer parsing the page.

:class:`PdfiumPage` is a :class:`pdfplumber.page.Page` whose ``objects`` come from PDFium:

- ``char``: one dict per printed character, in pdfplumber's names and convention (points, origin at the top
  left of the page as displayed, ``top``/``bottom``/``doctop``, ``size``, ``fontname``, ``upright``).
  PDFium's generated characters (the spaces and line breaks it infers, ``FPDFText_IsGenerated``) are left out,
  since pdfplumber infers word breaks itself; the characters of one glyph (a ligature mapped to several code
  points, or a UTF-16 surrogate pair) are one char, as pdfminer gives them.
- ``line``, ``rect``, ``curve``: every painted path (stroked or filled, whatever its colour), split into its
  subpaths and classified exactly as pdfminer does (``ml``/``mlh`` a line; a closed axis-aligned four-sided
  ``mllll``/``mlllh`` a rect, so a thin filled rectangle is a ruling; anything else a curve, its points the
  segments' end points). Paths inside form XObjects are included, in page coordinates.

Geometry differs from pdfminer's only where the font's descent comes from: pdfminer reads the descriptor's
``/Descent`` (0 in LibreOffice's output), PDFium the font program; a char box is ``size`` high in both.
Raises :class:`pypdfium2.PdfiumError` when PDFium cannot load the page's text.
"""

from __future__ import annotations

import ctypes

import pypdfium2
import pypdfium2.raw as pdfium_c

from extractors.readers.objects_page import ObjectsPage

Matrix = tuple[float, float, float, float, float, float]

_GENERATED_CANDIDATES = frozenset((0x20, 0x0D, 0x0A, 0x02, 0x2D, 0xFFFE))


def _by_address(function, restype, *argtypes):
    """``function`` of the PDFium library called with plain addresses for handles: comparing and caching a
    handle is then an int operation, not a ctypes cast (the cast was a tenth of a page's reading)."""
    return ctypes.CFUNCTYPE(restype, *argtypes)(ctypes.cast(function, ctypes.c_void_p).value)


def _unconverted(function, restype):
    """``function`` of the PDFium library called with no argument conversion at all: its caller passes each
    pointer as a ``c_void_p`` made once and each index as a Python int (a C int). The per-glyph calls: ctypes'
    conversion of declared argument types was a fifth of reading a page's glyphs."""
    call = ctypes.CFUNCTYPE(restype)(ctypes.cast(function, ctypes.c_void_p).value)
    call.argtypes = None
    return call


_text_object = _unconverted(pdfium_c.FPDFText_GetTextObject, ctypes.c_void_p)  # (text page, index)
_object_font = _by_address(pdfium_c.FPDFTextObj_GetFont, ctypes.c_void_p, ctypes.c_void_p)
_font_name = _by_address(pdfium_c.FPDFFont_GetBaseFontName, ctypes.c_size_t, ctypes.c_void_p, ctypes.c_char_p,
                         ctypes.c_size_t)
_font_descent = _by_address(pdfium_c.FPDFFont_GetDescent, ctypes.c_int, ctypes.c_void_p, ctypes.c_float,
                            ctypes.POINTER(ctypes.c_float))
_unicode = _by_address(pdfium_c.FPDFText_GetUnicode, ctypes.c_uint, ctypes.c_void_p, ctypes.c_int)
_is_generated = _unconverted(pdfium_c.FPDFText_IsGenerated, ctypes.c_int)  # (text page, index)
_char_origin = _unconverted(pdfium_c.FPDFText_GetCharOrigin, ctypes.c_int)  # (text page, index, double*, double*)
_char_matrix = _unconverted(pdfium_c.FPDFText_GetMatrix, ctypes.c_int)  # (text page, index, FS_MATRIX*)
_font_size = _unconverted(pdfium_c.FPDFText_GetFontSize, ctypes.c_double)  # (text page, index)
_glyph_width = _by_address(pdfium_c.FPDFFont_GetGlyphWidth, ctypes.c_int, ctypes.c_void_p, ctypes.c_uint,
                           ctypes.c_float, ctypes.c_void_p)


def _mul(m: Matrix, n: Matrix) -> Matrix:
    """``m`` then ``n`` (PDF row-vector convention: a point is transformed by m first)."""
    a, b, c, d, e, f = m
    A, B, C, D, E, F = n
    return (a * A + b * C, a * B + b * D, c * A + d * C, c * B + d * D, e * A + f * C + E, e * B + f * D + F)


class _Frame:
    """PDF user space to pdfplumber's page coordinates: pdfminer's rotation matrix for the page's /Rotate,
    then pdfplumber's flip to a top-left origin and its shift by the MediaBox origin."""

    def __init__(self, mediabox: tuple[float, float, float, float], rotation: int):
        x0, x1 = sorted((mediabox[0], mediabox[2]))
        y0, y1 = sorted((mediabox[1], mediabox[3]))
        self.ctm: Matrix = {90: (0, -1, 1, 0, -y0, x1), 180: (-1, 0, 0, -1, x1, y1),
                            270: (0, 1, -1, 0, y1, -x0)}.get(rotation, (1, 0, 0, 1, -x0, -y0))
        bx0, by0, bx1, by1 = (y0, x0, y1, x1) if rotation in (90, 270) else (x0, y0, x1, y1)
        self.mediabox = (bx0, (by1 - by0) - by1, bx1, (by1 - by0) - by0)  # pdfplumber's _invert_box
        self.height = self.mediabox[3] - self.mediabox[1]

    def point(self, x: float, y: float) -> tuple[float, float]:
        a, b, c, d, e, f = self.ctm
        dx, dy = a * x + c * y + e, b * x + d * y + f
        return dx + self.mediabox[0], self.height - dy + self.mediabox[1]

    def box(self, left: float, bottom: float, right: float, top: float) -> tuple[float, float, float, float]:
        """x0, top, x1, bottom of a user-space rectangle."""
        (ax, at), (bx, bt) = self.point(left, bottom), self.point(right, top)
        return min(ax, bx), min(at, bt), max(ax, bx), max(at, bt)

    def device_y(self, top: float) -> float:
        """pdfminer's y (bottom-left origin) of a pdfplumber ``top``."""
        return self.height - (top - self.mediabox[1])


class PdfiumPage(ObjectsPage):
    """A pdfplumber page whose chars, lines, rects and curves were read by PDFium (see the module docstring).

    ``page``: an open :class:`pypdfium2.PdfPage`; ``page_number`` 1-based; ``initial_doctop`` the summed
    heights of the pages before it (pdfplumber's ``doctop``). Everything is read here, once; the PDFium page
    may be closed afterwards.
    """

    def __init__(self, page: pypdfium2.PdfPage, page_number: int, initial_doctop: float = 0):
        self.pdf = None
        self.page_obj = None
        self.page_number = page_number
        self.initial_doctop = initial_doctop
        self.rotation = page.get_rotation() % 360
        frame = _Frame(page.get_mediabox(), self.rotation)
        self.mediabox = self.cropbox = self.bbox = frame.mediabox  # pdfplumber's page box is the MediaBox
        objects: dict[str, list[dict]] = {"char": _chars(page, frame, page_number, initial_doctop)}
        for obj in _paths(page, frame, page_number, initial_doctop):
            objects.setdefault(obj["object_type"], []).append(obj)
        self._objects = objects

    def __repr__(self) -> str:
        return f"<PdfiumPage:{self.page_number}>"


def _font(font: int, cache: dict) -> tuple[str, float]:
    """The base font name and descent (a fraction of the font size, negative below the baseline)."""
    if font not in cache:
        name = ctypes.create_string_buffer(256)
        _font_name(font, name, 256)
        descent = ctypes.c_float()
        if not _font_descent(font, 1.0, descent):
            descent.value = 0.0
        cache[font] = (name.value.decode("latin-1"), min(descent.value, 0.0))
    return cache[font]


def _advance(font: int, code: int, widths: dict, width: ctypes.c_float) -> float:
    """The glyph's advance in text space units (1 = the font size); 0 when the font cannot map the code
    point back to a glyph (FPDFFont_GetGlyphWidth takes a Unicode value). ``width``: the caller's buffer."""
    key = (font, code)
    if key not in widths:
        widths[key] = width.value if _glyph_width(font, code, 1.0, ctypes.addressof(width)) else 0.0
    return widths[key]


def _chars(page: pypdfium2.PdfPage, frame: _Frame, page_number: int, doctop: float) -> list[dict]:
    textpage = page.get_textpage()
    try:
        return _read_chars(textpage.raw, frame, page_number, doctop)
    finally:
        textpage.close()


def _read_chars(tp, frame: _Frame, page_number: int, doctop: float) -> list[dict]:
    count = pdfium_c.FPDFText_CountChars(tp)
    if count < 0:
        raise pypdfium2.PdfiumError("PDFium could not read the page's text")
    tp_address = ctypes.cast(tp, ctypes.c_void_p).value
    codes = _page_codes(tp, tp_address, count)
    tp_handle = ctypes.c_void_p(tp_address)  # the pointers of the unconverted calls (_unconverted), made once
    ox, oy = ctypes.c_double(), ctypes.c_double()
    ox_address, oy_address = ctypes.c_void_p(ctypes.addressof(ox)), ctypes.c_void_p(ctypes.addressof(oy))
    loose = pdfium_c.FS_RECTF()
    m = pdfium_c.FS_MATRIX()
    width = ctypes.c_float()
    fonts: dict = {}
    widths: dict = {}
    # frame.box and frame.device_y written out (the same arithmetic, in the same order): a call each per glyph
    # was a third of this function
    ca, cb, cc, cd, ce, cf = frame.ctm
    mx, my = frame.mediabox[0], frame.mediabox[1]
    height = frame.height
    out: list[dict] = []
    append = out.append
    last_obj = None
    font, descent, a, b, c, d = 0, 0.0, 0.0, 0.0, 0.0, 0.0
    fontname, upright, matrix = "", True, None
    # the glyph read last, its dict not made yet (the next glyph may close up its advance, or add code points):
    # text, text object, x, y, left, right, bottom, top, axis-aligned, a, fontname, upright, matrix
    pending: list | None = None
    # the per-glyph loop runs a few thousand times a report: names looked up once
    is_generated, get_origin, text_object = _is_generated, _char_origin, _text_object
    get_matrix, get_font_size, m_address = _char_matrix, _font_size, ctypes.c_void_p(ctypes.addressof(m))
    styles: dict[tuple, tuple] = {}
    candidates = _GENERATED_CANDIDATES
    for i, code in enumerate(codes):
        if code in candidates and is_generated(tp_handle, i):
            continue
        if 0xDC00 <= code <= 0xDFFF and pending is not None and 0xD800 <= ord(pending[0][-1]) <= 0xDBFF:
            high = ord(pending[0][-1])  # the second half of a surrogate pair
            pending[0] = pending[0][:-1] + chr(0x10000 + ((high - 0xD800) << 10) + (code - 0xDC00))
            continue
        obj_key = text_object(tp_handle, i)
        if not obj_key:
            continue  # not a printed glyph
        get_origin(tp_handle, i, ox_address, oy_address)
        x, y = ox.value, oy.value
        if pending is not None and pending[1] == obj_key and pending[2] == x and pending[3] == y:
            pending[0] += chr(code) if code else ""  # one glyph, several code points (a ligature)
            continue
        if obj_key != last_obj:
            last_obj = obj_key
            font = _object_font(obj_key)
            get_matrix(tp_handle, i, m_address)
            # a producer that makes each glyph its own text object repeats a few styles (all but the position):
            # each worked out once
            ma, mb, mc, md, me, mf = m.a, m.b, m.c, m.d, m.e, m.f
            key = (font, ma, mb, mc, md, get_font_size(tp_handle, i))
            style = styles.get(key)
            if style is None:
                style = styles[key] = _style(key, frame, fonts)
            fontname, descent, a, b, c, d, upright, (pa, pb, pc, pd) = style
            # the text matrix on the page as displayed (pdfminer's): _mul's arithmetic, its last two terms here
            matrix = (pa, pb, pc, pd, me * ca + mf * cc + ce, me * cb + mf * cd + cf)
        if not code:
            continue  # a glyph with no Unicode mapping at all
        advance = widths.get((font, code))
        if advance is None:
            advance = _advance(font, code, widths, width)
        if advance <= 0:  # the font cannot give it: PDFium's loose box (advance and outline joined) instead
            pdfium_c.FPDFText_GetLooseCharBox(tp, i, loose)
        if b == 0 and c == 0:
            # pdfminer's box: from the origin over the glyph's advance, the font size high from the descent
            if advance > 0:
                left, right = (x, x + advance * a) if a >= 0 else (x + advance * a, x)
            else:
                left, right = (x, max(loose.right, x)) if a >= 0 else (min(loose.left, x), x)
            base = y + descent * d
            glyph = [chr(code), obj_key, x, y, left, right, base, base + d, True, a, fontname, upright, matrix]
        else:  # turned or slanted: pdfminer's box in text space (advance by font size from the descent), mapped
            if advance > 0:
                us, vs = (0, advance, 0, advance), (descent, descent, descent + 1, descent + 1)
                xs = [x + a * u + c * v for u, v in zip(us, vs)]
                ys = [y + b * u + d * v for u, v in zip(us, vs)]
                glyph = [chr(code), obj_key, x, y, min(xs), max(xs), min(ys), max(ys), False, a, fontname, upright,
                         matrix]
            else:
                glyph = [chr(code), obj_key, x, y, loose.left, loose.right, loose.bottom, loose.top, False, a,
                         fontname, upright, matrix]
        if pending is not None:
            g = pending
            # PDFium's advance comes from the font program, pdfminer's from the PDF's widths, which can differ in
            # the last digit (599 against 599.6 thousandths): where the next glyph in the same font stands one
            # advance further, within a hundredth of the font size, that step is the advance.
            if g[8] and g[9] > 0 and glyph[9] == g[9] and glyph[10] == g[10] and glyph[3] == g[3]:
                step = glyph[2] - g[2]
                if 0 < step and abs(step - (g[5] - g[4])) <= 0.01 * g[9]:
                    g[5] = g[4] + step
            append(_char(g, ca, cb, cc, cd, ce, cf, mx, my, height, page_number, doctop))
        pending = glyph
    if pending is not None:
        append(_char(pending, ca, cb, cc, cd, ce, cf, mx, my, height, page_number, doctop))
    return out


def _style(key: tuple, frame: _Frame, fonts: dict) -> tuple:
    """A text object's font name and descent, its text matrix scaled by the font size (a, b, c, d), whether
    it stands upright on the page as displayed, and the first four terms of its matrix there (pdfminer's) from
    ``key``: its font handle, the a … d of its text matrix and its font size."""
    font, ma, mb, mc, md, fs = key
    fontname, descent = _font(font, fonts)
    matrix = _mul((ma, mb, mc, md, 0.0, 0.0), frame.ctm)
    upright = matrix[0] * matrix[3] > 0 and matrix[1] * matrix[2] <= 0
    return fontname, descent, ma * fs, mb * fs, mc * fs, md * fs, upright, matrix[:4]


def _page_codes(tp, tp_address: int, count: int) -> list[int]:
    """The code unit of each of the page's ``count`` characters (UTF-16, as FPDFText_GetUnicode gives them): the
    page's text in one call (a call per character was a fifth of reading a page), or a call per character
    when that text does not hold exactly one unit per character."""
    if count == 0:
        return []
    buffer = (ctypes.c_ushort * (count + 1))()
    written = pdfium_c.FPDFText_GetText(tp, 0, count, buffer)  # units written, the closing 0 included
    if written == count + 1:
        return buffer[:count]
    return [_unicode(tp_address, i) for i in range(count)]


def _char(g: list, ca: float, cb: float, cc: float, cd: float, ce: float, cf: float, mx: float, my: float,
          height: float, page_number: int, doctop: float) -> dict:
    """pdfplumber's char dict of a glyph read by :func:`_read_chars` (its user-space box mapped to the page)."""
    text, _, _, _, left, right, bottom, top, _, _, fontname, upright, matrix = g
    ax, at = ca * left + cc * bottom + ce + mx, height - (cb * left + cd * bottom + cf) + my
    bx, bt = ca * right + cc * top + ce + mx, height - (cb * right + cd * top + cf) + my
    x0, x1 = (ax, bx) if ax <= bx else (bx, ax)
    top, bottom = (at, bt) if at <= bt else (bt, at)
    return {
        "object_type": "char", "page_number": page_number, "text": text, "fontname": fontname,
        "size": bottom - top, "upright": upright, "matrix": matrix,
        "x0": x0, "x1": x1, "top": top, "bottom": bottom, "doctop": doctop + top,
        "y0": height - (bottom - my), "y1": height - (top - my), "width": x1 - x0, "height": bottom - top,
    }


_MOVE, _LINE, _BEZIER = pdfium_c.FPDF_SEGMENT_MOVETO, pdfium_c.FPDF_SEGMENT_LINETO, pdfium_c.FPDF_SEGMENT_BEZIERTO


def _paths(page: pypdfium2.PdfPage, frame: _Frame, page_number: int, doctop: float) -> list[dict]:
    out: list[dict] = []
    raw = ctypes.cast(page.raw, ctypes.c_void_p).value
    get_object, get_type, painted = _page_object, _object_type, _PAINTED
    for i in range(_count_objects(raw)):
        obj = get_object(raw, i)
        if get_type(obj) in painted:  # most of a page's objects are text: not walked
            _walk(obj, (1, 0, 0, 1, 0, 0), frame, page_number, doctop, out)
    return out


_PAINTED = frozenset((pdfium_c.FPDF_PAGEOBJ_PATH, pdfium_c.FPDF_PAGEOBJ_FORM, pdfium_c.FPDF_PAGEOBJ_IMAGE))
# the path API by address (see _by_address): a report's pages hold hundreds of paths of five segments or so
_void, _int, _float = ctypes.c_void_p, ctypes.c_int, ctypes.c_float
_count_objects = _by_address(pdfium_c.FPDFPage_CountObjects, _int, _void)
_page_object = _by_address(pdfium_c.FPDFPage_GetObject, _void, _void, _int)
_object_type = _by_address(pdfium_c.FPDFPageObj_GetType, _int, _void)
_object_matrix = _by_address(pdfium_c.FPDFPageObj_GetMatrix, _int, _void, _void)
_form_count = _by_address(pdfium_c.FPDFFormObj_CountObjects, _int, _void)
_form_object = _by_address(pdfium_c.FPDFFormObj_GetObject, _void, _void, ctypes.c_ulong)
_draw_mode = _by_address(pdfium_c.FPDFPath_GetDrawMode, _int, _void, _void, _void)
_stroke_width = _by_address(pdfium_c.FPDFPageObj_GetStrokeWidth, _int, _void, _void)
_count_segments = _by_address(pdfium_c.FPDFPath_CountSegments, _int, _void)
_path_segment = _by_address(pdfium_c.FPDFPath_GetPathSegment, _void, _void, _int)
_segment_type = _by_address(pdfium_c.FPDFPathSegment_GetType, _int, _void)
_segment_point = _by_address(pdfium_c.FPDFPathSegment_GetPoint, _int, _void, _void, _void)
_segment_close = _by_address(pdfium_c.FPDFPathSegment_GetClose, _int, _void)


def _walk(obj: int, outer: Matrix, frame: _Frame, page_number: int, doctop: float, out: list[dict]) -> None:
    kind = _object_type(obj)
    if kind not in _PAINTED:
        return
    m = pdfium_c.FS_MATRIX()
    _object_matrix(obj, ctypes.addressof(m))
    matrix = _mul((m.a, m.b, m.c, m.d, m.e, m.f), outer)
    if kind == pdfium_c.FPDF_PAGEOBJ_IMAGE:  # the unit square its matrix places: where the picture is painted
        out.append(_image(matrix, frame, page_number, doctop))
        return
    if kind == pdfium_c.FPDF_PAGEOBJ_FORM:
        for i in range(_form_count(obj)):
            _walk(_form_object(obj, i), matrix, frame, page_number, doctop, out)
        return
    fill, stroke = ctypes.c_int(), ctypes.c_int()
    _draw_mode(obj, ctypes.addressof(fill), ctypes.addressof(stroke))
    if not fill.value and not stroke.value:
        return  # a clipping path, not painted
    width = ctypes.c_float()
    _stroke_width(obj, ctypes.addressof(width))
    a, b, c, d, e, f = matrix
    x, y = ctypes.c_float(), ctypes.c_float()
    x_address, y_address = ctypes.addressof(x), ctypes.addressof(y)
    subpaths: list[tuple[str, list[tuple[float, float]]]] = []
    pending_bezier = 0
    for i in range(_count_segments(obj)):
        seg = _path_segment(obj, i)
        op = _segment_type(seg)
        if op == _BEZIER:
            pending_bezier += 1  # PDFium lists a curve as its two control points and its end point
            if pending_bezier % 3:
                continue
        _segment_point(seg, x_address, y_address)
        px, py = x.value, y.value
        pt = (a * px + c * py + e, b * px + d * py + f)
        if op == _MOVE or not subpaths:
            subpaths.append(("m", [pt]))
        else:
            shape, pts = subpaths[-1]
            subpaths[-1] = (shape + ("c" if op == _BEZIER else "l"), pts + [pt])
        if _segment_close(seg):
            shape, pts = subpaths[-1]
            subpaths[-1] = (shape + "h", pts + [pts[0]])
    for shape, pts in subpaths:
        obj_dict = _classify(shape, pts, frame)
        if obj_dict is None:
            continue
        obj_dict.update(page_number=page_number, doctop=doctop + obj_dict["top"], linewidth=width.value,
                        stroke=bool(stroke.value), fill=bool(fill.value))
        out.append(obj_dict)


def _image(matrix: Matrix, frame: _Frame, page_number: int, doctop: float) -> dict:
    """pdfplumber's image object (its box only: what the text-layer and picture checks use)."""
    a, b, c, d, e, f = matrix
    corners = [frame.point(a * x + c * y + e, b * x + d * y + f) for x, y in ((0, 0), (1, 0), (0, 1), (1, 1))]
    xs, tops = [p[0] for p in corners], [p[1] for p in corners]
    x0, x1, top, bottom = min(xs), max(xs), min(tops), max(tops)
    return {"object_type": "image", "x0": x0, "x1": x1, "top": top, "bottom": bottom, "width": x1 - x0,
            "height": bottom - top, "y0": frame.device_y(bottom), "y1": frame.device_y(top),
            "page_number": page_number, "doctop": doctop + top}


def _classify(shape: str, pts: list[tuple[float, float]], frame: _Frame) -> dict | None:
    """pdfminer's classification of one subpath (``converter.PDFLayoutAnalyzer.paint_path``)."""
    if len(shape) > 3 and shape[-2:] == "lh" and pts[-2] == pts[0]:
        shape, pts = shape[:-2] + "h", pts[:-1]
    page_pts = [frame.point(*p) for p in pts]
    if shape in ("ml", "mlh"):
        kind = "line"
        page_pts = page_pts[:2]
    elif shape in ("mllll", "mlllh") and pts[0] == pts[4] and (
            (pts[0][0] == pts[1][0] and pts[1][1] == pts[2][1] and pts[2][0] == pts[3][0] and pts[3][1] == pts[0][1])
            or (pts[0][1] == pts[1][1] and pts[1][0] == pts[2][0] and pts[2][1] == pts[3][1]
                and pts[3][0] == pts[0][0])):
        kind = "rect"
    elif len(pts) >= 2:
        kind = "curve"
    else:
        return None
    xs, tops = [p[0] for p in page_pts], [p[1] for p in page_pts]
    x0, x1, top, bottom = min(xs), max(xs), min(tops), max(tops)
    return {"object_type": kind, "x0": x0, "x1": x1, "top": top, "bottom": bottom, "width": x1 - x0,
            "height": bottom - top, "y0": frame.device_y(bottom), "y1": frame.device_y(top), "pts": page_pts}
