"""What a reporting body is, and which of a body-year's format copies counts.

A body is its division code + its organ (the normalised issuer with the region's name taken off: 人民政府,
人民政府办公厅, 教育局, 人民政府机关 …), which also fixes its issuer kind. Its key is a string stored on
``reports.body``; its label (上海市 · 人民政府, 上海市 · 办公厅) names it in compare's rows and charts.

- A copy whose issuer was not read (an HTML page with a title and no issuer line) takes its issuer from the
  title's subject (江苏省人民政府关于2020年… → 江苏省人民政府), so it lands on the same body as its other copies.
- A government's report for its whole area (重庆市2020年…: 人民政府) and its own organ's (重庆市人民政府机关2020年…,
  市政府本级: 人民政府机关) are two bodies; so are a government and its general office.
- A report whose division could not be resolved is its own body, named by its printed issuer (or its title's
  subject), never one "?" for all of them. Figures alone never merge bodies.

Copies: the reports of one body and year are its format copies (the same report as PDF, DOCX and HTML). The one
that counts (``copy_rank = 0``) is the best read: fewest flags of its own reading, then most cells read, then
the first loaded. ``copies`` is how many there are; ``copies_disagree`` names the canonical keys whose values
differ between copies (NULL when they agree). ``settle_copies`` recomputes the body-years that changed since it
last ran, found by SQL alone: a copy not ranked yet, or a count that no longer matches (a copy removed).
"""

from __future__ import annotations

import re
import unicodedata
from collections import defaultdict
from collections.abc import Collection, Iterable, Mapping
from dataclasses import dataclass

from sqlalchemy import bindparam, text
from sqlalchemy.engine import Connection


# Flags of a reading that say how well it went; cross-report quality flags are not the copy's own doing.
QUALITY_KIND = "quality"
_ORGAN_OF_GOVERNMENT = "人民政府"
# The title's subject ends before these: 江苏省人民政府关于2020年… / 乌海市2020年… / 某局2020年度…
_SUBJECT_END = re.compile(r"关于|(?:19|20)\d{2}\s*年|[〇零一二][〇零一二三四五六七八九]{3}年|政府信息公开|政务公开|年度报告")
_SPACE = re.compile(r"\s+")
_LEADING_YEAR = re.compile(r"^(?:(?:19|20)\d{2}|[〇零一二][〇零一二三四五六七八九]{3})年度?")
# The organ of a government itself (市政府本级, 人民政府机关), as distinct from its whole area.
_OWN_ORGAN = re.compile(r"^(?:(?:人民)?政府)?(?:机关|本级)$|^(?:人民)?政府(?:机关)?本级$|^[市县区省]?(?:人民)?政府(?:机关|本级)$")


@dataclass(frozen=True)
class Body:
    key: str  # e.g. "310000|人民政府办公厅"; unresolved: "?|某某公司"
    label: str  # e.g. "上海市 · 办公厅"
    region: str | None
    admin_code: str | None
    organ: str  # 人民政府 | 人民政府办公厅 | 教育局 | 人民政府机关 | … | the printed issuer when unresolved
    kind: str | None  # government | general_office | department | township | government_organ | None


def _compact(value: str | None) -> str:
    return _SPACE.sub("", unicodedata.normalize("NFKC", value or ""))


def title_subject(title: str | None) -> str:
    """The part of a title before 关于 / the year / the title phrase: 江苏省人民政府关于2020年… → 江苏省人民政府."""
    t = _LEADING_YEAR.sub("", _compact(title))  # 2020年上海市宝山区政府信息公开…
    m = _SUBJECT_END.search(t)
    return t[: m.start()] if m else ""


