"""Work-report extraction: fields, heading structure and commitments of a 工作总结 / 工作汇报 / 年度报告.

    extract_report(doc: ParsedDocument) -> ReportExtraction

Pure: no file, clock or environment access. Keyword tables live in extractors/data/report_keywords.yaml.
"""

from __future__ import annotations

from extractors.report import fields as report_fields
from extractors.report import header, people, scope, structure
from extractors.report.commitments import find_commitments
from extractors.report.figures import find_figures
from extractors.report.model import PersonDuty, ReportExtraction, Section, Sentence
from schemas.models import ParsedDocument, ReportFields

__all__ = ["PersonDuty", "ReportExtraction", "Section", "Sentence", "extract_report"]


def extract_report(doc: ParsedDocument, models: bool = False) -> ReportExtraction:
    paras = structure.paragraphs(doc.text)
    sections = structure.build_sections(doc, paras)
    sentences = structure.split_sentences(doc, paras, sections)

    evidence = {}
    title = header.find_title(doc, paras)
    agency = header.find_agency(doc, paras, title)
    dated = header.find_report_date(doc, paras)
    period = header.find_period(doc, paras, title, dated[0] if dated else None)
    if title:
        evidence["title"] = header.evidence(doc, title[1], title[2], 0.8)
    for key, found in (("agency", agency), ("report_date", dated), ("period", period)):
        if found:
            evidence[key] = found[1]

    skip = scope.foreign_paragraphs(doc, paras, agency[0] if agency else None)
    duties = people.find_people(doc, skip)
    fields = ReportFields(
        agency=agency[0] if agency else None,
        title=title[0] if title else None,
        report_date=dated[0] if dated else None,
        period=period[0] if period else None,
        responsible_persons=people.responsible_persons(duties),
        channels=report_fields.find_channels(doc, skip),
        named_systems=report_fields.find_named_systems(doc, skip),
        stated_shortcomings=report_fields.find_shortcomings(doc, sections, sentences, skip),
        figures=find_figures(doc, skip),
        evidence=evidence,
    )
    return ReportExtraction(
        fields=fields,
        commitments=find_commitments(doc, sentences, sections, duties, skip, models=models),
        sections=sections,
        sentences=sentences,
        duties=duties,
        foreign_spans=skip,
    )
