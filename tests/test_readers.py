"""Readers on real files: spans, encodings, page-continued tables, format sniffing."""

from __future__ import annotations

import pytest

from extractors import ReadError, read_document
from extractors.model import Cell, Table
from extractors.readers.html import read as read_html
from extractors.readers.pdf import join_tables
from extractors.readers.sniff import sniff_format
from extractors.readers.text import parse_text
from extractors.tables import classify
from tests.conftest import FIXTURES

HEJIANG = FIXTURES / "hejiang-2022" / "hejiang-2022"


def _requests(doc):
    return next(t for t in doc.tables if classify(t) == "requests")


def _spans(table: Table) -> dict[str, tuple[int, int, int, int]]:
    return {c.text.replace("\n", ""): (c.row, c.col, c.rowspan, c.colspan) for c in table.cells}


@pytest.mark.parametrize("suffix", [".docx", ".html", ".pdf"])
def test_merged_header_cells_keep_their_spans(suffix):
    spans = _spans(_requests(read_document(HEJIANG.with_suffix(suffix))))
    assert spans["申请人情况"] == (0, 3, 1, 7)
    assert spans["法人或其他组织"] == (1, 4, 1, 5)
    assert spans["自然人"][2:] == (2, 1)
    assert spans["一、本年新收政府信息公开申请数量"][2:] == (1, 3)
    assert spans["（三）不予公开"][2:] == (8, 1)


def test_pdf_table_continued_on_next_page_is_one_table():
    doc = read_document(HEJIANG.with_suffix(".pdf"))
    table = _requests(doc)
    assert table.pages == (2, 3)
    labels = [row[2] for row in table.rows_text()]
    assert labels.count("3.其他") == 1 and "四、结转下年度继续办理" in table.rows_text()[-1]
    assert [classify(t) for t in doc.tables] == ["proactive", "requests", "appeals"]


def test_join_drops_a_repeated_header_and_keeps_columns_by_position():
    def cell(r, c, text, x0, x1, page, rowspan=1):
        top = 100 + 20 * r
        return Cell(r, c, text, rowspan=rowspan, page=page, bbox=(x0, top, x1, top + 20 * rowspan))

    first = Table([cell(0, 0, "信息内容", 50, 150, 1), cell(0, 1, "数量", 150, 250, 1),
                   cell(1, 0, "规章", 50, 150, 1), cell(1, 1, "3", 150, 250, 1)], page=1, bbox=(50, 100, 250, 140),
                  pages=(1,))
    second = Table([cell(0, 0, "信息内容", 50, 150, 2), cell(0, 1, "数量", 150, 250, 2),
                    cell(1, 0, "行政许可", 50, 150, 2), cell(1, 1, "7", 150, 250, 2)], page=2,
                   bbox=(50, 100, 250, 140), pages=(2,))
    joined = join_tables(first, second)
    assert joined.rows_text() == [["信息内容", "数量"], ["规章", "3"], ["行政许可", "7"]]
    assert joined.pages == (1, 2)
    narrower = Table(second.cells, page=2, bbox=(50, 100, 200, 140), pages=(2,))
    assert join_tables(first, narrower) is None


def test_html_in_gbk_is_decoded_and_layout_tables_are_walked_into(tmp_path):
    page = ("<html><head><meta charset='gb2312'></head><body><table><tr><td>"
            "<h1>2021年某某县政府信息公开工作年度报告</h1><p>一、总体情况</p>"
            "<table><tr><td rowspan='2'>行政复议</td><td colspan='2'>结果</td></tr><tr><td>1</td><td>2</td></tr>"
            "</table></td></tr></table></body></html>")
    path = tmp_path / "page.html"
    path.write_bytes(page.encode("gbk"))
    doc = read_html(path, path.read_bytes())
    assert [p.text for p in doc.paragraphs] == ["2021年某某县政府信息公开工作年度报告", "一、总体情况"]
    assert doc.paragraphs[0].level == 1
    (table,) = doc.tables
    assert table.rows_text() == [["行政复议", "结果", "结果"], ["行政复议", "1", "2"]]


