"""The complainant's gender where the letter implies it in words no cue table lists.

The rules (extractors/complaint/gender.py) read a 性别 item, 张先生/王女士, kinship and a list of
self-descriptions (我一个大男人, 我怀孕三个月). Writers describe themselves endlessly otherwise (我是一名女生,
作为一名女护士, 俺一个老太太家家的, 我们这些农村妇女), so a table of cues only grows. This module reads the
letter's sentences about the complainant — those with 我/俺/本人/咱, the complainant's name, or, in a
letter for a relative, the kinship words — and a three-way logistic model (男 / 女 / not stated) over their
words and the characters around 男/女-like characters decides. It only fills a gender the rules left
unstated, and only when confident. Built by `make models` (`gender.json.gz`).
"""

from __future__ import annotations

import re

from extractors import learned, tokenize
from extractors.rx import rx

MODEL = "gender"
THRESHOLD = 0.75
PRESENCE = 0.5  # P(男) + P(女): the letter likely states a gender, the model cannot tell which (stated, unread)
_SELF = re.compile(r"我|俺|本人|咱|阮|侬|阿拉|來電人|来电人|投诉人|當事人|当事人")
_CUE_CHARS = "男女妈爸娘爹士妇孕夫妻婆公姑娘嫂哥姐弟妹儿子伙汉孩"
_SENTENCE = re.compile(r"[^。！？!?\n]+")
MAX_CHARS = 4000


def features(text: str, name: str | None, relative: bool) -> dict[str, float]:
    f: dict[str, float] = {"bias": 1.0}
    if relative:
        f["relative"] = 1.0
    surname_title = rx(re.escape(name[:1]) + r"(?:先生|女士|师傅|小姐|大姐|阿姨)") if name else None
    for m in _SENTENCE.finditer(text[:MAX_CHARS]):
        sentence = m.group()
        about = bool(_SELF.search(sentence)) or bool(name and name in sentence)
        if not about:
            continue
        for word in tokenize.cut(sentence, hmm=False):
            if any(c in _CUE_CHARS for c in word) and len(word) <= 4:
                f[f"w={word}"] = 1.0
        for k, ch in enumerate(sentence):
            if ch in _CUE_CHARS:
                f[f"c={sentence[max(0, k - 1) : k + 2]}"] = 1.0
        if surname_title and (t := surname_title.search(sentence)):
            f[f"title={t.group()[1:]}"] = 1.0
    return f


def stated(text: str, name: str | None, relative: bool) -> tuple[tuple[int, int], float] | None:
    """When the model is fairly sure the letter states a gender (P(男) + P(女) >= PRESENCE) without being sure
    which: the words that weighed most (the evidence a supervisor checks) and that probability."""
    model = learned.load(MODEL)
    if model is None:
        return None
    feats = features(text, name, relative)
    probs = model.probabilities(feats)
    p = 1 - probs.get("none", 1.0)
    if p < PRESENCE:
        return None
    span = _weighed_words(model, feats, max(("男", "女"), key=lambda k: probs[k]), text)
    return (span, p) if span else None


def _weighed_words(model: learned.LinearModel, feats: dict[str, float], cls: str, text: str) -> tuple[int, int] | None:
    """The span of the words that weighed most for `cls` (the evidence a supervisor sees)."""
    for feature in model.strongest(feats, cls, 5):
        words = feature.split("=", 1)[1] if "=" in feature else ""
        if words and (at := text.find(words)) >= 0:
            return at, at + len(words)
    return None


def choose(text: str, name: str | None, relative: bool) -> tuple[str, tuple[int, int], float] | None:
    """The gender, the span of the words that weighed most for it (the evidence), and its probability."""
    model = learned.load(MODEL)
    if model is None:
        return None
    feats = features(text, name, relative)
    probs = model.probabilities(feats)
    best = max(probs, key=lambda k: probs[k])
    if best not in ("男", "女") or probs[best] < THRESHOLD:
        return None
    return best, _weighed_words(model, feats, best, text) or (0, 0), probs[best]
