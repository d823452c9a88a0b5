"""Content rules of a complaint letter: required items, prior proceedings, dispute route, agents, place."""

from __future__ import annotations

from datetime import date

import pytest

from rules.calendar import WorkCalendar
from rules.complaint_engine import REQUIRED_ITEMS, evaluate_complaint
from rules.loader import RuleSet
from schemas.models import Agent, Complainant, ComplaintFields, FieldEvidence, Flag, Respondent

JURISDICTION = "广西壮族自治区柳州市融水苗族自治县"
TODAY = date(2026, 3, 2)


def complete(**changes: object) -> ComplaintFields:
    """A letter stating every required item (all names and places are invented)."""
    base = ComplaintFields(
        complainant=Complainant(
            name="韦某",
            gender="男",
            age=35,
            occupation="木工",
            employer="某某木业有限公司",
            address="融水镇某某村",
            phone="13800000000",
        ),
        respondent=Respondent(name="某某木业有限公司", address="柳州市融水县融水镇某某路8号"),
        facts="公司拖欠我2025年9月至11月工资共计9000元。",
        requests=["责令公司支付拖欠的工资9000元"],
        prior_proceedings="none",
        received_date=date(2026, 2, 26),
    )
    return base.model_copy(update=changes)


def run(
    fields: ComplaintFields,
    rules: RuleSet,
    cal: WorkCalendar,
    text: str | None = None,
    jurisdiction: str | None = JURISDICTION,
) -> list[Flag]:
    flags, _ = evaluate_complaint(fields, [], rules, cal, TODAY, jurisdiction, text)
    return flags


def ids(flags: list[Flag]) -> list[str]:
    return [f.rule_id for f in flags]


def test_complete_letter_raises_nothing(rules: RuleSet, cal: WorkCalendar) -> None:
    assert run(complete(), rules, cal) == []


# --------------------------------------------------------------------------- required items


def _blank(path: str) -> ComplaintFields:
    fields = complete()
    head, _, leaf = path.rpartition(".")
    target = getattr(fields, head) if head else fields
    setattr(target, leaf, [] if leaf == "requests" else None)
    return fields


@pytest.mark.parametrize("path", REQUIRED_ITEMS)
def test_each_missing_item_is_flagged_alone(rules: RuleSet, cal: WorkCalendar, path: str) -> None:
    flags = run(_blank(path), rules, cal)
    assert ids(flags) == [f"complaint.missing.{path}"]
    flag = flags[0]
    assert flag.severity == rules[flag.rule_id].severity
    assert (flag.legal_basis and "第十四条" in flag.legal_basis) or path == "prior_proceedings"
    assert "补正" in flag.message


@pytest.mark.parametrize(
    ("path", "value"),
    [("complainant.name", "  "), ("facts", ""), ("requests", [" "]), ("prior_proceedings", None)],
)
def test_blank_values_count_as_missing(rules: RuleSet, cal: WorkCalendar, path: str, value: object) -> None:
    fields = complete()
    head, _, leaf = path.rpartition(".")
    setattr(getattr(fields, head) if head else fields, leaf, value)
    assert ids(run(fields, rules, cal)) == [f"complaint.missing.{path}"]


def test_an_unclear_answer_on_prior_proceedings_is_not_missing(rules: RuleSet, cal: WorkCalendar) -> None:
    fields = complete()
    fields.prior_proceedings = "unknown"
    assert "complaint.missing.prior_proceedings" not in ids(run(fields, rules, cal))


@pytest.mark.parametrize("path", ["complainant.employer", "complainant.occupation", "respondent.address"])
def test_an_item_answered_with_none_is_not_missing(rules: RuleSet, cal: WorkCalendar, path: str) -> None:
    """工作单位：无 — the extractor leaves the value None and records evidence of the answer."""
    fields = _blank(path)
    fields.evidence[path] = FieldEvidence(start=10, end=11, page=1, confidence=0.95)
    assert f"complaint.missing.{path}" not in ids(run(fields, rules, cal))
    fields.evidence.pop(path)
    assert ids(run(fields, rules, cal)) == [f"complaint.missing.{path}"]


def test_missing_item_messages_name_the_item(rules: RuleSet, cal: WorkCalendar) -> None:
    [flag] = run(_blank("complainant.phone"), rules, cal)
    assert "投诉人的联系方式" in flag.message


