"""What the pages show: queue filters in the URL, evidence highlighted, Excel export, audit, search, masking."""

from __future__ import annotations

import re
from io import BytesIO

from openpyxl import load_workbook
from sqlalchemy import select

from schemas.tables import AuditEntry, Document, FlagRow
from storage.db import transaction
from tests.review.conftest import complaint_with_flags, sign_in

PHONE = re.compile(r"1[3-9]\d{9}")


def _complaint_with_phone(runtime) -> tuple[str, str]:  # type: ignore[no-untyped-def]
    with transaction(runtime.sessions) as session:
        for doc in session.scalars(select(Document).where(Document.doc_type == "complaint")):
            phone = (doc.fields.get("complainant") or {}).get("phone")
            if phone and PHONE.fullmatch(phone):
                return doc.id, phone
    raise AssertionError("no complaint with a mobile number in the corpus")


def test_dashboard_lists_overdue_acceptances(as_supervisor) -> None:
    html = as_supervisor.get("/").text
    assert "已逾期" in html and "受理期限" in html and "<svg" in html


def test_queue_filters_by_rule_in_the_url(as_supervisor) -> None:
    html = as_supervisor.get("/queue?rule_id=report.totals_mismatch&status=all").text
    assert "report.totals_mismatch" in html
    assert "complaint.missing" not in html.split("<table>", 1)[1]


def test_queue_filters_by_document_type(as_supervisor) -> None:
    html = as_supervisor.get("/queue?doc_type=work_report").text
    body = html.split("<table>", 1)[1]
    assert "工作总结/汇报" in body and "<td>投诉书" not in body


def test_queue_is_sorted_by_due_date(as_supervisor) -> None:
    html = as_supervisor.get("/queue?status=all").text
    dues = re.findall(r"<td>(\d{4}-\d{2}-\d{2}|—)</td>\s*<td><a href=\"/documents", html)
    dated = [d for d in dues if d != "—"]
    assert dated == sorted(dated) and dues[: len(dated)] == dated


def _flag_with_evidence(runtime) -> tuple[str, int]:  # type: ignore[no-untyped-def]
    from schemas.tables import FlagRow

    with transaction(runtime.sessions) as session:
        for flag in session.scalars(select(FlagRow).order_by(FlagRow.id)):
            if flag.evidence and flag.evidence.get("end") and flag.document.doc_type == "complaint":
                return flag.document_id, flag.id
    raise AssertionError("no flag with an evidence span")


def test_document_view_highlights_each_flags_evidence(as_supervisor, runtime) -> None:
    doc_id, flag_id = _flag_with_evidence(runtime)
    html = as_supervisor.get(f"/documents/{doc_id}").text
    assert f'id="flag-{flag_id}"' in html
    assert f'id="ev-flag-{flag_id}"' in html and f'href="#ev-flag-{flag_id}"' in html
    assert 'class="ev ev-field"' in html
    assert "期限与办理节点" in html and "受理期限" in html


def test_document_view_tells_law_from_office_policy(as_supervisor, runtime) -> None:
    with transaction(runtime.sessions) as session:
        policy = session.scalars(select(FlagRow).where(FlagRow.rule_id == "complaint.too_many_agents")).first()
        law = session.scalars(select(FlagRow).where(FlagRow.rule_id == "complaint.acceptance_overdue")).first()
        policy_doc, law_doc = policy.document_id, law.document_id
    html = as_supervisor.get(f"/documents/{policy_doc}").text
    assert "本机构政策（非法律规定）：《劳动保障监察机构政务公开》二（一）" in html
    html = as_supervisor.get(f"/documents/{law_doc}").text
    assert "法律依据：《关于实施〈劳动保障监察条例〉若干规定》第十八条" in html
    queue = as_supervisor.get("/queue?rule_id=complaint.too_many_agents&status=all").text
    assert "机构政策" in queue


def test_duplicate_report_links_to_its_original(as_supervisor, runtime) -> None:
    with transaction(runtime.sessions) as session:
        dup = session.scalar(select(Document).where(Document.status == "duplicate"))
        original = dup.duplicate_of
    html = as_supervisor.get(f"/documents/{dup.id}").text
    assert f'href="/documents/{original}"' in html


