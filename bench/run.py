"""`make bench`: the naive script, the pure pipeline and `gapflow run`, side by side on the same files.

    python -m bench.run [--sizes 100,1000] [--rounds 1] [--workers W] [--keep DIR] [--only naive,pure,e2e]

For each size, N documents are generated (half .docx, half text PDF in a CJK CID font) and every
pipeline reads all of them, each in its own subprocess, one after the other; with `--rounds 2` the
order is rotated, so a change in the machine's load falls on each pipeline alike. The pipelines:

- naive: the afternoon script of issue 11 (pdfplumber / python-docx text + jieba.posseg.cut);
- floor: pypdfium2 / python-docx text + jieba.lcut, the least a reader-plus-segmenter can cost;
- pure: parse -> normalise -> classify -> extract -> check, one process, no database, no Prefect;
- gapflow run: the console command end to end, SQLite, its own temporary Prefect server (the
  Prefect database is warmed once first, as on any machine after its first run), the files moved.

Printed per pipeline: seconds, documents/s, pages/s, ratio to the naive script, CPU seconds (every
process of the tree), peak memory of the tree, workers and the Prefect server included, as the largest
sum of resident sets (RSS: a page shared by several processes counted in each) and of proportional set
sizes (PSS: what the tree takes from the machine; bench/memory.py), and the load average when it started.
Then the time per stage of the pure pipeline and of `gapflow run` (bench/stages.py, summed over processes)
and the issue's targets.
The machine is shared: read the figures of one run against each other, not against another run's.
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import resource
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from bench.memory import PeakSampler
from bench.stages import ENV as STAGES_ENV
from bench.stages import STAGES, collect

PIPELINES = ("naive", "floor", "pure", "e2e")
LABELS = {"naive": "naive script", "floor": "floor (pdfium+lcut)", "pure": "pure pipeline", "e2e": "gapflow run"}
TODAY = "2026-11-26"


def _cpu_children() -> float:
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    return usage.ru_utime + usage.ru_stime


def _measure(cmd: list[str], env: dict[str, str]) -> dict:
    """Run one pipeline; its wall time, CPU time, peak memory and what it printed last (JSON or not)."""
    load = os.getloadavg()[0]
    cpu0, t0 = _cpu_children(), time.perf_counter()
    proc = subprocess.Popen(cmd, env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    sampler = PeakSampler(proc.pid)
    sampler.start()
    out, err = proc.communicate()
    seconds = time.perf_counter() - t0
    peak = sampler.stop()
    peak_pss = sampler.peak_pss
    if proc.returncode != 0:
        print(f"  ! {' '.join(cmd[:4])} exited {proc.returncode}\n{err[-2000:]}", file=sys.stderr)
    last = out.strip().splitlines()[-1] if out.strip() else ""
    try:
        printed = json.loads(last)
    except ValueError:
        printed = {}
    return {"seconds": seconds, "cpu": _cpu_children() - cpu0, "peak_mb": peak / 2**20,
            "peak_pss_mb": peak_pss / 2**20, "load": load,
            "printed": printed, "exit": proc.returncode}


def _env(home: Path, stages_dir: Path | None, workers: int | None) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith(("GAPFLOW_", "PREFECT_"))}
    env.update(GAPFLOW_HOME=str(home), GAPFLOW_SETTLE_SECONDS="0", PREFECT_LOGGING_LEVEL="WARNING")
    if workers:
        env["GAPFLOW_WORKERS"] = str(workers)
    if stages_dir is not None:
        stages_dir.mkdir(parents=True, exist_ok=True)
        env[STAGES_ENV] = str(stages_dir)
    return env


def run_pipeline(name: str, corpus: Path, work: Path, workers: int | None) -> dict:
    py = sys.executable
    stages_dir = work / f"stages-{name}-{time.monotonic_ns()}"
    home = work / "home"
    if name in ("naive", "floor"):
        cmd = [py, "-m", "bench.naive", str(corpus), *(["--floor"] if name == "floor" else [])]
        result = _measure(cmd, _env(home, None, workers))
    elif name == "pure":
        result = _measure([py, "-m", "bench.pure", str(corpus), "--today", TODAY], _env(home, stages_dir, workers))
    else:
        inbox = work / f"office-{time.monotonic_ns()}" / "inbox"
        shutil.copytree(corpus, inbox)  # copy2: modification times (received dates) kept
        shutil.rmtree(home / "cache" / "parsed", ignore_errors=True)  # no parse from an earlier round
        db = f"sqlite:///{inbox.parent / 'gapflow.db'}"
        cmd = [py, "-m", "bench.e2e", "run", "--inbox", str(inbox), "--db", db, "--today", TODAY]
        result = _measure(cmd, _env(home, stages_dir, workers))
        left = sum(1 for _ in inbox.iterdir())
        if left:
            print(f"  ! gapflow run left {left} files in the inbox", file=sys.stderr)
        shutil.rmtree(inbox.parent, ignore_errors=True)
    if stages_dir.exists():
        result["stages"] = collect(stages_dir)
        shutil.rmtree(stages_dir, ignore_errors=True)
    return result


def warm_prefect(work: Path) -> None:
    """The very first Prefect start on a machine builds its database: not what a nightly run pays."""
    inbox = work / "warmup" / "inbox"
    inbox.mkdir(parents=True, exist_ok=True)
    cmd = [sys.executable, "-m", "gapflow.cli", "run", "--inbox", str(inbox), "--db",
           f"sqlite:///{work / 'warmup' / 'gapflow.db'}"]
    subprocess.run(cmd, env=_env(work / "home", None, None), capture_output=True, check=False)


def _row(name: str, r: dict, docs: int, pages: int, naive_rate: float | None) -> str:
    rate = docs / r["seconds"]
    ratio = f"{rate / naive_rate:.2f}×" if naive_rate else "—"
    return (f"| {LABELS[name]} | {r['seconds']:.1f} | {rate:.1f} | {pages / r['seconds']:.1f} | {ratio} "
            f"| {r['cpu']:.1f} | {r['peak_mb']:.0f} | {r.get('peak_pss_mb', 0):.0f} | {r['load']:.2f} |")


def report_size(n: int, results: dict[str, list[dict]], pages: int) -> list[str]:
    best = {name: min(rs, key=lambda r: r["seconds"]) for name, rs in results.items()}
    naive_rate = n / best["naive"]["seconds"] if "naive" in best else None
    lines = [f"### {n} documents, {pages} pages", "",
             "| pipeline | seconds | docs/s | pages/s | vs naive | CPU s | peak MB RSS sum | peak MB PSS sum | load |",
             "| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |"]
    lines += [_row(name, r, n, pages, naive_rate) for name in PIPELINES if name in best for r in results[name]]
    staged = [name for name in ("pure", "e2e") if "stages" in best.get(name, {})]
    if staged:
        lines += ["", "| stage (ms per document, all processes) | " + " | ".join(LABELS[s] for s in staged) + " |",
                  "| --- |" + " ---: |" * len(staged)]
        for stage in STAGES:
            cells = [f"{best[s]['stages'].get(stage, 0.0) / n * 1000:.1f}" for s in staged]
            lines.append(f"| {stage} | " + " | ".join(cells) + " |")
        cells = [f"{sum(best[s]['stages'].values()) / n * 1000:.1f}" for s in staged]
        lines.append("| sum of stages | " + " | ".join(cells) + " |")
    if "pure" in best and "e2e" in best:
        pure_cpu, e2e_cpu = best["pure"]["cpu"], best["e2e"]["cpu"]
        lines += ["", f"orchestration and database (gapflow run CPU − pure CPU) / pure CPU: "
                      f"{(e2e_cpu - pure_cpu) / pure_cpu:.0%}"]
        st = best["e2e"].get("stages")
        if st:
            analysis = sum(st.get(s, 0.0) for s in ("read", "normalise", "classify", "extract", "check"))
            rest = sum(st.get(s, 0.0) for s in ("store", "move", "other"))
            lines.append(f"store + move + other inside the workers / analysis stages: {rest / analysis:.0%}")
    return lines


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", default="100,1000", help="comma-separated document counts")
    parser.add_argument("--n", type=int, default=None, help="one size (same as --sizes N)")
    parser.add_argument("--rounds", type=int, default=1, help="runs of every pipeline per size, order rotated")
    parser.add_argument("--workers", type=int, default=None, help="GAPFLOW_WORKERS (default: gapflow's own)")
    parser.add_argument("--only", default=",".join(PIPELINES), help="pipelines to run")
    parser.add_argument("--keep", type=Path, default=None, help="work in this folder and keep it")
    parser.add_argument("--json", type=Path, default=None, help="also write the raw figures here")
    args = parser.parse_args()
    sizes = [args.n] if args.n else [int(s) for s in args.sizes.split(",")]
    chosen = [p for p in PIPELINES if p in args.only.split(",")]

    from bench.generate import BENCH_FORMATS, generate

    work = args.keep or Path(tempfile.mkdtemp(prefix="gapflow-bench-"))
    print(f"machine: {platform.node()}, {os.cpu_count()} cores, {platform.processor() or platform.machine()}, "
          f"Python {platform.python_version()}; load average {' '.join(f'{x:.2f}' for x in os.getloadavg())}")
    if "e2e" in chosen:
        warm_prefect(work)
    report: list[str] = []
    raw: dict[int, dict] = {}
    for n in sizes:
        corpus = work / f"corpus-{n}"
        if not corpus.exists():
            t0 = time.perf_counter()
            generate(n, corpus, formats=BENCH_FORMATS)
            print(f"generated {n} documents in {time.perf_counter() - t0:.0f} s")
        results: dict[str, list[dict]] = {name: [] for name in chosen}
        for round_ in range(args.rounds):
            order = chosen[round_ % len(chosen):] + chosen[: round_ % len(chosen)]
            for name in order:
                r = run_pipeline(name, corpus, work, args.workers)
                results[name].append(r)
                print(f"  {n} docs, {LABELS[name]}: {r['seconds']:.1f} s, {r['peak_mb']:.0f} MB, "
                      f"load {r['load']:.2f}", flush=True)
        pages = next((r["printed"].get("pages", 0) for r in results.get("pure", [])), 0) or n
        raw[n] = {"pages": pages, "results": results}
        report += [*report_size(n, results, pages), ""]
    if len(sizes) > 1 and "e2e" in chosen:
        small, big = sizes[-2], sizes[-1]
        t = {s: min(r["seconds"] for r in raw[s]["results"]["e2e"]) for s in (small, big)}
        m = {s: min(r["peak_mb"] for r in raw[s]["results"]["e2e"]) for s in (small, big)}
        p = {s: min(r.get("peak_pss_mb", 0) for r in raw[s]["results"]["e2e"]) or 1 for s in (small, big)}
        report.append(f"gapflow run, {big} vs {small} documents: time ×{t[big] / t[small]:.2f} "
                      f"(documents ×{big / small:.0f}), peak memory ×{m[big] / m[small]:.2f} (RSS sum), "
                      f"×{p[big] / p[small]:.2f} (PSS sum)")
    print()
    print("\n".join(report))
    print(f"load average at the end: {' '.join(f'{x:.2f}' for x in os.getloadavg())}")
    if args.json:
        args.json.write_text(json.dumps(raw, indent=1, default=str))
    if args.keep is None:
        shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    main()
