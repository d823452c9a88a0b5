"""Complainant and respondent from labelled lines, table rows and inline descriptions.

The letter describes one party at a time: a line that names the complainant (`投诉人：…`, `我叫…，女`,
`代表…，男`) makes the following context labels (住所、电话) the complainant's; `被投诉单位：…` makes them
the respondent's; agent, representative and signature lines belong to neither. Loose clauses
(`男`, `三十五岁`, `住…`, `在…公司做采茶工`) are read only on a line that names the complainant.
"""

from __future__ import annotations

import dataclasses
import re

from extractors.complaint import numerals as nm
from extractors.complaint.evidence import INLINE, LABELLED, Recorder
from extractors.complaint.labels import (
    NOT_IN_A_NAME,
    QA_LINE,
    Segment,
    is_header_row,
    is_person_name,
    kw,
    scan_line,
    ticked,
)
from extractors.normalize import paragraph_spans

# 我父亲吴某，男，…: a letter written for a relative describes the complainant by kinship.
_INLINE_PERSON = re.compile(
    r"^(?:投诉人|代表人?|我叫|我是|俺叫|俺是|咱叫|本人|反映人|申请人|申诉人|求助人|举报人|请求人|诉求人|陈情人"
    rf"|(?:我|本人)的?(?:{kw('relative').pattern})(?:叫做|名叫|叫|是)?)[:：]?\s*(?P<name>[\u4e00-\u9fff]{{2,4}})$"
)
_BARE_PERSON = re.compile(r"(?:^|[。；;！!？?]\s*)(?P<name>[\u4e00-\u9fff]{2,4})$")


def _plausible_name(word: str) -> bool:
    return is_person_name(word) or (len(word) in (2, 3, 4) and word[0] not in "我你他她它这那其该本每各共")


_TENURE_NOTE = re.compile(
    r"[（(](?:租住|暂住|租房|租屋|租的房子?|出租屋|借住)[）)]$|(?<=[村组号镇区])(?:(?:的|嘅)(?:出租屋|出租房|出租厝)|租的房子?)里?$"
)
# 他的工作单位是某公司: the employer of the person described, told in a clause.
_WORKS_FOR = re.compile(r"^(?:他|她|我|本人)?的?(?:工作单位|务工单位|所在单位)(?:是|为)(?P<org>.{4,40})$")
# 屋头在/屋里在/我屋在 (spoken: 屋 = home)
_ADDRESS = re.compile(
    r"^(?:我|本人)?(?:而家|现在|目前|如今)?(?:租屋|租房子?)?"  # 而家租屋住喺容桂某村 (now renting, lives at)
    r"(?:(?:香港|澳门|台湾|内地|大陆|家庭|户籍|常住|现|老家|通讯|联系)?(?:住址|地址|住所)(?:为|是|在)?"
    r"|家住|现住|现居|现租住|租住|现暂住|暂住|居住在|住在|住|屋头在|屋里在|屋在|家在)[:：]?\s*(?P<v>.{4,})$"
)
# a clause that is only the place the writer comes from, down to a town or county: 郸城县汲冢镇王庄村人 /
# 是凤凰县廖家桥镇菖蒲塘村的 / 是大方县羊场镇人 / 家是颍上县谢桥镇的 (the address the letter gives)
NATIVE = re.compile(
    r"(?:(?:我|他|她|我爸|我妈|我父亲|我母亲|我丈夫|我老公|我妻子|我爱人)?(?:是|系)|家是|老家是|老家在|我们家是)?"
    r"(?P<v>(?:(?!是)[\u4e00-\u9fff\d]){2,24}(?:村|屯|寨|社区|镇|乡|县|旗)"
    r"(?:[\u4e00-\u9fff\d]{0,8}(?:组|号))?)(?:(?<=[村组屯寨区号])的人|人|的)"  # (是某县的人: a county alone)
)
# 被投诉人：某学校，地址某县某路… / 烧烤店：某店，在某县城关镇某路口西50米: the respondent's address clause
_R_ADDRESS = re.compile(
    r"^(?:办公地址|注册地址|单位地址|地址|位于|设在|坐落在|在)(?:在|是|为)?[:：]?\s*"
    r"(?P<v>[\u4e00-\u9fff\d（）()\-]{4,}?(?:路|街|道|巷|号|村|镇|乡|区|县|市|段|口|米|楼|层|室|大厦|广场|园))$"
)
_BIRTH = re.compile(
    r"(?P<y>(?:19|20)\d{2})\s*[年.\-/]\s*(?P<m>\d{1,2})(?:\s*[月.\-/]\s*(?:(?P<d>\d{1,2})\s*[日号]?)?)?"
)
_BORN_LOOSE = re.compile(
    r"^(?:生于|出生于)?(?P<v>(?:19|20)\d{2}\s*年\s*\d{1,2}\s*月(?:\s*\d{1,2}\s*[日号])?)(?:出生|生)?$"
)
# a birth year alone (某某，女，1985年出生): the age is the letter's year less it
# (a four-digit year in Chinese numerals too: 一九七二年生的)
_YEAR4 = r"(?:19|20)\d{2}|[一二][九〇零][〇零一二三四五六七八九]{2}"
_BORN_YEAR_LOOSE = re.compile(rf"^(?:生于|出生于)?(?P<y>{_YEAR4})\s*年(?:(?:出生|出世|生人|生)的?|的)$")
# 男，00年的 / 85年生 / 九零年的: a birth year told by its last two digits (numerals.two_digit_year)
_BORN_SHORT_YEAR = re.compile(r"^(?P<y>\d{2}|[零〇一二三四五六七八九]{2})\s*年(?:出生|出世|生人|生|的)$")
# a year of the Republic, as Taiwan counts (民國五十七年生 / 民国57年出生): 1911 + the year
_BORN_ROC_YEAR = re.compile(
    r"^(?:生于|出生于)?民[国國](?P<y>\d{2,3}|[一二三四五六七八九十百零〇]{1,5})\s*年(?:出生|生人|生)$"
)
_IS = re.compile(r"^(?:我|本人)?(?:是|系|做|当|任|干)(?:个|一个|一名)?")
# 身份证号… / 台湾居民居住证号码…: whatever the card is called, the number is checked (GB 11643) before it is kept
_ID_LOOSE = re.compile(r"^(?:[\u4e00-\u9fff]{0,10}?(?:号码|证号|证))?(?:是|为)?[:：]?\s*(?P<v>\d{17}[\dXx])$")
_PHONE_LOOSE = re.compile(
    r"^(?:我的)?(?:联系电话|联系方式|手机号码|电话号码|手机号|手机|电话)?(?:是|为)?[:：]?\s*(?P<v>[\d()（）\-\s]{7,18})[.．]?$"
)
OCCUPATION = re.compile(rf"(?:{kw('occupation_suffix').pattern})$")
_TRAILING_NOTE = re.compile(r"[（(][^）)]{1,30}[）)]$")
# 我叫某某，在某店做服务员: a name followed by where the person works introduces the writer too.
_WORKS_AT = re.compile(rf"^(?:我|本人)?(?:现|一直)?在[\u4e00-\u9fff（）()]{{2,40}}?(?:{kw('org_suffix').pattern})")


