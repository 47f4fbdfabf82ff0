"""Tables without ruling lines, found from word positions alone (pure geometry over pdfplumber words).

pdfplumber's text strategy splits CJK runs and numbers at odd places, so tables are rebuilt here:

1. words are grouped into lines; a *data line* has figures standing apart from the words before them;
2. a *region* is a run of lines holding data lines, not interrupted by prose or a heading; the lines above
   its first data line (up to a prose line or heading) are its header;
3. figure columns are clusters of the figures' centres; words left of them form label sub-columns;
4. each data line is a row; a line without figures joins the row it visually belongs to (a wrapped label),
   or stands as a row of its own (a block heading, a repeated header) when it is a line-height or more away.

The result is an ordinary :class:`Table` (``ruled=False``) for the same extractors as any other table.
"""

from __future__ import annotations

import statistics
from collections.abc import Collection
from dataclasses import dataclass, field
from functools import cache, lru_cache

import regex

from extractors.model import Cell, Table
from extractors.numerals import parse_cell
from extractors.readers.glyphs import SPACE_GAP
from extractors.sections import heading_level

_DIGIT = regex.compile(r"\d")
# compiled once: regex looks a pattern string up in its cache on every call, a tenth of building a table
_WHITESPACE = regex.compile(r"\s+")
_BLANKS = regex.compile(r"[ \t]+")
_UNIT_END = regex.compile(r"[亿万千]$")
_MIN_DATA_LINES = 2
_MAX_GAP_LINES = 8  # non-figure lines (wrapped labels, rows printed blank) between two data lines
_MAX_HEADER_LINES = 10
_NOT_TEXT = regex.compile(r"[\p{P}\s]+")
_WRAP_GAP = 0.8  # × text height: lines of one wrapped cell stand closer than this; rows stand further apart


@dataclass
class _Line:
    words: list[dict]
    top: float
    bottom: float
    values: list[dict] = field(default_factory=list)  # the words that are figures standing apart
    aligned: bool = False  # a lone figure in a figure column of its table (a row's only figure, label wrapped)

    @property
    def center(self) -> float:
        return (self.top + self.bottom) / 2

    @property
    def text(self) -> str:
        return "".join(w["text"] for w in self.words)

    @property
    def x0(self) -> float:
        return min(w["x0"] for w in self.words)

    @property
    def x1(self) -> float:
        return max(w["x1"] for w in self.words)


def find_borderless_tables(words: list[dict], page: int | None) -> list[tuple[Table, list[dict]]]:
    """Tables made of aligned words on one page, each with the words it was built from (to rebuild a table
    continued on the next page as one); words already inside ruled tables must be left out."""
    for word in words:
        word.setdefault("page", page)
    return [(table, used) for table, used, _ in _tables(words)]


def rebuild_across_pages(parts: list[list[dict]]) -> tuple[Table, list[dict]] | None:
    """One table from the words of its parts on consecutive pages, the later parts placed right below the
    earlier ones, so that every part shares one set of columns; None if they do not make exactly one table."""
    stacked: list[dict] = []
    header = _header_text(parts[0]) if parts and parts[0] else ""
    for words in parts:
        if not words:
            return None
        if stacked:
            words = _drop_repeated_header(words, header)
            size = statistics.median(w["bottom"] - w["top"] for w in words) or 10.0
            shift = max(w["bottom"] for w in stacked) + 0.6 * size - min(w["top"] for w in words)
            words = [{**w, "top": w["top"] + shift, "bottom": w["bottom"] + shift} for w in words]
        stacked += words
    found = _tables(stacked)
    if len(found) != 1 or len(found[0][1]) != len(stacked):
        return None
    table, used, _ = found[0]
    return table, used


def rebuild_with_opening_rows(table: list[dict], opening: list[dict],
                              header: list[dict] | None = None) -> tuple[Table, list[dict]] | None:
    """One table from the words of a word-built table that ran to its page's end (with ``header``, the words of
    a block's heading and header stranded below it at the page's foot) and the lines opening the next page, when
    those lines are its last rows, too few to make a table by themselves (行政强制 61614 alone: a block's row
    holds one figure, and one line of fewer than three figures is no table on its page). None when they are
    not: some line holds figures, every figure stands in one of the table's figure columns or under a heading
    of ``header``, every other word in its label columns (left of its figures), and no line ends a sentence.
    Prose cannot pass: its lines run across the figure columns or end a sentence, and a figure inside a
    sentence does not stand apart from the words before it (_figures); a lone figure (no label) is not taken
    either."""
    if not table or not opening:
        return None
    header = header or []
    size = statistics.median(w["bottom"] - w["top"] for w in table) or 10.0
    data = []
    for line in _lines(table, size):
        _units_joined(line, size)
        line.values = _figures(line, size)
        if _is_data(line):
            data.append(line)
    if not data:
        return None
    figures = [v for ln in data for v in ln.values]
    columns = [statistics.mean(c) for c in _clusters([(w["x0"] + w["x1"]) / 2 for w in figures], 1.2 * size)]
    fig_left = min(w["x0"] for w in figures)
    # where the table's labels start (its label columns: _build clusters their left edges so)
    starts = [min(c) for c in _clusters([w["x0"] for ln in data for w in ln.words if w not in ln.values],
                                        1.5 * size)]
    # and where they stand when centred in their cells (WPS centres a label: its start moves with its length)
    middles = [statistics.mean(c) for c in _clusters(
        [(w["x0"] + w["x1"]) / 2 for ln in data for w in ln.words if w not in ln.values], 1.5 * size)]
    labelled = figured = False
    for line in _lines(opening, size):
        _units_joined(line, size)
        values = {id(v) for v in _figures(line, size)}
        figured = figured or bool(values)
        if line.text.endswith(("。", "；", ";")):
            return None
        prev = None
        for word in line.words:
            centre = (word["x0"] + word["x1"]) / 2
            if id(word) in values:
                # within the reach that makes one column of figures (_build clusters their centres so), or under
                # a heading of the block's header (a fee's sum centred in a cell across the figure columns)
                if not any(abs(centre - c) <= 1.2 * size for c in columns) \
                        and not any(h["x0"] <= centre <= h["x1"] for h in header):
                    return None
            elif word["x1"] > fig_left or not (any(abs(word["x0"] - x) <= 1.5 * size for x in starts)
                                               or any(abs(centre - x) <= 1.5 * size for x in middles) or (
                    prev is not None and word["x0"] - prev["x1"] < 1.5 * size)):
                # a label ends before the figures and starts where the table's labels do (or goes on from the
                # word before it: one label split into words)
                return None
            else:
                labelled = True
            prev = word
    if not (labelled and figured):
        return None
    return rebuild_across_pages([table + header, opening])


def _squash(text: str) -> str:
    return _WHITESPACE.sub("", text)


def _header_lines(words: list[dict]) -> list[_Line]:
    """The lines of a part above its first row of figures."""
    size = statistics.median(w["bottom"] - w["top"] for w in words) or 10.0
    lines = _lines(words, size)
    for index, line in enumerate(lines):
        line.values = _figures(line, size)
        if _is_data(line):
            return lines[:index]
    return []


def _header_text(words: list[dict]) -> str:
    return "".join(_squash(line.text) for line in _header_lines(words))


def _drop_repeated_header(words: list[dict], header: str) -> list[dict]:
    """A continuation's words without the header it repeats from the first part (the lines above its first
    figures found in that header): printed again on the new page, it is not a row. The lines after it that
    the header lacks stay: the tail of a row's label broken by the page end (1.本机关不掌 | 握相关政府信息)."""
    lines = _header_lines(words)
    repeated = 0
    while repeated < len(lines) and _squash(lines[repeated].text) in header:
        repeated += 1
    printed = "".join(_squash(line.text) for line in lines[:repeated])
    # the whole header, or most of it: a short label tail alone may happen to be found inside the header
    if not header or not repeated or (repeated < len(lines) and 2 * len(printed) < len(header)):
        return words
    drop = {id(w) for line in lines[:repeated] for w in line.words}
    return [w for w in words if id(w) not in drop]


def _tables(words: list[dict]) -> list[tuple[Table, list[dict], int]]:
    if not words:
        return []
    size = statistics.median(w["bottom"] - w["top"] for w in words) or 10.0
    lines = _lines(words, size)
    text_x0 = min(ln.x0 for ln in lines)
    text_x1 = max(ln.x1 for ln in lines)
    for line in lines:
        _units_joined(line, size)
        line.values = _figures(line, size)
    _wrapped_across(lines, size)
    _wrapped_around(lines, size)
    out = []
    for start, first_data, stop in _regions(lines, size, text_x1 - text_x0):
        table = _build(lines[start:stop], first_data - start, size)
        if table is not None:
            # each word once: _build moves a wrapped figure's piece into its row's line, and the piece's own
            # line is still in ``lines``
            used = {id(p): p for ln in lines[start:stop] for w in ln.words for p in w.get("parts", [w])}
            out.append((table, list(used.values()), start))
    return out


def _lines(words: list[dict], size: float) -> list[_Line]:
    lines: list[_Line] = []
    for word in sorted(words, key=lambda w: ((w["top"] + w["bottom"]) / 2, w["x0"])):
        center = (word["top"] + word["bottom"]) / 2
        # (to a hundredth of a point: two sources of one glyph's box, apart only in float noise, must group alike
        # a line standing exactly at the tolerance, as a cell's centred lines can: it is a line of its own)
        if lines and round(abs(center - lines[-1].center), 2) < round(0.4 * size, 2):
            line = lines[-1]
            line.words.append(word)
            line.top, line.bottom = min(line.top, word["top"]), max(line.bottom, word["bottom"])
        else:
            lines.append(_Line([word], word["top"], word["bottom"]))
    for line in lines:
        line.words.sort(key=lambda w: w["x0"])
    return lines


_FIGURE_PIECE = regex.compile(r"^(?:[-−–—]?[0-9０-９][0-9０-９,，.．]*)?[亿万千]?(?:[万亿千]?元|件|条|个|次|篇|项)?$")
_BARE_UNIT = regex.compile(r"^(?=.)[亿万千]?(?:[万亿千]?元|件|条|个|次|篇|项)?$")
# the rest of a figure printed with two magnitudes, after its first digits: 亿2020 (of 5亿2020万元)
_MAGNITUDE_PIECE = regex.compile(r"^[亿万][0-9０-９][0-9０-９,，.．]*(?:[万千]?元)?$")


