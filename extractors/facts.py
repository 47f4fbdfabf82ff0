"""Narrative facts: every quantity the prose states, with its sentence, its subject and where it stands.

Quantities come from ``extractors.quantities`` (which already drops years, dates, ordinals, document numbers);
this module places each one in its sentence and clause and names the thing it counts with jieba's
part-of-speech tags. Chinese puts the counted noun after a classifier ("30 项改革事项") or names it before the
figure ("主动公开 4811 条", "下载量超过 67 万"); a clause that names nothing ("较前一年增加了 50 万") takes the
subject of the figure before it in the same sentence.
"""

from __future__ import annotations

import marshal
import re
import sys
from bisect import bisect_right
from collections import defaultdict
from dataclasses import dataclass
from functools import cache, lru_cache

from extractors import prefix_dictionary
from extractors.datafiles import load_yaml
from extractors.pos_tags import dictionary_file
from extractors.quantities import PERCENT_UNITS, Quantity, find_quantities
from extractors.records import Fact, Section

SENTENCE_ENDS = "。！？；;!?"
# A clause ends at these; 、 is not among them for subjects (复审公示、登录公告 49 批次 is one subject).
CLAUSE_ENDS = SENTENCE_ENDS + "，,：:（()）"  # not \n: a page break
QUOTES = "“”\"‘’'《》〈〉「」『』"
_PUNCT = "，,、：:；;。（()）[]【】 \t\n*" + QUOTES
# Units after which no noun follows ("4 天", "60 岁", "98.28%", money, a bare 万).
_NO_NOUN_AFTER = frozenset({"", "天", "日", "个月", "周", "小时", "分钟", "工作日", "岁", "倍", "元", "美元"}) | PERCENT_UNITS
_DIGIT_BREAK = re.compile(r"(?<=\d)\n(?=[^\d\s])")
_MAX_SUBJECT = 14  # beyond this a subject is more phrase than thing; keep what follows its last 的


@dataclass(frozen=True)
class _Words:
    words: tuple[str, ...]
    lead: frozenset[str]
    trail: frozenset[str]
    stop_pos: frozenset[str]
    noun_pos: frozenset[str]
    modifier_pos: frozenset[str]
    keep: frozenset[str]
    light_verbs: frozenset[str]


@cache
def words() -> _Words:
    data = load_yaml("facts.yaml")
    return _Words(tuple(data["words"]), frozenset(data["lead_words"]), frozenset(data["trail_words"]),
                  frozenset(data["stop_pos"]), frozenset(data["noun_pos"]), frozenset(data["modifier_pos"]),
                  frozenset(data["keep_words"]), frozenset(data["light_verbs"]))


@cache
def load_jieba():
    """jieba, loaded once, quietly, with the domain words added (search segments with the same words); its
    default dictionary's entries are added as the text cut meets their first character
    (extractors.prefix_dictionary)."""
    jieba = _import_jieba()
    jieba.setLogLevel(60)
    dictionary = dictionary_file(jieba)
    if dictionary is not None:
        prefix_dictionary.install(jieba.dt, dictionary)
    for word in words().words:
        jieba.add_word(word, tag="n")
    return jieba


def _import_jieba():
    """``import jieba``, at a third of its cost, reading the same files into the same dictionary.

    jieba imports pkg_resources (setuptools' deprecated API: 0.12 s) only to open its own data files, and opens
    them by path when it cannot; its dictionary cache is read by ``marshal.load(file)``, which reads object by
    object through the file (0.37 s for its 500,000 words), where ``marshal.loads`` of the file's bytes takes
    0.11 s. (jieba's default dictionary is not read so: extractors.prefix_dictionary adds its entries as the
    text meets them.)"""
    if "jieba" in sys.modules:
        return sys.modules["jieba"]
    blocked = "pkg_resources" not in sys.modules
    if blocked:
        sys.modules["pkg_resources"] = None  # an ImportError for jieba._compat's try
    try:
        import jieba
    finally:
        if blocked:
            del sys.modules["pkg_resources"]
    jieba.marshal = _WholeFileMarshal  # the module global jieba's Tokenizer.initialize reads the cache with
    return jieba


class _WholeFileMarshal:
    """marshal as jieba's ``initialize`` uses it (``load`` a file, ``dump`` to a file), loading from the file's
    bytes in one read."""

    dump = staticmethod(marshal.dump)

    @staticmethod
    def load(file):
        return marshal.loads(file.read())


@cache
def _posseg():
    from extractors.pos_tags import import_posseg

    return import_posseg(load_jieba())


def tag(text: str) -> list[tuple[str, str]]:
    """(word, part-of-speech flag) of each word of ``text`` (jieba.posseg)."""
    return list(_tagged(text))


@lru_cache(maxsize=1 << 12)
def _tagged(text: str) -> tuple[tuple[str, str], ...]:
    # a phrase is tagged again for each figure of its sentence, and boilerplate repeats across reports: tagging
    # (a Viterbi pass over unknown words) is a pure function of the text and jieba's fixed dictionary
    return tuple((p.word, p.flag) for p in _posseg().cut(text))


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
            end_here = (len(line.strip()) <= 40 and not any(c in line for c in "，,、：:。；;")
                        and not line.rstrip()[-1:].isdigit())  # "申请23\n件": a figure cut from its unit
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

Tokens = list[tuple[str, str]]


def _is_punct(word: str) -> bool:
    return all(c in _PUNCT for c in word)


