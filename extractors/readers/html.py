"""HTML pages (BeautifulSoup + lxml): text blocks and data tables in document order, and the page's metadata.

Government sites wrap whole pages in layout tables; a table that contains another table is treated as layout
and walked into, so only innermost tables become data tables; two data tables standing side by side in one row
of a layout table are one table printed in two halves, and are joined; a table whose nested tables only wrap
one figure each is a data table. Cells are placed on the grid honouring rowspan/colspan, as a browser would.

Portal pages carry the report's identity outside its text: ``<title>``, ``<meta name="ArticleTitle|PubDate|
ContentSource|ColumnName">`` and the 信息公开目录 table (索引号, 发布机构, 发文日期) above the article. These go to
``Document.meta``; the site's chrome (navigation, breadcrumbs, related links, footer) is left out of the text.
"""

from __future__ import annotations

import warnings
from pathlib import Path

import regex
from bs4 import BeautifulSoup, NavigableString, Tag, XMLParsedAsHTMLWarning
from lxml import etree

from extractors.model import Cell, Document, Paragraph, Table
from extractors.readers.encoding import decode
from extractors.readers.pictures import image_blocks, local_image
from extractors.readers.errors import ReadError

_META_CHARSET = regex.compile(rb"""<meta[^>]+charset\s*=\s*["']?\s*([-\w]+)""", regex.I)
_BLOCK = {"p", "div", "h1", "h2", "h3", "h4", "h5", "h6", "li", "section", "article", "blockquote", "pre",
          "center", "td", "th", "body", "ul", "ol", "form", "main", "header", "footer", "dl", "dd", "dt"}
_SKIP = {"script", "style", "head", "noscript", "template", "iframe", "button", "select"}
_HEADING = {"h1": 1, "h2": 2, "h3": 3, "h4": 4, "h5": 5, "h6": 6}
_SPACE = regex.compile(r"[ \t\r\f\v\u00a0]+")


# Limits beyond any real page, so a hostile one fails in a second instead of stalling a batch. Real report
# pages are under 5 MB; the cap leaves room for pictures inlined as data: URIs. Real pages nest elements
# 10–60 deep (portal layout tables included); the walk below recurses once per level, and beautifulsoup
# takes seconds per 100k levels, so depth is measured first by libxml2's own pull parser.
MAX_HTML_BYTES = 32 * 2**20
MAX_HTML_DEPTH = 400


def read(path: Path, data: bytes) -> Document:
    if len(data) > MAX_HTML_BYTES:
        raise ReadError(f"HTML page of {len(data) / 2**20:,.0f} MB, over the {MAX_HTML_BYTES // 2**20} MB cap "
                        "(real report pages are under 5 MB)")
    declared = _META_CHARSET.search(data[:4096])
    text, _ = decode(data, declared.group(1).decode("ascii") if declared else None)
    _check_depth(text)
    with warnings.catch_warnings():  # an XHTML page is read as HTML on purpose: no library notice on stderr
        warnings.simplefilter("ignore", XMLParsedAsHTMLWarning)
        soup = BeautifulSoup(text, "lxml")
    meta = _head_meta(soup)
    root = soup.body or soup
    blocks: list = []
    page = _Page(meta, len(_clean(root.get_text())), _holding_blocks(root))
    page.folder = path.parent if path.is_file() else None  # where pictures beside the page may be read
    _walk(root, blocks, page)
    return Document(path=str(path), format="html", blocks=blocks, meta=meta, truncated=_cut_short(text))


def _cut_short(text: str) -> str | None:
    """A page that ends inside a table (its last <table> never closed) was cut short: a broken download or a
    page saved half-loaded. A page that only never closes <body>/<html> is common and whole."""
    tail = text[-200_000:].lower()
    opened, closed = tail.rfind("<table"), tail.rfind("</table")
    if opened > closed:
        return "the page ends inside a table (no </table> after its last <table>)"
    return None


# <meta name=…> of portal pages (CMSs of 开普云/拓尔思 and others), lower-cased, → our meta keys
_META_NAMES = {
    "articletitle": "title", "dc.title": "title",
    "pubdate": "published", "publishdate": "published", "firstpublishedtime": "published",
    "dc.date": "published", "dc.date.created": "published", "publishtime": "published",
    "contentsource": "publisher", "source": "publisher", "dc.publisher": "publisher",
    "columnname": "column", "sitename": "site",
}
# the 信息公开目录 table: label → meta key
_INFO_LABELS = (
    (regex.compile(r"^(?:发布机构|发文机关|发布单位|信息来源|发文单位)$"), "publisher"),
    (regex.compile(r"^(?:发布日期|发文日期|公开日期|生成日期)$"), "published"),
    (regex.compile(r"^(?:名称|标题|文件名称|信息名称)$"), "title"),
)
# class/id tokens of a portal's chrome: navigation, breadcrumbs, related links, footer
_CHROME = regex.compile(
    r"^(?:nav|navbar|menu|mainnav|subnav|footer|foot|bottom|copyright|crumb|crumbs|breadcrumb|bread|position|"
    r"location|dqwz|related|xglj|relatedlinks|share|sidebar|side|topbar|top|header-nav|toolbar)\d*$", regex.I)


