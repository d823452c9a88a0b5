"""Decisions: flags confirmed, dismissed or resolved with a reason (one or a filtered queue at once),
and case events on complaints. Each calls the same service function as the command line."""

from __future__ import annotations

from urllib.parse import quote

from fastapi import APIRouter, HTTPException
from fastapi.responses import RedirectResponse, Response

from review.deps import Ctx, Form, Supervisor, form_str
from schemas.tables import FlagRow
from services.decisions import DecisionError, decide_flag, decide_flags, parse_case_event, record_case_event

router = APIRouter()


def _back(target: str, error: str | None = None) -> RedirectResponse:
    if not target.startswith("/") or target.startswith("//"):
        target = "/queue"  # never redirect off the site
    if error:
        target += ("&" if "?" in target else "?") + "error=" + quote(error)
    return RedirectResponse(target, status_code=303)


@router.post("/flags/{flag_id}/decision")
def flag_decision(flag_id: int, ctx: Ctx, user: Supervisor, form: Form) -> Response:
    back = form_str(form, "back")
    try:
        with ctx.tx() as session:
            flag = session.get(FlagRow, flag_id)
            if flag is None:
                raise HTTPException(404, f"没有编号为 {flag_id} 的问题标记")
            back = back or f"/documents/{flag.document_id}"
            decide_flag(session, flag_id, form_str(form, "status"), user.username, form_str(form, "reason"))
    except DecisionError as e:
        return _back(back or "/queue", str(e))
    return _back(f"{back}#flag-{flag_id}" if back.startswith("/documents/") else back)


@router.post("/flags/bulk")
def flags_bulk(ctx: Ctx, user: Supervisor, form: Form) -> Response:
    back = form_str(form, "back") or "/queue"
    try:
        ids = [int(v) for v in form.getlist("flag_id") if isinstance(v, str)]
    except ValueError:
        return _back(back, "问题编号不正确")
    try:
        with ctx.tx() as session:
            decide_flags(session, ids, form_str(form, "status"), user.username, form_str(form, "reason"))
    except DecisionError as e:
        return _back(back, str(e))
    return _back(back)


@router.post("/documents/{document_id}/events")
def case_event(document_id: str, ctx: Ctx, user: Supervisor, form: Form) -> Response:
    back = f"/documents/{document_id}"
    try:
        event = parse_case_event(form_str(form, "kind"), form_str(form, "on"), form_str(form, "note"))
        record_case_event(ctx.rt, document_id, event, user.username, ctx.today())
    except DecisionError as e:
        return _back(back, str(e))
    return _back(back + "#deadlines")
