"""Chinese full-text search over the narrative: sections and facts, ``gongkai search QUERY``.

FTS5's tokenizers miss two-character words in unspaced Chinese (unicode61 sees a whole clause as one token,
trigram needs three characters), so the text is segmented with jieba at load time — ``cut_for_search``, which
gives both 政府信息公开 and its parts 政府 / 信息 / 公开 — and stored with spaces between the words; a query is
segmented the same way and every word of it must occur. SQLite: an FTS5 table ranked by bm25. Any other
database: a plain table of the same segmented text matched word by word with LIKE (correct, slower).

The index is kept inside the ingest transaction: ``forget`` before a document's rows are replaced (FTS5
tables have no foreign keys, so ON DELETE CASCADE cannot reach them), ``index_report`` after they are added.
On SQLite a row's rowid is derived from the section's or fact's id (``_rowid``), so ``forget`` finds a report's
rows by rowid: its cost does not grow with the index.
"""

from __future__ import annotations

import argparse
import sys
from dataclasses import dataclass

from sqlalchemy import (
    Column, Integer, MetaData, String, Table, Text, delete, func, insert, inspect, literal_column, select, text, union_all,
)
from sqlalchemy.engine import Connection, Engine
from sqlalchemy.orm import Session
from sqlalchemy.sql import Select

from pipeline.db import DocumentRow, FactRow, MetaRow, ReportRow, SectionRow
from pipeline.search_words import index_payload, segment  # noqa: F401 (segment: the query's words too)

TABLE = "search_index"
_meta = MetaData()
index_table = Table(TABLE, _meta, Column("kind", String(8)), Column("report_id", Integer, index=True),
                    Column("ref_id", Integer), Column("path", Text), Column("title", Text), Column("body", Text))
_FTS5 = (f"CREATE VIRTUAL TABLE IF NOT EXISTS {TABLE} USING fts5(kind UNINDEXED, report_id UNINDEXED, "
         "ref_id UNINDEXED, path UNINDEXED, title, body, tokenize='unicode61')")
_TITLE_WEIGHT = 5.0  # a word in a section's title (or a fact's subject) says more than one in its text
_SNIPPET = 40  # characters either side of the first match
# Hits come from the copy of each body-year that counts (pipeline.bodies), not once per format copy.
_COUNTED = "SELECT id FROM reports WHERE copy_rank = 0 OR copy_rank IS NULL"


@dataclass(frozen=True)
class Hit:
    body: str | None  # the body's label, e.g. 上海市宝山区 · 人民政府
    region: str | None
    year: int | None
    source: str
    kind: str  # section | fact
    path: str  # section path, titles joined with " / "
    snippet: str
    score: float
    report_id: int


_KEYED = "search_rowids"  # meta key: the FTS5 rows are keyed by their section's or fact's id (see _rowid)


def _ensure(conn: Connection, *, keyed: bool = False) -> None:
    """The index table exists; ``keyed`` (before a write): SQLite's rows are keyed by rowid (``_key_rows``)."""
    if conn.dialect.name == "sqlite":
        conn.exec_driver_sql(_FTS5)
        if keyed:
            _key_rows(conn)
    else:
        _meta.create_all(conn, checkfirst=True)


def _rowid(kind: str, ref_id: int) -> int:
    """An FTS5 row's rowid, from what it indexes: a section's id × 2, a fact's id × 2 + 1. So the rows of a
    report are found by rowid (an index lookup) from its sections and facts, never by scanning the FTS table
    (whose report_id column is not indexed)."""
    return 2 * ref_id + (kind == "fact")


def _key_rows(conn: Connection) -> None:
    """Once per database: rows indexed before rowids were keyed get their keyed rowid (in the caller's
    transaction)."""
    if conn.execute(select(MetaRow.value).where(MetaRow.key == _KEYED)).scalar() is not None:
        return
    conn.exec_driver_sql(f"UPDATE {TABLE} SET rowid = -rowid")  # out of the way of the keyed ones first
    conn.exec_driver_sql(f"UPDATE {TABLE} SET rowid = 2 * ref_id + (kind = 'fact')")
    conn.exec_driver_sql("INSERT OR IGNORE INTO meta (key, value) VALUES (?, ?)", (_KEYED, "2*ref_id+is_fact"))


