"""Fallbacks for letters without labels: read a value from the prose only when no label gave it.

- complainant name: a signature line (a bare name near the end);
- employer / occupation: `我是在某厂打工的`, `我们是某公司的23名工人`, `进厂做木工`;
- respondent: the organisation the oral record's answer or the letter's body names first (the employer's
  fuller name when it is the same one), its address from `某厂在…村工业园里面` / `地址在…` / `公司在…`, its
  legal representative from `法人代表是…` (`老板叫…` only for a business that is not a company);
- employer: the respondent, when the letter says the complainant worked there (在被申诉人经营的超市…).
"""

from __future__ import annotations

import itertools
import re

from extractors import tokenize
from extractors.complaint.body import body_paragraphs, qa_pairs
from extractors.complaint.evidence import INLINE, PROSE, SIGNATURE, Recorder
from extractors.complaint.gender import written_for_relative
from extractors.complaint.labels import DOTTED_NAME, NOT_A_GIVEN_NAME, SIGNATURE_LINE, is_person_name, kw, titled_bosses
from extractors.complaint.numerals import find_phones
from extractors.complaint.parties import BIRTH_YEAR_AHEAD, NATIVE, age_or_birth, clean_org, occupation_of, parse_loose
from extractors.normalize import paragraph_spans, sentence_end
from extractors.rx import after, find_all, rx
from extractors.tokenize import is_word

_OFFICIAL = re.compile(
    r"人民政府|人力资源(?!服务|开发|管理)|劳动保障|监察|法院|仲裁|律师事务所|派出所|委员会|公安|劳动局|人社局|信访局|信访办"
)
_PLACE = "省市县区镇乡村路街道号园组巷屯寨边旁"  # 村河边, 路旁: spoken addresses
_LOCATED = re.compile(
    rf"(?:地址在|地址是|地址[:：]|住所是|住所在|住所为|位于|坐落于|坐落在|设在|址在|址是|在)"
    rf"(?P<a>(?:[^，。；,\s]{{2,40}}?[{_PLACE}]|[^，。；,\s（(]{{2,40}}?(?:\d+|[一二三四五六七八九十]{{1,3}})(?:室|号楼|楼|层|座|栋|幢)(?:底商|门面|门市|商铺)?"
    rf"|[^，。；,\s]{{2,40}}?院(?=[内內]))[内內]?)(?:里面|里|(?<=[路街道])上)?"
    r"(?=[，。；,]|[（(][^）)]{1,16}[）)]|$)"  # (or a note in brackets after it)
)
_Q_RESPONDENT = re.compile(r"哪个单位|哪家|什么单位|单位|公司|老板")
_NAME = r"(?P<n>[\u4e00-\u9fff]{2,4}?)(?=(?:先生|女士|同志)?(?:[，,。；;！\s）)（(]|$))"
# The respondent's legal representative named in prose (法人代表叫石永福); a boss told only as 老板叫… is not.
_TITLE = "法定代表人|法人代表"


def _representative(said: str) -> re.Pattern[str]:
    """法定代表人是某某 / 法定代表人某某）: the title (or `said`) told with 叫/是/为, or the title right before."""
    return re.compile(
        rf"(?:(?:{said})(?:[、和兼](?:校长|园长|院长|厂长|经理|总经理|董事长|老板|负责人))?(?:叫|是|名叫|为|写的是|写着)(?:厂长|经理|总经理|董事长|老板)?"
        rf"|(?:{_TITLE})(?:[（(][^）)]{{1,6}}[）)])?(?:[:：]|(?=[\u4e00-\u9fff])))\s*" + _NAME
    )


# in the facts and the answers, a 法人 told so counts too; anywhere in the letter, only the title
_REPRESENTATIVE = _representative(f"{_TITLE}|法人")
_TITLED_REPRESENTATIVE = _representative(_TITLE)
# The complainant worked for the respondent: 在被申诉人经营的超市, 在被反映单位做…, 在该公司…
_AT_RESPONDENT = re.compile(r"在(?:被(?:投诉|申诉|反映|举报)(?:人|单位)|该(?:公司|厂|单位|企业|店))")


# 被…雇用: the organisation that hired the writer (受某公司雇用, 被某公司聘用)
_HIRED_BY = re.compile(r"(?:受|被)(?P<org>[\u4e00-\u9fff（）()]{4,40}?)(?:雇用|雇佣|聘用|聘请|招用|招聘)")
# 从事木工工作: the occupation
_DOES = re.compile(r"从事(?P<occ>[\u4e00-\u9fff]{1,5}?)(?:工作|作业|活)")
# 在某县某镇某小区工地从事…: the place of employment, when the letter names a site
_SITE = re.compile(  # (a client's premises too: an outsourced guard or cleaner at a school or a hospital)
    r"(?:在|到|去)(?P<w>[\u4e00-\u9fff\d（）()]{4,50}?"
    r"(?:工地|项目|小区|厂房|车间|园区|基地|站|场|医院|卫生院|中学|小学|学校|幼儿园|大学|学院)"
    r"(?:[\u4e00-\u9fff]{0,6}?(?:住院部|门诊部|门诊楼|住院楼|院区|病区|食堂|宿舍))?)"  # (县人民医院住院部: where in it)
    r"(?:上|里)?(?:从事|干活|干|上班|做工|务工|施工|工作|做|当|打扫|搞卫生|搞保洁|看门|值班|的(?=保安|保洁|门卫|护工))"
    r"(?![了过]?(?:[一两二三几]次)?手术|检查|治疗)"
)
# 工厂在某镇木材加工园 / 工地在某路: where the work is done, not the organisation's address
_WORKPLACE_NOUN = r"(?:工厂|厂区|车间|工地|厂房|生产基地|基地|门店|店面|上班的地方|干活的地方)"
_WORKS_THERE = re.compile(rf"(?:^|(?<=[，,：:、\s但而的])|(?<=知道)){_WORKPLACE_NOUN}$")
# 被派驻某县某镇某小区值班: a guard or dispatched worker's post
_POSTED = re.compile(r"派驻(?:到|在|至|于)?(?P<w>[^，。；,\s]{4,40}?)(?:值班|执勤|上班|工作|做事|干活|看守|看管)")
_WENT = re.compile(r"(?:去|到|进)(?:了)?(?P<vague>县城|城里|市里|镇上|城区)?")
# a site counts as a place of employment only when written as an address (某县某镇…工地)
_DIVISION_FIRST = re.compile(  # (a district, not a 小区 or 园区)
    r"^(?:(?![的在])[\u4e00-\u9fff]){2,10}?(?:省|自治区|市|自治县|县|自治州|州|旗|(?<![小园社景校厂营])区)"
)
# the words before a phone number: 电话 / 联系电话是 / 手机号码：
PHONE_WORDS = r"(?:联系)?(?:电话|手机)(?:号码|号)?(?:是|为)?[:：]?\s*"
_OWN_PHONE = re.compile(rf"(?:我的?|本人){PHONE_WORDS}(?P<v>[\d\-\s]{{7,18}})")


_TREATED_AFTER = re.compile(
    r"(?:诊断|治疗|住院|救治|抢救|就医|就诊|鉴定|检查|手术|做手术|开刀|看病|看(?:了|过)?(?=[，,。；;]))"
)
_TREATED_BEFORE = re.compile(r"^(?:经|送到|送往|送进|送至|住进|转到|转至|转往)")


