"""Paragraphs that speak for another body (a pasted passage about another county): not this body's facts.

Only a cheap, conservative test lives here, so that commitments and fields are not taken from such a
paragraph; judging foreign references is the checks' job (rules/).
"""

from __future__ import annotations

import re

from extractors.report import lexicon
from extractors.report.structure import Paragraph
from schemas.models import ParsedDocument, Span


def _self_level(text: str) -> set[str]:
    """The levels the report calls itself by (我镇 -> 镇)."""
    refs: dict[str, str] = lexicon.table()["self_references"]
    return {level for word, level in refs.items() if word in text}


def foreign_paragraphs(doc: ParsedDocument, paras: list[Paragraph], agency: str | None) -> list[Span]:
    opening = lexicon.regex("foreign_opening")
    levels = _self_level(doc.text)
    out = []
    for p in paras:
        m = opening.match(p.text)
        place = m.group(1) if m else ""
        if len(place) < 3 or len(p.text) < 40:
            continue
        if agency and (place in agency or agency.startswith(place[:2])):
            continue
        own_level = place[-1] in levels or (place.endswith("街道") and "街道" in levels)
        if not agency and (not levels or own_level):
            continue
        out.append(Span(start=p.start, end=p.end, page=doc.page_at(p.start)))
    return out


def inside(spans: list[Span], offset: int) -> bool:
    return any(s.start <= offset < s.end for s in spans)


def strip_parentheticals(text: str) -> str:
    """Drop （…） asides, keeping the length (offsets stay valid)."""
    return re.sub(r"[(（][^()（）]{0,30}[)）]", lambda m: " " * len(m.group(0)), text)
