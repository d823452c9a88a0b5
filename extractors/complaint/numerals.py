"""Pure helpers for the small values of a complaint letter: dates, ages, money, phones, ID numbers.

Each helper works on a matched piece of the normalised text, so evidence offsets stay those of the
document. cn2an converts Chinese numerals; it is applied to the matched numeral only, never to the
whole text (`cn2an.transform` changes the text's length, which would move every offset).

jionlp was checked for phones and money and is not used: `extract_phone_number` reports a spaced mobile
number twice (once as a landline), and `parse_money` rejects 大写 amounts ending in 整.
"""

from __future__ import annotations

import calendar
import re
from datetime import date

import cn2an

from extractors.normalize import CHINESE_DIGITS

_CN_DIGIT = CHINESE_DIGITS
_CN_NUM = "零〇○一二两三四五六七八九十百千万亿壹贰叁肆伍陆柒捌玖拾佰仟"
_YEAR = r"(?P<y>\d{4}|[〇零○一二三四五六七八九]{4})"
_MONTH = r"(?P<m>\d{1,2}|[一二三四五六七八九十]{1,3})"
_DAY = r"(?P<d>\d{1,2}|[一二三四五六七八九十]{1,3})"
DATE = re.compile(rf"{_YEAR}\s*年\s*{_MONTH}\s*月(?:\s*份)?(?:\s*{_DAY}\s*[日号])?")

# An amount of money as letters write it: 12,300元 / 3.5万元 / 壹拾贰万叁仟元整 / 四万六千八百块钱 (三千二蚊 in
# Cantonese), and the
# spoken and mixed forms: 10万8千元, 121万余元, 380多万元, 约2千万元, 三万六千多块, 一万二千五, 354万 (wan
# alone counts when no measure word follows: 3万平方米 is an area), and with no unit at all the spoken
# 四万六千八 / 一万一千四 / 1万8 / 一万六千九百五 / 一万零四百八 (a last digit after 万 or 千, or after 千…百 or
# 零…百, no measure word after it).
# a measure word after a figure: an area, a weight, a count (3万平方米, 两千五百人), not money
_MEASURE = (
    r"[\u4e00-\u9fff]{0,2}(?:平方|平米|亩|吨|人|名|册|件|台|辆|个|株|斤|公里|米|户|次|条|字|头|只|张|份|套|袋|箱|瓶|元)"
)
# 參 (traditional 叁) becomes 参 in the simplified text extraction reads: a numeral only before a unit (參萬玖仟元)
_NUM_TOKEN = (
    rf"(?:\d{{1,3}}(?:[,，]\d{{3}})+(?:\.\d+)?|\d+(?:\.\d+)?|(?:[{_CN_NUM}]|参(?=[拾佰仟万亿]))+(?:点[零一二三四五六七八九]+)?)"
)
MONEY = re.compile(
    rf"(?:人民币)?\s*(?P<num>{_NUM_TOKEN}(?:\s*[十百千万亿拾佰仟]\s*(?:[余多]\s*)?零?(?:{_NUM_TOKEN})?)*)"
    r"\s*(?:[余多])?\s*(?P<wan>(?<![万])万(?:[余多])?)?\s*"
    r"(?:元(?:整)?|(?P<kuai>块钱|块|蚊)(?![砖板石地子虫帐香])|(?<=万)(?!{measure})"
    r"|(?:(?<=[万千][一二三四五六七八九两\d])|(?<=[千零][一二三四五六七八九两]百[一二三四五六七八九两])"
    r"|(?<=万零[一二三四五六七八九两]百)|(?<=[万千][一二三四五六七八九两]百))"  # (一万零五百, 三万二千五百)
    r"(?![\d十百千万亿零〇.]|{measure}))".replace("{measure}", _MEASURE)
)
MOBILE = re.compile(r"(?<![\d])1[3-9]\d(?:[\s\-]?\d{4}){2}(?![\d])")
LANDLINE = re.compile(r"(?<![\d])(?:[(（](?P<a1>0\d{2,3})[)）]\s*|(?P<a2>0\d{2,3})[\-\s])(?P<n>\d{7,8})(?![\d])")
ID_NUMBER = re.compile(r"(?<![\dXx])\d{17}[\dXx](?![\dXx])")
# an age in tens and units as it is said (五十八, 六十, 五十有三: the written way of saying 五十三)
SPOKEN_AGE = r"[一二三四五六七八九]?十有?[一二三四五六七八九]?"
AGE = re.compile(rf"(?P<n>\d{{1,3}}|{SPOKEN_AGE}|[一二三四五六七八九十]{{1,3}})\s*周?岁")

