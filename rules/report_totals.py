"""report.totals_mismatch: stated totals that the listed parts contradict. Conservative by design.

A breakdown introduced by 其中 may be partial (中央预算内投资 + 省配套 < 总投资 is normal), so only clear
cases are flagged:
1. an enumeration closed by a count — "A、B、C等17个方面" / "A、B、C这四个方面" — that lists MORE items
   than the count (fewer is an "etc."); a list after a colon — "共3项：A；B；C；D" — of another length;
2. "N项工作，一是…二是…" whose ordinals do not reach N, or go beyond it;
3. "N个方面M个项目，其中：…" listing exactly N parts whose numbers do not sum to M (all aspects are listed,
   so the parts are the whole);
4. "A 5万元、B 3万元，合计9万元": parts before 合计/共计/总计 in one sentence that sum differently;
5. a table whose 合计/总计 row differs from the sum of the rows above it;
6. "受理来信来电85件，其中来信30件、来电52件": a 其中 breakdown whose part names, joined, are the end of
   the total's own name — the parts name the whole, so they must add up to it; likewise a breakdown that
   closes with a catch-all part (其中食品类5件、其他类3件): the 其他 part makes it exhaustive.
"""

from __future__ import annotations

import re
from typing import Any

import cn2an

from rules.report_text import Finding, sentence_spans

_NUM = r"\d+(?:\.\d+)?|[一二两三四五六七八九十百]+"
_COUNT_UNIT = r"个方面|个类别|个项目|个|项|类|条|方面"
_CLOSED_ENUM = re.compile(rf"(?:等|这|以上)(?P<n>{_NUM})(?P<unit>{_COUNT_UNIT})")
_COLON_ENUM = re.compile(rf"共(?:有)?(?P<n>{_NUM})(?P<unit>{_COUNT_UNIT})[:：](?P<list>[^。\n]+)")
_ORDINAL_INTRO = re.compile(rf"(?P<n>{_NUM})(?P<unit>项|个方面|条|件)[^。\n]{{0,12}}?[，,:：]\s*一是")
_ASPECTS_THEN_PARTS = re.compile(
    rf"(?P<n>{_NUM})个(?:方面|类|领域)(?P<m>\d+(?:\.\d+)?)(?P<unit>个|项|处|座)[^。\n，,]{{0,8}}[，,]?其中[:：](?P<list>[^。\n]+)"
)
_TOTAL_WORD = re.compile(
    r"(?:合计|共计|总计)(?:为)?(?P<m>\d+(?:\.\d+)?)(?P<unit>万元|亿元|元|个|项|人|户|处|件|份)"
)
_COUNT_TOTAL = re.compile(
    r"(?P<label>[\u4e00-\u9fff]{2,30})(?P<m>\d+)(?P<unit>件次|人次|件|条|个|项|人|户|次|份)[，,]?其中[:：]?(?P<list>[^。；;\n]+)"
)
_PART = re.compile(r"^(?P<label>[\u4e00-\u9fff]{1,20}?)(?P<v>\d+)(?P<unit>件次|人次|件|条|个|项|人|户|次|份)$")
_COMPARATIVE = ("比", "增长", "同比", "下降", "减少", "增加", "占")
_CN_ORDINALS = "一二三四五六七八九十"
_CATCH_ALL = re.compile(r"^(?:其他|其它|其余)")  # a last part that takes the rest: the parts are the whole
# Every read corpus set (2026-12-06): breakdowns of three or more parts whose sum differs from the total came to
# 94-97% of it where the writer meant a slip, and 10-73% where the list was partial
NEAR_WHOLE = 0.9


def to_number(s: str) -> float | None:
    try:
        return float(s) if s[0].isdigit() else float(cn2an.cn2an(s, "smart"))
    except (ValueError, KeyError, IndexError):
        return None


