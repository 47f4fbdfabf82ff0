"""Reports as portals and office suites publish them: identity, dates, chrome, page layouts, and non-reports.

Each *page* re-dresses one existing truth (its figures and narrative) as another issuer and renders it in one
of the ways real reports come: a full portal page with site chrome (the title only in ``<title>``/``<meta>``,
the 信息公开目录 table with 发布机构 = the general office, navigation and footer naming other organs), an article
fragment without ``<head>`` (title in a centred ``<p>``, zeros printed as empty cells, the 总计 column left
empty), a table printed as two side-by-side tables in a layout table, figures wrapped in one-cell tables; Word
files (and PDF through LibreOffice) whose year is written 二○二二 (U+25CB), 二〇二二, ２０２２ or only in the
统计期限 line, whose headings run together with the line before or after, closed by a signature and a date.
Plus documents that are *not* a 政府信息公开工作年度报告 (a 法治政府建设 report, a 通知, a portal 404 page).

The expected reading of every page is written beside it as ``<name>.json``: the truth's cells (as printed:
an empty total column is 0), and ``expect`` (region, admin_code, year, edition, issuer, issuer_kind,
published, published_source, not_report, headings).

    python -m tests.fixture_builder.portal_pages build  OUT [--seed N] [--count K] [--set a|b] [--no-pdf]
    python -m tests.fixture_builder.portal_pages committed tests/fixtures/portal   # the committed fixtures
    python -m tests.fixture_builder.portal_pages measure OUT      # read every page back and score it

Set ``a`` and set ``b`` use different base truths and different issuers, so one can be tuned on and the
other held out.
"""

from __future__ import annotations

import argparse
import copy
import datetime as dt
import json
import random
import re
import sys
from dataclasses import dataclass, field
from html import escape
from pathlib import Path

from docx import Document
from docx.shared import Cm, Pt

from .layout import Grid, grids
from .render_docx import SANS, SERIF, _para, _table
from .render_pdf import render_pdf
from .truth import identity_breaks, load_truth, TRUTHS_DIR

# --- issuers ----------------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class Place:
    written: str  # how titles write it
    full: str  # the region's full name
    code: str
    level: str  # province | prefecture | county


PLACES = {
    "a": [
        Place("上海市", "上海市", "310000", "province"),
        Place("上海市宝山区", "上海市宝山区", "310113", "county"),
        Place("合江县", "四川省泸州市合江县", "510522", "county"),
        Place("济南市", "山东省济南市", "370100", "prefecture"),
        Place("重庆市", "重庆市", "500000", "province"),
        Place("泸州市", "四川省泸州市", "510500", "prefecture"),
    ],
    "b": [
        Place("北京市", "北京市", "110000", "province"),
        Place("江苏省", "江苏省", "320000", "province"),
        Place("乌海市", "内蒙古自治区乌海市", "150300", "prefecture"),
        Place("北京市海淀区", "北京市海淀区", "110108", "county"),
        Place("杭州市西湖区", "浙江省杭州市西湖区", "330106", "county"),
        Place("深圳市", "广东省深圳市", "440300", "prefecture"),
        Place("成都市武侯区", "四川省成都市武侯区", "510107", "county"),
    ],
}
BASES = {
    "a": ["baoshan-2020", "hejiang-2022", "jinan-2023-mixed", "luzhou-2022"],
    "b": ["minhang-2020", "luxian-2022", "baoshan-2021", "baoshan-2022", "hejiang-edu-2022"],
}
DEPARTMENTS = {"a": ["教育局", "财政局", "生态环境局"], "b": ["卫生健康委员会", "自然资源和规划局", "市场监督管理局"]}


def _gov(place: Place) -> str:
    return place.written + "人民政府"


def _office_word(place: Place) -> str:
    return "办公厅" if place.level == "province" else "办公室"


def issuer_of(place: Place, kind: str, dept: str) -> tuple[str, str]:
    """(title subject as printed, normalised issuer) for one issuer kind."""
    if kind == "government":
        return place.written, place.full + "人民政府"
    if kind == "general_office":
        return _gov(place) + _office_word(place), place.full + "人民政府" + _office_word(place)
    if kind == "government_organ":
        return _gov(place) + "机关", place.full + "人民政府机关"
    if kind == "department":
        return place.written + dept, place.full + dept
    raise ValueError(kind)


# --- years and dates --------------------------------------------------------------------------------------------

