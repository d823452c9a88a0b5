"""gapflow owns its Prefect runtime: a first run on a machine that never ran Prefect works, two first runs
do not race, commands that do not orchestrate never start Prefect, and staff get Chinese messages."""

from __future__ import annotations

import json
import os
import shutil
import signal
import socket
import subprocess
import sys
import time
from pathlib import Path

import pytest

from config.prefect_runtime import HEALTH_TIMEOUT_SECONDS, _migration_lock, configure_environment, served_api_url
from config.settings import Settings

ROOT = Path(__file__).resolve().parents[2]
SAMPLES = ROOT / "samples" / "inbox"
NOTICE = ROOT / "tests" / "fixtures" / "seeds"


def _newcomer_env(tmp_path: Path, **extra: str) -> dict[str, str]:
    """A user with an empty home: no ~/.prefect, no PREFECT_* or GAPFLOW_* settings inherited."""
    home = tmp_path / "user"
    home.mkdir(exist_ok=True)
    env = {k: v for k, v in os.environ.items() if not k.startswith(("GAPFLOW_", "PREFECT_"))}
    env.update(HOME=str(home), GAPFLOW_HOME=str(home / "gapflow"), GAPFLOW_SETTLE_SECONDS="0")
    env.update(extra)
    return env


def _gapflow(args: list[str], env: dict[str, str], timeout: float = 600) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "gapflow.cli", *args], env=env, capture_output=True, text=True,
                          timeout=timeout, cwd=env["HOME"])  # fmt: skip


# --------------------------------------------------------------------------- environment


def test_prefect_home_is_under_the_data_folder_and_telemetry_is_off(tmp_path: Path, monkeypatch) -> None:
    for name in ("PREFECT_HOME", "PREFECT_SERVER_ANALYTICS_ENABLED", "DO_NOT_TRACK"):
        monkeypatch.delenv(name, raising=False)
    home = configure_environment(Settings(home=tmp_path / "gf"))
    assert home == tmp_path / "gf" / "prefect"
    assert os.environ["PREFECT_HOME"] == str(home)
    assert os.environ["PREFECT_SERVER_ANALYTICS_ENABLED"] == "false"
    assert os.environ["DO_NOT_TRACK"] == "1"


def test_an_explicit_prefect_home_is_respected(tmp_path: Path, monkeypatch) -> None:
    monkeypatch.setenv("PREFECT_HOME", str(tmp_path / "mine"))
    assert configure_environment(Settings(home=tmp_path / "gf")) == tmp_path / "mine"


def test_a_stale_server_file_is_ignored(tmp_path: Path) -> None:
    dead = subprocess.Popen([sys.executable, "-c", "pass"])
    dead.wait()
    (tmp_path / "server.json").write_text(json.dumps({"api_url": "http://127.0.0.1:9/api", "pid": dead.pid}))
    assert served_api_url(tmp_path) is None
    (tmp_path / "server.json").write_text("{not json")
    assert served_api_url(tmp_path) is None


def test_a_live_serve_slow_to_answer_is_still_used(tmp_path: Path) -> None:
    """The serve's server is busy (a pass, its start-up loops): its first /health answer comes after the
    check's timeout; a run still hands its pass to it rather than starting a runtime of its own."""
    import http.server
    import threading

    calls = []

    class Health(http.server.BaseHTTPRequestHandler):
        def do_GET(self) -> None:
            calls.append(self.path)
            if len(calls) == 1:
                time.sleep(HEALTH_TIMEOUT_SECONDS + 0.5)
            self.send_response(200)
            self.end_headers()

        def log_message(self, *args: object) -> None:
            pass

    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), Health)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    try:
        url = f"http://127.0.0.1:{server.server_address[1]}/api"
        (tmp_path / "server.json").write_text(json.dumps({"api_url": url, "pid": os.getpid()}))
        assert served_api_url(tmp_path) == url
        assert calls == ["/api/health", "/api/health"]
    finally:
        server.shutdown()


def test_the_migration_lock_is_skipped_once_prefects_database_is_made(tmp_path: Path) -> None:
    with _migration_lock(tmp_path) as must_migrate:
        assert must_migrate
    from importlib.metadata import version

    (tmp_path / "gapflow-migrated").write_text(version("prefect"))
    with _migration_lock(tmp_path) as must_migrate:
        assert not must_migrate