def _units_joined(line: _Line, size: float) -> None:
    """Pieces of one figure that the words split apart — a magnitude or a unit after its digits ('8' '亿' '1218'
    '万元', '31618.32' '万元', '5' '亿2020' '万元') — made one word: they are one cell's figure."""
    out: list[dict] = []
    for word in line.words:
        prev = out[-1] if out else None
        gap = word["x0"] - prev["x1"] if prev is not None else None
        # a bare unit stands further off when the figure was printed spaced out ('4 . 6 7   万 元'): the space
        # before it is spaced too; no cell of a data line is a unit alone, so it joins the figure before it
        reach = 2 * size if _BARE_UNIT.match(word["text"]) else size
        if prev is not None and gap <= size and word["text"] == "零" and _UNIT_END.search(prev["text"]) \
                and _is_figure(prev["text"]):
            # the 零 of 3亿零193万元 printed spaced out: the figure goes on after it
            out[-1] = {**prev, "text": prev["text"] + "零", "x1": word["x1"],
                       "parts": prev.get("parts", [prev]) + [word]}
        elif prev is not None and gap <= reach \
                and (_FIGURE_PIECE.match(word["text"]) or _MAGNITUDE_PIECE.match(word["text"])) \
                and (_FIGURE_PIECE.match(prev["text"]) or _is_figure(prev["text"]) or prev["text"].endswith("零")) \
                and not _is_figure(word["text"]) and _is_figure(prev["text"] + word["text"]):
            joined = prev["text"] + ("" if gap < SPACE_GAP * size else " ") + word["text"]
            out[-1] = {**prev, "text": joined, "x1": word["x1"], "parts": prev.get("parts", [prev]) + [word]}
        elif prev is not None and gap <= 0.3 * size and _UNIT_END.search(prev["text"]) \
                and _FIGURE_PIECE.match(word["text"]) and _is_figure(prev["text"] + word["text"]):
            out[-1] = {**prev, "text": prev["text"] + word["text"], "x1": word["x1"],
                       "parts": prev.get("parts", [prev]) + [word]}  # digits after a magnitude: 8亿 1218…
        else:
            out.append(word)
    line.words = out


@lru_cache(maxsize=8192)  # a page asks it of the same words many times (each line's words, joins, rebuilds)
def _is_figure(text: str) -> bool:
    """A figure cell's word: digits (not a lone 三 of a label printed one character per line) or a printed
    blank (—, /, 无: what parse_cell calls empty)."""
    text = text.strip()
    if len(text) > 24 or not text:
        return False
    meaning = parse_cell(text).meaning
    return meaning == "empty" or (meaning in ("number", "zero") and _DIGIT.search(text) is not None)


def _figures(line: _Line, size: float) -> list[dict]:
    """Figure words that stand apart from what precedes them (a number inside prose does not)."""
    out = []
    for i, word in enumerate(line.words):
        if not _is_figure(word["text"]):
            continue
        gap = word["x0"] - line.words[i - 1]["x1"] if i else float("inf")
        # two figures side by side stand apart at a smaller gap: narrow columns (table 四 with its headers
        # printed one character a line) set them a character apart, and prose never does
        if gap >= 1.5 * size or (out and out[-1] is line.words[i - 1] and gap >= 0.8 * size):
            out.append(word)
    return out


def _is_data(line: _Line) -> bool:
    if not line.values:
        return False
    return len(line.values) >= 2 or line.words[0] is not line.values[0] or line.aligned


def _is_barrier(line: _Line, size: float, width: float, after: _Line | None = None) -> bool:
    """Prose or a section heading: what a table cannot run through. A heading-like line with figures right
    below it (三、本年度办理结果 over （一）予以公开 …) is a row of the table that prints no figures itself."""
    if line.values:
        return False
    widest = max(w["x1"] - w["x0"] for w in line.words)
    if widest > 0.6 * width or line.text.endswith(("。", "；")):
        return True
    if after is not None and _is_data(after) and after.top - line.bottom <= 1.5 * size:
        return False
    return len(line.words) == 1 and heading_level(line.text) == 1 and len(line.text) > 6


_HEADING_ROW_MAX_LINES = 8  # lines between a heading-like row label and its figure line


def _heading_in_table(lines: list[_Line], j: int, size: float, width: float, height: float, fig_left: float) -> bool:
    """Whether a line read as a section heading inside a table is a row label (二、部分公开（区分处理的，只计这一情,
    numbered as the report's sections are): set no bigger than the table's figure lines (``height``), with a
    figure line among the next lines, each close under the one before: three at most reaching the figure
    columns (from ``fig_left``: a header's or prose), eight at most in all (a label wrapped in its column, the
    next row's opening beside a parent's pieces; a line of one character, a piece of a parent label printed a
    character a line beside them, 本 / 年 / 度, not counted)."""
    line = lines[j]
    if max(w["x1"] - w["x0"] for w in line.words) > 0.6 * width or line.text.endswith(("。", "；")) \
            or line.bottom - line.top > 1.15 * height:
        return False
    across = within = 0
    for k in range(j + 1, len(lines)):
        if lines[k].top - lines[k - 1].bottom > 1.2 * size:
            return False
        if _is_data(lines[k]):
            return True
        if len(lines[k].text.strip()) > 1:
            if lines[k].x1 >= fig_left:
                across += 1
            else:
                within += 1
        if across == 3 or across + within == _HEADING_ROW_MAX_LINES:
            return False
    return False


def _regions(lines: list[_Line], size: float, width: float) -> list[tuple[int, int, int]]:
    """(header start, first data line, end) index triples of the table regions."""
    regions = []
    i = 0
    while i < len(lines):
        if not _is_data(lines[i]):
            i += 1
            continue
        first = i
        last = i
        j = i + 1
        gap = 0
        fig_left = min(v["x0"] for v in lines[i].values)
        height = lines[i].bottom - lines[i].top
        while j < len(lines) and (not _is_barrier(lines[j], size, width, _next(lines, j))
                                  or _heading_in_table(lines, j, size, width, height, fig_left)):
            if _is_data(lines[j]):
                last, gap = j, 0
                fig_left = min([fig_left] + [v["x0"] for v in lines[j].values])
            elif lines[j].x1 >= fig_left or lines[j].top - lines[j - 1].bottom > 0.8 * size:
                # lines of a label column wrapped under its row (narrow columns wrap a label over many lines)
                # do not count: only lines reaching the figures, or standing apart, do
                gap += 1
                if gap > _MAX_GAP_LINES:
                    break
            j += 1
        data_lines = sum(_is_data(ln) for ln in lines[first:last + 1])
        start = first
        counted = 0  # like the lines between figure lines: lines of a label column wrapped close do not count
        while start > 0 and counted < _MAX_HEADER_LINES:
            above = lines[start - 1]
            # a row label wrapped above its figures (一、本年新收政府信息公开 / 申请数量) looks like a heading
            wrapped_label = start == first and abs(above.center - lines[first].center) <= 1.4 * size
            if (_is_barrier(above, size, width) and not wrapped_label) or (regions and start - 1 < regions[-1][2]):
                break
            if above.x1 >= fig_left or lines[start].top - above.bottom > _WRAP_GAP * size:
                counted += 1  # a header's line, or one standing apart; not rows printed blank packed at a page's head
            start -= 1
        end = last + 1  # the last row's label may wrap below its figures, over many lines in a narrow column
        while end < len(lines) and not _is_data(lines[end]) and not _is_barrier(lines[end], size, width) \
                and (abs(lines[end].center - lines[last].center) <= 1.4 * size
                     or (lines[end].x1 < fig_left and lines[end].top - lines[end - 1].bottom <= 0.8 * size)):
            end += 1
        if end < len(lines) and _numbered_blank_row(lines, first, end, size):
            end += 1  # with the lines its label wraps over
            while end < len(lines) and not lines[end].values and lines[end].x1 < fig_left \
                    and lines[end].top - lines[end - 1].bottom <= _WRAP_GAP * size:
                end += 1
        end = _blank_last_block(lines, end, size, width)
        # one row of figures under a header is a table too (the appeals table prints a single row), and so is
        # one opening the page: the last row of a table continued from the page before
        if data_lines >= _MIN_DATA_LINES or (len(lines[first].values) >= 3 and (start < first or first == 0)) \
                or (data_lines == 1 and _headed_row(lines[start:first], lines[first], size)):
            regions.append((start, first, end))
        i = last + 1
    return regions


_BLANK_BLOCK_MAX_LINES = 6


def _blank_last_block(lines: list[_Line], end: int, size: float, width: float) -> int:
    """Where a table ends (``end``: past its last row) with its last block printed all blank after it: a block's
    heading (第二十条第（八）项), its header and its rows' labels (信息内容 本年收费金额（单位：万元） / 行政事业性收 /
    费), no figure, each line a row's gap or less under the one before, up to the page's end or prose. With no
    figure line after them, they read as paragraphs and the block's rows were lost (missing, not printed
    blank)."""
    if end >= len(lines) or not _opens_block(lines[end]) or lines[end].values:
        return end
    def goes_on(k: int) -> bool:  # a line of text a row's gap or less under the one before
        return k < len(lines) and not _is_barrier(lines[k], size, width) \
            and lines[k].top - lines[k - 1].bottom <= 1.2 * size

    k = end + 1
    while k - end < _BLANK_BLOCK_MAX_LINES and goes_on(k) and not lines[k].values and not _opens_block(lines[k]):
        k += 1
    if k - end < 3 or goes_on(k):
        return end  # a heading and its header with no row, or lines going on: not a block printed blank
    return k


_NUMBERED = regex.compile(r"^\s*(?:[（(]\s*([一二三四五六七八九十]{1,3})\s*[)）]|([一二三四五六七八九十]{1,3})\s*[、.．]"
                          r"|(\d{1,2})\s*[．.、](?!\d))")
_CN_DIGITS = "一二三四五六七八九"


