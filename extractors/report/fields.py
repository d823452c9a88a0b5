"""Channels, named systems and stated shortcomings of a work report."""

from __future__ import annotations

import re

from extractors import tokenize
from extractors.report import lexicon
from extractors.report.model import Section, Sentence
from extractors.report.scope import inside
from extractors.report.tasks import heads_task_table, row_at, task_rows
from schemas.models import Channel, ParsedDocument, Span

_CHANNEL_WINDOW = 20  # how far after a hotline word its number may stand
_PLANS = re.compile(r"改进|整改|措施|打算|计划")


def find_channels(doc: ParsedDocument, skip: list[Span]) -> list[Channel]:
    text = doc.text
    found: list[tuple[int, Channel]] = []
    phone = lexicon.regex("phone_pattern")
    for kind, terms in lexicon.table()["channels"].items():
        if not terms:
            continue
        for m in re.finditer("|".join(map(re.escape, sorted(terms, key=len, reverse=True))), text):
            if inside(skip, m.start()):
                continue
            value = m.group(0) if kind == "hotline" else _as_named(text, m.start(), m.end(), kind)
            if kind == "hotline":
                number = _number_of(text, m, phone)
                if number:
                    value = number
                elif value.endswith(("：", ":")):
                    continue  # 电话： with no number after it is a form label, not a channel
            found.append((m.start(), Channel(kind=kind, value=value)))
    for m in lexicon.regex("email_pattern").finditer(text):
        if not inside(skip, m.start()):
            found.append((m.start(), Channel(kind="email", value=m.group(0))))
    for m in lexicon.regex("url_pattern").finditer(text):
        if not inside(skip, m.start()):
            found.append((m.start(), Channel(kind="website", value=m.group(0))))
    numbered = {c.kind for _, c in found if c.kind == "hotline" and any(ch.isdigit() for ch in c.value)}
    # 接听群众咨询电话312次: a hotline word without its number adds nothing once a number is known.
    found = [(at, c) for at, c in found if not (c.kind in numbered and not any(ch.isdigit() for ch in c.value))]
    return _unique([c for _, c in sorted(found, key=lambda x: x[0])])


# what stands before a channel word and is not its name: the sentence's verbs, prepositions, adverbs, numbers
# (jieba's parts of speech; 服务大厅 is a noun and stays, 于都县 is a place and stays)
_NOT_NAME_FLAGS = ("p", "v", "vd", "d", "c", "u", "m", "q", "r", "f", "t", "y", "ad", "l")
_NOT_NAME = re.compile(
    r".*(?:通过|依托|利用|借助|经由|在|并|的|了|是|对|各|等|发布|公开|公布|公示|开设|设立|设置|建立|开通|更新|维护|运用|"
    r"管理|办好|用好|建好|完善|加强|及时|主动|持续|充分|积极|全年|本年|今年|均|已|还|也|分别|同时|进一步|全面|部分|个别|"
    r"问题|完成|督促|落实|包括|其中|重点|新增|新建|整改|每[日天周月季年]度?)"
)
_NAME_RUN = re.compile(r"[\u4e00-\u9fff“”\"]{1,16}$")
_SECTION = re.compile(r"(?:(?!的|部分|开设|设立|设置|开通|发布)[\u4e00-\u9fff“”\"]){0,12}?(?:专栏|栏目|专区|频道)")


def _as_named(text: str, start: int, end: int, kind: str) -> str:
    """A channel as the report names it: 同心县人民政府网站卫生健康局专栏, “海伦市场监管”微信公众号,
    镇政府门口政务公开栏 — the keyword with the name written before it (back to the sentence's own words)
    and, for a website, the column after it."""
    run = _NAME_RUN.search(text[max(0, start - 16) : start])
    head = run.group(0) if run else ""
    quoted = text.rfind("“", max(0, start - 16), start)
    if start and text[start - 1] == "”" and quoted >= 0:
        return text[quoted:end]  # “三晋通”APP: the name in quotes is the channel's
    if head:
        words = tokenize.posseg(head)
        last = max((i for i, (_w, flag) in enumerate(words) if flag in _NOT_NAME_FLAGS), default=-1)
        head = "".join(w for w, _f in words[last + 1 :])
        if (cut := _NOT_NAME.match(head)) is not None:
            head = head[cut.end() :]
    if head.count("“") != head.count("”"):
        head = head[head.rfind("“") + 1 :]  # “局长信箱”: the quote opens the keyword itself, not a name
    tail = ""
    if kind == "website" and (col := _SECTION.match(text, end)):
        tail = col.group(0)
    return head + text[start:end] + tail


