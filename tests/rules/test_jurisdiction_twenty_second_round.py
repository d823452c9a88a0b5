"""Jurisdiction readings of the twenty-second round (issue 12): a county of the office's own city written without
its city, and an employer's own premises called by its trade name. Names and places invented for the test."""

from __future__ import annotations

from datetime import date

from rules.calendar import WorkCalendar
from rules.complaint_engine import evaluate_complaint
from rules.jurisdiction import parse_division, sibling_county
from rules.loader import RuleSet
from schemas.models import Complainant, ComplaintFields, Respondent


def test_a_county_of_the_offices_own_city_written_without_its_city_is_out_of_jurisdiction(
    rules: RuleSet, cal: WorkCalendar
) -> None:
    office = parse_division("河北省张家口市蔚县")
    assert office is not None
    assert sibling_county("宣化区洋河南镇工业园区", office) == parse_division("河北省张家口市宣化区")
    assert sibling_county("蔚县南留庄镇", office) is None  # the office's own county
    fields = ComplaintFields(
        complainant=Complainant(name="刘某", gender="男", age=40, occupation="造型工", employer="某铸造有限公司",
                                address="蔚县某村", phone="13800000000"),
        respondent=Respondent(name="某铸造有限公司", address="宣化区洋河南镇工业园区"),
        facts="公司拖欠我2025年5月至8月工资。", requests=["支付工资"], prior_proceedings="none",
        received_date=date(2025, 11, 21),
    )
    flags, _ = evaluate_complaint(fields, [], rules, cal, date(2025, 11, 24), "河北省张家口市蔚县", None)
    assert "complaint.out_of_jurisdiction" in [f.rule_id for f in flags]


def test_an_employers_own_warehouse_stands_at_its_address(rules: RuleSet, cal: WorkCalendar) -> None:
    fields = ComplaintFields(
        complainant=Complainant(name="宋某", gender="男", age=47, occupation="装卸工",
                                employer="鹿邑县某源仓储物流有限公司", address="郸城县某村", phone="13800000000"),
        respondent=Respondent(name="鹿邑县某源仓储物流有限公司", address="鹿邑县城东产业集聚区某路",
                              workplace="某源物流仓库"),
        facts="公司拖欠我工资。", requests=["支付工资"], prior_proceedings="none", received_date=date(2020, 1, 13),
    )
    flags, _ = evaluate_complaint(fields, [], rules, cal, date(2020, 1, 14), "河南省周口市郸城县", None)
    assert "complaint.out_of_jurisdiction" in [f.rule_id for f in flags]
