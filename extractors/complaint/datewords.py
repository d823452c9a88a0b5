"""Dates as letters write them, rewritten to full `YYYY年M月D日` dates so one date grammar reads them all.

    resolve_dates(sentence, letter, year) -> (rewritten sentence, index of each character in the original)

What is rewritten (the year of a word that lacks one comes from `year`, the year the letter's story is
in: the last full year stated before the sentence, else the letter's):
- 今年/去年/前年 before a month (今年1月到4月): the letter's year, one or two years back;
- two-digit years before a month (25年10月18日): 2025;
- numeric dates (2025.3.15, 2025-11-02, 2025/3/15);
- lunar dates with a day (去年腊月二十八, 农历十月初八): the solar date (jionlp's lunar table); a lunar date
  without a year is the latest one on or before the letter date;
- a lunar month without a day, counted in lunar years (去年腊月 in March 2026 is the 腊月 of the lunar year
  begun in 2025): its first solar day where something starts then (从去年腊月开始), the range of its solar days
  where its wages are meant (腊月的工资); elsewhere (干到腊月, 腊月里去找他) it is left as written;
- a month without a year (从7月份开始, 7月、8月的工资) after the words that name a count or a rate are
  excluded (两个月, 每月15日): `year`, one year back when it would fall after the letter date; a run of such
  months that passes the year's end (十月、十一月、十二月，再加上过了元旦的一月) goes on into the next year, and so
  does a month told after the story's last full date when it comes before that date's month (2023年11月我到网咖
  上班。…6月份的工资没发), unless that date ended the work (一直干到2023年10月底。5月到10月的工资…: a look back);
- a year of the sexagenary cycle (己亥年十月二十): the latest such year up to the letter's, its days lunar.

Pure. The index maps every character of the rewritten sentence back to an offset in the original, so
evidence spans stay those of the document.
"""

from __future__ import annotations

import bisect
import re
from datetime import date, timedelta
from functools import lru_cache

from extractors.complaint import numerals as nm

