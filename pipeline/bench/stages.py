"""The measurements of ``make bench``: stages in process, the CLI end to end as a child process, the baselines,
the analyst's queries, OCR. Times are seconds (wall: perf_counter; CPU: user + system); RSS is KiB; each
figure carries the 1-minute load average before and after it (os.getloadavg), the machine being shared."""

from __future__ import annotations

import inspect
import os
import resource
import shutil
import statistics
import subprocess
import sys
import threading
import time
from collections import defaultdict, deque
from dataclasses import asdict, dataclass
from pathlib import Path

# The command timed is this interpreter running the very package the bench imported (its folder first on the
# child's path): the venv's `gongkai` script imports whichever checkout the venv was installed from, so a bench
# run from another checkout would time a mix (the ingesting process from one, its workers from the other).
ROOT = Path(__file__).resolve().parents[2]
COMMAND = [sys.executable, "-m", "pipeline"]


def compile_package() -> None:
    """The timed package's bytecode written, as an installed package has it: with PYTHONDONTWRITEBYTECODE set
    (some machines set it) every timed process would compile the package's ~70 modules from source (~0.1 s of
    each command's start-up, and as much again in its workers' forkserver)."""
    import compileall

    for folder in ("pipeline", "extractors"):
        compileall.compile_dir(ROOT / folder, quiet=2)


def command_env() -> dict[str, str]:
    """The environment of a timed command: this one, with this package's root first on PYTHONPATH."""
    path = os.environ.get("PYTHONPATH")
    return {**os.environ, "PYTHONPATH": str(ROOT) + (os.pathsep + path if path else "")}


def load() -> float:
    return round(os.getloadavg()[0], 2)


def cpu_self() -> float:
    usage = resource.getrusage(resource.RUSAGE_SELF)
    return usage.ru_utime + usage.ru_stime


# --- the CLI as a child process ----------------------------------------------------------------------------


@dataclass
class Run:
    """One child process: wall and CPU seconds (its own and its waited-for children's), peak RSS of its
    largest process (ru_maxrss of wait4) and of its whole process tree (sampled every 50 ms), exit code.
    ``tree_cpu``: CPU seconds of the whole tree — ``cpu`` plus, for each process below it that it never waited
    for (the pool's forkserver and the workers forked from it), its CPU at the last sample (so a worker's last
    50 ms may be missed)."""

    argv: list[str]
    wall: float
    cpu: float
    maxrss_kb: int
    tree_peak_kb: int
    rc: int
    load_before: float
    load_after: float
    output: str = ""
    tree_cpu: float = 0.0


_TICK = os.sysconf("SC_CLK_TCK") if hasattr(os, "sysconf") else 100


def _tree_rss_kb(pid: int, cpu: dict[int, float] | None = None) -> int:
    """The resident memory of ``pid`` and every process below it (KiB); ``cpu`` gets each descendant's CPU
    seconds so far (utime + stime of /proc/PID/stat), by pid."""
    total, todo = 0, [pid]
    while todo:
        p = todo.pop()
        try:
            with open(f"/proc/{p}/status") as f:
                total += next((int(line.split()[1]) for line in f if line.startswith("VmRSS:")), 0)
            if cpu is not None and p != pid:
                with open(f"/proc/{p}/stat") as f:
                    fields = f.read().rsplit(")", 1)[1].split()
                cpu[p] = (int(fields[11]) + int(fields[12])) / _TICK  # utime, stime (fields 14, 15)
            for task in os.listdir(f"/proc/{p}/task"):
                with open(f"/proc/{p}/task/{task}/children") as f:
                    todo.extend(int(c) for c in f.read().split())
        except (OSError, ValueError, IndexError):
            continue
    return total


