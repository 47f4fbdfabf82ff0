"""``gongkai compare``: one metric across years or regions, as a terminal table, CSV, JSON or a chart.

Query (``fetch``) and computation (``compute``) are separate so the arithmetic is testable on plain records.
A body's several copies of one year's report (the same report as PDF and DOCX) count once: the figure most of
them print, the first-loaded copy on a tie, and ``copies_disagree`` says when they differ.
"""

from __future__ import annotations

import argparse
import csv
import difflib
import io
import json
import sys
from collections import Counter, defaultdict
from dataclasses import asdict, dataclass
from pathlib import Path

from sqlalchemy import text
from sqlalchemy.engine import Engine

from pipeline.views import is_money, key_label, metric_names

LEVELS = ("province", "prefecture", "county")
ISSUER_KINDS = ("government", "general_office", "department", "township")
# Families tried in order: the Debian packages fonts-noto-cjk and fonts-wqy-zenhei, then common others.
CJK_FAMILIES = ("Noto Sans CJK SC", "Source Han Sans SC", "WenQuanYi Zen Hei", "WenQuanYi Micro Hei",
                "Noto Sans CJK JP", "Noto Serif CJK SC", "AR PL UMing CN", "SimHei", "Microsoft YaHei")


class CompareError(ValueError):
    """A usage problem the command reports in one line."""


@dataclass(frozen=True)
class Filters:
    region: str | None = None  # a six-digit code, or part of the region or issuer name (宝山区)
    level: str | None = None
    years: tuple[int | None, int | None] | None = None
    issuer_kind: str | None = None


@dataclass(frozen=True)
class Record:
    """One report's figure, as the metrics view holds it."""

    report_id: int
    region: str | None
    admin_code: str | None
    region_level: str | None
    issuer: str | None
    issuer_kind: str | None
    year: int
    value: float


@dataclass(frozen=True)
class Point:
    """One body in one year."""

    entity: str
    region: str | None
    admin_code: str | None
    region_level: str | None
    issuer: str | None
    issuer_kind: str | None
    year: int
    value: float
    previous: float | None  # the same body's figure for year - 1, when loaded
    change: float | None
    change_pct: float | None
    reports: int  # copies of the report behind the figure
    copies_disagree: bool


@dataclass(frozen=True)
class CompareResult:
    metric: str
    label: str
    by: str  # region | year
    points: tuple[Point, ...]

    @property
    def years(self) -> list[int]:
        return sorted({p.year for p in self.points})

    @property
    def entities(self) -> list[str]:
        return list(dict.fromkeys(p.entity for p in self.points))


# --- query and computation ----------------------------------------------------------------------------------


def parse_years(spec: str) -> tuple[int | None, int | None]:
    """"2019:2024", "2019:", ":2022" or "2022"."""
    try:
        if ":" not in spec:
            return int(spec), int(spec)
        first, last = spec.split(":", 1)
        return (int(first) if first else None, int(last) if last else None)
    except ValueError:
        raise CompareError(f"--years wants YEAR or FIRST:LAST (e.g. 2019:2024), not {spec!r}") from None


def check_metric(metric: str) -> None:
    names = metric_names()
    if metric not in names:
        close = difflib.get_close_matches(metric, names, n=3, cutoff=0.6)
        hint = f"; did you mean {', '.join(close)}?" if close else " (see the metrics view or extractors/template.yaml)"
        raise CompareError(f"unknown metric {metric!r}{hint}")


