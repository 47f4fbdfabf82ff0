"""Word-level geometry of the borderless table builder (pure functions over word boxes)."""

from extractors.readers.borderless import _Line, _units_joined


def _word(text, x0, x1, top=100.0):
    return {"text": text, "x0": x0, "x1": x1, "top": top, "bottom": top + 10}


def _joined(*words):
    line = _Line(list(words), 100.0, 110.0)
    _units_joined(line, 10.0)
    return [w["text"] for w in line.words]


def test_the_pieces_of_one_figure_are_one_word():
    # LibreOffice sets a CJK magnitude a little apart from its digits: '8' '亿' '1218' '万元'
    assert _joined(_word("政府集中采购", 10, 70), _word("8", 333.2, 338.5), _word("亿", 340.4, 349.4),
                   _word("1218", 351.2, 372.4), _word("万元", 374.6, 392.6)) == ["政府集中采购", "8亿1218万元"]
    # a unit printed a space after its figure keeps the space
    assert _joined(_word("31618.32", 300, 340), _word("万元", 345, 363)) == ["31618.32 万元"]


def test_figures_of_neighbouring_columns_stay_apart():
    assert _joined(_word("26", 241, 252), _word("8", 333, 338)) == ["26", "8"]
    assert _joined(_word("12", 241, 252), _word("件", 254, 263), _word("7", 300, 305)) == ["12件", "7"]
    assert _joined(_word("行政许可", 10, 50), _word("万元", 52, 70)) == ["行政许可", "万元"]


def test_table_four_with_blank_cells_keeps_all_fifteen_columns():
    # one row of figures, zeros printed as nothing, headers printed one character a line over every column;
    # the columns stand 28.8 pt apart, and two figures of neighbouring columns one character apart
    from extractors.readers.borderless import find_borderless_tables

    pitch, left, size = 28.8, 93.9, 10.5
    words = []
    for col in range(15):
        x = left + col * pitch
        for row, char in enumerate("结果维持" if col % 5 == 0 else "结果纠正" if col % 5 == 1 else
                                   "其他结果" if col % 5 == 2 else "尚未审结" if col % 5 == 3 else "总计"):
            words.append(_word(char, x, x + size, top=300 + row * 12))
    printed = {1: "19", 2: "42", 4: "61", 7: "23", 9: "23", 10: "11", 11: "7", 13: "14", 14: "32"}
    for col, text in printed.items():
        x = left + col * pitch + size / 2 - 2.7 * len(text) / 2 * 2
        words.append(_word(text, x, x + 5.4 * len(text), top=376))
    [(table, _)] = find_borderless_tables(words, 5)
    figures = table.rows_text()[-1]
    assert [t for t in figures if t] == list(printed.values())
    first = figures.index("19") - 1  # the grid column of 复议 结果维持, printed blank
    assert len(figures) - first == 15  # every one of the 15 columns is there, the blank ones too
    assert {col: figures[first + col] for col in printed} == printed


def _word9(text, x0, x1, top):
    return {"text": text, "x0": x0, "x1": x1, "top": top, "bottom": top + 9}


def _procurement_block(head, tail, count="134"):
    """The 第二十条第（九）项 block of a fresh variant read without its rulings (seed 1259, g1259-010): its sum
    printed spaced out in 万元 and wrapped across the row's line, ``head`` above it, ``tail`` below."""
    return [_word9("信息内容", 102.3, 138.3, 491.8), _word9("采购项目数量", 218.7, 272.7, 491.8),
            _word9("采购总金额", 341.5, 386.5, 491.8),
            *head,
            _word9("政府集中采购", 56.5, 110.5, 514.5), _word9(count, 233.2, 258.2, 514.5),
            *tail]


def test_a_sum_wrapped_across_its_row_line_is_the_row_s_figure():
    from decimal import Decimal

    from extractors.numerals import parse_cell
    from extractors.readers.borderless import find_borderless_tables

    words = _procurement_block([_word9("25.741753", 313.2, 394.2, 508.7), _word9("万", 405.7, 414.7, 508.7)],
                               [_word9("元", 359.5, 368.5, 520.4)])
    [(table, _)] = find_borderless_tables(words, 3)
    label, count, total = table.rows_text()[-1]
    assert (label, count) == ("政府集中采购", "134")
    assert parse_cell(total).value == Decimal("257417.53")


