"""Candidate ranking for the letter's open-ended slots: the complainant's occupation and employer, the
respondent's name and the place of work.

The rules find these where a letter labels them or says them in a form a pattern lists; letters told in
prose say them in words no pattern lists, and a pattern that reaches too far takes a fragment ("这个公司",
"请领导督促公司"). This module takes another route: it lists every span that *could* be the value — each run
of words that ends in an organisation word (公司, 厂, 项目部 …), a trade word (工, 员, 司机, 护士 …) or a
place-of-work word (工地, 车间, 门店 …), starting at any of the few words before it — and scores each with a
logistic model over the span's own words, the words around it, the sentence it stands in, whose it is (the
writer's, a relative's or someone else's, by the words before it in its clause and sentence) and whether the
rules chose it. The best-scoring span replaces the rules' value only when the model is confident; otherwise
the rules' value stands. The model (one binary model per slot, `slot_<name>.json.gz`) is built by
`make models` from the corpus and installed only when it does not lower the development figures.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from dataclasses import dataclass
from functools import cache

from extractors import learned, tokenize
from extractors.complaint.gender import kin_words
from extractors.complaint.labels import NOT_IN_A_NAME, kw, titled_bosses

MAX_CHARS = 5000  # the parties are described in a letter's first pages
MAX_TOKENS_BACK = 12
THRESHOLD = {"occupation": 0.5, "employer": 0.7, "respondent": 0.5, "workplace": 0.7}
# Below its threshold, a candidate this likely still shows that the letter states the item: the item is not
# reported missing, and the candidate's words are marked for a supervisor (evidence `unread`).
PRESENCE = {"occupation": 0.3, "employer": 0.3, "respondent": 0.3, "workplace": 0.7}

# slot -> field path
SLOTS = {
    "occupation": "complainant.occupation",
    "employer": "complainant.employer",
    "respondent": "respondent.name",
    "workplace": "respondent.workplace",
    # complainant.address and respondent.address were tried the same way (candidates ending in 号, 路, 村 …)
    # and left out: no gain on the development set (2026-12-02)
}
KIND = {"occupation": "occ", "employer": "org", "respondent": "org", "workplace": "work"}

_OCC_EXTRA = (
    "护士|主播|管家|保洁|保安|导购|收银|店长|领班|班长|组长|文员|助理|前台|客服|销售|跟单|仓管|网管|快递|外卖|代驾|"
    "搬运|装卸|帮厨|杂工|小工|大工|普工|教练|老师|教师|医生|司机|骑手|厨师|保姆|月嫂|护工|会计|出纳|学徒"
)
_WORK_SUFFIX = (
    "工地|项目|项目部|工程|标段|厂区|车间|门店|分店|店|仓库|园区|工业园|基地|场|酒店|宾馆|小区|大厦|广场|中心|学校|"
    "医院|煤矿|矿|隧道|站|站点|码头|校区|食堂|后厨|景区|农庄|果园|茶园|工厂|厂|楼|栋|号|段|合同段|镇|乡|街道|区|县|村|"
    "社区|路段|一带|园|客栈|民宿|厂房|库|泊位|作业区|工作面|配送站|分拨中心|期"
)


@cache
def _suffix(kind: str) -> re.Pattern[str]:
    if kind == "occ":
        return re.compile(rf"(?:{kw('occupation_suffix').pattern}|{_OCC_EXTRA})$")
    if kind == "org":
        return re.compile(rf"(?:{kw('org_suffix').pattern}|集团|局|站|所|队|项目|大厦|工程|{_TRADE_NAME})$")
    return re.compile(rf"(?:{_WORK_SUFFIX})$")


# A firm called by its trade name, as staff and shop signs call it (康圣皮业, 鸿达鞋业, 金丽针织, 美家装饰,
# 鑫源粮贸): the line of business ends the name
_TRADE_NAME = (
    "皮业|鞋业|鞋服|服饰|服装|制衣|针织|纺织|织造|制品|电子|电器|科技|物流|快递|速运|建筑|建设|建工|装饰|装修|家具|家居|"
    "实业|贸易|商贸|粮贸|食品|机械|五金|陶瓷|石材|木业|纸业|塑业|塑胶|化工|印务|汽修|汽贸|"
    "劳务|保洁|家政|物业|置业|地产|矿业|水产|农业|牧业|养殖|酒业|茶业|火锅|串串|烧烤|麻辣烫|米线|米粉|食府|酒家|农家乐|民宿"
)
_MAX_LEN = {"occ": 8, "org": 40, "work": 40}
_MIN_LEN = {"occ": 2, "org": 3, "work": 3}
# (a web page masks a name's characters with * or ×: 鑫**镁业有限公司)
_WORD = re.compile(r"^[\u4e00-\u9fff0-9A-Za-z（）()·*×]+$")
_QUOTES = {"“", "”", "「", "」", '"'}


def _balanced(span: str) -> bool:
    """A quoted name inside a span is whole: its marks open before they close, and close."""
    depth = 0
    for ch in span:
        if ch in "“「":
            depth += 1
        elif ch in "”」":
            depth -= 1
            if depth < 0:
                return False
    return depth == 0 and span.count('"') % 2 == 0 and span[:1] not in "”」"


_CUE_WORDS = (
    "我", "我们", "欠", "拖欠", "工资", "上班", "做", "干", "当", "打工", "务工", "投诉", "被投诉", "单位", "老板",
    "包工头", "承建", "分包", "总包", "项目部", "招", "招聘", "进", "入职", "工地", "地址", "位于", "注册",
    "法定代表人", "岗位", "工种", "职业", "从事", "负责", "承包", "劳务", "施工", "请求", "责令", "领导", "转",
)
_LINE_LABEL = re.compile(r"^\s*([^：:\n]{1,12})[：:]")
_SENTENCE_END = "。！？!?\n"


# a name in quotation marks, or after 叫/名叫 and before 的 + a kind of business: the shop or firm as people
# call it (“湘味轩”, “通达物流”, 一个叫“秦川老碗面”的面馆, 那家叫老灶台的饭店)
_SHOP_NAME = re.compile(
    r"[“\"「『【](?P<name>[\u4e00-\u9fff0-9A-Za-z·*×]{2,16})[”\"」』】]"
    r"|(?<=[叫])(?P<n2>[\u4e00-\u9fff]{2,10})(?=的(?:店|饭店|餐馆|面馆|馆子|火锅店|超市|厂|公司|工地|作坊|酒楼|饭馆))"
)


_WORKED_FOR = re.compile(r"给(?P<name>[\u4e00-\u9fff“”\"]{2,12}?)(?:干活|打工|开车|做事|做工|打零工|干)")


def _boss_spans(text: str) -> list[tuple[int, int]]:
    """Spans that name an employer as people speak of one: X老板 (a surname or a place before 老板), the name
    after 包工头/老板, whoever the writer worked for (给神华干活)."""
    head = text[:MAX_CHARS]
    spans = []
    for m in re.finditer("老板", head):
        for k in (1, 2):  # 赵老板 / 四川老板
            s = m.start() - k
            if s >= 0 and all("\u4e00" <= ch <= "\u9fff" for ch in head[s : m.start()]) and \
                    head[s : m.start()] not in NOT_IN_A_NAME and head[s] not in "的个位名大小老":
                spans.append((s, m.end()))
    spans += [(s, e) for _name, s, e in titled_bosses(head)]
    for m in _WORKED_FOR.finditer(head):
        name = m.group("name").strip("“”\"")
        if name and name not in NOT_IN_A_NAME:
            at = head.find(name, m.start("name"))
            spans.append((at, at + len(name)))
    return spans


# a worker (我, 俺, 我丈夫, 他 …) at a place, then the clause to its end: where what the worker does is told
_DOING_THERE = re.compile(
    r"(?:我|俺|他|她|本人|其|丈夫|老公|父亲|爸爸|母亲|妈妈|儿子|女儿)(?:就|一直|主要|专门|每天)?在"
    r"(?P<rest>[\u4e00-\u9fff、]{3,18})(?=[，,。；;！!]|$)"
)
# the words that put something at a place (厂里, 窑上, 那儿): no trade begins with one, nor with a particle or 干/做/当
_AT_PLACE = frozenset({"上", "里", "里头", "里面", "那儿", "那里", "这儿", "这里", "那边"})
_NOT_DOING = _AT_PLACE | {"头", "了", "的", "过", "干", "做", "当"}


# where the work is done: an organisation, a place of work, or a pen, kiln or shed (海参圈, 窑上, 大棚里)
_PLACE_WORDS = rf"{_WORK_SUFFIX}|公司|厂子|厂头|圈|窑|棚|池|塘|灶"
_PLACE_END = re.compile(rf"(?:{_PLACE_WORDS}|囤|铺子|铺头)$")
# clause-final words after a place that tell no trade: coming, going, staying, being hurt or paid
_NOT_WORK = re.compile(
    r"^(?:上班|工作|打工|务工|干活|做工|做事|干|做|干了|做了|待|呆|住|来|去|走|回|受伤|摔|摔伤|出事|讨|要|找|问|领|结|算|"
    r"欠|拖欠|发|给|被|是|有|没|不|也|都|就|还|又|才|已|的|了|过|着|期间|以后|之后|以来|至今|为止|时|后|前)"
)


def _work_after_place(toks: list[tuple[str, int, int]]) -> list[tuple[int, int]]:
    """The last one to three words of a clause when the word before them names where work is done (石料厂 | 开
    破碎机 | ，): a trade told as the work done, which no trade word ends."""
    spans = []
    for j, (word, _s, _e) in enumerate(toks):
        if not (_PLACE_END.search(word) or (word in _AT_PLACE and j and _PLACE_END.search(toks[j - 1][0]))):
            continue
        for k in (1, 2, 3):
            if j + k + 1 > len(toks):
                break
            run = toks[j + 1 : j + 1 + k]
            if not all(_HAN.match(w) for w, _a, _b in run) or (run[0][0] in _AT_PLACE):
                break
            end = toks[j + k + 1][0] if j + k + 1 < len(toks) else "。"
            s, e = run[0][1], run[-1][2]
            if e - s > 7:
                break
            if end in _CLAUSE_END and e - s >= 2 and not _NOT_WORK.match(run[0][0]):
                spans.append((s, e))
    return spans


_HAN = re.compile(r"^[\u4e00-\u9fff]+$")
_EXPLAINED = re.compile(r"[，,（(]?\s*(?:也)?就是|[，,（(]\s*(?:即|俗称|大家(?:都)?(?:叫|说)|也叫)")
_CLAUSE_END = frozenset({"，", ",", "。", "；", ";", "！", "!", "\n", "、"})


# a place of work, then where it is, to the clause's end (工地在安徽省某市经济开发区东纬路。站点在某区某街道某路，)
_SITE_AT = re.compile(
    r"(?:工地|项目|项目部|工程|厂|车间|店|站点|仓库|基地|矿|码头|酒店|宾馆|茶园|果园|农庄|场|地点)(?:就|是)?(?:在|位于|设在)"
    r"(?P<place>[\u4e00-\u9fff0-9A-Za-z“”「」·（）()]{4,30})"
    r"(?=[，,。；;！!\n]|$)"
)


@cache
def _whose() -> tuple[tuple[str, re.Pattern[str]], ...]:
    """Who the words before a span name: the writer (我, not 我父亲), a relative (the kinship words the letters
    use, extractors/data/gender_cues.yaml), someone else, or the workers together."""
    kin = kin_words()
    return (
        ("self", re.compile(rf"(?:我|俺)(?!们|的?(?:{kin}))|本人")),
        ("kin", re.compile(kin)),
        ("third", re.compile(r"他们|她们|他|她|老板|组长|班长|队长|记工员|工头|包工头|经理|主任|厂长|会计")),
        ("we", re.compile(r"我们|俺们|咱们|大家|工友")),
    )


@dataclass(frozen=True)
class Candidate:
    start: int
    end: int
    text: str


def _tokens(text: str) -> list[tuple[str, int, int]]:
    """The words of the letter's first pages (its normalised text: simplified characters, extractors/normalize)."""
    return tokenize.tokenize_with_offsets(text[:MAX_CHARS])


