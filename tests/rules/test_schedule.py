"""Due dates of disclosure commitments, and report.disclosure_overdue."""

from __future__ import annotations

from datetime import date, datetime

import pytest

from rules.loader import RuleSet
from rules.schedule import commitment_key, due_dates, evaluate_disclosures, plan_start
from schemas.models import Commitment, Deadline, PriorDocument, Span

TOWN = "某县某镇人民政府"
OPEN_DAY = "落实“统一公开日”(每季度第一周的星期一)制度,政务公开目录向社会全面公开。"


def c(
    cadence: str | None, schedule: str | None = None, text: str = "财务事项公开。", action: str = "公开"
) -> Commitment:
    return Commitment(
        text=text, action=action, cadence=cadence, schedule=schedule, evidence=Span(start=10, end=40)
    )


@pytest.mark.parametrize(
    ("commitment", "start", "end", "expected"),
    [
        # first Monday on or after the quarter's first day, across a year end
        (
            c("quarterly", "每季度第一周的星期一"),
            date(2011, 4, 7),
            date(2012, 4, 30),
            [date(2011, 7, 4), date(2011, 10, 3), date(2012, 1, 2), date(2012, 4, 2)],
        ),
        # 2012-10-01 is a Monday: it is the quarter's first Monday
        (c("quarterly", "每季度第一周的星期一"), date(2012, 9, 1), date(2012, 12, 31), [date(2012, 10, 1)]),
        (
            c("quarterly"),
            date(2011, 2, 1),
            date(2011, 12, 31),
            [date(2011, 3, 31), date(2011, 6, 30), date(2011, 9, 30), date(2011, 12, 31)],
        ),
        (
            c("monthly", "每月10日前"),
            date(2011, 11, 11),
            date(2012, 2, 10),
            [date(2011, 12, 10), date(2012, 1, 10), date(2012, 2, 10)],
        ),
        (
            c("monthly", "每月"),
            date(2012, 1, 15),
            date(2012, 3, 31),
            [date(2012, 1, 31), date(2012, 2, 29), date(2012, 3, 31)],
        ),  # leap year
        (
            c("monthly", "每月第一个星期一"),
            date(2011, 8, 1),
            date(2011, 9, 30),
            [date(2011, 8, 1), date(2011, 9, 5)],
        ),
        (
            c("semiannual"),
            date(2010, 7, 1),
            date(2011, 12, 31),
            [date(2010, 12, 31), date(2011, 6, 30), date(2011, 12, 31)],
        ),
        (
            c("yearly", "每年3月31日前"),
            date(2010, 4, 1),
            date(2012, 12, 31),
            [date(2011, 3, 31), date(2012, 3, 31)],
        ),
        (c("yearly", "每年1月"), date(2010, 12, 1), date(2011, 12, 31), [date(2011, 1, 31)]),
        (c("yearly"), date(2010, 6, 1), date(2011, 12, 31), [date(2010, 12, 31), date(2011, 12, 31)]),
        (
            c("weekly", "每周五"),
            date(2011, 4, 6),
            date(2011, 4, 22),
            [date(2011, 4, 8), date(2011, 4, 15), date(2011, 4, 22)],
        ),
        (c("once", "2011年6月底前"), date(2011, 4, 6), date(2011, 12, 31), [date(2011, 6, 30)]),
        (
            c("once", "6月30日前"),
            date(2011, 7, 6),
            date(2012, 12, 31),
            [date(2012, 6, 30)],
        ),  # no year: the next one
        (c("daily"), date(2011, 1, 1), date(2011, 1, 31), []),
        (c("ad_hoc"), date(2011, 1, 1), date(2011, 12, 31), []),
        (c(None), date(2011, 1, 1), date(2011, 12, 31), []),
        # no cadence extracted: the sentence itself says "每月"
        (
            c(None, text="涉及财务的事项每月公开一次。"),
            date(2011, 1, 1),
            date(2011, 2, 28),
            [date(2011, 1, 31), date(2011, 2, 28)],
        ),
    ],
)
def test_due_dates(commitment: Commitment, start: date, end: date, expected: list[date]) -> None:
    assert due_dates(commitment, start, end) == expected


