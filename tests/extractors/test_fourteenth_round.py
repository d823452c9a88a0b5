"""What the fourteenth round's documents showed (issue 12): who answers for a report's promises when the report
names one person over its disclosure work and another for a group's daily business; a numbered item's short
title that is no promise; a letter written for an uncle; a writer's village told as 某村村民; a group's home
town and its representative's own line. Texts invented for the test."""

from __future__ import annotations

import pytest

from extractors.complaint import extract_complaint
from extractors.normalize import normalize_text
from extractors.report import extract_report
from schemas.models import ParsedDocument


def _doc(text: str) -> ParsedDocument:
    return ParsedDocument(text=normalize_text(text), format="txt", pages=1)


def _letter(body: str):  # type: ignore[no-untyped-def]
    return extract_complaint(_doc(f"尊敬的领导：\n{body}\n2026年4月2日\n"), models=True)


def _report(duties: str, plans: str):  # type: ignore[no-untyped-def]
    return extract_report(
        _doc(
            f"某县农业农村局2025年机关效能建设工作总结\n一、加强组织领导\n{duties}\n"
            "二、主要成效\n全年办结审批事项312件，群众满意率99%。\n"
            f"三、下一步工作打算\n{plans}\n某县农业农村局\n2026年1月9日\n"
        ),
        models=True,
    )


@pytest.mark.parametrize(
    ("duties", "who"),
    [
        # the group's deputy head also in charge of disclosure, the office head of the group's daily business
        ("成立效能建设领导小组，局长韩立国任组长，副局长卢雪梅任副组长，分管机关效能建设和政务公开工作，"
         "办公室主任蔡永福具体负责日常工作。", "卢雪梅"),
        # a leader over the disclosure work and the one who does it: the one who does it
        ("2025年，我局由副局长卢雪梅分管政府信息公开工作，办公室主任蔡永福具体负责，严格落实保密审查制度。",
         "蔡永福"),
        # 具体分管 is 分管
        ("调整以局长韩立国为组长的领导小组，明确副局长卢雪梅具体分管效能建设工作，办公室负责日常协调。",
         "卢雪梅"),
    ],
)
def test_a_promise_naming_no_one_falls_to_whom_the_report_puts_over_its_disclosure_work(duties: str, who: str) -> None:
    report = _report(duties, "要进一步加大政策解读力度，不断提高公开质量。")
    vague = next(c for c in report.commitments if "政策解读" in c.text)
    assert vague.responsible == who


def test_a_bare_promise_falls_to_the_one_the_report_puts_in_charge_of_disclosure() -> None:
    report = extract_report(
        _doc(
            "某县住房和城乡建设局2026年5月政务公开工作月报\n一、基本情况\n"
            "本月政务公开工作由局党组成员、副局长樊志华分管，局办公室具体承办。\n"
            "本月在县政府网站公开信息23条。\n二、下一步工作\n进一步规范城建项目信息报送，提高信息发布质量。\n"
            "某县住房和城乡建设局\n2026年6月3日\n"
        ),
        models=True,
    )
    vague = next(c for c in report.commitments if "信息报送" in c.text)
    assert vague.responsible == "樊志华"


def test_a_numbered_items_short_title_is_not_a_promise() -> None:
    report = extract_report(
        _doc(
            "某区统计局政务公开专项行动自查整改报告\n一、自查情况\n经自查，栏目更新不及时。\n二、下一步工作打算\n"
            "1、持续加强学习。组织工作人员认真学习政务公开有关文件，做到问题早发现、早整改。\n"
            "2、提升公开质量。严格对照考评指标要求，及时准确发布工作信息，切实提高公开水平。\n"
            "某区统计局\n2026年3月2日\n"
        ),
        models=True,
    )
    texts = [c.text for c in report.commitments]
    assert not any(t.startswith(("持续加强学习", "提升公开质量")) for t in texts), texts
    assert any(t.startswith("组织工作人员认真学习") for t in texts), texts
    assert any(t.startswith("严格对照考评指标") for t in texts), texts


def test_a_letter_for_an_uncle_names_the_uncle_as_the_worker() -> None:
    f = _letter(
        "俺是杨集镇李楼村的李文博，今天是替俺叔李宝山写这封信。俺叔今年六十一了，没有手机，有事打俺电话"
        "15853011234。俺叔在镇上的宏兴木业看大门，厂里欠他2025年8月到11月的工资共7600元。请领导帮俺叔要回工钱。"
    )
    assert f.complainant.name == "李宝山"
    assert f.complainant.phone is None
    assert [(a.name, a.phone) for a in f.agents] == [("李文博", "15853011234")]
    assert f.complainant.gender == "男"


