"""Fixtures of fresh variants a reading got wrong, kept as they were drawn and rendered (rulings and all): one per
way it went wrong (``python -m tests.fixture_builder.variants --seed N`` then ``accuracy --variants DIR``).

Each case is a fresh random truth (``randtruth.draw(seed, index)``) dressed with the variant's kinds, drawn with
the seed the random set gives them (draw seed × 1000 + index), rendered by one producer into
``tests/fixtures/drawn-cases/<name>/`` with its truth. ``python -m tests.fixture_builder.drawn_cases`` rewrites
them all (``NAME…``: only those). Cases read without their rulings are ``borderless_cases``'.
"""

from __future__ import annotations

import sys

from .randtruth import draw
from .scan import FIXTURES
from .variants import make, render

OUT = FIXTURES / "drawn-cases"

# name, (draw seed, index), kinds, format; what each prints, above it
CASES: list[tuple[str, tuple[int, int], list[str], str]] = [
    # the parent label 三、本年度办理结果, printed down a merged cell, cut by LibreOffice to 、 / 本 三 (the rest of
    # it beyond the cell): that piece stood left of （六）其他处理 (a parent's label in the 2021 template, the
    # row itself in the 2019 one) and was taken for the row's own label: the row matched nothing
    ("cut-parent-beside-other-2020", (1321, 39), ["signs-thousands", "wps-vertical", "vertical-label"],
     "pdf-libreoffice"),
    # a row broken by the page break the other way round (its label's head, figures blank, at the page's foot)
    # where the break also cuts its parents' labels (（四）无 | 2.没有现成信 there, 法提供 | 息需要另行制作 | 29
    # here): the parents' pieces had no cell in the row above to go to, and the row stayed two (29 read 0)
    ("row-head-parent-cut-2021", (1383, 24), ["row-break-low", "page-cut-group"], "pdf-reportlab"),    # a row printed blank at a page's foot (1.申请人无正当理由逾期不补正…, its parent （六）其 cut there, 他处理 on the
    # next page beside 2.申请人逾期…): the next page's first row is a row of its own, not the blank row's tail
    ("blank-row-over-next-row-parent-cut-2021", (1369, 14), ["page-cut-group", "title-year", "missing-rows"],
     "pdf-reportlab"),
    # a row broken by the page break the other way round under parents whose spanned cells the new page prints
    # again whole (三、本年度办理结果 | （五）不予处理 | 具已获取信息 | 5 3 5 …): the repeated 三、 was taken for a row
    # opening, the head (5.要求行政机关确认或重新出, figures blank) stayed a row of its own and 5 3 5 … went to
    # none (a fresh variant, seed 1423)
    ("row-head-parents-repeated-2024", (1423, 28), ["row-break-low", "split-repeat"], "pdf-reportlab"),
    # a table ruled only across (a rule under every row, no vertical rule): rows printed blank, their numbering
    # dropped at times, one under the other (要求提供公开出版物 over 4、无正当理由大量反复申请) and 其他处理 in the
    # parent column over 七、总计: each a row of its own between its rules, not the next row's lines (seed 1473)
    ("blank-rows-ruled-across-2019", (1473, 11), ["blank-rows", "partial-rules", "wrapped-labels", "numbering"],
     "pdf-libreoffice"),
    # the same kinds in an outer box only: 其他处理 printed blank in the parent column, its numbering dropped,
    # standing apart from the lines above and below it, is a row of its own, no piece of a parent's label
    ("blank-parent-column-row-2019", (1473, 14), ["blank-rows", "partial-rules", "wrapped-labels", "numbering"],
     "pdf-libreoffice"),
    # 二、部分公开（区分处理的，… printed blank and numbered as a section's heading, three short lines beside the
    # pieces of 三、本年度办理结果 printed a character a line (本 / 年 / 度): the figure line after them is more than
    # three lines down, and the heading-like line cut the table in two (seed 1475)
    ("heading-like-blank-row-beside-pieces-2022", (1475, 9),
     ["blank-rows", "partial-rules", "wrapped-labels", "numbering"], "pdf-libreoffice"),
    # four rows printed blank at a page's foot (2.没有现成 … 2、重复申请), wrapped over three lines each beside
    # their parents' pieces: thirteen lines, kept as the rows' heads for the part on the next page (seed 1475)
    ("blank-rows-at-page-foot-2023", (1475, 39), ["blank-rows", "partial-rules", "wrapped-labels", "numbering"],
     "pdf-libreoffice"),
    # labels centred in their cells, rows printed blank above and below a row (8、属于行政查 / 询事项 over
    # 1.本机关不掌 / 握相关政府信 12 1 … / 息 over 没有现成信息 …): a row lacking lines on one side takes no line
    # standing a row's gap away, which a parent's piece beside them (无法提) had bridged (seed 1475)
    ("centred-row-between-blank-rows-2021", (1475, 4), ["blank-rows", "partial-rules", "wrapped-labels", "numbering"],
     "pdf-libreoffice"),
    # labels centred, no rules: 4.无正当理由 opens its label on its figure line and wraps onto 大量反复申请 right
    # under it, a row printed blank (要求提供公开出版物) a row's gap above: the wrapped line is its label's, no row
    # printed blank beyond its centre (seed 1479)
    ("label-opening-on-figures-wrapped-2019", (1479, 28), ["blank-rows", "centred-labels", "borderless",
                                                            "wrapped-labels"], "pdf-libreoffice"),
    # labels centred, no rules: two rows printed blank (保护第三方合法权 / 益 and 属于三类内部事务 / 信息), their
    # parent's piece （三）不 standing between them, close to both: two rows, not one (seed 1479)
    ("parent-piece-between-blank-rows-2021", (1479, 17), ["blank-rows", "centred-labels", "borderless",
                                                           "wrapped-labels"], "pdf-libreoffice"),
    # labels centred, no rules: 重复申请, printed blank, a row's gap under 信访举报投 / 诉类申请 (its figures between
    # the two lines) in its column, close to it only through the parent's piece 理 of （五）不予处理 beside them:
    # a row of its own, and so is 部分公开（区分处理 / … / 计其他情形）, printed blank over 1.属于国家秘密 (seed 1479)
    ("blank-row-under-centred-label-2019", (1479, 32), ["blank-rows", "centred-labels", "borderless",
                                                         "wrapped-labels"], "pdf-libreoffice"),
    # （六）其他 / 处理, the parent's label centred beside its three rows at a page's head, the last two printed blank,
    # right above 总计 printed in the parent's column: the piece opening the parent went to the total row, which
    # then stood above the rows printed blank (seed 1497)
    ("parent-pieces-above-total-row-2019", (1497, 12), ["blank-rows", "partial-rules", "wrapped-labels",
                                                        "numbering"], "pdf-libreoffice"),
    # three rows printed blank opening a page (申请人无正当理由… / 申请人逾期未按… / 3、其他, five lines each beside the
    # parent's pieces 六、其 / 他处理): thirteen lines above the page's first figures (七、总计); the table began at
    # its tenth and the first three read as a paragraph (seed 1497)
    ("blank-rows-packed-at-page-head-2019", (1497, 17), ["blank-rows", "partial-rules", "wrapped-labels",
                                                         "numbering"], "pdf-libreoffice"),
    # labels centred, no rules: 1.申请人无正当理由… printed blank at a page's foot, 申请人逾期未按… printed blank opening
    # the next, its numbering dropped: one row of two labels (the reader cannot tell them apart), read as two by
    # their labels (seed 1499)
    ("blank-rows-across-page-break-2021", (1499, 14), ["blank-rows", "centred-labels", "borderless",
                                                       "wrapped-labels"], "pdf-libreoffice"),
    # 一. 二. 三.: rows numbered with a Chinese numeral and a full stop; 三. | 予以公开 printed blank, the parent's
    # label going on a character or two a line (本 / 年 / 度 …) beside 部分公开（区分处理…: 三. opened no row, so the
    # line went with the row above and 上年结转…'s figures were read as 予以公开's (seed 1497)
    ("numeral-full-stop-openers-2019", (1497, 3), ["blank-rows", "partial-rules", "wrapped-labels", "numbering"],
     "pdf-libreoffice"),
    # labels centred, no rules: 三、 | （一）予以公开 printed blank on one line, a row's gap over 部分公开（区分处理的，只 /
    # 计这一情形… (numbering dropped), beside 本年 / 度办 / 理结 / 果: the line opened that row's label, and the two rows
    # read as one (seed 1479)
    ("blank-row-beside-parent-opener-2019", (1479, 25), ["blank-rows", "centred-labels", "borderless",
                                                         "wrapped-labels"], "pdf-libreoffice"),
    # 其他处理 (the 2019 template's row) printed blank in the parent column, its numbering dropped, the last line of a
    # page, a row's gap under the rows before it: the next page's first line (总计), rebuilt close under it, made
    # it look like a parent's piece beside its rows, and it joined the last row with figures (seed 1473)
    ("blank-parent-column-row-at-page-foot-2019", (1473, 21), ["blank-rows", "partial-rules", "wrapped-labels",
                                                               "numbering"], "pdf-libreoffice"),
    # labels centred, no rules: （二）部分公开（区 a row's gap over the rest of its label, 分处理的，只计这一 / 情形，
    # 不计其他情 beside the figures: two rows in the grid, the second naming no row, as the head alone matched
    # 部分公开 as well as both together (seed 1503)
    ("label-head-in-its-note-2024", (1503, 0), ["blank-rows", "centred-labels", "borderless", "wrapped-labels"],
     "pdf-libreoffice"),
    # 三 | 予以公开 printed blank, the parent's numbering cut from its numeral (、 on the line below, then 本 / 年 /
    # 度 …) beside 部分公开（区分处理…: with no row opener on the line, it went with the row above, and 上年结转's
    # figures were read as 予以公开's (seed 1477)
    ("blank-row-beside-cut-parent-numbering-2019", (1477, 8), ["blank-rows", "partial-rules", "wrapped-labels",
                                                               "numbering"], "pdf-libreoffice"),
]


def build(names: list[str] | None = None) -> list:
    out = []
    for name, (seed, index), kinds, fmt in CASES:
        if names and name not in names:
            continue
        (OUT / name).mkdir(parents=True, exist_ok=True)  # render writes a lone LibreOffice PDF into it
        out += render(make(draw(seed, index), kinds, seed * 1000 + index, name), OUT, formats=(fmt,))
    return out


if __name__ == "__main__":
    print(*build(sys.argv[1:] or None), sep="\n")
