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

import bisect
import calendar
import re
from datetime import date

from extractors.complaint import numerals as nm
from extractors.complaint.datewords import (
    LUNAR_DAY,
    NAMED_MONTHS,
    NEW_YEAR_PASSED,
    lunar_day,
    lunar_to_solar,
    month_of,
    resolve_dates,
    year_marks,
)
from extractors.complaint.evidence import LABELLED, SIGNATURE, Recorder
from extractors.complaint.labels import DATE_LINE, SIGNATURE_LINE, kw, scan_line
from extractors.normalize import paragraph_spans, sentence_end, sentence_start, table_row

_DATE_B = nm.DATE.pattern.replace("?P<y>", "?P<y2>").replace("?P<m>", "?P<m2>").replace("?P<d>", "?P<d2>")
_RANGE = re.compile(
    rf"(?P<a>{nm.DATE.pattern})\s*(?:开始|起)?\s*(?:至|到|—|-|~|－|～|、|和)\s*"
    rf"(?:(?P<now>今|现在|目前)|(?P<b>{_DATE_B})|(?P<bm>(?:\d{{1,2}}|[一二三四五六七八九十]{{1,3}})\s*月)"
    rf"|(?P<bd>(?:\d{{1,2}}|[一二三四五六七八九十]{{1,3}})\s*[日号]))"  # 3月1日至20日: the end day of the start's month
)
_SINCE = re.compile(r"(?:自|从|于|由)\s*(?:阳历|公历)?$")
_SINCE_AFTER = re.compile(r"^\s*(?:份)?(?:起|开始|以来)")
# (a half-width full stop after a Chinese character, as phone-typed posts write it, is 。 by now: normalize.py)
SENTENCE = re.compile(r"[^。！？!?；;\n]+")
_NUMERIC_DATE = re.compile(r"(?<!\d)(?P<y>(?:19|20)\d{2})[.\-/](?P<m>\d{1,2})[.\-/](?P<d>\d{1,2})(?!\d)")
# a machine's time stamp: a date with the time of day (2026-1-9 23:41, 2025年12月5日 22:48)
_STAMP = re.compile(
    r"(?<!\d)(?P<y>(?:19|20)\d{2})\s*[.\-/年]\s*(?P<m>\d{1,2})\s*[.\-/月]\s*(?P<d>\d{1,2})\s*日?\s+\d{1,2}[:：]\d{2}"
)
_OFFICE_STEP = re.compile(r"派单|签收|交办|转办|办结|回复|答复|处理|受理|办理|反馈|回访|审核")
# a signature's date with a note after it: 2024年3月11日（二月二）, 2024年3月18日（农历二月初九）, 2025年3月3日于通渭
_NOTED_DATE_LINE = re.compile(
    r"^\s*(?:\d{4}|[〇零○一二三四五六七八九]{4})\s*年.{1,8}[日号]\s*"
    r"(?:[（(][^（()）\n]{1,12}[)）]|于[\u4e00-\u9fff]{1,6})\s*$"
)
_NUMERIC_DATE_LINE = re.compile(r"^\s*(?P<y>(?:19|20)\d{2})[.\-/](?P<m>\d{1,2})[.\-/](?P<d>\d{1,2})\s*$")


def _ymd(m: re.Match[str]) -> date | None:
    """The day of a match with y, m and d groups of digits (2025.3.15, 2026-02-26), None if no such day."""
    try:
        return date(int(m.group("y")), int(m.group("m")), int(m.group("d")))
    except ValueError:
        return None


def extract_document_dates(rec: Recorder, text: str) -> None:
    lines = paragraph_spans(text)
    for s, e in lines:
        for seg in scan_line(text, s, e):
            if seg.key in ("date.received", "date.letter", "date.registered"):
                path = {"date.received": "received_date", "date.letter": "letter_date"}.get(seg.key, "registered")
                if found := _date_in(text, seg.vstart, seg.vend):
                    rec.set(path, *found, LABELLED)
    # an office's receipt stamp after a forwarding office's 登记日期 (信访 cover page): the later office is ours
    if (stamp := _receipt_stamp(text, lines)) and (not rec.has("received_date") or stamp[0] > rec.get("received_date")):
        rec.set("received_date", *stamp, LABELLED, overwrite=True)
    if rec.has("registered"):
        ev = rec.evidence.pop("registered")
        path = "received_date" if rec.has("letter_date") else "letter_date"
        rec.set(path, rec.values.pop("registered"), ev.start, ev.end, LABELLED)
    if rec.has("letter_date"):
        return
    if _CALL.search(text) and (a := _ACCEPTED.search(text)) and (found := _date_in(text, a.end(), a.end() + 16)):
        # a hotline's work order: the call is the letter, taken down when the line accepted it (受理时间)
        rec.set("letter_date", *found, LABELLED)
        return
    for s, e in reversed(lines):
        line = text[s:e]
        if m := _NUMERIC_DATE_LINE.match(line):  # a signature dated 2025.3.15
            if not (d := _ymd(m)):
                continue
            rec.set("letter_date", d, s + m.start("y"), s + m.end("d"), SIGNATURE)
            return
        if (DATE_LINE.match(line) or _NOTED_DATE_LINE.match(line)) and not any(
            seg.key == "date.received" for seg in scan_line(text, s, e)
        ):
            m = nm.DATE.search(text, s, e)
            if m and m.group("d") and (d := nm.date_from_match(m)):
                rec.set("letter_date", d, m.start(), m.end(), SIGNATURE)
                return
    if _yearless_signature_date(rec, text, lines):
        return
    for m in _STAMP.finditer(text):  # a web post's or a call's own time stamp (2026-02-26 21:17), the first
        line = text[text.rfind("\n", 0, m.start()) + 1 : m.start()]
        if _OFFICE_STEP.search(line) or not (d := _ymd(m)):  # 派单时间 / 签收 / 回复: the office's steps
            continue
        rec.set("letter_date", d, m.start(), m.end("d") + 1, SIGNATURE)
        return


