"""Label normalisation and matching by meaning, not by position or exact string.

Real reports reword, renumber and break labels (三\n、本\n年度…, （一）/(一)/1./1、, 社会组织 vs 社会公益组织);
labels are compared after normalisation, and the best template label wins only with a clear score.
"""

from __future__ import annotations

import unicodedata
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from functools import lru_cache

import regex
from rapidfuzz import fuzz

_NUMBERING = regex.compile(
    r"^(?:[（(]\s*[一二三四五六七八九十\d]+\s*[)）]|[一二三四五六七八九十]+\s*[、.．]|\d+\s*[、.．](?!\d)"
    r"|[①②③④⑤⑥⑦⑧⑨⑩])\s*"
)
_NOTE = regex.compile(r"[（(][^（）()]*[)）]")  # filling instructions and remarks in brackets
_DROP = regex.compile(r"[\s\p{Zs}\u200b\ufeff“”\"‘’'「」:：]+")


# Labels and cell texts repeat within a report (every figure cell is asked about again and again) and across
# reports (the template's wordings): normalising and matching are pure functions of the text, so their results
# are kept. The bounds hold a few reports' distinct texts; texts longer than _CACHED_LEN are not kept.
_CACHE_SIZE = 1 << 14
_CACHED_LEN = 400


def normalise(text: str) -> str:
    """Width folded, spaces and line breaks removed; numbering and quotes kept out of the way."""
    if text and len(text) > _CACHED_LEN:
        return _normalise(text)
    return _normalise_cached(text)


def _normalise(text: str) -> str:
    text = unicodedata.normalize("NFKC", text or "")
    # NFKC again: a dropped space may leave a combining mark beside a letter it composes with (R + ¸ → Ŗ),
    # and normalising must give the same text however often it is done (found by tests/test_fuzz.py)
    return unicodedata.normalize("NFKC", _DROP.sub("", text))


_normalise_cached = lru_cache(maxsize=_CACHE_SIZE)(_normalise)


def core(text: str) -> str:
    """The words that name a row: normalised, leading numbering and bracketed notes removed, 本年度 as 本年."""
    if text and len(text) > _CACHED_LEN:
        return _core(text)
    return _core_cached(text)


# 本年度/上年度/下年度 and 本年/上年/下年 are one word in these tables (本年度新收申请, 上年度结转申请)
_YEAR_WORD = regex.compile(r"(?<=[本上下])年度")


# a circled number opening a label (①逾期不补正): NFKC would make it a bare digit run into the label's words
_CIRCLED = regex.compile(r"^[\s\p{Zs}]*[\u2460-\u2473\u2776-\u277f\u2780-\u2793]")


_LIST_PUNCT = regex.compile(r"[、，,；;]")  # between a label's words (逾期不补正，不再处理 / 、行政机关…)


def _unnumbered(text: str) -> str:
    """``text`` normalised, its leading numbering removed (（三）1. as well)."""
    text = normalise(_CIRCLED.sub("", text or ""))
    previous = None
    while previous != text:
        previous = text
        text = _NUMBERING.sub("", text)
    return text


def _core(text: str) -> str:
    text = _YEAR_WORD.sub("年", _unnumbered(text))
    stripped = _LIST_PUNCT.sub("", _NOTE.sub("", text))
    return stripped or text


_core_cached = lru_cache(maxsize=_CACHE_SIZE)(_core)

_MARKS = regex.compile(r"[\p{P}\p{S}]+")


def words(text: str) -> str:
    """A label's words as printed, its notes kept: normalised, leading numbering and every mark removed (a label
    cut anywhere, （二）部分公开（区 | 分处理的…, is a run of its words, where :func:`core` drops the cut note)."""
    return _MARKS.sub("", _unnumbered(text))


@dataclass(frozen=True)
class Match:
    key: str
    score: float
    runner_up: float


def best_match(text: str, candidates: Iterable[tuple[str, Sequence[str]]], *, threshold: float = 80) -> Match | None:
    """The candidate key whose labels fit ``text`` best, if it is good enough and clearly the best.

    Scores are 0–100: 100 for equal cores; otherwise a ratio that forgives a dropped or mistyped character.
    Returns None when nothing reaches ``threshold``; a Match whose runner_up is close (:func:`is_ambiguous`) is ambiguous
    and the caller decides (it flags, never guesses).
    """
    target = core(text)
    if not target:
        return None
    frozen = _interned(tuple((key, tuple(labels)) for key, labels in candidates))
    ranked = _ranked(target, frozen) if len(target) <= _CACHED_LEN else _rank(target, frozen)
    if ranked is None or ranked[0] < threshold:
        return None
    score, key, runner_up = ranked
    return Match(key=key, score=score, runner_up=runner_up)


def _rank(target: str, candidates: tuple[tuple[str, tuple[str, ...]], ...]) -> tuple[float, str, float] | None:
    """(best score, its key, the runner-up's score) of ``target`` (a core) among ``candidates``; None for none.
    Ties go to the greater key."""
    scored = []
    for key, cores in _cores(candidates):
        scored.append((max([_score(target, c) for c in cores]), key))
    if not scored:
        return None
    scored.sort(reverse=True)
    return scored[0][0], scored[0][1], scored[1][0] if len(scored) > 1 else 0.0


_ranked = lru_cache(maxsize=_CACHE_SIZE)(_rank)


@lru_cache(maxsize=256)
def _interned(candidates: tuple) -> tuple:
    """One instance of each candidate set (the template's few): the kept rankings share it, not a copy each."""
    return candidates


