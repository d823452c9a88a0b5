"""Which stored work reports a new text should be compared with, without loading every report's text.

The report checks (report.duplicate, report.copied_text) compare a new report with the stored ones.
Handing them every stored text costs O(N) MinHash and shingle work per document, O(N^2) per nightly:
at 10,000 reports that is hours. Instead every document's MinHash signature is persisted
(`documents.signature`) and kept here as an in-process matrix, refreshed with only the rows added
since the last look. A new text is compared with all signatures at once (numpy), and only the
`limit` most similar reports sharing at least `min_shared` signature slots are loaded with their text.

Why shared slots catch copied paragraphs too: a slot agrees with probability equal to the Jaccard
similarity of the two texts; a report sharing one long paragraph out of twenty still agrees on a few
of 128 slots almost surely, so it stays a candidate and the exact paragraph check sees it.
"""

from __future__ import annotations

import time
from dataclasses import dataclass, field
from datetime import datetime

import numpy as np
from sqlalchemy import select
from sqlalchemy.orm import Session

from schemas.models import DocStatus, DocType, PriorDocument
from schemas.tables import Document

CANDIDATE_LIMIT = 25  # most similar reports handed to the checks; bounds the work per document
MIN_SHARED_SLOTS = 2  # of 128: one agreeing slot happens by chance between unrelated reports
_FETCH_CHUNK = 500


@dataclass
class SignatureIndex:
    """Signatures of stored work reports, as one matrix; `refresh` adds what other runs stored since.

    The matrix grows by doubling (an added row is one copy, not a new matrix per document), so a run of
    N documents spends O(N) on adding rows, and each lookup one vectorised comparison."""

    ids: list[str] = field(default_factory=list)
    _matrix: np.ndarray | None = None  # rows [0, len(ids)) are in use
    _known: set[str] = field(default_factory=set)
    refreshed_at: float = float("-inf")  # time.monotonic() of the last refresh

    def refresh(self, session: Session) -> None:
        self.refreshed_at = time.monotonic()
        stored = session.scalars(
            select(Document.id).where(
                Document.doc_type == DocType.work_report, Document.signature.is_not(None),
                Document.status != DocStatus.quarantined,
            )
        ).all()
        new = [i for i in stored if i not in self._known]
        for start in range(0, len(new), _FETCH_CHUNK):
            chunk = new[start : start + _FETCH_CHUNK]
            for doc_id, sig in session.execute(
                select(Document.id, Document.signature).where(Document.id.in_(chunk))
            ).all():
                self.add(doc_id, sig)

    def add(self, doc_id: str, signature: list[int] | None) -> None:
        if not signature or doc_id in self._known:
            return
        row = np.asarray(signature, dtype=np.uint64)
        if self._matrix is not None and self._matrix.shape[1] != row.shape[0]:
            return  # a signature of another length (an older NUM_PERM) is never comparable
        n = len(self.ids)
        if self._matrix is None or n == self._matrix.shape[0]:
            grown = np.empty((max(64, 2 * n), row.shape[0]), dtype=np.uint64)
            if self._matrix is not None:
                grown[:n] = self._matrix[:n]
            self._matrix = grown
        self._matrix[n] = row
        self._known.add(doc_id)
        self.ids.append(doc_id)

    def nearest(self, signature: list[int], exclude_id: str | None, limit: int, min_shared: int) -> list[str]:
        """Ids of the stored reports sharing the most signature slots with `signature`, best first."""
        if not self.ids or self._matrix is None:
            return []
        mine = np.asarray(signature, dtype=np.uint64)
        if self._matrix.shape[1] != mine.shape[0]:
            return []
        shared = (self._matrix[: len(self.ids)] == mine).sum(axis=1)
        order = np.argsort(-shared, kind="stable")
        found = []
        for i in order:
            if shared[i] < min_shared or len(found) >= limit:
                break
            if self.ids[i] != exclude_id:
                found.append(self.ids[i])
        return found


_INDEXES: dict[str, SignatureIndex] = {}


def index_for(key: str) -> SignatureIndex:
    """One index per database (key: the database URL) per process."""
    return _INDEXES.setdefault(key, SignatureIndex())


def candidate_priors(
    session: Session, index: SignatureIndex, signature: list[int], exclude_id: str | None,
    limit: int = CANDIDATE_LIMIT, min_shared: int = MIN_SHARED_SLOTS, stored_before: datetime | None = None,
    refresh_after: float = 0.0,
) -> list[PriorDocument]:
    """The stored work reports worth comparing with a new text, as the report checks take them.

    `stored_before`: only documents stored before then (reprocessing an old document must not call it
    a duplicate of the later copy that was flagged as a duplicate of it). `refresh_after`: look for newly
    stored reports only when the last look is older than this many seconds (a pool worker: the look costs
    a query over every stored report's id, which would make a long run quadratic)."""
    if time.monotonic() - index.refreshed_at >= refresh_after:
        index.refresh(session)
    ids = index.nearest(signature, exclude_id, limit, min_shared)
    if not ids:
        return []
    query = select(
        Document.id, Document.doc_type, Document.agency, Document.fields, Document.text, Document.received_at,
    ).where(Document.id.in_(ids), Document.text.is_not(None))
    if stored_before is not None:
        query = query.where(Document.created_at < stored_before)
    rows = session.execute(query).all()
    by_id = {r.id: r for r in rows}
    return [
        PriorDocument(
            document_id=r.id, doc_type=r.doc_type, agency=r.agency, title=(r.fields or {}).get("title"),
            text=r.text, received_at=r.received_at if r.received_at.tzinfo else r.received_at.astimezone(),
        )
        for r in (by_id[i] for i in ids if i in by_id)
    ]
