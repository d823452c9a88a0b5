"""Review-app accounts: creating users, signing in (argon2, throttled), login sessions."""

from __future__ import annotations

import hashlib
import re
import secrets
from dataclasses import dataclass
from datetime import datetime, timedelta

from argon2 import PasswordHasher
from argon2.exceptions import InvalidHashError, VerificationError
from sqlalchemy.orm import Session

from schemas.tables import User
from storage import accounts, repo

ROLES = {"admin": "管理员", "supervisor": "审核员", "intake": "受理员"}
MIN_PASSWORD_LENGTH = 10
USERNAME_PATTERN = re.compile(r"^[A-Za-z0-9_.\-\u4e00-\u9fff]{2,32}$")
SESSION_LIFETIME = timedelta(hours=12)
THROTTLE_WINDOW = timedelta(minutes=15)
MAX_FAILURES_PER_USER = 5
MAX_FAILURES_PER_ADDRESS = 20

_hasher = PasswordHasher()  # argon2id with the library's current defaults
# Verified against when the user name is unknown, so a wrong name costs as long as a wrong password.
_DUMMY_HASH = _hasher.hash(secrets.token_urlsafe(16))


class AccountError(ValueError):
    """A user could not be created or changed; the message is for staff, in Chinese."""


class LoginThrottled(Exception):
    """Too many failed sign-ins for this name or address."""


@dataclass(frozen=True)
class SignedIn:
    user: User
    token: str  # goes into the cookie; only its hash is stored


def check_role(role: str) -> str:
    if role not in ROLES:
        allowed = "、".join(f"{k}（{v}）" for k, v in ROLES.items())
        raise AccountError(f"角色不正确：{role}。可选：{allowed}")
    return role


def check_password(password: str) -> None:
    if len(password) < MIN_PASSWORD_LENGTH:
        raise AccountError(f"密码至少 {MIN_PASSWORD_LENGTH} 个字符")


def create_user(session: Session, username: str, role: str, password: str, actor: str = "system") -> User:
    """A new account. There is no default password: the caller always supplies one."""
    if not USERNAME_PATTERN.match(username):
        raise AccountError("用户名须为 2–32 个字母、数字、汉字或 _ . -")
    check_role(role)
    check_password(password)
    if accounts.user_by_name(session, username) is not None:
        raise AccountError(f"用户 {username} 已存在")
    user = accounts.add_user(session, username, role, _hasher.hash(password))
    repo.audit(session, actor, "user.create", None, username=username, role=role)
    return user


def set_role(session: Session, username: str, role: str, actor: str) -> User:
    user = _existing(session, username)
    before = user.role
    user.role = check_role(role)
    repo.audit(session, actor, "user.role", None, username=username, **{"from": before, "to": role})
    return user


def set_active(session: Session, username: str, active: bool, actor: str) -> User:
    user = _existing(session, username)
    if not active and user.username == actor:
        raise AccountError("不能停用自己的账号")
    before = user.active
    user.active = active
    if not active:
        accounts.drop_sessions_of(session, user.id)
    repo.audit(session, actor, "user.active", None, username=username, **{"from": before, "to": active})
    return user


def _existing(session: Session, username: str) -> User:
    user = accounts.user_by_name(session, username)
    if user is None:
        raise AccountError(f"没有用户 {username}")
    return user


def sign_in(session: Session, username: str, password: str, ip: str) -> SignedIn | None:
    """A login session for the right password; None for a wrong one. Raises LoginThrottled first when
    the name or the address failed too often lately (the password is then not even checked)."""
    since = repo.utcnow() - THROTTLE_WINDOW
    if (
        accounts.failed_logins_since(session, since, username=username) >= MAX_FAILURES_PER_USER
        or accounts.failed_logins_since(session, since, ip=ip) >= MAX_FAILURES_PER_ADDRESS
    ):
        raise LoginThrottled
    user = accounts.user_by_name(session, username)
    ok = _verify(user.password_hash if user else _DUMMY_HASH, password) and user is not None and user.active
    accounts.record_login_attempt(session, username, ip, ok)
    if not ok or user is None:
        return None
    if _hasher.check_needs_rehash(user.password_hash):
        user.password_hash = _hasher.hash(password)
    user.last_login_at = repo.utcnow()
    token = secrets.token_urlsafe(32)
    accounts.add_login_session(session, token_hash(token), user.id, repo.utcnow() + SESSION_LIFETIME)
    repo.audit(session, username, "user.login", None)
    return SignedIn(user, token)


def _verify(stored: str, password: str) -> bool:
    try:
        return _hasher.verify(stored, password)
    except (VerificationError, InvalidHashError):
        return False


def user_for_token(session: Session, token: str | None, now: datetime | None = None) -> User | None:
    if not token:
        return None
    return accounts.user_of_session(session, token_hash(token), now or repo.utcnow())


def sign_out(session: Session, token: str) -> None:
    accounts.drop_login_session(session, token_hash(token))


def token_hash(token: str) -> str:
    return hashlib.sha256(token.encode()).hexdigest()
