"""Exactly once: two `gapflow run` processes on one inbox, and runs killed with SIGKILL at any point.

Real subprocesses (the console script's module), on SQLite and on PostgreSQL when GAPFLOW_TEST_PG_URL is
set. They report to the session's Prefect test server: an ephemeral Prefect server per process costs
~12 s to start, the shared one nothing.
"""

from __future__ import annotations

import contextlib
import os
import signal
import subprocess
import sys
from collections import Counter
from pathlib import Path

import pytest
from sqlalchemy import func, select

from config.runtime import open_runtime
from schemas.tables import Document, FileClaim, Receipt, Run
from storage.db import transaction
from tests.conftest import FIXTURES

pytestmark = pytest.mark.slow

NOTICE = (FIXTURES / "seeds" / "src" / "02_labor_inspection_disclosure_notice.txt").read_text(encoding="utf-8")
RUN_TIMEOUT = 120


def _make_inbox(tmp_path: Path, n: int) -> Path:
    """n small, distinct text files (a notice's opening lines and a serial number)."""
    inbox = tmp_path / "office" / "inbox"
    inbox.mkdir(parents=True)
    head = "\n".join(NOTICE.splitlines()[:8])
    for i in range(n):
        (inbox / f"须知_{i:03d}.txt").write_text(f"{head}\n编号 {i}\n", encoding="utf-8")
    return inbox


def _env(tmp_path: Path, name: str, **extra: str) -> dict[str, str]:
    from prefect.settings import PREFECT_API_URL

    env = {k: v for k, v in os.environ.items() if not k.startswith("GAPFLOW_")}
    env.update(
        GAPFLOW_HOME=str(tmp_path / f"home_{name}"), GAPFLOW_SETTLE_SECONDS="0",
        PREFECT_API_URL=str(PREFECT_API_URL.value()), PREFECT_LOGGING_LEVEL="WARNING",
    )
    env.update(extra)
    return env


def _start(inbox: Path, db_url: str, env: dict[str, str]) -> subprocess.Popen:
    # own session: a fault kills the run's whole process group, never pytest
    return subprocess.Popen(
        [sys.executable, "-m", "gapflow.cli", "run", "--inbox", str(inbox), "--db", db_url],
        env=env, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, start_new_session=True,
    )


def _wait(proc: subprocess.Popen) -> tuple[int, str]:
    try:
        out, _ = proc.communicate(timeout=RUN_TIMEOUT)
    finally:
        with contextlib.suppress(ProcessLookupError):
            os.killpg(proc.pid, signal.SIGKILL)  # orphaned pool workers of a killed run
    return proc.returncode, out.decode("utf-8", "replace")


def _assert_each_file_once(inbox: Path, db_url: str, n: int) -> None:
    office = inbox.parent
    assert sorted(inbox.iterdir()) == [], "files left in the inbox"
    processed = sorted(p.name for p in (office / "processed").iterdir())
    assert len(processed) == n and len(set(processed)) == n
    assert not (office / "quarantine").exists() or list((office / "quarantine").iterdir()) == []
    with transaction(open_runtime(db_url).sessions) as session:
        receipts = Counter(r.filename for r in session.scalars(select(Receipt)))
        outcomes = Counter(r.outcome for r in session.scalars(select(Receipt)))
        documents = session.scalar(select(func.count()).select_from(Document))
        claims = session.scalar(select(func.count()).select_from(FileClaim))
    assert len(receipts) == n and set(receipts.values()) == {1}, "a file was received twice"
    assert outcomes == {"processed": n}
    assert documents == n
    assert claims == 0


def test_two_runs_on_one_inbox_process_each_file_once(prefect_harness, db_url: str, tmp_path: Path) -> None:
    n = 100
    inbox = _make_inbox(tmp_path, n)
    # one run inline, one with its process pool: both paths race for the same files
    a = _start(inbox, db_url, _env(tmp_path, "a", GAPFLOW_WORKERS="1"))
    b = _start(inbox, db_url, _env(tmp_path, "b", GAPFLOW_WORKERS="2"))
    (code_a, out_a), (code_b, out_b) = _wait(a), _wait(b)
    assert code_a == 0, out_a
    assert code_b == 0, out_b
    _assert_each_file_once(inbox, db_url, n)
    with transaction(open_runtime(db_url).sessions) as session:
        runs = session.scalars(select(Run)).all()
        by_run = Counter(r.run_id for r in session.scalars(select(Receipt)))
    assert sorted(r.status for r in runs) == ["completed", "completed"]
    assert sum(by_run.values()) == n


# Each run of the chain is killed at another point; the state each leaves behind is the next one's start.
CRASHES = [
    ("analysed:3", "2"),  # pool workers analysed files, nothing committed yet: the whole run dies, workers too
    ("claimed:3", "1"),  # claimed, nothing read yet: the claim of a dead run must be released
    ("committed:3", "1"),  # result committed, file not moved yet: the next run finishes the move
    ("moved:3", "1"),  # file moved, claim not released yet
    ("committed:2", "2"),  # the writer committed a batch analysed by two workers, nothing moved yet
]


def test_runs_killed_at_any_point_lose_nothing(prefect_harness, db_url: str, tmp_path: Path) -> None:
    n = 16
    inbox = _make_inbox(tmp_path, n)
    for i, (fault, workers) in enumerate(CRASHES):
        env = _env(tmp_path, f"killed{i}", GAPFLOW_FAULT=fault, GAPFLOW_WORKERS=workers)
        code, out = _wait(_start(inbox, db_url, env))
        assert code == -signal.SIGKILL, f"{fault}: the fault did not fire: {out}"
        assert any(inbox.iterdir()), f"{fault}: the killed run should have left work behind"

    code, out = _wait(_start(inbox, db_url, _env(tmp_path, "rerun", GAPFLOW_WORKERS="1")))
    assert code == 0, out
    _assert_each_file_once(inbox, db_url, n)
    with transaction(open_runtime(db_url).sessions) as session:
        statuses = Counter(r.status for r in session.scalars(select(Run)))
    # every killed run held a claim; the next run found its pid dead, freed the claim, marked it crashed
    assert statuses == {"completed": 1, "crashed": len(CRASHES)}
