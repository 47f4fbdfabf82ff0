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
from collections import defaultdict
from dataclasses import asdict, dataclass
from pathlib import Path

BIN = Path(sys.executable).parent


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
                            stderr=subprocess.PIPE if out else subprocess.STDOUT)
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
    exe = BIN / "gongkai"
    argv = [str(exe)] if exe.exists() else [sys.executable, "-m", "pipeline"]
    return run(argv + list(args), out)


def jobs_supported() -> bool:
    """Whether this ``gongkai ingest`` takes --jobs (the process pool is built on another branch)."""
    exe = BIN / "gongkai"
    argv = [str(exe)] if exe.exists() else [sys.executable, "-m", "pipeline"]
    help_text = subprocess.run(argv + ["ingest", "--help"], capture_output=True, text=True).stdout
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
    extract (model → report record) and store (the rest of a file's ingest: hashing, look-ups, the
    transaction, copies settled) per file. The readers are wrapped where pipeline.ingest imported them."""
    import extractors
    import pipeline.ingest as ingest_module

    spent: dict[str, float] = defaultdict(float)
    spent_cpu: dict[str, float] = defaultdict(float)
    patched = []

    def timed(name, fn):
        def wrapper(*args, **kwargs):
            start, start_cpu = time.perf_counter(), time.process_time()
            try:
                return fn(*args, **kwargs)
            finally:
                spent[name] += time.perf_counter() - start
                spent_cpu[name] += time.process_time() - start_cpu
        return wrapper

    for module in [m for name, m in list(sys.modules.items()) if name.startswith("pipeline.") and m]:
        for name in ("read_document", "extract_report"):
            fn = getattr(module, name, None)
            if fn is not None and fn is getattr(extractors, name):
                setattr(module, name, timed(name, fn))
                patched.append((module, name, fn))
    read, extract, store = defaultdict(list), defaultdict(list), defaultdict(list)
    cpu = {stage: defaultdict(list) for stage in ("read", "extract", "store")}
    statuses: dict[str, int] = defaultdict(int)
    engine = __import__("pipeline.db", fromlist=["connect"]).connect(str(db))
    before = load()
    mark = [time.perf_counter(), time.process_time()]

    def on_outcome(outcome):
        now = time.perf_counter()
        fmt = Path(outcome.path).suffix.lower().lstrip(".")
        total, total_cpu = now - mark[0], time.process_time() - mark[1]
        r, e = spent.pop("read_document", 0.0), spent.pop("extract_report", 0.0)
        rc, ec = spent_cpu.pop("read_document", 0.0), spent_cpu.pop("extract_report", 0.0)
        read[fmt].append(r)
        extract[fmt].append(e)
        store[fmt].append(total - r - e)
        cpu["read"][fmt].append(rc)
        cpu["extract"][fmt].append(ec)
        cpu["store"][fmt].append(total_cpu - rc - ec)
        statuses[outcome.status] += 1
        mark[0], mark[1] = time.perf_counter(), time.process_time()

    kwargs = {"on_outcome": on_outcome}
    parameters = inspect.signature(ingest_module.ingest).parameters
    if "jobs" in parameters:
        kwargs["jobs"] = 1  # stages are timed in this process
    if "batch" in parameters:
        kwargs["batch"] = 1  # an outcome per file as it is stored (a batch's would share its time): store is a
        # transaction per document here, an upper bound of the batched store's cost
    try:
        ingest_module.ingest(files, engine, **kwargs)
        refresh = time.perf_counter() - mark[0]
    finally:
        for module, name, fn in patched:
            setattr(module, name, fn)
        engine.dispose()
    if not patched:  # the readers moved: the reading is inside "store"
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


def scans(files: list[Path]) -> dict | None:
    """Wall and CPU seconds per page of each scanned PDF, read once (OCR is slow) by one worker, then wall
    seconds per page with its pages on 2 workers (GONGKAI_OCR_WORKERS): medians, with the load. CPU time is
    this process's, meaningful with one worker. The models are loaded first (a warm-up read, not counted)."""
    if not files:
        return None
    _scan_times(files[:1], 1), _scan_times(files[:1], 2)  # warm-up: models loaded here and in the page pool
    before = load()
    wall, cpu = _scan_times(files, 1)
    wall2, _ = _scan_times(files, 2)
    return {"files": len(files), "wall_s_per_page": round(statistics.median(wall), 2),
            "cpu_s_per_page": round(statistics.median(cpu), 2),
            "wall_s_per_page_2_workers": round(statistics.median(wall2), 2),
            "load_before": before, "load_after": load()}


def _scan_times(files: list[Path], workers: int) -> tuple[list[float], list[float]]:
    from extractors import read_report

    wall, cpu = [], []
    previous = os.environ.get("GONGKAI_OCR_WORKERS")
    os.environ["GONGKAI_OCR_WORKERS"] = str(workers)
    try:
        for path in files:
            start, start_cpu = time.perf_counter(), time.process_time()
            report = read_report(path)
            pages = max(report.pages or 1, 1)
            wall.append((time.perf_counter() - start) / pages)
            cpu.append((time.process_time() - start_cpu) / pages)
    finally:
        if previous is None:
            del os.environ["GONGKAI_OCR_WORKERS"]
        else:
            os.environ["GONGKAI_OCR_WORKERS"] = previous
    return wall, cpu


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