_YEARS_BACK = {"今年": 0, "去年": 1, "前年": 2, "大前年": 3}
_REL = "今年|去年|大前年|前年"  # (大前年 before 前年: three years back, not 前年 with a stray 大)
# 今年（2025年）二月份: the year in brackets, when the writer gives it, is the year meant; 去年阳历十一月: the
# Gregorian calendar named, the year rewritten with it
_RELATIVE_YEAR = re.compile(
    rf"(?P<rel>{_REL})(?:\s*[（(]\s*(?P<y>(?:19|20)\d{{2}})\s*年?\s*[)）])?(?:的?(?:阳历|公历|新历))?"
    r"(?=\s*(?:\d{1,2}|[一二三四五六七八九十]{1,3})\s*月)"
)
_SHORT_YEAR = re.compile(r"(?<![\d年])(?P<y>\d{2})\s*年(?=\s*\d{1,2}\s*月)")
# 二二年秋收完了, 二三年开春, 二四年三月: a two-digit year said in words, before a month or a time of the year
_CN_DIGIT = {c: str(i) for i, c in enumerate("〇一二三四五六七八九")} | {"零": "0", "○": "0"}
_SHORT_CN_YEAR = re.compile(
    r"(?<![\d〇零○一二三四五六七八九十年两])(?P<y>[〇零○一二][〇零○一二三四五六七八九])\s*年"
    r"(?=\s*(?:[\d一二三四五六七八九十]{1,3}\s*月|(?:那个|那)?(?:春|夏|秋|冬)|年初|年底|年末|过年|开春|腊月|正月|上半年|下半年))"
)
# 22年那个冬天, 23年正月十五: a two-digit year in figures before a time of the year (before a month: _SHORT_YEAR)
_SHORT_YEAR_SEASON = re.compile(
    r"(?<![\d年.\-/])(?P<y>\d{2})\s*年(?=(?:那个|那|的)?(?:春|夏|秋|冬|年初|年底|年末|过年|开春|腊月|正月|冬月|上半年|下半年))"
)
_NUMERIC = re.compile(r"(?<![\d.\-/])(?P<y>(?:19|20)\d{2})[.\-/](?P<m>\d{1,2})[.\-/](?P<d>\d{1,2})(?![\d.])")
_DIGIT = "[一二三四五六七八九]"
# 十月二十一直摘到腊月: 一直 and 一共 are words, not the day's last digit
_LAST_DIGIT = rf"(?:{_DIGIT}(?![直共]))"
LUNAR_DAY = rf"(?P<d>初(?:{_DIGIT}|十)|十{_LAST_DIGIT}?|二十{_LAST_DIGIT}?|廿{_DIGIT}|三十)"
_LUNAR = re.compile(
    rf"(?P<rel>{_REL})?(?P<lunar>农历|阴历|旧历|老历)?(?:(?P<named>正月|冬月|腊月)|(?P<m>[一二三四五六七八九十]{{1,3}})月){LUNAR_DAY}"
)
NAMED_MONTHS = {"正月": 1, "冬月": 11, "腊月": 12}
# 去年腊月 / 腊月里 / 农历十月份 (a lunar month without a day): the solar days that month spans
_LUNAR_MONTH = re.compile(
    rf"(?P<rel>{_REL})?(?:(?P<named>正月|冬月|腊月)|农历(?P<m>十[一二]?|[一二三四五六七八九])月)"
    r"(?P<part>份|里|底|初|头)?(?![初一二三四五六七八九十廿\d号日])"
)
_FROM_BEFORE = re.compile(r"(?:从|自|于)\s*$")
_FROM_AFTER = re.compile(r"^\s*(?:开始|起|以来|到|至|—|-)")
_WAGES_OF = re.compile(r"^\s*(?:那个月|那一个月|一个月)?(?:的|份的)?(?:工资|工钱|工|钱)")
_UNTIL_BEFORE = re.compile(r"(?:到|至|干到|做到|直到|—|-)\s*$")
# a month without a year; not a count (两个月), a rate (每月) or part of a full date (2025年7月)
_NOT_BEFORE_MONTH = "\\d〇零○一二三四五六七八九十年个每上下本这那几半数多当次"
_BARE_MONTH = re.compile(
    rf"(?<![{_NOT_BEFORE_MONTH}])(?P<m>1[0-2]|0?[1-9]|十[一二]?|[一二三四五六七八九])\s*月(?!份?工资标准)"
)


def lunar_day(word: str) -> int | None:
    word = word.replace("初", "").replace("廿", "二十")
    return nm.cn_int(word)


@lru_cache(maxsize=256)
def lunar_to_solar(year: int, month: int, day: int) -> date | None:
    """The solar date of a lunar date (not a leap month); None when there is no such day."""
    from extractors.jio import jionlp

    jionlp()  # quiet import of the banner-printing package
    from jionlp.gadget.lunar_solar_date import LunarSolarDate

    try:
        return LunarSolarDate().to_solar_date(year, month, day, False).date()
    except Exception:  # jionlp raises plain Exceptions for days a lunar month does not have
        return None


def _lunar(m: re.Match[str], letter: date | None, year: int | None = None) -> str | None:
    month = NAMED_MONTHS.get(m.group("named") or "") or nm.cn_int(m.group("m") or "")
    day = lunar_day(m.group("d"))
    if not letter or not month or not day:
        return None
    told = lunar_to_solar(year, month, day) if year else None
    if m.group("rel"):
        solar = lunar_to_solar(letter.year - _YEARS_BACK[m.group("rel")], month, day)
    elif told and told <= letter:  # 前年（2023年）…农历六月二十开始: the year the story is in
        solar = told
    else:  # the latest such day on or before the letter
        solar = lunar_to_solar(letter.year, month, day)
        if solar and solar > letter:
            solar = lunar_to_solar(letter.year - 1, month, day)
    return f"{solar.year}年{solar.month}月{solar.day}日" if solar else None