def forget(session: Session | Connection, report_ids: Select) -> None:
    """Drop the index rows of the reports ``report_ids`` selects (call before deleting their documents, while
    their sections and facts are there). SQLite: by rowid, from the reports' sections and facts; elsewhere by the
    indexed report_id."""
    conn = session.connection() if isinstance(session, Session) else session
    _ensure(conn, keyed=True)
    if conn.dialect.name != "sqlite":
        conn.execute(delete(index_table).where(index_table.c.report_id.in_(report_ids.scalar_subquery())))
        return
    reports = report_ids.scalar_subquery()
    rowids = union_all(select(SectionRow.id * 2).where(SectionRow.report_id.in_(reports)),
                       select(FactRow.id * 2 + 1).where(FactRow.report_id.in_(reports)))
    conn.execute(delete(index_table).where(literal_column("rowid").in_(rowids)))


def create_index(conn: Connection) -> None:
    """The index table, made if missing, in the caller's transaction (a new database's schema: revision 0003
    writes the same table out)."""
    _ensure(conn)


def ensure_index(conn: Connection) -> None:
    """The index table exists, its rows keyed by rowid (SQLite), in the caller's transaction: what
    ``insert_rows(…, ensured=True)`` assumes."""
    _ensure(conn, keyed=True)


_INSERT_SQLITE = (f"INSERT INTO {TABLE} (rowid, kind, report_id, ref_id, path, title, body) "
                  "VALUES (?, ?, ?, ?, ?, ?, ?)")
_INSERT_OTHER = insert(index_table)


def insert_rows(conn: Connection, report_id: int, payload: list[dict], section_ids: list[int],
                fact_ids: list[int], *, ensured: bool = False) -> None:
    """Insert ``index_payload`` rows of the report ``report_id`` whose sections and facts got these ids (in
    order). ``ensured``: the caller made sure of the table in this transaction (:func:`ensure_index`)."""
    if not payload:
        return
    if not ensured:
        _ensure(conn, keyed=True)
    ids = {"section": section_ids, "fact": fact_ids}
    if conn.dialect.name == "sqlite":  # plain text and int values: straight to the driver's executemany
        rows = []
        for row in payload:
            kind = row["kind"]
            ref_id = ids[kind][row["ord"]]
            rows.append((_rowid(kind, ref_id), kind, report_id, ref_id, row["path"], row["title"], row["body"]))
        conn.exec_driver_sql(_INSERT_SQLITE, rows)
        return
    conn.execute(_INSERT_OTHER, [{"kind": row["kind"], "report_id": report_id, "ref_id": ids[row["kind"]][row["ord"]],
                                  "path": row["path"], "title": row["title"], "body": row["body"]} for row in payload])


def index_report(session: Session, report: ReportRow) -> None:
    """Index a report's sections and facts; their ids must exist (flush first)."""
    sections = [{"path": s.path, "title": s.title, "text": s.text} for s in report.sections]
    facts = [{"section_path": f.section_path, "subject": f.subject, "sentence": f.sentence} for f in report.facts]
    insert_rows(session.connection(), report.id, index_payload(sections, facts), [s.id for s in report.sections],
                [f.id for f in report.facts])


def rebuild(engine: Engine) -> int:
    """Index every stored report afresh (a database loaded before search existed); returns the rows indexed."""
    with Session(engine) as session, session.begin():
        conn = session.connection()
        _ensure(conn, keyed=True)
        conn.execute(delete(index_table))
        for report in session.scalars(select(ReportRow)):
            index_report(session, report)
        return conn.execute(select(func.count()).select_from(index_table)).scalar_one()


MAX_WORDS = 32  # a query's different words: each is a LIKE and a score term on PostgreSQL


