"""The complainant's gender where the letter states it without a 性别 label.

Only what the letter makes unambiguous, never a guess from a name or a trade:
- a form of address the letter records for the complainant: 张先生 / 王女士 (a hotline caller);
- kinship when someone writes for a relative: 我父亲李某 / 李某是我母亲 — the complainant is the relative;
- the writer speaking of themself: 我一个大男人, 我是女的, 我怀孕三个月, 我老公 (the writer is a wife),
  我老婆 / 我媳妇 (the writer is a husband) — read only when the writer is the complainant (no agent).
Cue words live in extractors/data/gender_cues.yaml; conflicting cues give nothing.

A letter written for a relative (an agent is named, or the writer says whose child/parent/spouse they are)
speaks of the complainant by kinship throughout (我妈, 我儿子): those words give the gender, and
`我妈今年六十一岁` the age; in a letter the complainant writes, `我今年五十二岁` does.
"""

from __future__ import annotations

import re
from functools import cache

import yaml

from extractors.complaint import numerals as nm
from extractors.complaint.evidence import PROSE, Recorder
from extractors.complaint.labels import DATA, tables
from extractors.rx import after, before, rx

_FIRST_PERSON = r"(?:我|俺|本人|咱|我本人)"


@cache
def _cues() -> dict[str, dict[str, re.Pattern[str]]]:
    raw = yaml.safe_load((DATA / "gender_cues.yaml").read_text(encoding="utf-8"))
    return {
        kind: {g: re.compile("|".join(f"(?:{w})" for w in words)) for g, words in by_gender.items()}
        for kind, by_gender in raw.items()
    }


def _decide(hits: list[tuple[str, int, int]], rec: Recorder) -> bool:
    genders = {g for g, _s, _e in hits}
    if len(genders) != 1:
        return False
    gender, s, e = hits[0]
    return rec.set("complainant.gender", gender, s, e, PROSE)


def _kin() -> dict[str, str]:
    """Gender -> the alternation of kinship words (gender_cues.yaml `kin`)."""
    return {gender: pattern.pattern for gender, pattern in _cues()["kin"].items()}


def kin_words() -> str:
    """One alternation of every kinship word, either gender (我爸, 我丈夫, 我妈 …)."""
    return "|".join(_kin().values())


FOR_RELATIVE = re.compile(
    r"(?:替|代|帮)(?:我的?)?(?:父亲|爸爸|我爸|母亲|妈妈|我妈|儿子|女儿|丈夫|老公|男人|妻子|老婆|媳妇|爱人)"
)

# one person the writer writes for, by pronoun: 他托我替他写这封信 / 她托我替她在这里反映 / 我替他写的
FOR_ONE = re.compile(
    r"(?:替|帮|代)(?P<p>他|她)(?!们)[^。！？\n，,]{0,8}?(?:写|反映|投诉)"
    r"|(?P<q>他|她)(?!们)(?:托|委托|让|叫|请)我(?:替|帮|代)?(?:他|她)?[^。！？\n，,]{0,6}?(?:写|反映|投诉)"
)


def _pronoun_gender(rec: Recorder, text: str) -> bool:
    """The person written for, by the pronoun the writer uses for them (他托我替他写): only one kind."""
    hits = [
        ("男" if (m.group("p") or m.group("q")) == "他" else "女", m.start(), m.end()) for m in FOR_ONE.finditer(text)
    ]
    return bool(hits) and _decide(hits, rec)


def written_for_relative(rec: Recorder, text: str) -> bool:
    name = rec.get("complainant.name")
    kin = kin_words()
    by_kin = bool(name) and (
        any(text[max(0, at - 2) : at] == "我是" for at, _m in after(text, name, "的"))
        or next(before(text, name, rf"(?:我|俺)的?(?:{kin})(?:叫|名叫)"), None) is not None
    )
    relative = bool(FOR_RELATIVE.search(text))
    agents = [a.get("name") for a in rec.get("agents") or []]
    if by_kin or relative:
        return True
    # 我叫某某…这封信是儿子照我说的写的 (代写：某某): the worker writes, a relative only holds the pen
    introduced = bool(name) and next(before(text, name, "(?:我叫|俺叫|我是|本人)[:：]?"), None) is not None
    return bool(agents) and not (introduced and name not in agents)


