"""What the sixteenth round's documents showed (issue 12): letters told in dialect give the writer's home in
words of their own (屋里住, 家搁, 是某庄嘞, 住某村的出租屋), call a woman 婆娘家 or 查某人, and a hotline's work
order records the caller as 某某（女士）. Texts invented for the test."""

from __future__ import annotations

import pytest

from extractors.complaint import extract_complaint
from extractors.normalize import normalize_text
from schemas.models import ParsedDocument

_STORY = "我在镇上的红星砖厂出窑，老板欠我去年的工钱八千六百元，一直不给。\n请领导帮我把钱要回来。\n"


def _letter(text: str, models: bool = False):  # type: ignore[no-untyped-def]
    doc = ParsedDocument(text=normalize_text(text), format="txt", pages=1)
    return extract_complaint(doc, models=models)


@pytest.mark.parametrize(
    ("opening", "home"),
    [
        # Henan: 嘞 is 的
        ("领导恁好！俺叫李满仓，是确山县石滚河镇李庄嘞，电话13903961274。", "确山县石滚河镇李庄"),
        # Hunan: 屋里 is home
        ("领导：我叫邓桂生，今年五十二，屋里住廉桥镇新田村，电话13973921658。", "廉桥镇新田村"),
        # Northeast: 搁 is 在
        ("领导：俺叫王德柱，家搁桦甸八道河子镇东兴村，电话13596284730。", "桦甸八道河子镇东兴村"),
        # the dwelling after the place is how the writer lives there, not where
        ("领导：我叫庄美珠，现在住陈埭镇溪边村的出租屋，电话是15960347218。", "陈埭镇溪边村"),
        ("领导：我叫邓桂生，家住连江口镇连樟村租的房子，电话13973921658。", "连江口镇连樟村"),
        # Northeast: 家搁某村住; Wu: 住辣 is 住在
        ("领导：俺叫王德柱，家搁昌五镇永久村住，电话13596284730。", "昌五镇永久村"),
        ("领导：我叫沈阿英，屋里住辣濮院镇油车桥村十二组，电话13967312258。", "濮院镇油车桥村十二组"),
    ],
)
def test_the_writers_home_told_in_dialect_or_with_the_dwelling(opening: str, home: str) -> None:
    fields = _letter(opening + "\n" + _STORY)
    assert fields.complainant.address == home


def test_a_letter_for_a_father_gives_his_home_without_the_words_before_it() -> None:
    text = (
        "尊敬的领导：\n您们好！我叫蓝小燕，在南宁一家超市做收银，电话13877123590。今天我是替我爸爸蓝德坤写这封信的。"
        "我爸是都安瑶族自治县地苏镇拉棠村弄谷屯人，身份证号码451228196611023172，只读到小学二年级，不会写字。\n"
        "我爸在镇上的石材厂干活，老板欠他工钱一万二千元。\n"
        "请领导帮我爸把钱要回来。\n"
    )
    assert _letter(text).complainant.address == "都安瑶族自治县地苏镇拉棠村弄谷屯"


@pytest.mark.parametrize(
    ("opening", "gender"),
    [
        ("领导：额叫马秀兰，一个婆娘家，今年五十三，家在罕井镇东党村，电话13891352264。", "女"),
        ("领导：我叫庄美珠，一个查某人，现在住陈埭镇溪边村，电话是15960347218。", "女"),
        ("来电人：覃丽梅（女士）\n来电号码：13977318640\n来电内容：", "女"),
        # 我婆娘 is the writer's wife: the writer is a man
        ("领导：额叫马建军，额婆娘病了，家在罕井镇东党村，电话13891352264。", "男"),
    ],
)
def test_the_writers_gender_from_how_they_call_themself(opening: str, gender: str) -> None:
    assert _letter(opening + "\n" + _STORY).complainant.gender == gender


