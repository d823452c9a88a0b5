"""Field extraction from complaint letters (劳动保障监察投诉书, 投诉登记表, 口头投诉笔录, 集体投诉).

`extract_complaint(doc)` returns `ComplaintFields` with evidence for every value found, keyed by the
dotted field path (`complainant.name`, `respondent.workplace`, `requests.0`, `agents`, …).
A value the letter does not state is None: labelled values come first, inline descriptions next,
prose and signatures last, and no step guesses.

Conventions (see the modules for details):
- collective letters: `complainant` holds the first person the letter describes with personal details
  (usually the first elected representative); a group name such as `全体农民工` is not a person's name;
- violation period: see `dates` — `至今` means continuing: violation_end None, violation_ongoing True;
- amount: see `money` — a stated total, else the single stated amount, else None;
- respondent.workplace: only when the letter states a place of employment different from the address;
- ID numbers with a wrong GB 11643 check digit are not returned;
- forwarded letters: a forwarding office's cover note is skipped, see `forwarded`;
- age: a stated age, else full years at the letter date from a stated birth date (出生年月), see `dates`.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from datetime import date

from extractors.complaint import numerals as nm
from extractors.complaint.body import extract_body, from_the_ask, item_span, record_requests
from extractors.complaint.chat import Message, mask_chat
from extractors.complaint.collective import agent_phones, extract_collective
from extractors.complaint.dates import derive_age, extract_document_dates, extract_violation, story_anchor
from extractors.complaint.dialect import as_written, mandarin_view
from extractors.complaint.evidence import INLINE, PROSE, Recorder
from extractors.complaint.forwarded import mask_chrome, mask_cover, mask_reply
from extractors.complaint.gender import fill_gender, written_for_relative
from extractors.complaint.labels import DOTTED_NAME, find_sections, is_person_name, kw, surnames, titled_bosses
from extractors.complaint.money import amount_from_late_requests, extract_amount
from extractors.complaint.parties import DIVISIONS_ONLY, TOWN_ALONE, extract_parties
from extractors.complaint.proceedings import extract_prior
from extractors.complaint.prose import (
    PLACE_WORD,
    core_name,
    employer_is_respondent,
    fill_from_prose,
    lone_phone,
    place_of_respondent,
    self_description,
    self_told,
    trade_of_origin,
)
from extractors.complaint.relative import relative_worker
from extractors.complaint.roster import fill_from_roster
from extractors.normalize import sentence_end, sentence_start
from extractors.rx import after, find_all
from schemas.models import Agent, Complainant, ComplaintFields, FieldEvidence, ParsedDocument, Respondent

__all__ = ["extract_complaint"]


def span_of(rec: Recorder, path: str) -> tuple[int, int] | None:
    ev = rec.evidence.get(path)
    return (ev.start, ev.end) if ev else None


def _chat_facts(rec: Recorder, text: str, messages: list[Message]) -> None:
    """A message log: the facts are the writer's longest message that states a violation."""
    told = [m for m in messages if kw("violation").search(text, m.start, m.end)]
    if told:
        best = max(told, key=lambda m: m.end - m.start)
        rec.set("facts", text[best.start : best.end].strip(), best.start, best.end, INLINE)


def _chat_date(rec: Recorder, text: str, messages: list[Message]) -> None:
    """A log with no dated letter: the letter date is the day of the message that tells the facts (the day
    the complaint was made, not the day it was printed), else of the writer's first dated message."""
    facts = rec.evidence.get("facts")
    told = [m for m in messages if facts and m.start <= facts.start < m.end]
    dated = [m for m in told + messages if m.day]
    if dated:
        rec.set("letter_date", dated[0].day, dated[0].prefix_start, dated[0].start, INLINE)


def extract_complaint(doc: ParsedDocument, models: bool = False, received: date | None = None) -> ComplaintFields:
    """Read a complaint letter's fields from its normalised text. Pure. With `models`, the span model fills
    what the rules left unstated (extractors/learned/spans.py), and the slot rankers choose the occupation,
    employer, respondent and place of work among every span that could name them (extractors/learned/slots.py)."""
    rec, text = record_fields(doc, models, received)
    if models:
        _rank_slots(rec, text)
        place_of_respondent(rec, rec.view)
        employer = rec.evidence.get("complainant.employer")
        if rec.has("respondent.name") and not rec.get("complainant.employer") and employer and employer.unread:
            rec.forget("complainant.employer")  # the ranker was unsure which words name it: the respondent does
    trade_of_origin(rec, rec.view)
    _tidy_occupation(rec)
    _tidy_orgs(rec)
    _unit_of_company(rec)
    _tidy_brackets(rec)
    _branch_in_brackets(rec)
    _full_registered(rec)
    # the respondent is the work unit when no employer is left: one only the rankers found, or an employer the
    # tidying found to be a fragment
    employer_is_respondent(rec, rec.view)
    _boss_over_site(rec, rec.view)
    _boss_as_employer(rec, rec.view)
    _debtor_as_employer(rec, rec.view)
    _owner_of_unnamed(rec, rec.view)
    _signboard(rec, rec.view)
    _real_names(rec, rec.view)
    _named_over_placeholder(rec)
    _outsourced(rec, rec.view)
    _position_at_premises(rec)
    _place_of_employer(rec)
    _place_before_employer(rec)
    _premises_of_employer(rec)
    _employer_in_address(rec)
    _landmarks(rec)
    _bracketed_notes(rec)
    _address_in_brackets(rec)
    if models:
        _address_runs_on(rec)
    _tidy_respondent_address(rec)
    if not rec.has("complainant.occupation"):
        _work_done(rec, rec.view)
    else:
        _job_said_next(rec, rec.view)
    if models:
        _stated_unread(rec, text)
    _trim_facts_preamble(rec, rec.view)
    if rec.view != text:  # the rules' values as the letter writes them, not as its Mandarin reading has them
        for path, value in rec.values.items():
            ev = rec.evidence.get(path)
            rec.values[path] = as_written(value, rec.view, text, ev.start if ev else None)
    return _build(rec)


def record_fields(doc: ParsedDocument, models: bool = False, received: date | None = None) -> tuple[Recorder, str]:
    """The rules' (and with `models`, the span and request models') values, before the slot rankers; with
    the letter's text as read (a cover note, a web page's chrome or a chat partner's lines masked)."""
    rec = Recorder(doc)
    rec.received = received
    text = mask_cover(doc.text) or doc.text  # a forwarding office's cover note is not the letter
    text = mask_chrome(text)  # nor is the chrome of a web page it was posted on
    text = mask_reply(text)  # nor the office's reply under it
    if chat := mask_chat(text):  # a printed message log: read only what the writer wrote
        text, messages = chat
        _chat_facts(rec, text, messages)
    # The rules read a letter in dialect in Mandarin (offsets unchanged); the models read it as written, as
    # they learned from letters as written
    written = text
    rec.view = text = mandarin_view(text)
    sections = find_sections(text)
    extract_body(rec, text, sections)
    extract_parties(rec, text, list(sections.values()))
    fill_from_prose(rec, text)
    _lone_id_number(rec, text)
    extract_document_dates(rec, doc.text)
    if chat and not rec.has("letter_date"):
        _chat_date(rec, text, chat[1])
    extract_violation(rec, text, span_of(rec, "facts"))
    extract_amount(rec, text, span_of(rec, "requests"), span_of(rec, "facts"))
    extract_prior(rec, text)
    extract_collective(rec, text)
    fill_from_roster(rec, text)
    relative_worker(rec, text)  # a letter for a relative: the relative is the complainant, the writer the agent
    _name_for_form_of_address(rec, text)
    _no_name_in_a_form_of_address(rec, text)
    _name_told_apart(rec, text)
    amount_from_late_requests(rec, text, span_of(rec, "requests"))
    self_description(rec, text)
    self_told(rec, text)
    derive_age(rec)  # from a stated birth date (a line or a roster row), else the ID number
    fill_gender(rec, text)
    agent_phones(rec, text, written_for_relative(rec, text))
    if models:
        named = rec.has("complainant.name")
        _fill_from_model(rec, written)
        if not named and rec.has("complainant.name"):  # the span model found the name: its sentence describes them
            self_description(rec, text)
            derive_age(rec)
            fill_gender(rec, text)
        _requests_from_model(rec, written)
        amount_from_late_requests(rec, text, span_of(rec, "requests"))  # (the requests the model found)
    if not written_for_relative(rec, text):  # a writer for a relative gives their own number, not the worker's
        lone_phone(rec, text)
    return rec, written


def _stated_unread(rec: Recorder, text: str) -> None:
    """An item no reader filled, which the letter nevertheless states in words the readers do not know
    (extractors/learned/stated.py): recorded as stated but unread, the words that weighed most as its
    evidence, so it is not reported missing and the supervisor reads it there."""
    from extractors.learned import stated

    unfilled = [item for item in stated.ITEMS if not rec.has(item) and item not in rec.withheld]
    if not unfilled or not stated.available():
        return  # (without its model file, not even the letter's words are cut)
    letter_words, letter_cues, letter_units = stated.words(text), stated.cues(text), stated.units(text)
    for item in unfilled:
        if found := stated.stated(item, text, letter_words, letter_cues, letter_units):
            (start, end), p = found
            rec.set_none(item, start, end, round(0.5 * p, 2), unread=True)


# the words of telling before a name a ranker's span may start with (我想反映一下巴蜀鲜毛肚火锅…)
_ASKED_ABOUT = re.compile(r"(?:反映|举报|投诉|说)?一下")


def _rank_slots(rec: Recorder, text: str) -> None:
    """A confident ranker's choice replaces the rules' value: the slots (extractors/learned/slots.py), the
    violation period (extractors/learned/period.py), the complainant's age and gender
    (extractors/learned/age.py, gender.py) and the amount claimed (extractors/learned/amount.py). A ranker
    proposes (value, start, end, probability); the value recorded keeps half the model's probability."""
    from extractors.learned import age, amount, collective, gender, period, slots

    def take(path: str, value: object, start: int, end: int, p: float) -> None:
        if rec.get(path) != value:
            rec.set(path, value, start, end, round(0.5 * p, 2), overwrite=True)

    relative = written_for_relative(rec, text)
    own_work = _writers_own_work(rec, text) if relative else []
    for path in ("complainant.employer", "respondent.name", "complainant.occupation"):
        ev = rec.evidence.get(path)
        if ev is not None and any(a <= ev.start < b for a, b in own_work):
            rec.forget(path)  # the writer's own job, not the worker's
    for slot, (cand, p) in slots.rank(text, rec.evidence, rec.values, own_work).items():
        if p >= slots.THRESHOLD[slot]:
            lead = _ASKED_ABOUT.match(cand.text) if slots.KIND[slot] == "org" else None
            cut = lead.end() if lead and len(cand.text) - lead.end() >= 2 else 0  # 反映一下|某火锅: what is told of it
            take(slots.SLOTS[slot], cand.text[cut:], cand.start + cut, cand.end, p)
        else:  # likely, not sure: the item is stated, its words marked for the supervisor
            rec.set_none(slots.SLOTS[slot], cand.start, cand.end, round(0.5 * p, 2), unread=True)
    dates = {"start": rec.get("violation_start"), "end": rec.get("violation_end")}
    chosen = period.choose(text, story_anchor(rec, text), span_of(rec, "facts"), dates,
                           bool(rec.get("violation_ongoing")))
    for role, (value, (start, end), p) in chosen.items():
        if role != "ongoing":
            take(f"violation_{role}", value, start, end, p)
        elif value:  # the violation runs on: no end
            rec.forget("violation_end")
            if not rec.get("violation_ongoing"):
                rec.set("violation_ongoing", True, start, end, round(0.5 * p, 2))
        elif rec.get("violation_ongoing"):  # the letter's job is over: its end was chosen above
            rec.forget("violation_ongoing")
    if found := age.choose(text, rec.get("complainant.name"), relative, stated(rec, "complainant.age", int)):
        value, (start, end), p = found
        take("complainant.age", value, start, end, p)
    if not rec.has("complainant.gender") and (found := gender.choose(text, rec.get("complainant.name"), relative)):
        value, (start, end), p = found
        take("complainant.gender", value, start, end, p)
    elif not rec.has("complainant.gender") and (likely := gender.stated(text, rec.get("complainant.name"), relative)):
        (start, end), p = likely  # stated in words the model weighs, but not which: marked for the supervisor
        rec.set_none("complainant.gender", start, end, round(0.5 * p, 2), unread=True)
    collective.decide(rec, text)
    requests, facts = span_of(rec, "requests"), span_of(rec, "facts")
    if claimed := amount.choose(text, requests, facts, stated(rec, "amount_claimed_yuan", float)):
        cand, p = claimed
        take("amount_claimed_yuan", cand.value, cand.start, cand.end, p)


