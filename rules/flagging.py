"""Small shared helpers of the complaint rules: building a Flag from its RuleSpec, evidence from fields."""

from __future__ import annotations

from datetime import date

from rules.legal import flag_basis
from schemas.models import ComplaintFields, Evidence, Flag, RuleSpec

PROVISIONAL_NOTE = "（节假日安排未公布，按工作日（周一至周五）推算，仅供参考）"
QUOTE_CHARS = 60


def make_flag(
    rule: RuleSpec, message: str, evidence: Evidence | None = None, due_date: date | None = None
) -> Flag:
    """A Flag carrying the rule's severity, legal basis and whether it is law or office policy."""
    return Flag(
        rule_id=rule.id,
        severity=rule.severity,
        message=message,
        legal_basis=rule.legal_basis,
        **flag_basis(rule),
        evidence=evidence,
        due_date=due_date,
    )


def field_evidence(fields: ComplaintFields, path: str, text: str | None) -> Evidence | None:
    """The extractor's evidence of a field as flag evidence (with the quoted text when `text` is given)."""
    ev = fields.evidence.get(path)
    if ev is None:
        return None
    quote = text[ev.start : ev.end] if text is not None and 0 <= ev.start <= ev.end <= len(text) else None
    return Evidence(start=ev.start, end=ev.end, page=ev.page, text=quote)


def sentence_evidence(sentence: str, text: str | None) -> Evidence | None:
    """Where `sentence` stands in the document text; None when there is no text or it is not found."""
    if not text:
        return None
    start = text.find(sentence)
    if start < 0:
        return None
    return Evidence(start=start, end=start + len(sentence), text=sentence)


def quote(s: str) -> str:
    """A sentence shortened for a message."""
    s = " ".join(s.split())
    return s if len(s) <= QUOTE_CHARS else s[: QUOTE_CHARS - 1] + "…"


def fmt(d: date) -> str:
    """A date as officers write it: 2026年10月13日."""
    return f"{d.year}年{d.month}月{d.day}日"
