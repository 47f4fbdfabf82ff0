"""Reports as portals and office suites publish them (tests/fixtures/portal/, built by
tests/fixture_builder/portal_pages.py): identity from <title>/<meta>/信息公开目录 and from every year form, the
publication date, portal chrome, side-by-side and wrapped tables, run-together headings, and documents that are
not reports at all."""

from __future__ import annotations

import datetime as dt
import json
import re
from decimal import Decimal
from pathlib import Path

import pytest
from sqlalchemy import select
from sqlalchemy.orm import Session

from extractors import extract_report, read_document, read_report
from extractors.identity import normalise_years, parse_date
from extractors.readers.html import read as read_html
from extractors.readers.text import parse_text
from pipeline.db import DocumentRow, connect
from pipeline.ingest import ingest
from tests.conftest import FIXTURES

PORTAL = FIXTURES / "portal"


def _pages() -> list[tuple[Path, dict]]:
    out = []
    for truth_file in sorted(PORTAL.glob("*.json")):
        truth = json.loads(truth_file.read_text(encoding="utf-8"))
        for f in sorted(PORTAL.glob(truth_file.stem + ".*")):
            if f.suffix != ".json":
                out.append((f, truth))
    return out


REPORTS = [(f, t) for f, t in _pages() if not t["expect"]["not_report"]]
NOT_REPORTS = [(f, t) for f, t in _pages() if t["expect"]["not_report"]]


def _id(item):
    return item[0].name


def test_the_committed_set_covers_every_kind():
    truths = [t for _, t in REPORTS]
    assert {t["fmt"] for t in truths} >= {"portal", "fragment", "docx", "pdf"}
    assert {t["tables"] for t in truths} >= {"side_by_side", "wrapped", "zeros_empty", "total_empty"}
    assert {t["year_form"] for t in truths} >= {"circle", "ling", "fullwidth"} and any(t["period_only"] for t in truths)
    assert {t["run_together"] for t in truths} >= {"before", "after"}
    assert {t["expect"]["issuer_kind"] for t in truths} == {"government", "government_organ", "general_office",
                                                             "department"}
    assert len(NOT_REPORTS) == 3


@pytest.mark.parametrize("path, truth", REPORTS, ids=[p.name for p, _ in REPORTS])
def test_identity_and_publication_date(path, truth):
    report = read_report(path)
    exp = truth["expect"]
    got = {"region": report.region, "admin_code": report.admin_code, "year": report.year,
           "edition": report.edition, "issuer": report.issuer, "issuer_kind": report.issuer_kind,
           "published": report.published.isoformat() if report.published else None,
           "published_source": report.published_source}
    assert got == {k: exp[k] for k in got}
    assert report.not_report is None


@pytest.mark.parametrize("path, truth", REPORTS, ids=[p.name for p, _ in REPORTS])
def test_every_cell_as_printed(path, truth):
    values = read_report(path).values()
    wrong = {k: (v, values.get(k)) for k, v in truth["cells"].items()
             if v is not None and values.get(k) != Decimal(v)}
    assert not wrong


@pytest.mark.parametrize("path, truth", REPORTS, ids=[p.name for p, _ in REPORTS])
def test_sections_one_to_six_and_their_text(path, truth):
    report = read_report(path)
    compact = lambda s: re.sub(r"\s+", "", s)  # noqa: E731
    titles = [compact(s.title) for s in report.sections if s.level == 1]
    assert titles == [compact(h) for h in truth["expect"]["headings"]]
    under: dict[str, str] = {}
    for s in report.sections:
        if s.path:
            under[compact(s.path[0])] = under.get(compact(s.path[0]), "") + compact(s.title + s.text)
    top = None
    for item in truth["body"]:
        ((kind, text),) = item.items()
        if kind == "h1":
            top = compact(text)
        elif kind in ("p", "h2", "h3") and top:
            assert compact(text)[:40] in under[top], (top, text[:40])


@pytest.mark.parametrize("path, truth", NOT_REPORTS, ids=[p.name for p, _ in NOT_REPORTS])
def test_not_a_report_says_why(path, truth):
    reason = read_report(path).not_report
    assert reason and "not a" in reason


