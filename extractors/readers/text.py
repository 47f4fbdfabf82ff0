"""Plain text: paragraphs are lines; a table is a run of tab-separated lines (blank lines inside allowed).

This is how copy-pasted or converted reports (and the project's seed report) flatten their tables.
"""

from __future__ import annotations

from pathlib import Path

import regex

from extractors.model import Document, Paragraph, table_from_rows
from extractors.readers.encoding import decode

_EMPHASIS = regex.compile(r"\*\*(.+?)\*\*")  # Markdown bold left by converters: the words stay, the stars go


def read(path: Path, data: bytes) -> Document:
    text, _ = decode(data)
    return parse_text(text, str(path))


def parse_text(text: str, path: str = "<text>") -> Document:
    lines = [_EMPHASIS.sub(r"\1", line.rstrip("\r\n")) for line in text.splitlines()]
    blocks = []
    i = 0
    while i < len(lines):
        line = lines[i]
        if _is_row(line):
            rows, i = _table_lines(lines, i)
            cells = [r.split("\t") for r in rows]
            if any(sum(bool(c.strip()) for c in row) >= 2 for row in cells):
                blocks.append(table_from_rows(cells))
            else:  # tabs but never two cells side by side: prose laid out with tabs
                blocks += [Paragraph(r.strip()) for r in rows if r.strip()]
            continue
        if line.strip():
            blocks.append(Paragraph(line.strip()))
        i += 1
    return Document(path=path, format="text", blocks=blocks)


def _is_row(line: str) -> bool:
    """A tab after the line's first words: a leading tab alone is an indent."""
    return "\t" in line.lstrip()


def _table_lines(lines: list[str], i: int) -> tuple[list[str], int]:
    rows = []
    while i < len(lines):
        if _is_row(lines[i]):
            rows.append(lines[i])
            i += 1
            continue
        j = i
        while j < len(lines) and not lines[j].strip():
            j += 1
        if j > i and j < len(lines) and _is_row(lines[j]):
            i = j  # blank lines inside a table (a page break in the original)
            continue
        break
    return rows, i