@pytest.mark.parametrize(
    ("sentence", "year", "written"),
    [
        # a solar term of the year three years back (大前年), its day from the calendar (清明 2022: April 5)
        ("大前年清明节那天，我经老乡介绍去店头上的班", None, "2022年4月5日，我经老乡介绍去店头上的班"),
        # 那年: the story's year; 冬至 2022 fell on December 22
        ("干到那年冬至，冬至那天晚上我们吃了最后一顿", 2022, "干到2022年12月22日，2022年12月22日晚上我们吃了最后一顿"),
        # a lunar festival: 端午 2024 was June 10
        ("从去年端午节起就没发过工资", None, "从2024年6月10日起就没发过工资"),
        # around a festival, not on it: left as written
        ("春节前老板说发钱", None, "春节前老板说发钱"),
        ("过完中秋我就走了", None, "过完中秋我就走了"),
        # the day after a festival where work starts then, the day before where it ends then (端午 2024: June 10;
        # 国庆 2024: October 1)
        ("从去年端午节后上班到年底", None, "从2024年6月11日上班到年底"),
        ("去年端午过后我就进去了", None, "2024年6月11日我就进去了"),
        ("我一直干到去年国庆节前一天辞职", None, "我一直干到2024年9月30日辞职"),
        # a promise about some day before it, or vaguely after the new year: left as written
        ("经理又说端午前发，端午节都过了还是没有", None, "经理又说端午前发，端午节都过了还是没有"),
        ("说元旦后一起结账", None, "说元旦后一起结账"),
        ("春节后开始上班", None, "春节后开始上班"),
        ("一直做到端午节前几天", None, "一直做到端午节前几天"),
        # 大前年 is three years back, not 前年 with a stray 大
        ("大前年3月到10月的工资", None, "2022年3月到2022年10月的工资"),
    ],
)
def test_festival_days_and_three_years_back_in_a_story(sentence: str, year: int | None, written: str) -> None:
    from datetime import date

    from extractors.complaint.datewords import resolve_dates

    assert resolve_dates(sentence, date(2025, 3, 10), year)[0] == written


def test_a_story_told_by_festivals_gives_the_period() -> None:
    text = (
        "领导好！我叫冉光明，今年四十七岁，家住钟灵镇凯堡村，电话13896271534。\n"
        "我要反映的是县城凤凰路那家渝味老灶火锅欠我工钱的事。大前年清明节那天，我经老乡介绍去店头上的班，在后厨做配菜"
        "师傅，一天干十几个钟头。讲好的一个月四千五，每个月先发两千块生活费，剩下的两千五年底一起算清。\n"
        "那年生意不好做，我就一直跟到干。干到那年冬至，杨老板说撑不下去了，店子关门。他一共欠我两万零五百。\n"
        "我就想把这两万零五百块钱要回来。\n冉光明\n2025年3月10日\n"
    )
    fields = _letter(text, models=True)
    assert (fields.violation_start, fields.violation_end) == (date_(2022, 4, 5), date_(2022, 12, 22))


def date_(y: int, m: int, d: int):  # type: ignore[no-untyped-def]
    from datetime import date

    return date(y, m, d)


def test_a_hotline_work_orders_acceptance_time_is_the_letter_date() -> None:
    text = (
        "某县12345政务服务便民热线工单\n工单号：YS2025061600271　　紧急程度：一般\n"
        "受理时间：2025年06月16日 14:08　　受理人：工号1107\n来电人：覃丽梅（女士）　　来电号码：18977361524\n"
        "【来电内容】\n来电人反映其在兴坪镇漓畔云舍民宿做保洁，老板拖欠4月、5月工资共6000元。\n"
        "希望相关部门尽快督促民宿老板支付拖欠的工资。\n"
        "转办单位：阳朔县人力资源和社会保障局　　办理时限：2025年06月23日\n"
    )
    fields = _letter(text)
    assert fields.letter_date == date_(2025, 6, 16)


_FORMAL = (
    "投诉书\n投诉人：石光荣，男，45岁，电话13808310275，住江安县江安镇石桥村3组（租住）\n"
    "被投诉人：江安县竹韵竹制品有限公司\n住所地：江安县江安镇竹都大道东段（阳春工业园区）\n法定代表人：李长林\n"
    "事实与理由：我在公司做破篾工，公司欠我2025年3月至6月工资共计18600元。\n请求：支付拖欠工资18600元。\n"
)


