"""Title, reporting body, date and period: from the title block at the top and the signature at the end."""

from __future__ import annotations

import re
from datetime import date

from extractors.report import dates, lexicon
from extractors.report.structure import Paragraph, match_heading
from schemas.models import FieldEvidence, ParsedDocument, Period

HEAD_LINES = 6  # the title block: a report's title, body and date stand in its first lines
TAIL_LINES = 4  # the signature block
_DATE_LINE = re.compile(r"^[(（]?\s*(?P<date>.+?日)\s*[)）]?$")


def _org_pattern() -> re.Pattern[str]:
    suffixes = "|".join(re.escape(s) for s in lexicon.words("org_suffixes"))
    return re.compile(rf"^[\u4e00-\u9fff（）()]{{2,30}}?(?:{suffixes})")


def _is_org_line(text: str) -> bool:
    text = text.strip()
    return len(text) <= 30 and bool(_org_pattern().fullmatch(text))


def evidence(doc: ParsedDocument, start: int, end: int, confidence: float) -> FieldEvidence:
    return FieldEvidence(start=start, end=end, page=doc.page_at(start), confidence=confidence)


# 关于印发《某局2026年政务公开工作要点》的通知: the report an issuing notice carries is the title
# (关于印发2027年政务公开工作要点的通知 / 关于重新报送…报告的说明: the same without the title's brackets)
_ISSUING = re.compile(
    r"^关于(?:重新)?(?:印发|转发|报送|上报|呈报)(?:《(?P<t>[^》\n]{4,60})》|(?P<u>[^《》\n]{4,60}))的(?:通知|函|报告|请示|说明)$"
)
# (a line that is all in brackets above the title is a version mark, （修改稿）/（征求意见稿）/【更正】, not a part)
_NOT_A_TITLE_PART = re.compile(
    r"[。；;：:，,]$|文件$|[>›|〔]|首页|\[\d{4}\]|号$|^\d{4}[年.\-/]\d{1,2}(?:[月.\-/]\d{1,2}|月?\s*$)|^此件"
    r"|^[（(【\[][^）)】\]]{1,10}[）)】\]]$"
)


def _title_part(text: str) -> bool:
    """A line that can be the first part of a title broken over lines (2024年政府信息公开 / 工作年度报告),
    not the body's name on its own line above it, a 文号 or a 某局文件 head."""
    text = text.strip()
    return bool(text) and len(text) <= 40 and not _is_org_line(text) and not _NOT_A_TITLE_PART.search(text) and not (
        match_heading(text) or lexicon.regex("compilation_header").match(text)
    )


# a bulletin's masthead: 某局工作月报 / 2026年第5期（总第41期） / 某办公室编  2026年6月5日, then the article's title
_ISSUE_LINE = re.compile(r"^(?:\d{4}年)?第[\d一二三四五六七八九十]+期\s*(?:[（(]总第\d+期[)）])?$")
_PUBLISHED_BY = re.compile(r"(?:编印|编发|主办|印发|编)$")
_OWN_OFFICE = re.compile(r"(?<=[局委院])[\u4e00-\u9fff]{0,8}办公室$")


def _publisher(text: str) -> str:
    """某区人民政府办公室（区政务公开办）编 -> 某区人民政府办公室: a publisher's line without its verb and alias."""
    return re.sub(r"[（(][^）)]*[)）]$", "", _PUBLISHED_BY.sub("", text.strip()))


def _article_title(text: str) -> bool:
    """The article under a masthead, titled as a report is (某局2026年5月…工作情况), not 【本期要目】 or a sentence."""
    titled = lexicon.alternation("report_title_words").search(text) or text.endswith("情况")
    return bool(titled) and 7 <= len(text) <= 60 and text[0] not in "【[（(" and not _NOT_A_TITLE_PART.search(text)


def _masthead(paras: list[Paragraph]) -> tuple[int, Paragraph | None]:
    """Where a bulletin's masthead ends (the index of the first paragraph after it, 0 when there is none),
    and its publisher's line (某办公室编  2026年6月5日) if it has one."""
    lines = [(i, p) for i, p in enumerate(paras[: HEAD_LINES + 2]) if p.text.strip()]
    for n, (i, p) in enumerate(lines[:3]):
        if not _ISSUE_LINE.match(p.text.strip()):
            continue
        end, publisher = i + 1, None
        if n + 1 < len(lines):
            j, q = lines[n + 1]
            text = dates.DATE.sub("", q.text).strip()
            if text != q.text.strip() and (_PUBLISHED_BY.search(text) or _is_org_line(text)):
                end, publisher = j + 1, q
        after = next((q.text.strip() for q in paras[end:] if q.text.strip()), "")
        if _article_title(after) and not match_heading(after):
            return end, publisher
        return 0, publisher  # a bulletin with no title of its own below the masthead: the masthead is its title
    return 0, None


