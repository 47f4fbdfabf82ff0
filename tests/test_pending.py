"""The pending set (pipeline.pending), SQLite and PostgreSQL: each change to a document marks what derived data
must be recomputed in its own transaction; completing only that gives what recomputing everything gives; a
process killed -9 between the last document and the checks, or during them, loses nothing (the re-run, or
``check --refresh``, ends where a clean run ends); read commands say in one line that the flags are stale."""

from __future__ import annotations

import io
import json
import os
import shutil
import signal
import subprocess
import sys
import time
import zipfile
from pathlib import Path

import pytest

from pipeline import pending
from pipeline.cli import main
from pipeline.db import connect
from pipeline.export import export_jsonl
from pipeline.ingest import forget, ingest, ingest_file
from pipeline.review import correct
from tests.conftest import FIXTURES, ROOT, query

RECEIVED = "requests.received.total"


def _docx(src: Path, dst: Path, old: str, new: str) -> Path:
    """A copy of a DOCX with ``old`` replaced by ``new`` in its XML parts (a cheap new document)."""
    source = zipfile.ZipFile(src)
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as out:
        for item in source.infolist():
            data = source.read(item.filename)
            if item.filename.endswith(".xml"):
                data = data.decode("utf-8").replace(old, new).encode("utf-8")
            out.writestr(item, data)
    dst.write_bytes(buffer.getvalue())
    return dst


def _fixture(name: str, ext: str = "docx") -> Path:
    return FIXTURES / name / f"{name}.{ext}"


def _folder(tmp_path: Path) -> tuple[Path, list[Path]]:
    """A folder of reports with every kind of derived data between them: 宝山区 2020–2022 (a year-on-year jump,
    text reuse), two copies of 2022 (copy ranks), 泸州市 with 泸县 and a 合江县 that received more requests
    than its city (children_sum), 闵行区 alone. Returns it with the files a first run loads."""
    folder = tmp_path / "raw"
    folder.mkdir()
    for name, ext in [("baoshan-2020", "docx"), ("baoshan-2021", "docx"), ("baoshan-2022", "docx"),
                      ("baoshan-2022", "html"), ("luzhou-2022", "docx"), ("luxian-2022", "docx"),
                      ("minhang-2020", "docx")]:
        shutil.copy(_fixture(name, ext), folder / f"{name}.{ext}")
    _docx(_fixture("hejiang-2022"), folder / "hejiang-2022-more.docx", ">103<", ">903<")
    first = [folder / "baoshan-2020.docx", folder / "baoshan-2022.docx", folder / "luzhou-2022.docx"]
    return folder, first


def _strip(value):
    """JSON without row ids and timestamps."""
    if isinstance(value, dict):
        return {k: _strip(v) for k, v in value.items()
                if not (k == "id" or k.endswith("_id") or k.endswith("_at"))}
    if isinstance(value, list):
        return [_strip(v) for v in value]
    return value


def snapshot(url: str) -> dict:
    """Everything a reader gets, ids and timestamps aside: the JSONL export, and the derived tables keyed by
    document bytes — quality flags, copy ranks, text reuse, corrections' statuses."""
    engine = connect(url, create=False)
    out = io.StringIO()
    export_jsonl(engine, out)
    engine.dispose()
    exported = sorted((_strip(json.loads(line)) for line in out.getvalue().splitlines()),
                      key=lambda o: (o["source"], o["sha256"]))
    flags = sorted((sha, identity, message, key, where, expected, found,
                    json.dumps(_strip(json.loads(details) if isinstance(details, str) else details), sort_keys=True))
                   for sha, identity, message, key, where, expected, found, details in query(url, """
        select d.sha256, g.identity, g.message, g.key, g."where", g.expected, g.found, g.details
        from flags g join reports r on r.id = g.report_id join documents d on d.id = r.document_id
        where g.kind = 'quality'"""))
    ranks = sorted(query(url, "select d.sha256, r.body, r.copy_rank, r.copies, r.copies_disagree "
                              "from reports r join documents d on d.id = r.document_id"))
    reuse = sorted(query(url, """
        select d.sha256, t.section, pd.sha256, t.sentences, t.reused, t.share
        from text_reuse t join reports r on r.id = t.report_id join documents d on d.id = r.document_id
        left join reports pr on pr.id = t.previous_report_id left join documents pd on pd.id = pr.document_id"""),
                   key=repr)
    corrections = sorted(query(url, "select sha256, key, status from corrections"))
    return {"export": exported, "quality": flags, "ranks": ranks, "reuse": reuse, "corrections": corrections}