CN_DIGITS = "〇一二三四五六七八九"


def year_text(year: int, form: str) -> str:
    if form == "digits":
        return str(year)
    if form == "circle":  # U+25CB WHITE CIRCLE for zero, as many producers type it
        return "".join("○" if d == "0" else CN_DIGITS[int(d)] for d in str(year))
    if form == "ling":
        return "".join(CN_DIGITS[int(d)] for d in str(year))
    if form == "fullwidth":
        return "".join(chr(0xFF10 + int(d)) for d in str(year))
    raise ValueError(form)


def _cn_small(n: int) -> str:
    """1..31 as 一 … 三十一."""
    tens, ones = divmod(n, 10)
    out = ("" if tens == 0 else ("十" if tens == 1 else CN_DIGITS[tens] + "十"))
    return out + (CN_DIGITS[ones] if ones else "")


def date_text(d: dt.date, form: str) -> str:
    if form == "digits":
        return f"{d.year}年{d.month}月{d.day}日"
    if form == "padded":
        return f"{d.year}年{d.month:02d}月{d.day:02d}日"
    if form in ("ling", "circle"):
        return f"{year_text(d.year, form)}年{_cn_small(d.month)}月{_cn_small(d.day)}日"
    if form == "iso":
        return d.isoformat()
    raise ValueError(form)


# --- a page -----------------------------------------------------------------------------------------------------

HEADINGS_H1 = re.compile(r"^[一二三四五六]、")


@dataclass
class Page:
    name: str
    fmt: str  # portal | fragment | docx | pdf | notice | notfound | rule_of_law
    truth: dict
    title: str  # as printed ("" = the title carries no year… still printed)
    issuer_line: str | None  # a line under the title naming the issuer (None: none printed)
    signature: str | None
    closing: dt.date | None
    closing_form: str = "digits"
    portal_date: dt.date | None = None
    office_publisher: str | None = None  # the 发布机构 the portal lists
    year_form: str = "digits"
    period_only: bool = False  # the title has no year; only the 统计期限 line does
    run_together: str = "none"  # none | before | after
    tables: str = "plain"  # plain | side_by_side | wrapped | zeros_empty | total_empty
    info: str = "table"  # the portal's 信息公开目录: table | list (lines of <li>)
    body_title: bool = False  # the portal prints the title in the article too
    # a column of links to the body's reports of the years before, ahead of the article, under a class no
    # chrome name says (lmenu): only the page's <title>, <meta> and 信息公开目录 name this report
    sidebar: bool = False
    expect: dict = field(default_factory=dict)


def _retarget(base: dict, place: Place, subject: str, kind: str) -> dict:
    """The base truth's figures and narrative as another issuer's: its region names replaced in the text."""
    t = copy.deepcopy(base)
    old_short = base["issuer"].removesuffix("人民政府")
    old_parts = [p for p in re.findall(r".+?(?:省|自治区|市|区|县)", base["region"])]
    old_last = old_parts[-1] if old_parts else old_short
    new_short = subject if kind != "department" else place.written
    new_short = new_short.removesuffix("人民政府机关").removesuffix("人民政府办公厅").removesuffix("人民政府办公室")
    body = []
    for item in t["body"]:
        (k, v), = item.items()
        if k != "table":
            v = v.replace(base["issuer_full"], place.full + "人民政府").replace(old_short, new_short)
            if old_last != old_short:
                v = v.replace(old_last, new_short)
        body.append({k: v})
    t["body"] = body
    return t


def _year_sentence(t: dict, year: int, form: str) -> None:
    """Make sure the preamble states the 统计期限 with the year in the page's form."""
    y = year_text(year, form)
    line = f"本报告所列数据的统计期限自{y}年1月1日起至{y}年12月31日止。"
    first = t["body"][0]
    if "p" in first and "统计期限" in first["p"]:
        first["p"] = re.sub(r"统计期限[^。]*。", line[line.index("统计期限"):], first["p"])
        if "统计期限" not in first["p"]:
            first["p"] += line
    else:
        t["body"].insert(0, {"p": line})


def _blank_zeros(t: dict) -> None:
    printed = t.setdefault("printed", {})
    money = {k for k in t["cells"] if "amount" in k}
    for k, v in t["cells"].items():
        if v == 0 and k not in money:
            printed[k] = ""


