"""A complaint's deadlines over time: received before 国庆, overdue at night, met once accepted."""

from __future__ import annotations

import os
import shutil
from datetime import datetime
from pathlib import Path

import pytest
from sqlalchemy import select
from typer.testing import CliRunner

from config.runtime import open_runtime
from config.settings import TZ
from gapflow.cli import app
from schemas.tables import Document
from storage.db import transaction
from tests.conftest import FIXTURES

pytestmark = pytest.mark.slow
LETTER = FIXTURES / "complaints" / "01_formal_labelled.docx"


def _deadlines(db_url: str) -> tuple[str, dict[str, tuple[str, str]], dict[str, str]]:
    with transaction(open_runtime(db_url).sessions) as session:
        doc = session.scalar(select(Document).where(Document.doc_type == "complaint"))
        deadlines = {d.kind: (d.due_date.isoformat(), d.status) for d in doc.deadlines}
        flags = {f.rule_id: f.status for f in doc.flags}
        return doc.id, deadlines, flags


def test_acceptance_deadline_across_national_day(prefect_harness, db_url: str, tmp_path: Path, monkeypatch) -> None:
    monkeypatch.setenv("GAPFLOW_JURISDICTION", "广西壮族自治区柳州市融水苗族自治县")
    inbox = tmp_path / "inbox"
    inbox.mkdir()
    letter = inbox / "投诉书.docx"
    shutil.copy(LETTER, letter)
    # dropped on 2026-09-30, the last working day before the National Day holiday (10-01..10-08)
    arrived = datetime(2026, 9, 30, 16, 30, tzinfo=TZ).timestamp()
    os.utime(letter, (arrived, arrived))
    runner = CliRunner()

    ran = runner.invoke(app, ["run", "--inbox", str(inbox), "--db", db_url, "--today", "2026-09-30"])
    assert ran.exit_code == 0, ran.output
    doc_id, deadlines, flags = _deadlines(db_url)
    assert deadlines["acceptance"] == ("2026-10-13", "pending")  # 5 working days, holiday and 10-10 调休 counted
    assert "complaint.acceptance_overdue" not in flags

    night = runner.invoke(app, ["nightly", "--inbox", str(inbox), "--db", db_url, "--today", "2026-10-14"])
    assert night.exit_code == 0, night.output
    assert "逾期" in night.output
    _, deadlines, flags = _deadlines(db_url)
    assert deadlines["acceptance"] == ("2026-10-13", "overdue")
    assert flags["complaint.acceptance_overdue"] == "open"

    added = runner.invoke(app, ["case", "add", doc_id, "--kind", "accepted", "--on", "2026-10-12", "--db", db_url])
    assert added.exit_code == 0, added.output
    _, deadlines, flags = _deadlines(db_url)
    assert deadlines["acceptance"][1] == "met"
    assert "investigation" in deadlines
    assert flags["complaint.acceptance_overdue"] == "resolved"

    listed = runner.invoke(app, ["case", "list", doc_id, "--db", db_url])
    assert "accepted" in listed.output and "investigation" in listed.output


def test_case_add_rejects_bad_kind(db_url: str) -> None:
    args = ["case", "add", "doc-x", "--kind", "finished", "--on", "2026-10-12", "--db", db_url]
    result = CliRunner().invoke(app, args)
    assert result.exit_code == 2 and "accepted" in result.output
