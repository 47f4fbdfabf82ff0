"""Identity breaks explained by a doubtful OCR reading: the ``ocr`` flag, never a silent repair.

A scanned table whose identity breaks may only have been misread. When a cell read with low confidence, set to
one other value, would make broken identities hold without breaking any other, the break is reported as one
flag of kind ``ocr`` naming the cell (``key``), the value read (``found``) and the value the identities imply
(``expected``) instead of those ``identity`` flags. The stored figure stays the one read. A cell read blank from
ink OCR made nothing of has confidence 0 (extractors.readers.ocr), so a figure lost that way is named too.
"""

from __future__ import annotations

from decimal import Decimal

from extractors.checks import check_identities
from extractors.records import CellRecord, Flag
from extractors.template import Template

LOW_CONFIDENCE = 0.95  # below this recognition score a cell's reading is doubtful


def explain_by_ocr(flags: list[Flag], cells: list[CellRecord], template: Template) -> list[Flag]:
    """``flags`` with identity breaks that one low-confidence cell explains replaced by ``ocr`` flags."""
    breaks = {_id(f): f for f in flags if f.kind == "identity"}
    doubtful = sorted((c for c in cells if c.key and c.value is not None and c.confidence is not None
                       and c.confidence < LOW_CONFIDENCE), key=lambda c: c.confidence)
    if not breaks or not doubtful:
        return flags
    values = {c.key: c.value for c in cells if c.key}
    explained: set[tuple] = set()
    out: list[Flag] = []
    for cell in doubtful:
        for implied in _candidates(cell.value, [f for k, f in breaks.items() if k not in explained]):
            left = {_id(f) for f in check_identities({**values, cell.key: implied}, template)}
            fixed = set(breaks) - explained - left
            if fixed and left <= set(breaks):  # mends some breaks, makes none
                explained |= fixed
                out.append(Flag(kind="ocr", key=cell.key, found=cell.value, expected=implied, page=cell.page,
                                message=f"{cell.key}: read {cell.raw!r} (confidence {cell.confidence:.2f}); "
                                        f"the identities imply {implied}"))
                break
    return [f for f in flags if not (f.kind == "identity" and _id(f) in explained)] + out


def _id(flag: Flag) -> tuple:
    return flag.identity, flag.where


def _candidates(value: Decimal, breaks: list[Flag]) -> list[Decimal]:
    """Values that would close one of the breaks, the cell standing on either side of its identity."""
    out: list[Decimal] = []
    for flag in breaks:
        diff = flag.found - flag.expected
        for v in (value + diff, value - diff):
            if v >= 0 and v != value and v not in out:
                out.append(v)
    return out
