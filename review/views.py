"""What the pages show, gathered from storage and masked for the reader's role."""

from __future__ import annotations

import re
from datetime import date, timedelta
from typing import Any

from sqlalchemy.orm import Session

from config.runtime import Runtime
from review import charts, labels
from review.highlight import Mark, highlight
from rules.legal import basis_label, flag_basis
from schemas.tables import Document, FlagRow
from services.privacy import mask_fields, mask_numbers, mask_text
from storage import review_queries
from storage.review_queries import QueueFilter

DOC_ID = re.compile(r"doc-[0-9a-f]{16}")
TREND_WEEKS = 12


def parse_queue_filter(params: dict[str, str]) -> QueueFilter:
    def day(name: str) -> date | None:
        try:
            return date.fromisoformat(params[name]) if params.get(name) else None
        except ValueError:
            return None

    status = params.get("status", "open")
    return QueueFilter(
        doc_type=params.get("doc_type") or None, rule_id=params.get("rule_id") or None,
        severity=params.get("severity") or None, status=None if status in ("", "all") else status,
        agency=params.get("agency") or None, received_from=day("received_from"), received_to=day("received_to"),
    )


def rule_label(rt: Runtime, rule_id: str) -> str:
    spec = rt.rules.get(rule_id)
    return spec.label if spec is not None else rule_id


def rule_basis(rt: Runtime, rule_id: str) -> dict[str, Any]:
    """Whether a rule stands on law or on the office's policy (from the rule files), and how to say it."""
    basis = flag_basis(rt.rules.get(rule_id))
    text = basis_label(basis["basis_kind"])
    if basis["policy_source"]:
        text = ("法律依据；另有" if basis["basis_kind"] == "law" else "") + f"本机构政策：{basis['policy_source']}"
    return {**basis, "basis_text": text}


def queue_rows(session: Session, rt: Runtime, f: QueueFilter, unmasked: bool) -> list[dict[str, Any]]:
    rows = []
    for flag, doc in review_queries.queue(session, f):
        evidence = (flag.evidence or {}).get("text")
        if evidence and not unmasked:
            evidence = mask_text(evidence, doc.fields)
        rows.append({
            "flag_id": flag.id, "document_id": doc.id, "filename": _filename(doc, unmasked), "doc_type": doc.doc_type,
            "agency": doc.agency, "received": doc.received_at.date().isoformat(), "rule_id": flag.rule_id,
            "rule_label": rule_label(rt, flag.rule_id), "severity": flag.severity, "status": flag.status,
            "due_date": flag.due_date.isoformat() if flag.due_date else None,
            "message": flag.message if unmasked else mask_numbers(flag.message),
            "evidence": evidence, "legal_basis": flag.legal_basis, **rule_basis(rt, flag.rule_id),
        })
    return rows


def _filename(doc: Document, unmasked: bool) -> str:
    return doc.filename if unmasked else mask_numbers(doc.filename)


def dashboard(session: Session, rt: Runtime, today: date) -> dict[str, Any]:
    week_end = today + timedelta(days=6 - today.weekday())
    due = review_queries.deadlines_until(session, week_end)
    overdue = [(d, doc) for d, doc in due if d.due_date < today or d.status == "overdue"]
    this_week = [(d, doc) for d, doc in due if (d, doc) not in overdue]
    overdue.sort(key=lambda pair: (pair[0].kind != "acceptance", pair[0].due_date))
    by_rule = [(rule_label(rt, r), n, r) for r, n in review_queries.open_flags_by(session, "rule_id")]
    by_agency = review_queries.open_flags_by(session, "agency")
    since = charts.week_start(today) - timedelta(weeks=TREND_WEEKS - 1)
    fmt = lambda d: f"{d.month}/{d.day}"  # noqa: E731
    flags_trend = charts.weekly_series(review_queries.weekly_counts(session, since, "flags"), today, TREND_WEEKS)
    docs_trend = charts.weekly_series(review_queries.weekly_counts(session, since, "documents"), today, TREND_WEEKS)
    return {
        "overdue": overdue, "this_week": this_week, "week_end": week_end, "by_rule": by_rule, "by_agency": by_agency,
        "rule_chart": charts.hbar_chart([(label, n) for label, n, _ in by_rule[:12]], "待复核问题（按规则）"),
        "flags_chart": charts.bar_chart([(fmt(w), n) for w, n in flags_trend], "每周新增问题标记"),
        "docs_chart": charts.bar_chart([(fmt(w), n) for w, n in docs_trend], "每周收到文档"),
        "counts": review_queries.document_counts(session),
    }