def test_ingest_records_not_reports_and_never_a_body_year(tmp_path):
    engine = connect(str(tmp_path / "p.sqlite"))
    files = [f for f, _ in NOT_REPORTS] + [REPORTS[0][0]]
    outcomes = {Path(o.path).name: o for o in ingest(files, engine)}
    assert {n: o.status for n, o in outcomes.items()} == {
        **{f.name: "not_report" for f, _ in NOT_REPORTS}, REPORTS[0][0].name: "ingested"}
    assert all(o.reason for o in outcomes.values() if o.status == "not_report")
    with Session(engine) as session:
        rows = session.execute(select(DocumentRow.name, DocumentRow.status, DocumentRow.error)).all()
        assert sum(r.status == "not_report" for r in rows) == 3
        assert all(session.get(DocumentRow, d.id).report is None
                   for d in session.scalars(select(DocumentRow).where(DocumentRow.status == "not_report")))
    again = ingest(files, engine)  # idempotent: the same bytes again add nothing
    assert {o.status for o in again} == {"unchanged"}


# --- the mechanisms, one by one ---------------------------------------------------------------------------------

BODY = ("本年度报告根据《中华人民共和国政府信息公开条例》编制，统计期限自{y}年1月1日起至{y}年12月31日止。\n"
        "一、总体情况\n" + "本年度政务公开工作平稳推进。" * 5 + "\n")


@pytest.mark.parametrize("written", ["二○二二", "二〇二二", "二零二二", "２０２２", "2022"])
def test_year_forms_in_the_title(written):
    report = extract_report(parse_text(f"{written}年合江县政府信息公开工作年度报告\n" + BODY.format(y=written)))
    assert (report.year, report.admin_code) == (2022, "510522")


def test_a_title_without_a_year_takes_the_period_line():
    report = extract_report(parse_text("泸县政府信息公开工作年度报告\n" + BODY.format(y="二○二一")))
    assert (report.year, report.admin_code, report.edition) == (2021, "510521", "ed2021")


def test_year_normalisation_leaves_other_numerals():
    assert normalise_years("二○二二年第一季度，共１２件") == "2022年第一季度,共12件"


@pytest.mark.parametrize("text, date", [
    ("2023年1月15日", dt.date(2023, 1, 15)), ("二〇二三年一月十五日", dt.date(2023, 1, 15)),
    ("二○二四年二月二十九日", dt.date(2024, 2, 29)), ("2023-01-05 09:30", dt.date(2023, 1, 5)),
    ("２０２３年０３月３１日", dt.date(2023, 3, 31)), ("2023年2月30日", None), ("本年度", None),
])
def test_dates_as_printed(text, date):
    assert parse_date(text) == date


@pytest.mark.parametrize("head, kind, issuer", [
    ("重庆市2020年政府信息公开工作年度报告", "government", "重庆市人民政府"),
    ("重庆市人民政府机关2020年政府信息公开工作年度报告", "government_organ", "重庆市人民政府机关"),
    ("泸州市人民政府本级2020年政府信息公开工作年度报告", "government_organ", "四川省泸州市人民政府机关"),
    ("上海市人民政府办公厅2020年政府信息公开工作年度报告", "general_office", "上海市人民政府办公厅"),
    ("江苏省人民政府关于2020年政府信息公开工作年度报告\n江苏省人民政府办公厅", "government", "江苏省人民政府"),
])
def test_the_titles_subject_decides_the_body(head, kind, issuer):
    report = extract_report(parse_text(head + "\n" + BODY.format(y="2020")))
    assert (report.issuer_kind, report.issuer) == (kind, issuer)


def test_signature_and_closing_date():
    text = ("2022年政府信息公开工作年度报告\n" + BODY.format(y="2022") + "六、其他需要报告的事项\n无。\n"
            "合江县教育局\n二〇二三年一月十五日\n")
    report = extract_report(parse_text(text))
    assert (report.issuer, report.issuer_kind) == ("四川省泸州市合江县教育局", "department")
    assert (report.published, report.published_source) == (dt.date(2023, 1, 15), "closing_line")


def test_portal_chrome_never_names_the_issuer(tmp_path):
    page = ("<html><head><title>2021年泸县政府信息公开工作年度报告_泸县人民政府</title>"
            '<meta name="PubDate" content="2022-01-20 10:00"></head><body>'
            '<div class="nav"><a href="http://www.gov.cn">国务院</a> 首页 政务公开</div>'
            "<div><p>" + BODY.format(y="2021").replace("\n", "</p><p>") + "</p></div>"
            '<div class="footer"><p>主办单位：泸县人民政府办公室</p><p><a href="http://www.gov.cn">国务院</a></p></div>'
            "</body></html>")
    doc = read_html(tmp_path / "p.html", page.encode("utf-8"))
    assert "国务院" not in doc.text and "主办单位" not in doc.text
    report = extract_report(doc)
    assert (report.issuer, report.year, report.published) == ("四川省泸州市泸县人民政府", 2021, dt.date(2022, 1, 20))


