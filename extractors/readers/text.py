"""Plain text: tab-separated tables, space-aligned tables (``pdftotext -layout``), paragraphs.

* A run of tab-separated lines is a table (blank lines inside allowed): how copy-pasted or converted reports
  (and the project's seed report) flatten their tables.
* Space-aligned text, as ``pdftotext -layout`` writes a PDF, keeps each word at the character column where it
  stood on the page. Every word becomes a box (column → x, line → y) and the tables are found by the same
  word-position assembly as borderless PDF tables (:mod:`extractors.readers.borderless`). The whole dump is
  page at a time; a table continued on the next page is rebuilt as one (:func:`_continued`).
* Lines of such a dump outside tables are joined back into paragraphs (a new one at an indented line, after a
  short line or a blank line), as the PDF reader does with the lines of a page.
* Text holding a Markdown pipe table is Markdown (:mod:`extractors.readers.markdown`).

Measured on pdftotext 22.x output of our PDFs: every character, CJK included, takes one column. A dump
written by a tool that pads CJK characters to two columns is recognised by its figures lining up under that
counting instead (:func:`_cjk_columns`).
"""

from __future__ import annotations

import unicodedata
from pathlib import Path

import regex

from extractors.model import Document, Paragraph, table_from_rows
from extractors.readers.borderless import find_borderless_tables
from extractors.readers.encoding import decode
from extractors.readers.errors import ReadError
from extractors.readers.furniture import PAGE_NUMBER

_EMPHASIS = regex.compile(r"\*\*(.+?)\*\*")  # Markdown bold left by converters: the words stay, the stars go
_WORD = regex.compile(r"\S+")
_FIGURE = regex.compile(r"^[-+]?\d[\d,.]*%?$|^[—–/-]$")
_HAN = regex.compile(r"\p{Han}")
# Page furniture a PDF prints in its margins: a page number alone on its line
_NUMBERED = regex.compile(r"^(?:\d{1,2}\s*[.、．]|[（(][一二三四五六七八九十]{1,3}[)）]|[一二三四五六七八九十]{1,3}、)")
_SIZE = 2.0  # a word box's height, in columns: the unit borderless measures gaps and line distances in
_PITCH = 1.25 * _SIZE  # one text line to the next, as a PDF's line spacing to its font size
_LAYOUT_LINE = 1000  # characters: a pdftotext -layout line of an A3 landscape page is under 400


# Real text reports (a pdftotext dump of a 40-page report included) hold under 700,000 characters (2 MB of
# UTF-8 Chinese); twice that is refused, since every step after reading is linear in it and a batch should
# not spend minutes on a file no report reaches.
MAX_TEXT_CHARS = 1_500_000


def read(path: Path, data: bytes) -> Document:
    text, _ = decode(data)
    if len(text) > MAX_TEXT_CHARS:
        raise ReadError(f"text of {len(text):,} characters, over the {MAX_TEXT_CHARS:,} cap "
                        "(real reports: under 700,000)")
    return parse_text(text, str(path))


def parse_text(text: str, path: str = "<text>") -> Document:
    from extractors.readers import markdown

    if markdown.has_pipe_table(text):
        return markdown.parse_markdown(text, path)
    paged = "\f" in text
    lines: list[tuple[int | None, str]] = []  # (page, line); pages only where form feeds mark them
    for number, page in enumerate(text.split("\f"), start=1):
        page_lines = [_EMPHASIS.sub(r"\1", line.rstrip("\r\n")) for line in page.splitlines()]
        lines += [(number if paged else None, line) for line in (_drop_furniture(page_lines) if paged else page_lines)]
    texts = [line for _, line in lines]
    blocks = []
    loose: list[tuple[int, int | None, str]] = []  # (index, page, line) of the lines outside tab tables
    i = 0
    while i < len(lines):
        page, line = lines[i]
        if _is_row(line):
            blocks += _aligned(loose, paged)
            loose = []
            rows, i = _table_lines(texts, i)
            cells = [r.split("\t") for r in rows]
            if any(sum(bool(c.strip()) for c in row) >= 2 for row in cells):
                blocks.append(table_from_rows(cells, page))
            else:  # tabs but never two cells side by side: prose laid out with tabs
                blocks += [Paragraph(r.strip(), page=page) for r in rows if r.strip()]
            continue
        loose.append((i, page, line))
        i += 1
    blocks += _aligned(loose, paged)
    pages = max((p for p, _ in lines if p), default=None) if paged else None
    return Document(path=path, format="text", blocks=blocks, pages=pages)


