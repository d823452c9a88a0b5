"""Patterns built at call time, and searches anchored at a string read from the document.

Python keeps 512 compiled patterns and drops the oldest first, however often one is used. A pass over
many letters brings new patterns with each (a name read from the letter, put into a pattern), and once
the cache is full the extractors' own patterns, built from word lists inside functions, are dropped and
compiled again and again: about a millisecond each when the pattern holds a CJK class such as
[\\u4e00-\\u9fff]. Two rules keep the cost away:

- a pattern whose text is fixed once the word lists are loaded goes through `rx`, a cache that keeps the
  ones used most recently;
- a string read from the document (a name, an agency's name) is never put into a pattern: `find_all`
  finds it, and a pattern compiled once matches right after it (`after`) or right before it (`before`).
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from functools import lru_cache


@lru_cache(maxsize=2048)
def rx(pattern: str, flags: int = 0) -> re.Pattern[str]:
    """`pattern` compiled, once per process (for patterns built from word lists, never from a document)."""
    return re.compile(pattern, flags)


def find_all(text: str, literal: str, start: int = 0) -> Iterator[int]:
    """Where `literal` stands in `text`, left to right, without overlaps (as re.finditer(re.escape(…)))."""
    if not literal:
        return
    at = text.find(literal, start)
    while at >= 0:
        yield at
        at = text.find(literal, at + len(literal))


def after(text: str, literal: str, pattern: str | re.Pattern[str]) -> Iterator[tuple[int, re.Match[str]]]:
    """Each place of `literal` that `pattern` continues: (where the literal starts, the match right after it)."""
    compiled = rx(pattern) if isinstance(pattern, str) else pattern
    for at in find_all(text, literal):
        if m := compiled.match(text, at + len(literal)):
            yield at, m


def before(
    text: str, literal: str, pattern: str | re.Pattern[str], window: int = 40
) -> Iterator[tuple[re.Match[str], int]]:
    """Each place of `literal` that `pattern` leads up to: (the match ending right before it, where the
    literal starts). The pattern is searched within `window` characters before the literal and must end
    there (it is given a closing \\Z); the leftmost such match is returned."""
    compiled = rx(f"(?:{pattern})\\Z" if isinstance(pattern, str) else f"(?:{pattern.pattern})\\Z", 0)
    for at in find_all(text, literal):
        if m := compiled.search(text, max(0, at - window), at):
            yield m, at
