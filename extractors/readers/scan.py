"""Preparing a scanned page image for recognition: red seal ink taken out, the page turned upright; and how a
recognised lone stroke leans (a "/" told from a "1").

Pure image arithmetic with OpenCV on numpy arrays (RGB uint8 in, greyscale uint8 out); no recognition here.
"""

from __future__ import annotations

import cv2
import numpy as np

_MAX_TILT = 2.5  # degrees: scanners and phone photos of a page on a desk stay within this
_SEAL_MIN_INCH = 0.6  # a seal is a red disc at least this wide (a red title line is far wider than tall)


def prepare(rgb: np.ndarray, dpi: float) -> np.ndarray:
    """The page as greyscale, seal ink whitened, deskewed (rotated about its centre, white corners)."""
    grey = cv2.cvtColor(suppress_seals(rgb, dpi), cv2.COLOR_RGB2GRAY)
    return rotate(grey, skew_angle(grey))


def suppress_seals(rgb: np.ndarray, dpi: float) -> np.ndarray:
    """Red ink inside roughly round red blobs (official seals, 公章) turned to white paper.

    Black strokes under a seal stay (they are dark, not red); red ink elsewhere (a red title, 红头) is kept,
    since only blobs about as tall as wide and a seal's size are taken out.
    """
    hsv = cv2.cvtColor(rgb, cv2.COLOR_RGB2HSV)
    h, s, v = hsv[..., 0], hsv[..., 1], hsv[..., 2]
    red = (((h <= 12) | (h >= 160)) & (s >= 70) & (v >= 90)).astype(np.uint8)
    if not red.any():
        return rgb
    grown = cv2.dilate(red, np.ones((9, 9), np.uint8))
    n, _, stats, _ = cv2.connectedComponentsWithStats(grown, connectivity=8)
    out = rgb.copy()
    for x, y, w, hgt, _area in stats[1:n]:
        if min(w, hgt) >= _SEAL_MIN_INCH * dpi and 0.6 <= w / hgt <= 1.6:
            window = red[y:y + hgt, x:x + w].astype(bool)
            out[y:y + hgt, x:x + w][window] = 255
    return out


def skew_angle(grey: np.ndarray) -> float:
    """The page's tilt in degrees (counter-clockwise positive, as cv2.getRotationMatrix2D takes it): the angle
    at which the rows of ink are sharpest (largest variance of the row-sum profile), coarse then fine."""
    scale = 900 / max(grey.shape)
    small = cv2.resize(grey, None, fx=scale, fy=scale, interpolation=cv2.INTER_AREA) if scale < 1 else grey
    ink = cv2.threshold(small, 0, 1, cv2.THRESH_BINARY_INV + cv2.THRESH_OTSU)[1].astype(np.float32)

    def sharpness(angle: float) -> float:
        profile = rotate(ink, angle, border=0).sum(axis=1)
        return float(np.square(np.diff(profile)).sum())

    best = max(np.arange(-_MAX_TILT, _MAX_TILT + 1e-9, 0.25), key=sharpness)
    return float(max(np.arange(best - 0.25, best + 0.25 + 1e-9, 0.05), key=sharpness))


def rotate(image: np.ndarray, angle: float, border: int = 255) -> np.ndarray:
    if abs(angle) < 0.02:
        return image
    h, w = image.shape[:2]
    matrix = cv2.getRotationMatrix2D((w / 2, h / 2), angle, 1.0)
    return cv2.warpAffine(image, matrix, (w, h), flags=cv2.INTER_LINEAR, borderValue=border)


def stroke_lean(crop: np.ndarray) -> float | None:
    """How a lone stroke in ``crop`` (greyscale, paper around it) leans: the horizontal pixels its ink moves per
    pixel down (least squares of x on y over the ink), so a "/" is about −0.5, a "1" about +0.1 (its flag is
    top left), a "\\" about +0.5. None when the crop holds no clear ink (contrast under 40 grey levels)."""
    if crop.size == 0:
        return None
    paper, dark = float(np.median(crop)), float(np.percentile(crop, 0.5))
    if paper - dark < 40:
        return None
    ys, xs = np.nonzero(crop < (paper + dark) / 2)
    if len(ys) < 5:
        return None
    y, x = ys - ys.mean(), xs - xs.mean()
    spread = float((y * y).sum())
    return float((x * y).sum()) / spread if spread else None


def text_ink(crop: np.ndarray, dpi: float) -> tuple[int, int, int, int] | None:
    """The box (x0, top, x1, bottom, pixels of ``crop``) of one line of printed characters in a greyscale crop,
    or None: the ink blobs (darker than halfway from the paper to the darkest 0.5 %, contrast at least 40 grey
    levels) as tall as a character, 0.06–0.25 in, that keep off the crop's edge (not a ruling's remnant);
    None too when they stack over more than one such height (several lines: not one figure)."""
    if crop.size == 0:
        return None
    paper, dark = float(np.median(crop)), float(np.percentile(crop, 0.5))
    if paper - dark < 40:
        return None
    ink = (crop < (paper + dark) / 2).astype(np.uint8)
    n, _, stats, _ = cv2.connectedComponentsWithStats(ink, connectivity=8)
    h, w = crop.shape
    glyphs = [(x, y, x + cw, y + ch) for x, y, cw, ch, _ in stats[1:n]
              if 0.06 * dpi <= ch <= 0.25 * dpi and x > 0 and y > 0 and x + cw < w and y + ch < h]
    if not glyphs:
        return None
    box = (min(g[0] for g in glyphs), min(g[1] for g in glyphs), max(g[2] for g in glyphs),
           max(g[3] for g in glyphs))
    return box if box[3] - box[1] <= 0.25 * dpi else None
