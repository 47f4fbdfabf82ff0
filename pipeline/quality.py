"""Checks across reports, stored as flags of kind ``quality`` with their evidence in ``flags.details``.

quality.jump          a figure more than 5× or less than 0.2× the same body's figure the year before
quality.negative      a negative count or amount (the 2019 form's 本年增/减 columns may be negative)
quality.percent       a share above 100 %: a derived pct.* figure (its parts disagree) or a rate in the text
quality.children_sum  a city's or province's report against the sum of its divisions' reports of that year:
                      the whole smaller than its loaded parts, or different from them when every part is loaded
quality.late          a report published after the legal deadline for its year (``late_flags``)

The checks are pure functions over plain records; ``refresh_quality_flags`` loads the records, runs them and
replaces the stored quality flags in one transaction: of every report, or of the body-years that depend on the
ones that changed (``dependants``: what the checks compare), which is what pipeline.pending asks for.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Collection, Iterable, Mapping
from dataclasses import dataclass, field
from datetime import date
from functools import lru_cache
from pathlib import Path

from sqlalchemy import delete, insert, or_, select
from sqlalchemy.engine import Engine
from sqlalchemy.orm import Session

from pipeline.bodies import is_whole_area, whole_area_body
from pipeline.db import CellRow, DocumentRow, FactRow, FlagRow, ReportRow, in_lists, lock, unindexed
from pipeline.views import HANDLED, SHARES, sums

KIND = "quality"
JUMP_HIGH, JUMP_LOW = 5.0, 0.2
# The larger of the two figures must reach this: 1 → 6 requests is noise, not a jump worth a reader's time.
MIN_JUMP_BASE = 20
# From or to 0 has no ratio; a figure of at least this beside a 0 is flagged as a jump all the same.
MIN_FROM_ZERO = 100
# Compared between a whole and its parts: the headline counts every level reports the same way.
CHILD_SUM_KEYS = (
    "requests.received.total", "requests.carried_over.total", HANDLED, "requests.carried_forward.total",
    "appeals.review.total", "appeals.litigation_direct.total", "appeals.litigation_after_review.total",
    "proactive.art20_5.licensing.decisions", "proactive.art20_6.penalty.decisions",
    "proactive.art20_6.coercion.decisions",
)
GOVERNMENT = (None, "government", "general_office")  # issuer kinds whose report speaks for the whole division


@dataclass(frozen=True)
class ReportFigures:
    report_id: int
    source: str
    region: str | None
    admin_code: str | None
    region_level: str | None
    issuer: str | None
    issuer_kind: str | None
    year: int | None
    values: Mapping[str, float] = field(default_factory=dict)
    body_key: str | None = None  # reports.body (pipeline.bodies)
    body_label: str | None = None
    copy_rank: int | None = None

    @property
    def body(self) -> tuple | str:
        """The same body across years: reports.body, as pipeline.bodies defines it (on plain records made
        without one: the division code, or region, and the normalised issuer)."""
        return self.body_key or (self.admin_code or self.region, self.issuer)

    def label(self) -> str:
        return f"{self.source} ({self.body_label or self.issuer or self.region or '?'} {self.year or '?'})"


@dataclass(frozen=True)
class RateFact:
    report_id: int
    value: float
    raw: str
    sentence: str
    page: int | None


@dataclass(frozen=True)
class QualityFlag:
    report_id: int
    check: str
    message: str
    key: str | None = None
    where: str | None = None
    expected: float | None = None
    found: float | None = None
    page: int | None = None
    details: dict = field(default_factory=dict)


def _n(value: float) -> str:
    return f"{value:,.0f}" if float(value).is_integer() else f"{value:,.2f}"


def _first_per_body_year(reports: Iterable[ReportFigures]) -> dict[tuple, ReportFigures]:
    """One report per body and year: the copy that counts (copy_rank 0; on plain records, the first loaded)."""
    out: dict[tuple, ReportFigures] = {}
    for r in sorted(reports, key=lambda r: (r.copy_rank or 0, r.report_id)):
        if r.year is not None and r.body != (None, None):
            out.setdefault((r.body, r.year), r)
    return out


def _speaks_for_area(r: ReportFigures) -> bool:
    """A government's report for its whole area (not its office's, nor its own organ's: pipeline.bodies)."""
    return is_whole_area(r.body_key) if r.body_key else r.issuer_kind in GOVERNMENT


