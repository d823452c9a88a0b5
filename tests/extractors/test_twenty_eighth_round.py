"""Twenty-eighth round (issue 12): a form's proceedings row in a PDF's text layer, a denial told after the office it
denies, a home told as where the writer rents, a parent's word for themself, agents described by kinship, a signature
noted as the representative, a yearless 元月 signature, a town named like a county elsewhere, dismissals in spoken
words, and a place of work in the office's own county (realistic letters written for these tests)."""

from __future__ import annotations

from datetime import date

import pytest


def _flags(fields, text: str, jurisdiction: str | None = None) -> set[str]:  # type: ignore[no-untyped-def]
    from rules.calendar import load_calendar
    from rules.complaint_engine import evaluate_complaint
    from rules.loader import load_rules

    flags, _ = evaluate_complaint(fields, [], load_rules(), load_calendar(), date(2026, 5, 6), jurisdiction, text=text)
    return {f.rule_id for f in flags}


@pytest.mark.parametrize("sep", ["\t", " "])
def test_a_forms_proceedings_row_answered_by_boxes_after_spaces_is_read(sep: str) -> None:
    from tests.extractors.letters import letter

    form = (
        "某县劳动保障监察投诉受理登记表\n"
        "投诉人姓名 王春燕 性别 女 联系电话 15867213390\n"
        "现住址 某县城南街道新桥村18号\n"
        "用人单位 某县永泰纺织有限公司\n"
        f"是否已申请调解、仲裁或诉讼{sep}☑否 □调解 □仲裁 □诉讼\n"
        "投诉事项及主要事实：\n"
        "投诉人2025年3月入职某县永泰纺织有限公司任挡车工，2025年11月、12月工资共8600元至今未发。\n"
        "投诉请求：\n1.要求支付2025年11月、12月工资8600元。\n"
    )
    # (in a PDF the question and its boxes stand apart by spaces, and the last box's word is no answer)
    assert letter(form).prior_proceedings == "none"


def test_a_recourse_named_first_and_denied_after_is_none() -> None:
    from extractors.complaint.proceedings import classify

    assert classify("劳动仲裁那边我还没去过") == "none"
    assert classify("法院俺也没去告") == "none"
    assert classify("仲裁委那边我们一直没找") == "none"
    # affirmed proceedings stay what they are
    assert classify("我申请了劳动仲裁") == "arbitration"
    assert classify("仲裁委没有受理") == "arbitration"


def test_where_the_writer_rents_is_their_address() -> None:
    from tests.extractors.letters import letter

    fields = letter(
        "领导好！我叫秦大勇，男，八五年的，老家是邻县的，现在在县城河西街道幸福社区租房子住，电话是137 2210 9956。"
        "我在县城东关那个鸿运汽修厂当钣金工，厂子在东关大街88号。老板欠了我4月、5月两个月工钱一万一千块，"
        "我没去过仲裁，也没找过别人。我就想让老板把一万一千块钱给我。\n秦大勇\n2026年6月12日"
    )
    assert fields.complainant.address == "县城河西街道幸福社区"
    # a place with no division in it (工地旁边) is not read as a home
    other = letter("我叫秦大勇，在工地旁边租房住，电话13722109956。我在鸿运汽修厂当钣金工，老板欠我工钱一万一千块。")
    assert other.complainant.address is None


def test_a_parents_word_for_themself_gives_the_writers_gender() -> None:
    from tests.extractors.letters import letter

    body = (
        "我是县城一家印刷厂的机长，今年四十九岁，名字就不写了，电话18756620931。厂里从去年10月起欠我三个月工资"
        "13500元，{who}连给孩子交学费的钱都是借的。请领导帮我们问问，让厂里把欠的工资发了。"
    )
    assert letter(body.format(who="我这个当爹的")).complainant.gender == "男"
    assert letter(body.format(who="我这个当妈的")).complainant.gender == "女"