def _row_number(text: str) -> tuple[int, int] | None:
    """(style, number) of a row label's opener: （三） → (0, 3), 三、 → (1, 3), 3． → (2, 3); None for another."""
    match = _NUMBERED.match(text)
    if match is None:
        return None
    style = next(i for i in range(3) if match.group(i + 1))
    numeral = match.group(style + 1)
    if style == 2:
        return style, int(numeral)
    tens, ten, ones = numeral.rpartition("十")
    if len(ones) > 1 or len(tens) > 1 or (tens and not ten) or not set(tens + ones) <= set(_CN_DIGITS):
        return None
    value = (_CN_DIGITS.index(tens) + 1 if tens else 1) * 10 if ten else 0
    return style, value + (_CN_DIGITS.index(ones) + 1 if ones else 0)


def _numbered_blank_row(lines: list[_Line], first: int, end: int, size: float) -> bool:
    """Whether the line after a table's last figures is its last row printed all blank (四、结转下年度继续办理
    under 三、本年度办理结果 …): a label opening the next number of the numbering that stands at its left edge
    in the table (one more than the last opener there), in the table's type size, no further below the row
    before than rows stand apart in the table. A section heading after the table (四、政府信息公开行政复议…)
    repeats a number, or stands indented, or is set in a bigger type."""
    line = lines[end]
    if line.values or line.bottom - line.top > 1.2 * size:
        return False
    number = _row_number(line.words[0]["text"])
    if number is None:
        return False
    x0 = line.words[0]["x0"]
    before = [n for ln in lines[first:end] for w in ln.words if abs(w["x0"] - x0) <= 0.5 * size
              for n in [_row_number(w["text"])] if n is not None and n[0] == number[0]]
    if not before or before[-1][1] + 1 != number[1]:
        return False
    pitch = max(b.top - a.bottom for a, b in zip(lines[first:end], lines[first + 1:end]))
    return line.top - lines[end - 1].bottom <= pitch + 0.2 * size


def _headed_row(header: list[_Line], row: _Line, size: float) -> bool:
    """Whether a line of figures right under column headings (words standing apart, on one line or on lines
    of their own when a heading breaks over lines: 本年 | 信息内容 | 收费金额) has each figure under a heading
    right of its label: a table of one row (行政事业性收费  90.63 under 信息内容  本年收费金额; an appeals table
    printing two figures, its zeros blank, under its headings)."""
    if not header or row.top - header[-1].bottom > 1.5 * size:
        return False
    words = sorted((w for ln in header for w in ln.words), key=lambda w: w["x0"])
    if not any(b["x0"] - a["x1"] >= 1.5 * size for ln in header for a, b in zip(ln.words, ln.words[1:])) \
            and not any(b["x0"] - max(a["x1"] for a in words[:i]) >= 1.5 * size for i, b in enumerate(words) if i):
        return False
    labelled = row.words[0] is not row.values[0]
    heads = [w for ln in header for w in ln.words if not labelled or w["x0"] > row.words[0]["x1"]]
    return all(any(h["x0"] <= (v["x0"] + v["x1"]) / 2 <= h["x1"] for h in heads) for v in row.values)


def _next(lines: list[_Line], i: int) -> _Line | None:
    return lines[i + 1] if i + 1 < len(lines) else None


def _clusters(values: list[float], gap: float) -> list[list[float]]:
    out: list[list[float]] = []
    for v in sorted(values):
        if out and v - out[-1][-1] <= gap:
            out[-1].append(v)
        else:
            out.append([v])
    return out


def _centred_label_columns(label_words: list[dict], size: float) -> list[float]:
    """The middles of the label columns when the row labels stand centred in their cells (WPS centres them),
    else []. Centred, a label's start moves with its length, and in narrow label columns the starts of a parent
    label's pieces, of its rows' labels and of their wrapped lines run into one another (60, 69, 79 … 139: one
    column by their starts); their middles do not (三 | （三） 不予公 开 | 4.保护第三方合 法权益 stand on three
    middles). Told by pairs of label words of different widths, sharing a middle against sharing a start; a
    word of one character (a piece of a label printed a character a line) tells nothing either way."""
    boxes = [(w["x0"], (w["x0"] + w["x1"]) / 2, w["x1"] - w["x0"]) for w in label_words]
    telling = [b for b in boxes if b[2] >= 1.5 * size]
    starts = middles = 0
    for i, (x0, mid, width) in enumerate(telling):
        for x0b, midb, widthb in telling[i + 1:]:
            if abs(width - widthb) < size:
                continue  # as wide: centred or not, starts and middles agree
            # (a centred line a character shorter starts half a character in: nearer in its middle than its start)
            d_start, d_mid = abs(x0 - x0b), abs(mid - midb)
            if d_start <= 0.5 * size and d_start < d_mid:
                starts += 1
            elif d_mid <= 0.5 * size and d_mid < d_start:
                middles += 1
    if middles <= 2 * starts or middles < 3:
        return []
    return [statistics.mean(c) for c in _clusters([b[1] for b in boxes], 0.5 * size)]


def _stray_blanks(lines: list[_Line], size: float) -> None:
    """Drop from the lines' figures a printed blank standing alone left of every figure column, among the row
    labels: a character of a label printed one character a line (the 无 of （四）无法提供) that happens to stand
    beside a row's figures. A column of blanks (— under 本年新制作数量) has more than one; a label fragment does
    not."""
    figures = [w for ln in lines if _is_data(ln) for w in ln.values]
    digits = [w["x0"] for w in figures if _DIGIT.search(w["text"])]
    # the labels' reach: a blank left of it stands among the labels (a table of one row without labels
    # prints its first figure as / under its heading)
    labels = max((w["x1"] for ln in lines if _is_data(ln) for w in ln.words if w not in ln.values), default=None)
    if not digits or labels is None:
        return
    for line in lines:
        for word in [v for v in line.values if not _DIGIT.search(v["text"]) and v["x1"] < min(digits)
                     and v["x1"] <= labels]:
            centre = (word["x0"] + word["x1"]) / 2
            if not any(w is not word and abs((w["x0"] + w["x1"]) / 2 - centre) <= 1.2 * size for w in figures):
                line.values = [v for v in line.values if v is not word]


# the head of a figure wrapped inside a thousands group (the 1,23 of 1,236): never a figure by itself
_GROUP_HEAD = regex.compile(r"^[0-9０-９]{1,3}(?:[,，][0-9０-９]{3})*[,，][0-9０-９]{0,2}$")


def _wrapped_across(lines: list[_Line], size: float) -> None:
    """Join into a row's line the figures wrapped across it: each one's head on the line right above, its tail
    right below, in one column where the row's line prints nothing, both lines closer to it than a line's
    height and holding nothing else, each head and tail making one figure (1,23 / 6 of 1,236, the head no
    figure by itself; 25.741753 万 / 元 of a sum in 万元; 1,14 and 1,36 above, 4 and 8 below: two columns).
    The row's line may hold its label only. The halves' lines go."""
    i = 1
    while i < len(lines) - 1:
        above, row, below = lines[i - 1], lines[i], lines[i + 1]
        if not _halves_across(above, row, below, size):
            i += 1
            continue
        halves = above.words + below.words
        row.words = sorted(row.words + halves, key=lambda w: w["x0"])
        row.values = sorted(row.values + halves, key=lambda w: w["x0"])
        row.top, row.bottom = min(row.top, above.top), max(row.bottom, below.bottom)
        del lines[i + 1], lines[i - 1]  # below first, so that above is still at i - 1; the row is then at i - 1


def _halves_across(above: _Line, row: _Line, below: _Line, size: float) -> bool:
    """Whether the words of ``above`` and ``below`` are the heads and the tails of figures wrapped across
    ``row``'s line, one head over each tail (see _wrapped_across)."""
    if len(above.words) != len(below.words) \
            or abs(above.center - row.center) > 0.8 * size or abs(below.center - row.center) > 0.8 * size:
        return False
    for head, tail in zip(above.words, below.words):  # each line's words run left to right
        left, right = min(head["x0"], tail["x0"]), max(head["x1"], tail["x1"])
        if not (_is_figure(head["text"]) or _GROUP_HEAD.match(head["text"])) or not _DIGIT.search(head["text"]) \
                or not (_is_figure(tail["text"]) or _BARE_UNIT.match(tail["text"])) \
                or not (head["x0"] < tail["x1"] and tail["x0"] < head["x1"]) \
                or any(w["x0"] < right and left < w["x1"] for w in row.words) \
                or not _is_figure(head["text"] + tail["text"]):
            return False
    return True


def _wrapped_around(lines: list[_Line], size: float) -> None:
    """Mark as data a line holding nothing but one figure whose row label wraps around it: a label piece on the
    line right above and one on the line right below, starting at one left edge and ending before the figure
    (行政事业性收 / 53.15 / 费: a narrow label column, the figure set at the middle of its row), or both centred
    on one middle (WPS centres a label in its cell: 费 under the middle of 行政事业性收). A fee block prints one
    such row alone, with no other figure line to make a table with it."""
    for above, line, below in zip(lines, lines[1:], lines[2:]):
        if len(line.words) != 1 or not line.values or above.values or below.values:
            continue
        figure = line.values[0]
        aligned = abs(above.x0 - below.x0) <= 0.5 * size or abs(above.x0 + above.x1 - below.x0 - below.x1) <= size
        if max(above.x1, below.x1) < figure["x0"] - size and aligned \
                and line.top - above.bottom <= 0.8 * size and below.top - line.bottom <= 0.8 * size:
            line.aligned = True


def _lone_figures(lines: list[_Line], columns: list[float], size: float) -> None:
    """Mark as data a line between the table's first and last figure lines holding nothing but one figure
    that stands in one of its figure columns: the only figure printed in a row (the others blank) whose
    label wraps above and below it. Alone elsewhere (a page number, a figure in a label) it is no row."""
    data = [i for i, ln in enumerate(lines) if _is_data(ln)]
    for line in lines[data[0] + 1:data[-1]] if data else []:
        if len(line.words) == 1 and line.values and not _is_data(line):
            centre = (line.values[0]["x0"] + line.values[0]["x1"]) / 2
            line.aligned = any(abs(centre - c) <= 0.6 * size for c in columns)


