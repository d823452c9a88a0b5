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
from datetime import date, datetime
from pathlib import Path

from sqlalchemy.exc import IntegrityError

from config.runtime import Runtime
from flows.files import (
    InboxLayout,
    RejectedEntry,
    claim_key,
    destination,
    display_name,
    move,
    read_inbox_file,
    received_at,
    write_error_note,
)
from flows.parse_cache import read_cached
from flows.reading import read_limits, reader_for
from pipeline import EXTRACTOR_VERSION
from pipeline.analyse import AnalysisContext, analyse, error_flag
from rules import similarity
from schemas.errors import LoadError
from schemas.models import DocStatus, DocType, ErrorInfo, ParsedDocument
from schemas.tables import Document
from storage import repo
from storage.db import transaction
from storage.signatures import candidate_priors, index_for

log = logging.getLogger("gapflow.process")

SAME_FILE = "与已收文件内容相同"  # a second receipt of stored bytes, not a document of its own
_ERROR_RULES = {
    "needs_ocr": "doc.needs_ocr", "unsupported": "doc.unsupported", "not_a_file": "doc.unsupported",
    "unsafe_link": "doc.unsupported", "archive": "doc.unsupported",
}


@dataclass
class FileOutcome:
    filename: str
    outcome: str  # processed | duplicate | quarantined | skipped | resumed | failed
    document_id: str | None = None
    doc_type: str | None = None
    flags: int = 0
    message: str | None = None


@dataclass
class _Claimed:
    """One claimed inbox entry: the raw path for the move, the decoded name for people and the database."""

    path: Path
    name: str
    key: str
    attempts: int
    arrived: datetime


def process_file(path: Path, layout: InboxLayout, rt: Runtime, run_id: str, today: date) -> FileOutcome:
    key = claim_key(layout, path)
    name = display_name(path)
    with transaction(rt.sessions) as session:
        if not repo.claim_file(session, key, run_id):
            return FileOutcome(name, "skipped", message="另一进程正在处理")
        attempts = repo.count_attempt(session, key)
    fault_point("claimed")
    try:
        if not os.path.lexists(path):  # another worker finished it between listing and claiming
            with transaction(rt.sessions) as session:
                repo.clear_attempts(session, key)
            return FileOutcome(name, "skipped", message="文件已被处理")
        claimed = _Claimed(path, name, key, attempts, received_at(path))
        try:
            return _process_claimed(claimed, layout, rt, run_id, today)
        except IntegrityError:
            # Another worker committed the same content under another file name a moment ago:
            # the second look finds it and records this file as a duplicate of it.
            log.info("same content committed concurrently; retrying as a duplicate")
            return _process_claimed(claimed, layout, rt, run_id, today)
    except Exception as e:
        _note_failure(rt, key, e)
        raise
    finally:
        with transaction(rt.sessions) as session:
            repo.release_claim(session, key)


def _note_failure(rt: Runtime, key: str, error: Exception) -> None:
    """Remember why the attempt failed (class name only: a message may quote the letter). Best effort:
    the database may be the thing that failed."""
    try:
        with transaction(rt.sessions) as session:
            repo.note_attempt_error(session, key, type(error).__name__)
    except Exception:
        log.debug("could not record the failure", exc_info=True)


