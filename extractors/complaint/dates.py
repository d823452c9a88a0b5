"""Letter date, receipt date and the period of the violation.

Conventions:
- letter_date: a labelled 投诉日期/登记日期/日期, else the last line that is only a date (the signature's).
- received_date: only from a receipt stamp (收件日期/收到日期/接收日期); otherwise None (the pipeline
  fills it from the file's arrival time). A form's 登记日期 (the office's registration) is the letter date
  when the form has no other date label, and a receipt stamp when it has one (填表日期 beside 登记日期).
- age from a birth date (出生年月): full years at the letter date. With the birth month only, the birthday
  is taken from a valid ID number of the same year and month; in the birth month itself without a day the
  age is unknown (None), never a guess.
- violation period: read from the sentences of the facts that state a violation (拖欠, 未支付, …);
  dates in a clause about starting the job (入职, 进厂, 从事…) are not the violation's.
  A month without a day starts on its first day and ends on its last day.
  `自2025年3月起…` / `…至今` / `到现在`: the violation continues; violation_end is None and
  violation_ongoing is True. An explicit end (`2023年3月至2023年6月…至今未付`) wins over 至今: the stated
  period ended, only the payment is still owed.
  `从2025年8月开始…拖欠2025年8月到12月的工资`: a stated range ends what `从…开始` opened.
  Several periods: the earliest start and the latest end. No dated sentence states a violation: the
  stated range of the work (2025年4月至2025年10月，我在…做木工…尚欠我工资) is the period.
  `2025年11月、12月` is a period (Nov-Dec).
  今年/去年/前年 + month (an oral record's words) take their year from the letter date.
"""

from __future__ import annotations

import re
from datetime import date

from extractors.complaint import numerals as nm
from extractors.complaint.evidence import LABELLED, SIGNATURE, Recorder
from extractors.complaint.labels import DATE_LINE, kw, scan_line
from extractors.normalize import paragraph_spans

_DATE_B = nm.DATE.pattern.replace("?P<y>", "?P<y2>").replace("?P<m>", "?P<m2>").replace("?P<d>", "?P<d2>")
_RANGE = re.compile(
    rf"(?P<a>{nm.DATE.pattern})\s*(?:开始|起)?\s*(?:至|到|—|-|~|－|～|、|和)\s*"
    rf"(?:(?P<now>今|现在|目前)|(?P<b>{_DATE_B})|(?P<bm>(?:\d{{1,2}}|[一二三四五六七八九十]{{1,3}})\s*月))"
)
_SINCE = re.compile(r"(?:自|从|于)\s*$")
_SINCE_AFTER = re.compile(r"^\s*(?:份)?(?:起|开始|以来)")
_SENTENCE = re.compile(r"[^。！？!?；;\n]+")
# 今年/去年/前年 before a month: the year is the letter's (an oral record's 今年1月到4月).
_RELATIVE_YEAR = re.compile(r"(?P<rel>今年|去年|前年)(?=\s*(?:\d{1,2}|[一二三四五六七八九十]{1,3})\s*月)")
_YEARS_BACK = {"今年": 0, "去年": 1, "前年": 2}


def extract_document_dates(rec: Recorder, text: str) -> None:
    lines = paragraph_spans(text)
    for s, e in lines:
        for seg in scan_line(text, s, e):
            if seg.key in ("date.received", "date.letter", "date.registered"):
                m = nm.DATE.search(text, seg.vstart, seg.vend)
                if m and (d := nm.date_from_match(m)) and m.group("d"):
                    path = {"date.received": "received_date", "date.letter": "letter_date"}.get(seg.key, "registered")
                    rec.set(path, d, m.start(), m.end(), LABELLED)
    if rec.has("registered"):
        ev = rec.evidence.pop("registered")
        path = "received_date" if rec.has("letter_date") else "letter_date"
        rec.set(path, rec.values.pop("registered"), ev.start, ev.end, LABELLED)
    if rec.has("letter_date"):
        return
    for s, e in reversed(lines):
        line = text[s:e]
        if DATE_LINE.match(line) and not any(seg.key == "date.received" for seg in scan_line(text, s, e)):
            m = nm.DATE.search(text, s, e)
            if m and m.group("d") and (d := nm.date_from_match(m)):
                rec.set("letter_date", d, m.start(), m.end(), SIGNATURE)
                return


def derive_age(rec: Recorder) -> None:
    """complainant.age from a stated birth date (see the module docstring); the stated age wins."""
    birth, letter = rec.values.pop("birth", None), rec.get("letter_date")
    ev = rec.evidence.pop("birth", None)
    if rec.has("complainant.age") or not birth or not letter or not ev:
        return
    year, month, day = birth
    number = rec.get("complainant.id_number") or ""
    if day is None and number[6:12] == f"{year:04d}{month:02d}":
        day = int(number[12:14])
    if day is None and month == letter.month:
        return
    before_birthday = (letter.month, letter.day) < (month, day or 1)
    age = letter.year - year - before_birthday
    if 14 <= age <= 100:
        rec.set("complainant.age", age, ev.start, ev.end, ev.confidence)


