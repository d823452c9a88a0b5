"""When the violation began and ended: a ranker over every dated period of the letter.

The rules read the period from the sentences that state a violation (拖欠, 不发 …), with the work's start
and end as a fallback; a letter that tells its dates in the story — the hiring in one sentence, the last
day in another, the arrears in a third with no date — defeats them as often as not. This module lists
every period the date grammar reads anywhere in the letter (relative years and lunar dates resolved as the
rules resolve them, see `extractors.complaint.datewords`), and scores each as the start and as the end with
two logistic models over the words around it (its clause's words, the characters at its edges), the kind of
period (a hiring, a range, an `until`, a day), its sentence's words, its place in the letter and whether the
rules chose it. A choice fills a date the
rules left unstated (from a modest score) and replaces theirs only when the model is sure. Built by
`make models` (`period_start.json.gz`, `period_end.json.gz`).

The end is decided in two steps when its two models are installed (twenty-ninth round): whether the violation
still runs at the letter's date (`period_ongoing`: one logistic model over the letter — the words of its facts,
the cues of a running or a finished job, what the rules read), and if it does not, which of the letter's dated
periods ends it (`period_end_pair`: a pairwise ranker, trained on the differences between the golden end's
features and every other candidate's, so that it learns which of two dates ends the violation rather than
whether one date alone looks like an end). The rules' ongoing and end are features of both, not a gate: on the
letters the models were not trained on, the rules' "still owed" was wrong for one letter in four where the
letter had ended the job (辞职、离开、不干了) and still waited for its pay.
"""

from __future__ import annotations

import math
from datetime import date

from extractors import learned, tokenize
from extractors.complaint.dates import SENTENCE, Period, dated_periods
from extractors.complaint.labels import kw

FILL, REPLACE = 0.4, 0.85
_CLAUSE_ENDS = "，,。；;！!？?\n"
_WORDS = (
    "拖欠", "欠", "没发", "未发", "不发", "没给", "工资", "工钱", "进", "入职", "上班", "开始", "起", "以来", "至今",
    "现在", "离开", "辞", "走人", "放假", "停工", "结算", "欠条", "受伤", "合同", "社保", "加班", "押金", "投诉",
    "仲裁", "调解", "判决", "信访", "出生", "承诺", "答应", "打工", "干", "做", "到", "至", "发了", "只发", "最低",
    "辞退", "开除", "完工", "结束", "竣工", "春节", "过年",
)
def _features(text: str, p: Period, role: str, all_: list[Period], facts: tuple[int, int] | None,
              rule: date | None, ongoing: bool, letter: date | None, rich: bool = True) -> dict[str, float]:
    start, end, on, sa, sb, kind, day = p
    value = start if role == "start" else end
    at = sa[0] if role == "start" else sb[0]
    f: dict[str, float] = {"bias": 1.0, f"kind={kind}": 1.0}
    if on:
        f["ongoing"] = 1.0
    if day:
        f["day"] = 1.0
    if end and end != start and kind != "date":
        f["span"] = 1.0
    sentence = next((m for m in SENTENCE.finditer(text, max(0, at - 200)) if m.start() <= at < m.end()), None)
    if sentence:
        words = sentence.group()
        if kw("violation").search(words):
            f["s_violation"] = 1.0
        if kw("not_violation").search(words):
            f["s_not_violation"] = 1.0
        for w in _WORDS:
            if w in words:
                f[f"s={w}"] = 1.0
    if rich:  # the clause's words and the characters at the edges (read by a model built with them)
        _rich(text, at, sb[1] if role == "end" else sa[1], f)
    before, after = text[max(0, at - 4) : at], text[sb[1] : sb[1] + 4] if role == "end" else text[sa[1] : sa[1] + 4]
    for w in ("从", "自", "于", "到", "至", "是", "在", "截至"):
        if w in before:
            f[f"b={w}"] = 1.0
    for w in ("起", "开始", "以来", "至", "到", "底", "初", "进", "入职", "离", "辞", "的工资", "工资", "份"):
        if w in after:
            f[f"a={w}"] = 1.0
    if facts and facts[0] <= at < facts[1]:
        f["in_facts"] = 1.0
    elif facts and at < facts[0]:
        f["before_facts"] = 1.0
    else:
        f["after_facts"] = 1.0
    values = sorted({(q[0] if role == "start" else q[1]) for q in all_ if (q[0] if role == "start" else q[1])})
    if value is not None and values:
        rank = values.index(value)
        f[f"rank={min(rank, 2)}"] = 1.0
        f[f"rrank={min(len(values) - 1 - rank, 2)}"] = 1.0
    if letter and value:
        f[f"yback={min(max(letter.year - value.year, 0), 3)}"] = 1.0
    f["rule_none" if rule is None else ("rule_same" if rule == value else "rule_other")] = 1.0
    if ongoing:
        f["rule_ongoing"] = 1.0
    return f


