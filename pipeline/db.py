"""The relational store: SQLAlchemy 2.x models, the same on SQLite (default) and PostgreSQL.

documents  one row per distinct file content (sha256), ingested or failed, with the reason
reports    the identity of the report a document holds
cells      every figure of the standard tables: canonical key (NULL for rows the template lacks), value, raw
           text, what the text meant, page
sections   the narrative's section tree
facts      quantities stated in the narrative
flags      identity breaks and other things a reader of the figures must know
"""

from __future__ import annotations

import os
from datetime import datetime, timezone
from pathlib import Path

from sqlalchemy import (
    JSON, Boolean, DateTime, Float, ForeignKey, Integer, String, Text, UniqueConstraint, create_engine, event,
)
from sqlalchemy.engine import Engine
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column, relationship

DEFAULT_DB = "data/db/gongkai.sqlite"


class Base(DeclarativeBase):
    pass


def _now() -> datetime:
    return datetime.now(timezone.utc)


class DocumentRow(Base):
    __tablename__ = "documents"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    sha256: Mapped[str] = mapped_column(String(64), unique=True)
    path: Mapped[str] = mapped_column(Text, index=True)
    name: Mapped[str] = mapped_column(Text)
    format: Mapped[str | None] = mapped_column(String(16))
    size: Mapped[int] = mapped_column(Integer)
    pages: Mapped[int | None] = mapped_column(Integer)
    status: Mapped[str] = mapped_column(String(16))  # ingested | failed
    error: Mapped[str | None] = mapped_column(Text)
    ingested_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), default=_now)

    report: Mapped[ReportRow | None] = relationship(back_populates="document", cascade="all, delete-orphan",
                                                    uselist=False)


class ReportRow(Base):
    __tablename__ = "reports"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    document_id: Mapped[int] = mapped_column(ForeignKey("documents.id", ondelete="CASCADE"), unique=True)
    title: Mapped[str | None] = mapped_column(Text)
    region: Mapped[str | None] = mapped_column(Text, index=True)
    admin_code: Mapped[str | None] = mapped_column(String(6), index=True)
    region_level: Mapped[str | None] = mapped_column(String(16))
    issuer: Mapped[str | None] = mapped_column(Text)
    issuer_kind: Mapped[str | None] = mapped_column(String(32))
    year: Mapped[int | None] = mapped_column(Integer, index=True)
    edition: Mapped[str | None] = mapped_column(String(8))
    other_split: Mapped[bool | None] = mapped_column(Boolean)

    document: Mapped[DocumentRow] = relationship(back_populates="report")
    cells: Mapped[list[CellRow]] = relationship(cascade="all, delete-orphan", passive_deletes=True)
    sections: Mapped[list[SectionRow]] = relationship(cascade="all, delete-orphan", passive_deletes=True,
                                                      order_by="SectionRow.ord")
    facts: Mapped[list[FactRow]] = relationship(cascade="all, delete-orphan", passive_deletes=True,
                                                order_by="FactRow.ord")
    flags: Mapped[list[FlagRow]] = relationship(cascade="all, delete-orphan", passive_deletes=True,
                                                order_by="FlagRow.id")


class CellRow(Base):
    __tablename__ = "cells"
    __table_args__ = (UniqueConstraint("report_id", "key", name="uq_cells_report_key"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    report_id: Mapped[int] = mapped_column(ForeignKey("reports.id", ondelete="CASCADE"), index=True)
    key: Mapped[str | None] = mapped_column(String(80), index=True)  # NULL: a row the template lacks
    table_name: Mapped[str] = mapped_column(String(16))
    row_label: Mapped[str] = mapped_column(Text)
    column_label: Mapped[str] = mapped_column(Text)
    value: Mapped[float | None] = mapped_column(Float)
    raw: Mapped[str] = mapped_column(Text)
    meaning: Mapped[str] = mapped_column(String(16))  # number | zero | empty | invalid | unit_missing
    unit: Mapped[str | None] = mapped_column(String(8))
    page: Mapped[int | None] = mapped_column(Integer)
    grid_row: Mapped[int | None] = mapped_column(Integer)
    grid_col: Mapped[int | None] = mapped_column(Integer)


class SectionRow(Base):
    __tablename__ = "sections"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    report_id: Mapped[int] = mapped_column(ForeignKey("reports.id", ondelete="CASCADE"), index=True)
    ord: Mapped[int] = mapped_column(Integer)
    level: Mapped[int] = mapped_column(Integer)
    path: Mapped[str] = mapped_column(Text)  # titles joined with " / "
    title: Mapped[str] = mapped_column(Text)
    text: Mapped[str] = mapped_column(Text)
    page: Mapped[int | None] = mapped_column(Integer)


class FactRow(Base):
    __tablename__ = "facts"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    report_id: Mapped[int] = mapped_column(ForeignKey("reports.id", ondelete="CASCADE"), index=True)
    ord: Mapped[int] = mapped_column(Integer)
    section_path: Mapped[str] = mapped_column(Text)
    sentence: Mapped[str] = mapped_column(Text)
    subject: Mapped[str] = mapped_column(Text)
    value: Mapped[float] = mapped_column(Float)
    unit: Mapped[str] = mapped_column(String(8))
    kind: Mapped[str] = mapped_column(String(16))
    qualifier: Mapped[str | None] = mapped_column(String(16))
    sign: Mapped[int | None] = mapped_column(Integer)
    raw: Mapped[str] = mapped_column(Text)
    page: Mapped[int | None] = mapped_column(Integer)
    start: Mapped[int] = mapped_column(Integer)
    end: Mapped[int] = mapped_column(Integer)
    linked_key: Mapped[str | None] = mapped_column(String(80))


class FlagRow(Base):
    __tablename__ = "flags"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    report_id: Mapped[int] = mapped_column(ForeignKey("reports.id", ondelete="CASCADE"), index=True)
    kind: Mapped[str] = mapped_column(String(24), index=True)
    message: Mapped[str] = mapped_column(Text)
    identity: Mapped[str | None] = mapped_column(String(40))
    where: Mapped[str | None] = mapped_column(String(80))
    key: Mapped[str | None] = mapped_column(String(80))
    expected: Mapped[float | None] = mapped_column(Float)
    found: Mapped[float | None] = mapped_column(Float)
    page: Mapped[int | None] = mapped_column(Integer)
    details: Mapped[dict | None] = mapped_column(JSON)


def database_url(db: str | None) -> str:
    """A SQLAlchemy URL from --db: a URL as is, anything else a SQLite file path (default data/db/…)."""
    db = db or os.environ.get("GONGKAI_DB") or DEFAULT_DB
    if "://" in db:
        return db
    Path(db).parent.mkdir(parents=True, exist_ok=True)
    return f"sqlite:///{db}"


def connect(db: str | None = None) -> Engine:
    """An engine on the database, its schema created if missing."""
    url = database_url(db)
    engine = create_engine(url, future=True)
    if engine.dialect.name == "sqlite":
        event.listen(engine, "connect", _sqlite_pragmas)
    Base.metadata.create_all(engine)
    return engine


def _sqlite_pragmas(dbapi_conn, _record) -> None:
    cursor = dbapi_conn.cursor()
    cursor.execute("PRAGMA foreign_keys=ON")  # ON DELETE CASCADE needs it
    cursor.execute("PRAGMA journal_mode=WAL")  # readers (Datasette) never block an ingest
    cursor.execute("PRAGMA busy_timeout=30000")
    cursor.close()
