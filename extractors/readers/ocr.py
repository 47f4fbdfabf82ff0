"""Scanned pages (no text layer) read by OCR into the ordinary document model.

A page image is prepared (seal ink out, deskewed: :mod:`extractors.readers.scan`), its ruled tables found
(:mod:`extractors.readers.rulings`) and their rulings whitened, then recognised by RapidOCR (PP-OCR models that
ship inside the ``rapidocr`` wheel, run on onnxruntime with one thread, so nothing is fetched at run time and a
worker uses one core). Every recognised character keeps its box and confidence: characters go into the ruled
cell they stand in; the rest become word dicts (text, x0, x1, top, bottom in page points) for the same
borderless assembly the PDF reader uses, and what is left are paragraphs. A ruled cell with ink but no
character found is recognised on its own (and, when that finds none either, scored 0: a blank that may hide a
figure); a lone 1 whose stroke leans like a slash is the printed blank "/" (or "\\").
A cell's ``confidence`` is its least confident character's.
"""

from __future__ import annotations

import atexit
import functools
import io
import multiprocessing
import os
from dataclasses import dataclass
from pathlib import Path

import numpy as np
import regex

from extractors.model import BBox, Document, Table
from extractors.readers.borderless import find_borderless_tables
from extractors.readers.errors import ReadError
from extractors.readers.furniture import PAGE_NUMBER
from extractors.readers.pdf import _paragraphs, grid_from_boxes, join_continued_tables
from extractors.readers.rulings import find_ruled_tables
from extractors.readers.scan import prepare, stroke_lean, text_ink
from extractors.readers.word_sources import WordSources

# What OCR makes of a printed figure: a dash (blank cell) read as 一, letters that look like digits.
_DASH = regex.compile(r"^[一－ー_~〜-]{1,3}$")
_FIGURE_LIKE = regex.compile(r"^[\dOoDIl|SB,，.]+$")
_AS_DIGIT = str.maketrans("OoDIl|SB，", "00011158,")

RENDER_DPI = 200  # pages of an image-only PDF are rendered at this resolution for recognition
_WORD_GAP = 0.6  # a gap wider than this many line heights between two characters separates two words
# A printed blank "/" standing alone is read as 1 (or l, I, |, !): its stroke leans about −0.5 px across per px
# down, a 1's stands upright or leans the other way (its flag: +0.05..+0.12 on the scans measured; an italic
# 1 would lean about −0.2, none measured): below this it is the slash
_SLASH_LEAN = -0.3
_BACKSLASH_LEAN = 0.3  # a printed blank "\\" leans about +0.5: above this the lone stroke is the backslash
_UPRIGHT_STROKES = frozenset("1lI|!")
_CELL_INSET = 0.03  # in: a cell's ink is looked for this far inside its rulings (their whitened remnants)


@dataclass
class Char:
    text: str
    score: float
    box: tuple[float, float, float, float]  # x0, top, x1, bottom in pixels

    @property
    def cx(self) -> float:
        return (self.box[0] + self.box[2]) / 2

    @property
    def cy(self) -> float:
        return (self.box[1] + self.box[3]) / 2


@dataclass
class Line:
    chars: list[Char]
    box: tuple[float, float, float, float]

    @property
    def text(self) -> str:
        return "".join(c.text for c in self.chars)


@functools.cache
def _engine():
    from rapidocr import RapidOCR

    return RapidOCR(params={
        "Global.log_level": "error",
        "Global.use_cls": False,  # pages are upright once deskewed
        "Global.text_score": 0.3,  # keep doubtful lines: a cell read with low confidence is flagged, not dropped
        # detection on the page scaled to at most 1280 px (about 110 dpi, enough to find 9 pt text); recognition
        # still reads each text box from the full-resolution page
        "Det.limit_type": "max",
        "Det.limit_side_len": 1280,
        # recognition one text box at a time at its own width: the default pads every box of a batch to the
        # widest and to at least 320 px (6.7 line heights), which for a table of short figures is mostly padding
        # (8.6 -> 3.8 CPU s/page on the scan fixtures, same text but for an ASCII or full-width bracket)
        "Rec.rec_img_shape": [3, 48, 64],
        "Rec.rec_batch_num": 1,
        "EngineConfig.onnxruntime.intra_op_num_threads": 1,  # one core per worker: parallelism is the pool's
        "EngineConfig.onnxruntime.inter_op_num_threads": 1,
    })


