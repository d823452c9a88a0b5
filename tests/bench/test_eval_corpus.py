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


def test_phone_numbers_compare_without_the_dashes_that_group_their_digits() -> None:
    from bench.eval_holdout import _same

    assert _same("phone", "138-8117-4352", "13881174352")
    assert _same("phone", "152 4763 9015", "15247639015")
    assert not _same("phone", "138-8117-4352", "13881174353")
    assert _same("agents", [{"name": "王建华", "phone": "139-9323-6118"}], [{"name": "王建华", "phone": "13993236118"}])