def _orgs(text: str, s: int, e: int) -> list[tuple[str, int, int]]:
    suffix = kw("org_suffix").pattern
    out = []
    # (a web page masks some of a name's characters: 鞍山市鑫**镁业有限公司, 某×建筑公司)
    for m in re.finditer(rf"[\u4e00-\u9fff（）()*×]{{2,40}}(?:{suffix})", text[s:e]):
        if text[s + m.end() : s + m.end() + 1] in ("长", "主"):
            continue  # 店长 / 厂长 / 中心主任: a person's post, not a unit
        if _TREATED_AFTER.match(text, s + m.end()) or _TREATED_BEFORE.search(m.group()[:4]):
            continue  # 经某医院诊断 / 送到某医院住院: where the worker was treated, not who employs them
        lead = 0
        if m.group()[0] in "年月日号" and m.start() > 0 and text[s + m.start() - 1].isdigit():
            lead = 1  # 2024年3月进饭店: the end of a date is no part of a name
        found = m.group()
        if (open_at := max(found.rfind("（"), found.rfind("("))) > found.rfind("）") and open_at > found.rfind(")"):
            if not re.search(rf"(?:{suffix})$", found[lead:open_at]):
                continue  # 某公司（公司地址…: the name ends before the bracket it leaves open
            found = found[:open_at]
        a, b = s + m.start(), s + m.start() + len(found)
        if a and text[a - 1] in "“\"「『" and text[b : b + 1] in "”\"」』" and len(found) >= 4:
            pieces = [(found, 0, True)]  # “太清苑项目部”: a name in quotation marks is whole
        else:
            pieces = _pieces(found, lead, suffix)
        for piece, at, whole in pieces:
            cleaned = (piece, 0) if whole else clean_org(piece)
            if cleaned and not _OFFICIAL.search(cleaned[0]):
                out.append((cleaned[0], a + at + cleaned[1], a + at + len(piece)))
    # 上县里那个“孙记烧烤”后厨当帮厨 / 在“老地方”上班: a shop's sign in quotation marks, no organisation word
    # after it, where the writer says they worked
    for m in _SIGN_WORKED.finditer(text, s, e):
        if not any(a <= m.start("n") < b for _n, a, b in out):
            out.append((m.group("n"), m.start("n"), m.end("n")))
    return out


_SIGN_WORKED = re.compile(
    r"(?:在|到|上|进|去|给)[^，。；,！？\n“”]{0,6}?“(?P<n>[\u4e00-\u9fff·]{2,12})”"
    r"(?=的?(?:后厨|厨房|店里|厂里|车间|前台|门店|场子里|里头|里面|上班|干活|打工|做工|做事|当|做|干))"
)


# 某物业服务有限公司在某镇招人去某中学…: one organisation's name ends where a verb follows it
_VERB_AFTER = "在到去把给招让派"


def _pieces(found: str, lead: int, suffix: str) -> list[tuple[str, int, bool]]:
    """The organisation names in a run of characters that ends with one: split after an inner name followed
    by a verb (the company, then where it sent the workers), each piece ending with an organisation word."""
    cuts = [m.end() for m in re.finditer(rf"(?:{suffix})(?=[{_VERB_AFTER}])", found) if m.end() > lead]
    bounds = [lead, *cuts, len(found)]
    out = [(found[x:y], x, False) for x, y in itertools.pairwise(bounds) if re.search(rf"(?:{suffix})$", found[x:y])]
    return out or [(found[lead:], lead, False)]


def _signature_name(rec: Recorder, text: str) -> None:
    """A signature line near the end: `张某` or `张某 电话138…`."""
    for s, e in reversed(paragraph_spans(text)[-8:]):
        m = SIGNATURE_LINE.match(text[s:e])
        if not m or not is_person_name(m.group("name"), named_here=True):
            continue
        if rec.get("complainant.name") not in (None, m.group("name")):
            return  # someone else signs (a representative, a recorder)
        rec.set("complainant.name", m.group("name"), s + m.start("name"), s + m.end("name"), SIGNATURE)
        if m.group("rest") and (phones := find_phones(m.group("rest"))):
            phone, ps, pe = phones[0]
            rec.set("complainant.phone", phone, s + m.start("rest") + ps, s + m.start("rest") + pe, SIGNATURE)
        return


def _facts_span(rec: Recorder) -> list[tuple[int, int]]:
    ev = rec.evidence.get("facts")
    return [(ev.start, ev.end)] if ev else []


def _hired(rec: Recorder, text: str) -> None:
    """A forwarded record's third-person facts: 受某公司雇用, 从事木工工作, 在某工地从事…"""
    for s, e in _facts_span(rec):
        if not rec.has("complainant.employer") and (m := _HIRED_BY.search(text, s, e)):
            cleaned = clean_org(m.group("org"))
            if cleaned and not _OFFICIAL.search(cleaned[0]):
                rec.set("complainant.employer", cleaned[0], m.start("org") + cleaned[1], m.end("org"), PROSE)
        m = _DOES.search(text, s, e)
        if not rec.has("complainant.occupation") and m and (occ := occupation_of(m.group("occ"))):
            rec.set("complainant.occupation", occ, m.start("occ"), m.end("occ"), PROSE)
        m = _SITE.search(text, s, e)
        # 到某公司承接的某县某镇…工地做木工: when the letter gives no address for the organisation, the
        # site after the last 的 is the only place it is known by (with an address it is its project)
        w0 = m.start("w") if m else 0
        if m and not rec.has("respondent.address"):
            w0 += m.group("w").rfind("的") + 1
        site = text[w0 : m.end("w")] if m else ""
        # 在我们村几个人去县城某小区工地干活: the site after the last verb of going; after 县城/城里 it needs no county
        went = list(_WENT.finditer(site))
        local = bool(went and went[-1].group("vague"))
        if went and (local or _DIVISION_FIRST.match(site[went[-1].end() :])):
            w0, site = w0 + went[-1].end(), site[went[-1].end() :]
        known = (rec.get("complainant.employer"), rec.get("respondent.name"))  # 在某砖场做砖: the employer
        if not rec.has("respondent.workplace") and m and (local or _DIVISION_FIRST.match(site)) and site not in known:
            rec.set("respondent.workplace", text[w0 : m.end("w")], w0, m.end("w"), PROSE)


# 和恒泰派遣签了劳动合同，被派到醴陵市华瓷陶瓷有限公司的施釉车间做施釉工: the user company a dispatched worker
# works at is the place of employment (the agency is the employer)
_SENT_TO = re.compile(
    r"(?:派到|派遣到|派遣至|派至|派往|派驻到|派驻至)(?P<w>[\u4e00-\u9fff（）()]{4,40}?(?:有限责任公司|有限公司|集团))"
)


_AGENCY = re.compile(r"派遣|人力资源")  # a labour-dispatch agency's name


def _dispatched(rec: Recorder, text: str) -> None:
    if rec.has("respondent.workplace") or not _AGENCY.search(text):
        return
    for s, e in body_paragraphs(text) + _facts_span(rec):
        m = _SENT_TO.search(text, s, e)
        if m and not _AGENCY.search(m.group("w")):
            rec.set("respondent.workplace", m.group("w"), m.start("w"), m.end("w"), PROSE)
            return


def _workplace(rec: Recorder, text: str) -> None:
    """但工厂在某县某镇木材加工园，我们都在那里上班 / 被派驻某县某小区值班: the place of employment told
    in prose."""
    for s, e in body_paragraphs(text) + _facts_span(rec):
        if (m := _POSTED.search(text, s, e)) and _DIVISION_FIRST.match(m.group("w")):
            rec.set("respondent.workplace", m.group("w"), m.start("w"), m.end("w"), PROSE)
            return
        for sm in re.finditer(r"[^。！？\n]+", text[s:e]):
            for m in _LOCATED.finditer(sm.group()):
                if _WORKS_THERE.search(sm.group()[: m.start()]) and _DIVISION_FIRST.match(m.group("a")):
                    start = s + sm.start() + m.start("a")
                    rec.set("respondent.workplace", m.group("a"), start, start + len(m.group("a")), PROSE)
                    return


def _own_phone(rec: Recorder, text: str) -> None:
    """我电话138…, 我的手机是…: the writer's phone told in a sentence."""
    for m in _OWN_PHONE.finditer(text):
        if phones := find_phones(m.group("v")):
            phone, ps, pe = phones[0]
            rec.set("complainant.phone", phone, m.start("v") + ps, m.start("v") + pe, PROSE)
            return


# Words that make a phone number someone else's: the boss's, an office's, a hotline's, an agent's
_THEIRS = re.compile(
    r"(?:老板|老总|经理|负责人|包工头|工头|法人|法定代表人|主任|会计|出纳|厂长|班长|队长|组长|老板娘|他|她|对方|公司|单位|"
    r"代理人|代写人|联系人|热线|办公室|局|大队|中心|站|科|投诉电话|举报电话|咨询电话|客服)[^。；;！？\n]{0,14}$"
)


