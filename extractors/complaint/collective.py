"""Collective complaints: signatures, the stated number of workers, elected representatives, agents.

A letter is collective when it says so (集体投诉, 联名, 全体工人), states a number of workers (我们23名工人),
elects representatives, or carries two or more signatures. complainant_count is the stated number, else
the number of distinct signatures.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from functools import cache

from extractors.complaint import numerals as nm
from extractors.complaint.body import ENUM
from extractors.complaint.evidence import INLINE, LABELLED, Recorder
from extractors.complaint.gender import kin_words
from extractors.complaint.labels import DATE_LINE, is_person_name, kw, scan_line
from extractors.complaint.parties import ROLE_TAGGED
from extractors.complaint.prose import PHONE_WORDS
from extractors.normalize import paragraph_spans
from extractors.rx import after, before

_NAMES_SPLIT = re.compile(r"[、，,和及与\s]+")
_ELECTED = re.compile(
    r"(?:推(?:举|选)(?:[，,]?\s*由)?|由)(?P<names>[\u4e00-\u9fff、，,和及与]{2,40}?)(?:[两二三四五六七八九\d]个?人)?(?:为|作为|担任|做|当)(?:我们的)?(?:投诉)?代表"
)
# A representative's own line: `代表：张某，男…` / `投诉人代表：张某 李某`.
# 代表：某某 / 工人代表：某某（电话…） 某某 / 联名代表 / 司机代表 / 联系人（工人代表）：某某 (never 法定代表人)
_REPRESENTATIVE_LINE = re.compile(
    r"^\s*(?!法定|法人)(?:[\u4e00-\u9fff]{1,4}[（(](?!法定|法人))?(?:[\u4e00-\u9fff]{1,4}?)?代表人?[)）]?\s*[:：]\s*"
    r"(?P<names>(?:[^，,。；;\n（(]|[（(][^（()）\n]{0,80}[)）]){2,240})",  # a note's commas stay in its brackets
    re.M,
)
_NOTE = re.compile(r"[（(][^（()）\n]{0,80}[)）]")  # 某某（电话138…）: the note after a name
# a signatory marked as the representative in the note after their name, on their own line of the signatures:
# 黄德新（代表，男，56岁，煮糖工）　电话：139…
_NOTED_REPRESENTATIVE = re.compile(
    r"^\s*(?:\d+[.、．]\s*)?(?P<name>[\u4e00-\u9fff·]{2,6}?)\s*[（(](?P<note>(?:[^（()）\n]{0,12}?[，,、])?"
    r"(?<!法定)(?<!法人)(?:推举|推选|联名|工人|职工)?代表(?:人)?(?:[，,、][^（()）\n]{0,40})?)[)）]",
    re.M,
)


def noted_details(rec: Recorder, text: str) -> None:
    """The first representative's sex, age and trade from the note after their signature (（代表，男，56岁，煮糖工）)
    and the phone on the same line."""
    name = rec.get("complainant.name")
    for m in _NOTED_REPRESENTATIVE.finditer(text):
        if m.group("name") != name:
            continue
        at = m.start("note")
        for part in re.finditer(r"[^，,、]+", m.group("note")):
            word, s, e = part.group().strip(), at + part.start(), at + part.end()
            if word in ("男", "女"):
                rec.set("complainant.gender", word, s, e, INLINE)
            elif age := re.fullmatch(r"(\d{1,2})\s*周?岁", word):
                rec.set("complainant.age", int(age.group(1)), s, e, INLINE)
            elif kw("occupation_suffix").search(word) and len(word) <= 10 and "代表" not in word:
                rec.set("complainant.occupation", word, s, e, INLINE)
        _one_phone_on_line(rec, text, m.end())
        return


def _one_phone_on_line(rec: Recorder, text: str, start: int, end: int | None = None) -> None:
    """The complainant's phone when the rest of the line from `start` (to `end` at most) gives exactly one."""
    line_end = text.find("\n", start)
    line_end = len(text) if line_end < 0 else line_end
    line_end = min(line_end, end) if end is not None else line_end
    phones = nm.find_phones(text[start:line_end])
    if len(phones) == 1 and not rec.has("complainant.phone"):
        value, ps, pe = phones[0]
        rec.set("complainant.phone", value, start + ps, start + pe, INLINE)


