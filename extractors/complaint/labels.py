"""Labels, lines and sections of a complaint letter.

A letter's text is cut into lines (paragraphs, or table rows: cells joined by a tab in .docx and by
a space in PDF). A line is cut into segments at commas and semicolons and before any known label that
follows a space, so `投诉人：韦某，男，38岁`, `投诉人\t韦某\t性别\t男` and `投诉人 韦某 性别 男` give the same
segments. A segment that starts with a label and a separator is labelled; the others are loose.

Sections (事实与理由, 请求事项) run from their label to the next labelled line, closing formula, date line or
a statement that the matter was not arbitrated or litigated (此事没有申请过劳动仲裁…: not a request).
Labels of the `ignored` table (民族, 邮政编码, 接待人…) only end the value before them.
"""

from __future__ import annotations

import itertools
import re
from collections.abc import Iterator
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

import yaml

from extractors.normalize import paragraph_spans

DATA = Path(__file__).resolve().parent.parent / "data"

_BOUNDARY = " \t，,；;。、：:（("
_SEP = "：:\t "
_SPLIT = re.compile(r"[，,；;。！!？?]")
DATE_LINE = re.compile(r"^\s*(?:[^\d\s：:]{0,6}[：:]\s*)?(?:\d{4}|[〇零○一二三四五六七八九]{4})\s*年.{1,8}[日号]\s*$")
# A signature: a name alone, or followed by a phone (`张某 电话138…`).
SIGNATURE_LINE = re.compile(
    r"^\s*(?P<name>[\u4e00-\u9fff]{2,4})\s*(?:[（(](?:按?手印|签字|签名|指印|印)[)）])?"
    r"\s*(?:[，,\s]\s*(?P<rest>(?:联系)?(?:电话|手机)?[:：]?[\d()（）\-\s]{7,20}))?\s*$"
)
QA_LINE = re.compile(r"^\s*(问|答)\s*[：:]", re.M)
# A form's check boxes: □是 ☑否 / 是□ 否☑ / 是（ ）否（√）
_TICKED = "☑✔✓√■▣☒✅"
_BOXES = _TICKED + "□☐"


def ticked(value: str) -> str | None:
    """The option ticked among a form's check boxes (□是 ☑否 / 是□ 否☑ / 是（ ）否（√） -> 否); None when the
    value has no box, "" when no box is ticked (the item then reads as unanswered)."""
    value = value.strip()
    bracketed = re.findall(r"([\u4e00-\u9fff]{1,6})\s*[（(]\s*(\S?)\s*[)）]", value)  # 是（ ）否（√）
    if any(mark and mark in _TICKED for _w, mark in bracketed):
        return next(word for word, mark in bracketed if mark and mark in _TICKED)
    if not any(ch in _BOXES for ch in value):
        return None
    if value[:1] in _BOXES:  # each box before its option
        pairs = re.findall(rf"([{_BOXES}])\s*([\u4e00-\u9fff]{{1,6}})", value)
    else:  # each option before its box
        pairs = [(box, word) for word, box in re.findall(rf"([\u4e00-\u9fff]{{1,6}})\s*([{_BOXES}])", value)]
    return next((word for box, word in pairs if box in _TICKED), "")


# A statement that the matter was NOT taken to arbitration or court: it ends a requests/facts section.
NO_PROCEEDINGS = re.compile(
    r"^[^。，,；;]{0,16}?(?:未|没有|没|尚未|不曾|从未|并未|冇|莫得)[^。，,；;]{0,14}?(?:仲裁|诉讼|起诉|法院)"
)


@lru_cache(maxsize=1)
def tables() -> dict:
    """The label tables (complaint_labels.yaml) and keyword regexes (complaint_keywords.yaml)."""
    labels = yaml.safe_load((DATA / "complaint_labels.yaml").read_text(encoding="utf-8"))
    _derive_address_labels(labels["fields"])
    keywords = yaml.safe_load((DATA / "complaint_keywords.yaml").read_text(encoding="utf-8"))
    return {"labels": labels, "kw": {k: re.compile(_expand(v, keywords)) for k, v in keywords.items()}}


def _expand(pattern: str, keywords: dict[str, str]) -> str:
    """${name} in a keyword stands for another keyword's alternation: one list, however many patterns use it."""
    return re.sub(r"\$\{(\w+)\}", lambda m: keywords[m.group(1)], pattern)