_LEADING = re.compile(
    r"^.*?(?:我们是在|我们是|我是在|我是|我在|本人在|介绍(?:进入|进|上|去|来)|投诉的是|投诉|举报|通过|在|到|于|是|被|向|叫|系|受|由"
    r"|镇上|街上|城里|县城)"
)
_NOT_A_NAMES_START = "该此本其这那我你他哪啥"  # a determiner or a pronoun begins no organisation's name


def _unnamed_start(name: str) -> bool:
    """A determiner, a pronoun or the polite 贵 (贵公司, 贵单位) begins it: no name (贵州…, 贵阳… are places)."""
    return name[:1] in _NOT_A_NAMES_START or re.match(r"贵(?:公司|单位|司|厂|院|校|局|处|店|方|部门)", name) is not None


_TIME_WORDS = re.compile(
    r"(?:\d{1,2}|[一二三四五六七八九十]{1,3}|正|腊|冬)月(?:初|底|中|末|份)?|今年|去年|前年|年初|年底|年后"
    r"|[一两三四五六七八九十几半\d]+个?(?:多)?(?:月|天|年|星期|礼拜)(?:内|后|前|来|以来|多)?"
)
# Answers that state there is none (工作单位：无): not a value, and not a missing item either.
NONE_ANSWERS = frozenset({"无", "没有", "暂无", "无单位", "无工作单位", "/", "—"})
# Answers that leave the item unknown (a hotline's 来电人地址：未提供): nothing is recorded, the item stays missing
_UNKNOWN_ANSWER = re.compile(
    r"^(?:来电人|来信人|本人)?(?:未提供|未告知|未填写?|不详|不清楚|不知道|未知|拒绝提供|未说明)$"
)
# A workshop or department after the organisation's name (某公司后厨, 某厂车间) is not part of the name.
_DEPARTMENT = re.compile(r"(?:后厨|厨房|车间|仓库|门店|班组|工地|项目部|分店)$")


def _spans_word(left: str, right: str) -> bool:
    from extractors import tokenize

    return tokenize.spans_word(left, right)


_BARE_AFTER_ASK = re.compile(
    r"(?:督促|责令|要求|请求|协调|查处|处理|帮助|敦促|催促|监督)(?:该|这个|那个|这家|那家)?(?:店|厂|公司)方?$"
)


