"""Items stated in ways the tenth round's development letters showed the rules missing (issue 12); texts
invented for the test, in the registers the corpus showed (group letters that entrust three agents in a
sentence and list their phones after it, an agents' block continued on the lines below)."""

from __future__ import annotations

from extractors.complaint import extract_complaint
from extractors.complaint.parties import clean_org
from extractors.normalize import normalize_text
from schemas.models import ParsedDocument


def _fields(text: str):  # type: ignore[no-untyped-def]
    return extract_complaint(ParsedDocument(text=normalize_text(text), format="txt", pages=1))


_GROUP = (
    "联名投诉书\n某县劳动保障监察大队：\n我们是某某食品有限公司包装车间的9名工人，公司拖欠我们2025年6月至8月工资共计135000元。"
    "我们推举甘小红、阮志诚为代表。{agents}\n请求：责令公司支付拖欠的工资。\n代表：甘小红　阮志诚\n2025年9月20日\n"
)


def test_agents_entrusted_as_a_list_with_their_phones_told_after_it() -> None:
    f = _fields(_GROUP.format(agents=(
        "另外，我们委托蓝海波（工友家属）、石俊（某某法律服务所）、欧阳春梅三人为委托代理人，帮我们办理投诉，"
        "电话分别是13907731234、0771-5512345、18977012345。"
    )))
    assert [(a.name, a.phone) for a in f.agents] == [
        ("蓝海波", "13907731234"), ("石俊", "0771-5512345"), ("欧阳春梅", "18977012345")]


def test_agents_entrusted_then_each_phone_after_the_name() -> None:
    f = _fields(_GROUP.format(agents=(
        "并委托蓝海波、石俊、韦和平三人为我们的委托代理人，代表我们反映情况。三位代理人的电话：蓝海波13907731234，"
        "石俊18977012345，韦和平13768801234。"
    )))
    # 韦和平 keeps its 和: a name is not split at a conjunction
    assert [(a.name, a.phone) for a in f.agents] == [
        ("蓝海波", "13907731234"), ("石俊", "18977012345"), ("韦和平", "13768801234")]


def test_an_agents_block_continued_on_the_lines_below() -> None:
    f = _fields(_GROUP.format(agents="") + (
        "委托代理人：蓝海波（某某法律服务所）电话：0771-5512345\n"
        "　　　　　　石　俊　电话：18977012345\n"
        "　　　　　　韦和平　电话：13768801234\n"
    ))
    assert [a.name for a in f.agents] == ["蓝海波", "石俊", "韦和平"]
    assert f.agents[1].phone == "18977012345"


def test_a_sentence_that_names_no_one_gives_no_agent() -> None:
    f = _fields(_GROUP.format(agents="我们委托以下人员为委托代理人，具体见授权委托书。"))
    assert f.agents == []


def _with_models(text: str):  # type: ignore[no-untyped-def]
    return extract_complaint(ParsedDocument(text=normalize_text(text), format="txt", pages=1), models=True)


_REQUESTS = (
    "投诉书\n投诉人：覃某英，女，41岁，某县某镇某村人，电话13877212345。\n被投诉人：某某茶业有限公司，地址某县某镇茶园路8号。\n"
    "投诉请求：\n1.责令被投诉人支付拖欠投诉人2025年4月至9月的工资共计人民币21,600元；\n"
    "2.责令被投诉人支付延长工作时间的加班工资人民币4,320元；\n3.责令被投诉人支付违法解除劳动合同的赔偿金人民币24,000元。\n"
    "事实与理由：本人在该公司做采茶工，公司拖欠工资并辞退本人。\n2025年10月8日"
)


def test_a_total_of_one_request_is_not_the_total_claimed() -> None:
    # 工资共计21,600元 totals the wages only: the rules, which never add up, leave the amount to the ranker
    assert _fields(_REQUESTS).amount_claimed_yuan is None


def test_the_claims_of_several_requests_are_added_up_by_the_ranker() -> None:
    assert _with_models(_REQUESTS).amount_claimed_yuan == 49920.0


def test_an_amount_in_traditional_financial_numerals() -> None:
    f = _fields(
        "投訴書\n投訴人：鄭某華，男，電話13905961234。\n被投訴人：某某蘭業有限公司。\n"
        "請求事項：責令公司支付積欠本人之薪資人民幣參萬陸仟元整。\n事實與理由：公司拖欠本人薪資。\n2025年8月1日"
    )
    assert f.amount_claimed_yuan == 36000.0


def test_the_legal_representative_in_the_respondents_labelled_line_without_a_colon() -> None:
    f = _fields(
        "投诉书\n投诉人：韦某芳，女，35岁，电话13977312345。\n"
        "被投诉人：某某农产品物流有限公司，住所地某县物流园东区8号，法定代表人龙志刚。\n"
        "事实与理由：本人在该公司冷库做分拣员，公司拖欠本人2025年3月至5月工资9600元。\n请求：责令公司支付工资。\n2025年6月2日"
    )
    assert f.respondent.legal_representative == "龙志刚"


