"""What the twentieth round's read sets (14f, 14g) showed (issue 12): a letter that went nowhere said in the
way people say it, a visit to ask that is no proceeding, an address in brackets with a landmark, the person a
writer complains about, a job told as the day's tasks, and work points that say who answers for each item in
a bracket after it. Texts invented for the test."""

from __future__ import annotations

from extractors.complaint.proceedings import classify
from extractors.normalize import normalize_text
from extractors.report import extract_report
from schemas.models import ParsedDocument


def _doc(text: str) -> ParsedDocument:
    return ParsedDocument(text=normalize_text(text), format="txt", pages=1)


def _letter(text: str):  # type: ignore[no-untyped-def]
    from extractors.complaint import extract_complaint

    return extract_complaint(_doc(text), models=True)


def test_gone_nowhere_is_none_and_not_knowing_where_to_go_says_nothing() -> None:
    assert classify("我们没去哪里告过") == "none"
    assert classify("俺也没找过别人") == "none"
    assert classify("这个事我们还没有找过哪个部门") == "none"
    assert classify("我不知道该找哪里") is None  # the writer's silence on it: still to be asked
    assert classify("也不知道要去哪里申请") is None


def test_asking_at_an_office_and_a_routing_note_are_no_proceeding() -> None:
    assert classify("投诉人于2025年3月2日到县劳动人事争议仲裁委员会窗口咨询过") is None
    assert classify("仲裁院阅") is None
    assert classify("2024年5月向县仲裁委申请了劳动仲裁") == "arbitration"


_LETTER = (
    "投诉书\n"
    "投诉人：罗春梅，女，1979年6月生，住石门县新关镇桃源村四组，电话13907361542。\n"
    "{work}"
    "请求：责令客栈支付拖欠我的工资7800元。\n"
    "投诉人：罗春梅\n2026年10月9日\n"
)


def test_an_address_in_brackets_after_the_employer_keeps_its_landmark() -> None:
    fields = _letter(
        _LETTER.format(work="2026年4月起我在云溪客栈（慈利县零阳镇溪口村，游客中心北边）做事，7月至9月的工资"
                       "7800元老板一直不给。\n")
    )
    assert fields.respondent.name == "云溪客栈"
    assert fields.respondent.address == "慈利县零阳镇溪口村，游客中心北边"


def test_a_job_told_as_the_days_tasks_is_the_occupation() -> None:
    fields = _letter(
        _LETTER.format(work="2026年4月起我在云溪客栈做事，我每天铺床叠被、拖地擦窗、给客人烧水，7月至9月的工资"
                       "7800元老板一直不给。\n")
    )
    assert fields.complainant.occupation == "铺床叠被、拖地擦窗、给客人烧水"


def test_a_schedule_is_no_job() -> None:
    fields = _letter(
        _LETTER.format(work="2026年4月起我在云溪客栈做事，我每天早上六点上班、晚上十点下班，7月至9月的工资"
                       "7800元老板一直不给。\n")
    )
    assert fields.complainant.occupation != "早上六点上班、晚上十点下班"


def test_the_person_a_writer_complains_about_is_the_employer() -> None:
    fields = _letter(
        "领导：\n我叫覃永福，是都安县下坳乡人，电话13878842310。我要告的是蓝贵生，就是带我们去南宁那边搞装修的"
        "包工头。今年三月到六月我跟着他在南宁一个小区里刷墙，讲好一天二百八，到现在还差我一万二千四百块。"
        "求领导帮我把钱要回来。\n覃永福\n2026年8月3日\n"
    )
    assert fields.complainant.employer == "蓝贵生"
    assert fields.respondent.name == "蓝贵生"


def test_a_workshop_with_no_sign_is_recorded_by_its_owner() -> None:
    fields = _letter(
        "尊敬的领导：\n我叫彭家旺，家住邵东县廉桥镇石山村，电话13575213368。2024年正月，我到镇上一家编织袋作坊"
        "做工，作坊没挂牌子，也没办执照，老板就是谢长根本人。干到2025年腊月，谢长根欠我工资一万六千元不给。"
        "请求领导责令他支付。\n彭家旺\n2026年3月2日\n"
    )
    assert fields.complainant.employer == "谢长根"
    assert fields.respondent.name == "谢长根"


