"""Repository functions: every read and write of gapflow's tables goes through here."""

from __future__ import annotations

import hashlib
import json
import os
import socket
import uuid
from collections.abc import Iterator
from datetime import date, datetime, timedelta

from sqlalchemy import delete, inspect, select
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session

from schemas.models import (
    Analysis,
    CaseEvent,
    Commitment,
    Deadline,
    DocStatus,
    DocType,
    ErrorInfo,
    ExportRecord,
    Flag,
    FlagStatus,
    PriorDocument,
    SourceInfo,
    Span,
)
from schemas.tables import (
    AuditEntry,
    CaseEventRow,
    CommitmentMark,
    CommitmentRow,
    DeadlineRow,
    Document,
    FileAttempt,
    FileClaim,
    FlagRow,
    LabelledExample,
    Receipt,
    Run,
)


def document_id_for(sha256: str) -> str:
    """Stable for the same content."""
    return f"doc-{sha256[:16]}"


def utcnow() -> datetime:
    return datetime.now().astimezone()


# --------------------------------------------------------------------------- runs and claims


def start_run(session: Session, flow: str, today: date | None) -> Run:
    run = Run(
        id=str(uuid.uuid4()),
        flow=flow,
        started_at=utcnow(),
        status="running",
        host=socket.gethostname(),
        pid=os.getpid(),
        today=today,
        counts={},
    )
    session.add(run)
    return run


def finish_run(session: Session, run_id: str, status: str, counts: dict[str, int]) -> None:
    run = session.get(Run, run_id)
    if run is not None:
        run.status, run.finished_at, run.counts = status, utcnow(), counts


def claim_file(session: Session, path: str, run_id: str) -> bool:
    """Claim an inbox file for this run; False when another live run holds it."""
    try:
        with session.begin_nested():
            session.add(FileClaim(path=path, run_id=run_id, claimed_at=utcnow()))
        return True
    except IntegrityError:
        return False


def count_attempt(session: Session, path: str) -> int:
    """One more attempt at an inbox file; the number of attempts so far, this one included."""
    row = session.get(FileAttempt, path)
    if row is None:
        row = FileAttempt(path=path, attempts=0)
        session.add(row)
    row.attempts += 1
    row.updated_at = utcnow()
    return row.attempts


def note_attempt_error(session: Session, path: str, error: str) -> None:
    """What went wrong on the last attempt (an exception's class name: never the document's content).

    The attempt counts even when its row was cleared meanwhile (the file's analysis came back, then its
    commit or move failed): a file whose store fails every run still reaches GAPFLOW_MAX_ATTEMPTS."""
    row = session.get(FileAttempt, path)
    if row is None:
        row = FileAttempt(path=path, attempts=1)
        session.add(row)
    row.last_error = error[:500]
    row.updated_at = utcnow()


def attempt_error(session: Session, path: str) -> str | None:
    row = session.get(FileAttempt, path)
    return row.last_error if row is not None else None


def clear_attempts(session: Session, *paths: str) -> None:
    """The files reached processed/ or quarantine/ (their results are in this transaction), or their
    analysis came back: none of them is what killed a run."""
    if paths:
        session.execute(delete(FileAttempt).where(FileAttempt.path.in_(paths)))


def release_claims(session: Session, paths: list[str]) -> None:
    if paths:
        session.execute(delete(FileClaim).where(FileClaim.path.in_(paths)))


def release_dead_claims(session: Session, stale_after: timedelta, is_alive) -> int:  # type: ignore[no-untyped-def]
    """Drop claims of runs that ended, crashed (dead pid on this host) or went silent too long."""
    released = 0
    now = utcnow()
    host = socket.gethostname()
    for claim, run in session.execute(select(FileClaim, Run).join(Run, Run.id == FileClaim.run_id)).all():
        dead = run.status != "running" or (run.host == host and run.pid and not is_alive(run.pid))
        if dead or now - _aware(claim.claimed_at) > stale_after:
            # a statement, not session.delete: two runs starting together may both release the same
            # dead claim, and an ORM delete of a row already gone raises StaleDataError
            gone = session.execute(
                delete(FileClaim).where(FileClaim.path == claim.path, FileClaim.run_id == claim.run_id)
            )
            if run.status == "running" and dead:
                run.status = "crashed"
            released += gone.rowcount or 0
    return released


def _aware(value: datetime) -> datetime:
    return value if value.tzinfo else value.astimezone()


# --------------------------------------------------------------------------- documents


def find_by_sha(session: Session, sha256: str) -> Document | None:
    return session.scalar(select(Document).where(Document.sha256 == sha256))


