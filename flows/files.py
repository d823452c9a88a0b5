"""The inbox on disk: which entries are ready, how one is opened safely, where it goes afterwards.

Nothing here deletes a file. A file moves out of the inbox only after its result is committed,
and its destination is decided (and recorded) before the commit, so a crash in between is
finished by the next run instead of being counted twice.

Nothing outside the inbox is ever read: an inbox entry is looked at with lstat (never followed),
opened with O_NOFOLLOW | O_NONBLOCK and checked again on the open descriptor, so a symbolic link,
a hard link to a file elsewhere, a FIFO, a device or a socket is never read — it is moved to
quarantine as it is (renaming a link moves the link, not what it points at).

Names come in any encoding (GBK from a Windows share or an old zip): the source is always addressed
by its raw bytes (Python's surrogate escapes), the database and the destination get the decoded name.
"""

from __future__ import annotations

import base64
import contextlib
import errno
import hashlib
import os
import stat
import time
import unicodedata
from dataclasses import dataclass
from datetime import date, datetime
from pathlib import Path

from config.settings import TZ
from schemas.errors import InboxMissing, LoadError

IGNORED_PREFIXES = ("~$", ".~", ".")  # Word lock files, hidden and partial files
IGNORED_SUFFIXES = (".tmp", ".part", ".crdownload", ".error.txt")
NOTE_SUFFIX = ".error.txt"
NAME_MAX_BYTES = 255  # one path component on ext4, NTFS (as UTF-16 units), SMB shares
_RAW_TOKEN = "\x00raw:"  # never starts a real path: a path cannot hold NUL
_CHUNK = 1 << 20


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


# --------------------------------------------------------------------------- names


def raw_name(path: Path) -> bytes:
    return os.fsencode(path.name)


def display_name(path: Path) -> str:
    """The name as staff should read it: UTF-8, else GBK/GB18030, else with replacement marks.

    Control characters (a newline in a name) become U+FFFD so that a name is always one line."""
    raw = raw_name(path)
    for encoding in ("utf-8", "gb18030"):
        try:
            name = raw.decode(encoding)
            break
        except UnicodeDecodeError:
            continue
    else:
        name = raw.decode("utf-8", errors="replace")
    name = unicodedata.normalize("NFC", name)
    return "".join("\ufffd" if unicodedata.category(c) == "Cc" else c for c in name)


def to_token(path: Path) -> str:
    """A path as a plain string that survives JSON and Prefect (no lone surrogates)."""
    text = str(path)
    try:
        text.encode("utf-8")
        return text
    except UnicodeEncodeError:
        return _RAW_TOKEN + base64.b64encode(os.fsencode(path)).decode("ascii")


def from_token(token: str) -> Path:
    if token.startswith(_RAW_TOKEN):
        return Path(os.fsdecode(base64.b64decode(token[len(_RAW_TOKEN):])))
    return Path(token)


def _ignored(name: str) -> bool:
    return name.startswith(IGNORED_PREFIXES) or name.endswith(IGNORED_SUFFIXES)


# --------------------------------------------------------------------------- listing


def ready_files(inbox: Path, settle_seconds: float, now: float | None = None) -> list[Path]:
    """Entries that have stopped changing: a file still being copied is left for the next run.

    Every kind of entry is listed (links, FIFOs, devices, folders too), judged by lstat: each must
    end in processed/ or quarantine/, and only regular files are ever opened."""
    now = time.time() if now is None else now
    ready = []
    with os.scandir(inbox) as entries:
        for entry in entries:
            if _ignored(entry.name):
                continue
            try:
                st = entry.stat(follow_symlinks=False)
            except FileNotFoundError:  # taken by another worker meanwhile
                continue
            if now - st.st_mtime >= settle_seconds:
                ready.append(Path(entry.path))
    return sorted(ready, key=lambda p: os.fsencode(p.name))


def claim_key(layout: InboxLayout, path: Path) -> str:
    """The name two workers agree on for one inbox file, whatever the share is mounted as on their
    machine: the inbox folder's name and the file's name (decoded; a name that is not UTF-8 carries a
    tag of its raw bytes, so two names that decode alike stay two keys)."""
    name = display_name(path)
    raw = raw_name(path)
    if raw != name.encode("utf-8"):
        name += "#" + hashlib.sha256(raw).hexdigest()[:8]
    return f"{layout.inbox.name}/{name}"


# --------------------------------------------------------------------------- opening


class RejectedEntry(LoadError):
    """An inbox entry that is not read: its result is a quarantine record with this code and message.
    `sha256` stands for its content: of the bytes when they were read, else of what identifies the entry."""

    def __init__(self, code: str, message: str, sha256: str) -> None:
        super().__init__(code, message)
        self.sha256 = sha256


_KIND_MESSAGES = {
    "symlink": ("unsafe_link", "是符号链接（快捷方式），指向收件箱以外的位置；出于安全考虑未读取。"
                "请把文件本身（而不是链接）复制到收件箱。"),
    "hardlink": ("unsafe_link", "是硬链接（同一文件在别处还有其他名字）；出于安全考虑未读取。"
                 "请把文件复制（而不是链接）到收件箱。"),
    "fifo": ("not_a_file", "不是普通文件（管道），未读取。请只放入文档文件。"),
    "device": ("not_a_file", "不是普通文件（设备），未读取。请只放入文档文件。"),
    "socket": ("not_a_file", "不是普通文件（套接字），未读取。请只放入文档文件。"),
    "directory": ("not_a_file", "是文件夹；收件箱只处理直接放入的文件。请把文件夹中的文件逐个放入收件箱。"),
    "other": ("not_a_file", "不是普通文件，未读取。请只放入文档文件。"),
}


