"""The document-type model: rules' scores and cues plus words and title characters -> complaint / report / …"""

from __future__ import annotations

from extractors.classify import Classification, min_score
from extractors.learned import load
from extractors.learned.features import document_features
from schemas.models import DocType

MODEL = "doctype"
DEFER_BELOW = 0.6  # below this the model defers to a clear vote of the rules


def features_of(text: str, rules: Classification) -> dict[str, float]:
    """The model's features: the rules' scores and cues, and the words of the text without a web page's chrome
    (breadcrumbs, 来源/发布时间 lines), which says where a text was posted, not what it is."""
    from extractors import tokenize
    from extractors.complaint.forwarded import mask_chrome

    masked = mask_chrome(text)
    words = rules.words if masked == text else frozenset(tokenize.cut(masked))
    return document_features(masked, rules.scores, rules.cues, words)


def refine(text: str, rules: Classification) -> Classification:
    """The model's type, explained by the rules' cues and the model's strongest features."""
    model = load(MODEL)
    if model is None:
        return rules
    features = features_of(text, rules)
    probs = model.probabilities(features)
    best = max(probs, key=lambda k: probs[k])
    # a clear vote: the rules' type reaches the bar and stands apart from the runner-up by as much (a notice on
    # wage arrears scores nearly as high for complaint words as for its notice forms: no clear vote)
    best_score, runner_up = [*sorted(rules.scores.values(), reverse=True), 0.0, 0.0][:2]
    clear_vote = rules.scores.get(rules.doc_type.value, 0) >= min_score() and best_score - runner_up >= min_score()
    if probs[best] < DEFER_BELOW and rules.doc_type.value != best and clear_vote:
        # the model hesitates against a clear vote of the rules (a letter in words the corpus seldom used):
        # the rules decide, the model's hesitation shows in the confidence
        return Classification(rules.doc_type, round(1 - probs[best], 2), rules.scores, rules.cues, rules.words)
    cues = dict(rules.cues)
    cues["模型"] = model.strongest(features, best)
    return Classification(DocType(best), round(min(probs[best], 0.99), 2), rules.scores, cues, rules.words)
