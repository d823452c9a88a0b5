"""One pass of documents (issue 12): they see each other in arrival order; traditional text quoted as written."""

from __future__ import annotations

from datetime import date

from extractors.readers import read_document
from pipeline.analyse import AnalysisContext, analyse, analyse_pass
from rules.calendar import load_calendar
from rules.loader import load_rules
from tests.conftest import FIXTURES

SEEDS = FIXTURES / "seeds"


def _ctx(received: date) -> AnalysisContext:
    return AnalysisContext(today=received, received_date=received, rules=load_rules(), calendar=load_calendar())


def test_a_resubmission_in_the_same_pass_is_the_duplicate_whatever_the_order() -> None:
    original = read_document((SEEDS / "04_yuqing_ndrc_2010_summary.pdf").read_bytes())
    again = read_document((SEEDS / "05_yuqing_ndrc_2010_summary_duplicate.docx").read_bytes())
    for items in (
        [("b-original", original, _ctx(date(2026, 3, 1))), ("a-again", again, _ctx(date(2026, 3, 2)))],
        [("a-again", again, _ctx(date(2026, 3, 2))), ("b-original", original, _ctx(date(2026, 3, 1)))],
    ):
        results = analyse_pass(items)
        assert "report.duplicate" not in {f.rule_id for f in results["b-original"].flags}
        duplicate = [f for f in results["a-again"].flags if f.rule_id == "report.duplicate"]
        assert duplicate and duplicate[0].evidence.text == "b-original"


def test_a_traditional_letter_is_quoted_as_written_at_offsets_of_the_normalised_text() -> None:
    doc = read_document((FIXTURES / "complaints" / "08_traditional.docx").read_bytes())
    assert doc.written and len(doc.written) == len(doc.text) and doc.written != doc.text
    result = analyse(doc, _ctx(date(2026, 1, 12)))
    quoted = [f.evidence for f in result.flags if f.evidence and f.evidence.text and f.evidence.end > f.evidence.start]
    for e in quoted:
        assert e.text == doc.written[e.start : e.end]
    name = result.fields["complainant"]["name"]
    assert name and name in doc.written


def test_a_passage_in_several_bodies_reports_is_the_template_not_a_copy() -> None:
    """Issue 12: with a pass's reports seeing each other, the annual report's prescribed wording stood in every
    other body's report and was flagged as copied; a passage shared with one other body still is."""
    from rules.report_engine import copy_flags
    from schemas.models import PriorDocument, ReportFields

    shared = ("本报告根据《中华人民共和国政府信息公开条例》和上级有关要求编制，全文包括总体情况、主动公开政府信息情况、"
              "收到和处理政府信息公开申请情况、政府信息公开行政复议和行政诉讼情况、存在的主要问题及改进情况等内容。")
    copied = ("我镇坚持把政务公开作为转变作风的重要抓手，每季度第一周的星期一集中公开财务收支、低保评定、项目建设等"
              "群众关心的事项，做到公开一次、检查一次、通报一次，群众满意度持续提升。")
    mine = f"某乡2025年政府信息公开工作年度报告\n{shared}\n{copied}\n"
    others = [
        PriorDocument(document_id=f"doc-{i}", agency=f"某县{name}", text=f"{name}年度报告\n{shared}\n其他内容。")
        for i, name in enumerate(("人社局", "教育局", "卫健局"))
    ]
    others.append(PriorDocument(document_id="doc-9", agency="某县某镇人民政府", text=f"某镇汇报\n{copied}\n"))
    flags = copy_flags(mine, ReportFields(agency="某县某乡人民政府"), others, load_rules())
    assert [f.evidence.text for f in flags if f.rule_id == "report.copied_text"] == [copied]