def _signed(key: str) -> bool:
    return key.endswith(".change")  # ed2019 本年增/减: a change, legitimately negative, with no ratio


# --- the checks ---------------------------------------------------------------------------------------------


def jump_flags(reports: list[ReportFigures]) -> list[QualityFlag]:
    firsts = _first_per_body_year(reports)
    out = []
    for r in sorted(reports, key=lambda r: r.report_id):
        prev = firsts.get((r.body, r.year - 1)) if r.year is not None else None
        if prev is None:
            continue
        for key, found in r.values.items():
            before = prev.values.get(key)
            if before is None or _signed(key):
                continue
            if before > 0 and found > 0:
                ratio = found / before
                if max(before, found) < MIN_JUMP_BASE or JUMP_LOW <= ratio <= JUMP_HIGH:
                    continue
                what = f"{ratio:.1f}×" if ratio > 1 else f"{ratio:.2f}×"
            elif (before == 0) != (found == 0) and max(before, found) >= MIN_FROM_ZERO:
                ratio, what = None, "from 0" if before == 0 else "to 0"
            else:
                continue
            out.append(QualityFlag(
                r.report_id, "quality.jump",
                f"quality.jump [{key}]: {_n(found)} in {r.year} against {_n(before)} in {prev.year} ({what}) "
                f"in {prev.label()}",
                key=key, where=f"vs {prev.year}", expected=before, found=found,
                details={"previous_report_id": prev.report_id, "previous_source": prev.source,
                         "previous_year": prev.year, "previous": before, "current": found, "ratio": ratio},
            ))
    return out


def negative_flags(reports: list[ReportFigures]) -> list[QualityFlag]:
    return [
        QualityFlag(r.report_id, "quality.negative", f"quality.negative [{key}]: {_n(value)} is below zero",
                    key=key, found=value, details={"value": value})
        for r in sorted(reports, key=lambda r: r.report_id)
        for key, value in r.values.items()
        if value < 0 and not _signed(key)
    ]


def share_values(values: Mapping[str, float]) -> dict[str, tuple[float, float, float]]:
    """pct.* of one report as (percent, numerator, denominator), the report_summary view's arithmetic."""
    known = dict(values)
    for s in sums():
        parts = [values[k] for k in s.keys if k in values]
        if parts:
            known[s.name] = sum(parts)
    out = {}
    for share in SHARES:
        num, den = known.get(share.numerator), known.get(share.denominator)
        if num is not None and den:
            out[share.name] = (100.0 * num / den, num, den)
    return out


def percent_flags(reports: list[ReportFigures], facts: list[RateFact]) -> list[QualityFlag]:
    shares = {s.name: s for s in SHARES}
    out = []
    for r in sorted(reports, key=lambda r: r.report_id):
        for name, (pct, num, den) in share_values(r.values).items():
            if pct > 100 + 1e-9:
                s = shares[name]
                out.append(QualityFlag(
                    r.report_id, "quality.percent",
                    f"quality.percent [{name}]: {pct:.1f}% — {s.numerator} = {_n(num)} exceeds "
                    f"{s.denominator} = {_n(den)}",
                    key=name, expected=100.0, found=pct,
                    details={"numerator": s.numerator, "numerator_value": num, "denominator": s.denominator,
                             "denominator_value": den},
                ))
    for f in facts:
        if f.value > 100:
            out.append(QualityFlag(
                f.report_id, "quality.percent", f"quality.percent [text]: {f.raw} in “{f.sentence[:80]}”",
                where="text", expected=100.0, found=f.value, page=f.page,
                details={"raw": f.raw, "sentence": f.sentence},
            ))
    return out


