"""Named people, their roles and duties: 由党组书记、局长林世栋任组长 / 纪委书记任组长.

A role is a run of titles ending in a known role word (党组书记、局长); a name is 2-3 Han characters
that start with a surname and are followed by a word that ends a name (任, 同志, 、…). A person's
duty in a leading group (组长, 第一负责人, 成员) is kept beside the contract's name/role pair.
"""

from __future__ import annotations

import re

from extractors.report import lexicon
from extractors.report.model import PersonDuty
from schemas.models import ParsedDocument, ResponsiblePerson, Span

_STOP_BACK = "，,。；;：:（(由和及与\n"
# The duty of the person the report puts in charge of its disclosure or efficiency work itself: the first a
# commitment that names no one falls to (report_keywords.yaml fallback_duties)
DISCLOSURE_DUTY = "主管公开"  # 具体负责政务公开工作 / 政务公开工作由某某负责
OVERSEES_DISCLOSURE = "分管公开"  # 分管政务公开工作: before the one doing it and anyone in charge of other work
_OF_DISCLOSURE = re.compile(r"公开|效能")


def _role_re() -> re.Pattern[str]:
    return re.compile("(?:" + "|".join(re.escape(w) for w in lexicon.words("role_suffixes")) + ")")


def _name_at(text: str, pos: int) -> str | None:
    """A personal name starting at `pos`, or None."""
    from extractors.complaint.labels import DOTTED_NAME

    table = lexicon.table()
    followers = re.compile(table["name_followers"])
    # a name of dotted parts (古丽娜尔·买买提) whose first character is also a Han surname (古, 艾): whole
    if m := DOTTED_NAME.match(text, pos):
        dot = max(m.group().rfind("·"), m.group().rfind("•"))
        for end in range(pos + dot + 3, m.end() + 1):  # the shortest last part a duty or a follower comes after
            if followers.match(text, end) or _DUTY_NEXT.match(text, end):
                return text[pos:end]
    head = text[pos : pos + 2]
    if head in table["double_surnames"]:
        lengths: tuple[int, ...] = (4, 3)  # 司马文杰, 欧阳明
    elif head[:1] and head[0] in table["surnames"]:
        lengths = (3, 2)
    else:
        return _other_name_at(text, pos)
    for n in lengths:
        cand = text[pos : pos + n]
        if len(cand) == n and re.fullmatch(r"[\u4e00-\u9fff]+", cand) and followers.match(text, pos + n):
            if _is_duty(cand):
                continue
            return cand
    return None


def _is_duty(word: str) -> bool:
    """组长 / 任组长: a duty where a name would stand."""
    return word in lexicon.table()["duties"] or word.startswith(("任", "为"))


_DUTY_NEXT = re.compile(r"同志|任|担任|兼任|负责|负总责|主抓|统筹|分管|具体负责|牵头|主持|协助")


def _other_name_at(text: str, pos: int) -> str | None:
    """A name right after a role whose surname the report table does not hold: 储晓燕, 次仁央宗 (the letters' reader
    of names, told that a name stands here; a dotted name, 努尔兰·哈山, is read by `_name_at`)."""
    from extractors.complaint.labels import is_person_name

    # only before a duty (储晓燕分管…, 次仁央宗任组长): a comma after a role's word is no sign of a name
    # (家长委员会会议，)
    candidates = [c for n in (3, 2, 4) if len(c := text[pos : pos + n]) == n and _DUTY_NEXT.match(text, pos + n)]
    candidates = [c for c in candidates if not _is_duty(c) and not _NOT_IN_NAME.search(c)]
    # a name the letters' reader knows, else, between a title and a duty, one whatever jieba makes of it (副局长
    # 那日苏分管…, 副镇长其其格具体负责…: a Mongolian or Tibetan name in Han characters) that is no word
    return next((c for c in candidates if is_person_name(c, named_here=True)), None) or next(
        (c for c in sorted(candidates, key=lambda c: (len(c) != 3, -len(c))) if _no_word(c)), None
    )


def _no_word(cand: str) -> bool:
    """Han characters that are no word of the dictionary, hold no verb, adverb or preposition of two characters or
    more, name no title and begin with no end of a body's name."""
    from extractors import tokenize

    return (
        re.fullmatch(r"[\u4e00-\u9fff]+", cand) is not None
        and not _role_re().search(cand)
        and cand[0] not in _UNIT_ENDS
        and not tokenize.is_word(cand)
        and not any(len(w) >= 2 and f[:1] in "vdpcua" and tokenize.is_word(w) for w, f in tokenize.posseg(cand))
    )


