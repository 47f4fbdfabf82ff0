"""Read the generated files back and compare them with the truths: ``python -m tests.fixture_builder.verify``.

DOCX: every figure cell (python-docx resolves merges), and that merges are real (gridSpan / vMerge).
HTML: decoded with its declared charset, rowspan/colspan expanded, every figure cell.
PDF: size, page count, the title and every printed figure of the appeals row found by pdftotext.
"""

from __future__ import annotations

import re
import subprocess
import sys

from bs4 import BeautifulSoup
from docx import Document

from .build import ED2021_LABELS, FIXTURES, STYLES
from .layout import grids
from .truth import TRUTHS_DIR, load_truth

PDF_LIMIT = 200_000


def _expand(table) -> dict[tuple[int, int], str]:
    grid: dict[tuple[int, int], str] = {}
    for r, tr in enumerate(table.find_all("tr")):
        c = 0
        for td in tr.find_all(["td", "th"]):
            while (r, c) in grid:
                c += 1
            rs, cs = int(td.get("rowspan", 1)), int(td.get("colspan", 1))
            text = td.get_text("", strip=True).replace("\xa0", "")
            for i in range(rs):
                for j in range(cs):
                    grid[(r + i, c + j)] = text
            c += cs
    return grid


def verify(name: str) -> list[str]:
    truth = load_truth(TRUTHS_DIR / f"{name}.json")
    style = dict(STYLES.get(name, {}))
    if truth["edition"] == "ed2021":
        style["labels"] = {**ED2021_LABELS, **style.get("labels", {})}
    expected = grids(truth, style.get("labels"))
    errors: list[str] = []
    d = FIXTURES / name

    doc = Document(d / f"{name}.docx")
    xml = doc.element.xml
    if "w:gridSpan" not in xml or "w:vMerge" not in xml:
        errors.append("docx: no real merges")
    for table, grid in zip(doc.tables, expected.values()):
        for cell in grid.cells:
            got = table.cell(cell.row, cell.col).text
            if got != cell.text:
                errors.append(f"docx {grid.name} {cell.row},{cell.col}: {got!r} != {cell.text!r}")

    raw = (d / f"{name}.html").read_bytes()
    charset = re.search(rb'<meta charset="([^"]+)"', raw).group(1).decode()
    soup = BeautifulSoup(raw.decode(charset), "html.parser")
    for table, grid in zip(soup.find_all("table"), expected.values()):
        got = _expand(table)
        for cell in grid.cells:
            if got.get((cell.row, cell.col)) != cell.text:
                errors.append(f"html {grid.name} {cell.row},{cell.col}: {got.get((cell.row, cell.col))!r}")

    pdf = d / f"{name}.pdf"
    if pdf.stat().st_size > PDF_LIMIT:
        errors.append(f"pdf: {pdf.stat().st_size} bytes")
    text = subprocess.run(["pdftotext", "-layout", str(pdf), "-"], capture_output=True, text=True).stdout
    flat = re.sub(r"\s+", "", text)
    if re.sub(r"\s+", "", truth["title"]) not in flat:
        errors.append("pdf: title not found")
    appeals = [c.text for c in expected["appeals"].cells if c.key]
    if not re.search(r"\s+".join(map(re.escape, appeals)), text):
        errors.append("pdf: appeals figures not found in one line")
    return errors


def main() -> int:
    bad = 0
    for path in sorted(TRUTHS_DIR.glob("*.json")):
        errors = verify(path.stem)
        bad += bool(errors)
        print(f"{path.stem}: {'ok' if not errors else ''}")
        for e in errors[:20]:
            print("   ", e)
    return 1 if bad else 0


if __name__ == "__main__":
    sys.exit(main())
