"""Tables pasted as pictures into born-digital PDFs, DOCX files and HTML pages, read by the OCR reader.

An image is read only when it shows a table: a ruled one (OpenCV finds its rulings: a few milliseconds), or one
printed without rulings, which :func:`table_shaped` tells from the downscaled image alone (paper with dark,
neutral ink in several text lines that stand apart in columns: a millisecond or two). A logo, a seal or a
photo is left alone, since OCR costs seconds. A ruled picture goes to the OCR reader's page logic with its
rulings; a borderless one to the same logic, whose OCR'd words go to the borderless assembly the PDF reader
uses, and it is kept only when that assembly makes a table of them. What the image holds becomes ordinary
blocks (tables with their cells' confidence, paragraphs) that the format reader puts where the image stands.

Images come as bytes (DOCX parts, ``data:`` URIs, files beside an HTML page: :func:`local_image` never fetches
a URL nor reads outside the page's folder) or as a region of a PDF page rendered at OCR resolution.
"""

from __future__ import annotations

import base64
import binascii
import io
from dataclasses import replace
from pathlib import Path
from typing import TYPE_CHECKING
from urllib.parse import unquote

from extractors.model import Paragraph, Table

if TYPE_CHECKING:  # numpy is imported where a picture is looked at (most files have none): ~70 ms of an import
    import numpy as np

MIN_INCHES = (1.5, 0.5)  # smaller images hold no report table (icons, bullets, rules drawn as pictures)
DEFAULT_DPI = 150.0  # an image that says nothing of its resolution: a screenshot or a scan at screen scale


def image_blocks(data: bytes, dpi: float | None = None, page: int | None = None) -> list:
    """Blocks of an image file's bytes (PNG, JPEG, GIF, BMP …) when it shows a ruled table, else []. ``dpi``: the
    resolution it is shown at (from its displayed size), else the file's own, else DEFAULT_DPI."""
    import numpy as np
    from PIL import Image, UnidentifiedImageError

    try:
        image = Image.open(io.BytesIO(data))
        dpi = dpi or float((image.info.get("dpi") or (0,))[0] or 0) or DEFAULT_DPI
        rgb = np.asarray(image.convert("RGB"))
    except (UnidentifiedImageError, OSError, ValueError, Image.DecompressionBombError):
        return []
    return [_shifted(b, 0, 0, keep=False) for b in array_blocks(rgb, dpi, page)]  # the format has no geometry


def docx_picture_blocks(paragraph, part) -> list:
    """Blocks of the DrawingML pictures (a:blip) in a DOCX paragraph element that show ruled tables, each read
    at the resolution it is shown at (its wp:extent in EMU against its pixels)."""
    from docx.oxml.ns import qn

    out: list = []
    for blip in paragraph.iter(qn("a:blip")):
        image = part.related_parts.get(blip.get(qn("r:embed")))
        if image is None:
            continue
        frame = next((a for a in blip.iterancestors() if a.tag in (qn("wp:inline"), qn("wp:anchor"))), None)
        extent = frame.find(qn("wp:extent")) if frame is not None else None
        shown = int(extent.get("cx", 0)) / 914400 if extent is not None else 0  # inches
        out += image_blocks(image.blob, _shown_dpi(image.blob, shown))
    return out


def _shown_dpi(data: bytes, inches: float) -> float | None:
    from PIL import Image

    try:
        return Image.open(io.BytesIO(data)).width / inches if inches > 0 else None
    except Exception:  # not an image PIL knows: image_blocks says so
        return None


def array_blocks(rgb: np.ndarray, dpi: float, page: int | None = None) -> list:
    """Blocks of an RGB image at ``dpi`` (positions in points from its top left) when it shows a ruled table."""
    import cv2

    from extractors.readers import ocr
    from extractors.readers.rulings import find_ruled_tables

    height, width = rgb.shape[:2]
    if width < MIN_INCHES[0] * dpi or height < MIN_INCHES[1] * dpi:
        return []
    grey = cv2.cvtColor(rgb, cv2.COLOR_RGB2GRAY)
    ruled, _ = find_ruled_tables(grey, dpi)
    if ruled:
        return ocr.read_page(rgb, page, dpi)
    if not table_shaped(rgb, grey, dpi):
        return []
    blocks = ocr.read_page(rgb, page, dpi)
    return blocks if any(isinstance(b, Table) for b in blocks) else []


_LOOK_DPI = 100.0  # the resolution the shape test looks at: rows of 9 pt text still stand apart
_INK, _PAPER = 150, 215  # grey levels: darker is ink; lighter is paper


