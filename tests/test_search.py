"""pipeline.search: Chinese full-text search over sections and facts, kept with the ingest transaction."""

from __future__ import annotations

import argparse
import shutil
import sqlite3

import pytest

from pipeline import search
from pipeline.db import connect
from pipeline.ingest import ingest
from tests.conftest import ROOT

RAW = ROOT / "data" / "raw"


@pytest.fixture(scope="module")
def loaded(tmp_path_factory):
    folder = tmp_path_factory.mktemp("raw")
    for name in ("baoshan-2020-report.txt", "hejiang-2022.docx"):
        shutil.copy(RAW / name, folder / name)
    db = str(tmp_path_factory.mktemp("db") / "gongkai.sqlite")
    engine = connect(db)
    assert [o.status for o in ingest([folder], engine)] == ["ingested", "ingested"]
    return folder, db, engine


def test_two_character_words_hit_the_right_sections(loaded):
    _, _, engine = loaded
    hits = search.search(engine, "信用", limit=50)
    sections = [h for h in hits if h.kind == "section"]
    # 信用 is in two sections of the seed and nowhere in the Hejiang report
    assert {h.path.split(" / ")[-1] for h in sections} == {"1、全面推进决策、管理、服务、执行、结果公开",
                                                         "2、扎实做好重点领域公开"}
    assert sections[0].path.endswith("1、全面推进决策、管理、服务、执行、结果公开")  # the one about 信用
    assert all((h.region, h.year, h.source) == ("上海市宝山区", 2020, "baoshan-2020-report.txt") for h in hits)
    assert all("信用" in h.snippet for h in hits)
    assert any(h.kind == "fact" and "162条" in h.snippet for h in hits)

    hits = search.search(engine, "公开", limit=200)
    paths = {(h.source, h.path) for h in hits if h.kind == "section"}
    assert ("baoshan-2020-report.txt", "一、总体情况 / （二）依申请公开方面") in paths
    assert ("hejiang-2022.docx", "一、总体情况 / （一）主动公开") in paths
    assert all("公开" in h.snippet for h in hits)
    assert hits[0].kind == "section"


def test_long_words_and_their_parts_both_hit(loaded):
    _, _, engine = loaded
    long_word = search.search(engine, "政府信息公开", limit=200)
    part = search.search(engine, "信息", limit=200)
    assert long_word and {(h.kind, h.path, h.source) for h in long_word} <= {(h.kind, h.path, h.source) for h in part}
    assert search.search(engine, "罚没款")[0].snippet.find("182.18 万元") >= 0
    assert search.search(engine, "量子计算") == []
    assert search.search(engine, "  ，。 ") == []


def test_replacing_a_document_replaces_its_index_rows(loaded, tmp_path):
    folder, db, engine = loaded
    before = sqlite3.connect(db).execute("select count(*) from search_index").fetchone()[0]
    text = (folder / "baoshan-2020-report.txt").read_text(encoding="utf-8")
    (folder / "baoshan-2020-report.txt").write_text(text.replace("修复162条信用事项", "修复163条诚信事项"),
                                                     encoding="utf-8")
    assert [o.status for o in ingest([folder], engine)] == ["replaced", "unchanged"]
    con = sqlite3.connect(db)
    after = con.execute("select count(*) from search_index").fetchone()[0]
    orphans = con.execute("select count(*) from search_index where report_id not in (select id from reports)")
    assert after == before and orphans.fetchone()[0] == 0
    assert any("163条" in h.snippet for h in search.search(engine, "诚信"))
    assert not any("162条" in h.snippet for h in search.search(engine, "信用", limit=100))


def test_the_command(loaded, capsys):
    _, db, _ = loaded
    parser = argparse.ArgumentParser(prog="gongkai")
    search.register(parser.add_subparsers(dest="command"))
    args = parser.parse_args(["search", "依申请公开", "--limit", "3", "--db", db])
    assert args.run(args) == 0
    out = capsys.readouterr().out.strip().splitlines()
    assert len(out) == 3
    assert all(line.split("\t")[1] in ("section", "fact") and "依申请公开" in line for line in out)
    assert any("（二）依申请公开" in line.split("\t")[2] for line in out)
    args = parser.parse_args(["search", "量子计算", "--db", db])
    assert args.run(args) == 1


def test_a_database_loaded_before_search_existed_is_indexed_on_first_search(loaded, tmp_path):
    _, db, _ = loaded
    copy = tmp_path / "old.sqlite"
    con = sqlite3.connect(copy)
    sqlite3.connect(db).backup(con)  # the WAL's pages too
    con.execute("drop table search_index")
    con.commit()
    con.close()
    parser = argparse.ArgumentParser(prog="gongkai")
    search.register(parser.add_subparsers(dest="command"))
    args = parser.parse_args(["search", "信用", "--db", str(copy)])
    assert args.run(args) == 0


def test_segmentation_keeps_domain_words_and_their_parts():
    words = search.segment("政府信息公开工作年度报告，依申请公开").split()
    assert {"政府信息公开", "公开", "信息", "依申请公开", "申请"} <= set(words)
    assert "，" not in words