def split_top_level(s: str, seps: str) -> list[str]:
    """Split at separators that are not inside brackets: '沼气(户用、大中型)、防疫' -> 2 items."""
    items, depth, cur = [], 0, ""
    for ch in s:
        depth += ch in "(（[【《“"
        depth -= ch in ")）]】》”"
        if ch in seps and depth <= 0:
            items.append(cur)
            cur = ""
        else:
            cur += ch
    items.append(cur)
    return [i.strip() for i in items if i.strip()]


def find_totals_mismatches(text: str, params: dict[str, Any]) -> list[Finding]:
    found: list[Finding] = []
    for start, end in sentence_spans(text, semicolons=False):
        sentence = text[start:end]
        digits = _THOUSANDS.sub("", sentence)  # 48,672件 is read as 48672件
        for check in (_closed_enumeration, _colon_enumeration, _aspects_then_parts, _total_word, _named_parts):
            found += [Finding(start, end, sentence, msg) for msg in check(digits, params)]
    for start, end, para in _paragraphs(text):
        found += [Finding(start, end, para, msg) for msg in _ordinals(para)]
    found += _tables(text, params)
    found += _application_table(text, params)
    return found


# The national template of the 政府信息公开工作年度报告 (国办公开办函〔2021〕30号) states its own check in table 三:
# 第一项加第二项之和，等于第三项加第四项之和 — new + carried over = results (（七）总计) + carried forward; and
# （七）总计 is the sum of the result rows above it. Columns: applicant kinds, then 总计.
_ROW_NEW = re.compile(r"^\s*一、\s*本年新收")
_ROW_CARRIED = re.compile(r"^\s*二、\s*上年结转")
_ROW_RESULTS = re.compile(r"^\s*三、\s*本年度办理结果")
_ROW_TOTAL = re.compile(r"^\s*[（(]七[)）]\s*总计")
_ROW_FORWARD = re.compile(r"^\s*四、\s*结转下年度")


def _application_table(text: str, params: dict) -> list[Finding]:
    rows: dict[str, tuple[int, int, list[float]]] = {}
    results: list[list[float]] = []
    in_results = False
    for start, end, line in _paragraphs(text):
        # a PDF's text layer gives the row's cells separated by spaces (（七）总计 11 2 13); the rows are known
        # by their labels, so any run of spaces separates cells here
        cells = line.split("\t") if "\t" in line else line.split()
        if len(cells) < 2:
            continue
        numbers = _trailing_numbers(cells)
        label = cells[0]
        if _ROW_NEW.match(label):
            rows["new"] = (start, end, numbers)
        elif _ROW_CARRIED.match(label):
            rows["carried"] = (start, end, numbers)
        elif _ROW_TOTAL.match(label):
            rows["total"] = (start, end, numbers)
            in_results = False
        elif _ROW_FORWARD.match(label):
            rows["forward"] = (start, end, numbers)
            break
        elif _ROW_RESULTS.match(label) or in_results:
            in_results = True
            if numbers:
                results.append(numbers)
    if "total" not in rows:
        return []
    start, end, total = rows["total"]
    line = text[start:end]
    found = []
    width = len(total)
    if results and all(len(r) == width for r in results):
        for j in range(width):
            column = [r[j] for r in results]
            if not _close(sum(column), total[j], params["tolerance"], len(column)):
                msg = f"办理结果（七）总计的第{j + 1}个数为{_fmt(total[j])}，各项办理结果之和为{_fmt(sum(column))}"
                found.append(Finding(start, end, line, msg))
    if all(k in rows for k in ("new", "carried", "forward")) and not found:
        new, carried, forward = rows["new"][2], rows["carried"][2], rows["forward"][2]
        if len(new) == len(carried) == len(forward) == width:
            for j in range(width):
                a, b, c, d = new[j], carried[j], total[j], forward[j]
                if not _close(a + b, c + d, params["tolerance"], 2):
                    msg = f"第{j + 1}个数：新收{_fmt(a)}＋上年结转{_fmt(b)}≠办理结果总计{_fmt(c)}＋结转下年度{_fmt(d)}"
                    found.append(Finding(start, end, line, msg))
                    break
    return found[:1]


