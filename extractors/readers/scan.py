"""Preparing a scanned page image for recognition: red seal ink taken out, the page turned upright.

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