def test_a_note_in_brackets_after_a_place_is_kept_a_tenure_note_is_not() -> None:
    fields = _letter(_FORMAL)
    assert fields.respondent.address == "江安县江安镇竹都大道东段（阳春工业园区）"
    assert fields.complainant.address == "江安县江安镇石桥村3组"


def test_the_measures_listed_after_a_promise_to_take_them_are_commitments() -> None:
    """A section on shortcomings that ends 为此，我们将采取以下措施积极改进。: the numbered items after it are the
    promises, though no heading calls them a plan."""
    from extractors.report import extract_report

    text = (
        "某市人民政府办公室2023年政府信息公开工作年度报告\n一、总体情况\n全年主动公开政府信息1268条。\n"
        "二、存在的主要问题及改进情况\n目前，我市政府信息公开工作还存在一些不足：一是一些部门主动公开意识仍需加强；"
        "二是公开内容有待进一步规范。为此，我们将采取以下措施积极改进。\n"
        "（一）继续加强政府信息公开配套制度建设，促进政府信息公开工作规范化、制度化、常态化。\n"
        "（二）做好财政预决算、三公经费公开及重点领域政府信息公开。\n"
        "三、其他需要报告的事项\n本年度未收取信息处理费。\n"
    )
    report = extract_report(ParsedDocument(text=normalize_text(text), format="txt", pages=1), models=True)
    texts = [c.text for c in report.commitments]
    assert any(t.startswith("继续加强政府信息公开配套制度建设") for t in texts)
    assert any(t.startswith("做好财政预决算、三公经费公开") for t in texts)
    assert not any("未收取" in t for t in texts)


def test_a_forms_matter_line_gives_way_to_the_facts_told_below_it() -> None:
    text = (
        "劳动保障监察投诉书\n投诉人：陈海生，男，电话13692047718，住遂溪县遂城镇东门村\n"
        "被投诉人：遂溪县恒旺饲料有限公司，地址遂溪县遂城镇工业园\n\n投诉事项：拖欠工资\n\n事实与理由：\n"
        "投诉人自2021年4月起在被投诉人处担任铲车司机，约定月工资5,200元。2023年11月起公司停发工资，至今共欠31,200元。\n"
        "请求事项：\n一、责令被投诉人支付拖欠工资31,200元。\n投诉人：陈海生\n2024年6月3日\n"
    )
    fields = _letter(text)
    assert fields.facts.startswith("投诉人自2021年4月起")


@pytest.mark.parametrize(
    ("ask", "requests"),
    [
        # a second ask for the time after, joined by a comma
        ("我就想要回我三月、四月的5600元工资，再让酒店跟我们把合同签了。",
         ["我就想要回我三月、四月的5600元工资", "再让酒店跟我们把合同签了"]),
        # how the first is to go on is one request with it
        ("请领导帮我们把春茶的工钱要回来，以后按月发工资。", ["请领导帮我们把春茶的工钱要回来，以后按月发工资"]),
        # a second ask joined by 也
        ("请你们帮我把这两万零五百块钱要回来，也请你们查一哈这个公司，莫让它再坑我们这些下苦力的人。",
         ["请你们帮我把这两万零五百块钱要回来", "请你们查一哈这个公司，莫让它再坑我们这些下苦力的人"]),
        # a plea for help that asks nothing of its own is no request
        ("我就想把这两万零五百块钱要回来，请领导帮我做个主。", ["我就想把这两万零五百块钱要回来"]),
    ],
)
def test_spoken_requests_are_split_and_pleas_left_out(ask: str, requests: list[str]) -> None:
    text = (
        "领导：\n我叫冉光明，在县城凤凰路的渝味老灶火锅做配菜，电话13896271534。老板欠我工钱两万零五百，一直不给。\n"
        f"{ask}\n冉光明\n2025年3月10日\n"
    )
    assert _letter(text, models=True).requests == requests


