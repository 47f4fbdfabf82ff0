"""A held-out-like set for "one body, counted once" (``python -m tests.fixture_builder.author_bodies``).

Ten body-years, each rendered in two or three formats into ``tests/fixtures/bodies/<name>/`` with its truth:

* 南京市人民政府 2021 and 2022, titled 南京市人民政府关于…年…报告, as DOCX, PDF and HTML; the 2021 HTML misprints
  requests.received.total (+10, breaking its row total), so that copy is the worse read and the copies disagree;
  the 2022 HTML names no issuer (no 发布机构 line), only its title does.
* 南京市人民政府办公厅 2021 and 2022: the general office of the same city, a body of its own.
* 南京市档案局 and 南京市地方志办公室 2022: two departments whose tables are all zero — identical figures.
* 乌海市 2022 (the government's report for the whole area) and 乌海市人民政府机关 2022 (its own organ): two bodies.
* 苏州工业园区管理委员会 and 宁东能源化工基地管理委员会 2022: no division name, so unresolved — two bodies all
  the same, named by what they print.

Figures are invented (seeded), every template identity holds (totals computed from leaves). Each truth adds
``entity``: the body's expected label, and ``copies``: the files rendered, with any misprint of that copy.
"""

from __future__ import annotations

import json
import random
import shutil
from pathlib import Path

from .author import _fill, _fill_appeals, _fill_requests
from .author_series import _ed2021_proactive, _narrative, _skeleton
from .build import ED2021_LABELS, FIXTURES, _write_truth
from .render_docx import render_docx
from .render_html import render_html
from .render_pdf import render_pdf
from .truth import request_rows, validate

OUT = FIXTURES / "bodies"
SEED = 20261130

# name, title, issuer (printed under the title), region, code, year, label, formats, zero tables
BODIES = [
    ("nanjing-gov-2021", "南京市人民政府关于2021年政府信息公开工作年度报告", "南京市人民政府", "江苏省南京市",
     "320100", 2021, "江苏省南京市 · 人民政府", ("docx", "pdf", "html:misprint"), False),
    ("nanjing-gov-2022", "南京市人民政府关于2022年政府信息公开工作年度报告", "南京市人民政府", "江苏省南京市",
     "320100", 2022, "江苏省南京市 · 人民政府", ("docx", "pdf", "html:no-issuer"), False),
    ("nanjing-office-2021", "南京市人民政府办公厅2021年政府信息公开工作年度报告", "南京市人民政府办公厅",
     "江苏省南京市", "320100", 2021, "江苏省南京市 · 办公厅", ("docx", "html"), False),
    ("nanjing-office-2022", "南京市人民政府办公厅2022年政府信息公开工作年度报告", "南京市人民政府办公厅",
     "江苏省南京市", "320100", 2022, "江苏省南京市 · 办公厅", ("docx", "html:no-issuer"), False),
    ("nanjing-archives-2022", "南京市档案局2022年政府信息公开工作年度报告", "南京市档案局", "江苏省南京市",
     "320100", 2022, "江苏省南京市 · 档案局", ("docx", "html:no-issuer"), True),
    ("nanjing-gazetteer-2022", "南京市地方志办公室2022年政府信息公开工作年度报告", "南京市地方志办公室",
     "江苏省南京市", "320100", 2022, "江苏省南京市 · 地方志办公室", ("docx", "html"), True),
    ("wuhai-2022", "乌海市2022年政府信息公开工作年度报告", "乌海市人民政府", "内蒙古自治区乌海市", "150300", 2022,
     "内蒙古自治区乌海市 · 人民政府", ("docx", "html:no-issuer"), False),
    ("wuhai-organ-2022", "乌海市人民政府机关2022年政府信息公开工作年度报告", "乌海市人民政府机关",
     "内蒙古自治区乌海市", "150300", 2022, "内蒙古自治区乌海市 · 人民政府机关", ("docx", "html:no-issuer"), False),
    ("sip-2022", "苏州工业园区管理委员会2022年政府信息公开工作年度报告", "苏州工业园区管理委员会", None, None, 2022,
     "苏州工业园区管理委员会（未解析）", ("docx", "html:no-issuer"), False),
    ("ningdong-2022", "宁东能源化工基地管理委员会2022年政府信息公开工作年度报告", "宁东能源化工基地管理委员会", None,
     None, 2022, "宁东能源化工基地管理委员会（未解析）", ("docx", "html"), False),
]
MISPRINT = "requests.received.total"


def _figures(truth: dict, rng: random.Random, scale: int) -> None:
    rows = [r for r in request_rows(truth) if r.startswith("result.") and r != "result.total"]
    leaves = {r: (rng.randint(0, scale), rng.randint(0, scale // 8), 0, rng.randint(0, 1), rng.randint(0, 2), 0)
              for r in rng.sample(rows, 7)}
    _fill(truth, _ed2021_proactive((0, 0, 0), (rng.randint(1, 20), rng.randint(0, 5), rng.randint(20, 90)),
                                   rng.randint(100, 50000), rng.randint(10, 9000), rng.randint(0, 500), 0))
    _fill_requests(truth, leaves, carried_over=(rng.randint(0, scale // 4), 0, 0, 0, 0, 0),
                   carried_forward=(rng.randint(0, scale // 4), 1, 0, 0, 0, 0))
    _fill_appeals(truth, {g: (rng.randint(0, 9), rng.randint(0, 3), rng.randint(0, 2), rng.randint(0, 2))
                          for g in ("review", "litigation_direct", "litigation_after_review")})


def _zeros(truth: dict) -> None:
    for key in truth["cells"]:
        truth["cells"][key] = 0


def author() -> list[dict]:
    rng = random.Random(SEED)
    truths = []
    for name, title, issuer, region, code, year, label, formats, zero in BODIES:
        truth = _skeleton(name, title, issuer, issuer, region, code, year, "ed2021", True)
        if zero:
            _zeros(truth)
        else:
            _figures(truth, rng, rng.choice((12, 60, 400)))
        truth["body"] = _narrative(truth, issuer)
        truth["entity"] = {"label": label, "admin_code": code}
        truth["copies"] = list(formats)
        validate(truth)
        truths.append(truth)
    return truths


def build(pdf: bool = True) -> list[Path]:
    """Render every copy of every body-year (a misprinted copy from a copy of the truth)."""
    if OUT.exists():
        shutil.rmtree(OUT)
    files = []
    for truth in author():
        folder = OUT / truth["name"]
        style = {"labels": dict(ED2021_LABELS), "html_encoding": "utf-8"}
        for spec in truth["copies"]:
            fmt, _, twist = spec.partition(":")
            if fmt == "pdf":
                if pdf:
                    files.append(render_pdf(folder / f"{truth['name']}.docx"))
                continue
            copy = json.loads(json.dumps(truth))
            if twist == "misprint":
                copy["cells"][MISPRINT] += 10
            render = render_docx if fmt == "docx" else render_html
            files.append(render(copy, folder / f"{truth['name']}.{fmt}",
                                {**style, "issuer_line": twist != "no-issuer"}))
        _write_truth(truth, folder / "truth.json")
        files.append(folder / "truth.json")
    return files


if __name__ == "__main__":
    for f in build():
        print(f)
