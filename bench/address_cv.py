"""The address-continuation model (extractors/learned/address.py) on sets it was not fitted on, against the
landmark rule it replaced.

    python -m bench.address_cv SET [SET ...]      e.g. blind_2026_14p blind_2026_14q

Fits the model on the spent blind sets of `TRAIN_SETS` other than the sets named, then scores the named sets'
rows (each clause after a golden address: does the address run on into it) with the model and with the rule
(`_LANDMARK`, the feature `rule_landmark`). The twenty-sixth round's figure: on 14p and 14q, the model took 7 of
9 continuations with 2 wrong, the rule 2 of 9 with 2 wrong.
"""

from __future__ import annotations

import sys
from collections import Counter

from bench.corpus import TRAIN_SETS, cases
from bench.train import address_rows


def _rows(sets: list[str]) -> tuple[list, list]:
    return address_rows([c for name in sets for c in cases(name) if c.path.suffix == ".docx"])


def main(argv: list[str]) -> int:
    from sklearn.feature_extraction import DictVectorizer
    from sklearn.linear_model import LogisticRegression

    held = list(argv)
    train = [s for s in TRAIN_SETS if s.startswith("blind_") and s not in held]
    x_train, y_train = _rows(train)
    x_held, y_held = _rows(held)
    vectors = DictVectorizer()
    model = LogisticRegression(C=0.5, max_iter=2000, class_weight="balanced")
    model.fit(vectors.fit_transform(x_train), y_train)
    predicted = model.predict(vectors.transform(x_held))
    rule = ["yes" if x.get("rule_landmark") else "no" for x in x_held]
    for name, guesses in (("model", predicted), ("rule", rule)):
        tally = Counter(zip(y_held, guesses, strict=True))
        print(f"{name}: continuations {tally[('yes', 'yes')]} of {y_held.count('yes')} taken, "
              f"{tally[('no', 'yes')]} wrong, of {len(y_held)} rows")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
