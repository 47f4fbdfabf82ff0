"""The analyst's views written out as files: Parquet (pyarrow), CSV or Excel (openpyxl), one file per view.

Parquet: figures stay float64 (NULL where a report does not print the cell), one type per column in every
file, except where float64 would change a figure: a figure column holding a whole number beyond its exact range
(±2⁵³, 12345678901234567 元 as printed) is written as decimal128(38, 6) in that file, so that it comes back as
printed (a share there to 6 decimals). CSV and Excel are read by people: a whole figure is written as an
integer (663, never 663.0), any other rounded to 2 decimals (shares in %, money with fen), whatever the backend
handed out. ``details`` (JSON
evidence of a flag) is written as its JSON text. Headers are the column names, or with ``labels="zh"`` their
Chinese labels with units (pipeline.labels). ``bom=True`` starts a CSV with a UTF-8 byte-order mark, which
Excel on Chinese Windows needs to read it as UTF-8.

Every writer streams the view's rows (CHUNK at a time; Parquet one row group of ROW_GROUP rows at a time,
Excel through openpyxl's write-only workbook), so memory does not grow with the view.
"""

from __future__ import annotations

import csv
import json
from decimal import Decimal
from pathlib import Path
from collections.abc import Iterator
from contextlib import contextmanager
from typing import TextIO

from sqlalchemy import text
from sqlalchemy.engine import Engine

from pipeline.labels import column_label
from pipeline.views import VIEWS

FORMATS = ("parquet", "csv", "xlsx")
LABELS = ("key", "zh")
EXCEL_MAX_ROWS = 1_048_576  # a worksheet's rows, the header included
BOM = "\ufeff"
CHUNK = 5_000  # rows fetched at a time from a view
ROW_GROUP = 100_000  # rows per Parquet row group: memory is that of one row group, not of the view


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


def _cell(value):
    return json.dumps(value, ensure_ascii=False) if isinstance(value, (dict, list)) else value


@contextmanager
def view_rows(engine: Engine, view: str, chunk: int = CHUNK) -> Iterator[tuple[list[str], Iterator[tuple]]]:
    """(columns, rows) of a view, the rows read ``chunk`` at a time (a server-side cursor on PostgreSQL), in
    the views' order (by the first column); JSON values as their text."""
    if view not in VIEWS:
        raise ValueError(f"unknown view {view!r}; the views are {', '.join(VIEWS)}")
    with engine.connect() as conn:
        result = conn.execution_options(stream_results=True, yield_per=chunk).execute(
            text(f"select * from {view} order by 1"))
        yield list(result.keys()), (tuple(_cell(v) for v in row) for row in result)


def read_view(engine: Engine, view: str) -> tuple[list[str], list[tuple]]:
    """The whole view in memory: (columns, rows). The writers below stream instead."""
    with view_rows(engine, view) as (columns, rows):
        return columns, list(rows)


def count_rows(engine: Engine, view: str) -> int:
    if view not in VIEWS:
        raise ValueError(f"unknown view {view!r}; the views are {', '.join(VIEWS)}")
    with engine.connect() as conn:
        return conn.execute(text(f"select count(*) from {view}")).scalar_one()


def write_csv(engine: Engine, view: str, out: TextIO, labels: str = "key", bom: bool = False) -> int:
    """The view as CSV into ``out``, streamed; returns the rows written (the header not counted)."""
    with view_rows(engine, view) as (columns, rows):
        if bom:
            out.write(BOM)
        writer = csv.writer(out)
        writer.writerow(header(columns, labels))
        count = 0
        for row in rows:
            writer.writerow([plain(v) for v in row])
            count += 1
    return count