def _wrapped_figures(lines: list[_Line], first_data: int, size: float) -> tuple[list[_Line], int]:
    """The lines with the pieces of figures wrapped in a narrow column (１１０ above a row's line, ６ below it)
    moved into the row's line, and the first data line's index after the move. A piece is a line's digit
    figures, fewer than the row's, less than a line's height from the row's line and in columns where the row
    prints nothing (the row's cell is the piece above, then the one below: 110\n6 reads 1106); the words of the
    row's label left of them (wrapped as well) stay on their line."""
    out = list(lines)
    for row in [ln for ln in lines if _is_data(ln)]:
        if not any(ln is row for ln in out):  # a piece itself (1 0 5 | 1 1 6 above a row's line: two figures stand apart)
            continue
        centre, printed = row.center, list(row.values)
        for piece in [ln for ln in out if ln is not row and ln.values]:
            if len(piece.values) >= len(printed) or abs(piece.center - centre) > 0.8 * size \
                    or not all(_DIGIT.search(w["text"]) for w in piece.values) \
                    or any(w["x0"] < v["x1"] and v["x0"] < w["x1"] for w in piece.values for v in printed) \
                    or any(w["x0"] >= min(v["x0"] for v in piece.values) for w in piece.words if w not in piece.values):
                continue
            moved = list(piece.values)
            if len(moved) == len(piece.words):
                at = next(i for i, ln in enumerate(out) if ln is piece)
                if at < first_data:
                    first_data -= 1
                del out[at]
            else:  # the row's label wrapped with its figures (一、本年新收政府信息公开 ２４３ | 申请数量 ３): it stays
                piece.words = [w for w in piece.words if w not in moved]
                piece.values = []
            row.words = sorted(row.words + moved, key=lambda w: w["x0"])
            row.values = sorted(row.values + moved, key=lambda w: w["x0"])
            row.top, row.bottom = min(row.top, piece.top), max(row.bottom, piece.bottom)
    return out, first_data


def _build(lines: list[_Line], first_data: int, size: float) -> Table | None:
    lines, first_data = _wrapped_figures(lines, first_data, size)
    _stray_blanks(lines, size)
    figures = [w for ln in lines if _is_data(ln) for w in ln.values]
    centres = _clusters([(w["x0"] + w["x1"]) / 2 for w in figures], 1.2 * size)
    columns = [statistics.mean(c) for c in centres]
    _lone_figures(lines, columns, size)
    label_edge = min(w["x0"] for w in figures) - 0.5 * size
    # A label wrapped over two lines starts above its figures (they sit centred beside it): its first line
    # belongs to the row, not to the header.
    while first_data > 0 and abs(lines[first_data - 1].center - lines[first_data].center) <= 1.4 * size \
            and all((w["x0"] + w["x1"]) / 2 < label_edge for w in lines[first_data - 1].words):
        first_data -= 1
    # Label lines under the header's last line over the figure columns, a row's gap below it, are rows printed
    # all blank (规章 with no figure under 信息内容 | 本年新制作数量 …), not header: a header's lines stand close.
    # The header is the first block's: a later block's heading above the first figures (第二十条第（五）项 under
    # 规章 and 行政规范性文件, the first block printed all blank) opens rows, and so do the lines before it.
    header_end = next((i for i in range(1, first_data) if _opens_block(lines[i])), first_data)
    over_figures = [i for i in range(header_end)
                    if any((w["x0"] + w["x1"]) / 2 >= label_edge for w in lines[i].words)]
    if over_figures and over_figures[-1] + 1 < first_data \
            and lines[over_figures[-1] + 1].top - lines[over_figures[-1]].bottom > _WRAP_GAP * size:
        first_data = over_figures[-1] + 1
    body = lines[first_data:]
    unlabelled = not any(w not in ln.values for ln in body for w in ln.words)
    if unlabelled:
        # no row labels at all (table 四 prints one row of figures): a header left of the first figure heads a
        # column whose figure is printed as nothing, not a label column
        label_edge = min(w["x0"] for ln in lines for w in ln.words) - 0.5 * size
    columns = _header_only_columns(lines[:first_data], columns, label_edge, single_row=unlabelled)
    label_words = [w for ln in body for w in ln.words if w not in ln.values and (w["x0"] + w["x1"]) / 2 < label_edge]
    if not unlabelled:  # the edge moves no further left than the labels' right end: the label words stay
        label_edge, columns = _blank_columns_left(lines[:first_data], label_words, columns, label_edge, size)
    label_middles = _centred_label_columns(label_words, size)
    if label_middles:  # a column starts halfway between its middle and the one before
        label_cols = [min(w["x0"] for w in label_words)] + [(a + b) / 2
                                                            for a, b in zip(label_middles, label_middles[1:])]
    else:
        label_cols = [min(c) for c in _clusters([w["x0"] for w in label_words], 1.5 * size)] or [lines[0].x0]

    @cache  # a word's column by its edges: asked ~20 times a word
    def column_at(x0: float, x1: float) -> int:
        centre = (x0 + x1) / 2
        if centre < label_edge:
            if label_middles:
                return min(range(len(label_middles)), key=lambda i: abs(label_middles[i] - centre))
            return max((i for i, x in enumerate(label_cols) if x0 >= x - 0.5 * size), default=0)
        return len(label_cols) + min(range(len(columns)), key=lambda i: abs(columns[i] - centre))

    def column_of(word: dict) -> int:
        return column_at(word["x0"], word["x1"])

    body = _label_pieces(body, column_of, len(label_cols), size)
    # rows: the header lines as one row, each data line a row, other lines joined to a near data line; without
    # row labels, the headings over several columns (行政复议 | 行政诉讼 | 未经复议直接起诉 …) first, a row a line
    spans = _spanning_heads(lines[:first_data], columns) if unlabelled else {}
    rows: list[list[_Line]] = []
    for line in lines[:first_data]:
        heads = [w for w in line.words if id(w) in spans]
        if heads:
            rows.append([_Line(heads, line.top, line.bottom)])
    if first_data:
        rest = [_Line([w for w in ln.words if id(w) not in spans], ln.top, ln.bottom) for ln in lines[:first_data]]
        rows.append([ln for ln in rest if ln.words] or [lines[0]])
    n_header = len(rows)
    data_rows: dict[int, int] = {}
    for idx, line in enumerate(body):
        if _is_data(line):
            data_rows[idx] = len(rows)
            rows.append([line])
    def label_only(line: _Line) -> bool:
        return all(column_of(w) < len(label_cols) for w in line.words)

    def opener_columns(line: _Line) -> set[int]:
        return {column_of(w) for w in line.words if ROW_START.match(w["text"])}

    def _opens_blank_row(line: _Line, idx: int) -> bool:
        """A line opening a row label (（六）其他处理) in a parent column with no figure line after it, or
        right above one that opens its own label in that column (（七）总计): a row printed all blank, not
        the head of a parent label spanning the rows below."""
        column = next((column_of(w) for w in line.words if ROW_START.match(w["text"])), None)
        if column is None:
            return False
        below = next((d for d in data_rows if d > idx), None)
        return below is None or column in row_openers(below)

    def reaches_label(line: _Line, d: int) -> bool:
        """Whether ``line`` opens a label of its own that runs on past where the row of figure line ``d`` opens
        its label (二、上年结转政府信息公开申请数量, printed blank, over （一）予以公开): no piece of a parent
        label beside that row, which stays in its own column, but a row of its own."""
        starts = [w["x0"] for ln in label_lines[d] for w in ln.words if ROW_START.match(w["text"])]
        return bool(starts) and _starts_row(line) and line.x1 > min(starts) + 0.5 * size

    def row_openers(d: int) -> set[int]:
        """The label columns where the row of figure line ``d`` opens its own label: on that line, or on a line
        of its label wrapped above it (（二）部分公开（区分处理的… over its figures)."""
        return {c for ln in label_lines[d] for c in opener_columns(ln)}

    top_aligned = _labels_top_aligned(body, data_rows, label_only, size)
    # the column of the rows' own labels: the rightmost label column their figure lines print in
    leaf = max((column_of(w) for d in data_rows for w in body[d].words
                if w not in body[d].values and column_of(w) < len(label_cols)), default=0)
    ends_cell = _cell_ends(body, column_of, leaf, size)
    joins, alone = _label_line_rows(body, set(data_rows), label_only, column_of, top_aligned, ends_cell, size)
    for k, d in list(joins.items()):  # a rule drawn between a line and a figure line: another row's
        if _ruled_apart(body[min(k, d)], body[max(k, d)], column_of):
            del joins[k]
            if label_only(body[k]) and _own_label(body[k], column_of)[0] == leaf:
                alone.add(k)  # a row's own label: a row printed blank (else parent pieces, placed below)
        elif _blank_beside_opener(body, k, column_of, size):
            del joins[k]  # a parent's opening piece beside a row printed blank: placed below, a row of its own
    label_lines = {d: [body[d]] for d in data_rows}  # each figure line with the label lines joined to it
    for k, d in joins.items():
        label_lines[d].append(body[k])
    pending = []
    for idx, line in enumerate(body):
        if idx in data_rows:
            continue
        near = min(data_rows, key=lambda d: abs(body[d].center - line.center))
        if idx in joins:
            rows[data_rows[joins[idx]]].append(line)
        elif idx in alone:
            pending.append(line)
        elif label_only(line) and abs(body[near].center - line.center) <= 1.4 * size \
                and not opener_columns(line) & row_openers(near) and not reaches_label(line, near) \
                and not _ruled_apart(body[min(idx, near)], body[max(idx, near)], column_of):
            # a line right beside a row's figures belongs to that row, unless it opens a label where that row
            # opens its own: then it is a row printed blank above it (（一）予以公开 over （二）部分公开…)
            rows[data_rows[near]].append(line)
        elif leaf and all(column_of(w) < leaf for w in line.words) and not _opens_blank_row(line, idx) \
                and not reaches_label(line, near) and not _opens_block(line):
            # a piece of a parent label (（四）无法提供) printed down a column beside its rows: its opening words
            # go with the first row below them, the rest with the row above
            below = [d for d in data_rows if d > idx]
            above = [d for d in data_rows if d < idx]
            # never the total row's (（六）其他 / 处理 centred beside its rows, the last two printed blank, right
            # above 总计): its label is its own, a parent's piece beside it is the rows' above
            target = below[0] if below and (_starts_row(line) or not above) \
                and not (above and _total_row(body[below[0]])) else above[-1]
            if _ruled_apart(body[min(idx, target)], body[max(idx, target)], column_of) \
                    or not any(_near(body[k], line, size) and _pages(body[k]) & _pages(line)
                               for k in (idx - 1, idx + 1) if 0 <= k < len(body)) \
                    or _blank_beside_opener(body, idx, column_of, size):
                # ruled off from that row, or standing apart from the lines above and below it on its page (a
                # parent's pieces stand by its rows' lines; the next page's first line, rebuilt close under the
                # last, is no neighbour): a row of its own, printed blank, its numbering dropped (其他处理)
                pending.append(line)
            else:
                rows[data_rows[target]].append(line)
        else:
            pending.append(line)
    # A line far from any figures is a row of its own (a block heading, a header, a row printed all blank);
    # lines of such a row that follow each other closely are one row (a label or header wrapped over lines).
    own_rows: list[list[_Line]] = []
    for line in pending:
        prev = own_rows[-1] if own_rows else None
        # a line opening a row label where the row's first line opened one (6.属于… under 5.属于…, both blank,
        # pressed together by a label printed one character a line beside them) starts a row of its own, and so
        # does a block's heading (第二十条第（六）项 right under 行政许可, printed blank): never a wrapped label's tail
        adjacent = prev is not None and line.top - prev[-1].bottom <= 0.8 * size and not any(
            prev[-1].bottom <= body[d].center <= line.top for d in data_rows) \
            and not (opener_columns(line) & opener_columns(prev[0])) and not _opens_block(line) \
            and not _row_below_header_across_pages(prev[-1], line, label_only, label_edge) \
            and not ends_cell(prev[-1], line) and not any(_ruled_apart(p, line, column_of) for p in prev) \
            and _near_in_column(prev, line, column_of, size)
        if adjacent:
            prev.append(line)
        else:
            own_rows.append([line])
    rows += own_rows
    rows[n_header:] = sorted(rows[n_header:], key=lambda group: min(ln.top for ln in group))

    cells: list[Cell] = []
    n_cols = len(label_cols) + len(columns)
    edges = _edges(label_cols, columns, lines)
    for r, group in enumerate(rows):
        by_col: dict[int, list[dict]] = {}
        for line in group:
            for word in line.words:
                by_col.setdefault(column_of(word), []).append(word)
        top, bottom = min(ln.top for ln in group), max(ln.bottom for ln in group)
        covered: set[int] = set()
        for word in (w for ln in group for w in ln.words if id(w) in spans):
            first, last = (len(label_cols) + i for i in spans[id(word)])
            cells.append(Cell(r, first, word["text"], colspan=last - first + 1, page=word.get("page"),
                              bbox=(edges[first], top, edges[last + 1], bottom)))
            covered.update(range(first, last + 1))
        for c in (c for c in range(n_cols) if c not in covered):
            words = sorted(by_col.get(c, []), key=lambda w: (round(w["top"] / (0.6 * size)), w["x0"]))
            text = _join(words, size)
            page = (words or group[0].words)[0].get("page")
            cells.append(Cell(r, c, text, page=page, bbox=(edges[c], top, edges[c + 1], bottom)))
    x0 = min(ln.x0 for ln in lines)
    x1 = max(ln.x1 for ln in lines)
    pages = tuple(dict.fromkeys(w["page"] for ln in lines for w in ln.words if w.get("page")))
    return Table(cells=cells, page=pages[0] if pages else None, bbox=(x0, lines[0].top, x1, lines[-1].bottom),
                 pages=pages, ruled=False)