def test_a_writer_from_a_village_says_so_before_their_name() -> None:
    f = _letter(
        "我是灌南县新安镇东王村村民孙立强，男，电话15062112233。我在外县的鑫达板材厂干热压工，"
        "厂里拖欠我三个月工资12600元，请领导督促厂里发放。"
    )
    assert f.complainant.name == "孙立强"
    assert f.complainant.address == "灌南县新安镇东王村"


def test_a_groups_home_town_and_its_representatives_own_line() -> None:
    f = _letter(
        "我们是平昌县岩口镇的五个农民工，2025年3月跟着包工头到县城的安置房工地做钢筋，工地是巴州恒达建筑公司承建的，"
        "到现在还欠我们五个人工资共计86000元。恳请领导督促恒达公司支付工资。\n"
        "联名人：何志勇、何志刚、罗明全、王大春、李成\n"
        "代表：何志勇　电话13618201234\n"
        "委托代理人：何小兵（何志勇之子），电话13550012345"
    )
    assert f.complainant.name == "何志勇"
    assert f.complainant.address == "平昌县岩口镇"
    assert f.complainant.phone == "13618201234"


def test_a_cantonese_appeal_asks_for_its_wages_back_in_its_own_words() -> None:
    f = _letter(
        "我叫何玉娟，系蓬江区荷塘镇人，今年四十八岁。我喺荷塘镇嘅好运来酒家做楼面，人工一个月三千五蚊，"
        "五月同六月嘅人工都冇出俾我。\n我就想攞返五月同六月嘅七千蚊人工，同埋佢炒我鱿鱼要俾返补偿我。唔该晒领导。"
    )
    assert f.requests == ["我就想攞返五月同六月嘅七千蚊人工，同埋佢炒我鱿鱼要俾返补偿我"]
    assert f.amount_claimed_yuan == 7000


def test_a_vague_place_before_an_employers_name_is_not_part_of_it() -> None:
    f = _letter(
        "我叫汪秀兰，女，今年50岁，家住休宁县海阳镇秀阳村，电话13956211234。我在县城锦绣宾馆做客房服务员，"
        "宾馆欠我2025年10月到12月工资共7500元，我还没有找过别的部门。请领导帮我要回工资。"
    )
    assert f.complainant.employer == "锦绣宾馆"


@pytest.mark.parametrize(
    ("text", "kind"),
    [
        # a body's own plan for the coming year, its title run into a web page's first paragraph
        ("【2025年政务工作计划】计划是对工作进度和质量的考核标准，下面是本局2025年政务公开工作的安排。\n"
         "一、全面推进政务公开\n1、及时做好政府信息公开目录、指南的修订工作，全面公开、更新政府信息。\n"
         "2、建立健全政府信息公开工作机制和制度。\n", "work_report"),
        # a provincial notice on wage arrears: the higher body's assent, then its orders to the units addressed
        ("关于深入开展“无欠薪”行动的通知\n各市（州）人民政府，省政府各厅委办、各直属机构：\n"
         "为切实解决拖欠农民工工资问题，经省政府同意，现就有关事项通知如下：\n一、行动目标\n"
         "以解决工程建设领域农民工欠薪问题为重点，确保劳动者按时足额领取工资，不发生因欠薪引发的群体性事件。\n"
         "二、工作措施\n各地要健全欠薪源头预防机制，加大拖欠农民工工资违法行为查处力度。\n", "notice"),
    ],
)
def test_a_plan_of_ones_own_work_and_a_notice_on_wage_arrears_are_told_apart(text: str, kind: str) -> None:
    from extractors.classify import classify

    assert classify(normalize_text(text), models=True).doc_type.value == kind


@pytest.mark.parametrize(
    ("said", "name"),
    [
        ("这家店在城关镇人民路中段，门口招牌写的是“王记牛肉面”，老板姓王，大家都喊他王老板。", "王记牛肉面"),
        ("那个厂冇挂牌子，老板娘外号叫辣姐，大家都喊那里“辣姐厂”，她真名叫么子我也不晓得。", "辣姐厂"),
    ],
)
def test_an_employer_known_by_its_sign_or_the_name_people_call_it(said: str, name: str) -> None:
    f = _letter(
        f"我叫李春花，女，今年45岁，家住城关镇东门村，电话13807071234。{said}我在那里干了半年，"
        "2025年9月到11月的工资8400元一直没给，我还没有找过别的部门。求求领导帮我把工资要回来。"
    )
    assert f.complainant.employer == name
    assert f.respondent.name == name