def clean_org(candidate: str) -> tuple[str, int] | None:
    """Trim leading words ('我是在…') off an organisation name; (name, chars trimmed) or None."""
    m = _LEADING.match(candidate)
    if m and len(candidate) - m.end() < 4 and m.group().endswith(("到", "在", "于", "被", "向")):
        return None  # 送到三医院, 住在四院: a place the story goes to, too short to be a name after the verb
    # a one-character lead is cut only where jieba ends a word (向阳服装厂 keeps its 向, 由宏达公司 loses its 由)
    lone = m is not None and m.end() == 1 and _spans_word(candidate[:1], candidate[1:])
    cut = m.end() if m and len(candidate) - m.end() >= 4 and not lone else 0
    if when := _TIME_WORDS.match(candidate, cut):  # 六月初厂里机器停了: a time, then the generic 厂
        cut = when.end()
    name = candidate[cut:]
    if len(name) < 4 or _unnamed_start(name) or not kw("org_suffix").search(name):
        return None
    if re.search(r"(?:进去?|进到|出|回|到|离开)(?:工厂|厂|公司|宾馆|酒店|饭店|店)$", name):
        return None  # 实际上从进厂…, 一进去宾馆: going in, not a name
    suffix = kw("org_suffix").pattern
    if work := re.search(rf"(?:{suffix})(?=打工|上班|干活|务工|做工|当|做)", name):
        name = name[: work.end()]  # 一家奶茶店打工当店员: the name ends before the work done there
        if len(name) < 4:
            return None
    if owner := re.match(rf"(.{{4,}}?(?:{suffix}))(?:开|开办|经营|旗下|下属)的", name):
        name = owner.group(1)  # 某公司开的某宾馆: the company that runs it
    elif own := re.match(r"(.{4,}?有限(?:责任)?公司)的[\u4e00-\u9fff]{1,6}$", name):
        name = own.group(1)  # 某石业有限公司的石场: a registered company's own premises name the company
    if (dept := _DEPARTMENT.search(name)) and kw("org_suffix").search(name[: dept.start()]):
        name = name[: dept.start()]  # the department after a complete name (公司后厨 -> 公司)
        if ends := [e.end() for e in re.finditer(suffix, name)]:
            name = name[: ends[-1]]  # 有限公司包装车间: the department's own words go with it
        name = re.sub(r"(?:某|该|这个|那个|一个)$", "", name)  # 某公司某工地: the site's own determiner
    if len(name) < 4 or not kw("org_suffix").search(name):
        return None
    if lead := _sentence_before_name(name):  # 名字叫某公司, 大宝虽已上幼儿园: the sentence's words before it
        name, cut = name[lead:], cut + lead
        if len(name) < 4 or not kw("org_suffix").search(name):
            return None
    if _unnamed_start(name):  # 这个店到底是哪个公司开的: a question, not a name
        return None
    if re.fullmatch(r"[一二三四五六七八九十廿]{1,3}[号日]?(?:工地|厂|店|公司|项目部)", name):
        return None  # 腊月做到二十八工地放假: a date's day, then the generic 工地
    if _names_nothing(name) or _bare_noun_after(name) or _indefinite(name):
        return None
    if _BARE_AFTER_ASK.search(name):
        return None  # 希望相关部门督促店方 / 要求劳动部门责令厂: an office asked to act on the generic noun, no name
    if lead := _nameless_lead(name):  # 督促乐清市康和医院有限公司: a verb before the place that starts the name
        name, cut = name[lead:], cut + lead
    kind = re.match(r"(?:劳务派遣|劳务|建筑|物业|装修|家政)?公司(?=[\u4e00-\u9fff]{4})", name)
    if kind and kw("org_suffix").search(name[kind.end() :]):
        name, cut = name[kind.end() :], cut + kind.end()  # 劳务公司海南恒远劳务有限公司: the kind, then the name
    if (urged := re.search(r"督促|责令|敦促|要求", name)) and len(name) - urged.end() >= 4:
        name, cut = name[urged.end() :], cut + urged.end()  # 领导督促某公司: who is urged, not who urges
    return name, cut


# jieba's tags of the words that can stand before a generic noun without naming it: a time (中秋节, 春节),
# a direction (前), a pronoun (那天, 这家), a number or measure (几个), a verb (要求), an adverb, a preposition…
_NAMELESS_TAGS = {"t", "f", "r", "m", "q", "mq", "v", "d", "p", "c", "u", "ul", "uj", "y"}


def _nameless_lead(name: str) -> int:
    """Characters of the words that name nothing before a place or proper name that starts the name; 0 if none."""
    from extractors import tokenize

    pos = 0
    for word, flag in tokenize.posseg(name):
        if flag in ("ns", "nr", "nz", "nt") and pos and len(name) - pos >= 4:
            return pos
        if flag not in _NAMELESS_TAGS or "某" in word:  # 某某锦华服饰: a name withheld is part of the name
            return 0
        pos += len(word)
    return 0


