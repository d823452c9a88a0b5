"""What the review app reads: the flag queue, the dashboard's counts, the audit log, full-text search."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import date, datetime

from sqlalchemy import delete, func, insert, or_, select, text
from sqlalchemy.orm import Session

from schemas.models import DocStatus, FlagStatus
from schemas.tables import AuditEntry, DeadlineRow, Document, FlagRow, Receipt, SearchEntry
from storage.repo import utcnow

QUEUE_LIMIT = 500


@dataclass(frozen=True)
class QueueFilter:
    """The queue's filters, as the URL carries them. Empty means any."""

    doc_type: str | None = None
    rule_id: str | None = None
    severity: str | None = None
    status: str | None = FlagStatus.open.value
    agency: str | None = None
    received_from: date | None = None
    received_to: date | None = None


def queue(session: Session, f: QueueFilter, limit: int = QUEUE_LIMIT) -> list[tuple[FlagRow, Document]]:
    """Flags with their documents, the nearest due date first, undated flags last."""
    query = select(FlagRow, Document).join(Document, Document.id == FlagRow.document_id)
    query = query.where(or_(FlagRow.active.is_(True), FlagRow.status != FlagStatus.open))
    if f.doc_type:
        query = query.where(Document.doc_type == f.doc_type)
    if f.rule_id:
        query = query.where(FlagRow.rule_id == f.rule_id)
    if f.severity:
        query = query.where(FlagRow.severity == f.severity)
    if f.status:
        query = query.where(FlagRow.status == f.status)
    if f.agency:
        query = query.where(Document.agency.contains(f.agency))
    if f.received_from:
        query = query.where(Document.received_at >= datetime.combine(f.received_from, datetime.min.time()))
    if f.received_to:
        query = query.where(Document.received_at < datetime.combine(f.received_to, datetime.max.time()))
    query = query.order_by(FlagRow.due_date.is_(None), FlagRow.due_date, Document.received_at, FlagRow.id)
    return list(session.execute(query.limit(limit)).tuples())


def flags_by_ids(session: Session, ids: list[int]) -> list[FlagRow]:
    return list(session.scalars(select(FlagRow).where(FlagRow.id.in_(ids))))


def distinct_values(session: Session) -> dict[str, list[str]]:
    """What the queue's filter menus offer."""
    rules = session.scalars(select(FlagRow.rule_id).distinct().order_by(FlagRow.rule_id))
    agencies = session.scalars(
        select(Document.agency).where(Document.agency.is_not(None)).distinct().order_by(Document.agency)
    )
    return {"rule_id": list(rules), "agency": list(agencies)}


def open_flags_by(session: Session, column: str) -> list[tuple[str, int]]:
    """Open flags counted by rule id or by agency, most first."""
    key = FlagRow.rule_id if column == "rule_id" else func.coalesce(Document.agency, "（投诉件及其他）")
    rows = session.execute(
        select(key, func.count()).select_from(FlagRow).join(Document, Document.id == FlagRow.document_id)
        .where(FlagRow.status == FlagStatus.open, FlagRow.active.is_(True))
        .group_by(key).order_by(func.count().desc(), key)
    ).all()
    return [(r[0], r[1]) for r in rows]


def deadlines_until(session: Session, until: date) -> list[tuple[DeadlineRow, Document]]:
    """Deadlines not met and due by `until` (overdue ones included), acceptances first within a day."""
    query = (
        select(DeadlineRow, Document).join(Document, Document.id == DeadlineRow.document_id)
        .where(DeadlineRow.status != "met", DeadlineRow.due_date <= until)
        .order_by(DeadlineRow.due_date, DeadlineRow.kind != "acceptance", DeadlineRow.id)
    )
    return list(session.execute(query).tuples())


def weekly_counts(session: Session, since: date, column: str) -> list[datetime]:
    """Timestamps to bucket by week: flag creation (`flags`) or document arrival (`documents`)."""
    if column == "flags":
        return [r for r in session.scalars(select(FlagRow.created_at).where(FlagRow.created_at >= since))]
    return [r for r in session.scalars(select(Document.received_at).where(Document.received_at >= since))]


def document_counts(session: Session) -> dict[str, int]:
    rows = session.execute(select(Document.status, func.count()).group_by(Document.status)).all()
    return {r[0]: r[1] for r in rows}


def receipts_of(session: Session, document_id: str) -> list[Receipt]:
    return list(session.scalars(select(Receipt).where(Receipt.document_id == document_id).order_by(Receipt.id)))


