"""The three standard tables as real reports dress them: a parameterised twin of ``layout.py`` for the variants.

``layout.py`` draws the national form as issued; here every label can be rewritten by rules (numbering styles,
typos, line breaks, vertical labels), rows and blocks can be dropped or added, a stray empty column inserted,
and a grid can be cut into page parts (header repeated or not, a spanned label kept, repeated or cut in two).
Figures still come from ``layout.printed`` (the truth's ``printed`` map), so what is drawn is what the truth says.
"""

from __future__ import annotations

import fnmatch
import re
from collections.abc import Callable
from dataclasses import dataclass, field, replace

from extractors.template import load_template

from .layout import BALANCE_NOTE, CN_NUM, Cell, Grid, printed
from .truth import request_rows

Rule = tuple[str, Callable[[str], str]]  # (fnmatch pattern over label ids, rewrite of the full label text)


@dataclass
class Opts:
    """How one variant dresses the tables (render-time only; the truth says what the figures are)."""

    rules: list[Rule] = field(default_factory=list)
    top_num: str = "一、"  # numbering styles: "一、" / "一." / "" ; "（一）" / "(一)" / "一、" / "" ; "1." / "1、" / ""
    sub_num: str = "（一）"
    leaf_num: dict[str, str] = field(default_factory=dict)  # group -> leaf style; default "1."
    drop: set[str] = field(default_factory=set)  # "requests.<row>", "proactive.<block>.<row>", "proactive.<block>"
    extra_rows: list[tuple[str, str, list[str]]] = field(default_factory=list)  # (block, label, printed figures)
    stray_col: bool = False  # an empty column (empty header cell) between the labels and the figures
    rotated: set[str] = field(default_factory=set)  # label ids printed in a vertical font (WPS textDirection)
    # page parts: table -> anchors ("row:<key>", "section:<block>", "after:section:<block>") where a part begins
    splits: dict[str, list[str]] = field(default_factory=dict)
    split_label: str = "stay"  # a row-spanned label crossing a part break: stay | repeat | cut
    repeat_header: bool = False
    between: list[str] = field(default_factory=list)  # a line printed between parts (page furniture)
    footer: bool = False  # page numbers in the page footer
    borders: str = "all"  # all | none | horizontal | outer
    flow: str | None = None  # a table left whole and pushed across a page boundary (LibreOffice splits it)
    flow_repeat: bool = False
    # tables whose heading starts a fresh page, so that no table is cut by accident (only by a kind's choice)
    fresh_page: set[str] = field(default_factory=lambda: {"requests", "appeals"})
    # form | turned (a group a row) | stacked (行政复议's table, then 行政诉讼's under it) | stacked-headed (the
    # same, each group named by a line above its table: （一）行政复议情况)
    appeals: str = "form"
    proactive_side: bool = False  # each 第二十条 heading down a merged column left of its header and rows
    # each block's heading cut to its 第（一）项, printed over the first column heading in its cell (no row of its own)
    proactive_heading_in_header: bool = False
    proactive_no_headings: bool = False  # no 第二十条 heading at all: each block opens on its header
    # one label column: a sub-row's label after its parent's and a dash (不予公开—属于国家秘密), no parent cells
    requests_flat: bool = False
    # with requests_flat: the result block's heading and a colon before the first result row's label
    # (三、本年度办理结果：（一）予以公开)
    requests_flat_result_head: bool = False
    label_center: bool = False  # row labels centred in their cells, each wrapped line on its own (WPS's way)
    label_width: float = 1.0  # factor on the label columns' widths (narrow: labels wrap over more lines)
    # how the reportlab producer (rlrender.py) draws the page; the DOCX/HTML renderers ignore these
    font: str = "wqy"  # wqy (WenQuanYi Zen Hei TTF, embedded) | stsong (STSong-Light, a CID font not embedded)
    fake_bold: bool = False  # title, headings, header cells and the 总计 row painted twice, shifted 0.4 pt
    digit_gap: float = 0.0  # extra space (pt) between the glyphs of a figure ('5 3 3')
    row_break: str | None = None  # a requests row whose label is broken by the page end (head | tail)
    row_break_low: bool = False  # with row_break: the figures go with the label's tail, the head stands alone
    title_tail: int = 0  # the title's last characters wrapped alone onto a second line (…年度报 | 告)

    def label(self, ident: str, text: str) -> str:
        for pattern, fx in self.rules:
            if fnmatch.fnmatchcase(ident, pattern):
                text = fx(text)
        return text