# 新化县劳动保障监察大队　收件　2024.4.26 / 某局　收文　2023年11月21日　转劳动保障监察大队: an office's receipt
# stamp on a line of its own (the last one is the latest office's: the brigade's, after a forwarding bureau's)
_RECEIPT_STAMP = re.compile(r"[^。！？，,\d]{0,40}?(?:收件|收文|来信登记|来件登记|签收)\s*[:：]?\s*(?=\d)")


def _receipt_stamp(text: str, lines: list[tuple[int, int]]) -> tuple[date, int, int] | None:
    for s, e in reversed(lines):
        m = _RECEIPT_STAMP.match(text, s, e)
        if m and (found := _date_in(text, m.end(), min(e, m.end() + 16))) and not re.search(r"\d", text[found[2] : e]):
            return found
    return None


def _date_in(text: str, start: int, end: int) -> tuple[date, int, int] | None:
    """A full date in text[start:end] as a label's value gives it (2025年3月2日, or a stamp 2025-03-02 09:14):
    (day, start, end)."""
    m = nm.DATE.search(text, start, end)
    if m and m.group("d") and (d := nm.date_from_match(m)):
        return d, m.start(), m.end()
    if (n := _NUMERIC_DATE.search(text, start, end)) and (d := _ymd(n)):
        return d, n.start(), n.end()
    return None


_CALL = re.compile(r"来电人|来电号码|来电内容|来电诉求")
_ACCEPTED = re.compile(r"受理时间\s*[:：]\s*")
# (元月8号: 元月 is January, as the solar calendar is written; 正月 is the lunar one, below)
_MONTH_DAY_LINE = re.compile(r"^\s*(?P<m>\d{1,2}|元(?=月))\s*(?:[.．/]|月)\s*(?P<d>\d{1,2})\s*[日号]?\s*$")
# 正月十六 / 农历腊月二十三 / 甲辰年十月初六 alone on the line under a signature: a lunar date, its year a cyclic
# (干支) one or none
_STEMS, _BRANCHES = "甲乙丙丁戊己庚辛壬癸", "子丑寅卯辰巳午未申酉戌亥"
_LUNAR_DATE_LINE = re.compile(
    rf"^\s*(?:(?P<gz>[{_STEMS}][{_BRANCHES}])年|(?P<y>(?:19|20)\d{{2}})\s*年)?(?:农历|阴历)?"
    rf"(?:(?P<named>{'|'.join(NAMED_MONTHS)})|(?P<m>十[一二]?|[一二三四五六七八九])月){LUNAR_DAY}(?:日)?\s*$"
)


def _lunar_signature_date(m: re.Match[str], anchor: date) -> date | None:
    """The solar day of a lunar signature date: in its cyclic year when one is written, else the latest such day
    on or before the anchor (the office's receipt). `m`: the line's _LUNAR_DATE_LINE match."""
    month = NAMED_MONTHS.get(m.group("named") or "") or nm.cn_int(m.group("m"))
    day = lunar_day(m.group("d"))
    if not month or not day:
        return None
    years = [anchor.year, anchor.year - 1]
    if m.group("y"):  # 2026年正月十八: the lunar year the Gregorian year names
        years = [int(m.group("y"))]
    if gz := m.group("gz"):  # the lunar year whose stem and branch these are, the latest not after the anchor
        cycle = next(i for i in range(60) if _STEMS[i % 10] == gz[0] and _BRANCHES[i % 12] == gz[1])
        years = [y for y in range(anchor.year, anchor.year - 3, -1) if (y - 4) % 60 == cycle]
    for year in years:
        solar = lunar_to_solar(year, month, day)
        if solar and solar <= anchor:
            return solar
    return None