_ID_WEIGHTS = (7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2)
_ID_CHECK = "10X98765432"


def republic_year(token: str) -> int | None:
    """A year of the Republic as Taiwan counts it ('一一二' / '57') -> the Gregorian year (1911 + it)."""
    n = cn_int(token)
    return n + 1911 if n is not None and 1 <= n <= 200 else None


def two_digit_year(token: str) -> int | None:
    """A birth year told by its last two digits ('00' / '七六'): 00-10 are 2000-2010 (a worker born later is not in
    work), the rest 1911-1999."""
    n = cn_int(token)
    return None if n is None or n > 99 else n + (2000 if n <= 10 else 1900)


def cn_int(token: str) -> int | None:
    """'12' / '十二' / '二〇二六' (digit by digit) -> int; None when it is not a number."""
    token = token.strip()
    if token.isdigit():
        return int(token)
    token = re.sub(r"(?<=十)有(?=[一二三四五六七八九]$)", "", token)  # 五十有三: the written way of saying 五十三
    if token and all(ch in _CN_DIGIT for ch in token) and len(token) >= 2 and "十" not in token:
        return int("".join(str(_CN_DIGIT[ch]) for ch in token))
    try:
        return int(cn2an.cn2an(token, "smart"))
    except (ValueError, KeyError, TypeError):
        return None


def date_from_match(m: re.Match[str], end_of_month: bool = False) -> date | None:
    """A DATE match as a date. Without a day: the first (or with `end_of_month` the last) day."""
    year, month = cn_int(m.group("y")), cn_int(m.group("m"))
    day = cn_int(m.group("d")) if m.group("d") else None
    if year is None or month is None or not 1 <= month <= 12 or not 1900 <= year <= 2100:
        return None
    if day is None:
        day = calendar.monthrange(year, month)[1] if end_of_month else 1
    try:
        return date(year, month, day)
    except ValueError:
        return None


def parse_date(text: str, end_of_month: bool = False) -> date | None:
    """The first date in `text`: '2026年1月12日', '二〇二六年十月八日', '2025年3月' (day 1)."""
    m = DATE.search(text)
    return date_from_match(m, end_of_month) if m else None


def parse_age(text: str) -> int | None:
    """'35岁' / '三十五岁' / '今年四十一岁' / a bare '35' -> int (plausible ages only)."""
    m = AGE.search(text)
    token = m.group("n") if m else text.strip()
    n = cn_int(token) if token else None
    return n if n is not None and 14 <= n <= 100 else None


_DIGIT_VALUE = {c: i for i, c in enumerate("零一二三四五六七八九")} | {"〇": 0, "○": 0, "两": 2} | {
    c: i for i, c in enumerate("零壹贰叁肆伍陆柒捌玖")}
_UNIT_VALUE = {"十": 10, "拾": 10, "百": 100, "佰": 100, "千": 1000, "仟": 1000}


def _number(token: str) -> float | None:
    token = token.replace(",", "").replace("，", "")
    if re.fullmatch(r"\d+(?:\.\d+)?", token):
        return float(token)
    if all(c in _DIGIT_VALUE for c in token):  # 一二 (digit by digit) is not how letters write sums
        return float(_DIGIT_VALUE[token]) if len(token) == 1 else None
    try:
        return float(cn2an.cn2an(token, "smart"))
    except (ValueError, KeyError, TypeError):
        return None


_AMOUNT_TOKEN = re.compile(r"\d+(?:\.\d+)?|[一二三四五六七八九两壹贰叁肆伍陆柒捌玖]|[十百千万亿拾佰仟]")
_BIG_UNIT = {"万": 10_000, "亿": 100_000_000}