def run(argv: list[str], out: Path | None = None) -> Run:
    """Run ``argv`` (stdout to ``out``, else kept with stderr; the last 2,000 characters kept), measuring it
    alone (os.wait4, not the cumulative RUSAGE_CHILDREN)."""
    before = load()
    sink = open(out, "wb") if out else None
    start = time.perf_counter()
    # one pipe, read to its end before the wait: a chatty child never blocks on a full pipe
    proc = subprocess.Popen(argv, stdout=sink or subprocess.PIPE,
                            stderr=subprocess.PIPE if out else subprocess.STDOUT, env=command_env())
    peak = [0]
    below: dict[int, float] = {}  # descendant pid → its CPU seconds at the last sample
    done = threading.Event()

    def sample():
        while not done.is_set():
            peak[0] = max(peak[0], _tree_rss_kb(proc.pid, below))
            done.wait(0.05)

    sampler = threading.Thread(target=sample, daemon=True)
    sampler.start()
    stderr = (proc.stderr if out else proc.stdout).read()
    _pid, status, usage = os.wait4(proc.pid, 0)
    wall = time.perf_counter() - start
    done.set()
    sampler.join()
    proc.returncode = os.waitstatus_to_exitcode(status)
    for stream in (proc.stdout, proc.stderr, sink):
        if stream:
            stream.close()
    text = stderr.decode("utf-8", "replace")
    cpu = usage.ru_utime + usage.ru_stime
    # waited-for children are in ``cpu`` already: with --jobs 1 nothing runs below the command; with a pool,
    # its forkserver and workers are never waited for, so their sampled CPU is added
    return Run(argv, round(wall, 3), round(cpu, 3), usage.ru_maxrss, peak[0], proc.returncode, before, load(),
               text[-2000:], tree_cpu=round(cpu + sum(below.values()), 3))


def gongkai(*args: str, out: Path | None = None) -> Run:
    return run(COMMAND + list(args), out)


def jobs_supported() -> bool:
    """Whether this ``gongkai ingest`` takes --jobs (the process pool is built on another branch)."""
    help_text = subprocess.run(COMMAND + ["ingest", "--help"], capture_output=True, text=True,
                               env=command_env()).stdout
    return "--jobs" in help_text


def fresh_db(path: Path) -> Path:
    """A migrated, empty SQLite file (so that a timed run does not time the migrations)."""
    from pipeline.db import connect

    path.parent.mkdir(parents=True, exist_ok=True)
    for suffix in ("", "-wal", "-shm"):
        Path(str(path) + suffix).unlink(missing_ok=True)
    connect(str(path)).dispose()
    return path


def copy_db(src: Path, dst: Path) -> Path:
    """A copy of a SQLite file (checkpointed first, so the copy holds everything)."""
    import sqlite3

    with sqlite3.connect(src) as conn:
        conn.execute("pragma wal_checkpoint(truncate)")
    for suffix in ("-wal", "-shm"):
        Path(str(dst) + suffix).unlink(missing_ok=True)
    shutil.copyfile(src, dst)
    return dst


def ingest_run(folder: Path, db: Path, jobs: int | None) -> Run:
    args = ["--db", str(db), "ingest", "--quiet"] + (["--jobs", str(jobs)] if jobs else []) + [str(folder)]
    return gongkai(*args)


def startup_run(db: Path, empty: Path) -> Run:
    """``gongkai ingest`` of an empty folder into ``db``: the start-up cost every run pays (imports, the
    database opened and checked)."""
    empty.mkdir(parents=True, exist_ok=True)
    return gongkai("--db", str(db), "ingest", "--quiet", str(empty))


# --- stages in process -------------------------------------------------------------------------------------


@dataclass
class Stages:
    """Per-file seconds of each stage of an in-process ingest, by format, wall and CPU (``cpu``: stage → format
    → seconds per file); ``refresh``: the checks across reports after the run (once, wall)."""

    read: dict[str, list[float]]
    extract: dict[str, list[float]]
    store: dict[str, list[float]]
    cpu: dict[str, dict[str, list[float]]]
    refresh: float
    files: int
    statuses: dict[str, int]
    load_before: float
    load_after: float


