"""Old word-processing formats (.doc, .wps, .rtf, .odt) to .docx with LibreOffice, headless.

An adapter at the edge (a subprocess, temporary files, a lock), handed to the pure readers as a
function `(data, fmt, filename) -> docx bytes`. One conversion at a time per machine (a file lock:
LibreOffice's profile cannot be shared and two instances only slow each other), a fresh working
folder per conversion, a timeout after which the whole process group is killed.
"""

from __future__ import annotations

import contextlib
import fcntl
import logging
import os
import shutil
import signal
import subprocess
import tempfile
from collections.abc import Callable
from pathlib import Path

from schemas.errors import LoadError, PipelineError

log = logging.getLogger("gapflow.convert")

_WINDOWS_SOFFICE = (
    Path("C:/Program Files/LibreOffice/program/soffice.exe"),
    Path("C:/Program Files (x86)/LibreOffice/program/soffice.exe"),
)
INSTALL_HINT = (
    "请管理员安装 LibreOffice（Debian/Ubuntu：apt-get install libreoffice-writer-nogui；"
    "Windows：安装 LibreOffice 即可），然后把文件重新放入收件箱；或用 WPS/Word 另存为 .docx 或 .pdf 后重新放入。"
)


class ConversionTimeout(PipelineError):
    """LibreOffice did not finish in time: maybe a busy machine, so the file is tried again next run."""

    code = "convert_timeout"


def find_soffice() -> str | None:
    found = shutil.which("soffice") or shutil.which("libreoffice")
    if found:
        return found
    return next((str(p) for p in _WINDOWS_SOFFICE if p.exists()), None)


def libreoffice_converter(
    soffice: str, work_dir: Path, timeout: float
) -> Callable[[bytes, str, str], bytes]:
    """A converter bound to one soffice binary; `work_dir` holds its profile and the machine-wide lock."""

    def convert(data: bytes, fmt: str, filename: str = "") -> bytes:
        return convert_to_docx(data, fmt, filename, soffice=soffice, work_dir=work_dir, timeout=timeout)

    return convert


def convert_to_docx(data: bytes, fmt: str, filename: str, *, soffice: str, work_dir: Path, timeout: float) -> bytes:
    work_dir.mkdir(parents=True, exist_ok=True)
    profile = (work_dir / "lo-profile").resolve()
    with _exclusive(work_dir / "soffice.lock"), tempfile.TemporaryDirectory(dir=work_dir) as tmp:
        source = Path(tmp) / f"in.{fmt}"
        source.write_bytes(data)
        out = Path(tmp) / "out"
        command = [
            soffice, "--headless", "--norestore", "--nologo", "--nodefault", "--nolockcheck",
            f"-env:UserInstallation={profile.as_uri()}", "--convert-to", "docx:MS Word 2007 XML",
            "--outdir", str(out), str(source),
        ]
        _run(command, timeout, filename)
        result = out / "in.docx"
        if not result.exists() or result.stat().st_size == 0:
            raise LoadError(
                "unreadable",
                f"文件“{filename}”无法由 LibreOffice 转换（文件可能已损坏），请用 WPS/Word 打开后另存为 .docx。",
            )
        return result.read_bytes()


def _run(command: list[str], timeout: float, filename: str) -> None:
    proc = subprocess.Popen(
        command, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, stdin=subprocess.DEVNULL, start_new_session=True,
        env={**os.environ, "HOME": os.environ.get("HOME", "/tmp"), "SAL_USE_VCLPLUGIN": "svp"},
    )
    try:
        proc.communicate(timeout=timeout)  # stderr is read and dropped: it names the file
    except subprocess.TimeoutExpired as e:
        with contextlib.suppress(ProcessLookupError):
            os.killpg(proc.pid, signal.SIGKILL)  # soffice.bin and any helper it started
        proc.wait()
        raise ConversionTimeout(f"LibreOffice conversion exceeded {timeout:.0f} s") from e
    if proc.returncode != 0:
        log.warning("soffice exited %s", proc.returncode)  # not its stderr: it names the file


@contextlib.contextmanager
def _exclusive(lock_path: Path):  # type: ignore[no-untyped-def]
    with open(lock_path, "a") as f:
        fcntl.flock(f.fileno(), fcntl.LOCK_EX)
        try:
            yield
        finally:
            fcntl.flock(f.fileno(), fcntl.LOCK_UN)
