"""The store's statements are built once (pipeline.writer, pipeline.pending.mark_inserted, pipeline.search): a
document the database refuses still fails alone in its savepoint, the statements serve the batches after it, and
the pending entries and index rows are those the per-document statements made. The per-text caches of the
extractors and of the search segmentation give what the functions they keep give."""

from __future__ import annotations

from dataclasses import replace

import pytest
from sqlalchemy import delete, select, text

from extractors.facts import load_jieba
from pipeline import pending, search_words
from pipeline.db import CellRow, DocumentRow, PendingRow, ReportRow, connect
from pipeline.tasks import read_task
from pipeline.writer import store_results
from tests.conftest import FIXTURES

FILES = [FIXTURES / "baoshan-2021" / "baoshan-2021.docx", FIXTURES / "baoshan-2022" / "baoshan-2022.html",
         FIXTURES / "hejiang-2022" / "hejiang-2022.docx"]


def _refused(result):
    """``result`` with a cell key twice: the database refuses it (UNIQUE report_id, key) after its document,
    report and first rows went in."""
    cells = result.report.cells
    return replace(result, report=replace(result.report, cells=cells + [dict(cells[0])]))


def test_a_refused_document_fails_alone_and_the_statements_serve_the_next_batch(db_url):
    engine = connect(db_url)
    good, bad, later = (read_task(p) for p in FILES)
    assert good.status == bad.status == later.status == "report"
    first = store_results(engine, [good, _refused(bad)])
    assert [o.status for o in first] == ["ingested", "failed"]
    assert "the database refused the document" in first[1].reason
    second = store_results(engine, [later, bad])  # the same statement objects, after a savepoint rolled back
    assert [o.status for o in second] == ["ingested", "ingested"]  # its failed record superseded
    with engine.connect() as conn:
        documents = dict(conn.execute(select(DocumentRow.name, DocumentRow.status)).all())
        assert documents == {p.name: "ingested" for p in FILES}
        reports = conn.execute(select(ReportRow.id, ReportRow.document_id)).all()
        assert len(reports) == 3
        per_report = dict(conn.execute(select(CellRow.report_id, text("count(*)")).group_by(CellRow.report_id)).all())
        assert sorted(per_report.values()) == sorted(len(r.report.cells) for r in (good, bad, later))
        indexed = conn.execute(text("select report_id, count(*) from search_index group by report_id")).all()
        assert {rid for rid, _ in indexed} == {rid for rid, _ in reports}  # no rows of the refused reading
        assert sorted(n for _, n in indexed) == sorted(len(r.report.search) for r in (good, bad, later))
    engine.dispose()


def test_mark_inserted_marks_what_mark_marks(db_url):
    engine = connect(db_url)
    result = read_task(FILES[0])
    assert store_results(engine, [result])[0].status == "ingested"
    entries = select(PendingRow.kind, PendingRow.body, PendingRow.year, PendingRow.sha256).order_by(PendingRow.id)
    with engine.connect() as conn:
        by_store = conn.execute(entries).all()
        document_id = conn.execute(select(DocumentRow.id)).scalar_one()
        conn.execute(delete(PendingRow))
        pending.mark(conn, DocumentRow.id == document_id)
        by_mark = conn.execute(entries).all()
        conn.rollback()
    # the same body-year and bytes; the store's says what happened (a report added: pipeline.pending's "copy")
    assert [entry[1:] for entry in by_store] == [entry[1:] for entry in by_mark]
    assert [kind for kind, *_ in by_store] == ["copy", "document"] and by_store[0][1]
    assert [kind for kind, *_ in by_mark] == ["body_year", "document"]
    engine.dispose()


def test_the_store_gives_each_report_the_body_assign_bodies_gives_it(db_url):
    from pipeline import bodies

    engine = connect(db_url)
    results = [read_task(p) for p in FILES]
    assert [o.status for o in store_results(engine, results)] == ["ingested"] * len(FILES)
    given = select(ReportRow.id, ReportRow.body, ReportRow.body_label).order_by(ReportRow.id)
    with engine.connect() as conn:
        by_store = conn.execute(given).all()
        assert len(by_store) == len(FILES) and all(body and label for _, body, label in by_store)
        conn.execute(text("update reports set body = null, body_label = null"))
        assert bodies.assign_bodies(conn) == len(FILES)
        assert conn.execute(given).all() == by_store
        conn.rollback()
    engine.dispose()


