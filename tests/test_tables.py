"""Table mapping on edited copies of the real fixtures: one edit per reported problem."""

from __future__ import annotations

import json
from decimal import Decimal

import regex

from extractors import read_report
from tests.conftest import FIXTURES

HEJIANG = FIXTURES / "hejiang-2022"
TRUTH = json.loads((HEJIANG / "truth.json").read_text(encoding="utf-8"))


# a figure cell and a row label cell of the page's requests table, as it prints them
_CELL = '<td><p align="center" style="text-indent:0"><span style="font-size:10.5pt">{}</span></p></td>'
_LABEL = _CELL.replace("<td>", '<td style="text-align:left">')


def _page() -> str:
    return (HEJIANG / "hejiang-2022.html").read_bytes().decode("gb18030")


def _read(tmp_path, name: str, html: str):
    """The report of ``html`` (an edited copy of the page), written as the page is (GB18030) and read back."""
    path = tmp_path / name
    path.write_bytes(html.encode("gb18030"))
    return read_report(path)


def _edited(tmp_path, old: str, new: str, count: int = 1):
    html = _page()
    assert html.count(old) >= count
    return _read(tmp_path, "edited.html", html.replace(old, new, count))


def _wrong(report) -> dict:
    values = report.values()
    return {k: (v, values.get(k)) for k, v in TRUTH["cells"].items()
            if (None if v is None else Decimal(str(v))) != values.get(k)}


def test_an_unreadable_column_header_is_placed_by_template_order(tmp_path):
    report = _edited(tmp_path, "科研机构", "科学研究单位")
    assert _wrong(report) == {}
    assert [f.kind for f in report.flags] == []


def test_a_garbled_row_label_is_flagged_not_guessed(tmp_path):
    report = _edited(tmp_path, "属于国家秘密", "详见附件")
    assert set(_wrong(report)) == {f"requests.result.withheld.state_secret.{c}" for c in
                                   ("natural_person", "commercial", "research", "social_org", "legal_service",
                                    "other_org", "total")}
    kinds = sorted(f.kind for f in report.flags)
    assert kinds == ["label", "rows_missing"]
    assert next(f for f in report.flags if f.kind == "label").where == "1.详见附件"


def test_a_blank_cell_in_a_headerless_proactive_row_shifts_nothing():
    from extractors.readers.text import parse_text
    from extractors.report import extract_report

    doc = parse_text("二、主动公开政府信息情况\n第二十条第（一）项\t\t\t\n规章\t5\t\t12\n规范性文件\t1\t2\t3\n")
    values = extract_report(doc).values()
    assert values["proactive.art20_1.regulations.made"] == 5
    assert values["proactive.art20_1.regulations.published"] == 0  # printed blank
    assert values["proactive.art20_1.regulations.total_published"] == 12


def test_a_proactive_table_opening_on_its_header_reads_the_first_block(tmp_path):
    """第二十条第（一）项 printed above the table (left at the foot of the page before): the header the table opens
    with is the first block's, and names the edition (its columns were taken in the other edition's order)."""
    heading = ('<tr>\n<td colspan="4" style="text-align:left"><p align="center" style="text-indent:0"><span '
               'style="font-size:10.5pt"><strong>第二十条第（一）项</strong></span></p></td>\n</tr>')
    report = _edited(tmp_path, heading, "")
    assert _wrong(report) == {}
    assert report.values()["proactive.art20_1.regulations.issued"] == Decimal(TRUTH["cells"][
        "proactive.art20_1.regulations.issued"])


def test_a_cell_the_grid_lacks_is_missing_not_zero(tmp_path):
    html = _page()
    start = html.index("四、结转下年度继续办理")
    row_end = html.index("</tr>", start)
    last_cell = html.rindex("<td", start, row_end)
    report = _read(tmp_path, "short-row.html", html[:last_cell] + html[row_end:])
    assert report.values().get("requests.carried_forward.total") is None
    assert not any(f.kind == "identity" for f in report.flags)
    assert any(f.kind == "rows_missing" and f.where == "requests" for f in report.flags)


