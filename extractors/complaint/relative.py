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
from extractors.complaint.gender import FOR_ONE, FOR_RELATIVE, kin_words
from extractors.complaint.labels import DOTTED_NAME, is_person_name, kw
from extractors.complaint.prose import PHONE_WORDS
from extractors.normalize import sentence_end, sentence_start
from extractors.rx import after, find_all, rx
from extractors.tokenize import spans_word

# the relative's work or pay told in the writer's words: 我爸在某工地干活 / 拖欠我父亲的工资 / 我丈夫受伤后
_WORK = r"工资|工钱|打工|干活|上班|务工|被拖欠|受伤|工地|厂里|做工"
# the writer on a line of their own: 联系人：某某（女儿） / 代写人：某某 / 某某（某某之妻）
_WRITER_WORDS = "联系人|代笔人|代写人|代书人|写信人|反映人|来信人"
_WRITER_LINE = re.compile(rf"(?:{_WRITER_WORDS})[:：]?\s*$")
_WRITER_LABEL = re.compile(rf"\s*(?:{_WRITER_WORDS})[:：]")
_WRITER_SELF = re.compile(r"(?:我叫|我是|本人|俺叫|我名叫|[，,]叫)\s*$")
_WRITER_FROM = re.compile(r"(?:我|俺)是[^，,。！？\n]{2,20}的$")
_WRITER_AFTER = re.compile(r"^\s*[（(][^）)]{0,12}(?:之妻|之女|之子|之夫|之母|之父|女儿|儿子|妻子|丈夫|母亲|父亲)")
_WRITER_NAMED = re.compile(
    rf"(?:我叫|我名叫|俺叫|本人|[，,]叫|(?:{_WRITER_WORDS})[:：]\s*)(?P<name>{DOTTED_NAME.pattern}|[\u4e00-\u9fff]{{2,4}})"
)
_OWN_PHONE = re.compile(rf"(?:我的?|本人){PHONE_WORDS}$")
# kinship words that do not tell a gender (我爱人 is a wife's husband or a husband's wife)
_ANY_KIN = "爱人|老伴儿?"
# how a writer calls a neighbour or workmate they write for: 梁秀英大姐 / 马占林老哥
_HONORIFIC = "大姐|大哥|老哥|大叔|大婶|大爷|大妈|大娘|阿姨|师傅|老人家"
_NOT_LAST = "在是从于被的今和与跟也都就说"  # 王明在…: a word after a two-character name, not its third character
_BOUNDARY = "，,。；;（(、 \n今是在从于被的受"
# the writer's own items (the family's home, which they share, stays the worker's address)
_WRITER_ITEMS = (
    "complainant.gender", "complainant.age", "complainant.id_number", "complainant.occupation", "complainant.employer",
)


def written_for(text: str) -> bool:
    """The writer says they write for a relative, or tells a relative's work or pay at least twice."""
    kin = kin_words()
    if FOR_RELATIVE.search(text) or kw("written_for").search(text) or FOR_ONE.search(text):
        return True
    # 替俺叔孟某写这封信 / 帮我舅舅反映: any kinship word, the writing said
    if rx(rf"(?:替|代|帮)(?:我|俺)的?(?:{kin})[\u4e00-\u9fff·]{{0,4}}(?:写|反映|投诉)").search(text):
        return True
    # 我是某某的妻子 / 我叫某某，是某某的妻子
    # (not 我叫某某，是俩孩子的妈: the mother of two speaks of herself; 我是孩子的妈妈 writes for that child)
    whose = rx(rf"(?:我|我[叫是][\u4e00-\u9fff·]{{2,4}}[，,])是(?P<n>[\u4e00-\u9fff·]{{2,8}})的(?:{kin})")
    if any(not re.match(r"[俩仨两三四五一几]", m.group("n")) for m in whose.finditer(text)):
        return True
    told = rx(rf"(?:我|俺)的?(?:{kin})[^。！？\n，,]{{0,12}}?(?:{_WORK})|拖欠(?:我|俺)的?(?:{kin})").findall(text)
    if len(told) >= 2:
        return True
    # 父亲【潘先九】像往常一样和工友们上山砍树…砸中了我的父亲: the relative named apart, whose story it is
    return bool(rx(rf"(?:我|俺)的?(?:{kin})").search(text)) and bool(
        rx(rf"(?:{kin})[【〔\[「][\u4e00-\u9fff·]{{2,5}}[】〕\]」]").search(text)
    )


