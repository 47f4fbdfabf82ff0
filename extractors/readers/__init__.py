"""Format readers: one file in, one :class:`~extractors.model.Document` out.

The format is decided from the bytes, not the file name; a name that promises another format than the bytes
hold is an error, since it usually means a broken download or a renamed file.
"""

from __future__ import annotations

from pathlib import Path

from extractors.model import Document
from extractors.readers.errors import ReadError
from extractors.readers.sniff import sniff_format

__all__ = ["ReadError", "read_document", "sniff_format"]


def read_document(path: str | Path, data: bytes | None = None) -> Document:
    """Read any supported file into the common document model; raise :class:`ReadError` with a reason.

    ``data``: the file's bytes when the caller has read them already (the pipeline hashes what it parses).
    """
    path = Path(path)
    if data is None:
        try:
            data = path.read_bytes()
        except OSError as exc:
            raise ReadError(f"cannot read file: {exc.strerror or exc}") from exc
    fmt = sniff_format(path.name, data)
    reader = _readers()[fmt]
    try:
        return reader(path, data)
    except ReadError:
        raise
    except Exception as exc:  # a reader library failing on a damaged file: one clear line, not a traceback
        raise ReadError(f"unreadable {fmt} file: {type(exc).__name__}: {exc}".splitlines()[0]) from exc


def _readers():
    # Imported lazily so that reading a text file does not pay for pdfminer's import.
    from extractors.readers import doc, docx, html, markdown, ofd, pdf, text

    return {"pdf": pdf.read, "docx": docx.read, "doc": doc.read, "html": html.read, "text": text.read,
            "markdown": markdown.read, "ofd": ofd.read}
