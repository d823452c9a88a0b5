"""report.foreign_reference: a report that speaks of another body, place or line of work as its own.

Three signs, all driven by the rule's params (rules/report.yaml):
(a) a paragraph whose subject is a city/county-level place other than the body's own (nor one of its
    parents or children) — or, when the body's place is unknown, a place of another level that the
    paragraph speaks as ("全区" in a town's report);
(b) a self-reference of another body type ("本中心" / "提高中心的…" in a 局's report);
(c) a line of work that belongs to other bodies, in a sentence about the body's own work ("深化房改" in a
    发展和改革局's report);
(d) a body of the same name in another county standing as a clause's subject ("，息烽县卫生健康局被评为…"
    in 开阳县卫生健康局's report): a passage taken over from that body's own report;
(e) a document of another county or city cited as the basis of the body's own work ("根据《岷县…工作要点》"
    in 临潭县's report), or named as a system the body applies ("严格执行《平乐县…制度》"): each county works
    from its own and its parents' documents;
(f) a body below the county (镇, 乡, 街道) speaking as the county or city above it ("我县32个村" in a town's
    report): a passage written by, or for, the higher level;
(k) another county's organ or town in a sentence about the body's own work (在大田县委、县政府的正确领导下,
    向金寨县政府办备案, 龙游县劳动保障监察大队共受理…, 到多伦县某镇开展…) where the body's name spells its own
    county: a template left over from that county's text. Not in a sentence of a visit or an exchange (赴某县学习,
    与某县交流, 会同…).
"""

from __future__ import annotations

import re
from collections import Counter
from functools import lru_cache
from typing import Any

from extractors import jio
from extractors.normalize import paragraph_spans
from extractors.rx import after, before, find_all, rx
from rules.report_text import Finding, sentence_at, sentence_spans

_LIST_MARK = re.compile(
    r"^\s*(?:[一二三四五六七八九十]+[、.]|[(（][一二三四五六七八九十\d]+[)）]|\d{1,2}[、.]|[⑴-⒇①-⑳])\s*"
)


@lru_cache(maxsize=512)
def parse_place(name: str, written_only: bool = True) -> tuple[str | None, str | None]:
    """(city, county) that jionlp recognises in `name`.

    `written_only`: keep only what the name itself spells (the city jionlp infers from a county is
    dropped); the body's own place keeps the inferred parent, which is what makes its city comparable.
    """
    jionlp = jio.jionlp()  # slow import: only when a report is checked

    loc = jionlp.parse_location(name)
    city, county = loc.get("city"), loc.get("county")
    if county and _short(county) not in name:
        return None, None  # jionlp guessed from a fragment: not a place we can rely on
    if written_only and city and _short(city) not in name:
        city = None
    return city, county


def _short(place: str) -> str:
    """'原州区' -> '原州', '融水苗族自治县' -> '融水' (what a text surely contains of the name)."""
    return place[:2]


def agency_type(agency: str | None, types: list[dict[str, Any]]) -> str | None:
    if not agency:
        return None
    for entry in types:
        if any(agency.endswith(s) for s in entry["suffixes"]):
            return str(entry["type"])
    return None


def self_type_from_text(text: str, types: list[dict[str, Any]]) -> str | None:
    """The body type the report most often calls itself (我镇 ×5 -> 镇)."""
    counts = Counter({e["type"]: sum(text.count(s) for s in e["self"]) for e in types})
    kind, n = counts.most_common(1)[0] if counts else (None, 0)
    return str(kind) if n else None


