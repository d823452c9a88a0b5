"""Supervisors' decisions become labelled examples that a retraining command can export (issue 12)."""

from __future__ import annotations

from datetime import datetime

import pytest
from sqlalchemy import select

from config.settings import TZ
from schemas.models import Analysis, DocType, Evidence, Flag, FlagStatus
from schemas.tables import Document, LabelledExample
from services.decisions import decide_flag
from services.feedback import correct_field, export_examples
from storage import repo
from storage.db import transaction


def _complaint(session) -> str:
    document = repo.create_document(
        session, sha256="b" * 64, filename="投诉书.docx", received_at=datetime(2026, 10, 9, 9, 0, tzinfo=TZ),
        run_id=None, fmt="docx", pages=1, text="投诉人：张三", extractor_version="2026.12.1",
    )
    session.flush()
    flag = Flag(rule_id="complaint.missing.complainant.age", severity="warning", message="未写年龄",
                evidence=Evidence(start=0, end=3, page=1, text="投诉人"))
    repo.store_analysis(
        session, document,
        Analysis(doc_type=DocType.complaint, doc_type_confidence=0.9,
                 fields={"complainant": {"name": "张", "age": None}}, flags=[flag]),
        signature=None,
    )
    return document.id


def test_a_dismissed_flag_and_a_corrected_field_are_kept_with_the_extractor_version(sessions) -> None:
    with transaction(sessions) as session:
        doc_id = _complaint(session)
    with transaction(sessions) as session:
        flag_id = session.get(Document, doc_id).flags[0].id
        decide_flag(session, flag_id, FlagStatus.dismissed, "张科长", "第二页写了年龄")
        assert correct_field(session, doc_id, "complainant.name", "张三", "张科长") == "张"
        decide_flag(session, flag_id, FlagStatus.resolved, "张科长", "已补正")  # not a judgement of the extraction
    with transaction(sessions) as session:
        examples = session.scalars(select(LabelledExample).order_by(LabelledExample.id)).all()
        assert [(e.kind, e.target, e.label) for e in examples] == [
            ("flag", "complaint.missing.complainant.age", "dismissed"),
            ("field", "complainant.name", "corrected"),
        ]
        assert {e.extractor_version for e in examples} == {"2026.12.1"}
        assert session.get(Document, doc_id).fields["complainant"]["name"] == "张三"
        exported = list(export_examples(session))
        assert exported[1]["extracted"] == "张" and exported[1]["corrected"] == "张三"
        assert exported[0]["text"] == "投诉人：张三" and exported[0]["evidence"]["text"] == "投诉人"


def test_correcting_an_unknown_field_is_refused(sessions) -> None:
    with transaction(sessions) as session:
        doc_id = _complaint(session)
        with pytest.raises(LookupError):
            correct_field(session, doc_id, "complainant.shoe_size", 42, "张科长")