def _lunar_year_of(day: date) -> int:
    """The lunar year a solar day falls in (numbered by the solar year it begins in)."""
    new_year = lunar_to_solar(day.year, 1, 1)
    return day.year if new_year is None or day >= new_year else day.year - 1


def _lunar_month_span(m: re.Match[str], letter: date | None) -> tuple[date, date] | None:
    month = NAMED_MONTHS.get(m.group("named") or "") or nm.cn_int(m.group("m") or "")
    if not letter or not month:
        return None
    current = _lunar_year_of(letter)

    def span(ly: int) -> tuple[date, date] | None:
        first = lunar_to_solar(ly, month, 1)
        last = lunar_to_solar(ly, month, 30) or lunar_to_solar(ly, month, 29)
        return (first, last) if first and last else None

    if m.group("rel"):
        return span(current - _YEARS_BACK[m.group("rel")])
    found = span(current)  # the latest such month begun on or before the letter
    if found and found[0] > letter:
        found = span(current - 1)
    return found


def _lunar_month_words(sentence: str, m: re.Match[str], letter: date | None) -> str | None:
    """从去年腊月开始 -> its first day; 腊月的工资 -> the range of its days; 干到腊月(底) is left alone (the last day
    of the work is the day a letter tells, 腊月二十六放假, not the month's end)."""
    if not (found := _lunar_month_span(m, letter)):
        return None
    first, last = (f"{d.year}年{d.month}月{d.day}日" for d in found)
    before, after = sentence[: m.start()], sentence[m.end() :]
    if m.group("part") == "初" or _FROM_BEFORE.search(before) or _FROM_AFTER.match(after):
        return first
    if m.group("part") == "底" or _UNTIL_BEFORE.search(before):
        return None  # 干到腊月 / 9月到腊月的工资: the day the work stopped is told elsewhere, if at all
    if _WAGES_OF.match(after):  # 腊月的工资 / 腊月那个月的工钱: the month owed
        return f"{first}至{last}"
    return None  # 腊月里我去找他: when something happened, not a period owed


# A festival's day where the story tells something happened on it (大前年清明节那天…去上班, 干到那年冬至, 从端午节起):
# its solar date in the year named (今年/去年/前年/大前年), else the story's year, the latest on or before the letter.
# Not 春节前, 过完中秋 (around the festival, not on it): only on the day, from it or until it.
_LUNAR_FESTIVALS = {
    "春节": (1, 1), "元宵": (1, 15), "端午": (5, 5), "七夕": (7, 7), "中秋": (8, 15), "重阳": (9, 9),
    "中元": (7, 15), "七月半": (7, 15), "腊八": (12, 8),
}
_SOLAR_FESTIVALS = {"元旦": (1, 1), "五一": (5, 1), "劳动节": (5, 1), "国庆": (10, 1)}
_SOLAR_TERMS = ("清明", "冬至", "立春", "立夏", "立秋", "立冬", "夏至", "秋分", "春分", "小满", "芒种", "白露", "霜降")
_FESTIVALS = "|".join([*_LUNAR_FESTIVALS, *_SOLAR_FESTIVALS, *_SOLAR_TERMS])
_EDGE_FESTIVALS = "|".join(n for n in _FESTIVALS.split("|") if n != "春节")  # (春节后: no day the letter names)
_STORY_REL = f"{_REL}|那年|当年"
_FESTIVAL = re.compile(
    rf"(?P<before>从|自|于|到|至|干到|做到|直到)?(?P<rel>{_STORY_REL})?(?:的)?"
    rf"(?P<name>{_FESTIVALS})(?P<jie>节)?(?!节)"
    r"(?P<after>那天|当天|那日|那一天|当日|开始|起)?"
    r"(?!前|后|过后|以后|之后|期间|假期|放假|左右|那几天|这几天|这段|那段)"
)
# 从端午节后上班 / 端午过后我就进去了 / 中秋过后第二天起: the day after the festival, where something starts then;
# 干到国庆节前一天 / 一直拖到中秋节前一天: the day before, where something ends then. Not 说端午前发 (a promise
# about some day before it) nor 春节后 (people go back to work days after it, no day the letter names).
_FESTIVAL_EDGE = re.compile(
    rf"(?P<from>从|自)?(?P<rel>{_STORY_REL})?(?:的)?(?P<name>{_EDGE_FESTIVALS})(?:节)?"
    r"(?:(?P<after>过后|以后|之后|后)(?P<second>第二天)?"
    r"(?P<starts>(?:[我他她们]{0,2}(?:就|便)?(?:进|去|来|到|上班|上工|开工|开始|一直|干|做|起)))?"
    r"|(?P<before>前一天))"
)
_UNTIL = re.compile(r"(?:到|至|干到|做到|拖到|直到)\s*$")


