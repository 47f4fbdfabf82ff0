"""HTML pages (lxml's HTML parser, libxml2): text blocks and data tables in document order, and the page's metadata.

Government sites wrap whole pages in layout tables; a table that contains another table is treated as layout
and walked into, so only innermost tables become data tables; two data tables standing side by side in one row
of a layout table are one table printed in two halves, and are joined; a table whose nested tables only wrap
one figure each is a data table. Cells are placed on the grid honouring rowspan/colspan, as a browser would.

Portal pages carry the report's identity outside its text: ``<title>``, ``<meta name="ArticleTitle|PubDate|
ContentSource|ColumnName">`` and the 信息公开目录 table (索引号, 发布机构, 发文日期) above the article. These go to
``Document.meta``; the site's chrome (navigation, breadcrumbs, related links, footer) is left out of the text.

The page is parsed as BeautifulSoup's lxml builder parsed it (the same libxml2 parser fed the same text; the
builder only re-made libxml2's tree in Python, two thirds of a page's read) and read by its rules: text under
``script``, ``style``, ``template``, ``rt`` and ``rp`` is never text of the page (BeautifulSoup's string
containers), comments and processing instructions neither; a class attribute is its whitespace-separated
tokens. BeautifulSoup turned a string of ASCII white space into one space or line break: every text read here
goes through :func:`_clean`, which makes the two the same.
"""

from __future__ import annotations

from pathlib import Path

import regex
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
# 10–60 deep (portal layout tables included); the walk below recurses once per level, so depth is measured
# on the parsed tree before any walk.
MAX_HTML_BYTES = 32 * 2**20
MAX_HTML_DEPTH = 400


def read(path: Path, data: bytes) -> Document:
    if len(data) > MAX_HTML_BYTES:
        raise ReadError(f"HTML page of {len(data) / 2**20:,.0f} MB, over the {MAX_HTML_BYTES // 2**20} MB cap "
                        "(real report pages are under 5 MB)")
    declared = _META_CHARSET.search(data[:4096])
    text, _ = decode(data, declared.group(1).decode("ascii") if declared else None)
    top = _Top(_parse(text))
    _check_depth(top)
    meta = _head_meta(top)
    body = top.first("body")
    root = body if body is not None else top
    blocks: list = []
    page = _Page(meta, len(_clean(_get_text(root))))
    page.folder = path.parent if path.is_file() else None  # where pictures beside the page may be read
    _walk(root, blocks, page)
    return Document(path=str(path), format="html", blocks=blocks, meta=meta, truncated=_cut_short(text))


def _parse(text: str) -> etree._Element | None:
    """The root element of the page as BeautifulSoup's lxml builder had libxml2 parse it (one feed of the
    text, recovering from errors, a leading byte-order mark dropped); None for a page of no element."""
    # huge_tree: no depth (256) nor text node (10 MB) limit, as the builder's event-fed parse had none (the
    # depth is capped after, at 400); a comment over 10 MB stays a comment (the builder got it as text)
    parser = etree.HTMLParser(recover=True, huge_tree=True)
    parser.feed(text[1:] if text.startswith("\ufeff") else text)
    try:
        return parser.close()
    except etree.XMLSyntaxError:  # nothing libxml2 could make a document of (a page of only a comment)
        return None


class _Top:
    """The page's top level as BeautifulSoup's document object had it: the root element with the comments and
    processing instructions beside it (a page may even hold two root elements)."""

    tag = "[document]"
    text = None
    tail = None

    def __init__(self, root: etree._Element | None) -> None:
        self.nodes = [] if root is None else [*reversed(list(root.itersiblings(preceding=True))), root,
                                              *root.itersiblings()]

    def __iter__(self):
        return iter(self.nodes)

    def first(self, tag: str) -> etree._Element | None:
        """The first element named ``tag`` in document order (BeautifulSoup's ``soup.body``, ``soup.title``)."""
        return next((e for n in self.nodes if _is_element(n) for e in n.iter(tag)), None)

    def all(self, tag: str) -> list[etree._Element]:
        return [e for n in self.nodes if _is_element(n) for e in n.iter(tag)]


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
    r"location|dqwz|related|xglj|relatedlinks|share|sidebar|side|leftside|rightside|left-side|right-side|"
    r"side-bar|topbar|top|header-nav|toolbar)\d*$", regex.I)


