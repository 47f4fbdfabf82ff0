"""What an analyst sees in Datasette: ``gongkai serve`` on a database file of another name than gongkai.sqlite,
driven by Debian's chromium through chromedriver (selenium). The copy_rank = 0 and n_flags = 0 filters return
their rows, the headers are Chinese labels with units, whole figures show as 663, the column descriptions are
folded below the rows, facets and the full-text search box work; and ``sqlite-utils search`` uses the index.

GONGKAI_SCREENSHOTS=folder keeps the pages' screenshots there (the default is the test's temporary folder)."""

from __future__ import annotations

import json
import os
import shutil
import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

import pytest

from tests.analyst_data import series_db, truth  # noqa: F401 (series_db is a fixture)
from tests.conftest import query

NAME = "reports2024"  # not gongkai: the metadata must follow the file's name
CHROMIUM, CHROMEDRIVER = shutil.which("chromium"), shutil.which("chromedriver")
RECEIVED_ZH = "本年新收政府信息公开申请数量 · 总计 [件]"


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@pytest.fixture(scope="module")
def db(series_db, tmp_path_factory) -> str:
    path = tmp_path_factory.mktemp("served") / f"{NAME}.sqlite"
    shutil.copy(series_db, path)
    return str(path)


@pytest.fixture(scope="module")
def server(db):
    port = _free_port()
    gongkai = Path(sys.executable).with_name("gongkai")
    proc = subprocess.Popen([str(gongkai), "--db", db, "serve", "--port", str(port)], stdout=subprocess.PIPE,
                            stderr=subprocess.STDOUT)
    base = f"http://127.0.0.1:{port}"
    try:
        deadline = time.monotonic() + 60
        while True:
            try:
                urllib.request.urlopen(base + "/-/versions.json", timeout=2).read()
                break
            except OSError:
                if proc.poll() is not None or time.monotonic() > deadline:
                    proc.kill()
                    pytest.fail(f"gongkai serve did not start: {proc.communicate(timeout=10)[0][-2000:]!r}")
                time.sleep(0.3)
        yield base
    finally:
        proc.terminate()  # the process is Datasette itself (exec)
        try:
            proc.wait(timeout=10)
        except subprocess.TimeoutExpired:
            proc.kill()
            proc.wait(timeout=10)


@pytest.fixture(scope="module")
def browser():
    if not (CHROMIUM and CHROMEDRIVER):
        pytest.skip("no chromium/chromedriver: apt-get install chromium chromium-driver (.ci/run does)")
    from selenium import webdriver
    from selenium.webdriver.chrome.service import Service

    options = webdriver.ChromeOptions()
    options.binary_location = CHROMIUM
    for arg in ("--headless=new", "--no-sandbox", "--disable-dev-shm-usage", "--window-size=1400,1000",
                "--lang=zh-CN"):
        options.add_argument(arg)
    driver = webdriver.Chrome(service=Service(CHROMEDRIVER), options=options)
    driver.set_page_load_timeout(60)
    try:
        yield driver
    finally:
        driver.quit()


@pytest.fixture(scope="module")
def shots(tmp_path_factory) -> Path:
    folder = Path(os.environ.get("GONGKAI_SCREENSHOTS") or tmp_path_factory.mktemp("screens"))
    folder.mkdir(parents=True, exist_ok=True)
    return folder


def _rows(driver) -> list[dict[str, str]]:
    from selenium.webdriver.common.by import By

    columns = [th.get_attribute("data-column") for th in driver.find_elements(By.CSS_SELECTOR,
                                                                                "table.rows-and-columns thead th")]
    return [dict(zip(columns, (td.text for td in tr.find_elements(By.TAG_NAME, "td"))))
            for tr in driver.find_elements(By.CSS_SELECTOR, "table.rows-and-columns tbody tr")]