def documents_by_id(session: Session, ids: list[str]) -> list[Document]:
    return list(session.scalars(select(Document).where(Document.id.in_(ids)))) if ids else []


def documents_by_sha(session: Session, shas: list[str]) -> dict[str, Document]:
    """The stored documents of these contents, in one query (a batch of results looks them up at once)."""
    if not shas:
        return {}
    return {d.sha256: d for d in session.scalars(select(Document).where(Document.sha256.in_(set(shas))))}


def pending_receipt(session: Session, sha256: str) -> Receipt | None:
    """The receipt of a file whose result was committed but whose move did not happen (a crash)."""
    for receipt in session.scalars(select(Receipt).where(Receipt.sha256 == sha256).order_by(Receipt.id.desc())):
        if receipt.stored_as and not os.path.exists(receipt.stored_as):
            return receipt
    return None


def add_receipt(
    session: Session, document_id: str, filename: str, sha256: str, received_at: datetime,
    outcome: str, stored_as: str | None, run_id: str | None,
) -> Receipt:
    receipt = Receipt(
        document_id=document_id, filename=filename, sha256=sha256, received_at=received_at,
        outcome=outcome, stored_as=stored_as, run_id=run_id, created_at=utcnow(),
    )
    session.add(receipt)
    return receipt


def create_document(
    session: Session, *, sha256: str, filename: str, received_at: datetime, run_id: str | None,
    fmt: str | None = None, pages: int | None = None, text: str | None = None,
    error: ErrorInfo | None = None, extractor_version: str | None = None,
) -> Document:
    now = utcnow()
    document = Document(
        id=document_id_for(sha256), sha256=sha256, filename=filename, format=fmt, pages=pages,
        received_at=received_at, status=DocStatus.quarantined if error else DocStatus.processed,
        error_code=error.code if error else None, error_message=error.message if error else None,
        text=text, fields={}, run_id=run_id, extractor_version=extractor_version,
        created_at=now, updated_at=now,
    )
    session.add(document)
    return document


def reopen_document(
    session: Session, document: Document, *, fmt: str, pages: int, text: str, run_id: str | None,
    extractor_version: str | None,
) -> Document:
    """A quarantined document whose file came back and can be read now (fixed, or a converter installed)."""
    document.status = DocStatus.processed
    document.error_code = document.error_message = None
    document.format, document.pages, document.text = fmt, pages, text
    document.run_id, document.extractor_version, document.updated_at = run_id, extractor_version, utcnow()
    return document


def store_analysis(session: Session, document: Document, analysis: Analysis, signature: list[int] | None) -> None:
    """Write an analysis over a document's previous one; flags keep their status and history."""
    document.doc_type = analysis.doc_type
    document.doc_type_confidence = analysis.doc_type_confidence
    document.fields = analysis.fields
    document.agency = analysis.fields.get("agency") if analysis.doc_type == DocType.work_report else None
    document.signature = signature
    document.updated_at = utcnow()
    duplicate = next((f for f in analysis.flags if f.rule_id == "report.duplicate"), None)
    if duplicate is not None:
        document.status = DocStatus.duplicate
        document.duplicate_of = _duplicate_target(session, duplicate)
    if not inspect(document).pending:  # a stored document: its old commitments go before the new are added
        document.commitments.clear()
        session.flush()
    for position, c in enumerate(analysis.commitments):
        document.commitments.append(
            CommitmentRow(
                position=position, text=c.text, action=c.action, cadence=c.cadence, schedule=c.schedule,
                responsible=c.responsible, channel=c.channel, section=c.section,
                start=c.evidence.start, end=c.evidence.end, page=c.evidence.page,
            )
        )
    sync_flags(session, document, analysis.flags)
    replace_deadlines(session, document, analysis.deadlines)


def mark_duplicate(session: Session, document: Document, flags: list[Flag]) -> None:
    """Status after the copy checks were run again: a duplicate of the document its flag names, or not."""
    duplicate = next((f for f in flags if f.rule_id == "report.duplicate"), None)
    if duplicate is not None:
        document.status = DocStatus.duplicate
        document.duplicate_of = _duplicate_target(session, duplicate)
    elif document.status == DocStatus.duplicate:
        document.status = DocStatus.processed
        document.duplicate_of = None