def _organ_of(issuer: str | None, region: str | None) -> str | None:
    """The issuer with its region's full name (or a shorter form of it) taken off."""
    issuer = _compact(issuer)
    if not issuer:
        return None
    if region and issuer.startswith(region):
        return issuer[len(region):] or None
    # 重庆市市政府本级 or 泸州市教育局 under 四川省泸州市: drop the longest tail of the region's name it starts with;
    # a short name too (南京人民政府 under 江苏省南京市)
    for i in range(len(region or "")):
        tail = region[i:]
        for name in (tail, tail[:-1] if len(tail) >= 3 and tail[-1] in "省市区县" else None):
            if name and len(name) >= 2 and issuer.startswith(name):
                return issuer[len(name):] or None
    return None


def _normalise_organ(organ: str) -> tuple[str, str | None]:
    """(organ, kind) with the spellings of one organ made one."""
    organ = re.sub(r"^[市县区省]", "", organ) if re.match(r"^[市县区省](?:人民)?政府", organ) else organ
    if _OWN_ORGAN.match(organ):
        return "人民政府机关", "government_organ"
    if re.fullmatch(r"(?:人民)?政府", organ):
        return _ORGAN_OF_GOVERNMENT, "government"
    m = re.fullmatch(r"(?:人民)?政府(办公室|办公厅)|(办公室|办公厅)", organ)
    if m:
        return "人民政府" + (m.group(1) or m.group(2)), "general_office"
    if re.search(r"(?:街道|镇|乡|苏木)(?:办事处|人民政府)", organ):
        return organ, "township"
    return re.sub(r"^政府", "人民政府", organ), "department"


def body_of(*, admin_code: str | None, region: str | None, issuer: str | None, issuer_kind: str | None,
            issuer_printed: str | None = None, title: str | None = None, year: int | None = None,
            source: str | None = None) -> Body:
    """The body a report belongs to, from the fields stored on it (reports.*)."""
    subject = title_subject(title)
    if admin_code and region:
        # the title says whose report it is (上海市2020年… is the government's, even where its office published
        # it); then the issuer as normalised, then as printed
        organ = _ORGAN_OF_GOVERNMENT if _names_region(subject, region) else _organ_of(subject, region)
        for candidate in (issuer, issuer_printed):
            organ = organ or _organ_of(candidate, region)
        if organ is None and issuer_kind == "government":
            organ = _ORGAN_OF_GOVERNMENT
        if organ is not None:
            organ, kind = _normalise_organ(organ)
            return Body(f"{admin_code}|{organ}", f"{region} · {_organ_label(organ, kind)}", region, admin_code,
                        organ, kind)
    # unresolved: the body is what it calls itself
    name = subject or _compact(issuer_printed) or _compact(issuer) or _compact(region) or _stem(source) or "未知"
    return Body(f"?|{name}", f"{name}（未解析）", region, admin_code, name, issuer_kind)


def kind_of(body_key: str) -> str | None:
    """The issuer kind a body key stands for (None for an unresolved body)."""
    code, _, organ = body_key.partition("|")
    return None if code == "?" or not organ else _normalise_organ(organ)[1]


def is_whole_area(body_key: str) -> bool:
    """The body is a resolved division's people's government, whose report speaks for the whole area."""
    return not body_key.startswith("?|") and body_key.endswith("|" + _ORGAN_OF_GOVERNMENT)


def whole_area_body(admin_code: str) -> str:
    """The key of the body whose report speaks for the whole division ``admin_code`` (its people's government)."""
    return f"{admin_code}|{_ORGAN_OF_GOVERNMENT}"


def _names_region(subject: str, region: str) -> bool:
    """The subject is the region itself, in full or its tail (乌海市 for 内蒙古自治区乌海市), or a short name (南京)."""
    subject = subject.removesuffix("的")
    return len(subject) >= 2 and any(region.endswith(subject + end) for end in ("", "省", "市", "区", "县"))


def _organ_label(organ: str, kind: str | None) -> str:
    if kind == "general_office":
        return organ.removeprefix("人民政府")
    return organ


def _stem(source: str | None) -> str:
    if not source:
        return ""
    return re.sub(r"\.[A-Za-z0-9]+$", "", source.rsplit("/", 1)[-1])


# --- which copy counts ----------------------------------------------------------------------------------------