def _trailing_numbers(cells: list[str]) -> list[float]:
    """A row's figures, read from the right: the label cells before them differ from row to row (三、本年度办理结果 /
    （一）予以公开 share the first result row; 一、本年新收 leaves a blank cell), the figures' columns do not."""
    numbers: list[float] = []
    for cell in reversed(cells[1:]):
        value = to_float(cell)
        if value is None:
            break
        numbers.append(value)
    return numbers[::-1]


def _paragraphs(text: str) -> list[tuple[int, int, str]]:
    out, pos = [], 0
    for line in text.split("\n"):
        out.append((pos, pos + len(line), line))
        pos += len(line) + 1
    return out


def _clause_before(sentence: str, at: int) -> str:
    """The clause that ends at `at`: back to the last top-level comma, colon or semicolon."""
    depth = 0
    for i in range(at - 1, -1, -1):
        ch = sentence[i]
        depth += ch in ")）]】》”"
        depth -= ch in "(（[【《“"
        if depth <= 0 and ch in "，,：:；;":
            return sentence[i + 1 : at]
    return sentence[:at]


def _closed_enumeration(sentence: str, params: dict) -> list[str]:
    msgs = []
    for m in _CLOSED_ENUM.finditer(sentence):
        n = to_number(m.group("n"))
        items = split_top_level(_clause_before(sentence, m.start()), "、")
        if n and len(items) >= params["min_items"] and len(items) > n:
            msgs.append(f"列举了{len(items)}项，却称“{m.group('n')}{m.group('unit')}”")
    return msgs


def _colon_enumeration(sentence: str, params: dict) -> list[str]:
    msgs = []
    for m in _COLON_ENUM.finditer(sentence):
        n = to_number(m.group("n"))
        body = m.group("list")
        items = split_top_level(body, "；;" if re.search("[；;]", body) else "、")
        if n and len(items) >= params["min_items"] and len(items) != n:
            msgs.append(f"称“共{m.group('n')}{m.group('unit')}”，其后列举了{len(items)}项")
    return msgs


def _aspects_then_parts(sentence: str, params: dict) -> list[str]:
    msgs = []
    for m in _ASPECTS_THEN_PARTS.finditer(sentence):
        n, total, unit = to_number(m.group("n")), float(m.group("m")), m.group("unit")
        items = split_top_level(m.group("list"), "；;")
        if not n or len(items) != n:
            continue  # not every aspect is listed: the parts may be partial
        values = [_first_number(item, unit) for item in items]
        if None in values:
            continue
        parts = [v for v in values if v is not None]
        if not _close(sum(parts), total, params["tolerance"], len(parts)):
            msgs.append(f"{len(parts)}个方面分项合计{_fmt(sum(parts))}{unit}，与所述{_fmt(total)}{unit}不符")
    return msgs


def _first_number(item: str, unit: str) -> float | None:
    """The first number with `unit` outside brackets: '沼气项目30个(户用2个…)' -> 30."""
    flat = re.sub(r"[(（][^)）]*[)）]", "", item)
    m = re.search(rf"(\d+(?:\.\d+)?){unit}", flat)
    return float(m.group(1)) if m else None


def _total_word(sentence: str, params: dict) -> list[str]:
    msgs = []
    for m in _TOTAL_WORD.finditer(sentence):
        before = sentence[: m.start()]
        if "其中" in before:
            before = before[before.rindex("其中") :]
        if any(w in before for w in _COMPARATIVE):
            continue
        unit = m.group("unit")
        parts = [float(x) for x in re.findall(rf"(\d+(?:\.\d+)?){unit}", before)]
        total = float(m.group("m"))
        if len(parts) >= 2 and not _agrees(sum(parts), total, unit, params, len(parts)):
            msgs.append(f"分项之和为{_fmt(sum(parts))}{unit}，与“{m.group()}”不符")
    return msgs