def reports_of_run(session: Session, run_id: str) -> list[Document]:
    """The work reports a run stored, in arrival order (received, then file name): the pass's order."""
    return list(
        session.scalars(
            select(Document)
            .where(Document.run_id == run_id, Document.doc_type == DocType.work_report,
                   Document.status != DocStatus.quarantined, Document.text.is_not(None))
            .order_by(Document.received_at, Document.filename, Document.id)
        )
    )


def _duplicate_target(session: Session, flag: Flag) -> str | None:
    text = (flag.evidence.text if flag.evidence else "") or ""
    for token in text.replace("，", " ").replace(",", " ").split():
        if token.startswith("doc-") and session.get(Document, token.strip("。；;")) is not None:
            return token.strip("。；;")
    return None


def flag_fingerprint(flag: Flag) -> str:
    """Same finding, same fingerprint: a re-evaluation updates the row instead of adding one."""
    evidence = flag.evidence
    key = [flag.rule_id, evidence.start if evidence else None, evidence.end if evidence else None]
    if flag.rule_id.endswith("_overdue") or flag.rule_id == "report.disclosure_overdue":
        key.append(str(flag.due_date))
    return hashlib.sha256(json.dumps(key).encode()).hexdigest()[:32]


def sync_flags(
    session: Session, document: Document, flags: list[Flag], actor: str = "system",
    rule_ids: set[str] | None = None,
) -> None:
    """Insert new findings, refresh known ones, retire what the engine no longer raises.

    `rule_ids` limits the sync to those rules (a partial re-evaluation leaves other flags alone).
    """
    existing = {
        row.fingerprint: row for row in document.flags if rule_ids is None or row.rule_id in rule_ids
    }
    seen = set()
    now = utcnow()
    for flag in flags:
        fp = flag_fingerprint(flag)
        if fp in seen:
            continue
        seen.add(fp)
        row = existing.get(fp)
        evidence = flag.evidence.model_dump(mode="json") if flag.evidence else None
        if row is None:
            document.flags.append(
                FlagRow(
                    fingerprint=fp, rule_id=flag.rule_id, severity=flag.severity, message=flag.message,
                    legal_basis=flag.legal_basis, evidence=evidence, due_date=flag.due_date,
                    status=FlagStatus.open, active=True, created_at=now, updated_at=now,
                )
            )
            continue
        row.severity, row.message, row.legal_basis = flag.severity, flag.message, flag.legal_basis
        row.evidence, row.due_date, row.updated_at = evidence, flag.due_date, now
        if not row.active:
            row.active = True
            if row.status == FlagStatus.resolved:
                _set_status(session, row, FlagStatus.open, actor, "规则再次命中")
    for fp, row in existing.items():
        if fp not in seen and row.active:
            row.active = False
            row.updated_at = now
            if row.status == FlagStatus.open:
                _set_status(session, row, FlagStatus.resolved, actor, "重新检查后不再命中")


def replace_deadlines(
    session: Session, document: Document, deadlines: list[Deadline], kinds: set[str] | None = None
) -> None:
    """Replace the document's deadlines (only those of `kinds` when given)."""
    removed = [r for r in document.deadlines if kinds is None or r.kind in kinds]
    for row in removed:
        document.deadlines.remove(row)
    if removed:
        session.flush()
    for d in deadlines:
        document.deadlines.append(
            DeadlineRow(kind=d.kind, due_date=d.due_date, basis=d.basis, status=d.status, provisional=d.provisional)
        )


def _set_status(session: Session, row: FlagRow, status: str, actor: str, note: str | None) -> None:
    previous = row.status
    row.status = status
    row.updated_at = utcnow()
    session.add(
        AuditEntry(
            at=utcnow(), actor=actor, action="flag.status", document_id=row.document_id, flag_id=row.id,
            detail={"from": previous, "to": status, "note": note},
        )
    )


def set_flag_status(session: Session, flag_id: int, status: FlagStatus, actor: str, note: str | None = None) -> FlagRow:
    row = session.get(FlagRow, flag_id)
    if row is None:
        raise LookupError(f"没有编号为 {flag_id} 的问题标记")
    session.flush()
    _set_status(session, row, status, actor, note)
    return row


def audit(session: Session, actor: str, action: str, document_id: str | None, **detail: object) -> None:
    session.add(AuditEntry(at=utcnow(), actor=actor, action=action, document_id=document_id, detail=detail))


# --------------------------------------------------------------------------- case events


def add_case_event(session: Session, document_id: str, event: CaseEvent, actor: str) -> CaseEventRow:
    document = session.get(Document, document_id)
    if document is None or document.doc_type != DocType.complaint:
        raise LookupError(f"没有编号为 {document_id} 的投诉件")
    row = CaseEventRow(kind=event.kind, on=event.on, note=event.note, actor=actor, created_at=utcnow())
    document.case_events.append(row)
    audit(session, actor, "case.event", document_id, kind=str(event.kind), on=event.on.isoformat())
    return row