def recognise(grey: np.ndarray) -> list[Line]:
    """Text lines of a greyscale page image, each with its characters' boxes and scores (pixels)."""
    # every switch given: a call's switches stay the engine's defaults for the next call (rapidocr 3)
    result = _engine()(np.dstack([grey] * 3), use_det=True, use_cls=False, use_rec=True, return_word_box=True)
    if result.boxes is None:
        return []
    lines = []
    for box, words in zip(result.boxes, result.word_results):
        chars = []
        for text, score, quad in words:
            xs, ys = [p[0] for p in quad], [p[1] for p in quad]
            # a group of several characters (a Latin word) keeps one box; split it evenly so each char has one
            x0, x1, n = min(xs), max(xs), max(len(text), 1)
            chars += [Char(ch, float(score), (x0 + (x1 - x0) * i / n, min(ys), x0 + (x1 - x0) * (i + 1) / n,
                                               max(ys))) for i, ch in enumerate(text)]
        if chars:
            xs, ys = [p[0] for p in box], [p[1] for p in box]
            lines.append(Line(chars, (min(xs), min(ys), max(xs), max(ys))))
    return lines


def read(path: Path, data: bytes, numbers: list[int] | None = None, pages: list[list] | None = None,
         sources: WordSources | None = None, workers: int | None = None) -> Document:
    """A PDF whose pages ``numbers`` (1-based; all by default) have no usable text layer: each rendered at
    RENDER_DPI and read as a scanned page. ``pages`` (blocks per page) and ``sources`` are what the PDF reader
    made of the other pages; the OCR'd pages take their place. ``workers``: see :func:`ocr_workers`.
    Raises ReadError when the PDF cannot be opened or OCR finds no text on any page of an all-scanned PDF."""
    import pypdfium2

    try:
        pdf = pypdfium2.PdfDocument(io.BytesIO(data))
        n_pages = len(pdf)
        pdf.close()
    except Exception as exc:
        raise ReadError(f"not a readable PDF: {type(exc).__name__}") from exc
    numbers = numbers or list(range(1, n_pages + 1))
    pages = list(pages) if pages is not None else [[] for _ in range(n_pages)]
    sources = sources if sources is not None else WordSources()
    marks: dict[int, list[tuple[float, float, float]]] = {}
    workers = min(ocr_workers(workers), len(numbers))
    if workers > 1:
        results = list(_pool(workers).map(_read_pdf_page, [data] * len(numbers), numbers))
    else:
        results = [_read_pdf_page(data, number) for number in numbers]
    for number, (blocks, built, page_marks) in zip(numbers, results):
        for garbage in pages[number - 1]:  # what the text layer made of the page
            sources.drop(garbage)
        pages[number - 1] = blocks
        for i, words in built:
            sources.put(blocks[i], words)
        marks[number] = page_marks
    if len(numbers) == n_pages and not any(pages):
        raise ReadError("PDF has no text layer and OCR found no text on any page")
    blocks = join_continued_tables(pages, sources)
    score_cells(blocks, marks)
    return Document(path=str(path), format="pdf", blocks=blocks, pages=n_pages)


def ocr_workers(workers: int | None = None) -> int:
    """How many processes read the pages of one scanned file: ``workers`` if given, else the environment's
    GONGKAI_OCR_WORKERS, else 1 inside a worker process (the caller's pool already keeps the cores busy) and
    up to 2 (the cores there are) in a main process reading a file on its own."""
    if workers is None:
        env = os.environ.get("GONGKAI_OCR_WORKERS", "").strip()
        if env.isdigit():
            workers = int(env)
        elif multiprocessing.parent_process() is not None:
            workers = 1
        else:
            workers = min(2, os.cpu_count() or 1)
    return max(1, workers)


