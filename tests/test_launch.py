"""pipeline.launch: which command lines start the workers' forkserver before the command line's imports."""

from __future__ import annotations

import os
import shutil
import signal
import subprocess
import sys

import pytest

from pipeline.launch import pool_wanted
from tests.conftest import ROOT

MANY = (os.cpu_count() or 1) > 1


@pytest.mark.parametrize("argv, wanted", [
    (["ingest", "data/raw"], MANY),  # the default: the machine's cores
    (["--db", "x.sqlite", "ingest", "-q", "data/raw"], MANY),
    (["ingest", "--jobs", "2", "data/raw"], True),
    (["ingest", "-j2", "data/raw"], True),
    (["ingest", "--jobs=3", "data/raw"], True),
    (["ingest", "-j", "1", "data/raw"], False),
    (["ingest", "--jobs", "two", "data/raw"], False),  # pipeline.cli refuses it; nothing started for it
    (["ingest", "--cluster", "tcp://h:8786", "-j", "2", "x"], False),
    (["--db", "ingest", "export", "x"], False),  # "ingest" is --db's value here
    (["export", "--format", "jsonl"], False),
    ([], False),
])
def test_pool_wanted(argv, wanted):
    assert pool_wanted(argv) is wanted


def test_python_m_pipeline_runs_the_command_line(tmp_path):
    """``python -m pipeline`` (and the gongkai script) go through pipeline.launch to pipeline.cli: an ingest
    with two jobs reads on the prestarted forkserver's workers."""
    folder = tmp_path / "in"
    folder.mkdir()
    for name in ("baoshan-2020.html", "hejiang-2022.html"):
        shutil.copyfile(ROOT / "data" / "raw" / name, folder / name)
    run = subprocess.run([sys.executable, "-m", "pipeline", "--db", str(tmp_path / "t.sqlite"), "ingest",
                          "--jobs", "2", str(folder)], cwd=ROOT, capture_output=True, text=True, timeout=300)
    assert run.returncode == 0, run.stderr
    assert "2 file(s): 2 ingested" in run.stdout


def test_stop_ends_a_forkserver_still_warming_up():
    """The command's end stops its forkserver at once, warm or not (a forkserver left to itself finishes its
    warm-up, holding the command's output open); a pool wanted later starts a new one."""
    from multiprocessing import forkserver as mp_forkserver

    from pipeline.forkserver import prestart, stop

    prestart()
    pid = mp_forkserver._forkserver._forkserver_pid
    assert pid is not None
    stop()
    assert os.waitpid(pid, 0)[1] == signal.SIGKILL  # killed (not waited for by stop: reaped here)
    assert mp_forkserver._forkserver._forkserver_pid is None
    stop()  # nothing to stop: nothing happens


def test_the_command_ends_without_freeing_its_heap_and_with_its_databases_closed(tmp_path):
    """pipeline.launch.main leaves the process ready to exit: its heap in the collector's permanent
    generation (the interpreter's teardown frees nothing object by object) and every database connection
    closed first: a command that does not dispose its engine itself (``forget``) leaves no WAL beside the
    SQLite file."""
    folder = tmp_path / "in"
    folder.mkdir()
    shutil.copyfile(ROOT / "data" / "raw" / "baoshan-2020.html", folder / "baoshan-2020.html")
    db = tmp_path / "t.sqlite"
    script = ("import gc, sys\n"
              "from pipeline.launch import main\n"
              "codes = [main(['--db', sys.argv[1], 'ingest', '--jobs', '1', sys.argv[2]]),\n"
              "         main(['--db', sys.argv[1], 'forget', sys.argv[2]])]\n"
              "print(codes, gc.get_freeze_count() > 0)\n")
    run = subprocess.run([sys.executable, "-c", script, str(db), str(folder)], cwd=ROOT, capture_output=True,
                         text=True, timeout=300)
    assert run.returncode == 0, run.stderr
    assert run.stdout.splitlines()[-1] == "[0, 0] True"
    assert "1 document(s) forgotten" in run.stdout
    assert sorted(p.name for p in tmp_path.iterdir()) == ["in", "t.sqlite"]  # no t.sqlite-wal, -shm


def test_the_commands_imports_set_off_no_full_collection():
    """pipeline.launch.main imports the command line with the collector paused (its ~100,000 objects live as
    long as the process: full collections over them found nothing) and runs the command with it as it was."""
    script = ("import gc\n"
              "from pipeline import launch\n"
              "full = gc.get_stats()[2]['collections']\n"
              "heap = launch.own_heap\n"
              "def own_heap():\n"
              "    print('imported', gc.get_stats()[2]['collections'] - full, gc.isenabled())\n"
              "    heap()\n"
              "launch.own_heap = own_heap\n"
              "try:\n"
              "    launch.main(['--version'])\n"
              "except SystemExit:\n"
              "    pass\n"
              "print('after', gc.isenabled())\n")
    run = subprocess.run([sys.executable, "-c", script], cwd=ROOT, capture_output=True, text=True, timeout=300)
    assert run.returncode == 0, run.stderr
    lines = run.stdout.splitlines()
    assert lines[0] == "imported 0 False" and lines[-1] == "after True", lines


def test_what_a_file_read_in_the_commands_process_loads_is_frozen_and_never_in_a_library_callers(tmp_path):
    """The command's own process owns its heap (pipeline.launch.own_heap): the tables the first file read in
    it loads (pipeline.tasks.warm: jieba's, the division table) go to the collector's permanent generation, so
    no full collection walks them again. A library caller's process reads the same file and keeps its heap
    as it was: nothing frozen there, and the collector left enabled."""
    path = ROOT / "data" / "raw" / "baoshan-2020.html"
    script = ("import gc, sys\n"
              "from pipeline.tasks import read_task\n"
              "from extractors.regions import division_table\n"
              "if sys.argv[2] == 'command':\n"
              "    from pipeline.launch import own_heap\n"
              "    own_heap()\n"
              "frozen = gc.get_freeze_count()\n"
              "result = read_task(sys.argv[1])\n"
              "table = division_table()\n"
              "print(result.status, gc.isenabled(), gc.get_freeze_count() > frozen,\n"
              "      any(o is table for o in gc.get_objects()))\n")
    seen = {}
    for who in ("command", "library"):
        run = subprocess.run([sys.executable, "-c", script, str(path), who], cwd=ROOT, capture_output=True,
                             text=True, timeout=300)
        assert run.returncode == 0, run.stderr
        seen[who] = run.stdout.split()
    assert seen["command"] == ["report", "True", "True", "False"]  # frozen: out of the generations' sight
    assert seen["library"] == ["report", "True", "False", "True"]


def test_a_kept_table_loads_with_the_collector_paused_and_leaves_it_as_it_was():
    import gc

    from extractors.cache import collector_paused

    seen = []
    for enabled in (True, False):
        (gc.enable if enabled else gc.disable)()
        try:
            with pytest.raises(ValueError), collector_paused():
                seen.append(gc.isenabled())
                raise ValueError
            seen.append(gc.isenabled())
        finally:
            gc.enable()
    assert seen == [False, True, False, False]
