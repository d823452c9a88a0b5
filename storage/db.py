"""Engine and session factory; schema upgrades through Alembic."""

from __future__ import annotations

import json
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from alembic import command
from alembic.config import Config
from sqlalchemy import Engine, create_engine, event
from sqlalchemy.engine import make_url
from sqlalchemy.exc import DBAPIError
from sqlalchemy.orm import Session, sessionmaker

MIGRATIONS = Path(__file__).parent / "migrations"
SQLITE_BUSY_TIMEOUT_MS = 30_000


def _json_dumps(value: object) -> str:
    # ensure_ascii=False keeps Chinese keys and values readable and queryable with json_extract
    return json.dumps(value, ensure_ascii=False, default=str)


def make_engine(url: str) -> Engine:
    """An engine for any SQLAlchemy URL; SQLite gets WAL, a busy timeout and foreign keys."""
    parsed = make_url(url)
    # hide_parameters: an error's message never carries the bound values (a letter's text, a complainant's
    # name in a file name) into a log or a traceback
    kwargs: dict[str, object] = {"json_serializer": _json_dumps, "future": True, "hide_parameters": True}
    if parsed.get_backend_name() == "sqlite":
        if parsed.database and parsed.database != ":memory:":
            Path(parsed.database).parent.mkdir(parents=True, exist_ok=True)
        kwargs["connect_args"] = {"timeout": SQLITE_BUSY_TIMEOUT_MS / 1000}
    else:
        kwargs["pool_pre_ping"] = True
    engine = create_engine(url, **kwargs)
    if parsed.get_backend_name() == "sqlite":
        event.listen(engine, "connect", _sqlite_pragmas)
    return engine


def _sqlite_pragmas(dbapi_connection, _record) -> None:  # type: ignore[no-untyped-def]
    cursor = dbapi_connection.cursor()
    cursor.execute("PRAGMA journal_mode=WAL")
    cursor.execute(f"PRAGMA busy_timeout={SQLITE_BUSY_TIMEOUT_MS}")
    cursor.execute("PRAGMA foreign_keys=ON")
    cursor.execute("PRAGMA synchronous=NORMAL")
    cursor.close()


def alembic_config(engine: Engine) -> Config:
    cfg = Config()
    cfg.set_main_option("script_location", str(MIGRATIONS))
    cfg.attributes["engine"] = engine
    return cfg


UPGRADE_ATTEMPTS = 5


def upgrade(engine: Engine) -> None:
    """Bring the schema to the newest revision (idempotent, safe to call on every run).

    Two workers starting on a new database both try to create the tables; the loser fails with
    "table already exists" (SQLite) or a duplicate-name error (PostgreSQL), and simply looks again
    once the winner is done, when the schema is at head and there is nothing left to do.
    """
    for attempt in range(UPGRADE_ATTEMPTS):
        try:
            command.upgrade(alembic_config(engine), "head")
            return
        except DBAPIError:
            if attempt == UPGRADE_ATTEMPTS - 1:
                raise
            time.sleep(0.5 * (attempt + 1))


def session_factory(engine: Engine) -> sessionmaker[Session]:
    return sessionmaker(engine, expire_on_commit=False)


@contextmanager
def transaction(factory: sessionmaker[Session]) -> Iterator[Session]:
    with factory() as session, session.begin():
        yield session
