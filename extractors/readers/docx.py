"""DOCX (the package's XML, read with lxml): paragraphs and tables in body order, read as Word shows the document.

* The package is opened by :mod:`extractors.readers.docx_package` (python-docx's rules, without its object
  layer: it parsed every part of the package, and built a proxy class per element walked).
* Spans: the grid is built from the XML: ``w:gridBefore`` and ``w:gridSpan`` give columns, ``w:vMerge``
  continuation cells extend the cell above them.
* Wrappers are walked through at every level: content controls (``w:sdt``) and ``w:customXml`` around runs,
  paragraphs, cells (row → sdt → cell), rows, groups of rows and whole tables.
* Text boxes and shapes (DrawingML ``wps:txbx``, VML ``v:textbox``: both hold ``w:txbxContent``) are read as
  blocks after the paragraph that anchors them; of an ``mc:AlternateContent`` only the first Choice is read
  (the Fallback only when there is no Choice), since every branch holds the same content again.
* Tracked changes are read as accepted: ``w:ins``/``w:moveTo`` kept; ``w:del``, ``w:moveFrom`` and rows marked
  ``w:trPr/w:del`` dropped; a paragraph whose mark is deleted joins the next one.
* A table holding another table is layout (as in the HTML reader): its cells' contents are read in order, so
  the inner table becomes a table of its own.
* ``w:altChunk`` (a document importing another part): HTML, plain text and nested .docx parts are read in
  place by their readers; any other part leaves a one-line note on the document (``Document.notes``).
"""

from __future__ import annotations

import io
import zipfile
from functools import cached_property
from pathlib import Path

import regex
from lxml import etree

from extractors.model import Cell, Document, Paragraph, Table
from extractors.readers.docx_fast import outline
from extractors.readers.docx_package import STYLES, XML_PARSER, Package
from extractors.readers.pictures import docx_picture_blocks

_NS = {"w": "http://schemas.openxmlformats.org/wordprocessingml/2006/main",
       "r": "http://schemas.openxmlformats.org/officeDocument/2006/relationships",
       "a": "http://schemas.openxmlformats.org/drawingml/2006/main"}


def qn(tag: str) -> str:
    """"w:p" → Clark name, as python-docx's qn (not imported: the reader no longer needs python-docx)."""
    prefix, local = tag.split(":")
    return f"{{{_NS[prefix]}}}{local}"


_HEADING_STYLE = regex.compile(r"(?:heading|标题)\s*(\d)", regex.I)
_MC = "{http://schemas.openxmlformats.org/markup-compatibility/2006}"
_ALTERNATE, _CHOICE, _FALLBACK = _MC + "AlternateContent", _MC + "Choice", _MC + "Fallback"
_WRAPPERS = {qn("w:sdt"), qn("w:sdtContent"), qn("w:customXml"), qn("w:smartTag"), qn("w:ins"), qn("w:moveTo")}
# Never text of the document as accepted: deletions, moved-away text, properties, field instructions.
_DROPPED = {qn(t) for t in ("w:del", "w:moveFrom", "w:delText", "w:delInstrText", "w:instrText", "w:pPr", "w:rPr",
                            "w:sdtPr", "w:sdtEndPr", "w:tblPr", "w:trPr", "w:tcPr", "w:sectPr", "w:fldData")}
_BREAKS = {qn("w:br"), qn("w:cr")}
_TABS = {qn("w:tab"), qn("w:ptab")}
# Clark names made once: the walks below ask for these per element
_P, _TBL, _TR, _TC, _T, _ALT_CHUNK, _TXBX = (qn(t) for t in ("w:p", "w:tbl", "w:tr", "w:tc", "w:t", "w:altChunk",
                                                            "w:txbxContent"))
_VAL, _RID, _TCPR, _GRID_SPAN, _VMERGE = qn("w:val"), qn("r:id"), qn("w:tcPr"), qn("w:gridSpan"), qn("w:vMerge")
_PPR, _RPR, _TRPR, _CELL_DEL, _GRID_BEFORE = qn("w:pPr"), qn("w:rPr"), qn("w:trPr"), qn("w:cellDel"), qn("w:gridBefore")
_DEL, _MOVE_FROM, _STYLE, _OUTLINE = qn("w:del"), qn("w:moveFrom"), qn("w:pStyle"), qn("w:outlineLvl")
_STYLE_ID, _NAME, _BODY, _BLIP = qn("w:styleId"), qn("w:name"), qn("w:body"), qn("a:blip")
# what a paragraph's text is made of, and the elements whose content is never part of it (the walk in
# _inline does not enter them): every element that is text (w:t, a tab, a break) or a text box is opaque
_INLINE = (_T, *_TABS, *_BREAKS, _TXBX)
_OPAQUE = frozenset(_DROPPED | set(_INLINE))
_MAX_CHUNK_DEPTH = 4  # a .docx chunk holding a .docx chunk …: deeper than real documents go


