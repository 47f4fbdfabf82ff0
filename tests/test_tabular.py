"""Exports of the views: Parquet read back with pyarrow, CSV with the csv module, against the database."""

from __future__ import annotations

import csv

import pyarrow as pa
import pyarrow.parquet as pq
import pytest

from pipeline.db import connect
from pipeline.tabular import export_views, write_csv
from pipeline.views import VIEWS
from tests.analyst_data import series_db, truth  # noqa: F401 (series_db is a fixture)
from tests.conftest import query


def test_parquet_holds_every_view_row_with_float_figures(series_db, tmp_path):
    url = f"sqlite:///{series_db}"
    written = dict(export_views(connect(series_db), "parquet", tmp_path))
    assert [p.name for p in written] == [f"{v}.parquet" for v in VIEWS]
    for path, n in written.items():
        table = pq.read_table(path)
        assert table.num_rows == n == query(url, f"select count(*) from {path.stem}")[0][0], path.name
    summary = pq.read_table(tmp_path / "report_summary.parquet").to_pylist()
    assert pq.read_table(tmp_path / "report_summary.parquet").schema.field("pct.disclosed").type == pa.float64()
    received = {r["source"]: r["requests.received.total"] for r in summary}
    assert received["luzhou-2022.docx"] == truth("luzhou-2022")["cells"]["requests.received.total"]


def test_csv_of_one_view(series_db, tmp_path):
    out = tmp_path / "flags.csv"
    with out.open("w", encoding="utf-8", newline="") as f:
        n = write_csv(connect(series_db), "v_flags", f)
    rows = list(csv.DictReader(out.open(encoding="utf-8")))
    assert len(rows) == n and any(r["check"] == "quality.jump" for r in rows)


def test_unknown_view_is_refused(series_db, tmp_path):
    with pytest.raises(ValueError, match="unknown view"):
        export_views(connect(series_db), "csv", tmp_path, ["cells; drop table cells"])