@functools.cache
def _pool(workers: int):
    """A process pool kept for the process's life (each worker loads the models once); spawned, so no worker
    inherits a parent's onnxruntime state."""
    from concurrent.futures import ProcessPoolExecutor

    pool = ProcessPoolExecutor(workers, mp_context=multiprocessing.get_context("spawn"))
    atexit.register(pool.shutdown)  # before the interpreter tears down the modules the pool's thread needs
    return pool


def _read_pdf_page(data: bytes, number: int) -> tuple[list, list[tuple[int, list[dict]]], list]:
    """One page of a PDF rendered and read (in a pool worker or here): its blocks, the word-built tables'
    words by block index (ids do not cross processes), its characters' marks (see :func:`read_page`)."""
    import pypdfium2

    pdf = pypdfium2.PdfDocument(io.BytesIO(data))
    try:
        rgb = np.asarray(pdf[number - 1].render(scale=RENDER_DPI / 72).to_pil().convert("RGB"))
    finally:
        pdf.close()
    sources = WordSources()
    marks: dict[int, list[tuple[float, float, float]]] = {}
    blocks = read_page(rgb, number, RENDER_DPI, sources, marks)
    built = [(i, [{k: v for k, v in w.items() if k != "line"} for w in sources.get(b)])
             for i, b in enumerate(blocks) if b in sources]
    return blocks, built, marks.get(number, [])


def score_cells(blocks: list, marks: dict[int, list[tuple[float, float, float]]]) -> None:
    """Every table cell gets the least recognition score of the characters standing in it (by page and box, so
    cells rebuilt when tables are joined across pages keep theirs); a blank cell holding ink nothing was read
    from (a mark of score 0, see :func:`read_page`) gets 0."""
    for table in (b for b in blocks if isinstance(b, Table)):
        for cell in table.cells:
            if cell.bbox and cell.page in marks:
                x0, top, x1, bottom = cell.bbox
                inside = [s for cx, cy, s in marks[cell.page] if x0 <= cx <= x1 and top <= cy <= bottom]
                cell.confidence = min(inside, default=cell.confidence)


def read_page(rgb: np.ndarray, number: int, dpi: float, sources: WordSources | None = None,
              marks: dict[int, list[tuple[float, float, float]]] | None = None) -> list:
    """Blocks (tables and paragraphs, top to bottom) of one page image (RGB uint8 at ``dpi``); word-built
    tables are entered in ``sources`` with their words, as the PDF reader does, to join across pages; every
    character's centre and score (points) in ``marks[number]``, for :func:`score_cells`."""
    grey = prepare(rgb, dpi)
    ruled, mask = find_ruled_tables(grey, dpi)
    grey = grey.copy()
    grey[mask > 0] = 255  # a ruling next to a figure would read as a 1
    lines = recognise(grey)
    unread: list[tuple[float, float]] = []
    lines += reread_missed_cells([c for t in ruled for c in t.cells], lines, grey, dpi, unread)
    settle_slashes(lines, grey)
    pt = 72 / dpi
    if marks is not None:
        # ink nothing was read from: a mark of score 0, so the blank its cell reads as is doubtful
        marks[number] = [(ch.cx * pt, ch.cy * pt, ch.score) for ln in lines for ch in ln.chars] + \
                        [(x * pt, y * pt, 0.0) for x, y in unread]
    blocks: list = []
    loose: list[Line] = []
    placed: set[int] = set()
    for found in ruled:
        table = _ruled_table(found.cells, [ln for ln in lines if _inside(ln, found.bbox)], number, pt)
        placed |= {id(ln) for ln in lines if _inside(ln, found.bbox)}
        if table.cells:
            blocks.append(table)
    loose = [ln for ln in lines if id(ln) not in placed]
    words = [w for ln in loose for w in _words(ln, pt)]
    used: set[int] = set()
    for table, table_words in find_borderless_tables(words, number):
        _score_word_cells(table, table_words)
        blocks.append(table)
        used |= {id(w) for w in table_words}
        if sources is not None:
            sources.put(table, table_words)
    rest = [{"text": ln.text, "x0": ln.box[0] * pt, "x1": ln.box[2] * pt, "top": ln.box[1] * pt,
             "bottom": ln.box[3] * pt} for ln in loose
            if not any(id(w) in used for w in words if w["line"] is ln)]
    rest = sorted((r for r in rest if not PAGE_NUMBER.match(r["text"])), key=lambda r: (r["top"], r["x0"]))
    if rest:
        blocks += _paragraphs(rest, number, rgb.shape[1] * pt)
    blocks.sort(key=lambda b: b.bbox[1] if b.bbox else 0)
    return blocks