def test_a_site_header_is_no_issuer_line(tmp_path):
    page = ('<html><head><meta name="ArticleTitle" content="2022年政府信息公开工作年度报告"></head><body>'
            '<div class="header"><div class="logo">上海市宝山区人民政府</div></div>'
            '<table><tr><td>索引号：</td><td>SY-2023-01</td><td>发布机构：</td><td>上海市宝山区教育局</td></tr>'
            '<tr><td>发文日期：</td><td>2023年01月30日</td></tr></table>'
            "<div><p>" + BODY.format(y="2022").replace("\n", "</p><p>") + "</p></div></body></html>")
    report = extract_report(read_html(tmp_path / "p.html", page.encode("utf-8")))
    assert (report.issuer, report.issuer_kind) == ("上海市宝山区教育局", "department")
    assert (report.published, report.published_source) == (dt.date(2023, 1, 30), "portal")


def test_run_together_headings_open_their_sections():
    text = ("2022年泸县政府信息公开工作年度报告\n本报告统计期限自2022年1月1日起至2022年12月31日止。一、总体情况\n"
            "全年主动公开政府信息1200条。二、主动公开政府信息情况\n"
            "三、收到和处理政府信息公开申请情况全年新收申请12件。\n"
            "（一）主动公开全年公开文件36件。\n")
    titles = [(s.level, s.title) for s in extract_report(parse_text(text)).sections if s.level]
    assert titles == [(1, "一、总体情况"), (1, "二、主动公开政府信息情况"), (1, "三、收到和处理政府信息公开申请情况"),
                      (2, "（一）主动公开")]


def test_an_article_fragment_is_read_as_html():
    doc = read_document(next(f for f, t in REPORTS if t["fmt"] == "fragment"))
    assert doc.format == "html" and len(doc.tables) >= 3


def test_an_index_page_of_reports_is_not_a_report(tmp_path):
    items = "".join(f'<li><a href="#">{y}年泸州市政府信息公开工作年度报告</a><span>{y + 1}-01-20</span></li>'
                    for y in range(2018, 2024))
    page = f"<html><head><title>政府信息公开年报_泸州市人民政府</title></head><body><ul>{items}</ul></body></html>"
    report = extract_report(read_html(tmp_path / "i.html", page.encode("utf-8")))
    assert report.not_report and "index page" in report.not_report


def test_a_notice_named_only_in_the_head_is_not_a_report(tmp_path):
    page = ('<html><head><meta name="ArticleTitle" content="关于印发《泸州市2023年政务公开工作要点》的通知"></head>'
            "<body><p>各区县人民政府：</p><p>现将《要点》印发给你们，请认真贯彻落实。</p></body></html>")
    report = extract_report(read_html(tmp_path / "n.html", page.encode("utf-8")))
    assert report.not_report and report.not_report.startswith("a notice")


def test_the_publication_date_is_not_the_date_written(tmp_path):
    page = ('<html><head><title>泸县2022年政府信息公开工作年度报告_泸县人民政府</title></head><body>'
            "<div><span>成文日期：2023-01-10</span> <span>发布日期：2023-01-18</span></div>"
            "<div><p>" + BODY.format(y="2022").replace("\n", "</p><p>") + "</p></div></body></html>")
    report = extract_report(read_html(tmp_path / "d.html", page.encode("utf-8")))
    assert (report.published, report.published_source) == (dt.date(2023, 1, 18), "portal")


def test_a_notice_that_carries_the_filled_report_is_a_report(tmp_path):
    """关于公布…年度报告的通知 with the report in its body is the report; a notice without figures is not."""
    page = read_document(REPORTS[0][0])
    page.meta["title"] = "关于公布2022年政府信息公开工作年度报告的通知"
    page.meta.pop("title_tag", None)
    report = extract_report(page)
    assert report.not_report is None and len(report.values()) > 100
    blank = extract_report(parse_text("关于印发政府信息公开工作年度报告格式的通知\n各省、自治区、直辖市人民政府办公厅：\n"))
    assert blank.not_report and blank.not_report.startswith("a notice")