# a party's label with an address word after it labels that party's address (被反映对象地址, 来电人住址); where
# a caller is (来电人所在地) is no address of theirs
_ADDRESS_WORDS = {"complainant": ("地址", "住址", "住所", "所在地"), "respondent": ("地址", "住址", "住所", "所在地")}


def _derive_address_labels(fields: dict[str, list[str]]) -> None:
    for party, words in _ADDRESS_WORDS.items():
        known = {w for path, labels in fields.items() for w in labels}
        derived = [
            f"{label}{word}"
            for label in fields[f"{party}.name"]
            if not label.endswith(("姓名", "名称", "情况"))
            for word in words
            if f"{label}{word}" not in known
        ]
        fields[f"{party}.address"] = [*fields[f"{party}.address"], *derived]


def kw(name: str) -> re.Pattern[str]:
    return tables()["kw"][name]


@lru_cache(maxsize=1)
def surnames() -> tuple[frozenset[str], frozenset[str]]:
    single, double = set(), set()
    for line in (DATA / "complaint_surnames.txt").read_text(encoding="utf-8").splitlines():
        if line.startswith("#"):
            continue
        for word in line.split():
            (double if len(word) == 2 else single).add(word)
    return frozenset(single), frozenset(double)


# 阿依古丽·买买提 / 艾力·买买提: given name and father's name, each 1-8 characters, joined by a middle dot
DOTTED_NAME = re.compile(r"[\u4e00-\u9fff]{1,8}[·•][\u4e00-\u9fff]{1,8}(?:[·•][\u4e00-\u9fff]{1,8})?")


def is_person_name(text: str, named_here: bool = False) -> bool:
    """A plausible Chinese personal name: a known surname and 1-2 more characters (2-4 in all), or a name
    transliterated from Uyghur, Kazakh, Tibetan… with its parts joined by a middle dot (艾力·买买提).

    `named_here`: the caller's context says a person's name stands here, delimited (a 投诉人： label's value,
    我叫…，, a signature line). The surname list is then a prior, not a gate: China has thousands of surnames
    (禤, 戢, 厍 …) and Mongolian names come without a dot (巴图孟和), so a run whose first character no list
    holds is still a name when it reads like one (`_reads_as_name`)."""
    if DOTTED_NAME.fullmatch(text or ""):
        return True
    if not re.fullmatch(r"[\u4e00-\u9fff]{2,4}", text or ""):
        return False
    single, double = surnames()
    if text[:2] in double:
        return len(text) in (3, 4)
    if text[0] in single:
        return len(text) <= 3 and not kw("org_suffix").search(text[1:])
    return named_here and _reads_as_name(text)


# 老板唐柏树 / 包工头李红旗 / 工头叫马某海: a boss named with their title
_TITLED_BOSS = re.compile(
    r"(?:包工头|工头|老板|班组长|承包人|发包人|老总)(?:名叫|叫|是)?(?P<name>[\u4e00-\u9fff]{2,3})"
)


def titled_bosses(text: str) -> Iterator[tuple[str, int, int]]:
    """(name, start, end) of each boss the text names with their title: the longer plausible name first."""
    for m in _TITLED_BOSS.finditer(text):
        for n in (3, 2):
            name = m.group("name")[:n]
            if len(name) == n and is_person_name(name):
                yield name, m.start("name"), m.start("name") + n
                break


_NEVER_FIRST = set("老小阿本咱俺额此俩仨两几这每各该")
# how a person is called without their given name (奉同学, 那师傅), and the words of pay and money
NOT_A_GIVEN_NAME = re.compile(
    r"(?:同学|老师|师傅|先生|女士|小姐|大姐|大哥|阿姨|叔叔|大爷|大妈|老板|经理|主任|书记|局长|领导|总)$|工资|欠|款|费|钱|元"
)


# Tibetan names come without a surname or a dot: two of the few dozen name syllables (德吉卓玛, 扎西多吉, 次仁央金)
_TIBETAN_SYLLABLE = (
    "扎西|次仁|多吉|多杰|卓玛|央金|德吉|格桑|旺堆|拉姆|平措|尼玛|达瓦|索朗|白玛|普布|巴桑|边巴|洛桑|丹增|旦增|益西|曲珍|央宗|"
    "贡布|仁增|罗布|桑珠|次旦|嘉措|加措|顿珠|群培|阿旺|琼达|措姆|德庆|卓嘎|斯朗|强巴|才让|才旦|拉毛|巴珠|米玛|"
    "边珍|玉珍|仓决|旺姆|泽仁|泽旺|降措|桑姆|白珍|措吉|扎巴|多布杰|曲措|益珍|次珍|拉巴|吉宗|德珍|旺久|坚参|欧珠"
)
_TIBETAN_NAME = re.compile(rf"(?:{_TIBETAN_SYLLABLE})(?:{_TIBETAN_SYLLABLE})")