def find_foreign_references(text: str, agency: str | None, params: dict[str, Any]) -> list[Finding]:
    types = params["agency_types"]
    own_type = agency_type(agency, types) or self_type_from_text(text, types)
    findings = _place_subjects(text, agency, own_type, params)
    # a body's general office writing for it (易县农业农村局办公室) speaks as the body (我局) or as itself (我办)
    parent = agency_type(agency[: -len("办公室")], types) if agency and agency.endswith("办公室") else None
    findings += _foreign_self_references(text, own_type, params, also=parent)
    findings += _foreign_lines_of_work(text, agency, params)
    findings += _namesakes(text, agency, params)
    findings += _foreign_bases(text, agency, params)
    findings += _speaks_as_a_higher_level(text, own_type, params)
    findings += _foreign_channels_and_purposes(text, agency, params)
    findings += _foreign_towns(text, agency)
    findings += _foreign_county_organs(text, agency)
    findings += _foreign_county_towns(text, agency)
    return _merge_by_sentence(findings)


def _places_of(agency: str) -> list[str]:
    """The county and the town a body's name spells (江西省赣州市于都县银坑镇人民政府 -> 于都县, 银坑镇)."""
    _city, county = parse_place(agency)
    town = own_town(agency)
    return [p for p in (county, town) if p]


def source_place_in(passage: str, source_agency: str, own_agency: str | None, elsewhere: str) -> str | None:
    """The county or town of `source_agency` that a passage copied from its document names as written (the full
    name, or the name without 县/镇 when two characters or more are left), when it is not this body's own: not in
    `own_agency`'s name, and named nowhere in this report (`elsewhere`) outside what it copied; else None."""
    own = _places_of(own_agency) if own_agency else []
    places = _places_of(source_agency)
    forms = []
    for place in places if own_agency else places[1:]:  # (a county shared with an unnamed body is no sign)
        if not any(place == o or place[:-1] == o[:-1] for o in own):
            forms += [place, place[:-1]] if len(place) >= 3 else [place]
    # the body itself, its place left off (于都县医疗保障局 -> 医疗保障局, 医疗保障): another line of work
    body = re.split("|".join(map(re.escape, places)), source_agency)[-1] if places else ""
    if len(body) >= 4 and body not in _GENERIC_BODIES:
        forms += [body, *([core] if len(core := _BODY_SUFFIX.sub("", body)) >= 4 else [])]
    for form in forms:
        if form in passage and form not in (own_agency or "") and form not in elsewhere:
            return form
    # the lines of work the source body's name joins (人力资源和社会保障局 -> 人力资源, 社会保障 and their initials
    # 人社; 住房和城乡建设局 -> 住房, 城乡建设): a copied passage that keeps one (人社服务站, 住房保障栏目) speaks of
    # the other body's work as this one's
    if len(body) >= 4 and body not in _GENERIC_BODIES:
        parts = [p for p in re.split(r"和|与|及|、", _BODY_SUFFIX.sub("", body)) if len(p) >= 2]
        initials = "".join(p[0] for p in parts) if len(parts) >= 2 else ""
        for form in [*parts, *([initials] if len(initials) == 2 else [])]:
            if form in passage and form not in (own_agency or "") and form not in elsewhere:
                return form
    # a unit of the source body's line of work (农业农村局 -> 农业综合行政执法大队), where this body has none
    line = _BODY_SUFFIX.sub("", body)[:2] if len(body) >= 4 and body not in _GENERIC_BODIES else ""
    if len(line) == 2 and line not in (own_agency or ""):
        for _at, m in after(passage, line, rx(rf"[\u4e00-\u9fff]{{0,8}}?{_LINE_UNIT}")):
            if line + m.group() not in elsewhere and line not in elsewhere:
                return line + m.group()
    return None


_LINE_UNIT = "(?:执法大队|执法支队|大队|支队|服务中心|中心|站|所|股)"


_GENERIC_BODIES = frozenset({"人民政府", "人民政府办公室", "政府办公室", "党政办公室", "党委办公室", "街道办事处"})
_BODY_SUFFIX = re.compile(r"(?:管理局|服务中心|局|委员会|办公室|中心)$")


