"""Real public documents, annotated by hand: what a new user would see on texts nobody here wrote.

The texts are published letters and reports found with the search tool; their text is not ours, so they
are kept outside the repository (default folder /work/realdocs: `src/NN_slug.txt` + `NN_slug.expected.json`
with `doc_type`, for letters `fields.complainant.name/employer`, `fields.respondent.name`,
`fields.amount_claimed_yuan`, and for reports `commitments`). Each text is read as a .txt file through the
whole pure pipeline with the models.

Figures: document type accuracy; for letters, each of name / employer / amount found where the golden
states it (values compared as in bench/eval_holdout.py; an employer also counts when one name contains the
other, since letters name a company in several ways); report commitments recall and precision.

    python -m bench.eval_real [FOLDER] [--misses]
"""

from __future__ import annotations

import json
import sys
from datetime import date
from pathlib import Path

from rapidfuzz import fuzz

from bench.eval_holdout import _get, _norm, _same

DEFAULT = Path("/work/realdocs")
JURISDICTION = "广西壮族自治区柳州市融水苗族自治县"
ITEMS = ("complainant.name", "complainant.employer", "amount_claimed_yuan")


def _employer_ok(want: str, got: str | None) -> bool:
    if not got:
        return False
    a, b = _norm(want), _norm(got)
    return a == b or (min(len(a), len(b)) >= 2 and (a in b or b in a))


def main(argv: list[str]) -> int:
    from extractors.readers import read_document
    from pipeline.analyse import AnalysisContext, analyse_pass
    from rules.calendar import load_calendar
    from rules.loader import load_rules

    folder = Path(next((a for a in argv if not a.startswith("--")), DEFAULT))
    goldens = sorted(folder.glob("*.expected.json"))
    if not goldens:
        print(f"no documents in {folder}")
        return 1
    rules, calendar = load_rules(), load_calendar()
    items, cases = [], {}
    for i, path in enumerate(goldens):
        stem = path.name.removesuffix(".expected.json")
        golden = json.loads(path.read_text(encoding="utf-8"))
        raw = (folder / "src" / f"{stem}.txt").read_bytes()
        received = date.fromisoformat(golden.get("received_date") or "2026-11-30")
        ctx = AnalysisContext(today=received, received_date=received, rules=rules, calendar=calendar,
                              jurisdiction=golden.get("jurisdiction") or JURISDICTION, models=True)
        items.append((f"{i:04d}", read_document(raw, f"{stem}.txt"), ctx))
        cases[f"{i:04d}"] = (stem, golden)
    analyses = {k: a.model_dump(mode="json") for k, a in analyse_pass(items).items()}
    type_ok, found, stated, misses = 0, dict.fromkeys(ITEMS, 0), dict.fromkeys(ITEMS, 0), []
    c_expected = c_found = c_got = c_matched = 0
    for key, (stem, golden) in cases.items():
        a = analyses[key]
        type_ok += a["doc_type"] == golden["doc_type"]
        if a["doc_type"] != golden["doc_type"]:
            misses.append(f"{stem}: doc_type expected={golden['doc_type']} got={a['doc_type']}")
        if golden["doc_type"] == "complaint":
            for item in ITEMS:
                want = _get(golden.get("fields", {}), item)
                if want in (None, ""):
                    continue
                got = _get(a["fields"], item) if a["doc_type"] == "complaint" else None
                ok = _employer_ok(want, got) if item.endswith("employer") else _same(item.split(".")[-1], want, got)
                stated[item] += 1
                found[item] += ok
                if not ok:
                    misses.append(f"{stem}: {item} expected={want} got={got}")
        if golden["doc_type"] == "work_report":
            want = [_norm(c) if isinstance(c, str) else _norm(c.get("text", "")) for c in golden.get("commitments", [])]
            got = [_norm(c["text"]) for c in a.get("commitments", [])]
            c_expected += len(want)
            c_got += len(got)
            c_found += sum(any(fuzz.partial_ratio(w, g) >= 80 for g in got) for w in want)
            c_matched += sum(any(fuzz.partial_ratio(w, g) >= 80 for w in want) for g in got)
            misses += [f"{stem}: commitment not found: {w[:60]}" for w in want
                       if not any(fuzz.partial_ratio(w, g) >= 80 for g in got)]
            misses += [f"{stem}: commitment not expected: {g[:60]}" for g in got
                       if not any(fuzz.partial_ratio(w, g) >= 80 for w in want)]
    n = len(cases)
    print(f"real public documents: {n} ({folder})")
    print(f"  document type: {type_ok}/{n} = {100 * type_ok / n:.1f}%")
    total_found, total_stated = sum(found.values()), sum(stated.values())
    for item in ITEMS:
        print(f"  {item}: found {found[item]} of {stated[item]} stated")
    if total_stated:
        print(f"  letters' name/employer/amount where stated: {total_found}/{total_stated} = "
              f"{100 * total_found / total_stated:.1f}%")
    if c_expected or c_got:
        print(f"  report commitments: recall {c_found}/{c_expected}, precision {c_matched}/{c_got}")
    if "--misses" in argv:
        print("\n".join("    " + m for m in misses))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
