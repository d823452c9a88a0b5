"""Full-text search across documents: jieba words, SQLite FTS5 or PostgreSQL's own text search."""

from __future__ import annotations

import re

import jieba
from sqlalchemy.orm import Session

from extractors import tokenize
from schemas.tables import Document
from storage import review_queries

_WORD = re.compile(r"\w", re.UNICODE)


def _search_cut(text: str) -> list[str]:
    tokenize.cut("")  # jieba set up with the domain dictionary before the first use
    return [w for w in (t.strip() for t in jieba.lcut_for_search(text, HMM=False)) if w and _WORD.search(w)]


def index_words(text: str) -> list[str]:
    """Every word and the parts of a compound (拖欠工资 -> 拖欠, 工资, 拖欠工资): a letter saying 拖欠的工资
    is found by a query for 拖欠工资, and one saying 拖欠工资 by a query for 工资."""
    return _search_cut(text)


def words_of(query: str) -> list[str]:
    """The query's smallest words: a compound is asked for by its parts, all of which must occur."""
    words = list(dict.fromkeys(_search_cut(query)))
    return [w for w in words if not any(o != w and o in w for o in words)]


def refresh_index(session: Session) -> int:
    """Index the documents stored or changed since the last search; returns how many."""
    stale = review_queries.unindexed_documents(session)
    for document in stale:
        review_queries.index_document(session, document.id, " ".join(index_words(document.text or "")))
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
