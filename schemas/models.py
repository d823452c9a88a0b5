"""Pydantic models of what flows between the layers and what `gapflow export` writes.

The export shape is fixed by ../shared/CONTRACT.md: fields may be added, none renamed.
Dates are `datetime.date` (serialised `YYYY-MM-DD`); an unknown value is `None`, never "".
"""

from __future__ import annotations

from datetime import date, datetime
from enum import StrEnum
from typing import Any, Literal

from pydantic import BaseModel, ConfigDict, Field


class DocType(StrEnum):
    complaint = "complaint"
    work_report = "work_report"
    notice = "notice"
    other = "other"


# What staff read for each document type (CLI summary, run artifacts, the review app).
DOC_TYPE_LABELS: dict[str, str] = {
    DocType.complaint: "投诉书",
    DocType.work_report: "工作总结/汇报",
    DocType.notice: "公告/须知",
    DocType.other: "其他",
}


# A commitment's cadence as staff write it (a disclosure deadline's `basis`, the review app).
CADENCE_LABELS: dict[str, str] = {
    "daily": "每日", "weekly": "每周", "monthly": "每月", "quarterly": "每季度", "semiannual": "每半年",
    "yearly": "每年", "once": "一次", "ad_hoc": "不定期",
}  # fmt: skip


def doc_type_label(doc_type: str | None) -> str:
    return DOC_TYPE_LABELS.get(doc_type, "—") if doc_type else "—"


class DocStatus(StrEnum):
    processed = "processed"
    quarantined = "quarantined"
    duplicate = "duplicate"


class Severity(StrEnum):
    info = "info"
    warning = "warning"
    error = "error"


class FlagStatus(StrEnum):
    open = "open"
    confirmed = "confirmed"
    dismissed = "dismissed"
    resolved = "resolved"


class DeadlineStatus(StrEnum):
    pending = "pending"
    met = "met"
    overdue = "overdue"


class _Model(BaseModel):
    model_config = ConfigDict(extra="forbid", use_enum_values=True)


# --------------------------------------------------------------------------- text


class Span(_Model):
    """Where a value stands in the document's normalised text."""

    start: int = Field(description="起始字符偏移（规范化文本）")
    end: int = Field(description="结束字符偏移（不含）")
    page: int | None = Field(default=None, description="页码，从 1 开始")


class Evidence(Span):
    text: str | None = Field(default=None, description="证据原文")


class FieldEvidence(Span):
    """Evidence of one extracted field value, with the extractor's confidence."""

    confidence: float = Field(ge=0.0, le=1.0, description="置信度")
    ocr: bool = Field(default=False, description="取自文字识别（OCR）的文字，置信度已调低，请核对原件")
    unread: bool = Field(
        default=False, description="原文似已写明此项（见高亮处），但未能可靠读出取值：不按“未载明”处理，请人工核对"
    )


class ParsedDocument(_Model):
    """One document read from bytes: a single normalised text plus its page map."""

    text: str = Field(description="规范化全文")
    format: Literal["docx", "pdf", "doc", "wps", "rtf", "odt", "txt", "image"]
    pages: int = Field(ge=0, description="页数")
    page_starts: list[int] = Field(
        default_factory=lambda: [0], description="每页在规范化文本中的起始偏移，升序"
    )
    warnings: list[str] = Field(default_factory=list)
    ocr_pages: list[int] = Field(default_factory=list, description="由文字识别（OCR）读出的页码，从 1 开始")
    written: str | None = Field(
        default=None, description="繁体字原文（与规范化全文逐字对应，偏移相同）；没有繁体字时为空"
    )

    def page_at(self, offset: int) -> int:
        """1-based page number of a character offset."""
        page = 1
        for i, start in enumerate(self.page_starts, start=1):
            if start <= offset:
                page = i
            else:
                break
        return page


# --------------------------------------------------------------------------- complaint


class Complainant(_Model):
    name: str | None = None
    gender: Literal["男", "女"] | None = None
    age: int | None = None
    occupation: str | None = None
    employer: str | None = None
    address: str | None = None
    phone: str | None = None
    id_number: str | None = None


class Respondent(_Model):
    name: str | None = None
    address: str | None = None
    legal_representative: str | None = None
    workplace: str | None = Field(default=None, description="用工所在地（与注册地不同时）")


class Agent(_Model):
    name: str
    phone: str | None = None


class ComplaintFields(_Model):
    complainant: Complainant = Field(default_factory=Complainant)
    respondent: Respondent = Field(default_factory=Respondent)
    facts: str | None = None
    requests: list[str] = Field(default_factory=list)
    prior_proceedings: Literal["none", "mediation", "arbitration", "litigation", "unknown"] | None = None
    violation_start: date | None = None
    violation_end: date | None = None
    violation_ongoing: bool = Field(
        default=False, description="违法行为持续至今（至今/到现在），此时 violation_end 为空"
    )
    letter_date: date | None = None
    received_date: date | None = None
    amount_claimed_yuan: float | None = None
    collective: bool = False
    complainant_count: int | None = None
    representatives: list[str] = Field(default_factory=list, description="推举的代表")
    agents: list[Agent] = Field(default_factory=list)
    evidence: dict[str, FieldEvidence] = Field(
        default_factory=dict, description="dotted field path -> evidence, e.g. 'complainant.name'"
    )


# --------------------------------------------------------------------------- work report


class Period(_Model):
    label: str
    start: date | None = None
    end: date | None = None


class ResponsiblePerson(_Model):
    name: str | None = None
    role: str | None = None


