"""Working days across 国庆, 春节, 调休 make-up days, unknown years and the office holiday file.

Expected dates are worked out by hand from the State Council holiday notices (2025: 国庆 10-01..10-08,
make-up 09-28 Sun and 10-11 Sat; 2026: 春节 02-15..02-23, make-up 02-14 Sat and 02-28 Sat; 中秋 09-25;
国庆 10-01..10-07, make-up 09-20 Sun and 10-10 Sat).
"""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from rules.calendar import WorkCalendar, load_calendar, read_holiday_file, shift_months
from schemas.errors import RuleError

D = date.fromisoformat


@pytest.mark.parametrize(
    ("day", "workday"),
    [
        ("2026-09-20", True),  # Sunday, 调休 make-up day
        ("2026-10-10", True),  # Saturday, 调休 make-up day
        ("2026-10-01", False),  # 国庆
        ("2026-10-07", False),
        ("2026-10-08", True),
        ("2026-09-25", False),  # 中秋 (a Friday)
        ("2026-02-14", True),  # Saturday before 春节, make-up day
        ("2026-02-23", False),  # last day of 春节
        ("2026-02-28", True),  # Saturday, make-up day
        ("2025-09-28", True),
        ("2025-10-08", False),
        ("2025-10-11", True),
        ("2026-03-07", False),  # an ordinary Saturday
        ("2026-03-09", True),  # an ordinary Monday
        ("2027-01-01", True),  # unknown year: Monday-Friday only
        ("2027-01-02", False),
    ],
)
def test_is_workday(cal: WorkCalendar, day: str, workday: bool) -> None:
    assert cal.is_workday(D(day)) is workday


def test_known_years(cal: WorkCalendar) -> None:
    assert cal.known(2025) and cal.known(2026)
    # The shipped holiday file must not invent 2027 before it is announced.
    assert not cal.known(2027)


@pytest.mark.parametrize(
    ("received", "due", "provisional"),
    [
        ("2026-09-30", "2026-10-13", False),  # last working day before 国庆 2026; 10-10 Sat counts
        ("2026-09-22", "2026-09-30", False),  # 中秋 09-25 skipped
        ("2026-09-18", "2026-09-24", False),  # 09-20 Sunday make-up day counts
        ("2025-09-30", "2025-10-14", False),  # last working day before 国庆 2025; 10-11 Sat counts
        ("2025-09-26", "2025-10-10", False),  # 09-28 Sunday counts, 10-01..08 do not
        ("2026-02-13", "2026-02-27", False),  # 春节 2026: 02-14 Sat counts, 02-15..23 do not
        ("2026-02-14", "2026-02-28", False),  # received on the make-up Saturday; 02-28 Sat is day 5
        ("2026-03-02", "2026-03-09", False),  # an ordinary week
        ("2026-12-28", "2027-01-04", True),  # reaches into 2027: Mon-Fri, provisional
        ("2027-03-01", "2027-03-08", True),
    ],
)
def test_acceptance_due_dates(cal: WorkCalendar, received: str, due: str, provisional: bool) -> None:
    assert cal.add_workdays(D(received), 5) == (D(due), provisional)


def test_add_workdays_excluding_a_suspension(cal: WorkCalendar) -> None:
    # 60 working days from 2025-06-03 end on 2025-08-26; a suspension covering 10 working days
    # (07-01..07-14) pushes the end by 10 working days.
    assert cal.add_workdays(D("2025-06-03"), 60) == (D("2025-08-26"), False)
    due, _ = cal.add_workdays(D("2025-06-03"), 60, excluded=[(D("2025-07-01"), D("2025-07-14"))])
    assert due == D("2025-09-09")


def test_ninety_workdays_cross_national_day_2025(cal: WorkCalendar) -> None:
    assert cal.add_workdays(D("2025-06-03"), 90) == (D("2025-10-13"), False)


@pytest.mark.parametrize(
    ("a", "b", "excluded", "count"),
    [
        ("2026-09-30", "2026-10-13", [], 5),
        ("2026-09-30", "2026-10-13", [("2026-10-08", "2026-10-09")], 3),
        ("2026-10-01", "2026-10-07", [], 0),
        ("2026-10-13", "2026-10-13", [], 0),
    ],
)
def test_workdays_between(cal: WorkCalendar, a: str, b: str, excluded: list, count: int) -> None:
    spans = [(D(x), D(y)) for x, y in excluded]
    assert cal.workdays_between(D(a), D(b), spans) == count


