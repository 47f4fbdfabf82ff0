"""Every committed fixture (PDF, DOCX, HTML, text; both editions) reads back exactly as its truth says."""

from __future__ import annotations

import shutil
from decimal import Decimal

import pytest

from extractors import read_report
from extractors.template import load_template
from tests.conftest import fixture_files

# Old binary .doc files are read through LibreOffice; CI installs it, a bare development machine may not.
NO_OFFICE = pytest.mark.skipif(not (shutil.which("soffice") or shutil.which("libreoffice")),
                               reason="reading .doc needs LibreOffice (Debian: libreoffice-writer-nogui)")
CASES = [pytest.param((path, truth), marks=[NO_OFFICE] if path.suffix == ".doc" else [], id=path.name)
         for path, truth in fixture_files()]


@pytest.fixture(scope="module", params=CASES)
def case(request):
    path, truth = request.param
    return read_report(path), truth


def test_every_template_cell_equals_truth(case):
    report, truth = case
    values = report.values()
    expected_keys = load_template().keys(truth["edition"], other_split=truth["other_split"])
    assert sorted(truth["cells"]) == sorted(expected_keys)
    wrong = {k: (v, values.get(k)) for k, v in truth["cells"].items()
             if (None if v is None else Decimal(str(v))) != values.get(k)}
    assert wrong == {}
    assert set(values) == set(expected_keys)  # nothing mapped to a key the layout does not have


def test_printed_blanks_are_zero_marked_empty(case):
    report, truth = case
    for key, printed in truth.get("printed", {}).items():
        cell = report.cell(key)
        if printed.strip() in ("", "—", "/", "-", "－"):
            assert (cell.value, cell.meaning) == (0, "empty"), key
        assert cell.raw.replace("\n", "") == printed.strip(), key


def test_identity(case):
    report, truth = case
    got = (report.region, report.admin_code, report.issuer, report.year, report.edition, report.other_split)
    assert got == (truth["region"], truth["admin_code"], truth["issuer_full"], truth["year"], truth["edition"],
                   truth["other_split"])


def test_exactly_the_expected_flags(case):
    report, truth = case
    got = sorted((f.kind, f.identity, f.where) for f in report.flags)
    assert got == sorted((f["kind"], f.get("identity"), f.get("where")) for f in truth.get("expected_flags", []))


def test_sections_follow_the_headings(case):
    report, truth = case
    titles = [s.title for s in report.sections if s.level == 1]
    expected = [b["h1"] for b in truth["body"] if "h1" in b]
    assert titles == expected
    level2 = [s.title for s in report.sections if s.level == 2]
    assert level2 == [b["h2"] for b in truth["body"] if "h2" in b]


def test_every_figure_knows_its_page():
    for path, _ in fixture_files():
        if path.suffix == ".pdf":
            report = read_report(path)
            assert all(c.page for c in report.cells), path.name
            assert report.pages and max(c.page for c in report.cells) <= report.pages
