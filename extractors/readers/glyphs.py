"""Characters of a fixed-layout page (PDF, later OFD or OCR) as the reader should see them.

Producers write text in ways that read wrong naively; one function here undoes each, whatever library gave the
characters (dicts with ``text, x0, x1, top, bottom, fontname, size`` as pdfplumber and pdfminer name them):

- fake bold: every glyph painted twice, the copy shifted a fraction of a point ('总总计计', '555511');
- radical and compatibility code points: a font's ToUnicode map that sends 一 to the Kangxi radical ⼀
  (U+2F00) or 长 to ⻓ (U+2ED3), or an ideograph to its compatibility twin (U+F900 …): the text looks right
  on screen and matches nothing;
- wide character spacing: the digits of one figure standing apart ('5 3 3'), so a figure reads as three;
- space glyphs: some producers print a word space as a glyph, others as a gap; PDFium reports both as a
  space it inferred, so a printed space is dropped and a word break always comes from the gap (the readers'
  ``x_tolerance``), whichever library read the page.
"""

from __future__ import annotations

import unicodedata
from collections import deque
from operator import itemgetter

import regex

# CJK Radicals Supplement (U+2E80–U+2EF3) has no decomposition in Unicode except two; these are its
# whole-character forms with their equivalent unified ideographs (Unicode's EquivalentUnifiedIdeograph data).
_SUPPLEMENT = dict(zip(
    "⺁⺅⺆⺇⺉⺊⺋⺌⺍⺎⺏⺐⺒⺓⺔⺖⺘⺙⺛⺜⺝⺞⺟⺠⺡⺢⺣⺤⺦⺧⺨⺩⺪⺫⺬⺭⺮⺯⺰⺲⺶⺷⺹⺺⺼⺽⺾⺿⻀⻁⻂⻃⻄⻅⻆⻈⻉⻋⻌⻍⻎⻏⻐⻑"
    "⻒⻓⻔⻕⻖⻗⻘⻙⻚⻛⻜⻝⻟⻠⻢⻣⻤⻥⻦⻧⻨⻩⻪⻫⻬⻭⻮⻯⻰⻱⻲⻳",
    "厂亻冂几刂卜㔾小小兀尣尢巳幺彑忄扌攵旡日月歺母民氵氺灬爫丬牛犭王疋罒示礻竹糸纟罒羊羊耂肀月臼艹艹艹虎衤覀西见角讠贝车辶辶辶阝钅長"
    "镸长门阝阝雨青韦页风飞食飠饣马骨鬼鱼鸟卤麦黄黾斉齐歯齿竜龙龜亀龟",
    strict=True,
))


def _canonical_table() -> dict[int, str]:
    table = {ord(k): v for k, v in _SUPPLEMENT.items()}
    # Kangxi radicals and the compatibility ideographs decompose to unified ideographs in Unicode itself.
    for lo, hi in ((0x2F00, 0x2FD5), (0xF900, 0xFAFF), (0x2F800, 0x2FA1F)):
        for cp in range(lo, hi + 1):
            form = unicodedata.normalize("NFKC", chr(cp))
            if form != chr(cp) and len(form) == 1:
                table[cp] = form
    return table


_CANONICAL = _canonical_table()


def canonical_text(text: str) -> str:
    """``text`` with radical and compatibility code points replaced by the ordinary ideographs (⼀ → 一,
    ⻓ → 长, 豈 → 豈); nothing else changes (full-width digits and punctuation stay as printed)."""
    return text.translate(_CANONICAL)


def clean_chars(chars: list[dict], tolerance: float = 1.0) -> list[dict]:
    """The characters a reader should use: a glyph painted again within ``tolerance`` points of itself (same
    text, font and size: fake bold) kept once, space glyphs left out, and every kept char's ``text`` made
    canonical *in place*, so a page filtered to the returned dicts (by identity) reads clean."""
    for char in chars:
        text = char["text"]
        if len(text) == 1:  # nearly always: a lookup, not a translation
            if ord(text) in _CANONICAL:
                char["text"] = _CANONICAL[ord(text)]
        else:
            char["text"] = canonical_text(text)
    return _dedupe([c for c in chars if c["text"] not in _SPACES], tolerance)


_SPACES = {" ", "\u00a0", ""}  # not U+3000: the ideographic space indents Chinese paragraphs as a glyph

# × font size: a gap this wide between two glyphs of one line is a printed space. Below the common space width
# (0.3 em: a space glyph's width read a hundredth of a point short, as PDFium rounds a font's widths, still
# counts) and above the gap some producers leave between scripts ('85632.5万元': 0.2 em, no space printed).
SPACE_GAP = 0.25


