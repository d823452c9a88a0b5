"""Commitments: sentences (or clauses) that promise a recurring or dated action of this body.

A clause is a commitment when it holds an action word (公开, 公示, 检查, 通报…, not as part of a noun
such as 村务公开 or 公开栏) together with a timing word: a cadence (每季度, 及时), a dated deadline
(6月底前) or a promise of recurrence without a cadence (定期: cadence stays null, which the checks flag).
Exhortations without timing (不断提高, 切实加强) never qualify; a one-off action reported as done
(进行了通报) is a fact, not a promise. One sentence yields one commitment unless it names two
timings (每季度全面公开一次，涉及财务的事项每月公开一次), which makes two.

In a plan section (下半年工作打算, 下月工作安排), a numbered item with an action word is a promise even
without timing; it is answered for only by whom its own text names. A commitment's `section` is the plan
heading that encloses it when there is one (the schedule starts with the planned period), else the
innermost heading other than its own sentence.

Responsible: a person, role or office named in the sentence (由办公室负责); else someone named in the
sentence's section or an enclosing one (a 组长 or 负责人 first); else the person the report makes
answerable for the whole work (第一负责人, 领导小组组长). The name is given when known, else the role.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from extractors.report import lexicon
from extractors.report.model import PersonDuty, Section, Sentence
from extractors.report.people import DISCLOSURE_WORK_BY, display_name
from extractors.report.scope import inside
from extractors.report.structure import match_heading
from extractors.report.tasks import TaskRow, row_at, task_rows
from schemas.models import Commitment, ParsedDocument, Span

_SIGNATURE = re.compile(
    r"[\u4e00-\u9fff（）()]{2,24}(?:局|院|镇|乡|政府|中心|委员会|办公室|大队|中队|所|站|学校|小学|中学|街道|办事处|村委会|社区)"
)
_CLAUSE = re.compile(r"[^，,；;：:]+[，,；;：:]?")
_PLANS = re.compile(r"改进|整改|措施|打算|计划")  # 存在的问题及改进情况 also holds promises
# A run-in label before the promise (改进措施：2026年，…) is the paragraph's topic, not the commitment.
_RUN_IN_LABEL = re.compile(r"[\u4e00-\u9fff]{2,8}[：:](?=\S)")
_OCCASION = "逢"  # 逢节假日前: done before each such occasion
RECURRING = {"daily", "weekly", "monthly", "quarterly", "semiannual", "yearly"}


@dataclass
class Timing:
    cadence: str | None
    schedule: str | None
    start: int


def _action_re() -> re.Pattern[str]:
    t = lexicon.table()
    words = "|".join(map(re.escape, lexicon.words("actions")))
    # 汇总通报: a modifier directly before another action word leaves the action to that word.
    modifiers = "|".join(f"{re.escape(w)}(?!{words})" for w in lexicon.words("action_modifiers"))
    return re.compile(f"{t['action_not_before']}(?:{modifiers}|{words}){t['action_not_after']}")


def _negated(clause: str, start: int) -> bool:
    return bool(lexicon.regex("negated_timing").search(clause[:start]))


def find_timing(clause: str) -> Timing | None:
    """The clause's first cadence, deadline or vague recurrence word (a negated one does not count)."""
    found: list[tuple[int, int, str | None, str | None]] = []  # start, -length, cadence, schedule
    detail = lexicon.regex("schedule_detail")
    for cadence, pattern in lexicon.table()["cadences"].items():
        for m in re.finditer(pattern, clause):
            d = detail.match(clause, m.end())
            schedule = clause[m.start() : d.end()] if d and d.end() > m.end() else None
            if schedule is None and m.group(0).lstrip("每").startswith(_OCCASION):
                schedule = m.group(0)  # 逢重大节假日前 names its occasion
            found.append((m.start(), -len(m.group(0)), cadence, schedule))
    for m in lexicon.regex("deadline").finditer(clause):
        found.append((m.start(), -len(m.group(0)), "once", m.group(0).lstrip("于在")))
    for m in lexicon.regex("event_deadline").finditer(clause):
        found.append((m.start(), -len(m.group(0)), "ad_hoc", m.group(0)))
    found = [f for f in found if not _negated(clause, f[0])]
    if found:
        best = min(found, key=lambda f: f[:2])
        return Timing(best[2], best[3], best[0])
    v = lexicon.regex("vague_timing").search(clause)
    if v and not _negated(clause, v.start()):
        if v.group().startswith("及时") and _EVENT_TIMELY.search(clause):
            return Timing("ad_hoc", None, v.start())  # 在作出决定后及时公开: each time the event comes
        return Timing(None, None, v.start())
    return None