def names_in(text: str, named_here: bool = False) -> list[str]:
    """The personal names of a list (李文静、资秀梅); `named_here`: the words around the list say names stand in it
    (推选…为代表), so a rare surname (资, 禤) counts (labels.is_person_name)."""
    return [w for w in _NAMES_SPLIT.split(_NOTE.sub(" ", text)) if is_person_name(w, named_here)]


_STAFF_LINE = re.compile(r"\s*(?:接待人|记录人|经办人|受理人|登记人|审核人|承办人|代写人|代笔人)")


def _signatures(text: str) -> tuple[list[str], int, int]:
    """Names signed under a 签名/签字 label: on its line, and on the following lines of names/phones."""
    names: list[str] = []
    span = (0, 0)
    lines = paragraph_spans(text)
    for i, (s, e) in enumerate(lines):
        seg = next((g for g in scan_line(text, s, e) if g.key == "people.signatures"), None)
        if not seg:
            continue
        names += names_in(seg.value(text))
        end = e
        for s2, e2 in lines[i + 1 :]:
            line = text[s2:e2]
            if "：" in line or ":" in line or DATE_LINE.match(line) or nm.DATE.search(line):
                break
            if _STAFF_LINE.match(line):
                break  # the form's next row (接待人\t陈某、林某: the office's staff, not signatories)
            tokens = [t for t in re.split(r"[\s、，,]+", line) if t]
            if not any(is_person_name(t) for t in tokens):
                if names:
                    break
                continue
            names += [t for t in tokens if is_person_name(t)]
            end = e2
        span = (s, end)
        break
    unique = list(dict.fromkeys(names))
    return unique, span[0], span[1]


# 推举代表朴某某，女，… ；推举代表金某某，男，…: each representative named right after the words, no colon
_ELECTED_NAMED = re.compile(r"(?:推举|推选)代表(?:人)?(?P<name>[\u4e00-\u9fff·]{2,4}?)(?=[，,（(])")


def _representatives(rec: Recorder, text: str) -> None:
    labelled: list[str] = []
    first = last = None
    for s, e in paragraph_spans(text):
        for seg in scan_line(text, s, e):
            if seg.key == "people.representatives" and (names := names_in(seg.value(text))):
                # every labelled representative (推举代表：甲，…；推举代表：乙，…), each once
                labelled += [n for n in names if n not in labelled]
                first, last = seg.vstart if first is None else first, seg.vend
    if labelled and first is not None and last is not None:
        rec.set("representatives", labelled, first, last, LABELLED)
        return
    named = [m for m in _ELECTED_NAMED.finditer(text) if is_person_name(m.group("name"), named_here=True)]
    if named:
        names = list(dict.fromkeys(m.group("name") for m in named))
        rec.set("representatives", names, named[0].start("name"), named[-1].end("name"), INLINE)
        return
    if (m := _ELECTED.search(text)) and (names := names_in(m.group("names"), named_here=True)):
        rec.set("representatives", names, m.start("names"), m.end("names"), INLINE)
        return
    if listed := _listed_representatives(text):
        names, first, last = listed
        rec.set("representatives", names, first, last, INLINE)
        return
    if noted := list(_NOTED_REPRESENTATIVE.finditer(text)):
        names = [m.group("name") for m in noted if is_person_name(m.group("name"), named_here=True)]
        if names:
            rec.set("representatives", names, noted[0].start("name"), noted[-1].end("name"), INLINE)
            return
    found, first, last = [], None, None
    for m in _REPRESENTATIVE_LINE.finditer(text):
        names = names_in(m.group("names"))
        found += [n for n in names if n not in found]
        if names:
            first, last = first if first is not None else m.start("names"), m.end("names")
    if found and first is not None and last is not None:
        rec.set("representatives", found, first, last, INLINE)


