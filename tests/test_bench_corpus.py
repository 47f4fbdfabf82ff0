"""The bench's generated corpus (pipeline.bench.corpus): mutated fixtures still read exactly to their
mutated truth — the new region, code and year, every figure times k — and the corpus is deterministic."""

from __future__ import annotations

import hashlib
from decimal import Decimal

from extractors import read_report
from pipeline.bench import corpus


def test_mutated_reports_read_to_their_mutated_truth(tmp_path):
    items = corpus.generate(tmp_path, 6, seed=11)  # pdf, docx, html in turn
    assert [i.format for i in items] == ["pdf", "docx", "html"] * 2
    assert len({hashlib.sha256(open(i.path, "rb").read()).hexdigest() for i in items}) == 6
    for item in items:
        source = next(s for s in corpus.sources()[item.format]
                      if str(s.path.relative_to(corpus.FIXTURES)) == item.source)
        report = read_report(item.path)
        assert (report.region, report.admin_code, report.year) == (item.region, item.admin_code, item.year)
        if item.format != "pdf":  # another division; a PDF keeps its text
            assert item.admin_code != source.truth["admin_code"]
        values = report.values()
        expected = {key: None if v is None else Decimal(str(v)) * item.k for key, v in source.truth["cells"].items()}
        assert {key: values.get(key) for key in expected} == expected, item


def test_a_corpus_is_the_first_items_of_a_larger_one(tmp_path):
    small = corpus.generate(tmp_path / "a", 4, seed=3)
    large = corpus.generate(tmp_path / "b", 6, seed=3)
    rest = corpus.generate(tmp_path / "c", 2, seed=3, start=4)
    digest = [hashlib.sha256(open(i.path, "rb").read()).hexdigest() for i in small + rest]
    assert digest == [hashlib.sha256(open(i.path, "rb").read()).hexdigest() for i in large]


def test_figures_keep_their_printed_form():
    mutation = corpus.Mutation({"合江县": "泸县"}, 2022, 2023, 3)
    assert [mutation.figure(p) for p in ("1,234", "１２", "56.78", "-12", "62418 万元", "0")] == \
        ["3,702", "３６", "170.34", "-36", "187254 万元", "0"]
    assert mutation.text("2022年合江县政府信息公开工作年度报告（2023年1月，国办公开办函〔2021〕30号）") == \
        "2023年泸县政府信息公开工作年度报告（2024年1月，国办公开办函〔2021〕30号）"


def test_copies_bound_the_pdfs_of_a_body_year(tmp_path):
    """``copies``: a body-year in at most that many PDFs (their text keeps the fixture's body and year); once
    every PDF body-year has its copies, a PDF's turn goes to DOCX/HTML; still the first items of a larger one."""
    n_pdf_body_years = len({corpus.pdf_body_year(s) for s in corpus.sources()["pdf"]})
    n = 3 * (n_pdf_body_years + 4)  # more PDF turns than body-years
    items = corpus.generate(tmp_path / "a", n, seed=5, copies=1)
    pdf_years = [corpus.pdf_body_year(next(s for s in corpus.sources()["pdf"]
                                           if str(s.path.relative_to(corpus.FIXTURES)) == i.source))
                 for i in items if i.format == "pdf"]
    assert len(pdf_years) == len(set(pdf_years)) == n_pdf_body_years
    assert sum(i.format != "pdf" for i in items) == n - n_pdf_body_years
    head = corpus.generate(tmp_path / "b", n - 5, seed=5, copies=1)
    tail = corpus.generate(tmp_path / "c", 5, seed=5, start=n - 5, copies=1)
    assert [hashlib.sha256(open(i.path, "rb").read()).hexdigest() for i in head + tail] == \
        [hashlib.sha256(open(i.path, "rb").read()).hexdigest() for i in items]


def test_copies_bound_the_division_years_of_docx_and_html():
    """With ``copies``, a (division, year) slot of a shape is handed out at most that many times, every slot
    once before any twice; then the shape has no room (its fixtures give way to other shapes')."""
    shape = ("county", 2)
    n = len(corpus._pool(*shape)) * len(corpus.EDITION_YEARS["ed2019"])
    slots = corpus.Slots(9, copies=2)
    taken = [slots.next("ed2019", shape) for _ in range(2 * n)]
    assert len(set(taken[:n])) == n and set(taken[n:]) == set(taken[:n])
    assert not slots.room("ed2019", shape) and slots.next("ed2019", shape) is None
    assert corpus.Slots(9).next("ed2019", shape) == taken[0]  # unbounded: the same order