def lone_phone(rec: Recorder, text: str) -> None:
    """The letter's only mobile number, when no pattern placed it and nothing makes it another's (我叫某某 电话
    138…, a number on a line of its own): a writer who gives one number gives their own."""
    if rec.has("complainant.phone"):
        return
    mobiles = [(v, s, e) for v, s, e in find_phones(text) if len(v) == 11]
    taken = {a.get("phone") for a in rec.get("agents") or []}
    if len({v for v, _s, _e in mobiles}) != 1 or mobiles[0][0] in taken:
        return
    value, s, e = mobiles[0]
    if not _THEIRS.search(text, max(0, s - 20), s):
        rec.set("complainant.phone", value, s, e, PROSE)


_STAFF_OF = re.compile(
    r"(?:我们|我|本人)(?:都|也|原来|以前)?是(?P<org>(?:(?![的是在我你他她这那该其])[\u4e00-\u9fff（）()]){3,20})的"
    r"(?:一名|一位|一个)?(?:在职|正式|老|普通|合同|临时)?(?:职工|员工|工人|雇员|职员|农民工|民工|打工者)"
)


def names_something(words: str) -> bool:
    """A name, not a deed: a place, person or organisation word in it (阆中杨氏果业), or a trade's ending
    (…果业, …作坊); 摘葡萄的工人 are pickers, not staff of 摘葡萄."""
    from extractors import tokenize

    if re.search(rf"(?:{kw('org_suffix').pattern}|业|坊)$", words):
        return True
    return any(flag in ("ns", "nr", "nt", "nz", "nrt", "j") for _w, flag in tokenize.posseg(words))


_GENERIC_STAFF = frozenset({"员工", "职工", "工人", "农民工", "打工的", "临时工", "老员工"})  # who, not what trade
_OCC_SUBJECT = r"(?:我|本人|投诉人|申请人|来电人|来信人|反映人)"
_OCC_SUBJECT_KIN = (
    r"(?:我|本人|投诉人|申请人|他|她|我(?:的)?(?:父亲|爸爸?|母亲|妈妈?|丈夫|老公|爱人|妻子|老婆|儿子|女儿))"
)


def _occupation_subject(rec: Recorder, text: str) -> str:
    """Whose trade a sentence tells: the writer or a record's 投诉人/来电人, and in a letter for a relative the
    relative too (他在…当夜班门卫)."""
    return _OCC_SUBJECT_KIN if written_for_relative(rec, text) else _OCC_SUBJECT


def trade_of_origin(rec: Recorder, text: str) -> None:
    """我叫某某，今年六十六岁，是某镇某村的农民: the trade of the place the writer is from, when nothing in
    the letter says what work they did (run after the rankers)."""
    if rec.has("complainant.occupation"):
        return
    subject = _occupation_subject(rec, text)
    for s, e in paragraph_spans(text)[:8]:
        m = re.search(
            rf"{subject}[^。！]{{0,24}}?[，,]是[^，。；！]{{2,20}}?(?:村|镇|乡|县|屯|组|社区)的(?P<occ>[\u4e00-\u9fff]{{2,5}}?)"
            r"(?=[，。；,（(]|$)",
            text[s:e],
        )
        if m and m.group("occ") not in _GENERIC_STAFF and (occ := occupation_of(m.group("occ"))):
            rec.set("complainant.occupation", occ, s + m.start("occ"), s + m.end("occ"), PROSE)
            return


def _employment(rec: Recorder, text: str) -> None:
    suffix = kw("org_suffix").pattern
    # 我们是某公司派驻…的保安员 / 我们是某公司在…工地干活的农民工 / 我进入某厂做普工 / 俺经邻居介绍去某厂干活:
    # the organisation right after 是/在/进入/去/到
    pattern = re.compile(
        rf"(?:我们|我|本人|俺们|俺)[^。，！]{{0,6}}?(?:是|在|进入|去|到)(?P<org>[\u4e00-\u9fff（）()]{{4,40}}?(?:{suffix}))"
        r"(?:的|打工|上班|工作|做|当|务工|干活|派驻|派到|在|开车|开铲车|开货车|开叉车)"
    )
    subject = None  # who does the work the occupation is read after, found when first needed
    for s, e in body_paragraphs(text) + _facts_span(rec):
        if not rec.has("complainant.employer") and (m := pattern.search(text, s, e)):
            cleaned = clean_org(m.group("org"))
            school = cleaned and _studies_at(text, (cleaned[0], m.start("org") + cleaned[1], m.end("org")))
            if cleaned and not school and not _OFFICIAL.search(cleaned[0]) and not re.search(r"[找讨问]", cleaned[0]):
                rec.set("complainant.employer", cleaned[0], m.start("org") + cleaned[1], m.end("org"), PROSE)
        m = _STAFF_OF.search(text, s, e)
        if not rec.has("complainant.employer") and m and names_something(m.group("org")):
            # 我是阆中杨氏果业的职工: whoever the writer is staff of is the employer, named as the writer names it
            rec.set("complainant.employer", m.group("org"), m.start("org"), m.end("org"), PROSE)
        if not rec.has("complainant.occupation"):
            subject = subject or _occupation_subject(rec, text)
            # …做保安 / 投诉人于某日入职被投诉人处，岗位为汉服制版师
            m = re.search(
                # (not the 干 of 烘干, 晒干: 当烘干房操作工 is a 烘干房操作工)
                rf"{subject}[^。！]{{0,24}}?(?:做|当|担任|(?<![烘晒风若能树骨才主])干|搞)(?P<occ>[\u4e00-\u9fff]{{1,6}}?)"
                r"(?=[，。；,（(]|$)",
                text[s:e],
            ) or re.search(
                rf"{subject}[^。！]{{0,40}}?[，,](?:工作)?(?:岗位|工种)(?:为|是)(?P<occ>[\u4e00-\u9fff]{{2,8}}?)(?=[，。；,（(]|$)",
                text[s:e],
            )
            post = re.search(  # 擔任模具設計課課長: a formal post held runs longer
                rf"{subject}[^。！]{{0,30}}?担任(?P<occ>[\u4e00-\u9fff]{{6,8}}?)(?=[，。；,（(]|$)", text[s:e]
            )
            if m and (occ := occupation_of(m.group("occ"))):
                rec.set("complainant.occupation", occ, s + m.start("occ"), s + m.end("occ"), PROSE)
            elif post and (occ := occupation_of(post.group("occ"), longest=8)):
                dept = _DEPARTMENT_HEAD.match(occ)  # 初中部英语教师, 開發部鞋樣師傅: the trade after the department
                cut = dept.end() if dept and occupation_of(occ[dept.end() :]) else 0
                rec.set("complainant.occupation", occ[cut:], s + post.start("occ") + cut, s + post.end("occ"), PROSE)


# a department before the trade a formal post names (初中部, 开发部; not 部门经理, whose 部 is the post's own)
_DEPARTMENT_HEAD = re.compile(r"[\u4e00-\u9fff]{1,4}?部(?!门)")


def _noun(name: str) -> str | None:
    """The generic noun a letter uses for the organisation: 公司, 酒店; 厂 for 加工厂 (厂头, 厂子)."""
    if not (m := kw("org_suffix").search(name)):
        return None
    return m.group()[-1] if m.group().endswith(("厂", "店")) else m.group()[-2:]


def core_name(name: str) -> str:
    """The name without the places it starts with (赣州市章贡区鑫立劳务有限公司 -> 鑫立劳务有限公司; a 州 read on to
    its 市: 赣州市, not 赣州)."""
    return re.sub(r"^(?:[\u4e00-\u9fff]{1,8}?(?:省|自治区|自治县|市|州|县|区|旗)(?![市县区]))+", "", name) or name


