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
