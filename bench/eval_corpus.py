"""`make eval`: every evaluation set, rules alone and rules + models, side by side.

Sets: the development data (the corpus's train and dev sets, committed under tests/fixtures/corpus/), the
older held-out folders (tests/fixtures/holdout*), and every blind set (`blind_*`, read from the writers'
folder until it is committed). Each document runs in both built formats through the whole pure pipeline;
the documents of one set and format form one pass (`pipeline.analyse.analyse_pass`), so a resubmission
sees its original. Values are compared as in bench/eval_holdout.py. The complaint is judged against the
golden's own `jurisdiction` (default 融水).

Figures per set and mode: document type accuracy; complaint field accuracy (every contract field, the
golden's values); report field accuracy; false `complaint.missing.*` per 10 letters; report commitments
recall and precision (text at >= 80 % partial similarity, one-to-one); expected flags found (all, and `r.flg`:
the report flags alone, the issue's target); flags the golden does not expect; inference time per document
(models only, i.e. with minus without).

Blind sets print their summary only, never a miss: they are measured, not read.

    python -m bench.eval_corpus [--set NAME ...] [--misses [--reveal-blind]] [--mode rules|models] [--json]
"""

from __future__ import annotations

import json
import sys
import time
from collections import defaultdict
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import Any

from rapidfuzz import fuzz

from bench.corpus import DEV_SETS, READ_SETS, TRAIN_SETS, Case, blind_sets, cases
from bench.eval_holdout import COMPLAINT_FIELDS, REPORT_FIELDS, SIMILAR, _get, _norm, _same, _short

ROOT = Path(__file__).resolve().parent.parent
HOLDOUTS = ("holdout", "holdout2", "holdout3")
DEFAULT_JURISDICTION = "广西壮族自治区柳州市融水苗族自治县"
MODES = ("rules", "models")


@dataclass
class Score:
    docs: int = 0
    doc_type_ok: int = 0
    complaint_fields: list[int] = field(default_factory=lambda: [0, 0])
    report_fields: list[int] = field(default_factory=lambda: [0, 0])
    letters: int = 0
    false_missing: int = 0
    commitments: dict[str, int] = field(default_factory=lambda: defaultdict(int))
    flags_expected: int = 0
    flags_found: int = 0
    report_flags: list[int] = field(default_factory=lambda: [0, 0])  # the target: report flags found
    unexpected: int = 0
    seconds: float = 0.0
    misses: list[str] = field(default_factory=list)

    def figures(self) -> dict[str, Any]:
        c = self.commitments
        return {
            "docs": self.docs,
            "doc_type": _ratio(self.doc_type_ok, self.docs),
            "complaint_fields": _ratio(*self.complaint_fields),
            "report_fields": _ratio(*self.report_fields),
            "false_missing_per_10_letters": 10 * self.false_missing / self.letters if self.letters else None,
            "commitment_recall": _ratio(c["found"], c["expected"]),
            "commitment_precision": _ratio(c["matched_got"], c["got"]),
            "commitment_cadence": _ratio(c["cadence_ok"], c["found"]),
            "commitment_responsible": _ratio(c["responsible_ok"], c["found"]),
            "expected_flags": _ratio(self.flags_found, self.flags_expected),
            "expected_report_flags": _ratio(*self.report_flags),
            "unexpected_flags": self.unexpected,
            "ms_per_doc": 1000 * self.seconds / self.docs if self.docs else None,
        }


def _ratio(hits: int, n: int) -> float | None:
    return hits / n if n else None


# --------------------------------------------------------------------------- one set


def _parse(case_list: list[Case]) -> dict[int, Any]:
    from extractors.readers import read_document

    return {i: read_document(c.path.read_bytes(), c.path.name) for i, c in enumerate(case_list)}


