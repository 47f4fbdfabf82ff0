"""Exports people open in a spreadsheet (CSV with --bom, Excel), the CLI's --version, and check's filters and
per-kind summary — through the command line, on a real database of the fixture series."""

from __future__ import annotations

import csv
import io
import re

import pytest
from openpyxl import load_workbook

from pipeline.cli import main
from pipeline.views import VIEWS
from tests.analyst_data import series_db, truth  # noqa: F401 (series_db is a fixture)
from tests.conftest import query

RECEIVED = "requests.received.total"
RECEIVED_ZH = "本年新收政府信息公开申请数量 · 总计 [件]"


def _run(capsys, *argv: str) -> tuple[int, str, str]:
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


def test_view_csv_for_excel_integers_rounded_shares_bom_chinese_headers(series_db, tmp_path, capsys):
    out = tmp_path / "missing" / "folder" / "summary.csv"  # created
    code, _, err = _run(capsys, "--db", series_db, "export", "--format", "csv", "--view", "report_summary",
                        "--bom", "--labels", "zh", "-o", str(out))
    assert code == 0
    data = out.read_bytes()
    assert data.startswith(b"\xef\xbb\xbf")
    rows = list(csv.reader(io.StringIO(data.decode("utf-8-sig"))))
    head, body = rows[0], rows[1:]
    assert re.search(rf"wrote {len(body)} row\(s\) of view report_summary to ", err)
    assert len(body) == query(f"sqlite:///{series_db}", "select count(*) from report_summary")[0][0] == 9
    assert head[:4] == ["报告编号", "来源文件", "机关标识", "机关"] and RECEIVED_ZH in head and "副本序号" in head
    by_source = {r[1]: dict(zip(head, r)) for r in body}
    row = by_source["baoshan-2020.docx"]
    assert row[RECEIVED_ZH] == str(truth("baoshan-2020")["cells"][RECEIVED]) == "663"  # not 663.0
    assert not any(re.fullmatch(r"-?\d+\.0", v) for r in body for v in r), "a whole figure written as x.0"
    shares = [v for r in body for k, v in zip(head, r) if "比例" in k and v]
    assert shares and all(re.fullmatch(r"\d+(\.\d{1,2})?", v) for v in shares)
    c = truth("baoshan-2020")["cells"]
    disclosed = row["予以公开占办理结果比例 [%]"]
    assert float(disclosed) == round(100 * c["requests.result.disclosed.total"] / c["requests.result.total.total"], 2)


def test_cells_csv_without_labels_keeps_keys_and_no_bom(series_db, tmp_path, capsys):
    out = tmp_path / "cells.csv"
    code, _, err = _run(capsys, "--db", series_db, "export", "--format", "csv", "-o", str(out))
    text = out.read_text(encoding="utf-8")
    assert code == 0 and not text.startswith("\ufeff")
    rows = list(csv.DictReader(io.StringIO(text)))
    assert f"wrote {len(rows)} cell row(s) to {out}" in err
    got = {(r["source"], r["key"]): r["value"] for r in rows}
    assert got[("baoshan-2020.docx", RECEIVED)] == "663"


def test_dash_is_standard_output(series_db, tmp_path, capsys, monkeypatch):
    monkeypatch.chdir(tmp_path)
    code, out, err = _run(capsys, "--db", series_db, "export", "--format", "jsonl", "-o", "-")
    assert code == 0 and out.count("\n") >= 1 and "to standard output" in err
    code, _, err = _run(capsys, "--db", series_db, "export", "--format", "parquet", "-o", "-")
    assert code == 2 and "parquet is written to files" in err
    assert not (tmp_path / "-").exists()


def test_excel_workbook_one_sheet_per_view(series_db, tmp_path, capsys):
    out = tmp_path / "new" / "gongkai.xlsx"
    code, _, err = _run(capsys, "--db", series_db, "export", "--format", "xlsx", "--labels", "zh", "-o", str(out))
    assert code == 0
    book = load_workbook(out, read_only=True)
    assert book.sheetnames == list(VIEWS)
    url = f"sqlite:///{series_db}"
    for view in VIEWS:
        n = query(url, f"select count(*) from {view}")[0][0]
        assert f"wrote {n} row(s) of view {view} to {out}" in err
        assert sum(1 for _ in book[view].iter_rows(values_only=True)) == n + 1
    sheet = list(book["report_summary"].iter_rows(values_only=True))
    head = list(sheet[0])
    row = next(r for r in sheet[1:] if r[1] == "baoshan-2020.docx")
    value = row[head.index(RECEIVED_ZH)]
    assert value == 663 and isinstance(value, int)
    code, _, err = _run(capsys, "--db", series_db, "export", "--format", "xlsx", "--view", "v_flags",
                        "-o", str(tmp_path / "flags.xlsx"))
    assert load_workbook(tmp_path / "flags.xlsx", read_only=True).sheetnames == ["v_flags"]


def test_version(capsys):
    from importlib.metadata import version

    with pytest.raises(SystemExit) as exit_:
        main(["--version"])
    assert exit_.value.code == 0
    out = capsys.readouterr().out.strip()
    assert re.fullmatch(rf"gongkai {re.escape(version('gongkai'))} \(schema \d{{4}}\)", out), out


def test_check_filters_and_per_kind_summary(series_db, capsys):
    url = f"sqlite:///{series_db}"
    code, out, err = _run(capsys, "--db", series_db, "check")
    lines = [line.split("\t") for line in out.splitlines()]
    total = query(url, "select kind, count(*), count(distinct report_id) from flags group by kind")
    summary = dict((k, (int(n), int(r))) for k, n, r in (line.split("\t") for line in err.splitlines()[1:-1]))
    assert err.splitlines()[0] == "kind\tflags\treports"
    assert summary == {k: (n, r) for k, n, r in total}
    assert len(lines) == sum(n for _, n, _ in total)

    code, out, err = _run(capsys, "--db", series_db, "check", "--region", "徐汇", "--year", "2019")
    names = {line.split("\t")[0] for line in out.splitlines()}
    assert names == {"xuhui-2019-broken.docx"}
    expected = query(url, "select count(*) from flags f join reports r on r.id = f.report_id "
                          "where r.region like '%徐汇%' and r.year = 2019")[0][0]
    assert len(out.splitlines()) == expected >= 3 and err.endswith(f"{expected} flag(s)\n")

    code, out, _ = _run(capsys, "--db", series_db, "check", "--year", "2019", "--kind", "identity")
    assert out and {line.split("\t")[2] for line in out.splitlines()} == {"identity"}
    code, out, err = _run(capsys, "--db", series_db, "check", "--region", "310113", "--year", "1999")
    assert out == "" and err.strip() == "0 flag(s)"


def test_a_view_too_long_for_a_sheet(series_db, tmp_path, monkeypatch):
    from pipeline import tabular
    from pipeline.db import connect

    monkeypatch.setattr(tabular, "EXCEL_MAX_ROWS", 100)  # the metrics view of the series has more rows
    engine = connect(series_db)
    written = dict(tabular.write_xlsx(engine, list(VIEWS), tmp_path / "a.xlsx", skip_oversize=True))
    assert written["metrics"] is None and written["report_summary"] == 9
    assert "metrics" not in load_workbook(tmp_path / "a.xlsx", read_only=True).sheetnames
    with pytest.raises(tabular.ExportError, match="more than an Excel sheet holds"):
        tabular.write_xlsx(engine, ["metrics"], tmp_path / "b.xlsx")
    assert not (tmp_path / "b.xlsx").exists()
