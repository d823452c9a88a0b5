"""Letters as people write them: names whose surname no list holds, letters in dialect, a phone given once
without a label."""

from __future__ import annotations

import pytest

from extractors.complaint import extract_complaint
from extractors.complaint.dialect import as_written, mandarin_view
from extractors.complaint.labels import is_person_name
from extractors.normalize import normalize_text
from schemas.models import ParsedDocument


def _fields(text: str, models: bool = False):  # type: ignore[no-untyped-def]
    return extract_complaint(ParsedDocument(text=normalize_text(text), format="txt", pages=1), models=models)


@pytest.mark.parametrize("name", ["禤国良", "戢春燕", "厍长顺", "那文斌", "乌力吉"])
def test_a_labelled_name_with_an_unlisted_surname_is_read(name: str) -> None:
    letter = f"""投诉书
投诉人：{name}，男，45岁，电话13907718822，住南宁市西乡塘区安吉街道秀厢村12号。
被投诉单位：南宁市恒泰建材有限公司，地址：南宁市西乡塘区安吉大道88号。
投诉请求：责令公司支付拖欠的工资18000元。
事实和理由：本人2025年3月进公司当搬运工，6月至8月工资一直未发，共计18000元。
本事项未申请仲裁，也未向法院起诉。
投诉人：{name}
2025年9月10日
"""
    f = _fields(letter)
    assert f.complainant.name == name


def test_without_a_name_context_an_unlisted_surname_is_not_a_name() -> None:
    assert not is_person_name("禤国良")  # a bare run: the surname list decides
    assert is_person_name("禤国良", named_here=True)


@pytest.mark.parametrize(
    "words", ["特此投诉", "恳请领导", "全体员工", "此致", "不详", "匿名", "奉同学", "欠发工资", "某某某"]
)
def test_words_in_a_name_slot_are_not_taken_for_a_name(words: str) -> None:
    assert not is_person_name(words, named_here=True)


SHAANXI = """尊敬的领导：
额是宜川县集义镇孙家河村的，名字叫禤根生，今年六十一了。去年三月额跟村里人到延安宝塔区一个砖厂干活，厂名叫延安市宝塔区兴盛建材有限公司，额在窑上当烧窑工，说好的一个月四千五。
从去年八月到十二月五个月，老板一分钱没给额，一共欠额两万二千五。额寻了老板好几回，老板就说没钱。
求领导给额做个主，把这两万二千五给额要回来。
额的电话：13891127364
禤根生
2026年1月8日
"""


def test_a_letter_in_shaanxi_dialect_is_read_in_mandarin_and_quoted_as_written() -> None:
    f = _fields(SHAANXI, models=True)
    c = f.complainant
    assert (c.name, c.age, c.phone) == ("禤根生", 61, "13891127364")
    assert f.amount_claimed_yuan == 22500
    # what the letter says is quoted as it says it: 额, not the 我 the rules read
    assert f.requests and "给额做个主" in f.requests[0]
    assert f.facts is not None and "额跟村里人" in f.facts and "我" not in f.facts


CANTONESE = """致南海区人社局劳动监察大队：
我系冼志坚，广西过嚟嘅，喺里水镇一间五金厂做抛光工，厂名叫佛山市南海区里水镇恒亮五金制品有限公司。
由旧年十二月开始，老细话冇钱，三个月人工都冇出，一个月五千，一共一万五。
唔该领导帮我揾返老细，俾返我啲血汗钱。
我电话：18377562210
2026年3月2日
"""


def test_a_cantonese_letter_gives_its_writers_name() -> None:
    f = _fields(CANTONESE, models=True)
    assert f.complainant.name == "冼志坚"
    assert f.complainant.phone == "18377562210"
    assert f.respondent.name == "佛山市南海区里水镇恒亮五金制品有限公司"


def test_every_dialect_reading_keeps_the_length() -> None:
    from extractors.complaint.dialect import _READINGS

    words = (
        "俺额咱们阿拉侬我哋佢哋你哋佢旧年唔该唔老细屋企嚟俾我系冇嘅喺咗揾畀啲乜嘢点解阮叫头家厝住伊𠊎"
        "嘞家搁住辣么有寻过打四月起木有我木去鄙人别个地方村哩人"
    )
    for pattern, reading in _READINGS:
        m = pattern.search(words)
        assert m is not None and len(m.group()) == len(reading), (pattern.pattern, reading)
    assert len(mandarin_view(words)) == len(words)


def test_cantonese_旧年_is_last_year_but_not_in_辞旧年() -> None:
    assert mandarin_view("我由旧年十月做到今年二月，辞旧年迎新春") == "我由去年十月做到今年二月，辞旧年迎新春"


def test_the_mandarin_view_keeps_every_offset_and_the_words_of_money() -> None:
    text = "额的工资差额三千，余额不足，俺们找过老细，佢话冇钱。阿拉善盟的工地。"
    view = mandarin_view(text)
    assert len(view) == len(text)
    assert view == "我的工资差额三千，余额不足，我们找过老板，他话没钱。阿拉善盟的工地。"
    # a value pieced from the view (a line skipped) is given back as written, line by line
    assert as_written("我的工资差额三千\n我们找过老板", view, text) == "额的工资差额三千\n俺们找过老细"


