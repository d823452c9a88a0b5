"""Complaint items stated in ways the corpus showed the rules missing (issue 12); texts invented for the test."""

from __future__ import annotations

from datetime import date

from extractors.complaint import extract_complaint
from extractors.normalize import normalize_text
from schemas.models import ParsedDocument


def _fields(text: str):  # type: ignore[no-untyped-def]
    return extract_complaint(ParsedDocument(text=normalize_text(text), format="txt", pages=1))


def test_the_first_elected_representative_described_in_person_is_the_complainant() -> None:
    f = _fields(
        "集体投诉书\n投诉人：某县某某纺织有限公司挡车工共12人\n"
        "推举代表：韦某芳，女，1980年3月出生，挡车工，住某县某镇某村，联系电话13877120345。\n"
        "推举代表：蓝某强，男，41岁，保全工，联系电话13877120346。\n"
        "被投诉单位：某县某某纺织有限公司\n请求事项：支付拖欠工资。"
    )
    c = f.complainant
    assert (c.name, c.gender, c.occupation, c.phone) == ("韦某芳", "女", "挡车工", "13877120345")


def test_the_post_after_the_work_unit_is_the_occupation() -> None:
    f = _fields(
        "来访登记表\n来访人姓名：覃某明\n工作单位及岗位：某县某某塑料有限公司 叉车司机\n被反映单位：某县某某塑料公司"
    )
    assert (f.complainant.name, f.complainant.employer, f.complainant.occupation) == (
        "覃某明", "某县某某塑料有限公司", "叉车司机")


def test_the_respondent_is_the_complainants_work_unit() -> None:
    f = _fields("投诉书\n投诉人：黄某某\n被投诉单位：某县某某物流有限公司\n事实与理由：公司拖欠本人工资两个月。")
    assert f.complainant.employer == "某县某某物流有限公司"


def test_a_letter_for_a_parent_names_the_worker_in_its_first_sentence() -> None:
    f = _fields(
        "投诉信\n我是某县某某物业服务有限公司保洁员张某兰的女儿王某。我母亲不识字，这封信是我替她写的。\n"
        "公司拖欠我母亲三个月工资。"
    )
    assert (f.complainant.name, f.complainant.occupation) == ("张某兰", "保洁员")


def test_the_occupation_before_the_writers_name() -> None:
    f = _fields("领导：\n我是某某建工有限公司某某花园项目上的钢筋工刘某军，老板欠我工钱半年了。")
    assert (f.complainant.name, f.complainant.occupation) == ("刘某军", "钢筋工")


def test_the_clauses_after_the_complainants_name_describe_them() -> None:
    """本人某某（身份证…，电话…，住…） and 我叫某某，身份证号…，家住…: the ID, phone and home told in the
    sentence of the name; the ID's birth date gives the age and its 17th digit the gender."""
    f = _fields(
        "情况反映\n本人覃某勇（身份证452226198503112917，电话13977231234，住某县某镇某村三组），木工。"
        "2025年3月至6月在某县某某装饰工程有限公司做木工，老板黄某，电话13800001111，欠我工资8600元。\n"
        "请求：帮我要回工资。\n2025年9月1日"
    )
    c = f.complainant
    assert (c.id_number, c.phone, c.address, c.age, c.gender) == (
        "452226198503112917", "13977231234", "某县某镇某村三组", 40, "男")


def test_a_clause_about_the_boss_is_not_the_complainants() -> None:
    f = _fields(
        "反映信\n我叫韦某花，老板叫黄某，电话13800001111，他在某县某镇开了一家某某餐馆，欠我三个月工资。\n"
        "希望领导帮我讨回工资。\n2025年9月1日"
    )
    assert f.complainant.name == "韦某花"
    assert f.complainant.phone is None


def test_a_representatives_id_in_a_group_letter_gives_gender_and_age() -> None:
    f = _fields(
        "联名投诉信\n我们是某县某某制衣有限公司的12名员工，公司拖欠我们2025年10月至12月工资共计15万元。\n"
        "我们推选梁某强、陈某兰两人作为代表。\n代表梁某强，身份证号441900198511023510，电话13538452716。\n"
        "请求：责令公司支付拖欠工资。\n2026年1月6日"
    )
    c = f.complainant
    assert (c.name, c.gender, c.age) == ("梁某强", "男", 40)