@dataclass(frozen=True)
class Copy:
    report_id: int
    n_flags: int  # flags of its own reading (quality flags aside)
    n_cells: int  # canonical cells with a value
    values: dict[str, float]


@dataclass(frozen=True)
class Ranked:
    report_id: int
    copy_rank: int
    copies: int
    copies_disagree: str | None  # the keys whose values differ, space-separated


def rank_copies(copies: Iterable[Copy], differ: list[str] | None = None) -> list[Ranked]:
    """The copies of one body-year ranked best first (fewest flags, most cells, first loaded). ``differ``: the
    keys they disagree on, when the caller had the database work them out (then ``values`` are not read);
    else found from each copy's ``values``."""
    ordered = sorted(copies, key=lambda c: (c.n_flags, -c.n_cells, c.report_id))
    differ = sorted(differ) if differ is not None else disagreeing_keys([c.values for c in ordered])
    note = " ".join(differ) or None
    return [Ranked(c.report_id, i, len(ordered), note) for i, c in enumerate(ordered)]


def disagreeing_keys(values: list[dict[str, float]]) -> list[str]:
    """Canonical keys two copies both print with different values (a key one copy misses is its reading gap,
    flagged on that copy as rows_missing, not a disagreement)."""
    seen: dict[str, set[float]] = defaultdict(set)
    for v in values:
        for key, value in v.items():
            seen[key].add(value)
    return sorted(k for k, vs in seen.items() if len(vs) > 1)


_ROW_FIELDS = ("admin_code", "region", "issuer", "issuer_kind", "issuer_printed", "title", "year")


def body_of_row(row: Mapping, source: str | None) -> Body:
    """:func:`body_of` of a reports row's values (``row``: its columns by name, as stored or about to be) and its
    document's name."""
    return body_of(**{name: row[name] for name in _ROW_FIELDS}, source=source)


# --- the database edge (plain SQL: the 0005 migration uses it too) ----------------------------------------------


def assign_bodies(conn: Connection, only_missing: bool = True, ids: Iterable[int] | None = None) -> int:
    """Set reports.body / body_label from each report's fields (those without one, or all; of the reports
    ``ids`` only, when given); returns how many."""
    where = ["r.body is null"] if only_missing else []
    query = ("select r.id, " + ", ".join(f"r.{name}" for name in _ROW_FIELDS)
             + ", d.name from reports r join documents d on d.id = r.document_id")
    if ids is not None:
        ids = list(ids)
        if not ids:
            return 0
        where.append("r.id in :ids")
    statement = text(query + (" where " + " and ".join(where) if where else ""))
    if ids is not None:
        statement = statement.bindparams(bindparam("ids", expanding=True))
    rows = conn.execute(statement, {"ids": ids} if ids is not None else {}).all()
    updates = []
    for row in rows:
        b = body_of_row(row._mapping, row.name)
        updates.append({"id": row.id, "body": b.key, "label": b.label})
    if updates:
        conn.execute(text("update reports set body = :body, body_label = :label where id = :id"), updates)
    return len(updates)


# Bump when body_of or the ranking changes: the next settle_copies re-derives every stored report's body and rank.
VERSION = "1"
_META_KEY = "bodies_version"


def up_to_date(conn: Connection) -> bool:
    """Whether the stored bodies and ranks were made by this definition (meta.bodies_version)."""
    return conn.execute(text("select value from meta where key = :k"), {"k": _META_KEY}).scalar() == VERSION


def settle_copies(conn: Connection) -> int:
    """Give new reports their body, then re-rank every body-year whose copies changed, found stale by SQL (a copy
    not ranked yet, a count that no longer matches), and all of them when an older definition made the stored
    bodies (meta.bodies_version); returns body-years done. (pipeline.pending knows which body-years changed and
    ranks exactly those: :func:`rerank_many`.)"""
    _give_bodies(conn)
    stale = conn.execute(text(
        "select body, year from reports group by body, year "
        "having count(*) <> count(copy_rank) or min(copies) <> count(*) or max(copies) <> count(*)"
    )).all()
    for body, year in stale:
        rerank(conn, body, year)
    return len(stale)


