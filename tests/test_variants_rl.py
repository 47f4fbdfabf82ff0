"""The reportlab producer (tests/fixture_builder/rlrender.py): its committed renderings read back exactly, and it
draws what its kinds claim (glyph by glyph, fake bold, spaced digits, Kangxi radicals, a row broken by a page).

tests/fixtures/variants-rl/ holds the renderings of ``variants.COMMITTED_RL`` that the extractor reads exactly;
the others (fake bold, spaced digits, a row broken across pages, at the time of writing) are regenerated with
``python -m tests.fixture_builder.variants --committed-rl --only NAME`` and committed once the PDF reader reads them.
"""

from __future__ import annotations

import re
import unicodedata

import pdfplumber
import pytest

from extractors import read_report
from tests.fixture_builder.accuracy import committed_cases, compare
from tests.fixture_builder.variants import COMMITTED_RL, VARIANTS_RL, base_truths, check, make, render

CASES = committed_cases(VARIANTS_RL)


def test_the_committed_rl_set_is_there():
    names = {p.parent.name for p, _ in CASES}
    assert names <= {n for n, *_ in COMMITTED_RL}
    assert {"rl-plain-2019", "rl-plain-2021", "rl-borderless-2019", "rl-borderless-2021"} <= names
    for path, truth in CASES:
        assert path.name.endswith(".rl.pdf") and path.stat().st_size < 150_000, path
        check(truth)


@pytest.mark.parametrize("case", CASES, ids=[p.parent.name for p, _ in CASES])
def test_read_exactly(case):
    path, truth = case
    diff = compare(read_report(path), truth)
    assert (diff.wrong, diff.foreign, diff.printed, diff.identity) == ({}, [], {}, {})
    assert (diff.missing_flags, diff.extra_flags) == ([], [])


def _shows(page) -> int:
    """Text-show operators (Tj, TJ, ', ") in a page's content streams."""
    from pdfminer.pdftypes import resolve1

    contents = resolve1(page.page_obj.attrs["Contents"])
    streams = contents if isinstance(contents, list) else [contents]
    data = b"".join(resolve1(s).get_data() for s in streams)
    return len(re.findall(rb"(?:\)|>|\])\s*(?:Tj|TJ|'|\")", data))


@pytest.fixture(scope="module")
def drawn(tmp_path_factory):
    """Fresh renderings of one truth with the producer's own kinds (reportlab only: a second or so each)."""
    out = tmp_path_factory.mktemp("rl")
    base = base_truths()["hejiang-2022"]
    files = {}
    for kinds, seed in ((["fake-bold"], 7), (["spaced-digits"], 7), (["kangxi"], 7), (["row-break"], 66),
                        (["row-break-low"], 70)):
        v = make(base, kinds, seed, f"t-{kinds[0]}")
        files[kinds[0]] = (render(v, out, formats=("pdf-reportlab",))[0], v)
    return files


def test_glyph_by_glyph(drawn):
    with pdfplumber.open(drawn["kangxi"][0]) as pdf:
        for page in pdf.pages:
            assert _shows(page) == len(page.chars) > 0  # one text-show per glyph, no runs


def test_fake_bold_paints_twice(drawn):
    path, v = drawn["fake-bold"]
    with pdfplumber.open(path) as pdf:
        chars = pdf.pages[0].chars
    title = [c for c in chars if c["size"] > 15]
    firsts = {(c["text"], round(c["x0"], 1)) for c in title}
    assert len(title) == 2 * len(v.truth["title"])  # each glyph twice, the second 0.4 pt to the right
    assert sum((c["text"], round(c["x0"] + 0.4, 1)) in firsts for c in title) == len(v.truth["title"])


def test_spaced_digits_stand_apart(drawn):
    path, v = drawn["spaced-digits"]
    with pdfplumber.open(path) as pdf:
        words = [w["text"] for p in pdf.pages for w in p.extract_words()]
    figure = str(v.truth["cells"]["proactive.art20_5.licensing.decisions"])  # 4127
    assert figure not in words and all(d in words for d in figure)


def test_kangxi_radicals_in_labels(drawn):
    path, _ = drawn["kangxi"]
    with pdfplumber.open(path) as pdf:
        text = "".join(p.extract_text() for p in pdf.pages)
    radicals = [ch for ch in text if 0x2F00 <= ord(ch) <= 0x2FDF]
    assert radicals and all(unicodedata.normalize("NFKC", ch) != ch for ch in radicals)


def test_row_broken_across_pages(drawn):
    path, v = drawn["row-break"]
    from extractors.template import load_template

    assert v.opts.row_break == "result.partial"  # its label's head and tail are found nowhere else
    label = next(r.label for r in load_template().request_rows if r.key == v.opts.row_break)
    with pdfplumber.open(path) as pdf:
        texts = [re.sub(r"\s", "", p.extract_text()) for p in pdf.pages]
    assert not any(label in t for t in texts)  # never whole on one page
    head = [i for i, t in enumerate(texts) if label[:6] in t]
    tail = [i for i, t in enumerate(texts) if label[-6:] in t]
    assert len(head) == len(tail) == 1 and tail[0] == head[0] + 1


def test_row_broken_low_across_pages(drawn):
    """The other way round: the label's head alone at the page's foot, its tail on the next page's first line
    beside the row's figures."""
    path, v = drawn["row-break-low"]
    from extractors.template import load_template

    label = re.sub(r"\s", "", next(r.label for r in load_template().request_rows if r.key == v.opts.row_break))
    with pdfplumber.open(path) as pdf:
        pages = [[re.sub(r"\s", "", ln["text"]) for ln in p.extract_text_lines()] for p in pdf.pages]
    [(page, head)] = [(i, ln) for i, lines in enumerate(pages) for ln in lines if label[:6] in ln]
    assert not re.search(r"\d", head.split(label[:6])[1])  # no figure beside the head
    piece, figures = re.match(r"^(\D*?)([0-9—].*)$", pages[page + 1][0]).groups()  # the next page's first line
    assert piece and label.endswith(piece) and not label.startswith(piece), pages[page + 1][0]
    assert re.search(r"\d", figures)
