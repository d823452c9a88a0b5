"""Several cores for the CPU-bound part of a batch (reading PDFs, extraction, checks). No Prefect here.

The run's main process is the only writer: it claims each file (a short transaction), hands it to a pool
worker, and commits the workers' results in batches of COMMIT_EVERY files (flows/commit.py). Workers read
and analyse outside any transaction, so they never wait for each other's writes (SQLite has one writer).
At most WINDOW_PER_WORKER files per worker are claimed ahead, so the workers stay busy while a batch is
committed, and a run that is killed has only those few files in flight.

A file claimed again after a run died with it in flight (its attempt count above one) is a suspect: it is
analysed alone, after everything before it is committed, so if it kills the run again nothing else is
charged with the attempt; after GAPFLOW_MAX_ATTEMPTS it is quarantined (failed_repeatedly).

Workers come from a fork server that loaded the imports, jieba's dictionary and part-of-speech tables once
(flows/pool_preload.py), so they share that memory; never forked from the run itself, which holds Prefect's
threads and event loop. A small batch runs inline. The pool lives for the whole run (every batch uses it).
"""

from __future__ import annotations

import atexit
import contextlib
import logging
import multiprocessing
from collections import deque
from collections.abc import Callable
from concurrent.futures import CancelledError, Future, ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from dataclasses import asdict
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING

from flows.commit import Claim, FileOutcome, FileResult, claim, commit_results, fault_point, skipped

if TYPE_CHECKING:
    from services.crosscheck import CopyChecks

MIN_FILES_FOR_POOL = 8
COMMIT_EVERY = 25  # results per write transaction: the one write lock taken once per 25 files, not 3-4 times a file
WINDOW_PER_WORKER = 2  # files claimed ahead per worker

log = logging.getLogger("gapflow.pool")

_POOL: ProcessPoolExecutor | None = None
_POOL_SIZE = 0


# What every document needs, loaded once per worker instead of on its first documents.
_WARM_MODULES = (
    "extractors.readers.pdf", "extractors.readers.docx", "extractors.readers.txt", "extractors.complaint",
    "extractors.report", "rules.complaint_engine", "rules.report_engine", "rules.schedule", "rules.similarity",
    "flows.process",
)
_ENV_PREFIXES = ("GAPFLOW_", "PREFECT_")


def warm() -> None:
    """Imports, jieba's dictionary and part-of-speech tables, jionlp: what every document needs. Idempotent."""
    import importlib

    from config.settings import load_settings
    from extractors import jio, tokenize

    tokenize.configure(load_settings().cache_dir / "jieba")  # as open_runtime does, before jieba loads
    for name in _WARM_MODULES:
        importlib.import_module(name)
    tokenize.posseg("")  # jieba's dictionary and part-of-speech tables
    jio.jionlp()  # the report checks' place parser


def _init_worker(run_pid: int, environ: dict[str, str]) -> None:
    import os

    from flows import commit

    # A fork server keeps the environment of the run that started it: this run's settings win.
    for name in [n for n in os.environ if n.startswith(_ENV_PREFIXES) and n not in environ]:
        del os.environ[name]
    os.environ.update(environ)
    commit.IN_POOL_WORKER, commit.RUN_PID = True, run_pid
    _exit_with_run(run_pid)
    warm()  # nothing left to do when the fork server preloaded it


def _exit_with_run(run_pid: int) -> None:
    """A worker whose run was killed (kill -9, power cut of the main process) exits instead of waiting
    for work for ever, holding the run's terminal and memory: the main process is the only one that
    writes, so nothing the worker holds is lost."""
    import os
    import threading
    import time

    parent = os.getppid()  # the run, or the fork server (which lives as long as any of its workers)

    def alive() -> bool:
        return os.getppid() == parent != 1 and _process_alive(run_pid)

    def watch() -> None:
        while alive():
            time.sleep(0.5)
        os._exit(1)

    threading.Thread(target=watch, name="exit-with-run", daemon=True).start()


def _process_alive(pid: int) -> bool:
    """Is `pid` running? A killed run stays a zombie until whoever started it reaps it: dead all the same."""
    import os

    try:
        state = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[0]
        return state not in ("Z", "X")
    except FileNotFoundError:
        return False
    except (OSError, IndexError):  # no /proc here: is the process there at all
        try:
            os.kill(pid, 0)
        except ProcessLookupError:
            return False
        except PermissionError:
            pass
        return True


def _context() -> multiprocessing.context.BaseContext:
    """Workers forked from a fork server that has loaded what they need (flows/pool_preload.py): they share
    its memory (jieba's dictionary, the models, the libraries) instead of each loading its own copy, and
    start in milliseconds. Spawned where there is no fork server. Never forked from the run itself: it
    holds Prefect's threads and event loop, which a fork would copy half-alive."""
    if "forkserver" not in multiprocessing.get_all_start_methods():
        return multiprocessing.get_context("spawn")
    context = multiprocessing.get_context("forkserver")
    # __main__ as spawn would import it (the bench's stage timers live there), then the warm-up
    context.set_forkserver_preload(["__main__", "flows.pool_preload"])
    return context


def prestart() -> None:
    """Start the fork server now: it loads the analysis in its own process (~3 s of CPU) while the caller
    does something else (a command starting Prefect), instead of when the first batch waits for it."""
    if _context().get_start_method() == "forkserver":
        from multiprocessing import forkserver

        forkserver.ensure_running()


