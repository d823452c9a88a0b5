"""The inbox flow (`gapflow run`) and the nightly flow (`gapflow nightly`).

Task granularity is a batch of files, never a field or a page: a Prefect task costs milliseconds
against a server, and a nightly run may see thousands of documents. Per-document results live in
our own tables.
"""

from __future__ import annotations

import os
from collections.abc import Callable
from datetime import date, timedelta

from prefect import flow, get_run_logger, task
from prefect.artifacts import create_markdown_artifact, create_table_artifact
from prefect.cache_policies import NO_CACHE

from config.runtime import open_runtime, today_in_beijing
from flows.commit import SAME_FILE
from flows.files import InboxLayout, ready_files, to_token
from flows.pool import process_many
from schemas.models import doc_type_label
from services.reevaluate import reevaluate_all
from storage import repo
from storage.db import transaction

CLAIM_STALE_AFTER = timedelta(hours=2)
IO_RETRIES = 2  # a network share or database that hiccups; parsing and checking are never retried
IO_RETRY_DELAY_SECONDS = 5


def _pid_alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    return True


@task(name="process-batch", cache_policy=NO_CACHE)
def process_batch(paths: list[str], inbox: str, db_url: str | None, run_id: str, today: date) -> list[dict]:
    """Process a batch of inbox files (on several cores when the batch is large enough); one file's
    failure does not stop the batch. No retries: a file whose result was not committed stays in the inbox."""
    workers = open_runtime(db_url).settings.workers
    results = process_many(paths, inbox, db_url, run_id, today, workers)
    failed = [r for r in results if r["outcome"] == "failed"]
    if failed:
        get_run_logger().error("%d 个文件处理失败，保留在收件箱中待下次处理", len(failed))
    return results


@task(name="scan-inbox", cache_policy=NO_CACHE, retries=IO_RETRIES,
      retry_delay_seconds=IO_RETRY_DELAY_SECONDS)
def scan_inbox(inbox: str | None, db_url: str | None) -> tuple[str, list[str]]:
    """Release the claims of dead runs, then list the files ready to process."""
    rt = open_runtime(db_url)
    layout = InboxLayout(rt.settings.resolved_inbox(inbox))
    layout.ensure()
    with transaction(rt.sessions) as session:
        released = repo.release_dead_claims(session, CLAIM_STALE_AFTER, _pid_alive)
    if released:
        get_run_logger().warning("released %d claims of runs that died", released)
    files = ready_files(layout.inbox, rt.settings.settle_seconds)
    return str(layout.inbox), [to_token(p) for p in files]


def _batches(items: list[str], size: int) -> list[list[str]]:
    return [items[i : i + size] for i in range(0, len(items), size)]


# Set by the command line when it runs in a terminal: called with (files done, files in all) after
# each batch, to draw a progress bar. None under a worker or a deployment.
progress_hook: Callable[[int, int], None] | None = None


def run_inbox(inbox: str | None, db_url: str | None, today: date, run_id: str) -> list[dict]:
    """The inbox pass shared by both flows."""
    rt = open_runtime(db_url)
    folder, files = scan_inbox(inbox, db_url)
    outcomes: list[dict] = []
    if progress_hook and files:
        progress_hook(0, len(files))
    for batch in _batches(files, rt.settings.batch_size):
        outcomes.extend(process_batch(batch, folder, db_url, run_id, today))
        if progress_hook:
            progress_hook(len(outcomes), len(files))
    if any(o.get("doc_type") == "work_report" for o in outcomes):
        statuses = crosscheck_task(db_url, run_id)
        for o in outcomes:
            status = statuses.get(o.get("document_id") or "")
            if status and o["outcome"] in ("processed", "duplicate") and o.get("message") != SAME_FILE:
                o["outcome"] = "duplicate" if status == "duplicate" else "processed"
                o["message"] = "与已收文件内容基本相同" if status == "duplicate" else None
    return outcomes


@task(name="crosscheck-pass", cache_policy=NO_CACHE, retries=IO_RETRIES,
      retry_delay_seconds=IO_RETRY_DELAY_SECONDS)
def crosscheck_task(db_url: str | None, run_id: str) -> dict[str, str]:
    """The reports of this pass compared with each other in arrival order (services/crosscheck.py)."""
    from flows.pool import run_copy_checks
    from services.crosscheck import crosscheck_pass

    rt = open_runtime(db_url)
    return crosscheck_pass(rt, run_id, lambda order: run_copy_checks(db_url, order, rt.settings.workers))


OUTCOME_LABELS = {
    "processed": "已处理", "duplicate": "重复", "quarantined": "已隔离", "skipped": "跳过",
    "resumed": "补完移动", "failed": "失败（保留在收件箱）",
}


