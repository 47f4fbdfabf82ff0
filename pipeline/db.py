"""The relational store: SQLAlchemy 2.x models, the same on SQLite (default) and PostgreSQL.

documents  one row per distinct file content (sha256), ingested or failed, with the reason
reports    the identity of the report a document holds
cells      every figure of the standard tables: canonical key (NULL for rows the template lacks), value, raw
           text, what the text meant, page
sections   the narrative's section tree
facts      quantities stated in the narrative
flags      identity breaks and other things a reader of the figures must know
corrections   an analyst's value for a cell, beside the published one (revision 0007)
flag_reviews  an analyst's verdict on a flag: confirmed or dismissed, with a note (revision 0007)
pending    what derived data (copy ranks, quality flags, text reuse, corrections' statuses) awaits recomputing (0008)
"""

from __future__ import annotations

import hashlib
import json
import os
import sqlite3
import time
import weakref
import zlib
from collections.abc import Iterator, Sequence
from datetime import date, datetime, timezone
from functools import cache
from decimal import Decimal
from pathlib import Path
from typing import TYPE_CHECKING, TypeVar

from sqlalchemy import (
    JSON, Boolean, Column, Date, DateTime, Float, ForeignKey, Index, Integer, MetaData, PrimaryKeyConstraint, String,
    Table, Text, UniqueConstraint, create_engine, delete, event, insert, inspect, select, text,
)
from sqlalchemy.engine import URL, Connection, Engine, make_url
from sqlalchemy.exc import ArgumentError, NoSuchModuleError, SQLAlchemyError
from sqlalchemy.ext.compiler import compiles
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column, relationship
from sqlalchemy.pool import NullPool, Pool
from sqlalchemy.sql.compiler import SQLCompiler
from sqlalchemy.sql.elements import ColumnElement
from sqlalchemy.sql.visitors import InternalTraversal
from sqlalchemy.types import TypeDecorator, UserDefinedType

from pipeline.figures import figure_number, figure_text  # noqa: F401 (re-exported)
from pipeline.views import view_sql

if TYPE_CHECKING:  # alembic is imported where a schema changes, not by every command's start-up
    from alembic.config import Config

DEFAULT_DB = "data/db/gongkai.sqlite"
MIGRATIONS = Path(__file__).with_name("migrations")
BASELINE = "0001"  # the schema 0.1.0 made with create_all, before there were migrations


@cache
def revisions() -> tuple[str, ...]:
    """The shipped migrations' revision ids, oldest first, read from their file names ("0010_cell_confidence.py"
    is revision "0010"; tests/test_migrations.py holds that against alembic's own reading of the scripts), so
    that opening an up-to-date database does not import alembic (~0.4 s of every command's start-up)."""
    return tuple(sorted(p.name[:4] for p in (MIGRATIONS / "versions").glob("[0-9][0-9][0-9][0-9]_*.py")))


def _stored_revision(conn: Connection) -> str | None:
    """The revision alembic_version holds (alembic's one-row table); None when there is none (a new database)."""
    if not inspect(conn).has_table("alembic_version"):
        return None
    return conn.execute(text("select version_num from alembic_version")).scalar()


class Base(DeclarativeBase):
    """The models. Each table's columns are in the order its migrations left them: a new database is made
    from the models (``migrate``), and it must be the very schema an older one is migrated to."""


class _NumericColumn(UserDefinedType):
    """DDL ``NUMERIC`` with no conversion of its own (SQLAlchemy's Numeric turns every value into a float on
    SQLite): SQLite gives the column NUMERIC affinity, so a whole figure is stored as a 64-bit INTEGER and
    a fraction as REAL; PostgreSQL stores it as an exact ``numeric``."""

    cache_ok = True

    def get_col_spec(self, **_kw) -> str:
        return "NUMERIC"


class Figure(TypeDecorator):
    """A printed figure (revision 0009): whole figures stored and handed back as exact integers
    (12345678901234567 stays …567, never the float …568), fractions as numbers the filters compare; the
    exact decimal text of a fraction is kept beside it (``value_text``, see :func:`figure_text`).
    Python side: int for a whole figure, float otherwise (Decimal in, as the extractors give it, too)."""

    impl = _NumericColumn
    cache_ok = True

    def process_bind_param(self, value, dialect):
        value = figure_number(value)
        if value is not None and dialect.name != "sqlite":
            # numeric, never float8: a multi-row INSERT's VALUES list would make the whole column float8
            return Decimal(value) if isinstance(value, int) else Decimal(repr(value))
        return value

    def bind_processor(self, dialect):
        """SQLite: ``process_bind_param`` in one call, a whole figure (int, as pipeline.store hands every whole
        figure over) passed through untouched; the store converts thousands of figures a second."""
        if dialect.name != "sqlite":
            return super().bind_processor(dialect)

        def process(value, _int=int, _number=figure_number):
            return value if value.__class__ is _int or value is None else _number(value)

        return process

    def process_result_value(self, value, dialect):
        return figure_number(value)


