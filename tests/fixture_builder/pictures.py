"""A report whose table 四 (appeals) is pasted as a picture, in DOCX, PDF and HTML.

From hejiang-2022 (a committed scan's truth, so the held-out scan set stays untouched): table 四 is cut out of
its LibreOffice PDF at 150 dpi as ``table.png``; the DOCX gets that picture where the table stood (python-docx,
shown at the table's width); the PDF is that DOCX through LibreOffice (the picture embedded as an image
object); the HTML page is the fixture's page with ``<img src="table.png">`` for the table, the PNG beside it.
The truth is hejiang-2022's.

A second fixture, ``hejiang-2022-borderless-picture`` (DOCX and PDF), pastes table 四 of the borderless rendering
(hejiang-2022-borderless.pdf: no ruling lines, the columns only aligned text) as ``table.png`` the same way, and
adds two pictures that are no table: a red seal (``seal.png``, under the signature) and a photo-like picture
(``photo.jpg``: smooth colour fields, shapes and sensor noise, in section 一), which the reader must not OCR.

``python -m tests.fixture_builder.pictures`` rewrites ``tests/fixtures/pictures/hejiang-2022-picture/`` and
``tests/fixtures/pictures/hejiang-2022-borderless-picture/``; ``… --measure NAME:TABLE …`` makes such borderless
picture reports from other fixtures (``borderless-2019:proactive``) in a temporary folder and scores them.
"""

from __future__ import annotations

import random
import re
import shutil
from pathlib import Path

import numpy as np

from .render_pdf import render_pdf
from .scan import FIXTURES

SOURCE = "hejiang-2022"
NAME = "hejiang-2022-picture"
FOLDER = FIXTURES / "pictures" / NAME
DPI = 150
BORDERLESS = "hejiang-2022-borderless"
BORDERLESS_NAME = "hejiang-2022-borderless-picture"
BORDERLESS_FOLDER = FIXTURES / "pictures" / BORDERLESS_NAME
FONT = "/usr/share/fonts/truetype/wqy/wqy-zenhei.ttc"


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


# a table's picture is cut between its section heading and the next; the DOCX table it replaces is found by text
TABLES = {"proactive": ("二、主动公开", "三、收到和处理", "信息内容"),
          "appeals": ("四、政府信息公开行政复议", "五、", "行政复议")}


def build_borderless() -> list[Path]:
    """hejiang-2022's DOCX with table 四 as a picture of its borderless rendering, a seal and a photo; its PDF."""
    return borderless_picture(FIXTURES / BORDERLESS / f"{BORDERLESS}.pdf", FIXTURES / SOURCE / f"{SOURCE}.docx",
                              FIXTURES / SOURCE / "truth.json", BORDERLESS_FOLDER, BORDERLESS_NAME, "appeals")


def borderless_picture(pdf_src: Path, docx_src: Path, truth: Path, folder: Path, name: str,
                       table: str) -> list[Path]:
    """``docx_src`` with its ``table`` (a key of TABLES) replaced by that table cut out of ``pdf_src`` (a
    borderless rendering) as a PNG, a photo-like picture after heading 一 and a seal at the end; its PDF."""
    import docx
    import pdfplumber
    from docx.shared import Inches, Pt

    first_heading, next_heading, label = TABLES[table]
    folder.mkdir(parents=True, exist_ok=True)
    with pdfplumber.open(pdf_src) as pdf:
        for page in pdf.pages:
            lines = page.extract_text_lines()
            start = next((ln for ln in lines if ln["text"].startswith(first_heading)), None)
            end = next((ln for ln in lines if ln["text"].startswith(next_heading)), None)
            if start and end and start["top"] < end["top"]:
                break
        else:
            raise ValueError(f"{pdf_src}: table {table} is not on one page")
        words = [w for w in page.extract_words() if start["bottom"] < w["top"] and w["bottom"] < end["top"]]
        box = (min(w["x0"] for w in words) - 6, min(w["top"] for w in words) - 6,
               max(w["x1"] for w in words) + 6, max(w["bottom"] for w in words) + 6)
        png = folder / "table.png"
        page.crop(box).to_image(resolution=DPI).original.convert("L").save(png, dpi=(DPI, DPI), optimize=True)
    seal, photo = _seal(folder / "seal.png"), _photo(folder / "photo.jpg", random.Random(2026))
    document = docx.Document(str(docx_src))
    element = next(t for t in document.tables if any(label in c.text for c in t.rows[0].cells))._tbl
    holder = document.add_paragraph()
    holder.add_run().add_picture(str(png), width=Pt(box[2] - box[0]))
    element.addprevious(holder._p)
    element.getparent().remove(element)
    first = next(p for p in document.paragraphs if p.text.startswith("一、"))
    shown = document.add_paragraph()
    shown.add_run().add_picture(str(photo), width=Inches(3.2))
    first._p.addnext(shown._p)
    document.add_paragraph().add_run().add_picture(str(seal), width=Inches(1.6))  # under the signature
    out_docx = folder / f"{name}.docx"
    document.save(str(out_docx))
    pdf_path = render_pdf(out_docx)
    shutil.copyfile(truth, folder / "truth.json")
    return [png, seal, photo, out_docx, pdf_path]


