"""Hand a `gapflow run` / `nightly` to the `gapflow serve` of this machine, which has everything loaded.

A command that would otherwise import Prefect, jieba and the extractors (seconds on an office PC) sends
one JSON request over a Unix socket in Prefect's home (mode 0600: only this user) and prints the result.
The serve process runs the pass in-process as a Prefect flow run, one at a time with its watcher.

The request carries a fingerprint of the caller's settings; a serve started with other settings (another
jurisdiction, another `gapflow.env`) refuses, and the command runs locally instead. No Prefect import here.
"""

from __future__ import annotations

import hashlib
import json
import socket
from collections.abc import Callable
from pathlib import Path
from typing import Any

from sqlalchemy.engine import make_url

from config.settings import Settings

SOCKET_NAME = "serve.sock"
CONNECT_TIMEOUT_SECONDS = 2.0


def settings_fingerprint(settings: Settings) -> str:
    """Equal for two processes that would process a file the same way."""
    data = settings.model_dump(mode="json", exclude={"secret_key", "development"})
    return hashlib.sha256(json.dumps(data, sort_keys=True, ensure_ascii=False).encode()).hexdigest()[:16]


def absolute_db_url(url: str | None) -> str | None:
    """A relative SQLite path means the caller's folder, which the serve process does not share."""
    if not url:
        return url
    parsed = make_url(url)
    if parsed.get_backend_name() == "sqlite" and parsed.database and parsed.database != ":memory:":
        path = Path(parsed.database)
        if not path.is_absolute():
            return parsed.set(database=str(path.resolve())).render_as_string(hide_password=False)
    return url


def delegate_pass(
    home: Path, request: dict[str, Any], on_progress: Callable[[int, int], None] | None = None
) -> dict[str, Any] | None:
    """The pass's result from this machine's serve, or None when there is none or it declines."""
    path = home / SOCKET_NAME
    if not path.exists():
        return None
    try:
        sock = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
        sock.settimeout(CONNECT_TIMEOUT_SECONDS)
        sock.connect(str(path))
    except OSError:
        return None
    with sock:
        sock.settimeout(None)  # a pass takes as long as its files take
        sock.sendall(json.dumps(request, ensure_ascii=False).encode() + b"\n")
        for line in sock.makefile("rb"):
            message = json.loads(line)
            if "progress" in message:
                if on_progress:
                    on_progress(*message["progress"])
                continue
            return message.get("result") if message.get("status") == "ok" else None
    return None
