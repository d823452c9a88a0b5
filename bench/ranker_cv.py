"""Cross-validation of the slot rankers (extractors/learned/slots.py) on the corpus, without the install gate.

The dev gate decides by some 150 letters, where one letter is 0.7 % of a field; a feature or a candidate rule
that moves a few letters either way is lost in that noise. This command fits each slot's model on four fifths
of the training and dev letters (.docx, in corpus order, so a fold holds whole sets) and scores the fifth it did
not see, five times: how many letters get the golden value from the rules alone, and from the model at each
threshold (its best candidate replaces the rules' value from that probability on).

    python -m bench.ranker_cv [occupation employer respondent workplace]
"""

from __future__ import annotations

import sys

from bench.corpus import DEV_SETS, TRAIN_SETS, cases
from bench.eval_holdout import _get, _norm
from bench.train import _letters, fit
from extractors import learned
from extractors.learned import slots

FOLDS = 5
THRESHOLDS = (0.5, 0.6, 0.7, 0.8, 0.9)


def _same(want: str | None, got: str | None) -> bool:
    return (want is None and not got) or (want is not None and got is not None and _norm(want) == _norm(got))


def main(argv: list[str]) -> int:
    wanted = tuple(argv) or tuple(slots.SLOTS)
    letters = [c for name in (*TRAIN_SETS, *DEV_SETS) for c in cases(name) if c.path.suffix == ".docx"]
    rows = [(fields, rec.values, slots.slot_rows(text, rec.evidence, rec.values, wanted))
            for fields, rec, text in _letters(letters)]
    n = len(rows)
    print(f"{n} letters, {FOLDS} folds")
    for slot in wanted:
        path = slots.SLOTS[slot]
        rules, by_threshold = 0, dict.fromkeys(THRESHOLDS, 0)
        for k in range(FOLDS):
            lo, hi = k * n // FOLDS, (k + 1) * n // FOLDS
            x, y = [], []
            for i, (fields, _values, found) in enumerate(rows):
                if not lo <= i < hi:
                    want = _get(fields, path)
                    for cand, feats in found[slot]:
                        x.append(feats)
                        y.append("yes" if isinstance(want, str) and _norm(cand.text) == _norm(want) else "no")
            model = learned.LinearModel(**fit(slot, x, y, 0.3))
            for fields, values, found in rows[lo:hi]:
                want = _get(fields, path)
                want = want if isinstance(want, str) else None
                p, best = max(((model.probabilities(f)[model.classes[-1]], c.text) for c, f in found[slot]),
                              default=(0.0, None))
                rules += _same(want, values.get(path))
                for t in THRESHOLDS:
                    by_threshold[t] += _same(want, best if p >= t else values.get(path))
        scores = "  ".join(f"{t}: {v}" for t, v in by_threshold.items())
        print(f"{slot:<11} rules alone {rules}  model at  {scores}  (of {n})")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