def _named_parts(sentence: str, params: dict) -> list[str]:
    """Rule 6: 其中-parts that must add up to their total. They do when their names joined end the total's name
    (来信来电 -> 来信 + 来电), when the last part takes the rest (其他类), or when they are four or more classes
    (就业类、社保类…); parts of any kind never exceed their total. Otherwise a breakdown may be partial
    (其中 = among them), unless three or more parts come within a tenth of the total without reaching it."""
    msgs = []
    for m in _COUNT_TOTAL.finditer(sentence):
        unit, total = m.group("unit"), float(m.group("m"))
        parts = []
        for item in split_top_level(m.group("list"), "、，,"):
            part = _PART.match(item)
            if part is None:
                break  # the breakdown ends; what follows (均已办结) is another clause
            parts.append(part)
        if len(parts) < 2 or any(p.group("unit") != unit for p in parts):
            continue
        names = "".join(p.group("label") for p in parts)
        whole = re.sub(r"[和及与、]", "", m.group("label"))
        named_whole = whole.endswith(names) and len(whole) != len(names)
        by_class = len(parts) >= 4 and all(p.group("label").endswith("类") for p in parts)
        got = sum(float(p.group("v")) for p in parts)
        # three or more parts that come to nearly all of the total (at least NEAR_WHOLE of it) but not all: an
        # arithmetic slip in a breakdown meant to be whole; a partial one (其中 = among them) falls far short
        nearly_whole = len(parts) >= 3 and NEAR_WHOLE * total <= got < total
        if not (named_whole or by_class or nearly_whole or _CATCH_ALL.match(parts[-1].group("label")) or got > total):
            continue
        if not _agrees(got, total, unit, params, len(parts)):
            msgs.append(f"“{names}”共{_fmt(total)}{unit}，分项之和为{_fmt(got)}{unit}")
    return msgs


def _ordinals(para: str) -> list[str]:
    msgs = []
    for m in _ORDINAL_INTRO.finditer(para):
        n = to_number(m.group("n"))
        rest = para[m.end() - 2 :]
        count = 0
        for i, ch in enumerate(_CN_ORDINALS, start=1):
            if f"{ch}是" not in rest:
                break
            count = i
        if n and count >= 2 and count != n:
            msgs.append(f"称“{m.group('n')}{m.group('unit')}”，其后列举到“{_CN_ORDINALS[count - 1]}是”")
    return msgs


_SPACED_ROW = re.compile(r"\S{1,40}(?: \S{1,16}){2,}|\S{1,40} \d[\d,.]*")


def _cells(line: str) -> list[str]:
    """A table row's cells: tab-separated (as the .docx reader joins a table's cells), or, where a PDF's text
    layer gives the row as plain text, three or more short runs separated by single spaces (合计 17 14 132 196.4)
    or a label and a number."""
    if "\t" in line:
        return line.split("\t")
    return line.strip().split(" ") if _SPACED_ROW.fullmatch(line.strip()) else [line]


def _tables(text: str, params: dict) -> list[Finding]:
    """Blocks of tab-separated rows closed by a 合计/总计 row: each numeric column must add up; and under a
    heading whose last column is 合计/总计, each row's cells must add up to its own total."""
    found, block, header = [], [], None
    for start, end, line in _paragraphs(text):
        cells = _cells(line)
        if len(cells) < 2:
            block, header = [], None
            continue
        if header is None:
            header = cells
        if cells[0].strip() in ("合计", "总计"):
            found += _check_total_row(block, cells, start, end, line, params)
            block = []
        else:
            block.append(cells)
        if header is not cells and _TOTAL_COLUMN.fullmatch(_UNIT_NOTE.sub("", header[-1].strip())) \
                and len(cells) == len(header):
            found += _check_row_total(cells, header, start, end, line)
    return found