def _drop_furniture(lines: list[str]) -> list[str]:
    """A page number on the last or first non-blank line of a page is not text of the report."""
    filled = [i for i, line in enumerate(lines) if line.strip()]
    drop = {i for i in filled[:1] + filled[-1:] if PAGE_NUMBER.match(lines[i])}
    return [line for i, line in enumerate(lines) if i not in drop]


def _is_row(line: str) -> bool:
    """A tab after the line's first words: a leading tab alone is an indent."""
    return "\t" in line.lstrip()


def _table_lines(lines: list[str], i: int) -> tuple[list[str], int]:
    rows = []
    while i < len(lines):
        if _is_row(lines[i]):
            rows.append(lines[i])
            i += 1
            continue
        j = i
        while j < len(lines) and not lines[j].strip():
            j += 1
        if j > i and j < len(lines) and _is_row(lines[j]):
            i = j  # blank lines inside a table (a page break in the original)
            continue
        break
    return rows, i


def _width(text: str, cjk: int) -> int:
    return sum(cjk if unicodedata.east_asian_width(ch) in "WF" else 1 for ch in text)


def _word_columns(line: str, cjk: int) -> list[tuple[str, int, int, bool]]:
    """(word, first column, end column, whether a Han character stands before it) for each word of ``line``.
    One pass over the line: measuring each word's prefix anew is quadratic in the line's length (a 200 KB
    line of spaced digits took minutes)."""
    out = []
    col, pos, han = 0, 0, False
    for m in _WORD.finditer(line):
        gap = line[pos:m.start()]
        col += _width(gap, cjk)
        han = han or bool(_HAN.search(gap))
        x1 = col + _width(m.group(), cjk)
        out.append((m.group(), col, x1, han))
        han = han or bool(_HAN.search(m.group()))
        col, pos = x1, m.end()
    return out


def _cjk_columns(lines: list[str]) -> int:
    """1 or 2: the counting of CJK characters under which the figures of the dump line up best (figures of
    one column end at one position, so the counting that gives fewer distinct end positions is the writer's)."""
    spread = {}
    for cjk in (1, 2):
        ends = set()
        for line in lines:
            for word, _, end, han_before in _word_columns(line, cjk):
                if han_before and _FIGURE.match(word):
                    ends.add(end)
        spread[cjk] = len(ends)
    return 2 if spread[2] < spread[1] else 1


def _aligned(loose: list[tuple[int, int | None, str]], paged: bool) -> list:
    """Tables found from character columns, and the other lines as paragraphs, in line order."""
    if not loose:
        return []
    cjk = _cjk_columns([line for _, _, line in loose if len(line) <= _LAYOUT_LINE])
    shift = _centred_figures(loose)
    # a line longer than any page is wide is prose (or junk), never a table row: no word boxes for it
    words_of = {index: _words(index + shift.get(index, 0.0), page, line, cjk) if len(line) <= _LAYOUT_LINE else []
                for index, page, line in loose}
    for index, ws in words_of.items():
        for w in ws:
            w["line"] = index
    _snap_figures(words_of)
    found: list[tuple[object, list[dict]]] = []
    for page in dict.fromkeys(page for _, page, _ in loose):
        words = [w for index, p, _ in loose if p == page for w in words_of[index]]
        parts = find_borderless_tables(words, None) if words else []
        if found:
            # the continuation: the page's first table, with the lines above it (a last row alone on the
            # page is too little to be found as a table by itself)
            head = parts[0][1] if parts else []
            start = min((w["line"] for w in head), default=None)
            lead = [w for index, p, line in loose if p == page and (start is None or index < start)
                    and not _after_gap(loose, page, index) for w in words_of[index]]
            cut = any(p == page and (start is None or index < start) and line.strip()
                      and _after_gap(loose, page, index) for index, p, line in loose)
            tries = [(lead, 0)] if cut else [(lead + head, 1 if parts else 0)]
            for second, used in tries + [(head, 1)]:
                joined = _continued(found[-1][1], second, loose, words_of) if second else None
                if joined is not None:
                    found[-1] = joined
                    parts = parts[used:]
                    break
        found += parts
    used = {w["line"] for _, ws in found for w in ws}
    placed = [(min(w["line"] for w in ws), table) for table, ws in found]
    rest = [(index, page, line) for index, page, line in loose if index not in used and line.strip()]
    if paged or placed:
        placed += _paragraphs(rest)
    else:  # plain prose, one paragraph a line
        placed += [(index, Paragraph(line.strip(), page=page)) for index, page, line in rest]
    for _, block in placed:
        if not isinstance(block, Paragraph):
            block.bbox = None  # columns and lines, not points: no geometry to report
            for cell in block.cells:
                cell.bbox = None
    return [block for _, block in sorted(placed, key=lambda pair: pair[0])]