def fetch(engine: Engine, metric: str, filters: Filters = Filters()) -> list[Record]:
    where, params = ["metric = :metric", "year is not null", "value is not null"], {"metric": metric}
    if filters.region:
        if filters.region.isdigit():
            where.append("admin_code = :code")
            params["code"] = filters.region
        else:
            where.append("(region like :name or issuer like :name)")
            params["name"] = f"%{filters.region}%"
    if filters.level:
        where.append("region_level = :level")
        params["level"] = filters.level
    if filters.issuer_kind:
        where.append("issuer_kind = :kind")
        params["kind"] = filters.issuer_kind
    first, last = filters.years or (None, None)
    if first is not None:
        where.append("year >= :first")
        params["first"] = first
    if last is not None:
        where.append("year <= :last")
        params["last"] = last
    sql = ("select report_id, region, admin_code, region_level, issuer, issuer_kind, year, value from metrics "
           f"where {' and '.join(where)} order by report_id")
    with engine.connect() as conn:
        return [Record(*row) for row in conn.execute(text(sql), params)]


def entity_label(record: Record) -> str:
    """A government's report is named by its region; a department's by the department."""
    if record.issuer_kind in (None, "government", "general_office"):
        return record.region or record.issuer or record.admin_code or "?"
    return record.issuer or record.region or "?"


def compute(records: list[Record], metric: str, by: str) -> CompareResult:
    if by not in ("region", "year"):
        raise CompareError(f"--by is region or year, not {by!r}")
    groups: dict[tuple, list[Record]] = defaultdict(list)
    for r in sorted(records, key=lambda r: r.report_id):
        groups[(r.admin_code, r.issuer, r.region, r.year)].append(r)
    chosen: dict[tuple, tuple[Record, int, bool]] = {}
    for (code, issuer, region, year), copies in groups.items():
        counts = Counter(c.value for c in copies)
        top = max(counts.values())
        first = next(c for c in copies if counts[c.value] == top)  # the first-loaded copy on a tie
        chosen[(code, issuer, region, year)] = (first, len(copies), len(counts) > 1)
    points = []
    for (code, issuer, region, year), (rec, n, disagree) in chosen.items():
        prev = chosen.get((code, issuer, region, year - 1))
        previous = prev[0].value if prev else None
        change = rec.value - previous if previous is not None else None
        pct = 100.0 * change / previous if change is not None and previous else None
        points.append(Point(entity_label(rec), rec.region, rec.admin_code, rec.region_level, rec.issuer,
                            rec.issuer_kind, year, rec.value, previous, change, pct, n, disagree))
    if by == "year":
        points.sort(key=lambda p: (p.entity, p.year))
    else:  # regions side by side: each year, largest first
        points.sort(key=lambda p: (p.year, -p.value, p.entity))
    return CompareResult(metric, key_label(metric), by, tuple(points))


def compare(engine: Engine, metric: str, by: str = "year", filters: Filters = Filters()) -> CompareResult:
    check_metric(metric)
    return compute(fetch(engine, metric, filters), metric, by)


# --- rendering ----------------------------------------------------------------------------------------------


def fmt_value(value: float | None, metric: str) -> str:
    if value is None:
        return ""
    if metric.startswith("pct."):
        return f"{value:.1f}%"
    return f"{value:,.0f}" if float(value).is_integer() else f"{value:,.2f}"


def fmt_change(point: Point, metric: str) -> str:
    if point.change is None:
        return ""
    if metric.startswith("pct."):
        return f"{point.change:+.1f} pt"
    body = f"{point.change:+,.0f}" if float(point.change).is_integer() else f"{point.change:+,.2f}"
    return body + (f" ({point.change_pct:+.1f}%)" if point.change_pct is not None else "")


def _unit(metric: str) -> str:
    return "元" if is_money(metric) else "%" if metric.startswith("pct.") else ""


