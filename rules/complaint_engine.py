"""Check a complaint letter against the procedural rules of complaint.yaml; compute its deadlines.

    evaluate_complaint(fields, events, rules, calendar, today, jurisdiction, text) -> (flags, deadlines)

Pure: the rules, the working-day calendar, `today` and the office's jurisdiction are parameters. A rule
switched off in complaint.yaml (absent from `rules`) is simply not applied. Evidence offsets point into
`text` (the document's normalised text); the caller fills `page` with `ParsedDocument.page_at(start)`.
"""

from __future__ import annotations

import re
from datetime import date
from typing import Any

from rules.calendar import WorkCalendar
from rules.complaint_deadlines import case_deadlines
from rules.dispute import compile_categories, find_dispute_matches, split_sentences
from rules.flagging import field_evidence, make_flag, quote, sentence_evidence
from rules.jurisdiction import compare, named_in_office, parse_division, sibling_county
from rules.loader import RuleSet
from schemas.models import CaseEvent, ComplaintFields, Deadline, Flag

MISSING_PREFIX = "complaint.missing."
# Required items of a complaint letter, in the order an officer reads them (若干规定第十四条 + the
# office's procedure). The rule id of each is MISSING_PREFIX + path.
REQUIRED_ITEMS = (
    "complainant.name",
    "complainant.gender",
    "complainant.age",
    "complainant.occupation",
    "complainant.employer",
    "complainant.address",
    "complainant.phone",
    "respondent.name",
    "respondent.address",
    "facts",
    "requests",
    "prior_proceedings",
)
PROCEEDING_NAMES = {"mediation": "调解", "arbitration": "劳动争议仲裁", "litigation": "诉讼"}


def evaluate_complaint(
    fields: ComplaintFields,
    events: list[CaseEvent],
    rules: RuleSet,
    calendar: WorkCalendar,
    today: date,
    jurisdiction: str | None,
    text: str | None = None,
) -> tuple[list[Flag], list[Deadline]]:
    """Flags (gaps for a supervisor) and deadlines of one complaint case."""
    flags = missing_item_flags(fields, rules)
    for check in (_prior_proceedings, _dispute_route, _too_many_agents):
        flags.extend(check(fields, rules, text))
    flags.extend(_out_of_jurisdiction(fields, rules, jurisdiction, text))
    outcome = case_deadlines(fields, events, rules, calendar, today, text)
    return flags + outcome.flags, outcome.deadlines


# --------------------------------------------------------------------------- required items


def _value(fields: ComplaintFields, path: str) -> Any:
    obj: Any = fields
    for part in path.split("."):
        obj = getattr(obj, part)
    return obj


def _is_missing(value: Any, answered: bool = False) -> bool:
    """Is a required item not stated? `answered`: the letter answers it with "none" (工作单位：无), which the
    extractor records as evidence without a value; such an item is stated, so it is not missing."""
    if answered:
        return False
    if value is None:
        return True
    if isinstance(value, str):
        # prior_proceedings "unknown" means the letter answers the question, but unclearly
        # (不清楚、可能问过仲裁委): the item is stated, so it is not a missing item.
        return not value.strip()
    if isinstance(value, list):
        return not any(str(v).strip() for v in value)
    return False


def missing_item_flags(fields: ComplaintFields, rules: RuleSet) -> list[Flag]:
    """One flag per required item the letter does not state."""
    flags = []
    for path in REQUIRED_ITEMS:
        rule = rules.get(MISSING_PREFIX + path)
        value = _value(fields, path)
        answered = value is None and path in fields.evidence  # evidence without a value: "none" stated
        if rule is None or not _is_missing(value, answered):
            continue
        item = str(rule.params.get("item") or rule.label)
        if fields.collective and path.startswith("complainant."):
            # In a collective complaint the complainant items are those of the elected representative.
            item = item.replace("投诉人", "投诉人代表", 1)
        msg = f"投诉书未载明{item}；请通知投诉人补正投诉材料，补正后再审查是否受理。"
        flags.append(make_flag(rule, msg))
    return flags


# --------------------------------------------------------------------------- admissibility


def _prior_proceedings(fields: ComplaintFields, rules: RuleSet, text: str | None) -> list[Flag]:
    rule = rules.get("complaint.prior_proceedings")
    if rule is None:
        return []
    kinds = rule.params.get("kinds") or list(PROCEEDING_NAMES)
    kind = fields.prior_proceedings
    if kind not in kinds:
        return []
    msg = (
        f"投诉书载明该事项已经{PROCEEDING_NAMES.get(kind, kind)}；依法应告知投诉人依照劳动争议处理"
        f"或者诉讼程序办理（仲裁或诉讼裁定不予受理的除外）。请核实相关文书后决定是否受理。"
    )
    return [make_flag(rule, msg, field_evidence(fields, "prior_proceedings", text))]


