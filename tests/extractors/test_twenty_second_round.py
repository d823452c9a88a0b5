"""What the twenty-second round's read sets (14i, realdocs26's odd half) showed (issue 12): a version mark above
a resubmitted report's title, the statutory application table read from a PDF's text layer, offices of any
name as who does a promise, 发布 and an event's hours, a county of the office's own city written without its
city, an island named like a county, two-digit years and lunar days in a story, a receipt stamp under a
forwarded letter, a relative named in brackets, label lines over numbered items. Texts invented for the test."""

from __future__ import annotations

from datetime import date

import pytest

from extractors.complaint.datewords import resolve_dates
from extractors.report import extract_report
from extractors.report.commitments import office_at
from rules.jurisdiction import parse_division
from rules.report_totals import find_totals_mismatches
from tests.extractors.letters import doc as _doc
from tests.extractors.letters import letter as _letter

# ------------------------------------------------------------------------------------------------ reports


_RESUBMITTED = (
    "（修订稿）\n"
    "临川县交通运输局2026年第一季度政务公开工作情况报告\n"
    "县政务公开办：\n"
    "　　一季度，我局在县政府网站交通专栏主动公开信息86条。\n"
    "　　下一步，局办公室每月5日前在专栏公开上月行政许可办理情况。\n"
    "临川县交通运输局\n"
    "2026年4月8日\n"
)


def test_a_version_mark_above_the_title_is_no_part_of_the_title_or_the_body() -> None:
    fields = extract_report(_doc(_RESUBMITTED)).fields
    assert fields.title == "临川县交通运输局2026年第一季度政务公开工作情况报告"
    assert fields.agency == "临川县交通运输局"


def test_the_application_tables_total_is_checked_in_a_pdfs_space_separated_rows() -> None:
    rows = (
        "三、收到和处理政府信息公开申请情况\n"
        "（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和） 自然人 法人或其他组织 总计\n"
        "一、本年新收政府信息公开申请数量 9 1 10\n"
        "二、上年结转政府信息公开申请数量 0 0 0\n"
        "三、本年度办理结果（一）予以公开 4 1 5\n"
        "（二）部分公开（区分处理的，只计这一情形，不计其他情形） 1 0 1\n"
        "（三）不予公开 1 0 1\n"
        "（四）无法提供 1 0 1\n"
        "（五）不予处理 0 0 0\n"
        "（六）其他处理 0 0 0\n"
        "（七）总计 8 1 9\n"
        "四、结转下年度继续办理 1 0 1\n"
    )
    found = find_totals_mismatches(rows, {"tolerance": 0.001, "min_items": 3})
    assert [f.message for f in found] == ["办理结果（七）总计的第1个数为8，各项办理结果之和为7"]
    fixed = rows.replace("（七）总计 8 1 9", "（七）总计 7 1 8")
    fixed = fixed.replace("结转下年度继续办理 1 0 1", "结转下年度继续办理 2 0 2")
    assert find_totals_mismatches(fixed, {"tolerance": 0.001, "min_items": 3}) == []


@pytest.mark.parametrize(
    ("text", "office"),
    [
        ("政策法规股同步制作图解材料", "政策法规股"),
        ("城乡规划和建设监管股于6月30日前公开", "城乡规划和建设监管股"),
        ("县社会保险事业服务中心在专栏公开", "县社会保险事业服务中心"),
        ("局办公室每周一汇总热线诉求", "局办公室"),
        ("执法大队继续落实公示要求", "执法大队"),
        ("各乡镇卫生院在公示栏公开", "各乡镇卫生院"),
        ("局专栏公开全县项目", None),  # no office's name ends the run
        ("县政府门户网站每月公开", None),  # a website ends like a station
        ("邀请企业代表走进人社局", None),  # a sentence that starts with a verb
        ("副局长孙明督办", None),  # 督办 is what is done
    ],
)
def test_an_office_of_any_name_is_found_where_its_name_ends(text: str, office: str | None) -> None:
    assert office_at(text) == office


