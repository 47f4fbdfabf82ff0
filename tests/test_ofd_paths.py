"""OFD tables drawn as real OFD writers draw them: rulings as PathObjects (tests/fixture_builder/ofd_paths.py,
a producer written from GB/T 33190, not from the reader). The rulings become the PDF reader's ruling lines, so
a ruled OFD table reads as its PDF does: the same grid, the same merged cells, ruled, not rebuilt from words."""

from __future__ import annotations

import io
import random
import re
import zipfile
from pathlib import Path

import pytest

from extractors import read_report
from extractors.readers import read_document
from extractors.readers.ofd import OfdPage, _fonts, _page_box, _resources, _xml
from extractors.readers.pdf import _read_page, pdfium_pages
from extractors.readers.word_sources import WordSources
from tests.fixture_builder.ofd_paths import COMMITTED, PATHS, Style, fixture_pdfs, pdf_to_ofd

FIXTURES = Path(__file__).parent / "fixtures"


def _grid(tables) -> list[list[tuple]]:
    """Each table's cells as (row, col, rowspan, colspan, text without white space), and whether it is ruled."""
    return [[t.ruled] + sorted((c.row, c.col, c.rowspan, c.colspan, re.sub(r"\s", "", c.text)) for c in t.cells)
            for t in tables]


@pytest.mark.parametrize("name", sorted(COMMITTED))
def test_ruled_tables_of_a_path_drawn_ofd_are_its_pdfs_tables(name):
    ofd = FIXTURES / "ofd" / name / f"{name}.ofd"
    assert b"PathObject" in b"".join(zipfile.ZipFile(ofd).read(n) for n in zipfile.ZipFile(ofd).namelist())
    got, want = read_document(ofd), read_document(FIXTURES / name / f"{name}.pdf")
    assert got.format == "ofd" and len(got.tables) == 3
    assert all(t.ruled for t in got.tables)
    assert any(c.rowspan > 1 for t in got.tables for c in t.cells)
    assert any(c.colspan > 1 for t in got.tables for c in t.cells)
    assert _grid(got.tables) == _grid(want.tables)
    assert [b.text for b in got.blocks if not hasattr(b, "cells")] == [
        b.text for b in want.blocks if not hasattr(b, "cells")]


def _without_paths(data: bytes) -> bytes:
    out = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(data)) as src, zipfile.ZipFile(out, "w") as dst:
        for name in src.namelist():
            body = src.read(name)
            if name.endswith("Content.xml"):
                body = re.sub(rb"<(\w+:)?PathObject\b.*?</(\w+:)?PathObject>", b"", body, flags=re.S)
            dst.writestr(name, body)
    return out.getvalue()


def test_without_its_path_objects_the_same_ofd_has_no_ruled_table(tmp_path):
    bare = tmp_path / "hejiang-2022.ofd"
    bare.write_bytes(_without_paths((FIXTURES / "ofd" / "hejiang-2022" / "hejiang-2022.ofd").read_bytes()))
    assert b"PathObject" not in zipfile.ZipFile(bare).read("Doc_0/Pages/Page_1/Content.xml")
    assert not any(t.ruled for t in read_document(bare).tables)


@pytest.mark.parametrize("paths,ns,text", [(p, ns, t) for p, ns, t in zip(
    PATHS, ("prefixed", "default", "legacy", "default"), ("runs", "glyphs", "mixed", "runs"))])
def test_every_way_of_drawing_rulings_gives_the_pdf_pages_table(tmp_path, paths, ns, text):
    """The requests table's page (merged header cells, the （六） rowspan cut by the page end) drawn one way at
    a time: one PathObject per ruling, one per page of M/L subpaths, CTM-stretched filled unit squares, points
    under a CTM; namespaces and text codes varied alongside."""
    pdf = FIXTURES / "hejiang-2022" / "hejiang-2022.pdf"
    ofd = pdf_to_ofd(pdf, tmp_path / "page2.ofd", Style(ns=ns, paths=paths, text=text), random.Random(7), pages=[2])
    with zipfile.ZipFile(ofd) as z:
        names = [n for n in z.namelist() if n.endswith("Content.xml")]
        content, document = _xml(z, names[0]), _xml(z, "Doc_0/Document.xml")
    page = OfdPage(content, _page_box(content) or _page_box(document), 2)
    got = [b for b in _read_page(page, 2, WordSources()) if hasattr(b, "cells")]
    want = [b for b in _read_page(pdfium_pages(pdf.read_bytes())[1], 2, WordSources()) if hasattr(b, "cells")]
    assert got and all(t.ruled for t in got)
    assert _grid(got) == _grid(want)


