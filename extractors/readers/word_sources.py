"""The words each word-built block of a document was made from, kept beside the block while the reader joins
tables across pages (extractors.readers.pdf, .ocr, .ofd).

A table found without rulings, or a header line stranded at the foot of a page, is rebuilt with the next page's
part from these words (extractors.readers.borderless.rebuild_across_pages), and with the short paragraphs opening
the next page when they are its last rows (rebuild_with_opening_rows). They are found by the block itself,
and the block is held here with them: keyed by ``id()`` alone, a block replaced by its joined table is freed,
and a block made later can be given its id and so its words.
"""

from __future__ import annotations


class WordSources:
    """Block → the word dicts it was built from (pdfplumber's word shape: text, x0, x1, top, bottom, …)."""

    def __init__(self) -> None:
        self._entries: dict[int, tuple[object, list[dict]]] = {}
        # the paragraphs opening a page, with their words: a row of a word-built table continued from the page
        # before may stand there alone, read as a paragraph (kept apart from the blocks built from words: a page
        # of one such paragraph is no stranded header of the next page's table)
        self._opening: dict[int, tuple[object, list[dict]]] = {}
        self._row_heads: set[int] = set()  # ids of blocks entered by put_row_head

    def put(self, block: object, words: list[dict]) -> None:
        self._entries[id(block)] = (block, words)

    def get(self, block: object) -> list[dict] | None:
        """The words of ``block``, None when it was not built from words (an id names one block here: every
        block entered is held)."""
        entry = self._entries.get(id(block))
        return entry[1] if entry is not None else None

    def __contains__(self, block: object) -> bool:
        return self.get(block) is not None

    def drop(self, block: object) -> None:
        if block in self:
            del self._entries[id(block)]

    def put_row_head(self, paragraph: object, words: list[dict]) -> None:
        """A paragraph ending its page that is the head of a table's row broken by the page end (its label's first
        lines): held with its words like a block built from words, and marked as such."""
        self.put(paragraph, words)
        self._row_heads.add(id(paragraph))

    def row_head(self, block: object) -> bool:
        return id(block) in self._row_heads and block in self

    def put_opening(self, paragraph: object, words: list[dict]) -> None:
        self._opening[id(paragraph)] = (paragraph, words)

    def opening(self, paragraph: object) -> list[dict] | None:
        """The words of a paragraph that opens its page (see put_opening), None for another block."""
        entry = self._opening.get(id(paragraph))
        return entry[1] if entry is not None else None
