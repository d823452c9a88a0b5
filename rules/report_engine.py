"""The work-report checks: (text, fields, commitments, prior documents, rules, today) -> flags, deadlines.

Pure: no file, database or clock. Each check runs only when its rule is switched on in the rule files;
its thresholds come from the rule's params (rules/report.yaml). Disclosure schedules and
`report.disclosure_overdue` live in rules/schedule.py (they need the later documents, not the prior ones).
"""

from __future__ import annotations

import re
from datetime import date
from functools import lru_cache

from rules import similarity
from rules.legal import flag_basis
from rules.loader import RuleSet
from rules.report_dates import find_date_before_period
from rules.report_foreign import find_foreign_references, source_place_in
from rules.report_text import Finding, same_body
from rules.report_totals import find_totals_mismatches
from schemas.models import Commitment, Deadline, Evidence, Flag, PriorDocument, ReportFields

_PERSON_OR_BODY_MISSING = "责任人"
_TIMING_MISSING = "时限（频次或期限）"


def evaluate_report(
    text: str,
    fields: ReportFields,
    commitments: list[Commitment],
    prior: list[PriorDocument],
    rules: RuleSet,
    today: date,
) -> tuple[list[Flag], list[Deadline]]:
    """Every report flag of one work report. `today` is unused by these checks but kept for symmetry
    with the other engines (and for checks that will need it)."""
    flags: list[Flag] = []
    if "report.date_before_period" in rules:
        params = rules["report.date_before_period"].params
        flags += _flags(rules, "report.date_before_period", find_date_before_period(text, fields, params))
    flags += copy_flags(text, fields, prior, rules)
    if "report.foreign_reference" in rules:
        params = rules["report.foreign_reference"].params
        findings = find_foreign_references(text, fields.agency, params)
        flags += _flags(rules, "report.foreign_reference", findings[: params.get("max_flags", 5)])
    if "report.totals_mismatch" in rules:
        params = rules["report.totals_mismatch"].params
        flags += _flags(rules, "report.totals_mismatch", find_totals_mismatches(text, params))
    if "report.commitment_incomplete" in rules:
        flags += _incomplete_commitments(commitments, rules)
    return flags, []


COPY_RULES = {"report.duplicate", "report.copied_text"}


def copy_flags(text: str, fields: ReportFields, prior: list[PriorDocument], rules: RuleSet) -> list[Flag]:
    """report.duplicate and report.copied_text of one report against the documents received before it."""
    flags = _duplicate_flags(text, fields, prior, rules)
    if "report.copied_text" in rules:
        dup_ids = {f.evidence.text for f in flags if f.evidence}
        others = [p for p in prior if p.document_id not in dup_ids and not same_body(p.agency, fields.agency)]
        flags += _copied_text_flags(text, others, rules, fields.agency)
    return flags


def _flags(rules: RuleSet, rule_id: str, findings: list[Finding], page: int | None = None) -> list[Flag]:
    spec = rules[rule_id]
    return [
        Flag(
            rule_id=rule_id,
            severity=spec.severity,
            message=f.message,
            legal_basis=spec.legal_basis,
            **flag_basis(spec),
            evidence=Evidence(start=f.start, end=f.end, text=f.text, page=page),
        )
        for f in findings
    ]


# --------------------------------------------------------------------------- duplicates


RESUBMISSION_PREFILTER = 0.5  # below this estimate two texts are not worth comparing shingle by shingle


def _resubmitted(mine: set[str], earlier: str, rules: RuleSet) -> float:
    """The earlier report standing almost whole in this one (`mine`, its shingles), which adds a cover note
    (关于重新报送…的说明) or a corrected paragraph: the earlier text's containment, counted as similarity when the
    two are of like length."""
    theirs = similarity.shingles(earlier)
    if not theirs or len(theirs) < float(rules.param("report.duplicate", "resubmission_length_ratio")) * len(mine):
        return 0.0
    return similarity.containment(theirs, mine)


def _duplicate_flags(
    text: str, fields: ReportFields, prior: list[PriorDocument], rules: RuleSet
) -> list[Flag]:
    """Near-identical text of the same body (or of an unnamed one). Evidence.text is the earlier
    document_id, so storage and review can link to it; start/end are 0 (the whole document)."""
    if "report.duplicate" not in rules:
        return []
    threshold = float(rules.param("report.duplicate", "jaccard_threshold"))
    mine = similarity.signature(text)
    shingled: set[str] | None = None  # this report's shingles, when an earlier one comes close
    best: tuple[float, PriorDocument] | None = None
    for doc in prior:
        if doc.agency and fields.agency and not same_body(doc.agency, fields.agency):
            continue  # another body's text: copied, not a duplicate (report.copied_text)
        score = similarity.estimate_jaccard(mine, similarity.signature(doc.text))
        if threshold > score >= RESUBMISSION_PREFILTER:
            shingled = shingled if shingled is not None else similarity.shingles(text)
            score = max(score, _resubmitted(shingled, doc.text, rules))
        if score >= threshold and (best is None or score > best[0]):
            best = (score, doc)
    if best is None:
        return []
    score, doc = best
    title = f"（{doc.title}）" if doc.title else ""
    finding = Finding(
        0, 0, doc.document_id, f"与已收文档 {doc.document_id}{title}内容几乎相同（相似度{score:.0%}）"
    )
    return _flags(rules, "report.duplicate", [finding])


