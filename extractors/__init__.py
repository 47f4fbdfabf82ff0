"""gongkai extractors: read a government information-disclosure annual report into a typed record.

    >>> from extractors import read_report
    >>> report = read_report("data/raw/baoshan-2020-report.txt")
    >>> report.region, report.year, report.edition, report.values()["requests.received.total"]
    ('上海市宝山区', 2020, 'ed2019', Decimal('663'))

``read_document`` gives the format-independent document model alone; ``extract_report`` turns one into a
report; ``load_template`` is the template's keys and labels.
"""

from __future__ import annotations

from importlib import import_module
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from extractors.model import Cell, Document, Paragraph, Table
    from extractors.readers import ReadError, read_document
    from extractors.records import CellRecord, Fact, Flag, Report, Section
    from extractors.report import extract_report
    from extractors.template import load_template

# name -> the module that defines it, imported when the name is first asked for: importing one module of the
# package (the records, the template) does not import the extractors (~0.2 s: regex, rapidfuzz, the tables'
# labels), which the ingesting process of a worker pool never runs
_API = {
    **dict.fromkeys(("Cell", "Document", "Paragraph", "Table"), "extractors.model"),
    **dict.fromkeys(("ReadError", "read_document"), "extractors.readers"),
    **dict.fromkeys(("CellRecord", "Fact", "Flag", "Report", "Section"), "extractors.records"),
    "extract_report": "extractors.report",
    "load_template": "extractors.template",
}

__all__ = sorted([*_API, "read_report"])


def __getattr__(name: str):
    if name not in _API:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    value = getattr(import_module(_API[name]), name)
    globals()[name] = value
    return value


def __dir__() -> list[str]:
    return sorted({*globals(), *_API})


def read_report(path: str | Path) -> Report:
    """Read one report file (PDF, DOCX, DOC, HTML or text) into a :class:`Report`. A file that reads but is no
    annual report still gives one: ``report.not_report`` says why (None for a report). Raises
    extractors.readers.ReadError (one line: the file and why) for a file that cannot be read."""
    from extractors.readers import read_document
    from extractors.report import extract_report

    return extract_report(read_document(path))
