"""PDF with a text layer: ruled tables as span grids, the rest as paragraphs, in page order.

Characters and ruling lines are read by PDFium (:mod:`extractors.readers.pdfium_page`) into pdfplumber's page
objects, and pdfplumber's word, line and table logic runs on them (its hot steps written out with the same
results: :mod:`~extractors.readers.ruled`, :mod:`~extractors.readers.words`); pdfplumber's own parser (pdfminer,
several times slower) reads the file instead when PDFium cannot open it or cannot load a page's text, or when
asked to (``GONGKAI_PDF_CHARS=pdfplumber`` or ``read(..., chars="pdfplumber")``: the two paths are compared in
tests).
Either way the characters go through one normaliser (:func:`~extractors.readers.glyphs.clean_chars`).

A table continued on the next page (the page ends in a table and the next begins with one of the same width)
is joined into one, a repeated header row dropped; so are a word-built table's last rows opening the next page
too few to make a table there (one row of one figure). Page numbers and similar furniture are left out.
"""

from __future__ import annotations

import io
import os
import statistics
from bisect import bisect_left
from pathlib import Path

import pdfplumber
import pypdfium2
import regex

from extractors.model import BBox, Cell, Document, Paragraph, Table
from extractors.numerals import parse_cell
from extractors.readers.borderless import (
    BLOCK_START, ROW_START, find_borderless_tables, rebuild_across_pages, rebuild_with_opening_rows,
)
from extractors.readers.errors import ReadError
from extractors.readers.furniture import PAGE_NUMBER, folio_chars
from extractors.readers.glyphs import (
    SPACE_GAP, clean_chars, join_autospaced_amounts, join_spaced_figure_text, join_spaced_figures,
)
from extractors.readers.pdfium_page import PdfiumPage
from extractors.readers.pictures import pdf_pictures
from extractors.readers.ruled import RuledTable, cell_texts, find_ruled_tables
from extractors.readers.textlayer import pages_to_ocr
from extractors.readers.word_sources import WordSources
from extractors.readers.words import extract_words, text_lines
from extractors.sections import heading_level

_SNAP = 2.0  # points: edges closer than this are one grid line


CHARS_ENV = "GONGKAI_PDF_CHARS"  # "pdfium" (the default) or "pdfplumber": which library reads the pages
CHAR_SOURCES = ("pdfium", "pdfplumber")


def read(path: Path, data: bytes, chars: str | None = None) -> Document:
    """The document of a PDF's bytes; a PDF without any text layer is read by OCR (:mod:`ocr`).

    ``chars``: "pdfium" or "pdfplumber", which library reads the pages (default: ``$GONGKAI_PDF_CHARS``, else
    pdfium, with pdfplumber as the fallback for a file PDFium cannot read). Raises :class:`ReadError`.
    """
    from extractors.readers.pdf_limits import MAX_PDF_BYTES, check_pdf_limits

    # opened once: its pages are counted for the caps, then read
    document = _open_pdfium(data) if len(data) <= MAX_PDF_BYTES else None
    try:
        check_pdf_limits(data, document)  # bytes, pages, inflated streams: refused before parsing
        source = chars or os.environ.get(CHARS_ENV) or "pdfium"
        if source not in CHAR_SOURCES:
            raise ValueError(f"{CHARS_ENV} must be one of {', '.join(CHAR_SOURCES)}, not {source!r}")
        pages = pdfium_pages(document) if source == "pdfium" and document is not None else None
    finally:
        if document is not None:
            document.close()
    if pages is not None:
        return _document(path, data, pages)
    try:
        pdf = pdfplumber.open(io.BytesIO(data))
    except Exception as exc:
        raise ReadError(f"not a readable PDF: {type(exc).__name__}") from exc
    with pdf:
        return _document(path, data, pdf.pages)


def _open_pdfium(data: bytes) -> pypdfium2.PdfDocument | None:
    try:
        return pypdfium2.PdfDocument(data)
    except pypdfium2.PdfiumError:
        return None


def pdfium_pages(pdf: bytes | pypdfium2.PdfDocument) -> list[PdfiumPage] | None:
    """Every page of the PDF (its bytes, or the document open already: left open) read by PDFium, or None when
    PDFium cannot open the file or load a page's text (the caller then reads it with pdfplumber, which also
    gives the reason when neither can)."""
    if not isinstance(pdf, (bytes, bytearray)):
        return _pdfium_pages(pdf)
    document = _open_pdfium(pdf)
    if document is None:
        return None
    try:
        return _pdfium_pages(document)
    finally:
        document.close()


def _pdfium_pages(pdf: pypdfium2.PdfDocument) -> list[PdfiumPage] | None:
    pages: list[PdfiumPage] = []
    doctop: float = 0  # pdfplumber's doctop: the heights of the pages before, summed
    try:
        for index in range(len(pdf)):
            page = pdf[index]
            try:
                pages.append(PdfiumPage(page, index + 1, doctop))
            finally:
                page.close()
            doctop += pages[-1].height
    except pypdfium2.PdfiumError:
        return None
    return pages