class Channel(_Model):
    kind: Literal["hotline", "mailbox", "website", "notice_board", "email", "other"]
    value: str


class Figure(_Model):
    label: str
    value: float
    unit: str | None = None


class ReportFields(_Model):
    agency: str | None = None
    title: str | None = None
    report_date: date | None = None
    period: Period | None = None
    responsible_persons: list[ResponsiblePerson] = Field(default_factory=list)
    channels: list[Channel] = Field(default_factory=list)
    named_systems: list[str] = Field(default_factory=list)
    stated_shortcomings: list[str] = Field(default_factory=list)
    figures: list[Figure] = Field(default_factory=list)
    evidence: dict[str, FieldEvidence] = Field(default_factory=dict)


Cadence = Literal["daily", "weekly", "monthly", "quarterly", "semiannual", "yearly", "once", "ad_hoc"]


class Commitment(_Model):
    text: str
    action: str
    cadence: Cadence | None = None
    schedule: str | None = None
    responsible: str | None = None
    channel: str | None = None
    section: str | None = Field(default=None, description="所在章节标题")
    evidence: Span


# --------------------------------------------------------------------------- checks


BasisKind = Literal["law", "policy", "review_aid"]


class Flag(_Model):
    rule_id: str
    severity: Severity
    message: str = Field(description="中文说明")
    legal_basis: str | None = None
    basis_kind: BasisKind | None = Field(
        default=None, description="依据性质：law 法律法规规章 | policy 本机构政策 | review_aid 审核提示（非法定要求）"
    )
    policy_source: str | None = Field(default=None, description="本机构政策的出处文件（basis_kind 为 policy 时）")
    evidence: Evidence | None = None
    due_date: date | None = None
    status: FlagStatus = FlagStatus.open


class Deadline(_Model):
    kind: str
    due_date: date
    basis: str = Field(description="如 5个工作日")
    status: DeadlineStatus = DeadlineStatus.pending
    provisional: bool = Field(default=False, description="节假日安排未公布，按周一至周五推算")


class CaseEventKind(StrEnum):
    accepted = "accepted"  # 受理/立案
    rejected = "rejected"  # 不予受理
    suspended = "suspended"  # 中止调查
    resumed = "resumed"  # 恢复调查
    extended = "extended"  # 经批准延长
    decided = "decided"  # 作出处理/处罚决定
    served = "served"  # 文书送达
    closed = "closed"  # 结案/撤销立案


class CaseEvent(_Model):
    kind: CaseEventKind
    on: date
    note: str | None = None


# --------------------------------------------------------------------------- results


class ErrorInfo(_Model):
    code: str = Field(description="unreadable|encrypted|needs_ocr|unsupported|too_large|…")
    message: str = Field(description="给工作人员的中文说明")


class SourceInfo(_Model):
    filename: str
    sha256: str
    format: str | None = None
    pages: int | None = None
    received_at: datetime | None = None


class Analysis(_Model):
    """What the pure pipeline makes of one parsed document (no I/O involved)."""

    doc_type: DocType
    doc_type_confidence: float = Field(ge=0.0, le=1.0)
    fields: dict[str, Any] = Field(default_factory=dict)
    commitments: list[Commitment] = Field(default_factory=list)
    flags: list[Flag] = Field(default_factory=list)
    deadlines: list[Deadline] = Field(default_factory=list)


class ExportRecord(_Model):
    """One line of `gapflow export` (CONTRACT.md)."""

    document_id: str
    source: SourceInfo
    status: DocStatus
    error: ErrorInfo | None = None
    doc_type: DocType | None = None
    doc_type_confidence: float | None = None
    fields: dict[str, Any] = Field(default_factory=dict)
    commitments: list[Commitment] = Field(default_factory=list)
    flags: list[Flag] = Field(default_factory=list)
    deadlines: list[Deadline] = Field(default_factory=list)
    duplicate_of: str | None = None
    text: str | None = Field(default=None, description="规范化全文（仅 --with-text）")


class PriorDocument(_Model):
    """A document already stored, as the report checks see it (duplicates, copied text)."""

    document_id: str
    doc_type: DocType | None = None
    agency: str | None = None
    title: str | None = None
    text: str
    received_at: datetime | None = None


class ParamBasis(_Model):
    """Where a rule parameter comes from: the law (an article) or the office's policy (its document)."""

    kind: Literal["law", "policy"] = Field(description="law 法定 | policy 本机构政策")
    basis: str | None = Field(default=None, description="法律依据（条文），如《行政诉讼法》第四十六条")
    source: str | None = Field(default=None, description="本机构政策的出处文件及条目")
    law_value: Any = Field(default=None, description="法定值（机构政策与法律不同时用于同时说明两者）")


class RuleSpec(_Model):
    """One rule of a rule file (rules/*.yaml)."""

    id: str = Field(description="规则编号，见 CONTRACT.md")
    label: str = Field(description="中文名称")
    severity: Severity = Severity.warning
    legal_basis: str | None = None
    policy_source: str | None = Field(default=None, description="本机构政策的出处文件（非法律规定的部分）")
    enabled: bool = True
    params: dict[str, Any] = Field(default_factory=dict)
    param_basis: dict[str, ParamBasis] = Field(default_factory=dict, description="参数名 -> 法定或机构政策")

    @property
    def basis_kind(self) -> BasisKind:
        """law when an article is cited; policy when only the office's document is; else a review aid."""
        if self.legal_basis:
            return "law"
        return "policy" if self.policy_source else "review_aid"
