"""Several cores for the CPU-bound part of a batch (reading PDFs, extraction, checks). No Prefect here.

Each pool worker runs the whole per-file pipeline of flows/process.py: claim, parse, analyse, commit,
move. That pipeline is already safe with several processes on one inbox (claims in the database, the
sha256 unique key), so the workers need no coordination beyond it. Workers are spawned, not forked:
the parent holds Prefect's threads and event loop, which a fork would copy half-alive.
A small batch runs inline: starting workers (imports, jieba's dictionary) costs ~2 s each.
The pool lives for the whole run (every batch uses it); each worker pays its imports, jieba's
dictionary and part-of-speech tables once, in its initializer, while the first files are queued.
"""

from __future__ import annotations

import atexit
import logging
import multiprocessing
from concurrent.futures import CancelledError, Future, ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from dataclasses import asdict
from datetime import date
from pathlib import Path

MIN_FILES_FOR_POOL = 8

log = logging.getLogger("gapflow.pool")

_POOL: ProcessPoolExecutor | None = None
_POOL_SIZE = 0


# What every document needs, loaded once per worker instead of on its first documents.
_WARM_MODULES = (
    "extractors.readers.pdf", "extractors.readers.docx", "extractors.readers.txt", "extractors.complaint",
    "extractors.report", "rules.complaint_engine", "rules.report_engine", "rules.schedule", "rules.similarity",
)


def _init_worker() -> None:
    import importlib

    from config.settings import load_settings
    from extractors import jio, tokenize
    from flows import process

    process.IN_POOL_WORKER = True
    tokenize.configure(load_settings().cache_dir / "jieba")  # as open_runtime does, before jieba loads
    for name in _WARM_MODULES:
        importlib.import_module(name)
    tokenize.posseg("")  # jieba's dictionary and part-of-speech tables
    jio.jionlp()  # the report checks' place parser


def _pool(workers: int) -> ProcessPoolExecutor:
    global _POOL, _POOL_SIZE
    if _POOL is None or workers != _POOL_SIZE:
        shutdown_pool()
        _POOL = ProcessPoolExecutor(
            max_workers=workers, mp_context=multiprocessing.get_context("spawn"), initializer=_init_worker
        )
        _POOL_SIZE = workers
    return _POOL


def shutdown_pool() -> None:
    global _POOL
    if _POOL is not None:
        _POOL.shutdown(wait=True, cancel_futures=True)
        _POOL = None


atexit.register(shutdown_pool)


def process_one(path: str, inbox: str, db_url: str | None, run_id: str, today: date) -> dict:
    """One file, as a plain dict; a bug on one document leaves the file in the inbox and is reported."""
    from config.runtime import open_runtime
    from flows.files import InboxLayout, display_name, from_token
    from flows.process import FileOutcome, process_file

    file = from_token(path)
    try:
        outcome = process_file(file, InboxLayout(Path(inbox)), open_runtime(db_url), run_id, today)
    except Exception as e:
        log.debug("failure", exc_info=True)
        message = f"程序内部错误（{type(e).__name__}），文件未移动，下次运行时重试"
        outcome = FileOutcome(display_name(file), "failed", message=message)
    return asdict(outcome)


def process_many(
    paths: list[str], inbox: str, db_url: str | None, run_id: str, today: date, workers: int
) -> list[dict]:
    """Every file of a batch, in order; on `workers` processes when the batch is large enough."""
    if workers <= 1 or len(paths) < MIN_FILES_FOR_POOL:
        return [process_one(p, inbox, db_url, run_id, today) for p in paths]
    pool = _pool(workers)
    futures: list[Future[dict]] = [pool.submit(process_one, p, inbox, db_url, run_id, today) for p in paths]
    results = []
    for p, future in zip(paths, futures, strict=True):
        try:
            results.append(future.result())
        except (BrokenProcessPool, CancelledError):
            # a worker died (killed, out of memory): its file stays in the inbox, its claim is
            # released by the next run as the claim of a dead run
            shutdown_pool()
            results.append({
                "filename": _name(p), "outcome": "failed", "document_id": None, "doc_type": None,
                "flags": 0, "message": "处理进程意外退出，文件未移动",
            })
    return results


def _name(token: str) -> str:
    from flows.files import display_name, from_token

    return display_name(from_token(token))
