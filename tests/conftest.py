"""Shared test data: the committed fixtures (real files rendered by tests/fixture_builder) and their truths."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
FIXTURES = ROOT / "tests" / "fixtures"
SHARED = ROOT.parent / "shared"


def fixture_files() -> list[tuple[Path, dict]]:
    """Every rendered report file with the truth it was rendered from."""
    out = []
    for folder in sorted(p for p in FIXTURES.iterdir() if (p / "truth.json").exists()):
        truth = json.loads((folder / "truth.json").read_text(encoding="utf-8"))
        out += [(f, truth) for f in sorted(folder.iterdir()) if f.name != "truth.json"]
    return out


@pytest.fixture
def db_path(tmp_path: Path) -> str:
    return str(tmp_path / "gongkai.sqlite")
