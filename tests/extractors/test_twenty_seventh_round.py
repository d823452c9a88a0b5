"""Twenty-seventh round (issue 12): years as letters name them (a cyclic year 甲辰年, a year in words 二〇二二年
before a season or a festival), a run of months that passes the year's end, and a lunar range (realistic letters
written for these tests)."""

from __future__ import annotations

from datetime import date


def _written(sentence: str, letter: date, year: int | None = None) -> str:
    from extractors.complaint.datewords import resolve_dates

    return resolve_dates(sentence, letter, year)[0]


def test_a_cyclic_year_dates_the_lunar_day_told_in_it() -> None:
    from extractors.complaint.datewords import ganzhi_year

    assert ganzhi_year("甲辰", date(2026, 5, 1)) == 2024
    assert ganzhi_year("癸卯", date(2026, 5, 1)) == 2023
    assert ganzhi_year("丙午", date(2026, 5, 1)) == 2026
    assert ganzhi_year("甲丑", date(2026, 5, 1)) is None  # no such pair in the cycle
    assert ganzhi_year("甲辰", None) is None
    # 甲辰年十月初八 is lunar (2024-11-08), with or without the zodiac animal in brackets
    assert "2024年11月8日" in _written("甲辰年十月初八那天我跟着老乡到砖厂上班", date(2026, 4, 2))
    assert "2024年11月8日" in _written("甲辰年（龙年）十月初八那天我跟着老乡到砖厂上班", date(2026, 4, 2))
    # a cyclic year alone dates the story: the lunar month days told after it in later sentences are in it
    from extractors.complaint.dates import dated_periods

    text = "甲辰年冬月我到老周的砖厂拉坯。一直干到腊月二十六放假，工钱一分没结。"
    ends = {p[1] for p in dated_periods(text, date(2026, 4, 2))}
    assert date(2025, 1, 25) in ends  # 甲辰 腊月二十六 = 2025-01-25


def test_a_year_in_words_before_a_season_or_a_festival_is_the_storys_year() -> None:
    from extractors.complaint.datewords import last_year

    assert last_year("二〇二二年春上，我经人介绍到县里的木材加工厂") == 2022
    assert last_year("二〇二一年国庆节后我就没再去了") == 2021
    # a year in figures already was one; neither is read inside a longer number
    assert last_year("2022年春上，我到厂里") == 2022
    assert last_year("编号12022年春") is None


def test_a_run_of_months_passes_the_years_end_and_a_recap_does_not() -> None:
    letter = date(2026, 3, 20)
    run = _written("二〇二四年秋天起欠我的是十月、十一月、十二月，再加上过了元旦的一月、二月，一共五个月", letter)
    assert "2024年十月" in run and "2024年十二月" in run
    assert "2025年一月" in run and "2025年二月" in run
    # a recap goes back a few months within the year: no turn
    recap = _written("公司从5月开始拖欠，我7月离职，5月和6月的工资都没发", letter, 2025)
    assert recap.count("2025年") == 4 and "2026年" not in recap
    # a turn that would pass the letter date is no turn
    early = _written("2025年11月、12月、1月的工资没发", date(2025, 12, 30))
    assert "2026年1月" not in early


def test_a_day_in_words_in_a_sentence_with_a_lunar_day_is_lunar_and_yizhi_is_a_word() -> None:
    letter = date(2026, 2, 10)
    written = _written("我们两口子从九月二十一直摘到腊月初六，工钱说好年底结", letter, 2025)
    # 九月二十 (not 二十一: 一直 is a word) of the lunar year 2025 is 2025-11-09; 腊月初六 2026-01-24
    assert "2025年11月9日" in written and "2026年1月24日" in written
    # a day in words alone, without a lunar word in its sentence, stays solar
    assert "九月二十" in _written("我九月二十到的厂", letter, 2025)