def stages(files: list[Path], db: Path) -> Stages:
    """Ingest ``files`` in this process into ``db``, timing read (the reader: file → document model),
    extract (model → report record) and store (the rest of a file's ingest: hashing, look-ups and the row
    payload in the reading thread; the transaction in the store thread) per file. CPU is each thread's own
    (time.thread_time): the store thread works while the next file is read. The readers are wrapped in the
    extractors package and where pipeline modules imported them, the store where pipeline.writer's thread calls
    it."""
    import extractors
    import pipeline.ingest as ingest_module
    import pipeline.writer as writer_module

    spent: dict[str, list[float]] = defaultdict(lambda: [0.0, 0.0])  # this file's [wall, CPU] per stage
    per_file: deque = deque()  # (read, extract, rest of the task) as [wall, CPU], per file read, in order
    stored: deque = deque()  # [wall, CPU] of each store_results call (batch 1: one file each)
    patched = []

    def timed(name, fn, sink):
        def wrapper(*args, **kwargs):
            start, start_cpu = time.perf_counter(), time.thread_time()
            try:
                return fn(*args, **kwargs)
            finally:
                sink(name, time.perf_counter() - start, time.thread_time() - start_cpu)
        return wrapper

    def add(name, wall, cpu_s):
        spent[name][0] += wall
        spent[name][1] += cpu_s

    def task_done(name, wall, cpu_s):
        r, e = spent.pop("read_document", [0.0, 0.0]), spent.pop("extract_report", [0.0, 0.0])
        per_file.append((r, e, [wall - r[0] - e[0], cpu_s - r[1] - e[1]]))

    # the package itself too: pipeline.tasks calls extractors.read_document and extract_report through it
    for module in [extractors] + [m for name, m in list(sys.modules.items()) if name.startswith("pipeline.") and m]:
        for name in ("read_document", "extract_report"):
            fn = getattr(module, name, None)
            if fn is not None and fn is getattr(extractors, name):
                setattr(module, name, timed(name, fn, add))
                patched.append((module, name, fn))
    has_thread = hasattr(writer_module, "StoreThread")
    for module, name, sink in ((ingest_module, "read_task", task_done),
                               (writer_module if has_thread else ingest_module, "store_results",
                                lambda _n, w, c: stored.append([w, c]))):
        fn = getattr(module, name, None)
        if fn is not None:
            setattr(module, name, timed(name, fn, sink))
            patched.append((module, name, fn))
    read, extract, store = defaultdict(list), defaultdict(list), defaultdict(list)
    cpu = {stage: defaultdict(list) for stage in ("read", "extract", "store")}
    statuses: dict[str, int] = defaultdict(int)
    engine = __import__("pipeline.db", fromlist=["connect"]).connect(str(db))
    before = load()

    def on_outcome(outcome):
        fmt = Path(outcome.path).suffix.lower().lstrip(".")
        statuses[outcome.status] += 1
        if outcome.status == "skipped" or not per_file:
            return
        r, e, rest = per_file.popleft()
        w = stored.popleft() if stored else [0.0, 0.0]
        read[fmt].append(r[0])
        extract[fmt].append(e[0])
        store[fmt].append(rest[0] + w[0])
        cpu["read"][fmt].append(r[1])
        cpu["extract"][fmt].append(e[1])
        cpu["store"][fmt].append(rest[1] + w[1])

    kwargs = {"on_outcome": on_outcome}
    parameters = inspect.signature(ingest_module.ingest).parameters
    if "jobs" in parameters:
        kwargs["jobs"] = 1  # stages are timed in this process
    if "batch" in parameters:
        kwargs["batch"] = 1  # a store per file (a batch's would share its time): store is a transaction per
        # document here, an upper bound of the batched store's cost
    try:
        ingest_module.ingest(files, engine, **kwargs)
    finally:
        for module, name, fn in patched:
            setattr(module, name, fn)
        engine.dispose()
    # the checks across reports once the files are stored, timed on their own
    from pipeline import pending

    engine = __import__("pipeline.db", fromlist=["connect"]).connect(str(db))
    start = time.perf_counter()
    pending.complete(engine, everything=True)
    refresh = time.perf_counter() - start
    engine.dispose()
    if not any(name == "read_document" for _, name, _ in patched):  # the readers moved: reading is in "store"
        read, extract, cpu["read"], cpu["extract"] = {}, {}, {}, {}
    return Stages(dict(read), dict(extract), dict(store), {k: dict(v) for k, v in cpu.items()}, refresh, len(files),
                  dict(statuses), before, load())


# --- baselines ---------------------------------------------------------------------------------------------


@dataclass
class Pass:
    """One single-process pass over files: total wall and CPU seconds, pages, load."""

    name: str
    files: int
    pages: int
    wall: float
    cpu: float
    load_before: float
    load_after: float


def _pass(name: str, files: list[Path], one) -> Pass:
    before, start, start_cpu, pages = load(), time.perf_counter(), cpu_self(), 0
    for path in files:
        pages += one(path)
    return Pass(name, len(files), pages, round(time.perf_counter() - start, 3), round(cpu_self() - start_cpu, 3),
                before, load())