def _pool(workers: int) -> ProcessPoolExecutor:
    global _POOL, _POOL_SIZE
    if _POOL is None or workers != _POOL_SIZE:
        import os

        shutdown_pool()
        environ = {k: v for k, v in os.environ.items() if k.startswith(_ENV_PREFIXES)}
        _POOL = ProcessPoolExecutor(
            max_workers=workers, mp_context=_context(), initializer=_init_worker, initargs=(os.getpid(), environ)
        )
        _POOL_SIZE = workers
    return _POOL


def shutdown_pool() -> None:
    global _POOL
    if _POOL is not None:
        _POOL.shutdown(wait=True, cancel_futures=True)
        _POOL = None


def _stop_fork_server() -> None:
    """At exit, wait for the fork server to end (it does once its workers have), so that it and the workers'
    CPU time are accounted to this process, as a spawned pool's would be."""
    from multiprocessing import forkserver

    stop = getattr(forkserver._forkserver, "_stop", None)  # CPython's own, used by its tests
    if stop is not None:
        with contextlib.suppress(OSError):
            stop()


atexit.register(_stop_fork_server)  # atexit runs last-registered first: the pool is shut down before
atexit.register(shutdown_pool)


def analyse_one(c: Claim, inbox: str, db_url: str | None, today: date) -> FileResult:
    """One claimed file's analysis (in a worker or inline); a bug on one document is a failure, not a crash."""
    from config.runtime import open_runtime
    from flows.files import InboxLayout
    from flows.process import analyse_file

    try:
        result = analyse_file(c, InboxLayout(Path(inbox)), open_runtime(db_url), today)
    except Exception as e:
        log.debug("analysis failed (%s)", type(e).__name__)  # never the message: it may quote the letter
        result = FileResult(c, failure=type(e).__name__)
    fault_point("analysed")
    return result


def process_many(
    paths: list[str], inbox: str, db_url: str | None, run_id: str, today: date, workers: int
) -> list[dict]:
    """Every file of a batch, an outcome each in order; on `workers` processes when the batch is large enough."""
    from config.runtime import open_runtime
    from flows.files import InboxLayout

    rt, layout = open_runtime(db_url), InboxLayout(Path(inbox))
    parallel = workers > 1 and len(paths) >= MIN_FILES_FOR_POOL
    window = WINDOW_PER_WORKER * workers if parallel else 1
    outcomes: dict[int, FileOutcome] = {}
    ready: list[tuple[int, FileResult]] = []  # analysed, not committed yet
    inflight: deque[tuple[int, Claim, Future[FileResult] | FileResult]] = deque()
    analysed: list[str] = []  # claim keys whose analysis came back since the last claim

    def submit(c: Claim) -> Future[FileResult] | FileResult:
        if not parallel:
            return analyse_one(c, inbox, db_url, today)
        return _pool(workers).submit(analyse_one, c, inbox, db_url, today)

    def collect_oldest() -> None:
        i, c, pending = inflight.popleft()
        result = _result(c, pending)
        if result.failure is None:
            analysed.append(c.key)
        ready.append((i, result))

    def commit() -> None:
        if ready:
            results = [r for _, r in ready]
            for (i, _), o in zip(ready, commit_results(rt, layout, run_id, results), strict=True):
                outcomes[i] = o
            ready.clear()

    for i, token in enumerate(paths):
        while len(inflight) >= window:
            collect_oldest()
            if len(ready) >= COMMIT_EVERY:
                commit()
        c = claim(rt, layout, token, run_id, analysed)
        analysed = []
        if c is None:
            outcomes[i] = skipped(token)
            continue
        if c.attempts > 1:  # a suspect: alone, once everything before it is committed
            _drain(inflight, collect_oldest)
            commit()
            inflight.append((i, c, submit(c)))
            collect_oldest()
            commit()
            continue
        inflight.append((i, c, submit(c)))
    _drain(inflight, collect_oldest)
    commit()
    return [asdict(outcomes[i]) for i in range(len(paths))]


def run_copy_checks(db_url: str | None, order: list[str], workers: int) -> CopyChecks:
    """A pass's copy checks (services/crosscheck.py) in slices on the pass's pool when it has one, else here."""
    from services.crosscheck import CopyChecks, copy_checks

    if _POOL is None or workers <= 1 or len(order) < MIN_FILES_FOR_POOL:
        from config.runtime import open_runtime

        return copy_checks(open_runtime(db_url), order, order)
    size = -(-len(order) // (workers * 4))  # a few slices per worker: one slow slice does not hold up the rest
    pool = _pool(workers)
    futures = [pool.submit(_copy_checks, db_url, order, order[i : i + size]) for i in range(0, len(order), size)]
    merged = CopyChecks(frozenset(), {})
    for future in futures:
        part = future.result()
        merged = CopyChecks(part.rule_ids, {**merged.flags, **part.flags})
    return merged


def _copy_checks(db_url: str | None, order: list[str], ids: list[str]) -> CopyChecks:
    from config.runtime import open_runtime
    from services.crosscheck import copy_checks

    return copy_checks(open_runtime(db_url), order, ids)


def _drain(inflight: deque, collect_oldest: Callable[[], None]) -> None:
    while inflight:
        collect_oldest()


def _result(c: Claim, pending: Future[FileResult] | FileResult) -> FileResult:
    if isinstance(pending, FileResult):
        return pending
    try:
        return pending.result()
    except (BrokenProcessPool, CancelledError):
        # a worker died (killed, out of memory): its file stays in the inbox, counted as an attempt; the
        # files after it go to a new pool
        shutdown_pool()
        return FileResult(c, failure="BrokenProcessPool", message="处理进程意外退出，文件未移动")
