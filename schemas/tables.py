"""SQLAlchemy 2 tables. The schema is created and changed only through Alembic (storage/migrations).

A document is unique by its content (sha256). Every arrival of a file is a `Receipt`, so a file
dropped twice is one document with two receipts, the second marked duplicate. Flags carry a status
that supervisors change; every change is written to `AuditEntry`.
"""

from __future__ import annotations

from datetime import date, datetime
from typing import Any, ClassVar

from sqlalchemy import (
    JSON,
    Boolean,
    Date,
    DateTime,
    Float,
    ForeignKey,
    Index,
    Integer,
    String,
    Text,
    UniqueConstraint,
)
from sqlalchemy.dialects.postgresql import JSONB
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column, relationship

JsonType = JSON().with_variant(JSONB(), "postgresql")


class Base(DeclarativeBase):
    type_annotation_map: ClassVar = {dict[str, Any]: JsonType, list[Any]: JsonType}


class Run(Base):
    __tablename__ = "runs"

    id: Mapped[str] = mapped_column(String(36), primary_key=True)
    flow: Mapped[str] = mapped_column(String(32))  # run | nightly | reprocess
    started_at: Mapped[datetime] = mapped_column(DateTime(timezone=True))
    finished_at: Mapped[datetime | None] = mapped_column(DateTime(timezone=True))
    status: Mapped[str] = mapped_column(String(16), default="running")  # running | completed | failed
    host: Mapped[str | None] = mapped_column(String(255))
    pid: Mapped[int | None] = mapped_column(Integer)
    today: Mapped[date | None] = mapped_column(Date)
    counts: Mapped[dict[str, Any]] = mapped_column(default=dict)


class Document(Base):
    __tablename__ = "documents"

    id: Mapped[str] = mapped_column(String(40), primary_key=True)
    sha256: Mapped[str] = mapped_column(String(64), unique=True)
    filename: Mapped[str] = mapped_column(String(512))
    format: Mapped[str | None] = mapped_column(String(8))
    pages: Mapped[int | None] = mapped_column(Integer)
    received_at: Mapped[datetime] = mapped_column(DateTime(timezone=True))
    status: Mapped[str] = mapped_column(String(16))  # processed | quarantined | duplicate
    error_code: Mapped[str | None] = mapped_column(String(32))
    error_message: Mapped[str | None] = mapped_column(Text)
    doc_type: Mapped[str | None] = mapped_column(String(16), index=True)
    doc_type_confidence: Mapped[float | None] = mapped_column(Float)
    agency: Mapped[str | None] = mapped_column(String(255), index=True)
    text: Mapped[str | None] = mapped_column(Text)
    fields: Mapped[dict[str, Any]] = mapped_column(default=dict)
    signature: Mapped[list[Any] | None] = mapped_column(JsonType)
    duplicate_of: Mapped[str | None] = mapped_column(ForeignKey("documents.id"))
    extractor_version: Mapped[str | None] = mapped_column(String(32))
    run_id: Mapped[str | None] = mapped_column(ForeignKey("runs.id"))
    created_at: Mapped[datetime] = mapped_column(DateTime(timezone=True))
    updated_at: Mapped[datetime] = mapped_column(DateTime(timezone=True))

    commitments: Mapped[list[CommitmentRow]] = relationship(
        back_populates="document", cascade="all, delete-orphan", order_by="CommitmentRow.position"
    )
    flags: Mapped[list[FlagRow]] = relationship(
        back_populates="document", cascade="all, delete-orphan", order_by="FlagRow.id"
    )
    deadlines: Mapped[list[DeadlineRow]] = relationship(
        back_populates="document", cascade="all, delete-orphan", order_by="DeadlineRow.due_date"
    )
    case_events: Mapped[list[CaseEventRow]] = relationship(
        back_populates="document", cascade="all, delete-orphan", order_by="CaseEventRow.on"
    )


class Receipt(Base):
    """One arrival of a file in the inbox."""

    __tablename__ = "receipts"

    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    document_id: Mapped[str] = mapped_column(ForeignKey("documents.id"), index=True)
    filename: Mapped[str] = mapped_column(String(512))
    sha256: Mapped[str] = mapped_column(String(64), index=True)
    received_at: Mapped[datetime] = mapped_column(DateTime(timezone=True))
    outcome: Mapped[str] = mapped_column(String(16))  # processed | quarantined | duplicate
    stored_as: Mapped[str | None] = mapped_column(String(1024))
    run_id: Mapped[str | None] = mapped_column(ForeignKey("runs.id"))
    created_at: Mapped[datetime] = mapped_column(DateTime(timezone=True))