_UNIT_ENDS = "会局办站所队组处科股室部委"  # 委员|会主任: the end of the body a title belongs to, no name
_NOT_IN_NAME = re.compile(
    r"[的了和在由对是把等为及与并兼]|^(?:亲自|主要|具体|全面|统一|全权|分别|共同|直接|协助|专门|切实|各自|本人|我们)"
)


def _role_before(text: str, end: int) -> tuple[str, int] | None:
    """The chain of titles ending at `end` (党组书记、局长), and where it starts."""
    role_re = _role_re()
    start = end
    while True:
        s = start
        while s > 0 and text[s - 1] not in _STOP_BACK and text[s - 1] != "、":
            s -= 1
        segment = text[s:start]
        if (
            not segment
            or not role_re.search(segment)
            or not any(segment.endswith(r) for r in lexicon.words("role_suffixes"))
        ):
            break
        start = s
        if s > 0 and text[s - 1] == "、":
            prev_end = s - 1
            p = prev_end
            while p > 0 and text[p - 1] not in _STOP_BACK and text[p - 1] != "、":
                p -= 1
            prev = text[p:prev_end]
            if prev and any(prev.endswith(r) for r in lexicon.words("role_suffixes")):
                start = prev_end  # continue with the `、`-joined title before
                start = p
                continue
        break
    role = text[start:end].strip("、")
    own = re.match(r"(?:我|本)[局镇乡委办县区]", role)  # 我局党组书记: the body is not part of the title
    if own:
        role, start = role[own.end() :], start + own.end()
    return (role, start) if role else None


def _duty_after(text: str, pos: int) -> str | None:
    m = re.match(
        r"(?:同志)?(?:任|为|担任|兼任|是)[^，。；,;]{0,16}?(?P<d>"
        + "|".join(map(re.escape, lexicon.words("duties")))
        + ")",
        text[pos : pos + 26],  # 为我所政务公开工作第一责任人: the duty may come after what it is for
    )
    if m:
        # 副局长某某任副组长，分管机关效能建设和政务公开工作: the group's duty, then the charge of the work itself
        then = re.match(r"[，,]\s*(?:具体)?(?:分管|负责|主抓)[^，。；,;\n]{0,24}", text[pos + m.end() :])
        return OVERSEES_DISCLOSURE if then and _OF_DISCLOSURE.search(then.group()) else m.group("d")
    # 副校长韩冰具体负责校务公开工作 / 副局长郭海涛分管政务公开工作: the person in charge of the work; in charge
    # of the disclosure or efficiency work itself (分管机关效能建设和政务公开工作), not of a group's daily business
    m = re.match(r"(?:同志)?(?P<d>具体负责|具体分管|分管)(?![^，。；,;]{0,6}(?:领导|同志))", text[pos : pos + 8])
    if m:
        clause = re.match(r"[^，。；,;\n]{0,24}", text[m.end() + pos :]).group()
        if m.group("d") == "具体负责" and (not clause or _OF_DISCLOSURE.search(clause)):
            return DISCLOSURE_DUTY  # 主任某某具体负责（政务公开工作）: the one who does the work
        if _OF_DISCLOSURE.search(clause):
            return OVERSEES_DISCLOSURE  # 副局长某某分管政务公开工作: the leader over it
        return "分管" if m.group("d") == "具体分管" else m.group("d")
    before = text[max(0, pos - 40) : pos]
    tail = text[pos : pos + 80]
    if re.search(r"成员(?:由|有|为|：|:)[^。；]*$", before) and re.match(r"[^。；]*组成", tail):
        return "成员"
    return None


def _duty_before(text: str, start: int, after: int) -> str | None:
    """领导小组组长由大队长李志刚担任: the duty named before the person, who then takes it on."""
    if not re.match(r"(?:同志)?(?:担任|兼任)", text[after : after + 4]):
        return None
    duties = "|".join(map(re.escape, lexicon.words("duties")))
    m = re.search(rf"(?P<d>{duties})(?:由|是|为)\s*$", text[max(0, start - 12) : start])
    return m.group("d") if m else None