def _now() -> datetime:
    return datetime.now(timezone.utc)


class DocumentRow(Base):
    __tablename__ = "documents"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    sha256: Mapped[str] = mapped_column(String(64), unique=True)
    path: Mapped[str] = mapped_column(Text, index=True)
    name: Mapped[str] = mapped_column(Text)
    format: Mapped[str | None] = mapped_column(String(16))
    size: Mapped[int] = mapped_column(Integer, index=True)  # writer.stored_bytes asks by size (migration 0012)
    pages: Mapped[int | None] = mapped_column(Integer)
    status: Mapped[str] = mapped_column(String(16))  # ingested | failed | not_report
    error: Mapped[str | None] = mapped_column(Text)
    ingested_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), default=_now)
    # extractors.version.EXTRACTOR_VERSION that read it (revision 0007); NULL: read before versions were kept
    extractor_version: Mapped[int | None] = mapped_column(Integer)

    report: Mapped[ReportRow | None] = relationship(back_populates="document", cascade="all, delete-orphan",
                                                    uselist=False)


class ReportRow(Base):
    __tablename__ = "reports"
    __table_args__ = (Index("ix_reports_body_year", "body", "year"),)

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
    issuer_printed: Mapped[str | None] = mapped_column(Text)  # as printed, before normalisation (revision 0002)
    # revision 0005, set by pipeline.bodies.settle_copies: the body (division code + organ), its label, and which
    # of the body-year's format copies counts (copy_rank 0), how many there are, the keys on which they differ
    body: Mapped[str | None] = mapped_column(Text)
    body_label: Mapped[str | None] = mapped_column(Text)
    copy_rank: Mapped[int | None] = mapped_column(Integer, index=True)
    copies: Mapped[int | None] = mapped_column(Integer)
    copies_disagree: Mapped[str | None] = mapped_column(Text)
    published: Mapped[date | None] = mapped_column(Date)  # the date it was published (revision 0007)
    published_source: Mapped[str | None] = mapped_column(Text)  # where that date was read

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
    # no index of its own: the unique (report_id, key) index leads with it (migration 0011)
    report_id: Mapped[int] = mapped_column(ForeignKey("reports.id", ondelete="CASCADE"))
    key: Mapped[str | None] = mapped_column(String(80), index=True)  # NULL: a row the template lacks
    table_name: Mapped[str] = mapped_column(String(16))
    row_label: Mapped[str] = mapped_column(Text)
    column_label: Mapped[str] = mapped_column(Text)
    value: Mapped[float | None] = mapped_column(Figure)
    raw: Mapped[str] = mapped_column(Text)
    meaning: Mapped[str] = mapped_column(String(16))  # number | zero | empty | invalid | malformed | unit_missing
    unit: Mapped[str | None] = mapped_column(String(8))
    page: Mapped[int | None] = mapped_column(Integer)
    grid_row: Mapped[int | None] = mapped_column(Integer)
    grid_col: Mapped[int | None] = mapped_column(Integer)
    value_text: Mapped[str | None] = mapped_column(Text)  # exact decimal of a fraction (revision 0009)
    qualifier: Mapped[str | None] = mapped_column(String(16))  # 约 approximate, 余 at_least … (revision 0009)
    # OCR'd cells: the recognition score (0..1) of the least sure character; NULL from a text layer (revision 0010)
    confidence: Mapped[float | None] = mapped_column(Float)


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
    value: Mapped[float] = mapped_column(Figure)
    unit: Mapped[str] = mapped_column(String(8))
    kind: Mapped[str] = mapped_column(String(16))
    qualifier: Mapped[str | None] = mapped_column(String(16))
    sign: Mapped[int | None] = mapped_column(Integer)
    raw: Mapped[str] = mapped_column(Text)
    page: Mapped[int | None] = mapped_column(Integer)
    start: Mapped[int] = mapped_column(Integer)
    end: Mapped[int] = mapped_column(Integer)
    linked_key: Mapped[str | None] = mapped_column(String(80))
    value_text: Mapped[str | None] = mapped_column(Text)  # exact decimal of a fraction (revision 0009)


