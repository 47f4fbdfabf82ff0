"""The reliability suite (issue 12, item 8): a generated corpus of broken, hostile and odd files
(tests/fixture_builder/bad_corpus.py, one table of kind → expected outcome) ingested in one batch into a real
SQLite file: each ends as its table says, the batch goes on, and the sentinel file outside the folder never
reaches the database (links, XML external entities …)."""

from __future__ import annotations

import hashlib
import shutil
import sqlite3
from pathlib import Path

import pytest

from pipeline.db import connect
from pipeline.ingest import ingest
from tests.fixture_builder.bad_corpus import KINDS, SENTINEL, build, kind_path


@pytest.fixture(scope="module")
def corpus(tmp_path_factory) -> tuple[Path, dict, Path]:
    base = tmp_path_factory.mktemp("bad-corpus")
    folder, outside = base / "corpus", base / "outside"
    build(folder, outside)
    db = base / "g.sqlite"
    named = [folder / k.file for k in KINDS if k.named]
    outcomes = {o.path: o for o in ingest([folder, *named], connect(str(db)))}
    return folder, outcomes, db


def test_the_corpus_has_at_least_40_kinds_each_with_its_own_file():
    assert len(KINDS) >= 40
    assert len({k.file for k in KINDS}) == len(KINDS) and len({k.name for k in KINDS}) == len(KINDS)


@pytest.mark.parametrize("kind", KINDS, ids=[k.file for k in KINDS])
def test_each_kind_ends_as_expected(corpus, kind):
    folder, outcomes, db = corpus
    outcome = outcomes.get(kind_path(folder, kind))
    assert outcome is not None, f"{kind.name}: no outcome"
    status, expect = kind.status, kind.expect
    if kind.file.endswith((".wps", ".doc")) and not (shutil.which("soffice") or shutil.which("libreoffice")):
        status, expect = "failed", "LibreOffice"
    assert outcome.status == status, (kind.name, outcome.status, outcome.reason)
    if status == "ingested":
        flags = _stored_flags(db, kind_path(folder, kind))  # outcomes carry no report: the database says
        assert not expect or expect in flags, (kind.name, flags)
        if kind.name == "page that never closes <body>":
            assert "truncated" not in flags
    else:
        assert expect in (outcome.reason or ""), (kind.name, outcome.reason)
        assert "\n" not in outcome.reason and "Traceback" not in outcome.reason


def _stored_flags(db: Path, path: str) -> set[str]:
    con = sqlite3.connect(db)
    try:
        return {kind for (kind,) in con.execute(
            "select f.kind from flags f join reports r on r.id = f.report_id join documents d on d.id = r.document_id "
            "where d.path = ?", (str(Path(path).absolute()),))}
    finally:
        con.close()


def test_every_failure_is_recorded_and_nothing_from_outside_the_folder_is_stored(corpus):
    folder, outcomes, db = corpus
    con = sqlite3.connect(db)
    try:
        dump = "\n".join(con.iterdump())
        stored = {sha for (sha,) in con.execute("select sha256 from documents")}
    finally:
        con.close()
    assert SENTINEL not in dump and "SENTINEL" not in dump
    assert "outside" not in dump
    # a failed file is recorded (by its bytes: the empty files are one document, legacy.docx is report.wps)
    failed = [p for p, o in outcomes.items() if o.status == "failed"]
    assert len(failed) >= 20
    assert {hashlib.sha256(Path(p).read_bytes()).hexdigest() for p in failed} <= stored