def _kin_gender(rec: Recorder, text: str) -> bool:
    """The gender of the relative a letter is written for, from how the writer calls them (only one kind)."""
    hits = []
    for gender, words in _kin().items():
        for m in rx(rf"(?:我|俺)(?:的)?(?:{words})").finditer(text):
            hits.append((gender, m.start(), m.end()))
    return bool(hits) and _decide(sorted(hits, key=lambda h: h[1]), rec)


_AGE_NUMBER = r"(?P<n>\d{1,2}|[一二三四五六七八九十]{1,3})\s*周?岁"


# words that bring someone other than the writer into the clauses before an age
_OTHERS = "儿|女|孩|娃|老婆|老公|妻|夫|爸|妈|父|母|老板|他|她|们|叫|有个|姐妹|兄弟|工友|同事|老乡"


def fill_age(rec: Recorder, text: str, for_relative: bool) -> None:
    """我今年五十二岁 / 俺今年都六十了 (the writer) or 我妈今年六十一岁 (the relative written for)."""
    if rec.has("complainant.age"):
        return
    words = kin_words()
    if for_relative:
        who = rf"(?:我|俺)(?:的)?(?:{words})(?:叫[\u4e00-\u9fff]{{2,3}}[，,]?)?"
    else:
        # the writer, then at most a few clauses about themself (我是某村的农民，一个老汉家，今年五十六了)
        # (a clause that says what the writer is, 我是一个女娃，, is the writer's own, whatever words it holds)
        who = rf"(?:我|俺|本人)(?:是[^。！？\n，,]{{0,12}}[，,]|(?:(?!{_OTHERS})[^。！？\n]){{0,30}}?[，,])?"
    m = rx(rf"{who}(?:今年|现年|已经|已)(?:才|都|已经)?{_AGE_NUMBER}").search(text) or rx(
        rf"{who}(?:今年|现年)(?:已经|都)?(?P<n>{nm.SPOKEN_AGE}|\d{{2}})(?:了|多了)?(?=[，,。])"
    ).search(text)  # 今年五十二了
    if m:
        age = nm.parse_age(m.group("n") + "岁")
        if age and "多" not in m.group(0):  # 今年五十多了: no exact age
            rec.set("complainant.age", age, m.start("n"), m.end(), PROSE)
            return
    _birth_year(rec, text, who if for_relative else rf"(?:(?:我|俺)叫[^。！？\n]{{0,24}}?[，,]|{who})")


_ZODIAC = "鼠牛虎兔龙蛇马羊猴鸡狗猪"
_YEAR_BORN = re.compile(
    rf"(?P<y>(?:19|20)\d{{2}}|\d{{2}}|[零〇一二三四五六七八九]{{2}})年(?:出生|生人|生的|生|属[{_ZODIAC}])"
)


# 俺是属虎的，七四年的: the zodiac sign, then the year (…年的 alone is any year's: 2024年的工资)
_ZODIAC_YEAR = re.compile(
    rf"属[{_ZODIAC}]的?[，,、]?\s*(?P<y>(?:19)?\d{{2}}|[零〇一二三四五六七八九]{{2}})年(?:的|生的?)?(?=[，,。])"
)


