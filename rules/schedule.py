"""Disclosure schedules promised in a report, and `report.disclosure_overdue`. Pure.

Due dates of a commitment (`due_dates`), from its cadence and its schedule text (or its sentence):

- weekly: 每周五 -> that weekday of each week; nothing -> Friday;
- monthly: 每月10日前 -> day 10; 每月第一个星期一 -> the first Monday; nothing -> the month's last day;
- quarterly: 每季度第一周的星期一 -> the first Monday ON OR AFTER the quarter's first day;
  每季度首月15日 -> day 15 of its first month; nothing -> the quarter's last day;
- semiannual: 30 June and 31 December;
- yearly: 每年3月31日前 -> 31 March; 每年3月 -> last day of March; nothing -> 31 December;
- once: 2011年6月底前 / 6月30日 -> that date (no year: the first one after start).

Due dates run from the day after the report, or — for a commitment under a heading that plans a later
period (下月工作安排, 下季度, 下半年, 明年; `plan_periods` in rules/report.yaml) — from that period's first
day (`plan_start`): a September 月报 signed on 28 September plans October, so its quarterly promise is not
due on 30 September.

"第一周的星期一" is read as the first Monday of the quarter (not the Monday of the week holding the 1st,
which may fall in the previous quarter): what a body can actually keep. daily and ad_hoc give no dates.

A due date is *met* when a supervisor marked it done — `done` holds `(commitment_key(c), due_date)`, the key
being a hash of the commitment's text (stable across re-extraction, independent of storage ids) — or when a
later document of the same body, received from `lead_days` before the due date up to the next due date,
names the commitment's action and most of its content words.
"""

from __future__ import annotations

import calendar
import hashlib
import re
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import date, timedelta

from rules.calendar import WorkCalendar, shift_months
from rules.legal import flag_basis
from rules.loader import RuleSet
from rules.report_text import same_body
from rules.similarity import canonical
from schemas.models import CADENCE_LABELS, Commitment, Deadline, DeadlineStatus, Evidence, Flag, PriorDocument

_WEEKDAYS = {"一": 0, "二": 1, "三": 2, "四": 3, "五": 4, "六": 5, "日": 6, "天": 6}
_NTH = {"一": 1, "首": 1, "二": 2, "三": 3, "四": 4, "1": 1, "2": 2, "3": 3, "4": 4}
_WEEKDAY = r"(?:星期|周|礼拜)(?P<wd>[一二三四五六日天])"
_NTH_WEEKDAY = re.compile(rf"第?(?P<n>[一二三四首1-4])(?:个|周的?)?{_WEEKDAY}")
_DAY = re.compile(r"(?<!\d)(?P<d>\d{1,2})[日号]")
_MONTH_DAY = re.compile(r"(?:(?P<y>\d{4})年)?(?P<m>\d{1,2})月(?:(?P<d>\d{1,2})[日号]|(?P<eom>底|末))?")
_CADENCE_WORDS = (
    ("semiannual", ("每半年", "半年一次")),
    ("quarterly", ("每季度", "每季", "每个季度")),
    ("monthly", ("每月", "每个月")),
    ("weekly", ("每周", "每星期")),
    ("yearly", ("每年", "每年度")),
    ("daily", ("每天", "每日")),
)
# Words of a commitment that say when, not what: ignored when matching later records.
_SCHEDULE_WORDS = frozenset(
    [
        "每季度",
        "每季",
        "季度",
        "每月",
        "每年",
        "每周",
        "一次",
        "全面",
        "进行",
        "及时",
        "定期",
        "事项",
        "有关",
        "范围",
        "结果",
        "应当",
        "随时",
        "星期一",
        "第一周",
        "统一",
    ]
)
DISCLOSURE_KIND = "disclosure"


def commitment_key(commitment: Commitment) -> str:
    """Stable key of a commitment for the `done` set: sha1 of its canonical text, 16 hex digits."""
    return hashlib.sha1(canonical(commitment.text).encode("utf-8")).hexdigest()[:16]


# --------------------------------------------------------------------------- due dates


@dataclass(frozen=True)
class _Spec:
    cadence: str
    text: str


def cadence_of(commitment: Commitment) -> str | None:
    if commitment.cadence:
        return commitment.cadence
    source = commitment.schedule or commitment.text
    return next((c for c, words in _CADENCE_WORDS if any(w in source for w in words)), None)


