"""What the nineteenth round's documents showed (issue 12): report PDFs whose text holds radicals for characters
(进⼀步, ⼯作), a shortcoming the commitment model took for a promise, a place of work told with where it stands,
and arrears that go on in words no rule lists. Texts invented for the test."""

from __future__ import annotations

from extractors.normalize import normalize_text
from extractors.report import extract_report
from schemas.models import ParsedDocument


def _doc(text: str) -> ParsedDocument:
    return ParsedDocument(text=normalize_text(text), format="txt", pages=1)


def _letter(text: str):  # type: ignore[no-untyped-def]
    from extractors.complaint import extract_complaint

    return extract_complaint(_doc(text), models=True)


def _annual_report(problems: str) -> list[str]:
    report = extract_report(
        _doc(
            "城南街道办事处2025年政府信息公开工作年度报告\n"
            "一、总体情况\n2025年，城南街道认真贯彻落实《中华人民共和国政府信息公开条例》，全年主动公开信息216条。\n"
            f"五、存在的主要问题及改进情况\n{problems}\n"
            "城南街道办事处\n2026年1月20日\n"
        ),
        models=True,
    )
    return [c.text for c in report.commitments]


def test_radicals_a_pdf_gave_for_characters_are_read_as_the_characters() -> None:
    found = _annual_report(
        "2025年我街道政务公开⼯作取得了⼀定成效，但仍存在⼀些不⾜。\n"
        "2026年，我街道将进⼀步加⼤主动公开⼒度，每季度更新⼀次村居公开栏。"
    )
    assert any("我街道将进一步加大主动公开力度" in c for c in found), found


def test_a_shortcoming_is_no_promise_but_what_answers_one_is() -> None:
    found = _annual_report(
        "我街道信息公开工作仍然存在一些不足，主要表现在：\n"
        "一是信息公开的全面性有待进一步提升，目前公开的信息主要集中在街道本级，对社区开展的各项服务宣传较少。\n"
        "二是从事信息公开工作的人员均为兼职，力量薄弱。\n"
        "针对上述问题，我街道将采取以下措施：\n"
        "（一）配强工作力量。针对信息公开工作人员力量相对薄弱的现状，进一步明确各科室信息员及其职责。\n"
    )
    assert not any("有待进一步" in c for c in found), found
    assert any("进一步明确各科室信息员" in c for c in found), found


def test_a_place_of_work_told_with_where_it_stands_is_a_candidate() -> None:
    from extractors.learned.slots import candidates

    text = (
        "我从去年三月起在石门镇黄土村的宏发砂石厂开铲车，一个月六千。"
        "后来老板把我调到新工地，工地在县城东环路与建设路交叉口，干到今年一月。"
    )
    found = {c.text for c in candidates(text, "work")}
    assert "石门镇黄土村的宏发砂石厂" in found
    assert "县城东环路与建设路交叉口" in found
    assert not any(c.startswith("的") for c in found)


def test_the_slot_ranker_sees_whose_a_trade_is() -> None:
    from extractors.learned.slots import Candidate, _Doc, features

    text = "我是县医院的护士。我父亲在城西工地当泥工，老板欠他三个月工资。组长是木工出身。"
    doc = _Doc.of(text)

    def whose(trade: str) -> set[str]:
        at = text.index(trade)
        return {k for k in features(doc, Candidate(at, at + len(trade), trade), None, {}) if k.startswith("cl_")}

    assert whose("护士") == {"cl_self"}
    assert whose("泥工") == {"cl_kin"}
    assert whose("木工") == {"cl_third"}


def test_a_notice_on_wage_arrears_copied_without_its_title_is_a_notice() -> None:
    from extractors.classify import classify

    text = normalize_text(
        "发布日期：2025-12-03 来源：某县人力资源和社会保障局\n"
        "为切实做好岁末年初农民工工资支付工作，坚决遏制拖欠农民工工资问题，经研究，决定在全县开展欠薪线索"
        "集中排查，现将有关事项通知如下：\n"
        "一、排查范围。各乡镇人民政府、县直有关部门要对辖区内在建工程项目拖欠工资情况逐一排查。\n"
        "二、报送要求。请于12月20日前将排查情况报县根治欠薪办，欠薪线索实行周报制度。\n"
    )
    assert classify(text).doc_type.value == "notice"
    assert classify(text, models=True).doc_type.value == "notice"