# 及时 after the event it answers (作出决定后及时…, 对群众举报的问题及时…, 应当知晓的事项及时…): done each time,
# ad hoc; a bare 及时回应群众关切 says no cadence. Over the 62 promises of the corpus's and the seeds' goldens
# with no timing but 及时, this reading is right 53 times; every 及时 as ad hoc, 10; every one as none, 51.
_EVENT_TIMELY = re.compile(
    r"(?:后|时|之后|以后|一经|一旦)[^，,。；;]{0,12}及时"
    r"|(?:^|[，,])对[^，,。；;]{2,20}及时(?!回应|更新)|事项[^，,。；;]{0,4}及时"
)


def _is_past(clause: str, action: re.Match[str]) -> bool:
    after = clause[action.end() : action.end() + 1]
    return after == "了" or bool(re.search(lexicon.table()["past_markers"], clause[: action.start()][-4:]))


@dataclass
class _Unit:
    start: int  # offsets into the sentence
    end: int
    action: str
    timing: Timing
    clause_start: int = 0
    bare: bool = False  # a plan item without timing or subject: only its own text can name who answers


def _units(sentence: str, planned: bool = False) -> list[_Unit]:
    """The commitments of one sentence. `planned`: the sentence opens a numbered item of a plan section,
    which promises its action even without a timing word."""
    actions = _action_re()
    hits: list[_Unit] = []
    for m in _CLAUSE.finditer(sentence):
        clause = m.group(0)
        action, timing = actions.search(clause), find_timing(clause)
        if not action or not timing:
            continue
        if timing.cadence not in RECURRING and _is_past(clause, action):
            continue
        hits.append(_Unit(m.start(), m.end(), action.group(0), timing, m.start()))
    if not hits:
        promise = _split_timing(sentence, actions) or _promise(sentence) or (
            (_planned_item(sentence) or _vague_promise(sentence, planned=True)) if planned else None
        )
        if promise is not None and promise.timing.cadence is None and (timing := find_timing(sentence)):
            promise.timing = timing  # 每季度首月15日前，由某股在网站公开…: the timing stands in its own clause
        return [promise] if promise else []
    if any(h.timing.cadence for h in hits):  # (…每月检查一次，及时更新过期信息: one promise, its 及时 no second timing)
        hits = [h for h in hits if h.timing.cadence]
    if len(hits) < 2 or len({(h.timing.cadence, h.timing.schedule) for h in hits}) < 2:
        timing = hits[0].timing
        if timing.cadence is None and (stated := find_timing(sentence)) and stated.cadence:
            timing = stated  # 一是每季度由某股…复核，对不到位的及时更新: the sentence's cadence, not its 及时
        return [_Unit(0, len(sentence), hits[0].action, timing, hits[0].start)]
    units = []
    for i, h in enumerate(hits):
        start = 0 if i == 0 else h.start
        end = hits[i + 1].start if i + 1 < len(hits) else len(sentence)
        units.append(_Unit(start, end, h.action, h.timing, h.start))
    return units


def _split_timing(sentence: str, actions: re.Pattern[str]) -> _Unit | None:
    """11月底前，由大队办公室汇总…并公布: a timing clause before the clause with the action."""
    timing = find_timing(sentence)
    if timing is None or timing.cadence is None:
        return None
    action = actions.search(sentence, timing.start)
    if action is None or (timing.cadence not in RECURRING and _is_past(sentence, action)):
        return None
    if re.search(lexicon.table()["past_markers"], sentence[: action.start()]) or re.search(r"全年|共计|累计", sentence):
        return None  # 全年公开4次: a record of what was done
    return _Unit(0, len(sentence), action.group(0), timing, 0)


