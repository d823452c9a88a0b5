"""A supervisor's and an intake user's journeys in a real headless Chromium (Debian's, driven by Playwright).

One uvicorn server per session on a copy of the built SQLite database. Screenshots of the main pages go
to artifacts/screenshots/ (gitignored). Without /usr/bin/chromium these tests fail: `make test` installs it.
"""

from __future__ import annotations

import os
import shutil
import socket
import threading
import time
from collections.abc import Iterator
from datetime import datetime
from io import BytesIO
from pathlib import Path

import pytest

from tests.conftest import FIXTURES
from tests.review.conftest import JURISDICTION, PASSWORD, SECRET, TODAY

pytestmark = [pytest.mark.browser, pytest.mark.slow]
CHROMIUM = "/usr/bin/chromium"
ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
        "--disable-component-update", "--disable-sync", "--no-first-run"]
SHOTS = Path(__file__).resolve().parents[2] / "artifacts" / "screenshots"


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@pytest.fixture(scope="session")
def server(sqlite_template: tuple[str, str], tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    import uvicorn

    from config.runtime import open_runtime
    from gapflow.cli_review import process_inbox_now
    from review.app import create_app

    home = tmp_path_factory.mktemp("browser-home")
    db = home / "review.db"
    shutil.copy(sqlite_template[1].removeprefix("sqlite:///"), db)
    saved = {k: os.environ.get(k) for k in ("GAPFLOW_HOME", "GAPFLOW_JURISDICTION", "GAPFLOW_SETTLE_SECONDS")}
    os.environ.update(GAPFLOW_HOME=str(home), GAPFLOW_JURISDICTION=JURISDICTION, GAPFLOW_SETTLE_SECONDS="0")
    try:
        rt = open_runtime(f"sqlite:///{db}")
    finally:
        for k, v in saved.items():
            os.environ.pop(k, None) if v is None else os.environ.__setitem__(k, v)
    app = create_app(rt, SECRET, today=lambda: TODAY, process_now=lambda: process_inbox_now(rt))
    port = _free_port()
    srv = uvicorn.Server(uvicorn.Config(app, host="127.0.0.1", port=port, log_level="warning", access_log=False))
    thread = threading.Thread(target=srv.run, daemon=True)
    thread.start()
    deadline = time.time() + 20
    while not srv.started and time.time() < deadline:
        time.sleep(0.05)
    assert srv.started, "uvicorn did not start"
    yield f"http://127.0.0.1:{port}"
    srv.should_exit = True
    thread.join(timeout=10)


@pytest.fixture(scope="session")
def browser() -> Iterator[object]:
    if not Path(CHROMIUM).exists():
        pytest.fail(f"{CHROMIUM} is missing: `make test` installs Debian's chromium (apt-get install -y chromium)")
    from playwright.sync_api import sync_playwright

    with sync_playwright() as p:
        b = p.chromium.launch(executable_path=CHROMIUM, args=ARGS, headless=True)
        yield b
        b.close()


@pytest.fixture
def page(browser, server: str):  # type: ignore[no-untyped-def]
    context = browser.new_context(base_url=server, viewport={"width": 1400, "height": 1000}, accept_downloads=True)
    context.set_default_timeout(15_000)
    yield context.new_page()
    context.close()


def _shot(page, name: str) -> None:  # type: ignore[no-untyped-def]
    SHOTS.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=str(SHOTS / f"{name}.png"), full_page=True)


def _login(page, username: str) -> None:  # type: ignore[no-untyped-def]
    page.goto("/login")
    page.fill("input[name=username]", username)
    page.fill("input[name=password]", PASSWORD)
    page.click("button[type=submit]")
    page.wait_for_url("**/")