def run_set(case_list: list[Case], models: bool, parsed: dict[int, Any] | None = None) -> tuple[Score, dict]:
    """Analyse a set (each format one pass) and score it. Returns the score and the analyses by case index."""
    from pipeline.analyse import AnalysisContext, analyse_pass
    from rules.calendar import load_calendar
    from rules.loader import load_rules

    parsed = parsed if parsed is not None else _parse(case_list)
    rules, calendar = load_rules(), load_calendar()
    analyses: dict[int, Any] = {}
    started = time.perf_counter()
    for fmt in {c.path.suffix for c in case_list}:
        items = []
        for i, c in enumerate(case_list):
            if c.path.suffix != fmt:
                continue
            received = date.fromisoformat(c.golden["received_date"])
            ctx = AnalysisContext(
                today=received, received_date=received, rules=rules, calendar=calendar,
                jurisdiction=c.golden.get("jurisdiction") or DEFAULT_JURISDICTION, models=models,
            )
            items.append((f"{i:04d}", parsed[i], ctx))
        for key, analysis in analyse_pass(items).items():
            analyses[int(key)] = analysis.model_dump(mode="json")
    score = Score(seconds=time.perf_counter() - started)
    for i, c in enumerate(case_list):
        _score_one(c, analyses[i], score)
    return score, analyses


def _score_one(case: Case, analysis: dict[str, Any], score: Score) -> None:
    golden, name = case.golden, f"{case.set_name}/{case.path.name}"
    score.docs += 1
    kind = golden["doc_type"]
    score.doc_type_ok += analysis["doc_type"] == kind
    if analysis["doc_type"] != kind:
        score.misses.append(f"{name}: doc_type expected={kind} got={analysis['doc_type']}")
    if kind in ("complaint", "work_report"):
        names, tally = (COMPLAINT_FIELDS, score.complaint_fields) if kind == "complaint" else (
            REPORT_FIELDS, score.report_fields)
        for f in names:
            want, got = _get(golden["fields"], f), _get(analysis["fields"], f)
            if f == "received_date" and want is None:
                want = golden["received_date"]
            ok = _same(f.split(".")[-1] if f != "facts" else f, want, got)
            tally[0] += ok
            tally[1] += 1
            if not ok:
                score.misses.append(f"{name}: {f} expected={_short(want)} got={_short(got)}")
    score.letters += kind == "complaint"
    want_flags = set(golden.get("expected_flags", []))
    got_flags = {f["rule_id"] for f in analysis["flags"]} - {"report.disclosure_overdue"}
    score.flags_expected += len(want_flags)
    score.flags_found += len(want_flags & got_flags)
    wanted_report = {r for r in want_flags if r.startswith("report.")}
    score.report_flags[0] += len(wanted_report & got_flags)
    score.report_flags[1] += len(wanted_report)
    score.misses += [f"{name}: flag expected={r} got=absent" for r in sorted(want_flags - got_flags)]
    for r in sorted(got_flags - want_flags):
        score.unexpected += 1
        score.false_missing += r.startswith("complaint.missing.")
        score.misses.append(f"{name}: flag expected=absent got={r}")
    if kind == "work_report":
        _score_commitments(name, golden.get("commitments", []), analysis["commitments"], score)


def _score_commitments(name: str, expected: list[dict], got: list[dict], score: Score) -> None:
    tally = score.commitments
    pool = list(got)
    for want in expected:
        hit = next((c for c in pool if _close(want["text"], c["text"])), None)
        tally["expected"] += 1
        if hit is None:
            score.misses.append(f"{name}: commitment not found: {_short(want['text'], 60)}")
            continue
        pool.remove(hit)
        tally["found"] += 1
        for key in ("cadence", "responsible"):
            ok = _same(key, want.get(key), hit.get(key))
            tally[f"{key}_ok"] += ok
            if not ok:
                score.misses.append(f"{name}: commitment {key} expected={_short(want.get(key))} "
                                    f"got={_short(hit.get(key))} ({_short(want['text'], 30)})")
    tally["got"] += len(got)
    # precision: an extracted commitment is right when it stands for some golden commitment
    tally["matched_got"] += sum(1 for c in got if any(_close(w["text"], c["text"]) for w in expected))
    for c in got:
        if not any(_close(w["text"], c["text"]) for w in expected):
            score.misses.append(f"{name}: commitment not expected: {_short(c['text'], 60)}")