def _rich(text: str, at: int, stop: int, f: dict[str, float]) -> None:
    clause_start = max(text.rfind(ch, 0, at) for ch in _CLAUSE_ENDS) + 1
    ends = [k for ch in _CLAUSE_ENDS if (k := text.find(ch, at)) >= 0]
    clause = text[clause_start : min(ends) if ends else len(text)]
    for w in set(tokenize.cut(clause)):
        if len(w) > 1 or "\u4e00" <= w <= "\u9fff":
            f[f"cw={w}"] = 0.5
    left, right = text[max(0, at - 6) : at], text[stop : stop + 6]
    for k in range(len(left) - 1):
        f[f"lb={left[k:k + 2]}"] = 0.3
    for k in range(len(right) - 1):
        f[f"rb={right[k:k + 2]}"] = 0.3


def rows(text: str, letter: date | None, facts: tuple[int, int] | None, rules: dict[str, date | None],
         ongoing: bool, roles: tuple[str, ...] = ("start", "end"), rich: tuple[str, ...] = ("start", "end"),
         found: list[Period] | None = None) -> dict[str, list[tuple[date, tuple[int, int], dict[str, float]]]]:
    """Per role (start, end): each candidate date with its evidence span and features (the clause and edge
    features only for the roles in `rich`)."""
    found = dated_periods(text, letter) if found is None else found
    out: dict[str, list[tuple[date, tuple[int, int], dict[str, float]]]] = {role: [] for role in roles}
    for p in found:
        for role, value, where in (("start", p[0], p[3]), ("end", p[1], p[4])):
            if role in roles and value is not None:
                feats = _features(text, p, role, found, facts, rules[role], ongoing, letter, role in rich)
                out[role].append((value, where, feats))
    hired = min((p[0] for p in found if p[5] == "hire"), default=None)
    for role, items in out.items():
        _against_the_others(role, items, hired)
    return out


def _against_the_others(role: str, items: list[tuple[date, tuple[int, int], dict[str, float]]],
                        hired: date | None) -> None:
    """Features that compare a candidate with the letter's others (a choice among them, not a score alone): its
    place among the dates of the sentences that state a violation (the first of them starts it, the last ends
    it), and whether it comes before the worker was hired."""
    owed = sorted({value for value, _w, f in items if "s_violation" in f})
    for value, _where, f in items:
        if value in owed:
            k = owed.index(value) if role == "start" else len(owed) - 1 - owed.index(value)
            f[f"owed_rank={min(k, 2)}"] = 1.0
        elif owed:
            f["owed_outside"] = 1.0
            if (role == "start" and value < owed[0]) or (role == "end" and value > owed[-1]):
                f["owed_beyond"] = 1.0
        if hired and value < hired:
            f["before_hire"] = 1.0


# the words that tell a job still running or over, looked for in the facts (weighted) and anywhere in the letter
_ONGOING_CUES = (
    "至今", "到现在", "到今天", "现在还", "现在也", "仍", "一直", "还在", "继续", "目前",
    "迄今", "辞职", "离职", "离开", "不干了", "不做了", "走了", "回家", "回老家", "辞退",
    "开除", "解除", "完工", "结束", "结清", "受伤", "工伤", "没签", "未签", "加班",
    "押金", "欠条", "拖欠", "未发", "没发", "不发", "还没", "至今未", "仍在", "在职",
    "在岗", "上班", "还在干", "还在做", "停工", "倒闭", "跑路", "年底", "春节", "过年",
    "每月", "每个月", "社保", "最低工资",
)
# where a running violation is told, for the evidence of a model's "ongoing" (the facts' first such word)
_RUNNING = ("至今", "到现在", "到今天", "现在还", "仍", "还在", "一直", "目前", "迄今")


def ongoing_features(text: str, letter: date | None, facts: tuple[int, int] | None, rules: dict[str, date | None],
                     ongoing: bool, candidates: int) -> dict[str, float]:
    """One row per letter for `period_ongoing`: does the violation run on at the letter's date (no end)."""
    f: dict[str, float] = {"bias": 1.0, "r_ongoing": float(ongoing), "r_end_none": float(rules["end"] is None),
                           "r_start_none": float(rules["start"] is None), f"ncand={min(candidates, 4)}": 1.0}
    body = text[facts[0] : facts[1]] if facts else text
    for w in _ONGOING_CUES:
        if w in body:
            f["f_" + w] = 1.0
        if w in text:
            f["t_" + w] = 0.5
    for w in set(tokenize.cut(body)):
        if len(w) > 1:
            f["w_" + w] = 0.2
    if letter and rules["end"]:
        f[f"gap={min(max((letter - rules['end']).days // 30, 0), 6)}"] = 1.0
    return f


