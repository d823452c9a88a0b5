"""The inbox flow (`gapflow run`) and the nightly flow (`gapflow nightly`).

Task granularity is a batch of files, never a field or a page: a Prefect task costs milliseconds
against a server, and a nightly run may see thousands of documents. Per-document results live in
our own tables.
"""

from __future__ import annotations

import logging
import os
import sys
from dataclasses import asdict
from datetime import date, timedelta
from pathlib import Path

from prefect import flow, get_run_logger, task
from prefect.artifacts import create_markdown_artifact, create_table_artifact
from prefect.cache_policies import NO_CACHE

from storage import repo
from storage.db import transaction

from flows.files import InboxLayout, ready_files
from flows.process import FileOutcome, doc_type_label, process_file
from flows.reevaluate import reevaluate_all
from flows.runtime import open_runtime, today_in_beijing

CLAIM_STALE_AFTER = timedelta(hours=2)


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
    """Process a batch of inbox files; one file's failure does not stop the batch."""
    rt = open_runtime(db_url)
    layout = InboxLayout(Path(inbox))
    logger = get_run_logger()
    results = []
    for p in paths:
        try:
            outcome = process_file(Path(p), layout, rt, run_id, today)
        except Exception as e:  # a bug on one document: leave the file in the inbox, report, go on
            logger.error("内部错误，文件保留在收件箱中待下次处理：%s", type(e).__name__)
            logging.getLogger("gapflow").debug("failure", exc_info=True)
            outcome = FileOutcome(Path(p).name, "failed", message=f"程序内部错误（{type(e).__name__}），文件未移动")
        results.append(asdict(outcome))
    return results


def _batches(items: list[Path], size: int) -> list[list[str]]:
    return [[str(p) for p in items[i : i + size]] for i in range(0, len(items), size)]


def run_inbox(inbox: str | None, db_url: str | None, today: date, run_id: str) -> list[dict]:
    """The inbox pass shared by both flows."""
    rt = open_runtime(db_url)
    layout = InboxLayout(rt.settings.resolved_inbox(inbox))
    layout.ensure()
    with transaction(rt.sessions) as session:
        repo.release_dead_claims(session, CLAIM_STALE_AFTER, _pid_alive)
    files = ready_files(layout.inbox, rt.settings.settle_seconds)
    outcomes: list[dict] = []
    for batch in _batches(files, rt.settings.batch_size):
        outcomes.extend(process_batch(batch, str(layout.inbox), db_url, run_id, today))
    return outcomes


def _publish(outcomes: list[dict], overdue: list[dict]) -> None:
    new_flags = [o for o in outcomes if o["flags"]]
    if new_flags:
        create_table_artifact(
            key="gapflow-new-flags",
            table=[
                {"文档编号": o["document_id"], "类型": doc_type_label(o["doc_type"]), "问题数": o["flags"],
                 "结果": o["outcome"]}
                for o in new_flags
            ],
            description="本次新处理文档的问题标记",
        )
    counts: dict[str, int] = {}
    for o in outcomes:
        counts[o["outcome"]] = counts.get(o["outcome"], 0) + 1
    lines = ["# gapflow 运行摘要", "", "| 结果 | 数量 |", "| --- | --- |"]
    lines += [f"| {k} | {v} |" for k, v in sorted(counts.items())]
    lines += ["", f"逾期期限：{len(overdue)} 项"]
    lines += [f"- {d['document_id']} {d['kind']} 截止 {d['due_date']}" for d in overdue[:50]]
    create_markdown_artifact(key="gapflow-run-summary", markdown="\n".join(lines), description="运行摘要")


def _counts(outcomes: list[dict]) -> dict[str, int]:
    counts: dict[str, int] = {}
    for o in outcomes:
        counts[o["outcome"]] = counts.get(o["outcome"], 0) + 1
    return counts


@flow(name="gapflow-inbox", log_prints=False)
def inbox_flow(inbox: str | None = None, db_url: str | None = None, today: str | None = None) -> dict:
    """One pass over the inbox: every new file is read, checked, stored and moved."""
    day = today_in_beijing(today)
    rt = open_runtime(db_url)
    with transaction(rt.sessions) as session:
        run_id = repo.start_run(session, "run", day).id
    status = "failed"
    outcomes: list[dict] = []
    try:
        outcomes = run_inbox(inbox, db_url, day, run_id)
        status = "failed" if any(o["outcome"] == "failed" for o in outcomes) else "completed"
    finally:
        with transaction(rt.sessions) as session:
            repo.finish_run(session, run_id, status, _counts(outcomes))
    _publish(outcomes, [])
    get_run_logger().info("inbox pass %s: %s", run_id, _counts(outcomes))
    return {"run_id": run_id, "status": status, "files": outcomes, "overdue": []}


@flow(name="gapflow-nightly", log_prints=False)
def nightly_flow(inbox: str | None = None, db_url: str | None = None, today: str | None = None) -> dict:
    """Inbox pass, then every deadline and schedule re-evaluated against today."""
    day = today_in_beijing(today)
    rt = open_runtime(db_url)
    with transaction(rt.sessions) as session:
        run_id = repo.start_run(session, "nightly", day).id
    status = "failed"
    outcomes: list[dict] = []
    overdue: list[dict] = []
    try:
        outcomes = run_inbox(inbox, db_url, day, run_id)
        overdue = reevaluate_task(db_url, day)
        status = "failed" if any(o["outcome"] == "failed" for o in outcomes) else "completed"
    finally:
        with transaction(rt.sessions) as session:
            repo.finish_run(session, run_id, status, {**_counts(outcomes), "overdue": len(overdue)})
    _publish(outcomes, overdue)
    get_run_logger().info("nightly %s: %s, %d overdue", run_id, _counts(outcomes), len(overdue))
    return {"run_id": run_id, "status": status, "files": outcomes, "overdue": overdue}


@task(name="reevaluate-deadlines", cache_policy=NO_CACHE)
def reevaluate_task(db_url: str | None, today: date) -> list[dict]:
    return reevaluate_all(open_runtime(db_url), today)


def interactive() -> bool:
    return sys.stderr.isatty()
