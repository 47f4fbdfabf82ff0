"""Issue 12's remaining error paths end in one line and the right exit status (1, 2 for usage), and read
commands read a database on read-only media: --years out of range, an overlong search, LIKE wildcards in
--region, forget on a missing database, chmod -w and read-only mounts, a disk that fills during a batch."""

from __future__ import annotations

import os
import shutil
import sqlite3
import stat
import subprocess
import sys
from pathlib import Path

import pytest

from pipeline.cli import main
from tests.conftest import FIXTURES

BAOSHAN = FIXTURES / "baoshan-2020-text" / "baoshan-2020-report.txt"
GONGKAI = [sys.executable, "-m", "pipeline"]


def _one_line(err: str) -> str:
    lines = [line for line in err.splitlines() if line.strip()]
    assert len(lines) == 1 and "Traceback" not in err, err
    return lines[0]


@pytest.fixture(scope="module")
def loaded(tmp_path_factory) -> Path:
    db = tmp_path_factory.mktemp("one-liners") / "g.sqlite"
    assert main(["--db", str(db), "ingest", "-q", str(BAOSHAN)]) == 0
    return db


def test_years_beyond_any_year_are_a_usage_error(loaded, capsys):
    with pytest.raises(SystemExit) as exit_:
        main(["--db", str(loaded), "compare", "--metric", "requests.received.total",
              "--years", "99999999999999999999:"])
    assert exit_.value.code == 2
    assert "four-digit years" in capsys.readouterr().err


def test_like_wildcards_in_region_match_themselves(loaded, capsys):
    for region in ("%", "_", "宝山%"):
        assert main(["--db", str(loaded), "compare", "--metric", "requests.received.total", "--region", region]) == 1
        assert "no figures" in capsys.readouterr().err
        assert main(["--db", str(loaded), "check", "--region", region]) == 0
        assert capsys.readouterr().out == ""
    assert main(["--db", str(loaded), "compare", "--metric", "requests.received.total", "--region", "宝山"]) == 0


def test_an_overlong_search_is_one_line(db_url, capsys):
    assert main(["--db", db_url, "ingest", "-q", str(BAOSHAN)]) == 0
    capsys.readouterr()
    assert main(["--db", db_url, "search", "信用公开" * 5000]) == 0  # 20,000 characters, two words
    capsys.readouterr()
    assert main(["--db", db_url, "search", " ".join(f"w{i}" for i in range(3000))]) == 2
    assert "at most 32" in _one_line(capsys.readouterr().err)


def test_forget_on_a_missing_database_creates_nothing(tmp_path, capsys):
    db = tmp_path / "none.sqlite"
    assert main(["--db", str(db), "forget", str(BAOSHAN)]) == 1
    assert "no such database file" in _one_line(capsys.readouterr().err)
    assert not db.exists()


def _copy(source: Path, target: Path) -> None:
    """The database with what its WAL holds (a file copy alone would miss it)."""
    src, dst = sqlite3.connect(source), sqlite3.connect(target)
    src.backup(dst)
    dst.close()
    src.close()


def _reads(argv: list[str]) -> bool:
    """The command ran on the database: exit 0, or search's 1 for no hit (its words' segmentation may differ
    after other tests taught jieba words), never a database error."""
    return main(argv) in ((0, 1) if "search" in argv else (0,))


def _read_commands(db: Path) -> list[list[str]]:
    return [["--db", str(db), "check"], ["--db", str(db), "export", "-o", os.devnull],
            ["--db", str(db), "search", "信用"], ["--db", str(db), "compare", "--metric", "requests.received.total"],
            ["--db", str(db), "diff", "宝山区 2020", "宝山区 2020"]]


def test_read_commands_read_a_database_whose_file_and_folder_are_read_only(loaded, tmp_path):
    folder = tmp_path / "ro"
    folder.mkdir()
    _copy(loaded, folder / "g.sqlite")
    db = folder / "g.sqlite"
    db.chmod(stat.S_IRUSR | stat.S_IRGRP)
    folder.chmod(stat.S_IRUSR | stat.S_IXUSR)
    try:
        for argv in _read_commands(db):
            assert _reads(argv), argv
        assert sorted(p.name for p in folder.iterdir()) == ["g.sqlite"]  # no WAL side files made
    finally:
        folder.chmod(stat.S_IRWXU)
        db.chmod(stat.S_IRUSR | stat.S_IWUSR)


def _mount_tmpfs(path: Path, size: str) -> bool:
    path.mkdir(exist_ok=True)
    if os.geteuid() != 0 or shutil.which("mount") is None:
        return False
    return subprocess.run(["mount", "-t", "tmpfs", "-o", f"size={size}", "tmpfs", str(path)],
                          capture_output=True).returncode == 0


@pytest.fixture
def tmpfs(tmp_path):
    mounted = []

    def make(size: str) -> Path:
        path = tmp_path / f"tmpfs{len(mounted)}"
        if not _mount_tmpfs(path, size):
            pytest.skip("mounting a tmpfs needs root")
        mounted.append(path)
        return path

    yield make
    for path in mounted:
        subprocess.run(["umount", str(path)], check=False)


def test_read_commands_read_a_database_on_a_read_only_mount(loaded, tmpfs):
    mnt = tmpfs("4m")
    _copy(loaded, mnt / "g.sqlite")
    assert subprocess.run(["mount", "-o", "remount,ro", str(mnt)]).returncode == 0
    for argv in _read_commands(mnt / "g.sqlite"):
        assert _reads(argv), argv
    run = subprocess.run([*GONGKAI, "--db", str(mnt / "g.sqlite"), "ingest", str(BAOSHAN)], capture_output=True,
                         text=True)
    assert run.returncode == 1 and "g.sqlite" in _one_line(run.stderr)


@pytest.mark.parametrize("size", ["160k", "240k", "320k"])
def test_a_disk_that_fills_during_a_batch_is_one_line(tmpfs, size):
    """Whatever point of the batch the disk fills at (a document, the checks after the last one), the
    command ends with one line per failure, exit status 1, no traceback."""
    mnt = tmpfs(size)
    files = [str(p) for folder in ("baoshan-2020-text", "hejiang-2022", "xuhui-2019-broken")
             for p in sorted((FIXTURES / folder).iterdir()) if p.suffix in (".txt", ".html", ".docx")]
    run = subprocess.run([*GONGKAI, "--db", str(mnt / "g.sqlite"), "ingest", "-q", *files], capture_output=True,
                         text=True)
    assert "Traceback" not in run.stderr and run.returncode in (0, 1), run.stderr
    assert "full" in run.stderr + run.stdout or run.returncode == 0
