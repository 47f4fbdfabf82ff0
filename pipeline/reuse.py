"""Text reuse (重复率): the share of a report's narrative sentences that repeat the same body's report of the
year before — what evaluators of these reports check for copy-paste.

Definition (stated once, used by the metric, the stored table and ``gongkai diff``):

- a *sentence* is a run of the narrative (``sections.text``) ending at 。！？； (or their ASCII forms) or a line
  break; whitespace is dropped; sentences shorter than ``MIN_CHARS`` characters after masking (a bare heading,
  "无。") are not counted;
- *figures are masked*: every run of digits (with its decimal point, thousands separators, %) and every run of
  Chinese numerals (零〇一二三四五六七八九十百千万亿两) becomes one token "#", so "2020年受理申请663件" and
  "2021年受理申请576件" are the same sentence;
- a sentence of this year is *reused* when some sentence of last year's report (anywhere in it: copied text
  moves between sections) has rapidfuzz's ``fuzz.ratio`` (normalised Indel similarity, 0–100) ≥ ``THRESHOLD``
  with it after masking;
- the *share* is reused / counted sentences, per top-level section (一、总体情况 …; the preface before the first
  heading is "（标题与前言）") and for the whole report; ``None`` when there is no previous report or no sentence.

``THRESHOLD`` was chosen on hand-labelled sentence pairs (tests/data/text_reuse_pairs.yaml, "tune" half) and
is checked on the other half ("held_out") by tests/test_reuse.py.

Stored per report in the table ``text_reuse`` (revision 0006): one row for the whole report (section '') and one
per top-level section, with the previous report compared against; ``refresh_text_reuse`` fills it after every
ingest, recomputing only the reports whose previous-year report changed. The metrics view exposes the whole-report
share in % as the metric ``text_reuse``.
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Collection, Iterable, Sequence
from dataclasses import dataclass

from sqlalchemy import delete, insert, select
from sqlalchemy.engine import Connection, Engine

from pipeline.db import ReportRow as R
from pipeline.db import SectionRow as S
from pipeline.db import TextReuseRow, in_lists, lock

THRESHOLD = 70.0  # fuzz.ratio on masked sentences; chosen on the "tune" pairs (see the module docstring)
MIN_CHARS = 8
WHOLE = ""  # the section value of the whole-report row
_CHUNK = 100  # reports computed per round of statements: their sections' texts are held meanwhile
PREFACE = "（标题与前言）"

_END = re.compile(r"[。！？；!?;\n]+")
_NUMBER = re.compile(r"[0-9０-９]+(?:[.．,，][0-9０-９]{3})*(?:[.．][0-9０-９]+)?\s*[%％‰]?|[零〇一二三四五六七八九十百千万亿两]+")
_SPACE = re.compile(r"\s+")



def mask(sentence: str) -> str:
    """The sentence without whitespace and with every figure (Arabic or Chinese numerals) as one "#"."""
    return _NUMBER.sub("#", _SPACE.sub("", sentence))


def sentences(text: str) -> list[str]:
    """The counted sentences of a text, as printed (whitespace dropped), in order."""
    out = []
    for part in _END.split(text or ""):
        part = _SPACE.sub("", part)
        if len(mask(part)) >= MIN_CHARS:
            out.append(part)
    return out


def top_section(path: str) -> str:
    """The top-level section a section path ("一、总体情况 / （一）主动公开方面") belongs to."""
    head = (path or "").split(" / ")[0].strip()
    return head or PREFACE


@dataclass(frozen=True)
class SectionReuse:
    section: str  # WHOLE ('') or a top-level section title
    sentences: int
    reused: int

    @property
    def share(self) -> float | None:
        return self.reused / self.sentences if self.sentences else None


@dataclass(frozen=True)
class Match:
    section: str
    sentence: str  # this year's, as printed
    previous: str  # the closest of last year's, as printed
    score: float  # fuzz.ratio of the masked pair, 0–100


@dataclass(frozen=True)
class Reuse:
    whole: SectionReuse
    sections: tuple[SectionReuse, ...]  # in the order of the report
    matches: tuple[Match, ...]  # every sentence of this year with its closest of last year's (score ≥ 0)

    @property
    def share(self) -> float | None:
        return self.whole.share


def compare_texts(current: Iterable[tuple[str, str]], previous: Iterable[tuple[str, str]] | None,
                  threshold: float = THRESHOLD) -> Reuse:
    """Reuse of ``current`` against ``previous``, each a sequence of (section path, text) as stored in
    ``sections``. ``previous`` None: nothing to compare with (sentences are counted, shares are None)."""
    from rapidfuzz import fuzz, process

    mine = [(top_section(path), s) for path, text in current for s in sentences(text)]
    theirs = [s for _path, text in (previous or ()) for s in sentences(text)]
    best: list[tuple[int, float]] = [(-1, 0.0)] * len(mine)
    if mine and theirs:
        # the closest of last year's sentences to each (the first of equals); not process.cdist, whose matrix
        # imports numpy into the storing process (15 MB and 0.1 s of every ingest's completion)
        choices = [mask(s) for s in theirs]
        best = [(j, score) for _, score, j in (process.extractOne(mask(s), choices, scorer=fuzz.ratio)
                                               for _, s in mine)]
    counted: dict[str, list[int]] = defaultdict(lambda: [0, 0])
    matches = []
    for (section, sentence), (j, score) in zip(mine, best):
        counted[section][0] += 1
        if previous is not None and score >= threshold:
            counted[section][1] += 1
        if j >= 0:
            matches.append(Match(section, sentence, theirs[j], round(score, 1)))
    sections = tuple(SectionReuse(name, n, k) for name, (n, k) in counted.items())
    whole = SectionReuse(WHOLE, sum(s.sentences for s in sections), sum(s.reused for s in sections))
    if previous is None:
        return Reuse(whole, sections, ())
    return Reuse(whole, sections, tuple(matches))


# --- stored per report ----------------------------------------------------------------------------------------


def same_body_previous_year(conn: Connection, bodies: Collection[str] | None = None) -> dict[int, int | None]:
    """For every report with a year (of the ``bodies`` given, or all): the counted copy (copy_rank 0) of the
    same body's report for the year before, or None. The body is pipeline.bodies' one definition (reports.body,
    settled at ingest). One query, whatever the number of reports (one per 500 bodies given)."""
    return {rid: previous for rid, _body, _year, previous in _previous_years(conn, bodies)}


def _previous_years(conn: Connection, bodies: Collection[str] | None) -> list[tuple[int, str | None, int, int | None]]:
    """(report id, body, year, the counted copy of the body's year before or None) of every report with a year."""
    query = select(R.id, R.body, R.year, R.copy_rank).where(R.year.is_not(None))
    parts = [query] if bodies is None else [query.where(R.body.in_(part)) for part in in_lists(sorted(bodies))]
    rows = sorted((row for part in parts for row in conn.execute(part)), key=lambda row: row[0])
    counted: dict[tuple, int] = {}
    for rid, body, year, rank in rows:
        if body is not None and not rank:
            counted.setdefault((body, year), rid)
    return [(rid, body, year, counted.get((body, year - 1)) if body is not None else None)
            for rid, body, year, _ in rows]


def dependants(changed: Iterable[tuple[str, int | None]]) -> set[tuple[str, int | None]]:
    """The body-years whose text reuse may change when a report of the body-years ``changed`` is stored,
    replaced, removed or re-ranked: each itself, and the same body's next year (compared with it)."""
    return {by for body, year in changed for by in ((body, year), (body, year + 1) if year is not None else None)
            if by is not None}


def section_texts(conn: Connection, report_id: int) -> list[tuple[str, str]]:
    """(path, text) of a report's sections, in order."""
    return sections_of(conn, [report_id]).get(report_id, [])


def sections_of(conn: Connection, report_ids: Collection[int]) -> dict[int, list[tuple[str, str]]]:
    """(path, text) of each report's sections, in order, by report id (a report without sections: absent).
    One query per 500 reports."""
    out: dict[int, list[tuple[str, str]]] = {}
    for part in in_lists(sorted(report_ids)):
        query = select(S.report_id, S.path, S.text).where(S.report_id.in_(part)).order_by(S.report_id, S.ord)
        for rid, path, text in conn.execute(query):
            out.setdefault(rid, []).append((path, text))
    return out


def refresh_text_reuse(engine: Engine, changed: Iterable[tuple[str, int | None]] | None = None) -> int:
    """Bring ``text_reuse`` up to date for every report with a year (``changed`` None), or for the reports of the
    body-years that depend on the body-years ``changed`` (``dependants``); returns how many were computed.

    A report is computed again only when its rows are missing (it is new or replaced, or the report they were
    computed against was deleted: both foreign keys cascade) or its previous-year report is not the one they
    were computed against (one arrived).
    """
    reuse_table = TextReuseRow.__table__
    t = reuse_table.c
    computed = 0
    with engine.begin() as conn:
        lock(conn, "text_reuse")  # two ingests finishing together compute it one after the other
        if changed is None:
            previous_of = same_body_previous_year(conn)
            stored = dict(conn.execute(select(t.report_id, t.previous_report_id).where(t.section == WHOLE)).all())
        else:
            targets = dependants(changed)
            previous_of = {rid: previous for rid, body, year, previous
                           in _previous_years(conn, {body for body, _ in targets}) if (body, year) in targets}
            stored = {}
            for part in in_lists(sorted(previous_of)):
                stored.update(conn.execute(select(t.report_id, t.previous_report_id)
                                           .where(t.section == WHOLE, t.report_id.in_(part))).all())
        # in report id order: a body's reports were mostly loaded one year after the other, so a report's
        # previous one is often in the same chunk (or the one before, whose texts are still held)
        todo = [(rid, previous) for rid, previous in sorted(previous_of.items())
                if rid not in stored or stored[rid] != previous]
        held: dict[int, list[tuple[str, str]]] = {}
        for start in range(0, len(todo), _CHUNK):
            chunk = todo[start:start + _CHUNK]
            wanted = {rid for pair in chunk for rid in pair if rid is not None}
            held = {rid: held[rid] for rid in wanted & held.keys()}  # memory flat: this chunk's texts only
            held.update(sections_of(conn, wanted - held.keys()))
            rows = []
            for rid, previous in chunk:
                result = compare_texts(held.get(rid, ()), held.get(previous, ()) if previous is not None else None)
                rows += [{"report_id": rid, "section": s.section[:200], "previous_report_id": previous,
                          "sentences": s.sentences, "reused": s.reused,
                          "share": s.share if previous is not None else None}
                         for s in (result.whole, *_unique(result.sections))]
            conn.execute(delete(reuse_table).where(t.report_id.in_([rid for rid, _ in chunk])))
            conn.execute(insert(reuse_table), rows)
            computed += len(chunk)
    return computed


def _unique(sections: Sequence[SectionReuse]) -> list[SectionReuse]:
    """Sections by their first 200 characters (the key's width), merged if two collide."""
    out: dict[str, SectionReuse] = {}
    for s in sections:
        key = s.section[:200]
        if key == WHOLE:
            continue
        prev = out.get(key)
        out[key] = SectionReuse(key, s.sentences + (prev.sentences if prev else 0),
                                s.reused + (prev.reused if prev else 0))
    return list(out.values())


def stored_reuse(conn: Connection, report_id: int) -> list[dict]:
    """The stored rows of one report: whole first, then its sections."""
    t = TextReuseRow.__table__.c
    rows = conn.execute(select(t.section, t.previous_report_id, t.sentences, t.reused, t.share)
                        .where(t.report_id == report_id)).mappings().all()
    return sorted((dict(r) for r in rows), key=lambda r: r["section"] != WHOLE)