def reread_missed_cells(cells: list[tuple[int, int, int, int]], lines: list[Line], grey: np.ndarray,
                        dpi: float, unread: list[tuple[float, float]] | None = None) -> list[Line]:
    """Lines for ruled cells (pixel boxes) that hold a line of printed ink (:func:`text_ink`, inside the cell
    inset ``_CELL_INSET`` off its rulings) but no recognised character: the page's detector, run on the page
    scaled down, misses a lone narrow figure (a row of 0 and 1) now and then, which would read as a blank.
    The ink is recognised on its own (no detection), its box padded as a detector's box is. Where that too
    reads nothing (a blotted or faded figure), the ink's centre (pixels) is added to ``unread``: the cell
    reads as a blank that may hide a figure."""
    centres = [(ch.cx, ch.cy) for ln in lines for ch in ln.chars]
    inset = round(_CELL_INSET * dpi)
    out = []
    for x0, top, x1, bottom in cells:
        if any(x0 <= cx <= x1 and top <= cy <= bottom for cx, cy in centres):
            continue
        ox, oy = x0 + inset, top + inset
        crop = grey[oy:bottom - inset, ox:x1 - inset]
        box = text_ink(crop, dpi)
        if box is None:
            continue
        h = box[3] - box[1]
        a, b = max(box[0] - h // 2, 0), min(box[2] + h // 2, crop.shape[1])
        u, d = max(box[1] - round(0.3 * h), 0), min(box[3] + round(0.3 * h), crop.shape[0])
        result = _engine()(np.dstack([crop[u:d, a:b]] * 3), use_det=False, use_cls=False, use_rec=True,
                           return_word_box=False)
        text, score = (result.txts or ("",))[0].strip(), float((result.scores or (0.0,))[0])
        if not text:
            if unread is not None:
                unread.append((ox + (box[0] + box[2]) / 2, oy + (box[1] + box[3]) / 2))
            continue
        gx0, gx1, gy0, gy1 = ox + box[0], ox + box[2], oy + box[1], oy + box[3]
        n = len(text)
        chars = [Char(c, score, (gx0 + (gx1 - gx0) * i / n, gy0, gx0 + (gx1 - gx0) * (i + 1) / n, gy1))
                 for i, c in enumerate(text)]
        out.append(Line(chars, (ox + a, oy + u, ox + b, oy + d)))
    return out


def settle_slashes(lines: list[Line], grey: np.ndarray) -> None:
    """A lone upright-stroke character (1, l, I, |, !: a word of its own, with no other character within
    ``_WORD_GAP`` line heights) whose ink leans like a "/" (:func:`~extractors.readers.scan.stroke_lean` under
    ``_SLASH_LEAN``) is made "/", the printed blank OCR took for a 1, and one leaning the other way (over
    ``_BACKSLASH_LEAN``) the blank "\\"; its score stays as read. ``grey``: the
    image recognised (rulings whitened), pixels."""
    for line in lines:
        height = line.box[3] - line.box[1]
        gap = _WORD_GAP * height
        chars = sorted(line.chars, key=lambda c: c.cx)
        for i, ch in enumerate(chars):
            if ch.text not in _UPRIGHT_STROKES:
                continue
            left = chars[i - 1].box[2] if i else None
            right = chars[i + 1].box[0] if i + 1 < len(chars) else None
            if (left is not None and ch.box[0] - left <= gap) or (right is not None and right - ch.box[2] <= gap):
                continue  # a figure's digit, not a lone stroke
            # the character's box widened by half a line height each way (a recogniser's box of one character
            # may clip it), short of its neighbours; the line's full height
            x0 = max(ch.box[0] - height / 2, left + 1 if left is not None else 0)
            x1 = min(ch.box[2] + height / 2, right - 1 if right is not None else grey.shape[1])
            crop = grey[max(int(line.box[1]), 0):int(line.box[3]) + 1, max(int(x0), 0):int(x1) + 1]
            lean = stroke_lean(crop)
            if lean is not None and lean < _SLASH_LEAN:
                ch.text = "/"
            elif lean is not None and lean > _BACKSLASH_LEAN:
                ch.text = "\\"


def _score_word_cells(table: Table, words: list[dict]) -> None:
    """A word-built table's cells get their least confident word's score (a picture read without ``marks``
    keeps its confidence this way; on a scanned page :func:`score_cells` scores them again by character)."""
    for cell in table.cells:
        if cell.text and cell.bbox:
            x0, top, x1, bottom = cell.bbox
            cell.confidence = min((w["confidence"] for w in words if x0 <= (w["x0"] + w["x1"]) / 2 <= x1
                                   and top <= (w["top"] + w["bottom"]) / 2 <= bottom), default=cell.confidence)


def figure_text(text: str) -> str:
    """A cell's recognised text with OCR's confusions of figures undone: a lone dash-like stroke (一) is the
    printed blank —; in a run of digits, O/o/D read as 0, I/l/| as 1, S as 5, B as 8 (a lone O, D, I, l
    too). Anything else, labels included, is returned as read."""
    if _DASH.match(text):
        return "—"
    if _FIGURE_LIKE.match(text) and (regex.search(r"\d", text) or text in ("O", "o", "D", "I", "l", "|")):
        return text.translate(_AS_DIGIT)
    return text


def _inside(line: Line, box: tuple[int, int, int, int]) -> bool:
    cx, cy = (line.box[0] + line.box[2]) / 2, (line.box[1] + line.box[3]) / 2
    return box[0] <= cx <= box[2] and box[1] <= cy <= box[3]


def _ruled_table(cells: list[tuple[int, int, int, int]], lines: list[Line], page: int, pt: float) -> Table:
    """Characters into the ruled cell holding their centre; a cell's lines joined with newlines as pdfplumber
    joins a wrapped cell; its confidence is its least confident character's."""
    held: dict[int, list[tuple[Line, Char]]] = {i: [] for i in range(len(cells))}
    for line in lines:
        for ch in line.chars:
            for i, (x0, top, x1, bottom) in enumerate(cells):
                if x0 <= ch.cx <= x1 and top <= ch.cy <= bottom:
                    held[i].append((line, ch))
                    break
    boxes: list[tuple[BBox, str]] = []
    scores: dict[BBox, float | None] = {}
    for i, (x0, top, x1, bottom) in enumerate(cells):
        bbox = (x0 * pt, top * pt, x1 * pt, bottom * pt)
        by_line: dict[int, list[Char]] = {}
        order: list[Line] = []
        for line, ch in held[i]:
            if id(line) not in by_line:
                order.append(line)
            by_line.setdefault(id(line), []).append(ch)
        order.sort(key=lambda ln: ln.box[1])
        text = "\n".join("".join(c.text for c in sorted(by_line[id(ln)], key=lambda c: c.cx)) for ln in order)
        boxes.append((bbox, "\n".join(figure_text(t) for t in text.split("\n"))))
        scores[bbox] = min((ch.score for _, ch in held[i]), default=None)
    table = grid_from_boxes(boxes, page)
    for cell in table.cells:
        cell.confidence = scores.get(cell.bbox)
    return table


def _words(line: Line, pt: float) -> list[dict]:
    """A text line cut into words where characters stand apart (columns of a borderless table), as word
    dicts in page points with their least confident character's score."""
    height = line.box[3] - line.box[1]
    groups: list[list[Char]] = []
    for ch in sorted(line.chars, key=lambda c: c.cx):
        if groups and ch.box[0] - groups[-1][-1].box[2] <= _WORD_GAP * height:
            groups[-1].append(ch)
        else:
            groups.append([ch])
    return [{"text": figure_text("".join(c.text for c in g)), "x0": g[0].box[0] * pt, "x1": g[-1].box[2] * pt,
             "top": line.box[1] * pt, "bottom": line.box[3] * pt, "confidence": min(c.score for c in g),
             "line": line} for g in groups]
