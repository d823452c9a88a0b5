"""Whose age a letter states: a ranker over every `N岁` of the letter.

The rules read an age from a labelled item, a roster, an ID number or a sentence of a fixed shape
(我今年五十二岁, 我妈今年六十一岁). Letters say it in other shapes — 我老公赵德明今年43岁, 我阿爸今年63岁,
a bare 今年五十八岁 after the writer's story began — and they also give ages that are not the
complainant's (孩子才8岁, 老板五十多岁, 我16岁那年). This module scores every stated age with a logistic model
over the words before and after it (who the sentence is about, 今年/现年, 那年/时), whether the letter is
written for a relative, its place in the letter and whether the rules chose it. A choice fills an age the
rules left unstated (from a modest score) and replaces theirs only when sure. Built by `make models`
(`age.json.gz`).
"""

from __future__ import annotations

import re

from extractors import learned
from extractors.complaint import numerals as nm

MODEL = "age"
FILL, REPLACE = 0.4, 0.9
_BEFORE = (
    "我", "俺", "本人", "今年", "现年", "已经", "已", "都", "才", "孩子", "儿子", "女儿", "娃", "老板", "经理",
    "包工头", "他", "她", "父亲", "母亲", "爸", "妈", "老公", "丈夫", "妻子", "老婆", "爷爷", "奶奶", "弟弟",
    "妹妹", "哥哥", "姐姐", "年龄", "，", "、", "男", "女", "出生", "工友", "老乡", "师傅", "们",
)
_AFTER = ("了", "的", "，", "、", "时", "那年", "那时", "就", "起", "以上", "以下", "左右", "多", "，男", "，女")


def candidates(text: str, name: str | None, relative: bool,
               rule: tuple[int, int, int] | None) -> list[tuple[int, tuple[int, int], dict[str, float]]]:
    """(age, span, features) of every stated age."""
    out = []
    mentions = list(nm.AGE.finditer(text))
    for k, m in enumerate(mentions):
        age = nm.parse_age(m.group(0))
        if age is None:
            continue
        s, e = m.start(), m.end()
        before, after = text[max(0, s - 10) : s], text[e : e + 4]
        f: dict[str, float] = {"bias": 1.0, f"nth={min(k, 3)}": 1.0}
        clause = re.split(r"[。！？\n；]", before)[-1]
        for w in _BEFORE:
            if w in clause:
                f[f"b={w}"] = 1.0
        f[f"b1={text[s - 1] if s else '^'}"] = 1.0
        f[f"b2={text[max(0, s - 2) : s]}"] = 1.0
        for w in _AFTER:
            if after.startswith(w):
                f[f"a={w}"] = 1.0
        if name and name in text[max(0, s - 16) : s]:
            f["name_before"] = 1.0
        if relative:
            f["relative"] = 1.0
        f[f"band={'child' if age < 16 else 'minor' if age < 18 else 'adult' if age <= 60 else 'old'}"] = 1.0
        f[f"pos={'head' if s < 300 else 'body' if s < 1500 else 'tail'}"] = 1.0
        if rule is None:
            f["rule_none"] = 1.0
        elif rule[1] == s or rule[0] == age:
            f["rule_same"] = 1.0
        else:
            f["rule_other"] = 1.0
        out.append((age, (s, e), f))
    return out


def choose(text: str, name: str | None, relative: bool,
           rule: tuple[int, int, int] | None) -> tuple[int, tuple[int, int], float] | None:
    model = learned.load(MODEL)
    if model is None:
        return None
    threshold = FILL if rule is None else REPLACE
    best = None
    for age, span, feats in candidates(text, name, relative, rule):
        p = model.probabilities(feats)[model.classes[-1]]
        if p >= threshold and (best is None or p > best[2]):
            best = (age, span, p)
    return best
