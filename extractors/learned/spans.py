"""The span model of complaint letters: which characters name the complainant, their occupation, employer,
address and phone, the respondent, its address and the place of work — where the letter says it in words no
pattern lists.

A linear-chain CRF (python-crfsuite) over the letter's characters, sentence by sentence. Its features are the
character window, the jieba word the character stands in, and the rules' own spans (`rule:NAME` on a
character the rules took for the complainant's name) — the rules' hits are features, not only competitors.
It only fills a field the rules left empty, and only with a span it is confident of: the rules stay the
explanation of every value they found.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from functools import cache
from pathlib import Path

from extractors import learned, tokenize

MODEL_FILE = "spans.crfsuite"
# label -> field path (a label per field the span model may fill)
LABELS = {
    "NAME": "complainant.name",
    "OCC": "complainant.occupation",
    "ADDR": "complainant.address",
    "PHONE": "complainant.phone",
    "RNAME": "respondent.name",
    "RADDR": "respondent.address",
    "EMP": "complainant.employer",
    "WORK": "respondent.workplace",
}
MIN_CONFIDENCE = 0.5  # the span's mean marginal probability
MAX_CHARS = 4000  # a letter's first characters: where the parties are described
HEAD_CHARS = 5000  # what is segmented once (extractors/learned/slots.py reads the same head)
_SENTENCE = re.compile(r"[^。！？!?\n]+[。！？!?]?")


def sentences(text: str) -> list[tuple[int, int]]:
    return [(m.start(), m.end()) for m in _SENTENCE.finditer(text[:MAX_CHARS]) if m.group().strip()]


def _kind(ch: str) -> str:
    if ch.isdigit():
        return "D"
    if "\u4e00" <= ch <= "\u9fff":
        return "C"
    if ch.isalpha():
        return "L"
    return "P"


def words_of(text: str) -> list[tuple[str, int, int]]:
    """The letter's words once (the slot rankers segment the same head of the text: one segmentation)."""
    return tokenize.tokenize_with_offsets(text[:HEAD_CHARS])


def char_features(
    text: str, start: int, end: int, rule_labels: list[str | None], words_at: list[tuple[str, int, int]]
) -> list[list[str]]:
    """Features of each character of text[start:end]; `rule_labels` gives, per character of the whole text,
    the label of the rule span covering it (or None); `words_at` the text's words with their offsets."""
    part = text[start:end]
    words: list[str] = [""] * len(part)
    position: list[str] = ["S"] * len(part)
    for word, ws, _we in words_at[bisect_left(words_at, (start,), key=lambda w: (w[2],)) :]:
        if ws >= end:
            break
        n = len(word)
        for k in range(n):
            at = ws + k - start
            if 0 <= at < len(part):
                words[at] = word if n <= 4 else ""
                position[at] = "S" if n == 1 else ("B" if k == 0 else ("E" if k == n - 1 else "M"))
    out = []
    padded = "^^" + part + "$$"
    for i in range(len(part)):
        j = i + 2
        ch = padded[j]
        f = [
            f"c={ch}", f"c-1={padded[j - 1]}", f"c+1={padded[j + 1]}", f"c-1c={padded[j - 1]}{ch}",
            f"cc+1={ch}{padded[j + 1]}", f"c-2c-1={padded[j - 2]}{padded[j - 1]}",
            f"c+1c+2={padded[j + 1]}{padded[j + 2]}", f"k={_kind(ch)}{position[i]}",
        ]
        if words[i]:
            f.append(f"w={words[i]}")
        label = rule_labels[start + i]
        if label:
            f.append(f"rule={label}")
        if i < 6:
            f.append(f"head={i}")
        out.append(f)
    return out


def rule_label_track(length: int, evidence: dict) -> list[str | None]:
    """Per character, the label of the rule span covering it (from the extractor's evidence)."""
    track: list[str | None] = [None] * length
    for label, path in LABELS.items():
        ev = evidence.get(path)
        if ev is not None:
            for k in range(max(0, ev.start), min(length, ev.end)):
                track[k] = label
    return track


@cache
def _tagger():  # type: ignore[no-untyped-def]
    path = Path(learned.MODELS_DIR) / MODEL_FILE
    if not path.exists():
        return None
    import pycrfsuite

    tagger = pycrfsuite.Tagger()
    tagger.open(str(path))
    return tagger


def find_spans(text: str, evidence: dict, wanted: set[str]) -> dict[str, tuple[int, int, float]]:
    """For each wanted field path, the best span the model tags (start, end, confidence), if confident."""
    tagger = _tagger()
    if tagger is None or not wanted:
        return {}
    labels = {lab for lab, path in LABELS.items() if path in wanted}
    track = rule_label_track(len(text), evidence)
    words = words_of(text)
    best: dict[str, tuple[int, int, float]] = {}
    for s, e in sentences(text):
        feats = char_features(text, s, e, track, words)
        tags = tagger.tag(feats)
        i = 0
        while i < len(tags):
            tag = tags[i]
            if tag == "O" or tag[2:] not in labels:
                i += 1
                continue
            label = tag[2:]
            j = i + 1
            while j < len(tags) and tags[j] == f"I-{label}":
                j += 1
            conf = sum(tagger.marginal(tags[k], k) for k in range(i, j)) / (j - i)
            path = LABELS[label]
            if conf >= MIN_CONFIDENCE and (path not in best or conf > best[path][2]):
                best[path] = (s + i, s + j, conf)
            i = j
    return best


def reset() -> None:
    """Forget the loaded model (after `make models` installed another)."""
    _tagger.cache_clear()
