"""``gongkai compare``: one metric across years or regions, as a terminal table, CSV, JSON or a chart.

Query (``fetch``) and computation (``compute``) are separate so the arithmetic is testable on plain records.
Rows and chart labels are bodies (pipeline.bodies: 上海市 · 人民政府 / 上海市 · 办公厅), never a bare region. A
body's several copies of one year's report (the same report as PDF and DOCX) count once: the copy stored as
counting at ingest (copy_rank 0, the best read), and ``copies_disagree`` names the keys where copies differ.
Year-over-year change is within one body only.
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

from pipeline.db import LIKE_ESCAPE, like_contains
from pipeline.bodies import body_of, kind_of
from pipeline.views import metric_label, metric_names, metric_unit

LEVELS = ("province", "prefecture", "county")
ISSUER_KINDS = ("government", "general_office", "government_organ", "department", "township")
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
    body: str | None = None  # reports.body; None on records made by hand: then the code and issuer
    body_label: str | None = None
    copy_rank: int | None = 0
    copies: int | None = 1
    copies_disagree: str | None = None


@dataclass(frozen=True)
class Point:
    """One body in one year."""

    entity: str  # the body's label, e.g. 上海市 · 办公厅
    body: str
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
    copies: int  # copies of the report behind the figure (the views' ``copies``)
    copies_disagree: str | None  # the keys whose values differ between those copies


@dataclass(frozen=True)
class CompareResult:
    metric: str
    label: str  # the metric's Chinese name
    by: str  # region | year
    points: tuple[Point, ...]
    unit: str = ""

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
            first = last = spec
        else:
            first, last = spec.split(":", 1)
        years = (int(first) if first else None, int(last) if last else None)
    except ValueError:
        raise CompareError(f"--years wants YEAR or FIRST:LAST (e.g. 2019:2024), not {spec!r}") from None
    if any(y is not None and not 1000 <= y <= 9999 for y in years):  # a database integer holds no 10**20
        raise CompareError(f"--years wants four-digit years (e.g. 2019:2024), not {spec!r}")
    return years


def _years_argument(spec: str) -> tuple[int | None, int | None]:
    """parse_years for argparse: a bad --years is a usage error (exit 2) saying why."""
    import argparse

    try:
        return parse_years(spec)
    except CompareError as exc:
        raise argparse.ArgumentTypeError(str(exc)) from None


def check_metric(metric: str) -> None:
    names = metric_names()
    if metric not in names:
        close = difflib.get_close_matches(metric, names, n=3, cutoff=0.6)
        hint = f"; did you mean {', '.join(close)}?" if close else " (see the metrics view or extractors/template.yaml)"
        raise CompareError(f"unknown metric {metric!r}{hint}")


def fetch(engine: Engine, metric: str, filters: Filters = Filters()) -> list[Record]:
    """The metric's figures of the copies that count (copy_rank 0), one per body-year."""
    where = ["metric = :metric", "year is not null", "value is not null", "copy_rank = 0"]
    params: dict = {"metric": metric}
    if filters.region:
        if filters.region.isdigit():
            where.append("admin_code = :code")
            params["code"] = filters.region
        else:
            where.append("(region like :name escape :esc or issuer like :name escape :esc "
                         "or body_label like :name escape :esc)")
            params.update(name=like_contains(filters.region), esc=LIKE_ESCAPE)
    if filters.level:
        where.append("region_level = :level")
        params["level"] = filters.level
    first, last = filters.years or (None, None)
    if first is not None:
        where.append("year >= :first")
        params["first"] = first
    if last is not None:
        where.append("year <= :last")
        params["last"] = last
    sql = ("select report_id, region, admin_code, region_level, issuer, issuer_kind, year, value, body, body_label, "
           f"copy_rank, copies, copies_disagree from metrics where {' and '.join(where)} order by report_id")
    with engine.connect() as conn:
        records = [Record(*row) for row in conn.execute(text(sql), params)]
    if filters.issuer_kind:  # the body's kind: a copy whose issuer was not read has none of its own
        records = [r for r in records if (kind_of(r.body) if r.body and not r.body.startswith("?|")
                                          else r.issuer_kind) == filters.issuer_kind]
    return records


