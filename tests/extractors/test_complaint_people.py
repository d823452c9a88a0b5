"""The complainant described outside labelled lines: a group letter's roster table, a petition's 请求人 line,
a representative's description clause, a self-introduction, gender stated in words."""

from __future__ import annotations

import pytest

from extractors.complaint import extract_complaint
from extractors.normalize import normalize_text
from schemas.models import ParsedDocument


def _fields(text: str):  # type: ignore[no-untyped-def]
    return extract_complaint(ParsedDocument(text=normalize_text(text), format="txt", pages=1))


ROSTER_LETTER = """集体投诉书
临泉县人力资源和社会保障局劳动保障监察大队：
被投诉单位：临泉县宏达服装有限公司，地址：临泉县城关街道工业园纬三路，法定代表人：马海军。
我们15人都是宏达服装有限公司的缝纫工，从2025年4月起公司每月只发生活费800元，至今拖欠工资共计31万余元。
我们推举孔德兰、郝大勇为代表。
我们的请求：责令公司立即支付拖欠的工资。
以上事项没有申请过劳动仲裁，也没有向法院起诉。
投诉人签名表：
序号\t姓名\t性别\t年龄\t工种\t家庭住址\t联系电话\t签名
1\t孔德兰\t女\t44\t缝纫工\t临泉县迎仙镇孔庄村\t13855861234\t（签名）
2\t郝大勇\t男\t39\t裁剪工\t临泉县韦寨镇郝营村\t15955862345\t（签名）
3\t姜玉梅\t女\t51\t锁边工\t临泉县长官镇姜楼村\t18755863456\t（签名）
2025年9月3日
"""


def test_the_lead_representatives_row_of_the_roster_gives_their_details() -> None:
    f = _fields(ROSTER_LETTER)
    c = f.complainant
    assert (c.name, c.gender, c.age, c.occupation) == ("孔德兰", "女", 44, "缝纫工")
    assert (c.address, c.phone) == ("临泉县迎仙镇孔庄村", "13855861234")
    # evidence points at the row's cells
    ev = f.evidence["complainant.address"]
    assert normalize_text(ROSTER_LETTER)[ev.start : ev.end] == "临泉县迎仙镇孔庄村"


def test_a_roster_without_the_complainant_gives_nothing() -> None:
    letter = ROSTER_LETTER.replace("我们推举孔德兰、郝大勇为代表。", "投诉人：谢长根，男，住临泉县城关街道。")
    f = _fields(letter)
    assert f.complainant.name == "谢长根"
    assert f.complainant.phone is None and f.complainant.age is None


PETITION = """请求书
请求人：钱福生，男，57岁，身份证号341221196803150014，砖瓦工，住临泉县杨桥镇钱营村，电话13966851122。
被请求单位：临泉县兴旺新型建材有限公司，地址：临泉县杨桥镇工业集中区，法定代表人：顾长林。
请求事项：督促公司支付拖欠工资23000元。
事实与理由：本人2024年5月进厂做砖瓦工，2024年10月起公司拖欠工资，至今未付。
2025年3月2日
"""


def test_a_petition_names_its_parties_as_请求人_and_被请求单位() -> None:
    f = _fields(PETITION)
    assert (f.complainant.name, f.complainant.gender, f.complainant.age) == ("钱福生", "男", 57)
    assert f.complainant.address == "临泉县杨桥镇钱营村"
    assert f.respondent.name == "临泉县兴旺新型建材有限公司"
    assert f.respondent.address == "临泉县杨桥镇工业集中区"


REPRESENTATIVE_CLAUSE = """投诉书
屏边县劳动保障监察大队：
我们是在屏边县人民医院上班的护工，一共6个人，推举者阿妹、陶文兵为代表。者阿妹，女，48岁，住屏边县玉屏镇新华村，电话13887301234；陶文兵，男，41岁，电话18787302345。
公司从2025年3月起就没有发过工资。
我们请求：责令公司支付拖欠的工资。
2025年7月1日
"""


def test_a_representative_described_by_name_gender_and_age_is_the_complainant() -> None:
    f = _fields(REPRESENTATIVE_CLAUSE)
    c = f.complainant
    assert (c.name, c.gender, c.age, c.phone) == ("者阿妹", "女", 48, "13887301234")
    assert c.address == "屏边县玉屏镇新华村"


