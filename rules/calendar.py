"""Chinese working-day calendar for procedural deadlines.

Official holidays and the 调休 make-up working days come from `chinese_calendar` (which knows the years the
State Council has announced, up to the package's release) and from the office-editable `rules/holidays.yaml`
for later years; a year in the file replaces the package's data for that year. A year neither knows is
counted Monday-Friday and every result that touched it is marked provisional (节假日安排未公布).

`WorkCalendar` is pure: it takes the dates as data. `load_calendar()` is the only function here that reads a
file (the holiday file), which is why it lives beside the class and not in the engine.
"""

from __future__ import annotations

import calendar as _stdcal
from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import date, timedelta
from pathlib import Path

import yaml

from schemas.errors import RuleError

HOLIDAY_FILE = Path(__file__).with_name("holidays.yaml")
RANGE_SEPARATOR = ".."
# Guard against a runaway walk (e.g. a calendar file that declares a whole year a holiday).
MAX_WALK_DAYS = 3660


@dataclass(frozen=True)
class WorkCalendar:
    """Working days: explicit holidays and make-up workdays for the known years, Mon-Fri otherwise."""

    holidays: frozenset[date] = field(default_factory=frozenset)
    workdays: frozenset[date] = field(default_factory=frozenset)
    known_years: frozenset[int] = field(default_factory=frozenset)

    @classmethod
    def from_dates(
        cls, holidays: Iterable[date], workdays: Iterable[date], known_years: Iterable[int]
    ) -> WorkCalendar:
        return cls(frozenset(holidays), frozenset(workdays), frozenset(known_years))

    def known(self, year: int) -> bool:
        """Whether the official holiday arrangement of `year` is known."""
        return year in self.known_years

    def is_workday(self, d: date) -> bool:
        if d in self.workdays:
            return True
        if d in self.holidays:
            return False
        return d.weekday() < 5

    def add_workdays(
        self, start: date, n: int, excluded: Iterable[tuple[date, date]] = ()
    ) -> tuple[date, bool]:
        """The n-th working day AFTER `start` (the start day itself is not counted).

        Working days inside an `excluded` interval (inclusive bounds, e.g. a suspension) are not counted.
        Returns (due date, provisional), provisional when a year of the walk is unknown.
        """
        if n < 0:
            raise ValueError("n must be >= 0")
        spans = list(excluded)
        limit = MAX_WALK_DAYS + sum((hi - lo).days + 1 for lo, hi in spans)
        d, counted, provisional = start, 0, not self.known(start.year)
        while counted < n:
            d += timedelta(days=1)
            if (d - start).days > limit:
                raise RuleError("工作日推算超出范围，请检查节假日文件 holidays.yaml")
            provisional = provisional or not self.known(d.year)
            if self.is_workday(d) and not _inside(d, spans):
                counted += 1
        return d, provisional

    def workdays_between(self, a: date, b: date, excluded: Iterable[tuple[date, date]] = ()) -> int:
        """Working days in (a, b], not counting those inside an `excluded` interval (inclusive bounds)."""
        spans = list(excluded)
        count, d = 0, a
        while d < b:
            d += timedelta(days=1)
            if self.is_workday(d) and not _inside(d, spans):
                count += 1
        return count

    def next_workday(self, d: date) -> tuple[date, bool]:
        """`d` itself when it is a working day, else the first working day after it."""
        provisional = not self.known(d.year)
        while not self.is_workday(d):
            d += timedelta(days=1)
            provisional = provisional or not self.known(d.year)
        return d, provisional

    def add_days(self, start: date, n: int, shift_to_workday: bool = False) -> tuple[date, bool]:
        """`start` + n calendar days (the start day not counted).

        With `shift_to_workday`, a period whose last day is a rest day or holiday ends on the next working
        day (《民事诉讼法》第八十五条 style, also applied by 行政复议/行政诉讼 practice).
        """
        return self._finish(start + timedelta(days=n), shift_to_workday)

    def add_months(self, start: date, n: int, shift_to_workday: bool = False) -> tuple[date, bool]:
        """Same day n calendar months later, clamped to the month's end (1-31 + 1 month = 2-28/29)."""
        return self._finish(shift_months(start, n), shift_to_workday)

    def _finish(self, due: date, shift_to_workday: bool) -> tuple[date, bool]:
        if not shift_to_workday:
            return due, False
        return self.next_workday(due)


