"""From a document to a report record: identity, the standard tables, the narrative, the identity checks."""

from __future__ import annotations

from extractors import regions
from extractors.checks import check_identities
from extractors.ocr_checks import explain_by_ocr
from extractors.crosscheck import cross_check
from extractors.facts import extract_facts
from extractors.identity import Identity, normalise_years, not_report_reason, read_identity
from extractors.model import Document
from extractors.records import Flag, Report
from extractors.sections import section_tree
from extractors.tables import extract_tables
from extractors.template import load_template


def extract_report(doc: Document) -> Report:
    template = load_template()
    ident = read_identity(doc)
    tables = extract_tables(doc, template)
    flags = list(tables.flags)
    # a part of the file left unread (an imported altChunk of an unread type …): the figures may be short
    flags += [Flag(kind="unread_part", message=note) for note in doc.notes]
    if doc.truncated:  # never passes as a good report: what was read is kept, flagged
        flags.append(Flag(kind="truncated", message=f"the file is cut short: {doc.truncated}"))

    edition, why = _edition(ident.year, tables.evidence, template)
    if why:
        flags.append(Flag(kind="edition", message=why))
    other_split = tables.other_split if tables.other_split is not None else edition == "ed2021"

    place = _place(ident)
    if place.problem:
        flags.append(Flag(kind="region", message=f"region: {place.problem}"))
    issuer = place.issuer or ident.issuer_text

    report = Report(
        source=doc.path, format=doc.format, pages=doc.pages, title=ident.title, region=place.full_name,
        admin_code=place.code, issuer=issuer, year=ident.year, edition=edition, other_split=other_split,
        cells=tables.cells, sections=section_tree(doc, ident.title), flags=flags,
        region_level=place.level, issuer_kind=place.issuer_kind, issuer_printed=ident.issuer_text,
        published=ident.published, published_source=ident.published_source,
    )
    read = [c for c in tables.cells if c.key and c.value is not None]
    report.not_report = not_report_reason(ident, doc, len(read), sum(c.meaning in ("number", "zero") for c in read))
    _flag_unreadable(report)
    if edition:
        _flag_missing_rows(report, template)
    report.flags = explain_by_ocr(report.flags + check_identities(report.values(), template), report.cells,
                                  template)
    report.facts, fact_flags = cross_check(extract_facts(report.sections), report.values())
    report.flags += fact_flags
    return report


def _place(ident: Identity) -> regions.Resolution:
    """The body whose report this is. The title's subject decides (重庆市2020年… is the government's report for
    its area, 重庆市人民政府办公厅2020年… its general office's); the issuer line or signature where the title names
    no body of its own (2020年政府信息公开工作年度报告 over 上海市宝山区人民政府), and a portal's 发布机构 last —
    portals list a government's own report under its general office."""
    def resolve(text: str) -> regions.Resolution:
        return regions.resolve(normalise_years(text), hint=ident.context, year=ident.year)

    by_title = resolve(ident.title) if ident.title else None
    if by_title and by_title.code and by_title.issuer_kind:
        return by_title
    for text in (ident.issuer_text, ident.publisher):
        if text:
            place = resolve(text)
            if place.code:
                return place
    if by_title:
        return by_title
    return resolve(ident.issuer_text or ident.publisher or "")


def _edition(year: int | None, evidence: dict[str, str], template) -> tuple[str | None, str | None]:
    """The tables' own shape decides; the year decides where the tables say nothing."""
    by_year = template.edition_for_year(year) if year else None
    shapes = set(evidence.values())
    if len(shapes) == 1:
        shape = shapes.pop()
        if by_year and shape != by_year:
            return shape, f"tables are laid out as {shape} but the year {year} calls for {by_year}"
        return shape, None
    if len(shapes) > 1:
        return by_year, f"tables disagree on the edition ({', '.join(f'{k}: {v}' for k, v in evidence.items())})"
    if by_year is None:
        return None, "neither the year nor the tables' layout tell the template edition"
    return by_year, None


UNREADABLE = ("invalid", "malformed")  # CellRecord meanings of a printed cell that holds no figure


def _flag_unreadable(report: Report) -> None:
    """A template cell printed with something that is no figure (1e20, words, 百百伍): a flag of its own with
    the raw text (where: its first 80 characters), never counted as "not printed"."""
    for c in report.cells:
        if c.key and c.meaning in UNREADABLE:
            why = "a numeral that breaks the grammar" if c.meaning == "malformed" else "not a figure"
            report.flags.append(Flag(kind="unreadable", key=c.key, page=c.page, where=c.raw[:80],
                                     message=f"{c.key}: printed {c.raw!r}, which cannot be read ({why})"))


def _flag_missing_rows(report: Report, template) -> None:
    read = {c.key for c in report.cells
            if c.key and c.value is not None or c.meaning == "unit_missing" or c.meaning in UNREADABLE}
    expected = template.keys(report.edition, other_split=report.other_split)
    missing = [k for k in expected if k not in read]
    not_found = {f.where for f in report.flags if f.kind == "table_missing"}
    by_table: dict[str, list[str]] = {}
    for key in missing:
        table = key.split(".", 1)[0]
        if table not in not_found:  # a table not found at all is flagged once already
            by_table.setdefault(table, []).append(key)
    for table, keys in by_table.items():
        rows = sorted({k.rsplit(".", 1)[0] for k in keys})
        report.flags.append(Flag(kind="rows_missing", where=table,
                                 message=f"{table}: {len(keys)} template cells not printed ({', '.join(rows)})"))