def _link_documents(session: Session, text: str) -> list[tuple[str, str | None]]:
    """Pieces of a message, with the ids of stored documents (duplicates, copied text) as links."""
    ids = set(DOC_ID.findall(text))
    known = review_queries.existing_document_ids(session, ids)
    pieces: list[tuple[str, str | None]] = []
    last = 0
    for m in DOC_ID.finditer(text):
        pieces.append((text[last : m.start()], None))
        pieces.append((m.group(), m.group() if m.group() in known else None))
        last = m.end()
    pieces.append((text[last:], None))
    return [p for p in pieces if p[0]]


def _field_rows(fields: dict[str, Any]) -> list[dict[str, Any]]:
    rows = []
    evidence = fields.get("evidence") or {}
    for path, name in labels.FIELD_LABELS.items():
        value: Any = fields
        for part in path.split("."):
            value = value.get(part) if isinstance(value, dict) else None
        if value in (None, [], "", {}) and path not in evidence:
            continue
        shown = labels.label(labels.PROCEEDINGS, value) if path == "prior_proceedings" else _show(value)
        if value in (None, [], "") and (evidence.get(path) or {}).get("unread"):
            shown = "（原文似已写明，未能可靠读出，请核对高亮处）"
        rows.append({"path": path, "label": name, "value": shown, "evidence": evidence.get(path)})
    return rows


def _show(value: Any) -> str:
    if value is None or value == []:
        return "（未载明）"
    if isinstance(value, bool):
        return "是" if value else "否"
    if isinstance(value, list):
        return "；".join(_show(v) for v in value)
    if isinstance(value, dict):
        return "，".join(f"{v}" for v in value.values() if v not in (None, "", []))
    return str(value)


def document_view(session: Session, rt: Runtime, doc: Document, unmasked: bool) -> dict[str, Any]:
    fields = doc.fields if unmasked else mask_fields(doc.fields)
    text = doc.text or ""
    if not unmasked:
        text = mask_text(text, doc.fields)
    flags = [f for f in doc.flags if f.active or f.status != "open"]
    marks = [
        Mark(f.evidence["start"], f.evidence["end"], f"flag-{f.id}", "flag", rule_label(rt, f.rule_id))
        for f in flags if f.evidence and f.evidence.get("end")
    ]
    field_rows = _field_rows(fields)
    marks += [
        Mark(r["evidence"]["start"], r["evidence"]["end"], f"field-{r['path']}", "field", r["label"])
        for r in field_rows if isinstance(r["evidence"], dict) and r["evidence"].get("end")
    ]
    related = review_queries.duplicates_of(session, doc.id)
    original = session.get(Document, doc.duplicate_of) if doc.duplicate_of else None
    return {
        "doc": doc, "html": highlight(text, marks), "fields": field_rows,
        "flags": [_flag_view(session, rt, f, doc, unmasked) for f in flags],
        "deadlines": sorted(doc.deadlines, key=lambda d: d.due_date), "events": list(doc.case_events),
        "commitments": list(doc.commitments), "duplicates": related, "duplicate_of": original,
        "receipts": review_queries.receipts_of(session, doc.id), "filename": _filename(doc, unmasked),
    }


def _flag_view(session: Session, rt: Runtime, f: FlagRow, doc: Document, unmasked: bool) -> dict[str, Any]:
    message = f.message if unmasked else mask_numbers(f.message)
    evidence = (f.evidence or {}).get("text")
    if evidence and not unmasked:
        evidence = mask_text(evidence, doc.fields)
    return {
        "row": f, "label": rule_label(rt, f.rule_id), "message": _link_documents(session, message),
        "evidence": _link_documents(session, evidence) if evidence else [], **rule_basis(rt, f.rule_id),
    }


def audit_rows(entries: list[Any]) -> list[dict[str, Any]]:
    rows = []
    for e in entries:
        detail = dict(e.detail or {})
        before, after = detail.pop("from", None), detail.pop("to", None)
        rows.append({**asdict_entry(e), "before": before, "after": after, "detail": detail})
    return rows


def asdict_entry(e: Any) -> dict[str, Any]:
    return {"id": e.id, "at": e.at, "actor": e.actor, "action": e.action, "document_id": e.document_id,
            "flag_id": e.flag_id}