def test_representatives_listed_on_the_lines_after_their_election() -> None:
    f = _fields(
        "致某某报社的一封公开信\n我们是某市某某培训学校有限公司的27名教职工，学校拖欠我们2025年10月至12月工资共计52万元。\n"
        "我们恳请：督促学校支付拖欠的工资。\n我们推选以下两位老师作为代表，负责与各方联系：\n"
        "韦某兰（小学语文教师，身份证号61011319860814502X，电话18691827365）\n"
        "覃某（招生主管，电话15529370418）\n某某培训学校全体被欠薪教职工\n2026年1月12日"
    )
    assert (f.collective, f.complainant_count, f.representatives) == (True, 27, ["韦某兰", "覃某"])
    c = f.complainant
    assert (c.name, c.gender, c.phone, c.id_number) == ("韦某兰", "女", "18691827365", "61011319860814502X")


def test_an_organisation_name_does_not_run_across_the_sentence_before_it() -> None:
    """大宝虽已上幼儿园 is no employer; 老公在某医院 starts the name after 在; 广西和美… keeps its 和."""
    from extractors.complaint.parties import clean_org

    assert clean_org("大宝虽已上幼儿园") is None
    assert clean_org("名字叫湖州锦绣童装有限公司") == ("湖州锦绣童装有限公司", 3)
    assert clean_org("广西和美家政服务有限公司") == ("广西和美家政服务有限公司", 0)
    f = _fields(
        "求助信\n我家三个孩子，大宝虽已上幼儿园，二宝还没人带。今年春节后我进入金华某某汽车饰件有限公司打工，"
        "3月到6月的工资一分没发，共计一万八千元。\n恳请领导帮我要回工资。\n2025年7月1日"
    )
    assert f.complainant.employer == "金华某某汽车饰件有限公司"


def test_rarer_surnames_and_yi_family_names_are_names() -> None:
    from extractors.complaint.labels import is_person_name
    from extractors.report.people import _name_at

    for name in ("邴某蕾", "綦某堂", "佘某平", "訾某卫", "亓某波", "沙马某果"):
        assert is_person_name(name) and _name_at(name + "，", 0) == name
    for word in ("但是", "索要", "达到", "次日"):  # common words stay words
        assert not is_person_name(word)


def test_an_age_told_without_sui_after_the_name() -> None:
    """俺叫某某，周口沈丘嘞，今年五十八了: a spoken age with no 岁 is the writer's age; 今年3月 is no age."""
    f = _fields(
        "县劳动监察大队的领导：\n俺叫侯某仓，周口沈丘嘞，今年五十八了，一个大老爷们儿。今年3月俺跟着包工头在某某小区工地扎钢筋，"
        "说好一天三百五，干到7月底一分没给，一共欠俺三万一千五百块。\n求领导帮俺要回工钱。\n侯某仓\n2025年9月2日"
    )
    assert (f.complainant.name, f.complainant.age) == ("侯某仓", 58)


def test_a_name_in_parts_joined_by_a_middle_dot() -> None:
    f = _fields(
        "投诉书\n投诉人：艾某·买买提，男，维吾尔族，电话13899123456\n被投诉人：乌鲁木齐某某钢结构工程有限公司\n"
        "事实与理由：本人2024年5月起在被投诉人处从事电焊工作，2024年10月至12月工资共计21000元未发。\n"
        "请求：责令支付拖欠工资。\n2025年2月10日"
    )
    assert f.complainant.name == "艾某·买买提"
    g = _fields(
        "我是一名在杭州跑外卖的新疆姑娘，我叫阿依某丽·买买提，今年27岁，站点欠我两个月工资八千六百元。\n请领导帮帮我。"
    )
    assert (g.complainant.name, g.complainant.age) == ("阿依某丽·买买提", 27)


def test_i_am_so_and_so_from_a_village_gives_name_and_address() -> None:
    """我是某县某镇某村的某某: the name, and the place they come from as their address."""
    f = _fields(
        "劳动保障监察大队领导：\n我是西吉县某某镇单家集村的虎某祥，回族，今年三十八岁。2025年3月到8月我在银川一家面馆当拉面师傅，"
        "老板欠我四个月工资两万四千元。\n请帮我讨回工钱。\n2025年10月8日"
    )
    c = f.complainant
    assert (c.name, c.address, c.age) == ("虎某祥", "西吉县某某镇单家集村", 38)


