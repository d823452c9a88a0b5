"""Which sum of money the letter claims: a ranker over every amount the letter states, and over the sums
of the amounts it claims.

The rules take a stated total, else the single amount the requests (or the arrears sentences) name, and give
nothing when several different amounts stand without a total. Letters say the sum in many other ways — a
work order's table cell, a dialect sentence with no request section, wages and a deposit claimed apart
(where a reader adds them up). This module lists every amount (`numerals.MONEY`), plus the sum of the
distinct claimed amounts of the requests and of the arrears sentences, and scores each with a logistic
model over the words before and after it, the sentence it stands in, its size among the letter's amounts
and whether the rules chose it. The best candidate fills an amount the rules left unstated (from a modest
score) and replaces the rules' value only when the model is sure. Built by
`make models` (`amount.json.gz`), installed only when it does not lower the development figures.
"""

from __future__ import annotations

import itertools
import math
import re
from dataclasses import dataclass

from extractors import learned
from extractors.complaint import numerals as nm
from extractors.complaint.dates import SENTENCE
from extractors.complaint.labels import kw
from extractors.complaint.money import is_part, is_rate

MODEL = "amount"
# the model fills an amount the rules left unstated from a modest score, and replaces one only when sure
# (chosen on the development set: bench/train.py)
FILL, REPLACE = 0.3, 0.8
_CUES = (
    "共计", "合计", "总计", "一共", "累计", "总共", "欠", "拖欠", "工资", "押金", "保证金", "补偿", "赔偿", "加班费",
    "罚款", "扣", "报销", "医药费", "生活费", "提成", "奖金", "社保", "每月", "月工资", "每天", "日工资", "底薪",
    "每", "支付", "补发", "退还", "返还", "要求", "请求", "诉求", "只发", "发了", "借", "预支", "其中", "本人",
    "人均", "每人", "标准", "工程款", "结算", "承认", "认可", "欠条", "差",
)


@dataclass(frozen=True)
class AmountCandidate:
    value: float
    start: int
    end: int
    kind: str  # mention | sum_requests | sum_claims


def _mentions(text: str) -> list[tuple[float, int, int, int, int]]:
    """(value, start, end, sentence start, sentence end) of every amount."""
    out = []
    for sm in SENTENCE.finditer(text):
        for m in nm.MONEY.finditer(text, sm.start(), sm.end()):
            value = nm.money_value(m)
            if value is not None and value > 0:
                out.append((value, m.start(), m.end(), sm.start(), sm.end()))
    return out


def _claimed(text: str, mention: tuple[float, int, int, int, int]) -> bool:
    """A claimed amount: its sentence claims (拖欠/支付…), it is no rate, no part (其中) of a total."""
    _value, s, _e, ss, se = mention
    return bool(kw("claim").search(text, ss, se)) and not is_rate(text, ss, s) and not is_part(text, ss, s)


def _sum(values: list[float]) -> float | None:
    distinct = sorted(set(values))
    if len(distinct) < 2:
        return None
    # a stated total among them is not added to its parts
    if abs(distinct[-1] - sum(distinct[:-1])) <= 0.5:
        return None
    return sum(distinct)


_ITEM_BREAK = re.compile(
    r"[\n；;]|(?<=[。，,])\s*(?:[一二三四五六七八九\d]+[、.．]|[（(][一二三四五六七八九\d]+[)）]|[一二三四五]是)"
)


def _one_per_item(text: str, span: tuple[int, int], inside: list[tuple[float, int, int, int, int]]) -> bool:
    """The requests list several items and each item that names an amount names one (its own claim)."""
    cuts = [span[0], *(m.start() for m in _ITEM_BREAK.finditer(text, span[0], span[1])), span[1]]
    per_item = [
        {m[0] for m in inside if a <= m[1] < b}
        for a, b in itertools.pairwise(cuts)
    ]
    with_amount = [v for v in per_item if v]
    return len(with_amount) >= 2 and all(len(v) == 1 for v in with_amount)


