"""The analyst's views written out as files: Parquet (pyarrow), CSV or Excel (openpyxl), one file per view.

Parquet: figures stay float64 (NULL where a report does not print the cell), one type per column in every
file. CSV and Excel are read by people: a whole figure is written as an integer (663, never 663.0), any other
rounded to 2 decimals (shares in %, money with fen), whatever the backend handed out. ``details`` (JSON
evidence of a flag) is written as its JSON text. Headers are the column names, or with ``labels="zh"`` their
Chinese labels with units (pipeline.labels). ``bom=True`` starts a CSV with a UTF-8 byte-order mark, which
Excel on Chinese Windows needs to read it as UTF-8.
"""

from __future__ import annotations

import csv
import json
from decimal import Decimal
from pathlib import Path
from typing import TextIO

from sqlalchemy import text
from sqlalchemy.engine import Engine

from pipeline.labels import column_label
from pipeline.views import VIEWS

FORMATS = ("parquet", "csv", "xlsx")
LABELS = ("key", "zh")
EXCEL_MAX_ROWS = 1_048_576  # a worksheet's rows, the header included
BOM = "\ufeff"


class ExportError(ValueError):
    """A request the export cannot honour, said in one line."""


def plain(value):
    """A cell for a reader: whole floats as integers, other floats to 2 decimals, the rest as it is."""
    if isinstance(value, float):
        value = round(value, 2)
        return int(value) if value.is_integer() else value
    if isinstance(value, Decimal):  # PostgreSQL's numeric: a whole figure stays exact at any size
        return int(value) if value == value.to_integral_value() else plain(float(value))
    return value


def header(columns: list[str], labels: str = "key") -> list[str]:
    if labels not in LABELS:
        raise ExportError(f"--labels is one of {', '.join(LABELS)}, not {labels!r}")
    return [column_label(c) for c in columns] if labels == "zh" else list(columns)


def read_view(engine: Engine, view: str) -> tuple[list[str], list[tuple]]:
    if view not in VIEWS:
        raise ValueError(f"unknown view {view!r}; the views are {', '.join(VIEWS)}")
    with engine.connect() as conn:
        result = conn.execute(text(f"select * from {view} order by 1"))
        columns = list(result.keys())
        rows = [tuple(json.dumps(v, ensure_ascii=False) if isinstance(v, (dict, list)) else v for v in row)
                for row in result]
    return columns, rows


def write_csv(engine: Engine, view: str, out: TextIO, labels: str = "key", bom: bool = False) -> int:
    """The view as CSV into ``out``; returns the rows written (the header not counted)."""
    columns, rows = read_view(engine, view)
    if bom:
        out.write(BOM)
    writer = csv.writer(out)
    writer.writerow(header(columns, labels))
    writer.writerows([plain(v) for v in row] for row in rows)
    return len(rows)


def write_xlsx(engine: Engine, views: tuple[str, ...] | list[str], path: str | Path, labels: str = "key",
               skip_oversize: bool = False) -> list[tuple[str, int | None]]:
    """One worksheet per view (named after it), header row frozen; returns (view, rows) for each, rows None
    for a view left out.

    A view with more rows than a worksheet holds: left out when ``skip_oversize`` (every view exported: the
    long metrics view of a large database), else ExportError before anything is written."""
    from openpyxl import Workbook

    data, left_out = [], []
    for view in views:
        columns, rows = read_view(engine, view)
        if len(rows) + 1 > EXCEL_MAX_ROWS:
            if not skip_oversize:
                raise ExportError(f"view {view} has {len(rows)} rows, more than an Excel sheet holds "
                                  f"({EXCEL_MAX_ROWS - 1}); export it as csv or parquet")
            left_out.append(view)
            continue
        data.append((view, columns, rows))
    book = Workbook(write_only=True)
    for view, columns, rows in data:
        sheet = book.create_sheet(view[:31])
        sheet.freeze_panes = "A2"
        sheet.append(header(columns, labels))
        for row in rows:
            sheet.append([plain(v) for v in row])
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    book.save(path)
    return [(view, len(rows)) for view, _c, rows in data] + [(view, None) for view in left_out]


def _arrow_table(columns: list[str], rows: list[tuple]):
    import pyarrow as pa

    arrays = []
    for i, name in enumerate(columns):
        values = [row[i] for row in rows]
        array = pa.array(values)
        if pa.types.is_null(array.type):  # nothing printed anywhere: keep the column's kind, not "null"
            array = pa.array(values, type=pa.float64() if "." in name or name == "value" else pa.string())
        elif pa.types.is_integer(array.type) and ("." in name or name == "value"):
            array = array.cast(pa.float64())  # a figure column the same type in every file
        arrays.append(array)
    return pa.Table.from_arrays(arrays, names=columns)


def write_parquet(engine: Engine, view: str, path: str | Path) -> int:
    import pyarrow.parquet as pq

    columns, rows = read_view(engine, view)
    pq.write_table(_arrow_table(columns, rows), str(path), compression="zstd")
    return len(rows)


def export_views(engine: Engine, fmt: str, out_dir: str | Path, views: tuple[str, ...] | list[str] = VIEWS,
                 labels: str = "key", bom: bool = False) -> list[tuple[Path, int]]:
    """One file per view, ``<out_dir>/<view>.parquet`` or ``.csv``; returns (path, rows) for each."""
    if fmt not in ("parquet", "csv"):
        raise ValueError(f"format is parquet or csv, not {fmt!r}")
    out_dir = Path(out_dir)
    out_dir.mkdir(parents=True, exist_ok=True)
    written = []
    for view in views:
        path = out_dir / f"{view}.{fmt}"
        if fmt == "parquet":
            n = write_parquet(engine, view, path)
        else:
            with path.open("w", encoding="utf-8", newline="") as out:
                n = write_csv(engine, view, out, labels=labels, bom=bom)
        written.append((path, n))
    return written