# 代笔：某某 / 说话人：某某（按手印）: a labelled signature (who spoke, who wrote) above the date
_SIGNED_LABEL = re.compile(
    r"^\s*(?:投诉人|反映人|来信人|写信人|说话人|口述人|代笔人?|代写人?|代书人?)[:：]\s*[\u4e00-\u9fff·]{2,8}"
    r"\s*(?:[（(][^）)]{0,8}[)）])?\s*$"
)


def _yearless_signature_date(rec: Recorder, text: str, lines: list[tuple[int, int]]) -> bool:
    """洪丽珍 / 9.18 under a handwritten note: the signature's month and day, in the year of the latest full
    date the text gives (the office's receipt stamp), the year before when that day would fall after it."""
    filled = [(s, e) for s, e in lines if text[s:e].strip()]
    for i in range(len(filled) - 1, max(len(filled) - 8, 0), -1):
        s, e = filled[i]
        line = text[s:e]
        m = _MONTH_DAY_LINE.match(line)
        lunar = None if m else _LUNAR_DATE_LINE.match(line)
        above = text[filled[i - 1][0] : filled[i - 1][1]]
        if not (m or lunar) or not (SIGNATURE_LINE.match(above) or _SIGNED_LABEL.match(above)):
            continue
        anchor = story_anchor(rec, text)
        if anchor is None:
            return False
        if lunar:
            if day := _lunar_signature_date(lunar, anchor):
                rec.set("letter_date", day, s + lunar.start(), s + lunar.end(), SIGNATURE)
                return True
            continue
        try:
            d = date(anchor.year, 1 if m.group("m") == "元" else int(m.group("m")), int(m.group("d")))
            if d > anchor:
                d = date(anchor.year - 1, d.month, d.day)
        except ValueError:
            return False
        rec.set("letter_date", d, s + m.start("m"), s + m.end("d"), SIGNATURE)
        return True
    return False


def derive_age(rec: Recorder) -> None:
    """complainant.age from a stated birth date (see the module docstring); the stated age wins."""
    birth, letter = rec.values.pop("birth", None), rec.reference_day()
    ev = rec.evidence.pop("birth", None)
    number = rec.get("complainant.id_number") or ""
    if birth and letter and not 14 <= letter.year - birth[0] <= 101:
        birth = None  # no birth date of a worker (the signature's own date, read after a name): the number's then
    if not birth and len(number) == 18 and not rec.has("complainant.age"):
        # no stated age or birth date: the ID number's (checked) birth date gives it, a form's blank 年龄 cell
        # included (the form states the birth date in the number)
        birth = (int(number[6:10]), int(number[10:12]), int(number[12:14]))
        ev = rec.evidence.get("complainant.id_number")
    if rec.has("complainant.age") or not birth or not letter or not ev:
        return
    year, month, day = birth
    if month is None:  # a birth year alone: the year of the letter less it
        if 14 <= (age := letter.year - year) <= 100:
            rec.set("complainant.age", age, ev.start, ev.end, ev.confidence)
        return
    number = rec.get("complainant.id_number") or ""
    if day is None and number[6:12] == f"{year:04d}{month:02d}":
        day = int(number[12:14])
    if day is None and month == letter.month:
        return
    before_birthday = (letter.month, letter.day) < (month, day or 1)
    age = letter.year - year - before_birthday
    if 14 <= age <= 100:
        rec.set("complainant.age", age, ev.start, ev.end, ev.confidence)


# (start, end, ongoing, span of the start, span of the end, kind, end is a day)
# kind: "range" (A至B), "since" (从A开始), "ongoing" (A…至今), "date", "until" (到A, 截至A), "hire" (入职A)
Period = tuple[date, date | None, bool, tuple[int, int], tuple[int, int], str, bool]
# what may follow a date in its clause before the events (2025年5月18日凌晨3点左右，…)
_TIME_OF_DAY = re.compile(r"[凌晨早上中下午晚夜间\d一二三四五六七八九十两半点时分左右许前后时候那天\s]*")
_UNTIL = re.compile(r"(?:到|至|直到|拖到|做到|干到|截至|截止到?)\s*$")


# the day wages fell due and were not paid (…的工资到10月10日没有发 / 今年3月的工资到4月底没发)
_DUE_BEFORE = re.compile(r"(?:工资|工钱|薪水|薪资|人工)(?:都|也|还)?(?:到|至)\s*$")
# 到了3月底，钱还是没有给 / 到七月十号，六月份嘅人工都冇出: a day the writer found the money still unpaid
_CHECKED_BEFORE = re.compile(r"(?:^|[，,。；;！!？?\s])(?:等)?到了?\s*$")
_CHECKED_AFTER = re.compile(
    r"\s*(?:底|初|末|中旬|下旬|上旬)?(?:的时候)?[，,][^。！？!?；;\n]{0,16}?(?:钱|工资|工钱|人工|薪水)[^。！？!?；;\n]{0,8}?(?:没|未|冇)"
)
_DUE_AFTER = re.compile(r"\s*(?:底|初|末|中旬|下旬|上旬)?\s*(?:了)?(?:都|也|还|仍|仍然|一直)?(?:没|未|冇)")