def test_halves_across_a_row_line_join_only_as_one_figure_in_a_column_the_row_leaves_blank():
    from extractors.readers.borderless import find_borderless_tables

    # a tail that makes no figure with the head (a word) stays out of the row
    words = _procurement_block([_word9("25.74", 313.2, 394.2, 508.7)], [_word9("份额", 359.5, 377.5, 520.4)])
    rows = [row for table, _ in find_borderless_tables(words, 3) for row in table.rows_text()]
    assert ["政府集中采购", "134"] in rows
    assert not any("25.74" in t and "份额" in t for row in rows for t in row)
    # halves over a column the row prints in are not its figure's: the row keeps its own
    words = _procurement_block([_word9("1,23", 230.0, 262.0, 508.7)], [_word9("6", 243.0, 248.0, 520.4)])
    rows = [row for table, _ in find_borderless_tables(words, 3) for row in table.rows_text()]
    assert ["政府集中采购", "134"] in rows
    assert not any("1,23" in t and "6" in t for row in rows for t in row)


def _block_rows():
    """A 第二十条 block of a word-built table at the foot of a page (page 2): its header, two rows of one figure."""
    words = [_word("信息内容", 100, 136, top=700), _word("本年处理决定数量", 300, 372, top=700),
             _word("行政许可", 56, 92, top=720), _word("12", 331, 341, top=720),
             _word("行政处罚", 56, 92, top=740), _word("7399", 326, 346, top=740)]
    return [{**w, "page": 2} for w in words]


def _opening(*words):
    return [{**w, "page": 3} for w in words]


def test_a_row_alone_at_the_top_of_the_next_page_is_the_table_s_last_row():
    from extractors.readers.borderless import rebuild_with_opening_rows

    table, _ = rebuild_with_opening_rows(_block_rows(), _opening(_word("行政强制", 56, 92, top=60),
                                                                 _word("61614", 323, 348, top=60)))
    last = [c for c in table.cells if c.row == table.n_rows - 1 and c.text]
    assert [c.text for c in last] == ["行政强制", "61614"]
    assert {c.page for c in last} == {3} and table.pages == (2, 3)  # each cell keeps the page it stands on


def test_what_opens_the_next_page_without_being_a_row_of_the_table_stays_out():
    from extractors.readers.borderless import rebuild_with_opening_rows

    for opening in (
        # narrative opening with a figure: one run of text across the figure columns
        [_word("61614件，同比增长12%，其中依申请公开", 56, 420, top=60)],
        # a line of prose ending a sentence, its figure standing apart in the figure column
        [_word("本年度行政强制", 56, 120, top=60), _word("61614件。", 320, 352, top=60)],
        # a label and a figure, the figure in no figure column of the table
        [_word("行政强制", 56, 92, top=60), _word("61614", 200, 225, top=60)],
        # a figure alone (no label: a stray number, not a row)
        [_word("61614", 323, 348, top=60)],
        # text standing over the figure columns (a heading, a caption), a figure in a column beside it
        [_word("单位", 56, 80, top=60), _word("件数", 250, 290, top=60), _word("61614", 323, 348, top=60)],
        # no figure at all
        [_word("（二）其他情况", 56, 130, top=60)],
    ):
        assert rebuild_with_opening_rows(_block_rows(), _opening(*opening)) is None, opening


def test_a_row_alone_at_the_top_of_the_next_page_under_its_block_s_header_stranded_at_the_foot():
    from extractors.readers.borderless import rebuild_with_opening_rows

    # 第二十条第（八）项 and its header at the foot of page 2, under the table; the fee's sum centred in a cell
    # across the figure columns, under its heading, in no figure column of the rows above
    header = [{**w, "page": 2} for w in (_word("第二十条第（八）项", 56, 137, top=760),
                                         _word("信息内容", 100, 136, top=780),
                                         _word("本年收费金额（单位：万元）", 250, 420, top=780))]
    opening = _opening(_word("行政事业性收费", 56, 119, top=60), _word("12", 280, 290, top=60))
    assert rebuild_with_opening_rows(_block_rows(), opening) is None  # no heading over it: no column of the table
    table, _ = rebuild_with_opening_rows(_block_rows(), opening, header)
    assert [c.text for c in table.cells if c.row == table.n_rows - 1 and c.text] == ["行政事业性收费", "12"]