def children_flags(reports: list[ReportFigures], parent_of, children_count) -> list[QualityFlag]:
    """``parent_of(code, year)`` -> the division's parent code; ``children_count(code, year)`` -> how many
    divisions that code had that year (both from the division table, passed in to keep this pure)."""
    firsts = _first_per_body_year(r for r in reports if _speaks_for_area(r) and r.admin_code)
    children: dict[tuple[str, int], list[ReportFigures]] = defaultdict(list)
    for (_body, year), r in firsts.items():
        parent = parent_of(r.admin_code, year)
        if parent:
            children[(parent, year)].append(r)
    out = []
    for r in sorted(reports, key=lambda r: r.report_id):
        if not _speaks_for_area(r) or not r.admin_code or r.region_level not in ("prefecture", "province"):
            continue
        kids = sorted(children.get((r.admin_code, r.year), []), key=lambda k: k.admin_code)
        if not kids:
            continue
        expected_n = children_count(r.admin_code, r.year)
        complete = expected_n is not None and len({k.admin_code for k in kids}) >= expected_n
        for key in CHILD_SUM_KEYS:
            whole = r.values.get(key)
            parts = [k.values.get(key) for k in kids]
            if whole is None or any(p is None for p in parts):
                continue
            total = sum(parts)
            if whole < total or (complete and whole != total):
                coverage = f"{len(kids)} of {expected_n}" if expected_n else f"{len(kids)}"
                out.append(QualityFlag(
                    r.report_id, "quality.children_sum",
                    f"quality.children_sum [{key}]: {_n(whole)} but its divisions' reports add up to {_n(total)} "
                    f"({coverage} divisions loaded: " + ", ".join(f"{k.region} {_n(v)}" for k, v in zip(kids, parts))
                    + ")",
                    key=key, where=f"{len(kids)} of {expected_n or '?'} divisions", expected=total, found=whole,
                    details={"children": [{"report_id": k.report_id, "source": k.source, "region": k.region,
                                           "admin_code": k.admin_code, "value": v} for k, v in zip(kids, parts)],
                             "children_loaded": len(kids), "children_expected": expected_n, "complete": complete},
                ))
    return out


# --- the division table: parents and children ---------------------------------------------------------------


@lru_cache(maxsize=1)
def _division_index() -> DivisionIndex:
    """The division table's parents and children, kept between processes (extractors.cache: ~0.25 s to build, a
    few ms to load)."""
    from extractors import cache
    from extractors.regions import table_sources

    return cache.kept("division-spans", _build_division_index, DivisionIndex, [*table_sources(), Path(__file__)])


@dataclass(frozen=True)
class DivisionIndex:
    """Each division's parent over the years, as spans of years (a few per division, where a year each made
    ~140,000 entries and 50 ms of every completion to load).

    ``spans``: code → ((first year, last year, parent code), …) in order of years; ``under``: parent code →
    ((code, first year, last year), …), the same spans by parent; ``last_kids``: parent code → the codes whose
    parent in their last year it is; ``latest``: the table's latest year."""

    spans: dict[str, tuple[tuple[int, int, str], ...]]
    under: dict[str, tuple[tuple[str, int, int], ...]]
    last_kids: dict[str, frozenset[str]]
    latest: int

    def kids(self, code: str, year: int) -> set[str]:
        return {kid for kid, first, last in self.under.get(code, ()) if first <= year <= last}


def _build_division_index() -> DivisionIndex:
    from extractors.regions import division_table

    table = division_table()
    everything = [d for ds in table.by_name.values() for d in ds]

    def code_of(name: str, level: str, province: str, years: frozenset[int]) -> str | None:
        found = [d for d in table.by_name.get(name, ()) if d.level == level and d.province == province]
        found.sort(key=lambda d: -len(d.years & years))  # the one in force in the same years
        return found[0].code if found else None

    parents: dict[str, dict[int, str]] = defaultdict(dict)
    for d in everything:
        if d.level == "province":
            continue
        if d.level == "county" and d.prefecture:
            parent = code_of(d.prefecture, "prefecture", d.province, d.years)
        else:  # a prefecture, or a county directly under a municipality or province
            parent = code_of(d.province, "province", d.province, d.years)
        if parent:
            for y in d.years:
                parents[d.code][y] = parent
    spans: dict[str, tuple[tuple[int, int, str], ...]] = {}
    under: dict[str, list[tuple[str, int, int]]] = defaultdict(list)
    last_kids: dict[str, set[str]] = defaultdict(set)
    for code, by_year in parents.items():
        runs: list[list] = []  # [first, last, parent]: consecutive years under one parent
        for y in sorted(by_year):
            if runs and runs[-1][1] == y - 1 and runs[-1][2] == by_year[y]:
                runs[-1][1] = y
            else:
                runs.append([y, y, by_year[y]])
        spans[code] = tuple((first, last, parent) for first, last, parent in runs)
        for first, last, parent in runs:
            under[parent].append((code, first, last))
        last_kids[runs[-1][2]].add(code)
    return DivisionIndex(spans, {p: tuple(sorted(v)) for p, v in under.items()},
                         {p: frozenset(v) for p, v in last_kids.items()}, table.latest_year)


