"""How often the slot ranker's candidates hold the golden value, and how often its best candidate is it.

    python -m bench.slot_recall SLOT SET [SET ...]      e.g. occupation blind_2026_14p blind_2026_14q

For each golden letter of the sets (.docx) with a value for the slot: whether some candidate span equals the
golden value (compared as the scorer compares), and whether the installed model scores it highest. A candidate
rule's reach is measured here before any model is trained with it (the figures of the twenty-sixth round's
closing note: occupation candidates on 14p and 14q, 33 of 48 before the frame candidates, 47 after).
"""

from __future__ import annotations

import sys

from bench.corpus import cases
from bench.eval_holdout import _get, _norm
from bench.train import _letters
from extractors import learned
from extractors.learned.slots import SLOTS, model_name, slot_rows


def main(argv: list[str]) -> int:
    slot, sets = argv[0], argv[1:]
    model = learned.load(model_name(slot))
    golden = among = top = 0
    for name in sets:
        for fields, rec, text in _letters([c for c in cases(name) if c.path.suffix == ".docx"]):
            want = _get(fields, SLOTS[slot])
            if not isinstance(want, str):
                continue
            golden += 1
            rows = slot_rows(text, rec.evidence, rec.values, (slot,))[slot]
            among += any(_norm(c.text) == _norm(want) for c, _f in rows)
            if model is not None and rows:
                best = max(rows, key=lambda r: model.probabilities(r[1])[model.classes[-1]])[0]
                top += _norm(best.text) == _norm(want)
    print(f"{slot}: {golden} golden values, among the candidates {among}, the model's best {top}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