class MetaRow(Base):
    """The database's own bookkeeping (revision 0004): which view definitions it holds."""

    __tablename__ = "meta"

    key: Mapped[str] = mapped_column(String(64), primary_key=True)
    value: Mapped[str] = mapped_column(Text)


class PendingRow(Base):
    """What derived data must be recomputed (revision 0008; pipeline.pending defines it, marks it in the
    transaction that changes a document, and completes it): kind ``body_year`` names a body and year whose copy
    ranks, quality flags and text reuse (and those of the reports that compare with it) are stale; kind ``copy``
    one that gained a report (stale the same way, the quality flags only when the new copy counts); kind
    ``document`` names bytes (sha256) whose corrections' statuses are. Repeats are allowed."""

    __tablename__ = "pending"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    kind: Mapped[str] = mapped_column(String(16))  # body_year | copy | document
    body: Mapped[str | None] = mapped_column(Text)
    year: Mapped[int | None] = mapped_column(Integer)
    sha256: Mapped[str | None] = mapped_column(String(64))


class TextReuseRow(Base):
    """Per report, the share of its narrative sentences that repeat the same body's previous-year report
    (revision 0006; pipeline.reuse defines and fills it): section '' is the whole report."""

    __tablename__ = "text_reuse"

    report_id: Mapped[int] = mapped_column(ForeignKey("reports.id", ondelete="CASCADE"), primary_key=True)
    section: Mapped[str] = mapped_column(String(200), primary_key=True)
    # its deletion deletes these rows, so a replaced previous report is compared afresh (SQLite reuses ids)
    previous_report_id: Mapped[int | None] = mapped_column(ForeignKey("reports.id", ondelete="CASCADE"), index=True)
    sentences: Mapped[int] = mapped_column(Integer)
    reused: Mapped[int] = mapped_column(Integer)
    share: Mapped[float | None] = mapped_column(Float)


class FlagRow(Base):
    __tablename__ = "flags"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    report_id: Mapped[int] = mapped_column(ForeignKey("reports.id", ondelete="CASCADE"), index=True)
    kind: Mapped[str] = mapped_column(String(24), index=True)
    message: Mapped[str] = mapped_column(Text)
    identity: Mapped[str | None] = mapped_column(String(40))
    where: Mapped[str | None] = mapped_column(String(80))
    key: Mapped[str | None] = mapped_column(String(80))
    expected: Mapped[float | None] = mapped_column(Figure)
    found: Mapped[float | None] = mapped_column(Figure)
    page: Mapped[int | None] = mapped_column(Integer)
    details: Mapped[dict | None] = mapped_column(JSON)


class CorrectionRow(Base):
    """An analyst's value for one cell of one document (revision 0007), never written into cells.value.

    Keyed by the document's bytes (sha256) and the canonical key, not by row ids, so it outlives re-reading:
    the same file ingested again, or read again by a newer extractor, meets its corrections. No foreign key:
    a correction stays when its document is forgotten (status ``orphaned``) and applies again if the same
    bytes come back. status: open (the published reading differs) | resolved (the current reading now agrees)
    | orphaned (no ingested document holds these bytes); recomputed by pipeline.review.refresh_corrections.
    """

    __tablename__ = "corrections"
    __table_args__ = (UniqueConstraint("sha256", "key", name="uq_corrections_sha256_key"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    sha256: Mapped[str] = mapped_column(String(64))
    key: Mapped[str] = mapped_column(String(80))
    value: Mapped[float] = mapped_column(Figure)
    published: Mapped[float | None] = mapped_column(Figure)  # cells.value when the correction was made
    reason: Mapped[str] = mapped_column(Text)
    author: Mapped[str] = mapped_column(Text)
    status: Mapped[str] = mapped_column(String(16))
    created_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), default=_now)


