"""What the seventeenth round's documents showed (issue 12): real open letters name several organisations — the
developer, the builder, the agency that introduced the crew, the labour bureau they went to — and the first one
named is often not the one that owes the wages. Texts invented for the test."""

from __future__ import annotations

import pytest

from extractors.complaint.numerals import parse_money
from extractors.complaint.parties import clean_org
from tests.extractors.test_sixteenth_round import _letter

_ASK = "\n恳请领导帮我们把工钱要回来。\n"


@pytest.mark.parametrize(
    ("story", "employer"),
    [
        # the developer is named first, the builder the crew worked under second
        (
            "尊敬的县领导：\n2024年春，桂林恒昌置业有限公司与镇政府合作开发滨江花园小区，该项目由广西鼎盛建筑工程有限公司"
            "承建，我们三十多个泥水工跟着干了八个月，至今欠我们工钱四十六万元。",
            "广西鼎盛建筑工程有限公司",
        ),
        # the agency only introduced them; they worked at the site
        (
            "我们二十个木工经恒业劳务公司介绍，到翠湖名苑住宅楼工地做工，从去年五月干到十月，欠我们工钱二十一万元。",
            "翠湖名苑住宅楼工地",
        ),
        # hired by the labour subcontractor, though the general contractor is named after it
        (
            "2025年3月，我们进入城南物流园项目工地，受雇于湖南永信建设劳务有限公司，做钢筋和木工。"
            "该项目的总承包单位是湖南湘建集团有限公司。永信劳务公司至今欠我们九人工资十二万元。",
            "湖南永信建设劳务有限公司",
        ),
        # the labour bureau they went to is never the employer
        (
            "我妹妹和同学在饭店做服务员，被拖欠两个月工资共八千元。12月26日她们到茂南区劳动局提交了资料申请仲裁，"
            "至今没有回复。妹妹在茂南区鸿运酒家上班，老板一直不给钱。",
            "茂南区鸿运酒家",
        ),
    ],
)
def test_the_organisation_the_story_makes_the_employer(story: str, employer: str) -> None:
    fields = _letter(("" if story.startswith("尊敬") else "尊敬的领导：\n") + story + _ASK)
    assert fields.complainant.employer == employer
    assert fields.respondent.name == employer


def test_a_company_that_sublet_the_work_to_a_foreman_is_not_the_workers_employer() -> None:
    text = (
        "尊敬的领导：\n2024年4月，江西华泰建设工程有限公司把安置小区的木工活分包给了包工头刘长青，"
        "我们十个人跟着刘长青干到年底，至今欠我们工钱十八万元。" + _ASK
    )
    fields = _letter(text)
    assert fields.respondent.name == "江西华泰建设工程有限公司"
    assert fields.complainant.employer != "江西华泰建设工程有限公司"


@pytest.mark.parametrize(
    ("candidate", "name"),
    [
        ("向阳服装厂", "向阳服装厂"),  # 向 begins the name here: jieba reads 向阳 as one word
        ("由宏达建筑公司", "宏达建筑公司"),
        ("该项目具体由河北宏基建设工程有限公司", "河北宏基建设工程有限公司"),
        ("是劳务公司海南顺安劳务有限公司", "海南顺安劳务有限公司"),
        ("领导督促宜春市竹韵竹业有限公司", "宜春市竹韵竹业有限公司"),
    ],
)
def test_words_before_an_organisations_name_are_cut_only_where_a_word_ends(candidate: str, name: str) -> None:
    cleaned = clean_org(candidate)
    assert cleaned is not None and cleaned[0] == name


@pytest.mark.parametrize(
    ("words", "yuan"), [("一万六千九百五", 16950.0), ("两万三千五", 23500.0), ("一万六千九百五十元", 16950.0)]
)
def test_a_spoken_amount_with_its_last_unit_left_off(words: str, yuan: float) -> None:
    assert parse_money(f"一共是{words}，一分没给") == yuan


def test_a_spoken_hundreds_count_without_thousands_is_no_amount() -> None:
    assert parse_money("一百五") is None
    assert parse_money("三千五百人") is None


