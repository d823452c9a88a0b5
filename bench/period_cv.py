"""The violation period's decision paths compared offline, on letters the models were not trained on.

Each golden letter of the corpus (its .docx) is read by the rules once; the period rankers' rows (every dated period
of the letter, with its features) are kept in memory. Models are fitted on the training sets' letters (by
`make models`' own fit, one format) and scored on the others (the dev sets, the read sets and any set named):
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


def _fit(name: str, rows: list[dict[str, float]], labels: list[str]) -> Callable[..., float]:
    """Fitted as `make models` fits the model `name` (bench/train.py: its C, its class weights), read as installed."""
    from bench.train import SPECS, fit
    from extractors.learned import LinearModel

    data = fit(name, rows, labels, SPECS[name][1])
    model = LinearModel(data["name"], data["version"], data["classes"], data["intercepts"], data["weights"])
    return lambda feats: model.probabilities(feats)[model.classes[-1]]


def point(train: list[Letter], role: str) -> Callable[..., float]:
    rows = [feats for d in train for _value, _span, feats in d["rows"][role]]
    labels = ["yes" if value == d[role] else "no" for d in train for value, _span, _feats in d["rows"][role]]
    return _fit(f"period_{role}", rows, labels)


def pair(train: list[Letter]) -> Callable[..., float]:
    from extractors.learned.period import pair_rows

    rows, labels = [], []
    for d in train:
        letter_rows, letter_labels = pair_rows(d["rows"]["end"], d["end"])
        rows += letter_rows
        labels += letter_labels
    return _fit("period_end_pair", rows, labels)


def ongoing_model(train: list[Letter]) -> Callable[..., float]:
    return _fit("period_ongoing", [d["whole"] for d in train], ["yes" if d["end"] is None else "no" for d in train])


def _best(d: Letter, role: str, score: Callable[..., float]) -> date | None:
    items = d["rows"][role]
    return max(items, key=lambda item: score(item[2]))[0] if items else d["rules"][role]


def main(argv: list[str]) -> int:
    from extractors.learned import period

    train = letters(list(TRAIN_SETS))
    held = letters([*DEV_SETS, *READ_SETS, *argv])
    start_point, end_point = point(train, "start"), point(train, "end")
    end_pair, runs_on = pair(train), ongoing_model(train)

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
