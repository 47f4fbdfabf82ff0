"""Cell accuracy of the OCR reader on scans it was not tuned on (a report, not a test).

Every truth under tests/fixtures/ with a DOCX, except the committed scan fixtures' own (``scan.COMMITTED``), is
rendered DOCX → PDF (LibreOffice), made a scan with ``--seed`` (tests/fixture_builder/scan.py), read through
the full pipeline (``extractors.read_report``) and compared with its truth: template cells exact, region, year,
edition, and which wrong cells carry an ``ocr`` flag. ``--random N`` adds N reports drawn afresh from the seed
(tests/fixture_builder/randtruth.py: bodies of every level, figures of every size, zeros as 0, —, / or empty,
some deliberate misprints), printed and scanned as ``make bench`` does (pipeline.bench.stages.make_scans).

``python -m tests.fixture_builder.scan_accuracy --seed 2026 [--random 6 [--no-fixtures]] [--jobs 2] [--out DIR]``
"""

from __future__ import annotations

import argparse
import json
import random
import shutil
import statistics
import tempfile
import time
from concurrent.futures import ProcessPoolExecutor
from decimal import Decimal
from pathlib import Path

from .render_pdf import render_pdf
from .scan import COMMITTED, FIXTURES, scan_pdf


def measure(name: str, seed: int, out: Path) -> dict:
    """A committed fixture's DOCX printed, scanned with ``seed`` and read: see :func:`measure_scan`."""
    folder = FIXTURES / name
    truth = json.loads((folder / "truth.json").read_text(encoding="utf-8"))
    work = out / name
    work.mkdir(parents=True, exist_ok=True)
    shutil.copyfile(folder / f"{name}.docx", work / f"{name}.docx")
    pdf = render_pdf(work / f"{name}.docx")
    scan = scan_pdf(pdf, work / f"{name}-scan.pdf", random.Random(f"{seed}:{name}"))
    return measure_scan(name, scan, truth)


def measure_scan(name: str, scan: Path, truth: dict) -> dict:
    """One scan read through the full pipeline against its truth: pages, cells, the wrong ones
    (key -> [truth, read, raw text]), which of them and which right ones carry an ``ocr`` flag, region/year/
    edition right, CPU and wall seconds per page."""
    from extractors import read_report

    start, cpu = time.time(), time.process_time()
    report = read_report(scan)
    wall, cpu = time.time() - start, time.process_time() - cpu
    values = report.values()
    wrong = {k: [v, str(values.get(k)), report.cell(k).raw if report.cell(k) else None]
             for k, v in truth["cells"].items() if (None if v is None else Decimal(str(v))) != values.get(k)}
    flagged = {f.key for f in report.flags if f.kind == "ocr"}
    return {"name": name, "pages": report.pages, "cells": len(truth["cells"]), "wrong": wrong,
            "wrong_flagged": sorted(set(wrong) & flagged), "right_flagged": sorted(flagged - set(wrong)),
            "identity_ok": [report.region, report.year, report.edition] == [truth["region"], truth["year"],
                                                                           truth["edition"]],
            "cpu_per_page": cpu / max(report.pages or 1, 1), "wall_per_page": wall / max(report.pages or 1, 1)}


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--seed", type=int, required=True)
    ap.add_argument("--random", type=int, default=0, metavar="N", help="N fresh random reports besides")
    ap.add_argument("--no-fixtures", action="store_true", help="only the --random reports")
    ap.add_argument("--jobs", type=int, default=2)
    ap.add_argument("--out", type=Path, default=None)
    ap.add_argument("names", nargs="*")
    args = ap.parse_args()
    names = args.names or sorted(p.parent.name for p in FIXTURES.glob("*/*.docx")
                                 if p.parent.name not in COMMITTED and (p.parent / "truth.json").exists())
    names = [] if args.no_fixtures else names
    out = args.out or Path(tempfile.mkdtemp(prefix="gongkai-scans-"))
    drawn = []
    if args.random:
        from pipeline.bench.stages import make_scans

        drawn = make_scans(out / "random", args.random, args.seed)
    with ProcessPoolExecutor(args.jobs) as pool:
        results = list(pool.map(measure, names, [args.seed] * len(names), [out] * len(names)))
        results += list(pool.map(measure_scan, [d.truth["name"] for d in drawn], [d.path for d in drawn],
                                 [d.truth for d in drawn]))
    cells = sum(r["cells"] for r in results)
    wrong = sum(len(r["wrong"]) for r in results)
    for r in results:
        print(f"{r['name']:24} pages {r['pages']}  wrong {len(r['wrong']):3}/{r['cells']}  flagged wrong "
              f"{len(r['wrong_flagged'])}  flagged right {len(r['right_flagged'])}  region/year/edition "
              f"{'ok' if r['identity_ok'] else 'WRONG'}  cpu/page {r['cpu_per_page']:.1f}s  "
              f"wall/page {r['wall_per_page']:.1f}s")
        for key, (want, got, raw) in r["wrong"].items():
            print(f"    {key}: truth {want}, read {got} from {raw!r}")
    print(f"cells exact: {cells - wrong}/{cells} = {100 * (cells - wrong) / cells:.2f} %  (seed {args.seed}, "
          f"scans in {out})")
    print(f"median cpu s/page {statistics.median(r['cpu_per_page'] for r in results):.1f}")


if __name__ == "__main__":
    main()
