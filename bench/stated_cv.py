"""Leave-sets-out cross-validation of the stated-item models (extractors/learned/stated.py) on the training letters.

For each required item the rules alone leave unread: how many false missing-item flags a model would prevent
(+, the letter states the item) and how many true ones it would suppress (-, the golden expects the flag),
predicted for each training set by models trained without it (five folds of whole sets). Three deciders side by
side: the whole-letter model at its thresholds, the sentence model at SENTENCE_THRESHOLD, and the pair as
installed (either confident). Then the same on the dev letters (never trained on) with models trained on every
training letter. The thresholds in stated.py are read off these tables; the dev sets then gate what is installed
(`make models`).

    python -m bench.stated_cv
"""

from __future__ import annotations

import sys
from collections import defaultdict
from typing import Any

THRESHOLDS = (0.5, 0.6, 0.7, 0.8, 0.9)


def _fit(rows: list[dict[str, float]], labels: list[str]) -> tuple[Any, Any, int]:
    from sklearn.feature_extraction import DictVectorizer
    from sklearn.linear_model import LogisticRegression

    vectorizer = DictVectorizer()
    model = LogisticRegression(C=0.3, max_iter=2000, class_weight="balanced")
    model.fit(vectorizer.fit_transform(rows), labels)
    return vectorizer, model, list(model.classes_).index("yes")


def _letter_rows(letters: list[dict[str, Any]]) -> tuple[list[dict[str, float]], list[str]]:
    from extractors.learned.stated import ITEMS, cues, features, words

    rows, labels = [], []
    for letter in letters:
        letter_words, letter_cues = words(letter["text"]), cues(letter["text"])
        for item in ITEMS:
            if not letter["has"][item]:
                rows.append(features(item, letter_words, letter_cues))
                labels.append("no" if f"complaint.missing.{item}" in letter["expected"] else "yes")
    return rows, labels


def _predict(train: list[dict[str, Any]], test: list[dict[str, Any]]) -> list[tuple[str, str, float, float]]:
    """(item, label, letter model's p, sentence model's best p) for every unread item of the test letters."""
    from bench.train import sentence_rows
    from extractors.learned.stated import ITEMS, cues, features, sentence_features, words

    lv, lm, ly = _fit(*_letter_rows(train))
    sv, sm, sy = _fit(*sentence_rows(train))
    out = []
    for letter in test:
        letter_words, letter_cues, units = words(letter["text"]), cues(letter["text"]), letter["units"]
        for item in ITEMS:
            if letter["has"][item]:
                continue
            label = "no" if f"complaint.missing.{item}" in letter["expected"] else "yes"
            p = float(lm.predict_proba(lv.transform([features(item, letter_words, letter_cues)]))[0, ly])
            rows = [sentence_features(item, units, k) for k in range(len(units))]
            q = float(sm.predict_proba(sv.transform(rows))[:, sy].max()) if rows else 0.0
            out.append((item, label, p, q))
    return out


def _table(title: str, scored: list[tuple[str, str, float, float]]) -> None:
    from extractors.learned.stated import ITEMS, SENTENCE_THRESHOLD, THRESHOLD
    from extractors.learned.stated import THRESHOLDS as ITEM_THRESHOLDS

    print(title)
    totals: dict[str, list[int]] = defaultdict(lambda: [0, 0])
    for item in ITEMS:
        pairs = [(label, p, q) for i, label, p, q in scored if i == item]
        t1 = ITEM_THRESHOLDS.get(item, THRESHOLD)
        deciders = {
            **{f"letter>={t}": (lambda p, q, t=t: p >= t) for t in THRESHOLDS},
            **{f"sentence>={t}": (lambda p, q, t=t: q >= t) for t in THRESHOLDS},
            "letter (installed threshold)": lambda p, q, t1=t1: p >= t1,
            "installed pair": lambda p, q, t1=t1: p >= t1 or q >= SENTENCE_THRESHOLD,
        }
        cells = []
        for name, decide in deciders.items():
            prevented = sum(1 for label, p, q in pairs if decide(p, q) and label == "yes")
            suppressed = sum(1 for label, p, q in pairs if decide(p, q) and label == "no")
            totals[name][0] += prevented
            totals[name][1] += suppressed
            if name in ("letter (installed threshold)", "installed pair") or name.startswith("sentence>=0.9"):
                cells.append(f"{name}: +{prevented}/-{suppressed}")
        stated_count = sum(1 for label, *_ in pairs if label == "yes")
        print(f"  {item:24s} n={len(pairs):4d} stated={stated_count:4d}  " + "  ".join(cells))
    print("  all items:")
    for name, (prevented, suppressed) in totals.items():
        print(f"    {name:30s} +{prevented:4d} / -{suppressed:4d}")


def main(argv: list[str]) -> int:
    from bench.train import dev_cases, stated_letters, training_cases

    letters = stated_letters([c for c in training_cases() if c.path.suffix == ".docx"])
    sets = sorted({letter["set"] for letter in letters})
    folds = [set(sets[i::5]) for i in range(5)]
    scored = []
    for fold in folds:
        scored += _predict([x for x in letters if x["set"] not in fold], [x for x in letters if x["set"] in fold])
    _table(f"cross-validation: {len(letters)} training letters (.docx), five folds of whole sets", scored)
    dev = stated_letters([c for c in dev_cases() if c.path.suffix == ".docx"])
    _table(f"dev: {len(dev)} letters (.docx), models trained on every training letter", _predict(letters, dev))
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
