"""The work-report checks, each with inputs that must raise it and inputs that must not."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from extractors.normalize import normalize_text
from rules.loader import RuleSet
from rules.report_engine import evaluate_report
from schemas.models import Commitment, FieldEvidence, Flag, Period, PriorDocument, ReportFields, Span

SEEDS = Path(__file__).parents[1] / "fixtures" / "seeds" / "src"
TODAY = date(2012, 1, 1)
NDRC = "余庆县发展和改革局"
YEAR_2010 = Period(label="2010年", start=date(2010, 1, 1), end=date(2010, 12, 31))


def seed(prefix: str) -> str:
    (path,) = SEEDS.glob(f"{prefix}_*.txt")
    return normalize_text(path.read_text(encoding="utf-8"))


def run(
    rules: RuleSet, text: str, fields: ReportFields | None = None, commitments=(), prior=()
) -> list[Flag]:
    flags, deadlines = evaluate_report(
        text, fields or ReportFields(), list(commitments), list(prior), rules, TODAY
    )
    assert deadlines == []
    return flags


def ids(flags: list[Flag]) -> list[str]:
    return sorted(f.rule_id for f in flags)


def of(flags: list[Flag], rule_id: str) -> list[Flag]:
    return [f for f in flags if f.rule_id == rule_id]


# --------------------------------------------------------------------------- report.date_before_period

FIRST_HALF_2010 = Period(label="2010年上半年", start=date(2010, 1, 1), end=date(2010, 6, 30))
QUARTER = Period(label="2011年第一季度", start=date(2011, 1, 1), end=date(2011, 3, 31))
MARCH_2011 = Period(label="2011年3月", start=date(2011, 3, 1), end=date(2011, 3, 31))


@pytest.mark.parametrize(
    ("report_date", "period", "raised"),
    [
        (date(2009, 12, 15), YEAR_2010, True),  # seed 04: a 2010 summary dated a year early
        (date(2010, 10, 1), YEAR_2010, True),
        (date(2010, 12, 20), YEAR_2010, True),  # eleven days of the year still to come (no grace by default)
        (date(2010, 12, 31), YEAR_2010, False),
        (date(2011, 1, 10), YEAR_2010, False),
        (date(2011, 2, 15), QUARTER, True),
        (date(2011, 3, 25), QUARTER, True),
        (date(2011, 3, 29), MARCH_2011, True),  # a month's report signed before the month is over: no grace
        (date(2011, 3, 31), MARCH_2011, False),
        (None, YEAR_2010, False),
    ],
)
def test_date_before_period(rules: RuleSet, report_date: date | None, period: Period, raised: bool) -> None:
    fields = ReportFields(report_date=report_date, period=period)
    assert (
        bool(of(run(rules, "今年我局认真开展政务公开工作。", fields), "report.date_before_period")) is raised
    )


def test_an_office_can_grant_year_end_summaries_a_grace(rules: RuleSet) -> None:
    """grace_days (0 by default) accepts a summary finished in the last days of its period, when an office sets it."""
    rule = rules["report.date_before_period"]
    graced = RuleSet(rules)
    graced["report.date_before_period"] = rule.model_copy(update={"params": {**rule.params, "grace_days": 15}})
    text = "今年我局认真开展政务公开工作。"
    assert not of(run(graced, text, ReportFields(report_date=date(2010, 12, 20), period=YEAR_2010)),
                  "report.date_before_period")
    assert of(run(graced, text, ReportFields(report_date=date(2010, 10, 1), period=YEAR_2010)),
              "report.date_before_period")


def test_date_before_period_points_at_the_date(rules: RuleSet) -> None:
    text = "2010年工作总结\n正文。\n2009年12月15日"
    start = text.index("2009年")
    fields = ReportFields(
        report_date=date(2009, 12, 15),
        period=YEAR_2010,
        evidence={"report_date": FieldEvidence(start=start, end=len(text), confidence=0.9)},
    )
    (flag,) = of(run(rules, text, fields), "report.date_before_period")
    assert flag.evidence.text == "2009年12月15日"
    assert "2010年12月31日" in flag.message


@pytest.mark.parametrize(
    ("report_date", "sentence", "raised"),
    [
        (date(2010, 12, 20), "截至9月底，共争取到投资的有12个方面。", False),
        (date(2010, 8, 1), "截至9月底，共争取到投资的有12个方面。", True),
        (date(2010, 8, 1), "截止2010年10月31日，已完成全部项目。", True),
        (date(2010, 8, 1), "计划到12月底完成全部项目。", False),  # a plan, not an event
    ],
)
def test_date_before_stated_event(rules: RuleSet, report_date: date, sentence: str, raised: bool) -> None:
    # the period ends before every report date here: only the stated event can raise the flag
    fields = ReportFields(report_date=report_date, period=FIRST_HALF_2010)
    flags = of(run(rules, f"工作总结\n{sentence}", fields), "report.date_before_period")
    assert bool(flags) is raised
    if raised:
        assert flags[0].evidence.text == sentence


# --------------------------------------------------------------------------- report.duplicate / copied_text


def test_seed_05_duplicates_seed_04_and_names_it(rules: RuleSet) -> None:
    prior = [
        PriorDocument(
            document_id="doc-04",
            agency=NDRC,
            title="2010年机关行政效能建设和政务公开工作总结",
            text=seed("04"),
        ),
        PriorDocument(document_id="doc-03", text=seed("03")),
    ]
    flags = run(rules, seed("05"), ReportFields(agency=NDRC), prior=prior)
    (dup,) = of(flags, "report.duplicate")
    assert dup.evidence.text == "doc-04"
    assert "doc-04" in dup.message
    assert of(flags, "report.copied_text") == []  # the same body's report is not "copied"


def test_the_same_report_in_another_layout_is_a_duplicate(rules: RuleSet) -> None:
    relaid = seed("04").replace("\n", "").replace(",", "，").replace("。", "。\n")
    prior = [PriorDocument(document_id="pdf-04", agency=NDRC, text=seed("04"))]
    assert ids(of(run(rules, relaid, ReportFields(agency=NDRC), prior=prior), "report.duplicate")) == [
        "report.duplicate"
    ]


def test_other_reports_are_not_duplicates(rules: RuleSet) -> None:
    prior = [
        PriorDocument(document_id="doc-03", text=seed("03")),
        PriorDocument(document_id="doc-01", text=seed("01")),
    ]
    assert of(run(rules, seed("04"), ReportFields(agency=NDRC), prior=prior), "report.duplicate") == []


def test_paragraph_of_another_body_is_copied_text(rules: RuleSet) -> None:
    source = seed("03")
    start = source.index("固原市原州区为了")
    host = f"某镇2011年政务公开工作总结\n我镇认真开展政务公开工作。\n{source[start:]}"
    prior = [PriorDocument(document_id="yz-1", agency="固原市原州区人民政府", text=source)]
    (flag,) = of(run(rules, host, ReportFields(agency="某县某镇人民政府"), prior=prior), "report.copied_text")
    assert flag.evidence.text.startswith("固原市原州区为了")
    assert host[flag.evidence.start : flag.evidence.end] == flag.evidence.text
    assert "yz-1" in flag.message


def test_same_body_text_is_not_copied_text(rules: RuleSet) -> None:
    source = seed("03")
    start = source.index("固原市原州区为了")
    host = f"某镇2011年政务公开工作总结\n{source[start:]}"
    prior = [PriorDocument(document_id="own", agency="某县某镇人民政府", text=source)]
    assert (
        of(run(rules, host, ReportFields(agency="某县某镇人民政府"), prior=prior), "report.copied_text") == []
    )


# --------------------------------------------------------------------------- report.foreign_reference


def test_seed_04_speaks_of_a_centre_and_housing_reform(rules: RuleSet) -> None:
    (flag,) = of(run(rules, seed("04"), ReportFields(agency=NDRC)), "report.foreign_reference")
    assert "深化房改" in flag.evidence.text and "中心的政务公开" in flag.evidence.text
    assert seed("04")[flag.evidence.start : flag.evidence.end] == flag.evidence.text


def test_housing_reform_is_not_foreign_to_a_housing_reform_office(rules: RuleSet) -> None:
    text = "今后,要不断提高我办的政务公开工作水平,为深化房改作出更大的贡献。"
    assert (
        of(run(rules, text, ReportFields(agency="余庆县住房制度改革办公室")), "report.foreign_reference")
        == []
    )


@pytest.mark.parametrize(
    ("agency", "paragraph", "raised"),
    [
        # another line of work told as the body's own: the line's body as the subject in a paragraph the body
        # speaks in, or a sentence that opens with it
        ("资源县医疗保障局", "我局落实首问负责制。县劳动保障监察大队严格落实欠薪案件接诉即办要求。", True),
        ("资源县人力资源和社会保障局", "我局落实首问负责制。县劳动保障监察大队严格落实欠薪案件接诉即办要求。", False),
        ("福贡县水务局", "全面落实限时办结制。全年林草行政审批事项全部进驻县政务服务中心林业窗口。", True),
        ("福贡县林业和草原局", "全面落实限时办结制。全年林草行政审批事项全部进驻县政务服务中心林业窗口。", False),
        # named as someone else's work, it is not claimed
        ("福贡县水务局", "全面落实限时办结制，配合县林业局做好林木采伐审批的水土保持审查。", False),
    ],
)
def test_another_line_of_work_told_as_the_bodys_own(rules: RuleSet, agency: str, paragraph: str, raised: bool) -> None:
    text = f"2025年工作总结\n{paragraph}"
    assert bool(of(run(rules, text, ReportFields(agency=agency)), "report.foreign_reference")) is raised


def test_seed_03_town_report_with_a_district_paragraph(rules: RuleSet) -> None:
    (flag,) = of(run(rules, seed("03"), ReportFields(agency=None)), "report.foreign_reference")
    assert flag.evidence.text.startswith("固原市原州区为了")


@pytest.mark.parametrize(
    ("agency", "paragraph", "raised"),
    [
        (NDRC, "余庆县为了加强党风廉政建设，今年在全县政务公开中着力抓好五项工作。", False),  # own county
        (NDRC, "遵义市为了加强党风廉政建设，今年在全市政务公开中抓好三项工作。", False),  # own parent city
        (
            NDRC,
            "湄潭县为了加强党风廉政建设，今年在全县政务公开中着力抓好五项工作。",
            True,
        ),  # neighbour county
        ("固原市原州区人民政府", "固原市原州区为了加强党风廉政建设，今年在政务公开中抓好五项工作。", False),
        (
            "固原市人民政府",
            "原州区为了加强党风廉政建设，今年在全区政务公开中抓好五项工作。",
            False,
        ),  # a district of its own
        ("柳州市发展和改革委员会", "南宁市为了加强党风廉政建设，今年在全市政务公开中抓好五项工作。", True),
    ],
)
def test_place_as_subject(rules: RuleSet, agency: str, paragraph: str, raised: bool) -> None:
    text = f"2011年工作总结\n今年以来，我们认真开展政务公开。\n{paragraph}"
    assert bool(of(run(rules, text, ReportFields(agency=agency)), "report.foreign_reference")) is raised


@pytest.mark.parametrize(
    ("sentence", "raised"),
    [
        ("全年在长兴县人民政府门户网站公开信息120条。", True),  # another county's portal as the channel
        ("全年在德清县人民政府门户网站公开信息120条。", False),
        ("全年在湖州市人民政府门户网站公开信息120条。", False),  # the parent city's portal
        ("下一步，我局将继续努力，为长兴县市场监管事业高质量发展作出新贡献。", True),
        ("下一步，我局将继续努力，为德清县市场监管事业高质量发展作出新贡献。", False),
        ("赴长兴县学习考察政务公开工作。", False),  # naming another county is not speaking as it
        # a channel named after another county's office, with no 在/通过 before it (a template left in)
        ("一是及时更新“长兴人社”微信公众号，每周发布政策解读。", True),
        ("一是及时更新“德清人社”微信公众号，每周发布政策解读。", False),
        ("每月更新湖州市长兴县人民政府门户网站“市场监管”专栏。", True),
        ("每月更新“平安德清”微信公众号。", False),  # 平安 is no place's office
        # a three-character county's short name (安吉 of 安吉县 is two; 公主岭 of 公主岭市 is three)
        ("我局依托“公主岭医保”微信公众号开设政策栏目。", True),
    ],
)
def test_another_places_channel_or_purpose(rules: RuleSet, sentence: str, raised: bool) -> None:
    fields = ReportFields(agency="德清县市场监督管理局")
    flags = of(run(rules, f"德清县市场监督管理局工作总结\n{sentence}", fields), "report.foreign_reference")
    assert bool(flags) is raised


@pytest.mark.parametrize(
    ("agency", "sentence", "raised"),
    [
        ("某县交通运输局", "本中心严格执行首问负责制。", True),
        ("某县政务服务中心", "本中心严格执行首问负责制。", False),
        ("某县某镇人民政府", "我局严格执行首问负责制。", True),
        ("某县某镇人民政府", "我镇严格执行首问负责制，民生中心负责日常工作。", False),
        (None, "我镇严格执行首问负责制。我镇民生中心负责日常工作。", False),
    ],
)
def test_self_reference_of_another_body_type(
    rules: RuleSet, agency: str | None, sentence: str, raised: bool
) -> None:
    flags = of(run(rules, f"工作总结\n{sentence}", ReportFields(agency=agency)), "report.foreign_reference")
    assert bool(flags) is raised


@pytest.mark.parametrize(
    ("sentence", "raised"),
    [
        ("今年办理事项1260件，息烽县卫生健康局被评为全市先进窗口单位。", True),  # another county's namesake
        ("今年办理事项1260件，开阳县卫生健康局被评为全市先进窗口单位。", False),  # itself
        ("今年配合息烽县卫生健康局开展联合检查2次。", False),  # named, not speaking as it
    ],
)
def test_namesake_body_of_another_county(rules: RuleSet, sentence: str, raised: bool) -> None:
    text = f"开阳县卫生健康局2025年工作汇报\n{sentence}"
    flags = of(run(rules, text, ReportFields(agency="开阳县卫生健康局")), "report.foreign_reference")
    assert bool(flags) is raised



@pytest.mark.parametrize(
    ("sentence", "raised"),
    [
        ("根据《息烽县2025年政务公开工作要点》文件精神，我局制定了工作方案。", True),  # another county's plan
        ("根据《开阳县2025年政务公开工作要点》文件精神，我局制定了工作方案。", False),  # its own county's
        ("按照《贵阳市2025年政务公开工作要点》要求，我局制定了工作方案。", False),  # its parent city's
        ("按照《遵义市2025年政务公开工作要点》要求，我局制定了工作方案。", True),  # another city's
        ("根据《中华人民共和国政府信息公开条例》，我局制定了工作方案。", False),  # no place
    ],
)
def test_basis_document_of_another_place(rules: RuleSet, sentence: str, raised: bool) -> None:
    text = f"开阳县卫生健康局2025年工作汇报\n{sentence}"
    flags = of(run(rules, text, ReportFields(agency="开阳县卫生健康局")), "report.foreign_reference")
    assert bool(flags) is raised

# --------------------------------------------------------------------------- report.totals_mismatch


@pytest.mark.parametrize("prefix", ["01", "02", "03", "04", "05"])
def test_seed_numbers_add_up(rules: RuleSet, prefix: str) -> None:
    assert of(run(rules, seed(prefix)), "report.totals_mismatch") == []


@pytest.mark.parametrize(
    ("old", "new"),
    [
        ("廉租住房项目2个", "廉租住房项目3个"),  # 12 aspects listed: their projects must make 87
        ("产业化等17个方面", "产业化、民政等16个方面"),  # 18 listed, 16 claimed
    ],
)
def test_seed_04_with_a_broken_total_is_flagged(rules: RuleSet, old: str, new: str) -> None:
    text = seed("04")
    assert old in text
    (flag,) = of(run(rules, text.replace(old, new)), "report.totals_mismatch")
    assert new in flag.evidence.text


@pytest.mark.parametrize(
    ("text", "raised"),
    [
        ("道路建设50万元、水利30万元，合计90万元。", True),
        ("道路建设50万元、水利40万元，合计90万元。", False),
        (
            "总投资14469.52万元，其中：中央预算内投资8653.15万元，省配套236.59万元。",
            False,
        ),  # partial breakdown
        ("今年着力抓好五项工作，一是甲；二是乙；三是丙；四是丁。", True),
        ("今年着力抓好四项工作，一是甲；二是乙；三是丙；四是丁。", False),
        ("共有3项：甲；乙；丙；丁。", True),
        ("涉及沼气、防疫、饮水等17个方面。", False),  # "等": the list may be shortened
        ("项目\t金额\n道路\t50\n水利\t30\n合计\t90", True),
        ("项目\t金额\n道路\t50\n水利\t40\n合计\t90", False),
        ("共计发放宣传资料5000份。", False),
        # 其中 parts whose names make up the total's name are the whole: they must add up
        ("共受理群众来信来访40件，其中来信25件、来访12件，均已办结。", True),
        ("共受理群众来信和来访40件，其中来信25件、来访15件，均已办结。", False),
        ("主动公开信息52条，其中在公开栏张贴30条、在网站发布20条。", False),  # may be partial
        ("办理行政许可事项120件，其中即办件80件、承诺件30件。", False),  # names do not make the whole
        # a closing catch-all part (其他类) makes the breakdown the whole
        ("受理投诉举报300件，其中食品类120件、药品类60件、其他类100件。", True),
        ("受理投诉举报300件，其中食品类120件、药品类60件、其他类120件。", False),
        ("受理投诉举报300件，其中食品类120件、药品类60件。", False),  # no catch-all: may be partial
        # parts beyond the total never add up; a breakdown into four or more classes is the whole
        ("共办理投诉50件，其中欠薪42件、社保18件。", True),
        ("主动公开信息352条，其中就业类128条、社保类116条、劳动关系类57条、人才类41条。", True),
        ("主动公开信息342条，其中就业类128条、社保类116条、劳动关系类57条、人才类41条。", False),
        ("主动公开信息352条，其中就业类128条、社保类116条、人才类41条。", False),  # three: may be partial
        # the annual report's application table: 本年新收 is what came in, not a part of the results' 总计
        ("项目\t自然人\t法人\t总计\n本年新收申请数量\t6\t1\t7\n予以公开\t3\t1\t4\n"
         "部分公开\t1\t0\t1\n本机关不掌握相关政府信息\t2\t0\t2\n总计\t6\t1\t7", False),
        ("项目\t自然人\t法人\t总计\n本年新收申请数量\t6\t1\t7\n予以公开\t3\t1\t4\n"
         "部分公开\t1\t0\t1\n总计\t6\t1\t7", True),
        # whole counts add up exactly (12417 is not 12471, however close); money keeps its rounding
        ("窗口\t受理件数\n企业开办\t1268\n社保医保\t4715\n不动产登记\t6434\n合计\t12471", True),
        ("窗口\t受理件数\n企业开办\t1268\n社保医保\t4715\n不动产登记\t6488\n合计\t12471", False),
        ("项目\t金额（万元）\n道路\t1268\n水利\t4715\n桥梁\t6434\n合计\t12471", False),
        # a row's parts make its own total under a 合计 column
        ("信息类别\t7月\t8月\t9月\t合计\n行政许可\t9\t12\t10\t33\n行政处罚\t5\t4\t6\t15", True),
        ("信息类别\t7月\t8月\t9月\t合计\n行政许可\t9\t12\t10\t31\n行政处罚\t5\t4\t6\t15", False),
        # the review table's one row of figures has no label and is no labelled row
        ("维持\t纠正\t其他\t尚未审结\t总计\n1\t0\t0\t0\t1", False),
        # a PDF whose table is set as plain text: the cells stand apart by single spaces
        ("类别 受理（件） 结案（件）\n茶叶加工 6 5\n建筑施工 8 6\n合计 15 11", True),
        ("类别 受理（件） 结案（件）\n茶叶加工 6 5\n建筑施工 8 6\n合计 14 11", False),
        ("栏目 发布条数（条）\n政策文件 14\n劳动关系（含重大劳动保障违法行为社会公布1起） 22\n合计 38", True),
        ("栏目 发布条数（条）\n政策文件 14\n劳动关系（含重大劳动保障违法行为社会公布1起） 24\n合计 38", False),
        # a 合计 row whose blank cells were left off (合计\t163 under three columns) is still the total
        ("类别\t条数\t方式\n财务收支\t36\t公开栏\n项目建设\t15\t网站\n其他\t21\t微信\n合计\t82", True),
        ("类别\t条数\t方式\n财务收支\t36\t公开栏\n项目建设\t15\t网站\n其他\t21\t微信\n合计\t72", False),
        # the statutory table with its label cells as the template lays them out (三、本年度办理结果 beside the first
        # result; a blank cell after 一、本年新收): the figures are read from the right
        ("（勾稽关系）\t\t自然人\t商业企业\t总计\n一、本年新收政府信息公开申请数量\t\t4\t1\t5\n"
         "二、上年结转政府信息公开申请数量\t\t1\t0\t1\n三、本年度办理结果\t（一）予以公开\t2\t1\t3\n"
         "（二）部分公开\t1\t0\t1\n（四）无法提供：1.本机关不掌握相关政府信息\t1\t0\t1\n（七）总计\t5\t1\t6\n"
         "四、结转下年度继续办理\t\t0\t0\t0", True),
        ("（勾稽关系）\t\t自然人\t商业企业\t总计\n一、本年新收政府信息公开申请数量\t\t4\t1\t5\n"
         "二、上年结转政府信息公开申请数量\t\t1\t0\t1\n三、本年度办理结果\t（一）予以公开\t3\t1\t4\n"
         "（二）部分公开\t1\t0\t1\n（四）无法提供：1.本机关不掌握相关政府信息\t1\t0\t1\n（七）总计\t5\t1\t6\n"
         "四、结转下年度继续办理\t\t0\t0\t0", False),
    ],
)
def test_totals(rules: RuleSet, text: str, raised: bool) -> None:
    assert bool(of(run(rules, text), "report.totals_mismatch")) is raised


# --------------------------------------------------------------------------- report.commitment_incomplete


def commitment(cadence=None, schedule=None, responsible=None) -> Commitment:
    return Commitment(
        text="每季度对村务公开进行检查。",
        action="检查",
        cadence=cadence,
        schedule=schedule,
        responsible=responsible,
        evidence=Span(start=3, end=15),
    )


@pytest.mark.parametrize(
    ("c", "missing"),
    [
        (commitment("quarterly", responsible="纪委书记"), None),
        (commitment("quarterly"), "责任人"),
        (commitment(responsible="纪委书记"), "时限"),
        (commitment("once", responsible="民生中心"), "时限"),
        (commitment("once", "2011年6月底前", responsible="民生中心"), None),
        (commitment("ad_hoc", responsible="民生中心"), None),
    ],
)
def test_commitment_incomplete(rules: RuleSet, c: Commitment, missing: str | None) -> None:
    flags = of(run(rules, "正文", commitments=[c]), "report.commitment_incomplete")
    if missing is None:
        assert flags == []
    else:
        (flag,) = flags
        assert missing in flag.message
        assert (flag.evidence.start, flag.evidence.text) == (3, c.text)
        assert flag.severity == rules["report.commitment_incomplete"].severity


def test_disabled_rule_is_silent(rules: RuleSet) -> None:
    fewer = RuleSet({k: v for k, v in rules.items() if k != "report.foreign_reference"})
    assert of(run(fewer, seed("04"), ReportFields(agency=NDRC)), "report.foreign_reference") == []


def test_every_report_rule_of_the_contract_is_defined(rules: RuleSet) -> None:
    contract = {
        "report.date_before_period",
        "report.duplicate",
        "report.copied_text",
        "report.foreign_reference",
        "report.totals_mismatch",
        "report.commitment_incomplete",
        "report.disclosure_overdue",
    }
    assert contract <= set(rules)
    assert all(rules[r].label and rules[r].params for r in contract)


_APPLICATION_TABLE = (
    "三、收到和处理政府信息公开申请情况\n"
    "（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）\t自然人\t法人或其他组织\t总计\n"
    "一、本年新收政府信息公开申请数量\t14\t2\t16\n"
    "二、上年结转政府信息公开申请数量\t1\t0\t1\n"
    "三、本年度办理结果（一）予以公开\t8\t1\t9\n"
    "（二）部分公开\t3\t0\t3\n"
    "（三）不予公开\t2\t0\t2\n"
    "（四）无法提供\t1\t1\t2\n"
    "（五）不予处理\t0\t0\t0\n"
    "（六）其他处理\t1\t0\t1\n"
    "（七）总计\t15\t2\t17\n"
    "四、结转下年度继续办理\t0\t0\t0\n"
)


@pytest.mark.parametrize(
    ("table", "raised"),
    [
        (_APPLICATION_TABLE, False),
        # a result row changed: the results no longer add up to （七）总计
        (_APPLICATION_TABLE.replace("（二）部分公开\t3\t0\t3", "（二）部分公开\t2\t0\t2"), True),
        # results add up, but new + carried over != total + carried forward
        (_APPLICATION_TABLE.replace("数量\t1\t0\t1\n三、", "数量\t3\t0\t3\n三、"), True),
    ],
)
def test_the_annual_reports_application_table_checks_itself(rules: RuleSet, table: str, raised: bool) -> None:
    agency = "某县人力资源和社会保障局"
    text = f"{agency}2025年政府信息公开工作年度报告\n{table}{agency}\n2026年1月20日\n"
    assert bool(of(run(rules, text), "report.totals_mismatch")) is raised


@pytest.mark.parametrize(
    ("agency", "sentence", "raised"),
    [
        ("洪阳镇人民政府", "我县32个村（社区）公开栏全部按时更新。", True),
        ("洪阳镇人民政府", "我镇32个村（社区）公开栏全部按时更新，在全县考核中位列第一。", False),
        ("普宁县人力资源和社会保障局", "我县32家企业公开栏全部按时更新。", False),
        ("阳朔县住房和城乡建设局", "我局严格执行《平乐县住房和城乡建设局政府信息公开审核发布制度》。", True),
        ("阳朔县住房和城乡建设局", "我局严格执行《阳朔县住房和城乡建设局政府信息公开审核发布制度》。", False),
        # another town's villages counted as the body's own (a passage copied from a neighbouring town)
        ("江华县白芒营镇人民政府", "全年在涛圩镇18个行政村召开村民代表会议96次，公开事项全部上墙。", True),
        ("江华县白芒营镇人民政府", "全年在白芒营镇18个行政村召开村民代表会议96次，公开事项全部上墙。", False),
        ("江华县白芒营镇人民政府", "全年在全镇18个行政村召开村民代表会议96次，学习借鉴涛圩镇经验。", False),
    ],
)
def test_speaking_as_another_level_or_applying_another_countys_system(
    rules: RuleSet, agency: str, sentence: str, raised: bool
) -> None:
    text = f"{agency}2025年政务公开工作总结\n一、工作开展情况\n{sentence}\n{agency}\n2026年1月10日\n"
    flags = run(rules, text, ReportFields(agency=agency))
    assert bool(of(flags, "report.foreign_reference")) is raised


_QUARTERLY = (
    "某县人力资源和社会保障局\n2025年第三季度政务公开工作情况报告\n"
    "根据《某县2025年政务公开工作要点》和县政务公开办关于按季度报送工作情况的通知要求，现将我局2025年第三季度政务公开工作情况报告如下。\n"
    "一、主动公开情况。三季度我局通过县政府门户网站人社局专栏主动公开政府信息126条，其中就业创业类41条、"
    "社会保险类38条、劳动关系类27条、人事人才类20条；通过“某县人社”微信公众号发布信息63条。\n"
    "二、政策解读情况。围绕稳就业、社保待遇调整等群众关注事项，发布图文解读6篇、视频解读2期，"
    "在政务服务大厅设置政策咨询台，接待群众咨询312人次。\n"
    "三、依申请公开情况。三季度共受理政府信息公开申请3件，均在法定期限内答复，未发生行政复议和行政诉讼。\n"
    "四、下一步工作。我局将进一步加强社会保险待遇、工伤认定等重点领域信息公开，不断提升公开质量。\n"
    "某县人力资源和社会保障局\n2025年10月9日\n"
)


@pytest.mark.parametrize(
    ("sender", "cover"),
    [
        ("某县人力资源和社会保障局",
         "关于重新报送2025年第三季度政务公开工作情况报告的说明\n县政务公开办：\n"
         "我局于2025年10月9日报送的《2025年第三季度政务公开工作情况报告》中，主动公开信息条数和咨询人次统计有误，"
         "现更正后重新报送，请以本次报送为准，原报告作废。\n特此说明。\n"),
        # the bureau's own office sends it under its letter, and speaks as the bureau (我局)
        ("某县人力资源和社会保障局办公室",
         "关于更正并重新报送2025年第三季度政务公开工作情况报告的函\n县政务公开办：\n"
         "我局10月9日报送的报告中主动公开信息条数录入有误，现更正为128条，其余内容不变，请以本修订稿为准。\n"
         "某县人力资源和社会保障局办公室\n2025年10月15日\n"),
    ],
)
def test_a_resubmission_under_a_cover_note_is_a_duplicate(rules: RuleSet, sender: str, cover: str) -> None:
    body = _QUARTERLY.replace("126条", "128条").replace("312人次", "321人次").replace("10月9日", "10月15日")
    prior = [PriorDocument(document_id="q3-first", agency="某县人力资源和社会保障局", text=_QUARTERLY)]
    flags = run(rules, normalize_text(f"{sender}\n{cover}{body}"), ReportFields(agency=sender), prior=prior)
    assert [f.evidence.text for f in of(flags, "report.duplicate")] == ["q3-first"]
    assert of(flags, "report.copied_text") == [] and of(flags, "report.foreign_reference") == []


def test_a_short_report_standing_inside_a_long_one_is_no_duplicate(rules: RuleSet) -> None:
    long_text = _QUARTERLY + seed("04")  # the quarter's report quoted whole inside a year's much longer one
    prior = [PriorDocument(document_id="q3", agency="某县人力资源和社会保障局", text=_QUARTERLY)]
    fields = ReportFields(agency="某县人力资源和社会保障局")
    assert of(run(rules, normalize_text(long_text), fields, prior=prior), "report.duplicate") == []


def copied_from_market_regulation(rules: RuleSet, own: str, other: str) -> list[Flag]:
    """report.copied_text of 某县人力资源和社会保障局's `own` against 某县市场监督管理局's earlier `other`."""
    prior = [PriorDocument(document_id="amr", agency="某县市场监督管理局", text=other)]
    fields = ReportFields(agency="某县人力资源和社会保障局")
    return of(run(rules, normalize_text(own), fields, prior=prior), "report.copied_text")


def test_the_opening_formula_two_bodies_share_is_no_copied_passage(rules: RuleSet) -> None:
    other = _QUARTERLY.replace("某县人力资源和社会保障局", "某县市场监督管理局")
    own = (
        "某县人力资源和社会保障局\n2025年第三季度政务公开工作情况报告\n"
        "根据《某县2025年政务公开工作要点》和县政务公开办关于按季度报送工作情况的通知要求，现将我局2025年第三季度政务公开工作情况报告如下。\n"
        "一、主动公开情况。三季度我局在县政府网站人社专栏公开就业岗位信息、社保待遇调整通知等共计95条，"
        "并在各乡镇人社服务站公开栏同步张贴，方便群众就近查阅。\n"
    )
    assert copied_from_market_regulation(rules, own, other) == []


# --------------------------------------------------------------------------- foreign_reference across documents

_MAOJIANSHAN = (
    "岳西县毛尖山乡人民政府2025年政务公开工作总结\n"
    "一、主要做法\n"
    "（一）平台建设方面。依托岳西县人民政府网站毛尖山乡专栏和乡村两级政务公开栏，及时发布惠农补贴、低保救助、"
    "项目建设等信息，全年在专栏发布信息186条，更新公开栏48期，群众满意度明显提升。\n"
    "（二）保密审查方面。我乡严格落实信息发布保密审查制度，坚持先审查、后公开，全年未发生泄密事件。\n"
)


def _copy_of(paragraph: str, own: str, me: str = "我镇") -> str:
    return (f"{own}2025年政务公开工作总结\n一、主要做法\n{me}高度重视政务公开工作，成立了领导小组。\n{paragraph}\n"
            "二、下一步打算\n继续做好公开工作。\n")


def test_a_passage_copied_from_another_town_that_names_that_town_is_a_foreign_reference(rules: RuleSet) -> None:
    """Documents of one pass see each other's places as well as their text: the passage another town wrote of
    its own website column, taken over word for word, still names that town, so it is spoken as this one's."""
    paragraph = _MAOJIANSHAN.split("\n")[2]
    host = _copy_of(paragraph, "岳西县白帽镇人民政府")
    prior = [PriorDocument(document_id="mjs", agency="岳西县毛尖山乡人民政府", text=_MAOJIANSHAN)]
    flags = run(rules, host, ReportFields(agency="岳西县白帽镇人民政府"), prior=prior)
    assert len(of(flags, "report.copied_text")) == 1
    (foreign,) = of(flags, "report.foreign_reference")
    assert "毛尖山乡" in foreign.message and "岳西县毛尖山乡人民政府" in foreign.message
    assert host[foreign.evidence.start : foreign.evidence.end] == foreign.evidence.text == paragraph

    # the body's agency not read: the copied town is foreign all the same, named nowhere else in the report
    flags = run(rules, host, ReportFields(), prior=prior)
    assert len(of(flags, "report.foreign_reference")) == 1


