"""Word structure around the content (issue #8, part 2): a truth's DOCX rewritten the ways Word, WPS and
document-assembly tools wrap it, with the figures unchanged, so the truth is the expected reading as it is.

Kinds (each a rewrite of the XML python-docx wrote; ``rng`` picks the cells, rows and tables):

* ``sdt`` — content controls (``w:sdt``) around a run, a cell (row → sdt → cell: plain, gridSpan, vMerge
  restart and continuation), a row, a group of rows, a whole table, a group of paragraphs, one inside another;
* ``textbox`` — a table and its heading inside a floating text box: ``mc:AlternateContent`` with a ``wps:txbx``
  Choice and a VML Fallback, each holding the same content; another table in a VML-only box (``w:pict``);
* ``tracked`` — tracked changes to accept: figures inserted (``w:ins``) over deleted ones (``w:delText``),
  figures moved (``w:moveFrom`` → ``w:moveTo``), a deleted row and a deleted old copy of a table
  (``w:trPr/w:del``), an inserted row, a deleted paragraph and a moved one, a heading partly retyped;
* ``nested`` — two tables and their headings inside the cells of a layout table;
* ``altchunk`` — parts imported with ``w:altChunk``: a table section as HTML, another as a nested .docx, a
  narrative paragraph as plain text, and an RTF attachment the readers do not read (the truth then expects a
  flag of kind ``unread_part``).

``python -m tests.fixture_builder.word_structure --committed`` (re)writes ``tests/fixtures/word/``;
``--out DIR --seed N --truths a,b`` renders a fresh set (other truths, other picks) for measuring.
"""

from __future__ import annotations

import argparse
import copy
import io
import json
import random
from collections.abc import Callable
from pathlib import Path

import docx
from docx.opc.constants import RELATIONSHIP_TYPE as RT
from docx.opc.packuri import PackURI
from docx.opc.part import Part
from docx.oxml.ns import qn
from lxml import etree

from .build import ED2021_LABELS, FIXTURES, STYLES
from .render_docx import render_docx
from .render_html import _table as html_table
from .layout import grids

WORD = FIXTURES / "word"
W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
MC = "http://schemas.openxmlformats.org/markup-compatibility/2006"
WPS = "http://schemas.microsoft.com/office/word/2010/wordprocessingShape"
WP = "http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing"
A = "http://schemas.openxmlformats.org/drawingml/2006/main"
V = "urn:schemas-microsoft-com:vml"
R = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
COMMITTED_TRUTHS = ("baoshan-2020", "hejiang-2022")  # the set tuned on
HELD_OUT_TRUTHS = ("jinan-2023-mixed", "luxian-2022", "xuhui-2019-broken", "minhang-2020")

_ids = iter(range(1000, 10**6))


def el(tag: str, attrs: dict | None = None, *children, text: str | None = None):
    """An element by prefixed name (w:, mc:, wps:, wp:, a:, v:, r:)."""
    ns = {"w": W, "mc": MC, "wps": WPS, "wp": WP, "a": A, "v": V, "r": R}
    prefix, local = tag.split(":")
    node = etree.Element(f"{{{ns[prefix]}}}{local}", nsmap={prefix: ns[prefix]})
    for k, v in (attrs or {}).items():
        p, n = k.split(":")
        node.set(f"{{{ns[p]}}}{n}", str(v))
    for c in children:
        node.append(c)
    if text is not None:
        node.text = text
    return node


def _change(tag: str, *children):
    return el(tag, {"w:id": next(_ids), "w:author": "审核人", "w:date": "2023-01-10T09:00:00Z"}, *children)


def _sdt(*content, alias: str = "内容控件"):
    pr = el("w:sdtPr", None, el("w:alias", {"w:val": alias}), el("w:id", {"w:val": next(_ids)}))
    return el("w:sdt", None, pr, el("w:sdtContent", None, *content))


def _wrap(nodes: list, wrapper) -> None:
    """Put ``nodes`` (siblings, in order) inside ``wrapper`` at the place of the first."""
    nodes[0].addprevious(wrapper)
    inner = wrapper.find(qn("w:sdtContent"))
    for n in nodes:
        (inner if inner is not None else wrapper).append(n)


