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


# a body's own general office, or one of its sections, writing for it (易县农业农村局办公室 sends 易县农业农村局's
# report under its cover): the same body for duplicates and copies; a subordinate body (…大队, …中心) is not
_OWN_OFFICE = re.compile(r"(?:办公室|党政办|综合办|[\u4e00-\u9fff]{1,6}[股科室])$")


def same_body(a: str | None, b: str | None) -> bool:
    """Two names of one body: the same name, or the body's and its own office's (X局 and X局办公室)."""
    if same_name(a, b):
        return True
    if not a or not b:
        return False
    short, long = sorted((_squash(a), _squash(b)), key=len)
    if len(short) < 4 or not long.startswith(short) or short.endswith("人民政府"):
        return False  # (a government's 办公室 is a department of its own, with its own reports)
    return _OWN_OFFICE.fullmatch(long[len(short) :]) is not None


def _squash(s: str) -> str:
    return re.sub(r"[\s\W_]+", "", s)
