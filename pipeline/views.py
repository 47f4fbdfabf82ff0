"""The analyst's views: SQL views generated from the template, the same SQL on SQLite and PostgreSQL.

report_proactive, report_requests, report_appeals
    one wide row per report for each standard table, one column per canonical key ("requests.received.total")
report_summary
    one row per report: the headline figures, sums over groups of rows (sum.*) and derived shares (pct.*)
metrics
    long: (report, region, code, level, year, metric, value) for every cell and every derived figure
v_flags
    every flag with the report's identity beside it

Every figure in them is the value analysts use: an analyst's correction (table corrections, pipeline.review)
where there is one, the published cells.value otherwise; report_summary.n_corrections counts the corrected
cells of a report, and cells keep the published values.

Wide views take each figure with a correlated subquery on the report's cells (``(select max(value) from cells
where report_id = r.id and key = …)``, an index seek) because neither PIVOT nor crosstab is portable, and a GROUP
BY over all cells would make a page, a count or a filtered read cost as much as the whole view. ``pipeline.db.connect`` drops and re-creates them when the definitions change, so they follow template
changes.
"""

from __future__ import annotations

import re
import sys
from dataclasses import dataclass
from functools import cache

from extractors.template import EDITIONS, load_template

TABLE_VIEWS = {"proactive": "report_proactive", "requests": "report_requests", "appeals": "report_appeals"}
VIEWS = (*TABLE_VIEWS.values(), "report_summary", "metrics", "v_flags")

# Identity columns every report view starts with (documents.name is the file the figures came from).
# body / body_label: the reporting body (pipeline.bodies: division code + organ). copy_rank: 0 for the copy of a
# body-year's report that counts (the best read: fewest flags, most cells), 1, 2 … for its other format copies;
# `where copy_rank = 0` counts each body-year once. copies: how many copies; copies_disagree: the keys on which
# they differ. All stored on reports at ingest, so the views read columns (no per-row subquery).
IDENTITY = ("report_id", "source", "body", "body_label", "region", "admin_code", "region_level", "issuer",
            "issuer_kind", "year", "edition", "copy_rank", "copies", "copies_disagree")
_IDENTITY_SQL = ("r.id as report_id, d.name as source, r.body, r.body_label, r.region, r.admin_code, "
                 "r.region_level, r.issuer, r.issuer_kind, r.year, r.edition, r.copy_rank, r.copies, "
                 "r.copies_disagree")


@cache
def all_keys() -> tuple[str, ...]:
    """Every canonical key of every edition and layout, in template order (first seen)."""
    t = load_template()
    out: dict[str, None] = {}
    for edition in EDITIONS:
        for split in (False, True):
            out.update(dict.fromkeys(t.keys(edition, other_split=split)))
    return tuple(out)


def table_keys(table: str) -> tuple[str, ...]:
    return tuple(k for k in all_keys() if k.startswith(table + "."))


# --- derived figures ----------------------------------------------------------------------------------------


@dataclass(frozen=True)
class Sum:
    name: str
    keys: tuple[str, ...]
    description: str


@dataclass(frozen=True)
class Share:
    name: str
    numerator: str  # a canonical key or a Sum name
    denominator: str
    description: str


def _totals(prefix: str) -> tuple[str, ...]:
    """The total-column keys of the request rows under ``prefix`` (a group such as requests.result.withheld)."""
    return tuple(k for k in table_keys("requests") if k.startswith(prefix + ".") and k.endswith(".total"))


HANDLED = "requests.result.total.total"


@cache
def sums() -> tuple[Sum, ...]:
    return (
        Sum("sum.withheld", _totals("requests.result.withheld"), "不予公开 (all reasons), requests"),
        Sum("sum.unable", _totals("requests.result.unable"), "无法提供 (all reasons), requests"),
        Sum("sum.not_processed", _totals("requests.result.not_processed"), "不予处理 (all reasons), requests"),
        # one row in ed2019 and mixed layouts, three sub-rows in ed2021: a report has one or the other
        Sum("sum.other", _totals("requests.result.other"), "其他处理 (one row or its sub-rows), requests"),
        Sum("sum.litigation", ("appeals.litigation_direct.total", "appeals.litigation_after_review.total"),
            "行政诉讼 cases (direct and after review)"),
    )


