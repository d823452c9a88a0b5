"""Facts and requests: from labelled sections, from an oral record's answers, or from a letter's prose.

Requests are returned as written, one per item: the item's number (1. 一、 （一） ① 一是) and trailing
punctuation are dropped; a line of the section that is not a numbered item (`以上合计…`) is not a request
when the section numbers its items. Facts are the section's text as written.
"""

from __future__ import annotations

import itertools
import re

from extractors.complaint.evidence import INLINE, LABELLED, PROSE, Recorder
from extractors.complaint.labels import (
    DATE_LINE,
    QA_LINE,
    SIGNATURE_LINE,
    is_person_name,
    kw,
    label_at,
    scan_line,
    tables,
)
from extractors.complaint.numerals import find_phones
from extractors.complaint.parties import describes_person
from extractors.normalize import paragraph_spans

ENUM = re.compile(
    r"(?:^|(?<=[\n；;。\s：:]))(?:\d{1,2}\s*[.、．)）](?!\d)|[一二三四五六七八九十]{1,2}\s*[、．.]"
    r"|[(（][一二三四五六七八九十\d]{1,2}[)）]|[①-⑳]|[一二三四五六七八九十]是)"
)
_REQUEST_START = re.compile(
    r"^(?:(?:我们|我|本人)(?:恳请|恳求|请求|希望|要求|强烈要求|盼望)|恳请|恳求|请求|希望|要求|强烈要求|请|盼望"
    r"|望(?![\u4e00-\u9fff]{0,3}(?:县|市|区|镇|乡|村|街道|路)))"  # (望奎县…收件: a place, not 望领导…)
)
# A forwarded record's facts cell tells what the caller said and then what the caller asks
# (诉求内容：来电人反映：…。来电人诉求：请…): the lead-in is not facts, the second part is the request.
_TOLD = re.compile(r"^\s*(?:来电人|来信人|留言人|反映人|投诉人|市民|群众|当事人)(?:反映|称|表示|说|诉称)\s*[：:]")
_ASKS = re.compile(r"(?:来电人|来信人|留言人|反映人|投诉人|市民|群众|当事人)(?:诉求|要求|请求|希望)\s*[：:]")
# Inside a sentence, a clause that starts with one of these asks for something (…，希望领导帮我要回工资).
_REQUEST_CLAUSE = re.compile(r"(?<=[，,])\s*(?:恳请|恳求|请求|希望|强烈要求|盼望)")
_SENTENCE_END = re.compile(r"[^。！!？?]+[。！!？?]?")
# The question of an oral record that asks for the person's details, and an answer that gives them.
# (and one that asks which organisation: 你要反映的单位叫什么 asks for a name, not for the events)
_Q_NOT_FACTS = re.compile(r"基本情况|个人情况|个人信息|身份|自我介绍|单位|名称|名字|叫什么|在哪|地址")
_A_PERSONAL = re.compile(r"^\s*(?:我叫|我是|本人|我)[\u4e00-\u9fff]{0,4}[，,]\s*[男女]")
_Q_TOPICS = {
    "requests": re.compile(r"要求|诉求|请求"),
    "facts": re.compile(r"什么问题|什么事|经过|反映|事情|(?<!基本)情况"),
}
_TRIM = " \t\n；;。，,！!"
_CALLED = re.compile(r"^(?:我叫|我是|本人)[\u4e00-\u9fff]{2,4}$")
_SUBJECT = re.compile(r"^(?:我|我们|本人)(?:要|想|现)?(?:投诉|反映|举报)[^，。]{0,40}(?:的问题|的事情?|的情况)$")
_WANT = re.compile(r"^(?:我们|我|本人)(?:就|只|还|是)?想(?=请|恳请|求)")
# 我就想攞返六月份嗰人工 (Cantonese "get back"): the writer asks for the money back
_GET_BACK_WORDS = "攞返|攞番|拿返|要返"
_GET_BACK = re.compile(rf"^(?:我们|我|我哋|本人)(?:就|只)?(?:想|要)(?:{_GET_BACK_WORDS})")
# 就想请领导帮俺… / 俺就寻思让领导给整整… / 我就想让公司…: what the writer "just wants" someone to do
_JUST_WANT_WORDS = (
    rf"(?:我们|我|俺们|俺|本人|咱们|咱|额|偶|阿拉|我哋)?(?:就|只|就是|只是)(?:想|希望|盼着?|寻思|琢磨)"
    rf"(?:请|求|让|叫|帮|中不中|能不能|{_GET_BACK_WORDS}"
    # 我就想把这一万五千二要回来: what is got back, named before the verb
    r"|把(?=[^，,。；;！？\n]{1,24}?(?:要回|讨回|拿回|结清|还给|发给|给我|给俺)))"
)
_JUST_WANT = re.compile(_JUST_WANT_WORDS)
_ASKING = re.compile(r"恳请|恳求|请求|希望|要求|(?<![申邀聘])请(?!假)|盼望|做主")
_NAMES_AGENTS = re.compile(r"委托[^，。；]{0,12}(?:代理人|代理)|代理人(?:如下|为)")
DATE_IN = re.compile(r"\d{4}\s*年|\d{1,2}\s*月\s*\d{1,2}\s*[日号]")