def find_title(doc: ParsedDocument, paras: list[Paragraph]) -> tuple[str, int, int] | None:
    header = lexicon.regex("compilation_header")
    words = lexicon.alternation("report_title_words")
    begin, _publisher = _masthead(paras)
    for i, p in enumerate(paras[begin : begin + HEAD_LINES], start=begin):
        text = p.text.strip()
        if not text or header.match(text) or match_heading(text) or text[-1] in "。；;":
            continue
        if len(text) <= 60 and (words.search(text) or (begin and i == begin)):  # a bulletin's first line
            lead = len(p.text) - len(p.text.lstrip())
            start, end = p.start + lead, p.start + lead + len(text)
            if m := _ISSUING.match(text):
                key = "t" if m.group("t") else "u"
                return _carried_title(paras[i + 1 :], m.group(key)) or (
                    m.group(key), start + m.start(key), start + m.end(key)
                )
            first = i
            while first > begin and _title_part(paras[first - 1].text) and len(text) + len(paras[first - 1].text) <= 80:
                first -= 1
                text = paras[first].text.strip() + text
            if first < i:
                above = paras[first]
                start = above.start + len(above.text) - len(above.text.lstrip())
            return text, start, end
    return None


def _carried_title(after: list[Paragraph], title: str) -> tuple[str, int, int] | None:
    """The report an issuing notice carries, on a line of its own further on: that line is its title as it
    stands (英山县卫生健康局2027年政务公开工作要点 under 关于印发2027年政务公开工作要点的通知)."""
    for p in after:
        text = p.text.strip()
        if text.endswith(title) and len(text) <= 60:
            start = p.start + len(p.text) - len(p.text.lstrip())
            return text, start, start + len(text)
    return None


def find_agency(
    doc: ParsedDocument, paras: list[Paragraph], title: tuple[str, int, int] | None
) -> tuple[str, FieldEvidence] | None:
    """The reporting body: a header line above the title, the title's own start, or the signature."""
    title_start = title[1] if title else None
    for p in paras[:HEAD_LINES]:
        if title_start is not None and p.start >= title_start:
            break
        if _is_org_line(p.text) and not lexicon.regex("compilation_header").match(p.text.strip()):
            start = p.start + len(p.text) - len(p.text.lstrip())
            return p.text.strip(), evidence(doc, start, start + len(p.text.strip()), 0.9)
    signed = _signature(doc, paras)
    if title_start is not None and (under := _under_title(doc, paras, title_start)):
        return under
    if title:
        m = re.match(
            rf"({_org_pattern().pattern[1:]})(?=\d{{4}}年|关于|[一二三四]季度|上半年|下半年|年度)", title[0]
        )
        if m:
            # the signature names the same body in full (云岭镇 -> 云岭镇人民政府, 兴国镇 -> 秦安县兴国镇人民政府)
            if signed and m.group(1) in signed[0]:
                return signed
            return m.group(1), evidence(doc, title[1], title[1] + m.end(1), 0.85)
    _begin, publisher = _masthead(paras)
    if not signed and publisher:  # a bulletin signed by no one: the body that publishes it
        text = _OWN_OFFICE.sub("", _publisher(dates.DATE.sub("", publisher.text)))  # 某局办公室编: the bureau
        if _is_org_line(text):
            start = publisher.start + publisher.text.index(text)
            return text, evidence(doc, start, start + len(text), 0.7)
    return signed


_SPEAKER_ROLE = re.compile(
    r"^(?:党组|党委|党工委|副|主任|局长|书记|镇长|乡长|校长|院长|大队长|队长|主席|站长|所长|科长|委员)"
)


def _under_title(doc: ParsedDocument, paras: list[Paragraph], title_start: int) -> tuple[str, FieldEvidence] | None:
    """The body named on the line under the title: 于都县银坑镇人民政府 (then the date), or a speaker's line
    汝南县人力资源和社会保障局党组成员、副局长 邵红军 (a 述职报告): the body before the speaker's post."""
    after = [p for p in paras[:HEAD_LINES + 2] if p.start > title_start and p.text.strip()][:2]
    for p in after:
        text = p.text.strip()
        start = p.start + len(p.text) - len(p.text.lstrip())
        if _is_org_line(text) and not lexicon.regex("compilation_header").match(text):
            return text, evidence(doc, start, start + len(text), 0.85)
        m = _org_pattern().match(text)
        if m and len(text) <= 40 and _SPEAKER_ROLE.match(text[m.end() :]):
            return m.group(0), evidence(doc, start, start + m.end(), 0.8)
    return None


def _signature(doc: ParsedDocument, paras: list[Paragraph]) -> tuple[str, FieldEvidence] | None:
    for p in reversed(paras[-TAIL_LINES:]):
        text = dates.DATE.sub("", p.text).strip()
        if text and _is_org_line(text) and not text.endswith(("。", "；")):
            start = p.start + p.text.index(text)
            return text, evidence(doc, start, start + len(text), 0.8)
    return None


