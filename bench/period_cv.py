"""The violation period's decision paths compared offline, on letters the models were not trained on.

Each golden letter of the corpus (its .docx) is read by the rules once; the period rankers' rows (every dated period
of the letter, with its features) are kept in memory. Models are fitted on the training sets' letters (as
`make models` fits them, one format) and scored on the others (the dev sets, the read sets and any set named):
how many letters get the golden start and end. Paths:

- rules: the rules' start and end;
- installed: the installed models as the pipeline applies them (`extractors.learned.period.choose`);
- point/pair + rules' ongoing: a pointwise or a pairwise end ranker, the end left open where the rules say the
  violation runs on (the path before the twenty-ninth round, its gate removed);
- pair + ongoing model: the two-step end (a fitted `period_ongoing`, then the pairwise ranker);
- pair + perfect ongoing: the same ranker told the golden's "runs on or not": what the ranking alone loses.

    python -m bench.period_cv [SET ...]
"""

from __future__ import annotations

import sys
from collections.abc import Callable
from datetime import date
from typing import Any

from bench.corpus import DEV_SETS, READ_SETS, TRAIN_SETS, cases

Letter = dict[str, Any]


def letters(names: list[str]) -> list[Letter]:
    from bench.train import _read
    from extractors.complaint import record_fields, span_of
    from extractors.complaint.dates import story_anchor
    from extractors.learned.period import ongoing_features, rows

    out = []
    for name in names:
        for case in cases(name):
            if case.path.suffix != ".docx" or case.golden.get("doc_type") != "complaint":
                continue
            fields = case.golden.get("fields", {})
            rec, text = record_fields(_read(case), models=True)
            rules = {"start": rec.get("violation_start"), "end": rec.get("violation_end")}
            ongoing, anchor, facts = bool(rec.get("violation_ongoing")), story_anchor(rec, text), span_of(rec, "facts")
            found = rows(text, anchor, facts, rules, ongoing)
            out.append({
                "set": name, "text": text, "anchor": anchor, "facts": facts, "rules": rules, "ongoing": ongoing,
                "rows": found, "whole": ongoing_features(text, anchor, facts, rules, ongoing, len(found["end"])),
                "start": _day(fields.get("violation_start")), "end": _day(fields.get("violation_end")),
            })
    return out


def _day(value: str | None) -> date | None:
    return date.fromisoformat(value) if value else None


def _fit(rows: list[dict[str, float]], labels: list[int], c: float, balanced: bool = True) -> Callable[..., float]:
    from sklearn.feature_extraction import DictVectorizer
    from sklearn.linear_model import LogisticRegression

    vectorizer = DictVectorizer()
    model = LogisticRegression(C=c, max_iter=3000, class_weight="balanced" if balanced else None)
    model.fit(vectorizer.fit_transform(rows), labels)
    return lambda feats: float(model.predict_proba(vectorizer.transform([feats]))[0, 1])


def point(train: list[Letter], role: str) -> Callable[..., float]:
    rows, labels = [], []
    for d in train:
        for value, _span, feats in d["rows"][role]:
            rows.append(feats)
            labels.append(int(value == d[role]))
    return _fit(rows, labels, 0.3)


def pair(train: list[Letter], role: str) -> Callable[..., float]:
    from extractors.learned.period import pair_difference

    rows, labels = [], []
    for d in train:
        gold = next((f for value, _s, f in d["rows"][role] if value == d[role]), None)
        for value, _span, other in d["rows"][role] if gold is not None else []:
            if value != d[role]:
                rows += [pair_difference(gold, other), pair_difference(other, gold)]
                labels += [1, 0]
    return _fit(rows, labels, 3.0)


def ongoing_model(train: list[Letter]) -> Callable[..., float]:
    return _fit([d["whole"] for d in train], [int(d["end"] is None) for d in train], 0.3, balanced=False)


def _best(d: Letter, role: str, score: Callable[..., float]) -> date | None:
    items = d["rows"][role]
    return max(items, key=lambda item: score(item[2]))[0] if items else d["rules"][role]


def main(argv: list[str]) -> int:
    from extractors.learned import period

    train = letters(list(TRAIN_SETS))
    held = letters([*DEV_SETS, *READ_SETS, *argv])
    start_point, end_point, end_pair, runs_on = point(train, "start"), point(train, "end"), pair(train, "end"), \
        ongoing_model(train)

    def installed(d: Letter) -> tuple[date | None, date | None]:
        chosen = period.choose(d["text"], d["anchor"], d["facts"], d["rules"], d["ongoing"])
        start = chosen.get("start", (d["rules"]["start"],))[0]
        if chosen.get("ongoing", (False,))[0]:
            return start, None
        return start, chosen.get("end", (None if d["ongoing"] else d["rules"]["end"],))[0]

    paths: dict[str, Callable[[Letter], tuple[date | None, date | None]]] = {
        "rules": lambda d: (d["rules"]["start"], d["rules"]["end"]),
        "installed": installed,
        "point + rules' ongoing": lambda d: (_best(d, "start", start_point),
                                             None if d["ongoing"] else _best(d, "end", end_point)),
        "pair + rules' ongoing": lambda d: (_best(d, "start", start_point),
                                            None if d["ongoing"] else _best(d, "end", end_pair)),
        "pair + ongoing model": lambda d: (_best(d, "start", start_point),
                                           None if runs_on(d["whole"]) > 0.5 else _best(d, "end", end_pair)),
        "pair + perfect ongoing": lambda d: (_best(d, "start", start_point),
                                             None if d["end"] is None else _best(d, "end", end_pair)),
    }
    print(f"trained on {len(train)} letters of {len(TRAIN_SETS)} sets; scored on {len(held)} others")
    for name, path in paths.items():
        got = [path(d) for d in held]
        starts = sum(s == d["start"] for (s, _e), d in zip(got, held, strict=True))
        ends = sum(e == d["end"] for (_s, e), d in zip(got, held, strict=True))
        print(f"  {name:24s} start {starts}/{len(held)} = {100 * starts / len(held):.1f}%   "
              f"end {ends}/{len(held)} = {100 * ends / len(held):.1f}%")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
