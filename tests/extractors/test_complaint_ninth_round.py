"""Items stated in ways the ninth round's development letters showed the rules missing (issue 12); texts
invented for the test, in the registers the corpus showed (a form's one-row table, a birth year told in speech, a
boss named without a company, requests joined by 也, a registered name beside a shop's short name)."""

from __future__ import annotations

from datetime import date

from extractors.complaint import extract_complaint
from extractors.normalize import normalize_text
from schemas.models import ParsedDocument


def _fields(text: str, received: date | None = None):  # type: ignore[no-untyped-def]
    return extract_complaint(ParsedDocument(text=normalize_text(text), format="txt", pages=1), received=received)


def test_a_birth_year_told_in_speech_gives_the_age_at_the_letters_year() -> None:
    f = _fields(
        "领导：\n我叫韦国富，是个男的，七四年属虎的，家在某县某镇某村三组，电话15286702139。"
        "我在某某砂石厂开铲车，老板欠我两个月工钱一万二千块。\n求领导帮我要回来。\n韦国富\n2026年3月5日"
    )
    assert f.complainant.age == 52
    assert f.evidence["complainant.age"].start >= 0


def test_an_id_number_gives_the_age_at_receipt_when_the_letter_has_no_date() -> None:
    letter = (
        "投诉书\n投诉人：蒙某强，男，身份证号码450122197211083512，电话13977112345。\n"
        "被投诉单位：某某物业服务有限公司\n我在该公司做保安，公司拖欠我2025年4月至5月工资7200元。\n请依法处理。"
    )
    assert _fields(letter).complainant.age is None  # no date to count it at
    assert _fields(letter, received=date(2025, 6, 20)).complainant.age == 52


def test_a_residence_permits_number_is_read_as_the_id_number() -> None:
    f = _fields(
        "本人幸某豪，男，台湾居民，台湾居民居住证号码830000198709152919，现住某市某区某路10号，联系电话18650273914。\n"
        "某某网约车公司拖欠本人2025年5月至6月服务费共计18600元，请求责令支付。\n2025年7月18日"
    )
    assert f.complainant.id_number == "830000198709152919"
    assert f.complainant.age == 37


def test_a_forms_one_row_table_overrides_what_the_prose_guessed() -> None:
    f = _fields(
        "尊敬的领导：\n您好！我是一名厨师，在下面表里写的这家酒店后厨上灶，从6月开始老板就不发工资了。\n"
        "|姓名|性别|年龄|工作单位|单位地址|岗位|欠薪金额|联系电话|\n"
        "|郭某军|男|47|某某市某区聚福楼酒店有限公司|某区解放南路与学苑路交叉口东50米|厨师|16500元|13834891627|\n"
        "恳请领导帮我把欠的工资要回来。\n2025年11月20日"
    )
    assert f.complainant.name == "郭某军"
    assert (f.complainant.gender, f.complainant.age) == ("男", 47)
    assert f.complainant.employer == "某某市某区聚福楼酒店有限公司"
    assert f.respondent.address == "某区解放南路与学苑路交叉口东50米"


def test_a_boss_named_without_a_company_is_the_employer() -> None:
    f = _fields(
        "我叫刘某莲，去年跟着老乡到工地上放线，我想问一下这个黑心的老板唐柏树，我在你那里干了四个月，"
        "一分钱工钱都没有给我。\n请劳动局的领导帮我们农民工做主。\n2011年8月13日"
    )
    assert f.complainant.employer == "唐柏树" and f.respondent.name == "唐柏树"


def test_a_request_joined_by_ye_is_its_own_request() -> None:
    f = _fields(
        "市长您好：\n我在某某汽车零部件有限公司上班，公司从去年10月起拖欠我们工资。\n"
        "我的诉求：希望市长帮我们这些打工的把拖欠的工资要回来，也希望政府管一管这种拖欠工人工资的企业。"
    )
    assert f.requests == ["希望市长帮我们这些打工的把拖欠的工资要回来", "希望政府管一管这种拖欠工人工资的企业"]