@lru_cache(maxsize=256)
def _cores(candidates: tuple[tuple[str, tuple[str, ...]], ...]) -> tuple[tuple[str, tuple[str, ...]], ...]:
    """The candidates with each label's core: a caller's candidate sets are few (the template's)."""
    return tuple((key, tuple(core(label) for label in labels)) for key, labels in candidates)


def _score(a: str, b: str) -> float:
    if a == b:
        return 100.0
    if not a or not b:
        return 0.0
    ratio = fuzz.ratio(a, b)
    # A label that carries extra words ("本年新收政府信息公开申请数量（件）") still names the row.
    if len(b) >= 4 and b in a:
        ratio = max(ratio, 95.0 - min(10.0, (len(a) - len(b)) / 2))
    # A label cut by the page end or a cell's edge keeps its head ("2.其他法律行" | "政法规禁止公开"), and a label
    # some bodies print abbreviated keeps its key words in order (国家秘密, 法律法规禁止, 内部事务信息, 需另行制作,
    # 逾期未缴费, 申请人逾期未按要求缴费、行政机关不再处理): four characters or more that are pieces of a label, in
    # order, name its row — one to three pieces, or more of two characters each on average (80–90 by how much of
    # it is there; two labels that both hold them tie, and a tie is ambiguous: flagged, never guessed, or settled
    # by the parent row above).
    elif len(a) >= 4 and _abbreviates(a, b):
        ratio = max(ratio, 80.0 + 10.0 * len(a) / len(b))
    # ... with a word of one or two characters before or after them that the label lacks (涉及国家秘密,
    # 经补正后申请内容仍不明确, 行政执法案卷信息): two points less a character
    elif len(a) >= 5 and len(_characters(a) - _characters(b)) <= 2 and (trimmed := _trimmed_abbreviation(a, b)):
        ratio = max(ratio, trimmed)
    # Its words reordered (政府信息公开申请本年新收数量): up to three runs of a label, two characters or more each,
    # that make up most of it (80–88)
    elif len(a) >= 4 and (share := _reordered(a, b)):
        ratio = max(ratio, 80.0 + 8.0 * share)
    return ratio


_MAX_PIECES = 3


def _abbreviates(a: str, b: str) -> bool:
    """``a`` spells pieces of ``b`` in order: one to three (a head is one), or two characters each on average."""
    pieces = _pieces(a, b)
    return pieces is not None and (pieces <= _MAX_PIECES or len(a) >= 2 * pieces)


def _trimmed_abbreviation(a: str, b: str) -> float:
    """The best abbreviation score of ``a`` with one or two characters off its ends, less two points a character
    taken off; 0 for none."""
    best = 0.0
    for i, j in ((1, 0), (0, 1), (2, 0), (1, 1), (0, 2)):
        part = a[i:len(a) - j]
        if len(part) >= 4 and _abbreviates(part, b):
            best = max(best, 80.0 + 10.0 * len(part) / len(b) - 2.0 * (i + j))
    return best if best >= 80.0 else 0.0


def _reordered(a: str, b: str) -> float:
    """How much of ``b`` (0-1) ``a`` spells as at most three runs of ``b`` of two characters or more, each
    taken from a different place of ``b``, in any order; 0 when it does not, or spells under four fifths."""
    if not _characters(a) <= _characters(b):
        return 0.0
    rest, left, runs = a, b, 0
    while rest:
        size = next((n for n in range(len(rest), 1, -1) if rest[:n] in left), 0)
        runs += 1
        if not size or runs > _MAX_PIECES:
            return 0.0
        left = left.replace(rest[:size], "\0", 1)  # (its place taken: no run counted twice)
        rest = rest[size:]
    share = len(a) / len(b)
    return share if share >= 0.8 else 0.0


_characters = lru_cache(maxsize=_CACHE_SIZE)(frozenset)  # a text's set of characters: labels and targets recur


def _pieces(a: str, b: str) -> int | None:
    """The fewest runs of consecutive characters of ``b`` that spell ``a`` in order (法律法规禁止 in
    其他法律行政法规禁止公开: 法律 + 法规禁止, 2); None when ``a`` is not a subsequence of ``b``."""
    if not _characters(a) <= _characters(b):
        return None  # (most pairs: a character of a missing from b)
    # ends[j]: the fewest runs spelling a[:i] with a[i-1] taken at b[j]; best: the least over b[:j]
    ends = [1 if ch == a[0] else None for ch in b]
    for i in range(1, len(a)):
        new: list[int | None] = [None] * len(b)
        best: int | None = None
        for j, ch in enumerate(b):
            if ch == a[i]:
                options = [n for n in (ends[j - 1] if j else None, best + 1 if best is not None else None)
                           if n is not None]
                new[j] = min(options) if options else None
            if ends[j] is not None and (best is None or ends[j] < best):
                best = ends[j]
        ends = new
    found = [n for n in ends if n is not None]
    return min(found) if found else None


def is_ambiguous(match: Match, margin: float = 5) -> bool:
    return match.score < 100 and match.score - match.runner_up < margin


def longest_contained(text: str, candidates: Iterable[tuple[str, Sequence[str]]]) -> str | None:
    """The key whose label stands in ``text`` as the longest run: a header cell that also carries the words
    of the headers spanning above it (申请人情况 法人或其他组织 社会公益组织) names its most specific column."""
    target = normalise(text)
    found = sorted(((len(core(label)), key) for key, ls in candidates for label in ls if core(label) in target),
                   reverse=True)
    if not found or (len(found) > 1 and found[0][0] == found[1][0] and found[0][1] != found[1][1]):
        return None
    return found[0][1]