def _blank_totals(t: dict) -> None:
    printed = t.setdefault("printed", {})
    for k in t["cells"]:
        if k.startswith("requests.") and k.endswith(".total"):
            t["cells"][k] = 0
            printed[k] = ""
    t["expected_flags"] = [{"kind": a, "identity": b, "where": c} for a, b, c in sorted(identity_breaks(t))]


def make_page(rng: random.Random, set_name: str, i: int, fmt: str, force: dict | None = None) -> Page:
    """One page drawn at random; ``force`` fixes named choices (base, place, kind, year_form, pattern,
    run_together, tables, info, body_title, issuer_line, signature) for the committed fixtures."""
    force = force or {}

    def pick(name: str, options: list):
        drawn = rng.choice(options)
        return force.get(name, drawn)

    base = load_truth(TRUTHS_DIR / f"{pick('base', BASES[set_name])}.json")
    written = pick("place", [p.written for p in PLACES[set_name]])
    place = next(p for p in PLACES[set_name] if p.written == written)
    kind = pick("kind", ["government", "government", "general_office", "government_organ", "department"])
    dept = rng.choice(DEPARTMENTS[set_name])
    subject, issuer = issuer_of(place, kind, dept)
    t = _retarget(base, place, subject, kind)
    year = base["year"]
    year_form = "digits"
    period_only = False
    if fmt in ("docx", "pdf"):
        year_form = pick("year_form", ["digits", "circle", "ling", "fullwidth", "period"])
        if year_form == "period":
            period_only, year_form = True, rng.choice(["digits", "circle"])
    y = year_text(year, year_form)
    pattern = pick("pattern", ["year_first", "subject_first", "guanyu"]) if kind == "government" else \
        pick("pattern", ["subject_first", "subject_first", "bare"])
    if pattern == "bare":  # "2022年政府信息公开工作年度报告": the signature or the portal's 发布机构 names the body
        title = f"{y}年政府信息公开工作年度报告" if not period_only else "政府信息公开工作年度报告"
    elif period_only:
        title = f"{subject}政府信息公开工作年度报告"
    elif pattern == "year_first":
        title = f"{y}年{subject}政府信息公开工作年度报告"
    elif pattern == "guanyu":
        title = f"{place.written}人民政府关于{y}年政府信息公开工作年度报告"
    else:
        title = f"{subject}{y}年政府信息公开工作年度报告"
    _year_sentence(t, year, year_form if fmt in ("docx", "pdf") else "digits")
    closing = dt.date(year + 1, rng.choice([1, 1, 1, 2, 3, 5]), rng.randint(1, 28))
    portal_date = closing + dt.timedelta(days=rng.randint(0, 12)) if fmt in ("portal", "fragment") else None
    sig_name = issuer.replace(place.full, place.written) if kind != "government" else _gov(place)
    if kind == "government" and rng.random() < 0.5:
        sig_name = _gov(place) + _office_word(place)  # the office compiles the government's report
    bare = pattern == "bare"
    page = Page(
        name=f"{set_name}{i:02d}-{fmt}", fmt=fmt, truth=t, title=title,
        issuer_line=(sig_name if (fmt in ("docx", "pdf") and pick("issuer_line", [True, False])) else None),
        signature=sig_name if bare or pick("signature", [True] * 6 + [False]) else None, closing=closing,
        closing_form=rng.choice(["digits", "digits", "padded", "ling", "circle"]), portal_date=portal_date,
        office_publisher=sig_name if bare else _gov(place) + _office_word(place), year_form=year_form,
        period_only=period_only, info=pick("info", ["table", "list"]), body_title=pick("body_title", [True, False]),
        run_together=pick("run_together", ["none", "before", "after"] if fmt != "portal" else ["none", "before"]),
    )
    page.sidebar = bool(force.get("sidebar"))  # (not drawn: the random pages stay as they were drawn)
    if fmt == "fragment":
        page.tables = pick("tables", ["zeros_empty", "total_empty", "zeros_empty"])
    elif fmt == "portal":
        page.tables = pick("tables", ["plain", "side_by_side", "wrapped"])
    if page.tables in ("zeros_empty", "total_empty"):
        _blank_zeros(t)
    if page.tables == "total_empty":
        _blank_totals(t)
    if page.signature is None and page.portal_date is None:
        page.closing = None
    published, source = None, None
    if page.portal_date:
        published, source = page.portal_date, "portal"
    elif page.signature and page.closing:
        published, source = page.closing, "closing_line"
    page.expect = {
        "region": place.full, "admin_code": place.code, "year": year, "edition": base["edition"],
        "issuer": issuer, "issuer_kind": kind, "published": published.isoformat() if published else None,
        "published_source": source, "not_report": False,
        "headings": [v for it in t["body"] for k, v in it.items() if k == "h1"],
    }
    return page