def test_offices_named_as_subjects_or_after_you_answer_for_the_promises() -> None:
    report = extract_report(_doc(
        "临川县住房和城乡建设局2026年政务公开工作要点\n"
        "一、重点工作\n"
        "1.重要政策文件印发后5个工作日内，由政策法规股同步制作图解解读材料。\n"
        "2.城乡规划和建设监管股于2026年6月30日前在局专栏公开全县在建项目名单。\n"
        "3.对依申请公开事项，法规股在收到申请之日起15个工作日内提出答复意见，报分管领导审签。\n"
        "4.重大突发事件信息在事件发生后24小时内由县应急管理中心通过政务微博发布。\n"
        "临川县住房和城乡建设局\n"
        "2026年1月20日\n"
    ), models=True)
    owners = {c.text[:6]: (c.responsible, c.cadence) for c in report.commitments}
    assert owners["重要政策文件"] == ("政策法规股", "ad_hoc")
    assert owners["城乡规划和建"] == ("城乡规划和建设监管股", "once")
    assert owners["对依申请公开"][0] == "法规股"  # not 审签, what the leader does
    assert owners["重大突发事件"] == ("县应急管理中心", "ad_hoc")


def test_label_lines_over_numbered_items_part_shortcomings_from_plans() -> None:
    report = extract_report(_doc(
        "新河乡2025年政府信息公开工作年度报告\n"
        "五、存在的主要问题及改进情况\n"
        "存在问题：\n"
        "1.部分信息公开不够及时。\n"
        "2.公开形式的多样性需要进一步提高。\n"
        "改进措施：\n"
        "1.对涉及群众利益的事项做到及时整理、及时公开。\n"
        "2.进一步拓宽公开渠道，用好村务公开栏。\n"
        "新河乡人民政府\n"
        "2026年1月15日\n"
    ))
    texts = [c.text for c in report.commitments]
    assert not any("多样性" in t for t in texts)  # a shortcoming listed under 存在问题, not a promise
    assert any(t.startswith("对涉及群众利益的事项") for t in texts)


def test_important_is_no_promise_of_the_future() -> None:
    report = extract_report(_doc(
        "临川县医疗保障局2025年政务公开工作总结\n"
        "一、工作开展情况\n"
        "我局始终把政务公开作为建设服务型机关的重要抓手，通过门户网站、微信公众号等渠道及时发布医保政策信息。\n"
        "临川县医疗保障局\n"
        "2025年12月30日\n"
    ))
    assert report.commitments == []


# ------------------------------------------------------------------------------------------------ letters


def test_an_island_named_like_a_county_elsewhere_is_no_county() -> None:
    assert parse_division("秀山岛上的浙江某船舶修造有限公司") is None


def test_two_digit_years_and_lunar_days_date_the_story() -> None:
    letter = date(2025, 3, 1)
    said, _ = resolve_dates("22年那个冬天，阴历十月初八，老板上屯子找人", letter, 2024)
    assert "2022年11月1日" in said
    said, _ = resolve_dates("一直干到23年正月十五，塔停了我才回的家。", letter, 2024)
    assert "2023年2月5日" in said and "23年2023" not in said
    said, _ = resolve_dates("我一直干到前年春节前，腊月二十三小年那天放了假", date(2025, 5, 20), 2022)
    assert "2023年1月14日" in said  # the 腊月 before 2023's 春节


def test_the_brigades_receipt_stamp_under_a_forwarded_letter_is_the_received_date() -> None:
    fields = _letter(
        "临川县信访局\n信访事项转送函\n"
        "|信访人|周某|来信日期|2024年4月8日|\n|登记日期|2024年4月15日|信访件编号|LC2024041500101|\n"
        "县人力资源和社会保障局：现将信访人来信转去，请依法处理。\n#page\n"
        "尊敬的领导：\n我叫周秀英，女，今年五十八岁，住临川县某镇某村，电话13907341122。2023年7月到12月我在县城的"
        "康宁养老院当护理员，院长曾某一直拖欠我工资14000元不给。恳请领导帮我要回工资。\n"
        "周秀英\n2024年4月8日\n临川县劳动保障监察大队 收件 2024.4.26\n"
    )
    assert fields.received_date == date(2024, 4, 26)


def test_a_relative_named_in_brackets_after_the_kinship_word_is_the_worker() -> None:
    fields = _letter(
        "尊敬的县领导：\n我叫潘小梅，家住某县某乡。2025年3月1日，父亲【潘先河】像往常一样和工友上山砍树，"
        "一根大树倒下砸中了我的父亲，包工头至今不肯出医药费，也不给工钱。恳请领导为我的父亲做主。\n"
        "潘小梅\n2025年4月2日\n"
    )
    assert fields.complainant.name == "潘先河"
    assert [a.name for a in fields.agents] == ["潘小梅"]