def test_an_appeals_row_printed_all_blank_is_read_as_printed_blanks(tmp_path):
    html = _page()
    start = html.index("<table", html.index("四、政府信息公开行政复议"))
    end = html.index("</table>", start)
    table = html[start:end]
    last_row = table.rindex("<tr")
    blanked = table[:last_row] + regex.sub(r">\s*[0-9—]+\s*<", ">/<", table[last_row:])
    report = _read(tmp_path, "no-appeals.html", html[:start] + blanked + html[end:])
    appeals = {k: v for k, v in report.values().items() if k.startswith("appeals.")}
    assert len(appeals) == 15 and set(appeals.values()) == {0}
    assert all(report.cell(k).meaning == "empty" for k in appeals)
    assert not any(f.kind in ("identity", "rows_missing", "label") for f in report.flags)


def test_a_money_unit_printed_above_the_table_applies_to_its_money_cells():
    from extractors.readers.text import parse_text
    from extractors.report import extract_report

    rows = "第二十条第（九）项\t\t\n信息内容\t采购项目数量\t采购总金额\n政府集中采购\t438\t113400\n"
    with_unit = extract_report(parse_text("二、主动公开政府信息情况\n单位：万元\n" + rows))
    assert with_unit.values()["proactive.art20_9.procurement.amount_yuan"] == 1134000000
    without = extract_report(parse_text("二、主动公开政府信息情况\n" + rows))
    assert without.values()["proactive.art20_9.procurement.amount_yuan"] is None
    assert [f.key for f in without.flags if f.kind == "unit"] == ["proactive.art20_9.procurement.amount_yuan"]


def test_an_appeals_row_with_zeros_printed_as_nothing_reads_its_few_figures(tmp_path):
    # only the 4 non-zero figures of 行政复议 printed; every other cell of the row left empty
    html = _page()
    start = html.rindex("<tr>", 0, html.index("</table>", html.index("尚未审结")))
    printed = iter(["2", "1", "", "1", "4"] + [""] * 10)
    row = regex.sub(r'(<span style="font-size:10.5pt">)[^<]*(</span>)', lambda m: m[1] + next(printed) + m[2],
                    html[start:html.index("</tr>", start)])
    report = _read(tmp_path, "edited.html", html[:start] + row + html[html.index("</tr>", start):])
    truth = {k: Decimal(v if k.startswith("appeals.review.") else 0)
             for k, v in TRUTH["cells"].items() if k.startswith("appeals.")}
    assert {k: report.values()[k] for k in truth} == truth
    assert report.cell("appeals.litigation_direct.total").meaning == "empty"


def test_a_row_label_cut_by_the_page_end_is_read_by_its_head_and_its_tail_is_context(tmp_path):
    # "2.其他法律行" with the figures, "政法规禁止公开" alone in the next row (a row broken by the page end,
    # the header repeated between them as WPS prints it): the head names the row, the tail is not a row
    tail = "<tr>" + _CELL.format("政法规禁止公开") + _CELL.format("") * 7 + "</tr>\n<tr>"
    html = _page()
    start = html.index("2.其他法律行政法规禁止公开")
    after = html.index("<tr>", start)
    html = html[:start] + "2.其他法律行" + html[start + len("2.其他法律行政法规禁止公开"):after] + tail \
        + html[after + len("<tr>"):]
    html = html.replace('<td rowspan="22"', '<td rowspan="23"', 1).replace('<td rowspan="8"', '<td rowspan="9"', 1)
    report = _read(tmp_path, "row-break.html", html)
    assert _wrong(report) == {}
    assert [f.kind for f in report.flags] == []


