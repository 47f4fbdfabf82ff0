"""Page furniture (extractors.readers.furniture): the page number printed in a margin is found by its chars,
so that a table running over the footer does not take it into its last row's cells."""

from extractors.readers.furniture import folio_chars

WIDTH, HEIGHT = 595.0, 842.0


def _chars(text: str, x0: float, top: float, size: float = 10.0, gap: float = 2.0) -> list[dict]:
    out, x = [], x0
    for ch in text:
        out.append({"text": ch, "x0": x, "x1": x + size, "top": top, "bottom": top + size})
        x += size + gap
    return out


def test_a_decorated_page_number_about_the_middle_of_a_margin_is_furniture():
    folio = _chars("—2—", 282, 803)
    cell = _chars("/", 295, 793)  # the last row's figure right above it, in the same column
    label = _chars("予", 94, 805)  # a vertical parent label's character on the footer's line
    found = folio_chars(folio + cell + label, WIDTH, HEIGHT)
    assert found == {id(c) for c in folio}
    for text in ("第3页", "第3页共9页", "3/9", "－12－"):
        chars = _chars(text, WIDTH / 2 - 20, 20)  # a header line: the top margin
        assert folio_chars(chars, WIDTH, HEIGHT) == {id(c) for c in chars}, text


def test_a_bare_figure_off_the_middle_or_out_of_the_margins_is_not():
    assert folio_chars(_chars("2", WIDTH / 2 - 5, 803), WIDTH, HEIGHT) == set()  # may be a table's
    assert folio_chars(_chars("—2—", 420, 803), WIDTH, HEIGHT) == set()  # a blank, a figure, a blank
    assert folio_chars(_chars("—2—", 282, 400), WIDTH, HEIGHT) == set()  # the middle of the page
    run_on = _chars("合计", 258, 803) + _chars("第3页", 282, 803)  # one run of words: not a page number alone
    assert folio_chars(run_on, WIDTH, HEIGHT) == set()
