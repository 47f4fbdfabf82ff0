"""Ragged variants: each truth rendered the ways real published reports print their tables (issue #3).

A *kind* is one thing real reports do (split a table over pages, cut a spanned label at the page break, drop
the ruling lines, print blanks as 无, drop a 第二十条 block …). Kinds combine; each one either dresses the
tables (``vgrid.Opts``, render-time only) or changes what is printed, and then the variant's truth changes
with it, so the truth written beside the files is always the exact expected reading:

* cells: a row or block not printed → ``null`` (never 0); a printed blank → 0 with ``printed`` saying how;
  money in 元 (a decimal where the print has fen); money printed with no unit anywhere → ``null``;
* ``expected_flags``: the identity breaks the printed figures imply (``truth.identity_breaks``) plus
  ``{"kind": "unit", "key": K}`` per money cell with no unit, ``{"kind": "rows_missing", "where": TABLE}`` per
  table with template cells not printed, ``{"kind": "label", "where": LABEL}`` per printed row the template
  lacks that carries figures (LABEL as printed, whitespace removed).

``python -m tests.fixture_builder.variants --seed N --count K --out DIR`` renders random combinations;
``--committed`` (re)writes the committed set under ``tests/fixtures/variants/``.
"""

from __future__ import annotations

import argparse
import copy
import json
import random
import re
import unicodedata
from collections.abc import Callable
from dataclasses import dataclass, field
from decimal import Decimal
from pathlib import Path

from extractors.template import load_template

from .build import ED2021_LABELS, FIXTURES, STYLES
from .truth import (TRUTHS_DIR, TruthError, flags_from, identity_breaks, load_truth, request_rows,
                    template_keys, validate)
from .randtruth import draw
from .vgrid import Opts
from .vrender import render_docx, render_html

VARIANTS = FIXTURES / "variants"
BLANKS = ("", "—", "－", "-", "/", "无")


@dataclass
class Variant:
    name: str
    truth: dict
    opts: Opts
    rng: random.Random
    kinds: list[str] = field(default_factory=list)
    flags: list[dict] = field(default_factory=list)  # non-identity flags the variant must raise
    missing: set[str] = field(default_factory=set)  # keys not printed at all

    @property
    def cells(self) -> dict:
        return self.truth["cells"]

    @property
    def printed(self) -> dict:
        return self.truth["printed"]

    def plain(self, key: str) -> bool:
        """A figure still printed as its bare value (no kind has restyled it)."""
        return key not in self.printed and self.cells.get(key) is not None and key not in self.missing

    def drop(self, keys: list[str]) -> None:
        for k in keys:
            self.cells[k] = None
            self.printed.pop(k, None)
            self.missing.add(k)
        # a flag a kind drawn before expects of a cell not printed now (money-units' no unit) is never raised
        self.flags = [f for f in self.flags if f.get("key") not in set(keys)]


@dataclass(frozen=True)
class Kind:
    name: str
    doc: str
    apply: Callable[[Variant], None]
    fits: Callable[[dict], bool] = lambda truth: True
    stage: int = 1  # 0: changes the truth's shape (edition, scale) — runs first; 1: figures; 2: dress only
    formats: tuple[str, ...] = ()  # the formats the kind shows in (empty: every format)


KINDS: dict[str, Kind] = {}
# The formats a variant is rendered in: the Word source, the web page, LibreOffice's PDF of the Word source,
# reportlab's PDF drawn as WPS writes them, and (on request: one more LibreOffice run) a .doc.
FORMATS = ("docx", "html", "pdf-libreoffice", "pdf-reportlab")
ALL_FORMATS = (*FORMATS, "doc")
SUFFIX = {"docx": ".docx", "html": ".html", "pdf-libreoffice": ".pdf", "pdf-reportlab": ".rl.pdf", "doc": ".doc"}


def format_of(path: Path) -> str:
    """The format a rendered file stands for, from its name (``x.rl.pdf`` is reportlab's)."""
    if path.name.endswith(".rl.pdf"):
        return "pdf-reportlab"
    return {".pdf": "pdf-libreoffice", ".docx": "docx", ".html": "html", ".doc": "doc"}.get(path.suffix,
                                                                                          path.suffix[1:])


def kind(doc: str, *, stage: int = 1, fits: Callable[[dict], bool] = lambda t: True, formats: tuple[str, ...] = ()):
    def register(fn: Callable[[Variant], None]) -> Callable[[Variant], None]:
        name = fn.__name__.strip("_").replace("_", "-")
        KINDS[name] = Kind(name, doc, fn, fits, stage, formats)
        return fn

    return register


def _money_key(truth: dict) -> str:
    return ("proactive.art20_9.procurement.amount_yuan" if truth["edition"] == "ed2019"
            else "proactive.art20_8.fees.amount_yuan")


def _money_header(truth: dict) -> str:
    return ("proactive.col.art20_9.amount_yuan" if truth["edition"] == "ed2019"
            else "proactive.col.art20_8.amount_yuan")


def _wan(value) -> str:
    return format((Decimal(str(value)) / 10000).normalize(), "f")


def _fullwidth(text: str) -> str:
    return "".join(chr(ord(ch) + 0xFEE0) if "0" <= ch <= "9" or ch in "+-.," else ch for ch in text)


def _sub(pattern: str, repl: str) -> Callable[[str], str]:
    return lambda text: re.sub(pattern, repl, text)


def _const(text: str) -> Callable[[str], str]:
    return lambda _old: text


# --- page breaks ----------------------------------------------------------------------------------------------


def _result_anchor(v: Variant, group: str | None = None) -> str:
    rows = [r for r in request_rows(v.truth) if r.startswith("result.") and (group is None or r.startswith(group))]
    return f"row:{v.rng.choice(rows[1:] or rows)}"


@kind("tables split over 2-3 pages, the header rows repeated on each page, page numbers in the footer")
def split_repeat(v: Variant) -> None:
    o = v.opts
    o.splits.setdefault("requests", []).extend(
        v.rng.sample([_result_anchor(v, "result.withheld"), _result_anchor(v, "result.not_processed")],
                     v.rng.choice((1, 2))))
    o.splits.setdefault("proactive", []).append(f"section:{v.rng.choice(['art20_5', 'art20_6', 'art20_8'])}")
    o.repeat_header, o.footer = True, True
    o.fresh_page |= {"proactive", "requests"}
    o.split_label = v.rng.choice(("stay", "repeat"))


@kind("tables split over pages without the header repeated; a page-number line printed between the parts")
def split_plain(v: Variant) -> None:
    o = v.opts
    o.splits.setdefault("requests", []).append(_result_anchor(v))
    o.splits.setdefault("proactive", []).append(f"row:art20_6.{v.rng.choice(['penalty', 'coercion'])}")
    o.repeat_header, o.footer = False, v.rng.random() < 0.5
    o.fresh_page |= {"proactive", "requests"}
    o.between = [v.rng.choice(("— 2 —", "第 2 页 共 4 页", "- 3 -", "2"))]


@kind("one requests table left whole and broken by the page end itself (LibreOffice), header repeat or not")
def flow_split(v: Variant) -> None:
    v.opts.flow, v.opts.flow_repeat, v.opts.footer = "requests", v.rng.random() < 0.5, True


