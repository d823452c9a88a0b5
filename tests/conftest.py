"""Shared fixtures: databases (SQLite always, PostgreSQL when GAPFLOW_TEST_PG_URL is set), goldens, Prefect."""

from __future__ import annotations

import json
import os
import uuid
from pathlib import Path

import pytest
from sqlalchemy import create_engine, text

FIXTURES = Path(__file__).parent / "fixtures"
UPDATE_GOLDEN = os.environ.get("UPDATE_GOLDEN") == "1"
PG_URL = os.environ.get("GAPFLOW_TEST_PG_URL")

os.environ.setdefault("PREFECT_LOGGING_LEVEL", "WARNING")
os.environ.setdefault("PREFECT_SERVER_ANALYTICS_ENABLED", "false")


def pytest_configure(config: pytest.Config) -> None:
    # bench/train.py runs the extractor tests with a candidate model before it installs it: the models are read
    # from the candidates' folder it names
    if candidates := os.environ.get("GAPFLOW_MODELS_DIR"):
        from extractors import learned

        learned.MODELS_DIR = Path(candidates)


def pytest_sessionfinish(session: pytest.Session, exitstatus: int) -> None:
    if UPDATE_GOLDEN:
        # goldens were rewritten: the run must not pass, so the switch is never left on by accident
        session.exitstatus = 1
        print("\nUPDATE_GOLDEN=1: goldens rewritten. Read the diff, commit, and run again without the switch.")


def check_golden(path: Path, actual: object) -> None:
    """Compare with a golden JSON file, or rewrite it under UPDATE_GOLDEN=1."""
    if UPDATE_GOLDEN or not path.exists():
        if not UPDATE_GOLDEN:
            pytest.fail(f"golden {path.name} is missing: run with UPDATE_GOLDEN=1 and read it")
        path.write_text(json.dumps(actual, ensure_ascii=False, indent=2) + "\n", encoding="utf-8")
        return
    expected = json.loads(path.read_text(encoding="utf-8"))
    assert actual == expected, f"differs from golden {path.name}"


def _pg_database_url(base: str) -> str:
    """A fresh schema-per-session database on the test server, dropped at the end."""
    name = f"gapflow_test_{uuid.uuid4().hex[:8]}"
    admin = create_engine(base, isolation_level="AUTOCOMMIT")
    with admin.connect() as conn:
        conn.execute(text(f'CREATE DATABASE "{name}"'))
    admin.dispose()
    return base.rsplit("/", 1)[0] + "/" + name


def _drop_pg_database(base: str, url: str) -> None:
    name = url.rsplit("/", 1)[1]
    admin = create_engine(base, isolation_level="AUTOCOMMIT")
    with admin.connect() as conn:
        conn.execute(text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))
    admin.dispose()


BACKENDS = ["sqlite"] + (["postgresql"] if PG_URL else [])


@pytest.fixture(params=BACKENDS)
def db_url(request: pytest.FixtureRequest, tmp_path: Path) -> str:
    """A new empty database for one test, on each backend under test."""
    if request.param == "sqlite":
        yield f"sqlite:///{tmp_path / 'gapflow.db'}"
        return
    url = _pg_database_url(PG_URL)
    yield url
    from config.runtime import close_runtimes

    close_runtimes()
    _drop_pg_database(PG_URL, url)


@pytest.fixture(scope="session")
def prefect_harness():
    """Prefect's test server, once per session (it costs ~10 s to start)."""
    from prefect.testing.utilities import prefect_test_harness

    with prefect_test_harness(server_startup_timeout=120):
        yield


@pytest.fixture(autouse=True)
def _isolated_home(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Every test gets its own data folder; no test reads the developer's settings."""
    monkeypatch.setenv("GAPFLOW_HOME", str(tmp_path / "home"))
    monkeypatch.setenv("GAPFLOW_SETTLE_SECONDS", "0")
    for var in ("GAPFLOW_DATABASE_URL", "GAPFLOW_INBOX", "GAPFLOW_JURISDICTION"):
        monkeypatch.delenv(var, raising=False)


@pytest.fixture
def sessions(db_url: str):
    """A session factory on a migrated, empty database (each backend under test)."""
    from storage.db import make_engine, session_factory, upgrade

    engine = make_engine(db_url)
    upgrade(engine)
    yield session_factory(engine)
    engine.dispose()