def test_a_row_alone_at_the_top_of_the_next_page_with_its_label_centred_like_the_rows_above():
    # WPS centres labels in their cells (an independent input: 政府集中采购 under labels of other lengths): a
    # longer label starts further left than the rows' own, its middle where theirs are
    from extractors.readers.borderless import rebuild_with_opening_rows

    opening = _opening(_word("其他对外管理服务事项", 29, 119, top=60), _word("61614", 323, 348, top=60))
    table, _ = rebuild_with_opening_rows(_block_rows(), opening)
    assert [c.text for c in table.cells if c.row == table.n_rows - 1 and c.text] == ["其他对外管理服务事项", "61614"]


def test_two_columns_printed_blank_each_get_their_heading():
    # the requests table's header as a helper's independent report printed it (labels top-left, header cells
    # centred): 社会公益组织 and 其他 print no figure in any row; 社会公 / 益组织 wraps like its neighbours, so
    # the header line's pitch places it, but 其他, one line, is centred a line lower, between 法律服务机构 and
    # 总计. Both columns must stand, 其他 on its own (it was read into 总计's column)
    from extractors.readers.borderless import _header_only_columns

    def line(top, *words):
        return _Line([_word(text, x0, x0 + 10 * len(text), top) for text, x0 in words], top, top + 10)

    header = [
        line(157.3, ("自然人", 228), ("商业企", 272), ("科研机", 316), ("社会公", 359), ("法律服", 403), ("总计", 496)),
        line(163.4, ("项之和）", 126), ("其他", 452)),
        line(169.8, ("业", 282), ("构", 326), ("益组织", 359), ("务机构", 403)),
    ]
    figures = [243.0, 287.0, 331.0, 418.0, 506.0]  # the columns rows print figures in
    columns = _header_only_columns(header, figures, label_edge=230.0)
    assert [round(c) for c in columns] == [243, 287, 331, 374, 418, 462, 506]


