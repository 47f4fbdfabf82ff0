"""Text dumps (tests/fixtures/dumps/, made by tests/fixture_builder/text_dumps.py from our own PDF, DOCX and
HTML renderings): pdftotext -layout text, pandoc's GitHub and CommonMark Markdown, and pipe-table Markdown
read back exactly as the truth says."""

from __future__ import annotations

import json
from decimal import Decimal
from pathlib import Path

import pytest

from extractors import read_report
from extractors.readers import read_document
from extractors.readers.sniff import REPORT_SUFFIXES
from extractors.template import load_template
from tests.conftest import FIXTURES

DUMPS = FIXTURES / "dumps"
CASES = [pytest.param(f, id=f.name) for folder in sorted(DUMPS.iterdir()) if (folder / "truth.json").exists()
         for f in sorted(folder.iterdir()) if f.suffix in (".txt", ".md")]


def _truth(path: Path) -> dict:
    return json.loads((path.parent / "truth.json").read_text(encoding="utf-8"))


@pytest.fixture(scope="module", params=CASES)
def case(request):
    return request.param, read_report(request.param), _truth(request.param)


def test_every_kind_and_edition_is_committed():
    kinds = {_truth(p.values[0])["dump"]["kind"] for p in CASES}
    assert kinds == {"layout", "gfm-docx", "gfm-html", "cm-html", "pipe"}
    assert {_truth(p.values[0])["edition"] for p in CASES} == {"ed2019", "ed2021"}


def test_md_is_a_report_suffix():
    assert ".md" in REPORT_SUFFIXES


def test_every_template_cell_equals_truth(case):
    _, report, truth = case
    values = report.values()
    keys = load_template().keys(truth["edition"], other_split=truth["other_split"])
    wrong = {k: (v, values.get(k)) for k, v in truth["cells"].items()
             if (None if v is None else Decimal(str(v))) != values.get(k)}
    assert wrong == {}
    assert set(values) == set(keys)


def test_printed_blanks_are_zero_marked_empty(case):
    _, report, truth = case
    for key, printed in truth.get("printed", {}).items():
        cell = report.cell(key)
        if printed.strip() in ("", "—", "/", "-", "－"):
            assert (cell.value, cell.meaning) == (0, "empty"), key


def test_identity(case):
    _, report, truth = case
    got = (report.region, report.admin_code, report.issuer, report.year, report.edition, report.other_split)
    assert got == (truth["region"], truth["admin_code"], truth["issuer_full"], truth["year"], truth["edition"],
                   truth["other_split"])


def test_exactly_the_expected_flags(case):
    _, report, truth = case
    got = sorted((f.kind, f.identity or "", f.where or "") for f in report.flags)
    assert got == sorted((f["kind"], f.get("identity") or "", f.get("where") or "")
                         for f in truth.get("expected_flags", []))


def test_sections_follow_the_headings(case):
    _, report, truth = case
    assert [s.title for s in report.sections if s.level == 1] == [b["h1"] for b in truth["body"] if "h1" in b]
    assert [s.title for s in report.sections if s.level == 2] == [b["h2"] for b in truth["body"] if "h2" in b]


def test_layout_dump_blocks_know_their_page():
    path = DUMPS / "layout-hejiang-2022" / "layout-hejiang-2022.txt"
    doc = read_document(path)
    assert doc.pages == 3  # pdftotext ends every page, the last too, with a form feed
    pages = [b.page for b in doc.blocks]
    assert None not in pages and pages == sorted(pages) and pages[-1] == 3


def test_markdown_inline_markup_and_html_tables(tmp_path):
    md = tmp_path / "x.md"
    md.write_text("## 三、**收到**和处理\n\n<table><tr><td rowspan=\"2\">甲</td><td>1</td></tr>"
                  "<tr><td>2</td></tr></table>\n\n| a \\| b | <span>3</span> |\n|---|---|\n| c | 4<br>5 |\n",
                  encoding="utf-8")
    doc = read_document(md)
    assert [(p.text, p.level) for p in doc.paragraphs] == [("三、收到和处理", 2)]
    assert [t.rows_text() for t in doc.tables] == [[["甲", "1"], ["甲", "2"]], [["a | b", "3"], ["c", "4\n5"]]]
