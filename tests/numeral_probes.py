"""Score parse_cell and find_quantities on a probe list (tests/data/numerals_probe_*.json).

``python -m tests.numeral_probes tests/data/numerals_probe_a.json`` prints the pass rate and each miss.
"""

from __future__ import annotations

import json
import sys
from decimal import Decimal
from pathlib import Path

from extractors.numerals import parse_cell
from extractors.quantities import find_quantities


def cell_result(text: str) -> str:
    """parse_cell's answer in the probe's notation: "-2", "12 件", "12000 件 at_least", "empty", "malformed"."""
    cell = parse_cell(text)
    if cell.meaning in ("empty", "invalid", "malformed"):
        return cell.meaning
    out = str(cell.value) + (f" {cell.unit}" if cell.unit else "")
    qualifier = getattr(cell, "qualifier", None)
    return out + (f" {qualifier}" if qualifier else "")


def cell_ok(text: str, expected: str) -> bool:
    got = cell_result(text)
    if got == expected:
        return True
    head, _, rest = expected.partition(" ")
    ghead, _, grest = got.partition(" ")
    try:
        return Decimal(head) == Decimal(ghead) and rest == grest
    except ArithmeticError:
        return False


def narrative_result(sentence: str) -> list[list]:
    return [[str(q.value), q.unit, q.qualifier, q.sign] for q in find_quantities(sentence)]


def narrative_ok(sentence: str, expected: list[list]) -> bool:
    got = narrative_result(sentence)
    if len(got) != len(expected):
        return False
    return all(Decimal(g[0]) == Decimal(e[0]) and g[1:] == e[1:] for g, e in zip(got, expected))


def score(path: Path) -> tuple[list[tuple], list[tuple]]:
    """(cell misses, narrative misses) of one probe file."""
    data = json.loads(path.read_text(encoding="utf-8"))
    cells = [(t, e, cell_result(t)) for t, e in data["cells"] if not cell_ok(t, e)]
    narr = [(s, e, narrative_result(s)) for s, e in data["narrative"] if not narrative_ok(s, e)]
    return cells, narr


def main(argv: list[str]) -> None:
    for name in argv:
        path = Path(name)
        data = json.loads(path.read_text(encoding="utf-8"))
        cells, narr = score(path)
        nc, nn = len(data["cells"]), len(data["narrative"])
        print(f"{path.name}: cells {nc - len(cells)}/{nc} ({100 * (nc - len(cells)) / nc:.1f} %), "
              f"narrative {nn - len(narr)}/{nn} ({100 * (nn - len(narr)) / nn:.1f} %)")
        for miss in cells + narr:
            print("  MISS", json.dumps(miss, ensure_ascii=False, default=str))


if __name__ == "__main__":
    main(sys.argv[1:])