# --- not reports ------------------------------------------------------------------------------------------------


def not_report_pages(rng: random.Random, set_name: str) -> list[Page]:
    place = rng.choice(PLACES[set_name])
    base = load_truth(TRUTHS_DIR / f"{rng.choice(BASES[set_name])}.json")
    year = base["year"]
    gov = _gov(place)
    out = []
    for fmt in ("rule_of_law", "notice", "notfound"):
        t = {"name": fmt, "cells": {}, "body": [], "edition": base["edition"]}
        if fmt == "rule_of_law":
            title = rng.choice([f"{gov}关于{year}年法治政府建设情况的报告", f"{place.written}{year}年法治政府建设年度报告"])
            t["body"] = [
                {"p": f"{year}年，{place.written}坚持以习近平法治思想为指导，深入推进依法行政，法治政府建设取得新成效。"},
                {"h1": f"一、{year}年推进法治政府建设的主要举措和成效"},
                {"p": "（一）加强党对法治政府建设的领导。全年召开常务会议专题学法4次。"},
                {"p": "（二）推进政务公开。全年主动公开政府信息12846条，办理政府信息公开申请103件。"},
                {"h1": "二、存在的不足和原因"}, {"p": "行政执法规范化水平仍需提升。"},
                {"h1": f"三、{year + 1}年推进法治政府建设的主要安排"}, {"p": "持续深化政务公开。"},
            ]
        elif fmt == "notice":
            title = f"关于做好{year}年政府信息公开工作年度报告编制发布工作的通知"
            t["body"] = [
                {"p": "各区县人民政府，市政府各部门："},
                {"p": f"根据《中华人民共和国政府信息公开条例》规定，现就做好{year}年政府信息公开工作年度报告编制发布工作通知如下。"},
                {"p": f"一、各单位应于{year + 1}年1月31日前向社会公布本单位{year}年政府信息公开工作年度报告。"},
                {"p": "二、年度报告应严格按照国务院办公厅印发的格式编制，确保数据准确。"},
            ]
        else:
            title = "404 页面不存在"
            t["body"] = [{"p": "抱歉，您访问的页面不存在或已被删除！"}, {"p": "请检查网址是否正确，或返回首页。"}]
        page = Page(name=f"{set_name}-not-{fmt}", fmt=fmt, truth=t, title=title, issuer_line=None,
                    signature=gov + _office_word(place) if fmt != "notfound" else None,
                    closing=dt.date(year + 1, 1, 10), office_publisher=gov + _office_word(place),
                    portal_date=dt.date(year + 1, 1, 12) if fmt != "rule_of_law" else None)
        page.expect = {"not_report": True}
        out.append(page)
    return out


# --- rendering: HTML --------------------------------------------------------------------------------------------

NAV = ('<div class="top"><a href="http://www.gov.cn/">中国政府网</a> | <a href="http://www.gov.cn/">国务院</a> | '
       '<a href="/">{gov}</a> | 无障碍 | 关怀版</div>\n<div class="nav"><a href="/">首页</a><a href="/zwgk/">政务公开</a>'
       '<a href="/hdjl/">互动交流</a><a href="/bsfw/">办事服务</a></div>\n'
       '<div class="crumb">当前位置：<a href="/">首页</a> &gt; <a href="/zfxxgk/">政府信息公开</a> &gt; '
       '<a href="/zfxxgk/ndbg/">政府信息公开年报</a></div>')
FOOTER = ('<div class="related"><h4>相关链接</h4><ul><li><a href="#">{other_title}</a></li>'
          '<li><a href="#">国务院办公厅政府信息与政务公开办公室关于印发〈中华人民共和国政府信息公开工作年度报告格式〉的通知</a></li></ul></div>\n'
          '<div class="footer"><p>主办单位：{office}　承办单位：{gov}大数据中心</p><p>网站标识码：5105000001　'
          '<a href="http://www.gov.cn/">国务院</a>　<a href="#">网站地图</a></p></div>')


