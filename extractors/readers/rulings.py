"""Ruled tables in a page image: ruling lines by morphology, cells as the paper they enclose.

Horizontal and vertical strokes much longer than any character stroke are the rulings; each connected set of
rulings is a table, and each patch of paper it encloses is one cell (a spanned cell encloses no inner ruling,
so spans come out by themselves). Pixel units throughout; greyscale uint8 in.
"""

from __future__ import annotations

from dataclasses import dataclass

import cv2
import numpy as np

PixelBox = tuple[int, int, int, int]  # x0, top, x1, bottom


@dataclass
class RuledTable:
    bbox: PixelBox
    cells: list[PixelBox]  # edges snapped: neighbours share their edge values exactly


def find_ruled_tables(grey: np.ndarray, dpi: float) -> tuple[list[RuledTable], np.ndarray]:
    """Ruled tables on the page and the mask of their ruling pixels (to whiten before recognition)."""
    ink = cv2.adaptiveThreshold(grey, 255, cv2.ADAPTIVE_THRESH_MEAN_C, cv2.THRESH_BINARY_INV, 31, 15)
    # A ruling outlasts any stroke of a glyph: a cell is at least 0.35 in wide; a row at least 0.17 in high.
    horizontal = cv2.morphologyEx(ink, cv2.MORPH_OPEN, np.ones((1, max(15, int(0.35 * dpi))), np.uint8))
    vertical = cv2.morphologyEx(ink, cv2.MORPH_OPEN, np.ones((max(10, int(0.17 * dpi)), 1), np.uint8))
    lines = cv2.dilate(horizontal | vertical, np.ones((3, 3), np.uint8))  # close gaps left by noise and JPEG
    n, labels, stats, _ = cv2.connectedComponentsWithStats(lines, connectivity=8)
    tables, mask = [], np.zeros_like(lines)
    for i in range(1, n):
        x, y, w, h, _ = stats[i]
        if w < 1.0 * dpi or h < 0.3 * dpi:
            continue
        component = (labels[y:y + h, x:x + w] == i).astype(np.uint8)
        cells = _cells(component, dpi)
        if len(cells) < 2:
            continue
        mask[y:y + h, x:x + w] |= component * 255
        tables.append(RuledTable(bbox=(x, y, x + w, y + h), cells=_snap([(a + x, b + y, c + x, d + y)
                                                                         for a, b, c, d in cells], dpi)))
    return tables, mask


def _cells(component: np.ndarray, dpi: float) -> list[PixelBox]:
    """Enclosed paper patches of one table's ruling mask, grown by half a ruling so neighbours meet."""
    h, w = component.shape
    n, _, stats, _ = cv2.connectedComponentsWithStats(1 - component, connectivity=4)
    out, least = [], 0.06 * dpi
    for x, y, cw, ch, _ in stats[1:n]:
        if x == 0 or y == 0 or x + cw >= w or y + ch >= h:  # paper outside the table (touches its frame)
            continue
        if cw < least or ch < least:
            continue
        out.append((x - 2, y - 2, x + cw + 2, y + ch + 2))
    return out


def _snap(cells: list[PixelBox], dpi: float) -> list[PixelBox]:
    """Edges within a ruling's width of each other made one value, so the grid sees one line."""
    tol = 0.05 * dpi

    def axis(values: list[int]) -> dict[int, int]:
        groups: list[list[int]] = []
        for v in sorted(set(values)):
            if groups and v - groups[-1][-1] <= tol:
                groups[-1].append(v)
            else:
                groups.append([v])
        return {v: round(sum(g) / len(g)) for g in groups for v in g}

    xs = axis([c[0] for c in cells] + [c[2] for c in cells])
    ys = axis([c[1] for c in cells] + [c[3] for c in cells])
    return [(xs[a], ys[b], xs[c], ys[d]) for a, b, c, d in cells]