def body_map(document, truth: dict) -> list[tuple[dict, object]]:
    """(truth body item, its element) for title, issuer and every body item, in order; tables' trailing
    empty paragraphs are left out."""
    children = [c for c in document.element.body.iterchildren() if c.tag in (qn("w:p"), qn("w:tbl"))]
    items = [{"title": truth["title"]}, {"issuer": truth["issuer"]}] + truth["body"]
    out, i = [], 0
    for item in items:
        node = children[i]
        out.append((item, node))
        i += 1
        if node.tag == qn("w:tbl"):
            i += 1  # the spacing paragraph after a table
    return out


def tables(document, truth: dict) -> dict[str, object]:
    return {item["table"]: node for item, node in body_map(document, truth) if "table" in item}


def heading_of(document, truth: dict, table: str):
    """The h1 paragraph right before a table's first paragraphs (its section heading)."""
    pairs = body_map(document, truth)
    idx = next(i for i, (item, _) in enumerate(pairs) if item.get("table") == table)
    return next(node for item, node in reversed(pairs[:idx]) if "h1" in item)


def _rows(tbl) -> list:
    return list(tbl.iterchildren(qn("w:tr")))


def _cells(tr) -> list:
    return list(tr.iterchildren(qn("w:tc")))


def _figure_cells(tbl) -> list:
    """Cells whose text is a figure (digits), as python-docx wrote them."""
    out = []
    for tr in _rows(tbl):
        for tc in _cells(tr):
            text = "".join(t.text or "" for t in tc.iter(qn("w:t")))
            if text and text[0].isdigit():
                out.append(tc)
    return out


def _text(node) -> str:
    return "".join(t.text or "" for t in node.iter(qn("w:t")))


def _runs_with_text(node) -> list:
    return [r for r in node.iter(qn("w:r")) if r.find(qn("w:t")) is not None]


# --- sdt ----------------------------------------------------------------------------------------------------

def sdt(document, truth: dict, rng: random.Random) -> None:
    t = tables(document, truth)
    pairs = body_map(document, truth)
    # a run: a figure's run inside a run-level content control
    for tc in rng.sample(_figure_cells(t["proactive"]), 3):
        run = _runs_with_text(tc)[0]
        _wrap([run], _sdt(alias="数字"))
    # cells: row → sdt → cell, a plain figure cell, a gridSpan cell, a vMerge restart and its continuation
    req = t["requests"]
    rows = _rows(req)
    for tc in rng.sample(_figure_cells(req), 4):
        _wrap([tc], _sdt(alias="单元格"))
    spanned = [tc for tr in rows for tc in _cells(tr) if tc.find(f"{qn('w:tcPr')}/{qn('w:gridSpan')}") is not None]
    _wrap([rng.choice(spanned)], _sdt(alias="合并单元格"))
    vmerged = [tc for tr in rows for tc in _cells(tr) if tc.find(f"{qn('w:tcPr')}/{qn('w:vMerge')}") is not None]
    restart = [tc for tc in vmerged if tc.find(f"{qn('w:tcPr')}/{qn('w:vMerge')}").get(qn("w:val")) == "restart"]
    cont = [tc for tc in vmerged if tc not in restart]
    _wrap([rng.choice(restart)], _sdt(alias="纵向合并"))
    _wrap([rng.choice(cont)], _sdt(alias="纵向合并续"))
    # a row, and a group of rows (in one table), and a row group inside a whole-table control
    rows = _rows(req)
    start = rng.randrange(4, len(rows) - 6)
    _wrap([rows[start]], _sdt(alias="行"))
    _wrap(rows[start + 2:start + 5], _sdt(alias="行组"))
    pro_rows = _rows(t["proactive"])
    k = rng.randrange(1, len(pro_rows) - 3)
    _wrap(pro_rows[k:k + 3], _sdt(alias="行组"))
    _wrap([t["proactive"]], _sdt(alias="表格"))
    # a whole table inside a control inside a control
    inner = _sdt(alias="表格")
    _wrap([t["appeals"]], inner)
    _wrap([inner], _sdt(alias="章节"))
    # a group of paragraphs (a heading with its text)
    paras = [(item, node) for item, node in pairs if "table" not in item]
    i = rng.randrange(2, len(paras) - 3)
    group = [node for _, node in paras[i:i + 3]]
    if all(a.getnext() is b for a, b in zip(group, group[1:])):
        _wrap(group, _sdt(alias="段落"))
    # block-level sdt inside a cell (cell → sdt → paragraph)
    tc = rng.choice(_figure_cells(t["requests"]))
    _wrap([tc.find(qn("w:p"))], _sdt(alias="单元格段落"))


