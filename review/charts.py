"""Small inline SVG charts, drawn on the server (no script, no external library)."""

from __future__ import annotations

from datetime import date, datetime, timedelta

from markupsafe import Markup, escape


def week_start(day: date) -> date:
    return day - timedelta(days=day.weekday())


def weekly_series(stamps: list[datetime], today: date, weeks: int) -> list[tuple[date, int]]:
    first = week_start(today) - timedelta(weeks=weeks - 1)
    counts = {first + timedelta(weeks=i): 0 for i in range(weeks)}
    for stamp in stamps:
        key = week_start(stamp.date())
        if key in counts:
            counts[key] += 1
    return sorted(counts.items())


def bar_chart(series: list[tuple[str, int]], title: str, width: int = 520, height: int = 160) -> Markup:
    """Vertical bars with their values above and labels below."""
    if not series:
        return Markup(f'<p class="muted">{escape(title)}：暂无数据</p>')
    top = max(v for _, v in series) or 1
    slot = width / len(series)
    bar = max(slot * 0.6, 2)
    plot = height - 36
    parts = [
        f'<svg class="chart" role="img" aria-label="{escape(title)}" viewBox="0 0 {width} {height}" '
        f'width="{width}" height="{height}" xmlns="http://www.w3.org/2000/svg"><title>{escape(title)}</title>'
    ]
    for i, (name, value) in enumerate(series):
        h = plot * value / top
        x = i * slot + (slot - bar) / 2
        y = 14 + plot - h
        parts.append(f'<rect x="{x:.1f}" y="{y:.1f}" width="{bar:.1f}" height="{h:.1f}" class="bar"/>')
        parts.append(f'<text x="{x + bar / 2:.1f}" y="{y - 3:.1f}" text-anchor="middle" class="v">{value}</text>')
        parts.append(
            f'<text x="{x + bar / 2:.1f}" y="{height - 6}" text-anchor="middle" class="l">{escape(name)}</text>'
        )
    parts.append("</svg>")
    return Markup("".join(parts))


def hbar_chart(rows: list[tuple[str, int]], title: str, width: int = 520) -> Markup:
    """Horizontal bars, one row per label (long Chinese rule names read better across)."""
    if not rows:
        return Markup(f'<p class="muted">{escape(title)}：暂无数据</p>')
    top = max(v for _, v in rows) or 1
    row_h, label_w = 22, 230
    height = row_h * len(rows) + 4
    parts = [
        f'<svg class="chart" role="img" aria-label="{escape(title)}" viewBox="0 0 {width} {height}" '
        f'width="{width}" height="{height}" xmlns="http://www.w3.org/2000/svg"><title>{escape(title)}</title>'
    ]
    for i, (name, value) in enumerate(rows):
        y = i * row_h + 2
        w = (width - label_w - 40) * value / top
        short = name if len(name) <= 16 else name[:15] + "…"
        parts.append(f'<text x="{label_w - 6}" y="{y + 15}" text-anchor="end" class="l">{escape(short)}</text>')
        parts.append(f'<rect x="{label_w}" y="{y + 3}" width="{w:.1f}" height="{row_h - 8}" class="bar"/>')
        parts.append(f'<text x="{label_w + w + 4:.1f}" y="{y + 15}" class="v">{value}</text>')
    parts.append("</svg>")
    return Markup("".join(parts))
