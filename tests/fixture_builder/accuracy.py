"""How well the extractor reads report files it was not tuned on: ``python -m tests.fixture_builder.accuracy``.

A report, not a test. Three sources, each scored cell by cell against its truth:

* default: every committed variant (``tests/fixtures/variants/``);
* ``--generate N --seed S``: N fresh random truths (``randtruth.draw``: both editions, bodies of every level,
  ~15 % with deliberate identity breaks) dressed with 0-3 random variant kinds and rendered into a temporary
  folder in every format (``--formats``: docx, html, pdf-libreoffice, pdf-reportlab; doc on request);
* ``--cases DIR`` (``make accuracy CASES=../shared/cases``): the shared real-world cases, ingested and exported
  with the ``gongkai`` CLI and scored as ``../shared/tools/check_cases.py`` scores them.

Printed: cell accuracy and files exact per variant kind, per format and per kind × format; the identity fields
(region, code, issuer, year, edition); identity-flag precision and recall (and of all flags). Written to
``--report`` (default /tmp/gongkai-accuracy.txt): the same summary, then every wrong cell as
``file<TAB>key<TAB>expected<TAB>got`` and every other difference per file.
"""

from __future__ import annotations

import argparse
import json
import os
import re
import subprocess
import sys
import tempfile
import time
from collections import defaultdict
from dataclasses import dataclass, field
from decimal import Decimal
from pathlib import Path

from extractors.template import load_template

from .variants import ALL_FORMATS, FORMATS, VARIANTS, format_of, random_variants, render_many

BLANKS = ("", "—", "－", "-", "/", "无", "——")
SUFFIXES = (".pdf", ".docx", ".html", ".doc")
IDENTITY_FIELDS = ("region", "admin_code", "issuer_full", "year", "edition", "other_split")


def flag_sig(flag) -> tuple:
    """What identifies a flag in a truth: kind, identity, where (table or label for non-identity flags), key."""
    get = flag.get if isinstance(flag, dict) else (lambda a: getattr(flag, a, None))
    # "" for an absent part, so that signatures sort (None beside a str does not)
    return tuple(get(a) or "" for a in ("kind", "identity", "where", "key"))


@dataclass
class Diff:
    """Where one file's reading differs from its truth."""

    total: int = 0  # template cells of the truth's layout
    wrong: dict[str, tuple] = field(default_factory=dict)  # key -> (truth, read)
    foreign: list[str] = field(default_factory=list)  # keys read that the layout does not have
    printed: dict[str, tuple] = field(default_factory=dict)  # key -> (printed, (value, meaning, raw))
    identity: dict[str, tuple] = field(default_factory=dict)  # field -> (truth, read)
    want_flags: list[tuple] = field(default_factory=list)
    missing_flags: list[tuple] = field(default_factory=list)
    extra_flags: list[tuple] = field(default_factory=list)
    error: str | None = None

    @property
    def ok(self) -> bool:
        return not (self.wrong or self.foreign or self.printed or self.identity or self.missing_flags
                    or self.extra_flags or self.error)


def expected_value(v):
    return None if v is None else Decimal(str(v))


def _bare(text: str) -> str:
    return re.sub(r"\s", "", text)  # a figure's glyphs spaced apart ('5 3 3') are still the text printed


def compare(report, truth: dict) -> Diff:
    d = Diff()
    keys = load_template().keys(truth["edition"], other_split=truth["other_split"])
    d.total = len(keys)
    values = report.values()
    for k in keys:
        want, got = expected_value(truth["cells"].get(k)), values.get(k)
        if want != got:
            d.wrong[k] = (truth["cells"].get(k), None if got is None else str(got))
    d.foreign = sorted(set(values) - set(keys))
    for k, shown in truth.get("printed", {}).items():
        cell = report.cell(k)
        got = None if cell is None else (cell.value, cell.meaning, cell.raw)
        bad = cell is None or _bare(cell.raw) != _bare(shown)
        if shown.strip() in BLANKS:
            bad = bad or (cell.value, cell.meaning) != (0, "empty")
        if bad:
            d.printed[k] = (shown, got)
    read = {"region": report.region, "admin_code": report.admin_code, "issuer_full": report.issuer,
            "year": report.year, "edition": report.edition, "other_split": report.other_split}
    d.identity = {f: (truth[f], read[f]) for f in read if f in truth and truth[f] != read[f]}
    want = sorted(flag_sig(f) for f in truth.get("expected_flags", []))
    got = sorted(flag_sig(f) for f in report.flags)
    d.want_flags = want
    d.missing_flags = [f for f in want if f not in got or want.count(f) > got.count(f)]
    d.extra_flags = [f for f in got if f not in want or got.count(f) > want.count(f)]
    return d


