"""Parametrised tables for the pure helpers of complaint extraction, and small letters of each shape."""

from __future__ import annotations

from datetime import date

import pytest

from extractors.complaint import extract_complaint
from extractors.complaint import numerals as nm
from extractors.complaint.body import split_items
from extractors.complaint.chat import mask_chat
from extractors.complaint.datewords import lunar_to_solar, resolve_dates
from extractors.complaint.proceedings import classify
from extractors.normalize import normalize_text
from schemas.models import ParsedDocument


@pytest.mark.parametrize(
    ("text", "end_of_month", "expected"),
    [
        ("2026年1月12日", False, date(2026, 1, 12)),
        ("二〇二六年十月八日", False, date(2026, 10, 8)),
        ("二零二六年三月十五日", False, date(2026, 3, 15)),
        ("二〇二五年十二月", True, date(2025, 12, 31)),
        ("2025年2月", True, date(2025, 2, 28)),
        ("2024年2月", True, date(2024, 2, 29)),
        ("2025年3月", False, date(2025, 3, 1)),
        ("2025 年 3 月 5 号", False, date(2025, 3, 5)),
        ("2025年13月1日", False, None),
        ("2025年2月30日", False, None),
        ("没有日期", False, None),
    ],
)
def test_parse_date(text: str, end_of_month: bool, expected: date | None) -> None:
    assert nm.parse_date(text, end_of_month) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("壹拾贰万叁仟元整", 123000.0),
        ("人民币贰万伍仟贰佰元整", 25200.0),
        ("3.5万元", 35000.0),
        ("41.6万元", 416000.0),
        ("12,300元", 12300.0),
        ("一万二千元", 12000.0),
        ("4800元", 4800.0),
        ("9870.50元", 9870.5),
        ("三个月", None),
        # spoken and mixed forms
        ("10万8千元", 108000.0),
        ("拖欠工资121万余元", 1210000.0),
        ("工资380多万元", 3800000.0),
        ("约2千万元", 20000000.0),
        ("1万零8百元", 10800.0),
        ("一万零八百元", 10800.0),
        ("三万六千多块", 36000.0),
        ("一亿二千万元", 120000000.0),
        ("共计354万", 3540000.0),
        ("十几万", None),  # no figure
        ("3万平方米", None),  # an area, not money
    ],
)
def test_parse_money(text: str, expected: float | None) -> None:
    assert nm.parse_money(text) == expected


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        ("138 0000 0000", "13800000000"),
        ("138-0000-0000", "13800000000"),
        ("13800000000", "13800000000"),
        ("0772-5135856", "0772-5135856"),
        ("(0772)5135856", "0772-5135856"),
        ("（0772）5135856", "0772-5135856"),
        ("07725135856", "0772-5135856"),
        ("12345", None),
        ("1380000000", None),
    ],
)
def test_normalize_phone(raw: str, expected: str | None) -> None:
    assert nm.normalize_phone(raw) == expected


def test_find_phones_reports_each_number_once() -> None:
    phones = nm.find_phones("电话138 7720 4561，座机(0772)5135856，另0772-8123456")
    assert [p for p, _s, _e in phones] == ["13877204561", "0772-5135856", "0772-8123456"]


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        ("450225198806120318", "450225198806120318"),
        ("45020219790821341X", "45020219790821341X"),
        ("45020219790821341x", "45020219790821341X"),
        ("450225199106300751", None),  # wrong check digit (should be 0)
        ("450225199113300750", None),  # month 13
        ("45022519880612031", None),
    ],
)
def test_valid_id_number(raw: str, expected: str | None) -> None:
    assert nm.valid_id_number(raw) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("35岁", 35),
        ("三十五岁", 35),
        ("今年四十一岁", 41),
        ("五十八周岁", 58),
        ("35", 35),
        ("3岁", None),
        ("二百岁", None),
    ],
)
def test_parse_age(text: str, expected: int | None) -> None:
    assert nm.parse_age(text) == expected