def test_a_request_labelled_inside_a_paragraph() -> None:
    f = _letter(
        "我是2024年6月进的衡东县顺达物流有限公司，做夜班分拣，三个月工资一直没发。公司说等回款。希望有关部门能看到。"
        "我没去申请仲裁，也没去法院起诉。我的诉求：督促衡东县顺达物流有限公司尽快支付拖欠的三个月工资13,800元。"
    )
    assert f.requests == ["督促衡东县顺达物流有限公司尽快支付拖欠的三个月工资13,800元"]


def test_a_phone_typed_posts_half_width_full_stops_end_its_sentences() -> None:
    f = _letter(
        "去年8月我进了临泉县优品电子商务有限公司做客服,底薪2200+提成,说好每个月15号发上个月的工资.前面几个月都正常发."
        "今年1月和2月的工资到现在一分都没发!!!1月份应发3200,2月份应发3450,一共6650.2月28号我提了离职,人事说3月底一起结."
    )
    assert (str(f.violation_start), str(f.violation_end)) == ("2026-01-01", "2026-02-28")


def test_the_day_wages_fell_due_is_not_a_day_of_the_months_owed() -> None:
    f = _letter(
        "我叫韦明亮，男，电话13977012345。我在宾阳县飞达配送站送外卖，每月10日发上个月的工资。2025年9月的工资到10月10日"
        "没有发，站长说10月一起发；结果10月的工资到今天也没有发。10月31日我就离职了。请领导帮我要回两个月工资9600元。"
    )
    assert (str(f.violation_start), str(f.violation_end)) == ("2025-09-01", "2025-10-31")


def test_a_day_the_writer_found_the_money_still_unpaid_is_not_the_end_of_the_months_owed() -> None:
    f = _letter(
        "我叫方秀梅，女，今年51岁，电话13956271234。我在徽园宾馆做客房服务员。2023年11月开始，老板说生意不好，工资先欠着。"
        "11月、12月，还有2024年1月，三个月的工资一直没给，一共7800元。1月底我就不做了。老板答应3月31日前给我。"
        "到了3月底，钱还是没有给。请领导帮我要回工资。"
    )
    assert (str(f.violation_start), str(f.violation_end)) == ("2023-11-01", "2024-01-31")


@pytest.mark.parametrize(
    ("row", "kind"),
    [
        ("|是否已申请劳动争议仲裁或提起诉讼| |", None),  # left blank: the 否 of 是否 denies nothing
        ("|是否已申请仲裁或提起诉讼|□是　☑否|", "none"),
        ("|是否重复来电|否（来电人称此前未向其他部门反映）|", "none"),
    ],
)
def test_a_forms_question_about_proceedings_is_decided_by_its_answer(row: str, kind: str | None) -> None:
    from extractors.complaint.proceedings import classify

    question, answer = row.strip("|").split("|")
    assert classify(f"{question}\t{answer}".strip()) == kind


def test_agents_listed_on_the_lines_under_their_label() -> None:
    f = _letter(
        "我们是铜山区柳新镇锦绣服饰有限公司的14名车工，公司拖欠我们2026年8月至10月工资共计186,000元。\n"
        "推举代表：朱桂兰，女，车工，电话13852121234\n委托代理人：\n"
        "　　顾立明，江苏彭城律师事务所律师，电话0516-83721234\n　　王海波（朱桂兰之子），电话15152161234\n"
        "　　李　芳，柳新镇劳动保障所协理员，电话0516-83011234\n请求责令公司支付拖欠的工资。"
    )
    assert [a.name for a in f.agents] == ["顾立明", "王海波", "李芳"]
    assert f.agents[0].phone == "0516-83721234"


def test_agents_entrusted_in_a_table() -> None:
    text = normalize_text(
        "尊敬的领导：\n我们18名服装厂工人被拖欠工资，为方便办事，全体投诉人同时委托以下三人为委托代理人，代为反映情况：\n"
        "|姓名|身份|联系电话|\n|张建华|投诉人（裁床工）|13783471234|\n|李红梅|投诉人（质检员）|15893651234|\n"
        "|陈玉兰|投诉人之女|13603941234|\n\n请求责令工厂支付拖欠的工资。\n2026年3月2日\n"
        .replace("|", "\t")
        .replace("\n\t", "\n")
    )
    f = extract_complaint(ParsedDocument(text=text, format="txt", pages=1), models=True)
    assert [(a.name, a.phone) for a in f.agents] == [
        ("张建华", "13783471234"), ("李红梅", "15893651234"), ("陈玉兰", "13603941234")
    ]