def parent_of(code: str, year: int | None) -> str | None:
    """The division's parent code in ``year`` (the table's latest year for None); for a year the table does not
    give it a parent, its parent in its last year; None for a province or a code the table does not hold."""
    index = _division_index()
    spans = index.spans.get(code)
    if not spans:
        return None
    y = year if year is not None else index.latest
    return next((parent for first, last, parent in spans if first <= y <= last), spans[-1][2])


def children_codes(code: str, year: int | None) -> set[str]:
    """Every division code whose parent_of in ``year`` may be ``code`` (a superset: those of the table's year,
    and those whose last parent it is, which parent_of answers for a year the table does not have)."""
    index = _division_index()
    return index.kids(code, year if year is not None else index.latest) | index.last_kids.get(code, frozenset())


def children_count(code: str, year: int | None) -> int | None:
    index = _division_index()
    y = min(year, index.latest) if year is not None else index.latest  # reports of years the table does not reach yet
    return len(index.kids(code, y)) or None


BodyYear = tuple[str, "int | None"]  # reports.body, reports.year


def dependants(changed: Iterable[BodyYear]) -> set[BodyYear]:
    """The body-years whose quality flags may change when a report of the body-years ``changed`` is stored,
    replaced, removed, renamed or re-ranked: each itself (its own figures: negative, percent, late; which copy
    counts), the same body's next year (quality.jump compares a report with the year before), and, for a
    division's whole-area report, its parent division's whole-area report of that year (quality.children_sum
    adds up the divisions under a city or province)."""
    out = set()
    for body, year in changed:
        out.add((body, year))
        if year is not None:
            out.add((body, year + 1))
        if body and is_whole_area(body):
            parent = parent_of(body.partition("|")[0], year)
            if parent:
                out.add((whole_area_body(parent), year))
    return out


def _may_have_children(reports: list[ReportFigures]) -> bool:
    """Whether any loaded pair could be a whole and its part (GB/T 2260 prefixes), before reading the table."""
    wholes = {r.admin_code for r in reports if r.admin_code and r.region_level in ("prefecture", "province")}
    return any(r.admin_code and r.admin_code not in wholes and any(
        r.admin_code.startswith(w[:4] if w.endswith("00") and not w.endswith("0000") else w[:2]) for w in wholes)
        for r in reports)


def check_all(reports: list[ReportFigures], facts: list[RateFact]) -> list[QualityFlag]:
    flags = jump_flags(reports) + negative_flags(reports) + percent_flags(reports, facts)
    if _may_have_children(reports):
        flags += children_flags(reports, parent_of, children_count)
    return flags


# --- published late -----------------------------------------------------------------------------------------


@dataclass(frozen=True)
class Publication:
    report_id: int
    source: str
    issuer_kind: str | None
    region_level: str | None
    year: int | None
    published: date | None
    published_source: str | None = None


# 政府信息公开条例 (2019 revision, in force 15 May 2019), art. 49: 县级以上人民政府部门 publish their report by
# 31 January; the 政府信息公开工作主管部门 of a county-or-higher government publishes that government's own
# report by 31 March. Art. 50 lists their content. The 2008 条例 (art. 31) had one deadline for every organ,
# 31 March, for reports of 2008-2018.
NEW_RULES_FROM = 2019  # the first report year published under the 2019 revision (in early 2020)
GOVERNMENT_LEVELS = ("province", "prefecture", "county")