def _check_depth(text: str) -> None:
    """Raise :class:`ReadError` when elements nest deeper than :data:`MAX_HTML_DEPTH` (libxml2's tree, as
    beautifulsoup's lxml builder gets it); stops at the first element past the cap."""
    parser = etree.HTMLPullParser(events=("start", "end"), recover=True, huge_tree=True)  # libxml2 stops at 256
    depth = 0
    for at in range(0, len(text), 1 << 16):
        parser.feed(text[at:at + (1 << 16)])
        for event, _ in parser.read_events():
            depth += 1 if event == "start" else -1
            if depth > MAX_HTML_DEPTH:
                raise ReadError(f"HTML elements nested over {MAX_HTML_DEPTH} deep (real pages: under 60)")
    parser.close()


def _holding_blocks(root: Tag) -> set[int]:
    """ids of the tags under ``root`` that hold a block element, a table or a picture: one pass up from each block,
    stopping at an ancestor already marked (asking each tag about its descendants is quadratic in depth)."""
    held: set[int] = set()
    for d in root.descendants:
        if isinstance(d, Tag) and (d.name in _BLOCK or d.name in ("table", "img")):  # a picture may be a table
            for parent in d.parents:
                if id(parent) in held:
                    break
                held.add(id(parent))
    return held


class _Page:
    def __init__(self, meta: dict[str, str], text_len: int, holding_blocks: set[int]) -> None:
        self.meta = meta
        self.text_len = text_len
        self.holding_blocks = holding_blocks


def _head_meta(soup: BeautifulSoup) -> dict[str, str]:
    meta: dict[str, str] = {}
    if soup.title and _clean(soup.title.get_text()):
        meta["title_tag"] = _clean(soup.title.get_text())
    for tag in soup.find_all("meta"):
        key = _META_NAMES.get(str(tag.get("name") or tag.get("property") or "").strip().lower())
        content = _clean(str(tag.get("content") or ""))
        if key and content and key not in meta:
            meta[key] = content
    return meta


def _is_chrome(tag: Tag, page: _Page) -> bool:
    if tag.name not in ("nav", "footer", "aside"):
        tokens = [*(tag.get("class") or []), str(tag.get("id") or "")]
        if not any(_CHROME.match(t) for t in tokens if t):
            return False
    # a wrapper that holds most of the page is the content, whatever its name
    return len(_clean(tag.get_text())) < 0.4 * max(page.text_len, 1)


def _info_table(table: Tag, meta: dict[str, str]) -> bool:
    """Read a 信息公开目录 table (索引号 … 发布机构 … 发文日期) into ``meta``; False if the table is not one."""
    tds = table.find_all(("td", "th"))
    if len(tds) > 40 or "索" not in table.get_text():
        return False
    cells = [_clean(_text(td)).replace("\n", "") for td in tds]
    if not any(regex.match(r"^索\s*引\s*号", c) for c in cells):
        return False
    for i, cell in enumerate(cells):
        label, _, value = cell.partition("：") if "：" in cell else cell.partition(":")
        label = regex.sub(r"\s+", "", label)
        if not value.strip() and i + 1 < len(cells):
            value = cells[i + 1]
        for pattern, key in _INFO_LABELS:
            if pattern.match(label) and value.strip() and key not in meta:
                meta[key] = value.strip()
    return True


def _is_wrapper(table: Tag) -> bool:
    """A table that only wraps one figure (or nothing): read as the text of the cell that holds it."""
    return not table.find("table") and sum(bool(_clean(_text(td))) for td in table.find_all(("td", "th"))) <= 1


def _data_table(table: Tag) -> bool:
    return all(_is_wrapper(t) for t in table.find_all("table"))


def _layout_table(table: Tag, blocks: list, page: _Page) -> None:
    """Walk a layout table row by row; a row of several cells holding one data table each is one table."""
    rows = _own_rows(table)
    for tr in rows:
        parts: list[list] = []
        for td in tr.find_all(("td", "th"), recursive=False):
            sub: list = []
            _walk(td, sub, page)
            parts.append(sub)
        tables = [p[0] for p in parts if len(p) == 1 and isinstance(p[0], Table)]
        if len(tables) >= 2 and all(len(p) == 1 and isinstance(p[0], Table) or not p for p in parts):
            blocks.append(_side_by_side(tables))
        else:
            for sub in parts:
                blocks.extend(sub)


