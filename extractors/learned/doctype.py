"""The document-type model: rules' scores and cues plus words and title characters -> complaint / report / …"""

from __future__ import annotations

from extractors.classify import Classification
from extractors.learned import load
from extractors.learned.features import document_features
from schemas.models import DocType

MODEL = "doctype"


def refine(text: str, rules: Classification) -> Classification:
    """The model's type, explained by the rules' cues and the model's strongest features."""
    model = load(MODEL)
    if model is None:
        return rules
    features = document_features(text, rules.scores, rules.cues, rules.words)
    probs = model.probabilities(features)
    best = max(probs, key=lambda k: probs[k])
    cues = dict(rules.cues)
    cues["模型"] = model.strongest(features, best)
    return Classification(DocType(best), round(min(probs[best], 0.99), 2), rules.scores, cues, rules.words)
