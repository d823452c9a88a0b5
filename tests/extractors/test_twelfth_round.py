"""Items the twelfth round's letters and reports showed the rules missing or misreading (issue 12): an
employer's address told with its landmarks, a short name whose registered name the letter gives later, talk
of arbitration that is no proceeding, an office that is a commitment's subject after its deadline, a bulletin's
masthead, a notice that carries a plan, rules issued under their own titles. Texts invented for the test."""

from __future__ import annotations

import pytest

from extractors.complaint import extract_complaint
from extractors.complaint.proceedings import classify
from extractors.normalize import normalize_text
from extractors.report import extract_report
from schemas.models import ParsedDocument


def _doc(text: str) -> ParsedDocument:
    return ParsedDocument(text=normalize_text(text), format="txt", pages=1)


def _letter(body: str):  # type: ignore[no-untyped-def]
    return extract_complaint(_doc(f"尊敬的领导：\n{body}\n2026年4月2日\n"))


@pytest.mark.parametrize(
    ("place", "address"),
    [
        ("县城解放路上，挨着老粮站", "县城解放路上，挨着老粮站"),
        ("桂花镇新街，信用社对面", "桂花镇新街，信用社对面"),
        ("罗家镇东边，从镇上往东走一里路，砖厂后头", "罗家镇东边，从镇上往东走一里路，砖厂后头"),
        # a clause with a verb of its own says something else: 仓库在… is where the work was done
        ("罗家镇工业路18号，仓库在河边", "罗家镇工业路18号"),
    ],
)
def test_an_employers_address_runs_on_through_its_landmarks(place: str, address: str) -> None:
    f = _letter(
        f"我叫覃永福，男，今年46岁，电话13807751234。我在顺达建材有限公司开车送货，公司在{place}，"
        "老板欠我2026年1月到3月的工资共13500元。恳请领导帮我把工资要回来。"
    )
    assert f.respondent.name == "顺达建材有限公司"
    assert f.respondent.address == address


def test_a_short_name_is_recorded_by_the_registered_name_the_letter_gives() -> None:
    f = _letter(
        "我叫石玉梅，女，今年38岁，电话13977120345。我2024年进恒达做包装工，恒达欠我去年11月到今年2月的工资"
        "共14800元。恒达的全称我在工资条上看到，叫南宁恒达食品有限公司，在江南区星光大道。请领导督促恒达发工资。"
    )
    assert f.complainant.employer == "南宁恒达食品有限公司"
    assert f.respondent.name == "南宁恒达食品有限公司"


def test_a_labelled_short_name_gives_way_to_the_registered_name_told_later() -> None:
    f = extract_complaint(
        _doc(
            "投诉书\n投诉人：石玉梅，女，38岁，电话13977120345\n被投诉人：恒达（厂里都这么叫）\n"
            "投诉事项：恒达欠我2025年11月到2026年2月的工资共14800元，请责令恒达支付。\n"
            "另：恒达的营业执照我没见过，社保缴费记录上的单位是南宁恒达食品有限公司，在江南区星光大道。\n"
            "投诉人：石玉梅\n2026年4月2日\n"
        )
    )
    assert (f.complainant.employer, f.respondent.name) == ("南宁恒达食品有限公司", "南宁恒达食品有限公司")


def test_a_unit_named_with_its_place_keeps_its_own_name_beside_the_company_that_runs_it() -> None:
    f = _letter(
        "我叫黄丽娟，女，今年45岁，电话13978812345。我原来在平乐县桂江大酒店当服务员，酒店是平乐县桂江酒店管理"
        "有限公司开的。酒店欠我2025年10月到12月的工资共8400元。请领导帮我要回工资。"
    )
    assert f.complainant.employer == "平乐县桂江大酒店"


@pytest.mark.parametrize(
    "clause",
    [
        "听工友说解除合同的赔偿要去仲裁委",  # hearsay about the route
        "听人说要先认定工伤才能去仲裁",
        "如本案依规定应循劳动仲裁途径处理",  # what should be done
        "我也不晓得啥子叫仲裁",  # not knowing the word
    ],
)
def test_talk_of_arbitration_is_no_proceeding(clause: str) -> None:
    assert classify(clause) is None