# (start, end, ongoing, span of the start, span of the end, "range" | "since" | "date")
Period = tuple[date, date | None, bool, tuple[int, int], tuple[int, int], str]


def _periods(text: str, s: int, e: int) -> list[Period]:
    """(start, end, ongoing, span of the start, span of the end) of each violation date in a sentence."""
    sentence = text[s:e]
    ongoing_word = bool(kw("ongoing").search(sentence))
    taken: list[tuple[int, int]] = []
    found = []
    clauses = [(m.start() + s, m.end() + s) for m in re.finditer(r"[^，,]+", sentence)]

    def excluded(pos: int) -> bool:
        return any(cs <= pos < ce and kw("employment_start").search(text[cs:ce]) for cs, ce in clauses)

    for m in _RANGE.finditer(text, s, e):
        taken.append((m.start(), m.end()))
        if excluded(m.start()):
            continue
        a = nm.parse_date(m.group("a"))
        b = None if m.group("now") else nm.parse_date(m.group("b") or "", end_of_month=True)
        if m.group("bm") and a:  # 2025年4月至6月: the end month takes the start's year
            b = nm.parse_date(f"{a.year}年{m.group('bm')}", end_of_month=True)
        if a:
            end_span = m.span("now") if m.group("now") else m.span("b") if m.group("b") else m.span("bm")
            found.append((a, b, b is None, m.span("a"), end_span, "range"))
    for m in nm.DATE.finditer(text, s, e):
        if any(ts <= m.start() < te for ts, te in taken) or excluded(m.start()):
            continue
        start = nm.date_from_match(m)
        if not start:
            continue
        since = bool(_SINCE.search(text[max(s, m.start() - 2) : m.start()]) and _SINCE_AFTER.match(text[m.end() : e]))
        if since or ongoing_word:
            found.append((start, None, True, m.span(), m.span(), "since"))
        else:
            found.append((start, nm.date_from_match(m, end_of_month=True), False, m.span(), m.span(), "date"))
    return found


def _resolved(sentence: str, year: int) -> tuple[str, list[int]]:
    """The sentence with 今年/去年/前年 written out as years, and each new character's original index."""
    out: list[str] = []
    index: list[int] = []
    pos = 0
    for m in _RELATIVE_YEAR.finditer(sentence):
        out.append(sentence[pos : m.start()])
        index += range(pos, m.start())
        written = f"{year - _YEARS_BACK[m.group('rel')]}年"
        out.append(written)
        index += [m.start()] * (len(written) - 1) + [m.end() - 1]
        pos = m.end()
    out.append(sentence[pos:])
    index += range(pos, len(sentence) + 1)
    return "".join(out), index


def _sentence_periods(text: str, s: int, e: int, letter: date | None) -> list[Period]:
    if not letter or not _RELATIVE_YEAR.search(text, s, e):
        return _periods(text, s, e)
    resolved, index = _resolved(text[s:e], letter.year)

    def back(span: tuple[int, int]) -> tuple[int, int]:
        return s + index[span[0]], s + index[span[1]]

    return [(a, b, on, back(sa), back(sb), kind) for a, b, on, sa, sb, kind in _periods(resolved, 0, len(resolved))]


def extract_violation(rec: Recorder, text: str, span: tuple[int, int] | None) -> None:
    s0, e0 = span or (0, len(text))
    letter = rec.get("letter_date")
    periods, ranges = [], []
    for m in _SENTENCE.finditer(text, s0, e0):
        found = [p for p in _sentence_periods(text, m.start(), m.end(), letter) if not letter or p[0] <= letter]
        if kw("violation").search(m.group()):
            periods += found
        ranges += [p for p in found if p[5] == "range"]
    # no dated violation sentence: the stated period of the work the unpaid wages are for
    periods = periods or ranges
    if not periods:
        return
    first = min(periods, key=lambda p: p[0])
    rec.set("violation_start", first[0], *first[3], 0.8)
    closed_until = max((p[1] for p in periods if p[5] == "range" and p[1]), default=None)
    # `从去年8月开始…拖欠2025年8月到12月的工资`: the stated range closes what 从…开始 opened
    periods = [p for p in periods if not (p[5] == "since" and closed_until and closed_until >= p[0])]
    if any(p[2] for p in periods):
        last = next(p for p in periods if p[2])
        rec.set("violation_ongoing", True, *last[4], 0.7)
        return
    last = max(periods, key=lambda p: p[1] or date.min)
    rec.set("violation_end", last[1], *last[4], 0.8)
