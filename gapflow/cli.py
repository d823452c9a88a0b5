"""The `gapflow` command line (CONTRACT.md). Messages for staff are in Chinese."""

from __future__ import annotations

import json
import os
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import date
from pathlib import Path
from typing import Annotated

import typer
from rich.console import Console
from rich.table import Table

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


def _quiet_prefect() -> None:
    os.environ.setdefault("PREFECT_LOGGING_LEVEL", "WARNING")
    os.environ.setdefault("PREFECT_SERVER_ANALYTICS_ENABLED", "false")


@contextmanager
def _progress() -> Iterator[None]:
    """A progress bar over the inbox's files when a person watches the terminal."""
    import flows.inbox

    if not console.is_terminal:
        yield
        return
    from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn

    with Progress(
        TextColumn("正在处理收件箱"), BarColumn(), MofNCompleteColumn(), TimeElapsedColumn(), console=console
    ) as bar:
        task_id = bar.add_task("inbox", total=None)

        def update(done: int, total: int) -> None:
            bar.update(task_id, completed=done, total=total)

        flows.inbox.progress_hook = update
        try:
            yield
        finally:
            flows.inbox.progress_hook = None


def _print_summary(result: dict) -> None:
    from flows.process import doc_type_label

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


def _run_flow(name: str, inbox: Path | None, db: str | None, today: str | None) -> None:
    """Run one of the inbox flows in this process, print its summary, exit 1 when the run failed."""
    _quiet_prefect()
    import flows.inbox

    flow_fn = getattr(flows.inbox, name)
    with _progress():
        result = flow_fn(inbox=str(inbox) if inbox else None, db_url=db, today=today)
    _print_summary(result)
    if result["status"] != "completed":
        raise typer.Exit(1)


@app.command()
def run(inbox: InboxOption = None, db: DbOption = None, today: TodayOption = None) -> None:
    """处理收件箱中的新文件一次：读取、抽取、检查、入库，然后移入 processed/ 或 quarantine/。"""
    _run_flow("inbox_flow", inbox, db, today)


@app.command()
def nightly(inbox: InboxOption = None, db: DbOption = None, today: TodayOption = None) -> None:
    """夜间任务：处理收件箱，再按今天重新计算所有期限与公开计划。"""
    _run_flow("nightly_flow", inbox, db, today)


@app.command()
def reprocess(
    db: DbOption = None,
    today: TodayOption = None,
    limit: Annotated[int | None, typer.Option("--limit", help="最多处理的文档数（默认全部）")] = None,
) -> None:
    """用当前抽取版本重新分析由旧版本产生结果的已存文档（使用库中保存的规范化全文）。"""
    _quiet_prefect()
    from flows.reprocess import reprocess_flow

    result = reprocess_flow(db_url=db, today=today, limit=limit)
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
    """常驻运行：每 5 分钟处理收件箱，每天 02:00（北京时间）夜间任务，并可按需触发 reprocess。"""
    _quiet_prefect()
    from flows.deploy import serve_all

    serve_all(limit=limit)


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
    from storage import repo
    from storage.db import transaction

    rt = open_runtime(db)
    stream = out.open("w", encoding="utf-8") if out else sys.stdout
    count = 0
    try:
        with transaction(rt.sessions) as session:
            for record in repo.export_records(session, with_text=with_text):
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
    from schemas.models import CaseEvent, CaseEventKind

    try:
        event = CaseEvent(kind=CaseEventKind(kind), on=date.fromisoformat(on), note=note)
    except ValueError as e:
        allowed = "、".join(k.value for k in CaseEventKind)
        console.print(f"[red]节点类型或日期不正确：{e}。类型可选：{allowed}；日期格式 YYYY-MM-DD。[/]")
        raise typer.Exit(2) from e
    from config.runtime import open_runtime, today_in_beijing
    from services.reevaluate import reevaluate_document
    from storage import repo
    from storage.db import transaction

    rt = open_runtime(db)
    try:
        with transaction(rt.sessions) as session:
            repo.add_case_event(session, document_id, event, actor)
    except LookupError as e:
        console.print(f"[red]{e}[/]")
        raise typer.Exit(2) from e
    reevaluate_document(rt, document_id, today_in_beijing())
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
    note: Annotated[str | None, typer.Option("--note", help="复核意见")] = None,
    actor: Annotated[str, typer.Option("--actor", help="复核人")] = "supervisor",
    db: DbOption = None,
) -> None:
    """复核一个问题标记：确认、驳回或标记已解决。"""
    from schemas.models import FlagStatus

    try:
        new_status = FlagStatus(status)
    except ValueError as e:
        console.print(f"[red]状态不正确：{status}。可选：{'、'.join(s.value for s in FlagStatus)}[/]")
        raise typer.Exit(2) from e
    from config.runtime import open_runtime
    from services.feedback import decide_flag
    from storage.db import transaction

    rt = open_runtime(db)
    try:
        with transaction(rt.sessions) as session:
            decide_flag(session, flag_id, new_status, actor, note)
    except LookupError as e:
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


if __name__ == "__main__":
    app()