def test_not_knowing_the_word_then_denying_it_is_none() -> None:
    f = _letter(
        "我叫何大贵，今年52岁，电话13550781234，在砖厂拉砖坯，老板欠我去年的工钱9600元。"
        "我也不晓得啥子叫仲裁，没有去搞过，镇上的人说要找劳动局。请领导帮我把钱要回来。"
    )
    assert f.prior_proceedings == "none"


def test_an_arbitration_applied_for_is_still_arbitration() -> None:
    f = _letter(
        "我叫何大贵，今年52岁，电话13550781234，在砖厂拉砖坯，老板欠我去年的工钱9600元。"
        "2026年1月我向县劳动人事争议仲裁委员会申请了仲裁，裁决书下来了老板还是不给。请领导帮我把钱要回来。"
    )
    assert f.prior_proceedings == "arbitration"


_PLAN = (
    "某县卫生健康局\n关于印发2027年政务公开工作要点的通知\n\n某卫发〔2027〕3号\n\n局机关各股室：\n"
    "现将《某县卫生健康局2027年政务公开工作要点》印发给你们，请认真贯彻落实。\n\n"
    "某县卫生健康局\n2027年2月20日\n\n"
    "某县卫生健康局2027年政务公开工作要点\n"
    "一、重点任务\n"
    "2027年6月30日前，基层卫生股完成全县乡镇卫生院资金使用情况公示。\n"
    "整改工作专班每季度开展一次公开情况检查。\n"
    "要进一步加大公开力度，不断提高公开质量。\n"
)


def test_a_notice_that_issues_a_plan_gives_the_plans_title_and_the_notices_date() -> None:
    r = extract_report(_doc(_PLAN))
    assert r.fields.title == "某县卫生健康局2027年政务公开工作要点"
    assert str(r.fields.report_date) == "2027-02-20"


def test_an_office_that_is_the_subject_after_a_deadline_is_responsible() -> None:
    r = extract_report(_doc(_PLAN))
    by_start = {c.text[:14]: c.responsible for c in r.commitments}
    assert by_start["2027年6月30日前，基层"] == "基层卫生股"
    assert by_start["整改工作专班每季度开展一次公"] == "整改工作专班"
    assert by_start["要进一步加大公开力度，不断提"] is None  # no one named, nor put in charge of disclosure


def test_a_bulletins_masthead_is_not_its_title() -> None:
    r = extract_report(
        _doc(
            "某县政务服务管理局工作月报\n2026年第5期（总第41期）\n某县政务服务管理局办公室编  2026年6月5日\n\n"
            "某县政务服务管理局2026年5月政务公开工作情况\n"
            "5月，我局围绕政务公开标准化建设，各项工作有序推进。现将本月工作情况报告如下。\n"
            "一、主动公开情况\n5月共公开信息86条。\n"
        )
    )
    assert r.fields.title == "某县政务服务管理局2026年5月政务公开工作情况"
    assert r.fields.agency == "某县政务服务管理局"
    assert str(r.fields.report_date) == "2026-06-05"
    assert (str(r.fields.period.start), str(r.fields.period.end)) == ("2026-05-01", "2026-05-31")


def test_a_bulletin_with_no_title_under_its_masthead_keeps_the_masthead_and_names_its_publisher() -> None:
    r = extract_report(
        _doc(
            "政务公开工作月报\n2026年第9期\n\n某县人力资源和社会保障局办公室编  2026年10月8日\n\n"
            "【本月概况】9月，我局在县政府网站公开信息38条。\n"
        )
    )
    assert r.fields.title == "政务公开工作月报"
    assert r.fields.agency == "某县人力资源和社会保障局"


def test_a_rule_issued_under_its_own_title_is_named_whole() -> None:
    r = extract_report(
        _doc(
            "某县住房和城乡建设局2026年上半年政务公开工作总结\n"
            "一、主要做法\n我局制定了《某县住房和城乡建设局政府信息公开保密审查制度》，落实实名制管理制度，"
            "全面落实首问负责制、限时办结制、一次性告知制三项制度。\n"
        )
    )
    assert r.fields.named_systems == [
        "《某县住房和城乡建设局政府信息公开保密审查制度》",
        "实名制管理制度",
        "首问负责制",
        "限时办结制",
        "一次性告知制",
    ]