def test_a_dialect_letter_names_the_factory_the_writer_went_to() -> None:
    text = (
        "领导恁好！俺叫张满囤，今年六十一，电话13937095216。今年正月十六，俺经邻居介绍去宏达量具厂干活，开冲床，"
        "一个月说中四千五。六月以后工钱一直没发，一共是一万六千九百五。" + _ASK
    )
    fields = _letter(text)
    assert fields.complainant.employer == "宏达量具厂"
    assert fields.amount_claimed_yuan == 16950


def test_a_relatives_phone_told_in_the_clause_before_the_number() -> None:
    text = (
        "尊敬的领导：\n我叫王小芳，是王德林的女儿。我爸爸在织金县恒达建筑劳务有限公司的工地做木工，公司欠他工资15160元。"
        "我爸爸有个老人机，号码是15285761234，如果听不清楚，可以打我的电话18585071234。" + _ASK
    )
    fields = _letter(text)
    assert fields.complainant.name == "王德林"
    assert fields.complainant.phone == "15285761234"


def test_agents_listed_with_a_comma_after_each_bracket() -> None:
    text = (
        "我们是平南县鑫磊石材有限公司的六名工人，公司拖欠我们八月以来的工资共七万元。\n"
        "我们委托以下三人作为代理人，负责跑材料：韦国强的儿子韦俊（电话18677531234），"
        "广西浔州律师事务所陈立明律师（电话0775-7821234），白马村村委会副主任梁永福（电话13877561234）。" + _ASK
    )
    agents = _letter(text).agents
    assert [a.name for a in agents] == ["韦俊", "陈立明", "梁永福"]
    assert agents[1].phone == "0775-7821234"


@pytest.mark.parametrize(
    ("text", "start", "end"),
    [
        # the sentence dates its own start (…起), after the hiring told before it
        (
            "投诉书\n投诉人：韩秀梅，女，电话13976541234。\n被投诉人：澄迈椰香餐饮有限公司\n"
            "事实与理由：\n投诉人于2024年3月1日入职被投诉人，在后厨担任帮厨，约定月工资3,900元。"
            "2025年4月起，被投诉人以装修为由停发工资，投诉人继续工作至2025年6月30日后离职。\n"
            "请求：责令被投诉人支付拖欠的工资11,700元。\n",
            "2025-04-01",
            "2025-06-30",
        ),
        # months owed listed without years count back from the period's end, not from the hiring
        (
            "尊敬的领导：\n我叫乔建军，电话13904781234。2024年9月20日我进厂，在凉城县瑞丰淀粉厂烧锅炉，说好每月5,500元。"
            "我一直干到2025年2月28日停机，12月、1月、2月三个月的工资16,500元一直没给。\n请领导帮我要回工资。\n",
            "2024-12-01",
            "2025-02-28",
        ),
    ],
)
def test_the_months_owed_not_the_hiring_start_the_period(text: str, start: str, end: str) -> None:
    fields = _letter(text)
    assert (str(fields.violation_start), str(fields.violation_end)) == (start, end)


def test_a_spoken_amount_with_a_zero_thousands() -> None:
    assert parse_money("还欠俺一万零四百八，年前给") == 10480.0


def test_the_dispatch_agency_the_letter_complains_of_is_the_employer() -> None:
    text = (
        "我要投诉的是劳务派遣公司威海鑫海通人力资源服务有限公司（以下简称鑫海通），用工单位是威海石岛海珍品加工有限公司。\n"
        "2024年3月，我和鑫海通签了劳务派遣劳动合同，被派到石岛公司的冷冻车间当分拣工。"
        "鑫海通拖欠我2025年9月、10月的工资共10,400元。\n请求：责令鑫海通支付拖欠的工资10,400元。\n"
    )
    fields = _letter(text)
    assert fields.respondent.name == "威海鑫海通人力资源服务有限公司"
    assert fields.complainant.employer == "威海鑫海通人力资源服务有限公司"


@pytest.mark.parametrize(("words", "trade"), [("收银员", "收银员"), ("主播助理", "主播助理"), ("带货主播", "带货主播")])
def test_a_trade_is_read_whole(words: str, trade: str) -> None:
    text = (
        f"尊敬的领导：\n我叫白雪，电话13955551234。我在兰陵县鑫悦商贸有限公司当{words}，公司拖欠我两个月工资8,000元。\n"
        "请领导督促公司支付工资。\n"
    )
    assert _letter(text).complainant.occupation == trade