def test_a_forms_ticked_box_answers_its_item() -> None:
    from extractors.complaint.labels import ticked

    answers = [ticked(v) for v in ("□是　☑否", "是□ 否☑", "是（ ）否（√）", "□是 □否", "没有")]
    assert answers == ["否", "否", "否", "", None]
    f = _fields(
        "劳动保障监察投诉登记表\n投诉人姓名\t韩某敏\n性别\t□男 ☑女\n联系电话\t13512345678\n"
        "被投诉单位\t重庆某某超市有限公司\n投诉事项\t拖欠2025年4月工资3960元\n"
        "是否已申请仲裁或提起诉讼\t□是　☑否\n登记日期\t2025年5月20日"
    )
    assert (f.complainant.gender, f.prior_proceedings) == ("女", "none")


def test_an_oral_records_all_none_answer() -> None:
    f = _fields(
        "询问笔录\n问：你叫什么名字？\n答：我叫莫某华。\n问：你要反映什么问题？\n答：容县某某陶瓷厂欠我3万元工资。\n"
        "问：你是否就此事申请过劳动仲裁、起诉，或者经过调解？\n答：都没有。"
    )
    assert f.prior_proceedings == "none"


def test_a_shop_known_by_its_quoted_name_is_an_employer_candidate() -> None:
    from extractors.learned.slots import candidates

    text = "今年3月到4月，我在沙井的一家湘菜馆“湘味轩”做服务员。额到小寨一个叫“秦川老碗面”的面馆里当面匠。"
    assert {"湘味轩", "秦川老碗面"} <= {c.text for c in candidates(text, "org")}


def test_a_letter_for_a_relative_makes_the_relative_the_complainant_and_the_writer_the_agent() -> None:
    f = _fields(
        "尊敬的领导：\n我是湖南某某大学的一名大三学生，叫邬某雨。我爸叫邬某华，今年52岁，是一名瓦工，2025年3月起在长沙某某装饰工程有限公司"
        "做瓷砖铺贴，公司至今拖欠我爸工资2.84万元。我爸不会用智能手机，这封信是我替他写的。\n"
        "恳请领导督促该公司尽快结清拖欠我父亲的工资2.84万元。我的电话是17378426015。\n2025年10月9日"
    )
    c = f.complainant
    assert (c.name, c.age, c.phone) == ("邬某华", 52, None)
    assert [(a.name, a.phone) for a in f.agents] == [("邬某雨", "17378426015")]


def test_the_relatives_own_phone_when_the_writer_gives_it() -> None:
    f = _fields(
        "我叫赵某娜，替我妈妈赵某琴反映情况。我妈在某某物业公司做保洁，被拖欠工资三个月共7500元。"
        "我的电话是13504038817，我妈的电话是13190267745。\n请领导帮帮我妈。"
    )
    assert (f.complainant.name, f.complainant.phone) == ("赵某琴", "13190267745")


def test_a_worker_writing_about_her_husband_stays_the_complainant() -> None:
    f = _fields(
        "我叫王某芳，在某某服装厂当车工，今年5月到8月的工资一共一万六千元没发。我老公在家带孩子，全家就靠我这份工资。"
        "我的电话是13912345678。\n请领导帮我讨回工资。"
    )
    assert (f.complainant.name, f.complainant.phone) == ("王某芳", "13912345678")


def test_a_posts_own_time_stamp_dates_the_letter() -> None:
    """A web post or a hotline call is dated by its own stamp (2026-02-26 21:17); the office's steps are not."""
    f = _fields(
        "首页 > 互动交流 > 留言选登\n1楼　老铁西的风　2026-02-26 21:17\n"
        "我在铁西区一家饭店后厨打荷，老板拖欠我三个月工资一万二千元，"
        "找了好几次都不给。求领导帮帮忙。\n2楼　沈北小刘　2026-02-26 21:35\n顶一下"
    )
    assert str(f.letter_date) == "2026-02-26"
    g = _fields(
        "12345热线工单\n派单时间：2025-12-03 11:02\n来电时间：2025-12-03 10:26\n来电人：乔某\n"
        "诉求内容：来电人反映在某某物业公司做保安，被拖欠2025年9月至11月工资共8400元。"
    )
    assert str(g.letter_date) == "2025-12-03"