def unrank_all(conn: Connection) -> None:
    """Every stored report given its body by this definition (all made afresh when another made them), and
    every copy rank cleared: ``rerank_many(conn, every body-year)`` then ranks each body-year from scratch,
    once (pipeline.pending's recomputing of everything)."""
    _give_bodies(conn)
    conn.execute(text("update reports set copy_rank = null"))


def _give_bodies(conn: Connection) -> None:
    """The bodies of another definition cleared (ranks too) and this one's recorded; the missing ones given."""
    if not up_to_date(conn):
        conn.execute(text("update reports set body = null, copy_rank = null"))
        conn.execute(text("delete from meta where key = :k"), {"k": _META_KEY})
        conn.execute(text("insert into meta (key, value) values (:k, :v)"), {"k": _META_KEY, "v": VERSION})
    assign_bodies(conn)


def rerank_many(conn: Connection, body_years: Collection[tuple[str, int | None]]) -> dict[tuple[str, int | None], int]:
    """:func:`rerank` each of ``body_years`` (of a database whose bodies are up to date: pipeline.pending.mark
    gave the reports their body), in a few statements: their reports looked up by body in chunks, a body-year
    of one report (the usual case) ranked without reading its cells (one copy: rank 0, nothing to disagree
    with); new copies of a ranked body-year placed among the ranked ones (:func:`_add_copies`: a body-year
    printed in a thousand copies does not cost a thousand copies' cells per new one); the others ranked from
    their flags and cells.

    Returns the body-years whose counted copy is the one ranked 0 before, each with that report's id: the
    body-year's only unranked copies were placed after it among consistently ranked ones (a later format copy
    of a report, the usual case)."""
    wanted = set(body_years)
    bodies = sorted({body for body, _ in wanted if body is not None})
    # the disagreement of the counted copy only: every copy stores the same, and it may name hundreds of keys
    select_ids = text("select id, body, year, copy_rank, copies, case when copy_rank = 0 then copies_disagree end "
                      "from reports where body in :bodies").bindparams(bindparam("bodies", expanding=True))
    # a chunk of bodies at a time, read and ranked: a body-year's ranking reads only its own reports, and holding
    # every changed body-year's rows (a disagreement may be KBs) grew with the run (~6 MB at 3,400 body-years)
    kept: dict[tuple[str, int | None], int] = {}
    for i in range(0, len(bodies), RANK_CHUNK):
        groups: dict[tuple[str, int | None], list[tuple]] = defaultdict(list)
        for rid, body, year, rank, copies, disagree in conn.execute(select_ids, {"bodies": bodies[i:i + RANK_CHUNK]}):
            if (body, year) in wanted:
                groups[(body, year)].append((rid, rank, copies, disagree))
        kept.update(_rank_groups(conn, groups))
    return kept


RANK_CHUNK = 250  # bodies read and ranked at a time (also bounds a statement's parameters)


def _rank_groups(conn: Connection, groups: dict[tuple[str, int | None], list[tuple]]) -> dict[tuple[str, int | None], int]:
    """Rank the body-years ``groups`` holds: (body, year) → their reports' (id, rank, copies, disagreement); the
    body-years whose counted copy stayed the one ranked 0 before (new copies placed after it), with its id."""
    kept = {}
    singles = [{"id": rows[0][0], "rank": 0, "copies": 1, "disagree": None}
               for rows in groups.values() if len(rows) == 1]
    if singles:
        conn.execute(_UPDATE_RANK, singles)
    for body_year, rows in groups.items():
        if len(rows) == 1:
            continue
        ranked = sorted((rank, rid) for rid, rank, _, _ in rows if rank is not None)
        new = sorted(rid for rid, rank, _, _ in rows if rank is None)
        consistent = (ranked and new and [rank for rank, _ in ranked] == list(range(len(ranked)))
                      and all(copies == len(ranked) for _, rank, copies, _ in rows if rank is not None)
                      and sum(rank == 0 for _, rank, _, _ in rows) == 1)
        if consistent:
            disagree = next(d for _, rank, _, d in rows if rank == 0)
            counted = ranked[0][1]
            if _add_copies(conn, [rid for _, rid in ranked], new, disagree)[0].report_id == counted:
                kept[body_year] = counted
        else:
            _rank_ids(conn, sorted(rid for rid, *_ in rows))
    return kept


