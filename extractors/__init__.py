"""gongkai extractors: read a government information-disclosure annual report into a typed record.

    >>> from extractors import read_report
    >>> report = read_report("data/raw/baoshan-2020-report.txt")
    >>> report.region, report.year, report.edition, report.values()["requests.received.total"]
    ('上海市宝山区', 2020, 'ed2019', Decimal('663'))

``read_document`` gives the format-independent document model alone; ``extract_report`` turns one into a
report; ``load_template`` is the template's keys and labels.
"""

from __future__ import annotations

from pathlib import Path

from extractors.model import Cell, Document, Paragraph, Table
from extractors.readers import ReadError, read_document
from extractors.records import CellRecord, Fact, Flag, Report, Section
from extractors.report import extract_report
from extractors.template import load_template

__all__ = [
    "Cell", "CellRecord", "Document", "Fact", "Flag", "Paragraph", "ReadError", "Report", "Section", "Table",
    "extract_report", "load_template", "read_document", "read_report",
]


def read_report(path: str | Path) -> Report:
    """Read one report file (PDF, DOCX, DOC, HTML or text) into a :class:`Report`."""
    return extract_report(read_document(path))