# what a worker does, told after the frame that introduces it: a place (厂里 | 雕花, 在棚里 | 打杈、绑蔓、摘瓜), a
# benefactive (给他们 | 开铲车, 给人家新房子 | 贴瓷砖、砌墙、做防水), or a verb of role (负责 | 做青、烘焙, 从事 |
# 贴片机操作, 担任 | 制茶技术指导, 当 | 助播, 来 | 拾棉花); the work runs to the clause's end and may be a list
_FRAME_WORD = re.compile(
    rf"(?:{_PLACE_WORDS}|院|厨)(?:里|上|头|里头|里面|内)?$"
    r"|^(?:里|上|里头|里面|内|头)$|^(?:负责|从事|担任|任|当|来|搞|兼)$"
)
_BENEFACTIVE = frozenset({"他们", "她们", "他", "她", "人家", "老板", "别人", "客户", "客人"})
_FRAME_SUBJECT = re.compile(r"我|俺|他|她|其|本人|自己|阮|额|咱|投诉人|申请人|来电人|来信人|反映人")
_FRAME_CLAUSE_END = frozenset("，,。；;！!？?\n：:（(）)")


def _work_frames(text: str, toks: list[tuple[str, int, int]]) -> list[tuple[int, int]]:
    """Spans of work done: the rest of a clause after a frame word (see _FRAME_WORD), from any of its first
    words, 2 to 16 characters of words and 、 only (a closing particle left out: 来拾棉花的), in a sentence that
    names a worker before it."""
    spans = set()
    n = len(toks)
    j = 0
    while j < n:
        k = j  # the clause: toks[j:k]
        while k < n and toks[k][0] not in _FRAME_CLAUSE_END:
            k += 1
        last = k
        while last > j and toks[last - 1][0] in _PARTICLES:
            last -= 1
        for f in range(j, last - 1):
            word = toks[f][0]
            frame = bool(_FRAME_WORD.search(word)) or (
                word in _BENEFACTIVE and f > j and toks[f - 1][0] in ("给", "帮", "替", "为"))
            if not frame:
                continue
            for b in range(f + 1, min(f + 4, last)):
                rest = toks[b:last]
                s, e = rest[0][1], rest[-1][2]
                first = rest[0][0]
                if not 2 <= e - s <= 16 or first == "、" or first in _NOT_DOING - _DOING_VERBS:
                    continue
                if not all(_HAN.match(w) or w == "、" for w, _a, _b in rest) or rest[-1][0] == "、":
                    continue
                if first not in _DOING_VERBS and _NOT_WORK.match(first):
                    continue
                if _NOT_A_JOB.search(text, s, e):
                    continue  # 干了三年, 一干就是十二个钟头: how long, not what
                if any(len(item) > 8 for item in text[s:e].split("、")):
                    continue  # each work item is short: a longer run tells a story, not a job
                sentence = text.rfind("。", 0, s) + 1
                if _FRAME_SUBJECT.search(text, max(sentence, s - 80), s):
                    spans.add((s, e))
        j = k + 1
    return sorted(spans)