def candidates(text: str, requests: tuple[int, int] | None, facts: tuple[int, int] | None,
               rule: tuple[float, int, int] | None) -> list[tuple[AmountCandidate, dict[str, float]]]:
    mentions = _mentions(text)
    values = sorted({m[0] for m in mentions}, reverse=True)
    out: list[tuple[AmountCandidate, dict[str, float]]] = []
    for mention in mentions:
        value, s, e = mention[:3]
        cand = AmountCandidate(value, s, e, "mention")
        out.append((cand, _features(text, cand, mention, values, requests, facts, rule, mentions)))
    for kind, span in (("sum_requests", requests), ("sum_claims", None)):
        inside = [m for m in mentions if _claimed(text, m) or kind == "sum_requests"]
        if span is not None:
            inside = [m for m in inside if span[0] <= m[1] < span[1]]
        elif kind == "sum_requests":
            continue
        total = _sum([m[0] for m in inside])
        if total is not None:
            cand = AmountCandidate(total, inside[0][1], inside[-1][2], kind)
            f = {"bias": 1.0, f"kind={kind}": 1.0, f"parts={min(len({m[0] for m in inside}), 4)}": 1.0,
                 f"mag={int(math.log10(total))}": 1.0}
            if total > values[0] + 0.5:
                f["above_all"] = 1.0
            if kind == "sum_requests" and span is not None and _one_per_item(text, span, inside):
                f["one_per_item"] = 1.0  # 1.支付工资27,300元；2.支付加班费6,840元；3.支付赔偿金31,200元
            if rule is None:
                f["rule_none"] = 1.0
            elif abs(rule[0] - total) <= 0.5:
                f["rule_same"] = 1.0
            else:
                f["rule_other"] = 1.0
            out.append((cand, f))
    return out


def _features(text: str, cand: AmountCandidate, mention: tuple[float, int, int, int, int], values: list[float],
              requests: tuple[int, int] | None, facts: tuple[int, int] | None,
              rule: tuple[float, int, int] | None, mentions: list) -> dict[str, float]:
    value, s, e, ss, se = mention
    f: dict[str, float] = {"bias": 1.0, "kind=mention": 1.0}
    before = text[max(ss, s - 10) : s]
    after = text[e : min(se, e + 6)]
    for cue in _CUES:
        if cue in before:
            f[f"b={cue}"] = 1.0
        if cue in after:
            f[f"a={cue}"] = 1.0
    f[f"b2={text[max(ss, s - 2) : s]}"] = 1.0
    f[f"a2={text[e : min(se, e + 2)]}"] = 1.0
    sentence = text[ss:se]
    for cue in ("请求", "要求", "责令", "督促", "诉求", "希望", "拖欠", "欠", "共计", "合计", "押金", "补偿", "赔偿",
                "加班", "社保", "医药费", "其中", "每人", "人均"):
        if cue in sentence:
            f[f"s={cue}"] = 1.0
    if _claimed(text, mention):
        f["claimed"] = 1.0
    if is_rate(text, ss, s):
        f["rate"] = 1.0
    if requests and requests[0] <= s < requests[1]:
        f["in_requests"] = 1.0
    elif facts and facts[0] <= s < facts[1]:
        f["in_facts"] = 1.0
    else:
        f["in_neither"] = 1.0
    line = text[text.rfind("\n", 0, s) + 1 : s]
    if "\t" in line or "|" in line:
        f["table"] = 1.0
    rank = values.index(value)
    f[f"rank={min(rank, 3)}"] = 1.0
    f[f"mag={int(math.log10(value))}"] = 1.0
    same = sum(1 for m in mentions if abs(m[0] - value) <= 0.5)
    f[f"repeats={min(same, 3)}"] = 1.0
    if re.search(r"[多余]", text[s:e]) or text[e : e + 2].startswith(("左右", "多")):
        f["approx"] = 1.0
    if rule is None:
        f["rule_none"] = 1.0
    elif rule[1] == s:
        f["rule_same"] = 1.0
    elif abs(rule[0] - value) <= 0.5:
        f["rule_value"] = 1.0
    else:
        f["rule_other"] = 1.0
    return f


def choose(text: str, requests: tuple[int, int] | None, facts: tuple[int, int] | None,
           rule: tuple[float, int, int] | None) -> tuple[AmountCandidate, float] | None:
    """The best candidate and its probability, when the model is installed and confident."""
    model = learned.load(MODEL)
    if model is None:
        return None
    threshold = FILL if rule is None else REPLACE
    best: tuple[AmountCandidate, float] | None = None
    for cand, feats in candidates(text, requests, facts, rule):
        p = model.probabilities(feats)[model.classes[-1]]
        if p >= threshold and (best is None or p > best[1]):
            best = (cand, p)
    return best
