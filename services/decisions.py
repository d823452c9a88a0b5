"""A supervisor's decision on a flag and a case event on a complaint: decided here once, for the CLI
and the review app alike."""

from __future__ import annotations

from datetime import date

from sqlalchemy.orm import Session

from config.runtime import Runtime
from schemas.models import CaseEvent, CaseEventKind, FlagStatus
from schemas.tables import FlagRow
from services.feedback import learn_from_decision
from services.reevaluate import reevaluate_document
from storage import repo
from storage.db import transaction

DECISION_LABELS = {
    FlagStatus.confirmed: "确认",
    FlagStatus.dismissed: "驳回",
    FlagStatus.resolved: "已解决",
    FlagStatus.open: "重新打开",
}
CASE_EVENT_LABELS = {
    CaseEventKind.accepted: "受理/立案",
    CaseEventKind.rejected: "不予受理",
    CaseEventKind.suspended: "中止调查",
    CaseEventKind.resumed: "恢复调查",
    CaseEventKind.extended: "批准延长",
    CaseEventKind.decided: "作出处理决定",
    CaseEventKind.served: "文书送达",
    CaseEventKind.closed: "结案",
}


class DecisionError(ValueError):
    """A decision that cannot be recorded; the message is for staff, in Chinese."""


def parse_status(value: str) -> FlagStatus:
    try:
        return FlagStatus(value)
    except ValueError as e:
        raise DecisionError(f"状态不正确：{value}。可选：{'、'.join(s.value for s in FlagStatus)}") from e


def decide_flag(session: Session, flag_id: int, status: FlagStatus | str, actor: str, reason: str | None) -> FlagRow:
    """Confirm, dismiss, resolve or reopen a flag. A reason is required: it is what the record says why."""
    status = parse_status(str(status))
    reason = (reason or "").strip()
    if not reason:
        raise DecisionError("请写明理由（复核意见）")
    try:
        row = repo.set_flag_status(session, flag_id, status, actor, reason)
    except LookupError as e:
        raise DecisionError(str(e)) from e
    learn_from_decision(session, row, status, actor, reason)
    return row


def decide_flags(
    session: Session, flag_ids: list[int], status: FlagStatus | str, actor: str, reason: str | None
) -> list[FlagRow]:
    """The same decision on several flags (a filtered queue), all or none."""
    if not flag_ids:
        raise DecisionError("没有选中任何问题标记")
    return [decide_flag(session, flag_id, status, actor, reason) for flag_id in flag_ids]


def parse_case_event(kind: str, on: str, note: str | None) -> CaseEvent:
    try:
        return CaseEvent(kind=CaseEventKind(kind), on=date.fromisoformat(on), note=(note or "").strip() or None)
    except ValueError as e:
        allowed = "、".join(k.value for k in CaseEventKind)
        raise DecisionError(f"节点类型或日期不正确。类型可选：{allowed}；日期格式 YYYY-MM-DD。") from e


def record_case_event(rt: Runtime, document_id: str, event: CaseEvent, actor: str, today: date) -> None:
    """Record the event, then recompute the complaint's deadlines and flags against `today` at once."""
    try:
        with transaction(rt.sessions) as session:
            repo.add_case_event(session, document_id, event, actor)
    except LookupError as e:
        raise DecisionError(str(e)) from e
    reevaluate_document(rt, document_id, today)