def test_excel_export_has_evidence_and_legal_basis(as_supervisor) -> None:
    response = as_supervisor.get("/queue.xlsx?doc_type=complaint")
    assert response.status_code == 200
    sheet = load_workbook(BytesIO(response.content)).active
    header = [c.value for c in sheet[1]]
    assert "证据原文" in header and "法律依据" in header
    rows = list(sheet.iter_rows(min_row=2, values_only=True))
    assert rows and all(r[header.index("文档类型")] == "投诉书" for r in rows)
    assert any(r[header.index("法律依据")] for r in rows)


def test_search_finds_chinese_words(as_supervisor) -> None:
    html = as_supervisor.get("/search?q=工资").text
    assert "找到" in html and "/documents/doc-" in html


def test_search_for_a_compound_finds_its_parts_apart(as_supervisor, runtime) -> None:
    with transaction(runtime.sessions) as session:
        apart = [d.id for d in session.scalars(select(Document)) if "拖欠" in (d.text or "")
                 and "工资" in (d.text or "") and "拖欠工资" not in (d.text or "")]
    assert apart
    html = as_supervisor.get("/search?q=拖欠工资").text
    assert all(doc_id in html for doc_id in apart)


def test_search_needs_every_word(as_supervisor) -> None:
    html = as_supervisor.get("/search?q=工资 量子纠缠").text
    assert "找到 0 个文档" in html


def test_audit_log_filters_by_action(as_supervisor, runtime) -> None:
    doc_id, _ = complaint_with_flags(runtime)
    as_supervisor.get(f"/documents/{doc_id}")
    html = as_supervisor.get("/audit?action=document.view_unmasked").text
    assert doc_id in html and "查看未遮蔽的个人信息" in html


def test_supervisor_sees_full_phone_and_the_view_is_audited(as_supervisor, runtime) -> None:
    doc_id, phone = _complaint_with_phone(runtime)
    assert phone in as_supervisor.get(f"/documents/{doc_id}").text
    with transaction(runtime.sessions) as session:
        views = session.scalars(select(AuditEntry).where(AuditEntry.action == "document.view_unmasked")).all()
    assert [(v.actor, v.document_id) for v in views] == [("shen", doc_id)]


def test_intake_sees_a_masked_phone(client, runtime) -> None:
    sign_in(client, "shou")
    doc_id, phone = _complaint_with_phone(runtime)
    html = client.get(f"/documents/{doc_id}").text
    assert phone not in html and phone[:3] + "****" + phone[-4:] in html


def test_admin_sees_masked_personal_data_in_the_excel_export(client, runtime) -> None:
    sign_in(client, "admin")
    _, phone = _complaint_with_phone(runtime)
    content = client.get("/queue.xlsx?status=all").content
    cells = " ".join(str(c) for row in load_workbook(BytesIO(content)).active.iter_rows(values_only=True) for c in row)
    assert phone not in cells


def test_intake_cannot_download_a_letters_original(client, runtime) -> None:
    sign_in(client, "shou")
    doc_id, _ = _complaint_with_phone(runtime)
    assert client.get(f"/documents/{doc_id}/original").status_code == 403


def test_an_item_stated_but_not_read_is_shown_as_such(as_supervisor, runtime) -> None:
    """Evidence marked `unread` (the letter seems to state the item; no value could be read) is shown as
    stated-but-unread with its words highlighted, not as 未载明."""
    with transaction(runtime.sessions) as session:
        doc = session.scalars(select(Document).where(Document.doc_type == "complaint")).first()
        fields = dict(doc.fields)
        fields["complainant"] = {**fields["complainant"], "occupation": None}
        at = doc.text.index(doc.text.strip()[:2])
        fields["evidence"] = {**fields.get("evidence", {}),
                              "complainant.occupation": {"start": at, "end": at + 2, "page": 1,
                                                         "confidence": 0.2, "ocr": False, "unread": True}}
        doc.fields = fields
        doc_id = doc.id
    html = as_supervisor.get(f"/documents/{doc_id}").text
    row = html.split("field-complainant.occupation", 1)[1][:600]
    assert "原文似已写明，未能可靠读出" in html and "未载明" not in row
