"""The three standard tables, found among a document's tables and mapped cell by cell to canonical keys.

Columns are found from the header cells above them (spans give the hierarchy: 法人或其他组织 over 商业企业 …);
where a header cannot be understood (text flattened with tabs, a header split oddly), the figures are read in
the template's column order from the right, which every edition prints the same way. Rows are matched by
their label's meaning, with the parent row (不予公开, 无法提供 …) carried as context to the rows below it.
"""

from __future__ import annotations

from dataclasses import dataclass, field, replace
from decimal import Decimal
import regex

from extractors import labels
from extractors.model import Cell, Document, Paragraph, Table, table_from_rows
from extractors.numerals import money_multiplier, parse_cell
from extractors.records import CellRecord, Flag
from extractors.sections import heading_level
from extractors.template import EDITIONS, Label, Template, load_template

# 第二十条第（一）项, 第二十条第一项, 第二十条（一） (its 项 left out)
_ART20 = regex.compile(r"第二十条\s*第?\s*[（(]?\s*([一二三四五六七八九十]+)\s*(?:[)）]\s*项?|项)")
# the heading cut in two by the lines of its merged cell, read as two rows' cells: 第二十条 | …, 第（九）项 | …
_ART20_PIECE = regex.compile(r"第二十条|第?\s*[（(]\s*([一二三四五六七八九十]+)\s*[)）]\s*项")
# a heading naming one group of the appeals table printed as tables of their own: （一）行政复议情况, 二、行政诉讼
_APPEALS_PART = regex.compile(r"(?:[（(]?[一二三四五六七八九十\d]+[）)、.．]?)?\s*行政(?:复议|诉讼)(?:情况)?[:：]?")
# a line that says only the table's money unit (normalised: no spaces, no colon): 单位：万元, （金额单位：元）
_UNIT_NOTE = regex.compile(r"[(（]?(?:金额)?单位(?:万元|亿元|千元|元)[)）]?")
# the proactive table's corner heading, over its row labels: 信息内容, or as some bodies word it
_PROACTIVE_CORNER = frozenset(("信息内容", "内容", "项目", "类别", "信息类别"))
_DIGIT_WRAP = regex.compile(r"(?<=\d)[ \t]*\n\s*(?=\d)")
_SPACES = regex.compile(r"\s+")
_PUNCT = regex.compile(r"[\p{P}\p{S}\s]+")
# a line opening a numbered row label (3.其他, （六）其他处理): a row's own label never starts one past its first line
_LABEL_OPENER = regex.compile(r"^\s*(?:\d{1,2}\s*[.．、](?!\d)|[（(]\s*[一二三四五六七八九十]{1,3}\s*[)）])")
_CN_ITEM = {"一": "art20_1", "五": "art20_5", "六": "art20_6", "八": "art20_8", "九": "art20_9"}


@dataclass
class TablesResult:
    cells: list[CellRecord] = field(default_factory=list)
    flags: list[Flag] = field(default_factory=list)
    evidence: dict[str, str] = field(default_factory=dict)  # what the tables say of the edition, and why
    other_split: bool | None = None
    found: set[str] = field(default_factory=set)  # which of the three tables were found


def classify(table: Table) -> str | None:
    """Which standard table this is, from words only that table prints (typos such as 行政法复议 included)."""
    text = labels.normalise(" ".join(c.text for c in table.cells))
    if "本年新收" in text or "申请人情况" in text or ("自然人" in text and "结转" in text):
        return "requests"
    if ("复议" in text and ("诉讼" in text or "起诉" in text)) or ("维持" in text and "尚未审结" in text):
        return "appeals"
    if _ART20.search(text) or "信息内容" in text or "行政许可" in text or "规范性文件" in text:
        return "proactive"
    return None


def extract_tables(doc: Document, template: Template) -> TablesResult:
    result = TablesResult()
    proactive_rows: list[_Row] = []
    for kind, table in table_groups(doc):
        if kind == "requests" and "requests" not in result.found:
            _requests(table, template, result)
        elif kind == "appeals" and "appeals" not in result.found:
            _appeals(table, template, result)
        elif kind == "proactive":
            proactive_rows += _rows(table)  # blocks may be printed as one table or one table each
        result.found.add(kind)
    if proactive_rows:
        _proactive(proactive_rows, template, result)
    for name in ("proactive", "requests", "appeals"):
        if name not in result.found:
            result.flags.append(Flag(kind="table_missing", where=name,
                                     message=f"no {name} table found in the document"))
    return result


def table_groups(doc: Document) -> list[tuple[str, Table]]:
    """Each standard table with the parts that continue it stacked below, in document order.

    A table the classifier cannot place, or one of the same kind, that follows a standard table with nothing
    but page furniture between them (第 2 页, a page number, 单位：万元) is its continuation: web pages and
    converted files print a table cut by a page break as separate tables. A 第二十条 heading printed as a
    paragraph between proactive parts is kept as a row, since it says which block the rows below belong to, and
    so is a heading naming a group of the appeals table printed as tables of their own (（一）行政复议情况 over
    结果维持 … 总计): it heads the part below it.
    """
    groups: list[tuple[str, list[Table]]] = []
    open_group = False
    # a line printed right above a table (单位：万元, （一）行政复议情况): a row of it, so the mapper sees it
    above: Table | None = None
    for block in doc.blocks:
        if isinstance(block, Paragraph):
            text = labels.normalise(block.text)
            if _APPEALS_PART.fullmatch(text):  # the next appeals part's heading: no end of the appeals table
                above = table_from_rows([[block.text]], block.page)
                open_group = open_group and groups[-1][0] == "appeals"
                continue
            if open_group and groups[-1][0] == "proactive" and _ART20.fullmatch(text):
                groups[-1][1].append(table_from_rows([[block.text]], block.page))
            elif open_group and groups[-1][0] == "proactive" and (row := _loose_row(block.text)):
                # a block's row or header printed as a line with no table found around it (a one-row block
                # carried to the next page, no rulings: 信息内容 本年收费金额（单位：万元） | 行政事业性收费 /)
                groups[-1][1].append(table_from_rows([row], block.page))
            elif _UNIT_NOTE.fullmatch(text):
                above = table_from_rows([[block.text]], block.page)
            elif len(text) > 20 or heading_level(text) is not None:
                open_group, above = False, None
            continue
        kind = classify(block)
        if open_group and (kind is None or kind == groups[-1][0]):
            groups[-1][1].extend([above, block] if above else [block])
        elif kind:
            groups.append((kind, [above, block] if above else [block]))
            open_group = True
        else:
            open_group = False
        above = None
    return [(kind, stack_tables(parts)) for kind, parts in groups]


