"""After an inbox pass: the reports of the pass see each other in arrival order.

Files of one pass are processed in parallel, so while it runs a report sees only what was committed before
it was read: a resubmission read before its original was no duplicate, and the original was then called
the duplicate of its resubmission. Once every file is stored, each report of the pass is checked again
(report.duplicate, report.copied_text) against every report received before it — an earlier run's or an
earlier one of this pass (by received time, then file name) — and its status follows.
"""

from __future__ import annotations

from config.runtime import Runtime
from rules.report_engine import COPY_RULES, copy_flags
from schemas.models import DocStatus, ReportFields
from storage import repo
from storage.db import transaction
from storage.signatures import candidate_priors, index_for


def crosscheck_pass(rt: Runtime, run_id: str) -> dict[str, str]:
    """Re-run the copy checks over the reports of run `run_id`; returns {document id: status} of each."""
    index = index_for(str(rt.engine.url))
    statuses: dict[str, str] = {}
    with transaction(rt.sessions) as session:
        reports = repo.reports_of_run(session, run_id)
        if len(reports) < 2 and not any(r.status == DocStatus.duplicate for r in reports):
            return {r.id: r.status for r in reports}
        in_pass = {r.id for r in reports}
        index.refresh(session)  # every report of the pass is stored now: one look, not one per report
        earlier: set[str] = set()  # the reports of the pass before this one
        for document in reports:
            prior = [
                p for p in candidate_priors(
                    session, index, document.signature or [], document.id, refresh_after=float("inf")
                )
                if p.document_id in earlier or p.document_id not in in_pass
            ] if document.signature else []
            fields = ReportFields.model_validate(document.fields or {})
            flags = copy_flags(document.text or "", fields, prior, rt.rules)
            repo.sync_flags(session, document, flags, rule_ids=COPY_RULES)
            repo.mark_duplicate(session, document, flags)
            statuses[document.id] = document.status
            earlier.add(document.id)
    return statuses