CHAT_POST = """【用户】阿勇在东莞 2026-02-07 22:47
你好，我是宾阳县古辣镇人，去年在东莞长安镇一家模具厂做CNC操机工，厂名叫东莞市长安镇精诚模具有限公司，一个月六千二。
12月和1月工资都没发，老板说等货款，现在电话也不接了，两个月一共一万二千四。
【用户】阿勇在东莞 2026-02-07 22:52
我叫韦启勇 电话17877524418 现在在宾阳家里，能不能帮我们要回来
"""


def test_the_only_mobile_number_of_a_letter_is_the_writers() -> None:
    f = _fields(CHAT_POST)
    assert f.complainant.name == "韦启勇"
    assert f.complainant.phone == "17877524418"


def test_a_number_that_belongs_to_someone_else_is_not_the_writers() -> None:
    letter = CHAT_POST.replace("我叫韦启勇 电话17877524418", "我叫韦启勇，老板的电话17877524418")
    assert _fields(letter).complainant.phone is None
    letter = CHAT_POST.replace("我叫韦启勇 电话17877524418", "我叫韦启勇，带我们去的工头姓梁，他手机17877524418")
    assert _fields(letter).complainant.phone is None


SHOP_LETTER = """领导您好：
我叫柏秋菊，今年四十一岁，家住丰都县三合街道双桂村，电话15923418876。今年三月我到涪陵区兴华中路118号的“渝香阁”火锅店当服务员，
老板叫冉光明，说好一个月三千二。六月、七月两个月的工资老板一直拖着不给，一共六千四百元。
请领导帮我把工资要回来。这事我没有去仲裁，也没有去法院。
柏秋菊
2025年8月12日
"""


def test_the_place_a_writer_puts_before_the_shops_name_is_the_respondents_address() -> None:
    f = _fields(SHOP_LETTER, models=True)
    assert f.respondent.address == "涪陵区兴华中路118号"


def test_a_town_or_a_site_before_the_name_is_no_address() -> None:
    town = SHOP_LETTER.replace("涪陵区兴华中路118号的", "涪陵区李渡镇的")
    assert _fields(town, models=True).respondent.address is None
    company = (
        "投诉人：柏秋菊，女，41岁，电话15923418876。\n我在重庆渝丰建材有限公司（在涪陵区李渡工业园区）做包装工，"
        "公司拖欠我六月、七月工资共六千四百元。\n请求：责令公司支付工资。\n2025年8月12日"
    )
    assert _fields(company, models=True).respondent.address == "涪陵区李渡工业园区"


@pytest.mark.parametrize(
    ("opening", "home"),
    [
        ("我是会同县连山乡大坪村的，", "会同县连山乡大坪村"),
        ("我叫蒲永贵，是巴州区清江镇人，", "巴州区清江镇"),
        ("我们家是岳池县九龙镇的，", "岳池县九龙镇"),
    ],
)
def test_where_the_writer_is_from_is_their_address(opening: str, home: str) -> None:
    letter = (
        f"尊敬的领导：\n{opening}去年在成都市郫都区一家食品厂做包装工，厂名叫成都市郫都区蜀禾食品有限公司，"
        "三月到五月工资一直没发，一共一万二千元。请领导帮我要回工资。\n蒲永贵\n电话：13980712264\n2025年6月3日"
    )
    assert _fields(letter).complainant.address == home


def test_a_county_alone_or_an_unknown_answer_is_no_address() -> None:
    county = (
        "尊敬的领导：\n我叫蒲永贵，是岳池县的人，在成都市蜀禾食品有限公司做包装工，三个月工资一万二千元没发。"
        "\n2025年6月3日"
    )
    assert _fields(county).complainant.address is None
    work_order = "来电人：蒲先生\n来电人地址：未提供\n来电内容：反映成都市蜀禾食品有限公司拖欠工资一万二千元。\n"
    f = _fields(work_order)
    assert f.complainant.address is None and "complainant.address" not in f.evidence  # still reported missing
    stated = _fields(work_order.replace("未提供", "岳池县九龙镇花园路8号"))
    assert stated.complainant.address == "岳池县九龙镇花园路8号"  # a hotline's own label for the caller's address


def test_the_phone_line_under_the_writers_line_is_the_agents_not_the_workers() -> None:
    letter = (
        "尊敬的领导：\n我父亲叫房德旺，今年五十九岁，在涞源县一个石料厂打眼，厂名叫涞源县鑫磊石料有限公司，"
        "2024年4月到10月的工资一直没给，一共三万一千五百元。请领导帮我父亲把工资要回来。\n此致\n敬礼！\n"
        "代写人：房志刚（房德旺之子）\n联系电话：15831290375\n2025年3月2日"
    )
    f = _fields(letter, models=True)
    assert f.complainant.name == "房德旺"
    assert [(a.name, a.phone) for a in f.agents] == [("房志刚", "15831290375")]
    assert f.complainant.phone is None  # the son's number: the father's own is still to be asked for
