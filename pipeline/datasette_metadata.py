"""Datasette's metadata for the database: titles, column descriptions (units included: money in 元, shares in
%) and canned queries for the common comparisons and for the flags.

Generated from the template so it never drifts from the views. Datasette names a database after its file, so
the metadata is made for a file name: ``metadata("reports2024")`` for ``reports2024.sqlite`` — ``gongkai serve``
(pipeline.serve) writes it for the file it serves. The committed ``pipeline/datasette/metadata.json`` is the one
for the default ``gongkai.sqlite`` (``python -m pipeline.datasette_metadata`` rewrites it, a test compares).

Besides Datasette's own keys each view carries ``column_labels`` (Chinese labels with units, pipeline.labels),
which the templates in ``pipeline/datasette/templates`` show as the column headers, the key beneath; they also
fold the column descriptions into a closed <details> below the rows instead of above them.
"""

from __future__ import annotations

import json
from pathlib import Path

from pipeline.labels import DERIVED_ZH, column_label, figure_label, unit
from pipeline.views import HEADLINE, SHARES, TABLE_VIEWS, derived_names, key_label, table_keys

FOLDER = Path(__file__).with_name("datasette")
PATH = FOLDER / "metadata.json"
TEMPLATES = FOLDER / "templates"
FACETS = ["region", "year", "issuer_kind"]
DATABASE = "gongkai"
YEARS = tuple(range(2019, 2026))

IDENTITY_COLUMNS = {
    "report_id": "reports.id of the report",
    "source": "file the figures were read from",
    "body": "the reporting body: division code | organ (310000|人民政府办公厅); unresolved: ?|the name it prints",
    "body_label": "the body as compare names it (上海市 · 办公厅)",
    "region": "region, normalised full name (四川省泸州市合江县): the same every year",
    "admin_code": "GB/T 2260 division code of the region",
    "region_level": "province | prefecture | county",
    "issuer": "issuing body, normalised (四川省泸州市合江县教育局)",
    "issuer_kind": "government | general_office | department | township",
    "year": "year reported on",
    "edition": "template edition: ed2019 (reports on 2019–2020) or ed2021 (2021 on)",
    "copy_rank": "0 for the copy of a body's report for a year that counts (the best read: fewest flags, most "
                 "cells); 1, 2 … for its other format copies; filter copy_rank = 0 to count each once",
    "copies": "how many format copies of this body-year's report are loaded",
    "copies_disagree": "canonical keys whose values differ between the copies (empty when they agree)",
}


def _describe(key: str) -> str:
    """A canonical key: its Chinese label with the unit (the header shows the same); a derived figure: what
    it adds up or divides, in English, with the unit."""
    if key in DERIVED_ZH:
        return f"{key_label(key)} [{unit(key)}]"
    return figure_label(key)


def _view_tables() -> dict:
    tables = {}
    titles = {"proactive": "主动公开政府信息情况 — one row per report",
              "requests": "收到和处理政府信息公开申请情况 — one row per report",
              "appeals": "政府信息公开行政复议、行政诉讼情况 — one row per report"}
    for table, view in TABLE_VIEWS.items():
        tables[view] = {
            "title": titles[table],
            "description": "One column per canonical key of the table (both template editions); empty where the "
                           "report does not print the cell. Money in 元.",
            "columns": IDENTITY_COLUMNS | {k: _describe(k) for k in table_keys(table)},
        }
    tables["report_summary"] = {
        "title": "报告摘要 — summary per report: headline figures, sums and shares",
        "description": "pct.* are percentages of requests handled (本年度办理结果 总计) or of appeal cases; sum.* add "
                       "up the reasons of one outcome. n_flags counts the report's flags.",
        "columns": IDENTITY_COLUMNS | {"n_flags": "flags of this report (identity, label, quality …)",
                                       "n_corrections": "cells an analyst corrected (table corrections): the "
                                                        "figures here use the corrected values"}
                   | {k: _describe(k) for k in (*HEADLINE, *derived_names())},
    }
    tables["metrics"] = {
        "title": "全部指标（长表） — every figure, long: report × metric",
        "description": "One row per report and metric (canonical keys, sum.*, pct.*, and text_reuse: the share of "
                       "the narrative's sentences repeating the same body's previous report, in %): filter one "
                       "metric and pivot by region and year.",
        "columns": IDENTITY_COLUMNS | {"metric": "canonical key, derived figure (sum.*, pct.*) or text_reuse",
                                       "value": "the figure"},
    }
    tables["v_flags"] = {
        "title": "问题标记 — flags with the report they concern",
        "description": "Identity breaks, unmatched labels, and cross-report quality checks (kind quality: "
                       "quality.jump, quality.negative, quality.percent, quality.children_sum); details holds the "
                       "evidence as JSON.",
        "columns": IDENTITY_COLUMNS | {
            "flag_id": "flags.id", "kind": "identity | label | unit | table_missing | rows_missing | edition | "
            "region | quality …", "check": "which identity or check", "where": "where it breaks",
            "key": "canonical key concerned", "expected": "the figure expected (the other report's, the sum …)",
            "found": "the figure printed", "message": "one line for a reader", "page": "page of the figure",
            "details": "evidence (JSON): the other report, the figures compared"},
    }
    tables["v_flags"]["facets"] = ["kind", *FACETS]
    # Only where they are cheap enough: each facet re-runs the view, and a wide view's 200 conditional
    # aggregates under four queries would pass Datasette's time limits on a large database.
    tables["report_summary"]["facets"] = list(FACETS)
    for meta in tables.values():
        meta["column_labels"] = {c: column_label(c) for c in meta["columns"]}
    tables["search_index"] = {
        "title": "全文检索 — full-text index of the narrative (sections and facts)",
        "description": "Text segmented into words with jieba, separated by spaces: search with words separated by "
                       "spaces (信用 公示); every word must occur. The canned query search_sections shows each hit "
                       "with its report.",
        "fts_table": "search_index",
        "fts_pk": "rowid",
        "facets": ["kind"],
    }
    return tables


