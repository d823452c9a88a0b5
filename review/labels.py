"""Chinese labels for the values the pages show (the stored values stay English, as in the export)."""

from __future__ import annotations

from schemas.models import CADENCE_LABELS, DOC_TYPE_LABELS
from services.accounts import ROLES
from services.decisions import CASE_EVENT_LABELS, DECISION_LABELS

DOC_TYPES = DOC_TYPE_LABELS
SEVERITIES = {"error": "严重", "warning": "警告", "info": "提示"}
FLAG_STATUSES = {"open": "待复核", "confirmed": "已确认", "dismissed": "已驳回", "resolved": "已解决"}
DOC_STATUSES = {"processed": "已处理", "duplicate": "重复", "quarantined": "已隔离"}
DEADLINE_KINDS = {
    "acceptance": "受理期限", "investigation": "调查办结期限", "admin_review": "行政复议期限",
    "litigation": "行政诉讼期限", "limitation": "投诉时效", "disclosure": "公开期限", "annual_report": "年度报告期限",
}
DEADLINE_STATUSES = {"pending": "未到期", "met": "已办结", "overdue": "已逾期"}
CADENCES = CADENCE_LABELS
CASE_EVENTS = {k.value: v for k, v in CASE_EVENT_LABELS.items()}
DECISIONS = {k.value: v for k, v in DECISION_LABELS.items()}
AUDIT_ACTIONS = {
    "flag.status": "问题标记状态", "case.event": "办理节点", "document.view_unmasked": "查看未遮蔽的个人信息",
    "document.download": "下载原件", "upload": "上传文件", "user.create": "新建用户", "user.role": "修改角色",
    "user.active": "启用/停用用户", "user.login": "登录", "queue.export": "导出问题清单",
    "inbox.process": "立即处理收件箱",
}
FIELD_LABELS = {
    "complainant.name": "投诉人姓名", "complainant.gender": "性别", "complainant.age": "年龄",
    "complainant.occupation": "职业", "complainant.employer": "工作单位", "complainant.address": "住址",
    "complainant.phone": "联系电话", "complainant.id_number": "身份证号", "respondent.name": "被投诉单位",
    "respondent.address": "被投诉单位地址", "respondent.legal_representative": "法定代表人",
    "respondent.workplace": "用工所在地", "facts": "投诉事实", "requests": "请求事项",
    "prior_proceedings": "是否已调解/仲裁/诉讼",
    "violation_start": "违法行为开始", "violation_end": "违法行为结束", "letter_date": "落款日期",
    "received_date": "收件日期", "amount_claimed_yuan": "请求金额（元）", "collective": "集体投诉",
    "complainant_count": "投诉人数", "agents": "代理人", "agency": "报告单位", "title": "标题",
    "report_date": "报告日期", "period": "报告期间", "responsible_persons": "责任人", "channels": "公开渠道",
    "named_systems": "提到的制度", "stated_shortcomings": "自述不足", "figures": "数字",
}
PROCEEDINGS = {"none": "无", "mediation": "已调解", "arbitration": "已仲裁", "litigation": "已诉讼", "unknown": "不明"}
ROLE_LABELS = ROLES


def label(table: dict[str, str], value: object) -> str:
    if value is None:
        return "—"
    return table.get(str(value), str(value))
