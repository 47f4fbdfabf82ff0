"""Exports of the store: JSONL (the export contract, one object per ingested document) and CSV (one row per
template cell, long format, for spreadsheets and pivots).

JSONL keeps the cells as published and adds the analysts' work beside them: ``corrections`` (a list of
{key, value, published, reason, author, status, created_at}) and, on each reviewed flag, ``review``
({status, note, author})."""

from __future__ import annotations

import csv
import json
from collections.abc import Iterator
from typing import TextIO

from sqlalchemy import select
from sqlalchemy.engine import Engine
from sqlalchemy.orm import Session, selectinload

from pipeline.db import CorrectionRow, DocumentRow, ReportRow
from pipeline.review import list_flags
from pipeline.store import export_object

CSV_COLUMNS = ["source", "sha256", "format", "region", "admin_code", "issuer", "year", "edition", "key", "value",
               "raw", "meaning", "unit", "page"]


def ingested_documents(session: Session) -> Iterator[DocumentRow]:
    query = (
        select(DocumentRow).where(DocumentRow.status == "ingested").order_by(DocumentRow.name, DocumentRow.id)
        .options(selectinload(DocumentRow.report).selectinload(ReportRow.cells),
                 selectinload(DocumentRow.report).selectinload(ReportRow.flags),
                 selectinload(DocumentRow.report).selectinload(ReportRow.sections),
                 selectinload(DocumentRow.report).selectinload(ReportRow.facts))
    )
    yield from session.scalars(query)


def _with_confidence(obj: dict, document: DocumentRow) -> dict:
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


def export_jsonl(engine: Engine, out: TextIO) -> int:
    count = 0
    reviews = {f.flag_id: {"status": f.status, "note": f.note, "author": f.author}
               for f in list_flags(engine, status=None) if f.status != "open"}
    with Session(engine) as session:
        corrections: dict[str, list[dict]] = {}
        for c in session.scalars(select(CorrectionRow).order_by(CorrectionRow.key)):
            corrections.setdefault(c.sha256, []).append(c)
        for document in ingested_documents(session):
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


def export_csv(engine: Engine, out: TextIO, labels: str = "key", bom: bool = False) -> int:
    """One row per template cell of every ingested report; returns the rows written. ``labels="zh"``: Chinese
    headers; ``bom``: a UTF-8 byte-order mark first (Excel on Chinese Windows)."""
    from pipeline.tabular import BOM, header

    if bom:
        out.write(BOM)
    csv.writer(out).writerow(header(CSV_COLUMNS, labels))
    writer = csv.DictWriter(out, fieldnames=CSV_COLUMNS)
    count = 0
    with Session(engine) as session:
        for document in ingested_documents(session):
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