def deadline(year: int, issuer_kind: str | None, region_level: str | None) -> tuple[date, str] | None:
    """The last lawful publication date of a report of ``year`` and the rule that sets it; None when the 条例
    sets none the issuer is known to fall under (a township's own report). An issuer of unknown kind gets the
    later deadline, 31 March: whichever kind it is, a report published after that is late."""
    if year < NEW_RULES_FROM:
        return date(year + 1, 3, 31), "条例 (2008) art. 31: every organ by 31 March"
    if issuer_kind == "township":
        return None  # art. 49 names 县级以上 governments and their departments only
    if issuer_kind in ("department", "general_office"):  # a 办公厅/办公室 is one of the government's organs
        return date(year + 1, 1, 31), "条例 (2019) art. 49: a department's report by 31 January"
    if issuer_kind == "government" and region_level in GOVERNMENT_LEVELS:
        return date(year + 1, 3, 31), "条例 (2019) art. 49: a county-or-higher government's report by 31 March"
    return date(year + 1, 3, 31), "条例 (2019) art. 49: by 31 March at the latest (the issuer's kind is not known)"


def late_flags(publications: Iterable[Publication]) -> list[QualityFlag]:
    """A flag for each report published after its deadline (see ``deadline``); found is the days late."""
    out = []
    for p in sorted(publications, key=lambda p: p.report_id):
        if p.published is None or p.year is None:
            continue
        due = deadline(p.year, p.issuer_kind, p.region_level)
        if due is None or p.published <= due[0]:
            continue
        last, rule = due
        days = (p.published - last).days
        source = f" ({p.published_source})" if p.published_source else ""
        out.append(QualityFlag(
            p.report_id, "quality.late",
            f"quality.late: published {p.published.isoformat()}{source}, {days} day(s) after the deadline "
            f"{last.isoformat()} for its {p.year} report — {rule}",
            expected=0.0, found=float(days),
            details={"published": p.published.isoformat(), "published_source": p.published_source,
                     "deadline": last.isoformat(), "days_late": days, "rule": rule},
        ))
    return out


def load_publications(session: Session, ids: Collection[int] | None = None) -> list[Publication]:
    query = (select(ReportRow.id, DocumentRow.name, ReportRow.issuer_kind, ReportRow.region_level, ReportRow.year,
                    ReportRow.published, ReportRow.published_source)
             .join(DocumentRow, DocumentRow.id == ReportRow.document_id).where(ReportRow.published.is_not(None)))
    rows = sorted((row for q in _where_ids(query, ReportRow.id, ids) for row in session.execute(q)),
                  key=lambda row: row[0])
    return [Publication(*row) for row in rows]


# --- the database edge --------------------------------------------------------------------------------------


def _where_ids(query, column, ids: Collection[int] | None):
    """``query`` for all rows (ids None) or, chunk by chunk, for the rows whose ``column`` is in ``ids``."""
    if ids is None:
        return [query]
    return [query.where(column.in_(part)) for part in in_lists(sorted(ids))]


def load_reports(session: Session, ids: Collection[int] | None = None,
                 keys: Collection[str] | None = None) -> list[ReportFigures]:
    """The reports (every one, or those of ``ids``) with their canonical figures (all, or those of ``keys``),
    by report id."""
    values: dict[int, dict[str, float]] = defaultdict(dict)
    # in the order they were stored, whichever index a chunk's IN (…) takes: a report's flags come in one order
    cells = select(CellRow.report_id, CellRow.key, CellRow.value).where(
        CellRow.key.is_not(None), CellRow.value.is_not(None)).order_by(CellRow.report_id, CellRow.id)
    if keys is not None:
        cells = cells.where(CellRow.key.in_(sorted(keys)))
    conn = session.connection()  # a Core result streams its rows: the ORM's buffered a chunk's 100,000 cells (~15 MB)
    for query in _where_ids(cells, CellRow.report_id, ids):
        for report_id, key, value in conn.execute(query):
            values[report_id][key] = value
    reports = (select(ReportRow.id, DocumentRow.name, ReportRow.region, ReportRow.admin_code,
                      ReportRow.region_level, ReportRow.issuer, ReportRow.issuer_kind, ReportRow.year, ReportRow.body,
                      ReportRow.body_label, ReportRow.copy_rank)
               .join(DocumentRow, DocumentRow.id == ReportRow.document_id))
    rows = sorted((row for query in _where_ids(reports, ReportRow.id, ids) for row in session.execute(query)),
                  key=lambda row: row[0])
    return [ReportFigures(*row[:8], values=values.get(row[0], {}), body_key=row[8], body_label=row[9],
                          copy_rank=row[10]) for row in rows]


