"""The whole pure pipeline (read -> classify -> extract -> rules) on every fixture, against its golden flags.

Complaint letters: every expected flag is raised and no `complaint.missing.*` that the golden does not
expect. Reports: expected flags raised, clean reports raise nothing (disclosure schedules depend on
`today` and are tested in tests/rules).
"""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path

import pytest

from extractors.readers import read_document
from pipeline.analyse import AnalysisContext, analyse
from rules.calendar import load_calendar
from rules.loader import load_rules
from schemas.models import DocType, PriorDocument
from tests.conftest import FIXTURES

JURISDICTION = "广西壮族自治区柳州市融水苗族自治县"
COMPLAINTS = sorted((FIXTURES / "complaints").glob("*.expected.json"))
REPORTS = sorted((FIXTURES / "reports").glob("*.expected.json"))


def _formats(golden: Path) -> list[Path]:
    stem = golden.name.removesuffix(".expected.json")
    return [p for p in (golden.parent / f"{stem}.docx", golden.parent / f"{stem}.pdf") if p.exists()]


def _cases(goldens: list[Path]) -> list:
    return [pytest.param(g, f, id=f.name) for g in goldens for f in _formats(g)]


@pytest.fixture(scope="module")
def rules_and_calendar():
    return load_rules(), load_calendar()


@pytest.mark.parametrize(("golden", "path"), _cases(COMPLAINTS))
def test_complaint_flags(golden: Path, path: Path, rules_and_calendar) -> None:
    expected = json.loads(golden.read_text(encoding="utf-8"))
    received = date.fromisoformat(expected["received_date"])
    rules, calendar = rules_and_calendar
    ctx = AnalysisContext(today=received, received_date=received, rules=rules, calendar=calendar,
                          jurisdiction=JURISDICTION)
    analysis = analyse(read_document(path.read_bytes(), path.name), ctx)
    assert analysis.doc_type == DocType.complaint
    raised = {f.rule_id for f in analysis.flags}
    wanted = set(expected["expected_flags"])
    assert wanted <= raised, f"missing flags: {wanted - raised}"
    false_missing = {r for r in raised - wanted if r.startswith("complaint.missing.")}
    assert not false_missing, f"false complaint.missing flags: {false_missing}"
    for flag in analysis.flags:
        assert flag.message and flag.severity in ("info", "warning", "error")
    acceptance = [d for d in analysis.deadlines if d.kind == "acceptance"]
    assert acceptance and acceptance[0].due_date > received


def _prior_for(golden: Path) -> list[PriorDocument]:
    """A fixture whose golden names `prior` fixtures gets them as already stored documents."""
    expected = json.loads(golden.read_text(encoding="utf-8"))
    prior = []
    for name in expected.get("prior", []):
        source = golden.parent / name
        prior.append(PriorDocument(document_id=f"doc-{source.stem}", text=read_document(source.read_bytes()).text))
    return prior


@pytest.mark.parametrize(("golden", "path"), _cases(REPORTS))
def test_report_flags(golden: Path, path: Path, rules_and_calendar) -> None:
    expected = json.loads(golden.read_text(encoding="utf-8"))
    rules, calendar = rules_and_calendar
    doc = read_document(path.read_bytes(), path.name)
    ctx = AnalysisContext(today=date(2026, 11, 26), received_date=date(2026, 11, 26), rules=rules,
                          calendar=calendar, prior=_prior_for(golden))
    analysis = analyse(doc, ctx)
    assert analysis.doc_type == DocType.work_report
    raised = {f.rule_id for f in analysis.flags} - {"report.disclosure_overdue"}
    assert raised == set(expected["expected_flags"])


SEED_REPORT_FLAGS = {
    "03_town_disclosure_efficiency_report_2011": {"report.foreign_reference"},
    "04_yuqing_ndrc_2010_summary": {"report.date_before_period", "report.foreign_reference"},
}


@pytest.mark.parametrize("fmt", ["docx", "pdf"])
@pytest.mark.parametrize(("stem", "wanted"), SEED_REPORT_FLAGS.items(), ids=lambda x: str(x)[:2])
def test_seed_reports(stem: str, wanted: set[str], fmt: str, rules_and_calendar) -> None:
    rules, calendar = rules_and_calendar
    doc = read_document((FIXTURES / "seeds" / f"{stem}.{fmt}").read_bytes())
    ctx = AnalysisContext(today=date(2026, 11, 26), received_date=date(2026, 11, 26), rules=rules, calendar=calendar)
    raised = {f.rule_id for f in analyse(doc, ctx).flags} - {"report.disclosure_overdue"}
    assert wanted <= raised
    assert "report.totals_mismatch" not in raised  # seed 04's lists add up


@pytest.mark.parametrize("fmt", ["docx", "pdf"])
def test_seed_05_is_a_duplicate_of_04_in_another_format(fmt: str, rules_and_calendar) -> None:
    rules, calendar = rules_and_calendar
    other = "pdf" if fmt == "docx" else "docx"
    first = read_document((FIXTURES / "seeds" / f"04_yuqing_ndrc_2010_summary.{other}").read_bytes())
    second = read_document((FIXTURES / "seeds" / f"05_yuqing_ndrc_2010_summary_duplicate.{fmt}").read_bytes())
    prior = [
        PriorDocument(document_id="doc-0004", doc_type="work_report", agency="余庆县发展和改革局", text=first.text)
    ]
    ctx = AnalysisContext(today=date(2026, 11, 26), received_date=date(2026, 11, 26), rules=rules,
                          calendar=calendar, prior=prior)
    flags = {f.rule_id: f for f in analyse(second, ctx).flags}
    assert "report.duplicate" in flags and "doc-0004" in flags["report.duplicate"].message