def test_text_tables_span_blank_lines_and_end_at_prose():
    doc = parse_text("标题\n甲\t1\n\n乙\t2\n正文。\n丙\t3\n")
    assert [type(b).__name__ for b in doc.blocks] == ["Paragraph", "Table", "Paragraph", "Table"]
    assert doc.tables[0].rows_text() == [["甲", "1"], ["乙", "2"]]


@pytest.mark.parametrize("name, data, reason", [
    ("a.pdf", b"plain words", "named .pdf but holds plain text, not a PDF file"),
    ("a.docx", b"  \n", "empty file"),
    ("a.docx", b"PK\x03\x04broken", "damaged ZIP container: not a readable DOCX file"),
    ("a.doc", b"%PDF-1.4 ...", "named .doc but holds a PDF file, not a DOC file"),
    ("a.bin", b"\x00\x01\x02\x03", "binary data of an unknown format"),
])
def test_sniffing_refuses_what_the_name_misrepresents(name, data, reason):
    with pytest.raises(ReadError, match=f"^{reason}$"):
        sniff_format(name, data)


def test_sniffing_trusts_the_bytes():
    assert sniff_format("report.txt", b"<!DOCTYPE html><html>") == "html"
    assert sniff_format("report", "2020年报告".encode()) == "text"


def test_a_scanned_pdf_says_it_needs_ocr(tmp_path):
    # a PDF with a page but no text layer, as a scanner writes it
    pdf = (b"%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj\n2 0 obj<</Type/Pages/Kids[3 0 R]/Count 1>>endobj\n"
           b"3 0 obj<</Type/Page/Parent 2 0 R/MediaBox[0 0 595 842]>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF")
    path = tmp_path / "scan.pdf"
    path.write_bytes(pdf)
    with pytest.raises(ReadError, match="no text layer"):
        read_document(path)


def test_tab_indented_prose_is_prose_not_a_table():
    doc = parse_text("\t一、总体情况\n\t2020年，我区共收到申请663件。\n")
    assert [b.text for b in doc.blocks] == ["一、总体情况", "2020年，我区共收到申请663件。"]


def test_html_laid_out_with_br_gives_one_paragraph_per_line(tmp_path):
    from extractors.sections import section_tree

    page = ("<html><body><div class='TRS_Editor'>2022年某某县政府信息公开工作年度报告<br>一、总体情况<br>"
            "（一）主动公开<br>全年主动公开政府信息1200条。<br>二、主动公开政府信息情况</div></body></html>")
    path = tmp_path / "br.html"
    path.write_text(page, encoding="utf-8")
    doc = read_html(path, path.read_bytes())
    assert [p.text for p in doc.paragraphs][:3] == ["2022年某某县政府信息公开工作年度报告", "一、总体情况", "（一）主动公开"]
    assert [s.title for s in section_tree(doc)[1:]] == ["一、总体情况", "（一）主动公开", "二、主动公开政府信息情况"]


def test_docx_line_breaks_inside_a_paragraph_split_it(tmp_path):
    import docx

    document = docx.Document()
    document.add_paragraph("2022年某某县政府信息公开工作年度报告")
    paragraph = document.add_paragraph("一、总体情况")
    paragraph.add_run().add_break()
    paragraph.add_run("全年主动公开政府信息1200条。")
    path = tmp_path / "br.docx"
    document.save(path)
    assert [p.text for p in read_document(path).paragraphs] == [
        "2022年某某县政府信息公开工作年度报告", "一、总体情况", "全年主动公开政府信息1200条。"]


def test_a_file_that_cannot_be_read_is_named_in_the_error(tmp_path):
    """The public API's error is one line naming the file and why (the pipeline records the reason alone,
    beside the file); it survives the pool's pickling whole."""
    import pickle

    from extractors import read_report

    bad = tmp_path / "年报.pdf"
    bad.write_bytes(b"plain words")
    for path, reason in ((bad, "named .pdf but holds plain text, not a PDF file"),
                         (tmp_path / "gone.docx", "cannot read file: No such file or directory")):
        with pytest.raises(ReadError) as caught:
            read_report(path)
        assert str(caught.value) == f"{path}: {reason}"
        assert (caught.value.path, caught.value.reason) == (str(path), reason)
        copy = pickle.loads(pickle.dumps(caught.value))
        assert (str(copy), copy.path, copy.reason) == (str(caught.value), str(path), reason)
