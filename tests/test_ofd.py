"""OFD files (made from our PDFs by independent producers: easyofd, tests/fixture_builder/ofd.py, text only;
tests/fixture_builder/ofd_paths.py, rulings as PathObjects) read like the PDFs they render: the same template
cells, region, year, edition and flags, on both editions."""

from __future__ import annotations

import io
import json
import zipfile
from decimal import Decimal
from pathlib import Path

import pytest

from extractors import read_report
from extractors.readers import ReadError, read_document

FIXTURES = Path(__file__).parent / "fixtures"
OFDS = sorted((FIXTURES / "ofd").glob("*/*.ofd"))


def _summary(report):
    return (report.values(), report.region, report.year, report.edition,
            sorted((f.kind, f.identity, f.where) for f in report.flags))


@pytest.mark.parametrize("ofd", OFDS, ids=[p.name for p in OFDS])
def test_an_ofd_rendering_reads_like_its_pdf(ofd):
    truth = json.loads((ofd.parent / "truth.json").read_text(encoding="utf-8"))
    report = read_report(ofd)
    assert report.format == "ofd"
    values = report.values()
    assert {k: values.get(k) for k in truth["cells"]} == {
        k: None if v is None else Decimal(str(v)) for k, v in truth["cells"].items()}
    assert _summary(report) == _summary(read_report(FIXTURES / ofd.parent.name / f"{ofd.parent.name}.pdf"))


def test_both_editions_are_covered():
    assert {json.loads((p.parent / "truth.json").read_text(encoding="utf-8"))["edition"] for p in OFDS} == {
        "ed2019", "ed2021"}


def _renamespaced(data: bytes, uri: str) -> bytes:
    """The same OFD with another namespace URI on every XML part (writers differ)."""
    out = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(data)) as src, zipfile.ZipFile(out, "w") as dst:
        for name in src.namelist():
            body = src.read(name)
            if name.endswith(".xml"):
                body = body.replace(b"http://blog.yuanhaiying.cn", uri.encode())
            dst.writestr(name, body)
    return out.getvalue()


def test_element_names_match_whatever_the_namespace(tmp_path):
    ofd = next(p for p in OFDS if b"http://blog.yuanhaiying.cn" in zipfile.ZipFile(p).read("OFD.xml"))
    other = tmp_path / ofd.name
    data = ofd.read_bytes()
    assert b"http://blog.yuanhaiying.cn" in zipfile.ZipFile(io.BytesIO(data)).read("OFD.xml")
    other.write_bytes(_renamespaced(data, "http://www.ofdspec.org/2016"))
    assert read_report(other).values() == read_report(ofd).values()


def test_an_image_only_ofd_page_is_read_by_ocr():
    doc = read_document(FIXTURES / "ofd" / "scanned-appeals-page.ofd")
    rows = [row for t in doc.tables for row in t.rows_text()]
    assert ["14", "2", "1", "3", "21", "9", "0", "1", "2", "12", "4", "0", "0", "1", "5"] in rows
    assert all(c.confidence for t in doc.tables for c in t.cells if c.text)


def test_a_zip_named_ofd_without_ofd_xml_is_a_clear_error(tmp_path):
    bad = tmp_path / "report.ofd"
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w") as z:
        z.writestr("readme.txt", "hello")
    bad.write_bytes(buf.getvalue())
    with pytest.raises(ReadError, match="not a OFD file|ZIP"):
        read_document(bad)