def _row_below_header_across_pages(above: _Line, line: _Line, label_only, label_edge: float) -> bool:
    """A label alone opening a page (行政处罚, printed blank) under a block's header stranded at the foot of the
    page before (信息内容 | 本年处理决定数量): a row of its own, not the header's wrapped tail. The parts of a table
    rebuilt across pages stand closer than rows do (rebuild_across_pages), so only the page tells them apart."""
    pages = {w.get("page") for w in above.words}
    return label_only(line) and any(w.get("page") not in pages for w in line.words) \
        and any((w["x0"] + w["x1"]) / 2 >= label_edge for w in above.words)


def _label_pieces(body: list[_Line], column_of, n_label_cols: int, size: float) -> list[_Line]:
    """The body's lines, a label line (no figure) holding pieces of different rows cut in two: right of a piece
    opening a label (三、本 of a parent label printed a piece a line), the pieces that continue the text right
    above them in their column (出具已获取信息, the wrapped tail of 5.要求行政机关确认或重新…; the 理 of （五）不予处)
    come first, on a line of their own, so that they join the row above and the rest the row below. A piece
    with nothing right above it (其他处理, a parent label centred on its rows) stays with its line, and so do
    pieces left of the opening one (a parent label's pieces beside its rows' labels)."""
    out: list[_Line] = []
    for line in body:
        by_col: dict[int, list[dict]] = {}
        for word in line.words:
            by_col.setdefault(column_of(word), []).append(word)
        opens = {c for c, words in by_col.items() if ROW_START.match(words[0]["text"])}
        tails = [] if line.values or max(by_col) >= n_label_cols or not opens else [
            c for c in by_col if c > max(opens)
            and any(column_of(w) == c and w["bottom"] >= line.top - _WRAP_GAP * size
                    for prev in out[-3:] for w in prev.words)]
        if not tails:
            out.append(line)
            continue
        for part in ([w for c in tails for w in by_col[c]], [w for c in by_col if c not in tails for w in by_col[c]]):
            part.sort(key=lambda w: w["x0"])
            out.append(_Line(part, min(w["top"] for w in part), max(w["bottom"] for w in part)))
    return out


# 第二十条第（五）项: the heading of a block of rows, also after the regulation's name (条例第二十条第一项,
# 《条例》第二十条第五项, 《中华人民共和国政府信息公开条例》第二十条…)
_BLOCK = r"(?:《?(?:中华人民共和国)?(?:政府信息公开)?条例》?)?第[一二三四五六七八九十]+条"
# a row's numbering in Chinese numerals: （二） 三、 三.
_CN_NUMBER = r"[（(]\s*[一二三四五六七八九十]{1,3}\s*[)）]|[一二三四五六七八九十]{1,3}\s*[、.．]"
# what opens a row's label (一、 （二） 3．) or a block of rows
ROW_START = regex.compile(rf"^\s*(?:{_CN_NUMBER}|\d{{1,2}}\s*[．.、](?!\d)|{_BLOCK})")
BLOCK_START = regex.compile(rf"^\s*{_BLOCK}")


def _opens_block(line: _Line) -> bool:
    """A line whose first word (its words run left to right) opens a block of rows (第二十条第（六）项)."""
    return bool(line.words) and BLOCK_START.match(line.words[0]["text"]) is not None


# the total row's label (总计, 七、总计, （七）合计): printed in a parent's column, a label of its own
TOTAL_LABEL = regex.compile(rf"^\s*(?:{_CN_NUMBER})?\s*[总合]计\s*$")


def _total_row(line: _Line) -> bool:
    """A line holding the total row's label (总计, 七、总计)."""
    return any(TOTAL_LABEL.match(w["text"]) for w in line.words)


def _starts_row(line: _Line) -> bool:
    """A line that opens a row label (一、 （二） 3．), in any of its label columns."""
    return any(ROW_START.match(w["text"]) for w in line.words)


def _cell_ends(body: list[_Line], column_of, leaf: int, size: float):
    """``ends_cell(a, b)``: whether line ``a``'s label ends its cell before line ``b``'s, both in the rows' own
    label column ``leaf`` (a parent label printed a character a line, 无 / 法 / 提 / 供, is no wrapped text; nor
    are the pieces of one a narrow column cuts anywhere). Text wraps only when it fills the line, so a line
    stopping short of its column's widest line (by two characters or more) is its cell's last (属于国家秘密 above
    其他法律行政法 / 规禁止公开, rows printed blank, unnumbered; 无正当理由大量反复申请 above 要求行政机关确认…)."""
    def width(words: list[dict]) -> float:
        return max(w["x1"] for w in words) - min(w["x0"] for w in words)

    widest: dict[int, float] = {}  # label column -> its widest line of label words: a wrapped line's width
    for line in body:
        column, words = _own_label(line, column_of)
        if words:
            widest[column] = max(widest.get(column, 0.0), width(words))

    def ends_cell(a: _Line, b: _Line) -> bool:
        column, words = _own_label(a, column_of)
        if not words or column != leaf or _own_label(b, column_of)[0] != column or _pages(a) != _pages(b):
            return False  # (a page's foot cuts anywhere)
        # (a line may stop a character short of the widest: a line may not open with a closing mark, so the
        # character before one goes down with it; half-width figures and marks make widths uneven)
        return width(words) < widest[column] - 1.5 * size

    return ends_cell


def _near(a: _Line, b: _Line, size: float) -> bool:
    """Whether two lines stand as close as the lines of one wrapped cell (pieces of one line overlap: near too)."""
    return b.top - a.bottom <= _WRAP_GAP * size and a.top - b.bottom <= _WRAP_GAP * size


def _gap_in_column(line: _Line, others, column_of) -> float | None:
    """The gap (pt) between ``line``'s own label and the first of ``others`` (lines above it, nearest first, or
    below it) printing in that label's column; None when none does, or the line prints no label."""
    column, own = _own_label(line, column_of)
    if not own:
        return None
    top, bottom = min(w["top"] for w in own), max(w["bottom"] for w in own)
    for other in others:
        theirs = [w for w in other.words if column_of(w) == column]
        if theirs:
            if max(w["bottom"] for w in theirs) <= top:
                return top - max(w["bottom"] for w in theirs)
            return min(w["top"] for w in theirs) - bottom
    return None


def _near_in_column(above: list[_Line], line: _Line, column_of, size: float) -> bool:
    """Whether ``line``'s own label stands as close under the last of ``above`` printing in its column as a cell's
    lines (True when none does): a parent's piece standing between two rows' lines (（三）不 between 保护第三方合法权
    / 益 and 属于三类内部事务 / 信息, rows printed blank) joins neither to the other."""
    gap = _gap_in_column(line, reversed(above), column_of)
    return gap is None or gap <= _WRAP_GAP * size


