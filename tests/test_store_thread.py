"""pipeline.writer.StoreThread, the single writer of a local ingest: batches stored in input order while the
caller goes on, every outcome once, and an error in the thread raised in the caller, never lost."""

from __future__ import annotations

import pytest

from pipeline.db import connect
from pipeline.tasks import read_task
from extractors.version import EXTRACTOR_VERSION
from pipeline.writer import Outcome, StoreThread, stored_bytes
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


def test_the_bytes_stored_as_read_are_known_to_the_next_questions(db_path, tmp_path):
    """What the thread stored (read, by this version) answers the unchanged-bytes question of the files still
    being read; a failed file's bytes do not. The next run asks the database once (stored_bytes)."""
    engine = connect(db_path)
    bad = tmp_path / "broken.pdf"
    bad.write_bytes(b"%PDF-1.4 not really")
    html, failed = read_task(RAW / "baoshan-2020.html"), read_task(bad)
    assert failed.status == "failed" and failed.sha256
    writer = StoreThread(engine)
    assert writer.idle and html.sha256 not in writer.stored
    writer.put([html, failed])
    writer.close()
    assert writer.idle
    assert (writer.stored.digests, writer.stored.sizes) == ({bytes.fromhex(html.sha256)}, {html.size})
    assert stored_bytes(engine, EXTRACTOR_VERSION) == writer.stored
    assert not stored_bytes(engine, EXTRACTOR_VERSION + 1).digests  # another version reads them again
    engine.dispose()


def test_a_writer_that_keeps_no_outcomes_passes_every_one_on(db_path):
    # the command line's ingest: a run of 10⁶ files must not hold 10⁶ outcomes (~0.5 KB each) to print a summary
    from pipeline.ingest import ingest

    engine = connect(db_path)
    seen: list[tuple[str, str]] = []
    kept = ingest([RAW], engine, on_outcome=lambda o: seen.append((o.path, o.status)), keep_outcomes=False)
    assert kept == []
    assert len(seen) == len(list(RAW.iterdir())) and all(status == "ingested" for _, status in seen)
    again = ingest([RAW], engine)  # the default keeps them, for the library's callers
    assert sorted(o.path for o in again) == sorted(path for path, _ in seen)
    engine.dispose()