def _loose_row(text: str) -> list[str] | None:
    """The cells of a proactive block's row or header printed as a paragraph: a row's label with nothing beside
    it (行政事业性收费 left blank under its headings: the row printed blank, its cells blank as a ruled print's
    would be), a row's label then its figures or printed blanks (行政事业性收费 /), or 信息内容 then the block's
    column headings (信息内容 本年收费金额（单位：万元）); else None."""
    blank = _blank_row(text)
    if blank is not None:
        label, width = blank
        return [label] + [""] * width
    pieces = text.split()
    if len(pieces) < 2:
        return None
    head = labels.core(pieces[0])
    for block in load_template().proactive:
        width = max(len(cols) for cols in block.columns.values())
        if head == "信息内容":
            heads = {labels.core(label) for cols in block.columns.values() for col in cols for label in col.labels}
            if all(labels.core(p) in heads for p in pieces[1:]) and len(pieces) - 1 <= width:
                return pieces
        elif any(head == labels.core(label) for row in block.rows for label in row.labels):
            return pieces if len(pieces) - 1 <= width and all(_is_figure(p) for p in pieces[1:]) else None
    return None


def _blank_row(text: str) -> tuple[str, int] | None:
    """For a paragraph that is exactly a proactive row's label, or a block's header run together with it
    (信息内容 本年收费金额（单位：万元）行政事业性收费, the lines of a block printing no figure read as one
    paragraph): the label and how many figures its block's row prints at most (either edition); else None."""
    core = labels.core(text)
    headed = core.startswith("信息内容")
    for block in load_template().proactive:
        for label in (labels.core(label) for row in block.rows for label in row.labels):
            if core == label or (headed and core.endswith(label)):
                return label, max(len(cols) for cols in block.columns.values())
    return None


def stack_tables(parts: list[Table]) -> Table:
    """Parts of one table stacked into one grid; a narrower part is aligned right, where the figures are."""
    first = parts[0]
    if len(parts) == 1:
        return first
    width = first.n_cols
    cells = list(first.cells)
    offset = first.n_rows
    for part in parts[1:]:
        shift = max(0, width - part.n_cols)
        cells += [Cell(c.row + offset, c.col + shift, c.text, rowspan=c.rowspan, colspan=c.colspan, page=c.page,
                       bbox=c.bbox) for c in part.cells]
        offset += part.n_rows
    pages = tuple(dict.fromkeys(p for part in parts for p in (part.pages or (part.page,)) if p))
    return Table(cells=cells, page=first.page, bbox=first.bbox, pages=pages, ruled=first.ruled)


# --- rows of a grid ---------------------------------------------------------------------------------------


@dataclass
class _Row:
    index: int
    cells: list[Cell | None]  # grid positions; a spanned cell repeats
    page: int | None

    def texts(self) -> list[str]:
        return [c.text if c else "" for c in self.cells]

    def placed(self) -> list[tuple[int, Cell]]:
        """Each cell once (a spanned cell at its first grid column), blank ones included, with its column."""
        return [(j, c) for j, c in enumerate(self.cells) if c is not None and (j == 0 or c is not self.cells[j - 1])]

    def distinct(self, start: int = 0, stop: int | None = None) -> list[Cell]:
        """The cells of positions start:stop, each spanned cell once, empty ones left out."""
        seen: list[Cell] = []
        ids: set[int] = set()
        for cell in self.cells[start:stop]:
            if cell is not None and id(cell) not in ids and cell.text.strip():
                ids.add(id(cell))
                seen.append(cell)
        return seen


def _rows(table: Table) -> list[_Row]:
    grid = table.grid()
    rows = []
    for i, cells in enumerate(grid):
        page = next((c.page for c in cells if c is not None and c.page), table.page)
        rows.append(_Row(i, cells, page))
    return rows


def _is_figure(text: str) -> bool:
    """A figure or a printed blank (—, /, 无): what stands in a figure column."""
    return bool(text.strip()) and parse_cell(text).meaning in ("number", "zero", "empty")


def _looks_numeric(text: str) -> bool:
    return parse_cell(text).meaning in ("number", "zero")


