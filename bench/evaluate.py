"""`make eval`: extraction accuracy and flag recall over every committed fixture.

Prints the complaint per-field accuracy table, the report commitment precision/recall, and for both the
flags: recall of expected flags, false `complaint.missing.*`, and flags raised on reports meant to be clean.
"""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path

from bench.eval_complaints import main as complaints_main
from bench.eval_reports import main as reports_main
from extractors.readers import read_document
from pipeline.analyse import AnalysisContext, analyse
from rules.calendar import load_calendar
from rules.loader import load_rules
from schemas.models import PriorDocument

FIXTURES = Path(__file__).parent.parent / "tests" / "fixtures"
JURISDICTION = "广西壮族自治区柳州市融水苗族自治县"
TODAY = date(2026, 11, 26)


def _documents(golden: Path) -> list[Path]:
    stem = golden.name.removesuffix(".expected.json")
    return [p for p in (golden.parent / f"{stem}.docx", golden.parent / f"{stem}.pdf") if p.exists()]


def score_flags() -> dict[str, object]:
    rules, calendar = load_rules(), load_calendar()
    expected_total = raised_expected = false_missing = clean_docs = clean_noise = 0
    misses: list[str] = []
    for group in ("complaints", "reports"):
        for golden in sorted((FIXTURES / group).glob("*.expected.json")):
            data = json.loads(golden.read_text(encoding="utf-8"))
            wanted = set(data.get("expected_flags", []))
            received = date.fromisoformat(data["received_date"]) if "received_date" in data else TODAY
            prior = [
                PriorDocument(document_id=f"doc-{name}", text=read_document((golden.parent / name).read_bytes()).text)
                for name in data.get("prior", [])
            ]
            for path in _documents(golden):
                ctx = AnalysisContext(
                    today=received, received_date=received, rules=rules, calendar=calendar,
                    jurisdiction=JURISDICTION, prior=prior,
                )
                raised = {f.rule_id for f in analyse(read_document(path.read_bytes()), ctx).flags}
                raised.discard("report.disclosure_overdue")
                expected_total += len(wanted)
                raised_expected += len(wanted & raised)
                misses += [f"{path.name}: {r}" for r in sorted(wanted - raised)]
                false_missing += len({r for r in raised - wanted if r.startswith("complaint.missing.")})
                if group == "reports" and not wanted:
                    clean_docs += 1
                    clean_noise += len(raised)
    return {
        "expected": expected_total,
        "recall": raised_expected / expected_total if expected_total else 1.0,
        "false_missing": false_missing,
        "clean_reports": clean_docs,
        "flags_on_clean_reports": clean_noise,
        "misses": misses,
    }


def main() -> None:
    print("== 投诉书字段抽取 (complaint fields) ==")
    complaints_main()
    print("\n== 工作总结承诺事项 (report commitments) ==")
    reports_main()
    print("\n== 问题标记 (flags) ==")
    s = score_flags()
    print(f"expected flags {s['expected']}, recall {s['recall']:.1%}")
    print(f"false complaint.missing.*: {s['false_missing']}")
    print(f"flags on clean reports: {s['flags_on_clean_reports']} over {s['clean_reports']} documents")
    for miss in s["misses"]:
        print(f"  missed: {miss}")


if __name__ == "__main__":
    main()
