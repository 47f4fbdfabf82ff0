"""``make bench``: how fast reports are read and loaded, as medians over repeated runs (not a test).

    python -m pipeline.bench [PATH …] [--repeat N]

For every file (default: the committed fixtures) it times reading + extraction, and it times a whole
ingest of the files into a fresh SQLite database; it prints the median per file for each format, the
ratio of each format to plain text, and reports per second for the ingest. Scanned PDFs (no text layer:
read by OCR) are timed apart, once each: seconds of wall and CPU time per page (median) beside the load.
"""

from __future__ import annotations

import argparse
import os
import statistics
import tempfile
import time
from collections import defaultdict
from pathlib import Path

from extractors import read_report
from pipeline.db import connect
from pipeline.ingest import ingest, iter_files

DEFAULT = Path(__file__).resolve().parents[1] / "tests" / "fixtures"


def bench_read(files: list[Path], repeat: int) -> dict[str, list[float]]:
    times: dict[str, list[float]] = defaultdict(list)
    for path in files:
        samples = []
        for _ in range(repeat):
            start = time.perf_counter()
            read_report(path)
            samples.append(time.perf_counter() - start)
        times[path.suffix.lstrip(".") or "text"].append(statistics.median(samples))
    return times


def is_scan(path: Path) -> bool:
    """A PDF without a text layer: the OCR reader's input."""
    if path.suffix.lower() != ".pdf":
        return False
    import pdfplumber

    with pdfplumber.open(path) as pdf:
        return not any(page.chars for page in pdf.pages)


def bench_scans(files: list[Path]) -> tuple[list[float], list[float]]:
    """Wall and CPU seconds per page of each scanned file, read once (OCR is slow)."""
    wall, cpu = [], []
    for path in files:
        start, start_cpu = time.perf_counter(), time.process_time()
        report = read_report(path)
        pages = max(report.pages or 1, 1)
        wall.append((time.perf_counter() - start) / pages)
        cpu.append((time.process_time() - start_cpu) / pages)
    return wall, cpu


def bench_ingest(files: list[Path], repeat: int) -> list[float]:
    runs = []
    for _ in range(repeat):
        with tempfile.TemporaryDirectory() as tmp:
            engine = connect(str(Path(tmp) / "bench.sqlite"))
            start = time.perf_counter()
            ingest(files, engine)
            runs.append(time.perf_counter() - start)
            engine.dispose()
    return runs


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m pipeline.bench", description=__doc__.splitlines()[0])
    parser.add_argument("paths", nargs="*", default=[str(DEFAULT)])
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args(argv)
    files = list(iter_files(args.paths))
    scans = [f for f in files if is_scan(f)]
    files = [f for f in files if f not in scans]
    if not files and not scans:
        parser.error("no report files under " + ", ".join(args.paths))
    if files:
        read_report(files[0])  # warm-up: imports, the division table, jieba's dictionary
        times = bench_read(files, args.repeat)
        base = statistics.median(times["txt"]) if times.get("txt") else None
        print(f"read + extract, median of {args.repeat} runs per file:")
        for fmt, samples in sorted(times.items()):
            median = statistics.median(samples)
            ratio = f"  {median / base:5.1f}× text" if base else ""
            print(f"  {fmt:5} {len(samples):3} file(s)  median {median * 1000:7.1f} ms/file{ratio}")
        runs = bench_ingest(files, args.repeat)
        per_second = len(files) / statistics.median(runs)
        print(f"ingest into a fresh SQLite file: {len(files)} files, median {statistics.median(runs):.2f} s "
              f"({per_second:.1f} reports/s on this machine)")
    if scans:
        load = os.getloadavg()[0]
        wall, cpu = bench_scans(scans)
        print(f"scanned pdf (OCR, one worker): {len(scans)} file(s), median {statistics.median(wall):.1f} s/page "
              f"wall, {statistics.median(cpu):.1f} s/page CPU (load average {load:.1f} on {os.cpu_count()} cores)")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