@pytest.mark.parametrize("value", [
    "", "2021年，区政府信息公开工作在区委、区政府的正确领导下，深入贯彻落实《中华人民共和国政府信息公开条例》。",
    "收到申请1493件（含ABC-12.5%的Test_Case），办结率100%。\n第2页", "政府" * 200 + "，公开" * 3,
])
def test_segmenting_block_by_block_is_segmenting_the_text(value):
    jieba = load_jieba()
    whole = " ".join(w.lower() for w in jieba.cut_for_search(value) if search_words._WORD.search(w))
    assert search_words.segment(value) == whole
    assert search_words.segment(value) == whole  # once more, from the kept blocks


def test_kept_results_are_those_of_the_functions():
    from extractors import facts, labels, numerals

    texts = ["0", "—", "（-2）", "约12", "113400 万元", "百百伍", " 1 , 0 1 1 ", "（二）", "abc"]
    assert [numerals.parse_cell(t) for t in texts] == [numerals._parse_cell(t) for t in texts]
    assert numerals.parse_cell(None) == numerals._parse_cell(None)
    cands = [("received", ["本年新收政府信息公开申请数量"]), ("carried_over", ("上年结转政府信息公开申请数量",))]
    for label in ("一、本年新收政府信息公开申请数量", "二、上年结转政府信息公开申请数量（件）", "总计", ""):
        first = labels.best_match(label, iter(cands))
        assert labels.best_match(label, cands) == first
        ranked = labels._rank(labels.core(label), tuple((k, tuple(v)) for k, v in cands)) if labels.core(label) else None
        assert first == (None if ranked is None or ranked[0] < 80 else labels.Match(ranked[1], ranked[0], ranked[2]))
    tags = facts.tag("本机关共收到政府信息公开申请")
    tags.clear()  # a caller's list is its own: the kept tagging is not changed through it
    assert facts.tag("本机关共收到政府信息公开申请")


