"""Hostile and odd inputs (issue 12): nothing read from outside the folder the user named, special files never
opened, encodings and PDF variants read like their plain copies, a bad --db refused in one line. Real files in
tmp_path, a real SQLite file."""

from __future__ import annotations

import os
import shutil
from pathlib import Path

import pytest

from pipeline.cli import main
from pipeline.ingest import ingest, iter_inputs
from pipeline.db import connect
from tests.conftest import FIXTURES, query

REPORT = FIXTURES / "baoshan-2020-text" / "baoshan-2020-report.txt"
SECRET = "root:x:0:0:root:/root:/bin/bash 这是文件夹之外的秘密"


@pytest.fixture
def tree(tmp_path: Path) -> Path:
    """raw/ holds one report; outside/ (not named) holds a secret and another report; raw/ links to both."""
    raw, outside = tmp_path / "raw", tmp_path / "outside"
    (raw / "sub").mkdir(parents=True)
    outside.mkdir()
    shutil.copy(REPORT, raw / "report.txt")
    (outside / "passwd.txt").write_text(SECRET, encoding="utf-8")
    shutil.copy(FIXTURES / "baoshan-2021" / "baoshan-2021.docx", outside / "elsewhere.docx")
    (raw / "x.txt").symlink_to(outside / "passwd.txt")
    (raw / "sub" / "elsewhere.docx").symlink_to(outside / "elsewhere.docx")
    (raw / "outdir").symlink_to(outside, target_is_directory=True)
    (raw / "z-inside-link.txt").symlink_to(raw / "report.txt")
    (raw / "loop").symlink_to(raw, target_is_directory=True)
    (raw / "broken.txt").symlink_to(tmp_path / "nowhere.txt")
    os.mkfifo(raw / "pipe.txt")
    return raw


def _stored_text(db: str) -> str:
    return "\n".join(str(r) for r in query(db, "select path, name, error from documents")) + "\n".join(
        t for (t,) in query(db, "select text from sections"))


def test_a_walked_folder_reads_nothing_from_outside_it(tree, tmp_path, capsys):
    db = f"sqlite:///{tmp_path / 'g.sqlite'}"
    assert main(["--db", db, "ingest", str(tree)]) == 0
    out = capsys.readouterr()
    skipped = {line.split(": ", 1)[0].split()[-1]: line.split(": ", 1)[1]
               for line in out.out.splitlines() if line.startswith("  skipped ")}
    assert set(skipped) == {str(tree / n) for n in ("x.txt", "sub/elsewhere.docx", "outdir", "broken.txt",
                                                    "pipe.txt")}
    assert "outside the folder" in skipped[str(tree / "x.txt")]
    assert "--follow-links" in skipped[str(tree / "sub" / "elsewhere.docx")]
    assert "folder outside" in skipped[str(tree / "outdir")]
    assert "broken symbolic link" in skipped[str(tree / "broken.txt")]
    assert "FIFO" in skipped[str(tree / "pipe.txt")]
    assert all(f"skipped {tree / n}" in out.err for n in ("x.txt", "pipe.txt"))
    assert "5 skipped" in out.out
    stored = _stored_text(db)
    assert "秘密" not in stored and "outside" not in stored and "elsewhere" not in stored
    # the link to a file inside is read: the same bytes as report.txt, so a duplicate of it
    assert f"unchanged {tree / 'z-inside-link.txt'}: duplicate of {tree / 'report.txt'}" in out.out
    assert query(db, "select name, status from documents") == [("report.txt", "ingested")]


def test_follow_links_reads_links_out_of_the_folder_but_never_special_files(tree, tmp_path):
    db = f"sqlite:///{tmp_path / 'g.sqlite'}"
    outcomes = {Path(o.path).relative_to(tree).as_posix(): o
                for o in ingest([tree], connect(db), follow_links=True)}
    # read through the folder link first (walk order), then met again as the same bytes through the file links
    assert outcomes["outdir/passwd.txt"].status == "not_report"
    assert outcomes["outdir/elsewhere.docx"].status == "ingested"
    assert (outcomes["x.txt"].status, outcomes["x.txt"].reason) == (
        "unchanged", f"duplicate of {tree / 'outdir' / 'passwd.txt'}")
    assert outcomes["sub/elsewhere.docx"].reason == f"duplicate of {tree / 'outdir' / 'elsewhere.docx'}"
    assert outcomes["pipe.txt"].status == "skipped" and outcomes["broken.txt"].status == "skipped"
    assert not any(k.startswith("loop/") for k in outcomes)  # a link loop is walked once


