"""Dates and reporting periods as Chinese reports write them (Arabic or Chinese numerals)."""

from __future__ import annotations

import calendar
import re
from datetime import date

from extractors.normalize import CHINESE_DIGITS
from schemas.models import Period

_DIGIT = CHINESE_DIGITS
_CN = "〇○零O一二三四五六七八九十"
DATE = re.compile(
    rf"(?P<y>\d{{4}}|[{_CN}0-9]{{4}})\s*年\s*(?P<m>\d{{1,2}}|[{_CN}]{{1,3}})\s*月\s*(?P<d>\d{{1,2}}|[{_CN}]{{1,3}})\s*日"
)
_QUARTERS = {"一": 1, "二": 2, "三": 3, "四": 4, "1": 1, "2": 2, "3": 3, "4": 4}
# Order matters: the most specific period words first.
PERIOD = re.compile(
    r"(?P<y>\d{4})?年?度?(?:"
    r"(?P<q>(?<!每)第?[一二三四1-4]季度)|(?P<h>上半年|下半年)"
    r"|(?P<r>(?P<m1>\d{1,2})月?(?:份)?\s*[-—–~至到]\s*(?P<m2>\d{1,2})月(?:份|(?P<d2>\d{1,2})[日号])?)"
    r")"
    # One month: "2025年9月" or "9月份" (a bare "9月" is too often a date or a deadline).
    r"|(?P<my>\d{4})年(?P<mo>\d{1,2})月份?(?![\d底末初中上下旬前])"
    r"|(?<![\d年月每上下本])(?P<mo2>\d{1,2})月份(?![底末初中上下旬前])"
    r"|(?P<ysince>\d{4})年以来"
    r"|(?P<year>\d{4})年度?"
    r"|(?P<ytd>今年以来|年初以来)"
)


def _small_number(s: str) -> int:
    if s.isdigit():
        return int(s)
    if "十" in s:
        tens, _, ones = s.partition("十")
        return (_DIGIT[tens] if tens else 1) * 10 + (_DIGIT[ones] if ones else 0)
    return _DIGIT[s]


def parse_date(m: re.Match[str]) -> date | None:
    y = m.group("y")
    year = int(y) if y.isdigit() else int("".join(str(_DIGIT.get(c, c)) for c in y))
    try:
        return date(year, _small_number(m.group("m")), _small_number(m.group("d")))
    except (ValueError, KeyError):
        return None


def find_dates(text: str) -> list[tuple[date, int, int]]:
    out = []
    for m in DATE.finditer(text):
        d = parse_date(m)
        if d:
            out.append((d, m.start(), m.end()))
    return out


def _month_end(year: int, month: int) -> date:
    return date(year, month, calendar.monthrange(year, month)[1])


def _year_of_month(month: int, report_date: date | None) -> int | None:
    """A month named without a year is the latest one not after the report (12月份 in a January report)."""
    if report_date is None:
        return None
    return report_date.year if month <= report_date.month else report_date.year - 1


def parse_period(text: str, report_date: date | None) -> tuple[Period, int, int] | None:
    """The first period named in `text`. A period without a year takes the report date's year."""
    for m in PERIOD.finditer(text):
        label = m.group(0)
        if m.group("ytd"):
            if report_date is None:
                return Period(label=label), m.start(), m.end()
            return (
                Period(label=label, start=date(report_date.year, 1, 1), end=report_date),
                m.start(),
                m.end(),
            )
        if m.group("ysince"):  # 对2023年以来的工作开展了自查: from the year's start to the report
            y = int(m.group("ysince"))
            if any(  # 2025年以来…2025年1—10月: the months it names
                n.group("y") and int(n.group("y")) == y and (n.group("r") or n.group("h") or n.group("q"))
                for n in PERIOD.finditer(text, m.end())
            ):
                continue
            end = report_date if report_date and report_date.year == y else None
            return Period(label=label, start=date(y, 1, 1), end=end), m.start(), m.end()
        if m.group("year"):
            y = int(m.group("year"))
            return Period(label=label, start=date(y, 1, 1), end=date(y, 12, 31)), m.start(), m.end()
        if m.group("mo") or m.group("mo2"):
            month = int(m.group("mo") or m.group("mo2"))
            year = int(m.group("my")) if m.group("my") else _year_of_month(month, report_date)
            if not 1 <= month <= 12:
                continue
            if year is None:
                return Period(label=label), m.start(), m.end()
            return Period(label=label, start=date(year, month, 1), end=_month_end(year, month)), m.start(), m.end()
        year = int(m.group("y")) if m.group("y") else (report_date.year if report_date else None)
        if year is None:
            return Period(label=label), m.start(), m.end()
        if m.group("q"):
            q = _QUARTERS[m.group("q").lstrip("第")[0]]
            start, end = date(year, 3 * q - 2, 1), _month_end(year, 3 * q)
        elif m.group("h"):
            first = m.group("h") == "上半年"
            start, end = (
                (date(year, 1, 1), date(year, 6, 30)) if first else (date(year, 7, 1), date(year, 12, 31))
            )
        else:
            m1, m2 = int(m.group("m1")), int(m.group("m2"))
            if not 1 <= m1 <= m2 <= 12:
                continue
            start, end = date(year, m1, 1), _month_end(year, m2)
            if m.group("d2") and 1 <= int(m.group("d2")) < end.day:
                end = date(year, m2, int(m.group("d2")))  # 1月至11月15日: the period ends on the day it names
        return Period(label=label, start=start, end=end), m.start(), m.end()
    return None