_NOT_A_JOB = re.compile(r"[了过着]|[0-9一二三四五六七八九十两几半]+(?:年|个月|月|天|日|个?钟头|个?小时|块|元)")
_PARTICLES = frozenset({"的", "了", "呢", "啊", "哩", "嘞", "咧", "哦"})
_DOING_VERBS = frozenset({"做", "干", "搞", "当"})  # (做护理, 当助播: a frame's work may begin with one)


def candidates(text: str, kind: str, tokens: list[tuple[str, int, int]] | None = None,
               frames: frozenset[tuple[int, int]] | None = None) -> list[Candidate]:
    """Every span of words that ends in a `kind` word and starts at one of the few words before it (`frames`: the
    letter's `_work_frames`, when the caller has them)."""
    toks = tokens if tokens is not None else _tokens(text)
    suffix = _suffix(kind)
    found: dict[tuple[int, int], Candidate] = {}
    for j, (word, _ws, we) in enumerate(toks):
        if not suffix.search(word) or not _WORD.match(word):
            continue
        for i in range(j, max(-1, j - MAX_TOKENS_BACK), -1):
            w, s, _e = toks[i]
            # a place of work is told with where it stands (浦口镇的日用瓷生产车间, 古城里头的某客栈): its 的 is
            # inside the span, never its first word
            inner_de = kind == "work" and w == "的" and i < j
            if not (_WORD.match(w) or (i < j and w in _QUOTES)) or (i < j and w in NOT_IN_A_NAME and not inner_de):
                break
            span = text[s:we]
            if len(span) > _MAX_LEN[kind]:
                break
            if len(span) >= _MIN_LEN[kind] and _balanced(span) and not inner_de:  # never 金色家园”小区
                found[(s, we)] = Candidate(s, we, span)
    if kind == "work":  # the site told by where it is: 工地在某县某路, 茶厂在某村委会旁边
        for m in _SITE_AT.finditer(text, 0, MAX_CHARS):
            s, e = m.span("place")
            found.setdefault((s, e), Candidate(s, e, m.group("place")))
    if kind == "occ":  # the work told as what the worker does there: 我在后厨切菜, 俺在那儿扛麻袋、上垛, 在厂里开截锯
        for m in _DOING_THERE.finditer(text, 0, MAX_CHARS):
            clause = [(w, s, e) for w, s, e in toks if m.start("rest") <= s and e <= m.end("rest")]
            for k in (1, 2, 3, 4):
                if len(clause) <= k:
                    break
                s, e = clause[-k][1], clause[-1][2]
                if _MIN_LEN["occ"] <= e - s <= 7 and clause[-k][0] not in _NOT_DOING and clause[-k][0] != "、":
                    found.setdefault((s, e), Candidate(s, e, text[s:e]))
    if kind == "occ":  # the work told right after the place it is done at: 在石料厂开破碎机, 去砂石场开铲车，
        for s, e in _work_after_place(toks):  # 在海参圈看圈，就是…, 在轧花车间喂花，两班倒
            found.setdefault((s, e), Candidate(s, e, text[s:e]))
        for s, e in sorted(frames) if frames is not None else _work_frames(text, toks):  # 在棚里打杈、绑蔓、摘瓜
            found.setdefault((s, e), Candidate(s, e, text[s:e]))
    if kind == "org":  # a shop's own name, with no 公司/店 to end it: “湘味轩”, 一家叫老坎子火锅的
        for m in _SHOP_NAME.finditer(text, 0, MAX_CHARS):
            s, e = m.span(m.lastgroup)
            found.setdefault((s, e), Candidate(s, e, m.group(m.lastgroup)))
        for s, e in _boss_spans(text):  # the boss as the letter names the employer: 赵老板, 四川老板, 包工头某某
            found.setdefault((s, e), Candidate(s, e, text[s:e]))
    return list(found.values())