def documents_by_sha(session: Session, shas: list[str]) -> dict[str, Document]:
    if not shas:
        return {}
    return {d.sha256: d for d in session.scalars(select(Document).where(Document.sha256.in_(shas)))}


def duplicates_of(session: Session, document_id: str) -> list[Document]:
    return list(session.scalars(select(Document).where(Document.duplicate_of == document_id)))


def existing_document_ids(session: Session, ids: set[str]) -> set[str]:
    if not ids:
        return set()
    return set(session.scalars(select(Document.id).where(Document.id.in_(ids))))


def quarantined(session: Session, limit: int = 100) -> list[Document]:
    return list(session.scalars(
        select(Document).where(Document.status == DocStatus.quarantined).order_by(Document.received_at.desc())
        .limit(limit)
    ))


# --------------------------------------------------------------------------- audit


@dataclass(frozen=True)
class AuditFilter:
    actor: str | None = None
    action: str | None = None
    document_id: str | None = None
    since: date | None = None
    until: date | None = None


def audit_entries(session: Session, f: AuditFilter, limit: int = 500) -> list[AuditEntry]:
    query = select(AuditEntry).order_by(AuditEntry.at.desc(), AuditEntry.id.desc())
    if f.actor:
        query = query.where(AuditEntry.actor == f.actor)
    if f.action:
        query = query.where(AuditEntry.action == f.action)
    if f.document_id:
        query = query.where(AuditEntry.document_id == f.document_id)
    if f.since:
        query = query.where(AuditEntry.at >= datetime.combine(f.since, datetime.min.time()))
    if f.until:
        query = query.where(AuditEntry.at < datetime.combine(f.until, datetime.max.time()))
    return list(session.scalars(query.limit(limit)))


def audit_actions(session: Session) -> list[str]:
    return list(session.scalars(select(AuditEntry.action).distinct().order_by(AuditEntry.action)))


# --------------------------------------------------------------------------- full-text search


def unindexed_documents(session: Session) -> list[Document]:
    """Documents with text that are not indexed yet, or changed since they were indexed."""
    query = (
        select(Document).outerjoin(SearchEntry, SearchEntry.document_id == Document.id)
        .where(Document.text.is_not(None))
        .where(or_(SearchEntry.document_id.is_(None), SearchEntry.indexed_at < Document.updated_at))
    )
    return list(session.scalars(query))


def index_document(session: Session, document_id: str, tokens: str) -> None:
    session.execute(delete(SearchEntry).where(SearchEntry.document_id == document_id))
    session.execute(insert(SearchEntry).values(document_id=document_id, tokens=tokens, indexed_at=utcnow()))
    if session.get_bind().dialect.name == "sqlite":
        session.execute(text("DELETE FROM search_fts WHERE document_id = :d"), {"d": document_id})
        session.execute(text("INSERT INTO search_fts (document_id, tokens) VALUES (:d, :t)"),
                        {"d": document_id, "t": tokens})


def search(session: Session, words: list[str], limit: int = 100) -> list[Document]:
    """Documents containing every word (jieba words of the query), best match first."""
    if not words:
        return []
    dialect = session.get_bind().dialect.name
    if dialect == "sqlite":
        match = " AND ".join('"' + w.replace('"', '""') + '"' for w in words)
        rows = session.execute(
            text("SELECT document_id FROM search_fts WHERE search_fts MATCH :q ORDER BY rank LIMIT :n"),
            {"q": match, "n": limit},
        ).scalars()
    elif dialect == "postgresql":
        rows = session.execute(
            text(
                "SELECT document_id FROM search_entries, plainto_tsquery('simple', :q) AS query "
                "WHERE to_tsvector('simple', tokens) @@ query "
                "ORDER BY ts_rank(to_tsvector('simple', tokens), query) DESC LIMIT :n"
            ),
            {"q": " ".join(words), "n": limit},
        ).scalars()
    else:  # any other database: a plain substring match over the token text
        like: Callable[[str], object] = lambda w: SearchEntry.tokens.contains(f" {w} ")  # noqa: E731
        rows = session.scalars(select(SearchEntry.document_id).where(*[like(w) for w in words]).limit(limit))
    ids = list(rows)
    found = {d.id: d for d in session.scalars(select(Document).where(Document.id.in_(ids)))}
    return [found[i] for i in ids if i in found]