def _reads_as_name(text: str) -> bool:
    """A run with an unlisted first character reads as a name when jieba's dictionary knows it as a name
    (乌力吉), or when that character stands alone as jieba cuts the run (a surname: 禤|志强, 厍|满仓; not
    特此|投诉, 恳请|领导, 全体|员工), the run is no other word of the dictionary (不详, 匿名, 此致), holds no
    function character and ends in no organisation or trade word."""
    from extractors import tokenize

    if _TIBETAN_NAME.fullmatch(text):  # 才让多杰, 多杰才旦: 才 is a syllable of the name here, no function word
        return True
    if text[0] in _NEVER_FIRST or _NEVER_IN_A_NAME.intersection(text) or NOT_A_GIVEN_NAME.search(text):
        return False
    if tokenize.is_name_word(text):
        return True
    if tokenize.is_word(text):
        return False
    if re.search(rf"(?:{kw('org_suffix').pattern}|{kw('occupation_suffix').pattern})$", text):
        return False
    return len(tokenize.cut(text, hmm=False)[0]) == 1


@lru_cache(maxsize=1)
def label_index() -> tuple[re.Pattern[str], dict[str, str]]:
    """One regex of every label (longest first) and label -> key ('complainant.name', 'ctx.address', …)."""
    data = tables()["labels"]
    keys: dict[str, str] = {}
    for key, words in data["fields"].items():
        keys.update({w: key for w in words})
    prefixes = {"context": "ctx", "sections": "section", "dates": "date", "people": "people", "ignored": "ignore"}
    for group, prefix in prefixes.items():
        for name, words in data[group].items():
            keys.update({w: f"{prefix}.{name}" for w in words if w not in keys})
    # a form spaces a short label's characters to fill its cell (姓　　名, 性　别): the spaces are no part of it
    alternation = "|".join(
        "[ \u3000]{0,4}".join(re.escape(ch) for ch in w) if len(w) <= 3 else re.escape(w)
        for w in sorted(keys, key=len, reverse=True)
    )
    # a label may carry a short note or an ordinal before its colon: 工作单位（雇主）：, 投诉人代表一：
    # (or the clerk's note on how it was taken down: 投诉人陈述（接待人员根据投诉人口述记录，经本人确认）：)
    qualifier = (
        r"(?:[（(][^（()）：:\n]{1,8}[)）]"
        r"|[（(][^（()）：:\n]{0,30}?(?:记录|口述|确认|整理|代写|代笔)[^（()）：:\n]{0,12}[)）]"
        r"|[一二三四五六七八九十])(?=\s*[：:])"
    )
    # a form's cell may name two labels for one item (户籍/现住址): the last one is read
    joined = r"(?:[\u4e00-\u9fff]{2,4}[/／](?=\S))?"
    return re.compile(rf"\s*{joined}(?P<label>{alternation})(?:{qualifier})?(?P<sep>\s*[：:]\s*|[\t ]+|$)"), keys


@dataclass
class Segment:
    start: int
    end: int
    key: str | None = None  # None: a loose segment
    label: str | None = None
    vstart: int = 0
    vend: int = 0

    def value(self, text: str) -> str:
        return text[self.vstart : self.vend]


def label_at(text: str, pos: int, end: int) -> tuple[str, str, int] | None:
    """(label, key, value start) when a label with a separator stands at `pos`."""
    pattern, keys = label_index()
    m = pattern.match(text, pos, end)
    if not m:
        return None
    label = re.sub(r"[ \u3000]", "", m.group("label"))
    return label, keys[label], m.end()


def _strip(text: str, s: int, e: int) -> tuple[int, int]:
    while s < e and text[s] in " \t：:":
        s += 1
    while e > s and text[e - 1] in " \t，,；;。：:":
        e -= 1
    return s, e


def _glued_label(text: str, i: int, end: int) -> bool:
    """A long label with a colon glued to the previous value (two lines a reader joined)."""
    hit = label_at(text, i, end)
    if not hit or len(hit[0]) < 4 or text[i + len(hit[0]) : i + len(hit[0]) + 1] not in ("：", ":"):
        return False
    return not any(label_at(text, j, end) for j in range(max(0, i - 3), i))


