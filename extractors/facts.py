"""Narrative facts: every quantity the prose states, with its sentence, its subject and where it stands.

Quantities come from ``extractors.quantities`` (which already drops years, dates, ordinals, document numbers);
this module places each one in its sentence and clause and names the thing it counts with jieba's
part-of-speech tags. Chinese puts the counted noun after a classifier ("30 项改革事项") or names it before the
figure ("主动公开 4811 条", "下载量超过 67 万"); a clause that names nothing ("较前一年增加了 50 万") takes the
subject of the figure before it in the same sentence.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache
from importlib.resources import files

import yaml

from extractors.quantities import PERCENT_UNITS, Quantity, find_quantities
from extractors.records import Fact, Section

SENTENCE_ENDS = "。！？；;!?"
# A clause ends at these; 、 is not among them for subjects (复审公示、登录公告 49 批次 is one subject).
CLAUSE_ENDS = SENTENCE_ENDS + "，,：:（()）\n"
QUOTES = "“”\"‘’'《》〈〉「」『』"
_PUNCT = "，,、：:；;。（()）[]【】 \t\n*" + QUOTES
# Units after which no noun follows ("4 天", "60 岁", "98.28%", money, a bare 万).
_NO_NOUN_AFTER = frozenset({"", "天", "日", "个月", "周", "小时", "分钟", "工作日", "岁", "倍", "元", "美元"}) | PERCENT_UNITS
_MAX_SUBJECT = 14  # beyond this a subject is more phrase than thing; keep what follows its last 的


@dataclass(frozen=True)
class _Words:
    words: tuple[str, ...]
    lead: tuple[str, ...]  # longest first
    trail: tuple[str, ...]
    stop_pos: frozenset[str]
    noun_pos: frozenset[str]


@cache
def words() -> _Words:
    data = yaml.safe_load(files("extractors").joinpath("facts.yaml").read_text(encoding="utf-8"))
    by_length = lambda ws: tuple(sorted(set(ws), key=len, reverse=True))  # noqa: E731
    return _Words(tuple(data["words"]), by_length(data["lead_words"]), by_length(data["trail_words"]),
                  frozenset(data["stop_pos"]), frozenset(data["noun_pos"]))


@cache
def _posseg():
    """jieba's part-of-speech tokenizer, loaded once, quietly, with the domain words added."""
    import jieba
    import jieba.posseg

    jieba.setLogLevel(60)
    for word in words().words:
        jieba.add_word(word, tag="n")
    return jieba.posseg


def tag(text: str) -> list[tuple[str, str]]:
    return [(p.word, p.flag) for p in _posseg().cut(text)]


# --- sentences and clauses ---------------------------------------------------------------------------------

def sentence_spans(text: str) -> list[tuple[int, int]]:
    """(start, end) of each sentence: up to 。！？；, or a line break after a heading-like line.

    A line break inside a sentence (a page break in the source) does not end it.
    """
    spans, start, line_start = [], 0, 0
    for i, ch in enumerate(text):
        end_here = ch in SENTENCE_ENDS
        if ch == "\n":
            line = text[line_start:i]
            end_here = len(line.strip()) <= 40 and not any(c in line for c in "，,、：:")
            line_start = i + 1
        if end_here:
            spans.append((start, i + 1))
            start = i + 1
    spans.append((start, len(text)))
    out = []
    for s, e in spans:  # trim whitespace so that sentence == text[s:e]
        while s < e and text[s].isspace():
            s += 1
        while e > s and text[e - 1].isspace():
            e -= 1
        if s < e:
            out.append((s, e))
    return out


def _clause_start(text: str, lo: int, pos: int, ends: str = CLAUSE_ENDS) -> int:
    i = pos
    while i > lo and text[i - 1] not in ends:
        i -= 1
    return i


def _clause_end(text: str, pos: int, hi: int, ends: str = CLAUSE_ENDS) -> int:
    i = pos
    while i < hi and text[i] not in ends:
        i += 1
    return i


# --- subjects ------------------------------------------------------------------------------------------------

def _strip_words(phrase: str) -> str:
    w = words()
    changed = True
    while changed and phrase:
        changed = False
        phrase = phrase.strip(_PUNCT.replace("“", "").replace("《", ""))
        for lead in w.lead:
            if phrase.startswith(lead) and len(phrase) > len(lead):
                phrase, changed = phrase[len(lead):], True
                break
        for trail in w.trail:
            if phrase.endswith(trail):
                phrase, changed = phrase[: -len(trail)], True
                break
        if phrase in w.lead or phrase in w.trail:
            return ""
    return _balance(phrase)


