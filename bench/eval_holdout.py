"""Blind held-out evaluation: how well extraction and checks generalise to documents nobody tuned for.

`tests/fixtures/holdout/` holds complaint letters and work reports written independently of the
extractor fixtures, each with a hand-written golden `<name>.expected.json`. Every golden is run in
every built format (.docx, .pdf) through the whole pure pipeline (`pipeline.analyse.analyse`) and
compared field by field.

How values are compared (the golden notes say why a value is what it is):
- phone numbers: equal without the spaces, dashes or brackets that group their digits;
- strings: equal after NFKC folding, traditional-to-simplified folding, whitespace removal and trailing
  punctuation stripping;
- `facts`: whitespace-insensitive, at least 80 % similar (rapidfuzz ratio);
- `requests`, `stated_shortcomings`: same number of items, each matched one-to-one at >= 80 %;
- numbers: equal within 0.5; dates: equal `YYYY-MM-DD`;
- `representatives`, `named_systems`: equal as sets; `agents`: equal as sets of (name, phone);
- `prior_proceedings`: a golden "unknown" (the writers' word for a letter silent on it) matches null (the
  contract's value for a silent letter) or "unknown";
- `received_date`: the export's value is the arrival date unless the letter carries a receipt stamp
  (CONTRACT.md); a golden's `fields.received_date` is the stamp (null without one), so the extracted
  value is compared with the golden's stamp when present, else with its top-level `received_date`
  (the arrival date the document is run with);
- `period`: start and end; `responsible_persons`: the set of names; `channels`: the set of kinds
  (what a channel's value should hold is not fixed by the contract; a golden's kind outside the contract's
  list, e.g. a writer's `wechat`, is the contract's `other`); `figures`: every golden
  (value, unit) is present (a report states more numbers than a golden can list).
Flags: recall of the golden rule ids, plus every unexpected rule id (false `complaint.missing.*`
counted apart). Commitments (reports): text recall at >= 80 % similarity, and on the matched ones
the cadence and responsible accuracy.

Run: `.venv/bin/python -m bench.eval_holdout [--dir tests/fixtures/holdout2] [--check-goldens]`
(`--dir` picks another held-out folder of the same layout; default `tests/fixtures/holdout`);
`score_holdout()` returns the same figures as a dict.
"""

from __future__ import annotations

import json
import re
import sys
import unicodedata
from collections import defaultdict
from datetime import date
from pathlib import Path
from typing import Any

from rapidfuzz import fuzz

HOLDOUT = Path(__file__).resolve().parent.parent / "tests" / "fixtures" / "holdout"
JURISDICTION = "广西壮族自治区柳州市融水苗族自治县"
FORMATS = ("docx", "pdf")
SIMILAR = 80.0

COMPLAINT_FIELDS = [
    *(f"complainant.{k}" for k in ("name", "gender", "age", "occupation", "employer", "address", "phone", "id_number")),
    *(f"respondent.{k}" for k in ("name", "address", "legal_representative", "workplace")),
    "facts", "requests", "prior_proceedings", "violation_start", "violation_end", "letter_date", "received_date",
    "amount_claimed_yuan", "collective", "complainant_count", "representatives", "agents",
]  # fmt: skip
REPORT_FIELDS = [
    "agency", "title", "report_date", "period", "responsible_persons", "channels", "named_systems",
    "stated_shortcomings", "figures",
]  # fmt: skip
_TRAILING = "。；;，,、：:.！!？? "
_NUMBERING = re.compile(r"^\s*(?:[（(]?[0-9一二三四五六七八九十]+[)）、.．]|[①-⑳]|[一二三四五六七八九十]是)\s*")


# --------------------------------------------------------------------------- comparison


def _norm(value: Any) -> str:
    """Folded for comparison: width (NFKC), whitespace, trailing punctuation, and script (a traditional-
    character letter's values are given as written; a golden may spell them either way)."""
    from extractors.normalize import to_simplified

    text = to_simplified(unicodedata.normalize("NFKC", str(value)))
    return re.sub(r"\s+", "", text).strip(_TRAILING)


def _phone(value: Any) -> str:
    """A phone number without the dashes or brackets a writer may group its digits with (138-8117-4352)."""
    return re.sub(r"[-－—()（）]", "", _norm(value)) if value else ""


def _similar(a: str, b: str) -> bool:
    return fuzz.ratio(_norm(a), _norm(b)) >= SIMILAR


def _matched_one_to_one(expected: list[str], got: list[str]) -> bool:
    """Same length and every expected item pairs with a distinct, similar got item."""
    if len(expected) != len(got):
        return False
    left = [_NUMBERING.sub("", g) for g in got]
    for item in expected:
        hit = next((i for i, g in enumerate(left) if _similar(item, g)), None)
        if hit is None:
            return False
        left.pop(hit)
    return True


def _get(fields: dict[str, Any], dotted: str) -> Any:
    value: Any = fields
    for part in dotted.split("."):
        value = value.get(part) if isinstance(value, dict) else None
    return value


# the contract's channel kinds; a writer's own kind (wechat, weibo) is the contract's "other"
CHANNEL_KINDS = frozenset({"hotline", "mailbox", "website", "notice_board", "email", "other"})