def test_a_copied_passage_naming_only_the_shared_county_or_a_place_the_report_names_itself_is_no_foreign_reference(
    rules: RuleSet,
) -> None:
    paragraph = _MAOJIANSHAN.split("\n")[2].replace("毛尖山乡专栏", "专栏")  # only 岳西县, both bodies' county
    host = _copy_of(paragraph, "岳西县白帽镇人民政府")
    prior = [PriorDocument(document_id="mjs", agency="岳西县毛尖山乡人民政府", text=_MAOJIANSHAN)]
    flags = run(rules, host, ReportFields(agency="岳西县白帽镇人民政府"), prior=prior)
    assert len(of(flags, "report.copied_text")) == 1 and of(flags, "report.foreign_reference") == []

    # the report names the other town in its own words as well: a reference it makes knowingly, not a slip
    paragraph = _MAOJIANSHAN.split("\n")[2]
    host = _copy_of(paragraph, "岳西县白帽镇人民政府") + "学习借鉴毛尖山乡的专栏做法。\n"
    flags = run(rules, host, ReportFields(agency="岳西县白帽镇人民政府"), prior=prior)
    assert of(flags, "report.foreign_reference") == []


def test_a_copied_passage_naming_the_other_bureau_is_a_foreign_reference(rules: RuleSet) -> None:
    """Two bureaus of one county: the passage names the bureau it was written by (县医疗保障局)."""
    source = (
        "太湖县医疗保障局2025年第二季度政务公开工作情况报告\n"
        "（二）强化平台建设。依托“太湖医保”微信公众号和县政府门户网站，及时发布医保政策、定点医药机构名单和基金"
        "监管曝光信息，本季度县医疗保障局共接待群众来访咨询236人次，办理网上咨询41件，均按时答复。\n"
    )
    paragraph = source.split("\n")[1]
    host = _copy_of(paragraph, "太湖县住房和城乡建设局", "我局")
    prior = [PriorDocument(document_id="yb", agency="太湖县医疗保障局", text=source)]
    flags = run(rules, host, ReportFields(agency="太湖县住房和城乡建设局"), prior=prior)
    (foreign,) = of(flags, "report.foreign_reference")
    assert "医疗保障局" in foreign.message