@dataclass
class VGrid(Grid):
    tags: dict[str, int] = field(default_factory=dict)  # anchor -> grid row
    ids: dict[int, str] = field(default_factory=dict)  # id(cell) -> label id (for rotated cells)
    then: VGrid | None = None  # a table of its own printed right under this one (the rest of a table printed apart)
    heading: str | None = None  # a line printed right above it, outside it (（一）行政复议情况)

    def put(self, ident: str | None, row: int, col: int, text: str, **kw) -> Cell:
        self.add(row, col, text, **kw)
        cell = self.cells[-1]
        if ident:
            self.ids[id(cell)] = ident
        return cell


LABEL_COLUMNS = {"proactive": 1, "requests": 3, "appeals": 0}  # a standard table's row-label columns


def narrowed_widths(g: Grid, o: Opts) -> list[float]:
    """The grid's column widths (cm), its label columns narrowed by ``o.label_width`` and its figure columns
    widened by what they gave up (the table as wide as before)."""
    ws = list(g.widths_cm)
    labels = LABEL_COLUMNS[g.name]
    if o.label_width == 1.0 or not labels:
        return ws
    rest = sum(ws[labels:])
    cut = sum(ws[:labels]) * (1 - o.label_width)
    return [w * o.label_width for w in ws[:labels]] + [w * (1 + cut / rest) for w in ws[labels:]]


def _cn(i: int) -> str:
    return CN_NUM[i] if i < 10 else f"十{CN_NUM[i - 10]}"


def numbered(style: str, i: int) -> str:
    """Numbering ``i`` (0-based) in a style written with 一 or 1 as the placeholder."""
    if not style:
        return ""
    return style.replace("一", _cn(i)) if "一" in style else style.replace("1", str(i + 1))


# --- 二、主动公开政府信息情况 ----------------------------------------------------------------------------------


def proactive_grid(truth: dict, o: Opts) -> VGrid:
    t, ed = load_template(), truth["edition"]
    g = VGrid("proactive", 4, [4.6, 4.1, 4.1, 4.1])
    r = 0
    for block in t.proactive:
        if ed not in block.editions or f"proactive.{block.key}" in o.drop:
            continue
        cols = block.columns[ed]
        g.tags[f"section:{block.key}"] = r
        section = o.label(f"proactive.section.{block.key}", block.section)
        if o.proactive_heading_in_header or o.proactive_no_headings:
            g.tags[f"after:section:{block.key}"] = r
        else:
            g.tags[f"after:section:{block.key}"] = r + 1
            g.put(f"proactive.section.{block.key}", r, 0, section, colspan=4, kind="section")
            r += 1
        g.tags[f"head:{block.key}"] = r
        g.put("proactive.head", r, 0, o.label("proactive.head", "信息内容"), kind="head")
        spans = _spans(len(cols))
        for i, ((c0, cs), col) in enumerate(zip(spans, cols)):
            ident = f"proactive.col.{block.key}.{col.key}"
            text = o.label(ident, col.label)
            if o.proactive_heading_in_header and not o.proactive_no_headings and i == 0:
                text = section.replace("第二十条", "", 1).strip() + "\n" + text
            g.put(ident, r, c0, text, colspan=cs, kind="head")
        _pad(g, r, spans)
        r += 1
        for row in block.rows_for(ed):
            if f"proactive.{block.key}.{row.key}" in o.drop:
                continue
            g.tags[f"row:{block.key}.{row.key}"] = r
            ident = f"proactive.row.{block.key}.{row.key}"
            g.put(ident, r, 0, o.label(ident, row.label), kind="label")
            for (c0, cs), col in zip(spans, cols):
                key = f"proactive.{block.key}.{row.key}.{col.key}"
                g.add(r, c0, printed(truth, key), colspan=cs, kind="num", key=key)
            _pad(g, r, spans)
            r += 1
        for bkey, text, figures in o.extra_rows:
            if bkey == block.key:
                g.put("proactive.extra", r, 0, text, kind="label")
                for (c0, cs), fig in zip(spans, figures):
                    g.add(r, c0, fig, colspan=cs, kind="num")
                _pad(g, r, spans)
                r += 1
    g.check()
    return _side_headings(g) if o.proactive_side else g