# 我叫蓝秀芬，在南宁一家超市做收银，电话…: the writer of a letter for a relative telling their own work
_SELF_AT_WORK = re.compile(
    r"我(?:叫|是|名叫)[^。！？!?\n]{0,30}?(?:在|到)[^。！？!?\n]{2,24}?(?:做|当|上班|打工|工作|干活|上学|读书)"
)


def _writers_own_work(rec: Recorder, text: str) -> list[tuple[int, int]]:
    """The sentences where the writer of a letter for a relative speaks of their own work: a first-person sentence
    of where they work, which names no relative and no third person."""
    from extractors.complaint.gender import kin_words

    kin = re.compile(kin_words())
    spans = []
    for m in _SELF_AT_WORK.finditer(rec.view):
        s, e = sentence_start(rec.view, m.start()), sentence_end(rec.view, m.end())
        # 我是某某，在成都一家医院当护士，…是替我爸爸写这封信: the clauses before the one that turns to the relative
        # (a kinship before the work is how the writer names themself: 我是管某的老婆，叫肖某，在县城一家幼儿园做饭)
        if other := re.search(rf"(?:{kin.pattern})|[他她]", rec.view[m.end() : e]):
            cut = rec.view.rfind("，", m.end(), m.end() + other.start())
            if cut < 0:
                continue
            e = cut
        spans.append((s, e))
    return spans


def stated(rec: Recorder, path: str, kind: type) -> tuple | None:
    """The rules' value of `path` with its span, (value, start, end), as a ranker reads it."""
    ev, value = rec.evidence.get(path), rec.get(path)
    return (kind(value), ev.start, ev.end) if value is not None and ev is not None else None


_VALID = {
    "complainant.phone": re.compile(r"^(?:1[3-9]\d{9}|0\d{2,3}-?\d{7,8})$"),
    "complainant.name": re.compile(rf"^(?:[\u4e00-\u9fff]{{2,5}}|{DOTTED_NAME.pattern})$"),
    # a trade, not the wages or the time of one (采茶工春茶工钱 from a title: …拖欠我们7个采茶工春茶工钱)
    "complainant.occupation": re.compile(r"^(?!.*(?:工钱|工资|工期|工龄|工伤|钱|资)$).+$"),
}


# a place of work ends with its kind (公司, 车间, 工地, 店, 路); a few characters after it are what was done there
# (某某有限公司车衣服); after a client's premises, the work done there may run longer (某医院做门诊楼和住院部的保安,
# 某电站清洗光伏板). A part of the premises the letter names (某医院住院部) is no work done: the corpus records it
_VERB_TAIL = re.compile(
    r"(?:(?<=公司|车间|工地|工厂|超市|项目|小区|中心|仓库|基地|园区)|(?<=[厂店馆矿]))"
    r"(?:[车做干当开搬扛缝]|上班|打工|务工)[\u4e00-\u9fff]{0,3}$"
    r"|(?:(?<=医院|中学|小学|学校|大学|学院|电站|酒店|宾馆|商场|超市|小区|银行)|(?<=卫生院|幼儿园))"
    r"(?:做|当|清洗|打扫|看守|值班|负责|干活|上班)[\u4e00-\u9fff]{0,10}$"
)


def _fill_from_model(rec: Recorder, text: str) -> None:
    from extractors.learned.spans import LABELS, find_spans

    wanted = {path for path in LABELS.values() if not rec.has(path)}
    for path, (start, end, confidence) in find_spans(text, rec.evidence, wanted).items():
        value = text[start:end].strip(" ，,。：:")
        if path == "complainant.name" and (lead := re.match(r"(?:名叫|叫做|叫|是|系)", value)):
            value, start = value[lead.end():], start + lead.end()  # 我妈妈叫某某: the tagger took the verb in
        pattern = _VALID.get(path)
        if pattern is not None and not pattern.match(value):
            continue
        if path == "complainant.phone" and value in {a.get("phone") for a in rec.get("agents") or []}:
            continue  # an agent's number
        if path == "respondent.workplace" and (tail := _VERB_TAIL.search(value)):
            value, end = value[: tail.start()], start + tail.start()  # 某某有限公司车衣服: the work done there
        rec.set(path, value, start, end, round(0.5 * confidence, 2))


def _requests_from_model(rec: Recorder, text: str) -> None:
    """Requests told in prose (extractors/learned/requests.py), when the rules found none; the facts then end
    where the first request begins."""
    from extractors.learned.requests import find_requests

    if rec.has("requests"):
        return
    found = [
        (from_the_ask(text, *item_span(text, *_after_label(text, s, e))), p)
        for s, e, p in find_requests(text)
        if not _TABLE_ROW.search(text, s, e)  # 合计\t9,300\t0\t9,300: a table's row asks nothing
    ]
    items = [(s, e) for (s, e), _p in found if e - s >= 4]
    if items:
        record_requests(rec, text, items, round(0.5 * min(p for _span, p in found), 2))
        _facts_before(rec, text, items[0][0])


_TABLE_ROW = re.compile(r"\t|\|")
# 诉求人诉求：1.要求公司… / 来电人诉求：…: a record's short label before what is asked
_LEAD_LABEL = re.compile(r"\s*[\u4e00-\u9fff]{2,8}[：:]\s*")


def _after_label(text: str, start: int, end: int) -> tuple[int, int]:
    m = _LEAD_LABEL.match(text, start, end)
    return (m.end(), end) if m and end - m.end() >= 4 else (start, end)


def _facts_before(rec: Recorder, text: str, ask: int) -> None:
    """Facts that run into the requests (我的要求是：请帮我要回… / 就是想请领导：帮我…) stop before them: before
    the sentence the first request stands in, and before a lead-in ending with a colon."""
    ev = rec.evidence.get("facts")
    if ev is None or not ev.start < ask < ev.end:
        return
    cut = max(text.rfind(ch, ev.start, ask) for ch in "。！？!?\n") + 1 or ev.start
    lead = text[ev.start : cut].rstrip()
    if lead.endswith(("：", ":")):
        cut = max(text.rfind(ch, ev.start, ev.start + len(lead) - 1) for ch in "。！？!?\n") + 1 or ev.start
    facts = text[ev.start : cut].strip()
    if len(facts) >= 20 and kw("violation").search(facts):
        rec.set("facts", facts, ev.start, ev.start + len(text[ev.start : cut].rstrip()), ev.confidence, overwrite=True)


# 职业装配工 / 砌墙的泥工 / 在客栈做保洁: the trade is the last words, after a label or a verb
_OCC_LEAD = re.compile(
    # (not the 干 of a word: 烘干房操作工, 晒干车间)
    r"^(?:(?:职业|工种|岗位)[是为]?|.*(?:的|做|当|(?<![烘晒风若能树骨才主])干|任|是)(?=[\u4e00-\u9fff]{2,}))?"
    r"(?:一名|一个|一位|名|个)?"
)


# jieba's tags of the words a trade does not start with: a number or count (九十七个), a pronoun (我们), an
# aspect word (过), an adverb…; and the place a trade is done (工地小工)
_OCC_NOISE_TAGS = {"m", "q", "mq", "r"}
_OCC_NOISE_WORDS = {"过", "過", "了", "着", "著"}
_OCC_PLACE = re.compile(r"^(?:工地上?|厂里|店里)")


def _trim_occupation(rec: Recorder) -> None:
    """过多年厨工 -> 厨工, 我们骑手 -> 骑手, 工地小工 -> 小工, 女护士 -> 护士; 九十七个工 (a count of work days)
    is no trade."""
    from extractors import tokenize
    from extractors.complaint.parties import occupation_of

    value = rec.get("complainant.occupation")
    if not isinstance(value, str):
        return
    words = tokenize.posseg(value)
    k = 0
    while k < len(words) - 1 and (words[k][1] in _OCC_NOISE_TAGS or words[k][0] in _OCC_NOISE_WORDS):
        k += 1
    cut = sum(len(w) for w, _f in words[:k])
    if (m := _OCC_PLACE.match(value, cut)) and occupation_of(value[m.end() :]):
        cut = m.end()
    if re.match(r"[男女](?=[\u4e00-\u9fff]{2})", value[cut:]):
        cut += 1
    if not cut:
        return
    ev = rec.evidence["complainant.occupation"]
    if len(value) - cut < 2:  # 九十七个工: what is left is no trade
        rec.forget("complainant.occupation")
        return
    rec.set("complainant.occupation", value[cut:], ev.start + cut, ev.end, ev.confidence, overwrite=True)


# What a letter's first paragraphs may say before its facts: the receiving office's stamps and a salutation
# (收文 2025年4月7日 第0412号 / 拟办：… / 尊敬的领导：), who writes for whom (由我替她写这封信), who the
# representatives are (推举某某、某某为代表), what the letter is about (现就公司拖欠工资的问题联名向贵大队投诉)
_OFFICE_LINE = re.compile(r"收文|收件|拟办|阅处|批示|登记号|第\s*\d+\s*号|^[^。！？]{0,30}[:：]$")
_PREAMBLE = re.compile(
    r"(?:现|特|今)(?:就|将|把|向)?[^。！？]{0,40}(?:问题|事情?|情况)[^。！？]{0,20}(?:投诉|反映|举报|求助)[。！]?$"
    r"|推(?:举|选)[^。！？]{0,30}代表|替(?:他|她)写|(?:由|让|叫)我(?:来)?(?:替|帮|代)"
)


def _trim_facts_preamble(rec: Recorder, text: str) -> None:
    """The facts without the paragraphs before them that tell no event: office stamps and a salutation, and a
    paragraph (no date, no sum) that introduces the writer, the representatives or the letter's purpose."""
    ev = rec.evidence.get("facts")
    value = rec.get("facts")
    if not ev or not isinstance(value, str) or "\n" not in value:
        return
    parts = value.split("\n")
    drop = 0
    for part in parts[:-1]:
        line = part.strip()
        concrete = nm.DATE.search(line) or nm.MONEY.search(line) or re.search(r"\d{1,2}月", line)
        office = bool(_OFFICE_LINE.search(line)) and len(line) <= 60
        if not (office or (not concrete and (kw("written_for").search(line) or _PREAMBLE.search(line)))):
            break
        drop += 1
    if not drop:
        return
    kept = "\n".join(parts[drop:])
    first = parts[drop].strip()
    at = text.find(first, ev.start, ev.end) if first else -1
    if at < 0:
        return
    rec.set("facts", kept, at, ev.end, ev.confidence, overwrite=True)


