"""The `gapflow` command line (CONTRACT.md). Messages for staff are in Chinese."""

from __future__ import annotations

import json
import os
import sys
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer
from rich.console import Console
from rich.table import Table

if TYPE_CHECKING:
    from config.prefect_runtime import PrefectRuntime

app = typer.Typer(help="gapflow：投诉书与工作总结的自动审读、问题标记与期限提醒。", no_args_is_help=True)
case_app = typer.Typer(help="投诉案件的办理节点（受理、中止、恢复、延期、决定、送达）。", no_args_is_help=True)
flag_app = typer.Typer(help="问题标记的复核（确认、驳回、已解决）。", no_args_is_help=True)
app.add_typer(case_app, name="case")
app.add_typer(flag_app, name="flag")
field_app = typer.Typer(help="抽取字段的更正（作为训练样本保存）。", no_args_is_help=True)
app.add_typer(field_app, name="field")
feedback_app = typer.Typer(help="复核决定的导出（重新训练用）。", no_args_is_help=True)
app.add_typer(feedback_app, name="feedback")
console = Console()

DbOption = Annotated[
    str | None, typer.Option("--db", help="数据库 URL，默认 GAPFLOW_DATABASE_URL 或数据目录中的 SQLite")
]
TodayOption = Annotated[str | None, typer.Option("--today", help="按此日期（YYYY-MM-DD）计算期限，用于测试与重放")]

_OUTCOME_LABELS = {
    "processed": "已处理",
    "duplicate": "重复",
    "quarantined": "已隔离",
    "skipped": "跳过",
    "resumed": "补完移动",
    "failed": "失败（保留在收件箱）",
}


@contextmanager
def _progress(delegated: bool = False) -> Iterator[Callable[[int, int], None] | None]:
    """A progress bar over the inbox's files when a person watches the terminal; yields its update
    function (delegated runs feed it from serve's messages, local ones through flows.inbox's hook)."""
    if not console.is_terminal:
        yield None
        return
    from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn

    with Progress(
        TextColumn("正在处理收件箱"), BarColumn(), MofNCompleteColumn(), TimeElapsedColumn(), console=console
    ) as bar:
        task_id = bar.add_task("inbox", total=None)

        def update(done: int, total: int) -> None:
            bar.update(task_id, completed=done, total=total)

        if delegated:
            yield update
            return
        import flows.inbox

        flows.inbox.progress_hook = update
        try:
            yield update
        finally:
            flows.inbox.progress_hook = None


def _print_summary(result: dict) -> None:
    from schemas.models import doc_type_label

    files = result["files"]
    table = Table(title=f"本次处理 {len(files)} 个文件（运行编号 {result['run_id'][:8]}）")
    for column in ("文件", "结果", "类型", "问题数", "文档编号", "说明"):
        table.add_column(column, overflow="fold")
    for f in files:
        table.add_row(
            f["filename"], _OUTCOME_LABELS.get(f["outcome"], f["outcome"]), doc_type_label(f["doc_type"]),
            str(f["flags"]), f["document_id"] or "—", f["message"] or "",
        )
    console.print(table)
    if result.get("overdue"):
        console.print(f"[bold red]逾期期限 {len(result['overdue'])} 项[/]")
        for d in result["overdue"][:20]:
            console.print(f"  {d['document_id']}  {d['kind']}  截止 {d['due_date']}")
    if not files:
        console.print("收件箱中没有新文件。")


InboxOption = Annotated[Path | None, typer.Option("--inbox", help="收件箱目录，默认 GAPFLOW_INBOX")]


CreateInboxOption = Annotated[bool, typer.Option("--create-inbox", help="收件箱目录不存在时新建它")]


def _check_inbox(inbox: Path | None, create: bool) -> None:
    """A missing inbox is an error naming the path, before anything starts; creating one is a choice."""
    from config.settings import load_settings
    from flows.files import InboxLayout

    InboxLayout(load_settings().resolved_inbox(inbox)).ensure(create_inbox=create)


_RUNTIME_LABELS = {"server": "Prefect 服务器", "serve": "本机 gapflow serve 的服务", "ephemeral": "本机临时运行环境"}


