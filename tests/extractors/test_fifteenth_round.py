"""What the fifteenth round's documents showed (issue 12): a letter signed with a lunar date under the name, as
people who date by the farming calendar sign (正月十六, 甲辰年十月初六), dated by the lunar calendar in the year
of the office's receipt or of its cyclic year. Texts invented for the test."""

from __future__ import annotations

from datetime import date

import pytest

from extractors.complaint import extract_complaint
from extractors.normalize import normalize_text
from schemas.models import ParsedDocument

_BODY = "领导：\n我在镇上的红星砖厂出窑，老板欠我去年的工钱八千六百元，一直不给。\n请领导帮我要回来。\n"


def _letter(tail: str):  # type: ignore[no-untyped-def]
    doc = ParsedDocument(text=normalize_text(_BODY + tail), format="txt", pages=1)
    return extract_complaint(doc, models=False)


@pytest.mark.parametrize(
    ("tail", "day", "written"),
    [
        # 正月十六 of the lunar year begun 2026-02-17: 2026-03-04, before the receipt
        ("\n　　　　何长贵（按手印）\n　　　　正月十六\n\n某县劳动保障监察大队　收件　2026.3.6",
         date(2026, 3, 4), "正月十六"),
        # a phone line after the date changes nothing
        ("\n杜秀琴\n正月十七\n电话：13992047618\n\n某县劳动保障监察大队　收件　2026.3.9", date(2026, 3, 5), "正月十七"),
        # 甲辰年 is 2024: its 十月初六 is 2024-11-06
        ("\n舒满华\n甲辰年十月初六\n\n某县劳动保障监察大队　收件　2024.11.8", date(2024, 11, 6), "甲辰年十月初六"),
        # 农历腊月二十 received in February 2026: the 腊月 of the lunar year begun in 2025 (2026-02-07)
        ("\n王有田\n农历腊月二十\n\n某县劳动保障监察大队　收件　2026.2.9", date(2026, 2, 7), "农历腊月二十"),
    ],
)
def test_a_lunar_signature_date_is_the_letter_date(tail: str, day: date, written: str) -> None:
    text = normalize_text(_BODY + tail)
    fields = _letter(tail)
    assert fields.letter_date == day
    ev = fields.evidence["letter_date"]
    assert text[ev.start : ev.end] == written


def test_a_lunar_date_not_under_a_signature_or_without_a_receipt_is_no_letter_date() -> None:
    assert _letter("\n正月十六我去厂里找过老板。\n\n某县劳动保障监察大队　收件　2026.3.6").letter_date is None
    assert _letter("\n何长贵\n正月十六\n").letter_date is None  # no year to count it in


_GROUP = (
    "尊敬的领导：\n我们是某县宏远棉业有限公司轧花厂的工人，一共11人，公司欠我们2025年9月至12月的工资共计16.5万元。\n"
    "{agents}\n请求责令公司支付拖欠的工资。\n2026年3月2日\n"
)


@pytest.mark.parametrize(
    ("agents", "expected"),
    [
        # a count said with 个 (三个人) between the names and what they are entrusted as
        ("我们11人共同委托马占福、杨国栋、丁学礼三个人作为代理人，代表大家和政府各部门联系。",
         [("马占福", None), ("杨国栋", None), ("丁学礼", None)]),
        # entrusted "as agents:", then each described and named, with the phone in brackets, listed with 、
        ("我们又请了三个人帮我们跑腿递材料，委托为代理人：杨满仓的侄子杨建军（在西安打工，电话18710948365）、"
         "东党村的退休教师雷振华（电话13992317508）、镇法律服务所的吕博（电话0913-7261183）。",
         [("杨建军", "18710948365"), ("雷振华", "13992317508"), ("吕博", "0913-7261183")]),
        # the last of a ；-list, without a phone, ends the sentence
        ("另委托以下三人为委托代理人，代为办理投诉相关事宜：周文博（某律师事务所律师，电话0993-6027715）；"
         "何志强（电话13899521064）；陈玉兰。",
         [("周文博", "0993-6027715"), ("何志强", "13899521064"), ("陈玉兰", None)]),
        # the labelled line's agent, then two more on the indented lines below, each a name, a role and a phone
        ("委托代理人：周立新，某律师事务所律师，电话13904779215；"
         "\n　　　　　　白海燕，某律师事务所律师，电话15947135208；"
         "\n　　　　　　李春生，某镇法律服务所法律工作者，电话13789502317。",
         [("周立新", "13904779215"), ("白海燕", "15947135208"), ("李春生", "13789502317")]),
    ],
)
def test_three_agents_named_in_the_ways_group_letters_name_them(agents: str, expected: list) -> None:
    doc = ParsedDocument(text=normalize_text(_GROUP.format(agents=agents)), format="txt", pages=1)
    fields = extract_complaint(doc, models=True)
    assert [(a.name, a.phone) for a in fields.agents] == expected