def summary_markdown(outcomes: list[dict], overdue: list[dict]) -> str:
    """What the operator reads after a run: documents by type and outcome, then the overdue deadlines.
    Document ids only: no file names (they often carry a complainant's name)."""
    outcome_keys = sorted({o["outcome"] for o in outcomes})
    by_type: dict[str, dict[str, int]] = {}
    for o in outcomes:
        row = by_type.setdefault(doc_type_label(o["doc_type"]), {})
        row[o["outcome"]] = row.get(o["outcome"], 0) + 1
    lines = ["# gapflow 运行摘要", "", f"本次处理文件 {len(outcomes)} 个。", ""]
    if outcomes:
        lines += ["| 类型 | " + " | ".join(OUTCOME_LABELS.get(k, k) for k in outcome_keys) + " | 合计 |"]
        lines += ["| --- " * (len(outcome_keys) + 2) + "|"]
        for label, row in sorted(by_type.items()):
            cells = [str(row.get(k, 0)) for k in outcome_keys]
            lines += [f"| {label} | " + " | ".join(cells) + f" | {sum(row.values())} |"]
    lines += ["", f"## 逾期期限：{len(overdue)} 项", ""]
    if overdue:
        lines += ["| 文档编号 | 期限类型 | 截止日期 |", "| --- | --- | --- |"]
        lines += [f"| {d['document_id']} | {d['kind']} | {d['due_date']} |" for d in overdue[:200]]
        if len(overdue) > 200:
            lines += ["", f"（另有 {len(overdue) - 200} 项未列出，见审阅页面）"]
    return "\n".join(lines)


def _publish(outcomes: list[dict], overdue: list[dict]) -> None:
    new_flags = [o for o in outcomes if o["flags"]]
    if new_flags:
        create_table_artifact(
            key="gapflow-new-flags",
            table=[
                {"文档编号": o["document_id"], "类型": doc_type_label(o["doc_type"]), "问题数": o["flags"],
                 "结果": OUTCOME_LABELS.get(o["outcome"], o["outcome"])}
                for o in new_flags
            ],
            description="本次新处理文档的问题标记",
        )
    create_markdown_artifact(
        key="gapflow-run-summary", markdown=summary_markdown(outcomes, overdue), description="运行摘要"
    )


def _counts(outcomes: list[dict]) -> dict[str, int]:
    counts: dict[str, int] = {}
    for o in outcomes:
        counts[o["outcome"]] = counts.get(o["outcome"], 0) + 1
    return counts


def _tracked_pass(kind: str, inbox: str | None, db_url: str | None, today: str | None, reevaluate: bool) -> dict:
    """A run recorded in `runs`: the inbox pass, then (nightly) every deadline re-evaluated."""
    day = today_in_beijing(today)
    rt = open_runtime(db_url)
    with transaction(rt.sessions) as session:
        run_id = repo.start_run(session, kind, day).id
    status = "failed"
    outcomes: list[dict] = []
    overdue: list[dict] = []
    try:
        outcomes = run_inbox(inbox, db_url, day, run_id)
        if reevaluate:
            overdue = reevaluate_task(db_url, day)
        status = "failed" if any(o["outcome"] == "failed" for o in outcomes) else "completed"
    finally:
        counts = {**_counts(outcomes), **({"overdue": len(overdue)} if reevaluate else {})}
        with transaction(rt.sessions) as session:
            repo.finish_run(session, run_id, status, counts)
    _publish(outcomes, overdue)
    get_run_logger().info("%s %s: %s", kind, run_id, counts)
    return {"run_id": run_id, "status": status, "files": outcomes, "overdue": overdue}


@flow(name="gapflow-inbox", log_prints=False)
def inbox_flow(inbox: str | None = None, db_url: str | None = None, today: str | None = None) -> dict:
    """One pass over the inbox: every new file is read, checked, stored and moved."""
    return _tracked_pass("run", inbox, db_url, today, reevaluate=False)


@flow(name="gapflow-nightly", log_prints=False)
def nightly_flow(inbox: str | None = None, db_url: str | None = None, today: str | None = None) -> dict:
    """Inbox pass, then every deadline and schedule re-evaluated against today."""
    return _tracked_pass("nightly", inbox, db_url, today, reevaluate=True)


@task(name="reevaluate-deadlines", cache_policy=NO_CACHE, retries=IO_RETRIES,
      retry_delay_seconds=IO_RETRY_DELAY_SECONDS)
def reevaluate_task(db_url: str | None, today: date) -> list[dict]:
    return reevaluate_all(open_runtime(db_url), today)