def test_a_total_column_headed_with_its_unit_is_checked_row_by_row() -> None:
    from rules.loader import load_rules
    from rules.report_totals import find_totals_mismatches

    params = load_rules()["report.totals_mismatch"].params
    table = ("类别\t政府网站（条）\t政务微博（条）\t合计（条）\n"
             "政策文件\t12\t4\t16\n"
             "人事信息\t7\t9\t15\n"
             "合计\t19\t13\t31\n")
    found = find_totals_mismatches(table, params)
    # 7 + 9 = 16, not 15, and so 19 + 13 = 32, not 31; each column adds up
    assert [f.text.split("\t")[0] for f in found] == ["人事信息", "合计"]
    assert "各列之和为16" in found[0].message and "各列之和为32" in found[1].message
    # the same table with the row right: nothing to flag, under 小计(件) too
    right = table.replace("人事信息\t7\t9\t15", "人事信息\t7\t8\t15").replace("合计（条）", "小计(件)")
    assert find_totals_mismatches(right.replace("合计\t19\t13\t31", "合计\t19\t12\t31"), params) == []
    # a day written with 号 is solar, though the sentence tells a lunar one
    solar = _written("我自己算了，十月十号到腊月二十，四个来月", date(2026, 3, 4), 2025)
    assert "2025年十月十号" in solar and "2026年2月7日" in solar


def test_a_table_of_the_months_owed_dates_the_arrears_in_either_format() -> None:
    from tests.extractors.letters import letter

    head = ("尊敬的领导：\n我叫韦秀珍，女，今年43岁，家住融水镇新民社区，电话13978246610。2022年9月到2024年6月我在"
            "融水县惠民超市有限公司当理货员，超市在融水镇寿星路28号。2023年下半年起超市说生意不好，工资只发一部分，欠的几个月"
            "列在下面：\n")
    rows = [("月份", "应发（元）", "实发（元）", "欠发（元）"), ("2023年7月", "3,600", "3,600", "0"),
            ("2023年8月", "3,600", "1,800", "1,800"), ("2023年9月", "3,600", "1,800", "1,800"),
            ("2023年10月", "3,800", "1,000", "2,800"), ("合计", "14,600", "8,200", "6,400")]
    tail = "\n我没去过仲裁。请领导帮我要回6400元。\n韦秀珍\n2024年7月8日"
    for sep in ("\t", " "):  # a .docx table's cells, a PDF text layer's
        fields = letter(head + "\n".join(sep.join(r) for r in rows) + tail)
        # July owed nothing: the arrears run from August to October, not over the whole employment
        assert (fields.violation_start, fields.violation_end) == (date(2023, 8, 1), date(2023, 10, 31))


def test_a_month_told_after_a_later_full_date_goes_on_into_the_next_year() -> None:
    from extractors.complaint.dates import dated_periods

    text = ("2024年10月我到县城的蓝海网吧当收银员，上夜班，月工资3000元。\n"
            "3月份的工资老板一直拖着不发，4月15号我就不干了。")
    starts = {p[0] for p in dated_periods(text, date(2025, 5, 6))}
    assert date(2025, 3, 1) in starts and date(2024, 3, 1) not in starts  # March after October is the next March
    # a month that would fall after the letter stays in the year told
    assert date(2024, 3, 1) in {p[0] for p in dated_periods(text, date(2025, 2, 6))}
    # after the day the work ended, the months told look back over the work
    recap = ("2023年3月我到金山选矿厂上班，看球磨机。一直干到2023年10月底，厂子停产我们就回家了。"
             "5月到10月六个月工资一分没给。")
    assert date(2023, 5, 1) in {p[0] for p in dated_periods(recap, date(2025, 3, 5))}