# an independent report's requests table (rules off, labels top-left, figures centred in rows two lines high):
# 1.属于国家秘密 prints one line beside the first of its parent's two (（三）不予公 / 开), its figures between them
_CENTRED_FIGURES = [  # (text, x0, x1, top, bottom) as read from the page
    ('单位：件', 491.1, 533.1, 117.1, 127.6), ('申请人情况', 374.3, 426.8, 132.8, 143.3),
    ('法人或其他组织', 363.8, 437.3, 145.8, 156.3), ('（本列数据的勾稽关系为：第一项加第二项', 66.2, 265.7, 152.3, 162.8),
    ('自然', 280.1, 301.1, 158.8, 169.3), ('社会', 390.0, 411.0, 158.8, 169.3), ('法律', 426.7, 447.7, 158.8, 169.3),
    ('之和，等于第三项加第四项之和）', 87.2, 244.7, 165.3, 175.8), ('商业', 316.8, 337.8, 165.3, 175.8),
    ('科研', 353.4, 374.4, 165.3, 175.8), ('总计', 500.0, 521.0, 165.3, 175.8), ('人', 285.4, 295.9, 171.8, 182.3),
    ('公益', 390.0, 411.0, 171.8, 182.3), ('服务', 426.7, 447.7, 171.8, 182.3), ('其他', 463.4, 484.4, 171.8, 182.3),
    ('企业', 316.8, 337.8, 178.3, 188.8), ('机构', 353.4, 374.4, 178.3, 188.8), ('组织', 390.0, 411.0, 184.8, 195.3),
    ('机构', 426.7, 447.7, 184.8, 195.3), ('一、本年新收政府信息公开申请数量', 62.5, 230.5, 197.8, 208.3),
    ('120', 280.6, 300.6, 198.8, 209.3), ('43', 320.6, 334.0, 198.8, 209.3), ('—', 358.6, 369.1, 198.8, 209.3),
    ('—', 395.3, 405.8, 198.8, 209.3), ('8', 433.8, 440.5, 198.8, 209.3), ('4', 470.5, 477.2, 198.8, 209.3),
    ('175', 500.5, 520.5, 198.8, 209.3), ('二、上年结转政府信息公开申请数量', 62.5, 230.5, 210.8, 221.3),
    ('—', 285.4, 295.9, 211.8, 222.3), ('—', 322.0, 332.5, 211.8, 222.3), ('—', 358.6, 369.1, 211.8, 222.3),
    ('—', 395.3, 405.8, 211.8, 222.3), ('—', 431.9, 442.4, 211.8, 222.3), ('—', 468.6, 479.1, 211.8, 222.3),
    ('—', 505.3, 515.8, 211.8, 222.3), ('三、', 67.6, 88.6, 223.8, 234.3), ('（一）予以公开', 99.3, 172.8, 223.8, 234.3),
    ('45', 283.9, 297.3, 224.8, 235.3), ('20', 320.6, 334.0, 224.8, 235.3), ('—', 358.6, 369.1, 224.8, 235.3),
    ('—', 395.3, 405.8, 224.8, 235.3), ('5', 433.8, 440.5, 224.8, 235.3), ('2', 470.5, 477.2, 224.8, 235.3),
    ('72', 503.8, 517.2, 224.8, 235.3), ('本年', 67.6, 88.6, 236.8, 247.3),
    ('（二）部分公开（区分处理的，只计', 99.3, 267.3, 236.8, 247.3), ('14', 283.9, 297.3, 244.3, 254.8),
    ('3', 323.9, 330.6, 244.3, 254.8), ('—', 358.6, 369.1, 244.3, 254.8), ('—', 395.3, 405.8, 244.3, 254.8),
    ('—', 431.9, 442.4, 244.3, 254.8), ('—', 468.6, 479.1, 244.3, 254.8), ('17', 503.8, 517.2, 244.3, 254.8),
    ('度办', 67.6, 88.6, 249.8, 260.3), ('这一情形，不计其他情形）', 99.3, 225.3, 249.8, 260.3), ('理结', 67.6, 88.6, 262.8, 273.3),
    ('（三）不予公', 99.3, 162.3, 262.8, 273.3), ('1.属于国家秘密', 173.0, 246.0, 262.8, 274.3),
    ('1', 287.3, 294.0, 270.3, 280.8), ('—', 322.0, 332.5, 270.3, 280.8), ('—', 358.6, 369.1, 270.3, 280.8),
    ('—', 395.3, 405.8, 270.3, 280.8), ('—', 431.9, 442.4, 270.3, 280.8), ('—', 468.6, 479.1, 270.3, 280.8),
    ('1', 507.2, 513.9, 270.3, 280.8), ('果', 72.8, 83.3, 275.8, 286.3), ('开', 99.3, 109.8, 275.8, 286.3),
    ('（三）不予公', 99.3, 162.3, 288.8, 299.3), ('2.其他法律行政法规', 173.0, 267.0, 288.8, 300.3),
    ('—', 285.4, 295.9, 296.3, 306.8), ('—', 322.0, 332.5, 296.3, 306.8), ('—', 358.6, 369.1, 296.3, 306.8),
    ('—', 395.3, 405.8, 296.3, 306.8), ('—', 431.9, 442.4, 296.3, 306.8), ('—', 468.6, 479.1, 296.3, 306.8),
    ('—', 505.3, 515.8, 296.3, 306.8), ('开', 99.3, 109.8, 301.8, 312.3), ('禁止公开', 173.0, 215.0, 301.8, 312.3),
    ('（三）不予公', 99.3, 162.3, 314.8, 325.3), ('3.危及“三安全一稳', 173.0, 267.0, 314.8, 326.3),
    ('1', 287.3, 294.0, 322.3, 332.8), ('—', 322.0, 332.5, 322.3, 332.8), ('—', 358.6, 369.1, 322.3, 332.8),
    ('—', 395.3, 405.8, 322.3, 332.8), ('—', 431.9, 442.4, 322.3, 332.8), ('—', 468.6, 479.1, 322.3, 332.8),
    ('1', 507.2, 513.9, 322.3, 332.8), ('开', 99.3, 109.8, 327.8, 338.3), ('定”', 173.0, 194.0, 327.8, 338.3),
]


def test_a_one_line_label_above_its_centred_figures_is_their_row_not_a_row_printed_blank():
    from extractors.readers.borderless import find_borderless_tables

    words = [{"text": t, "x0": x0, "x1": x1, "top": top, "bottom": bottom} for t, x0, x1, top, bottom in
             _CENTRED_FIGURES]
    [(table, _)] = find_borderless_tables(words, 3)
    rows: dict[int, list[str]] = {}
    for cell in table.cells:
        rows.setdefault(cell.row, []).append(" ".join(cell.text.split()))
    secret = next(texts for texts in rows.values() if any("1.属于国家秘密" in t for t in texts))
    assert secret.count("1") == 2 and secret.count("—") == 5, secret  # 自然人 1, 总计 1, the rest printed —