def _names_nothing(name: str) -> bool:
    """要求公司, 中秋节那天工地, 春节前医院, 几个学校: the generic noun after words that name nothing."""
    from extractors import tokenize

    words = tokenize.posseg(name)
    return len(words) >= 2 and all(flag in _NAMELESS_TAGS and not w.startswith("第") for w, flag in words[:-1])


# the words right before a generic noun that leave it bare, whatever comes before them: a preposition (仍在公司),
# a copula (保安不是学校), or a count after a verb (厂子租给外地一家公司, 说的那家公司); 邓总那猪场 is his
_BARE_BEFORE_TAGS = {"p"}
_COPULA = frozenset({"是", "不是", "就是", "还是", "也是", "都是", "但是", "可是", "而是"})
_SOMEONE = frozenset({"人", "别人", "人家", "他", "她", "我", "俺"})
_SAYS = frozenset({"说", "讲", "称", "问", "答", "说是", "讲是", "表示"})
_A_COUNT = re.compile(r"^[一两几这那哪每各该][家个间座所处]$")


def _bare_noun_after(name: str) -> bool:
    """厂子租给外地一家公司, 人目前仍在公司, 保安不是学校: the last word is a generic noun and the word before it
    leaves it bare, so the run names no organisation (某局项目部 and 一家大酒店 told alone still name one)."""
    from extractors import tokenize

    words = tokenize.posseg(name)
    if len(words) < 2 or not re.fullmatch(rf"(?:{kw('org_suffix').pattern})", words[-1][0]):
        return False
    word, flag = words[-2]
    if word.startswith("某"):
        return False
    if flag in _BARE_BEFORE_TAGS or word in _COPULA:
        return True
    if flag == "v" and len(word) == 1 and len(words) >= 3 and words[-3][0] in _SOMEONE:
        return True  # (给)人看果园, 帮别人看仓库: work done for someone, the noun its object
    if word in _SAYS:
        return True  # 冀国华说厂(子停了): what someone said begins with the noun
    return bool(_A_COUNT.match(word)) and any(f == "v" for _w, f in words[:-2])


def _indefinite(name: str) -> bool:
    """单县一仓储物流公司, 七星区一奶茶店: a place, then 一 on its own, "a" firm of that kind there, no name (中建一局,
    第一建筑公司 and 一汽物流 keep their 一 inside a word)."""
    from extractors import tokenize

    words = tokenize.posseg(name)
    return any(
        word == "一" and re.search(r"[省市县区镇乡旗]$", words[k - 1][0]) for k, (word, _f) in enumerate(words) if k
    )


def _sentence_before_name(name: str) -> int:
    """Characters of `name` up to its last word that no name runs across (labels.NOT_IN_A_NAME); 0 if none."""
    from extractors import tokenize

    pos = cut = 0
    places_only = True  # 广西和美家政…: after a place name alone, the word is part of the name
    words = tokenize.posseg(name)
    for word, flag in words[:-1]:
        pos += len(word)
        # 乐清市康|和|医院有限公司: a cut that leaves only generic words splits a name, not a sentence
        if word in NOT_IN_A_NAME and not (places_only and pos > len(word)) and kw("org_suffix").sub("", name[pos:]):
            cut = pos
        places_only = places_only and flag == "ns"
    return cut


def occupation_of(text: str, longest: int = 6) -> str | None:
    """A short occupation word ('木工', '收银员', '货车司机'; a formal post of up to `longest` characters where the
    caller reads one: 担任模具设计课课长), else None."""
    text = text.strip()
    shaped = 2 <= len(text) <= longest and re.fullmatch(r"[\u4e00-\u9fff]+", text)
    if shaped and OCCUPATION.search(text) and text not in ("打工", "做工", "务工") and not _NOT_A_TRADE.search(text):
        return text
    return None


# 干活的工(钱), 完了工, 低于最低工(资), 一群农民, 临时工: words ending like a trade that are none
_NOT_A_TRADE = re.compile(r"的|^(?:活|完|了|低|一群|一些|几个|各|这|那|该|临时工$|合同工$|正式工$|长期工$|短期工$)")


def _employment(rec: Recorder, text: str, s: int, e: int, conf: float) -> bool:
    """'在融水县某公司做采茶工' -> employer and occupation."""
    m = re.match(
        r"^(?:系|是)?在?(?P<org>[\u4e00-\u9fff（）()]{4,40}?)(?P<link>做|当|任|担任|从事|的)(?P<occ>[\u4e00-\u9fff]{1,6}?)(?:工作)?$",
        text[s:e],
    )
    if m and m.group("link") == "的" and not occupation_of(m.group("occ")):
        m = None  # 反映他被某公司拖欠工资的事: a matter, not an employment (某公司的保洁员 is one)
    if not m:  # '在某公司上班' (an employer without an occupation)
        m = re.match(
            r"^(?:我|本人)?(?:现|一直)?在(?P<org>[\u4e00-\u9fff（）()]{4,40}?)(?:上班|工作|打工|务工|干活|做事)$",
            text[s:e],
        )
    if not m or not (cleaned := clean_org(m.group("org"))):
        return False
    rec.set("complainant.employer", cleaned[0], s + m.start("org") + cleaned[1], s + m.end("org"), conf)
    occ = occupation_of(m.group("occ")) if "occ" in m.groupdict() and m.group("occ") else None
    if occ:
        rec.set("complainant.occupation", occ, s + m.start("occ"), s + m.end("occ"), conf)
    return True


