"""Legal bases of the rules: citations parsed from `legal_basis`, the table of articles (rules/articles.yaml),
and the check that every parameter says whether it is law (with its article) or office policy (with the
office's document). Pure: the loader reads the files and calls these.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from schemas.models import Flag, RuleSpec

# 《劳动保障监察条例》第二十条；《关于实施〈劳动保障监察条例〉若干规定》第十五条、第十六条
_TITLE = re.compile(r"《((?:[^《》]|《[^《》]*》|〈[^〈〉]*〉)+)》")
_ARTICLE = re.compile(r"第[一二三四五六七八九十百零]+条")


@dataclass(frozen=True)
class Article:
    regulation: str
    article: str
    says: str
    confirmed: str  # full_text | quoted | unconfirmed
    doubt: str | None = None


ArticleTable = dict[tuple[str, str], Article]


def parse_articles(data: dict[str, Any]) -> ArticleTable:
    """The `articles` list of articles.yaml as (regulation, article) -> Article."""
    table: ArticleTable = {}
    for raw in data.get("articles") or []:
        a = Article(raw["regulation"], raw["article"], raw["says"], raw["confirmed"], raw.get("doubt"))
        table[(a.regulation, a.article)] = a
    return table


def citations(legal_basis: str | None) -> list[tuple[str, str]]:
    """(《regulation》, 第N条) pairs of a citation string, in order; a title without an article is skipped."""
    if not legal_basis:
        return []
    out: list[tuple[str, str]] = []
    titles = list(_TITLE.finditer(legal_basis))
    for i, m in enumerate(titles):
        end = titles[i + 1].start() if i + 1 < len(titles) else len(legal_basis)
        title = f"《{m.group(1)}》"
        out.extend((title, art) for art in _ARTICLE.findall(legal_basis[m.end() : end]))
    return out


def param_basis_errors(spec: RuleSpec, file_name: str) -> list[str]:
    """Chinese messages for every parameter basis that cannot be accepted (empty: all good).

    A policy parameter must name the office's document; a law parameter its article; a law parameter whose
    value differs from the statutory value it records is an office override and must say so.
    """
    errors = []
    where = f"规则文件 {file_name} 中规则 {spec.id} 的参数"
    for name, pb in spec.param_basis.items():
        if name not in spec.params:
            errors.append(f"{where} {name} 注明了依据，但该参数不存在（现有参数：{'、'.join(spec.params) or '无'}）")
        elif pb.kind == "policy" and not (pb.source or "").strip():
            errors.append(
                f"{where} {name} 标为本机构政策（kind: policy），但未注明出处文件（source）；"
                f"请写明本机构公开文件的名称及条目，例如 source: 《劳动保障监察机构政务公开》三（二）"
            )
        elif pb.kind == "law" and not (pb.basis or "").strip():
            errors.append(
                f"{where} {name} 标为法定（kind: law），但未注明法律依据（basis），例如《行政诉讼法》第四十六条"
            )
        elif pb.kind == "law" and pb.law_value is not None and spec.params[name] != pb.law_value:
            errors.append(
                f"{where} {name} 的值 {spec.params[name]!r} 与法定值 {pb.law_value!r}（{pb.basis}）不同；"
                f"如本机构另有规定，请改为 kind: policy 并注明出处文件（source）"
            )
    return errors


def unknown_citations(spec: RuleSpec, table: ArticleTable) -> list[tuple[str, str]]:
    """Citations of a rule (its legal basis and its parameters' bases) missing from the articles table."""
    cited = citations(spec.legal_basis)
    for pb in spec.param_basis.values():
        cited.extend(citations(pb.basis))
    return [c for c in cited if c not in table]


def flag_basis(spec: RuleSpec | None) -> dict[str, str | None]:
    """The basis fields a flag of this rule carries in the export (basis_kind, policy_source)."""
    if spec is None:
        return {"basis_kind": None, "policy_source": None}
    return {"basis_kind": spec.basis_kind, "policy_source": spec.policy_source}


def with_flag_bases(flags: list[Flag], rules: Mapping[str, RuleSpec]) -> list[Flag]:
    """Stored flags with basis_kind / policy_source filled from the current rule files (not stored)."""
    return [f.model_copy(update=flag_basis(rules.get(f.rule_id))) for f in flags]


def basis_label(kind: str | None) -> str:
    """How the review app names a basis kind."""
    return {"law": "法律依据", "policy": "本机构政策", "review_aid": "审核提示（非法定要求）"}.get(kind or "", "")