def _document(path: Path, data: bytes, pdf_pages: list) -> Document:
    """The blocks of pdfplumber pages (read by either library) in order, tables joined across pages."""
    if not pdf_pages:
        raise ReadError("a PDF with no pages")
    sources = WordSources()  # a word-built table or stranded header line -> the words it was built from
    pages = [_read_page(page, number, sources) for number, page in enumerate(pdf_pages, start=1)]
    scanned = pages_to_ocr(pdf_pages)  # no text layer, or one of garbage
    for number, blocks in pdf_pictures(data, pdf_pages, scanned).items():  # tables pasted as pictures
        pages[number - 1] = sorted(pages[number - 1] + blocks, key=lambda b: b.bbox[1] if b.bbox else 0)
    if scanned:
        from extractors.readers import ocr  # a scan: read by OCR (imported here: onnxruntime is heavy)

        return ocr.read(path, data, scanned, pages, sources)
    return Document(path=str(path), format="pdf", blocks=join_continued_tables(pages, sources),
                    pages=len(pdf_pages))


def _read_page(page, number: int, sources: WordSources) -> list:
    chars = clean_chars(page.chars)  # in page order; the page's lines, rects and curves are all kept
    folio = folio_chars(chars, page.width, page.height)
    if folio:  # the page number: never a table's, even printed over a table running into the footer
        chars = [c for c in chars if id(c) not in folio]
    found = find_ruled_tables(page)
    tables = [t for t in (_table(t, chars, number) for t in found) if t.cells]
    boxes = [t.bbox for t in found]
    words = extract_words(chars, x_tolerance=1.5, y_tolerance=2)
    size = statistics.median([w["bottom"] - w["top"] for w in words]) if words else 10.0
    loose = _outside(join_autospaced_amounts(join_spaced_figures(words, size), size), boxes)
    mark_rules(loose, row_rules(page, boxes))
    for table, words in find_borderless_tables(loose, number):
        tables.append(table)
        boxes.append(table.bbox)
        sources.put(table, words)
    rest = _outside(chars, boxes)
    lines = [line for line in text_lines(rest, page) if not PAGE_NUMBER.match(line["text"])]
    blocks: list = tables + _paragraphs(lines, number, page.width)
    blocks.sort(key=lambda b: b.bbox[1] if b.bbox else 0)
    _keep_stranded_header(blocks, loose, size, sources)
    _keep_row_head(blocks, loose, size, sources)
    _keep_opening_lines(blocks, loose, number, sources)
    return blocks


_STRANDED_MAX_LINES = 6
_SENTENCE_END = regex.compile(r"[。；;！？]")


def _keep_stranded_header(blocks: list, loose: list[dict], size: float, sources: WordSources) -> None:
    """A table's header stranded at the foot of a page, its rows on the next: the trailing lines that read
    as column headings (short, no sentence, not a section heading, at least one line of words standing
    apart like columns) keep their words, so the next page's word-built table is rebuilt with them."""
    tail = []
    for block in reversed(blocks):
        text = block.text.strip() if isinstance(block, Paragraph) else ""
        if not text or _SENTENCE_END.search(text) or heading_level(text) == 1 \
                or (len(text) > 40 and not _headings_line(_words_in(loose, block))):
            break
        tail.insert(0, block)
    if not tail or len(tail) > _STRANDED_MAX_LINES:
        return
    words = [w for w in loose if any(_inside_any(w, [b.bbox]) for b in tail)]
    by_line: dict[int, list[dict]] = {}
    for word in words:
        by_line.setdefault(round((word["top"] + word["bottom"]) / 2 / (0.5 * size)), []).append(word)
    columned = any(_columned(line, size) for line in by_line.values())
    if columned:
        kept: set[int] = set()  # a word in two lines' boxes (a heading wrapped between them) goes with the first
        for block in tail:
            own = [w for w in _words_in(words, block) if id(w) not in kept]
            kept.update(id(w) for w in own)
            sources.put(block, own)


# lines: a row's head, or a few rows printed blank (two to four lines each) beside their parents' pieces
_ROW_HEAD_MAX_LINES = 24
_DIGIT = regex.compile(r"\d")