SHARES = (
    Share("pct.disclosed", "requests.result.disclosed.total", HANDLED, "予以公开, % of requests handled"),
    Share("pct.partial", "requests.result.partial.total", HANDLED, "部分公开, % of requests handled"),
    Share("pct.withheld", "sum.withheld", HANDLED, "不予公开, % of requests handled"),
    Share("pct.unable", "sum.unable", HANDLED, "无法提供, % of requests handled"),
    Share("pct.not_held", "requests.result.unable.not_held.total", HANDLED,
          "本机关不掌握相关政府信息, % of requests handled"),
    Share("pct.not_processed", "sum.not_processed", HANDLED, "不予处理, % of requests handled"),
    Share("pct.other", "sum.other", HANDLED, "其他处理, % of requests handled"),
    Share("pct.review_corrected", "appeals.review.corrected", "appeals.review.total",
          "行政复议 decided against the body (结果纠正), % of reviews"),
    Share("pct.litigation_corrected", "appeals.litigation_direct.corrected", "appeals.litigation_direct.total",
          "行政诉讼 without review decided against the body (结果纠正), % of those cases"),
)

# Canonical keys shown in report_summary beside the derived figures.
HEADLINE = (
    "requests.received.total", "requests.carried_over.total", HANDLED, "requests.result.disclosed.total",
    "requests.result.partial.total", "requests.result.unable.not_held.total", "requests.carried_forward.total",
    "appeals.review.total", "appeals.review.corrected", "appeals.litigation_direct.total",
    "appeals.litigation_direct.corrected", "appeals.litigation_after_review.total",
    "proactive.art20_5.licensing.decisions", "proactive.art20_6.penalty.decisions",
    "proactive.art20_6.coercion.decisions", "proactive.art20_8.fees.amount_yuan",
    "proactive.art20_9.procurement.amount_yuan",
)


def derived_names() -> tuple[str, ...]:
    return tuple(s.name for s in sums()) + tuple(s.name for s in SHARES)


# The share of a report's narrative sentences that repeat the same body's report of the year before, in %
# (pipeline.reuse computes it at load time into the text_reuse table).
TEXT_REUSE = "text_reuse"
TEXT_REUSE_LABEL = "叙述文字重复率：与上一年报告重复的句子占比（%）"


def metric_names() -> tuple[str, ...]:
    """Everything ``metrics.metric`` can hold: canonical keys, then sum.*, pct.* and text_reuse."""
    return all_keys() + derived_names() + (TEXT_REUSE,)


def key_label(key: str) -> str:
    """The template's own wording of a canonical key or derived name, e.g. 本年新收政府信息公开申请数量 · 总计."""
    t = load_template()
    derived = ({s.name: s.description for s in sums()} | {s.name: s.description for s in SHARES}
               | {TEXT_REUSE: TEXT_REUSE_LABEL})
    if key in derived:
        return derived[key]
    table, _, rest = key.partition(".")
    head, _, col = rest.rpartition(".")
    if table == "proactive":
        block_key, _, row_key = head.partition(".")
        block = next((b for b in t.proactive if b.key == block_key), None)
        if block:
            row = next((r.label for r in block.rows if r.key == row_key), row_key)
            cols = {c.key: c.label for cs in block.columns.values() for c in cs}
            label = f"{row} · {cols.get(col, col)}"
            # stored in 元 whatever the form printed (its header says 万元)
            return re.sub(r"（单位：[^）]*）", "", label) + "（元）" if is_money(key) else label
    elif table == "requests":
        rows = {r.key: r for r in t.request_rows}
        groups = {g.key: g.label for g in t.request_groups}
        row = rows.get(head)
        cols = {c.key: c.label for c in t.request_columns}
        if row:
            parent = groups.get(row.group) if row.group else None
            return " · ".join(x for x in (parent, row.label, cols.get(col, col)) if x)
    elif table == "appeals":
        groups = {g.key: g for g in t.appeal_groups}
        cols = {c.key: c.label for c in t.appeal_columns}
        group = groups.get(head)
        if group:
            return " · ".join(x for x in (group.parent, group.label, cols.get(col, col)) if x)
    return key


def is_money(key: str) -> bool:
    return key in load_template().money_keys()


# Chinese names of the derived figures (key_label gives the template's wording of every canonical key).
DERIVED_LABELS = {
    "sum.withheld": "不予公开（各项理由合计）",
    "sum.unable": "无法提供（各项理由合计）",
    "sum.not_processed": "不予处理（各项理由合计）",
    "sum.other": "其他处理（合计）",
    "sum.litigation": "行政诉讼（未经复议直接起诉与复议后起诉合计）",
    "pct.disclosed": "予以公开占办结申请的比例",
    "pct.partial": "部分公开占办结申请的比例",
    "pct.withheld": "不予公开占办结申请的比例",
    "pct.unable": "无法提供占办结申请的比例",
    "pct.not_held": "本机关不掌握相关政府信息占办结申请的比例",
    "pct.not_processed": "不予处理占办结申请的比例",
    "pct.other": "其他处理占办结申请的比例",
    "pct.review_corrected": "行政复议结果纠正占复议总数的比例",
    "pct.litigation_corrected": "未经复议直接起诉的行政诉讼结果纠正占其总数的比例",
}