# What a sentence says an organisation is to the workers (the builder a crew worked under, the developer or
# the owner who paid the builder, the agency that only introduced them): the one the wages are owed by is the
# employer, whoever the letter names first (保障农民工工资支付条例: the general contractor answers for them)
_BUILDER_AFTER = re.compile(r"^(?:具体|负责|来)?(?:承建|承包|施工|分包|中标)")
# the tier the work was sublet to (总包把劳务分包给了某劳务公司 / 某劳务从总包分包了主体劳务): the workers' employer
_SUBCONTRACTOR_BEFORE = re.compile(r"(?:分包|转包)给了?$")
_SUBCONTRACTOR_AFTER = re.compile(r"^(?:是劳务分包|从[^，。；,]{2,20}?(?:分包|承包|转包))")
_SITE_KIND = re.compile(r"(?:工地|工程|项目)$")
_SOME = re.compile(r"(?:^|[省市县区镇乡])[一某](?:家|个|间)?[\u4e00-\u9fff]{1,4}$")
# 我要投诉的是某公司 / 现投诉某公司拖欠…: the organisation the letter says it complains about
_COMPLAINED_OF = re.compile(r"(?:投诉|举报|控告)(?:的是|的单位是|单位[:：]?)?(?:劳务派遣公司|用人单位)?$")
_BUILDER_BEFORE = re.compile(r"(?:承建单位|施工单位|承包单位|承建商|施工方)(?:是|为|[:：])?$")
_WORKED_BEFORE = re.compile(r"(?:在|到|进|进入|给)[“\"「]?$")
_WORKED_AFTER = re.compile(r"^[”\"」]?(?:[^，。；,]{0,6}?(?:打工|做工|上班|干活|务工|做事|工作|施工)|做|干|当|开)")
# 把木工活分包给了包工头某某: the tier above the workers (not 分包给我们的: theirs)
_SUBLET = re.compile(r"^[^，。；,]{0,20}?(?:分包|转包|包)给了?(?!我|俺|咱)")
_HIRED_BEFORE = re.compile(r"(?:受雇于|受聘于|被[^，。；,]{0,4}?(?:雇|招|聘)(?:用|佣|请)?到?)$")
_OWNER_BEFORE = re.compile(r"(?:投资方|开发商|建设单位|甲方|业主|发包方|出资方)(?:是|为|[:：])?$")
_OWNER_AFTER = re.compile(r"^(?:与[^，。；,]{2,30})?(?:合作|开发|投资|出资|发包)")
_INTRODUCER = re.compile(r"^[^，。；,]{0,2}介绍")


_NOT_A_NAME = re.compile(r"[他她它我你俺说]|那天|这天|那时|时候|以后|之后")


def _complained_of(text: str, start: int) -> bool:
    """The organisation at `start` follows 投诉的是 / 举报: the one the letter says it complains about."""
    return bool(_COMPLAINED_OF.search(text[max(0, start - 12) : start]))


def _generic(name: str) -> bool:
    """建筑工地, 甲方的工地, 物业公司: a kind of organisation, not one named (short and made of dictionary words
    with no place or proper name, or joined by 的; 锦艺制衣厂's 锦艺 is in no dictionary)."""
    from extractors import tokenize

    words = tokenize.posseg(name)
    if "的" in name:
        return True
    head = words[:-1]
    common = len(head) <= 1 and all(
        flag not in ("ns", "nr", "nz", "nt") and tokenize.in_dictionary(w) for w, flag in head
    )
    return common and len(name) <= 5 and tokenize.in_dictionary(words[-1][0])


# a public body named as the owner of the building the crew worked on
_PUBLIC_OWNER = re.compile(r"(?:医院|卫生院|学校|中学|小学|幼儿园|大学|学院)$")
_STUDIES_AT = re.compile(r"[^，,。；\n]{0,4}?(?:读|上学|念书|学生|[一二三四五六七八九初高]年级|初[一二三]|高[一二三])")
_BUILDING_AFTER = re.compile(
    r"(?:的)?(?:[\u4e00-\u9fff]{0,4}(?:楼|馆|宿舍))?(?:建设|新建|扩建)?(?:项目|工程|工地|改造|扩建|新建)"
)


def _studies_at(text: str, org: tuple[str, int, int]) -> bool:
    """我在某小学读五年级 / 是某中学高二的学生: the writer's school, which employs no one in the letter."""
    name, start, _end = org
    return bool(_PUBLIC_OWNER.search(name) and _STUDIES_AT.match(text, start + len(name)))


def _by_role(text: str, orgs: list[tuple[str, int, int]]) -> tuple[str, int, int]:
    """The organisation the letter's words make the workers' employer: a builder or the place they worked at
    over an owner, a developer or an agency that introduced them; the first named when the words say nothing."""

    def score(org: tuple[str, int, int]) -> int:
        name, start, end = org
        before, after = text[max(0, start - 6) : start], text[end : end + 12]
        points = 0
        if _BUILDER_AFTER.search(after) or _BUILDER_BEFORE.search(before):
            points += 2
        if _WORKED_BEFORE.search(before) and _WORKED_AFTER.search(after):
            points += 2
        if _HIRED_BEFORE.search(before):  # 受雇于某劳务公司: the employer in so many words
            points += 3
        if _complained_of(text, start):
            points += 4
        if _SUBCONTRACTOR_BEFORE.search(before) or _SUBCONTRACTOR_AFTER.search(after):
            points += 3
        if _SITE_KIND.search(name):  # a site is where the work was done; the employer is an organisation
            points -= 1
        if _PUBLIC_OWNER.search(name) and _BUILDING_AFTER.match(text, start + len(name)):
            points -= 3  # 到某县人民医院住院楼工地干木工: the hospital whose building is the site, not the builder
        if _OWNER_BEFORE.search(before) or _OWNER_AFTER.search(after) or _SUBLET.search(after):
            points -= 2
        if before.endswith("经") and _INTRODUCER.search(after):
            points -= 3
        if _generic(name) or _SOME.search(name):  # 沙县区一木业公司, 七星区某奶茶店: a kind, not a name
            points -= 1
        if _NOT_A_NAME.search(name):  # 喊它老谭砖厂, 二十三小年那天厂: a pronoun or a day inside is no name
            points -= 2
        if dispatched and _AGENCY.search(name):
            points += 3  # a dispatched worker's employer is the agency (劳动合同法第五十八条)
        if dispatched and re.search(r"派(?:遣)?(?:到|至|往)$", before):
            points -= 3  # 被派到某公司: the user company is where they work
        return points

    dispatched = bool(_SENT_TO.search(text))
    scores = [score(o) for o in orgs]
    return orgs[scores.index(max(scores))]


def _respondent_name(
    rec: Recorder, text: str, spans: list[tuple[int, int]], answers: list[tuple[int, int]]
) -> None:
    """The organisation the answer to 哪个单位 names, else the one the body's words make the employer (the first
    named when they say nothing); the employer's fuller name when it is the same one."""
    employer = rec.get("complainant.employer")
    if employer and any(employer in text[s:e] for s, e in spans):
        # the employer the writer names is the one complained about (向某公司要回工资)
        ev = rec.evidence["complainant.employer"]
        rec.set("respondent.name", employer, ev.start, ev.end, PROSE)
        return
    orgs = list(dict.fromkeys(o for s, e in spans for o in _orgs(text, s, e) if not _studies_at(text, o)))
    # 我要投诉的是某公司 in the letter's opening, which no body paragraph holds
    opening = [o for o in _orgs(text, 0, len(text)) if _complained_of(text, o[1])]
    orgs += [o for o in opening if o not in orgs]
    if orgs:
        # the answer to 哪个单位 names it, whatever the story's words say of the others
        answered = [o for o in orgs if any(a <= o[1] < b for a, b in answers)]
        name, start, end = answered[0] if answered else _by_role(text, orgs)
        if employer and employer != name and employer.endswith(core_name(name)):
            name, ev = employer, rec.evidence["complainant.employer"]
            start, end = ev.start, ev.end
        rec.set("respondent.name", name, start, end, PROSE)
        return
    if employer and (noun := _noun(employer)):
        # 公司每个月都扣我…: the employer's generic noun in a sentence that states a violation
        for s, e in spans:
            for sm in re.finditer(r"[^。！？\n]+", text[s:e]):
                if noun in sm.group() and kw("violation").search(sm.group()):
                    ev = rec.evidence["complainant.employer"]
                    rec.set("respondent.name", employer, ev.start, ev.end, PROSE)
                    return
    facts = rec.evidence.get("facts")
    if employer and facts and kw("violation").search(text, facts.start, facts.end):
        # the only organisation the letter names is the employer, and the facts state a violation
        ev = rec.evidence["complainant.employer"]
        rec.set("respondent.name", employer, ev.start, ev.end, PROSE)