# (i) 在桃川镇16个行政村… in a 粗石江镇 report: another town's villages counted as the body's own
_OWN_TOWN = re.compile(
    r"(?:^|[县区市旗])(?P<town>(?:(?![县区市旗])[\u4e00-\u9fff]){2,5}?[镇乡])(?:人民政府|政府|党委|党政办)?$"
)
_TOWN_AFTER_COUNTY = re.compile(r"(?P<town>[\u4e00-\u9fff]{1,5}[镇乡])(?:人民政府|政府|党委|党政办)?")


def own_town(agency: str | None) -> str | None:
    """The town a body's name spells (松阳县古市镇人民政府 -> 古市镇: after its county, a town's name may hold 市)."""
    if not agency:
        return None
    if m := _OWN_TOWN.search(agency):
        return m.group("town")
    _city, county = parse_place(agency)
    if county and county in agency and (m := _TOWN_AFTER_COUNTY.fullmatch(agency.split(county, 1)[1])):
        return m.group("town")
    return None


_TOWN_SCOPE = re.compile(
    r"(?:在|全|我|对|为)(?P<town>(?:(?![在全本我该各的和与及对为乡镇])[\u4e00-\u9fff]){1,4}[镇乡])(?:的|所辖|辖区)?"
    r"[\d一二三四五六七八九十两]{1,3}个(?:行政村|村|社区)"
)


# (j) 。玉岩镇党委、政府以镇便民服务中心为主阵地… in a 古市镇 report: another town's own organs as the subject of a
# clause, or the place its work is done (在玉岩镇便民服务中心大厅设置…)
_TOWN_ORGAN = re.compile(
    r"(?:^|[。；;\n]|[，,]|在)\s*"
    r"(?P<town>(?:(?![在全本我该各的和与及对为乡镇])[\u4e00-\u9fff]){2,4}[镇乡])"
    r"(?:党委|人民政府|政府|党政办|便民服务中心|政务服务中心|为民服务中心)"
)


_NOT_IN_A_NAME = ("p", "v", "d", "c", "r", "u", "ad", "y")


def _name_like(words: str) -> bool:
    """Words that can be a place's name: no preposition, verb, adverb, conjunction, pronoun or particle (jieba)."""
    from extractors import tokenize

    return all(not flag.startswith(_NOT_IN_A_NAME) for _w, flag in tokenize.posseg(words))


def _foreign_towns(text: str, agency: str | None) -> list[Finding]:
    town_of_body = own_town(agency)
    if not town_of_body:
        return []
    found = []
    for pattern, what in ((_TOWN_SCOPE, "的村（社区）为本单位工作范围"), (_TOWN_ORGAN, "的机构叙述本单位工作")):
        for m in pattern.finditer(text):
            town = m.group("town")
            if pattern is _TOWN_ORGAN and not _name_like(town[:-1]):
                continue  # 明确由镇党委…, 一是镇政府网站…, 均经镇党委会…: the body's own 镇, words before it
            # one the tail of the other is the body itself, read with a word before its name
            if not town_of_body.endswith(town) and not town.endswith(town_of_body):
                s, e = sentence_at(text, m.start("town"))
                found.append(Finding(s, e, text[s:e], f"以“{town}”{what}，不是本单位（{town_of_body}）"))
    return found


# (g) 在长兴县人民政府门户网站公开… in a 德清县 body's report: its channel is another place's; (h) 为辰溪县教育事业
# 发展… in a 溆浦县 body's report: the work it promises is for another place.
_CHANNEL_AT = re.compile(
    r"(?:在|通过|依托|利用|于)(?P<chunk>[\u4e00-\u9fff]{2,12}?)(?:人民政府)?(?:门户网站|政府网站?|政务网|官网|政务公开栏|政务服务中心)"
)
_FOR_PLACE = re.compile(
    r"为(?P<chunk>[\u4e00-\u9fff]{2,22}?(?:事业|高质量发展|经济社会发展|群众|人民群众|百姓))"
)