def _grid_html(grid: Grid, *, border: bool = True, cols: range | None = None, wrap: bool = False,
               cls: str = "") -> str:
    attrs = ' border="1" cellspacing="0" cellpadding="0"' if border else ""
    out = [f'<table class="{cls or grid.name}"{attrs}>', "<tbody>"]
    for row in grid.rows():
        cells = [c for c in row if cols is None or c.col in cols]
        out.append("<tr>")  # a row all of whose cells are spanned from above stays, as Word writes it
        for c in cells:
            a = (f' rowspan="{c.rowspan}"' if c.rowspan > 1 else "") \
                + (f' colspan="{c.colspan}"' if c.colspan > 1 else "")
            text = escape(c.text)
            if wrap and c.kind == "num" and c.text:
                text = f'<table width="100%"><tr><td align="center">{text}</td></tr></table>'
            out.append(f"<td{a}>{text}</td>")
        out.append("</tr>")
    out += ["</tbody>", "</table>"]
    return "\n".join(out)


def _tables_html(page: Page) -> dict[str, str]:
    labels = {"proactive.art20_1.normative_docs": "行政规范性文件"} if page.truth["edition"] == "ed2021" else None
    gs = grids(page.truth, labels)
    out = {}
    for name, g in gs.items():
        if page.tables == "side_by_side" and name == "appeals":
            left = _grid_html(g, cols=range(0, 5), cls="appeals-review")
            right = _grid_html(g, cols=range(5, 15), cls="appeals-litigation")
            out[name] = (f'<table width="100%"><tr><td valign="top" width="35%">{left}</td>'
                         f'<td valign="top">{right}</td></tr></table>')
        else:
            out[name] = _grid_html(g, wrap=page.tables == "wrapped")
    return out


def _narrative(page: Page) -> list[tuple[str, str]]:
    """Body items as (kind, text), headings run together with a neighbour where the page does so."""
    items = [next(iter(it.items())) for it in page.truth["body"]]
    if page.run_together == "none":
        return items
    out: list[tuple[str, str]] = []
    for k, v in items:
        if k == "h1" and page.run_together == "before" and out and out[-1][0] == "p":
            out[-1] = ("p", out[-1][1] + v)
            continue
        if k == "p" and page.run_together == "after" and out and out[-1][0] == "h1":
            out[-1] = ("p", out[-1][1] + v)
            continue
        out.append((k, v))
    return out


def _closing_lines(page: Page) -> list[str]:
    lines = []
    if page.signature:
        lines.append(page.signature)
        if page.closing:
            lines.append(date_text(page.closing, page.closing_form))
    return lines


