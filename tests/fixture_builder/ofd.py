"""OFD renderings of our PDFs, made by an independent producer (easyofd, PyPI) for the OFD reader's tests.

easyofd writes each PDF text span as a TextObject with DeltaX advances and no ruling paths, so the tables come
back through the borderless assembly. It writes a ``./test`` scratch folder in the working directory, hence the
temporary one. Needs ``pip install easyofd`` (it pulls PyMuPDF); the tests read the committed files only.

``python -m tests.fixture_builder.ofd [NAME…]`` rewrites ``tests/fixtures/ofd/<name>/<name>.ofd`` with its truth
(every name of ``COMMITTED`` when none is given, and then ``tests/fixtures/ofd/scanned-appeals-page.ofd``: the
last page of the xuhui scan fixture as an image-only page).

``python -m tests.fixture_builder.ofd --measure DIR…`` renders every PDF of each folder holding a ``truth.json``
(under the DIRs, e.g. a fresh ``tests.fixture_builder.variants --seed N --out DIR`` set) with easyofd into a
temporary folder and prints template cells exact vs the truth, for the OFD and its PDF, and the OFD's cells read
as the PDF's.
"""

from __future__ import annotations

import contextlib
import io
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
    with (tempfile.TemporaryDirectory(prefix="gongkai-ofd-") as scratch, _cwd(scratch),
          contextlib.redirect_stdout(io.StringIO())):  # it prints every span it writes
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


def measure(dirs: list[Path], out: Path) -> tuple[int, int, int, int]:
    """(OFD cells exact, PDF cells exact, OFD cells as the PDF's, cells scored) over every PDF beside a
    truth.json under ``dirs``, each rendered by easyofd into ``out``; one line per file printed."""
    import json

    from extractors import read_report

    from .accuracy import read_case
    from .ofd_paths import _cells

    exact = pdf_exact = same = values = total = cells = 0
    for truth_file in sorted(t for d in dirs for t in d.rglob("truth.json")):
        truth = json.loads(truth_file.read_text(encoding="utf-8"))
        for pdf in sorted(truth_file.parent.glob("*.pdf")):
            ofd = pdf_to_ofd(pdf, out / f"{pdf.stem}.ofd")
            d, p = read_case(ofd, truth), read_case(pdf, truth)
            try:
                got, want = _cells(read_report(ofd)), _cells(read_report(pdf))
                alike = sum(got.get(k) == want.get(k) for k in truth["cells"])
                value = sum((got.get(k) or ())[-1:] == (want.get(k) or ())[-1:] for k in truth["cells"])
            except Exception:  # a crash reads nothing alike
                alike = value = 0
            exact += d.total - len(d.wrong)
            pdf_exact += p.total - len(p.wrong)
            same += alike
            values += value
            total += d.total
            cells += len(truth["cells"])
            print(f"{pdf.name:60} ofd {d.total - len(d.wrong):3}/{d.total}  pdf {p.total - len(p.wrong):3}/{p.total}"
                  f"  as pdf {alike:3}/{len(truth['cells'])} (values {value:3})"
                  + (f"  error {d.error}" if d.error else ""), flush=True)
    print(f"cells exact: OFD {exact}/{total} = {100 * exact / max(total, 1):.2f} %; the PDFs {pdf_exact}/{total} = "
          f"{100 * pdf_exact / max(total, 1):.2f} %; OFD cells equal to the PDF's reading {same}/{cells} = "
          f"{100 * same / max(cells, 1):.2f} % (labels, raw and value; the values alone "
          f"{values}/{cells} = {100 * values / max(cells, 1):.2f} %)  (OFDs in {out})")
    return exact, pdf_exact, same, total


if __name__ == "__main__":
    import sys

    if sys.argv[1:2] == ["--measure"]:
        measure([Path(a) for a in sys.argv[2:]], Path(tempfile.mkdtemp(prefix="gongkai-easyofd-")))
    else:
        print(*build_committed(tuple(sys.argv[1:]) or COMMITTED), sep="\n")
