"""Jurisdiction of the twenty-third round (issue 12): with no address and no place of work, a registered name
that opens with another county is the one place the letter gives. Names invented for the test."""

from __future__ import annotations

from datetime import date

from rules.calendar import WorkCalendar
from rules.complaint_engine import evaluate_complaint
from rules.loader import RuleSet
from schemas.models import Complainant, ComplaintFields, Respondent


def _fields(name: str, address: str | None = None) -> ComplaintFields:
    return ComplaintFields(
        complainant=Complainant(name="周某", gender="女", age=59, occupation="包装工", employer=name,
                                address="霍邱县某村", phone="13800000000"),
        respondent=Respondent(name=name, address=address),
        facts="厂里拖欠我2027年3月至5月工资。", requests=["支付工资"], prior_proceedings="none",
        received_date=date(2027, 6, 14),
    )


def _flags(fields: ComplaintFields, rules: RuleSet, cal: WorkCalendar) -> list[str]:
    flags, _ = evaluate_complaint(fields, [], rules, cal, date(2027, 6, 15), "安徽省六安市霍邱县", None)
    return [f.rule_id for f in flags]


def test_a_registered_name_of_another_county_with_no_address_is_out_of_jurisdiction(
    rules: RuleSet, cal: WorkCalendar
) -> None:
    assert "complaint.out_of_jurisdiction" in _flags(_fields("寿县某福食品有限公司"), rules, cal)
    assert "complaint.out_of_jurisdiction" not in _flags(_fields("霍邱县某福食品有限公司"), rules, cal)
    # an address in the office's own county decides over the name
    stated = _fields("寿县某福食品有限公司", "霍邱县冯井镇工业园")
    assert "complaint.out_of_jurisdiction" not in _flags(stated, rules, cal)