# “湟中人社”微信公众号 / 湟中区人民政府门户网站“人社专栏”: a channel named after a place
_NAMED_CHANNEL = re.compile(
    r"“(?P<chunk>[\u4e00-\u9fff]{2,10})”(?:微信公众号|公众号|政务微博|微博|抖音号|视频号|客户端|APP|App)"
    r"|(?P<chunk2>[\u4e00-\u9fff]{2,8}?)人民政府(?:门户)?网站"
)
# what follows a place's short name in a channel of that place's own offices (湟中人社, 互助县政府网)
_OFFICE_ABBREVIATION = re.compile(
    r"^(?:[县区市旗]|人社|人力|发布|政务|政府|融媒|医保|税务|教育|卫健|市监|住建|民政|公安|发改|财政|应急|司法|农业|文旅)"
)


def _channel_place(chunk: str) -> str | None:
    """The county a channel's name starts with (jionlp), when the name reads as that place's office's."""
    _city, county = parse_place(chunk)
    if not county or not re.search(r"[县区市旗]$", county) or not chunk.startswith(county[:2]):
        return None
    if chunk.startswith(county):
        return county
    short = county[:-1]  # 公主岭市 -> 公主岭 (a two-character county's short name is its first two: 湟中区 -> 湟中)
    rest = chunk[len(short) :] if chunk.startswith(short) else chunk[2:]
    return county if _OFFICE_ABBREVIATION.match(rest) else None


def _foreign_channels_and_purposes(text: str, agency: str | None, params: dict) -> list[Finding]:
    own = own_place(agency)
    if not (own[0] or own[1]):
        return []
    found = []
    own_county = _own_county(agency)  # (a town's 新兴镇人民政府 names none: jionlp's guess is no ground)
    for m in _NAMED_CHANNEL.finditer(text) if own_county else ():
        whole = m.group("chunk") or m.group("chunk2")
        # the words before the channel's name (一是在互助县…): the name is the longest tail that reads as a place's
        chunk, county = next(
            ((whole[k:], c) for k in range(len(whole) - 1) if (c := _channel_place(whole[k:]))), (whole, None)
        )
        if county and agency and county[:-1] in agency:
            continue  # “新市发布” of 屏山县新市镇: the body's own town, which a district elsewhere shares a name with
        if county and county[:2] != own_county[:2]:
            s, e = sentence_at(text, m.start())
            found.append(Finding(s, e, text[s:e], f"以“{chunk}”（{county}）的网站或公众号作为本单位的公开渠道"))
    for pattern, what in ((_CHANNEL_AT, "以“{place}”的网站、公开栏作为本单位的公开渠道"),
                          (_FOR_PLACE, "承诺为“{place}”做的工作，不是本单位所在地")):
        for m in pattern.finditer(text):
            place = _leading_place(m.group("chunk")[:12], params["place_suffix"])
            if not place:
                continue
            named = parse_place(place)
            if (named[0] or named[1]) and _is_foreign_place(named, own, "", place, None, params):
                s, e = sentence_at(text, m.start())
                found.append(Finding(s, e, text[s:e], what.format(place=place)))
    return found


def _speaks_as_a_higher_level(text: str, own_type: str | None, params: dict) -> list[Finding]:
    """(f) A town, township or street body that speaks as the county or city above it (我县, 本市): a
    passage written by, or for, the higher level."""
    if own_type not in params.get("below_county_types", []):
        return []
    words = "|".join(map(re.escape, params.get("higher_self_words", [])))
    found = []
    for m in rx(rf"(?P<ref>{words})").finditer(text) if words else ():
        s, e = sentence_at(text, m.start())
        found.append(Finding(s, e, text[s:e], f"报告单位是“{own_type}”一级，文中却以“{m.group('ref')}”自称"))
    return found


# --------------------------------------------------------------------------- (a) places


