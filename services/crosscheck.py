"""After an inbox pass: the reports of the pass see each other in arrival order.

Files of one pass are processed in parallel, so while it runs a report sees only what was committed before
it was read: a resubmission read before its original was no duplicate, and the original was then called
the duplicate of its resubmission. Once every file is stored, each report of the pass is checked again
(report.duplicate, report.copied_text) against every report received before it — an earlier run's or an
earlier one of this pass (by received time, then file name) — and its status follows.

The checks only read (`copy_checks`), so a pass's process pool can run them on slices of the reports;
one transaction then writes what they found. The rule engine is imported where the checks run, not by
the writer.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from config.runtime import Runtime
from schemas.models import DocStatus, Flag, ReportFields
from storage import repo
from storage.db import transaction
from storage.signatures import candidate_priors, index_for


@dataclass
class CopyChecks:
    """What the copy checks found for some reports of a pass: their flags, and the rules they cover."""

    rule_ids: frozenset[str]
    flags: dict[str, list[Flag]]


# (the pass's report ids in arrival order) -> their copy checks; the default runs them here, in order
ChecksRunner = Callable[[list[str]], CopyChecks]


def crosscheck_pass(rt: Runtime, run_id: str, run_checks: ChecksRunner | None = None) -> dict[str, str]:
    """Re-run the copy checks over the reports of run `run_id`; returns {document id: status} of each."""
    statuses: dict[str, str] = {}
    with transaction(rt.sessions) as session:
        reports = repo.reports_of_run(session, run_id)
        if len(reports) < 2 and not any(r.status == DocStatus.duplicate for r in reports):
            return {r.id: r.status for r in reports}
        order = [r.id for r in reports]
        checks = (run_checks or (lambda ids: copy_checks(rt, ids, ids)))(order)
        for document in reports:
            flags = checks.flags[document.id]
            repo.sync_flags(session, document, flags, rule_ids=set(checks.rule_ids))
            repo.mark_duplicate(session, document, flags)
            statuses[document.id] = document.status
    return statuses


def copy_checks(rt: Runtime, order: list[str], ids: list[str]) -> CopyChecks:
    """The copy checks of the reports `ids` of a pass whose reports are `order` (arrival order): each
    against the stored reports like it that are either of an earlier run or earlier in the pass. Reads only."""
    from rules.report_engine import COPY_RULES, copy_flags

    position = {doc_id: i for i, doc_id in enumerate(order)}
    index = index_for(str(rt.engine.url))
    found: dict[str, list[Flag]] = {}
    with rt.sessions() as session:
        index.refresh(session)  # every report of the pass is stored now: one look, not one per report
        documents = {d.id: d for d in repo.documents_by_id(session, ids)}
        for doc_id in ids:
            document = documents[doc_id]
            mine = position[doc_id]
            prior = [
                p for p in candidate_priors(
                    session, index, document.signature or [], document.id, refresh_after=float("inf")
                )
                if position.get(p.document_id, -1) < mine
            ] if document.signature else []
            fields = ReportFields.model_validate(document.fields or {})
            found[doc_id] = copy_flags(document.text or "", fields, prior, rt.rules)
    return CopyChecks(frozenset(COPY_RULES), found)
