"""The queue as an Excel workbook: one row per flag, with its evidence sentence and legal basis."""

from __future__ import annotations

from io import BytesIO

from openpyxl import Workbook
from openpyxl.styles import Alignment, Font

from review import labels

HEADERS = [
    "问题编号", "文档编号", "文件名", "文档类型", "单位", "收到日期", "规则编号", "问题", "严重程度", "状态",
    "截止日期", "说明", "证据原文", "法律依据", "依据性质",
]
WIDTHS = [9, 20, 28, 12, 24, 12, 30, 26, 9, 9, 12, 50, 60, 36, 40]


def queue_workbook(rows: list[dict]) -> bytes:
    """`rows` as the queue page shows them (already masked for the reader's role)."""
    book = Workbook()
    sheet = book.active
    sheet.title = "问题清单"
    sheet.append(HEADERS)
    for cell in sheet[1]:
        cell.font = Font(bold=True)
    for r in rows:
        sheet.append([
            r["flag_id"], r["document_id"], r["filename"], labels.label(labels.DOC_TYPES, r["doc_type"]),
            r["agency"] or "", r["received"], r["rule_id"], r["rule_label"],
            labels.label(labels.SEVERITIES, r["severity"]), labels.label(labels.FLAG_STATUSES, r["status"]),
            r["due_date"] or "", r["message"], r["evidence"] or "", r["legal_basis"] or "", r["basis_text"],
        ])
    for i, width in enumerate(WIDTHS, start=1):
        sheet.column_dimensions[sheet.cell(1, i).column_letter].width = width
    for row in sheet.iter_rows(min_row=2):
        for cell in row:
            cell.alignment = Alignment(wrap_text=True, vertical="top")
    sheet.freeze_panes = "A2"
    out = BytesIO()
    book.save(out)
    return out.getvalue()
