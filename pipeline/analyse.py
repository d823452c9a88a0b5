"""The pure pipeline: a parsed document and its context in, an Analysis out.

No Prefect, no database, no clock: flows/ gathers the context (today, the calendar, the case events,
the documents already stored) and persists the result. Benchmarks and tests call this directly.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import UTC, date
from typing import Any

from extractors.classify import classify
from rules.legal import flag_basis
from rules.loader import RuleSet
from schemas.models import (
    Analysis,
    CaseEvent,
    ComplaintFields,
    DocType,
    Evidence,
    Flag,
    ParsedDocument,
    PriorDocument,
    ReportFields,
    Severity,
)


@dataclass
class AnalysisContext:
    today: date
    received_date: date
    rules: RuleSet
    calendar: Any  # rules.calendar.WorkCalendar
    jurisdiction: str | None = None
    events: list[CaseEvent] = field(default_factory=list)
    prior: list[PriorDocument] = field(default_factory=list)
    done: set[tuple[str, date]] = field(default_factory=set)
    models: bool = True  # the learned models (extractors/learned) on top of the rules; False: rules alone


OCR_CONFIDENCE_FACTOR = 0.7  # a value read from OCR text is less certain than one read from a text layer


def analyse(doc: ParsedDocument, ctx: AnalysisContext) -> Analysis:
    """Classify, extract and check one document."""
    analysis = _analyse(doc, ctx)
    if doc.ocr_pages:
        _mark_ocr(analysis, doc, ctx)
    return analysis


def _mark_ocr(analysis: Analysis, doc: ParsedDocument, ctx: AnalysisContext) -> None:
    """Fields read from OCR pages carry a lower confidence and say so; the document carries an info flag."""
    ocr_pages = set(doc.ocr_pages)
    for evidence in (analysis.fields.get("evidence") or {}).values():
        if not isinstance(evidence, dict):
            continue
        page = evidence.get("page") or doc.page_at(int(evidence.get("start") or 0))
        if page in ocr_pages:
            evidence["ocr"] = True
            evidence["confidence"] = round(float(evidence.get("confidence", 1.0)) * OCR_CONFIDENCE_FACTOR, 3)
    if "doc.ocr_text" in ctx.rules:
        spec = ctx.rules["doc.ocr_text"]
        pages = "、".join(str(p) for p in sorted(ocr_pages))
        first = min(ocr_pages)
        start = doc.page_starts[first - 1] if len(doc.page_starts) >= first else 0
        analysis.flags.append(
            Flag(
                rule_id=spec.id, severity=spec.severity, legal_basis=spec.legal_basis,
                message=f"第 {pages} 页是扫描件或图片，文字由文字识别（OCR）读出，可能有错字；"
                "从这些页读出的字段置信度已调低，请与原件核对。",
                evidence=Evidence(
                    start=start, end=min(len(doc.text), start + 40), page=first, text=doc.text[start : start + 40]
                ),
            )
        )


def _analyse(doc: ParsedDocument, ctx: AnalysisContext) -> Analysis:
    kind = classify(doc.text, models=ctx.models)
    if kind.doc_type == DocType.complaint:
        return _with_pages(_analyse_complaint(doc, ctx, kind.confidence), doc)
    if kind.doc_type == DocType.work_report:
        return _with_pages(_analyse_report(doc, ctx, kind.confidence), doc)
    analysis = Analysis(doc_type=kind.doc_type, doc_type_confidence=kind.confidence)
    if kind.doc_type == DocType.other and "doc.unclassified" in ctx.rules:
        spec = ctx.rules["doc.unclassified"]
        analysis.flags.append(
            Flag(
                rule_id=spec.id,
                severity=spec.severity,
                message="未能识别为投诉书、工作总结（汇报）或公告，请人工确认文件类型。",
                evidence=Evidence(start=0, end=min(len(doc.text), 40), page=1, text=doc.text[:40]),
            )
        )
    return analysis


def analyse_pass(items: list[tuple[str, ParsedDocument, AnalysisContext]]) -> dict[str, Analysis]:
    """The documents of one pass, keyed by a name: in arrival order (received date, then name), each work
    report sees the ones before it as well as its context's prior documents, so a resubmission arriving in
    the same pass as its original is a duplicate whichever file was read first."""
    results: dict[str, Analysis] = {}
    earlier: list[PriorDocument] = []
    for key, doc, ctx in sorted(items, key=lambda item: (item[2].received_date, item[0])):
        ctx.prior = [*ctx.prior, *earlier]
        analysis = analyse(doc, ctx)
        results[key] = analysis
        if analysis.doc_type == DocType.work_report:
            earlier.append(prior_document(key, doc.text, analysis.fields, ctx.received_date))
    return results


def prior_document(key: str, text: str, fields: dict[str, Any], received: date) -> PriorDocument:
    """A report of this pass as the later ones see it (an earlier run's come from storage)."""
    from datetime import datetime, time

    return PriorDocument(
        document_id=key, doc_type=DocType.work_report, agency=fields.get("agency"), title=fields.get("title"),
        text=text, received_at=datetime.combine(received, time(0), tzinfo=UTC),
    )


def _with_pages(analysis: Analysis, doc: ParsedDocument) -> Analysis:
    """The rule engines see text only: give every evidence span its page; quote a traditional-character
    document as written."""
    if doc.written:
        _as_written(analysis, doc.text, doc.written)
    for flag in analysis.flags:
        if flag.evidence is not None and flag.evidence.page is None:
            flag.evidence.page = doc.page_at(flag.evidence.start)
    for commitment in analysis.commitments:
        if commitment.evidence.page is None:
            commitment.evidence.page = doc.page_at(commitment.evidence.start)
    return analysis


def _as_written(analysis: Analysis, text: str, written: str) -> None:
    """Extraction runs on the simplified text; what it quotes is given back in the document's own characters
    (offsets are the same in both)."""
    for flag in analysis.flags:
        e = flag.evidence
        if e is not None and e.text and e.end > e.start and text[e.start : e.end] == e.text:
            e.text = written[e.start : e.end]
    for c in analysis.commitments:
        if text[c.evidence.start : c.evidence.end] == c.text:
            c.text = written[c.evidence.start : c.evidence.end]
    analysis.fields = _written_values(analysis.fields, text, written)


def _written_values(value: Any, text: str, written: str) -> Any:
    if isinstance(value, dict):
        return {k: _written_values(v, text, written) for k, v in value.items()}
    if isinstance(value, list):
        return [_written_values(v, text, written) for v in value]
    if isinstance(value, str) and value and (at := text.find(value)) >= 0:
        return written[at : at + len(value)]
    if isinstance(value, str) and "\n" in value:  # facts of several paragraphs, joined: each as written
        return "\n".join(_written_values(part, text, written) for part in value.split("\n"))
    return value


def _analyse_complaint(doc: ParsedDocument, ctx: AnalysisContext, confidence: float) -> Analysis:
    from extractors.complaint import extract_complaint
    from rules.complaint_engine import evaluate_complaint

    fields = extract_complaint(doc, models=ctx.models, received=ctx.received_date)
    if fields.received_date is None:
        fields.received_date = ctx.received_date
    flags, deadlines = evaluate_complaint(
        fields, ctx.events, ctx.rules, ctx.calendar, ctx.today, ctx.jurisdiction, doc.text
    )
    return Analysis(
        doc_type=DocType.complaint,
        doc_type_confidence=confidence,
        fields=fields.model_dump(mode="json"),
        flags=flags,
        deadlines=deadlines,
    )


def _analyse_report(doc: ParsedDocument, ctx: AnalysisContext, confidence: float) -> Analysis:
    from extractors.report import extract_report
    from rules.report_engine import evaluate_report
    from rules.schedule import evaluate_disclosures

    extraction = extract_report(doc, models=ctx.models)
    fields = extraction.fields
    flags, deadlines = evaluate_report(
        doc.text, fields, extraction.commitments, ctx.prior, ctx.rules, ctx.today
    )
    later = [p for p in ctx.prior if _is_later(p, ctx.received_date)]
    issued = fields.report_date or ctx.received_date
    more_flags, more_deadlines = evaluate_disclosures(
        extraction.commitments, fields.agency, issued, later, ctx.done, ctx.rules, ctx.today, ctx.calendar
    )
    return Analysis(
        doc_type=DocType.work_report,
        doc_type_confidence=confidence,
        fields=fields.model_dump(mode="json"),
        commitments=extraction.commitments,
        flags=flags + more_flags,
        deadlines=deadlines + more_deadlines,
    )


def reevaluate_complaint(
    fields_json: dict[str, Any], text: str | None, ctx: AnalysisContext
) -> tuple[list[Flag], list]:
    """Deadlines and flags of a stored complaint against a new `today` (the nightly run)."""
    from rules.complaint_engine import evaluate_complaint

    fields = ComplaintFields.model_validate(fields_json)
    return evaluate_complaint(fields, ctx.events, ctx.rules, ctx.calendar, ctx.today, ctx.jurisdiction, text)


def reevaluate_report(
    fields_json: dict[str, Any], commitments: list, received: date, ctx: AnalysisContext
) -> tuple[list[Flag], list]:
    """Disclosure schedules of a stored report against a new `today` and the documents since."""
    from rules.schedule import evaluate_disclosures

    fields = ReportFields.model_validate(fields_json)
    later = [p for p in ctx.prior if _is_later(p, received)]
    return evaluate_disclosures(
        commitments, fields.agency, fields.report_date or received, later, ctx.done, ctx.rules, ctx.today,
        ctx.calendar,
    )


def _is_later(prior: PriorDocument, received: date) -> bool:
    return prior.received_at is not None and prior.received_at.date() >= received


def error_flag(rule_id: str, message: str, rules: RuleSet) -> Flag:
    """The flag a quarantined document carries (doc.needs_ocr, doc.unreadable, doc.unsupported)."""
    spec = rules.get(rule_id)
    return Flag(
        rule_id=rule_id,
        severity=spec.severity if spec else Severity.error,
        message=message,
        legal_basis=spec.legal_basis if spec else None,
        **flag_basis(spec),
    )
