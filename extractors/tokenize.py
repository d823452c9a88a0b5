"""jieba, set up once per process with the domain dictionary.

jieba writes a cache of its prefix dictionary; the caller (flows/, tests) points it inside the
data folder with `configure(cache_dir)` before the first use. Pure callers that never configure
get jieba's default (the system temp folder).

Segmentation is remembered per text (a bounded LRU): the stages of one document that segment the same
text (the classifier, the report checks, the disclosure schedules, the line joiner's windows) and the
near-identical reports of one batch share one tokenisation. Callers get fresh lists, never the cache's.
jieba's part-of-speech tables are loaded on the first part-of-speech request, not with the dictionary.
"""

from __future__ import annotations

import threading
from functools import lru_cache
from pathlib import Path

import jieba

USER_DICT = Path(__file__).parent / "data" / "userdict.txt"

_lock = threading.Lock()
_state: dict[str, object] = {"ready": False, "cache_dir": None}


def configure(cache_dir: Path | str | None) -> None:
    """Choose where jieba keeps its cache. Call before the first tokenisation."""
    _state["cache_dir"] = Path(cache_dir) if cache_dir else None


def _ensure_ready() -> None:
    if _state["ready"]:
        return
    with _lock:
        if _state["ready"]:
            return
        jieba.setLogLevel(60)  # jieba logs its cache path at INFO; nothing useful for staff
        cache_dir = _state["cache_dir"]
        if isinstance(cache_dir, Path):
            cache_dir.mkdir(parents=True, exist_ok=True)
            jieba.dt.tmp_dir = str(cache_dir)
        jieba.initialize()
        jieba.load_userdict(str(USER_DICT))
        _state["ready"] = True


_CACHED_TEXTS = 4096


def cut(text: str, hmm: bool = True) -> list[str]:
    return list(_cut(text, hmm))


def is_word(text: str) -> bool:
    """Whether jieba's dictionary (with the domain words) holds `text` as a word."""
    _ensure_ready()
    return bool(jieba.dt.FREQ.get(text))


def is_name_word(text: str) -> bool:
    """Whether jieba's dictionary holds `text` as a person's name (part of speech nr, nrfg, nrt)."""
    _ensure_ready()
    import jieba.posseg

    return jieba.posseg.dt.word_tag_tab.get(text, "").startswith("nr")


@lru_cache(maxsize=_CACHED_TEXTS)
def _cut(text: str, hmm: bool) -> tuple[str, ...]:
    _ensure_ready()
    return tuple(jieba.lcut(text, HMM=hmm))


def tokenize_with_offsets(text: str) -> list[tuple[str, int, int]]:
    """(word, start, end) for each token, dictionary words only (no HMM guesses)."""
    return list(_tokenize_with_offsets(text))


@lru_cache(maxsize=_CACHED_TEXTS)
def _tokenize_with_offsets(text: str) -> tuple[tuple[str, int, int], ...]:
    _ensure_ready()
    return tuple(jieba.tokenize(text, HMM=False))


def posseg(text: str) -> list[tuple[str, str]]:
    return list(_posseg(text))


@lru_cache(maxsize=_CACHED_TEXTS)
def _posseg(text: str) -> tuple[tuple[str, str], ...]:
    _ensure_ready()
    import jieba.posseg  # its tables cost ~1 s: loaded only when a part of speech is asked for

    return tuple((p.word, p.flag) for p in jieba.posseg.lcut(text))


def in_dictionary(word: str) -> bool:
    _ensure_ready()
    return bool(jieba.dt.FREQ.get(word))


def spans_word(left: str, right: str, window: int = 4) -> bool:
    """Does a dictionary word cross the boundary between `left` and `right`?

    Used to rejoin a word that a line wrap cut in two (`效能建` / `设`).
    """
    tail, head = left[-window:], right[:window]
    if not tail or not head or not (_is_han(tail[-1]) and _is_han(head[0])):
        return False
    cut_at = len(tail)
    return any(
        start < cut_at < end and end - start >= 2
        for _, start, end in tokenize_with_offsets(tail + head)
    )


def _is_han(ch: str) -> bool:
    return "\u4e00" <= ch <= "\u9fff"
