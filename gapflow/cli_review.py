"""`gapflow review` (the supervisors' web app) and `gapflow users add`, registered onto the main app.

Importing this module must not import Prefect: the web app and account commands start in a second.
"""

from __future__ import annotations

import sys
from typing import TYPE_CHECKING, Annotated

import typer
from rich.console import Console

from gapflow.cli import DbOption, app

if TYPE_CHECKING:
    from config.runtime import Runtime

users_app = typer.Typer(help="审核系统的账号（管理员、审核员、受理员）。", no_args_is_help=True)
app.add_typer(users_app, name="users")
console = Console()


def _read_password() -> str:
    """From standard input when it is not a terminal (scripts), else prompted twice without echo."""
    if not sys.stdin.isatty():
        return sys.stdin.readline().rstrip("\r\n")
    first = typer.prompt("密码", hide_input=True)
    second = typer.prompt("再输入一次", hide_input=True)
    if first != second:
        console.print("[red]两次输入的密码不一致[/]")
        raise typer.Exit(2)
    return first


@users_app.command("add")
def users_add(
    username: Annotated[str, typer.Argument(help="用户名")],
    role: Annotated[str, typer.Option("--role", help="admin（管理员）|supervisor（审核员）|intake（受理员）")],
    db: DbOption = None,
) -> None:
    """新建审核系统账号。密码不在命令行上给出：非终端时从标准输入读一行，否则提示输入两次。"""
    from config.runtime import open_runtime
    from services import accounts
    from storage.db import transaction

    try:
        accounts.check_role(role)
    except accounts.AccountError as e:
        console.print(f"[red]{e}[/]")
        raise typer.Exit(2) from e
    password = _read_password()
    rt = open_runtime(db)
    try:
        with transaction(rt.sessions) as session:
            accounts.create_user(session, username, role, password, actor="cli")
    except accounts.AccountError as e:
        console.print(f"[red]{e}[/]")
        raise typer.Exit(2) from e
    console.print(f"已新建用户 {username}（{accounts.ROLES[role]}）")


@users_app.command("list")
def users_list(db: DbOption = None) -> None:
    """列出审核系统账号。"""
    from config.runtime import open_runtime
    from services.accounts import ROLES
    from storage.accounts import all_users
    from storage.db import transaction

    with transaction(open_runtime(db).sessions) as session:
        for u in all_users(session):
            console.print(f"{u.username}\t{ROLES.get(u.role, u.role)}\t{'启用' if u.active else '已停用'}")


def process_inbox_now(rt: Runtime) -> list[dict]:
    """One inbox pass without Prefect, for the upload page's 立即处理: the same per-file path the
    flow's tasks run (claim, read, check, commit, move), in this process, recorded in `runs`."""
    from dataclasses import asdict

    from config.runtime import today_in_beijing
    from flows.files import InboxLayout, ready_files
    from flows.process import process_file
    from storage import repo
    from storage.db import transaction

    layout = InboxLayout(rt.settings.resolved_inbox())
    layout.ensure(create_inbox=True)  # uploads create it too: the review app serves the configured inbox
    today = today_in_beijing()
    with transaction(rt.sessions) as session:
        run_id = repo.start_run(session, "review", today).id
    outcomes: list[dict] = []
    status = "failed"
    try:
        for path in ready_files(layout.inbox, rt.settings.settle_seconds):
            outcomes.append(asdict(process_file(path, layout, rt, run_id, today)))
        status = "failed" if any(o["outcome"] == "failed" for o in outcomes) else "completed"
    finally:
        counts: dict[str, int] = {}
        for o in outcomes:
            counts[o["outcome"]] = counts.get(o["outcome"], 0) + 1
        with transaction(rt.sessions) as session:
            repo.finish_run(session, run_id, status, counts)
    return outcomes


@app.command()
def review(
    db: DbOption = None,
    host: Annotated[str, typer.Option("--host", help="监听地址；全办公室使用时设为 0.0.0.0")] = "127.0.0.1",
    port: Annotated[int, typer.Option("--port", help="端口")] = 8000,
) -> None:
    """启动审核系统（网页）：问题清单、文档与证据、复核决定、办理节点、审计日志。"""
    import uvicorn

    from config.runtime import open_runtime
    from review.app import create_app
    from review.security import SecretError, resolve_secret
    from storage.accounts import all_users
    from storage.db import transaction

    rt = open_runtime(db)
    try:
        secret = resolve_secret(rt.settings)
    except SecretError as e:
        console.print(f"[red]{e}[/]")
        raise typer.Exit(2) from e
    with transaction(rt.sessions) as session:
        if not all_users(session):
            console.print("[yellow]还没有任何账号：请先运行 gapflow users add 用户名 --role admin[/]")
    application = create_app(
        rt, secret, development=rt.settings.development, process_now=lambda: process_inbox_now(rt)
    )
    console.print(f"审核系统：http://{host}:{port}/  （Ctrl+C 停止）")
    # no access log: request paths carry search words and document ids, and logs never hold personal data
    uvicorn.run(application, host=host, port=port, log_level="warning", access_log=False, proxy_headers=False)