def test_numbered_section_headings_bound_the_facts_and_the_requests() -> None:
    f = extract_complaint(
        _doc(
            "投诉书\n\n某县劳动保障监察大队：\n"
            "本人林志明，男，电话13959627183，现住某县绥安镇府前街8号。\n"
            "一、被投诉单位\n名称：某县绿野兰花生物科技有限公司\n地址：某县官浔镇园区大道12号\n"
            "二、事实经过\n本人于2021年3月入职该公司任技术员，月薪15000元。2024年1月起公司停发工资，"
            "3月29日口头通知本人不必再来上班，未支付任何经济补偿。\n"
            "三、陈情事项\n1.责令该公司支付拖欠本人2024年1月至3月的工资45000元；\n"
            "2.责令该公司依法支付解除劳动合同经济补偿金45000元。\n"
            "四、其他说明\n本人尚未申请劳动仲裁，亦未向法院提起诉讼。\n"
            "陈情人：林志明\n2024年4月19日\n"
        )
    )
    assert f.facts.startswith("本人于2021年3月入职该公司任技术员") and f.facts.endswith("未支付任何经济补偿。")
    assert f.requests == [
        "责令该公司支付拖欠本人2024年1月至3月的工资45000元",
        "责令该公司依法支付解除劳动合同经济补偿金45000元",
    ]
    assert f.prior_proceedings == "none"


@pytest.mark.parametrize(
    "request_text",
    [
        "认定我们和站点公司的劳动关系",  # 认定, not only 确认
        "支付未签合同的双倍工资",  # 合同 without 劳动
        "按我母亲干了八年，给八个月工资的经济补偿",  # severance by its measure
        "責令該公司依法支付解除勞動合同經濟補償金",  # traditional characters
    ],
)
def test_requests_only_a_dispute_body_decides_are_sent_there(request_text: str) -> None:
    from datetime import date

    from rules.calendar import load_calendar
    from rules.complaint_engine import evaluate_complaint
    from rules.loader import load_rules
    from schemas.models import ComplaintFields

    fields = ComplaintFields(requests=[request_text])
    flags, _ = evaluate_complaint(fields, [], load_rules(), load_calendar(), date(2026, 5, 6), None, text=request_text)
    assert "complaint.dispute_route" in {f.rule_id for f in flags}


@pytest.mark.parametrize(
    ("told", "address"),
    [
        ("我叫石永强，老家是四川省南充市蓬安县河舒镇，在外面搞建筑二十多年了。", "四川省南充市蓬安县河舒镇"),
        ("问：你住哪里？\n答：我住杨村街道光明路富民里7号楼，租的房子。", "杨村街道光明路富民里7号楼"),
    ],
)
def test_a_home_told_as_a_hometown_or_in_an_answer_is_the_complainants_address(told: str, address: str) -> None:
    f = _letter(f"{told}\n我在宏宇物业当保安，公司欠我6月、7月工资8400元。请领导帮我把工资要回来。")
    assert f.complainant.address == address


def test_staying_in_hospital_is_no_address() -> None:
    f = _letter("我叫何大贵，电话13550781234。我住院治疗了半个月，砖厂老板欠我工钱9600元。请领导帮我把钱要回来。")
    assert f.complainant.address is None


def test_a_lead_in_to_the_listed_promises_is_not_itself_a_commitment() -> None:
    r = extract_report(
        _doc(
            "某县医疗保障局2025年政府信息公开工作年度报告\n"
            "六、存在的主要问题及改进情况\n"
            "2025年我局政府信息公开工作还存在一些不足。2026年，我局将从以下方面加以改进：\n"
            "一是2026年6月底前完成全县定点医药机构信息公开目录的更新。\n"
            "二是要进一步加大政策解读力度，不断提升公开质量。\n"
        )
    )
    texts = [c.text for c in r.commitments]
    assert not any(t.endswith("加以改进：") or t.endswith("加以改进") for t in texts)
    assert any("定点医药机构信息公开目录" in t for t in texts)
