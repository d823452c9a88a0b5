"""`gapflow reprocess`: re-run extraction and checks over stored documents whose results came from an
older extractor version (`pipeline.EXTRACTOR_VERSION`), from the normalised text kept in the database.

The original files are not needed: `documents.text` is what the readers produced. The page map is not
stored; it comes from the parse cache when that still holds this content, else every offset is page 1.
Each document is its own transaction and records the version that produced its result, so a run that
stops half way is simply resumed by the next one. Deadlines are re-evaluated against today afterwards,
as in the nightly run (a re-analysed report's disclosure schedule needs the documents stored since).
"""

from __future__ import annotations

import logging
from datetime import date

from prefect import flow, get_run_logger, task
from prefect.cache_policies import NO_CACHE

from config.runtime import Runtime, open_runtime, today_in_beijing
from flows import parse_cache
from flows.inbox import IO_RETRIES, IO_RETRY_DELAY_SECONDS, reevaluate_task
from pipeline import EXTRACTOR_VERSION
from pipeline.analyse import AnalysisContext, analyse
from rules import similarity
from schemas.models import ParsedDocument
from schemas.tables import Document
from storage import repo
from storage.db import transaction
from storage.signatures import candidate_priors, index_for

log = logging.getLogger("gapflow.reprocess")
BATCH_SIZE = 200


def stored_parse(rt: Runtime, document: Document) -> ParsedDocument:
    """The ParsedDocument a stored document came from, rebuilt from its text."""
    cached = parse_cache.any_version(rt.settings.cache_dir, document.sha256)
    page_starts = cached.page_starts if cached is not None and cached.text == document.text else [0]
    return ParsedDocument(
        text=document.text or "", format=document.format or "txt", pages=document.pages or 1,
        page_starts=page_starts,
    )


def reprocess_document(rt: Runtime, document_id: str, today: date) -> str | None:
    """Re-analyse one stored document; returns its doc_type, or None when it is gone or has no text."""
    index = index_for(str(rt.engine.url))
    with transaction(rt.sessions) as session:
        document = session.get(Document, document_id)
        if document is None or document.text is None:
            return None
        parsed = stored_parse(rt, document)
        signature = similarity.signature(parsed.text)
        context = AnalysisContext(
            today=today, received_date=document.received_at.date(), rules=rt.rules, calendar=rt.calendar,
            jurisdiction=rt.settings.jurisdiction, events=repo.case_events(document),
            prior=candidate_priors(session, index, signature, document.id, stored_before=document.created_at),
            done=repo.commitment_marks(session, document.id),
        )
        analysis = analyse(parsed, context)
        previous = document.extractor_version
        repo.store_analysis(session, document, analysis, signature=signature)
        document.extractor_version = EXTRACTOR_VERSION
        repo.audit(session, "system", "document.reprocess", document.id,
                   from_version=previous, to_version=EXTRACTOR_VERSION)
    if analysis.doc_type == "work_report":
        index.add(document_id, signature)
    log.info("document %s reprocessed with %s", document_id, EXTRACTOR_VERSION)
    return analysis.doc_type


@task(name="list-stale-documents", cache_policy=NO_CACHE, retries=IO_RETRIES,
      retry_delay_seconds=IO_RETRY_DELAY_SECONDS)
def list_stale(db_url: str | None) -> list[str]:
    with transaction(open_runtime(db_url).sessions) as session:
        return repo.stale_document_ids(session, EXTRACTOR_VERSION)


@task(name="reprocess-batch", cache_policy=NO_CACHE)
def reprocess_batch(ids: list[str], db_url: str | None, today: date) -> dict[str, int]:
    """One failing document is counted and left at its old version; the batch goes on."""
    rt = open_runtime(db_url)
    counts: dict[str, int] = {}
    for document_id in ids:
        try:
            outcome = "reprocessed" if reprocess_document(rt, document_id, today) is not None else "skipped"
        except Exception as e:  # a bug on one document must not stop the others
            get_run_logger().error("document %s: reprocess failed (%s)", document_id, type(e).__name__)
            outcome = "failed"
        counts[outcome] = counts.get(outcome, 0) + 1
    return counts


@flow(name="gapflow-reprocess", log_prints=False)
def reprocess_flow(db_url: str | None = None, today: str | None = None, limit: int | None = None) -> dict:
    """Every stored document produced by another extractor version, re-analysed with this one."""
    day = today_in_beijing(today)
    rt = open_runtime(db_url)
    with transaction(rt.sessions) as session:
        run_id = repo.start_run(session, "reprocess", day).id
    ids = list_stale(db_url)[:limit] if limit else list_stale(db_url)
    counts: dict[str, int] = {}
    status = "failed"
    try:
        for start in range(0, len(ids), BATCH_SIZE):
            for k, v in reprocess_batch(ids[start : start + BATCH_SIZE], db_url, day).items():
                counts[k] = counts.get(k, 0) + v
        overdue = reevaluate_task(db_url, day) if ids else []
        status = "failed" if counts.get("failed") else "completed"
    finally:
        with transaction(rt.sessions) as session:
            repo.finish_run(session, run_id, status, counts)
    get_run_logger().info("reprocess %s to %s: %s", run_id, EXTRACTOR_VERSION, counts)
    return {"run_id": run_id, "status": status, "version": EXTRACTOR_VERSION, "counts": counts,
            "overdue": overdue}
