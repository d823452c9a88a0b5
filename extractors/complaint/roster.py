"""Tables of people: a group letter's signature list, a form's roster of workers, an agents' table.

A table whose header row has a name column (姓名) and at least two other columns of personal details
(性别、年龄、工种、住址、电话、身份证号…) is a roster. The complainant's row is the row of the name the
letter already gave the complainant; when the letter gave none, the row of its first elected
representative; else, for a collective letter, its first row. Every item the letter's prose left
unstated is read from that row — the table states it as plainly as a labelled line would.

Columns are recognised by the same label words as labelled lines (extractors/data/complaint_labels.yaml),
so a new column name is a data change, not a code change.
"""

from __future__ import annotations

import re
from functools import lru_cache

from extractors.complaint import numerals as nm
from extractors.complaint.evidence import INLINE, Recorder
from extractors.complaint.labels import is_person_name, tables
from extractors.normalize import paragraph_spans, sentence_end, sentence_start, table_row

# Column words beyond the labels of complaint_labels.yaml (its `fields` for the complainant and its `context`
# words for address and phone), which a roster's header uses too.
_EXTRA = {
    "address": ("家庭地址", "户籍地", "户籍所在地", "户口所在地", "家庭住所"),
    "phone": ("手机号",),
    "occupation": ("职务",),
    "age": ("岁数",),
}
_FIELDS = ("address", "phone", "occupation", "gender", "age", "id_number", "birth", "employer")
# the employer's columns in a form's one-row table (|姓名|…|工作单位|单位地址|…|)
_RESPONDENT_FIELDS = ("respondent.address",)
_NAME_COLUMN = ("姓名", "名字", "签名人", "投诉人", "职工姓名", "工人姓名")


@lru_cache(maxsize=1)
def _columns() -> dict[str, str]:
    """Header word -> complainant field."""
    labels = tables()["labels"]
    out: dict[str, str] = {}
    for path in _RESPONDENT_FIELDS:
        for word in labels["fields"].get(path, []):
            out[_fold(word)] = path
    for field in _FIELDS:
        words = (*labels["fields"].get(f"complainant.{field}", []), *labels["context"].get(field, []))
        for word in (*words, *_EXTRA.get(field, ())):
            out[_fold(word)] = field
    return out


@lru_cache(maxsize=1)
def _name_columns() -> frozenset[str]:
    """A name column's header: 姓名 and the like, or any label of the complainant's name (来电人, 反映人…): a
    hotline record's header row names its caller so."""
    return frozenset({*_NAME_COLUMN, *(_fold(w) for w in tables()["labels"]["fields"]["complainant.name"])})


def _fold(cell: str) -> str:
    return re.sub(r"[\s（）()]", "", cell)


# Cell separators, in order of preference: a .docx table's tab, a pipe (a table typed or copied as text:
# `1|张三|男|…`), else single spaces — the readers fold a typed table's runs of spaces into one, so a
# space-separated row counts only when it has exactly as many cells as the header.
_SEPARATORS = ("\t", "|", "｜")


def _separator(line: str) -> str | None:
    return next((sep for sep in _SEPARATORS if sep in line), " " if table_row(line) else None)


def _same_table(line: str, sep: str, header: list) -> bool:
    """Is `line` a further row of the table whose header was split by `sep`? A space-separated row may have
    one cell fewer than its header: a long row wrapped in a PDF joins two cells at the wrap (…13959873316陈国华),
    and the cells before the join are still in their columns."""
    return sep in line if sep != " " else len(header) - 1 <= len(line.split()) <= len(header)


def _cells(text: str, s: int, e: int, sep: str = "\t") -> list[tuple[str, int, int]]:
    out, pos = [], s
    line = text[s:e]
    if sep in "|｜":  # a pipe table's outer bars (|a|b|) open and close no cell
        lead = len(line) - len(line.lstrip())
        if line.strip().startswith(sep):
            lead += 1
        pos += lead
        line = line[lead:].rstrip()
        if line.endswith(sep):
            line = line[:-1]
    for part in (line.split(sep) if sep != " " else re.split(r"(?<=\S) (?=\S)", line)):
        lead = len(part) - len(part.lstrip())
        value = part.strip()
        out.append((value, pos + lead, pos + lead + len(value)))
        pos += len(part) + 1
    return out


Cell = tuple[str, int, int]


def header_at(text: str, s: int, e: int) -> tuple[str, list[Cell], int | None, dict[int, str]] | None:
    """The line at s..e read as a table's header: (separator, cells, name column, column index -> field)."""
    sep = _separator(text[s:e])
    if sep is None:
        return None
    header = _cells(text, s, e, sep)
    columns = _columns()
    name_at = next((k for k, (v, _s, _e) in enumerate(header) if _fold(v) in _name_columns()), None)
    mapping = {k: columns[_fold(v)] for k, (v, _s, _e) in enumerate(header) if _fold(v) in columns}
    return sep, header, name_at, mapping