# after a month: the wages of that month (份的工资 / 的工钱 / 三个月的工资), or the next month of a list (、)
_MONTHS_WAGES = re.compile(
    r"\s*份?(?:[、和及]|(?:[一二两三四五六七八九十\d]+个月)?(?:的|份的)?(?:工资|工钱|薪水|薪资|工资款))"
)


def _periods(text: str, s: int, e: int, left: bool = False) -> list[Period]:
    """The dated periods of one sentence (dates in a clause about starting the job are "hire"); `left`: the
    letter says the worker has left the job."""
    sentence = text[s:e]
    ongoing_word = bool(kw("ongoing").search(sentence))
    taken: list[tuple[int, int]] = []
    found: list[Period] = []
    clauses = [(m.start() + s, m.end() + s) for m in re.finditer(r"[^，,]+", sentence)]

    def clause_of(pos: int) -> tuple[int, int]:
        """The clause of `pos`; a clause that is only a date (2025年3月10日，我女儿进入…) is the sentence's."""
        i = next((i for i, (cs, ce) in enumerate(clauses) if cs <= pos < ce), None)
        if i is None:
            return pos, pos
        cs, ce = clauses[i]
        d = nm.DATE.match(text[cs:ce].strip())
        if d and _TIME_OF_DAY.fullmatch(text[cs:ce].strip()[d.end() :]):
            ce = clauses[-1][1]
        return cs, ce

    def excluded(pos: int) -> bool:
        return bool(kw("employment_start").search(text[slice(*clause_of(pos))]))

    def work_ended(pos: int) -> bool:  # 2025年2月28日我辞职离开, 2025年5月18日…右手被压伤
        return bool(kw("work_end").search(text[slice(*clause_of(pos))]))

    def paid(pos: int) -> bool:  # 3月到6月的工资按时发了: months that were paid
        return any(cs <= pos < ce and kw("paid").search(text[cs:ce]) for cs, ce in clauses)

    for m in _RANGE.finditer(text, s, e):
        taken.append((m.start(), m.end()))
        if excluded(m.start()) or paid(m.start()):
            continue
        a = nm.parse_date(m.group("a"))
        b = None if m.group("now") else nm.parse_date(m.group("b") or "", end_of_month=True)
        if m.group("bd") and a and m.group("d"):
            day = nm.cn_int(re.sub(r"\s*[日号]$", "", m.group("bd"))) or 0
            b = a.replace(day=day) if a.day <= day <= calendar.monthrange(a.year, a.month)[1] else None
        if m.group("bm") and a:  # 2025年4月至6月: the end month takes the start's year (12月、1月: the next one)
            b = nm.parse_date(f"{a.year}年{m.group('bm')}", end_of_month=True)
            if b and b < a:
                b = nm.parse_date(f"{a.year + 1}年{m.group('bm')}", end_of_month=True)
        if a:
            end_span = next(m.span(g) for g in ("now", "b", "bm", "bd") if m.group(g))
            if m.group("bd"):  # 3月1日至20日: the day's month is the start's, shown with it
                end_span = (m.start("a"), m.end("bd"))
            day_end = bool((m.group("b") and m.group("d2")) or m.group("bd"))
            found.append((a, b, b is None, m.span("a"), end_span, "range", day_end))
    for m in nm.DATE.finditer(text, s, e):
        if any(ts <= m.start() < te for ts, te in taken) or paid(m.start()):
            continue
        start = nm.date_from_match(m)
        if not start:
            continue
        end, day = nm.date_from_match(m, end_of_month=True), bool(m.group("d"))
        due = _DUE_BEFORE.search(text, max(s, m.start() - 8), m.start()) and _DUE_AFTER.match(text, m.end(), e)
        checked = _CHECKED_BEFORE.search(text, max(s - 1, m.start() - 4), m.start()) and _CHECKED_AFTER.match(
            text, m.end(), e
        )
        if due or checked:
            continue  # 9月的工资到10月10日没有发 / 到了3月底，钱还是没有给: not a day of the months owed
        if excluded(m.start()):
            found.append((start, start, False, m.span(), m.span(), "hire", day))
        elif _UNTIL.search(text, max(s, m.start() - 4), m.start()) or (day and work_ended(m.start())):
            found.append((end, end, False, m.span(), m.span(), "until", day))
        elif _SINCE.search(text[max(s, m.start() - 4) : m.start()]) and _SINCE_AFTER.match(text[m.end() : e]):
            found.append((start, None, True, m.span(), m.span(), "ongoing" if ongoing_word else "since", day))
        elif ongoing_word and not (not day and left and _MONTHS_WAGES.match(text, m.end(), e)):
            # (a worker who has left: 2月的工资至今未发 / 10月、11月、12月三个月的工资到现在都没发 states the months
            # owed, and only the payment is still outstanding: those months are the period, not a violation that
            # goes on; while the worker stays, the unpaid months run on)
            found.append((start, None, True, m.span(), m.span(), "ongoing", day))
        else:
            found.append((start, end, False, m.span(), m.span(), "date", day))
    return found


