"""The search index's words: text segmented with jieba (``cut_for_search``) into words separated by spaces, and a
report's index rows made of them. CPU work a worker does before the store; plain Python and jieba, no database
layer (the pool's workers do not import SQLAlchemy: pipeline.warm). pipeline.search stores and queries them."""

from __future__ import annotations

import re
from functools import lru_cache

_WORD = re.compile(r"[\w]", re.UNICODE)


def segment(value: str) -> str:
    """Words separated by spaces, lower-cased; punctuation dropped."""
    jieba = _jieba()
    # jieba cuts a text block by block (runs of Han characters and alphanumerics, and what stands between
    # them), each on its own: so a block's words are its own whatever text it stands in. A fact's sentence
    # repeats its section's text and sections repeat the form's wording, so each block is segmented once.
    words = []
    for block in jieba.re_han_default.split(value or ""):
        if block:
            words += _block_words(block) if len(block) <= _CACHED_BLOCK else _segment_block(block)
    return " ".join(words)


def _segment_block(block: str) -> tuple[str, ...]:
    return tuple(w.lower() for w in _jieba().cut_for_search(block) if _WORD.search(w))


def _jieba():
    # imported when text is first segmented (a worker, a search), not by every process that imports this module
    # (the ingesting process of a pool stores what its workers segmented): the extractors' import is ~0.1 s
    from extractors.facts import load_jieba

    return load_jieba()


_CACHED_BLOCK = 256  # characters; a longer block is segmented each time (and kept out of the cache)
_block_words = lru_cache(maxsize=1 << 13)(_segment_block)


def index_payload(sections: list[dict], facts: list[dict]) -> list[dict]:
    """The index rows of a report's sections and facts (pipeline.store row values), segmented, without ids:
    ``kind``, ``ord`` (the position in ``sections``/``facts``), ``path``, ``title``, ``body``. CPU work that a
    worker does before the store."""
    rows = [{"kind": "section", "ord": i, "path": s["path"], "title": f" {segment(s['title'])} ",
             "body": f" {segment(s['text'])} "} for i, s in enumerate(sections) if (s["title"] or s["text"])]
    rows += [{"kind": "fact", "ord": i, "path": f["section_path"], "title": f" {segment(f['subject'])} ",
              "body": f" {segment(f['sentence'])} "} for i, f in enumerate(facts)]
    return rows
