"""The corpus evaluation counts commitment precision as well as recall (issue 12)."""

from __future__ import annotations

from bench.eval_corpus import Score, _score_commitments


def test_commitment_precision_counts_what_was_extracted_but_not_promised() -> None:
    score = Score()
    expected = [{"text": "每季度第一周的星期一在公示栏公开财务收支。", "cadence": "quarterly", "responsible": None}]
    got = [
        {"text": "每季度第一周的星期一在公示栏公开财务收支。", "cadence": "quarterly", "responsible": None},
        {"text": "全年公开政府信息120条。", "cadence": None, "responsible": None},
    ]
    _score_commitments("r", expected, got, score)
    figures = score.figures()
    assert figures["commitment_recall"] == 1.0
    assert figures["commitment_precision"] == 0.5
    assert any("not expected" in m for m in score.misses)