def _keep_row_head(blocks: list, loose: list[dict], size: float, sources: WordSources) -> None:
    """A row of a word-built table broken by the page end with its label's first lines at the page's foot, below
    the table's last figures, and the label's tail with the figures on the next page (（四）无法提 | 1.本机关不掌
    here, 握相关政府信息 41 2 43 there): those lines are no rows of their own (no figure), so the table ends above
    them and they read as paragraphs. So do rows printed blank at the page's foot (要求行政机关确认… and 1、申请人
    无正当理由… under 无正当理由大量反复申请 30 …, beside their parent's piece 六、其他 / 处理, its numbering that of a
    section's heading). The short lines ending the page right below its last word-built table, each below the
    one before, none a sentence, none a block of rows, none a section heading unless it stands beside another
    label (a parent label's piece centred beside its rows' labels, on its line or its own: a heading stands
    alone on its line), each standing left of the table's figures, keep their words as a row's head
    (sources.put_row_head); join_continued_tables rebuilds them with the table and its continuation into one
    table, or leaves them as they are."""
    last = max((i for i, b in enumerate(blocks) if isinstance(b, Table)), default=None)
    if last is None or blocks[last].ruled or blocks[last] not in sources or blocks[last].bbox is None:
        return
    table, tail = blocks[last], blocks[last + 1:]
    if not tail or len(tail) > _ROW_HEAD_MAX_LINES:
        return
    # (lines kept as a header stranded at the foot may be these: a header's headings stand over the figures)
    for block in tail:
        text = block.text.strip() if isinstance(block, Paragraph) else ""
        if not text or block.bbox is None or len(text) > 20 or _SENTENCE_END.search(text):
            return
    for block in tail:
        if heading_level(block.text.strip()) == 1 and not _beside_labels(block, tail, _words_in(loose, block)):
            return
    figures = [w["x0"] for w in sources.get(table)  # in digits: a label's piece may be a numeral (三)
               if _DIGIT.search(w["text"]) and parse_cell(w["text"]).meaning in ("number", "zero")]
    if not figures or tail[0].bbox[1] - table.bbox[3] > 2 * size \
            or any(b.bbox[2] > min(figures) for b in tail) \
            or any(b.bbox[1] - max(a.bbox[3] for a in tail[:k]) > 2 * size for k, b in enumerate(tail) if k):
        return
    # never a block of rows: a block's heading alone at the page's foot (第二十条第（八）项) heads the next page's
    # block, it is no label's head
    if any(BLOCK_START.match(b.text) for b in tail):
        return
    for block in tail:
        sources.put_row_head(block, _words_in(loose, block))


def _beside_labels(block, tail: list, words: list[dict]) -> bool:
    """Whether a line numbered as a section's heading (六、其他) is a parent label's piece beside its rows' labels:
    another of the lines stands beside it, or its numbered word is short and other words follow on its line
    (六、其他 | 由逾期不补正、行). A heading stands alone on its line, one run of words (六、其他需要报告的事项)."""
    if any(b is not block and b.bbox[1] < block.bbox[3] and block.bbox[1] < b.bbox[3] for b in tail):
        return True
    words = sorted(words, key=lambda w: w["x0"])
    return len(words) > 1 and heading_level(words[0]["text"]) == 1 and len(words[0]["text"]) <= 6


def _words_in(words: list[dict], block) -> list[dict]:
    return [w for w in words if _inside_any(w, [block.bbox])] if block.bbox is not None else []


def _headings_line(words: list[dict]) -> bool:
    """A long line made only of many short words: a row of column headings (the appeals table's fifteen, 结果维
    结果纠 其他结 尚未审 …, wrapped in their narrow cells), not prose."""
    return len(words) >= 6 and max(len(w["text"]) for w in words) <= 6


def _columned(line: list[dict], size: float) -> bool:
    """Whether some words of one line stand apart like columns' (1.5 text heights or more)."""
    line = sorted(line, key=lambda w: w["x0"])
    return any(b["x0"] - a["x1"] >= 1.5 * size for a, b in zip(line, line[1:]))


_OPENING_MAX_BLOCKS = 3


def _keep_opening_lines(blocks: list, loose: list[dict], page: int, sources: WordSources) -> None:
    """The short paragraphs opening a page (no sentence, no section heading) keep their words: the last rows
    of a word-built table continued from the page before may stand there too few to make a table by themselves
    (行政强制 61614 alone); join_continued_tables rebuilds them with that table when they are its rows."""
    for block in blocks[:_OPENING_MAX_BLOCKS]:
        text = block.text.strip() if isinstance(block, Paragraph) else ""
        if not text or len(text) > 40 or _SENTENCE_END.search(text) or heading_level(text) == 1:
            break
        words = _words_in(loose, block)
        for word in words:
            word.setdefault("page", page)
        sources.put_opening(block, words)


_RULE_MIN_WIDTH = 20.0  # points: shorter strokes (an underline under a word or two) rule no rows


def row_rules(page, boxes: list[BBox]) -> list[tuple[float, float, float]]:
    """The page's horizontal rules outside its ruled tables (``boxes``), as (y, x0, x1) sorted by y: the lines
    and thin rects (under 2 points high) a table ruled only across (三线表 ruled under every row, or Word's
    horizontal borders only) draws between its rows, where the words of a table without vertical rules are
    read (borderless); a row's cell never runs across one."""
    out = []
    for obj in page.lines + page.rects:
        if obj["bottom"] - obj["top"] < 2 and obj["x1"] - obj["x0"] >= _RULE_MIN_WIDTH:
            y = (obj["top"] + obj["bottom"]) / 2
            if not any(x0 <= obj["x0"] and obj["x1"] <= x1 and top - 1 <= y <= bottom + 1
                       for x0, top, x1, bottom in boxes):
                out.append((y, obj["x0"], obj["x1"]))
    return sorted(out)