@lru_cache(maxsize=256)
def _solar_term(year: int, name: str) -> date | None:
    import chinese_calendar

    terms = chinese_calendar.get_solar_terms(date(year, 1, 1), date(year, 12, 31))
    return next((d for d, n in terms if n == name), None)


def _festival_day(name: str, y: int) -> date | None:
    if name in _LUNAR_FESTIVALS:
        return lunar_to_solar(y, *_LUNAR_FESTIVALS[name])
    if name in _SOLAR_FESTIVALS:
        return date(y, *_SOLAR_FESTIVALS[name])
    return _solar_term(y, name)


def _festival_date(name: str, rel: str | None, letter: date, year: int | None) -> date | None:
    """The festival's day in the year named (今年/去年/前年/大前年), else in the story's year (那年, or none said),
    the latest one on or before the letter."""
    if rel in _YEARS_BACK:
        day = _festival_day(name, letter.year - _YEARS_BACK[rel])
    else:
        day = _festival_day(name, year or letter.year)
        if day and day > letter:
            day = _festival_day(name, (year or letter.year) - 1)
    return day if day and day <= letter else None


def _written(day: date) -> str:
    return f"{day.year}年{day.month}月{day.day}日"


def _festival(m: re.Match[str], letter: date | None, year: int | None) -> date | None:
    """A festival's day where the story puts something on it, from it or until it (not a bare mention)."""
    if not letter or not (m.group("before") or m.group("after")):
        return None
    return _festival_date(m.group("name"), m.group("rel"), letter, year)


def _festival_edge(m: re.Match[str], sentence: str, letter: date | None, year: int | None) -> date | None:
    """The day after a festival where something starts then, the day before one where something ends then."""
    if not letter or (m.group("after") and not (m.group("from") or m.group("starts"))):
        return None
    if m.group("before") and not _UNTIL.search(sentence[: m.start()]):
        return None
    day = _festival_date(m.group("name"), m.group("rel"), letter, year)
    return day + timedelta(days=1 if m.group("after") else -1) if day else None


_YEAR_JUST_BEFORE = re.compile(
    r"(?:(?:19|20)?\d{2}|[〇零○一二][〇零○一二三四五六七八九])\s*年的?\s*(?:农历|阴历|旧历|老历)?$"
)
_NEW_YEAR_AFTER = re.compile(r"[^，,。]{0,3}?(?:春节|过年|大年)")


# a year of the Republic as Taiwan counts it, with the Gregorian year the writer may add in brackets
_ROC_YEAR = re.compile(
    r"民[国國](?P<y>\d{2,3}|[一二三四五六七八九十百零〇]{1,5})年(?:[（(](?:\d{4}|[一二三四五六七八九零〇]{4})年[)）])?"
)