def _side_by_side(tables: list[Table]) -> Table:
    """Halves of one table joined left to right; a shorter half's header is stretched so figure rows align."""
    height = max(t.n_rows for t in tables)
    cells: list[Cell] = []
    col0 = 0
    for t in tables:
        lift = height - t.n_rows
        for c in t.cells:
            if c.row == 0:
                cells.append(Cell(row=0, col=c.col + col0, text=c.text, rowspan=c.rowspan + lift, colspan=c.colspan))
            else:
                cells.append(Cell(row=c.row + lift, col=c.col + col0, text=c.text, rowspan=c.rowspan,
                                  colspan=c.colspan))
        col0 += t.n_cols
    return Table(cells=cells)


def _walk(node: Tag, blocks: list, page: _Page) -> None:
    inline: list[str] = []

    def flush() -> None:
        text = _clean("".join(inline))
        inline.clear()
        blocks.extend(_lines_of(text))

    for child in node.children:
        if isinstance(child, NavigableString):
            if type(child) is NavigableString:  # not a comment or doctype
                inline.append(str(child))
            continue
        if not isinstance(child, Tag) or child.name in _SKIP:
            continue
        if _is_chrome(child, page):
            flush()
            continue
        if child.name == "table":
            flush()
            if _info_table(child, page.meta):
                continue
            if not _data_table(child):
                _layout_table(child, blocks, page)
            else:
                table = _table(child)
                if table.cells:
                    blocks.append(table)
        elif child.name == "br":
            inline.append("\n")
        elif child.name == "img":  # a table pasted as a picture: data: URI or a file beside the page
            flush()
            blocks.extend(image_blocks(local_image(child.get("src"), page.folder) or b""))
        elif child.name in _BLOCK or child.name in ("tr", "tbody", "thead", "tfoot"):
            flush()
            if child.name in _HEADING and not child.find("table"):
                text = _clean(child.get_text())
                if text:
                    blocks.append(Paragraph(text, level=_HEADING[child.name]))
            elif id(child) in page.holding_blocks:
                _walk(child, blocks, page)
            else:
                blocks.extend(_lines_of(_clean(_text(child))))
        else:
            inline.append(_text(child))
    flush()


def _lines_of(text: str) -> list[Paragraph]:
    """Pages that lay a report out with <br> instead of <p> put a heading and its text in one element: each
    line is a paragraph of its own, as it shows on screen."""
    return [Paragraph(line) for line in text.split("\n") if line]


def _text(tag: Tag) -> str:
    """The visible text under ``tag`` (<br> as a line break); one pass, each node visited once (asking every
    string about all its ancestors is quadratic in the depth)."""
    parts = []
    hidden = tag.name in _SKIP or any(p.name in _SKIP for p in tag.parents)
    stack = [(child, hidden) for child in reversed(tag.contents)]
    while stack:
        node, hidden = stack.pop()
        if isinstance(node, Tag):
            if node.name == "br":
                parts.append("\n")
            inner = hidden or node.name in _SKIP
            stack.extend((child, inner) for child in reversed(node.contents))
        elif type(node) is NavigableString and not hidden:  # not a comment, doctype or script
            parts.append(str(node))
    return "".join(parts)


def _own_rows(table: Tag) -> list[Tag]:
    """The <tr> of ``table`` itself, in order: not those of tables nested in its cells (whose subtrees are
    not entered, so nested tables cost no more than their own size)."""
    rows = []
    stack = list(reversed(table.contents))
    while stack:
        node = stack.pop()
        if isinstance(node, Tag) and node.name != "table":
            if node.name == "tr":
                rows.append(node)
            stack.extend(reversed(node.contents))
    return rows


def _clean(text: str) -> str:
    lines = (_SPACE.sub(" ", line).strip() for line in text.split("\n"))
    return "\n".join(line for line in lines if line)


def _span(tag: Tag, name: str) -> int:
    """rowspan/colspan as browsers read them: junk is 1, and no span runs past 1000 (HTML's own limit)."""
    try:
        return min(1000, max(1, int(str(tag.get(name, "1")).strip() or 1)))
    except ValueError:
        return 1


def _table(table: Tag) -> Table:
    cells: list[Cell] = []
    taken: set[tuple[int, int]] = set()
    rows = _own_rows(table)
    for r, tr in enumerate(rows):
        c = 0
        for td in tr.find_all(("td", "th"), recursive=False):
            while (r, c) in taken:
                c += 1
            rowspan, colspan = _span(td, "rowspan"), _span(td, "colspan")
            rowspan = min(rowspan, len(rows) - r)  # a rowspan past the table's end is clipped, as browsers do
            cells.append(Cell(row=r, col=c, text=_clean(_text(td)), rowspan=rowspan, colspan=colspan))
            taken.update((r + i, c + j) for i in range(rowspan) for j in range(colspan))
            c += colspan
    return Table(cells=cells)
