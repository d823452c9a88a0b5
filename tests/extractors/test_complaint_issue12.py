"""Complaint items stated in ways the corpus showed the rules missing (issue 12); texts invented for the test."""

from __future__ import annotations

from extractors.complaint import extract_complaint
from extractors.normalize import normalize_text
from schemas.models import ParsedDocument


def _fields(text: str):  # type: ignore[no-untyped-def]
    return extract_complaint(ParsedDocument(text=normalize_text(text), format="txt", pages=1))


def test_the_first_elected_representative_described_in_person_is_the_complainant() -> None:
    f = _fields(
        "集体投诉书\n投诉人：某县某某纺织有限公司挡车工共12人\n"
        "推举代表：韦某芳，女，1980年3月出生，挡车工，住某县某镇某村，联系电话13877120345。\n"
        "推举代表：蓝某强，男，41岁，保全工，联系电话13877120346。\n"
        "被投诉单位：某县某某纺织有限公司\n请求事项：支付拖欠工资。"
    )
    c = f.complainant
    assert (c.name, c.gender, c.occupation, c.phone) == ("韦某芳", "女", "挡车工", "13877120345")


def test_the_post_after_the_work_unit_is_the_occupation() -> None:
    f = _fields(
        "来访登记表\n来访人姓名：覃某明\n工作单位及岗位：某县某某塑料有限公司 叉车司机\n被反映单位：某县某某塑料公司"
    )
    assert (f.complainant.name, f.complainant.employer, f.complainant.occupation) == (
        "覃某明", "某县某某塑料有限公司", "叉车司机")


def test_the_respondent_is_the_complainants_work_unit() -> None:
    f = _fields("投诉书\n投诉人：黄某某\n被投诉单位：某县某某物流有限公司\n事实与理由：公司拖欠本人工资两个月。")
    assert f.complainant.employer == "某县某某物流有限公司"


def test_a_letter_for_a_parent_names_the_worker_in_its_first_sentence() -> None:
    f = _fields(
        "投诉信\n我是某县某某物业服务有限公司保洁员张某兰的女儿王某。我母亲不识字，这封信是我替她写的。\n"
        "公司拖欠我母亲三个月工资。"
    )
    assert (f.complainant.name, f.complainant.occupation) == ("张某兰", "保洁员")


def test_the_occupation_before_the_writers_name() -> None:
    f = _fields("领导：\n我是某某建工有限公司某某花园项目上的钢筋工刘某军，老板欠我工钱半年了。")
    assert (f.complainant.name, f.complainant.occupation) == ("刘某军", "钢筋工")