def test_supervisor_dismisses_a_flag_and_finds_it_in_the_audit_log(page) -> None:  # type: ignore[no-untyped-def]
    page.goto("/login")
    _shot(page, "01_login")
    _login(page, "shen")
    _shot(page, "02_dashboard")
    page.click("header >> text=问题清单")
    page.select_option("select[name=doc_type]", "complaint")
    page.click("form.filters button[type=submit]")
    page.wait_for_url("**/queue?doc_type=complaint*")
    _shot(page, "03_queue")
    page.locator("table a[href^='/documents/']").first.click()
    page.wait_for_url("**/documents/**")
    flag = page.locator("div.flag.st-open").first
    flag_id = flag.get_attribute("id")
    _shot(page, "04_document")
    flag.locator("input[name=reason]").fill("来信已补正，不再跟进")
    flag.locator("button[value=dismissed]").click()
    page.wait_for_load_state()
    assert page.locator(f"#{flag_id} .status").inner_text() == "已驳回"
    page.click("header >> text=审计日志")
    row = page.locator("tr.audit-row", has_text="来信已补正，不再跟进").first
    assert "待复核 → 已驳回" in row.inner_text() and "shen" in row.inner_text()
    _shot(page, "05_audit")


def test_recording_accepted_moves_the_deadline(page) -> None:  # type: ignore[no-untyped-def]
    _login(page, "shen")
    page.goto("/")
    page.locator("table tr.st-overdue a[href^='/documents/']").first.click()
    page.wait_for_url("**/documents/**")
    acceptance = page.locator("li.deadline[data-kind=acceptance]")
    assert "已逾期" in acceptance.inner_text()
    assert page.locator("li.deadline[data-kind=investigation]").count() == 0
    page.select_option("select[name=kind]", "accepted")
    due = acceptance.inner_text().split()[0]  # accepted on the last day allowed: in time
    page.fill("input[name=on]", due)
    page.fill("input[name=note]", "立案审批")
    page.click("form[action$='/events'] button[type=submit]")
    page.wait_for_load_state()
    assert "已办结" in page.locator("li.deadline[data-kind=acceptance]").inner_text()
    assert page.locator("li.deadline[data-kind=investigation]").count() == 1
    assert "受理/立案" in page.locator("li.event").first.inner_text()
    page.locator("#deadlines").scroll_into_view_if_needed()
    _shot(page, "06_document_after_accepted")


def test_intake_uploads_a_docx_and_sees_it_processed(page, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    letter = tmp_path / "群众来信.docx"
    shutil.copy(FIXTURES / "complaints" / "04_oral_record.docx", letter)
    _login(page, "shou")
    page.click("header >> text=收件箱")
    page.set_input_files("input[type=file]", str(letter))
    page.click("form[action='/inbox/upload'] button[type=submit]")
    page.wait_for_url("**/inbox?message=*")
    row = page.locator("tr.upload", has_text="群众来信.docx")
    assert "等待处理" in row.inner_text()
    page.click("form[action='/inbox/process'] button[type=submit]")
    page.wait_for_url("**/inbox?message=*")
    assert "已处理" in page.locator("tr.upload", has_text="群众来信.docx").inner_text()
    _shot(page, "07_inbox_intake")


def test_export_the_queue_to_excel_and_open_it(page, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    from openpyxl import load_workbook

    _login(page, "shen")
    page.goto("/queue?status=all")
    with page.expect_download() as download:
        page.click("text=导出 Excel")
    target = tmp_path / download.value.suggested_filename
    download.value.save_as(target)
    sheet = load_workbook(BytesIO(target.read_bytes())).active
    assert sheet["M1"].value == "证据原文" and sheet.max_row > 5


def test_screens_of_search_and_users(page) -> None:  # type: ignore[no-untyped-def]
    _login(page, "shen")
    page.goto("/search?q=拖欠工资")
    assert page.locator("table a[href^='/documents/']").count() >= 1
    _shot(page, "08_search")
    page.goto("/inbox")
    _shot(page, "09_inbox_supervisor")
    page.context.clear_cookies()
    _login(page, "admin")
    page.goto("/admin/users")
    _shot(page, "10_users")
    assert datetime.now().year >= 2024