def search(engine: Engine, query: str, limit: int = 20) -> list[Hit]:
    """Sections, then facts, whose title and text hold every word of ``query``, best first."""
    words = list(dict.fromkeys(segment(query).split()))  # each word once: a word twice finds nothing more
    if len(words) > MAX_WORDS:
        raise ValueError(f"a search of {len(words)} different words: at most {MAX_WORDS}")
    if not words or limit <= 0:
        return []
    with engine.connect() as conn:
        _ensure(conn)
        conn.commit()
        if conn.dialect.name == "sqlite":
            match = " ".join('"' + w.replace('"', '""') + '"' for w in words)
            rank = f"bm25({TABLE}, 0, 0, 0, 0, {_TITLE_WEIGHT}, 1.0)"
            found = conn.execute(text(  # bm25 once per match: ORDER BY names the result column
                f"SELECT kind, report_id, ref_id, path, -{rank} AS score FROM {TABLE} WHERE {TABLE} MATCH :q "
                f"AND report_id IN ({_COUNTED}) ORDER BY kind = 'section' DESC, score DESC LIMIT :n"),
                {"q": match, "n": limit}).all()
        else:
            t = index_table.c
            text_of = t.title + t.body
            score = sum((func.length(t.title) - func.length(func.replace(t.title, f" {w} ", ""))) * _TITLE_WEIGHT
                        + func.length(t.body) - func.length(func.replace(t.body, f" {w} ", "")) for w in words)
            found = conn.execute(
                select(t.kind, t.report_id, t.ref_id, t.path, score.label("score"))
                .where(*[text_of.ilike(f"% {_like(w)} %", escape="\\") for w in words],
                       t.report_id.in_(text(_COUNTED).columns(id=Integer)))
                .order_by((t.kind == "section").desc(), score.desc()).limit(limit)).all()
    if not found:
        return []
    with Session(engine) as session:
        return [_hit(session, row, query, words) for row in found]


def _like(word: str) -> str:
    return word.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")


def _hit(session: Session, row, query: str, words: list[str]) -> Hit:
    kind, report_id, ref_id, path, score = row
    report = session.get(ReportRow, report_id)
    document = session.get(DocumentRow, report.document_id) if report else None
    if kind == "section":
        section = session.get(SectionRow, ref_id)
        body = f"{section.title} {section.text}" if section else ""
    else:
        fact = session.get(FactRow, ref_id)
        body = fact.sentence if fact else ""
    snippet = _snippet(body, query, words)
    if kind == "fact" and fact:
        snippet = f"{fact.raw.strip()}（{fact.subject}）: {snippet}"
    return Hit(body=report.body_label if report else None, region=report.region if report else None, year=report.year if report else None,
               source=document.name if document else "", kind=kind, path=path or "", snippet=snippet,
               score=float(score or 0), report_id=report_id)


def _snippet(body: str, query: str, words: list[str]) -> str:
    body = " ".join(body.split())
    at = body.lower().find(query.strip().lower())
    if at < 0:
        at = min((i for i in (body.lower().find(w) for w in words) if i >= 0), default=0)
    start, end = max(0, at - _SNIPPET), min(len(body), at + _SNIPPET + len(query))
    return ("…" if start else "") + body[start:end] + ("…" if end < len(body) else "")


# --- the command line ------------------------------------------------------------------------------------------

def register(subparsers) -> argparse.ArgumentParser:
    """Add ``search QUERY [--limit N]`` to the CLI's subcommands."""
    p = subparsers.add_parser("search", help="full-text search of the narrative (sections and facts), Chinese "
                              "words segmented with jieba")
    p.add_argument("query", nargs="+", metavar="QUERY", help="words to find (all of them must occur)")
    p.add_argument("--limit", type=int, default=20, help="at most this many hits (default 20)")
    p.add_argument("--db", default=argparse.SUPPRESS, help=argparse.SUPPRESS)
    p.set_defaults(run=run)
    return p


def run(args) -> int:
    from pipeline.db import connect

    engine = connect(getattr(args, "db", None), readonly=True)
    query = " ".join(args.query)
    if not _indexed(engine):  # a database loaded before search existed: index it once (a write)
        engine = connect(getattr(args, "db", None), create=False)
        rebuild(engine)
    try:
        hits = search(engine, query, limit=args.limit)
    except ValueError as exc:
        print(f"gongkai search: {exc}", file=sys.stderr)
        return 2
    for hit in hits:
        where = f"{hit.body or hit.region or '?'} {hit.year or '?'} ({hit.source})"
        print(f"{where}\t{hit.kind}\t{hit.path or '（标题与前言）'}\t{hit.snippet}")
    print(f"{len(hits)} hit(s)", file=sys.stderr)
    return 0 if hits else 1


def _indexed(engine: Engine) -> bool:
    with engine.connect() as conn:  # looked at, not made: a read-only engine reads it
        has_reports = conn.execute(select(ReportRow.id).limit(1)).first() is not None
        if not inspect(conn).has_table(index_table.name):
            return not has_reports
        has_rows = conn.execute(select(index_table.c.report_id).limit(1)).first() is not None
    return has_rows or not has_reports