def _dedupe(chars: list[dict], tolerance: float) -> list[dict]:
    """pdfplumber's ``dedupe_chars`` in linear time (its clustering was a quarter of reading a page): of the
    glyphs of one text, font, size and orientation standing within ``tolerance`` points of each other (top and
    left edge), the top-left one is kept; the rest keep their order.

    Glyphs are taken top to bottom, so the kept glyphs of a kind that can still be near are those less than
    ``tolerance`` above: each kind keeps those in a queue, the ones left behind dropped from its front."""
    near: dict[tuple, deque[tuple[float, float]]] = {}  # glyph kind -> (doctop, x0) of its kept glyphs, in order
    dropped: set[int] = set()
    for char in sorted(chars, key=_READING_ORDER):
        doctop, x0 = char["doctop"], char["x0"]
        kind = (char["upright"], char["text"], char["fontname"], char["size"])
        kept = near.get(kind)
        if kept is None:  # the first glyph of its kind: most are
            near[kind] = deque(((doctop, x0),))
            continue
        while kept and doctop - kept[0][0] > tolerance:
            kept.popleft()
        if any(abs(kept_x0 - x0) <= tolerance for _, kept_x0 in kept):
            dropped.add(id(char))
        else:
            kept.append((doctop, x0))
    return [c for c in chars if id(c) not in dropped] if dropped else chars


_READING_ORDER = itemgetter("doctop", "x0")


_FIGURE_HEAD = regex.compile(r"^[-−–—]?[0-9０-９][0-9０-９,，.．]*[万亿千]?$|^[-−–—]$")
_FIGURE_TAIL = regex.compile(r"^[0-9０-９,，.．]+[万亿千]?[元件条个次篇]?$|^(?=.)[万亿千]?[元件条个次篇]?$")


def join_spaced_figures(words: list[dict], size: float) -> list[dict]:
    """Words of one page with the digits of a widely spaced figure ('5 3 3') joined into one word.

    Single characters standing apart on one line join when the first is (the start of) a figure, the second goes on with digits,
    separators or a unit (1 , 0 1 1; 0 . 0 5 万 元), and the gap between them is under ``0.8 × size`` (the
    text height): the columns of a table stand several characters apart, so two figures of neighbouring
    columns never come that close.
    """
    out: list[dict] = []
    for word in words:  # in reading order, as extract_words gives them: a left neighbour comes just before
        prev = out[-1] if out else None
        if prev is not None and len(word["text"]) == 1 and (len(prev["text"]) == 1 or prev.get("spaced")) \
                and _FIGURE_HEAD.match(prev["text"]) and _FIGURE_TAIL.match(word["text"]) \
                and _one_line(prev, word, size) and 0 <= word["x0"] - prev["x1"] < 0.8 * size:
            out[-1] = {**_merged(prev, word, prev["text"] + word["text"]), "spaced": True}
        else:
            out.append(word)
    return out


def join_autospaced_amounts(words: list[dict], size: float) -> list[dict]:
    """Words of one page with the parts of an amount that Word and WPS print apart joined into one word: their
    autospace between CJK and Latin text sets a figure's digits a fifth of the text height away from its
    magnitudes and unit ('12 亿零 568 万元'), which extract_words, at a tighter tolerance, keeps as words apart;
    a word-built table could then put '12' in a column of its own. Two neighbours on one line join when the gap
    is under ``0.35 × size`` and one ends in a digit where the other begins with a magnitude or unit, or one
    ends in a magnitude where the other begins with a digit. Table columns stand several characters apart. The
    joined text has a space where a table cell's would (a gap of ``SPACE_GAP × size`` or more)."""
    out: list[dict] = []
    for word in words:  # in reading order: a left neighbour comes just before
        prev = out[-1] if out else None
        gap = word["x0"] - prev["x1"] if prev is not None else -1.0
        if 0 <= gap < 0.35 * size and _one_line(prev, word, size) \
                and (_DIGIT_END.search(prev["text"]) and _UNIT_START.match(word["text"])
                     or _MAGNITUDE_END.search(prev["text"]) and _DIGIT_START.match(word["text"])):
            out[-1] = _merged(prev, word, prev["text"] + ("" if gap < SPACE_GAP * size else " ") + word["text"])
        else:
            out.append(word)
    return out


def _one_line(left: dict, right: dict, size: float) -> bool:
    """Whether two words stand on one line: their middles within 0.4 of the text height."""
    return abs((right["top"] + right["bottom"]) / 2 - (left["top"] + left["bottom"]) / 2) <= 0.4 * size


def _merged(left: dict, right: dict, text: str) -> dict:
    """``left`` widened over ``right``, reading ``text``."""
    return {**left, "text": text, "x1": right["x1"],
            "top": min(left["top"], right["top"]), "bottom": max(left["bottom"], right["bottom"])}


_DIGIT_END = regex.compile(r"[0-9０-９]$")
_DIGIT_START = regex.compile(r"[0-9０-９]")
_UNIT_START = regex.compile(r"[万亿千百元件条个次篇]")
_MAGNITUDE_END = regex.compile(r"[万亿千百]零?$")


_ONE_FIGURE = regex.compile(r"^[-−–—]?[0-9０-９][0-9０-９,，.．]*[万亿千]?[元件条个次篇]?$")


def join_spaced_figure_text(text: str) -> str:
    """A ruled cell's text that is one figure printed with spaces between its characters, closed up
    ('5 3 3' → '533', '9 4 . 0 3 万 元' → '94.03万元'); any other text unchanged."""
    tokens = text.split()
    closed = "".join(tokens)
    # every character standing alone: '113400 万元' keeps its space, as printed
    spaced = len(tokens) > 1 and all(len(t) == 1 for t in tokens) and "\n" not in text.strip()
    return closed if spaced and _ONE_FIGURE.match(closed) else text
