"""The memory and growth run of ``make bench`` (``--docs 10000``): does a report cost the same, and memory
stay flat, as the database grows?

1. a corpus of D reports (pipeline.bench.corpus) in two folders, the first F (1,000) and the rest, and a probe
   set of P (50) more items of the same corpus (never in the database); a body-year in at most ``COPIES``
   files, as in a real collection (a DOCX/HTML takes a (division, year) at most that many times, every one
   once before any twice; a PDF keeps its fixture's, so the corpus holds few PDFs; a body-year of many
   copies ranks at the cost of its new copies all the same: tests/test_bodies.py);
2. ``gongkai ingest`` of the first F into a fresh SQLite file, then of the rest (to D): peak RSS of each run;
   ``gongkai export`` (JSONL and CSV) at F and at D: peak RSS and time (flat memory: the same at both);
3. the probe set ingested into an empty database and into a copy of the D-report one, ``PROBE_RUNS`` (5) times
   each, in turn, with
   ``--jobs 1`` (every CPU second of the ingest in the one process timed; the pool's workers are not its
   children): the best CPU seconds, less the start-up of the command on the same database (criterion: ≤ 1.1×
   at D);
4. the analyst's queries on the D-report database.
"""

from __future__ import annotations

import time
from collections import Counter
from dataclasses import asdict
from pathlib import Path

from pipeline.bench import corpus, stages

COPIES = 3  # files of one body-year at most: real collections publish a report in 1-3 formats
# the probe's runs per database: the best of 3 runs of a 20-file probe varied by ±25 % between growth runs on a
# shared 2-core machine, more than the criterion's 10 %; 50 files and the best of 5 make the ratio a measure
PROBE_RUNS = 5


def run(work: Path, docs: int, first: int, probe: int, seed: int, jobs: list[int | None]) -> dict:
    first = min(first, docs)
    j = max((x for x in jobs if x), default=None)
    out: dict = {"docs": docs, "first": first, "probe": probe, "seed": seed, "jobs": j}
    t0 = time.perf_counter()
    items = (corpus.generate(work / "first", first, seed=seed, copies=COPIES)
             + corpus.generate(work / "rest", docs - first, seed=seed, start=first, copies=COPIES))
    probe_items = corpus.generate(work / "probe", probe, seed=seed, start=docs, copies=COPIES)
    out["generate_s"] = round(time.perf_counter() - t0, 1)
    out["by_format"] = {"corpus": dict(Counter(i.format for i in items)),
                        "probe": dict(Counter(i.format for i in probe_items))}
    print(f"growth corpus: {first} + {docs - first} reports, probe {probe}, generated in {out['generate_s']} s; "
          f"load {stages.load()}\n  formats: corpus {out['by_format']['corpus']}, probe {out['by_format']['probe']} "
          f"(a body-year in at most {COPIES} files; a PDF keeps its fixture's body-year, so few PDFs)", flush=True)

    db = stages.fresh_db(work / "grown.sqlite")
    empty_db = stages.fresh_db(work / "empty.sqlite")
    runs: dict = {}
    runs["ingest_first"] = stages.ingest_run(work / "first", db, j)
    _say("ingest first", runs["ingest_first"], first)
    runs["export_jsonl_first"] = stages.gongkai("--db", str(db), "export", "--format", "jsonl",
                                                out=work / "first.jsonl")
    _say("export jsonl", runs["export_jsonl_first"], first)
    runs["export_csv_first"] = stages.gongkai("--db", str(db), "export", "--format", "csv", out=work / "first.csv")
    _say("export csv", runs["export_csv_first"], first)
    if docs > first:
        runs["ingest_rest"] = stages.ingest_run(work / "rest", db, j)
        _say("ingest rest", runs["ingest_rest"], docs - first)
        runs["export_jsonl_all"] = stages.gongkai("--db", str(db), "export", "--format", "jsonl",
                                                  out=work / "all.jsonl")
        _say("export jsonl", runs["export_jsonl_all"], docs)
        runs["export_csv_all"] = stages.gongkai("--db", str(db), "export", "--format", "csv", out=work / "all.csv")
        _say("export csv", runs["export_csv_all"], docs)
    out["runs"] = {k: asdict(v) for k, v in runs.items()}

    probes: dict = {"empty": [], "grown": []}
    for attempt in range(PROBE_RUNS):
        for name, src in (("empty", empty_db), ("grown", db)):
            target = stages.copy_db(src, work / f"probe-{name}.sqlite")
            start = stages.startup_run(target, work / "nothing")
            r = stages.ingest_run(work / "probe", target, 1 if j else None)
            probes[name].append({"cpu_s": r.cpu, "wall_s": r.wall, "startup_cpu_s": start.cpu,
                                 "cpu_s_net": round(r.cpu - start.cpu, 3), "maxrss_kb": r.maxrss_kb,
                                 "rc": r.rc, "load_before": r.load_before, "load_after": r.load_after})
            print(f"  probe into {name:5} #{attempt + 1}: {r.cpu:.2f} s CPU ({r.cpu - start.cpu:.2f} net of start-up "
                  f"{start.cpu:.2f}), {r.wall:.2f} s wall, load {r.load_before}", flush=True)
    out["probe_runs"] = probes
    best = {name: min(p["cpu_s_net"] for p in runs_) for name, runs_ in probes.items()}
    best_raw = {name: min(p["cpu_s"] for p in runs_) for name, runs_ in probes.items()}
    out["probe_ratio"] = round(best["grown"] / best["empty"], 3) if best["empty"] > 0 else None
    out["probe_ratio_raw"] = round(best_raw["grown"] / best_raw["empty"], 3)
    # the runs' spread beside the ratio: a 20-file probe's CPU varies between runs by more than the criterion's
    # 10 % on a shared machine, and the reader must see when the ratio is within that noise
    out["probe_spread"] = {name: [min(p["cpu_s_net"] for p in runs_), max(p["cpu_s_net"] for p in runs_)]
                           for name, runs_ in probes.items()}
    if "ingest_rest" in runs:
        out["rss_ratio_ingest"] = round(runs["ingest_rest"].maxrss_kb / runs["ingest_first"].maxrss_kb, 3)
        out["rss_ratio_export_jsonl"] = round(runs["export_jsonl_all"].maxrss_kb
                                              / runs["export_jsonl_first"].maxrss_kb, 3)
        out["rss_ratio_export_csv"] = round(runs["export_csv_all"].maxrss_kb / runs["export_csv_first"].maxrss_kb, 3)
    out["queries"] = stages.queries(db)
    out["db_mb"] = round(db.stat().st_size / 2**20, 1)
    out["elapsed_s"] = round(time.perf_counter() - t0, 1)
    return out


