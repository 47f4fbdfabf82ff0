"""``gongkai ingest --cluster``: a real Dask LocalCluster of 2 worker processes, storing into a real PostgreSQL
database, against a local ingest of the same folder: the same outcomes, the same export; a re-run reads
nothing again; Ctrl-C cancels and a re-run goes on; what cannot work is one line."""

from __future__ import annotations

import json
import os
import re
import shutil
import signal
import socket
import subprocess
import sys
import time
import zipfile
from pathlib import Path

import pytest

from extractors.version import EXTRACTOR_VERSION
from pipeline.cli import main
from tests.conftest import FIXTURES, PG_URL, ROOT, _pg_database, query

distributed = pytest.importorskip("distributed")

FILES = [
    FIXTURES / "baoshan-2020-text" / "baoshan-2020-report.txt",
    *(FIXTURES / "baoshan-2020" / f"baoshan-2020.{ext}" for ext in ("pdf", "docx", "html")),
    FIXTURES / "xuhui-2019-broken" / "xuhui-2019-broken.docx",  # identity flags
    FIXTURES / "baoshan-2021" / "baoshan-2021.docx",
    FIXTURES / "baoshan-2022" / "baoshan-2022.html",  # the year after: a cross-report quality flag (a jump)
    FIXTURES / "portal" / "a-not-notice.html",  # not a report
]
SUMMARY = re.compile(r"(\d+) file\(s\): (\d+) ingested, (\d+) replaced, (\d+) unchanged, (\d+) failed, "
                     r"(\d+) not_report(, \d+ skipped)?")


@pytest.fixture(scope="module")
def cluster():
    if not PG_URL:
        pytest.skip("GONGKAI_TEST_PG is not set (.ci/run sets it): no PostgreSQL server to test on")
    with distributed.LocalCluster(n_workers=2, processes=True, threads_per_worker=1, dashboard_address=None,
                                  silence_logs=50) as local:
        yield local


@pytest.fixture
def other_pg_url():
    """A second fresh PostgreSQL database, for the local ingest to compare with."""
    yield from _pg_database()


@pytest.fixture
def folder(tmp_path: Path) -> Path:
    """The fixtures' reports with what real collections hold besides: a broken file, a byte-identical copy in a
    subfolder, a link out of the folder (skipped)."""
    raw = tmp_path / "raw"
    (raw / "copy").mkdir(parents=True)
    for path in FILES:
        shutil.copy(path, raw / path.name)
    shutil.copy(FILES[2], raw / "copy" / FILES[2].name)  # the same bytes under the same name elsewhere
    with zipfile.ZipFile(raw / "corrupt.docx", "w") as z:
        z.writestr("word/document.xml", "<w:document><unclosed")
    (tmp_path / "outside.txt").write_bytes(FILES[0].read_bytes())
    (raw / "link.txt").symlink_to(tmp_path / "outside.txt")
    return raw


def _ingest(capsys, *args: str) -> tuple[int, list[str], list[str], tuple[int, ...]]:
    code = main(list(args))
    out = capsys.readouterr()
    summary = SUMMARY.search(out.out)
    assert summary, out
    return code, out.out.splitlines(), out.err.splitlines(), tuple(int(g) for g in summary.groups()[:6])


def _export(url: str, tmp_path: Path, name: str) -> list[dict]:
    target = tmp_path / name
    assert main(["--db", url, "export", "--format", "jsonl", "-o", str(target)]) == 0
    objects = [json.loads(line) for line in target.read_text(encoding="utf-8").splitlines()]
    for obj in objects:
        for correction in obj["corrections"]:
            correction.pop("created_at")
    return sorted(objects, key=lambda o: (o["source"], o["sha256"]))


def _without_copy(lines: list[str]) -> list[str]:
    """Which of two byte-identical copies is stored first depends on which worker is first: the rest not."""
    return sorted(line for line in lines if "baoshan-2020.docx" not in line)