def test_the_first_named_representative_on_a_representatives_line() -> None:
    """司机代表：某某（电话…） 某某（电话…）: any 代表 line (never 法定代表人) names the representatives; the first
    is the complainant, with the phone beside the name."""
    f = _fields(
        "尊敬的总理：\n我们是在准格尔旗给某某能源公司干活的47名自卸车司机，公司拖欠我们2024年工资共计三百一十二万元。\n"
        "恳请督促公司把工资发给我们。\n司机代表：郭某军（电话15147728340） 白某虎（电话15904771234）\n2025年1月8日"
    )
    assert f.representatives == ["郭某军", "白某虎"]
    assert (f.complainant.name, f.complainant.phone) == ("郭某军", "15147728340")


def test_employer_candidates_as_people_speak_of_one() -> None:
    from extractors.learned.slots import candidates

    text = "腊月二十那天，赵老板把我们几个服务员叫去。我们是给神华干活的司机，跟着包工头马某福干活。四川老板跑了。"
    assert {"赵老板", "神华", "马某福", "四川老板"} <= {c.text for c in candidates(text, "org")}


def test_where_the_writer_comes_from_is_their_address() -> None:
    """我叫某某，是某县某镇人 / 家是某县某镇的: the place the writer names as theirs, down to a town or county, is the
    address the letter gives (a village was read so already)."""
    f = _fields(
        "尊敬的市长：\n您好！我叫麻某强，是大方县羊场镇人，今年五十一岁，在西安一个工地干了八个月，包工头欠我三万二千元。\n"
        "请市长帮帮我们。"
    )
    assert (f.complainant.name, f.complainant.address, f.complainant.age) == ("麻某强", "大方县羊场镇", 51)


def test_where_the_employer_says_its_shop_or_factory_is() -> None:
    """厂子在某镇某园区 / 店开在某路126号 / 公司就在某路18号: where the employer is, not only where the writer works."""
    f = _fields(
        "领导：\n我在某某制衣厂做车位工，厂子在大沥镇盐步河东工业区，老板叫麦某荣，拖欠我三个月工资一万五千元。\n请帮我讨回工资。"
    )
    assert f.respondent.address == "大沥镇盐步河东工业区"
    g = _fields("我在老友记餐饮店当服务员，店开在拉堡镇柳堡路西段126号。老板欠我两个月工资六千元。\n请领导帮忙。")
    assert g.respondent.address == "拉堡镇柳堡路西段126号"


def test_a_phone_clause_ended_with_a_half_width_stop() -> None:
    f = _fields(
        "我叫那某苏,蒙古族,今年35岁,家住达茂旗百灵庙镇,电话15247261093.\n2019年3月我进了包头某某钢结构公司当焊工,公司欠我两万元."
    )
    assert (f.complainant.phone, f.complainant.address) == ("15247261093", "达茂旗百灵庙镇")


def test_requests_listed_in_one_sentence_and_a_work_orders_next_field() -> None:
    f = _fields(
        "尊敬的领导：\n我们几个在某某养老院做护工，每天干12个小时，工资只有1400元。\n"
        "请求领导：一、叫养老院按最低工资标准给我们发工资；二、值夜班和休息日上班要算加班费。\n2025年6月3日"
    )
    assert f.requests == ["叫养老院按最低工资标准给我们发工资", "值夜班和休息日上班要算加班费"]
    g = _fields(
        "12345热线工单\n来电人\t李某\n联系电话\t13812345678\n诉求内容\t来电人反映在某某外卖站点跑单，站点克扣工资和押金共1800元。\n"
        "诉求\t希望相关部门核实处理，督促站点退还克扣的工资和押金\n"
        "交办单位\t某某区人力资源和社会保障局\n派单时间\t2025-06-13 10:05"
    )
    assert g.requests == ["希望相关部门核实处理，督促站点退还克扣的工资和押金"]