# 今年五十八了 / 五十八的人了 (spoken): the year's age, told without 岁; a tens-and-units numeral only (not 今年3月)
_AGE_SPOKEN = re.compile(
    rf"(?:今年|现年)(?:都|也|已经|已|刚|才)?满?(?P<xu>虚岁)?(?P<n>{nm.SPOKEN_AGE}|[1-9]\d)(?:岁)?(?:了|咧|啦|嘞|哒|喽)?"
    rf"|(?:都|也|已经|快)?(?P<n2>{nm.SPOKEN_AGE}|[1-9]\d)(?:岁)?的人了"
)


# 1979年腊月生的 / 1985年农历八月出生: a birth month of the lunar calendar, taken at its 15th day
_BORN_LUNAR_MONTH = re.compile(
    rf"^(?P<y>{_YEAR4})\s*年(?:农历|阴历|旧历)?(?P<m>正|冬|腊|[一二三四五六七八九十]{{1,2}})月(?:份)?(?:出生|生人|生)(?:的)?$"
)
_LUNAR_MONTHS = {"正": 1, "冬": 11, "腊": 12}
_LIVES_NOW = re.compile(
    r"(?:我|本人)?(?:(?:而家|现在|目前|如今)(?:租屋|租房子?)?(?:暂住|租住|住|居)|现住|现居|现暂住|现租住|暂住)"
)
# (我叫李雪梅，是94年的: the subject left out after the name)
BIRTH_YEAR_AHEAD = rf"(?=(?:\d{{2}}|[零〇一二三四五六七八九]{{2}}|{_YEAR4})年)"
_I_AM = re.compile(rf"(?:我|俺|本人)?是{BIRTH_YEAR_AHEAD}")


def _birth_year(clause: str) -> tuple[int, int | None, None] | None:
    """(year, month or None, None) of a clause that tells only when the writer was born."""
    from extractors.complaint.datewords import lunar_to_solar

    if (m := _BORN_YEAR_LOOSE.match(clause)) and (year := nm.cn_int(m.group("y"))):
        return year, None, None
    if (m := _BORN_SHORT_YEAR.match(clause)) and (year := nm.two_digit_year(m.group("y"))):
        return year, None, None
    if (m := _BORN_ROC_YEAR.match(clause)) and (year := nm.republic_year(m.group("y"))):
        return year, None, None
    if m := _BORN_LUNAR_MONTH.match(clause):
        month = _LUNAR_MONTHS.get(m.group("m")) or nm.cn_int(m.group("m")) or 0
        if day := lunar_to_solar(nm.cn_int(m.group("y")) or 0, month, 15):
            return day.year, day.month, None
    return None


def age_or_birth(rec: Recorder, text: str, s: int, e: int, conf: float = INLINE) -> bool:
    """One clause that states the complainant's age or birth date (今年52岁 / 今年五十八了 / 1985年7月出生 / 85年生 /
    民国五十七年生 / 1979年腊月生的); whether it was one."""
    if lead := _I_AM.match(text, s, e):  # 我是七零年的: the writer's own birth year, said of themself
        s = lead.end()
    clause = text[s:e]
    if re.fullmatch(r"(?:今年|现年|年龄)?\s*(?:\d{1,3}|[一二三四五六七八九十]{1,3})\s*周?岁", clause):
        rec.set("complainant.age", nm.parse_age(clause), s, e, conf)
    elif a := _AGE_SPOKEN.fullmatch(clause):  # 今年五十八了 / 今年都六十一了: an age without 岁
        n = "n" if a.group("n") else "n2"
        age = nm.parse_age(a.group(n))
        if age is not None and a.group("xu"):
            age -= 1  # 今年虚岁五十: the nominal age counts the year of birth, full years are one fewer
        rec.set("complainant.age", age, s + a.start(n), s + a.end(n), conf)
    elif m := _BORN_LOOSE.match(clause):
        _set_birth(rec, m.group("v"), s + m.start("v"), s + m.end("v"), conf)
    elif born := _birth_year(clause):  # 1985年出生 / 85年生 / 民国五十七年生 / 1979年腊月生的
        if not rec.has("birth"):  # (a birth date read before it stands)
            rec.set("birth", born, s, e, conf)
    else:
        return False
    return True