# 大队政务公开工作由… / 信息公开和月报报送工作由…: the report's disclosure work put in someone's charge
DISCLOSURE_WORK_BY = re.compile(r"(?:公开|信息|政务|效能)[^。；，,]{0,16}工作由\s*")
_IN_CHARGE = re.compile(r"(?:同志)?(?:具体)?(?:负责|牵头负责|主抓|分管)(?![^，。；,;]{0,2}(?:人|领导))")


def _disclosure_by(text: str, start: int, after: int) -> str | None:
    """大队政务公开工作由副大队长孙某负责: the person the report puts in charge of its disclosure work (具体负责,
    the first whom a commitment that names no one falls to)."""
    if not _IN_CHARGE.match(text, after):
        return None
    lead = text[max(0, start - 30) : start]
    return DISCLOSURE_DUTY if any(m.end() == len(lead) for m in DISCLOSURE_WORK_BY.finditer(lead)) else None


def find_people(doc: ParsedDocument, skip: list[Span]) -> list[PersonDuty]:
    text = doc.text
    out: list[PersonDuty] = []
    for m in _role_re().finditer(text):
        if any(s.start <= m.start() < s.end for s in skip):
            continue
        found = _role_before(text, m.end())
        if not found or found[1] + len(found[0]) != m.end():
            continue
        role, start = found
        name = _name_at(text, m.end())
        after = m.end() + (len(name) if name else 0)
        duty = _disclosure_by(text, start, after) or _duty_after(text, after) or _duty_before(text, start, after)
        if name is None and duty is None:
            continue
        if any(p.span.start <= start < p.span.end for p in out):
            continue
        out.append(
            PersonDuty(
                name=name, role=role, duty=duty, span=Span(start=start, end=after, page=doc.page_at(start))
            )
        )
    out += _unit_members(doc, skip, out)
    return _drop_inner(sorted(out, key=lambda p: p.span.start))


def _unit_members(doc: ParsedDocument, skip: list[Span], found: list[PersonDuty]) -> list[PersonDuty]:
    """办公室杨婷任联络员: a unit, a name and the duty the name is given (the unit alone is no title, so
    only a following duty makes the name a person's)."""
    text = doc.text
    units = "|".join(map(re.escape, lexicon.words("unit_roles")))
    out = []
    for m in re.finditer(rf"(?<=[、，,。；;：:（(\n由])([\u4e00-\u9fff]{{0,6}}?(?:{units}))", text):
        if any(s.start <= m.start() < s.end for s in skip) or any(
            p.span.start <= m.end() < p.span.end for p in found
        ):
            continue
        name = _name_at(text, m.end())
        duty = _duty_after(text, m.end() + len(name)) if name else None
        if name and duty:
            role = m.group(1) + duty
            span = Span(start=m.start(), end=m.end() + len(name), page=doc.page_at(m.start()))
            out.append(PersonDuty(name=name, role=role, duty=duty, span=span))
    return out


def _drop_inner(people: list[PersonDuty]) -> list[PersonDuty]:
    """A role match inside a longer chain (局长 within 党组书记、局长林世栋) is the same person."""
    keep = []
    for p in people:
        if not any(
            q is not p
            and q.span.start <= p.span.start
            and p.span.end <= q.span.end
            and (q.span.end - q.span.start) > (p.span.end - p.span.start)
            for q in people
        ):
            keep.append(p)
    return keep


def responsible_persons(people: list[PersonDuty]) -> list[ResponsiblePerson]:
    """Distinct named (name, role) pairs: the people the report puts in charge by name. A role the report
    gives no name for (由局长任组长) stays among the duties a commitment's responsible is read from."""
    out: list[ResponsiblePerson] = []
    seen: set[tuple[str | None, str | None]] = set()
    for p in people:
        if p.name is None:
            continue
        key = (p.name, p.role)
        if key not in seen and not any(p.name and p.name == s[0] for s in seen):
            seen.add(key)
            out.append(ResponsiblePerson(name=p.name, role=p.role))
    return out


def display_name(person: PersonDuty, people: list[PersonDuty]) -> str | None:
    """Name when known (also through the role), else the role."""
    if person.name:
        return person.name
    for p in people:
        if p.name and p.role == person.role:
            return p.name
    return person.role
