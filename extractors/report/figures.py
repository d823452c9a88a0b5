"""Figures with labels and units: 总投资14469.52万元 -> (总投资, 14469.52, 万元);
87个子项目 -> (子项目, 87, 个).

Only Arabic numbers followed by a unit of the table count; dates, years and list numbers carry no
unit of it. The label follows a measure word when a noun stands right after it (87个子项目), else it
is the run of text before the number back to a delimiter (农村沼气项目30个). A number after 各 (各1人)
is a share, not a figure, and is left out.
"""

from __future__ import annotations

import re

from extractors import tokenize
from extractors.report import lexicon
from extractors.report.scope import inside
from schemas.models import Figure, ParsedDocument, Span

_NOUN_FLAGS = ("n", "nz", "nt", "ns", "nr", "ng", "vn", "j")
_DELIMS = "，,。；;：:、（(）)\n“”《》"


def _number_re() -> re.Pattern[str]:
    units = "|".join(re.escape(u) for u in lexicon.words("figure_units"))
    return re.compile(rf"(?<![\d.\-])(?P<v>\d+(?:\.\d+)?)(?P<u>{units})")


def _preceding_label(text: str, start: int, previous: tuple[int, str] | None) -> str:
    if previous and previous[0] == start:
        return previous[1]  # 23个29491人: the second number shares the first one's label
    s = start
    while s > 0 and text[s - 1] not in _DELIMS and not text[s - 1].isdigit():
        s -= 1
    label = text[s:start]
    # 林木采伐、种子生产经营等行政许可事项412件: what stands after 等 is the counted thing.
    listed = list(re.finditer(r"等(?![级奖次第])", label))
    if listed and len(label) - listed[-1].end() >= 2:
        label = label[listed[-1].end() :]
    label = lexicon.regex("figure_label_strip_lead").sub("", label)
    return lexicon.regex("figure_label_strip_tail").sub("", label)


def _following_label(text: str, end: int) -> str:
    m = re.match(r"[(（](?:含|其中|包括)[^()（）]{0,12}[)）]", text[end:])
    if m:
        end += m.end()
    run = re.match(r"[\u4e00-\u9fff]{1,12}", text[end:])
    if not run:
        return ""
    stops = lexicon.table()["figure_label_stop_tokens"]
    label = ""
    for word, flag in tokenize.posseg(run.group(0)):
        if word in ("的", "和", "及", "与") or word in stops or not flag.startswith(_NOUN_FLAGS):
            break
        label += word
        if len(label) >= 8:
            break
    return label


def find_figures(doc: ParsedDocument, skip: list[Span]) -> list[Figure]:
    text = doc.text
    measure = set(lexicon.table()["measure_words"])
    out: list[Figure] = []
    previous: tuple[int, str] | None = None  # (end offset, label) of the last figure
    for m in _number_re().finditer(text):
        if inside(skip, m.start()) or text[m.start() - 1 : m.start()] == "各":
            continue
        if m.group("u") == "个" and re.match(
            r"工作日|月|小时|季度|星期|周|[年日号时分秒]", text[m.end() : m.end() + 3]
        ):
            continue
        unit = m.group("u")
        label = _following_label(text, m.end()) if unit in measure else ""
        if not label:
            label = _preceding_label(text, m.start(), previous)
        if not label:
            continue
        out.append(Figure(label=label, value=float(m.group("v")), unit=unit))
        previous = (m.end(), label)
    return out