def _check_depth(top: _Top) -> None:
    """Raise :class:`ReadError` when elements nest deeper than :data:`MAX_HTML_DEPTH`: an element stands that
    deep in the parsed tree (one XPath step a level, in C; libxml2 itself stops a tree at 2048 levels)."""
    if any(_is_element(n) and _PAST_THE_CAP(n) for n in top):
        raise ReadError(f"HTML elements nested over {MAX_HTML_DEPTH} deep (real pages: under 60)")


_PAST_THE_CAP = etree.XPath("self::*" + "/*" * MAX_HTML_DEPTH)  # the elements MAX_HTML_DEPTH + 1 levels deep


_HOLDING = (*_BLOCK, "table", "img")  # a picture may be a table


def _holds_blocks(tag: etree._Element) -> bool:
    """Whether ``tag`` holds a block element, a table or a picture (one C-level scan of its subtree)."""
    return next(tag.iterdescendants(*_HOLDING), None) is not None


class _Page:
    def __init__(self, meta: dict[str, str], text_len: int) -> None:
        self.meta = meta
        self.text_len = text_len
        self._under: dict[frozenset, dict] = {_CONTAINERS: {}, _HIDDEN: {}}

    def contained(self, node: etree._Element) -> bool:
        """Whether ``node`` or an element above it is a string container (script, style, template, rt, rp):
        a string directly in ``node`` is then no text of the page."""
        return self._is_under(node, _CONTAINERS)

    def hidden(self, node: etree._Element) -> bool:
        """Whether ``node`` or an element above it hides its strings (a string container or a tag of _SKIP)."""
        return self._is_under(node, _HIDDEN)

    def _is_under(self, node: etree._Element, names: frozenset) -> bool:
        """Whether ``node`` or an element above it is named in ``names``; remembered per element (the walk
        asks about nested elements in turn), found by a loop up to the first known one (no recursion)."""
        memo = self._under[names]
        path = []
        while node is not None and node not in memo:
            path.append(node)
            node = node.getparent()
        known = False if node is None else memo[node]
        for step in reversed(path):
            known = known or step.tag in names
            memo[step] = known
        return known


def _head_meta(top: _Top) -> dict[str, str]:
    meta: dict[str, str] = {}
    title = top.first("title")
    if title is not None and _clean(_get_text(title)):
        meta["title_tag"] = _clean(_get_text(title))
    for tag in top.all("meta"):
        key = _META_NAMES.get(str(tag.get("name") or tag.get("property") or "").strip().lower())
        content = _clean(str(tag.get("content") or ""))
        if key and content and key not in meta:
            meta[key] = content
    return meta


def _is_chrome(tag: etree._Element, page: _Page) -> bool:
    if tag.tag in ("ul", "ol") and _links_only(tag, page):
        return True
    if tag.tag not in ("nav", "footer", "aside"):
        tokens = [*(tag.get("class") or "").split(), str(tag.get("id") or "")]
        if not any(_CHROME.match(t) for t in tokens if t):
            return False
    # a wrapper that holds most of the page is the content, whatever its name
    return len(_clean(_get_text(tag))) < 0.4 * max(page.text_len, 1)


def _links_only(tag: etree._Element, page: _Page) -> bool:
    """Whether a list's every item is a link and nothing else: a list of other pages (a portal's sidebar of
    other years' reports, related articles), whatever its class; a report's own lists hold text."""
    items = [li for li in tag if li.tag == "li"]
    if not items:
        return False
    for li in items:
        text = _clean(_text(li, page))
        links = "".join(_clean(_text(a, page)) for a in li.iterdescendants("a") if a.get("href"))
        if not text or regex.sub(r"\s+", "", text) != regex.sub(r"\s+", "", links):
            return False
    return True


