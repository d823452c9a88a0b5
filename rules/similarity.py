"""Near-duplicate documents and copied paragraphs, whatever the file format.

Texts are compared on a *canonical* form: only letters, digits and CJK characters are kept
(whitespace, punctuation, line breaks and page-number residue go), so the .pdf and the .docx of the same
report, or a copy with a changed heading, still match. Documents are compared with character-shingle
MinHash (datasketch); `signature()` returns the plain integers so storage can persist them.
Paragraphs are compared by shingle containment: the share of a paragraph's shingles found in another text.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Set as AbstractSet
from dataclasses import dataclass
from functools import lru_cache

import numpy as np
from datasketch import MinHash

from extractors.normalize import paragraph_spans
from rules.report_text import sentence_spans

SHINGLE_SIZE = 5
NUM_PERM = 128
SEED = 1  # fixed: signatures persisted by storage must stay comparable across runs

_PAGE_NUMBER = re.compile(r"[-—–]\s*\d{1,3}\s*[-—–]")


@lru_cache(maxsize=8192)  # (a pass compares each report with every earlier one: its paragraphs come back)
def canonical(text: str) -> str:
    """Letters, digits and CJK only, lower-cased; running page numbers dropped first."""
    text = _PAGE_NUMBER.sub("", text)
    return "".join(ch for ch in text.lower() if _keep(ch))


def _keep(ch: str) -> bool:
    return unicodedata.category(ch)[0] in ("L", "N")


def shingles(text: str, size: int = SHINGLE_SIZE, *, canonical_form: bool = False) -> set[str]:
    """Character shingles of the canonical text (a short text is one shingle)."""
    canon = text if canonical_form else canonical(text)
    if len(canon) <= size:
        return {canon} if canon else set()
    return {canon[i : i + size] for i in range(len(canon) - size + 1)}


@lru_cache(maxsize=8192)
def _frozen_shingles(text: str, size: int, canonical_form: bool) -> frozenset[str]:
    return frozenset(shingles(text, size, canonical_form=canonical_form))


def signature(text: str, num_perm: int = NUM_PERM, shingle_size: int = SHINGLE_SIZE) -> list[int]:
    """MinHash signature of a text, as plain ints (JSON/DB friendly)."""
    return [int(v) for v in _minhash(text, num_perm, shingle_size).hashvalues]


@lru_cache(maxsize=256)
def _minhash(text: str, num_perm: int, shingle_size: int) -> MinHash:
    mh = MinHash(num_perm=num_perm, seed=SEED)
    mh.update_batch([s.encode("utf-8") for s in sorted(shingles(text, shingle_size))])
    return mh


def estimate_jaccard(sig_a: list[int], sig_b: list[int]) -> float:
    """Jaccard similarity estimated from two signatures of the same length."""
    if len(sig_a) != len(sig_b) or not sig_a:
        raise ValueError("signatures must be non-empty and of the same length")
    return float(np.mean(np.asarray(sig_a, dtype=np.uint64) == np.asarray(sig_b, dtype=np.uint64)))


def jaccard(a: set[str], b: set[str]) -> float:
    return len(a & b) / len(a | b) if a or b else 0.0


@dataclass(frozen=True)
class ParagraphMatch:
    """A paragraph of this text (offsets into it) found in another text."""

    start: int
    end: int
    text: str
    containment: float




def containment(part: AbstractSet[str], whole: AbstractSet[str]) -> float:
    """Share of `part`'s shingles that stand in `whole`."""
    return len(part & whole) / len(part) if part else 0.0


# a table row read as a line of text (a PDF's, or a Word table's cells joined): 3.补正后… 0 0 0 0 1
_NUMBER_ROW = re.compile(r"(?:\s\d+(?:\.\d+)?){3,}\s*$")


