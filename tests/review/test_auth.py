"""Signing in: every route but the login page and /healthz refuses an anonymous request; CSRF; throttling."""

from __future__ import annotations

import re

import pytest
from fastapi.routing import APIRoute

from tests.review.conftest import PASSWORD, csrf_of, page_csrf, sign_in

OPEN_ROUTES = {("GET", "/login"), ("POST", "/login"), ("GET", "/healthz")}


def _api_routes(routes: list) -> list[APIRoute]:
    """Every endpoint, inside included routers too (FastAPI keeps those as wrappers of the router)."""
    found: list[APIRoute] = []
    for route in routes:
        if isinstance(route, APIRoute):
            found.append(route)
        elif getattr(route, "original_router", None) is not None:
            found += _api_routes(route.original_router.routes)
        elif getattr(route, "routes", None):
            found += _api_routes(route.routes)
    return found


def _concrete(path: str) -> str:
    return re.sub(r"\{[^}]+\}", "1", path)


def test_every_route_but_login_and_healthz_refuses_an_anonymous_request(app, client) -> None:
    checked = 0
    for route in _api_routes(app.routes):
        for method in route.methods - {"HEAD"}:
            if (method, route.path) in OPEN_ROUTES:
                continue
            response = client.request(method, _concrete(route.path))
            assert response.status_code in (303, 401, 403), (method, route.path, response.status_code)
            if response.status_code == 303:
                assert response.headers["location"] == "/login"
            checked += 1
    assert checked >= 15


def test_an_unknown_path_is_not_a_200(client) -> None:
    assert client.get("/nothing-here").status_code == 404


def test_healthz_answers_ok(client) -> None:
    response = client.get("/healthz")
    assert response.status_code == 200 and response.text == "ok"


def test_login_form_has_the_contract_fields(client) -> None:
    html = client.get("/login").text
    assert 'name="username"' in html and 'name="password"' in html and 'name="csrf_token"' in html


def test_login_sets_an_httponly_samesite_session_cookie(client) -> None:
    token = csrf_of(client.get("/login").text)
    response = client.post("/login", data={"username": "shen", "password": PASSWORD, "csrf_token": token})
    assert response.status_code == 303 and response.headers["location"] == "/"
    cookie = response.headers["set-cookie"]
    assert "gapflow_session=" in cookie and "HttpOnly" in cookie and "SameSite=lax" in cookie


def test_wrong_password_is_refused_and_sets_no_session(client) -> None:
    token = csrf_of(client.get("/login").text)
    response = client.post("/login", data={"username": "shen", "password": "wrong-password", "csrf_token": token})
    assert response.status_code == 401 and "gapflow_session" not in client.cookies


def test_login_without_csrf_token_is_refused(client) -> None:
    client.get("/login")
    response = client.post("/login", data={"username": "shen", "password": PASSWORD})
    assert response.status_code == 403 and "gapflow_session" not in client.cookies


def test_login_with_a_token_from_another_form_is_refused(client) -> None:
    stolen = csrf_of(client.get("/login").text)
    client.cookies.clear()
    client.get("/login")  # a new nonce: the old token no longer matches
    response = client.post("/login", data={"username": "shen", "password": PASSWORD, "csrf_token": stolen})
    assert response.status_code == 403


def test_logins_are_throttled_after_repeated_failures(client) -> None:
    for _ in range(5):
        token = csrf_of(client.get("/login").text)
        client.post("/login", data={"username": "shen", "password": "nope-nope-nope", "csrf_token": token})
    token = csrf_of(client.get("/login").text)
    response = client.post("/login", data={"username": "shen", "password": PASSWORD, "csrf_token": token})
    assert response.status_code == 429 and "gapflow_session" not in client.cookies


def test_a_post_without_the_session_csrf_token_is_refused(as_supervisor, runtime) -> None:
    from tests.review.conftest import complaint_with_flags

    _, flag_id = complaint_with_flags(runtime)
    response = as_supervisor.post(f"/flags/{flag_id}/decision", data={"status": "dismissed", "reason": "理由"})
    assert response.status_code == 403


def test_a_post_with_a_forged_csrf_token_is_refused(as_supervisor, runtime) -> None:
    from tests.review.conftest import complaint_with_flags

    _, flag_id = complaint_with_flags(runtime)
    data = {"status": "dismissed", "reason": "理由", "csrf_token": "0" * 64}
    assert as_supervisor.post(f"/flags/{flag_id}/decision", data=data).status_code == 403


def test_logout_ends_the_session(as_supervisor) -> None:
    token = page_csrf(as_supervisor)
    assert as_supervisor.post("/logout", data={"csrf_token": token}).status_code == 303
    assert as_supervisor.get("/").status_code == 303


def test_a_deactivated_user_cannot_sign_in(as_admin, client) -> None:
    token = page_csrf(as_admin, "/admin/users")
    as_admin.post("/admin/users/shen/active", data={"csrf_token": token, "active": "0"})
    as_admin.cookies.clear()
    token = csrf_of(client.get("/login").text)
    response = client.post("/login", data={"username": "shen", "password": PASSWORD, "csrf_token": token})
    assert response.status_code == 401


@pytest.mark.parametrize("header", ["X-Frame-Options", "Content-Security-Policy", "X-Content-Type-Options"])
def test_pages_carry_security_headers(client, header: str) -> None:
    assert header in client.get("/login").headers


def test_no_api_docs_are_served(app) -> None:
    assert app.docs_url is None and app.openapi_url is None and app.debug is False


def test_signed_in_user_sees_the_dashboard(client) -> None:
    sign_in(client, "shen")
    response = client.get("/")
    assert response.status_code == 200 and "今日需要处理" in response.text