def open_day() -> Commitment:
    return c("quarterly", "每季度第一周的星期一", text=OPEN_DAY)


def later(text: str, received: date, agency: str = TOWN) -> PriorDocument:
    return PriorDocument(
        document_id=f"later-{received}",
        agency=agency,
        text=text,
        received_at=datetime(received.year, received.month, received.day, 9),
    )


RECORD = "我镇于统一公开日将政务公开目录向社会公开,接受群众监督。"


def evaluate(rules: RuleSet, docs=(), done=frozenset(), today=date(2012, 1, 20), commitments=None):
    return evaluate_disclosures(
        commitments or [open_day()], TOWN, date(2011, 4, 6), list(docs), set(done), rules, today
    )


def statuses(deadlines: list[Deadline]) -> list[tuple[date, str]]:
    return [(d.due_date, d.status) for d in deadlines]


def test_nothing_recorded_flags_only_the_latest_overdue_date(rules: RuleSet) -> None:
    flags, deadlines = evaluate(rules)
    (flag,) = flags
    assert flag.rule_id == "report.disclosure_overdue"
    assert flag.due_date == date(2012, 1, 2)
    assert flag.evidence.text == OPEN_DAY
    assert statuses(deadlines) == [
        (date(2011, 7, 4), "overdue"),
        (date(2011, 10, 3), "overdue"),
        (date(2012, 1, 2), "overdue"),
        (date(2012, 4, 2), "pending"),
    ]
    assert all(d.kind == "disclosure" for d in deadlines)


def test_later_record_of_the_same_body_meets_its_date(rules: RuleSet) -> None:
    docs = [later(RECORD, date(2011, 7, 5)), later(RECORD, date(2012, 1, 3))]
    flags, deadlines = evaluate(rules, docs)
    assert [f.due_date for f in flags] == [date(2011, 10, 3)]
    assert statuses(deadlines)[:3] == [
        (date(2011, 7, 4), "met"),
        (date(2011, 10, 3), "overdue"),
        (date(2012, 1, 2), "met"),
    ]


@pytest.mark.parametrize(
    "doc",
    [
        later(RECORD, date(2011, 7, 5), agency="某县另一镇人民政府"),  # another body
        later("我镇召开了安全生产工作会议。", date(2011, 7, 5)),  # not about the commitment
        later(RECORD, date(2011, 6, 1)),  # long before the date: not this occurrence
    ],
)
def test_unrelated_documents_do_not_meet_a_date(rules: RuleSet, doc: PriorDocument) -> None:
    _, deadlines = evaluate(rules, [doc], today=date(2011, 8, 1))
    assert statuses(deadlines)[0] == (date(2011, 7, 4), "overdue")


def test_supervisor_marked_done(rules: RuleSet) -> None:
    key = commitment_key(open_day())
    flags, deadlines = evaluate(rules, done={(key, date(2012, 1, 2))})
    assert [f.due_date for f in flags] == [date(2011, 10, 3)]
    assert (date(2012, 1, 2), "met") in statuses(deadlines)


def test_commitment_key_is_stable_across_spacing() -> None:
    assert commitment_key(open_day()) == commitment_key(
        c("quarterly", text=OPEN_DAY.replace(",", "，") + " ")
    )
    assert len(commitment_key(open_day())) == 16


def test_within_grace_is_pending_not_overdue(rules: RuleSet) -> None:
    flags, deadlines = evaluate(rules, today=date(2011, 7, 5))
    assert flags == []
    assert statuses(deadlines) == [(date(2011, 7, 4), "pending"), (date(2011, 10, 3), "pending")]


def test_nothing_due_before_the_report_date(rules: RuleSet) -> None:
    flags, deadlines = evaluate(rules, today=date(2011, 4, 30))
    assert flags == []
    assert statuses(deadlines) == [(date(2011, 7, 4), "pending")]


