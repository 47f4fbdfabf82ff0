"""The page-character normaliser: fake bold, radical code points, widely spaced figures (pure functions)."""

from extractors.readers.glyphs import (
    canonical_text, clean_chars, join_autospaced_amounts, join_spaced_figure_text, join_spaced_figures,
)


def _char(text, x0, top=100.0, size=10.0):
    return {"text": text, "x0": x0, "x1": x0 + size, "top": top, "doctop": top, "bottom": top + size, "fontname": "F",
            "size": size, "upright": True}


def test_radicals_and_compatibility_ideographs_read_as_ordinary_characters():
    assert canonical_text("⼀、总体情况") == "一、总体情况"            # Kangxi radical ONE
    assert canonical_text("⻓期⻔户⺠⽣⻅") == "长期门户民生见"             # radicals supplement, Kangxi LIFE
    assert canonical_text("\uF900") == "豈"                             # a compatibility ideograph
    assert canonical_text("（一）１２３，—") == "（一）１２３，—"       # full-width forms stay as printed


def test_fake_bold_glyphs_kept_once_and_text_made_canonical():
    chars = [_char("总", 10), _char("总", 10.4), _char("计", 20), _char("计", 20.4), _char("⼈", 30)]
    kept = clean_chars(chars)
    assert [c["text"] for c in kept] == ["总", "计", "人"]
    # a character repeated in the text (两个相同的字) stands a full glyph apart and is kept
    assert [c["text"] for c in clean_chars([_char("5", 10), _char("5", 16)])] == ["5", "5"]


def _word(text, x0, x1, top=100.0):
    return {"text": text, "x0": x0, "x1": x1, "top": top, "bottom": top + 10}


def test_spaced_digits_of_one_figure_joined_neighbouring_columns_not():
    words = [_word("合计", 10, 30), _word("5", 100, 105), _word("3", 110, 115), _word("3", 120, 125),
             _word("7", 160, 165), _word("1", 200, 205)]
    assert [w["text"] for w in join_spaced_figures(words, 10)] == ["合计", "533", "7", "1"]
    # words on another line never join
    assert len(join_spaced_figures([_word("5", 100, 105), _word("3", 110, 115, top=120)], 10)) == 2


def test_spaced_figure_text_in_a_ruled_cell():
    assert join_spaced_figure_text("5 3 3") == "533"
    assert join_spaced_figure_text("1 2 3 4 . 5") == "1234.5"
    assert join_spaced_figure_text("第 3 项") == "第 3 项"
    assert join_spaced_figure_text("533") == "533"


def test_spaced_figures_with_separators_units_and_signs():
    def texts(*parts, pitch=6):
        return [w["text"] for w in join_spaced_figures(
            [_word(t, 100 + i * pitch, 104 + i * pitch) for i, t in enumerate(parts)], 10)]
    assert texts("1", ",", "0", "1", "1") == ["1,011"]
    assert texts("0", ".", "0", "5", "万", "元") == ["0.05万元"]
    assert texts("-", "2") == ["-2"]
    assert texts("合", "计") == ["合", "计"]         # letters of a label are not a figure
    assert join_spaced_figure_text("9 4 . 0 3 万 元") == "94.03万元"
    assert join_spaced_figure_text("1 2\n3 4") == "1 2\n3 4"       # two lines are not one figure
    assert join_spaced_figure_text("113400 万元") == "113400 万元"  # a figure and its unit, as printed
    # a figure and its unit printed with an ordinary space stay two words
    assert [w["text"] for w in join_spaced_figures([_word("113400", 100, 130), _word("万元", 133, 153)], 10)] \
        == ["113400", "万元"]


def test_an_amount_printed_with_cjk_autospace_is_one_word():
    """12 亿零 568 万元 as Word and LibreOffice print it (the digits a fifth of the text height from the
    magnitudes): one word, closed up; a wider gap keeps its space as a cell's text would; neighbouring columns,
    two figures, or a label and a figure stay apart (the fixture:
    tests/fixtures/borderless-cases/autospaced-magnitude-2021)."""
    def texts(*words):
        return [w["text"] for w in join_autospaced_amounts(list(words), 10)]
    assert texts(_word("12", 100, 110), _word("亿零", 112, 130), _word("568", 132, 150), _word("万元", 152, 170)) \
        == ["12亿零568万元"]
    assert texts(_word("113400", 100, 130), _word("万元", 133, 153)) == ["113400 万元"]
    assert texts(_word("12", 100, 110), _word("万元", 120, 140)) == ["12", "万元"]         # a column's gap
    assert texts(_word("12", 100, 110), _word("568", 112, 130)) == ["12", "568"]          # two figures
    assert texts(_word("合计", 100, 120), _word("568", 122, 140)) == ["合计", "568"]       # a label, a figure
    assert texts(_word("12", 100, 110), _word("亿", 112, 122, top=120)) == ["12", "亿"]   # another line