def _sentence(text: str, start: int, end: int, stops: list[int]) -> tuple[int, int]:
    """The sentence around text[start:end]; `stops`: the sorted offsets of sentence-ending characters."""
    k = bisect_left(stops, start)
    s = stops[k - 1] + 1 if k else 0
    k = bisect_left(stops, end)
    return s, (stops[k] if k < len(stops) else len(text))


def _bucket(n: int, edges: tuple[int, ...]) -> str:
    for edge in edges:
        if n <= edge:
            return str(edge)
    return f">{edges[-1]}"


@dataclass
class _Doc:
    """What the features of every candidate of one letter share."""

    text: str
    toks: list[tuple[str, int, int]]
    index: dict[int, int]  # token start offset -> token position
    stops: list[int]
    counts: dict[str, int]
    frames: frozenset[tuple[int, int]] = frozenset()  # the spans of work done told after a frame (_work_frames)

    @classmethod
    def of(cls, text: str) -> _Doc:
        toks = _tokens(text)
        stops = [k for k, ch in enumerate(text) if ch in _SENTENCE_END]
        frames = frozenset(_work_frames(text, toks))
        return cls(text, toks, {s: k for k, (_w, s, _e) in enumerate(toks)}, stops, {}, frames)

    def count(self, span: str) -> int:
        if span not in self.counts:
            self.counts[span] = self.text.count(span)
        return self.counts[span]


