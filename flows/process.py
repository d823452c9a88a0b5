"""One claimed inbox file from bytes to a FileResult: read, hash, parse, analyse. No Prefect, no writes.

This runs in the pool workers (flows/pool.py), outside any database transaction: it only reads the
database (is this content stored already? which stored reports resemble it?). The run's main process
commits the results in batches and moves the files (flows/commit.py), so workers never wait for each
other's writes.
"""

from __future__ import annotations

import logging
import os
from datetime import date
from pathlib import Path

from config.runtime import Runtime
from flows.commit import (
    SAME_FILE,  # noqa: F401  (re-exported: callers that know it from here)
    Claim,
    FileOutcome,
    FileResult,
    claim,
    commit_results,
    skipped,
)
from flows.files import InboxLayout, RejectedEntry, from_token, read_inbox_file, received_at, to_token
from flows.parse_cache import read_cached
from flows.reading import read_limits, reader_for
from pipeline.analyse import AnalysisContext, analyse
from rules import similarity
from schemas.errors import LoadError
from schemas.models import DocStatus, ErrorInfo, ParsedDocument
from storage import repo
from storage.signatures import candidate_priors, index_for

log = logging.getLogger("gapflow.process")

# A worker looks for new stored reports at most this often (an O(stored reports) query): what it misses
# in between is at most the last moment's commits, which the pass's cross-check sees (services/crosscheck.py).
INDEX_REFRESH_SECONDS = 1.0


def process_file(path: Path, layout: InboxLayout, rt: Runtime, run_id: str, today: date) -> FileOutcome:
    """One file on its own, in this process: claim, analyse, commit, move (the review app's 立即处理).
    A failure is an outcome (`failed`, the file left in the inbox), not an exception."""
    token = to_token(path)
    claimed = claim(rt, layout, token, run_id)
    if claimed is None:
        return skipped(token)
    try:
        result = analyse_file(claimed, layout, rt, today)
    except Exception as e:
        log.debug("analysis failed (%s)", type(e).__name__)  # never the message: it may quote the letter
        result = FileResult(claimed, failure=type(e).__name__)
    return commit_results(rt, layout, run_id, [result])[0]


def analyse_file(c: Claim, layout: InboxLayout, rt: Runtime, today: date) -> FileResult:
    """Everything about one file that needs no write. Raises on a bug (the caller turns it into a failure)."""
    settings = rt.settings
    path = from_token(c.token)
    if not os.path.lexists(path):  # another worker finished it between listing and claiming
        return FileResult(c, gone=True)
    try:
        data, sha = read_inbox_file(path, settings.max_file_mb * 1024 * 1024)
        rejected: RejectedEntry | None = None
    except RejectedEntry as e:
        data, sha, rejected = b"", e.sha256, e
    result = FileResult(c, arrived=received_at(path), sha=sha)
    if _is_known(rt, c, sha):
        result.known = True
        return result

    parsed: ParsedDocument | None = None
    if rejected is not None:
        result.error = ErrorInfo(code=rejected.code, message=rejected.message)
    elif c.attempts > settings.max_attempts:
        result.error = _repeated_failure(c, rt)
    else:
        try:
            parsed = read_cached(
                data, c.name, sha, settings.cache_dir, limits=read_limits(settings), convert=reader_for(settings)
            )
        except LoadError as e:
            result.error = ErrorInfo(code=e.code, message=e.message)
    if parsed is not None:
        assert result.arrived is not None
        signature = similarity.signature(parsed.text)
        with rt.sessions() as session:  # reads only: no transaction is held while the analysis runs
            prior = candidate_priors(
                session, index_for(str(rt.engine.url)), signature, repo.document_id_for(sha),
                refresh_after=INDEX_REFRESH_SECONDS,
            )
        context = AnalysisContext(
            today=today, received_date=result.arrived.date(), rules=rt.rules, calendar=rt.calendar,
            jurisdiction=settings.jurisdiction, prior=prior,
        )
        result.parsed, result.signature, result.analysis = parsed, signature, analyse(parsed, context)
    return result


def _is_known(rt: Runtime, c: Claim, sha: str) -> bool:
    """Content already stored: a move to finish, or a second receipt (the writer decides which, again,
    against what is committed then). A quarantined document's file coming back is read again."""
    with rt.sessions() as session:
        known = repo.find_by_sha(session, sha)
        if known is None:
            return False
        pending = repo.pending_receipt(session, sha)
        return (pending is not None and pending.filename == c.name) or known.status != DocStatus.quarantined


_CAUSES = {  # what an attempt's exception class means to staff
    "ConversionTimeout": "旧格式转换超时",
    "BrokenProcessPool": "处理进程意外退出",
    "MemoryError": "内存不足",
    "RecursionError": "文件结构嵌套过深",
}


def _repeated_failure(c: Claim, rt: Runtime) -> ErrorInfo:
    with rt.sessions() as session:
        error = repo.attempt_error(session, c.key)
    cause = _CAUSES.get(error or "", f"程序内部错误 {error}" if error else "处理进程意外退出")
    tried = c.attempts - 1
    return ErrorInfo(
        code="failed_repeatedly",
        message=f"文件“{c.name}”已尝试处理 {tried} 次，每次都意外失败（{cause}）。为免每次运行都失败，已隔离。"
        "请把此文件另存为 .docx 或 .pdf 后重新放入收件箱；仍失败时请联系技术人员。",
    )
