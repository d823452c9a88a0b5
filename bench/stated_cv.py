"""Leave-sets-out cross-validation of the stated-item model (extractors/learned/stated.py) on the training letters.

For each required item and threshold: how many false missing-item flags the model would prevent (+, the letter
states the item) and how many true ones it would suppress (-, the golden expects the flag), predicted for each
training set by a model trained without it (five folds of whole sets). The per-item thresholds in stated.py are
read off this table; the dev sets then gate the installed model (`make models`).

    python -m bench.stated_cv [--words-only]
"""

from __future__ import annotations

import sys
from collections import defaultdict

THRESHOLDS = (0.5, 0.6, 0.7, 0.8, 0.9)


def _letters() -> list[tuple[str, str, dict[str, bool], set[str]]]:
    from bench.train import _read, training_cases
    from extractors.complaint import record_fields
    from extractors.learned.stated import ITEMS

    out = []
    for case in training_cases():
        if case.golden.get("doc_type") != "complaint" or case.path.suffix != ".docx":
            continue
        rec, text = record_fields(_read(case), models=False)
        out.append((case.set_name, text, {i: rec.has(i) for i in ITEMS}, set(case.golden.get("expected_flags") or [])))
    return out


def _rows(letters: list, with_cues: bool) -> tuple[list[dict[str, float]], list[str], list[str]]:
    from extractors.learned.stated import ITEMS, cues, features, words

    rows, labels, items = [], [], []
    for _set, text, has, expected in letters:
        letter_words, letter_cues = words(text), (cues(text) if with_cues else None)
        for item in ITEMS:
            if not has[item]:
                rows.append(features(item, letter_words, letter_cues))
                labels.append("no" if f"complaint.missing.{item}" in expected else "yes")
                items.append(item)
    return rows, labels, items


def main(argv: list[str]) -> int:
    from sklearn.feature_extraction import DictVectorizer
    from sklearn.linear_model import LogisticRegression

    from extractors.learned.stated import ITEMS

    with_cues = "--words-only" not in argv
    letters = _letters()
    sets = sorted({name for name, *_ in letters})
    folds = [set(sets[i::5]) for i in range(5)]
    scored: list[tuple[str, str, float]] = []
    for fold in folds:
        rows, labels, _ = _rows([x for x in letters if x[0] not in fold], with_cues)
        vectorizer = DictVectorizer()
        model = LogisticRegression(C=0.3, max_iter=2000, class_weight="balanced")
        model.fit(vectorizer.fit_transform(rows), labels)
        test_rows, test_labels, test_items = _rows([x for x in letters if x[0] in fold], with_cues)
        yes = list(model.classes_).index("yes")
        probabilities = model.predict_proba(vectorizer.transform(test_rows))[:, yes]
        scored += list(zip(test_items, test_labels, probabilities, strict=True))
    print(f"{len(letters)} training letters, {len(scored)} items the rules alone leave unread "
          f"({'words and cues' if with_cues else 'words only'})")
    by_item: dict[str, list[tuple[str, float]]] = defaultdict(list)
    for item, label, p in scored:
        by_item[item].append((label, p))
    for item in ITEMS:
        pairs = by_item[item]
        cells = []
        for t in THRESHOLDS:
            prevented = sum(1 for label, p in pairs if p >= t and label == "yes")
            suppressed = sum(1 for label, p in pairs if p >= t and label == "no")
            cells.append(f"{t}: +{prevented}/-{suppressed}")
        stated_count = sum(1 for label, _ in pairs if label == "yes")
        print(f"  {item:24s} n={len(pairs):4d} stated={stated_count:4d}  " + "  ".join(cells))
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
