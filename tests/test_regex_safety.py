"""A static check of every module-level pattern of the extractors (issue 12, item 2): no unbounded quantifier
nested inside another unbounded one — the shape that backtracks exponentially or quadratically (the e-mail
masking once took 238 s on a 93 KB page) — unless reviewed below: each reviewed pattern's outer repetition
opens with a character its inner repetition cannot match, so every character is tried one way only.
The timing itself is in ``make fuzz`` (tests/fuzz_report.py), never in a test."""

from __future__ import annotations

import importlib
import pkgutil
import re
import re._constants as C  # the parser's own opcodes: the check reads the parsed pattern, not its text
import re._parser as P

import regex

import extractors
import extractors.readers

# (module, name) → why its nested repetition cannot backtrack
REVIEWED = {
    ("extractors.quantities", "_QUANTITY_RE"): "(?:(?:亿|万|千)零?\\d+…)*: each iteration opens with 亿/万/千, "
                                               "which \\d never matches",
    ("extractors.quantities", "_PERCENT_RE"): "the same numeral group as _QUANTITY_RE",
    ("extractors.quantities", "_MASK_RES"): "(?:\\.[A-Za-z0-9-]+)+: each iteration opens with '.', which the "
                                            "label class lacks; the local part starts only where a run starts "
                                            "(look-behind), so no start position is retried",
    ("extractors.readers.markdown", "_DELIMITER"): "(?:\\|\\s*:?-+:?\\s*)*: each iteration opens with '|', which "
                                                   "neither \\s nor - matches",
}
_PORTABLE_FLAGS = re.I | re.M | re.S | re.X  # the flags regex and re share; the rest mean other things in re
_UNICODE_PROPERTY = re.compile(r"\\[pP]\{[^}]*\}")  # \p{Han}: the re parser lacks it; one character stands in


def _modules():
    names = [f"extractors.{m.name}" for m in pkgutil.iter_modules(extractors.__path__)]
    names += [f"extractors.readers.{m.name}" for m in pkgutil.iter_modules(extractors.readers.__path__)]
    return [importlib.import_module(n) for n in names]


def patterns() -> list[tuple[str, str, re.Pattern | regex.Pattern]]:
    out = []
    for module in _modules():
        for name, obj in vars(module).items():
            items = obj if isinstance(obj, (tuple, list)) else [obj]
            for p in items:
                if isinstance(p, (re.Pattern, regex.Pattern)):
                    out.append((module.__name__, name, p))
    return out


def _nested_unbounded(items, inside: bool = False) -> bool:
    for op, av in items:
        if op in (C.MAX_REPEAT, C.MIN_REPEAT, C.POSSESSIVE_REPEAT):
            unbounded = av[1] == C.MAXREPEAT
            if (unbounded and inside) or _nested_unbounded(av[2], inside or unbounded):
                return True
        elif op == C.SUBPATTERN and _nested_unbounded(av[-1], inside):
            return True
        elif op == C.BRANCH and any(_nested_unbounded(b, inside) for b in av[1]):
            return True
        elif op in (C.ASSERT, C.ASSERT_NOT) and _nested_unbounded(av[1], inside):
            return True
        elif op == C.ATOMIC_GROUP and _nested_unbounded(av, inside):
            return True
    return False


def parse(p) -> list:
    text = _UNICODE_PROPERTY.sub(r"\\u4e00", p.pattern) if isinstance(p.pattern, str) else p.pattern
    return P.parse(text, p.flags & _PORTABLE_FLAGS)


def test_the_check_finds_the_dangerous_shape():
    assert _nested_unbounded(parse(re.compile(r"(?:[a-z0-9-]+)+@")))
    assert _nested_unbounded(parse(re.compile(r"(a*)*b")))
    assert not _nested_unbounded(parse(re.compile(r"(?<![a-z])[a-z]+@[a-z]+(?:\.[a-z]{2,6})?")))


def test_no_pattern_nests_unbounded_quantifiers_unless_reviewed():
    found = patterns()
    assert len(found) > 50  # the walk reaches the modules' patterns
    nested = {(module, name) for module, name, p in found if _nested_unbounded(parse(p))}
    assert nested - set(REVIEWED) == set(), "unreviewed nested quantifiers (see this module's docstring)"
    assert set(REVIEWED) - nested == set(), "a reviewed pattern changed: review it again or drop it here"