def render_html(page: Page, out: Path) -> Path:
    gov = page.office_publisher.removesuffix("办公室").removesuffix("办公厅") if page.office_publisher else ""
    tables = _tables_html(page) if page.truth.get("cells") else {}
    body: list[str] = []
    for k, v in _narrative(page):
        if k == "table":
            body.append(tables[v])
        elif k in ("h1", "h2") and page.fmt == "portal":
            body.append(f"<p><strong>{escape(v)}</strong></p>")
        else:
            body.append(f"<p>{escape(v)}</p>")
    body += [f'<p style="text-align:right">{escape(x)}</p>' for x in _closing_lines(page)]
    pub = page.portal_date
    if page.fmt == "fragment":
        html = [f'<p align="center"><strong>{escape(page.title)}</strong></p>',
                f'<p align="center">发布日期：{pub.isoformat()}　　来源：{escape(page.office_publisher)}</p>',
                *body]
        text = "\n".join(html)
    else:
        other = f"{page.truth.get('year', 2020) - 1}年{gov}政府信息公开工作年度报告"
        meta = ""
        if page.fmt != "notfound":
            meta = (f'<meta name="SiteName" content="{escape(gov)}门户网站">\n'
                    f'<meta name="ArticleTitle" content="{escape(page.title)}">\n'
                    f'<meta name="ColumnName" content="政府信息公开年报">\n'
                    f'<meta name="PubDate" content="{pub.isoformat()} 09:30">\n'
                    f'<meta name="ContentSource" content="{escape(page.office_publisher)}">')
        table = ""
        if page.fmt != "notfound" and page.info == "list":
            table = ('<div class="xxgk-info"><ul><li>索 引 号：11510500008693547X/2023-00012</li><li>主题分类：政务公开</li>'
                     f'<li>发布机构：{escape(page.office_publisher)}</li>'
                     f'<li>发文日期：{pub.year}年{pub.month:02d}月{pub.day:02d}日</li>'
                     f'<li>名　　称：{escape(page.title)}</li><li>文　　号：</li></ul></div>')
        elif page.fmt != "notfound":
            table = ('<table class="xxgk"><tr><td>索引号：</td><td>11510500008693547X/2023-00012</td>'
                     f'<td>主题分类：</td><td>政务公开</td></tr><tr><td>发布机构：</td><td>{escape(page.office_publisher)}</td>'
                     f'<td>发文日期：</td><td>{pub.year}年{pub.month:02d}月{pub.day:02d}日</td></tr>'
                     f'<tr><td>名　　称：</td><td colspan="3">{escape(page.title)}</td></tr>'
                     '<tr><td>文　　号：</td><td></td><td>主 题 词：</td><td></td></tr></table>')
        sidebar = ""
        if page.sidebar:
            earlier = [f"{gov}{page.truth.get('year', 2020) - k}年政府信息公开工作年度报告" for k in (1, 2, 3)]
            sidebar = ('<div class="lmenu"><h3>政府信息公开年报</h3><ul>'
                       + "".join(f'<li><a href="/zfxxgk/ndbg/{k}.html">{escape(x)}</a></li>'
                                 for k, x in enumerate(earlier))
                       + "</ul></div>")
        html = ['<!DOCTYPE html>', '<html><head><meta charset="utf-8">',
                f"<title>{escape(page.title)}_{escape(gov)}</title>" if page.fmt != "notfound"
                else "<title>404</title>",
                meta, "</head><body>", f'<div class="header"><div class="logo">{escape(gov)}</div></div>',
                NAV.format(gov=escape(gov)), *([sidebar] if sidebar else []), table,
                (f'<div class="article">' + (f'<h1>{escape(page.title)}</h1>' if page.body_title else '')
                 + '<div class="content">') if page.fmt != "notfound" else '<div class="err"><h1>404</h1>',
                *body, "</div></div>" if page.fmt != "notfound" else "</div>",
                FOOTER.format(other_title=escape(other), office=escape(page.office_publisher), gov=escape(gov)),
                "</body></html>"]
        text = "\n".join(html)
    out.parent.mkdir(parents=True, exist_ok=True)
    out.write_text(text, encoding="utf-8")
    return out


# --- rendering: Word (and PDF) ----------------------------------------------------------------------------------


def render_docx(page: Page, out: Path) -> Path:
    doc = Document()
    sec = doc.sections[0]
    sec.page_width, sec.page_height = Cm(21.0), Cm(29.7)
    sec.left_margin = sec.right_margin = Cm(1.9)
    sec.top_margin = sec.bottom_margin = Cm(2.2)
    _para(doc, page.title, font=SANS, size=16, bold=True, center=True, after=8)
    if page.issuer_line:
        _para(doc, page.issuer_line, size=12, center=True, after=10)
    gs = grids(page.truth, {"proactive.art20_1.normative_docs": "行政规范性文件"}
               if page.truth.get("edition") == "ed2021" and page.truth.get("cells") else None) \
        if page.truth.get("cells") else {}
    for k, v in _narrative(page):
        if k == "table":
            _table(doc, gs[v])
        elif k == "h1":
            _para(doc, v, font=SANS, size=12, before=6)
        elif k in ("h2", "h3"):
            _para(doc, v, size=11, bold=True)
        else:
            _para(doc, v)
    for x in _closing_lines(page):
        p = _para(doc, x, indent=False)
        p.alignment = 2  # right
    out.parent.mkdir(parents=True, exist_ok=True)
    doc.save(out)
    return out


# --- building a set ---------------------------------------------------------------------------------------------


def pages_for(set_name: str, seed: int, count: int) -> list[Page]:
    rng = random.Random(f"{set_name}:{seed}")
    fmts = ["portal", "fragment", "docx", "pdf"]
    pages = [make_page(rng, set_name, i, fmts[i % len(fmts)]) for i in range(count)]
    return pages + not_report_pages(rng, set_name)


