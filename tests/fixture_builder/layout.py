"""The three standard tables as grids of (possibly merged) cells, shared by the DOCX and HTML renderers.

Labels come from ``extractors.template`` (the first, official wording); the builder adds only the numbering
(一、 （一） 1.) and the fixed header texts of the national form.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from extractors.template import load_template

CN_NUM = "一二三四五六七八九十"
BALANCE_NOTE = "（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）"


@dataclass
class Cell:
    row: int
    col: int
    text: str
    rowspan: int = 1
    colspan: int = 1
    kind: str = "label"  # head | label | num | section
    key: str | None = None  # canonical key of a figure cell


@dataclass
class Grid:
    name: str  # proactive | requests | appeals
    ncols: int
    widths_cm: list[float]
    header_rows: int = 0
    cells: list[Cell] = field(default_factory=list)
    nrows: int = 0

    def add(self, row: int, col: int, text: str, rowspan: int = 1, colspan: int = 1, kind: str = "label", key=None):
        self.cells.append(Cell(row, col, text, rowspan, colspan, kind, key))
        self.nrows = max(self.nrows, row + rowspan)

    def rows(self) -> list[list[Cell]]:
        out: list[list[Cell]] = [[] for _ in range(self.nrows)]
        for c in self.cells:
            out[c.row].append(c)
        return [sorted(r, key=lambda c: c.col) for r in out]

    def check(self) -> None:
        seen: set[tuple[int, int]] = set()
        for c in self.cells:
            for r in range(c.row, c.row + c.rowspan):
                for k in range(c.col, c.col + c.colspan):
                    if (r, k) in seen or k >= self.ncols:
                        raise AssertionError(f"{self.name}: overlapping/outside cell at {(r, k)}")
                    seen.add((r, k))
        if len(seen) != self.nrows * self.ncols:
            raise AssertionError(f"{self.name}: grid has holes")


def _fmt_number(x: float) -> str:
    s = f"{x:.4f}".rstrip("0").rstrip(".")
    return s


def printed(truth: dict, key: str) -> str:
    """How the report prints one cell."""
    if key in truth.get("printed", {}):
        return truth["printed"][key]
    value = truth["cells"][key]
    if value is None:
        return ""
    if key in load_template().money_keys():
        # the national form states 万元 in the ed2021 header; ed2019 prints the unit in the cell
        wan = _fmt_number(value / 10000)
        return wan if truth["edition"] == "ed2021" else f"{wan} 万元"
    return str(value)


def proactive_grid(truth: dict, overrides: dict[str, str]) -> Grid:
    t, ed = load_template(), truth["edition"]
    g = Grid("proactive", 4, [4.6, 4.1, 4.1, 4.1])
    r = 0
    for block in t.proactive:
        if ed not in block.editions:
            continue
        cols = block.columns[ed]
        g.add(r, 0, block.section, colspan=4, kind="section")
        r += 1
        g.add(r, 0, "信息内容", kind="head")
        spans = _spans(len(cols))
        for (c0, cs), col in zip(spans, cols):
            g.add(r, c0, overrides.get(f"proactive.{block.key}.{col.key}", col.label), colspan=cs, kind="head")
        _pad(g, r, spans)
        r += 1
        for row in block.rows_for(ed):
            g.add(r, 0, overrides.get(f"proactive.{block.key}.{row.key}", row.label), kind="label")
            for (c0, cs), col in zip(spans, cols):
                key = f"proactive.{block.key}.{row.key}.{col.key}"
                g.add(r, c0, printed(truth, key), colspan=cs, kind="num", key=key)
            _pad(g, r, spans)
            r += 1
    g.check()
    return g


def _spans(n: int) -> list[tuple[int, int]]:
    if n == 1:
        return [(1, 3)]
    return [(1 + i, 1) for i in range(n)]


def _pad(g: Grid, r: int, spans: list[tuple[int, int]]) -> None:
    end = spans[-1][0] + spans[-1][1]
    for c in range(end, 4):
        g.add(r, c, "", kind="num")


def requests_grid(truth: dict, overrides: dict[str, str]) -> Grid:
    from .truth import request_rows

    t = load_template()
    cols = t.request_columns
    rows = {r.key: r for r in t.request_rows}
    groups = {gr.key: gr for gr in t.request_groups}
    keys = request_rows(truth)
    g = Grid("requests", 10, [1.3, 2.3, 4.4] + [1.3] * 7, header_rows=3)
    g.add(0, 0, BALANCE_NOTE, rowspan=3, colspan=3, kind="head")
    g.add(0, 3, "申请人情况", colspan=7, kind="head")
    label = {c.key: overrides.get(f"requests.{c.key}", c.label) for c in cols}
    g.add(1, 3, label["natural_person"], rowspan=2, kind="head")
    g.add(1, 4, "法人或其他组织", colspan=5, kind="head")
    g.add(1, 9, label["total"], rowspan=2, kind="head")
    for i, c in enumerate(cols[1:6]):
        g.add(2, 4 + i, label[c.key], kind="head")

    r = 3
    result_rows = [k for k in keys if k.startswith("result.")]
    top_no = iter(CN_NUM)
    sub_no = iter(CN_NUM)
    done_groups: set[str] = set()
    for key in keys:
        row = rows[key]
        if not key.startswith("result."):
            g.add(r, 0, f"{next(top_no)}、{row.label}", colspan=3)
        else:
            if key == result_rows[0]:
                g.add(r, 0, f"{next(top_no)}、{groups['result'].label}", rowspan=len(result_rows))
            if row.group:
                if row.group not in done_groups:
                    done_groups.add(row.group)
                    members = [k for k in keys if rows[k].group == row.group]
                    g.add(r, 1, f"（{next(sub_no)}）{groups[row.group].label}", rowspan=len(members))
                    leaf_no = 0
                leaf_no += 1
                g.add(r, 2, f"{leaf_no}.{row.label}")
            else:
                g.add(r, 1, f"（{next(sub_no)}）{row.label}", colspan=2)
        for i, c in enumerate(cols):
            k = f"requests.{key}.{c.key}"
            g.add(r, 3 + i, printed(truth, k), kind="num", key=k)
        r += 1
    g.check()
    return g


def appeals_grid(truth: dict, overrides: dict[str, str]) -> Grid:
    t = load_template()
    groups, cols = t.appeal_groups, t.appeal_columns
    g = Grid("appeals", 15, [1.14] * 15, header_rows=3)
    g.add(0, 0, groups[0].label, colspan=5, kind="head")
    g.add(0, 5, groups[1].parent, colspan=10, kind="head")
    for i, c in enumerate(cols):
        g.add(1, i, c.label, rowspan=2, kind="head")
    g.add(1, 5, groups[1].label, colspan=5, kind="head")
    g.add(1, 10, groups[2].label, colspan=5, kind="head")
    for gi in (1, 2):
        for i, c in enumerate(cols):
            g.add(2, 5 * gi + i, c.label, kind="head")
    for gi, grp in enumerate(groups):
        for i, c in enumerate(cols):
            k = f"appeals.{grp.key}.{c.key}"
            g.add(3, 5 * gi + i, printed(truth, k), kind="num", key=k)
    g.check()
    return g


def grids(truth: dict, overrides: dict[str, str] | None = None) -> dict[str, Grid]:
    overrides = overrides or {}
    return {
        "proactive": proactive_grid(truth, overrides),
        "requests": requests_grid(truth, overrides),
        "appeals": appeals_grid(truth, overrides),
    }
