"""Held-out narrative figures (tests/data/heldout_facts.json): passages written in the style of other bodies' and
years' annual reports, with phrasings the seed does not use (逾千件, 八成以上, 三分之一, 召开新闻发布会一次, 5个工作日内,
full-width digits, Chinese numerals), labelled by hand. Measures recall and precision of (value, unit, qualifier,
kind) for ``find_quantities`` and ``extract_facts``, and that no year, date, ordinal, document number, hotline or
phone number is read as a quantity.
"""

from __future__ import annotations

import json
from collections import Counter
from decimal import Decimal
from pathlib import Path

import pytest

from extractors.facts import extract_facts
from extractors.quantities import find_quantities
from extractors.records import Section

PASSAGES = json.loads((Path(__file__).parent / "data" / "heldout_facts.json").read_text(encoding="utf-8"))["passages"]

Key = tuple[Decimal, str, str | None, str]


def _gold(passage: dict) -> Counter[Key]:
    return Counter((Decimal(q["value"]), q["unit"], q["qualifier"], q["kind"]) for q in passage["quantities"])


def _found_quantities(passage: dict) -> list:
    return find_quantities(passage["text"])


def _found_facts(passage: dict) -> list:
    section = Section(path=("一、总体情况",), title="一、总体情况", level=1, page=1, text=passage["text"])
    return extract_facts([section])


def score(find) -> dict:
    hits = predicted = total = 0
    misses, spurious = [], []
    for passage in PASSAGES:
        gold = _gold(passage)
        found_items = find(passage)
        found = Counter((f.value, f.unit, f.qualifier, f.kind) for f in found_items)
        hits += sum((gold & found).values())
        predicted += sum(found.values())
        total += sum(gold.values())
        misses += [(passage["id"], k) for k in (gold - found).elements()]
        spurious += [(passage["id"], k) for k in (found - gold).elements()]
    return {"recall": hits / total, "precision": hits / max(predicted, 1), "hits": hits, "labels": total,
            "found": predicted, "misses": misses, "spurious": spurious}


def test_labels_are_well_formed():
    assert 6 <= len(PASSAGES) <= 8
    for passage in PASSAGES:
        assert 150 <= len(passage["text"]) <= 400, passage["id"]
        for q in passage["quantities"]:
            assert q["raw"] in passage["text"], q["raw"]
        for s in passage["not_quantities"]:
            assert s in passage["text"], s


@pytest.mark.parametrize(("name", "find"), [("find_quantities", _found_quantities), ("extract_facts", _found_facts)])
def test_heldout_recall_and_precision(name, find):
    s = score(find)
    print(f"\nheld-out {name}: recall {s['recall']:.3f} ({s['hits']}/{s['labels']}), "
          f"precision {s['precision']:.3f} ({s['hits']}/{s['found']})")
    assert s["recall"] >= 0.95, s["misses"]
    assert s["precision"] >= 0.95, s["spurious"]


@pytest.mark.parametrize("passage", PASSAGES, ids=[p["id"] for p in PASSAGES])
def test_heldout_non_quantities(passage):
    """Years, months, ordinals (第三批), document numbers, hotlines, phones, slogans, vague 数十: never a quantity."""
    text = passage["text"]
    spans = []
    for s in passage["not_quantities"]:
        at = text.find(s)
        while at >= 0:
            spans.append((at, at + len(s), s))
            at = text.find(s, at + 1)
    bad = [(q.raw, s) for q in find_quantities(text) for a, b, s in spans if q.start < b and a < q.end]
    assert not bad


@pytest.mark.parametrize("passage", PASSAGES, ids=[p["id"] for p in PASSAGES])
def test_heldout_signs(passage):
    """A stated change (较上年增长, 同比减少) carries its sign; other figures carry none."""
    gold = Counter((Decimal(q["value"]), q["unit"], q["sign"]) for q in passage["quantities"])
    found = Counter((q.value, q.unit, q.sign) for q in find_quantities(passage["text"]))
    assert gold - found == Counter()