# --- text boxes ---------------------------------------------------------------------------------------------

def _txbx_content(nodes: list):
    box = el("w:txbxContent")
    for n in nodes:
        box.append(n)
    box.append(el("w:p"))  # Word ends a text box with a paragraph after its table
    return box


def _wps_drawing(content, name: str):
    """A floating DrawingML text box (wp:anchor → wps:wsp → wps:txbx), as Word 2010+ writes it."""
    cx, cy = "6480000", "2880000"
    xml = f"""<w:drawing xmlns:w="{W}" xmlns:wp="{WP}" xmlns:a="{A}" xmlns:wps="{WPS}">
<wp:anchor distT="0" distB="0" distL="114300" distR="114300" simplePos="0" relativeHeight="251659264" behindDoc="0"
 locked="0" layoutInCell="1" allowOverlap="1"><wp:simplePos x="0" y="0"/>
<wp:positionH relativeFrom="column"><wp:posOffset>0</wp:posOffset></wp:positionH>
<wp:positionV relativeFrom="paragraph"><wp:posOffset>0</wp:posOffset></wp:positionV>
<wp:extent cx="{cx}" cy="{cy}"/><wp:wrapTopAndBottom/><wp:docPr id="{next(_ids)}" name="{name}"/>
<a:graphic><a:graphicData uri="http://schemas.microsoft.com/office/word/2010/wordprocessingShape">
<wps:wsp><wps:cNvSpPr txBox="1"/><wps:spPr><a:xfrm><a:off x="0" y="0"/><a:ext cx="{cx}" cy="{cy}"/></a:xfrm>
<a:prstGeom prst="rect"><a:avLst/></a:prstGeom></wps:spPr><wps:txbx/><wps:bodyPr/></wps:wsp>
</a:graphicData></a:graphic></wp:anchor></w:drawing>"""
    drawing = etree.fromstring(xml)
    drawing.find(f".//{{{WPS}}}txbx").append(content)
    return drawing


def _vml_pict(content):
    shape = el("v:shape", None, el("v:textbox", None, content))
    shape.set("id", f"_x0000_s{next(_ids)}")
    shape.set("type", "#_x0000_t202")
    shape.set("style", "position:absolute;width:510pt;height:226pt;z-index:1")
    return el("w:pict", None, shape)


def textbox(document, truth: dict, rng: random.Random) -> None:
    t = tables(document, truth)
    first, second = rng.sample(["requests", "appeals"], 2)
    head = heading_of(document, truth, first)
    # Choice (wps) + Fallback (VML), each with its own copy of the heading and the table
    tbl = t[first]
    anchor = el("w:p")
    head.addprevious(anchor)
    choice_nodes = [head, tbl]
    fallback_nodes = [copy.deepcopy(n) for n in choice_nodes]
    for n in choice_nodes:
        n.getparent().remove(n)
    alt = el("mc:AlternateContent", None,
             el("mc:Choice", None, _wps_drawing(_txbx_content(choice_nodes), "文本框 1")),
             el("mc:Fallback", None, _vml_pict(_txbx_content(fallback_nodes))))
    alt[0].set("Requires", "wps")
    anchor.append(el("w:r", None, alt))
    # VML only: an old-style text box (w:pict), the table without its heading
    tbl = t[second]
    anchor = el("w:p")
    tbl.addprevious(anchor)
    tbl.getparent().remove(tbl)
    anchor.append(el("w:r", None, _vml_pict(_txbx_content([tbl]))))


# --- tracked changes ----------------------------------------------------------------------------------------

def _run_like(run, text: str, deleted: bool = False):
    new = copy.deepcopy(run)
    for t in new.findall(qn("w:t")):
        new.remove(t)
    new.append(el("w:delText" if deleted else "w:t", text=text))
    return new


