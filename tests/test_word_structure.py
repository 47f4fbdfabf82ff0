"""Word structure around the content (tests/fixtures/word/, made by tests/fixture_builder/word_structure.py):
content controls at every level, text boxes (Choice + Fallback, VML), tracked changes, nested tables and
altChunk imports read exactly as the truth says, every paragraph once."""

from __future__ import annotations

import io
import json
from decimal import Decimal
from pathlib import Path

import docx
import pytest
from docx.oxml.ns import qn

from extractors import read_report
from extractors.readers import read_document
from extractors.template import load_template
from tests.conftest import FIXTURES
from tests.fixture_builder.word_structure import _add_chunk, _sdt, el, expected_paragraphs

WORD = FIXTURES / "word"
CASES = [pytest.param(f, id=f.name) for folder in sorted(WORD.iterdir()) if (folder / "truth.json").exists()
         for f in sorted(folder.glob("*.docx"))]


def _truth(path: Path) -> dict:
    return json.loads((path.parent / "truth.json").read_text(encoding="utf-8"))


@pytest.fixture(scope="module", params=CASES)
def case(request):
    return request.param, read_report(request.param), _truth(request.param)


def test_every_kind_is_committed():
    kinds = {_truth(p.values[0])["word_structure"]["kind"] for p in CASES}
    assert kinds == {"sdt", "textbox", "tracked", "nested", "altchunk"}
    editions = {_truth(p.values[0])["edition"] for p in CASES}
    assert editions == {"ed2019", "ed2021"}


def test_every_template_cell_equals_truth(case):
    _, report, truth = case
    values = report.values()
    keys = load_template().keys(truth["edition"], other_split=truth["other_split"])
    wrong = {k: (v, values.get(k)) for k, v in truth["cells"].items()
             if (None if v is None else Decimal(str(v))) != values.get(k)}
    assert wrong == {}
    assert set(values) == set(keys)


def test_identity(case):
    _, report, truth = case
    got = (report.region, report.admin_code, report.issuer, report.year, report.edition, report.other_split)
    assert got == (truth["region"], truth["admin_code"], truth["issuer_full"], truth["year"], truth["edition"],
                   truth["other_split"])


def test_exactly_the_expected_flags(case):
    _, report, truth = case
    got = sorted((f.kind, f.identity, f.where) for f in report.flags)
    assert got == sorted((f["kind"], f.get("identity"), f.get("where")) for f in truth.get("expected_flags", []))


def test_every_paragraph_once_in_order(case):
    """Text boxes read once (not once per choice), deleted and moved-away text gone, imports in place."""
    path, _, truth = case
    assert [p.text for p in read_document(path).paragraphs] == expected_paragraphs(truth)


def _doc_with(*nodes) -> bytes:
    d = docx.Document()
    body = d.element.body
    for n in nodes:
        body.find(qn("w:sectPr")).addprevious(n(d) if callable(n) else n)
    out = io.BytesIO()
    d.save(out)
    return out.getvalue()


def _p(text: str):
    return el("w:p", None, el("w:r", None, el("w:t", text=text)))


def test_alternate_content_without_choice_reads_the_fallback_once(tmp_path):
    box = el("w:txbxContent", None, _p("框内文字"))
    pict = el("w:pict", None, el("v:shape", None, el("v:textbox", None, box)))
    alt = el("mc:AlternateContent", None, el("mc:Fallback", None, pict))
    path = tmp_path / "fallback.docx"
    path.write_bytes(_doc_with(_p("前"), el("w:p", None, el("w:r", None, alt)), _p("后")))
    assert [p.text for p in read_document(path).paragraphs] == ["前", "框内文字", "后"]


def test_sdt_around_a_run_inside_a_paragraph(tmp_path):
    p = el("w:p", None, el("w:r", None, el("w:t", text="受理")),
           _sdt(el("w:r", None, el("w:t", text="663"))), el("w:r", None, el("w:t", text="件")))
    path = tmp_path / "run.docx"
    path.write_bytes(_doc_with(p))
    assert [b.text for b in read_document(path).paragraphs] == ["受理663件"]


def test_an_unreadable_or_missing_import_is_noted_never_silent(tmp_path):
    path = tmp_path / "chunks.docx"
    path.write_bytes(_doc_with(
        _p("正文"),
        lambda d: _add_chunk(d, "afchunk9.mht", "message/rfc822", b"MIME-Version: 1.0\r\n\r\n"),
        el("w:altChunk", {"r:id": "rId999"})))
    doc = read_document(path)
    assert [p.text for p in doc.paragraphs] == ["正文"]
    assert len(doc.notes) == 2 and "afchunk9.mht" in doc.notes[0] and "rId999" in doc.notes[1]
    assert [f.kind for f in read_report(path).flags if f.kind == "unread_part"] == ["unread_part"] * 2
