"""The analyst's views written out as files: Parquet (pyarrow) or CSV, one file per view.

Figures stay float64 (NULL where a report does not print the cell); identity columns stay strings and
integers; ``details`` (JSON evidence of a flag) is written as its JSON text so every backend gives one type.
"""

from __future__ import annotations

import csv
import json
from pathlib import Path
from typing import TextIO

from sqlalchemy import text
from sqlalchemy.engine import Engine

from pipeline.views import VIEWS

FORMATS = ("parquet", "csv")


def read_view(engine: Engine, view: str) -> tuple[list[str], list[tuple]]:
    if view not in VIEWS:
        raise ValueError(f"unknown view {view!r}; the views are {', '.join(VIEWS)}")
    with engine.connect() as conn:
        result = conn.execute(text(f"select * from {view} order by 1"))
        columns = list(result.keys())
        rows = [tuple(json.dumps(v, ensure_ascii=False) if isinstance(v, (dict, list)) else v for v in row)
                for row in result]
    return columns, rows


def write_csv(engine: Engine, view: str, out: TextIO) -> int:
    columns, rows = read_view(engine, view)
    writer = csv.writer(out)
    writer.writerow(columns)
    writer.writerows(rows)
    return len(rows)


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


def export_views(engine: Engine, fmt: str, out_dir: str | Path,
                 views: tuple[str, ...] | list[str] = VIEWS) -> list[tuple[Path, int]]:
    """One file per view, ``<out_dir>/<view>.parquet`` or ``.csv``; returns (path, rows) for each."""
    if fmt not in FORMATS:
        raise ValueError(f"format is one of {', '.join(FORMATS)}, not {fmt!r}")
    out_dir = Path(out_dir)
    out_dir.mkdir(parents=True, exist_ok=True)
    written = []
    for view in views:
        path = out_dir / f"{view}.{fmt}"
        if fmt == "parquet":
            n = write_parquet(engine, view, path)
        else:
            with path.open("w", encoding="utf-8", newline="") as out:
                n = write_csv(engine, view, out)
        written.append((path, n))
    return written
