"""A review-app database built once per backend from the committed fixtures, through the same pure
per-file path the inbox flow runs (flows.process.process_file, no Prefect), then copied per test."""

from __future__ import annotations

import os
import re
import shutil
import uuid
from collections.abc import Iterator
from datetime import date, datetime
from pathlib import Path

import pytest
from fastapi.testclient import TestClient
from sqlalchemy import create_engine, select, text

from config.settings import TZ
from tests.conftest import BACKENDS, FIXTURES, PG_URL

TODAY = date(2026, 10, 20)
JURISDICTION = "广西壮族自治区柳州市融水苗族自治县"
PASSWORD = "correct-horse-42"
USERS = {"admin": "admin", "shen": "supervisor", "shou": "intake"}
# (fixture file, day it arrived): complaints before 10-13 are past their 5 working days on 10-20
CORPUS = [
    ("complaints/01_formal_labelled.docx", date(2026, 10, 9)),
    ("complaints/10_unusual_order_missing.docx", date(2026, 10, 12)),
    ("complaints/12_time_barred.docx", date(2026, 10, 15)),
    ("complaints/13_already_arbitrated.docx", date(2026, 10, 16)),
    ("complaints/16_workplace_outside.docx", date(2026, 10, 19)),
    ("complaints/07_collective_three_agents.docx", date(2026, 10, 19)),
    ("reports/r05_township_totals_mismatch.docx", date(2026, 10, 14)),
    ("reports/r07_town_incomplete_commitments.docx", date(2026, 10, 14)),
    ("seeds/04_yuqing_ndrc_2010_summary.docx", date(2026, 10, 15)),
    ("seeds/05_yuqing_ndrc_2010_summary_duplicate.docx", date(2026, 10, 16)),
    ("broken/password_protected.pdf", date(2026, 10, 16)),
]


def _build(url: str, home: Path) -> None:
    from config.runtime import close_runtimes, open_runtime
    from flows.files import InboxLayout
    from flows.process import process_file
    from services.accounts import create_user
    from storage import repo
    from storage.db import transaction

    saved = {k: os.environ.get(k) for k in ("GAPFLOW_HOME", "GAPFLOW_JURISDICTION", "GAPFLOW_SETTLE_SECONDS")}
    os.environ.update(GAPFLOW_HOME=str(home), GAPFLOW_JURISDICTION=JURISDICTION, GAPFLOW_SETTLE_SECONDS="0")
    try:
        rt = open_runtime(url)
        layout = InboxLayout(home / "inbox")
        layout.ensure(create_inbox=True)
        with transaction(rt.sessions) as session:
            run_id = repo.start_run(session, "run", TODAY).id
        for name, day in CORPUS:
            path = layout.inbox / Path(name).name
            shutil.copy(FIXTURES / name, path)
            stamp = datetime(day.year, day.month, day.day, 10, 0, tzinfo=TZ).timestamp()
            os.utime(path, (stamp, stamp))
            process_file(path, layout, rt, run_id, TODAY)
        with transaction(rt.sessions) as session:
            for username, role in USERS.items():
                create_user(session, username, role, PASSWORD)
    finally:
        close_runtimes()
        for k, v in saved.items():
            if v is None:
                os.environ.pop(k, None)
            else:
                os.environ[k] = v


@pytest.fixture(scope="session")
def sqlite_template(tmp_path_factory: pytest.TempPathFactory) -> tuple[str, str]:
    """The built SQLite database (the TestClient tests and the browser's server both copy it)."""
    home = tmp_path_factory.mktemp("review-template")
    url = f"sqlite:///{home / 'template.db'}"
    _build(url, home)
    return "sqlite", url


@pytest.fixture(scope="session", params=BACKENDS)
def template_db(request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[str, str]]:
    """(backend, url) of the built database; tests use copies of it."""
    if request.param == "sqlite":
        yield request.getfixturevalue("sqlite_template")
        return
    home = tmp_path_factory.mktemp("review-template-pg")
    name = f"gapflow_review_tmpl_{uuid.uuid4().hex[:8]}"
    _admin(f'CREATE DATABASE "{name}"')
    url = PG_URL.rsplit("/", 1)[0] + "/" + name
    _build(url, home)
    yield "postgresql", url
    _admin(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')


def _admin(statement: str) -> None:
    engine = create_engine(PG_URL, isolation_level="AUTOCOMMIT")
    with engine.connect() as conn:
        conn.execute(text(statement))
    engine.dispose()


def copy_database(template: tuple[str, str], folder: Path) -> tuple[str, object]:
    """A fresh copy of the built database: (url, cleanup)."""
    backend, url = template
    if backend == "sqlite":
        target = folder / f"review-{uuid.uuid4().hex[:6]}.db"
        shutil.copy(url.removeprefix("sqlite:///"), target)
        return f"sqlite:///{target}", lambda: None
    name = f"gapflow_review_{uuid.uuid4().hex[:8]}"
    _admin(f'CREATE DATABASE "{name}" TEMPLATE "{url.rsplit("/", 1)[1]}"')
    return url.rsplit("/", 1)[0] + "/" + name, lambda: _admin(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')


@pytest.fixture
def review_url(template_db: tuple[str, str], tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[str]:
    monkeypatch.setenv("GAPFLOW_JURISDICTION", JURISDICTION)
    url, cleanup = copy_database(template_db, tmp_path)
    yield url
    from config.runtime import close_runtimes

    close_runtimes()
    cleanup()  # type: ignore[operator]


@pytest.fixture
def runtime(review_url: str):  # type: ignore[no-untyped-def]
    from config.runtime import open_runtime

    return open_runtime(review_url)


SECRET = "test-secret-" + "x" * 40


@pytest.fixture
def app(runtime):  # type: ignore[no-untyped-def]
    from gapflow.cli_review import process_inbox_now
    from review.app import create_app

    return create_app(runtime, SECRET, today=lambda: TODAY, process_now=lambda: process_inbox_now(runtime))


@pytest.fixture
def client(app) -> TestClient:  # type: ignore[no-untyped-def]
    return TestClient(app, follow_redirects=False)


def csrf_of(html: str) -> str:
    return re.search(r'name="csrf_token" value="([^"]+)"', html).group(1)  # type: ignore[union-attr]


def sign_in(client: TestClient, username: str, password: str = PASSWORD) -> TestClient:
    token = csrf_of(client.get("/login").text)
    response = client.post("/login", data={"username": username, "password": password, "csrf_token": token})
    assert response.status_code == 303, response.text
    return client


def page_csrf(client: TestClient, path: str = "/") -> str:
    return csrf_of(client.get(path).text)


@pytest.fixture
def as_supervisor(client: TestClient) -> TestClient:
    return sign_in(client, "shen")


@pytest.fixture
def as_intake(client: TestClient) -> TestClient:
    return sign_in(client, "shou")


@pytest.fixture
def as_admin(client: TestClient) -> TestClient:
    return sign_in(client, "admin")


def complaint_with_flags(runtime) -> tuple[str, int]:  # type: ignore[no-untyped-def]
    """The first complaint with an open flag: (document id, flag id)."""
    from schemas.tables import Document, FlagRow
    from storage.db import transaction

    with transaction(runtime.sessions) as session:
        row = session.execute(
            select(Document.id, FlagRow.id).join(FlagRow, FlagRow.document_id == Document.id)
            .where(Document.doc_type == "complaint", FlagRow.status == "open", FlagRow.active.is_(True))
            .order_by(Document.received_at, FlagRow.id)
        ).first()
        assert row is not None
        return row[0], row[1]
