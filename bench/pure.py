"""The pure pipeline over a folder: read -> normalise -> classify -> extract -> check. No database,
no Prefect, one process.

    python -m bench.pure DIR [--today 2026-11-26]

The report checks compare a report with the reports seen before it, as `gapflow run` does: here the
earlier reports' signatures and texts are kept in memory (storage.signatures' index, no SQL).
Prints one JSON line: documents, pages, seconds, outcomes and seconds per stage (bench/stages.py).
"""

from __future__ import annotations

import argparse
import json
import os
import time
from datetime import date
from pathlib import Path

from bench import stages


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("folder", type=Path)
    parser.add_argument("--today", default="2026-11-26")
    args = parser.parse_args()
    t0 = time.perf_counter()
    if os.environ.get(stages.ENV):
        stages.install()
    from extractors import readers
    from pipeline.analyse import AnalysisContext, analyse
    from rules import similarity
    from rules.calendar import load_calendar
    from rules.loader import load_rules
    from schemas.errors import LoadError
    from schemas.models import DocType, PriorDocument
    from storage.signatures import CANDIDATE_LIMIT, MIN_SHARED_SLOTS, SignatureIndex

    today = date.fromisoformat(args.today)
    rules, calendar = load_rules(), load_calendar()
    index, texts = SignatureIndex(), {}
    pages, outcomes = 0, {}
    files = sorted(p for p in args.folder.iterdir() if p.is_file())
    for n, path in enumerate(files):
        try:
            doc = readers.read_document(path.read_bytes(), path.name)
        except LoadError as e:
            outcomes[e.code] = outcomes.get(e.code, 0) + 1
            continue
        pages += doc.pages
        sig = similarity.signature(doc.text)
        prior = [
            PriorDocument(document_id=i, text=texts[i])
            for i in index.nearest(sig, None, CANDIDATE_LIMIT, MIN_SHARED_SLOTS)
        ]
        ctx = AnalysisContext(today=today, received_date=today, rules=rules, calendar=calendar, prior=prior)
        analysis = analyse(doc, ctx)
        outcomes[analysis.doc_type] = outcomes.get(analysis.doc_type, 0) + 1
        if analysis.doc_type == DocType.work_report:
            index.add(f"doc-{n}", sig)
            texts[f"doc-{n}"] = doc.text
    stages.dump()
    seconds = time.perf_counter() - t0
    print(json.dumps({"documents": len(files), "pages": pages, "seconds": seconds, "outcomes": outcomes}))


if __name__ == "__main__":
    main()
