"""`gapflow export`: every line validates against the JSON Schema generated from the models."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import jsonschema
import pytest
from typer.testing import CliRunner

from gapflow.cli import app
from schemas.jsonschema import SCHEMA_FILE, render
from tests.conftest import FIXTURES


def test_committed_schema_matches_the_models() -> None:
    assert SCHEMA_FILE.read_text(encoding="utf-8") == render(), "run: python -m schemas.jsonschema"


@pytest.mark.slow
def test_export_lines_validate(prefect_harness, db_url: str, tmp_path: Path) -> None:
    inbox = tmp_path / "inbox"
    inbox.mkdir()
    for name in ("02_labor_inspection_disclosure_notice.pdf", "03_town_disclosure_efficiency_report_2011.docx"):
        shutil.copy(FIXTURES / "seeds" / name, inbox / name)
    shutil.copy(FIXTURES / "broken" / "password_protected.pdf", inbox / "加密.pdf")
    runner = CliRunner()
    ran = runner.invoke(app, ["run", "--inbox", str(inbox), "--db", db_url, "--today", "2026-11-26"])
    assert ran.exit_code == 0, ran.output
    assert "已处理" in ran.output and "已隔离" in ran.output

    out = tmp_path / "export.jsonl"
    exported = runner.invoke(app, ["export", "--db", db_url, "--out", str(out)])
    assert exported.exit_code == 0, exported.output
    lines = [json.loads(line) for line in out.read_text(encoding="utf-8").splitlines()]
    assert len(lines) == 3
    schema = json.loads(SCHEMA_FILE.read_text(encoding="utf-8"))
    for record in lines:
        jsonschema.validate(record, schema)
        assert "text" not in record
    by_name = {r["source"]["filename"]: r for r in lines}
    locked = by_name["加密.pdf"]
    assert locked["status"] == "quarantined" and locked["error"]["code"] == "encrypted"
    # Law or office policy comes with every flag (from the rule files): a file that cannot be read is neither.
    assert [f["basis_kind"] for f in locked["flags"]] == ["review_aid"] * len(locked["flags"]) and locked["flags"]
    assert by_name["02_labor_inspection_disclosure_notice.pdf"]["doc_type"] == "notice"
    report = by_name["03_town_disclosure_efficiency_report_2011.docx"]
    assert report["doc_type"] == "work_report" and report["document_id"].startswith("doc-")
    assert report["source"]["received_at"] is not None

    with_text = runner.invoke(app, ["export", "--db", db_url, "--with-text"])
    first = json.loads(with_text.stdout.splitlines()[0])
    assert first["text"]


def test_export_refuses_unknown_format(db_url: str) -> None:
    result = CliRunner().invoke(app, ["export", "--db", db_url, "--format", "csv"])
    assert result.exit_code == 2 and "jsonl" in result.output
