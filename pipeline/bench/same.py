"""Whether a change to the extractors or the store leaves every output as it was: ingest a corpus in this process
(the bench's stages, pipeline.bench.stages), then write what came out into a folder, to compare with ``diff -r``
against the same command run on the code before the change.

    python -m pipeline.bench.same CORPUS OUT [--db FILE]

CORPUS: a folder of reports (e.g. one kept by ``python -m pipeline.bench --keep``: its ``corpus`` folder).
OUT receives ``export.jsonl`` (``gongkai export --format jsonl``), ``check.txt`` (``gongkai check --all-copies``),
``tables.txt`` (every row of every table and of the search index, in rowid order; the ingest time stamps
blanked, the one value that differs between two runs of the same code) and ``timing.json`` (median CPU ms per
report of the stages extract and store, per format, with the load average before and after): between two runs
of code that must give the same output, ``diff -r`` finds ``timing.json`` only.
"""

from __future__ import annotations

import argparse
import json
import sqlite3
import statistics
import subprocess
import sys
import tempfile
from pathlib import Path

from pipeline.bench import stages

_VOLATILE = {("documents", "ingested_at"), ("corrections", "created_at"), ("flag_reviews", "reviewed_at")}


def dump_tables(db: Path) -> str:
    """Every row of every table (FTS5 shadow tables left out: the virtual table's rows stand for them), one line
    each, tables by name and rows by rowid."""
    con = sqlite3.connect(db)
    try:
        names = [n for (n,) in con.execute("select name from sqlite_master where type = 'table' order by name")]
        shadows = {n for n in names for v in names if n != v and n.startswith(v + "_")
                   and con.execute("select sql from sqlite_master where name = ?", (v,)).fetchone()[0]
                   .upper().startswith("CREATE VIRTUAL")}
        lines = []
        for name in names:
            if name in shadows or name == "alembic_version":
                continue
            cursor = con.execute(f'select rowid, * from "{name}" order by rowid')
            columns = [d[0] for d in cursor.description]
            lines.append(f"## {name} ({', '.join(columns)})")
            for row in cursor:
                row = ["·" if (name, c) in _VOLATILE else v for c, v in zip(columns, row)]
                lines.append(repr(tuple(row)))
        return "\n".join(lines) + "\n"
    finally:
        con.close()


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m pipeline.bench.same", description=__doc__.splitlines()[0])
    parser.add_argument("corpus")
    parser.add_argument("out")
    parser.add_argument("--db", help="the SQLite file to ingest into (default: a temporary one, removed after)")
    args = parser.parse_args(argv)
    out = Path(args.out)
    out.mkdir(parents=True, exist_ok=True)
    files = sorted(p for p in Path(args.corpus).rglob("*") if p.is_file() and not p.name.startswith("manifest"))
    with tempfile.TemporaryDirectory(prefix="gongkai-same-") as work:
        return _run(files, stages.fresh_db(Path(args.db) if args.db else Path(work) / "ingest.sqlite"), out)


def _run(files: list[Path], db: Path, out: Path) -> int:
    from extractors import read_report

    read_report(files[0])  # warm-up: imports, the division table, jieba's dictionary
    st = stages.stages(files, db)
    timing = {stage: {fmt: round(statistics.median(v) * 1000, 2) for fmt, v in by_fmt.items()}
              for stage, by_fmt in st.cpu.items() if stage in ("extract", "store")}
    timing["all"] = {stage: round(statistics.median([x for v in st.cpu[stage].values() for x in v]) * 1000, 2)
                     for stage in ("extract", "store")}
    timing["files"], timing["statuses"], timing["load"] = st.files, st.statuses, [st.load_before, st.load_after]
    (out / "timing.json").write_text(json.dumps(timing, indent=1) + "\n")
    (out / "tables.txt").write_text(dump_tables(db), encoding="utf-8")
    gongkai = [sys.executable, "-m", "pipeline", "--db", str(db)]
    subprocess.run(gongkai + ["export", "--format", "jsonl", "-o", str(out / "export.jsonl")], check=True,
                   capture_output=True)
    check = subprocess.run(gongkai + ["check", "--all-copies"], capture_output=True, text=True)
    (out / "check.txt").write_text(check.stdout, encoding="utf-8")
    print(json.dumps(timing))
    return 0


if __name__ == "__main__":
    sys.exit(main())