# a word for any worker (工人, 职工, 员工): a letter that also names the trade means the trade (…当工人，2015年起
# 一直在炼焦车间当推焦车司机 / 本人系女职工，…从事缝纫工作（车位工）)
_GENERIC_WORKER = re.compile(r"^(?:工人|职工|员工|女工|男工|女职工|男职工|普工|农民工|打工的|工作人员)$")
_TRADE_SAID = re.compile(
    r"(?:当|任|担任|干|做)(?:了)?(?P<occ>[\u4e00-\u9fff]{2,6}?)(?=[，,。；;、）)\n]|$)"
    r"|从事[^，,。；;\n]{0,12}?工作[（(](?P<occ2>[\u4e00-\u9fff]{2,6})[）)]"
)


def _specific_trade(rec: Recorder) -> None:
    """A generic worker's word recorded as the occupation gives way to the last trade the letter names."""
    from extractors.complaint.parties import occupation_of

    value, ev = rec.get("complainant.occupation"), rec.evidence.get("complainant.occupation")
    if not isinstance(value, str) or ev is None or not _GENERIC_WORKER.match(value):
        return
    trades = []
    for m in _TRADE_SAID.finditer(rec.view):
        group = "occ" if m.group("occ") else "occ2"
        occ = m.group(group)
        if (trade := occupation_of(occ)) and not _GENERIC_WORKER.match(trade):
            trades.append((trade, m.start(group), m.end(group)))
    if trades:
        trade, start, end = trades[-1]  # the last one the letter names: what the worker does now
        rec.set("complainant.occupation", trade, start, end, ev.confidence, overwrite=True)


def _tidy_occupation(rec: Recorder) -> None:
    from extractors.complaint.parties import occupation_of

    _trim_occupation(rec)
    _specific_trade(rec)
    value = rec.get("complainant.occupation")
    if not isinstance(value, str) or not (lead := _OCC_LEAD.match(value)) or not lead.end():
        return
    tail = value[lead.end() :]
    if occupation_of(tail):
        ev = rec.evidence["complainant.occupation"]
        rec.set("complainant.occupation", tail, ev.start + lead.end(), ev.end, ev.confidence, overwrite=True)


# 跟着某公司 / 进某公司 / 由某公司 / 全名叫某公司 / 吴江区盛泽镇的某公司: the organisation without the verb or place
# before it
_ORG_VERB = re.compile(
    r"^(?:(?:全名|全称|名字|名称)(?:叫做|叫|是|为)|跟着|跟随|跟|进入|进了|进到|进|由|到了|到|在|给|被|从|替|为|受雇于|受聘于|就职于|任职于|雇于|聘于|喺|係|归|责令|要求|督促)"
)
# a vague place word before a name (县城徽园宾馆, 镇上的某厂); not 县城建/县城投 (city construction, investment)
_VAGUE_PLACE = re.compile(r"(?:县城|城里|镇上|街上|市里|城区|村里|乡里|本地|当地)(?:的)?(?![建投管乡市区])")
_PROVINCES = (
    "北京|天津|上海|重庆|河北|山西|辽宁|吉林|黑龙江|江苏|浙江|安徽|福建|江西|山东|河南|湖北|湖南|广东|海南|四川|贵州|云南|"
    "陕西|甘肃|青海|台湾|内蒙古|广西|西藏|宁夏|新疆|香港|澳门"
)
# 吴店镇工业园枣阳市鑫达… / 高坪街道贵州鼎新…: where the unit is, then its registered name (which opens with
# its province, city or county)
_PLACE_THEN_REGISTERED = re.compile(
    rf"(?:街道|镇|乡|工业园|产业园|园区|开发区|新区|村|路|号)(?=(?:{_PROVINCES}|[\u4e00-\u9fff]{{2,4}}?(?:市|县))"
    r"[\u4e00-\u9fff]{2,})"
)


_COUNTY_TOWN = re.compile(r"(?P<county>[\u4e00-\u9fff]{1,4}?[县市区旗])[\u4e00-\u9fff]{1,6}?(?:镇|乡|街道)")
# 浩门镇北大街蜀香川菜馆 / 某镇北街尾之某有限公司 / 某镇某村路口那家某烘干厂: a town and a street, a position on it
# or a village's corner, then the unit's own name: where it stands, not its name (the place is its address)
_STREET_THEN_NAME = re.compile(
    r"(?P<place>(?:[\u4e00-\u9fff]{1,6}?(?:县|市|区|旗))?[\u4e00-\u9fff]{1,6}?(?:镇|乡|街道)"
    r"(?:[\u4e00-\u9fff]{1,5}?村)?[\u4e00-\u9fff]{0,4}?"
    r"(?:(?:大街|街|路|巷|大道)(?:东头|西头|南头|北头|街尾|街头|街口|路口|口|尾|头)?|东头|西头|南头|北头|街尾|街头|街口|路口))"
    r"(?P<link>之|那家|那个|这家|的)?"
)


# 营业执照上的名字是“某某养生会所” / 全称是某某有限公司 / 工商登记的名称为…: the unit's registered name
_REGISTERED = re.compile(
    r"(?:营业执照上?(?:的?名字|的?名称|写的|登记的|印的)?|执照上(?:的名字|写的)|全称|工商登记(?:的)?名称|注册名称|注册的名字)"
    r"(?:是|为|叫|写的是)?[：:]?\s*[“\"「]?(?P<n>[\u4e00-\u9fff（）()]{4,40}?)[”\"」]?(?=[，,。；;）)\n]|$)"
)


def _registered_name(rec: Recorder, suffix: re.Pattern[str]) -> None:
    """The employer as the letter shortens it (丽颜美容会所), when the letter also gives its registered name: the
    full name, as the corpus and a clerk record it."""
    m = _REGISTERED.search(rec.view)
    full = m.group("n") if m else ""
    if not m or not (suffix.search(full[-6:]) or re.search("(?:会所|馆|院|所|部|站|行|社|场|矿|队)$", full)):
        return
    named = rec.get("complainant.employer") or rec.get("respondent.name")
    for path in ("complainant.employer", "respondent.name"):
        value = rec.get(path)
        if not named:  # the only name the letter gives its employer is the one on the licence
            rec.set(path, full, m.start("n"), m.end("n"), PROSE)
        elif isinstance(value, str) and value != full and value[:2] in full:
            ev = rec.evidence[path]
            rec.set(path, full, m.start("n"), m.end("n"), ev.confidence, overwrite=True)


# a company's name as registered (…有限公司), the longest run of a name's characters before the suffix
_REGISTERED_FORM = re.compile(
    r"(?:[\u4e00-\u9fff]|[（(][\u4e00-\u9fff]{1,8}[)）]){2,30}?(?:股份有限公司|有限责任公司|有限公司)"
)
_NOT_IN_NAME = frozenset({"v", "p", "uj", "ul", "ud", "r", "f", "m", "c", "d", "x"})  # jieba tags: verbs, particles
# a project department in full: its company, then the project (中铝长城建设公司河南省周口华耀城项目部)
_PROJECT_FORM = re.compile(
    r"(?P<co>(?:[\u4e00-\u9fff]|[（(][\u4e00-\u9fff]{1,8}[)）]){2,30}?(?:有限公司|公司|集团|局))"
    r"[\u4e00-\u9fff0-9A-Za-z\-]{2,24}?项目(?:经理)?部"
)
_GENERIC_TAIL = re.compile(r"(?:有限公司|公司|工厂|厂|店|项目(?:经理)?部)$")
_PLACE_FIRST = re.compile(r"^[\u4e00-\u9fff]{1,4}?(?:省|市|县|区|旗)")


def _registered_start(run: str) -> int:
    """Where a registered name begins in a run of characters that ends with it (叫盐城华晟…有限公司 -> 盐城…):
    after the last verb or particle in it (把劳务分包给了某公司), at the first place name from there on."""
    from extractors.tokenize import posseg

    words, at, cut = [], 0, 0
    for word, flag in posseg(run):
        words.append((at, flag))
        if flag in _NOT_IN_NAME or word == "的":
            cut = at + len(word)
        at += len(word)
    return next((a for a, flag in words if a >= cut and flag == "ns"), cut)


# an outsourcing firm's registered name: a property, security, cleaning, housekeeping, labour or staffing company
_SERVICE_FIRM = re.compile(
    r"(?:[\u4e00-\u9fff]|[（(][\u4e00-\u9fff]{1,8}[)）]){2,24}?(?:物业|保安|保洁|清洁|家政|劳务|人力资源|派遣|外包)"
    r"[\u4e00-\u9fff]{0,8}?(?:有限责任公司|有限公司|公司)"
)
# the client's premises the firm posts its worker at: a school, hospital, hotel, bank, office …
_CLIENT_SITE = (
    r"(?P<w>[\u4e00-\u9fff0-9]{2,24}?(?:中学|小学|学校|幼儿园|大学|学院|二中|一中|三中|医院|卫生院|酒店|宾馆|饭店|银行|"
    r"大厦|商场|超市|车站|政府|法院|检察院|(?<!分)局|中心|馆))"
)
# 公司派他到某中学守校门 / 把我派到某酒店做保洁 / 在某医院做保洁员 / 我在某中学当保安
_POSTED_AT = (
    re.compile(r"(?:派到|派往|派驻到|派驻在|派驻|派去|派他到|派她到|派我到|派我们到|安排到|安排在|分配到|分到)"
               + _CLIENT_SITE + r"(?=做|当|守|值|干|上班|从事|负责|搞)"),
    re.compile(r"(?<![派排配分])在+" + _CLIENT_SITE
               + r"(?=(?:做|当|干|搞)(?:保洁|保安|清洁|门卫|门岗|宿管|绿化|护工|客房|楼层|物业))"),
)


def _outsourced(rec: Recorder, text: str) -> None:
    """A cleaner, guard or porter an outsourcing firm posts at a client's premises (在某中学做保洁员, 学校的保洁是包给
    某物业公司的): the premises are the place of work, the firm the employer, as a clerk records it. Only when the
    letter names such a firm apart from the premises."""
    firms = [m for m in _SERVICE_FIRM.finditer(text) if not any(p.search(m.group()) for p in _POSTED_AT)]
    posted = sorted((m for p in _POSTED_AT for m in p.finditer(text)), key=lambda m: m.start())
    # the first premises that are not a firm's name nor part of one
    at = next((m for m in posted if not _SERVICE_FIRM.search(m.group("w"))
               and not any(m.group("w") in f.group() or f.group() in m.group("w") for f in firms)), None)
    if not firms or at is None:
        return
    site = at.group("w")
    if not rec.has("respondent.workplace"):
        rec.set("respondent.workplace", site, at.start("w"), at.end("w"), PROSE)
    firm = firms[0]
    start = firm.start() + _registered_start(firm.group())  # 是包头市某物业…公司: the name from its place
    for path in ("complainant.employer", "respondent.name"):
        value = rec.get(path)
        if isinstance(value, str) and (value in site or site in value):  # the premises taken for the employer
            rec.set(path, text[start : firm.end()], start, firm.end(), PROSE, overwrite=True)