def _body(record: Record) -> tuple[str, str]:
    """(key, label) of the record's body: the stored one; on hand-made records, code + issuer."""
    if record.body:
        return record.body, record.body_label or record.body
    b = body_of(admin_code=record.admin_code, region=record.region, issuer=record.issuer,
                issuer_kind=record.issuer_kind)
    return b.key, b.label


def compute(records: list[Record], metric: str, by: str, top: int | None = None) -> CompareResult:
    """Points per body-year (the copy that counts), YoY within each body; ``top``: the N bodies with the
    largest figure in their latest year."""
    if by not in ("region", "year"):
        raise CompareError(f"--by is region or year, not {by!r}")
    if top is not None and top < 1:
        raise CompareError(f"--top wants a positive number, not {top}")
    chosen: dict[tuple[str, int], tuple[Record, str]] = {}
    for r in sorted(records, key=lambda r: (r.copy_rank or 0, r.report_id)):  # the best copy first
        key, label = _body(r)
        chosen.setdefault((key, r.year), (r, label))
    labels = _distinct_labels({key: (label, rec) for (key, _y), (rec, label) in chosen.items()})
    points = []
    for (key, year), (rec, _label) in chosen.items():
        prev = chosen.get((key, year - 1))
        previous = prev[0].value if prev else None
        change = rec.value - previous if previous is not None else None
        pct = 100.0 * change / previous if change is not None and previous else None
        points.append(Point(labels[key], key, rec.region, rec.admin_code, rec.region_level, rec.issuer,
                            kind_of(key) or rec.issuer_kind, year, rec.value, previous, change, pct, rec.copies or 1,
                            rec.copies_disagree))
    if top is not None:
        latest: dict[str, tuple[int, float]] = {}
        for p in points:
            latest[p.body] = max(latest.get(p.body, (p.year, p.value)), (p.year, p.value))
        best = sorted(latest, key=lambda b: (-latest[b][0], -latest[b][1], labels[b]))[:top]
        points = [p for p in points if p.body in set(best)]
    if by == "year":
        points.sort(key=lambda p: (p.entity, p.year))
    else:  # bodies side by side: each year, largest first
        points.sort(key=lambda p: (p.year, -p.value, p.entity))
    return CompareResult(metric, metric_label(metric), by, tuple(points), metric_unit(metric))


def _distinct_labels(bodies: dict[str, tuple[str, Record]]) -> dict[str, str]:
    """Each body's label, with its division code added where two bodies would otherwise share one."""
    count = Counter(label for label, _r in bodies.values())
    out = {}
    for key, (label, rec) in bodies.items():
        out[key] = label if count[label] == 1 else f"{label} ({rec.admin_code or key.split('|', 1)[-1]})"
    return out


def compare(engine: Engine, metric: str, by: str = "year", filters: Filters = Filters(),
            top: int | None = None) -> CompareResult:
    check_metric(metric)
    return compute(fetch(engine, metric, filters), metric, by, top)


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


def rich_table(result: CompareResult):
    from rich.table import Table  # imported here: only the terminal output needs it

    title = f"{result.label}（{result.unit}） {result.metric}"
    m = result.metric
    years = result.years
    if result.by == "region" and len(years) > 1:  # a grid: bodies down, years across
        table = Table(title=title, title_justify="left")
        table.add_column("#", justify="right")
        table.add_column("body")
        table.add_column("code")
        for y in years:
            table.add_column(str(y), justify="right")
        table.add_column(f"YoY {years[-1]}", justify="right")
        for i, (entity, row) in enumerate(_grid(result), 1):
            last = row.get(years[-1])
            code = next(iter(row.values())).admin_code or ""
            table.add_row(str(i), entity, code, *(fmt_value(row[y].value, m) if y in row else "" for y in years),
                          _colour(fmt_change(last, m)) if last else "")
        return table
    table = Table(title=title, title_justify="left")
    for name, justify in (("#", "right"), ("body", "left"), ("code", "left"), ("level", "left"), ("year", "right"),
                          ("value", "right"), ("YoY change", "right"), ("copies", "right")):
        table.add_column(name, justify=justify)
    for i, p in enumerate(result.points, 1):
        copies = f"{p.copies}" + (" ≠" if p.copies_disagree else "")
        table.add_row(str(i), p.entity, p.admin_code or "", p.region_level or "", str(p.year), fmt_value(p.value, m),
                      _colour(fmt_change(p, m)), copies)
    return table


