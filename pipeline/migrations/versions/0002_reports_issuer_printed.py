"""reports.issuer_printed: the issuer exactly as the report prints it, before normalisation.

Revision ID: 0002
Revises: 0001
Create Date: 2026-11-26
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0002"
down_revision: str | Sequence[str] | None = "0001"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    # batch mode: on SQLite an added nullable column is a plain ALTER TABLE … ADD COLUMN, rows stay in place
    with op.batch_alter_table("reports") as batch:
        batch.add_column(sa.Column("issuer_printed", sa.Text(), nullable=True))


def downgrade() -> None:
    # on SQLite this copies the table: migrate() runs it with foreign keys off, so no cascade empties cells
    with op.batch_alter_table("reports") as batch:
        batch.drop_column("issuer_printed")
