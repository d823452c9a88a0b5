"""Watch the inbox while `gapflow serve` runs, so a dropped letter is stored within seconds.

Native file events (inotify) where they fire; polling where they do not (network shares: NFS, SMB/CIFS,
sshfs). A change arms a timer for the settle wait (a file still being copied keeps re-arming it); when
it fires, one inbox pass runs. The 5-minute schedule stays as the safety net for anything missed.
"""

from __future__ import annotations

import logging
import threading
import time
from collections.abc import Callable
from pathlib import Path

from flows.files import IGNORED_PREFIXES, IGNORED_SUFFIXES

NETWORK_FILESYSTEMS = frozenset({"nfs", "nfs4", "cifs", "smb3", "smbfs", "fuse.sshfs", "9p", "fuse.rclone", "afs"})
POLL_DELAY_MS = 2000
SETTLE_MARGIN_SECONDS = 0.5

logger = logging.getLogger("gapflow.watch")


def filesystem_type(path: Path, mounts_text: str) -> str | None:
    """The type of the filesystem holding `path`, from /proc/mounts' text (longest mount point wins)."""
    target = str(path.resolve())
    best, best_type = "", None
    for line in mounts_text.splitlines():
        parts = line.split()
        if len(parts) < 3:
            continue
        point = parts[1].replace("\\040", " ")
        if (target == point or target.startswith(point.rstrip("/") + "/")) and len(point) >= len(best):
            best, best_type = point, parts[2]
    return best_type


def use_polling(inbox: Path, mode: str) -> bool:
    """`polling` / `events` as asked; `auto` polls on network shares, where inotify never fires."""
    if mode in ("polling", "events"):
        return mode == "polling"
    try:
        mounts = Path("/proc/mounts").read_text(encoding="utf-8")
    except OSError:  # not Linux: polling is the safe choice
        return True
    return filesystem_type(inbox, mounts) in NETWORK_FILESYSTEMS


def _relevant(path: str) -> bool:
    name = Path(path).name
    return not name.startswith(IGNORED_PREFIXES) and not name.endswith(IGNORED_SUFFIXES)


class InboxWatcher:
    """Runs `on_ready()` once the inbox has been quiet for `settle_seconds` after a new or changed file
    (and once at start). A file still settling when a pass runs is left for the next event or pass."""

    def __init__(self, inbox: Path, settle_seconds: float, mode: str, on_ready: Callable[[], None]) -> None:
        self.inbox = inbox
        self.settle_seconds = settle_seconds
        self.polling = use_polling(inbox, mode)
        self.on_ready = on_ready
        self._stop = threading.Event()
        self._due: float | None = None
        self._lock = threading.Lock()
        self._threads: list[threading.Thread] = []

    def start(self) -> None:
        """Watch from now on; one pass runs at once for whatever arrived while nothing was watching."""
        self._due = time.monotonic()
        for target, name in ((self._watch, "gapflow-watch"), (self._fire, "gapflow-watch-run")):
            thread = threading.Thread(target=target, name=name, daemon=True)
            thread.start()
            self._threads.append(thread)

    def stop(self) -> None:
        self._stop.set()

    def _watch(self) -> None:
        from watchfiles import Change, watch

        for changes in watch(self.inbox, recursive=False, force_polling=self.polling, poll_delay_ms=POLL_DELAY_MS,
                             stop_event=self._stop, raise_interrupt=False):  # fmt: skip
            if any(kind != Change.deleted and _relevant(path) for kind, path in changes):
                with self._lock:
                    self._due = time.monotonic() + self.settle_seconds + SETTLE_MARGIN_SECONDS

    def _fire(self) -> None:
        while not self._stop.wait(0.2):
            with self._lock:
                due = self._due
                if due is None or time.monotonic() < due:
                    continue
                self._due = None
            try:
                self.on_ready()
            except Exception as e:  # the schedule and the next event try again
                # the class only: a message or traceback may quote a file name, often a complainant's name
                logger.error("inbox pass after a file event failed (%s)", type(e).__name__)
