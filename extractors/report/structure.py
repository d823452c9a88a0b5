"""The heading hierarchy of a Chinese report and the sentences under it.

Levels are fixed by the marker's form (一、 1; （一） 2; 1、 3; ⑴ (1) 4; ① 5; 一是 6), which is how these
reports are written; a document that skips a level simply has no section of that level. Markers 1-5 open a
section when they start a paragraph; ① and 一是 also open one inside a paragraph (an inline list). A
paragraph section runs until the next heading of the same or an outer level; an inline one to its
paragraph's end.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from extractors.report import lexicon
from extractors.report.model import Section, Sentence
from schemas.models import ParsedDocument, Span

# a sentence, with the bracket after its full stop that says who does it or by when (…公开。（责任单位：办公室）)
SENTENCE_END = re.compile(
    r"[^。！？!?；;]*(?:[。！？!?；;]+[”’」』)）]?"
    r"(?:[（(](?:责任|牵头|承办|配合|主办|协办|完成时限|时限|完成时间)[^（）()。]{0,40}[）)][。；;]?)?|$)"
)
_INLINE_BEFORE = "。；;：:，,！？!?"


@dataclass(frozen=True)
class Paragraph:
    index: int
    start: int
    end: int
    text: str


@dataclass
class _Open:
    section: Section
    end: int  # where the section's content ends (exclusive)


def paragraphs(text: str) -> list[Paragraph]:
    out, start = [], 0
    for i, line in enumerate(text.split("\n")):
        out.append(Paragraph(i, start, start + len(line), line))
        start += len(line) + 1
    return out


def _heading_patterns() -> list[tuple[int, re.Pattern[str], bool]]:
    return [
        (h["level"], re.compile(h["pattern"]), bool(h.get("inline")) or h["level"] == 5)
        for h in lexicon.table()["headings"]
    ]


def match_heading(text: str) -> tuple[int, str] | None:
    """(level, marker as written) when `text` starts with a heading marker."""
    stripped = text.lstrip()
    for level, pattern, _ in _heading_patterns():
        m = pattern.match(stripped)
        if m and len(stripped) > m.end():
            return level, m.group(0)
    return None


def _title_after(text: str, start: int, stop_at: re.Pattern[str] | None = None) -> str:
    rest = text[start:]
    m = re.search(r"[。！？!?；;]", rest)
    title = rest[: m.start()] if m else rest
    if stop_at:
        n = stop_at.search(title, 1)
        title = title[: n.start()] if n else title
    return title.strip(" ，,：:、")


def _inline_markers(p: Paragraph) -> list[tuple[int, int, str, int]]:
    """(start, end, marker, level) of inline list markers (①…, 一是…) inside a paragraph."""
    found = []
    for level, pattern, inline in _heading_patterns():
        if not inline:
            continue
        for m in pattern.finditer(p.text):
            before = p.text[: m.start()].rstrip()
            if m.start() == 0 or (before and before[-1] in _INLINE_BEFORE):
                found.append((m.start(), m.end(), m.group(0), level))
    return sorted(found)


def build_sections(doc: ParsedDocument, paras: list[Paragraph]) -> list[Section]:
    sections: list[Section] = []
    ends: list[int] = []
    stack: list[int] = []
    marker_any = re.compile("|".join(p.pattern for _, p, inline in _heading_patterns() if inline))
    for n, p in enumerate(paras):
        head = match_heading(p.text) or _label_heading(paras, n, [sections[i] for i in stack])
        lead = len(p.text) - len(p.text.lstrip())
        if head and not head[1].endswith("是") and head[1][:1] not in tuple("①②③④⑤⑥⑦⑧⑨⑩"):
            level, marker = head
            while stack and sections[stack[-1]].level >= level:
                ends[stack.pop()] = p.start
            start = p.start + lead
            title = _title_after(p.text, lead + len(marker))
            span = Span(start=start, end=start + len(marker) + len(title), page=doc.page_at(start))
            sections.append(
                Section(
                    level=level,
                    number=marker.strip(),
                    title=title,
                    span=span,
                    parent=stack[-1] if stack else None,
                    end=len(doc.text),
                )
            )
            ends.append(len(doc.text))
            stack.append(len(sections) - 1)
        for m_start, m_end, marker, level in _inline_markers(p):
            start = p.start + m_start
            parent = next((i for i in reversed(stack) if sections[i].level < level), None)
            title = _title_after(p.text, m_end, marker_any)
            span = Span(start=start, end=start + len(marker) + len(title), page=doc.page_at(start))
            sections.append(
                Section(level=level, number=marker.strip(), title=title, span=span, parent=parent, end=p.end)
            )
            ends.append(p.end)
    _close_inline_siblings(sections, ends)
    for s, end in zip(sections, ends, strict=True):
        s.end = end
    return sections


# 存在问题： / 改进措施： on a line of their own above numbered items: an unnumbered heading over them
_LABEL_LINE = re.compile(r"^\s*(?P<t>[\u4e00-\u9fff（）()、]{2,16})[:：]\s*$")


def _label_heading(paras: list[Paragraph], n: int, open_sections: list[Section]) -> tuple[int, str] | None:
    """(level, "") for a label line whose next paragraph opens a numbered item, one level above that item and
    below the section it stands in; None otherwise (a salutation 县政务公开办： is followed by prose)."""
    if not _LABEL_LINE.match(paras[n].text):
        return None
    after = next((q for q in paras[n + 1 :] if q.text.strip()), None)
    nxt = match_heading(after.text) if after else None
    if nxt is None or nxt[1].endswith("是"):
        return None
    level = nxt[0] - 1  # (it closes the open items at its level or below, and nests in the next one out)
    outer = [o for o in open_sections if o.level < level]
    return (level, "") if level >= 1 and (outer or not open_sections) else None


def _close_inline_siblings(sections: list[Section], ends: list[int]) -> None:
    """An inline item ends where the next item of its list begins."""
    for i, s in enumerate(sections):
        for later in sections[i + 1 :]:
            if later.span.start >= ends[i]:
                break
            if later.level <= s.level and later.span.start > s.span.start:
                ends[i] = later.span.start
                break


def innermost_section(sections: list[Section], offset: int) -> int | None:
    best: int | None = None
    for i, s in enumerate(sections):
        if s.span.start <= offset < s.end and (best is None or s.span.start >= sections[best].span.start):
            best = i
    return best


def split_sentences(doc: ParsedDocument, paras: list[Paragraph], sections: list[Section]) -> list[Sentence]:
    sentences = []
    for p in paras:
        for m in SENTENCE_END.finditer(p.text):
            raw = m.group(0)
            if not raw.strip():
                continue
            lead = len(raw) - len(raw.lstrip(" 、,，"))
            start, end = p.start + m.start() + lead, p.start + m.end()
            sentences.append(
                Sentence(
                    text=doc.text[start:end],
                    span=Span(start=start, end=end, page=doc.page_at(start)),
                    section=innermost_section(sections, start),
                    paragraph=p.index,
                )
            )
    return sentences
