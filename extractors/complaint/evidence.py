"""Collects extracted values with their evidence; the first value found for a field wins.

A field the letter answers with "none" (工作单位：无) keeps the value None but gets evidence pointing at
the answer: evidence without a value means "stated: there is none", so the rule engine does not ask
for the item, and no later step fills it from the prose.
"""

from __future__ import annotations

from datetime import date
from typing import Any

from schemas.models import FieldEvidence, ParsedDocument

# How much a value is trusted, by the way it was found.
LABELLED, INLINE, SIGNATURE, PROSE = 0.95, 0.85, 0.75, 0.6


class Recorder:
    def __init__(self, doc: ParsedDocument) -> None:
        self.doc = doc
        self.values: dict[str, Any] = {}
        self.evidence: dict[str, FieldEvidence] = {}
        self.answered_none: set[str] = set()
        self.withheld: set[str] = set()  # items the letter was read to leave out (a caller's 赵女士: no name given)
        self.view = doc.text  # the text the rules read: the letter in Mandarin (complaint/dialect.py)
        self.received: date | None = None  # the day the office received it, when the caller knows it

    def has(self, path: str) -> bool:
        return self.values.get(path) is not None or path in self.answered_none

    def set_none(self, path: str, start: int, end: int, confidence: float, unread: bool = False) -> None:
        """The item is stated but has no value: the letter answers it with "none" (无, 没有), or, `unread`, it
        seems to state it here but no value could be read reliably (a supervisor checks the highlighted words).
        Either way the item is not reported missing."""
        if self.has(path):
            return
        self.answered_none.add(path)
        self.evidence[path] = FieldEvidence(
            start=start, end=end, page=self.doc.page_at(start), confidence=confidence, unread=unread
        )

    def forget(self, path: str) -> None:
        """Drop what was recorded for `path` (a value found to be someone else's)."""
        self.values.pop(path, None)
        self.evidence.pop(path, None)
        self.answered_none.discard(path)

    def get(self, path: str, default: Any = None) -> Any:
        return self.values.get(path, default)

    def reference_day(self) -> date | None:
        """The day an age is counted at: the letter's date, else its receipt stamp, else the day it arrived."""
        for day in (self.values.get("letter_date"), self.values.get("received_date"), self.received):
            if isinstance(day, date):
                return day
        return None

    def set(self, path: str, value: Any, start: int, end: int, confidence: float, overwrite: bool = False) -> bool:
        """Record `value` for `path` unless one is already there. None and "" are never recorded."""
        if value is None or value == "" or value == [] or (self.has(path) and not overwrite):
            return False
        self.values[path] = value
        self.evidence[path] = FieldEvidence(start=start, end=end, page=self.doc.page_at(start), confidence=confidence)
        return True
