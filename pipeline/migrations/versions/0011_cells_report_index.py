"""ix_cells_report_id dropped: the unique index on cells (report_id, key) serves every look-up by report_id
(its leading column: a report's cells, the cascade from reports), so the second index cost each stored cell an
index entry (23.5 MB of a 735 MB database of 10,000 reports) and bought nothing.

Revision ID: 0011
Revises: 0010
Create Date: 2026-12-01
"""

from collections.abc import Sequence

from alembic import op

revision: str = "0011"
down_revision: str | Sequence[str] | None = "0010"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.drop_index("ix_cells_report_id", table_name="cells")


def downgrade() -> None:
    op.create_index("ix_cells_report_id", "cells", ["report_id"])