def _record(table: str, key: str | None, cell: Cell | None, row_label: str, column_label: str,
            multiplier: int | None = None, money: bool = False, flags: list[Flag] | None = None) -> CellRecord:
    if cell is None:  # no cell printed at this place of the grid: missing, never 0
        return CellRecord(key=key, table=table, value=None, raw="", meaning="missing", row_label=row_label,
                          column_label=column_label)
    raw = cell.text
    signed = key is not None and key.endswith(".change")  # 本年增/减: (3) is −3 there
    parsed = parse_cell(_DIGIT_WRAP.sub("", raw), signed)  # a figure wrapped in a narrow cell: 163\n6 is 1636
    if parsed.meaning == "invalid" and len(pieces := raw.split()) > 1 and all(len(p) == 1 for p in pieces):
        parsed = parse_cell("".join(pieces))  # single characters, spaced out and wrapped: １ ７\n６ is 176
    value, meaning, unit = parsed.value, parsed.meaning, parsed.unit
    if meaning == "empty":
        value = Decimal(0)  # the template's rule: a cell printed blank (—, /, "") counts as 0, marked as blank
    if money and meaning == "number":
        if unit == "元":
            pass  # the cell printed its own unit (113400 万元 → 元 already)
        elif multiplier is not None:
            value, unit = value * multiplier, "元"
        else:
            value, meaning = None, "unit_missing"
            if flags is not None:
                flags.append(Flag(kind="unit", key=key, page=cell.page if cell else None,
                                  message=f"{key}: money printed as {raw!r} with no unit in the cell or header"))
    return CellRecord(key=key, table=table, value=value, raw=raw, meaning=meaning, row_label=row_label,
                      column_label=column_label, unit=unit, page=cell.page if cell else None,
                      grid_row=cell.row if cell else None, grid_col=cell.col if cell else None,
                      confidence=cell.confidence, qualifier=parsed.qualifier)


# --- 三、收到和处理政府信息公开申请情况 ------------------------------------------------------------------------


def _header_columns(header: list[_Row], columns: tuple[Label, ...]) -> dict[int, str]:
    """Grid column → column key, named by the lowest header cell above the column.

    Only that cell decides: the headers spanning above it (法人或其他组织 …) name groups, and a word of theirs
    (其他) must not stand in for a leaf label that could not be read.
    """
    mapping: dict[int, str] = {}
    width = max((len(r.cells) for r in header), default=0)
    for j in range(width):
        for row in reversed(header):
            cell = row.cells[j] if j < len(row.cells) else None
            if cell is None or not cell.text.strip():
                continue
            cands = [(c.key, c.labels) for c in columns]
            match = labels.best_match(cell.text, cands, threshold=90)
            key = match.key if match and not labels.is_ambiguous(match) else labels.longest_contained(cell.text,
                                                                                                     cands)
            if key:
                mapping[j] = key
            break
    return mapping


def _in_order(mapping: dict[int, str], keys: list[str]) -> bool:
    """Distinct columns standing left to right in template order (every edition prints them so)."""
    found = [mapping[j] for j in sorted(mapping)]
    return len(set(found)) == len(found) and found == [k for k in keys if k in found]


def _complete_columns(mapping: dict[int, str], keys: list[str], body: list[_Row]) -> dict[int, str]:
    """One column whose header could not be read is placed where the template order leaves room for it:
    the single unnamed grid column between its neighbours that holds figures."""
    missing = [k for k in keys if k not in mapping.values()]
    if len(missing) != 1 or not _in_order(mapping, keys):
        return mapping
    i = keys.index(missing[0])
    where = {k: j for j, k in mapping.items()}
    lo = where.get(keys[i - 1], -1) if i > 0 else -1
    hi = where.get(keys[i + 1], 10**6) if i + 1 < len(keys) else 10**6
    width = max((len(r.cells) for r in body), default=0)
    spots = [j for j in range(lo + 1, min(hi, width)) if j not in mapping
             and any(j < len(r.cells) and r.cells[j] is not None and _is_figure(r.cells[j].text) for r in body)
             and all(j >= len(r.cells) or r.cells[j] is None or j == 0 or r.cells[j] is not r.cells[j - 1]
                     for r in body)]
    if len(spots) == 1:
        return {**mapping, spots[0]: missing[0]}
    return mapping


def _figures_under(by_header: dict[int, str], rows: list[_Row]) -> bool:
    """Whether the figures stand under the columns the header names: a header set off its figures (a text
    dump whose header words drifted, leaving columns of header words only) names columns without figures
    while figures stand in columns it does not name; then the figures are read in template order instead."""
    first = min(by_header, default=0)
    with_figures = {j for r in rows for j, c in enumerate(r.cells)
                    if j >= first and c is not None and _looks_numeric(c.text)}
    return not by_header or with_figures <= set(by_header) or not (set(by_header) - with_figures)


