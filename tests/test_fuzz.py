"""Hypothesis fuzzing of the numeral, quantity, label and section functions (tests/fuzz_properties.py): a few
hundred examples per property here (a few thousand in all, fast); ``make fuzz`` runs at least 10^5 and reports
the slowest inputs. FUZZ_EXAMPLES=N sets the examples per property."""

from __future__ import annotations

import os

import pytest
from hypothesis import HealthCheck, given, settings

from tests.fuzz_properties import PROPERTIES

EXAMPLES = int(os.environ.get("FUZZ_EXAMPLES", "500"))


@pytest.mark.parametrize("name", sorted(PROPERTIES))
def test_property_holds_for_any_text(name):
    strategy, check = PROPERTIES[name]

    @settings(max_examples=EXAMPLES, deadline=None, database=None,
              suppress_health_check=[HealthCheck.too_slow, HealthCheck.filter_too_much])
    @given(strategy)
    def run(value):
        check(value)

    run()