def _promise(sentence: str) -> _Unit | None:
    """我局将在网站公开…: the body promises an action but names no timing (cadence stays null)."""
    marker = lexicon.regex("promise_marker").search(sentence)
    if not marker:
        return _vague_promise(sentence)
    action = _action_re().search(sentence, marker.end())
    if not action or re.search(r"[。；;]", sentence[marker.end() : action.start()]):
        return _vague_promise(sentence)  # 我局将进一步加大公开力度: the promise is to improve
    if _is_past(sentence, action):
        return None
    return _Unit(0, len(sentence), action.group(0), Timing(None, None, marker.start()), 0)


def _vague_promise(sentence: str, planned: bool = False) -> _Unit | None:
    """要进一步加大公开力度: a promise to improve, with neither timing nor a separate action word. Its action is
    the disclosure word it is about (公开力度 -> 公开), else its verb."""
    body = sentence[len(m[1]) :] if (m := match_heading(sentence)) else sentence
    offset = len(sentence) - len(body)
    found = lexicon.regex("vague_promise").match(body) or (
        lexicon.regex("vague_plan_item").match(body) if planned else None
    )
    if not found or re.search(lexicon.table()["past_markers"], body[: found.end()]):
        return None
    action = _action_re().search(sentence) or lexicon.regex("promise_topics").search(sentence)
    verb = found.group(0)[-2:]
    timing = find_timing(sentence) or Timing(None, None, offset + found.start())
    return _Unit(0, len(sentence), action.group(0) if action else verb, timing, 0)


def model_unit(sentence: str) -> _Unit:
    """The commitment a learned model found in a sentence the rules let pass: timing and action as the rules
    read them, when they can."""
    action = _action_re().search(sentence) or lexicon.regex("promise_topics").search(sentence)
    timing = find_timing(sentence) or Timing(None, None, 0)
    return _Unit(0, len(sentence), action.group(0) if action else "其他", timing, 0)


def _planned_item(sentence: str) -> _Unit | None:
    """（三）持续开展明察暗访…: an item of a plan section with an action word, not one reported as done."""
    action = _action_re().search(sentence)
    past = re.search(lexicon.table()["past_markers"], sentence[: action.start()]) if action else None
    if not action or past or _is_past(sentence, action):
        return None  # 组织开展了一次培训: a fact, even under a plan heading
    return _Unit(0, len(sentence), action.group(0), Timing(None, None, action.start()), 0, bare=True)


def explicit_responsible(text: str, offset: int, people: list[PersonDuty]) -> tuple[str, Span] | None:
    """Who `text` (found at `offset`) itself makes responsible (由X负责, 责任人：X, X同志牵头), and where."""
    for pattern in lexicon.regexes("responsible_patterns"):
        m = pattern.search(text)
        if not m:
            continue
        a, b = offset + m.start(1), offset + m.end(1)
        named = [p for p in people if p.span.start < b and a < p.span.end]
        who = display_name(named[-1], people) if named else _bare_name(m.group(1))
        if not who:
            continue
        # 由执法大队继续严格落实…: the office, not what it goes on to do; but not a capture that already ends as an
        # office (大队执法一中队, 局机关党委（人事股）) nor one an office's person follows (社会事务办公室应海燕)
        whole = _OFFICE_END.search(who) or who.endswith(("）", ")"))
        office = office_at(who) if not named and not whole else None
        if office and len(office) < len(who) and not _names_a_person(who[len(office) :]):
            who, b = office, a + len(office)
        if named or not _only_verbs(who):  # (报分管领导审阅: what the leader does, not who)
            return who, Span(start=a, end=b)
    # 由 and an office of any name, whatever it then does (由政策法规股同步制作…)
    for m in re.finditer(r"由(?!于)", text):
        if office := office_at(text[m.end() :]):
            return office, Span(start=offset + m.end(), end=offset + m.end() + len(office))
    return None


def _names_a_person(text: str) -> bool:
    """社会救助股操红梅: the words after an office are a person's name (a known name, or one jieba tags so)."""
    from extractors import tokenize

    return _is_name(text) or (2 <= len(text) <= 4 and any(f.startswith("nr") for _, f in tokenize.posseg(text)))


def _only_verbs(text: str) -> bool:
    from extractors import tokenize

    return all(flag.startswith("v") and flag != "vn" for _, flag in tokenize.posseg(text))


