"""Figures with labels and units: 总投资14469.52万元 -> (总投资, 14469.52, 万元);
87个子项目 -> (子项目, 87, 个).

Only Arabic numbers followed by a unit of the table count; dates, years and list numbers carry no
unit of it. The label follows a measure word when a noun stands right after it (87个子项目), else it
is the run of text before the number back to a delimiter (农村沼气项目30个). A number after 各 (各1人)
is a share, not a figure, and is left out. 万/亿 before a unit other than money multiply the number
(办理事项2.1万件 -> 21000 件; money keeps its 万元); 余/多 after it (推送信息1300余条) leave the plain unit.

Tables (rows of tab-separated cells, as the readers give them) state figures too: each non-zero number
of a row, labelled by the row's label and its column's heading, in the unit the table states (a heading's
（单位：件）, 件数/条数/人次数, a 单位：… line above it), or, failing that, the unit of the figure in the
text that states the table's total (全年主动公开信息240条 and a 合计 row of 240), or, in the statutory
annual report's tables of requests, decisions, reviews and lawsuits, 件.
"""

from __future__ import annotations

import re

from extractors import tokenize
from extractors.report import lexicon
from extractors.report.scope import inside
from schemas.models import Figure, ParsedDocument, Span

_NOUN_FLAGS = ("n", "nz", "nt", "ns", "nr", "ng", "vn", "j")
_DELIMS = "，,。；;：:、（(）)\n“”《》"


_MULTIPLIERS = {"万": 10_000, "亿": 100_000_000}


def _number_re() -> re.Pattern[str]:
    units = "|".join(re.escape(u) for u in sorted(lexicon.words("figure_units"), key=len, reverse=True))
    return re.compile(
        rf"(?<![\d.\-])(?P<v>\d+(?:\.\d+)?)(?P<x>[万亿](?!元))?(?:余|多)?(?P<u>{units})"
    )


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
        value = float(m.group("v")) * _MULTIPLIERS.get(m.group("x") or "", 1)
        out.append(Figure(label=label, value=round(value, 4), unit=unit))
        previous = (m.end(), label)
    return out + _table_figures(text, skip, out)


# ---------------------------------------------------------------------------------------------- tables

_UNIT_IN_HEADING = re.compile(r"[（(]\s*(?:单位|计量单位)?[:：]?\s*(?P<u>[^()（）:：\s]{1,4})\s*[)）]\s*$")
_UNIT_LINE = re.compile(r"单位[:：]\s*(?P<u>[\u4e00-\u9fff%]{1,4})")
_COUNTED = re.compile(r"(?P<u>件|条|人次|人|次|个|项|户|家|名|份|篇)数$")
# the statutory annual report's tables count requests, decisions, reviews and lawsuits (件)
_STATUTORY = re.compile(r"申请|处理决定|行政复议|行政诉讼|复议|诉讼|规范性文件|规章|制发|废止|现行有效")
_TOTAL = re.compile(r"合计|总计|总数|小计|共计")


_SENTENCE_MARK = re.compile(r"[，。；！？;!?：:]")


def _cells(line: str) -> list[str] | None:
    """The cells of a table row: tab-separated (a Word table), or short space-separated cells with no sentence
    punctuation (a PDF's table as its text layer gives it: 行政规范性文件 2 0 6); None for any other line."""
    if "\t" in line:
        return [c.strip() for c in line.split("\t")]
    cells = line.split()
    if len(cells) < 2 or _SENTENCE_MARK.search(line) or any(len(c) > 24 for c in cells):
        return None
    return cells


def _number(cell: str) -> float | None:
    cell = cell.replace(",", "").replace("，", "")
    return float(cell) if re.fullmatch(r"\d+(?:\.\d+)?", cell) else None


def _tables(text: str, skip: list[Span]) -> list[tuple[int, list[list[str]], str]]:
    """(offset, rows, the line above) of every block of tab-separated lines."""
    out: list[tuple[int, list[list[str]], str]] = []
    rows: list[list[str]] = []
    start, above, previous, offset = 0, "", "", 0
    for line in text.split("\n"):
        cells = _cells(line) if not inside(skip, offset) else None
        if cells:
            if rows and len(rows) > 1 and not any(_number(c) is not None for c in cells):
                out.append((start, rows, above))  # a row of headings under rows of figures opens another table
                rows = []
            if not rows:
                start, above = offset, previous
            rows.append(cells)
        else:
            if rows:
                out.append((start, rows, above))
            rows = []
            previous = line
        offset += len(line) + 1
    if rows:
        out.append((start, rows, above))
    return out


def _table_unit(header: list[str], j: int, above: str, values: list[float], prose: list[Figure],
                rows: list[list[str]]) -> str | None:
    heading = header[j] if j < len(header) else ""
    if m := _UNIT_IN_HEADING.search(heading) or _UNIT_IN_HEADING.search(header[0] if header else ""):
        return m.group("u")
    if m := _COUNTED.search(heading):
        return m.group("u")
    if m := _UNIT_LINE.search(above) or _UNIT_LINE.search(" ".join(header)):
        return m.group("u")
    stated = {round(f.value, 2): f.unit for f in prose if f.unit}
    for v in sorted(values, reverse=True):  # the table's total is its largest number
        if round(v, 2) in stated:
            return stated[round(v, 2)]
    labels = above + "".join(header) + "".join(r[0] for r in rows if r)
    return "件" if _STATUTORY.search(labels) else None


def _table_figures(text: str, skip: list[Span], prose: list[Figure]) -> list[Figure]:
    out: list[Figure] = []
    for _start, rows, above in _tables(text, skip):
        if len(rows) < 2:
            continue
        header, body = rows[0], rows[1:]
        # a header of numbers only is no header (a table without one)
        if all(_number(c) is not None for c in header if c):
            continue
        values = [v for r in body for c in r if (v := _number(c)) is not None]
        if not values:
            continue
        labelled = _number(body[0][0]) is None if body[0] else False
        last_is_total = bool(_TOTAL.search(header[-1]))
        for row in body:
            label = row[0] if labelled and _number(row[0]) is None else ""
            cols = range(1, len(row)) if label else range(len(row))
            for j in cols:
                v = _number(row[j])
                if v is None or v == 0:
                    continue
                if last_is_total and label and not _TOTAL.search(label) and j != len(row) - 1 \
                        and len(row) == len(header):
                    continue  # a row of parts with its own total: the total stands for the row
                unit = _table_unit(header, j, above, values, prose, rows)
                if not unit:
                    continue
                heading = header[j] if j < len(header) else ""
                heading = _UNIT_IN_HEADING.sub("", heading)
                name = label if not heading or (_TOTAL.search(heading) and label) else f"{label}{heading}"
                out.append(Figure(label=name[:40] or heading, value=v, unit=unit))
    return out