def test_the_registered_name_replaces_the_short_one_and_a_place_before_it_is_cut() -> None:
    f = _fields(
        "我叫白某琴，在某市某区大学东街的丽颜美容会所当美容师，老板叫张某敏（会所营业执照上的名字是"
        "“某某市某某区丽颜美容养生会所”）。会所拖欠我7月工资5200元。\n请领导让老板把工资给我。"
    )
    assert f.respondent.name == "某某市某某区丽颜美容养生会所"
    g = _fields(
        "投诉人：王某，男，电话13800000000。\n我在吴店镇工业园枣阳市鑫达汽车零部件有限公司上班，"
        "公司拖欠我2024年11月、12月工资9000元。\n请求：责令公司支付拖欠工资。"
    )
    assert g.complainant.employer == "枣阳市鑫达汽车零部件有限公司"


def test_a_trade_or_an_origin_after_wo_shi_is_no_name() -> None:
    for intro in ("我是一名厨师", "我是贵州来的"):
        f = _fields(f"领导：\n{intro}，在某某饭店后厨干活，老板拖欠我三个月工资一万元。\n请帮我要回工资。")
        assert f.complainant.name is None, intro
    named = _fields("领导：\n我是那日苏，在某某热力公司烧锅炉，公司欠我工资八千元。\n请帮我要回。")
    assert named.complainant.name == "那日苏"


def test_a_complaint_listing_its_asks_under_tousu_shixiang_has_its_facts_under_shishi_liyou() -> None:
    f = _fields(
        "劳动保障监察投诉书\n投诉人：胡某宇，男，36岁，联系电话13956017382。\n被投诉人：某某仓储物流有限公司\n"
        "投诉事项：\n1.责令被投诉人支付劳动仲裁裁决确认的拖欠工资28640元；\n"
        "2.对被投诉人拒不履行生效裁决、拖欠劳动报酬的行为依法查处。\n"
        "事实和理由：\n投诉人于2022年6月入职被投诉人，担任叉车司机。2024年10月起被投诉人停发工资，"
        "2024年10月至2025年1月共4个月工资28640元未支付。\n投诉人：胡某宇\n2025年7月15日"
    )
    assert f.requests == [
        "责令被投诉人支付劳动仲裁裁决确认的拖欠工资28640元",
        "对被投诉人拒不履行生效裁决、拖欠劳动报酬的行为依法查处",
    ]
    assert f.facts is not None and f.facts.startswith("投诉人于2022年6月入职被投诉人")


def test_a_lunar_month_without_a_day_is_the_solar_days_it_spans() -> None:
    from extractors.complaint.datewords import resolve_dates

    letter = date(2026, 3, 20)  # after the Spring Festival of 2026 (Feb 17): 去年腊月 is the 腊月 of 乙巳
    assert resolve_dates("从去年腊月开始就没发工资", letter, None)[0] == "从2026年1月19日开始就没发工资"
    assert resolve_dates("腊月的工资不认账", letter, None)[0] == "2026年1月19日至2026年2月16日的工资不认账"
    assert resolve_dates("干到腊月底", letter, None)[0] == "干到腊月底"  # the last workday is told elsewhere
    before = date(2026, 1, 10)  # still 乙巳: the latest 腊月 begun before the letter is that of 甲辰
    assert resolve_dates("腊月的工资", before, None)[0].startswith("2024年12月31日至")


def test_the_months_owed_stated_with_zhijin_end_the_period_once_the_worker_has_left() -> None:
    """A worker who has left: 至今未发 of stated months (2月的工资) is the payment still owed, not a violation that
    goes on: those months are the period. While the worker stays, the arrears run on; 从…开始…至今 goes on."""
    f = _fields(
        "投诉人：李某，男，电话13800000000。\n被投诉单位：某某机械制造有限公司\n"
        "我在该公司做车工，现已辞职。2026年2月的工资5200元至今未发放。\n请求：责令公司支付2月工资。\n2026年3月16日"
    )
    assert (f.violation_start, f.violation_end, f.violation_ongoing) == (date(2026, 2, 1), date(2026, 2, 28), False)
    staying = _fields(
        "投诉人：李某，男，电话13800000000。\n被投诉单位：某某机械制造有限公司\n"
        "我在该公司做车工，2026年2月的工资5200元至今未发放。\n请求：责令公司支付2月工资。\n2026年3月16日"
    )
    assert staying.violation_ongoing and staying.violation_end is None
    g = _fields(
        "投诉人：李某，男，电话13800000000。\n被投诉单位：某某机械制造有限公司\n"
        "我在该公司做车工，从2025年10月开始公司就不发工资，至今未发。\n请求：责令公司支付工资。\n2026年3月16日"
    )
    assert g.violation_ongoing and g.violation_end is None
