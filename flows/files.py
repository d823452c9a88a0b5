"""The inbox on disk: which files are ready, where a processed or rejected file goes.

Nothing here deletes a file. A file moves out of the inbox only after its result is committed,
and its destination is decided (and recorded) before the commit, so a crash in between is
finished by the next run instead of being counted twice.
"""

from __future__ import annotations

import hashlib
import os
import time
from dataclasses import dataclass
from datetime import date, datetime
from pathlib import Path

from config.settings import TZ
from schemas.errors import InboxMissing

IGNORED_PREFIXES = ("~$", ".~", ".")  # Word lock files, hidden and partial files
IGNORED_SUFFIXES = (".tmp", ".part", ".crdownload", ".error.txt")


@dataclass(frozen=True)
class InboxLayout:
    inbox: Path

    @property
    def processed(self) -> Path:
        return self.inbox.parent / "processed"

    @property
    def quarantine(self) -> Path:
        return self.inbox.parent / "quarantine"

    def ensure(self, create_inbox: bool = False) -> None:
        """processed/ and quarantine/ are made beside an existing inbox; a missing inbox is an error
        (a mistyped path or an unmounted share must not silently become a new empty folder)."""
        if create_inbox:
            self.inbox.mkdir(parents=True, exist_ok=True)
        if not self.inbox.is_dir():
            raise InboxMissing(
                f"收件箱目录不存在：{self.inbox}。请检查路径（或网络共享是否已连接）；"
                "如确需新建该目录，请运行 gapflow run --create-inbox。"
            )
        for folder in (self.processed, self.quarantine):
            folder.mkdir(parents=True, exist_ok=True)


def ready_files(inbox: Path, settle_seconds: float, now: float | None = None) -> list[Path]:
    """Files that have stopped changing: a file still being copied is left for the next run."""
    now = time.time() if now is None else now
    ready = []
    for path in sorted(inbox.iterdir()):
        if not path.is_file() or path.name.startswith(IGNORED_PREFIXES) or path.name.endswith(IGNORED_SUFFIXES):
            continue
        try:
            stat = path.stat()
        except FileNotFoundError:  # taken by another worker meanwhile
            continue
        if now - stat.st_mtime >= settle_seconds:
            ready.append(path)
    return ready


def claim_key(layout: InboxLayout, path: Path) -> str:
    """The name two workers agree on for one inbox file, whatever the share is mounted as on their
    machine: the inbox folder's name and the file's name. Two offices' inboxes sharing a database and
    a file name only make one of them wait a run."""
    return f"{layout.inbox.name}/{path.name}"


def sha256_of(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def received_at(path: Path) -> datetime:
    """The day a file arrived: its modification time, in Beijing time (CONTRACT.md)."""
    return datetime.fromtimestamp(path.stat().st_mtime, tz=TZ)


def received_date(path: Path) -> date:
    return received_at(path).date()


def destination(folder: Path, name: str, sha256: str) -> Path:
    """Where a file goes: its own name, or its name with a content tag when that name is taken."""
    target = folder / name
    if not target.exists():
        return target
    stem, suffix = os.path.splitext(name)
    return folder / f"{stem}_{sha256[:8]}{suffix}"


def write_error_note(target: Path, message: str, code: str) -> Path:
    note = target.with_name(target.name + ".error.txt")
    note.write_text(f"隔离原因（{code}）：{message}\n处理办法：修正后重新放入收件箱即可再次处理。\n", encoding="utf-8")
    return note


def move(source: Path, target: Path) -> None:
    """Move within one volume atomically; across volumes copy then remove the source."""
    target.parent.mkdir(parents=True, exist_ok=True)
    try:
        os.replace(source, target)
    except OSError:
        import shutil

        shutil.copy2(source, target)
        fd = os.open(target, os.O_RDONLY)
        try:
            os.fsync(fd)
        finally:
            os.close(fd)
        source.unlink()