def _full_registered(rec: Recorder) -> None:
    """An employer the letter calls by a short name (华晟, 云雾尖茶业公司, 家政公司, 华耀城中铝项目部) whose
    registered name (盐城华晟汽车零部件有限公司) or project department's full name (中铝长城建设公司河南省周口华耀城
    项目部) it also writes somewhere: that name, as a clerk records it, when just one such name holds the short one."""
    for path in ("complainant.employer", "respondent.name"):
        value = rec.get(path)
        if not isinstance(value, str) or _REGISTERED_FORM.fullmatch(value) or _PLACE_FIRST.match(value):
            continue  # 通江县银河大酒店: a name with its place is the unit's own full name, whoever runs it
        core = _GENERIC_TAIL.sub("", value.strip("“”\"「」"))
        if len(core) < 2:
            continue
        found = {}
        forms = [_REGISTERED_FORM, _PROJECT_FORM] if value.endswith("部") else [_REGISTERED_FORM]
        for m in (m for form in forms for m in form.finditer(rec.view)):
            start = m.start() + _registered_start(m.groupdict().get("co") or m.group())  # (a project's: its company)
            name = rec.view[start : m.end()]
            held = core in name or (len(core) >= 4 and core[:3] in name)  # 德顺源客栈: 平遥县德顺源酒店…
            if held and name != value and len(name) - len(core) >= 4:
                found.setdefault(name, (start, m.end()))
        if len(found) == 1:
            name, (start, end) = found.popitem()
            rec.set(path, name, start, end, rec.evidence[path].confidence, overwrite=True)


# 唐老板 / 岩老板: a surname and 老板
_SURNAME_BOSS = re.compile(
    r"(?<![\u4e00-\u9fff])(?P<name>[\u4e00-\u9fff])老板|(?<=[的个找跟给是])(?P<n2>[\u4e00-\u9fff])老板"
)


_ID_WORD = re.compile(r"(?:身份证|身份号码|证件|居住证)[^\d\n]{0,6}$")


def _lone_id_number(rec: Recorder, text: str) -> None:
    """俺身份证号是3713…: the letter's only checked ID number, told as an ID number, is the complainant's (a
    table of several people's numbers is the roster's to read)."""
    if rec.has("complainant.id_number"):
        return
    found = [(value, m) for m in nm.ID_NUMBER.finditer(text) if (value := nm.valid_id_number(m.group()))]
    if len(found) == 1 and _ID_WORD.search(text, max(0, found[0][1].start() - 12), found[0][1].start()):
        value, m = found[0]
        rec.set("complainant.id_number", value, m.start(), m.end(), PROSE)


# 我跟着周姐干保洁 / 俺跟着村里的胡老板到…工地上干活 / 俺去给孟庆山的烘干塔烧炉子 / 在于老板的参园子干了一秋天:
# the person the writer worked for, named by name, by 姓+老板 or by a nickname (胖哥, 周姐, 马胖子, 孙老大)
_BOSS_WORD = (
    r"(?:包工头|工头|老板)(?P<titled>[\u4e00-\u9fff]{2,3}?)(?=[到在去干做，,的])"
    r"|(?P<nick>[\u4e00-\u9fff](?:老板|老大|胖子|哥|姐))(?=[到在去干做，,的])"
    r"|(?P<person>[\u4e00-\u9fff]{2,3}?)(?=的)"
)
_WORKED_FOR = (
    re.compile(  # 跟着周姐干 / 给孟庆山的烘干塔烧炉子
        rf"(?:跟着?|给|帮|替|随)(?:[^，。；\n]{{0,6}}?的)?(?:{_BOSS_WORD})"
        r"(?:的[^，。；\n]{1,10}?|[^，。；\n]{0,24}?)(?:干|做|打工|上班|当|烧|开|看|扎|搬|砌|装)"
    ),
    # 在于老板的参园子干
    re.compile(rf"在(?:[^，。；\n]{{0,8}}?)(?:{_BOSS_WORD})的[^，。；\n]{{1,10}}?(?:干|做|打工|上班)"),
    # 杨老二喊我们去城北安置房工地上搞小工: the one who called the writer to the work, by title or nickname
    re.compile(
        r"(?:(?:包工头|工头|老板)(?P<titled>[\u4e00-\u9fff]{2,3}?)"
        r"|(?P<nick>[\u4e00-\u9fff](?:老板|老大|老[二三四五六七幺]|胖子|哥|姐))|(?P<person>(?!)))"
        r"(?:喊|叫|带|找|招呼)(?:我们|我|俺们?|咱们?)(?:一起)?(?:去|到|来|上)[^，。；\n]{0,24}?(?:干|做|搞|当|上班|打工)"
    ),
)
# a site or a project: where the work was done, not whom it was done for
_SITE = re.compile(r"工地|项目|工程")
# a site and nothing else (no company, group or project department in its name)
_BARE_SITE = re.compile(r"^(?:(?!公司|集团|项目部|局|厂)[\u4e00-\u9fff])*工地$")
# 肖老板 / 姓肖的包工头 / 李工头: a boss called by a title
_BOSS_PHRASE = re.compile(r"^[\u4e00-\u9fff]{1,3}(?:老板|包工头|工头|老板娘|师傅)$")
# what ends the name of an organisation one works for
_REAL_ORG = re.compile(
    r"(?:公司|厂|店|行|馆|院|校|园|社|场|站|中心|集团|酒家|酒楼|超市|商场|门市|作坊|驿站|部|所|队)$"
)


def _boss_over_site(rec: Recorder, text: str) -> None:
    """The writer worked for a person (跟着周姐干保洁), and the employer the rules read names a site or project
    (小区三期工地, 鸿运名都) or nothing: the person is the employer and the one complained about."""
    employer = rec.get("complainant.employer")
    at_site = isinstance(employer, str) and bool(_SITE.search(employer))
    if isinstance(employer, str) and _REAL_ORG.search(employer) and not at_site:
        return
    for m in sorted((m for pattern in _WORKED_FOR for m in pattern.finditer(text)), key=lambda m: m.start()):
        key = next(k for k in ("titled", "nick", "person") if m.group(k))
        boss, s, e = m.group(key), m.start(key), m.end(key)
        if key != "nick" and not is_person_name(boss):
            continue
        if at_site and not rec.has("respondent.workplace"):  # the site is where the work was done
            site = rec.evidence["complainant.employer"]
            rec.set("respondent.workplace", employer, site.start, site.end, site.confidence)
        rec.set("complainant.employer", boss, s, e, PROSE, overwrite=True)
        respondent = rec.get("respondent.name")
        if not respondent or respondent == employer:
            rec.set("respondent.name", boss, s, e, PROSE, overwrite=True)
        return
    if not (isinstance(employer, str) and _BARE_SITE.search(employer)):
        return
    # No sentence says whom the writer worked for, but the employer read is a bare site (某小区安置房工地): the boss
    # the rankers read as the respondent (肖老板) is the employer; else the one the letter names by title (老板某某,
    # 某老板) is, as _boss_as_employer reads it once the site is set aside. (The site is not made the place of work
    # here: a bare 某某工地 from a story is too vague a place, and a wrong county in it raises out_of_jurisdiction.)
    respondent = rec.get("respondent.name")
    if isinstance(respondent, str) and _BOSS_PHRASE.match(respondent):
        ev = rec.evidence["respondent.name"]
        rec.set("complainant.employer", respondent, ev.start, ev.end, ev.confidence, overwrite=True)
    elif respondent in (None, employer) and (next(titled_bosses(text), None) or _SURNAME_BOSS.search(text)):
        rec.forget("complainant.employer")
        rec.forget("respondent.name")


# 杨老二真名叫杨正发 / 我叫龙老幺，大名龙光富: the real name a letter gives for a nickname
_REAL_NAME = re.compile(
    r"[，,]?(?:的)?(?:真名|大名|全名|本名|学名|真实姓名)(?:叫|是|为)?[:：]?(?P<n>[\u4e00-\u9fff]{2,4})"
)


def _named_over_placeholder(rec: Recorder) -> None:
    """反映梁山县某专用车公司拖欠工资 … 到梁山县华骏专用车制造有限公司从事电焊: a title's placeholder (某) for the
    organisation the other field names in full, ending with the same kind (公司), is that organisation."""
    employer, respondent = rec.get("complainant.employer"), rec.get("respondent.name")
    if not isinstance(employer, str) or not isinstance(respondent, str) or employer == respondent:
        return
    for path, value, other, source in (
        ("complainant.employer", employer, respondent, "respondent.name"),
        ("respondent.name", respondent, employer, "complainant.employer"),
    ):
        if "某" in value and "某" not in other and value[-2:] == other[-2:] and value[: value.index("某")] in other:
            ev = rec.evidence[source]
            rec.set(path, other, ev.start, ev.end, ev.confidence, overwrite=True)
            return


# 我在工地上就是搭架子、抬钢管 / 做的是看机器、接断头、落布 / 我每天打扫客房、换洗床单被罩: the writer's work told as
# what they did all day, two or more tasks listed with 、 (no numbers: 早上七点上班、晚上十点下班 is a schedule)
_TASK = r"(?:(?![\d〇一二三四五六七八九十两几点号月年天时元块]|工资|工钱|钱)[^，,。；;！？!?\n、：:“”])"
_WORK_DONE = re.compile(
    r"(?:^|[，,。；;！？!?\n])(?:(?:我|俺|本人)(?:[^，,。；;！？!?\n]{0,12}?)"
    r"(?:就是|主要是|主要|做的是|干的是|活儿?是|负责|每天|天天|专门)|做的是|干的是|(?:我|俺)的活儿?是)"
    r"(?:每天|天天)?(?:在|给人家|帮)?"
    rf"(?P<w>{_TASK}{{2,12}}(?:、{_TASK}{{1,12}}){{1,5}})(?=[，,。；;！？!?\n])"
)


# 我干的是石膏板吊顶 / 俺的活是看磅: the job told as what the writer's work is, one task
_JOB_IS = re.compile(
    r"(?:^|[，,。；;！？!?\n])(?:(?:我|俺|本人)(?:在[^，,。；;！？!?\n]{1,10}?)?(?:干的|做的|干的活|做的活|的活儿?)是)"
    rf"(?P<w>{_TASK}{{2,10}})(?=[，,。；;！？!?\n])"
)
# 我…在冷库里开叉车 / 俺在工地上绑钢筋 / 俺在猪场里头喂猪、出粪: tasks, a verb and its object each, told where
# the writer works
_TASK_AT = re.compile(
    r"(?:(?:我|俺)[^，,。；;！？!?\n]{0,10}?|(?<=[，,]))在[\u4e00-\u9fff]{1,8}?(?:里头|里面|里|上|内|(?<=车间|后厨|仓库|工地))(?:就是|专门|主要|负责)?"
    r"(?P<w>[\u4e00-\u9fff]{2,5}?(?:、[\u4e00-\u9fff]{2,4}){0,4})(?=[，,。；;！？!?\s]|$)"
)


_NOT_A_JOB = re.compile(r"[我他她你]|什么|啥|哪|没|不|老板|公司|工资|活儿?$")


