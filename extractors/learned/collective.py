"""Whether a letter is a group complaint: a letter-level model over the places where it counts people.

The rules call a letter collective when it says so (联名, 全体工人), states a head count (我们12名工人), elects
representatives or carries two signatures. Letters count people for many other reasons — the workmates who
went along (同去的还有我们村的三个人), the crew the writer worked in (一起做的有十一个人), the staff the employer
stopped paying (停止发放全体员工工资), two people who went to ask for the money — and a table of exceptions to
the count pattern only grows with every county's letters. This module reads every such place instead: the
words before and after each head count and each collective word, whether the letter speaks as 我们 or as
我, its signatures, representatives and agents, and a binary logistic model says whether the workers
complain together. It overrides the rules only when confident. Built by `make models` (`collective.json.gz`).
"""

from __future__ import annotations

import re

from extractors import learned, tokenize
from extractors.complaint.evidence import Recorder

MODEL = "collective"
DROP_BELOW = 0.2  # a rules' collective letter is read as one worker's below this
ADD_FROM = 0.85  # a letter the rules read as one worker's is collective from this on
MAX_CHARS = 6000

# a head count of people: 三个人, 12名工人, 十一个, 我们俩; approximate counts (七八个人) included
_COUNT = re.compile(
    r"(?P<n>\d{1,4}|[一二三四五六七八九十百两俩仨]{1,4})\s*(?:个|名|位|人)(?:[\u4e00-\u9fff]{0,3}?"
    r"(?:工人|农民工|职工|员工|工友|老乡|师傅|兄弟|姐妹|人|村民|骑手|司机|保安|教师|老师|同事))?"
)
_GROUP_WORDS = re.compile(
    r"联名|集体|全体|大伙|大家|众人|工友们|我们这些|我们几个|俺们|咱们|我们|代表|签名|按手印|手印"
)
_SINGULAR = re.compile(r"(?:我|俺|本人)(?!们)")
_PLURAL = re.compile(r"我们|俺们|咱们")


def _bucket(n: float, edges: tuple[float, ...]) -> str:
    return str(next((i for i, e in enumerate(edges) if n <= e), len(edges)))


_SENTENCE_END = re.compile(r"[。！？!?\n]")


def _words(piece: str) -> list[str]:
    return [w for w in tokenize.cut(piece, hmm=False) if w.strip()]


def _words_before(text: str, start: int, width: int) -> list[str]:
    """The words of the `width` characters before `start`, within its sentence."""
    return _words(_SENTENCE_END.split(text[max(0, start - width) : start])[-1])


def _words_after(text: str, end: int, width: int) -> list[str]:
    """The words of the `width` characters after `end`, within its sentence."""
    return _words(_SENTENCE_END.split(text[end : end + width])[0])


def features(text: str, rec: Recorder) -> dict[str, float]:
    body = text[:MAX_CHARS]
    f: dict[str, float] = {"bias": 1.0}
    count = rec.get("complainant_count")  # the rules' head count (stated or signed)
    f[f"rule.collective={bool(rec.get('collective'))}"] = 1.0
    if count:
        f[f"rule.count={_bucket(float(count), (2, 3, 5, 10, 30))}"] = 1.0
    if rec.has("representatives"):
        f[f"reps={_bucket(len(rec.get('representatives')), (1, 2, 3))}"] = 1.0
    if rec.has("agents"):
        f[f"agents={_bucket(len(rec.get('agents')), (1, 2, 3))}"] = 1.0
    singular, plural = len(_SINGULAR.findall(body)), len(_PLURAL.findall(body))
    f[f"we.share={_bucket(plural / max(1, plural + singular), (0.0, 0.1, 0.25, 0.5, 0.75))}"] = 1.0
    f[f"we.n={_bucket(plural, (0, 1, 3, 8))}"] = 1.0
    head = body[:80]
    for m in _GROUP_WORDS.finditer(head):
        f[f"head={m.group()}"] = 1.0
    for m in _GROUP_WORDS.finditer(body):
        f[f"g={m.group()}"] = f.get(f"g={m.group()}", 0.0) + 1.0
        for w in _words_before(body, m.start(), 6):
            f[f"gb={w}"] = 1.0
    for m in _COUNT.finditer(body):
        n = m.group("n")
        f[f"count.tail={m.group()[len(n):].strip()[:4]}"] = 1.0
        for w in _words_before(body, m.start(), 10):
            f[f"cb={w}"] = 1.0
        for w in _words_after(body, m.end(), 8):
            f[f"ca={w}"] = 1.0
    for k in [k for k in f if k.startswith("g=")]:
        f[k] = min(f[k], 5.0) / 5.0
    return f


def probability(text: str, rec: Recorder) -> float | None:
    model = learned.load(MODEL)
    if model is None:
        return None
    return model.probabilities(features(text, rec)).get("yes", 0.0)


def decide(rec: Recorder, text: str) -> None:
    """Drop a rules' collective the model is confident is one worker's letter; add one it is confident of."""
    p = probability(text, rec)
    if p is None:
        return
    if rec.get("collective") and p < DROP_BELOW:
        rec.forget("collective")
        rec.forget("complainant_count")
    elif not rec.get("collective") and p >= ADD_FROM:
        m = next(_GROUP_WORDS.finditer(text), None)
        start, end = (m.start(), m.end()) if m else (0, 0)
        rec.set("collective", True, start, end, round(0.5 * p, 2))
