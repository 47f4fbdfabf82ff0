"""Ruled tables of a PDF page: pdfplumber's lattice algorithm (``page.find_tables()`` with its default "lines"
strategy, then ``Table.extract``) computed with indexes, same results.

pdfplumber compares every vertical edge with every horizontal one, builds a set of edge boxes for each pair of
points it tests for a shared edge, and tests every character against every cell; on a page of a report's
tables that was most of the reading. Here the edges' boxes are built once per point, neighbours are found by
sorted position, and characters are looked up by their middle (bisection), so the work grows with what a page
holds rather than with its square. The edges (from the page's lines, rects and curves, snapped and joined) are
pdfplumber's arithmetic on slotted records instead of its dict copies; pdfplumber's own function groups cells
into tables; a cell's text is :func:`extractors.readers.words.extract_text`.
"""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from dataclasses import dataclass
from itertools import groupby
from operator import attrgetter

from pdfplumber.table import TableSettings, cells_to_tables
from pdfplumber.table import Table as _PlumberTable

from extractors.readers.words import extract_text

BBox = tuple[float, float, float, float]
_SETTINGS = TableSettings()  # pdfplumber's defaults, as page.find_tables() uses them


@dataclass
class RuledTable:
    """One table: its box and its rows, each a list of cell boxes (None where a row has no cell that starts
    at one of the table's column edges), as pdfplumber's ``Table.bbox`` and ``Table.rows[i].cells``."""

    bbox: BBox
    rows: list[list[BBox | None]]


def find_ruled_tables(page) -> list[RuledTable]:
    """The tables ``page.find_tables()`` finds on a pdfplumber page, top to bottom; [] at once for a page
    without any ruling (no line, rect or curve edge)."""
    edges = _edges(page)
    if not edges:
        return []
    out = []
    for cells in cells_to_tables(_cells(_intersections(edges))):
        table = _PlumberTable(page, cells)
        out.append(RuledTable(table.bbox, [row.cells for row in table.rows]))
    return out


def cell_texts(table: RuledTable, chars: list[dict], x_tolerance_ratio: float | None = None) \
        -> list[list[str | None]]:
    """``Table.extract(x_tolerance_ratio=…)``: each cell's text made of the ``chars`` (in their order) whose middle
    stands in it (left and top edges inclusive, right and bottom exclusive); "" for an empty cell, None where
    the row has no cell."""
    middles = sorted(((c["top"] + c["bottom"]) / 2, i) for i, c in enumerate(chars))
    v_mid = [m for m, _ in middles]
    h_mid = [(c["x0"] + c["x1"]) / 2 for c in chars]
    out = []
    for row in table.rows:
        texts: list[str | None] = []
        for cell in row:
            if cell is None:
                texts.append(None)
                continue
            x0, top, x1, bottom = cell
            inside = sorted(i for _, i in middles[bisect_left(v_mid, top):bisect_left(v_mid, bottom)]
                            if x0 <= h_mid[i] < x1)
            texts.append(extract_text([chars[i] for i in inside], x_tolerance_ratio) if inside else "")
        out.append(texts)
    return out


@dataclass(slots=True)
class _Edge:
    """One edge as pdfplumber's edge dict holds it, in the fields the lattice uses (its dict copies per rect
    side, per snap and per join were a third of finding a page's tables)."""

    x0: float
    top: float
    x1: float
    bottom: float
    width: float
    height: float
    orientation: str | None


def _edges(page) -> list[_Edge]:
    """``TableFinder.get_edges`` for the "lines" strategy on both axes: pdfplumber's ``page.edges`` (lines, each
    side of a rect, each segment of a curve), prefiltered by length, snapped, joined and filtered by length
    again, the same arithmetic in the same order."""
    s = _SETTINGS
    edges = _page_edges(page)
    if not edges:
        return []
    prefilter = s.edge_min_length_prefilter
    v = [e for e in edges if e.orientation == "v" and e.height >= prefilter]
    h = [e for e in edges if e.orientation == "h" and e.width >= prefilter]
    snapped = _snap(v, "x0", s.snap_x_tolerance) + _snap(h, "top", s.snap_y_tolerance)
    snapped.sort(key=lambda e: ("h", e.top) if e.orientation == "h" else ("v", e.x0))  # merge_edges' groups
    joined: list[_Edge] = []
    for (orientation, _), group in groupby(snapped, key=lambda e: (e.orientation, e.top if e.orientation == "h"
                                                                  else e.x0)):
        joined += _join(list(group), orientation, s.join_x_tolerance if orientation == "h" else s.join_y_tolerance)
    return [e for e in joined if (e.height if e.orientation == "v" else e.width) >= s.edge_min_length]


def _page_edges(page) -> list[_Edge]:
    """``page.edges``: ``line_to_edge``, ``rect_to_edges``, ``curve_to_edges``."""
    out = [_Edge(ln["x0"], ln["top"], ln["x1"], ln["bottom"], ln["width"], ln["height"],
                 "h" if ln["top"] == ln["bottom"] else "v") for ln in page.lines]
    for r in page.rects:
        x0, top, x1, bottom, width, height = r["x0"], r["top"], r["x1"], r["bottom"], r["width"], r["height"]
        out += [_Edge(x0, top, x1, top, width, 0, "h"), _Edge(x0, top + height, x1, bottom, width, 0, "h"),
                _Edge(x0, top, x0, bottom, 0, height, "v"), _Edge(x1, top, x1, bottom, 0, height, "v")]
    for curve in page.curves:
        pts = curve["pts"]
        for p0, p1 in zip(pts, pts[1:]):
            out.append(_Edge(min(p0[0], p1[0]), min(p0[1], p1[1]), max(p0[0], p1[0]), max(p0[1], p1[1]),
                             abs(p0[0] - p1[0]), abs(p0[1] - p1[1]),
                             "v" if p0[0] == p1[0] else ("h" if p0[1] == p1[1] else None)))
    return out


