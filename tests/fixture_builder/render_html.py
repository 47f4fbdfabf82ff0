"""Render a truth as a government web page: narrative in <h*>/<p>, tables with real rowspan/colspan.

``style["html_encoding"]`` picks the encoding (utf-8 or gbk, declared with <meta charset>);
``style["word_html"]`` wraps cell text in <p><span> like pages pasted from Word; ``style["issuer_line"] = False``
leaves the issuer off the page (no 发布机构 line, page title or footer naming it), as many portals do.
"""

from __future__ import annotations

from html import escape
from pathlib import Path

from .layout import Grid, grids

CSS = """body{font-family:"SimSun","Songti SC",serif;font-size:16px;color:#333;background:#f4f4f4}
.wrap{width:960px;margin:0 auto;background:#fff;padding:20px 40px}
.title{text-align:center;font-size:24px;color:#b20000}
.info{text-align:center;color:#888;font-size:13px;border-bottom:1px solid #ddd;padding-bottom:8px}
.content p{text-indent:2em;line-height:1.9;margin:4px 0}
.content table{border-collapse:collapse;margin:10px auto;font-size:13px}
.content td{border:1px solid #000;padding:3px;text-align:center}"""


def _table(grid: Grid, word_html: bool) -> str:
    out = [f'<table class="{grid.name}" border="1" cellspacing="0" cellpadding="0" width="100%">', "<tbody>"]
    for row in grid.rows():
        out.append("<tr>")
        for c in row:
            attrs = ""
            if c.rowspan > 1:
                attrs += f' rowspan="{c.rowspan}"'
            if c.colspan > 1:
                attrs += f' colspan="{c.colspan}"'
            if c.kind in ("label", "section"):
                attrs += ' style="text-align:left"'
            text = escape(c.text) if c.text else ("&nbsp;" if word_html else "")
            if c.kind == "section" or (c.kind == "head" and not word_html):
                text = f"<strong>{text}</strong>" if c.text else text
            if word_html:
                text = f'<p align="center" style="text-indent:0"><span style="font-size:10.5pt">{text}</span></p>'
            out.append(f"<td{attrs}>{text}</td>")
        out.append("</tr>")
    out += ["</tbody>", "</table>"]
    return "\n".join(out)


def render_html(truth: dict, out: Path, style: dict) -> Path:
    encoding = style.get("html_encoding", "utf-8")
    word_html = bool(style.get("word_html"))
    tables = grids(truth, style.get("labels"))
    issuer = style.get("issuer_line", True)
    parts = [
        "<!DOCTYPE html>",
        '<html lang="zh-CN">',
        "<head>",
        f'<meta charset="{encoding}">',
        f"<title>{escape(truth['title'])}" + (f"_{escape(truth['issuer'])}" if issuer else "") + "</title>",
        f"<style>{CSS}</style>",
        "</head>",
        "<body>",
        '<div class="header"><a href="/">首页</a> &gt; <a href="/zfxxgk/">政府信息公开</a> &gt; 政府信息公开年报</div>',
        '<div class="wrap">',
        f'<h1 class="title">{escape(truth["title"])}</h1>',
        f'<div class="info">发布机构：{escape(truth["issuer"])}　　来源：{escape(truth["issuer"])}</div>' if issuer
        else '<div class="info">发布日期：' + f'{truth["year"] + 1}-01-20</div>',
        '<div class="content">',
    ]
    for item in truth["body"]:
        (kind, text), = item.items()
        if kind == "h1":
            parts.append(f"<h2>{escape(text)}</h2>")
        elif kind == "h2":
            parts.append(f"<h3>{escape(text)}</h3>")
        elif kind == "h3":
            parts.append(f"<p><strong>{escape(text)}</strong></p>")
        elif kind == "p":
            parts.append(f"<p>{escape(text)}</p>")
        elif kind == "table":
            parts.append(_table(tables[text], word_html))
    footer = '<div class="footer">主办单位：' + escape(truth["issuer"]) + "办公室</div>" if issuer else ""
    parts += ["</div>", "</div>", footer, "</body>", "</html>", ""]
    out.parent.mkdir(parents=True, exist_ok=True)
    out.write_bytes("\n".join(parts).encode(encoding))  # strict: a character outside GBK is a builder error
    return out