_BODY = "region, issuer, admin_code, year"


def _queries() -> dict:
    pivot = ",\n  ".join(f'max(case when year = {y} then value end) as "{y}"' for y in YEARS)
    return {
        "requests_by_year": {
            "title": "Requests received and handled, per body and year",
            "sql": f'select {_BODY}, "requests.received.total" as received, "requests.result.total.total" as handled, '
                   '"requests.carried_forward.total" as carried_forward, round("pct.disclosed", 1) as pct_disclosed, '
                   'round("pct.not_held", 1) as pct_not_held\nfrom report_summary where copy_rank = 0\n'
                   'order by region, issuer, year',
        },
        "outcome_shares": {
            "title": "Share of requests handled by each outcome (%)",
            "sql": f"select {_BODY}, \"requests.result.total.total\" as handled, "
                   + ", ".join(f'round("{s.name}", 1) as {s.name.replace(".", "_")}' for s in SHARES[:7])
                   + "\nfrom report_summary where copy_rank = 0 order by region, issuer, year",
        },
        "appeals": {
            "title": "Administrative review and litigation, per body and year",
            "sql": f'select {_BODY}, "appeals.review.total" as review, "appeals.review.corrected" as review_corrected, '
                   'round("pct.review_corrected", 1) as pct_review_corrected, "sum.litigation" as litigation, '
                   '"appeals.litigation_direct.corrected" as litigation_direct_corrected\n'
                   "from report_summary where copy_rank = 0 order by region, issuer, year",
        },
        "licensing_decisions": {
            "title": "Licensing, penalty and coercion decisions; fees (元)",
            "sql": f'select {_BODY}, "proactive.art20_5.licensing.decisions" as licensing, '
                   '"proactive.art20_6.penalty.decisions" as penalty, "proactive.art20_6.coercion.decisions" as '
                   'coercion, "proactive.art20_8.fees.amount_yuan" as fees_yuan\nfrom report_summary '
                   "where copy_rank = 0 order by region, issuer, year",
        },
        "metric_series": {
            "title": "One metric per body and year (e.g. requests.received.total; region may be empty)",
            "sql": f"select {_BODY}, metric, value\nfrom metrics\nwhere metric = :metric and copy_rank = 0 "
                   "and (region like '%' || :region || '%' or issuer like '%' || :region || '%')\n"
                   "order by region, issuer, year",
        },
        "metric_by_region": {
            "title": f"One metric, bodies down and years across ({YEARS[0]}–{YEARS[-1]})",
            "sql": f"select region, issuer, admin_code,\n  {pivot}\nfrom metrics\n"
                   "where metric = :metric and copy_rank = 0\ngroup by region, issuer, admin_code\n"
                   "order by region, issuer",
        },
        "quality_flags": {
            "title": "Quality checks across reports (jumps, negatives, shares over 100 %, city vs its divisions)",
            "sql": 'select region, issuer, year, source, "check", key, expected, found, message, details\n'
                   "from v_flags where kind = 'quality' order by region, issuer, year, key",
        },
        "identity_flags": {
            "title": "Tables that break the template's identities",
            "sql": 'select region, issuer, year, source, "check", "where", expected, found, message\n'
                   "from v_flags where kind = 'identity' order by region, issuer, year",
        },
        # the counted copy of each body-year only (as gongkai search); an empty box (the page as first opened)
        # matches nothing instead of failing (FTS5 refuses an empty query)
        "search_sections": {
            "title": "Search the narrative: words separated by spaces (信用 公示), all of them must occur; "
                     "each body-year's counted copy",
            "sql": "select r.region, r.issuer, r.year, d.name as source, s.path, s.text\n"
                   "from search_index i\njoin sections s on s.id = i.ref_id\njoin reports r on r.id = s.report_id\n"
                   "join documents d on d.id = r.document_id\n"
                   "where i.kind = 'section' and (r.copy_rank = 0 or r.copy_rank is null)\n"
                   "and search_index match (case when trim(:words) = '' then '\"\"' else :words end)\n"
                   "order by i.rank limit 100",
        },
        "flag_counts": {
            "title": "Flags by kind and check",
            "sql": 'select kind, "check", count(*) as flags, count(distinct report_id) as reports\nfrom v_flags\n'
                   'group by kind, "check" order by flags desc',
        },
    }


def metadata(database: str = DATABASE) -> dict:
    """Datasette's metadata for a database named ``database`` (the SQLite file's name without .sqlite)."""
    return {
        "title": "gongkai 公开 — 政府信息公开工作年度报告",
        "description": "Government information-disclosure annual reports in one database. Start with "
                       "report_summary or the canned queries; figures are as printed unless an analyst "
                       "corrected them (table corrections; cells keep the printed value), problems are in v_flags. "
                       "Money in 元.",
        "source": "gongkai pipeline",
        "databases": {database: {"tables": {**_view_tables(), "meta": {"hidden": True}},
                                 "queries": _queries()}},
    }


def render(database: str = DATABASE) -> str:
    return json.dumps(metadata(database), ensure_ascii=False, indent=1) + "\n"


if __name__ == "__main__":
    PATH.parent.mkdir(exist_ok=True)
    PATH.write_text(render(), encoding="utf-8")
    print(PATH)