def _counted(session: Session, ids: Collection[int]) -> set[int]:
    """Those of the reports ``ids`` that count for their body-year (copy_rank 0, or not ranked yet): a
    body-year printed in a thousand copies costs its one counted copy's figures, not a thousand."""
    query = select(ReportRow.id).where(or_(ReportRow.copy_rank.is_(None), ReportRow.copy_rank == 0))
    return {rid for q in _where_ids(query, ReportRow.id, ids) for (rid,) in session.execute(q)}


def load_rate_facts(session: Session, ids: Collection[int] | None = None) -> list[RateFact]:
    facts = select(FactRow.report_id, FactRow.value, FactRow.raw, FactRow.sentence, FactRow.page, FactRow.ord) \
        .where(FactRow.kind == "percent", FactRow.value > 100)
    rows = sorted((row for query in _where_ids(facts, FactRow.report_id, ids) for row in session.execute(query)),
                  key=lambda row: (row[0], row[5]))
    return [RateFact(*row[:5]) for row in rows]


def _scope(session: Session, targets: set[BodyYear]) -> tuple[set[int], set[int], set[int]]:
    """(context, sums, target ids): the reports of the body-years ``targets``, whose flags are recomputed, and
    with them every report their checks read — the same bodies' other years, and the whole-area reports of the
    divisions under a whole-area target. ``sums``: those of the context read only as a division under a whole
    (quality.children_sum), which need only the figures it adds up (CHILD_SUM_KEYS)."""
    wanted = set(targets)
    parents = {(body.partition("|")[0], year) for body, year in targets if is_whole_area(body)}
    for year in {year for _, year in parents}:
        same_year = unindexed(ReportRow.year).is_(None) if year is None else unindexed(ReportRow.year) == year
        # the reports of the divisions the table may put under these parents (by the admin_code index), not
        # every whole-area report of the year: what a probe of 20 files cost grew with the database
        codes = sorted(set().union(*(children_codes(p, year) for p, y in parents if y == year)))
        for part in in_lists(codes):
            for body, code in session.execute(select(ReportRow.body, ReportRow.admin_code).distinct().where(
                    same_year, ReportRow.admin_code.in_(part), ReportRow.body.like("%|人民政府"))):
                if code and is_whole_area(body) and (parent_of(code, year), year) in parents:
                    wanted.add((body, year))
    bodies = sorted({body for body, _ in wanted})
    context, sums, target_ids = set(), set(), set()
    for part in in_lists(bodies):  # every year of these bodies: few, and the year before is among them
        for rid, body, year in session.execute(select(ReportRow.id, ReportRow.body, ReportRow.year)
                                               .where(ReportRow.body.in_(part))):
            before = year is not None and (body, year + 1) in targets  # a target's year before: quality.jump
            if (body, year) in targets:
                target_ids.add(rid)
                context.add(rid)
            elif before:
                context.add(rid)
            elif (body, year) in wanted:
                context.add(rid)
                sums.add(rid)
    return context, sums, target_ids


# body-years recomputed at a time. A chunk holds the figures of every report its checks read (the year before,
# a whole area's divisions): 200 held 13-26 MB at its peak on a 10,000-report database, 100 about half that, for
# ~25 % more CPU in this stage (more reports read twice, by two chunks); 50 cost twice the CPU of 200.
CHANGED_CHUNK = 100


def refresh_quality_flags(engine: Engine, changed: Iterable[BodyYear] | None = None, *,
                          chunk: int = CHANGED_CHUNK) -> list[QualityFlag]:
    """Recompute the quality flags, the old ones deleted and the new ones added in one transaction: every one
    (``changed`` None: every body-year changed), or those of the body-years that depend on the body-years
    ``changed`` (``dependants``), ``chunk`` changed body-years at a time (each with the reports its checks
    read), so that memory stays flat however many a run changed and however large the database. Returns the flags made (:func:`refresh_quality_count`: only how many)."""
    by_report: dict[int, list[QualityFlag]] = {}

    def keep(target: int, flags: list[QualityFlag]) -> None:
        by_report[target] = flags

    _refresh(engine, changed, chunk, keep)
    return [f for found in by_report.values() for f in found]