def _mark_paragraph(p, tag: str) -> None:
    ppr = p.find(qn("w:pPr"))
    if ppr is None:
        ppr = el("w:pPr")
        p.insert(0, ppr)
    rpr = ppr.find(qn("w:rPr"))
    if rpr is None:
        rpr = el("w:rPr")
        ppr.append(rpr)
    rpr.append(_change(tag))


def _delete_row(tr) -> None:
    trpr = tr.find(qn("w:trPr"))
    if trpr is None:
        trpr = el("w:trPr")
        tr.insert(0, trpr)
    trpr.append(_change("w:del"))
    for run in list(tr.iter(qn("w:r"))):
        for t in run.findall(qn("w:t")):
            t.tag = qn("w:delText")
        wrapper = _change("w:del")
        run.addprevious(wrapper)
        wrapper.append(run)


def tracked(document, truth: dict, rng: random.Random) -> None:
    t = tables(document, truth)
    pairs = body_map(document, truth)
    # figures retyped: the new one inserted, the old one deleted (w:delText)
    for tc in rng.sample(_figure_cells(t["requests"]), 5):
        run = _runs_with_text(tc)[0]
        value = run.find(qn("w:t")).text
        old = str(int(value) + rng.randint(1, 9)) if value.isdigit() else "0"
        run.addprevious(_change("w:del", _run_like(run, old, deleted=True)))
        run.addprevious(_change("w:ins", _run_like(run, value)))
        run.getparent().remove(run)
    # a figure moved into its cell from the neighbouring cell (moveFrom keeps w:t, as Word writes it)
    figs = _figure_cells(t["proactive"])
    for tc in rng.sample(figs, 3):
        run = _runs_with_text(tc)[0]
        value = run.find(qn("w:t")).text
        neighbour = tc.getnext() if tc.getnext() is not None and tc.getnext().tag == qn("w:tc") else tc.getprevious()
        mv = rng.randint(100, 999)
        start = el("w:moveFromRangeStart", {"w:id": mv, "w:name": f"move{mv}"})
        end = el("w:moveFromRangeEnd", {"w:id": mv})
        holder = neighbour.find(qn("w:p"))
        holder.append(start)
        holder.append(_change("w:moveFrom", _run_like(run, value)))
        holder.append(end)
        run.addprevious(el("w:moveToRangeStart", {"w:id": mv, "w:name": f"move{mv}"}))
        run.addprevious(_change("w:moveTo", _run_like(run, value)))
        run.addprevious(el("w:moveToRangeEnd", {"w:id": mv}))
        run.getparent().remove(run)
    # a deleted row (an old figure row retyped below it), and an inserted row
    rows = _rows(t["requests"])
    k = rng.randrange(4, len(rows) - 2)
    old_row = copy.deepcopy(rows[k])
    for run in _runs_with_text(old_row):
        txt = run.find(qn("w:t"))
        if txt.text and txt.text.isdigit():
            txt.text = str(int(txt.text) + 3)
    rows[k].addprevious(old_row)
    _delete_row(old_row)
    ins_row = _rows(t["requests"])[k + 3]
    trpr = ins_row.find(qn("w:trPr"))
    if trpr is None:
        trpr = el("w:trPr")
        ins_row.insert(0, trpr)
    trpr.append(_change("w:ins"))
    # an old copy of the appeals table, deleted row by row, before the table itself
    old = copy.deepcopy(t["appeals"])
    for run in _runs_with_text(old):
        txt = run.find(qn("w:t"))
        if txt.text and txt.text.isdigit():
            txt.text = str(int(txt.text) * 2 + 1)
    t["appeals"].addprevious(old)
    for tr in _rows(old):
        _delete_row(tr)
    # a heading partly retyped: the deleted words in w:delText, the inserted ones in w:ins
    h1s = [node for item, node in pairs if "h1" in item]
    head = rng.choice(h1s)
    run = _runs_with_text(head)[0]
    text = run.find(qn("w:t")).text
    cut = max(2, len(text) - 2)
    run.find(qn("w:t")).text = text[:cut]
    run.addnext(_change("w:ins", _run_like(run, text[cut:])))
    run.addnext(_change("w:del", _run_like(run, "工作情况", deleted=True)))
    # a paragraph deleted whole (its mark too), and one moved (its old place marked moveFrom)
    paras = [node for item, node in pairs if "p" in item]
    gone = copy.deepcopy(rng.choice(paras))
    for r in _runs_with_text(gone):
        r.find(qn("w:t")).tag = qn("w:delText")
        r.addprevious(_change("w:del"))
        r.getprevious().append(r)
    _mark_paragraph(gone, "w:del")
    rng.choice(h1s).addprevious(gone)
    moved = rng.choice(paras)
    ghost = copy.deepcopy(moved)
    for r in _runs_with_text(ghost):
        r.addprevious(_change("w:moveFrom"))
        r.getprevious().append(r)
    _mark_paragraph(ghost, "w:moveFrom")
    for r in _runs_with_text(moved):
        r.addprevious(_change("w:moveTo"))
        r.getprevious().append(r)
    _mark_paragraph(moved, "w:moveTo")
    others = [n for n in h1s if n is not moved]
    rng.choice(others).addprevious(ghost)