def test_a_label_head_too_short_to_name_its_row_is_named_with_its_rest_on_the_row_under_it(tmp_path):
    # "1.信访举" beside the figures, "报投诉类申请" alone on the row under them (a three-line table whose rows are
    # found by their lines: the parent's second line 予处理 beside the label's second line opened a row): the
    # two together name the row above, the row under is context
    tail = "<tr>" + _CELL.format("报投诉类申请") + _CELL.format("") * 7 + "</tr>\n<tr>"
    html = _page()
    start = html.index("1.信访举报投诉类申请")
    after = html.index("<tr>", start)
    html = html[:start] + "1.信访举" + html[start + len("1.信访举报投诉类申请"):after] + tail \
        + html[after + len("<tr>"):]
    html = html.replace('<td rowspan="22"', '<td rowspan="23"', 1).replace('<td rowspan="5"', '<td rowspan="6"', 1)
    report = _read(tmp_path, "label-head.html", html)
    assert _wrong(report) == {}
    assert [f.kind for f in report.flags] == []


def test_a_label_head_printed_blank_over_its_rest_beside_the_figures_is_one_row(tmp_path):
    # "2.没有现成信息需要" alone on a line, printed blank, "另行制作" beside the row's figures on the line under
    # it (figures centred in a two-line row, read as two rows): one row, the blank line is none
    html = _page()
    start = html.index(_LABEL.format("2.没有现成信息需要另行制作"))
    html = html[:start] + _LABEL.format("2.没有现成信息需要") + _CELL.format("") * 7 + "</tr>\n<tr>" \
        + _LABEL.format("另行制作") + html[start + len(_LABEL.format("2.没有现成信息需要另行制作")):]
    parent = html.rindex('<td rowspan="3"', 0, start)  # （四）无法提供's
    html = html[:parent] + '<td rowspan="4"' + html[parent + len('<td rowspan="3"'):]
    html = html.replace('<td rowspan="22"', '<td rowspan="23"', 1)
    report = _read(tmp_path, "head-blank.html", html)
    assert _wrong(report) == {}
    assert [f.kind for f in report.flags] == []


def test_two_labels_in_one_blank_row_are_two_rows(tmp_path):
    # 无正当理由大量反复申请 and 要求行政机关确认或重新出具已获取信息 in one cell, a line break between them, every figure
    # cell blank (two rows printed blank that nothing marked apart: a page break between them, their numbering
    # dropped): two rows printed blank, 0 each, neither flagged as a label matching no row
    html = _page()
    start = html.rindex("<tr>", 0, html.index(_LABEL.format("4.无正当理由大量反复申请")))
    end = html.index("</tr>", html.index(_LABEL.format("5.要求行政机关确认或重新出具已获取信息"))) + len("</tr>")
    html = html[:start] + "<tr>" + _LABEL.format("无正当理由大量反复申请<br/>要求行政机关确认或重新出具已获取信息") \
        + _CELL.format("") * 7 + "</tr>" + html[end:]
    parent = html.rindex('<td rowspan="5"', 0, start)  # （五）不予处理's
    html = html[:parent] + '<td rowspan="4"' + html[parent + len('<td rowspan="5"'):]
    html = html.replace('<td rowspan="22"', '<td rowspan="21"', 1)
    report = _read(tmp_path, "two-blank-labels.html", html)
    blank = {k for k in TRUTH["cells"] if ".mass_repeat." in k or ".confirm." in k}
    assert {k: v for k, v in _wrong(report).items() if k not in blank} == {}
    assert {report.values().get(k) for k in blank} == {Decimal(0)}
    # (mass_repeat's 1 printed blank breaks the totals' identity and the narrative's figure: flagged as such)
    assert [f.message for f in report.flags if f.kind == "label"] == []


def test_a_blank_row_of_its_own_label_is_never_a_tail():
    from extractors.tables import _continues
    from extractors.template import load_template

    cands = [(r.key, r.labels) for r in load_template().request_rows if not r.row_of_group]
    above = ("result.withheld.law_forbidden", "2.其他法律行")
    assert _continues(above, "政法规禁止公开", cands)
    assert not _continues(above, "3.危及“三安全一稳定”", cands)  # a row of zeros printed blank: its own row
    assert not _continues(("result.withheld.state_secret", "1.属于国家秘密"), "政法规禁止公开", cands)