# 老板叫陆某，营业执照上法定代表人就是他 / 老板叫叶某，是法人: the title told of a boss named just before
_REFERS_BACK = re.compile(
    r"(?:法定代表人|法人代表|法人|经营者)(?:就|也|亦)?是(?:他|她|其)(?:本人)?(?![\u4e00-\u9fff])"
    r"|(?:他|她)?(?:就|也)?是(?:公司的?|厂里的?|厂的|店里的?)?(?:法定代表人|法人代表|法人)(?![\u4e00-\u9fff])"
)
# 被投诉人：某某饭庄（个体工商户），经营者李某: the operator of an individual business
# (…的经营者是他媳妇杨丽娟, 法人是他老婆苏美玲: the boss's relative, named after who they are to him)
_KIN_STEP = (
    r"(?:(?:他|她|老板)的?(?:媳妇|老婆|爱人|妻子|丈夫|老公|儿子|女儿|父亲|母亲|弟弟|哥哥|妹妹|姐姐|小舅子|女婿))?"
)
_OPERATOR = re.compile(rf"经营者(?:是|系|为|[:：])?\s*{_KIN_STEP}{_NAME}")
# 公司法人叫邓志华: the company's 法人 told by name (a 法人 said of the company, not of a person's status)
_LEGAL_PERSON = re.compile(
    rf"(?:(?:公司|厂|单位|企业|店|厂子)的?|营业执照上的?)法人(?:也|就)?(?:叫|是|名叫|为|写的是){_KIN_STEP}{_NAME}"
)


# 公司在某镇某路，法人是汪某 (the clause after the company's) / 厂长周某是公司法人 (the person, then the title)
_CLAUSE_LEGAL_PERSON = re.compile(rf"(?:^|[，,；;])\s*(?:其|该公司的?|公司的?)?法人(?:代表)?(?:是|叫|为|名叫){_NAME}")
_NAMED_LEGAL_PERSON = re.compile(
    r"(?:厂长|老板|经理|总经理|董事长)?(?P<n>[\u4e00-\u9fff]{2,3}?)(?:就|也)?(?:是|系|为)(?:该|这个|这家)?"
    r"(?:公司|厂|单位|企业|店|厂子)的?(?:法人|法定代表人|法人代表)(?![\u4e00-\u9fff])"
)


def _named(word: str, named_here: bool = False) -> bool:
    """A person's name, not how they are called (刘老板, 王经理)."""
    return is_person_name(word, named_here=named_here) and not NOT_A_GIVEN_NAME.search(word)


def _legal_representative(rec: Recorder, text: str, spans: list[tuple[int, int]]) -> None:
    # (a boss named only as 老板叫某某 is not recorded: the corpus's writers record only a person the letter
    # calls 法定代表人, 法人 or 经营者; measured 2026-12-04 over every corpus set)
    for s, e in spans:
        m = _REPRESENTATIVE.search(text, s, e)
        if m and _named(m.group("n")):
            rec.set("respondent.legal_representative", m.group("n"), m.start("n"), m.end("n"), PROSE)
            return
    # The title is a label of its own: wherever the letter gives it (the respondent's labelled line included)
    for pattern in (_TITLED_REPRESENTATIVE, _OPERATOR, _LEGAL_PERSON, _NAMED_LEGAL_PERSON):
        for m in pattern.finditer(text):
            if _named(m.group("n"), named_here=True):
                rec.set("respondent.legal_representative", m.group("n"), m.start("n"), m.end("n"), INLINE)
                return
    for s, e in paragraph_spans(text):
        for sm in re.finditer(r"[^。！？\n]+", text[s:e]):
            sentence = sm.group()
            if not re.search(r"公司|厂|店|单位|企业", sentence):
                continue  # the 法人 of a clause after the company's own
            for m in _CLAUSE_LEGAL_PERSON.finditer(sentence):
                if _named(m.group("n"), named_here=True):
                    at = s + sm.start() + m.start("n")
                    rec.set("respondent.legal_representative", m.group("n"), at, at + len(m.group("n")), INLINE)
                    return
    for m in _REFERS_BACK.finditer(text):
        sentence_start = max(text.rfind(c, 0, m.start()) for c in "。！？\n") + 1
        bosses = [b for b in titled_bosses(text[sentence_start : m.start()]) if _named(b[0])]
        if bosses:
            boss, bs, be = bosses[-1]
            rec.set("respondent.legal_representative", boss, sentence_start + bs, sentence_start + be, PROSE)
            return


def employer_is_respondent(rec: Recorder, text: str) -> None:
    """No employer stated, but the letter says the complainant worked at the respondent's."""
    name = rec.get("respondent.name")
    if rec.has("complainant.employer") or not name:
        return
    if any(_SUBLET.match(text[at + len(name) : at + len(name) + 30]) for at in find_all(text, name)):
        return  # 某公司把木工活分包给了包工头某某: it sublet the work; the workers' employer is the one below
    facts = rec.evidence.get("facts")
    spans = (
        body_paragraphs(text) + [(a, b) for _q, a, b in qa_pairs(text)] + ([(facts.start, facts.end)] if facts else [])
    )
    for s, e in spans:
        if _AT_RESPONDENT.search(text, s, e):
            ev = rec.evidence["respondent.name"]
            rec.set("complainant.employer", name, ev.start, ev.end, PROSE)
            return
    # A labour-inspection complaint is about the complainant's own employer: the respondent it names is
    # the work unit, whether or not a sentence says 在该公司上班 (the corpus: 81 of 85 letters)
    ev = rec.evidence["respondent.name"]
    rec.set("complainant.employer", name, ev.start, ev.end, PROSE)


def _respondent(rec: Recorder, text: str) -> None:
    answers = [(a, b) for q, a, b in qa_pairs(text) if _Q_RESPONDENT.search(q) and not re.search("基本情况", q)]
    spans = answers + body_paragraphs(text) + _facts_span(rec)
    if not rec.has("respondent.name"):
        # the organisation the requests name (责令某公司支付…) is the one complained about, too
        asked = [(ev.start, ev.end)] if (ev := rec.evidence.get("requests")) else []
        _respondent_name(rec, text, spans + asked, answers)
    if not rec.has("respondent.legal_representative"):
        _legal_representative(rec, text, spans)
    _respondent_address(rec, text, spans)


_LEGAL_FORM = re.compile(r"(?:股份有限公司|有限责任公司|有限公司|集团公司|公司)$")


def _respondent_address(rec: Recorder, text: str, spans: list[tuple[int, int]]) -> None:
    """The respondent's address: beside its name, or in a sentence of the body that names it (or its generic
    noun: 公司办公室在…, 酒店地址在…)."""
    name = rec.get("respondent.name")
    if not name or rec.has("respondent.address"):
        return
    core = core_name(name)
    # the generic noun of the organisation (酒店地址在…, 公司在…) refers back to it
    noun = _noun(name) or core
    # and the writer's self-description that names the employer (我在某酒店当帮厨，酒店在…)
    if (ev := rec.evidence.get("complainant.employer")) and rec.get("complainant.employer") == name:
        spans = spans + [p for p in paragraph_spans(text) if p[0] <= ev.start < p[1]]
    if _place_of(rec, text, name, core):
        return
    # and its trade name without the legal form (瑞祥热力 for 某县瑞祥热力有限公司): 瑞祥热力的办公楼在…
    short = _LEGAL_FORM.sub("", core)
    words = tokenize.posseg(short)
    while len(words) > 1 and words[0][1] == "ns":  # 宁夏锦程装饰工程: the place before the trade name
        short, words = short[len(words[0][0]) :], words[1:]
    short = short if len(short) >= 3 else core
    short = short[:4]  # (锦程装饰的办公室在… for 锦程装饰工程有限公司: the trade name's head)
    for s, e in spans:
        for sm in re.finditer(r"[^。！？\n]+", text[s:e]):
            sentence = sm.group()
            own_site = _SITE_OF.search(sentence)  # 园址在… / 厂址：…: the organisation's own address word
            if short not in sentence and name not in sentence and noun not in sentence and not own_site:
                continue
            for m in _LOCATED.finditer(sentence):
                if short in m.group("a") or _WORKS_THERE.search(sentence[: m.start()]):
                    continue
                if "哪" in m.group("a"):
                    continue  # 人在哪里都不知道
                value, start = m.group("a"), s + sm.start() + m.start("a")
                if (at := value.rfind("在")) >= 2 and len(value) - at > 4:
                    value, start = value[at + 1 :], start + at + 1  # 在县城的办公室在某路某楼: the second 在 says where
                rec.set("respondent.address", value, start, start + len(value), PROSE)
                return