def _full_equals_pending(url: str) -> dict:
    """The state now; then everything recomputed from scratch must change nothing."""
    assert query(url, "select count(*) from pending") == [(0,)]
    before = snapshot(url)
    engine = connect(url)
    pending.complete(engine, everything=True)
    engine.dispose()
    assert snapshot(url) == before
    return before


# --- what is marked, and completing it equals recomputing everything --------------------------------------------


def test_every_kind_of_change_completed_equals_everything_recomputed(db_url, tmp_path: Path):
    folder, first = _folder(tmp_path)
    engine = connect(db_url)
    ingest(first, engine)
    state = _full_equals_pending(db_url)
    assert state["ranks"] and not state["quality"]

    ingest([folder], engine)  # the year between, the second copy, the city's divisions, an unrelated body
    state = _full_equals_pending(db_url)
    checks = {f[1] for f in state["quality"]}
    assert {"quality.jump", "quality.children_sum"} <= checks, checks
    assert sorted(r[3] for r in state["ranks"] if r[3] and r[3] > 1) == [2, 2]  # 宝山区 2022 in two copies
    assert any(r[2] is not None for r in state["reuse"])  # compared with a previous year's report

    correct(engine, "baoshan-2021.docx", RECEIVED, 12345, "typo in the table", "tester")
    # the same path with other bytes: 宝山区 2021 becomes 徐汇区 2021 (宝山区 2022 loses its previous year)
    _docx(_fixture("baoshan-2021"), folder / "baoshan-2021.docx", "宝山区", "徐汇区")
    ingest([folder], engine)
    state = _full_equals_pending(db_url)
    assert {c[2] for c in state["corrections"]} == {"orphaned"}

    (folder / "luxian-2022.docx").rename(folder / "luxian-2022-moved.docx")  # a name the city's flag quotes
    ingest([folder], engine)
    state = _full_equals_pending(db_url)
    assert "luxian-2022-moved.docx" in repr(state["quality"])

    (folder / "baoshan-2020.docx").write_bytes(b"not a report any more")  # fails over a stored document
    ingest([folder], engine)
    _full_equals_pending(db_url)

    forget([folder / "hejiang-2022-more.docx"], engine)
    state = _full_equals_pending(db_url)
    assert "quality.children_sum" not in {f[1] for f in state["quality"]}

    shutil.copy(_fixture("baoshan-2021"), folder / "baoshan-2021-again.docx")  # the corrected bytes are back
    ingest([folder], engine)
    state = _full_equals_pending(db_url)
    assert {c[2] for c in state["corrections"]} == {"open"}
    engine.dispose()


def test_one_new_file_recomputes_its_body_years_only(db_url, tmp_path: Path):
    folder, _first = _folder(tmp_path)
    minhang = folder / "minhang-2020.docx"
    minhang.rename(tmp_path / minhang.name)
    engine = connect(db_url)
    ingest([folder], engine)
    others = query(db_url, "select id, message from flags where kind = 'quality' order by id")
    assert others

    assert ingest_file(tmp_path / minhang.name, engine).status == "ingested"  # stored and marked, not completed
    assert pending.count(engine) > 0
    done = pending.complete(engine)
    assert not done.everything and done.body_years == {("310112|人民政府", 2020)}
    assert pending.count(engine) == 0
    # the other reports' flags were not touched (their rows, ids included, are as they were)
    assert query(db_url, "select id, message from flags where kind = 'quality' order by id") == others
    assert pending.complete(engine).entries == 0  # nothing left
    engine.dispose()
    _full_equals_pending(db_url)