def _jobs_stated(text: str, start: int = 0, end: int | None = None) -> Iterator[re.Match[str]]:
    """Each 我干的是… that names a job (not 我干的是什么活)."""
    found = _JOB_IS.finditer(text, start, len(text) if end is None else end)
    return (m for m in found if not _NOT_A_JOB.search(m.group("w")))


def _job_said_next(rec: Recorder, text: str) -> None:
    """给某公司干精装修，我干的是石膏板吊顶: the writer's own words for their job, right after the line of work the
    occupation was read from, say it more exactly."""
    ev = rec.evidence.get("complainant.occupation")
    if ev is None or ev.confidence > PROSE:
        return
    for m in _jobs_stated(text, ev.end, ev.end + 30):
        if not re.search(r"[。！？!?\n]", text[ev.end : m.start("w")]):  # (in the same sentence)
            rec.set("complainant.occupation", m.group("w"), m.start("w"), m.end("w"), PROSE, overwrite=True)
            return


def _work_done(rec: Recorder, text: str) -> None:
    if m := _WORK_DONE.search(text):
        rec.set("complainant.occupation", m.group("w"), m.start("w"), m.end("w"), PROSE)
        return
    from extractors.tokenize import posseg

    if m := next(_jobs_stated(text), None):
        rec.set("complainant.occupation", m.group("w"), m.start("w"), m.end("w"), PROSE)
        return
    for m in _TASK_AT.finditer(text):
        words = posseg(m.group("w").split("、")[0])
        # a verb and a thing (开 叉车, 绑 钢筋), not one word of work (上班, 干活) nor a time or a sum; a list of
        # tasks (喂猪、出粪、冲圈) may open with one verb-object word
        verb = words[0][1].startswith("v") or (words[0][1] == "zg" and len(words[0][0]) == 1)  # (绑: zg)
        listed = "、" in m.group("w") and len(words) == 1 and verb and words[0][0] not in ("上班", "干活", "打工")
        if listed or (len(words) == 2 and verb and words[1][1] == "n" and len(words[1][0]) >= 2):
            rec.set("complainant.occupation", m.group("w"), m.start("w"), m.end("w"), PROSE)
            return


def _real_names(rec: Recorder, text: str) -> None:
    """A person named by a nickname whom the letter also names by their real name is recorded by it."""
    for path in ("complainant.name", "complainant.employer", "respondent.name"):
        value = rec.get(path)
        if not isinstance(value, str) or len(value) < 2:
            continue
        for _at, m in after(text, value, _REAL_NAME):
            name = next((m.group("n")[:k] for k in (3, 2, 4) if is_person_name(m.group("n")[:k])), None)
            if name and name != value:
                # the employer's nickname is the respondent's too, wherever both were read as it
                same = [path] if path == "complainant.name" else [
                    p for p in ("complainant.employer", "respondent.name") if rec.get(p) == value
                ]
                for p in same:
                    rec.set(p, name, m.start("n"), m.start("n") + len(name), PROSE, overwrite=True)
                break


_NICKNAMED_BOSS = re.compile(
    r"(?:老板|包工头|工头|老板娘)(?:的)?(?:外号|绰号|小名|诨名)(?:叫|是|为)?[“\"]?(?P<nick>[\u4e00-\u9fff]{2,3}?)[”\"]?(?=[，,。；])"
)


# 延川县政府严重拖欠我们参与…工程的民工工钱 / 某公司项目部恶意拖欠农民工工资: the body that owes the wages,
# public bodies included (a township owes its teachers, a bureau its workers); never one asked to make it pay
_DEBTOR = re.compile(
    r"(?P<org>[\u4e00-\u9fff（）()]{2,30}?(?:人民政府|政府|局|学校|医院|中心|公司|集团|项目部|厂|站|所|院|办事处|管委会))"
    r"(?:(?!督促|责令|要求|协调|帮|请|让|叫|支付|公司|老板)[^，。！？；,!?\n]){0,8}?"
    r"(?:拖欠|欠发|克扣|停发|(?:一直|迟迟|始终)?(?:没有?|未|不|拒不)(?:支付|发放|发|付|给|结)(?:过|清)?)"
    r"(?:(?!督促|责令)[^，。！？；,!?\n]){0,24}?(?:工资|工钱|工程款|薪水|血汗钱|生活费)"
)
_ADDRESSED = re.compile(r"(?:劳动|人社|人力资源|监察|信访|法院|仲裁|公安|派出所)")


def _debtor_as_employer(rec: Recorder, text: str) -> None:
    """A letter that names no employer but says which body owes the wages: that body is the employer and the
    one complained about, a public one as well (the rules elsewhere keep public bodies out, as the offices a
    letter writes to)."""
    employer = rec.get("complainant.employer")
    if isinstance(employer, str) and not (_SITE.search(employer) or re.search(r"(?:村|小区|建设|工程)$", employer)):
        return  # a named employer stands; one that names only a project or a place does not
    if employer is None and rec.has("respondent.name"):
        return
    for m in _DEBTOR.finditer(text):
        lead = re.match(r"^.*?(?:是|的|在|和|与|对|向|给|被|由|让|我们|他们)", m.group("org"))
        start = m.start("org") + (lead.end() if lead and m.end("org") - m.start("org") - lead.end() >= 3 else 0)
        org = text[start : m.end("org")]
        if len(org) < 3 or _ADDRESSED.search(org) or re.match(r"(?:对|把|将)?(?:该|这|那|此|本|其|某)", org):
            continue  # 该厂 / 这个公司: the letter's word for a body named elsewhere
        if re.fullmatch(r"(?:劳务|建筑|施工|装修|装饰|物业|保安|家政|建设|工程|外包|承包)?(?:公司|集团|项目部|厂)",
                        org):
            continue  # 劳务公司拖欠…: a kind of firm, not a name
        if employer is not None and not re.search(r"政府|局$", org):
            continue  # a site the letter names stands unless a public body is said to owe the wages
        respondent = rec.get("respondent.name")
        rec.set("complainant.employer", org, start, m.end("org"), PROSE, overwrite=True)
        if not respondent or respondent == employer:
            rec.set("respondent.name", org, start, m.end("org"), PROSE, overwrite=True)
        return


# a workshop with no sign or licence (没挂牌子, 冇挂牌子, 也没办执照): the words for it are no name, its owner is
_UNNAMED = re.compile(r"(?:没有?|冇|未)(?:挂|挂过|有)?(?:牌子|招牌|字号)|(?:没有?|冇|未)(?:办|领)(?:过)?(?:营业)?执照")
# 我要告的是王某 / 老板就是赵某本人 / 邓某开咯是打火机作坊: the person the letter complains about or who owns the place
_ACCUSED = re.compile(
    r"(?:我|俺|我们|俺们)(?:要|想)?(?:告|投诉|反映)(?:的|咯|嘞)是(?:[\u4e00-\u9fff]{1,6}?(?:镇|乡|村|街道)(?:的)?)?"
    r"(?P<a>[\u4e00-\u9fff]{2,3})(?=[，,。；]|欠|拖|就是)"
    r"|老板(?:就)?是(?P<b>[\u4e00-\u9fff]{2,3})(?=本人|[，,。；])"
    r"|(?:^|[\n，,。；])(?P<c>[\u4e00-\u9fff]{2,3})(?:开的|开咯|开嘞|办的)是?[^，,。；\n]{0,10}(?:作坊|厂|店|馆)"
)


def _owner_of_unnamed(rec: Recorder, text: str) -> None:
    """The person the writer says they complain about (我要告的是王某) is the employer and the respondent, unless a
    registered name was read; so is the owner of a place with no name of its own (a workshop without a sign:
    卷尺加工厂, 没挂牌子)."""
    employer = rec.get("complainant.employer")
    if isinstance(employer, str) and re.search(r"公司|有限|合作社|集团", employer):
        return  # a registered name stands
    unnamed = employer is None or _UNNAMED.search(text) is not None
    for m in _ACCUSED.finditer(text):
        key = next(k for k in "abc" if m.group(k))
        name = m.group(key)
        if not is_person_name(name, named_here=True) or (key != "a" and not unnamed):
            continue  # whom the writer says they complain about decides; an owner only for a place with no sign
        if isinstance(employer, str) and f"{name[0]}老板" in employer:
            return  # 周老板的清洗队: the letter's own words for the same person's outfit stand
        respondent = rec.get("respondent.name")
        rec.set("complainant.employer", name, m.start(key), m.end(key), PROSE, overwrite=True)
        if not respondent or respondent == employer or not re.search(r"公司|有限", respondent):
            rec.set("respondent.name", name, m.start(key), m.end(key), PROSE, overwrite=True)
        return


def _boss_as_employer(rec: Recorder, text: str) -> None:
    """A letter that names no organisation but names the boss (老板唐柏树, 包工头李红旗, 唐老板): the boss is the
    employer and the one complained about, recorded as the corpus and a clerk record it (the person's name;
    X老板 as written)."""
    if rec.has("complainant.employer") or rec.has("respondent.name"):
        return
    for name, s, e in titled_bosses(text):
        rec.set("complainant.employer", name, s, e, PROSE)
        rec.set("respondent.name", name, s, e, PROSE)
        return
    if m := _NICKNAMED_BOSS.search(text):  # 老板外号叫黑皮，真名我们都不晓得: known by the nickname alone
        rec.set("complainant.employer", m.group("nick"), m.start("nick"), m.end("nick"), PROSE)
        rec.set("respondent.name", m.group("nick"), m.start("nick"), m.end("nick"), PROSE)
        return
    single, _double = surnames()
    for m in _SURNAME_BOSS.finditer(text):
        key = "name" if m.group("name") else "n2"
        if m.group(key) in single:
            s, e = m.start(key), m.end()
            rec.set("complainant.employer", text[s:e], s, e, PROSE)
            rec.set("respondent.name", text[s:e], s, e, PROSE)
            return


# where a place phrase names a location, not a unit: an address's words, and the spoken ones (市场, 对面, 后头 …)
_LOCATION_WORD = re.compile(
    rf"{PLACE_WORD}|市场|景区|广场|车站|码头|对面|旁边?|附近|后头|后面|前面|门口|边上|路口|交叉口|一带"
)


def _place_of_employer(rec: Recorder) -> None:
    """在镜泊湖景区北门停车场对面的“某某”饭店后厨 / 到某镇果品市场后头罗老板的冷库: with no address of its own,
    the location the letter gives the employer by is the employer's address (a shop, a boss's store is known by
    where it stands), and no separate place of work is stated."""
    place, name = rec.get("respondent.workplace"), rec.get("respondent.name")
    if rec.has("respondent.address") or not isinstance(place, str) or not isinstance(name, str):
        return
    core = name.strip("“”\"「」")
    at = place.find(core) if len(core) >= 2 else -1
    if at <= 0 or _SITE.search(place[at:]) or re.search(r"矿|标段|隧道", place[at:]):
        return  # a site or project is a place of work, however the letter locates it
    if place[at - 1] in "“\"「":
        at -= 1
    lead = place[:at].removesuffix("的")
    if len(lead) < 4 or not _LOCATION_WORD.search(lead) or re.search(r"[，,。；]", lead):
        return
    ev = rec.evidence["respondent.workplace"]
    rec.set("respondent.address", lead, ev.start, ev.start + len(lead), ev.confidence)
    rec.forget("respondent.workplace")


# 在古城南大街平遥古韵轩精品酒店上班: a road (or a numbered door) and then a name ending in an organisation word
_STREET_THEN_ORG = re.compile(
    r"^(?P<place>.{2,30}?(?:路|街|大街|大道|巷|号|广场|园区|工业园))(?P<org>[\u4e00-\u9fff“”]{4,20})$"
)


