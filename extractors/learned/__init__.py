"""Small learned models on top of the rules: linear models over words, character n-grams and rule hits.

Each model is a versioned data file in `extractors/data/models/` (`NAME.json.gz`: classes, intercepts and
the non-zero weight of each feature), built by one command from the corpus in the repository
(`make models`, i.e. `python -m bench.train`), with its evaluation beside it (`NAME.eval.json`). Inference
is a dictionary lookup and a sum per feature, no scikit-learn at run time. A model is loaded once per
process; a missing file means the rules alone decide.
"""

from __future__ import annotations

import gzip
import json
import math
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path

# (the test run `make models` gates a candidate model with points this at the candidates' folder: tests/conftest.py)
MODELS_DIR = Path(__file__).resolve().parent.parent / "data" / "models"


@dataclass(frozen=True)
class LinearModel:
    """A multinomial (or binary: one row, positive class second) logistic model."""

    name: str
    version: str
    classes: list[str]
    intercepts: list[float]
    weights: dict[str, list[float]]  # feature -> one weight per row
    _prefixes: dict[str, bool] = field(default_factory=dict, compare=False, repr=False)

    def probabilities(self, features: dict[str, float]) -> dict[str, float]:
        rows = len(self.intercepts)
        get = self.weights.get
        if rows == 1:  # binary: one sum, in the same order as the rows' loop below
            z0 = self.intercepts[0]
            for feature, value in features.items():
                w = get(feature)
                if w is not None:
                    z0 += w[0] * value
            p = 1 / (1 + math.exp(-max(-30.0, min(30.0, z0))))
            return {self.classes[0]: 1 - p, self.classes[1]: p}
        z = list(self.intercepts)
        for feature, value in features.items():
            w = get(feature)
            if w is not None:
                for r in range(rows):
                    z[r] += w[r] * value
        top = max(z)
        exp = [math.exp(v - top) for v in z]
        total = sum(exp)
        return {c: e / total for c, e in zip(self.classes, exp, strict=True)}

    def uses(self, prefix: str) -> bool:
        """Whether the model was built with features named `prefix`… (a kind its rows may then leave out)."""
        if prefix not in self._prefixes:
            self._prefixes[prefix] = any(f.startswith(prefix) for f in self.weights)
        return self._prefixes[prefix]

    def strongest(self, features: dict[str, float], cls: str, n: int = 5) -> list[str]:
        """The features that pushed most towards `cls`: the explanation a supervisor sees."""
        row = 0 if len(self.intercepts) == 1 else self.classes.index(cls)
        sign = -1 if len(self.intercepts) == 1 and cls == self.classes[0] else 1
        scored = [(sign * self.weights[f][row] * v, f) for f, v in features.items() if f in self.weights]
        return [f for s, f in sorted(scored, reverse=True)[:n] if s > 0]


def model_path(name: str) -> Path:
    return MODELS_DIR / f"{name}.json.gz"


@cache
def load(name: str) -> LinearModel | None:
    """The installed model `name`, once per process; None when none is installed."""
    path = model_path(name)
    if not path.exists():
        return None
    data = json.loads(gzip.decompress(path.read_bytes()).decode("utf-8"))
    return LinearModel(data["name"], data["version"], data["classes"], data["intercepts"], data["weights"])