def test_collective_complaint_asks_for_the_representative(rules: RuleSet, cal: WorkCalendar) -> None:
    fields = _blank("complainant.age").model_copy(update={"collective": True, "complainant_count": 12})
    [flag] = run(fields, rules, cal)
    assert "投诉人代表的年龄" in flag.message


def test_a_switched_off_rule_is_not_applied(rules: RuleSet, cal: WorkCalendar) -> None:
    fewer = RuleSet({k: v for k, v in rules.items() if k != "complaint.missing.complainant.age"})
    assert run(_blank("complainant.age"), fewer, cal) == []


# --------------------------------------------------------------------------- prior proceedings


@pytest.mark.parametrize(
    ("kind", "word"), [("mediation", "调解"), ("arbitration", "仲裁"), ("litigation", "诉讼")]
)
def test_prior_proceedings_flagged(rules: RuleSet, cal: WorkCalendar, kind: str, word: str) -> None:
    text = "本投诉事项已于2025年12月申请劳动争议仲裁。"
    fields = complete(
        prior_proceedings=kind,
        evidence={"prior_proceedings": FieldEvidence(start=0, end=len(text), confidence=0.9)},
    )
    flags = run(fields, rules, cal, text=text)
    assert ids(flags) == ["complaint.prior_proceedings"]
    assert word in flags[0].message
    assert flags[0].evidence is not None and flags[0].evidence.text == text


def test_no_prior_proceedings_is_silent(rules: RuleSet, cal: WorkCalendar) -> None:
    assert "complaint.prior_proceedings" not in ids(run(complete(prior_proceedings="none"), rules, cal))


# --------------------------------------------------------------------------- dispute route


@pytest.mark.parametrize(
    ("facts", "requests", "label_part"),
    [
        ("公司以我怀孕为由将我辞退，给我造成经济损失。", ["赔偿损失"], "女职工"),
        ("公司规章制度规定迟到一次罚款200元，该规章制度违反法律规定，造成我损失。", ["退还罚款"], "规章制度"),
        ("入职时公司让我签的合同条款违法，合同无效。", ["赔偿因此造成的损失"], "无效合同"),
        ("公司违法解除劳动合同，至今未支付任何补偿。", ["支付经济补偿"], "违法解除"),
        (
            "我在公司工作两年，公司一直没有和我签订劳动合同。",
            ["支付未签劳动合同的二倍工资"],
            "不订立劳动合同",
        ),
        ("我在工地干活被拖欠工资。", ["确认我与公司存在劳动关系"], "确认劳动关系"),
        ("公司突然将我辞退。", ["支付解除劳动合同的经济补偿金"], "经济补偿"),
        # compensation measured by years of service; a work injury to be declared or recognised, said plainly
        ("公司以改制为由让我回家。", ["支付我十八年工龄的经济补偿金100,800元"], "经济补偿"),
        ("我丈夫在厂里被机器轧断手指，厂里不管。", ["要厂里给他申报工伤，按工伤给他治病"], "工伤"),
        ("我在养老院护理老人时摔断了腿。", ["请领导帮我给养老院说一哈，把我这个工伤给认了"], "工伤"),
        # compensation measured by the years worked or by so many months (twenty-fifth round)
        (
            "老板说厂里装了监控，不用人看门了，叫我爸别来了。",
            ["按规定给我爸经济补偿，他干了八年多，按九个月算是15300元"],
            "经济补偿",
        ),
    ],
)
def test_dispute_route_raised(
    rules: RuleSet, cal: WorkCalendar, facts: str, requests: list[str], label_part: str
) -> None:
    flags = run(complete(facts=facts, requests=requests), rules, cal)
    assert ids(flags) == ["complaint.dispute_route"]
    assert label_part in flags[0].message


@pytest.mark.parametrize(
    ("facts", "requests"),
    [
        ("公司拖欠我2025年3月至6月工资共计12000元。", ["支付拖欠工资"]),
        ("公司拖欠工资两个月，经责令仍不支付。", ["责令公司支付工资并加付赔偿金"]),
        ("公司未依法为我缴纳社会保险。", ["责令公司补缴社会保险费"]),
        ("公司没有给我们报工伤保险。", ["责令公司为我们参加工伤保险"]),
        ("公司每天安排工作12小时，不支付加班费。", ["支付加班工资"]),
        ("公司已与我签订劳动合同，但拖欠工资。", ["支付工资"]),
        # years worked told beside arrears, no compensation asked
        ("我在公司干了八年，今年3月起公司拖欠工资。", ["支付拖欠的三个月工资"]),
        # 加付赔偿金 is ordered by the inspection itself, even when the letter mentions the dismissal
        ("公司解除劳动合同时仍拖欠两个月工资，要求支付并加付赔偿金。", ["支付工资"]),
    ],
)
def test_dispute_route_silent_for_inspection_matters(
    rules: RuleSet, cal: WorkCalendar, facts: str, requests: list[str]
) -> None:
    assert run(complete(facts=facts, requests=requests), rules, cal) == []