def _employer_in_address(rec: Recorder) -> None:
    """An employer's address read together with its name (在某街某酒店上班): the name is the employer, the street
    its address, when no name was read."""
    from extractors.complaint.labels import kw

    value, ev = rec.get("respondent.address"), rec.evidence.get("respondent.address")
    if not isinstance(value, str) or ev is None:
        return
    m = _STREET_THEN_ORG.match(value)
    if not m or not kw("org_suffix").search(m.group("org")) or _LOCATION_WORD.search(m.group("org")[:2]):
        return
    if any(rec.get(p) not in (None, value, m.group("org")) for p in ("respondent.name", "complainant.employer")):
        return  # another name read elsewhere
    cut = ev.start + m.start("org")
    rec.set("respondent.address", m.group("place"), ev.start, cut, ev.confidence, overwrite=True)
    for path in ("respondent.name", "complainant.employer"):
        if rec.get(path) in (None, value):  # the same words as the address are no name
            rec.set(path, m.group("org"), cut, ev.end, ev.confidence, overwrite=True)


# the clauses a letter adds after an employer's address to say where it stands: 挨着老汽车站 / 茶叶市场对面 /
# 从镇上往西走两里路，加油站后面. Locative words are a closed class, so the clause is told by them; a clause
# with a verb of its own (训练场在北环路东头, 分拣中心也在园区里面) says something else.
_LANDMARK = re.compile(
    r"[，,](?P<c>(?:挨着|紧挨着?|紧邻|靠近|临近|就在)[^，。；,\n]{2,14}"
    r"|(?:从[^，。；,\n]{1,6})?(?:往|向)[东南西北][^，。；,\n]{1,10}"
    r"|[^，。；,\n]{2,14}?(?:斜对面|斜对门|对面|对门|对过|隔壁|旁边|旁|后面|后头|前面|附近|楼上|楼下|边上|院内|里面|门口"
    r"|[东南西北](?:侧|边|头)|那儿|那里|那块|院里|院子里|里头|底商|[\d一二三四五六七八九十]+(?:楼|层))"
    r"|[^，。；,\n]{2,16}?就是)(?=[，。；,\n）)]|$)"  # 路边有个大棉花垛子就是: "that's the place"
)
_OWN_VERB = re.compile(r"(?<!就)在|(?<!就)是|也|有")


# 进了杨梅镇的广西容县森达木业有限公司 / 在台城通济路那间金记茶楼: where the employer stands, told just before it
_PLACE_BEFORE = re.compile(
    r"(?:在|到|进了?|去|(?:即|就|也就)是)(?P<a>[^，,。；;！？\n在到]{2,30}?)(?:的|那间|那家|这间|这家|嗰间|𠮶间|一间|一家)$"
)


# 鑫立劳务的办公室在某区某大道东段 / 他的咖啡地在某县某乡某村后山 / 厂在某镇石材工业区里: where the employer's
# premises are, said of it (by name, as 公司/厂, or as 他/老板 the boss)
_PREMISES_AT = re.compile(
    r"(?P<who>[\u4e00-\u9fff]{0,12}?)的?(?:办公室|办公地点|厂子?|工厂|厂房|店|门面|铺子|公司|作坊|[^，,。；的地]{1,3}地|果园|茶园|"
    r"养殖场|农场|基地|[煤砖料石砂沙]场)(?:就)?(?:在|位于|开在|设在)(?P<a>[^，,。；;！？!?\n]{3,36}?)(?:里|那里|这里|那边)?(?=[，,。；;！？!?\n])"
)


_ADDRESS_END = re.compile(r"(?:[路街道巷号村组园区镇乡楼层厦场坡口段屯寨]|后山|边上|旁边|对面|附近|[东西南北]侧|院内)$")


def _premises_of_employer(rec: Recorder) -> None:
    """With no address read, the place the letter says the employer's premises stand at is its address: said of
    the employer by its name (or its name's first characters), as 公司/厂, or as the boss (他, 老板)."""
    name = rec.get("respondent.name")
    if rec.has("respondent.address") or not isinstance(name, str) or len(name) < 2:
        return
    bare = name.strip("“”")
    core = core_name(bare)  # 某市鑫立劳务有限公司 is called 鑫立劳务
    heads = {bare[:2], bare[:4], core[:2], core[:4]}
    for m in _PREMISES_AT.finditer(rec.view):
        who, value = m.group("who"), m.group("a")
        said = (not who or who.endswith(("他", "她", "老板", "公司", "厂", "该", "他们"))
                or any(h in who for h in heads) or (len(who) >= 2 and who in bare))
        if not said or re.search(r"工地|项目|我|俺|家", who + value) or not _LOCATION_WORD.search(value):
            continue  # someone else's premises, a site (a place of work), or a home
        if re.search(r"一个|一家|某个|那个|有|是|[（()）]", value) or not _ADDRESS_END.search(value):
            continue  # 小店区的一个写字楼 / 某镇有加工厂 / what was done there: no address
        if DIVISIONS_ONLY.fullmatch(value):
            continue  # a county or town says where, not at which address
        rec.set("respondent.address", value, m.start("a"), m.end("a"), PROSE)
        return


def _tidy_respondent_address(rec: Recorder) -> None:
    """An employer's address that names only its county or town (某县某镇) says where, not at which address: no
    address, and the item stays missing (the office asks for it), as the corpus's convention has it. Inside it
    (某产业园里面) is where in it, not more of the address."""
    value = rec.get("respondent.address")
    if isinstance(value, str) and TOWN_ALONE.fullmatch(value.strip(" 。，,")):
        rec.forget("respondent.address")
        rec.withheld.add("respondent.address")
    elif isinstance(value, str) and len(value) > 5 and value.endswith(("里面", "里头", "里边")):
        ev = rec.evidence["respondent.address"]
        rec.set("respondent.address", value[:-2], ev.start, ev.end - 2, ev.confidence, overwrite=True)


def _place_before_employer(rec: Recorder) -> None:
    """With no address of its own, the place a sentence puts the employer at just before naming it or its kind (a
    town, a road, a landmark) is its address."""
    name = rec.get("respondent.name")
    if rec.has("respondent.address") or not isinstance(name, str) or len(name) < 2:
        return
    kind = re.search(r"(?:茶楼|酒楼|饭店|饭馆|餐馆|酒店|宾馆|超市|冷库|作坊|工厂|厂|店)$", name.strip("“”"))
    named = list(find_all(rec.view, name))
    core = core_name(name.strip("“”"))
    if len(core) >= 5 and (head := core[:3]) and not _LOCATION_WORD.search(head):
        # its trade name told with the place before it (即是某海边嗰间蓝海湾酒店 of 某县蓝海湾酒店管理有限公司)
        named += [at for at in find_all(rec.view, head) if not any(n <= at < n + len(name) for n in named)]
    kinds = [
        at for at in find_all(rec.view, kind.group()) if not any(n <= at < n + len(name) for n in named)
    ] if kind and kind.start() > 0 else []
    for at in sorted(named + kinds):
        m = _PLACE_BEFORE.search(rec.view, max(0, at - 36), at)
        if not m or m.group("a") in name or not _LOCATION_WORD.search(m.group("a")):
            continue
        if re.search(r"公司|厂|店|老板|我|他|她|(?:开|办|经营|承包|包)$", m.group("a")):
            continue  # 在公司…的 / 到他的… / 镇东边秦某开的…: someone's, not a place
        value = re.sub(r"(?:上|里|那边|这边|那里|这里|一带|附近)$", "", m.group("a"))  # 禾丰镇上: the town
        if DIVISIONS_ONLY.fullmatch(value) or value in ("县城", "城里", "市里", "城区", "老家"):
            continue  # 到涪陵区李渡镇的某火锅店: a town says where, not at which address (the 住所 is still asked for)
        if len(value) >= 2:
            rec.set("respondent.address", value, m.start("a"), m.start("a") + len(value), PROSE)
            return


# 在某酒店门口当保安 / 在某小区里做保洁: where at the premises the worker stood, after the premises' own name
_POSITION_AT = re.compile(r"(?<=[店厂院校园场楼区站司馆心地部厦城])(?:大门口|门口|门前|里面|里头|里边|那边|里|上)$")


def _position_at_premises(rec: Recorder) -> None:
    value, ev = rec.get("respondent.workplace"), rec.evidence.get("respondent.workplace")
    if isinstance(value, str) and (m := _POSITION_AT.search(value)) and m.start() >= 3:
        end = ev.end - len(m.group()) if ev is not None and rec.view[ev.start : ev.end] == value else None
        if end is not None:
            rec.set("respondent.workplace", value[: m.start()], ev.start, end, ev.confidence, overwrite=True)


# 县城的办公室（龙里大道旁边，金龙大厦6楼）: a vague place, then in brackets where it is
_VAGUE_THEN_BRACKET = re.compile(r"^(?P<lead>[^（(）)]{2,12})[（(](?P<inner>[^（()）]{4,60})[)）]$")
_ADDRESS_CHARS = re.compile(r"[省市县区镇乡村路街道号巷弄楼层栋幢]|大道|大厦|广场|园区|工业区")


def _address_in_brackets(rec: Recorder) -> None:
    value, ev = rec.get("respondent.address"), rec.evidence.get("respondent.address")
    if not isinstance(value, str) or ev is None or not (m := _VAGUE_THEN_BRACKET.match(value)):
        return
    lead = re.sub(r"^(?:县城|城里|市里|镇上|城区)", "", m.group("lead"))
    if _ADDRESS_CHARS.search(lead) or not _ADDRESS_CHARS.search(m.group("inner")):
        return
    if rec.view[ev.start : ev.end] == value:
        rec.set("respondent.address", m.group("inner"), ev.start + m.start("inner"), ev.start + m.end("inner"),
                ev.confidence, overwrite=True)


def _landmarks(rec: Recorder) -> None:
    """An employer's address as the letter writes it runs on through the landmarks told right after it
    (某镇老街，茶叶市场对面): a clerk finds the place by them."""
    value, ev = rec.get("respondent.address"), rec.evidence.get("respondent.address")
    if not isinstance(value, str) or ev is None or rec.view[ev.start : ev.end] != value:
        return
    tail = re.match(r"里面|里头|上|里", rec.view[ev.end : ev.end + 2])  # 某路上，挨着… / 某园里面，7号厂房三楼
    end = after = ev.end + (len(tail.group()) if tail else 0)
    for _ in range(2):
        m = _LANDMARK.match(rec.view, end)
        if not m or (_OWN_VERB.search(m.group("c")) and not m.group("c").endswith("就是")) or "在" in m.group("c")[2:]:
            break  # (仓库就在公司院里: another place's clause, not a landmark of this one)
        end = m.end()
    if end > after:  # at least one landmark
        rec.set("respondent.address", rec.view[ev.start : end], ev.start, end, ev.confidence, overwrite=True)


def _address_runs_on(rec: Recorder) -> None:
    """The address as the rules end it, run on through the words after it that still say where it is (立着两根
    大烟囱 / 路北有个蓝铁皮大门 / 那一片), as the address model weighs them (extractors/learned/address.py)."""
    from extractors.learned import address

    value, ev = rec.get("respondent.address"), rec.evidence.get("respondent.address")
    if not isinstance(value, str) or ev is None or rec.view[ev.start : ev.end] != value:
        return
    if grown := address.extend(rec.view, ev.end):
        end, p = grown
        rec.set("respondent.address", rec.view[ev.start : end], ev.start, end, round(0.5 * p, 2), overwrite=True)