def rerank(conn: Connection, body: str, year: int | None) -> list[Ranked]:
    """Rank the copies of one body-year and store copy_rank, copies and copies_disagree on them."""
    same_year = "r.year = :year" if year is not None else "r.year is null"
    ids = [r for (r,) in conn.execute(text(f"select r.id from reports r where r.body = :body and {same_year}"),
                                      {"body": body, "year": year})]
    return _rank_ids(conn, ids)


_UPDATE_RANK = text("update reports set copy_rank = :rank, copies = :copies, copies_disagree = :disagree "
                    "where id = :id")


def _rank_ids(conn: Connection, ids: list[int]) -> list[Ranked]:
    """Rank the reports ``ids`` (the copies of one body-year) and store the ranks."""
    if not ids:
        return []
    expand = {"ids": ids}
    flags = dict(conn.execute(text(
        "select report_id, count(*) from flags where report_id in :ids and kind <> :quality group by report_id"
    ).bindparams(bindparam("ids", expanding=True)), {**expand, "quality": QUALITY_KIND}).all())
    figures = "from cells where report_id in :ids and key is not null and value is not null"
    n_cells = dict(conn.execute(text(f"select report_id, count(*) {figures} group by report_id")
                                .bindparams(bindparam("ids", expanding=True)), expand).all())
    # what the copies disagree on, grouped by the database: a body-year printed in a thousand copies is not
    # read into memory cell by cell (5 and 5.0 are one value in SQL, as in Python)
    differ = [key for (key,) in conn.execute(text(f"select key {figures} group by key having count(distinct value) > 1")
                                             .bindparams(bindparam("ids", expanding=True)), expand)]
    ranked = rank_copies((Copy(i, flags.get(i, 0), n_cells.get(i, 0), {}) for i in ids), differ)
    conn.execute(_UPDATE_RANK, [{"id": r.report_id, "rank": r.copy_rank, "copies": r.copies,
                                 "disagree": r.copies_disagree} for r in ranked])
    return ranked


_FLAGS_OF = text("select report_id, count(*) from flags where report_id in :ids and kind <> :quality "
                 "group by report_id").bindparams(bindparam("ids", expanding=True))
_CELLS_OF = text("select report_id, count(*) from cells where report_id in :ids and key is not null "
                 "and value is not null group by report_id").bindparams(bindparam("ids", expanding=True))
# the figures of the new copies ``ids`` that the counted copy lacks or prints otherwise (with its value, None
# when it lacks the key), in the copies' order: 5 and 5.0 are one value in SQL, as in Python
_UNLIKE_COUNTED = text(
    "select n.report_id, n.key, n.value, c.value from cells n "
    "left join cells c on c.report_id = :counted and c.key = n.key and c.value is not null "
    "where n.report_id in :ids and n.key is not null and n.value is not null "
    "and (c.value is null or c.value <> n.value) order by n.report_id, n.id"
).bindparams(bindparam("ids", expanding=True))
# one value of each of ``keys`` among the old copies ``ids`` (they agree on every key not in dispute)
_ONE_VALUE = text("select key, min(value) from cells where report_id in :ids and key in :keys "
                  "and value is not null group by key").bindparams(bindparam("ids", expanding=True),
                                                                   bindparam("keys", expanding=True))


