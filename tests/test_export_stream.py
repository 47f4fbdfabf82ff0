"""Exports stream (pipeline.export, pipeline.tabular): written chunk by chunk, they give the bytes the
whole-at-once export gave, on a real database of the fixture series with corrections and flag reviews."""

from __future__ import annotations

import csv
import io
import shutil

import pyarrow.parquet as pq
import pytest
from openpyxl import load_workbook

from pipeline import tabular
from pipeline.db import connect
from pipeline.export import export_csv, export_jsonl
from pipeline.review import correct, list_flags, review_flag
from pipeline.views import VIEWS
from tests.analyst_data import series_db  # noqa: F401 (a fixture)


@pytest.fixture(scope="module")
def reviewed_db(series_db, tmp_path_factory):  # noqa: F811
    path = tmp_path_factory.mktemp("stream") / "reviewed.sqlite"
    shutil.copyfile(series_db, path)
    engine = connect(str(path))
    correct(engine, "baoshan-2021.docx", "requests.received.total", 999, "misprint", "bench")
    correct(engine, "hejiang-2022.docx", "requests.received.total", 5, "misprint", "bench")
    flags = list_flags(engine, status=None)
    review_flag(engine, flags[0].flag_id, "confirm", "seen", "bench")
    review_flag(engine, flags[-1].flag_id, "dismiss", "fine", "bench")
    yield engine
    engine.dispose()


def test_jsonl_and_cell_csv_the_same_in_chunks_as_in_one(reviewed_db):
    outputs = []
    for chunk in (2, 10_000):  # 10,000: every document in one query, as the export read them before
        jsonl, cells = io.StringIO(), io.StringIO()
        assert export_jsonl(reviewed_db, jsonl, chunk=chunk) == 9
        export_csv(reviewed_db, cells, labels="zh", bom=True, chunk=chunk)
        outputs.append((jsonl.getvalue(), cells.getvalue()))
    assert outputs[0] == outputs[1]
    jsonl = outputs[0][0]
    assert jsonl.count('"review": {') == 2 and jsonl.count('"reason": "misprint"') == 2
    names = [line.split('"source": "')[1].split('"')[0] for line in jsonl.splitlines()]
    assert names == sorted(names)


def test_view_writers_stream_what_the_whole_view_gave(reviewed_db, tmp_path):
    for view in VIEWS:
        columns, rows = tabular.read_view(reviewed_db, view)
        whole = io.StringIO()  # the CSV as written from the whole view in memory
        writer = csv.writer(whole)
        writer.writerow(columns)
        writer.writerows([tabular.plain(v) for v in row] for row in rows)
        streamed = io.StringIO()
        assert tabular.write_csv(reviewed_db, view, streamed) == len(rows)
        assert streamed.getvalue() == whole.getvalue()

        pq.write_table(tabular._arrow_table(columns, rows), tmp_path / "whole.parquet", compression="zstd")
        assert tabular.write_parquet(reviewed_db, view, tmp_path / "one.parquet") == len(rows)
        assert (tmp_path / "one.parquet").read_bytes() == (tmp_path / "whole.parquet").read_bytes()
        tabular.write_parquet(reviewed_db, view, tmp_path / "groups.parquet", row_group=4)
        assert pq.ParquetFile(tmp_path / "groups.parquet").num_row_groups == -(-len(rows) // 4)
        assert pq.read_table(tmp_path / "groups.parquet").equals(pq.read_table(tmp_path / "whole.parquet"))

    tabular.write_xlsx(reviewed_db, list(VIEWS), tmp_path / "a.xlsx")
    book = load_workbook(tmp_path / "a.xlsx", read_only=True)
    for view in VIEWS:
        columns, rows = tabular.read_view(reviewed_db, view)
        sheet = [tuple(c.value for c in row) for row in book[view[:31]].iter_rows()]
        assert sheet[0] == tuple(columns) and len(sheet) == len(rows) + 1