def _kind(kind: str) -> str:
    return kind if kind in CHANNEL_KINDS else "other"


def _same(field: str, expected: Any, got: Any) -> bool:
    """Whether one extracted value counts as right (see the module docstring)."""
    if field == "facts":
        return (expected is None and not got) or (expected is not None and bool(got) and _similar(expected, got))
    if field in ("requests", "stated_shortcomings"):
        return _matched_one_to_one(expected or [], got or [])
    if field == "representatives":
        return {_norm(x) for x in expected or []} == {_norm(x) for x in got or []}
    if field == "named_systems":  # 《某局…制度》 or 某局…制度: writers keep a rule's book-title marks or not
        return {_norm(x).strip("《》") for x in expected or []} == {_norm(x).strip("《》") for x in got or []}
    if field == "agents":
        key = lambda a: (_norm(a.get("name")), _phone(a.get("phone")))  # noqa: E731
        return {key(a) for a in expected or []} == {key(a) for a in got or []}
    if field == "period":
        return (expected or {}).get("start") == (got or {}).get("start") and (expected or {}).get("end") == (
            got or {}
        ).get("end")
    if field == "responsible_persons":
        return {_norm(p.get("name")) for p in expected or []} == {_norm(p.get("name")) for p in got or []}
    if field == "channels":
        return {_kind(c["kind"]) for c in expected or []} == {_kind(c["kind"]) for c in got or []}
    if field == "figures":
        have = {(round(float(f["value"]), 2), _norm(f.get("unit"))) for f in got or []}
        return all((round(float(f["value"]), 2), _norm(f.get("unit"))) in have for f in expected or [])
    if field == "prior_proceedings" and expected == "unknown":
        # the writers' "unknown" covers a silent letter, which the contract writes as null
        return got in (None, "unknown")
    if expected is None or got is None:
        return expected is None and got in (None, "", [])
    if isinstance(expected, bool) or isinstance(got, bool):
        return expected == got
    if field.endswith("phone"):
        return _phone(expected) == _phone(got)
    if isinstance(expected, (int, float)):
        try:
            return abs(float(expected) - float(got)) <= 0.5
        except (TypeError, ValueError):
            return False
    return _norm(expected) == _norm(got)


def _short(value: Any, limit: int = 80) -> str:
    text = json.dumps(value, ensure_ascii=False) if not isinstance(value, str) else value
    return text if len(text) <= limit else text[: limit - 1] + "…"


# --------------------------------------------------------------------------- running


def _analyse(path: Path, received: date) -> dict[str, Any]:
    from extractors.readers import read_document
    from pipeline.analyse import AnalysisContext, analyse
    from rules.calendar import load_calendar
    from rules.loader import load_rules

    doc = read_document(path.read_bytes(), path.name)
    ctx = AnalysisContext(
        today=received,
        received_date=received,
        rules=load_rules(),
        calendar=load_calendar(),
        jurisdiction=JURISDICTION,
    )
    return analyse(doc, ctx).model_dump(mode="json")


def _cases() -> list[tuple[str, dict[str, Any], Path]]:
    cases = []
    for golden_path in sorted(HOLDOUT.glob("*.expected.json")):
        stem = golden_path.name.removesuffix(".expected.json")
        golden = json.loads(golden_path.read_text(encoding="utf-8"))
        for fmt in FORMATS:
            doc_path = HOLDOUT / f"{stem}.{fmt}"
            if doc_path.exists():
                cases.append((stem, golden, doc_path))
    return cases


def _score_commitments(expected: list[dict], got: list[dict], tally: dict[str, int]) -> list[str]:
    """Commitment recall (and precision counts) into `tally`; the misses. One scorer: bench/eval_corpus.py's."""
    from bench.eval_corpus import Score
    from bench.eval_corpus import _score_commitments as score_commitments

    score = Score()
    score.commitments = tally
    score_commitments("", expected, got, score)
    return [miss.removeprefix(": ") for miss in score.misses]