def test_a_path_named_on_the_command_line_is_read_even_a_link(tree, tmp_path, capsys):
    db = f"sqlite:///{tmp_path / 'g.sqlite'}"
    assert main(["--db", db, "ingest", str(tree / "sub" / "elsewhere.docx")]) == 0
    assert "1 ingested" in capsys.readouterr().out
    # a FIFO named on the command line is not opened either (opening it would wait for a writer for ever)
    assert main(["--db", db, "ingest", str(tree / "pipe.txt")]) == 1
    out = capsys.readouterr().out
    assert f"skipped {tree / 'pipe.txt'}: not a regular file (FIFO): not opened" in out
    assert dict(iter_inputs([tree / "pipe.txt", "/dev/null"])) == {
        tree / "pipe.txt": "not a regular file (FIFO): not opened",
        Path("/dev/null"): "not a regular file (device): not opened"}


def test_a_byte_identical_copy_is_reported_as_a_duplicate(tmp_path, capsys):
    folder = tmp_path / "raw"
    folder.mkdir()
    shutil.copy(REPORT, folder / "a.txt")
    shutil.copy(REPORT, folder / "b-copy.txt")
    db = f"sqlite:///{tmp_path / 'g.sqlite'}"
    assert main(["--db", db, "ingest", str(folder)]) == 0
    out = capsys.readouterr().out
    assert "1 ingested, 0 replaced, 1 unchanged" in out
    assert f"unchanged {folder / 'b-copy.txt'} — duplicate of {folder / 'a.txt'}" in out
    main(["--db", db, "ingest", str(folder)])  # again: a.txt is itself, b-copy.txt still a copy of it
    out = capsys.readouterr().out
    assert f"duplicate of {folder / 'a.txt'}" in out and f"{folder / 'a.txt'} — duplicate" not in out


# --- encodings and PDF variants: read like the plain copy, cell for cell -------------------------------------

def _cells(path: Path) -> dict[str, tuple]:
    from extractors import extract_report, read_document

    report = extract_report(read_document(path))
    return {c.key: (c.value, c.meaning, c.raw) for c in report.cells if c.key}


@pytest.mark.parametrize("encoding", ["utf-16", "utf-16-le", "utf-16-be", "utf-32", "utf-32-le", "utf-32-be"])
def test_utf16_and_utf32_text_reads_like_its_utf8_copy(tmp_path, encoding):
    """With a BOM (utf-16, utf-32: Python writes one) and without (the -le/-be codecs)."""
    text = REPORT.read_text(encoding="utf-8")
    wide = tmp_path / f"report-{encoding}.txt"
    wide.write_bytes(text.encode(encoding))
    plain = _cells(REPORT)
    assert len(plain) == 198 and _cells(wide) == plain


@pytest.mark.parametrize("encoding", ["utf-16", "utf-16-be", "utf-32-le"])
def test_a_utf16_page_is_read_as_html(tmp_path, encoding):
    page = FIXTURES / "baoshan-2020" / "baoshan-2020.html"
    wide = tmp_path / "page.html"
    wide.write_bytes(page.read_text(encoding="utf-8").encode(encoding))
    assert _cells(wide) == _cells(page)


def test_binary_with_nul_bytes_is_still_refused(tmp_path):
    from extractors import ReadError, read_document

    blob = tmp_path / "blob.txt"
    blob.write_bytes(bytes(range(256)) * 16)
    with pytest.raises(ReadError, match="binary data"):
        read_document(blob)


PDFS = [FIXTURES / "baoshan-2020" / "baoshan-2020.pdf", FIXTURES / "hejiang-2022" / "hejiang-2022.pdf"]


