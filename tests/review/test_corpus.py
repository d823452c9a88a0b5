"""The built database holds what the review tests rely on."""

from __future__ import annotations

from sqlalchemy import func, select

from schemas.tables import Document, FlagRow
from storage.db import transaction


def test_corpus_has_complaints_reports_a_duplicate_and_a_quarantined_file(runtime) -> None:
    with transaction(runtime.sessions) as session:
        kinds = dict(session.execute(select(Document.doc_type, func.count()).group_by(Document.doc_type)).all())
        statuses = dict(session.execute(select(Document.status, func.count()).group_by(Document.status)).all())
        flags = session.scalar(select(func.count()).select_from(FlagRow))
    assert kinds["complaint"] >= 5 and kinds["work_report"] >= 3
    assert statuses.get("duplicate") and statuses.get("quarantined")
    assert flags > 10