def pdfplumber_pass(files: list[Path]) -> Pass:
    """pdfplumber ``extract_text`` on every page: what reading a PDF cost before pdfium."""
    import pdfplumber

    def one(path):
        with pdfplumber.open(path) as pdf:
            for page in pdf.pages:
                page.extract_text()
            return len(pdf.pages)

    return _pass("pdfplumber extract_text", files, one)


def pdfium_pass(files: list[Path]) -> Pass:
    """pypdfium2 raw text of every page: the floor (no layout, no tables)."""
    import pypdfium2 as pdfium

    def one(path):
        pdf = pdfium.PdfDocument(path)
        try:
            for page in pdf:
                textpage = page.get_textpage()
                textpage.get_text_range()
                textpage.close()
                page.close()
            return len(pdf)
        finally:
            pdf.close()

    return _pass("pypdfium2 text", files, one)


# --- the analyst's queries ---------------------------------------------------------------------------------


def queries(db: Path, repeat: int = 3) -> list[dict]:
    """Median seconds (wall; ``cpu_s``: CPU of this process, where SQLite runs) of what an analyst asks of the
    database ``db``: each view read whole (``select *``), and as Datasette shows it (a page of 101 rows, the
    count, a page sorted on year, one region's rows); one metric of ``metrics``; ``compare`` by year and by
    region (a figure and a derived share), for one region; ``search``; ``check`` (all flags, one region);
    ``diff`` of two reports. A page, a count and one region's rows should cost the same at any size; the
    whole reads grow linearly."""
    import contextlib
    import io
    import types

    from sqlalchemy import text

    from pipeline import cli
    from pipeline.compare import Filters, compare
    from pipeline.db import connect
    from pipeline.diff import diff
    from pipeline.search import search
    from pipeline.views import VIEWS

    engine = connect(str(db), create=False)
    timed = []
    with engine.connect() as conn:
        region, first, last = conn.execute(text(
            "select (select region from reports where region is not null order by id limit 1), "
            "(select min(id) from reports), (select max(id) from reports)")).one()

    def measure(name, fn):
        before, samples, cpu, rows = load(), [], [], None
        for _ in range(repeat):
            start, start_cpu = time.perf_counter(), time.process_time()
            rows = fn()
            samples.append(time.perf_counter() - start)
            cpu.append(time.process_time() - start_cpu)
        timed.append({"query": name, "median_s": round(statistics.median(samples), 4),
                      "cpu_s": round(statistics.median(cpu), 4), "rows": rows, "load_before": before,
                      "load_after": load()})

    def view_rows(sql, **params):
        with engine.connect() as conn:
            return len(conn.execute(text(sql), params).all())

    def check(**kw):
        args = types.SimpleNamespace(**{"db": str(db), "refresh": False, "all": False, "all_copies": False,
                                        "kind": None, "year": None, "region": None, **kw})
        out = io.StringIO()
        with contextlib.redirect_stdout(out), contextlib.redirect_stderr(io.StringIO()):
            cli._check(args)
        return out.getvalue().count("\n")

    for view in VIEWS:
        measure(f"view {view}", lambda view=view: view_rows(f"select * from {view}"))
        measure(f"view {view}: page of 101", lambda view=view: view_rows(f"select * from {view} limit 101"))
        measure(f"view {view}: count(*)", lambda view=view: view_rows(f"select count(*) from {view}"))
        measure(f"view {view}: sorted by year", lambda view=view: view_rows(
            f"select * from {view} order by year desc limit 101"))
        measure(f"view {view}: one region", lambda view=view: view_rows(f"select * from {view} where region = :r", r=region))
    measure("metrics: one metric", lambda: view_rows("select * from metrics where metric = 'pct.not_held'"))
    for by in ("year", "region"):
        measure(f"compare requests.received.total by {by}",
                lambda by=by: len(compare(engine, "requests.received.total", by=by).points))
    measure("compare pct.not_held by region", lambda: len(compare(engine, "pct.not_held", by="region").points))
    measure("compare pct.not_held, one region", lambda: len(
        compare(engine, "pct.not_held", by="year", filters=Filters(region=region)).points))
    measure("search 依申请公开", lambda: len(search(engine, "依申请公开")))
    measure("check", check)
    measure("check --region", lambda: check(region=region))
    measure("diff of two reports", lambda: len(diff(engine, str(first), str(last)).cells))
    engine.dispose()
    return timed