def _number_of(text: str, term: re.Match[str], phone: re.Pattern[str]) -> str | None:
    """The number of a hotline word: glued before it (12345热线) or within a short window after it."""
    before = [n for n in phone.finditer(text[max(0, term.start() - 13) : term.start()])]
    if before and before[-1].end() == min(term.start(), 13):
        return before[-1].group(0)
    window = text[term.end() : term.end() + _CHANNEL_WINDOW].split("\n")[0]
    number = phone.search(window)
    return number.group(0) if number else None


def _unique(channels: list[Channel]) -> list[Channel]:
    seen, out = set(), []
    for c in channels:
        key = (c.kind, c.value)
        if key not in seen:
            seen.add(key)
            out.append(c)
    return out


def find_named_systems(doc: ParsedDocument, skip: list[Span]) -> list[str]:
    """…制 / …制度 names: 首问负责制, “统一公开日”制度; not generic 工作制度 or 机制. A rule issued under its own
    title (《…制度》, 《…考核办法》, 《…实施细则》) is named by that title."""
    table = lexicon.table()
    lead = lexicon.regex("system_lead_verbs")
    verbs = lexicon.regex("system_verbs")
    out: list[str] = []
    offset = 0
    for para in doc.text.split("\n"):
        start, offset = offset, offset + len(para) + 1
        if inside(skip, start):
            continue
        # Asides go so that “统一公开日”(每季度…)制度 reads “统一公开日”制度: the name as written, quotes kept.
        text = re.sub(r"[(（][^()（）]{0,30}[)）]", "", para)
        # 《某局政府信息公开保密审查制度》: a rule issued under its own title is named by that title, whole
        titled = [m.span() for m in _TITLED_SYSTEM.finditer(text)]
        for a, b in titled:
            if text[a:b] not in out:
                out.append(text[a:b])
        for m in re.finditer(r"(制度|制)(?![度定作造订止约品成图衡发])", text):
            if any(a < m.start() < b for a, b in titled):
                continue
            if m.group(1) == "制" and text.startswith("管理制度", m.end()):
                continue  # 实名制管理制度: the name runs on to its 制度
            head, tail = lead.sub("", _after_verb(_head_of(text, m.start()), verbs)), m.group(1)
            if tail == "制" and (len(head) < 2 or head[-1] + "制" in table["not_system_zhi"]):
                continue
            if tail == "制度" and (
                len(head) < 3
                or re.search(r"[一二三四五六七八九十两几多\d]+[项个条]$", head)  # 首问负责制…三项制度: a count
                or (_generic(head) and not re.search(r"(?:制|账户|台账)管理$", head))
                or lexicon.regex("system_not_before").match(text, m.end())
            ):
                continue
            if head + tail not in out:
                out.append(head + tail)
    return out


_QUOTES = "“”\"‘’"
_TITLED_SYSTEM = re.compile(r"《[^《》\n]{2,40}?(?:制度|制|办法|细则)》")


def _balanced(head: str) -> str:
    """A name keeps its quotes only when they pair up (a stray one is where the scan began or ended)."""
    opened = head.count("“") + head.count("‘")
    closed = head.count("”") + head.count("’")
    if opened == closed and head.count('"') % 2 == 0:
        return head
    return head.strip(_QUOTES) if head.strip(_QUOTES).count("“") == head.strip(_QUOTES).count("”") else re.sub(
        f"[{_QUOTES}]", "", head)


def _head_of(text: str, end: int) -> str:
    """The run before 制/制度 back to a delimiter or a linking word. Latin letters and digits belong to a
    name (AB岗工作制, 12345热线办理制), but a date or a count before it does not (2024年起实行…)."""
    s = end
    while (
        s > 0
        and re.match(r"[\u4e00-\u9fffA-Za-z0-9“”\"‘’]", text[s - 1])
        and text[s - 1] not in "的和及与等"
        and end - s < 16
    ):
        s -= 1
    head = text[s:end]
    counted = list(re.finditer(r"\d+(?:[年月日号届期次个项条]|\.\d)", head))
    return _balanced(head[counted[-1].end() :] if counted else head)


def _after_verb(head: str, verbs: re.Pattern[str]) -> str:
    """A name starts after the verb that introduces it: 中心全面落实首问负责制 -> 首问负责制. The last verb
    leaving at least two characters wins (对各股室落实首问负责制)."""
    cut = 0
    for m in verbs.finditer(head):
        if len(head) - m.end() >= 2:
            cut = m.end()
    return head[cut:]


def _generic(head: str) -> bool:
    heads = lexicon.table()["generic_system_heads"]
    return head in heads or any(head.endswith(h) for h in heads if len(h) >= 2)


