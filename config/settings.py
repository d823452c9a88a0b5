"""Settings from the environment (GAPFLOW_*) or a `gapflow.env` file; documented in the README.

Every setting is listed in SETTINGS_DOC: a test fails when a setting is not documented there and in
the README.
"""

from __future__ import annotations

import os
from pathlib import Path
from zoneinfo import ZoneInfo

from pydantic import Field
from pydantic_settings import BaseSettings, SettingsConfigDict

TZ = ZoneInfo("Asia/Shanghai")


def available_cores() -> int:
    """Cores this process may run on (a container's or taskset's limit, not the host's count)."""
    try:
        return max(1, len(os.sched_getaffinity(0)))
    except AttributeError:  # not Linux
        return max(1, os.cpu_count() or 1)


class Settings(BaseSettings):
    model_config = SettingsConfigDict(env_prefix="GAPFLOW_", env_file="gapflow.env", extra="ignore")

    home: Path = Field(default=Path.home() / "gapflow", description="数据目录：数据库、分词缓存、默认收件箱")
    database_url: str | None = Field(default=None, description="结果数据库（SQLAlchemy URL）")
    inbox: Path | None = Field(default=None, description="收件箱目录；processed/ 与 quarantine/ 在其旁边")
    jurisdiction: str | None = Field(
        default=None, description="本机构管辖的行政区划，如 广西壮族自治区柳州市融水苗族自治县"
    )
    settle_seconds: float = Field(default=10.0, description="文件最后修改后需静置的秒数（正在复制的文件留待下次）")
    batch_size: int = Field(default=50, description="每个 Prefect 任务处理的文件数")
    workers: int = Field(default_factory=available_cores, description="解析与抽取使用的进程数（默认：本机可用核数）")
    prefect_startup_seconds: float = Field(
        default=300.0, description="等待本机临时 Prefect 运行环境启动的最长秒数（首次启动需建立其数据库）"
    )
    serve_port: int = Field(default=4200, description="gapflow serve 的 Prefect 服务端口（仅监听本机 127.0.0.1）")
    watch: str = Field(
        default="auto",
        description="gapflow serve 监视收件箱的方式：auto（网络共享目录用轮询，其余用文件事件）、events、polling、off",
    )
    secret_key: str | None = Field(
        default=None, description="审核系统会话密钥；未设置时首次启动自动生成并保存在数据目录的 secret_key（0600）"
    )
    development: bool = Field(default=False, description="开发模式：显示调试信息，允许弱密钥；正式使用时不要打开")
    max_file_mb: int = Field(default=50, description="单个文件大小上限（MB），超过则隔离")
    max_pages: int = Field(default=300, description="单个文档页数上限，超过则隔离")
    max_ocr_pages: int = Field(default=30, description="需要文字识别（OCR）的页数上限，超过则隔离")
    max_attempts: int = Field(default=3, description="意外失败的文件最多尝试次数，之后隔离")
    convert_timeout: float = Field(default=120.0, description="LibreOffice 转换旧格式的超时秒数")

    def resolved_database_url(self, override: str | None = None) -> str:
        if override:
            return override
        if self.database_url:
            return self.database_url
        return f"sqlite:///{(self.home / 'gapflow.db').resolve()}"

    def resolved_inbox(self, override: Path | str | None = None) -> Path:
        return Path(override) if override else (self.inbox or self.home / "inbox")

    @property
    def cache_dir(self) -> Path:
        return self.home / "cache"


SETTINGS_DOC = {
    "GAPFLOW_HOME": "data folder",
    "GAPFLOW_DATABASE_URL": "results database",
    "GAPFLOW_INBOX": "inbox folder",
    "GAPFLOW_JURISDICTION": "office jurisdiction",
    "GAPFLOW_SETTLE_SECONDS": "settle time of new files",
    "GAPFLOW_BATCH_SIZE": "files per Prefect task",
    "GAPFLOW_WORKERS": "processes for parsing",
    "GAPFLOW_PREFECT_STARTUP_SECONDS": "wait for the temporary Prefect server",
    "GAPFLOW_SERVE_PORT": "port of gapflow serve's Prefect server",
    "GAPFLOW_WATCH": "how gapflow serve watches the inbox",
    "GAPFLOW_SECRET_KEY": "review app session secret",
    "GAPFLOW_DEVELOPMENT": "development mode of the review app",
    "GAPFLOW_MAX_FILE_MB": "file size limit",
    "GAPFLOW_MAX_PAGES": "page limit",
    "GAPFLOW_MAX_OCR_PAGES": "OCR page limit",
    "GAPFLOW_MAX_ATTEMPTS": "attempts before quarantine",
    "GAPFLOW_CONVERT_TIMEOUT": "LibreOffice conversion timeout",
}


def load_settings() -> Settings:
    return Settings()
