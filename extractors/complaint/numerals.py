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

MONEY = re.compile(
    rf"(?:人民币)?\s*(?P<num>\d{{1,3}}(?:[,，]\d{{3}})+(?:\.\d+)?|\d+(?:\.\d+)?|[{_CN_NUM}]+(?:点[零一二三四五六七八九]+)?)"
    r"\s*(?P<wan>万)?\s*(?:元(?:整)?|(?P<kuai>块钱|块)(?![砖板石地]))"
)
MOBILE = re.compile(r"(?<![\d])1[3-9]\d(?:[\s\-]?\d{4}){2}(?![\d])")
LANDLINE = re.compile(r"(?<![\d])(?:[(（](?P<a1>0\d{2,3})[)）]\s*|(?P<a2>0\d{2,3})[\-\s])(?P<n>\d{7,8})(?![\d])")
ID_NUMBER = re.compile(r"(?<![\dXx])\d{17}[\dXx](?![\dXx])")
AGE = re.compile(r"(?P<n>\d{1,3}|[一二三四五六七八九十]{1,3})\s*周?岁")

_ID_WEIGHTS = (7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2)
_ID_CHECK = "10X98765432"


def cn_int(token: str) -> int | None:
    """'12' / '十二' / '二〇二六' (digit by digit) -> int; None when it is not a number."""
    token = token.strip()
    if token.isdigit():
        return int(token)
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


def money_value(m: re.Match[str]) -> float | None:
    """A MONEY match in yuan: '12,300元', '3.5万元', '壹拾贰万叁仟元整'."""
    num, wan = m.group("num").replace(",", "").replace("，", ""), m.group("wan")
    if m.group("kuai") and not re.search(r"\d|[十百千万拾佰仟]", num + (wan or "")):
        return None  # 一块 (together, a piece), not money
    try:
        value = float(num) if re.fullmatch(r"\d+(?:\.\d+)?", num) else float(cn2an.cn2an(num, "smart"))
    except (ValueError, KeyError, TypeError):
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
