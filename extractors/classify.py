"""Tell a complaint letter from a work report, a notice or anything else.

A weighted vote of cue words (jieba tokens), title words and a few patterns, kept in
`data/classify_cues.yaml`. Transparent on purpose: a supervisor who asks "why is this a report?"
gets the cues that fired.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

import yaml

from extractors import tokenize
from schemas.models import DocType

CUES_FILE = Path(__file__).parent / "data" / "classify_cues.yaml"


@dataclass(frozen=True)
class Classification:
    doc_type: DocType
    confidence: float
    scores: dict[str, float]
    cues: dict[str, list[str]] = field(default_factory=dict)
    words: frozenset[str] = frozenset()  # the text's jieba words, which the learned model reuses


@lru_cache(maxsize=1)
def _cues() -> dict:
    data = yaml.safe_load(CUES_FILE.read_text(encoding="utf-8"))
    for spec in data["types"].values():
        for p in spec.get("patterns", []):
            p["regex"] = re.compile(p["cue"])
    return data


def min_score() -> float:
    """The score the rules' best type needs to be a clear vote."""
    return float(_cues()["min_score"])


def classify(text: str, models: bool = False) -> Classification:
    """The rules' vote; with `models`, the learned document-type model decides, the cues explaining it."""
    rules = classify_by_rules(text)
    if not models:
        return rules
    from extractors.learned import doctype

    return doctype.refine(text, rules)


_HEADING_MAX = 50  # a longer line is a paragraph (a text copied flat from a page), not a heading
_HEADING_HEAD = 30  # of a first line that is a paragraph, only the head can hold a heading run into it
_SENTENCE_PUNCT = re.compile(r"[，,。；;！？!?]")


def _heading(line: str, first: bool) -> str:
    """What of one of the first lines can be a heading: a short line that is no sentence; of a first line that
    is a paragraph (请求书 我们怀着…), its head up to the first punctuation. A sentence that cites 《…的通知》 or
    says 现就有关事项通知如下 is no title."""
    if len(line) <= _HEADING_MAX and len(_SENTENCE_PUNCT.findall(line)) <= 1 and not line.endswith(("。", "；", ";")):
        return line
    return _SENTENCE_PUNCT.split(line, maxsplit=1)[0][:_HEADING_HEAD] if first else ""


def classify_by_rules(text: str) -> Classification:
    cues = _cues()
    lines = [line for line in text.splitlines() if line.strip()]
    # a heading is often spaced out (感  谢  信, 工 作 总 结): its cues are read without the spaces
    title = "\n".join(
        _heading(re.sub(r"[ \t\u3000]+", "", line), i == 0) for i, line in enumerate(lines[: cues["title_lines"]])
    )
    words = Counter(tokenize.cut(text))
    scores: dict[str, float] = {}
    fired: dict[str, list[str]] = {}
    for name, spec in cues["types"].items():
        score, hits = 0.0, []
        for c in spec.get("title", []):
            if c["cue"] in title:
                score += c["weight"]
                hits.append(f"标题:{c['cue']}")
        for c in spec.get("words", []):
            n = min(words.get(c["cue"], 0), c.get("cap", 3))
            if n:
                score += n * c["weight"]
                hits.append(f"{c['cue']}×{n}")
        for c in spec.get("patterns", []):
            n = min(len(c["regex"].findall(text)), c.get("cap", 3))
            if n:
                score += n * c["weight"]
                hits.append(f"模式:{c['cue']}×{n}")
        scores[name], fired[name] = score, hits
    best = max(scores, key=lambda k: scores[k])
    total = sum(scores.values())
    if scores[best] < cues["min_score"]:
        # nothing convincing: confidence is how far the best guess stayed from the bar
        confidence = round(1 - scores[best] / cues["min_score"] * 0.5, 2)
        return Classification(DocType.other, confidence, scores, fired, frozenset(words))
    confidence = scores[best] / total if total else 0.0
    return Classification(DocType(best), round(min(confidence, 0.99), 2), scores, fired, frozenset(words))