def test_a_copy_that_does_not_count_leaves_the_quality_flags_as_they_are(db_url, tmp_path: Path):
    """A later format copy ranked after the copy that counts (pending's ``copy`` entry) is ranked and its text
    reuse computed, and no quality flag is recomputed (the checks read the counted copy only); a copy that takes
    the count is checked, and so is one whose counted copy a killed run ranked but never checked. After each
    run, recomputing everything changes nothing."""
    from pipeline import bodies

    folder, _first = _folder(tmp_path)
    html = folder / "baoshan-2022.html"
    html.rename(tmp_path / html.name)
    engine = connect(db_url)
    ingest([folder], engine)
    flags = "select id, report_id, message from flags where kind = 'quality' order by id"
    before = query(db_url, flags)
    assert any("quality.jump" in m for *_, m in before)
    body_year = ("310113|人民政府", 2022)

    def add(path: Path) -> pending.Completed:
        assert ingest_file(path, engine).status == "ingested"
        return pending.complete(engine)

    def counted() -> list[str]:
        return [name for (name,) in query(db_url, "select d.name from reports r join documents d on "
                                                  "d.id = r.document_id where r.year = 2022 and r.copy_rank = 0 "
                                                  "and r.body = '310113|人民政府'")]

    # the HTML ranks after the DOCX (the same flags and cells; loaded later)
    done = add(tmp_path / html.name)
    assert done.body_years == {body_year} and done.ranked == 1 and done.checked == 0, done
    assert query(db_url, flags) == before  # not one row deleted and made again
    assert counted() == ["baoshan-2022.docx"]
    assert query(db_url, "select count(*) from text_reuse t join reports r on r.id = t.report_id "
                         "join documents d on d.id = r.document_id where d.name = 'baoshan-2022.html'") != [(0,)]
    _full_equals_pending(db_url)

    # a copy that reads better than the counted one takes the count, and is checked
    forget([folder / "baoshan-2022.docx", tmp_path / html.name], engine)
    pending.complete(engine)
    poorer = _docx(_fixture("baoshan-2022"), tmp_path / "baoshan-2022-blank.docx", ">658<", "><")
    add(poorer)
    assert counted() == ["baoshan-2022-blank.docx"]
    done = add(tmp_path / html.name)
    assert counted() == ["baoshan-2022.html"] and done.checked == 1, done
    _full_equals_pending(db_url)

    # killed after ranking a new counted copy, before its checks: the next run checks it
    forget([poorer, tmp_path / html.name], engine)
    pending.complete(engine)
    assert ingest_file(tmp_path / html.name, engine).status == "ingested"
    with engine.begin() as conn:  # what the killed run's first stage committed
        bodies.rerank_many(conn, {body_year})
    done = add(folder / "baoshan-2022.docx")
    assert counted() == ["baoshan-2022.html"] and done.checked == 1, done
    _full_equals_pending(db_url)
    engine.dispose()


# --- read commands and check --refresh --------------------------------------------------------------------------


def test_read_commands_say_once_that_flags_are_stale_and_still_answer(tmp_path: Path, capsys):
    folder, first = _folder(tmp_path)
    db = str(tmp_path / "gongkai.sqlite")
    engine = connect(db)
    ingest(first, engine)
    ingest_file(folder / "baoshan-2021.docx", engine)  # stored; the checks not run (as after a kill)
    engine.dispose()
    capsys.readouterr()
    stale = f"gongkai: {pending.STALE_MESSAGE}"
    for argv in (["check"], ["export"], ["review"], ["corrections"], ["search", "政府信息"],
                 ["compare", "--metric", "requests.received.total"]):
        code = main(["--db", db, *argv])
        out = capsys.readouterr()
        assert code == 0, (argv, out.err)
        assert out.err.splitlines().count(stale) == 1, (argv, out.err)
        assert out.out or argv == ["corrections"], argv  # there are none
    assert main(["--db", db, "check", "--refresh"]) == 0
    err = capsys.readouterr().err
    assert "recomputed 1 changed body-year(s)" in err and stale not in err, err
    assert main(["--db", db, "check"]) == 0
    assert stale not in capsys.readouterr().err
    assert main(["--db", db, "check", "--refresh"]) == 0
    assert "nothing pending" in capsys.readouterr().err
    assert main(["--db", db, "check", "--refresh", "--all"]) == 0
    assert "recomputed every report" in capsys.readouterr().err


def test_a_database_from_before_the_pending_set_is_recomputed_once(tmp_path: Path, capsys):
    folder, first = _folder(tmp_path)
    db = str(tmp_path / "gongkai.sqlite")
    engine = connect(db)
    ingest(first, engine)
    engine.dispose()
    url = f"sqlite:///{db}"
    # what revision 0007 left: no record of what an interrupted run did not recompute, no derived version
    with_flags = snapshot(url)
    from sqlalchemy import create_engine, text

    raw = create_engine(url)
    with raw.begin() as conn:
        conn.execute(text("delete from meta where key = 'derived_version'"))
        conn.execute(text("delete from flags where kind = 'quality'"))
    raw.dispose()
    assert main(["--db", db, "check"]) == 0
    assert pending.STALE_MESSAGE in capsys.readouterr().err
    assert main(["--db", db, "ingest", str(folder / "baoshan-2020.docx")]) == 0  # unchanged: completes all the same
    assert snapshot(url) == with_flags