def test_agents_described_by_kinship_are_named_and_counted() -> None:
    from extractors.complaint.collective import _person_in
    from extractors.complaint.labels import is_person_name

    assert _person_in("才让多杰的儿子多杰才旦") == "多杰才旦"
    assert _person_in("李德顺的女婿杨帆") == "杨帆"
    assert is_person_name("多杰才旦", named_here=True) and is_person_name("才让多杰", named_here=True)
    from tests.extractors.letters import letter

    text = (
        "关于某某劳务有限公司拖欠清洗工工资的联名投诉\n某县劳动保障监察大队：\n"
        "我们是五名光伏板清洗工，受雇于青海明洁劳务服务有限公司，在某县光伏园区清洗光伏板。2025年7月至9月的工资"
        "共计86,000元至今未付。我们没有申请过劳动仲裁，也没有到法院起诉。\n我们的请求：\n一、责令公司支付拖欠的工资86,000元。\n"
        "我们推举马福林、祁永明二人为代表。另委托法律工作者王建新（电话：0974-8512376）、马福林的女婿杨帆"
        "（电话：18997152640）、才让多杰的儿子多杰才旦（电话：13519751083）三人为委托代理人，代为办理投诉事宜。\n"
        "投诉人：马福林等五人\n2025年10月20日"
    )
    fields = letter(text)
    assert [a.name for a in fields.agents] == ["王建新", "杨帆", "多杰才旦"]
    assert "complaint.too_many_agents" in _flags(fields, text)


def test_a_signatory_noted_as_the_representative_speaks_for_the_group() -> None:
    from tests.extractors.letters import letter

    fields = letter(
        "请 愿 书\n尊敬的县领导：\n我们是某县兴隆米业有限公司的三名搬运工，米厂在城北镇粮站路东头，法人代表叫周海东。"
        "2025年10月到12月的工资一直没发，米厂欠我们三人工资共计21600元。我们没有申请过仲裁，也没有起诉。\n"
        "我们恳请：\n一、责令米厂立即支付拖欠我们三人的工资21600元。\n请愿人（按手印）：\n"
        "陆永贵（代表，男，54岁，装卸工） 电话：139 7745 1180 住址：某县城北镇东村\n"
        "黄秀兰（女，49岁，打包工）\n莫德才（男，51岁，装卸工）\n2026年1月15日"
    )
    assert fields.representatives == ["陆永贵"]
    assert fields.complainant.name == "陆永贵"
    assert (fields.complainant.gender, fields.complainant.age) == ("男", 54)
    assert fields.complainant.occupation == "装卸工"
    assert fields.complainant.phone and fields.complainant.phone.replace(" ", "") == "13977451180"


def test_a_yearless_yuanyue_signature_dates_the_letter_in_the_stamps_year() -> None:
    from tests.extractors.letters import letter

    fields = letter(
        "霍城县劳动监察大队的领导：\n我叫马占林，家在清水河镇东大街果园巷，电话15299925417。我在紫韵香料厂当锅炉工，"
        "厂里12月干的二十天工资两千六百块钱没给我。别的地方我还没去过。请领导帮我把钱要回来。\n马占林\n元月8号\n"
        "霍城县劳动保障监察大队 收件 2026.1.9"
    )
    assert fields.letter_date == date(2026, 1, 8)


def test_a_town_named_like_a_county_elsewhere_is_a_town() -> None:
    from rules.jurisdiction import parse_division

    assert parse_division("清水河镇往芦草沟去的312国道边上") is None  # a town of 霍城县, not 清水河县 of 呼和浩特
    assert parse_division("清水河镇东大街") is None
    assert parse_division("清水河县城关镇").county == "清水河县"  # the county written with its kind stays one
    assert parse_division("兴国县某镇").county == "兴国县"


@pytest.mark.parametrize(
    "told",
    [
        "他一句话就把我撵了，我打听了，这种的得给补偿，得给一万四。",
        "砂场辞退我老公，要按干了八年赔他八个月工资48000块。",
        "厂里要给我经济补偿金三万四千块钱。",
    ],
)
def test_a_dismissal_told_in_spoken_words_goes_the_dispute_route(told: str) -> None:
    from schemas.models import ComplaintFields

    assert "complaint.dispute_route" in _flags(ComplaintFields(requests=[told]), told)


