"""Alembic's environment: migrate on the connection :func:`pipeline.db.migrate` hands over, inside its
transaction and lock; or, for ``command.revision(..., autogenerate=True)``, on a connection of its own."""

from __future__ import annotations

from alembic import context

from pipeline.db import Base, migration_engine
from pipeline.migrations import include_object

config = context.config


def run(connection) -> None:
    # render_as_batch: SQLite alters most things only by copying the table, which batch mode does
    context.configure(connection=connection, target_metadata=Base.metadata, render_as_batch=True,
                      compare_type=True, include_object=include_object)
    with context.begin_transaction():  # a no-op inside migrate()'s transaction, which commits all or nothing
        context.run_migrations()


connection = config.attributes.get("connection")
if connection is not None:
    run(connection)
else:
    engine = migration_engine(config.get_main_option("sqlalchemy.url"))
    try:
        with engine.begin() as conn:
            run(conn)
    finally:
        engine.dispose()