def _sentence_periods(
    text: str, s: int, e: int, letter: date | None, year: int | None, left: bool = False,
    after: tuple[int, int] | None = None,
) -> list[Period]:
    """Periods of a sentence whose date words (去年, 7月份, 25年, 腊月二十八…) are written out first."""
    resolved, index = resolve_dates(text[s:e], letter, year, after)
    if resolved == text[s:e]:
        return _periods(text, s, e, left)

    def back(span: tuple[int, int]) -> tuple[int, int]:
        return s + index[span[0]], s + index[span[1]]

    return [
        (a, b, on, back(sa), back(sb), kind, day)
        for a, b, on, sa, sb, kind, day in _periods(resolved, 0, len(resolved), left)
    ]


def _worked_until(found: list[Period]) -> list[Period]:
    """从A开始在店里上班，一直做到B，…工资没有发: the work's start and the stated end are the period."""
    hires = [p for p in found if p[5] == "hire"]
    untils = [p for p in found if p[5] == "until"]
    if hires and untils and untils[-1][0] > hires[0][0] and not any(p[5] in ("range", "since") for p in found):
        h, u = hires[0], untils[-1]
        return [(h[0], u[1], False, h[3], u[4], "range", u[6])]
    return []


_FROM = re.compile(r"(?:从|自|由)\s*$")


def _from_until(text: str, found: list[Period]) -> list[Period]:
    """从2023年3月10号干到2023年11月30号: a date opened by 从/自 and the next `until` date of the sentence
    are one stated range (the period of the work), not a day and an end."""
    out: list[Period] = []
    i = 0
    while i < len(found):
        p = found[i]
        q = found[i + 1] if i + 1 < len(found) else None
        opened = p[5] == "date" and _FROM.search(text[max(0, p[3][0] - 2) : p[3][0]])
        if opened and q is not None and q[5] == "until" and q[1] and q[1] >= p[0]:
            out.append((p[0], q[1], False, p[3], q[4], "range", q[6]))
            i += 2
            continue
        out.append(p)
        i += 1
    return out


def dated_periods(text: str, letter: date | None) -> list[Period]:
    """Every period the date grammar reads anywhere in the letter, none after the letter date (what the
    period ranker scores, extractors/learned/period.py)."""
    found: list[Period] = []
    marks = year_marks(text, letter)  # once for the letter, not once for every sentence's prefix
    starts = [at for at, _y in marks]
    for m in SENTENCE.finditer(text):
        k = bisect.bisect_left(starts, m.start())
        year = marks[k - 1][1] if k else None  # = last_year(text[: m.start()], letter)
        after = month_of(text, marks[k - 1]) if k else None  # (year, month) when that mark is a full date
        periods = _sentence_periods(text, m.start(), m.end(), letter, year, after=after)
        found += _from_until(text, [p for p in periods if not letter or p[0] <= letter])
    return found


def story_anchor(rec: Recorder, text: str) -> date | None:
    """The day the letter tells its story from (今年 is its year): the letter date, else the latest full date the
    letter states (这封信是我2025年6月3号晚上写的), since a letter is written after what it tells."""
    if letter := rec.get("letter_date"):
        return letter
    dates = [d for m in nm.DATE.finditer(text) if m.group("d") and (d := nm.date_from_match(m))]
    dates += [d for m in _NUMERIC_DATE.finditer(text) if (d := _ymd(m))]  # 收到日期：2026.9.21
    return max(dates, default=None)


# months listed and not received (7月、8月、9月三个月，我一分钱工资都没拿到 / 8月、9月、10月这仨月，俺一分钱没拿着): the
# months owed, told without a word of arrears; only a sentence of months (a day told with 没拿到 is a day of asking)
_MONTHS_UNPAID = re.compile(
    r"(?:\d{1,2}|[一二三四五六七八九十]{1,2})月份?[、和及][^。！？]{0,40}?(?:没|未)有?(?:拿|领|见|得)(?:到|着|过)?"
)
# the worker has left the job (辞职, 被辞退, 不让我干了): months owed are a closed period
_LEFT = re.compile(
    r"辞职|辞了职|离职|辞工|辞了工|离厂|离开(?:了)?(?:公司|厂|单位|店|工地|项目)|离场|撤场|退场|辞退|开除|解除(?:了)?劳动|走人"
    r"|不干了|不让我干|不要我|被炒|不用我|经济补偿"
)


# a table of the months owed (月份 | 应发 | 实发 | 欠发): its rows with something in the owed column state the arrears
_OWED_HEADER = re.compile(r"欠发|欠款|拖欠|未发|欠薪|少发|欠付|未付")


def _row_cells(line: str) -> list[str]:
    """A table row's cells: tab-separated as the .docx reader gives them, or spaced in a PDF's text layer."""
    line = line.strip()
    if "\t" in line:
        return line.split("\t")
    return line.split() if table_row(line) else [line]