def copied_passages(
    text: str,
    other: str,
    *,
    min_chars: int,
    threshold: float,
    min_item_chars: int = 12,
    shingle_size: int = SHINGLE_SIZE,
    aligned: float | None = None,
) -> list[ParagraphMatch]:
    """Passages of `text` nearly verbatim in `other`: a paragraph of at least `min_chars` canonical characters,
    or a run of consecutive shorter sentences (the items of a copied list, each at least `min_item_chars`)
    that together reach it. A table row (a tab in it, or a line ending in numbers) is never part of a passage,
    and a heading joins no run.

    `aligned`: a paragraph that shares fewer shingles than `threshold` but whose characters, aligned with one of
    `other`'s paragraphs, agree at least this much (fuzz.ratio), and whose counts are that paragraph's, is a copy
    adapted to the copier's line of work (医保政策宣讲小分队 -> 人社政策宣讲小分队, 一季度 -> 今年以来, the 46场次
    and 1.3万份 kept): the words changed, the passage the same."""
    other_shingles = _frozen_shingles(other, shingle_size, False)
    other_paragraphs: list[str] | None = None
    found: list[ParagraphMatch] = []
    run: list[tuple[int, int, int, float]] = []  # (start, end, canonical length, containment)

    def close() -> None:
        total = sum(n for _s, _e, n, _c in run)
        if run and total >= min_chars:
            start, end = run[0][0], run[-1][1]
            score = sum(n * c for _s, _e, n, c in run) / total
            found.append(ParagraphMatch(start, end, text[start:end], score))
        run.clear()

    for start, end in paragraph_spans(text):
        para = text[start:end]
        canon = canonical(para)
        if "\t" in para or _NUMBER_ROW.search(para) or len(canon) < min_item_chars:
            close()
            continue
        score = containment(_frozen_shingles(canon, shingle_size, True), other_shingles)
        sentence = para.rstrip().endswith(("。", "；", ";", "！", "!", "？", "?"))
        if score >= threshold and (sentence or len(canon) >= min_chars):
            run.append((start, end, len(canon), score))
            if not sentence:  # a heading or a table's header row stands alone, never in a run
                close()
        elif aligned and score >= ALIGNED_FLOOR and len(canon) >= min_chars and (
            best := _best_aligned(canon, other_paragraphs := other_paragraphs or _canonical_paragraphs(other))
        )[0] >= aligned and _same_counts(para, best[1]):
            run.append((start, end, len(canon), best[0]))
            close()
        elif score >= PARTIAL_FLOOR and len(canon) >= min_chars:
            # a paragraph of the body's own words around sentences taken over whole (half a paragraph copied):
            # its copied sentences are the items of a run, as a copied list's are
            for s_start, s_end in sentence_spans(para):
                s_start += len(para[s_start:s_end]) - len(para[s_start:s_end].lstrip())
                piece = canonical(para[s_start:s_end])
                piece_score = containment(_frozen_shingles(piece, shingle_size, True), other_shingles)
                if len(piece) >= min_item_chars and piece_score >= threshold:
                    run.append((start + s_start, start + s_end, len(piece), piece_score))
                else:
                    close()
        else:
            close()
    close()
    return found



# below this share of its shingles found elsewhere a paragraph holds no copied sentences worth looking for
PARTIAL_FLOOR = 0.3
# below this share a paragraph is not worth aligning character by character with the other's paragraphs
ALIGNED_FLOOR = 0.5


@lru_cache(maxsize=256)
def _canonical_paragraphs(text: str) -> list[tuple[str, str]]:
    """(canonical form, as written) of each paragraph long enough to be compared."""
    return [(c, text[s:e]) for s, e in paragraph_spans(text) if len(c := canonical(text[s:e])) >= 12]


def _best_aligned(canon: str, paragraphs: list[tuple[str, str]]) -> tuple[float, str]:
    """The best character alignment (0..1) of a paragraph with any of the other's of a comparable length, and
    that paragraph as written."""
    from rapidfuzz import fuzz

    scored = [(fuzz.ratio(canon, c) / 100, p) for c, p in paragraphs if 0.7 <= len(c) / len(canon) <= 1.4]
    return max(scored, default=(0.0, ""), key=lambda x: x[0])


# a count as a report states it (19个, 46场次, 1.3万份, 2100余人次): what a body's own paragraph has of its own
_COUNT = re.compile(r"(\d+(?:\.\d+)?)\s*(?:万|余|多)?\s*(?:个|场次|场|人次|人|次|份|条|件|户|家|名|篇|期|块|元|项|起)")


def _same_counts(para: str, other: str) -> bool:
    """The paragraph's counts stand in the other's, at least three and three quarters of them: the same passage
    told of the same events (two bodies filling one template write their own counts)."""
    mine, theirs = {m.group(1) for m in _COUNT.finditer(para)}, {m.group(1) for m in _COUNT.finditer(other)}
    shared = len(mine & theirs)
    return shared >= 3 and shared >= 0.75 * len(mine)