# 我们推选以下两位老师作为代表，负责与各方联系： — the representatives on the lines that follow
_ELECTED_LEAD = re.compile(r"(?:推(?:举|选)|选出|委托)[^。\n]{0,20}代表[^。\n]{0,20}[：:]\s*$")
_LINE_NAME = re.compile(r"^\s*(?:\d+[.、．]\s*)?(?P<name>[\u4e00-\u9fff·]{2,6}?)(?=[（(，,：:\s]|$)")


def _listed_representatives(text: str) -> tuple[list[str], int, int] | None:
    lines = paragraph_spans(text)
    for i, (s, e) in enumerate(lines):
        if not _ELECTED_LEAD.search(text[s:e]):
            continue
        found = []
        for s2, e2 in lines[i + 1 : i + 8]:
            m = _LINE_NAME.match(text[s2:e2])
            if not m or not is_person_name(m.group("name")):
                break
            found.append((m.group("name"), s2 + m.start("name"), s2 + m.end("name")))
        if found:
            return [name for name, _s, _e in found], found[0][1], found[-1][2]
    return None


def _agents(rec: Recorder, text: str) -> None:
    agents = []
    first = last = None
    for s, e in paragraph_spans(text):
        segs = scan_line(text, s, e)
        if segs and segs[0].key == "people.agents":
            offset = segs[0].vstart
            if not text[offset:e].strip(" ：:\t"):  # 委托代理人： with the agents listed on the lines below
                e = _list_below(text, e)
        elif _ENTRUSTS_BELOW.search(text, s, e) and text[s:e].rstrip().endswith(("：", ":")):
            offset, e = e, _list_below(text, e)  # 我们委托以下三人作为我们的代理人，…：, then a line for each
        else:
            continue
        e = _more_agents_below(text, e)
        chunk_text = text[offset:e]
        for cm in re.finditer(r"[^；;。\n]+", chunk_text):
            item = cm.group().lstrip()
            item = item[m.end() :] if (m := ENUM.match(item)) else item
            if m := _agent_below(item):  # 王　磊　电话：186…, the next agent on the line below
                item = re.sub(r"\s+", "", m.group("name")) + "，" + item[m.end("name") :]
            elif (m := _NAMED_LINE.match(item)) and re.search(r"\s", m.group("name")):  # 李　敏，…协理员，电话…
                item = re.sub(r"\s+", "", m.group("name")) + item[m.end("name") :]
            parts = re.split(r"[，,\s]+", re.sub(r"[（(][^）)]*[）)]", "", item).strip())
            name = next((p for p in parts[:1] if is_person_name(p, named_here=True)), None)
            if name is None and parts and "、" not in parts[0]:  # 法律援助志愿者陈红梅 (one person described)
                name = _person_in(parts[0])
            if not name:
                continue
            phones = nm.find_phones(cm.group())
            phone = phones[0][0] if phones else None
            same = next((a for a in agents if a["name"] == name), None)
            if same:  # the same agent again (in the signature): one agent, the phone wherever stated
                same["phone"] = same["phone"] or phone
                continue
            agents.append({"name": name, "phone": phone})
            first = offset + cm.start() if first is None else first
            last = offset + cm.end()
    if agents and first is not None and last is not None:
        rec.set("agents", agents, first, last, LABELLED)


# a sentence that says the agents follow (我们委托以下三人作为我们的代理人，…：)
_ENTRUSTS_BELOW = re.compile(r"委托(?:以下|下列)[^，,。；\n]{0,8}(?:作为|为|担任)[^，,。；\n]{0,6}代理人|代理人如下")