def _name_at(text: str, m: re.Match[str], other: str | None = None) -> tuple[str, int, int] | None:
    """The person's name in the match's `name` group: a dotted name whole, else the longest known-surname name
    of 4, 3 or 2 characters that does not end in a function word (a two-character one must end there)."""
    word, at = m.group("name"), m.start("name")
    lengths = (len(word),) if DOTTED_NAME.fullmatch(word) else (4, 3, 2)
    for n in lengths:
        name, following = word[:n], text[at + n : at + n + 1]
        # (a name set off by a comma may have a surname no list holds: 我丈夫应国平，男)
        delimited = following in ("，", ",", "、", "（", "(") and is_person_name(name, named_here=True)
        if len(name) < n or name == other or not (is_person_name(name) or delimited) or name[-1] in _NOT_LAST:
            continue
        if following and spans_word(name, text[at + n : at + n + 3]):
            continue  # 我丈夫申报工伤: a word runs on past it (工伤), no name ends there
        if n > 2 or not following or following in _BOUNDARY:
            return name, at, at + n
    return None


def _humble_kin() -> str:
    """The kinship words (gender_cues.yaml `kin`) of the humble written form, which say "my" themselves and need
    no 我: 舍弟, 家父."""
    return "|".join(re.findall(r"(?<=\(\?:)[舍家][\u4e00-\u9fff](?=\))", kin_words()))


def relative_named(text: str) -> tuple[str, int, int] | None:
    """The first relative named by kinship: 我是某某的妻子 / 我爸叫某某 / 我丈夫某某 / 俺爹某某，(name, start, end)."""
    whose = re.compile(  # 我是刘振江的妻子孙海燕: the writer says whose relative they are
        rf"(?:我|俺)(?:[叫是][\u4e00-\u9fff·]{{2,6}}[，,])?是(?P<name>{DOTTED_NAME.pattern}|[\u4e00-\u9fff]{{2,4}}?)的"
        rf"(?:{kin_words()}|{_ANY_KIN})"
    )
    for m in whose.finditer(text):
        if is_person_name(m.group("name"), named_here=True):  # (delimited: 是…的; Mongolian names have no surname)
            return m.group("name"), m.start("name"), m.end("name")
    pattern = re.compile(  # (舍弟某某 / 家父某某: the humble forms say "my" themselves; never across a line)
        rf"(?:(?:我|俺)的?(?:{kin_words()}|{_ANY_KIN})|{_humble_kin()})(?:叫做|名叫|叫|是)?[ \t]*"
        rf"(?P<name>{DOTTED_NAME.pattern}|[\u4e00-\u9fff]{{2,4}})"
    )
    if found := next((found for m in pattern.finditer(text) if (found := _name_at(text, m))), None):
        return found
    # 父亲【潘先九】像往常一样… (a name set in brackets after the kinship word: a web post marks it so) /
    # 我的父亲，汪洋，他是一名民工 (set off by commas)
    for delimited in (
        rf"(?:{kin_words()})[【〔\[「](?P<name>{DOTTED_NAME.pattern}|[\u4e00-\u9fff]{{2,4}})[】〕\]」]",
        rf"(?:我|俺)的?(?:{kin_words()})[，,]"
        rf"(?P<name>{DOTTED_NAME.pattern}|[\u4e00-\u9fff]{{2,3}})(?=[，,])",
    ):
        for m in re.finditer(delimited, text):
            if is_person_name(m.group("name"), named_here=True):
                return m.group("name"), m.start("name"), m.end("name")
    return _one_written_for(text)


# the person written for, not by kinship: 他叫马占林 / 和梁秀英大姐是工友 / 替工友张某反映
_THIRD = (
    re.compile(rf"(?:他|她)(?:叫做|名叫|叫)(?P<name>{DOTTED_NAME.pattern}|[\u4e00-\u9fff]{{2,4}})"),
    re.compile(rf"(?P<name>[\u4e00-\u9fff]{{2,3}})(?={_HONORIFIC})"),
    re.compile(r"(?:替|帮|代|为)(?:我们?的?)?(?:工友|同事|邻居|老乡|朋友)(?P<name>[\u4e00-\u9fff]{2,4})"),
)