@pytest.mark.parametrize(
    ("clause", "expected"),
    [
        ("本人未申请劳动争议仲裁", "none"),
        ("也未向人民法院提起诉讼", "none"),
        ("没去仲裁也没去法院", "none"),
        ("本人已向县劳动人事争议仲裁委员会申请仲裁", "arbitration"),
        ("本人已于2025年8月向县人民法院提起诉讼", "litigation"),
        ("经镇调解委员会调解达成协议", "mediation"),
        ("不清楚家里人是否申请过仲裁", "unknown"),
        ("如不支付将申请仲裁", None),
        ("公司拖欠工资", None),
        ("我没打过官司", "none"),
        ("不知道有没有申请过仲裁", "unknown"),  # doubt, not ignorance
        ("爸爸说打官司要花好多钱", None),  # lawsuits in general
        ("我们不懂仲裁那些", None),  # knowing nothing of it affirms no arbitration
    ],
)
def test_classify_proceedings(clause: str, expected: str | None) -> None:
    assert classify(clause) == expected


@pytest.mark.parametrize(
    ("block", "expected"),
    [
        ("1.支付工资3900元；2.退还押金500元。", ["支付工资3900元", "退还押金500元"]),
        ("一、支付工资\n二、补缴社保\n以上合计1万元", ["支付工资", "补缴社保"]),
        ("一是要求发工资；二是要求按月发", ["要求发工资", "要求按月发"]),
        ("（1）支付加班费\n（2）支付1.5万元补偿", ["支付加班费", "支付1.5万元补偿"]),
        ("要求支付拖欠的工资7350元。", ["要求支付拖欠的工资7350元"]),
    ],
)
def test_split_items(block: str, expected: list[str]) -> None:
    assert [block[s:e] for s, e in split_items(block, 0, len(block))] == expected


def _letter(text: str):
    normalised = normalize_text(text)
    return extract_complaint(ParsedDocument(text=normalised, format="txt", pages=1))


def test_silent_letter_gives_none_not_guesses() -> None:
    fields = _letter("尊敬的领导：\n我想反映一些情况。\n此致\n敬礼！\n2026年3月1日")
    assert fields.complainant.model_dump() == {k: None for k in fields.complainant.model_dump()}
    assert fields.respondent.name is None and fields.prior_proceedings is None
    assert fields.amount_claimed_yuan is None and fields.received_date is None
    assert fields.violation_start is None and not fields.collective and fields.agents == []
    assert fields.letter_date == date(2026, 3, 1)


def test_inline_description_and_receipt_stamp() -> None:
    fields = _letter(
        "投诉书\n投诉人：覃小燕，女，二十九岁，住融水县融水镇东门街3号，电话：(0772)5120001。\n"
        "被投诉单位：柳州市某某商贸有限公司，住所：柳州市城中区文惠路1号，法定代表人：何大伟。\n"
        "请求事项：要求支付工资3.5万元。\n事实与理由：公司自2025年7月起拖欠工资至今。\n"
        "本人未申请仲裁。\n2026年2月1日\n收到日期：2026年2月3日"
    )
    c = fields.complainant
    assert (c.name, c.gender, c.age, c.phone) == ("覃小燕", "女", 29, "0772-5120001")
    assert c.address == "融水县融水镇东门街3号"
    assert fields.respondent.legal_representative == "何大伟"
    assert fields.amount_claimed_yuan == 35000.0
    assert fields.violation_start == date(2025, 7, 1) and fields.violation_end is None
    assert fields.violation_ongoing
    assert fields.letter_date == date(2026, 2, 1) and fields.received_date == date(2026, 2, 3)
    assert fields.prior_proceedings == "none"


def test_space_separated_header_short_range_and_signature_phone() -> None:
    fields = _letter(
        "投诉书\n投诉人：张国庆  男  45岁  泥水工  住柳州市鱼峰区箭盘路12号\n"
        "投诉事项：包工头拖欠我2025年4月至6月工资共计5.4万元，多次讨要无果。\n我没有去仲裁过。\n"
        "张国庆 电话 136 0772 1234\n2025年9月1日"
    )
    c = fields.complainant
    assert (c.name, c.gender, c.age, c.occupation) == ("张国庆", "男", 45, "泥水工")
    assert c.address == "柳州市鱼峰区箭盘路12号" and c.phone == "13607721234"
    assert (fields.violation_start, fields.violation_end) == (date(2025, 4, 1), date(2025, 6, 30))
    assert fields.amount_claimed_yuan == 54000.0 and fields.prior_proceedings == "none"
    assert fields.facts is not None and "张国庆" not in fields.facts


