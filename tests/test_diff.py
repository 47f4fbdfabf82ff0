"""``gongkai diff A B`` on a real database of the fixture series: the cells against both truths, the flags,
text reuse equal to the stored metric, the ways of naming a report, and each output format."""

from __future__ import annotations

import csv
import io
import json

from pipeline.cli import main
from tests.analyst_data import series_db, truth  # noqa: F401 (series_db is a fixture)
from tests.conftest import FIXTURES, query


def _run(capsys, *argv: str) -> tuple[int, str, str]:
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


def _expected_cells(a: str, b: str) -> dict[str, tuple]:
    ca, cb = truth(a)["cells"], truth(b)["cells"]
    out = {}
    for key in set(ca) | set(cb):
        x, y = ca.get(key), cb.get(key)
        status = "only_b" if key not in ca else "only_a" if key not in cb else "same" if x == y else "changed"
        out[key] = (x, y, status)
    return out


def test_same_body_two_years_as_json(series_db, capsys):
    code, out, _ = _run(capsys, "--db", series_db, "diff", "宝山区 2020", "宝山区:2021", "--format", "json")
    assert code == 0
    d = json.loads(out)
    assert (d["a"]["source"], d["b"]["source"]) == ("baoshan-2020.docx", "baoshan-2021.docx")
    got = {c["key"]: (c["a"], c["b"], c["status"]) for c in d["cells"]}
    assert got == _expected_cells("baoshan-2020", "baoshan-2021")
    received = next(c for c in d["cells"] if c["key"] == "requests.received.total")
    t20, t21 = (truth(n)["cells"]["requests.received.total"] for n in ("baoshan-2020", "baoshan-2021"))
    assert received["change"] == t21 - t20 and received["change_pct"] == round(100 * (t21 - t20) / t20, 2)
    assert received["label"] == "本年新收政府信息公开申请数量 · 总计 [件]"
    assert d["changed"] == sum(s != "same" for *_, s in got.values()) > 0
    url = f"sqlite:///{series_db}"
    for side in ("a", "b"):
        n = query(url, "select count(*) from flags where report_id = :r", r=d[side]["report_id"])[0][0]
        assert len(d[side]["flags"]) == n
    # text reuse: 2021's sentences in 2020's, the same figures the stored metric holds
    reuse = d["text_reuse"]
    assert reuse["of"] == "b" and reuse["against"] == "a"
    stored = query(url, "select sentences, reused, share from text_reuse where report_id = :r and section = ''",
                   r=d["b"]["report_id"])
    assert stored == [(reuse["whole"]["sentences"], reuse["whole"]["reused"], reuse["whole"]["share"])]
    assert sum(s["sentences"] for s in reuse["sections"]) == reuse["whole"]["sentences"] > 0
    assert len(reuse["reused_sentences"]) == reuse["whole"]["reused"]


def test_later_year_first_measures_the_later_report(series_db, capsys):
    code, out, _ = _run(capsys, "--db", series_db, "diff", "宝山区 2022", "宝山区 2021", "--format", "json")
    d = json.loads(out)
    assert code == 0 and d["text_reuse"]["of"] == "a"
    assert d["text_reuse"]["whole"]["share"] == 1.0  # the fixture builder wrote the same narrative both years


def test_reports_named_by_id_path_file_name(series_db, capsys):
    url = f"sqlite:///{series_db}"
    rid = query(url, "select r.id from reports r join documents d on d.id = r.document_id "
                     "where d.name = 'hejiang-edu-2022.docx'")[0][0]
    path = FIXTURES / "hejiang-2022" / "hejiang-2022.docx"
    code, out, _ = _run(capsys, "--db", series_db, "diff", str(path), str(rid), "--format", "csv")
    assert code == 0
    rows = list(csv.DictReader(io.StringIO(out)))
    expected = _expected_cells("hejiang-2022", "hejiang-edu-2022")
    assert {r["key"]: r["status"] for r in rows} == {k: s for k, (_, _, s) in expected.items()}
    code, out2, _ = _run(capsys, "--db", series_db, "diff", "hejiang-2022.docx", "合江县教育局 2022", "--format", "csv")
    assert out2 == out


def test_an_ambiguous_or_unknown_report_is_one_line(series_db, capsys):
    code, out, err = _run(capsys, "--db", series_db, "diff", "合江县 2022", "泸县 2022")
    assert code == 2 and out == ""
    assert err.count("\n") == 1 and "names 2 bodies" in err and "合江县教育局" in err
    code, _, err = _run(capsys, "--db", series_db, "diff", "宝山区 2030", "泸县 2022")
    assert code == 2 and "no report of 宝山区 for 2030" in err


def test_html_and_text(series_db, tmp_path, capsys):
    out = tmp_path / "d" / "diff.html"
    code, _, err = _run(capsys, "--db", series_db, "diff", "宝山区 2020", "宝山区 2021", "--format", "html",
                        "-o", str(out))
    page = out.read_text(encoding="utf-8")
    assert code == 0 and "cells differ" in err
    assert page.startswith("<!doctype html>") and "上海市宝山区人民政府 2020" in page
    assert page.count("<tr class=changed>") == sum(
        s == "changed" for *_, s in _expected_cells("baoshan-2020", "baoshan-2021").values())
    assert "text reuse" in page and "whole report" in page
    code, text, _ = _run(capsys, "--db", series_db, "diff", "宝山区 2020", "宝山区 2021")
    changed = sum(s != "same" for *_, s in _expected_cells("baoshan-2020", "baoshan-2021").values())
    assert f"cells: {changed} of " in text and "whole report" in text and "flags of A" in text