def features(doc: _Doc, cand: Candidate, rule: tuple[int, int, str] | None,
             other_rules: dict[str, str]) -> dict[str, float]:
    """Features of one candidate span."""
    return {**span_features(doc, cand), **rule_features(cand, rule, other_rules)}


def span_features(doc: _Doc, cand: Candidate) -> dict[str, float]:
    """The features of a candidate span that do not depend on the slot (its words, context and place)."""
    text, toks, index = doc.text, doc.toks, doc.index
    f: dict[str, float] = {"bias": 1.0}
    span = cand.text
    i = index.get(cand.start)
    j = next((k for k in range(i or 0, min(len(toks), (i or 0) + 12)) if toks[k][2] == cand.end), None)
    first = toks[i][0] if i is not None else span[:1]
    last = toks[j][0] if j is not None else span[-1:]
    f[f"last={last}"] = 1
    f[f"last1={span[-1:]}"] = 1
    f[f"last2={span[-2:]}"] = 1
    f[f"first={first}"] = 1
    f[f"first1={span[:1]}"] = 1
    f[f"len={_bucket(len(span), (2, 3, 4, 6, 8, 12, 16, 24))}"] = 1
    ntok = (j - i + 1) if i is not None and j is not None else 0
    f[f"ntok={min(ntok, 6)}"] = 1
    if re.search(r"[省市县区镇乡村州旗]", span[:6]):
        f["place_head"] = 1
    if "的" in span:
        f["has_de"] = 1
    if re.search(r"[某×Ｘ*]", span):
        f["masked"] = 1
    prev = toks[i - 1][0] if i else "^"
    prev2 = toks[i - 2][0] if i is not None and i >= 2 else "^"
    nxt = toks[j + 1][0] if j is not None and j + 1 < len(toks) else "$"
    nxt2 = toks[j + 2][0] if j is not None and j + 2 < len(toks) else "$"
    f[f"prev={prev}"] = 1
    if _PLACE_END.search(prev) or (prev in _AT_PLACE and _PLACE_END.search(prev2)):
        f["after_place"] = 1  # 石料厂 | 开破碎机: what is done at the place just named
    if (cand.start, cand.end) in doc.frames:
        f["frame"] = 1  # the rest of a clause after a place, a benefactive or a verb of role: work done
        if "、" in span:
            f["work_list"] = 1
    if _EXPLAINED.match(text, cand.end):
        f["explained"] = 1  # 打更，就是晚上看厂子: the letter explains the words, as one explains a trade
    f[f"prev2={prev2}|{prev}"] = 1
    f[f"prevc={text[cand.start - 1] if cand.start else '^'}"] = 1
    f[f"next={nxt}"] = 1
    f[f"next2={nxt}|{nxt2}"] = 1
    f[f"nextc={text[cand.end] if cand.end < len(text) else '$'}"] = 1
    s, e = _sentence(text, cand.start, cand.end, doc.stops)
    sentence = text[s:e]
    # whose the span is: the clause's words before it name the writer (我在…), a relative (我父亲在…), or
    # someone else (组长, 老板, 他)
    clause = text[max(s, max(text.rfind(ch, s, cand.start) for ch in "，,；;：:") + 1) : cand.start]
    for name, pattern in _whose():
        if pattern.search(clause):
            f[f"cl_{name}"] = 1
        if pattern.search(text[s : cand.start]):
            f[f"sb_{name}"] = 1
    for word in _CUE_WORDS:
        if word in sentence:
            f[f"cue={word}"] = 1
    line_start = text.rfind("\n", 0, cand.start) + 1
    if (m := _LINE_LABEL.match(text, line_start)) and m.end() <= cand.start:
        f[f"label={m.group(1).strip()[-4:]}"] = 1
        f["labelled"] = 1
    f[f"pos={_bucket(cand.start, (80, 200, 500, 1000, 2000))}"] = 1
    count = doc.count(span)
    f[f"count={min(count, 4)}"] = 1
    first_at = text.find(span)
    if first_at == cand.start:
        f["first_mention"] = 1
    return f


