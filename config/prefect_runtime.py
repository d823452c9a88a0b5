"""The Prefect runtime gapflow's flows run on: chosen and prepared before Prefect is imported.

How a command's flow run finds its Prefect API, in this order:

1. `PREFECT_API_URL` is set: that server (a whole office's, docs/deploy.md). It must answer
   `/health` within a few seconds, else a Chinese error says what to check.
2. `gapflow serve` runs on this machine: it wrote its address to `$GAPFLOW_HOME/prefect/server.json`;
   when that server answers, runs go to it and pay no start-up.
3. Otherwise a temporary server for this command only (Prefect's "ephemeral" mode), which this module
   starts itself in a subprocess so that it can (a) overlap its start-up with our own imports,
   (b) wait as long as a slow office PC needs, (c) show the wait on the terminal, and (d) create and
   migrate Prefect's own database under a file lock, so two first runs cannot race in its migrations.

Whatever the user's home holds is not inherited: Prefect's home (its settings profile and database) is
`$GAPFLOW_HOME/prefect` unless `PREFECT_HOME` is set explicitly, and analytics/telemetry are off.
"""

from __future__ import annotations

import atexit
import contextlib
import fcntl
import json
import os
import signal
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path

from config.settings import Settings
from schemas.errors import RuntimeUnavailable

# Prefect settings gapflow fixes unless the user set them: nothing is sent anywhere, little is logged.
QUIET_DEFAULTS = {
    "PREFECT_SERVER_ANALYTICS_ENABLED": "false",
    "DO_NOT_TRACK": "1",
    "PREFECT_LOGGING_LEVEL": "WARNING",
    "PREFECT_UI_ENABLED": "false",
}
# Services a command's temporary server does not need (schedules are served by `gapflow serve`).
EPHEMERAL_OFF = ("CANCELLATION_CLEANUP", "DB_VACUUM", "FOREMAN", "LATE_RUNS", "SCHEDULER",
                 "PAUSE_EXPIRATIONS", "REPOSSESSOR", "CLEANUP_RECONCILER", "TRIGGERS")  # fmt: skip
SERVER_FILE = "server.json"
HEALTH_TIMEOUT_SECONDS = 3.0
SERVED_HEALTH_TRIES = 3
MIGRATED_MARK = "gapflow-migrated"


@dataclass
class PrefectRuntime:
    """Which API this process's flow runs use, and the subprocess we started for it (if any)."""

    mode: str  # "server" (PREFECT_API_URL) | "serve" (gapflow serve on this machine) | "ephemeral"
    api_url: str
    process: subprocess.Popen[bytes] | None = None
    log_path: Path | None = None

    @contextlib.contextmanager
    def activated(self) -> Iterator[None]:
        """Flow runs inside use this API, also when Prefect was imported before the URL was known
        (its settings are read at import; a context override reaches them)."""
        from prefect.settings import PREFECT_API_URL, temporary_settings

        with temporary_settings(updates={PREFECT_API_URL: self.api_url}):
            yield

    def stop(self) -> None:
        if os.environ.get("PREFECT_API_URL") == self.api_url and self.mode == "ephemeral":
            del os.environ["PREFECT_API_URL"]  # this process may choose again (tests, a long-lived caller)
        if self.process is None or self.process.poll() is not None:
            return
        self.process.terminate()
        try:
            self.process.wait(timeout=10)
        except subprocess.TimeoutExpired:
            self.process.kill()
            self.process.wait()


def prefect_home(settings: Settings) -> Path:
    return Path(os.environ.get("PREFECT_HOME") or settings.home / "prefect").expanduser()


def configure_environment(settings: Settings) -> Path:
    """Point Prefect at its home under GAPFLOW_HOME and switch telemetry off. Before `import prefect`."""
    home = prefect_home(settings)
    os.environ["PREFECT_HOME"] = str(home)
    for name, value in QUIET_DEFAULTS.items():
        os.environ.setdefault(name, value)
    startup = str(int(settings.prefect_startup_seconds))
    os.environ.setdefault("PREFECT_SERVER_EPHEMERAL_STARTUP_TIMEOUT_SECONDS", startup)
    return home


def _api_url_in_context() -> str | None:
    """The API of Prefect settings already in force in this process (a test harness, an embedding caller)."""
    if "prefect.settings" not in sys.modules:
        return None
    from prefect.settings import get_current_settings

    return get_current_settings().api.url


def _healthy(api_url: str, timeout: float = HEALTH_TIMEOUT_SECONDS) -> bool:
    try:
        with urllib.request.urlopen(f"{api_url.rstrip('/')}/health", timeout=timeout) as response:
            return response.status == 200
    except (urllib.error.URLError, OSError, ValueError):
        return False