# The committed fixtures (tests/fixtures/portal/): every kind at least once, on set a's truths and issuers.
COMMITTED: list[tuple[str, dict]] = [
    ("portal", {"base": "hejiang-2022", "place": "上海市", "kind": "general_office", "tables": "side_by_side",
                "info": "table", "run_together": "before", "body_title": False}),
    ("portal", {"base": "baoshan-2020", "place": "重庆市", "kind": "government", "pattern": "subject_first",
                "tables": "wrapped", "info": "list", "run_together": "none", "body_title": True}),
    ("portal", {"base": "luzhou-2022", "place": "重庆市", "kind": "government_organ", "tables": "plain",
                "info": "table", "run_together": "before", "body_title": False}),
    ("fragment", {"base": "jinan-2023-mixed", "place": "上海市", "kind": "government", "pattern": "guanyu",
                  "tables": "total_empty", "run_together": "after", "signature": False}),
    ("fragment", {"base": "hejiang-2022", "place": "合江县", "kind": "department", "pattern": "bare",
                  "tables": "zeros_empty", "run_together": "before"}),
    ("docx", {"base": "luzhou-2022", "place": "济南市", "kind": "government", "pattern": "year_first",
              "year_form": "circle", "run_together": "after", "issuer_line": True, "signature": True}),
    ("docx", {"base": "baoshan-2020", "place": "上海市宝山区", "kind": "department", "pattern": "subject_first",
              "year_form": "fullwidth", "run_together": "before", "issuer_line": False, "signature": True}),
    ("pdf", {"base": "hejiang-2022", "place": "泸州市", "kind": "government_organ", "year_form": "period",
             "run_together": "before", "issuer_line": False, "signature": True}),
    ("pdf", {"base": "jinan-2023-mixed", "place": "合江县", "kind": "general_office", "year_form": "ling",
             "run_together": "after", "issuer_line": True, "signature": True}),
]


# Committed later, each drawn from a stream of its own (the pages above stay as they were committed).
COMMITTED_LATER: list[tuple[str, dict]] = [
    ("portal", {"base": "baoshan-2020", "place": "合江县", "kind": "government", "tables": "plain", "info": "table",
                "run_together": "none", "body_title": False, "sidebar": True}),
]


def committed_pages() -> list[Page]:
    rng = random.Random("committed")
    pages = [make_page(rng, "a", i, fmt, force) for i, (fmt, force) in enumerate(COMMITTED)]
    later = [make_page(random.Random(f"committed-later-{k}"), "a", len(COMMITTED) + k, fmt, force)
             for k, (fmt, force) in enumerate(COMMITTED_LATER)]
    return pages + not_report_pages(rng, "a") + later


def _truth_json(page: Page) -> dict:
    t = page.truth
    keep = {k: t[k] for k in ("name", "edition", "other_split", "cells", "printed", "expected_flags") if k in t}
    keep["name"] = page.name
    return {**keep, "title": page.title, "fmt": page.fmt, "tables": page.tables, "year_form": page.year_form,
            "period_only": page.period_only, "run_together": page.run_together, "expect": page.expect,
            "body": t["body"]}


def build(out: Path, set_name: str, seed: int, count: int, pdf: bool = True,
          pages: list[Page] | None = None) -> list[Path]:
    files = []
    for page in pages if pages is not None else pages_for(set_name, seed, count):
        if page.fmt in ("portal", "fragment", "notice", "notfound"):
            f = render_html(page, out / f"{page.name}.html")
        else:
            f = render_docx(page, out / f"{page.name}.docx")
            if page.fmt == "pdf":
                if not pdf:
                    continue
                pdf_file = render_pdf(f)
                f.unlink()
                f = pdf_file
        files.append(f)
        (out / f"{page.name}.json").write_text(json.dumps(_truth_json(page), ensure_ascii=False, indent=1) + "\n",
                                              encoding="utf-8")
    return files


# --- measuring --------------------------------------------------------------------------------------------------


def _compact(s: str) -> str:
    return re.sub(r"\s+", "", s)


