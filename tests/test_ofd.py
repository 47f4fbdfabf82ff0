"""OFD files (made from our PDFs by independent producers: easyofd, tests/fixture_builder/ofd.py, text only;
tests/fixture_builder/ofd_paths.py, rulings as PathObjects) read like the PDFs they render: the same template
cells, region, year, edition and flags, on both editions."""

from __future__ import annotations

import io
import json
import posixpath
import re
import zipfile
from decimal import Decimal
from pathlib import Path

import pdfplumber
import pytest

from extractors import read_report
from extractors.readers import ReadError, read_document
from extractors.readers.ofd import OfdPage, _fonts, _page_box, _resources, _units, _xml
from tests.fixture_builder.ofd_paths import _font_file, fixture_pdfs

FIXTURES = Path(__file__).parent / "fixtures"
OFDS = sorted((FIXTURES / "ofd").glob("*/*.ofd"))


def _summary(report):
    return (report.values(), report.region, report.year, report.edition,
            sorted((f.kind, f.identity, f.where) for f in report.flags))


@pytest.mark.parametrize("ofd", OFDS, ids=[p.name for p in OFDS])
def test_an_ofd_rendering_reads_like_its_pdf(ofd):
    truth = json.loads((ofd.parent / "truth.json").read_text(encoding="utf-8"))
    report = read_report(ofd)
    assert report.format == "ofd"
    values = report.values()
    assert {k: values.get(k) for k in truth["cells"]} == {
        k: None if v is None else Decimal(str(v)) for k, v in truth["cells"].items()}
    (_name, pdf, _truth), = fixture_pdfs([ofd.parent.name])  # its PDF: tests/fixtures/<name>/ or variants/<name>/
    assert _summary(report) == _summary(read_report(pdf))


def test_both_editions_are_covered():
    assert {json.loads((p.parent / "truth.json").read_text(encoding="utf-8"))["edition"] for p in OFDS} == {
        "ed2019", "ed2021"}


def _rezipped(data: bytes, change) -> bytes:
    """The same OFD with each part's bytes passed through ``change(name, body, write)`` (``write(name, bytes)``
    adds a part), the result written under the part's name."""
    out = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(data)) as src, zipfile.ZipFile(out, "w") as dst:
        for name in src.namelist():
            dst.writestr(name, change(name, src.read(name), dst.writestr))
    return out.getvalue()


def _renamespaced(data: bytes, uri: str) -> bytes:
    """The same OFD with another namespace URI on every XML part (writers differ)."""
    return _rezipped(data, lambda name, body, write: body.replace(b"http://blog.yuanhaiying.cn", uri.encode())
                     if name.endswith(".xml") else body)


def test_element_names_match_whatever_the_namespace(tmp_path):
    ofd = next(p for p in OFDS if b"http://blog.yuanhaiying.cn" in zipfile.ZipFile(p).read("OFD.xml"))
    other = tmp_path / ofd.name
    data = ofd.read_bytes()
    assert b"http://blog.yuanhaiying.cn" in zipfile.ZipFile(io.BytesIO(data)).read("OFD.xml")
    other.write_bytes(_renamespaced(data, "http://www.ofdspec.org/2016"))
    assert read_report(other).values() == read_report(ofd).values()


def test_an_image_only_ofd_page_is_read_by_ocr():
    doc = read_document(FIXTURES / "ofd" / "scanned-appeals-page.ofd")
    rows = [row for t in doc.tables for row in t.rows_text()]
    assert ["14", "2", "1", "3", "21", "9", "0", "1", "2", "12", "4", "0", "0", "1", "5"] in rows
    assert all(c.confidence for t in doc.tables for c in t.cells if c.text)


def test_a_zip_named_ofd_without_ofd_xml_is_a_clear_error(tmp_path):
    bad = tmp_path / "report.ofd"
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w") as z:
        z.writestr("readme.txt", "hello")
    bad.write_bytes(buf.getvalue())
    with pytest.raises(ReadError, match="not a OFD file|ZIP"):
        read_document(bad)


def _with_font_file(data: bytes, font: bytes) -> bytes:
    """The same OFD with ``font`` embedded (Res/font.ttf) as the file of every Font its PublicRes lists."""
    def change(name: str, body: bytes, write) -> bytes:
        if name.endswith("PublicRes.xml"):
            body = re.sub(rb"<((?:\w+:)?)Font (ID=[^>]*?)/>",
                          rb"<\1Font \2><\1FontFile>font.ttf</\1FontFile></\1Font>", body)
            assert b"FontFile" in body
            write(posixpath.join(posixpath.dirname(name), "Res", "font.ttf"), font)
        return body

    return _rezipped(data, change)


