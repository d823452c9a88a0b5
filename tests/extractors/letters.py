"""A text as the readers would hand it over, and a letter's fields read from it with the models: the helpers the
round-by-round tests share."""

from __future__ import annotations

from extractors.normalize import normalize_text
from schemas.models import ComplaintFields, ParsedDocument


def doc(text: str) -> ParsedDocument:
    return ParsedDocument(text=normalize_text(text), format="txt", pages=1)


def letter(text: str) -> ComplaintFields:
    from extractors.complaint import extract_complaint

    return extract_complaint(doc(text), models=True)
