"""The identities of the requests table (extractors.checks) on figures as published: a term that is not there
(a blank cell, or a row the table leaves out) means the identity is not computed, as the truth's
``identity_breaks`` reads it; a break among the terms printed is flagged where it is, once.

tests/fixtures/identities/: readings made by the variant generator (which never read the extractor) that the
extractor once read wrong. missing-row-misprint-2019: a reportlab PDF that leaves out two result rows
(第三方, 确认) and misprints one row's total (不予处理 · 信息公开出版物: applicants 0, total 2). The printed result
rows then add up to 99 against a total of 97, but the sum over a table missing rows is no identity: only the
row's own total breaks."""

from __future__ import annotations

from decimal import Decimal

import pytest

from extractors.checks import check_identities
from extractors.template import load_template
from tests.conftest import FIXTURES
from tests.fixture_builder.accuracy import committed_cases, read_case

CASES = committed_cases(FIXTURES / "identities")
TEMPLATE = load_template()
COLUMNS = [c.key for c in TEMPLATE.request_columns]


@pytest.mark.parametrize("case", CASES, ids=[p.parent.name for p, _ in CASES])
def test_read_exactly_with_the_flags_the_truth_expects(case):
    diff = read_case(*case)  # cells, printed text, identity and flags: Diff.ok is all of them
    assert diff.ok, diff


def _table(rows: list[str], d: int = 0) -> dict[str, Decimal]:
    """A requests table printing ``rows`` as result rows, each 1 in every applicant column (6 in total); the
    result total their sum, its total column printed ``d`` too high; received as many as the rows hold."""
    n = len(COLUMNS) - 1
    values = {}
    for row in rows:
        values.update({f"requests.{row}.{c}": Decimal(1) for c in COLUMNS[:-1]})
        values[f"requests.{row}.total"] = Decimal(n)
    for c in COLUMNS:
        total = Decimal(len(rows) * (n if c == "total" else 1))
        values[f"requests.result.total.{c}"] = total + (d if c == "total" else 0)
        values[f"requests.received.{c}"] = total
        values[f"requests.carried_over.{c}"] = Decimal(0)
        values[f"requests.carried_forward.{c}"] = Decimal(0)
    return values


RESULT_ROWS = [r.key for r in TEMPLATE.request_rows if r.key.startswith("result.") and r.key != "result.total"]
ONE_OTHER = [r for r in RESULT_ROWS if not r.startswith("result.other.")]
SPLIT_OTHER = [r for r in RESULT_ROWS if r != "result.other"]


def _breaks(values) -> set[tuple[str, str]]:
    return {(f.identity, f.where) for f in check_identities(values, TEMPLATE)}


@pytest.mark.parametrize("rows", [ONE_OTHER, SPLIT_OTHER], ids=["other-one-row", "other-three-sub-rows"])
def test_a_whole_table_that_adds_up_breaks_nothing_and_one_that_does_not_is_flagged(rows):
    assert _breaks(_table(rows)) == set()
    # the total column's result total 2 too high: the sum and the balance break there, nothing else
    assert _breaks(_table(rows, d=2)) == {("requests.result_sum", "total"), ("requests.balance", "total"),
                                          ("requests.row_total", "result.total")}


def test_a_parent_row_printed_beside_its_sub_rows_is_not_counted_twice():
    values = _table(SPLIT_OTHER)
    values.update({f"requests.result.other.{c}": Decimal(3 if c != "total" else 18) for c in COLUMNS})
    assert _breaks(values) == set()


def test_a_table_that_leaves_out_a_row_computes_no_result_sum():
    rows = [r for r in ONE_OTHER if r != "result.withheld.third_party"]
    values = _table(rows, d=2)  # the printed rows sum to 2 below the total in the total column
    assert ("requests.result_sum", "total") not in _breaks(values)
    assert ("requests.balance", "total") in _breaks(values)  # its own terms are all there