def _blank_beside_opener(body: list[_Line], idx: int, column_of, size: float) -> bool:
    """Whether line ``idx`` holds a piece of a parent's label (三. , or 三 with its 、 cut onto the next line) and,
    in a deeper column, the label of a row printed blank (三. | 予以公开, then 本 / 年 / 度 down the parent's column
    beside 部分公开（区分处理 …, its numbering dropped): that label stands a row's gap from the lines above and
    below it in its column, so it is no piece of the next row's label (nor the tail of the last one's)."""
    line = body[idx]
    if len({column_of(w) for w in line.words}) < 2:
        return False
    gaps = (_gap_in_column(line, others, column_of) for others in (reversed(body[:idx]), body[idx + 1:]))
    return all(gap is None or gap > _WRAP_GAP * size for gap in gaps)


def _ruled_apart(upper: _Line, lower: _Line, column_of) -> bool:
    """Whether a horizontal rule runs between two lines of one page (``upper`` above ``lower``) across both: the
    rule under ``upper``'s own label (or its words, a line of figures only) is, or lies above, the rule over
    a word of ``lower``, as a table ruled only across draws one under each row; a parent's piece beside the
    rows (no rule across it there) is no row apart (pdf.mark_rules marked the words)."""
    _, own = _own_label(upper, column_of)
    rules = [w.get("rule_below") for w in own or upper.words]
    if not rules or None in rules:
        return False
    page, under = upper.words[0].get("page"), min(rules)
    return any(w.get("page") == page and w.get("rule_above") is not None and w["rule_above"] >= under - 0.5
               for w in lower.words)


def _own_label(line: _Line, column_of) -> tuple[int | None, list[dict]]:
    """The line's deepest label column and its label words there (a row's own label stands right of a parent's
    pieces); (None, []) for a line of figures only."""
    words = [w for w in line.words if w not in line.values]
    column = max((column_of(w) for w in words), default=None)
    return column, [w for w in words if column_of(w) == column]


def _label_line_rows(body: list[_Line], data: set[int], label_only, column_of, top_aligned: bool, ends_cell,
                     size: float) -> tuple[dict[int, int], set[int]]:
    """Which figure line's row each line of wrapped label text joins (body index -> data line index), and the
    lines found to be rows printed blank (a label ending its cell above them, rows' labels out of balance
    around their figures): those stand as rows of their own, whatever figure line they stand near; the other
    lines left out are placed by the caller (a block heading, a parent label's piece, a row printed blank).

    Between two figure lines, the last line that opens a row label (一、 （二） 3．) and the lines after it belong
    to the row below (a label centred beside its figures starts above them), unless that row's label opens in
    the same column on its figure line (then the line is a row of its own); the lines before it belong to
    the row above. Without such a line, labels aligned to the top of their cells continue the row above;
    centred ones are split between the rows by distance. Only lines that follow each other closely join.
    """
    opener_of: dict[int, int | None] = {}  # by the line's id (body holds every line): asked again and again

    def opener_column(line: _Line) -> int | None:
        # the deepest: a parent label's opening words (三、本) may stand beside the row's own (2.没有现成…)
        key = id(line)
        if key not in opener_of:
            opener_of[key] = max((column_of(w) for w in line.words if ROW_START.match(w["text"])), default=None)
        return opener_of[key]

    def under_last_row(line: _Line, d: int) -> bool:
        """Whether ``line``, under the table's last figure line ``d``, starts left of where that row's label
        starts on it and runs on past that start: a row printed blank of its own (结转下年度继续办理 under
        总计 56 11 …, its numbering dropped), not the tail of that label (a wrapped label stays in its cell)."""
        starts = [w["x0"] for w in body[d].words if w not in body[d].values]
        return bool(starts) and line.x0 < min(starts) - size and line.x1 > min(starts) + 0.5 * size

    out: dict[int, int] = {}
    alone: set[int] = set()
    i = 0
    while i < len(body):
        if i in data:
            i += 1
            continue
        j = i
        while j < len(body) and j not in data:
            j += 1
        above = i - 1 if i - 1 in data else None
        below = j if j < len(body) else None
        run = [k for k in range(i, j)]
        openers = [k for k in run if label_only(body[k]) and opener_column(body[k]) is not None]
        # the row's own label opens in the deepest label column (1．… beside a parent （六）… printed across rows)
        deepest = max((opener_column(body[k]) for k in openers), default=None)
        opener = next((k for k in reversed(openers) if opener_column(body[k]) == deepest), None)
        if opener is not None:  # lines between the first and the last opener are rows of their own (（六）其他处理)
            head, tail = run[:run.index(openers[0])], run[run.index(opener):]
        elif below is None or opener_column(body[below]) is not None or (top_aligned and _has_label(body[below])):
            head, tail = run, []  # the row below opens its label on its own figure line: nothing here is its
        else:  # centred labels: the nearer figure line takes each line
            half = [k for k in run if below is None or abs(body[k].center - body[above].center if above is not None
                                                               else float("inf")) <= abs(body[below].center - body[k].center)]
            head, tail = half, [k for k in run if k not in half]
        if above is not None:
            prev = above
            for n, k in enumerate(head):
                # the rest, down to the next row's lines, a row printed blank
                if top_aligned and ends_cell(body[prev], body[k]) or below is None and under_last_row(body[k], above):
                    alone.update(m for m in head[n:] if label_only(body[m]))
                    break
                if not (label_only(body[k]) and _near(body[prev], body[k], size)):
                    break
                if not _near_in_column([body[m] for m in [above, *head[:n]]], body[k], column_of, size):
                    # a row's gap under the row's label in its column (a parent's piece bridged it): the lines from
                    # here open the label of the row below when their column's lines run on close to its figures,
                    # else they are rows printed blank (重复申请 under 信访举报投 / 诉类申请 …)
                    column = _own_label(body[k], column_of)[0]
                    mine = [m for m in head[n:] + tail if _own_label(body[m], column_of)[0] == column]
                    if below is not None and _near(body[mine[-1]], body[below], size):
                        tail = head[n:] + tail
                    else:  # (a parent's pieces, in shallower columns, are placed later)
                        alone.update(m for m in head[n:] if label_only(body[m])
                                     and (_own_label(body[m], column_of)[0] or 0) >= column)
                    break
                out[k], prev = above, k
        if below is not None and tail:
            column = opener_column(body[tail[0]]) if opener is not None else None
            opens_own = column is not None and any(ROW_START.match(w["text"]) and column_of(w) == column
                                                   for w in body[below].words)
            # or opens it in a deeper column, and the head runs on past where it does: a row printed blank whose
            # label spans the label columns (二、上年结转政府信息公开申请数量 over （一）予以公开 3 …)
            opens_own = opens_own or column is not None and any(
                ROW_START.match(w["text"]) and column_of(w) > column and body[tail[0]].x1 > w["x0"] + 0.5 * size
                for w in body[below].words)
            # or it is the total row, its label whole in a shallower column ((七)总计 324 35 … under 5、要求行政机关确认 /
            # 或重新出具已获取信息 and (六)其他处理, printed blank at the page's foot): no head of it stands in a deeper
            # one (a parent's piece on a row's figure line, 三、 beside 8、属于行政查询事 / 项, is no total)
            opens_own = opens_own or column is not None and _total_row(body[below]) and not any(
                column_of(w) >= column for w in body[below].words if w not in body[below].values)
            # labels centred in their cells: a parent label's piece among them (结果 of 三、本年度办理结果, centred
            # down its rows, between 3.补正后申请内容仍不明确 printed blank and the row below) bridges nothing, it
            # stands in its own column. (Top-aligned, a row's label opens on its figure line: a head above it is
            # one cut by the page, whose parts stand as far apart as the rebuild across pages stacked them.)
            chain = [k for k in tail if top_aligned or column is None
                     or any(column_of(w) >= column for w in body[k].words)]
            chain.append(below)
            if not opens_own and all(label_only(body[k]) for k in tail) \
                    and all(_near(body[a], body[b], size) and not (top_aligned and ends_cell(body[a], body[b]))
                            for a, b in zip(chain, chain[1:])):
                out.update({k: below for k in tail})
        i = j
    alone |= _balance_labels(out, body, data, opener_column, column_of, centred=not top_aligned, size=size)
    return out, alone


