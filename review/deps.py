"""What every route needs: the app's context, the signed-in user, role checks, CSRF, rendering."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Annotated, Any

from fastapi import Depends, HTTPException, Request
from fastapi.templating import Jinja2Templates
from sqlalchemy.orm import Session
from starlette.datastructures import FormData

from config.runtime import Runtime
from review import labels
from review.security import CSRF_FIELD, SESSION_COOKIE, csrf_token, csrf_valid
from services import accounts
from services.privacy import sees_personal_data
from storage.db import transaction

TEMPLATES = Jinja2Templates(directory=str(Path(__file__).parent / "templates"))
TEMPLATES.env.globals.update(labels=labels)


@dataclass(frozen=True)
class ReviewContext:
    rt: Runtime
    secret: str
    development: bool
    today: Callable[[], date]
    process_now: Callable[[], list[dict]] | None = None  # the inbox pass without a scheduler, when offered

    @contextmanager
    def tx(self) -> Iterator[Session]:
        """One transaction, committed before the response leaves (a redirect then shows the change)."""
        with transaction(self.rt.sessions) as session:
            yield session


@dataclass(frozen=True)
class CurrentUser:
    id: int
    username: str
    role: str
    token: str

    @property
    def role_label(self) -> str:
        return accounts.ROLES.get(self.role, self.role)

    @property
    def unmasked(self) -> bool:
        return sees_personal_data(self.role)


class NotSignedIn(Exception):
    """Raised by the user dependency; answered with a redirect to /login (or 401 for a non-GET)."""


def context(request: Request) -> ReviewContext:
    return request.app.state.review


Ctx = Annotated[ReviewContext, Depends(context)]


def current_user(request: Request, ctx: Ctx) -> CurrentUser:
    token = request.cookies.get(SESSION_COOKIE)
    with ctx.tx() as session:
        user = accounts.user_for_token(session, token)
        if user is None or token is None:
            raise NotSignedIn
        return CurrentUser(user.id, user.username, user.role, token)


User = Annotated[CurrentUser, Depends(current_user)]


def require(*roles: str) -> Callable[[CurrentUser], CurrentUser]:
    def check(user: User) -> CurrentUser:
        if user.role not in roles:
            allowed = "、".join(accounts.ROLES[r] for r in roles)
            raise HTTPException(403, f"此操作仅限{allowed}")
        return user

    return check


Supervisor = Annotated[CurrentUser, Depends(require("supervisor"))]
Auditor = Annotated[CurrentUser, Depends(require("supervisor", "admin"))]
Admin = Annotated[CurrentUser, Depends(require("admin"))]
Intake = Annotated[CurrentUser, Depends(require("intake"))]


async def checked_form(request: Request, user: User, ctx: Ctx) -> FormData:
    """The posted form, refused unless it carries this session's CSRF token."""
    form = await request.form()
    submitted = form.get(CSRF_FIELD)
    if not csrf_valid(ctx.secret, "session", user.token, submitted if isinstance(submitted, str) else None):
        raise HTTPException(403, "表单已过期或来源不明（CSRF 校验失败），请刷新页面后重试")
    return form


Form = Annotated[FormData, Depends(checked_form)]


def render(request: Request, name: str, user: CurrentUser | None, status_code: int = 200, **values: Any):
    ctx: ReviewContext = request.app.state.review
    token = csrf_token(ctx.secret, "session", user.token) if user else None
    response = TEMPLATES.TemplateResponse(
        request, name, {"user": user, "csrf": token, "today": ctx.today(), **values}, status_code=status_code
    )
    response.headers["Cache-Control"] = "no-store"
    return response


def form_str(form: FormData, name: str) -> str:
    value = form.get(name)
    return value.strip() if isinstance(value, str) else ""
