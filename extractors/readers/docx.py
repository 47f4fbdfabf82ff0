"""DOCX (python-docx + the XML): paragraphs and tables in body order, read as Word shows the document.

* Spans: python-docx's ``table.cell(r, c)`` repeats a merged cell in every position it covers and hides where
  the merge starts, so the grid is rebuilt from the XML: ``w:gridBefore`` and ``w:gridSpan`` give columns,
  ``w:vMerge`` continuation cells extend the cell above them.
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
from pathlib import Path

import docx
import regex
from docx.oxml.ns import qn
from lxml import etree

from extractors.model import Cell, Document, Paragraph, Table
from extractors.readers.pictures import docx_picture_blocks
from extractors.readers.sniff import check_zip_sizes

_HEADING_STYLE = regex.compile(r"(?:heading|标题)\s*(\d)", regex.I)
_MC = "{http://schemas.openxmlformats.org/markup-compatibility/2006}"
_ALTERNATE, _CHOICE, _FALLBACK = _MC + "AlternateContent", _MC + "Choice", _MC + "Fallback"
_WRAPPERS = {qn("w:sdt"), qn("w:sdtContent"), qn("w:customXml"), qn("w:smartTag"), qn("w:ins"), qn("w:moveTo")}
# Never text of the document as accepted: deletions, moved-away text, properties, field instructions.
_DROPPED = {qn(t) for t in ("w:del", "w:moveFrom", "w:delText", "w:delInstrText", "w:instrText", "w:pPr", "w:rPr",
                            "w:sdtPr", "w:sdtEndPr", "w:tblPr", "w:trPr", "w:tcPr", "w:sectPr", "w:fldData")}
_BREAKS = {qn("w:br"), qn("w:cr")}
_TABS = {qn("w:tab"), qn("w:ptab")}
# Clark names made once: qn() is a dict look-up and a split, and the walks below ask for these per element
_P, _TBL, _TR, _TC, _T, _ALT_CHUNK, _TXBX = (qn(t) for t in ("w:p", "w:tbl", "w:tr", "w:tc", "w:t", "w:altChunk",
                                                            "w:txbxContent"))
_VAL, _RID, _TCPR, _GRID_SPAN, _VMERGE = qn("w:val"), qn("r:id"), qn("w:tcPr"), qn("w:gridSpan"), qn("w:vMerge")
_PPR, _RPR, _TRPR, _CELL_DEL, _GRID_BEFORE = qn("w:pPr"), qn("w:rPr"), qn("w:trPr"), qn("w:cellDel"), qn("w:gridBefore")
_DEL, _MOVE_FROM, _STYLE, _OUTLINE = qn("w:del"), qn("w:moveFrom"), qn("w:pStyle"), qn("w:outlineLvl")
_STYLE_ID, _NAME = qn("w:styleId"), qn("w:name")
_DOCUMENT_MAIN = "application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"
_MAIN_TYPES = ("document.main+xml", "template.main+xml", "macroEnabled.main+xml", "macroEnabledTemplate.main+xml")
_PKG_REL = "{http://schemas.openxmlformats.org/package/2006/relationships}"
_CT = "{http://schemas.openxmlformats.org/package/2006/content-types}"
_MAX_CHUNK_DEPTH = 4  # a .docx chunk holding a .docx chunk …: deeper than real documents go


def read(path: Path, data: bytes, depth: int = 0) -> Document:
    document = docx.Document(io.BytesIO(_loadable(data)))
    reader = _Reader(document.part, _style_names(document.styles.element), depth)
    blocks = reader.blocks(document.element.body)
    return Document(path=str(path), format="docx", blocks=blocks, notes=reader.notes)


def _style_names(styles) -> dict[str, str]:
    """styleId → name as the styles part writes it ("heading 1", "标题 1"), read from the XML: python-docx's
    Styles builds a proxy object per style for the same two attributes (the names are matched without case)."""
    names = {}
    for style in styles.iterchildren(qn("w:style")):
        name = style.find(_NAME)
        if style.get(_STYLE_ID) is not None and name is not None:
            names[style.get(_STYLE_ID)] = name.get(_VAL) or ""
    return names


def _loadable(data: bytes) -> bytes:
    """The package with any embedded .docx part (an altChunk the Open XML SDK types as a main document) retyped
    as plain bytes: python-docx would parse it as XML and fail on the whole file."""
    with zipfile.ZipFile(io.BytesIO(data)) as z:
        check_zip_sizes(z.infolist())  # a zip bomb refused by its declared sizes, before python-docx inflates it
        try:
            rels = etree.fromstring(z.read("_rels/.rels"))
            types = etree.fromstring(z.read("[Content_Types].xml"))
        except (KeyError, etree.XMLSyntaxError):
            return data
        main = {"/" + r.get("Target", "").lstrip("/") for r in rels.iter(_PKG_REL + "Relationship")
                if r.get("Type", "").endswith("/officeDocument")}
        overrides = [o for o in types.iter(_CT + "Override") if o.get("ContentType", "").endswith(_MAIN_TYPES)]
        extra = [o for o in overrides if o.get("PartName") not in main]
        # a macro-enabled (.docm) or template (.dotx) main part: python-docx opens only the plain type; the
        # XML is the same (macros live in vbaProject.bin, never read)
        retyped = [o for o in overrides if o.get("PartName") in main and o.get("ContentType") != _DOCUMENT_MAIN]
        if not extra and not retyped:
            return data
        for o in extra:
            o.set("ContentType", "application/octet-stream")
        for o in retyped:
            o.set("ContentType", _DOCUMENT_MAIN)
        out = io.BytesIO()
        with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as w:
            for info in z.infolist():
                body = etree.tostring(types, xml_declaration=True, encoding="UTF-8", standalone=True) \
                    if info.filename == "[Content_Types].xml" else z.read(info)
                w.writestr(info, body)
        return out.getvalue()


class _Reader:
    def __init__(self, part, styles: dict[str, str], depth: int) -> None:
        self.part = part
        self.styles = styles
        self.depth = depth
        self.notes: list[str] = []

    def blocks(self, container) -> list:
        """Paragraphs and tables of a body, cell, text box or content control, in reading order."""
        out: list = []
        carried = ""  # text of paragraphs whose mark was deleted: it joins the next paragraph
        for child in _children(container):
            tag = child.tag
            if tag == _P:
                text, boxes = _inline(child)
                if _mark_deleted(child):
                    carried += text
                else:
                    level = _heading_level(child, self.styles)
                    # a manual line break (w:br) starts a new visual line: a heading typed above its text that
                    # way must still open its section
                    out += [Paragraph(line.strip(), level=level) for line in (carried + text).split("\n")
                            if line.strip()]
                    carried = ""
                for box in boxes:
                    out += self.blocks(box)
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
        rows = [[(tc, self.blocks(tc)) for tc in _cells(tr)] for tr in _rows(tbl)]
        if any(isinstance(b, Table) for row in rows for _, blocks in row for b in blocks):
            return [b for row in rows for _, blocks in row for b in blocks]
        table = _grid(list(zip(_rows(tbl), rows)))
        return [table] if table.cells else []

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


def _rows(tbl) -> list:
    """Rows of a table through content controls and custom XML, rows deleted by a tracked change left out."""
    return [tr for tr in _children(tbl) if tr.tag == _TR and not _has(tr, _TRPR, _DEL)]


def _cells(tr) -> list:
    return [tc for tc in _children(tr) if tc.tag == _TC and not _has(tc, _TCPR, _CELL_DEL)]


def _has(node, props: str, tag: str) -> bool:
    """Whether ``node``'s properties element ``props`` holds a ``tag`` (two one-step finds: lxml answers those
    in C, a "a/b" path goes through Python's ElementPath)."""
    found = node.find(props)
    return found is not None and found.find(tag) is not None


