"""How the borderless assembly reads tables that lost their rulings: every wrong template cell, listed.

``python -m tests.fixture_builder.unruled DIR… [--ofd]`` reads every PDF beside a ``truth.json`` under the DIRs
(e.g. a fresh ``tests.fixture_builder.variants --seed N --out DIR`` set) three ways and scores its template
cells against the truth:

* ``pdf``: the file as it is;
* ``unruled``: the same PDF read with its rulings ignored (:func:`rulings_ignored`), so that its tables come
  back through the real borderless path of the PDF reader;
* ``ofd`` (with ``--ofd``): easyofd's OFD rendering (:mod:`.ofd`; easyofd must be importable).

Printed: one line per file, the totals per way, then every wrong cell as
``way<TAB>file<TAB>key<TAB>truth<TAB>read``.
"""

from __future__ import annotations

import contextlib
import json
import sys
import tempfile
from pathlib import Path


@contextlib.contextmanager
def rulings_ignored():
    """While open, the PDF reader finds no ruled table on any page: every table is read through the borderless
    assembly from the same words. (Rewriting the PDF without its path objects would be closer to a real file,
    but PDFium's content regeneration re-encodes reportlab's subset fonts: their pages come back garbled.)"""
    from extractors.readers import pdf

    found, rules = pdf.find_ruled_tables, pdf.row_rules
    pdf.find_ruled_tables = lambda page: []
    pdf.row_rules = lambda page, boxes: []  # no rule between rows either
    try:
        yield
    finally:
        pdf.find_ruled_tables, pdf.row_rules = found, rules


def main(argv: list[str]) -> None:
    from .accuracy import read_case

    with_ofd = "--ofd" in argv
    dirs = [Path(a) for a in argv if a != "--ofd"]
    scratch = Path(tempfile.mkdtemp(prefix="gongkai-unruled-"))
    ways = ("pdf", "unruled") + (("ofd",) if with_ofd else ())
    exact = dict.fromkeys(ways, 0)
    total = 0
    wrong: list[tuple] = []
    for truth_file in sorted(t for d in dirs for t in d.rglob("truth.json")):
        truth = json.loads(truth_file.read_text(encoding="utf-8"))
        for pdf in sorted(truth_file.parent.glob("*.pdf")):
            paths = {"pdf": pdf, "unruled": pdf}
            if with_ofd:
                from .ofd import pdf_to_ofd

                paths["ofd"] = pdf_to_ofd(pdf, scratch / f"{pdf.stem}.ofd")
            line = f"{pdf.name:60}"
            for way, path in paths.items():
                with rulings_ignored() if way == "unruled" else contextlib.nullcontext():
                    d = read_case(path, truth)
                exact[way] += d.total - len(d.wrong)
                line += f"  {way} {d.total - len(d.wrong):3}/{d.total}" + (f" ({d.error})" if d.error else "")
                wrong += [(way, pdf.name, k, w, g) for k, (w, g) in d.wrong.items()]
            total += d.total
            print(line, flush=True)
    print("cells exact: " + "; ".join(f"{way} {n}/{total} = {100 * n / max(total, 1):.2f} %"
                                      for way, n in exact.items()) + f"  (files in {scratch})")
    for row in wrong:
        print(*row, sep="\t")


if __name__ == "__main__":
    main(sys.argv[1:])