def test_a_self_introduction_names_the_writer() -> None:
    f = _fields("尊敬的领导：\n您好！我叫温秋菊，在县城的好再来酒楼洗碗，老板欠我三个月工资。\n求领导帮帮我。\n")
    assert f.complainant.name == "温秋菊"
    f = _fields("尊敬的领导：\n我叫温秋菊今年五十岁，老板欠我三个月工资。\n")
    assert f.complainant.name == "温秋菊"


@pytest.mark.parametrize(
    ("letter", "gender"),
    [
        ("领导：我一个大男人，被老板欠了一年的工钱，实在没脸回家。\n", "男"),
        ("领导：我怀孕五个月了，公司把我辞退了，工资也不给。\n", "女"),
        ("领导：我老公生病住院，我在厂里上班的工资被扣了一半。\n", "女"),
        ("领导：我一个女孩子，今年才19岁，在饭店端盘子，老板扣了我两个月工资。\n", "女"),
        ("领导：我是一名鞋厂的女工，厂里拖欠我三个月工资。\n", "女"),
        ("领导：我是一个六十多岁的老汉，在工地看大门，包工头欠我工钱。\n", "男"),
        # kinship: the letter is written for the father, for the husband (我男人)
        ("尊敬的领导：我替我父亲李长河写这封信，父亲李长河在工地上干了八个月，老板一分钱没给。\n"
         "代写人：李娟，电话13900001111\n", "男"),
        ("领导：我替我男人写这封信，我男人叫郝二虎，在煤矿挖煤，矿上欠他半年工资。\n"
         "联系人：苗春梅，电话13904771234\n", "男"),
        # a name or a trade alone says nothing; contradicting cues say nothing
        ("领导：我叫王秀英，在纺织厂做挡车工，厂里欠我工资。\n", None),
        ("领导：我一个大男人，我老公……不，我是说我们厂欠工资。\n", None),
    ],
)
def test_gender_told_in_words_not_guessed(letter: str, gender: str | None) -> None:
    assert _fields(letter).complainant.gender == gender


def test_addresses_and_trade_told_in_sentences() -> None:
    letter = (
        "尊敬的领导：\n我叫滕秋生，今年四十八岁，家住资源县中峰镇大庄村三组，电话13977301234。"
        "我是资源县恒通石材有限公司的一名切割工，2025年3月进厂。公司地址在资源县资源镇工业园二路16号，"
        "老板欠我五个月工资二万一千元。\n求领导帮我把工资要回来。\n2025年9月2日\n"
    )
    f = _fields(letter)
    assert f.complainant.address == "资源县中峰镇大庄村三组"
    assert f.complainant.occupation == "切割工"
    assert f.respondent.address == "资源县资源镇工业园二路16号"


def test_where_the_writer_works_is_not_the_companys_address() -> None:
    f = _fields("领导：我叫滕秋生，在资源县中峰镇的恒通石材厂上班，厂里欠我工资。\n")
    assert f.respondent.address is None


def test_agents_entrusted_in_a_sentence_with_their_phones() -> None:
    letter = (
        "投诉书\n鄢陵县劳动保障监察大队：\n我们是鄢陵县花都园林绿化有限公司的28名养护工，公司拖欠我们2025年4月至8月的工资共计42万元。"
        "我们推举彭雪梅为代表，并委托彭雪梅的丈夫金志强（电话13837451234）、老乡谭玉兰（电话15937452345）"
        "和柏长顺（电话18737453456）三人代我们办理投诉事宜。\n请求：责令公司支付拖欠的工资。\n2025年9月10日\n"
    )
    f = _fields(letter)
    assert [(a.name, a.phone) for a in f.agents] == [
        ("金志强", "13837451234"), ("谭玉兰", "15937452345"), ("柏长顺", "18737453456")]


def test_a_letter_for_a_mother_gives_her_gender_and_age() -> None:
    letter = (
        "尊敬的领导：\n您好！我是龚桂芝的女儿邵婷，我妈今年五十九岁了，不太会写字，这封信是我替她写的。"
        "我妈从2025年3月起在县城的福满楼酒店洗碗，老板欠她四个月工资九千六百元。\n"
        "求领导帮我妈把工钱要回来。\n联系人：邵婷，电话13907351234\n2025年8月1日\n"
    )
    c = _fields(letter).complainant
    assert (c.name, c.gender, c.age) == ("龚桂芝", "女", 59)