def mark_rules(words: list[dict], rules: list[tuple[float, float, float]]) -> None:
    """Each word of ``words`` given, in place, ``rule_above`` and ``rule_below``: the y of the nearest of ``rules``
    above and under its middle that runs across the word's centre (None if none). What the borderless
    assembly reads to keep the lines of two rows apart (borderless._ruled_apart). Nothing is marked without
    rules."""
    if not rules:
        return
    ys = [r[0] for r in rules]
    for word in words:
        cx, cy = (word["x0"] + word["x1"]) / 2, (word["top"] + word["bottom"]) / 2
        at = bisect_left(ys, cy)
        word["rule_below"] = next((y for y, x0, x1 in rules[at:] if x0 - 1 <= cx <= x1 + 1), None)
        word["rule_above"] = next((y for y, x0, x1 in reversed(rules[:at]) if x0 - 1 <= cx <= x1 + 1), None)


def _outside(objs: list[dict], boxes: list[BBox]) -> list[dict]:
    """The ``objs`` whose middle stands in none of the ``boxes`` (:func:`_inside_any` over a page's chars or
    words, written out: a call per char was most of it)."""
    if not boxes:
        return list(objs)
    out = []
    for obj in objs:
        cx, cy = (obj["x0"] + obj["x1"]) / 2, (obj["top"] + obj["bottom"]) / 2
        for x0, top, x1, bottom in boxes:
            if x0 <= cx <= x1 and top <= cy <= bottom:
                break
        else:
            out.append(obj)
    return out


def _inside_any(obj: dict, boxes: list[BBox]) -> bool:
    cx, cy = (obj["x0"] + obj["x1"]) / 2, (obj["top"] + obj["bottom"]) / 2
    return any(x0 <= cx <= x1 and top <= cy <= bottom for x0, top, x1, bottom in boxes)


def _paragraphs(lines: list[dict], page: int, page_width: float) -> list[Paragraph]:
    """Wrapped lines back into paragraphs: a new one starts at an indented line, after a short line or a gap."""
    if not lines:
        return []
    heights = [ln["bottom"] - ln["top"] for ln in lines]
    size = statistics.median(heights) or 10.0
    left = min(ln["x0"] for ln in lines)
    right = max(ln["x1"] for ln in lines)
    out: list[Paragraph] = []
    current: list[dict] = []
    for line in lines:
        if current:
            prev = current[-1]
            starts_new = (
                line["x0"] > left + 1.5 * size
                or prev["x1"] < right - 2 * size
                or line["top"] - prev["bottom"] > 1.2 * size
                or _opens_section(line["text"], prev["text"])
            )
            if starts_new:
                out.append(_paragraph(current, page))
                current = []
        current.append(line)
    out.append(_paragraph(current, page))
    return out


def _opens_section(text: str, before: str) -> bool:
    """A line that begins with a heading's number (一、 （二）) starts a paragraph even when nothing else shows
    it (WPS prints headings flush with the text, the line before filled to the margin); a 1．-numbered line
    only after a finished sentence, since a wrapped line of prose can begin with a figure."""
    level = heading_level(text)
    return level in (1, 2) or (level == 3 and before.rstrip().endswith(("。", "；", ";", "：", ":")))


def _paragraph(lines: list[dict], page: int) -> Paragraph:
    text = "".join(ln["text"].strip() for ln in lines)
    bbox = (min(ln["x0"] for ln in lines), lines[0]["top"], max(ln["x1"] for ln in lines), lines[-1]["bottom"])
    return Paragraph(text=text, page=page, bbox=bbox)


def _axis(values: list[float]) -> list[float]:
    """Sorted grid lines, edges within _SNAP of each other merged."""
    out: list[float] = []
    for v in sorted(values):
        if not out or v - out[-1] > _SNAP:
            out.append(v)
    return out


def _index(axis: list[float], v: float) -> int:
    """The index of the grid line nearest ``v`` (the lower one on a tie) in a sorted ``axis``."""
    j = bisect_left(axis, v)
    if j == 0 or (j < len(axis) and abs(axis[j] - v) < abs(axis[j - 1] - v)):
        return j
    return j - 1


def _table(found: RuledTable, chars: list[dict], page: int) -> Table:
    texts = cell_texts(found, chars, x_tolerance_ratio=SPACE_GAP)  # space glyphs are gone (clean_chars): gaps
    # make spaces
    boxes: list[tuple[BBox, str]] = []
    for row, row_texts in zip(found.rows, texts):
        for bbox, text in zip(row, row_texts):
            if bbox is not None:
                boxes.append((bbox, join_spaced_figure_text(text or "")))
    return grid_from_boxes(boxes, page)


