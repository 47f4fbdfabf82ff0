"""Typed records the extractors produce and the pipeline stores: a report, its cells, sections, facts, flags."""

from __future__ import annotations

from dataclasses import asdict, dataclass, field
import datetime as dt
from decimal import Decimal


@dataclass
class CellRecord:
    """One figure of a standard table as published, with where it came from and what its text meant."""

    key: str | None  # canonical key; None for a row the template lacks (其他主动公开文件, 合计 …)
    table: str  # proactive | requests | appeals
    value: Decimal | None  # in 元 for money; 0 for a printed zero or a printed blank; None when unreadable
    raw: str  # the cell text exactly as read
    # number | zero | empty (printed blank) | missing (no cell printed) | unit_missing | invalid (printed but no
    # figure: 1e20, words) | malformed (numeral characters breaking the grammar: 百百伍); both get an
    # ``unreadable`` flag with the raw text, never a "not printed" one
    meaning: str
    row_label: str = ""
    column_label: str = ""
    unit: str | None = None
    page: int | None = None
    grid_row: int | None = None
    grid_col: int | None = None
    confidence: float | None = None  # OCR'd cells: the recognition score (0..1) of its least sure character
    qualifier: str | None = None  # a printed 约/余/超过 …: approximate | at_least | at_most (numerals.parse_cell)


@dataclass
class Flag:
    """Something a reader of the data must know: a broken identity, an unmatched label, a missing unit …"""

    kind: str  # identity | fact_mismatch | quality | label | unit | table_missing | rows_missing | edition | region
    #          | unread_part | unreadable (a printed cell that is no figure) | truncated (the file ends early)
    message: str
    identity: str | None = None
    where: str | None = None
    key: str | None = None
    expected: Decimal | None = None
    found: Decimal | None = None
    page: int | None = None

    def as_dict(self) -> dict:
        return {k: _plain(v) for k, v in asdict(self).items() if v is not None}


@dataclass
class Section:
    """A node of the narrative's section tree (一、… / （一）… / 1、…) with the text directly under it."""

    path: tuple[str, ...]  # titles from the top level down to this section
    title: str
    level: int  # 0 for the title/preamble, 1 for 一、, 2 for （一）, 3 for 1、
    text: str
    page: int | None = None
    # where each paragraph's text starts in ``text``, and its page (a section runs over pages)
    page_starts: tuple[tuple[int, int | None], ...] = field(default=(), compare=False, repr=False)

    def page_at(self, offset: int) -> int | None:
        """The page the character at ``offset`` of ``text`` was printed on (the section's first page when the
        paragraphs' pages are not known)."""
        page = self.page
        for start, at in self.page_starts:
            if start > offset:
                break
            page = at if at is not None else page
        return page

    def as_dict(self) -> dict:
        return {"path": list(self.path), "title": self.title, "level": self.level, "text": self.text,
                "page": self.page}


@dataclass
class Fact:
    """A quantity stated in the narrative, with its subject and where it stands."""

    section_path: tuple[str, ...]
    sentence: str
    subject: str
    value: Decimal
    unit: str
    kind: str
    qualifier: str | None
    raw: str
    page: int | None
    start: int  # character offsets of raw within the section's text
    end: int
    sign: int | None = None
    linked_key: str | None = None  # the table cell this fact restates, where one does
    clause: str = ""  # the clause of the sentence the figure stands in: what cross-checking reads

    def as_dict(self) -> dict:
        out = {k: _plain(v) for k, v in asdict(self).items()}
        out["section_path"] = list(self.section_path)
        return out


@dataclass
class Report:
    """Everything extracted from one file: identity, the standard tables, the narrative and the flags."""

    source: str
    format: str
    pages: int | None
    title: str | None
    region: str | None
    admin_code: str | None
    issuer: str | None
    year: int | None
    edition: str | None
    other_split: bool | None  # （六）其他处理 printed as three sub-rows (True) or one row (False)
    cells: list[CellRecord] = field(default_factory=list)
    sections: list[Section] = field(default_factory=list)
    facts: list[Fact] = field(default_factory=list)
    flags: list[Flag] = field(default_factory=list)
    region_level: str | None = None
    # government (its report for the whole area) | government_organ (人民政府机关 / 政府本级: the government's own
    # organ) | general_office (办公厅/办公室) | department | township
    issuer_kind: str | None = None
    issuer_printed: str | None = None  # the issuer as the report prints it, before normalisation
    published: dt.date | None = None  # publication date: a portal's 发布日期/PubDate, else the closing date line
    published_source: str | None = None  # "portal" | "closing_line": where ``published`` was read
    not_report: str | None = None  # why the document is not a 政府信息公开工作年度报告 (None: it is one)

    def values(self) -> dict[str, Decimal | None]:
        """Canonical key → value for every template cell read (extra rows left out)."""
        return {c.key: c.value for c in self.cells if c.key}

    def cell(self, key: str) -> CellRecord | None:
        return next((c for c in self.cells if c.key == key), None)


def _plain(value):
    """Decimal → int or float for JSON; everything else as is."""
    if isinstance(value, Decimal):
        return int(value) if value == value.to_integral_value() else float(value)
    if isinstance(value, tuple):
        return list(value)
    return value


plain_number = _plain
