"""The commitment-sentence model: is this report sentence a promise of future action?

The rules' view of the sentence (their units, hits and section context) are its first features; the model
keeps a rule's commitment unless it is confident the sentence is none, and adds a sentence the rules let pass
(a vague promise in words no pattern lists) when it is confident it is one.
"""

from __future__ import annotations

import re

from extractors.learned import load
from extractors.learned.features import sentence_features
from extractors.report import lexicon
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


# what falls short (公开的全面性有待进一步提升, 宣传较少, 力量薄弱): a shortcoming the report admits, which promises
# nothing unless the sentence itself turns to the future (将, 要, 下一步)
# (and whom the action is for: 对公开不及时的村予以通报, 对授权不到位的部门书面提醒)
_ADDRESSED = re.compile(r"(?:针对|对于|鉴于|面对|为解决)[^，,。；;]*[，,]|对[^，,。；;]{1,16}?的")
_FALLS_SHORT = re.compile(r"有待|亟待|尚待|还不够|不够|不足|欠缺|较少|偏少|薄弱|滞后|不到位|不及时|不规范|差距")


def judge_units(view: SentenceView) -> list[_Unit]:
    p = probability(view)
    if p is None:
        return view.units
    if view.units:
        return view.units if p >= KEEP_AT else []
    text = view.sentence.text
    # a rectification table's row gives the problem in its own cell and the measure in the next (cells apart by a
    # tab, or in a PDF's text by a space): the longest cell is what the row says
    cell = max(re.split(r"\t| (?=[\u4e00-\u9fff])", text), key=len)
    stated = _ADDRESSED.sub("", cell)  # 针对力量薄弱等现状，进一步明确…: the shortcoming it answers is not its own
    if _FALLS_SHORT.search(stated) and not lexicon.regex("firm_future_markers").search(text):
        return []  # the model does not add a shortcoming as a promise
    return [model_unit(text)] if p >= ADD_AT else []