# --------------------------------------------------------------------------- commands that do not orchestrate

PROBE = """
import sys
from typer.testing import CliRunner
from gapflow.cli import app
result = CliRunner().invoke(app, sys.argv[1:])
loaded = sorted(m for m in sys.modules if m == "prefect" or m.startswith("prefect."))
print("EXIT", result.exit_code)
print("PREFECT", len(loaded))
print(result.output)
"""


@pytest.mark.parametrize(
    "args",
    [
        ["--help"], ["export"], ["export", "--with-text"], ["case", "list", "doc-x"],
        ["flag", "set", "1", "dismissed", "--note", "已核实"], ["users", "--help"], ["review", "--help"],
    ],
)
def test_commands_that_do_not_orchestrate_never_import_prefect(tmp_path: Path, args: list[str]) -> None:
    env = _newcomer_env(tmp_path)
    out = subprocess.run([sys.executable, "-c", PROBE, *args], env=env, capture_output=True, text=True, timeout=120)
    assert "PREFECT 0" in out.stdout, out.stdout + out.stderr
    assert "Traceback" not in out.stdout + out.stderr


# --------------------------------------------------------------------------- staff's slips, in Chinese


def test_a_missing_inbox_is_an_error_naming_it_and_nothing_is_created(tmp_path: Path) -> None:
    missing = tmp_path / "没有这个目录" / "inbox"
    out = _gapflow(["run", "--inbox", str(missing)], _newcomer_env(tmp_path), timeout=120)
    assert out.returncode == 2
    text = " ".join((out.stdout + out.stderr).split())
    assert "收件箱目录不存在" in text and "--create-inbox" in text
    assert "Traceback" not in text
    assert not missing.parent.exists()


def test_an_unreachable_database_names_the_host_not_the_password(tmp_path: Path) -> None:
    with socket.socket() as sock:  # a port nobody listens on
        sock.bind(("127.0.0.1", 0))
        port = sock.getsockname()[1]
    inbox = tmp_path / "inbox"
    inbox.mkdir()
    url = f"postgresql+psycopg://clerk:s3cret-pw@127.0.0.1:{port}/office"
    out = _gapflow(["run", "--inbox", str(inbox), "--db", url], _newcomer_env(tmp_path), timeout=120)
    text = "".join((out.stdout + out.stderr).split())
    assert out.returncode == 2
    assert "无法连接结果数据库" in text and f"127.0.0.1:{port}" in text
    assert "s3cret-pw" not in text and "Traceback" not in text and "OperationalError" not in text


def test_an_unreachable_prefect_server_says_what_to_do(tmp_path: Path) -> None:
    inbox = tmp_path / "inbox"
    inbox.mkdir()
    env = _newcomer_env(tmp_path, PREFECT_API_URL="http://127.0.0.1:9/api")
    out = _gapflow(["run", "--inbox", str(inbox)], env, timeout=120)
    text = "".join((out.stdout + out.stderr).split())
    assert out.returncode == 2
    assert "无法连接Prefect服务器" in text and "PREFECT_API_URL" in text and "Traceback" not in text


# --------------------------------------------------------------------------- first runs, for real


@pytest.mark.slow
def test_two_first_runs_started_together_both_finish_and_process_each_file_once(tmp_path: Path) -> None:
    """No Prefect database yet on this machine (empty home): both runs start a temporary server; the
    migration lock makes the second wait for the first's migrations instead of colliding in them."""
    env = _newcomer_env(tmp_path)
    inbox = Path(env["GAPFLOW_HOME"]) / "inbox"
    inbox.mkdir(parents=True)
    for sample in SAMPLES.iterdir():
        shutil.copy(sample, inbox / sample.name)
    for i in range(6):
        notice = f"劳动保障监察投诉须知\n投诉人应当递交投诉书。\n编号 {i}\n"
        (inbox / f"须知_{i}.txt").write_text(notice, encoding="utf-8")
    assert not (Path(env["GAPFLOW_HOME"]) / "prefect").exists()
    cmd = [sys.executable, "-m", "gapflow.cli", "run", "--inbox", str(inbox)]
    procs = [subprocess.Popen(cmd, env=env, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True,
                              cwd=env["HOME"]) for _ in range(2)]  # fmt: skip
    outputs = [p.communicate(timeout=900)[0] for p in procs]
    for proc, output in zip(procs, outputs, strict=True):
        assert proc.returncode == 0, output
        assert "本机临时运行环境" in output
        assert "duplicate column" not in output and "Traceback" not in output
    assert list(inbox.iterdir()) == []
    processed = sorted(p.name for p in (inbox.parent / "processed").iterdir())
    assert len(processed) == len(set(processed)) == 11
    assert not (Path(env["HOME"]) / ".prefect").exists(), "Prefect's home must not be the user's ~/.prefect"
    exported = _gapflow(["export"], env, timeout=120)
    records = [json.loads(line) for line in exported.stdout.splitlines()]
    assert sorted(r["status"] for r in records).count("processed") == 10  # 05 is a duplicate of 04


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


