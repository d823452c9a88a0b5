"""Whether a letter states a required item at all, whatever words it uses: the check behind `complaint.missing.*`.

A missing-item flag used to fire whenever no value was read, so every way of stating an item the readers had
not met (a trade told as 在窑上出砖, an address as 村口小卖部旁边, an earlier 调解 told in a sentence) cost the
supervisor a false flag; each round's blind letters showed new ones, and a rule per wording only grows. This
model asks a different question than the value readers: not *which* words give the item, but *whether* the
letter gives it. One binary logistic model over (item, word) pairs of the whole letter (jieba words, digits
folded) learns, from the corpus's goldens, which words go with an item being stated; it is consulted only for
an item no reader filled, and when it is confident the item is recorded as stated but unread (no value, the
words that weighed most as evidence for the supervisor to check), so no missing flag fires. It never fills a
value. Built by `make models` (`stated.json.gz`).
"""

from __future__ import annotations

import re

from extractors import learned, tokenize

MODEL = "stated"
ITEMS = (
    "complainant.name", "complainant.age", "complainant.occupation", "complainant.employer",
    "complainant.address", "complainant.phone", "respondent.name", "respondent.address", "prior_proceedings",
    "complainant.gender", "facts",
)  # fmt: skip
THRESHOLD = 0.6  # chosen on the dev sets (0.5 drops true flags, 0.7 keeps false ones)
MAX_CHARS = 4000
_WORD = re.compile(r"^[\u4e00-\u9fff#]{1,4}$")


def words(text: str) -> set[str]:
    """The letter's words, digits folded to # (47岁 and 52岁 are one word)."""
    folded = re.sub(r"\d+", "#", text[:MAX_CHARS])
    return {w for w in tokenize.cut(folded, hmm=False) if _WORD.match(w)}


def features(item: str, letter_words: set[str]) -> dict[str, float]:
    f = {f"{item}|bias": 1.0}
    for w in letter_words:
        f[f"{item}|{w}"] = 1.0
    return f


def available() -> bool:
    return learned.load(MODEL) is not None


def stated(item: str, text: str, letter_words: set[str] | None = None) -> tuple[tuple[int, int], float] | None:
    """(span of the words that weighed most, probability) when the model is confident the letter states `item`."""
    model = learned.load(MODEL)
    if model is None:
        return None
    feats = features(item, letter_words if letter_words is not None else words(text))
    p = model.probabilities(feats)[model.classes[-1]]
    if p < THRESHOLD:
        return None
    for feature in model.strongest(feats, model.classes[-1], 5):
        word = feature.split("|", 1)[1]
        if word != "bias" and "#" not in word and (at := text.find(word)) >= 0:
            return (at, at + len(word)), p
    return None
