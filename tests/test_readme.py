"""The README's Python examples run as written, against a database ingested from the bundled samples."""

from __future__ import annotations

import contextlib
import io
import os
import re

import pytest

from pipeline.cli import main
from tests.conftest import ROOT

BLOCKS = re.findall(r"```python\n(.*?)```", (ROOT / "README.md").read_text(encoding="utf-8"), re.S)


@pytest.mark.parametrize("code", BLOCKS, ids=[f"block{i}" for i in range(len(BLOCKS))])
def test_readme_python_example_runs(code, db_path, monkeypatch):
    main(["--db", db_path, "ingest", "-q", str(ROOT / "data" / "raw")])
    monkeypatch.chdir(ROOT)
    out = io.StringIO()
    with contextlib.redirect_stdout(out):
        exec(compile(code.replace("data/db/gongkai.sqlite", db_path), "README.md", "exec"), {})
    assert out.getvalue().strip()
    if "read_report" in code:
        assert "上海市宝山区 310113 2020 ed2019" in out.getvalue()
        assert "663" in out.getvalue()
    assert os.path.exists(db_path)
