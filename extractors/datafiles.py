"""The data files shipped inside the extractors package (template.yaml, facts.yaml, crosscheck.yaml)."""

from __future__ import annotations

from importlib.resources import files
from pathlib import Path
from typing import Any

from extractors import cache


def load_yaml(name: str) -> dict[str, Any]:
    """The parsed contents of ``extractors/<name>``, a YAML mapping (plain YAML: mappings, lists, strings,
    numbers). Kept parsed between processes (extractors.cache, named by the file and this module): importing
    PyYAML and parsing template.yaml cost every command's start-up and the forkserver's ~80 ms, loading the kept
    pickle ~2 ms."""
    source = files("extractors").joinpath(name)
    if not isinstance(source, Path):  # a package read from an archive: no file to name the kept copy by
        return _parse(source.read_text(encoding="utf-8"))
    return cache.kept(f"yaml-{source.stem}", lambda: _parse(source.read_text(encoding="utf-8")), dict,
                      [source, Path(__file__)])


def _parse(text: str) -> Any:
    import yaml

    # libyaml's C parser when PyYAML was built with it (every manylinux wheel is): several times faster than the
    # pure-Python SafeLoader (~0.1 s for template.yaml); the same safe subset
    return yaml.load(text, Loader=getattr(yaml, "CSafeLoader", yaml.SafeLoader))  # noqa: S506