def read(path: Path, data: bytes, depth: int = 0) -> Document:
    main = Package(data).main
    root = main.element()
    body = root.find(_BODY)
    fast = outline(root) if body is not None and _plain(root) else None
    if fast is not None:
        reader = _Reader(main, depth, pictures=False)
        blocks = reader.outline_blocks(fast)
    else:
        reader = _Reader(main, depth, pictures=_holds_pictures(body))
        blocks = reader.blocks(body)
    return Document(path=str(path), format="docx", blocks=blocks, notes=reader.notes)


def _plain(root) -> bool:
    """Whether the document holds none of what the outline (:mod:`~extractors.readers.docx_fast`) leaves to
    the Python walk: a text box, an mc:AlternateContent, an altChunk, a picture, a w:t holding anything but
    text. Two C-level scans."""
    return next(root.iter(_TXBX, _ALTERNATE, _ALT_CHUNK, _BLIP), None) is None \
        and not any(len(t) for t in root.iter(_T))


_STYLE_NAMES: dict[bytes, dict[str, str]] = {}  # the styles part's bytes → its names (see style_names)
_STYLE_NAMES_KEPT = 16


def style_names(main) -> dict[str, str]:
    """styleId → name as the styles part of ``main`` writes it ("heading 1", "标题 1"; matched without case).
    A document without a styles part reads with python-docx's default styles, as it did.

    The styles part is often larger than the document (Word's and python-docx's templates: 350 KB) and the
    same in every report a tool writes: the names of the last few parts read are kept, by the part's bytes."""
    try:
        blob = main.related_by(STYLES).blob
    except KeyError:
        import docx

        blob = (Path(docx.__file__).parent / "templates" / "default-styles.xml").read_bytes()
    names = _STYLE_NAMES.get(blob)
    if names is None:
        names = {}
        for style in etree.fromstring(blob, XML_PARSER).iterchildren(qn("w:style")):
            name = style.find(_NAME)
            if style.get(_STYLE_ID) is not None and name is not None:
                names[style.get(_STYLE_ID)] = name.get(_VAL) or ""
        if len(_STYLE_NAMES) >= _STYLE_NAMES_KEPT:
            del _STYLE_NAMES[next(iter(_STYLE_NAMES))]
        _STYLE_NAMES[blob] = names
    return names


def _holds_pictures(body) -> bool:
    """Whether any DrawingML picture (a:blip) stands in the body: the picture reader looks at each paragraph
    only then (one C-level scan instead of a look-up per paragraph)."""
    return body is not None and next(body.iter(_BLIP), None) is not None


