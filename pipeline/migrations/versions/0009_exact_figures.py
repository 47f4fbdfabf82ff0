"""Exact figures: cells.value, facts.value, flags.expected/found, corrections.value/published become NUMERIC
(SQLite: NUMERIC affinity, a whole figure stored as a 64-bit INTEGER; PostgreSQL: exact ``numeric``), with
the exact decimal text of a fractional figure beside it (cells.value_text, facts.value_text), and
cells.qualifier (约 approximate, 余 at_least …) as the cell printed it.

Rows already stored are converted: a REAL whole figure becomes an INTEGER; a fraction keeps its number and gets
its decimal text (the shortest text that reads back as the stored double: what was printed, for figures of up
to 15 significant digits); a whole cell figure past 2^53, which the double could not hold, is read again
from the cell's raw text when that reading is the one the double rounded (12345678901234567 → …567, not …568).

Revision ID: 0009
Revises: 0007 (re-chained after 0008 at merge)
Create Date: 2026-11-30
"""

from collections.abc import Sequence
from decimal import Decimal

import sqlalchemy as sa
from alembic import op

revision: str = "0009"
down_revision: str | Sequence[str] | None = "0008"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

# (table, columns changed from Float to NUMERIC, nullable per column)
_FIGURES = (("cells", {"value": True}), ("facts", {"value": False}), ("flags", {"expected": True, "found": True}),
            ("corrections", {"value": False, "published": True}))
_TEXT = ("cells", "facts")  # the tables of printed figures: value_text beside value


def _numeric():
    from pipeline.db import Figure

    return Figure()


def upgrade() -> None:
    pg = op.get_bind().dialect.name == "postgresql"
    for table, columns in _FIGURES:
        with op.batch_alter_table(table) as batch:
            for column, nullable in columns.items():
                batch.alter_column(column, existing_type=sa.Float(), type_=_numeric(), existing_nullable=nullable,
                                   **({"postgresql_using": f"{column}::text::numeric"} if pg else {}))
            if table in _TEXT:
                batch.add_column(sa.Column("value_text", sa.Text(), nullable=True))
            if table == "cells":
                batch.add_column(sa.Column("qualifier", sa.String(16), nullable=True))
    conn = op.get_bind()
    for table in _TEXT:
        _convert(conn, table)


def exact_figure(value, raw: str | None, table: str) -> Decimal:
    """The exact figure a stored double stands for: its shortest decimal text, or, for a whole cell figure
    past 2^53, the cell's raw text read again (times the money unit its header gave) when the double is that
    reading rounded."""
    from extractors.numerals import MONEY_UNITS, parse_cell

    exact = Decimal(repr(float(value))) if isinstance(value, float) else Decimal(value)
    if table != "cells" or not raw or abs(exact) < 2 ** 53 or exact != exact.to_integral_value():
        return exact
    parsed = parse_cell(raw).value
    if parsed is None or parsed == 0:
        return exact
    for factor in sorted({1, *MONEY_UNITS.values()}):
        if float(parsed * factor) == float(value):
            return parsed * factor
    return exact


def _convert(conn, table: str) -> None:
    raw = "raw" if table in ("cells", "facts") else "null"
    rows = conn.execute(sa.text(f"select id, value, {raw} from {table} where value is not null")).fetchall()
    for row_id, value, raw_text in rows:
        if isinstance(value, Decimal):  # PostgreSQL: the numeric the double became (its shortest text)
            value = float(value)
        exact = exact_figure(value, raw_text, table)
        whole = exact == exact.to_integral_value()
        text = None if whole else format(exact.normalize(), "f")
        stored = int(exact) if whole else float(exact)
        if text is None and isinstance(value, int) and value == stored:
            continue  # SQLite made it an INTEGER already while copying the table
        conn.execute(sa.text(f"update {table} set value = :v, value_text = :t where id = :id"),
                     {"v": stored if conn.dialect.name == "sqlite" else exact, "t": text, "id": row_id})


def downgrade() -> None:
    for table, columns in _FIGURES:
        with op.batch_alter_table(table) as batch:
            if table == "cells":
                batch.drop_column("qualifier")
            if table in _TEXT:
                batch.drop_column("value_text")
            for column, nullable in columns.items():
                batch.alter_column(column, existing_type=_numeric(), type_=sa.Float(), existing_nullable=nullable)
