"""Deadlines of a complaint case and the overdue flags, through evaluate_complaint with the real rule files.

Due dates are hand-computed from the holiday notices (see test_calendar.py).
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date
from typing import Any

import pytest

from rules.calendar import WorkCalendar
from rules.complaint_engine import evaluate_complaint
from rules.flagging import PROVISIONAL_NOTE
from rules.loader import RuleSet
from schemas.models import CaseEvent, ComplaintFields, Deadline, Flag, ParamBasis

D = date.fromisoformat


def case(
    rules: RuleSet,
    cal: WorkCalendar,
    today: str,
    events: Sequence[tuple[str, str]] = (),
    **fields: Any,
) -> tuple[list[Flag], dict[str, Deadline]]:
    """Only the deadline flags: the letter's content is left empty on purpose and its flags dropped."""
    evs = [CaseEvent.model_validate({"kind": k, "on": D(on)}) for k, on in events]
    flags, deadlines = evaluate_complaint(ComplaintFields(**fields), evs, rules, cal, D(today), None)
    kept = [f for f in flags if not f.rule_id.startswith("complaint.missing.")]
    return kept, {d.kind: d for d in deadlines}


# --------------------------------------------------------------------------- acceptance


@pytest.mark.parametrize(
    ("today", "events", "status", "flagged"),
    [
        ("2026-10-13", [], "pending", False),  # due day itself: still in time
        ("2026-10-14", [], "overdue", True),
        ("2026-10-20", [("accepted", "2026-10-12")], "met", False),
        ("2026-10-20", [("rejected", "2026-10-13")], "met", False),
        ("2026-10-20", [("accepted", "2026-10-15")], "overdue", True),  # decided, but late
        ("2026-10-10", [("accepted", "2026-10-12")], "pending", False),  # event after today: not yet
    ],
)
def test_acceptance_after_national_day(
    rules: RuleSet, cal: WorkCalendar, today: str, events: list, status: str, flagged: bool
) -> None:
    flags, dl = case(rules, cal, today, events, received_date=D("2026-09-30"))
    acc = dl["acceptance"]
    assert (acc.due_date, acc.status, acc.provisional) == (D("2026-10-13"), status, False)
    assert acc.basis == "5个工作日"
    assert [f.rule_id for f in flags] == (["complaint.acceptance_overdue"] if flagged else [])
    if flagged:
        assert flags[0].due_date == D("2026-10-13")
        assert "2026年10月13日" in flags[0].message and "2026年9月30日" in flags[0].message
        assert flags[0].severity == "error" and "第十八条" in (flags[0].legal_basis or "")


def test_acceptance_reaching_into_an_unknown_year_is_provisional(rules: RuleSet, cal: WorkCalendar) -> None:
    flags, dl = case(rules, cal, "2027-01-10", received_date=D("2026-12-28"))
    assert (dl["acceptance"].due_date, dl["acceptance"].provisional) == (D("2027-01-04"), True)
    [flag] = flags
    assert "节假日安排未公布，按工作日（周一至周五）推算，仅供参考" in flag.message
    assert PROVISIONAL_NOTE in flag.message


def test_known_year_message_has_no_provisional_note(rules: RuleSet, cal: WorkCalendar) -> None:
    flags, _ = case(rules, cal, "2026-10-14", received_date=D("2026-09-30"))
    assert "节假日安排未公布" not in flags[0].message


def test_no_received_date_no_acceptance_deadline(rules: RuleSet, cal: WorkCalendar) -> None:
    flags, dl = case(rules, cal, "2026-10-14")
    assert "acceptance" not in dl and flags == []


# --------------------------------------------------------------------------- investigation

FILED = ("accepted", "2025-06-03")


