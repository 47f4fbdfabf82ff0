"""The review workflow on a real database, SQLite and PostgreSQL: corrections beside the published value that
outlive re-reading, flag reviews that outlive re-reading, forget/prune, and the late-publication check."""

from __future__ import annotations

import json
import shutil
from datetime import date
from pathlib import Path

import pytest

import extractors
from extractors import extract_report
from extractors.version import EXTRACTOR_VERSION
from pipeline.cli import main
from pipeline.db import connect
from pipeline.ingest import ingest
from pipeline.quality import Publication, deadline, late_flags
from tests.conftest import FIXTURES, query

BAOSHAN = FIXTURES / "baoshan-2020-text" / "baoshan-2020-report.txt"
XUHUI = FIXTURES / "xuhui-2019-broken"
RECEIVED = "requests.received.total"


def _run(capsys, *argv: str) -> tuple[int, str, str]:
    code = main(list(argv))
    out = capsys.readouterr()
    return code, out.out, out.err


@pytest.fixture
def raw(tmp_path: Path) -> Path:
    folder = tmp_path / "raw"
    folder.mkdir()
    shutil.copy(BAOSHAN, folder)
    shutil.copy(XUHUI / "xuhui-2019-broken.docx", folder)
    return folder


def _received(db: str, source: str) -> list[tuple]:
    """(value analysts use in report_summary, n_corrections, published cells.value) of one report."""
    return query(db, f'select s."{RECEIVED}", s.n_corrections, c.value from report_summary s '
                     "join cells c on c.report_id = s.report_id and c.key = :key where s.source = :source",
                 key=RECEIVED, source=source)


def _jsonl(db: str, tmp_path: Path, capsys) -> dict[str, dict]:
    out = tmp_path / "out.jsonl"
    assert main(["--db", db, "export", "-o", str(out)]) == 0
    capsys.readouterr()
    return {o["source"]: o for o in map(json.loads, out.read_text(encoding="utf-8").splitlines())}


# --- corrections ------------------------------------------------------------------------------------------------


def test_a_correction_stands_beside_the_published_value_and_survives_re_reading(raw, db_url, tmp_path, capsys):
    assert main(["--db", db_url, "ingest", str(raw)]) == 0
    capsys.readouterr()
    code, out, err = _run(capsys, "--db", db_url, "correct", "baoshan-2020-report.txt", RECEIVED, "665",
                          "--reason", "the PDF's table prints 665", "--author", "wang")
    assert code == 0, err
    assert out.startswith("corrected baoshan-2020-report.txt (report ")
    assert f"{RECEIVED}: published 663, analysts use 665 — the PDF's table prints 665 (wang)" in out
    assert _received(db_url, "baoshan-2020-report.txt") == [(665.0, 1, 663.0)]  # views corrected, cell as read
    assert query(db_url, 'select value from metrics where source = :s and metric = :m',
                 s="baoshan-2020-report.txt", m=RECEIVED) == [(665.0,)]
    assert query(db_url, f'select "{RECEIVED}" from report_requests where source = :s',
                 s="baoshan-2020-report.txt") == [(665.0,)]
    objects = _jsonl(db_url, tmp_path, capsys)
    baoshan = objects["baoshan-2020-report.txt"]
    assert baoshan["cells"][RECEIVED] == 663  # the export keeps the published cells
    [c] = baoshan["corrections"]
    assert (c["key"], c["value"], c["published"], c["reason"], c["author"], c["status"]) == (
        RECEIVED, 665, 663, "the PDF's table prints 665", "wang", "open")
    assert objects["xuhui-2019-broken.docx"]["corrections"] == []

    # the same file again: unchanged, the correction stands
    code, out, _ = _run(capsys, "--db", db_url, "ingest", str(raw))
    assert "2 file(s): 0 ingested, 0 replaced, 2 unchanged, 0 failed" in out
    assert _received(db_url, "baoshan-2020-report.txt") == [(665.0, 1, 663.0)]

    # a new extractor version reads every document again; the correction meets the new rows
    engine = connect(db_url)
    cell_ids = query(db_url, "select id from cells")
    outcomes = ingest([raw], engine, extractor_version=EXTRACTOR_VERSION + 1)
    engine.dispose()
    assert sorted(o.status for o in outcomes) == ["reread", "reread"]
    assert set(query(db_url, "select id from cells")).isdisjoint(cell_ids)  # rows made anew
    assert query(db_url, "select distinct extractor_version from documents") == [(EXTRACTOR_VERSION + 1,)]
    assert _received(db_url, "baoshan-2020-report.txt") == [(665.0, 1, 663.0)]

    # back to the current version through the command line: read again, said so, the correction still there
    code, out, _ = _run(capsys, "--db", db_url, "ingest", "-q", str(raw))
    assert code == 0
    assert "2 file(s): 0 ingested, 0 replaced, 0 unchanged, 0 failed, 0 not_report, 2 read again by the current extractor" in out
    assert _received(db_url, "baoshan-2020-report.txt") == [(665.0, 1, 663.0)]
    code, out, err = _run(capsys, "--db", db_url, "corrections")
    assert out.splitlines() == [
        "open\tbaoshan-2020-report.txt\trequests.received.total\tpublished 663\tcorrected 665\t"
        f"the PDF's table prints 665\twang\t{date.today():%Y-%m-%d}"]
    assert err.strip() == "1 correction(s)"