def test_a_row_printed_blank_under_the_last_row_starting_left_of_its_label_is_a_row():
    # the words of an independent report's requests table (a helper's, borderless, every zero left blank, all
    # numbering dropped): 结转下年度继续办理, printed blank, under 总计 56 11 …, starts left of where 总计 starts
    # and runs past it: a row of its own, not the tail of 总计's label (it was read into 总计's row)
    import json

    from extractors.readers.borderless import find_borderless_tables
    from tests.conftest import ROOT

    measured = json.loads((ROOT / "tests/data/borderless-words/blank-last-row-under-total.json").read_text("utf-8"))
    words = [{"text": t, "x0": x0, "x1": x1, "top": top, "bottom": bottom, "doctop": top, "page": 2, "upright": True}
             for t, x0, x1, top, bottom in measured]
    [(table, _)] = find_borderless_tables(words, 2)
    rows = table.rows_text()
    assert [c for c in rows[-2] if c] == ["总计", "56", "11", "1", "1", "3", "2", "74"]
    assert [c for c in rows[-1] if c] == ["结转下年度继续办理"]


def test_a_heading_like_row_printed_blank_and_wrapped_stays_in_its_table():
    # 二、部分公开（区分处理的，… printed blank, numbered as the report's sections are and wrapped over three lines
    # left of the figure columns, then the next row's 1、属于国家秘 opening above its figures: the figure line is
    # the fifth line down (a fresh draw, seed 1483, read by LibreOffice's PDF); it cut the table in two
    from extractors.readers.borderless import find_borderless_tables

    boxes = [("上年结转政府信息公开申请数", 60.4, 177.4, 188.0), ("0", 206.7, 212.1, 194.0), ("4", 257.1, 262.5, 194.0),
             ("0", 307.6, 313.0, 194.0), ("0", 358.0, 363.4, 194.0), ("4", 408.5, 413.9, 194.0),
             ("0", 458.9, 464.3, 194.0), ("8", 509.4, 514.8, 194.0), ("量", 60.4, 69.4, 200.1),
             ("予以公开", 81.4, 117.4, 216.8), ("1117", 198.6, 220.2, 216.8), ("0", 257.1, 262.5, 216.8),
             ("0", 307.6, 313.0, 216.8), ("0", 358.0, 363.4, 216.8), ("0", 408.5, 413.9, 216.8),
             ("86", 456.2, 467.0, 216.8), ("1203", 501.3, 522.9, 216.8), ("二、部分公开（区分处理", 81.4, 180.4, 233.4),
             ("的，只计这一情形，不计", 81.4, 180.4, 245.6), ("其他情形）", 81.4, 126.4, 257.7),
             ("1、属于国家秘", 118.6, 178.0, 274.4), ("122", 201.3, 217.5, 280.4), ("0", 257.1, 262.5, 280.4),
             ("0", 307.6, 313.0, 280.4), ("0", 358.0, 363.4, 280.4), ("0", 408.5, 413.9, 280.4),
             ("15", 456.2, 467.0, 280.4), ("137", 504.0, 520.2, 280.4), ("密", 118.6, 127.6, 286.5)]
    words = [{"text": t, "x0": x0, "x1": x1, "top": top, "bottom": top + 9.0} for t, x0, x1, top in boxes]
    tables = [table for table, _ in find_borderless_tables(words, 2)]
    texts = [{c.text for c in table.cells} for table in tables]
    assert [t for t in texts if "1203" in t or "137" in t] == [next(t for t in texts if "1203" in t)]
    assert {"1203", "137", "8"} <= texts[0]


