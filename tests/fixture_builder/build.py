"""Build every fixture from ``truths/*.json`` (see the package docstring)."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

from .render_docx import render_docx
from .render_html import render_html
from .render_pdf import render_pdf
from .truth import TEXT_TRUTH, TRUTHS_DIR, load_truth

ROOT = Path(__file__).resolve().parents[2]  # the repo
FIXTURES = ROOT / "tests" / "fixtures"
RAW = ROOT / "data" / "raw"
SEED_NAME = "baoshan-2020-report.txt"
SEED_SHARED = Path("/work/shared/corpus") / SEED_NAME
TEXT_FIXTURE = FIXTURES / "baoshan-2020-text"

# How each fixture is dressed (not part of the truth): label variants, HTML encoding, Word-pasted HTML.
STYLES: dict[str, dict] = {
    "baoshan-2020": {"html_encoding": "utf-8", "labels": {"requests.social_org": "社会组织"}},
    "hejiang-2022": {"html_encoding": "gbk", "word_html": True},
    "xuhui-2019-broken": {"html_encoding": "utf-8"},
    "jinan-2023-mixed": {"html_encoding": "gbk"},
}
# ed2021 forms print 行政规范性文件 (the template's second wording) where ed2019 printed 规范性文件
ED2021_LABELS = {"proactive.art20_1.normative_docs": "行政规范性文件"}
SAMPLES = ("baoshan-2020", "hejiang-2022")  # copied to data/raw/ for `make ingest`


def _write_truth(truth: dict, path: Path) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(json.dumps(truth, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")


def build_one(truth: dict, *, pdf: bool = True) -> list[Path]:
    name = truth["name"]
    out = FIXTURES / name
    style = dict(STYLES.get(name, {}))
    if truth["edition"] == "ed2021":
        style["labels"] = {**ED2021_LABELS, **style.get("labels", {})}
    files = [render_docx(truth, out / f"{name}.docx", style), render_html(truth, out / f"{name}.html", style)]
    if pdf:
        files.append(render_pdf(out / f"{name}.docx"))
    _write_truth(truth, out / "truth.json")
    files.append(out / "truth.json")
    return files


def build_seed_text() -> list[Path]:
    """The seed text itself is a fixture too: its own copy plus the baoshan truth with the full narrative
    (the rendered baoshan-2020 truth carries an abridged narrative, see author.abridged)."""
    TEXT_FIXTURE.mkdir(parents=True, exist_ok=True)
    seed = TEXT_FIXTURE / SEED_NAME
    if SEED_SHARED.exists():
        shutil.copyfile(SEED_SHARED, seed)
    _write_truth(load_truth(TEXT_TRUTH), TEXT_FIXTURE / "truth.json")
    return [seed, TEXT_FIXTURE / "truth.json"]


def copy_samples() -> list[Path]:
    RAW.mkdir(parents=True, exist_ok=True)
    out = [RAW / SEED_NAME]
    shutil.copyfile(TEXT_FIXTURE / SEED_NAME, out[0])
    for name in SAMPLES:
        for ext in ("pdf", "docx", "html"):
            src = FIXTURES / name / f"{name}.{ext}"
            if src.exists():
                out.append(RAW / src.name)
                shutil.copyfile(src, out[-1])
    return out


def build(names: list[str] | None = None, *, pdf: bool = True, samples: bool = True) -> list[Path]:
    truths = {t["name"]: t for t in (load_truth(p) for p in sorted(TRUTHS_DIR.glob("*.json")))}
    files: list[Path] = []
    for name, truth in truths.items():
        if not names or name in names:
            files += build_one(truth, pdf=pdf)
    files += build_seed_text()
    if samples:
        files += copy_samples()
    return files
