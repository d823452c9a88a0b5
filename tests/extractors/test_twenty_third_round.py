"""What the twenty-third round's read sets (14j, 14k, 14l, 14m, realdocs28's odd half) showed (issue 12): a
cleaner or guard an outsourcing firm posts at a school, hospital or hotel, birth years and ages as writers say
them, a registered name after 营业执照名称为, an address after 地址写的是, years of the Republic, agents listed
under a sentence, a form's ticked row, and a report telling a town of a neighbouring county, or a one-character
county's brigade, as its own. Texts invented for the test; the towns and counties are real ones of one city, as
the gazetteer knows them."""

from __future__ import annotations

from datetime import date

from extractors.normalize import normalize_text
from rules.loader import load_rules
from rules.report_foreign import find_foreign_references
from tests.extractors.letters import doc as _doc
from tests.extractors.letters import letter as _letter

# ------------------------------------------------------------------------------------------------ letters


_HOSPITAL_CLEANER = (
    "县劳动保障监察大队：\n"
    "　　我叫付桂芝，女，今年55岁，家住桐梓县娄山关街道新站村，电话13985217764。我从2024年4月开始在桐梓县中医院"
    "做保洁员，我不是医院招的，是遵义市净邦物业服务有限公司招的，合同也是跟净邦物业签的。\n"
    "　　从2025年6月起公司就没发工资，6月到9月每月2300元，一共9200元。\n"
    "　　请求督促净邦物业公司把拖欠我的9200元工资发给我。\n"
    "付桂芝\n2025年10月9日\n"
)


def test_a_cleaner_posted_at_a_hospital_works_for_the_firm_at_the_hospital() -> None:
    fields = _letter(_HOSPITAL_CLEANER)
    assert fields.complainant.employer == "遵义市净邦物业服务有限公司"
    assert fields.respondent.workplace == "桐梓县中医院"


_SCHOOL_GUARD = (
    "尊敬的领导：\n"
    "　　我叫龚长林，男，1961年出生，家住綦江区古南街道桥河村，电话13896412058。我在綦江区东溪中学当保安，"
    "是重庆卫安保安服务有限公司派过来的，工资一直是公司发，每月2500元。2025年3月、4月、5月三个月的工资"
    "7500元到现在没发。\n"
    "　　恳请领导督促卫安保安公司把拖欠我的7500元工资给我。\n"
    "龚长林\n2025年7月2日\n"
)


def test_a_guard_sent_to_a_school_by_a_security_firm() -> None:
    fields = _letter(_SCHOOL_GUARD)
    assert fields.complainant.employer == "重庆卫安保安服务有限公司"
    assert fields.respondent.workplace == "綦江区东溪中学"


def test_a_cleaner_the_hospital_itself_hires_has_no_place_of_work_apart() -> None:
    text = _HOSPITAL_CLEANER.replace(
        "我不是医院招的，是遵义市净邦物业服务有限公司招的，合同也是跟净邦物业签的。", "是医院后勤科招的。"
    ).replace("净邦物业公司", "医院")
    fields = _letter(text)
    assert fields.respondent.workplace is None


def test_a_birth_year_told_by_two_digits_gives_the_age_at_the_letter_date() -> None:
    text = (
        "兴仁市劳动监察大队的领导你们好：\n"
        "　　我叫罗浩然，男，01年的，家在兴仁市东湖街道，电话17308591264。我在城南的“味正”烧烤店当服务员，"
        "老板欠我2025年7月、8月的工资5200元。\n"
        "　　希望领导帮我把5200元要回来。\n"
        "罗浩然\n2025年10月15日\n"
    )
    assert _letter(text).complainant.age == 24
    assert _letter(text.replace("01年的", "88年的")).complainant.age == 37


def test_an_unnamed_writers_spoken_age_in_their_introduction() -> None:
    text = (
        "县长信箱 来信人：李**\n"
        "领导好！俺是龙塘镇河湾村的，一个妇女，今年五十一了。俺在镇上的纸箱厂糊纸箱，厂里欠俺2025年8月、9月的工钱"
        "4600块，到现在不给。\n"
        "　　俺就想领导帮俺把钱要回来。\n"
    )
    assert _letter(text).complainant.age == 51


def test_the_registered_name_after_its_label_has_no_label_in_it() -> None:
    from extractors.complaint import _REGISTERED

    text = "其于2025年5月起在康乐县城关镇雪莲大酒店做客房服务员（营业执照名称为康乐县雪莲酒店管理有限公司），"
    m = _REGISTERED.search(text)
    assert m is not None and m.group("n") == "康乐县雪莲酒店管理有限公司"


# ------------------------------------------------------------------------------------------------ reports


def _foreign(text: str, agency: str) -> list[str]:
    params = load_rules()["report.foreign_reference"].params
    return [f.text for f in find_foreign_references(normalize_text(text), agency, params)]


