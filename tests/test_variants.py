"""Every committed ragged variant (tests/fixtures/variants/, issue #3) reads back exactly as its truth says.

The variants are the layouts real reports print (tables split over pages, cut parent labels, vertical labels,
borderless tables, blanks as 无, units in the cell or the header or nowhere, rows and blocks missing …); their
truths are the exact expected reading, written by ``tests/fixture_builder/variants.py``. Comparison logic is
shared with the accuracy report (``tests/fixture_builder/accuracy.py``); ``make accuracy`` summarises it.
"""

from __future__ import annotations

import pytest

from extractors import read_report
from extractors.template import load_template
from tests.fixture_builder.accuracy import committed_cases, compare
from tests.fixture_builder.variants import VARIANTS, check

CASES = committed_cases()
IDS = [f"{path.parent.name}/{path.suffix[1:]}" for path, _ in CASES]


def test_the_committed_set_is_there():
    assert len({p.parent for p, _ in CASES}) >= 30, VARIANTS
    assert {p.suffix for p, _ in CASES} == {".pdf", ".docx", ".html"}
    for path, _ in CASES:
        if path.suffix == ".pdf":
            assert path.stat().st_size < 150_000, path.name


@pytest.fixture(scope="module", params=CASES, ids=IDS)
def case(request):
    path, truth = request.param
    return compare(read_report(path), truth), truth


def test_truth_is_consistent(case):
    _, truth = case
    check(truth)  # figures, printed blanks and identity flags agree
    assert sorted(truth["cells"]) == sorted(load_template().keys(truth["edition"], other_split=truth["other_split"]))


def test_every_template_cell_equals_truth(case):
    diff, _ = case
    assert diff.wrong == {}
    assert diff.foreign == []  # nothing mapped to a key the layout does not have


def test_printed_text_and_blanks(case):
    diff, _ = case
    assert diff.printed == {}  # raw text as printed; blanks (— / 无 …) are 0 marked empty


def test_identity(case):
    diff, _ = case
    assert diff.identity == {}


def test_exactly_the_expected_flags(case):
    diff, _ = case
    assert (diff.missing_flags, diff.extra_flags) == ([], [])
