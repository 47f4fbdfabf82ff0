"""text_reuse: per report, the share of its narrative sentences that repeat the same body's report of the year
before, whole (section '') and per top-level section (pipeline.reuse defines it and fills it after ingest).

Revision ID: 0006
Revises: 0004 (the lead re-chains it after 0005 at merge)
Create Date: 2026-11-30
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0006"
down_revision: str | Sequence[str] | None = "0005"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_table(
        "text_reuse",
        sa.Column("report_id", sa.Integer(), sa.ForeignKey("reports.id", ondelete="CASCADE"), primary_key=True),
        sa.Column("section", sa.String(200), primary_key=True),
        sa.Column("previous_report_id", sa.Integer(), sa.ForeignKey("reports.id", ondelete="CASCADE")),
        sa.Column("sentences", sa.Integer(), nullable=False),
        sa.Column("reused", sa.Integer(), nullable=False),
        sa.Column("share", sa.Float()),
    )
    op.create_index("ix_text_reuse_previous_report_id", "text_reuse", ["previous_report_id"])


def downgrade() -> None:
    op.drop_index("ix_text_reuse_previous_report_id", "text_reuse")
    op.drop_table("text_reuse")
