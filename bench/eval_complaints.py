"""Per-field accuracy of complaint extraction over tests/fixtures/complaints (both formats).

`python -m bench.eval_complaints` prints the table; `score_complaints()` returns it for `make eval`.
Comparison rules (shared with tests/extractors/test_complaint.py):
- facts: the golden's first 30 characters must occur in the extracted facts (whitespace ignored) and
  the lengths must agree within ±20%; None must match None;
- requests: the list, item by item, after removing whitespace;
- every other field: equality (dates as YYYY-MM-DD, amounts to the cent).
"""

from __future__ import annotations

import json
import re
from pathlib import Path
from typing import Any

from extractors.complaint import extract_complaint
from extractors.readers import read_document

FIXTURES = Path(__file__).resolve().parent.parent / "tests" / "fixtures" / "complaints"
FACTS_PREFIX = 30
FACTS_LENGTH_TOLERANCE = 0.20


def fixtures() -> list[tuple[str, Path, dict[str, Any]]]:
    """(name, document path, golden) for every built fixture file with a golden."""
    out = []
    for golden in sorted(FIXTURES.glob("*.expected.json")):
        name = golden.name.removesuffix(".expected.json")
        expected = json.loads(golden.read_text(encoding="utf-8"))
        for ext in ("docx", "pdf"):
            path = FIXTURES / f"{name}.{ext}"
            if path.exists():
                out.append((name, path, expected))
    return out


def _squash(value: str) -> str:
    return re.sub(r"\s+", "", value)


def facts_match(expected: str | None, actual: str | None) -> bool:
    if expected is None or actual is None:
        return expected is actual
    exp, act = _squash(expected), _squash(actual)
    return exp[:FACTS_PREFIX] in act and abs(len(act) - len(exp)) <= FACTS_LENGTH_TOLERANCE * len(exp)


def flatten(fields: dict[str, Any]) -> dict[str, Any]:
    """{'complainant': {'name': …}} -> {'complainant.name': …}; lists and scalars kept as they are."""
    flat: dict[str, Any] = {}
    for key, value in fields.items():
        if key == "evidence":
            continue
        if isinstance(value, dict):
            flat.update({f"{key}.{k}": v for k, v in value.items()})
        else:
            flat[key] = value
    return flat


def field_matches(field: str, expected: Any, actual: Any) -> bool:
    if field == "facts":
        return facts_match(expected, actual)
    if field == "requests":
        return [_squash(x) for x in expected or []] == [_squash(x) for x in actual or []]
    if isinstance(expected, (int, float)) and isinstance(actual, (int, float)):
        return round(float(expected), 2) == round(float(actual), 2)
    return expected == actual


def compare(
    expected_fields: dict[str, Any], actual_fields: dict[str, Any]
) -> dict[str, tuple[bool, Any, Any]]:
    """field -> (ok, expected, actual) for every field of the golden."""
    exp, act = flatten(expected_fields), flatten(actual_fields)
    return {f: (field_matches(f, exp[f], act.get(f)), exp[f], act.get(f)) for f in exp}


def extracted(path: Path) -> dict[str, Any]:
    doc = read_document(path.read_bytes(), path.name)
    return extract_complaint(doc).model_dump(mode="json")


def score_complaints() -> dict[str, Any]:
    """{'fields': {field: accuracy}, 'overall': accuracy, 'documents': n, 'misses': [(file, field)]}."""
    totals: dict[str, list[int]] = {}
    misses = []
    docs = fixtures()
    for _name, path, golden in docs:
        for field, (ok, _e, _a) in compare(golden["fields"], extracted(path)).items():
            totals.setdefault(field, [0, 0])
            totals[field][0] += ok
            totals[field][1] += 1
            if not ok:
                misses.append((path.name, field))
    per_field = {f: right / n for f, (right, n) in totals.items()}
    right = sum(r for r, _ in totals.values())
    count = sum(n for _, n in totals.values())
    return {
        "fields": per_field,
        "overall": right / count if count else 0.0,
        "documents": len(docs),
        "misses": misses,
    }


def main() -> None:
    score = score_complaints()
    print(f"{'field':34} accuracy")
    for field, acc in score["fields"].items():
        print(f"{field:34} {acc:7.1%}")
    print(f"{'overall':34} {score['overall']:7.1%}   ({score['documents']} documents)")
    for name, field in score["misses"]:
        print(f"  miss: {name}: {field}")


if __name__ == "__main__":
    main()