def _side_headings(g: VGrid) -> VGrid:
    """The grid with each block's heading row turned into a cell down a new left column, spanning the block's
    header and rows (第二十条 / 第（一）项 | 信息内容 | 本年制发件数 …); an anchor of a heading row names the row
    after it."""
    headings = sorted(c.row for c in g.cells if c.kind == "section")
    new_row = {r: r - sum(h <= r for h in headings) for r in range(g.nrows) if r not in headings}
    out = VGrid("proactive", g.ncols + 1, [2.6] + [w * 0.86 for w in g.widths_cm], header_rows=g.header_rows)
    for c in sorted(g.cells, key=lambda c: (c.row, c.col)):
        ident = g.ids.get(id(c))
        if c.kind == "section":
            following = [h for h in headings if h > c.row]
            end = following[0] if following else g.nrows
            out.put(ident, new_row[c.row + 1], 0, c.text.replace("第（", "\n第（", 1), rowspan=end - c.row - 1,
                    kind="section")
        else:
            out.put(ident, new_row[c.row], c.col + 1, c.text, rowspan=c.rowspan, colspan=c.colspan, kind=c.kind,
                    key=c.key)
    out.tags = {a: new_row.get(r, new_row.get(r + 1, 0)) for a, r in g.tags.items()}
    out.check()
    return out


def _spans(n: int) -> list[tuple[int, int]]:
    return [(1, 3)] if n == 1 else [(1 + i, 1) for i in range(n)]


def _pad(g: Grid, r: int, spans: list[tuple[int, int]]) -> None:
    end = spans[-1][0] + spans[-1][1]
    for c in range(end, 4):
        g.add(r, c, "", kind="num")


# --- 三、收到和处理政府信息公开申请情况 ------------------------------------------------------------------------


def requests_grid(truth: dict, o: Opts) -> VGrid:
    t = load_template()
    cols = t.request_columns
    rows = {r.key: r for r in t.request_rows}
    groups = {gr.key: gr for gr in t.request_groups}
    all_keys = request_rows(truth)
    keys = [k for k in all_keys if f"requests.{k}" not in o.drop]
    x = 1 if o.stray_col else 0  # figures start at column 3 + x
    g = VGrid("requests", 10 + x, [1.3, 2.3, 4.2] + [0.4] * x + [1.3] * 7, header_rows=3)
    g.put("requests.head.note", 0, 0, o.label("requests.head.note", BALANCE_NOTE), rowspan=3, colspan=3, kind="head")
    if x:
        g.add(0, 3, "", rowspan=3, kind="head")
    g.put("requests.head.applicants", 0, 3 + x, o.label("requests.head.applicants", "申请人情况"), colspan=7,
          kind="head")
    label = {c.key: o.label(f"requests.col.{c.key}", c.label) for c in cols}
    g.put("requests.col.natural_person", 1, 3 + x, label["natural_person"], rowspan=2, kind="head")
    g.put("requests.head.orgs", 1, 4 + x, o.label("requests.head.orgs", "法人或其他组织"), colspan=5, kind="head")
    g.put("requests.col.total", 1, 9 + x, label["total"], rowspan=2, kind="head")
    for i, c in enumerate(cols[1:6]):
        g.put(f"requests.col.{c.key}", 2, 4 + x + i, label[c.key], kind="head")

    r = 3
    result_rows = [k for k in keys if k.startswith("result.")]
    top = [k for k in all_keys if not k.startswith("result.")]
    top_index = {k: (i if i < 2 else i + 1) for i, k in enumerate(top)}  # 三、 is the result block
    subs = []  # template order of the sub-items (（一）…（七）)
    for k in all_keys:
        item = rows[k].group or k
        if k.startswith("result.") and item not in subs:
            subs.append(item)
    for key in keys:
        row = rows[key]
        g.tags[f"row:{key}"] = r
        if not key.startswith("result."):
            ident = f"requests.row.{key}"
            g.put(ident, r, 0, o.label(ident, numbered(o.top_num, top_index[key]) + row.label), colspan=3)
        elif o.requests_flat:
            ident = f"requests.row.{key}"
            parent = o.label(f"requests.group.{row.group}", groups[row.group].label) + "—" if row.group else ""
            if key == result_rows[0] and o.requests_flat_result_head:
                parent = numbered(o.top_num, 2) + groups["result"].label + "：" + parent
            g.put(ident, r, 0, parent + o.label(ident, row.label), colspan=3)
        else:
            if key == result_rows[0]:
                ident = "requests.group.result"
                g.put(ident, r, 0, o.label(ident, numbered(o.top_num, 2) + groups["result"].label),
                      rowspan=len(result_rows))
            if row.group:
                members = [k for k in keys if rows[k].group == row.group]
                if key == members[0]:
                    ident = f"requests.group.{row.group}"
                    text = numbered(o.sub_num, subs.index(row.group)) + groups[row.group].label
                    g.put(ident, r, 1, o.label(ident, text), rowspan=len(members))
                leaf_i = [k for k in all_keys if rows[k].group == row.group].index(key)
                ident = f"requests.row.{key}"
                style = o.leaf_num.get(row.group, "1.")
                g.put(ident, r, 2, o.label(ident, numbered(style, leaf_i) + row.label))
            else:
                ident = f"requests.row.{key}"
                g.put(ident, r, 1, o.label(ident, numbered(o.sub_num, subs.index(key)) + row.label), colspan=2)
        if x:
            g.add(r, 3, "", kind="num")
        for i, c in enumerate(cols):
            k = f"requests.{key}.{c.key}"
            g.add(r, 3 + x + i, printed(truth, k), kind="num", key=k)
        r += 1
    g.check()
    return g


