"""The FastAPI application: one context (runtime, secret, clock), security headers, error pages."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date

from fastapi import FastAPI, HTTPException, Request
from fastapi.responses import PlainTextResponse, RedirectResponse, Response
from starlette.exceptions import HTTPException as StarletteHTTPException

from config.runtime import Runtime, today_in_beijing
from review import routes_actions, routes_admin, routes_auth, routes_intake, routes_pages
from review.deps import TEMPLATES, NotSignedIn, ReviewContext

SECURITY_HEADERS = {
    "X-Frame-Options": "DENY",
    "X-Content-Type-Options": "nosniff",
    "Referrer-Policy": "same-origin",
    "Content-Security-Policy": (
        "default-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; "
        "script-src 'self'; form-action 'self'; frame-ancestors 'none'"
    ),
}


def create_app(
    rt: Runtime,
    secret: str,
    *,
    development: bool = False,
    today: Callable[[], date] | None = None,
    process_now: Callable[[], list[dict]] | None = None,
) -> FastAPI:
    """The review app over one runtime. `today` fixes the clock (tests, replays); `process_now` is the
    inbox pass the upload page may start at once (given by the command line, which may import flows)."""
    app = FastAPI(
        title="gapflow 审核系统", debug=development, docs_url=None, redoc_url=None, openapi_url=None
    )
    app.state.review = ReviewContext(rt, secret, development, today or today_in_beijing, process_now)
    for module in (routes_auth, routes_pages, routes_actions, routes_intake, routes_admin):
        app.include_router(module.router)

    @app.middleware("http")
    async def security_headers(request: Request, call_next):  # type: ignore[no-untyped-def]
        response: Response = await call_next(request)
        for name, value in SECURITY_HEADERS.items():
            response.headers.setdefault(name, value)
        return response

    @app.exception_handler(NotSignedIn)
    async def not_signed_in(request: Request, _exc: NotSignedIn) -> Response:
        if request.method == "GET":
            return RedirectResponse("/login", status_code=303)
        return PlainTextResponse("未登录", status_code=401)

    @app.exception_handler(StarletteHTTPException)
    async def http_error(request: Request, exc: HTTPException) -> Response:
        message = exc.detail if isinstance(exc.detail, str) else "请求无法完成"
        if exc.status_code == 404 and message == "Not Found":
            message = "页面不存在"
        return TEMPLATES.TemplateResponse(
            request, "error.html", {"user": None, "message": message, "status": exc.status_code},
            status_code=exc.status_code,
        )

    return app