@pytest.mark.parametrize(
    ("sentence", "raised"),
    [
        # five kinds that come to 135 of 138: a breakdown meant to be whole, one figure mistyped
        ("第一季度，我局通过县政府网站专栏主动公开信息138条，其中政策文件及解读18条、建设工程招标投标信息45条、"
         "行政许可信息52条、行政处罚信息11条、保障性住房分配信息9条。", True),
        # three kinds of case with long names, 55 of 58
        ("全年立案查处劳动保障违法案件58件，其中拖欠工资案件41件、未依法签订劳动合同案件9件、"
         "违反工作时间和休息休假规定案件5件。", True),
        # the same when they add up
        ("全年立案查处劳动保障违法案件55件，其中拖欠工资案件41件、未依法签订劳动合同案件9件、"
         "违反工作时间和休息休假规定案件5件。", False),
        # three kinds that come to 189 of 286: among them (其中), not all of them
        ("全年主动公开政府信息286条，其中政策文件及解读27条、人事考试录用信息64条、就业创业信息98条。", False),
        # two parts near the total: may be partial, as before
        ("全年受理咨询90件，其中政策咨询50件、办事咨询38件。", False),
    ],
)
def test_a_breakdown_that_nearly_reaches_its_total_is_checked(rules: RuleSet, sentence: str, raised: bool) -> None:
    agency = "某县住房和城乡建设局"
    text = f"{agency}2026年第一季度政务公开工作情况报告\n一、主要工作\n{sentence}\n{agency}\n2026年4月7日\n"
    assert bool(of(run(rules, text), "report.totals_mismatch")) is raised


