"""Paragraphs that speak for another body (a pasted passage about another county): not this body's facts.

Only a cheap, conservative test lives here, so that commitments and fields are not taken from such a
paragraph; judging foreign references is the checks' job (rules/).
"""

from __future__ import annotations

import re

from extractors.report import lexicon
from extractors.report.structure import Paragraph
from extractors.rx import before
from schemas.models import ParsedDocument, Span


def _self_level(text: str) -> set[str]:
    """The levels the report calls itself by (我镇 -> 镇)."""
    refs: dict[str, str] = lexicon.table()["self_references"]
    return {level for word, level in refs.items() if word in text}


def foreign_paragraphs(doc: ParsedDocument, paras: list[Paragraph], agency: str | None) -> list[Span]:
    opening = lexicon.regex("foreign_opening")
    levels = _self_level(doc.text)
    out = []
    namesake = _namesake_re(agency)
    for p in paras:
        if namesake and _names_namesake(p.text, namesake):
            out.append(Span(start=p.start, end=p.end, page=doc.page_at(p.start)))
            continue
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


# the other place that opens a clause, right before the agency's own name without its place
_PLACE_OPENS = re.compile(r"(?:^|[，,。；;：:])(?P<place>[\u4e00-\u9fff]{1,8}?(?:县|区|市|旗))")


def _namesake_re(agency: str | None) -> tuple[str, str] | None:
    """A clause opened by another county's body of the agency's own name (，息烽县卫生健康局被评为…): the
    paragraph was taken from that body's material. Departments only (a 人民政府 is named for every place)."""
    m = re.match(r"([\u4e00-\u9fff]{2,12}?(?:县|区|市|旗))([\u4e00-\u9fff]{3,})$", agency or "")
    if not m or "政府" in m.group(2):
        return None
    place, tail = m.groups()
    return tail, place


def _names_namesake(text: str, namesake: tuple[re.Pattern[str], str]) -> bool:
    from extractors import tokenize

    tail, own = namesake
    return any(
        not m.group("place").endswith(own) and all(flag == "ns" for _, flag in tokenize.posseg(m.group("place")))
        for m, _at in before(text, tail, _PLACE_OPENS, window=10)
    )


def inside(spans: list[Span], offset: int) -> bool:
    return any(s.start <= offset < s.end for s in spans)


def strip_parentheticals(text: str) -> str:
    """Drop （…） asides, keeping the length (offsets stay valid)."""
    return re.sub(r"[(（][^()（）]{0,30}[)）]", lambda m: " " * len(m.group(0)), text)
