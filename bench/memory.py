"""Peak memory of a process tree: the largest sum of resident sets seen while it runs (Linux /proc)."""

from __future__ import annotations

import contextlib
import os
import threading
from pathlib import Path

_PAGE = os.sysconf("SC_PAGE_SIZE")


def _children() -> dict[int, list[int]]:
    tree: dict[int, list[int]] = {}
    for entry in Path("/proc").iterdir():
        if not entry.name.isdigit():
            continue
        try:
            stat = (entry / "stat").read_text()
        except OSError:
            continue
        ppid = int(stat.rsplit(")", 1)[1].split()[1])
        tree.setdefault(ppid, []).append(int(entry.name))
    return tree


def tree_rss(pid: int) -> int:
    """Bytes resident in `pid` and all its descendants now."""
    tree, total, todo = _children(), 0, [pid]
    while todo:
        p = todo.pop()
        with contextlib.suppress(OSError, IndexError, ValueError):
            total += int(Path(f"/proc/{p}/statm").read_text().split()[1]) * _PAGE
        todo.extend(tree.get(p, []))
    return total


class PeakSampler(threading.Thread):
    """Samples `tree_rss(pid)` every `interval` seconds until `stop()`; `peak` in bytes."""

    def __init__(self, pid: int, interval: float = 0.2) -> None:
        super().__init__(daemon=True)
        self.pid, self.interval, self.peak = pid, interval, 0
        self._done = threading.Event()

    def run(self) -> None:
        while not self._done.wait(self.interval):
            self.peak = max(self.peak, tree_rss(self.pid))

    def stop(self) -> int:
        self._done.set()
        self.join()
        return self.peak
