"""The document's text as HTML with every evidence span marked and linked to what it supports."""

from __future__ import annotations

from dataclasses import dataclass
from itertools import pairwise

from markupsafe import Markup, escape


@dataclass(frozen=True)
class Mark:
    start: int
    end: int
    anchor: str  # the element id the text links to and is linked from
    kind: str  # flag | field
    title: str


def highlight(text: str, marks: list[Mark]) -> Markup:
    """Split the text at every span boundary; a piece inside spans becomes one <mark> naming them all.

    Overlapping evidence (a flag and a field on the same words) stays readable: the piece is marked
    once, linked to the first span, and its title lists every finding.
    """
    valid = [m for m in marks if 0 <= m.start < m.end <= len(text)]
    cuts = sorted({0, len(text), *(m.start for m in valid), *(m.end for m in valid)})
    out: list[str] = []
    placed: set[str] = set()
    for a, b in pairwise(cuts):
        covering = [m for m in valid if m.start <= a and b <= m.end]
        piece = escape(text[a:b])
        if not covering:
            out.append(str(piece))
            continue
        first = next((m for m in covering if m.kind == "flag"), covering[0])
        # every span gets its target where it starts, even one nested inside another
        out += [f'<span class="anchor" id="ev-{m.anchor}"></span>' for m in covering if m.anchor not in placed]
        placed.update(m.anchor for m in covering)
        title = escape("；".join(m.title for m in covering))
        out.append(f'<a class="ev ev-{first.kind}" href="#{first.anchor}" title="{title}"><mark>{piece}</mark></a>')
    return Markup("".join(out))