def parse_loose(rec: Recorder, text: str, s: int, e: int, conf: float = INLINE) -> None:
    """One loose clause of the complainant's description."""
    clause = text[s:e]
    if clause in ("男", "女"):
        rec.set("complainant.gender", clause, s, e, conf)
    elif g := re.fullmatch(r"性别[:：]?\s*([男女])", clause):  # 性别男 (an oral record's answer)
        rec.set("complainant.gender", g.group(1), s + g.start(1), s + g.end(1), conf)
    elif age_or_birth(rec, text, s, e, conf) or re.fullmatch(r"[\u4e00-\u9fff]{1,3}族", clause):
        return
    elif m := _ID_LOOSE.match(clause):
        rec.set("complainant.id_number", nm.valid_id_number(m.group("v")), s + m.start("v"), s + m.end("v"), conf)
    elif (m := _PHONE_LOOSE.match(clause)) and nm.find_phones(m.group("v")):
        phone, ps, pe = nm.find_phones(m.group("v"))[0]
        rec.set("complainant.phone", phone, s + m.start("v") + ps, s + m.start("v") + pe, conf)
    elif m := _ADDRESS.match(clause):
        value = m.group("v")
        if note := _TENURE_NOTE.search(value):  # …26号院（租住）: how the writer lives there, not where
            value = value[: note.start()]
        # 某县某村人，现住某镇某村八组: where the writer lives now, over where they come from
        now = bool(_LIVES_NOW.match(clause))
        # 是我们中旗科布尔镇人，家住科布尔镇新建街东三巷7号: where the writer lives, over where they are from
        known = rec.evidence.get("complainant.address")
        origin = known is not None and text[known.end : known.end + 1] in ("人", "的")
        rec.set("complainant.address", value, s + m.start("v"), s + m.start("v") + len(value), conf,
                overwrite=now or origin)
    elif m := NATIVE.fullmatch(clause):  # 某某，男，郸城县汲冢镇王庄村人 / 是凤凰县廖家桥镇菖蒲塘村的
        rec.set("complainant.address", m.group("v"), s + m.start("v"), s + m.end("v"), conf)
    elif (m := _WORKS_FOR.match(clause)) and (cleaned := clean_org(m.group("org"))):
        rec.set("complainant.employer", cleaned[0], s + m.start("org") + cleaned[1], s + m.end("org"), conf)
    elif not _employment(rec, text, s, e, conf):
        lead = _IS.match(clause)
        cut = lead.end() if lead else 0
        if re.match(r"(?:都|大家|人家|别人|我们)?(?:都)?(?:叫|喊|称)", clause):
            return  # 都叫马经理: what everyone calls someone, not the writer's trade
        if occ := occupation_of(clause[cut:]):
            rec.set("complainant.occupation", occ, s + cut, e, conf)


def _set_birth(rec: Recorder, value: str, s: int, e: int, conf: float) -> None:
    """A birth date as (year, month, day or None): the age is derived from it at the letter date."""
    if (m := _BIRTH.search(value)) and 1 <= int(m.group("m")) <= 12:
        rec.set(
            "birth", (int(m.group("y")), int(m.group("m")), int(m.group("d")) if m.group("d") else None), s, e, conf
        )


# a district's name before 区, not a zone's (加工区, 工业区, 开发区, 病区, 小区 …)
_ZONES = ("加工", "集中", "合作", "保税", "示范", "试验", "实验", "商务", "旅游", "风景", "居住", "生活", "办公")
_NOT_A_DISTRICT = "".join(f"(?<!{w})" for w in _ZONES) + r"(?<![小园业社景校厂营发中作片工矿城病])区"
_DIVISION = (
    rf"[\u4e00-\u9fff]{{1,8}}?(?:省|自治区|市|自治州|州|盟|地区|县|旗|镇|乡|街道|苏木)"
    rf"|[\u4e00-\u9fff]{{1,4}}?{_NOT_A_DISTRICT}"
)
# a county, district or town and nothing below it (某县某镇, 某区某街道, 某县): the corpus's settled convention for
# an employer's address (WRITER_SPEC.md: says where, not at which address: null, and the office asks for it); a
# village, a road, an industrial zone (工业集中区, 合作区, 片区) or a landmark makes an address
TOWN_ALONE = re.compile(rf"(?:{_DIVISION})+")
# nothing but division names, villages too (某区某镇, 某县某村): says where, not at which address (a 小区 or 工业区
# is a place; a landmark after the town, 杨桥镇西头, makes an address, though prose.TOWN_AT_MOST takes it for a town
# told with 在…)
DIVISIONS_ONLY = re.compile(rf"(?:{_DIVISION}|[\u4e00-\u9fff]{{1,8}}?(?:村|社区))+")
_BELOW_COUNTY = re.compile(r"镇|乡|街道|村|社区")