# What an office's name ends with (政策法规股, 县公共就业和人才服务中心, 房地产市场和物业监管股, 局办公室)
_OFFICE_SUFFIX = (
    r"(?:办公室|办事处|委员会|专班|小组|单位|部门|大队|中队|中心|学校|股|科|室|所|站|队|组|办|局|委|院|馆|处)"
)
_OFFICE_END = re.compile(_OFFICE_SUFFIX + "$")
# Parts of speech that go on in a name (nouns, abbreviations, distinguishing words, measure-like 股, verbal
# nouns such as 监管, 县/zg); a word tagged otherwise ends it (a preposition 于/在, an adverb 同步, 每周五, a verb)
_NOMINAL = re.compile(r"^(?:n\w*|j|b|q|vn|zg)$")
_NOT_OFFICES = ("网站", "车站")  # (words that end like an office)
_BREAKS_NAME = re.compile(r"^(?:p|d|ad|vd|m|t|r\w*|u\w*|f|x|y|e|o|a)$")


def office_at(text: str) -> str | None:
    """The office named at the start of `text` (after 由, or as a clause's subject), whatever its name: the
    longest run of name words that ends with an office's suffix at a word boundary and is followed by a word
    that is not part of a name (政策法规股｜同步制作, 房地产市场和物业监管股｜于5月31日前, 局办公室｜每周五). A run
    that never reaches such an ending names no office (局专栏公开…)."""
    from extractors import tokenize

    head = re.match(r"[\u4e00-\u9fff、]{2,24}", text)
    if not head or text[0] in "我本该其此":
        return None
    words = tokenize.posseg(text[: head.end() + 2])
    if not words:
        return None
    # a name starts with a name word, not a verb (邀请…走进人社局, 督促/vn 各乡镇人社服务站), unless the verb names
    # the office's line of work before a bare office word (执法大队; not 督促 + 劳动保障监察大队)
    first_is_noun = _NOMINAL.match(words[0][1]) and words[0][1] != "vn"
    office_next = len(words) > 1 and words[1][0] in _BARE_OFFICES
    if not (first_is_noun or words[0][0] == "各" or office_next):
        return None
    at = 0
    for i, (word, flag) in enumerate(words):
        at += len(word)
        joins = word in ("、", "和", "及") and i > 0  # 各股室、各学校 / 办公室和法规股: offices listed together
        if flag.startswith("nr") and i > 0:
            return None  # 副校长蒋文斌任组长的…领导小组: a person in it, no office's name
        if at > head.end() or (_BREAKS_NAME.match(flag) and word != "各" and not joins):
            break  # (a verb inside an office's name before its ending goes on: 县公共就业和人才服务中心)
        nxt, nflag = words[i + 1] if i + 1 < len(words) else ("", "x")
        if _ROLE.search(nxt):
            return None  # 各市场监管所所长: a post in the office, a person
        listed = nxt in ("和", "及", "、")
        continues = listed or _NOMINAL.match(nflag) or _OFFICE_END.search(nxt)
        verb = flag.startswith("v") and flag != "vn"  # (督办, 举办: verbs that end like an office)
        ends = _OFFICE_END.search(word) and not verb and not word.endswith(_NOT_OFFICES)
        one_kind = words[0][0] == "各" and not listed  # (各部门部门预算: 各 names one kind)
        if at >= 2 and ends and (not continues or one_kind):
            if text[:at] in _THE_BODY_ITSELF:
                return None  # 学校将定期开展…: the reporting body speaking of itself, not one of its offices
            bracket = _BRACKETED_OFFICE.match(text, at)  # 局机关党委（人事股）: the office it names in brackets too
            return text[: bracket.end()] if bracket else text[:at]
    return None


_BARE_OFFICES = frozenset({"大队", "中队", "支队", "股", "科", "室", "所", "站", "队", "组", "办", "中心", "办公室"})
_THE_BODY_ITSELF = frozenset({"学校", "单位", "部门", "中心", "医院", "公司", "本局", "全局", "机关"})
_ROLE = re.compile(r"^(?:[\u4e00-\u9fff]?长|主任|书记|干事|专干|负责人|同志)$")
_BRACKETED_OFFICE = re.compile(rf"[（(][\u4e00-\u9fff]{{1,10}}?{_OFFICE_SUFFIX}[)）]")