def test_months_after_a_year_told_with_a_season_are_in_that_year() -> None:
    """2022年秋天…10月、11月和12月1号到15号的工资一直没发: the months are 2022's, not the last ones before the letter;
    自2019年起 sets no story year (今年3月 stays the letter's year)."""
    f = _fields(
        "我叫赫某娜，今年31岁。\n2022年秋天宾馆被征用做隔离点，我们几个服务员一直在里面干活。10月、11月和12月1号到15号的工资一直没发，"
        "一共6500元。12月15号我就回老家了。\n请领导帮我要回工资。\n2025年3月6日"
    )
    assert str(f.violation_start) == "2022-10-01" and f.violation_end is not None and f.violation_end.year == 2022


def test_place_of_work_candidates_keep_a_quoted_name_whole() -> None:
    from extractors.learned.slots import candidates

    text = "我在濂溪区十里大道“滨江壹号”三期项目工地干木工，在“铁西·金色家园”小区烧锅炉。"
    spans = {c.text for c in candidates(text, "work")}
    assert "“滨江壹号”三期项目工地" in spans and "“铁西·金色家园”小区" in spans
    assert not any(s.startswith("”") or s.count("“") != s.count("”") for s in spans)


def test_a_legal_representative_named_in_passing() -> None:
    f = _fields(
        "领导好：\n我在重庆某某建设工程有限公司（渝北区龙塔街道黄龙路26号附3号，法定代表人邓某华）当水电工，"
        "公司欠我2025年3月至6月工资两万四千元。\n请领导帮我讨回工资。"
    )
    assert f.respondent.legal_representative == "邓某华"


def test_a_platforms_id_label_and_a_post_with_a_note() -> None:
    f = _fields(
        "全国根治欠薪线索反映平台\n线索详情（打印件）\n反映人姓名\t黄某燕\n性别\t女\n证件号码\t510321198805127629\n"
        "手机号码\t18990052736\n欠薪单位名称\t荣县某某餐饮有限公司\n提交时间\t2025-10-09 21:37\n"
        "欠薪情况\t拖欠2025年7月至9月工资共15000元"
    )
    assert (f.complainant.id_number, f.complainant.age) == ("510321198805127629", 37)
    g = _fields("领导：\n我在某某酒店后厨上班，担任厨师（砧板），酒店欠我三个月工资一万三千五百元。\n请帮我讨回工资。")
    assert g.complainant.occupation == "厨师"


def test_not_gone_anywhere_else_to_complain_is_no_proceeding() -> None:
    f = _fields(
        "领导：\n俺叫佟某山，在小区锅炉房烧锅炉，老板欠俺两个月工资九千块。这事儿俺也没上别处告去，寻思先来找咱劳动监察。\n"
        "求领导帮俺要回工钱。"
    )
    assert f.prior_proceedings == "none"


def test_a_signature_dated_by_month_and_day_takes_the_year_of_the_receipt_stamp() -> None:
    """洪某珍 / 9.18 under a note: the year comes from the office's stamp (收到日期：2026.9.21); a note signed
    12.28 and stamped in January was written the year before."""
    note = (
        "劳动监察的领导：\n我在某街道某路的某某酒店做保洁，7月、8月两个月的工资都没发。\n请领导帮我要回来。\n"
        "洪某珍\n{}\n\n收到日期：{}"
    )
    assert _fields(note.format("9.18", "2026.9.21")).letter_date == date(2026, 9, 18)
    assert _fields(note.format("12月28日", "2027.1.4")).letter_date == date(2026, 12, 28)
    assert _fields(note.format("9.18", "")).letter_date is None  # no year anywhere: not a guess


def test_a_day_after_the_work_ended_does_not_make_the_arrears_ongoing() -> None:
    """我做到8月31号，9月1号就没在那里做了，到现在还是没给: the wages of July and August are still unpaid,
    but the violation ended with the work."""
    f = _fields(
        "领导：\n我在某某酒店做客房保洁，7月、8月两个月的工资都没发。我做到8月31号，9月1号就没在那里做了，"
        "到现在还是没给。\n洪某珍\n2026年9月18日"
    )
    assert (f.violation_start, f.violation_end, f.violation_ongoing) == (date(2026, 7, 1), date(2026, 8, 31), False)


def test_a_hospital_the_story_goes_to_and_a_month_before_the_factory_are_not_employers() -> None:
    from extractors.complaint.parties import clean_org

    assert clean_org("送到三医院") is None
    assert clean_org("六月初厂") is None
    assert clean_org("去年三月进了某某县某某服装厂") == ("某某县某某服装厂", 6)


