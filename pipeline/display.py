"""Text from outside (file names, reasons quoting them) made safe for one output line."""

from __future__ import annotations

import unicodedata

_NAMED = {"\n": "\\n", "\r": "\\r", "\t": "\\t"}


def shown(text: object) -> str:
    """``text`` as one printable line: control characters and line separators escaped (``\\n``, ``\\x1b``,
    ``\\u2028``), bytes of a file name that are not UTF-8 (kept by Python as surrogates) as ``\\xb1``; so a
    name holding a newline cannot split a status line, and printing never fails on it."""
    text = str(text)
    if text.isprintable():
        return text
    text = text.encode("utf-8", "surrogateescape").decode("utf-8", "backslashreplace")
    return "".join(_NAMED.get(ch) or (ch.encode("unicode_escape").decode("ascii")
                                      if unicodedata.category(ch) in ("Cc", "Zl", "Zp") else ch) for ch in text)
