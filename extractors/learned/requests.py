"""The request-sentence model: which sentences of a letter ask for something (请求事项) when no heading says so.

Letters told in prose end with a plea in words no pattern lists ("求领导帮俺把钱要回来", "叫李某把欠俺的钱给俺",
"希望政府给我们做主"). A binary logistic model over the sentence's character bigrams and words, its place in
the letter and a few rule hits (a money amount, a request verb at its head, a heading before it) says which
sentences are requests. It only fills `requests` when the rules found none: a labelled request section stays
the rules' answer and explanation.
"""

from __future__ import annotations

import re

from extractors.learned import load
from extractors.learned.features import sentence_features

MODEL = "request"
ADD_AT = 0.6
MAX_ITEMS = 6
_SENTENCE = re.compile(r"[^。！？!?；;\n]+[。！？!?；;]?")
_ASK_HEAD = re.compile(
    r"^(?:\d+[.、．]|[一二三四五六七八九十]+[、.．]|[（(]\d+[)）])?\s*(?:我们|我|俺|本人)?"
    r"(?:恳请|恳求|请求|请|求求|求|要求|希望|盼望|督促|责令|叫|让|帮)"
)
_MONEY = re.compile(r"\d[\d,.，]*\s*(?:万|千|元|块)|[一二三四五六七八九十两百千万]+(?:块|元)")
_HEADING = re.compile(r"(?:请求|诉求|要求|投诉事项|请求事项)[^。]{0,6}[:：]?\s*$")


def sentences(text: str) -> list[tuple[int, int]]:
    out = []
    for m in _SENTENCE.finditer(text):
        s, e = m.start(), m.end()
        while s < e and text[s] in " \t　":
            s += 1
        if e - s >= 6:
            out.append((s, e))
    return out


def features(text: str, spans: list[tuple[int, int]], k: int) -> dict[str, float]:
    s, e = spans[k]
    sentence = text[s:e]
    hits = []
    if _ASK_HEAD.search(sentence):
        hits.append("ask_head")
    if _MONEY.search(sentence):
        hits.append("money")
    prev = text[max(0, s - 20) : s]
    if _HEADING.search(prev.rsplit("\n", 1)[-1] if "\n" not in prev[-2:] else prev.rstrip().rsplit("\n", 1)[-1]):
        hits.append("after_heading")
    position = k / max(1, len(spans) - 1)
    context = [f"pos{min(4, int(position * 5))}"]
    if k == len(spans) - 1:
        context.append("last")
    return sentence_features(sentence, hits, context)


def find_requests(text: str) -> list[tuple[int, int, float]]:
    """Request sentences (start, end, probability), in order; empty without an installed model."""
    model = load(MODEL)
    if model is None:
        return []
    spans = sentences(text)
    found = []
    for k, (s, e) in enumerate(spans):
        p = model.probabilities(features(text, spans, k))["yes"]
        if p >= ADD_AT:
            found.append((s, e, p))
    return found[:MAX_ITEMS]
