"""pending: what derived data must be recomputed, written in the transaction that changes a document and
completed by the next ingest or ``gongkai check --refresh`` (pipeline.pending).

A database upgraded to this revision has no record of what an interrupted run left undone: pipeline.pending
finds no derived-data version in ``meta`` and recomputes everything once.

Revision ID: 0008
Revises: 0007
Create Date: 2026-11-30
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0008"
down_revision: str | Sequence[str] | None = "0007"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_table(
        "pending",
        sa.Column("id", sa.Integer(), primary_key=True),
        sa.Column("kind", sa.String(16), nullable=False),
        sa.Column("body", sa.Text(), nullable=True),
        sa.Column("year", sa.Integer(), nullable=True),
        sa.Column("sha256", sa.String(64), nullable=True),
    )


def downgrade() -> None:
    op.drop_table("pending")
    op.execute(sa.text("delete from meta where key = 'derived_version'"))
