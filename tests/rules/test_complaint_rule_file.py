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
    assert len(compile_categories(params["categories"] + params["requests"])) == 8  # + 3 typical requests


@pytest.mark.parametrize(
    ("request_text", "dispute"),
    [
        ("责令被投诉人按工伤待遇标准支付一次性伤残补助金等12.6万元", True),
        ("要求公司赔偿我摔伤后的医疗费2万元", True),
        ("责令公司为本人补缴工伤保险", False),
        ("责令公司支付拖欠工资8000元", False),
    ],
)
def test_a_work_injury_claim_is_for_the_dispute_route(rules: RuleSet, request_text: str, dispute: bool) -> None:
    """Issue 12: a work-injury claim went to inspection; unpaid injury insurance contributions still do."""
    from rules.dispute import find_dispute_matches

    params = rules["complaint.dispute_route"].params
    found = find_dispute_matches([request_text], compile_categories(params["categories"] + params["requests"]))
    assert bool(found) == dispute