def grid_from_boxes(boxes: list[tuple[BBox, str]], page: int | None) -> Table:
    """Cells with spans from cell rectangles: every distinct edge is a grid line (pure geometry)."""
    xs = _axis([b[0] for b, _ in boxes] + [b[2] for b, _ in boxes])
    ys = _axis([b[1] for b, _ in boxes] + [b[3] for b, _ in boxes])
    # cells share their edges: each distinct one placed once
    col = {v: _index(xs, v) for v in {b[0] for b, _ in boxes} | {b[2] for b, _ in boxes}}
    row = {v: _index(ys, v) for v in {b[1] for b, _ in boxes} | {b[3] for b, _ in boxes}}
    cells = []
    for (x0, top, x1, bottom), text in boxes:
        c0, c1, r0, r1 = col[x0], col[x1], row[top], row[bottom]
        if c1 <= c0 or r1 <= r0:
            continue
        cells.append(Cell(r0, c0, text.strip(), rowspan=r1 - r0, colspan=c1 - c0, page=page,
                          bbox=(x0, top, x1, bottom)))
    bbox = (xs[0], ys[0], xs[-1], ys[-1]) if cells else None
    return Table(cells=cells, page=page, bbox=bbox, pages=(page,) if page else ())


def join_continued_tables(pages: list[list], sources: WordSources | None = None) -> list:
    """Blocks of all pages in order, a table continued on the next page joined into one.

    Word-built parts are rebuilt from their words together, so both share one set of columns; ruled parts
    are joined by their lines (:func:`join_tables`).
    """
    sources = sources if sources is not None else WordSources()
    blocks: list = []
    for page_blocks in pages:
        page_blocks = page_blocks[_take_opening_rows(blocks, page_blocks, sources):]
        if _continues_paragraph(blocks, page_blocks, sources):
            before, after = blocks[-1], page_blocks[0]
            blocks[-1] = Paragraph(text=before.text + after.text, page=before.page, bbox=before.bbox,
                                   level=before.level)
            page_blocks = page_blocks[1:]
        taken = _take_cut_label(blocks, page_blocks, sources)
        if taken:
            blocks.extend(page_blocks[taken:])
            continue
        # A label cut by the page break can leave a character or two above the continued part ("供", "息"):
        # such scraps do not separate the parts, and belong to no paragraph.
        lead = 0
        while lead < min(2, len(page_blocks)) and isinstance(page_blocks[lead], Paragraph) \
                and len("".join(page_blocks[lead].text.split())) <= 6:
            lead += 1
        opening = page_blocks[lead] if blocks and lead < len(page_blocks) else None
        if isinstance(opening, Table) and _take_row_head(blocks, opening, sources):
            page_blocks = page_blocks[lead + 1:]  # the continuation went into the table the page before ended in
        elif isinstance(opening, Table):
            _take_stranded_header(blocks, page_blocks, lead, sources)
            if isinstance(blocks[-1], Table):
                opening = page_blocks[lead]  # the header rebuilt with it, when it was stranded
                joined = _rebuild(blocks[-1], opening, sources) or join_tables(blocks[-1], opening)
                if joined is not None:
                    blocks[-1] = joined
                    page_blocks = page_blocks[lead + 1:]
        blocks.extend(page_blocks)
    return blocks


# what ends a paragraph of prose: a sentence's end (。！？), a clause's (；：) or …, before closing quotes
_PARAGRAPH_END = regex.compile(r"[。！？!?；;：:…][”’\"'）)]*$")


def _continues_paragraph(blocks: list, page_blocks: list, sources: WordSources) -> bool:
    """Whether the paragraph opening this page goes on with the one the page before ended in: a sentence cut by
    the page break (回应群众关切3万 | 4千余件，…), one paragraph with its figures whole. The one before ends no
    sentence or clause and neither is a heading; the next starts at the text's left margin, not indented as a
    paragraph's first line is (the margin: the leftmost paragraph of both pages). A header line kept for a
    word-built table (sources) is never prose."""
    if not blocks or not page_blocks:
        return False
    before, after = blocks[-1], page_blocks[0]
    if not (isinstance(before, Paragraph) and isinstance(after, Paragraph)) or before.bbox is None \
            or after.bbox is None or before in sources or before.page == after.page:
        return False
    if _PARAGRAPH_END.search(before.text.strip()) or _heading(before.text.strip()) or _heading(after.text.strip()) \
            or not after.text.strip():
        return False
    margin = min(b.bbox[0] for b in (*blocks[-8:], *page_blocks[:8]) if isinstance(b, Paragraph) and b.bbox)
    return after.bbox[0] <= margin + 6  # a first line's indent is two characters (~20 pt); a margin's spread less


def _heading(text: str) -> bool:
    """A heading standing alone (二、主动公开政府信息情况), not a paragraph opening with a run-in one (（二）依申请公开。
    全年…)."""
    return bool(heading_level(text)) and len(text) <= 40 and not _SENTENCE_END.search(text)