# --------------------------------------------------------------------------- sixteenth round (issue 12)


def test_a_body_and_its_own_office_are_one_body_a_subordinate_or_a_governments_office_is_not() -> None:
    from rules.report_text import same_body

    assert same_body("某县农业农村局办公室", "某县农业农村局")
    assert same_body("某县农业农村局", "某县农业农村局政策法规股")
    assert not same_body("某县农业农村局", "某县农业综合行政执法大队")
    assert not same_body("某县农业农村局", "某县农业农村局综合行政执法大队")
    assert not same_body("某县人民政府", "某县人民政府办公室")  # 县政府办 writes reports of its own


_FORM_HEADER = (
    "（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和） 申请人情况：自然人 商业企业 科研机构 "
    "社会公益组织 法律服务机构 其他 总计 本年新收政府信息公开申请数量 上年结转政府信息公开申请数量\n"
)


def test_the_statutory_tables_fixed_wording_run_together_is_no_copied_passage(rules: RuleSet) -> None:
    """A PDF's table read as text runs the header cells of the statutory form into one paragraph, which every
    body's annual report shares; a passage of the body's own words in it is still compared."""
    other = "某县市场监督管理局2024年政府信息公开工作年度报告\n" + _FORM_HEADER
    own = "某县人力资源和社会保障局2024年政府信息公开工作年度报告\n" + _FORM_HEADER
    assert copied_from_market_regulation(rules, own, other) == []

    copied = (
        "下一步，我局将持续深化阳光执法，进一步提升政务公开的质量和实效，对行政处罚决定自作出之日起7个工作日内在县政府"
        "网站公开，对行政许可决定同步在政务服务大厅公示栏公示。\n"
    )
    assert len(copied_from_market_regulation(rules, own + copied, other + copied)) == 1


