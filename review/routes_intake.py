"""The inbox as an intake user sees it: upload, what arrived, what was quarantined and why, what to do."""

from __future__ import annotations

from urllib.parse import quote

from fastapi import APIRouter, HTTPException, Request
from fastapi.responses import RedirectResponse, Response
from starlette.datastructures import UploadFile

from review.deps import Ctx, Form, Intake, User, render
from services.privacy import mask_numbers
from services.uploads import ALLOWED_SUFFIXES, MAX_UPLOAD_BYTES, UploadError, accept_upload, upload_statuses
from storage import repo, review_queries

router = APIRouter()


@router.get("/inbox")
def inbox(request: Request, ctx: Ctx, user: User) -> Response:
    with ctx.tx() as session:
        own = user.role == "intake"
        statuses = upload_statuses(session, user.username if own else None)
        quarantined = [] if own else review_queries.quarantined(session)
        return render(
            request, "inbox.html", user, statuses=statuses, quarantined=quarantined, own=own,
            suffixes="、".join(sorted(ALLOWED_SUFFIXES)), max_mb=MAX_UPLOAD_BYTES // 1024 // 1024,
            can_process=ctx.process_now is not None and user.role in ("intake", "supervisor"),
            message=request.query_params.get("message"), error=request.query_params.get("error"),
            mask=(lambda s: s) if user.unmasked else mask_numbers,
        )


@router.post("/inbox/upload")
async def upload(ctx: Ctx, user: Intake, form: Form) -> Response:
    files = [f for f in form.getlist("file") if isinstance(f, UploadFile) and f.filename]
    if not files:
        return RedirectResponse("/inbox?error=" + quote("请选择要上传的文件"), status_code=303)
    accepted, errors = 0, []
    for f in files:
        data = await f.read(MAX_UPLOAD_BYTES + 1)
        try:
            with ctx.tx() as session:
                accept_upload(ctx.rt, session, user.username, f.filename or "", data)
            accepted += 1
        except UploadError as e:
            errors.append(f"{f.filename}：{e}")
    target = f"/inbox?message={quote(f'已上传 {accepted} 个文件，等待处理')}"
    if errors:
        target += "&error=" + quote("；".join(errors))
    return RedirectResponse(target, status_code=303)


@router.post("/inbox/process")
def process_now(ctx: Ctx, user: User, _form: Form) -> Response:
    if user.role not in ("intake", "supervisor"):
        raise HTTPException(403, "此操作仅限受理员、审核员")
    if ctx.process_now is None:
        raise HTTPException(404, "本系统由定时任务处理收件箱，未提供立即处理")
    outcomes = ctx.process_now()
    with ctx.tx() as session:
        repo.audit(session, user.username, "inbox.process", None, files=len(outcomes))
    return RedirectResponse("/inbox?message=" + quote(f"已处理 {len(outcomes)} 个文件"), status_code=303)
