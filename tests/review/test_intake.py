"""An intake user's inbox: upload, see it waiting, processed or quarantined with the reason and what to do."""

from __future__ import annotations

from tests.conftest import FIXTURES
from tests.review.conftest import page_csrf


def _upload(client, path, name: str | None = None):  # type: ignore[no-untyped-def]
    files = {"file": (name or path.name, path.read_bytes(), "application/octet-stream")}
    return client.post("/inbox/upload", data={"csrf_token": page_csrf(client, "/inbox")}, files=files)


def test_an_upload_lands_in_the_inbox_and_waits(as_intake, runtime) -> None:
    response = _upload(as_intake, FIXTURES / "complaints" / "05_informal_appeal.docx", "来信.docx")
    assert response.status_code == 303 and "error" not in response.headers["location"]
    assert (runtime.settings.resolved_inbox() / "来信.docx").is_file()
    assert "等待处理" in as_intake.get("/inbox").text


def test_processing_now_shows_what_became_of_the_upload(as_intake) -> None:
    _upload(as_intake, FIXTURES / "complaints" / "05_informal_appeal.docx", "来信.docx")
    response = as_intake.post("/inbox/process", data={"csrf_token": page_csrf(as_intake, "/inbox")})
    assert response.status_code == 303
    html = as_intake.get("/inbox").text
    assert "已处理" in html and "投诉书" in html


def test_a_quarantined_upload_says_why_and_what_to_do(as_intake) -> None:
    _upload(as_intake, FIXTURES / "broken" / "scanned_letter.pdf", "扫描件.pdf")
    as_intake.post("/inbox/process", data={"csrf_token": page_csrf(as_intake, "/inbox")})
    html = as_intake.get("/inbox").text
    assert "已隔离" in html and "OCR" in html


def test_an_upload_of_known_content_is_a_duplicate(as_intake) -> None:
    _upload(as_intake, FIXTURES / "complaints" / "01_formal_labelled.docx")
    assert "重复" in as_intake.get("/inbox").text


def test_an_unsupported_file_type_is_refused(as_intake) -> None:
    response = _upload(as_intake, FIXTURES / "broken" / "phone_photo.jpg")
    assert "error=" in response.headers["location"]


def test_a_path_in_the_file_name_is_dropped(as_intake, runtime) -> None:
    _upload(as_intake, FIXTURES / "complaints" / "05_informal_appeal.docx", "../../etc/x.docx")
    inbox = runtime.settings.resolved_inbox()
    assert (inbox / "x.docx").is_file() and not (inbox.parent.parent / "etc").exists()


def test_intake_sees_only_their_own_uploads(as_intake, client, runtime) -> None:
    from services.uploads import accept_upload
    from storage.db import transaction

    with transaction(runtime.sessions) as session:
        accept_upload(runtime, session, "someone-else", "别人的.txt", "投诉书".encode())
    assert "别人的.txt" not in as_intake.get("/inbox").text