def test_bare_note_with_words_joined_to_the_phone_line() -> None:
    """A PDF may join a note's last short line to the phone line before it."""
    fields = _letter("覃阿二\n手机 13800002222包工头欠钱不还")
    assert (fields.complainant.name, fields.complainant.phone) == ("覃阿二", "13800002222")
    assert fields.facts == "包工头欠钱不还" and fields.requests == []
    assert fields.respondent.name is None and fields.letter_date is None


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        ("经全体工人推举，由张大山、李小红二人作为代表进行投诉。", ["张大山", "李小红"]),
        ("大家推选王铁柱、赵春花为投诉代表。", ["王铁柱", "赵春花"]),
        ("我们一致同意由刘长生作为我们的代表。", ["刘长生"]),
    ],
)
def test_elected_representatives(sentence: str, expected: list[str]) -> None:
    fields = _letter(f"集体投诉书\n尊敬的领导：\n我们是某某公司的12名工人，公司拖欠工资。{sentence}\n此致\n敬礼")
    assert fields.representatives == expected and fields.collective


def test_representatives_from_their_own_lines_and_a_bare_head_count() -> None:
    fields = _letter(
        "联名投诉书\n我们是某某生态农业专业合作社的采果工，共15人。\n"
        "投诉人代表：贾某兵，男，38岁，家住融水镇江边村；联系电话：13900112233\n"
        "投诉人代表：莫某英，女，35岁，家住融水镇江边村；联系电话：13900112244\n"
        "被投诉单位：某某生态农业专业合作社\n投诉事实：合作社拖欠我们工资共计9万元。\n"
        "投诉人代表：贾某兵 莫某英\n2026年1月3日"
    )
    assert fields.representatives == ["贾某兵", "莫某英"]
    assert fields.collective and fields.complainant_count == 15
    assert (fields.complainant.name, fields.complainant.phone) == ("贾某兵", "13900112233")


@pytest.mark.parametrize(
    ("facts", "start", "end", "ongoing"),
    [
        ("公司从去年11月开始到今年2月都没发工资。", date(2025, 11, 1), date(2026, 2, 28), False),
        ("从去年8月开始老板就不发工资，还欠我2025年8月到12月的工资。", date(2025, 8, 1), date(2025, 12, 31), False),
        ("公司自今年1月起一直拖欠工资。", date(2026, 1, 1), None, True),
        ("被申诉人至今未支付2025年11月、12月工资。", date(2025, 11, 1), date(2025, 12, 31), False),
        ("2025年4月至2025年10月，我在该公司做木工。公司尚欠我工资。", date(2025, 4, 1), date(2025, 10, 31), False),
        # 今年 tells the story's year even after an earlier year (the hiring) and outside a month word
        ("2024年3月我进厂开车。今年1月份开始公司不按时发钱，1月、2月的工资都没发。",
         date(2026, 1, 1), date(2026, 2, 28), False),
        ("我今年38岁，2024年11月进厂。今年春节后公司说困难，2月、3月的工资都没发。",
         date(2026, 2, 1), date(2026, 3, 31), False),
        # a two-digit year said in words; 今年过罢年 moves the story to the letter's year
        ("那是二四年秋收完了，十月一号我上粮库当装卸工，十月到十二月的工钱一直没给。",
         date(2024, 10, 1), date(2024, 12, 31), False),
        ("我是前年三月份进的厂。今年过罢年厂里不发工资了，一月份、二月份的工资都没给。",
         date(2026, 1, 1), date(2026, 2, 28), False),
        # a lunar date without a year is in the year the story is in (前年（2024年）), not the latest such day
        ("我们是前年（2024年）在某村给张某的葡萄园干活的工人。农历六月二十开始摘葡萄，一直干到农历八月初五，工钱一直没给。",
         date(2024, 7, 25), date(2024, 9, 7), False),
        # an age is no year: the months stay in the year just told
        ("2025年5月进厂。我今年五十八了，9月、10月两个月的工资没发。", date(2025, 9, 1), date(2025, 10, 31), False),
    ],
)
def test_violation_period_shapes(facts: str, start: date, end: date | None, ongoing: bool) -> None:
    fields = _letter(f"投诉书\n事实与理由：{facts}\n2026年3月10日")
    assert (fields.violation_start, fields.violation_end, fields.violation_ongoing) == (start, end, ongoing)