@kind("the page break cuts a row-spanned parent label ('（四）无' | '法提供') or leaves it on the page before")
def page_cut_group(v: Variant) -> None:
    groups = ["result.withheld", "result.unable", "result.not_processed"]
    if v.truth["other_split"]:
        groups.append("result.other.")
    v.opts.splits.setdefault("requests", []).append(_result_anchor(v, v.rng.choice(groups)))
    v.opts.split_label = v.rng.choice(("cut", "cut", "stay"))
    v.opts.footer = True


@kind("the requests table's header rows alone at the foot of a page, its rows on the next", stage=2)
def stranded_header(v: Variant) -> None:
    v.opts.splits.setdefault("requests", []).append("row:received")
    v.opts.fresh_page.discard("requests")
    v.opts.repeat_header = v.rng.random() < 0.3
    v.opts.footer = True


@kind("each 第二十条 heading of the proactive table down a merged column left of its block's header and rows "
      "(第二十条 / 第（一）项 | 信息内容 | 本年制发件数 …), not a row across", stage=2)
def proactive_side_headings(v: Variant) -> None:
    v.opts.proactive_side = True


@kind("the appeals table turned: 结果维持 … 总计 across, a group a row (行政复议; 行政诉讼 spanning 未经复议直接起诉 and "
      "复议后起诉)", stage=2)
def appeals_turned(v: Variant) -> None:
    v.opts.appeals = "turned"


@kind("the appeals table printed as two tables one under the other: 行政复议's five columns, then 行政诉讼's ten",
      stage=2, formats=("docx", "html", "pdf-libreoffice", "doc"))
def appeals_stacked(v: Variant) -> None:
    v.opts.appeals = "stacked"


@kind("the appeals table printed as two tables, each named by a line above it, not in it: （一）行政复议情况 over "
      "结果维持 … 总计, （二）行政诉讼情况 over 未经复议直接起诉 | 复议后起诉", stage=2,
      formats=("docx", "html", "pdf-libreoffice", "doc"))
def appeals_stacked_headed(v: Variant) -> None:
    v.opts.appeals = "stacked-headed"


@kind("the appeals table's header rows alone at the foot of a page, its one row of figures on the next", stage=2)
def appeals_stranded_header(v: Variant) -> None:
    v.opts.splits.setdefault("appeals", []).append("row:data")
    v.opts.fresh_page.discard("appeals")
    v.opts.footer = True


@kind("a 第二十条 heading alone at the foot of a page, its rows on the next", stage=2)
def orphan_heading(v: Variant) -> None:
    blocks = [b.key for b in load_template().proactive if v.truth["edition"] in b.editions][1:]
    v.opts.splits.setdefault("proactive", []).append(f"after:section:{v.rng.choice(blocks)}")
    v.opts.fresh_page.add("proactive")
    v.opts.footer = True


# --- labels -------------------------------------------------------------------------------------------------


@kind("vertical labels: 三、本年度办理结果 one character per line or with stray spaces; group labels stacked",
      stage=2)
def vertical_label(v: Variant) -> None:
    stack = lambda s: "\n".join(ch for ch in s if not ch.isspace())  # noqa: E731
    if v.rng.random() < 0.5:
        v.opts.rules.append(("requests.group.result", stack))
    else:
        v.opts.rules.append(("requests.group.result", lambda s: " ".join(re.findall(r".{1,2}", s))))
    v.opts.rules.append((f"requests.group.{v.rng.choice(['withheld', 'unable', 'not_processed'])}", stack))


@kind("vertical-font label cells (WPS textDirection): their text comes out in layout order among the rows",
      stage=2)
def wps_vertical(v: Variant) -> None:
    v.opts.rotated |= {"requests.group.result", "requests.group.withheld", "requests.group.not_processed"}