def _page_chars(path: Path, number: int) -> list[dict]:
    """Page ``number``'s chars as the reader makes them, with the fonts the package's resources embed."""
    with zipfile.ZipFile(path) as z:
        content, document = _xml(z, f"Doc_0/Pages/Page_{number - 1}/Content.xml"), _xml(z, "Doc_0/Document.xml")
        _media, files = _resources(z, document, "Doc_0", set(z.namelist()))
        fonts = _fonts(z, files)
    return OfdPage(content, _page_box(content) or _page_box(document), number, 0, fonts).chars


def test_an_embedded_font_gives_the_glyphs_advances_and_descent(tmp_path):
    """With a font file, a digit's box is its advance in that font (not the step to the next glyph, not half
    an em) and every glyph's box hangs the font's descent below the baseline; characters the font does not
    map keep the guessed widths."""
    plain = FIXTURES / "ofd" / "hejiang-2022" / "hejiang-2022.ofd"
    embedded = tmp_path / "hejiang-2022.ofd"
    embedded.write_bytes(_with_font_file(plain.read_bytes(), _font_file({"1": 0.31, "0": 0.72}, descent=-0.26)))
    before, after = _page_chars(plain, 2), _page_chars(embedded, 2)
    assert read_document(embedded).tables
    assert [c["text"] for c in before] == [c["text"] for c in after]
    height = _page_box(_xml(zipfile.ZipFile(plain), "Doc_0/Document.xml"))[1] * 72 / 25.4
    for b, a in zip(before, after):
        base = height - a["matrix"][5]
        assert a["bottom"] - base == pytest.approx(0.26 * a["size"])
        assert a["bottom"] - a["top"] == pytest.approx(a["size"])
        if a["text"] in "10":
            assert a["x1"] - a["x0"] == pytest.approx((0.31 if a["text"] == "1" else 0.72) * a["size"])
        else:
            assert (a["x0"], a["x1"]) == (b["x0"], b["x1"])
    assert sum(c["text"] in "10" for c in after) > 20
    assert any(abs(b["x1"] - a["x1"]) > 0.5 for b, a in zip(before, after) if a["text"] == "1")


def test_an_unreadable_font_file_leaves_the_guessed_metrics(tmp_path):
    plain = FIXTURES / "ofd" / "hejiang-2022" / "hejiang-2022.ofd"
    broken = tmp_path / "hejiang-2022.ofd"
    broken.write_bytes(_with_font_file(plain.read_bytes(), b"\x00\x01\x00\x00 not a font"))
    assert read_document(broken).tables and _page_chars(broken, 2) == _page_chars(plain, 2)


def test_a_page_drawn_in_200_dpi_pixels_is_read_at_its_printed_size():
    """easyofd writes a PDF point as a 200-dpi pixel (0.127 mm) and the page box in points: read as mm, the page
    is 0.36 of its size and the page logic's tolerances (points) merge lines. Its glyphs land where the PDF's
    are, at the PDF's size, in a box the PDF's size; a page written in mm (our PathObject producer) stays as
    it is."""
    ofd = FIXTURES / "ofd" / "jinan-2023-mixed" / "jinan-2023-mixed.ofd"
    (_name, pdf, _truth), = fixture_pdfs(["jinan-2023-mixed"])
    with zipfile.ZipFile(ofd) as z:
        content = _xml(z, "Doc_0/Pages/Page_1/Content.xml")
    unit, box = _units(content, _page_box(content))
    got = OfdPage(content, box, 2, 0, {}, unit).chars
    with pdfplumber.open(pdf) as doc:
        page = doc.pages[1]
        want, size = page.chars, (page.width, page.height)
    assert [v * 72 / 25.4 for v in box] == pytest.approx(size, abs=0.5)
    assert len(got) > 500
    def near(c: dict, x_tolerance: float) -> bool:  # the glyph in the PDF at the same origin and size
        return any(w["text"] == c["text"] and abs(w["matrix"][4] - c["matrix"][4]) < x_tolerance
                   and abs(w["matrix"][5] - c["matrix"][5]) < 0.3 * w["size"]
                   and w["size"] == pytest.approx(c["size"], rel=0.05) for w in want)

    # easyofd sets a span's baseline at its box's bottom and spreads its glyphs evenly over the span: within a
    # glyph of the PDF's, most within a point
    assert all(near(c, c["size"] * 1.2) for c in got)
    assert sum(near(c, 1.0) for c in got) > 0.7 * len(got)
    with zipfile.ZipFile(FIXTURES / "ofd" / "hejiang-2022" / "hejiang-2022.ofd") as z:
        mm = _xml(z, "Doc_0/Pages/Page_1/Content.xml")
        mm_box = _page_box(mm) or _page_box(_xml(z, "Doc_0/Document.xml"))
    assert _units(mm, mm_box) == (1.0, mm_box)