# a line under 委托代理人：… that holds only another agent and their phone: `王　磊　电话：186…`
_AGENT_BELOW = re.compile(
    r"^\s*(?P<name>[\u4e00-\u9fff](?:[ \u3000]?[\u4e00-\u9fff]){1,3})\s*(?:[（(][^（()）\n]{0,40}[)）])?[\s，,]*"
    r"(?:联系)?(?:电话|手机)[:：]?(?P<phone>[\d\s()（）\-]{7,20})$"
)


def _agent_below(line: str) -> re.Match[str] | None:
    """`王　磊　电话：186…`: a line naming one more agent, with one phone (read by numerals.find_phones)."""
    m = _AGENT_BELOW.match(line)
    if not m or len(nm.find_phones(m.group("phone"))) != 1:
        return None
    return m if is_person_name(re.sub(r"\s+", "", m.group("name")), named_here=True) else None


def _lines_below(text: str, end: int) -> Iterator[tuple[int, int]]:
    """(start, end) of each line after the line ending at `end`, in order."""
    pos = end
    while pos < len(text) and text[pos] == "\n":
        line_end = text.find("\n", pos + 1)
        line_end = len(text) if line_end < 0 else line_end
        yield pos + 1, line_end
        pos = line_end


def _more_agents_below(text: str, end: int) -> int:
    """The end of the lines right after `end` that each name one more agent with a phone."""
    for s, e in _lines_below(text, end):  # 王　磊　电话：186…, or (2.)白海燕，某律师事务所律师，电话159…
        line = text[s:e].lstrip()
        line = line[m.end() :] if (m := ENUM.match(line)) else line
        if not _agent_below(line) and not _named_line(line):
            break
        end = e
    return end


def _list_below(text: str, end: int) -> int:
    """The end of the numbered items (1．某某…, （二）某某…) on the lines right after `end`, or of the lines that
    each open with a person's name and give a phone (　　顾某某，某律师事务所律师，电话…)."""
    pos = end
    while pos < len(text) and text[pos] == "\n":
        line_end = text.find("\n", pos + 1)
        line_end = len(text) if line_end < 0 else line_end
        line = text[pos + 1 : line_end]
        if not ENUM.match(line.lstrip()) and not _named_line(line):
            break
        pos = line_end
    return pos


# a line that opens with a person's name (a two-character one may be spaced: 李　敏), then a comma or bracket
_NAMED_LINE = re.compile(r"^\s*(?P<name>[\u4e00-\u9fff](?:[ \u3000]?[\u4e00-\u9fff]){1,3}?)\s*[，,（(]")


def _named_line(line: str) -> bool:
    m = _NAMED_LINE.match(line)
    return bool(m and is_person_name(re.sub(r"\s+", "", m.group("name")), named_here=True) and nm.find_phones(line))


# 委托以下四人为委托代理人：, then a table of them (姓名 | 身份 | 联系电话)
_ENTRUSTED_TABLE = re.compile(
    r"委托以下[\d一二两三四五六七八九十]+\s*(?:人|位|名)(?:为|作为|担任)(?:我们的?)?(?:委托)?代理人[^\n]*\n"
)


def _agents_table(rec: Recorder, text: str) -> None:
    """The agents a sentence entrusts as the table below it, read as a roster is (roster.header_at)."""
    from extractors.complaint.roster import header_at, named_rows

    m = _ENTRUSTED_TABLE.search(text)
    if not m:
        return
    lines = paragraph_spans(text)
    i = next((k for k, (s, _e) in enumerate(lines) if s >= m.end()), None)
    head = header_at(text, *lines[i]) if i is not None else None
    if head is None or head[2] is None:
        return
    sep, header, name_at, mapping = head
    rows, _ = named_rows(text, lines, i, sep, header, name_at)
    phone_at = next((k for k, field in mapping.items() if field == "phone"), None)
    agents = []
    for row in rows:
        phones = nm.find_phones(row[phone_at][0]) if phone_at is not None and phone_at < len(row) else []
        agents.append({"name": row[name_at][0], "phone": phones[0][0] if phones else None})
    if agents:
        rec.set("agents", agents, m.start(), rows[-1][-1][2], LABELLED)


