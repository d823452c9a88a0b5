"""What the eighteenth round's documents showed (issue 12): letters written by a neighbour or a workmate for a
worker who cannot write, project departments and shop signs as employers, hotline forms that answer the
prior-proceedings question in a row, and arrears told in the story's own words (打四月起, 还欠, 没开支).
Texts invented for the test."""

from __future__ import annotations

from datetime import date

import pytest

from tests.extractors.test_sixteenth_round import _letter


def test_a_neighbour_writes_for_a_worker_who_cannot_write() -> None:
    text = (
        "县劳动监察大队领导：\n"
        "你们好！我叫孙德旺，是柳河镇石桥村的，电话13804459321。我写这封信是替我们村的一个老哥反映事情。"
        "他叫韩立本，今年六十一了，也是石桥村人，不识字，也没有手机。他托我替他写这封信，有事打我的电话就行。\n"
        "韩立本去年冬天到县城东关的兴旺木材加工厂当装车工，一天一百六，一直干到今年3月20日，"
        "老板说钱回来再结，到现在还欠他九千六百块。\n"
        "请领导帮他把这九千六百块要回来。\n"
        "代写人：孙德旺\n2026年5月8日\n"
    )
    fields = _letter(text)
    assert fields.complainant.name == "韩立本"
    assert fields.complainant.gender == "男"
    assert fields.complainant.age == 61
    assert fields.complainant.phone is None  # the writer's number is the agent's
    assert [a.name for a in fields.agents] == ["孙德旺"]


def test_a_workmate_writes_for_an_older_woman_named_with_an_honorific() -> None:
    text = (
        "书记您好！我叫林晓燕，和蒋桂珍大姐是同一个车间的工友。蒋大姐五十多岁了，不会用智能手机，"
        "她托我替她在这里反映一下情况。\n"
        "蒋大姐2020年就进了城北的恒丰纺织有限公司，在细纱车间做挡车工，今年2月、3月两个月的工资5600元一直没发。\n"
        "麻烦书记帮帮她！\n"
    )
    fields = _letter(text)
    assert fields.complainant.name == "蒋桂珍"
    assert fields.complainant.gender == "女"
    assert [a.name for a in fields.agents] == ["林晓燕"]


def test_a_wife_with_a_long_name_writes_for_her_husband() -> None:
    text = (
        "旗劳动保障监察大队的领导：\n"
        "您好！我叫其木格其其格，是巴图的爱人，我的电话是13947512086。我爱人巴图不会写汉字，这封信是我替他写的。"
        "他自己的电话是15048736291。\n"
        "去年5月他到风电场工地干钢筋工，说好一天三百，干到10月底，项目部还欠他两万四千元。\n"
        "请领导帮我爱人把钱要回来。\n"
    )
    fields = _letter(text)
    assert fields.complainant.name == "巴图"
    assert fields.complainant.gender == "男"
    assert fields.complainant.phone == "15048736291"


def test_a_relatives_phone_told_as_she_uses_an_old_phone() -> None:
    text = (
        "领导好！我叫陈雪，在东莞上班，电话13712849906。我是替我妈妈刘秀兰写这封信的。"
        "我妈家在兴国县长冈乡塘石村，她用的是老人机，号码15879310246，不会发微信。\n"
        "我妈在兴国县华美服饰有限公司做平车工，2025年10月到12月的工资一共7500元一直没发。\n"
        "请领导帮我妈把工资要回来。\n"
    )
    fields = _letter(text)
    assert fields.complainant.name == "刘秀兰"
    assert fields.complainant.phone == "15879310246"