# --------------------------------------------------------------------------- copied paragraphs


# a report's one-sentence opening (根据…要求，现将我局2025年第三季度…工作情况报告如下。): the formula every report
# opens with, which two bodies told by one template share without copying anything
_OPENING = re.compile(r"^[^。！？\n]{0,120}现将[^。！？\n]{0,60}(?:报告|汇报|总结|通报|报送|说明)如下[。：:]?$")


def _copied_text_flags(
    text: str, others: list[PriorDocument], rules: RuleSet, agency: str | None = None
) -> list[Flag]:
    """Passages nearly verbatim in another body's earlier document (report.copied_text); a copied passage that
    still names the other body's own county or town is spoken as this body's own (report.foreign_reference):
    the documents of one pass see each other's places as they see each other's text."""
    params = rules["report.copied_text"].params
    found = []
    sources: dict[int, set[str]] = {}
    for doc in others:
        matches = similarity.copied_passages(
            text, doc.text, min_chars=params["min_chars"], threshold=params["containment"],
            aligned=params.get("aligned"),
        )
        for m in matches:
            sources.setdefault(m.start, set()).add(doc.agency or doc.document_id)
        found.append((doc, matches))
    form = _form_pattern(tuple(params.get("form_words", ())))
    template = {start for start, bodies in sources.items() if _bodies(bodies) >= params.get("template_sources", 99)}
    seen: set[int] = set()
    findings, foreign = [], []
    for doc, matches in found:
        kept = [
            m for m in matches
            if m.start not in seen and m.start not in template and not _OPENING.match(m.text.strip())
            and not _mostly_form(m.text, form, params["min_chars"])
        ][: params["max_flags_per_source"]]
        source = doc.agency or doc.title or doc.document_id
        elsewhere = text
        for m in matches:  # this report without what it took from that document
            elsewhere = elsewhere.replace(m.text, "")
        for m in kept:
            seen.add(m.start)
            findings.append(
                Finding(
                    m.start,
                    m.end,
                    m.text,
                    f"本段与“{source}”的文档 {doc.document_id} 几乎相同（{m.containment:.0%}）",
                )
            )
            if doc.agency and (place := source_place_in(m.text, doc.agency, agency, elsewhere)):
                message = f"本段照搬“{doc.agency}”的材料，其中“{place}”属于该单位，不是本单位的情况"
                foreign.append(Finding(m.start, m.end, m.text, message))
    flags = _flags(rules, "report.copied_text", findings)
    if foreign and "report.foreign_reference" in rules:
        flags += _flags(rules, "report.foreign_reference", foreign[:1])
    return flags


def _bodies(names: set[str]) -> int:
    """How many bodies the names are (a body and its own office are one)."""
    kept: list[str] = []
    for name in sorted(names, key=len):
        if not any(same_body(name, k) for k in kept):
            kept.append(name)
    return len(kept)


@lru_cache(maxsize=8)
def _form_pattern(words: tuple[str, ...]) -> re.Pattern[str] | None:
    ordered = sorted(words, key=len, reverse=True)  # the longest first: 其他处理 before 其他
    return re.compile("|".join(map(re.escape, ordered))) if ordered else None


def _mostly_form(passage: str, form: re.Pattern[str] | None, min_chars: int) -> bool:
    """A passage that is mostly the statutory report's fixed wording (its table's header cells run together, its
    prescribed opening), too short once those words are left out."""
    if form is None:
        return False
    canon = similarity.canonical(passage)
    rest = form.sub("", canon)
    return len(rest) < min_chars and len(rest) <= len(canon) / 2


# --------------------------------------------------------------------------- commitments


def _incomplete_commitments(commitments: list[Commitment], rules: RuleSet) -> list[Flag]:
    params = rules["report.commitment_incomplete"].params
    spec = rules["report.commitment_incomplete"]
    flags = []
    for c in commitments:
        missing = []
        if c.cadence is None or (c.cadence in params["cadences_needing_schedule"] and not c.schedule):
            missing.append(_TIMING_MISSING)
        if params["require_responsible"] and not c.responsible:
            missing.append(_PERSON_OR_BODY_MISSING)
        if missing:
            flags.append(
                Flag(
                    rule_id=spec.id,
                    severity=spec.severity,
                    message=f"承诺“{c.action}”未写明{'和'.join(missing)}",
                    legal_basis=spec.legal_basis,
                    **flag_basis(spec),
                    evidence=Evidence(
                        start=c.evidence.start, end=c.evidence.end, page=c.evidence.page, text=c.text
                    ),
                )
            )
    return flags