# --- 四、政府信息公开行政复议、行政诉讼情况 ----------------------------------------------------------------------


def appeals_grid(truth: dict, o: Opts) -> VGrid:
    if o.appeals == "turned":
        return _turned_appeals(truth, o)
    if o.appeals in ("stacked", "stacked-headed"):
        return _stacked_appeals(truth, o)
    t = load_template()
    groups, cols = t.appeal_groups, t.appeal_columns
    g = VGrid("appeals", 15, [1.14] * 15, header_rows=3)
    gl = {gr.key: o.label(f"appeals.group.{gr.key}", gr.label) for gr in groups}
    g.put("appeals.group.review", 0, 0, gl["review"], colspan=5, kind="head")
    g.put("appeals.parent", 0, 5, o.label("appeals.parent", groups[1].parent), colspan=10, kind="head")
    for i, c in enumerate(cols):
        g.put(f"appeals.col.{c.key}", 1, i, o.label(f"appeals.col.{c.key}", c.label), rowspan=2, kind="head")
    g.put("appeals.group.litigation_direct", 1, 5, gl["litigation_direct"], colspan=5, kind="head")
    g.put("appeals.group.litigation_after_review", 1, 10, gl["litigation_after_review"], colspan=5, kind="head")
    for gi in (1, 2):
        for i, c in enumerate(cols):
            g.put(f"appeals.col.{c.key}", 2, 5 * gi + i, o.label(f"appeals.col.{c.key}", c.label), kind="head")
    for gi, grp in enumerate(groups):
        for i, c in enumerate(cols):
            k = f"appeals.{grp.key}.{c.key}"
            g.add(3, 5 * gi + i, printed(truth, k), kind="num", key=k)
    g.tags["row:data"] = 3
    g.check()
    return g


def _turned_appeals(truth: dict, o: Opts) -> VGrid:
    """The appeals table turned: the result columns across, a group a row (行政诉讼 spanning its two)."""
    t = load_template()
    groups, cols = t.appeal_groups, t.appeal_columns
    g = VGrid("appeals", 7, [1.8, 2.6] + [2.2] * 5, header_rows=1)
    g.add(0, 0, "", colspan=2, kind="head")
    for i, c in enumerate(cols):
        g.put(f"appeals.col.{c.key}", 0, 2 + i, o.label(f"appeals.col.{c.key}", c.label), kind="head")
    gl = {gr.key: o.label(f"appeals.group.{gr.key}", gr.label) for gr in groups}
    g.put("appeals.group.review", 1, 0, gl["review"], colspan=2)
    g.put("appeals.parent", 2, 0, o.label("appeals.parent", groups[1].parent), rowspan=2)
    g.put("appeals.group.litigation_direct", 2, 1, gl["litigation_direct"])
    g.put("appeals.group.litigation_after_review", 3, 1, gl["litigation_after_review"])
    for gi, grp in enumerate(groups):
        for i, c in enumerate(cols):
            k = f"appeals.{grp.key}.{c.key}"
            g.add(1 + gi, 2 + i, printed(truth, k), kind="num", key=k)
    g.tags["row:data"] = 1
    g.check()
    return g