def _close(a: str, b: str) -> bool:
    """Same commitment: one text stands (>= 80 %) inside the other (a clause of a sentence, or the sentence)."""
    return fuzz.partial_ratio(_norm(a), _norm(b)) >= SIMILAR


# --------------------------------------------------------------------------- all sets


def available_sets() -> list[tuple[str, bool]]:
    """(set name, blind?) in the order they are printed."""
    found = [(n, False) for n in (*TRAIN_SETS, *DEV_SETS, *READ_SETS, *HOLDOUTS)]
    return found + [(n, True) for n in blind_sets()]


def _case_list(name: str) -> list[Case]:
    if name in HOLDOUTS:
        from bench.corpus import cases as corpus_cases

        return corpus_cases(name, ROOT / "tests" / "fixtures" / name)
    return cases(name)


def _fmt(value: float | None, percent: bool = True) -> str:
    if value is None:
        return "—"
    return f"{value:.1%}" if percent else f"{value:.1f}"


HEADER = (f"{'set':22} {'mode':6} {'docs':>4} {'type':>6} {'c.fld':>6} {'r.fld':>6} {'miss/10':>7} "
          f"{'cm.rec':>6} {'cm.prc':>6} {'cm.cad':>6} {'cm.rsp':>6} {'flags':>6} {'r.flg':>6} {'unexp':>5} "
          f"{'ms/doc':>6}")


def row(name: str, mode: str, f: dict[str, Any]) -> str:
    return (f"{name:22} {mode:6} {f['docs']:>4} {_fmt(f['doc_type']):>6} {_fmt(f['complaint_fields']):>6} "
            f"{_fmt(f['report_fields']):>6} {_fmt(f['false_missing_per_10_letters'], False):>7} "
            f"{_fmt(f['commitment_recall']):>6} {_fmt(f['commitment_precision']):>6} "
            f"{_fmt(f['commitment_cadence']):>6} {_fmt(f['commitment_responsible']):>6} "
            f"{_fmt(f['expected_flags']):>6} {_fmt(f['expected_report_flags']):>6} {f['unexpected_flags']:>5} "
            f"{_fmt(f['ms_per_doc'], False):>6}")


def evaluate(names: list[str] | None = None, modes: tuple[str, ...] = MODES, misses: bool = False,
             out: Any = sys.stdout, reveal: bool = False) -> dict[str, dict[str, dict[str, Any]]]:
    """`reveal`: print a blind set's misses too — only once its before-tuning figure has been recorded."""
    results: dict[str, dict[str, dict[str, Any]]] = {}
    print(HEADER, file=out)
    for name, blind in available_sets():
        if names and name not in names:
            continue
        case_list = _case_list(name)
        if not case_list:
            continue
        parsed = _parse(case_list)
        results[name] = {}
        for mode in modes:
            score, _ = run_set(case_list, models=mode == "models", parsed=parsed)
            results[name][mode] = score.figures()
            print(row(name + (" (blind)" if blind else ""), mode, results[name][mode]), file=out, flush=True)
            if misses and (reveal or not blind):
                for m in score.misses:
                    print(f"    {m}", file=out)
    return results


def main(argv: list[str]) -> int:
    names = [argv[i + 1] for i, a in enumerate(argv) if a == "--set"]
    modes = tuple(argv[i + 1] for i, a in enumerate(argv) if a == "--mode") or MODES
    results = evaluate(names or None, modes, misses="--misses" in argv, reveal="--reveal-blind" in argv)
    if "--json" in argv:
        print(json.dumps(results, ensure_ascii=False, indent=1))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