def test_a_correction_the_new_reading_agrees_with_is_resolved(raw, db_url, capsys):
    assert main(["--db", db_url, "ingest", str(raw)]) == 0
    # an older extractor that misread the cell: its reading, as it would have stored it
    query_update(db_url, "update cells set value = 603 where key = :k and report_id = (select r.id from reports r "
                         "join documents d on d.id = r.document_id where d.name = 'baoshan-2020-report.txt')",
                 k=RECEIVED)
    query_update(db_url, "update documents set extractor_version = :v", v=EXTRACTOR_VERSION - 1)
    assert main(["--db", db_url, "correct", "baoshan-2020-report.txt", RECEIVED, "663", "--reason", "misread",
                 "--author", "li"]) == 0
    assert _received(db_url, "baoshan-2020-report.txt") == [(663.0, 1, 603.0)]
    capsys.readouterr()
    code, out, _ = _run(capsys, "--db", db_url, "ingest", "-q", str(raw))  # the current extractor reads 663
    assert "2 read again by the current extractor" in out
    assert query(db_url, "select key, value, published, status from corrections") == [(RECEIVED, 663.0, 603.0,
                                                                                        "resolved")]
    assert _received(db_url, "baoshan-2020-report.txt") == [(663.0, 1, 663.0)]
    code, out, _ = _run(capsys, "--db", db_url, "corrections", "--status", "resolved")
    assert out.startswith("resolved\tbaoshan-2020-report.txt\trequests.received.total\tpublished 663\tcorrected 663")
    code, out, _ = _run(capsys, "--db", db_url, "corrections", "--status", "open")
    assert out == ""


def query_update(url: str, sql: str, **params) -> None:
    from sqlalchemy import create_engine, text
    from sqlalchemy.pool import NullPool

    engine = create_engine(url, poolclass=NullPool)
    with engine.begin() as conn:
        conn.execute(text(sql), params)
    engine.dispose()