# 在顺庆区模范街52号的“某某”火锅店 / 到某镇某村的某厂: the place the writer puts before the employer's name;
# 某公司（在某县工业园区）: the place in brackets after it
_PLACE_END = rf"[{_PLACE.removesuffix('边旁')}城层楼场厦]"  # the address characters, and a building's
_PLACE_THEN_NAME = re.compile(
    rf"(?:进入|来到|跑到|在|到|进|去(?!年))(?:了|过)?(?:位于)?(?:我们|我)?"
    rf"(?P<a>[^，。；,\s的“”「」\"]{{3,36}}?{_PLACE_END})(?:的[“「\"]?|[“「](?=[^”」]{{2,12}}[”」]))(?P<org>[^，。；,\s]{{2,30}})"
)
# where a landmark puts it: …，景区东门停车场上方
_BESIDE = r"(?:上方|下方|旁边|对面|附近|后面|前面|隔壁|门口|楼上|楼下|[东西南北](?:边|侧|面))"
_NAME_THEN_PLACE = re.compile(
    rf"^[（(](?:在|位于|地址[:：]?|地处)(?P<a>[^，。；,\s（）()]{{3,36}}?{_PLACE_END})[)）]"
    # or the whole bracket, when it opens with a county (or city) and a town, village or road: 某民宿（某市某镇某村，
    # 景区东门停车场上方）
    r"|^[（(](?P<b>(?:(?:(?![在址是的])[\u4e00-\u9fff]){2,8}?(?:省|自治区|市|州|县|区|旗)){1,3}[\u4e00-\u9fff]{1,10}?"
    r"(?:镇|乡|街道|村|路|街|大道|工业园|园区|开发区)[^，,。；\s（）()]{0,16}"
    rf"(?:[，,][^，,。；\s（）()]{{2,12}}{_BESIDE})?)[)）]"
)
_SITE_NAME = re.compile(r"^[^，。；,\s]{0,12}?(?:基地|项目|工地|工程|标段|果园|茶园|农场|小区)")
# a place named only down to a town (某县某镇) says where, not at which address: the 住所 stays to be asked for
TOWN_AT_MOST = re.compile(r"^[^路街道巷号村园楼层场厦城组屯寨]*$")
_SITE_OF = re.compile(r"(?:厂|店|园|校|公司|单位|企业)(?:址|地址)(?:在|是|为|[:：])")


def place_of_respondent(rec: Recorder, text: str) -> None:
    """The respondent's address, for a name the slot rankers chose after the rules ran: read as for a name the
    rules found."""
    _respondent_address(rec, text, body_paragraphs(text) + _facts_span(rec))


def _place_of(rec: Recorder, text: str, name: str, core: str) -> bool:
    """The respondent's address where the letter gives it beside the name: before it (在某街52号的某店) or in
    brackets after it (某公司（在某工业园区）). The name is the respondent's, or the employer's when they
    are one (its first characters, quotes aside: 在某镇的“某某”火锅店 names 某某火锅店)."""
    names = {n for n in (name, core, rec.get("complainant.employer")) if n}
    heads = {re.sub(r"[“”「」\"]", "", n)[:3] for n in names if len(n) >= 3}
    for m in _PLACE_THEN_NAME.finditer(text):
        org = re.sub(r"[“”「」\"]", "", m.group("org"))
        if _SITE_NAME.match(org) or TOWN_AT_MOST.match(m.group("a").replace("街道", "")):
            continue  # 到某村的沃柑基地: a site is where they worked, not the employer's address
        if any(org.startswith(h) for h in heads):
            rec.set("respondent.address", m.group("a"), m.start("a"), m.end("a"), PROSE)
            return True
    for n in names:
        for at in (at + len(n) for at in find_all(text, n)):
            if pm := _NAME_THEN_PLACE.match(text[at : at + 48]):
                g = "a" if pm.group("a") else "b"
                rec.set("respondent.address", pm.group(g), at + pm.start(g), at + pm.end(g), PROSE)
                return True
    return False


# the end of a place's name down to the village group: 某县某镇某村 / 某乡某组 / 某旗某嘎查
_DIVISION_END = r"(?:省|市|县|区|旗|镇|乡|街道|村|组|社|屯|寨|庄|嘎查|苏木)"


def _introduced(rec: Recorder, text: str) -> None:
    """我是某公司环卫工人李某的儿子 / 我是某项目上的泥水工何某: the complainant named in the writer's first
    sentence, after their occupation (the relative's letter: the worker, not the writer)."""
    occupations = kw("occupation_suffix").pattern
    relative = kw("relative").pattern
    patterns = (
        re.compile(rf"我是(?P<pre>[^，,。！？\n]{{0,40}}?)(?P<name>[\u4e00-\u9fff]{{2,3}})的(?:{relative})"),
        re.compile(rf"我是(?P<pre>[^，,。！？\n]{{0,40}}?的)?(?P<occ>[\u4e00-\u9fff]{{1,5}}?(?:{occupations}))"
                   rf"(?P<name>[\u4e00-\u9fff]{{2,3}})(?=[，,。；])"),
        re.compile(rf"(?:我|俺|(?<![金数余差总限])额|本人)是(?P<place>[^，,。！？\n的]{{2,30}}?{_DIVISION_END})的"
                   rf"(?P<name>{DOTTED_NAME.pattern}|[\u4e00-\u9fff]{{2,4}}?)(?=[，,。；（(])"),
    )
    for pattern in patterns:
        m = pattern.search(text)
        if not m or not is_person_name(m.group("name"), named_here=True) or occupation_of(m.group("name")):
            continue  # 我是某村三社的农民: what they are, not who
        rec.set("complainant.name", m.group("name"), m.start("name"), m.end("name"), PROSE)
        if place := m.groupdict().get("place"):  # 我是某县某镇某村的某某: where they are from is their address
            rec.set("complainant.address", place, m.start("place"), m.end("place"), PROSE)
        occ = m.groupdict().get("occ")
        if not occ and (tail := re.search(rf"(?:{kw('org_suffix').pattern})(?P<occ>[\u4e00-\u9fff]{{2,6}})$",
                                           m.groupdict().get("pre") or "")):
            occ = tail.group("occ") if occupation_of(tail.group("occ")) else None
        if occ:
            at = text.find(occ, m.start(), m.start("name"))
            rec.set("complainant.occupation", occ, at, at + len(occ), PROSE)
        return


# 我叫陈某，… / 俺叫王某今年… / 本人名叫李某: the writer introduces themself by name.
_SELF_NAMED = re.compile(
    rf"(?:(?:我|俺|本人|咱)(?:的名字)?|(?<=[，,])名字)(?:名叫|叫做|叫|姓名是|姓名叫)(?P<name>{DOTTED_NAME.pattern}|[\u4e00-\u9fff]{{2,5}})"
    # 我是某幼儿园的一名幼儿教师，名叫某某: the name after the writer's description of themself
    rf"|(?:^|(?<=[\n。！？!?]))\s*(?:您好[！!，,]\s*)?(?:我|俺|本人)是[^。！？!?\n]{{2,40}}?[，,](?:名叫|名字叫|叫)"
    rf"(?P<name2>{DOTTED_NAME.pattern}|[\u4e00-\u9fff]{{2,5}})"
)
# 本人陈某（身份证…）/ 本人陈某，男，…: a sentence that opens with 本人 and the name; 我 刘某某: a line that is
# only the writer and their name (an open letter's byline)
_SELF_PLAIN = re.compile(
    r"(?:^|(?<=[\n。！？：:]))\s*本人(?P<name>[\u4e00-\u9fff·]{2,4}?)(?=[（(，,])"
    r"|(?:^|(?<=\n))[ \t　]*(?:我|本人)[ \t　]+(?P<name2>[\u4e00-\u9fff·]{2,4})[ \t　]*(?=\n)"
)
# 我是某某，… (我系某某 in Cantonese, read as Mandarin): a name and nothing more before the clause ends
_SELF_IS = re.compile(
    r"(?:^|(?<=[\n。！？!?，,：:]))\s*(?:我|本人)是(?P<name>[\u4e00-\u9fff]{2,4}|"
    + DOTTED_NAME.pattern
    + r")(?=[，,。！!\s（(])"
)
_AFTER_NAME = re.compile(r"[，,。；;：:\s（(、!！]|今年|现年|是|家住|住|男|女|在|从|系|今|性别|年龄|身份证|电话")


