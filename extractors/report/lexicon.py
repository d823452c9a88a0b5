"""The keyword tables of the report extractor, loaded once from extractors/data/report_keywords.yaml."""

from __future__ import annotations

import re
from functools import cache, lru_cache
from pathlib import Path
from typing import Any

import yaml

DATA_FILE = Path(__file__).parent.parent / "data" / "report_keywords.yaml"


@lru_cache(maxsize=1)
def table() -> dict[str, Any]:
    with DATA_FILE.open(encoding="utf-8") as f:
        return yaml.safe_load(f)


def words(key: str) -> list[str]:
    """A word list, longest first, so alternations prefer the longest match."""
    return sorted(table()[key], key=len, reverse=True)


@cache
def regex(key: str) -> re.Pattern[str]:
    """A regex stored as one string under `key`."""
    return re.compile(table()[key])


@cache
def alternation(key: str) -> re.Pattern[str]:
    """A regex matching any word of a word list."""
    return re.compile("|".join(re.escape(w) for w in words(key)))


@cache
def regexes(key: str) -> tuple[re.Pattern[str], ...]:
    """A list of regexes stored under `key`, in the order given (first match wins)."""
    return tuple(re.compile(r) for r in table()[key])