def test_a_town_of_a_neighbouring_county_told_as_the_bodys_own() -> None:
    text = (
        "霍邱县人力资源和社会保障局2025年政务公开工作总结\n"
        "　　一是拓宽公开渠道。全年在县政府网站公开信息126条。\n"
        "　　二是开展政策宣讲。6月，我局在我县梅山镇、周集镇举办就业政策宣讲会2场。\n"
    )
    found = _foreign(text, "霍邱县人力资源和社会保障局")
    assert len(found) == 1 and "梅山镇" in found[0]  # 梅山镇 is 金寨县's; 周集镇 is 霍邱县's own
    assert _foreign(text.replace("梅山镇、", ""), "霍邱县人力资源和社会保障局") == []
    visit = text.replace("我局在我县梅山镇、周集镇举办", "我局赴梅山镇学习就业服务经验，并在周集镇举办")
    assert _foreign(visit, "霍邱县人力资源和社会保障局") == []


def test_a_one_character_countys_brigade_told_as_the_bodys_own() -> None:
    text = (
        "宁陵县人力资源和社会保障局2025年政务公开工作总结\n"
        "　　（三）加强欠薪治理信息公开。全年受理欠薪投诉41件，"
        "睢县劳动保障监察大队对全县38个在建工程项目开展工资支付专项检查2轮，检查结果在局专栏公布。\n"
    )
    assert len(_foreign(text, "宁陵县人力资源和社会保障局")) == 1
    assert _foreign(text.replace("睢县", "县"), "宁陵县人力资源和社会保障局") == []


# ------------------------------------------------------------------------------------------------ 14l's kinds


def test_a_petitioners_label_names_the_complainant() -> None:
    text = (
        "尊敬的县信访局领导：\n"
        "信访人：马永福，男，今年52岁，家住靖边县杨桥畔镇杨桥畔村二组，电话13909128846。\n"
        "被反映人：靖边县安泰油田技术服务有限公司。\n"
        "　　我2024年3月进的安泰公司，在井场上干修井，公司欠我2025年7月到10月的工资共计24000元。\n"
        "　　请政府督促安泰公司把欠我的24000元工资结清。\n"
    )
    fields = _letter(text)
    assert fields.complainant.name == "马永福"
    assert fields.complainant.gender == "男" and fields.complainant.age == 52


def test_a_formal_letter_in_traditional_characters_with_years_of_the_republic() -> None:
    from extractors.complaint.datewords import resolve_dates

    text = (
        "翔安區人力資源和社會保障局勞動保障監察大隊　鈞鑒：\n"
        "　　敬啟者：本人黃志明，男，臺灣高雄人，民國六十二年生，現暫住翔安區新店街道洋塘里。\n"
        "　　民國一一一年（二〇二二年）五月，本人應聘至廈門市鴻昌精密模具有限公司擔任模具技師。"
        "民國一一二年（二〇二三年）下半年起，公司停發薪資，八月至十一月共四個月、合計人民幣四萬八千元分文未付。\n"
        "　　懇請貴隊責令公司支付所欠薪資四萬八千元。\n"
        "黃志明\n2026年3月2日\n"
    )
    fields = _letter(text)
    assert fields.complainant.name == "黄志明"  # (read from the normalised text; the reader keeps the written form)
    assert fields.complainant.age == 2026 - 1973
    assert (fields.violation_start, fields.violation_end) == (date(2023, 8, 1), date(2023, 11, 30))
    written, _ = resolve_dates("民国一一二年（二〇二三年）下半年起，八月至十一月未付。", date(2026, 3, 2), None)
    assert written.startswith("2023年下半年起") and "2023年八月" in written


def test_agents_listed_under_a_sentence_that_entrusts_them() -> None:
    text = (
        "县劳动保障监察大队：\n"
        "　　我们是临洮县某某食品有限公司的六名工人，公司欠我们2025年9月至12月工资共计86400元。\n"
        "　　另外，我们委托以下三人作为我们的代理人，帮我们办理投诉的有关事情：\n"
        "　　王建华，甘肃某律师事务所律师，电话13993236118；\n"
        "　　张志强，洮阳镇某村村民委员会主任，电话13519321575；\n"
        "　　李小军（李小红的哥哥），在定西市里上班，电话18993207662。\n"
        "　　请求责令公司支付拖欠的工资86400元。\n"
    )
    agents = _letter(text).agents
    assert [a.name for a in agents] == ["王建华", "张志强", "李小军"]
    assert agents[0].phone == "13993236118"


def test_the_writers_lunar_birth_month_in_a_sentence_no_name_opens() -> None:
    text = (
        "县人社局劳动监察大队的领导：\n"
        "　　我叫吴德兵，在新政镇老码头火锅店做切配厨师，电话13890871122。\n"
        "　　我本人男，1980年腊月生的，老家是仪陇县日兴镇龙桥村四组。店里欠我2025年10月、11月的工资8600元。\n"
        "　　请领导帮我把8600元要回来。\n"
        "吴德兵\n2026年3月10日\n"
    )
    fields = _letter(text)
    assert fields.complainant.age == 45  # 1980年腊月 is January 1981 (its 15th: 1981-01-19)


