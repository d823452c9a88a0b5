"""Peak memory of a process tree while it runs (Linux /proc): the largest sum of resident sets (RSS), and the
largest sum of proportional set sizes (PSS: a page shared by k processes counts 1/k in each).

The RSS sum counts a shared page once per process that maps it: the libraries every process loads, and the
memory pool workers share with the fork server they come from (flows/pool.py). The PSS sum is what the
tree takes from the machine; both are printed."""

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
    return tree_memory(pid)[0]


def _pss(pid: int) -> int:
    for line in Path(f"/proc/{pid}/smaps_rollup").read_text().splitlines():
        if line.startswith("Pss:"):
            return int(line.split()[1]) * 1024
    return 0


def tree_memory(pid: int) -> tuple[int, int]:
    """(RSS, PSS) bytes of `pid` and all its descendants now; PSS is 0 where the kernel does not give it."""
    tree, rss, pss, todo = _children(), 0, 0, [pid]
    while todo:
        p = todo.pop()
        with contextlib.suppress(OSError, IndexError, ValueError):
            rss += int(Path(f"/proc/{p}/statm").read_text().split()[1]) * _PAGE
            pss += _pss(p)
        todo.extend(tree.get(p, []))
    return rss, pss


class PeakSampler(threading.Thread):
    """Samples `tree_memory(pid)` every `interval` seconds until `stop()`; `peak` (RSS sum) and `peak_pss`
    in bytes."""

    def __init__(self, pid: int, interval: float = 0.2) -> None:
        super().__init__(daemon=True)
        self.pid, self.interval, self.peak, self.peak_pss = pid, interval, 0, 0
        self._done = threading.Event()

    def run(self) -> None:
        while not self._done.wait(self.interval):
            rss, pss = tree_memory(self.pid)
            self.peak, self.peak_pss = max(self.peak, rss), max(self.peak_pss, pss)

    def stop(self) -> int:
        self._done.set()
        self.join()
        return self.peak