_AGRI = (
    "曲阳县农业农村局\n2026年第一季度政务公开工作情况报告\n"
    "（一）强化组织保障。局党组成员、副局长分管政务公开工作，局办公室负责日常工作，各股室、局属事业单位和"
    "农业综合行政执法大队均明确专人担任信息员。我局坚持把政务公开作为转变作风、服务“三农”的重要抓手，严格落实"
    "信息发布“三审”制度，所有信息均经股室负责人初审、办公室复审、分管领导终审后方可发布，未发生错发、漏发信息问题。\n"
)


def test_sentences_copied_into_a_paragraph_of_the_bodys_own_words_are_found_and_name_the_source_line(
    rules: RuleSet,
) -> None:
    """Half a paragraph taken over: the paragraph as a whole is below the containment, its copied sentences are
    not; they name a unit of the other bureau's line of work (农业综合行政执法大队), which a water bureau has not."""
    copied = _AGRI.split("\n")[2].split("。", 1)[1]
    host = (
        "曲阳县水利局\n关于2026年1—4月政务公开工作情况的汇报材料\n"
        "我局共有内设股室6个、局属事业单位4个，今年以来围绕河湖长制、农村饮水安全和防汛抗旱三项重点工作，"
        "把政务公开贯穿水利工程建设管理全过程，主动回应群众关切。" + copied + "\n"
    )
    prior = [PriorDocument(document_id="agri", agency="曲阳县农业农村局", text=_AGRI)]
    flags = run(rules, normalize_text(host), ReportFields(agency="曲阳县水利局"), prior=prior)
    (copy,) = of(flags, "report.copied_text")
    assert copy.evidence.text.startswith("局党组成员")
    (foreign,) = of(flags, "report.foreign_reference")
    assert "农业综合行政执法大队" in foreign.message


