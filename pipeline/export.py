"""Exports of the store: JSONL (the export contract, one object per ingested document) and CSV (one row per
template cell, long format, for spreadsheets and pivots).

JSONL keeps the cells as published and adds the analysts' work beside them: ``corrections`` (a list of
{key, value, published, reason, author, status, created_at}) and, on each reviewed flag, ``review``
({status, note, author}).

Both stream: documents are read in chunks of CHUNK (keyset pagination on (name, id)), so memory does not grow
with the number of documents."""

from __future__ import annotations

import csv
import json
from collections.abc import Iterator
from types import SimpleNamespace
from typing import TextIO

from sqlalchemy import and_, or_, select
from sqlalchemy.engine import Connection, Engine

from pipeline.db import CellRow, CorrectionRow, DocumentRow, FactRow, FlagRow, ReportRow, SectionRow
from pipeline.review import STATUSES, list_flags
from pipeline.store import export_object

REVIEWED = tuple(s for s in STATUSES if s != "open")  # the reviewed flags only: few, whatever the database holds

CSV_COLUMNS = ["source", "sha256", "format", "region", "admin_code", "issuer", "year", "edition", "key", "value",
               "raw", "meaning", "unit", "page"]
CHUNK = 100  # documents per query: memory stays that of one chunk however many documents are stored


def document_chunks(conn: Connection, chunk: int = CHUNK) -> Iterator[list[SimpleNamespace]]:
    """Every ingested document with its report, cells, flags, sections and facts, in (name, id) order, as lists
    of at most ``chunk``: keyset pagination, each chunk's children read by one SELECT … IN per table.

    Each document, its report and their rows are plain records (SimpleNamespace) holding the columns under the
    models' attribute names (``document.report.cells[0].key``), read by SQLAlchemy Core: building ORM objects
    (identity map, instance state) was three quarters of an export's time, for objects only read once."""
    documents_table, reports_table = DocumentRow.__table__, ReportRow.__table__
    query = (select(documents_table).where(documents_table.c.status == "ingested")
             .order_by(documents_table.c.name, documents_table.c.id).limit(chunk))
    after = None
    while True:
        page = query if after is None else query.where(or_(
            documents_table.c.name > after[0],
            and_(documents_table.c.name == after[0], documents_table.c.id > after[1])))
        documents = [SimpleNamespace(**row, report=None) for row in _records(conn.execute(page))]
        if not documents:
            return
        by_document = {d.id: d for d in documents}
        reports = {}
        for row in _records(conn.execute(select(reports_table).where(
                reports_table.c.document_id.in_(list(by_document))))):
            report = SimpleNamespace(**row, cells=[], flags=[], sections=[], facts=[])
            by_document[report.document_id].report = report
            reports[report.id] = report
        for name, model, order in _CHILDREN:
            table = model.__table__
            rows = select(table).where(table.c.report_id.in_(list(reports)))
            for row in _records(conn.execute(rows.order_by(table.c.report_id, *order(table)))):
                getattr(reports[row["report_id"]], name).append(SimpleNamespace(**row))
        yield documents
        after = (documents[-1].name, documents[-1].id)


def _records(result) -> Iterator[dict]:
    """Each row of ``result`` as a dict of its columns (the names looked up once, not per row)."""
    names = list(result.keys())
    return (dict(zip(names, row)) for row in result)


# a report's rows as its relationships order them (pipeline.db.ReportRow): cells as stored, the rest by ord or id
_CHILDREN = (("cells", CellRow, lambda t: [t.c.id]), ("flags", FlagRow, lambda t: [t.c.id]),
             ("sections", SectionRow, lambda t: [t.c.ord]), ("facts", FactRow, lambda t: [t.c.ord]))


def _with_confidence(obj: dict, document: SimpleNamespace) -> dict:
    """``obj`` with "confidence" ({key: OCR score}) right after "cells" when any cell was read by OCR."""
    scores = {c.key: round(c.confidence, 4) for c in document.report.cells if c.key and c.confidence is not None}
    if not scores:
        return obj
    out = {}
    for name, value in obj.items():
        out[name] = value
        if name == "cells":
            out["confidence"] = {key: scores[key] for key in value if key in scores}
    return out


def ingested_documents(conn: Connection, chunk: int = CHUNK) -> Iterator[SimpleNamespace]:
    for documents in document_chunks(conn, chunk):
        yield from documents


def export_jsonl(engine: Engine, out: TextIO, chunk: int = CHUNK) -> int:
    """One JSON object per ingested document (pipeline.store.export_object) with its corrections and flag
    reviews, written chunk by chunk; returns the documents written."""
    count = 0
    reviews = {f.flag_id: {"status": f.status, "note": f.note, "author": f.author}
               for status in REVIEWED for f in list_flags(engine, status=status)}
    with engine.connect() as conn:
        for documents in document_chunks(conn, chunk):
            corrections: dict[str, list] = {}
            shas = {d.sha256 for d in documents}
            for c in conn.execute(select(CorrectionRow.__table__).where(CorrectionRow.sha256.in_(shas))
                                  .order_by(CorrectionRow.key)):
                corrections.setdefault(c.sha256, []).append(c)
            for document in documents:
                obj = _with_confidence(export_object(document), document)
                published = obj["cells"]
                obj["corrections"] = [
                    {"key": c.key, "value": _plain(c.value), "published": published.get(c.key), "reason": c.reason,
                     "author": c.author, "status": c.status, "created_at": c.created_at.isoformat()}
                    for c in corrections.get(document.sha256, [])
                ]
                for flag, row in zip(obj["flags"], document.report.flags):  # both in FlagRow.id order
                    if row.id in reviews:
                        flag["review"] = reviews[row.id]
                out.write(json.dumps(obj, ensure_ascii=False) + "\n")
                count += 1
    return count


def _plain(value: float):
    return int(value) if float(value).is_integer() else value


def export_csv(engine: Engine, out: TextIO, labels: str = "key", bom: bool = False, chunk: int = CHUNK) -> int:
    """One row per template cell of every ingested report, written chunk by chunk; returns the rows written.
    ``labels="zh"``: Chinese headers; ``bom``: a UTF-8 byte-order mark first (Excel on Chinese Windows)."""
    from pipeline.tabular import BOM, header

    if bom:
        out.write(BOM)
    csv.writer(out).writerow(header(CSV_COLUMNS, labels))
    writer = csv.DictWriter(out, fieldnames=CSV_COLUMNS)
    count = 0
    with engine.connect() as conn:
        for document in ingested_documents(conn, chunk):
            report = document.report
            cells = {c.key: c for c in report.cells if c.key}
            for key, value in export_object(document)["cells"].items():
                cell = cells.get(key)
                writer.writerow({
                    "source": document.name, "sha256": document.sha256, "format": document.format,
                    "region": report.region, "admin_code": report.admin_code, "issuer": report.issuer,
                    "year": report.year, "edition": report.edition, "key": key,
                    "value": cell.value_text if cell is not None and cell.value_text else value,
                    "raw": cell.raw if cell else None, "meaning": cell.meaning if cell else "missing",
                    "unit": cell.unit if cell else None, "page": cell.page if cell else None,
                })
                count += 1
    return count