def _take_opening_rows(blocks: list, page_blocks: list, sources: WordSources) -> int:
    """How many of the short paragraphs opening this page (see :func:`_keep_opening_lines`) are the last rows of
    the word-built table that ended the blocks so far (the page before), the most that are
    (borderless.rebuild_with_opening_rows): that table, and the lines of a block's header stranded below it
    (:func:`_keep_stranded_header`: 第二十条第（八）项 | 信息内容 本年收费金额 over 行政事业性收费 12 on this page),
    are replaced by the table rebuilt with them."""
    tail = 0
    while tail < len(blocks) and isinstance(blocks[-1 - tail], Paragraph) and blocks[-1 - tail] in sources:
        tail += 1
    table = blocks[-1 - tail] if tail < len(blocks) else None
    if not isinstance(table, Table) or table.ruled or table not in sources:
        return 0
    run = []
    while len(run) < len(page_blocks) and sources.opening(page_blocks[len(run)]) is not None:
        run.append(page_blocks[len(run)])
    header = [w for p in blocks[len(blocks) - tail:] for w in sources.get(p)]
    for count in range(len(run), 0, -1):
        rebuilt = rebuild_with_opening_rows(sources.get(table), [w for p in run[:count] for w in sources.opening(p)],
                                            header)
        if rebuilt is not None:
            joined, words = rebuilt
            sources.put(joined, words)  # a table continued further still is rebuilt with these words
            blocks[len(blocks) - tail - 1:] = [joined]
            return count
    return 0


def _take_row_head(blocks: list, table: Table, sources: WordSources) -> bool:
    """Whether the word-built table that ended the page before, the head of a broken row below it (see
    :func:`_keep_row_head`) and ``table``, the word-built table opening this page, were rebuilt as one table
    (which then replaces the three; the caller drops ``table`` from its page)."""
    tail = 0
    while tail < len(blocks) and sources.row_head(blocks[-1 - tail]):
        tail += 1
    first = blocks[-1 - tail] if tail and tail < len(blocks) else None
    if not isinstance(first, Table) or first.ruled or first not in sources or table.ruled or table not in sources:
        return False
    head = [w for p in blocks[len(blocks) - tail:] for w in sources.get(p)]
    joined = _rebuilt([sources.get(first) + head, sources.get(table)], sources)
    if joined is None:
        return False
    blocks[-1 - tail:] = [joined]
    return True


def _rebuilt(parts: list[list[dict]], sources: WordSources) -> Table | None:
    """One word-built table of the words of ``parts`` on consecutive pages (borderless.rebuild_across_pages),
    kept in ``sources`` with its words (a third page may continue it); None when they do not make one."""
    rebuilt = rebuild_across_pages(parts)
    if rebuilt is None:
        return None
    table, words = rebuilt
    sources.put(table, words)
    return table


_CUT_LABEL_MAX_LINES = 3


def _take_cut_label(blocks: list, page_blocks: list, sources: WordSources) -> int:
    """A row's label cut by the page break, its first lines opening this page above the word-built table that
    continues the one the page before ended in (1、申请人无正 | 当理由逾期不补正、… 2、申请人逾期… 10 1 …): the
    first line opens a row's label, every line was kept as a short opening line (:func:`_keep_opening_lines`).
    Those lines and both tables are rebuilt as one table, which replaces the table the page before ended in;
    how many blocks of this page went into it (0: none, nothing changed). Alone, the lines read as a paragraph
    and the row lost its label's head."""
    if not blocks or not isinstance(blocks[-1], Table):
        return 0
    k = 0
    while k < min(len(page_blocks), _CUT_LABEL_MAX_LINES) and isinstance(page_blocks[k], Paragraph) \
            and sources.opening(page_blocks[k]) is not None:
        k += 1
    if not k or k >= len(page_blocks) or not ROW_START.match(page_blocks[0].text):
        return 0
    first, second = blocks[-1], page_blocks[k]
    if not isinstance(second, Table) or first.ruled or second.ruled or first not in sources \
            or second not in sources:
        return 0
    head = [w for p in page_blocks[:k] for w in sources.opening(p)]
    table = _rebuilt([sources.get(first), head + sources.get(second)], sources)
    if table is None:
        return 0
    blocks[-1] = table
    return k + 1


def _take_stranded_header(blocks: list, page_blocks: list, lead: int, sources: WordSources) -> None:
    """The previous page's stranded header lines (see :func:`_keep_stranded_header`) rebuilt with the word-built
    table that opens this page into one table, which replaces both."""
    table = page_blocks[lead]
    tail = []
    while len(tail) < len(blocks) and isinstance(blocks[-1 - len(tail)], Paragraph) \
            and blocks[-1 - len(tail)] in sources:
        tail.insert(0, blocks[-1 - len(tail)])
    if not tail or table.ruled or table not in sources:
        return
    # a header stranded over two pages' feet (a table whose header alone fills a page's end and the next page's
    # top, its rows on the page after): each page's lines a part of their own, stacked in order
    parts: dict = {}
    for p in tail:
        parts.setdefault(p.page, []).extend(sources.get(p))
    joined = _rebuilt([*parts.values(), sources.get(table)], sources)
    if joined is None:
        return
    del blocks[-len(tail):]
    page_blocks[lead] = joined


