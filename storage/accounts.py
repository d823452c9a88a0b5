"""Review-app accounts: users, login sessions, login attempts, uploads. SQL only; hashing is the caller's."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import delete, func, select
from sqlalchemy.orm import Session

from schemas.tables import LoginAttempt, LoginSession, Upload, User
from storage.repo import utcnow


def user_by_name(session: Session, username: str) -> User | None:
    return session.scalar(select(User).where(User.username == username))


def all_users(session: Session) -> list[User]:
    return list(session.scalars(select(User).order_by(User.username)))


def add_user(session: Session, username: str, role: str, password_hash: str) -> User:
    user = User(username=username, role=role, password_hash=password_hash, active=True, created_at=utcnow())
    session.add(user)
    session.flush()
    return user


def add_login_session(session: Session, token_hash: str, user_id: int, expires_at: datetime) -> None:
    session.add(LoginSession(token_hash=token_hash, user_id=user_id, created_at=utcnow(), expires_at=expires_at))


def user_of_session(session: Session, token_hash: str, now: datetime) -> User | None:
    row = session.get(LoginSession, token_hash)
    if row is None:
        return None
    expires = row.expires_at if row.expires_at.tzinfo else row.expires_at.astimezone()
    if expires <= now:
        session.delete(row)
        return None
    user = session.get(User, row.user_id)
    return user if user is not None and user.active else None


def drop_login_session(session: Session, token_hash: str) -> None:
    session.execute(delete(LoginSession).where(LoginSession.token_hash == token_hash))


def drop_sessions_of(session: Session, user_id: int) -> None:
    session.execute(delete(LoginSession).where(LoginSession.user_id == user_id))


def record_login_attempt(session: Session, username: str, ip: str, success: bool) -> None:
    session.add(LoginAttempt(username=username[:64], ip=ip[:64], at=utcnow(), success=success))


def failed_logins_since(session: Session, since: datetime, username: str | None = None, ip: str | None = None) -> int:
    query = select(func.count()).select_from(LoginAttempt)
    query = query.where(LoginAttempt.at >= since, LoginAttempt.success.is_(False))
    if username is not None:
        query = query.where(LoginAttempt.username == username)
    if ip is not None:
        query = query.where(LoginAttempt.ip == ip)
    return session.scalar(query) or 0


def add_upload(session: Session, username: str, filename: str, sha256: str, size: int) -> Upload:
    upload = Upload(username=username, filename=filename, sha256=sha256, size=size, uploaded_at=utcnow())
    session.add(upload)
    session.flush()
    return upload


def uploads(session: Session, username: str | None = None, limit: int = 200) -> list[Upload]:
    query = select(Upload).order_by(Upload.uploaded_at.desc(), Upload.id.desc()).limit(limit)
    if username is not None:
        query = query.where(Upload.username == username)
    return list(session.scalars(query))