class FlagReviewRow(Base):
    """An analyst's verdict on a flag (revision 0007), keyed by what the flag is about, not by its row id.

    subject: the report's body and year (pipeline.views.FLAG_SUBJECT_SQL); fingerprint: the flag's kind,
    check, key and place (FLAG_FINGERPRINT_SQL). Flags are deleted and made again at every re-read and
    quality refresh; a review meets the same finding again through these two, and copies of one report in
    several formats share it. status: confirmed | dismissed.
    """

    __tablename__ = "flag_reviews"
    __table_args__ = (UniqueConstraint("subject", "fingerprint", name="uq_flag_reviews_subject_fingerprint"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    subject: Mapped[str] = mapped_column(Text)
    fingerprint: Mapped[str] = mapped_column(Text)
    status: Mapped[str] = mapped_column(String(16))
    note: Mapped[str] = mapped_column(Text)
    author: Mapped[str | None] = mapped_column(Text)
    message: Mapped[str] = mapped_column(Text)  # the flag's message when reviewed, for a reader of this table
    reviewed_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), default=_now)


class DatabaseError(Exception):
    """A --db that cannot be used, in one line naming it and the reason: a SQLite file that does not exist (for
    a read command), a folder, a file that is not SQLite, another application's database, a URL that cannot be
    parsed, a missing driver, a server that does not answer."""


_ENGINES: weakref.WeakSet[Engine] = weakref.WeakSet()  # every engine connect() made and not yet collected
LIKE_ESCAPE = "\\"  # the escape character of like_contains' patterns: ``… like :p escape '\\'``


def like_contains(text: str) -> str:
    """A LIKE pattern matching text that contains ``text`` literally: its % and _ (and the escape character)
    escaped with LIKE_ESCAPE, so that ``--region %`` matches a region holding a %, not every one."""
    escaped = text.replace(LIKE_ESCAPE, LIKE_ESCAPE * 2).replace("%", LIKE_ESCAPE + "%").replace("_", LIKE_ESCAPE + "_")
    return f"%{escaped}%"


def database_url(db: str | None) -> str:
    """A SQLAlchemy URL from --db: a URL as is, anything else a SQLite file path (default data/db/…)."""
    db = db or os.environ.get("GONGKAI_DB") or DEFAULT_DB
    return db if "://" in db else f"sqlite:///{db}"


def connect(db: str | None = None, *, create: bool = True, readonly: bool = False) -> Engine:
    """An engine on the database, its schema brought to the current revision (created if missing).

    ``create=False``: a SQLite file that does not exist is refused, not created. ``readonly`` (read commands,
    which imply create=False): a SQLite file is opened ``mode=ro``, and ``immutable=1`` when neither the file
    nor its folder may be written (read-only media, chmod -w: no WAL side files can be made), so that it can be
    read there; one that needs a schema upgrade and cannot be written is refused in one line. Whatever cannot
    be used raises :class:`DatabaseError`; a database that is not gongkai's is never migrated."""
    create = create and not readonly
    url = database_url(db)
    try:
        parsed = make_url(url)
    except ArgumentError:
        raise DatabaseError(f"{db}: not a database URL nor a SQLite file path") from None
    label = parsed.render_as_string(hide_password=True)
    if parsed.get_backend_name() == "sqlite":
        label = parsed.database or label  # the file as the user knows it
        _check_sqlite_file(parsed, label, create)
        if readonly and parsed.database and parsed.database != ":memory:" and not parsed.query.get("uri"):
            return _connect_readonly(url, Path(parsed.database), label)
    try:
        engine = create_engine(url)
    except (ArgumentError, NoSuchModuleError, ImportError) as exc:
        raise DatabaseError(f"{label}: cannot use this database URL: {type(exc).__name__}: {exc}"
                            .splitlines()[0]) from None
    try:
        migrate(url)
    except SQLAlchemyError as exc:
        raise DatabaseError(f"{label}: cannot open the database: {type(exc).__name__}: "
                            f"{getattr(exc, 'orig', None) or exc}".splitlines()[0]) from None
    if engine.dialect.name == "sqlite":
        event.listen(engine, "connect", _sqlite_pragmas)
    _ENGINES.add(engine)
    return engine


def close_engines() -> None:
    """Close the connections of every engine :func:`connect` made (their pools disposed; an engine stays
    usable and connects again if asked). For a process about to end without freeing its heap
    (pipeline.launch): a SQLite connection left open would leave the file's WAL beside it, unfolded."""
    for engine in list(_ENGINES):
        engine.dispose()


def _writable(path: Path) -> bool:
    """Whether ``path`` may be written: its permission bits allow it (root ignores them, so they are read as
    the owner's intent) and the file system is not mounted read-only."""
    try:
        return bool(path.stat().st_mode & 0o222) and os.access(path, os.W_OK)
    except OSError:
        return False