# a year named in the sexagenary cycle (己亥年, 壬寅年（虎年）): a lunar year, the latest of that name up to the
# letter's year; a date told after it is a lunar one
_STEMS, _BRANCHES = "甲乙丙丁戊己庚辛壬癸", "子丑寅卯辰巳午未申酉戌亥"
_GANZHI_YEAR = re.compile(rf"(?P<gz>[{_STEMS}][{_BRANCHES}])年(?:[（(][^（()）]{{1,8}}[)）])?")


def ganzhi_year(name: str, letter: date | None) -> int | None:
    """'己亥' -> 2019 (the latest year of that name up to the letter's year); None without a letter or for a pair
    the cycle does not have."""
    stem, branch = _STEMS.index(name[0]), _BRANCHES.index(name[1])
    if not letter or stem % 2 != branch % 2:
        return None
    y = letter.year
    while (y - 4) % 10 != stem or (y - 4) % 12 != branch:
        y -= 1
    return y


_TURN_MONTHS = 4  # how far past December a run of months may go on into the next year (十二月、一月…四月)
_SOLAR_SAID = re.compile(r"阳历|公历|新历")
_GLOSSED = re.compile(r"\d{1,2}\s*[日号]\s*[（(]$")


def _substitutions(sentence: str, letter: date | None, year: int | None,
                   after: tuple[int, int] | None = None) -> list[tuple[int, int, str]]:
    subs: list[tuple[int, int, str]] = []

    def free(s: int, e: int) -> bool:
        return not any(a < e and s < b for a, b, _ in subs)

    # the years the sentence itself tells (今年双十一…，从国庆节后…（10月9号）): a date after one is in that year
    marks = year_marks(sentence, letter)

    def mark_before(at: int) -> tuple[int, int] | None:
        """(where, year) of the last year the sentence tells before `at`."""
        before = [mark for mark in marks if mark[0] < at]
        return before[-1] if before else None

    def told_before(at: int) -> int | None:
        mark = mark_before(at)
        return mark[1] if mark else None

    for m in _ROC_YEAR.finditer(sentence):  # 民國一一二年（二〇二三年）: a year of the Republic, 1911 + it
        if year_of := nm.republic_year(m.group("y")):
            subs.append((m.start(), m.end(), f"{year_of}年"))
    # 农历八月十五过完，八月十六就进了厂 / 从十月二十一直摘到腊月十八: a day in words in a sentence that tells a lunar
    # one is lunar too
    lunar_told = any(m.group("named") or m.group("lunar") for m in _LUNAR.finditer(sentence))
    cycle = [(g.start(), g.end()) for g in _GANZHI_YEAR.finditer(sentence) if ganzhi_year(g.group("gz"), letter)]
    for m in _LUNAR.finditer(sentence):
        solar_said = _SOLAR_SAID.search(sentence, max(0, m.start() - 3), m.start() + 1)
        lunar_year = any(e <= m.start() for _s, e in cycle)  # 己亥年十月二十: a day in a cyclic year is lunar
        # (十月十号 with 号 or 日 is how a solar day is written: 阳历十月十号上的班，…十月十号到腊月二十)
        solar_said = solar_said or sentence.startswith(("号", "日"), m.end())
        if not (m.group("named") or m.group("lunar") or lunar_year or (lunar_told and not solar_said)):
            continue  # 十月初八 without 农历 is a solar date written in words
        lunar_told = True
        if _GLOSSED.search(sentence, 0, m.start()):
            continue  # 1月14日（农历腊月二十三）: the lunar day glosses the solar one before it, no date of its own
        # 22年那个冬天，阴历十月初八 / 一直干到23年正月十五: a year told before it in the sentence is its year
        mark = mark_before(m.start()) if not m.group("rel") else None
        told = mark[1] if mark else None
        late_month = nm.cn_int(m.group("m") or "") in (11, 12) or m.group("named") in ("冬月", "腊月")
        # 前年春节前，腊月二十三: the 腊月 before that year's 春节 is the lunar year before it
        if mark and told and late_month and _NEW_YEAR_AFTER.match(sentence[mark[0] + 1 : m.start()]):
            told -= 1
        start = m.start()
        if mark and (lead := _YEAR_JUST_BEFORE.search(sentence, mark[0], start)):
            start = lead.start()  # the year goes with the day it dates: 23年正月十五 -> 2023年2月5日
        start = next((s for s, e in cycle if e == start), start)  # 己亥年十月二十 -> 2019年11月16日
        if (written := _lunar(m, letter, told or year)) and free(start, m.end()):
            subs.append((start, m.end(), written))
    for m in _GANZHI_YEAR.finditer(sentence):
        if free(*m.span()) and (year_of := ganzhi_year(m.group("gz"), letter)):
            subs.append((m.start(), m.end(), f"{year_of}年"))
    for m in _LUNAR_MONTH.finditer(sentence):
        if free(*m.span()) and (written := _lunar_month_words(sentence, m, letter)):
            subs.append((m.start(), m.end(), written))
    for m in _FESTIVAL_EDGE.finditer(sentence):
        start = m.start("from") if m.group("from") else m.start("rel") if m.group("rel") else m.start("name")
        end = max(m.end("second"), m.end("after"), m.end("before"))  # (an unmatched group ends at -1)
        if free(start, end) and (day := _festival_edge(m, sentence, letter, told_before(start) or year)):
            subs.append((start, end, ("从" if m.group("from") else "") + _written(day)))
    for m in _FESTIVAL.finditer(sentence):
        start = m.start("rel") if m.group("rel") else m.start("name")
        # 那天 / 当天 go with the day they name; 开始 / 起 stay for the period grammar (从2024年6月10日起)
        on_the_day = m.group("after") not in (None, "开始", "起")
        end = m.end("after") if on_the_day else max(m.end("jie"), m.end("name"))
        if free(start, end) and (day := _festival(m, letter, told_before(start) or year)):
            subs.append((start, end, _written(day)))
    for m in _NUMERIC.finditer(sentence):
        if free(*m.span()):
            subs.append((m.start(), m.end(), f"{m.group('y')}年{int(m.group('m'))}月{int(m.group('d'))}日"))
    for m in _SHORT_YEAR.finditer(sentence):
        if free(*m.span()):
            subs.append((m.start(), m.end(), f"20{m.group('y')}年"))
    for m in _SHORT_CN_YEAR.finditer(sentence):
        if free(*m.span()):
            subs.append((m.start(), m.end(), f"20{''.join(_CN_DIGIT[c] for c in m.group('y'))}年"))
    for m in _RELATIVE_YEAR.finditer(sentence):
        if free(*m.span()) and (m.group("y") or letter):
            written = m.group("y") or str(letter.year - _YEARS_BACK[m.group("rel")])
            subs.append((m.start(), m.end(), f"{written}年"))
    story_year = year or (letter.year if letter else None)
    if story_year:
        last: tuple[int, int, int] | None = None  # (year, month, year before any turn) of the last bare month
        for m in _BARE_MONTH.finditer(sentence):
            if not free(*m.span()) or any(a <= m.start() - 1 < b for a, b, _ in subs):
                continue  # right after a rewritten year (去年10月)
            month = nm.cn_int(m.group("m"))
            if not month:
                continue
            stated = last_year(sentence[: m.start()])  # 2025年11月、12月: the year just stated
            # 做到今年二月尾，十二月、一月…: a relative year told earlier in the sentence is the story's year
            y = stated or told_before(m.start()) or story_year
            if not stated and letter and (y, month) > (letter.year, letter.month):
                y -= 1
            elif not stated and not told_before(m.start()) and after and after[0] == y and month < after[1] \
                    and (not letter or (y + 1, month) <= (letter.year, letter.month)):
                y += 1  # 2023年11月我到网咖上班。…6月份的工资没发: the story goes on, into the next year
            told = y
            # 六月、七月…十二月，再加上过了元旦的一月: a run of months of one year that passes the year's end (a
            # month at most four after the last one, counting on into the next year) goes on into the next year
            if last and told == last[2] and month < last[1] and month + 12 - last[1] <= _TURN_MONTHS:
                turned = last[0] + 1
                if not letter or (turned, month) <= (letter.year, letter.month):
                    y = turned
            elif last and told == last[2] and last[0] > told and month >= last[1]:
                y = last[0]  # 十二月、一月、二月: the months after the turn stay in the new year
            last = (y, month, told)
            subs.append((m.start(), m.start(), f"{y}年"))
    return sorted(subs)