def _set_labelled(rec: Recorder, seg: Segment, text: str, path: str) -> None:
    """A labelled value, validated by the field's kind."""
    value, s, e = seg.value(text), seg.vstart, seg.vend
    field = path.split(".", 1)[1]
    if value.strip() in NONE_ANSWERS:
        rec.set_none(path, s, e, LABELLED)
        return
    if _UNKNOWN_ANSWER.match(value.strip(" 。.，,")):
        return
    if field == "birth":
        _set_birth(rec, value, s, e, LABELLED)
        return
    if option := ticked(value):  # 性别：☑男 □女
        at = value.find(option)
        value, s, e = option, s + at, s + at + len(option)
    if field == "gender":
        value = value[:1] if value[:1] in ("男", "女") else None
    elif path == "complainant.address" and (seg.label or "").endswith("所在地") and DIVISIONS_ONLY.fullmatch(value) \
            and not _BELOW_COUNTY.search(value):
        value = None  # 来电人所在地：榕江县 says which county, not where the caller lives (a town does: 老城镇)
    elif field == "age":
        value = nm.parse_age(value)
    elif field == "id_number":
        m = nm.ID_NUMBER.search(value)
        value, s, e = (nm.valid_id_number(m.group()), s + m.start(), s + m.end()) if m else (None, s, e)
    elif field == "phone":
        phones = nm.find_phones(value)
        value, s, e = (phones[0][0], s + phones[0][1], s + phones[0][2]) if phones else (None, s, e)
    elif field == "name" and path.startswith("complainant"):
        if m := _TRAILING_NOTE.search(value):  # 投诉人：某某（按手印）
            value, e = value[: m.start()].rstrip(), s + len(value[: m.start()].rstrip())
        first, *rest = value.split() or [""]
        if len(rest) and is_person_name(first, named_here=True):  # 投诉人：张某 男 45岁 泥水工 (spaces, no labels)
            pos = s + len(first)
            for part in rest:
                at = text.index(part, pos, seg.vend)
                parse_loose(rec, text, at, at + len(part), LABELLED)
                pos = at + len(part)
            value, e = first, s + len(first)
        value = value if is_person_name(value, named_here=True) else None
    elif field == "legal_representative":
        value = value if re.fullmatch(r"[\u4e00-\u9fff·]{2,5}", value) else None
    elif field in ("employer", "address", "workplace", "name") and (m := _TRAILING_NOTE.search(value)):
        value, e = value[: m.start()].rstrip(), s + len(value[: m.start()].rstrip())
    if field == "employer" and (post := _POST.search(value)) and occupation_of(post.group("occ")):
        # 工作单位及岗位：某公司 仓库管理员 — the post after the organisation is the occupation
        occ_start = s + post.start("occ")
        rec.set("complainant.occupation", post.group("occ"), occ_start, occ_start + len(post.group("occ")), LABELLED)
        value, e = value[: post.start()].rstrip(), s + post.start()
    rec.set(path, value, s, e, LABELLED)


_POST = re.compile(r"[\s，,/、]+(?P<occ>[\u4e00-\u9fff]{2,8})$")


def describes_person(clause: str) -> bool:
    """The clause after `我叫某某` that shows the writer describes themself: gender, age, workplace, or
    an occupation (我叫某某，是个铲车司机，…)."""
    if clause in ("男", "女") or nm.AGE.search(clause) or _WORKS_AT.match(clause):
        return True
    if re.fullmatch(r"性别[:：]?\s*[男女]|[\u4e00-\u9fff]{1,3}族", clause):  # 性别男 / 我叫岩温，傣族，…
        return True
    lead = _IS.match(clause)
    return bool(lead and occupation_of(clause[lead.end() :]))


def _context_of(key: str, ctx: str | None) -> str | None:
    if key == "complainant.name" or key in ("complainant.gender", "complainant.age"):
        return "complainant"
    if key == "respondent.name":
        return "respondent"
    if key.startswith(("people.", "ignore.staff")):
        return "other"
    return ctx


def _leads(rec: Recorder, text: str, segments: list[Segment], i: int) -> bool:
    """推举代表：王某，女，1979年5月出生…: the first elected representative described in person is the
    complainant of a group letter whose 投诉人 line named the group (CONTRACT: the lead representative)."""
    if rec.has("complainant.name") or i + 1 >= len(segments):
        return False
    return is_person_name(segments[i].value(text).strip()) and describes_person(segments[i + 1].value(text))


# a line's value in parts, each tagged with whose it is: 某村125号（投诉人）；某路188号（代理人）
ROLE_TAGGED = re.compile(r"(?P<v>[^；;，,（()）]+?)\s*[（(](?P<role>投诉人|申请人|本人|来信人|(?:委托)?代理人)[）)]")