# 委托张某(电话138…)、李某(某所律师，电话…)三人为委托代理人 / 委托何某的儿子蒋某(电话…)…代表我们和有关部门联系:
# the persons a sentence entrusts, listed between 委托 and what they are entrusted as or to do.
_ENTRUST = re.compile(
    r"委托(?:了)?(?P<names>[^。！？；;\n]{2,240}?)"
    r"(?:[两二三四五六七八九\d]\s*个?\s*(?:人|位|名))?"
    r"(?:(?:为|作为|担任|当|做)(?:我们|我|本人|大家)?的?(?:全权|特别授权)?(?:委托)?代理人|代表我们|代我们|代为|帮我们|替我们)"
)
_BRACKET = re.compile(r"[（(][^（()）\n]{0,80}[)）]")
_LIST_SPLIT = re.compile(r"[、，,]")
# 电话分别是138…、0797-…、189…: the phones listed after it, in the order of the names
_PHONES_IN_ORDER = re.compile(r"(?:电话|手机|联系方式)[^。\n\d]{0,12}?分别(?:是|为)[:：]?(?P<list>[^。；;\n]+)")


_TITLE = re.compile(r"(?:律师|同志|先生|女士|老师|师傅)$")


@cache
def _kin_of() -> re.Pattern[str]:
    """的 + how one person is related to another: the kinship words of gender_cues.yaml, in-laws and friends."""
    others = r"女婿|儿媳妇?|侄[子女]|外甥女?|孙[子女]|[表堂][哥弟姐妹]|姐夫|妹夫|朋友|同学|老乡|亲戚"
    return re.compile(rf"的(?:{others}|{kin_words()})")


def _person_in(word: str, named_here: bool = False) -> str | None:
    """The person at the end of a description: 雷州市法律援助处冯启明律师 -> 冯启明, 法律援助志愿者陈红梅 -> 陈红梅."""
    word = _TITLE.sub("", word)
    if named_here and is_person_name(word, named_here=True):
        return word
    # 才让多杰的儿子多杰才旦 / 祁永明的女婿杨帆: the person after the kinship that describes them
    if (kin := _kin_of().search(word)) and is_person_name(rest := word[kin.end() :], named_here=True):
        return rest
    return next((word[-n:] for n in (3, 2, 4) if len(word) >= n and is_person_name(word[-n:])), None)


def _entrusted_names(text: str, start: int, end: int) -> list[tuple[str, int, int]]:
    """(name, start, end) of each person listed in text[start:end]: notes in brackets dropped, a description
    before a name kept out (何某的儿子蒋某 -> 蒋某)."""
    found: list[tuple[str, int, int]] = []
    chunk = _BRACKET.sub(lambda m: " " * len(m.group()), text[start:end])
    pos = 0
    for part in [p for piece in _LIST_SPLIT.split(chunk) for p in _split_conjoined(piece)]:
        at = chunk.find(part, pos)
        pos = at + len(part)
        word = re.sub(r"\s+", "", part)
        if not word:
            continue
        name = _person_in(word, named_here=len(word) <= 4)
        if name and all(n != name for n, _s, _e in found):
            name_at = start + at + part.rfind(name[0])
            found.append((name, name_at, start + at + len(part.rstrip())))
    return found


def _split_conjoined(piece: str) -> list[str]:
    """`老乡谭某和柏某` -> two persons, split at 以及/和/及/与 only where both sides read as a person (张和平 stays)."""
    word = re.sub(r"\s+", "", piece)
    if not word or is_person_name(word):
        return [piece]
    for m in re.finditer(r"以及|和|及|与", piece):
        left, right = piece[: m.start()], piece[m.end() :]
        if _person_in(re.sub(r"\s+", "", left)) and _person_in(re.sub(r"\s+", "", right)):
            return [left, right]
    return [piece]


