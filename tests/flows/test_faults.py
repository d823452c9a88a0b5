"""Faults beyond a crash between commit and move (test_inbox_flow, test_concurrency): a file that fails
every run, a conversion that hangs, a disk that fills while moving. Nothing is lost and nothing stays in
the inbox failing for ever."""

from __future__ import annotations

import errno
import os
import shutil
import stat
import time
from pathlib import Path

import pytest

from flows import files as files_module
from flows import process as process_module
from flows import reading as reading_module
from flows.files import move
from flows.inbox import inbox_flow
from tests.conftest import FIXTURES

pytestmark = pytest.mark.slow

NOTE = "劳动保障监察投诉书\n投诉人：韦国强\n被投诉单位：融水县鸿达建筑工程有限公司\n请求事项：支付拖欠工资。\n"


def _inbox(tmp_path: Path) -> Path:
    inbox = tmp_path / "office" / "inbox"
    inbox.mkdir(parents=True)
    return inbox


def test_a_file_that_fails_every_run_is_quarantined_after_the_attempts(
    prefect_harness, db_url: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("GAPFLOW_MAX_ATTEMPTS", "2")
    inbox = _inbox(tmp_path)
    (inbox / "坏信.txt").write_text(NOTE, encoding="utf-8")
    (inbox / "好信.txt").write_text(NOTE.replace("韦国强", "覃小红"), encoding="utf-8")
    real = process_module.read_cached

    def flaky(data: bytes, filename: str, *args, **kwargs):  # type: ignore[no-untyped-def]
        if filename == "坏信.txt":
            raise RuntimeError("a bug nobody foresaw")
        return real(data, filename, *args, **kwargs)

    monkeypatch.setattr(process_module, "read_cached", flaky)
    for _ in range(2):
        result = inbox_flow(inbox=str(inbox), db_url=db_url, today="2026-11-26")
        assert result["status"] == "failed"  # something did not finish: exit 1, retried next run
        assert (inbox / "坏信.txt").exists()
    third = inbox_flow(inbox=str(inbox), db_url=db_url, today="2026-11-26")
    assert third["status"] == "completed"
    assert [(f["filename"], f["outcome"]) for f in third["files"]] == [("坏信.txt", "quarantined")]
    assert os.listdir(inbox) == []
    note = (inbox.parent / "quarantine" / "坏信.txt.error.txt").read_text(encoding="utf-8")
    assert "failed_repeatedly" in note and "尝试处理 2 次" in note and "RuntimeError" in note


def test_a_conversion_that_hangs_is_killed_retried_and_then_finished(
    prefect_harness, db_url: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("GAPFLOW_CONVERT_TIMEOUT", "1")
    hang = tmp_path / "soffice"
    marker = tmp_path / "still_running"
    hang.write_text(f"#!/bin/sh\nsleep 30\ntouch {marker}\n")
    hang.chmod(hang.stat().st_mode | stat.S_IEXEC)
    monkeypatch.setattr(reading_module, "find_soffice", lambda: str(hang))
    inbox = _inbox(tmp_path)
    (inbox / "旧信.doc").write_bytes((FIXTURES / "broken" / "old_word_format.doc").read_bytes())

    started = time.monotonic()
    first = inbox_flow(inbox=str(inbox), db_url=db_url, today="2026-11-26")
    assert time.monotonic() - started < 25  # killed at the timeout, not waited for
    assert first["status"] == "failed" and (inbox / "旧信.doc").exists()
    time.sleep(0.5)
    assert not marker.exists()

    monkeypatch.setattr(reading_module, "find_soffice", lambda: None)  # next run: no LibreOffice at all
    second = inbox_flow(inbox=str(inbox), db_url=db_url, today="2026-11-26")
    assert second["status"] == "completed" and second["files"][0]["outcome"] == "quarantined"
    assert "LibreOffice" in (inbox.parent / "quarantine" / "旧信.doc.error.txt").read_text(encoding="utf-8")


def test_disk_full_while_moving_across_volumes_leaves_the_source_and_no_half_file(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    source = tmp_path / "inbox" / "信.txt"
    source.parent.mkdir()
    source.write_text(NOTE, encoding="utf-8")
    target = tmp_path / "processed" / "信.txt"

    def cross_device(src: str, dst: str) -> None:
        raise OSError(errno.EXDEV, "cross-device link")

    def full(src: str, dst: str, **kwargs: object) -> None:
        Path(dst).write_bytes(b"half")
        raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr(files_module.os, "replace", cross_device)
    monkeypatch.setattr(shutil, "copy2", full)
    with pytest.raises(OSError):
        move(source, target)
    assert source.exists() and not target.exists()


def test_a_link_is_moved_as_a_link_never_copied_through(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    secret = tmp_path / "secret.txt"
    secret.write_text("机密", encoding="utf-8")
    link = tmp_path / "inbox" / "link.txt"
    link.parent.mkdir()
    link.symlink_to(secret)

    def cross_device(src: str, dst: str) -> None:
        raise OSError(errno.EXDEV, "cross-device link")

    monkeypatch.setattr(files_module.os, "replace", cross_device)
    move(link, tmp_path / "quarantine" / "link.txt")
    moved = tmp_path / "quarantine" / "link.txt"
    assert moved.is_symlink() and os.readlink(moved) == str(secret) and not os.path.lexists(link)