def refresh_quality_count(engine: Engine, changed: Iterable[BodyYear] | None = None, *,
                          chunk: int = CHANGED_CHUNK) -> int:
    """:func:`refresh_quality_flags`, returning how many flags it made: a run that changed 9,000 body-years does
    not hold their flags (and their evidence) in memory to count them."""
    by_report: dict[int, int] = {}

    def keep(target: int, flags: list[QualityFlag]) -> None:
        by_report[target] = len(flags)

    _refresh(engine, changed, chunk, keep)
    return sum(by_report.values())


def _refresh(engine: Engine, changed: Iterable[BodyYear] | None, chunk: int, keep) -> None:
    """The flags recomputed and stored (see :func:`refresh_quality_flags`); ``keep(report id, its flags)`` for
    every report recomputed, the last call for a report standing (a report two chunks depend on)."""
    from pipeline.pending import pause

    with Session(engine) as session, session.begin():
        # two ingests at once: the second recomputes after the first has written, reading what it wrote
        lock(session.connection(), "quality flags")
        if changed is None:  # every body-year, in chunks as well: memory flat at any size of database
            session.execute(delete(FlagRow).where(FlagRow.kind == KIND))  # those of reports without a body too
            changed = session.execute(select(ReportRow.body, ReportRow.year).distinct()
                                      .where(ReportRow.body.is_not(None))).all()
            changed = [tuple(by) for by in changed]
        ordered = sorted(set(changed), key=lambda by: (by[0] or "", by[1] is None, by[1] or 0))
        for i in range(0, len(ordered), chunk):  # a body's years in one chunk, mostly
            made, targets = _refresh_flags(session, ordered[i:i + chunk])
            found = _by_report(made)
            for target in targets:
                keep(target, found.get(target, []))
        pause("quality-written")  # a test's kill lands here: inside the transaction, nothing committed


def _by_report(flags: list[QualityFlag]) -> dict[int, list[QualityFlag]]:
    out: dict[int, list[QualityFlag]] = defaultdict(list)
    for f in flags:
        out[f.report_id].append(f)
    return out


def _refresh_flags(session: Session, changed: list[BodyYear] | None) -> tuple[list[QualityFlag], set[int]]:
    """The quality flags of every report (``changed`` None) or of the dependants of ``changed``, stored in place
    of the old ones (not committed); and the reports recomputed (``changed`` None: an empty set)."""
    targets = None
    if changed is None:
        context = None
    else:
        context, sums, targets = _scope(session, dependants(changed))
        context = _counted(session, context)  # a body-year's other copies: neither read nor flagged
    # each finding once: on the copy of a body-year that counts, not once per format copy
    if context is None:
        loaded = load_reports(session)
    else:  # a whole area's divisions, read for their sums only: a province may have a hundred of them
        loaded = sorted(load_reports(session, context - sums)
                        + load_reports(session, context & sums, CHILD_SUM_KEYS), key=lambda r: r.report_id)
    counted = [r for r in loaded if not r.copy_rank]
    ids = {r.report_id for r in counted}
    flags = check_all(counted, [f for f in load_rate_facts(session, ids) if f.report_id in ids])
    flags += late_flags([p for p in load_publications(session, ids) if p.report_id in ids])
    if targets is None:
        session.execute(delete(FlagRow).where(FlagRow.kind == KIND))
    else:
        flags = [f for f in flags if f.report_id in targets]
        for query in _where_ids(delete(FlagRow).where(unindexed(FlagRow.kind) == KIND), FlagRow.report_id, targets):
            session.execute(query)
    if flags:  # one executemany, in this order (the rows' ids as before); no ORM object per flag
        session.execute(insert(FlagRow), [
            dict(report_id=f.report_id, kind=KIND, identity=f.check, message=f.message, key=f.key, where=f.where,
                 expected=f.expected, found=f.found, page=f.page, details=f.details or None)
            for f in flags])
    return flags, targets or set()
