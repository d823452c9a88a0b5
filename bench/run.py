"""Throughput of the nightly run: documents per second and peak memory.

    python -m bench.run [--n 1000] [--workers 2] [--db URL] [--keep DIR]

Generates N documents (bench/generate.py) into a fresh office folder, runs the nightly flow over them
on a fresh SQLite database (or --db), and prints the figures. Prefect's ephemeral server is started by
a warm-up run first, so its start-up is not counted. Peak memory is the largest resident set of the
flow process and of any one pool worker (ru_maxrss), not their sum.
"""

from __future__ import annotations

import argparse
import os
import resource
import shutil
import tempfile
import time
from pathlib import Path


def _peak_mb(who: int) -> float:
    return resource.getrusage(who).ru_maxrss / 1024  # Linux: kilobytes


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--n", type=int, default=1000)
    parser.add_argument("--workers", type=int, default=2)
    parser.add_argument("--db", default=None, help="results database (default: a new SQLite file)")
    parser.add_argument("--keep", type=Path, default=None, help="work in this folder and keep it")
    parser.add_argument("--today", default="2026-11-26")
    args = parser.parse_args()

    work = args.keep or Path(tempfile.mkdtemp(prefix="gapflow-bench-"))
    inbox = work / "office" / "inbox"
    os.environ.update(
        GAPFLOW_HOME=str(work / "home"), GAPFLOW_SETTLE_SECONDS="0", GAPFLOW_WORKERS=str(args.workers),
        PREFECT_LOGGING_LEVEL=os.environ.get("PREFECT_LOGGING_LEVEL", "WARNING"),
        PREFECT_SERVER_ANALYTICS_ENABLED="false",
    )
    db_url = args.db or f"sqlite:///{work / 'bench.db'}"

    from bench.generate import generate

    t0 = time.perf_counter()
    files = generate(args.n, inbox)
    generated = time.perf_counter() - t0
    sizes = {}
    for f in files:
        sizes[f.suffix] = sizes.get(f.suffix, 0) + 1
    print(f"generated {len(files)} documents {sizes} in {generated:.1f} s -> {inbox}")

    from flows.inbox import nightly_flow

    empty = work / "warmup" / "inbox"
    empty.mkdir(parents=True, exist_ok=True)
    nightly_flow(inbox=str(empty), db_url=db_url, today=args.today)  # starts Prefect, migrates the db

    t0 = time.perf_counter()
    result = nightly_flow(inbox=str(inbox), db_url=db_url, today=args.today)
    elapsed = time.perf_counter() - t0

    counts: dict[str, int] = {}
    for f in result["files"]:
        counts[f["outcome"]] = counts.get(f["outcome"], 0) + 1
    print(f"nightly over {len(files)} documents: {elapsed:.1f} s, {len(files) / elapsed:.1f} documents/s")
    print(f"outcomes {counts}, overdue deadlines {len(result['overdue'])}, status {result['status']}")
    print(f"peak memory: flow process {_peak_mb(resource.RUSAGE_SELF):.0f} MB, "
          f"largest worker {_peak_mb(resource.RUSAGE_CHILDREN):.0f} MB (workers={args.workers})")
    if args.keep is None:
        shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    main()
