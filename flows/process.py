"""One inbox file from bytes to committed result to its final folder. No Prefect here.

Order matters for "nothing is lost":
1. claim the file (so a second worker skips it), read it, hash it;
2. parse and analyse (pure), or turn a LoadError into a quarantine record;
3. commit the document, its results and a receipt naming the file's destination;
4. only then move the file (and write the .error.txt of a quarantined one);
5. release the claim.
A crash before 3 leaves the file in the inbox untouched; a crash between 3 and 4 is finished by
the next run, which finds the receipt whose destination does not exist yet.
"""

from __future__ import annotations

import logging
import os
import signal
from dataclasses import dataclass
from datetime import date
from pathlib import Path

from sqlalchemy.exc import IntegrityError

from config.runtime import Runtime
from flows.files import InboxLayout, claim_key, destination, move, received_at, sha256_of, write_error_note
from flows.parse_cache import read_cached
from pipeline import EXTRACTOR_VERSION
from pipeline.analyse import AnalysisContext, analyse, error_flag
from rules import similarity
from schemas.errors import LoadError
from schemas.models import DocStatus, DocType, ErrorInfo
from storage import repo
from storage.db import transaction
from storage.signatures import candidate_priors, index_for

log = logging.getLogger("gapflow.process")

SAME_FILE = "与已收文件内容相同"  # a second receipt of stored bytes, not a document of its own
_ERROR_RULES = {"needs_ocr": "doc.needs_ocr", "unsupported": "doc.unsupported"}


@dataclass
class FileOutcome:
    filename: str
    outcome: str  # processed | duplicate | quarantined | skipped | resumed
    document_id: str | None = None
    doc_type: str | None = None
    flags: int = 0
    message: str | None = None


def process_file(path: Path, layout: InboxLayout, rt: Runtime, run_id: str, today: date) -> FileOutcome:
    key = claim_key(layout, path)
    with transaction(rt.sessions) as session:
        if not repo.claim_file(session, key, run_id):
            return FileOutcome(path.name, "skipped", message="另一进程正在处理")
    fault_point("claimed")
    try:
        if not path.exists():  # another worker finished it between listing and claiming
            return FileOutcome(path.name, "skipped", message="文件已被处理")
        try:
            return _process_claimed(path, layout, rt, run_id, today)
        except IntegrityError:
            # Another worker committed the same content under another file name a moment ago:
            # the second look finds it and records this file as a duplicate of it.
            log.info("same content committed concurrently; retrying as a duplicate")
            return _process_claimed(path, layout, rt, run_id, today)
    finally:
        with transaction(rt.sessions) as session:
            repo.release_claim(session, key)


def _process_claimed(path: Path, layout: InboxLayout, rt: Runtime, run_id: str, today: date) -> FileOutcome:
    data = path.read_bytes()
    sha = sha256_of(data)
    arrived = received_at(path)
    with transaction(rt.sessions) as session:
        known = repo.find_by_sha(session, sha)
        if known is not None:
            pending = repo.pending_receipt(session, sha)
            if pending is not None and pending.filename == path.name:
                target, note = Path(pending.stored_as), known.error_message
                outcome = FileOutcome(path.name, "resumed", known.id, known.doc_type, len(known.flags))
            else:
                folder = layout.quarantine if known.status == DocStatus.quarantined else layout.processed
                target = destination(folder, path.name, sha)
                repo.add_receipt(session, known.id, path.name, sha, arrived, "duplicate", str(target), run_id)
                note = known.error_message
                outcome = FileOutcome(path.name, "duplicate", known.id, known.doc_type, message=SAME_FILE)
    if known is not None:
        fault_point("committed")
        _finish_move(path, target, note if known.status == DocStatus.quarantined else None, known.error_code)
        log.info("document %s: %s", outcome.document_id, outcome.outcome)
        return outcome

    try:
        parsed = read_cached(data, path.name, sha, rt.settings.cache_dir)
        error = None
    except LoadError as e:
        parsed, error = None, ErrorInfo(code=e.code, message=e.message)
    signature = similarity.signature(parsed.text) if parsed is not None else None
    index = index_for(str(rt.engine.url))

    with transaction(rt.sessions) as session:
        if error is not None:
            target = destination(layout.quarantine, path.name, sha)
            document = repo.create_document(
                session, sha256=sha, filename=path.name, received_at=arrived, run_id=run_id, error=error,
                extractor_version=EXTRACTOR_VERSION,
            )
            flag = error_flag(_ERROR_RULES.get(error.code, "doc.unreadable"), error.message, rt.rules)
            repo.sync_flags(session, document, [flag])
            repo.add_receipt(session, document.id, path.name, sha, arrived, "quarantined", str(target), run_id)
            outcome = FileOutcome(path.name, "quarantined", document.id, None, 1, error.message)
        else:
            assert parsed is not None
            document = repo.create_document(
                session, sha256=sha, filename=path.name, received_at=arrived, run_id=run_id,
                fmt=parsed.format, pages=parsed.pages, text=parsed.text, extractor_version=EXTRACTOR_VERSION,
            )
            session.flush()
            assert signature is not None
            context = AnalysisContext(
                today=today, received_date=arrived.date(), rules=rt.rules, calendar=rt.calendar,
                jurisdiction=rt.settings.jurisdiction,
                prior=candidate_priors(session, index, signature, document.id),
            )
            analysis = analyse(parsed, context)
            repo.store_analysis(session, document, analysis, signature=signature)
            target = destination(layout.processed, path.name, sha)
            repo.add_receipt(session, document.id, path.name, sha, arrived, "processed", str(target), run_id)
            status = document.status
            outcome = FileOutcome(
                path.name, "duplicate" if status == DocStatus.duplicate else "processed", document.id,
                analysis.doc_type, len(analysis.flags),
                message="与已收文件内容基本相同" if status == DocStatus.duplicate else None,
            )
    if outcome.doc_type == DocType.work_report:
        index.add(document.id, signature)
    fault_point("committed")
    _finish_move(path, target, error.message if error else None, error.code if error else None)
    fault_point("moved")
    log.info("document %s: %s (%s)", outcome.document_id, outcome.outcome, outcome.doc_type or "-")
    return outcome


# Crash tests: GAPFLOW_FAULT="committed:3" kills the whole run with SIGKILL the 3rd time this process
# passes the point "committed" (also "claimed", "moved"). Unset in production: one dict lookup.
_FAULT_COUNTS: dict[str, int] = {}
IN_POOL_WORKER = False  # set by the batch pool's initializer: a fault then kills the run, not only the worker


def fault_point(name: str) -> None:
    spec = os.environ.get("GAPFLOW_FAULT")
    if not spec:
        return
    point, _, nth = spec.partition(":")
    if point != name:
        return
    _FAULT_COUNTS[name] = _FAULT_COUNTS.get(name, 0) + 1
    if _FAULT_COUNTS[name] >= int(nth or 1):
        if IN_POOL_WORKER:
            os.kill(os.getppid(), signal.SIGKILL)
        os.kill(os.getpid(), signal.SIGKILL)


def _finish_move(path: Path, target: Path, error_message: str | None, error_code: str | None) -> None:
    if error_message:
        write_error_note(target, error_message, error_code or "unreadable")
    move(path, target)


def doc_type_label(doc_type: str | None) -> str:
    return {
        DocType.complaint: "投诉书",
        DocType.work_report: "工作总结/汇报",
        DocType.notice: "公告/须知",
        DocType.other: "其他",
    }.get(doc_type, "—") if doc_type else "—"
