"""What a flow needs around the pure code: settings, database, rules, calendar. Cached per process."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime

from sqlalchemy import Engine
from sqlalchemy.orm import Session, sessionmaker

from config.settings import TZ, Settings, load_settings
from extractors import tokenize
from rules.loader import RuleSet, load_rules
from storage.db import make_engine, session_factory, upgrade


@dataclass(frozen=True)
class Runtime:
    settings: Settings
    engine: Engine
    sessions: sessionmaker[Session]
    rules: RuleSet
    calendar: object


_RUNTIMES: dict[str | None, Runtime] = {}


def open_runtime(db_url: str | None = None) -> Runtime:
    """Connect, migrate, load rules and calendar. Same URL in the same process -> same Runtime."""
    if db_url in _RUNTIMES:
        return _RUNTIMES[db_url]
    settings = load_settings()
    tokenize.configure(settings.cache_dir / "jieba")
    engine = make_engine(settings.resolved_database_url(db_url))
    upgrade(engine)
    from rules.calendar import load_calendar

    runtime = Runtime(settings, engine, session_factory(engine), load_rules(), load_calendar())
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