def test_unscheduled_commitments_give_nothing(rules: RuleSet) -> None:
    flags, deadlines = evaluate(rules, commitments=[c("ad_hoc", text="应当及时公开的事项随时公开。")])
    assert (flags, deadlines) == ([], [])


def test_disabled_rule_gives_nothing(rules: RuleSet) -> None:
    fewer = RuleSet({k: v for k, v in rules.items() if k != "report.disclosure_overdue"})
    assert evaluate(fewer) == ([], [])


def test_due_date_on_a_holiday_moves_to_the_next_working_day(rules: RuleSet, cal) -> None:
    assert not cal.is_workday(date(2011, 10, 3))  # National Day holiday
    flags, deadlines = evaluate_disclosures(
        [open_day()], TOWN, date(2011, 4, 6), [], set(), rules, date(2011, 11, 1), cal=cal
    )
    moved = [d.due_date for d in deadlines if d.due_date.month == 10]
    assert len(moved) == 1 and moved[0] > date(2011, 10, 7) and cal.is_workday(moved[0])
    assert flags[0].due_date == moved[0]


def test_an_old_reports_promises_set_no_due_dates_years_later() -> None:
    from rules.loader import load_rules

    quarterly = Commitment(
        text="每季度对村务公开进行检查，检查结果在全镇范围内进行通报。", action="检查", cadence="quarterly",
        schedule="每季度", responsible="纪委书记", evidence=Span(start=0, end=10),
    )
    flags, deadlines = evaluate_disclosures(
        [quarterly], "某镇人民政府", date(2011, 4, 6), [], set(), load_rules(), date(2026, 11, 26)
    )
    assert all(d.due_date <= date(2012, 10, 6) for d in deadlines)
    assert len(flags) == 1 and flags[0].due_date.year == 2012


PLAN_PERIODS = {
    "next_month": ["下月"],
    "next_quarter": ["下季度"],
    "second_half": ["下半年"],
    "next_year": ["明年"],
}


@pytest.mark.parametrize(
    ("section", "issued", "start"),
    [
        (None, date(2025, 9, 28), date(2025, 9, 29)),
        ("工作成效", date(2025, 9, 28), date(2025, 9, 29)),
        ("下月工作安排", date(2025, 9, 28), date(2025, 10, 1)),  # written at the month's end
        ("下月工作安排", date(2025, 10, 3), date(2025, 10, 4)),  # written after it: October is "next"
        ("下季度工作计划", date(2025, 9, 20), date(2025, 10, 1)),
        ("下季度工作计划", date(2025, 10, 8), date(2025, 10, 9)),
        ("下半年工作打算", date(2025, 6, 20), date(2025, 7, 1)),
        ("明年工作打算", date(2025, 12, 20), date(2026, 1, 1)),
        ("明年工作打算", date(2026, 1, 15), date(2026, 1, 16)),
    ],
)
def test_plan_start(section: str | None, issued: date, start: date) -> None:
    assert plan_start(section, issued, PLAN_PERIODS) == start


def test_next_month_plan_is_not_due_in_the_reported_month(rules: RuleSet, cal) -> None:
    """A 月报 of 28 September plans a quarterly inspection for next month: no 30 September due date."""
    planned = Commitment(
        text="每季度组织一次村务公开情况督查。", action="督查", cadence="quarterly", section="下月工作安排",
        evidence=Span(start=0, end=10),
    )
    unplanned = planned.model_copy(update={"section": "本月工作"})
    args = (TOWN, date(2025, 9, 28), [], set(), rules, date(2025, 10, 10), cal)
    flags, deadlines = evaluate_disclosures([planned], *args)
    assert flags == [] and [d.due_date for d in deadlines] == [date(2025, 12, 31)]
    flags, _ = evaluate_disclosures([unplanned], *args)
    assert [f.due_date for f in flags] == [date(2025, 9, 30)]