def _place_subjects(text: str, agency: str | None, own_type: str | None, params: dict) -> list[Finding]:
    own = own_place(agency)
    found = []
    for start, end in paragraph_spans(text):
        para = text[start:end]
        lead = _LIST_MARK.match(para)
        offset = lead.end() if lead else 0
        place = _leading_place(para[offset : offset + params["subject_window"]], params["place_suffix"])
        if not place:
            continue
        city, county = parse_place(place)
        if not (city or county):
            continue
        if _is_foreign_place((city, county), own, para, place, own_type, params):
            s, e = sentence_at(text, start + offset)
            found.append(Finding(s, e, text[s:e], f"段落以“{place}”为主语叙述工作，不是本单位所在地"))
    return found


def _leading_place(lead: str, suffix: str) -> str | None:
    """The place names (jieba "ns") a paragraph opens with: '固原市原州区为了…' -> '固原市原州区'."""
    from extractors import tokenize

    words = []
    for word, flag in tokenize.posseg(lead):
        if flag != "ns":
            break
        words.append(word)
    while words and not re.search(suffix, words[-1]):
        words.pop()  # '湄凤余灌区' style: keep only what ends like an administrative division
    return "".join(words) or None


# 静海区2025年… (jieba tags 静海 and 区 apart): a title's opening run up to a county's or city's ending
_LEADING_DIVISION = re.compile(r"^(?:[\u4e00-\u9fff]{2,4}?(?:省|自治区))?(?:[\u4e00-\u9fff]{2,5}?(?:市|州|盟))?"
                               r"[\u4e00-\u9fff]{2,6}?(?:自治县|自治旗|县|区|旗|市)")


def _leading_division(title: str) -> str | None:
    """The county or city a title opens with, when jionlp knows it by that name (not 开发区, 园区…)."""
    m = _LEADING_DIVISION.match(title)
    if not m or re.search(r"(?:开发|园|新|城|社|辖|片|景|校|厂|矿|营)区$", m.group()):
        return None
    city, county = parse_place(m.group())
    return m.group() if county or city else None


def _is_foreign_place(
    place: tuple[str | None, str | None],
    own: tuple[str | None, str | None],
    para: str,
    name: str,
    own_type: str | None,
    params: dict,
) -> bool:
    (city, county), (own_city, own_county) = place, own
    if own_county and county:
        return county != own_county
    if own_city and city:
        return city != own_city  # a city's own districts, or a county's parent city, are not foreign
    if own_city or own_county:
        return False  # cannot compare levels that neither side states
    # The body's place is unknown: foreign when the paragraph speaks as that place and the body is
    # of another kind (a town's report with "全区…" about a district).
    level = name[-1]
    speaks_as = params["speak_as"].get(level, [])
    return own_type is not None and own_type != level and any(w in para for w in speaks_as)


# --------------------------------------------------------------------------- (b) self-references


def _foreign_self_references(text: str, own_type: str | None, params: dict, also: str | None = None) -> list[Finding]:
    if own_type is None:
        return []
    found = []
    for entry in params["agency_types"]:
        if entry["type"] in (own_type, also):
            continue
        for ref in _self_reference_patterns(entry, params["bare_after"]):
            for m in ref.finditer(text):
                s, e = sentence_at(text, m.start())
                found.append(
                    Finding(s, e, text[s:e], f"报告单位是“{own_type}”，文中却自称“{m.group('ref')}”")
                )
    return found


def _self_reference_patterns(entry: dict, bare_after: list[str]) -> list[re.Pattern[str]]:
    words = "|".join(map(re.escape, entry["self"]))
    patterns = [rx(f"(?P<ref>{words})")]
    if entry.get("bare"):
        verbs = "|".join(map(re.escape, bare_after))
        bare = "|".join(map(re.escape, entry["bare"]))
        patterns.append(rx(f"(?:{verbs})(?P<ref>(?:{bare})的)"))
    return patterns


# --------------------------------------------------------------------------- (c) lines of work