@pytest.mark.parametrize("label", ["工作岗位", "工作岗位（工种）"])
def test_a_registration_forms_job_row_is_the_occupation(label: str) -> None:
    """A complaint registration form's row 工作岗位 (or 工作岗位（工种）) gives the trade as written."""
    form = (
        "劳动保障监察投诉登记表\n一、投诉人情况\n姓名\t周桂英\t性别\t女\n联系电话\t18337765204\n"
        f"{label}\t香菇烘干工\t入职时间\t2017年9月\n二、被投诉单位情况\n单位名称\t某县森源菌业有限公司\n"
        "事实和理由\t本人自2017年9月起在该公司从事香菇烘干工作，公司拖欠2019年11月至今的工资。\n"
    )
    fields = extract_complaint(ParsedDocument(text=normalize_text(form), format="txt", pages=1), models=False)
    assert fields.complainant.occupation == "香菇烘干工"


def test_what_the_worker_does_at_the_place_is_an_occupation_candidate() -> None:
    """The occupation model is offered the work told as what the worker does there (我在他店里头洗碗打杂,
    我就在收粮点干装卸、看秤), not only spans ending in a trade word; it decides among them."""
    from extractors.learned.slots import candidates

    def offered(text: str) -> set[str]:
        return {c.text for c in candidates(text, "occ")}

    assert "洗碗打杂" in offered("我在他店里头洗碗打杂，早上十点钟去择菜。")
    assert "开截锯" in offered("我丈夫在厂里开截锯，说好每月5200元。")
    assert "装卸、看秤" in offered("我就在汐子镇收粮点干装卸、看秤，说好一个月3800块钱。")
    assert not offered("我在厂里干了三年。") & {"了三年", "干了三年"}


@pytest.mark.parametrize(
    ("line", "day"),
    [
        ("2024年3月11日（二月二）", date(2024, 3, 11)),  # the lunar day in brackets after the solar one
        ("2024年3月18日（农历二月初九）", date(2024, 3, 18)),
        ("2025年3月3日于通渭", date(2025, 3, 3)),  # where it was written
    ],
)
def test_a_signature_date_with_a_note_after_it_is_the_letter_date(line: str, day: date) -> None:
    fields = _letter(f"\n曲长贵\n{line}\n电话15843863275\n\n某县劳动保障监察大队　收件　2025.3.13")
    assert fields.letter_date == day


@pytest.mark.parametrize(
    ("where", "address"),
    [
        ("店在县城新华街，农商银行斜对门，招牌红底黄字，好找得很。", "县城新华街，农商银行斜对门"),
        ("店在东风路和通江街交口，就是原来百货大楼对过。", "东风路和通江街交口，就是原来百货大楼对过"),
        ("厂子在包家店镇，从镇上往北走三公里，路边有个大棉花垛子就是。",
         "包家店镇，从镇上往北走三公里，路边有个大棉花垛子就是"),
    ],
)
def test_an_employers_address_runs_on_through_the_landmarks_told_after_it(where: str, address: str) -> None:
    body = f"领导：\n我在“老灶火锅”洗碗，{where}老板欠我两个月工钱六千元。\n请领导帮我要回来。\n2025年10月8日\n"
    doc = ParsedDocument(text=normalize_text(body), format="txt", pages=1)
    assert extract_complaint(doc, models=False).respondent.address == address


