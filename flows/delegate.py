"""The serving side of config/delegate.py: `gapflow serve` answers `gapflow run` / `nightly` requests
from this machine by running the pass in-process, one pass at a time (shared with the inbox watcher)."""

from __future__ import annotations

import contextlib
import json
import logging
import os
import socket
import threading
from collections.abc import Callable
from pathlib import Path
from typing import Any

from config.delegate import SOCKET_NAME

logger = logging.getLogger("gapflow.delegate")

PassRunner = Callable[[dict[str, Any], Callable[[int, int], None]], dict[str, Any]]


class DelegateServer:
    """Accepts one JSON request per connection on a Unix socket; replies with progress lines, then the result."""

    def __init__(self, home: Path, fingerprint: str, run_pass: PassRunner, lock: threading.Lock) -> None:
        self.path = home / SOCKET_NAME
        self.fingerprint = fingerprint
        self.run_pass = run_pass
        self.lock = lock
        self._sock: socket.socket | None = None

    def start(self) -> None:
        with contextlib.suppress(FileNotFoundError):
            self.path.unlink()
        sock = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
        old_umask = os.umask(0o177)  # the socket is this user's only
        try:
            sock.bind(str(self.path))
        finally:
            os.umask(old_umask)
        sock.listen(4)
        self._sock = sock
        threading.Thread(target=self._accept, name="gapflow-delegate", daemon=True).start()

    def stop(self) -> None:
        if self._sock is not None:
            self._sock.close()
        with contextlib.suppress(FileNotFoundError):
            self.path.unlink()

    def _accept(self) -> None:
        assert self._sock is not None
        while True:
            try:
                conn, _ = self._sock.accept()
            except OSError:  # closed by stop()
                return
            threading.Thread(target=self._serve, args=(conn,), daemon=True).start()

    def _serve(self, conn: socket.socket) -> None:
        with conn:
            stream = conn.makefile("rwb")

            def send(message: dict[str, Any]) -> None:
                stream.write(json.dumps(message, ensure_ascii=False, default=str).encode() + b"\n")
                stream.flush()

            try:
                request = json.loads(stream.readline() or b"{}")
                if request.get("fingerprint") != self.fingerprint:
                    send({"status": "declined", "reason": "settings differ"})
                    return
                with self.lock:
                    result = self.run_pass(request, lambda done, total: send({"progress": [done, total]}))
                send({"status": "ok", "result": result})
            except (OSError, ValueError) as e:  # the caller went away, or sent nonsense: it runs locally
                logger.warning("a delegated request could not be answered (%s)", type(e).__name__)
            except Exception as e:  # the pass failed: the caller runs it locally and sees why
                # the class only: a message or traceback may quote a file name, often a complainant's name
                logger.error("a delegated pass failed (%s)", type(e).__name__)
                with contextlib.suppress(OSError):
                    send({"status": "failed"})
