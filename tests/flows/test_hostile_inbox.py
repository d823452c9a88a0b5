"""Issue 10: a messy, hostile inbox. Every entry ends in processed/ or quarantine/ with a Chinese reason,
the run completes, no traceback is logged, and nothing outside the inbox is ever opened."""

from __future__ import annotations

import logging
import os
import sys
from pathlib import Path

import pytest
from sqlalchemy import select

from config.runtime import open_runtime
from flows.convert import find_soffice
from flows.files import display_name
from flows.inbox import inbox_flow
from schemas.tables import Document, Receipt
from storage.db import transaction
from tests.flows.hostile_corpus import OUTSIDE_MARKER, build_corpus
from tests.scans import require_tool

pytestmark = pytest.mark.slow

_WATCHED: list[str] = []
_OPENED: list[str] = []


def _audit(event: str, args: tuple) -> None:
    if event == "open" and _WATCHED and args and isinstance(args[0], (str, bytes, os.PathLike)):
        path = os.fsdecode(args[0]) if not isinstance(args[0], int) else ""
        if any(path.startswith(w) for w in _WATCHED):
            _OPENED.append(path)


sys.addaudithook(_audit)


def _names(folder: Path) -> set[str]:
    return {display_name(p) for p in folder.iterdir()} if folder.exists() else set()


def test_hostile_corpus_every_file_ends_somewhere(
    prefect_harness, db_url: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, caplog: pytest.LogCaptureFixture,
    capfd: pytest.CaptureFixture[str],
) -> None:
    soffice = find_soffice()
    require_tool(soffice is not None, "LibreOffice (libreoffice-writer-nogui)")
    monkeypatch.setenv("GAPFLOW_MAX_FILE_MB", "3")
    monkeypatch.setenv("GAPFLOW_MAX_PAGES", "5")
    monkeypatch.setenv("GAPFLOW_WORKERS", "1")  # in this process, where the audit hook watches every open
    office = tmp_path / "office"
    inbox, outside = office / "inbox", tmp_path / "outside"
    expect = build_corpus(inbox, outside, soffice)
    assert len(expect) >= 30

    caplog.set_level(logging.DEBUG, logger="gapflow")
    _WATCHED[:] = [str(outside), "/etc/passwd"]
    try:
        result = inbox_flow(inbox=str(inbox), db_url=db_url, today="2026-11-26")
    finally:
        _WATCHED.clear()

    assert result["status"] == "completed"
    assert _OPENED == [], f"read outside the inbox: {_OPENED}"
    assert os.listdir(inbox) == [], "entries left in the inbox"
    outcomes = {f["filename"]: f for f in result["files"]}
    assert set(outcomes) == set(expect)
    processed, quarantined = _names(office / "processed"), _names(office / "quarantine")
    wrong = {}
    for name, want in expect.items():
        got = outcomes[name]
        if got["outcome"] != want.outcome or (want.doc_type and got["doc_type"] != want.doc_type):
            wrong[name] = (got["outcome"], got["doc_type"], got["message"])
    assert not wrong, '\n'.join(f'{k}: {v}' for k, v in wrong.items())
    with transaction(open_runtime(db_url).sessions) as session:
        codes = {r.filename: session.get(Document, r.document_id).error_code for r in session.scalars(select(Receipt))}
        stored = [d.text or "" for d in session.scalars(select(Document))]
    for name, want in expect.items():
        stored_as = next(p for p in (processed | quarantined) if p.startswith(name[:40].split(".")[0][:20]))
        assert stored_as
        if want.outcome == "quarantined":
            notes = [p for p in quarantined if p.endswith(".error.txt") and p.startswith(name[:20])]
            assert notes, f"no .error.txt for {name}"
            if name not in ("空文件.pdf",):  # the second empty file shares the first's document (same bytes)
                assert codes[name] == want.code, (name, codes[name])
    # each empty file has its own reason naming it, not "duplicate"
    for name in ("空文件.docx", "空文件.pdf"):
        note = (office / "quarantine" / f"{name}.error.txt").read_text(encoding="utf-8")
        assert name in note and "空文件" in note and "隔离原因" in note
    assert all(OUTSIDE_MARKER not in text for text in stored)
    assert "root:" not in "".join(stored)
    out, err = capfd.readouterr()
    assert "Traceback" not in caplog.text + out + err
