"""The write side of an inbox pass: claims, then analysed files committed in batches, then moved.

One process writes (the run's main process); its pool workers only read and analyse (flows/process.py).
Order matters for "nothing is lost":
1. claim a file and count the attempt (one short transaction) before a worker reads it;
2. the worker parses and analyses it outside any transaction and returns a FileResult;
3. a batch of results is committed in one transaction: each document, its results and a receipt naming
   the file's destination — or, when the batch fails, each file in its own transaction, so one bad file
   does not hold back the others;
4. only then each file is moved (and the .error.txt of a quarantined one written);
5. the batch's claims are released.
A crash before 3 leaves the files in the inbox untouched; a crash between 3 and 4 is finished by the next
run, which finds the receipt whose destination does not exist yet.

Light on purpose: the run's main process imports this, not the analysis (jieba, the models, scipy).
"""

from __future__ import annotations

import logging
import os
import signal
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path

from sqlalchemy.exc import IntegrityError

from config.runtime import Runtime
from flows.files import InboxLayout, claim_key, destination, display_name, from_token, move, write_error_note
from pipeline import EXTRACTOR_VERSION
from schemas.models import Analysis, DocStatus, ErrorInfo, ParsedDocument
from schemas.tables import Document
from storage import repo
from storage.db import transaction

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
class Claim:
    """A claimed inbox entry: its path token (raw bytes kept), its decoded name, its claim key, the attempt."""

    token: str
    name: str
    key: str
    attempts: int


@dataclass
class FileResult:
    """What a worker made of one claimed file; plain data, sent back to the writer. Exactly one of:
    `known` (its content is stored: a receipt, or a move to finish), `error` (quarantine), `analysis`
    (a document to store), `failure` (an unexpected error: the file stays in the inbox), `gone`."""

    claim: Claim
    arrived: datetime | None = None
    sha: str = ""
    known: bool = False
    error: ErrorInfo | None = None
    parsed: ParsedDocument | None = None
    signature: list[int] | None = None
    analysis: Analysis | None = None
    failure: str | None = None  # exception class name (a message may quote the letter)
    message: str | None = None  # what staff read about a failure
    gone: bool = False  # another run took the file between listing and claiming


@dataclass
class _Planned:
    """A committed result waiting for its file to move."""

    result: FileResult
    outcome: FileOutcome
    target: Path
    document: Document = field(repr=False)
    note: str | None = None
    code: str | None = None
    report_signature: list[int] | None = field(default=None, repr=False)


# --------------------------------------------------------------------------- claims


def claim(rt: Runtime, layout: InboxLayout, token: str, run_id: str, analysed: list[str] = ()) -> Claim | None:  # type: ignore[assignment]
    """Claim an inbox file and count the attempt; None when another live run holds it.

    `analysed`: claim keys whose analysis came back since the last claim. Their attempts are cleared in the
    same transaction, so after a kill only the files still in a worker count as having killed the run."""
    path = from_token(token)
    key, name = claim_key(layout, path), display_name(path)
    with transaction(rt.sessions) as session:
        repo.clear_attempts(session, *analysed)
        if not repo.claim_file(session, key, run_id):
            return None
        attempts = repo.count_attempt(session, key)
    fault_point("claimed")
    return Claim(token, name, key, attempts)


def skipped(token: str) -> FileOutcome:
    return FileOutcome(display_name(from_token(token)), "skipped", message="另一进程正在处理")


# --------------------------------------------------------------------------- the batch writer


def commit_results(rt: Runtime, layout: InboxLayout, run_id: str, results: list[FileResult]) -> list[FileOutcome]:
    """Commit a batch of results (one transaction), move their files, release their claims; an outcome each,
    in order. A file whose result cannot be stored or moved is `failed` and stays in the inbox."""
    storable = [r for r in results if r.failure is None and not r.gone]
    try:
        with transaction(rt.sessions) as session:
            planned = _write_batch(session, storable, layout, rt, run_id)
    except Exception as e:
        log.info("batch of %d failed to commit (%s); storing its files one at a time", len(storable), type(e).__name__)
        planned = {id(r): _write_alone(rt, r, layout, run_id) for r in storable}

    _index_reports(rt, planned.values())
    outcomes: list[FileOutcome] = []
    for r in results:
        plan = planned.get(id(r))
        if isinstance(plan, _Planned):
            outcomes.append(_move(plan))
        elif r.gone:
            outcomes.append(FileOutcome(r.claim.name, "skipped", message="文件已被处理"))
        else:
            outcomes.append(_failed(r))
    _release(rt, results, outcomes)
    return outcomes