_TOTAL_COLUMN = re.compile(r"合计|总计|小计|合计数|总数")
_UNIT_NOTE = re.compile(r"\s*[（(][^（()）]{1,6}[)）]$")  # 合计（条） / 小计(件): the column's unit


def _check_row_total(cells: list[str], header: list[str], start: int, end: int, line: str) -> list[Finding]:
    """A row of whole counts whose parts do not make its own total (9 + 12 + 10 under 7月/8月/9月, 合计 33)."""
    parts: list[float] = [v for c in cells[1:-1] if (v := to_float(c)) is not None]
    total = to_float(cells[-1])
    if to_float(cells[0]) is not None:
        return []  # a row of figures without its label (the review table's one row) is no labelled row
    if total is None or len(parts) < 2 or len(parts) < len(cells) - 2 or any("元" in h for h in header):
        return []
    if not all(v.is_integer() for v in [*parts, total]) or sum(parts) == total:
        return []
    label = cells[0].strip() or "该行"
    return [Finding(start, end, line, f"表格“{label}”一行合计{cells[-1].strip()}，各列之和为{_fmt(sum(parts))}")]


def _check_total_row(
    rows: list[list[str]], total: list[str], start: int, end: int, line: str, params: dict
) -> list[Finding]:
    if any("小计" in "".join(r) for r in rows):
        return []  # subtotal rows would be counted twice
    width = max((len(r) for r in rows), default=0)
    if len(rows) >= 2 and all(len(r) == width for r in rows) and len(total) < width:
        total = total + [""] * (width - len(total))  # 合计\t163 under |类别|条数|方式|: its blank cells left off
    rows = [r for r in rows if len(r) == len(total)]
    # 本年新收申请数量 / 上年结转 (the annual report's application table): what came in, which the outcome
    # rows below account for, not a part of their 总计; nor is a row that only restates the total row
    rows = [
        r for r in rows
        if not _INTAKE_ROW.search(r[0])
        and [to_float(c) for c in r[1:]] != [to_float(c) for c in total[1:]]
    ]
    found = []
    for j in range(1, len(total)):
        values = [to_float(r[j]) for r in rows]
        stated = to_float(total[j])
        numeric = [v for v in values if v is not None]
        if stated is None or len(numeric) < 2 or len(numeric) < len(values) - 1:
            continue  # a header row may be non-numeric; more than that and it is not a column of figures
        whole = all(v.is_integer() for v in [*numeric, stated]) and not any("元" in "".join(r) for r in rows)
        if (sum(numeric) != stated) if whole else not _close(sum(numeric), stated, params["tolerance"], len(numeric)):
            found.append(
                Finding(
                    start, end, line, f"表格第{j + 1}列合计{total[j].strip()}，各行之和为{_fmt(sum(numeric))}"
                )
            )
    return found


_INTAKE_ROW = re.compile(r"本年新收|上年结转|新收.{0,6}申请")


def to_float(cell: str) -> float | None:
    cell = cell.strip().replace(",", "")
    return float(cell) if re.fullmatch(r"-?\d+(?:\.\d+)?", cell) else None


_THOUSANDS = re.compile(r"(?<=\d),(?=\d{3}(?!\d))")
_COUNTS = frozenset({"件次", "人次", "件", "条", "个", "项", "人", "户", "次", "份", "处", "座"})


def _agrees(got: float, total: float, unit: str, params: dict, n: int) -> bool:
    """Parts that make their total: exactly for whole counts (件, 人, 个 …), which no rounding explains; else within
    the rounding tolerance of `n` parts."""
    if unit in _COUNTS and float(got).is_integer() and float(total).is_integer():
        return got == total
    return _close(got, total, params["tolerance"], n)


def _close(a: float, b: float, rel: float, n: int) -> bool:
    return abs(a - b) <= max(rel * abs(b), 0.005 * n)


def _fmt(x: float) -> str:
    return f"{x:.2f}".rstrip("0").rstrip(".")