def _label_cell(text: str, cut: int, tab: int, end: int) -> bool:
    """Is text[cut:tab] a label cell, so that the cell after the tab is its value? (A .docx row's cells
    are tab-separated; a value cell never runs on into the next cell.)"""
    hit = label_at(text, cut, end)
    return hit is not None and hit[2] >= tab and not text[cut:tab].strip(" \t").endswith(("：", ":"))


def scan_line(text: str, start: int, end: int) -> list[Segment]:
    """Segments of one line. A section label takes the rest of the line as its value."""
    first = label_at(text, start, end)
    if first and first[1].startswith("section."):
        vs, ve = _strip(text, first[2], end)
        return [Segment(start, end, first[1], first[0], vs, ve)]
    cuts = [start]
    for i in range(start + 1, end):
        if (
            _SPLIT.match(text[i - 1])
            or (text[i - 1] == "\t" and not _label_cell(text, cuts[-1], i, end))
            or (text[i - 1] in " \t" and label_at(text, i, end))
            or _glued_label(text, i, end)
        ):
            cuts.append(i)
    cuts.append(end)
    segments = []
    for s, e in itertools.pairwise(cuts):
        s, e = _strip(text, s, e)
        if s >= e and not (s == e and label_at(text, s, end)):
            continue
        at_boundary = s == start or text[s - 1] in _BOUNDARY or _glued_label(text, s, e)
        hit = label_at(text, s, e) if at_boundary else None
        if hit:
            vs, ve = _strip(text, hit[2], e)
            segments.append(Segment(s, e, hit[1], hit[0], vs, max(vs, ve)))
        elif s < e:
            segments.append(Segment(s, e, None, None, s, e))
    return segments


def is_header_row(text: str, segments: list[Segment]) -> bool:
    """A table's header row (序号 姓名 岗位 金额): three or more label cells and no colon; it has no values."""
    line = text[segments[0].start : segments[-1].end] if segments else ""
    labelled = [g for g in segments if g.key]
    empty = [g for g in labelled if g.vstart >= g.vend]
    return "：" not in line and ":" not in line and len(labelled) >= 3 and len(empty) >= 2


# a numbered section heading of a formal letter: 二、事实经过 / （三）请求事项 (not 1. of a listed request)
_HEADING_NUMBER = re.compile(r"\s*(?:[一二三四五六七八九十]{1,3}[、.．]|[（(][一二三四五六七八九十]{1,3}[)）])\s*")
_SHORT_HEADING = re.compile(r"[^，。；：,;:！？!?]{2,16}\s*")  # 被投诉人 / 其他说明: a heading, not a sentence


def section_at(text: str, start: int, end: int) -> tuple[str, str, int] | None:
    """label_at, and a section's label after its heading number (二、事实经过)."""
    hit = label_at(text, start, end)
    if hit is None and (m := _HEADING_NUMBER.match(text, start, end)):
        numbered = label_at(text, m.end(), end)
        if numbered and numbered[1].startswith("section."):
            return numbered
    return hit


def is_stop_line(text: str, start: int, end: int) -> bool:
    """Does this line end a section (a new label, a closing formula, a signature or a date)?"""
    line = text[start:end].strip()
    closings = tables()["labels"]["closings"]
    if any(line.startswith(c) for c in closings) or DATE_LINE.match(line) or QA_LINE.match(line):
        return True
    number = _HEADING_NUMBER.match(text, start, end)
    if number and _SHORT_HEADING.fullmatch(text, number.end(), end):
        return True  # 二、被投诉人 / 四、其他说明: the next numbered heading of a formal letter
    if (labelled := _NUMBERED_LABEL.match(line)) and not _ASK.match(labelled.group("label")):
        return True  # 六、提交材料：身份证复印件…: the form's next numbered part, its label and its content on one line
    if re.match(r"\s*是否", text[number.end() if number else start : end]) or NO_PROCEEDINGS.match(line):
        return True  # (五、)是否就同一事项申请劳动争议仲裁…：否
    if (sig := SIGNATURE_LINE.match(line)) and is_person_name(sig.group("name")):
        return True
    if re.match(r"[【〖][^】〗]{2,10}[】〗]", line):
        return True  # 【处理意见】 / 【坐席备注】来电人情绪激动…: a work order's or a web page's next box
    return section_at(text, start, end) is not None


