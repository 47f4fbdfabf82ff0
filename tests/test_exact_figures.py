"""Every printed figure round-trips exactly (issue 12, item 6): whole figures are stored as integers on SQLite
and PostgreSQL (12345678901234567 never comes back …568), a fraction keeps its exact decimal text beside the
number (value_text), the views' numeric filters still work, and revision 0009 converts stored rows."""

from __future__ import annotations

import csv
import io
import json
from decimal import Decimal
from pathlib import Path

from sqlalchemy import create_engine, text
from sqlalchemy.pool import NullPool

from extractors import read_report
from pipeline.cli import main
from pipeline.db import connect, figure_number, figure_text, migrate
from tests.conftest import FIXTURES, query

BIG = 12345678901234567  # above 2**53: a double reads it as …568
FRACTION = "1234567890123.456"  # 16 significant digits: a double cannot hold them all
BAOSHAN = FIXTURES / "baoshan-2020-text" / "baoshan-2020-report.txt"


def exact_report(folder: Path) -> Path:
    """The Baoshan text report with a 17-digit count and a 16-digit amount in yuan printed in its tables."""
    lines = BAOSHAN.read_text(encoding="utf-8").split("\n")
    for i, line in enumerate(lines):
        if line.startswith("一、本年新收政府信息公开申请数量"):
            lines[i] = line.replace("\t623\t", f"\t{BIG}\t", 1)
        if line.startswith("政府集中采购"):
            lines[i] = line.replace("113400 万元", f"{FRACTION} 元")
    path = folder / "exact-2020.txt"
    path.write_text("\n".join(lines), encoding="utf-8")
    return path


def test_figure_conversions():
    assert figure_number(Decimal(BIG)) == BIG and isinstance(figure_number(Decimal(BIG)), int)
    assert figure_number(Decimal("663.00")) == 663 and isinstance(figure_number(663.0), int)
    assert figure_number(Decimal("0.5")) == 0.5 and figure_number(None) is None
    assert figure_text(Decimal(FRACTION)) == FRACTION and figure_text(Decimal("10.50")) == "10.5"
    assert figure_text(Decimal(BIG)) is None and figure_text(None) is None


def test_big_and_fractional_figures_round_trip_through_store_export_and_views(db_url, tmp_path, capsys):
    report = exact_report(tmp_path)
    assert main(["--db", db_url, "ingest", str(report)]) == 0
    out = tmp_path / "out.jsonl"
    assert main(["--db", db_url, "export", "-o", str(out)]) == 0
    obj = json.loads(out.read_text(encoding="utf-8"))
    assert obj["cells"]["requests.received.natural_person"] == BIG
    assert obj["cells"]["proactive.art20_9.procurement.amount_yuan"] == float(FRACTION)
    balance = next(f for f in obj["flags"] if f.get("identity") == "requests.balance")
    assert balance["expected"] == BIG + 71  # + carried over: the sums are exact too

    [(value, value_text)] = query(db_url, "select value, value_text from cells "
                                          "where key = 'requests.received.natural_person'")
    assert value == BIG and value_text is None
    [(amount_text,)] = query(db_url, "select value_text from cells "
                                     "where key = 'proactive.art20_9.procurement.amount_yuan'")
    assert amount_text == FRACTION
    # the views hand the figure out exactly, and filter on it as a number
    assert query(db_url, "select value from metrics where metric = 'requests.received.natural_person'") == [(BIG,)]
    assert query(db_url, 'select "requests.received.natural_person" from report_requests') == [(BIG,)]
    assert query(db_url, "select count(*) from metrics where metric = 'requests.received.natural_person' "
                         f"and value > {BIG - 1} and value < {BIG + 1}") == [(1,)]
    assert query(db_url, "select count(*) from v_flags where expected = :e", e=BIG + 71) == [(1,)]
    if db_url.startswith("sqlite"):  # Datasette sends a filter's value as text
        assert query(db_url, "select count(*) from metrics where value = :v", v=str(BIG)) == [(1,)]

    capsys.readouterr()
    assert main(["--db", db_url, "export", "--format", "csv"]) == 0
    rows = {r["key"]: r["value"] for r in csv.DictReader(io.StringIO(capsys.readouterr().out))}
    assert rows["requests.received.natural_person"] == str(BIG)
    assert rows["proactive.art20_9.procurement.amount_yuan"] == FRACTION
    assert main(["--db", db_url, "export", "--format", "csv", "--view", "metrics"]) == 0
    metrics = [r for r in csv.DictReader(io.StringIO(capsys.readouterr().out))
               if r["metric"] == "requests.received.natural_person"]
    assert [r["value"] for r in metrics] == [str(BIG)]

    # Parquet: a figure column holding it is decimal in that file (float64 cannot hold it), the others float64;
    # the metrics view spans row groups, the figure met in a later one (the file is written again)
    import pyarrow as pa
    import pyarrow.parquet as pq

    from pipeline.tabular import write_parquet

    assert main(["--db", db_url, "export", "--format", "parquet", "-o", str(tmp_path / "pq")]) == 0
    requests = pq.read_table(tmp_path / "pq" / "report_requests.parquet")
    assert requests.schema.field("requests.received.natural_person").type == pa.decimal128(38, 6)
    assert requests.column("requests.received.natural_person").to_pylist() == [Decimal(BIG)]
    assert requests.schema.field("requests.received.commercial").type == pa.float64()
    engine = connect(db_url)
    n = write_parquet(engine, "metrics", tmp_path / "metrics.parquet", row_group=7)
    metrics = pq.read_table(tmp_path / "metrics.parquet")
    assert metrics.num_rows == n and metrics.schema.field("value").type == pa.decimal128(38, 6)
    values = dict(zip(metrics.column("metric").to_pylist(), metrics.column("value").to_pylist()))
    assert values["requests.received.natural_person"] == BIG
    [(commercial,)] = query(db_url, "select value from metrics where metric = 'requests.received.commercial'")
    assert values["requests.received.commercial"] == commercial