def table_shaped(rgb: np.ndarray, grey: np.ndarray, dpi: float) -> bool:
    """Whether an image without rulings looks like a table printed without them, before any OCR: mostly paper
    (a photo is not), its ink dark and neutral (a red seal, a logo or a chart in colour is not), most of that
    ink in at least three bands of text no taller than an inch (a seal's ring or a drawing spans more; a
    header of wrapped labels is one band), and at least two bands cut into three or more pieces by gaps that
    run down through most bands (columns: prose fills the width). Milliseconds, on the image downscaled."""
    import cv2
    import numpy as np

    scale = min(1.0, _LOOK_DPI / dpi)
    if scale < 1.0:
        grey = cv2.resize(grey, None, fx=scale, fy=scale, interpolation=cv2.INTER_AREA)
        rgb = cv2.resize(rgb, None, fx=scale, fy=scale, interpolation=cv2.INTER_AREA)
    look = dpi * scale
    if (grey >= _PAPER).mean() < 0.75:
        return False
    ink = grey < _INK
    if not 0.002 <= ink.mean() <= 0.25:
        return False
    dots = rgb[ink].astype(np.int16)  # the ink's colours only: a few per cent of the pixels
    if ((dots.max(axis=1) - dots.min(axis=1)) > 60).mean() > 0.3:
        return False
    bands = [(a, b) for a, b in _runs(ink.any(axis=1)) if 0.05 * look <= b - a <= 1.0 * look]
    if len(bands) < 3 or sum(int(ink[a:b].sum()) for a, b in bands) < 0.8 * ink.sum():
        return False
    inked = np.array([ink[a:b].any(axis=0) for a, b in bands])
    gutter = inked.mean(axis=0) <= 0.25  # a header spanning columns may cross a gutter or two
    for a, b in _runs(gutter):
        if b - a < 0.1 * look:
            gutter[a:b] = False
    stretch = np.cumsum(np.diff(np.concatenate([[True], gutter]).astype(np.int8)) == -1)  # per x: which stretch
    pieces = [len(np.unique(stretch[line & ~gutter])) for line in inked]
    return sum(n >= 3 for n in pieces) >= 2


def _runs(mask: np.ndarray) -> list[tuple[int, int]]:
    """The runs of True in a 1-D mask as (start, end) index pairs."""
    import numpy as np

    edges = np.flatnonzero(np.diff(np.concatenate([[0], mask.astype(np.int8), [0]])))
    return list(zip(edges[::2].tolist(), edges[1::2].tolist()))


def pdf_pictures(data: bytes, pages: list, skip: list[int]) -> dict[int, list]:
    """Blocks of the pictures showing ruled tables on the pdfplumber ``pages`` (but those numbered in ``skip``),
    by page number, placed where the pictures stand (points). A picture with text over it (a searchable scan's
    page image under its OCR layer) is left to that text. Each picture is taken alone (pypdfium2 image objects:
    no vector content drawn over it), at the resolution it is shown at."""
    wanted = [n for n, page in enumerate(pages, start=1) if n not in skip and any(
        _big(i["x1"] - i["x0"], i["bottom"] - i["top"]) and not _has_text(page, i) for i in page.images)]
    if not wanted:
        return {}
    import numpy as np
    import pypdfium2
    import pypdfium2.raw as pdfium_c

    out: dict[int, list] = {}
    pdf = pypdfium2.PdfDocument(io.BytesIO(data))
    try:
        for number in wanted:
            page, height = pdf[number - 1], pages[number - 1].height
            for obj in page.get_objects(filter=[pdfium_c.FPDF_PAGEOBJ_IMAGE], max_depth=2):
                left, bottom, right, top = obj.get_bounds()
                box = {"x0": left, "x1": right, "top": height - top, "bottom": height - bottom}
                if not _big(right - left, top - bottom) or _has_text(pages[number - 1], box):
                    continue
                try:
                    rgb = np.asarray(obj.get_bitmap(render=True).to_pil().convert("RGB"))
                except Exception:  # an image pdfium cannot decode: the page's text still reads
                    continue
                dpi = rgb.shape[1] / ((right - left) / 72)
                out.setdefault(number, []).extend(
                    _shifted(b, box["x0"], box["top"]) for b in array_blocks(rgb, dpi, number))
    finally:
        pdf.close()
    return out


def _big(width_pt: float, height_pt: float) -> bool:
    return width_pt >= MIN_INCHES[0] * 72 and height_pt >= MIN_INCHES[1] * 72


def _has_text(page, box: dict) -> bool:
    return any(box["x0"] <= (c["x0"] + c["x1"]) / 2 <= box["x1"] and box["top"] <= (c["top"] + c["bottom"]) / 2
               <= box["bottom"] for c in page.chars if c["text"].strip())


def local_image(src: str | None, folder: Path | None) -> bytes | None:
    """The bytes an <img src> names: a ``data:`` URI, or a relative path to a file inside ``folder`` (the
    page's own folder). URLs (http:, file:, //host …), absolute paths and paths leading out are never read."""
    src = (src or "").strip()
    if src.lower().startswith("data:"):
        head, _, body = src.partition(",")
        try:
            return base64.b64decode(body, validate=False) if head.lower().endswith(";base64") \
                else unquote(body).encode("latin-1")
        except (binascii.Error, ValueError, UnicodeEncodeError):
            return None
    if folder is None or not src or ":" in src or src.startswith(("/", "\\")):
        return None
    root = folder.resolve()
    target = (root / unquote(src.split("?")[0].split("#")[0])).resolve()
    if root not in target.parents or not target.is_file():
        return None
    return target.read_bytes()


def _shifted(block, dx: float, dy: float, keep: bool = True):
    """``block`` moved by (dx, dy) points; with ``keep`` False, its page and boxes dropped instead."""
    def move(bbox):
        return None if bbox is None or not keep else (bbox[0] + dx, bbox[1] + dy, bbox[2] + dx, bbox[3] + dy)

    if isinstance(block, Table):
        for cell in block.cells:
            cell.bbox = move(cell.bbox)
            cell.page = cell.page if keep else None
        block.bbox = move(block.bbox)
        block.page, block.pages = (block.page, block.pages) if keep else (None, ())
        return block
    if isinstance(block, Paragraph):
        return replace(block, bbox=move(block.bbox), page=block.page if keep else None)
    return block