# what a sentence about pay says (工资, 工钱, 欠, 扣 …): a sentence without it is about the contract or insurance alone
_WAGE_WORDS = re.compile(r"工资|工钱|薪|钱|欠|拖|扣|结算|加班|提成|报酬")


def _violation_periods(
    rec: Recorder, text: str, s0: int, e0: int
) -> tuple[list[Period], list[Period], list[Period]]:
    """(periods of the sentences that state a violation, stated ranges of any sentence, days the work ended
    or was worked until in any sentence)."""
    letter = story_anchor(rec, text)
    periods: list[Period] = []
    ranges: list[Period] = []
    hires: list[Period] = []
    untils: list[Period] = []
    from_hiring = whole = None
    paperwork: list[Period] = []
    left = bool(_LEFT.search(text))
    owed_column = None  # in a table of months whose header names the sum owed (欠发), that column's index
    for m in SENTENCE.finditer(text, s0, e0):
        cells = _row_cells(m.group())
        owed_row = False
        if len(cells) < 3:
            owed_column = None
        elif owed_column is None:
            owed_column = next((k for k, c in enumerate(cells) if _OWED_HEADER.search(c)), None)
        elif len(cells) > owed_column:
            # (a month with nothing owed, 0 or —, is no arrears)
            owed_row = bool(nm.amount_value(cells[owed_column].replace(",", "")))
        before, sentence = text[s0 : m.start()], m.group()
        if (turn := NEW_YEAR_PASSED.search(sentence)) and not re.search(
            r"\d|[一二三四五六七八九十]月", sentence[: turn.start()]
        ):
            before = text[s0 : m.start() + turn.end()]  # 过完年…，二月份的钱…: the turn of the year opens the sentence
        marks = year_marks(before, letter)  # (last_year of the text before the sentence, and its month)
        year, after = (marks[-1][1], month_of(before, marks[-1])) if marks else (None, None)
        sentence_periods = _sentence_periods(text, m.start(), m.end(), letter, year, left, after)
        found = [p for p in sentence_periods if not letter or p[0] <= letter]
        found = _from_until(text, found)
        hires += [p for p in found if p[5] == "hire"]
        untils += [p for p in found if p[5] == "until"]
        ranges += [p for p in found if p[5] == "range"]
        if from_hiring is None and not found and kw("from_hiring").search(sentence):
            from_hiring = m.start()
        owed = kw("violation").search(sentence) or (_MONTHS_UNPAID.search(sentence) and not any(p[6] for p in found))
        owed = owed or (owed_row and any(p[5] == "date" for p in found))
        if not owed or kw("not_violation").search(sentence):
            continue
        if kw("from_hiring").search(sentence) and not _WAGE_WORDS.search(sentence):
            # 我是2018年10月去的，…一直没给签合同，也没上保险: no contract, no insurance since the hiring; the wages
            # owed, when the letter dates them, are what it complains of
            paperwork += [p for p in found if p[5] == "hire"]
            continue
        # an earlier sentence's hiring starts the work only when no earlier sentence dated the violation
        earlier = hires[:1] if not periods and hires and hires[0] not in found else []
        if earlier and any(p[0] > earlier[0][0] and _SINCE_AFTER.match(text[p[3][1] : p[3][1] + 4]) for p in found):
            earlier = []  # 2025年4月起…停发工资，…工作至6月30日: the sentence dates its own start, after the hiring
        periods += _worked_until(earlier + found) + [p for p in found if p[5] != "hire"]
        if whole is None and not found and kw("whole_period").search(sentence):
            whole = m.start()
    if whole is not None:
        # 每月只给1000元，低于最低工资标准 (undated): the violation spans the stated period of the work
        periods += [p for p in ranges if p not in periods]
    if from_hiring is not None and hires and not any(p[5] in ("range", "since", "ongoing") for p in periods):
        # 公司一直不签合同、不缴社保: the violation runs from the hiring
        h = hires[0]
        periods.append((h[0], None, True, h[3], h[3], "since", h[6]))
    if not periods and paperwork:
        h = paperwork[0]  # only the contract or the insurance is complained of: since the hiring, ongoing
        periods.append((h[0], None, True, h[3], h[3], "since", h[6]))
    if not periods:
        # 剩下的工钱一直冇给 (undated): the work's stated start and end are the period
        periods = _worked_until(hires[:1] + [p for p in untils if p[5] == "until"])
    return periods, ranges, untils


# 目前来电人仍在该厂上班 / 我现在还在冷库干 / 我还在正常上班: the worker still works there
_STILL_WORKING = re.compile(
    r"(?:现在|目前|如今|眼下|当前)[^。，,；;\n]{0,8}?(?:还|仍|仍然|依然|照常|照样|继续)在?[^。，,；;\n]{0,10}?"
    r"(?:上班|干活|工作|做工|做事|干|做|在职)(?![了过完])"
    r"|(?:还|仍然?|依然|照常|照样)在(?:正常)?上班(?![了过])|还(?:天天|每天)在?上班(?![了过])"
)
# how long before the letter the owed months may end and still reach it (the last month's pay falls due
# in the month after it)
_REACHES_LETTER_DAYS = 75