def due_dates(commitment: Commitment, start: date, end: date) -> list[date]:
    """Due dates implied by the commitment's cadence and schedule, within [start, end], ascending."""
    cadence = cadence_of(commitment)
    spec = _Spec(cadence or "", commitment.schedule or commitment.text)
    if cadence == "once":
        once = _once(spec.text, start)
        return [once] if once and start <= once <= end else []
    generator = {
        "weekly": _weekly,
        "monthly": _monthly,
        "quarterly": _quarterly,
        "semiannual": _semiannual,
        "yearly": _yearly,
    }.get(spec.cadence)
    if generator is None:
        return []
    return sorted({d for d in generator(spec.text, start.year - 1, end.year) if start <= d <= end})


def _weekly(text: str, first_year: int, last_year: int) -> Iterator[date]:
    m = re.search(_WEEKDAY, text)
    weekday = _WEEKDAYS[m.group("wd")] if m else 4
    day = date(first_year, 1, 1)
    day += timedelta(days=(weekday - day.weekday()) % 7)
    while day.year <= last_year:
        yield day
        day += timedelta(days=7)


def _in_month(text: str, year: int, month: int) -> date:
    """The day a schedule names inside one month: nth weekday, a day number, else the month's last day."""
    last = calendar.monthrange(year, month)[1]
    nth = _NTH_WEEKDAY.search(text)
    if nth:
        return _nth_weekday(year, month, _NTH[nth.group("n")], _WEEKDAYS[nth.group("wd")])
    day = _DAY.search(text)
    if day and 1 <= int(day.group("d")) <= 31:
        return date(year, month, min(int(day.group("d")), last))
    return date(year, month, last)


def _nth_weekday(year: int, month: int, n: int, weekday: int) -> date:
    first = date(year, month, 1)
    return first + timedelta(days=(weekday - first.weekday()) % 7 + 7 * (n - 1))


def _monthly(text: str, first_year: int, last_year: int) -> Iterator[date]:
    for year in range(first_year, last_year + 1):
        for month in range(1, 13):
            yield _in_month(text, year, month)


def _quarterly(text: str, first_year: int, last_year: int) -> Iterator[date]:
    anchored = _NTH_WEEKDAY.search(text) or _DAY.search(text)
    for year in range(first_year, last_year + 1):
        for q_start in (1, 4, 7, 10):
            if anchored:  # "第一周的星期一", "首月15日": counted from the quarter's first month
                yield _in_month(text, year, q_start)
            else:
                yield date(year, q_start + 2, calendar.monthrange(year, q_start + 2)[1])


def _semiannual(text: str, first_year: int, last_year: int) -> Iterator[date]:
    for year in range(first_year, last_year + 1):
        yield date(year, 6, 30)
        yield date(year, 12, 31)


def _yearly(text: str, first_year: int, last_year: int) -> Iterator[date]:
    m = _MONTH_DAY.search(text)
    for year in range(first_year, last_year + 1):
        if m is None:
            yield date(year, 12, 31)
        else:
            yield _month_day(year, int(m.group("m")), m.group("d"))


def _month_day(year: int, month: int, day: str | None) -> date:
    last = calendar.monthrange(year, month)[1]
    return date(year, month, min(int(day), last) if day else last)


def _once(text: str, start: date) -> date | None:
    m = _MONTH_DAY.search(text)
    if m is None or not 1 <= int(m.group("m")) <= 12:
        return None
    if m.group("y"):
        return _month_day(int(m.group("y")), int(m.group("m")), m.group("d"))
    when = _month_day(start.year, int(m.group("m")), m.group("d"))
    return when if when >= start else _month_day(start.year + 1, int(m.group("m")), m.group("d"))


# --------------------------------------------------------------------------- evaluation