@pytest.mark.slow
def _settled(path: Path) -> None:
    """As a file copied a minute ago: past any settle wait."""
    stamp = time.time() - 60
    os.utime(path, (stamp, stamp))


def test_serve_handles_a_dropped_letter_and_later_runs_go_to_its_server(tmp_path: Path) -> None:
    env = _newcomer_env(tmp_path, GAPFLOW_SERVE_PORT=str(_free_port()), GAPFLOW_SETTLE_SECONDS="1")
    gapflow_home = Path(env["GAPFLOW_HOME"])
    inbox = gapflow_home / "inbox"
    inbox.mkdir(parents=True)
    log = (tmp_path / "serve.log").open("w")
    serve = subprocess.Popen([sys.executable, "-m", "gapflow.cli", "serve"], env=env, stdout=log,
                             stderr=subprocess.STDOUT, cwd=env["HOME"], start_new_session=True)  # fmt: skip
    try:
        server_file = gapflow_home / "prefect" / "server.json"
        deadline = time.monotonic() + 600
        while not server_file.exists() and time.monotonic() < deadline and serve.poll() is None:
            time.sleep(0.5)
        assert server_file.exists(), (tmp_path / "serve.log").read_text()
        while "按 Ctrl-C 停止" not in (tmp_path / "serve.log").read_text() and time.monotonic() < deadline:
            time.sleep(0.5)
        time.sleep(2)
        shutil.copy(next(SAMPLES.glob("03_*")), inbox / "镇政务公开汇报.docx")
        processed = inbox.parent / "processed"
        deadline = time.monotonic() + 300
        while not (processed.exists() and any(processed.iterdir())) and time.monotonic() < deadline:
            time.sleep(0.5)
        assert any(processed.iterdir()), "the dropped file was not processed by the watcher"
        other_inbox = tmp_path / "branch_office" / "inbox"  # not watched: only these runs take its files
        other_inbox.mkdir(parents=True)
        shutil.copy(next(SAMPLES.glob("02_*")), other_inbox / "须知.pdf")
        _settled(other_inbox / "须知.pdf")  # a run can now start within GAPFLOW_SETTLE_SECONDS of the copy
        run = _gapflow(["run", "--inbox", str(other_inbox)], env, timeout=300)
        assert run.returncode == 0, run.stdout + run.stderr
        assert "本机 gapflow serve 代为处理" in run.stdout  # same settings: serve runs the pass, warm
        assert "已处理" in run.stdout
        shutil.copy(next(SAMPLES.glob("04_*")), other_inbox / "总结.pdf")
        _settled(other_inbox / "总结.pdf")
        other_env = {**env, "GAPFLOW_JURISDICTION": "广西壮族自治区柳州市柳北区"}
        other = _gapflow(["run", "--inbox", str(other_inbox)], other_env, timeout=300)
        assert other.returncode == 0, other.stdout + other.stderr
        assert "本机 gapflow serve 的服务" in other.stdout  # other settings: run here, on serve's Prefect server
        assert "已处理" in other.stdout
    finally:
        serve.send_signal(signal.SIGTERM)
        try:
            serve.wait(timeout=60)
        finally:
            if serve.poll() is None:
                os.killpg(serve.pid, signal.SIGKILL)
            log.close()
    assert not server_file.exists(), "serve must remove its address file when it stops"
