"""Truth files: loading, validation against the template, and the identity checker.

A truth is the ground truth of one rendered report (see README.md for the format). ``identity_breaks``
computes which template identities a truth's figures break; ``validate`` insists that this set equals the
truth's ``expected_flags`` (empty when absent), so a fixture can only break identities on purpose.
"""

from __future__ import annotations

import json
from pathlib import Path

from extractors.template import load_template

TRUTHS_DIR = Path(__file__).parent / "truths"
TEXT_TRUTH = TRUTHS_DIR / "text" / "baoshan-2020.json"  # truth of the seed text fixture (full narrative)
BLANK_PRINTS = {"", "—", "/", "-", "－", "——"}

REQUEST_COLUMNS = ("natural_person", "commercial", "research", "social_org", "legal_service", "other_org")
APPEAL_PARTS = ("upheld", "corrected", "other", "pending")


class TruthError(ValueError):
    pass


def load_truth(path: Path) -> dict:
    truth = json.loads(Path(path).read_text(encoding="utf-8"))
    validate(truth)
    return truth


def all_truths() -> list[dict]:
    return [load_truth(p) for p in sorted(TRUTHS_DIR.glob("*.json"))]


def template_keys(truth: dict) -> list[str]:
    return load_template().keys(truth["edition"], other_split=truth["other_split"])


def request_rows(truth: dict) -> list[str]:
    """Row keys of the requests table in the truth's layout, in order."""
    rows: list[str] = []
    for key in template_keys(truth):
        if key.startswith("requests."):
            row = key[len("requests.") : key.rindex(".")]
            if row not in rows:
                rows.append(row)
    return rows


def identity_breaks(truth: dict) -> set[tuple[str, str, str]]:
    """The set of (kind, identity, where) that the truth's figures break. Missing (null) cells skip a check."""
    cells = truth["cells"]
    rows = request_rows(truth)
    leaves = [r for r in rows if r.startswith("result.") and r != "result.total"]
    columns = (*REQUEST_COLUMNS, "total")
    out: set[tuple[str, str, str]] = set()

    def v(key: str):
        return cells.get(key)

    def known(*vals) -> bool:
        return all(x is not None for x in vals)

    for c in columns:
        a, b, t, f = (v(f"requests.{r}.{c}") for r in ("received", "carried_over", "result.total", "carried_forward"))
        if known(a, b, t, f) and a + b != t + f:
            out.add(("identity", "requests.balance", c))
        parts = [v(f"requests.{r}.{c}") for r in leaves]
        if known(t, *parts) and t != sum(parts):
            out.add(("identity", "requests.result_sum", c))
    for r in rows:
        parts = [v(f"requests.{r}.{c}") for c in REQUEST_COLUMNS]
        tot = v(f"requests.{r}.total")
        if known(tot, *parts) and tot != sum(parts):
            out.add(("identity", "requests.row_total", r))
    for g in load_template().appeal_groups:
        parts = [v(f"appeals.{g.key}.{c}") for c in APPEAL_PARTS]
        tot = v(f"appeals.{g.key}.total")
        if known(tot, *parts) and tot != sum(parts):
            out.add(("identity", "appeals.group_total", g.key))
    return out


def expected_set(truth: dict) -> set[tuple[str, str, str]]:
    """The identity breaks a truth declares (its other expected flags, e.g. fact_mismatch, are the narrative's)."""
    return {(f["kind"], f["identity"], f["where"]) for f in truth.get("expected_flags", []) if f["kind"] == "identity"}


def flags_from(breaks: set[tuple[str, str, str]]) -> list[dict]:
    return [{"kind": k, "identity": i, "where": w} for k, i, w in sorted(breaks)]


def validate(truth: dict) -> None:
    name = truth.get("name", "?")
    for field in ("name", "title", "issuer", "region", "year", "edition", "other_split", "cells", "body"):
        if field not in truth:
            raise TruthError(f"{name}: missing field {field!r}")
    keys = template_keys(truth)
    cells = truth["cells"]
    if list(cells) != keys:
        missing = [k for k in keys if k not in cells]
        extra = [k for k in cells if k not in keys]
        if missing or extra:
            raise TruthError(f"{name}: cells differ from template keys: missing {missing[:5]}, extra {extra[:5]}")
        raise TruthError(f"{name}: cells are not in template order")
    for k, val in cells.items():
        if val is not None and (not isinstance(val, int) or isinstance(val, bool)):
            raise TruthError(f"{name}: {k} must be an integer or null, got {val!r}")
    for k, shown in truth.get("printed", {}).items():
        if k not in cells:
            raise TruthError(f"{name}: printed key {k} is not a cell")
        if shown.strip() in BLANK_PRINTS and cells[k] != 0:
            raise TruthError(f"{name}: {k} printed blank {shown!r} but value is {cells[k]}")
    tables = [b["table"] for b in truth["body"] if "table" in b]
    if tables != ["proactive", "requests", "appeals"]:
        raise TruthError(f"{name}: body must place the three tables in order, got {tables}")
    found, expected = identity_breaks(truth), expected_set(truth)
    if found != expected:
        raise TruthError(
            f"{name}: identity breaks differ from expected_flags\n"
            f"  unexpected: {sorted(found - expected)}\n  expected but holding: {sorted(expected - found)}"
        )
