"""The pipeline on a real database, SQLite and PostgreSQL: batch ingest with bad files, idempotence, replacement,
export, check."""

from __future__ import annotations

import json
import shutil
import zipfile
from pathlib import Path

import pytest

from pipeline.cli import main
from tests.conftest import FIXTURES, ROOT, query

GOOD = [
    FIXTURES / "baoshan-2020-text" / "baoshan-2020-report.txt",
    FIXTURES / "baoshan-2020" / "baoshan-2020.pdf",
    FIXTURES / "baoshan-2020" / "baoshan-2020.docx",
    FIXTURES / "baoshan-2020" / "baoshan-2020.html",
    FIXTURES / "hejiang-2022" / "hejiang-2022.pdf",
]


@pytest.fixture
def batch(tmp_path: Path) -> Path:
    """A folder of good reports and the bad inputs real collections contain."""
    folder = tmp_path / "raw"
    (folder / "sub").mkdir(parents=True)
    for i, path in enumerate(GOOD):
        shutil.copy(path, (folder if i % 2 else folder / "sub") / path.name)
    (folder / "renamed-text.pdf").write_text("这不是PDF文件，只是改了扩展名的文本。", encoding="utf-8")
    (folder / "empty.docx").write_bytes(b"")
    broken = folder / "corrupt.docx"
    with zipfile.ZipFile(broken, "w") as z:
        z.writestr("word/document.xml", "<w:document><unclosed")
    (folder / "truncated.docx").write_bytes(GOOD[2].read_bytes()[:5000])
    return folder


def _counts(db: str) -> dict[str, int]:
    return {t: query(db, f"select count(*) from {t}")[0][0] for t in ("documents", "reports", "cells", "sections",
                                                                       "flags")}


def test_batch_loads_good_files_and_records_bad_ones(batch, db_url, capsys):
    assert main(["--db", db_url, "ingest", str(batch)]) == 0
    out = capsys.readouterr()
    assert "9 file(s): 5 ingested, 0 replaced, 0 unchanged, 4 failed" in out.out
    failed = dict(query(db_url, "select name, error from documents where status = 'failed'"))
    assert query(db_url, "select count(*) from reports") == [(5,)]
    assert failed["renamed-text.pdf"] == "named .pdf but holds plain text, not a PDF file"
    assert failed["empty.docx"] == "empty file"
    assert failed["corrupt.docx"].startswith("unreadable docx file")
    assert failed["truncated.docx"].startswith("damaged ZIP container")
    for name, reason in failed.items():
        assert "\n" not in reason
        assert f"FAILED {batch}" in out.err and name in out.err


def test_reingest_is_idempotent_and_a_changed_file_replaces_its_rows(batch, db_url, capsys):
    main(["--db", db_url, "ingest", str(batch)])
    first = _counts(db_url)
    main(["--db", db_url, "ingest", str(batch)])
    assert _counts(db_url) == first
    assert "0 ingested, 0 replaced, 5 unchanged, 4 failed" in capsys.readouterr().out

    # the same path with other bytes: its old rows go, the new ones come, nothing else moves
    target = next(batch.rglob("hejiang-2022.pdf"))
    shutil.copy(FIXTURES / "xuhui-2019-broken" / "xuhui-2019-broken.pdf", target)
    main(["--db", db_url, "ingest", str(batch)])
    assert "1 replaced" in capsys.readouterr().out
    assert _counts(db_url)["documents"] == first["documents"]
    regions = {r for (r,) in query(db_url, "select region from reports")}
    assert regions == {"上海市宝山区", "上海市徐汇区"}