def _balance_labels(joins: dict[int, int], body: list[_Line], data: set[int], opener_column, column_of,
                    centred: bool, size: float) -> set[int]:
    """Rows printed blank among rows whose lines ``joins`` gave to figure lines, told by balance; their lines are
    left out of ``joins`` and returned (rows of their own).

    Labels centred in their cells stand as many lines above their figure line as below it (counted in the row's
    own label column: a parent label's pieces beside them are another cell's). Where lines wrap at the same pitch
    and rows stand no further apart than the leading, the nearer figure line, or the rule that a figure line
    opening a label (（五） of a parent label centred down its rows) takes no line above it, gave lines to the
    wrong row. So, top to bottom: a row lacking lines below takes the next lines of its column no row took
    (获取信息, the last line of 5、要求行政 / 机关确认或 / 2 1 … / 重新出具已 / 获取信息, nearer 其他处理's figures);
    lines standing in a column deeper than a figure line's own label ((六)其他处理 4 1 …), all above it, are
    no lines of that label (centred, they would stand on both sides): the row above takes as many as it lacks,
    the rest are rows printed blank (无正当理由大量 / 反复申请). Between two figure lines, a row's lines beyond
    balance go to the other row where it lacks as many (要求提供公开出版 under 重复申请's figures, above 物 under
    要求提供…'s); what remains beyond balance on both sides is a row printed blank between them (无正当理由大量反
    / 复申请, unnumbered), and so is a surplus on one side that opens a label (3、补正后申请 / 内容仍不明确 above
    信访举报投诉 / 13 0 0 … / 类申请, its numbering dropped): a wrapped label's tail never opens one. Lines move
    only towards the nearer figure line (a label spanning two label columns, counted in one of them, looks
    short of lines: 一、本年新收政府信息公 / 开申请数量 keeps its tail), or where that centres both rows' labels on
    their figures better (部分公开（区分处, a row's gap under 予以公开 1 …); a row lacking lines above takes those
    right above it no row took, as it takes those below. A surplus on one side opening no label (its numbering
    dropped) is a row printed blank as far as the row's label, centred on its figures, does not reach it, if it
    prints a label's text (申请人逾期未按收费… over 其他 1 0 …); else it is parent labels' pieces, left to the caller.

    Labels judged aligned to the top of their cells (``centred`` false: most rows print their label's one line
    on their figure line, centred or not) keep only the last rule, for a surplus above a figure line on its page
    (信访举报投诉类申请 4 3 … under 3.补正后申请内容仍不明确, printed blank): a head cut from its row by the page's
    foot stands on the page before."""
    def lines(d: int | None) -> tuple[list[int], list[int], int | None]:
        """The row's lines above and below its figure line ``d``, in its own label column (the deepest its
        lines print in), and that column."""
        if d is None:
            return [], [], None
        mine = [k for k, row in joins.items() if row == d]
        column = max((c for k in mine + [d] if (c := own_column(k)) is not None), default=None)
        own = sorted(k for k in mine if any(column_of(w) == column for w in body[k].words))
        return [k for k in own if k < d], [k for k in own if k > d], column

    @cache
    def own_column(k: int) -> int | None:
        return _own_label(body[k], column_of)[0]

    def nearer(run: list[int], to: int, other: int) -> bool:
        """Whether the lines of ``run`` stand nearer figure line ``to`` than ``other``: lines go to the row
        lacking them only from where the nearer figure line took them wrongly."""
        return all(abs(body[k].center - body[to].center) < abs(body[k].center - body[other].center) for k in run)

    def drop(run: list[int]) -> None:
        for k in run:
            joins.pop(k, None)
            alone.add(k)

    def release(run: list[int]) -> None:
        for k in run:
            joins.pop(k, None)

    def complete(d: int, step: int) -> None:
        """The row of figure line ``d``, lacking lines on one side (``step`` 1: below it, -1: above it), takes
        the next lines of its column there that no row took (部分公开（区分处, a row's gap under 予以公开 1 …)."""
        above, below, column = lines(d)
        short, other = (below, above) if step > 0 else (above, below)
        k = (max(below or [d]) + 1) if step > 0 else (min(above or [d]) - 1)
        while len(short) < len(other) and 0 <= k < len(body) and k not in data and k not in joins \
                and k not in alone and opener_column(body[k]) is None:  # a line opening a label is another row's
            if not body[k].values and any(column_of(w) == column for w in body[k].words):
                nearest = body[short[-1] if short else d]  # standing as close as a wrapped cell's lines
                if not _near(*((nearest, body[k]) if step > 0 else (body[k], nearest)), size):
                    break
                joins[k] = d
                short.append(k)
            k += step

    rows = sorted(data)
    alone: set[int] = set()
    if centred:
        for p, d in zip([None, *rows], rows):
            printed = own_column(d)
            deeper = sorted(k for k, row in joins.items() if row == d and printed is not None
                            and any(column_of(w) > printed for w in body[k].words))
            if deeper and all(k < d for k in deeper):
                p_above, p_below, _ = lines(p)
                lacking = max(0, len(p_above) - len(p_below)) if p is not None else 0
                joins.update({k: p for k in deeper[:lacking]})
                drop(deeper[lacking:])

    def labelled_without(d: int, run: list[int], above: list[int], below: list[int], column: int | None) -> bool:
        """Whether the row of figure line ``d`` keeps a label without the lines of ``run``: a line of its own in
        its column, or a label opening on its figure line ((六)其他处理 4 1 …, printed in the parent column under
        5．要求行政机 / 关确认… printed blank). A row whose only label lines they are (1.属于国家秘密 over
        （三）不予公 / 开 1 — …, its figures a line below its one-line label) is no row printed blank above a
        labelled one."""
        return any(k not in run for k in above + below) or opener_column(body[d]) is not None or any(
            column_of(w) == column for w in body[d].words if w not in body[d].values)

    def label_column(d: int, doubt: set[int]) -> int:
        """The column the label of figure line ``d``'s row opens in: the deepest its lines print in, but those
        in ``doubt`` (a label spanning columns counts from where it opens)."""
        mine = [k for k, row in joins.items() if row == d and k not in doubt]
        return max((c for k in [d, *mine] if (c := own_column(k)) is not None), default=0)

    def a_label(d: int, run: list[int]) -> bool:
        """Whether lines ``run`` print a label's text in the columns of ``d``'s row's lines (two characters or
        more: not a piece of a parent label printed a character a line, （ of （三）不予公开, beside them)."""
        mine = [k for k, row in joins.items() if row == d and k not in run]
        first = min((c for k in [d, *mine] if (c := own_column(k)) is not None), default=0)
        text = "".join(w["text"] for k in run for w in body[k].words if column_of(w) >= first)
        return len(_NOT_TEXT.sub("", text)) >= 2

    def off_centre(d: int, without: Collection[int] = (), added: Collection[int] = ()) -> float:
        """How far (pt) the middle of the row's label lines — those joined to figure line ``d``, but
        ``without``, and ``added``, in its label's columns: a parent label's pieces beside them, in shallower
        columns, are another cell's — stands from its figures' middle; infinite without a line of label."""
        figures = body[d].values
        if not figures:
            return float("inf")
        centre = (min(w["top"] for w in figures) + max(w["bottom"] for w in figures)) / 2
        mine = sorted({k for k, row in joins.items() if row == d} - set(without) | set(added))
        first = label_column(d, set(without) | set(added))
        kept = [body[k] for k in mine if any(column_of(w) >= first for w in body[k].words)]
        on_line = [w for w in body[d].words if w not in figures and column_of(w) >= first]
        tops = [ln.top for ln in kept] + [w["top"] for w in on_line]
        bottoms = [ln.bottom for ln in kept] + [w["bottom"] for w in on_line]
        return abs((min(tops) + max(bottoms)) / 2 - centre) if tops else float("inf")

    def height(d: int) -> float:
        return max(w["bottom"] for w in body[d].values) - min(w["top"] for w in body[d].values)

    def beyond_centre(d: int, ends: list[int], top: bool) -> int:
        """How many of ``ends`` — lines joined to the row of figure line ``d`` at the top of its label (``top``)
        or at its foot — stand beyond its label centred on its figures, counted from that end: without them
        the row's label lines centre on its figures, with them a line or more off (申请人逾期未按收费通知要求缴纳
        费用… over 其他 1 0 …, or 属于国家秘密 under 部分公开（区分处理 / 的，只计… 15 0 … / 计其他情形）, printed
        blank, their numbering dropped). Ties keep them."""
        if not body[d].values:
            return 0

        def off(cut: int) -> float:  # (the lines of ``ends`` kept are joined already: added, they are in doubt)
            gone = ends[:cut] if top else ends[len(ends) - cut:]
            return off_centre(d, without=gone, added=[k for k in ends if k not in gone])

        best = 0
        for cut in range(1, len(ends) + 1):
            if off(cut) < off(best) - 0.25 * height(d):
                best = cut
        return best

    def centres_better(moved: list[int], to: int, other: int) -> bool:
        """Whether ``moved`` (lines of ``other``'s row) with ``to``'s row centre both rows' labels on their
        figures better, by a quarter line or more (予以公开 1 … over 部分公开（区分处 / 理的，只计… / 13 … / 形，不计
        其他情形 / ）: the first line of the label below stands nearer the figures above)."""
        before = off_centre(other, added=moved) + off_centre(to, without=moved)
        after = off_centre(other, without=moved) + off_centre(to, added=moved)
        return after < before - 0.25 * height(to)

    def opens_and_wraps(d: int, run: list[int]) -> bool:
        """Whether the label of figure line ``d`` opens on that line and ``run`` (the lines right under it) are
        its wrapped lines: each as close under the one before as a cell's lines, and all closer than the row
        stands under the line above it (centred or not, no line of that label stands above its opening)."""
        if opener_column(body[d]) is None or d == 0 or run[0] != d + 1:
            return False
        gaps = [body[k].top - body[k - 1].bottom for k in run]
        return all(_near(body[k - 1], body[k], size) for k in run) \
            and max(gaps) < 0.6 * (body[d].top - body[d - 1].bottom)

    for a, b in zip([None, *rows], [*rows, None]):
        if centred and b is not None:
            complete(b, 1)
            complete(b, -1)
        (a_above, a_below, _), (b_above, b_below, b_column) = lines(a), lines(b)
        head = b_above[:max(0, len(b_above) - len(b_below))]  # b's lines beyond balance, above it
        if head and not labelled_without(b, head, b_above, b_below, b_column):
            head = []
        if not centred:
            if head and opener_column(body[head[0]]) is not None \
                    and all(_pages(body[k]) == _pages(body[b]) for k in head):
                drop(head)
            continue
        tail = a_below[len(a_above):]  # a's, below it
        lacking = max(0, len(b_below) - len(b_above))
        if tail and lacking:  # the last of a's surplus are the first lines of b's label
            moved, tail = tail[len(tail) - min(len(tail), lacking):], tail[:len(tail) - min(len(tail), lacking)]
            if nearer(moved, b, a) or centred and centres_better(moved, b, a):
                joins.update({k: b for k in moved})
            else:  # (a label spanning two label columns, its lines counted in one of them: 开申请数量)
                tail = []
        lacking = max(0, len(a_above) - len(a_below))
        if head and lacking and not tail:  # the first of b's surplus are the last lines of a's label
            moved, head = head[:min(len(head), lacking)], head[min(len(head), lacking):]
            if nearer(moved, a, b) or centred and centres_better(moved, a, b):
                joins.update({k: a for k in moved})
            else:
                head = []
        # a surplus on one side opening no label (its numbering dropped): a row printed blank where the row's
        # label, centred on its figures, does not reach it
        # (lines beyond it printing no label's text are pieces of parent labels: no lines of the row's label,
        # they are left for the caller to place as pieces)
        if head and not tail and opener_column(body[head[0]]) is None:
            run = head[:beyond_centre(b, head, top=True)]
            if a_label(b, run):
                drop(run)
            else:
                release(run)
            continue
        if tail and not head and opener_column(body[tail[0]]) is None:
            run = tail[len(tail) - beyond_centre(a, tail, top=False):]
            if run and opens_and_wraps(a, run):
                continue  # its label opens on its figure line and wraps onto them (4.无正当理由 7 … / 大量反复申请)
            if a_label(a, run):
                drop(run)
            else:
                release(run)
            continue
        for run in ((tail, head) if tail and head else
                    [r for r in (head, tail) if r and opener_column(body[r[0]]) is not None]):
            drop(run)
    return alone