def metric_label(name: str) -> str:
    """A metric's name in Chinese: the template's wording of a canonical key, or a derived figure's name."""
    return DERIVED_LABELS.get(name) or key_label(name)


def metric_unit(name: str) -> str:
    """元 for amounts (stored in 元 whatever the form printed), % for shares, 件 for every count."""
    return "元" if is_money(name) else "%" if name.startswith("pct.") else "件"


# --- SQL ----------------------------------------------------------------------------------------------------


def _q(name: str) -> str:
    return '"' + name.replace('"', '""') + '"'


def _lit(value: str) -> str:
    return "'" + value.replace("'", "''") + "'"


# The value analysts use: the correction of the cell (same document bytes, same key) when there is one.
# A correction the reading now agrees with (status resolved) gives the same value; an orphaned one joins nothing.
_VALUE = "coalesce(k.value, c.value)"
_CORRECTIONS_JOIN = "left join corrections k on k.sha256 = d.sha256 and k.key = c.key"
_N_CORRECTIONS = ("(select count(*) from corrections k2 join cells c2 on c2.key = k2.key "
                  "where k2.sha256 = d.sha256 and c2.report_id = r.id) as n_corrections")
# Every report view is a plain join of reports and documents, one row per report, each figure a correlated
# subquery that seeks the report's cells by (report_id, key) (uq_cells_report_key). No GROUP BY over the whole
# cells table: a row costs the same at any size, a page (LIMIT 100, ORDER BY an identity column) computes only
# its rows, count(*) computes no figure, and a WHERE on region, body, year … reaches the reports' indexes.


def _reports(dialect: str) -> str:
    """FROM of a report view: each report with its document, and ``kc`` (not null: the document has
    corrections). SQLite: reports drive the join (CROSS JOIN fixes the order), so rows come in report_id order
    (export's ``order by 1`` needs no sort) and a filter on region, body or year starts at their index."""
    join = "cross join" if dialect == "sqlite" else "join"
    return (f"from reports r\n{join} documents d on d.id = r.document_id\n"
            "left join (select distinct sha256 from corrections) kc on kc.sha256 = d.sha256")


def _pick(key: str, value: str = _VALUE) -> str:
    return f"max(case when c.key = {_lit(key)} then {value} end)"


def _typed(expr: str, dialect: str) -> str:
    """A figure as SQLite should hand it out: an integer where it is whole (663, not 663.0; cells are stored
    REAL because money may have fen), the value as stored otherwise, and NUMERIC affinity on the view's column
    so that a filter sent as text (Datasette's ``?n_flags=0``) compares as a number. PostgreSQL's columns are
    typed already: the figure as it is."""
    if dialect != "sqlite":
        return expr
    return f"cast(case when {expr} = cast({expr} as integer) then cast({expr} as integer) else {expr} end as numeric)"


# Corrections are rare: a report whose bytes have none (kc.sha256 null) reads its cells alone (the seek into
# corrections in every figure's subquery would cost more than the cells' own).
_CORRECTED = "kc.sha256 is not null"


def _of_cells(agg, keys: tuple[str, ...], dialect: str) -> str:
    """A figure of the report: ``agg(value)`` (aggregates of a value over ``c.key``) over the report's cells of
    ``keys``, typed, as a scalar subquery that seeks them by (report_id, key). Inside it the aggregates are
    computed once, however often ``_typed`` names them; an aggregate over no cell is NULL, as the report's
    missing cell is. ``value`` is the analyst's (``_VALUE``) where the document has corrections."""
    where = f"= {_lit(keys[0])}" if len(keys) == 1 else f"in ({', '.join(map(_lit, keys))})"
    plain = f"(select {_typed(agg('c.value'), dialect)} from cells c where c.report_id = r.id and c.key {where})"
    corrected = (f"(select {_typed(agg(_VALUE), dialect)} from cells c {_CORRECTIONS_JOIN} "
                 f"where c.report_id = r.id and c.key {where})")
    either = f"case when {_CORRECTED} then {corrected} else {plain} end"
    # a CASE has no affinity: cast again (a no-op on a typed figure) so the column keeps NUMERIC's
    return f"cast({either} as numeric)" if dialect == "sqlite" else either


