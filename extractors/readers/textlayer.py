"""Whether a PDF page's text layer can be read as text, or is garbage that only OCR of the page image can replace.

Garbage comes in three kinds, each told by a share of the page's non-blank characters:

- **broken code points**: a font whose ToUnicode map sends glyphs to the Private Use Area (Founder and other
  in-house fonts), to U+FFFD or to control and unassigned code points; more than ``MAX_BROKEN`` of them.
- **not Chinese**: an invisible OCR layer made by a Latin-script engine, or a one-byte mojibake (Ã, ¸, Õ …):
  among the page's words (an ideograph, or a run of other letters), fewer than ``MIN_HAN`` are ideographs.
- **rare ideographs**: a ToUnicode map shifted onto the wrong ideographs, which reads as Chinese but is not:
  fewer than ``MIN_COMMON`` of the ideographs are among GB 2312's 6763 (the characters in everyday print;
  a real report page has nearly all of its ideographs there).

Shares are only judged once there are ``MIN_SAMPLE`` characters to judge by; a page with no text at all has no
usable layer either.
"""

from __future__ import annotations

import functools
import unicodedata
from collections import Counter

import regex
from dataclasses import dataclass

MAX_BROKEN = 0.10
MIN_HAN = 0.5
MIN_COMMON = 0.7
MIN_SAMPLE = 20
_OTHER_WORD = regex.compile(r"[^\p{Han}\P{L}]+")


@dataclass(frozen=True)
class LayerShares:
    chars: int  # non-blank characters on the page
    broken: float  # share of chars: private use, U+FFFD, controls, unassigned, surrogates
    han: float  # share of words that are ideographs (a run of other letters is one word); 1.0 without words
    common: float  # share of ideographs in GB 2312; 1.0 when there are none
    letters: int  # words: ideographs and runs of other letters
    ideographs: int


def shares(text: str) -> LayerShares:
    # each distinct character classified once (a page holds a few hundred distinct of a few thousand)
    counts = [(c, n) for c, n in Counter(text).items() if not c.isspace()]
    chars = sum(n for _, n in counts)
    broken = sum(n for c, n in counts if c == "\ufffd" or unicodedata.category(c) in ("Co", "Cc", "Cn", "Cs"))
    han = [(c, n) for c, n in counts if _is_han(c)]
    ideographs = sum(n for _, n in han)
    # other scripts count by the word (a run of letters), an ideograph being a word: a web address in a
    # sentence weighs like a few Chinese words, not like a dozen characters
    words = len(_OTHER_WORD.findall(text))
    common = sum(n for c, n in han if _in_gb2312(c))
    letters = ideographs + words
    return LayerShares(chars, broken / chars if chars else 0.0, ideographs / letters if letters else 1.0,
                       common / ideographs if ideographs else 1.0, letters, ideographs)


def garbage_reason(text: str) -> str | None:
    """Why a page's text layer (all its characters, in any order) is not usable text, or None when it is:
    "no text", "broken code points", "not Chinese", "rare ideographs"."""
    s = shares(text)
    if s.chars == 0:
        return "no text"
    if s.chars >= MIN_SAMPLE and s.broken > MAX_BROKEN:
        return "broken code points"
    if s.letters >= MIN_SAMPLE and s.han < MIN_HAN:
        return "not Chinese"
    if s.ideographs >= MIN_SAMPLE and s.common < MIN_COMMON:
        return "rare ideographs"
    return None


@functools.lru_cache(maxsize=8192)
def _is_han(c: str) -> bool:
    return unicodedata.name(c, "").startswith("CJK UNIFIED IDEOGRAPH") or "\uf900" <= c <= "\ufaff"


@functools.lru_cache(maxsize=8192)
def _in_gb2312(c: str) -> bool:
    """GB 2312's hanzi (levels 1 and 2) are its rows 16–87: first byte 0xB0–0xF7."""
    try:
        encoded = c.encode("gb2312")
    except UnicodeEncodeError:
        return False
    return len(encoded) == 2 and 0xB0 <= encoded[0] <= 0xF7


def pages_to_ocr(pages: list) -> list[int]:
    """Numbers (1-based) of the pdfplumber ``pages`` to read by OCR: all of them when none has a character;
    else each whose text layer is garbage, or empty while it shows an image or drawn curves (glyphs turned
    into outlines). A blank page is left alone."""
    if not any(page.chars for page in pages):
        return list(range(1, len(pages) + 1))
    out = []
    for number, page in enumerate(pages, start=1):
        reason = garbage_reason("".join(c["text"] for c in page.chars))
        if reason and (reason != "no text" or page.images or page.curves):
            out.append(number)
    return out
