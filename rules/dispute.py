"""Does a complaint belong to labour-dispute handling (劳动争议处理) rather than inspection?

The categories are keyword tables in complaint.yaml (rule `complaint.dispute_route`): each has alternatives,
each alternative a list of regular expressions that must all match inside one sentence. Matching works
sentence by sentence so the evidence shown to the officer is the sentence that triggered it.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from functools import lru_cache
from typing import Any

from extractors.normalize import to_simplified
from schemas.errors import RuleError

# A sentence ends at Chinese/ASCII full stops, question/exclamation marks, semicolons or a line break.
SENTENCE_END = re.compile(r"[。！？!?；;\n]")


@dataclass(frozen=True)
class Category:
    key: str
    label: str
    alternatives: tuple[tuple[re.Pattern[str], ...], ...]
    unless: tuple[re.Pattern[str], ...] = ()

    def matches(self, sentence: str) -> bool:
        sentence = to_simplified(sentence)  # a letter in traditional characters: 解除勞動合同經濟補償金
        if any(p.search(sentence) for p in self.unless):
            return False
        return any(all(p.search(sentence) for p in alt) for alt in self.alternatives)


@dataclass(frozen=True)
class DisputeMatch:
    category: Category
    sentence: str


def split_sentences(text: str) -> list[str]:
    """Sentences of `text`, each with its closing punctuation, stripped of surrounding blanks."""
    out, start = [], 0
    for m in SENTENCE_END.finditer(text):
        piece = text[start : m.end()].strip()
        if piece.strip("。！？!?；;"):
            out.append(piece)
        start = m.end()
    tail = text[start:].strip()
    if tail:
        out.append(tail)
    return out


def compile_categories(raw: Iterable[Mapping[str, Any]]) -> tuple[Category, ...]:
    """Compile a YAML category table; a bad regex is a RuleError naming the category."""
    return _compile(tuple(_freeze(c) for c in raw))


@lru_cache(maxsize=8)
def _compile(
    raw: tuple[tuple[str, str, tuple[tuple[str, ...], ...], tuple[str, ...]], ...],
) -> tuple[Category, ...]:
    out = []
    for key, label, alternatives, unless in raw:
        try:
            alts = tuple(tuple(re.compile(p) for p in alt) for alt in alternatives)
            excl = tuple(re.compile(p) for p in unless)
        except re.error as e:
            raise RuleError(f"规则 complaint.dispute_route 的类别 {key} 中正则表达式有误：{e}") from e
        out.append(Category(key, label, alts, excl))
    return tuple(out)


def _freeze(c: Mapping[str, Any]) -> tuple[str, str, tuple[tuple[str, ...], ...], tuple[str, ...]]:
    try:
        alts = tuple(tuple(str(p) for p in alt) for alt in c["patterns"])
        return str(c["key"]), str(c["label"]), alts, tuple(str(p) for p in c.get("unless") or ())
    except (KeyError, TypeError) as e:
        raise RuleError(
            f"规则 complaint.dispute_route 的类别格式错误（需要 key、label、patterns）：{c!r}"
        ) from e


def find_dispute_matches(sentences: Iterable[str], categories: Iterable[Category]) -> list[DisputeMatch]:
    """The first sentence matching each category, in category order."""
    sentences = list(sentences)
    found = []
    for cat in categories:
        for s in sentences:
            if cat.matches(s):
                found.append(DisputeMatch(cat, s))
                break
    return found
