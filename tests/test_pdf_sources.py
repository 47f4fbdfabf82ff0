"""The PDF reader's two character sources, PDFium (the default) and pdfplumber's own parser (pdfminer), read
every committed PDF fixture and variant to the same cells, the same identity and the same flags, equal to the
truth beside each; scans have no text layer for either; the page objects PDFium gives are pdfplumber's.
"""

from __future__ import annotations

import json
from pathlib import Path

import pdfplumber
import pypdfium2
import pytest
from reportlab.lib.pagesizes import A4
from reportlab.pdfgen import canvas

from extractors import extract_report
from extractors.readers import ReadError, pdf
from extractors.readers.pdfium_page import PdfiumPage
from tests.fixture_builder.accuracy import compare

FIXTURES = Path(__file__).parent / "fixtures"
# prose-cases print no table (tests/test_prose_cases.py reads them with both sources)
PDFS = sorted(p for p in FIXTURES.rglob("*.pdf") if "scans" not in p.parts and "prose-cases" not in p.parts)
SCANS = sorted((FIXTURES / "scans").rglob("*.pdf"))


def _truth(path: Path) -> dict:
    beside = path.parent / "truth.json" if (path.parent / "truth.json").exists() else path.with_suffix(".json")
    return json.loads(beside.read_text(encoding="utf-8"))


def test_every_kind_of_committed_pdf_is_compared():
    folders = {p.parent.parent.name if p.parent.parent != FIXTURES else p.parent.name for p in PDFS}
    assert {"variants", "variants-rl", "portal", "bodies"} <= folders
    assert len(PDFS) >= 75 and SCANS
    assert all(FIXTURES / name in PDFS for name in STRADDLING)  # an allowance for a file no longer there goes


@pytest.fixture(scope="module", params=PDFS, ids=[str(p.relative_to(FIXTURES)) for p in PDFS])
def both(request):
    path = request.param
    data = path.read_bytes()
    return path, {source: extract_report(pdf.read(path, data, chars=source)) for source in pdf.CHAR_SOURCES}


# Where the two sources may place one glyph in different cells, and which: PDFium's char box hangs from the font
# program's descent, pdfminer's from the font descriptor's (0 in LibreOffice's output), 0.13 em apart; a glyph
# straddling a ruling (the 、 of a parent label cut by its merged cell, left hanging over the row line) falls on
# either side. So does a piece of a parent label printed in a larger size than the glyph beside it in a word-built
# table (本年度办理结果 at 12 pt by the （ of （三）不予公开 at 9 pt, a line's tolerance apart): it joins that line
# under one source, not under the other, and goes with the row above or below. Only the row labels may differ, and
# only by that text.
STRADDLING = {
    "drawn-cases/cut-parent-beside-other-2020/cut-parent-beside-other-2020.pdf": "、",
    "borderless-cases/vertical-pieces-under-spanning-label-2022/vertical-pieces-under-spanning-label-2022.pdf":
        "本年度办理结果",
}


def _cells(report, straddling: str = "") -> list[tuple]:
    def label(text: str) -> str:  # (without it, a label part left empty goes too)
        return "/".join(p for p in "".join(text.replace(straddling, "").split()).split("/") if p) if straddling \
            else text

    return sorted((c.key or "", c.table, label(c.row_label), c.column_label, str(c.value), c.raw, c.meaning, c.page)
                  for c in report.cells)


def _identity(report) -> tuple:
    return report.region, report.admin_code, report.year, report.edition, report.other_split, report.issuer


def test_both_sources_read_the_same_cells_identity_and_flags(both):
    path, reports = both
    a, b = reports["pdfium"], reports["pdfplumber"]
    straddling = STRADDLING.get(str(path.relative_to(FIXTURES)), "")
    assert a.cells and _cells(a, straddling) == _cells(b, straddling)
    assert _identity(a) == _identity(b)
    assert sorted((f.kind, f.message) for f in a.flags) == sorted((f.kind, f.message) for f in b.flags)


def test_the_pdfium_reading_equals_the_truth(both):
    path, reports = both
    truth = _truth(path)
    diff = compare(reports["pdfium"], truth)
    assert diff.wrong == {}
    if not path.is_relative_to(FIXTURES / "garbage") and not path.is_relative_to(FIXTURES / "pictures"):
        assert diff.printed == {}  # OCR'd pages (garbage text layers, pictured tables) keep values, not every dash
    report = reports["pdfium"]
    want = truth.get("expect", truth)  # portal truths keep the identity under "expect"
    assert (report.region, report.year, report.edition) == (want["region"], want["year"], want["edition"])