@pytest.mark.parametrize("algorithm", ["RC4-40", "RC4-128", "AES-128", "AES-256-R5", "AES-256"])
@pytest.mark.parametrize("plain", PDFS, ids=lambda p: p.stem)
def test_an_owner_password_pdf_reads_like_its_plain_copy(tmp_path, plain, algorithm):
    """Encrypted with an owner password only (permissions), empty user password: any reader opens it."""
    pypdf = pytest.importorskip("pypdf")
    writer = pypdf.PdfWriter(clone_from=pypdf.PdfReader(plain))
    writer.encrypt(user_password="", owner_password="owner-only", algorithm=algorithm)
    locked = tmp_path / plain.name
    with open(locked, "wb") as out:
        writer.write(out)
    assert b"/Encrypt" in locked.read_bytes() and locked.read_bytes() != plain.read_bytes()
    assert _cells(locked) == _cells(plain)


@pytest.mark.parametrize("source", [PDFS[0], FIXTURES / "baoshan-2020" / "baoshan-2020.docx",
                                    FIXTURES / "baoshan-2020" / "baoshan-2020.html", REPORT], ids=lambda p: p.suffix)
def test_the_case_of_a_suffix_never_changes_the_reading(tmp_path, source):
    expected = _cells(source)
    folder = tmp_path / "raw"
    folder.mkdir()
    for suffix in (source.suffix.upper(), source.suffix.title()):
        copy = folder / f"{suffix.lstrip('.')}{suffix}"
        shutil.copy(source, copy)
        assert _cells(copy) == expected
    # a folder walk picks them up too, and stores the same cells as the lower-case name
    db = f"sqlite:///{tmp_path / 'g.sqlite'}"
    outcomes = ingest([folder], connect(db))
    assert [o.status for o in outcomes] == ["ingested", "unchanged"]
    stored = {k: v for k, v in query(db, "select key, value from cells where key is not null")}
    assert stored == {k: v[0] for k, v in expected.items()}


# --- a --db that cannot be used: one line naming it, exit 1, nothing created, nothing touched ----------------

READ_COMMANDS = [["export"], ["check"], ["search", "信用"], ["compare", "--metric", "requests.received.total",
                 "--by", "year"], ["review"], ["diff", "宝山区 2020", "宝山区 2021"]]


def _bad_databases(folder: Path) -> dict[str, tuple[str, str]]:
    """name -> (--db, what the line must say)."""
    import sqlite3

    folder.mkdir()
    (folder / "notes.sqlite").write_text("not a database\n", encoding="utf-8")
    (folder / "picture.png").write_bytes(b"\x89PNG\r\n\x1a\n" + bytes(200))
    (folder / "a-folder.sqlite").mkdir()
    other = sqlite3.connect(folder / "other-app.sqlite")  # another application's: a documents table of its own
    other.executescript("create table documents (id integer primary key, title text, body text);"
                        "insert into documents values (1, 'minutes', 'text'); create table tags (name text);")
    other.commit()
    other.close()
    alembic = sqlite3.connect(folder / "other-alembic.sqlite")  # another application that uses alembic too
    alembic.executescript("create table alembic_version (version_num varchar(32) not null);"
                          "insert into alembic_version values ('9f1c2d3e4b5a'); create table users (id integer);")
    alembic.commit()
    alembic.close()
    return {
        "missing": (str(folder / "typo.sqlite"), "no such database file"),
        "missing-folder": (str(folder / "nowhere" / "typo.sqlite"), "no such database file"),
        "text": (str(folder / "notes.sqlite"), "not a SQLite database file"),
        "png": (str(folder / "picture.png"), "not a SQLite database file"),
        "folder": (str(folder / "a-folder.sqlite"), "a folder, not a database file"),
        "other-app": (str(folder / "other-app.sqlite"), "not a gongkai database"),
        "other-alembic": (str(folder / "other-alembic.sqlite"), "is not one of gongkai's"),
        "unknown-scheme": ("foo://host/db", "NoSuchModuleError"),
        "missing-driver": ("mysql://user@localhost/gongkai", "No module named"),
    }


