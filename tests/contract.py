"""Rule ids that ../shared/CONTRACT.md fixes: tests check the code against this list, not against itself."""

from __future__ import annotations

COMPLAINT_REQUIRED_ITEMS = (
    "complainant.name", "complainant.gender", "complainant.age", "complainant.occupation",
    "complainant.employer", "complainant.address", "complainant.phone", "respondent.name",
    "respondent.address", "facts", "requests", "prior_proceedings",
)  # fmt: skip
COMPLAINT_RULE_IDS = [f"complaint.missing.{item}" for item in COMPLAINT_REQUIRED_ITEMS] + [
    "complaint.time_barred",
    "complaint.prior_proceedings",
    "complaint.dispute_route",
    "complaint.out_of_jurisdiction",
    "complaint.too_many_agents",
    "complaint.acceptance_overdue",
    "complaint.investigation_overdue",
]
