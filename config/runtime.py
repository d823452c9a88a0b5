"""What a command or a flow needs around the pure code: settings, database, rules, calendar.

Cached per process. Rules, calendar and jieba are loaded on first use, so a command that only reads
the database (export, case, flag, users) answers in about a second.
"""

from __future__ import annotations

from datetime import date, datetime
from functools import cached_property

from sqlalchemy import Engine
from sqlalchemy.engine import make_url
from sqlalchemy.exc import OperationalError
from sqlalchemy.orm import Session, sessionmaker

from config.settings import TZ, Settings, load_settings
from schemas.errors import DatabaseUnavailable
from storage.db import make_engine, session_factory, upgrade


class Runtime:
    def __init__(self, settings: Settings, engine: Engine) -> None:
        self.settings = settings
        self.engine = engine
        self.sessions: sessionmaker[Session] = session_factory(engine)

    @cached_property
    def rules(self):  # type: ignore[no-untyped-def]  # RuleSet, imported lazily
        from rules.loader import load_rules

        return load_rules()

    @cached_property
    def calendar(self) -> object:
        from rules.calendar import load_calendar

        return load_calendar()


_RUNTIMES: dict[str | None, Runtime] = {}


def describe_database(url: str) -> str:
    """Where a URL points, without its password: for messages staff read."""
    parsed = make_url(url)
    if parsed.get_backend_name() == "sqlite":
        return f"SQLite 文件 {parsed.database}"
    port = f":{parsed.port}" if parsed.port else ""
    return f"{parsed.get_backend_name()} 数据库 {parsed.host or 'localhost'}{port}/{parsed.database or ''}"


def _unavailable(url: str, error: Exception) -> DatabaseUnavailable:
    where = describe_database(url)
    if make_url(url).get_backend_name() == "sqlite":
        hint = "请检查该文件所在目录是否存在、是否有写权限、磁盘是否已满。"
    else:
        hint = ("请检查：数据库服务器是否已启动、主机名和端口是否正确、防火墙是否放行、用户名与密码是否正确"
                "（设置项 GAPFLOW_DATABASE_URL 或 --db）。")
    return DatabaseUnavailable(f"无法连接结果数据库（{where}）。{hint}")


def open_runtime(db_url: str | None = None) -> Runtime:
    """Connect and migrate. Same URL in the same process -> same Runtime.

    Raises DatabaseUnavailable (a Chinese message naming the host and what to check) when the
    database does not answer.
    """
    if db_url in _RUNTIMES:
        return _RUNTIMES[db_url]
    settings = load_settings()
    from extractors import tokenize

    tokenize.configure(settings.cache_dir / "jieba")  # only records the folder; jieba loads on first use
    url = settings.resolved_database_url(db_url)
    try:
        engine = make_engine(url)
        upgrade(engine)
    except (OperationalError, OSError) as e:
        raise _unavailable(url, e) from e
    runtime = Runtime(settings, engine)
    _RUNTIMES[db_url] = runtime
    return runtime


def close_runtimes() -> None:
    """Dispose every engine (tests, and a long-lived server switching databases)."""
    for runtime in _RUNTIMES.values():
        runtime.engine.dispose()
    _RUNTIMES.clear()


def today_in_beijing(override: str | date | None = None) -> date:
    if isinstance(override, date):
        return override
    if override:
        return date.fromisoformat(override)
    return datetime.now(TZ).date()
