"""The identities a correct table satisfies (template-keys.yaml), computed on the figures as published.

A break becomes a flag naming the identity, where it breaks, and the expected and found figures; the published
figures themselves are never changed. An identity with a missing or unreadable term is not computed.
"""

from __future__ import annotations

from collections.abc import Iterable
from decimal import Decimal

from extractors.records import Flag
from extractors.template import Template


def check_identities(values: dict[str, Decimal | None], template: Template) -> list[Flag]:
    flags: list[Flag] = []
    applicants = [c.key for c in template.request_columns if c.key != "total"]
    columns = [c.key for c in template.request_columns]
    printed_rows = sorted({k.split(".", 1)[1].rsplit(".", 1)[0] for k in values if k.startswith("requests.")},
                          key=_row_order(template))
    # every result row of the template, not only those printed: a row left out of the table is a missing term
    # (its cells read None), so the sum is not computed, as for a blank cell. （六）其他处理 is one row or three
    # sub-rows, whichever the table prints (a parent total printed beside its sub-rows would count twice)
    split = any(r.startswith("result.other.") for r in printed_rows)
    leaves = [r.key for r in template.request_rows
              if r.key.startswith("result.") and r.key != "result.total"
              and (r.key != "result.other" if split else not r.key.startswith("result.other."))]

    def v(row: str, col: str) -> Decimal | None:
        return values.get(f"requests.{row}.{col}")

    for col in columns:
        flags += _compare("requests.balance", col, [v("received", col), v("carried_over", col)],
                          [v("result.total", col), v("carried_forward", col)],
                          "received + carried_over", "result.total + carried_forward")
        flags += _compare("requests.result_sum", col, [v(r, col) for r in leaves], [v("result.total", col)],
                          "sum of result rows", "result.total")
    for row in printed_rows:
        flags += _compare("requests.row_total", row, [v(row, c) for c in applicants], [v(row, "total")],
                          "sum of applicant columns", "total")
    for group in template.appeal_groups:
        parts = [values.get(f"appeals.{group.key}.{c.key}") for c in template.appeal_columns if c.key != "total"]
        flags += _compare("appeals.group_total", group.key, parts, [values.get(f"appeals.{group.key}.total")],
                          "upheld + corrected + other + pending", "total")
    return flags


def _row_order(template: Template):
    order = {r.key: i for i, r in enumerate(template.request_rows)}
    return lambda row: order.get(row, len(order))


def _compare(identity: str, where: str, left: Iterable[Decimal | None], right: Iterable[Decimal | None],
             left_name: str, right_name: str) -> list[Flag]:
    left, right = list(left), list(right)
    if any(x is None for x in left + right):
        return []
    expected, found = sum(left, Decimal(0)), sum(right, Decimal(0))
    if expected == found:
        return []
    return [Flag(kind="identity", identity=identity, where=where, expected=expected, found=found,
                 message=f"{identity} [{where}]: {left_name} = {_fmt(expected)} but {right_name} = {_fmt(found)}")]


def _fmt(value: Decimal) -> str:
    return format(value.normalize(), "f") if value == value.to_integral_value() else str(value)