def test_a_tail_running_on_in_a_labels_note_continues_it():
    # （二）部分公开（区 printed blank over 分处理的，只计这一 / 情形，不计其他情 beside the figures: the row's core
    # (部分公开) leaves the note out, so the head alone matched as well as both together; as printed they run on
    from extractors.tables import _continues
    from extractors.template import load_template

    cands = [(r.key, r.labels) for r in load_template().request_rows if not r.row_of_group]
    assert _continues(("result.partial", "（二）部分公开（区"), "分处理的，只计这一\n情形，不计其他情", cands)
    assert not _continues(("result.partial", "（二）部分公开（区"), "属于国家秘密", cands)
    assert not _continues(("result.partial", "（二）部分公开"), "情形）", cands)  # too short to tell


def _proactive_of(blocks) -> dict:
    from extractors.model import Document
    from extractors.tables import extract_tables
    from extractors.template import load_template

    result = extract_tables(Document(path="t", format="text", blocks=blocks), load_template())
    return {c.key: (c.value, c.meaning) for c in result.cells if c.key and c.key.startswith("proactive.art20_8")}


def test_a_fee_row_label_alone_after_the_proactive_table_is_the_row_printed_blank():
    from extractors.model import Paragraph, table_from_rows

    head = table_from_rows([["第二十条第（一）项"], ["信息内容", "本年制发件数", "本年废止件数", "现行有效件数"],
                            ["规章", "1", "0", "5"]], 1)
    fees = [Paragraph("第二十条第（八）项", 1), Paragraph("信息内容", 1), Paragraph("本年收费金额（单位：万元）", 1)]
    blank = _proactive_of([head, *fees, Paragraph("行政事业性收费", 1)])
    assert blank == {"proactive.art20_8.fees.amount_yuan": (Decimal(0), "empty")}
    # the label on a line of its own and the row printed below it: the printed figure stands
    printed = _proactive_of([head, *fees, Paragraph("行政事业性收费", 1),
                             table_from_rows([["信息内容", "本年收费金额（单位：万元）"], ["行政事业性收费", "3.5"]], 1)])
    assert printed == {"proactive.art20_8.fees.amount_yuan": (Decimal(35000), "number")}


def test_a_one_row_block_printed_as_lines_after_the_proactive_table_is_read():
    # no rulings, the fee block carried to the next page: no table is found around its two lines, its header
    # and its row read as paragraphs (indep-broad-e, pdf-borderless-bureau-appeals-rows-2024)
    from extractors.model import Paragraph, table_from_rows

    head = table_from_rows([["第二十条第（一）项"], ["信息内容", "本年制发件数", "本年废止件数", "现行有效件数"],
                            ["规章", "1", "0", "5"]], 1)
    lines = [Paragraph("第二十条第（八）项", 1), Paragraph("信息内容 本年收费金额（单位：万元）", 2)]
    assert _proactive_of([head, *lines, Paragraph("行政事业性收费 /", 2)]) == {
        "proactive.art20_8.fees.amount_yuan": (Decimal(0), "empty")}
    assert _proactive_of([head, *lines, Paragraph("行政事业性收费 3.5", 2)]) == {
        "proactive.art20_8.fees.amount_yuan": (Decimal(35000), "number")}
    # words after the label are no figures: no row
    assert _proactive_of([head, *lines, Paragraph("行政事业性收费 详见附件", 2)]) == {}