def evaluate_disclosures(
    commitments: list[Commitment],
    agency: str | None,
    issued_on: date,
    later_documents: list[PriorDocument],
    done: set[tuple[str, date]],
    rules: RuleSet,
    today: date,
    cal: WorkCalendar | None = None,
) -> tuple[list[Flag], list[Deadline]]:
    """Deadlines of every scheduled commitment from the day after `issued_on`, and one
    `report.disclosure_overdue` flag per commitment: its latest overdue due date.

    With a working-day calendar, a due date on a holiday or weekend moves to the next working day
    (2011-10-03, a Monday of the National Day holiday, becomes 2011-10-08, a make-up workday).
    """
    if "report.disclosure_overdue" not in rules:
        return [], []
    spec = rules["report.disclosure_overdue"]
    params = spec.params
    mine = [d for d in later_documents if same_body(d.agency, agency) and d.received_at is not None]
    flags: list[Flag] = []
    deadlines: list[Deadline] = []
    for c in commitments:
        if cadence_of(c) not in params["scheduled_cadences"]:
            continue
        # a report's promises run for a bounded time: a 2011 report sets no due dates in 2026
        horizon = shift_months(issued_on, int(params.get("horizon_months", 18)))
        start = plan_start(c.section, issued_on, params.get("plan_periods", {}))
        dates = due_dates(c, start, min(today + timedelta(days=400), horizon))
        if cal is not None:
            dates = sorted({_next_workday(cal, d) for d in dates})
        past = [d for d in dates if d <= today]
        upcoming = [d for d in dates if d > today][:1]
        statuses = [(d, _status(c, d, _next(dates, d), mine, done, params, today)) for d in past]
        basis = c.schedule or CADENCE_LABELS.get(c.cadence or "") or c.action
        deadlines += [
            Deadline(kind=DISCLOSURE_KIND, due_date=d, basis=basis, status=s)
            for d, s in statuses[-params["max_past_deadlines"] :]
        ]
        deadlines += [
            Deadline(kind=DISCLOSURE_KIND, due_date=d, basis=basis, status=DeadlineStatus.pending)
            for d in upcoming
        ]
        overdue = [d for d, s in statuses if s == DeadlineStatus.overdue]
        if overdue:
            flags.append(_overdue_flag(c, overdue[-1], spec))
    return flags, deadlines


def plan_start(section: str | None, issued_on: date, plan_periods: dict[str, list[str]]) -> date:
    """The first day a commitment runs: the day after the report, or the start of the later period its
    heading plans (下月工作安排 in a 28 September report: 1 October). A report dated in the first half of
    a month (quarter, year) reports on the one before, so "next" is then the current one."""
    after = issued_on + timedelta(days=1)
    kind = next((k for k, words in plan_periods.items() if section and any(w in section for w in words)), None)
    if kind == "next_month":
        first = issued_on.replace(day=1)
        begins = shift_months(first, 1) if issued_on.day > 15 else first
    elif kind == "next_quarter":
        q_first = date(issued_on.year, 3 * ((issued_on.month - 1) // 3) + 1, 1)
        late = issued_on.month - q_first.month >= 1  # written in the quarter's second or third month
        begins = shift_months(q_first, 3) if late else q_first
    elif kind == "second_half":
        begins = date(issued_on.year, 7, 1)
    elif kind == "next_year":
        begins = date(issued_on.year + 1, 1, 1) if issued_on.month > 6 else date(issued_on.year, 1, 1)
    else:
        return after
    return max(after, begins)


def _next_workday(cal: WorkCalendar, d: date) -> date:
    return d if cal.is_workday(d) else cal.add_workdays(d, 1)[0]


def _next(dates: list[date], d: date) -> date | None:
    later = [x for x in dates if x > d]
    return later[0] if later else None


def _status(
    c: Commitment,
    due: date,
    next_due: date | None,
    mine: list[PriorDocument],
    done: set[tuple[str, date]],
    params: dict,
    today: date,
) -> DeadlineStatus:
    if (commitment_key(c), due) in done:
        return DeadlineStatus.met
    window_start = due - timedelta(days=params["lead_days"])
    for doc in mine:
        received = doc.received_at.date() if doc.received_at else None
        if (
            received
            and window_start <= received
            and (next_due is None or received < next_due)
            and records(c, doc.text, params["min_keyword_overlap"])
        ):
            return DeadlineStatus.met
    if due + timedelta(days=params["grace_days"]) < today:
        return DeadlineStatus.overdue
    return DeadlineStatus.pending


def content_words(c: Commitment) -> set[str]:
    """What a commitment is about: its words of two or more characters, schedule words left out."""
    from extractors import tokenize

    return {
        w
        for w in tokenize.cut(c.text)
        if len(w) >= 2
        and w not in _SCHEDULE_WORDS
        and not any(ch.isdigit() for ch in w)
        and all("\u4e00" <= ch <= "\u9fff" for ch in w)
    }


def records(c: Commitment, text: str, min_overlap: float) -> bool:
    """Does `text` record this commitment being kept: its action and most of its content words?"""
    if c.action not in text:
        return False
    words = content_words(c) - {c.action}
    return not words or sum(w in text for w in words) / len(words) >= min_overlap


def _overdue_flag(c: Commitment, due: date, spec) -> Flag:  # spec: RuleSpec
    return Flag(
        rule_id=spec.id,
        severity=spec.severity,
        message=f"承诺“{c.action}”应于{due.year}年{due.month}月{due.day}日前完成，未见记录",
        legal_basis=spec.legal_basis,
        **flag_basis(spec),
        evidence=Evidence(start=c.evidence.start, end=c.evidence.end, page=c.evidence.page, text=c.text),
        due_date=due,
    )