def _after_gap(loose: list, page, index: int) -> bool:
    """Whether two blank lines or more stand between the top of ``page`` and line ``index``: what follows
    such a gap no longer continues the table of the page before."""
    blank = 0
    for i, p, line in loose:
        if p != page or i >= index:
            continue
        blank = blank + 1 if not line.strip() else (blank if blank >= 2 else 0)
    return blank >= 2


def _words(y: float, page: int | None, line: str, cjk: int) -> list[dict]:
    """Word boxes of one line: x in character columns, y from the line's place (a page break counts as one
    more line, as the gap between two pages)."""
    top = (y + (page or 1) - 1) * _PITCH
    return [{"text": word, "x0": float(x0), "x1": float(x1), "top": top, "bottom": top + _SIZE, "page": page}
            for word, x0, x1, _ in _word_columns(line, cjk)]


def _apart(words: list[dict]) -> list[dict]:
    """The figure words of one line that stand apart from the word before them (table cells, not prose)."""
    first = [words[0]] if words and _FIGURE.match(words[0]["text"]) and words[0]["x0"] >= 3 * _SIZE else []
    return first + [w for prev, w in zip(words, words[1:])
                    if _FIGURE.match(w["text"]) and w["x0"] - prev["x1"] >= 1.5 * _SIZE]


