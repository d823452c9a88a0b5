"""Full-text search across documents: jieba words, SQLite FTS5 or PostgreSQL's own text search."""

from __future__ import annotations

import re

from sqlalchemy.orm import Session

from extractors import tokenize
from schemas.tables import Document
from storage import review_queries

_WORD = re.compile(r"\w", re.UNICODE)


def words_of(text: str) -> list[str]:
    """jieba words that carry meaning (no punctuation or spaces), as the index and the query cut them."""
    return [w for w in (t.strip() for t in tokenize.cut(text, hmm=False)) if w and _WORD.search(w)]


def refresh_index(session: Session) -> int:
    """Index the documents stored or changed since the last search; returns how many."""
    stale = review_queries.unindexed_documents(session)
    for document in stale:
        review_queries.index_document(session, document.id, " ".join(words_of(document.text or "")))
    return len(stale)


def search_documents(session: Session, query: str, limit: int = 100) -> list[Document]:
    refresh_index(session)
    return review_queries.search(session, words_of(query), limit)


def snippet(text: str, query: str, width: int = 60) -> str:
    """Some text around the first word of the query that the document contains."""
    for word in [query.strip(), *words_of(query)]:
        at = text.find(word) if word else -1
        if at >= 0:
            start = max(0, at - width // 2)
            return ("…" if start else "") + text[start : at + len(word) + width // 2] + "…"
    return text[:width] + "…"
