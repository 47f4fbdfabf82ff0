"""Text dumps of the rendered reports (issue #8, part 8), as other tools write them from our own files:

* ``layout`` — ``pdftotext -layout`` of a fixture's PDF (space-aligned columns, form feeds between pages);
* ``gfm-docx`` — ``pandoc -f docx -t gfm``: pipe tables, spanned cells left empty, headings as bold lines;
* ``gfm-html`` — ``pandoc -f html -t gfm``: pipe tables with inline ``<span>`` markup, ``#`` headings;
* ``cm-html`` — ``pandoc -f html -t commonmark``: HTML ``<table>`` with rowspan/colspan inside Markdown;
* ``pipe`` — Markdown written here: ``#`` headings and pipe tables repeating a spanned cell's text in every
  position it covers (as docling and similar converters do).

The figures are the fixture's, so its truth is the expected reading. Needs poppler-utils and pandoc (fixture
making only; the readers never call them).

``python -m tests.fixture_builder.text_dumps --committed`` (re)writes ``tests/fixtures/dumps/``;
``--out DIR --truths a,b`` renders another set for measuring (also ``--pdfs`` for any PDF with a truth.json
beside it, e.g. the committed variants).
"""

from __future__ import annotations

import argparse
import json
import subprocess
from pathlib import Path

from .build import FIXTURES
from .layout import grids
from .word_structure import style_of

DUMPS = FIXTURES / "dumps"
COMMITTED_TRUTHS = ("baoshan-2020", "hejiang-2022")  # the set tuned on
HELD_OUT_TRUTHS = ("jinan-2023-mixed", "xuhui-2019-broken", "luxian-2022", "minhang-2020")
KINDS = ("layout", "gfm-docx", "gfm-html", "cm-html", "pipe")


def _run(args: list[str], data: bytes | None = None) -> bytes:
    return subprocess.run(args, input=data, capture_output=True, check=True, timeout=120).stdout


def _html_utf8(path: Path, truth: dict) -> bytes:
    encoding = style_of(truth).get("html_encoding", "utf-8")
    return path.read_bytes().decode(encoding).replace(f'charset="{encoding}"', 'charset="utf-8"').encode("utf-8")


def pipe_markdown(truth: dict) -> str:
    """The report as Markdown with pipe tables, every position of a spanned cell holding its text."""
    tables = grids(truth, style_of(truth).get("labels"))
    out = [f"# {truth['title']}", "", truth["issuer"], ""]
    for item in truth["body"]:
        (kind, text), = item.items()
        if kind in ("h1", "h2", "h3"):
            out += ["#" * (int(kind[1]) + 1) + " " + text, ""]
        elif kind == "p":
            out += [text, ""]
        else:
            g = tables[text]
            rows = [[""] * g.ncols for _ in range(g.nrows)]
            for c in g.cells:
                for r in range(c.row, c.row + c.rowspan):
                    for k in range(c.col, c.col + c.colspan):
                        rows[r][k] = c.text.replace("|", "\\|")
            out.append("| " + " | ".join(rows[0]) + " |")
            out.append("|" + "---|" * g.ncols)
            out += ["| " + " | ".join(r) + " |" for r in rows[1:]]
            out.append("")
    return "\n".join(out)


def dump(truth: dict, kind: str, src: Path) -> bytes | None:
    """The dump of one kind made from the fixture folder ``src``; None when its source file is absent."""
    name = src.name
    if kind == "layout":
        pdf = src / f"{name}.pdf"
        return _run(["pdftotext", "-layout", "-enc", "UTF-8", str(pdf), "-"]) if pdf.exists() else None
    if kind == "gfm-docx":
        return _run(["pandoc", "-f", "docx", "-t", "gfm", str(src / f"{name}.docx")])
    if kind in ("gfm-html", "cm-html"):
        html = _html_utf8(src / f"{name}.html", truth)
        return _run(["pandoc", "-f", "html", "-t", "gfm" if kind == "gfm-html" else "commonmark"], html)
    if kind == "pipe":
        return pipe_markdown(truth).encode("utf-8")
    raise ValueError(kind)


def write(truth: dict, kind: str, data: bytes, out_dir: Path, base: str) -> Path:
    name = f"{kind}-{base}"
    folder = out_dir / name
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / f"{name}.{'txt' if kind == 'layout' else 'md'}"
    path.write_bytes(data)
    out_truth = {**truth, "name": name, "dump": {"kind": kind, "base": base}}
    (folder / "truth.json").write_text(json.dumps(out_truth, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
    return path


def render_set(names, out_dir: Path, kinds=KINDS) -> list[Path]:
    files = []
    for name in names:
        src = FIXTURES / name
        truth = json.loads((src / "truth.json").read_text(encoding="utf-8"))
        for kind in kinds:
            data = dump(truth, kind, src)
            if data is not None:
                files.append(write(truth, kind, data, out_dir, name))
    return files


def render_pdfs(pdfs: list[Path], out_dir: Path) -> list[Path]:
    """``pdftotext -layout`` of PDFs that have a truth.json beside them (variants and other renderings)."""
    files = []
    for pdf in pdfs:
        truth = json.loads((pdf.parent / "truth.json").read_text(encoding="utf-8"))
        data = _run(["pdftotext", "-layout", "-enc", "UTF-8", str(pdf), "-"])
        files.append(write(truth, "layout", data, out_dir, pdf.stem))
    return files


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(prog="python -m tests.fixture_builder.text_dumps", description=__doc__,
                                 formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--committed", action="store_true", help=f"(re)write {DUMPS}")
    ap.add_argument("--out", type=Path)
    ap.add_argument("--truths", default=",".join(HELD_OUT_TRUTHS))
    ap.add_argument("--pdfs", nargs="*", type=Path, default=[])
    args = ap.parse_args(argv)
    if args.committed:
        files = render_set(COMMITTED_TRUTHS, DUMPS)
    elif args.out:
        files = render_set([t for t in args.truths.split(",") if t], args.out) + render_pdfs(args.pdfs, args.out)
    else:
        ap.error("--committed or --out DIR")
    print("\n".join(str(f) for f in files))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
