"""Format readers: one file in, one :class:`~extractors.model.Document` out.

The format is decided from the bytes, not the file name; a name that promises another format than the bytes
hold is an error, since it usually means a broken download or a renamed file.
"""

from __future__ import annotations

import re
from importlib import import_module
from pathlib import Path

from extractors.model import Document
from extractors.readers.errors import ReadError
from extractors.readers.sniff import sniff_format

__all__ = ["ReadError", "read_document", "sniff_format"]


def read_document(path: str | Path, data: bytes | None = None) -> Document:
    """Read any supported file into the common document model.

    ``data``: the file's bytes when the caller has read them already (the pipeline hashes what it parses).
    Raises :class:`ReadError` for a file that cannot be read: its message is one line, the file and why
    (``exc.path``, ``exc.reason``).
    """
    path = Path(path)
    try:
        return _read(path, data)
    except ReadError as exc:
        raise ReadError(exc.reason, str(path)) from exc.__cause__


def _read(path: Path, data: bytes | None) -> Document:
    if data is None:
        try:
            data = path.read_bytes()
        except OSError as exc:
            raise ReadError(f"cannot read file: {exc.strerror or exc}") from exc
    fmt = sniff_format(path.name, data)
    reader = _reader(fmt)
    try:
        document = reader(path, data)
    except ReadError as exc:  # the reader's own reason stands, but its generic "not a readable PDF" is told apart
        if fmt == "pdf" and exc.reason.startswith("not a readable PDF"):
            raise ReadError(_pdf_reason(data, exc) or exc.reason) from exc
        raise
    except RecursionError:
        raise ReadError(f"unreadable {fmt} file: nested deeper than the reader follows") from None
    except Exception as exc:  # a reader library failing on a damaged file: one clear line, not a traceback
        reason = _pdf_reason(data, exc) if fmt == "pdf" else None
        raise ReadError(reason or f"unreadable {fmt} file: {type(exc).__name__}: {exc}".splitlines()[0]) from exc
    if fmt == "pdf" and _pdf_cut(data):  # read, but its end is missing: what was read is kept, flagged
        document.truncated = "no %%EOF at the end of the PDF (a broken download?)"
    return document


def _pdf_cut(data: bytes) -> bool:
    return b"%%EOF" not in data[-65536:]


def _pdf_reason(data: bytes, exc: BaseException) -> str | None:
    """Why a PDF the reader failed on cannot be read, where the error or the bytes tell: a user password
    (pdfminer's PDFPasswordIncorrect somewhere in the error's chain), the end cut off, no pages."""
    chain, seen = [], exc
    for _ in range(6):  # the error, what it was raised from, what it wraps
        if seen is None:
            break
        chain.append(repr(seen))
        seen = seen.__cause__ or seen.__context__
    if "Password" in " ".join(chain) and re.search(rb"/Encrypt\b", data):
        return "the PDF is encrypted with a user password (it opens only with the password): not read"
    if _pdf_cut(data):
        return "truncated PDF: no %%EOF trailer at its end (a broken download?)"
    if re.search(rb"/Type\s*/Pages\b", data) and not re.search(rb"/Count\s+[1-9]", data):
        return "a PDF with no pages"
    return None


# the formats read, each by the module of its name (extractors.readers.pdf …), imported when a file of that format
# is first read: a run of DOCX and HTML files never pays for pdfplumber's, pdfminer's and PDFium's imports
# (~0.2 s), nor a text file for any
FORMATS = ("pdf", "docx", "doc", "html", "text", "markdown", "ofd")


def _reader(fmt: str):
    return import_module(f"{__name__}.{fmt}").read


def import_readers() -> None:
    """Import every format's reader now (a process that will read files of any format, forked from this one)."""
    for fmt in FORMATS:
        _reader(fmt)
