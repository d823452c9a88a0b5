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