def _self_named(rec: Recorder, text: str) -> None:
    """The writer's name from their self-introduction, when the name ends where the sentence moves on."""
    for m in _SELF_NAMED.finditer(text):
        group = "name" if m.group("name") else "name2"
        word = m.group(group)
        if DOTTED_NAME.fullmatch(word):
            rec.set("complainant.name", word, m.start(group), m.end(group), PROSE)
            return
        for n in (4, 3, 2):
            name, end = word[:n], m.start(group) + n
            ends = end >= len(text) or _AFTER_NAME.match(text, end)
            if len(name) == n and is_person_name(name, named_here=True) and ends:
                rec.set("complainant.name", name, m.start(group), end, PROSE)
                return
    for m in _SELF_PLAIN.finditer(text):
        group = "name" if m.group("name") else "name2"
        if is_person_name(m.group(group), named_here=True):
            rec.set("complainant.name", m.group(group), m.start(group), m.end(group), PROSE)
            return
    for m in _SELF_IS.finditer(text):  # 我是农民 / 我是工人: a word of the dictionary is what they are, not who
        name = m.group("name")
        if is_person_name(name, named_here=True) and not is_word(name) and not occupation_of(name):
            rec.set("complainant.name", name, m.start("name"), m.end("name"), PROSE)
            return


_SELF = r"(?:我|俺|本人|咱)"


def _occupation_phrase(rec: Recorder, text: str) -> None:
    """我是某公司的一名包装工 / 作为一名护士 / 我在工地当钢筋工: the writer's trade named in a sentence about
    themself (first person, or the complainant's name), when no labelled or inline item gave it (主任说是临时用工:
    what someone else said they are is not their trade, and 主任 is no 任)."""
    suffix = kw("occupation_suffix").pattern
    name = rec.get("complainant.name")
    # never the first character of a word (工地, 工程, 工资, 员工: 我是公司员工 names no trade), nor an organisation's
    occ = (
        rf"(?P<occ>(?:(?![说是])[\u4e00-\u9fff]){{0,5}}?(?:{suffix}))(?![地程资作钱期龄伤工助员])"
        r"(?!每|在|把|给|记|说|都|也|就|又|让|叫)"  # 出工天数是车间组长每天记的: the 组长 does something, is no trade
        rf"(?![\u4e00-\u9fff]{{0,1}}(?:公司|厂|店|站|队|部|局|院|校))"
    )
    said = (
        r"(?:(?!说)[^。！？\n]){0,40}?(?:作为|是|系|当(?!着|面|场|时|天|初|年|即)|做|干|(?<!主)任|担任|从事)(?:了)?"
        rf"(?:一名|一个|一位|名|个)?(?:女|男)?{occ}"
    )
    found = [(m.start(), m) for m in rx(rf"(?:{_SELF}){said}").finditer(text)]
    if name:  # or the complainant's name, then the same
        found += list(after(text, name, said))
    for _who, m in sorted(found, key=lambda hit: hit[0]):
        value = occupation_of(m.group("occ"))
        following = text[m.end() : m.end() + 3]
        if any(is_person_name(following[:n]) for n in (3, 2)):
            continue  # 都是记工员丁海燕签了字的: the title of the person named next, not the writer's trade
        if value and "公司" not in value:  # 不承认我是公司员工: the company's staff, not a trade
            rec.set("complainant.occupation", value, m.start("occ"), m.end("occ"), PROSE)
            return


# An address: a run of place words that contains an address morpheme, up to the clause's end.
PLACE_WORD = r"(?:省|自治区|市|州|盟|县|区|旗|镇|乡|村|街道|社区|路|街|巷|大道|号|组|弄|屯|寨|工业园|园区|开发区)"


def _address_body(place_word: str, least: int = 3) -> str:
    """A run that holds an address morpheme (a place word, not the people of a place: 市民, 村民), with at least
    `least` characters before it."""
    return (
        rf"(?P<a>[\u4e00-\u9fff0-9０-９\-－#（）()]{{{least},40}}?{place_word}(?!民)[\u4e00-\u9fff0-9０-９\-－#]{{0,12}}?)"
        # (or a bracketed landmark: 某工业区（加油站斜对面，铁皮厂房）, not a bracketed part of a name: 开发区（某镇）)
        r"(?=[，,。；;！!\s]|[（(](?=[^（()）\n]*(?:[，,]|对面|旁边|附近|隔壁|对门|门口|后面|楼上))"
        r"|[（(](?=[^（()）\n]{1,12}(?:里|内)[）)])"  # (a note of where inside: （一栋写字楼里）)
        r"|电话|手机|联系|$)"
    )


_ADDR_BODY = _address_body(PLACE_WORD)
# (where one lives may be a block of flats: 家住城西老粮库家属楼, 住在某某小区)
# (a town of two characters is a home: 家在草海镇)
_HOME_BODY = _address_body(rf"(?:{PLACE_WORD}|小区|家属楼|家属院|公寓|[\u4e00-\u9fff]楼)", 2)
_HOME = re.compile(
    rf"(?:{_SELF}|{_SELF}们)?(?:家住在|家住|家在|家里在|屋在|屋头在|屋里在|(?:屋里|屋头|家里)住|现住|现在住|现居住?在?|住在|居住在|住址是?|住址在|户籍在|户口在)[:：]?{_HOME_BODY}"
)
# 现在在县城某镇某社区租房子住 / 目前在某区某街附近租房住: where the writer rents, told as where they do it
_RENTED_PLACE = r"(?P<a>(?:(?![在我俺的，,。；;\s])[\u4e00-\u9fff0-9０-９\-－#]){3,30}?)"
_RENTS_AT = re.compile(
    rf"(?:{_SELF}(?:们)?|(?<=[，,。；;\n]))(?:现在|目前|如今|平时|现|一直|还)?(?:就|也)?在{_RENTED_PLACE}"
    r"(?:租了?(?:个|间|套)?(?:房子?|屋)|租房子?|租屋)(?:子)?(?:住|居住|落脚)"
)
# 骑车回罗田岩路租的房子: the rented room the writer goes home to
_RENTED_ROOM = re.compile(rf"(?:回|到){_RENTED_PLACE}租(?:的|下的|住的)(?:房子?|屋|房间|单间)")
# 答：我住某街道某里7号楼 (not 我住院, 我住了三天)
_SELF_LIVES = re.compile(rf"(?:{_SELF}|{_SELF}们)住(?![院了过宿的进])[:：]?{_ADDR_BODY}")
_HOME_CLAUSE = re.compile(rf"(?:^|[，,。；;\n])住[:：]?{_ADDR_BODY}")
# 我是某县某镇人 / 我们家是某乡某村的 / 老家是某县某乡的 / 我叫某某，是某区某镇的农民 / 我是某镇某村村民某某:
# where the writer is from
_ORIGIN = re.compile(
    rf"(?:(?<![他她])(?:我|本人)是|(?:我们家|我家|老家)(?:就|也)?(?:是|在)|[，,]是)"
    rf"(?P<a>(?:(?![的是在我])[\u4e00-\u9fff]){{2,24}}?{_DIVISION_END}(?:[\u4e00-\u9fff0-9]{{0,6}}?(?:号|幢|栋))?)"
    r"(?:人|的|(?:村民|居民|农民|村人)(?=[\u4e00-\u9fff]{2,4}[，,。（(]))(?!一家|一间|一个|[^，,。；\n]{0,10}(?:公司|厂|店|工地|项目))"
)
# 我们是某县某镇的四个农民工: a group's home town (not 我们是某街道的环卫工人, where they work)
_GROUP_ORIGIN = re.compile(
    rf"我们(?:都|全)?是(?P<a>(?:(?![的是在我])[\u4e00-\u9fff]){{2,24}}?{_DIVISION_END})(?:的)?"
    r"(?:[一二三四五六七八九十两几\d]+(?:个|名|位))?(?:农民工|村民|老乡|乡亲|人)"
)
# 老家是四川省南充市蓬安县河舒镇，在外面搞建筑…: the hometown named on its own, before the clause ends
_HOMETOWN = re.compile(
    rf"(?:老家|家乡|原籍|籍贯)(?:就|也)?(?:是|在)[:：]?"
    rf"(?P<a>(?:(?![的是在我])[\u4e00-\u9fff]){{2,24}}?{_DIVISION_END})(?=[，,。；;\n])"
)
# a county first, then a township or lower, and no organisation on the way (是某县某保安公司派到…的)
_HOME_PLACE = re.compile(
    r"^(?:(?![的在])[\u4e00-\u9fff]){1,10}?(?:省|自治区|市|自治县|县|区|旗)"
    r"(?:(?!公司|厂|店|单位|派|项目)[\u4e00-\u9fff0-9])*?(?:镇|乡|街道|村|组|社区|屯|寨|庄|号|幢|栋)$"
)
_ORG_AT = re.compile(
    rf"(?:公司|单位|厂子|厂|作坊|店铺|门店|店|馆子|酒店|饭店|宾馆|企业|集团|中心|合作社|门市|超市|医院|卫生院|学校|幼儿园)"
    rf"(?:的)?(?:就|也|都)?(?:住所地?|地址|注册地址?|住|开在|在|位于|设在|坐落在?)(?:是|为|在)?[:：]?{_ADDR_BODY}"
)