def test_dispute_route_evidence_points_at_the_sentence(rules: RuleSet, cal: WorkCalendar) -> None:
    facts = "我于2024年入职。公司以我怀孕为由将我辞退，给我造成经济损失。请依法处理。"
    text = "投诉书\n投诉事实：" + facts + "\n此致"
    [flag] = run(complete(facts=facts, requests=["依法处理"]), rules, cal, text=text)
    ev = flag.evidence
    assert ev is not None
    assert text[ev.start : ev.end] == "公司以我怀孕为由将我辞退，给我造成经济损失。" == ev.text


def test_dispute_route_without_text_has_no_offsets(rules: RuleSet, cal: WorkCalendar) -> None:
    [flag] = run(complete(facts="公司违法解除劳动合同，拒不支付赔偿金。"), rules, cal)
    assert flag.evidence is None and "违法解除劳动合同" in flag.message


# --------------------------------------------------------------------------- agents


@pytest.mark.parametrize(
    ("collective", "n", "raised"), [(True, 3, True), (True, 2, False), (False, 3, False)]
)
def test_too_many_agents(rules: RuleSet, cal: WorkCalendar, collective: bool, n: int, raised: bool) -> None:
    agents = [Agent(name=f"代理人{i}") for i in range(n)]
    flags = run(complete(collective=collective, complainant_count=20, agents=agents), rules, cal)
    assert ids(flags) == (["complaint.too_many_agents"] if raised else [])
    if raised:
        assert f"{n}名代理人" in flags[0].message


# --------------------------------------------------------------------------- jurisdiction


@pytest.mark.parametrize(
    ("address", "workplace", "raised"),
    [
        ("柳州市融水县融水镇某某路8号", None, False),  # short county form
        ("融水镇某某路8号", None, False),  # town only: the county seat
        ("广西壮族自治区柳州市融水苗族自治县某某乡", None, False),
        ("柳州市柳北区某某路1号", None, True),  # same city, other district
        ("三江县古宜镇某某路", None, True),  # neighbouring county, short form
        ("广西南宁市青秀区某某大道", None, True),
        ("贵州省遵义市余庆县白泥镇", None, True),  # other province
        ("柳州市柳北区某某路1号", "融水县某某工地", False),  # registered elsewhere, works here
        ("融水镇某某路8号", "柳州市鹿寨县某某工地", True),  # registered here, works elsewhere
        ("柳州市某某路", None, False),  # county unknown: cannot tell
        ("某某工业园区A栋", None, False),  # names no division
        ("融水镇某某路8号", "惠民购物广场", False),  # a shop called 惠民, not 惠民县 in Shandong
        ("融水镇某某路8号", "泗阳仓", True),  # a county's short name as a place: the warehouse in 泗阳县
        ("长安镇某某街", None, False),  # a town name found in many provinces
    ],
)
def test_out_of_jurisdiction(
    rules: RuleSet, cal: WorkCalendar, address: str, workplace: str | None, raised: bool
) -> None:
    fields = complete(respondent=Respondent(name="某某公司", address=address, workplace=workplace))
    flags = run(fields, rules, cal)
    assert ids(flags) == (["complaint.out_of_jurisdiction"] if raised else [])
    if raised:
        assert "融水苗族自治县" in flags[0].message


def test_no_jurisdiction_setting_no_flag(rules: RuleSet, cal: WorkCalendar) -> None:
    fields = complete(respondent=Respondent(name="某某公司", address="贵州省遵义市余庆县白泥镇"))
    assert run(fields, rules, cal, jurisdiction=None) == []


def test_city_level_jurisdiction(rules: RuleSet, cal: WorkCalendar) -> None:
    inside = complete(respondent=Respondent(name="某某公司", address="柳州市柳北区某某路1号"))
    outside = complete(respondent=Respondent(name="某某公司", address="南宁市青秀区某某路1号"))
    assert run(inside, rules, cal, jurisdiction="广西壮族自治区柳州市") == []
    assert ids(run(outside, rules, cal, jurisdiction="广西柳州市")) == ["complaint.out_of_jurisdiction"]
