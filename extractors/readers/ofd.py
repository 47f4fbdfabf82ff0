"""OFD (GB/T 33190, the national fixed-layout format): a ZIP of XML pages, read directly with lxml.

OFD.xml names the document (DocBody/DocRoot); its Document.xml lists the pages (Pages/Page/@BaseLoc); each
page's content holds TextObjects (Boundary "x y w h" in mm, TextCode runs with X, Y and DeltaX glyph advances,
"g N d" meaning N repeats of d) and ImageObjects (a resource id naming a MultiMedia file). Elements are matched
by local name, since writers differ in namespace URIs (and in the case of an attribute or two).

Text becomes word dicts (text, x0, x1, top, bottom in points) for the same borderless table assembly the PDF
reader uses; the rest are paragraphs. A page that is only an image is a scan and goes to the OCR reader.
"""

from __future__ import annotations

import io
import posixpath
import zipfile
from pathlib import Path

import numpy as np
from lxml import etree

from extractors.model import Document
from extractors.readers.borderless import find_borderless_tables
from extractors.readers.errors import ReadError
from extractors.readers.furniture import PAGE_NUMBER
from extractors.readers.pdf import _paragraphs, join_continued_tables

_PT_PER_MM = 72 / 25.4
_WORD_GAP = 0.6  # a glyph advance wider than this many font sizes separates two words (columns)


def read(path: Path, data: bytes) -> Document:
    try:
        z = zipfile.ZipFile(io.BytesIO(data))
        names = set(z.namelist())
        root = _xml(z, "OFD.xml")
        doc_path = _text(root, "DocRoot").lstrip("/")
        document = _xml(z, doc_path)
    except (zipfile.BadZipFile, KeyError, etree.XMLSyntaxError, AttributeError) as exc:
        raise ReadError(f"not a readable OFD file: {type(exc).__name__}") from exc
    base = posixpath.dirname(doc_path)
    media = _media(z, document, base, names)
    sources: dict[int, list[dict]] = {}
    marks: dict[int, list] = {}  # scanned pages: OCR'd characters, for the cells' confidence
    pages = []
    for number, page in enumerate((e for e in document.iter() if _local(e) == "Page" and e.get("BaseLoc")), 1):
        content = _xml(z, _resolve(base, page.get("BaseLoc"), names))
        pages.append(_read_page(content, number, z, media, sources, marks))
    if not pages:
        raise ReadError("OFD file lists no pages")
    blocks = join_continued_tables(pages, sources)
    if marks:
        from extractors.readers.ocr import score_cells

        score_cells(blocks, marks)
    return Document(path=str(path), format="ofd", blocks=blocks, pages=len(pages))


def _read_page(content, number: int, z: zipfile.ZipFile, media: dict[str, str], sources: dict,
               marks: dict[int, list]) -> list:
    words: list[dict] = []
    images = []
    for obj in content.iter():
        name = _local(obj)
        if name == "TextObject":
            words += _text_words(obj)
        elif name == "ImageObject" and obj.get("ResourceID") in media:
            images.append(obj)
    if not words and images:  # a scanned page: the largest image is the page
        return _scanned(max(images, key=lambda o: _area(o.get("Boundary"))), number, z, media, sources, marks)
    blocks: list = []
    used: set[int] = set()
    for table, table_words in find_borderless_tables(words, number):
        blocks.append(table)
        sources[id(table)] = table_words
        used |= {id(w) for w in table_words}
    lines = _lines([w for w in words if id(w) not in used])
    lines = [ln for ln in lines if not PAGE_NUMBER.match(ln["text"])]
    if lines:
        width = max(ln["x1"] for ln in lines)
        blocks += _paragraphs(lines, number, width)
    blocks.sort(key=lambda b: b.bbox[1] if b.bbox else 0)
    return blocks