def _say(what: str, r: stages.Run, n: int) -> None:
    print(f"  {what:14} {n:6} reports: {r.wall:8.1f} s wall, {r.cpu:8.1f} s CPU, peak RSS {r.maxrss_kb / 1024:6.0f} MB "
          f"(tree {r.tree_peak_kb / 1024:.0f} MB), load {r.load_before}→{r.load_after}"
          + ("" if r.rc == 0 else f", exit {r.rc}: {r.output.strip().splitlines()[-1:]}"), flush=True)


def show(g: dict) -> None:
    print(f"\ngrowth run: {g['first']} → {g['docs']} reports (jobs {g['jobs'] or 'n/a'}), database {g['db_mb']} MB")
    print(f"  probe of {g['probe']} files, best of {len(g['probe_runs']['empty'])} CPU net of start-up: into the {g['docs']}-report database "
          f"/ into an empty one = {g['probe_ratio']} (raw {g['probe_ratio_raw']}); criterion ≤ 1.1")
    if "probe_spread" in g:
        spread = g["probe_spread"]
        print("  the runs' CPU net of start-up, least–most: " + ", ".join(
            f"{name} {lo:.2f}–{hi:.2f} s (±{50 * (hi - lo) / lo:.0f} %)" for name, (lo, hi) in spread.items()))
    if "rss_ratio_ingest" in g:
        print(f"  peak RSS ingest {g['docs'] - g['first']} more / first {g['first']}: {g['rss_ratio_ingest']} "
              f"(criterion within 10 %)")
        print(f"  peak RSS export at {g['docs']} / at {g['first']}: jsonl {g['rss_ratio_export_jsonl']}, "
              f"csv {g['rss_ratio_export_csv']} (flat: ≈ 1)")
    print(f"  analyst's queries on the {g['docs']}-report database (median of 3):")
    for q in g["queries"]:
        print(f"    {q['query']:42} {q['median_s'] * 1000:8.1f} ms  {q['rows']:>7} rows  load {q['load_before']}")
    print(f"  growth run took {g['elapsed_s']:.0f} s")