def shift_months(d: date, n: int) -> date:
    """`d` moved by n calendar months, day clamped to the target month's last day."""
    month0 = d.month - 1 + n
    year, month = d.year + month0 // 12, month0 % 12 + 1
    return date(year, month, min(d.day, _stdcal.monthrange(year, month)[1]))


def _inside(d: date, spans: list[tuple[date, date]]) -> bool:
    return any(lo <= d <= hi for lo, hi in spans)


# --------------------------------------------------------------------------- loading


def load_calendar(path: Path | None = None) -> WorkCalendar:
    """chinese_calendar's official data merged with the office holiday file (default rules/holidays.yaml)."""
    import chinese_calendar

    holidays = set(chinese_calendar.holidays)
    workdays = set(chinese_calendar.workdays)
    package_years = {d.year for d in holidays | workdays}
    known = set(range(min(package_years), max(package_years) + 1))
    for year, (h, w) in read_holiday_file(path or HOLIDAY_FILE).items():
        # The office file wins for a year it names (e.g. a correction or a newly announced year).
        holidays = {d for d in holidays if d.year != year} | h
        workdays = {d for d in workdays if d.year != year} | w
        known.add(year)
    return WorkCalendar.from_dates(holidays, workdays, known)


def read_holiday_file(path: Path) -> dict[int, tuple[set[date], set[date]]]:
    """year -> (holidays, make-up workdays) from a holiday file; see holidays.yaml for the format."""
    if not path.exists():
        return {}
    try:
        data = yaml.safe_load(path.read_text(encoding="utf-8")) or {}
    except (OSError, yaml.YAMLError, ValueError) as e:
        # ValueError: YAML parses 2027-13-01 as a timestamp and fails on it.
        raise RuleError(f"节假日文件 {path} 无法读取：{e}") from e
    years = data.get("years") or {}
    if not isinstance(years, dict):
        raise RuleError(f"节假日文件 {path.name}：years 应为“年份: {{holidays, workdays}}”的映射")
    out: dict[int, tuple[set[date], set[date]]] = {}
    for year, entry in years.items():
        entry = entry or {}
        try:
            year_i = int(year)
            h = _expand(entry.get("holidays") or [])
            w = _expand(entry.get("workdays") or [])
        except (TypeError, ValueError, AttributeError) as e:
            raise RuleError(
                f"节假日文件 {path.name} 中 {year} 年的日期格式错误（应为 2027-10-01 或 "
                f"2027-10-01..2027-10-07）：{e}"
            ) from e
        stray = sorted(d for d in h | w if d.year != year_i)
        if stray:
            raise RuleError(f"节假日文件 {path.name} 中 {year} 年下出现其他年份的日期：{stray[0]}")
        out[year_i] = (h, w)
    return out


def _expand(items: list[object]) -> set[date]:
    """Dates and `a..b` ranges (inclusive) -> set of dates."""
    out: set[date] = set()
    for item in items:
        if isinstance(item, date):
            out.add(item)
            continue
        text = str(item).strip()
        if RANGE_SEPARATOR in text:
            lo_s, hi_s = (p.strip() for p in text.split(RANGE_SEPARATOR, 1))
            lo, hi = date.fromisoformat(lo_s), date.fromisoformat(hi_s)
            if hi < lo:
                raise ValueError(f"{text}: 结束日期早于开始日期")
            out.update(lo + timedelta(days=i) for i in range((hi - lo).days + 1))
        else:
            out.add(date.fromisoformat(text))
    return out
