"""Repository behaviour that supervisors rely on: flag status survives re-evaluation, history is kept."""

from __future__ import annotations

from datetime import date, datetime

import pytest
from sqlalchemy import select

from config.settings import TZ
from schemas.models import Analysis, CaseEvent, DocType, Evidence, Flag, FlagStatus
from schemas.tables import AuditEntry, Document
from storage import repo
from storage.db import make_engine, transaction


def _flag(rule_id: str, start: int = 0, due: date | None = None) -> Flag:
    return Flag(
        rule_id=rule_id, severity="warning", message="测试", due_date=due,
        evidence=Evidence(start=start, end=start + 4, page=1, text="证据文字"),
    )


def _document(session, sha: str = "a" * 64) -> Document:
    document = repo.create_document(
        session, sha256=sha, filename="投诉书.docx", received_at=datetime(2026, 10, 9, 9, 0, tzinfo=TZ),
        run_id=None, fmt="docx", pages=1, text="投诉书正文",
    )
    session.flush()
    return document


def test_flag_status_survives_reevaluation_and_retires_when_no_longer_raised(sessions) -> None:
    with transaction(sessions) as session:
        document = _document(session)
        repo.store_analysis(
            session, document,
            Analysis(doc_type=DocType.complaint, doc_type_confidence=0.9,
                     flags=[_flag("complaint.missing.complainant.age"), _flag("complaint.time_barred", 10)]),
            signature=None,
        )
        doc_id = document.id
    with transaction(sessions) as session:
        document = session.get(Document, doc_id)
        age = next(f for f in document.flags if f.rule_id.endswith("age"))
        repo.set_flag_status(session, age.id, FlagStatus.confirmed, "张科长", "已电话通知补正")
    with transaction(sessions) as session:  # the nightly raises the same two flags again
        document = session.get(Document, doc_id)
        repo.sync_flags(session, document, [_flag("complaint.missing.complainant.age")])
    with transaction(sessions) as session:
        document = session.get(Document, doc_id)
        by_rule = {f.rule_id: f for f in document.flags}
        assert len(document.flags) == 2
        assert by_rule["complaint.missing.complainant.age"].status == "confirmed"
        assert by_rule["complaint.time_barred"].status == "resolved"
        assert by_rule["complaint.time_barred"].active is False
        history = session.scalars(select(AuditEntry).order_by(AuditEntry.id)).all()
        assert [(h.actor, h.detail["to"]) for h in history] == [("张科长", "confirmed"), ("system", "resolved")]


def test_overdue_flags_for_different_due_dates_are_distinct(sessions) -> None:
    with transaction(sessions) as session:
        document = _document(session)
        repo.sync_flags(session, document, [
            _flag("report.disclosure_overdue", 5, date(2026, 1, 5)),
            _flag("report.disclosure_overdue", 5, date(2026, 4, 6)),
        ])
        assert len(document.flags) == 2


def test_json_fields_keep_chinese_readable(sessions, db_url: str) -> None:
    with transaction(sessions) as session:
        document = _document(session)
        document.fields = {"complainant": {"name": "韦小宝"}}
    engine = make_engine(db_url)
    with engine.connect() as conn:
        raw = conn.exec_driver_sql("SELECT CAST(fields AS TEXT) FROM documents").scalar()
    engine.dispose()
    assert "韦小宝" in raw  # not \\u escapes: staff can query by Chinese keys and values


def test_case_events_only_for_complaints(sessions) -> None:
    with transaction(sessions) as session:
        document = _document(session)
        document.doc_type = DocType.work_report
        doc_id = document.id
    with transaction(sessions) as session, pytest.raises(LookupError):
        repo.add_case_event(session, doc_id, CaseEvent(kind="accepted", on=date(2026, 10, 10)), "staff")


def test_claims_are_exclusive(sessions) -> None:
    with transaction(sessions) as session:
        run_a = repo.start_run(session, "run", None).id
        run_b = repo.start_run(session, "run", None).id
    with transaction(sessions) as session:
        assert repo.claim_file(session, "/inbox/a.docx", run_a)
    with transaction(sessions) as session:
        assert not repo.claim_file(session, "/inbox/a.docx", run_b)
    with transaction(sessions) as session:
        repo.finish_run(session, run_a, "crashed", {})
    with transaction(sessions) as session:
        from datetime import timedelta

        assert repo.release_dead_claims(session, timedelta(hours=2), lambda pid: True) == 1
    with transaction(sessions) as session:
        assert repo.claim_file(session, "/inbox/a.docx", run_b)


def test_signature_index_grows_without_losing_rows() -> None:
    # the matrix grows by doubling: every row added before and after a growth is still found
    from storage.signatures import SignatureIndex

    index = SignatureIndex()
    for n in range(200):
        index.add(f"doc-{n}", [n, n + 1, n + 2, 7])
    index.add("doc-short", [1, 2])  # another length: never comparable, ignored
    assert index.nearest([150, 151, 152, 0], None, limit=3, min_shared=3) == ["doc-150"]
    assert index.nearest([0, 0, 0, 7], None, limit=2, min_shared=1) == ["doc-0", "doc-1"]
    assert index.nearest([5, 6, 7, 7], "doc-5", limit=5, min_shared=3) == []


def test_a_database_error_does_not_repeat_the_values_it_was_given(db_url: str) -> None:
    """SQLAlchemy leaves the bound values out of a failed statement's message. (PostgreSQL's own DETAIL may
    still quote a key: hence the pipeline logs an exception's class, never its message.)"""
    from sqlalchemy import text as sql
    from sqlalchemy.exc import IntegrityError

    engine = make_engine(db_url)
    try:
        with engine.begin() as conn:
            conn.execute(sql("CREATE TABLE probe (phone VARCHAR(20) PRIMARY KEY)"))
            conn.execute(sql("INSERT INTO probe VALUES (:p)"), {"p": "13907351234"})
        with pytest.raises(IntegrityError) as raised, engine.begin() as conn:
            conn.execute(sql("INSERT INTO probe VALUES (:p)"), {"p": "13907351234"})
        message = str(raised.value)
        assert "parameters hidden" in message and "[parameters:" not in message
    finally:
        with engine.begin() as conn:
            conn.execute(sql("DROP TABLE IF EXISTS probe"))
        engine.dispose()