def _free_port() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def served_api_url(home: Path) -> str | None:
    """The API of a `gapflow serve` on this machine, when its file names a live, answering server."""
    path = home / SERVER_FILE
    try:
        info = json.loads(path.read_text(encoding="utf-8"))
        os.kill(int(info["pid"]), 0)
    except (OSError, ValueError, KeyError, TypeError):
        return None
    url = str(info.get("api_url") or "")
    # the serve's process is alive: a server slow to answer while it works (a pass, its own start-up loops) is
    # still the one to use, so it gets three tries before this run starts a runtime of its own
    return url if url and any(_healthy(url) for _ in range(SERVED_HEALTH_TRIES)) else None


@contextlib.contextmanager
def _migration_lock(home: Path) -> Iterator[bool]:
    """Hold an exclusive lock while Prefect's database may be created; yield whether it still must be."""
    home.mkdir(parents=True, exist_ok=True)
    mark = home / MIGRATED_MARK
    if mark.exists() and mark.read_text(encoding="utf-8").strip() == _prefect_version():
        yield False
        return
    with (home / "gapflow-migrate.lock").open("w") as lock:
        fcntl.flock(lock, fcntl.LOCK_EX)  # a second first run waits here until the first has migrated
        try:
            yield not (mark.exists() and mark.read_text(encoding="utf-8").strip() == _prefect_version())
        finally:
            fcntl.flock(lock, fcntl.LOCK_UN)


def _prefect_version() -> str:
    from importlib.metadata import version

    return version("prefect")


def _server_command(port: int) -> list[str]:
    return [sys.executable, "-m", "uvicorn", "--factory", "prefect.server.api.server:create_app",
            "--host", "127.0.0.1", "--port", str(port), "--log-level", "error", "--lifespan", "on"]  # fmt: skip


def _die_with_parent() -> None:
    """Linux: the server gets SIGTERM when this process dies, even by SIGKILL (no orphan servers)."""
    if sys.platform.startswith("linux"):
        import ctypes

        pr_set_pdeathsig = 1
        ctypes.CDLL("libc.so.6", use_errno=True).prctl(pr_set_pdeathsig, signal.SIGTERM)


def start_server(home: Path, *, ephemeral: bool, port: int | None = None, migrate: bool = True) -> PrefectRuntime:
    """Start a Prefect API server in a subprocess (not waiting for it). Its output goes to a log file
    in Prefect's home, read back for the message when it fails."""
    port = port or _free_port()
    env = {**os.environ, "PREFECT_API_DATABASE_MIGRATE_ON_START": "true" if migrate else "false"}
    env.pop("PREFECT_API_URL", None)
    if ephemeral:
        env.update({"PREFECT__SERVER_EPHEMERAL": "1", "PREFECT__SERVER_FINAL": "1"})
        env.update({f"PREFECT_SERVER_SERVICES_{name}_ENABLED": "false" for name in EPHEMERAL_OFF})
    log_path = home / ("ephemeral-server.log" if ephemeral else "server.log")
    home.mkdir(parents=True, exist_ok=True)
    with log_path.open("wb") as log:
        process = subprocess.Popen(_server_command(port), env=env, stdout=log, stderr=subprocess.STDOUT,
                                   stdin=subprocess.DEVNULL, preexec_fn=_die_with_parent)  # fmt: skip
    runtime = PrefectRuntime("ephemeral" if ephemeral else "serve", f"http://127.0.0.1:{port}/api", process, log_path)
    atexit.register(runtime.stop)
    return runtime


def wait_until_healthy(runtime: PrefectRuntime, timeout: float, tick: Callable[[float], None] | None = None) -> None:
    """Wait for the server to answer; raise RuntimeUnavailable with a Chinese message if it never does."""
    started = time.monotonic()
    while True:
        elapsed = time.monotonic() - started
        if _healthy(runtime.api_url, timeout=1.0):
            return
        if runtime.process is not None and runtime.process.poll() is not None:
            raise RuntimeUnavailable(_failure_message(runtime, exited=True))
        if elapsed > timeout:
            runtime.stop()
            raise RuntimeUnavailable(_failure_message(runtime, exited=False, waited=timeout))
        if tick:
            tick(elapsed)
        time.sleep(0.2)


def _failure_message(runtime: PrefectRuntime, exited: bool, waited: float = 0) -> str:
    log = ""
    if runtime.log_path and runtime.log_path.exists():
        log = runtime.log_path.read_text(encoding="utf-8", errors="replace")[-2000:]
    lowered = log.lower()
    if "no space left" in lowered or ("disk" in lowered and "full" in lowered):
        cause = f"磁盘空间不足。请清理 {runtime.log_path.parent if runtime.log_path else '数据目录'} 所在磁盘后重试。"
    elif "address already in use" in lowered or "errno 98" in lowered:
        cause = "端口已被其他程序占用。请关闭占用该端口的程序，或稍后重试（临时运行环境会自动另选端口）。"
    elif "permission denied" in lowered or "read-only" in lowered:
        cause = f"没有写入权限。请检查 {runtime.log_path.parent if runtime.log_path else 'PREFECT_HOME'} 的权限。"
    elif exited:
        cause = "运行环境进程意外退出。"
    else:
        cause = (f"等待 {int(waited)} 秒仍未就绪。电脑较慢时可调大 GAPFLOW_PREFECT_STARTUP_SECONDS，"
                 "或先运行 gapflow serve 保持运行环境常驻。")
    where = f"详细日志：{runtime.log_path}" if runtime.log_path else ""
    return f"Prefect 运行环境启动失败：{cause}{where}"