def amount_value(text: str) -> float | None:
    """The value in yuan of an amount written with digits and units mixed (10万8千, 2千万, 三万六千多, 1万零8百;
    一万二千五: a bare digit right after a unit is a tenth of it, as speech has it)."""
    text = re.sub(r"[余多\s]|元|整|块钱|块|蚊", "", text)
    total = section = 0.0  # total: what 万/亿 closed; section: the part below 万 being read
    number: float | None = None  # the figure read since the last unit
    last_unit, after_unit = 1, False
    for token in _AMOUNT_TOKEN.findall(text):
        if token in _BIG_UNIT:
            scale, group = _BIG_UNIT[token], (section + (number or 0)) or 1
            total = (total + group) * scale if total and total < scale else total + group * scale
            section, number, last_unit, after_unit = 0.0, None, scale, True
        elif token in _UNIT_VALUE:
            section += (1 if number is None else number) * _UNIT_VALUE[token]
            number, last_unit, after_unit = None, _UNIT_VALUE[token], True
        elif number is not None or (value := _number(token)) is None:
            return None  # two figures in a row (一二), or one that is none
        else:
            number, spoken = value, after_unit and value < 10 and last_unit >= 10 and not re.search(r"[零〇○]", text)
            after_unit = False
    if number is not None and spoken:
        number *= last_unit / 10  # 一万二千五 = 12500, 三千五 = 3500
    return total + section + (number or 0)


def money_value(m: re.Match[str]) -> float | None:
    """A MONEY match in yuan: '12,300元', '3.5万元', '壹拾贰万叁仟元整', '10万8千元', '121万余元'."""
    num, wan = m.group("num").replace("参", "叁"), m.group("wan")
    if not re.search(r"[\d一二两三四五六七八九壹贰叁肆伍陆柒捌玖]", num):
        return None  # 十几万, 几万: no figure
    if m.group("kuai") and not re.search(r"\d|[十百千万拾佰仟]", num + (wan or "")):
        return None  # 一块 (together, a piece), not money
    value = None
    if not re.search(r"[十百千万亿拾佰仟]", num) or re.fullmatch(rf"[{_CN_NUM}]+", num):
        value = _number(num.strip())
    if value is None:
        value = amount_value(num)
    if value is None:
        return None
    value = value * 10000 if wan else value
    return round(value, 2) if value > 0 else None


def parse_money(text: str) -> float | None:
    m = MONEY.search(text)
    return money_value(m) if m else None


def normalize_phone(raw: str) -> str | None:
    """Mobile -> 11 digits; landline -> 'area-number' (0772-5135856). None if not a phone."""
    m = MOBILE.fullmatch(raw.strip())
    if m:
        return re.sub(r"\D", "", raw)
    m = LANDLINE.fullmatch(raw.strip())
    if m:
        return f"{m.group('a1') or m.group('a2')}-{m.group('n')}"
    m = re.fullmatch(r"(0\d{2,3})(\d{7,8})", raw.strip())
    return f"{m.group(1)}-{m.group(2)}" if m and len(raw.strip()) in (11, 12) else None


def find_phones(text: str) -> list[tuple[str, int, int]]:
    """(normalised phone, start, end) for every phone number in `text`, in order."""
    found = []
    for m in MOBILE.finditer(text):
        found.append((re.sub(r"\D", "", m.group()), m.start(), m.end()))
    for m in LANDLINE.finditer(text):
        if not any(s <= m.start() < e for _, s, e in found):
            found.append((f"{m.group('a1') or m.group('a2')}-{m.group('n')}", m.start(), m.end()))
    return sorted(found, key=lambda x: x[1])


def id_check_digit(first17: str) -> str:
    return _ID_CHECK[sum(int(d) * w for d, w in zip(first17, _ID_WEIGHTS, strict=True)) % 11]


def valid_id_number(raw: str) -> str | None:
    """An 18-digit resident ID with a correct GB 11643 check digit and a real birth date, else None."""
    value = raw.strip().upper()
    if not re.fullmatch(r"\d{17}[\dX]", value) or id_check_digit(value[:17]) != value[17]:
        return None
    try:
        date(int(value[6:10]), int(value[10:12]), int(value[12:14]))
    except ValueError:
        return None
    return value