def resolve_dates(sentence: str, letter: date | None, year: int | None,
                  after: tuple[int, int] | None = None) -> tuple[str, list[int]]:
    """The sentence with its date words written out in full, and each new character's original index. `after`:
    (year, month) of the full date the story told last before the sentence, when that date gave `year`."""
    out: list[str] = []
    index: list[int] = []
    pos = 0
    for s, e, written in _substitutions(sentence, letter, year, after):
        out.append(sentence[pos:s])
        index += range(pos, s)
        out.append(written)
        if e > s:
            index += [s] * (len(written) - 1) + [e - 1]
        else:  # an insertion: the new characters point at the word they complete
            index += [s] * len(written)
        pos = e
    out.append(sentence[pos:])
    index += range(pos, len(sentence) + 1)
    return "".join(out), index


def month_of(text: str, mark: tuple[int, int]) -> tuple[int, int] | None:
    """(year, month) of a year mark that is a full date, unless it ends the work (一直干到2021年12月底。7月到12月的
    工资…: the months told after it look back over the work)."""
    at, y = mark
    if _UNTIL_BEFORE.search(text, max(0, at - 2), at):
        return None
    m = nm.DATE.match(text, at)
    month = nm.cn_int(m.group("m")) if m else None
    return (y, month) if month and 1 <= month <= 12 else None