def _still_owed_at_work(rec: Recorder, text: str, end: date | None) -> tuple[int, int] | None:
    """The span saying the worker is still at work, when the owed months reach the letter: the arrears go on
    (violation_end None, violation_ongoing True), as a supervisor reads it, though the letter names months."""
    ref = rec.reference_day()
    if end is None or ref is None or not 0 <= (ref - end).days <= _REACHES_LETTER_DAYS or _LEFT.search(text):
        return None
    m = _STILL_WORKING.search(text)
    return m.span() if m else None


_DAYS_WORKED = re.compile(r"(?:干|做|上|出)了[^。！？\n]{0,6}?(?:天|个工|个班)")
_WORKED_TO = re.compile(r"(?:做|干|上班|工作|打工)(?:到|至)\s*$")
# the business stopped (幼儿园停止办学, 饭店就关门了): no work goes on for wages to be owed for
_CLOSED_DOWN = re.compile(r"关门|倒闭|停止办学|停止营业|停业|关停|跑路|人去楼空|停办|不办了")


_NOT_DONE = re.compile(r"(?:不敢|不想|不愿|不能|没有?|可以|怕被?|如果|要是|若|一旦|否则)[^，。；,\n]{0,4}$")
_OTHERS_LEFT = re.compile(r"同事|工友|有的|别人|他们|她们|其他人|两名|几个|一些人")


def _work_over(text: str) -> bool:
    """The writer's work there is over: they left or were dismissed (not 不敢辞职, not a colleague who quit), or
    the business closed; and the letter does not say they still work there."""
    if _STILL_WORKING.search(text):
        return False
    for m in (*_LEFT.finditer(text), *_CLOSED_DOWN.finditer(text)):
        clause_start = max(text.rfind(c, 0, m.start()) for c in "，。；,\n") + 1
        before = text[clause_start : m.start()]
        if m.group() == "经济补偿" or _NOT_DONE.search(before) or _OTHERS_LEFT.search(before):
            continue  # (asking for 经济补偿 does not say the writer has gone)
        return True
    return False


def _ended_with_the_work(periods: list[Period], ranges: list[Period], untils: list[Period]) -> list[Period]:
    """A violation the letter calls ongoing, when the worker has left or the business has closed: it ended with
    the work, on the last day the letter says the work went to (a stated day, else the end of a stated range,
    else the end of the month it began owing)."""
    out = []
    for p in periods:
        if not p[2]:
            out.append(p)
            continue
        # a stated day the work ended outranks the end of a stated range
        ends = [u for u in untils if u[1] and u[1] >= p[0]] or [r for r in ranges if r[1] and r[1] >= p[0]]
        if ends:
            last = max(ends, key=lambda q: q[1])
            out.append((p[0], last[1], False, p[3], last[4], "range", last[6]))
        elif not p[6]:  # 9月开学以后…工资还是一直拖着 (month only): the month it began owing
            end = p[0].replace(day=calendar.monthrange(p[0].year, p[0].month)[1])
            out.append((p[0], end, False, p[3], p[4], "range", False))
        else:
            out.append(p)
    closed = [p[1] for p, q in zip(out, periods, strict=True) if q[2] and not p[2] and p[1]]
    # a day told after the work ended (3月10日我又去要) is the story of asking, not of the arrears
    return [p for p in out if not (closed and p[5] == "date" and p[0] > max(closed))]


