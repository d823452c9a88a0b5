"""`gapflow users add` and `gapflow review`'s set-up: passwords, roles, the session secret."""

from __future__ import annotations

import os
import stat
import subprocess
import sys
from pathlib import Path

import pytest
from typer.testing import CliRunner

from config.settings import Settings
from gapflow.cli import app
from review.security import SecretError, resolve_secret


def test_users_add_reads_the_password_from_stdin(db_url: str) -> None:
    result = CliRunner().invoke(app, ["users", "add", "chief", "--role", "admin", "--db", db_url],
                                input="a-long-password\n")
    assert result.exit_code == 0, result.output
    from config.runtime import open_runtime
    from services.accounts import sign_in
    from storage.db import transaction

    with transaction(open_runtime(db_url).sessions) as session:
        assert sign_in(session, "chief", "a-long-password", "127.0.0.1") is not None


def test_users_add_refuses_an_unknown_role(db_url: str) -> None:
    result = CliRunner().invoke(app, ["users", "add", "x", "--role", "boss", "--db", db_url], input="pw\n")
    assert result.exit_code == 2 and "supervisor" in result.output


def test_users_add_refuses_a_short_password(db_url: str) -> None:
    result = CliRunner().invoke(app, ["users", "add", "x1", "--role", "intake", "--db", db_url], input="short\n")
    assert result.exit_code == 2 and "密码" in result.output


def test_importing_the_review_commands_does_not_import_prefect() -> None:
    code = "import sys, gapflow.cli_review, review.app; print('prefect' in sys.modules)"
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "False"


def test_a_missing_secret_is_generated_once_and_kept_private(tmp_path: Path, monkeypatch) -> None:
    monkeypatch.setenv("GAPFLOW_HOME", str(tmp_path))
    first = resolve_secret(Settings())
    assert resolve_secret(Settings()) == first and len(first) >= 32
    assert stat.S_IMODE(os.stat(tmp_path / "secret_key").st_mode) == 0o600


@pytest.mark.parametrize("weak", ["changethis", "short"])
def test_a_weak_secret_is_refused_outside_development(monkeypatch, weak: str) -> None:
    monkeypatch.setenv("GAPFLOW_SECRET_KEY", weak)
    with pytest.raises(SecretError):
        resolve_secret(Settings())
    monkeypatch.setenv("GAPFLOW_DEVELOPMENT", "true")
    assert resolve_secret(Settings()) == weak