def _rebuild(first: Table, second: Table, sources: WordSources) -> Table | None:
    if first.ruled or second.ruled or first not in sources or second not in sources:
        return None
    # the continuation may start further right (its parent column prints nothing on the new page), never
    # further left or wider
    if second.bbox[0] < first.bbox[0] - 40 or second.bbox[2] > first.bbox[2] + 40:
        return None
    return _rebuilt([sources.get(first), sources.get(second)], sources)


def join_tables(first: Table, second: Table) -> Table | None:
    """``second`` appended below ``first`` when they are one table cut by a page break, else None.

    Same outer width (within a few points) is the test. Ruled parts are put on one column grid made of the
    vertical lines of both, so a part that lacks some inner lines (a header stranded at the foot of a page,
    a label column merged on one page and not on the next) still lines up; word-built parts are placed on the
    first part's columns by position.
    """
    if first.bbox is None or second.bbox is None or first.ruled != second.ruled:
        return None
    # Ruled parts share their outer lines to the point. Word-built parts only roughly share their left edge,
    # and a continuation whose last columns are empty (a 总计 column printed blank) ends short of the first.
    if first.ruled:
        if abs(first.bbox[0] - second.bbox[0]) > 6 or abs(first.bbox[2] - second.bbox[2]) > 6:
            return None
    elif abs(first.bbox[0] - second.bbox[0]) > 40 or second.bbox[2] > first.bbox[2] + 40:
        return None
    header = _repeated_header_rows(first, second)
    first, second_cells = _join_row_tail(first, [c for c in second.cells if c.row >= header], header)
    first, second_cells = _join_row_head(first, second_cells, header)
    offset = first.n_rows
    below = [Cell(c.row - header + offset, c.col, c.text, rowspan=c.rowspan, colspan=c.colspan, page=c.page,
                  bbox=c.bbox) for c in second_cells]
    if first.ruled:
        cells = _regrid(first.cells + below)
    else:
        xs = _axis([c.bbox[0] for c in first.cells if c.bbox] + [c.bbox[2] for c in first.cells if c.bbox])
        cells = list(first.cells) + [_place(c, xs) for c in below]
    return Table(cells=cells, page=first.page, bbox=first.bbox, pages=first.pages + second.pages,
                 ruled=first.ruled)


_FIGURE = regex.compile(r"^\s*[-—–/0-9０-９,.，．]+\s*$|^\s*$")


def _join_row_tail(first: Table, second: list[Cell], row: int) -> tuple[Table, list[Cell]]:
    """A row broken by the page break: its label's tail stands as the continuation's first row, every figure
    cell empty. The tail's text is appended to the label cells of the first part's last row above it.

    It is a tail only when each of its texts stands under a label of that row (not under a figure), no figure
    column holds text, and it does not open a row itself (一、, （二）, 3．…): a row printed all blank keeps its
    own number.
    """
    tail = [c for c in second if c.row == row]
    last_row = first.n_rows - 1
    above = [c for c in first.cells if c.row <= last_row < c.row + c.rowspan and c.bbox]
    texts = [c for c in tail if c.text.strip()]
    if not texts or not above or any(c.bbox is None or c.rowspan > 1 for c in texts):
        return first, second

    def over(cell: Cell) -> Cell | None:
        centre = (cell.bbox[0] + cell.bbox[2]) / 2
        return next((a for a in above if a.bbox[0] <= centre <= a.bbox[2]), None)

    targets = {id(c): over(c) for c in texts}
    if any(t is None or _FIGURE.match(t.text) or t.row != last_row for t in targets.values()) \
            or ROW_START.match(min(texts, key=lambda c: c.bbox[0]).text):
        return first, second
    if not any(_FIGURE.match(a.text) and a.text.strip() for a in above):  # the row above holds figures
        return first, second
    joined = {id(t): t.text + "\n" + c.text.strip() for c in texts for t in [targets[id(c)]]}
    cells = [Cell(c.row, c.col, joined.get(id(c), c.text), rowspan=c.rowspan, colspan=c.colspan, page=c.page,
                  bbox=c.bbox) for c in first.cells]
    return (Table(cells=cells, page=first.page, bbox=first.bbox, pages=first.pages, ruled=first.ruled),
            _without_row(second, row))