def _start_prefect() -> PrefectRuntime:
    """Choose and start the Prefect runtime (config/prefect_runtime.py), showing the wait."""
    import time

    from config.prefect_runtime import begin_runtime
    from config.settings import load_settings

    started = time.monotonic()
    finish = begin_runtime(load_settings())
    import flows.inbox  # noqa: F401  (heavy: imported while a temporary server starts)

    if console.is_terminal:
        with console.status("正在启动 Prefect 运行环境（本机首次运行需建立其数据库，可能要一两分钟）…") as status:

            def tick(seconds: float) -> None:
                status.update(f"正在启动 Prefect 运行环境… 已等待 {int(seconds)} 秒（首次运行较慢，请勿关闭）")

            runtime = finish(tick)
    else:
        runtime = finish(None)
    console.print(
        f"[dim]运行环境：{_RUNTIME_LABELS[runtime.mode]}（{runtime.api_url}），"
        f"准备用时 {time.monotonic() - started:.1f} 秒[/]"
    )
    return runtime


def _delegate(name: str, inbox: Path | None, db: str | None, today: str | None) -> dict | None:
    """The pass run by this machine's `gapflow serve` (config/delegate.py), or None to run it here."""
    from config.delegate import absolute_db_url, delegate_pass, settings_fingerprint
    from config.prefect_runtime import prefect_home, served_api_url
    from config.settings import load_settings

    settings = load_settings()
    home = prefect_home(settings)
    if os.environ.get("PREFECT_API_URL") or not served_api_url(home):
        return None
    request = {
        "kind": "nightly" if name == "nightly_flow" else "run",
        "inbox": str(settings.resolved_inbox(inbox).resolve()), "db_url": absolute_db_url(db), "today": today,
        "fingerprint": settings_fingerprint(settings),
    }
    with _progress(delegated=True) as progress:
        result = delegate_pass(home, request, progress)
    if result is not None:
        console.print(f"[dim]运行环境：本机 gapflow serve 代为处理（{served_api_url(home)}）[/]")
    return result


def _prestart_workers(inbox: Path | None) -> None:
    """Enough files waiting for the process pool: its workers' fork server loads the analysis (jieba, the
    models) while Prefect starts, rather than after."""
    from config.settings import load_settings
    from flows.files import ready_files
    from flows.pool import MIN_FILES_FOR_POOL, prestart

    settings = load_settings()
    if settings.workers > 1:
        ready = ready_files(settings.resolved_inbox(inbox), settings.settle_seconds)
        if len(ready) >= MIN_FILES_FOR_POOL:
            prestart()


def _run_flow(name: str, inbox: Path | None, db: str | None, today: str | None, create_inbox: bool) -> None:
    """Run one of the inbox flows in this process, print its summary, exit 1 when the run failed."""
    _check_inbox(inbox, create_inbox)
    from config.runtime import open_runtime

    open_runtime(db)  # an unreachable database is reported before Prefect starts
    result = _delegate(name, inbox, db, today)
    if result is not None:
        _print_summary(result)
        if result["status"] != "completed":
            raise typer.Exit(1)
        return
    _prestart_workers(inbox)
    runtime = _start_prefect()
    try:
        import flows.inbox

        flow_fn = getattr(flows.inbox, name)
        with runtime.activated(), _progress():
            result = flow_fn(inbox=str(inbox) if inbox else None, db_url=db, today=today)
    finally:
        runtime.stop()
    _print_summary(result)
    if result["status"] != "completed":
        raise typer.Exit(1)


@app.command()
def run(
    inbox: InboxOption = None, db: DbOption = None, today: TodayOption = None, create_inbox: CreateInboxOption = False
) -> None:
    """处理收件箱中的新文件一次：读取、抽取、检查、入库，然后移入 processed/ 或 quarantine/。"""
    _run_flow("inbox_flow", inbox, db, today, create_inbox)


@app.command()
def nightly(
    inbox: InboxOption = None, db: DbOption = None, today: TodayOption = None, create_inbox: CreateInboxOption = False
) -> None:
    """夜间任务：处理收件箱，再按今天重新计算所有期限与公开计划。"""
    _run_flow("nightly_flow", inbox, db, today, create_inbox)


@app.command()
def reprocess(
    db: DbOption = None,
    today: TodayOption = None,
    limit: Annotated[int | None, typer.Option("--limit", help="最多处理的文档数（默认全部）")] = None,
) -> None:
    """用当前抽取版本重新分析由旧版本产生结果的已存文档（使用库中保存的规范化全文）。"""
    from config.runtime import open_runtime

    open_runtime(db)
    runtime = _start_prefect()
    try:
        from flows.reprocess import reprocess_flow

        with runtime.activated():
            result = reprocess_flow(db_url=db, today=today, limit=limit)
    finally:
        runtime.stop()
    counts = result["counts"]
    console.print(
        f"抽取版本 {result['version']}：重新分析 {counts.get('reprocessed', 0)} 个，"
        f"跳过 {counts.get('skipped', 0)} 个，失败 {counts.get('failed', 0)} 个。"
    )
    if result["status"] != "completed":
        raise typer.Exit(1)


