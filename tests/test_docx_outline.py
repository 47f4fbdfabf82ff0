"""The DOCX body read two ways gives the same blocks: the XSLT outline (extractors/readers/docx_fast.py), used
for most documents, against the Python walk it stands in for (docx._Reader.blocks), on every committed DOCX the
outline reads and on generated bodies mixing what the two must agree on: content controls and other wrappers
at every level, tracked changes (deleted runs, rows, cells, paragraph marks), vMerge/gridSpan/gridBefore in
every spelling, styles and outline levels, tabs, breaks, field instructions, nested (layout) tables."""

from __future__ import annotations

import random

import pytest
from lxml import etree

from extractors.readers import docx
from extractors.readers.docx_fast import outline
from extractors.readers.docx_package import XML_PARSER, Package
from tests.conftest import FIXTURES

W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
STYLES = {"Heading1": "heading 1", "H2": "标题 2", "": "heading 3", "Normal": "Normal"}


def _both(main, root, styles: dict | None = None) -> tuple[list, list]:
    readers = [docx._Reader(main, 0, pictures=False) for _ in range(2)]
    if styles is not None:
        for reader in readers:
            reader.__dict__["styles"] = styles  # the cached property, set: no styles part to read
    fast = outline(root)
    assert fast is not None
    return readers[0].outline_blocks(fast), readers[1].blocks(root.find(docx._BODY))


def test_every_committed_docx_the_outline_reads_reads_as_the_walk():
    read = 0
    for path in sorted(FIXTURES.rglob("*.docx")):
        main = Package(path.read_bytes()).main
        root = main.element()
        if root.find(docx._BODY) is None or not docx._plain(root):
            continue
        fast, walked = _both(main, root)
        assert fast == walked, path
        read += 1
    assert read >= 70  # most committed documents hold no text box, picture nor altChunk (77 of them)


def test_a_text_box_picture_or_altchunk_is_left_to_the_walk():
    for inner in ("<w:txbxContent/>", '<a:blip xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main"/>',
                  "<w:altChunk/>", "<w:t>a<w:b/></w:t>"):
        root = etree.fromstring(f'<w:document xmlns:w="{W}"><w:body><w:p><w:r>{inner}</w:r></w:p></w:body>'
                                "</w:document>", XML_PARSER)
        assert not docx._plain(root)


_WRAPPERS = ["sdt/sdtContent", "customXml", "smartTag", "ins", "moveTo", "sdtContent", "del", "moveFrom"]


def _wrap(rng: random.Random, xml: str) -> str:
    if rng.random() >= 0.25:
        return xml
    names = rng.choice(_WRAPPERS).split("/")
    opening = "".join(f"<w:{n}>" for n in names)
    if names[0] == "sdt" and rng.random() < 0.5:  # content control properties: never text
        opening = opening.replace("<w:sdt>", "<w:sdt><w:sdtPr><w:t>hidden</w:t></w:sdtPr>", 1)
    return opening + xml + "".join(f"</w:{n}>" for n in reversed(names))


def _run(rng: random.Random) -> str:
    text = rng.choice(["一", " 二 ", "12", "", " ", "a b", "标题", "\u3000x"])
    inner = rng.choice([f"<w:t>{text}</w:t>", f'<w:t xml:space="preserve">{text}</w:t>', "<w:tab/>", "<w:br/>",
                        "<w:cr/>", "<w:ptab/>", f"<w:delText>{text}</w:delText>", "<w:instrText>X</w:instrText>",
                        "<w:t/>"])
    run = f"<w:r>{'<w:rPr><w:b/></w:rPr>' if rng.random() < 0.5 else ''}{inner}{inner if rng.random() < 0.3 else ''}" \
          "</w:r>"
    kind = rng.random()
    if kind < 0.1:
        run = f"<w:hyperlink>{run}</w:hyperlink>"
    elif kind > 0.9:
        run = f"<w:fldSimple>{run}</w:fldSimple>"
    return _wrap(rng, run)


def _paragraph(rng: random.Random) -> str:
    props = ""
    if rng.random() < 0.6:
        bits = []
        if rng.random() < 0.3:
            bits.append(rng.choice(['<w:pStyle w:val="Heading1"/>', '<w:pStyle w:val="H2"/>', "<w:pStyle/>",
                                    '<w:pStyle w:val=""/>', '<w:pStyle w:val="Normal"/>']))
        if rng.random() < 0.2:
            bits.append('<w:tabs><w:tab w:val="left" w:pos="1"/></w:tabs>')  # tab stops: no text
        if rng.random() < 0.2:
            bits.append(rng.choice(['<w:outlineLvl w:val="0"/>', '<w:outlineLvl w:val="x"/>', "<w:outlineLvl/>",
                                    '<w:outlineLvl w:val=" 2 "/>']))
        if rng.random() < 0.2:
            bits.append(rng.choice(["<w:rPr><w:del/></w:rPr>", "<w:rPr><w:moveFrom/></w:rPr>",
                                    "<w:rPr><w:ins/></w:rPr>"]))
        props = "<w:pPr>" + "".join(bits) + "</w:pPr>"
    return _wrap(rng, f"<w:p>{props}{''.join(_run(rng) for _ in range(rng.randint(0, 4)))}</w:p>")


def _table(rng: random.Random, depth: int) -> str:
    rows = []
    for _ in range(rng.randint(0, 4)):
        row_props = ""
        if rng.random() < 0.3:
            row_props = "<w:trPr>" + rng.choice(['<w:gridBefore w:val="1"/>', '<w:gridBefore w:val="x"/>',
                                                 "<w:gridBefore/>", "<w:del/>", ""]) + "</w:trPr>"
        cells = []
        for _ in range(rng.randint(0, 4)):
            cell_props = ""
            if rng.random() < 0.6:
                cell_props = "<w:tcPr>" + "".join(rng.sample(
                    ['<w:gridSpan w:val="2"/>', '<w:gridSpan w:val="z"/>', "<w:vMerge/>", "<w:gridSpan/>",
                     '<w:vMerge w:val="restart"/>', '<w:vMerge w:val="continue"/>', "<w:cellDel/>"],
                    rng.randint(0, 2))) + "</w:tcPr>"
            cells.append(_wrap(rng, f"<w:tc>{cell_props}{_blocks(rng, depth + 1, 2)}</w:tc>"))
        rows.append(_wrap(rng, f"<w:tr>{row_props}{''.join(cells)}</w:tr>"))
    return _wrap(rng, f"<w:tbl><w:tblPr/>{''.join(rows)}</w:tbl>")


def _blocks(rng: random.Random, depth: int, most: int) -> str:
    return "".join(_table(rng, depth) if depth < 3 and rng.random() < 0.25 else _paragraph(rng)
                   for _ in range(rng.randint(0, most)))


@pytest.mark.parametrize("seed", range(4))
def test_generated_bodies_read_the_same_both_ways(seed):
    rng = random.Random(seed)
    for _ in range(150):
        body = _blocks(rng, 0, 8)
        root = etree.fromstring(f'<w:document xmlns:w="{W}"><w:body>{body}<w:sectPr/></w:body></w:document>',
                                XML_PARSER)
        fast, walked = _both(None, root, STYLES)
        assert fast == walked, body
