"""Supervisors' decisions as labelled examples: what the review app and the CLI call.

A flag confirmed or dismissed, and a field corrected, are stored (table `labelled_examples`) with the
document and the extractor version that produced what was judged, so `gapflow feedback export` hands a
later training command an office's own decisions. The flag's status and the audit log change as before.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from typing import Any

from sqlalchemy.orm import Session

from schemas.models import FlagStatus
from schemas.tables import Document, FlagRow
from storage import repo

LEARNED_STATUSES = {FlagStatus.confirmed, FlagStatus.dismissed}


def learn_from_decision(session: Session, row: FlagRow, status: FlagStatus, actor: str, note: str | None) -> None:
    """Called by services.decisions.decide_flag: a confirmation or dismissal is kept as a labelled example."""
    if status in LEARNED_STATUSES:
        repo.add_labelled_example(
            session, row.document, kind="flag", target=row.rule_id, label=status.value, actor=actor,
            extracted={"message": row.message}, evidence=row.evidence, flag_id=row.id, note=note,
        )


def correct_field(
    session: Session, document_id: str, path: str, value: Any, actor: str, note: str | None = None
) -> Any:
    """Replace one extracted field (dotted path, e.g. `complainant.name`) by the supervisor's value; the old
    and the new value are kept as a labelled example. Returns the old value."""
    document = session.get(Document, document_id)
    if document is None:
        raise LookupError(f"没有编号为 {document_id} 的文档")
    fields = json.loads(json.dumps(document.fields or {}))
    parts = path.split(".")
    node = fields
    for part in parts[:-1]:
        if not isinstance(node.get(part), dict):
            raise LookupError(f"文档 {document_id} 没有字段 {path}")
        node = node[part]
    if parts[-1] not in node:
        raise LookupError(f"文档 {document_id} 没有字段 {path}")
    old = node[parts[-1]]
    node[parts[-1]] = value
    document.fields = fields
    repo.add_labelled_example(
        session, document, kind="field", target=path, label="corrected", actor=actor, extracted=old,
        corrected=value, note=note,
    )
    repo.audit(session, actor, "field.corrected", document_id, field=path, old=old, new=value)
    return old


def export_examples(session: Session, with_text: bool = True) -> Iterator[dict[str, Any]]:
    """Every labelled example as one JSON-ready dict (with the document's normalised text for retraining)."""
    for example, document in repo.labelled_examples(session):
        yield {
            "document_id": document.id, "extractor_version": example.extractor_version,
            "doc_type": document.doc_type, "kind": example.kind, "target": example.target, "label": example.label,
            "extracted": example.extracted, "corrected": example.corrected, "evidence": example.evidence,
            "actor": example.actor, "note": example.note, "created_at": example.created_at.isoformat(),
            **({"text": document.text} if with_text else {}),
        }