def test_a_piece_of_a_parent_label_printed_a_character_a_line_is_no_label_of_the_row_beside_it():
    # （三）不予公开 printed one character a line down its column (as WPS prints a narrow merged cell, read
    # without rulings): its 三 (or 三 and the closing bracket) stands beside （二）部分公开's own label
    from extractors.model import Document, table_from_rows
    from extractors.tables import extract_tables
    from extractors.template import load_template

    header = ["", "", "", "自然人", "商业企业", "科研机构", "社会公益组织", "法律服务机构", "其他", "总计"]
    for piece in ("三", "三\n）"):
        rows = [header, ["一、本年新收政府信息公开申请数量", "", ""] + ["1"] * 7,
                ["三、本年度办理结果", "（一）予以公开", ""] + ["2"] * 7,
                ["", "（二）部分公开（区分处理的，只计这一情形，不计其他情形）", piece] + ["3"] * 7]
        result = extract_tables(Document(path="t", format="text", blocks=[table_from_rows(rows, 1)]),
                                load_template())
        partial = {c.key: c.value for c in result.cells if c.key and c.key.startswith("requests.result.partial.")}
        assert partial.get("requests.result.partial.total") == Decimal(3), piece
        assert not any(f.kind == "label" for f in result.flags), piece


def test_the_tail_of_the_label_above_on_a_rows_first_line_is_not_its_label():
    # read without rulings (fresh seed 1249): 政府信息公开申请, the last line of 1.申请人无正当理由…'s label, falls
    # on the line above 3.其他's and beside （六）其他处理 opening there, so it heads 3.其他's label cell
    from extractors.model import Document, table_from_rows
    from extractors.tables import extract_tables
    from extractors.template import load_template

    header = ["", "", "", "自然人", "商业企业", "科研机构", "社会公益组织", "法律服务机构", "其他", "总计"]
    for tail in ("政府信息公开申请", "处理其\n政府信息公开申请"):
        rows = [header, ["一、本年新收政府信息公开申请数量", "", ""] + ["1"] * 7,
                ["三、本年度办理结果", "（一）予以公开", ""] + ["2"] * 7,
                ["", "", "1.申请人无正当理由逾期不\n补正、行政机关不再处理其"] + ["—"] * 6 + ["0"],
                ["", "（六）其他处\n理", tail + "\n3.其他"] + ["0", "/", "—", "/", "0", "—", ""]]
        result = extract_tables(Document(path="t", format="text", blocks=[table_from_rows(rows, 1)]),
                                load_template())
        other = {c.key: c.value for c in result.cells if c.key and c.key.startswith("requests.result.other.other.")}
        assert other.get("requests.result.other.other.natural_person") == Decimal(0), tail
        assert len(other) == 7, tail
        assert not any(f.kind == "label" for f in result.flags), tail


def test_shortened_labels_above_a_parent_row_printed_blank_are_rows_of_figures():
    # one label column, labels shortened (新收申请, 上年结转: less sure than the template's words), the parent row
    # 办理结果 printed with no figures before the first row named surely (indep-labels2 mianyang)
    from extractors.model import Document, table_from_rows
    from extractors.tables import extract_tables
    from extractors.template import load_template

    rows = [["", "自然人", "企业", "科研机构", "公益组织", "法律服务", "其他组织", "合计"],
            ["新收申请", "5", "1", "0", "2", "0", "0", "8"], ["上年结转", "1", "0", "0", "0", "0", "0", "1"],
            ["办理结果"] + [""] * 7, ["①予以公开", "3", "1", "0", "0", "0", "0", "4"]]
    result = extract_tables(Document(path="t", format="text", blocks=[table_from_rows(rows, 1)]), load_template())
    values = {c.key: c.value for c in result.cells if c.key}
    assert values["requests.received.social_org"] == Decimal(2) and values["requests.received.total"] == 8
    assert values["requests.carried_over.natural_person"] == 1
    assert values["requests.result.disclosed.total"] == 4
    assert not any(f.kind == "label" for f in result.flags)