def _phones_for(text: str, names: list[tuple[str, int, int]], start: int, end: int) -> list[str | None]:
    """Each entrusted person's phone: in the note right after their name, else a list of phones `分别是` in
    the same order, else the phone written right after their name later in the paragraph."""
    phones: list[str | None] = []
    for i, (_name, _s, name_end) in enumerate(names):
        stop = names[i + 1][1] if i + 1 < len(names) else end
        found = nm.find_phones(text[name_end:stop])
        phones.append(found[0][0] if found else None)
    if all(phones):
        return phones
    para_end = text.find("\n", end)
    para_end = len(text) if para_end < 0 else para_end
    tail = text[end:para_end]
    if (m := _PHONES_IN_ORDER.search(tail)) and len(listed := nm.find_phones(m.group("list"))) == len(names):
        return [p or v for p, (v, _a, _b) in zip(phones, listed, strict=True)]
    for i, (name, _s, _e) in enumerate(names):
        # 三位代理人的电话：刘某138…，谢某182…: the phone written right after the name
        if phones[i] is None and (hit := next(after(tail, name, r"\s*(?:电话|手机)?[:：]?\s*(?=\d)"), None)):
            m = hit[1]
            after_name = nm.find_phones(tail[m.end() : m.end() + 20])
            phones[i] = after_name[0][0] if after_name and after_name[0][1] == 0 else None
    return phones


def _entrusted(rec: Recorder, text: str) -> None:
    """Agents named in a sentence that entrusts them (委托A、B、C三人为委托代理人), each with their phone."""
    for sm in _ENTRUST.finditer(text):
        names = _entrusted_names(text, sm.start("names"), sm.end("names"))
        if not names:
            continue
        phones = _phones_for(text, names, sm.start("names"), sm.end())
        agents = [{"name": n, "phone": p} for (n, _s, _e), p in zip(names, phones, strict=True)]
        rec.set("agents", agents, sm.start(), sm.end(), INLINE)
        return


# 同时委托以下三人为委托代理人：马某，电话…；高某，电话… / 特委托下列三位代为办理…：(1. 周某… on the lines below)
_ENTRUST_LIST = re.compile(
    r"委托(?:了)?(?:以下|下列|如下)[^。！？：:\n]{0,40}?[：:]"
    r"|委托(?:为|作为|担任)(?:我们的?|大家的?)?(?:委托)?代理人[：:]"  # 又请了三个人…，委托为代理人：甲（…）、乙（…）
)
_ITEM_NAME = re.compile(r"\s*(?P<name>[\u4e00-\u9fff·]{2,20}?)(?=[，,（(：:\s。]|电话|手机|$)")


def _listed_items(text: str, end: int) -> list[tuple[int, int]]:
    """The items after an entrusting colon: the rest of its paragraph split at ；, else the numbered lines
    right below it."""
    para_end = text.find("\n", end)
    para_end = len(text) if para_end < 0 else para_end
    if text[end:para_end].strip():
        items, pos = [], end
        for piece in re.split(r"[；;]|(?<=[)）])[、，,]", text[end:para_end]):  # 甲（电话…）、乙（…）， too
            items.append((pos, pos + len(piece)))
            pos += len(piece) + 1
        return items
    items = []
    for s, e in _lines_below(text, para_end):
        line = text[s:e]
        if not (m := ENUM.match(line.lstrip())):
            break
        items.append((s + len(line) - len(line.lstrip()) + m.end(), e))
    return items


def _entrusted_list(rec: Recorder, text: str) -> None:
    """Agents listed after a sentence that entrusts "the following" persons, each item a name and its phone."""
    for sm in _ENTRUST_LIST.finditer(text):
        agents, last = [], sm.end()
        for s, e in _listed_items(text, sm.end()):
            m = _ITEM_NAME.match(text, s, e)
            name = _person_in(m.group("name"), named_here=True) if m else None
            if name is None:
                continue
            phones = nm.find_phones(text[s:e])
            agents.append({"name": name, "phone": phones[0][0] if phones else None})
            last = e
        if agents:
            rec.set("agents", agents, sm.start(), last, INLINE)
            return