def _balance(phrase: str) -> str:
    """Drop an opening quote or bracket left without its partner at either end."""
    phrase = phrase.strip(" \t\n*、，,")
    for opening, closing in ("“”", "《》", "（）", "()"):
        if phrase.endswith(opening):
            phrase = phrase[:-1]
        if phrase.startswith(closing):
            phrase = phrase[1:]
        if phrase.count(opening) > phrase.count(closing) and phrase.startswith(opening):
            phrase = phrase[1:]
        if phrase.count(closing) > phrase.count(opening) and phrase.endswith(closing):
            phrase = phrase[:-1]
    return phrase.strip(" \t\n*、，,")


def _before_subject(phrase: str) -> str:
    """The noun or verb phrase closing the text before a figure ("我区共制发公文类政府信息" → 制发公文类政府信息)."""
    phrase = _strip_words(phrase)
    if not phrase:
        return ""
    w = words()
    tokens = tag(phrase)
    kept: list[str] = []
    for word, flag in reversed(tokens):
        is_quote = all(c in QUOTES for c in word)
        if not is_quote and (flag in w.stop_pos or word in w.lead) and kept:
            break
        if not is_quote and flag in w.stop_pos:
            continue  # a trailing particle or adverb the word lists missed
        kept.append(word)
    subject = _strip_words("".join(reversed(kept)))
    if len(subject) > _MAX_SUBJECT and "的" in subject:
        tail = subject.rsplit("的", 1)[1]
        subject = tail if len(tail) >= 2 else subject
    return subject


def _after_subject(phrase: str) -> str:
    """The noun phrase right after a figure and its classifier ("30 项“一件事”改革事项" → “一件事”改革事项)."""
    phrase = phrase.lstrip(" \t")
    if not phrase or phrase[0] in CLAUSE_ENDS or phrase[0] in "、的":
        return ""
    w = words()
    kept: list[str] = []
    quoted = False
    for word, flag in tag(phrase):
        if all(c in QUOTES for c in word):
            quoted = not quoted if word in "“”\"" else quoted
            kept.append(word)
            continue
        if quoted or flag in w.noun_pos or word in w.words:
            kept.append(word)
            continue
        break
    return _balance("".join(kept))


def _any_after(phrase: str) -> str:
    """Whatever a clause says after a figure that names nothing before it ("共计340人次参加" → 参加)."""
    return _strip_words(phrase.strip())[:_MAX_SUBJECT]


# --- facts -----------------------------------------------------------------------------------------------------

def extract_facts(sections: list[Section]) -> list[Fact]:
    """Every quantity stated in the sections' text, in reading order; never raises."""
    facts: list[Fact] = []
    for section in sections:
        try:
            facts += _section_facts(section)
        except Exception:  # defensive: one odd section must not cost the report its other facts
            continue
    return facts


def _section_facts(section: Section) -> list[Fact]:
    text = section.text or ""
    quantities = find_quantities(text)
    if not quantities:
        return []
    out: list[Fact] = []
    spans = sentence_spans(text)
    for s_start, s_end in spans:
        inside = [q for q in quantities if s_start <= q.start < s_end]
        previous_end, previous_subject = s_start, ""
        for i, q in enumerate(inside):
            next_start = inside[i + 1].start if i + 1 < len(inside) else s_end
            fact = _fact(section, text, s_start, s_end, q, previous_end, next_start, previous_subject)
            out.append(fact)
            previous_end, previous_subject = q.end, fact.subject
    return out


def _fact(section: Section, text: str, s_start: int, s_end: int, q: Quantity, previous_end: int,
          next_start: int, previous_subject: str) -> Fact:
    left = max(_clause_start(text, s_start, q.start, CLAUSE_ENDS), previous_end)
    right = min(_clause_end(text, q.end, s_end, CLAUSE_ENDS + "、"), next_start)
    subject = ""
    if q.kind == "count" and q.unit not in _NO_NOUN_AFTER:
        subject = _after_subject(text[q.end:right])
    subject = subject or _before_subject(text[left:q.start])
    subject = subject or _any_after(text[q.end:right]) or previous_subject
    sentence = text[s_start:s_end].replace("\n", "")
    clause = text[max(_clause_start(text, s_start, q.start, CLAUSE_ENDS + "、"), previous_end):right]
    return Fact(
        section_path=section.path, sentence=sentence, subject=subject, value=q.value, unit=q.unit,
        kind=q.kind, qualifier=q.qualifier, raw=q.raw, page=section.page, start=q.start, end=q.end,
        sign=q.sign, clause=clause.replace("\n", "").strip(),
    )