def _foreign_lines_of_work(text: str, agency: str | None, params: dict) -> list[Finding]:
    if not agency or any(g in agency for g in params["general_bodies"]):
        return []
    found = []
    paragraphs = paragraph_spans(text)
    for line in params["lines_of_work"]:
        if any(owner in agency for owner in line["owners"]):
            continue
        for marker in line["markers"]:
            for m in rx(re.escape(marker)).finditer(text):
                s, e = sentence_at(text, m.start())
                ps, pe = next(((a, b) for a, b in paragraphs if a <= m.start() < b), (s, e))
                said = any(w in text[s:e] for w in params["own_markers"])
                lead = text[max(ps, m.start() - 4) : m.start()]
                # 。全年林草行政审批事项全部进驻…: a sentence opening with the line of work is the body's account
                opens = _SENTENCE_SUBJECT.search(lead) is not None
                subject = _CLAUSE_SUBJECT.search(lead) is not None
                if said or opens or (subject and any(w in text[ps:pe] for w in params["own_markers"])):
                    found.append(Finding(s, e, text[s:e], f"“{marker}”不是{agency}的职能"))
    return found


# a line of work's body at a clause's start (。县劳动保障监察大队严格落实… / ，全年林草行政审批事项…)
_CLAUSE_SUBJECT = re.compile(r"(?:^|[。；;，,\n])\s*(?:[县市区镇乡]|全年|全县|今年)?$")
_SENTENCE_SUBJECT = re.compile(r"(?:^|[。\n])\s*(?:全年|今年|上半年|本年度)?$")


# --------------------------------------------------------------------------- (d) namesakes elsewhere

_CLAUSE_START = "，,。；;：:\n"


def _namesakes(text: str, agency: str | None, params: dict) -> list[Finding]:
    """Another county's body of the same kind as the clause's subject. Only a department (局, 委…) is
    compared: a 人民政府 name follows every place and is named for its own sake (县人民政府门户网站)."""
    if not agency or any(g in agency for g in params["general_bodies"]):
        return []
    place = _leading_place(agency, params["place_suffix"])
    own = parse_place(agency, written_only=False)
    tail = agency[len(place) :] if place else ""
    if not place or len(tail) < 3 or not (own[0] or own[1]):
        return []
    found = []
    for m, _at in before(text, tail, _SUBJECT_BEFORE, window=12):
        if m.start() > 0 and text[m.start() - 1] not in _CLAUSE_START:
            continue
        other = _leading_place(m.group(1), params["place_suffix"])
        if other != m.group(1) or other == place:
            continue
        if _is_foreign_place(parse_place(other), own, "", other, None, params):
            s, e = sentence_at(text, m.start())
            found.append(Finding(s, e, text[s:e], f"文中以“{m.group(0)}{tail}”为主语叙述，不是本单位（{agency}）"))
    return found


# the subject before the agency's own name without its place (安康市卫生健康局: 安康市)
_SUBJECT_BEFORE = re.compile(r"([\u4e00-\u9fff]{2,12}?)")


# A document cited as what the work follows: 根据《…》文件精神, 按照《…》要求.
_BASIS = re.compile(
    r"(?:根据|按照|依据|遵照|依照|对照|贯彻落实|贯彻|严格执行|执行|落实|实行|推行|全面实行|全面推行|制定了?|出台了?|建立了?)"
    r"《(?P<title>[^《》\n]{4,60})》"
)


def _foreign_bases(text: str, agency: str | None, params: dict) -> list[Finding]:
    """(e) A basis document whose title opens with a place that is not the body's own nor a parent."""
    own = parse_place(agency, written_only=False) if agency else (None, None)
    if not (own[0] or own[1]):
        return []
    found = []
    for m in _BASIS.finditer(text):
        title = m.group("title")[: params["subject_window"]]
        place = _leading_place(title, params["place_suffix"]) or _leading_division(title)
        if not place:
            continue
        cited = parse_place(place)
        if (cited[0] or cited[1]) and _is_foreign_place(cited, own, "", place, None, params):
            s, e = sentence_at(text, m.start())
            found.append(Finding(s, e, text[s:e], f"以“{place}”的文件《{m.group('title')}》作为本单位工作依据"))
    return found