def score_file(path: Path, truth: dict) -> dict:
    """What one file reads as against its truth: identity fields right, cells right, headings found."""
    from decimal import Decimal

    from extractors import extract_report, read_document
    doc = read_document(path)
    report = extract_report(doc)
    exp = truth["expect"]
    reason = getattr(report, "not_report", None)
    if exp["not_report"]:
        return {"file": path.name, "not_report": reason is not None, "wrong": [] if reason else ["became a report"]}
    wrong = []
    if reason:
        wrong.append(f"not_report: {reason}")
    got = {"region": report.region, "admin_code": report.admin_code, "year": report.year, "edition": report.edition,
           "issuer": report.issuer, "issuer_kind": report.issuer_kind,
           "published": getattr(report, "published", None) and report.published.isoformat(),
           "published_source": getattr(report, "published_source", None)}
    ident = {}
    for k, v in got.items():
        ident[k] = v == exp[k]
        if not ident[k]:
            wrong.append(f"{k}: {v!r} != {exp[k]!r}")
    values = report.values()
    cells_right = 0
    bad_cells = []
    for k, v in truth["cells"].items():
        if v is None:
            continue
        if values.get(k) == Decimal(v):
            cells_right += 1
        else:
            bad_cells.append(k)
    n_cells = sum(v is not None for v in truth["cells"].values())
    titles = {_compact(s.title) for s in report.sections if s.level == 1}
    heads = [h for h in exp["headings"]]
    found = [h for h in heads if _compact(h) in titles]
    # each truth paragraph's text under its own 一…六 section
    para_ok = para_n = 0
    by_top: dict[str, str] = {}
    for s in report.sections:
        if s.path:
            by_top[_compact(s.path[0])] = by_top.get(_compact(s.path[0]), "") + _compact(s.title + s.text)
    top = None
    for item in truth["body"]:
        (k, v), = item.items()
        if k == "h1":
            top = _compact(v)
        elif k in ("p", "h2", "h3") and top:
            para_n += 1
            para_ok += _compact(v)[:40] in by_top.get(top, "")
    if len(found) < len(heads):
        wrong.append(f"headings missing: {[h for h in heads if h not in found]}")
    if bad_cells:
        wrong.append(f"{len(bad_cells)} cells wrong: {bad_cells[:4]}")
    return {"file": path.name, "ident": ident, "cells": (cells_right, n_cells), "headings": (len(found), len(heads)),
            "paragraphs": (para_ok, para_n), "wrong": wrong}


def measure(out: Path, verbose: bool = True) -> dict:
    results = []
    for tj in sorted(out.glob("*.json")):
        truth = json.loads(tj.read_text(encoding="utf-8"))
        files = [p for p in out.glob(tj.stem + ".*") if p.suffix != ".json"]
        for f in files:
            try:
                r = score_file(f, truth)
            except Exception as exc:  # a crash is a miss of everything in that file
                r = {"file": f.name, "wrong": [f"crash {type(exc).__name__}: {exc}"], "crash": True}
            r["fmt"] = truth["fmt"]
            results.append(r)
            if verbose and r["wrong"]:
                print(f"{f.name}: " + "; ".join(r["wrong"]))
    others = ("notice", "notfound", "rule_of_law")
    reports = [r for r in results if "ident" in r or (r.get("crash") and r["fmt"] not in others)]
    summary: dict = {"files": len(results)}
    for fld in ("region", "admin_code", "year", "edition", "issuer", "issuer_kind", "published", "published_source"):
        ok = sum(bool(r.get("ident", {}).get(fld)) for r in reports)
        summary[fld] = f"{ok}/{len(reports)}"
    c = [r["cells"] for r in reports if "cells" in r]
    summary["cells"] = f"{sum(a for a, _ in c)}/{sum(b for _, b in c)}"
    h = [r["headings"] for r in reports if "headings" in r]
    summary["headings"] = f"{sum(a for a, _ in h)}/{sum(b for _, b in h)}"
    p = [r["paragraphs"] for r in reports if "paragraphs" in r]
    summary["paragraphs_in_section"] = f"{sum(a for a, _ in p)}/{sum(b for _, b in p)}"
    nr = [r for r in results if r["fmt"] in ("notice", "notfound", "rule_of_law")]
    summary["not_report"] = f"{sum(bool(r.get('not_report')) for r in nr)}/{len(nr)}"
    summary["files_exact"] = f"{sum(not r['wrong'] for r in results)}/{len(results)}"
    return summary


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(prog="python -m tests.fixture_builder.portal_pages")
    ap.add_argument("action", choices=["build", "committed", "measure"])
    ap.add_argument("out", type=Path)
    ap.add_argument("--set", dest="set_name", default="a", choices=["a", "b"])
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("--count", type=int, default=12)
    ap.add_argument("--no-pdf", action="store_true")
    args = ap.parse_args(argv)
    if args.action in ("build", "committed"):
        pages = committed_pages() if args.action == "committed" else None
        for f in build(args.out, args.set_name, args.seed, args.count, pdf=not args.no_pdf, pages=pages):
            print(f)
    else:
        print(json.dumps(measure(args.out), ensure_ascii=False, indent=1))
    return 0


if __name__ == "__main__":
    sys.exit(main())