def test_a_second_correction_replaces_the_first_and_a_bad_one_is_refused(raw, db_url, capsys):
    assert main(["--db", db_url, "ingest", str(raw)]) == 0
    [(report_id,)] = query(db_url, "select report_id from report_summary where source = 'baoshan-2020-report.txt'")
    [(sha,)] = query(db_url, "select sha256 from documents where name = 'baoshan-2020-report.txt'")
    capsys.readouterr()
    assert _run(capsys, "--db", db_url, "correct", str(report_id), RECEIVED, "1,000", "--reason", "a",
                "--author", "x")[0] == 0
    code, out, _ = _run(capsys, "--db", db_url, "correct", sha[:10], RECEIVED, "664", "--reason", "b", "--author", "y")
    assert code == 0 and "published 663, analysts use 664 — b (y)" in out
    assert query(db_url, "select value, reason, author from corrections") == [(664.0, "b", "y")]
    for argv, message in [
        (("nothere.pdf", RECEIVED, "1"), "no ingested report 'nothere.pdf'"),
        (("baoshan-2020-report.txt", "requests.no_such_key", "1"), "has no cell 'requests.no_such_key'"),
        (("baoshan-2020-report.txt", RECEIVED, "663"), "is published as 663 already: nothing to correct"),
        (("baoshan-2020-report.txt", RECEIVED, "many"), "'many' is not a number"),
    ]:
        code, out, err = _run(capsys, "--db", db_url, "correct", *argv, "--reason", "r", "--author", "a")
        assert code == 1 and out == "" and message in err and err.count("\n") == 1, (argv, err)
    assert query(db_url, "select count(*) from corrections") == [(1,)]
    code, out, err = _run(capsys, "--db", db_url, "correct", "baoshan-2020-report.txt", RECEIVED, "7")
    assert code == 1 and err == "gongkai correct: give VALUE, --reason and --author (or --withdraw)\n"

    code, out, _ = _run(capsys, "--db", db_url, "correct", "baoshan-2020-report.txt", RECEIVED, "--withdraw")
    assert code == 0 and out == (f"withdrew the correction of baoshan-2020-report.txt {RECEIVED}: analysts use "
                                 "the published 663 again, not 664\n")
    assert _received(db_url, "baoshan-2020-report.txt") == [(663.0, 0, 663.0)]
    code, out, err = _run(capsys, "--db", db_url, "correct", "baoshan-2020-report.txt", RECEIVED, "--withdraw")
    assert code == 1 and "no correction of 'requests.received.total'" in err


# --- flag reviews -----------------------------------------------------------------------------------------------


def _review_lines(out: str) -> list[list[str]]:
    return [line.split("\t") for line in out.splitlines()]


def test_a_correction_of_a_copy_that_does_not_count_says_so_and_all_copies_corrects_each(tmp_path, db_url, capsys):
    """A correction belongs to one copy's bytes; compare, check and search use the body-year's counted copy: a
    correction of another copy says which one counts, and --all-copies corrects every copy."""
    folder = tmp_path / "raw"
    folder.mkdir()
    shutil.copy(BAOSHAN, folder / "baoshan-2020-a.txt")
    (folder / "baoshan-2020-b.txt").write_text(BAOSHAN.read_text(encoding="utf-8") + "\n", encoding="utf-8")
    assert main(["--db", db_url, "ingest", str(folder)]) == 0
    ranks = dict(query(db_url, "select source, copy_rank from report_summary"))
    counted, other = sorted(ranks, key=ranks.get)
    assert ranks == {counted: 0, other: 1}

    def counted_value():
        return query(db_url, f'select "{RECEIVED}" from report_summary where copy_rank = 0')

    capsys.readouterr()
    code, out, err = _run(capsys, "--db", db_url, "correct", other, RECEIVED, "665", "--reason", "p. 4 prints 665",
                          "--author", "wang")
    assert code == 0 and out.startswith(f"corrected {other} ")
    assert f"not the copy of its body and year that compare, check and search count ({counted})" in err
    assert counted_value() == [(663,)]
    code, out, err = _run(capsys, "--db", db_url, "correct", other, RECEIVED, "665", "--reason", "p. 4 prints 665",
                          "--author", "wang", "--all-copies")
    assert code == 0 and counted_value() == [(665,)]
    assert sorted(line.split()[1] for line in out.splitlines()) == sorted([counted, other])
    assert query(db_url, "select count(*) from corrections") == [(2,)]


