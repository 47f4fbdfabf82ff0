"""The common document model every reader produces and every extractor consumes.

A document is its blocks in reading order: paragraphs (a heading is a paragraph with a level) and tables. A table
is a grid of cells with spans; each block knows its page (1-based; None where the format has no pages) and,
where the format has geometry, its position on that page (x0, top, x1, bottom in PDF points).
"""

from __future__ import annotations

from dataclasses import dataclass, field

BBox = tuple[float, float, float, float]


@dataclass
class Cell:
    row: int
    col: int
    text: str
    rowspan: int = 1
    colspan: int = 1
    page: int | None = None
    bbox: BBox | None = None
    confidence: float | None = None  # OCR: the least confident character's score (0..1); None when not OCR'd


@dataclass
class Table:
    cells: list[Cell]
    page: int | None = None
    bbox: BBox | None = None
    pages: tuple[int, ...] = ()  # every page a table joined across pages stands on
    ruled: bool = True  # False: rebuilt from word positions (a table printed without ruling lines)

    @property
    def n_rows(self) -> int:
        return max((c.row + c.rowspan for c in self.cells), default=0)

    @property
    def n_cols(self) -> int:
        return max((c.col + c.colspan for c in self.cells), default=0)

    def grid(self) -> list[list[Cell | None]]:
        """Rows × columns; a spanned cell stands in every position it covers, a hole is None."""
        width = self.n_cols  # once: each is a pass over the cells
        out: list[list[Cell | None]] = [[None] * width for _ in range(self.n_rows)]
        for cell in self.cells:
            for r in range(cell.row, cell.row + cell.rowspan):
                for c in range(cell.col, cell.col + cell.colspan):
                    out[r][c] = cell
        return out

    def rows_text(self) -> list[list[str]]:
        return [[c.text if c else "" for c in row] for row in self.grid()]


@dataclass
class Paragraph:
    text: str
    page: int | None = None
    bbox: BBox | None = None
    level: int | None = None  # heading level where the format marks one (h1, Heading 1 …)


Block = Paragraph | Table


@dataclass
class Document:
    path: str
    format: str  # pdf | docx | html | text | ofd
    blocks: list[Block] = field(default_factory=list)
    pages: int | None = None
    # What the file says about itself outside the text: a page's <title>/<meta> and its 信息公开目录 table.
    # Keys: title, title_tag, published, publisher, column (each the raw string as printed).
    meta: dict[str, str] = field(default_factory=dict)
    notes: list[str] = field(default_factory=list)  # parts of the file the reader could not read, one line each
    truncated: str | None = None  # why the file looks cut short (a page ending inside a table …), else None

    @property
    def paragraphs(self) -> list[Paragraph]:
        return [b for b in self.blocks if isinstance(b, Paragraph)]

    @property
    def tables(self) -> list[Table]:
        return [b for b in self.blocks if isinstance(b, Table)]

    @property
    def text(self) -> str:
        return "\n".join(p.text for p in self.paragraphs)


def table_from_rows(rows: list[list[str]], page: int | None = None) -> Table:
    """A span-less table from rows of cell texts (text readers and tests)."""
    cells = [Cell(r, c, t, page=page) for r, row in enumerate(rows) for c, t in enumerate(row)]
    return Table(cells=cells, page=page, pages=(page,) if page else ())