def entry_kind(st: os.stat_result) -> str:
    """regular, symlink, hardlink, fifo, device, socket, directory or other — from lstat/fstat."""
    mode = st.st_mode
    if stat.S_ISLNK(mode):
        return "symlink"
    if stat.S_ISREG(mode):
        return "hardlink" if st.st_nlink > 1 else "regular"
    if stat.S_ISFIFO(mode):
        return "fifo"
    if stat.S_ISCHR(mode) or stat.S_ISBLK(mode):
        return "device"
    if stat.S_ISSOCK(mode):
        return "socket"
    if stat.S_ISDIR(mode):
        return "directory"
    return "other"


def _entry_identity(path: Path, st: os.stat_result, kind: str) -> str:
    """A stable stand-in for the content of an entry that is never read."""
    key = b"\0".join([kind.encode(), raw_name(path), str(st.st_ino).encode(), str(st.st_mtime_ns).encode()])
    return hashlib.sha256(key).hexdigest()


def _reject(path: Path, st: os.stat_result, kind: str) -> RejectedEntry:
    code, text = _KIND_MESSAGES[kind]
    return RejectedEntry(code, f"“{display_name(path)}”{text}", _entry_identity(path, st, kind))


def read_inbox_file(path: Path, max_bytes: int) -> tuple[bytes, str]:
    """The bytes and sha256 of a regular inbox file, or RejectedEntry for anything else.

    The check is made twice — on the name (lstat) and on the open descriptor (fstat) — so a file
    swapped for a link between listing and opening is still never followed."""
    st = os.lstat(path)
    kind = entry_kind(st)
    if kind != "regular":
        raise _reject(path, st, kind)
    flags = os.O_RDONLY | os.O_NOFOLLOW | os.O_NONBLOCK | getattr(os, "O_CLOEXEC", 0)
    try:
        fd = os.open(path, flags)
    except OSError as e:
        if e.errno == errno.ELOOP:
            raise _reject(path, st, "symlink") from e
        raise
    with os.fdopen(fd, "rb") as f:
        st = os.fstat(f.fileno())
        kind = entry_kind(st)
        if kind != "regular":
            raise _reject(path, st, kind)
        if st.st_size > max_bytes:
            digest = hashlib.sha256()
            while chunk := f.read(_CHUNK):
                digest.update(chunk)
            mb = max_bytes // (1024 * 1024)
            raise RejectedEntry(
                "too_large", f"文件“{display_name(path)}”超过 {mb} MB（设置 GAPFLOW_MAX_FILE_MB），未处理。"
                "请拆分或压缩后重新放入收件箱，或请管理员调高上限。", digest.hexdigest(),
            )
        data = f.read(max_bytes + 1)
    return data, sha256_of(data)


def sha256_of(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def received_at(path: Path) -> datetime:
    """The day a file arrived: its modification time, in Beijing time (CONTRACT.md). lstat: a link's own."""
    return datetime.fromtimestamp(os.lstat(path).st_mtime, tz=TZ)


def received_date(path: Path) -> date:
    return received_at(path).date()


# --------------------------------------------------------------------------- destinations


def _fit(name: str, limit: int) -> str:
    """`name` cut (before its extension) so that it takes at most `limit` bytes in UTF-8."""
    if len(name.encode("utf-8")) <= limit:
        return name
    stem, suffix = os.path.splitext(name)
    if len(suffix.encode("utf-8")) > 16:
        stem, suffix = name, ""
    budget = limit - len(suffix.encode("utf-8"))
    cut = stem.encode("utf-8")[:budget].decode("utf-8", errors="ignore")
    return cut + suffix


def destination(folder: Path, name: str, sha256: str) -> Path:
    """Where a file goes: its (decoded) name, or its name with a content tag when that name is taken.
    Always short enough that the name plus `.error.txt` fits one path component."""
    limit = NAME_MAX_BYTES - len(NOTE_SUFFIX) - 9  # room for the note and a `_12345678` tag
    name = _fit(name, limit)
    target = folder / name
    if not os.path.lexists(target):
        return target
    stem, suffix = os.path.splitext(name)
    return folder / f"{stem}_{sha256[:8]}{suffix}"


def write_error_note(target: Path, message: str, code: str) -> Path:
    note = target.with_name(target.name + NOTE_SUFFIX)
    note.write_text(f"隔离原因（{code}）：{message}\n处理办法：修正后重新放入收件箱即可再次处理。\n", encoding="utf-8")
    return note


def move(source: Path, target: Path) -> None:
    """Move within one volume atomically; across volumes copy then remove the source.

    Only regular files are ever copied by content; across volumes a link is re-made as a link and a FIFO
    as a FIFO (neither is opened), and a failed copy (disk full) leaves no half file behind."""
    target.parent.mkdir(parents=True, exist_ok=True)
    try:
        os.replace(source, target)
        return
    except OSError:
        mode = os.lstat(source).st_mode
        if stat.S_ISLNK(mode):
            os.symlink(os.readlink(source), target)
            source.unlink()
            return
        if stat.S_ISFIFO(mode):
            os.mkfifo(target)
            source.unlink()
            return
        if not stat.S_ISREG(mode):
            raise
    import shutil

    try:
        shutil.copy2(source, target, follow_symlinks=False)
        fd = os.open(target, os.O_RDONLY | os.O_NOFOLLOW)
        try:
            os.fsync(fd)
        finally:
            os.close(fd)
    except OSError:
        with contextlib.suppress(OSError):
            os.unlink(target)
        raise
    source.unlink()
