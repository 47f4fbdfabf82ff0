"""``make fuzz``: the fuzz properties (tests/fuzz_properties.py) run at least 10^5 times in all, with a report
of the examples run per property, failures, and the slowest inputs; then the timing of the inputs that once
stalled a batch (issue 12): 16,000 ASCII letters/digits/hyphens, a 93 KB page of them, and a 2,000-page PDF.

    python -m tests.fuzz_report [--examples N] [--pdf-pages P] [--seed S]

A report, not a test: the figures depend on the machine. Exit status 1 when a property failed.
"""

from __future__ import annotations

import argparse
import heapq
import io
import random
import sys
import tempfile
import time
from pathlib import Path

from hypothesis import HealthCheck, given, seed, settings

from tests.fuzz_properties import PROPERTIES

ROOT = Path(__file__).resolve().parents[1]
PDF = ROOT / "tests" / "fixtures" / "hejiang-2022" / "hejiang-2022.pdf"


def fuzz(name: str, examples: int, seed_value: int, keep: int = 3) -> tuple[int, float, list, str | None]:
    """(examples run, seconds, the ``keep`` slowest (seconds, input), the failure or None)."""
    strategy, check = PROPERTIES[name]
    slowest: list[tuple[float, int, str]] = []
    count = [0]

    @seed(seed_value)
    @settings(max_examples=examples, deadline=None, database=None, derandomize=False,
              suppress_health_check=list(HealthCheck))
    @given(strategy)
    def run(value):
        start = time.perf_counter()
        try:
            check(value)
        finally:
            spent = time.perf_counter() - start
            count[0] += 1
            item = (spent, count[0], repr(value)[:120])
            (heapq.heappush if len(slowest) < keep else heapq.heappushpop)(slowest, item)

    start = time.perf_counter()
    failure = None
    try:
        run()
    except Exception as exc:  # a property that failed: Hypothesis has shrunk it; say which input
        notes = " ".join(getattr(exc, "__notes__", []))  # Hypothesis' "Falsifying example: …"
        failure = f"{type(exc).__name__}: {exc} {notes}".replace("\n", " ")[:300]
    return count[0], time.perf_counter() - start, sorted(slowest, reverse=True), failure


def _timed(what: str, fn) -> None:
    start = time.perf_counter()
    try:
        result = fn()
    except Exception as exc:
        result = f"{type(exc).__name__}: {exc}".splitlines()[0]
    print(f"  {what:58} {time.perf_counter() - start:8.2f} s   {str(result)[:70]}")


def _ascii_run(n: int, rng: random.Random) -> str:
    return "".join(rng.choice("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789-") for _ in range(n))


def _many_page_pdf(pages: int, folder: Path) -> Path:
    from pypdf import PdfReader, PdfWriter

    source = PdfReader(PDF)
    writer = PdfWriter()
    while len(writer.pages) < pages:
        for page in source.pages[: pages - len(writer.pages)]:
            writer.add_page(page)
    path = folder / f"many-{pages}.pdf"
    out = io.BytesIO()
    writer.write(out)
    path.write_bytes(out.getvalue())
    return path


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--examples", type=int, default=20_000, help="per property (default 20000: 120000 in all)")
    parser.add_argument("--pdf-pages", type=int, default=2000, help="pages of the many-page PDF (0: skip it)")
    parser.add_argument("--seed", type=int, default=12)
    args = parser.parse_args(argv)

    from extractors import read_document, read_report
    from extractors.quantities import find_quantities

    total, failed = 0, 0
    print(f"fuzz: {len(PROPERTIES)} properties × {args.examples} examples, seed {args.seed}")
    for name in PROPERTIES:
        n, seconds, slowest, failure = fuzz(name, args.examples, args.seed)
        total += n
        failed += failure is not None
        print(f"{name:28} {n:7} examples {seconds:7.1f} s  {'FAILED ' + failure if failure else 'ok'}")
        for spent, _i, text in slowest:
            print(f"    {spent * 1000:8.2f} ms  {text}")
    print(f"total: {total} examples, {failed} propert{'y' if failed == 1 else 'ies'} failed")

    rng = random.Random(args.seed)
    read_report(ROOT / "tests" / "fixtures" / "baoshan-2020-text" / "baoshan-2020-report.txt")  # warm: jieba, tables
    print("timed inputs (issue 12's stalls):")
    run16k = _ascii_run(16_000, rng)
    _timed("find_quantities: 16,000 ASCII letters/digits/hyphens", lambda: len(find_quantities(run16k)))
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        words = [_ascii_run(rng.randint(200, 4000), rng) for _ in range(40)]
        body = "".join(f"<p>2022年共受理申请{rng.randint(1, 999)}件。{w}</p>\n" for w in words)
        page = f"<html><head><meta charset='utf-8'></head><body><h1>2022年政府信息公开工作年度报告</h1>{body}"
        page = page[: 93 * 1024] if len(page) > 93 * 1024 else page + "<p>" + _ascii_run(93 * 1024 - len(page), rng)
        (folder / "page.html").write_text(page, encoding="utf-8")
        size = (folder / "page.html").stat().st_size
        _timed(f"read_report: a {size // 1024} KB page of ASCII runs", lambda: read_report(folder / "page.html").format)
        if args.pdf_pages:
            pdf = _many_page_pdf(args.pdf_pages, folder)
            _timed(f"read_document: a {args.pdf_pages}-page PDF ({pdf.stat().st_size // 1024} KB)",
                   lambda: f"{read_document(pdf).pages} pages")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
