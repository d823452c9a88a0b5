"""Sign in, sign out, health."""

from __future__ import annotations

import secrets

from fastapi import APIRouter, HTTPException, Request
from fastapi.responses import PlainTextResponse, RedirectResponse, Response
from sqlalchemy import text

from review.deps import TEMPLATES, Ctx, Form
from review.security import CSRF_FIELD, LOGIN_COOKIE, SESSION_COOKIE, csrf_token, csrf_valid
from services import accounts

router = APIRouter()


@router.get("/healthz")
def healthz(ctx: Ctx) -> PlainTextResponse:
    try:
        with ctx.rt.engine.connect() as conn:
            conn.execute(text("SELECT 1"))
    except Exception as e:  # any database failure means "not healthy"
        raise HTTPException(503, "数据库无响应") from e
    return PlainTextResponse("ok")


def _secure(request: Request) -> bool:
    return request.url.scheme == "https"


def _login_page(request: Request, ctx: Ctx, error: str | None = None, status_code: int = 200) -> Response:
    nonce = secrets.token_urlsafe(24)
    response = TEMPLATES.TemplateResponse(
        request, "login.html",
        {"user": None, "csrf": csrf_token(ctx.secret, "login", nonce), "error": error},
        status_code=status_code,
    )
    response.set_cookie(LOGIN_COOKIE, nonce, httponly=True, samesite="strict", secure=_secure(request), max_age=3600)
    response.headers["Cache-Control"] = "no-store"
    return response


@router.get("/login")
def login_form(request: Request, ctx: Ctx) -> Response:
    return _login_page(request, ctx)


@router.post("/login")
async def login(request: Request, ctx: Ctx) -> Response:
    form = await request.form()
    submitted = form.get(CSRF_FIELD)
    nonce = request.cookies.get(LOGIN_COOKIE)
    if not csrf_valid(ctx.secret, "login", nonce, submitted if isinstance(submitted, str) else None):
        return _login_page(request, ctx, "登录表单已过期，请重新输入", status_code=403)
    username = str(form.get("username") or "").strip()
    password = str(form.get("password") or "")
    ip = request.client.host if request.client else "unknown"
    try:
        with ctx.tx() as session:
            signed = accounts.sign_in(session, username, password, ip)
    except accounts.LoginThrottled:
        return _login_page(request, ctx, "登录失败次数过多，请 15 分钟后再试", status_code=429)
    if signed is None:
        return _login_page(request, ctx, "用户名或密码不正确", status_code=401)
    response = RedirectResponse("/", status_code=303)
    response.set_cookie(
        SESSION_COOKIE, signed.token, httponly=True, samesite="lax", secure=_secure(request),
        max_age=int(accounts.SESSION_LIFETIME.total_seconds()),
    )
    response.delete_cookie(LOGIN_COOKIE)
    return response


@router.post("/logout")
def logout(request: Request, ctx: Ctx, _form: Form) -> Response:
    token = request.cookies.get(SESSION_COOKIE)
    if token:
        with ctx.tx() as session:
            accounts.sign_out(session, token)
    response = RedirectResponse("/login", status_code=303)
    response.delete_cookie(SESSION_COOKIE)
    return response
