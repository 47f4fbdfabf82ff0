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