def test_flag_reviews_survive_re_reading_and_cover_every_copy(tmp_path, db_url, capsys):
    folder = tmp_path / "raw"
    folder.mkdir()
    shutil.copy(XUHUI / "xuhui-2019-broken.docx", folder)
    shutil.copy(BAOSHAN, folder)
    assert main(["--db", db_url, "ingest", str(folder)]) == 0
    capsys.readouterr()
    code, out, err = _run(capsys, "--db", db_url, "review", "--region", "徐汇", "--year", "2019")
    rows = _review_lines(out)
    assert code == 0 and err.strip() == "5 flag(s): 5 open, 0 confirmed, 0 dismissed"
    assert [r[1:5] for r in rows][:1] == [["open", "xuhui-2019-broken.docx", "上海市徐汇区人民政府 2019",
                                          "requests.balance"]]
    by_check = {r[4]: int(r[0]) for r in rows}
    assert set(by_check) == {"requests.balance", "requests.row_total", "appeals.group_total", "fact_mismatch"}

    code, out, _ = _run(capsys, "--db", db_url, "review", "dismiss", str(by_check["requests.row_total"]),
                        "--note", "a misprint in the column, the total is right", "--author", "zhao")
    assert code == 0
    assert out == (f"dismissed flag {by_check['requests.row_total']}: xuhui-2019-broken.docx (上海市徐汇区人民政府 "
                   "2019) requests.row_total [received]: sum of applicant columns = 702 but total = 703 — a "
                   "misprint in the column, the total is right\n")
    code, out, _ = _run(capsys, "--db", db_url, "review", "confirm", str(by_check["requests.balance"]),
                        "--note", "checked against the PDF")
    assert code == 0 and out.startswith(f"confirmed flag {by_check['requests.balance']}: ")
    # check lists each finding with the analyst's verdict
    code, out, _ = _run(capsys, "--db", db_url, "check", "--region", "徐汇")
    lines = [line for line in out.splitlines() if "row_total" in line or "balance" in line]
    assert any(line.endswith("[dismissed: a misprint in the column, the total is right]") for line in lines)
    assert any(line.endswith("[confirmed: checked against the PDF]") for line in lines)

    # read again by a new extractor (every flag row made anew), and another format's copy of the report added
    engine = connect(db_url)
    flag_ids = query(db_url, "select id from flags")
    assert {o.status for o in ingest([folder], engine, extractor_version=EXTRACTOR_VERSION + 1)} == {"reread"}
    shutil.copy(XUHUI / "xuhui-2019-broken.html", folder)
    ingest([folder], engine, extractor_version=EXTRACTOR_VERSION + 1)
    engine.dispose()
    assert set(query(db_url, "select id from flags")).isdisjoint(flag_ids)

    code, out, err = _run(capsys, "--db", db_url, "review", "--kind", "identity", "--status", "all")
    rows = _review_lines(out)
    statuses = sorted((r[2], r[4], r[1]) + tuple(r[6:]) for r in rows)
    assert statuses == [
        ("xuhui-2019-broken.docx", "appeals.group_total", "open"),
        ("xuhui-2019-broken.docx", "requests.balance", "confirmed", "checked against the PDF"),
        ("xuhui-2019-broken.docx", "requests.row_total", "dismissed", "a misprint in the column, the total is right"),
        ("xuhui-2019-broken.html", "appeals.group_total", "open"),
        ("xuhui-2019-broken.html", "requests.balance", "confirmed", "checked against the PDF"),
        ("xuhui-2019-broken.html", "requests.row_total", "dismissed", "a misprint in the column, the total is right"),
    ]
    assert err.strip() == "6 flag(s): 2 open, 2 confirmed, 2 dismissed"
    code, out, err = _run(capsys, "--db", db_url, "review", "--status", "dismissed")
    assert [r[4] for r in _review_lines(out)] == ["requests.row_total", "requests.row_total"]
    code, out, err = _run(capsys, "--db", db_url, "review", "--year", "2020")  # Baoshan's one flag
    assert [r[2:5] for r in _review_lines(out)] == [["baoshan-2020-report.txt", "上海市宝山区人民政府 2020",
                                                     "fact_mismatch"]]

    objects = _jsonl(db_url, tmp_path, capsys)
    reviewed = [(f.get("identity"), f["review"]) for f in objects["xuhui-2019-broken.html"]["flags"] if "review" in f]
    assert reviewed == [("requests.balance", {"status": "confirmed", "note": "checked against the PDF",
                                              "author": None}),
                        ("requests.row_total", {"status": "dismissed", "author": "zhao",
                                                "note": "a misprint in the column, the total is right"})]

    code, _, err = _run(capsys, "--db", db_url, "review", "confirm", "999999", "--note", "x")
    assert code == 1 and "no flag 999999" in err


# --- forget and prune -------------------------------------------------------------------------------------------


