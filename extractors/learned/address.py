"""Where the employer's address ends: whether the words after the rules' address still say where it is.

A letter locates an employer the way people give directions: 阡东镇北屯村西头沟边上，立着两根大烟囱 /
红旗镇政府往东三公里，路北有个蓝铁皮大门 / 十八里铺镇东头省道边上那一片. The rules end the address at the
words an address is made of and run it on through a closed list of landmark clauses (挨着…, …对面,
extractors/complaint `_landmarks`); the words people use to point at a place are an open class, and that list
only grew. This module asks, for the rest of the address's own clause (a *tail*: …边上|那一片) and then for
each following clause (*next*: …，|离排浦港不远), whether it still belongs to the address, with a binary
logistic model over the clause's words, its first and last characters, whether a subject or a verb of its own
opens it (老板姓刘, 我在…: another sentence's business), how the address before it ends, and whether the
landmark rule takes it (the rule's hit is a feature, as the issue asks). It only ever extends the rules'
address, one clause at a time, at most three; it never cuts one. Built by `make models`
(`address_next.json.gz`) from the goldens' addresses: each clause a golden address runs on into is a positive
row, the clause after its end a negative one.
"""

from __future__ import annotations

import re
from functools import cache

from extractors import learned, tokenize

MODEL = "address_next"
THRESHOLD = 0.5
MAX_STEPS = 3
MAX_CLAUSE = 24
_CLAUSE_END = "，,。；;！!？?\n：:"
_STOP = frozenset("。；;！!？?\n：:")
# a clause that opens with someone doing something is about them, not the place (老板姓刘, 我在窑上出砖)
_SUBJECT = re.compile(
    r"^(?:我|俺|他|她|咱|阮|额|老板|厂里|公司|厂子|大家|工友|平时|当时|后来|现在|每天|说好|讲好|一共|因为|但|可)"
)
_OWN_VERB = re.compile(r"(?<!就)(?:在|是)|姓|叫|说|给|欠|干|做|上班|工资|工钱|老板|签|发")
_POINTING = re.compile(
    r"(?:挨着|挨到|紧挨|紧靠|靠近|临近|离|过了|往|向|进|沿着|从)|(?:对面|对过|对门|隔壁|旁边|边上|附近|后面|前面|里面|里头|"
    r"院内|院里|门口|大门|路口|那个|那片|那一片|那家|那间|那排|那栋|那块|就是|[东南西北](?:侧|边|头|面))"
)
_DISTANCE = re.compile(r"[0-9一二三四五六七八九十百两几]+(?:公里|里地?|米|百米|步|个路口|家|栋|楼|层|号)")


@cache
def _landmark_rule() -> re.Pattern[str]:
    """The rules' landmark pattern (extractors.complaint, imported here: it imports this module's package)."""
    from extractors.complaint import _LANDMARK

    return _LANDMARK


def clause_at(text: str, at: int) -> tuple[int, int] | None:
    """The clause that starts at `at` (after a comma) or the rest of the clause `at` stands in: to the next
    clause end, at most MAX_CLAUSE characters, never empty."""
    end = at
    while end < len(text) and text[end] not in _CLAUSE_END and end - at <= MAX_CLAUSE:
        end += 1
    if end == at or end - at > MAX_CLAUSE:
        return None
    return at, end


def features(text: str, end: int, c_start: int, c_end: int, kind: str, step: int) -> dict[str, float]:
    """The features of the clause text[c_start:c_end] as a continuation of an address that ends at `end`."""
    clause = text[c_start:c_end]
    f: dict[str, float] = {"bias": 1.0, f"kind={kind}": 1.0, f"step={min(step, 3)}": 1.0}
    for w in set(tokenize.cut(clause)):
        if w.strip():
            f[f"w={w}"] = 0.5
    f[f"f1={clause[:1]}"] = 1.0
    f[f"f2={clause[:2]}"] = 1.0
    f[f"l1={clause[-1:]}"] = 1.0
    f[f"l2={clause[-2:]}"] = 1.0
    f[f"a1={text[end - 1:end]}"] = 1.0  # how the address ends: …边上 | …村 | …号
    f[f"len={min(len(clause), 16) // 4}"] = 1.0
    after = text[c_end : c_end + 1] or "$"
    f[f"then={'stop' if after in _STOP else after}"] = 1.0
    if _SUBJECT.match(clause):
        f["subject"] = 1.0
    if _OWN_VERB.search(clause):
        f["own_verb"] = 1.0
    if _POINTING.search(clause):
        f["pointing"] = 1.0
    if _DISTANCE.search(clause):
        f["distance_or_number"] = 1.0
    if kind == "next" and _landmark_rule().match(text, c_start - 1):
        f["rule_landmark"] = 1.0
    return f


def rows(text: str, end: int) -> list[tuple[str, int, int, int]]:
    """The continuations to weigh after an address that ends at `end`, in order: (kind, clause start, clause
    end, step). Only the first is certain to be asked: each later one only if the one before was taken."""
    out = []
    at, step = end, 0
    while step < MAX_STEPS:
        if at < len(text) and text[at] in "，,":
            kind, c = "next", clause_at(text, at + 1)
        elif at < len(text) and text[at] not in _CLAUSE_END:
            kind, c = "tail", clause_at(text, at)
        else:
            break
        if c is None:
            break
        out.append((kind, c[0], c[1], step))
        at, step = c[1], step + 1
    return out


def extend(text: str, end: int) -> tuple[int, float] | None:
    """The new end of an address that ends at `end` when the model takes at least one continuation, with the
    last one's probability."""
    model = learned.load(MODEL)
    if model is None:
        return None
    taken: tuple[int, float] | None = None
    at = end
    for kind, c_start, c_end, step in rows(text, end):
        p = model.probabilities(features(text, at, c_start, c_end, kind, step))[model.classes[-1]]
        if p < THRESHOLD:
            break
        at = c_end
        taken = (c_end, p)
    return taken