def _inline(p) -> tuple[str, list]:
    """A paragraph's text as accepted, and the w:txbxContent of the text boxes it anchors (read apart)."""
    parts: list[str] = []
    boxes: list = []

    def walk(node) -> None:
        for child in node.iterchildren(etree.Element):
            tag = child.tag
            if tag == _T:
                parts.append(child.text or "")
            elif tag in _TABS:
                parts.append("\t")
            elif tag in _BREAKS:
                parts.append("\n")
            elif tag == _TXBX:
                boxes.append(child)
            elif tag in _DROPPED:
                continue
            elif tag == _ALTERNATE:
                branch = _branch(child)
                if branch is not None:
                    walk(branch)
            else:
                walk(child)

    walk(p)
    return "".join(parts), boxes


def _mark_deleted(p) -> bool:
    """The paragraph mark itself is deleted (or moved away): its text runs on into the next paragraph."""
    ppr = p.find(_PPR)
    rpr = ppr.find(_RPR) if ppr is not None else None
    return rpr is not None and (rpr.find(_DEL) is not None or rpr.find(_MOVE_FROM) is not None)


def _heading_level(p, styles: dict[str, str]) -> int | None:
    ppr = p.find(_PPR)
    if ppr is None:
        return None
    style = ppr.find(_STYLE)
    if style is not None:
        match = _HEADING_STYLE.search(styles.get(style.get(_VAL), "") or "")
        if match:
            return int(match.group(1))
    outline = ppr.find(_OUTLINE)
    if outline is not None:
        try:
            return int(outline.get(_VAL)) + 1
        except (TypeError, ValueError):
            return None
    return None


def _int_attr(parent, path: str, default: int) -> int:
    node = parent.find(path)
    if node is None:
        return default
    try:
        return int(node.get(_VAL))
    except (TypeError, ValueError):
        return default


def _grid(rows: list[tuple[object, list[tuple[object, list]]]]) -> Table:
    """The cell grid of a data table from (w:tr, [(w:tc, its blocks)]) rows."""
    cells: list[Cell] = []
    open_merges: dict[int, Cell] = {}  # grid column -> the cell a vMerge continuation extends
    for row_index, (tr, row) in enumerate(rows):
        trpr = tr.find(_TRPR)
        col = _int_attr(trpr, _GRID_BEFORE, 0) if trpr is not None else 0
        for tc, blocks in row:
            tcpr = tc.find(_TCPR)
            span = _int_attr(tcpr, _GRID_SPAN, 1) if tcpr is not None else 1
            vmerge = tcpr.find(_VMERGE) if tcpr is not None else None
            text = "\n".join(b.text for b in blocks if isinstance(b, Paragraph))
            if vmerge is not None and vmerge.get(_VAL) != "restart" and col in open_merges:
                above = open_merges[col]
                above.rowspan = row_index - above.row + 1
                if text:  # Word keeps text typed into a continuation cell; so do we
                    above.text = f"{above.text}\n{text}" if above.text else text
            else:
                cell = Cell(row=row_index, col=col, text=text, colspan=span)
                cells.append(cell)
                for c in range(col, col + span):
                    open_merges.pop(c, None)
                if vmerge is not None:
                    open_merges[col] = cell
            col += span
    return Table(cells=cells)