def _write_batch(
    session, results: list[FileResult], layout: InboxLayout, rt: Runtime, run_id: str  # type: ignore[no-untyped-def]
) -> dict[int, _Planned]:
    """Every result's rows in one transaction, flushed once at the commit (the ORM then inserts each table's
    rows together): the stored documents of the batch's contents are looked up in one query, and a
    document created earlier in the batch is found by its content too."""
    known = repo.documents_by_sha(session, [r.sha for r in results])
    reserved: set[Path] = set()
    planned = {}
    with session.no_autoflush:
        for r in results:
            plan = _write(session, r, known.get(r.sha), layout, rt, run_id, reserved)
            known.setdefault(r.sha, plan.document)
            planned[id(r)] = plan
    repo.clear_attempts(session, *(r.claim.key for r in results))
    return planned


def _write_alone(rt: Runtime, r: FileResult, layout: InboxLayout, run_id: str) -> _Planned | None:
    """One file in its own transaction. Another run may have committed the same content under another
    name a moment ago (the sha256 key): the second look records this file as its duplicate."""
    for attempt in range(2):
        try:
            with transaction(rt.sessions) as session:
                plan = _write(session, r, repo.find_by_sha(session, r.sha), layout, rt, run_id, set())
                repo.clear_attempts(session, r.claim.key)
                return plan
        except IntegrityError:
            if attempt == 1:
                r.failure = "IntegrityError"
            log.info("same content committed concurrently; retrying as a duplicate")
        except Exception as e:
            log.debug("store failed (%s)", type(e).__name__)
            r.failure = type(e).__name__
            return None
    return None


def _write(
    session, r: FileResult, known: Document | None, layout: InboxLayout, rt: Runtime, run_id: str,  # type: ignore[no-untyped-def]
    reserved: set[Path],
) -> _Planned:
    """The rows of one result, in the caller's transaction; `known`: the stored document of its content.
    What is stored is decided here, against what is committed now (and earlier in this batch), not what
    the worker saw: the same bytes twice in one batch are one document and a duplicate receipt. The
    caller clears the file's attempts."""
    c = r.claim
    if known is not None:
        pending = repo.pending_receipt(session, r.sha)
        if pending is not None and pending.filename == c.name:
            quarantined = pending.outcome == "quarantined"
            outcome = FileOutcome(c.name, "resumed", known.id, known.doc_type, len(known.flags))
            note = known.error_message if quarantined else None
            return _Planned(r, outcome, Path(pending.stored_as), known, note, known.error_code)
        if known.status != DocStatus.quarantined:
            target = _destination(layout.processed, c.name, r.sha, reserved)
            repo.add_receipt(session, known.id, c.name, r.sha, _arrived(r), "duplicate", str(target), run_id)
            outcome = FileOutcome(c.name, "duplicate", known.id, known.doc_type, message=SAME_FILE)
            return _Planned(r, outcome, target, known)
    if r.error is not None:
        return _write_quarantined(session, r, known, layout, rt, run_id, reserved)
    if r.analysis is None or r.parsed is None:
        raise RuntimeError("a result with neither analysis nor error")  # its content vanished from the database
    return _write_analysis(session, r, known, layout, run_id, reserved)


def _write_quarantined(
    session, r: FileResult, known: Document | None, layout: InboxLayout, rt: Runtime, run_id: str,  # type: ignore[no-untyped-def]
    reserved: set[Path],
) -> _Planned:
    from pipeline.analyse import error_flag

    c, error = r.claim, r.error
    assert error is not None
    target = _destination(layout.quarantine, c.name, r.sha, reserved)
    document = known or repo.create_document(
        session, sha256=r.sha, filename=c.name, received_at=_arrived(r), run_id=run_id, error=error,
        extractor_version=EXTRACTOR_VERSION,
    )
    if known is None:
        flag = error_flag(_ERROR_RULES.get(error.code, "doc.unreadable"), error.message, rt.rules)
        repo.sync_flags(session, document, [flag])
    repo.add_receipt(session, document.id, c.name, r.sha, _arrived(r), "quarantined", str(target), run_id)
    outcome = FileOutcome(c.name, "quarantined", document.id, None, 1, error.message)
    return _Planned(r, outcome, target, document, error.message, error.code)


