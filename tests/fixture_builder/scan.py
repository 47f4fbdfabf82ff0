"""Born-digital PDFs made to look scanned: what a printed, stamped report looks like after a scanner or a phone.

Each page is rasterised (pypdfium2) at 150–200 dpi, a red seal stamped over the signature (the last page's
last lines) on some, the paper tinted grey or yellowish, the page tilted 0.3–1.5° either way, blurred, given
sensor noise, JPEG-compressed, and packed as an image-only PDF (Pillow). All choices come from ``rng``.

``python -m tests.fixture_builder.scan IN.pdf OUT.pdf --seed N [--pages 2,3]`` makes one;
``python -m tests.fixture_builder.scan --committed`` rewrites the committed ones (``COMMITTED``) under
``tests/fixtures/scans/<name>/`` with their truth.
"""

from __future__ import annotations

import argparse
import math
import random
from pathlib import Path

import numpy as np
import pypdfium2
from PIL import Image, ImageChops, ImageDraw, ImageFilter, ImageFont

FONT = "/usr/share/fonts/truetype/wqy/wqy-zenhei.ttc"
FIXTURES = Path(__file__).resolve().parents[1] / "fixtures"
SCANS = FIXTURES / "scans"
# fixture -> (seed, seal): one of each edition; one stamped, one tinted without a seal
COMMITTED = {"hejiang-2022": (11, False), "xuhui-2019-broken": (12, True)}


def build_committed() -> list[Path]:
    out = []
    for name, (seed, seal) in COMMITTED.items():
        folder = SCANS / name
        out.append(scan_pdf(FIXTURES / name / f"{name}.pdf", folder / f"{name}-scan.pdf", random.Random(seed),
                            seal=seal))
        (folder / "truth.json").write_bytes((FIXTURES / name / "truth.json").read_bytes())
    return out


def scan_pdf(src: Path, out: Path, rng: random.Random, pages: list[int] | None = None,
             seal: bool | None = None) -> Path:
    """``src`` (pages 1-based, all by default) as an image-only PDF at ``out``; returns ``out``."""
    pdf = pypdfium2.PdfDocument(str(src))
    numbers = pages or list(range(1, len(pdf) + 1))
    dpi = rng.choice([150, 170, 200])
    colour = rng.random() < 0.5  # a colour scan, else greyscale (smaller)
    seal = rng.random() < 0.5 if seal is None else seal
    tint = rng.choice([(255, 255, 255), (236, 236, 236), (246, 240, 222), (232, 238, 240)])
    quality = rng.randint(45, 70)
    images = []
    for number in numbers:
        img = pdf[number - 1].render(scale=dpi / 72).to_pil().convert("RGB")
        if seal and number == numbers[-1]:
            _stamp(img, dpi, rng)
        aged = _age(img, dpi, tint, rng)
        images.append(aged if colour else aged.convert("L"))
    pdf.close()
    out.parent.mkdir(parents=True, exist_ok=True)
    images[0].save(out, "PDF", save_all=True, append_images=images[1:], resolution=dpi, quality=quality)
    return out


def _stamp(img: Image.Image, dpi: int, rng: random.Random) -> None:
    """A red round seal (ring, star, arced text) over the lowest text on the page, where the signature is."""
    grey = np.asarray(img.convert("L"))
    rows = np.where((grey < 128).sum(axis=1) > 3)[0]
    cy = int(rows[-1]) if len(rows) else img.height * 3 // 4
    cx = int(img.width * rng.uniform(0.6, 0.75))
    r = int(dpi * rng.uniform(0.75, 0.85))
    layer = Image.new("RGB", img.size, (255, 255, 255))
    draw = ImageDraw.Draw(layer)
    red = (rng.randint(200, 235), rng.randint(20, 50), rng.randint(30, 60))
    draw.ellipse((cx - r, cy - r, cx + r, cy + r), outline=red, width=max(3, dpi // 40))
    star = [(cx + r * 0.3 * math.cos(math.pi / 2 + i * 4 * math.pi / 5),
             cy - r * 0.3 * math.sin(math.pi / 2 + i * 4 * math.pi / 5)) for i in range(5)]
    draw.polygon(star, fill=red)
    font = ImageFont.truetype(FONT, int(r * 0.28))
    text = "人民政府办公室"
    for i, ch in enumerate(text):
        angle = math.pi * (1.15 - 1.3 * i / (len(text) - 1))
        x, y = cx + r * 0.72 * math.cos(angle), cy - r * 0.72 * math.sin(angle)
        draw.text((x, y), ch, font=font, fill=red, anchor="mm")
    # inks subtract: black print under the seal stays black (multiply), as on paper; an opaque overlay would
    # erase the print under it, which no stamp does
    img.paste(ImageChops.multiply(img, layer))


def _age(img: Image.Image, dpi: int, tint: tuple[int, int, int], rng: random.Random) -> Image.Image:
    arr = np.asarray(img).astype(np.float32) / 255.0
    arr = arr * np.array(tint, dtype=np.float32)  # ink stays dark, paper takes the tint
    arr += np.random.default_rng(rng.randrange(2**32)).normal(0, rng.uniform(1.5, 4), arr.shape)
    img = Image.fromarray(np.clip(arr, 0, 255).astype(np.uint8))
    angle = rng.uniform(0.3, 1.5) * rng.choice([-1, 1])
    img = img.rotate(angle, resample=Image.BICUBIC, expand=False, fillcolor=tint)
    img = img.filter(ImageFilter.GaussianBlur(rng.uniform(0.4, 0.9)))
    return img


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("src", type=Path, nargs="?")
    ap.add_argument("out", type=Path, nargs="?")
    ap.add_argument("--committed", action="store_true")
    ap.add_argument("--seed", type=int, default=0)
    ap.add_argument("--pages", default="")
    args = ap.parse_args()
    if args.committed:
        print(*build_committed(), sep="\n")
        return
    pages = [int(p) for p in args.pages.split(",") if p]
    print(scan_pdf(args.src, args.out, random.Random(args.seed), pages or None))


if __name__ == "__main__":
    main()
