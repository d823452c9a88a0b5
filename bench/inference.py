"""What the learned models add to the analysis of one document: the whole pure pipeline (classification,
extraction, rules) over a corpus set, rules alone and rules + models, timed in one process after a warm-up
pass (jieba, the models and the rule files loaded; the segmentation cache emptied before every pass), in
interleaved pairs of passes: the fastest pass of each, and the median of what the models add within a pair.

    python -m bench.inference [--set NAME]      (default: the development set)
"""

from __future__ import annotations

import statistics
import sys
import time
from datetime import date

from bench.corpus import DEV_SETS, cases
from extractors import learned, tokenize

PAIRS = 7


def main(argv: list[str]) -> int:
    from extractors.readers import read_document
    from pipeline.analyse import AnalysisContext, analyse_pass
    from rules.calendar import load_calendar
    from rules.loader import load_rules

    name = argv[argv.index("--set") + 1] if "--set" in argv else DEV_SETS[0]
    docs = [read_document(c.path.read_bytes(), c.path.name) for c in cases(name) if c.path.suffix == ".docx"]
    rules, calendar = load_rules(), load_calendar()
    day = date(2026, 1, 1)

    def run(models: bool) -> float:
        for cached in (tokenize._cut, tokenize._tokenize_with_offsets, tokenize._posseg):
            cached.cache_clear()  # every pass segments its texts afresh, as a new document would be
        items = [
            (str(i), doc, AnalysisContext(today=day, received_date=day, rules=rules, calendar=calendar,
                                          jurisdiction="湖南省", models=models))
            for i, doc in enumerate(docs)
        ]
        start = time.perf_counter()
        analyse_pass(items)
        return (time.perf_counter() - start) / len(docs) * 1000

    run(True), run(False)  # warm-up: tokenizer, models, rule files
    # interleaved pairs: a slow spell of the machine falls on both modes alike
    pairs = [(run(False), run(True)) for _ in range(PAIRS)]
    plain, with_models = min(a for a, _ in pairs), min(b for _, b in pairs)
    added = statistics.median(b - a for a, b in pairs)
    size = sum(p.stat().st_size for p in learned.MODELS_DIR.iterdir() if p.suffix in (".gz", ".crfsuite"))
    print(f"{name}: {len(docs)} documents (.docx), whole pure pipeline per document, {PAIRS} interleaved passes")
    print(f"  rules alone     {plain:6.1f} ms   (fastest pass)")
    print(f"  rules + models  {with_models:6.1f} ms   (fastest pass)")
    print(f"  models add      {added:6.1f} ms   (median over the pairs of passes)")
    print(f"  model files     {size / 1e6:.2f} MB")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