@pytest.mark.parametrize(
    ("story", "employer", "workplace"),
    [
        # the project department's full name, the site named apart: the department is the employer
        (
            "被投诉单位：湖南建工集团有限公司桃源县安置小区项目部\n去年4月我们到桃源县城南安置小区"
            "二期工地干木工，干到11月，项目部还欠我们工钱八万元。",
            "湖南建工集团有限公司桃源县安置小区项目部",
            "桃源县城南安置小区二期工地",
        ),
        # a shop known by its sign, later called 饭店 in a clause that names no one
        (
            "2024年5月，县城北环路口新开了一家饭店，门头上写的是“草原人家手把肉”。我在后厨干切配工，"
            "干到10月关门，还欠我六千块。今年听人说饭店又开起来了，我去要，老板不给。",
            "草原人家手把肉",
            None,
        ),
    ],
)
def test_the_employer_named_as_the_letter_names_it(story: str, employer: str, workplace: str | None) -> None:
    fields = _letter("尊敬的领导：\n我叫赵长青，电话13907361245。\n" + story + "\n请领导帮忙把钱要回来。\n")
    assert fields.complainant.employer == employer
    assert fields.respondent.name == employer
    assert fields.respondent.workplace == workplace


def test_a_hospital_whose_building_is_the_site_is_not_the_employer() -> None:
    text = (
        "尊敬的领导：\n我叫赵长青，电话13907361245。\n去年4月我们到桃源县人民医院住院楼工地干木工，"
        "这个工程是湖南建工集团有限公司承建的，干到11月，还欠我们工钱八万元。\n请领导帮忙把钱要回来。\n"
    )
    fields = _letter(text)
    assert fields.respondent.name == "湖南建工集团有限公司"
    assert fields.complainant.employer == "湖南建工集团有限公司"


def test_a_coal_washery_named_after_where_the_writer_went_to_drive() -> None:
    text = (
        "领导：\n俺叫刘福贵，电话15929473018。今年正月十六，我跟上我们村的二狗子去店塔镇那搭的鑫源洗煤厂当铲车司机，"
        "老板姓杜，一个月八千。打阳历四月起就再没给过，干到五月底回了家，两个月一万六一分没见着。\n"
        "请领导帮俺把钱要回来。\n2025年7月3日\n"
    )
    fields = _letter(text)
    assert fields.complainant.employer == "鑫源洗煤厂"
    assert fields.violation_start == date(2025, 4, 1)  # 打…起 is 从…起; February and March were paid


def test_a_health_centre_located_by_a_landmark_and_its_own_noun_is_no_workplace() -> None:
    text = (
        "领导好！我叫马成林，电话18997160283。\n"
        "我2021年起在城关镇中心卫生院当锅炉工。卫生院在城关镇政府西边的街上，院长口头说好一个月2600元。"
        "去年12月卫生院把我辞退了，12月的工资也没发。\n"
        "请卫生院把12月的工资发给我。\n"
    )
    fields = _letter(text)
    assert fields.respondent.name == "城关镇中心卫生院"
    assert fields.respondent.address == "城关镇政府西边的街上"
    assert fields.respondent.workplace is None


def test_what_a_supervisor_said_the_writer_is_is_not_their_trade() -> None:
    text = (
        "领导您好！我叫王秀梅，手机13899432176，是西湖镇中学食堂的帮厨。2024年8月学校招食堂帮厨，我去应聘上了，"
        "总务主任说是临时用工，一个月2400元。今年3月到5月的工资一直没发，一共7200元。\n"
        "请领导帮我把工资要回来。\n"
    )
    assert _letter(text).complainant.occupation == "帮厨"  # (at first: 临时用工)
    assert _letter(text, models=True).complainant.occupation == "帮厨"


def test_a_hotline_forms_row_on_other_channels_answers_prior_proceedings() -> None:
    text = (
        "12345政务服务便民热线工单\n来电时间：2026年3月14日\n来电人：张春生\n联系电话：18051276394\n是否已通过其他途径反映：否\n"
        "诉求内容：来电人反映其于2025年8月到绿源苗圃做苗木工，8月至12月的工钱至今未结，共3.6万元。\n"
        "来电人诉求：督促老板支付工资。\n"
    )
    fields = _letter(text)
    assert fields.prior_proceedings == "none"
    assert (fields.violation_start, fields.violation_end) == (date(2025, 8, 1), date(2025, 12, 31))