def test_the_writers_own_age_and_an_oral_records_glued_answers() -> None:
    c = _fields("领导：\n我叫符德兴，今年五十二岁，在砖厂码砖，老板欠我一万二千元工钱。\n").complainant
    assert c.age == 52
    record = (
        "询问笔录\n问：你的基本情况？\n答：我叫闫国栋，性别男，年龄39岁，住肥东县店埠镇。\n"
        "问：你反映什么问题？\n答：公司拖欠我三个月工资。\n"
    )
    c = _fields(record).complainant
    assert (c.name, c.gender, c.age) == ("闫国栋", "男", 39)


def test_a_chat_printout_before_the_letter_leaves_the_letter_readable() -> None:
    letter = (
        "投诉材料\n【微信聊天记录】\n"
        "孟总  2025年1月5日 19:02\n饶师傅，工钱年前肯定结。\n"
        "我  2025年1月5日 19:10\n孟总，三个月工钱一共2万7，屋里等着用。\n"
        "孟总  2025年1月22日 10:11\n公司没钱，过完年再说。\n"
        "我  2025年1月22日 10:15\n你讲好年前给的。\n"
        "—— 以上聊天记录为本人手机截图打印 ——\n"
        "尊敬的劳动保障监察大队领导：\n"
        "我叫饶永福，男，是一名木工，电话13574011234。我在衡阳市恒达装饰工程有限公司做事，2024年10月到12月的工钱一共2万7千元至今未发。\n"
        "我的请求：责令公司支付拖欠我的工资27000元。\n投诉人：饶永福\n2025年2月10日\n"
    )
    f = _fields(letter)
    assert (f.complainant.name, f.complainant.occupation, f.complainant.phone) == ("饶永福", "木工", "13574011234")
    assert str(f.letter_date) == "2025-02-10"  # the letter's own date, not a message's
    assert f.requests and "27000" in f.requests[0]


def test_web_page_chrome_is_not_the_letter() -> None:
    letter = (
        "致县长的一封信\n发布时间：2025-03-02 09:14  来源：县长信箱  阅读：1203\n"
        "尊敬的县长：\n我叫柯长林，是县城恒昌驾校的教练，驾校从2024年10月起拖欠我工资，至今共计三万六千元。\n"
        "恳请县长督促驾校把工资发给我。\n柯长林\n2025年3月1日\n"
    )
    f = _fields(letter)
    assert f.facts and not f.facts.startswith("发布时间")
    assert f.amount_claimed_yuan == 36000


def test_a_year_given_in_brackets_after_今年_dates_the_months_told() -> None:
    letter = (
        "领导：俺从2024年8月份开始在县医院做保洁，一开始还按月给，从今年（2025年）二月份起就不给了。"
        "俺一直干到六月底，二月到六月五个月的工资一分也没给，一共是一万三千块。\n2025年7月28日\n"
    )
    f = _fields(letter)
    assert (str(f.violation_start), str(f.violation_end)) == ("2025-02-01", "2025-06-30")


def test_age_from_the_id_number_or_told_without_岁_even_when_a_forms_cell_is_blank() -> None:
    letter = "领导：\n我叫裴长顺，男，身份证号371321197108143519，在工地扎钢筋，老板欠我工钱。\n2024年4月8日\n"
    assert _fields(letter).complainant.age == 52  # born 1971-08-14, letter 2024-04-08
    told = "领导：\n我叫裴长顺，今年五十二了，在工地扎钢筋，老板欠我工钱。\n2024年4月8日\n"
    assert _fields(told).complainant.age == 52
    assert _fields("领导：\n我叫裴长顺，今年五十多了，在工地扎钢筋。\n2024年4月8日\n").complainant.age is None
    form = (
        "投诉登记表\n投诉人\t裴长顺\t性别\t男\n年龄\t职业\t钢筋工\n"
        "身份证号\t371321197108143519\n登记日期\t2024年4月8日\n"
    )
    # the form's 年龄 cell is blank, but its ID number states the birth date: asking the worker for an age the
    # form already gives would be a false missing-item flag (the corpus's goldens count it from the ID)
    assert _fields(form).complainant.age == 52
    assert _fields("领导：\n我叫岩温，傣族，今年三十四岁，在工地搭架子，老板欠我工钱。\n").complainant.age == 34


