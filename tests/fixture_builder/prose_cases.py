"""PDFs of report prose cut by the page break, one per way it reads wrong (the reportlab producer's pages: glyph
by glyph, a footer page number), each beside the sentence it must read as (``prose.json``).

``python -m tests.fixture_builder.prose_cases`` rewrites them into ``tests/fixtures/prose-cases/``.
"""

from __future__ import annotations

import json
import sys

from .rlrender import Pages
from .scan import FIXTURES
from .vgrid import Opts

OUT = FIXTURES / "prose-cases"
_FILLER = "本年度，我县坚持以公开为常态、不公开为例外，持续深化政务公开，推进决策、执行、管理、服务、结果公开，"\
          "不断提升政务公开标准化规范化水平。"


def figure_cut_by_page() -> dict:
    """A paragraph whose last line on page 1 ends inside a figure (回应群众关切3万), its sentence going on at the
    left margin of page 2 (4千余件，回复率100%。), the next paragraph indented as usual."""
    pg = Pages(OUT / "figure-cut-by-page.rl.pdf", Opts(footer=True), "wqy", None, None)
    pg.paragraph("2022年泸州市泸县政府信息公开工作年度报告", 16, center=True, after=10)
    pg.paragraph("一、总体情况", 12)
    while pg.room() > 4 * 18:  # 18: a 12-pt line's lead
        pg.paragraph(_FILLER, 12, indent=24)
    head = "（二）依申请公开。全年通过12345政务服务便民热线回应群众关切3万"
    pg.paragraph(head, 12, indent=24, after=0)
    pg.new_page()
    tail = "4千余件，回复率100%。"
    pg.paragraph(tail, 12)
    pg.paragraph("全年新收政府信息公开申请134件。", 12, indent=24)
    pg.c.save()
    return {"file": "figure-cut-by-page.rl.pdf", "paragraph": head + tail, "page": 1,
            "fact": {"raw": "3万4千余件", "value": 34000, "unit": "件", "qualifier": "at_least"},
            "next_paragraph": "全年新收政府信息公开申请134件。", "fact_pages": {"3万4千余件": 1, "134件": 2}}


CASES = {"figure-cut-by-page": figure_cut_by_page}


def build(names: list[str] | None = None) -> dict:
    OUT.mkdir(parents=True, exist_ok=True)
    truth_file = OUT / "prose.json"
    truths = json.loads(truth_file.read_text(encoding="utf-8")) if truth_file.exists() else {}
    for name, make in CASES.items():
        if not names or name in names:
            truths[name] = make()
    truth_file.write_text(json.dumps(truths, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
    return truths


if __name__ == "__main__":
    print(json.dumps(build(sys.argv[1:] or None), ensure_ascii=False, indent=1))