def test_a_ticked_row_answers_the_proceedings_question() -> None:
    from extractors.complaint.proceedings import classify

    assert classify("□调解\u3000□仲裁\u3000□诉讼\u3000☑均未经过") == "none"
    assert classify("□调解\u3000☑仲裁\u3000□诉讼") == "arbitration"
    assert classify("□调解\u3000□仲裁\u3000□诉讼") is None  # nothing ticked says nothing


def test_one_task_told_where_the_writer_works_is_the_occupation() -> None:
    text = (
        "领导你好\n"
        "俺叫付长海 家住望奎县灵山乡东兴村 电话13945512287 俺是去年开春跟着宏盛建筑工程有限公司干的 "
        "到年底公司给钱 俺在工地上绑钢筋 一天三百二 说好的干完活一块结 到现在欠俺一万二千八百块\n"
        "俺就想领导帮俺把钱要回来\n"
    )
    assert _letter(text).complainant.occupation == "绑钢筋"  # (绑 is tagged zg, 钢筋 n)


def test_a_registered_name_that_repeats_its_county_after_its_town() -> None:
    text = (
        "县劳动保障监察大队：\n"
        "　　我们是渭源县会川镇渭源岐山中药材有限公司的五名工人，公司拖欠我们2025年10月至2026年1月工资共计52000元。\n"
        "　　请求责令公司支付拖欠的工资52000元。\n"
    )
    assert _letter(text).complainant.employer == "渭源岐山中药材有限公司"


# ------------------------------------------------------------------------------------------------ 14m's kinds


def test_birth_years_and_nominal_ages_as_writers_say_them() -> None:
    base = (
        "领导你们好：\n"
        "　　我叫{name}，{about}，家住{home}。我在镇上的饲料厂开铲车，老板欠我2025年10月、11月的工资9200元。\n"
        "　　请领导帮我把9200元要回来。\n"
        "{name}\n2026年1月12日\n"
    )
    said = {
        "男，七六年出世": 50,  # a Cantonese writer's 出世, a birth year in two digits
        "我是七零年的，男的": 56,
        "女，今年虚岁五十": 49,  # the nominal age counts the year of birth
    }
    for about, age in said.items():
        fields = _letter(base.format(name="邓桂林", about=about, home="英州镇东坡村"))
        assert fields.complainant.age == age, about


def test_a_cantonese_writer_renting_where_they_live() -> None:
    text = (
        "劳动监察大队嘅领导：\n"
        "　　你哋好！我叫冯锦荣，男，而家租屋住喺容桂细滘，电话13692287341。我喺海尾市场边嘅海鲜档做切配，"
        "老细欠我2025年9月、10月人工一万一千元。\n"
        "　　我就想攞返呢一万一千蚊。\n"
    )
    assert _letter(text).complainant.address == "容桂细滘"


def test_a_worker_still_at_work_while_the_arrears_go_on() -> None:
    text = (
        "西吉县劳动保障监察大队：\n"
        "　　我叫马小军，男，电话13995426618，暂住吉强镇城南。我在西吉县某源淀粉有限公司当叉车司机，"
        "2025年12月开始工资就没发，一共13500元。厂里现在还在生产，我也还天天上班，老板天天说过几天就发。\n"
        "　　请监察大队督促公司把欠我的13500元工资发了。\n"
        "马小军\n2026年3月10日\n"
    )
    fields = _letter(text)
    assert fields.violation_ongoing is True and fields.violation_end is None
    during = _letter(text.replace("我也还天天上班", "那几个月我照常上班").replace("厂里现在还在生产，", ""))
    assert not (during.violation_ongoing and during.violation_end is None)  # 照常上班 was during the arrears


def test_a_plans_bracketed_section_answers_and_twice_a_year_is_semiannual() -> None:
    from extractors.report import extract_report

    text = (
        "某县人力资源和社会保障局2027年政务公开工作要点\n"
        "　　一、推进重点领域信息公开\n"
        "　　1.每季度首月15日前，在县政府门户网站人社局专栏公开上季度主要业务数据。（责任股室：规划财务股）\n"
        "　　2.每年6月、12月各公开一次人社政策执行情况。（责任股室：局办公室）\n"
    )
    commitments = extract_report(_doc(text)).commitments
    assert [c.responsible for c in commitments] == ["规划财务股", "局办公室"]
    assert [c.cadence for c in commitments] == ["quarterly", "semiannual"]


def test_a_title_whose_first_line_opens_with_its_month_and_a_craft_is_no_system() -> None:
    from extractors.report import extract_report

    text = (
        "某县劳动保障监察大队\n"
        "2026年4月份根治欠薪及监察信息公开\n"
        "工作情况月报\n"
        "县人力资源和社会保障局：\n"
        "　　4月，我队在春茶采制期间通过各乡镇劳动保障所公示栏公开茶企用工指导价，落实首问负责制。\n"
    )
    fields = extract_report(_doc(text)).fields
    assert fields.title == "2026年4月份根治欠薪及监察信息公开工作情况月报"
    assert fields.named_systems == ["首问负责制"]