def _requests(table: Table, template: Template, result: TablesResult) -> None:
    rows = _rows(table)
    row_cands = [(r.key, r.labels) for r in template.request_rows]
    group_cands = [(g.key, g.labels) for g in template.request_groups]
    col_keys = [c.key for c in template.request_columns]
    col_label = {c.key: c.label for c in template.request_columns}

    # Header words such as 总计 or 其他 are also row labels; only a longer label proves a data row.
    long_cands = [(k, [x for x in ls if len(labels.core(x)) >= 4]) for k, ls in row_cands]
    long_cands = [(k, ls) for k, ls in long_cands if ls]
    first_data = next((i for i, r in enumerate(rows) if _label_match(r.texts(), long_cands)), len(rows))
    # rows of figures above it whose shortened labels name a row less surely (本年度新收申请 | 203 | 44 …) are
    # data, and so are those above a parent row printed with no figures (新收申请 … 办理结果 | | …, ①予以公开)
    above = first_data
    while above > 0:
        texts = rows[above - 1].texts()
        if any(_looks_numeric(t) for t in texts):
            if not _label_match(texts, long_cands, threshold=80):
                break
            first_data = above - 1
        elif not any(_group_of(t, group_cands, template) for t in dict.fromkeys(texts) if t.strip()):
            break
        above -= 1
    by_header = _complete_columns(_header_columns(rows[:first_data], template.request_columns), col_keys,
                                  rows[first_data:])
    use_header = _in_order(by_header, col_keys) and len(by_header) >= len(col_keys) - 1 \
        and _figures_under(by_header, rows[first_data:])
    columns = sorted(by_header) if use_header else []
    label_stop = columns[0] if use_header else None

    leaf_cands = [(r.key, r.labels) for r in template.request_rows if not r.row_of_group]
    row_group = {r.key: r.group for r in template.request_rows}
    rows = _split_merged_blank_rows(rows, first_data, leaf_cands,
                                    {r.key: i for i, r in enumerate(template.request_rows)})
    group: str | None = None
    seen: dict[str, int] = {}
    last: tuple[str, str] | None = None  # the row above: its key and the label part that named it
    # the row above when its label named no row: its index, label part, flag and cells (the rest of its label
    # may stand on the row printed under it)
    unnamed: tuple[int, str, Flag, list[tuple[str, CellRecord]]] | None = None
    # the row above when it was printed blank and named a row: its index and cells (its label's rest, and its
    # figures, may stand on the row printed under it)
    blank_above: tuple[int, list[CellRecord]] | None = None
    end = None if use_header else _figures_end(rows[first_data:])
    for row in rows[first_data:]:
        if use_header:
            parts = [c.text for c in row.distinct(0, label_stop)]
            figures = {by_header[j]: row.cells[j] for j in columns}
        else:
            parts, values = _split_positional(row, len(col_keys), end)
            if values is None:
                parts, values = [t for t in row.texts() if t.strip()], []
            figures = dict(zip(col_keys, values)) if values else {}

        printed = [c.text.strip() for c in figures.values() if c is not None and c.text.strip()]
        if printed and all(parse_cell(t).meaning == "invalid" for t in printed):
            continue  # words where figures stand: a header repeated on a continued part

        leaves = []
        # a parent's label and the row's own in one cell, a dash or colon between (不予公开—属于国家秘密, one
        # label column): two parts
        parts = [piece for part in parts for piece in _parent_and_own(part, group_cands, template)]
        for part in parts:
            g = _group_of(part, group_cands, template)
            if g is not None:
                if g != "result":
                    group = g
                # what stands left of a parent's label is an outer parent's, not this row's own: a piece of it
                # cut by its cell (、 / 本 三 of 三、本年度办理结果 beside （六）其他处理)
                leaves = []
                continue
            leaves.append(part)
        # the tail of the label above, wrapped onto this row's lines (政府信息公开申请 over 3.其他, beside a parent
        # label opening there): the row's own label starts at its numbered line
        leaves = [_from_last_opener(p) for p in leaves]
        if len(leaves) > 1:  # a character of a parent label printed one a line (the 三 of （三）不予公开 down its
            # column) standing beside a row's own label is no label of the row
            leaves = [p for p in leaves if len(_PUNCT.sub("", labels.core(p))) > 1] or leaves[-1:]
        label_text = " / ".join(parts)
        blank = not printed
        if not figures or (blank and not leaves and group != "other"):
            continue  # a parent row or a spacer: context only
        if blank and leaves and last is not None and _continues(last, leaves[-1], leaf_cands):
            continue  # the tail of the row above's label, carried over the page end: context only
        if blank and leaves and unnamed is not None and unnamed[0] + 1 == row.index:
            # the head of a label too short to name its row stood beside the row's figures (1.信访举 | — 1 … 2),
            # its rest on the line under them, a row of its own with no figures (报投诉类申请): together they
            # name the row above
            _, head, flag, cells = unnamed
            joined = labels.best_match(head + leaves[-1], leaf_cands)
            unnamed = None
            if joined is not None and not labels.is_ambiguous(joined) and joined.key not in seen:
                result.flags.remove(flag)
                for col, cell in cells:
                    cell.key = f"requests.{joined.key}.{col}"
                    cell.row_label += "\n" + leaves[-1]
                seen[joined.key] = row.index
                group = row_group[joined.key] or group
                last = (joined.key, head + leaves[-1])
                continue
        unnamed = None
        key = None
        if leaves:
            match = labels.best_match(leaves[-1], leaf_cands)
            if (match is None or labels.is_ambiguous(match)) and len(leaves) > 1:
                # a label wrapped across the label columns: its head spanning the parent's column, its tail
                # under the row labels' (（二）部分公开（区分处理的，只计这一情形，不计其他 | 情形）)
                whole = labels.best_match(leaves[-2] + leaves[-1], leaf_cands)
                match = whole if whole is not None and not labels.is_ambiguous(whole) else match
            if match and labels.is_ambiguous(match) and group:  # the parent row above breaks a tie
                match = labels.best_match(leaves[-1], [c for c in leaf_cands if row_group[c[0]] == group])
            if not blank and blank_above is not None and blank_above[0] + 1 == row.index and last is not None \
                    and (match is None or labels.is_ambiguous(match) or match.key == last[0]) \
                    and _continues(last, leaves[-1], leaf_cands):
                # the head of a label on a line of its own, printed blank, its rest beside the row's figures on
                # the line under it (3、要求提供公开 | 出版物 1 0 0 …: figures centred in a two-line row):
                # together they name this row, the blank line above was no row
                key = last[0]
                dropped = {id(c) for c in blank_above[1]}
                result.cells = [c for c in result.cells if id(c) not in dropped]
                del seen[key]
                label_text = f"{last[1]}\n{label_text}"
            elif match is None or labels.is_ambiguous(match):
                result.flags.append(Flag(kind="label", page=row.page, where=_printed_label(leaves[-1]),
                                         message=f"requests row {label_text!r} matches no template row"
                                         + (f" clearly (best {match.key})" if match else "")))
                if not blank:
                    unnamed = (row.index, leaves[-1], result.flags[-1], [])
            else:
                key = match.key
                # a sub-row names its parent even where the parent's label was printed elsewhere (centred
                # in a merged cell, cut by a page break, or out of order in a WPS export)
                group = row_group[key] or group
        elif group is not None:
            key = next((r.key for r in template.request_rows if r.row_of_group == group), None)
        if key in ("received", "carried_over", "result.total", "carried_forward"):
            group = None
        if key is not None and key in seen:
            result.flags.append(Flag(kind="label", page=row.page,
                                     message=f"requests row {label_text!r} repeats {key}; the first is kept"))
            key = None
        last = (key, leaves[-1]) if key is not None and leaves else None
        if key is not None:
            seen[key] = row.index
            if key.startswith("result.other."):
                result.other_split = True
            elif key == "result.other":
                result.other_split = False
        made = len(result.cells)
        for col in col_keys:
            if col in figures:
                full = f"requests.{key}.{col}" if key else None
                result.cells.append(_record("requests", full, figures[col], label_text, col_label[col]))
                if unnamed is not None:
                    unnamed[3].append((col, result.cells[-1]))
        blank_above = (row.index, result.cells[made:]) if blank and key is not None else None
    if result.other_split:
        result.evidence["requests"] = "ed2021"
        # （六）其他处理 above its sub-rows is their parent, not a one-row 其他处理: printed blank it is dropped,
        # printed with a subtotal it is kept as a row the template lacks (counting it would count twice).
        own = [c for c in result.cells if c.key and c.key.startswith("requests.result.other.")
               and c.key.count(".") == 3]
        if all(c.meaning == "empty" for c in own):
            result.cells = [c for c in result.cells if c not in own]
        for cell in own:
            cell.key = None