def test_numbered_agents_on_the_lines_below_a_labelled_one_are_all_agents() -> None:
    agents = ("委托代理人：1.白晓东（白某某之子），电话15147489621；\n"
              "　　　　　　2.吴海军（某镇法律服务所法律工作者），电话0474-8421196；\n"
              "　　　　　　3.乌日娜（某某之女），电话15384746013。")
    doc = ParsedDocument(text=normalize_text(_GROUP.format(agents=agents)), format="txt", pages=1)
    got = [(a.name, a.phone) for a in extract_complaint(doc, models=True).agents]
    assert got == [("白晓东", "15147489621"), ("吴海军", "0474-8421196"), ("乌日娜", "15384746013")]


def test_agents_described_at_length_and_representatives_counted_with_ge() -> None:
    """特委托以下三人为我们的代理人：城关镇法律服务所法律工作者孙立军，电话…: a long description before the name;
    推举杨光明、吴德才两个人作为代表: the count said with 个."""
    body = ("我们推举杨光明、吴德才两个人作为代表。因我们年纪大、文化低，特委托以下三人为我们的代理人："
            "城关镇法律服务所法律工作者孙立军，电话13956417720；杨光明的儿子杨宏，电话18756420318；退休教师李玉兰。")
    fields = extract_complaint(
        ParsedDocument(text=normalize_text(_GROUP.format(agents=body)), format="txt", pages=1), models=True
    )
    assert fields.representatives == ["杨光明", "吴德才"]
    assert [(a.name, a.phone) for a in fields.agents] == [
        ("孙立军", "13956417720"), ("杨宏", "18756420318"), ("李玉兰", None)]


def test_the_age_comes_from_the_id_number_when_a_signatures_date_was_read_as_a_birth_date() -> None:
    """投诉人签名：龚某某 2026年2月9日 on a form: a date after a name is no birth date of a worker (an age of 0);
    the ID number's birth date gives the age."""
    form = (
        "举报投诉登记表\n登记日期：2026年2月9日\n姓 名\t龚建平\t性 别\t男\n"
        "公民身份号码\t430723199106145712\t联系电话\t17773657429\n"
        "投诉事项\t公司拖欠2025年11月至2026年1月工资9900元。\n投诉人签名：龚建平 2026年2月9日\n"
    )
    fields = extract_complaint(ParsedDocument(text=normalize_text(form), format="txt", pages=1), models=False)
    assert fields.complainant.age == 34  # born 1991-06-14, before his birthday on 2026-02-09


def test_a_birth_year_of_the_republic_gives_the_age() -> None:
    letter = ("陳情書\n本人陳國棟，男，臺灣高雄人，民國五十七年生，受聘於某市某鞋業有限公司擔任生產課長，"
              "公司拖欠薪資。\n2022年12月5日\n")
    fields = extract_complaint(ParsedDocument(text=normalize_text(letter), format="txt", pages=1), models=False)
    assert fields.complainant.age == 2022 - 1968


def test_the_people_of_a_place_are_no_place_in_an_employers_address() -> None:
    """A work order's instruction (请承办单位在时限内与市民取得联系) is no address: 市民 are the people of a city; the
    employer's address is where the story puts it."""
    order = (
        "某市12345政务服务便民热线\n工 单（转办）\n"
        "诉求内容：市民来电反映：其于2025年10月8日到位于单县经济开发区东环路的某某仓储物流有限公司仓库做分拣打包工，"
        "公司至今拖欠工资12,600元。\n"
        "办理要求：请承办单位在时限内与市民取得联系，依法依规办理，并将办理结果通过系统回复。\n"
    )
    fields = extract_complaint(ParsedDocument(text=normalize_text(order), format="txt", pages=1), models=False)
    assert fields.respondent.address == "单县经济开发区东环路"