# --- OCR ---------------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class Scan:
    """A scanned PDF to time, with the truth it was rendered from (None: not known, its cells are not checked)."""

    path: Path
    truth: dict | None = None


def make_scans(folder: Path, n: int, seed: int, pages: list[int] | None = None) -> list[Scan]:
    """``n`` fresh scans in ``folder/`` (``<name>-scan.pdf``; their truths in ``<folder>-truths/<name>.json``): the
    fixture builder's random truths (tests/fixture_builder/randtruth.draw(seed, i), both editions, bodies of
    every level), printed DOCX → PDF by LibreOffice (one run for all), then made scans by its scan renderer
    (tests/fixture_builder/scan.scan_pdf: 150–200 dpi, tilt, blur, noise, JPEG, tint, a seal on some), each with
    ``random.Random(f"{seed}:{name}")``; ``pages`` (1-based): only these pages scanned (a tiny scan, for the
    tests). Needs the repository's tests package (ImportError) and LibreOffice (RuntimeError)."""
    import json
    import random
    import tempfile

    from tests.fixture_builder.randtruth import draw
    from tests.fixture_builder.scan import scan_pdf
    from tests.fixture_builder.variants import make, render_many

    folder.mkdir(parents=True, exist_ok=True)
    truths_folder = folder.parent / f"{folder.name}-truths"  # not among the scans: the ingest reads that folder
    truths = [draw(seed, i) for i in range(n)]
    variants = [make(t, [], seed * 1000 + i, t["name"]) for i, t in enumerate(truths)]  # no variant kind
    out = []
    with tempfile.TemporaryDirectory(prefix="gongkai-bench-print-") as tmp:
        for v in variants:
            (Path(tmp) / v.name).mkdir()
        render_many(variants, Path(tmp), formats=("pdf-libreoffice",))
        for v in variants:
            path = scan_pdf(Path(tmp) / v.name / f"{v.name}.pdf", folder / f"{v.name}-scan.pdf",
                            random.Random(f"{seed}:{v.name}"), pages=pages)
            truths_folder.mkdir(exist_ok=True)
            (truths_folder / f"{v.name}.json").write_text(json.dumps(v.truth, ensure_ascii=False) + "\n",
                                                          encoding="utf-8")
            out.append(Scan(path, v.truth))
    return out


def known_scans(paths: list[Path]) -> list[Scan]:
    """Scanned PDFs with their truth where one is known: ``<stem>.json`` beside the file (make_scans), else the
    ``truth.json`` of its folder (the committed fixtures, tests/fixtures/scans/<name>/)."""
    import json

    out = []
    for path in paths:
        truth_file = next((p for p in (path.with_suffix(".json"), path.parent / "truth.json") if p.exists()), None)
        truth = json.loads(truth_file.read_text(encoding="utf-8")) if truth_file else None
        out.append(Scan(path, truth if truth and "cells" in truth else None))
    return out


def scans(items: list[Scan], work: Path) -> dict | None:
    """OCR speed on scanned PDFs, three ways, each with the load before and after (a report, not a test):

    - ``one_worker``: each file read in this process with its pages on one OCR worker: wall and CPU seconds
      per page (medians over the files, and totals);
    - ``ingest_jobs_2``: ``gongkai ingest --quiet --jobs 2`` of the folder of all the files into a fresh SQLite
      file, a child process (the 2-worker pool, end to end, its default limits: a scan's pages are counted
      before OCR, so it is allowed their time): wall and CPU seconds per page (total / pages; CPU of the whole
      process tree: the pool's workers are not the command's waited-for children), the files that failed with
      their reasons;
    - ``pages_2_workers``: each file read in this process with its pages on 2 OCR workers
      (GONGKAI_OCR_WORKERS=2): wall seconds per page (median).

    The cells are checked where the truth is known: template cells exact (from the reports read in this
    process, and from the database the ingest wrote) and region, year and edition right. The models are loaded
    first by reading a one-page copy of the first file (not counted). Files are copied into ``work/scans/``."""
    if not items:
        return None
    folder = work / "scans"
    folder.mkdir(parents=True, exist_ok=True)
    for item in items:
        if item.path.parent != folder:
            shutil.copyfile(item.path, folder / item.path.name)
    items = [Scan(folder / item.path.name, item.truth) for item in items]
    warm = _first_page(items[0].path, work / "warm-up" / "page-1.pdf")
    _scan_times([Scan(warm)], 1), _scan_times([Scan(warm)], 2)  # models loaded here and in the page pool

    before = load()
    one = _scan_times(items, 1)
    one.update(load_before=before, load_after=load())
    ingest = _scan_ingest(items, folder, fresh_db(work / "scans.sqlite"))
    before = load()
    two = _scan_times(items, 2)
    two.update(load_before=before, load_after=load())
    del two["cpu_s_per_page"], two["cpu_s"]  # the page pool's CPU is not this process's
    return {"files": len(items), "pages": one["pages"], "one_worker": one, "ingest_jobs_2": ingest,
            "pages_2_workers": two}


