"""Collects extracted values with their evidence; the first value found for a field wins."""

from __future__ import annotations

from typing import Any

from schemas.models import FieldEvidence, ParsedDocument

# How much a value is trusted, by the way it was found.
LABELLED, INLINE, SIGNATURE, PROSE = 0.95, 0.85, 0.75, 0.6


class Recorder:
    def __init__(self, doc: ParsedDocument) -> None:
        self.doc = doc
        self.values: dict[str, Any] = {}
        self.evidence: dict[str, FieldEvidence] = {}

    def has(self, path: str) -> bool:
        return self.values.get(path) is not None

    def get(self, path: str, default: Any = None) -> Any:
        return self.values.get(path, default)

    def set(self, path: str, value: Any, start: int, end: int, confidence: float, overwrite: bool = False) -> bool:
        """Record `value` for `path` unless one is already there. None and "" are never recorded."""
        if value is None or value == "" or value == [] or (self.has(path) and not overwrite):
            return False
        self.values[path] = value
        self.evidence[path] = FieldEvidence(start=start, end=end, page=self.doc.page_at(start), confidence=confidence)
        return True
