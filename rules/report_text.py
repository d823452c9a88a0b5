"""Small text helpers shared by the report checks: sentences, findings, name comparison."""

from __future__ import annotations

import re
from dataclasses import dataclass

_SENTENCE_END = re.compile(r"[。！？!?；;\n]")
_FULL_STOP = re.compile(r"[。！？!?\n]")


@dataclass(frozen=True)
class Finding:
    """Something a check found: where (offsets into the normalised text) and why (Chinese message)."""

    start: int
    end: int
    text: str
    message: str


def sentence_spans(text: str, *, semicolons: bool = True) -> list[tuple[int, int]]:
    """(start, end) of each sentence; the end includes the closing punctuation, not a line break.

    `semicolons=False` keeps a list of clauses separated by "；" in one sentence.
    """
    spans, start = [], 0
    for m in (_SENTENCE_END if semicolons else _FULL_STOP).finditer(text):
        end = m.end() if m.group() != "\n" else m.start()
        if text[start:end].strip():
            spans.append((start, end))
        start = m.end()
    if text[start:].strip():
        spans.append((start, len(text)))
    return spans


def sentence_at(text: str, offset: int) -> tuple[int, int]:
    """The sentence span that holds `offset` (the whole text when none does)."""
    for start, end in sentence_spans(text):
        if start <= offset < end:
            return start, end
    return 0, len(text)




def same_name(a: str | None, b: str | None) -> bool:
    """Two body names or titles are the same once spaces and punctuation are ignored."""
    if not a or not b:
        return False
    return _squash(a) == _squash(b)


def _squash(s: str) -> str:
    return re.sub(r"[\s\W_]+", "", s)