def test_cluster_ingest_is_the_local_ingest_and_a_rerun_reads_nothing(cluster, pg_url, other_pg_url, folder,
                                                                       tmp_path, capsys):
    address = cluster.scheduler_address
    code, out, err, counts = _ingest(capsys, "--db", pg_url, "ingest", "--cluster", address, str(folder))
    assert code == 0
    # 11 files: 7 reports (one of them twice: a duplicate), 1 not a report, 1 broken; 1 link skipped
    assert counts == (11, 7, 0, 1, 1, 1), out
    assert f"FAILED {folder / 'corrupt.docx'}: unreadable docx file" in "\n".join(err)
    assert any(line.startswith("skipped ") and "link to a file outside the folder" in line for line in err)
    duplicate = [line for line in out if line.startswith("unchanged ") and "duplicate of" in line]
    assert len(duplicate) == 1 and "baoshan-2020.docx" in duplicate[0], out
    assert query(pg_url, "select count(*), count(distinct sha256) from documents") == [(9, 9)]
    assert query(pg_url, "select status, count(*) from documents group by status order by status") == [
        ("failed", 1), ("ingested", 7), ("not_report", 1)]

    local = _ingest(capsys, "--db", other_pg_url, "ingest", str(folder))
    assert local[0] == 0 and local[3] == counts
    assert _without_copy(local[1]) == _without_copy(out)  # the same lines, in another order
    assert sorted(local[2]) == sorted(err)
    exported = _export(pg_url, tmp_path, "cluster.jsonl")
    assert [o["source"] for o in exported] == sorted(o["source"] for o in exported) and len(exported) == 7
    assert any(f["kind"] == "quality" for o in exported for f in o["flags"]), "the run was finished (checks)"
    assert exported == _export(other_pg_url, tmp_path, "local.jsonl")
    documents = "select name, status, error, sha256, size, format, pages, extractor_version from documents"
    assert sorted(query(pg_url, documents)) == sorted(query(other_pg_url, documents))

    # again: every file read before is unchanged (the failed one is read again, as locally)
    code, out, err, counts = _ingest(capsys, "--db", pg_url, "ingest", "--cluster", address, str(folder))
    assert code == 0 and counts == (11, 0, 0, 9, 1, 0), out
    assert query(pg_url, "select count(*) from documents") == [(9,)]
    assert _export(pg_url, tmp_path, "again.jsonl") == exported


def test_a_file_a_worker_cannot_see_fails_alone_with_its_reason(cluster, pg_url, tmp_path):
    from pipeline.cluster import run_file

    with distributed.Client(cluster.scheduler_address, set_as_default=False) as client:
        missing = str(tmp_path / "elsewhere" / "report.pdf")
        outcome = client.submit(run_file, "report.pdf", missing, version=EXTRACTOR_VERSION, db_url=pg_url,
                                pure=False).result(timeout=60)
    assert outcome.path == "report.pdf" and outcome.status == "failed"
    assert outcome.reason.startswith(f"cannot read file on worker {socket.gethostname()}: no such file")
    assert "same paths" in outcome.reason and "\n" not in outcome.reason


def test_ctrl_c_cancels_and_a_rerun_goes_on(cluster, pg_url, tmp_path, capsys):
    raw = tmp_path / "raw"
    raw.mkdir()
    # 36 files of distinct bytes (a line more at the end of each): enough that a run cannot finish between
    # its first line and the signal (a few ms apart) now that a file takes some 50 ms
    for i in range(12):
        for path in (FILES[0], FILES[3], FILES[6]):
            (raw / f"{i}-{path.name}").write_bytes(path.read_bytes() + b"\n" * (i + 1))
    command = [sys.executable, "-m", "pipeline", "--db", pg_url, "ingest", "--cluster", cluster.scheduler_address,
               str(raw)]
    proc = subprocess.Popen(command, cwd=ROOT, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
                            env={**os.environ, "PYTHONUNBUFFERED": "1"})
    first = proc.stdout.readline()  # a file is done: the run is under way
    assert first.split()[0] in ("ingested", "unchanged"), (first, proc.stderr.read() if proc.poll() else "")
    proc.send_signal(signal.SIGINT)
    started = time.monotonic()
    out, err = proc.communicate(timeout=60)
    assert proc.returncode == 130, (out, err)
    assert time.monotonic() - started < 20
    assert err.strip().splitlines()[-1].startswith("gongkai ingest: interrupted"), err
    assert "Traceback" not in err
    # a task a worker was running when the client cancelled goes on to its end (a thread cannot be stopped) and
    # stores its file whole: counted once no worker runs a task
    with distributed.Client(cluster.scheduler_address, set_as_default=False) as client:
        deadline = time.monotonic() + 60
        while any(client.run(lambda dask_worker: len(dask_worker.state.executing)).values()) and \
                time.monotonic() < deadline:
            time.sleep(0.1)
    stored = query(pg_url, "select count(*) from documents")[0][0]
    assert 1 <= stored < 36, "stopped under way: what was done is stored, the rest is not"

    code = main(["--db", pg_url, "ingest", "--cluster", cluster.scheduler_address, "-q", str(raw)])
    assert code == 0
    assert f"36 file(s): {36 - stored} ingested, 0 replaced, {stored} unchanged, 0 failed" in capsys.readouterr().out
    assert query(pg_url, "select count(*), count(distinct sha256) from documents") == [(36, 36)]