def _info_table(table: etree._Element, page: _Page) -> bool:
    """Read a 信息公开目录 table (索引号 … 发布机构 … 发文日期) into ``meta``; False if the table is not one."""
    tds = list(table.iterdescendants("td", "th"))
    if len(tds) > 40 or "索" not in _get_text(table):
        return False
    cells = [_clean(_text(td, page)).replace("\n", "") for td in tds]
    if not any(regex.match(r"^索\s*引\s*号", c) for c in cells):
        return False
    for i, cell in enumerate(cells):
        label, _, value = cell.partition("：") if "：" in cell else cell.partition(":")
        label = regex.sub(r"\s+", "", label)
        if not value.strip() and i + 1 < len(cells):
            value = cells[i + 1]
        for pattern, key in _INFO_LABELS:
            if pattern.match(label) and value.strip() and key not in page.meta:
                page.meta[key] = value.strip()
    return True


def _is_wrapper(table: etree._Element, page: _Page) -> bool:
    """A table that only wraps one figure (or nothing): read as the text of the cell that holds it."""
    return next(table.iterdescendants("table"), None) is None \
        and sum(bool(_clean(_text(td, page))) for td in table.iterdescendants("td", "th")) <= 1


def _data_table(table: etree._Element, page: _Page) -> bool:
    return all(_is_wrapper(t, page) for t in table.iterdescendants("table"))


def _layout_table(table: etree._Element, blocks: list, page: _Page) -> None:
    """Walk a layout table row by row; a row of several cells holding one data table each is one table."""
    rows = _own_rows(table)
    for tr in rows:
        parts: list[list] = []
        for td in tr.iterchildren("td", "th"):
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


def _walk(node, blocks: list, page: _Page) -> None:
    """Blocks of ``node`` (an element, or the page's top level) in order: its strings and inline elements
    gather into paragraphs, block elements and tables flush them."""
    inline: list[str] = []
    plain = isinstance(node, _Top) or not page.contained(node)  # its strings are text of the page

    def flush() -> None:
        text = _clean("".join(inline))
        inline.clear()
        blocks.extend(_lines_of(text))

    if node.text and plain:
        inline.append(node.text)
    for child in node:
        name = child.tag
        if not isinstance(name, str) or name in _SKIP:  # a comment or processing instruction; a hidden tag
            pass
        elif _is_chrome(child, page):
            flush()
        elif name == "table":
            flush()
            if not _info_table(child, page):
                if not _data_table(child, page):
                    _layout_table(child, blocks, page)
                else:
                    table = _table(child, page)
                    if table.cells:
                        blocks.append(table)
        elif name == "br":
            inline.append("\n")
        elif name == "img":  # a table pasted as a picture: data: URI or a file beside the page
            flush()
            blocks.extend(image_blocks(local_image(child.get("src"), page.folder) or b""))
        elif name in _BLOCK or name in ("tr", "tbody", "thead", "tfoot"):
            flush()
            if name in _HEADING and next(child.iterdescendants("table"), None) is None:
                text = _clean(_get_text(child))
                if text:
                    blocks.append(Paragraph(text, level=_HEADING[name]))
            elif _holds_blocks(child):
                _walk(child, blocks, page)
            else:
                blocks.extend(_lines_of(_clean(_text(child, page))))
        else:
            inline.append(_text(child, page))
        if child.tail and plain:
            inline.append(child.tail)
    flush()


def _lines_of(text: str) -> list[Paragraph]:
    """Pages that lay a report out with <br> instead of <p> put a heading and its text in one element: each
    line is a paragraph of its own, as it shows on screen."""
    return [Paragraph(line) for line in text.split("\n") if line]


_CONTAINERS = frozenset(("script", "style", "template", "rt", "rp"))  # BeautifulSoup's string containers
_HIDDEN = frozenset(_SKIP | _CONTAINERS)
_TEXT_MARKS = (*_HIDDEN, "br")  # what the plain gathering of a subtree's strings would get wrong
_NOT_TEXT = " or ".join(f"self::{t}" for t in sorted(_HIDDEN))
# the visible text under an element, <br> as a line break, in one C-level pass: its strings under no hidden
# tag and no string container, whatever stands above it (asking each string about its ancestors in Python
# is quadratic in the depth)
_VISIBLE = etree.XPath(f"descendant::text()[not(ancestor::*[{_NOT_TEXT}])] | descendant::br", smart_strings=False)
_CONTAINED = " or ".join(f"self::{t}" for t in sorted(_CONTAINERS))
_CONTAINER_STRINGS = {t: etree.XPath(f"descendant::text()[ancestor::*[{_CONTAINED}][1][self::{t}]]",
                                     smart_strings=False) for t in _CONTAINERS}


