"""Deployments: what `gapflow serve` and prefect.yaml declare, a nightly run through its deployment on the
test server, reprocess, and (with PostgreSQL) the multi-machine guide end to end.

Worker-less: `run_deployment(..., timeout=0)` creates the flow run on the server, and the test executes
that very run in-process with `prefect.flow_engine.run_flow`, as a worker would in its subprocess.
"""

from __future__ import annotations

import logging
import os
import re
import shutil
import signal
import socket
import subprocess
import sys
import time
import urllib.request
from datetime import timedelta
from pathlib import Path

import pytest
import yaml
from sqlalchemy import select

from config.runtime import close_runtimes, open_runtime
from flows.deploy import INBOX_INTERVAL, NIGHTLY_CRON, TIMEZONE, build_deployments
from flows.inbox import inbox_flow, nightly_flow
from pipeline import EXTRACTOR_VERSION
from schemas.tables import AuditEntry, Document
from storage.db import transaction
from tests.conftest import FIXTURES, PG_URL, _drop_pg_database, _pg_database_url

pytestmark = pytest.mark.slow

ROOT = Path(__file__).parents[2]
SEEDS = FIXTURES / "seeds"


def test_serve_declares_inbox_nightly_and_reprocess() -> None:
    deployments = {d.name: d for d in build_deployments()}
    assert set(deployments) == {"inbox", "nightly", "reprocess"}
    (inbox_schedule,) = deployments["inbox"].schedules
    assert inbox_schedule.schedule.interval == INBOX_INTERVAL == timedelta(seconds=300)
    (nightly_schedule,) = deployments["nightly"].schedules
    assert nightly_schedule.schedule.cron == NIGHTLY_CRON == "0 2 * * *"
    assert nightly_schedule.schedule.timezone == TIMEZONE == "Asia/Shanghai"
    assert deployments["reprocess"].schedules in (None, [])
    for d in deployments.values():  # inbox and database come from the machine's GAPFLOW_* settings
        assert d.parameters == {}


def test_prefect_yaml_matches_serve() -> None:
    spec = yaml.safe_load((ROOT / "prefect.yaml").read_text(encoding="utf-8"))
    declared = {d["name"]: d for d in spec["deployments"]}
    served = {d.name: d for d in build_deployments()}
    assert set(declared) == set(served)
    for name, d in declared.items():
        module, func = d["entrypoint"].split(":")
        assert served[name].entrypoint.endswith(f"{Path(module).name}:{func}")
        assert (ROOT / module).exists()
        assert d["parameters"] == {}
    assert declared["inbox"]["schedules"][0]["interval"] == INBOX_INTERVAL.total_seconds()
    assert declared["nightly"]["schedules"][0] == {"cron": NIGHTLY_CRON, "timezone": TIMEZONE, "active": True}
    assert declared["reprocess"]["schedules"] == []


def _run_deployment_here(flow, deployment_name: str, parameters: dict):  # type: ignore[no-untyped-def]
    """Create a run of the deployment on the server, then execute it in this process."""
    from prefect.client.orchestration import get_client
    from prefect.deployments import run_deployment
    from prefect.flow_engine import run_flow

    flow_run = run_deployment(deployment_name, parameters=parameters, timeout=0, as_subflow=False)
    assert flow_run.state is not None and flow_run.state.is_scheduled()
    result = run_flow(flow, flow_run=flow_run, parameters=flow_run.parameters)
    with get_client(sync_client=True) as client:
        finished = client.read_flow_run(flow_run.id)
    return result, finished


def test_nightly_deployment_runs_on_the_server(
    prefect_harness, db_url: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, request: pytest.FixtureRequest
) -> None:
    from prefect.client.orchestration import get_client

    inbox = tmp_path / "office" / "inbox"
    inbox.mkdir(parents=True)
    shutil.copy(SEEDS / "02_labor_inspection_disclosure_notice.docx", inbox / "须知.docx")
    shutil.copy(FIXTURES / "broken" / "truncated_upload.docx", inbox / "坏文件.docx")
    monkeypatch.setenv("GAPFLOW_INBOX", str(inbox))  # settings, not deployment parameters
    monkeypatch.setenv("GAPFLOW_DATABASE_URL", db_url)
    close_runtimes()  # the runtime without an explicit URL is cached per process: read the settings again
    request.addfinalizer(close_runtimes)

    nightly = next(d for d in build_deployments() if d.name == "nightly")
    deployment_id = nightly.apply()
    with get_client(sync_client=True) as client:
        stored = client.read_deployment(deployment_id)
    (schedule,) = stored.schedules
    assert schedule.schedule.cron == "0 2 * * *" and schedule.schedule.timezone == "Asia/Shanghai"

    result, finished = _run_deployment_here(nightly_flow, "gapflow-nightly/nightly", {"today": "2026-11-26"})
    assert finished.state.is_completed() and finished.deployment_id == deployment_id
    assert result["status"] == "completed"
    assert sorted(f["outcome"] for f in result["files"]) == ["processed", "quarantined"]
    assert list(inbox.iterdir()) == []

    with get_client(sync_client=True) as client:
        artifacts = client.read_artifacts()
    mine = [a for a in artifacts if a.flow_run_id == finished.id]
    summary = next(a for a in mine if a.key == "gapflow-run-summary")
    assert "公告/须知" in summary.data and "已隔离" in summary.data and "逾期期限" in summary.data
    assert "须知.docx" not in summary.data and "坏文件" not in summary.data  # ids, never file names


