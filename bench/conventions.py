"""Bring the committed goldens to the corpus's settled conventions (tests/fixtures/corpus/WRITER_SPEC.md).

Older sets were written before some conventions were settled, and the rules and models learn from, and are
measured on, what the goldens say. This script applies the settled conventions that can be applied mechanically
and prints every change (set, document, field, old -> new), so that a reader sees what was changed and can rerun it.

    python -m bench.conventions [--dry-run]

Conventions applied:
- respondent.address: a county, district or town alone (某县某镇, 某区某街道) says where, not at which address:
  null, and `complaint.missing.respondent.address` is expected (settled 2026-12-07; applied to the goldens
  2026-12-07, twenty-ninth round).
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

from extractors.complaint.parties import TOWN_ALONE

ROOT = Path(__file__).resolve().parent.parent
CORPUS = ROOT / "tests" / "fixtures" / "corpus"
MISSING_ADDRESS = "complaint.missing.respondent.address"


def apply(golden: dict) -> list[str]:
    """Apply the conventions to one golden in place; the changes as lines."""
    changes = []
    respondent = (golden.get("fields") or {}).get("respondent") or {}
    address = respondent.get("address")
    if golden.get("doc_type") == "complaint" and isinstance(address, str) and TOWN_ALONE.fullmatch(address):
        respondent["address"] = None
        changes.append(f"respondent.address {address!r} -> null")
        flags = golden.setdefault("expected_flags", [])
        if MISSING_ADDRESS not in flags:
            flags.append(MISSING_ADDRESS)
            changes.append(f"expected_flags + {MISSING_ADDRESS}")
        note = "Convention (bench/conventions.py): a town or county alone is no address of the employer: null."
        golden["notes"] = f"{golden.get('notes') or ''} {note}".strip()
    return changes


def main(argv: list[str]) -> int:
    dry = "--dry-run" in argv
    total = 0
    for path in sorted(CORPUS.glob("*/*.expected.json")):
        golden = json.loads(path.read_text(encoding="utf-8"))
        if changes := apply(golden):
            total += 1
            for line in changes:
                print(f"{path.parent.name}/{path.name.removesuffix('.expected.json')}: {line}")
            if not dry:
                path.write_text(json.dumps(golden, ensure_ascii=False, indent=2) + "\n", encoding="utf-8")
    print(f"{total} goldens {'to change' if dry else 'changed'}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
