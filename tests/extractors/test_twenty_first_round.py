"""What the twenty-first round's read sets (14h, realdocs25's odd half) showed (issue 12): a masked name is no
name, rectification tables whose rows say who does what by when, an office named after a time clause, a
practice told with 全部在…内, 及时 as no cadence unless after its event, a county's plan cited as a town's own
basis, Mongolian names between a title and a duty, the Gregorian calendar named in a date, a shop's sign in
quotation marks, a boss over a site, agents listed under a colon, counts of villagers, humble kinship words,
adapted copies. Texts invented for the test."""

from __future__ import annotations

from datetime import date

from extractors.complaint.dates import dated_periods
from extractors.normalize import normalize_text
from extractors.report import extract_report
from extractors.report.commitments import find_timing
from extractors.report.tasks import task_rows
from schemas.models import ParsedDocument


def _doc(text: str) -> ParsedDocument:
    return ParsedDocument(text=normalize_text(text), format="txt", pages=1)


def _letter(text: str):  # type: ignore[no-untyped-def]
    from extractors.complaint import extract_complaint

    return extract_complaint(_doc(text), models=True)


# ------------------------------------------------------------------------------------------------ letters


def test_a_masked_name_is_no_name_and_the_name_written_out_is() -> None:
    post = (
        "留言人：赵**　　留言时间：2026-05-11 20:14\n"
        "留言内容：\n"
        "领导您好！我叫赵**，男，今年38岁，在县城东的恒通物流有限公司当分拣员，公司从今年2月起拖欠我工资"
        "三个月共13500元，请领导帮我讨回工资。\n"
    )
    assert _letter(post).complainant.name is None  # the page masked it: the office still has to ask for it
    named = post.replace("我叫赵**，", "我叫赵德胜，")
    assert _letter(named).complainant.name == "赵德胜"


def test_the_gregorian_calendar_named_keeps_the_relative_year() -> None:
    letter = date(2026, 3, 4)
    text = "前年开春我就在店里干。从去年阳历十一月开始，老板就说生意不好，工资先压着。"
    found = [(p[0], p[5]) for p in dated_periods(text, letter)]
    assert (date(2025, 11, 1), "since") in found
    assert not any(p[0].year == 2024 and p[0].month == 11 for p in dated_periods(text, letter))


def test_a_shops_sign_in_quotation_marks_where_the_writer_worked_is_the_employer() -> None:
    fields = _letter(
        "尊敬的领导：\n俺叫马秀兰，今年五十了，俺家住城北老棉纺厂家属院。前年秋天俺上镇上那个“老马家羊汤”后厨当帮厨，"
        "说好一个月两千八，从去年十月到今年一月的工资一共一万一千二百块一直没给。俺就想让老板把钱给俺。\n"
        "马秀兰\n2026年3月2日\n"
    )
    assert fields.complainant.employer == "老马家羊汤"
    assert fields.complainant.address == "城北老棉纺厂家属院"


def test_a_mother_of_two_is_a_woman() -> None:
    fields = _letter(
        "领导：\n我叫田桂香，是俩孩子的妈，在县城南的兴旺饭店洗碗，老板从今年5月起欠我工资4200元不给。请领导帮我要回工钱。\n"
        "田桂香\n2026年9月1日\n"
    )
    assert fields.complainant.gender == "女"


def test_a_boss_who_hired_the_worker_is_the_employer_the_site_where_he_worked() -> None:
    fields = _letter(
        "领导你们好：\n我叫吴金山，今年五十一了，去年跟到一个姓邓的包工头在县城西的锦苑小区那个安置房工地做小工，"
        "邓老板说一天280块，月底结。后头邓老板就不给钱了，8月份的工钱5600块一直没给。我就想请你们帮我找邓老板把工钱要回来。\n"
        "吴金山\n2026年10月20日\n"
    )
    assert fields.complainant.employer == fields.respondent.name
    assert fields.complainant.employer != "安置房工地"


def test_agents_listed_under_a_colon_are_no_requests_and_villagers_are_counted() -> None:
    fields = _letter(
        "某镇某村民委员会\n关于我村村民被拖欠工资的情况反映\n县劳动保障监察大队：\n"
        "我村村民杨春生、李国庆等7人于2025年9月到邻县的丰收果业有限公司摘苹果，约定每天150元，"
        "该公司至今拖欠7名村民工资共21000元。村民们至今未申请过调解和仲裁。经村民会议推举，杨春生作为代表，"
        "并委托以下二人为代理人，代为向贵大队投诉：\n"
        "1.周正明，村民委员会主任，电话13987600001；\n"
        "2.何秀英，村妇联主席，电话13987600002。\n"
        "恳请贵大队：\n"
        "（一）责令丰收果业有限公司支付拖欠7名村民的工资21000元；\n"
        "（二）依法查处该公司的违法行为。\n"
        "某村民委员会\n2026年1月8日\n"
    )
    assert fields.requests == ["责令丰收果业有限公司支付拖欠7名村民的工资21000元", "依法查处该公司的违法行为"]
    assert fields.complainant_count == 7