@kind("header labels broken over lines (商业\\n企业, 社会\\n公益\\n组织, 本年新\\n制作数量, 结果\\n维持)", stage=2)
def broken_headers(v: Variant) -> None:
    split2 = lambda s: s[: len(s) // 2] + "\n" + s[len(s) // 2:]  # noqa: E731
    v.opts.rules += [
        ("requests.col.commercial", _sub("商业企业", "商业\n企业")),
        ("requests.col.social_org", lambda s: "\n".join(re.findall(r".{1,2}", s))),
        ("requests.col.legal_service", _sub("法律服务机构", "法律\n服务\n机构")),
        ("requests.col.research", split2),
        ("requests.head.orgs", _sub("法人或其他组织", "法人或\n其他组织")),
        ("proactive.col.*", lambda s: re.sub(r"^(本年新|本年|上一年|现行|采购)", r"\1\n", s)),
        ("appeals.col.*", split2),
        ("requests.row.received", _sub("申请数量", "\n申请数量")),
    ]


@kind("label wordings and typos of real reports: 社会组织, 规范性文件/行政规范性文件, filling notes, dropped words",
      stage=2)
def label_variants(v: Variant) -> None:
    ed2021 = v.truth["edition"] == "ed2021"
    pool = [
        ("requests.col.social_org", _const("社会组织")),
        ("proactive.row.art20_1.normative_docs", _const("规范性文件" if ed2021 else "行政规范性文件")),
        ("proactive.row.art20_1.regulations", _const("规章（设区的市、自治州人民政府应提供相关数据）")),
        ("requests.row.result.withheld.law_forbidden", _sub("其他法律行政法规禁止公开", "其他法律行政止公开")),
        ("requests.row.result.withheld.three_safety", _sub("“三安全一稳定”", "三安全一稳定")),
        ("requests.row.received", _sub("申请数量", "申请")),
        ("requests.row.result.partial", _sub("（区分处理的，只计这一情形，不计其他情形）", "")),
        ("requests.col.total", _const("合计")),
        ("proactive.col.art20_5.change", _sub("本年增/减", "本年增减")),
    ]
    v.opts.rules += v.rng.sample(pool, 5)


@kind("the requests table's row labels shortened as some bodies print them: 本年新收申请数量, 上年结转申请数量, "
      "办理结果合计 (for （七）总计)", stage=2)
def short_labels(v: Variant) -> None:
    v.opts.rules += [("requests.row.received", _sub("政府信息公开申请数量", "申请数量")),
                     ("requests.row.carried_over", _sub("政府信息公开申请数量", "申请数量")),
                     ("requests.row.result.total", lambda s: _ROW_NUMBER.sub("", s, count=1).replace("总计", "办理结果合计"))]


def _numbered_as_printed(words: str) -> Callable[[str], str]:
    """A row label's rewrite to ``words``, its numbering (一、, （一）, 1.) kept as printed."""
    return lambda text: (m.group(0) if (m := _ROW_NUMBER.match(text)) else "") + words


# Abbreviations of the requests table's result rows as bodies print them: the key words of the template's label,
# in order (a few wordings each; a row keeps its numbering)
_ABBREVIATED = {
    "result.withheld.state_secret": ("国家秘密", "属于国家秘密的"),
    "result.withheld.law_forbidden": ("法律法规禁止", "法律行政法规禁止公开", "其他法律法规禁止公开"),
    "result.withheld.third_party": ("第三方合法权益", "保护第三方合法权益的"),
    "result.withheld.internal_affairs": ("内部事务信息", "三类内部事务信息", "内部事务"),
    "result.withheld.process_info": ("过程性信息", "四类过程性信息"),
    "result.withheld.enforcement_file": ("行政执法案卷", "执法案卷"),
    "result.withheld.admin_query": ("行政查询事项", "查询事项"),
    "result.unable.not_held": ("不掌握相关信息", "本机关不掌握", "不掌握相关政府信息"),
    "result.unable.need_creation": ("需另行制作", "需要另行制作", "没有现成信息"),
    "result.unable.unclear": ("补正后仍不明确", "申请内容不明确"),
    "result.not_processed.petition": ("信访举报投诉类", "信访举报投诉"),
    "result.not_processed.publication": ("公开出版物", "要求提供出版物"),
    "result.not_processed.mass_repeat": ("大量反复申请",),
    "result.not_processed.confirm": ("要求确认或重新出具", "确认或重新出具已获取信息"),
    "result.other.no_supplement": ("逾期不补正",),
    "result.other.unpaid_fee": ("逾期未缴费", "逾期未缴纳费用"),
}


@kind("the requests table's result rows abbreviated to their key words (国家秘密, 法律法规禁止, 内部事务信息, "
      "需另行制作, 逾期未缴费), numbering kept: some rows or most", stage=2)
def abbreviated_labels(v: Variant) -> None:
    rows = [r for r in sorted(_ABBREVIATED) if any(k.startswith(f"requests.{r}.") for k in v.cells)]
    for row in v.rng.sample(rows, v.rng.randint(min(4, len(rows)), len(rows))):
        words = v.rng.choice(_ABBREVIATED[row])
        v.opts.rules.append((f"requests.row.{row}",
                             _numbered_as_printed(words)))


_CIRCLED = "①②③④⑤⑥⑦⑧⑨⑩"


def _circled(text: str) -> str:
    """A sub-row's numbering 1. / 1、 as ① (NFKC makes ① a bare 1 run into the label)."""
    return re.sub(r"^(\d+)[、.．]", lambda m: _CIRCLED[int(m.group(1)) - 1], text, count=1)


@kind("labels reworded as some bodies print them, a few or most: 本年度新收申请, 上年度结转申请, 同意公开, sub-rows "
      "numbered ①②, appeals 复议/诉讼/直接起诉/维持/纠正, 第二十条（九） without its 项, 增减, 项目数量/总金额", stage=2)
def reworded_labels(v: Variant) -> None:
    ed2019 = v.truth["edition"] == "ed2019"
    pool = [
        ("requests.row.received", _numbered_as_printed("本年度新收申请")),
        ("requests.row.carried_over", _numbered_as_printed("上年度结转申请")),
        ("requests.row.result.disclosed", _sub("予以公开", "同意公开")),
        ("requests.row.result.*", _circled),
        ("appeals.group.review", _const("复议")),
        ("appeals.parent", _const("诉讼")),
        ("appeals.group.litigation_direct", _const("直接起诉")),
        ("appeals.col.upheld", _const("维持")),
        ("appeals.col.corrected", _const("纠正")),
        ("proactive.section.*", lambda s: re.sub(r"第二十条第(（[一二三四五六七八九十]+）)项", r"第二十条\1", s)),
    ]
    if ed2019:
        pool += [("proactive.col.*.change", _const("增减")),
                 ("proactive.col.art20_9.*", _sub("采购", ""))]
    v.opts.rules += v.rng.sample(pool, v.rng.randint(4, len(pool)))


@kind("the requests table's labels in one column, a sub-row's after its parent's and a dash (不予公开—属于国家秘密; "
      "三、本年度办理结果 left out or before the first result row and a colon), rows worded in another order "
      "(政府信息公开申请本年新收数量)", stage=2)
def flat_labels(v: Variant) -> None:
    v.opts.requests_flat = True
    if v.rng.random() < 0.7:
        v.opts.rules += [("requests.row.received", _const("政府信息公开申请本年新收数量")),
                         ("requests.row.carried_over", _const("政府信息公开申请上年结转数量"))]
    v.opts.requests_flat_result_head = v.rng.random() < 0.5


@kind("the proactive table with no 第二十条 heading: each block opens on its header, its corner heading 项目 or 类别",
      stage=2)
def proactive_no_headings(v: Variant) -> None:
    v.opts.proactive_no_headings = True
    v.opts.rules.append(("proactive.head", _const(v.rng.choice(("项目", "类别")))))


@kind("the proactive table's labels shortened (许可, 处罚, 强制, 收费, 制发, 废止, 新制作数, 上年项目数), each "
      "block's heading cut to its 第（五）项 and printed in its header's first column heading's cell", stage=2)
def proactive_short_labels(v: Variant) -> None:
    pool = [("proactive.row.art20_5.licensing", _const("许可")), ("proactive.row.art20_6.penalty", _const("处罚")),
            ("proactive.row.art20_6.coercion", _const("强制")), ("proactive.row.art20_8.fees", _const("收费")),
            ("proactive.col.art20_1.issued", _const("制发")), ("proactive.col.art20_1.repealed", _const("废止")),
            ("proactive.col.art20_1.made", _const("新制作数")), ("proactive.col.*.prev_items", _const("上年项目数"))]
    v.opts.rules += v.rng.sample(pool, v.rng.randint(3, len(pool)))
    v.opts.proactive_heading_in_header = True


@kind("each 第二十条 heading after the regulation's name and its item's numeral bare or bracketed: 条例第二十条第一项, "
      "《条例》第二十条第（五）项, 《政府信息公开条例》第二十条第六项", stage=2)
def regulation_headings(v: Variant) -> None:
    name = v.rng.choice(("条例", "《条例》", "《政府信息公开条例》"))
    bare = v.rng.random() < 0.6
    v.opts.rules.append(("proactive.section.*", lambda s: name + (re.sub(r"（([一二三四五六七八九十]+)）", r"\1", s)
                                                                  if bare else s)))


@kind("numbering dropped or in another style ((一), 一、, 1、), half-width brackets, 1、 beside 1. in one table",
      stage=2)
def numbering(v: Variant) -> None:
    o = v.opts
    o.top_num = v.rng.choice(("一、", "一.", ""))
    o.sub_num = v.rng.choice(("(一)", "一、", ""))
    o.leaf_num = {"withheld": "1、", "unable": "1.", "not_processed": v.rng.choice(("1、", "")), "other": "1、"}
    if v.rng.random() < 0.5:
        o.rules.append(("proactive.section.*", lambda s: s.replace("（", "(").replace("）", ")")))
    else:
        o.rules.append(("proactive.section.*", lambda s: s.replace("第二十条第", "第二十条 第")))


@kind("a typo in a table heading (行政法复议)", stage=2)
def heading_typo(v: Variant) -> None:
    v.opts.rules.append(("appeals.group.review", _const("行政法复议")))


@kind("a stray empty column, its header cell empty, between the row labels and the figures", stage=2)
def stray_column(v: Variant) -> None:
    v.opts.stray_col = True


# --- rulings and placement --------------------------------------------------------------------------------------


@kind("borderless tables: text aligned by position only, no ruling lines", stage=2)
def borderless(v: Variant) -> None:
    v.opts.borders = "none"


@kind("only some rulings: horizontal rules only (三线表) or the outer box only", stage=2)
def partial_rules(v: Variant) -> None:
    v.opts.borders = v.rng.choice(("horizontal", "outer"))


@kind("the tables (with their headings) printed before the narrative", stage=2)
def tables_first(v: Variant) -> None:
    body = v.truth["body"]
    tables = [i for i, item in enumerate(body) if "table" in item]
    moved = {j for i in tables for j in (i - 1, i) if j == i or "h1" in body[j]}
    head = 1 if body and "p" in body[0] else 0  # the preamble stays under the title
    v.truth["body"] = body[:head] + [body[j] for j in sorted(moved)] + [
        item for j, item in enumerate(body) if j >= head and j not in moved]


# --- figures ------------------------------------------------------------------------------------------------


@kind("zeros printed blank: '', —, －, -, /, 无 (one token per table or per cell)")
def blanks(v: Variant) -> None:
    per_table = {t: v.rng.choice(BLANKS) for t in ("proactive", "requests", "appeals")}
    mixed = v.rng.random() < 0.4
    for k, val in v.cells.items():
        if val == 0 and v.plain(k) and v.rng.random() < 0.7:
            v.printed[k] = v.rng.choice(BLANKS) if mixed else per_table[k.split(".", 1)[0]]


_ROW_NUMBER = re.compile(r"^(?:[一二三四五六七八九十]+[、.．]|[（(][一二三四五六七八九十]+[）)]、?|\d+[、.．])")


@kind("requests rows of all zeros printed with every cell empty (rows printed blank, right above rows with figures "
      "too), and the numbering of some row labels left out (one row here, another there: 重复申请 under 1、信访…)")
def blank_rows(v: Variant) -> None:
    rows: dict[str, list[str]] = {}
    for k in v.cells:
        if k.startswith("requests."):
            rows.setdefault(k.rsplit(".", 1)[0], []).append(k)
    for keys in rows.values():
        if all(v.cells[k] == 0 and v.plain(k) for k in keys):
            for k in keys:
                v.printed[k] = ""
    for row in rows:
        if v.rng.random() < 0.4:
            v.opts.rules.append((f"requests.row.{row.split('.', 1)[1]}", lambda s: _ROW_NUMBER.sub("", s, count=1)))


@kind("signs (+48) in 本年增/减, thousands separators (1,234) on figures scaled past 1000", stage=0)
def signs_thousands(v: Variant) -> None:
    peak = max(x for k, x in v.cells.items() if k.startswith("requests.") and x is not None)
    factor = 1 if peak >= 1000 else -(-1200 // max(peak, 1))
    for k, x in v.cells.items():
        if k.startswith("requests.") and x:
            v.cells[k] = x * factor
    for k, x in v.cells.items():
        if not v.plain(k):
            continue
        if k.endswith(".change") and x > 0:
            v.printed[k] = f"+{x}"
        elif abs(x) >= 1000 and k.startswith("requests."):
            v.printed[k] = f"{x:,}"


@kind("the 2019 form's 本年增/减 column typed in words: 增加3, 增3, 减少2, 减2", fits=lambda t: t["edition"] == "ed2019")
def change_words(v: Variant) -> None:
    for k, x in v.cells.items():
        if k.endswith(".change") and x and v.plain(k):
            v.printed[k] = f"{v.rng.choice(('增加', '增') if x > 0 else ('减少', '减'))}{abs(x)}"


@kind("full-width digits (１２３) in some cells")
def fullwidth(v: Variant) -> None:
    for k, x in v.cells.items():
        if v.plain(k) and load_template().money_keys().isdisjoint({k}) and v.rng.random() < 0.35:
            v.printed[k] = _fullwidth(str(x))


@kind("money: 元 in the cell, 万元 only in the header, six decimals (24252.311082 万元), or no unit anywhere")
def money_units(v: Variant) -> None:
    key, head, ed2019 = _money_key(v.truth), _money_header(v.truth), v.truth["edition"] == "ed2019"
    if key in v.missing:  # its block is not printed (missing-block)
        return
    if not v.cells[key]:
        v.cells[key] = 251000
    mode = v.rng.choice(("yuan_cell", "wan_header", "six_decimals", "no_unit") if ed2019
                        else ("yuan_cell", "wan_cell", "six_decimals", "no_unit"))
    bare = "采购总金额" if ed2019 else "本年收费金额"
    value = v.cells[key]
    if mode == "yuan_cell":
        v.printed[key] = f"{value}元"
        v.opts.rules.append((head, _const(bare)))
    elif mode == "wan_header":
        v.printed[key] = _wan(value)
        v.opts.rules.append((head, _const(f"{bare}（单位：万元）")))
    elif mode == "wan_cell":
        v.printed[key] = f"{_wan(value)}万元"
        v.opts.rules.append((head, _const(bare)))
    elif mode == "six_decimals":
        wan = Decimal(value // 10000) + Decimal(v.rng.randrange(1, 10**6)) / 10**6
        wan = wan.quantize(Decimal("0.000001"))
        yuan = wan * 10000
        v.cells[key] = int(yuan) if yuan == yuan.to_integral_value() else float(yuan)
        v.printed[key] = f"{wan} 万元" if ed2019 else f"{wan}"
    else:
        v.printed[key] = _wan(value)
        v.cells[key] = None  # not guessed: stored as unreadable and flagged
        v.opts.rules.append((head, _const(bare)))
        v.flags.append({"kind": "unit", "key": key})


@kind("rows the template lacks, with figures: 其他主动公开文件, 合计 (each flagged as label)")
def extra_rows(v: Variant) -> None:
    ed = v.truth["edition"]
    n = 3
    figs = [str(v.rng.randrange(1, 40)) for _ in range(n)]
    v.opts.extra_rows.append(("art20_1", "其他主动公开文件", figs))
    v.flags.append({"kind": "label", "where": "其他主动公开文件"})
    cols = [c.key for c in next(b for b in load_template().proactive if b.key == "art20_6").columns[ed]]
    total = []
    for c in cols:
        vals = [v.cells.get(f"proactive.art20_6.{r}.{c}") for r in ("penalty", "coercion")]
        total.append(str(sum(x or 0 for x in vals)))
    v.opts.extra_rows.append(("art20_6", "合计", total))
    v.flags.append({"kind": "label", "where": "合计"})


@kind("template rows not printed (all-zero request rows, a proactive row): their cells missing, not 0")
def missing_rows(v: Variant) -> None:
    rows = request_rows(v.truth)
    zero = [r for r in rows if r.startswith("result.") and r != "result.total" and r != "result.other"
            and all(v.cells[f"requests.{r}.{c}"] == 0 for c in (*_REQ_COLS, "total"))]
    for r in v.rng.sample(zero, min(2, len(zero))):
        v.opts.drop.add(f"requests.{r}")
        v.drop([f"requests.{r}.{c}" for c in (*_REQ_COLS, "total")])
    ed = v.truth["edition"]
    block = "art20_5" if ed == "ed2019" else "art20_6"
    row = "other_services" if ed == "ed2019" else "coercion"
    v.opts.drop.add(f"proactive.{block}.{row}")
    v.drop([k for k in v.cells if k.startswith(f"proactive.{block}.{row}.")])


@kind("a whole 第二十条 block not printed: its cells missing (null), never 0")
def missing_block(v: Variant) -> None:
    block = v.rng.choice(("art20_8", "art20_9") if v.truth["edition"] == "ed2019" else ("art20_5", "art20_8"))
    v.opts.drop.add(f"proactive.{block}")
    v.drop([k for k in v.cells if k.startswith(f"proactive.{block}.")])


@kind("the 总计 column of the requests table left empty (printed blank → 0; row totals then break)")
def empty_total(v: Variant) -> None:
    for k in v.cells:
        if k.startswith("requests.") and k.endswith(".total") and k not in v.missing:
            v.cells[k] = 0
            v.printed[k] = ""


@kind("ed2021 layout with （六）其他处理 printed as one row: stored under result.other, sub-rows missing",
      stage=0, fits=lambda t: t["edition"] == "ed2021" and t["other_split"])
def mixed_edition(v: Variant) -> None:
    t = v.truth
    old, t["other_split"] = dict(t["cells"]), False
    subs = ("no_supplement", "unpaid_fee", "other")
    new = {}
    for k in template_keys(t):
        if k.startswith("requests.result.other."):
            col = k.rsplit(".", 1)[1]
            new[k] = sum(old[f"requests.result.other.{s}.{col}"] for s in subs)
            prints = {t["printed"].get(f"requests.result.other.{s}.{col}") for s in subs}
            if new[k] == 0 and len(prints) == 1 and None not in prints:
                t["printed"][k] = prints.pop()
        else:
            new[k] = old[k]
    t["cells"] = new
    t["printed"] = {k: p for k, p in t["printed"].items() if k in new}


# --- numbers and years as printed (issue #8, kind 5) ------------------------------------------------------------

NEGATIVE_FORMS = ("（-{}）", "(-{})", "–{}", "—{}", "‐{}")  # full/half-width brackets, en dash, em dash, hyphen


@kind("negative changes printed as （-2）, (-2), –2, —2 or ‐2 in 本年增/减 (ed2019)",
      fits=lambda t: t["edition"] == "ed2019")
def negatives(v: Variant) -> None:
    _negative_changes(v, NEGATIVE_FORMS)


@kind("negative changes in the accountants' brackets, no sign: (2) or （2） in 本年增/减 (ed2019)",
      fits=lambda t: t["edition"] == "ed2019")
def accounting_negatives(v: Variant) -> None:
    _negative_changes(v, ("（{}）", "({})"))


def _negative_changes(v: Variant, forms: tuple[str, ...]) -> None:
    """Two to four 本年增/减 cells made negative, each printed in one of ``forms`` (its magnitude for {})."""
    changes = [k for k in v.cells if k.endswith(".change") and v.cells[k] is not None and k not in v.missing]
    for k in v.rng.sample(changes, min(len(changes), v.rng.choice((2, 3, 4)))):
        if v.cells[k] >= 0:
            v.cells[k] = -v.rng.randint(1, 30)
        v.printed[k] = v.rng.choice(forms).format(-v.cells[k])


@kind("money printed with two magnitudes in the cell: 1亿2000万元, 3亿零500万元, 2亿元")
def mixed_magnitude(v: Variant) -> None:
    key, head = _money_key(v.truth), _money_header(v.truth)
    if key in v.missing:  # its block is not printed (missing-block)
        return
    v.flags = [f for f in v.flags if f.get("key") != key]  # printed with its unit now (after money-units)
    yi, wan = v.rng.randint(1, 12), v.rng.choice((0, v.rng.randint(1, 9999)))
    v.cells[key] = (yi * 10**4 + wan) * 10**4
    v.printed[key] = f"{yi}亿{'零' if 0 < wan < 1000 and v.rng.random() < 0.5 else ''}{wan or ''}{'万' if wan else ''}元"
    v.opts.rules.append((head, _const("采购总金额" if v.truth["edition"] == "ed2019" else "本年收费金额")))


_CN_DIGITS = "〇一二三四五六七八九"


@kind("the report year printed 二〇二二年, 二○二二年 (U+25CB), ２０２２年, or only in the 统计期限 line", stage=2)
def title_year(v: Variant) -> None:
    year = str(v.truth["year"])
    form = v.rng.choice(("cn", "circle", "fullwidth", "none"))
    if form == "none":  # the preamble's 统计期限 line still says it
        new = re.sub(rf"{year}\s*年度?", "", v.truth["title"]).strip()
    else:
        digits = {"cn": _CN_DIGITS, "circle": "○" + _CN_DIGITS[1:], "fullwidth": "０１２３４５６７８９"}[form]
        new = v.truth["title"].replace(year, "".join(digits[int(d)] for d in year))
    v.truth["title"] = new


# --- PDF text as producers write it (drawn by the reportlab producer, rlrender.py) -------------------------------

RL = ("pdf-reportlab",)
# the formats that lay a table out at the widths given (a web page's table is laid out by the browser)
LAID_OUT = ("docx", "pdf-libreoffice", "pdf-reportlab", "doc")


@kind("title, headings, header cells and the 总计 row painted twice, 0.4 pt apart (fake bold)", stage=2, formats=RL)
def fake_bold(v: Variant) -> None:
    v.opts.fake_bold = True


@kind("figures drawn with wide character spacing: the digits of one figure stand apart ('5 3 3')", stage=2,
      formats=RL)
def spaced_digits(v: Variant) -> None:
    v.opts.digit_gap = round(v.rng.uniform(3.5, 6.0), 1)


@kind("a requests row broken by the page end: its label's head and the figures on one page, the tail of the "
      "label on the next (header repeated or not)", stage=2, formats=RL)
def row_break(v: Variant) -> None:
    labels = {r.key: r.label for r in load_template().request_rows}
    rows = [r for r in request_rows(v.truth) if r.startswith("result.") and r != "result.total"
            and f"requests.{r}" not in v.opts.drop]
    v.opts.row_break = v.rng.choice([r for r in rows if len(labels[r]) >= 12] or rows)
    v.opts.repeat_header = v.rng.random() < 0.5
    v.opts.footer = True


@kind("a requests row broken by the page end the other way: only its label's head on one page (the figure cells "
      "empty there), the label's tail and the figures on the next (figures centred low in a tall row)", stage=2,
      formats=RL)
def row_break_low(v: Variant) -> None:
    row_break(v)
    v.opts.row_break_low = True


@kind("the title wrapped by the page inside its last words (告, 报告 or 度报告 alone on a second line) or inside its "
      "year (…2 | 021年…); no PDF title metadata", formats=RL)
def title_wrapped(v: Variant) -> None:
    title = v.truth["title"]
    year = re.search(r"(?:19|20)\d{2}年", title)
    if year and year.start() >= 8 and v.rng.random() < 0.5:  # after the issuer: a line can end inside it
        v.opts.title_tail = len(title) - (year.start() + v.rng.randint(1, 3))
    else:
        v.opts.title_tail = v.rng.choice((1, 2, 3))


@kind("row labels centred in their cells, each wrapped line centred on its own (a label spanning the parent "
      "column wraps its tail under the row labels')", stage=2, formats=LAID_OUT)
def centred_labels(v: Variant) -> None:
    v.opts.label_center = True


@kind("label columns narrowed so that labels wrap over several lines", stage=2, formats=LAID_OUT)
def wrapped_labels(v: Variant) -> None:
    v.opts.label_width = round(v.rng.uniform(0.45, 0.7), 2)


# Kangxi radicals whose compatibility decomposition is an ordinary ideograph: ⼀ → 一, ⼈ → 人, ⾏ → 行 …
_KANGXI = {unicodedata.normalize("NFKC", chr(cp)): chr(cp) for cp in range(0x2F00, 0x2FD6)}


def _kangxi(seed: int, rate: float) -> Callable[[str], str]:
    def fx(text: str) -> str:
        rng = random.Random(f"{seed}:{text}")  # the same label is dressed alike in every format
        return "".join(_KANGXI[ch] if ch in _KANGXI and rng.random() < rate else ch for ch in text)

    return fx


@kind("Kangxi radical code points (U+2F00–U+2FDF) in place of some ordinary characters in the table labels",
      stage=3)
def kangxi(v: Variant) -> None:
    v.opts.rules.append(("*", _kangxi(v.rng.randrange(10**6), v.rng.choice((0.3, 0.6, 1.0)))))
    v.opts.font = "wqy"  # an embedded font maps its glyphs to the radicals (STSong-Light's CMap has none)


_REQ_COLS = ("natural_person", "commercial", "research", "social_org", "legal_service", "other_org")


# --- assembling a variant -------------------------------------------------------------------------------------


def short_body(body: list[dict]) -> list[dict]:
    """Headings, the tables and the preamble's first sentence: the variants are about tables, and a short
    narrative keeps each PDF's embedded font subset small."""
    out: list[dict] = []
    for i, item in enumerate(body):
        if "p" in item and i == 0:
            out.append({"p": item["p"].split("。")[0] + "。"})
        elif "h1" in item or "h2" in item or "table" in item:
            out.append(item)
    return out


def base_truths() -> dict[str, dict]:
    return {p.stem: load_truth(p) for p in sorted(TRUTHS_DIR.glob("*.json"))}


def _base_opts(base: dict) -> Opts:
    """The dressing the base fixture already wears (its label variants), as rules."""
    labels = dict(STYLES.get(base["name"], {}).get("labels", {}))
    if base["edition"] == "ed2021":
        labels = {**ED2021_LABELS, **labels}
    o = Opts()
    for key, text in labels.items():
        parts = key.split(".")
        ident = (f"requests.col.{parts[1]}" if parts[0] == "requests" else f"proactive.row.{'.'.join(parts[1:])}")
        o.rules.append((ident, _const(text)))
    return o


def make(base: dict, kinds: list[str], seed: int, name: str | None = None) -> Variant:
    truth = copy.deepcopy(base)
    truth["printed"] = dict(truth.get("printed", {}))
    truth["body"] = short_body(truth["body"])
    rng = random.Random(f"{seed}:{base['name']}:{','.join(kinds)}")
    name = name or f"{'+'.join(kinds) or 'plain'}-{base['name']}-s{seed}"
    v = Variant(name, truth, _base_opts(base), rng, list(kinds))
    v.opts.font = random.Random(f"font:{name}").choice(("wqy", "stsong"))  # the reportlab producer's font
    for k in sorted(kinds, key=lambda k: KINDS[k].stage):
        if not KINDS[k].fits(v.truth):
            raise ValueError(f"kind {k} does not fit {base['name']}")
        KINDS[k].apply(v)
    finish(v)
    return v


def formats_of(v: Variant, wanted: tuple[str, ...] = FORMATS) -> list[str]:
    """The wanted formats the variant's kinds show in (a reportlab-only kind renders only that PDF)."""
    return [f for f in wanted if all(not KINDS[k].formats or f in KINDS[k].formats for k in v.kinds)]


def finish(v: Variant) -> None:
    """Write the variant's name, recipe and expected flags into its truth and validate it."""
    t = v.truth
    base = _base_name(t)  # before the truth takes the variant's name
    t["name"] = v.name
    t["variant"] = {"base": base, "kinds": v.kinds}
    tables = sorted({k.split(".", 1)[0] for k in v.missing}, key=("proactive", "requests", "appeals").index)
    flags = v.flags + [{"kind": "rows_missing", "where": tb} for tb in tables]
    t["expected_flags"] = flags_from(identity_breaks(t)) + flags
    check(t)


def _base_name(t: dict) -> str:
    return t.get("variant", {}).get("base") or t["name"]


def check(truth: dict) -> None:
    """``truth.validate`` on the identity part (money with fen rounded, other flags set aside), plus the
    variant rules: every printed text is what the cell's value means."""
    probe = copy.deepcopy(truth)
    probe["cells"] = {k: (round(x) if isinstance(x, float) else x) for k, x in probe["cells"].items()}
    probe["expected_flags"] = [f for f in probe["expected_flags"] if f["kind"] == "identity"]
    validate(probe)
    for k, shown in truth["printed"].items():
        if shown.strip() in BLANKS and truth["cells"][k] != 0:
            raise TruthError(f"{truth['name']}: {k} printed blank {shown!r} but value is {truth['cells'][k]}")


def render(v: Variant, out_dir: Path, *, pdf: bool = True, formats: tuple[str, ...] | None = None,
           defer: list[tuple[str, Path, Path]] | None = None) -> list[Path]:
    """``<name>.docx`` is the Word source (one table per standard table); ``<name>.pdf`` is printed by
    LibreOffice from a paginated copy (the variant's page parts as separate tables with page breaks, so each cut
    falls exactly where the variant puts it); ``<name>.html`` shows the page parts as pages converted to a web
    page do (separate tables, page furniture between); ``<name>.rl.pdf`` is drawn by reportlab as WPS writes
    PDFs (``rlrender``); ``<name>.doc`` is LibreOffice's Word 97 copy of the source. ``formats`` (names in
    ``ALL_FORMATS``) defaults to the committed set's: docx, html and (with ``pdf``) the LibreOffice PDF; only
    the formats every kind of the variant shows in are written. With ``defer`` the LibreOffice conversions are
    appended to it as (target, source docx, destination) instead of run (``render_many`` runs them at once)."""
    import shutil
    import tempfile

    from .render_pdf import convert_all
    from .rlrender import render_rl, rl_font

    if formats is None:
        formats = ("docx", "html", "pdf-libreoffice") if pdf else ("docx", "html")
    wanted = formats_of(v, tuple(formats))
    if not wanted:
        return []
    d = out_dir / v.name
    d.mkdir(parents=True, exist_ok=True)
    files = []
    if "pdf-reportlab" in wanted:
        v.truth["variant"]["rl_font"] = rl_font(v.truth, v.opts)
    if "docx" in wanted:
        files.append(render_docx(v.truth, v.opts, d / f"{v.name}.docx", paginate=False))
    if "html" in wanted:
        files.append(render_html(v.truth, v.opts, d / f"{v.name}.html"))
    if "pdf-reportlab" in wanted:
        files.append(render_rl(v.truth, v.opts, d / f"{v.name}.rl.pdf"))
    with tempfile.TemporaryDirectory(prefix="gongkai-print-") as tmp:
        jobs = []
        spool = Path(_spool() if defer is not None else tmp)
        for fmt, to, paginate in (("pdf-libreoffice", "pdf", True), ("doc", "doc", False)):
            if fmt in wanted:  # the PDF is printed from the paginated copy, the .doc saved from the source
                src = render_docx(v.truth, v.opts, spool / to / f"{v.name}.docx", paginate=paginate)
                jobs.append((to, src, d / f"{v.name}{SUFFIX[fmt]}"))
        if defer is not None:
            defer += jobs
        else:
            for to, src, dst in jobs:
                files.append(Path(shutil.copyfile(convert_all([src], to)[0], dst)))
    (d / "truth.json").write_text(json.dumps(v.truth, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
    return [*files, d / "truth.json"]


_SPOOL: list = []


def _spool() -> str:
    """A folder that outlives one ``render`` call, for the sources of deferred conversions."""
    import tempfile

    if not _SPOOL:
        _SPOOL.append(tempfile.TemporaryDirectory(prefix="gongkai-spool-"))
    return _SPOOL[0].name


def render_many(variants: list[Variant], out_dir: Path, formats: tuple[str, ...] = FORMATS) -> list[Path]:
    """``render`` every variant, with one LibreOffice run per target format for the whole set."""
    import shutil

    from .render_pdf import convert_all

    jobs: list[tuple[str, Path, Path]] = []
    files = [f for v in variants for f in render(v, out_dir, formats=formats, defer=jobs)]
    try:
        for to in sorted({to for to, _, _ in jobs}):
            mine = [(src, dst) for t, src, dst in jobs if t == to]
            for out, (_, dst) in zip(convert_all([src for src, _ in mine], to), mine):
                files.append(Path(shutil.copyfile(out, dst)))
    finally:
        if _SPOOL:
            _SPOOL.pop().cleanup()
    return files


# --- the committed set and random sets --------------------------------------------------------------------------

# (name, base, kinds, seed): every kind at least once, both editions, and a few combinations.
COMMITTED: list[tuple[str, str, list[str], int]] = [
    ("split-repeat-2019", "baoshan-2020", ["split-repeat"], 1),
    ("split-repeat-2021", "hejiang-2022", ["split-repeat"], 2),
    ("split-plain-2019", "xuhui-2019-broken", ["split-plain"], 3),
    ("split-plain-2021", "jinan-2023-mixed", ["split-plain"], 4),
    ("flow-split-2021", "hejiang-2022", ["flow-split"], 5),
    ("page-cut-group-2019", "baoshan-2020", ["page-cut-group"], 6),
    ("page-cut-group-2021", "hejiang-2022", ["page-cut-group"], 7),
    ("stranded-header-2021", "hejiang-2022", ["stranded-header"], 36),
    ("borderless-mixed-magnitude-2019", "baoshan-2020", ["borderless", "mixed-magnitude"], 37),
    ("borderless-stranded-header-2021", "luxian-2022", ["borderless", "stranded-header"], 38),
    ("borderless-vertical-split-2019", "baoshan-2020", ["borderless", "vertical-label", "split-plain"], 39),
    ("orphan-heading-2019", "xuhui-2019-broken", ["orphan-heading"], 8),
    ("vertical-label-2019", "baoshan-2020", ["vertical-label"], 9),
    ("wps-vertical-2021", "hejiang-2022", ["wps-vertical"], 10),
    ("broken-headers-2019", "baoshan-2020", ["broken-headers"], 11),
    ("label-variants-2021", "hejiang-2022", ["label-variants"], 12),
    ("numbering-2019", "xuhui-2019-broken", ["numbering"], 13),
    ("heading-typo-2021", "jinan-2023-mixed", ["heading-typo"], 14),
    ("stray-column-2019", "baoshan-2020", ["stray-column"], 15),
    ("borderless-2019", "baoshan-2020", ["borderless"], 16),
    ("borderless-2021", "hejiang-2022", ["borderless"], 17),
    ("partial-rules-2021", "jinan-2023-mixed", ["partial-rules"], 18),
    ("tables-first-2019", "xuhui-2019-broken", ["tables-first"], 19),
    ("blanks-2019", "baoshan-2020", ["blanks"], 20),
    ("blanks-2021", "hejiang-2022", ["blanks"], 21),
    ("signs-thousands-2019", "baoshan-2020", ["signs-thousands"], 22),
    ("fullwidth-2021", "jinan-2023-mixed", ["fullwidth"], 23),
    ("money-units-2019", "baoshan-2020", ["money-units"], 24),
    ("money-units-2021", "hejiang-2022", ["money-units"], 25),
    ("money-units-2019b", "xuhui-2019-broken", ["money-units"], 26),
    ("money-units-2019c", "baoshan-2020", ["money-units"], 41),
    ("money-units-2019d", "baoshan-2020", ["money-units"], 42),
    ("money-units-2021b", "jinan-2023-mixed", ["money-units"], 41),
    ("extra-rows-2019", "baoshan-2020", ["extra-rows"], 27),
    ("missing-rows-2021", "hejiang-2022", ["missing-rows"], 28),
    ("missing-block-2019", "baoshan-2020", ["missing-block"], 29),
    ("empty-total-2021", "jinan-2023-mixed", ["empty-total"], 30),
    ("mixed-edition-2021", "hejiang-2022", ["mixed-edition"], 31),
    ("combo-split-vertical-blanks-2019", "xuhui-2019-broken", ["page-cut-group", "vertical-label", "blanks"], 32),
    ("combo-borderless-numbering-2021", "hejiang-2022", ["borderless", "numbering", "label-variants"], 33),
    ("combo-mixed-money-missing-2021", "hejiang-2022", ["mixed-edition", "money-units", "missing-block"], 34),
    ("combo-wps-split-fullwidth-2019", "baoshan-2020", ["wps-vertical", "split-plain", "fullwidth"], 35),
    ("change-words-2019", "minhang-2020", ["change-words"], 43),
    ("accounting-negatives-2019", "baoshan-2020", ["accounting-negatives"], 44),
    ("appeals-turned-2019", "baoshan-2020", ["appeals-turned"], 45),
    ("appeals-stacked-2021", "hejiang-2022", ["appeals-stacked"], 46),
    ("appeals-turned-borderless-blanks-2021", "jinan-2023-mixed", ["appeals-turned", "borderless", "blanks"], 47),
    ("appeals-stacked-headed-2019", "minhang-2020", ["appeals-stacked-headed"], 48),
    ("proactive-side-headings-2021", "hejiang-2022", ["proactive-side-headings"], 49),
    ("proactive-side-headings-2019", "baoshan-2020", ["proactive-side-headings", "borderless"], 50),
    ("short-labels-2019", "xuhui-2019-broken", ["short-labels", "borderless", "numbering"], 51),
    ("abbreviated-labels-2021", "hejiang-2022", ["abbreviated-labels"], 52),
    ("abbreviated-labels-borderless-2019", "baoshan-2020", ["abbreviated-labels", "borderless", "numbering"], 53),
    ("reworded-labels-2019", "minhang-2020", ["reworded-labels"], 54),
    ("reworded-labels-2021", "jinan-2023-mixed", ["reworded-labels", "abbreviated-labels"], 55),
    ("reworded-labels-borderless-2021", "hejiang-2022", ["reworded-labels", "borderless"], 56),
    ("proactive-short-labels-2019", "baoshan-2020", ["proactive-short-labels"], 57),
    ("proactive-short-labels-2021", "hejiang-2022", ["proactive-short-labels", "partial-rules"], 58),
    ("flat-labels-2021", "hejiang-2022", ["flat-labels", "proactive-no-headings"], 59),
    ("flat-labels-borderless-2019", "baoshan-2020", ["flat-labels", "proactive-no-headings", "borderless"], 60),
    ("regulation-headings-borderless-2019", "baoshan-2020", ["regulation-headings", "borderless", "centred-labels"],
     74),
    ("regulation-headings-rules-2021", "hejiang-2022", ["regulation-headings", "partial-rules", "centred-labels"], 75),
    ("flat-labels-result-head-2019", "baoshan-2020", ["flat-labels", "partial-rules"], 77),
]


# The reportlab producer's committed set (tests/fixtures/variants-rl/, only the .rl.pdf): one per kind it draws,
# both editions. tests/test_variants_rl.py asserts those the extractor reads exactly (RL_ASSERTED there).
VARIANTS_RL = FIXTURES / "variants-rl"
COMMITTED_RL: list[tuple[str, str, list[str], int]] = [
    ("rl-plain-2019", "baoshan-2020", [], 51),
    ("rl-plain-2021", "hejiang-2022", [], 52),
    ("rl-fake-bold-2019", "xuhui-2019-broken", ["fake-bold"], 53),
    ("rl-fake-bold-2021", "hejiang-2022", ["fake-bold"], 54),
    ("rl-spaced-digits-2019", "baoshan-2020", ["spaced-digits"], 55),
    ("rl-spaced-digits-2021", "jinan-2023-mixed", ["spaced-digits"], 56),
    ("rl-kangxi-2019", "minhang-2020", ["kangxi"], 57),
    ("rl-kangxi-2021", "hejiang-2022", ["kangxi"], 58),
    ("rl-row-break-2019", "baoshan-2020", ["row-break"], 62),
    ("rl-row-break-2021", "hejiang-2022", ["row-break"], 60),
    ("rl-row-break-short-head-2019", "baoshan-2020", ["row-break", "page-cut-group"], 109),
    # the head of a label alone at a page's foot, its tail and the row's figures on the next page
    ("rl-row-break-low-2019", "baoshan-2020", ["row-break-low"], 71),
    ("rl-row-break-low-2021", "hejiang-2022", ["row-break-low"], 70),
    # with blanks printed as words in the broken row's figure cells (无 beside —, －)
    ("rl-row-break-low-blanks-2019", "baoshan-2020", ["row-break-low", "blanks"], 81),
    ("rl-title-wrapped-2019", "minhang-2020", ["title-wrapped"], 72),
    ("rl-title-wrapped-2021", "luzhou-2022", ["title-wrapped"], 73),
    ("rl-spaced-wrapped-fullwidth-2019", "baoshan-2020", ["fullwidth", "spaced-digits", "flow-split"], 200),
    # the requests table run to the page's foot, over its page number (— 2 — inside the last row's cells)
    ("rl-vertical-flow-split-2019", "baoshan-2020", ["wps-vertical", "flow-split"], 300),
    ("rl-wrapped-labels-2019", "xuhui-2019-broken", ["wrapped-labels"], 61),
    ("rl-wrapped-labels-2021", "luxian-2022", ["wrapped-labels"], 62),
    ("rl-borderless-2019", "baoshan-2020", ["borderless"], 63),
    ("rl-borderless-2021", "hejiang-2022", ["borderless"], 64),
    ("rl-partial-rules-2019", "minhang-2020", ["partial-rules"], 63),
    ("rl-partial-rules-2021", "jinan-2023-mixed", ["partial-rules"], 64),
    ("rl-flow-split-2019", "baoshan-2020", ["flow-split"], 60),
    ("rl-flow-split-2021", "hejiang-2022", ["flow-split"], 60),
    ("rl-stranded-header-borderless-2021", "hejiang-2022", ["stranded-header", "borderless"], 65),
    ("rl-borderless-wrapped-labels-2021", "luxian-2022", ["borderless", "wrapped-labels"], 66),
    ("rl-borderless-wrapped-labels-2019", "baoshan-2020", ["borderless", "wrapped-labels"], 67),
    ("rl-borderless-vertical-blanks-2021", "hejiang-2022", ["borderless", "wps-vertical", "blanks"], 68),
    ("rl-borderless-vertical-blanks-2019", "xuhui-2019-broken", ["borderless", "vertical-label", "blanks"], 69),
    ("rl-appeals-turned-2021", "hejiang-2022", ["appeals-turned"], 82),
]


def committed_rl_variants() -> list[Variant]:
    bases = base_truths()
    return [make(bases[b], kinds, seed, name) for name, b, kinds, seed in COMMITTED_RL if b in bases]


def committed_variants() -> list[Variant]:
    bases = base_truths()
    return [make(bases[b], kinds, seed, name) for name, b, kinds, seed in COMMITTED if b in bases]


def random_variants(seed: int, count: int, *, fresh: bool = True, kinds: list[str] | None = None) -> list[Variant]:
    """``count`` seeded variants: 0-3 kinds (only kinds that fit; only ``kinds`` when given, then at least one)
    over a fresh random truth of the seed (``randtruth.draw``), or with ``fresh=False`` over the committed truths
    (1-3 kinds)."""
    unknown = set(kinds or ()) - set(KINDS)
    if unknown:
        raise ValueError(f"unknown kinds {sorted(unknown)}")
    rng = random.Random(seed)
    bases = None if fresh else base_truths()
    out = []
    for i in range(count):
        base = draw(seed, i) if bases is None else bases[rng.choice(sorted(bases))]
        fitting = sorted(k for k, kd in KINDS.items() if kd.fits(base) and (not kinds or k in kinds))
        if kinds and not fitting:
            continue
        n = rng.choice((1, 1, 2) if kinds else (0, 1, 1, 2, 2, 3) if fresh else (1, 2, 3))
        chosen = rng.sample(fitting, min(n, len(fitting)))
        name = base["name"] if fresh else f"r{seed}-{i:03d}-{base['name']}"
        out.append(make(base, chosen, seed * 1000 + i, name))
    return out


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(prog="python -m tests.fixture_builder.variants", description=__doc__,
                                 formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("--count", type=int, default=10)
    ap.add_argument("--out", type=Path, help="output folder (default: a random set is not written)")
    ap.add_argument("--committed", action="store_true", help=f"rewrite the committed set in {VARIANTS}")
    ap.add_argument("--committed-rl", action="store_true",
                    help=f"write the reportlab set in {VARIANTS_RL} (the lead commits those read exactly)")
    ap.add_argument("--only", nargs="*", help="with --committed(-rl): only these names")
    ap.add_argument("--no-pdf", action="store_true")
    ap.add_argument("--list", action="store_true", help="list the kinds")
    args = ap.parse_args(argv)
    if args.list:
        for k in KINDS.values():
            print(f"{k.name:18} {k.doc}")
        return 0
    formats = None
    if args.committed or args.committed_rl:
        variants, out = (committed_variants(), VARIANTS) if args.committed else (committed_rl_variants(), VARIANTS_RL)
        formats = None if args.committed else ("pdf-reportlab",)
        if args.only:
            variants = [v for v in variants if v.name in args.only]
    else:
        if not args.out:
            ap.error("--out DIR is required for a random set")
        variants, out = random_variants(args.seed, args.count), args.out
        formats = FORMATS if not args.no_pdf else ("docx", "html", "pdf-reportlab")
    if not (args.committed or args.committed_rl):
        files = render_many(variants, out, formats)
        print("\n".join(f"{f.parent.name}/{f.name} {f.stat().st_size}" for f in files))
        return 0
    for v in variants:
        files = render(v, out, pdf=not args.no_pdf, formats=formats)
        print(f"{v.name}: {', '.join(f'{f.name} {f.stat().st_size}' for f in files)}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
