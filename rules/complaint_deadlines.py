"""Deadlines of a complaint case: acceptance, investigation, limitation, administrative review, lawsuit.

Pure: takes the case events and `today`. Events dated after `today` are ignored, so that a replay of an
earlier day (`gapflow nightly --today`) sees the case as it stood then.

Status: `pending` while the date has not passed; `met` when the closing event came on or before it (for the
parties' periods - administrative review, lawsuit - `met` means the period has run its course);
`overdue` when it passed without the closing event, or the event came late.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date, timedelta

from rules.calendar import WorkCalendar
from rules.flagging import PROVISIONAL_NOTE, field_evidence, fmt, make_flag
from rules.loader import RuleSet
from schemas.errors import RuleError
from schemas.models import CaseEvent, CaseEventKind, ComplaintFields, Deadline, DeadlineStatus, Flag, RuleSpec

ACCEPTANCE = "complaint.acceptance_overdue"
INVESTIGATION = "complaint.investigation_overdue"
LIMITATION = "complaint.time_barred"
REMEDIES = "complaint.remedy_periods"

DECISION_KINDS = (CaseEventKind.accepted, CaseEventKind.rejected)
END_KINDS = (CaseEventKind.decided, CaseEventKind.closed)


@dataclass(frozen=True)
class Case:
    """What every deadline step reads; events sorted by date and none after `today`."""

    fields: ComplaintFields
    events: list[CaseEvent]
    rules: RuleSet
    calendar: WorkCalendar
    today: date
    text: str | None

    def number(self, rule_id: str, name: str) -> int:
        value = self.rules.param(rule_id, name)
        if not isinstance(value, int):
            raise RuleError(f"规则 {rule_id} 的参数 {name} 应为整数，实际为 {value!r}")
        return value


@dataclass(frozen=True)
class Outcome:
    deadlines: list[Deadline]
    flags: list[Flag]


def _first(events: Iterable[CaseEvent], kinds: Iterable[str], after: date | None = None) -> CaseEvent | None:
    kinds = set(kinds)
    return next((e for e in events if e.kind in kinds and (after is None or e.on >= after)), None)


def _status(due: date, done: date | None, today: date) -> DeadlineStatus:
    if done is not None:
        return DeadlineStatus.met if done <= due else DeadlineStatus.overdue
    return DeadlineStatus.overdue if today > due else DeadlineStatus.pending


def case_deadlines(
    fields: ComplaintFields,
    events: list[CaseEvent],
    rules: RuleSet,
    calendar: WorkCalendar,
    today: date,
    text: str | None = None,
) -> Outcome:
    """Every deadline the rules switched on yield for this case, and the flags of those overdue."""
    seen = sorted((e for e in events if e.on <= today), key=lambda e: e.on)
    case = Case(fields, seen, rules, calendar, today, text)
    out = Outcome([], [])
    for step in (_acceptance, _investigation, _limitation, _remedies):
        step(case, out)
    return out


def _acceptance(case: Case, out: Outcome) -> None:
    rule = case.rules.get(ACCEPTANCE)
    received = case.fields.received_date
    if rule is None or received is None:
        return
    n = case.number(ACCEPTANCE, "acceptance_workdays")
    due, provisional = case.calendar.add_workdays(received, n)
    decision = _first(case.events, DECISION_KINDS, after=received)
    status = _status(due, decision.on if decision else None, case.today)
    out.deadlines.append(
        Deadline(
            kind="acceptance", due_date=due, basis=f"{n}个工作日", status=status, provisional=provisional
        )
    )
    if status != DeadlineStatus.overdue:
        return
    note = PROVISIONAL_NOTE if provisional else ""
    if decision is None:
        msg = (
            f"投诉于{fmt(received)}收到，应在{n}个工作日内、最迟于{fmt(due)}作出受理或不予受理决定{note}，"
            f"至今未见决定；请尽快审查并作出决定，不予受理的应书面通知投诉人。"
        )
    else:
        msg = (
            f"投诉于{fmt(received)}收到，受理期限为{fmt(due)}{note}，实际于{fmt(decision.on)}作出决定，"
            f"超过{n}个工作日；请在案卷中说明超期原因。"
        )
    out.flags.append(make_flag(rule, msg, due_date=due))


def suspensions(events: list[CaseEvent]) -> tuple[list[tuple[date, date]], date | None]:
    """Suspended intervals (inclusive: suspension day .. the day before resumption) and an open suspension."""
    spans: list[tuple[date, date]] = []
    open_since: date | None = None
    for e in events:
        if e.kind == CaseEventKind.suspended and open_since is None:
            open_since = e.on
        elif e.kind == CaseEventKind.resumed and open_since is not None:
            if e.on > open_since:
                spans.append((open_since, e.on - timedelta(days=1)))
            open_since = None
    return spans, open_since


def _investigation(case: Case, out: Outcome) -> None:
    rule = case.rules.get(INVESTIGATION)
    filed = _first(case.events, [CaseEventKind.accepted])
    if rule is None or filed is None:
        return
    n = case.number(INVESTIGATION, "investigation_workdays")
    extended = _first(case.events, [CaseEventKind.extended], after=filed.on) is not None
    if extended:
        n += case.number(INVESTIGATION, "extension_workdays")
    spans, open_since = suspensions([e for e in case.events if e.on >= filed.on])
    if open_since is not None:
        # The clock stands still while suspended: count as if it resumed tomorrow.
        spans.append((open_since, max(open_since, case.today)))
    due, provisional = case.calendar.add_workdays(filed.on, n, excluded=spans)
    end = _first(case.events, END_KINDS, after=filed.on)
    status = _status(due, end.on if end else None, case.today)
    basis = f"{n}个工作日" + ("（含经批准延长）" if extended else "") + ("，中止期间不计" if spans else "")
    if open_since is not None and status == DeadlineStatus.pending:
        basis += "，目前调查中止"
    out.deadlines.append(
        Deadline(kind="investigation", due_date=due, basis=basis, status=status, provisional=provisional)
    )
    if status != DeadlineStatus.overdue:
        return
    note = PROVISIONAL_NOTE if provisional else ""
    used = case.calendar.workdays_between(filed.on, end.on if end else case.today, excluded=spans)
    head = f"案件于{fmt(filed.on)}立案，调查期限{basis}，最迟应于{fmt(due)}完成{note}"
    if end is None:
        tail = f"；至今已用{used}个工作日仍未作出处理决定或结案" + (
            "，请尽快作出处理决定。" if extended else "，请尽快作出处理决定，情况复杂的应报负责人批准延长。"
        )
    else:
        tail = f"；实际于{fmt(end.on)}办结，用时{used}个工作日，超过期限；请在案卷中说明超期原因。"
    out.flags.append(make_flag(rule, head + tail, due_date=due))


def _remedies(case: Case, out: Outcome) -> None:
    rule = case.rules.get(REMEDIES)
    served = [e for e in case.events if e.kind == CaseEventKind.served]
    if rule is None or not served:
        return
    on = served[-1].on  # the latest service is the one whose periods still run
    shift = bool(rule.params.get("end_on_rest_day_moves", True))
    days = case.number(REMEDIES, "admin_review_days")
    months = case.number(REMEDIES, "litigation_months")
    review_note = _source_note(rule, "admin_review_days", "日")
    review_basis = f"文书送达之日起{days}日" + (f"（{review_note}）" if review_note else "")
    lawsuit_basis = (
        f"直接起诉：文书送达之日起{months}个月（{_source_note(rule, 'litigation_months', '个月') or '未注明依据'}）；"
        f"经行政复议的：收到复议决定书之日起15日内（《行政诉讼法》第四十五条）"
    )
    for kind, (due, provisional), basis in (
        ("admin_review", case.calendar.add_days(on, days, shift), review_basis),
        ("litigation", case.calendar.add_months(on, months, shift), lawsuit_basis),
    ):
        status = DeadlineStatus.met if case.today > due else DeadlineStatus.pending
        out.deadlines.append(
            Deadline(kind=kind, due_date=due, basis=basis, status=status, provisional=provisional)
        )


def _source_note(rule: RuleSpec, name: str, unit: str) -> str:
    """Where a period comes from, as told to a party: the article; for an office override, both periods."""
    pb = rule.param_basis.get(name)
    if pb is None:
        return ""
    if pb.kind == "law":
        return pb.basis or ""
    note = f"依本机构公开办事程序{pb.source}"
    if pb.law_value is not None and pb.law_value != rule.params.get(name):
        law = f"，{pb.basis}" if pb.basis else ""
        note += f"；现行法定期限为{pb.law_value}{unit}{law}"
    return note


def _limitation(case: Case, out: Outcome) -> None:
    rule = case.rules.get(LIMITATION)
    end = case.fields.violation_end
    # Only an END date starts the clock: a continuing violation (start known, no end) is never time-barred.
    if rule is None or end is None:
        return
    years = case.number(LIMITATION, "limitation_years")
    # Off unless the office's policy says otherwise (complaint.yaml: no text moves the end of the two years).
    shift = bool(rule.params.get("end_on_rest_day_moves", False))
    due, provisional = case.calendar.add_months(end, 12 * years, shift)
    received = case.fields.received_date
    status = _status(due, received, case.today)
    out.deadlines.append(
        Deadline(
            kind="limitation",
            due_date=due,
            basis=f"违法行为终了之日起{years}年",
            status=status,
            provisional=provisional,
        )
    )
    if received is None or received <= due:
        return
    note = PROVISIONAL_NOTE if provisional else ""
    msg = (
        f"违法行为于{fmt(end)}终了，至{fmt(received)}收到投诉已超过{years}年（时效截至{fmt(due)}{note}），"
        f"依法不再查处；请核实违法行为是否仍在持续或已在{years}年内被发现、举报，"
        f"确已超过的应在5个工作日内决定不予受理并书面通知投诉人。"
    )
    out.flags.append(
        make_flag(rule, msg, field_evidence(case.fields, "violation_end", case.text), due_date=due)
    )