@pytest.mark.parametrize(
    ("story", "start", "end"),
    [
        # a dated day that starts the stated range of the work: the range's end
        (
            "今年6月10日公司到村里招人，说好一天150元，没签合同。我们从6月10日一直干到8月31日，"
            "走的时候会计说等干果卖出去再给，一共欠我们八万元。",
            date(2026, 6, 10),
            date(2026, 8, 31),
        ),
        # a since closed by the stretch of work told from the same day
        (
            "九月十月的钱都给了，从阳历十一月一号开始就没给。我算的是从十一月一号到十二月二十号这一截，"
            "一共干了五十天，一天一百五，七千五百块。",
            date(2025, 11, 1),
            date(2025, 12, 20),
        ),
        # Northeastern 没开支: no pay since December
        (
            "十月、十一月的钱都给了。打十二月开始就没开支，一直干到今年二月底，老板说过完年一块儿给。",
            date(2025, 12, 1),
            None,
        ),
    ],
)
def test_arrears_told_in_the_storys_words(story: str, start: date, end: date | None) -> None:
    year = start.year + (1 if start.month >= 11 else 0)
    text = "尊敬的领导：\n我叫李满仓，电话13903961274。\n" + story + f"\n请领导帮忙把钱要回来。\n{year}年9月14日\n"
    fields = _letter(text)
    assert fields.violation_start == start
    if end is not None:
        assert fields.violation_end == end


@pytest.mark.parametrize(
    "story",
    [
        # all the staff as the employer's object: the writer complains alone
        "2025年8月起，公司以资金未到位为由，停止向淀粉车间全体工人发放工资，我8月到10月的工资15600元至今未发。",
        # the employer's notice quoted
        "4月30日，公司在厂内张贴通告，宣布「即日起全面停产，全体员工劳动合同予以解除」，我的工资至今未结。",
        # others in the same plight, not complaining with the writer
        "我在工地干了五个月，还欠我两万四千元。我们村一起去的还有四个人，也没拿到钱。",
    ],
)
def test_one_writer_who_mentions_the_other_workers_is_no_collective_complaint(story: str) -> None:
    fields = _letter("尊敬的领导：\n我叫周国庆，电话13904562371。\n" + story + "\n请领导帮我把工资要回来。\n")
    assert fields.collective is False
    assert fields.complainant_count is None


def test_agents_listed_with_yiji_are_each_read() -> None:
    text = (
        "尊敬的领导：\n我们七个人商量，推举杨秀芳为代表；委托石空镇法律服务所法律工作者田志刚（电话0955-5012736）、"
        "孔滩村村委会副主任马文龙（电话13909553218）以及杨秀芳的儿子周磊（电话18195501427）为我们的代理人。\n"
        "公司欠我们七人工资共计82690元。\n请领导责令公司支付。\n"
    )
    assert [(a.name, a.phone) for a in _letter(text).agents] == [
        ("田志刚", "0955-5012736"), ("马文龙", "13909553218"), ("周磊", "18195501427"),
    ]


def test_the_operator_told_with_xi() -> None:
    text = (
        "领导：\n我叫黄凤仪，电话13827095163。我以前在台城通济路那间金记茶楼做点心师傅，执照上面写的经营者系伍锦添。"
        "2023年3月到8月的工钱一共一万二，一直没给。\n请领导帮忙。\n"
    )
    assert _letter(text).respondent.legal_representative == "伍锦添"


def test_the_site_after_going_to_town() -> None:
    text = (
        "领导：\n我叫曾德发，电话13882731460。今年3月4号，我跟到我们村几个人去县城滨江御景湾二期工地上做钢筋工，"
        "喊我们去的是包工头曾德明，一天三百，干到6月17号，还欠我两万一千元。\n请领导帮忙。\n2026年7月2日\n"
    )
    assert _letter(text).respondent.workplace == "滨江御景湾二期工地"