def _snapshot(folder: Path) -> dict[str, bytes | None]:
    return {str(p.relative_to(folder)): p.read_bytes() if p.is_file() else None for p in sorted(folder.rglob("*"))}


@pytest.mark.parametrize("command", READ_COMMANDS + [["ingest", str(REPORT)]], ids=lambda c: c[0])
def test_a_database_that_cannot_be_used_is_one_line_and_exit_1(tmp_path, capsys, command):
    folder = tmp_path / "dbs"
    cases = _bad_databases(folder)
    if command[0] == "ingest":  # ingest creates a missing file: that is how a database begins
        cases = {k: v for k, v in cases.items() if not k.startswith("missing")}
    before = _snapshot(folder)
    for name, (db, reason) in cases.items():
        assert main(["--db", db, *command]) == 1, name
        out = capsys.readouterr()
        lines = out.err.strip().splitlines()
        assert len(lines) == 1 and db.split("://")[-1] in lines[0] and reason in lines[0], (name, out.err)
        assert "Traceback" not in out.err and out.out == ""
    assert _snapshot(folder) == before  # nothing created, nothing written, nothing migrated


def test_serve_refuses_what_is_not_a_gongkai_sqlite_file(tmp_path, capsys):
    """Refused before Datasette is started (the process would become Datasette)."""
    cases = _bad_databases(tmp_path / "dbs")
    for name in ("text", "png", "other-app", "other-alembic"):
        db, reason = cases[name]
        assert main(["--db", db, "serve", "--port", "1"]) == 1
        err = capsys.readouterr().err
        assert err.count("\n") == 1 and db in err and reason in err


def test_a_read_command_on_a_gongkai_database_still_works_and_ingest_still_creates_one(tmp_path, capsys):
    db = tmp_path / "new" / "g.sqlite"
    assert main(["--db", str(db), "ingest", str(REPORT)]) == 0 and db.is_file()
    capsys.readouterr()
    assert main(["--db", str(db), "check"]) == 0
    assert main(["--db", f"sqlite:///{db}", "search", "信用"]) == 0


def test_a_folder_is_walked_in_the_order_of_its_paths_parts(tmp_path):
    """A walked folder's files come in the order of their paths' parts, as sorting them as Paths gives it:
    a folder's files and subfolders by name, so 'a/b' before 'a b' and 'a-b' (the walk holds the paths as
    str and sorts them so, without making a Path of each)."""
    names = ["a-b.txt", "a/b.txt", "a b.txt", "a/z/y.txt", "a.txt", "A.txt", "中文/报告.txt", "中文.txt",
             "a/b/c.txt", "a-/x.txt", "a0.txt", "b/a.txt"]
    for name in names:
        (tmp_path / name).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / name).write_text("x")
    walked = [path for path, _ in iter_inputs([tmp_path])]
    assert walked == sorted(tmp_path / name for name in names)
    assert walked.index(tmp_path / "a" / "b.txt") < walked.index(tmp_path / "a-b.txt")


def test_a_file_named_in_gbk_is_read_by_the_pool_and_stored_under_its_chinese_name(tmp_path):
    """A file name that is not UTF-8 (GBK bytes from a Chinese Windows archive: 报告.txt) is walked, handed
    to a worker process and read there, and stored under its name read as GB18030."""
    folder = tmp_path / "raw"
    folder.mkdir()
    shutil.copy(REPORT, os.path.join(os.fsencode(folder), "报告".encode("gbk") + b".txt"))
    # a second file (other bytes), so that the pool runs: one file alone is read in process
    (folder / "other.txt").write_bytes(REPORT.read_bytes() + b"\n")
    engine = connect(f"sqlite:///{tmp_path / 'g.sqlite'}")
    outcomes = ingest([folder], engine, jobs=2)
    engine.dispose()
    assert [o.status for o in outcomes] == ["ingested", "ingested"], outcomes
    assert sorted(query(f"sqlite:///{tmp_path / 'g.sqlite'}", "select name from documents")) == [
        ("other.txt",), ("报告.txt",)]