def _connect_readonly(url: str, path: Path, label: str) -> Engine:
    """A read-only engine on an existing SQLite file (see :func:`connect`)."""
    path = path.resolve()
    immutable = not _writable(path) and not _writable(path.parent)
    ro_url = f"sqlite:///{path.as_uri()}?mode=ro{'&immutable=1' if immutable else ''}&uri=true"
    engine = create_engine(ro_url, poolclass=NullPool)
    event.listen(engine, "connect", _sqlite_readonly_pragmas)
    try:
        with engine.connect() as conn:
            current = _stored_revision(conn)
            stored = conn.execute(select(MetaRow.value).where(MetaRow.key == VIEWS_HASH)).scalar()
    except SQLAlchemyError as exc:
        engine.dispose()
        raise DatabaseError(f"{label}: cannot read the database: {getattr(exc, 'orig', None) or exc}"
                            .splitlines()[0]) from None
    if current == revisions()[-1] and stored == _views_hash():
        return engine
    if not (_writable(path) and _writable(path.parent)):
        engine.dispose()
        raise DatabaseError(f"{label}: schema {current or '(none)'} needs an upgrade to "
                            f"{revisions()[-1]}, and the file is read-only")
    try:
        migrate(url)  # an older gongkai's file we may write: upgraded once, then read read-only
    except SQLAlchemyError as exc:
        engine.dispose()
        raise DatabaseError(f"{label}: cannot open the database: {type(exc).__name__}: "
                            f"{getattr(exc, 'orig', None) or exc}".splitlines()[0]) from None
    return engine


def _sqlite_readonly_pragmas(dbapi_conn, _record) -> None:
    cursor = dbapi_conn.cursor()
    cursor.execute("PRAGMA busy_timeout=30000")
    cursor.execute("PRAGMA query_only=ON")
    cursor.close()


@cache
def _figure_loaders() -> tuple[type, type]:
    """psycopg loaders of numeric as figures (text and binary): int for a whole figure (exact at any size), float
    for a fraction (whose exact text is value_text), as SQLite hands them out; the code works with those."""
    from psycopg.types.numeric import NumericBinaryLoader, NumericLoader

    class FigureLoader(NumericLoader):
        def load(self, data):
            return figure_number(super().load(data))

    class FigureBinaryLoader(NumericBinaryLoader):
        def load(self, data):
            return figure_number(super().load(data))

    return FigureLoader, FigureBinaryLoader


def _psycopg_figures(adapters) -> None:
    for loader in _figure_loaders():
        adapters.register_loader("numeric", loader)


def _psycopg_connect(dbapi_conn, _record) -> None:
    """Every new connection of every engine of the process (an API caller's own too), through a listener on
    all pools: on a psycopg connection, numeric is loaded as figures. Registered on psycopg's global adapters
    as well, once, and on this connection's own (which it copied from the global ones when it was made).
    Here and not at import: psycopg's import (~40 ms) is not every SQLite command's to pay."""
    if not type(dbapi_conn).__module__.startswith("psycopg"):
        return
    global _psycopg_global
    if not _psycopg_global:
        import psycopg

        _psycopg_figures(psycopg.adapters)
        _psycopg_global = True
    _psycopg_figures(dbapi_conn.adapters)


_psycopg_global = False
event.listen(Pool, "connect", _psycopg_connect)


_SQLITE_MAGIC = b"SQLite format 3\x00"


def _check_sqlite_file(url: URL, label: str, create: bool) -> None:
    """Before SQLite touches it (it would create a missing file, and switch any file to WAL): the file exists
    unless ``create``, is a SQLite file, and holds gongkai's schema or nothing (``_check_ours``)."""
    if not url.database or url.database == ":memory:" or url.query.get("uri"):
        return  # in memory, or a URI filename SQLite resolves itself
    path = Path(url.database)
    if path.is_dir():
        raise DatabaseError(f"{label}: a folder, not a database file")
    if not path.exists():
        if not create:
            raise DatabaseError(f"{label}: no such database file (nothing created; `gongkai ingest` makes one)")
        path.parent.mkdir(parents=True, exist_ok=True)
        return
    try:
        with open(path, "rb") as file:
            head = file.read(len(_SQLITE_MAGIC))
    except OSError as exc:
        raise DatabaseError(f"{label}: cannot read the database file: {exc.strerror or exc}") from None
    if not head:
        if create:
            return  # an empty file is an empty SQLite database
        raise DatabaseError(f"{label}: an empty file, not a gongkai database")
    if head != _SQLITE_MAGIC:
        raise DatabaseError(f"{label}: not a SQLite database file")
    try:
        resolved = path.resolve()  # immutable on read-only media: no WAL side files can be made there
        immutable = "&immutable=1" if not _writable(resolved) and not _writable(resolved.parent) else ""
        conn = sqlite3.connect(f"{resolved.as_uri()}?mode=ro{immutable}", uri=True)
        try:
            tables = {name for (name,) in conn.execute("select name from sqlite_master where type = 'table'")}
            columns = {name for (_, name, *_) in conn.execute("pragma table_info(documents)")}
            versions = ({v for (v,) in conn.execute("select version_num from alembic_version")}
                        if "alembic_version" in tables else None)
        finally:
            conn.close()
    except sqlite3.Error as exc:
        raise DatabaseError(f"{label}: unreadable SQLite file: {exc}") from None
    if not tables and not create:
        raise DatabaseError(f"{label}: an empty SQLite database, not a gongkai database")
    _check_ours(label, tables, columns, versions)