@pytest.mark.parametrize(
    ("birth", "letter", "number", "expected"),
    [
        ("1985年3月", "2026年2月24日", "", 40),
        ("1985年1月", "2026年2月24日", "", 41),
        ("1985年2月", "2026年2月24日", "", None),  # the birth month, no day: unknown
        ("1990年7月", "2026年7月1日", "450225199007150312", 35),  # the day from the ID number
        ("1990年7月15日", "2026年7月15日", "", 36),
    ],
)
def test_age_from_birth_month(birth: str, letter: str, number: str, expected: int | None) -> None:
    row = f"身份证号码\t{number}" if number else "民族\t汉族"
    fields = _letter(f"投诉登记表\n投诉人姓名\t王某某\t性别\t男\n出生年月\t{birth}\t{row}\n填表日期：{letter}")
    assert fields.complainant.age == expected


def test_events_told_in_the_paragraph_that_introduces_the_writer() -> None:
    fields = _letter(
        "尊敬的领导：\n您好！我叫吴某妹，女，今年45岁，家住融水镇新村二组，电话13677889900。"
        "包工头欠我们工钱3万元，到现在都不给。\n恳请领导帮我们讨回工钱。\n求助人：吴某妹\n2026年2月1日"
    )
    c = fields.complainant
    assert (c.name, c.gender, c.age, c.address, c.phone) == ("吴某妹", "女", 45, "融水镇新村二组", "13677889900")
    assert fields.facts == "包工头欠我们工钱3万元，到现在都不给"
    assert fields.requests == ["恳请领导帮我们讨回工钱"] and fields.amount_claimed_yuan == 30000.0
    assert fields.respondent.name is None


def test_several_amounts_without_total_give_none() -> None:
    fields = _letter("请求事项：\n1.支付工资3000元；\n2.退还押金500元。\n事实与理由：公司拖欠工资。")
    assert fields.amount_claimed_yuan is None


# --------------------------------------------------------------------------- date words (datewords.py)

LETTER = date(2025, 3, 15)


@pytest.mark.parametrize(
    ("sentence", "year", "expected"),
    [
        ("去年腊月二十八放假", None, "2025年1月27日放假"),  # 农历甲辰年腊月二十八
        ("农历腊月二十六", None, "2025年1月25日"),  # no year: the latest one before the letter
        ("25年10月18日被辞退", None, "2025年10月18日被辞退"),
        ("落款2025.3.15", None, "落款2025年3月15日"),
        ("【2025-11-02 20:41】", None, "【2025年11月2日 20:41】"),
        ("从7月份开始欠着", 2024, "从2024年7月份开始欠着"),
        ("7月、8月的工资", None, "2024年7月、2024年8月的工资"),  # after the letter's month: last year
        ("2025年11月、12月工资", 2024, "2025年11月、2025年12月工资"),  # the year just stated wins
        ("二〇二五年十一月加班", None, "二〇二五年十一月加班"),  # 一月 inside 十一月 is no month
        ("两个月、每月15日、头几个月", 2025, "两个月、每月15日、头几个月"),
        ("去年10月开始", None, "2024年10月开始"),
    ],
)
def test_resolve_dates(sentence: str, year: int | None, expected: str) -> None:
    resolved, index = resolve_dates(sentence, LETTER, year)
    assert resolved == expected
    assert len(index) == len(resolved) + 1 and all(0 <= i <= len(sentence) for i in index)


def test_lunar_day_that_does_not_exist_is_no_date() -> None:
    assert lunar_to_solar(2024, 12, 31) is None


# --------------------------------------------------------------------------- message logs (chat.py)


def test_a_message_log_keeps_only_the_writers_words() -> None:
    text = (
        "留言记录\n【2025-12-06 21:15】小梅：在吗\n【2025-12-06 21:20】小梅：老板欠我工资\n"
        "【2025-12-07 09:02】人社客服：请到窗口投诉\n【2025-12-07 09:10】小梅：好的"
    )
    masked, messages = mask_chat(text)
    assert len(masked) == len(text)
    assert [m.nick for m in messages] == ["小梅"] * 3
    assert "请到窗口投诉" not in masked and "留言记录" not in masked and "21:20" not in masked
    assert masked[messages[1].start : messages[1].end] == "老板欠我工资"
    assert messages[0].day == date(2025, 12, 6)