def _bare_name(found: str) -> str:
    """由组长唐建国主持 -> 唐建国: a group duty before a name is not part of it."""
    found = re.sub(r"(?:同志|具体)+$", "", found)
    duty = next((d for d in lexicon.words("duties") if found.startswith(d)), None)
    if duty and 2 <= len(found) - len(duty) <= 4:
        return found[len(duty) :]
    return found


def _responsible(
    text: str,
    span: Span,
    section_path: list[Section],
    sections: list[Section],
    people: list[PersonDuty],
    skip: list[Span],
    own_only: bool = False,
) -> str | None:
    """Who answers for a commitment named by no one in its own text (at `span`); see the module docstring.
    `people` excludes those whom another sentence makes responsible for its own task. A person named in a
    sibling sub-section (（一）抓组织保障 … 副局长X分管) belongs to that sub-section, not to this one."""
    own = [p for p in people if span.start <= p.span.start < span.end]
    if own:
        return display_name(own[0], people)
    order = lexicon.table()["fallback_duties"]
    if own_only:  # a bare promise falls only to whom the report expressly puts in charge of this work
        express = order[:2]  # 分管公开, 主管公开
        found = [p for p in people if p.duty in express and not inside(skip, p.span.start)]
        chosen = min(found, key=lambda p: express.index(p.duty), default=None)
        return display_name(chosen, people) if chosen else None
    for section in reversed(section_path):
        index = next(i for i, x in enumerate(sections) if x is section)
        children = [c for c in sections if c.parent == index and c.level <= 4]
        inner = [
            p
            for p in people
            if section.span.start <= p.span.start < section.end
            and not any(c.span.start <= p.span.start < c.end for c in children)
        ]
        if inner:
            chosen = min(inner, key=lambda p: order.index(p.duty) if p.duty in order else len(order))
            return display_name(chosen, people)
    for duty in order:
        for p in people:
            if p.duty == duty and not inside(skip, p.span.start):
                return display_name(p, people)
    return None


_TIMING_LEAD = re.compile(r"^.*由(?=[\u4e00-\u9fff]{2})")
_TRAILING_DUTY = re.compile(r"(?:带队|带领|同志|具体|亲自|负责)+$")


def clean_responsible(value: str | None) -> str | None:
    """每季度末由局办公室 -> 局办公室; 大队长何某带队 -> 何某; 党政办干事刘某 -> 刘某: the body or the person."""
    if not value:
        return value
    value = _TRAILING_DUTY.sub("", _TIMING_LEAD.sub("", value))
    role = re.compile("(?:" + "|".join(map(re.escape, lexicon.words("role_suffixes"))) + ")$")
    for cut in range(2, max(2, len(value) - 1)):
        if role.search(value[:cut]) and _is_name(value[cut:]):
            return value[cut:]
    return value or None


def _is_name(text: str) -> bool:
    from extractors.report.people import _name_at

    return 2 <= len(text) <= 4 and _name_at(text + "，", 0) == text


_TOPIC = re.compile(r"(?:对于?|针对|关于|凡|涉及)(?!.{0,2}[，,])")


def _subject(text: str, clause_start: int) -> str | None:
    """An office standing as the subject of the unit or of its qualifying clause (镇财政所每月…)."""
    subject = lexicon.regex("subject_office")
    starts = [0, clause_start]
    # 每季度结束后10个工作日内，大队在…公布 / 2027年1月31日前，局办公室…: the office after a leading time clause
    if (lead := re.match(r"[^，,。；;]{2,30}[，,]", text)) and (find_timing(lead.group()) or _TOPIC.match(text)):
        starts.append(lead.end())  # (对依申请公开事项，法规股在…: after the topic the sentence fronts)
    for at in starts:
        clause = text[at:].lstrip(" ，,")
        if (m := subject.match(clause)) and m.group(0) not in _THE_BODY_ITSELF:
            return m.group(0)
        if office := office_at(clause):
            return office
    return None


def _standing(timing: Timing | None) -> bool:
    """A schedule that binds (每月更新一次, 6月底前): a cadence that recurs, or a date; 及时 alone does not."""
    return timing is not None and (timing.cadence in RECURRING or bool(timing.schedule and timing.cadence != "ad_hoc"))


def _channel(text: str) -> str | None:
    m = lexicon.alternation("commitment_channels").search(text)
    return m.group(0) if m else None


@dataclass
class SentenceView:
    """One sentence as the commitment rules see it: their units, their hits (features and explanation)."""

    sentence: Sentence
    path: list[Section]
    units: list[_Unit]
    hits: list[str]
    context: list[str]