def _one_written_for(text: str) -> tuple[str, int, int] | None:
    """A neighbour or workmate the writer writes for (他托我替他写这封信): the first person named as 他叫某某,
    with an honorific (某某大姐) or after 替工友; only when the writer says they write for one person."""
    if not FOR_ONE.search(text):
        return None
    hits = []
    for pattern in _THIRD:
        for m in pattern.finditer(text):
            if found := _name_at(text, m):
                hits.append(found)
                break
    return min(hits, key=lambda h: h[1], default=None)


def _writer_named(text: str, worker: str) -> tuple[str, int, int] | None:
    """The writer's own name: after 我叫/我是/本人/，叫 or on a writer's line (代写人：某某)."""
    return next((found for m in _WRITER_NAMED.finditer(text) if (found := _name_at(text, m, worker))), None)


def _is_writer(text: str, name: str, worker: str | None = None) -> bool:
    for at in find_all(text, name):
        before = text[text.rfind("\n", 0, at) + 1 : at]
        if (
            _WRITER_LINE.search(before)
            or _WRITER_SELF.search(before[-6:])
            or _WRITER_FROM.search(before)  # 俺是某镇某村的孟某
            or _WRITER_AFTER.match(text, at + len(name))
        ):
            return True
    # the name signed under a letter that tells the relative's work (我儿子叫某某…在厂里打工…): the writer's
    return worker is not None and _signed(text, name) and _work_told_of(text, worker)


_SIGNED_TAIL = re.compile(r"(?:[（(][^）)]{0,8}[)）])?")  # 某某（儿子）


def _signed(text: str, name: str) -> bool:
    """The name alone on a line near the letter's end (its signature)."""
    lines = [line.strip() for line in text.strip().split("\n")[-4:]]
    return any(line.startswith(name) and _SIGNED_TAIL.fullmatch(line, len(name)) for line in lines)


def _work_told_of(text: str, worker: str) -> bool:
    """The worker's work or pay told in the sentence that names them, or in the next."""
    at = text.find(worker)
    if at < 0:
        return False
    end = sentence_end(text, sentence_end(text, at, "。！？\n") + 1, "。！？\n")
    return re.search(_WORK, text[at:end]) is not None


def _writers_phone(rec: Recorder, text: str, writer: str | None) -> str | None:
    """The recorded phone when it is the writer's: after 我的电话, on the writer's line, or on the line under
    a writer's label (代写人：某某 / 联系电话：…)."""
    phone, ev = rec.get("complainant.phone"), rec.evidence.get("complainant.phone")
    if not phone or ev is None:
        return None
    line_start = text.rfind("\n", 0, ev.start) + 1
    line = text[line_start : ev.start]
    prev = text[text.rfind("\n", 0, max(0, line_start - 1)) + 1 : max(0, line_start - 1)]  # the line before
    own = _OWN_PHONE.search(text[max(0, ev.start - 14) : ev.start])
    under_label = _WRITER_LABEL.match(prev) and re.match(r"\s*(?:联系)?(?:电话|手机)", line)
    return phone if own or (writer and writer in line) or under_label else None