def test_wages_alone_do_not_go_the_dispute_route() -> None:
    from schemas.models import ComplaintFields

    told = "我就想让老板把欠我的六千六工钱给我，他说不让我干了也行，先把钱结了。"
    assert "complaint.dispute_route" not in _flags(ComplaintFields(requests=[told]), told)


def test_a_workplace_in_a_town_of_this_county_keeps_an_employer_seated_elsewhere_in_jurisdiction() -> None:
    from schemas.models import ComplaintFields, Respondent

    office = "云南省丽江市玉龙纳西族自治县"
    text = ("我进入丽江云杉酒店管理有限公司（注册在古城区福慧路）工作，被安排在公司在白沙镇开的度假酒店做前台接待，"
            "今年6月的工资没发。")
    fields = ComplaintFields(respondent=Respondent(name="丽江云杉酒店管理有限公司", address="古城区福慧路"))
    assert "complaint.out_of_jurisdiction" not in _flags(fields, text, office)
    # the same seat with nothing said of a workplace here is outside
    assert "complaint.out_of_jurisdiction" in _flags(fields, "公司注册在古城区福慧路，今年6月的工资没发。", office)
    # the writer's own town (where the company's bus fetched them) is no workplace
    office = "宁夏回族自治区银川市永宁县"
    text = "公司在贺兰县暖泉工业园区，每天早上公司的大巴车到我们望远镇接人，晚上再送回来。"
    fields = ComplaintFields(respondent=Respondent(name="宁夏红宝枸杞食品有限公司", address="贺兰县暖泉工业园区"))
    assert "complaint.out_of_jurisdiction" in _flags(fields, text, office)
    # a dispatched worker sent to a firm named with this county's name
    office = "重庆市璧山区"
    text = "我与派遣公司签订合同，被派遣到重庆璧山宏达汽车零部件有限公司冲压车间当冲压工。"
    agency = Respondent(name="重庆聚才人力资源管理有限公司", address="重庆市渝北区龙溪街道金山路9号")
    fields = ComplaintFields(respondent=agency)
    assert "complaint.out_of_jurisdiction" not in _flags(fields, text, office)


def test_whole_counts_add_up_exactly_and_thousands_separators_are_read() -> None:
    from rules.loader import load_rules
    from rules.report_totals import find_totals_mismatches

    params = load_rules().get("report.totals_mismatch").params
    parts = "其中即办件29,415件、承诺件18,136件、联办件1,305件，按时办结率保持高位。"
    wrong = "全年共受理各类政务服务事项48,672件，" + parts
    # 184 of 48,672 is within a rounding tolerance, but 件 are counted, not rounded
    found = [f.message for f in find_totals_mismatches(wrong, params)]
    assert found == ["“即办件承诺件联办件”共48672件，分项之和为48856件"]
    right = "全年共受理各类政务服务事项48,856件，" + parts
    assert find_totals_mismatches(right, params) == []
    # amounts in 万元 are rounded: a difference within the tolerance is none
    rounded = "全年共发放各类补贴资金合计1,000.02万元，其中就业补贴600.01万元、社保补贴400.00万元。"
    assert find_totals_mismatches(rounded, params) == []