_ANSWERS_PROBLEMS = re.compile(
    r"^(?:针对|对于?|上述|以上|就)[^。；;]{0,16}?(?:问题|不足)[^。；;]{0,6}?[，,]?[^。；;]{0,12}?(?:将|要|拟|下一步|今后)"
)


# a plan issued as a document of its own (某局2026年政务公开工作要点, …工作计划, …实施方案, …任务清单): every item of
# it promises its action; not a summary that ends with next year's plan (…工作总结及2026年工作计划)
_PLAN_DOC = re.compile(r"工作要点|工作计划|实施方案|任务清单|工作安排")
_ACCOUNT_TITLE = re.compile(r"总结|报告|汇报|情况|自查|回顾")


def is_plan_document(text: str) -> bool:
    """Whether one of the document's first lines titles it a plan (and nothing in it a summary or report)."""
    lines = [line.strip() for line in text[:400].splitlines() if line.strip()][:4]
    return any(_PLAN_DOC.search(line) and not _ACCOUNT_TITLE.search(line) and len(line) <= 60 for line in lines)


def sentence_views(
    sentences: list[Sentence], sections: list[Section], skip: list[Span], plan_doc: bool = False
) -> list[SentenceView]:
    """Every sentence outside pasted paragraphs, with the rules' commitments (none in a section on 存在的问题).
    `plan_doc`: the document is a plan (a context of each sentence for the learned model, which weighs it)."""
    shortcomings = lexicon.regex("shortcoming_heading")
    plan = lexicon.regex("plan_section")
    actions, promise = _action_re(), lexicon.regex("promise_marker")
    views = []
    led: int | None = None  # after a promise of listed measures: the level of the items (-1: none seen yet)
    for s in sentences:
        if inside(skip, s.span.start):
            continue
        path = _path(sections, s.section)
        marker = match_heading(s.text)
        if led is not None and marker:
            if led == -1:
                led = marker[0]
            elif marker[0] < led:
                led = None  # a heading above the listed measures: the list is over
        headings = [p for p in path if p.level <= 3 and p.span.start != s.span.start]  # not the sentence itself
        problems = led is None and any(shortcomings.search(p.title) and not _PLANS.search(p.title) for p in headings)
        planned = bool(marker) and (led is not None or any(plan.search(p.title) for p in path[:-1]))
        # under 存在的问题 a sentence states a shortcoming, unless it says what will be done about it
        # (上述问题，我们将采取有力措施…加以改进)
        answers = _ANSWERS_PROBLEMS.match(s.text) and not _LEAD_IN.search(s.text)
        units = [] if problems and not answers else _units(s.text, planned)
        timing = find_timing(s.text)
        hits = [name for name, on in (
            ("unit", bool(units)), ("action", bool(actions.search(s.text))), ("timing", timing is not None),
            ("promise", bool(promise.search(s.text))), ("vague", _vague_promise(s.text) is not None),
            ("planned", planned), ("heading", bool(match_heading(s.text))),
            ("past", bool(re.search(lexicon.table()["past_markers"], s.text))),
            ("future", bool(re.search(r"将|要|拟|计划|力争|确保", s.text))),
        ) if on]
        if units:
            hits.append(f"cadence:{units[0].timing.cadence}")
        context = [name for name, on in (
            ("problems", problems), ("plan", led is not None or any(plan.search(p.title) for p in path)),
            ("top", not path), ("plan_doc", plan_doc),
        ) if on]
        if path:
            context.append(f"level:{path[-1].level}")
        views.append(SentenceView(s, path, units, hits, context))
        if _PROMISE_LEAD.search(s.text):
            led = -1
    return views


# 为此，我们将采取以下措施积极改进。/ 下一步，我局将重点做好以下几方面工作：: the items after it are the promises,
# whatever section the sentence closes
_PROMISE_LEAD = re.compile(
    r"(?:将|拟|计划|(?<![需主重必只])要(?!求))[^。；;！？\n，,]{0,16}(?:以下|如下)[^。；;！？\n，,：:]{0,6}"
    r"(?:措施|工作|方面|几点|改进|整改)"
)