_OWN_PHONE = re.compile(
    r"(?:我的|本人|代写人的?|代笔人的?|联系人的?)(?:联系)?(?:电话|手机号?码?|号码)[^，。；\n\d]{0,4}$"
)


_PHONE_LINE = re.compile(rf"^\s*{PHONE_WORDS}[\d\-\s]{{7,20}}\s*$")  # 联系电话：138…, nothing else


def agent_phones(rec: Recorder, text: str, writer_is_agent: bool) -> None:
    """An agent whose line gave no phone: the phone beside their name elsewhere (代写人邱志伟，电话…), or, when
    the agent writes the letter for a relative, the phone the writer gives as their own (我的电话…)."""
    agents = rec.get("agents") or []
    if not agents or all(a.get("phone") for a in agents):
        return
    phones = nm.find_phones(text)
    changed = False
    for agent in agents:
        if agent.get("phone"):
            continue
        for value, s, e in phones:
            line_start = text.rfind("\n", 0, s) + 1
            line_end = text.find("\n", e)
            line = text[line_start : line_end if line_end >= 0 else len(text)]
            own = writer_is_agent and len(agents) == 1 and _OWN_PHONE.search(text[max(line_start, s - 12) : s])
            # 代写人：某某（某某之子） / 联系电话：…: a bare phone line right under the agent's own line
            above = text[text.rfind("\n", 0, line_start - 1) + 1 : line_start - 1] if line_start else ""
            under = agent["name"] in above and not nm.find_phones(above) and _PHONE_LINE.match(line)
            # 联系电话：138…（投诉人）；139…（代理人）: the part tagged as the agent's, with one agent
            tagged = len(agents) == 1 and any(
                "代理人" in m.group("role") and m.start() <= s - line_start < m.end()
                for m in ROLE_TAGGED.finditer(line)
            )
            if (agent["name"] in line and len(nm.find_phones(line)) == 1) or own or under or tagged:
                agent["phone"] = value
                changed = True
                if under and rec.get("complainant.phone") == value:
                    rec.forget("complainant.phone")  # the writer's number, not the worker's
                break
    if changed:
        ev = rec.evidence["agents"]
        rec.set("agents", agents, ev.start, ev.end, ev.confidence, overwrite=True)


# 七八个人 / 三四个工友: "seven or eight", a number told in the story, never how many complain
_APPROXIMATE = re.compile(r"一二|二三|两三|三四|四五|五六|六七|七八|八九")


# 一起去的还有四个人，也没拿到钱: others in the same plight, not the ones complaining
_OTHERS_TOO = re.compile(r"(?:还有|另外还有|另有|其他还有)(?:[一二三四五六七八九十两\d]+个?)?[^，,。；\n]{0,2}$")
# 停止向全体工人发放工资 / 通告「全体员工劳动合同予以解除」: all the staff as the employer's object, not the writers
_OBJECT_BEFORE = re.compile(r"(?:向|给|对|把|将|让|通知|宣布|要求)[^，,。；\n]{0,10}$")


def _complainants(text: str, m: re.Match[str]) -> bool:
    """A 全体工人 / 联名 that names the ones complaining: not the employer's object, not inside a quotation."""
    quoted = sum(text.count(q, 0, m.start()) for q in "「“") > sum(text.count(q, 0, m.start()) for q in "」”")
    return not quoted and not _OBJECT_BEFORE.search(text, max(0, m.start() - 12), m.start())