def test_a_place_name_beginning_with_yu_and_a_shop_signs_closing_quote_are_kept() -> None:
    f = _fields(
        "投诉书\n投诉人：韩某梅，分拣员\n被投诉单位：沈阳某某供应链管理有限公司\n"
        "工作地点：于洪区沙岭街道某某物流园B区6号库\n事实与理由：公司拖欠我们9月、10月工资。"
    )
    assert f.respondent.workplace == "于洪区沙岭街道某某物流园B区6号库"


def test_a_shop_sign_right_after_its_street_gives_the_address_and_the_employer() -> None:
    """在某区某街道某路“某某米线馆”做服务员 (no 的 between the place and the quoted sign): the street is the
    respondent's address, and the shop the letter names is the complainant's employer."""
    text = (
        "来电人反映：其自2025年5月起在某某区某某街道建宁西路“滇味香米线馆”做服务员，老板姓钱，"
        "9月、10月两个月工资老板一直未发，共拖欠工资5200元。\n请求：帮忙追回工资。"
    )
    f = extract_complaint(ParsedDocument(text=normalize_text(text), format="txt", pages=1), models=True)
    assert (f.respondent.name, f.respondent.address) == ("滇味香米线馆", "某某区某某街道建宁西路")
    assert f.complainant.employer == "滇味香米线馆"


def test_a_boulevard_is_an_address_not_only_a_town() -> None:
    f = _fields(
        "书记您好：\n我在太清宫镇太清宫大道的某某县锦鸿服饰有限公司干缝纫工，公司从今年2月开始就不发工资，"
        "还欠我两万块钱。\n求书记帮忙，让公司把欠我的工资发了。"
    )
    assert (f.respondent.name, f.respondent.address) == ("某某县锦鸿服饰有限公司", "太清宫镇太清宫大道")


def test_what_was_done_at_a_workplace_is_not_part_of_it() -> None:
    from extractors.complaint import _VERB_TAIL

    assert _VERB_TAIL.sub("", "太清宫镇太清宫大道的某某服饰有限公司车衣服") == "太清宫镇太清宫大道的某某服饰有限公司"
    assert _VERB_TAIL.sub("", "某某镇工业园区B区3号车间") == "某某镇工业园区B区3号车间"
    assert _VERB_TAIL.sub("", "某某县城关镇东街的某某饭店") == "某某县城关镇东街的某某饭店"


def test_a_web_copy_without_heading_is_read_from_its_first_line() -> None:
    """A letter copied from a web page begins with its prose: the first line is not a title to skip."""
    f = _fields(
        "渭南市某某路兴华建筑公司名下的华新大厦,至今还未发放农民工的工资,致使工人滞留,不能按时回家过年。"
        "公司管理人员之间相互推卸责任,农民工们只得向政府部门反映情况。\n谢谢您!麻烦您抽出点时间,为我们解决这些难题!"
    )
    assert f.respondent.name == "渭南市某某路兴华建筑公司"


def test_a_site_named_with_a_determiner_leaves_the_company_whole() -> None:
    from extractors.complaint.parties import clean_org

    assert clean_org("在北京某某集团古建机械一公司某工地") == ("北京某某集团古建机械一公司", 1)


def test_the_trade_told_in_a_third_person_record_and_a_letter_for_a_father() -> None:
    record = _fields(
        "投诉书\n投诉人：程某华，男\n被投诉人：某某餐饮有限公司\n事实与理由：\n"
        "投诉人经朋友介绍到被投诉人开办的某某酒店后厨上班，担任厨师（砧板），月工资4500元，公司拖欠两个月工资。\n"
        "请求事项：支付拖欠工资9000元。"
    )
    assert record.complainant.occupation == "厨师"
    for_father = _fields(
        "尊敬的领导：\n我是替我父亲写这封信的。4月起，他在某某县经济开发区的某某仓储有限公司当夜班门卫，"
        "公司拖欠他三个月工资。\n请领导帮帮我父亲。"
    )
    assert for_father.complainant.occupation == "夜班门卫"


