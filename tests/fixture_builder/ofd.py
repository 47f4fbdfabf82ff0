"""OFD renderings of our PDFs, made by an independent producer (easyofd, PyPI) for the OFD reader's tests.

easyofd writes each PDF text span as a TextObject with DeltaX advances and no ruling paths, so the tables come
back through the borderless assembly. It writes a ``./test`` scratch folder in the working directory, hence the
temporary one. Needs ``pip install easyofd`` (it pulls PyMuPDF); the tests read the committed files only.

``python -m tests.fixture_builder.ofd [NAME…]`` rewrites ``tests/fixtures/ofd/<name>/<name>.ofd`` with its truth
(every name of ``COMMITTED`` when none is given, and then ``tests/fixtures/ofd/scanned-appeals-page.ofd``: the
last page of the xuhui scan fixture as an image-only page).
"""

from __future__ import annotations

import contextlib
import os
import tempfile
from pathlib import Path

from .scan import FIXTURES

OFD = FIXTURES / "ofd"
# one of each edition, and a variant whose wrapped "5.要求…" label easyofd spreads evenly over its span (the
# glyphs' widths must fill those steps, or "5." and the label fall into two columns)
COMMITTED = ("xuhui-2019-broken", "jinan-2023-mixed", "vertical-label-2019")


def pdf_to_ofd(pdf: Path, out: Path) -> Path:
    from easyofd.ofd import OFD as EasyOFD

    data = pdf.read_bytes()
    with tempfile.TemporaryDirectory(prefix="gongkai-ofd-") as scratch, _cwd(scratch):
        ofd = EasyOFD().pdf2ofd(data, optional_text=True)
    out.parent.mkdir(parents=True, exist_ok=True)
    out.write_bytes(ofd)
    return out


@contextlib.contextmanager
def _cwd(path: str):
    before = os.getcwd()
    os.chdir(path)
    try:
        yield
    finally:
        os.chdir(before)


def image_ofd(scan: Path, page: int, out: Path) -> Path:
    """One page of a scanned PDF (its embedded image, greyscale) as an image-only OFD page."""
    import pypdfium2
    from easyofd.ofd import OFD as EasyOFD

    pdf = pypdfium2.PdfDocument(str(scan))
    image = next(o for o in pdf[page - 1].get_objects() if o.type == pypdfium2.raw.FPDF_PAGEOBJ_IMAGE)
    pil = image.get_bitmap().to_pil().convert("L")
    pdf.close()
    with tempfile.TemporaryDirectory(prefix="gongkai-ofd-") as scratch, _cwd(scratch):
        ofd = EasyOFD().jpg2ofd([pil])
    out.parent.mkdir(parents=True, exist_ok=True)
    out.write_bytes(ofd)
    return out


def build_committed(names: tuple[str, ...] = COMMITTED) -> list[Path]:
    from .ofd_paths import fixture_pdfs

    out = [image_ofd(FIXTURES / "scans" / "xuhui-2019-broken" / "xuhui-2019-broken-scan.pdf", 3,
                     OFD / "scanned-appeals-page.ofd")] if names == COMMITTED else []
    for name, pdf, _truth in fixture_pdfs(list(names)):
        out.append(pdf_to_ofd(pdf, OFD / name / f"{name}.ofd"))
        (OFD / name / "truth.json").write_bytes((pdf.parent / "truth.json").read_bytes())
    return out


if __name__ == "__main__":
    import sys

    print(*build_committed(tuple(sys.argv[1:]) or COMMITTED), sep="\n")