# --- nested tables ------------------------------------------------------------------------------------------

def nested(document, truth: dict, rng: random.Random) -> None:
    """The requests and appeals sections (heading + table) in the two rows of a one-column layout table;
    the proactive table inside the right cell of a two-column layout row with a caption cell on its left."""
    t = tables(document, truth)
    layout = el("w:tbl", None, el("w:tblPr", None, el("w:tblW", {"w:w": 5000, "w:type": "pct"})),
                el("w:tblGrid", None, el("w:gridCol", {"w:w": 9000})))
    heads = {name: heading_of(document, truth, name) for name in ("requests", "appeals")}
    for name in ("requests", "appeals"):
        head, tbl = heads[name], t[name]
        tc = el("w:tc", None, el("w:tcPr", None, el("w:tcW", {"w:w": 9000, "w:type": "dxa"})))
        if name == "requests":
            head.addprevious(layout)
        for n in (head, tbl):
            n.getparent().remove(n)
            tc.append(n)
        tc.append(el("w:p"))
        layout.append(el("w:tr", None, tc))
    pro = t["proactive"]
    side = el("w:tbl", None, el("w:tblPr", None, el("w:tblW", {"w:w": 5000, "w:type": "pct"})),
              el("w:tblGrid", None, el("w:gridCol", {"w:w": 600}), el("w:gridCol", {"w:w": 8400})))
    pro.addprevious(side)
    pro.getparent().remove(pro)
    left = el("w:tc", None, el("w:tcPr", None, el("w:tcW", {"w:w": 600, "w:type": "dxa"})), el("w:p"))
    right = el("w:tc", None, el("w:tcPr", None, el("w:tcW", {"w:w": 8400, "w:type": "dxa"})), pro, el("w:p"))
    side.append(el("w:tr", None, left, right))


# --- altChunk -----------------------------------------------------------------------------------------------

def _add_chunk(document, name: str, content_type: str, blob: bytes):
    part = Part(PackURI(f"/word/{name}"), content_type, blob, document.part.package)
    rid = document.part.relate_to(part, RT.A_F_CHUNK)
    return el("w:altChunk", {"r:id": rid})


def _chunk_docx(truth: dict, style: dict, table: str, heading: str) -> bytes:
    """A small .docx holding one section: its heading and its table."""
    mini = {**truth, "body": [{"h1": heading}, {"table": "proactive"}, {"table": "requests"}, {"table": "appeals"}]}
    buf = Path("/tmp") / f"gongkai-chunk-{next(_ids)}.docx"
    render_docx(mini, buf, style)
    d = docx.Document(str(buf))
    buf.unlink()
    body = d.element.body
    pairs = body_map(d, mini)
    for item, node in pairs:  # keep the heading and the one table: drop title, issuer, other tables
        if item.get("table") != table and "h1" not in item:
            nxt = node.getnext()
            body.remove(node)
            if item.get("table") and nxt is not None and nxt.tag == qn("w:p") and not _text(nxt):
                body.remove(nxt)
    out = io.BytesIO()
    d.save(out)
    return out.getvalue()