def rich_table(result: CompareResult):
    from rich.table import Table  # imported here: only the terminal output needs it

    title = f"{result.metric} — {result.label}" + (f" [{_unit(result.metric)}]" if _unit(result.metric) else "")
    m = result.metric
    years = result.years
    if result.by == "region" and len(years) > 1:  # a grid: regions down, years across
        table = Table(title=title, title_justify="left")
        table.add_column("region / body")
        table.add_column("code")
        for y in years:
            table.add_column(str(y), justify="right")
        table.add_column(f"YoY {years[-1]}", justify="right")
        by_entity: dict[tuple, dict[int, Point]] = defaultdict(dict)
        for p in result.points:
            by_entity[(p.entity, p.admin_code)][p.year] = p
        for (entity, code), row in sorted(by_entity.items(), key=lambda kv: -max(p.value for p in kv[1].values())):
            last = row.get(years[-1])
            table.add_row(entity, code or "", *(fmt_value(row[y].value, m) if y in row else "" for y in years),
                          _colour(fmt_change(last, m)) if last else "")
        return table
    table = Table(title=title, title_justify="left")
    for name, justify in (("region / body", "left"), ("code", "left"), ("level", "left"), ("year", "right"),
                          ("value", "right"), ("YoY change", "right"), ("copies", "right")):
        table.add_column(name, justify=justify)
    for p in result.points:
        copies = f"{p.reports}" + (" ≠" if p.copies_disagree else "")
        table.add_row(p.entity, p.admin_code or "", p.region_level or "", str(p.year), fmt_value(p.value, m),
                      _colour(fmt_change(p, m)), copies)
    return table


def _colour(change: str) -> str:
    return f"[green]{change}[/]" if change.startswith("+") else f"[red]{change}[/]" if change.startswith("-") else change


CSV_COLUMNS = ("entity", "region", "admin_code", "region_level", "issuer", "issuer_kind", "year", "metric",
               "value", "previous", "change", "change_pct", "reports", "copies_disagree")


def to_rows(result: CompareResult) -> list[dict]:
    return [{**asdict(p), "metric": result.metric} for p in result.points]


def write_csv(result: CompareResult, out) -> None:
    writer = csv.DictWriter(out, fieldnames=CSV_COLUMNS, extrasaction="ignore")
    writer.writeheader()
    writer.writerows(to_rows(result))


def to_json(result: CompareResult) -> str:
    return json.dumps({"metric": result.metric, "label": result.label, "by": result.by, "unit": _unit(result.metric),
                       "rows": to_rows(result)}, ensure_ascii=False, indent=1)


# --- the chart ----------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class FontChoice:
    family: str
    path: str


def cjk_font(families: tuple[str, ...] = CJK_FAMILIES) -> FontChoice:
    """The first of ``families`` installed, as matplotlib knows the fonts."""
    from matplotlib import font_manager

    known = {f.name: f.fname for f in font_manager.fontManager.ttflist}
    for family in families:
        if family in known:
            return FontChoice(family, known[family])
    raise CompareError("no CJK font for the chart's Chinese labels: install the Debian package fonts-noto-cjk "
                       "(or fonts-wqy-zenhei), then remove ~/.cache/matplotlib")