def test_the_trade_of_the_village_the_writer_is_from_when_no_work_is_named() -> None:
    f = _fields(
        "领导：\n我叫牛某林，今年六十六岁，是某某镇某家岔村的农民。2021年五月份，我到某某镇的兴旺机砖厂打工，"
        "在窑上出砖、码坯子，老板还欠我九千五百元。\n请领导帮我把钱要回来。"
    )
    assert f.complainant.occupation == "农民"
    worker = _fields(
        "领导：\n我叫牛某林，今年四十岁，是某某镇某家岔村的农民，在某某砖厂当出窑工，老板欠我九千五百元。\n请领导帮忙。"
    )
    assert worker.complainant.occupation == "出窑工"


def test_a_span_of_time_before_the_generic_factory_is_no_employer() -> None:
    from extractors.complaint.parties import clean_org

    assert clean_org("一个月内厂") is None and clean_org("十几年油漆厂") is None
    assert clean_org("两个多月后进了某某县兴旺服装厂") == ("某某县兴旺服装厂", 7)


def test_a_forwarding_notes_description_of_the_writer_is_read() -> None:
    """信访事项转办函 …收到某某（男，住…，联系电话…）来信: the cover note is blanked, not its words about the writer."""
    f = _fields(
        "某市信访局\n信访事项转办函\n某县人力资源和社会保障局：\n"
        "2023年5月16日，我局收到郝某军（男，住某某县段村镇段村三街，联系电话13934877216）来信，反映某某建筑劳务"
        "有限公司拖欠其工资问题。现转你单位依法处理。\n某市信访局\n2023年5月17日\n#page\n反映情况的信\n"
        "市信访局的领导：\n我叫郝某军，今年49岁，在建筑工地上干钢筋工。我到某某建筑劳务有限公司干活。这个公司在太原市"
        "小店区亲贤北街99号鼎太风华B座1107室，在某县某工地包了钢筋活。公司拖欠我工资26400元。\n"
        "恳请领导督促公司把工资给我。\n反映人：郝某军\n2023年5月10日"
    )
    c = f.complainant
    assert (c.gender, c.address, c.phone) == ("男", "某某县段村镇段村三街", "13934877216")
    assert f.respondent.address == "太原市小店区亲贤北街99号鼎太风华B座1107室"


def test_an_offices_advice_about_arbitration_is_no_proceeding() -> None:
    f = _fields(
        "投诉登记表\n投诉人姓名\t何某兰\n是否已申请劳动争议仲裁或提起诉讼\t否\n"
        "投诉事项\t投诉人称：2023年10月9日至2023年12月31日在被投诉单位做季节工，应得工资10140元。被投诉单位于2024年1月26日"
        "支付4000元，余款6140元至今未付。\n初审意见\t已超过二年，告知投诉人可依法申请劳动争议仲裁或向人民法院起诉。\n"
        "登记日期\t2026年3月9日"
    )
    assert f.prior_proceedings == "none"
    # a partial payment's date is no start of the arrears: the work's stated period is
    period = (f.violation_start, f.violation_end, f.violation_ongoing)
    assert period == (date(2023, 10, 9), date(2023, 12, 31), False)


def test_a_signature_with_a_thumbprint_note_and_an_age_after_a_few_clauses() -> None:
    f = _fields(
        "领导：\n我是某某镇中川村三社的农民，一个老汉家，今年五十六了。去年我到某某镇的丰源薯业淀粉厂上班，当锅炉工，"
        "老板欠我一万三千四百块钱。\n求领导给我做主。\n李某仓（手印）\n2026年3月23日"
    )
    assert (f.complainant.name, f.complainant.age) == ("李某仓", 56)
    other = _fields(
        "领导：\n我们班组里有个姐妹叫祁某英，今年五十九了，老板欠我们工钱。\n求领导做主。\n李某仓\n2026年3月23日"
    )
    assert other.complainant.age is None  # the sister's age, not the writer's


def test_a_question_is_no_employer_and_a_quoted_sign_loses_its_quotes() -> None:
    from extractors.complaint.parties import clean_org

    assert clean_org("这个店到底是哪个公司") is None
    assert clean_org("一家奶茶店打工当店") is None
    f = _fields("投诉书\n投诉人：韦某兰\n被投诉单位：“恒力泵业”\n事实与理由：该厂拖欠我两个月工资。\n请求：支付工资。")
    assert f.respondent.name == "恒力泵业"