def test_a_turned_glyph_is_boxed_where_its_pdf_prints_it(tmp_path):
    """A WPS vertical label turns its brackets 90°; the producer draws each as a TextObject turned by its CTM.
    Its box is the PDF's (PDFium's: the advance by the font size from the descent, turned), within the
    descent the reader assumes without a font file (0.12 em against this font's 0.108): drawn upright at its
    origin it would stand a glyph's height higher, across the row's ruling."""
    (_name, pdf, _truth), = fixture_pdfs(["r11-000-luzhou-2022"])
    want = [c for c in pdfium_pages(pdf.read_bytes())[3].chars if not c["upright"]]
    ofd = pdf_to_ofd(pdf, tmp_path / "page4.ofd", Style(), random.Random(7), pages=[4])
    with zipfile.ZipFile(ofd) as z:
        content = _xml(z, next(n for n in z.namelist() if n.endswith("Content.xml")))
    got = [c for c in OfdPage(content, _page_box(content), 4).chars if not c["upright"]]
    assert len(got) == len(want) >= 4
    for g, w in zip(sorted(got, key=lambda c: (c["top"], c["x0"])), sorted(want, key=lambda c: (c["top"], c["x0"]))):
        assert g["text"] == w["text"]
        assert all(abs(g[k] - w[k]) <= 0.02 * w["size"] for k in ("x0", "x1", "top", "bottom")), (g, w)


def test_with_its_fonts_embedded_every_glyph_is_boxed_as_in_its_pdf(tmp_path):
    """A producer that embeds the fonts (their advances and descent, as PDFium reads the PDF's font programs):
    every glyph's box, upright or turned, is PDFium's within 0.002 em (the file's millimetres have 3 places);
    without the font files the descent is a guess (0.12 em against 0.108): boxes stand off by over 0.01 em."""
    (_name, pdf, _truth), = fixture_pdfs(["r11-000-luzhou-2022"])
    want = [c for c in pdfium_pages(pdf.read_bytes())[3].chars if c["text"].strip()]
    off = {}
    for fonts in (True, False):
        ofd = pdf_to_ofd(pdf, tmp_path / f"{fonts}.ofd", Style(fonts=fonts), random.Random(7), pages=[4])
        with zipfile.ZipFile(ofd) as z:
            content, document = _xml(z, "Doc_0/Pages/Page_0/Content.xml"), _xml(z, "Doc_0/Document.xml")
            embedded = _fonts(z, _resources(z, document, "Doc_0", set(z.namelist()))[1])
        assert bool(embedded) == fonts
        got = OfdPage(content, _page_box(content), 4, 0, embedded).chars
        assert len(got) == len(want) > 100
        for g, w in zip(sorted(got, key=_reading), sorted(want, key=_reading)):
            assert g["text"] == w["text"]
            off[fonts] = max(off.get(fonts, 0), *(abs(g[k] - w[k]) / w["size"] for k in ("top", "bottom", "x0")))
    assert off[True] < 0.002 < 0.01 < off[False], off


def _reading(c: dict) -> tuple:
    return round(c["top"]), round(c["x0"]), c["text"]


@pytest.mark.parametrize("name,key,raw", [
    ("tables-first-2019", "proactive.art20_9.procurement.amount_yuan", "85632.5万元"),  # a 5 fitted elsewhere
    ("money-units-2021b", "proactive.art20_8.fees.amount_yuan", "12345.67万元")])  # no 7 fitted: other digits
def test_a_figures_last_digit_before_a_gap_reads_as_in_its_pdf(tmp_path, name, key, raw):
    """No font file, so a digit's width is the step to the next one; the last digit of ``85632.5 万元`` has
    none (a gap before the unit): it takes the width its character, or the font's other digits, have elsewhere
    on the page, so the cell's raw text, as every other cell's label and text, is the PDF's (no space)."""
    (_name, pdf, _truth), = fixture_pdfs([name])
    ofd = pdf_to_ofd(pdf, tmp_path / f"{name}.ofd", Style(text="glyphs"), random.Random(7))

    def cells(report):
        return {c.key: (c.row_label, c.column_label, c.raw, c.value) for c in report.cells if c.key}

    got, want = cells(read_report(ofd)), cells(read_report(pdf))
    assert want[key][2] == raw
    assert got == want
