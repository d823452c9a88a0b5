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
    matches = similarity.copied_passages(host, source, min_chars=60, threshold=0.8)
    assert len(matches) == 1
    m = matches[0]
    assert host[m.start : m.end] == m.text
    assert m.text.startswith("固原市原州区为了")
    assert m.containment > 0.95


def test_short_or_unrelated_paragraphs_are_not_copies(texts: dict[str, str]) -> None:
    host = "我镇认真开展政务公开工作。\n" + texts["04"].split("\n")[5]
    assert similarity.copied_passages(host, texts["03"], min_chars=60, threshold=0.8) == []


def test_a_copied_list_of_short_items_is_one_passage() -> None:
    """Items of another body's plan copied one by one, each shorter than a paragraph that counts, together are
    a copied passage; the prescribed table's heading and header row never are."""
    source = (
        "临某县人社局2026年政府信息公开工作年度报告\n六、存在的主要问题及改进情况\n"
        "1.由劳动保障监察大队每季度结束后10个工作日内，在临某县人民政府门户网站公布上一季度重大劳动保障违法"
        "行为查处情况。\n"
        "2.由就业服务中心每月5日前通过“临某人社”微信公众号发布县内用人单位岗位招聘信息。\n"
        "3.2027年3月31日前，由局办公室完成政府信息公开指南和公开目录的修订更新。\n"
        "三、收到和处理政府信息公开申请情况\n"
        "（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和） 自然人 商业企业 总计\n"
    )
    host = (
        "咸某县人社局2027年上半年政务公开工作总结\n二、下半年工作打算\n"
        "1.由劳动保障监察大队每季度结束后10个工作日内，在临某县人民政府门户网站公布上一季度重大劳动保障违法"
        "行为查处情况。\n"
        "2.由就业服务中心每月5日前通过“临某人社”微信公众号发布县内用人单位岗位招聘信息。\n"
        "三、收到和处理政府信息公开申请情况\n"
        "（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和） 自然人 商业企业 总计\n"
    )
    found = similarity.copied_passages(host, source, min_chars=60, threshold=0.8)
    assert [m.text for m in found] == [host[host.index("1.由") : host.index("三、收到") - 1]]
    # no one item is long enough alone: only the run makes the passage
    assert similarity.copied_passages(host, source, min_chars=60, threshold=0.8, min_item_chars=60) == []