def test_a_work_orders_callers_request_is_labelled_and_ends_at_the_next_box() -> None:
    text = (
        "某县12345政务服务便民热线工单\n受理时间：2025年06月16日 14:08\n"
        "来电人：覃丽梅（女士）　　来电号码：18977361524\n"
        "【来电内容】\n来电人反映其在兴坪镇漓畔云舍民宿做保洁，老板拖欠4月、5月工资共6000元。\n"
        "来电人诉求：希望相关部门尽快督促民宿老板支付拖欠的2个月工资6000元。\n【处理意见】\n"
        "请阳朔县人力资源和社会保障局依职责处理，并于2025年06月23日前在系统中反馈办理结果。\n"
    )
    assert _letter(text, models=True).requests == ["希望相关部门尽快督促民宿老板支付拖欠的2个月工资6000元"]


def test_a_forms_ticked_boxes_for_the_matter_give_way_to_its_facts_cell() -> None:
    text = (
        "劳动保障监察投诉登记表\n投诉人\t石秀云\t性别\t女\n联系电话\t13946781234\n"
        "投诉事项\t☑拖欠工资　□未签劳动合同　□未缴社会保险　□超时加班　□其他：\n涉及人数\t1人\t涉及金额\t4,950元\n"
        "主要事实\t投诉人于2019年4月1日进入海伦市安居物业服务有限公司从事保洁工作，公司拖欠2025年4月至6月工资共4,950元。\n"
    )
    assert _letter(text).facts.startswith("投诉人于2019年4月1日进入")


@pytest.mark.parametrize(
    ("address", "county"),
    [
        ("城东配送站", None),  # the east of any town, not 西宁市城东区
        ("城关镇人民路18号", None),
        ("古城南大街", None),  # a town's old town, not 丽江市古城区
        ("沭阳县城东配送站", "沭阳县"),
        ("西宁市城东区建国路", "城东区"),
    ],
)
def test_a_towns_part_named_like_a_district_is_no_district(address: str, county: str | None) -> None:
    from rules.jurisdiction import parse_division

    division = parse_division(address)
    assert (division.county if division else None) == county


def test_a_shaanxi_letter_that_never_went_to_arbitration_or_court_says_so_in_dialect() -> None:
    text = (
        "领导：\n额叫马秀兰，一个婆娘家，今年五十三，家在罕井镇东党村，电话13891352264。\n"
        "额在县城正街北头的秦川老碗油泼面扯面，掌柜的马建军欠额去年九月到腊月的工钱一万二千块，额寻他要，他说你爱寻谁寻谁。\n"
        "额么寻过仲裁，也么到法院告过状，这是头一回寻政府。\n额就一个要求：叫掌柜的马建军把欠额的一万二千块给了。\n"
    )
    assert _letter(text).prior_proceedings == "none"


def test_representatives_and_an_agent_who_do_the_job_said_with_做() -> None:
    text = (
        "邵东市劳动保障监察大队：\n我们是邵东市仙槎桥镇宏发箱包厂的七名车位工，厂里拖欠我们2026年3月至6月工资共计138,650元。"
        "我们七个人商量，推举曾凡英、刘桂兰两个人做代表，另外委托邵东市法律援助中心的刘卫东律师做我们的代理人，"
        "刘律师电话0739-2712348。\n请求责令宏发箱包厂支付拖欠工资138,650元。\n代表曾凡英，电话13973912846；代表刘桂兰，电话15173956207。\n"
    )
    fields = _letter(text)
    assert fields.representatives == ["曾凡英", "刘桂兰"]
    assert [a.name for a in fields.agents] == ["刘卫东"]


def test_a_trade_is_no_wages() -> None:
    from extractors.complaint import _VALID

    assert _VALID["complainant.occupation"].match("采茶工")
    assert not _VALID["complainant.occupation"].match("采茶工春茶工钱")