def _strip_tokens(tokens: Tokens) -> Tokens:
    """Drop scope/time/stating words and punctuation from both ends, a token (or a run of up to 3) at a time."""
    w = words()
    changed = True
    while changed and tokens:
        changed = False
        for k in (3, 2, 1):
            if len(tokens) >= k and (k == 1 and _is_punct(tokens[0][0]) and tokens[0][0] not in "“《"
                                     or "".join(t for t, _ in tokens[:k]) in w.lead):
                tokens, changed = tokens[k:], True
                break
        for k in (3, 2, 1):
            if len(tokens) >= k and (k == 1 and _is_punct(tokens[-1][0]) and tokens[-1][0] not in "”》"
                                     or "".join(t for t, _ in tokens[-k:]) in w.trail):
                tokens, changed = tokens[:-k], True
                break
    return tokens


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
    w = words()
    tokens = _strip_tokens(tag(phrase.replace("\n", "")))
    kept: list[str] = []
    open_quotes = 0  # read backwards: inside “…” nothing stops the phrase
    for word, flag in reversed(tokens):
        if word in "”》":
            open_quotes += 1
        elif word in "“《":
            open_quotes -= 1
        elif open_quotes <= 0 and word not in w.keep and (flag in w.stop_pos or word in w.lead):
            break
        kept.append(word)
    subject = _balance("".join(t for t, _ in _strip_tokens(tag("".join(reversed(kept))))))
    if len(subject) > _MAX_SUBJECT and "的" in subject:
        tail = subject.rsplit("的", 1)[1]
        subject = tail if len(tail) >= 2 else subject
    return subject


def _after_subject(phrase: str) -> str:
    """The noun phrase right after a figure and its classifier ("30 项“一件事”改革事项" → “一件事”改革事项)."""
    phrase = phrase.replace("\n", "").lstrip(" \t")
    if not phrase or phrase[0] in CLAUSE_ENDS or phrase[0] in "、的":
        return ""
    w = words()
    kept: list[str] = []
    pending: list[str] = []  # modifiers waiting for the noun that would make them part of the phrase
    quoted = False
    for word, flag in tag(phrase):
        if word in "“”\"":
            quoted = not quoted if word in "“\"" or quoted else quoted
            kept += pending + [word]
            pending = []
        elif quoted or ((flag in w.noun_pos or word in w.words) and word not in w.lead):
            kept += pending + [word]
            pending = []
        elif flag in w.modifier_pos and word not in w.lead and word not in w.light_verbs:
            pending.append(word)
        else:
            break
    return _balance("".join(kept))


def _any_after(phrase: str) -> str:
    """Whatever a clause says after a figure that names nothing before it ("共计340人次参加" → 参加)."""
    return "".join(t for t, _ in _strip_tokens(tag(phrase.replace("\n", "").strip())))[:_MAX_SUBJECT]


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
    # "重复申请23\n件": a PDF line break between a figure and its unit; a space keeps every offset.
    quantities = find_quantities(_DIGIT_BREAK.sub(" ", text))
    if not quantities:
        return []
    out: list[Fact] = []
    spans = sentence_spans(text)
    # each quantity to its sentence in one pass (the spans run in order, end to start): asking every sentence
    # about every quantity, or copying a sentence for each of its figures, is quadratic in a long text
    starts = [start for start, _ in spans]
    inside_of: dict[int, list[Quantity]] = defaultdict(list)
    for q in quantities:
        k = bisect_right(starts, q.start) - 1
        if k >= 0 and q.start < spans[k][1]:
            inside_of[k].append(q)
    for k, (s_start, s_end) in enumerate(spans):
        inside = inside_of.get(k, [])
        sentence = text[s_start:s_end].replace("\n", "") if inside else ""
        previous_end, previous_subject = s_start, ""
        for i, q in enumerate(inside):
            next_start = inside[i + 1].start if i + 1 < len(inside) else s_end
            fact = _fact(section, text, s_start, s_end, q, previous_end, next_start, previous_subject, sentence)
            out.append(fact)
            previous_end, previous_subject = q.end, fact.subject
    return out


def _fact(section: Section, text: str, s_start: int, s_end: int, q: Quantity, previous_end: int,
          next_start: int, previous_subject: str, sentence: str) -> Fact:
    left = max(_clause_start(text, s_start, q.start, CLAUSE_ENDS), previous_end)
    right = min(_clause_end(text, q.end, s_end, CLAUSE_ENDS + "、"), next_start)
    subject = ""
    between = text[q.end:right]
    if q.kind == "count" and q.unit not in _NO_NOUN_AFTER:
        subject = _after_subject(between)
        # "事项506条数据3669条": a noun run straight into the next figure is that figure's subject, unless a
        # conjunction makes it a list ("2次政务公开和1次…").
        if right == next_start and subject == between.replace("\n", "").strip():
            subject = ""
    subject = subject or _before_subject(text[left:q.start])
    if not subject and q.kind == "percent":
        # A share that opens its clause names its whole after it: "八成以上资金通过…", "约三分之一的申请在…".
        subject = _after_subject(between.lstrip(" \t\n的"))
    subject = subject or _any_after(text[q.end:right]) or previous_subject
    clause = text[max(_clause_start(text, s_start, q.start, CLAUSE_ENDS + "、"), previous_end):right]
    return Fact(
        section_path=section.path, sentence=sentence, subject=subject, value=q.value, unit=q.unit,
        kind=q.kind, qualifier=q.qualifier, raw=q.raw, page=section.page_at(q.start), start=q.start, end=q.end,
        sign=q.sign, clause=clause.replace("\n", "").strip(),
    )