def test_a_dictated_letter_signed_by_speaker_and_scribe_under_a_lunar_date() -> None:
    text = (
        "领导：\n俺叫于长福，今年五十八了，家在恭六乡前进村。去年秋天俺在卫星镇北头的粮食烘干塔看炉子，"
        "一天一百二，干到腊月初八，老板一共欠俺一万零八百。\n"
        "俺就寻思让领导给整整，把这一万零八百给俺要回来。\n"
        "说话人：于长福（按手印）\n代笔：于秀兰\n正月十八\n\n望奎县劳动保障监察大队　收件　2026.3.9\n"
    )
    fields = _letter(text)
    assert fields.requests == ["俺就寻思让领导给整整，把这一万零八百给俺要回来"]  # not the receipt stamp
    assert [a.name for a in fields.agents] == ["于秀兰"]
    assert fields.letter_date == date(2026, 3, 6)  # 正月十八 of the year of the stamp


def test_a_teachers_school_employs_them_and_a_students_school_does_not() -> None:
    teacher = (
        "尊敬的领导：\n我们是都昌县任远中学的12名教师，学校拖欠我们2024年的绩效工资共计18万元。\n请领导督促学校发放。\n"
    )
    assert _letter(teacher).respondent.name == "都昌县任远中学"
    student = (
        "您好！我是祁东县第一中学高二（5）班的学生周雨欣，这封信是替我妈妈写的。我妈妈在东莞市恒辉鞋业有限公司做针车工，"
        "公司拖欠她三个月工资一万二千元。\n请领导帮我妈妈要回工资。\n"
    )
    assert _letter(student).respondent.name == "东莞市恒辉鞋业有限公司"


def test_an_outsourced_guard_works_at_the_clients_school() -> None:
    text = (
        "隆回县劳动保障监察大队的领导：\n我叫罗德才，电话13317399526。\n"
        "2021年8月底，邵阳市安邦物业服务有限公司在横板桥镇招人去隆回县城东中学当门卫，说学校的保安都包给了他们公司。"
        "我干到2023年7月，公司还欠我一万二千元工资。\n请领导帮我要回工资。\n"
    )
    fields = _letter(text)
    assert fields.respondent.name == "邵阳市安邦物业服务有限公司"
    assert fields.respondent.workplace == "隆回县城东中学"


def test_a_county_name_inside_an_estates_brand_is_no_division() -> None:
    from rules.jurisdiction import parse_division

    assert parse_division("县城满福坝那边的盛泰·江山樾二期工地") is None
    assert parse_division("江山市贺村镇").county == "江山市"


@pytest.mark.parametrize(
    "said",
    [
        # told by the factory to go, not knowing where, not gone yet
        "厂里的人说让我们去申请仲裁，我们不知道仲裁在哪里办，到现在还没去，所以先来找劳动监察。",
        # a writer who types a space for a comma
        "家里娃上学要钱 我都是借的 我没去过仲裁 也没告 不知道咋弄 听人说找劳动局能管。",
    ],
)
def test_no_prior_proceedings_told_plainly(said: str) -> None:
    text = (
        "领导：\n我叫马德山，电话13919376284。我在冷库开叉车，老板欠我两万三千元工资。\n"
        + said
        + "\n求领导帮我把钱要回来。\n"
    )
    assert _letter(text).prior_proceedings == "none"


@pytest.mark.parametrize(
    ("story", "workplace"),
    [
        ("公司把我派到桦南县人民医院住院部打扫卫生，2025年10月到12月的工资一直没发。", "桦南县人民医院住院部"),
        ("我在红河州第三人民医院住院部做保洁，2025年10月到12月的工资一直没发。", "红河州第三人民医院住院部"),
    ],
)
def test_a_hospital_cleaners_workplace_is_where_in_the_hospital(story: str, workplace: str) -> None:
    text = "领导：\n我叫王桂兰，电话13936482715。我是恒洁物业服务有限公司的保洁员。\n" + story + "\n请领导帮忙。\n"
    assert _letter(text).respondent.workplace == workplace


def test_a_hospital_the_worker_was_taken_to_is_no_workplace() -> None:
    text = (
        "领导：\n我叫周建军，电话13936482715。我在高州市金山工业园的宏达五金厂做冲床工，去年5月手被压伤，"
        "送到高州市人民医院做了手术，厂里不给报销，还欠我三个月工资。\n请领导帮我。\n"
    )
    assert _letter(text).respondent.workplace != "高州市人民医院"


