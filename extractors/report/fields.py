"""Channels, named systems and stated shortcomings of a work report."""

from __future__ import annotations

import re

from extractors.report import lexicon
from extractors.report.model import Section, Sentence
from extractors.report.scope import inside
from schemas.models import Channel, ParsedDocument, Span

_CHANNEL_WINDOW = 20  # how far after a hotline word its number may stand


def find_channels(doc: ParsedDocument, skip: list[Span]) -> list[Channel]:
    text = doc.text
    found: list[tuple[int, Channel]] = []
    phone = lexicon.regex("phone_pattern")
    used_numbers: set[int] = set()
    for kind, terms in lexicon.table()["channels"].items():
        if not terms:
            continue
        for m in re.finditer("|".join(map(re.escape, sorted(terms, key=len, reverse=True))), text):
            if inside(skip, m.start()):
                continue
            value = m.group(0)
            if kind == "hotline":
                window = text[m.end() : m.end() + _CHANNEL_WINDOW].split("\n")[0]
                number = phone.search(window)
                if number:
                    value = number.group(0)
                    used_numbers.add(m.end() + number.start())
            found.append((m.start(), Channel(kind=kind, value=value)))
    for m in lexicon.regex("email_pattern").finditer(text):
        if not inside(skip, m.start()):
            found.append((m.start(), Channel(kind="email", value=m.group(0))))
    for m in lexicon.regex("url_pattern").finditer(text):
        if not inside(skip, m.start()):
            found.append((m.start(), Channel(kind="website", value=m.group(0))))
    return _unique([c for _, c in sorted(found, key=lambda x: x[0])])


def _unique(channels: list[Channel]) -> list[Channel]:
    seen, out = set(), []
    for c in channels:
        key = (c.kind, c.value)
        if key not in seen:
            seen.add(key)
            out.append(c)
    return out


def find_named_systems(doc: ParsedDocument, skip: list[Span]) -> list[str]:
    """…制 / …制度 names: 首问负责制, “统一公开日”制度; not generic 工作制度 or 机制."""
    table = lexicon.table()
    lead = lexicon.regex("system_lead_verbs")
    out: list[str] = []
    offset = 0
    for para in doc.text.split("\n"):
        start, offset = offset, offset + len(para) + 1
        if inside(skip, start):
            continue
        # Quotes and asides go so that “统一公开日”(每季度…)制度 reads 统一公开日制度.
        text = re.sub(r"[“”\"‘’]", "", para)
        text = re.sub(r"[(（][^()（）]{0,30}[)）]", "", text)
        for m in re.finditer(r"(制度|制)(?![度定作造订止约品成图衡发])", text):
            head, tail = lead.sub("", _head_of(text, m.start())), m.group(1)
            if tail == "制" and (len(head) < 2 or head[-1] + "制" in table["not_system_zhi"]):
                continue
            if tail == "制度" and (
                len(head) < 3
                or _generic(head)
                or re.match(r"改革|建设|体系|创新", text[m.end() : m.end() + 2])
            ):
                continue
            if head + tail not in out:
                out.append(head + tail)
    return out


def _head_of(text: str, end: int) -> str:
    """The run before 制/制度 back to a delimiter or a linking word."""
    s = end
    while (
        s > 0
        and re.match(r"[\u4e00-\u9fff]", text[s - 1])
        and text[s - 1] not in "的和及与等"
        and end - s < 16
    ):
        s -= 1
    return text[s:end]


def _generic(head: str) -> bool:
    heads = lexicon.table()["generic_system_heads"]
    return head in heads or any(head.endswith(h) for h in heads if len(h) >= 2)


def find_shortcomings(doc: ParsedDocument, sections: list[Section], sentences: list[Sentence]) -> list[str]:
    """Items after “不足…主要表现为：①…②…”, or the items of a section headed 存在的问题/不足."""
    text = doc.text
    markers = lexicon.regex("item_markers")
    closers = lexicon.regex("shortcoming_closers")
    for m in lexicon.regex("shortcoming_leads").finditer(text):
        end = text.find("\n", m.end() + 1)
        block = text[m.end() : end if end >= 0 else len(text)]
        items = _split_items(block, markers)
        return [_cut_closing(i, closers) for i in items if i]
    heading = lexicon.regex("shortcoming_heading")
    for s in sections:
        if s.level <= 3 and heading.search(s.title) and not re.search(r"成绩|成效|做法|经验", s.title):
            body = text[s.span.end : s.end].strip(" 。\n")
            items = (
                _split_items(body, markers)
                if markers.search(body)
                else [line.strip() for line in body.split("\n") if line.strip()]
            )
            return [_cut_closing(x, closers) for x in items if x]
    return []


def _split_items(block: str, markers: re.Pattern[str]) -> list[str]:
    starts = [m for m in markers.finditer(block)]
    if not starts:
        first = re.split(r"(?<=[。！？])", block.strip())[0].strip(" 。；;")
        return [first] if first else []
    items = []
    for a, b in zip(starts, [*starts[1:], None], strict=True):
        item = block[a.end() : b.start() if b else len(block)].split("\n")[0]
        items.append(item.strip(" ，,、：:；;。"))
    return items


def _cut_closing(item: str, closers: re.Pattern[str]) -> str:
    """Drop a wrap-up sentence (这些问题都需要…) from the last item."""
    parts = re.split(r"(?<=[。！？])", item)
    kept = []
    for part in parts:
        if kept and closers.match(part.strip()):
            break
        kept.append(part)
    return "".join(kept).strip(" ，,、：:；;。")