# 住某村的出租屋 / 某镇某村的租房里 / 家搁某村住: the dwelling after the place, where in it, and a trailing 住 are
# how the writer lives there, not where
_LOCATIVE = re.compile(
    r"(?:租的房子?|的(?:出租[屋房厝]|租房|宿舍|房子|老房子?))?"
    r"(?:里面|里头|里边|里|内|旁边|附近|那边|这边|一带|那里|这里|上面)?(?:居住|住)?$"
)


def _set_address(rec: Recorder, path: str, m: re.Match[str]) -> None:
    value, end = m.group("a"), m.end("a")
    if (cut := _LOCATIVE.search(value)) and cut.group():
        value, end = value[: cut.start()], end - len(cut.group())
    rec.set(path, value, m.start("a"), end, PROSE)


def _addresses(rec: Recorder, text: str) -> None:
    """家住某村 / ，住某镇某村， (the writer's home) and 公司地址某路88号 / 公司住在某镇 (the respondent's
    address), told in sentences rather than labelled lines."""
    if not rec.has("complainant.address"):
        rents = [
            m for m in (*_RENTS_AT.finditer(text), *_RENTED_ROOM.finditer(text)) if re.search(PLACE_WORD, m.group("a"))
        ]
        for m in (*_HOME.finditer(text), *_HOME_CLAUSE.finditer(text), *_SELF_LIVES.finditer(text), *rents):
            before = text[max(0, m.start() - 12) : m.start()]
            if re.search(r"公司|单位|厂|老板|法定代表人|被投诉|负责人", before):
                continue  # the employer's or its boss's residence, not the writer's
            _set_address(rec, "complainant.address", m)
            break
    for origin in (_ORIGIN, _HOMETOWN, _GROUP_ORIGIN):
        if not rec.has("complainant.address") and (m := origin.search(text)) and _HOME_PLACE.match(m.group("a")):
            _set_address(rec, "complainant.address", m)  # a county alone (是营山县的人) is no address
    if not rec.has("respondent.address"):
        for m in _ORG_AT.finditer(text):
            after = text[m.end("a") : m.end("a") + 6]
            if re.match(r"(?:上班|工作|打工|干活|做|当)", after):
                continue  # 在某镇某厂上班: where the writer works, read as the workplace elsewhere
            _set_address(rec, "respondent.address", m)
            break


# A clause of the complainant's sentence that turns to another person or to the employer: the clauses after it
# describe them (我叫某某，老板叫某某，电话… / 本人某某，我丈夫某某，身份证…)
_OTHER_PERSON = re.compile(
    rf"老板|公司|单位|厂|法定代表人|法人|负责人|包工头|经理|工头|委托|代理|律师|{kw('relative').pattern}"
)
_CLAUSE = re.compile(r"[^，,、；;（）()。！？!?\n]+")


def self_description(rec: Recorder, text: str) -> None:
    """我叫某某，身份证号…，家住…，电话… / 本人某某（身份证…，电话…，住…）/ 代表某某，身份证号…: the
    clauses that follow the complainant's name in its sentence describe the complainant; each is read as a
    loose item (parties.parse_loose), for the items nothing else gave. A table row is the roster's."""
    name = rec.get("complainant.name")
    if not isinstance(name, str) or not name:
        return
    ev = rec.evidence.get("complainant.name")
    starts = ([ev.start] if ev else []) + list(itertools.islice(find_all(text, name), 3))
    for at in dict.fromkeys(starts):
        if text[at : at + len(name)] != name or rx(rf"之|的(?:{kw('relative').pattern})").match(text, at + len(name)):
            continue  # （某某之妻） / 是某某的妻子: the name describes the writer, who is someone else
        end = sentence_end(text, at)
        if "\t" in text[text.rfind("\n", 0, at) + 1 : end]:
            continue
        for m in _CLAUSE.finditer(text, at + len(name), end):
            clause = m.group()
            if _OTHER_PERSON.search(clause) and not re.match(r"\s*(?:在|是|系|为)", clause):
                break
            lead = len(clause) - len(clause.lstrip())
            s, e = m.start() + lead, m.start() + len(clause.rstrip())
            if e > s:
                parse_loose(rec, text, s, e, PROSE)


# 俺是稍岗镇某村的，一个妇女，今年四十八了 / 我本人男，1979年腊月生的: a sentence of the writer about themself
_SELF_SENTENCE = re.compile(
    r"(?:^|(?<=[\n。！？!?]))\s*(?:领导(?:你们)?好[！!，,]\s*)?(?:我|俺|本人)(?:本人)?(?=是|今年|现年|[男女][，,])"
    # a record of what a caller said of themself (刘先生来电反映：其自述1998年出生，…)
    r"|(?<=[：:，,])\s*(?:来电人|投诉人|反映人|诉求人|留言人|其)(?:自述|自称)(?=(?:19|20)\d{2}年|今年|现年)"
    # …老街后头，我是七二年的，一个妇道人家: the writer's birth year told inside a sentence about something else
    rf"|(?<=[，,])\s*(?:我|俺|本人)(?=是{BIRTH_YEAR_AHEAD})"
)


def self_told(rec: Recorder, text: str) -> None:
    """The writer's age or birth date told in a clause of a sentence about themself that no name opens (a post
    the site masks, or a name given elsewhere): 今年四十八了, 今年48岁, 1979年腊月生的; and the place they say they
    are from (俺是大集镇的). Not in a letter for a relative, whose writer is not the worker."""
    if written_for_relative(rec, text):
        return
    for m in itertools.islice(_SELF_SENTENCE.finditer(text), 3):
        for c in _CLAUSE.finditer(text, m.end(), sentence_end(text, m.end())):
            at = c.start() + len(c.group()) - len(c.group().lstrip())
            clause = c.group().strip()
            # 俺是大集镇的，姓孟，…: the place the writer says they are from is their address
            if not rec.has("complainant.address") and (native := NATIVE.fullmatch(clause)):
                rec.set("complainant.address", native.group("v"), at + native.start("v"), at + native.end("v"), PROSE)
            if not (rec.has("complainant.age") or rec.has("birth")):
                age_or_birth(rec, text, at, at + len(clause), PROSE)


def fill_from_prose(rec: Recorder, text: str) -> None:
    if not rec.has("complainant.name"):
        _introduced(rec, text)
    if not rec.has("complainant.name"):
        _self_named(rec, text)
    if not (rec.has("complainant.name") and rec.has("complainant.phone")):
        _signature_name(rec, text)
    if not rec.has("complainant.phone"):
        _own_phone(rec, text)
    if not (rec.has("complainant.employer") and rec.has("complainant.occupation")):
        _employment(rec, text)
    _dispatched(rec, text)
    _hired(rec, text)
    if not rec.has("complainant.occupation"):
        _occupation_phrase(rec, text)
    _addresses(rec, text)
    if not rec.has("respondent.workplace"):
        _workplace(rec, text)
    if not all(rec.has(f"respondent.{k}") for k in ("name", "address", "legal_representative")):
        _respondent(rec, text)
    employer_is_respondent(rec, text)