def test_insert_many_stores_what_sqlalchemy_stores(tmp_path):
    """SQLite: pipeline.writer._insert_many stores exactly the rows SQLAlchemy's own executemany stores (figures
    through their column type's bind processor), as a power of two of rows a statement within SQLite's bound
    on a statement's parameters."""
    from sqlalchemy import event

    from pipeline.db import FlagRow
    from pipeline.writer import _INSERT, _MAX_PARAMS, _insert_many

    engine = connect(f"sqlite:///{tmp_path / 'g.sqlite'}")
    payload = read_task(FIXTURES / "xuhui-2019-broken" / "xuhui-2019-broken.html").report  # identity flags
    sent = []
    event.listen(engine, "before_cursor_execute",
                 lambda conn, cursor, statement, params, context, many: sent.append((statement, params, many)))
    for row, rows in ((CellRow, payload.cells), (FlagRow, payload.flags)):
        assert rows
        table, width = row.__table__.name, len({**rows[0], "report_id": 2})  # the columns given
        with engine.connect() as conn:
            conn.exec_driver_sql("PRAGMA foreign_keys=OFF")  # no reports 1 and 2: the rows alone are compared
            conn.execute(_INSERT[row], [{**r, "report_id": 1} for r in rows])
            sent.clear()
            _insert_many(conn, row, [{**r, "report_id": 2} for r in rows])  # (report_id, key) is unique
            by_us = list(sent)
            stored = {rid: [r[2:] for r in conn.exec_driver_sql(
                f"SELECT *, typeof(report_id) FROM {table} WHERE report_id = ? ORDER BY id", (rid,))]
                for rid in (1, 2)}
            conn.rollback()
        assert stored[1] == stored[2] and len(stored[2]) == len(rows)
        counts = [len(params) // width for _, params, many in by_us]
        assert not any(many for _, _, many in by_us) and sum(counts) == len(rows)
        assert all(n & (n - 1) == 0 and n * width <= _MAX_PARAMS for n in counts)
        assert len(by_us) == bin(len(rows)).count("1") or max(counts) * 2 * width > _MAX_PARAMS
    engine.dispose()


def test_insert_many_splits_many_rows_within_the_parameter_bound(tmp_path):
    """More rows than one statement may hold go in several, none over SQLite's bound; every row stored once."""
    from sqlalchemy import event

    from pipeline.writer import _MAX_PARAMS, _insert_many

    engine = connect(f"sqlite:///{tmp_path / 'g.sqlite'}")
    cells = read_task(FIXTURES / "xuhui-2019-broken" / "xuhui-2019-broken.html").report.cells
    rows = [{**cells[i % len(cells)], "report_id": 1, "key": f"k{i}"} for i in range(301)]
    sent = []
    event.listen(engine, "before_cursor_execute",
                 lambda conn, cursor, statement, params, context, many: sent.append(len(params)))
    with engine.connect() as conn:
        conn.exec_driver_sql("PRAGMA foreign_keys=OFF")
        _insert_many(conn, CellRow, rows)
        keys = [k for (k,) in conn.exec_driver_sql("SELECT key FROM cells ORDER BY id")]
        conn.rollback()
    assert keys == [r["key"] for r in rows]
    assert len(sent) > 1 and all(n <= _MAX_PARAMS for n in sent)
    engine.dispose()


def test_stored_bytes_are_read_for_the_sizes_a_run_may_meet(db_url, tmp_path):
    """The unchanged-bytes answer of a run reads the stored documents of its files' sizes only (every one when
    they are many), and a second run of the same files still finds them all stored."""
    from extractors.version import EXTRACTOR_VERSION
    from pipeline.ingest import ingest
    from pipeline.writer import FEW_SIZES, stored_bytes

    engine = connect(db_url)
    results = [read_task(p) for p in FILES]
    assert [o.status for o in store_results(engine, results)] == ["ingested"] * 3
    by_size = {r.size: bytes.fromhex(r.sha256) for r in results}
    one = stored_bytes(engine, EXTRACTOR_VERSION, {results[0].size, 12345})
    assert one.digests == {bytes.fromhex(results[0].sha256)} and one.sizes == {results[0].size}
    assert results[0].sha256 in one and results[1].sha256 not in one
    assert stored_bytes(engine, EXTRACTOR_VERSION).digests == set(by_size.values())
    many = set(range(1, FEW_SIZES + 1)) | {results[1].size}  # too many for one IN (…): every document is read
    assert stored_bytes(engine, EXTRACTOR_VERSION, many).digests == set(by_size.values())
    assert stored_bytes(engine, EXTRACTOR_VERSION + 1, None).digests == set()
    assert [o.status for o in ingest(FILES[:2], engine, jobs=1)] == ["unchanged", "unchanged"]
    engine.dispose()


def test_sections_and_facts_get_their_ids_in_order_and_the_index_refers_to_them(db_url):
    """A document's sections and facts get ids in their order, above every row before them, with no gap left
    by a document refused between them, and its search rows refer to them; on SQLite the rows go many to a
    statement (a power of two each), so a document's statements grow with the logarithm of its sections and
    facts, not with them."""
    from sqlalchemy import event

    from pipeline.db import FactRow, SectionRow

    engine = connect(db_url)
    good, bad, later = (read_task(p) for p in FILES)
    assert len(later.report.facts) > 5 and len(later.report.sections) > 5
    statements = []
    event.listen(engine, "before_cursor_execute",
                 lambda conn, cursor, statement, params, context, many: statements.append(statement))
    outcomes = store_results(engine, [good, _refused(bad)]) + store_results(engine, [later])
    assert [o.status for o in outcomes] == ["ingested", "failed", "ingested"]
    with engine.connect() as conn:
        for table, payload_of in ((SectionRow, lambda r: r.report.sections), (FactRow, lambda r: r.report.facts)):
            rows = conn.execute(select(table.id, table.report_id, table.ord).order_by(table.id)).all()
            assert [row.ord for row in rows] == [p["ord"] for p in payload_of(good)] + [
                p["ord"] for p in payload_of(later)]
            assert [row.id for row in rows] == list(range(rows[0].id, rows[0].id + len(rows)))  # no gap left
        indexed = conn.execute(text("select kind, ref_id, path from search_index")).all()
        sections = dict(conn.execute(select(SectionRow.id, SectionRow.path)).all())
        facts = dict(conn.execute(select(FactRow.id, FactRow.section_path)).all())
        assert indexed and all((sections if kind == "section" else facts)[ref] == path
                               for kind, ref, path in indexed)
    if engine.dialect.name == "sqlite":
        per_table = {name: sum(f"INTO {name} " in s for s in statements) for name in ("sections", "facts")}
        for name, rows_of in (("sections", lambda r: r.report.sections), ("facts", lambda r: r.report.facts)):
            # good's and later's (bad failed before its sections): at most a statement per bit of their counts
            assert 2 <= per_table[name] <= sum(len(rows_of(r)).bit_length() for r in (good, later)), name
    engine.dispose()