# What gongkai 0.1.0 made (tables, and the columns of documents) before there were migrations
_BASELINE_TABLES = {"documents", "reports", "cells", "sections", "facts", "flags"}
_BASELINE_COLUMNS = {"id", "sha256", "path", "name", "format", "size", "pages", "status", "error", "ingested_at"}


def _check_ours(label: str, tables: set[str], columns: set[str], versions: set[str] | None) -> None:
    """Refuse a database that holds tables but not gongkai's schema: no alembic_version of one of our
    revisions, nor 0.1.0's tables (which are stamped BASELINE and upgraded)."""
    if versions:
        if not versions <= set(revisions()):
            raise DatabaseError(f"{label}: schema revision {', '.join(sorted(versions)) or '(none)'} is not one "
                                "of gongkai's (another application's database, or a newer gongkai's): not touched")
        return
    tables = tables - {"alembic_version"}  # left empty by another tool: no revision of ours
    if not tables:
        return  # a new database
    if _BASELINE_TABLES <= tables and _BASELINE_COLUMNS <= columns:
        return  # made by 0.1.0: stamped and upgraded by migrate()
    shown = ", ".join(sorted(tables)[:5]) + (" …" if len(tables) > 5 else "")
    raise DatabaseError(f"{label}: not a gongkai database (another application's tables: {shown}): not touched")


def alembic_config(url: str) -> Config:
    """Alembic's configuration without an alembic.ini: the migrations shipped in the package."""
    from alembic.config import Config

    config = Config()
    config.set_main_option("script_location", str(MIGRATIONS))
    config.set_main_option("sqlalchemy.url", url.replace("%", "%%"))  # configparser interpolates %
    return config


def migrate(url: str, revision: str = "head") -> None:
    """Bring the schema to ``revision`` (upgrading or downgrading) in one transaction, one process at a time.

    A new database (no table) is made at head in one step (``_create_new``); a revision named explicitly, on a
    new database too, is reached revision by revision through alembic. One made by 0.1.0's create_all (tables,
    no alembic_version) is stamped as BASELINE first and upgraded in place. The views are derived from the schema: dropped before
    the tables change (SQLite cannot copy a table a view names) and made again at head.
    """
    if revision == "head" and (_up_to_date(url) or _create_new(url)):
        return  # the usual case, then a new database: no alembic (~0.25 s of a command's start-up)
    from alembic import command
    from alembic.runtime.migration import MigrationContext
    from alembic.script import ScriptDirectory

    config = alembic_config(url)
    engine = migration_engine(url)
    try:
        with engine.begin() as conn:
            if conn.dialect.name == "postgresql":  # SQLite: BEGIN IMMEDIATE has taken its lock
                lock(conn, "schema")
            config.attributes["connection"] = conn
            script = ScriptDirectory.from_config(config)
            current = MigrationContext.configure(conn).get_current_revision()
            tables = set(inspect(conn).get_table_names())
            if current is None:  # SQLite files were checked before; a PostgreSQL database is checked here
                columns = {c["name"] for c in inspect(conn).get_columns("documents")} if "documents" in tables else set()
                _check_ours(make_url(url).render_as_string(hide_password=True), tables - {"alembic_version"},
                            columns, None)
            if current is None and "documents" in tables:
                command.stamp(config, BASELINE)
                current = BASELINE
            target = script.get_current_head() if revision == "head" else script.get_revision(revision).revision
            if current != target:
                _drop_views(conn)
                older = {r.revision for r in script.iterate_revisions(current, "base")} if current else set()
                (command.downgrade if target in older else command.upgrade)(config, target)
            if target == script.get_current_head():
                _create_views(conn)  # every time: the template, and so the views, may have changed
    finally:
        engine.dispose()