def test_a_letter_with_spaces_for_commas() -> None:
    text = (
        "临洮县劳功局领导\n\n我叫王福田 男 今年52了 我是前年腊月来中铺镇冷库上班的 老扳姓马 都叫马经理 "
        "我在冷库开叉车\n\n"
        "去年8月的公资就没发 9月10月11月12月也没发 还欠我23000块\n\n"
        "我没去过仲裁 也没告 求领导帮我把这两万三要回来\n\n电话 15193285047\n\n王福田\n2027.3.5\n"
    )
    fields = _letter(text)
    assert fields.complainant.age == 52
    assert fields.complainant.occupation != "都叫马经理"
    assert fields.requests == ["求领导帮我把这两万三要回来"]


def test_an_age_told_as_so_many_years_a_person() -> None:
    text = "领导：\n我叫高拴牢，马蹄沟镇贺家圪崂村的受苦人，五十八的人了，在工地干小工，刘老板欠我两万五。\n"
    assert _letter(text).complainant.age == 58


def test_a_workmate_writes_for_a_courier_from_a_village() -> None:
    text = (
        "县人社局领导：\n我叫郑文海，电话13765298803。我这封信是替我的工友冉光明写的，他不会写东西，专门托我代他反映。\n"
        "冉光明是安场镇自强村的人，2025年3月进的快递分公司，和我一样送快递，10月到12月的工资一直没发。\n"
        "请领导帮他要回工资。\n"
    )
    fields = _letter(text)
    assert fields.complainant.name == "冉光明"
    assert fields.complainant.address == "安场镇自强村"


def test_a_titles_placeholder_is_the_organisation_named_in_full() -> None:
    # a work order's title gives 某 where its facts give the name (the rules took the title's; a short letter does
    # not reproduce that, so the tidying step is called on the two values)
    from extractors.complaint import _named_over_placeholder
    from extractors.complaint.evidence import PROSE, Recorder
    from extractors.normalize import normalize_text
    from schemas.models import ParsedDocument

    text = "反映巨野县某机械公司拖欠工资问题\n来电人反映：其到巨野县华通农用机械制造有限公司从事电焊工作。"
    rec = Recorder(ParsedDocument(text=normalize_text(text), format="txt", pages=1))
    placeholder, full = "巨野县某机械公司", "巨野县华通农用机械制造有限公司"
    rec.set("complainant.employer", placeholder, text.find(placeholder), text.find(placeholder) + 8, PROSE)
    rec.set("respondent.name", full, text.find(full), text.find(full) + len(full), PROSE)
    _named_over_placeholder(rec)
    assert rec.get("complainant.employer") == rec.get("respondent.name") == full
    other = Recorder(ParsedDocument(text=normalize_text(text), format="txt", pages=1))
    other.set("complainant.employer", "某机械厂", 0, 4, PROSE)  # another kind of organisation: left alone
    other.set("respondent.name", full, text.find(full), text.find(full) + len(full), PROSE)
    _named_over_placeholder(other)
    assert other.get("complainant.employer") == "某机械厂"


def test_a_dispatched_worker_works_at_the_user_company() -> None:
    text = (
        "醴陵市劳动保障监察大队：\n我叫易春花，电话13873361528。\n2025年6月，我通过株洲市恒泰劳务派遣有限公司"
        "（下面简称“恒泰派遣”）报名，和恒泰派遣签了劳动合同，被派到醴陵市华瓷陶瓷有限公司（下面简称“华瓷公司”）"
        "的施釉车间做施釉工。9月到11月的工资一直没发。\n请领导责令恒泰派遣支付工资。\n"
    )
    fields = _letter(text)
    assert fields.respondent.name == "株洲市恒泰劳务派遣有限公司"
    assert fields.respondent.workplace == "醴陵市华瓷陶瓷有限公司"