def last_year(text: str, letter: date | None = None) -> int | None:
    """The year of the last date in `text` (the year a story is in): a full date, a year told with a time
    of the year (2022年秋天, 2023年底), or, given the letter date, 今年/去年/前年 (今年春节后…, 去年8月份开始…;
    not 今年52岁, an age)."""
    years = [y for _at, y in year_marks(text, letter)]
    return years[-1] if years else None


def year_marks(text: str, letter: date | None = None) -> list[tuple[int, int]]:
    """(where it starts, year) of every mark `last_year` reads, in the text's order. At a sentence's start, the
    last mark starting before it is last_year of the text before it: no mark runs across a 。."""
    found = [(m.start(), nm.cn_int(m.group("y"))) for m in nm.DATE.finditer(text)]
    if letter:
        found += [(m.start(), letter.year - _YEARS_BACK[m.group("rel")]) for m in _STORY_YEAR.finditer(text)]
        found += [(m.start(), letter.year - _YEARS_BACK[m.group("rel")]) for m in _STORY_YEAR_THEN_MONTH.finditer(text)
                  if not _STORY_YEAR.match(text, m.start())]
    found += [(m.start(), 2000 + int("".join(_CN_DIGIT[c] for c in m.group("y"))))
              for m in _SHORT_CN_YEAR.finditer(text)]
    found += [(m.start(), 2000 + int(m.group("y"))) for m in _SHORT_YEAR_SEASON.finditer(text)]
    found += [(m.start(), int(m.group("y"))) for m in _BRACKET_YEAR.finditer(text)]  # 今年（2025年）二月份
    found += [(m.start(), int(m.group("y"))) for m in _RELATIVE_BRACKET.finditer(text)]  # 前年（2023年）在…
    found += [(m.start(), nm.cn_int(m.group("y")) or 0) for m in _YEAR_ALONE.finditer(text)]
    found += [(m.start(), ganzhi_year(m.group("gz"), letter) or 0) for m in _GANZHI_YEAR.finditer(text)]
    found += [(m.start(), nm.republic_year(m.group("y")) or 0) for m in _ROC_YEAR.finditer(text)]
    marks = [(at, y) for at, y in sorted(found) if y and 1900 <= y <= 2100]
    for m in NEW_YEAR_PASSED.finditer(text):
        # 去年腊月二十五…。过完年…二月份的钱: the Spring Festival after the year's last months opens the next year
        last = next(((at, y) for at, y in reversed(marks) if at < m.start()), None)
        if last and _LATE_IN_YEAR.search(text, last[0], m.start()) and not _put_off(text, m):
            bisect.insort(marks, (m.start(), last[1] + 1))
    return marks


