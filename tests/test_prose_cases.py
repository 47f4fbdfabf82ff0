"""Report prose cut by the page break (tests/fixture_builder/prose_cases.py): each PDF reads back as the
sentences it prints, its figures whole."""

from __future__ import annotations

import json
from decimal import Decimal

import pytest

from extractors import extract_report
from extractors.model import Paragraph
from extractors.readers import pdf
from tests.fixture_builder.prose_cases import OUT

CASES = json.loads((OUT / "prose.json").read_text(encoding="utf-8"))


@pytest.mark.parametrize("source", pdf.CHAR_SOURCES)
@pytest.mark.parametrize("name", sorted(CASES))
def test_prose_cut_by_the_page_reads_whole(name, source):
    case = CASES[name]
    path = OUT / case["file"]
    document = pdf.read(path, path.read_bytes(), chars=source)
    paragraphs = [b for b in document.blocks if isinstance(b, Paragraph)]
    joined = next(p for p in paragraphs if p.text.endswith(case["paragraph"]))
    assert joined.page == case["page"]
    following = paragraphs[paragraphs.index(joined) + 1]
    assert following.text == case["next_paragraph"]  # an indented paragraph on the next page stays its own
    want = case["fact"]
    facts = [(f.raw, f.value, f.unit, f.qualifier) for f in extract_report(document).facts]
    assert (want["raw"], Decimal(want["value"]), want["unit"], want["qualifier"]) in facts
    pages = {f.raw: f.page for f in extract_report(document).facts}
    assert {raw: pages.get(raw) for raw in case["fact_pages"]} == case["fact_pages"]  # each fact's own page
