"""The store's fast conversions agree with the plain ones they stand for: pipeline.store._figure with
(figure_number, figure_text), Figure's SQLite bind processor with its process_bind_param; and the SQLite
connections the store writes on run WAL with synchronous=NORMAL and keep their temporary storage (the documents'
savepoints' sub-journals) in memory (pipeline.db._sqlite_pragmas says why)."""

from __future__ import annotations

from decimal import Decimal

from sqlalchemy import text
from sqlalchemy.dialects import sqlite

from pipeline.db import Figure, connect, figure_number, figure_text
from pipeline.store import _figure

VALUES = [None, Decimal("0"), Decimal("-0"), Decimal("663.00"), Decimal("12345678901234567"), Decimal("0.5"),
          Decimal("-12.50"), Decimal("1E+3"), Decimal("1234567890123.456"), Decimal("1E-7"), 7, -3, 2.5, 4.0, True]


def test_figure_is_number_and_text_in_one_pass():
    for value in VALUES:
        got = _figure(value)
        assert got == (figure_number(value), figure_text(value)), value
        assert type(got[0]) is type(figure_number(value)), value


def test_figure_bind_processor_on_sqlite_is_process_bind_param():
    dialect = sqlite.dialect()
    process = Figure().bind_processor(dialect)
    for value in VALUES + ["12", "3.25"]:
        expected = Figure().process_bind_param(value, dialect)
        assert process(value) == expected and type(process(value)) is type(expected), value


def test_store_connections_are_wal_synchronous_normal_and_temp_in_memory(tmp_path):
    engine = connect(str(tmp_path / "g.sqlite"))
    try:
        with engine.connect() as conn:
            assert conn.execute(text("pragma journal_mode")).scalar() == "wal"
            assert conn.execute(text("pragma synchronous")).scalar() == 1  # NORMAL
            assert conn.execute(text("pragma temp_store")).scalar() == 2  # MEMORY
    finally:
        engine.dispose()
