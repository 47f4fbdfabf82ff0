"""The review workflow and the publication date: documents.extractor_version, reports.published(_source),
corrections, flag_reviews.

Documents stored before this revision get extractor_version NULL: read by an older extractor, so the next
ingest reads them again (their rows are replaced; corrections and reviews are keyed so that they stay).

Revision ID: 0007
Revises: 0004 (re-chained after 0005/0006 at merge)
Create Date: 2026-11-30
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0007"
down_revision: str | Sequence[str] | None = "0006"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    # batch mode: on SQLite an added nullable column is a plain ALTER TABLE … ADD COLUMN, rows stay in place
    with op.batch_alter_table("documents") as batch:
        batch.add_column(sa.Column("extractor_version", sa.Integer(), nullable=True))
    with op.batch_alter_table("reports") as batch:
        batch.add_column(sa.Column("published", sa.Date(), nullable=True))
        batch.add_column(sa.Column("published_source", sa.Text(), nullable=True))
    op.create_table(
        "corrections",
        sa.Column("id", sa.Integer(), primary_key=True),
        sa.Column("sha256", sa.String(64), nullable=False),
        sa.Column("key", sa.String(80), nullable=False),
        sa.Column("value", sa.Float(), nullable=False),
        sa.Column("published", sa.Float(), nullable=True),
        sa.Column("reason", sa.Text(), nullable=False),
        sa.Column("author", sa.Text(), nullable=False),
        sa.Column("status", sa.String(16), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.UniqueConstraint("sha256", "key", name="uq_corrections_sha256_key"),
    )
    op.create_table(
        "flag_reviews",
        sa.Column("id", sa.Integer(), primary_key=True),
        sa.Column("subject", sa.Text(), nullable=False),
        sa.Column("fingerprint", sa.Text(), nullable=False),
        sa.Column("status", sa.String(16), nullable=False),
        sa.Column("note", sa.Text(), nullable=False),
        sa.Column("author", sa.Text(), nullable=True),
        sa.Column("message", sa.Text(), nullable=False),
        sa.Column("reviewed_at", sa.DateTime(timezone=True), nullable=False),
        sa.UniqueConstraint("subject", "fingerprint", name="uq_flag_reviews_subject_fingerprint"),
    )


def downgrade() -> None:
    op.drop_table("flag_reviews")
    op.drop_table("corrections")
    # on SQLite this copies the tables: migrate() runs it with foreign keys off, so no cascade empties cells
    with op.batch_alter_table("reports") as batch:
        batch.drop_column("published_source")
        batch.drop_column("published")
    with op.batch_alter_table("documents") as batch:
        batch.drop_column("extractor_version")