def test_a_copied_passage_that_keeps_the_source_bodys_line_of_work_is_foreign() -> None:
    from rules.report_foreign import source_place_in

    passage = "依托乡镇人社服务站公开栏，按月张贴就业补贴、公益性岗位和社保待遇发放信息，全年更新公开栏内容120期。"
    own = "咸丰县自然资源和规划局"
    # 人社 = 人力资源和社会保障, the source body's line of work, named nowhere else in this report
    assert source_place_in(passage, "咸丰县人力资源和社会保障局", own, "我局全年主动公开信息186条。") == "人社"
    housing = "及时更新住房保障、建筑市场监管、农房建设等栏目内容，确保公开信息准确、规范、完整。"
    assert source_place_in(housing, "工布江达县住房和城乡建设局", "商城县文化广电和旅游局", "我局…") == "住房"
    # the same words where this body speaks of them as its own elsewhere, or in its own name, are no sign
    assert source_place_in(passage, "咸丰县人力资源和社会保障局", own, "我局配合人社部门做好…") is None
    assert source_place_in(housing, "工布江达县住房和城乡建设局", "商城县住房和城乡建设局", "") is None


def test_a_place_that_only_begins_like_a_division_is_not_that_division() -> None:
    from rules.jurisdiction import parse_division

    assert parse_division("清水湾的蓝澜湾度假酒店") is None  # a bay of 陵水, not 清水县
    assert parse_division("陈埭镇江头村工业区") is None  # 陈埭镇 | 江头村, not 镇江市
    assert parse_division("江苏镇江某厂").city == "镇江市"
    assert parse_division("镇江市丹徒区").county == "丹徒区"


def test_a_firm_is_named_with_the_countys_name_only_when_it_reads_as_a_name() -> None:
    from rules.jurisdiction import named_in_office, parse_division

    office = parse_division("湖南省邵阳市隆回县")
    cover = "隆回县人力资源和社会保障局：现将隆回县群众刘志勇反映家具厂拖欠工资问题的来信转去。"
    assert named_in_office(cover, office, []) is None  # a sentence, not a firm's name
    office = parse_division("广东省广州市白云区")
    own = "广州市白云区骏达皮具有限公司拖欠工资，工厂在花都区狮岭镇合成村。"
    assert named_in_office(own, office, [], "广州市白云区骏达皮具有限公司") is None  # the employer's own name


def test_a_pdf_tables_header_cell_wrapped_onto_the_next_line_still_heads_its_rows() -> None:
    from tests.extractors.letters import letter

    head = (
        "关于某某运维公司拖欠清洗工工资的联名投诉\n某县劳动保障监察大队：\n我们是三名光伏板清洗工，受雇于青海明洁运维服务有限公司，"
        "公司在西宁市城北区经二路12号。2025年7月至9月的工资共计56,400元至今未付。我们没有申请过劳动仲裁。\n"
        "我们推举韩永林为代表。请求责令公司支付拖欠的工资56,400元。\n签名表\n"
    )
    rows = [
        "序号 姓名 性别 身份证号码 工种 出勤（天） 应发工资（元） 已领生活费",
        "（元） 被欠工资（元） 签名",
        "1 韩永林 男 632521198504070315 水车司机 88 26,400 3,000 23,400 韩永林",
        "2 马福成 男 632523199009121514 清洗工 86 22,360 3,000 19,360 马福成",
        "3 李成玉 女 632126198201200821 清洗工 60 16,640 3,000 13,640 李成玉",
    ]
    fields = letter(head + "\n".join(rows) + "\n投诉人：韩永林等三人\n2025年10月20日")
    # the representative's row gives his number, and so his age, and his trade
    assert fields.complainant.id_number == "632521198504070315"
    assert fields.complainant.age == 40
    assert fields.complainant.occupation == "水车司机"


@pytest.mark.parametrize(
    ("told", "person"),
    [
        ("我要投诉某县艾乡健康科技有限公司，公司在蕲州镇雨湖路艾草产业园，法人是汪国良。", "汪国良"),
        ("我们是某县陇薯淀粉制品有限公司的七名工人，厂子在会川镇工业集中区，厂长周德明是公司法人。", "周德明"),
        ("本人在某县永兴陶瓷厂做拉坯师傅，老板邹永兴，营业执照登记之经营者亦是其本人。", "邹永兴"),
    ],
)
def test_the_legal_person_told_in_a_clause_of_the_employers_sentence(told: str, person: str) -> None:
    from tests.extractors.letters import letter

    intro = "领导：\n我叫方细桃，女，今年47岁，电话18771350264。"
    fields = letter(f"{intro}{told}公司欠我三个月工资9600元。请领导帮我要回工资。")
    assert fields.respondent.legal_representative == person


