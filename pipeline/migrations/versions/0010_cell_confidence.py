"""cells.confidence: the OCR recognition score (0..1) of a cell's least sure character; NULL for cells read
from a text layer (and for every cell stored before this revision).

Revision ID: 0010
Revises: 0007 (the lead re-chains it after the revisions merged beside it)
Create Date: 2026-11-30
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0010"
down_revision: str | Sequence[str] | None = "0009"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    # batch mode: on SQLite an added nullable column is a plain ALTER TABLE … ADD COLUMN, rows stay in place
    with op.batch_alter_table("cells") as batch:
        batch.add_column(sa.Column("confidence", sa.Float(), nullable=True))


def downgrade() -> None:
    with op.batch_alter_table("cells") as batch:
        batch.drop_column("confidence")
