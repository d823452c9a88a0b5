"""Commitment precision/recall and field accuracy of work-report extraction, over every report fixture
(tests/fixtures/reports/*.expected.json and tests/fixtures/seeds/*.report.expected.json, both formats).

`python -m bench.eval_reports` prints the table; `score_reports()` returns it.
Matching rules (shared with tests/extractors/test_report.py):
- an extracted commitment matches a golden one when rapidfuzz `partial_ratio` of their texts is ≥ 90
  (whitespace ignored); each golden commitment matches at most one extracted commitment;
- precision = matched / extracted, recall = matched / golden;
- attribute accuracy (action, cadence, schedule, responsible, channel) over matched pairs, by equality;
- fields: each top-level field of the golden, by equality (figures as a list of label/value/unit).
"""

from __future__ import annotations

import json
import re
import time
from functools import lru_cache
from pathlib import Path
from typing import Any

from rapidfuzz import fuzz

from extractors.readers import read_document
from extractors.report import ReportExtraction, extract_report

ROOT = Path(__file__).resolve().parent.parent / "tests" / "fixtures"
TEXT_MATCH = 90
ATTRIBUTES = ("action", "cadence", "schedule", "responsible", "channel")


def goldens() -> list[tuple[str, Path]]:
    """(name, golden path) of every report fixture, seeds included."""
    out = [
        (p.name.removesuffix(".expected.json"), p) for p in sorted((ROOT / "reports").glob("*.expected.json"))
    ]
    out += [
        (p.name.removesuffix(".report.expected.json"), p)
        for p in sorted((ROOT / "seeds").glob("*.report.expected.json"))
    ]
    return out


def fixtures() -> list[tuple[str, Path, Path]]:
    """(name, document path, golden path) for every built document with a golden."""
    out = []
    for name, golden in goldens():
        for ext in ("docx", "pdf"):
            doc = golden.parent / f"{name}.{ext}"
            if doc.exists():
                out.append((name, doc, golden))
    return out


def load_golden(path: Path) -> dict[str, Any]:
    return json.loads(path.read_text(encoding="utf-8"))


@lru_cache(maxsize=64)
def extract(path: Path) -> ReportExtraction:
    return extract_report(read_document(path.read_bytes(), path.name))


def _squash(text: str) -> str:
    return re.sub(r"\s+", "", text)


def match_commitments(
    expected: list[dict[str, Any]], actual: list[dict[str, Any]]
) -> tuple[list[tuple[dict[str, Any], dict[str, Any]]], list[dict[str, Any]], list[dict[str, Any]]]:
    """(matched pairs, golden commitments not found, extracted commitments not in the golden)."""
    free = list(actual)
    pairs, missed = [], []
    for exp in expected:
        scored = [
            (fuzz.partial_ratio(_squash(exp["text"]), _squash(a["text"])), i) for i, a in enumerate(free)
        ]
        best = max(scored, default=(0, -1))
        if best[0] >= TEXT_MATCH:
            pairs.append((exp, free.pop(best[1])))
        else:
            missed.append(exp)
    return pairs, missed, free


def actual_fields(extraction: ReportExtraction) -> dict[str, Any]:
    return extraction.fields.model_dump(mode="json", exclude={"evidence"})


def actual_commitments(extraction: ReportExtraction) -> list[dict[str, Any]]:
    return [c.model_dump(mode="json", exclude={"evidence", "section"}) for c in extraction.commitments]


def score_reports() -> dict[str, Any]:
    started = time.perf_counter()
    n_golden = n_actual = n_matched = 0
    attr_ok = dict.fromkeys(ATTRIBUTES, 0)
    field_ok: dict[str, list[int]] = {}
    for _, doc, golden_path in fixtures():
        golden = load_golden(golden_path)
        extraction = extract(doc)
        pairs, _, _ = match_commitments(golden["commitments"], actual_commitments(extraction))
        n_golden += len(golden["commitments"])
        n_actual += len(extraction.commitments)
        n_matched += len(pairs)
        for exp, act in pairs:
            for a in ATTRIBUTES:
                attr_ok[a] += exp[a] == act[a]
        fields = actual_fields(extraction)
        for key, value in golden["fields"].items():
            field_ok.setdefault(key, [0, 0])
            field_ok[key][0] += _same(value, fields.get(key))
            field_ok[key][1] += 1
    return {
        "documents": len(fixtures()),
        "commitments": {
            "golden": n_golden,
            "extracted": n_actual,
            "matched": n_matched,
            "precision": n_matched / n_actual if n_actual else 1.0,
            "recall": n_matched / n_golden if n_golden else 1.0,
        },
        "attributes": {a: attr_ok[a] / n_matched if n_matched else 1.0 for a in ATTRIBUTES},
        "fields": {k: ok / n for k, (ok, n) in field_ok.items()},
        "seconds": round(time.perf_counter() - started, 2),
    }


def _same(expected: Any, actual: Any) -> bool:
    if (
        isinstance(expected, list)
        and expected
        and isinstance(expected[0], dict)
        and "value" in expected[0]
        and "label" in expected[0]
    ):
        return [(f["label"], float(f["value"]), f["unit"]) for f in expected] == [
            (f["label"], float(f["value"]), f["unit"]) for f in actual or []
        ]
    return expected == actual


def main() -> None:
    s = score_reports()
    c = s["commitments"]
    print(f"report fixtures: {s['documents']} documents (docx + pdf), {s['seconds']} s")
    print(f"commitments: golden {c['golden']}, extracted {c['extracted']}, matched {c['matched']}")
    print(f"  precision {c['precision']:.1%}   recall {c['recall']:.1%}")
    for a, v in s["attributes"].items():
        print(f"  {a:<12} {v:.1%}")
    print("fields:")
    for k, v in s["fields"].items():
        print(f"  {k:<20} {v:.1%}")


if __name__ == "__main__":
    main()