def test_a_boss_said_to_be_the_legal_representative_after_being_named() -> None:
    f = _fields(
        "领导：我叫蒙某军，在某某食品厂做包装工，厂里欠我三个月工资一万二千元。"
        "老板叫覃德胜，厂门口挂的营业执照上法定代表人就是他。\n请领导帮我要回工资。\n2025年9月1日"
    )
    assert f.respondent.legal_representative == "覃德胜"


def test_a_boss_called_by_surname_and_title_is_no_legal_representative() -> None:
    f = _fields(
        "领导：俺男人在镇上的某某板材厂开铲车，厂里都管老板叫刘老板。老板是刘老板，欠俺男人工钱两万块。\n"
        "求领导帮俺要回来。\n2025年2月6日"
    )
    assert f.respondent.legal_representative is None


def test_a_name_followed_by_an_honorific() -> None:
    f = _fields(
        "陳情書\n本人鄭某華，受聘於某某蘭業有限公司，公司位於某縣某鎮，法定代表人為黃國雄先生。"
        "公司積欠本人薪資人民幣參萬元。\n請責令公司支付。\n2025年8月1日"
    )
    # extraction reads the simplified text; pipeline/analyse gives values back in the letter's own characters
    assert f.respondent.legal_representative == "黄国雄"


_POST = (
    "某某市网络问政平台　　首页 | 我要留言 | 留言查询 | 回复选登 | 登录\n"
    "当前位置：首页 > 某县 > 人社\n━━━━━━━━━━━━━━━━━━━━\n"
    "【留言标题】县城一家米粉店欠我两个月工资\n留言人：米粉妹　　留言时间：2025-08-04 21:37\n"
    "转办单位：某县人力资源和社会保障局　　转办时间：2025-08-05 09:12\n━━━━━━━━━━━━━━━━━━━━\n"
    "各位领导好，我是一个女生，今年二十岁，在县城东门口的“老街米粉店”当服务员。"
    "从今年五月开始老板就不发工资，五月六月两个月一共五千二百元一分没给，我七月初就不干了。\n"
    "希望有关部门管一管，让老板把这五千二百元给我，谢谢。\n"
    "━━━━━━━━━━━━━━━━━━━━\n【回复内容】\n"
    "网友您好！您反映的问题已收悉。经县劳动保障监察大队调查核实，该店经营者王某已于8月10日支付工资5200元。"
    "请您保持电话畅通，如有疑问可拨打监察大队电话0771-5512345咨询。\n"
    "回复单位：某县人力资源和社会保障局　　回复时间：2025-08-12 16:05\n"
)


def test_the_offices_reply_under_a_post_is_not_the_letter() -> None:
    f = _fields(_POST)
    assert f.requests == ["希望有关部门管一管，让老板把这五千二百元给我"]
    assert f.complainant.phone is None  # the brigade's number is in the reply
    assert f.respondent.legal_representative is None  # 经营者王某 is the reply's


def test_a_posts_menu_rules_and_metadata_are_not_the_facts() -> None:
    f = _fields(_POST)
    assert f.facts is not None and "从今年五月开始老板就不发工资" in f.facts
    assert not any(w in f.facts for w in ("首页", "━", "网友您好"))


def test_a_writer_who_calls_herself_a_girl() -> None:
    assert _fields(_POST).complainant.gender == "女"


def test_a_generic_noun_after_words_that_name_nothing_is_no_employer() -> None:
    f = _fields(
        "领导：俺是县城南关那个叫“鸿运名都”的工地上干活的小工，中秋节那天工地停了，胡老板欠俺工钱一万七千六百八十块。\n"
        "俺就想请领导帮俺把钱要回来。\n2025年10月9日"
    )
    # 中秋节那天工地 names nothing; the only one the letter names is the boss
    assert (f.complainant.employer, f.respondent.name) == ("胡老板", "胡老板")


def test_a_name_split_by_a_function_word_keeps_its_place() -> None:
    # jieba cuts 乐清市康|和|医院有限公司: the cut at 和 would leave only generic words, so no cut is made
    assert clean_org("乐清市康和医院有限公司") == ("乐清市康和医院有限公司", 0)
    assert clean_org("督促乐清市康和医院有限公司") == ("乐清市康和医院有限公司", 2)  # the verb before the place
    assert clean_org("要求公司") is None and clean_org("春节前医院") is None and clean_org("几个学校") is None
    assert clean_org("某某锦华服饰有限公司") == ("某某锦华服饰有限公司", 0)  # a name withheld is part of it


