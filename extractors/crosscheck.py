"""Narrative facts against the tables: a figure the prose restates is linked to its cell, a disagreement flagged.

The rules are data (``crosscheck.yaml``). Pure: facts and the report's values in, linked facts and flags out.
"""

from __future__ import annotations

import dataclasses
import re
from collections.abc import Mapping
from dataclasses import dataclass
from decimal import Decimal
from fnmatch import translate
from functools import cache

from extractors.datafiles import load_yaml
from extractors.records import Fact, Flag


@dataclass(frozen=True)
class Rule:
    name: str
    group: str
    clause: re.Pattern[str]
    unless: tuple[re.Pattern[str], ...]  # the rule's own, its group's and the global one
    context: re.Pattern[str] | None  # matched against the sentence and the section path
    units: frozenset[str]
    keys: tuple[str, ...]  # globs over canonical keys; "a|b" for either (editions name some cells differently)


@cache
def rules() -> tuple[Rule, ...]:
    data = load_yaml("crosscheck.yaml")
    top = [re.compile(data["unless"])] if data.get("unless") else []
    out = []
    for group in data["groups"]:
        group_unless = [re.compile(group["unless"])] if group.get("unless") else []
        context = re.compile(group["context"]) if group.get("context") else None
        for rule in group["rules"]:
            own = [re.compile(rule["unless"])] if rule.get("unless") else []
            out.append(Rule(name=rule["name"], group=group["name"], clause=re.compile(rule["clause"]),
                            unless=tuple(own + group_unless + top), context=context,
                            units=frozenset(group.get("units", ())), keys=tuple(rule["keys"])))
    return tuple(out)


def matching_rule(fact: Fact) -> Rule | None:
    """The first rule whose wording the fact's clause carries; None for a figure no table holds."""
    if fact.qualifier is not None or fact.sign is not None or fact.value != fact.value.to_integral_value():
        return None  # 约/余/以上 and changes are never a cell's figure
    clause = fact.clause or fact.raw
    where = fact.sentence + " " + " ".join(fact.section_path)
    for rule in rules():
        if rule.units and fact.unit not in rule.units:
            continue
        if not rule.clause.search(clause) or any(u.search(clause) for u in rule.unless):
            continue
        if rule.context and not rule.context.search(where):
            continue
        return rule
    return None


@cache
def _glob(pattern: str):
    """fnmatchcase(key, pattern) as one compiled match (fnmatch's own look-up per call costs more than it)."""
    return re.compile(translate(pattern)).match


def expand(rule: Rule, values: Mapping[str, Decimal | None]) -> tuple[list[str], str] | None:
    """The canonical keys a rule sums in this report, and how to name them in one short string (a key, or the
    glob that matched, joined with +); None when an entry matches no printed cell or an unreadable one."""
    keys: list[str] = []
    names: list[str] = []
    for entry in rule.keys:
        for alt in entry.split("|"):
            match = _glob(alt)
            found = sorted(k for k in values if match(k))
            if found:
                break
        if not found or any(values[k] is None for k in found):
            return None
        keys += found
        names.append(found[0] if len(found) == 1 else alt)
    return keys, "+".join(names)


def cross_check(facts: list[Fact], values: Mapping[str, Decimal | None]) -> tuple[list[Fact], list[Flag]]:
    """Facts with ``linked_key`` set where they restate a cell (or a sum of cells), and a flag per mismatch."""
    out: list[Fact] = []
    flags: list[Flag] = []
    for fact in facts:
        rule = matching_rule(fact)
        linked = expand(rule, values) if rule else None
        if rule is None or linked is None:
            out.append(fact)
            continue
        keys, name = linked
        expected = sum((values[k] for k in keys), Decimal(0))
        out.append(dataclasses.replace(fact, linked_key=name))
        if expected != fact.value:
            flags.append(Flag(
                kind="fact_mismatch", where=rule.name, key=name, expected=expected, found=fact.value,
                page=fact.page,
                message=(f"narrative states {fact.raw.strip()} ({fact.subject or rule.name}) in “{fact.sentence}” "
                         f"but the table has {_plain(expected)} for {name}"),
            ))
    return out, flags


def _plain(value: Decimal) -> str:
    return str(value.to_integral_value()) if value == value.to_integral_value() else str(value)
