"""The schema gongkai 0.1.0 created with ``create_all`` before migrations existed.

A database made then has every table and no ``alembic_version``; :func:`pipeline.db.migrate` stamps it with
this revision and upgrades it from here. Keep this file as it is: it must stay that schema exactly
(tests/test_migrations.py compares it with a database the 0.1.0 code made).

Revision ID: 0001
Revises:
Create Date: 2026-11-26
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0001"
down_revision: str | Sequence[str] | None = None
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def _report_fk() -> sa.ForeignKeyConstraint:
    return sa.ForeignKeyConstraint(["report_id"], ["reports.id"], ondelete="CASCADE")


def upgrade() -> None:
    op.create_table(
        "documents",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("sha256", sa.String(64), nullable=False),
        sa.Column("path", sa.Text(), nullable=False),
        sa.Column("name", sa.Text(), nullable=False),
        sa.Column("format", sa.String(16), nullable=True),
        sa.Column("size", sa.Integer(), nullable=False),
        sa.Column("pages", sa.Integer(), nullable=True),
        sa.Column("status", sa.String(16), nullable=False),
        sa.Column("error", sa.Text(), nullable=True),
        sa.Column("ingested_at", sa.DateTime(timezone=True), nullable=False),
        sa.PrimaryKeyConstraint("id"),
        sa.UniqueConstraint("sha256"),
    )
    op.create_index("ix_documents_path", "documents", ["path"])

    op.create_table(
        "reports",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("document_id", sa.Integer(), nullable=False),
        sa.Column("title", sa.Text(), nullable=True),
        sa.Column("region", sa.Text(), nullable=True),
        sa.Column("admin_code", sa.String(6), nullable=True),
        sa.Column("region_level", sa.String(16), nullable=True),
        sa.Column("issuer", sa.Text(), nullable=True),
        sa.Column("issuer_kind", sa.String(32), nullable=True),
        sa.Column("year", sa.Integer(), nullable=True),
        sa.Column("edition", sa.String(8), nullable=True),
        sa.Column("other_split", sa.Boolean(), nullable=True),
        sa.PrimaryKeyConstraint("id"),
        sa.UniqueConstraint("document_id"),
        sa.ForeignKeyConstraint(["document_id"], ["documents.id"], ondelete="CASCADE"),
    )
    op.create_index("ix_reports_admin_code", "reports", ["admin_code"])
    op.create_index("ix_reports_region", "reports", ["region"])
    op.create_index("ix_reports_year", "reports", ["year"])

    op.create_table(
        "cells",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("report_id", sa.Integer(), nullable=False),
        sa.Column("key", sa.String(80), nullable=True),
        sa.Column("table_name", sa.String(16), nullable=False),
        sa.Column("row_label", sa.Text(), nullable=False),
        sa.Column("column_label", sa.Text(), nullable=False),
        sa.Column("value", sa.Float(), nullable=True),
        sa.Column("raw", sa.Text(), nullable=False),
        sa.Column("meaning", sa.String(16), nullable=False),
        sa.Column("unit", sa.String(8), nullable=True),
        sa.Column("page", sa.Integer(), nullable=True),
        sa.Column("grid_row", sa.Integer(), nullable=True),
        sa.Column("grid_col", sa.Integer(), nullable=True),
        sa.PrimaryKeyConstraint("id"),
        sa.UniqueConstraint("report_id", "key", name="uq_cells_report_key"),
        _report_fk(),
    )
    op.create_index("ix_cells_report_id", "cells", ["report_id"])
    op.create_index("ix_cells_key", "cells", ["key"])

    op.create_table(
        "sections",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("report_id", sa.Integer(), nullable=False),
        sa.Column("ord", sa.Integer(), nullable=False),
        sa.Column("level", sa.Integer(), nullable=False),
        sa.Column("path", sa.Text(), nullable=False),
        sa.Column("title", sa.Text(), nullable=False),
        sa.Column("text", sa.Text(), nullable=False),
        sa.Column("page", sa.Integer(), nullable=True),
        sa.PrimaryKeyConstraint("id"),
        _report_fk(),
    )
    op.create_index("ix_sections_report_id", "sections", ["report_id"])

    op.create_table(
        "facts",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("report_id", sa.Integer(), nullable=False),
        sa.Column("ord", sa.Integer(), nullable=False),
        sa.Column("section_path", sa.Text(), nullable=False),
        sa.Column("sentence", sa.Text(), nullable=False),
        sa.Column("subject", sa.Text(), nullable=False),
        sa.Column("value", sa.Float(), nullable=False),
        sa.Column("unit", sa.String(8), nullable=False),
        sa.Column("kind", sa.String(16), nullable=False),
        sa.Column("qualifier", sa.String(16), nullable=True),
        sa.Column("sign", sa.Integer(), nullable=True),
        sa.Column("raw", sa.Text(), nullable=False),
        sa.Column("page", sa.Integer(), nullable=True),
        sa.Column("start", sa.Integer(), nullable=False),
        sa.Column("end", sa.Integer(), nullable=False),
        sa.Column("linked_key", sa.String(80), nullable=True),
        sa.PrimaryKeyConstraint("id"),
        _report_fk(),
    )
    op.create_index("ix_facts_report_id", "facts", ["report_id"])

    op.create_table(
        "flags",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("report_id", sa.Integer(), nullable=False),
        sa.Column("kind", sa.String(24), nullable=False),
        sa.Column("message", sa.Text(), nullable=False),
        sa.Column("identity", sa.String(40), nullable=True),
        sa.Column("where", sa.String(80), nullable=True),
        sa.Column("key", sa.String(80), nullable=True),
        sa.Column("expected", sa.Float(), nullable=True),
        sa.Column("found", sa.Float(), nullable=True),
        sa.Column("page", sa.Integer(), nullable=True),
        sa.Column("details", sa.JSON(), nullable=True),
        sa.PrimaryKeyConstraint("id"),
        _report_fk(),
    )
    op.create_index("ix_flags_kind", "flags", ["kind"])
    op.create_index("ix_flags_report_id", "flags", ["report_id"])


def downgrade() -> None:
    for table in ("flags", "facts", "sections", "cells", "reports", "documents"):
        op.drop_table(table)