@pytest.mark.parametrize(
    ("events", "today", "due", "status"),
    [
        ([FILED], "2025-08-26", "2025-08-26", "pending"),
        ([FILED], "2025-08-27", "2025-08-26", "overdue"),
        ([FILED, ("decided", "2025-08-20")], "2025-09-30", "2025-08-26", "met"),
        ([FILED, ("closed", "2025-08-26")], "2025-09-30", "2025-08-26", "met"),
        ([FILED, ("decided", "2025-09-01")], "2025-09-30", "2025-08-26", "overdue"),
        # approved extension: 90 working days, across 国庆 2025 and its make-up days
        ([FILED, ("extended", "2025-08-15")], "2025-10-13", "2025-10-13", "pending"),
        ([FILED, ("extended", "2025-08-15")], "2025-10-14", "2025-10-13", "overdue"),
        # suspended 07-01, resumed 07-15: the 10 working days 07-01..07-14 do not count
        (
            [FILED, ("suspended", "2025-07-01"), ("resumed", "2025-07-15")],
            "2025-09-09",
            "2025-09-09",
            "pending",
        ),
        (
            [FILED, ("suspended", "2025-07-01"), ("resumed", "2025-07-15")],
            "2025-09-10",
            "2025-09-09",
            "overdue",
        ),
    ],
)
def test_investigation_clock(
    rules: RuleSet, cal: WorkCalendar, events: list, today: str, due: str, status: str
) -> None:
    flags, dl = case(rules, cal, today, events)
    inv = dl["investigation"]
    assert (inv.due_date, inv.status) == (D(due), status)
    assert [f.rule_id for f in flags] == (["complaint.investigation_overdue"] if status == "overdue" else [])
    if status == "overdue":
        assert flags[0].due_date == D(due) and "第十七条" in (flags[0].legal_basis or "")


def test_extension_is_stated_in_basis(rules: RuleSet, cal: WorkCalendar) -> None:
    _, dl = case(rules, cal, "2025-09-01", [FILED, ("extended", "2025-08-15")])
    assert dl["investigation"].basis.startswith("90个工作日")


def test_open_suspension_stops_the_clock(rules: RuleSet, cal: WorkCalendar) -> None:
    # Without the suspension the case would be overdue since 2025-08-27.
    flags, dl = case(rules, cal, "2025-09-30", [FILED, ("suspended", "2025-07-01")])
    inv = dl["investigation"]
    assert inv.status == "pending" and inv.due_date > D("2025-09-30")
    assert "中止" in inv.basis
    assert flags == []


def test_suspension_after_the_deadline_does_not_rescue_it(rules: RuleSet, cal: WorkCalendar) -> None:
    flags, dl = case(rules, cal, "2025-09-30", [FILED, ("suspended", "2025-09-01")])
    assert (dl["investigation"].due_date, dl["investigation"].status) == (D("2025-08-26"), "overdue")
    assert [f.rule_id for f in flags] == ["complaint.investigation_overdue"]


def test_overdue_message_counts_used_workdays(rules: RuleSet, cal: WorkCalendar) -> None:
    flags, _ = case(rules, cal, "2025-08-28", [FILED])
    assert "已用62个工作日" in flags[0].message and "2025年8月26日" in flags[0].message


def test_no_filing_no_investigation_deadline(rules: RuleSet, cal: WorkCalendar) -> None:
    _, dl = case(rules, cal, "2026-01-01", [("suspended", "2025-07-01")])
    assert "investigation" not in dl


# --------------------------------------------------------------------------- limitation


@pytest.mark.parametrize(
    ("end", "received", "barred"),
    [
        ("2023-06-30", "2025-06-30", False),  # exactly two years: still in time
        ("2023-06-30", "2025-07-01", True),
        # Two years end on 2025-10-01 (国庆): not moved by default (complaint.yaml, no text moves them).
        ("2023-10-01", "2025-10-01", False),
        ("2023-10-01", "2025-10-09", True),
        ("2020-01-01", "2026-01-05", True),
    ],
)
def test_time_barred(rules: RuleSet, cal: WorkCalendar, end: str, received: str, barred: bool) -> None:
    flags, dl = case(rules, cal, received, violation_end=D(end), received_date=D(received))
    assert [f.rule_id for f in flags if f.rule_id == "complaint.time_barred"] == (
        ["complaint.time_barred"] if barred else []
    )
    assert dl["limitation"].status == ("overdue" if barred else "met")
    if barred:
        flag = next(f for f in flags if f.rule_id == "complaint.time_barred")
        assert D(end).strftime("%Y年") in flag.message and "第二十条" in (flag.legal_basis or "")


def _with_params(rules: RuleSet, rule_id: str, params: dict[str, Any], basis: dict[str, Any]) -> RuleSet:
    spec = rules[rule_id]
    changed = RuleSet(rules)
    changed[rule_id] = spec.model_copy(
        update={
            "params": {**spec.params, **params},
            "param_basis": {**spec.param_basis, **{k: ParamBasis(**v) for k, v in basis.items()}},
        }
    )
    return changed


