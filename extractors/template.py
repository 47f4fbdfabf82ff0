"""The national report template as typed data, loaded once from ``template.yaml``.

Everything that knows a label or a canonical key reads it from here, so a new label variant is a data change.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache

from extractors.datafiles import load_yaml

EDITIONS = ("ed2019", "ed2021")


@dataclass(frozen=True)
class Label:
    """A row, column or group of the template: its key part and the wordings that name it."""

    key: str
    labels: tuple[str, ...]
    editions: tuple[str, ...] = EDITIONS
    group: str | None = None  # requests rows: the parent row (不予公开 …) they sit under
    parent: str | None = None  # columns/groups: the spanning header above them (法人或其他组织, 行政诉讼)
    money: bool = False
    row_of_group: str | None = None  # a group printed as a single row of figures (（六）其他处理)

    @property
    def label(self) -> str:
        return self.labels[0]


@dataclass(frozen=True)
class ProactiveBlock:
    key: str  # art20_1 …
    section: str  # 第二十条第（一）项
    rows: tuple[Label, ...]
    columns: dict[str, tuple[Label, ...]]  # edition -> columns
    editions: tuple[str, ...] = EDITIONS

    def rows_for(self, edition: str) -> tuple[Label, ...]:
        return tuple(r for r in self.rows if edition in r.editions)


@dataclass(frozen=True)
class Template:
    proactive: tuple[ProactiveBlock, ...]
    request_columns: tuple[Label, ...]
    request_groups: tuple[Label, ...]
    request_rows: tuple[Label, ...]
    appeal_groups: tuple[Label, ...]
    appeal_columns: tuple[Label, ...]
    edition_years: dict[str, tuple[int, int]]

    def keys(self, edition: str, *, other_split: bool | None = None) -> list[str]:
        """Canonical cell keys of one edition, in template order.

        ``other_split`` chooses how （六）其他处理 is printed: three sub-rows (the ed2021 default) or one row
        (ed2019, and the mixed layout of some ed2021 reports).
        """
        if other_split is None:
            other_split = edition == "ed2021"
        out: list[str] = []
        for block in self.proactive:
            if edition not in block.editions:
                continue
            for row in block.rows_for(edition):
                out += [f"proactive.{block.key}.{row.key}.{c.key}" for c in block.columns[edition]]
        for row in self.request_rows:
            if row.row_of_group:
                if other_split:
                    continue
            elif edition not in row.editions or (row.group == "other" and not other_split):
                continue
            out += [f"requests.{row.key}.{c.key}" for c in self.request_columns]
        for group in self.appeal_groups:
            out += [f"appeals.{group.key}.{c.key}" for c in self.appeal_columns]
        return out

    def edition_for_year(self, year: int) -> str:
        for edition, (first, last) in self.edition_years.items():
            if first <= year <= last:
                return edition
        return EDITIONS[0] if year < self.edition_years[EDITIONS[0]][0] else EDITIONS[-1]

    def money_keys(self) -> set[str]:
        return {
            f"proactive.{b.key}.{r.key}.{c.key}"
            for b in self.proactive
            for cols in b.columns.values()
            for c in cols
            if c.money
            for r in b.rows
        }


def _labels(key: str, spec: dict) -> Label:
    return Label(
        key=key,
        labels=tuple(spec["labels"]),
        editions=tuple(spec.get("editions", EDITIONS)),
        group=spec.get("group"),
        parent=spec.get("parent"),
        money=bool(spec.get("money", False)),
        row_of_group=spec.get("row_of_group"),
    )


def _labelled(mapping: dict) -> tuple[Label, ...]:
    return tuple(_labels(k, v) for k, v in mapping.items())


@cache
def load_template() -> Template:
    data = load_yaml("template.yaml")
    blocks = tuple(
        ProactiveBlock(
            key=key,
            section=spec["section"],
            rows=_labelled(spec["rows"]),
            columns={ed: _labelled(cols) for ed, cols in spec["columns"].items()},
            editions=tuple(spec.get("editions", EDITIONS)),
        )
        for key, spec in data["proactive"]["blocks"].items()
    )
    return Template(
        proactive=blocks,
        request_columns=_labelled(data["requests"]["columns"]),
        request_groups=_labelled(data["requests"]["groups"]),
        request_rows=_labelled(data["requests"]["rows"]),
        appeal_groups=_labelled(data["appeals"]["groups"]),
        appeal_columns=_labelled(data["appeals"]["columns"]),
        edition_years={ed: tuple(v["years"]) for ed, v in data["editions"].items()},
    )
