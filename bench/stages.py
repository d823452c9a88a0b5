"""Time per stage, in any process of a run, without touching the code measured.

`install()` wraps the functions that make up each stage (read, normalise, classify, extract, check,
store, move) where their callers look them up, and keeps each stage's *exclusive* time: the
normalisation a reader calls is counted as normalise, not read. `store` is the writer's transactions
(claims, batch commits, releases) and the workers' look-up of similar stored reports. Whatever is left
of a document's time in a pool worker (hashing, reading the file's bytes, the known-content look-up)
is `other`.

Every process writes its totals to `$GAPFLOW_BENCH_STAGES/<pid>.json` (workers after each file,
drivers through `dump()`), and `collect()` adds them up. Installed only by the bench drivers.
"""

from __future__ import annotations

import contextlib
import functools
import importlib
import json
import os
import time
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

ENV = "GAPFLOW_BENCH_STAGES"
STAGES = ("read", "normalise", "classify", "extract", "check", "store", "move", "other")

# module -> attribute -> stage; an attribute is wrapped where callers look it up
_TARGETS: dict[str, dict[str, str]] = {
    "extractors.readers": {"read_document": "read"},
    "flows.parse_cache": {"read_document": "read"},
    "extractors.readers.pdf": {"normalize_pages": "normalise"},
    "extractors.readers.docx": {"normalize_pages": "normalise"},
    "extractors.readers.txt": {"normalize_pages": "normalise"},
    "pipeline.analyse": {"classify": "classify"},
    "extractors.complaint": {"extract_complaint": "extract"},
    "extractors.report": {"extract_report": "extract"},
    "rules.complaint_engine": {"evaluate_complaint": "check"},
    "rules.report_engine": {"evaluate_report": "check"},
    "rules.schedule": {"evaluate_disclosures": "check"},
    "rules.similarity": {"signature": "check"},
    "flows.process": {"candidate_priors": "store"},
    "flows.commit": {"_finish_move": "move"},
    "flows.pool": {"analyse_one": "other"},
}
_CONTEXTS: dict[str, dict[str, str]] = {"flows.commit": {"transaction": "store"}}
# What the run's main process imports itself (it claims, commits and moves; the workers analyse): timing
# only these there keeps the bench from loading the analysis into it, and so from inflating its memory.
WRITER_MODULES = ("flows.commit", "flows.pool")

totals: dict[str, float] = dict.fromkeys(STAGES, 0.0)
_stack: list[list[Any]] = []  # [stage, start, time spent in nested stages]


def _enter(stage: str) -> None:
    _stack.append([stage, time.perf_counter(), 0.0])


def _exit() -> None:
    stage, start, nested = _stack.pop()
    elapsed = time.perf_counter() - start
    totals[stage] += elapsed - nested
    if _stack:
        _stack[-1][2] += elapsed


def _timed(fn: Callable[..., Any], stage: str, dump_after: bool) -> Callable[..., Any]:
    @functools.wraps(fn)
    def wrapper(*args: Any, **kwargs: Any) -> Any:
        _enter(stage)
        try:
            return fn(*args, **kwargs)
        finally:
            _exit()
            if dump_after:
                dump()

    wrapper.__bench_stage__ = stage  # type: ignore[attr-defined]
    return wrapper


def _timed_context(fn: Callable[..., Any], stage: str) -> Callable[..., Any]:
    @functools.wraps(fn)
    @contextlib.contextmanager
    def wrapper(*args: Any, **kwargs: Any) -> Iterator[Any]:
        _enter(stage)
        try:
            with fn(*args, **kwargs) as value:
                yield value
        finally:
            _exit()

    wrapper.__bench_stage__ = stage  # type: ignore[attr-defined]
    return wrapper


def install(only: tuple[str, ...] | None = None) -> None:
    """Wrap every stage function (importing the modules now), or only those of the modules `only`.
    Safe to call twice."""
    for targets, wrap in ((_TARGETS, _timed), (_CONTEXTS, _timed_context)):
        for module_name, attributes in targets.items():
            if only is not None and module_name not in only:
                continue
            module = importlib.import_module(module_name)
            for attribute, stage in attributes.items():
                fn = getattr(module, attribute, None)
                if fn is None or hasattr(fn, "__bench_stage__"):
                    continue
                if wrap is _timed:
                    setattr(module, attribute, _timed(fn, stage, dump_after=attribute == "analyse_one"))
                else:
                    setattr(module, attribute, _timed_context(fn, stage))


def dump() -> None:
    folder = os.environ.get(ENV)
    if folder:
        (Path(folder) / f"{os.getpid()}.json").write_text(json.dumps(totals))


def collect(folder: Path) -> dict[str, float]:
    """Each stage's seconds, summed over every process that wrote into `folder`."""
    summed = dict.fromkeys(STAGES, 0.0)
    for path in folder.glob("*.json"):
        for stage, seconds in json.loads(path.read_text()).items():
            summed[stage] = summed.get(stage, 0.0) + seconds
    return summed
