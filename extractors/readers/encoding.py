"""Bytes to text for the formats that carry no reliable encoding of their own (HTML, plain text)."""

from __future__ import annotations

import codecs

from extractors.readers.errors import ReadError

_BOMS = ((codecs.BOM_UTF8, "utf-8-sig"), (codecs.BOM_UTF16_LE, "utf-16"), (codecs.BOM_UTF16_BE, "utf-16"))
# GBK and GB2312 pages are decoded as GB18030, their superset: a page that declares GB2312 and uses a GBK
# character is common and must not fail.
_WIDEN = {"gb2312": "gb18030", "gbk": "gb18030", "x-gbk": "gb18030", "gb_2312-80": "gb18030"}


def decode(data: bytes, declared: str | None = None) -> tuple[str, str]:
    """Return (text, encoding used). A BOM wins, then a declared charset, then UTF-8, then GB18030."""
    for bom, name in _BOMS:
        if data.startswith(bom):
            return data.decode(name), name
    candidates = []
    if declared:
        name = declared.strip().lower()
        candidates.append(_WIDEN.get(name, name))
    candidates += ["utf-8", "gb18030"]
    for name in candidates:
        try:
            return data.decode(name), name
        except (UnicodeDecodeError, LookupError):
            continue
    from charset_normalizer import from_bytes

    best = from_bytes(data).best()
    if best is None:
        raise ReadError("text in an unknown encoding")
    return str(best), best.encoding
