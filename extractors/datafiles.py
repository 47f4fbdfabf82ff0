"""The data files shipped inside the extractors package (template.yaml, facts.yaml, crosscheck.yaml)."""

from __future__ import annotations

from importlib.resources import files
from typing import Any

import yaml

# libyaml's C parser when PyYAML was built with it (every manylinux wheel is): several times faster than the
# pure-Python SafeLoader, which costs a worker's start-up ~0.1 s for template.yaml alone; the same safe subset.
_LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


def load_yaml(name: str) -> Any:
    """The parsed contents of ``extractors/<name>`` (plain YAML: mappings, lists, strings, numbers)."""
    return yaml.load(files("extractors").joinpath(name).read_text(encoding="utf-8"), Loader=_LOADER)  # noqa: S506
