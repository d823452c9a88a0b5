"""An intake user's upload: the file goes into the inbox (where the scheduled inbox pass takes it), and
its fate is looked up by content later."""

from __future__ import annotations

import hashlib
import os
import re
import secrets
from dataclasses import dataclass
from pathlib import Path

from sqlalchemy.orm import Session

from config.runtime import Runtime
from schemas.models import DocStatus
from schemas.tables import Document, Upload
from storage import accounts, repo, review_queries

MAX_UPLOAD_BYTES = 50 * 1024 * 1024
ALLOWED_SUFFIXES = {".docx", ".pdf", ".txt", ".doc", ".wps"}
_UNSAFE = re.compile(r"[\x00-\x1f\\/:*?\"<>|]")

WHAT_TO_DO = {
    "encrypted": "请向来文单位索取未加密的文件，再重新上传。",
    "needs_ocr": "这是扫描件或照片：请先做文字识别（OCR），或请来文单位提供电子版，再重新上传。",
    "unsupported": "请另存为 .docx 或 .pdf 后重新上传。",
    "too_large": "请拆分文件或压缩图片后重新上传。",
    "unreadable": "文件已损坏或没有文字：请重新复制，或向来文单位索取，再重新上传。",
}
STATUS_LABELS = {
    "waiting": "等待处理（在收件箱中）",
    DocStatus.processed: "已处理",
    DocStatus.duplicate: "重复（此前已收到相同内容）",
    DocStatus.quarantined: "已隔离",
}


class UploadError(ValueError):
    """An upload refused; the message is for staff, in Chinese."""


def safe_filename(name: str) -> str:
    """The file's own name without any folder, control or reserved characters, never hidden."""
    base = _UNSAFE.sub("_", os.path.basename(name.replace("\\", "/"))).strip().lstrip(".")
    return base[:200] or "未命名文件"


def accept_upload(rt: Runtime, session: Session, username: str, filename: str, data: bytes) -> Upload:
    """Put an uploaded file into the inbox and record who brought it.

    The file is written under a hidden temporary name and renamed when complete, so the inbox pass
    never sees half a file.
    """
    name = safe_filename(filename)
    suffix = Path(name).suffix.lower()
    if suffix not in ALLOWED_SUFFIXES:
        allowed = "、".join(sorted(ALLOWED_SUFFIXES))
        raise UploadError(f"不支持的文件类型：{suffix or '（无扩展名）'}。可上传：{allowed}")
    if not data:
        raise UploadError("文件是空的")
    if len(data) > MAX_UPLOAD_BYTES:
        raise UploadError(f"文件超过 {MAX_UPLOAD_BYTES // 1024 // 1024} MB")
    inbox = rt.settings.resolved_inbox()
    inbox.mkdir(parents=True, exist_ok=True)
    sha = hashlib.sha256(data).hexdigest()
    partial = inbox / f".upload-{secrets.token_hex(8)}.part"
    partial.write_bytes(data)
    target = inbox / name
    if target.exists():
        target = inbox / f"{Path(name).stem}_{sha[:8]}{suffix}"
    os.replace(partial, target)
    upload = accounts.add_upload(session, username, name, sha, len(data))
    repo.audit(session, username, "upload", None, filename=name, sha256=sha, size=len(data))
    return upload


@dataclass(frozen=True)
class UploadStatus:
    upload: Upload
    document: Document | None
    status: str
    label: str
    reason: str | None
    what_to_do: str | None


def upload_statuses(session: Session, username: str | None) -> list[UploadStatus]:
    """Each upload (one user's, or all for None) with what became of it."""
    rows = accounts.uploads(session, username)
    documents = review_queries.documents_by_sha(session, [u.sha256 for u in rows])
    result = []
    for u in rows:
        doc = documents.get(u.sha256)
        status = doc.status if doc is not None else "waiting"
        if doc is not None and doc.status != DocStatus.quarantined and _uploaded_again(u, doc):
            status = DocStatus.duplicate
        reason = doc.error_message if doc is not None and doc.status == DocStatus.quarantined else None
        todo = WHAT_TO_DO.get(doc.error_code or "unreadable") if reason and doc is not None else None
        result.append(UploadStatus(u, doc, status, STATUS_LABELS.get(status, status), reason, todo))
    return result


def _uploaded_again(upload: Upload, document: Document) -> bool:
    """The content was already stored before this upload arrived."""
    created = document.created_at if document.created_at.tzinfo else document.created_at.astimezone()
    uploaded = upload.uploaded_at if upload.uploaded_at.tzinfo else upload.uploaded_at.astimezone()
    return created < uploaded