def test_a_brother_called_by_the_humble_form_is_the_worker() -> None:
    fields = _letter(
        "尊敬的领导：\n我叫郑丽华，是郑国强的姐姐。舍弟郑国强读书不多，托我代他写这封信。\n"
        "舍弟郑国强，男，在城关镇的兴达建材有限公司开叉车，公司从2025年8月起拖欠他工资共计18000元。\n"
        "恳请贵大队责令该公司支付拖欠的工资。\n郑丽华\n2026年2月3日\n"
    )
    assert fields.complainant.name == "郑国强"
    assert [a.name for a in fields.agents] == ["郑丽华"]


def test_a_traditional_character_letters_facts_of_several_paragraphs_are_given_as_written() -> None:
    from pipeline.analyse import _written_values

    written = "廠裡欠錢。\n老闆不給。"
    text = "厂里欠钱。\n老板不给。"
    assert _written_values("厂里欠钱。\n老板不给。", text, written) == written
    apart, apart_written = "厂里欠钱。\n\n老板不给。", "廠裡欠錢。\n\n老闆不給。"  # paragraphs with a line between
    assert _written_values({"facts": "厂里欠钱。\n老板不给。"}, apart, apart_written) == {"facts": written}


# ------------------------------------------------------------------------------------------------ reports

_RECTIFICATION = (
    "某县文化广电和旅游局\n2025年政务公开自查报告\n"
    "一、基本情况\n今年以来，我局通过县政府网站主动公开信息86条。副局长巴特尔分管政务公开工作，办公室主任刘芳具体负责。\n"
    "二、存在的问题及整改措施\n经自查，存在的问题和整改措施如下表：\n"
    "序号\t存在问题\t整改措施\t责任股室\t完成时限\t整改进展\n"
    "1\t文物保护信息更新不及时\t每季度首月10日前在专栏更新文物保护工作动态\t文物股\t每季度\t持续推进\n"
    "2\t政策解读形式单一\t对新出台的政策文件补充制作图解解读\t办公室\t2025年12月31日\t整改中\n"
    "3\t公开指南未及时修订\t修订政府信息公开指南并重新公开\t办公室\t2025年10月31日前\t已完成\n"
    "三、下一步工作\n下一步，我局将进一步提高认识，推动政务公开工作再上新台阶。\n"
    "某县文化广电和旅游局\n2025年11月20日\n"
)


def test_a_rectification_tables_rows_are_promises_with_their_owner_and_deadline() -> None:
    report = extract_report(_doc(_RECTIFICATION))
    by_text = {c.text: c for c in report.commitments}
    first = by_text["每季度首月10日前在专栏更新文物保护工作动态"]
    assert (first.responsible, first.cadence) == ("文物股", "quarterly")
    second = by_text["对新出台的政策文件补充制作图解解读"]
    assert (second.responsible, second.cadence, second.schedule) == ("办公室", "once", "2025年12月31日")
    assert "修订政府信息公开指南并重新公开" not in by_text  # reported done: nothing promised
    assert report.fields.stated_shortcomings == ["文物保护信息更新不及时", "政策解读形式单一", "公开指南未及时修订"]
    assert ("巴特尔", "副局长") in [(p.name, p.role) for p in report.fields.responsible_persons]
    for c in report.commitments:
        assert report.sentences and _doc(_RECTIFICATION).text[c.evidence.start : c.evidence.end] == c.text


def test_a_pdfs_wrapped_table_row_is_read_from_both_ends() -> None:
    text = (
        "序号 存在问题 整改措施 责任单位 完成时限\n"
        "1 信息更新慢 每月5日前在县政府网站专栏公开\n"
        "上月行政处罚信息 法规股 每月\n"
        "2 解读偏少 补充发布解读材料 办公室 2025年9月底前\n"
        "三、下一步工作\n"
    )
    rows = task_rows(text, [])
    assert [(r.text("problem"), r.text("measure"), r.text("owner"), r.text("deadline")) for r in rows] == [
        ("信息更新慢", "每月5日前在县政府网站专栏公开上月行政处罚信息", "法规股", "每月"),
        ("解读偏少", "补充发布解读材料", "办公室", "2025年9月底前"),
    ]


def test_an_office_after_a_time_clause_answers_and_a_practice_is_no_promise() -> None:
    report = extract_report(_doc(
        "某县应急管理局\n2025年上半年工作总结\n"
        "一、工作开展情况\n上半年共检查生产经营单位120家，查处违法行为23起，行政处罚信息全部在作出决定之日起7个工作日内在网站公示。\n"
        "二、下半年工作打算\n（一）汛期每周一，由防汛抗旱办公室通过微信公众号发布防汛风险提示。\n"
        "某县应急管理局\n2025年7月5日\n"
    ), models=True)
    assert [(c.responsible, c.cadence) for c in report.commitments] == [("防汛抗旱办公室", "weekly")]