_NUMBERED_LABEL = re.compile(r"[一二三四五六七八九十]{1,3}[、.．]\s*(?P<label>[\u4e00-\u9fff]{2,6})[：:]")


def find_sections(text: str) -> dict[str, tuple[int, int]]:
    """name ('facts', 'requests') -> (start, end) of the section's content (first occurrence)."""
    found: dict[str, tuple[int, int]] = {}
    later_facts: tuple[int, int] | None = None
    spans = paragraph_spans(text)
    for i, (s, e) in enumerate(spans):
        hit = section_at(text, s, e)
        if not hit or not hit[1].startswith("section."):
            continue
        name = hit[1].split(".", 1)[1]
        if name in found and not (name == "facts" and later_facts is None):
            continue
        content_start, content_end = _strip(text, hit[2], e)
        empty = content_start >= content_end
        for s2, e2 in spans[i + 1 :]:
            if is_stop_line(text, s2, e2):
                break
            content_start, content_end = (s2 if empty else content_start), e2
            empty = False
        if content_start < content_end:
            if name in found:  # a second facts heading (投诉事项：… then 事实和理由：…)
                later_facts = (content_start, content_end)
            else:
                found[name] = (content_start, content_end)
    if later_facts and "requests" not in found and _asks_only(text, *found["facts"]):
        # 投诉事项：1.责令被投诉人支付… / 事实和理由：…: the first block lists what is asked, the second tells
        found["requests"], found["facts"] = found["facts"], later_facts
    elif later_facts and _topic_only(text, *found["facts"]):
        # 投诉事项：拖欠工资 / 事实与理由：…: the first names the matter (a form's category), the second tells it
        found["facts"] = later_facts
    return found


def _topic_only(text: str, start: int, end: int) -> bool:
    """A block that only names the matter: one short line, no sentence in it (拖欠工资 / 工伤未处理、拖欠工资)."""
    block = text[start:end].strip()
    if len(re.findall(r"[☑□■☐✓√]", block.split("\n", 1)[0])) >= 2:
        return True  # ☑拖欠工资　□未签劳动合同　□未缴社会保险: a form's boxes for the matter
    return 0 < len(block) <= 20 and "\n" not in block and not re.search(r"[。！？!?]", block)


_ASK = re.compile(
    r"^\s*(?:[一二三四五六七八九十\d]+[、.．）)]\s*)?(?:请求|要求|责令|请|依法|支付|补发|退还|赔偿|对被投诉人|督促)"
)


def _asks_only(text: str, start: int, end: int) -> bool:
    """Every line of the block states an ask (责令… / 要求… / 1.支付…), as a request list does."""
    block = text[start:end]
    lines = [block[s:e] for s, e in paragraph_spans(block) if block[s:e].strip()]
    return bool(lines) and all(_ASK.match(line) for line in lines)


# Words no name runs across: prepositions, conjunctions, adverbs, pronouns, counting words and the short verbs
# a sentence puts before a name (老公在某医院, 大宝虽已上幼儿园, 一群某环卫公司, 坚持以人民为中心)
_NOT_IN_A_NAME_WORDS = (
    "在 是 和 与 及 跟 给 到 去 进 上 从 由 被 把 让 叫 对 向 于 以 为 将 虽 虽然 已 已经 已上 都 也 还 就 又 才 却 很 "
    "我 我们 你 您 他 她 他们 她们 咱 俺 其 该 这 那 这个 那个 这家 那家 一家 一间 一所 一座 一个 一群 一些 "
    "每 各 下面 里面 坚持 紧紧 "
    "围绕 通过 依托 按照 根据 关于 由于 因为 所以 但是 而 并 或 或者 以及 及其 的 了 着 过 请 要 想 说 "
    "不 不了 不能 不会 不到 没 没有 没得 进不了 干不了 "
    # the words of the story a name never holds (拖欠工资期间公司 names no company)
    "拖欠 工资 工钱 期间 以后 之后 以前 之前 后来 现在"
)
NOT_IN_A_NAME = frozenset(_NOT_IN_A_NAME_WORDS.split())
# Characters no name holds (a name whose surname no list has, `_reads_as_name`): the single-character words
# above but those that begin or end names (那振江, 孟和, 以, 由 …), and the words a letter puts after a name
# (男, 45岁, 住, 电话)
_NEVER_IN_A_NAME = frozenset(w for w in NOT_IN_A_NAME if len(w) == 1) - set("那和以由上进去虽而并或") | set(
    "们它共某今年岁男女住电话号"
)