def pair_difference(a: dict[str, float], b: dict[str, float]) -> dict[str, float]:
    """The features of candidate `a` less those of `b`: one row of the pairwise end ranker."""
    out = dict(a)
    for k, v in b.items():
        out[k] = out.get(k, 0.0) - v
    return {k: v for k, v in out.items() if v}


def pair_rows(items: list[tuple[date, tuple[int, int], dict[str, float]]], want: date | None,
              ) -> tuple[list[dict[str, float]], list[str]]:
    """The pairwise ranker's training rows of one letter: the golden end's features less each other candidate's
    ("yes") and the reverse ("no"); none when the golden end is not among the candidates."""
    gold = next((f for value, _w, f in items if value == want), None)
    rows: list[dict[str, float]] = []
    labels: list[str] = []
    for value, _where, other in items if gold is not None else []:
        if value != want:
            rows += [pair_difference(gold, other), pair_difference(other, gold)]
            labels += ["yes", "no"]
    return rows, labels


def _running_at(text: str, facts: tuple[int, int] | None) -> tuple[int, int]:
    s0, e0 = facts or (0, len(text))
    found = [(k, k + len(w)) for w in _RUNNING if (k := text.find(w, s0, e0)) >= 0]
    return min(found) if found else (s0, min(e0, s0 + 1))


def _end_by_pairs(text: str, letter: date | None, facts: tuple[int, int] | None, rules: dict[str, date | None],
                  ongoing: bool, found: list[Period] | None = None,
                  ) -> dict[str, tuple[object, tuple[int, int], float]] | None:
    """The end in two steps (see the module's doc): {"ongoing": (True, span, p)} or {"end": …, "ongoing": False…};
    None when the two models are not installed."""
    running, pairs = learned.load("period_ongoing"), learned.load("period_end_pair")
    if running is None or pairs is None:
        return None
    rich = ("end",) if pairs.uses("cw=") else ()
    items = rows(text, letter, facts, rules, ongoing, ("end",), rich, found)["end"]
    p_on = running.probabilities(ongoing_features(text, letter, facts, rules, ongoing, len(items)))[running.classes[-1]]
    if p_on > 0.5:
        return {"ongoing": (True, _running_at(text, facts), p_on)}
    if not items:  # over, but the letter dates nothing that could end it: the rules'
        return {}
    scores = []
    for value, span, feats in items:
        p = min(max(pairs.probabilities(feats)[pairs.classes[-1]], 1e-9), 1 - 1e-9)
        scores.append((math.log(p / (1 - p)), value, span))
    top = max(s for s, _v, _w in scores)
    total = sum(math.exp(s - top) for s, _v, _w in scores)
    best = max(scores, key=lambda t: t[0])
    share = 1 / total  # the softmax of the pairwise scores: the chosen end's share against the others
    return {"end": (best[1], best[2], (1 - p_on) * share), "ongoing": (False, best[2], 1 - p_on)}


def choose(text: str, letter: date | None, facts: tuple[int, int] | None, rules: dict[str, date | None],
           ongoing: bool) -> dict[str, tuple[object, tuple[int, int], float]]:
    """The rankers' choices: "start" and "end" (a date, its evidence span, a probability), and "ongoing" (True or
    False) when the two-step end decided it."""
    found = dated_periods(text, letter)  # (read once: both steps and the start's ranker rank the same periods)
    two_step = _end_by_pairs(text, letter, facts, rules, ongoing, found)
    models = {role: learned.load(f"period_{role}") for role in ("start", "end")}
    if two_step is not None:
        models["end"] = None
    if not any(models.values()):
        return two_step or {}
    best: dict[str, tuple[object, tuple[int, int], float]] = {}
    roles = tuple(r for r, m in models.items() if m is not None and not (r == "end" and ongoing))
    rich = tuple(r for r in roles if models[r].uses("cw="))
    for role, items in rows(text, letter, facts, rules, ongoing, roles, rich, found).items():
        model = models[role]
        threshold = FILL if rules[role] is None else REPLACE
        for value, span, feats in items:
            p = model.probabilities(feats)[model.classes[-1]]
            if p >= threshold and (role not in best or p > best[role][2]):
                best[role] = (value, span, p)
    best.update(two_step or {})

    def ends_before_start() -> bool:
        start = best.get("start", (rules["start"],))[0]
        end = None if best.get("ongoing", (False,))[0] else best.get("end", (rules["end"],))[0]
        return isinstance(start, date) and isinstance(end, date) and end < start

    if ends_before_start() and two_step and "end" in two_step:
        best.pop("end")  # the ranked end before the start chosen: the rules' end, the start as chosen
        best.pop("ongoing")
    if ends_before_start():  # still an end before the start: the rules' pair
        return {}
    return best