def _put_off(text: str, m: re.Match[str]) -> bool:
    """A promise put off to the new year (老板说过了年再说, 等过了年就给), not the story passing it."""
    clause = text[max(text.rfind(c, 0, m.start()) for c in "，,。；;！？\n") + 1 : m.start()]
    return bool(re.search(r"说|答应|讲|承诺|保证|等|要|到", clause) or re.match(r"再|就给|才|一定", text[m.end() :]))


# the Spring Festival passed, and what tells the months before it were the year's last
NEW_YEAR_PASSED = re.compile(r"过完年|过了年|过罢年|过完春节|春节过后|春节后|过年后|年后(?![\d一二三四五六七八九十])")
_LATE_IN_YEAR = re.compile(r"腊月|冬月|年底|年末|年关|十二月|12月|快过年")


# 今年/去年/前年 with a time of the year (今年春节后, 去年7月份, 去年底): when the story happens; not 去年在老家学手艺
# (a year of the writer's past) nor 今年52岁 (an age)
_STORY_YEAR = re.compile(
    rf"(?P<rel>{_REL})(?:的)?(?=春|夏|秋|冬|年初|年底|年末|初|底|末|上半年|下半年|开春|开年|春节|过年|过完年|过罢年|过了年|年后|腊月|正月|元旦|"
    r"国庆|中秋|端午|清明|冬至|元宵|重阳|五一|开学|放暑假|放寒假|(?:阳历|公历|新历)?\s*(?:\d{1,2}|[一二三四五六七八九十]{1,3})\s*月)"
)
# 今年双十一备货…，从国庆节后上班（10月9号）: a relative year, no number after it (not 今年52岁), and a month told
# later in its sentence: the months of that sentence are in that year
_STORY_YEAR_THEN_MONTH = re.compile(
    rf"(?P<rel>{_REL})(?![\d一二三四五六七八九十几两]|的?时候|在)(?=[^。！？!?\n]{{0,30}}?(?:\d{{1,2}}|[一二三四五六七八九十]{{1,3}})\s*月)"
)
# a year told with a time of the year (2022年秋天, 2023年底, 2021年重阳): the story is in that year (自2019年起 is not)
_YEAR_ALONE = re.compile(
    r"(?<![\d.\-/〇零○一二三四五六七八九])(?P<y>(?:19|20)\d{2}|[一二][〇零○一二三四五六七八九]{3})\s*年(?:的)?(?:农历|阴历|旧历|老历)?(?=春|夏|秋|冬|年初|年底|年末|初|底|末|上半年|下半年|开春|春节|过年|腊月|正月"
    r"|冬月|重阳|中秋|端午|清明|冬至|元宵|国庆|五一|元旦|小年)"
)
_RELATIVE_BRACKET = re.compile(rf"(?:{_REL})[（(]\s*(?P<y>(?:19|20)\d{{2}})\s*年?\s*[)）]")
_BRACKET_YEAR = re.compile(
    r"[（(]\s*(?P<y>(?:19|20)\d{2})\s*年?\s*[)）]\s*(?:\d{1,2}|[一二三四五六七八九十]{1,3})\s*月"
)