def _closed_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def test_an_unreachable_scheduler_is_one_line(tmp_path, capsys):
    address = f"tcp://127.0.0.1:{_closed_port()}"
    started = time.monotonic()
    code = main(["--db", "postgresql+psycopg://nobody@127.0.0.1:1/none", "ingest", "--cluster", address,
                 str(FIXTURES / "baoshan-2020")])
    assert code == 1 and time.monotonic() - started < 10
    err = capsys.readouterr().err.strip().splitlines()
    assert err == [f"gongkai ingest: cannot reach the Dask scheduler at {address}: Connection refused"]


def test_a_sqlite_database_is_refused_with_a_cluster(tmp_path, capsys):
    db = tmp_path / "gongkai.sqlite"
    code = main(["--db", str(db), "ingest", "--cluster", "tcp://127.0.0.1:8786", str(FIXTURES / "baoshan-2020")])
    assert code == 1 and not db.exists()
    err = capsys.readouterr().err.strip().splitlines()
    assert len(err) == 1 and "--cluster needs a database every machine reaches (PostgreSQL" in err[0]
    assert str(db) in err[0]


def test_a_file_over_its_limits_fails_with_its_reason_and_the_batch_goes_on(cluster, pg_url, tmp_path, capsys):
    """The local pool's limits on the cluster: a real slow input (one report's narrative 140 times over, some
    3–6 s of segmenting and fact reading on a quiet machine, as in tests/test_pool.py; the other files well
    under a second) read under a 1 s limit in a worker's child process is killed there; the file fails with
    the local pool's reason, the other files are stored, and the workers go on reading (a fresh child). Then
    a memory limit below what any reading needs (a reading child holds the readers, the division table and
    jieba's dictionary: some 200 MiB): each file fails with the memory reason, and the run ends as a local one
    does."""
    raw = tmp_path / "raw"
    raw.mkdir()
    text = FILES[0].read_text(encoding="utf-8")
    (raw / "a-slow.txt").write_text(text * 140, encoding="utf-8")
    for path in (FILES[2], FILES[3], FILES[5]):  # more files than workers
        shutil.copy(path, raw / path.name)
    started = time.monotonic()
    code, out, err, counts = _ingest(capsys, "--db", pg_url, "ingest", "--cluster", cluster.scheduler_address,
                                     "--file-timeout", "1", "--page-timeout", "0", str(raw))
    assert code == 0 and counts == (4, 3, 0, 0, 1, 0), out
    assert f"FAILED {raw / 'a-slow.txt'}: over the time limit of 1 s" in err, err
    assert time.monotonic() - started < 120  # not the tens of seconds of reading it whole, twice over
    assert query(pg_url, "select name, status, error from documents order by name") == [
        ("a-slow.txt", "failed", "over the time limit of 1 s"), ("baoshan-2020.docx", "ingested", None),
        ("baoshan-2020.html", "ingested", None), ("baoshan-2021.docx", "ingested", None)]

    other = tmp_path / "other"
    other.mkdir()
    for path in (FILES[4], FILES[6]):
        shutil.copy(path, other / path.name)
    code, out, err, counts = _ingest(capsys, "--db", pg_url, "ingest", "--cluster", cluster.scheduler_address,
                                     "--file-memory", "100", str(other))
    assert code == 1 and counts == (2, 0, 0, 0, 2, 0), out  # nothing read: status 1, as a local ingest
    assert sorted(err) == sorted(f"FAILED {other / path.name}: over the memory limit of 100 MiB"
                                 for path in (FILES[4], FILES[6])), err


def test_the_library_call_returns_the_outcomes_in_input_order_or_keeps_none(cluster, pg_url, folder):
    """ingest_cluster returns the outcomes in input order, as pipeline.ingest.ingest does; with
    ``keep_outcomes=False`` (the command line, which tallies them as they pass) it keeps none: the client's
    memory does not grow with the run's files, and ``on_outcome`` still sees every one."""
    from pipeline.cluster import ingest_cluster
    from pipeline.ingest import iter_inputs

    seen: list = []
    kept = ingest_cluster([folder], cluster.scheduler_address, pg_url, on_outcome=seen.append)
    assert [o.path for o in kept] == [str(path) for path, _ in iter_inputs([folder])]
    assert sorted(seen, key=lambda o: o.path) == sorted(kept, key=lambda o: o.path)

    seen.clear()
    again = ingest_cluster([folder], cluster.scheduler_address, pg_url, on_outcome=seen.append,
                           keep_outcomes=False)
    assert again == [] and len(seen) == len(kept)
    assert {o.status for o in seen} >= {"unchanged", "skipped"}