# alembic's own version table (alembic.runtime.migration), which _create_new fills as alembic's stamp does
_ALEMBIC_VERSION = Table("alembic_version", MetaData(), Column("version_num", String(32), nullable=False),
                         PrimaryKeyConstraint("version_num", name="alembic_version_pkc"))


def _create_new(url: str) -> bool:
    """Make a database that has no table yet at the head revision, in one transaction: the models' tables, the
    search index, the bodies' definition, the views, and alembic_version stamped at head — alembic's recipe for
    a new database, a third of the cost of running every revision (tests/test_migrations.py holds the two
    identical). False, having done nothing, when the database has tables already (alembic's path looks at
    them)."""
    from pipeline.bodies import settle_copies
    from pipeline.search import create_index

    engine = migration_engine(url)
    try:
        with engine.begin() as conn:
            if conn.dialect.name == "postgresql":  # SQLite: BEGIN IMMEDIATE has taken its lock
                lock(conn, "schema")
            if inspect(conn).get_table_names():
                return False
            Base.metadata.create_all(conn)
            create_index(conn)
            settle_copies(conn)  # as revision 0005 does: no report yet, the bodies' definition recorded
            _create_views(conn)
            _ALEMBIC_VERSION.create(conn)
            conn.execute(insert(_ALEMBIC_VERSION).values(version_num=revisions()[-1]))
        return True
    finally:
        engine.dispose()


IN_LIST = 500  # values of one IN (…): bounds a statement's parameters (SQLite's 999 before 3.32)
_S = TypeVar("_S", bound=Sequence)


def in_lists(values: _S) -> Iterator[_S]:
    """``values`` in slices of at most ``IN_LIST``, in order: each the list of one ``column.in_(…)``, so that no
    statement's parameters grow with the data."""
    for i in range(0, len(values), IN_LIST):
        yield values[i:i + IN_LIST]


class unindexed(ColumnElement):  # noqa: N801 (used as a function, like SQLAlchemy's own constructs)
    """``column`` in a condition that SQLite must not answer from the column's own index: ``+column``, SQLite's
    documented way to take a term out of the planner's choice; other databases get the column (their planners
    weigh statistics). Without statistics SQLite prefers an equality on any indexed column to an IN list on
    another, so ``year = ? AND admin_code IN (…)`` read every report of the year, and ``kind = ? AND report_id
    IN (…)`` every flag of the kind: what a run of a few files cost grew with the database."""

    inherit_cache = True
    _traverse_internals = [("column", InternalTraversal.dp_clauseelement)]

    def __init__(self, column: ColumnElement) -> None:
        self.column = column
        self.type = column.type


@compiles(unindexed)
def _unindexed(element: unindexed, compiler: SQLCompiler, **kw) -> str:
    return compiler.process(element.column, **kw)


@compiles(unindexed, "sqlite")
def _unindexed_sqlite(element: unindexed, compiler: SQLCompiler, **kw) -> str:
    return "+" + compiler.process(element.column, **kw)


def lock(conn: Connection, name: str) -> None:
    """Hold the database-wide lock ``name`` until the transaction ends, so that two processes doing the same
    read-then-rewrite (the schema, the cross-report flags) do it one after the other, each reading what the
    other wrote. PostgreSQL: an advisory lock. SQLite: the database's one write lock, taken now by a write
    that changes nothing, rather than at the transaction's first real write (after its reads)."""
    if conn.dialect.name == "postgresql":
        conn.execute(text("SELECT pg_advisory_xact_lock(:key)"), {"key": zlib.crc32(f"gongkai {name}".encode())})
    elif conn.dialect.name == "sqlite":
        conn.exec_driver_sql("UPDATE alembic_version SET version_num = version_num WHERE 0")


def migration_engine(url: str) -> Engine:
    """An engine for schema changes. On SQLite: foreign keys off (copying a table in batch mode drops the old
    one, which would cascade into its children) and BEGIN IMMEDIATE, so DDL is transactional and two
    processes migrate one after the other."""
    engine = create_engine(url, poolclass=NullPool)
    if engine.dialect.name == "sqlite":
        event.listen(engine, "connect", _sqlite_migration_connect)
        event.listen(engine, "begin", lambda conn: conn.exec_driver_sql("BEGIN IMMEDIATE"))
    return engine