@app.command()
def serve(
    limit: Annotated[int | None, typer.Option("--limit", help="同时运行的最大流程数")] = None,
) -> None:
    """常驻运行：监视收件箱（新文件约十秒内入库），每 5 分钟兜底处理一次，每天 02:00（北京时间）夜间任务。"""
    from config.delegate import settings_fingerprint
    from config.prefect_runtime import install_sigterm_exit, prefect_home, remove_server_file, start_serve_server
    from config.runtime import open_runtime
    from config.settings import load_settings
    from flows.files import InboxLayout

    settings = load_settings()
    open_runtime(None)
    inbox = settings.resolved_inbox(None)
    InboxLayout(inbox).ensure()
    install_sigterm_exit()
    with console.status("正在启动 Prefect 服务…（本机首次运行需建立其数据库，可能要一两分钟）"):
        runtime = start_serve_server(settings)
    from flows.deploy import serve_all
    from flows.watch import use_polling

    how = "不监视" if settings.watch == "off" else ("轮询" if use_polling(inbox, settings.watch) else "文件事件")
    console.print(f"Prefect 服务：{runtime.api_url}\n收件箱：{inbox}（监视方式：{how}；新文件静置 "
                  f"{settings.settle_seconds:g} 秒后处理，另每 5 分钟兜底一次）\n按 Ctrl-C 停止。")
    try:
        with runtime.activated():
            serve_all(
                limit=limit, watch_inbox=inbox, settle_seconds=settings.settle_seconds, watch_mode=settings.watch,
                delegate_home=prefect_home(settings) if runtime.mode == "serve" else None,
                fingerprint=settings_fingerprint(settings),
            )
    finally:
        if runtime.mode == "serve":
            remove_server_file(prefect_home(settings))
        runtime.stop()


@app.command()
def export(
    db: DbOption = None,
    fmt: Annotated[str, typer.Option("--format", help="导出格式，目前只有 jsonl")] = "jsonl",
    out: Annotated[Path | None, typer.Option("--out", help="输出文件，默认标准输出")] = None,
    with_text: Annotated[bool, typer.Option("--with-text", help="同时导出规范化全文（text 字段）")] = False,
) -> None:
    """导出所有文档，每行一个 JSON 对象（格式见 CONTRACT.md）。"""
    if fmt != "jsonl":
        console.print(f"[red]不支持的导出格式：{fmt}（可选：jsonl）[/]")
        raise typer.Exit(2)
    from config.runtime import open_runtime
    from rules.legal import with_flag_bases
    from storage import repo
    from storage.db import transaction

    rt = open_runtime(db)
    rules = rt.rules
    stream = out.open("w", encoding="utf-8") if out else sys.stdout
    count = 0
    try:
        with transaction(rt.sessions) as session:
            for record in repo.export_records(session, with_text=with_text):
                # Law or office policy is a property of the rule, read from the rule files at export time.
                record.flags = with_flag_bases(record.flags, rules)
                data = record.model_dump(mode="json", exclude_none=False)
                if not with_text:
                    data.pop("text", None)
                stream.write(json.dumps(data, ensure_ascii=False) + "\n")
                count += 1
    finally:
        if out:
            stream.close()
    if out:
        console.print(f"已导出 {count} 个文档到 {out}")


@case_app.command("add")
def case_add(
    document_id: Annotated[str, typer.Argument(help="投诉件的文档编号（doc-…）")],
    kind: Annotated[
        str, typer.Option("--kind", help="accepted|rejected|suspended|resumed|extended|decided|served|closed")
    ],
    on: Annotated[str, typer.Option("--on", help="发生日期 YYYY-MM-DD")],
    note: Annotated[str | None, typer.Option("--note", help="备注")] = None,
    actor: Annotated[str, typer.Option("--actor", help="操作人")] = "staff",
    db: DbOption = None,
) -> None:
    """记录一个办理节点，并按此重新计算该案的期限。"""
    from services.decisions import DecisionError, parse_case_event, record_case_event

    try:
        event = parse_case_event(kind, on, note)
        from config.runtime import open_runtime, today_in_beijing

        record_case_event(open_runtime(db), document_id, event, actor, today_in_beijing())
    except DecisionError as e:
        console.print(f"[red]{e}[/]")
        raise typer.Exit(2) from e
    console.print(f"已记录：{document_id} {kind} {on}")