def _is_element(node) -> bool:
    return isinstance(node.tag, str)


def _text(tag: etree._Element, page: _Page) -> str:
    """The visible text under ``tag`` (<br> as a line break). Most cells and paragraphs hold no line break nor
    hidden tag and stand under none: all their strings, gathered by lxml in C."""
    if next(tag.iterdescendants(*_TEXT_MARKS), None) is None and not page.hidden(tag):
        return "".join(tag.itertext())
    return "".join("\n" if not isinstance(part, str) else part for part in _VISIBLE(tag))


def _get_text(tag) -> str:
    """BeautifulSoup's ``get_text()``: the strings under ``tag`` (an element or the page's top level) of the
    kind it holds: for a string container, those it holds itself; else those in no string container."""
    if isinstance(tag, _Top):
        return "".join((_get_text(n) if _is_element(n) else "") + (n.tail or "") for n in tag)
    if tag.tag in _CONTAINERS:
        return "".join(_CONTAINER_STRINGS[tag.tag](tag))
    if any(a.tag in _CONTAINERS for a in tag.iterancestors()):
        return ""
    out: list[str] = []
    _strings_outside_containers(tag, out)
    return "".join(out)


def _strings_outside_containers(tag: etree._Element, out: list[str]) -> None:
    """The strings under ``tag`` (itself no container) outside string containers, in order: a subtree that
    holds no container gives all its strings in one C-level pass; Python steps only down to the containers."""
    if tag.text:
        out.append(tag.text)
    for child in tag:
        if not _is_element(child) or child.tag in _CONTAINERS:
            pass
        elif next(child.iterdescendants(*_CONTAINERS), None) is None:
            out.extend(child.itertext())
        else:
            _strings_outside_containers(child, out)
        if child.tail:
            out.append(child.tail)


def _own_rows(table: etree._Element) -> list[etree._Element]:
    """The <tr> of ``table`` itself, in order: not those of tables nested in its cells."""
    return _OWN_ROWS(table, t=table)


_OWN_ROWS = etree.XPath("descendant::tr[count(ancestor::table[1] | $t) = 1]", smart_strings=False)


def _clean(text: str) -> str:
    if "\n" not in text:  # one line (most cells): the same as below, without the generators
        return _SPACE.sub(" ", text).strip()
    lines = (_SPACE.sub(" ", line).strip() for line in text.split("\n"))
    return "\n".join(line for line in lines if line)


def _span(tag: etree._Element, name: str) -> int:
    """rowspan/colspan as browsers read them: junk is 1, and no span runs past 1000 (HTML's own limit)."""
    value = tag.get(name)
    if value is None:
        return 1
    try:
        return min(1000, max(1, int(value.strip() or 1)))
    except ValueError:
        return 1


def _table(table: etree._Element, page: _Page) -> Table:
    cells: list[Cell] = []
    taken: set[tuple[int, int]] = set()
    rows = _own_rows(table)
    for r, tr in enumerate(rows):
        c = 0
        for td in tr.iterchildren("td", "th"):
            while (r, c) in taken:
                c += 1
            rowspan, colspan = _span(td, "rowspan"), _span(td, "colspan")
            rowspan = min(rowspan, len(rows) - r)  # a rowspan past the table's end is clipped, as browsers do
            cells.append(Cell(row=r, col=c, text=_clean(_text(td, page)), rowspan=rowspan, colspan=colspan))
            if rowspan == colspan == 1:
                taken.add((r, c))
            else:
                taken.update((r + i, c + j) for i in range(rowspan) for j in range(colspan))
            c += colspan
    return Table(cells=cells)
