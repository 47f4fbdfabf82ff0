"""A stored figure's two columns: the number (int when whole, exact at any size; float for a fraction) and, for a
fraction, its exact decimal text. Plain Python (no SQLAlchemy): the pool's workers convert figures before the
store, and do not import the database layer (pipeline.warm)."""

from __future__ import annotations

from decimal import Decimal


def figure_number(value):
    """int for a whole figure (exact at any size), float for a fraction, None for None."""
    if value is None:
        return None
    if isinstance(value, bool):
        return int(value)
    if isinstance(value, int):
        return value
    if isinstance(value, float):
        return int(value) if value.is_integer() else value
    if isinstance(value, Decimal):
        return int(value) if value == value.to_integral_value() else float(value)
    value = Decimal(str(value))  # a numeric text SQLite kept as TEXT
    return int(value) if value == value.to_integral_value() else float(value)


def figure_text(value) -> str | None:
    """The exact decimal text of a fraction ("1234.5678"), for ``value_text``; None for a whole figure (the
    integer column holds it exactly) and for None."""
    if value is None:
        return None
    value = value if isinstance(value, Decimal) else Decimal(repr(value) if isinstance(value, float) else value)
    if value == value.to_integral_value():
        return None
    return format(value.normalize(), "f")
