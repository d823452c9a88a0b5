"""A letter written for a relative: the worker is the relative the writer names by kinship, not the writer.

A daughter writes for her father, a wife for her injured husband, a mother for her under-age son. The writer
names themself (我叫某某, 联系人：某某（妻子）, 代写人：某某) and names the worker by kinship (我爸叫某某, 我丈夫某某).
The complainant is the worker whose wages are owed; the writer is their agent, and the phone the writer gives
as their own (我的电话…, the number on the writer's line) is the agent's: the worker's own phone is then not
stated. Rules, because the shapes are exact: a kinship word after 我/俺 and a name, and the writer's own name
after 我叫/本人 or on a contact line.
"""

from __future__ import annotations

import re

from extractors.complaint import numerals as nm
from extractors.complaint.evidence import PROSE, Recorder
from extractors.complaint.gender import _FOR_RELATIVE, _kin
from extractors.complaint.labels import DOTTED_NAME, is_person_name, kw

# the relative's work or pay told in the writer's words: 我爸在某工地干活 / 拖欠我父亲的工资 / 我丈夫受伤后
_WORK = r"工资|工钱|打工|干活|上班|务工|被拖欠|受伤|工地|厂里|做工"
# the writer on a line of their own: 联系人：某某（女儿） / 代写人：某某 / 某某（某某之妻）
_WRITER_WORDS = "联系人|代笔人|代写人|代书人|写信人|反映人|来信人"
_WRITER_LINE = re.compile(rf"(?:{_WRITER_WORDS})[:：]?\s*$")
_WRITER_LABEL = re.compile(rf"\s*(?:{_WRITER_WORDS})[:：]")
_WRITER_SELF = re.compile(r"(?:我叫|我是|本人|俺叫|我名叫|[，,]叫)\s*$")
_WRITER_AFTER = re.compile(r"^\s*[（(][^）)]{0,12}(?:之妻|之女|之子|之夫|之母|之父|女儿|儿子|妻子|丈夫|母亲|父亲)")
_OWN_PHONE = re.compile(r"(?:我的?|本人)(?:联系)?(?:电话|手机)(?:号码|号)?(?:是|为)?[:：]?\s*$")
_FOR_THEM = re.compile(r"替(?:他|她)(?:写|反映|投诉)|(?:他|她)(?:委托|让|叫)我(?:写|反映|投诉)")
_NOT_LAST = "在是从于被的今和与跟也都就说"  # 王明在…: a word after a two-character name, not its third character
_BOUNDARY = "，,。；;（(、 \n今是在从于被的受"
# the writer's own items (the family's home, which they share, stays the worker's address)
_WRITER_ITEMS = ("complainant.gender", "complainant.age", "complainant.id_number")


def _kin_words() -> str:
    return "|".join(_kin().values())


def written_for(text: str) -> bool:
    """The writer says they write for a relative, or tells a relative's work or pay at least twice."""
    kin = _kin_words()
    if _FOR_RELATIVE.search(text) or kw("written_for").search(text) or _FOR_THEM.search(text):
        return True
    if re.search(rf"我是[\u4e00-\u9fff·]{{2,8}}的(?:{kin})", text):  # 我是某某的妻子
        return True
    told = re.findall(rf"(?:我|俺)的?(?:{kin})[^。！？\n，,]{{0,12}}?(?:{_WORK})|拖欠(?:我|俺)的?(?:{kin})", text)
    return len(told) >= 2


def relative_named(text: str) -> tuple[str, int, int] | None:
    """The first relative named by kinship: 我爸叫某某 / 我丈夫某某 / 俺爹某某，(name, start, end)."""
    kin = _kin_words()
    pattern = re.compile(
        rf"(?:我|俺)的?(?:{kin})(?:叫做|名叫|叫|是)?\s*(?P<name>{DOTTED_NAME.pattern}|[\u4e00-\u9fff]{{2,4}})"
    )
    for m in pattern.finditer(text):
        word, at = m.group("name"), m.start("name")
        if DOTTED_NAME.fullmatch(word):
            return word, at, at + len(word)
        for n in (4, 3, 2):
            name, following = word[:n], text[at + n : at + n + 1]
            if len(name) < n or not is_person_name(name) or name[-1] in _NOT_LAST:
                continue
            if n > 2 or not following or following in _BOUNDARY:  # a two-character name must end there
                return name, at, at + n
    return None


