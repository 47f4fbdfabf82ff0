"""A PDF page whose text layer is garbage (tests/fixture_builder/garbage.py: a ToUnicode map onto rare
ideographs, one into the Private Use Area, an invisible Latin OCR layer over a scanned page) is read by OCR,
and the report comes out as its truth; real text layers are kept."""

from __future__ import annotations

import json
from decimal import Decimal
from pathlib import Path

import pdfplumber
import pytest

from extractors import read_report
from extractors.readers.textlayer import garbage_reason, pages_to_ocr

FIXTURES = Path(__file__).parent / "fixtures"
GARBAGE = sorted((FIXTURES / "garbage").glob("*/*.pdf"))
CORPUS = Path(__file__).resolve().parents[1].parent / "shared" / "corpus" / "baoshan-2020-report.txt"


@pytest.mark.parametrize("text, reason", [
    ("", "no text"),
    ("2020年，我区共收到政府信息公开申请663件，办结率100%。详见 www.shbsq.gov.cn 或 http://xxgk.gov.cn/abc", None),
    ("\ue000\ue001" + "本机关收到申请" * 5, None),  # a couple of bullets in a symbol font
    ("12 345 6 — 0 0 7.8 9,012 " * 5, None),  # a page of figures
    ("\ue012\ue044\ue0a1\ue013" * 10, "broken code points"),
    ("\ufffd\ufffd申请" * 10, "broken code points"),
    ("l1I ,. ii~ Eee-ra l'il'u I'i,of tt rn " * 3, "not Chinese"),
    ("Õþ¸®ÐÅÏ¢¹«¿ª¹¤×÷Äê¶È±¨¸æ" * 4, "not Chinese"),  # GBK bytes read as Latin-1 (a line of it)
    ("㗡㙎㗡㗡䟱㷴㴊㺉㛈䩄㯸䳵㹡䱤䮸㶞䟱䵗㠕䏙", "rare ideographs"),
])
def test_garbage_is_told_by_its_shares(text, reason):
    assert garbage_reason(text) == reason


@pytest.mark.skipif(not CORPUS.exists(), reason="the shared corpus is not here")
def test_a_real_report_is_usable_text():
    assert garbage_reason(CORPUS.read_text(encoding="utf-8")) is None


@pytest.mark.parametrize("pdf", [FIXTURES / "hejiang-2022" / "hejiang-2022.pdf",
                                 FIXTURES / "variants" / "broken-headers-2019" / "broken-headers-2019.pdf",
                                 *sorted((FIXTURES / "variants-rl").glob("*/*.pdf"))[:2],
                                 *sorted((FIXTURES / "portal").glob("*.pdf"))])
def test_born_digital_pages_keep_their_text_layer(pdf):
    with pdfplumber.open(pdf) as doc:
        assert pages_to_ocr(doc.pages) == []  # broken-headers-2019's blank page 2 is left alone too


@pytest.mark.parametrize("pdf, pages", [(p, {"invisible": [2]}.get(p.stem.split("-")[0], [1, 2, 3]))
                                        for p in GARBAGE], ids=[p.stem for p in GARBAGE])
def test_garbage_pages_go_to_ocr(pdf, pages):
    with pdfplumber.open(pdf) as doc:
        assert pages_to_ocr(doc.pages) == pages


@pytest.mark.parametrize("pdf", GARBAGE, ids=[p.stem for p in GARBAGE])
def test_a_report_under_a_garbage_layer_reads_as_its_truth(pdf):
    truth = json.loads((pdf.parent / "truth.json").read_text(encoding="utf-8"))
    report = read_report(pdf)
    values = report.values()
    assert {k: values.get(k) for k in truth["cells"]} == {
        k: None if v is None else Decimal(str(v)) for k, v in truth["cells"].items()}
    assert (report.region, report.year, report.edition) == (truth["region"], truth["year"], truth["edition"])
    assert sorted((f.kind, f.identity, f.where) for f in report.flags) == sorted(
        (f["kind"], f.get("identity"), f.get("where")) for f in truth.get("expected_flags", []))
