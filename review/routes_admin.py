"""Users and roles (admin only)."""

from __future__ import annotations

from urllib.parse import quote

from fastapi import APIRouter, Request
from fastapi.responses import RedirectResponse, Response

from review.deps import Admin, Ctx, Form, form_str, render
from services import accounts
from storage import accounts as account_rows

router = APIRouter()


@router.get("/admin/users")
def users(request: Request, ctx: Ctx, user: Admin) -> Response:
    with ctx.tx() as session:
        return render(
            request, "users.html", user, users=account_rows.all_users(session), roles=accounts.ROLES,
            message=request.query_params.get("message"), error=request.query_params.get("error"),
        )


def _done(message: str | None = None, error: str | None = None) -> RedirectResponse:
    query = f"message={quote(message)}" if message else f"error={quote(error or '')}"
    return RedirectResponse(f"/admin/users?{query}", status_code=303)


@router.post("/admin/users")
def create(ctx: Ctx, user: Admin, form: Form) -> Response:
    username = form_str(form, "username")
    try:
        with ctx.tx() as session:
            password = str(form.get("password") or "")
            accounts.create_user(session, username, form_str(form, "role"), password, user.username)
    except accounts.AccountError as e:
        return _done(error=str(e))
    return _done(message=f"已新建用户 {username}")


@router.post("/admin/users/{username}/role")
def change_role(username: str, ctx: Ctx, user: Admin, form: Form) -> Response:
    try:
        with ctx.tx() as session:
            accounts.set_role(session, username, form_str(form, "role"), user.username)
    except accounts.AccountError as e:
        return _done(error=str(e))
    return _done(message=f"已修改 {username} 的角色")


@router.post("/admin/users/{username}/active")
def change_active(username: str, ctx: Ctx, user: Admin, form: Form) -> Response:
    active = form_str(form, "active") == "1"
    try:
        with ctx.tx() as session:
            accounts.set_active(session, username, active, user.username)
    except accounts.AccountError as e:
        return _done(error=str(e))
    return _done(message=f"已{'启用' if active else '停用'} {username}")
