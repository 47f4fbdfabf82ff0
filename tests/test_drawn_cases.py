"""Fresh variants a reading got wrong read every template cell as printed: one fixture per way it went wrong
(tests/fixture_builder/drawn_cases.py writes them; tests/fixture_builder/accuracy.py measures a whole set)."""

import json

import pytest

from tests.fixture_builder.accuracy import read_case
from tests.fixture_builder.drawn_cases import CASES, OUT


@pytest.mark.parametrize("name", [name for name, *_ in CASES])
def test_drawn_case_reads_exactly(name):
    folder = OUT / name
    truth = json.loads((folder / "truth.json").read_text(encoding="utf-8"))
    [document] = [p for p in folder.iterdir() if p.name != "truth.json"]
    diff = read_case(document, truth)
    assert diff.error is None
    assert diff.wrong == {}
    assert not diff.foreign and not diff.printed
