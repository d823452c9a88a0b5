"""Start-up and latency figures of issue 8, measured with the real console script in subprocesses.

    python -m bench.startup [--fresh-clones N] [--export-n 1000] [--skip-serve]

Prints one line per measure:
- `make run` on a fresh clone of this repository with an empty home directory (N times; install included);
- `gapflow run` over the 5 sample files: cold (no Prefect database yet), warm (Prefect's database exists, a
  temporary server per command), and against a running `gapflow serve`;
- `gapflow export` of a database holding `--export-n` documents;
- while `gapflow serve` runs: seconds from a letter's settle wait ending to the letter stored.
Figures are wall-clock seconds on this machine; the README's targets are in issue 8.
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SAMPLES = ROOT / "samples" / "inbox"
GAPFLOW = [sys.executable, "-m", "gapflow.cli"]


def _env(home: Path, **extra: str) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith(("GAPFLOW_", "PREFECT_"))}
    env.update(HOME=str(home), GAPFLOW_HOME=str(home / "gapflow"), GAPFLOW_SETTLE_SECONDS="0")
    env.update(extra)
    return env


def _timed(cmd: list[str], env: dict[str, str], cwd: Path) -> tuple[float, int, str]:
    t0 = time.perf_counter()
    proc = subprocess.run(cmd, env=env, cwd=cwd, capture_output=True, text=True)
    return time.perf_counter() - t0, proc.returncode, proc.stdout + proc.stderr


def _fill(inbox: Path) -> None:
    inbox.mkdir(parents=True, exist_ok=True)
    for sample in SAMPLES.iterdir():
        shutil.copy(sample, inbox / sample.name)


def fresh_clones(n: int) -> None:
    for i in range(n):
        work = Path(tempfile.mkdtemp(prefix="gapflow-clone-"))
        subprocess.run(["git", "clone", "-q", str(ROOT), str(work / "repo")], check=True)
        env = {k: v for k, v in os.environ.items() if not k.startswith(("GAPFLOW_", "PREFECT_", "VIRTUAL_ENV"))}
        env["HOME"] = str(work / "home")
        (work / "home").mkdir()
        seconds, code, out = _timed(["make", "run"], env, work / "repo")
        ok = code == 0 and "已处理" in out
        print(f"make run, fresh clone + empty home #{i + 1}: {'pass' if ok else 'FAIL'} in {seconds:.1f} s")
        if not ok:
            print(out[-3000:])
        shutil.rmtree(work, ignore_errors=True)


def runs_over_samples() -> None:
    home = Path(tempfile.mkdtemp(prefix="gapflow-start-"))
    env = _env(home)
    for label in ("cold (no Prefect database yet)", "warm (temporary server)"):
        inbox = home / label.split()[0] / "inbox"
        _fill(inbox)
        db = f"sqlite:///{home / label.split()[0]}.db"
        seconds, code, _ = _timed([*GAPFLOW, "run", "--inbox", str(inbox), "--db", db], env, home)
        print(f"gapflow run, 5 samples, {label}: {seconds:.1f} s (exit {code})")
    shutil.rmtree(home, ignore_errors=True)


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def with_serve() -> None:
    home = Path(tempfile.mkdtemp(prefix="gapflow-serve-"))
    env = _env(home, GAPFLOW_SERVE_PORT=str(_free_port()), GAPFLOW_SETTLE_SECONDS="2")
    inbox = home / "gapflow" / "inbox"
    inbox.mkdir(parents=True)
    log_path = home / "serve.log"
    t0 = time.perf_counter()
    with log_path.open("w") as log:
        serve = subprocess.Popen([*GAPFLOW, "serve"], env=env, cwd=home, stdout=log, stderr=subprocess.STDOUT,
                                 start_new_session=True)  # fmt: skip
    try:
        while "Ctrl-C" not in log_path.read_text() and serve.poll() is None:
            time.sleep(0.2)
        print(f"gapflow serve ready (fresh home) after {time.perf_counter() - t0:.1f} s")
        time.sleep(15)  # the first pass at start and the warm-up are over
        processed = inbox.parent / "processed"
        for n, sample in enumerate(sorted(SAMPLES.iterdir())[:3]):
            before = len(list(processed.iterdir())) if processed.exists() else 0
            dropped = time.perf_counter()
            shutil.copy(sample, inbox / f"drop{n}_{sample.name}")
            while (len(list(processed.iterdir())) if processed.exists() else 0) == before:
                time.sleep(0.1)
            stored = time.perf_counter() - dropped - 2
            print(f"serve: letter {n + 1} stored {stored:.1f} s after its 2 s settle wait")
        runs = home / "runs" / "inbox"
        _fill(runs)
        db = f"sqlite:///{home / 'runs.db'}"
        seconds, code, out = _timed([*GAPFLOW, "run", "--inbox", str(runs), "--db", db], env, home)
        where = "serve" if "gapflow serve" in out else "NOT the serve server"
        print(f"gapflow run, 5 samples, against the running serve ({where}): {seconds:.1f} s (exit {code})")
    finally:
        serve.send_signal(signal.SIGTERM)
        try:
            serve.wait(timeout=60)
        except subprocess.TimeoutExpired:
            os.killpg(serve.pid, signal.SIGKILL)
        shutil.rmtree(home, ignore_errors=True)


def export_many(n: int) -> None:
    home = Path(tempfile.mkdtemp(prefix="gapflow-export-"))
    env = _env(home)
    from bench.generate import generate

    inbox = home / "office" / "inbox"
    generate(n, inbox)
    db = f"sqlite:///{home / 'export.db'}"
    seconds, code, _ = _timed([*GAPFLOW, "run", "--inbox", str(inbox), "--db", db], env, home)
    print(f"(filled {n} documents with gapflow run in {seconds:.0f} s, exit {code})")
    for with_text in (False, True):
        flag = ["--with-text"] if with_text else []
        seconds, code, _ = _timed([*GAPFLOW, "export", "--db", db, "--out", str(home / "out.jsonl"), *flag], env, home)
        lines = sum(1 for _ in (home / "out.jsonl").open(encoding="utf-8"))
        print(f"gapflow export of {lines} documents {' '.join(flag)}: {seconds:.1f} s (exit {code})")
    seconds, code, _ = _timed([*GAPFLOW, "--help"], env, home)
    print(f"gapflow --help: {seconds:.1f} s")
    shutil.rmtree(home, ignore_errors=True)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--fresh-clones", type=int, default=0, help="fresh clones to run `make run` in")
    parser.add_argument("--export-n", type=int, default=1000)
    parser.add_argument("--skip-serve", action="store_true")
    args = parser.parse_args()
    print(json.dumps({"cpus": os.cpu_count(), "load": os.getloadavg()[0]}))
    fresh_clones(args.fresh_clones)
    runs_over_samples()
    if not args.skip_serve:
        with_serve()
    if args.export_n:
        export_many(args.export_n)


if __name__ == "__main__":
    main()
