"""A table pasted as a picture (tests/fixture_builder/pictures.py: table 四 of hejiang-2022 as a PNG) in a DOCX,
the PDF LibreOffice makes of it, and an HTML page with the PNG beside it or inline: read by OCR where the
picture stands, the report as its truth. Pictures are only read from inside the page's own folder."""

from __future__ import annotations

import base64
import json
import shutil
from decimal import Decimal
from pathlib import Path

import pytest

from extractors import read_report
from extractors.readers.pictures import local_image

FOLDER = Path(__file__).parent / "fixtures" / "pictures" / "hejiang-2022-picture"
TRUTH = json.loads((FOLDER / "truth.json").read_text(encoding="utf-8"))
APPEALS = {k for k in TRUTH["cells"] if k.startswith("appeals.")}


def _wrong(report) -> dict:
    values = report.values()
    return {k: (v, values.get(k)) for k, v in TRUTH["cells"].items()
            if (None if v is None else Decimal(str(v))) != values.get(k)}


@pytest.mark.parametrize("suffix", ["docx", "pdf", "html"])
def test_a_table_pasted_as_a_picture_reads_as_its_truth(suffix):
    report = read_report(FOLDER / f"hejiang-2022-picture.{suffix}")
    assert _wrong(report) == {}
    assert (report.region, report.year, report.edition) == (TRUTH["region"], TRUTH["year"], TRUTH["edition"])
    assert not report.flags
    ocr = {c.key for c in report.cells if c.confidence is not None}  # only the picture's cells were OCR'd
    assert ocr <= APPEALS and len(ocr) >= 10  # (a printed dash OCR finds no text in has no score)


def test_an_inline_data_uri_picture_reads_like_the_file_beside_the_page(tmp_path):
    png = base64.b64encode((FOLDER / "table.png").read_bytes()).decode("ascii")
    html = (FOLDER / "hejiang-2022-picture.html").read_bytes().replace(
        b'src="table.png"', f'src="data:image/png;base64,{png}"'.encode("ascii"))
    page = tmp_path / "page.html"
    page.write_bytes(html)
    assert _wrong(read_report(page)) == {}


def test_a_picture_outside_the_pages_folder_is_never_read(tmp_path):
    (tmp_path / "elsewhere").mkdir()
    shutil.copyfile(FOLDER / "table.png", tmp_path / "elsewhere" / "table.png")
    (tmp_path / "page").mkdir()
    page = tmp_path / "page" / "page.html"
    page.write_bytes((FOLDER / "hejiang-2022-picture.html").read_bytes().replace(
        b'src="table.png"', b'src="../elsewhere/table.png"'))
    assert set(_wrong(read_report(page))) == APPEALS  # the table is missing, as the page shows nothing readable


@pytest.mark.parametrize("src", ["http://example.org/table.png", "//example.org/table.png", "file:///etc/passwd",
                                 "/etc/passwd", "../table.png", "sub/../../table.png", "C:\\table.png", ""])
def test_only_data_uris_and_files_inside_the_folder_are_pictures(src, tmp_path):
    (tmp_path / "page").mkdir()
    (tmp_path / "table.png").write_bytes(b"x")
    assert local_image(src, tmp_path / "page") is None
    (tmp_path / "page" / "t.png").write_bytes(b"png")
    assert local_image("t.png", tmp_path / "page") == b"png"
    assert local_image("data:image/png;base64,cG5n", None) == b"png"