def _wide_sql(keys: tuple[str, ...], prefix: str, dialect: str = "sqlite") -> str:
    cols = ",\n  ".join(f"{_of_cells(lambda v: f'max({v})', (k,), dialect)} as {_q(k)}" for k in keys)
    return f"select {_IDENTITY_SQL},\n  {cols}\n{_reports(dialect)}"


def _derived(dialect: str) -> dict[str, str]:
    """Each headline key, sum.* and pct.* of a report as an expression on ``r``, ``d``, ``kc`` (``_reports``)."""
    sums_ = {s.name: s for s in sums()}

    def agg(name: str):  # a figure's aggregate (of a value expression) and the keys it reads
        if name in sums_:
            keys = sums_[name].keys
            return (lambda v: f"sum(case when c.key in ({', '.join(map(_lit, keys))}) then {v} end)"), keys
        return (lambda v: _pick(name, v)), (name,)

    # a share is a computed ratio, not a printed figure: a double on PostgreSQL too (figures there are numeric)
    ratio = "{}" if dialect == "sqlite" else "cast({} as double precision)"
    out = {k: _of_cells(*agg(k), dialect) for k in (*HEADLINE, *sums_)}
    for x in SHARES:
        (num, num_keys), (den, den_keys) = agg(x.numerator), agg(x.denominator)
        share = lambda v, num=num, den=den: ratio.format(f"100.0 * {num(v)} / nullif({den(v)}, 0)")  # noqa: E731
        out[x.name] = _of_cells(share, tuple(dict.fromkeys(num_keys + den_keys)), dialect)
    return out


def _summary_sql(dialect: str = "sqlite") -> str:
    figures = [f"{expr} as {_q(name)}" for name, expr in _derived(dialect).items()]
    flags = "cast((select count(*) from flags f where f.report_id = r.id) as integer) as n_flags"
    return f"select {_IDENTITY_SQL}, {flags}, {_N_CORRECTIONS},\n  " + ",\n  ".join(figures) + f"\n{_reports(dialect)}"


def _metrics_sql(dialect: str = "sqlite") -> str:
    # Each arm hands out its figure typed (NUMERIC affinity on every arm, so the column compares a text filter
    # as a number); a derived arm computes its one figure (as report_summary does), not the whole summary.
    parts = [f"select {_IDENTITY_SQL}, c.key as metric, {_typed(_VALUE, dialect)} as value\nfrom cells c\n"
             "join reports r on r.id = c.report_id\njoin documents d on d.id = r.document_id\n"
             f"{_CORRECTIONS_JOIN}\nwhere c.key is not null"]
    exprs = _derived(dialect)
    for name in derived_names():
        value = exprs[name] if dialect == "sqlite" else f"cast({exprs[name]} as numeric)"  # one numeric column
        parts.append(f"select {_IDENTITY_SQL}, {_lit(name)} as metric, {value} as value\n{_reports(dialect)}\n"
                     f"where {exprs[name]} is not null")
    # the narrative's text reuse (pipeline.reuse), whole report, in % of its sentences
    # PostgreSQL: numeric like the figures, else the union would turn every figure into a double
    share = _typed("100.0 * t.share", dialect) if dialect == "sqlite" else "cast(100.0 * t.share as numeric)"
    parts.append(f"select {_IDENTITY_SQL}, {_lit(TEXT_REUSE)} as metric, {share} as value\n"
                 "from text_reuse t\njoin reports r on r.id = t.report_id\njoin documents d on d.id = r.document_id\n"
                 "where t.section = '' and t.share is not null")
    return "\nunion all\n".join(parts)


def _flags_sql(dialect: str = "sqlite") -> str:
    return (f"select f.id as flag_id, {_IDENTITY_SQL}, f.kind, f.identity as \"check\", f.{_q('where')}, f.key, "
            f"{_typed('f.expected', dialect)} as expected, {_typed('f.found', dialect)} as found, f.message, f.page, "
            "f.details\nfrom flags f\njoin reports r on r.id = f.report_id\njoin documents d on d.id = r.document_id")


def view_sql(dialect: str = "sqlite") -> dict[str, str]:
    """Each view's defining SELECT for ``dialect`` (sqlite | postgresql …), in creation order (report_summary
    before metrics, which reads it)."""
    out = {view: _wide_sql(table_keys(table), table, dialect) for table, view in TABLE_VIEWS.items()}
    out["report_summary"] = _summary_sql(dialect)
    out["metrics"] = _metrics_sql(dialect)
    out["v_flags"] = _flags_sql(dialect)
    return out


if __name__ == "__main__":  # python -m pipeline.views [DB]: bring the schema and views up to date (make serve)
    from pipeline.db import connect

    connect(sys.argv[1] if len(sys.argv) > 1 else None).dispose()
