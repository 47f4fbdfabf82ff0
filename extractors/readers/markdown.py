"""Markdown as document converters write it (pandoc, docling, MinerU …): ``#`` headings, paragraphs of
soft-wrapped lines, pipe tables, and HTML ``<table>`` blocks (the HTML reader reads those, spans included).

Cell and paragraph text loses its inline markup: emphasis stars, inline HTML (``<span>``; ``<br>`` is a line
break), backslash escapes, links (their text stays) and entities. A spanned cell that a converter flattens is
either left empty beside its text or repeated in every position it covered; both read as the grid shows.
"""

from __future__ import annotations

import html as html_lib
from pathlib import Path

import regex

from extractors.model import Document, Paragraph, table_from_rows
from extractors.readers.encoding import decode

_HEADING = regex.compile(r"^ {0,3}(#{1,6})\s+(.*?)(?:\s+#+)?\s*$")
_DELIMITER = regex.compile(r"^\s*\|?\s*:?-{1,}:?\s*(?:\|\s*:?-{1,}:?\s*)*\|?\s*$")
_FENCE = regex.compile(r"^ {0,3}(```|~~~)")
_TABLE_OPEN = regex.compile(r"<table\b", regex.I)
_TABLE_CLOSE = regex.compile(r"</table\s*>", regex.I)
_BREAK_TAG = regex.compile(r"<br\s*/?>", regex.I)
_TAG = regex.compile(r"</?[A-Za-z][^<>]*>")
_IMAGE = regex.compile(r"!\[[^\]]*\]\([^)]*\)")
_LINK = regex.compile(r"\[([^\]]*)\]\([^)]*\)")
_STRONG = regex.compile(r"(\*\*|__)(.+?)\1")
_EM = regex.compile(r"(?<![\w*])\*(?!\s)(.+?)(?<!\s)\*(?![\w*])")
_CODE = regex.compile(r"`([^`]*)`")
_ESCAPE = regex.compile(r"\\([!-/:-@\[-`{-~])")
_CELL_SPLIT = regex.compile(r"(?<!\\)\|")
_QUOTE = regex.compile(r"^\s{0,3}>\s?")
_CJK_EDGE = regex.compile(r"[\p{Han}\p{InCJK_Symbols_and_Punctuation}\p{InHalfwidth_and_Fullwidth_Forms}]")


def read(path: Path, data: bytes) -> Document:
    text, _ = decode(data)
    return parse_markdown(text, str(path))


def has_pipe_table(text: str) -> bool:
    """A header line with a pipe followed by a delimiter row (|---|---|): the mark of a Markdown table."""
    lines = text.splitlines()
    return any("|" in a and "-" in b and "|" in b and _DELIMITER.match(b) for a, b in zip(lines, lines[1:]))


def inline(text: str) -> str:
    """Markdown inline markup and inline HTML removed, the words kept; <br> becomes a line break."""
    text = _BREAK_TAG.sub("\n", text)
    text = _TAG.sub("", text)
    text = _IMAGE.sub("", text)
    text = _LINK.sub(r"\1", text)
    text = _CODE.sub(r"\1", text)
    text = _STRONG.sub(r"\2", text)
    text = _EM.sub(r"\1", text)
    text = _ESCAPE.sub(r"\1", text)
    text = html_lib.unescape(text).replace("\u00a0", " ")
    return "\n".join(regex.sub(r"[ \t]+", " ", line).strip() for line in text.split("\n")).strip()


def parse_markdown(text: str, path: str = "<markdown>") -> Document:
    lines = [_QUOTE.sub("", line.rstrip("\r\n")) for line in text.splitlines()]
    blocks: list = []
    para: list[str] = []

    def flush() -> None:
        if para:
            joined = inline(_join(para))
            blocks.extend(Paragraph(line) for line in joined.split("\n") if line)
            para.clear()

    i = 0
    while i < len(lines):
        line = lines[i]
        if _FENCE.match(line):  # code fences: their content is text as it stands
            flush()
            fence = _FENCE.match(line).group(1)
            i += 1
            while i < len(lines) and not lines[i].lstrip().startswith(fence):
                if lines[i].strip():
                    blocks.append(Paragraph(lines[i].strip()))
                i += 1
            i += 1
            continue
        heading = _HEADING.match(line)
        if heading:
            flush()
            title = inline(heading.group(2))
            if title:
                blocks.append(Paragraph(title, level=len(heading.group(1))))
            i += 1
            continue
        if "|" in line and i + 1 < len(lines) and _DELIMITER.match(lines[i + 1]) and "-" in lines[i + 1]:
            flush()
            rows = [_cells(line)]
            i += 2
            while i < len(lines) and "|" in lines[i] and lines[i].strip():
                rows.append(_cells(lines[i]))
                i += 1
            rows = [r for r in rows if any(c for c in r)]  # pandoc writes an empty header row for headless tables
            if rows:
                width = max(len(r) for r in rows)
                blocks.append(table_from_rows([r + [""] * (width - len(r)) for r in rows]))
            continue
        if _TABLE_OPEN.search(line):
            flush()
            chunk, i = _html_block(lines, i)
            from extractors.readers import html

            blocks += html.read(Path(path), chunk.encode("utf-8")).blocks
            continue
        if not line.strip():
            flush()
        else:
            para.append(line)
        i += 1
    flush()
    return Document(path=path, format="text", blocks=blocks)


def _cells(line: str) -> list[str]:
    body = line.strip()
    if body.startswith("|"):
        body = body[1:]
    if body.endswith("|") and not body.endswith("\\|"):
        body = body[:-1]
    return [inline(c) for c in _CELL_SPLIT.split(body)]


def _html_block(lines: list[str], i: int) -> tuple[str, int]:
    """Lines from a <table> to the line closing it (nested tables counted), with any text before it on the
    first line."""
    depth = 0
    out = []
    while i < len(lines):
        out.append(lines[i])
        depth += len(_TABLE_OPEN.findall(lines[i])) - len(_TABLE_CLOSE.findall(lines[i]))
        i += 1
        if depth <= 0:
            break
    return "\n".join(out), i


def _join(lines: list[str]) -> str:
    """Soft-wrapped lines as one paragraph: Chinese runs on without a space, other words keep one; a line
    ending in two spaces or a backslash is a hard break."""
    out = ""
    for line in lines:
        hard = line.endswith("  ") or line.endswith("\\")
        piece = line.strip().rstrip("\\")
        if out and not out.endswith("\n"):
            out += "" if _CJK_EDGE.match(out[-1]) or _CJK_EDGE.match(piece[:1] or " ") else " "
        out += piece + ("\n" if hard else "")
    return out