def test_reprocess_reanalyses_old_versions_only(
    prefect_harness, db_url: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from flows.reprocess import reprocess_flow

    inbox = tmp_path / "office" / "inbox"
    inbox.mkdir(parents=True)
    shutil.copy(SEEDS / "04_yuqing_ndrc_2010_summary.pdf", inbox / "总结.pdf")
    shutil.copy(SEEDS / "02_labor_inspection_disclosure_notice.docx", inbox / "须知.docx")
    shutil.copy(FIXTURES / "broken" / "truncated_upload.docx", inbox / "坏文件.docx")
    inbox_flow(inbox=str(inbox), db_url=db_url, today="2026-11-26")
    with transaction(open_runtime(db_url).sessions) as session:
        report = session.scalar(select(Document).where(Document.filename == "总结.pdf"))
        before = {"fields": report.fields, "flags": sorted(f.rule_id for f in report.flags), "pages": report.pages}
        report.extractor_version = "2000.1.0"  # as if stored by an old extractor
        report_id = report.id

    result = reprocess_flow(db_url=db_url, today="2026-11-26")
    assert result["counts"] == {"reprocessed": 1} and result["status"] == "completed"
    with transaction(open_runtime(db_url).sessions) as session:
        report = session.get(Document, report_id)
        assert report.extractor_version == EXTRACTOR_VERSION
        # the same text and the same extractor: the same result, page numbers from the parse cache
        assert report.fields == before["fields"]
        assert sorted(f.rule_id for f in report.flags if f.active) == before["flags"]
        assert all((f.evidence or {}).get("page") in (None, *range(1, before["pages"] + 1)) for f in report.flags)
        audit = session.scalars(select(AuditEntry).where(AuditEntry.action == "document.reprocess")).all()
        assert [(a.document_id, a.detail["from_version"]) for a in audit] == [(report_id, "2000.1.0")]
    again = reprocess_flow(db_url=db_url, today="2026-11-26")
    assert again["counts"] == {}  # nothing left on an old version (the quarantined file has no text)


# --------------------------------------------------------------------------- operator view: logs


class _Collect(logging.Handler):
    def __init__(self) -> None:
        super().__init__(level=logging.DEBUG)
        self.lines: list[str] = []

    def emit(self, record: logging.LogRecord) -> None:
        text = record.getMessage()
        if record.exc_info:
            text += logging.Formatter().formatException(record.exc_info)
        self.lines.append(f"{record.name}: {text}")


def test_logs_carry_document_ids_never_personal_data(
    prefect_harness, db_url: str, tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    letter = FIXTURES / "complaints" / "01_formal_labelled.docx"
    src = (FIXTURES / "complaints" / "src" / "01_formal_labelled.txt").read_text(encoding="utf-8")
    name = re.search(r"投诉人：(\S{2,4}?)\s", src).group(1)
    phone = re.search(r"联系电话：([\d ]+)", src).group(1).strip()
    id_number = re.search(r"身份证号码：(\d{17}[\dX])", src).group(1)
    personal = [name, phone, phone.replace(" ", ""), id_number, id_number[-6:]]

    inbox = tmp_path / "office" / "inbox"
    inbox.mkdir(parents=True)
    shutil.copy(letter, inbox / f"{name}投诉书.docx")  # staff name files after the complainant
    collect = _Collect()
    watched = [logging.getLogger(), logging.getLogger("prefect"), logging.getLogger("gapflow")]
    for logger in watched:
        logger.addHandler(collect)
    caplog.set_level(logging.DEBUG)
    try:
        result = nightly_flow(inbox=str(inbox), db_url=db_url, today="2026-11-26")
    finally:
        for logger in watched:
            logger.removeHandler(collect)

    (outcome,) = result["files"]
    assert outcome["outcome"] == "processed" and outcome["doc_type"] == "complaint"
    with transaction(open_runtime(db_url).sessions) as session:  # the letter's data did reach the database
        stored = session.get(Document, outcome["document_id"])
        assert stored.fields["complainant"]["name"] == name
    lines = collect.lines + [f"{r.name}: {r.getMessage()}" for r in caplog.records]
    assert any(outcome["document_id"] in line for line in lines), "logs should name the document id"
    leaks = [line for line in lines for value in personal if value in line]
    assert leaks == []


# --------------------------------------------------------------------------- the multi-machine guide


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def _prefect(args: list[str], env: dict[str, str], cwd: Path = ROOT, timeout: float = 120) -> str:
    done = subprocess.run(
        [str(Path(sys.executable).parent / "prefect"), "--no-prompt", *args],
        env=env, cwd=cwd, capture_output=True, text=True, timeout=timeout,
    )
    assert done.returncode == 0, f"prefect {' '.join(args)}:\n{done.stdout}\n{done.stderr}"
    return done.stdout


@pytest.mark.pg
@pytest.mark.skipif(not PG_URL, reason="the guide needs PostgreSQL (GAPFLOW_TEST_PG_URL)")
def test_the_multi_machine_guide_on_postgresql(tmp_path: Path) -> None:
    """docs/deploy.md step by step: Prefect server on PostgreSQL, a process pool, `prefect deploy --all`,
    a worker, one run of the nightly deployment writing its results to PostgreSQL."""
    from prefect.client.orchestration import get_client
    from prefect.settings import PREFECT_API_URL, temporary_settings

    prefect_db, results_db = _pg_database_url(PG_URL), _pg_database_url(PG_URL)
    port = _free_port()
    api = f"http://127.0.0.1:{port}/api"
    inbox = tmp_path / "office" / "inbox"
    inbox.mkdir(parents=True)
    shutil.copy(SEEDS / "02_labor_inspection_disclosure_notice.docx", inbox / "须知.docx")
    env = {k: v for k, v in os.environ.items() if not k.startswith(("GAPFLOW_", "PREFECT_"))}
    env.update(
        PREFECT_HOME=str(tmp_path / "prefect"), PREFECT_SERVER_ANALYTICS_ENABLED="false",
        PREFECT_API_DATABASE_CONNECTION_URL=prefect_db.replace("+psycopg", "+asyncpg"),
        PREFECT_LOGGING_LEVEL="WARNING",
    )
    server = subprocess.Popen(
        [str(Path(sys.executable).parent / "prefect"), "server", "start", "--host", "127.0.0.1", "--port", str(port)],
        env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, start_new_session=True,
    )
    worker_env = {
        **env, "PREFECT_API_URL": api, "GAPFLOW_HOME": str(tmp_path / "home"), "GAPFLOW_INBOX": str(inbox),
        "GAPFLOW_DATABASE_URL": results_db, "GAPFLOW_SETTLE_SECONDS": "0",
    }
    try:
        _wait_healthy(api)
        _prefect(["work-pool", "create", "gapflow", "--type", "process"], worker_env)
        _prefect(["variable", "set", "gapflow_code_dir", str(ROOT)], worker_env)
        _prefect(["deploy", "--all"], worker_env)
        _prefect(["deployment", "run", "gapflow-nightly/nightly", "--param", "today=2026-11-26"], worker_env)
        _prefect(["worker", "start", "--pool", "gapflow", "--run-once"], worker_env, timeout=180)
        with temporary_settings({PREFECT_API_URL: api}), get_client(sync_client=True) as client:
            runs = [r for r in client.read_flow_runs() if r.parameters.get("today") == "2026-11-26"]
        assert len(runs) == 1 and runs[0].state.is_completed(), runs
        assert list(inbox.iterdir()) == []
        with transaction(open_runtime(results_db).sessions) as session:
            (document,) = session.scalars(select(Document)).all()
        assert document.doc_type == "notice" and document.extractor_version == EXTRACTOR_VERSION
    finally:
        os.killpg(server.pid, signal.SIGTERM)
        server.wait(timeout=30)
        close_runtimes()
        _drop_pg_database(PG_URL, prefect_db)
        _drop_pg_database(PG_URL, results_db)


def _wait_healthy(api: str, timeout: float = 90) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        try:
            with urllib.request.urlopen(f"{api}/health", timeout=2) as response:
                if response.status == 200:
                    return
        except OSError:
            time.sleep(0.5)
    pytest.fail("the Prefect server did not become healthy")