def _writer_named(text: str, worker: str) -> tuple[str, int, int] | None:
    """The writer's own name: after 我叫/我是/本人/，叫 or on a writer's line (代写人：某某)."""
    pattern = re.compile(
        rf"(?:我叫|我名叫|俺叫|本人|[，,]叫|(?:{_WRITER_WORDS})[:：]\s*)(?P<name>{DOTTED_NAME.pattern}|[\u4e00-\u9fff]{{2,4}})"
    )
    for m in pattern.finditer(text):
        word, at = m.group("name"), m.start("name")
        for n in (len(word),) if DOTTED_NAME.fullmatch(word) else (4, 3, 2):
            name, following = word[:n], text[at + n : at + n + 1]
            if name != worker and (DOTTED_NAME.fullmatch(name) or is_person_name(name)) and name[-1] not in _NOT_LAST \
                    and (n > 2 or not following or following in _BOUNDARY):
                return name, at, at + n
    return None


def _is_writer(text: str, name: str) -> bool:
    for m in re.finditer(re.escape(name), text):
        line_start = text.rfind("\n", 0, m.start()) + 1
        before = text[line_start : m.start()]
        if _WRITER_LINE.search(before) or _WRITER_SELF.search(before[-6:]) or _WRITER_AFTER.match(text, m.end()):
            return True
    return False


def _forget(rec: Recorder, path: str) -> None:
    rec.values.pop(path, None)
    rec.evidence.pop(path, None)
    rec.answered_none.discard(path)


def relative_worker(rec: Recorder, text: str) -> None:
    """In a letter written for a relative, the relative named by kinship is the complainant and the writer,
    who gave their own name and phone, their agent."""
    if not written_for(text) or not (found := relative_named(text)):
        return
    worker, ws, we = found
    named = rec.get("complainant.name")
    if named is not None and named != worker and not _is_writer(text, named):
        return
    writer = named if named != worker else None
    phone, pev = rec.get("complainant.phone"), rec.evidence.get("complainant.phone")
    writers_phone = None
    if phone and pev is not None:
        line_start = text.rfind("\n", 0, pev.start) + 1
        line = text[line_start : pev.start]
        prev = text[text.rfind("\n", 0, max(0, line_start - 1)) + 1 : max(0, line_start - 1)]  # the line before
        if (_OWN_PHONE.search(text[max(0, pev.start - 14) : pev.start]) or (writer and writer in line)
                or (_WRITER_LABEL.match(prev) and re.match(r"\s*(?:联系)?(?:电话|手机)", line))):
            writers_phone = phone
    wev = rec.evidence.get("complainant.name")
    if writer is None and (found_writer := _writer_named(text, worker)):  # 我叫某某 / 代写人：某某
        writer, ws0, we0 = found_writer
        wev = None
        writer_span = (ws0, we0)
    else:
        writer_span = (wev.start, wev.end) if (writer and wev is not None) else None
    if writer is not None and wev is not None:
        # what the writer said of themself in their own sentence (gender, age, address, ID) is not the worker's
        end = min((i for i in (text.find(ch, wev.start) for ch in "。！？\n") if i >= 0), default=len(text))
        for path in _WRITER_ITEMS:
            ev = rec.evidence.get(path)
            if ev is not None and wev.start <= ev.start < end:
                _forget(rec, path)
    if writers_phone:
        _forget(rec, "complainant.phone")
    if not rec.has("complainant.phone"):
        kin = _kin_words()
        own = re.compile(rf"(?:我|俺)的?(?:{kin})的?(?:联系)?(?:电话|手机)(?:号码|号)?(?:是|为)?[:：]?\s*")
        for m in own.finditer(text):  # 我妈的电话是…: the worker's own phone
            if phones := nm.find_phones(text[m.end() : m.end() + 20]):
                value, ps, pe = phones[0]
                rec.set("complainant.phone", value, m.end() + ps, m.end() + pe, PROSE)
                break
    if named != worker:
        rec.set("complainant.name", worker, ws, we, PROSE, overwrite=True)
    agents = rec.get("agents") or []
    if writer and writer_span and not any(a.get("name") == writer for a in agents):
        agents = [*agents, {"name": writer, "phone": writers_phone}]
        rec.set("agents", agents, *writer_span, PROSE, overwrite=True)
    elif writers_phone:  # the agent already listed (代写人：某某) gets the writer's phone
        for a in agents:
            if (writer is None or a.get("name") == writer) and not a.get("phone"):
                a["phone"] = writers_phone
                break