_WHOLE_LABEL = 90  # best_match score of each label a blank row's cell holds, to be read as two rows


def _split_merged_blank_rows(rows: list[_Row], start: int, leaf_cands, order: dict[str, int]) -> list[_Row]:
    """``rows`` with each row printed blank (from ``start``) whose label cell holds two of the template's row
    labels whole, one under the other, read as two rows: 申请人无正当理由…申请 at a page's foot and 申请人逾期未按…
    申请 opening the next, their numbering dropped, which nothing told the reader were two cells. The first keeps
    the row's other label cells (a parent's); the rows are numbered again in order. Only rows with no figure:
    which label a figure stood beside, a cell's text no longer tells."""
    out, split = rows[:start], False
    for row in rows[start:]:
        two = _two_blank_rows(row, leaf_cands, order)
        split = split or two is not None
        out.extend(two or [row])
    return [replace(row, index=i) for i, row in enumerate(out)] if split else rows


def _two_blank_rows(row: _Row, leaf_cands, order: dict[str, int]) -> list[_Row] | None:
    """The two rows ``row`` is (see :func:`_split_merged_blank_rows`), or None: its own label (its last cell
    printed) split at the line break where both parts name a row, each clearly (a score of ``_WHOLE_LABEL`` or
    more, four characters or more unless equal to the label), in the template's order; the whole itself no
    label (under 95)."""
    printed = [c for _, c in row.placed() if c.text.strip()]
    if not printed or any(parse_cell(c.text).meaning in ("number", "zero") for c in printed):
        return None
    own = printed[-1]
    lines = [line for line in own.text.split("\n") if line.strip()]
    if len(lines) < 2:
        return None
    whole = labels.best_match(own.text, leaf_cands)
    if whole is not None and whole.score >= 95 and not labels.is_ambiguous(whole):
        return None
    best: tuple[float, str, str] | None = None
    for i in range(1, len(lines)):
        parts = ("\n".join(lines[:i]), "\n".join(lines[i:]))
        found = [labels.best_match(part, leaf_cands, threshold=_WHOLE_LABEL) for part in parts]
        if any(m is None or labels.is_ambiguous(m) or (len(labels.core(p)) < 4 and m.score < 100)
               for p, m in zip(parts, found)) or order[found[0].key] >= order[found[1].key]:
            continue
        score = min(m.score for m in found)
        if best is None or score > best[0]:
            best = (score, *parts)
    if best is None:
        return None
    _, head, tail = best
    first, second = replace(own, text=head), replace(own, text=tail)
    label_cells = {id(c) for c in printed}
    return [_Row(row.index, [first if c is own else c for c in row.cells], row.page),
            _Row(row.index, [second if c is own else None if c is not None and id(c) in label_cells else c
                             for c in row.cells], row.page)]


def _continues(last: tuple[str, str], part: str, leaf_cands) -> bool:
    """``part`` is the rest of the label that named the row above (``last``: its key and label part): it names
    no row clearly by itself, and joined to that label it names the same row better than the label alone did (a
    blank row of its own label, a row of zeros printed blank, is never taken for a tail)."""
    key, head = last
    alone = labels.best_match(part, leaf_cands)
    if alone is not None and not labels.is_ambiguous(alone) and alone.key != key:
        return False  # (a tail may itself be a piece of its label clear enough to name it: 政法规禁止公开)
    before = labels.best_match(head, leaf_cands)
    match = labels.best_match(head + part, leaf_cands)
    if match is not None and match.key == key and not labels.is_ambiguous(match) \
            and (before is None or match.score > before.score):
        return True
    # or the two run on as one of that row's labels is printed, its note included (（二）部分公开（区 | 分处理的，只计
    # 这一情形，不计其他情: the row's core, 部分公开, leaves the note out, and the head alone matched it as well)
    joined, tail = labels.words(head + part), labels.words(part)
    return len(tail) >= 4 and any(joined in labels.words(label) for k, printed in leaf_cands if k == key
                                  for label in printed)


def _group_of(part: str, group_cands, template: Template) -> str | None:
    """The parent row a label part names: whole (（三）不予公开) or as the piece a page break or a merged
    cell's wrapping left of it (法提供, 度办理结果) — three characters or more of one parent's label."""
    core = labels.core(part)
    if core in ("总计", "合计"):
        return None
    g = labels.best_match(part, group_cands, threshold=90)
    if g and not labels.is_ambiguous(g):
        return g.key
    if len(core) >= 3:
        owners = {grp.key for grp in template.request_groups for label in grp.labels if core in labels.core(label)}
        if len(owners) == 1:
            return owners.pop()
    return None