def write_xlsx(engine: Engine, views: tuple[str, ...] | list[str], path: str | Path, labels: str = "key",
               skip_oversize: bool = False) -> list[tuple[str, int | None]]:
    """One worksheet per view (named after it), header row frozen; returns (view, rows) for each, rows None
    for a view left out. Rows are streamed into a write-only workbook.

    A view with more rows than a worksheet holds: left out when ``skip_oversize`` (every view exported: the
    long metrics view of a large database), else ExportError before anything is written."""
    from openpyxl import Workbook

    kept, left_out = [], []
    for view in views:
        n = count_rows(engine, view)
        if n + 1 > EXCEL_MAX_ROWS:
            if not skip_oversize:
                raise ExportError(f"view {view} has {n} rows, more than an Excel sheet holds "
                                  f"({EXCEL_MAX_ROWS - 1}); export it as csv or parquet")
            left_out.append(view)
            continue
        kept.append(view)
    book = Workbook(write_only=True)
    written = []
    for view in kept:
        sheet = book.create_sheet(view[:31])
        sheet.freeze_panes = "A2"
        with view_rows(engine, view) as (columns, rows):
            sheet.append(header(columns, labels))
            n = 0
            for row in rows:
                sheet.append([plain(v) for v in row])
                n += 1
        written.append((view, n))
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    book.save(path)
    return written + [(view, None) for view in left_out]


def _figure_column(name: str) -> bool:
    return "." in name or name == "value"


_FLOAT_EXACT = 2 ** 53  # whole numbers beyond this magnitude do not all survive float64


class _Inexact(Exception):
    """A figure column met a whole number float64 cannot hold (its name): the file is written again with it
    exact."""


def _exact_decimal(value):
    if value is None or isinstance(value, Decimal):
        return value
    return Decimal(value) if isinstance(value, int) else Decimal(repr(value)).quantize(_SCALE)


_SCALE = Decimal("0.000001")


def _arrow_table(columns: list[str], rows: list[tuple], schema=None, exact: frozenset[str] = frozenset()):
    """Rows as an Arrow table: with ``schema`` (of an earlier row group) the same types; without, inferred
    per column, a figure column float64 (decimal128(38, 6) for those in ``exact``), a column with no value
    float64 or string (by its name). A figure column not in ``exact`` holding a whole number float64 cannot
    hold raises _Inexact."""
    import pyarrow as pa

    arrays = []
    for i, name in enumerate(columns):
        values = [row[i] for row in rows]
        if name in exact:
            arrays.append(pa.array([_exact_decimal(v) for v in values], type=pa.decimal128(38, 6)))
            continue
        if _figure_column(name) and any(isinstance(v, (int, Decimal)) and not isinstance(v, bool)
                                        and abs(v) > _FLOAT_EXACT for v in values):
            raise _Inexact(name)
        if schema is not None:
            arrays.append(pa.array(values, type=schema.field(i).type))
            continue
        array = pa.array(values)
        if pa.types.is_null(array.type):  # nothing printed anywhere: keep the column's kind, not "null"
            array = pa.array(values, type=pa.float64() if _figure_column(name) else pa.string())
        elif pa.types.is_integer(array.type) and _figure_column(name):
            array = array.cast(pa.float64())  # a figure column the same type in every file
        arrays.append(array)
    return pa.Table.from_arrays(arrays, names=columns)


def write_parquet(engine: Engine, view: str, path: str | Path, row_group: int = ROW_GROUP) -> int:
    """The view as Parquet (zstd), streamed one row group of ``row_group`` rows at a time; the column types
    are those of the first row group (a view that fits in one is written exactly as a whole table was). A
    figure float64 cannot hold makes its column decimal (the module's docstring); met after the first row group,
    the file is written again from the start with that column so."""
    exact: frozenset[str] = frozenset()
    while True:
        try:
            return _write_parquet(engine, view, path, row_group, exact)
        except _Inexact as inexact:
            exact |= {inexact.args[0]}


def _write_parquet(engine: Engine, view: str, path: str | Path, row_group: int, exact: frozenset[str]) -> int:
    import pyarrow.parquet as pq

    count, writer, schema = 0, None, None
    try:
        with view_rows(engine, view) as (columns, rows):
            pending: list[tuple] = []
            for row in rows:
                pending.append(row)
                if len(pending) >= row_group:
                    table = _arrow_table(columns, pending, schema, exact)
                    if writer is None:
                        schema = table.schema
                        writer = pq.ParquetWriter(str(path), schema, compression="zstd")
                    writer.write_table(table, row_group_size=len(pending))
                    count += len(pending)
                    pending = []
            if pending or writer is None:
                table = _arrow_table(columns, pending, schema, exact)
                if writer is None:
                    writer = pq.ParquetWriter(str(path), table.schema, compression="zstd")
                writer.write_table(table, row_group_size=max(len(pending), 1))
                count += len(pending)
    finally:
        if writer is not None:
            writer.close()
    return count


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