def check_server(api_url: str) -> None:
    """A server named by PREFECT_API_URL must answer; otherwise say what to do, in Chinese."""
    if not _healthy(api_url):
        raise RuntimeUnavailable(
            f"无法连接 Prefect 服务器 {api_url}。请确认该服务器已启动（gapflow serve 或 prefect server start）、"
            "网络可达；若只想在本机临时运行，请取消环境变量 PREFECT_API_URL。"
        )


def begin_runtime(settings: Settings) -> Callable[[Callable[[float], None] | None], PrefectRuntime]:
    """Choose the API this process's flow runs use (see the module doc) and start a temporary server
    if one is needed, without waiting for it: its start-up overlaps our own imports.

    Returns `finish(tick)`, which waits until the server answers (calling `tick(seconds)` meanwhile,
    to show the wait), sets PREFECT_API_URL and returns the runtime.
    """
    home = configure_environment(settings)
    explicit = os.environ.get("PREFECT_API_URL") or _api_url_in_context()
    if explicit:
        check_server(explicit)
        return lambda tick: PrefectRuntime("server", explicit)
    served = served_api_url(home)
    if served:
        os.environ["PREFECT_API_URL"] = served
        return lambda tick: PrefectRuntime("serve", served)
    lock = _migration_lock(home)
    must_migrate = lock.__enter__()
    try:
        runtime = start_server(home, ephemeral=True, migrate=must_migrate)
    except BaseException:
        lock.__exit__(*sys.exc_info())
        raise
    # Known before the server answers: set now, so Prefect reads it when it is imported meanwhile.
    os.environ["PREFECT_API_URL"] = runtime.api_url

    def finish(tick: Callable[[float], None] | None) -> PrefectRuntime:
        try:
            wait_until_healthy(runtime, settings.prefect_startup_seconds, tick)
            if must_migrate:
                (home / MIGRATED_MARK).write_text(_prefect_version(), encoding="utf-8")
        except BaseException:
            runtime.stop()
            lock.__exit__(*sys.exc_info())
            raise
        lock.__exit__(None, None, None)
        os.environ["PREFECT_API_URL"] = runtime.api_url
        return runtime

    return finish


def _port_free(port: int) -> bool:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as sock:
        try:
            sock.bind(("127.0.0.1", port))
        except OSError:
            return False
    return True


def start_serve_server(settings: Settings, tick: Callable[[float], None] | None = None) -> PrefectRuntime:
    """The long-lived Prefect server of `gapflow serve` (schedules included), or the office's server
    when PREFECT_API_URL names one. Later commands on this machine find it through server.json."""
    home = configure_environment(settings)
    explicit = os.environ.get("PREFECT_API_URL")
    if explicit:
        check_server(explicit)
        return PrefectRuntime("server", explicit)
    if served_api_url(home):
        raise RuntimeUnavailable(f"本机已有一个 gapflow serve 在运行（见 {home / SERVER_FILE}），无需再次启动。")
    if not _port_free(settings.serve_port):
        raise RuntimeUnavailable(
            f"端口 {settings.serve_port} 已被其他程序占用。请关闭该程序，或用设置项 GAPFLOW_SERVE_PORT 换一个端口。"
        )
    with _migration_lock(home) as must_migrate:
        runtime = start_server(home, ephemeral=False, port=settings.serve_port, migrate=must_migrate)
        wait_until_healthy(runtime, settings.prefect_startup_seconds, tick)
        if must_migrate:
            (home / MIGRATED_MARK).write_text(_prefect_version(), encoding="utf-8")
    os.environ["PREFECT_API_URL"] = runtime.api_url
    write_server_file(home, runtime)
    return runtime


def write_server_file(home: Path, runtime: PrefectRuntime) -> Path:
    """Tell later commands on this machine where `gapflow serve`'s server answers."""
    path = home / SERVER_FILE
    tmp = path.with_suffix(".tmp")
    tmp.write_text(json.dumps({"api_url": runtime.api_url, "pid": os.getpid()}), encoding="utf-8")
    tmp.replace(path)
    return path


def remove_server_file(home: Path) -> None:
    with contextlib.suppress(FileNotFoundError):
        (home / SERVER_FILE).unlink()


def install_sigterm_exit() -> None:
    """SIGTERM (systemd, the scheduler) ends the process through atexit, so our server stops too."""
    signal.signal(signal.SIGTERM, lambda *_: sys.exit(0))
