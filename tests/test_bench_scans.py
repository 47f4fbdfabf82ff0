"""The OCR part of ``make bench`` (pipeline.bench.stages.scans) on one tiny fresh scan, so that its code path
cannot rot: a truth drawn, printed by LibreOffice, its first page made a scan, then timed three ways and its cells
checked, in process and in the database the ``--jobs 2`` ingest wrote. A speed figure is not asserted (``make
bench`` reports it); what is asserted is that every part ran on that page and agrees with the others."""

from __future__ import annotations

import shutil
import sys

import pytest

from pipeline.bench import stages


@pytest.mark.skipif(not (shutil.which("soffice") or shutil.which("libreoffice")), reason="needs LibreOffice")
def test_the_scan_bench_times_and_checks_a_tiny_fresh_scan(tmp_path):
    items = stages.make_scans(tmp_path / "scans", 1, seed=31, pages=[1])
    assert len(items) == 1 and stages.is_scan(items[0].path) and items[0].truth["cells"]
    assert [p.name for p in (tmp_path / "scans").iterdir()] == [items[0].path.name]  # truths kept apart

    s = stages.scans(items, tmp_path)
    one, ingest, two = s["one_worker"], s["ingest_jobs_2"], s["pages_2_workers"]
    assert s["files"] == 1 and one["pages"] == ingest["pages"] == two["pages"] == 1
    assert ingest["rc"] == 0 and ingest["statuses"] == {"ingested": 1}, ingest
    for part in (one, ingest, two):
        assert part["wall_s_per_page"] > 0 and part["cells"] == len(items[0].truth["cells"])
        assert part["identity_ok"] == 1, part  # region, year and edition read from the title on page 1
    # the page's cells read alike in process and from the database (the check's two paths agree)
    assert 0 < one["cells_exact"] == ingest["cells_exact"] == two["cells_exact"] < one["cells"]
    assert one["cpu_s_per_page"] > 0 and ingest["cpu_s"] >= ingest["cpu_s_waited"] > 0


def test_the_cpu_of_a_process_nobody_waits_for_is_counted():
    """A command whose child outlives it unwaited (as a pool's forkserver does): wait4 misses the child's CPU,
    the sampled process tree does not."""
    burn = ("import os, time\n"
            "child = os.fork()\n"
            "if child == 0:\n"
            "    end = time.process_time() + 1.0\n"
            "    while time.process_time() < end: pass\n"
            "    os._exit(0)\n"
            "while open(f'/proc/{child}/stat').read().rsplit(')', 1)[1].split()[0] != 'Z':\n"
            "    time.sleep(0.02)\n"
            "time.sleep(0.2)\n"
            "os._exit(0)  # the child not waited for\n")
    with stages._TreeCPU() as tree:
        r = stages.run([sys.executable, "-c", burn])
    assert r.rc == 0 and r.cpu < 0.5, r
    assert tree.cpu > r.cpu + 0.8, (tree.cpu, r.cpu)
