"""complaint.yaml carries every complaint rule id of CONTRACT.md, each usable by the engine."""

from __future__ import annotations

import re

import pytest

from rules.complaint_engine import REQUIRED_ITEMS
from rules.dispute import compile_categories
from rules.loader import RuleSet
from tests.contract import COMPLAINT_REQUIRED_ITEMS, COMPLAINT_RULE_IDS

CONTRACT_IDS = COMPLAINT_RULE_IDS
CJK = re.compile(r"[\u4e00-\u9fff]")


def test_required_items_are_those_of_the_contract() -> None:
    assert set(REQUIRED_ITEMS) == set(COMPLAINT_REQUIRED_ITEMS)


@pytest.mark.parametrize("rule_id", CONTRACT_IDS)
def test_contract_rule_present(rules: RuleSet, rule_id: str) -> None:
    spec = rules[rule_id]
    assert CJK.search(spec.label)
    assert (spec.legal_basis or spec.policy_source or "").startswith("《")


@pytest.mark.parametrize(
    ("rule_id", "param", "value"),
    [
        ("complaint.acceptance_overdue", "acceptance_workdays", 5),
        ("complaint.investigation_overdue", "investigation_workdays", 60),
        ("complaint.investigation_overdue", "extension_workdays", 30),
        ("complaint.time_barred", "limitation_years", 2),
        ("complaint.too_many_agents", "max_agents", 2),
        ("complaint.remedy_periods", "admin_review_days", 60),
        ("complaint.remedy_periods", "litigation_months", 6),
        ("complaint.out_of_jurisdiction", "setting", "GAPFLOW_JURISDICTION"),
    ],
)
def test_rule_parameters(rules: RuleSet, rule_id: str, param: str, value: object) -> None:
    assert rules.param(rule_id, param) == value


def test_five_dispute_categories_compile(rules: RuleSet) -> None:
    params = rules["complaint.dispute_route"].params
    assert len(params["categories"]) == 5
    assert len(compile_categories(params["categories"] + params["requests"])) == 7