def test_timely_alone_is_no_cadence() -> None:
    assert find_timing("进一步畅通服务热线，及时回应群众关切").cadence is None
    assert find_timing("对重大违法行为作出处罚决定之日起20个工作日内公布").cadence == "ad_hoc"


def test_a_plan_of_another_district_cited_as_the_basis_is_a_foreign_reference() -> None:
    from rules.loader import load_rules
    from rules.report_foreign import find_foreign_references

    params = load_rules()["report.foreign_reference"].params
    text = "2025年，某某街道全面落实《静海区2025年政务公开工作要点》各项任务，持续推进五公开。"
    found = find_foreign_references(text, "宝坻区某某街道办事处", params)
    assert found and "静海区" in found[0].message
    assert not find_foreign_references(text.replace("静海区", "宝坻区"), "宝坻区某某街道办事处", params)


def test_a_committee_is_no_persons_name() -> None:
    report = extract_report(_doc(
        "某镇人民政府\n2025年政务公开工作总结\n各村明确一名村务监督委员会主任负责村务公开监督。镇党委副书记王建平分管政务公开工作。\n"
        "某镇人民政府\n2025年12月28日\n"
    ))
    assert [p.name for p in report.fields.responsible_persons] == ["王建平"]


def test_a_festival_of_a_stated_year_keeps_that_year() -> None:
    fields = _letter(
        "领导您好：\n我叫罗大贵，男，45岁。2021年重阳的时候，我到仁怀市某某酒业有限公司当烤酒工，讲好一个月6000块。"
        "我从重阳那天开始干，一直干到当年腊月十八厂里放假，老板还差我18000块工资没给。请领导帮我要回工资。\n"
        "罗大贵\n2024年6月3日\n"
    )
    assert (fields.violation_start, fields.violation_end) == (date(2021, 10, 14), date(2022, 1, 20))


def test_a_representatives_own_row_gives_their_phone_not_the_forwarders_contact() -> None:
    fields = _letter(
        "县总工会关于某路桥公司拖欠农民工工资的函\n县劳动保障监察大队：\n"
        "某路桥建设有限公司拖欠3名筑路工人2024年3月至6月工资共54000元。工人推举杨通明为代表。"
        "请贵大队依法责令该公司支付拖欠的工资。\n"
        "联系人：县总工会权益保障部　潘晓燕　　电话：0855-6622418\n"
        "县总工会\n2024年8月2日\n"
        "序号\t姓名\t性别\t联系电话\t欠薪金额（元）\n"
        "1\t杨通明\t男\t15885524716\t18000\n2\t吴正华\t男\t18785507342\t18000\n3\t潘光荣\t男\t13595526180\t18000\n"
    )
    assert fields.complainant.name == "杨通明"
    assert fields.complainant.phone == "15885524716"


def test_shortcomings_listed_in_one_clause_are_the_reports_own_not_an_inspections_findings() -> None:
    plan = (
        "某市人力资源和社会保障局\n2026年政务公开工作要点\n"
        "2025年，我局通过门户网站主动公开信息318条，但对照上级要求，仍存在政策解读针对性不强、基层公开栏更新不及时等问题。"
        "现制定本要点。\n一、重点任务\n（一）每季度结束后10个工作日内由就业股公开补贴发放情况。\n"
        "某市人力资源和社会保障局\n2025年12月20日\n"
    )
    assert extract_report(_doc(plan)).fields.stated_shortcomings == ["政策解读针对性不强", "基层公开栏更新不及时"]
    found = plan.replace("但对照上级要求，仍存在", "检查发现部分企业存在")
    assert extract_report(_doc(found)).fields.stated_shortcomings == []


def test_another_countys_organ_spoken_as_the_bodys_own_is_a_foreign_reference() -> None:
    from rules.loader import load_rules
    from rules.report_foreign import find_foreign_references

    params = load_rules()["report.foreign_reference"].params
    text = "一、主要工作\n今年1至9月，我局政务公开目录已报金寨县政府办备案，全年公开信息126条。\n"
    found = find_foreign_references(text, "霍山县人力资源和社会保障局", params)
    assert found and "金寨县" in found[0].message
    visit = "一、主要工作\n今年9月，我局赴金寨县人力资源和社会保障局学习政务公开工作经验。\n"
    assert not find_foreign_references(visit, "霍山县人力资源和社会保障局", params)
    town_only = "一、主要工作\n我镇通过于都县人民政府网站禾丰镇专栏公开信息52条。\n"
    assert not find_foreign_references(town_only, "禾丰镇人民政府", params)  # the body's county unknown: no sign