class _Reader:
    def __init__(self, part, depth: int, pictures: bool = True) -> None:
        self.part = part
        self.depth = depth
        self.pictures = pictures  # False: the document holds no picture, no paragraph is looked at for one
        self.notes: list[str] = []

    @cached_property
    def styles(self) -> dict[str, str]:
        """Read when a paragraph first names a style: a document that names none never parses its styles."""
        return style_names(self.part)

    def blocks(self, container) -> list:
        """Paragraphs and tables of a body, cell, text box or content control, in reading order."""
        out: list = []
        carried = ""  # text of paragraphs whose mark was deleted: it joins the next paragraph
        for child in _children(container):
            tag = child.tag
            if tag == _P:
                text, boxes = _inline(child)
                ppr = child.find(_PPR)
                if ppr is not None and _mark_deleted(ppr):
                    carried += text
                else:
                    style, outline_level = _paragraph_style(ppr) if ppr is not None else (None, None)
                    out += _lines(carried + text, self.heading_level(style, outline_level))
                    carried = ""
                for box in boxes:
                    out += self.blocks(box)
                if self.pictures:
                    out += docx_picture_blocks(child, self.part)  # a table pasted as a picture
            elif tag == _TBL:
                out += self.table(child)
            elif tag == _ALT_CHUNK:
                out += self.alt_chunk(child)
        if carried.strip():
            out.append(Paragraph(carried.strip()))
        return out

    def table(self, tbl) -> list:
        """One table block, or, for a layout table (one holding a table), the blocks of its cells."""
        rows = []  # (gridBefore, [(gridSpan, vMerge, the cell's blocks)]) of the rows a tracked change kept
        for tr in _children(tbl):
            if tr.tag != _TR:
                continue
            trpr = tr.find(_TRPR)
            if trpr is not None and trpr.find(_DEL) is not None:
                continue
            cells = []
            for tc in _children(tr):
                if tc.tag != _TC:
                    continue
                tcpr = tc.find(_TCPR)
                if tcpr is None:
                    cells.append((1, None, self.blocks(tc)))
                elif tcpr.find(_CELL_DEL) is None:
                    vmerge = tcpr.find(_VMERGE)
                    merge = None if vmerge is None else "restart" if vmerge.get(_VAL) == "restart" else "continue"
                    cells.append((_int(_val(tcpr, _GRID_SPAN), 1), merge, self.blocks(tc)))
            rows.append((_int(_val(trpr, _GRID_BEFORE), 0) if trpr is not None else 0, cells))
        return _table_blocks(rows)

    def outline_blocks(self, container) -> list:
        """:meth:`blocks` from the outline :func:`~extractors.readers.docx_fast.outline` made of the body."""
        out: list = []
        carried = ""
        for record in container:
            if record.tag == "p":
                text = record.text or ""
                if record.get("x") is not None:
                    carried += text
                else:
                    style, outline_level = record.get("s"), record.get("o")
                    plain = style is None and outline_level is None
                    out += _lines(carried + text, None if plain else self.heading_level(style, outline_level))
                    carried = ""
            else:
                rows = [(_int(r.get("b"), 0), [(_int(c.get("s"), 1), _MERGES.get(c.get("m")), self.outline_blocks(c))
                                               for c in r]) for r in record]
                out += _table_blocks(rows)
        if carried.strip():
            out.append(Paragraph(carried.strip()))
        return out

    def heading_level(self, style: str | None, outline_level: str | None) -> int | None:
        """The level of a paragraph of style id ``style`` (a heading style's number) or, else, of outline level
        ``outline_level`` (0 → 1); None for body text. Either is None where the paragraph gives none."""
        if style is not None:
            match = _HEADING_STYLE.search(self.styles.get(style, "") or "")
            if match:
                return int(match.group(1))
        if outline_level is not None:
            try:
                return int(outline_level) + 1
            except ValueError:
                return None
        return None

    def alt_chunk(self, node) -> list:
        rid = node.get(_RID)
        part = self.part.related_parts.get(rid) if rid else None
        if part is None:
            self.notes.append(f"w:altChunk {rid}: the imported part is missing from the package")
            return []
        name, blob, ctype = str(part.partname), part.blob, part.content_type.lower()
        fmt = _chunk_format(name, blob, ctype)
        if fmt is None:
            self.notes.append(f"w:altChunk {name}: imported content of type {ctype} is not read")
            return []
        if fmt == "docx" and self.depth >= _MAX_CHUNK_DEPTH:
            self.notes.append(f"w:altChunk {name}: .docx parts nested deeper than {_MAX_CHUNK_DEPTH} are not read")
            return []
        from extractors.readers import html, text

        try:
            if fmt == "docx":
                doc = read(Path(name), blob, self.depth + 1)
            else:
                doc = (html.read if fmt == "html" else text.read)(Path(name), blob)
        except Exception as exc:  # a damaged part: the rest of the document still reads, the gap is noted
            self.notes.append(f"w:altChunk {name}: unreadable {fmt} part: {type(exc).__name__}: {exc}"
                              .splitlines()[0])
            return []
        self.notes += doc.notes
        return doc.blocks


def _chunk_format(name: str, blob: bytes, ctype: str) -> str | None:
    """html | text | docx for the imported parts the readers understand; None for RTF, MHT, Word XML …"""
    if blob.startswith(b"PK\x03\x04"):
        try:
            with zipfile.ZipFile(io.BytesIO(blob)) as z:
                return "docx" if "word/document.xml" in z.namelist() else None
        except zipfile.BadZipFile:
            return None
    if "html" in ctype or name.lower().endswith((".htm", ".html", ".xhtml")):
        return "html"
    if ctype.startswith("text/plain") or name.lower().endswith(".txt"):
        return "text"
    return None


def _children(node):
    """Child elements with wrappers opened: content controls, custom XML, insertions, the chosen branch of an
    mc:AlternateContent; deletions and moved-away content left out."""
    for child in node.iterchildren(etree.Element):
        tag = child.tag
        if tag in _DROPPED:
            continue
        if tag in _WRAPPERS:
            yield from _children(child)
        elif tag == _ALTERNATE:
            branch = _branch(child)
            if branch is not None:
                yield from _children(branch)
        else:
            yield child