def _first_page(src: Path, out: Path) -> Path:
    import pypdfium2 as pdfium

    out.parent.mkdir(parents=True, exist_ok=True)
    pdf, copy = pdfium.PdfDocument(src), pdfium.PdfDocument.new()
    try:
        copy.import_pages(pdf, [0])
        copy.save(out)
    finally:
        copy.close()
        pdf.close()
    return out


def _scan_times(items: list[Scan], workers: int) -> dict:
    """Read each file with GONGKAI_OCR_WORKERS=``workers``: per-file wall and CPU (this process) per page,
    their medians, the totals, and the cells checked against the truths."""
    from extractors import read_report

    wall, cpu, pages, total_wall, total_cpu = [], [], 0, 0.0, 0.0
    check = _Check()
    previous = os.environ.get("GONGKAI_OCR_WORKERS")
    os.environ["GONGKAI_OCR_WORKERS"] = str(workers)
    try:
        for item in items:
            start, start_cpu = time.perf_counter(), time.process_time()
            report = read_report(item.path)
            spent, spent_cpu = time.perf_counter() - start, time.process_time() - start_cpu
            n = max(report.pages or 1, 1)
            wall.append(spent / n)
            cpu.append(spent_cpu / n)
            pages, total_wall, total_cpu = pages + n, total_wall + spent, total_cpu + spent_cpu
            if item.truth:
                check.add(item.truth, report.values(), (report.region, report.year, report.edition))
    finally:
        if previous is None:
            del os.environ["GONGKAI_OCR_WORKERS"]
        else:
            os.environ["GONGKAI_OCR_WORKERS"] = previous
    return {"workers": workers, "pages": pages, "wall_s": round(total_wall, 2), "cpu_s": round(total_cpu, 2),
            "wall_s_per_page": round(statistics.median(wall), 2), "cpu_s_per_page": round(statistics.median(cpu), 2),
            **check.result()}


def _scan_ingest(items: list[Scan], folder: Path, db: Path) -> dict:
    """``gongkai ingest --quiet --jobs 2 folder`` into ``db``, timed as a child process, its process tree's CPU
    sampled beside it; then the cells stored checked against the truths."""
    import sqlite3

    sampler = _TreeCPU()
    with sampler:  # the default limits, as a user runs it: a file over them fails and is counted in failures
        r = gongkai("--db", str(db), "ingest", "--quiet", "--jobs", "2", str(folder))
    check = _Check()
    with sqlite3.connect(f"file:{db}?mode=ro", uri=True) as conn:
        statuses = dict(conn.execute("select status, count(*) from documents group by status").fetchall())
        failures = dict(conn.execute("select name, error from documents where status = 'failed' order by name"))
        for item in items:
            if not item.truth:
                continue
            row = conn.execute("select r.id, r.region, r.year, r.edition from reports r join documents d "
                               "on d.id = r.document_id where d.name = ?", (item.path.name,)).fetchone()
            values = {}
            if row:
                for key, value, value_text in conn.execute(
                        "select key, value, value_text from cells where report_id = ? and key is not null "
                        "order by id", (row[0],)):  # the last row of a key wins, as in Report.values()
                    values[key] = None if value is None else _decimal(value_text if value_text else value)
            check.add(item.truth, values, tuple(row[1:]) if row else (None, None, None))
    pages = max(sum(_pdf_pages(item.path) for item in items), 1)  # a failed file's pages are not stored
    cpu = max(r.cpu, sampler.cpu)
    return {"argv": r.argv[1:], "rc": r.rc, "statuses": statuses, "failures": failures, "pages": pages,
            "wall_s": r.wall,
            "cpu_s": round(cpu, 2), "cpu_s_waited": r.cpu, "wall_s_per_page": round(r.wall / pages, 2),
            "cpu_s_per_page": round(cpu / pages, 2), "tree_peak_kb": r.tree_peak_kb,
            "load_before": r.load_before, "load_after": r.load_after, **check.result(),
            **({} if r.rc == 0 else {"output": r.output})}


