"""Size limits a PDF must meet before any reader parses it: a hostile file fails in a second with the cap it
broke, instead of stalling a batch (the per-file time and memory limits of the ingest pool are the backstop).

The caps are several times what real reports reach:

* bytes: born-digital reports are under 10 MB, a scanned 100-page report some tens of MB → 128 MB;
* pages: born-digital reports run under 200 pages, scans of the longest under 150 → 1,000 pages;
* one stream inflated: a page's content stream is under 1 MB, an A4 colour scan at 300 dpi is 26 MB
  uncompressed → 128 MB; measured by inflating in steps, so a bomb is never held in memory whole.
"""

from __future__ import annotations

import zlib

import regex

from extractors.readers.errors import ReadError

MAX_PDF_BYTES = 128 * 2**20
MAX_PDF_PAGES = 1000
MAX_STREAM_INFLATED = 128 * 2**20
# a Flate stream's dictionary, then its data: what follows ``stream`` up to the next ``endstream``
_FLATE_STREAM = regex.compile(rb"/FlateDecode\b[^\[\]]{0,400}?>>\s*stream\r?\n|/Filter\s*\[\s*/FlateDecode\s*\][^\[\]]"
                              rb"{0,400}?>>\s*stream\r?\n")
_STEP = 1 << 20
# Deflate's densest code is a 258-byte match in 2 bits (one for the length, one for the distance): no stream
# inflates to more than 1032 times its size. Rounded up, so that a stream shorter than the cap / this ratio
# cannot pass the cap and need not be inflated to know it.
MAX_FLATE_RATIO = 1100


def check_pdf_limits(data: bytes, document=None) -> None:
    """Raise :class:`~extractors.readers.errors.ReadError` naming the cap a PDF's bytes, pages or one of its
    Flate streams pass; return None for a PDF within them (or one pdfium cannot open: the reader says why).

    ``document``: the file open already in pypdfium2 (its pages are counted there); None opens it here.
    """
    if len(data) > MAX_PDF_BYTES:
        raise ReadError(f"PDF of {len(data) / 2**20:,.0f} MB, over the {MAX_PDF_BYTES // 2**20} MB cap")
    pages = len(document) if document is not None else _page_count(data)
    if pages is not None and pages > MAX_PDF_PAGES:
        raise ReadError(f"PDF of {pages:,} pages, over the {MAX_PDF_PAGES:,}-page cap")
    for m in _FLATE_STREAM.finditer(data):
        end = data.find(b"endstream", m.end())
        end = end if end >= 0 else len(data)
        if (end - m.end()) * MAX_FLATE_RATIO <= MAX_STREAM_INFLATED:
            continue  # too short to inflate past the cap: not inflated at all (most of a report's streams)
        size = _inflated_size(data[m.end():end], MAX_STREAM_INFLATED)
        if size > MAX_STREAM_INFLATED:
            raise ReadError(f"a PDF stream inflates past the {MAX_STREAM_INFLATED // 2**20} MB cap "
                            f"(at byte {m.end():,}): refused unread")


def _page_count(data: bytes) -> int | None:
    import pypdfium2

    try:
        document = pypdfium2.PdfDocument(data)
    except Exception:  # damaged, encrypted with a user password …: the reader gives the reason
        return None
    try:
        return len(document)
    finally:
        document.close()


def _inflated_size(raw: bytes, cap: int) -> int:
    """Bytes ``raw`` inflates to, counted up to just past ``cap``; a damaged stream counts what inflated."""
    inflater = zlib.decompressobj()
    size = 0
    chunk = raw
    try:
        while chunk and size <= cap:
            size += len(inflater.decompress(chunk, _STEP))
            chunk = inflater.unconsumed_tail
    except zlib.error:
        pass
    return size
