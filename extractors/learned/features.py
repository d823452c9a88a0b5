"""Features of the learned models: the rules' hits first (they are also the explanation), then words and
character n-grams. Pure functions of the text; the same code builds the training rows (bench/train.py)."""

from __future__ import annotations

import math
import re
from itertools import pairwise

from extractors import tokenize

_CJK = re.compile(r"[\u4e00-\u9fff]")
_COUNT = re.compile(r"×(\d+)$")
_PUNCT = re.compile(r"[，。,；;]")
DOC_CHARS = 3000  # the head of a document says what it is; bounds the work per document
TITLE_LINES = 3


# who tells the story: a letter's writer says 我 in their own narration; news quotes the worker (“…我…”) and
# tells the rest in the third person. 我局/我镇 are an office's voice, not a person's.
_FIRST_PERSON = re.compile(r"我(?![局镇乡县市区委办院校所站厅部国省])|俺|本人")
_QUOTED = re.compile(r"“[^“”]{0,400}”|「[^「」]{0,400}」")


def _voice(text: str) -> dict[str, float]:
    quoted = sum(len(_FIRST_PERSON.findall(m.group())) for m in _QUOTED.finditer(text))
    narrated = len(_FIRST_PERSON.findall(_QUOTED.sub("", text)))
    if narrated >= 3:
        return {"voice:first_person": 1.0}
    if quoted and narrated <= 1:
        return {"voice:quoted_first_person": 1.0}
    return {"voice:third_person": 1.0} if not narrated else {}


def _bigrams(text: str) -> set[str]:
    chars = [c for c in text if _CJK.match(c)]
    return {a + b for a, b in pairwise(chars)}


def document_features(
    text: str, scores: dict[str, float], cues: dict[str, list[str]], words: frozenset[str] | None = None
) -> dict[str, float]:
    """Rule scores (scaled), every cue that fired, the title's character bigrams, the words of the text (the
    rule classifier's, when given: jieba runs once)."""
    features: dict[str, float] = {}
    best = max(scores, key=lambda k: scores[k]) if scores else None
    for name, score in scores.items():
        features[f"rule:{name}"] = math.log1p(max(score, 0.0)) / 3
    if best is not None:
        features[f"rulebest:{best}"] = 1.0
    for hits in cues.values():
        for hit in hits:
            features[f"cue:{_COUNT.sub('', hit)}"] = 1.0
    features.update(_voice(text[:DOC_CHARS]))
    lines = [line.strip() for line in text.splitlines() if line.strip()]
    # a heading is short and is no sentence: a post that starts straight into its story has none, and its first
    # words then say nothing of its kind
    headings = [line for line in lines[:TITLE_LINES]
                if len(line) <= 40 and len(_PUNCT.findall(line)) <= 1 and not line.endswith(("。", "；", ";"))]
    if not headings:
        features["no_heading"] = 1.0
    for gram in _bigrams("".join(headings)):
        features[f"t:{gram}"] = 1.0
    for line in headings:
        # how a heading ends names its genre: …的通知, …公告, …工作总结, …感谢信, …会议纪要, …投诉书
        heading = re.sub(r"[\s（）()〔〕\[\]0-9]+$", "", line)
        if 4 <= len(heading) <= 50 and heading[-1] not in "。；;：:，,！!？?" and _CJK.match(heading[-1]):
            features[f"tend:{heading[-2:]}"] = 1.0
            features[f"tend3:{heading[-3:]}"] = 1.0
    for word in words if words is not None else set(tokenize.cut(text[:DOC_CHARS], hmm=False)):
        if len(word) > 1 and _CJK.match(word):
            features[f"w:{word}"] = 0.5
    return features


def sentence_features(sentence: str, rule_hits: list[str], context: list[str]) -> dict[str, float]:
    """A report sentence: the commitment rules' hits, its context (section kind, heading), bigrams, words."""
    features: dict[str, float] = {f"r:{h}": 1.0 for h in rule_hits}
    features.update({f"x:{c}": 1.0 for c in context})
    for gram in _bigrams(sentence):
        features[f"c:{gram}"] = 0.3
    for word in set(tokenize.cut(sentence, hmm=False)):
        if len(word) > 1 and _CJK.match(word):
            features[f"w:{word}"] = 0.5
    head = "".join(c for c in sentence[:8] if _CJK.match(c))[:3]
    if head:
        features[f"h:{head[:2]}"] = 1.0
    features["len"] = min(len(sentence), 200) / 100
    return features
