"""How well the extractor reads the ragged variants: ``python -m tests.fixture_builder.accuracy``.

A report, not a test: reads every committed variant (or ``--generate N`` fresh seeded ones, rendered with
LibreOffice into a temporary folder) with ``extractors.read_report`` and prints cell accuracy per variant kind,
per format and overall, identity-flag precision/recall, and how many files raise exactly the expected flags.
Each file that differs from its truth is listed in ``--failures`` (default /tmp/variant-failures.txt) with the
cells and flags that differ.
"""

from __future__ import annotations

import argparse
import json
import tempfile
import time
from collections import defaultdict
from dataclasses import dataclass, field
from decimal import Decimal
from pathlib import Path

from extractors.template import load_template

from .variants import VARIANTS, random_variants, render

BLANKS = ("", "—", "－", "-", "/", "无", "——")
FORMATS = (".pdf", ".docx", ".html")


def flag_sig(flag) -> tuple:
    """What identifies a flag in a truth: kind, identity, where (table or label for non-identity flags), key."""
    get = flag.get if isinstance(flag, dict) else (lambda a: getattr(flag, a, None))
    return (get("kind"), get("identity"), get("where"), get("key"))


@dataclass
class Diff:
    """Where one file's reading differs from its truth."""

    total: int = 0  # template cells of the truth's layout
    wrong: dict[str, tuple] = field(default_factory=dict)  # key -> (truth, read)
    foreign: list[str] = field(default_factory=list)  # keys read that the layout does not have
    printed: dict[str, tuple] = field(default_factory=dict)  # key -> (printed, (value, meaning, raw))
    identity: dict[str, tuple] = field(default_factory=dict)  # field -> (truth, read)
    missing_flags: list[tuple] = field(default_factory=list)
    extra_flags: list[tuple] = field(default_factory=list)
    error: str | None = None

    @property
    def ok(self) -> bool:
        return not (self.wrong or self.foreign or self.printed or self.identity or self.missing_flags
                    or self.extra_flags or self.error)


def expected_value(v):
    return None if v is None else Decimal(str(v))


def compare(report, truth: dict) -> Diff:
    d = Diff()
    keys = load_template().keys(truth["edition"], other_split=truth["other_split"])
    d.total = len(keys)
    values = report.values()
    for k in keys:
        want, got = expected_value(truth["cells"][k]), values.get(k)
        if want != got:
            d.wrong[k] = (truth["cells"][k], None if got is None else str(got))
    d.foreign = sorted(set(values) - set(keys))
    for k, shown in truth.get("printed", {}).items():
        cell = report.cell(k)
        got = None if cell is None else (cell.value, cell.meaning, cell.raw)
        bad = cell is None or cell.raw.replace("\n", "") != shown.strip()
        if shown.strip() in BLANKS:
            bad = bad or (cell.value, cell.meaning) != (0, "empty")
        if bad:
            d.printed[k] = (shown, got)
    read = {"region": report.region, "admin_code": report.admin_code, "issuer_full": report.issuer,
            "year": report.year, "edition": report.edition, "other_split": report.other_split}
    d.identity = {f: (truth[f], read[f]) for f in read if truth[f] != read[f]}
    want = sorted(flag_sig(f) for f in truth.get("expected_flags", []))
    got = sorted(flag_sig(f) for f in report.flags)
    d.missing_flags = [f for f in want if f not in got or want.count(f) > got.count(f)]
    d.extra_flags = [f for f in got if f not in want or got.count(f) > want.count(f)]
    return d


def committed_cases(root: Path = VARIANTS) -> list[tuple[Path, dict]]:
    """Every committed variant file with its truth."""
    out = []
    for folder in sorted(p for p in root.iterdir() if (p / "truth.json").exists()) if root.exists() else []:
        truth = json.loads((folder / "truth.json").read_text(encoding="utf-8"))
        out += [(f, truth) for f in sorted(folder.iterdir()) if f.suffix in FORMATS]
    return out


def read_case(path: Path, truth: dict) -> Diff:
    from extractors import read_report

    try:
        return compare(read_report(path), truth)
    except Exception as exc:  # a crash is a result here: the file counts as read wrong
        keys = load_template().keys(truth["edition"], other_split=truth["other_split"])
        return Diff(total=len(keys), wrong={k: (truth["cells"][k], "crash") for k in keys},
                    error=f"{type(exc).__name__}: {exc}")