def _use_wal(cursor) -> None:
    """Switch the file to WAL. SQLite answers "database is locked" at once, busy_timeout or not, when two
    processes open a new file and both try to switch it: so wait and try again, up to the same 30 s."""
    deadline = time.monotonic() + 30
    while True:
        try:
            if cursor.execute("PRAGMA journal_mode").fetchone()[0].lower() != "wal":
                cursor.execute("PRAGMA journal_mode=WAL")
            return
        except sqlite3.OperationalError as exc:
            if "locked" not in str(exc) or time.monotonic() > deadline:
                raise
            time.sleep(0.05)


def _sqlite_migration_connect(dbapi_conn, _record) -> None:
    dbapi_conn.isolation_level = None  # pysqlite: no implicit BEGIN/COMMIT of its own; the "begin" event says
    cursor = dbapi_conn.cursor()
    cursor.execute("PRAGMA busy_timeout=30000")  # first: switching to WAL waits for other processes' locks
    _use_wal(cursor)  # once, here, for good: the mode is kept in the file
    cursor.execute("PRAGMA foreign_keys=OFF")
    cursor.close()


VIEWS_HASH = "views_hash"  # meta key: the hash of the view definitions the database holds


def _views_hash() -> str:
    return hashlib.sha256(json.dumps(view_sql(), sort_keys=True).encode()).hexdigest()[:16]


def _up_to_date(url: str) -> bool:
    """At the head revision with the views of this code: looked up without taking any lock."""
    engine = create_engine(url, poolclass=NullPool)
    if engine.dialect.name == "sqlite":
        event.listen(engine, "connect", _sqlite_pragmas)
    try:
        with engine.connect() as conn:
            if _stored_revision(conn) != revisions()[-1]:
                return False
            stored = conn.execute(select(MetaRow.value).where(MetaRow.key == VIEWS_HASH)).scalar()
            return stored == _views_hash()
    except SQLAlchemyError:
        return False  # whatever is odd, the locked path finds out properly
    finally:
        engine.dispose()


def _drop_views(conn: Connection) -> None:
    for view in reversed(view_sql()):  # dependants first
        conn.exec_driver_sql(f"drop view if exists {view}")


def _create_views(conn: Connection) -> None:
    """pipeline.views' views, made on this connection: inside migrate()'s transaction and lock, so two
    processes never rebuild them at once (PostgreSQL would fail one with "tuple concurrently updated")."""
    _drop_views(conn)
    for view, query in view_sql(conn.dialect.name).items():
        conn.exec_driver_sql(f"create view {view} as\n{query}")  # not text(): its scan for binds is 30 ms
    conn.execute(delete(MetaRow).where(MetaRow.key == VIEWS_HASH))
    conn.execute(insert(MetaRow).values(key=VIEWS_HASH, value=_views_hash()))


def _sqlite_pragmas(dbapi_conn, _record) -> None:
    cursor = dbapi_conn.cursor()
    cursor.execute("PRAGMA busy_timeout=30000")  # first: the statements below may wait for a lock
    cursor.execute("PRAGMA foreign_keys=ON")  # ON DELETE CASCADE needs it
    _use_wal(cursor)  # readers (Datasette) never block an ingest (a no-op once set)
    # WAL's own setting: a commit appends to the WAL without an fsync (the WAL is synced when it is checkpointed
    # into the file). Every transaction stays atomic, also across a power cut: a document is there whole with
    # its pending entries, or not at all. A killed process loses nothing committed; a power cut or an OS crash
    # may roll back the last transactions before the checkpoint, whole and in order, and the next ingest reads
    # those files again (their bytes are not stored).
    cursor.execute("PRAGMA synchronous=NORMAL")
    # The writer stores each document in a savepoint of its batch's transaction, so SQLite keeps the first image
    # of every page a document changes that an earlier one had changed (the cells' key index: a page per key) in
    # a sub-journal, which past 64 KiB it writes to a temporary file: ~270 writes a report into an empty
    # database, ~860 into one of 10,000 reports (strace). In memory they are dropped when the savepoint is released.
    # Analysts' queries open read-only engines, which keep SQLite's default (large sorts spill to disk).
    cursor.execute("PRAGMA temp_store=MEMORY")
    cursor.close()