def _order_keys(conn: Connection, ids: list[int]) -> dict[int, tuple[int, int, int]]:
    """The ranking's sort key of each of the reports ``ids``: (own flags, − cells with a value, id)."""
    flags = dict(conn.execute(_FLAGS_OF, {"ids": ids, "quality": QUALITY_KIND}).all())
    cells = dict(conn.execute(_CELLS_OF, {"ids": ids}).all())
    return {i: (flags.get(i, 0), -cells.get(i, 0), i) for i in ids}


def _add_copies(conn: Connection, ranked: list[int], new: list[int], disagree: str | None) -> list[Ranked]:
    """Rank the copies ``new`` (not ranked yet) of a body-year whose copies ``ranked`` (best first) were ranked
    together: the same ranks, count and disagreement as ranking them all afresh (:func:`_rank_ids`), at the cost
    of the database's join of the new copies' cells with the counted copy's (only the figures that differ come
    back) and a binary search's few old copies' counts.

    Why it is the same: the old copies keep their order (their own flags and cells do not change), so each new
    one goes where a binary search over them puts it; every key not in ``disagree`` has one value across the
    old copies, which the counted copy gives (or, for a key it lacks, any old copy that prints it)."""
    keys = _order_keys(conn, new)

    def old_key(rank: int) -> tuple[int, int, int]:
        rid = ranked[rank]
        if rid not in keys:
            keys.update(_order_keys(conn, [rid]))
        return keys[rid]

    positions = []  # how many old copies rank before each new one (new ones best first)
    for rid in sorted(new, key=keys.__getitem__):
        lo, hi = 0, len(ranked)
        if old_key(hi - 1) < keys[rid]:  # the usual case: worse than, or a later copy of the same as, every old one
            lo = hi
        while lo < hi:
            mid = (lo + hi) // 2
            if old_key(mid) < keys[rid]:
                lo = mid + 1
            else:
                hi = mid
        positions.append((lo, rid))
    # what they disagree on: the old copies' keys in dispute, and the new copies' values against the old ones'.
    # The database compares each new copy's figures with the counted copy's and sends only those that differ or
    # that it lacks: a new copy that agrees (the usual case) costs a join, not its hundreds of cells in Python
    differ = set(disagree.split()) if disagree else set()
    unlike: list[tuple[int, str, float]] = []  # (new copy, key, value) the counted copy lacks
    for rid, key, value, counted in conn.execute(_UNLIKE_COUNTED, {"counted": ranked[0], "ids": new}):
        if counted is not None:
            differ.add(key)
        elif key not in differ:
            unlike.append((rid, key, value))
    reference: dict[str, float] = {}
    lacking = sorted({key for _, key, _ in unlike} - differ)
    if lacking and len(ranked) > 1:
        for i in range(0, len(ranked) - 1, 500):
            for part in range(0, len(lacking), 500):
                for key, value in conn.execute(_ONE_VALUE, {"ids": ranked[1 + i:501 + i],
                                                            "keys": lacking[part:part + 500]}):
                    reference.setdefault(key, value)
    for rid, key, value in unlike:
        if key in differ:
            continue
        if key not in reference:
            reference[key] = value
        elif reference[key] != value:
            differ.add(key)
    note = " ".join(sorted(differ)) or None
    total = len(ranked) + len(new)
    order: list[int] = []
    taken = 0
    for pos, rid in positions:
        order.extend(ranked[taken:pos])
        taken = pos
        order.append(rid)
    order.extend(ranked[taken:])
    moved = set(new) | set(ranked[positions[0][0]:])  # the old copies after the first new one move down
    out = [Ranked(rid, rank, total, note) for rank, rid in enumerate(order)]
    conn.execute(_UPDATE_RANK, [{"id": r.report_id, "rank": r.copy_rank, "copies": total, "disagree": note}
                                for r in out if r.report_id in moved])
    unmoved = ranked[:positions[0][0]]
    for i in range(0, len(unmoved), 500):
        conn.execute(text("update reports set copies = :copies, copies_disagree = :disagree where id in :ids")
                     .bindparams(bindparam("ids", expanding=True)),
                     {"copies": total, "disagree": note, "ids": unmoved[i:i + 500]})
    return out