def rule_features(cand: Candidate, rule: tuple[int, int, str] | None, other_rules: dict[str, str]) -> dict[str, float]:
    """How a candidate stands to the rules' value for its slot and for the other slots."""
    span = cand.text
    f: dict[str, float] = {}
    if rule is not None:
        rv = rule[2]
        if rv == span:
            f["rule_same"] = 1
        elif rv in span:
            f["rule_inside"] = 1
        elif span in rv:
            f["inside_rule"] = 1
        else:
            f["rule_other"] = 1
    else:
        f["rule_none"] = 1
    for name, value in other_rules.items():
        if value == span:
            f[f"is_{name}"] = 1
        elif value and (value in span or span in value):
            f[f"overlaps_{name}"] = 1
    return f


def _rules(evidence: dict, values: dict) -> dict[str, tuple[int, int, str] | None]:
    out: dict[str, tuple[int, int, str] | None] = {}
    for slot, path in SLOTS.items():
        value, ev = values.get(path), evidence.get(path)
        out[slot] = (ev.start, ev.end, str(value)) if isinstance(value, str) and ev is not None else None
    return out


def slot_rows(
    text: str, evidence: dict, values: dict, slots: tuple[str, ...] | None = None
) -> dict[str, list[tuple[Candidate, dict[str, float]]]]:
    """Per slot (all, or those asked for), every candidate with its features (the rules' current values as
    features)."""
    doc = _Doc.of(text)
    rules = _rules(evidence, values)
    plain = {slot: (r[2] if r else "") for slot, r in rules.items()}
    wanted = [slot for slot in KIND if slots is None or slot in slots]
    by_kind = {kind: candidates(text, kind, doc.toks, doc.frames) for kind in {KIND[slot] for slot in wanted}}
    out: dict[str, list[tuple[Candidate, dict[str, float]]]] = {}
    shared: dict[tuple[int, int], dict[str, float]] = {}  # a span's own features, the same for every slot
    for slot in wanted:
        kind = KIND[slot]
        cands = list(by_kind[kind])
        rule = rules[slot]
        if rule is not None and rule[1] <= len(text) and not any(c.start == rule[0] and c.end == rule[1]
                                                                  for c in cands):
            cands.append(Candidate(rule[0], rule[1], text[rule[0] : rule[1]]))
        others = {k: v for k, v in plain.items() if k != slot}
        rows = []
        for c in cands:
            own = shared.get((c.start, c.end))
            if own is None:
                own = shared[(c.start, c.end)] = span_features(doc, c)
            rows.append((c, {**own, **rule_features(c, rule, others)}))
        out[slot] = rows
    return out


def model_name(slot: str) -> str:
    return f"slot_{slot}"


def rank(
    text: str, evidence: dict, values: dict, exclude: list[tuple[int, int]] | None = None
) -> dict[str, tuple[Candidate, float]]:
    """Per slot with an installed model, the best candidate and its probability, when at least PRESENCE (the
    caller reads a value at THRESHOLD, an item stated but unread below it). No candidate inside `exclude` (the
    sentences where the writer of a letter for a relative speaks of their own work)."""
    models = {slot: learned.load(model_name(slot)) for slot in SLOTS}
    if not any(models.values()):
        return {}
    best: dict[str, tuple[Candidate, float]] = {}
    installed = tuple(slot for slot, model in models.items() if model is not None)
    for slot, rows in slot_rows(text, evidence, values, installed).items():
        model = models[slot]
        if model is None:
            continue
        for cand, feats in rows:
            if exclude and any(a <= cand.start < b for a, b in exclude):
                continue
            p = model.probabilities(feats)[model.classes[-1]]
            if p >= PRESENCE[slot] and (slot not in best or p > best[slot][1]):
                best[slot] = (cand, p)
    return best