@pytest.mark.parametrize("path", SCANS, ids=[p.parent.name for p in SCANS])
def test_a_scan_has_no_text_layer_for_either_source(path):
    data = path.read_bytes()
    pages = pdf.pdfium_pages(data)
    assert pages and not any(p.chars for p in pages)
    with pdfplumber.open(path) as plumbed:
        assert not any(p.chars for p in plumbed.pages)


def test_the_source_is_pdfium_unless_the_environment_asks_for_pdfplumber(monkeypatch):
    path = FIXTURES / "portal" / "a07-pdf.pdf"
    calls = []
    real = pdf.pdfium_pages
    monkeypatch.setattr(pdf, "pdfium_pages", lambda data: calls.append(1) or real(data))
    monkeypatch.delenv(pdf.CHARS_ENV, raising=False)
    pdf.read(path, path.read_bytes())
    assert calls == [1]
    monkeypatch.setenv(pdf.CHARS_ENV, "pdfplumber")
    pdf.read(path, path.read_bytes())
    assert calls == [1]
    monkeypatch.setenv(pdf.CHARS_ENV, "pdfminer")
    with pytest.raises(ValueError, match="GONGKAI_PDF_CHARS"):
        pdf.read(path, path.read_bytes())


def test_a_file_neither_library_can_open_is_one_clear_error():
    assert pdf.pdfium_pages(b"%PDF-1.4\nnot a PDF at all") is None
    with pytest.raises(ReadError, match="not a readable PDF"):
        pdf.read(Path("broken.pdf"), b"%PDF-1.4\nnot a PDF at all")


def _drawn(path: Path, rotate: int = 0) -> None:
    """Text scaled by the CTM, rotated text, ruling lines, a thin filled rect, a curve and a form XObject."""
    c = canvas.Canvas(str(path), pagesize=A4)
    c.setFont("Helvetica", 1)
    c.saveState()
    c.translate(72, 700)
    c.scale(12, 12)
    c.drawString(0, 0, "Scaled 12")
    c.restoreState()
    c.setFont("Helvetica", 10)
    c.drawString(72, 650, "Plain text 2021")
    c.saveState()
    c.translate(300, 500)
    c.rotate(90)
    c.drawString(0, 0, "Turned")
    c.restoreState()
    c.line(72, 600, 400, 600)
    c.rect(72, 580, 328, 0.5, stroke=0, fill=1)  # a ruling drawn as a filled rectangle
    c.rect(72, 400, 200, 100)
    c.bezier(72, 300, 100, 350, 150, 350, 200, 300)
    c.beginForm("cell")
    c.rect(0, 0, 50, 20)
    c.line(0, 10, 50, 10)
    c.endForm()
    c.saveState()
    c.translate(350, 300)
    c.doForm("cell")
    c.restoreState()
    if rotate:
        c.setPageRotation(rotate)
    c.save()


@pytest.mark.parametrize("rotate", [0, 90, 180, 270])
def test_pdfium_page_objects_are_pdfplumbers(tmp_path, rotate):
    path = tmp_path / f"drawn-{rotate}.pdf"
    _drawn(path, rotate)
    document = pypdfium2.PdfDocument(path)
    ours = PdfiumPage(document[0], 1)
    document.close()
    with pdfplumber.open(path) as plumbed:
        theirs = plumbed.pages[0]
        assert ours.rotation == theirs.rotation == rotate
        assert ours.bbox == pytest.approx(theirs.bbox, abs=0.01)

        def chars(page):
            return sorted((c for c in page.chars if c["text"] != " "), key=lambda c: (round(c["doctop"] / 5),
                                                                                       c["x0"], c["text"]))

        mine, plumbed_chars = chars(ours), chars(theirs)
        assert [(c["text"], c["upright"]) for c in mine] == [(c["text"], c["upright"]) for c in plumbed_chars]
        # Helvetica's widths and descent: pdfminer's from the standard AFM, PDFium's from the font it substitutes
        for a, b in zip(mine, plumbed_chars):
            assert a["x0"] == pytest.approx(b["x0"], abs=0.5) and a["x1"] == pytest.approx(b["x1"], abs=0.5)
            assert a["top"] == pytest.approx(b["top"], abs=0.5) and a["size"] == pytest.approx(b["size"], abs=0.5)

        def edges(page):
            return sorted((e["orientation"], round(e["x0"], 1), round(e["top"], 1), round(e["x1"], 1),
                           round(e["bottom"], 1)) for e in page.edges if e["orientation"])

        assert edges(ours) == edges(theirs)
        assert len(edges(ours)) >= 14  # the line, the thin rect, the frame, the form's cell
        for kind in ("line", "rect", "curve"):
            assert len(ours.objects.get(kind, [])) == len(theirs.objects.get(kind, [])), kind