# 我局将采取以下措施： introduces the promises, and is none of them
_LEAD_IN = re.compile(r"(?:以下|如下)[^。；;！？\n]{0,12}[：:]$")
_HEADING_CHARS = 8


def _run_in_heading(text: str, unit: str, end: int) -> bool:
    """A numbered item's few words ending in 。 with the item's sentences running on in the same line."""
    if len(re.findall(r"[\u4e00-\u9fff]", unit)) > _HEADING_CHARS or not unit.rstrip().endswith(("。", ".")):
        return False
    line_end = text.find("\n", end)
    return len(text[end : line_end if line_end >= 0 else len(text)].strip()) >= 10


def find_commitments(
    doc: ParsedDocument,
    sentences: list[Sentence],
    sections: list[Section],
    people: list[PersonDuty],
    skip: list[Span],
    models: bool = False,
) -> list[Commitment]:
    """The report's commitments. With `models`, the learned sentence model keeps or drops each sentence the
    rules found and adds the ones they let pass (extractors/learned/commitments.py)."""
    out = []
    bound = _bound_people(sentences, people)
    free = [p for p in people if not any(p is b for b in bound)]
    plan = lexicon.regex("plan_section")
    judge = None
    if models:
        from extractors.learned.commitments import judge_units

        judge = judge_units
    practice, future = lexicon.regex("practice_markers"), lexicon.regex("future_markers")
    done, firm_future = lexicon.regex("done_section"), lexicon.regex("firm_future_markers")
    account = lexicon.regex("annual_account_section")
    for view in sentence_views(sentences, sections, skip, is_plan_document(doc.text)):
        s, path = view.sentence, view.path
        if practice.search(s.text) and not future.search(s.text) and "plan" not in view.context:
            continue  # what the body does or did (我局坚持每月公开…, 全年公开4期), not a promise
        if (
            not future.search(s.text)
            and "plan" not in view.context
            and any(done.search(h.title) and not plan.search(h.title) for h in path if h.span.start != s.span.start)
        ):
            continue  # under 工作开展情况: 村级财务每月公开一次 is the practice it reports
        if (
            not firm_future.search(s.text)
            and not _standing(find_timing(s.text))
            and "plan" not in view.context
            and any(account.search(h.title) for h in path if h.span.start != s.span.start)
        ):
            continue  # an annual report's account of its year: 进一步加大公开力度 is what it did
        if _SIGNATURE.fullmatch(s.text.strip(" 。\n")):
            continue  # the signing body's name on its own line is no promise
        if _LEAD_IN.search(s.text.strip()):
            continue  # 2026年，我局将从以下方面加以改进：: the items below are the promises, not this lead-in
        units = judge(view) if judge else view.units
        for u in units:
            raw = s.text[u.start : u.end]
            marker = match_heading(raw) if u.start == 0 else None
            lead = len(marker[1]) if marker else 0
            lead += len(raw[lead:]) - len(raw[lead:].lstrip(" 、，,"))
            label = _RUN_IN_LABEL.match(raw, lead)
            lead = label.end() if label else lead
            text = raw[lead:].rstrip(" 、，,")
            start = s.span.start + u.start + lead
            if marker and _run_in_heading(doc.text, text, s.span.start + u.end):
                continue  # 1、持续加强学习。组织工作人员…: the item's short title; the sentences after it promise
            evidence = Span(start=start, end=start + len(text), page=doc.page_at(start))
            explicit = explicit_responsible(text, start, people)
            responsible = (
                explicit[0]
                if explicit
                else _subject(raw[lead:], max(0, u.clause_start - u.start - lead))
                or _responsible(text, evidence, path, sections, free, skip, own_only=u.bare)
            )
            out.append(
                Commitment(
                    text=text,
                    action=u.action,
                    cadence=u.timing.cadence,
                    schedule=u.timing.schedule,
                    responsible=clean_responsible(responsible),
                    channel=_channel(text),
                    section=_section_title(path, s.span.start, plan),
                    evidence=evidence,
                )
            )
    return _task_table(doc, out, sections, skip, plan)


