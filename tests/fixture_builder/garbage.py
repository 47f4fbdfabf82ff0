"""PDFs whose text layer is garbage while the page shows the report: the OCR reader must read the picture.

Made from our LibreOffice PDFs of two truths (the committed scans' truths, so the held-out scan set stays
untouched), one per kind of garbage (see extractors/readers/textlayer.py):

- ``rare-hejiang-2022.pdf``: every font's ToUnicode CMap rewritten so each glyph maps to a rare ideograph
  (CJK Extension A): the page looks right, its text reads as nonsense Chinese;
- ``pua-xuhui-2019-broken.pdf``: the ToUnicode CMaps map every glyph into the Private Use Area (U+E000 + code),
  as PDFs set in in-house fonts do;
- ``invisible-hejiang-2022.pdf``: pages 1 and 3 born-digital, page 2 a scan (tests/fixture_builder/scan.py)
  under an invisible text layer (render mode 3) of Latin nonsense, as a Latin-script OCR engine leaves.

``python -m tests.fixture_builder.garbage`` rewrites them under ``tests/fixtures/garbage/`` with their truth.
"""

from __future__ import annotations

import io
import random
import re
from pathlib import Path

from .scan import FIXTURES, scan_pdf

GARBAGE = FIXTURES / "garbage"
# fixture -> (source truth, kind)
KINDS = {"rare-hejiang-2022": ("hejiang-2022", "rare"), "pua-xuhui-2019-broken": ("xuhui-2019-broken", "pua"),
         "invisible-hejiang-2022": ("hejiang-2022", "invisible")}


def build() -> list[Path]:
    out = []
    for name, (source, kind) in KINDS.items():
        folder = GARBAGE / name
        folder.mkdir(parents=True, exist_ok=True)
        src = FIXTURES / source / f"{source}.pdf"
        target = folder / f"{name}.pdf"
        if kind == "invisible":
            invisible_layer(src, target, page=2, rng=random.Random(23))
        else:
            remap_tounicode(src, target, _rare if kind == "rare" else _pua)
        (folder / "truth.json").write_bytes((FIXTURES / source / "truth.json").read_bytes())
        out.append(target)
    return out


def _rare(code: int, char: int) -> int:
    return 0x3400 + (code * 37 + char) % 0x19B0  # CJK Extension A: none of it in GB 2312


def _pua(code: int, char: int) -> int:
    return 0xE000 + code


_PAIR = re.compile(r"<([0-9A-Fa-f]+)>\s*<([0-9A-Fa-f]+)>")
_RANGE = re.compile(r"<([0-9A-Fa-f]+)>\s*<([0-9A-Fa-f]+)>\s*<([0-9A-Fa-f]+)>")


def remap_tounicode(src: Path, out: Path, mapping) -> Path:
    """``src`` with every font's ToUnicode CMap rewritten: glyph code c, once mapped to code point u, maps to
    ``mapping(c, u)``. The glyphs drawn are unchanged."""
    from pypdf import PdfReader, PdfWriter
    from pypdf.generic import NameObject, StreamObject

    writer = PdfWriter(clone_from=PdfReader(str(src)))
    done: set[int] = set()
    for page in writer.pages:
        for font in page["/Resources"]["/Font"].values():
            font = font.get_object()
            cmap = font.get("/ToUnicode")
            if cmap is None or id(cmap.get_object()) in done:
                continue
            stream = cmap.get_object()
            done.add(id(stream))
            pairs = _cmap_pairs(stream.get_data().decode("latin-1"))
            body = "".join(f"<{c:02X}> <{mapping(c, u):04X}>\n" for c, u in pairs)
            data = (f"/CIDInit/ProcSet findresource begin\n12 dict begin\nbegincmap\n/CIDSystemInfo<<\n"
                    f"/Registry (Adobe)\n/Ordering (UCS)\n/Supplement 0\n>> def\n/CMapName/Adobe-Identity-UCS def\n"
                    f"/CMapType 2 def\n1 begincodespaceranges\n<00> <FF>\nendcodespaceranges\n"
                    f"{len(pairs)} beginbfchar\n{body}endbfchar\nendcmap\nCMapName currentdict /CMap defineresource "
                    f"pop\nend\nend\n").encode("latin-1")
            new = StreamObject()
            new.set_data(data)
            font[NameObject("/ToUnicode")] = writer._add_object(new)
    out.parent.mkdir(parents=True, exist_ok=True)
    with out.open("wb") as fh:
        writer.write(fh)
    return out


def _cmap_pairs(text: str) -> list[tuple[int, int]]:
    """(one-byte glyph code, code point) pairs of a simple font's ToUnicode CMap, bfchar and bfrange."""
    pairs = []
    for section in re.findall(r"beginbfchar(.*?)endbfchar", text, re.S):
        pairs += [(int(c, 16), int(u, 16)) for c, u in _PAIR.findall(section)]
    for section in re.findall(r"beginbfrange(.*?)endbfrange", text, re.S):
        for lo, hi, u in _RANGE.findall(section):
            pairs += [(c, int(u, 16) + c - int(lo, 16)) for c in range(int(lo, 16), int(hi, 16) + 1)]
    if any(c > 0xFF or u > 0xFFFF for c, u in pairs):
        raise ValueError("only one-byte codes and BMP code points are rewritten")
    return pairs


def invisible_layer(src: Path, out: Path, page: int, rng: random.Random) -> Path:
    """``src`` with page ``page`` replaced by a scan of itself under invisible Latin nonsense."""
    import tempfile

    from pypdf import PdfReader, PdfWriter
    from reportlab.lib.utils import ImageReader
    from reportlab.pdfgen import canvas

    with tempfile.TemporaryDirectory() as tmp:
        scanned = scan_pdf(src, Path(tmp) / "scan.pdf", rng, pages=[page], seal=False)
        import pypdfium2

        pdf = pypdfium2.PdfDocument(str(scanned))
        image = pdf[0].render(scale=150 / 72).to_pil().convert("L")  # the scan as it lies in the PDF
        width, height = pdf[0].get_size()
        pdf.close()
    buffer = io.BytesIO()
    image.save(buffer, "JPEG", quality=60)
    sheet = io.BytesIO()
    c = canvas.Canvas(sheet, pagesize=(width, height))
    c.drawImage(ImageReader(io.BytesIO(buffer.getvalue())), 0, 0, width, height)
    text = c.beginText()
    text.setTextRenderMode(3)  # invisible, as OCR layers are
    text.setFont("Helvetica", 10)
    letters = "aeilnorstuIlE1.,;:'-~^ffi"
    for y in range(int(height) - 60, 60, -18):
        text.setTextOrigin(54, y)
        text.textLine(" ".join("".join(rng.choice(letters) for _ in range(rng.randint(1, 6)))
                               for _ in range(rng.randint(4, 14))))
    c.drawText(text)
    c.showPage()
    c.save()
    reader, writer = PdfReader(str(src)), PdfWriter()
    for number, p in enumerate(reader.pages, start=1):
        writer.add_page(PdfReader(io.BytesIO(sheet.getvalue())).pages[0] if number == page else p)
    out.parent.mkdir(parents=True, exist_ok=True)
    with out.open("wb") as fh:
        writer.write(fh)
    return out


if __name__ == "__main__":
    for path in build():
        print(path, path.stat().st_size)
