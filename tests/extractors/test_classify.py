"""Classification of the seeds and of letters."""

from __future__ import annotations

import pytest

from extractors.classify import classify
from extractors.normalize import normalize_text
from extractors.readers import read_document
from schemas.models import DocType
from tests.conftest import FIXTURES

SEED_TYPES = {
    "01_efficiency_supervision_and_disclosure_essay": DocType.other,
    "02_labor_inspection_disclosure_notice": DocType.notice,
    "03_town_disclosure_efficiency_report_2011": DocType.work_report,
    "04_yuqing_ndrc_2010_summary": DocType.work_report,
    "05_yuqing_ndrc_2010_summary_duplicate": DocType.work_report,
}


@pytest.mark.parametrize("fmt", ["docx", "pdf"])
@pytest.mark.parametrize(("stem", "expected"), SEED_TYPES.items(), ids=lambda x: str(x)[:2])
def test_seeds_are_classified(stem: str, expected: DocType, fmt: str) -> None:
    doc = read_document((FIXTURES / "seeds" / f"{stem}.{fmt}").read_bytes())
    result = classify(doc.text)
    assert result.doc_type == expected, result.cues
    assert 0.0 <= result.confidence <= 1.0


def test_complaint_letters_are_complaints() -> None:
    letters = sorted((FIXTURES / "complaints").glob("*.docx"))
    if not letters:
        pytest.skip("complaint fixtures not built yet")
    wrong = {
        p.name: classify(read_document(p.read_bytes()).text).doc_type
        for p in letters
        if classify(read_document(p.read_bytes()).text).doc_type != DocType.complaint
    }
    assert not wrong


@pytest.mark.parametrize(
    "text",
    [
        "尊敬的领导：\n我们是某某建筑工地的农民工，老板拖欠我们工资三个月，恳请领导帮我们讨回血汗钱。\n此致\n敬礼",
        "投诉书\n投诉人：王某\n被投诉单位：某某公司\n请求事项：支付拖欠工资",
    ],
)
def test_short_letters(text: str) -> None:
    assert classify(text).doc_type == DocType.complaint


@pytest.mark.parametrize(
    "text",
    [
        "申诉书\n申诉人：黄某某，女，33岁\n被申诉人：某某超市有限公司\n请求事项：支付拖欠工资",
        "关于某某厂的情况反映\n反映人：龙某某，男\n被反映单位：某某竹木制品厂\n要求：支付工资",
        "潘老六\n手机 15077281234\n包工头拖欠工钱不还",
        "覃阿二\n电话 13800002222\n老板欠钱不给",
    ],
    ids=["shensu", "fanying", "bare_note_contractor", "bare_note_boss"],
)
def test_complaint_vocabulary_variants(text: str) -> None:
    assert classify(text).doc_type == DocType.complaint, classify(text).cues


def test_labour_bureau_report_on_wage_arrears_is_a_report() -> None:
    text = (
        "县人社局2025年工作总结\n今年以来，我局开展根治欠薪专项行动，督促包工头和企业支付拖欠农民工工资1200万元，"
        "查处老板拖欠工资案件32件。监督举报电话：0772-5121234。\n下一步，我局将继续加强劳动保障监察。"
    )
    assert classify(text).doc_type == DocType.work_report


def test_a_monthly_bulletin_that_never_says_we_is_a_report() -> None:
    text = "某某乡2025年9月政务公开工作月报\n本月共公开信息12条，其中财务事项3条。\n下月将继续每月5日前更新公开栏。"
    assert classify(text).doc_type == DocType.work_report


def test_news_is_told_by_its_dateline_and_a_reporters_words() -> None:
    text = (
        "东北网12月9日讯 来哈打工的农民工老李和儿子干了3个月的装修活，本应拿到3.8万元，却只拿到9000元。\n"
        "老李告诉记者，包工头一直拖欠工资，一拖就是两个月。记者了解到，该工地已停工。\n"
    )
    assert classify(normalize_text(text)).doc_type == DocType.other
    assert classify(normalize_text(text), models=True).doc_type == DocType.other


def test_a_paragraph_that_cites_a_notice_is_no_title() -> None:
    text = (
        "根据《中华人民共和国政府信息公开条例》和《国务院办公厅政府信息与政务公开办公室关于政府信息公开工作年度报告"
        "有关事项的通知》要求，特公布本局2022年政府信息公开工作年度报告。\n"
        "一、总体情况\n2022年，我局全年主动公开政府信息312条，收到政府信息公开申请5件，均按时答复。\n"
        "二、存在的主要问题及改进情况\n下一步，我局将进一步加大公开力度。\n"
    )
    assert "标题:通知" not in classify(normalize_text(text)).cues["notice"]
    assert classify(normalize_text(text), models=True).doc_type == DocType.work_report


def test_who_tells_the_story_is_a_feature_of_the_type_model() -> None:
    """A letter's writer says 我 in the narration; news quotes the worker's 我 and tells the rest in the third
    person; an office's 我局 is no person's voice."""
    from extractors.learned.features import document_features

    letter = "我叫张某，在某厂做工。我干了三个月，老板一直不给我工资，我去找他他也不理。"
    news = "“我找了老板十几次，他一直说没钱。”年过七旬的马老汉说。2023年，他在一家建筑公司做杂工，工资被拖欠。"
    report = "今年以来，我局主动公开信息120条，我局各股室按时更新。"
    assert "voice:first_person" in document_features(letter, {}, {})
    assert "voice:quoted_first_person" in document_features(news, {}, {})
    assert "voice:third_person" in document_features(report, {}, {})