def committed_cases(root: Path = VARIANTS) -> list[tuple[Path, dict]]:
    """Every variant file under ``root`` with its truth."""
    out = []
    for folder in sorted(p for p in root.iterdir() if (p / "truth.json").exists()) if root.exists() else []:
        truth = json.loads((folder / "truth.json").read_text(encoding="utf-8"))
        out += [(f, truth) for f in sorted(folder.iterdir()) if f.suffix in SUFFIXES]
    return out


def read_case(path: Path, truth: dict) -> Diff:
    from extractors import read_report

    try:
        return compare(read_report(path), truth)
    except Exception as exc:  # a crash is a result here: the file counts as read wrong
        keys = load_template().keys(truth["edition"], other_split=truth["other_split"])
        return Diff(total=len(keys), wrong={k: (truth["cells"][k], "crash") for k in keys},
                    want_flags=sorted(flag_sig(f) for f in truth.get("expected_flags", [])),
                    missing_flags=sorted(flag_sig(f) for f in truth.get("expected_flags", [])),
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
    return f"{100 * a / b:7.2f}%" if b else "      –"


class Tally:
    """Cells right/total and files exact/total per bucket; flag counts; identity-field counts."""

    def __init__(self):
        self.buckets: dict[tuple, list[int]] = defaultdict(lambda: [0, 0, 0, 0])
        self.flags = {"identity": [0, 0, 0], "all": [0, 0, 0]}  # tp, fp, fn
        self.fields: dict[str, list[int]] = defaultdict(lambda: [0, 0])

    def add(self, buckets: list[tuple], d: Diff, fields: dict[str, bool] | None = None) -> None:
        for b in buckets:
            s = self.buckets[b]
            s[0] += d.total - len(d.wrong)
            s[1] += d.total
            s[2] += d.ok
            s[3] += 1
        for name, pick in (("identity", lambda f: f[0] == "identity"), ("all", lambda f: True)):
            want = [f for f in d.want_flags if pick(f)]
            missing = [f for f in d.missing_flags if pick(f)]
            t = self.flags[name]
            t[0] += len(want) - len(missing)
            t[1] += len([f for f in d.extra_flags if pick(f)])
            t[2] += len(missing)
        for f, ok in (fields or {}).items():
            self.fields[f][0] += ok
            self.fields[f][1] += 1

    def table(self, title: str, keys: list[tuple], label=lambda k: " ".join(k[1:])) -> list[str]:
        lines = [f"{title:40} {'cells right':>17} {'accuracy':>8} {'files exact':>12}"]
        for k in keys:
            ok, n, fok, fn = self.buckets[k]
            lines.append(f"{label(k):40} {ok:>8}/{n:<8} {_pct(ok, n)} {fok:>5}/{fn:<6}")
        return lines

    def flag_line(self, name: str) -> str:
        tp, fp, fn = self.flags[name]
        prec = tp / (tp + fp) if tp + fp else 1.0
        rec = tp / (tp + fn) if tp + fn else 1.0
        return f"{name + ' flags:':16} precision {prec:.3f} recall {rec:.3f} (tp {tp}, fp {fp}, fn {fn})"


def score_variants(cases: list[tuple[Path, dict]], tally: Tally, wrong_cells: list[str],
                   failed: list[str]) -> None:
    for path, truth in cases:
        d = read_case(path, truth)
        kinds = truth.get("variant", {}).get("kinds") or ["(base)"]
        fmt = format_of(path)
        buckets = [("all",), ("format", fmt)]
        buckets += [b for k in kinds for b in (("kind", k), ("kind×format", k, fmt))]
        fields = {f: f not in d.identity for f in IDENTITY_FIELDS if f in truth}
        tally.add(buckets, d, fields)
        rel = f"{path.parent.name}/{path.name}"
        for k, (want, got) in d.wrong.items():
            wrong_cells.append(f"{rel}\t{k}\t{want}\t{got}")
        if not d.ok:
            failed.append(describe(path, d))


# --- the shared real-world cases (scored as ../shared/tools/check_cases.py does) ---------------------------------


def _num(v):
    try:
        return None if v is None or isinstance(v, bool) else float(v)
    except (TypeError, ValueError):
        return None


def score_cases(root: Path, tally: Tally, wrong_cells: list[str], failed: list[str]) -> list[str]:
    """Ingest every case's inputs (copied as ``<case>__<file>``) with the gongkai CLI, export JSONL, and score
    each input's record: every expected cell (|diff| ≤ 0.005), region, admin_code, year, edition, focus facts."""
    gongkai = Path(sys.executable).with_name("gongkai")
    lines = []
    with tempfile.TemporaryDirectory(prefix="gongkai-cases-") as tmp:
        t = Path(tmp)
        (t / "in").mkdir()
        cases = sorted(p for p in root.iterdir() if (p / "expected.json").is_file())
        for case in cases:
            for f in case.iterdir():
                if f.name not in ("expected.json", "README.md"):
                    (t / "in" / f"{case.name}__{f.name}").write_bytes(f.read_bytes())
        db = t / "c.sqlite"
        subprocess.run([str(gongkai), "--db", str(db), "ingest", "-q", str(t / "in")], capture_output=True)
        subprocess.run([str(gongkai), "--db", str(db), "export", "--format", "jsonl", "-o", str(t / "c.jsonl")],
                       capture_output=True)
        recs = {}
        if (t / "c.jsonl").exists():
            for line in (t / "c.jsonl").read_text(encoding="utf-8").splitlines():
                if line.strip():
                    r = json.loads(line)
                    recs.setdefault(os.path.basename(str(r.get("source", ""))), r)
        for case in cases:
            e = json.loads((case / "expected.json").read_text(encoding="utf-8"))
            exp = e.get("expected", e)
            focus = e.get("focus") if isinstance(e.get("focus"), dict) else {}
            facts = list(e.get("expected_facts_add") or []) + list(focus.get("facts_include", []))
            for inp in e["inputs"]:
                rec = recs.get(f"{case.name}__{inp}") or {}
                cells = rec.get("cells") or {}
                d = Diff(total=len(exp.get("cells") or {}))
                for k, v in (exp.get("cells") or {}).items():
                    got = _num(cells.get(k))
                    if got is None or abs(got - float(v)) > 0.005:
                        d.wrong[k] = (v, cells.get(k))
                for f in ("region", "admin_code", "year", "edition"):
                    if f in exp and str(rec.get(f)) != str(exp[f]):
                        d.identity[f] = (exp[f], rec.get(f))
                got_facts = [(_num(x.get("value")), x.get("unit") or "") for x in rec.get("facts") or []
                             if isinstance(x, dict)]
                missing = [f for f in facts if not any(v is not None and abs(v - float(f["value"])) < 0.005
                                                       and u == f.get("unit", "") for v, u in got_facts)]
                if not rec:
                    d.error = "no record (not ingested)"
                elif missing:
                    d.error = "facts missing: " + ", ".join(f"{f['value']}{f.get('unit', '')}" for f in missing)
                fmt = "case-" + (Path(inp).suffix[1:] or "?")
                fields = {f: f not in d.identity for f in ("region", "admin_code", "year", "edition") if f in exp}
                tally.add([("cases",), ("case", case.name), ("format", fmt)], d, fields)
                rel = f"{case.name}/{inp}"
                wrong_cells += [f"{rel}\t{k}\t{want}\t{got}" for k, (want, got) in d.wrong.items()]
                if not d.ok:
                    failed.append(describe(case / inp, d))
                lines.append(f"{rel:48} {'ok' if d.ok else 'FAIL'} {len(d.wrong)}/{d.total} cells wrong"
                             + (f"; {d.error}" if d.error else "")
                             + "".join(f"; {f} {got!r} (exp {want!r})" for f, (want, got) in d.identity.items()))
    return lines


# --- the report ---------------------------------------------------------------------------------------------------


def summary(tally: Tally, *, files: int, failed: int, elapsed: float, case_lines: list[str]) -> str:
    keys = tally.buckets
    kinds = sorted(k for k in keys if k[0] == "kind")
    formats = sorted(k for k in keys if k[0] == "format")
    lines = tally.table("kind", kinds) + [""] + tally.table("format", formats) + [""]
    fmts = sorted({k[2] for k in keys if k[0] == "kind×format"}, key=lambda f: (f not in ALL_FORMATS, f))
    lines.append(f"{'kind × format: cell accuracy (files exact/files)':40} " + " ".join(f"{f:>20}" for f in fmts))
    for (_, k) in kinds:
        row = []
        for f in fmts:
            ok, n, fok, fn = keys.get(("kind×format", k, f), [0, 0, 0, 0])
            row.append(f"{_pct(ok, n).strip()} ({fok}/{fn})" if n else "–")
        lines.append(f"{k:40} " + " ".join(f"{c:>20}" for c in row))
    lines.append("")
    if ("all",) in keys:
        lines += tally.table("ALL variants", [("all",)], label=lambda k: "ALL variants")
    if ("cases",) in keys:
        lines += tally.table("shared cases", [("cases",)], label=lambda k: "shared cases")
    lines.append("identity fields right: " + ", ".join(
        f"{f} {ok}/{n}" for f, (ok, n) in sorted(tally.fields.items())))
    lines += [tally.flag_line("identity"), tally.flag_line("all")]
    lines.append(f"{files} files, {failed} differ from their truth; read in {elapsed:.1f}s")
    if case_lines:
        lines += ["", "shared cases:", *case_lines]
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(prog="python -m tests.fixture_builder.accuracy", description=__doc__,
                                 formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--generate", type=int, metavar="N", help="render N fresh random variants instead")
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("--formats", default=",".join(FORMATS),
                    help=f"with --generate: comma-separated, of {', '.join(ALL_FORMATS)} (default: all but doc)")
    ap.add_argument("--kinds", help="with --generate: comma-separated kinds to draw from (each variant gets 1-2)")
    ap.add_argument("--committed-bases", action="store_true",
                    help="with --generate: dress the committed truths instead of fresh random ones")
    ap.add_argument("--variants", type=Path, help="score the variant folders under this directory instead")
    ap.add_argument("--cases", type=Path, help="also score the shared real-world cases in this folder")
    ap.add_argument("--report", "--failures", type=Path, default=Path("/tmp/gongkai-accuracy.txt"),
                    help="where the summary, the wrong cells and every difference are written")
    ap.add_argument("--keep", type=Path, help="with --generate: render into this folder and keep it")
    args = ap.parse_args(argv)
    formats = tuple(f for f in args.formats.split(",") if f)
    unknown = set(formats) - set(ALL_FORMATS)
    if unknown:
        ap.error(f"unknown formats {sorted(unknown)}")
    if args.cases and not args.cases.is_dir():
        ap.error(f"--cases {args.cases}: no such folder")
    tally, wrong, failed = Tally(), [], []
    started = time.perf_counter()
    with tempfile.TemporaryDirectory(prefix="gongkai-variants-") as tmp:
        if args.generate:
            out = args.keep or Path(tmp)
            rendered = time.perf_counter()
            kinds = [k for k in (args.kinds or "").split(",") if k] or None
            render_many(random_variants(args.seed, args.generate, fresh=not args.committed_bases, kinds=kinds),
                        out, formats)
            print(f"rendered {args.generate} variants (seed {args.seed}) in {time.perf_counter() - rendered:.0f}s",
                  file=sys.stderr)
            cases = committed_cases(out)
        else:
            cases = committed_cases(args.variants or VARIANTS)
        started = time.perf_counter()
        score_variants(cases, tally, wrong, failed)
    case_lines = score_cases(args.cases, tally, wrong, failed) if args.cases else []
    files = len(cases) + sum(1 for _ in case_lines)
    text = summary(tally, files=files, failed=len(failed), elapsed=time.perf_counter() - started,
                   case_lines=case_lines)
    source = (f"--generate {args.generate} --seed {args.seed} ({'committed' if args.committed_bases else 'fresh'}"
              f" truths; formats {','.join(formats)}{'; kinds ' + args.kinds if args.kinds else ''})"
              if args.generate else f"committed variants in "
              f"{args.variants or VARIANTS}") + (f"; cases {args.cases}" if args.cases else "")
    head = f"gongkai accuracy: {source}"
    args.report.write_text("\n\n".join([head, text, "wrong cells (file, key, expected, got):",
                                        "\n".join(wrong) or "(none)", "differences per file:",
                                        "\n\n".join(failed) or "(none)"]) + "\n", encoding="utf-8")
    print(head)
    print(text)
    print(f"wrong cells and differences written to {args.report}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
