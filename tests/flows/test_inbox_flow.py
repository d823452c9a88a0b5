"""The inbox flow end to end under Prefect's test harness, on SQLite and PostgreSQL."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest
from sqlalchemy import func, select

from config.runtime import open_runtime
from flows import commit as commit_module
from flows.inbox import inbox_flow, nightly_flow
from schemas.tables import Document, Receipt
from storage import repo
from storage.db import transaction
from tests.conftest import FIXTURES

pytestmark = pytest.mark.slow

SEEDS = FIXTURES / "seeds"
SAMPLES = Path(__file__).resolve().parents[2] / "samples" / "inbox"


def _inbox(tmp_path: Path, files: dict[str, Path]) -> Path:
    inbox = tmp_path / "office" / "inbox"
    inbox.mkdir(parents=True)
    for name, source in files.items():
        shutil.copy(source, inbox / name)
    return inbox


def _receipts(db_url: str) -> list[tuple[str, str]]:
    with transaction(open_runtime(db_url).sessions) as session:
        return sorted((r.filename, r.outcome) for r in session.scalars(select(Receipt)))


def test_good_broken_and_repeated_files(prefect_harness, db_url: str, tmp_path: Path) -> None:
    inbox = _inbox(
        tmp_path,
        {
            "监察须知.docx": SEEDS / "02_labor_inspection_disclosure_notice.docx",
            "发改局总结.pdf": SEEDS / "04_yuqing_ndrc_2010_summary.pdf",
            "损坏的文件.docx": FIXTURES / "broken" / "truncated_upload.docx",
            "监察须知(副本).docx": SEEDS / "02_labor_inspection_disclosure_notice.docx",
        },
    )
    result = inbox_flow(inbox=str(inbox), db_url=db_url, today="2026-11-26")

    assert result["status"] == "completed"
    outcomes = {f["filename"]: f["outcome"] for f in result["files"]}
    assert outcomes["发改局总结.pdf"] == "processed"
    assert outcomes["损坏的文件.docx"] == "quarantined"
    assert sorted([outcomes["监察须知.docx"], outcomes["监察须知(副本).docx"]]) == ["duplicate", "processed"]

    # nothing lost: every file is in exactly one place, the inbox is empty
    office = inbox.parent
    assert list(inbox.iterdir()) == []
    assert sorted(p.name for p in (office / "processed").iterdir()) == sorted(
        ["监察须知.docx", "监察须知(副本).docx", "发改局总结.pdf"]
    )
    assert (office / "quarantine" / "损坏的文件.docx").exists()
    note = (office / "quarantine" / "损坏的文件.docx.error.txt").read_text(encoding="utf-8")
    assert "已损坏" in note and "隔离原因" in note

    with transaction(open_runtime(db_url).sessions) as session:
        assert session.scalar(select(func.count()).select_from(Document)) == 3
        broken = session.scalar(select(Document).where(Document.status == "quarantined"))
        assert broken.error_code == "unreadable" and "损坏的文件.docx" in broken.error_message
        assert [f.rule_id for f in broken.flags] == ["doc.unreadable"]
        report = session.scalar(select(Document).where(Document.filename == "发改局总结.pdf"))
        assert report.doc_type == "work_report" and report.text.startswith("第四篇")
    assert len(_receipts(db_url)) == 4

    # a second pass over an empty inbox changes nothing
    again = inbox_flow(inbox=str(inbox), db_url=db_url, today="2026-11-26")
    assert again["files"] == [] and len(_receipts(db_url)) == 4


def test_the_same_file_dropped_again_later_is_a_duplicate(prefect_harness, db_url: str, tmp_path: Path) -> None:
    inbox = _inbox(tmp_path, {"须知.pdf": SEEDS / "02_labor_inspection_disclosure_notice.pdf"})
    inbox_flow(inbox=str(inbox), db_url=db_url, today="2026-11-26")
    shutil.copy(SEEDS / "02_labor_inspection_disclosure_notice.pdf", inbox / "须知.pdf")
    result = inbox_flow(inbox=str(inbox), db_url=db_url, today="2026-11-27")
    assert [f["outcome"] for f in result["files"]] == ["duplicate"]
    processed = sorted(p.name for p in (inbox.parent / "processed").iterdir())
    assert len(processed) == 2 and "须知.pdf" in processed  # the second copy kept under a tagged name


def test_crash_between_commit_and_move_is_finished_next_run(
    prefect_harness, db_url: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    inbox = _inbox(tmp_path, {"须知.docx": SEEDS / "02_labor_inspection_disclosure_notice.docx"})

    def crash(source: Path, target: Path) -> None:
        raise OSError("simulated power cut after the commit")

    monkeypatch.setattr(commit_module, "move", crash)
    first = inbox_flow(inbox=str(inbox), db_url=db_url, today="2026-11-26")
    assert first["status"] == "failed" and (inbox / "须知.docx").exists()

    monkeypatch.undo()
    second = inbox_flow(inbox=str(inbox), db_url=db_url, today="2026-11-26")
    assert [f["outcome"] for f in second["files"]] == ["resumed"]
    assert not (inbox / "须知.docx").exists()
    assert (inbox.parent / "processed" / "须知.docx").exists()
    assert _receipts(db_url) == [("须知.docx", "processed")]  # one receipt, no duplicate


def test_a_file_still_being_copied_waits(prefect_harness, db_url: str, tmp_path: Path, monkeypatch) -> None:
    monkeypatch.setenv("GAPFLOW_SETTLE_SECONDS", "3600")
    inbox = _inbox(tmp_path, {"新到.docx": SEEDS / "02_labor_inspection_disclosure_notice.docx"})
    result = inbox_flow(inbox=str(inbox), db_url=db_url, today="2026-11-26")
    assert result["files"] == [] and (inbox / "新到.docx").exists()


def test_nightly_runs_inbox_then_reevaluates(prefect_harness, db_url: str, tmp_path: Path) -> None:
    inbox = _inbox(tmp_path, {"总结.docx": SEEDS / "03_town_disclosure_efficiency_report_2011.docx"})
    result = nightly_flow(inbox=str(inbox), db_url=db_url, today="2026-11-26")
    assert result["status"] == "completed"
    assert [f["outcome"] for f in result["files"]] == ["processed"]
    with transaction(open_runtime(db_url).sessions) as session:
        runs = [r.flow for r in session.scalars(select(repo.Run))]
    assert runs == ["nightly"]
    json.dumps(result, ensure_ascii=False)  # the flow's result is plain data


def test_a_resubmission_read_before_its_original_in_the_same_pass_is_the_duplicate(
    prefect_harness, db_url: str, tmp_path: Path
) -> None:
    """Issue 12: the report that arrived later is the duplicate, whichever file the pass reads first."""
    import os

    inbox = _inbox(
        tmp_path,
        {
            "a_再次报送.docx": SAMPLES / "05_余庆县发改局2010年总结_再次报送.docx",  # read first (name order)
            "b_原件.pdf": SAMPLES / "04_余庆县发改局2010年总结.pdf",
        },
    )
    os.utime(inbox / "b_原件.pdf", (1_760_000_000, 1_760_000_000))  # arrived first
    os.utime(inbox / "a_再次报送.docx", (1_760_086_400, 1_760_086_400))
    result = inbox_flow(inbox=str(inbox), db_url=db_url, today="2026-11-26")

    outcomes = {f["filename"]: f["outcome"] for f in result["files"]}
    assert outcomes == {"a_再次报送.docx": "duplicate", "b_原件.pdf": "processed"}
    with transaction(open_runtime(db_url).sessions) as session:
        original = session.scalar(select(Document).where(Document.filename == "b_原件.pdf"))
        copy = session.scalar(select(Document).where(Document.filename == "a_再次报送.docx"))
        assert original.status == "processed"
        assert not [f for f in original.flags if f.rule_id == "report.duplicate" and f.active]
        assert copy.status == "duplicate" and copy.duplicate_of == original.id
