"""Flag decisions and case events: a reason is required, the record shows before and after, deadlines move."""

from __future__ import annotations

from sqlalchemy import select

from schemas.tables import AuditEntry, Document, FlagRow
from storage.db import transaction
from tests.review.conftest import complaint_with_flags, page_csrf


def _flag(runtime, flag_id: int) -> FlagRow:  # type: ignore[no-untyped-def]
    with transaction(runtime.sessions) as session:
        return session.get(FlagRow, flag_id)


def test_dismissing_a_flag_with_a_reason_is_on_the_record(as_supervisor, runtime) -> None:
    doc_id, flag_id = complaint_with_flags(runtime)
    data = {"csrf_token": page_csrf(as_supervisor), "status": "dismissed", "reason": "来信已补正"}
    response = as_supervisor.post(f"/flags/{flag_id}/decision", data=data)
    assert response.status_code == 303 and response.headers["location"].startswith(f"/documents/{doc_id}")
    assert _flag(runtime, flag_id).status == "dismissed"
    with transaction(runtime.sessions) as session:
        entry = session.scalars(select(AuditEntry).where(AuditEntry.flag_id == flag_id)).one()
        assert (entry.actor, entry.detail) == ("shen", {"from": "open", "to": "dismissed", "note": "来信已补正"})


def test_a_decision_without_a_reason_is_refused(as_supervisor, runtime) -> None:
    _, flag_id = complaint_with_flags(runtime)
    data = {"csrf_token": page_csrf(as_supervisor), "status": "dismissed", "reason": "  "}
    response = as_supervisor.post(f"/flags/{flag_id}/decision", data=data)
    assert "error=" in response.headers["location"]
    assert _flag(runtime, flag_id).status == "open"


def test_bulk_decision_on_the_filtered_queue(as_supervisor, runtime) -> None:
    with transaction(runtime.sessions) as session:
        ids = list(session.scalars(select(FlagRow.id).where(FlagRow.rule_id.like("complaint.missing.%"))))
    assert len(ids) >= 2
    data = {"csrf_token": page_csrf(as_supervisor), "status": "confirmed", "reason": "已电话通知补正",
            "flag_id": [str(i) for i in ids], "back": "/queue?rule_id=x"}
    response = as_supervisor.post("/flags/bulk", data=data)
    assert response.headers["location"] == "/queue?rule_id=x"
    assert {_flag(runtime, i).status for i in ids} == {"confirmed"}


def test_recording_accepted_moves_the_deadlines_at_once(as_supervisor, runtime) -> None:
    doc_id, _ = complaint_with_flags(runtime)
    with transaction(runtime.sessions) as session:
        before = {d.kind: d.status for d in session.get(Document, doc_id).deadlines}
    assert before["acceptance"] == "overdue"
    data = {"csrf_token": page_csrf(as_supervisor), "kind": "accepted", "on": "2026-10-13", "note": "立案"}
    assert as_supervisor.post(f"/documents/{doc_id}/events", data=data).status_code == 303
    with transaction(runtime.sessions) as session:
        doc = session.get(Document, doc_id)
        after = {d.kind: d.status for d in doc.deadlines}
        overdue_flag = [f.status for f in doc.flags if f.rule_id == "complaint.acceptance_overdue"]
    assert after["acceptance"] == "met" and "investigation" in after
    assert overdue_flag == ["resolved"]


def test_a_case_event_of_an_unknown_kind_is_refused(as_supervisor, runtime) -> None:
    doc_id, _ = complaint_with_flags(runtime)
    data = {"csrf_token": page_csrf(as_supervisor), "kind": "finished", "on": "2026-10-13"}
    response = as_supervisor.post(f"/documents/{doc_id}/events", data=data)
    assert "error=" in response.headers["location"]


def test_the_cli_flag_set_goes_through_the_same_service(review_url: str, runtime) -> None:
    from typer.testing import CliRunner

    from gapflow.cli import app

    _, flag_id = complaint_with_flags(runtime)
    runner = CliRunner()
    refused = runner.invoke(app, ["flag", "set", str(flag_id), "dismissed", "--db", review_url])
    assert refused.exit_code == 2 and "理由" in refused.output
    done = runner.invoke(app, ["flag", "set", str(flag_id), "dismissed", "--note", "重复", "--db", review_url])
    assert done.exit_code == 0, done.output
    assert _flag(runtime, flag_id).status == "dismissed"
