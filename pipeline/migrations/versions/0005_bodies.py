"""reports.body, body_label, copy_rank, copies, copies_disagree: which body a report belongs to and which of a
body-year's format copies counts, stored at ingest (see pipeline.bodies) so that the views read a column.

Revision ID: 0005
Revises: 0004
Create Date: 2026-11-30
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0005"
down_revision: str | Sequence[str] | None = "0004"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    with op.batch_alter_table("reports") as batch:
        batch.add_column(sa.Column("body", sa.Text(), nullable=True))
        batch.add_column(sa.Column("body_label", sa.Text(), nullable=True))
        batch.add_column(sa.Column("copy_rank", sa.Integer(), nullable=True))
        batch.add_column(sa.Column("copies", sa.Integer(), nullable=True))
        batch.add_column(sa.Column("copies_disagree", sa.Text(), nullable=True))
    op.create_index("ix_reports_body_year", "reports", ["body", "year"])
    op.create_index("ix_reports_copy_rank", "reports", ["copy_rank"])
    # the rows already stored get their body and ranks now, as an ingest would give them
    from pipeline.bodies import settle_copies

    settle_copies(op.get_bind())


def downgrade() -> None:
    op.drop_index("ix_reports_copy_rank", "reports")
    op.drop_index("ix_reports_body_year", "reports")
    with op.batch_alter_table("reports") as batch:
        for name in ("copies_disagree", "copies", "copy_rank", "body_label", "body"):
            batch.drop_column(name)