def _merge_by_sentence(findings: list[Finding]) -> list[Finding]:
    """One finding per sentence, its reasons joined."""
    merged: dict[tuple[int, int], Finding] = {}
    for f in findings:
        key = (f.start, f.end)
        if key in merged:
            if f.message not in merged[key].message:
                old = merged[key]
                merged[key] = Finding(old.start, old.end, old.text, f"{old.message}；{f.message}")
        else:
            merged[key] = f
    return [merged[k] for k in sorted(merged)]


# (k) another county's organ or town spoken as the body's own
_ORGAN_AFTER = re.compile(
    r"(?:县委|市委|区委|旗委|人民政府|政府办|政府|[\u4e00-\u9fff]{0,8}?(?:局|大队|中心|热线|办公室|委员会)"
    r"|[\u4e00-\u9fff]{2,4}?(?:镇|乡|街道))"
)
_ORGAN_NEAR = re.compile(
    r"[\u4e00-\u9fff]{1,5}(?:县|市|区|旗)(?:委|人民政府|政府|[\u4e00-\u9fff]{0,8}?(?:局|大队|中心|热线|办公室)"
    r"|[\u4e00-\u9fff]{2,4}?(?:镇|乡|街道))"
)
# a sentence that tells of a visit, an exchange or joint work, where another county is named as such
_WITH_OTHERS = re.compile(
    r"学习|考察|交流|兄弟|对口|帮扶|协作|参观|借鉴|经验|来我|赴|前往|联合|毗邻|相邻|交界|会同|配合|协调|邀请|以及|和|与|同"
)
_PLACE_TAGS = ("ns", "nr", "nz", "nrt")


def own_place(agency: str | None) -> tuple[str | None, str | None]:
    """(city, county) of the body, as jionlp reads them, when its name spells the county (or the city): a
    town's name alone (禾丰镇人民政府, 新兴镇人民政府) spells none, and jionlp's guess from it (丰镇市, 新兴县) is no
    ground."""
    if not agency:
        return None, None
    city, county = parse_place(agency, written_only=False)
    if _own_county(agency):
        return city, county
    return (city, None) if city and city[:2] in agency else (None, None)


def _own_county(agency: str | None) -> str | None:
    """The county the body's name spells as a county (于都县人社局 -> 于都县; not 新兴 out of 新兴镇人民政府)."""
    if not agency:
        return None
    _city, county = parse_place(agency, written_only=False)
    # (睢县 whole; 互助土族自治县 or 互助县; not 新兴 in 新兴镇)
    spelled = county and county[-1] in "县市区旗" and county in agency
    if county and (spelled or re.search(re.escape(county[:2]) + r"[\u4e00-\u9fff]{0,4}?(?:县|市|区|旗)", agency)):
        return county
    return None


def _foreign_county_organs(text: str, agency: str | None) -> list[Finding]:
    from extractors import tokenize

    own = _own_county(agency)
    if own is None or agency is None:  # (agency: for the type checker; no county without it)
        return []
    found = []
    for s, e in sentence_spans(text):
        sentence = text[s:e]
        if not _ORGAN_NEAR.search(sentence):
            continue
        pos = 0
        for word, flag in tokenize.posseg(sentence):
            at, pos = pos, pos + len(word)
            if flag not in _PLACE_TAGS:
                continue
            if re.search(r"(?:县|市|区|旗)$", word) and len(word) >= 3:
                place, rest = word, sentence[pos:]
            elif len(word) >= 2 and re.match(r"(?:县|市|旗)(?:委|人民政府|政府)", sentence[pos:]):
                place, rest = word + sentence[pos], sentence[pos + 1 :]
            else:
                continue
            if not _ORGAN_AFTER.match(rest) or place[:2] in agency or _WITH_OTHERS.search(sentence[:at]):
                continue
            _city, county = parse_place(place)
            if county and county[:2] == place[:2] and county != own:
                found.append(Finding(s, e, text[s:e], f"以“{place}”的机关或乡镇作为本单位的工作主体或对象"))
                break
        else:
            # a county of one character and 县 (高县, 睢县), which jieba cuts in two: one of the body's own city
            for m in _SHORT_COUNTY.finditer(sentence):
                place = m.group("c")
                if place in _short_counties(agency) and place != own and _ORGAN_AFTER.match(sentence[m.end() :]) and (
                    not _WITH_OTHERS.search(sentence[: m.start()])
                ):
                    found.append(Finding(s, e, text[s:e], f"以“{place}”的机关或乡镇作为本单位的工作主体或对象"))
                    break
    return found