def _stacked_appeals(truth: dict, o: Opts) -> VGrid:
    """The appeals table printed as two: 行政复议's five columns, then under it 行政诉讼's ten (``stacked-headed``:
    each named by a line above it, not by a row of its own)."""
    t = load_template()
    groups, cols = t.appeal_groups, t.appeal_columns
    gl = {gr.key: o.label(f"appeals.group.{gr.key}", gr.label) for gr in groups}
    parent = o.label("appeals.parent", groups[1].parent)
    r = 0 if o.appeals == "stacked-headed" else 1  # the first row under the group's name
    review = VGrid("appeals", 5, [3.4] * 5, header_rows=r + 1)
    if r:
        review.put("appeals.group.review", 0, 0, gl["review"], colspan=5, kind="head")
    else:
        review.heading = f"（一）{gl['review']}情况"
    for i, c in enumerate(cols):
        review.put(f"appeals.col.{c.key}", r, i, o.label(f"appeals.col.{c.key}", c.label), kind="head")
        review.add(r + 1, i, printed(truth, f"appeals.review.{c.key}"), kind="num", key=f"appeals.review.{c.key}")
    review.tags["row:data"] = r + 1
    litigation = VGrid("appeals", 10, [1.7] * 10, header_rows=r + 2)
    if r:
        litigation.put("appeals.parent", 0, 0, parent, colspan=10, kind="head")
    else:
        litigation.heading = f"（二）{parent}情况"
    for gi, grp in enumerate(groups[1:]):
        litigation.put(f"appeals.group.{grp.key}", r, 5 * gi, gl[grp.key], colspan=5, kind="head")
        for i, c in enumerate(cols):
            k = f"appeals.{grp.key}.{c.key}"
            litigation.put(f"appeals.col.{c.key}", r + 1, 5 * gi + i, o.label(f"appeals.col.{c.key}", c.label),
                           kind="head")
            litigation.add(r + 2, 5 * gi + i, printed(truth, k), kind="num", key=k)
    review.check()
    litigation.check()
    review.then = litigation
    return review


def grids(truth: dict, o: Opts) -> dict[str, VGrid]:
    return {"proactive": proactive_grid(truth, o), "requests": requests_grid(truth, o),
            "appeals": appeals_grid(truth, o)}


# --- page parts ---------------------------------------------------------------------------------------------

_NUM_PREFIX = re.compile(r"^\s*(?:[（(][一二三四五六七八九十\d]+[)）]|[一二三四五六七八九十]+[、.]|\d+[、.])")


def cut_text(text: str) -> tuple[str, str]:
    """Where a page break cuts a spanned label: a stacked label between its lines, otherwise after the
    numbering and one more character ("（四）无" | "法提供")."""
    if "\n" in text:
        lines = text.split("\n")
        k = max(1, len(lines) // 2)
        return "\n".join(lines[:k]), "\n".join(lines[k:])
    m = _NUM_PREFIX.match(text)
    k = (m.end() if m else 0) + 1
    return text[:k], text[k:]


def parts(g: VGrid, o: Opts) -> list[VGrid]:
    """Cut a grid into page parts at its anchors (unknown anchors, e.g. of a dropped row, are ignored)."""
    starts = sorted({g.tags[a] for a in o.splits.get(g.name, []) if g.tags.get(a, 0) > 0})
    if not starts:
        return [g]
    bounds = [0, *starts, g.nrows]
    out: list[VGrid] = []
    for n, (a, b) in enumerate(zip(bounds, bounds[1:])):
        head = g.header_rows if (n and o.repeat_header) else 0
        part = VGrid(g.name, g.ncols, g.widths_cm, header_rows=head if n else g.header_rows)
        if head:
            for c in g.cells:
                if c.row < head:
                    _copy(g, part, c, row=c.row)
        for c in g.cells:
            end = c.row + c.rowspan
            if end <= a or c.row >= b:
                continue
            row0, row1 = max(c.row, a), min(end, b)
            text = c.text
            if c.row < a or end > b:  # a label spanning the break
                first, rest = cut_text(c.text)
                if c.row < a:
                    text = {"stay": "", "repeat": c.text, "cut": rest}[o.split_label]
                elif o.split_label == "cut":
                    text = first
            _copy(g, part, c, row=row0 - a + head, rowspan=row1 - row0, text=text)
        part.check()
        out.append(part)
    return out


def _copy(src: VGrid, dst: VGrid, c: Cell, **changes) -> None:
    new = replace(c, **changes)
    dst.cells.append(new)
    dst.nrows = max(dst.nrows, new.row + new.rowspan)
    if id(c) in src.ids:
        dst.ids[id(new)] = src.ids[id(c)]