def test_export_contract_and_renditions_agree(batch, db_url, tmp_path, capsys):
    main(["--db", db_url, "ingest", str(batch)])
    out_file = tmp_path / "out.jsonl"
    assert main(["--db", db_url, "export", "--format", "jsonl", "-o", str(out_file)]) == 0
    objects = [json.loads(line) for line in out_file.read_text(encoding="utf-8").splitlines()]
    assert len(objects) == 5
    for obj in objects:
        assert set(obj) == {"source", "sha256", "format", "region", "admin_code", "issuer", "year", "edition",
                            "cells", "flags", "sections", "facts", "corrections"}
        assert obj["corrections"] == []  # the analysts' corrections beside the published cells (test_review)
    baoshan = [o for o in objects if o["source"].startswith("baoshan")]
    assert sorted(o["format"] for o in baoshan) == ["docx", "html", "pdf", "text"]
    for o in baoshan:
        assert (o["region"], o["admin_code"], o["year"], o["edition"]) == ("上海市宝山区", "310113", 2020, "ed2019")
        assert o["cells"]["requests.received.total"] == 663
        assert len(o["cells"]) == 198
        assert o["cells"] == baoshan[0]["cells"]
        assert [(f["kind"], f["where"]) for f in o["flags"]] == [("fact_mismatch", "disclosed_and_partial")]
        assert [s["title"] for s in o["sections"] if s["level"] == 1][0] == "一、总体情况"
    hejiang = next(o for o in objects if o["source"].startswith("hejiang"))
    assert hejiang["cells"]["proactive.art20_8.fees.amount_yuan"] == 567800


def test_csv_export_has_a_row_per_template_cell(batch, db_url, tmp_path):
    main(["--db", db_url, "ingest", str(batch)])
    out_file = tmp_path / "cells.csv"
    main(["--db", db_url, "export", "--format", "csv", "-o", str(out_file)])
    lines = out_file.read_text(encoding="utf-8").splitlines()
    assert lines[0].startswith("source,sha256,format,region,admin_code")
    assert len(lines) == 1 + 4 * 198 + 200


def test_check_lists_identity_flags(db_url, capsys):
    main(["--db", db_url, "ingest", str(FIXTURES / "xuhui-2019-broken")])
    capsys.readouterr()
    main(["--db", db_url, "check", "--kind", "identity"])
    lines = capsys.readouterr().out.splitlines()
    assert len(lines) == 3  # three breaks, once: the renditions are copies of one body-year
    main(["--db", db_url, "check", "--kind", "identity", "--all-copies"])
    assert len(capsys.readouterr().out.splitlines()) == 3 * 3  # in each of the PDF, DOCX and HTML renditions
    assert any("requests.row_total [received]: sum of applicant columns = 702 but total = 703" in ln for ln in lines)
    rows = query(db_url, "select expected, found from flags where identity = 'appeals.group_total'")
    assert rows == [(20.0, 21.0)] * 3


def test_bundled_samples_ingest(db_url, capsys):
    assert main(["--db", db_url, "ingest", str(ROOT / "data" / "raw")]) == 0
    assert ", 0 failed" in capsys.readouterr().out


def test_a_file_overwritten_with_bytes_stored_elsewhere_leaves_no_stale_rows(tmp_path, db_url, capsys):
    a, b = tmp_path / "a.txt", tmp_path / "b.txt"
    shutil.copy(GOOD[0], a)  # Baoshan 2020, the seed text
    b.write_text(GOOD[0].read_text(encoding="utf-8").replace("宝山区", "闵行区"), encoding="utf-8")
    main(["--db", db_url, "ingest", str(tmp_path)])
    shutil.copy(b, a)  # a now holds b's bytes, which are stored under b's path
    main(["--db", db_url, "ingest", str(tmp_path)])
    assert "0 ingested, 0 replaced, 2 unchanged, 0 failed" in capsys.readouterr().out
    assert query(db_url, "select d.name, r.region from documents d join reports r on r.document_id = d.id") == [
        ("b.txt", "上海市闵行区")]


def test_a_path_that_cannot_be_resolved_fails_alone(tmp_path, db_url, capsys):
    folder = tmp_path / "raw"
    folder.mkdir()
    loop = folder / "loop.txt"
    loop.symlink_to(loop)  # a symlink to itself: reading it fails
    main(["--db", db_url, "ingest", str(loop), str(GOOD[0])])
    out = capsys.readouterr().out
    assert "2 file(s): 1 ingested, 0 replaced, 0 unchanged, 1 failed" in out
    assert "loop.txt" in out