def _grid(result: CompareResult) -> list[tuple[str, dict[int, Point]]]:
    """Bodies with their points by year, ranked by their latest year's figure, largest first."""
    rows: dict[str, dict[int, Point]] = defaultdict(dict)
    for p in result.points:
        rows[p.entity][p.year] = p
    return sorted(rows.items(), key=lambda kv: (-max(kv[1]), -kv[1][max(kv[1])].value, kv[0]))


def _colour(change: str) -> str:
    return f"[green]{change}[/]" if change.startswith("+") else f"[red]{change}[/]" if change.startswith("-") else change


CSV_COLUMNS = ("entity", "body", "region", "admin_code", "region_level", "issuer", "issuer_kind", "year", "metric",
               "value", "previous", "change", "change_pct", "copies", "copies_disagree")


def to_rows(result: CompareResult) -> list[dict]:
    return [{**asdict(p), "metric": result.metric} for p in result.points]


def write_csv(result: CompareResult, out) -> None:
    writer = csv.DictWriter(out, fieldnames=CSV_COLUMNS, extrasaction="ignore")
    writer.writeheader()
    writer.writerows(to_rows(result))


def to_json(result: CompareResult) -> str:
    return json.dumps({"metric": result.metric, "label": result.label, "by": result.by, "unit": result.unit,
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


CHARTS = ("auto", "lines", "bars", "heat")
MAX_LINES = 10  # more series than this in a line chart cannot be told apart: auto draws a heatmap instead


def chart_kind(result: CompareResult, chart: str = "auto") -> str:
    """auto: each body's series as lines (a heatmap past MAX_LINES bodies) for --by year; for --by region,
    horizontal bars for one year and a heatmap of bodies × years for several."""
    if chart != "auto":
        return chart
    if result.by == "year":
        return "lines" if len(result.entities) <= MAX_LINES else "heat"
    return "bars" if len(result.years) == 1 else "heat"


def plot(result: CompareResult, path: str | Path, chart: str = "auto") -> FontChoice:
    """Write the chart (PNG or SVG by the file's suffix); returns the font its text is set in.

    lines: one line per body over the years; bars: horizontal bars, bodies sorted by their latest figure,
    one bar per year; heat: a heatmap of bodies (rows, sorted) × years (columns), each cell's figure printed.
    Titles and labels in Chinese, legends outside the plot, the figure as tall as its bodies need.
    """
    import matplotlib

    matplotlib.use("Agg")  # files only, never a window
    import matplotlib.pyplot as plt

    path = Path(path)
    if path.suffix.lower() not in (".png", ".svg"):
        raise CompareError(f"--plot writes .png or .svg, not {path.name!r}")
    if chart not in CHARTS:
        raise CompareError(f"--chart is one of {', '.join(CHARTS)}, not {chart!r}")
    if not result.points:
        raise CompareError("nothing to plot: no figures for this metric under these filters")
    font = cjk_font()
    kind = chart_kind(result, chart)
    style = {"font.family": "sans-serif", "font.sans-serif": [font.family, "DejaVu Sans"],
             "axes.unicode_minus": False, "svg.fonttype": "path"}
    rows = _grid(result)
    with plt.rc_context(style):
        if kind == "lines":
            fig = _lines(plt, result)
        elif kind == "bars":
            fig = _bars(plt, result, rows)
        else:
            fig = _heat(plt, result, rows)
        unit = f"（单位：{result.unit}）" if result.unit else ""
        fig.suptitle(f"{result.label}{unit}", fontsize=13, fontweight="bold")
        span = f"{result.years[0]}–{result.years[-1]}" if len(result.years) > 1 else f"{result.years[0]}"
        fig.supxlabel(f"{result.metric} · {len(rows)} 个机关 · {span} 年 · 每个机关每年计一份报告（最佳读取的副本）",
                      fontsize=8, color="#555", x=0.01, ha="left")
        path.parent.mkdir(parents=True, exist_ok=True)
        fig.savefig(path, bbox_inches="tight")
        plt.close(fig)
    return font


def _axis_formatter(metric: str):
    from matplotlib.ticker import FuncFormatter

    return FuncFormatter(lambda v, _pos: fmt_value(v, metric) if float(v).is_integer() else f"{v:g}")


def _lines(plt, result: CompareResult):
    from matplotlib.ticker import MaxNLocator

    m = result.metric
    fig, ax = plt.subplots(figsize=(10, 5.5), dpi=120, layout="constrained")
    series: dict[str, list[Point]] = defaultdict(list)
    for p in result.points:
        series[p.entity].append(p)
    for entity, pts in sorted(series.items(), key=lambda kv: -kv[1][-1].value):
        xs, ys = [p.year for p in pts], [p.value for p in pts]
        ax.plot(xs, ys, marker="o", linewidth=2, label=entity)
        for x, y in zip(xs, ys):
            ax.annotate(fmt_value(y, m), (x, y), textcoords="offset points", xytext=(0, 7), ha="center", fontsize=8)
    ax.set_xlabel("年度")
    ax.xaxis.set_major_locator(MaxNLocator(integer=True))
    ax.set_xticks(result.years)
    ax.set_ylabel(result.unit)
    ax.yaxis.set_major_formatter(_axis_formatter(m))
    ax.grid(axis="y", alpha=0.3)
    ax.set_ylim(bottom=0)
    ax.legend(title="机关", fontsize=9, loc="upper left", bbox_to_anchor=(1.01, 1), borderaxespad=0)
    return fig


def _bars(plt, result: CompareResult, rows: list[tuple[str, dict[int, Point]]]):
    m, years = result.metric, result.years
    height = max(3.0, 0.32 * len(rows) * max(1, len(years)) ** 0.6 + 1.5)
    fig, ax = plt.subplots(figsize=(10, height), dpi=120, layout="constrained")
    band = 0.8 / len(years)
    top = max(p.value for p in result.points) or 1
    for i, year in enumerate(years):
        ys = [j + (i - (len(years) - 1) / 2) * band for j in range(len(rows))]
        vals = [row[year].value if year in row else 0 for _e, row in rows]
        bars = ax.barh(ys, vals, height=band, label=f"{year}年")
        if len(years) <= 2:
            for bar, (_e, row) in zip(bars, rows):
                if year in row:
                    ax.text(bar.get_width() + top * 0.01, bar.get_y() + bar.get_height() / 2,
                            fmt_value(row[year].value, m), va="center", fontsize=8)
    ax.set_yticks(range(len(rows)), [e for e, _row in rows], fontsize=9)
    ax.set_ylim(len(rows) - 0.5, -0.5)  # the largest on top, no empty band above or below
    ax.set_xlabel(result.unit)
    ax.xaxis.set_major_formatter(_axis_formatter(m))
    ax.set_xlim(0, top * 1.12)
    ax.grid(axis="x", alpha=0.3)
    if len(years) > 1:
        ax.legend(title="年度", fontsize=9, loc="upper left", bbox_to_anchor=(1.01, 1), borderaxespad=0)
    return fig


def _heat(plt, result: CompareResult, rows: list[tuple[str, dict[int, Point]]]):
    import numpy as np

    m, years = result.metric, result.years
    grid = np.full((len(rows), len(years)), np.nan)
    for i, (_e, row) in enumerate(rows):
        for j, year in enumerate(years):
            if year in row:
                grid[i, j] = row[year].value
    fig, ax = plt.subplots(figsize=(max(6.0, 1.1 * len(years) + 4.5), max(3.0, 0.34 * len(rows) + 1.6)), dpi=120,
                           layout="constrained")
    cmap = plt.get_cmap("YlOrRd").with_extremes(bad="#eeeeee")  # grey: not loaded
    image = ax.imshow(np.ma.masked_invalid(grid), aspect="auto", cmap=cmap)
    ax.set_xticks(range(len(years)), [f"{y}年" for y in years], fontsize=9)
    ax.set_yticks(range(len(rows)), [e for e, _row in rows], fontsize=9)
    ax.xaxis.tick_top()
    finite = grid[~np.isnan(grid)]
    middle = (finite.min() + finite.max()) / 2 if finite.size else 0
    for i in range(len(rows)):
        for j in range(len(years)):
            v = grid[i, j]
            ax.text(j, i, "—" if np.isnan(v) else fmt_value(float(v), m), ha="center", va="center", fontsize=8,
                    color="white" if not np.isnan(v) and v > middle and finite.max() > finite.min() else "black")
    bar = fig.colorbar(image, ax=ax, shrink=0.8, pad=0.02)
    bar.set_label(result.unit)
    return fig


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
    p.add_argument("--years", type=_years_argument, metavar="FIRST:LAST", help="e.g. 2019:2024, 2021:, 2022")
    p.add_argument("--issuer-kind", choices=ISSUER_KINDS)
    p.add_argument("--format", choices=("table", "csv", "json"), default="table")
    p.add_argument("-o", "--output", help="write csv/json here (default: standard output)")
    p.add_argument("--top", type=int, metavar="N", help="only the N bodies with the largest figure in their "
                   "latest year (a ranking with --by region)")
    p.add_argument("--plot", metavar="FILE.png|svg", help="also draw a chart into this file")
    p.add_argument("--chart", choices=CHARTS, default="auto", help="the chart --plot draws: lines (each body over "
                   "the years), bars (horizontal, sorted), heat (bodies × years); auto picks by --by and size")
    p.add_argument("--db", default=argparse.SUPPRESS, help=argparse.SUPPRESS)
    p.set_defaults(run=run)


def run(args) -> int:
    from pipeline.db import connect

    filters = Filters(region=args.region, level=args.level, years=args.years, issuer_kind=args.issuer_kind)
    try:
        result = compare(connect(args.db, readonly=True), args.metric, args.by, filters, top=args.top)
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
            font = plot(result, args.plot, args.chart)
            print(f"wrote {args.plot}: {chart_kind(result, args.chart)} chart of {len(result.entities)} bodies "
                  f"(labels in {font.family})", file=sys.stderr)
    except CompareError as exc:
        print(f"gongkai compare: {exc}", file=sys.stderr)
        return 2
    return 0


# --- gongkai metrics ----------------------------------------------------------------------------------------


@dataclass(frozen=True)
class MetricInfo:
    name: str  # what --metric takes
    label: str  # its Chinese name
    unit: str  # 件 | 元 | %


def find_metrics(words: list[str] | tuple[str, ...] = ()) -> list[MetricInfo]:
    """Every metric (canonical keys in template order, then sum.*, pct.*) whose name or Chinese label holds
    every one of ``words`` (不掌握, 复议 纠正, received …; case-insensitive)."""
    out = []
    terms = [w.lower() for w in words for w in w.split()]
    for name in metric_names():
        info = MetricInfo(name, metric_label(name), metric_unit(name))
        hay = f"{info.name} {info.label}".lower()
        if all(t in hay for t in terms):
            out.append(info)
    return out


def register_metrics(subparsers) -> None:
    p = subparsers.add_parser("metrics", help="list the metrics compare takes, with Chinese label and unit; "
                              "WORDS narrow it (gongkai metrics 不掌握)")
    p.add_argument("words", nargs="*", metavar="WORDS", help="Chinese or English words the name or label holds")
    p.set_defaults(run=run_metrics)


def run_metrics(args) -> int:
    found = find_metrics(args.words)
    for m in found:
        print(f"{m.name}\t{m.label}\t{m.unit}")
    print(f"{len(found)} metric(s)" + (f" matching {' '.join(args.words)}" if args.words else ""), file=sys.stderr)
    return 0 if found else 1