def test_revision_0009_converts_stored_rows(db_url, tmp_path):
    """Rows stored as doubles by revision 0007 become integers, fractions get their text, and a whole figure
    past 2**53 is read again from its raw text."""
    connect(db_url).dispose()
    migrate(db_url, "0007")
    engine = create_engine(db_url, poolclass=NullPool)
    with engine.begin() as conn:
        conn.execute(text("insert into documents (id, sha256, path, name, format, size, status, ingested_at) "
                          "values (1, 'x', '/a.txt', 'a.txt', 'text', 1, 'ingested', current_timestamp)"))
        conn.execute(text("insert into reports (id, document_id, year) values (1, 1, 2020)"))
        for i, (key, value, raw) in enumerate([("k.big", float(BIG), str(BIG)), ("k.whole", 663.0, "663"),
                                               ("k.fraction", 0.1, "0.1"), ("k.money", 1134000000.0, "113400"),
                                               ("k.none", None, "")]):
            conn.execute(text("insert into cells (id, report_id, key, table_name, row_label, column_label, value, "
                              "raw, meaning) values (:i, 1, :k, 't', '', '', :v, :r, 'number')"),
                         {"i": i + 1, "k": key, "v": value, "r": raw})
        conn.execute(text("insert into facts (id, report_id, ord, section_path, sentence, subject, value, unit, "
                          "kind, raw, start, \"end\") values (1, 1, 0, '', '', '', 182.18, '元', 'money', "
                          "'182.18元', 0, 1)"))
    engine.dispose()
    migrate(db_url)
    got = {k: v if v is None or v == int(v) else float(v) for k, v in query(db_url, "select key, value from cells")}
    assert got == {"k.big": BIG, "k.whole": 663, "k.fraction": 0.1, "k.money": 1134000000, "k.none": None}
    assert dict(query(db_url, "select key, value_text from cells where value_text is not null")) == {
        "k.fraction": "0.1"}
    assert query(db_url, "select value_text from facts") == [("182.18",)]
    migrate(db_url, "0007")  # and back
    assert query(db_url, "select count(*) from cells") == [(5,)]


def test_an_unreadable_printed_cell_is_flagged_unreadable_not_missing(db_path, tmp_path):
    """1e20 and 百百伍 printed in a table: each an ``unreadable`` flag with its raw text, no "not printed"
    (rows_missing) for them; 约663 keeps its qualifier on the cell, in the record and in the database."""
    lines = BAOSHAN.read_text(encoding="utf-8").split("\n")
    i = next(i for i, line in enumerate(lines) if line.startswith("一、本年新收政府信息公开申请数量"))
    lines[i] = lines[i].replace("\t623\t36\t1\t0\t2\t1\t663", "\t623\t1e20\t1\t0\t百百伍\t1\t约663")
    path = tmp_path / "unreadable-2020.txt"
    path.write_text("\n".join(lines), encoding="utf-8")
    report = read_report(str(path))
    unreadable = {f.key: f for f in report.flags if f.kind == "unreadable"}
    assert set(unreadable) == {"requests.received.commercial", "requests.received.legal_service"}
    assert unreadable["requests.received.commercial"].where == "1e20" and "1e20" in unreadable[
        "requests.received.commercial"].message
    assert "grammar" in unreadable["requests.received.legal_service"].message
    assert not any(f.kind == "rows_missing" and "received" in f.message for f in report.flags)
    total = report.cell("requests.received.total")
    assert (total.value, total.qualifier) == (663, "approximate")
    assert main(["--db", db_path, "ingest", str(path)]) == 0
    assert query(f"sqlite:///{db_path}", "select qualifier, value from cells "
                                         "where key = 'requests.received.total'") == [("approximate", 663)]
    assert query(f"sqlite:///{db_path}", "select count(*) from flags where kind = 'unreadable'") == [(2,)]


def test_any_engine_of_the_process_reads_numeric_as_figures(db_url):
    """An engine the caller makes (plain SQLAlchemy, after importing gongkai) reads PostgreSQL numeric as the
    figures SQLite gives: int when whole (exact past 2**53), float for a fraction; never Decimal. On SQLite the
    same query gives the same types."""
    for _ in range(2):  # a second engine: the first one's connection registered the loaders process-wide
        engine = create_engine(db_url, poolclass=NullPool)
        with engine.connect() as conn:
            whole, fraction = conn.execute(text(f"select cast({BIG} as numeric), cast(0.5 as numeric)")).one()
        engine.dispose()
        assert (type(whole), whole) == (int, BIG) and (type(fraction), fraction) == (float, 0.5)
