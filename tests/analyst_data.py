"""Shared by the analyst tests (views, compare, quality, exports, Datasette): a database holding a series of
fixture reports — 宝山区 2020–2022, 闵行区 2020, 徐汇区 2019, 合江县 and its 教育局 2022, 泸县 2022 and 泸州市 2022
(whose figures are the sum of 合江县 and 泸县) — ingested by the real pipeline."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from pipeline.db import connect
from pipeline.ingest import ingest
from pipeline.quality import refresh_quality_flags
from tests.conftest import FIXTURES

NAMES = ("baoshan-2020", "baoshan-2021", "baoshan-2022", "minhang-2020", "xuhui-2019-broken", "hejiang-2022",
         "hejiang-edu-2022", "luxian-2022", "luzhou-2022")
SERIES = [FIXTURES / name / f"{name}.docx" for name in NAMES]


def truth(name: str) -> dict:
    return json.loads((FIXTURES / name / "truth.json").read_text(encoding="utf-8"))


def load_series(url: str, files: list[Path] = SERIES):
    engine = connect(url)
    outcomes = ingest(files, engine)
    assert [o.status for o in outcomes] == ["ingested"] * len(files), [(o.path, o.reason) for o in outcomes]
    refresh_quality_flags(engine)
    return engine


@pytest.fixture(scope="module")
def series_db(tmp_path_factory) -> str:
    """A SQLite file with the series, made once per test module (the read-only tests share it)."""
    path = tmp_path_factory.mktemp("series") / "gongkai.sqlite"
    load_series(str(path)).dispose()
    return str(path)