_PARENT_DASH = regex.compile(r"\s*[—－–―\-:：]+\s*")


def _parent_and_own(part: str, group_cands, template: Template) -> list[str]:
    """``part`` as [parent's label, row's own label] when it is the two joined by a dash or a colon and the text
    before it names a parent row (其他处理—其他, 不予公开：属于国家秘密); else [part]."""
    pieces = _PARENT_DASH.split(part.strip(), maxsplit=1)
    if len(pieces) == 2 and pieces[1] and _group_of(pieces[0], group_cands, template) is not None:
        return pieces
    return [part]


def _printed_label(text: str) -> str:
    """A row's label as printed, for a flag's ``where``: spaces out, held to the column's 80 characters."""
    return _SPACES.sub("", text)[:80]


def _label_match(texts: list[str], cands, threshold: float = 90) -> bool:
    """Whether a row's texts (its cells', left to right) name a row of ``cands`` clearly: one text, or two
    standing side by side (a label wrapped across the label columns, its second line centred in its merged
    cell falling under the row labels' column: 一、本年新收政府信息公 | 开申请数量)."""
    words = [t for t in dict.fromkeys(texts) if t.strip() and not _looks_numeric(t)]  # a spanned cell once
    for text in words + [a + b for a, b in zip(words, words[1:])]:
        m = labels.best_match(text, cands, threshold=threshold)
        if m and not labels.is_ambiguous(m):
            return True
    return False


def _from_last_opener(text: str) -> str:
    """``text`` from its last line that opens a numbered label, when that is not its first line; else itself."""
    lines = text.split("\n")
    at = max((i for i, line in enumerate(lines) if i and _LABEL_OPENER.match(line)), default=0)
    return "\n".join(lines[at:])


def _split_positional(row: _Row, n: int, end: int | None = None) -> tuple[list[str], list[Cell | None] | None]:
    """Label parts and the last ``n`` figure cells of a row whose header was not understood: those ending at grid
    column ``end`` (exclusive: after the table's last column of figures, see :func:`_figures_end`), blank ones
    included, or else at the row's last cell that is not blank. A row whose figures run on left of those ``n``
    columns is a ragged grid's (a text dump's: its rows shifted by their label parts): the latter for it."""
    placed = row.placed()
    cells = [c for j, c in placed if end is None or j < end]
    if end is None or len(cells) <= n or _is_figure(cells[-n - 1].text):
        cells = [c for _, c in placed]
        while cells and not cells[-1].text.strip():
            cells.pop()
    if len(cells) < n:
        return [], None
    values = cells[-n:]
    if not any(_is_figure(c.text) for c in values):
        return [], None
    parts = [c.text for c in cells[:-n] if c.text.strip()]
    return parts, values


def _figures_end(rows: list[_Row]) -> int | None:
    """The grid column after the last one that holds figures (or printed blanks) in a fair share of ``rows`` (a
    third, two at least): where a headerless table's figures end, so that a row whose 总计 is printed blank
    still has its figures where its columns are. None for no such column."""
    counts: dict[int, int] = {}
    for row in rows:
        for j, cell in row.placed():
            if _is_figure(cell.text):
                counts[j] = counts.get(j, 0) + 1
    enough = max(2, len(rows) / 3)
    return max((j for j, k in counts.items() if k >= enough), default=-1) + 1 or None


# --- 四、政府信息公开行政复议、行政诉讼情况 ----------------------------------------------------------------------


def _appeals(table: Table, template: Template, result: TablesResult) -> None:
    rows = _rows(table)

    # a row of figures: figures or printed blanks (a body with no cases may print — in all 15 cells), or a few
    # figures with the other cells left empty (zeros printed as nothing) and no label text among them but its
    # own labels before them (the table turned: 行政诉讼 | 复议后起诉 | | 1 | 0 | | 1)
    def is_data(r: _Row) -> bool:
        texts = r.texts()
        rest = texts[next((j for j, t in enumerate(texts) if _is_figure(t)), len(texts)):]
        return sum(_is_figure(t) for t in texts) >= 5 or (
            any(_looks_numeric(t) for t in rest) and all(_is_figure(t) or not t.strip() for t in rest))

    data_rows = [i for i, r in enumerate(rows) if is_data(r)]
    if not data_rows and len(rows) > 1 and all(not t.strip() or _is_figure(t) for t in rows[-1].texts()):
        data_rows = [len(rows) - 1]  # a page that prints zeros as empty cells: the last row, under the header, is it
    if not data_rows:
        result.flags.append(Flag(kind="label", page=table.page, message="appeals table has no row of figures"))
        return
    keys = [f"{g.key}.{c.key}" for g in template.appeal_groups for c in template.appeal_columns]
    names = {f"{g.key}.{c.key}": f"{g.label}/{c.label}" for g in template.appeal_groups
             for c in template.appeal_columns}
    figures = _appeal_figures(rows, data_rows, template)
    if sorted(figures) != sorted(keys) and len(data_rows) > 1:
        # the headings not understood (a table turned or printed as two, read without rulings: headings over no
        # column of their own): the figures of its rows of figures, in the form's order, when they are 15
        printed = [c for d in data_rows for _, c in rows[d].placed() if c is not None and _is_figure(c.text)]
        if len(printed) == len(keys):
            figures = dict(zip(keys, printed))
    if sorted(figures) != sorted(keys):
        row = rows[data_rows[0]]
        _, values = _split_positional(row, len(keys))
        if values is None:
            result.flags.append(Flag(kind="label", page=row.page,
                                     message="appeals table: neither its header nor its 15 figures were found"))
            return
        figures = dict(zip(keys, values))
    for key in keys:
        result.cells.append(_record("appeals", f"appeals.{key}", figures[key], names[key].split("/")[0], names[key]))


