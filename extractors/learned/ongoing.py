"""Whether the violation still goes on when the letter is written: a model over the letter's words.

The rules call a violation ongoing where a sentence says so in words they list (至今未付, 到现在还没给) or the
worker is still at work while the months owed reach the letter. Letters say it in many other ways (工资一直拖着,
老板天天推, 眼看又到月底了) and the rules, reading no such words, close the period at the last month the letter
names: the supervisor then sees an end date where the arrears run on, and a deadline counted from it. This
model reads the whole facts block (its words, the words of going on near its end, how far the last date the rules
read lies before the letter) and the rules' own call; when it is confident that the violation goes on and the
rules did not say so, the violation is ongoing and has no end. It only adds: a period the rules call ongoing
stays so. Built by `make models` (`ongoing.json.gz`).
"""

from __future__ import annotations

import re
from datetime import date

from extractors import learned, tokenize

MODEL = "ongoing"
THRESHOLD = 0.6
_TAIL = 200  # the end of the facts, where a letter says how things stand now
_GOING_ON = re.compile(
    r"至今|到现在|到今天|现在还|现在都|仍然|仍未|仍旧|一直|还在|目前|迄今|截至目前|截止目前|还没|尚未|还是没|都没|没有再|不再"
)


def _gap(letter: date | None, last: date | None) -> str:
    if letter is None or last is None:
        return "none"
    days = (letter - last).days
    return "<0" if days < 0 else "<45" if days < 45 else "<120" if days < 120 else "<365" if days < 365 else "more"


def features(text: str, letter: date | None, facts: tuple[int, int] | None, dates: dict[str, date | None],
             ongoing: bool) -> dict[str, float]:
    """The letter's features: its facts' words, the words of going on (anywhere, and near the end), the gap from
    the last date the rules read to the letter date, and the rules' call."""
    f: dict[str, float] = {"bias": 1.0, "rules_on" if ongoing else "rules_off": 1.0}
    body = text[facts[0] : facts[1]] if facts else text[:3000]
    for word in set(tokenize.cut(body)):
        if len(word) > 1:
            f[f"w={word}"] = 0.3
    for m in _GOING_ON.finditer(body):
        f[f"cue={m.group()}"] = 0.5
    for m in _GOING_ON.finditer(body, max(0, len(body) - _TAIL)):
        f[f"tail={m.group()}"] = 1.0
    f[f"gap={_gap(letter, dates.get('end') or dates.get('start'))}"] = 1.0
    if dates.get("end") is None:
        f["rule_end_none"] = 1.0
    return f


def goes_on(text: str, letter: date | None, facts: tuple[int, int] | None, dates: dict[str, date | None],
            ongoing: bool) -> tuple[tuple[int, int], float] | None:
    """When the model is confident the violation goes on and the rules did not say so: the evidence (the last
    words of going on in the facts, else the facts' last sentence) and the probability."""
    model = learned.load(MODEL)
    if model is None or ongoing or dates.get("start") is None:
        return None
    p = model.probabilities(features(text, letter, facts, dates, ongoing))[model.classes[-1]]
    if p < THRESHOLD:
        return None
    start, end = facts or (0, len(text))
    cues = list(_GOING_ON.finditer(text, start, end))
    if cues:
        return cues[-1].span(), p
    last = max(text.rfind(ch, start, max(start, end - 1)) for ch in "。！？!?\n") + 1
    return (max(start, last), end), p