@case_app.command("list")
def case_list(document_id: Annotated[str, typer.Argument(help="投诉件的文档编号")], db: DbOption = None) -> None:
    """列出投诉件的办理节点与期限。"""
    from config.runtime import open_runtime
    from schemas.tables import Document
    from storage.db import transaction

    rt = open_runtime(db)
    with transaction(rt.sessions) as session:
        document = session.get(Document, document_id)
        if document is None:
            console.print(f"[red]没有编号为 {document_id} 的文档[/]")
            raise typer.Exit(2)
        for e in document.case_events:
            console.print(f"节点  {e.on}  {e.kind}  {e.note or ''}")
        for d in document.deadlines:
            mark = "（暂定）" if d.provisional else ""
            console.print(f"期限  {d.kind}  {d.due_date}{mark}  {d.status}  {d.basis}")


@flag_app.command("set")
def flag_set(
    flag_id: Annotated[int, typer.Argument(help="问题标记编号")],
    status: Annotated[str, typer.Argument(help="confirmed|dismissed|resolved|open")],
    note: Annotated[str | None, typer.Option("--note", help="复核意见（理由，必填）")] = None,
    actor: Annotated[str, typer.Option("--actor", help="复核人")] = "supervisor",
    db: DbOption = None,
) -> None:
    """复核一个问题标记：确认、驳回或标记已解决。"""
    from services.decisions import DecisionError, decide_flag, parse_status

    try:
        new_status = parse_status(status)
        from config.runtime import open_runtime
        from storage.db import transaction

        with transaction(open_runtime(db).sessions) as session:
            decide_flag(session, flag_id, new_status, actor, note)
    except DecisionError as e:
        console.print(f"[red]{e}[/]")
        raise typer.Exit(2) from e
    console.print(f"问题标记 {flag_id} 已改为 {new_status.value}")


@field_app.command("set")
def field_set(
    document_id: Annotated[str, typer.Argument(help="文档编号")],
    path: Annotated[str, typer.Argument(help="字段路径，如 complainant.name")],
    value: Annotated[str, typer.Argument(help="正确的值（JSON，如 \"张三\"、35、null；不是 JSON 时按文字）")],
    note: Annotated[str | None, typer.Option("--note", help="说明")] = None,
    actor: Annotated[str, typer.Option("--actor", help="复核人")] = "supervisor",
    db: DbOption = None,
) -> None:
    """更正一个抽取字段；原值和更正值作为训练样本保存。"""
    import json

    from config.runtime import open_runtime
    from services.feedback import correct_field
    from storage.db import transaction

    try:
        parsed = json.loads(value)
    except json.JSONDecodeError:
        parsed = value
    rt = open_runtime(db)
    try:
        with transaction(rt.sessions) as session:
            old = correct_field(session, document_id, path, parsed, actor, note)
    except LookupError as e:
        console.print(f"[red]{e}[/]")
        raise typer.Exit(2) from e
    console.print(f"{path}: {old!r} -> {parsed!r}")


@feedback_app.command("export")
def feedback_export(
    out: Annotated[Path | None, typer.Option("--out", help="输出文件（默认标准输出）")] = None,
    db: DbOption = None,
) -> None:
    """导出复核决定（确认/驳回的问题标记、更正的字段），每行一个 JSON，供重新训练模型。"""
    import json

    from config.runtime import open_runtime
    from services.feedback import export_examples
    from storage.db import transaction

    rt = open_runtime(db)
    with transaction(rt.sessions) as session:
        lines = [json.dumps(e, ensure_ascii=False) for e in export_examples(session)]
    text = "\n".join(lines) + ("\n" if lines else "")
    if out is None:
        sys.stdout.write(text)
    else:
        out.write_text(text, encoding="utf-8")
        console.print(f"{len(lines)} 条样本 -> {out}")


from gapflow import cli_review  # noqa: E402, F401  (registers `review` and `users`)


def main() -> None:
    """The console script: a PipelineError (database down, inbox missing, runtime not starting) is a
    Chinese message and exit code 2, never a traceback."""
    from schemas.errors import PipelineError

    try:
        app()
    except PipelineError as e:
        console.print(f"[bold red]错误：[/]{e}")
        sys.exit(2)


if __name__ == "__main__":
    main()