class CommitmentRow(Base):
    __tablename__ = "commitments"

    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    document_id: Mapped[str] = mapped_column(ForeignKey("documents.id"), index=True)
    position: Mapped[int] = mapped_column(Integer)
    text: Mapped[str] = mapped_column(Text)
    action: Mapped[str] = mapped_column(String(32))
    cadence: Mapped[str | None] = mapped_column(String(16))
    schedule: Mapped[str | None] = mapped_column(String(255))
    responsible: Mapped[str | None] = mapped_column(String(255))
    channel: Mapped[str | None] = mapped_column(String(255))
    section: Mapped[str | None] = mapped_column(String(512))
    start: Mapped[int] = mapped_column(Integer)
    end: Mapped[int] = mapped_column(Integer)
    page: Mapped[int | None] = mapped_column(Integer)

    document: Mapped[Document] = relationship(back_populates="commitments")


class FlagRow(Base):
    __tablename__ = "flags"
    __table_args__ = (UniqueConstraint("document_id", "fingerprint", name="uq_flag_fingerprint"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    document_id: Mapped[str] = mapped_column(ForeignKey("documents.id"), index=True)
    fingerprint: Mapped[str] = mapped_column(String(64))  # same finding on re-evaluation -> same row
    rule_id: Mapped[str] = mapped_column(String(96), index=True)
    severity: Mapped[str] = mapped_column(String(8))
    message: Mapped[str] = mapped_column(Text)
    legal_basis: Mapped[str | None] = mapped_column(String(255))
    evidence: Mapped[dict[str, Any] | None] = mapped_column(JsonType)
    due_date: Mapped[date | None] = mapped_column(Date)
    status: Mapped[str] = mapped_column(String(16), default="open", index=True)
    active: Mapped[bool] = mapped_column(Boolean, default=True)  # False: the last evaluation no longer raised it
    created_at: Mapped[datetime] = mapped_column(DateTime(timezone=True))
    updated_at: Mapped[datetime] = mapped_column(DateTime(timezone=True))

    document: Mapped[Document] = relationship(back_populates="flags")


class DeadlineRow(Base):
    __tablename__ = "deadlines"

    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    document_id: Mapped[str] = mapped_column(ForeignKey("documents.id"), index=True)
    kind: Mapped[str] = mapped_column(String(32))
    due_date: Mapped[date] = mapped_column(Date, index=True)
    basis: Mapped[str] = mapped_column(String(255))
    status: Mapped[str] = mapped_column(String(16))
    provisional: Mapped[bool] = mapped_column(Boolean, default=False)

    document: Mapped[Document] = relationship(back_populates="deadlines")


class CaseEventRow(Base):
    __tablename__ = "case_events"

    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    document_id: Mapped[str] = mapped_column(ForeignKey("documents.id"), index=True)
    kind: Mapped[str] = mapped_column(String(16))
    on: Mapped[date] = mapped_column(Date)
    note: Mapped[str | None] = mapped_column(Text)
    actor: Mapped[str | None] = mapped_column(String(128))
    created_at: Mapped[datetime] = mapped_column(DateTime(timezone=True))

    document: Mapped[Document] = relationship(back_populates="case_events")


class CommitmentMark(Base):
    """A supervisor's record that a scheduled disclosure was done."""

    __tablename__ = "commitment_marks"
    __table_args__ = (UniqueConstraint("commitment_key", "due_date", name="uq_commitment_mark"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    document_id: Mapped[str] = mapped_column(ForeignKey("documents.id"), index=True)
    commitment_key: Mapped[str] = mapped_column(String(64))
    due_date: Mapped[date] = mapped_column(Date)
    actor: Mapped[str | None] = mapped_column(String(128))
    created_at: Mapped[datetime] = mapped_column(DateTime(timezone=True))


class FileClaim(Base):
    """A worker's claim on an inbox file, so two workers never process one file."""

    __tablename__ = "file_claims"

    path: Mapped[str] = mapped_column(String(1024), primary_key=True)
    run_id: Mapped[str] = mapped_column(ForeignKey("runs.id"))
    claimed_at: Mapped[datetime] = mapped_column(DateTime(timezone=True))


class FileAttempt(Base):
    """How many times an inbox file (by claim key) was taken up without reaching processed/ or quarantine/.

    Counted when the file is claimed, removed when its analysis comes back or its result is committed
    (counted again if storing or moving it then fails): a file that kills its run, or fails for a reason
    nobody foresaw, is quarantined after GAPFLOW_MAX_ATTEMPTS runs instead of failing every run for ever."""

    __tablename__ = "file_attempts"

    path: Mapped[str] = mapped_column(String(1024), primary_key=True)
    attempts: Mapped[int] = mapped_column(Integer, default=0)
    last_error: Mapped[str | None] = mapped_column(Text)
    updated_at: Mapped[datetime] = mapped_column(DateTime(timezone=True))


class AuditEntry(Base):
    __tablename__ = "audit_log"
    __table_args__ = (Index("ix_audit_document", "document_id"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    at: Mapped[datetime] = mapped_column(DateTime(timezone=True))
    actor: Mapped[str] = mapped_column(String(128))
    action: Mapped[str] = mapped_column(String(64))
    document_id: Mapped[str | None] = mapped_column(String(40))
    flag_id: Mapped[int | None] = mapped_column(Integer)
    detail: Mapped[dict[str, Any]] = mapped_column(default=dict)


# --------------------------------------------------------------------------- review app (migration 0002)


class User(Base):
    """A review-app account. Roles: admin (users), supervisor (flags, case events), intake (uploads)."""

    __tablename__ = "users"

    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    username: Mapped[str] = mapped_column(String(64), unique=True)
    role: Mapped[str] = mapped_column(String(16))
    password_hash: Mapped[str] = mapped_column(String(255))  # argon2id, never a plain password
    active: Mapped[bool] = mapped_column(Boolean, default=True)
    created_at: Mapped[datetime] = mapped_column(DateTime(timezone=True))
    last_login_at: Mapped[datetime | None] = mapped_column(DateTime(timezone=True))


class LoginSession(Base):
    """A signed-in browser. The cookie holds a random token; only its SHA-256 is stored."""

    __tablename__ = "login_sessions"

    token_hash: Mapped[str] = mapped_column(String(64), primary_key=True)
    user_id: Mapped[int] = mapped_column(ForeignKey("users.id", ondelete="CASCADE"), index=True)
    created_at: Mapped[datetime] = mapped_column(DateTime(timezone=True))
    expires_at: Mapped[datetime] = mapped_column(DateTime(timezone=True))


class LoginAttempt(Base):
    """Every sign-in attempt, for throttling (by user name and by address)."""

    __tablename__ = "login_attempts"
    __table_args__ = (
        Index("ix_login_attempts_username_at", "username", "at"), Index("ix_login_attempts_ip_at", "ip", "at")
    )

    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    username: Mapped[str] = mapped_column(String(64))
    ip: Mapped[str] = mapped_column(String(64))
    at: Mapped[datetime] = mapped_column(DateTime(timezone=True))
    success: Mapped[bool] = mapped_column(Boolean)


class Upload(Base):
    """A file an intake user put into the inbox from the browser; joined to its document by sha256."""

    __tablename__ = "uploads"

    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    username: Mapped[str] = mapped_column(String(64), index=True)
    filename: Mapped[str] = mapped_column(String(512))
    sha256: Mapped[str] = mapped_column(String(64), index=True)
    size: Mapped[int] = mapped_column(Integer)
    uploaded_at: Mapped[datetime] = mapped_column(DateTime(timezone=True))


class SearchEntry(Base):
    """A document's text cut into jieba words separated by spaces, for full-text search.

    On SQLite, migration 0002 also creates the FTS5 table `search_fts(document_id UNINDEXED, tokens)`
    kept beside this one; on PostgreSQL it adds a GIN index on to_tsvector('simple', tokens).
    """

    __tablename__ = "search_entries"

    document_id: Mapped[str] = mapped_column(ForeignKey("documents.id", ondelete="CASCADE"), primary_key=True)
    tokens: Mapped[str] = mapped_column(Text)
    indexed_at: Mapped[datetime] = mapped_column(DateTime(timezone=True))
class LabelledExample(Base):
    """A supervisor's decision kept as a training example: a flag confirmed or dismissed, a field corrected.

    With the extractor version that produced what was judged and the document it was judged on, so a later
    command can retrain the models from an office's own decisions (`gapflow feedback export`)."""

    __tablename__ = "labelled_examples"

    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    document_id: Mapped[str] = mapped_column(ForeignKey("documents.id"), index=True)
    extractor_version: Mapped[str | None] = mapped_column(String(32))
    kind: Mapped[str] = mapped_column(String(16))  # flag | field
    target: Mapped[str] = mapped_column(String(96), index=True)  # rule id, or field path (complainant.name)
    label: Mapped[str] = mapped_column(String(16))  # confirmed | dismissed | corrected
    extracted: Mapped[Any] = mapped_column(JsonType, nullable=True)  # what the extractor said
    corrected: Mapped[Any] = mapped_column(JsonType, nullable=True)  # what the supervisor says (fields)
    evidence: Mapped[dict[str, Any] | None] = mapped_column(JsonType)
    flag_id: Mapped[int | None] = mapped_column(Integer)
    actor: Mapped[str] = mapped_column(String(128))
    note: Mapped[str | None] = mapped_column(Text)
    created_at: Mapped[datetime] = mapped_column(DateTime(timezone=True))
