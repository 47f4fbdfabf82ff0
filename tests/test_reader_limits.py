"""Inputs beyond any real report (issue 12): each format reader refuses them early with a one-line reason naming
its cap, the quadratic steps that stalled on them are linear, and the odd names and kinds of the folder walk
are read or listed. Every input is generated here, at test time (variants of the held-out kinds, not copies)."""

from __future__ import annotations

import io
import re
import shutil
import unicodedata
import warnings
import zipfile
import zlib
from pathlib import Path

import pypdfium2
import pytest

from extractors.readers import ReadError, read_document, sniff_format
from extractors.readers import html as html_reader
from extractors.readers import pdf_limits, sniff
from extractors.readers import text as text_reader
from pipeline.cli import main
from pipeline.display import shown
from pipeline.ingest import iter_inputs
from tests.conftest import FIXTURES

DOCX = FIXTURES / "hejiang-2022" / "hejiang-2022.docx"
HTML = FIXTURES / "hejiang-2022" / "hejiang-2022.html"
DOC = FIXTURES / "hejiang-2022" / "hejiang-2022.doc"


# --- HTML ---------------------------------------------------------------------------------------------------

@pytest.mark.parametrize("opening", ["<section class=c>", "<table><tr><td>", "<p><font><em>"])
def test_html_nested_past_the_cap_is_refused_before_parsing(tmp_path: Path, opening: str) -> None:
    levels = html_reader.MAX_HTML_DEPTH // opening.count("<") + 20
    page = tmp_path / "deep.html"
    page.write_text("<html><body>" + opening * levels + "年度报告</body></html>", encoding="utf-8")
    with pytest.raises(ReadError, match=rf"nested over {html_reader.MAX_HTML_DEPTH} deep"):
        read_document(page)


def test_html_nested_under_the_cap_is_read_without_recursion_errors(tmp_path: Path) -> None:
    page = tmp_path / "deep-ok.html"
    page.write_text("<html><body>" + "<div><section>" * 150 + "<p>一、总体情况</p><p>全年受理申请12件。</p>"
                    + "</section></div>" * 150 + "</body></html>", encoding="utf-8")
    texts = [b.text for b in read_document(page).blocks]
    assert texts == ["一、总体情况", "全年受理申请12件。"]


def test_html_page_past_the_byte_cap_is_refused(tmp_path: Path) -> None:
    page = tmp_path / "big.html"
    page.write_bytes(b"<html><body><p>x</p><!--" + b"-" * html_reader.MAX_HTML_BYTES + b"--></body></html>")
    with pytest.raises(ReadError, match=r"over the 32 MB cap"):
        read_document(page)


def test_xhtml_page_reads_without_a_library_warning(tmp_path: Path) -> None:
    page = tmp_path / "x.html"
    page.write_text('<?xml version="1.0" encoding="utf-8"?>\n<html xmlns="http://www.w3.org/1999/xhtml"><body>'
                    "<p>政府信息公开工作年度报告</p></body></html>", encoding="utf-8")
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        assert [b.text for b in read_document(page).blocks] == ["政府信息公开工作年度报告"]


# --- plain text ---------------------------------------------------------------------------------------------

def test_word_columns_match_measuring_each_prefix() -> None:
    """The one-pass column count gives what measuring each word's prefix gave (the quadratic way)."""
    line = "  收到申请 数量 1 , 0 2 3  宝山区ａｂ 件 ７ 12.5%   —  结转"
    for cjk in (1, 2):
        naive = []
        for m in re.finditer(r"\S+", line):
            width = lambda s: sum(cjk if unicodedata.east_asian_width(ch) in "WF" else 1 for ch in s)  # noqa: E731
            han = bool(re.search(r"[\u4e00-\u9fff]", line[:m.start()]))
            naive.append((m.group(), width(line[:m.start()]), width(line[:m.end()]), han))
        assert text_reader._word_columns(line, cjk) == naive


