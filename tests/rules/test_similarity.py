"""Near duplicates and copied paragraphs on the real seed texts."""

from __future__ import annotations

from pathlib import Path

import pytest

from extractors.normalize import normalize_text
from rules import similarity

SEEDS = Path(__file__).parents[1] / "fixtures" / "seeds" / "src"


def seed(prefix: str) -> str:
    (path,) = SEEDS.glob(f"{prefix}_*.txt")
    return normalize_text(path.read_text(encoding="utf-8"))


@pytest.fixture(scope="module")
def texts() -> dict[str, str]:
    return {p: seed(p) for p in ("01", "02", "03", "04", "05")}


def test_canonical_drops_spacing_punctuation_and_page_numbers() -> None:
    assert similarity.canonical("限时办-1-\n结制、 责任 追究制。") == "限时办结制责任追究制"


def test_signature_is_plain_ints_of_fixed_length() -> None:
    sig = similarity.signature("今年以来，我镇政务公开和效能建设工作在上级部门指导下")
    assert len(sig) == similarity.NUM_PERM
    assert all(type(v) is int for v in sig)
    assert sig == similarity.signature("今年以来，我镇政务公开和效能建设工作在上级部门指导下")


def test_seed_05_is_a_near_duplicate_of_seed_04(texts: dict[str, str]) -> None:
    score = similarity.estimate_jaccard(similarity.signature(texts["05"]), similarity.signature(texts["04"]))
    assert score >= 0.9


def test_same_text_in_another_layout_is_a_near_duplicate(texts: dict[str, str]) -> None:
    # what a PDF makes of a report: other line breaks, spaces, a page number inside a sentence
    relaid = texts["04"].replace("\n", " ").replace("。", "。\n-3-").replace(",", "，")
    score = similarity.estimate_jaccard(similarity.signature(relaid), similarity.signature(texts["04"]))
    assert score >= 0.95


@pytest.mark.parametrize(("a", "b"), [("03", "04"), ("01", "04"), ("02", "03"), ("01", "03")])
def test_different_reports_are_not_near_duplicates(texts: dict[str, str], a: str, b: str) -> None:
    score = similarity.estimate_jaccard(similarity.signature(texts[a]), similarity.signature(texts[b]))
    assert score < 0.3


def test_estimate_matches_exact_jaccard(texts: dict[str, str]) -> None:
    exact = similarity.jaccard(similarity.shingles(texts["03"]), similarity.shingles(texts["01"]))
    est = similarity.estimate_jaccard(similarity.signature(texts["03"]), similarity.signature(texts["01"]))
    assert abs(exact - est) < 0.1


def test_estimate_rejects_signatures_of_different_length() -> None:
    with pytest.raises(ValueError):
        similarity.estimate_jaccard([1, 2], [1, 2, 3])


def test_copied_paragraph_is_found_with_its_offsets(texts: dict[str, str]) -> None:
    source = texts["03"]
    start = source.index("固原市原州区为了")
    paragraph = source[start : source.index("\n", start) if "\n" in source[start:] else len(source)]
    host = "某县某镇2011年工作总结\n我镇认真开展政务公开工作。\n" + paragraph.replace(",", "，") + "\n此致"
    matches = similarity.copied_paragraphs(host, source, min_chars=60, threshold=0.8)
    assert len(matches) == 1
    m = matches[0]
    assert host[m.start : m.end] == m.text
    assert m.text.startswith("固原市原州区为了")
    assert m.containment > 0.95


def test_short_or_unrelated_paragraphs_are_not_copies(texts: dict[str, str]) -> None:
    host = "我镇认真开展政务公开工作。\n" + texts["04"].split("\n")[5]
    assert similarity.copied_paragraphs(host, texts["03"], min_chars=60, threshold=0.8) == []