# 宿迁市迅邦快递服务有限公司城东配送站: a company's name and then one of its places (a station, a project department,
# a warehouse, a site): the company is the employer, the place where the work was done (a store stays in the name:
# 某超市有限公司杨柳青店 is how the goldens record an employer)
_COMPANY_THEN_UNIT = re.compile(
    r"^(?P<company>.{4,40}?有限(?:责任)?公司)(?P<unit>[\u4e00-\u9fff\d]{2,12}?(?:配送站|站点|站|项目部|仓库|基地|工地))$"
)


def _unit_of_company(rec: Recorder) -> None:
    name, ev = rec.get("respondent.name"), rec.evidence.get("respondent.name")
    if not isinstance(name, str) or ev is None or not (m := _COMPANY_THEN_UNIT.match(name)):
        return
    if m.group("unit").endswith("项目部") and rec.get("respondent.workplace") not in (None, name):
        return  # the site is named apart (在某工地干活): the project department is the employer, in its full name
    cut = ev.start + m.end("company") if rec.view[ev.start : ev.end] == name else None
    for path in ("respondent.name", "complainant.employer"):
        if rec.get(path) == name:
            e = rec.evidence[path]
            rec.set(path, m.group("company"), e.start, e.start + len(m.group("company")), e.confidence, overwrite=True)
    if rec.get("respondent.workplace") in (None, name) and cut is not None:
        rec.set("respondent.workplace", m.group("unit"), cut, ev.end, ev.confidence, overwrite=True)


# 住所地：某镇某大道东段（阳春工业园区） / 某医院（门诊楼及住院部保洁）: a note in brackets right after a place says
# where in it, and a clerk keeps it; not how the writer lives there (租住), whose it is (投诉人), nor a household
# registration (户籍：…)
_PLACE_NOTE = re.compile(r"[（(](?P<note>[^（()）\n]{2,24})[)）]")
_NOT_A_PLACE_NOTE = re.compile(
    r"租|借住|暂住|户籍|户口|投诉人|被投诉人|本人|派驻|民办|公办|带班|电话|手机|身份证|联系|简称|以下|下称"
)


def _bracketed_notes(rec: Recorder) -> None:
    for path in ("complainant.address", "respondent.address", "respondent.workplace"):
        value, ev = rec.get(path), rec.evidence.get(path)
        if not isinstance(value, str) or ev is None or rec.view[ev.start : ev.end] != value or "（" in value:
            continue
        m = _PLACE_NOTE.match(rec.view, ev.end)
        if m and not _NOT_A_PLACE_NOTE.search(m.group("note")):
            rec.set(path, rec.view[ev.start : m.end()], ev.start, m.end(), ev.confidence, overwrite=True)


def _yu_begins_place(rec: Recorder, lead: re.Match[str], ev: FieldEvidence | None) -> bool:
    """厂在于都工业园区: the 在 before the value was the preposition, and the 于 the value opens with begins the place
    (于都), not a preposition to trim."""
    return lead.group() == "于" and ev is not None and rec.view[ev.start - 1 : ev.start] == "在"


_WORK_AFTER_REGISTERED = re.compile(
    r"(?<=有限公司|责任公司|股份公司)(?:看守|看护|看管|看门|看|守|做|干|当|开|上班|打工)[\u4e00-\u9fff]{0,3}$"
)


def _street_before_name(rec: Recorder, path: str, value: str, suffix: re.Pattern[str]) -> int:
    """Where the unit's name begins after a street-level place told before it (浩门镇北大街|蜀香川菜馆): 0 when the
    value does not open so. The place becomes the employer's address when it has none."""
    m = _STREET_THEN_NAME.match(value)
    if not m:
        return 0
    place, rest = m.group("place"), value[m.end() :]  # (the place ends in a street or a position: the pattern's)
    if len(rest) < 3 or not suffix.search(rest) or suffix.search(place):
        return 0
    registered = re.match(rf"(?:{_PROVINCES}|[\u4e00-\u9fff]{{2,4}}?(?:市|县))", rest)
    if registered is None and m.group("link") is None and len(rest) < 4:
        return 0  # (a short name right after the street, no 的/之/那家 between: one name, not a place and a name)
    if path == "respondent.name" and not rec.has("respondent.address"):
        ev = rec.evidence[path]
        rec.set("respondent.address", place, ev.start, ev.start + len(place), ev.confidence)
    return m.end()


def _tidy_orgs(rec: Recorder) -> None:
    from extractors.complaint.labels import kw

    suffix = kw("org_suffix")
    for path in ("complainant.employer", "respondent.name"):
        value = rec.get(path)
        if not isinstance(value, str):
            continue
        cut = 0
        if (lead := _ORG_VERB.match(value)) and suffix.search(value[lead.end() :]) and len(value) - lead.end() >= 4:
            cut = lead.end()
        if (where := _VAGUE_PLACE.match(value, cut)) and len(value) - where.end() >= 4:
            cut = where.end()  # 在县城徽园宾馆做…: where the shop is, said the way one says it, not its name
        at = value.rfind("的", cut)
        if at >= 0 and suffix.search(value[at + 1 :]) and len(value) - at - 1 >= 4 and not suffix.search(value[cut:at]):
            cut = at + 1  # 盛泽镇的某公司 (a place before 的), not 某公司的某项目部
        m = _PLACE_THEN_REGISTERED.search(value, cut)
        if m and suffix.search(value[m.end() :]) and not re.search("公司|厂", value[cut : m.end()]):
            cut = m.end()
        # 陇西县首阳镇陇西岐黄源…有限公司: the town it stands in, then a registered name that opens with the county
        town = _COUNTY_TOWN.match(value, cut)
        if town and value[town.end() :].startswith(town.group("county")[:2]) and suffix.search(value[town.end() :]):
            cut = town.end()
        if not cut:
            cut = _street_before_name(rec, path, value, suffix)
        if tail := _WORK_AFTER_REGISTERED.search(value, cut):  # 某某有限公司|看守厂: the work done there, not the name
            ev = rec.evidence[path]
            end = ev.start + tail.start()
            rec.set(path, value[cut : tail.start()], ev.start + cut, end, ev.confidence, overwrite=True)
        elif cut:
            ev = rec.evidence[path]
            rec.set(path, value[cut:], ev.start + cut, ev.end, ev.confidence, overwrite=True)
    for path in ("complainant.employer", "respondent.name"):
        value = rec.get(path)
        if isinstance(value, str):
            for m in _QUOTED_KIND.finditer(rec.view):
                if m.group("name") == value.strip("“”\"「」"):  # “某某”火锅店: the shop as its sign and its kind
                    ev = rec.evidence[path]
                    rec.set(path, m.group(), m.start(), m.end(), ev.confidence, overwrite=True)
                    break
    _registered_name(rec, suffix)
    for path in ("complainant.address", "respondent.address"):
        # 在于都县贡江镇水头村 / 位于某县某工业园区 / 我们某县某镇某路: a preposition or pronoun is no part of a place
        value = rec.get(path)
        lead = _ADDRESS_LEAD.match(value) if isinstance(value, str) else None
        ev = rec.evidence.get(path)
        if lead and _yu_begins_place(rec, lead, ev):
            continue
        if isinstance(value, str) and lead and len(value) - lead.end() >= 4:
            rec.set(path, value[lead.end() :], ev.start + lead.end(), ev.end, ev.confidence, overwrite=True)
    place = rec.get("respondent.workplace")
    ev = rec.evidence.get("respondent.workplace")
    noted = ev is not None and rec.view[ev.end : ev.end + 1] in ("（", "(")  # 同上（公司2号仓库）: the note says where
    if isinstance(place, str) and _SAME_AS_ABOVE.fullmatch(place.strip()) and not noted:
        rec.forget("respondent.workplace")  # a form's 同上 / 无: no place of its own
        place = None
    if isinstance(place, str) and (lead := _PLACE_VERB.match(place)) and len(place) - lead.end() >= 3 and (
        not _yu_begins_place(rec, lead, ev)
    ):
        ev = rec.evidence["respondent.workplace"]
        rec.set("respondent.workplace", place[lead.end() :], ev.start + lead.end(), ev.end, ev.confidence,
                overwrite=True)
        place = place[lead.end() :]
    # 岚县东村镇的山西某洗选煤有限公司: a registered name after the town it stands in names the place whole
    if isinstance(place, str) and (m := _TOWN_OF.match(place)) and suffix.search(place) and (
        re.search("有限公司|有限责任公司|股份|集团", place[m.end() :])
    ):
        ev = rec.evidence["respondent.workplace"]
        rec.set("respondent.workplace", place[m.end() :], ev.start + m.end(), ev.end, ev.confidence, overwrite=True)


_ADDRESS_LEAD = re.compile(r"(?:写的是|写着|我们|俺们|咱们|咱|俺|住在|位于|坐落于|坐落在|在|于(?!.[区县市旗]))")
_SAME_AS_ABOVE = re.compile(r"同上|同前|同左|无|没有|不详|/|—+|-+")


_PARTY_TEXT = (
    "complainant.occupation", "complainant.employer", "complainant.address", "respondent.name",
    "respondent.address", "respondent.workplace", "respondent.legal_representative",
)
_OPEN, _CLOSE = "（(［[【", "）)］]】"
_STRAY_LEAD = re.compile(r"^[|｜:：\s]+")  # a form's cell border or a label's colon before the value


# 巴蜀鲜毛肚火锅（仁寿文林店）: the branch a chain's name is given with, in brackets right after it (not a note:
# （即…）, （位于…）, （本地人简称…）)
_BRANCH = re.compile(r"[（(](?P<b>(?!即|位于|本地|门店招牌|简称|原名)[\u4e00-\u9fff]{2,8}(?:分店|门店|店|分公司))[）)]")


def _branch_in_brackets(rec: Recorder) -> None:
    """The employer's or respondent's name takes the branch in brackets that follows it where it stands."""
    for path in ("respondent.name", "complainant.employer"):
        value, ev = rec.get(path), rec.evidence.get(path)
        if not isinstance(value, str) or ev is None or rec.view[ev.start : ev.end] != value:
            continue
        if (m := _BRANCH.match(rec.view, ev.end)) and not m.group("b").startswith(value[:2]):
            rec.set(path, value + m.group(), ev.start, m.end(), ev.confidence, overwrite=True)