def find_report_date(doc: ParsedDocument, paras: list[Paragraph]) -> tuple[date, FieldEvidence] | None:
    """A date standing alone (or after the signature) at the end, or in brackets under the title."""
    candidates = [*reversed(paras[-TAIL_LINES:]), *paras[:HEAD_LINES]]
    if any(_ISSUING.match(p.text.strip()) for p in paras[:HEAD_LINES]):
        candidates += paras[HEAD_LINES : 3 * HEAD_LINES]  # the issuing notice's date, under its own signature
    for p in candidates:
        text = p.text.strip()
        if not text or len(text) > 40:
            continue
        found = dates.find_dates(text)
        if len(found) != 1:
            continue
        value, s, e = found[0]
        rest = _publisher((text[:s] + text[e:]).strip(" （）()\u3000"))  # 某办公室编 2026年6月5日
        if rest and not _is_org_line(rest):
            continue
        start = p.start + p.text.index(text) + s
        return value, evidence(doc, start, start + e - s, 0.9)
    return None


# 对2025年1月1日至10月31日…进行了自查: two days that bound the period
_DAY_RANGE = re.compile(
    r"(?P<y>\d{4})年(?P<m1>\d{1,2})月(?P<d1>\d{1,2})日\s*(?:至|到|—|-)\s*(?:(?P<y2>\d{4})年)?(?P<m2>\d{1,2})月(?P<d2>\d{1,2})日"
)
_CITED = re.compile(r"《[^《》\n]{0,80}》")


def _blank(pattern: re.Pattern[str], text: str) -> str:
    """`text` with each match of `pattern` blanked, the same length (offsets stay the text's)."""
    return pattern.sub(lambda m: "#" * len(m.group(0)), text)


def _mask_dates(text: str, cited: bool = True) -> str:
    """Full dates blanked, so that a period is not read out of a day (2025年3月5日); and, `cited`, the titles of
    documents cited (根据《关于开展2025年度…自查的通知》要求): their year is not the report's period."""
    return _blank(dates.DATE, _blank(_CITED, text) if cited else text)


def _day_range(text: str) -> tuple[Period, int, int] | None:
    m = _DAY_RANGE.search(_blank(_CITED, text))
    if not m:
        return None
    try:
        start = date(int(m.group("y")), int(m.group("m1")), int(m.group("d1")))
        end = date(int(m.group("y2") or m.group("y")), int(m.group("m2")), int(m.group("d2")))
    except ValueError:
        return None
    return (Period(label=m.group(0), start=start, end=end), m.start(), m.end()) if start < end else None


def _part_of_year(opening: str, whole: Period) -> tuple[Period, int, int] | None:
    """关于2025年度政务公开工作的自查报告 whose opening says 对2025年1—10月政务公开工作进行了自查: the
    months the report actually covers, when the title names their whole year."""
    if whole.start is None or whole.end is None or (whole.start.month, whole.end.month) != (1, 12):
        return None
    for m in dates.PERIOD.finditer(_mask_dates(opening)):
        if m.group("y") and int(m.group("y")) == whole.start.year and (m.group("r") or m.group("h") or m.group("q")):
            found = dates.parse_period(m.group(0), None)
            if found and found[0].start and found[0].end and found[0].end < whole.end:
                return found[0], m.start(), m.end()
    days = _day_range(opening)
    start, end = (days[0].start, days[0].end) if days else (None, None)
    if days and start and end and start.year == whole.start.year and end < whole.end:
        return days
    return None


def find_period(
    doc: ParsedDocument, paras: list[Paragraph], title: tuple[str, int, int] | None, report_date: date | None
) -> tuple[Period, FieldEvidence] | None:
    """The period the report covers: named in the title, else in the opening paragraph."""
    places: list[tuple[str, int]] = []
    if title:
        places.append((title[0], title[1]))
    body = [
        p
        for p in paras[: HEAD_LINES + 2]
        if len(p.text) > 30 and not match_heading(p.text) and not (title and p.start <= title[1] < p.end)
    ]
    if body:
        places.append((body[0].text, body[0].start))
    # a cited title's period only when nothing else names one (重新报送《关于2026年第一季度…的报告》的说明)
    tries = [(i, text, offset, True) for i, (text, offset) in enumerate(places)]
    tries += [(i, text, offset, False) for i, (text, offset) in enumerate(places)]
    for i, text, offset, cited in tries:
        found = dates.parse_period(_mask_dates(text, cited), report_date)
        if found and i == 0 and title and len(places) > 1 and (part := _part_of_year(places[1][0], found[0])):
            found, (text, offset) = part, places[1]
        if found:
            period, s, e = found
            period = Period(label=text[s:e], start=period.start, end=period.end)
            return period, evidence(
                doc, offset + s, offset + e, 0.8 if offset == (title or ("", -1))[1] else 0.6
            )
    return None