_SHORT_COUNTY = re.compile(r"(?:^|(?<=[，,。；;：:\s、）)]))(?P<c>[\u4e00-\u9fff]县)")


def _short_counties(agency: str) -> frozenset[str]:
    city, _county = own_place(agency)
    return frozenset(c for c in _towns_by_city().get(city or "", {}) if len(c) == 2)


_TOWN_NAME = re.compile(r"(?:镇|乡|街道)(?:办事处)?$")
# a visit, an exchange or a border, told before a neighbour's town (赴某镇学习, 与某镇交界)
_VISIT = re.compile(r"学习|考察|交流|兄弟|对口|帮扶|协作|参观|借鉴|经验|来我|赴|前往|毗邻|相邻|交界|接壤")


@lru_cache(maxsize=1)
def _towns_by_city() -> dict[str, dict[str, frozenset[str]]]:
    """{city: {county: its towns (镇, 乡, 街道)}} from jionlp's gazetteer (loaded once, about 1.5 s)."""
    jio.jionlp()
    from jionlp.dictionary.dictionary_loader import china_location_loader

    table: dict[str, dict[str, frozenset[str]]] = {}
    for cities in china_location_loader(detail=True).values():
        for city, counties in cities.items():
            if city.startswith("_") or not isinstance(counties, dict):
                continue
            table[city] = {
                county: frozenset(t.removesuffix("办事处") for t in towns if _TOWN_NAME.search(t))
                for county, towns in counties.items() if not county.startswith("_") and isinstance(towns, dict)
            }
    return table


def _foreign_county_towns(text: str, agency: str | None) -> list[Finding]:
    """(l) 在我县高河镇举办… in 太湖县's report, where 高河镇 is a town of 怀宁县 in the same city and none of
    太湖县's: a town of a neighbouring county told as the body's own, a leftover of that county's text. Not in a
    sentence that names that county or tells of a visit or an exchange before the town."""
    own = _own_county(agency)
    city, _county = own_place(agency)
    if own is None or city is None:
        return []
    counties = _towns_by_city().get(city, {})
    own_towns = counties.get(own)
    if not own_towns:
        return []  # the gazetteer does not know the body's own towns: nothing to compare with
    found, seen = [], set()
    for county, towns in counties.items():
        if county == own:
            continue
        for town in towns - own_towns:
            if len(town) < 3 or town in seen:
                continue
            for at in find_all(text, town):  # (str.find: one compiled pattern per town flushed the regex cache)
                if any(o.endswith(town) and text[max(0, at - len(o) + len(town)) : at + len(town)] == o
                       for o in own_towns if o != town):
                    continue  # the tail of a town of its own (大高河镇)
                s, e = sentence_at(text, at)
                if county[:2] in text[s:e] or _VISIT.search(text[s:at]) or _inside_a_word(text, at, at + len(town)):
                    continue
                seen.add(town)
                found.append(Finding(s, e, text[s:e], f"以“{town}”（{county}）叙述本单位工作，不是{own}的乡镇"))
                break
    return found


def _inside_a_word(text: str, start: int, end: int) -> bool:
    """A dictionary word runs across either edge of text[start:end] (部分乡镇 holds no 分乡镇)."""
    from extractors.tokenize import spans_word

    return spans_word(text[:start], text[start:]) or spans_word(text[:end], text[end:])