def test_an_elected_representatives_phone_is_read_from_their_row_of_the_signature_table() -> None:
    text = (
        "领导：\n我们是在张永福的葡萄园摘葡萄的7个人，张永福欠我们工钱一共四万七千二百五十元。\n"
        "我们7个人推选马福祥当代表，有事可以打马福祥的电话。\n请领导帮我们把工钱要回来。\n"
        "序号\t姓名\t籍贯\t年龄\t被欠工钱\t电话\t签名\n1\t马福祥\t甘肃临夏\t45\t6750\t13519402276\t马福祥（手印）\n"
        "2\t马秀英\t甘肃临夏\t41\t6750\t13893057718\t马秀英（手印）\n"
    )
    fields = _letter(text)
    assert fields.representatives == ["马福祥"]
    assert (fields.complainant.name, fields.complainant.phone) == ("马福祥", "13519402276")


def _value(fields, path: str):  # type: ignore[no-untyped-def]
    for part in path.split("."):
        fields = getattr(fields, part)
    return fields


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # an employer read together with its street: the name is the employer, the street its address
        ("县长您好，我是在古城南大街平遥古韵轩精品酒店上班的一名前台服务员，今年24岁。\n"
         "我是去年十月份经中介介绍进的酒店，说好转正后每月2800元，可三月、四月的工资一直没发。\n"
         "我就想要回我三月、四月的5600元工资。\n",
         {"respondent.name": "平遥古韵轩精品酒店", "respondent.address": "古城南大街"}),
        # the writer of a letter for a relative, at their own job, is not the worker
        ("尊敬的领导：\n您们好！我叫蓝秀芬，在南宁一家超市做收银，电话13877123590。今天我是替我爸爸蓝德坤写这封信的。"
         "我爸是都安瑶族自治县地苏镇拉棠村弄谷屯人，不会写字。\n"
         "我爸从前年八月十五过完节就去高岭镇加福村山脚的鸿达石材加工场干活，做风钻工。加工场老板欠他工钱一万二千元。\n"
         "请领导帮我爸把钱要回来。\n蓝秀芬\n2024年3月5日\n",
         {"complainant.employer": "鸿达石材加工场", "complainant.occupation": "风钻工"}),
        # a company's station is the place of work, the company the employer
        ("尊敬的领导：\n我们是宿迁市迅邦快递服务有限公司城东配送站的快递员，共6人，代表人孙立伟，电话15251207864。"
         "站里从今年4月起拖欠我们工资共计52800元。\n请求责令公司支付拖欠的工资。\n孙立伟\n2026年7月2日\n",
         {"respondent.name": "宿迁市迅邦快递服务有限公司", "respondent.workplace": "城东配送站"}),
    ],
    ids=["employer_after_its_street", "writer_for_a_relative_at_own_job", "company_station"],
)
def test_the_parties_as_a_clerk_records_them(text: str, expected: dict[str, str]) -> None:
    fields = _letter(text, models=True)
    assert {path: _value(fields, path) for path in expected} == expected


@pytest.mark.parametrize(
    ("text", "worker", "agents"),
    [
        # 我是某某，是某某的老婆: the writer says whose wife she is
        ("领导：\n我是宋玉霞，是郤建国的老婆，我老公现在腿上打着钢板躺在床上，没法自己来，我替他写。"
         "他在武安一家铸造厂当焊工，厂里欠他工资一万八。\n请领导帮忙要回工资。\n宋玉霞\n",
         "郤建国", ["宋玉霞"]),
        # the relative named by kinship and at work, the writer signing under the letter
        ("领导：\n我儿子叫程浩，2009年6月出生，今年才十五岁，初中刚毕业，在盛泽镇一家纺织厂打工，厂里欠他两个月工资六千元。\n"
         "请领导帮我儿子要回工资。\n罗春梅\n",
         "程浩", ["罗春梅"]),
        # the worker writing, a son named only as family: the signer stays the complainant
        ("领导：\n我叫王大林，在盛泽镇一家纺织厂打工，厂里欠我两个月工资六千元。我儿子叫王小明，下学期要交学费。\n"
         "请领导帮我要回工资。\n王大林\n",
         "王大林", []),
    ],
)
def test_a_relative_who_writes_is_the_agent_and_the_worker_the_complainant(
    text: str, worker: str, agents: list[str]
) -> None:
    fields = _letter(text, models=True)
    assert fields.complainant.name == worker
    assert [a.name for a in fields.agents] == agents