def extract_collective(rec: Recorder, text: str) -> None:
    _representatives(rec, text)
    _agents(rec, text)
    if not rec.has("agents"):
        _entrusted(rec, text)
    if not rec.has("agents"):
        _entrusted_list(rec, text)
    if not rec.has("agents"):
        _agents_table(rec, text)
    signed, ss, se = _signatures(text)
    counts = (
        m for m in kw("count").finditer(text)
        if not _APPROXIMATE.fullmatch(m.group("n") or m.group("n2")) and not _OTHERS_TOO.search(text, 0, m.start())
    )
    stated = next(counts, None)
    count = nm.cn_int(stated.group("n") or stated.group("n2")) if stated else None
    said = next((m for m in kw("collective").finditer(text) if _complainants(text, m)), None)
    collective = bool(said or (count and count >= 2) or rec.has("representatives") or len(signed) >= 2)
    if not collective:
        if len(signed) == 1 and not rec.has("complainant.name"):
            _first_signer(rec, text, signed[0], ss, se)  # 写信人：某某（手印）: the one who signed wrote it
        return
    ev = said or stated
    rec.set("collective", True, ev.start() if ev else ss, ev.end() if ev else se, INLINE)
    if count and count >= 2:
        rec.set("complainant_count", count, stated.start(), stated.end(), INLINE)
    elif len(signed) >= 2:
        rec.set("complainant_count", len(signed), ss, se, INLINE)
    _first_representative(rec, text)
    noted_details(rec, text)
    if signed and not rec.has("complainant.name") and not rec.has("representatives"):
        _first_signer(rec, text, signed[0], ss, se)


def _first_representative(rec: Recorder, text: str) -> None:
    """A collective complaint's complainant items are those of its first elected representative (the
    procedure's 推举代表): when no one else is named as the complainant, the first representative is."""
    names, ev = rec.get("representatives"), rec.evidence.get("representatives")
    if not names or ev is None:
        return
    if not rec.has("complainant.name") and (at := text.find(names[0], ev.start)) >= 0:
        rec.set("complainant.name", names[0], at, at + len(names[0]), ev.confidence)
    if rec.get("complainant.name") == names[0] and not rec.has("complainant.phone"):
        _phone_on_own_line(rec, text, names[0], names[1:])
    if rec.get("complainant.name") == names[0] and not rec.has("complainant.phone"):
        _phone_in_table_row(rec, text, names[0])


def _phone_in_table_row(rec: Recorder, text: str, name: str) -> None:
    """The representative's phone in their row of the signature table (|1|某某|…|135…|某某（手印）|)."""
    for s, e in paragraph_spans(text):
        row = text[s:e]
        if "\t" not in row or name not in row.split("\t"):
            continue
        phones = nm.find_phones(row)
        if len(phones) == 1:
            value, ps, pe = phones[0]
            rec.set("complainant.phone", value, s + ps, s + pe, INLINE)
            return


def _phone_on_own_line(rec: Recorder, text: str, name: str, others: list[str]) -> None:
    """The representative's phone where their own signed line gives one (代表：某某　电话…), no one else named
    between (not 某某之子，电话…, someone else's number)."""
    for _m, at in before(text, name, r"(?<=代表)(?:人)?[:：]?\s*", window=8):
        end = at + len(name)
        line_end = text.find("\n", end)
        rest = text[end : line_end if line_end >= 0 else len(text)][:30]
        phones = nm.find_phones(rest)
        if len(phones) != 1 or any(o and o in rest[: phones[0][1]] for o in others):
            continue
        value, s, e = phones[0]
        rec.set("complainant.phone", value, end + s, end + e, INLINE)
        return


def _first_signer(rec: Recorder, text: str, name: str, start: int, end: int) -> None:
    """A group letter that elects no one: its first signer stands for the group (the complainant), with the
    ID number and phone their own signature line gives (某某  身份证…  电话…)."""
    at = text.find(name, start, end)
    if at < 0:
        return
    rec.set("complainant.name", name, at, at + len(name), INLINE)
    line_end = text.find("\n", at)
    line_end = end if line_end < 0 else min(line_end, end)
    line = text[at:line_end]
    if (m := nm.ID_NUMBER.search(line)) and (number := nm.valid_id_number(m.group())) and not rec.has(
        "complainant.id_number"
    ):
        rec.set("complainant.id_number", number, at + m.start(), at + m.end(), INLINE)
    _one_phone_on_line(rec, text, at, end)