@pytest.mark.parametrize(
    ("story", "end"),
    [
        # a range of days in one month (3月1日至20日)
        ("本人2026年3月1日至20日出勤17天的工资2580元公司至今也未支付。", date(2026, 3, 20)),
        # left the site when the frame was topped out: the arrears end there, though still unpaid
        (
            "自2024年5月起，项目部以资金紧张为由停发工资。2024年7月20日我因工程主体封顶离开工地，"
            "5月、6月和7月1日至20日的工资至今分文未付。",
            date(2024, 7, 20),
        ),
        # 辞了职: left the job
        (
            "去年11月开始，公司说资金紧张，11月的工资12月15日没有发。我做到12月31日，因为家里老人生病辞了职，"
            "经理答应年前把11月、12月的工资一起结给我，到现在也没给。",
            date(2025, 12, 31),
        ),
    ],
)
def test_arrears_that_end_with_the_work(story: str, end: date) -> None:
    text = "尊敬的领导：\n我叫刘春生，电话13904562371。\n" + story + "\n请领导帮我要回工资。\n2026年4月2日\n"
    fields = _letter(text)
    assert fields.violation_end == end
    assert not fields.violation_ongoing


def test_a_worker_whose_son_holds_the_pen_is_the_writer() -> None:
    text = (
        "拱墅区劳动保障监察大队：\n我叫陆桂英，今年五十八岁，我一个女人家，不认得几个字，这封信是儿子照我说的写的。\n"
        "我在杭州洁美环境服务有限公司做保洁员，去年腊月以后的工资就没发过，一共欠我八千五百六十元。\n"
        "请领导帮我把这八千五百六十元要回来。有事情打我儿子电话。\n投诉人：陆桂英（按手印）\n2024年5月6日\n"
        "代写：沈磊（系投诉人之子）  电话：13758102936\n"
    )
    fields = _letter(text)
    assert fields.complainant.name == "陆桂英"
    assert fields.complainant.gender == "女"
    assert [a.name for a in fields.agents] == ["沈磊"]



def test_the_writers_own_trade_in_the_sentence_that_turns_to_the_father() -> None:
    text = (
        "南部县劳动保障监察大队的领导：\n你们好！我是罗玉琴，在成都一家医院当护士，这次请假回来，是替我爸爸罗德安写这封信。"
        "我爸爸今年五十八岁，家在南部县升钟镇青龙村三组，做了三十多年泥工。\n"
        "去年端午节以后，我爸在县城的盛泰江山二期工地砌砖，干到国庆节，老板一直没给工钱，一共欠两万四千元。\n"
        "请领导帮我爸把工钱要回来。\n"
    )
    for models in (False, True):
        assert _letter(text, models=models).complainant.occupation != "护士"


@pytest.mark.parametrize(
    ("story", "address"),
    [
        (
            "我2019年就进了杨梅镇工业园的广西容县森达木业有限公司，在旋切车间做理板工，今年2月到4月的工资没发。",
            "杨梅镇工业园",
        ),
        ("我以前在台城通济路那间茶楼做点心师傅，门口招牌写的是“金记茶楼”，老板欠我三个月人工一万二。", "台城通济路"),
    ],
)
def test_the_place_told_just_before_the_employer_is_its_address(story: str, address: str) -> None:
    text = "领导：\n我叫黄秀芬，电话13827095163。\n" + story + "\n请领导帮我把钱要回来。\n"
    assert _letter(text).respondent.address == address


@pytest.mark.parametrize(
    ("story", "not_trade"),
    [
        # the team leader does something next: someone else
        ("今年6月10日公司到村里招人，我们去做分拣工，一天150元，出工天数是车间组长每天在考勤本上记的。", "车间组长"),
        # a title followed by the person's name
        ("我们七个人在枸杞基地摘枸杞，工钱共计62000元，都是记工员丁海燕签了字的，到现在一分没给。", "记工员"),
    ],
)
def test_another_persons_title_is_not_the_writers_trade(story: str, not_trade: str) -> None:
    text = "尊敬的领导：\n我叫杨秀兰，电话13995012847。" + story + "\n请领导帮忙。\n"
    assert _letter(text).complainant.occupation != not_trade