def _complainants_part(rec: Recorder, text: str, seg: Segment, end: int) -> bool:
    """A contact line shared by the complainant and their agent, each part tagged: the complainant's part is
    theirs (the agent's is read with the agents). False when the line tags no part."""
    parts = list(ROLE_TAGGED.finditer(text, seg.vstart, end))
    if len(parts) < 2:
        return False
    for m in parts:
        if "代理人" not in m.group("role"):
            part = dataclasses.replace(seg, vstart=m.start("v"), vend=m.end("v"))
            _set_labelled(rec, part, text, "complainant." + seg.key.split(".", 1)[1])
    return True


# a heading line that names a party, numbered or not: the labelled lines under it (名称, 联系电话) are that party's
_PARTY_HEADING = re.compile(
    r"\s*(?:[一二三四五六七八九十]+[、.．]|\d+[、.．]|[（(][一二三四五六七八九十\d]+[）)])?\s*"
    r"(?P<who>被投诉(?:人|单位|方|企业|用人单位)|被举报(?:人|单位)|被申请人|投诉人|申请人|举报人|来信人|反映人)"
    r"(?:的)?(?:基本)?(?:情况|信息|资料|身份信息)?\s*[:：]?\s*$"
)


def extract_parties(rec: Recorder, text: str, skip: list[tuple[int, int]]) -> None:
    """Walk the lines outside `skip` (sections), reading both parties' labelled and inline values."""
    ctx: str | None = None
    in_roster = False
    for start, end in paragraph_spans(text):
        if any(s <= start < e for s, e in skip):
            continue
        qa = QA_LINE.match(text, start, end)
        if qa and qa.group(1) == "问":
            continue
        if in_roster and "\t" in text[start:end]:
            continue  # a roster's rows describe each listed person, read by roster.py
        in_roster = False
        if heading := _PARTY_HEADING.match(text, start, end):  # 二、被投诉单位 / 四、投诉人情况: whose lines follow
            ctx = "respondent" if heading.group("who").startswith("被") else "complainant"
            continue
        segments = scan_line(text, qa.end() if qa else start, end)
        if is_header_row(text, segments):
            in_roster = "\t" in text[start:end]
            continue
        names_person = names_respondent = False
        for i, seg in enumerate(segments):
            if seg.key and seg.key.endswith("representatives") and _leads(rec, text, segments, i):
                seg = dataclasses.replace(seg, key="complainant.name")
            if seg.key:
                if seg.key == "people.signatures":
                    return  # the signature block closes the letter's description of the parties
                ctx = _context_of(seg.key, ctx)
                if seg.key == "complainant.name":
                    names_person = True
                names_respondent = seg.key == "respondent.name" or (names_respondent and seg.key.startswith("ctx."))
                if seg.key in ("ctx.address", "ctx.phone") and _complainants_part(rec, text, seg, end):
                    continue  # 联系电话：138…（投诉人）；139…（代理人）: each party's part as tagged
                if ctx == "other" or seg.key.startswith(("section.", "date.", "people.", "ignore.")):
                    continue
                path = seg.key
                if seg.key.startswith("ctx."):
                    if ctx is None and seg.key == "ctx.phone":
                        ctx = "complainant"  # a phone before any party: the writer's own (a bare note)
                    if ctx not in ("complainant", "respondent") or (ctx == "respondent" and seg.key == "ctx.phone"):
                        continue
                    path = f"{ctx}.{seg.key.split('.', 1)[1]}"
                _set_labelled(rec, seg, text, path)
            elif names_respondent and ctx == "respondent":
                # 被投诉人：沈某，男，住浙江省…: the respondent's own address clause
                if m := (_ADDRESS.match(seg.value(text)) or _R_ADDRESS.match(seg.value(text))):
                    rec.set("respondent.address", m.group("v"), seg.start + m.start("v"), seg.end, INLINE)
            elif not names_person:
                m = _INLINE_PERSON.match(seg.value(text))
                if m and re.match(r"(?:我|俺)是", seg.value(text)) and (
                    re.match(r"[一两几]?(?:名|个|位|介|普通)", m.group("name"))
                    or OCCUPATION.search(m.group("name"))
                    or (re.search(r"[的人来省市县]", m.group("name")) and not is_person_name(m.group("name")))
                ):
                    m = None  # 我是一名厨师 / 我是农民工 / 我是贵州来的: a trade or an origin, not a name
                following = segments[i + 1].value(text) if i + 1 < len(segments) else ""
                if m is None and i + 1 < len(segments) and ctx != "respondent":
                    # 普文华，男，46岁，住…: a bare name followed by personal details describes a person
                    m = _BARE_PERSON.search(seg.value(text))
                    # the details vouch for the name: a surname outside the common list (普, 吉克) still counts
                    m = m if m and _plausible_name(m.group("name")) and following in ("男", "女") else None
                if m and describes_person(following):
                    ctx, names_person = "complainant", True
                    rec.set(
                        "complainant.name",
                        m.group("name"),
                        seg.start + m.start("name"),
                        seg.start + m.end("name"),
                        INLINE,
                    )
            elif ctx == "complainant":
                parse_loose(rec, text, seg.start, seg.end)
