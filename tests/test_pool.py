"""The local pool of ``gongkai ingest --jobs N`` on real files: a file over its time limit fails with its reason
while the batch goes on; SIGINT and SIGTERM stop a real ingest process after the current document, and a re-run
completes it to the export a clean run gives."""

from __future__ import annotations

import json
import shutil
import signal
import subprocess
import sys
from pathlib import Path

import pytest

from pipeline.cli import main
from pipeline.db import connect
from pipeline.ingest import ingest
from pipeline.pool import Pool
from pipeline.tasks import Limits
from tests.conftest import FIXTURES, ROOT

SMALL = [
    FIXTURES / "baoshan-2020-text" / "baoshan-2020-report.txt",
    FIXTURES / "baoshan-2020" / "baoshan-2020.docx",
    FIXTURES / "baoshan-2020" / "baoshan-2020.html",
    FIXTURES / "baoshan-2021" / "baoshan-2021.docx",
    FIXTURES / "baoshan-2022" / "baoshan-2022.docx",
    FIXTURES / "baoshan-2022" / "baoshan-2022.html",
    FIXTURES / "hejiang-2022" / "hejiang-2022.docx",
    FIXTURES / "hejiang-2022" / "hejiang-2022.html",
]


def test_a_file_over_its_time_limit_fails_and_the_batch_goes_on(tmp_path: Path):
    """A real slow input: one report's narrative 140 times over (1.45 million characters, under the text cap)
    takes tens of seconds to segment and read for facts (40 times took 4 s once the extractors kept their
    per-text results; 3.2 s on a quiet, fast machine, so the limit is well under that); with a 1 s limit its
    worker is killed and the next file (some 50 ms) is read by another."""
    folder = tmp_path / "raw"
    folder.mkdir()
    text = SMALL[0].read_text(encoding="utf-8")
    (folder / "a-slow.txt").write_text(text * 140, encoding="utf-8")
    shutil.copy(SMALL[2], folder / "b-good.html")
    engine = connect(str(tmp_path / "gongkai.sqlite"))
    outcomes = ingest([folder], engine, jobs=2, limits=Limits(file_seconds=1, page_seconds=0, memory_mb=None))
    assert [(Path(o.path).name, o.status, o.reason) for o in outcomes] == [
        ("a-slow.txt", "failed", "over the time limit of 1 s"), ("b-good.html", "ingested", None)]
    # recorded as failed, with its reason, like any file that cannot be read (and read again by the next run)
    with engine.connect() as conn:
        rows = conn.exec_driver_sql("select name, status, error from documents order by name").all()
    assert [tuple(r) for r in rows] == [("a-slow.txt", "failed", "over the time limit of 1 s"),
                                        ("b-good.html", "ingested", None)]
    engine.dispose()


def test_a_worker_asks_whether_bytes_are_stored_unless_no_stored_bytes_have_their_size():
    """The pool's workers ask the writing process whether a file's bytes are stored, a round trip each, unless
    the file's size when it was handed out is one no stored bytes have (then they cannot be stored)."""
    files = SMALL[1:3]
    sizes = {path.stat().st_size for path in files}
    for hint, asked in ((lambda path: path.stat().st_size, set()),  # sizes nothing stored has: no question
                        (lambda path: None, sizes),  # sizes some stored bytes have: asked, and told no
                        (lambda path: -1, sizes)):  # the size changed since: asked
        questions: list[str] = []
        with Pool(2, version=1, is_stored=lambda sha: bool(questions.append(sha)), limits=Limits(),
                  unstored_size=hint) as pool:
            results = dict(pool.run(enumerate(files)))
        assert [results[i].status for i in range(len(files))] == ["report", "report"]
        assert {r.size for r in results.values() if r.sha256 in questions} == asked


def test_one_worker_reads_on_from_its_pipe_when_a_file_fails_or_it_asks(tmp_path: Path):
    """A worker is handed the next file while it reads one (it waits in its pipe). Killed over the time limit,
    the worker's waiting file is handed to the fresh worker, not lost; and the question a worker asks about its
    file is answered although a file was put in its pipe before the answer."""
    slow = tmp_path / "a-slow.txt"
    slow.write_text(SMALL[0].read_text(encoding="utf-8") * 140, encoding="utf-8")
    files = [slow, *SMALL[1:4]]
    questions: list[str] = []
    with Pool(1, version=1, is_stored=lambda sha: bool(questions.append(sha)), unstored_size=lambda path: None,
              limits=Limits(file_seconds=1, page_seconds=0, memory_mb=None)) as pool:
        results = list(pool.run(enumerate(files)))
    assert [(i, r.status, r.reason) for i, r in results] == [
        (0, "failed", "over the time limit of 1 s"), (1, "report", None), (2, "report", None), (3, "report", None)]
    assert sorted(questions) == sorted(r.sha256 for _, r in results)  # each asked once (the slow one before it ran)


def _export(db: str, out: Path) -> list[dict]:
    assert main(["--db", db, "export", "--format", "jsonl", "-o", str(out)]) == 0
    return sorted((json.loads(line) for line in out.read_text(encoding="utf-8").splitlines()),
                  key=lambda o: o["sha256"])


@pytest.fixture(scope="module")
def clean_export(tmp_path_factory) -> list[dict]:
    tmp = tmp_path_factory.mktemp("clean")
    folder = tmp / "raw"
    folder.mkdir()
    for path in SMALL:
        shutil.copy(path, folder / path.name)
    db = str(tmp / "clean.sqlite")
    engine = connect(db)
    ingest([folder], engine)
    engine.dispose()
    return _export(db, tmp / "clean.jsonl")


@pytest.mark.parametrize("sig,jobs", [(signal.SIGINT, "2"), (signal.SIGTERM, "1")])
def test_a_signal_stops_after_the_current_document_and_a_rerun_completes(sig, jobs, clean_export, tmp_path):
    folder = tmp_path / "raw"
    folder.mkdir()
    for path in SMALL:
        shutil.copy(path, folder / path.name)
    db = str(tmp_path / "gongkai.sqlite")
    command = [sys.executable, "-m", "pipeline", "--db", db, "ingest", "--jobs", jobs, str(folder)]
    proc = subprocess.Popen(command, cwd=ROOT, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    first = proc.stdout.readline()  # a file is stored: the batch is under way
    assert first.startswith("ingested"), first + proc.stderr.read()
    proc.send_signal(sig)
    out, err = proc.communicate(timeout=600)
    assert proc.returncode == 128 + sig, err
    assert "Traceback" not in err, err
    name = signal.Signals(sig).name
    assert f"gongkai ingest: stopped by {name} after " in err and "run the same command again to resume" in err, err
    done = int(err.split(f"stopped by {name} after ")[1].split(" of ")[0])
    assert 1 <= done <= len(SMALL)

    rerun = subprocess.run(command, cwd=ROOT, capture_output=True, text=True, timeout=900)
    assert rerun.returncode == 0, rerun.stderr
    assert f"{len(SMALL)} file(s): " in rerun.stdout and "0 failed" in rerun.stdout, rerun.stdout
    assert _export(db, tmp_path / "out.jsonl") == clean_export