def _write_analysis(
    session, r: FileResult, known: Document | None, layout: InboxLayout, run_id: str, reserved: set[Path]  # type: ignore[no-untyped-def]
) -> _Planned:
    c, parsed, analysis = r.claim, r.parsed, r.analysis
    assert parsed is not None and analysis is not None
    if known is not None:  # a quarantined document whose file came back and can be read now
        document = repo.reopen_document(
            session, known, fmt=parsed.format, pages=parsed.pages, text=parsed.text, run_id=run_id,
            extractor_version=EXTRACTOR_VERSION,
        )
    else:
        document = repo.create_document(
            session, sha256=r.sha, filename=c.name, received_at=_arrived(r), run_id=run_id,
            fmt=parsed.format, pages=parsed.pages, text=parsed.text, extractor_version=EXTRACTOR_VERSION,
        )
    repo.store_analysis(session, document, analysis, signature=r.signature)
    target = _destination(layout.processed, c.name, r.sha, reserved)
    repo.add_receipt(session, document.id, c.name, r.sha, _arrived(r), "processed", str(target), run_id)
    duplicate = document.status == DocStatus.duplicate
    outcome = FileOutcome(
        c.name, "duplicate" if duplicate else "processed", document.id, analysis.doc_type, len(analysis.flags),
        message="与已收文件内容基本相同" if duplicate else None,
    )
    report = r.signature if analysis.doc_type == "work_report" else None
    return _Planned(r, outcome, target, document, report_signature=report)


def _arrived(r: FileResult) -> datetime:
    assert r.arrived is not None
    return r.arrived


def _destination(folder: Path, name: str, sha: str, reserved: set[Path]) -> Path:
    """destination(), and not one an earlier file of this batch is about to take."""
    target = destination(folder, name, sha)
    if target in reserved:
        stem, suffix = os.path.splitext(target.name)
        target = folder / f"{stem}_{sha[:8]}{suffix}"
    reserved.add(target)
    return target


def _index_reports(rt: Runtime, planned) -> None:  # type: ignore[no-untyped-def]
    """This process's signature index learns the reports just committed (the inline path reads it next)."""
    from storage.signatures import index_for

    index = index_for(str(rt.engine.url))
    for plan in planned:
        if isinstance(plan, _Planned) and plan.report_signature:
            index.add(plan.outcome.document_id or "", plan.report_signature)


def _move(plan: _Planned) -> FileOutcome:
    fault_point("committed")
    try:
        _finish_move(from_token(plan.result.claim.token), plan.target, plan.note, plan.code)
    except OSError as e:
        log.debug("move failed (%s)", type(e).__name__)  # an OSError names the file, which may name a person
        plan.result.failure = type(e).__name__
        plan.result.message = "结果已保存，但文件未能移出收件箱，下次运行时完成"
        return _failed(plan.result)
    fault_point("moved")
    log.info("document %s: %s (%s)", plan.outcome.document_id, plan.outcome.outcome, plan.outcome.doc_type or "-")
    return plan.outcome


def _failed(r: FileResult) -> FileOutcome:
    message = r.message or f"程序内部错误（{r.failure}），文件未移动，下次运行时重试"
    return FileOutcome(r.claim.name, "failed", message=message)


def _release(rt: Runtime, results: list[FileResult], outcomes: list[FileOutcome]) -> None:
    """Release the batch's claims; remember why the failed ones failed (class name only), and forget the
    attempts of files another run took."""
    with transaction(rt.sessions) as session:
        for r, o in zip(results, outcomes, strict=True):
            if o.outcome == "failed":
                repo.note_attempt_error(session, r.claim.key, r.failure or "Exception")
        repo.clear_attempts(session, *(r.claim.key for r in results if r.gone))
        repo.release_claims(session, [r.claim.key for r in results])


def _finish_move(path: Path, target: Path, error_message: str | None, error_code: str | None) -> None:
    if error_message:
        write_error_note(target, error_message, error_code or "unreadable")
    move(path, target)


# Crash tests: GAPFLOW_FAULT="committed:3" kills the whole run with SIGKILL the 3rd time this process
# passes the point "committed" (also "claimed", "moved", and "analysed" in a worker). Unset in production:
# one dict lookup.
_FAULT_COUNTS: dict[str, int] = {}
IN_POOL_WORKER = False  # set by the batch pool's initializer: a fault then kills the run, not only the worker
RUN_PID: int | None = None  # the run's main process, as the pool's initializer was told it


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
            os.kill(RUN_PID or os.getppid(), signal.SIGKILL)
        os.kill(os.getpid(), signal.SIGKILL)