def score_holdout() -> dict[str, Any]:
    """Run every holdout document through the pipeline; return accuracies, flag figures and misses."""
    field_hits: dict[str, list[int]] = defaultdict(lambda: [0, 0])
    doc_type_hits = docs = 0
    flags_expected = flags_found = false_missing = 0
    unexpected: dict[str, int] = defaultdict(int)
    commitments: dict[str, int] = defaultdict(int)
    misses: list[str] = []
    for _stem, golden, path in _cases():
        name = path.name
        received = date.fromisoformat(golden["received_date"])
        analysis = _analyse(path, received)
        docs += 1
        doc_type_hits += analysis["doc_type"] == golden["doc_type"]
        if analysis["doc_type"] != golden["doc_type"]:
            misses.append(f"{name}: doc_type expected={golden['doc_type']} got={analysis['doc_type']}")
        field_names = COMPLAINT_FIELDS if golden["doc_type"] == "complaint" else REPORT_FIELDS
        for field in field_names:
            want, got = _get(golden["fields"], field), _get(analysis["fields"], field)
            if field == "received_date" and want is None:
                want = golden["received_date"]  # no stamp: the export carries the arrival date
            ok = _same(field.split(".")[-1] if field != "facts" else field, want, got)
            field_hits[field][0] += ok
            field_hits[field][1] += 1
            if not ok:
                misses.append(f"{name}: {field} expected={_short(want)} got={_short(got)}")
        want_flags = set(golden["expected_flags"])
        got_flags = {f["rule_id"] for f in analysis["flags"]}
        flags_expected += len(want_flags)
        flags_found += len(want_flags & got_flags)
        for rule in sorted(want_flags - got_flags):
            misses.append(f"{name}: flag expected={rule} got=absent")
        for rule in sorted(got_flags - want_flags):
            unexpected[rule] += 1
            false_missing += rule.startswith("complaint.missing.")
            misses.append(f"{name}: flag expected=absent got={rule}")
        if golden["doc_type"] == "work_report":
            found = _score_commitments(golden.get("commitments", []), analysis["commitments"], commitments)
            misses.extend(f"{name}: {m}" for m in found)
    total_hits = sum(h for h, _ in field_hits.values())
    total = sum(n for _, n in field_hits.values())
    return {
        "documents": docs,
        "doc_type_accuracy": doc_type_hits / docs if docs else 0.0,
        "field_accuracy": {f: h / n for f, (h, n) in field_hits.items()},
        "field_counts": {f: (h, n) for f, (h, n) in field_hits.items()},
        "overall_field_accuracy": total_hits / total if total else 0.0,
        "flag_recall": flags_found / flags_expected if flags_expected else 1.0,
        "flags_expected": flags_expected,
        "flags_found": flags_found,
        "false_missing_flags": false_missing,
        "unexpected_flags": dict(unexpected),
        "commitment_recall": commitments["found"] / commitments["expected"] if commitments["expected"] else 1.0,
        "commitment_counts": dict(commitments),
        "misses": misses,
    }


# --------------------------------------------------------------------------- golden sanity


_ID_WEIGHTS = (7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2)


def valid_id_number(value: str) -> bool:
    """GB 11643 check digit of an 18-character resident ID number."""
    if not re.fullmatch(r"\d{17}[\dX]", value):
        return False
    return "10X98765432"[sum(int(d) * w for d, w in zip(value[:17], _ID_WEIGHTS, strict=True)) % 11] == value[17]


def check_goldens() -> list[str]:
    """Golden values that should stand verbatim in the document but do not (typos in a golden)."""
    from extractors.readers import read_document

    problems = []
    verbatim = ["complainant.name", "complainant.occupation", "complainant.address", "complainant.phone",
                "complainant.id_number", "respondent.name", "respondent.address", "respondent.legal_representative",
                "respondent.workplace", "agency", "title"]  # fmt: skip
    for _stem, golden, path in _cases():
        text = _norm(read_document(path.read_bytes(), path.name).text)
        for field in verbatim:
            value = _get(golden["fields"], field)
            if isinstance(value, str) and _norm(value) not in text:
                problems.append(f"{path.name}: {field}={value} not in text")
        for item in [golden["fields"].get("facts") or "", *golden["fields"].get("requests", [])]:
            if item and _norm(item) not in text:
                problems.append(f"{path.name}: text not verbatim: {_short(item, 40)}")
        number = _get(golden["fields"], "complainant.id_number")
        if number and not valid_id_number(number):
            problems.append(f"{path.name}: id_number with a wrong check digit")
    return problems


# --------------------------------------------------------------------------- report


def main() -> int:
    result = score_holdout()
    print(f"holdout documents (doc x format): {result['documents']}")
    print(f"doc_type accuracy: {result['doc_type_accuracy']:.1%}")
    print(f"{'field':38} {'right':>5} / {'n':>3}  accuracy")
    for field, (hits, n) in result["field_counts"].items():
        print(f"{field:38} {hits:>5} / {n:>3}  {hits / n:7.1%}")
    print(f"overall field accuracy: {result['overall_field_accuracy']:.1%}")
    print(f"flag recall: {result['flags_found']}/{result['flags_expected']} = {result['flag_recall']:.1%}")
    print(f"false complaint.missing.* flags: {result['false_missing_flags']}")
    print(f"unexpected flags: {json.dumps(result['unexpected_flags'], ensure_ascii=False)}")
    c = result["commitment_counts"]
    print(f"commitments: found {c.get('found', 0)}/{c.get('expected', 0)} golden (extractor gave {c.get('got', 0)})")
    print(f"  of those found: cadence right {c.get('cadence_ok', 0)}, responsible right {c.get('responsible_ok', 0)}")
    print(f"misses ({len(result['misses'])}):")
    for miss in result["misses"]:
        print(f"  {miss}")
    return 0


if __name__ == "__main__":
    if "--dir" in sys.argv:  # a second, untuned held-out set lives in its own folder
        HOLDOUT = Path(sys.argv[sys.argv.index("--dir") + 1]).resolve()
    if "--check-goldens" in sys.argv:
        found = check_goldens()
        print("\n".join(found) or "goldens consistent with the documents")
        sys.exit(1 if found else 0)
    sys.exit(main())