def _appeal_figures(rows: list[_Row], data_rows: list[int], template: Template) -> dict[str, Cell | None]:
    """The appeals table's figures by key (group.column), each figure named by the header above its column
    (the rows since the last row of figures, or those over it) and by its row's own labels: one row of 15
    figures under 行政复议 | 行政诉讼 / 未经复议直接起诉 | 复议后起诉 (the form); the groups printed as tables one
    under the other, each with its header (行政复议 | 结果维持 …, then 行政诉讼 …); or the table turned, a
    group a row (行政复议 4 无 …, 行政诉讼 / 复议后起诉 1 无 …) under the columns' headings. A key two different
    cells are under (a heading over more grid columns than its figures) is left out: the caller then takes the
    figures by position."""
    found: dict[str, Cell | None] = {}
    doubtful: set[str] = set()
    header: list[_Row] = []
    previous = -1
    named: set[str] = set()
    for d in data_rows:
        if d > previous + 1:
            header = rows[previous + 1:d]
            # the one group the header names anywhere (（一）行政复议情况 over its part): its columns' group
            named = {g for r in header for c in r.placed() if (g := _best_in([c[1].text], template.appeal_groups))}
        previous = d
        row = rows[d]
        labels = [t for t in dict.fromkeys(row.texts()) if t.strip() and not _is_figure(t)]
        for j, cell in enumerate(row.cells):
            if cell is not None and cell.text.strip() and not _is_figure(cell.text):
                continue  # a label of the row
            path = [r.cells[j].text for r in header if j < len(r.cells) and r.cells[j] is not None]
            column = _best_in(list(reversed(path)), template.appeal_columns)
            group = _best_in(list(reversed(labels)) + path, template.appeal_groups) \
                or (next(iter(named)) if len(named) == 1 else None) or _nearest_group(header, j, template)
            key = f"{group}.{column}"
            if group and column and found.setdefault(key, cell) is not cell:
                doubtful.add(key)  # (a spanned cell repeats: the same cell is no second one)
    return {key: cell for key, cell in found.items() if key not in doubtful}


def _nearest_group(header: list[_Row], j: int, template: Template) -> str | None:
    """The group whose heading stands nearest grid column ``j`` in a header row naming two groups or more, when
    none stands over it (read without rulings a heading spans no columns: 未经复议直接起诉 centred over its
    five, in one of them); None for a column halfway between two."""
    for r in header:
        named = [(abs(c - j), g) for c, cell in r.placed()
                 if cell.text.strip() and (g := _best_in([cell.text], template.appeal_groups))]
        if len(named) > 1:
            named.sort()
            return named[0][1] if named[0][0] < named[1][0] else None
    return None


def _best_in(texts: list[str], options: tuple[Label, ...]) -> str | None:
    # 85 forgives one character too many or too few in a four-character heading (行政法复议), and the few
    # options here stand far apart from each other
    for text in texts:
        match = labels.best_match(text, ((o.key, o.labels) for o in options), threshold=85)
        if match and not labels.is_ambiguous(match):
            return match.key
    return None


# --- 二、主动公开政府信息情况 -------------------------------------------------------------------------------