def test_a_legal_person_of_no_company_is_not_read() -> None:
    from tests.extractors.letters import letter

    told = "在镇上帮人摘茶，老板姓汪，法人是什么我也不懂。老板欠我工钱3000元。"
    fields = letter("领导：\n我叫方细桃，电话18771350264，" + told)
    assert fields.respondent.legal_representative is None


def test_wages_owed_after_the_new_year_are_the_period_not_the_contract_never_signed() -> None:
    from tests.extractors.letters import letter

    fields = letter(
        "某县劳动监察大队的领导：\n我叫付长河，八三年的，电话13541058826。\n"
        "我在县城客运站对过的某某洗浴有限公司当搓澡师傅。我是2018年10月去的，到现在三年多了，一直没给签合同，也没上保险。\n"
        "去年腊月二十五，老板把一月份的钱给了。过完年生意就不咋行了，二月份的钱一直拖着不给，说等等。"
        "我去要，他就说明天不用来了。二月份底薪加提成一共四千六，到现在一分没见着。\n"
        "我就想让老板把欠我的四千六工钱给我。\n付长河\n2022年4月6日"
    )
    # 去年腊月 (lunar, early 2022) then 过完年: February is February 2022; the contract since 2018 is not the claim
    assert fields.violation_start == date(2022, 2, 1)


def test_the_turn_of_the_year_after_its_last_months_opens_the_next_year() -> None:
    from extractors.complaint.datewords import year_marks

    told = "去年腊月二十五，老板把一月份的钱给了。过完年生意就不咋行了，二月份的钱一直拖着不给。"
    assert [y for _at, y in year_marks(told, date(2022, 4, 6))] == [2021, 2022]
    # a promise put off to the new year is no turn of the story's year
    promise = "一直干到今年腊月二十三小年那天，刘老板说钱还没回笼，过了年再说。从六月到腊月二十三，一共八个月。"
    assert [y for _at, y in year_marks(promise, date(2024, 2, 6))] == [2024]
    # with no late months told before it, 过完年 says nothing of the year
    assert [y for _at, y in year_marks("2023年5月进厂。过完年厂里就不发工资了。", date(2024, 6, 6))] == [2023]


@pytest.mark.parametrize("trade", ["烘干房操作工", "烘干塔操作工"])
def test_the_gan_of_a_word_does_not_cut_the_trade(trade: str) -> None:
    from tests.extractors.letters import letter

    fields = letter(
        f"我叫马占福，男，电话18795104736。今年6月初，我经同村人介绍，到宁夏红宝枸杞食品有限公司当{trade}，"
        "负责看烘干炉温度。公司欠我工资9600元。我没有申请过仲裁。求领导帮我要回这9600元工资。"
    )
    assert fields.complainant.occupation == trade


@pytest.mark.parametrize(
    ("place", "premises"),
    [
        ("天柱县人民医院做门诊楼和住院部的保安", "天柱县人民医院"),
        ("塔拉滩光伏园区恒晟50兆瓦光伏电站清洗光伏板", "塔拉滩光伏园区恒晟50兆瓦光伏电站"),
        ("某某有限公司车衣服", "某某有限公司"),  # the short tail the model's spans already lost
    ],
)
def test_the_place_of_work_is_the_clients_premises_not_the_work_done_there(place: str, premises: str) -> None:
    from extractors.complaint import _VERB_TAIL

    tail = _VERB_TAIL.search(place)
    assert tail and place[: tail.start()] == premises
    # a part of the premises the letter names stays (某医院住院部), and so does a branch (某公司洺南分拨中心)
    assert _VERB_TAIL.search("桦南县人民医院住院部") is None
    assert _VERB_TAIL.search("郸城县顺畅快递有限公司洺南分拨中心") is None