_WORK_POINTS = (
    "桑植县人力资源和社会保障局2027年政务公开工作要点\n"
    "为做好2027年政务公开工作，局党组成员、副局长田国庆分管政务公开工作，局办公室主任向丽具体负责，"
    "各股室明确1名信息员。现将工作要点明确如下：\n"
    "一、加强重点领域信息公开\n"
    "（一）就业信息。每月10日前在县政府门户网站人社局专栏公开上月就业补贴资金发放情况。（责任单位：县就业服务中心）\n"
    "（二）社保信息。每季度结束后15日内公开城乡居民养老保险待遇发放情况。（责任单位：县社会保险事业局、办公室）\n"
    "（三）12333热线每月汇总群众咨询热点问题，于次月5日前在局专栏发布热点问答。（责任单位：办公室）\n"
    "二、加强政策解读\n"
    "要进一步丰富政策解读形式，不断提升解读质量。\n"
    "（四）每季度末由劳动关系股、社会保险股各在局专栏公开1期政策图解。\n"
    "桑植县人力资源和社会保障局\n2026年12月20日\n"
)


def test_the_bracket_after_an_item_says_who_answers_for_it_and_is_no_item_of_its_own() -> None:
    report = extract_report(_doc(_WORK_POINTS), models=True)
    owners = {c.text[:12]: c.responsible for c in report.commitments}
    assert owners["每月10日前在县政府门户网站"[:12]] == "县就业服务中心", owners
    assert any(r == "县社会保险事业局、办公室" for r in owners.values()), owners
    assert not any(c.text.startswith("（责任单位") for c in report.commitments)
    assert not any("责任单位" in s for s in report.fields.stated_shortcomings)  # the 问题 of 热点问题 heads nothing


def test_a_promise_no_one_is_named_in_falls_to_the_leader_over_disclosure() -> None:
    report = extract_report(_doc(_WORK_POINTS), models=True)
    vague = next(c for c in report.commitments if c.text.startswith("要进一步丰富政策解读形式"))
    assert vague.responsible == "田国庆"
    listed = next(c for c in report.commitments if "1期政策图解" in c.text)
    assert listed.responsible == "劳动关系股、社会保险股"


def test_where_the_employers_premises_stand_is_its_address() -> None:
    fields = _letter(
        "尊敬的领导：\n我叫黄庆林，男，1968年生，住于都县段屋乡寒信村，电话13970712284。我是赣州市恒达建筑劳务有限"
        "公司的钢筋工，2025年3月起在县城金桂苑工地干活。恒达劳务的办公室在赣州市章贡区长征大道北段，我没去过。"
        "公司欠我2025年8月至12月工资四万一千元。请求责令该公司支付。\n黄庆林\n2026年2月10日\n"
    )
    assert fields.respondent.name == "赣州市恒达建筑劳务有限公司"
    assert fields.respondent.address == "赣州市章贡区长征大道北段"
    # a vague place is no address
    vague = _letter(
        "领导您好：我叫孙丽，女，32岁，电话13834561270，住小店区北格镇张花村。2025年我在太原市云朵传媒有限公司做主播，"
        "公司在小店区的一个写字楼里，欠我三个月提成一万八千元，请求责令公司支付。\n孙丽\n2026年1月5日\n"
    )
    assert vague.respondent.address is None


def test_a_wage_sheets_signature_table_is_a_roster() -> None:
    fields = _letter(
        "投诉书\n县劳动保障监察大队：\n我们是通辽市科尔沁区金穗米业有限公司包装车间的五名临时工，公司拖欠我们2025年10月至"
        "12月工钱共计六万一千元。经大家推举，由韩秀兰作为我们的代表。\n"
        "请求：责令公司支付拖欠的工钱。\n"
        "代表韩秀兰，住科尔沁区木里图镇前进村，电话15147531862\n"
        "序号\t姓名\t身份证号\t出工天数\t欠款（元）\t签名（按手印）\n"
        "1\t韩秀兰\t150502196903152444\t80\t12800\t韩秀兰（手印）\n"
        "2\t赵德明\t150502197011020010\t78\t12480\t赵德明（手印）\n"
        "3\t白玉珍\t150502197207214028\t80\t12800\t白玉珍（手印）\n"
        "2026年1月8日\n"
    )
    assert fields.complainant.name == "韩秀兰"
    assert fields.complainant.id_number == "150502196903152444"
    assert fields.complainant.gender == "女"


def test_a_rule_issued_under_its_own_title_is_a_named_system() -> None:
    report = extract_report(
        _doc(
            "桑植县司法局2026年上半年政务公开工作总结\n"
            "一、主要做法\n今年以来，我局制定了《桑植县司法局政务公开工作考核办法》和《信息发布审核实施细则》，"
            "严格落实首问负责制。\n桑植县司法局\n2026年7月10日\n"
        ),
        models=True,
    )
    systems = report.fields.named_systems
    assert "《桑植县司法局政务公开工作考核办法》" in systems and "《信息发布审核实施细则》" in systems, systems
    assert "首问负责制" in systems