def altchunk(document, truth: dict, rng: random.Random, style: dict) -> None:
    t = tables(document, truth)
    pairs = body_map(document, truth)
    as_html, as_docx = rng.sample(["requests", "appeals"], 2)
    heads = {name: heading_of(document, truth, name) for name in ("requests", "appeals")}
    g = grids(truth, style.get("labels"))
    # one section as an HTML part
    head, tbl = heads[as_html], t[as_html]
    title = _text(head)
    html = (f"<html><head><meta charset=\"utf-8\"></head><body><p><b>{title}</b></p>\n"
            f"{html_table(g[as_html], False)}\n</body></html>").encode("utf-8")
    head.addprevious(_add_chunk(document, "afchunk1.htm", "text/html", html))
    for n in (head, tbl):
        n.getparent().remove(n)
    # another as a nested .docx
    head, tbl = heads[as_docx], t[as_docx]
    blob = _chunk_docx(truth, style, as_docx, _text(head))
    head.addprevious(_add_chunk(document, "afchunk2.docx",
                                "application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml",
                                blob))
    for n in (head, tbl):
        n.getparent().remove(n)
    # a narrative paragraph as plain text
    paras = [(item, node) for item, node in pairs if "p" in item]
    item, node = rng.choice(paras)
    node.addprevious(_add_chunk(document, "afchunk3.txt", "text/plain", (item["p"] + "\r\n").encode("utf-8")))
    node.getparent().remove(node)
    # an attachment imported as RTF, which the readers do not read: the document must say so
    rtf = b"{\\rtf1\\ansi\\ansicpg936 {\\fonttbl{\\f0 SimSun;}}\\f0 \\'b8\\'bd\\'bc\\'fe\\par}"
    document.element.body.find(qn("w:sectPr")).addprevious(_add_chunk(document, "afchunk4.rtf", "application/rtf", rtf))
    return [{"kind": "unread_part"}]


KINDS: dict[str, Callable] = {"sdt": sdt, "textbox": textbox, "tracked": tracked, "nested": nested,
                              "altchunk": altchunk}


def style_of(truth: dict) -> dict:
    style = dict(STYLES.get(truth["name"], {}))
    if truth["edition"] == "ed2021":
        style["labels"] = {**ED2021_LABELS, **style.get("labels", {})}
    return style


def fixture_truth(name: str) -> dict:
    return json.loads((FIXTURES / name / "truth.json").read_text(encoding="utf-8"))


def render(truth: dict, kind: str, seed: int, out_dir: Path) -> Path:
    """``out_dir/<kind>-<truth>/<kind>-<truth>.docx`` and its truth.json (the base truth, kind noted)."""
    name = f"{kind}-{truth['name']}"
    folder = out_dir / name
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / f"{name}.docx"
    style = style_of(truth)
    render_docx(truth, path, style)
    document = docx.Document(str(path))
    rng = random.Random(f"{seed}-{kind}-{truth['name']}")
    fn = KINDS[kind]
    flags = (fn(document, truth, rng, style) if kind == "altchunk" else fn(document, truth, rng)) or []
    document.save(str(path))
    out_truth = {**truth, "name": name, "word_structure": {"kind": kind, "seed": seed, "base": truth["name"]},
                 "expected_flags": truth.get("expected_flags", []) + flags}
    (folder / "truth.json").write_text(json.dumps(out_truth, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
    return path


def render_set(truth_names, seed: int, out_dir: Path, kinds=tuple(KINDS)) -> list[Path]:
    return [render(fixture_truth(n), k, seed, out_dir) for n in truth_names for k in kinds]


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(prog="python -m tests.fixture_builder.word_structure", description=__doc__,
                                 formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--committed", action="store_true", help=f"(re)write {WORD}")
    ap.add_argument("--out", type=Path)
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("--truths", default=",".join(HELD_OUT_TRUTHS))
    args = ap.parse_args(argv)
    if args.committed:
        files = render_set(COMMITTED_TRUTHS, 1, WORD)
    elif args.out:
        files = render_set(args.truths.split(","), args.seed, args.out)
    else:
        ap.error("--committed or --out DIR")
    print("\n".join(str(f) for f in files))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())


def expected_paragraphs(truth: dict) -> list[str]:
    """The paragraph texts a reading must give, in order: title, issuer, then the body's headings and text."""
    return [truth["title"], truth["issuer"]] + [text for item in truth["body"] for kind, text in item.items()
                                                 if kind != "table"]
