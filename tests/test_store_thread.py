"""pipeline.writer.StoreThread, the single writer of a local ingest: batches stored in input order while the
caller goes on, every outcome once, and an error in the thread raised in the caller, never lost."""

from __future__ import annotations

import pytest

from pipeline.db import connect
from pipeline.tasks import read_task
from pipeline.writer import Outcome, StoreThread
from tests.conftest import ROOT, query

RAW = ROOT / "data" / "raw"


def test_batches_are_stored_in_input_order_with_decided_outcomes_between(db_url):
    engine = connect(db_url)
    seen: list[str] = []
    writer = StoreThread(engine, lambda o: seen.append(o.path), depth=1)
    html, docx = (read_task(RAW / name) for name in ("baoshan-2020.html", "hejiang-2022.docx"))
    skipped = Outcome("link", "skipped", "a link out of the folder")
    writer.put([html, skipped])
    writer.put([])  # nothing: no batch
    writer.put([docx])
    outcomes = writer.close()
    assert [o.path for o in outcomes] == seen == [html.path, "link", docx.path]
    assert [o.status for o in outcomes] == ["ingested", "skipped", "ingested"]
    assert query(db_url, "select count(*) from reports") == [(2,)]
    engine.dispose()


def test_an_error_in_the_thread_reaches_the_caller(db_path):
    engine = connect(db_path)

    def broken(outcome):
        raise RuntimeError("the progress display broke")

    writer = StoreThread(engine, broken)
    writer.put([read_task(RAW / "baoshan-2020.html")])
    with pytest.raises(RuntimeError, match="progress display broke"):
        writer.close()
    engine.dispose()