def relative_worker(rec: Recorder, text: str) -> None:
    """In a letter written for a relative, the relative named by kinship is the complainant and the writer,
    who gave their own name and phone, their agent."""
    if not written_for(text) or not (found := relative_named(text)):
        return
    worker, ws, we = found
    named = rec.get("complainant.name")
    if named is not None and named != worker and not _is_writer(text, named, worker):
        return
    writer = named if named != worker else None
    writers_phone = _writers_phone(rec, text, writer)
    if writer is not None:  # the writer was taken for the complainant: what they said of themself is theirs
        wev = rec.evidence["complainant.name"]
        writer_span = (wev.start, wev.end)
        end = sentence_end(text, wev.start, "。！？\n")
        for path in _WRITER_ITEMS:
            ev = rec.evidence.get(path)
            if ev is not None and wev.start <= ev.start < end:
                rec.forget(path)
        ev = rec.evidence.get("respondent.name")  # the writer's own employer is not the one complained about
        if ev is not None and wev.start <= ev.start < end and not rec.has("complainant.employer"):
            rec.forget("respondent.name")
    elif found_writer := _writer_named(text, worker):  # 我叫某某 / 代写人：某某
        writer, *writer_span = found_writer
        writers_phone = writers_phone or _writers_phone(rec, text, writer)  # the number on their line
    if writer is not None and not writers_phone:  # 我叫冉春林，是冉春梅的亲哥哥，电话158…: the writer's sentence
        at = text.find(writer)
        sentence = text[at : sentence_end(text, at, "。！？\n")] if at >= 0 else ""
        if (phones := nm.find_phones(sentence)) and not re.search(r"(?:他|她)(?:自己|本人)?的", sentence):
            writers_phone = phones[0][0]
    if writers_phone:
        rec.forget("complainant.phone")
    # 我妈的电话是… / 他的手机号是… / 她自己的手机号是…: the worker's own number
    whose = rf"(?:(?:我|俺)的?(?:{kin_words()})的?|(?:他|她)(?:自己|本人)?的){PHONE_WORDS}"
    for m in rx(whose).finditer(text):
        if rec.has("complainant.phone"):
            break
        if (phones := nm.find_phones(text[m.end() : m.end() + 20])) and phones[0][0] != writers_phone:
            value, ps, pe = phones[0]
            rec.set("complainant.phone", value, m.end() + ps, m.end() + pe, PROSE)
    if not rec.has("complainant.phone"):
        _worker_phone(rec, text, worker, writers_phone)
    if named != worker:
        rec.set("complainant.name", worker, ws, we, PROSE, overwrite=True)
    if not rec.has("complainant.address"):  # 冉光辉是安场镇自强村的人: where the worker is from
        home = rf"(?:是|系|家在|家住|住在)(?P<a>{_PLACE_RUN})(?=的人|人|的|[，,。])"
        if m := next((m for _at, m in after(text, worker, home)), None):
            rec.set("complainant.address", m.group("a"), m.start("a"), m.end("a"), PROSE)
    agents = rec.get("agents") or []
    if writer and not any(a.get("name") == writer for a in agents):
        rec.set("agents", [*agents, {"name": writer, "phone": writers_phone}], *writer_span, PROSE, overwrite=True)
    elif writers_phone:  # the agent already listed (代写人：某某) gets the writer's phone
        for a in agents:
            if (writer is None or a.get("name") == writer) and not a.get("phone"):
                a["phone"] = writers_phone
                break


_PLACE_RUN = r"(?:(?![的是在我他她])[\u4e00-\u9fff]){2,24}?(?:镇|乡|村|组|社区|街道|屯|寨|庄)"


# whose a number is, read off the words just before it (another party's: kw("other_party"))
_WRITERS_OWN = re.compile(r"(?:我|本人|俺)的?(?:电话|手机|号码)|(?:打|联系|找)我[^，,。]{0,3}$|代写人|代笔人|写信人")


def _worker_phone(rec: Recorder, text: str, worker: str, writers_phone: str | None) -> None:
    """A second number, neither the writer's nor another party's, beside the worker (也可以打我母亲的老年机…,
    他自己的手机号是…): in a letter written for a relative, that number is the worker's own."""
    agents = {a.get("phone") for a in rec.get("agents") or [] if a.get("phone")}
    kin = kin_words()
    for value, ps, pe in nm.find_phones(text):
        if value == writers_phone or value in agents:
            continue
        clause_start = max(text.rfind(ch, 0, ps) for ch in "，,。；;！？\n") + 1
        before = text[max(clause_start, ps - 16) : ps]
        line = text[text.rfind("\n", 0, ps) + 1 : ps]
        if kw("other_party").search(before) or _WRITERS_OWN.search(before) or _WRITER_LABEL.match(line):
            continue  # another party's, the writer's own, or on the writer's line (联系人：某某（儿子） 电话：…)
        if rx(rf"(?:{kin})|他|她").search(before) or worker in before:
            rec.set("complainant.phone", value, ps, pe, PROSE)
            return
        # 我爸爸有个老人机，号码是… / 她用的是老人机，号码…: the relative in the sentence's clause before the number's
        sentence = text[max(sentence_start(text, ps), ps - 30) : clause_start]
        clause = re.split(r"[，,]", sentence.rstrip("，,"))[-1]
        told = rx(rf"(?:我|俺)的?(?:{kin})|他|她").match(clause) or clause.startswith(worker)
        if told and not kw("other_party").search(clause):
            rec.set("complainant.phone", value, ps, pe, PROSE)
            return
