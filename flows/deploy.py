"""The deployments an office leaves running: the inbox every 5 minutes, the nightly at 02:00 Beijing
time, and reprocess on demand. `gapflow serve` serves all three from one long-lived process; for
several machines, prefect.yaml declares the same three for a process work pool (docs/deploy.md).

No parameter is fixed here: the inbox and the database come from the GAPFLOW_* settings of the
machine a run executes on, so one deployment serves every machine that mounts the same inbox.
"""

from __future__ import annotations

import threading
from collections.abc import Callable
from datetime import timedelta
from pathlib import Path

from prefect.deployments.runner import RunnerDeployment
from prefect.schedules import Cron, Interval

INBOX_INTERVAL = timedelta(seconds=300)
NIGHTLY_CRON = "0 2 * * *"
TIMEZONE = "Asia/Shanghai"
TAGS = ["gapflow"]


def build_deployments() -> list[RunnerDeployment]:
    """The three deployments, ready for `prefect.serve` or `.apply()`."""
    from flows.inbox import inbox_flow, nightly_flow
    from flows.reprocess import reprocess_flow

    return [
        inbox_flow.to_deployment(
            name="inbox", schedule=Interval(INBOX_INTERVAL, timezone=TIMEZONE), tags=TAGS,
            description="每 5 分钟处理一次收件箱中的新文件。",
        ),
        nightly_flow.to_deployment(
            name="nightly", schedule=Cron(NIGHTLY_CRON, timezone=TIMEZONE), tags=TAGS,
            description="每天 02:00（北京时间）：处理收件箱，再按当天重新计算所有期限与公开计划。",
        ),
        reprocess_flow.to_deployment(
            name="reprocess", tags=TAGS,
            description="按需运行：用当前抽取版本重新分析旧版本产生的结果。",
        ),
    ]


def warm_up(db_url: str | None = None) -> None:
    """Load what the first document needs (jieba's dictionary, rules, calendar) before any arrives,
    so a dropped letter is handled in seconds."""
    from config.runtime import open_runtime
    from extractors import tokenize

    rt = open_runtime(db_url)
    tokenize.cut("劳动保障监察投诉书")
    _ = rt.rules, rt.calendar
    import flows.process  # noqa: F401


def serve_all(limit: int | None = None, watch_inbox: Path | None = None, settle_seconds: float = 10.0,
              watch_mode: str = "auto", delegate_home: Path | None = None, fingerprint: str = "") -> None:
    """Serve every deployment from this process until interrupted (Ctrl-C / SIGTERM); with
    `watch_inbox`, also run an inbox pass as soon as a dropped file has settled (flows/watch.py); with
    `delegate_home`, also answer this machine's `gapflow run` / `nightly` (flows/delegate.py)."""
    from prefect import serve

    import flows.inbox
    from flows.delegate import DelegateServer
    from flows.watch import InboxWatcher

    one_pass = threading.Lock()  # the watcher's passes and delegated ones, one at a time
    warmed: list[bool] = []

    def warm() -> None:
        if not warmed:
            warm_up()
            warmed.append(True)

    def inbox_pass() -> None:
        with one_pass:
            warm()
            flows.inbox.inbox_flow(inbox=str(watch_inbox))

    def delegated_pass(request: dict, progress: Callable[[int, int], None]) -> dict:
        warm()
        flow_fn = flows.inbox.nightly_flow if request.get("kind") == "nightly" else flows.inbox.inbox_flow
        flows.inbox.progress_hook = progress
        try:
            return flow_fn(inbox=request.get("inbox"), db_url=request.get("db_url"), today=request.get("today"))
        finally:
            flows.inbox.progress_hook = None

    watcher = delegate = None
    if watch_inbox is not None and watch_mode != "off":
        watcher = InboxWatcher(watch_inbox, settle_seconds, watch_mode, inbox_pass)
        watcher.start()
    if delegate_home is not None:
        delegate = DelegateServer(delegate_home, fingerprint, delegated_pass, one_pass)
        delegate.start()
    try:
        serve(*build_deployments(), limit=limit)
    finally:
        for part in (watcher, delegate):
            if part:
                part.stop()