def find_shortcomings(
    doc: ParsedDocument, sections: list[Section], sentences: list[Sentence], skip: list[Span] | None = None
) -> list[str]:
    """Items after “不足…主要表现为：①…②…”, or the items of a section headed 存在的问题/不足, or a clause's list
    (仍存在A、B等问题). A rectification table's rows are never items themselves: its 存在问题 cells are the
    shortcomings when the prose lists none."""
    rows = [r for r in task_rows(doc.text, skip or []) if r.text("problem")]
    found = _shortcomings(doc, sections, sentences)
    if not rows:
        return found
    cells = [r.text("problem") or "" for r in rows]
    out: list[str] = []
    for item in found:
        at = doc.text.find(item)
        within = at >= 0 and row_at(rows, at) is not None
        if within or "\t" in item or heads_task_table(item) or _TABLE_LEAD.search(item):
            continue  # a row, the table's header or the line that leads into the table, read as an item
        out.append(item)
    # the prose's own list of the problems, when it gives one, is what the report admits (the table's cells name
    # the same problems for the measures beside them); else the cells
    return out or cells


# 具体问题和整改措施如下表 / 详见下表: the line that leads into the table, no shortcoming itself
_TABLE_LEAD = re.compile(r"(?:如下表|见下表|列表如下|清单如下)[：:。]?$")


def _shortcomings(doc: ParsedDocument, sections: list[Section], sentences: list[Sentence]) -> list[str]:
    text = doc.text
    markers = lexicon.regex("item_markers")
    closers = lexicon.regex("shortcoming_closers")
    for m in lexicon.regex("shortcoming_leads").finditer(text):
        end = text.find("\n", m.end() + 1)
        block = text[m.end() : end if end >= 0 else len(text)]
        if not markers.search(block) and block.strip().endswith(("：", ":")) and "。" not in block:
            continue  # 主要有以下几个方面： — the items follow as paragraphs (the heading branch reads them)
        items = _split_items(block, markers)
        return [_cut_closing(i, closers) for i in items if i]
    heading = lexicon.regex("shortcoming_heading")
    for i, s in enumerate(sections):
        # （一）上年度问题整改情况: last year's problems and how they were put right, not this year's
        if re.search(r"上年度|上一年度|去年|往年|以往|整改情况|整改落实", s.title):
            continue
        # (a numbered item that is a whole sentence, 热线每月汇总群众咨询热点问题，于次月…发布, heads nothing)
        if "，" in s.title or "," in s.title or len(s.title) > 24:
            continue
        if s.level <= 3 and heading.search(s.title) and not re.search(r"成绩|成效|做法|经验", s.title):
            # （一）服务意识有待增强。少数干部…: each sub-heading states one shortcoming, the rest explains it.
            children = [c for c in sections if c.parent == i and c.level <= 4]
            if children and _PLANS.search(s.title):
                continue  # 存在问题及整改措施: the sub-section on the problems is the one to read
            if children:
                return [c.title for c in children if c.title]
            body = text[s.span.end : s.end].strip(" 。\n")
            items = (
                _split_items(body, markers)
                if markers.search(body)
                else [line.strip() for line in body.split("\n") if line.strip()]
            )
            return [_cut_closing(x, closers) for x in items if x]
    return _inline_shortcomings(text)


# 但对照上级要求，仍存在政策解读针对性不强、基层公开栏更新不及时等问题: the report's own shortcomings in one clause
_INLINE = re.compile(r"(?:仍|还|也|依然|同时)?存在(?P<i>[^。；;，,！？\n]{4,80}?)等(?:问题|不足|短板|薄弱环节)")
# (not 检查发现部分企业存在未签劳动合同、超时加班等问题: what an inspection found of others)
_OTHERS_AT_FAULT = re.compile(r"企业|单位|用人|工地|项目|商户|经营者|门店|公司|村")


def _inline_shortcomings(text: str) -> list[str]:
    for m in _INLINE.finditer(text):
        clause = text[max(text.rfind(c, 0, m.start()) for c in "。；;，,\n") + 1 : m.start()]
        if _OTHERS_AT_FAULT.search(clause):
            continue
        items = [x.strip() for x in m.group("i").split("、") if len(x.strip()) >= 4]
        if len(items) >= 2:
            return items
    return []


def _split_items(block: str, markers: re.Pattern[str]) -> list[str]:
    starts = [m for m in markers.finditer(block)]
    if not starts:
        first = re.split(r"(?<=[。！？])", block.strip())[0].strip(" 。；;")
        return [first] if first else []
    items = []
    for a, b in zip(starts, [*starts[1:], None], strict=True):
        item = block[a.end() : b.start() if b else len(block)].split("\n")[0]
        items.append(item.strip(" ，,、：:；;。"))
    return items


def _cut_closing(item: str, closers: re.Pattern[str]) -> str:
    """Drop a wrap-up sentence (这些问题都需要…) from the last item."""
    parts = re.split(r"(?<=[。！？])", item)
    kept = []
    for part in parts:
        if kept and closers.match(part.strip()):
            break
        kept.append(part)
    return "".join(kept).strip(" ，,、：:；;。")
