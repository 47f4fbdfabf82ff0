"""Borderless tables rebuilt from word positions read every template cell as printed: one fixture per way the
assembly went wrong on fresh variants read without their rulings (tests/fixture_builder/borderless_cases.py
writes them; tests/fixture_builder/unruled.py measures a whole set)."""

import json
from pathlib import Path

import pytest

from tests.fixture_builder.accuracy import read_case
from tests.fixture_builder.borderless_cases import CASES, OUT


@pytest.mark.parametrize("name", [name for name, *_ in CASES])
def test_borderless_case_reads_exactly(name):
    folder = OUT / name
    truth = json.loads((folder / "truth.json").read_text(encoding="utf-8"))
    [pdf] = folder.glob("*.pdf")
    diff = read_case(pdf, truth)
    assert diff.error is None
    assert diff.wrong == {}
    assert not diff.foreign and not diff.printed
    assert not diff.extra_flags  # (a row of parent labels' pieces read as a row printed: a label flag)
