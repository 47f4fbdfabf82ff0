"""Words, cell text and text lines from a PDF page's characters: pdfplumber's ``extract_words``,
``extract_text`` and ``extract_text_lines`` (its ``WordExtractor`` with the default directions, left to right in
lines read top to bottom) written out for upright characters, with the same results.

pdfplumber builds an extractor, groups, clusters and merges through generic helpers on every call; a report's
page asks for words once and for the text of a hundred table cells, so that overhead was a fifth of reading a
page. Characters that are not all upright (turned text) go to pdfplumber itself.
"""

from __future__ import annotations

from itertools import groupby
from operator import itemgetter

from pdfplumber import utils
from pdfplumber.utils.text import DEFAULT_X_TOLERANCE, DEFAULT_Y_TOLERANCE, LIGATURES, WordMap


def extract_words(chars: list[dict], x_tolerance: float = DEFAULT_X_TOLERANCE,
                  y_tolerance: float = DEFAULT_Y_TOLERANCE, x_tolerance_ratio: float | None = None) -> list[dict]:
    """``pdfplumber.utils.extract_words(chars, x_tolerance=…, y_tolerance=…, x_tolerance_ratio=…)``: dicts with
    ``text, x0, x1, top, doctop, bottom, upright, height, width, direction``."""
    if not all(c["upright"] for c in chars):
        return utils.extract_words(chars, x_tolerance=x_tolerance, y_tolerance=y_tolerance,
                                   x_tolerance_ratio=x_tolerance_ratio)
    return [_merge(w) for w in _word_chars(chars, x_tolerance, y_tolerance, x_tolerance_ratio)]


def extract_text(chars: list[dict], x_tolerance_ratio: float | None = None) -> str:
    """``pdfplumber.utils.extract_text(chars, x_tolerance_ratio=…)`` (not its layout mode): words joined by a
    space, lines of words (tops within 3 points) by a line break."""
    if not chars:
        return ""
    if not all(c["upright"] for c in chars):
        return utils.extract_text(chars, x_tolerance_ratio=x_tolerance_ratio)
    tops = [c["top"] for c in chars]
    if max(tops) <= min(tops) + DEFAULT_Y_TOLERANCE:  # one line (most table cells): its words, nothing to cluster
        words = []
        _line_words(chars, DEFAULT_X_TOLERANCE, DEFAULT_Y_TOLERANCE, x_tolerance_ratio, words)
        return " ".join(_text(w) for w in words)
    words = [(_text(w), min(c["top"] for c in w))
             for w in _word_chars(chars, DEFAULT_X_TOLERANCE, DEFAULT_Y_TOLERANCE, x_tolerance_ratio)]
    lines = _clusters(words, [top for _, top in words], DEFAULT_Y_TOLERANCE)
    return "\n".join(" ".join(text for text, _ in line) for line in lines)


def text_lines(chars: list[dict], page) -> list[dict]:
    """``page.extract_text_lines(return_chars=False)`` of a pdfplumber page holding these ``chars``: dicts with
    ``text, x0, top, x1, bottom``, lines top to bottom (pdfplumber's text map made of the words here)."""
    layout = {"layout_bbox": page.bbox, "layout_width": page.width, "layout_height": page.height}
    if not all(c["upright"] for c in chars):
        textmap = utils.chars_to_textmap(chars, **layout)
    else:
        words = _word_chars(chars, DEFAULT_X_TOLERANCE, DEFAULT_Y_TOLERANCE, None)
        textmap = WordMap([(_merge(w), w) for w in words]).to_textmap(presorted=True, **layout)
    return textmap.extract_text_lines(strip=True, return_chars=False)


def _clusters(items: list, keys: list[float], tolerance: float) -> list[list]:
    """``cluster_objects``: keys chained into clusters (sorted, each within ``tolerance`` of the one before),
    the items grouped by cluster in cluster order, keeping their order within one."""
    if not items:
        return []
    index: dict[float, int] = {}
    cluster, last = 0, None
    for key in sorted(set(keys)):
        if last is not None and not key <= last + tolerance:
            cluster += 1
        index[key] = cluster
        last = key
    ordered = sorted(zip((index[k] for k in keys), range(len(items))))  # stable: by cluster, then position
    return [[items[i] for _, i in group] for _, group in groupby(ordered, key=lambda t: t[0])]


def _word_chars(chars: list[dict], x_tolerance: float, y_tolerance: float,
                x_tolerance_ratio: float | None) -> list[list[dict]]:
    """The characters of each word, line by line (``iter_chars_to_lines`` then ``iter_chars_to_words``)."""
    words: list[list[dict]] = []
    for line in _clusters(chars, [c["top"] for c in chars], y_tolerance):
        _line_words(line, x_tolerance, y_tolerance, x_tolerance_ratio, words)
    return words


def _line_words(line: list[dict], x_tolerance: float, y_tolerance: float, x_tolerance_ratio: float | None,
                words: list[list[dict]]) -> None:
    """The characters of each word of one line (``iter_chars_to_words``), appended to ``words``."""
    current: list[dict] = []
    for char in sorted(line, key=_X0):
        text = char["text"]
        if text.isspace():
            if current:
                words.append(current)
            current = []
        elif text == "":  # pdfplumber's split_at_punctuation of "": a word of its own
            if current:
                words.append(current)
            words.append([char])
            current = []
        elif current:
            prev = current[-1]
            x = x_tolerance if x_tolerance_ratio is None else x_tolerance_ratio * prev["size"]
            if char["x0"] < prev["x0"] or char["x0"] > prev["x1"] + x \
                    or abs(char["top"] - prev["top"]) > y_tolerance:
                words.append(current)
                current = [char]
            else:
                current.append(char)
        else:
            current = [char]
    if current:
        words.append(current)


_X0 = itemgetter("x0")


def _text(chars: list[dict]) -> str:
    text = "".join(map(_TEXT, chars))
    if _LIGATURE_CHARS.isdisjoint(text):  # nearly always: no char's text can be a ligature
        return text
    return "".join(LIGATURES.get(c["text"], c["text"] or "") for c in chars)


_TEXT, _TOP, _X1, _BOTTOM = itemgetter("text"), itemgetter("top"), itemgetter("x1"), itemgetter("bottom")
_LIGATURE_CHARS = frozenset("".join(LIGATURES))


def _merge(chars: list[dict]) -> dict:
    """``WordExtractor.merge_chars`` for upright characters."""
    x0, top = min(map(_X0, chars)), min(map(_TOP, chars))
    x1, bottom = max(map(_X1, chars)), max(map(_BOTTOM, chars))
    first = chars[0]
    return {"text": _text(chars), "x0": x0, "x1": x1, "top": top, "doctop": top + (first["doctop"] - first["top"]),
            "bottom": bottom, "upright": first["upright"], "height": bottom - top, "width": x1 - x0,
            "direction": "ltr"}
