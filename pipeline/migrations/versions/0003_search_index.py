"""search_index: the segmented narrative pipeline.search matches (SQLite: an FTS5 table; elsewhere a plain one).

pipeline.search also makes it when missing, which suits SQLite; on PostgreSQL two ingests doing that at once
collide in the catalogue (a unique violation the ingest takes for "already stored"), so the schema has it
before any ingest starts. The DDL is written out here, frozen: a later change to it is a new revision.

Revision ID: 0003
Revises: 0002
Create Date: 2026-11-26
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0003"
down_revision: str | Sequence[str] | None = "0002"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    if op.get_context().dialect.name == "sqlite":
        op.execute("CREATE VIRTUAL TABLE IF NOT EXISTS search_index USING fts5(kind UNINDEXED, report_id UNINDEXED, "
                   "ref_id UNINDEXED, path UNINDEXED, title, body, tokenize='unicode61')")
        return
    if "search_index" in sa.inspect(op.get_bind()).get_table_names():  # made by pipeline.search already
        return
    op.create_table(
        "search_index",
        sa.Column("kind", sa.String(8)),
        sa.Column("report_id", sa.Integer()),
        sa.Column("ref_id", sa.Integer()),
        sa.Column("path", sa.Text()),
        sa.Column("title", sa.Text()),
        sa.Column("body", sa.Text()),
    )
    op.create_index("ix_search_index_report_id", "search_index", ["report_id"])


def downgrade() -> None:
    op.execute("DROP TABLE IF EXISTS search_index")