def _trimmed(text: str, s: int, e: int) -> tuple[int, int]:
    while s < e and text[s] in _TRIM:
        s += 1
    while e > s and text[e - 1] in _TRIM:
        e -= 1
    return s, e


# a form's row: a short label, then a tab or a colon and its value (a request is a sentence, not a field)
_FORM_ROW = re.compile(r"\s*(?![^\t：:\n]*(?:请求|诉求|要求)(?!回复))[\u4e00-\u9fff（）()]{2,10}\s*(?:\t|[:：])\s*\S")


def split_items(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """Spans of the request items in text[start:end]."""
    # on the slice, so that `^` matches where the block starts (after 答： or a label)
    enums = [(start + m.start(), start + m.end()) for m in ENUM.finditer(text[start:end])]
    if not enums:
        spans = []
        for ls, le in paragraph_spans(text[start:end]):
            if spans and _FORM_ROW.match(text, start + ls, start + le):
                break  # 交办单位\t某局 / 派单时间：…: the work order's next field, not a request
            s, e = _trimmed(text, start + ls, start + le)
            if s < e:
                spans.append((s, e))
        return spans
    spans = []
    for i, (_, m_end) in enumerate(enums):
        stop = enums[i + 1][0] if i + 1 < len(enums) else end
        line_end = text.find("\n", m_end, stop)
        s, e = _trimmed(text, m_end, line_end if line_end != -1 else stop)
        if s < e:
            spans.append((s, e))
    return spans


# …把工资要回来，也希望政府管一管… / …，同时要求…: a second request joined to the first by 也/同时
_ALSO_ASKS = re.compile(
    r"[，,；;]\s*(?=(?:也|同时|另外|并且?)(?:希望|请求|恳请|请|要求)"
    # …把5600元工资要回来，再让酒店跟我们把合同签了: a second thing asked (not …，以后按月发工资, how the first is to go
    # on, nor …，同埋佢炒我鱿鱼要俾返补偿我: one request with it, as tests/extractors/test_fourteenth_round.py keeps it)
    r"|再[^，,。；;！!？?\n]{0,16}?(?:让|叫|把|给|要|能|得|发|签|按|补|赔|查|处理|缴|交)"
    # …把这21600块钱要回来，叫孙总把工资给我结了: a second person told to pay (叫/让 someone 把 the money …)
    r"|(?:叫|让)(?!我|俺|咱)[\u4e00-\u9fff]{1,6}?把[^，,。；;！!？?\n]{2,20}?(?:结|给|发|还|退|补|付|算))"
)


# the word that joins a second ask to the first (也希望…, 同时要求…): none of the second's own words
_CONNECTIVE = re.compile(r"(?:也|同时|另外|并且?)(?=希望|请求|恳请|请|要求)")


_TOLD_TO_PAY = re.compile(r"[，,；;]\s*(?:叫|让)")
_A_SUM = re.compile(r"[\d一二三四五六七八九十百千万两]\s*(?:元|块)")


def _second_asks(text: str, s: int, e: int) -> list[tuple[int, int]]:
    # (叫/让 someone 把 the money…: a second request only after a first that asks for a sum of its own — 把这21600块钱
    # 要回来，叫孙总把工资结了 is two; 希望有关部门管一管，让老板把这五千二百元给我 is one)
    cuts = [
        m.start() for m in _ALSO_ASKS.finditer(text, s, e)
        if not _TOLD_TO_PAY.match(text, m.start()) or _A_SUM.search(text, s, m.start())
    ]
    if not cuts:
        return [(s, e)]
    bounds = [s, *cuts, e]
    parts = []
    for a, b in itertools.pairwise(bounds):
        a = a if a == s else a + 1
        a, b = _trimmed(text, a, b)
        if a > s and (lead := _CONNECTIVE.match(text, a, b)):
            a = lead.end()  # the connective joins the asks; it is no word of the second
        if b - a >= 4:
            parts.append((a, b))
    return parts or [(s, e)]


# …让老板把钱给我，谢谢领导: the thanks after a request is none of it
_THANKS = re.compile(
    r"[，,]\s*(?:(?:谢谢|感谢|多谢)[\u4e00-\u9fff]{0,6}"
    # …把钱要回来，请领导帮我做个主: a plea for help that asks nothing of its own
    r"|(?:请|求求|恳请|求)?(?:领导|政府|你们|青天)(?:们)?(?:帮我|给我|替我|为我|帮我们|给我们|替我们)?(?:做个?主|作主|帮帮忙|帮帮我)"
    # …，领导你们是为俺老百姓办事的: what the writer trusts the office to be
    r"|(?:领导|政府)(?:你们|您)?是(?:为|给)[^，,。；;]{0,10}(?:办事|做主|服务)的"
    r")[！!。.]?\s*$"
)


def _without_thanks(text: str, s: int, e: int) -> tuple[int, int]:
    while (m := _THANKS.search(text, s, e)) and m.start() - s >= 4:  # (…，领导你们是为俺办事的，谢谢领导: both go)
        e = m.start()
    return s, e


def record_requests(
    rec: Recorder, text: str, items: list[tuple[int, int]], conf: float, block: tuple[int, int] | None = None
) -> None:
    """The requests at `items` (spans of the text), the list (its evidence the whole `block` they stand in,
    where a total line may follow them) and each item with its own evidence."""
    listed = []
    for s, e in items:  # 我要求：一、…；二、…: a sentence that lists its requests gives each
        listed += split_items(text, s, e) if len(ENUM.findall(text, s, e)) >= 2 else [(s, e)]
    items = [_without_thanks(text, *part) for s, e in listed for part in _second_asks(text, s, e)]
    if not items:
        return
    start, end = block or (items[0][0], items[-1][1])
    rec.set("requests", [text[s:e] for s, e in items], start, end, conf)
    for i, (s, e) in enumerate(items):
        rec.set(f"requests.{i}", text[s:e], s, e, conf)


def item_span(text: str, start: int, end: int) -> tuple[int, int]:
    """One request's span without its number (1. / 一、 / （1）) and surrounding punctuation."""
    start, end = _trimmed(text, start, end)
    if head := ENUM.match(text[start:end]):
        start += head.end()
    return _trimmed(text, start, end)


def _record_requests(rec: Recorder, text: str, start: int, end: int, conf: float) -> None:
    record_requests(rec, text, split_items(text, start, end), conf, (start, end))


def qa_pairs(text: str) -> list[tuple[str, int, int]]:
    """(question, answer start, answer end) of an oral-complaint record (问：… 答：…)."""
    pairs, question = [], None
    for s, e in paragraph_spans(text):
        m = QA_LINE.match(text, s, e)
        if m and m.group(1) == "问":
            question = text[m.end() : e]
        elif m and question is not None:
            pairs.append((question, m.end(), e))
            question = None
    return pairs


def _from_sections(rec: Recorder, text: str, sections: dict[str, tuple[int, int]]) -> None:
    if "requests" in sections:
        _record_requests(rec, text, *sections["requests"], LABELLED)
    if "facts" in sections:
        s, e = sections["facts"]
        if told := _TOLD.match(text, s, e):
            s, e = _trimmed(text, told.end(), e)
        if asks := _ASKS.search(text, s, e):
            if not rec.has("requests"):
                _record_requests(rec, text, *_trimmed(text, asks.end(), e), LABELLED)
            s, e = _trimmed(text, s, asks.start())
        elif "requests" not in sections and (closing := _closing_asks(text, s, e)):
            # 来信内容： a whole letter under one label: its closing plea paragraphs are the requests
            first, found = closing
            if not rec.has("requests"):
                record_requests(rec, text, [from_the_ask(text, a, b) for a, b in found], LABELLED)
            s, e = _trimmed(text, s, first)
        s = _past_greeting(text, s, e)
        rec.set("facts", text[s:e].strip(), s, e, LABELLED)


def _closing_asks(text: str, s: int, e: int) -> tuple[int, list[tuple[int, int]]] | None:
    """The plea paragraphs that close a section (each starts with an ask), after at least one paragraph of
    events: (where they begin, their requests)."""
    paragraphs = [p for p in paragraph_spans(text) if s <= p[0] < e]
    first, found = None, []
    for ps, pe in reversed(paragraphs[1:]):
        at, asks = _asks_in(text, ps, min(pe, e))
        if not asks or text[ps:at].strip():  # the paragraph must open with its ask
            break
        first, found = ps, asks + found
    return (first, found) if first is not None else None


def _from_record(rec: Recorder, text: str) -> None:
    told: list[tuple[int, int]] = []
    for question, s, e in qa_pairs(text):
        if not rec.has("requests") and _Q_TOPICS["requests"].search(question):
            _record_requests(rec, text, s, e, INLINE)
        elif (
            _Q_TOPICS["facts"].search(question)
            and not _Q_NOT_FACTS.search(question)
            and not _A_PERSONAL.match(text, s, e)  # the person's details, not the events
        ):
            told.append((s, e))
    # the answer that tells of a violation, else the first answer to a question about the matter
    best = next((a for a in told if kw("violation").search(text, *a)), told[0] if told else None)
    if best and not rec.has("facts"):
        rec.set("facts", text[best[0] : best[1]].strip(), best[0], best[1], INLINE)


def _after_phone(text: str, s: int, e: int) -> tuple[int, int] | None:
    """The words after the phone number of a phone line, when there are some (a PDF joins short lines)."""
    phones = find_phones(text[s:e])
    if not phones:
        return None
    start = s + phones[-1][2]
    rest = text[start:e]
    return (start, e) if re.fullmatch(r"\s*[\u4e00-\u9fff][^：:]{2,}", rest) else None


def _events_after_description(text: str, s: int, e: int) -> tuple[int, int] | None:
    """The sentences after the one describing the person (我叫某某，女，…。), when they state a violation."""
    sentences = list(_SENTENCE_END.finditer(text, s, e))
    gendered = [i for i, m in enumerate(sentences) if re.search(r"[，,]\s*[男女]\s*[，,]", m.group())]
    if not gendered or gendered[0] + 1 >= len(sentences):
        return None
    start = sentences[gendered[0] + 1].start()
    start, end = _trimmed(text, start, e)
    return (start, end) if kw("violation").search(text, start, end) else None


_CJK = re.compile(r"[\u4e00-\u9fff]")
_PROSE_LINE = re.compile(r"^(?=.{60})[^\n]*[，,][^\n]*[。！？!?.]")


# A posted letter's header above its first paragraph: the post's bracketed title, a line of the site's
# record fields (two or more `label：value` pairs), a title with no sentence in it
_POST_HEADER = re.compile(
    r"^(?:【[^】\n]{1,10}】[^。！？\n]{0,60}|(?:[\u4e00-\u9fff]{2,6}[:：][^\n:：]{1,40}?[ \t\u3000]+){1,}"
    r"[\u4e00-\u9fff]{2,6}[:：][^\n]{0,60})$"
)


def body_paragraphs(text: str) -> list[tuple[int, int]]:
    """Prose paragraphs: after the salutation or title, before the closing; label lines skipped."""
    closings = tables()["labels"]["closings"]
    spans = paragraph_spans(text)
    # the first line is a title or a salutation, unless it is already prose (a web copy with no heading);
    # a web copy's leading debris (a lone `|`, a menu's symbols) is no line of the letter
    first = next((i for i, (s, e) in enumerate(spans) if len(_CJK.findall(text, s, e)) >= 2), 0)
    begin = first + (1 if spans and not _PROSE_LINE.match(text[spans[first][0] : spans[first][1]]) else 0)
    unlabelled = 0
    for i, (s, e) in enumerate(spans[:12]):  # the salutation: among the first lines a page's labels leave
        if label_at(text, s, e):
            continue
        if text[s:e].rstrip().endswith(("：", ":")):
            # 尊敬的领导： is the salutation; a paragraph of prose that ends 事情从以下几个方面说起： is the letter
            begin = i if _PROSE_LINE.match(text[s:e]) else i + 1
            break
        unlabelled += 1
        if unlabelled >= 4:
            break
    body = []
    for s, e in spans[begin:]:
        line = text[s:e].strip()
        hit = label_at(text, s, e)
        if any(line.startswith(c) for c in closings) or DATE_LINE.match(line):
            break
        if (sig := SIGNATURE_LINE.match(line)) and is_person_name(sig.group("name")):
            break
        if hit and hit[1].startswith(("section.", "people.signatures")):
            break
        if hit and hit[1].endswith(".phone") and (rest := _after_phone(text, s, e)):
            body.append(rest)  # `电话 139…老板欠钱不给`: a short note's words joined to its phone line
            continue
        if hit or QA_LINE.match(line) or ENUM.match(line):
            continue
        if not body and _POST_HEADER.match(line):
            continue  # 【投诉】某酒店拖欠工资 / 转办单位：某局　转办时间：…: a posted letter's title and record
        segments = scan_line(text, s, e)
        if any(seg.value(text) in ("男", "女") for seg in segments[1:4]) or _self_description(text, segments):
            # a person's description, not facts; what the paragraph says after it may be
            if rest := _events_after_description(text, s, e):
                body.append(rest)
            continue
        body.append((s, e))
    return body


def _self_description(text: str, segments: list) -> bool:
    """我叫某某，是个铲车司机，我屋在…: the writer's own description (no gender given), not facts."""
    if len(segments) < 2 or not _CALLED.match(segments[0].value(text)):
        return False
    return describes_person(segments[1].value(text)) and not kw("violation").search(
        text, segments[0].start, segments[-1].end
    )


# …，求领导帮我把这两万三要回来: a plea that asks for the money is a request (求领导做主 alone is a plea)
_PLEA_CLAUSE = re.compile(
    r"(?<=[，,])\s*求(?:求)?(?=领导|您|你们|政府|各位)(?=[^。！？\n]*?(?:要回|讨回|拿回|结给|发给|付给|还给|给我|给俺))"
)


def _asks_in(text: str, s: int, e: int) -> tuple[int, list[tuple[int, int]]]:
    """(where the paragraph's asking begins, spans of its requests): a sentence that starts with a request
    word, or the rest of a sentence from a clause that does (…实在困难。恳请领导…)."""
    asks: list[tuple[int, int]] = []
    first = e
    for m in _SENTENCE_END.finditer(text, s, e):
        sentence = m.group()
        lead = len(sentence) - len(sentence.lstrip(_TRIM))
        if want := _WANT.match(sentence[lead:]):
            start = m.start() + lead + want.end()  # 我就想请你们…: the request starts at 请
        elif any(p.match(sentence[lead:]) for p in (_REQUEST_START, _GET_BACK, _JUST_WANT)):
            start = m.start() + lead
        elif c := _REQUEST_CLAUSE.search(sentence) or _PLEA_CLAUSE.search(sentence):
            start = m.start() + c.start()
        else:
            continue
        first = min(first, start)
        asks.append(_trimmed(text, start, m.end()))
    return first, asks


def _listed_asks(text: str) -> tuple[int, int] | None:
    """恳请市长帮我们做主：/1.责令…/2.纠正…: a plea line ending with a colon, then numbered items."""
    spans = paragraph_spans(text)
    for i, (s, e) in enumerate(spans[:-1]):
        line = text[s:e].strip()
        # the plea is the line's last sentence (not 未申请过调解。…委托以下三人为代理人：, which lists agents)
        last = re.split(r"[。！？!?]", line.rstrip("：:"))[-1]
        if not line.endswith(("：", ":")) or not (_ASKING.search(last) or _PLEA.search(last)) or label_at(text, s, e):
            continue
        if _NAMES_AGENTS.search(last):
            continue
        items = list(itertools.takewhile(lambda sp: ENUM.match(text[sp[0] : sp[1]].lstrip()), spans[i + 1 :]))
        if items:
            return items[0][0], items[-1][1]
    return None


def _past_preamble(text: str, s: int, e: int) -> int:
    """Where a paragraph's events begin: past what the letter is about (我要投诉某公司…的问题) and where
    the respondent is (公司注册地址在…，但工厂在…), when events follow."""
    for m in _SENTENCE_END.finditer(text, s, e):
        sentence = m.group().strip(_TRIM)
        if not (_SUBJECT.match(sentence) or _only_whereabouts(text, m.start(), m.end(), any_length=True)):
            return m.start() if kw("violation").search(text, m.start(), e) else s
    return e  # all preamble


# the writer introducing themself or greeting: 我叫…, 俺是…, 本人…, 您好, 领导你好, 我想反映一下…
# (after a short opening of a few words: 歹势，又来麻烦领导。我叫… / 冒昧打扰，我是…)
_WHO = re.compile(
    r"^(?:[^。！!？?\n]{0,12}[。！!，,]\s*)?(?:我|俺|本人)(?:叫|是|姓|名叫)|^本人|^(?:[\u4e00-\u9fff]{0,6})(?:您|你|恁)好"
)
_GREETING = re.compile(
    r"^(?:[\u4e00-\u9fff]{0,6})(?:您|你|恁)(?:们)?好|^(?:我|俺)(?:想|要|来|给恁|给您|给你们?)?反映(?:一下|个事)"
)


# a sentence of the writer's personal details (age, home, phone, ID), not of their work
_PERSONAL = re.compile(r"电话|手机|身份证|\d{1,2}岁|[一二三四五六七八九十]{1,3}岁|家住|住在|住址|老家")
_AT_WORK = re.compile(r"当|做|干|上班|打工|进厂|工作")


def _only_who(text: str, s: int, e: int) -> bool:
    """A paragraph that only says who the writer is (and whom they work for), with no date and no violation."""
    para = _BIRTH.sub("", text[s:e])  # 1979年出生 / 1988年5月生: the writer's birth is no date of the story
    told = kw("violation").search(para) or DATE_IN.search(para) or "月" in para
    return bool(_WHO.match(text[s:e].lstrip())) and not told and e - s <= 160


_BIRTH = re.compile(r"(?:19|20)?\d{2}\s*年(?:\s*\d{1,2}\s*月(?:\s*\d{1,2}\s*日)?)?\s*(?:出生|生人|生的|生)")


def _past_greeting(text: str, s: int, e: int) -> int:
    """Where a first paragraph's story begins: past its greeting and the writer's sentences about themself,
    when a later sentence of it tells the events (a date or a violation)."""
    at = s
    for m in _SENTENCE_END.finditer(text, s, e):
        sentence = m.group().strip(_TRIM)
        if not sentence:
            continue
        told = kw("violation").search(sentence) or DATE_IN.search(sentence)
        personal = _WHO.match(sentence) and _PERSONAL.search(sentence) and not _AT_WORK.search(sentence)
        if told or not (_GREETING.match(sentence) or personal):
            break
        at = m.end()
    return at if at < e and (kw("violation").search(text, at, e) or DATE_IN.search(text, at, e)) else s


def _only_whereabouts(text: str, s: int, e: int, any_length: bool = False) -> bool:
    """公司地址在…，老板姓覃。: a short paragraph about the respondent's whereabouts, no events."""
    return (
        (any_length or e - s <= 60)
        and bool(kw("whereabouts").search(text, s, e))
        and not kw("violation").search(text, s, e)
        and not DATE_IN.search(text, s, e)
    )


def _title_line(text: str, s: int, e: int) -> bool:
    """A short line with no sentence end in a letter that writes sentences (a form's title, a seal's line, a
    forum post's byline or its bracketed title): not where the story starts."""
    line = text[s:e].strip()
    if re.match(r"^[【\[][^】\]]{1,8}[】\]]", line) and len(line) <= 60:
        return True
    if re.search(r"[。！？!?；;]", line) or text[e : e + 1] in ("。", "！", "？", "!", "?", "；", ";"):
        return False  # a sentence (whose end the span may leave out)
    return len(line) <= 40 and "。" in text[e:]


def _from_prose(rec: Recorder, text: str) -> None:
    """Facts and requests of a letter told in prose. The facts run from the first fact to the first ask
    (what follows the asks — 我们没有申请仲裁, 委托某某代理, a closing plea — is not the facts), unless the
    letter asks first and tells its story after."""
    facts, asks, after = [], [], []
    for s, e in body_paragraphs(text):
        if kw("written_for").search(text, s, e) and not DATE_IN.search(text, s, e):
            continue  # the writer says who they write for (我叫某某，是他的儿子…委托我写): not the facts
        if _only_whereabouts(text, s, e):
            continue
        if not facts and not asks and _only_who(text, s, e):
            continue  # 我叫某某，身份证…，家住…。我在某厂做某工，老板是某某。: who, not what happened
        if not facts and not asks and _title_line(text, s, e):
            continue  # 荆州市12345政务服务便民热线工单 / 楼主：某某 发表于…: a heading or a page's chrome
        if s > 0 and text[s - 1] != "\n":  # the rest of a paragraph that began with the writer's description
            s = _past_preamble(text, s, e)
        elif not facts and not asks:  # 领导你好，… 阮是某某，…。去年年底…: the story starts after the greeting
            s = _past_greeting(text, s, e)
        first, found = _asks_in(text, s, e)
        # what a plea paragraph says before asking is the facts only when it states a violation
        if first > s and (not found or kw("violation").search(text, s, first)):
            (after if asks else facts).append(_trimmed(text, s, first) if found else (s, e))
        asks += found
    if not any(kw("violation").search(text, s, e) for s, e in facts):
        facts += after  # the asks came first: the story after them is the facts
    if not rec.has("facts") and facts:
        rec.set("facts", "\n".join(text[s:e].strip() for s, e in facts), facts[0][0], facts[-1][1], PROSE)
    if not rec.has("requests") and (listed := _listed_asks(text)):
        _record_requests(rec, text, listed[0], listed[1], PROSE)
    if not rec.has("requests"):
        record_requests(rec, text, [from_the_ask(text, s, e) for s, e in asks], PROSE)


# a plea that asks beyond _REQUEST_START's words: 求领导… / 求求你们… / 麻烦领导… / 拜托…
_PLEA = re.compile(rf"(?:我们|我|本人|俺)?(?:求求|求|麻烦|拜托|想请|想求)|{_JUST_WANT_WORDS}")


def _asks(clause: str) -> bool:
    return bool(_REQUEST_START.match(clause) or _PLEA.match(clause))


# what a clause before the asking one may say that makes it part of the request: the money, or an ask
_WHAT_IS_ASKED = re.compile(
    r"\d[\d,.，]*\s*(?:万|萬|千|元|块|塊)|[一二三四五六七八九十两兩百千万萬壹贰叁肆伍陆柒捌玖拾佰仟]+(?:块|塊|元|万|萬)"
    r"|[一二三四五六七八九两兩]+[千万萬][一二三四五六七八九]?|要回|讨回|討回|拿回|发给|發給|支付|还给|還給|补上|結清|结清"
    r"|如果|如若|若是"
)


def from_the_ask(text: str, start: int, end: int) -> tuple[int, int]:
    """A plea's request starts at the clause that asks: 天冷了，家里等着买煤烧炕，求领导帮我把钱要回来 asks
    for the money, not for the cold (the clauses before the first asking clause are the plea's reasons)."""
    at = start
    for m in re.finditer(r"[，,]\s*", text[start:end]):
        clause = start + m.end()
        if _asks(text[clause:end]):
            if not _asks(text[start:end]) and not _WHAT_IS_ASKED.search(text, start, clause):
                at = clause
            break
    return at, _before_reasons(text, at, end)


# what a spoken plea says after what it asks for: why it needs the money (开春种地买种子化肥都指着这钱呢, 我这把年纪了，
# 再不要回来就没指望了), which a clerk leaves out of the request
_REASON = re.compile(
    r"^(?:我这把年纪|这把年纪|开春|过年|家里|孩子|娃|老人|俺家|我家|眼看|马上|再不)"
    r"|(?:指着|全靠|就靠|等着)(?:这|那)?(?:点|笔)?钱|没指望|活不下去|过不下去|揭不开锅"
)


def _before_reasons(text: str, start: int, end: int) -> int:
    """The end of a request before the reasons a plea gives after it: the clauses from the first one that
    gives a reason and asks for nothing."""
    for m in re.finditer(r"[，,]\s*", text[start:end]):
        clause = start + m.end()
        rest = text[clause:end]
        if _REASON.search(rest.split("，")[0].split(",")[0]) and not _asks(rest) and not _PLEA.search(rest):
            return start + m.start()
    return end


# 我的诉求：督促某公司…。 / 我们的要求是：… — a request labelled inside a paragraph (a line's own label is a section)
_INLINE_ASK = re.compile(
    r"(?<=[。，,；;！!？?])[ \t]*(?:我的|我们的|本人的?)(?:诉求|请求|要求)(?:是|为)?[：:][ \t]*(?=\S)"
)


def _inline_asks(rec: Recorder, text: str) -> None:
    for m in _INLINE_ASK.finditer(text):
        end = text.find("\n", m.end())
        end = len(text) if end < 0 else end
        s, e = _trimmed(text, m.end(), end)
        if e - s >= 4:
            record_requests(rec, text, [(s, e)], PROSE)
            return


def extract_body(rec: Recorder, text: str, sections: dict[str, tuple[int, int]]) -> None:
    _from_sections(rec, text, sections)
    if not rec.has("requests"):
        _inline_asks(rec, text)
    if not (rec.has("facts") and rec.has("requests")):
        _from_record(rec, text)
    if not (rec.has("facts") and rec.has("requests")):
        _from_prose(rec, text)
