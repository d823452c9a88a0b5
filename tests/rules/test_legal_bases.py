"""Every enabled rule stands on law (articles of rules/articles.yaml), the office's policy (its document), or is
an explicit review aid; parameters say which they are, and a policy parameter without its document is refused."""

from __future__ import annotations

from pathlib import Path

import pytest

from rules.legal import ArticleTable, citations, flag_basis, unknown_citations
from rules.loader import RULES_DIR, RuleSet, load_articles, load_rules
from schemas.errors import RuleError

# Rules that make no legal claim: reading problems of a file, and the review aids of work reports that no
# article requires (a duplicate, a commitment without a deadline, a date before the period).
REVIEW_AIDS = {
    "doc.needs_ocr", "doc.unreadable", "doc.unsupported", "doc.unclassified", "doc.ocr_text",
    "report.duplicate", "report.commitment_incomplete", "report.date_before_period",
}
# A few words of what each article the complaint rules rely on says: a moved citation breaks this table.
EXPECTED_WORDS = {
    ("《劳动保障监察条例》", "第十三条"): "用工所在地",
    ("《劳动保障监察条例》", "第十七条"): "60个工作日",
    ("《劳动保障监察条例》", "第二十条"): "2年内",
    ("《劳动保障监察条例》", "第二十一条"): "劳动争议处理",
    ("《关于实施〈劳动保障监察条例〉若干规定》", "第十三条"): "口头投诉",
    ("《关于实施〈劳动保障监察条例〉若干规定》", "第十四条"): "投诉文书应当载明",
    ("《关于实施〈劳动保障监察条例〉若干规定》", "第十五条"): "告诉投诉人",
    ("《关于实施〈劳动保障监察条例〉若干规定》", "第十六条"): "五类",
    ("《关于实施〈劳动保障监察条例〉若干规定》", "第十八条"): "5个工作日",
    ("《行政诉讼法》", "第四十六条"): "六个月",
    ("《行政复议法》", "第二十条"): "六十日",
    ("《民事诉讼法》", "第八十五条"): "法定休假日后的第一日",
}


@pytest.fixture(scope="module")
def articles() -> ArticleTable:
    return load_articles()


def test_every_enabled_rule_has_a_basis(rules: RuleSet) -> None:
    for spec in rules.values():
        if spec.id in REVIEW_AIDS:
            assert spec.basis_kind == "review_aid" and not spec.legal_basis, spec.id
        else:
            assert spec.legal_basis or spec.policy_source, f"{spec.id} 既无法律依据也无机构政策出处"


def test_every_citation_is_in_the_articles_table(rules: RuleSet, articles: ArticleTable) -> None:
    for spec in rules.values():
        assert not unknown_citations(spec, articles), spec.id
        if spec.legal_basis:
            assert citations(spec.legal_basis), f"{spec.id}: legal_basis 未引用具体条文"


@pytest.mark.parametrize(("key", "words"), EXPECTED_WORDS.items(), ids=["".join(k) for k in EXPECTED_WORDS])
def test_articles_say_what_the_rules_rely_on(articles: ArticleTable, key: tuple[str, str], words: str) -> None:
    assert words in articles[key].says


def test_unconfirmed_numbers_carry_their_doubt(articles: ArticleTable) -> None:
    for a in articles.values():
        assert a.confirmed in ("full_text", "quoted", "unconfirmed")
        if a.confirmed == "unconfirmed":
            assert a.doubt, f"{a.regulation}{a.article}: 未核实的条文须写明疑点"


def test_lawsuit_period_is_current_law(rules: RuleSet) -> None:
    spec = rules["complaint.remedy_periods"]
    assert spec.params["litigation_months"] == 6
    assert spec.param_basis["litigation_months"].basis == "《行政诉讼法》第四十六条"


def test_policy_rules_name_the_office_document(rules: RuleSet) -> None:
    for rule_id in ("complaint.too_many_agents", "complaint.missing.prior_proceedings"):
        spec = rules[rule_id]
        assert spec.basis_kind == "policy" and "《劳动保障监察机构政务公开》" in (spec.policy_source or "")
        assert flag_basis(spec) == {"basis_kind": "policy", "policy_source": spec.policy_source}


@pytest.mark.parametrize(
    ("patch", "words"),
    [
        ("litigation_months: {kind: policy}", "未注明出处文件"),
        ("litigation_months: {kind: law}", "未注明法律依据"),
        ("litigation_months: {kind: law, basis: 《行政诉讼法》第四十六条, law_value: 3}", "与法定值"),
        ("no_such_param: {kind: law, basis: 《行政诉讼法》第四十六条}", "该参数不存在"),
    ],
)
def test_bad_parameter_basis_is_refused_at_load(tmp_path: Path, patch: str, words: str) -> None:
    text = (RULES_DIR / "complaint.yaml").read_text(encoding="utf-8")
    marker = "      litigation_months: {kind: law, basis: 《行政诉讼法》第四十六条, law_value: 6}"
    assert marker in text
    (tmp_path / "complaint.yaml").write_text(text.replace(marker, "      " + patch), encoding="utf-8")
    with pytest.raises(RuleError, match=words) as e:
        load_rules(tmp_path)
    assert "complaint.remedy_periods" in str(e.value)


def test_office_override_with_its_document_loads(tmp_path: Path) -> None:
    text = (RULES_DIR / "complaint.yaml").read_text(encoding="utf-8")
    text = text.replace("      litigation_months: 6\n", "      litigation_months: 3\n").replace(
        "      litigation_months: {kind: law, basis: 《行政诉讼法》第四十六条, law_value: 6}",
        "      litigation_months: {kind: policy, source: 《劳动保障监察机构政务公开》三（二）,"
        " basis: 《行政诉讼法》第四十六条, law_value: 6}",
    )
    (tmp_path / "complaint.yaml").write_text(text, encoding="utf-8")
    spec = load_rules(tmp_path)["complaint.remedy_periods"]
    assert spec.params["litigation_months"] == 3 and spec.param_basis["litigation_months"].kind == "policy"


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("《劳动保障监察条例》第二十条", [("《劳动保障监察条例》", "第二十条")]),
        (
            "《劳动保障监察条例》第二十一条；《关于实施〈劳动保障监察条例〉若干规定》第十五条、第十六条",
            [
                ("《劳动保障监察条例》", "第二十一条"),
                ("《关于实施〈劳动保障监察条例〉若干规定》", "第十五条"),
                ("《关于实施〈劳动保障监察条例〉若干规定》", "第十六条"),
            ],
        ),
        ("《劳动保障监察机构政务公开》二（一）", []),
        (None, []),
    ],
)
def test_citations(text: str | None, expected: list[tuple[str, str]]) -> None:
    assert citations(text) == expected
