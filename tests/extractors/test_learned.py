"""The learned models (issue 12): installed, small, evaluated, and loaded once; the rules' hits explain them."""

from __future__ import annotations

import json

from extractors import learned
from extractors.classify import classify
from extractors.learned import spans
from extractors.report import extract_report
from schemas.models import DocType, ParsedDocument

MODEL_FILES = ("doctype.json.gz", "commitment.json.gz", spans.MODEL_FILE)


def _doc(text: str) -> ParsedDocument:
    return ParsedDocument(text=text, format="txt", pages=1)


def test_models_are_installed_small_and_evaluated() -> None:
    total = 0
    for name in MODEL_FILES:
        path = learned.MODELS_DIR / name
        assert path.exists(), f"{name}: run `make models`"
        total += path.stat().st_size
        evaluation = json.loads((learned.MODELS_DIR / f"{name.split('.')[0]}.eval.json").read_text())
        assert evaluation["installed"] and evaluation["dev_new"]["docs"] > 0
    assert total <= 20 * 1024 * 1024


def test_a_model_is_loaded_once_per_process() -> None:
    assert learned.load("doctype") is learned.load("doctype")


def test_the_type_model_explains_itself_with_the_rules_cues() -> None:
    text = "领导你好，我叫王某某，在某某工地干活，老板欠我工钱三个月不给，我屋头等着用钱，求领导帮帮忙。"
    result = classify(text, models=True)
    assert result.doc_type == DocType.complaint
    assert "模型" in result.cues and any(k != "模型" for k in result.cues)


def test_rules_alone_stay_available() -> None:
    text = "某县人社局2025年第三季度政务公开工作情况报告\n一、基本情况\n今年以来，我局主动公开政府信息86条。"
    assert classify(text).cues.get("模型") is None


def test_the_commitment_model_finds_a_vague_promise_the_rules_miss() -> None:
    """No 要/将 marker, yet a plan section's sentence promising to improve disclosure."""
    text = (
        "某县人社局2025年政务公开工作总结\n一、主要做法\n全年主动公开政府信息86条。\n"
        "二、下一步工作打算\n加大对欠薪违法行为的曝光力度，形成有力震慑。"
    )
    rules_alone = extract_report(_doc(text)).commitments
    with_models = extract_report(_doc(text), models=True).commitments
    assert [c.text for c in with_models] == ["加大对欠薪违法行为的曝光力度，形成有力震慑。"]
    assert len(rules_alone) <= len(with_models)
    assert with_models[0].cadence is None
