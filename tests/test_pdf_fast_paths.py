"""The PDF reader's own versions of pdfplumber steps give pdfplumber's results exactly, on every page of the
committed born-digital PDFs (both character sources) and on drawn pages of turned text: ruled tables
(``find_ruled_tables`` / ``cell_texts`` against ``page.find_tables()`` / ``Table.extract``), words, cell text and
text lines (``words.extract_words`` / ``extract_text`` / ``text_lines`` against pdfplumber's). A page without
ruling lines finds no ruled table at once and still gives its cells (from its words)."""

from __future__ import annotations

from pathlib import Path

import pdfplumber
import pytest
import regex
from pdfplumber import utils

from extractors import extract_report
from extractors.readers import pdf, words
from extractors.readers.glyphs import SPACE_GAP, clean_chars
from extractors.readers.ruled import cell_texts, find_ruled_tables

FIXTURES = Path(__file__).parent / "fixtures"
ALL = sorted(p for p in FIXTURES.rglob("*.pdf") if not {"scans", "garbage", "pictures"} & set(p.parts))
# one variant of each kind (the kind is the name without its year): the suite stays short
PDFS = list({regex.sub(r"-20\d\d\w?(\.rl)?$", "", p.stem) if {"variants", "variants-rl"} & set(p.parts) else p: p
             for p in reversed(ALL)}.values())[::-1]


def _clean(page):
    kept = {id(c) for c in clean_chars(page.chars)}
    return page.filter(lambda obj: obj.get("object_type") != "char" or id(obj) in kept)


def _pages(path: Path, plumbed: bool = True):
    yield from pdf.pdfium_pages(path.read_bytes())
    if plumbed:  # pdfminer's parse is slow: the variants, made by one producer, are compared on PDFium's pages
        with pdfplumber.open(path) as document:
            yield from document.pages


def _same_as_pdfplumber(page) -> int:
    """Asserts every fast path equals pdfplumber's on ``page``; returns the number of table cells compared."""
    page = _clean(page)
    chars = page.chars
    ours, theirs = find_ruled_tables(page), page.find_tables()
    assert [(t.bbox, t.rows) for t in ours] == [(t.bbox, [r.cells for r in t.rows]) for t in theirs]
    cells = 0
    for mine, found in zip(ours, theirs):
        expected = found.extract(x_tolerance_ratio=SPACE_GAP)
        assert cell_texts(mine, chars, SPACE_GAP) == expected
        cells += sum(len(row) for row in expected)
    assert words.extract_words(chars, x_tolerance=1.5, y_tolerance=2) == utils.extract_words(
        chars, x_tolerance=1.5, y_tolerance=2)
    assert words.extract_words(chars) == utils.extract_words(chars)
    for ratio in (None, SPACE_GAP):
        assert words.extract_text(chars, ratio) == utils.extract_text(chars, x_tolerance_ratio=ratio)
    assert words.text_lines(chars, page) == page.extract_text_lines(return_chars=False)
    below = [c for c in chars if c["top"] > page.height / 2]  # a part of the page, as outside its tables
    ids = {id(c) for c in below}
    part = page.filter(lambda obj: obj.get("object_type") != "char" or id(obj) in ids)
    assert words.text_lines(below, page) == part.extract_text_lines(return_chars=False)
    return cells


@pytest.mark.parametrize("path", PDFS, ids=[str(p.relative_to(FIXTURES)) for p in PDFS])
def test_fast_paths_equal_pdfplumber_on_every_page(path: Path) -> None:
    for page in _pages(path, plumbed="variants" not in path.parts and "variants-rl" not in path.parts):
        _same_as_pdfplumber(page)


def test_fast_paths_are_compared_on_ruled_tables_and_turned_text(tmp_path: Path) -> None:
    from tests.test_pdf_sources import _drawn  # text scaled, turned; ruling lines, rects, curves, a form

    ruled = sum(_same_as_pdfplumber(page) for page in _pages(FIXTURES / "baoshan-2020" / "baoshan-2020.pdf"))
    assert ruled > 100
    for rotate in (0, 90):
        drawn = tmp_path / f"drawn-{rotate}.pdf"
        _drawn(drawn, rotate)
        for page in _pages(drawn):
            assert not all(c["upright"] for c in page.chars)  # pdfplumber's own path, taken for turned text
            _same_as_pdfplumber(page)