@pytest.mark.parametrize(
    ("start", "months", "shift", "due", "provisional"),
    [
        ("2026-01-31", 1, False, "2026-02-28", False),  # end-of-month clamp
        ("2024-01-31", 1, False, "2024-02-29", False),  # leap year
        ("2026-07-01", 3, False, "2026-10-01", False),
        ("2026-07-01", 3, True, "2026-10-08", False),  # ends in 国庆: next working day
        ("2025-11-30", 3, True, "2026-02-28", False),  # clamps onto a make-up Saturday: stays
        ("2026-11-30", 3, True, "2027-03-01", True),  # 2027-02-28 is a Sunday, 2027 unknown
        ("2023-10-01", 24, True, "2025-10-09", False),  # two years, ends in 国庆 2025
    ],
)
def test_add_months(
    cal: WorkCalendar, start: str, months: int, shift: bool, due: str, provisional: bool
) -> None:
    assert cal.add_months(D(start), months, shift_to_workday=shift) == (D(due), provisional)


@pytest.mark.parametrize(
    ("start", "days", "shift", "due"),
    [
        ("2026-08-02", 60, False, "2026-10-01"),
        ("2026-08-02", 60, True, "2026-10-08"),
        ("2026-03-02", 60, True, "2026-05-06"),  # 劳动节 2026 is 05-01..05-05
        ("2026-03-03", 60, True, "2026-05-06"),  # 05-02 Saturday, still in the holiday
        ("2026-03-11", 60, True, "2026-05-11"),  # 05-10 an ordinary Sunday
        ("2026-03-10", 60, True, "2026-05-09"),  # 05-09 make-up Saturday: a working day, no move
    ],
)
def test_add_days(cal: WorkCalendar, start: str, days: int, shift: bool, due: str) -> None:
    assert cal.add_days(D(start), days, shift_to_workday=shift) == (D(due), False)


def test_shift_months_negative() -> None:
    assert shift_months(D("2026-03-31"), -1) == D("2026-02-28")
    assert shift_months(D("2026-01-15"), -2) == D("2025-11-15")


# --------------------------------------------------------------------------- the office holiday file


def _write(tmp_path: Path, body: str) -> Path:
    path = tmp_path / "holidays.yaml"
    path.write_text(body, encoding="utf-8")
    return path


def test_holiday_file_makes_a_later_year_known(tmp_path: Path) -> None:
    # A made-up arrangement: only the file's content matters for the test.
    path = _write(
        tmp_path,
        "years:\n  2027:\n    holidays:\n      - 2027-01-01\n      - 2027-01-04..2027-01-05\n"
        "    workdays:\n      - 2027-01-09\n",
    )
    cal = load_calendar(path)
    assert cal.known(2027)
    assert not cal.is_workday(D("2027-01-04"))
    assert cal.is_workday(D("2027-01-09"))  # a Saturday made a working day
    # 2026-12-28 + 5: 12-29, 12-30, 12-31, (01-01, 01-04, 01-05 off) 01-06, 01-07
    assert cal.add_workdays(D("2026-12-28"), 5) == (D("2027-01-07"), False)


def test_holiday_file_overrides_a_known_year(tmp_path: Path) -> None:
    path = _write(tmp_path, "years:\n  2026:\n    holidays: [2026-03-09]\n")
    cal = load_calendar(path)
    assert not cal.is_workday(D("2026-03-09"))
    # The file replaces the package's 2026 data entirely: 国庆 2026 is now absent.
    assert cal.is_workday(D("2026-10-08")) and cal.is_workday(D("2026-10-02"))


def test_shipped_holiday_file_is_valid() -> None:
    assert read_holiday_file(Path(__file__).parents[2] / "rules" / "holidays.yaml") == {}


@pytest.mark.parametrize(
    "body",
    [
        "years:\n  2027:\n    holidays: [2027-13-01]\n",
        "years:\n  2027:\n    holidays: ['2027-02-10..2027-02-01']\n",
        "years:\n  2027:\n    holidays: [2028-01-01]\n",
        "years: [2027]\n",
        "years: {2027: {holidays: [1]\n",
    ],
)
def test_bad_holiday_file_is_a_rule_error(tmp_path: Path, body: str) -> None:
    with pytest.raises(RuleError, match=r"holidays\.yaml"):
        load_calendar(_write(tmp_path, body))


def test_calendar_from_plain_data_is_pure() -> None:
    cal = WorkCalendar.from_dates([D("2030-01-01")], [D("2030-01-05")], [2030])
    assert cal.add_workdays(D("2029-12-31"), 2) == (D("2030-01-03"), True)  # 2029 unknown
    assert cal.add_workdays(D("2030-01-01"), 3) == (D("2030-01-04"), False)
    assert cal.add_workdays(D("2030-01-03"), 2) == (D("2030-01-05"), False)