def test_forget_and_prune_remove_documents_whose_files_are_gone_and_keep_corrections(raw, db_url, tmp_path, capsys):
    assert main(["--db", db_url, "ingest", str(raw)]) == 0
    assert main(["--db", db_url, "correct", "baoshan-2020-report.txt", RECEIVED, "665", "--reason", "r",
                 "--author", "a"]) == 0
    capsys.readouterr()

    # a moved file is followed, not pruned
    (raw / "sub").mkdir()
    (raw / "xuhui-2019-broken.docx").rename(raw / "sub" / "xuhui.docx")
    code, out, _ = _run(capsys, "--db", db_url, "ingest", "--prune", str(raw))
    assert "2 file(s): 0 ingested, 0 replaced, 2 unchanged, 0 failed" in out and "forgot" not in out
    assert query(db_url, "select name from documents order by name") == [("baoshan-2020-report.txt",),
                                                                         ("xuhui.docx",)]

    # a deleted file is pruned, with its rows; its correction is kept, orphaned
    kept = tmp_path / "kept.txt"
    (raw / "baoshan-2020-report.txt").rename(kept)
    code, out, _ = _run(capsys, "--db", db_url, "ingest", "--prune", str(raw))
    assert code == 0
    assert f"forgot    {raw / 'baoshan-2020-report.txt'} (file gone)" in out.splitlines()
    assert query(db_url, "select name from documents") == [("xuhui.docx",)]
    assert query(db_url, "select count(*) from reports") == [(1,)]
    assert query(db_url, "select count(*) from cells c left join reports r on r.id = c.report_id "
                         "where r.id is null") == [(0,)]
    assert query(db_url, "select status, published from corrections") == [("orphaned", 663.0)]
    code, out, _ = _run(capsys, "--db", db_url, "corrections")
    assert out.startswith("orphaned\t") and "\tpublished 663\tcorrected 665\t" in out

    # the same bytes back, from anywhere: the correction applies again
    code, out, _ = _run(capsys, "--db", db_url, "ingest", str(kept))
    assert "1 ingested" in out
    assert _received(db_url, "kept.txt") == [(665.0, 1, 663.0)]
    assert query(db_url, "select status from corrections") == [("open",)]

    # forget by path (the file still there) or by folder; nothing to forget is an error
    code, out, _ = _run(capsys, "--db", db_url, "forget", str(kept))
    assert code == 0 and out.splitlines() == [f"forgot {kept}", "1 document(s) forgotten"]
    code, out, _ = _run(capsys, "--db", db_url, "forget", str(raw))
    assert code == 0 and out.splitlines() == [f"forgot {raw / 'sub' / 'xuhui.docx'}", "1 document(s) forgotten"]
    assert query(db_url, "select count(*) from documents") == [(0,)]
    code, out, _ = _run(capsys, "--db", db_url, "forget", str(raw))
    assert code == 1 and out == "0 document(s) forgotten\n"
    assert query(db_url, "select status from corrections") == [("orphaned",)]
    [(sha,)] = query(db_url, "select sha256 from corrections")
    code, out, _ = _run(capsys, "--db", db_url, "correct", sha[:12], RECEIVED, "--withdraw")  # orphaned: by sha256
    assert code == 0 and out == (f"withdrew the correction of {sha[:12]}… {RECEIVED}: analysts use the published "
                                 "663 again, not 665\n")
    assert query(db_url, "select count(*) from corrections") == [(0,)]


# --- published late ---------------------------------------------------------------------------------------------


def test_deadlines_follow_the_regulation():
    assert deadline(2020, "department", "county") == (date(2021, 1, 31), "条例 (2019) art. 49: a department's "
                                                                         "report by 31 January")
    assert deadline(2020, "general_office", "province")[0] == date(2021, 1, 31)
    assert deadline(2020, "government", "county")[0] == date(2021, 3, 31)
    assert deadline(2022, "government", "province")[0] == date(2023, 3, 31)
    assert deadline(2020, "township", "county") is None
    assert deadline(2020, None, None)[0] == date(2021, 3, 31)  # unknown kind: late under either rule
    assert deadline(2018, "department", "county") == (date(2019, 3, 31), "条例 (2008) art. 31: every organ by "
                                                                         "31 March")