def _task_table(
    doc: ParsedDocument, found: list[Commitment], sections: list[Section], skip: list[Span], plan: re.Pattern[str]
) -> list[Commitment]:
    """A task table's rows (整改措施 | 责任股室 | 完成时限) are one promise each, whatever the sentence rules made
    of their cells: the measure is the text, its owner the row's 责任人 or 责任单位, its timing the measure's own
    (每季度首月10日前…), else the 完成时限 cell's. A row reported done (整改进展: 已完成) promises nothing. A row is
    exact where a sentence is not, so the sentence model does not judge it."""
    rows = task_rows(doc.text, skip)
    if not rows:
        return found
    out, taken = [], set()
    for c in found:
        row = row_at(rows, c.evidence.start)
        if row is None:
            out.append(c)
        elif id(row) not in taken and not row.done and (made := _row_commitment(doc, row, sections, plan, c)):
            taken.add(id(row))
            out.append(made)
    for row in rows:  # a row no sentence rule took
        if id(row) not in taken and not row.done and (made := _row_commitment(doc, row, sections, plan, None)):
            out.append(made)
    return sorted(out, key=lambda c: c.evidence.start)


_DATE_CELL = re.compile(r"(?:\d{4}年)?\d{1,2}月(?:\d{1,2}日)?(?:前|底|末|止)?|\d{4}[.\-/]\d{1,2}(?:[.\-/]\d{1,2})?")


def _row_commitment(
    doc: ParsedDocument, row: TaskRow, sections: list[Section], plan: re.Pattern[str], seen: Commitment | None
) -> Commitment | None:
    measure = row.cells.get("measure")
    if not measure or not re.search(r"[\u4e00-\u9fff]{4}", measure[0]):
        return None
    joined, start, end = measure
    text = doc.text[start:end]
    if re.sub(r"\s", "", text) != re.sub(r"\s", "", joined):  # wrapped among other cells: its first line's part
        end = doc.text.find("\n", start) if "\n" in text else end
        text = doc.text[start:end].rstrip()
        end = start + len(text)
    deadline = row.text("deadline") or ""
    own, cell = find_timing(text), find_timing(deadline)
    if cell is None and _DATE_CELL.fullmatch(deadline):  # a 完成时限 cell of a bare date (2024年7月31日) is a deadline
        cell = Timing("once", deadline, 0)
    timing = own if own and own.cadence else cell or own  # the measure's own timing, else its deadline cell
    action = _action_re().search(text)
    section = seen.section if seen else None
    if seen is None:
        inside_of = [i for i, x in enumerate(sections) if x.span.start <= start < x.end and x.level <= 4]
        index = max(inside_of, key=lambda i: sections[i].span.start, default=None)  # the innermost
        section = _section_title(_path(sections, index), start, plan) if index is not None else None
    owner = row.text("person") or row.text("owner")
    return Commitment(
        text=text,
        action=action.group(0) if action else (seen.action if seen else text[:8]),
        cadence=timing.cadence if timing else None,
        schedule=timing.schedule if timing else None,
        responsible=clean_responsible(owner) if owner else (seen.responsible if seen else None),
        channel=_channel(text),
        section=section,
        evidence=Span(start=start, end=end, page=doc.page_at(start)),
    )


def _bound_people(sentences: list[Sentence], people: list[PersonDuty]) -> list[PersonDuty]:
    """People a sentence makes responsible for its own task (…，由办公室主任X负责): they answer for that
    task, not for whatever else their section promises. The one a sentence puts in charge of the disclosure work
    itself (大队政务公开工作由副大队长孙某负责) answers for whatever the report promises without naming anyone."""
    bound: list[PersonDuty] = []
    for s in sentences:
        found = explicit_responsible(s.text, s.span.start, people)
        if found and not DISCLOSURE_WORK_BY.search(s.text):
            span = found[1]
            bound += [p for p in people if p.span.start < span.end and span.start < p.span.end]
    return bound



def _section_title(path: list[Section], sentence_start: int, plan: re.Pattern[str]) -> str | None:
    """The heading a commitment stands under: a plan heading (下月工作安排) when one encloses it, since that
    says when its schedule starts; else the innermost heading that is not the commitment's own sentence."""
    planned = [p for p in path if plan.search(p.title)]
    if planned:
        return planned[-1].title
    enclosing = [p for p in path if p.span.start != sentence_start]
    return enclosing[-1].title if enclosing else None


def _path(sections: list[Section], index: int | None) -> list[Section]:
    path: list[Section] = []
    while index is not None:
        path.insert(0, sections[index])
        index = sections[index].parent
    return path