def _join_row_head(first: Table, second: list[Cell], row: int) -> tuple[Table, list[Cell]]:
    """A row broken by the page break the other way round (:func:`_join_row_tail`): the first part's last row
    holds only the head of its label, every figure cell empty, and the continuation's first row the label's
    tail with the row's figures (（四）无法 | 1．本机关不掌握相关 at the foot of a page, 提供 | 政府信息 | 36 … on the
    next). The tail's texts are appended to the label cells above them and its figures fill the empty cells.

    A text of the tail under a parent label spanning down to that row (a parent cut by the same break:
    （四）无 there, 法提供 here) is appended to that parent's cell.

    Only a label that opens a numbered row (1．, （二）, 三、) and a tail no text of which opens one: a row printed blank
    at a page's foot (行政处罚, no figure) above a row of its own (行政强制 266) stays two rows; and only empty
    figure cells (a printed — or / is a figure printed as nothing: that row is whole)."""
    tail = [c for c in second if c.row == row]
    last_row = first.n_rows - 1
    last = [c for c in first.cells if c.row == last_row]
    labels = [c for c in last if c.text.strip() and not _FIGURE.match(c.text)]
    empty = [c for c in last if not c.text.strip()]
    # a figure, or a blank printed as a dash or a word (－, 无: what a figure cell prints), as the cells read it
    figures = [c for c in tail if c.text.strip() and parse_cell(c.text).meaning in ("number", "zero", "empty")]
    texts = [c for c in tail if c.text.strip() and c not in figures]
    if not labels or not empty or not texts or not figures or len(labels) + len(empty) != len(last) \
            or any(c.bbox is None for c in last + texts + figures):
        return first, second

    def over(cell: Cell, cells: list[Cell]) -> Cell | None:
        centre = (cell.bbox[0] + cell.bbox[2]) / 2
        return next((a for a in cells if a.bbox[0] <= centre <= a.bbox[2]), None)

    # a tail's text over a parent column goes to the parent's cell spanning down to the last row: that label cut
    # by the page break too (（四）无 | 2.没有现成信 there, 法提供 | 息需要另行制作 | 29 here); one printing that
    # parent's whole label again (三、本年度办理结果 | （五）不予处理 | 具已获取信息 | 5 …, the spanned cells repeated on
    # the new page) is the same cell, not a row opening
    covering = [c for c in first.cells if c.row < last_row <= c.row + c.rowspan - 1 and c.text.strip()
                and c.bbox is not None]
    texts = [c for c in texts if (parent := over(c, covering)) is None
             or "".join(parent.text.split()) != "".join(c.text.split())]
    if not texts:
        return first, second
    if not ROW_START.match(max(labels, key=lambda c: c.bbox[0]).text) \
            or any(ROW_START.match(c.text) for c in texts):
        return first, second  # a text opening a row (2.申请人逾期… under 1.申请人…) is a row of its own
    text_targets = {id(c): over(c, labels) or over(c, covering) for c in texts}
    figure_targets = {id(c): over(c, empty) for c in figures}
    if None in text_targets.values() or None in figure_targets.values() \
            or len({id(t) for t in figure_targets.values()}) != len(figures):
        return first, second
    joined = {id(text_targets[id(c)]): text_targets[id(c)].text + "\n" + c.text.strip() for c in texts}
    filled = {id(figure_targets[id(c)]): c for c in figures}
    cells = []
    for c in first.cells:
        if id(c) in filled:  # the figure, where it was printed (its page and box)
            f = filled[id(c)]
            c = Cell(c.row, c.col, f.text, rowspan=c.rowspan, colspan=c.colspan, page=f.page, bbox=c.bbox)
        cells.append(Cell(c.row, c.col, joined.get(id(c), c.text), rowspan=c.rowspan, colspan=c.colspan,
                          page=c.page, bbox=c.bbox))
    return (Table(cells=cells, page=first.page, bbox=first.bbox, pages=first.pages, ruled=first.ruled),
            _without_row(second, row))


def _without_row(cells: list[Cell], row: int) -> list[Cell]:
    """The continuation's cells without its first row ``row``, taken up into the row above: the cells below move
    up a row; a cell spanning down from it (a parent column) keeps its rows below, emptied (its text went up)."""
    rest = []
    for c in cells:
        if c.row == row and c.rowspan == 1:
            continue
        if c.row == row:
            c = Cell(c.row + 1, c.col, "", rowspan=c.rowspan - 1, colspan=c.colspan, page=c.page, bbox=c.bbox)
        rest.append(Cell(c.row - 1, c.col, c.text, rowspan=c.rowspan, colspan=c.colspan, page=c.page,
                         bbox=c.bbox))
    return rest


def _place(cell: Cell, xs: list[float]) -> Cell:
    c0, c1 = _index(xs, cell.bbox[0]), _index(xs, cell.bbox[2])
    return Cell(cell.row, c0, cell.text, rowspan=cell.rowspan, colspan=max(1, c1 - c0), page=cell.page,
                bbox=cell.bbox)


def _regrid(cells: list[Cell]) -> list[Cell]:
    xs = _axis([c.bbox[0] for c in cells] + [c.bbox[2] for c in cells])
    return [_place(c, xs) for c in cells]


def _repeated_header_rows(first: Table, second: Table) -> int:
    """How many of the continuation's first rows repeat the first part's header (spans may differ)."""
    def norm(row: list[str]) -> str:
        distinct = [t for i, t in enumerate(row) if i == 0 or t != row[i - 1]]
        return "".join("".join(t.split()) for t in distinct)

    a, b = first.rows_text(), second.rows_text()
    count = 0
    while count < min(len(a), len(b), 4) and norm(a[count]) and norm(a[count]) == norm(b[count]):
        count += 1
    return count