def _birth_year(rec: Recorder, text: str, who: str) -> None:
    """本人某某，男，1974年出生 / 我叫某某，七四年属虎的 / 79年生人: a birth year alone gives the age as the year of
    the letter (else of its receipt) less the birth year; only of the writer (or the relative written for)."""
    letter = rec.reference_day()
    if rec.has("complainant.age") or letter is None:
        return
    m = rx(rf"{who}(?:[^。！？\n]{{0,12}}?)(?<![\d年]){_YEAR_BORN.pattern}").search(text) or rx(
        rf"{who}(?:[^。！？\n]{{0,12}}?){_ZODIAC_YEAR.pattern}"
    ).search(text)
    if not m:
        return
    year = nm.cn_int(m.group("y")) or 0  # 1974 / 79 / 七四
    if year < 100:
        year += 2000 if year <= letter.year % 100 - 14 else 1900
    age = letter.year - year
    if 14 <= age <= 100:
        rec.set("complainant.age", age, m.start("y"), m.end(), PROSE)


@cache
def _complainant_labels() -> str:
    """The labels a letter or a record gives its complainant's name by (来电人, 留言人, 投诉人姓名 …)."""
    labels = sorted(tables()["labels"]["fields"]["complainant.name"], key=len, reverse=True)
    return "|".join(map(re.escape, labels))


def fill_gender(rec: Recorder, text: str) -> None:
    relative = written_for_relative(rec, text)
    fill_age(rec, text, relative)
    if rec.has("complainant.gender"):
        return
    number = rec.get("complainant.id_number") or ""
    if len(number) == 18 and (ev := rec.evidence.get("complainant.id_number")):
        # the resident ID's 17th digit (GB 11643): odd for a man, even for a woman; the number was checked
        rec.set("complainant.gender", "男" if int(number[16]) % 2 else "女", ev.start, ev.end, ev.confidence)
        return
    cues = _cues()
    name = rec.get("complainant.name") or ""
    # 1. a form of address recorded as (or with) the name
    for gender, pattern in cues.get("address", {}).items():
        if name and pattern.fullmatch(name[1:]):
            ev = rec.evidence.get("complainant.name")
            rec.set("complainant.gender", gender, ev.start if ev else 0, ev.end if ev else 0, PROSE)
            return
        # 来电人：某某（女士）: the form of address recorded in brackets after the name
        if name and (hit := next(after(text, name, rf"\s*[（(](?:{pattern.pattern})[）)]"), None)):
            rec.set("complainant.gender", gender, hit[0], hit[1].end(), PROSE)
            return
        # 来电人：某先生 / 留言人：王女士: a record that gives the caller by a form of address only, no name read
        labels, title = _complainant_labels(), pattern.pattern
        caller = rf"(?<!被)(?:{labels})\s*[:：]\s*[\u4e00-\u9fff]?(?:{title})(?![\u4e00-\u9fff])"
        if not name and (m := rx(caller).search(text)):
            rec.set("complainant.gender", gender, m.start(), m.end(), PROSE)
            return
    # 2. kinship: 我父亲李某 / 李某是我父亲 / 父亲李某
    if name and len(name) >= 2:
        hits = []
        for gender, pattern in cues["kin"].items():
            for m, at in before(text, name, rf"(?:{pattern.pattern})(?:[，,：:\s]|叫|名叫)?", window=16):
                hits.append((gender, m.start(), at + len(name)))
            for at, m in after(text, name, rf"(?:是|系)(?:我|本人|俺)的?(?:{pattern.pattern})"):
                hits.append((gender, at, m.end()))
        if hits and _decide(sorted(hits, key=lambda h: h[1]), rec):
            return
    # 3. a letter for a relative: how the writer calls them
    if relative:
        _kin_gender(rec, text) or _pronoun_gender(rec, text)
        return
    # 4. the writer about themself, only when the writer is the complainant
    hits = []
    for gender, pattern in cues.get("self", {}).items():
        # 我一个大男人 / ，一个大男人本来不想…: the writer, in their own letter
        for m in rx(rf"(?:{_FIRST_PERSON}|(?<=[，,。！!\n]))(?:{pattern.pattern})").finditer(text):
            hits.append((gender, m.start(), m.end()))
    if hits:
        _decide(sorted(hits, key=lambda h: h[1]), rec)
