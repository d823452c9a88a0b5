"""The inbox watcher of `gapflow serve`: which filesystems are polled, and a dropped file triggers one pass."""

from __future__ import annotations

import threading
from pathlib import Path

import pytest

from flows.watch import InboxWatcher, filesystem_type, use_polling

MOUNTS = """\
/dev/vda / ext4 rw,relatime 0 0
proc /proc proc rw,nosuid 0 0
//fileserver/信访 /mnt/share cifs rw,vers=3.0 0 0
nas:/export/inbox /srv/gapflow/inbox nfs4 rw,relatime 0 0
/dev/vdb /srv ext4 rw 0 0
/dev/vdc /mnt/my\\040disk ext4 rw 0 0
"""


@pytest.mark.parametrize(
    ("path", "fstype"),
    [
        ("/home/office/inbox", "ext4"),
        ("/mnt/share/来信", "cifs"),
        ("/srv/gapflow/inbox", "nfs4"),  # the longest mount point wins over /srv
        ("/srv/other", "ext4"),
        ("/mnt/my disk/inbox", "ext4"),  # /proc/mounts escapes spaces as \040
        ("/mnt/shared", "ext4"),  # /mnt/share is not a prefix of /mnt/shared
    ],
)
def test_filesystem_type_of_a_path(path: str, fstype: str) -> None:
    assert filesystem_type(Path(path), MOUNTS) == fstype


def test_explicit_watch_modes_win(tmp_path: Path) -> None:
    assert use_polling(tmp_path, "polling") is True
    assert use_polling(tmp_path, "events") is False


@pytest.mark.parametrize("mode", ["events", "polling"])
def test_a_dropped_file_triggers_one_pass_after_it_settles(tmp_path: Path, mode: str) -> None:
    passes: list[float] = []
    fired = threading.Event()

    def on_ready() -> None:
        passes.append(1)
        fired.set()

    watcher = InboxWatcher(tmp_path, settle_seconds=0.3, mode=mode, on_ready=on_ready)
    watcher.start()
    try:
        assert fired.wait(10), "no pass at start for what arrived while nothing watched"
        fired.clear()
        passes.clear()
        threading.Event().wait(0.5)  # the watch is armed
        (tmp_path / "投诉书.docx.part").write_bytes(b"partial")  # a copy in progress: ignored
        (tmp_path / "投诉书.docx").write_bytes(b"PK\x03\x04 letter")
        assert fired.wait(30), "no inbox pass after a file was dropped"
        threading.Event().wait(1.0)
        assert len(passes) == 1, "one dropped file, one pass"
    finally:
        watcher.stop()


def test_removals_do_not_trigger_a_pass(tmp_path: Path) -> None:
    letter = tmp_path / "已处理.pdf"
    letter.write_bytes(b"%PDF-1.4")
    fired = threading.Event()
    watcher = InboxWatcher(tmp_path, settle_seconds=0.1, mode="events", on_ready=fired.set)
    watcher.start()
    try:
        assert fired.wait(10)  # the pass at start
        fired.clear()
        threading.Event().wait(0.5)
        letter.unlink()  # what every pass does when it moves a file out
        assert not fired.wait(2.0)
    finally:
        watcher.stop()