def _text_words(obj) -> list[dict]:
    """A TextObject's glyphs placed by its TextCodes' X/Y and DeltaX advances, cut into words at wide gaps."""
    x, y, _w, _h = _floats(obj.get("Boundary"))
    size = float(obj.get("Size") or obj.get("size") or 3.5)
    out = []
    for code in (e for e in obj.iter() if _local(e) == "TextCode"):
        text = "".join(code.itertext())
        if not text.strip():
            continue
        advances = _deltas(code.get("DeltaX") or "", len(text))
        gx = x + float(code.get("X") or 0)
        baseline = y + float(code.get("Y") or size)
        glyphs = []
        for ch, adv in zip(text, advances):
            glyphs.append((ch, gx, gx + min(adv, size) if adv else gx + size))
            gx += adv if adv else size
        groups: list[list[tuple]] = []
        for glyph in glyphs:
            if groups and glyph[1] - groups[-1][-1][2] <= _WORD_GAP * size:
                groups[-1].append(glyph)
            else:
                groups.append([glyph])
        for g in groups:
            word = "".join(c for c, _, _ in g).strip()
            if word:
                out.append({"text": word, "x0": g[0][1] * _PT_PER_MM, "x1": g[-1][2] * _PT_PER_MM,
                            "top": (baseline - size) * _PT_PER_MM, "bottom": baseline * _PT_PER_MM})
    return out


def _deltas(spec: str, n: int) -> list[float]:
    """DeltaX "1.2 g 3 0.8 1.0" → one advance per glyph after the first (the last glyph gets its font size)."""
    tokens, out, i = spec.split(), [], 0
    while i < len(tokens):
        if tokens[i] == "g" and i + 2 < len(tokens):
            out += [float(tokens[i + 2])] * int(float(tokens[i + 1]))
            i += 3
        else:
            out.append(float(tokens[i]))
            i += 1
    return (out + [0.0] * n)[:n]


def _lines(words: list[dict]) -> list[dict]:
    """Words into text lines (centres within 0.4 of a line height), left to right."""
    lines: list[list[dict]] = []
    for w in sorted(words, key=lambda w: ((w["top"] + w["bottom"]) / 2, w["x0"])):
        centre, height = (w["top"] + w["bottom"]) / 2, w["bottom"] - w["top"]
        last = lines[-1] if lines else None
        if last and abs(centre - (last[0]["top"] + last[0]["bottom"]) / 2) <= 0.4 * height:
            last.append(w)
        else:
            lines.append([w])
    out = []
    for ws in lines:
        ws.sort(key=lambda w: w["x0"])
        out.append({"text": "".join(w["text"] for w in ws), "x0": ws[0]["x0"], "x1": max(w["x1"] for w in ws),
                    "top": min(w["top"] for w in ws), "bottom": max(w["bottom"] for w in ws)})
    return out


def _scanned(obj, number: int, z: zipfile.ZipFile, media: dict[str, str], sources: dict, marks: dict) -> list:
    from PIL import Image

    from extractors.readers import ocr

    image = Image.open(io.BytesIO(z.read(media[obj.get("ResourceID")]))).convert("RGB")
    width_mm = _floats(obj.get("Boundary"))[2] or 210.0
    dpi = image.width / (width_mm / 25.4)
    return ocr.read_page(np.asarray(image), number, dpi, sources, marks)


def _media(z: zipfile.ZipFile, document, base: str, names: set[str]) -> dict[str, str]:
    """MultiMedia resource id → the file inside the ZIP, from every resource file the document names."""
    out: dict[str, str] = {}
    for ref in (e for e in document.iter() if _local(e) in ("PublicRes", "DocumentRes") and (e.text or "").strip()):
        res_path = _resolve(base, ref.text.strip(), names)
        res = _xml(z, res_path)
        res_base = posixpath.join(posixpath.dirname(res_path), res.get("BaseLoc") or "")
        for mm in (e for e in res.iter() if _local(e) == "MultiMedia"):
            loc = next((("".join(e.itertext())).strip() for e in mm.iter() if _local(e) == "MediaFile"), "")
            if loc:
                out[mm.get("ID")] = _resolve(res_base, loc, names)
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


def _floats(spec: str | None) -> list[float]:
    values = [float(v) for v in (spec or "").split()]
    return (values + [0.0] * 4)[:4]


def _area(spec: str | None) -> float:
    _, _, w, h = _floats(spec)
    return w * h