def measure(specs: list[str], out: Path) -> None:
    """``NAME:TABLE`` specs (a fixture folder with a borderless PDF, its DOCX and truth; a key of TABLES) made
    into borderless-picture reports under ``out`` and read: template cells exact against the truth."""
    import json

    from .accuracy import read_case

    exact = total = 0
    for spec in specs:
        name, table = spec.split(":")
        src = next(p.parent for p in sorted(FIXTURES.rglob(f"{name}.docx"), key=lambda p: len(p.parts)))
        folder = out / f"{name}-{table}"
        try:
            files = borderless_picture(src / f"{name}.pdf", src / f"{name}.docx", src / "truth.json", folder,
                                       f"{name}-{table}-picture", table)
        except ValueError as exc:  # a table cut by a page break is not cropped as one picture
            print(f"{spec}: skipped, {exc}")
            continue
        truth = json.loads((src / "truth.json").read_text(encoding="utf-8"))
        for path in files[3:]:
            d = read_case(path, truth)
            exact, total = exact + d.total - len(d.wrong), total + d.total
            print(f"{path.name:48} {d.total - len(d.wrong)}/{d.total}", *sorted(d.wrong.items())[:6])
    print(f"cells exact: {exact}/{total} = {100 * exact / max(total, 1):.2f} %  (in {out})")


def _seal(out: Path) -> Path:
    """A red official seal (公章): a ring, a star, the issuer's name around the upper arc."""
    import math

    from PIL import Image, ImageDraw, ImageFont

    size = 320
    img = Image.new("RGB", (size, size), "white")
    draw = ImageDraw.Draw(img)
    red = (214, 30, 36)
    draw.ellipse((8, 8, size - 8, size - 8), outline=red, width=12)
    c, r = size / 2, 38
    star = [(c + (r if i % 2 == 0 else r * 0.38) * math.sin(math.pi * i / 5),
             c - (r if i % 2 == 0 else r * 0.38) * math.cos(math.pi * i / 5)) for i in range(10)]
    draw.polygon(star, fill=red)
    font = ImageFont.truetype(FONT, 34)
    text = "合江县人民政府办公室"
    for i, ch in enumerate(text):
        angle = math.radians(-120 + 240 * i / (len(text) - 1))
        glyph = Image.new("L", (40, 40), 0)
        ImageDraw.Draw(glyph).text((3, 0), ch, fill=255, font=font)
        glyph = glyph.rotate(-math.degrees(angle), resample=Image.BICUBIC)
        x, y = c + 112 * math.sin(angle) - 20, c - 112 * math.cos(angle) - 20
        img.paste(Image.new("RGB", (40, 40), red), (int(x), int(y)), glyph)
    draw.text((c - 68, c + 60), "信息公开专用章", fill=red, font=ImageFont.truetype(FONT, 20))
    img.save(out, dpi=(200, 200), optimize=True)
    return out


def _photo(out: Path, rng: random.Random) -> Path:
    """A photo-like picture (a building under a sky): smooth colour gradients, a few shapes, sensor noise, JPEG."""
    from PIL import Image, ImageDraw, ImageFilter

    w, h = 640, 420
    y = np.linspace(0, 1, h)[:, None]
    sky = np.dstack([90 + 80 * y, 140 + 70 * y, 210 + 20 * y]) * np.ones((1, w, 1))
    img = Image.fromarray(np.clip(sky, 0, 255).astype(np.uint8))
    draw = ImageDraw.Draw(img)
    draw.rectangle((0, 300, w, h), fill=(86, 120, 60))
    for _ in range(6):
        x0 = rng.randrange(0, w - 120)
        top = rng.randrange(80, 220)
        draw.rectangle((x0, top, x0 + rng.randrange(60, 140), 310), fill=tuple(rng.randrange(90, 200)
                                                                             for _ in range(3)))
        for wy in range(top + 12, 300, 22):
            for wx in range(x0 + 8, x0 + 50, 16):
                draw.rectangle((wx, wy, wx + 8, wy + 10), fill=(60, 70, 90))
    for _ in range(8):
        cx, cy = rng.randrange(0, w), rng.randrange(280, h)
        draw.ellipse((cx - 30, cy - 40, cx + 30, cy + 20), fill=(40, rng.randrange(90, 140), 40))
    img = img.filter(ImageFilter.GaussianBlur(1.6))
    noise = np.random.default_rng(rng.randrange(1 << 30)).normal(0, 7, (h, w, 3))
    img = Image.fromarray(np.clip(np.asarray(img, dtype=float) + noise, 0, 255).astype(np.uint8))
    img.save(out, quality=80, dpi=(200, 200))
    return out


if __name__ == "__main__":
    import sys
    import tempfile

    if sys.argv[1:2] == ["--measure"]:
        measure(sys.argv[2:], Path(tempfile.mkdtemp(prefix="gongkai-pictures-")))
    else:
        for path in build() + build_borderless():
            print(path, path.stat().st_size)
