"""report.date_before_period: a report dated before the end of its period, or before what it reports.

Two findings, the first that applies is kept (one flag per report). A plan (工作要点, 工作计划: its title
names a plan and no report) is written before the period it plans, so only the second applies to it:
1. report_date earlier than the period's end minus a grace (a year-end summary written on 20 December is
   common practice; `grace_days`, shrunk to `grace_fraction` of short periods, none for a month);
2. report_date earlier than an "as of" date the report states as past ("截至9月底", "截止2010年10月31日").
   A date without a year takes the year of the period's end, else the report's own year.
"""

from __future__ import annotations

import calendar
import re
from datetime import date, timedelta
from typing import Any

from rules.report_text import Finding, sentence_at
from schemas.models import ReportFields

_DATE = r"(?:(?P<y>\d{4})年)?(?P<m>\d{1,2})月(?:(?P<d>\d{1,2})日|(?P<eom>底|末))?"


def find_date_before_period(text: str, fields: ReportFields, params: dict[str, Any]) -> list[Finding]:
    when = fields.report_date
    if when is None:
        return []
    plan = _is_plan(fields.title, params)
    finding = (None if plan else _before_period_end(text, fields, when, params)) or _before_stated_event(
        text, fields, when, params
    )
    return [finding] if finding else []


def _is_plan(title: str | None, params: dict[str, Any]) -> bool:
    title = re.sub(r"\s+", "", title or "")
    plans, reports = params.get("plan_title_words", []), params.get("report_title_words", [])
    return any(w in title for w in plans) and not any(w in title for w in reports)


def _report_date_span(text: str, fields: ReportFields) -> tuple[int, int]:
    ev = fields.evidence.get("report_date")
    if ev is not None:
        return ev.start, ev.end
    return 0, 0


def _before_period_end(text: str, fields: ReportFields, when: date, params: dict) -> Finding | None:
    period = fields.period
    if period is None or period.end is None:
        return None
    length = (period.end - period.start).days + 1 if period.start else 365
    grace = min(params["grace_days"], int(length * params["grace_fraction"]))
    if length < params.get("min_days_for_grace", 0):
        grace = 0
    if when >= period.end - timedelta(days=grace):
        return None
    start, end = _report_date_span(text, fields)
    return Finding(
        start,
        end,
        text[start:end] or when.isoformat(),
        f"报告日期{_cn(when)}早于报告期“{period.label}”结束（{_cn(period.end)}）",
    )


def _before_stated_event(text: str, fields: ReportFields, when: date, params: dict) -> Finding | None:
    markers = "|".join(sorted(map(re.escape, params["as_of_markers"]), key=len, reverse=True))
    default_year = fields.period.end.year if fields.period and fields.period.end else when.year
    latest: tuple[date, int] | None = None
    for m in re.finditer(f"(?:{markers}){_DATE}", text):
        event = _to_date(m, default_year)
        if event and event > when and (latest is None or event > latest[0]):
            latest = (event, m.start())
    if latest is None:
        return None
    s, e = sentence_at(text, latest[1])
    return Finding(s, e, text[s:e], f"报告日期{_cn(when)}早于文中所述情况的截止日期{_cn(latest[0])}")


def _to_date(m: re.Match[str], default_year: int) -> date | None:
    year = int(m.group("y")) if m.group("y") else default_year
    month = int(m.group("m"))
    if not 1 <= month <= 12:
        return None
    last = calendar.monthrange(year, month)[1]
    day = int(m.group("d")) if m.group("d") else last  # "9月" / "9月底": as of the month's end
    return date(year, month, day) if 1 <= day <= last else None


def _cn(d: date) -> str:
    return f"{d.year}年{d.month}月{d.day}日"