def test_a_birth_year_told_after_the_name_or_inside_another_sentence_gives_the_age() -> None:
    from tests.extractors.letters import letter

    named = letter("尊敬的县长：您好！我叫王秀兰，是88年的，老家是太康县马头镇的。我在县城的美佳超市当收银员，超市在"
                   "建设路12号，去年10月到12月的工资4500元没发。请帮我要回工资。\n王秀兰\n2025年3月2日")
    assert named.complainant.age == 37
    inside = letter("领导你好！我屋里住在龙塘镇石桥村后头，我是六九年的，一个妇道人家，字写得丑。我在镇上周老板的砖厂"
                    "搬砖，砖厂在石桥村口，去年腊月的工钱三千二没给。求领导做主。\n电话13907371234\n2026年3月1日")
    assert inside.complainant.age == 57
    # a year that is no birth year stays out: 我是2019年进的厂
    hired = letter("领导你好！我叫赵志刚，我是2019年进的厂，在城关镇红星纸箱厂开印刷机，厂在工业路8号，"
                   "今年1月到3月的工资没发。请领导帮忙。\n赵志刚\n电话13907371234\n2026年4月1日")
    assert hired.complainant.age is None


def test_gone_nowhere_and_never_sued_the_boss_say_no_proceedings() -> None:
    from extractors.complaint.proceedings import classify

    assert classify("到现在哪里都还没去过") == "none"
    assert classify("一直没找人") == "none" and classify("也没告过他") == "none"
    assert classify("我们也没有去告老板") == "none"
    # telling someone is not suing; going to sue is no proceeding yet; asking someone to plead is not denial
    assert classify("我没告诉他") is None and classify("我去告他") is None and classify("找人说情也没用") is None


def test_a_callers_whereabouts_and_a_cell_naming_two_labels_give_the_address() -> None:
    from tests.extractors.letters import letter

    order = ("12345政务服务便民热线工单\n工单编号：2026031100452\n来电人：周女士\n联系电话：13876543210\n"
             "来电人所在地：琼海市嘉积镇\n被反映对象：琼海市洁亮洗车行\n被反映对象地址：嘉积镇银海路18号\n"
             "来电内容：来电人反映其于2026年1月起在该洗车行洗车，2月、3月工资共5600元未发。\n"
             "诉求：要求洗车行支付拖欠工资5600元。\n受理时间：2026年3月11日")
    assert letter(order).complainant.address == "琼海市嘉积镇"
    # a county alone says which county the caller is in, not where they live
    county = order.replace("来电人所在地：琼海市嘉积镇", "来电人所在地：琼海市")
    assert letter(county).complainant.address is None
    form = ("劳动保障监察投诉登记表\n姓名\t王海波\t性别\t男\n"
            "户籍/现住址\t敦化市江南镇新华村2组\t联系电话\t13904332211\n"
            "用人单位\t敦化市顺达物流有限公司\t单位地址\t敦化市胜利街道工业路6号\n"
            "投诉事项\t2025年10月至12月工资12000元未发\n登记日期\t2026年1月5日")
    assert letter(form).complainant.address == "敦化市江南镇新华村2组"


def test_half_the_wages_paid_is_arrears_from_the_month_it_began() -> None:
    from tests.extractors.letters import letter

    fields = letter("领导好！俺叫孙桂芝，今年五十一了，在柘城县金鼎纸业有限公司的裁切车间干活，厂在县城北环路。"
                    "今年八月开始，厂里说货款没回来，工资先发一半。八月份该拿3800，只发了1900；九月份到现在一分没发。"
                    "俺现在还天天上班。求领导帮俺把欠的钱要回来。\n电话15838012345\n2025年10月20号")
    assert fields.violation_start == date(2025, 8, 1)


def test_a_request_starts_at_its_ask_after_a_vocative_or_a_word_on_proceedings() -> None:
    from extractors.complaint.body import from_the_ask

    def ask(text: str) -> str:
        s, e = from_the_ask(text, 0, len(text))
        return text[s:e]

    assert ask("领导，我就想把这六千八要回来") == "我就想把这六千八要回来"
    assert ask("我没去过仲裁，也不晓得找哪里，想请领导帮帮忙，让厂里把欠我的9200元给我") == (
        "想请领导帮帮忙，让厂里把欠我的9200元给我")
    # 就想把 without anything to get back is no ask
    assert ask("领导，我就想把事情说清楚，厂里欠我9200元") == "领导，我就想把事情说清楚，厂里欠我9200元"
