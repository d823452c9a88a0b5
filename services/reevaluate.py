"""Re-evaluate stored documents against a new `today`: deadlines move without a new document."""

from __future__ import annotations

from datetime import date

from sqlalchemy.orm import Session

from config.runtime import Runtime
from pipeline.analyse import AnalysisContext, reevaluate_complaint, reevaluate_report
from rules.report_text import same_body
from schemas.models import Deadline, DeadlineStatus, DocType, PriorDocument
from schemas.tables import Document
from storage import repo
from storage.db import transaction

DISCLOSURE_RULES = {"report.disclosure_overdue"}
DISCLOSURE_KINDS = {"disclosure"}


def _complaint(session: Session, rt: Runtime, document: Document, today: date) -> list[Deadline]:
    ctx = AnalysisContext(
        today=today, received_date=document.received_at.date(), rules=rt.rules, calendar=rt.calendar,
        jurisdiction=rt.settings.jurisdiction, events=repo.case_events(document),
    )
    flags, deadlines = reevaluate_complaint(document.fields, document.text, ctx)
    repo.sync_flags(session, document, flags)
    repo.replace_deadlines(session, document, deadlines)
    return deadlines


def _report(
    session: Session, rt: Runtime, document: Document, today: date, prior: list[PriorDocument] | _ByBody
) -> list[Deadline]:
    ctx = AnalysisContext(
        today=today, received_date=document.received_at.date(), rules=rt.rules, calendar=rt.calendar,
        prior=[p for p in documents_of(prior, document.agency) if p.document_id != document.id],
        done=repo.commitment_marks(session, document.id),
    )
    flags, deadlines = reevaluate_report(document.fields, repo.commitments_of(document), ctx.received_date, ctx)
    repo.sync_flags(session, document, flags, rule_ids=DISCLOSURE_RULES)
    repo.replace_deadlines(session, document, deadlines, kinds=DISCLOSURE_KINDS)
    return deadlines


class _ByBody:
    """Stored reports grouped by body. A disclosure is recorded only by a later document of the same
    body (rules.schedule), so each report needs its own body's documents, not all of them: at 10,000
    reports, filtering the whole list per report was 10^8 name comparisons per nightly."""

    def __init__(self, prior: list[PriorDocument]) -> None:
        self.groups: dict[str | None, list[PriorDocument]] = {}
        for p in prior:
            self.groups.setdefault(p.agency, []).append(p)
        self._matched: dict[str | None, list[PriorDocument]] = {}

    def of(self, agency: str | None) -> list[PriorDocument]:
        if agency not in self._matched:
            self._matched[agency] = [
                p for name, docs in self.groups.items() if same_body(name, agency) for p in docs
            ]
        return self._matched[agency]


def documents_of(prior: list[PriorDocument] | _ByBody, agency: str | None) -> list[PriorDocument]:
    if isinstance(prior, _ByBody):
        return prior.of(agency)
    return [p for p in prior if same_body(p.agency, agency)]


def reevaluate_document(rt: Runtime, document_id: str, today: date) -> None:
    """One document, e.g. after a case event was recorded."""
    with transaction(rt.sessions) as session:
        document = session.get(Document, document_id)
        if document is None:
            return
        if document.doc_type == DocType.complaint:
            _complaint(session, rt, document, today)
        elif document.doc_type == DocType.work_report:
            _report(session, rt, document, today, repo.prior_documents(session, document_id))


def reevaluate_all(rt: Runtime, today: date) -> list[dict]:
    """Every complaint's deadlines and every report's disclosure schedule. Returns the overdue items."""
    overdue: list[dict] = []
    with transaction(rt.sessions) as session:
        for document in repo.documents_of_type(session, DocType.complaint):
            overdue += _overdue(document.id, _complaint(session, rt, document, today))
        prior = _ByBody(repo.prior_documents(session))
        for document in repo.documents_of_type(session, DocType.work_report):
            overdue += _overdue(document.id, _report(session, rt, document, today, prior))
    return overdue


def _overdue(document_id: str, deadlines: list[Deadline]) -> list[dict]:
    return [
        {"document_id": document_id, "kind": d.kind, "due_date": d.due_date.isoformat()}
        for d in deadlines
        if d.status == DeadlineStatus.overdue
    ]
