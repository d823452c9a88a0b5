"""The batched writer (flows/commit.py) through the pass's scheduler (flows/pool.py), without Prefect:
one file failing mid-batch, the same bytes twice in one batch, a file suspected of killing a run."""

from __future__ import annotations

import os
from datetime import date
from pathlib import Path

import pytest
from sqlalchemy import select

from config.runtime import open_runtime
from flows import pool
from flows.files import InboxLayout, to_token
from schemas.tables import Document, FileAttempt, FileClaim, Receipt
from storage import repo
from storage.db import transaction

TODAY = date(2026, 11, 26)
LETTER = "劳动保障监察投诉书\n投诉人：{name}\n被投诉单位：融水县鸿达建筑工程有限公司\n请求事项：支付拖欠工资{n}元。\n"
NAMES = ["韦国强", "覃小红", "莫德福", "蒙桂兰", "廖春生"]


def _inbox(tmp_path: Path) -> Path:
    inbox = tmp_path / "office" / "inbox"
    inbox.mkdir(parents=True)
    InboxLayout(inbox).ensure()  # processed/ and quarantine/, as the pass's scan makes them
    for i, name in enumerate(NAMES):
        (inbox / f"{i}_{name}.txt").write_text(LETTER.format(name=name, n=1000 + i), encoding="utf-8")
    return inbox


def _pass(inbox: Path, db_url: str, workers: int = 1) -> list[dict]:
    rt = open_runtime(db_url)
    with transaction(rt.sessions) as session:
        run_id = repo.start_run(session, "run", TODAY).id
    paths = [to_token(p) for p in sorted(inbox.iterdir())]
    return pool.process_many(paths, str(inbox), db_url, run_id, TODAY, workers)


def test_one_file_failing_mid_batch_leaves_it_in_the_inbox_and_commits_the_others(
    db_url: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("GAPFLOW_SETTLE_SECONDS", "0")
    monkeypatch.setenv("GAPFLOW_MAX_ATTEMPTS", "1")
    monkeypatch.setattr(pool, "COMMIT_EVERY", 3)  # two batches: the bad file is the middle of the first
    inbox = _inbox(tmp_path)
    real = repo.store_analysis

    def store_fails_for_one(session, document, analysis, signature):  # type: ignore[no-untyped-def]
        if document.filename == "1_覃小红.txt":
            raise RuntimeError("a bug in storing this one document")
        return real(session, document, analysis, signature)

    monkeypatch.setattr(repo, "store_analysis", store_fails_for_one)
    first = {o["filename"]: o["outcome"] for o in _pass(inbox, db_url)}
    assert first.pop("1_覃小红.txt") == "failed"
    assert set(first.values()) == {"processed"} and len(first) == 4
    assert os.listdir(inbox) == ["1_覃小红.txt"]
    assert len(os.listdir(inbox.parent / "processed")) == 4
    rt = open_runtime(db_url)
    with transaction(rt.sessions) as session:
        assert sorted(d.filename for d in session.scalars(select(Document))) == sorted(first)
        attempt = session.get(FileAttempt, "inbox/1_覃小红.txt")
        assert attempt is not None and attempt.last_error == "RuntimeError"
        assert session.scalars(select(FileClaim)).all() == []

    # it fails every run: after GAPFLOW_MAX_ATTEMPTS it is quarantined, saying why, instead of failing for ever
    second = _pass(inbox, db_url)
    assert [(o["filename"], o["outcome"]) for o in second] == [("1_覃小红.txt", "quarantined")]
    note = (inbox.parent / "quarantine" / "1_覃小红.txt.error.txt").read_text(encoding="utf-8")
    assert "failed_repeatedly" in note and "RuntimeError" in note
    assert os.listdir(inbox) == []


def test_the_same_bytes_twice_in_one_batch_are_one_document_and_a_duplicate_receipt(
    db_url: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("GAPFLOW_SETTLE_SECONDS", "0")
    inbox = _inbox(tmp_path)
    (inbox / "9_副本.txt").write_bytes((inbox / "0_韦国强.txt").read_bytes())
    outcomes = {o["filename"]: o for o in _pass(inbox, db_url)}
    assert outcomes["0_韦国强.txt"]["outcome"] == "processed"
    assert outcomes["9_副本.txt"]["outcome"] == "duplicate"
    assert outcomes["9_副本.txt"]["document_id"] == outcomes["0_韦国强.txt"]["document_id"]
    with transaction(open_runtime(db_url).sessions) as session:
        assert len(session.scalars(select(Document)).all()) == len(NAMES)
        receipts = sorted((r.filename, r.outcome) for r in session.scalars(select(Receipt)))
    assert ("9_副本.txt", "duplicate") in receipts and len(receipts) == len(NAMES) + 1


def test_a_file_a_dead_run_had_in_flight_is_analysed_alone_and_cleared_when_it_succeeds(
    db_url: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("GAPFLOW_SETTLE_SECONDS", "0")
    inbox = _inbox(tmp_path)
    rt = open_runtime(db_url)
    with transaction(rt.sessions) as session:  # as a run killed while this file was in a worker leaves it
        session.add(FileAttempt(path="inbox/2_莫德福.txt", attempts=1, updated_at=repo.utcnow()))
    attempts: list[int] = []
    committed_before_suspect: list[int] = []
    real = pool.analyse_one

    def watched(c, *args):  # type: ignore[no-untyped-def]
        attempts.append(c.attempts)
        if c.attempts > 1:
            with transaction(rt.sessions) as session:
                committed_before_suspect.append(len(session.scalars(select(Receipt)).all()))
        return real(c, *args)

    monkeypatch.setattr(pool, "analyse_one", watched)
    outcomes = _pass(inbox, db_url)
    assert {o["outcome"] for o in outcomes} == {"processed"}
    assert attempts == [1, 1, 2, 1, 1]
    assert committed_before_suspect == [2]  # the files before it were committed before it was read
    with transaction(rt.sessions) as session:
        assert session.scalars(select(FileAttempt)).all() == []