def test_a_message_log_with_sender_header_lines() -> None:
    text = "张三 2025-11-02 10:32\n老板拖欠我两个月工资\n李四 10:40\n好的\n张三 10:41\n在融水镇\n张三 10:45\n谢谢"
    masked, messages = mask_chat(text)
    assert [masked[m.start : m.end] for m in messages] == ["老板拖欠我两个月工资", "在融水镇", "谢谢"]
    assert "好的" not in masked


def test_a_letter_with_two_timestamps_is_no_message_log() -> None:
    assert mask_chat("投诉书\n【2025-12-06 21:15】小梅：在吗\n2025年12月8日") is None


# --------------------------------------------------------------------------- small letters of new shapes


def _fields(text: str):
    text = normalize_text(text)
    return extract_complaint(ParsedDocument(text=text, page_starts=[0], format="txt", pages=1))


def test_an_answer_of_none_is_evidence_without_a_value() -> None:
    f = _fields("投诉书\n投诉人：张某某，男，40岁\n工作单位：无\n事实与理由：\n我在某某公司做工，公司拖欠工资。")
    assert f.complainant.employer is None
    assert "complainant.employer" in f.evidence


def test_a_part_of_a_stated_total_is_not_the_claim() -> None:
    f = _fields(
        "投诉书\n投诉人：张某某，男，40岁\n事实与理由：\n我们班组2025年7月至9月的工资共计9.6万元至今未付，"
        "其中本人被拖欠14000元。"
    )
    assert f.amount_claimed_yuan == 96000


@pytest.mark.parametrize(
    ("line", "expected"),
    [
        ("我在融水县某某餐饮有限公司后厨当帮厨", ("融水县某某餐饮有限公司", "帮厨")),
        ("我在融水县某某木业有限公司车间做木匠", ("融水县某某木业有限公司", "木匠")),
    ],
)
def test_a_department_after_the_employer_is_not_its_name(line: str, expected: tuple[str, str]) -> None:
    f = _fields(f"投诉书\n我叫张某某，男，40岁，{line}。\n公司拖欠我工资。")
    assert (f.complainant.employer, f.complainant.occupation) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [("一万二千五", 12500.0), ("三千五", 3500.0), ("三千零五", 3005.0), ("3万5", 35000.0), ("一二", None)],
)
def test_amount_value_reads_speech(text: str, expected: float | None) -> None:
    assert nm.amount_value(text) == expected


@pytest.mark.parametrize(
    ("sentence", "address"),
    [
        ("2024年3月我进入位于城南新区工业园B区的某某锦华服饰有限公司做车工。", "城南新区工业园B区"),
        ("去年我到了七里工业园区的阆中市蜀香园食品有限公司上班。", "七里工业园区"),
    ],
)
def test_the_place_before_the_employers_name_starts_after_the_verb(sentence: str, address: str) -> None:
    fields = _letter(f"投诉书\n事实与理由：{sentence}公司拖欠我2025年11月、12月工资共8000元。\n2026年3月10日")
    assert fields.respondent.address == address


def test_a_letter_without_a_signed_date_tells_its_story_from_the_latest_date_it_states() -> None:
    fields = _letter(
        "尊敬的领导：\n我叫某某，去年（2024年）4月进了某某食品有限公司当包装工。\n"
        "哪晓得今年正月初八开工以后，工资就开始拖起了。这一等就等了几个月，2月份的没发，3月份的也没发。\n"
        "这封信是我2025年6月3号晚上写的。\n"
    )
    assert (fields.violation_start, fields.violation_end) == (date(2025, 2, 1), date(2025, 3, 31))


def test_the_writer_is_staff_of_the_employer_and_the_storys_words_name_no_company() -> None:
    fields = _letter(
        "尊敬的领导：\n我是某某杨氏果业的职工，杨氏果业拖欠工资长达两年之久，拖欠工资期间公司出售了一批水果，"
        "也没有支付工资。\n2025年1月1日"
    )
    assert fields.complainant.employer == "某某杨氏果业"
    assert fields.respondent.name == "某某杨氏果业"
    # a deed is no employer: 摘葡萄的工人 are pickers
    pickers = _letter("尊敬的领导：\n我们是摘葡萄的工人，给葡萄园老板张某干活，工钱被拖了两年多。\n2025年1月1日")
    assert pickers.complainant.employer != "摘葡萄"