def test_a_page_without_rulings_finds_no_ruled_table_and_still_gives_its_cells() -> None:
    path = FIXTURES / "hejiang-2022-borderless" / "hejiang-2022-borderless.pdf"
    pages = pdf.pdfium_pages(path.read_bytes())
    assert pages and not any(page.edges for page in pages)
    assert all(find_ruled_tables(page) == [] for page in pages)
    report = extract_report(pdf.read(path, path.read_bytes()))
    assert sum(c.value is not None for c in report.cells) > 150


def _dedupe_by_rule(chars: list[dict], tolerance: float) -> list[dict]:
    """glyphs._dedupe's rule, quadratically: taken top to bottom then left to right, a glyph is dropped when a
    kept glyph of its text, font, size and orientation stands within ``tolerance`` on both axes."""
    kept: list[dict] = []
    for char in sorted(chars, key=lambda c: (c["doctop"], c["x0"])):
        if not any((k["upright"], k["text"], k["fontname"], k["size"])
                   == (char["upright"], char["text"], char["fontname"], char["size"])
                   and abs(k["doctop"] - char["doctop"]) <= tolerance and abs(k["x0"] - char["x0"]) <= tolerance
                   for k in kept):
            kept.append(char)
    ids = {id(c) for c in kept}
    return [c for c in chars if id(c) in ids]


def test_dedupe_drops_fake_bold_copies_by_its_rule() -> None:
    """Every page of a report twice over, each copy shifted by a fraction of a point, a point or more (the grid's
    cell size and beyond), in shuffled order: the linear dedupe keeps what the rule keeps."""
    import random

    from extractors.readers.glyphs import _dedupe

    rnd = random.Random(7)
    for page in pdf.pdfium_pages((FIXTURES / "baoshan-2020" / "baoshan-2020.pdf").read_bytes()):
        chars = [dict(c) for c in page.chars]
        copies = [dict(c, doctop=c["doctop"] + rnd.choice((0, 0.3, -0.5, 1.0, -1.0, 1.2)),
                       x0=c["x0"] + rnd.choice((0, 0.6, 1.0, -1.0, 2.0))) for c in chars]
        doubled = chars + copies
        rnd.shuffle(doubled)
        for tolerance in (0.5, 1.0, 2.0):
            expected = _dedupe_by_rule(doubled, tolerance)
            assert len(chars) <= len(expected) < len(doubled)
            assert [id(c) for c in _dedupe(doubled, tolerance)] == [id(c) for c in expected]


def test_a_pages_code_points_read_in_one_call_are_the_calls_per_char() -> None:
    import ctypes

    import pypdfium2
    import pypdfium2.raw as pdfium_c

    from extractors.readers.pdfium_page import _page_codes

    pages = 0
    for path in PDFS:
        document = pypdfium2.PdfDocument(path.read_bytes())
        for index in range(len(document)):
            page = document[index]
            textpage = page.get_textpage()
            raw = textpage.raw
            count = pdfium_c.FPDFText_CountChars(raw)
            expected = [pdfium_c.FPDFText_GetUnicode(raw, i) for i in range(count)]
            assert _page_codes(raw, ctypes.cast(raw, ctypes.c_void_p).value, count) == expected
            pages += 1
            textpage.close()
            page.close()
        document.close()
    assert pages > 20


def test_a_read_page_is_freed_without_the_cyclic_collector():
    """A PDFium page (and every char it holds) is freed once nothing refers to it: pdfplumber's own Page keeps a
    bound method of itself (its cached get_textmap) and itself as ``root_page``, two reference cycles that kept
    a report's pages alive until a full collection; text and crops still work as pdfplumber's."""
    import gc
    import weakref

    page = pdf.pdfium_pages(PDFS[0].read_bytes())[0]
    assert page.crop((0, 0, page.width, page.height / 2)).root_page is page
    del page
    gc.collect()  # the crop: a pdfplumber CroppedPage, its own cycles
    pages = pdf.pdfium_pages(PDFS[0].read_bytes())
    page = pages[0]
    assert page.extract_text() == page.extract_text() and len(page.__dict__["_textmaps"]) == 1
    refs = [weakref.ref(p) for p in pages]
    was = gc.isenabled()
    gc.disable()
    try:
        del pages, page
        assert [r() for r in refs] == [None] * len(refs)
    finally:
        if was:
            gc.enable()
