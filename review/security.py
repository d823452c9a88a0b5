"""The session secret, CSRF tokens and cookie names.

The secret comes from GAPFLOW_SECRET_KEY. Without it, the first start generates one and keeps it in
GAPFLOW_HOME/secret_key (mode 0600), so every later start (and every worker on that machine) signs
with the same key. A weak or well-known value is refused outside development.
"""

from __future__ import annotations

import hashlib
import hmac
import os
import secrets
from pathlib import Path

from config.settings import Settings

SESSION_COOKIE = "gapflow_session"
LOGIN_COOKIE = "gapflow_login"  # a random nonce before sign-in, to bind the login form's CSRF token
CSRF_FIELD = "csrf_token"
SECRET_FILE = "secret_key"
MIN_SECRET_LENGTH = 32
WEAK_SECRETS = {"changethis", "change-me", "changeme", "secret", "development", "dev", "test", "gapflow"}


class SecretError(RuntimeError):
    """The configured secret is not fit for use; the message says what to do."""


def resolve_secret(settings: Settings) -> str:
    configured = settings.secret_key
    if configured is not None:
        weak = configured.strip().lower() in WEAK_SECRETS or len(configured) < MIN_SECRET_LENGTH
        if weak and not settings.development:
            raise SecretError(
                f"GAPFLOW_SECRET_KEY 太弱（至少 {MIN_SECRET_LENGTH} 个字符，且不能是默认值）。"
                "请用 python -c \"import secrets; print(secrets.token_urlsafe(48))\" 生成，或删除该设置让系统自动生成。"
            )
        return configured
    return _persisted_secret(settings.home / SECRET_FILE)


def _persisted_secret(path: Path) -> str:
    if path.exists():
        value = path.read_text(encoding="utf-8").strip()
        if len(value) >= MIN_SECRET_LENGTH:
            return value
    path.parent.mkdir(parents=True, exist_ok=True)
    value = secrets.token_urlsafe(48)
    fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
    with os.fdopen(fd, "w", encoding="utf-8") as out:
        out.write(value + "\n")
    os.chmod(path, 0o600)
    return value


def csrf_token(secret: str, purpose: str, binding: str) -> str:
    """A token bound to the session (or the login nonce): a form from another site cannot know it."""
    return hmac.new(secret.encode(), f"{purpose}|{binding}".encode(), hashlib.sha256).hexdigest()


def csrf_valid(secret: str, purpose: str, binding: str | None, submitted: str | None) -> bool:
    if not binding or not submitted:
        return False
    return hmac.compare_digest(csrf_token(secret, purpose, binding), submitted)