def case_events(document: Document) -> list[CaseEvent]:
    return [CaseEvent(kind=e.kind, on=e.on, note=e.note) for e in document.case_events]


def commitment_marks(session: Session, document_id: str) -> set[tuple[str, date]]:
    rows = session.scalars(select(CommitmentMark).where(CommitmentMark.document_id == document_id))
    return {(m.commitment_key, m.due_date) for m in rows}


# --------------------------------------------------------------------------- queries


def documents_of_type(session: Session, doc_type: DocType) -> Iterator[Document]:
    yield from session.scalars(
        select(Document).where(Document.doc_type == doc_type, Document.status != DocStatus.quarantined)
        .order_by(Document.received_at)
    )


def stale_document_ids(session: Session, version: str) -> list[str]:
    """Documents with stored text whose results came from another extractor version, oldest first."""
    return list(
        session.scalars(
            select(Document.id)
            .where(Document.text.is_not(None))
            .where((Document.extractor_version != version) | Document.extractor_version.is_(None))
            .order_by(Document.created_at, Document.id)
        )
    )


def prior_documents(session: Session, exclude_id: str | None = None) -> list[PriorDocument]:
    """Stored work reports, as the report checks compare against them."""
    rows = session.execute(
        select(Document.id, Document.doc_type, Document.agency, Document.fields, Document.text, Document.received_at)
        .where(Document.doc_type == DocType.work_report, Document.text.is_not(None))
    ).all()
    return [
        PriorDocument(
            document_id=r.id, doc_type=r.doc_type, agency=r.agency, title=(r.fields or {}).get("title"),
            text=r.text, received_at=_aware(r.received_at),
        )
        for r in rows
        if r.id != exclude_id
    ]


def commitments_of(document: Document) -> list[Commitment]:
    return [
        Commitment(
            text=c.text, action=c.action, cadence=c.cadence, schedule=c.schedule, responsible=c.responsible,
            channel=c.channel, section=c.section, evidence=Span(start=c.start, end=c.end, page=c.page),
        )
        for c in document.commitments
    ]


def export_records(session: Session, with_text: bool = False) -> Iterator[ExportRecord]:
    for d in session.scalars(select(Document).order_by(Document.received_at, Document.id)):
        yield ExportRecord(
            document_id=d.id,
            source=SourceInfo(
                filename=d.filename, sha256=d.sha256, format=d.format, pages=d.pages,
                received_at=_aware(d.received_at),
            ),
            status=d.status,
            error=ErrorInfo(code=d.error_code, message=d.error_message or "") if d.error_code else None,
            doc_type=d.doc_type,
            doc_type_confidence=d.doc_type_confidence,
            fields=d.fields or {},
            commitments=commitments_of(d),
            flags=[
                Flag(
                    rule_id=f.rule_id, severity=f.severity, message=f.message, legal_basis=f.legal_basis,
                    evidence=f.evidence, due_date=f.due_date, status=f.status,
                )
                for f in d.flags
                if f.active or f.status in (FlagStatus.confirmed,)
            ],
            deadlines=[
                Deadline(kind=x.kind, due_date=x.due_date, basis=x.basis, status=x.status, provisional=x.provisional)
                for x in d.deadlines
            ],
            duplicate_of=d.duplicate_of,
            text=d.text if with_text else None,
        )


# --------------------------------------------------------------------------- labelled examples


def add_labelled_example(
    session: Session, document: Document, *, kind: str, target: str, label: str, actor: str,
    extracted: object = None, corrected: object = None, evidence: dict | None = None,
    flag_id: int | None = None, note: str | None = None,
) -> LabelledExample:
    """Keep a supervisor's decision as a training example, with the extractor version it judged."""
    row = LabelledExample(
        document_id=document.id, extractor_version=document.extractor_version, kind=kind, target=target,
        label=label, extracted=extracted, corrected=corrected, evidence=evidence, flag_id=flag_id, actor=actor,
        note=note, created_at=utcnow(),
    )
    session.add(row)
    return row


def labelled_examples(session: Session) -> Iterator[tuple[LabelledExample, Document]]:
    """Every labelled example with its document, oldest first."""
    yield from session.execute(
        select(LabelledExample, Document).join(Document, Document.id == LabelledExample.document_id)
        .order_by(LabelledExample.id)
    ).tuples()
