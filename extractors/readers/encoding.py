"""Bytes to text for the formats that carry no reliable encoding of their own (HTML, plain text)."""

from __future__ import annotations

import codecs
import unicodedata

from extractors.readers.errors import ReadError

# UTF-32 before UTF-16: the UTF-32 little-endian BOM begins with the UTF-16 one
_BOMS = ((codecs.BOM_UTF8, "utf-8-sig"), (codecs.BOM_UTF32_LE, "utf-32"), (codecs.BOM_UTF32_BE, "utf-32"),
         (codecs.BOM_UTF16_LE, "utf-16"), (codecs.BOM_UTF16_BE, "utf-16"))
_WIDE = ("utf-32-le", "utf-32-be", "utf-16-le", "utf-16-be")
_SAMPLE = 4096  # bytes looked at to tell a wide encoding without a BOM
# GBK and GB2312 pages are decoded as GB18030, their superset: a page that declares GB2312 and uses a GBK
# character is common and must not fail.
_WIDEN = {"gb2312": "gb18030", "gbk": "gb18030", "x-gbk": "gb18030", "gb_2312-80": "gb18030"}


def wide_encoding(data: bytes) -> str | None:
    """The UTF-16 or UTF-32 encoding ``data`` is written in, by its BOM or, without one, by its first 4 KB
    decoding to printable text without NUL characters in exactly one byte order and width (the NUL bytes
    of ASCII letters, digits and line ends give both away); None for anything else (UTF-8, GB18030, binary)."""
    for bom, name in _BOMS[1:]:
        if data.startswith(bom):
            return name
    sample = data[:_SAMPLE]
    if b"\x00" not in sample:
        return None
    for name in _WIDE:
        text = codecs.getincrementaldecoder(name)(errors="strict")
        try:
            head = text.decode(sample, final=len(data) <= _SAMPLE)
        except UnicodeDecodeError:
            continue
        if _printable(head) and any("\t" <= c <= "~" for c in head):  # the NULs: ASCII (figures, line ends)
            return name
    return None


def _printable(text: str) -> bool:
    """No control character but white space, no unassigned or private-use code point: what a wrong width or
    byte order, or binary data, yields."""
    return not any(c not in "\t\n\r\f\v" and unicodedata.category(c) in ("Cc", "Cn", "Co", "Cs") for c in text)


def decode(data: bytes, declared: str | None = None) -> tuple[str, str]:
    """Return (text, encoding used). A BOM wins (UTF-8, -16, -32), then UTF-16/32 told by its NUL bytes (a
    wide encoding cannot be anything else, whatever a page declares), then a declared charset, then UTF-8,
    then GB18030."""
    if data.startswith(codecs.BOM_UTF8):
        return data.decode("utf-8-sig"), "utf-8-sig"
    wide = wide_encoding(data)
    if wide:
        try:
            return data.decode(wide), wide
        except UnicodeDecodeError as exc:
            raise ReadError(f"damaged {wide.upper()} text: {exc.reason} at byte {exc.start}") from None
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