def test_a_pronoun_before_an_address_is_no_part_of_it() -> None:
    fields = _letter(
        "尊敬的县委书记：\n我叫刘志远，今年46岁，是咱蔚县南留庄镇东村人，电话15831360001。2025年5月到8月我在"
        "宣化区的宏远铸造有限公司当造型工，公司一共欠我工资19800元。恳请领导督促公司把工资结清。\n"
        "刘志远\n2025年11月3日\n"
    )
    assert fields.complainant.address == "蔚县南留庄镇东村"


def test_a_running_header_over_each_page_is_dropped_and_the_sentence_it_cut_is_whole() -> None:
    from extractors.normalize import normalize_pages

    pages = [
        ["临川县某镇人民政府", "2024年政务公开工作总结", "一、工作开展情况", "今年以来，我镇认真落实各项要求，"],
        ["临川县某镇2024年政务公开工作总结", "公开各类信息120条。", "二、存在的不足",
         "一是村级信息员多为兼职，业务水平参差不齐，"],
        ["临川县某镇2024年政务公开工作总结", "部分村公开内容不够规范。"],
    ]
    text, _starts = normalize_pages(pages)
    assert "工作总结" not in text.split("\n", 2)[2]  # the header is gone from the pages after the first
    assert "业务水平参差不齐，部分村公开内容不够规范。" in text


def test_a_rough_sum_gives_way_to_the_exact_one_beside_it() -> None:
    fields = _letter(
        "尊敬的领导：\n我叫韩桂芝，女，今年四十四岁，住临川县某镇某村，电话13804761234。2021年9月到2022年3月我在"
        "临川县锦华服饰有限公司当缝纫工，公司还欠我叁万肆仟陆佰元工资。\n"
        "我的请求：督促公司支付拖欠我的工资叁万肆仟陆佰元。\n"
        "领导，这三万多块钱是我们家的救命钱。\n韩桂芝\n2023年5月15日\n"
    )
    assert fields.amount_claimed_yuan == 34600


def test_in_a_letter_for_a_relative_each_number_is_whose_the_letter_says() -> None:
    fields = _letter(
        "尊敬的领导：\n我叫冉春林，是冉春花的亲哥哥，电话15826040001。我妹妹冉春花，女，1995年11月20日生，住某县某镇某村。"
        "她从小聋哑，这封信是我代她写的。她自己的手机号是18323070002，只能发短信。\n"
        "2023年4月起她在某县连康中药材有限公司当拣选工，公司拖欠她2023年9月至12月的工资共9600元。"
        "恳请领导督促公司支付拖欠她的工资9600元。\n冉春林\n2024年1月20日\n"
    )
    assert fields.complainant.name == "冉春花"
    assert fields.complainant.phone == "18323070002"
    assert [(a.name, a.phone) for a in fields.agents] == [("冉春林", "15826040001")]


def test_a_second_person_told_to_pay_after_a_sum_asked_for_is_a_second_request() -> None:
    fields = _letter(
        "领导：\n我叫宋大山，今年四十七了，家住某县某镇宋庄村，电话13903940001。去年在鹿邑县的聚福物流公司仓库当装卸工，"
        "从6月到11月的工钱一直没给，一共欠我21600块钱。\n"
        "我就想叫领导帮帮我把这21600块钱要回来，叫孙总把工钱给我结了，领导你们是为老百姓办事的，谢谢领导。\n"
        "宋大山\n2020年1月10日\n"
    )
    assert fields.requests == ["我就想叫领导帮帮我把这21600块钱要回来", "叫孙总把工钱给我结了"]


def test_a_form_of_address_gives_way_to_the_full_name_and_keeps_its_gender() -> None:
    fields = _letter(
        "市长信箱\n来信人\t李先生\n来信时间\t2025-08-06\n来信内容：\n市长您好！我是一名货车司机，叫李建华，家在某县城关镇，"
        "电话13807170001。2025年3月至6月我在某县顺达物流有限公司开车，公司拖欠我工资共计26000元。请领导督促公司支付拖欠的工资。\n"
    )
    assert fields.complainant.name == "李建华"
    assert fields.complainant.gender == "男"
