"""Borderless fixtures, one per way the word-built tables (``extractors.readers.borderless``) went wrong on the
tables of fresh variants read without their rulings (``python -m tests.fixture_builder.unruled``).

Each case is a fresh random truth (``randtruth.draw(seed, index)``) dressed with the kinds that print the
failing layout and with no ruling at all (the ``borderless`` kind, or its effect set after the other kinds when
it is not among them: the variant of a fresh set as drawn, its rulings dropped), rendered by one producer into
``tests/fixtures/borderless-cases/<name>/`` with its truth (and those of ``OFD_CASES`` by easyofd as well). ``python -m tests.fixture_builder.borderless_cases``
rewrites them all (``NAME…``: only those).
"""

from __future__ import annotations

import sys

from .randtruth import draw
from .scan import FIXTURES
from .variants import make, render

OUT = FIXTURES / "borderless-cases"

# name (it picks the reportlab font: a case keeps its name), (draw seed, index), kinds, format, the kinds' seed
# (None: draw seed × 1000 + index); what each prints, above it
CASES: list[tuple[str, tuple[int, int], list[str], str, int | None]] = [
    # 规章 printed all blank: the first row under the header has no figure at all
    ("blank-first-row-2019", (9341, 2), ["borderless"], "pdf-libreoffice", None),
    # a requests row broken by the page end: the tail of its label heads the next page, under the header repeated
    ("row-break-tail-2023", (9341, 6), ["borderless", "row-break"], "pdf-reportlab", None),
    # 四、结转下年度继续办理 printed all blank: the table's last row has no figure at all
    ("blank-last-row-2023", (9341, 16), ["borderless"], "pdf-libreoffice", None),
    # （六）其他处理 printed blank in the parent label column, right above （七）总计
    ("blank-parent-row-2019", (9341, 38), ["borderless"], "pdf-libreoffice", None),
    # rows printed blank one under the other beside a label printed one character a line
    ("blank-rows-vertical-2019", (9341, 35), ["borderless", "wps-vertical"], "pdf-reportlab", None),
    # 三、本 (the parent label printed one piece a line) beside 2.没有现成信息…, a row printed blank, above
    # the next row's figures
    ("parent-opener-beside-blank-row-2024", (9417, 9), ["borderless"], "pdf-reportlab", None),
    # （二）部分公开 prints one figure (the others blank), its label wrapped above and below it
    ("lone-figure-2021", (9417, 11), ["borderless", "vertical-label", "extra-rows"], "pdf-reportlab", None),
    # the 无 of （四）无法提供 printed one character a line stands beside a row's figures, like a blank printed 无
    ("stray-blank-vertical-2021", (9417, 11), ["borderless", "vertical-label"], "pdf-libreoffice", 3),
    # a 第二十条 block whose heading stays at the foot of a page: its header and one row of one figure on the next
    ("headed-single-row-2023", (9417, 6), ["borderless", "orphan-heading"], "pdf-libreoffice", 2),
    # 三、本 (a parent label printed a piece a line) and the 理 of （五）不予处理 beside 出具已获取信息, the wrapped
    # tail of the row above, on one line above （六）其他处理's figures
    ("label-pieces-2020", (9533, 20), ["split-repeat", "extra-rows", "money-units"], "pdf-libreoffice", None),
    # full-width figures wrapped in the narrow 总计 column: １１０ above the row's line, ６ below it
    ("wrapped-figure-2024", (9533, 30), ["fullwidth", "vertical-label"], "pdf-libreoffice", None),
    # the appeals table printing four figures (zeros blank): 行政诉讼, centred over ten columns, falls between two
    ("one-row-group-heading-2019", (9533, 15), ["split-repeat", "orphan-heading"], "pdf-reportlab", None),
    # the appeals table printing three figures (zeros blank), the last cell blank: its columns are known only
    # from the headings over several columns (行政复议 over five, 未经复议直接起诉 over five under 行政诉讼)
    ("one-row-spanning-headings-2020", (9533, 6), ["tables-first", "extra-rows"], "pdf-reportlab", None),
    # figures drawn with wide spacing and wrapped in narrow columns: 1 0 5 and 1 1 6 above the row's line
    # (two figures: a line of figures of its own), 4 and 3 below it
    ("wrapped-spaced-digits-2022", (9629, 0), ["wps-vertical", "spaced-digits"], "pdf-reportlab", None),
    # 5亿2020万元 in a borderless table; easyofd's rendering (OFD_CASES) sets 5 apart from 亿2020 万元
    ("mixed-magnitude-2020", (9629, 24), ["borderless", "mixed-magnitude"], "pdf-libreoffice", None),
    # sub-labels numbered as sections are (二、部分公开（区分处理的…): the line reads as a heading inside the table
    ("heading-like-label-2019", (9781, 6), ["numbering"], "pdf-libreoffice", None),
    # the appeals table printing two figures (its zeros blank) under its headings: a table of one row whose
    # columns come from the headings' pitch
    ("two-figure-appeals-2024", (9781, 30), ["wps-vertical", "money-units"], "pdf-libreoffice", None),
    # the appeals table's row opening with a printed blank (/ under 结果纠正, 结果维持 blank): no row labels
    ("one-row-blank-first-2024", (9781, 32), ["vertical-label", "money-units"], "pdf-libreoffice", None),
    # the fee block's header broken over lines (本年 | 信息内容 | 收费金额), each heading on a line of its own,
    # above its one row (行政事业性收费 3.11)
    ("broken-header-one-row-2021", (9857, 22), ["broken-headers", "orphan-heading", "tables-first"],
     "pdf-libreoffice", None),
    # a sum of money drawn with wide spacing ('4 . 6 7   万 元'): the space before its unit spaced out too
    ("spaced-money-unit-2020", (8837, 13), ["spaced-digits"], "pdf-reportlab", None),
    # the fee block printing no figure at all (行政事业性收费 left blank under its headings): no line of it
    # holds a figure, so its label comes out a paragraph
    ("blank-fee-block-2024", (8837, 37), ["blanks"], "pdf-libreoffice", None),
    # a table cut by the page end with its header repeated, full-width figures wrapped in the narrow 总计
    # column (２１５ above the row's line, ９ below): the pieces left beside the first part came back twice
    ("split-wrapped-fullwidth-2024", (9511, 27), ["fullwidth", "numbering", "split-repeat"], "pdf-libreoffice",
     None),
    # （一）予以公开 printed all blank right above （二）部分公开（区分处理的… whose label wraps over its figures
    ("blank-row-above-wrapped-opener-2019", (9743, 9), ["signs-thousands"], "pdf-libreoffice", None),
    # 二、上年结转政府信息公开申请数量 printed all blank right above （一）予以公开's figures, its label running
    # on past where （一） opens
    ("blank-long-row-above-child-2020", (9859, 13), [], "pdf-libreoffice", None),
    # the fee block's one figure with its label wrapped around it (行政事业性收 / 53.15 / 费) under a header
    # broken over lines: the figure's line holds nothing else, and no other figure line is near
    ("fee-label-around-figure-2024", (1229, 38), ["wrapped-labels", "label-variants", "broken-headers"],
     "pdf-reportlab", None),
    # the requests header stranded at the foot of a page and not joined back: a table of no header, whose rows
    # printing their 总计 blank (2.重复申请 … 0 / —) must keep their figures in their columns
    ("headerless-blank-total-2023", (1237, 7), ["wrapped-labels", "stranded-header"], "pdf-reportlab", None),
    # a total of thousands wrapped in the narrow 总计 column inside its grouping: 1,23 above the row's line, 6
    # below it (1,23 is no figure by itself)
    ("wrapped-thousands-2022", (4409, 16), ["signs-thousands", "spaced-digits"], "pdf-reportlab", None),
    # two totals of thousands wrapped in one row, in two columns: 1,14 and 1,36 above the row's line, 4 and 8 below
    ("wrapped-thousands-two-2023", (1249, 32), ["signs-thousands", "spaced-digits"], "pdf-reportlab", None),
    # the procurement sum, spaced out in 万元, wrapped across its row's line (26.896675 万 above, 元 below), the
    # row printing its label only (the count blank)
    ("sum-wrapped-across-label-2020", (4421, 4), ["spaced-digits", "money-units"], "pdf-reportlab", None),
    # 12亿零568万元 printed by LibreOffice with its autospace between the digits and the magnitudes (12 亿零 568 万元,
    # a fifth of the text height apart) in a fee row whose cell spans the columns of the blocks above: '12' stood
    # in a column of its own, the value read '亿零568万元'
    ("autospaced-magnitude-2021", (1311, 37), ["mixed-magnitude", "partial-rules", "extra-rows"], "pdf-libreoffice",
     None),
    # 行政许可 printed blank right above the next block's heading (第二十条第（六）项), the two lines close: the
    # heading was taken for the tail of a wrapped label, and the row for licensing came back as 行政许可第二十条…
    ("blank-row-above-block-2022", (1311, 5), ["split-repeat", "tables-first", "fullwidth"], "pdf-libreoffice",
     None),
    # 本年废止件数 printed blank in every row of a block (规章 all blank; 行政规范性文件 3, blank, 21) under its
    # heading between the two columns printing figures: its column is known only from the headings' pitch
    ("blank-middle-column-2022", (1349, 34), ["orphan-heading", "fake-bold"], "pdf-reportlab", None),
    # the proactive table cut before its last row (行政强制, the fee block not printed): that row alone opens the
    # next page, one label and one figure, too few to make a table there, and came back as a paragraph
    ("lone-last-row-2022", (1343, 9), ["split-plain", "missing-block"], "pdf-libreoffice", None),
    ("lone-last-row-2023", (1343, 34), ["split-plain", "page-cut-group", "missing-block"], "pdf-reportlab", None),
    # a block's heading and header stranded at a page's foot (第二十条第（六）项 | 信息内容 本年处理决定数量), its first
    # row printed blank opening the next page (行政处罚, then 行政强制 563): the row was taken for the header's tail
    ("blank-row-under-stranded-header-2021", (1349, 1), ["split-plain"], "pdf-libreoffice", None),
    # the appeals table's header (its headings wrapped over two lines: 结果维 / 持) stranded at a page's foot, its
    # one row of fifteen figures opening the next: a word in two header lines' boxes was kept twice, and the header
    # and the row were never rebuilt into one table (every appeals cell None)
    ("appeals-stranded-header-2020", (1351, 6), ["appeals-stranded-header"], "pdf-reportlab", None),
    # 3亿零193万元 printed spaced out (3 亿 零 1 9 3 万 元): the 零 stood alone between the figure's halves, and the
    # halves came back in two columns (3亿 | 零 193万元), the sum read as nothing
    ("spaced-zero-magnitude-2019", (1361, 18), ["mixed-magnitude", "spaced-digits"], "pdf-reportlab", None),
    # row labels centred in their cells (WPS): the block headings (第二十条第（五）项) stand further left than the
    # labels, in a label column of their own, and were taken for a parent label's piece joined to the row below
    ("centred-labels-blocks-2021", (1357, 9), ["centred-labels"], "pdf-reportlab", None),
    ("centred-labels-blocks-2020", (1357, 10), ["centred-labels"], "pdf-reportlab", None),
    # a row broken by the page end with its label's first lines at the page's foot, below the table's last figures
    # (（四）无法提 | 1.本机关不掌), its tail and figures opening the next page under the repeated header: the head
    # lines read as paragraphs between the two parts, which were never joined (the whole table's last rows lost)
    ("row-head-at-page-foot-2019", (1369, 19), ["row-break-low", "extra-rows", "vertical-label"], "pdf-reportlab",
     None),
    # row labels centred in narrow cells and wrapped: 一、本年新收政府信息公开申请数量, across both label columns, came
    # back in two (一、本年新收政府信息公 | 开申请数量: its centred second line under the row labels' column), and
    # neither piece alone proves a data row: 一 and 二 were taken for header rows, their figures lost
    ("centred-wrapped-row-heads-2019", (1377, 2), ["centred-labels", "wrapped-labels"], "pdf-reportlab", None),
    # the fee block's one row, its label centred and wrapped around its figure (行政事业性收 / 9700 / 费, 费 under
    # the middle of the line above, not at its start): the figure line was no row, the block no table
    ("centred-fee-row-2024", (1377, 0), ["centred-labels", "wrapped-labels"], "pdf-reportlab", None),
    # row labels centred in narrow label columns: the starts of a parent label's pieces, of the rows' labels and
    # of their wrapped lines run into one another (one label column by their starts), their middles do not; the
    # parent's pieces were read into the rows' labels (（三） 法权益 a row of its own, 4.保护第三方合 lost)
    ("centred-narrow-label-columns-2020", (1377, 7), ["centred-labels", "wrapped-labels"], "pdf-reportlab", None),
    ("centred-narrow-label-columns-2022", (1377, 1), ["centred-labels", "wrapped-labels"], "pdf-reportlab", None),
    # the appeals table's header stranded over two pages' feet (行政复议 | 行政诉讼 at one page's end, 结果维 结果纠 …
    # alone at the next page's top), its one row on the page after: the long line of fifteen headings was taken
    # for prose, so only part of the header was rebuilt with the row (every appeals cell None)
    ("appeals-header-over-two-pages-2024", (1383, 17), ["tables-first", "appeals-stranded-header"],
     "pdf-libreoffice", None),
    # the proactive table's first block printed all blank (规章, 行政规范性文件: no figure), the other blocks' one
    # figure centred under the middle heading: the first block's heading, header and rows were read as the
    # table's header (the next block's heading above the first figures) and its three columns as one
    ("blank-first-block-2021", (1387, 29), ["tables-first"], "pdf-reportlab", None),
    # a row's figures wrapped in narrow columns with its label (一、本年新收政府信息公开 ２４３ … ３１５ over 22 ２１９
    # 220 34 229 over 申请数量 ３ … ７): the pieces carried label words, so they were no pieces, 2433 read 243
    ("wrapped-figures-with-label-2024", (1389, 16), ["fullwidth", "heading-typo", "broken-headers"], "pdf-reportlab",
     None),
    # 3.补正后申请内容仍不明确 printed blank right above the (五) block's first row, its numbering dropped (信访举报投诉类
    # 申请 2 1 3), labels centred beside a parent label centred down its rows (结果 of 三、本年度办理结果 between
    # the two): the parent's piece bridged the row gap, the blank row's label was taken for the next row's wrapped
    # first line, and unclear read the petition row's figures
    ("blank-row-above-unnumbered-row-2023", (1391, 16), ["orphan-heading", "mixed-magnitude", "numbering"],
     "pdf-reportlab", None),
    # labels centred in narrow cells, some numbering dropped, zeros printed blank: 4、无正当理由大量反复申请 printed
    # blank, 5、要求行政机 / 关确认或重新 / 37 18 … / 出具已获取信 / 息 (its last line nearer the figures of 其他处理,
    # unnumbered, printed in the column left of it) and 其他处理's row: 息 was taken for 其他处理's, the other rows'
    # lines read out of balance, and （六）其他处理 lost its figures
    ("centred-rows-around-blank-rows-2020", (1399, 15),
     ["borderless", "centred-labels", "wrapped-labels", "numbering", "blanks"], "pdf-reportlab", None),
    # rows printed blank at a page's foot, under the last row with figures, beside the pieces of their parent label
    # 六、其他 / 处理 (a section heading's numbering): they read as paragraphs, the rows after them on the next page
    # were a table of their own and lost their keys
    ("blank-rows-at-page-foot-2023", (1403, 14),
     ["borderless", "centred-labels", "wrapped-labels", "numbering", "blanks"], "pdf-reportlab", None),
    # a blank row's label cut by the page break, its first line (1、申请人无正) opening the next page above the
    # continued table: a paragraph, and the rows after it a table of their own
    ("label-head-above-continued-table-2021", (1403, 5),
     ["borderless", "centred-labels", "wrapped-labels", "numbering", "blanks"], "pdf-reportlab", None),
    # the proactive table's first heading wrapped over its header's first cell (第二十条 / 信息内容 | 第（一）项 |
    # 本年新制作数量 …): the block went unnamed, its header unread, and the figures took the columns in
    # template order from the blank column under 第（一）项 (本年新公开数量 read 0, 对外公开总数量 read 8)
    ("heading-over-header-cell-2019", (1419, 9),
     ["borderless", "centred-labels", "wrapped-labels", "numbering", "blanks"], "pdf-reportlab", None),
    # the proactive table's last block printed all blank at the page's foot (第二十条第(八)项 / 信息内容 本年收费金额
    # （单位：万元） / 行政事业性收 / 费, no figure): paragraphs, and the fee read missing instead of blank
    ("blank-last-block-2023", (1419, 14),
     ["borderless", "centred-labels", "wrapped-labels", "numbering", "blanks"], "pdf-reportlab", None),
    # Word's cells centred both ways, printed by LibreOffice: 属于国家秘密 printed blank, its numbering dropped,
    # right under 部分公开（区分处理 / 的，只计这一情形，不 15 0 … / 计其他情形）, its numbering dropped too
    ("blank-row-under-centred-label-2021", (1441, 7),
     ["borderless", "centred-labels", "wrapped-labels", "blank-rows"], "pdf-libreoffice", None),
    # 属于行政查询事项 printed blank, its numbering dropped, right above 本机关不掌握相关 / 19 … / 政府信息, the
    # pieces of 三、本年度办理结果 centred down the parent column beside them
    ("blank-row-above-centred-label-2019", (1441, 29),
     ["borderless", "centred-labels", "wrapped-labels", "blank-rows"], "pdf-libreoffice", None),
    # labels centred in narrow columns whose wrapped lines are a character apart in width (starting half a
    # character apart): told centred, the parent and the rows' label columns stand apart (the starts ran into
    # one column)
    ("centred-lines-a-character-apart-2019", (1407, 23),
     ["borderless", "centred-labels", "wrapped-labels", "numbering", "blanks"], "pdf-reportlab", None),
    # 部分公开（区分处 a row's gap under 予以公开 1 …, its label's first line nearer those figures than its own
    # (理的，只计这一情 / 13 0 … / 形，不计其他情形 / ）): centred, it is the label's below
    ("centred-label-head-under-row-2024", (1421, 9),
     ["borderless", "centred-labels", "wrapped-labels", "numbering", "blanks"], "pdf-reportlab", None),
    # 本年度办理结果 and the （ of （三）不予公开, printed a character a line, on a line of their own under
    # （二）部分公开（区分处理的… 1 0 …: pieces of parent labels, not a row printed blank under it
    ("vertical-pieces-under-spanning-label-2022", (1373, 25),
     ["mixed-edition", "borderless", "wps-vertical"], "pdf-libreoffice", None),
    # the appeals table printed as two tables each headed by a line (（二）行政诉讼情况), no rulings, a zero
    # printed as nothing: 未经复议直接起诉 and 复议后起诉 each centred over its five columns stand in one grid
    # column of them, so most figures have no group over them; each is the nearest's
    ("appeals-headed-groups-over-no-column-2020", (1451, 0), ["appeals-stacked-headed", "blanks"],
     "pdf-libreoffice", None),
]
# cases also rendered by easyofd into tests/fixtures/ofd/<name>/ (tests/test_ofd.py reads them as their PDF)
OFD_CASES = ("mixed-magnitude-2020",)


def build(names: list[str] | None = None) -> list:
    out = []
    for name, (seed, index), kinds, fmt, kinds_seed in CASES:
        if names and name not in names:
            continue
        (OUT / name).mkdir(parents=True, exist_ok=True)  # render writes a lone LibreOffice PDF into it
        variant = make(draw(seed, index), kinds, seed * 1000 + index if kinds_seed is None else kinds_seed, name)
        if "borderless" not in kinds:
            variant.opts.borders = "none"  # what the borderless kind does, the other kinds drawn as without it
            variant.kinds.append("borderless")
        out += render(variant, OUT, formats=(fmt,))
        if name in OFD_CASES:  # needs easyofd (tests/fixture_builder/ofd.py)
            from .ofd import OFD, pdf_to_ofd

            [pdf] = (OUT / name).glob("*.pdf")
            out.append(pdf_to_ofd(pdf, OFD / name / f"{name}.ofd"))
            (OFD / name / "truth.json").write_bytes((OUT / name / "truth.json").read_bytes())
    return out


if __name__ == "__main__":
    print(*build(sys.argv[1:] or None), sep="\n")