def _pdf_pages(path: Path) -> int:
    import pypdfium2 as pdfium

    pdf = pdfium.PdfDocument(path)
    try:
        return len(pdf)
    finally:
        pdf.close()


def _decimal(value):
    from decimal import Decimal

    return Decimal(str(value))


class _Check:
    """Template cells exact and identities right, summed over the files with a truth."""

    def __init__(self):
        self.files = self.cells = self.exact = self.identity_ok = 0
        self.wrong: list[str] = []

    def add(self, truth: dict, values: dict, identity: tuple) -> None:
        self.files += 1
        for key, want in truth["cells"].items():
            self.cells += 1
            if (None if want is None else _decimal(want)) == values.get(key):
                self.exact += 1
            elif len(self.wrong) < 20:
                self.wrong.append(f"{truth['name']} {key}: truth {want}, read {values.get(key)}")
        self.identity_ok += tuple(identity) == (truth["region"], truth["year"], truth["edition"])

    def result(self) -> dict:
        if not self.files:
            return {}
        return {"checked_files": self.files, "cells": self.cells, "cells_exact": self.exact,
                "identity_ok": self.identity_ok, "wrong": self.wrong}


class _TreeCPU:
    """CPU seconds of this process's descendants while the block runs: every 50 ms the user + system time of
    each descendant (its own and its reaped children's) plus this process's reaped children's, the largest sum
    seen, less the sum at the start. A pool's workers are reaped by a process nobody waits for (the forkserver),
    so the wait4 figure of the command alone leaves them out."""

    def __init__(self):
        self.cpu = 0.0
        self._done = threading.Event()

    def __enter__(self):
        self._start = self._total()
        self._peak = self._start
        self._thread = threading.Thread(target=self._sample, daemon=True)
        self._thread.start()
        return self

    def __exit__(self, *exc):
        self._done.set()
        self._thread.join()
        self._peak = max(self._peak, self._total())
        self.cpu = self._peak - self._start

    def _sample(self):
        while not self._done.is_set():
            self._peak = max(self._peak, self._total())
            self._done.wait(0.05)

    @staticmethod
    def _total() -> float:
        tick = os.sysconf("SC_CLK_TCK")
        times = os.times()
        total = times.children_user + times.children_system
        todo = _children(os.getpid())
        while todo:
            pid = todo.pop()
            try:
                with open(f"/proc/{pid}/stat") as f:
                    fields = f.read().rsplit(")", 1)[1].split()
                total += sum(int(x) for x in fields[11:15]) / tick  # utime stime cutime cstime
            except (OSError, ValueError, IndexError):
                continue
            todo.extend(_children(pid))
        return total


def _children(pid: int) -> list[int]:
    out = []
    try:
        for task in os.listdir(f"/proc/{pid}/task"):
            with open(f"/proc/{pid}/task/{task}/children") as f:
                out.extend(int(c) for c in f.read().split())
    except (OSError, ValueError):
        pass
    return out


def scan_fixtures() -> list[Path]:
    from pipeline.bench.corpus import FIXTURES

    return sorted((FIXTURES / "scans").rglob("*.pdf"))


def is_scan(path: Path) -> bool:
    """A PDF without a text layer: the OCR reader's input."""
    if path.suffix.lower() != ".pdf":
        return False
    import pypdfium2 as pdfium

    pdf = pdfium.PdfDocument(path)
    try:
        return not any(page.get_textpage().count_chars() for page in pdf)
    finally:
        pdf.close()


def as_dict(obj) -> dict:
    return asdict(obj)