def _snap(edges: list[_Edge], attr: str, tolerance: float) -> list[_Edge]:
    """``snap_objects``: positions chained into clusters (sorted, each within ``tolerance`` of the one before),
    each edge moved by its cluster's mean less its own position; clusters in order, edges in theirs. The edges
    are moved in place (``_edges`` made them for this)."""
    if not edges:
        return []
    position = attrgetter(attr)
    positions = [position(e) for e in edges]
    cluster_of: dict[float, int] = {}
    values = sorted(set(positions))
    cluster, last = 0, values[0]
    for value in values:
        if not value <= last + tolerance:
            cluster += 1
        cluster_of[value] = cluster
        last = value
    clusters: dict[int, list[int]] = {}
    for i in sorted(range(len(edges)), key=lambda i: cluster_of[positions[i]]):
        clusters.setdefault(cluster_of[positions[i]], []).append(i)
    out = []
    for members in clusters.values():
        mean = sum(positions[i] for i in members) / len(members)
        for i in members:
            e = edges[i]
            shift = mean - positions[i]
            if attr == "x0":
                e.x0, e.x1 = e.x0 + shift, e.x1 + shift
            else:
                e.top, e.bottom = e.top + shift, e.bottom + shift
            out.append(e)
    return out


def _join(edges: list[_Edge], orientation: str, tolerance: float) -> list[_Edge]:
    """``join_edge_group``: edges of one line, sorted by start, each overlapping or within ``tolerance`` of the
    last joined one extending it (``resize_object``: a width made anew, a height grown by the difference)."""
    if orientation == "h":
        edges = sorted(edges, key=lambda e: e.x0)
        joined = [edges[0]]
        for e in edges[1:]:
            last = joined[-1]
            if e.x0 <= last.x1 + tolerance:
                if e.x1 > last.x1:
                    joined[-1] = _Edge(last.x0, last.top, e.x1, last.bottom, e.x1 - last.x0, last.height, "h")
            else:
                joined.append(e)
        return joined
    edges = sorted(edges, key=lambda e: e.top)
    joined = [edges[0]]
    for e in edges[1:]:
        last = joined[-1]
        if e.top <= last.bottom + tolerance:
            if e.bottom > last.bottom:
                joined[-1] = _Edge(last.x0, last.top, last.x1, e.bottom, last.width,
                                   last.height + (e.bottom - last.bottom), "v")
        else:
            joined.append(e)
    return joined


def _intersections(edges: list[_Edge]) -> dict[tuple[float, float], tuple[set[BBox], set[BBox]]]:
    """``edges_to_intersections``: each point where a vertical edge meets a horizontal one (within the
    tolerances), with the boxes of the vertical and of the horizontal edges meeting there."""
    xt, yt = _SETTINGS.intersection_x_tolerance, _SETTINGS.intersection_y_tolerance
    h_edges = sorted((e for e in edges if e.orientation == "h"), key=lambda e: e.top)
    h_tops = [e.top for e in h_edges]
    out: dict[tuple[float, float], tuple[set[BBox], set[BBox]]] = {}
    for v in edges:
        if v.orientation != "v":
            continue
        x, v_box = v.x0, (v.x0, v.top, v.x1, v.bottom)
        # the candidates by position (a point wider, for rounding), then pdfplumber's own test
        for h in h_edges[bisect_left(h_tops, v.top - yt - 1):bisect_right(h_tops, v.bottom + yt + 1)]:
            if v.top <= h.top + yt and v.bottom >= h.top - yt \
                    and h.x0 - xt <= x <= h.x1 + xt:
                vs, hs = out.setdefault((x, h.top), (set(), set()))
                vs.add(v_box)
                hs.add((h.x0, h.top, h.x1, h.bottom))
    return out


def _cells(intersections: dict[tuple[float, float], tuple[set[BBox], set[BBox]]]) -> list[BBox]:
    """``intersections_to_cells``: from each point (in sorted order), the smallest rectangle whose four
    corners are points joined by shared edges, trying points below nearest first, then points to the right."""
    points = sorted(intersections)
    column_end: dict[float, int] = {}  # x -> index past the last point of that x
    for i, (x, _) in enumerate(points):
        column_end[x] = i + 1
    rows: dict[float, list[tuple[float, float]]] = {}
    for p in points:
        rows.setdefault(p[1], []).append(p)

    def joined(p: tuple[float, float], q: tuple[float, float]) -> bool:
        if p[0] == q[0] and not intersections[p][0].isdisjoint(intersections[q][0]):
            return True
        return p[1] == q[1] and not intersections[p][1].isdisjoint(intersections[q][1])

    out = []
    for i, pt in enumerate(points[:-1]):
        below = points[i + 1:column_end[pt[0]]]
        right = [q for q in rows[pt[1]] if q[0] > pt[0]]
        cell = _smallest(pt, below, right, intersections, joined)
        if cell is not None:
            out.append(cell)
    return out


def _smallest(pt, below, right, intersections, joined) -> BBox | None:
    for below_pt in below:
        if not joined(pt, below_pt):
            continue
        for right_pt in right:
            if not joined(pt, right_pt):
                continue
            corner = (right_pt[0], below_pt[1])
            if corner in intersections and joined(corner, right_pt) and joined(corner, below_pt):
                return (pt[0], pt[1], corner[0], corner[1])
    return None
