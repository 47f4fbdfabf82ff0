"""A table printed without rulings and pasted as a picture (tests/fixture_builder/pictures.py: table 四 of
hejiang-2022-borderless as a PNG, in a DOCX and the PDF LibreOffice makes of it) goes through the OCR path and
the borderless assembly; the seal and the photo pasted beside it are never sent to OCR."""

from __future__ import annotations

import json
from decimal import Decimal
from pathlib import Path

import cv2
import numpy as np
import pdfplumber
import pytest
from PIL import Image

from extractors import read_report
from extractors.readers import ocr
from extractors.readers.pictures import table_shaped

FOLDER = Path(__file__).parent / "fixtures" / "pictures" / "hejiang-2022-borderless-picture"
TRUTH = json.loads((FOLDER / "truth.json").read_text(encoding="utf-8"))
APPEALS = {k for k in TRUTH["cells"] if k.startswith("appeals.")}


@pytest.fixture
def recognised(monkeypatch):
    """The shapes of the images OCR was run on while the test reads."""
    shapes: list[tuple[int, int]] = []
    real = ocr.recognise

    def spy(grey):
        shapes.append(grey.shape[:2])
        return real(grey)

    monkeypatch.setattr(ocr, "recognise", spy)
    return shapes


@pytest.mark.parametrize("suffix", ["docx", "pdf"])
def test_a_borderless_table_picture_reads_as_its_truth_and_nothing_else_is_ocrd(suffix, recognised):
    report = read_report(FOLDER / f"hejiang-2022-borderless-picture.{suffix}")
    values = report.values()
    assert {k: values.get(k) for k in TRUTH["cells"]} == {
        k: None if v is None else Decimal(str(v)) for k, v in TRUTH["cells"].items()}
    assert (report.region, report.year, report.edition) == (TRUTH["region"], TRUTH["year"], TRUTH["edition"])
    assert not report.flags
    ocrd = {c.key for c in report.cells if c.confidence is not None}
    assert ocrd <= APPEALS and len(ocrd) >= 10
    table = Image.open(FOLDER / "table.png")
    assert len(recognised) == 1  # the table; not the seal, not the photo
    h, w = recognised[0]
    assert abs(w / h - table.width / table.height) < 0.05


def _look(image: Image.Image, dpi: float) -> bool:
    rgb = np.asarray(image.convert("RGB"))
    return table_shaped(rgb, cv2.cvtColor(rgb, cv2.COLOR_RGB2GRAY), dpi)


def test_the_shape_test_takes_the_table_and_leaves_seal_photo_and_prose():
    assert _look(Image.open(FOLDER / "table.png"), 150)
    assert not _look(Image.open(FOLDER / "seal.png"), 200)
    assert not _look(Image.open(FOLDER / "photo.jpg"), 200)
    with pdfplumber.open(FOLDER.parents[1] / "hejiang-2022" / "hejiang-2022.pdf") as pdf:
        page = pdf.pages[0]
        prose = page.crop((50, 100, page.width - 50, 400)).to_image(resolution=150).original
    assert not _look(prose, 150)
    # the same table as a photo of a grey desk: no paper around it
    grey_desk = Image.eval(Image.open(FOLDER / "table.png").convert("L"), lambda v: min(v, 170))
    assert not _look(grey_desk, 150)