def test_late_publication_flags():
    pubs = [
        Publication(1, "gov.pdf", "government", "county", 2020, date(2021, 3, 31)),  # on the day: in time
        Publication(2, "gov.docx", "government", "county", 2020, date(2021, 4, 2), "发布日期"),
        Publication(3, "dept.pdf", "department", "county", 2020, date(2021, 2, 1)),
        Publication(4, "dept.html", "department", "county", 2020, date(2021, 1, 31)),
        Publication(5, "town.pdf", "township", "county", 2020, date(2021, 6, 1)),
        Publication(6, "nodate.pdf", "department", "county", 2020, None),
        Publication(7, "old.pdf", "department", "county", 2018, date(2019, 3, 1)),  # the 2008 rule: in time
    ]
    flags = late_flags(pubs)
    assert [(f.report_id, f.check, f.found) for f in flags] == [(2, "quality.late", 2.0), (3, "quality.late", 1.0)]
    assert flags[0].message == ("quality.late: published 2021-04-02 (发布日期), 2 day(s) after the deadline "
                                "2021-03-31 for its 2020 report — 条例 (2019) art. 49: a county-or-higher "
                                "government's report by 31 March")
    assert flags[1].details == {"published": "2021-02-01", "published_source": None, "deadline": "2021-01-31",
                                "days_late": 1, "rule": "条例 (2019) art. 49: a department's report by 31 January"}


def test_the_publication_date_is_stored_and_checked(raw, db_url, monkeypatch, capsys):
    """The extractor's record carries ``published`` once the date reading lands; here it is set on the real
    record, as that reading will, to see the date stored and checked."""
    dates = {"baoshan-2020-report.txt": (date(2021, 4, 15), "落款日期"),
             "xuhui-2019-broken.docx": (date(2020, 3, 20), "发布日期")}

    def read_with_date(doc):
        report = extract_report(doc)
        report.published, report.published_source = dates[Path(doc.path).name]
        return report

    # pipeline.tasks calls it through the package, in this process (--jobs 1)
    monkeypatch.setattr(extractors, "extract_report", read_with_date)
    assert main(["--db", db_url, "ingest", "--jobs", "1", str(raw)]) == 0
    stored = query(db_url, "select d.name, r.published, r.published_source from reports r join documents d "
                           "on d.id = r.document_id order by d.name")
    assert [(n, str(p), s) for n, p, s in stored] == [("baoshan-2020-report.txt", "2021-04-15", "落款日期"),
                                                      ("xuhui-2019-broken.docx", "2020-03-20", "发布日期")]
    # Baoshan's government report of 2020 is 15 days past 31 March; Xuhui's of 2019 is in time
    assert query(db_url, "select source, \"check\", found from v_flags where \"check\" = 'quality.late'") == [
        ("baoshan-2020-report.txt", "quality.late", 15.0)]
    capsys.readouterr()
    code, out, err = _run(capsys, "--db", db_url, "review", "--kind", "quality.late")
    [row] = _review_lines(out)
    assert row[1:5] == ["open", "baoshan-2020-report.txt", "上海市宝山区人民政府 2020", "quality.late"]
    assert row[5].startswith("quality.late: published 2021-04-15 (落款日期), 15 day(s) after the deadline 2021-03-31")
    # the verdict outlives the quality refresh that makes every quality flag anew
    assert main(["--db", db_url, "review", "dismiss", row[0], "--note", "the portal reposted it"]) == 0
    shutil.copy(BAOSHAN, raw / "copy-of-baoshan.txt")  # any change refreshes the quality flags
    dates["copy-of-baoshan.txt"] = dates["baoshan-2020-report.txt"]
    (raw / "copy-of-baoshan.txt").write_text(BAOSHAN.read_text(encoding="utf-8") + "\n", encoding="utf-8")
    assert main(["--db", db_url, "ingest", "--jobs", "1", str(raw)]) == 0
    capsys.readouterr()
    code, out, err = _run(capsys, "--db", db_url, "review", "--kind", "quality.late", "--status", "all")
    # the copy is the same body-year: its finding is the counted copy's, flagged once and dismissed with it
    assert sorted((r[1], r[2]) for r in _review_lines(out)) == [("dismissed", "baoshan-2020-report.txt")]