def describe(path: Path, d: Diff, limit: int = 12) -> str:
    lines = [f"{path.parent.name}/{path.name}: {len(d.wrong)}/{d.total} cells wrong"]
    if d.error:
        lines.append(f"  error: {d.error}")
    for k, (want, got) in list(d.wrong.items())[:limit]:
        lines.append(f"  cell {k}: truth {want} read {got}")
    if len(d.wrong) > limit:
        lines.append(f"  … {len(d.wrong) - limit} more cells")
    for k in d.foreign[:limit]:
        lines.append(f"  foreign key read: {k}")
    for k, (shown, got) in list(d.printed.items())[:limit]:
        lines.append(f"  printed {k}: {shown!r} read as {got}")
    for f, (want, got) in d.identity.items():
        lines.append(f"  identity {f}: truth {want!r} read {got!r}")
    for f in d.missing_flags:
        lines.append(f"  flag missing: {f}")
    for f in d.extra_flags:
        lines.append(f"  flag unexpected: {f}")
    return "\n".join(lines)


def _pct(a: int, b: int) -> str:
    return f"{100 * a / b:6.2f}%" if b else "     –"


def report(cases: list[tuple[Path, dict]], failures: Path | None) -> str:
    by_kind: dict[str, list[int]] = defaultdict(lambda: [0, 0, 0, 0])  # cells ok, cells, files ok, files
    by_format: dict[str, list[int]] = defaultdict(lambda: [0, 0, 0, 0])
    tp = fp = fn = 0
    failed: list[str] = []
    started = time.perf_counter()
    for path, truth in cases:
        d = read_case(path, truth)
        kinds = truth.get("variant", {}).get("kinds", ["(base)"])
        for bucket in [*(by_kind[k] for k in kinds), by_format[path.suffix], by_kind["ALL"]]:
            bucket[0] += d.total - len(d.wrong)
            bucket[1] += d.total
            bucket[2] += d.ok
            bucket[3] += 1
        want = {f for f in d.missing_flags if f[0] == "identity"}
        got_extra = {f for f in d.extra_flags if f[0] == "identity"}
        expected_ids = [flag_sig(f) for f in truth.get("expected_flags", []) if f["kind"] == "identity"]
        fn += len(want)
        fp += len(got_extra)
        tp += len(expected_ids) - len(want)
        if not d.ok:
            failed.append(describe(path, d))
    elapsed = time.perf_counter() - started
    lines = [f"{'kind':34} {'cells':>16} {'accuracy':>8} {'files exact':>12}"]
    rows = sorted(k for k in by_kind if k != "ALL") + ["ALL"]
    for k in rows:
        ok, n, fok, fn_ = by_kind[k]
        lines.append(f"{k:34} {ok:>7}/{n:<8} {_pct(ok, n)} {fok:>5}/{fn_:<6}")
    lines.append("")
    for k in sorted(by_format):
        ok, n, fok, fn_ = by_format[k]
        lines.append(f"{'format ' + k:34} {ok:>7}/{n:<8} {_pct(ok, n)} {fok:>5}/{fn_:<6}")
    prec = tp / (tp + fp) if tp + fp else 1.0
    rec = tp / (tp + fn) if tp + fn else 1.0
    lines.append("")
    lines.append(f"identity flags: precision {prec:.3f} recall {rec:.3f} (tp {tp}, fp {fp}, fn {fn})")
    lines.append(f"{len(cases)} files, {len(failed)} differ from their truth; read in {elapsed:.1f}s")
    if failures is not None:
        failures.write_text("\n\n".join(failed) + "\n", encoding="utf-8")
        lines.append(f"differences written to {failures}")
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(prog="python -m tests.fixture_builder.accuracy", description=__doc__,
                                 formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--generate", type=int, metavar="N", help="render N fresh random variants instead")
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("--failures", type=Path, default=Path("/tmp/variant-failures.txt"))
    ap.add_argument("--keep", type=Path, help="with --generate: render into this folder and keep it")
    args = ap.parse_args(argv)
    if args.generate:
        with tempfile.TemporaryDirectory(prefix="gongkai-variants-") as tmp:
            out = args.keep or Path(tmp)
            for v in random_variants(args.seed, args.generate):
                render(v, out)
            print(report(committed_cases(out), args.failures))
    else:
        print(report(committed_cases(), args.failures))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