def _pages(line: _Line) -> set:
    return {w.get("page") for w in line.words}


def _has_label(line: _Line) -> bool:
    return any(w not in line.values for w in line.words)


def _labels_top_aligned(body: list[_Line], data_rows: dict[int, int], label_only, size: float) -> bool:
    """Whether row labels start on the line of their figures and wrap below it (cells aligned to the top, as
    LibreOffice and Word print them), rather than standing centred beside them: decided by where the lines
    that open a row label (一、 （二） 3．) stand, on figure lines or just above them."""
    on_figures = sum(1 for d in data_rows if _starts_row(body[d]))
    above = sum(1 for i, line in enumerate(body[:-1]) if i not in data_rows and label_only(line)
                and _starts_row(line) and i + 1 in data_rows and body[i + 1].top - line.bottom <= 0.8 * size)
    wrapped_below = sum(1 for i, line in enumerate(body[1:], start=1) if i not in data_rows and label_only(line)
                        and not _starts_row(line) and i - 1 in data_rows
                        and line.top - body[i - 1].bottom <= 0.8 * size)
    bare = sum(1 for d in data_rows if not _has_label(body[d]))  # figures beside a label centred around them
    return on_figures > 2 * (above + bare) and wrapped_below > 0


def _spanning_heads(header: list[_Line], columns: list[float]) -> dict[int, tuple[int, int]]:
    """id(word) -> (first, last) figure column of each header word heading several columns, from the top line
    down: the widest run of columns centred under the word (within a quarter pitch), inside the run of the word
    above it, clear of its neighbours on its line, with headings below it over two of its columns or more (a
    leaf heading beside a heading printed blank heads its one column)."""
    if len(columns) < 3:
        return {}
    pitch = statistics.median(b - a for a, b in zip(columns, columns[1:]))
    spans: dict[int, tuple[int, int]] = {}
    placed: list[tuple[float, int, int]] = []  # (line bottom, first, last) of the spanning words above

    def nearest(x: float) -> int:
        return min(range(len(columns)), key=lambda k: abs(columns[k] - x))

    ordered = sorted(header, key=lambda ln: ln.top)
    for n, line in enumerate(ordered):
        centres = [(w["x0"] + w["x1"]) / 2 for w in line.words]
        below = [(w["x0"] + w["x1"]) / 2 for ln in ordered[n + 1:] for w in ln.words]
        for i, (word, centre) in enumerate(zip(line.words, centres)):
            left = centres[i - 1] if i else float("-inf")
            right = centres[i + 1] if i + 1 < len(centres) else float("inf")
            parents = [(a, b) for bottom, a, b in placed if bottom <= line.top + 1
                       and columns[a] - pitch / 2 <= centre <= columns[b] + pitch / 2]
            low, high = parents[-1] if parents else (0, len(columns) - 1)
            # clear of the neighbours: none of the columns nearest them
            low = max(low, nearest(left) + 1) if i else low
            high = min(high, nearest(right) - 1) if i + 1 < len(centres) else high
            runs = [(a, b) for a in range(low, high + 1) for b in range(a + 1, high + 1)
                    if abs((columns[a] + columns[b]) / 2 - centre) <= pitch / 4]
            run = max(runs, key=lambda r: r[1] - r[0], default=None)
            if run is None:
                continue
            under = {nearest(x) for x in below
                     if columns[run[0]] - pitch / 2 <= x <= columns[run[1]] + pitch / 2}
            if len(under) >= 2:
                spans[id(word)] = run
                placed.append((line.bottom, *run))
    return spans


def _header_only_columns(header: list[_Line], columns: list[float], label_edge: float,
                         single_row: bool = False) -> list[float]:
    """Figure columns plus any a header names where no figure stands (a 总计 column printed all empty)."""
    if len(columns) < 2:
        return columns
    # the pitch of neighbouring columns; in a single row of figures many columns may print nothing, leaving
    # gaps of two or three pitches
    gaps = sorted(b - a for a, b in zip(columns, columns[1:]))
    spacing = statistics.median(gaps)
    heads = _heading_centres(header, label_edge)
    if not single_row and len(heads) >= 3:
        # rows with labels whose figure columns each stand under a heading of one header line, further apart
        # than its headings: the headings between head columns no row prints a figure in (本年废止件数 blank in
        # every row between 本年制发件数 and 现行有效件数); only that line's headings, so a heading centred over
        # several columns on a line above never makes a column
        fine = statistics.median(b - a for a, b in zip(heads, heads[1:]))
        if fine < 0.8 * spacing and all(min(abs(c - h) for h in heads) <= 0.25 * fine for c in columns):
            columns = sorted(columns + [h for h in heads if min(abs(h - c) for c in columns) > 0.75 * fine])
            # and a heading on another line naming a column left blank too (其他, centred a line lower in its
            # cell, between 法律服务机构 and 总计, with 社会公益组织 blank as well)
            spacing = statistics.median(b - a for a, b in zip(columns, columns[1:]))
    pitch = _pitch(gaps) if single_row else None
    fine = _header_pitch(header, label_edge) if single_row else None
    if fine is not None and (pitch is None or fine < 0.8 * pitch) \
            and all(abs(g / fine - round(g / fine)) <= 0.2 for g in gaps):
        pitch = fine  # two or three figures: the headings' own pitch, when the figures stand on it
    if pitch is not None:
        spacing = pitch  # every gap a whole number of pitches: the columns between print nothing
    lonely = [(w["x0"] + w["x1"]) / 2 for ln in header for w in ln.words
              if (w["x0"] + w["x1"]) / 2 > label_edge
              and min(abs((w["x0"] + w["x1"]) / 2 - c) for c in columns) > 0.75 * spacing]
    extra = [statistics.mean(c) for c in _clusters(lonely, 0.3 * spacing)]
    if pitch is not None:  # on that grid only: a heading centred over several columns (行政诉讼) may fall between
        extra = [x for x in extra if abs((x - columns[0]) / pitch - round((x - columns[0]) / pitch)) <= 0.25]
    return sorted(columns + extra)


def _header_pitch(header: list[_Line], label_edge: float) -> float | None:
    """The median distance between neighbouring headings on the header line holding the most of them (three
    or more), right of the labels; None without such a line."""
    centres = _heading_centres(header, label_edge)
    if len(centres) < 3:
        return None
    return statistics.median(b - a for a, b in zip(centres, centres[1:]))


def _blank_columns_left(header: list[_Line], labels: list[dict], columns: list[float], label_edge: float,
                        size: float) -> tuple[float, list[float]]:
    """The label edge and figure columns with the columns a header line names left of every figure (and any
    other it names where no figure stands), when every row prints its figures further right: the proactive
    table's first block printed all blank (本年制发件数 | 本年废止件数 | 现行有效件数 over 规章 and 行政规范性文件,
    no figure), the other blocks' one figure centred under the middle heading. Only a line of three or more
    headings at one pitch, right of every row label, with a heading over each figure column; the label edge
    moves to the left of its first heading (``labels``: the body's label words)."""
    if not labels:
        return label_edge, columns
    label_right = max(w["x1"] for w in labels)
    for line in header:
        heads = sorted((w for w in line.words if w["x0"] > label_right + 0.5 * size), key=lambda w: w["x0"])
        centres = [(w["x0"] + w["x1"]) / 2 for w in heads]
        if len(centres) < 3 or centres[0] >= label_edge:
            continue
        gaps = [b - a for a, b in zip(centres, centres[1:])]
        pitch = statistics.median(gaps)
        if max(gaps) > 1.2 * min(gaps) or not all(min(abs(c - h) for h in centres) <= 0.25 * pitch for c in columns):
            continue
        new = [h for h in centres if min(abs(h - c) for c in columns) > 0.5 * pitch]
        return min(label_edge, heads[0]["x0"] - 0.5 * size), sorted(columns + new)
    return label_edge, columns


def _heading_centres(header: list[_Line], label_edge: float) -> list[float]:
    """The centres of the headings right of the labels on the header line holding the most of them, left to
    right."""
    return max(([(w["x0"] + w["x1"]) / 2 for w in ln.words if (w["x0"] + w["x1"]) / 2 > label_edge]
                for ln in header), key=len, default=[])


def _pitch(gaps: list[float]) -> float | None:
    """The pitch of a regular grid of columns from the gaps between the columns printing figures (each a whole
    number of pitches, measured on all of them), or None when they are not."""
    if not gaps or gaps[0] <= 0:
        return None
    pitch = statistics.mean(g / max(1, round(g / gaps[0])) for g in gaps)
    return pitch if all(abs(g / pitch - round(g / pitch)) <= 0.2 for g in gaps) else None


def _edges(label_cols: list[float], columns: list[float], lines: list[_Line]) -> list[float]:
    """Column boundaries: label columns start where their words do; figure columns sit midway between."""
    left = min(ln.x0 for ln in lines)
    right = max(ln.x1 for ln in lines)
    starts = list(label_cols)
    for i, centre in enumerate(columns):
        prev = columns[i - 1] if i else None
        starts.append((prev + centre) / 2 if prev is not None else max(starts[-1] + 1, centre - 20))
    starts[0] = min(starts[0], left)
    return starts + [max(right, starts[-1] + 1)]


def _join(words: list[dict], size: float) -> str:
    """Words of one cell: a line break where the next word starts a new line, a space where a gap shows."""
    out = ""
    prev = None
    for word in words:
        if prev is not None:
            same_line = abs((word["top"] + word["bottom"]) / 2 - (prev["top"] + prev["bottom"]) / 2) <= 0.4 * size
            out += (" " if word["x0"] - prev["x1"] > SPACE_GAP * size else "") if same_line else "\n"
        out += word["text"]
        prev = word
    return _BLANKS.sub(" ", out).strip()