def test_a_one_column_block_takes_its_rows_figure_from_the_grid_column_beside_the_headers():
    # a grid made from positions (easyofd's OFD of a fresh variant, seed 1277): 本年处理决定数量 and the figures
    # under it, each centred over one wide cell, fall into neighbouring grid columns
    from extractors.model import Document, table_from_rows
    from extractors.tables import extract_tables
    from extractors.template import load_template

    rows = [["第二十条第（五）项", "", "", "", "", ""], ["", "信息内容", "", "", "本年处理决定数量", ""],
            ["行政许可", "", "", "1176", "", ""],
            ["第二十条第（八）项", "", "", "", "", ""], ["", "信息内容", "", "", "本年收费金额（单位：万元）", ""],
            ["行政事业性收费", "", "", "0.37", "", ""]]
    result = extract_tables(Document(path="t", format="text", blocks=[table_from_rows(rows, 1)]), load_template())
    values = {c.key: c.value for c in result.cells if c.key and c.key.startswith("proactive.")}
    assert values == {"proactive.art20_5.licensing.decisions": Decimal(1176),
                      "proactive.art20_8.fees.amount_yuan": Decimal(3700)}
    # two figures beside a one-column header: which is meant is not known, and nothing is taken from them
    rows[2] = ["行政许可", "", "", "1176", "", "12"]
    result = extract_tables(Document(path="t", format="text", blocks=[table_from_rows(rows, 1)]), load_template())
    licensing = [c.value for c in result.cells if c.key == "proactive.art20_5.licensing.decisions"]
    assert len(licensing) == 1 and licensing[0] not in (Decimal(1176), Decimal(12))


def test_a_block_heading_split_around_the_header_on_one_row_still_opens_its_block():
    # easyofd's OFD of a fresh variant (seed 1277): the heading row and the header's fall on one grid row,
    # 第二十条 | 信息内容 | 第（一）项 | 本年制发件数 …
    from extractors.model import Document, table_from_rows
    from extractors.tables import extract_tables
    from extractors.template import load_template

    rows = [["第二十条", "信息内容", "第（一）项", "本年制发件数", "本年废止件数", "现行有效件数"],
            ["规章", "", "", "0", "0", "0"], ["行政规范性文件", "", "", "8", "0", "109"]]
    result = extract_tables(Document(path="t", format="text", blocks=[table_from_rows(rows, 1)]), load_template())
    values = {c.key: c.value for c in result.cells if c.key and c.key.startswith("proactive.art20_1.")}
    assert values == {"proactive.art20_1.regulations.issued": 0, "proactive.art20_1.regulations.repealed": 0,
                      "proactive.art20_1.regulations.in_force": 0, "proactive.art20_1.normative_docs.issued": 8,
                      "proactive.art20_1.normative_docs.repealed": 0,
                      "proactive.art20_1.normative_docs.in_force": 109}


def test_a_label_wrapped_across_the_label_columns_is_one_label():
    # read without rulings (independent inputs, WPS and LibreOffice): a label spanning the parent's and the row
    # labels' columns, centred, wraps its tail under the row labels': （二）部分公开（…不计其他 | 情形）, and
    # 二、上年结转政府信息公开申 | 请数量, each head in the first column, its tail in the last
    from extractors.model import Document, table_from_rows
    from extractors.tables import extract_tables
    from extractors.template import load_template

    header = ["", "", "", "自然人", "商业企业", "科研机构", "社会公益组织", "法律服务机构", "其他", "总计"]
    rows = [header, ["一、本年新收政府信息公开申请数量", "", ""] + ["1"] * 7,
            ["二、上年结转政府信息公开申", "", "请数量"] + ["4"] * 7,
            ["三、本年度办理结果", "（一）予以公开", ""] + ["2"] * 7,
            ["（二）部分公开（区分处理的，只计这一情形，不计其他", "", "情形）"] + ["3"] * 7]
    result = extract_tables(Document(path="t", format="text", blocks=[table_from_rows(rows, 1)]), load_template())
    values = {c.key: c.value for c in result.cells if c.key}
    assert values.get("requests.result.partial.total") == Decimal(3)
    assert values.get("requests.carried_over.total") == Decimal(4)
    assert not any(f.kind == "label" for f in result.flags)