def extract_violation(rec: Recorder, text: str, span: tuple[int, int] | None) -> None:
    s0, e0 = span or (0, len(text))
    periods, ranges, untils = _violation_periods(rec, text, s0, e0)
    # no dated violation sentence: the stated period of the work the unpaid wages are for
    periods = periods or ranges
    if not periods:
        return
    # 从11月1号开始就没给 … 从11月1号到腊月二十这一截 (work now over): a range stated from the same day ends
    # what the since opened
    # (the months a request asks for are what is owed so far, not where the arrears stop)
    asked = rec.evidence.get("requests")
    told = [r for r in ranges if r[1] and not (asked and asked.start <= r[3][0] < asked.end)]
    # (while the worker stays, the months owed so far run on, unless the range is told as work done: 一共干了72天)
    told = [r for r in told if _work_over(text) or _DAYS_WORKED.search(text, r[3][0], sentence_end(text, r[3][0]))]
    periods = [next((r for r in told if p[5] == "since" and r[0] == p[0]), p) for p in periods]
    first = min(periods, key=lambda p: p[0])
    rec.set("violation_start", first[0], *first[3], 0.8)
    # a stated range closes what 从…开始 opened (从去年8月开始…拖欠8月到12月的工资); a later end date
    # (到2023年4月底, 25年10月18日被辞退) closes a 从…开始 that the letter does not say lasts until now
    closed_by_range = max((p[1] for p in periods if p[5] == "range" and p[1]), default=None)
    closed_by_date = max(
        (p[1] for p in periods if p[1] and (p[5] == "until" or (p[5] == "date" and p[6]))), default=None
    )

    worked_until = max(  # 我做到8月31号: the last day of the work, not of the arrears counted (欠到1月)
        (p[1] for p in periods if p[5] == "until" and p[1] and _WORKED_TO.search(text, max(0, p[3][0] - 4), p[3][0])),
        default=None,
    )

    def closed(p: Period) -> bool:
        if p[5] not in ("since", "ongoing"):
            return False
        if p[5] == "ongoing" and worked_until and p[0] > worked_until:
            return True  # 我做到8月31号，9月1号就没在那里做了，到现在还是没给: a day after the work ended
        by_range = bool(closed_by_range and closed_by_range >= p[0])
        return by_range or bool(p[5] == "since" and closed_by_date and closed_by_date > p[0])

    periods = [p for p in periods if not closed(p)]
    if any(p[2] for p in periods) and _work_over(text):
        periods = _ended_with_the_work(periods, ranges, untils)
    if any(p[2] for p in periods):
        last = next(p for p in periods if p[2])
        rec.set("violation_ongoing", True, *last[4], 0.7)
        return
    last = max(periods, key=lambda p: p[1] or date.min)
    if still := _still_owed_at_work(rec, text, last[1]):
        rec.set("violation_ongoing", True, *still, 0.6)
        return
    if not last[6] and last[1]:
        # 10月15日叫我走人，…10月上半个月的工资: a day stated in the last month ends the period; so does the day the
        # work ended in it (我在厂里干到今年1月20号 … 1月的工资一直没有发)
        ended = [u for u in untils if u[6] and _WORKED_TO.search(text, max(0, u[3][0] - 4), u[3][0])]
        days = [
            p for p in periods + ended if p[6] and p[1] and (p[1].year, p[1].month) == (last[1].year, last[1].month)
        ]
        last = max(days, key=lambda p: p[1]) if days else last
    elif last[6] and last[1] and _work_over(text):
        # 11月的工资12月15日没有发 … 我做到12月31日辞了职: a later day the work ended, in the same month, ends it
        ended = [
            u for u in untils
            if u[1] and u[1] > last[1] and (u[1].year, u[1].month) == (last[1].year, last[1].month)
            and _WORKED_TO.search(text, max(0, u[3][0] - 4), u[3][0])
        ]
        last = max(ended, key=lambda u: u[1]) if ended else last
    if len(periods) == 1 and last[5] == "date" and last[6] and last[1]:
        # 6月10日公司招人…没签合同 / 我们从6月10日一直干到8月31日: the one dated day began the stated range of
        # the work; the wages are owed for all of it
        worked = [r for r in ranges if r[0] == last[0] and r[1] and r[1] > last[1]]
        last = max(worked, key=lambda r: r[1]) if worked else last
    rec.set("violation_end", last[1], *last[4], 0.8)
    if last[1] and (listed := _months_listed(text, s0, e0, last[1])):
        start, (a, b) = listed
        # the months owed, counted back from the end, begin after the hiring the rules started the period at
        hired = kw("employment_start").search(text, sentence_start(text, first[3][0]), first[3][1] + 12)
        if hired and first[0] < start <= last[1]:
            rec.set("violation_start", start, a, b, 0.8, overwrite=True)


_MONTH_WORD = r"(?:1[0-2]|0?[1-9]|十[一二]?|[一二三四五六七八九])"
# 12月、1月、2月三个月的工资一直没给: the months owed named without their years
_MONTH_LIST = re.compile(
    rf"(?<![\d年〇零、])(?P<list>{_MONTH_WORD}月份?(?:[、和及与跟]{_MONTH_WORD}月份?)+)"
    r"(?:(?:这|那|共|整整)?[两三四五六七八九十\d]个?(?:整)?月)?的?(?:工资|工钱|薪水|人工)"
)


def _months_listed(text: str, s0: int, e0: int, end: date) -> tuple[date, tuple[int, int]] | None:
    """The first of the months a sentence that states a violation lists without years (12月、1月、2月), their years
    counted back from the period's end; (first day, span of the list)."""
    for m in SENTENCE.finditer(text, s0, e0):
        if not kw("violation").search(m.group()) or kw("not_violation").search(m.group()):
            continue
        for lm in _MONTH_LIST.finditer(text, m.start(), m.end()):
            months = [nm.cn_int(x) for x in re.findall(_MONTH_WORD + "(?=月)", lm.group("list"))]
            if len(months) < 2 or any(x is None or not 1 <= x <= 12 for x in months):
                continue
            year = end.year - (months[-1] > end.month)
            for before, after in zip(reversed(months[:-1]), reversed(months[1:]), strict=True):
                year -= before > after
            return date(year, months[0], 1), lm.span("list")
    return None
