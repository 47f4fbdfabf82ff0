"""Exports of the store: JSONL (the export contract, one object per ingested document) and CSV (one row per
template cell, long format, for spreadsheets and pivots)."""

from __future__ import annotations

import csv
import json
from collections.abc import Iterator
from typing import TextIO

from sqlalchemy import select
from sqlalchemy.engine import Engine
from sqlalchemy.orm import Session, selectinload

from pipeline.db import DocumentRow, ReportRow
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


def export_jsonl(engine: Engine, out: TextIO) -> int:
    count = 0
    with Session(engine) as session:
        for document in ingested_documents(session):
            out.write(json.dumps(export_object(document), ensure_ascii=False) + "\n")
            count += 1
    return count


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
                    "year": report.year, "edition": report.edition, "key": key, "value": value,
                    "raw": cell.raw if cell else None, "meaning": cell.meaning if cell else "missing",
                    "unit": cell.unit if cell else None, "page": cell.page if cell else None,
                })
                count += 1
    return count
