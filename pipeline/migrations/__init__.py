"""Alembic migrations of the store's schema, shipped in the package; :func:`pipeline.db.connect` applies them.

A new revision (after changing the models in ``pipeline/db.py``)::

    .venv/bin/python -c "from alembic import command; from pipeline.db import alembic_config; \\
        command.revision(alembic_config('/tmp/dev.sqlite'), 'what changed', autogenerate=True)"

against a database at the current head; then review the file it writes in ``versions/`` (SQLite needs
batch mode, which env.py turns on) and add a test to tests/test_migrations.py.
"""

from __future__ import annotations

# Tables the schema has that the models do not describe: pipeline.search's index (on SQLite an FTS5 table and
# its shadow tables search_index_data, _idx, …). Autogenerate must neither drop nor compare them.
UNMODELLED = "search_index"


def include_object(obj, name: str | None, type_: str, reflected: bool, compare_to) -> bool:
    """Alembic's include_object hook: everything but the unmodelled tables (and their indexes)."""
    table = name if type_ == "table" else getattr(getattr(obj, "table", None), "name", None)
    return not (table and (table == UNMODELLED or table.startswith(UNMODELLED + "_")))