def _proactive(rows: list[_Row], template: Template, result: TablesResult) -> None:
    blocks = {b.key: b for b in template.proactive}
    row_cands = [(f"{b.key}.{r.key}", r.labels) for b in template.proactive for r in b.rows]
    block: str | None = None
    header: dict[int, tuple[str, Label]] = {}  # grid column -> (edition, column)
    header_text: dict[int, str] = {}
    seen: set[str] = set()
    blank: dict[str, list[CellRecord]] = {}  # rows printed all blank (no text in any cell), by key prefix
    votes = {ed: 0 for ed in EDITIONS}
    table_unit: int | None = None  # a unit printed for the whole table (单位：万元 above or in it)
    last_header: _Row | None = None  # the header row read last, until a row of figures follows it
    for row in rows:
        texts = row.texts()
        joined = labels.normalise("".join(texts))
        if _UNIT_NOTE.fullmatch(joined):
            table_unit = money_multiplier(joined)
            continue
        section = _ART20.search(joined)
        if section is None and "信息内容" in joined:
            # the heading split around 信息内容, when a grid made from positions puts the heading row and the
            # header's on one line (第二十条 | 信息内容 | 第（一）项 | 本年制发件数 …), 信息内容 a cell of its own or
            # wrapped under 第二十条 in one (第二十条\n信息内容 | 第（一）项 …)
            # or its （五）项 alone, over a column heading in one cell (（五）项\n上年项目数量)
            section = _ART20.search(joined.replace("信息内容", "")) or next(
                (m for m in _ART20_PIECE.finditer(joined) if m.group(1)), None)
        printed = [c for c in row.distinct() if c.text.strip()]
        # the block's heading printed down a merged column left of its header and rows (第二十条第（一）项 | 规　章 |
        # — | — | —): the row's label is the cell after it
        head = labels.normalise(printed[0].text) if printed else ""
        beside = len(printed) > 1 and (_ART20.fullmatch(head) or _ART20_PIECE.fullmatch(head)) is not None
        if section is None and beside and (piece := _ART20_PIECE.fullmatch(head)) and piece.group(1):
            section = piece
        if section and section.group(1) in _CN_ITEM:
            if _CN_ITEM[section.group(1)] != block:  # (the heading repeated down a merged column: the same block)
                block, header, header_text = _CN_ITEM[section.group(1)], {}, {}
                if beside and last_header is not None:
                    # the heading centred down its merged column stands beside the block's first row, under
                    # the block's header, read under the block before: the header is this block's
                    header, header_text = _proactive_header(last_header, block, blocks)
            if not beside and not any(_looks_numeric(t) for t in texts) and not _is_header(row, block, blocks):
                continue
        if beside:
            printed = printed[1:]
        first = printed[0] if printed else None
        if first is None:
            continue
        if labels.core(first.text) in _PROACTIVE_CORNER or _is_header(row, block, blocks):
            if block is None and not seen:
                # the table's first header with no heading above it (第二十条第（一）项 left at the foot of the
                # page before, or not printed): the first block's, whose columns name the edition
                block = template.proactive[0].key
            header, header_text = _proactive_header(row, block, blocks)
            last_header = row
            for ed, _ in header.values():
                votes[ed] += 1
            continue
        match = labels.best_match(first.text, row_cands)
        if match is None or labels.is_ambiguous(match):
            if any(_looks_numeric(t) for t in texts[1:]):  # a row the template lacks: kept, flagged, not mapped
                result.flags.append(Flag(kind="label", page=row.page, where=_printed_label(first.text),
                                         message=f"proactive row {first.text!r} is not a template row; "
                                         "its figures are kept unmapped"))
                for cell in row.distinct()[1:]:
                    result.cells.append(_record("proactive", None, cell, first.text, ""))
            continue
        block_key, row_key = match.key.split(".", 1)
        if block_key != block:  # a row under a missing or unreadable 第二十条 heading
            block, header, header_text = block_key, {}, {}
            if last_header is not None:  # the header right above it, read for the block before: this block's
                header, header_text = _proactive_header(last_header, block, blocks)
        key_prefix = f"proactive.{block_key}.{row_key}"
        if key_prefix in seen:
            # the first printing of a row stands, unless it was printed all blank and this one has figures (a
            # label line read as a blank row, the row itself printed below it)
            if key_prefix not in blank or not any(_looks_numeric(t) for t in texts):
                continue
            dropped = {id(c) for c in blank.pop(key_prefix)}
            result.cells = [c for c in result.cells if id(c) not in dropped]
        seen.add(key_prefix)
        last_header = None
        label_stop = first.col + first.colspan
        columns, texts_of = _one_figure_beside(header, header_text, row, label_stop)
        columns = columns or _default_columns(blocks[block_key], row, first, votes)
        made = []
        for j, (_edition, col) in sorted(columns.items()):
            if j < label_stop or j >= len(row.cells):
                continue
            cell = row.cells[j]
            multiplier = (money_multiplier(texts_of.get(j, "")) or table_unit) if col.money else None
            made.append(_record("proactive", f"{key_prefix}.{col.key}", cell, first.text, col.label,
                                multiplier=multiplier, money=col.money, flags=result.flags))
        result.cells += made
        if made and all(c.meaning == "empty" and not c.raw.strip() for c in made):
            blank[key_prefix] = made
    if votes["ed2021"] != votes["ed2019"]:
        result.evidence["proactive"] = max(votes, key=votes.get)


def _one_figure_beside(header: dict[int, tuple[str, Label]], header_text: dict[int, str], row: _Row,
                       label_stop: int) -> tuple[dict[int, tuple[str, Label]], dict[int, str]]:
    """The header's columns (and their printed texts) for ``row``; for a block of one figure column (本年处理决定
    数量, 本年收费金额) whose row leaves that grid column blank and prints one figure in another, that figure's
    column. A grid made from positions puts a header and a figure centred over one wide cell into
    neighbouring columns; two figures beside a one-column header are not chosen between."""
    if len(header) != 1:
        return header, header_text
    [(j, column)] = header.items()
    if j < len(row.cells) and row.cells[j] is not None and row.cells[j].text.strip():
        return header, header_text
    printed = [(k, c) for k, c in row.placed() if k >= label_stop and c.text.strip()]
    if len(printed) != 1 or not _looks_numeric(printed[0][1].text):
        return header, header_text
    k = printed[0][0]
    return {k: column}, {k: header_text.get(j, "")}


def _is_header(row: _Row, block: str | None, blocks) -> bool:
    if block is None:
        return False
    # the cheap test first: a row of figures is no header, whatever its cells would match
    return not any(_looks_numeric(t) for t in row.texts()) and bool(_proactive_header(row, block, blocks)[0])


def _proactive_header(row: _Row, block: str | None, blocks) -> tuple[dict[int, tuple[str, Label]], dict]:
    if block is None:
        return {}, {}
    cands = {f"{ed}:{c.key}": (ed, c) for ed, cols in blocks[block].columns.items() for c in cols}
    mapping: dict[int, tuple[str, Label]] = {}
    texts: dict[int, str] = {}
    used: set[str] = set()
    for j, cell in enumerate(row.cells):
        if cell is None or not cell.text.strip() or (j > 0 and row.cells[j - 1] is cell):
            continue
        # (the block's heading, or its 第（一）项, may share the cell, centred over the table on the header's
        # line: 第二十条第（一）项 over 制发件数, read as one cell without rulings)
        text = _ART20_PIECE.sub("", _ART20.sub("", cell.text))
        match = labels.best_match(text, ((k, c.labels) for k, (ed, c) in cands.items()), threshold=85)
        if match and match.key not in used:
            used.add(match.key)
            mapping[j] = cands[match.key]
            texts[j] = cell.text
    return mapping, texts


def _default_columns(block, row: _Row, label: Cell, votes: dict[str, int]) -> dict[int, tuple[str, Label]]:
    """Without a header, figures follow the label in template column order (edition by the votes so far);
    every grid cell after the label counts, a blank one too, so a blank never shifts the figures after it."""
    edition = "ed2021" if votes["ed2021"] > votes["ed2019"] else "ed2019"
    columns = block.columns.get(edition) or next(iter(block.columns.values()))
    positions = [j for j in range(label.col + label.colspan, len(row.cells))
                 if row.cells[j] is None or row.cells[j].col == j]  # a spanned cell once, at its first column
    return {j: (edition, col) for j, col in zip(positions, columns)}

