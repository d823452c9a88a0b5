"""Load the rule files. The only module of rules/ that touches the file system."""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path

import yaml
from pydantic import ValidationError

from rules.legal import ArticleTable, param_basis_errors, parse_articles
from schemas.errors import RuleError
from schemas.models import RuleSpec, Severity

RULES_DIR = Path(__file__).parent
RULE_FILES = ("complaint.yaml", "report.yaml", "document.yaml")
ARTICLES_FILE = RULES_DIR / "articles.yaml"


class RuleSet(dict[str, RuleSpec]):
    """rule_id -> RuleSpec, only the rules that are switched on."""

    def param(self, rule_id: str, name: str) -> object:
        try:
            return self[rule_id].params[name]
        except KeyError as e:
            raise RuleError(f"规则 {rule_id} 缺少参数 {name}") from e


def load_rule_file(path: Path) -> list[RuleSpec]:
    try:
        data = yaml.safe_load(path.read_text(encoding="utf-8")) or {}
    except (OSError, yaml.YAMLError) as e:
        raise RuleError(f"规则文件 {path} 无法读取：{e}") from e
    specs = []
    for raw in data.get("rules", []):
        try:
            specs.append(RuleSpec.model_validate(raw))
        except ValidationError as e:
            allowed = "、".join(s.value for s in Severity)
            raise RuleError(
                f"规则文件 {path.name} 中的规则 {raw.get('id', '?')} 格式错误（severity 可选：{allowed}）：{e}"
            ) from e
    errors = [msg for spec in specs for msg in param_basis_errors(spec, path.name)]
    if errors:
        raise RuleError("；\n".join(errors))
    return specs


def load_rules(directory: Path | None = None) -> RuleSet:
    """Every enabled rule of the rule files in `directory` (default: the bundled ones)."""
    directory = directory or RULES_DIR
    rules = RuleSet()
    for name in RULE_FILES:
        path = directory / name
        if not path.exists():
            continue
        for spec in load_rule_file(path):
            if spec.id in rules:
                raise RuleError(f"规则编号 {spec.id} 在 {name} 中重复定义")
            if spec.enabled:
                rules[spec.id] = spec
    return rules


@lru_cache(maxsize=1)
def default_rules() -> RuleSet:
    return load_rules()


def load_articles(path: Path = ARTICLES_FILE) -> ArticleTable:
    """The table of articles the rules cite (rules/articles.yaml)."""
    try:
        return parse_articles(yaml.safe_load(path.read_text(encoding="utf-8")) or {})
    except (OSError, yaml.YAMLError, KeyError) as e:
        raise RuleError(f"条文对照表 {path} 无法读取：{e}") from e
