"""Who may do what: every action is checked against the role, whatever the page shows."""

from __future__ import annotations

import pytest

from tests.review.conftest import complaint_with_flags, page_csrf, sign_in


def _post(client, path: str, **data: str):  # type: ignore[no-untyped-def]
    return client.post(path, data={"csrf_token": page_csrf(client), **data})


@pytest.mark.parametrize("username", ["shou", "admin"])
def test_only_a_supervisor_decides_a_flag(client, runtime, username: str) -> None:
    sign_in(client, username)
    _, flag_id = complaint_with_flags(runtime)
    response = _post(client, f"/flags/{flag_id}/decision", status="dismissed", reason="不是问题")
    assert response.status_code == 403


@pytest.mark.parametrize("username", ["shou", "admin"])
def test_only_a_supervisor_makes_a_bulk_decision(client, runtime, username: str) -> None:
    sign_in(client, username)
    _, flag_id = complaint_with_flags(runtime)
    assert _post(client, "/flags/bulk", flag_id=str(flag_id), status="confirmed", reason="x").status_code == 403


@pytest.mark.parametrize("username", ["shou", "admin"])
def test_only_a_supervisor_records_a_case_event(client, runtime, username: str) -> None:
    sign_in(client, username)
    doc_id, _ = complaint_with_flags(runtime)
    response = _post(client, f"/documents/{doc_id}/events", kind="accepted", on="2026-10-20")
    assert response.status_code == 403


def test_an_intake_user_cannot_read_the_audit_log(client) -> None:
    sign_in(client, "shou")
    assert client.get("/audit").status_code == 403


@pytest.mark.parametrize("username", ["shen", "admin"])
def test_supervisors_and_admins_read_the_audit_log(client, username: str) -> None:
    sign_in(client, username)
    assert client.get("/audit").status_code == 200


@pytest.mark.parametrize("username", ["shen", "shou"])
def test_only_an_admin_manages_users(client, username: str) -> None:
    sign_in(client, username)
    assert client.get("/admin/users").status_code == 403
    response = _post(client, "/admin/users", username="newbie", role="admin", password="long-enough-pw")
    assert response.status_code == 403


@pytest.mark.parametrize("username", ["shen", "admin"])
def test_only_an_intake_user_uploads(client, username: str) -> None:
    sign_in(client, username)
    token = page_csrf(client)
    files = {"file": ("投诉.txt", "投诉书".encode(), "text/plain")}
    assert client.post("/inbox/upload", data={"csrf_token": token}, files=files).status_code == 403


def test_an_admin_cannot_start_the_inbox_pass(client) -> None:
    sign_in(client, "admin")
    assert _post(client, "/inbox/process").status_code == 403


def test_an_admin_creates_a_user_who_can_sign_in(as_admin, client) -> None:
    response = _post(as_admin, "/admin/users", username="lisi", role="supervisor", password="a-long-password")
    assert response.status_code == 303 and "error" not in response.headers["location"]
    as_admin.cookies.clear()
    sign_in(client, "lisi", "a-long-password")
    assert "审核员" in client.get("/").text


def test_an_admin_changes_a_role(as_admin) -> None:
    _post(as_admin, "/admin/users/shou/role", role="supervisor")
    assert "已修改" in as_admin.get("/admin/users?message=已修改").text
    audit = as_admin.get("/audit?action=user.role").text
    assert "shou" in audit


def test_a_short_password_is_refused(as_admin) -> None:
    response = _post(as_admin, "/admin/users", username="wangwu", role="intake", password="short")
    assert "error=" in response.headers["location"]