def _process_claimed(c: _Claimed, layout: InboxLayout, rt: Runtime, run_id: str, today: date) -> FileOutcome:
    settings = rt.settings
    try:
        data, sha = read_inbox_file(c.path, settings.max_file_mb * 1024 * 1024)
        rejected: RejectedEntry | None = None
    except RejectedEntry as e:
        data, sha, rejected = b"", e.sha256, e

    finished = _finish_known(c, sha, layout, rt, run_id)
    if finished is not None:
        return finished

    parsed: ParsedDocument | None = None
    error: ErrorInfo | None = None
    if rejected is not None:
        error = ErrorInfo(code=rejected.code, message=rejected.message)
    elif c.attempts > settings.max_attempts:
        error = _repeated_failure(c, rt)
    else:
        try:
            parsed = read_cached(
                data, c.name, sha, settings.cache_dir, limits=read_limits(settings), convert=reader_for(settings)
            )
        except LoadError as e:
            error = ErrorInfo(code=e.code, message=e.message)
    signature = similarity.signature(parsed.text) if parsed is not None else None
    index = index_for(str(rt.engine.url))

    with transaction(rt.sessions) as session:
        known = repo.find_by_sha(session, sha)  # a quarantined document whose file came back
        if error is not None:
            target = destination(layout.quarantine, c.name, sha)
            document = known or repo.create_document(
                session, sha256=sha, filename=c.name, received_at=c.arrived, run_id=run_id, error=error,
                extractor_version=EXTRACTOR_VERSION,
            )
            if known is None:
                flag = error_flag(_ERROR_RULES.get(error.code, "doc.unreadable"), error.message, rt.rules)
                repo.sync_flags(session, document, [flag])
            repo.add_receipt(session, document.id, c.name, sha, c.arrived, "quarantined", str(target), run_id)
            outcome = FileOutcome(c.name, "quarantined", document.id, None, 1, error.message)
        else:
            assert parsed is not None and signature is not None
            document = _document_for(session, known, c, sha, parsed, run_id)
            context = AnalysisContext(
                today=today, received_date=c.arrived.date(), rules=rt.rules, calendar=rt.calendar,
                jurisdiction=settings.jurisdiction,
                prior=candidate_priors(session, index, signature, document.id),
            )
            analysis = analyse(parsed, context)
            repo.store_analysis(session, document, analysis, signature=signature)
            target = destination(layout.processed, c.name, sha)
            repo.add_receipt(session, document.id, c.name, sha, c.arrived, "processed", str(target), run_id)
            status = document.status
            outcome = FileOutcome(
                c.name, "duplicate" if status == DocStatus.duplicate else "processed", document.id,
                analysis.doc_type, len(analysis.flags),
                message="与已收文件内容基本相同" if status == DocStatus.duplicate else None,
            )
        repo.clear_attempts(session, c.key)
    if outcome.doc_type == DocType.work_report:
        index.add(document.id, signature)
    fault_point("committed")
    _finish_move(c.path, target, error.message if error else None, error.code if error else None)
    fault_point("moved")
    log.info("document %s: %s (%s)", outcome.document_id, outcome.outcome, outcome.doc_type or "-")
    return outcome


def _finish_known(c: _Claimed, sha: str, layout: InboxLayout, rt: Runtime, run_id: str) -> FileOutcome | None:
    """A file whose content is already stored: finish an interrupted move, or record a second receipt.
    None when it must be read (new content, or a quarantined document's file coming back: it gets its own
    reason, or is processed now that it can be read)."""
    with transaction(rt.sessions) as session:
        known = repo.find_by_sha(session, sha)
        if known is None:
            return None
        pending = repo.pending_receipt(session, sha)
        if pending is not None and pending.filename == c.name:
            target = Path(pending.stored_as)
            quarantined = pending.outcome == "quarantined"
            outcome = FileOutcome(c.name, "resumed", known.id, known.doc_type, len(known.flags))
        elif known.status == DocStatus.quarantined:
            return None
        else:
            target = destination(layout.processed, c.name, sha)
            repo.add_receipt(session, known.id, c.name, sha, c.arrived, "duplicate", str(target), run_id)
            quarantined = False
            outcome = FileOutcome(c.name, "duplicate", known.id, known.doc_type, message=SAME_FILE)
        repo.clear_attempts(session, c.key)
        note, code = known.error_message, known.error_code
    fault_point("committed")
    _finish_move(c.path, target, note if quarantined else None, code)
    log.info("document %s: %s", outcome.document_id, outcome.outcome)
    return outcome


def _document_for(
    session, known: Document | None, c: _Claimed, sha: str, parsed: ParsedDocument, run_id: str  # type: ignore[no-untyped-def]
) -> Document:
    if known is not None:
        document = repo.reopen_document(
            session, known, fmt=parsed.format, pages=parsed.pages, text=parsed.text, run_id=run_id,
            extractor_version=EXTRACTOR_VERSION,
        )
    else:
        document = repo.create_document(
            session, sha256=sha, filename=c.name, received_at=c.arrived, run_id=run_id,
            fmt=parsed.format, pages=parsed.pages, text=parsed.text, extractor_version=EXTRACTOR_VERSION,
        )
    session.flush()
    return document


_CAUSES = {  # what an attempt's exception class means to staff
    "ConversionTimeout": "旧格式转换超时",
    "BrokenProcessPool": "处理进程意外退出",
    "MemoryError": "内存不足",
    "RecursionError": "文件结构嵌套过深",
}


def _repeated_failure(c: _Claimed, rt: Runtime) -> ErrorInfo:
    with transaction(rt.sessions) as session:
        error = repo.attempt_error(session, c.key)
    cause = _CAUSES.get(error or "", f"程序内部错误 {error}" if error else "处理进程意外退出")
    tried = c.attempts - 1
    return ErrorInfo(
        code="failed_repeatedly",
        message=f"文件“{c.name}”已尝试处理 {tried} 次，每次都意外失败（{cause}）。为免每次运行都失败，已隔离。"
        "请把此文件另存为 .docx 或 .pdf 后重新放入收件箱；仍失败时请联系技术人员。",
    )


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


