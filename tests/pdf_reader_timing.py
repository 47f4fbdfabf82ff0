"""A report, not a test: CPU time of the PDF reader (file bytes to Document) per report, pdfplumber's parser
against PDFium, on the committed born-digital PDF fixtures, in one run.

    .venv/bin/python -m tests.pdf_reader_timing [--repeat 3]

Both sources read each file in turn (interleaved, so load on a shared machine falls on both alike); a file's
time is its best of ``--repeat``; the table gives the median and mean over files, and the ratio.
"""

from __future__ import annotations

import argparse
import statistics
import time
from pathlib import Path

from extractors.readers import pdf

FIXTURES = Path(__file__).parent / "fixtures"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args()
    files = sorted(p for p in FIXTURES.rglob("*.pdf") if "scans" not in p.parts)
    best: dict[str, list[float]] = {source: [] for source in pdf.CHAR_SOURCES}
    pages = 0
    for path in files:
        data = path.read_bytes()
        times: dict[str, list[float]] = {source: [] for source in pdf.CHAR_SOURCES}
        for _ in range(args.repeat):
            for source in pdf.CHAR_SOURCES:
                start = time.process_time()
                document = pdf.read(path, data, chars=source)
                times[source].append(time.process_time() - start)
        pages += document.pages or 0
        for source in pdf.CHAR_SOURCES:
            best[source].append(min(times[source]) * 1000)
    print(f"{len(files)} PDF reports ({pages / len(files):.1f} pages each), best of {args.repeat}, CPU ms/report")
    print(f"{'source':<12}{'median':>10}{'mean':>10}")
    for source in pdf.CHAR_SOURCES:
        print(f"{source:<12}{statistics.median(best[source]):>10.1f}{statistics.mean(best[source]):>10.1f}")
    old, new = (statistics.median(best[s]) for s in ("pdfplumber", "pdfium"))
    print(f"pdfium / pdfplumber (median): {new / old:.2f}")


if __name__ == "__main__":
    main()