def plot(result: CompareResult, path: str | Path) -> FontChoice:
    """Write the chart (PNG or SVG by the file's suffix); returns the font its text is set in."""
    import matplotlib

    matplotlib.use("Agg")  # files only, never a window
    import matplotlib.pyplot as plt
    from matplotlib.ticker import FuncFormatter, MaxNLocator

    path = Path(path)
    if path.suffix.lower() not in (".png", ".svg"):
        raise CompareError(f"--plot writes .png or .svg, not {path.name!r}")
    if not result.points:
        raise CompareError("nothing to plot: no figures for this metric under these filters")
    font = cjk_font()
    m = result.metric
    style = {"font.family": "sans-serif", "font.sans-serif": [font.family, "DejaVu Sans"],
             "axes.unicode_minus": False, "svg.fonttype": "path"}
    with plt.rc_context(style):
        fig, ax = plt.subplots(figsize=(9, 5.2), dpi=120, layout="constrained")
        years = result.years
        if result.by == "year":
            series: dict[str, list[Point]] = defaultdict(list)
            for p in result.points:
                series[p.entity].append(p)
            for entity, pts in series.items():
                xs, ys = [p.year for p in pts], [p.value for p in pts]
                ax.plot(xs, ys, marker="o", linewidth=2, label=entity)
                for x, y in zip(xs, ys):
                    ax.annotate(fmt_value(y, m), (x, y), textcoords="offset points", xytext=(0, 7), ha="center",
                                fontsize=8)
            ax.set_xlabel("年度")
            ax.xaxis.set_major_locator(MaxNLocator(integer=True))
            ax.set_xticks(years)
        else:
            entities = sorted(result.entities, key=lambda e: -max(p.value for p in result.points if p.entity == e))
            width = 0.8 / max(1, len(years))
            for i, year in enumerate(years):
                vals = {p.entity: p.value for p in result.points if p.year == year}
                xs = [j + (i - (len(years) - 1) / 2) * width for j in range(len(entities))]
                ax.bar(xs, [vals.get(e, 0) for e in entities], width=width, label=str(year))
            ax.set_xticks(range(len(entities)), entities, rotation=30 if len(entities) > 4 else 0, ha="right"
                          if len(entities) > 4 else "center")
        ax.set_title(f"{result.label}\n{m}", fontsize=11)
        ax.set_ylabel(_unit(m) or "件数")
        ax.yaxis.set_major_formatter(FuncFormatter(lambda v, _pos: fmt_value(v, m) if v == int(v) else f"{v:g}"))
        ax.grid(axis="y", alpha=0.3)
        ax.legend(fontsize=9)
        ax.set_ylim(bottom=0)
        path.parent.mkdir(parents=True, exist_ok=True)
        fig.savefig(path)
        plt.close(fig)
    return font


# --- the command --------------------------------------------------------------------------------------------


def register(subparsers) -> None:
    p = subparsers.add_parser("compare", help="one metric across years or regions: table, csv, json or a chart",
                              description="Compare one metric (a canonical key such as requests.received.total, "
                              "or a derived sum.*/pct.* figure) across years or regions, with year-over-year change.")
    p.add_argument("--metric", required=True, help="canonical key or derived figure (pct.disclosed, sum.withheld …)")
    p.add_argument("--by", choices=("year", "region"), default="year",
                   help="year: each body's series; region: bodies side by side (default year)")
    p.add_argument("--region", help="six-digit division code, or part of the region/issuer name (宝山区)")
    p.add_argument("--level", choices=LEVELS)
    p.add_argument("--years", type=parse_years, metavar="FIRST:LAST", help="e.g. 2019:2024, 2021:, 2022")
    p.add_argument("--issuer-kind", choices=ISSUER_KINDS)
    p.add_argument("--format", choices=("table", "csv", "json"), default="table")
    p.add_argument("-o", "--output", help="write csv/json here (default: standard output)")
    p.add_argument("--plot", metavar="FILE.png|svg", help="also draw a chart into this file")
    p.add_argument("--db", default=argparse.SUPPRESS, help=argparse.SUPPRESS)
    p.set_defaults(run=run)


def run(args) -> int:
    from pipeline.db import connect

    filters = Filters(region=args.region, level=args.level, years=args.years, issuer_kind=args.issuer_kind)
    try:
        result = compare(connect(args.db), args.metric, args.by, filters)
        if not result.points:
            print(f"no figures for {args.metric} under these filters", file=sys.stderr)
            return 1
        if args.format == "table":
            from rich.console import Console

            Console(width=max(100, Console().width)).print(rich_table(result))
        else:
            buffer = io.StringIO()
            if args.format == "csv":
                write_csv(result, buffer)
            else:
                buffer.write(to_json(result) + "\n")
            if args.output:
                Path(args.output).write_text(buffer.getvalue(), encoding="utf-8")
            else:
                sys.stdout.write(buffer.getvalue())
        if args.plot:
            font = plot(result, args.plot)
            print(f"wrote {args.plot} (labels in {font.family})", file=sys.stderr)
    except CompareError as exc:
        print(f"gongkai compare: {exc}", file=sys.stderr)
        return 2
    return 0
