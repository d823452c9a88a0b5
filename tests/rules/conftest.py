"""Shared fixtures of the rule tests: the real rule files and the real calendar."""

from __future__ import annotations

import pytest

from rules.calendar import WorkCalendar, load_calendar
from rules.loader import RuleSet, load_rules


@pytest.fixture(scope="session")
def rules() -> RuleSet:
    return load_rules()


@pytest.fixture(scope="session")
def cal() -> WorkCalendar:
    return load_calendar()