def _dispute_route(fields: ComplaintFields, rules: RuleSet, text: str | None) -> list[Flag]:
    rule = rules.get("complaint.dispute_route")
    if rule is None:
        return []
    sentences = split_sentences(fields.facts or "")
    for request in fields.requests:
        sentences.extend(split_sentences(request))
    categories = compile_categories(
        list(rule.params.get("categories") or []) + list(rule.params.get("requests") or [])
    )
    matches = find_dispute_matches(sentences, categories)
    if not matches:
        return []
    labels = "；".join(dict.fromkeys(m.category.label for m in matches))
    first = matches[0].sentence
    msg = (
        f"投诉内容涉及：{labels}（如“{quote(first)}”）。该部分可能应通过劳动争议处理程序（调解、仲裁）解决；"
        f"请核实，属实的应告知投诉人向劳动人事争议仲裁委员会申请仲裁，其余属于监察范围的事项照常受理。"
    )
    return [make_flag(rule, msg, sentence_evidence(first, text))]


def _too_many_agents(fields: ComplaintFields, rules: RuleSet, text: str | None) -> list[Flag]:
    rule = rules.get("complaint.too_many_agents")
    if rule is None or not fields.collective:
        return []
    limit = int(rule.params.get("max_agents", 2))
    if len(fields.agents) <= limit:
        return []
    msg = (
        f"集体投诉委托了{len(fields.agents)}名代理人，超过{limit}名；请告知投诉人委托1至{limit}名代理人"
        f"代为进行投诉活动，并补交授权委托书。"
    )
    return [make_flag(rule, msg, field_evidence(fields, "agents", text))]


# a place called by the employer's trade name and a kind of premises (聚源物流仓库, 锦华制衣厂)
_PREMISES = re.compile(r"(?:仓库|库房|厂区|厂房|车间|工厂|厂)$")
_DIVISION_LEAD = re.compile(r"^[\u4e00-\u9fff]{1,8}?(?:省|市|县|区|旗|镇|乡)")


def _own_premises(place: str | None, name: str | None) -> bool:
    if not place or not name or not (m := _PREMISES.search(place)):
        return False
    core = place[: m.start()]
    return len(core) >= 2 and not _DIVISION_LEAD.match(core) and not core.startswith("公司") and core[:2] in name


def _out_of_jurisdiction(
    fields: ComplaintFields, rules: RuleSet, jurisdiction: str | None, text: str | None
) -> list[Flag]:
    rule = rules.get("complaint.out_of_jurisdiction")
    if rule is None or not jurisdiction:
        return []
    # 用工所在地 decides, not the registered address (《劳动保障监察条例》第十三条).
    path = "respondent.workplace" if fields.respondent.workplace else "respondent.address"
    office, value = parse_division(jurisdiction), _value(fields, path)
    place = parse_division(value)
    if place is None and path == "respondent.workplace" and _own_premises(value, fields.respondent.name):
        # 聚源物流仓库 of 鹿邑县聚源仓储物流有限公司: the employer's own warehouse stands at its address
        path = "respondent.address"
        value = _value(fields, path)
        place = parse_division(value)
    if place is None and office is not None:
        place = sibling_county(value, office)  # 宣化区… to an office in 张家口市蔚县: a county of the same city
    if place is None and office is not None and not value and (name := fields.respondent.name):
        # no address, no place of work: a registered name that opens with its county (寿县某食品有限公司) is the one
        # place the letter gives
        named = parse_division(name)
        registered = re.search(r"(?:有限责任公司|有限公司|股份公司|合作社)$", name)
        if registered and named is not None and named.county and name.startswith(named.county):
            path, place = "respondent.name", named
    if office is None or place is None or compare(place, office) is not False:
        return []
    if path != "respondent.workplace" and named_in_office(
        text or "", office, [fields.respondent.address or "", fields.complainant.address or ""], fields.respondent.name
    ):
        # the employer's seat is elsewhere, but the letter names a town of this county or a firm named with it
        # (a hotel the company runs in one of our towns, the user company a dispatched worker was sent to): the
        # place of employment, which decides (第十三条), is not shown to be outside
        return []
    where = {"respondent.workplace": "用工所在地", "respondent.address": "住所（未载明用工所在地）"}.get(
        path, "名称所示地（未载明住所和用工所在地）"
    )
    msg = (
        f"被投诉单位{where}位于{place.label()}，不在本机构管辖范围（{office.label()}）；"
        f"请核实用工所在地，确不属本机构管辖的，应告知投诉人向用工所在地的劳动保障行政部门投诉。"
    )
    return [make_flag(rule, msg, field_evidence(fields, path, text))]