# --- kill -9 at each stage ----------------------------------------------------------------------------------------


def _cli(db_url: str, *argv: str, env: dict | None = None) -> subprocess.Popen:
    return subprocess.Popen([sys.executable, "-m", "pipeline", "--db", db_url, *argv], cwd=ROOT,
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
                            env={**os.environ, **(env or {})})


def _killed_at(db_url: str, stage: str, folder: Path, tmp_path: Path) -> None:
    """Run ``gongkai ingest folder`` as a real process, paused at ``stage`` by the test hook, and kill -9 it."""
    marker = tmp_path / f"paused-{stage}"
    proc = _cli(db_url, "ingest", str(folder), env={"GONGKAI_TEST_PAUSE_AT": stage,
                                                     "GONGKAI_TEST_PAUSE_MARKER": str(marker)})
    deadline = time.monotonic() + 600
    while not marker.exists():
        if proc.poll() is not None:
            pytest.fail(f"ingest ended before {stage}: {proc.communicate()}")
        assert time.monotonic() < deadline, f"ingest never reached {stage}"
        time.sleep(0.05)
    assert int(marker.read_text()) == proc.pid  # the process we started paused there, not a child
    proc.send_signal(signal.SIGKILL)
    proc.communicate(timeout=60)
    assert proc.returncode == -signal.SIGKILL


KILLS = [  # (stage, a first run loaded some files before, how the derived data is completed afterwards)
    ("after-documents", True, "ingest"),  # between the last document and the checks
    ("quality-written", True, "ingest"),  # during the checks: the quality flags' transaction written, uncommitted
    ("after-quality", True, "check"),  # between two stages of the checks
    ("quality-written", False, "check"),  # a first run on a fresh database (everything recomputed)
]
_CLEAN: dict[bool, dict] = {}


def _clean(seeded: bool, tmp_path: Path) -> dict:
    """What a clean run (the same files, the same order, nothing killed) leaves, once per module."""
    if seeded not in _CLEAN:
        folder, first = _folder(tmp_path / "clean")
        url = f"sqlite:///{tmp_path / 'clean.sqlite'}"
        engine = connect(url)
        if seeded:
            ingest(first, engine)
        ingest([folder], engine)
        engine.dispose()
        _CLEAN[seeded] = snapshot(url)
    return _CLEAN[seeded]


@pytest.mark.parametrize(("stage", "seeded", "rerun"), KILLS, ids=[f"{s}-{r}" + ("" if f else "-fresh")
                                                                   for s, f, r in KILLS])
def test_killed_between_documents_and_checks_or_during_them_the_rerun_loses_nothing(
        db_url, tmp_path: Path, stage, seeded, rerun, capsys):
    if db_url.startswith("postgresql") and (stage, seeded) not in (("after-documents", True), ("quality-written", True)):
        pytest.skip("the same code paths as on SQLite; on PostgreSQL the two stages the issue names")
    (tmp_path / "clean").mkdir()
    clean = _clean(seeded, tmp_path)
    folder, first = _folder(tmp_path)
    if seeded:
        engine = connect(db_url)
        ingest(first, engine)
        engine.dispose()

    _killed_at(db_url, stage, folder, tmp_path)
    assert query(db_url, "select count(*) from pending")[0][0] > 0  # the set survived the kill
    capsys.readouterr()
    assert main(["--db", db_url, "check"]) == 0
    assert capsys.readouterr().err.count(pending.STALE_MESSAGE) == 1

    again = _cli(db_url, *(["ingest", str(folder)] if rerun == "ingest" else ["check", "--refresh"]))
    out, err = again.communicate(timeout=600)
    assert again.returncode == 0, err
    if rerun == "ingest":
        assert " 0 ingested, 0 replaced," in out, out  # every file unchanged: only the pending set is done
    assert query(db_url, "select count(*) from pending") == [(0,)]
    assert snapshot(db_url) == clean