@pytest.mark.parametrize(
    ("sentence", "raised"),
    [
        # another town's own organs as the subject of the body's work
        ("（三）便民服务公开。玉岩镇党委、政府以镇便民服务中心为主阵地，在玉岩镇便民服务中心大厅设置政务公开专区。",
         True),
        # the body's own 镇, words before it
        ("重大决策、重要项目安排和大额资金使用，均经镇党委会集体讨论决定后予以公开。", False),
        ("明确由镇党委委员、副镇长分管政务公开工作，党政办公室具体承办。", False),
        ("一是镇政府网站信息更新不及时，部分栏目存在空白栏目。", False),
        # the body itself, by its name (古市镇: a town's name may hold 市)
        ("古市镇党委、政府以镇便民服务中心为主阵地，设置政务公开专区。", False),
    ],
)
def test_a_town_report_naming_another_towns_organs_as_its_own(rules: RuleSet, sentence: str, raised: bool) -> None:
    text = f"松阳县古市镇人民政府\n2026年上半年政务公开工作总结\n{sentence}\n"
    flags = of(run(rules, text, ReportFields(agency="松阳县古市镇人民政府")), "report.foreign_reference")
    assert bool(flags) == raised
    if raised:
        assert "玉岩镇" in flags[0].message and "古市镇" in flags[0].message