def _snap_figures(words_of: dict[int, list[dict]]) -> None:
    """pdftotext rounds every word to a character column and pushes it right where the words before it take
    more columns than their width on the page, so one column's figures stray by a few columns from row to
    row. Rows printing the same number of figures, close to each other, are one table's full rows: the k-th
    figure of each is put at the k-th column's median place."""
    groups: list[list[list[dict]]] = []
    last: dict[int, int] = {}  # figure count -> line index of the group's last row
    by_count: dict[int, list[list[dict]]] = {}
    for index in sorted(words_of):
        figures = sorted(_apart(words_of[index]), key=lambda w: w["x0"])
        n = len(figures)
        if n < 2:
            continue
        if n not in by_count or index - last[n] > 12:
            by_count[n] = []
            groups.append(by_count[n])
        by_count[n].append(figures)
        last[n] = index
    for rows in groups:
        n = len(rows[0])
        if len(rows) < 3 and n < 4:
            continue  # too little to tell columns from figures in prose
        centres = [sorted((r[k]["x0"] + r[k]["x1"]) / 2 for r in rows)[len(rows) // 2] for k in range(n)]
        if any(b - a < 2 * _SIZE for a, b in zip(centres, centres[1:])):
            continue  # not distinct columns: leave the words where they are
        for row in rows:
            for w, centre in zip(row, centres):
                half = (w["x1"] - w["x0"]) / 2
                w["x0"], w["x1"] = centre - half, centre + half
        _snap_first_header(words_of, rows, centres)


def _snap_first_header(words_of: dict[int, list[dict]], rows: list[list[dict]], centres: list[float]) -> None:
    """A column header printed on the same line as the end of a wrapped label (自然人 after 第三项加第四项之和）)
    is pushed left by pdftotext, over the label column: such a word, standing apart from the label text but
    left of the first figure column, heads that first column."""
    top = min(w["line"] for w in rows[0])  # the table's first row of figures: rows above may print fewer
    index, quiet = top - 1, 0
    while index >= 0 and quiet < 8 and index in words_of:
        figures = _apart(sorted(words_of[index], key=lambda w: w["x0"]))
        if figures and len(figures) >= 2 and all(min(abs((w["x0"] + w["x1"]) / 2 - c) for c in centres)
                                                 <= _SIZE for w in figures):
            top, quiet = index, 0
        elif figures:
            break  # figures of another table
        else:
            quiet += 1
        index -= 1
    for index in range(top - 1, max(top - 9, -1), -1):
        words = sorted(words_of.get(index, []), key=lambda w: w["x0"])
        if any(_FIGURE.match(w["text"]) for w in words):
            break
        for prev, w in zip(words, words[1:]):
            centre = (w["x0"] + w["x1"]) / 2
            if w["x0"] - prev["x1"] >= 1.5 * _SIZE and centres[0] - centre > 1.5 * _SIZE and centre > prev["x1"]:
                half = (w["x1"] - w["x0"]) / 2
                w["x0"], w["x1"] = centres[0] - half, centres[0] + half


def _centred_figures(loose: list[tuple[int, int | None, str]]) -> dict[int, float]:
    """Half-line moves that put back what pdftotext's one line per text line loses (in line units):

    * figures printed beside a two-line label (centred between its lines) get a line of their own, between
      the label's lines: those label lines move half a line towards the figures, to join the figures' row
      rather than the row above or below;
    * a numbered label (1.本机关不掌握…) on a line of its own right above figures whose line holds no numbered
      label moves half a line down: it starts the row those figures belong to;
    * the last line of a label wrapped over lines with no figures beside it (a row printed blank), right
      above a numbered row (3.其他 …), moves half a line up: a numbered row starts its own label;
    * a block heading (第二十条第（五）项) printed right under a row's figures and right above the next block's
      column headers moves half a line down, to head what follows rather than continue the label above.
    """
    shift: dict[int, float] = {}
    texts = {index: line for index, _, line in loose}

    def figures(line: str) -> int:
        return sum(bool(_FIGURE.match(t)) for t in line.split())

    for index, _, line in loose:
        tokens = line.split()
        if len(tokens) >= 2 and figures(line) == len(tokens):
            for other, step in ((index - 1, 0.5), (index + 1, -0.5)):
                near = texts.get(other, "")
                if near.strip() and not figures(near):
                    shift[other] = step
        below_line = texts.get(index + 1, "")
        if tokens and not figures(line) and any(_NUMBERED.match(t) for t in tokens) and figures(below_line) \
                and not any(_NUMBERED.match(t) for t in below_line.split() if not _FIGURE.match(t)):
            shift.setdefault(index, 0.5)
        if line.strip() and not figures(line) and not _NUMBERED.match(line.strip()) \
                and texts.get(index - 1, "").strip() and not figures(texts.get(index - 1, "")) \
                and figures(texts.get(index + 1, "")) and _NUMBERED.match(texts.get(index + 1, "").strip()):
            shift.setdefault(index, -0.5)
        above = texts.get(index - 1, "")
        below = texts.get(index + 1, "") if texts.get(index + 1, "").strip() else texts.get(index + 2, "")
        if len(tokens) == 1 and not figures(line) and figures(above) >= 1 and len(above.split()) >= 2 \
                and len(below.split()) >= 2 and not figures(below):
            shift.setdefault(index, 0.5)
    return shift


def _continued(first: list[dict], second: list[dict], loose: list, words_of: dict) -> tuple | None:
    """The table whose first part ends one page and whose second part opens the next, as one table.

    pdftotext lays out every page on its own character grid: a label starts at the same column on both pages,
    but the figure columns of the second page can stand a few columns off. The second part's words are mapped
    onto the first part's columns (piecewise linear through the labels' left edge and the figure columns,
    the fewer matched to the nearest run of the more); with the lines between the parts (a row printed blank
    at the foot of the page) they must make exactly one table.
    """
    last_line = max(w["line"] for w in first)
    first_line = min(w["line"] for w in second)
    between = [w for index, _, _ in loose if last_line < index < first_line for w in words_of[index]]
    src, dst = _figure_columns(second), _figure_columns(first)
    heads = [ws for index, _, line in loose if last_line < index < first_line
             if len(ws := words_of[index]) >= 3 and not any(_FIGURE.match(w["text"]) for w in ws)]
    if heads:  # a new block's column headers just above the continuation: its figures stand under them
        dst = [(w["x0"] + w["x1"]) / 2 for w in heads[-1][1:]]
    n = min(len(src), len(dst))
    if n < 1:
        return None
    # the part with fewer columns is matched to the run of the other's columns that lies nearest
    long, short = (dst, src) if len(dst) >= len(src) else (src, dst)
    o = min(range(len(long) - n + 1), key=lambda o: sum((a - b) ** 2 for a, b in zip(long[o:o + n], short)))
    pairs = list(zip(src, dst[o:o + n])) if long is dst else list(zip(src[o:o + n], dst))
    anchors = [(min(w["x0"] for w in second), min(w["x0"] for w in first))] + pairs
    anchors = sorted(dict(anchors).items())
    mapped = [{**w, "x0": _interpolate(w["x0"], anchors), "x1": _interpolate(w["x1"], anchors)} for w in second]
    words = first + between + mapped
    found = find_borderless_tables(words, None)
    if len(found) != 1 or len(found[0][1]) != len(words):
        return None
    return found[0][0], first + between + second


def _figure_columns(words: list[dict]) -> list[float]:
    """Centres of the figure columns of a word-built table part: figures standing apart on their lines."""
    lines: dict[int, list[dict]] = {}
    for w in words:
        lines.setdefault(w["line"], []).append(w)
    centres = []
    for line in lines.values():
        line.sort(key=lambda w: w["x0"])
        for prev, w in zip(line, line[1:]):
            if _FIGURE.match(w["text"]) and w["x0"] - prev["x1"] >= 1.5 * _SIZE:
                centres.append((w["x0"] + w["x1"]) / 2)
    columns: list[list[float]] = []
    for c in sorted(centres):
        if columns and c - columns[-1][-1] <= 1.2 * _SIZE:
            columns[-1].append(c)
        else:
            columns.append([c])
    return [sum(c) / len(c) for c in columns]


def _interpolate(x: float, anchors: list[tuple[float, float]]) -> float:
    if x <= anchors[0][0]:
        return x + anchors[0][1] - anchors[0][0]
    for (x0, y0), (x1, y1) in zip(anchors, anchors[1:]):
        if x <= x1:
            return y0 + (x - x0) * (y1 - y0) / (x1 - x0) if x1 > x0 else y0
    return x + anchors[-1][1] - anchors[-1][0]


def _paragraphs(rest: list[tuple[int, int | None, str]]) -> list[tuple[int, Paragraph]]:
    """Wrapped lines of a layout dump back into paragraphs: a new one starts at an indented line, after a
    short line or after a blank line (the rule the PDF reader applies to the lines of a page)."""
    if not rest:
        return []
    right = max(_width(line.rstrip(), 2) for _, _, line in rest)
    out: list[tuple[int, Paragraph]] = []
    current: list[tuple[int, int | None, str]] = []

    def flush() -> None:
        if current:
            text = "".join(line.strip() for _, _, line in current)
            out.append((current[0][0], Paragraph(text, page=current[0][1])))
            current.clear()

    for index, page, line in rest:
        if current:
            prev_index, prev_page, prev = current[-1]
            indent = len(line) - len(line.lstrip())
            if indent >= 2 or _width(prev.rstrip(), 2) < right - 2 * _SIZE or index > prev_index + 1 \
                    or page != prev_page:
                flush()
        current.append((index, page, line))
    flush()
    return out
