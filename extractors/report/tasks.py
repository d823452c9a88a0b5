"""Task tables: the rectification list of a 自查报告 (存在问题 | 整改措施 | 责任股室 | 完成时限) and the task table of a
工作要点 (工作任务 | 责任单位 | 完成时限). Each row is one promise whose owner and deadline stand in their own cells,
and, in a rectification list, one admitted shortcoming.

A Word table reaches the text as tab-separated lines; a PDF's as space-separated cells, where a long cell may
wrap onto the next line (`1 问题 措施前半` / `措施后半 办公室 6月底前`). A row then starts with its number
(the 序号 column) and its last line holds the row's last cells, so the cells before the wrap are read from the
left and the ones after it from the right.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from extractors.report.scope import inside
from schemas.models import Span

# the kind of each column, by its heading
_COLUMNS = (
    ("measure", re.compile(
        r"^(?:具体)?(?:整改措施|整改举措|措施|工作措施|工作举措|(?:重点|主要|具体)?(?:工作)?任务|工作内容|工作事项|任务内容)$"
    )),
    ("problem", re.compile(r"^(?:存在(?:的)?问题|(?:主要)?问题(?:表现|描述|清单)?|问题及表现)$")),
    ("person", re.compile(r"^(?:责任人|责任领导|分管领导|具体责任人)$")),
    ("owner", re.compile(r"^(?:责任(?:单位|股室|部门|科室|主体|处室)|牵头(?:单位|股室|部门|科室)|承办单位|落实单位)$")),
    ("deadline", re.compile(r"^(?:完成|整改)?(?:时限|时间|期限)$|^时间(?:节点|安排)$")),
    ("progress", re.compile(r"^(?:整改|完成|进展)(?:进展|情况|进度)$|^进展情况$")),
    ("number", re.compile(r"^(?:序号|编号|序)$")),
)
# a section heading after the table (三、下一步工作): the table is over
_HEADING = re.compile(r"^\s*(?:[一二三四五六七八九十]+[、．.]|[（(][一二三四五六七八九十]+[)）])")
# a row reported as done (已完成, 已整改): the problem is settled, nothing is promised
_DONE = re.compile(r"^(?:已完成|已整改|已办结|已落实|完成)$")


@dataclass
class TaskRow:
    start: int  # the row's first character and the end of its last line
    end: int
    cells: dict[str, tuple[str, int, int]] = field(default_factory=dict)  # column kind -> (text, start, end)

    def text(self, kind: str) -> str | None:
        cell = self.cells.get(kind)
        return cell[0] if cell and cell[0] else None

    @property
    def done(self) -> bool:
        return bool(_DONE.match(self.text("progress") or ""))


def _split(line: str, offset: int) -> list[tuple[str, int, int]]:
    """The cells of a line with their offsets: tab-separated, else separated by runs of spaces."""
    sep = "\t" if "\t" in line else None
    out, at = [], 0
    for part in line.split(sep) if sep else re.split(r"[ 　]+", line):
        at = line.find(part, at) if part else at
        stripped = part.strip()
        if stripped:
            lead = part.find(stripped)
            out.append((stripped, offset + at + lead, offset + at + lead + len(stripped)))
        elif sep:
            out.append(("", offset + at, offset + at))
        at += len(part)
    return out


def _header(cells: list[tuple[str, int, int]]) -> list[str | None] | None:
    """The kind of each column when the line heads a task table (a measure and its owner or deadline)."""
    # (a heading's note in brackets, 责任股室（单位）, is no part of its kind)
    heads = [re.sub(r"[（(][^（()）]{0,8}[)）]", "", c[0]).strip() for c in cells]
    kinds = [next((k for k, p in _COLUMNS if p.match(h)), None) for h in heads]
    if "measure" in kinds and ({"owner", "person", "deadline"} & set(kinds)):
        return kinds
    return None


def heads_task_table(line: str) -> bool:
    return _header(_split(line, 0)) is not None


def _row(lines: list[list[tuple[str, int, int]]], kinds: list[str | None]) -> TaskRow | None:
    """One row from its lines' cells: aligned to the columns when they match in number, else the first line
    from the left and the last from the right (a cell wrapped across the lines joins its two parts)."""
    n = len(kinds)
    cells = [c for line in lines for c in line]
    if len(cells) == n:
        aligned = [[c] for c in cells]
    elif len(lines) >= 2 and len(lines[0]) < n and len(lines[-1]) < n:
        first, last = lines[0], lines[-1]
        middle = [c for line in lines[1:-1] for c in line]
        left = len(first)
        right = n - left + 1  # columns from the wrapped one to the end
        if len(last) < right - 1 or len(last) > right:
            return None
        aligned = [[c] for c in first]
        if len(last) == right:  # the wrapped cell's tail opens the last line
            aligned[-1] += [*middle, last[0]]
            rest = last[1:]
        else:
            aligned[-1] += middle
            rest = last
        aligned += [[c] for c in rest]
        if len(aligned) != n:
            return None
    else:
        return None
    row = TaskRow(start=cells[0][1], end=cells[-1][2])
    for kind, parts in zip(kinds, aligned, strict=True):
        if kind and parts:
            row.cells[kind] = ("".join(p[0] for p in parts), parts[0][1], parts[-1][2])
    return row


def task_rows(text: str, skip: list[Span]) -> list[TaskRow]:
    """Every row of every task table in the text, outside pasted paragraphs."""
    rows: list[TaskRow] = []
    lines, offset = [], 0
    for line in text.split("\n"):
        lines.append((line, offset))
        offset += len(line) + 1
    i = 0
    while i < len(lines):
        line, at = lines[i]
        kinds = _header(_split(line, at)) if not inside(skip, at) else None
        i += 1
        if not kinds:
            continue
        numbered = kinds[0] == "number"
        pending: list[list[tuple[str, int, int]]] = []
        while i < len(lines):
            line, at = lines[i]
            cells = _split(line, at)
            tabbed = "\t" in line
            if not line.strip() or (not tabbed and len(cells) < 2 and not pending):
                break
            opens = not numbered or bool(cells and re.fullmatch(r"\d{1,2}", cells[0][0]))
            if tabbed or opens:
                if pending and (row := _row(pending, kinds)):
                    rows.append(row)
                pending = [cells]
                if tabbed or len(cells) == len(kinds):
                    row = _row(pending, kinds)
                    if row:
                        rows.append(row)
                    pending = []
            elif pending and sum(map(len, pending)) < len(kinds) and not _HEADING.match(line):
                pending.append(cells)  # the wrapped tail of the row above
            else:
                break
            i += 1
        if pending and (row := _row(pending, kinds)):
            rows.append(row)
    return rows


def row_at(rows: list[TaskRow], offset: int) -> TaskRow | None:
    return next((r for r in rows if r.start <= offset < r.end), None)