def _branch(alternate):
    """The one branch of an mc:AlternateContent a reading takes: the first Choice, else the Fallback."""
    return alternate.find(_CHOICE) if alternate.find(_CHOICE) is not None else alternate.find(_FALLBACK)


def _inline(p) -> tuple[str, list]:
    """A paragraph's text as accepted, and the w:txbxContent of the text boxes it anchors (read apart).

    The text elements come from one C-level scan of the paragraph in document order; each is kept when the
    path up to the paragraph passes no opaque element (a deletion, properties, another text element, a text
    box) and, through an mc:AlternateContent, only its chosen branch: what a recursive walk that does not
    enter those elements reaches, at a fraction of its cost (a run's properties are never visited)."""
    parts: list[str] = []
    boxes: list = []
    for node in p.iter(_INLINE):
        if not _reached(node, p):
            continue
        tag = node.tag
        if tag == _T:
            parts.append(node.text or "")
        elif tag in _TABS:
            parts.append("\t")
        elif tag in _BREAKS:
            parts.append("\n")
        else:
            boxes.append(node)
    return "".join(parts), boxes


def _reached(node, top) -> bool:
    """Whether a walk from ``top`` down that never enters an opaque element, and enters only the chosen
    branch of an mc:AlternateContent, reaches ``node`` (a descendant of ``top``)."""
    child, parent = node, node.getparent()
    while parent is not top:
        tag = parent.tag
        if tag in _OPAQUE or tag == _ALTERNATE and child is not _branch(parent):
            return False
        child, parent = parent, parent.getparent()
    return True


def _mark_deleted(ppr) -> bool:
    """The paragraph mark itself is deleted (or moved away): its text runs on into the next paragraph."""
    rpr = ppr.find(_RPR)
    return rpr is not None and (rpr.find(_DEL) is not None or rpr.find(_MOVE_FROM) is not None)


def _paragraph_style(ppr) -> tuple[str | None, str | None]:
    """(style id, outline level) as a paragraph's properties give them (the first w:pStyle, w:outlineLvl)."""
    return _val(ppr, _STYLE), _val(ppr, _OUTLINE)


def _val(parent, tag: str) -> str | None:
    """The w:val of ``parent``'s first ``tag`` child; None without either."""
    node = parent.find(tag)
    return None if node is None else node.get(_VAL)


def _int(value: str | None, default: int) -> int:
    if value is None:  # most rows and cells: no exception raised for them
        return default
    try:
        return int(value)
    except ValueError:
        return default


def _lines(text: str, level: int | None) -> list[Paragraph]:
    """A paragraph's blocks: a manual line break (w:br) starts a new visual line, so a heading typed above
    its text that way still opens its section."""
    return [Paragraph(line.strip(), level=level) for line in text.split("\n") if line.strip()]


def _table_blocks(rows: list[tuple[int, list[tuple[int, str | None, list]]]]) -> list:
    """One table block, or, for a layout table (one holding a table), the blocks of its cells."""
    if any(isinstance(b, Table) for _, row in rows for _, _, blocks in row for b in blocks):
        return [b for _, row in rows for _, _, blocks in row for b in blocks]
    table = _grid(rows)
    return [table] if table.cells else []


_MERGES = {"r": "restart", "c": "continue"}


def _grid(rows: list[tuple[int, list[tuple[int, str | None, list]]]]) -> Table:
    """The cell grid of a data table from (gridBefore, [(gridSpan, vMerge, the cell's blocks)]) rows; vMerge is
    None, "restart" or "continue"."""
    cells: list[Cell] = []
    open_merges: dict[int, Cell] = {}  # grid column -> the cell a vMerge continuation extends
    for row_index, (col, row) in enumerate(rows):
        for span, merge, blocks in row:
            text = "\n".join(b.text for b in blocks if isinstance(b, Paragraph))
            if merge == "continue" and col in open_merges:
                above = open_merges[col]
                above.rowspan = row_index - above.row + 1
                if text:  # Word keeps text typed into a continuation cell; so do we
                    above.text = f"{above.text}\n{text}" if above.text else text
            else:
                cell = Cell(row=row_index, col=col, text=text, colspan=span)
                cells.append(cell)
                for c in range(col, col + span):
                    open_merges.pop(c, None)
                if merge is not None:
                    open_merges[col] = cell
            col += span
    return Table(cells=cells)