def test_a_long_line_of_spaced_digits_reads_as_no_report() -> None:
    """50,000 spaced figures on one line (quadratic before: minutes): read, and no table found in it."""
    document = text_reader.parse_text("3 , 5 0 7 " * 10_000)
    assert document.blocks and not any(hasattr(b, "cells") for b in document.blocks)


def test_text_past_the_character_cap_is_refused(tmp_path: Path) -> None:
    dump = tmp_path / "one-line.txt"
    dump.write_text("公开" * (text_reader.MAX_TEXT_CHARS // 2 + 1), encoding="utf-8")
    with pytest.raises(ReadError, match=r"over the 1,500,000 cap"):
        read_document(dump)


# --- ZIP packages (DOCX, DOCM, OFD) ----------------------------------------------------------------------------

def test_zip_bomb_docx_is_refused_by_its_declared_size(tmp_path: Path) -> None:
    bomb = tmp_path / "bomb.docx"
    with zipfile.ZipFile(DOCX) as src, zipfile.ZipFile(bomb, "w", zipfile.ZIP_DEFLATED) as out:
        for info in src.infolist():
            if info.filename != "word/document.xml":
                out.writestr(info, src.read(info))
        with out.open("word/document.xml", "w", force_zip64=True) as member:
            block = b"<w:p/>" * (2**20 // 6)
            for _ in range(sniff.MAX_MEMBER_BYTES // len(block) + 2):
                member.write(block)
    with pytest.raises(ReadError, match=r"would inflate to 20\d MB uncompressed .*refused before inflating"):
        read_document(bomb)


def test_docm_is_read_as_docx_and_wps_as_doc(tmp_path: Path) -> None:
    docm = tmp_path / "report.docm"
    with zipfile.ZipFile(DOCX) as src, zipfile.ZipFile(docm, "w", zipfile.ZIP_DEFLATED) as out:
        for info in src.infolist():
            body = src.read(info)
            if info.filename == "[Content_Types].xml":
                body = body.replace(b"application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml",
                                    b"application/vnd.ms-word.document.macroEnabled.main+xml")  # as Word writes it
            out.writestr(info, body)
        out.writestr("word/vbaProject.bin", b"\xd0\xcf\x11\xe0 never run")
    assert read_document(docm).format == "docx"
    wps = tmp_path / "report.wps"
    shutil.copy(DOC, wps)
    assert sniff_format(wps.name, wps.read_bytes()) == "doc"
    (tmp_path / "notes.bin").write_bytes(b"x")
    assert sorted(p.name for p, _ in iter_inputs([tmp_path])) == ["report.docm", "report.wps"]


# --- PDF ------------------------------------------------------------------------------------------------------

def _pdf(pages: int, content: bytes = b"") -> bytes:
    document = pypdfium2.PdfDocument.new()
    for _ in range(pages):
        document.new_page(200, 200)
    buf = io.BytesIO()
    document.save(buf)
    data = buf.getvalue()
    if content:  # a page whose content stream is Flate data, appended as an incremental object
        data += (b"\n99 0 obj\n<< /Length %d /Filter /FlateDecode >>\nstream\n" % len(content) + content
                 + b"\nendstream\nendobj\n")
    return data


def test_pdf_past_the_page_cap_is_refused() -> None:
    with pytest.raises(ReadError, match=r"PDF of 1,001 pages, over the 1,000-page cap"):
        pdf_limits.check_pdf_limits(_pdf(pdf_limits.MAX_PDF_PAGES + 1))
    pdf_limits.check_pdf_limits(_pdf(3))


def test_pdf_flate_bomb_is_refused_without_inflating_it_whole() -> None:
    packer = zlib.compressobj(9)
    chunk = b"0 0 m 1 1 l S\n" * 70_000
    bomb = b"".join(packer.compress(chunk) for _ in range(pdf_limits.MAX_STREAM_INFLATED // len(chunk) + 2))
    bomb += packer.flush()
    with pytest.raises(ReadError, match=r"stream inflates past the 128 MB cap"):
        pdf_limits.check_pdf_limits(_pdf(1, bomb))
    pdf_limits.check_pdf_limits(_pdf(1, zlib.compress(chunk)))  # 1 MB of drawing: a real page's size


def test_pdf_streams_too_short_to_pass_the_cap_are_not_inflated_and_the_ratio_holds(monkeypatch) -> None:
    # the densest Flate data there is (zeros at level 9) stays under the ratio the check relies on
    zeros = zlib.compress(bytes(32 * 2**20), 9)
    assert len(zeros) * pdf_limits.MAX_FLATE_RATIO >= 32 * 2**20
    inflated: list[int] = []
    real = pdf_limits._inflated_size
    monkeypatch.setattr(pdf_limits, "_inflated_size", lambda raw, cap: inflated.append(len(raw)) or real(raw, cap))
    pdf_limits.check_pdf_limits(_pdf(1, zlib.compress(b"0 0 m 1 1 l S\n" * 70_000)))
    assert inflated == []
    monkeypatch.setattr(pdf_limits, "MAX_STREAM_INFLATED", 16 * 2**20)  # past cap / ratio: inflated, refused
    with pytest.raises(ReadError, match=r"stream inflates past the 16 MB cap"):
        pdf_limits.check_pdf_limits(_pdf(1, zeros))
    assert len(inflated) == 1 and inflated[0] >= len(zeros)


def test_pdf_read_opens_the_file_in_pdfium_once(monkeypatch) -> None:
    from extractors.readers import pdf

    long = _pdf(pdf_limits.MAX_PDF_PAGES + 1)
    opened = []
    real = pypdfium2.PdfDocument
    monkeypatch.setattr(pypdfium2, "PdfDocument", lambda *a, **k: opened.append(1) or real(*a, **k))
    path = FIXTURES / "baoshan-2020" / "baoshan-2020.pdf"
    assert pdf.read(path, path.read_bytes()).pages == 5
    assert opened == [1]
    with pytest.raises(ReadError, match=r"PDF of 1,001 pages, over the 1,000-page cap"):  # counted in that one
        pdf.read(Path("long.pdf"), long)
    assert opened == [1, 1]


def test_pdf_past_the_byte_cap_is_refused(tmp_path: Path) -> None:
    sparse = tmp_path / "sparse.pdf"
    with sparse.open("wb") as f:
        f.write(b"%PDF-1.4\n")
        f.truncate(pdf_limits.MAX_PDF_BYTES + 1)
    with pytest.raises(ReadError, match=r"over the 128 MB cap"):
        read_document(sparse)


# --- names in output lines --------------------------------------------------------------------------------------

def test_control_characters_in_names_are_escaped() -> None:
    assert shown("a\nb\tc\x1b[0m.html") == "a\\nb\\tc\\x1b[0m.html"
    assert shown("宝山区 2020.html") == "宝山区 2020.html"
    assert shown(b"\xb1\xa6.html".decode("utf-8", "surrogateescape")) == "\\xb1\\xa6.html"


def test_a_name_with_a_newline_stays_on_one_output_line(tmp_path: Path, capsys) -> None:
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "bad\nname.txt").write_text("这是一份会议通知。", encoding="utf-8")
    main(["--db", str(tmp_path / "x.sqlite"), "ingest", str(folder)])
    lines = [line for line in capsys.readouterr().err.splitlines() if "name.txt" in line]
    assert lines and all("bad\\nname.txt" in line for line in lines)


def test_a_line_longer_than_any_page_is_prose_not_table_words() -> None:
    """A line past the layout width gets no word boxes (the borderless table search over 100k words of one line
    took minutes) and stays a paragraph; the table beside it is still found."""
    table = "\n".join(f"  {label}        {a}        {b}" for label, a, b in
                      (("项目", "本年", "上年"), ("收到申请", "12", "9"), ("办结", "11", "8"), ("结转", "1", "1")))
    document = text_reader.parse_text(table + "\n\n" + "7 , 0 2 1 " * 2_000 + "\n")
    assert [type(b).__name__ for b in document.blocks] == ["Table", "Paragraph"]
