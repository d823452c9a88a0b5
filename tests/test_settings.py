"""Every setting is documented (README and CONTRACT names), as datasette does for its settings."""

from __future__ import annotations

from pathlib import Path

from config.settings import SETTINGS_DOC, Settings

README = Path(__file__).parent.parent / "README.md"


def test_every_setting_is_documented_in_the_readme() -> None:
    readme = README.read_text(encoding="utf-8")
    declared = {f"GAPFLOW_{name.upper()}" for name in Settings.model_fields}
    assert declared == set(SETTINGS_DOC)
    missing = [name for name in declared if name not in readme]
    assert not missing, f"undocumented settings: {missing}"


def test_default_database_is_sqlite_in_the_data_folder(tmp_path: Path, monkeypatch) -> None:
    monkeypatch.setenv("GAPFLOW_HOME", str(tmp_path))
    url = Settings().resolved_database_url()
    assert url.startswith("sqlite:///") and str(tmp_path) in url


def test_database_url_from_environment(monkeypatch) -> None:
    monkeypatch.setenv("GAPFLOW_DATABASE_URL", "postgresql+psycopg://u@h/db")
    assert Settings().resolved_database_url() == "postgresql+psycopg://u@h/db"
    assert Settings().resolved_database_url("sqlite:///x.db") == "sqlite:///x.db"
