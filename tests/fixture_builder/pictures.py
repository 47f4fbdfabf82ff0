"""A report whose table 四 (appeals) is pasted as a picture, in DOCX, PDF and HTML.

From hejiang-2022 (a committed scan's truth, so the held-out scan set stays untouched): table 四 is cut out of
its LibreOffice PDF at 150 dpi as ``table.png``; the DOCX gets that picture where the table stood (python-docx,
shown at the table's width); the PDF is that DOCX through LibreOffice (the picture embedded as an image
object); the HTML page is the fixture's page with ``<img src="table.png">`` for the table, the PNG beside it.
The truth is hejiang-2022's.

``python -m tests.fixture_builder.pictures`` rewrites ``tests/fixtures/pictures/hejiang-2022-picture/``.
"""

from __future__ import annotations

import re
import shutil
from pathlib import Path

from .render_pdf import render_pdf
from .scan import FIXTURES

SOURCE = "hejiang-2022"
NAME = "hejiang-2022-picture"
FOLDER = FIXTURES / "pictures" / NAME
DPI = 150


def build() -> list[Path]:
    import docx
    import pdfplumber
    from docx.shared import Pt

    FOLDER.mkdir(parents=True, exist_ok=True)
    src = FIXTURES / SOURCE
    with pdfplumber.open(src / f"{SOURCE}.pdf") as pdf:
        page = next(p for p in pdf.pages if any("行政复议" in (t.extract()[0][0] or "") for t in p.find_tables()))
        table = next(t for t in page.find_tables() if "行政复议" in (t.extract()[0][0] or ""))
        x0, top, x1, bottom = table.bbox
        box = (x0 - 3, top - 3, x1 + 3, bottom + 3)
        png = FOLDER / "table.png"
        page.crop(box).to_image(resolution=DPI).original.convert("L").save(png, dpi=(DPI, DPI), optimize=True)
    document = docx.Document(str(src / f"{SOURCE}.docx"))
    element = document.tables[2]._tbl
    holder = document.add_paragraph()
    holder.add_run().add_picture(str(png), width=Pt(box[2] - box[0]))
    element.addprevious(holder._p)
    element.getparent().remove(element)
    out_docx = FOLDER / f"{NAME}.docx"
    document.save(str(out_docx))
    pdf_path = render_pdf(out_docx)
    html = (src / f"{SOURCE}.html").read_text(encoding="gbk")  # a GBK page, as many portals serve
    html = re.sub(r'<table class="appeals".*?</table>', '<p><img src="table.png" alt="行政复议、行政诉讼情况"></p>',
                  html, flags=re.S)
    (FOLDER / f"{NAME}.html").write_text(html, encoding="gbk")
    shutil.copyfile(src / "truth.json", FOLDER / "truth.json")
    return [png, out_docx, pdf_path, FOLDER / f"{NAME}.html"]


if __name__ == "__main__":
    for path in build():
        print(path, path.stat().st_size)