def test_a_name_a_web_page_masked_with_asterisks_is_read_whole() -> None:
    text = (
        "来电人:王先生  来电时间:2026-03-02\n"
        "来电内容:我在营口市老边区柳树镇的营口市鑫**耐火材料有限公司干装窑工,干了一年多了.公司从去年11月起"
        "就没发过工资,一共欠我2万1千元,找厂里要了好几次都说没钱.我想让劳动部门督促公司把工资发给我.\n"
    )
    fields = _letter(text)
    assert fields.complainant.employer == "营口市鑫**耐火材料有限公司"
    assert fields.respondent.name == "营口市鑫**耐火材料有限公司"


def test_a_hotline_record_that_gives_the_caller_as_mr_only() -> None:
    text = (
        "来电人:某先生\n来电内容:来电人称在某镇工业园一家铸造厂干浇注工,厂里从今年1月起没发工资,"
        "一共欠他九千六百元,希望有关部门督促厂里把工资发了。\n"
    )
    fields = _letter(text)
    assert fields.complainant.gender == "男"
    # the respondent's contact (被投诉人：李女士) says nothing of the caller
    assert _letter("被投诉人：李女士\n" + text.split("\n", 1)[1]).complainant.gender is None


def test_the_route_someone_says_a_claim_must_take_is_no_proceeding() -> None:
    from extractors.complaint.proceedings import classify

    assert classify("辞退赔偿金那块要走劳动仲裁") is None  # a forum reply's advice
    assert classify("加班费得走仲裁") is None
    assert classify("我还没去仲裁") == "none"
    assert classify("去年10月我申请了劳动仲裁") == "arbitration"


def test_a_project_department_called_short_is_recorded_by_its_full_name() -> None:
    from extractors.complaint import _full_registered
    from extractors.complaint.evidence import Recorder

    text = normalize_text(
        "我们是宏盛建设集团有限公司滨河新城三期项目部的木工班组，一共十一个人。工程去年10月完工，"
        "新城三期项目部的负责人一直躲着不见，欠我们工资三十二万元。"
    )
    rec = Recorder(ParsedDocument(text=text, format="txt", pages=1))
    rec.view = text
    short = text.index("新城三期项目部的负责人")
    for path in ("complainant.employer", "respondent.name"):
        rec.set(path, "新城三期项目部", short, short + 7, 0.6)
    _full_registered(rec)
    assert rec.get("complainant.employer") == "宏盛建设集团有限公司滨河新城三期项目部"
    assert rec.get("respondent.name") == "宏盛建设集团有限公司滨河新城三期项目部"


def test_a_writer_who_has_not_complained_anywhere_before_has_no_prior_proceedings() -> None:
    from extractors.complaint.proceedings import classify

    assert classify("我们家还没去劳动部门投诉过") == "none"
    assert classify("从来没去镇政府反映过") == "none"
    assert classify("我去劳动部门投诉过") is None  # a complaint to an office is no proceeding


def test_a_representative_labelled_as_the_contact_is_the_first_representative() -> None:
    text = (
        "尊敬的书记：我们是在某县光伏电站项目干活的三十名安装工人，某电力安装工程有限公司欠我们工资48万元。\n"
        "联系人(工人代表):马文明,男,46岁,某县马营镇人,电话13893264418\n"
        "工人代表:李建国、张有福\n"
    )
    fields = _letter(text)
    assert fields.representatives == ["马文明", "李建国", "张有福"]
    assert fields.complainant.name == "马文明"


def test_whom_a_promised_action_is_for_is_no_shortcoming() -> None:
    found = _annual_report(
        "我街道信息公开工作仍然存在一些不足。\n"
        "下一步工作打算：\n"
        "同时，进一步加强社区公开情况的监督检查，对公开不及时的社区予以通报。\n"
    )
    assert any("对公开不及时的社区予以通报" in c for c in found), found