def _tidy_brackets(rec: Recorder) -> None:
    """A party's name or address ends where a bracket the value did not open closes, or before a bracket it
    opens and never closes: 某公司（公司地址：某路57号）班组里 gives 某公司 and 某路57号, not 某公司（公司
    and 某路57号）班组里; a form's cell border (| 某镇某村) is not part of the value."""
    for path in _PARTY_TEXT:
        value, ev = rec.get(path), rec.evidence.get(path)
        if not isinstance(value, str) or ev is None:
            continue
        start, end = 0, len(value)
        if lead := _STRAY_LEAD.match(value):
            start = lead.end()
        elif value.startswith("地") and rec.view[max(0, ev.start - 2) : ev.start] in ("住所", "所在"):
            start = 1  # 住所地某路366号: the label's last character is not the address's first
        still_open: list[int] = []  # where each bracket the value opened and has not closed stands
        for i in range(start, end):
            if value[i] in _OPEN:
                still_open.append(i)
            elif value[i] in _CLOSE:
                if not still_open:
                    end = i
                    break
                still_open.pop()
        if still_open:
            end = still_open[0]
        kept = value[start:end].strip()
        if kept != value and len(kept) >= 2:
            rec.set(path, kept, ev.start + start, ev.start + start + len(kept), ev.confidence, overwrite=True)
        elif kept != value:  # （凯里万达店: only the inside of a bracket the value never closes
            rec.forget(path)
            continue
        _close_quote(rec, path)
        value, ev = rec.get(path), rec.evidence[path]
        if path in ("complainant.employer", "respondent.name") and (q := _WHOLLY_QUOTED.match(value)):
            # “恒力泵业”: a shop sign named on its own is the name, its quotes are the letter's punctuation
            rec.set(path, q.group(1), ev.start + 1, ev.end - 1, ev.confidence, overwrite=True)


_QUOTES = {"“": "”", "「": "」", "『": "』"}
_WHOLLY_QUOTED = re.compile(r"^[“「『\"]([^“”「」『』\"]{2,20})[”」』\"]$")


def _close_quote(rec: Recorder, path: str) -> None:
    """某路“滇味香米线馆: a shop sign's opening quote inside the value, its closing quote just after it."""
    value, ev = rec.get(path), rec.evidence.get(path)
    if not isinstance(value, str) or ev is None:
        return
    for opening, closing in _QUOTES.items():
        if value.count(opening) > value.count(closing) and rec.view[ev.end : ev.end + 1] == closing:
            rec.set(path, value + closing, ev.start, ev.end + 1, ev.confidence, overwrite=True)
            return


# a shop's sign or the name everyone calls a workshop by (招牌写的是“杨记米线”, 大家都喊那里“胖姐厂”)
_SIGNBOARD = re.compile(
    r"(?:招牌|牌子|门头|店名|厂名|牌匾)(?:上)?(?:写的是|写着|写的|是|叫|叫做)[:：]?\s*[“\"「](?P<sign>[^”\"」\n]{2,16})[”\"」]"
    r"|(?:大家|我们|工友们|人家|别人)(?:都)?(?:喊|叫|管)(?:那里|那儿|这里|那个厂|那家店|这个厂|它|那地方)(?:叫)?"
    r"[“\"「](?P<nick>[^”\"」\n]{2,16})[”\"」]"
)
# an employer told by its boss or described, not named (杨老板, 一个做童装的加工厂)
_DESCRIBED = re.compile(
    r"老板|包工头|工头|^(?:一个|一家|那个|这个|那家|这家|做)|的(?:加工)?(?:厂|店|作坊|工厂)$"
    r"|(?:那间|这间|那家|这家|一家|一间)[\u4e00-\u9fff]{1,3}$"  # 台城通济路那间茶楼: where it is, then its kind
)


def _described(value: str) -> bool:
    """杨老板 / 一家做童装的厂 / 听人说饭店: a boss, a description, or a kind of business with no name before it."""
    from extractors.complaint.labels import kw
    from extractors.complaint.prose import names_something

    core = re.sub(rf"(?:{kw('org_suffix').pattern})$", "", value)
    return bool(_DESCRIBED.search(value)) or (core != value and not names_something(core))


def _signboard(rec: Recorder, text: str) -> None:
    """An employer the letter knows by its shop sign or the name people call it: that name, not the boss or a
    description (a registered name, when the letter gives one, stays)."""
    m = _SIGNBOARD.search(text)
    if not m:
        return
    group = "sign" if m.group("sign") else "nick"
    name, start, end = m.group(group), m.start(group), m.end(group)
    if re.search(r"工程|项目|标段|小区", name):
        return  # a site's board names the project, not who employs (the boss the letter names stays)
    for path in ("complainant.employer", "respondent.name"):
        value = rec.get(path)
        ev = rec.evidence.get(path)
        if value is None and rec.has(path) and ev is not None and not ev.unread:
            continue  # stated as none
        if value is None or (isinstance(value, str) and _described(value) and name not in value):
            rec.set(path, name, start, end, INLINE, overwrite=True)


# a quoted shop sign followed by its kind of business (“蜀味轩”火锅店, “丝路情”大盘鸡酒楼, “鑫旺家具”作坊)
_QUOTED_KIND = re.compile(
    r"[“\"「](?P<name>[^”\"」\n]{2,12})[”\"」]"
    r"(?:(?!的)[\u4e00-\u9fff]){0,4}?(?:火锅店|饭店|酒店|酒楼|酒家|餐厅|餐馆|面馆|奶茶店|服装店|超市|作坊|会所|门店|商店)"
)


# 公司位于醴陵市浦口镇… / 负责道县濂溪街道… / 在某工地: the verb before a place of work is not the place
# 于 is a preposition unless it begins the place's name (于洪区, 于都县)
_TOWN_OF = re.compile(r"^[\u4e00-\u9fff]{1,12}?(?:县|区|市|旗)[\u4e00-\u9fff]{1,8}?(?:镇|乡|街道|村)的")
_PLACE_VERB = re.compile(
    r"^(?:(?:公司|工厂|厂子?|店|工地|项目)?(?:位于|坐落在|设在|地处)|负责|在|于(?!.[区县市旗])|到)"
)


# 来信人：向老师 above 我…叫向晓雯: a form of address (a surname and 老师/先生/女士, labels.NOT_A_GIVEN_NAME) is how
# the letter is signed or recorded; the full name the writer gives with the same surname is the name
def _surname_of_address(name: str) -> str | None:
    from extractors.complaint.labels import NOT_A_GIVEN_NAME

    single, double = surnames()
    for n in (2, 1):
        if (name[:n] in double if n == 2 else name[:n] in single) and NOT_A_GIVEN_NAME.fullmatch(name[n:]):
            return name[:n]
    return None


def _name_for_form_of_address(rec: Recorder, text: str) -> None:
    name = rec.get("complainant.name")
    if not isinstance(name, str) or not (surname := _surname_of_address(name)):
        return
    pattern = (
        rf"(?:我叫|我是|本人|名叫|叫做|[，,]叫|姓名[:：]?)\s*(?P<n>{re.escape(surname)}[\u4e00-\u9fff]{{1,2}})"
        r"(?=[，,。；\s]|$)"
    )
    for found in re.finditer(pattern, text):
        full = found.group("n")
        if is_person_name(full, named_here=True) and not _surname_of_address(full):
            fill_gender(rec, text)  # (李先生 says which, before the name gives way)
            rec.set("complainant.name", full, found.start("n"), found.end("n"), PROSE, overwrite=True)
            return


# 来电人：赵女士 with no full name anywhere: a surname and a title is how a hotline records a caller who gave no
# name, as a web page masks one (王**); the office still has to ask for it (WRITER_SPEC.md)
_CALLER_TITLE = re.compile(r"(?:先生|女士|小姐)")


def _no_name_in_a_form_of_address(rec: Recorder, text: str) -> None:
    name = rec.get("complainant.name")
    if not isinstance(name, str) or not (surname := _surname_of_address(name)):
        return
    if _CALLER_TITLE.fullmatch(name[len(surname) :]):
        fill_gender(rec, text)  # (赵女士 still says which)
        rec.forget("complainant.name")
        rec.withheld.add("complainant.name")  # read and found to be no name: no model calls it stated


# 我是茅台集团艺术团舞蹈演员,朱琳,现在… (the name set off after who the writer is) / 这是我朋友的老公,他叫李文新
# (a letter about one worker, who is named, by a writer who never names themself): the complainant's name
_NAME_APPOSED = re.compile(
    r"(?:我是|本人是)[^，,。！？\n]{2,30}[，,]\s*(?P<n>[\u4e00-\u9fff·]{2,4})\s*(?=[，,。])"
    r"|(?:^|[，,。！？\n])\s*(?:他|她)(?:叫做|名叫|叫)(?P<t>[\u4e00-\u9fff·]{2,4})(?=[，,。])"
)


def _name_told_apart(rec: Recorder, text: str) -> None:
    if rec.has("complainant.name"):
        return
    head = text[: max(400, len(text) // 3)]
    for m in _NAME_APPOSED.finditer(head):
        key = "n" if m.group("n") else "t"
        if is_person_name(m.group(key), named_here=True) and m.group(key)[0] not in "姓叫是":
            rec.set("complainant.name", m.group(key), m.start(key), m.end(key), PROSE)
            return


# a part of the employer's own premises (the spec's 包装车间, 后厨, 公司三号车间): no place of work apart from it
_FACILITY = r"(?:牧场|养殖场|车间|厂房|厂区|仓库|库房|办公室|办公楼|总部|本部|生产线|冷库|后厨|厨房)"
_OWN_PART = re.compile(rf"^的?(?:[一二三四五六七八九十\d]+号?)?[\u4e00-\u9fff]{{0,4}}?{_FACILITY}$")
# (a workshop or kitchen is inside some employer's premises; a store or warehouse may stand in a park of its own)
_PART_ONLY = re.compile(r"^[\u4e00-\u9fff\d]{0,8}?(?:车间|后厨|厨房)$")


def _own_facility(place: object, name: object) -> bool:
    """某养殖有限公司的牧场 / 停车场修理车间: the employer's own farm or workshop, named by the employer's name or by
    no organisation at all."""
    if not isinstance(place, str):
        return False
    if isinstance(name, str) and len(name) >= 2:
        for lead in {name, core_name(name)}:
            if len(lead) >= 2 and place.startswith(lead) and _OWN_PART.match(place[len(lead) :]):
                return True
    return bool(_PART_ONLY.match(place)) and not kw("org_suffix").search(place)


def _build(rec: Recorder) -> ComplaintFields:
    def group(prefix: str) -> dict:
        return {k.split(".", 1)[1]: v for k, v in rec.values.items() if k.startswith(prefix + ".")}

    respondent = group("respondent")
    place, name = respondent.get("workplace"), respondent.get("name")
    if isinstance(place, str) and not _own_facility(place, name) and (tail := _VERB_TAIL.search(place)):
        place = respondent["workplace"] = place[: tail.start()]  # 某医院做门诊楼和住院部: the premises
        if ev := rec.evidence.get("respondent.workplace"):
            ev.end = ev.start + tail.start()
    own_noun = isinstance(place, str) and isinstance(name, str) and len(place) <= 3 and name.endswith(place)
    if place and (place == respondent.get("address") or own_noun or _own_facility(place, name)):
        respondent.pop("workplace")  # 在卫生院上班 / 某公司的牧场 / 修理车间: the employer's own, no place apart
        rec.evidence.pop("respondent.workplace", None)
    v = rec.values
    return ComplaintFields(
        complainant=Complainant(**group("complainant")),
        respondent=Respondent(**respondent),
        facts=v.get("facts"),
        requests=v.get("requests", []),
        prior_proceedings=v.get("prior_proceedings"),
        violation_start=v.get("violation_start"),
        violation_end=v.get("violation_end"),
        violation_ongoing=v.get("violation_ongoing", False),
        letter_date=v.get("letter_date"),
        received_date=v.get("received_date"),
        amount_claimed_yuan=v.get("amount_claimed_yuan"),
        collective=v.get("collective", False),
        complainant_count=v.get("complainant_count"),
        representatives=v.get("representatives", []),
        agents=[Agent(**a) for a in v.get("agents", [])],
        evidence=dict(rec.evidence),
    )