def test_copy_rank_filter_rows_chinese_labels_and_descriptions_below(server, browser, db, shots):
    from selenium.webdriver.common.by import By

    url = f"sqlite:///{db}"
    browser.get(f"{server}/{NAME}/report_summary?copy_rank=0&_size=max")
    expected = query(url, "select count(*) from report_summary where copy_rank = 0")[0][0]
    assert expected == 9
    rows = _rows(browser)
    assert len(rows) == expected
    assert f"{expected} rows where copy_rank = 0" in browser.find_element(By.TAG_NAME, "h3").text
    header = browser.find_element(By.CSS_SELECTOR, 'th[data-column="requests.received.total"]')
    assert header.text.splitlines() == [RECEIVED_ZH, "requests.received.total"]
    assert browser.find_element(By.CSS_SELECTOR, 'th[data-column="copy_rank"]').text.startswith("副本序号")
    by_source = {r["source"]: r for r in rows}
    assert by_source["baoshan-2020.docx"]["requests.received.total"] == str(
        truth("baoshan-2020")["cells"]["requests.received.total"])  # 663, not 663.0
    assert by_source["baoshan-2020.docx"]["copy_rank"] == "0"
    # descriptions: not above the rows, folded below them
    assert not browser.find_element(By.CSS_SELECTOR, "dl.column-descriptions").is_displayed()
    details = browser.find_element(By.CSS_SELECTOR, "details.gk-columns")
    table = browser.find_element(By.CSS_SELECTOR, "table.rows-and-columns")
    assert details.location["y"] > table.location["y"] + table.size["height"] - 1
    assert details.get_attribute("open") is None and "列说明" in details.text
    # facets on region, year and issuer kind
    facets = {f.get_attribute("data-column") for f in browser.find_elements(By.CSS_SELECTOR, ".facet-info")}
    assert {"region", "year", "issuer_kind"} <= facets
    assert "Suggested facets" not in browser.find_element(By.TAG_NAME, "body").text
    browser.save_screenshot(str(shots / "report_summary_copy_rank_0.png"))
    browser.execute_script("arguments[0].scrollIntoView(); arguments[0].open = true;", details)
    dd = details.find_element(By.XPATH, ".//dt[text()='requests.received.total']/following-sibling::dd[1]")
    assert dd.is_displayed() and dd.text.startswith(RECEIVED_ZH)
    browser.save_screenshot(str(shots / "report_summary_descriptions_opened.png"))


def test_n_flags_filter_and_search_box(server, browser, db, shots):
    from selenium.webdriver.common.by import By
    from selenium.webdriver.common.keys import Keys

    url = f"sqlite:///{db}"
    browser.get(f"{server}/{NAME}/report_summary?n_flags=0")
    clean = {s for (s,) in query(url, "select source from report_summary where n_flags = 0")}
    assert clean and {r["source"] for r in _rows(browser)} == clean
    browser.get(f"{server}/{NAME}/search_index")
    box = browser.find_element(By.ID, "_search")
    box.send_keys("信用", Keys.ENTER)
    time.sleep(0.5)
    rows = _rows(browser)
    expected = query(url, "select count(*) from search_index where search_index match '\"信用\"'")[0][0]
    assert "_search=" in browser.current_url and len(rows) == min(expected, 100) > 0
    assert all("信用" in r["title"] + r["body"] for r in rows)
    browser.save_screenshot(str(shots / "search_index_search.png"))
    browser.get(f"{server}/{NAME}/report_requests?_size=5")
    browser.save_screenshot(str(shots / "report_requests.png"))


def test_sqlite_utils_search_uses_the_index(db):
    sqlite_utils = Path(sys.executable).with_name("sqlite-utils")
    out = subprocess.run([str(sqlite_utils), "search", db, "search_index", "信用"], capture_output=True,
                         text=True, check=True).stdout
    rows = json.loads(out)
    assert rows and all("信用" in r["title"] + r["body"] for r in rows)
    assert len(rows) == query(f"sqlite:///{db}",
                              "select count(*) from search_index where search_index match '\"信用\"'")[0][0]
