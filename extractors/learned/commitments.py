"""The commitment-sentence model: is this report sentence a promise of future action?

The rules' view of the sentence (their units, hits and section context) are its first features; the model
keeps a rule's commitment unless it is confident the sentence is none, and adds a sentence the rules let pass
(a vague promise in words no pattern lists) when it is confident it is one.
"""

from __future__ import annotations

from extractors.learned import load
from extractors.learned.features import sentence_features
from extractors.report.commitments import SentenceView, _Unit, model_unit

MODEL = "commitment"
KEEP_AT = 0.25  # a rule's commitment is dropped only below this
ADD_AT = 0.6  # a sentence the rules let pass becomes a commitment from this on


def features(view: SentenceView) -> dict[str, float]:
    return sentence_features(view.sentence.text, view.hits, view.context)


def probability(view: SentenceView) -> float | None:
    model = load(MODEL)
    if model is None:
        return None
    return model.probabilities(features(view))["yes"]


def judge_units(view: SentenceView) -> list[_Unit]:
    p = probability(view)
    if p is None:
        return view.units
    if view.units:
        return view.units if p >= KEEP_AT else []
    return [model_unit(view.sentence.text)] if p >= ADD_AT else []