def test_months_owed_up_to_the_letter_while_the_worker_stays_on_are_ongoing() -> None:
    f = _fields(
        "来电人反映：其在某某电子厂做包装工，工厂拖欠其2026年11月、12月工资共9360元，厂里说资金周转困难，"
        "要等春节前统一发。目前来电人仍在该厂上班。\n来电人要求：督促工厂发放拖欠的工资。\n2027年1月6日"
    )
    assert f.violation_start is not None and f.violation_start.isoformat() == "2026-11-01"
    assert f.violation_end is None and f.violation_ongoing is True


def test_months_owed_long_before_the_letter_stay_closed_though_the_worker_stays_on() -> None:
    f = _fields(
        "来电人反映：其在某某电子厂做包装工，工厂拖欠其2025年3月、4月工资共9360元，厂里说资金周转困难，"
        "要等春节前统一发。目前来电人仍在该厂上班。\n来电人要求：督促工厂发放拖欠的工资。\n2026年1月6日"
    )
    assert f.violation_end is not None and f.violation_end.isoformat() == "2025-04-30"


def test_the_person_the_writer_worked_for_over_the_site_they_worked_on() -> None:
    f = _fields(
        "领导：俺是木工，前年三月份俺跟着村里的黄老板到县城南关那个叫“金色家园”的工地上干活，黄老板包的是木工活，"
        "俺一共干了九十六个工，还欠俺一万七千块没给。\n俺就想请领导帮俺把钱要回来。\n2025年10月9日"
    )
    assert (f.complainant.employer, f.respondent.name) == ("黄老板", "黄老板")


def test_a_boss_known_by_a_nickname() -> None:
    f = _fields(
        "领导您好：前年秋天经人介绍，我跟着邓姐干保洁。邓姐是包学院宿舍楼卫生的，说好一个月两千六。"
        "今年6月份开始，邓姐说学院的钱没有打给她，工资先欠着，到现在欠了四个月一万零四百块。\n"
        "我的要求就是让邓姐把欠我的工资给我。\n2025年10月20日"
    )
    assert (f.complainant.employer, f.respondent.name) == ("邓姐", "邓姐")


def test_a_company_the_writer_works_for_stays_the_employer_beside_a_boss() -> None:
    f = _fields(
        "投诉书\n投诉人：莫某，男，电话13977112345。\n"
        "本人在某某建筑劳务有限公司做钢筋工，跟着班组长覃某强干活，公司拖欠本人2025年5月至7月工资15000元。\n"
        "请求：责令公司支付拖欠的工资。\n2025年8月1日"
    )
    assert f.complainant.employer == "某某建筑劳务有限公司"


def test_an_occupation_without_the_count_pronoun_or_place_before_it() -> None:
    def occ(text: str) -> str | None:
        return _fields(text).complainant.occupation

    letter = "领导：我叫黎某明，男，45岁，是{w}，某某建筑公司欠我工钱一万二千元。\n请领导帮我要回来。\n2025年3月2日"
    assert occ(letter.format(w="工地小工")) == "小工"
    assert occ(letter.format(w="我们骑手")) == "骑手"


def test_an_age_after_the_writer_says_what_she_is() -> None:
    f = _fields(
        "各位领导好，额是一个女娃，今年十九，去年毕业没考上学，就到县城打工。\n"
        "额从今年三月份在县城“老槐树饭馆”当服务员，老板欠额两个月工资五千二百块。\n希望有关部门管一管。\n2025年8月4日"
    )
    assert (f.complainant.age, f.complainant.gender) == (19, "女")


def test_a_relatives_age_is_not_the_writers() -> None:
    f = _fields("我女儿今年十九，在县城饭馆打工，老板欠她工资五千块。\n希望领导管一管。\n2025年8月4日")
    assert f.complainant.age is None


def test_the_birth_year_after_the_zodiac_sign() -> None:
    f = _fields(
        "俺叫朱某旺，是某镇某村的，俺是属虎的，七四年的，今年都五十多了。俺跟着胡老板干木工，他欠俺一万七千块。\n"
        "求领导帮俺要回来。\n2026年3月1日"
    )
    assert f.complainant.age == 52


def test_the_facts_start_after_the_stamps_and_the_paragraphs_that_tell_no_event() -> None:
    f = _fields(
        "某县人力资源和社会保障局收文 2025年4月7日 第0412号\n拟办：请监察大队阅处。\n尊敬的市人社局领导：\n"
        "我叫罗某，是陈某秀的儿子，现在在外地打工。我妈认不得几个字，所以由我替她写这封信，麻烦领导们帮忙。\n"
        "我妈是某某环境卫生服务有限公司的环卫工，负责老城街道的清扫保洁。\n"
        "今年7月、8月、9月三个月的工资公司一直没有发，一共6300元。\n"
        "请领导督促公司把我妈的工资发了。\n罗某\n2025年10月12日"
    )
    assert f.facts is not None and f.facts.startswith("我妈是某某环境卫生服务有限公司的环卫工")