# the foot of a requests table's page and the head of the next (an independent input, read as printed: labels
# top-aligned, rules across only, the header repeated on the next page and left out here): (text, x0, x1, top, bottom)
_FOOT_ABOVE_TOTAL = [
    ('1、信访举报投诉类申', 161.6, 248.4, 640.6, 651.2),
    ('6', 276.5, 282.2, 642.2, 651.2),
    ('1', 312.9, 318.6, 642.2, 651.2),
    ('0', 349.4, 355.1, 642.2, 651.2),
    ('0', 385.9, 391.6, 642.2, 651.2),
    ('0', 422.3, 428.0, 642.2, 651.2),
    ('0', 458.7, 464.4, 642.2, 651.2),
    ('7', 495.2, 500.9, 642.2, 651.2),
    ('请', 161.6, 170.6, 652.6, 661.6),
    ('2、重复申请', 161.6, 212.4, 665.1, 675.7),
    ('5', 276.5, 282.2, 666.7, 675.7),
    ('1', 312.9, 318.6, 666.7, 675.7),
    ('1', 349.4, 355.1, 666.7, 675.7),
    ('0', 385.9, 391.6, 666.7, 675.7),
    ('0', 422.3, 428.0, 666.7, 675.7),
    ('0', 458.7, 464.4, 666.7, 675.7),
    ('7', 495.2, 500.9, 666.7, 675.7),
    ('3、要求提供公开出版', 161.6, 248.4, 677.6, 688.2),
    ('1', 276.5, 282.2, 679.2, 688.2),
    ('0', 312.9, 318.6, 679.2, 688.2),
    ('0', 349.4, 355.1, 679.2, 688.2),
    ('0', 385.9, 391.6, 679.2, 688.2),
    ('0', 422.3, 428.0, 679.2, 688.2),
    ('0', 458.7, 464.4, 679.2, 688.2),
    ('1', 495.2, 500.9, 679.2, 688.2),
    ('(五)不予', 110.7, 144.7, 683.6, 694.2),
    ('物', 161.6, 170.6, 689.6, 698.6),
    ('处理', 110.7, 128.7, 695.6, 704.6),
    ('4、无正当理由大量反', 161.6, 248.4, 702.1, 712.7),
    ('复申请', 161.6, 188.6, 714.1, 723.1),
    ('5、要求行政机关确认', 161.6, 248.4, 726.6, 737.2),
    ('或重新出具已获取信息', 161.6, 251.6, 738.6, 747.6),
    ('(六)其他处理', 110.7, 162.7, 751.1, 761.7),
]
_TOTAL_OPENING = [
    ('(七)总计', 110.7, 144.7, 134.6, 145.2),
    ('324', 270.8, 287.9, 136.2, 145.2),
    ('35', 310.1, 321.5, 136.2, 145.2),
    ('6', 349.4, 355.1, 136.2, 145.2),
    ('6', 385.9, 391.6, 136.2, 145.2),
    ('20', 419.5, 430.9, 136.2, 145.2),
    ('10', 455.9, 467.3, 136.2, 145.2),
    ('401', 489.5, 506.6, 136.2, 145.2),
    ('四、结转下年度继续办理', 73.8, 172.8, 147.1, 156.1),
    ('29', 273.6, 285.0, 148.7, 157.7),
    ('1', 312.9, 318.6, 148.7, 157.7),
    ('0', 349.4, 355.1, 148.7, 157.7),
    ('0', 385.9, 391.6, 148.7, 157.7),
    ('0', 422.3, 428.0, 148.7, 157.7),
    ('0', 458.7, 464.4, 148.7, 157.7),
    ('30', 492.4, 503.8, 148.7, 157.7),
]


def test_rows_printed_blank_at_a_page_s_foot_are_no_head_of_the_total_row_opening_the_next():
    # 4、无正当理由大量反复申请, 5、要求行政机关确认或重新出具已获取信息 and (六)其他处理 printed blank at the foot of
    # page 2, (七)总计 324 35 … opening page 3: the part rebuilt across the pages stands them close, and the
    # blank rows' lines had joined the total row as the head of its label
    from extractors.readers.borderless import rebuild_across_pages

    def words(tuples, page):
        return [{"text": t, "x0": a, "x1": b, "top": c, "bottom": d, "page": page} for t, a, b, c, d in tuples]

    table, _ = rebuild_across_pages([words(_FOOT_ABOVE_TOTAL, 2), words(_TOTAL_OPENING, 3)])
    rows = [[t for t in row if t] for row in table.rows_text()]
    assert ["(七)总计", "324", "35", "6", "6", "20", "10", "401"] in rows
    assert not any("5、要求行政机关确认\n或重新出具已获取信息" in row and "324" in row for row in rows)