def test_holiday_move_of_the_limit_is_office_policy(rules: RuleSet, cal: WorkCalendar) -> None:
    assert rules["complaint.time_barred"].params["end_on_rest_day_moves"] is False
    policy = _with_params(
        rules, "complaint.time_barred", {"end_on_rest_day_moves": True},
        {"end_on_rest_day_moves": {"kind": "policy", "source": "某县人社局〔2026〕1号文"}},
    )
    flags, dl = case(policy, cal, "2025-10-09", violation_end=D("2023-10-01"), received_date=D("2025-10-09"))
    assert dl["limitation"].due_date == D("2025-10-09")
    assert "complaint.time_barred" not in [f.rule_id for f in flags]


def test_continuing_violation_is_never_time_barred(rules: RuleSet, cal: WorkCalendar) -> None:
    flags, dl = case(rules, cal, "2026-01-05", violation_start=D("2019-01-01"), received_date=D("2026-01-05"))
    assert "complaint.time_barred" not in [f.rule_id for f in flags]
    assert "limitation" not in dl


# --------------------------------------------------------------------------- parties' periods


def test_admin_review_and_litigation_from_service(rules: RuleSet, cal: WorkCalendar) -> None:
    events = [("accepted", "2026-01-05"), ("decided", "2026-02-06"), ("served", "2026-04-04")]
    _, dl = case(rules, cal, "2026-05-01", events)
    # 04-04 + 60 days = 06-03 (Wednesday); + 6 months = 10-04 (国庆) -> 10-08 (《民事诉讼法》第八十五条)
    assert (dl["admin_review"].due_date, dl["admin_review"].status) == (D("2026-06-03"), "pending")
    assert (dl["litigation"].due_date, dl["litigation"].status) == (D("2026-10-08"), "pending")
    assert "6个月" in dl["litigation"].basis and "《行政诉讼法》第四十六条" in dl["litigation"].basis
    assert "15日" in dl["litigation"].basis and "第四十五条" in dl["litigation"].basis
    assert "《行政复议法》第二十条" in dl["admin_review"].basis
    _, later = case(rules, cal, "2026-10-09", events)
    assert later["litigation"].status == "met"


def test_office_wording_of_three_months_says_both(rules: RuleSet, cal: WorkCalendar) -> None:
    office = _with_params(
        rules, "complaint.remedy_periods", {"litigation_months": 3},
        {"litigation_months": {"kind": "policy", "source": "《劳动保障监察机构政务公开》三（二）",
                               "basis": "《行政诉讼法》第四十六条", "law_value": 6}},
    )
    _, dl = case(office, cal, "2026-09-01", [("served", "2026-08-02")])
    # 08-02 + 3 months = 11-02 (Monday)
    assert dl["litigation"].due_date == D("2026-11-02")
    basis = dl["litigation"].basis
    assert "3个月" in basis and "《劳动保障监察机构政务公开》三（二）" in basis
    assert "现行法定期限为6个月" in basis and "第四十六条" in basis


def test_litigation_into_2027_is_provisional(rules: RuleSet, cal: WorkCalendar) -> None:
    _, dl = case(rules, cal, "2026-12-01", [("served", "2026-11-30")])
    # 2027-05-30 is a Sunday -> Monday 05-31, provisional until the 2027 holidays are announced.
    assert (dl["litigation"].due_date, dl["litigation"].provisional) == (D("2027-05-31"), True)
    # 2027-01-29 is a Friday, but whether it is a holiday is unknown until 2027 is announced.
    assert (dl["admin_review"].due_date, dl["admin_review"].provisional) == (D("2027-01-29"), True)
    _, known = case(rules, cal, "2026-03-01", [("served", "2026-02-10")])
    assert (known["litigation"].due_date, known["litigation"].provisional) == (D("2026-08-10"), False)
    _, known = case(rules, cal, "2026-06-01", [("served", "2026-05-29")])
    assert (known["admin_review"].due_date, known["admin_review"].provisional) == (D("2026-07-28"), False)


def test_disabled_remedy_rule_yields_no_party_deadlines(rules: RuleSet, cal: WorkCalendar) -> None:
    fewer = RuleSet({k: v for k, v in rules.items() if k != "complaint.remedy_periods"})
    _, dl = case(fewer, cal, "2026-09-01", [("served", "2026-08-02")])
    assert "admin_review" not in dl and "litigation" not in dl