def named_rows(
    text: str, lines: list[tuple[int, int]], i: int, sep: str, header: list[Cell], name_at: int
) -> tuple[list[list[Cell]], int]:
    """The rows under the header at lines[i] that name a person in the name column, and the index past the table."""
    rows = []
    j = i + 1
    while j < len(lines) and _same_table(text[lines[j][0] : lines[j][1]], sep, header):
        row = _cells(text, *lines[j], sep)
        if name_at < len(row) and is_person_name(row[name_at][0], named_here=True):  # the name column: a name
            rows.append(row)
        j += 1
    return rows, j


def _header_goes_on(text: str, s: int, e: int) -> list[Cell] | None:
    """The cells of a line that carries on a space-separated header: it opens with the bracketed unit of the cell
    above ((元), （天）) and names no person and no number."""
    line = text[s:e].strip()
    if not re.match(r"[（(][\u4e00-\u9fff]{1,4}[)）]", line) or re.search(r"\d", line):
        return None
    cells = _cells(text, s, e, " ")
    if any(is_person_name(v, named_here=True) for v, _s, _e in cells):
        return None
    return cells


def find_rosters(text: str) -> list[tuple[dict[int, str], int, list[list[Cell]]]]:
    """(column index -> field, name column index, data rows) of every roster table in the text."""
    lines = paragraph_spans(text)
    found = []
    i = 0
    while i < len(lines):
        head = header_at(text, *lines[i])
        # a name column and two known columns, or one that only a person has (身份证号, 电话): a wage sheet's
        # signature table (序号 姓名 身份证号 出工天数 应得 … 签名) is a roster too
        if head is None or head[2] is None or (len(head[3]) < 2 and not {"id_number", "phone"} & {*head[3].values()}):
            i += 1
            continue
        sep, header, name_at, mapping = head
        if sep == " " and i + 1 < len(lines) and (more := _header_goes_on(text, *lines[i + 1])):
            # a PDF's header cell wrapped onto the next line (已领生活费 / （元） 被欠工资（元） 签名): one header
            header = [*header[:-1], (header[-1][0] + more[0][0], header[-1][1], more[0][2]), *more[1:]]
            columns = _columns()
            mapping = {k: columns[_fold(v)] for k, (v, _s, _e) in enumerate(header) if _fold(v) in columns}
            i += 1
        rows, i = named_rows(text, lines, i, sep, header, name_at)
        if rows:
            found.append((mapping, name_at, rows))
    return found


def _pick(rows: list[list[tuple[str, int, int]]], name_at: int, rec: Recorder) -> list[tuple[str, int, int]] | None:
    wanted = rec.get("complainant.name")
    if len(rows) == 1 and not rec.get("collective") and (not wanted or not is_person_name(wanted)):
        return rows[0]  # a form's one row of details is the complainant's, whatever the prose guessed
    if wanted:
        return next((r for r in rows if r[name_at][0] == wanted), None)
    for representative in rec.get("representatives", []) or []:
        if row := next((r for r in rows if r[name_at][0] == representative), None):
            return row
    return rows[0] if rec.get("collective") else None


def fill_from_roster(rec: Recorder, text: str) -> None:
    """Fill the complainant's unstated items from their row of a roster table (see the module docstring)."""
    for mapping, name_at, rows in find_rosters(text):
        row = _pick(rows, name_at, rec)
        if row is None:
            continue
        name, ns, ne = row[name_at]
        # a one-row table states the complainant's items as a labelled form does: it overrides prose guesses
        only = len(rows) == 1
        rec.set("complainant.name", name, ns, ne, INLINE, overwrite=only and _guessed(rec, "complainant.name"))
        for k, field in mapping.items():
            if k >= len(row) or not row[k][0]:
                continue
            value, s, e = row[k]
            path = field if "." in field else f"complainant.{field}"
            if field == "gender":
                value = value[:1] if value[:1] in ("男", "女") else None
            elif field == "age":
                value = nm.parse_age(value if value.endswith("岁") else value + "岁")
            elif field == "phone":
                phones = nm.find_phones(value)
                value = phones[0][0] if phones else None
            elif field == "id_number":
                m = nm.ID_NUMBER.search(value)
                value = nm.valid_id_number(m.group()) if m else None
            elif field == "birth":
                if not rec.has("birth") and (m := re.search(r"((?:19|20)\d{2})\D+(\d{1,2})", value)):
                    rec.set("birth", (int(m.group(1)), int(m.group(2)), None), s, e, INLINE)
                continue
            if not rec.has(path) or (only and _guessed(rec, path)) or (
                path == "complainant.phone" and _contacts_phone(rec, text, name)
            ):
                rec.set(path, value, s, e, INLINE, overwrite=True)
        return


# 联系人：县总工会权益保障部　某某　电话：… : the number of whoever forwards or handles the letter
_CONTACT = re.compile(r"联系人|经办人|承办人|联络人")


def _contacts_phone(rec: Recorder, text: str, name: str) -> bool:
    """The phone read so far stands on a contact's line that does not name the complainant: their row's own
    number is theirs."""
    ev = rec.evidence.get("complainant.phone")
    if ev is None:
        return False
    line = text[sentence_start(text, ev.start, "\n") : sentence_end(text, ev.end, "\n")]
    return bool(_CONTACT.search(line)) and name not in line


def _guessed(rec: Recorder, path: str) -> bool:
    """A value read from prose (or none at all), which a table cell outranks."""
    ev = rec.evidence.get(path)
    return ev is None or ev.confidence < INLINE
