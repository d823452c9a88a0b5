"""Reading pages: dashboard, queue (and its Excel file), document, search, audit log, static files."""

from __future__ import annotations

from pathlib import Path
from urllib.parse import urlencode

from fastapi import APIRouter, HTTPException, Request
from fastapi.responses import FileResponse, Response

from review import views
from review.deps import Auditor, Ctx, User, render
from review.xlsx import queue_workbook
from schemas.models import DocType
from schemas.tables import Document
from services.privacy import mask_text
from services.search import search_documents, snippet
from storage import repo, review_queries
from storage.review_queries import AuditFilter

router = APIRouter()
STATIC = Path(__file__).parent / "static"
QUEUE_PARAMS = ("doc_type", "rule_id", "severity", "status", "agency", "received_from", "received_to")


@router.get("/")
def dashboard(request: Request, ctx: Ctx, user: User) -> Response:
    with ctx.tx() as session:
        data = views.dashboard(session, ctx.rt, ctx.today())
        return render(request, "dashboard.html", user, **data)


def _queue_params(request: Request) -> dict[str, str]:
    return {k: request.query_params.get(k, "open" if k == "status" else "") for k in QUEUE_PARAMS}


@router.get("/queue")
def queue(request: Request, ctx: Ctx, user: User) -> Response:
    params = _queue_params(request)
    with ctx.tx() as session:
        rows = views.queue_rows(session, ctx.rt, views.parse_queue_filter(params), user.unmasked)
        choices = review_queries.distinct_values(session)
        return render(
            request, "queue.html", user, rows=rows, params=params, choices=choices,
            export_url="/queue.xlsx?" + urlencode(params), limit=review_queries.QUEUE_LIMIT,
        )


@router.get("/queue.xlsx")
def queue_xlsx(request: Request, ctx: Ctx, user: User) -> Response:
    params = _queue_params(request)
    with ctx.tx() as session:
        rows = views.queue_rows(session, ctx.rt, views.parse_queue_filter(params), user.unmasked)
        repo.audit(session, user.username, "queue.export", None, filters=params, rows=len(rows))
    name = f"gapflow-queue-{ctx.today().isoformat()}.xlsx"
    return Response(
        queue_workbook(rows),
        media_type="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
        headers={"Content-Disposition": f'attachment; filename="{name}"', "Cache-Control": "no-store"},
    )


@router.get("/documents/{document_id}")
def document(request: Request, document_id: str, ctx: Ctx, user: User) -> Response:
    with ctx.tx() as session:
        doc = session.get(Document, document_id)
        if doc is None:
            raise HTTPException(404, f"没有编号为 {document_id} 的文档")
        data = views.document_view(session, ctx.rt, doc, user.unmasked)
        if user.unmasked and doc.doc_type == DocType.complaint:
            # every look at a letter's unmasked personal data is on the record
            repo.audit(session, user.username, "document.view_unmasked", doc.id)
        return render(request, "document.html", user, **data, error=request.query_params.get("error"))


@router.get("/documents/{document_id}/original")
def original(document_id: str, ctx: Ctx, user: User) -> Response:
    with ctx.tx() as session:
        doc = session.get(Document, document_id)
        if doc is None:
            raise HTTPException(404, f"没有编号为 {document_id} 的文档")
        if doc.doc_type == DocType.complaint and not user.unmasked:
            raise HTTPException(403, "投诉书原件含个人信息，仅审核员可下载")
        stored = [Path(r.stored_as) for r in review_queries.receipts_of(session, doc.id) if r.stored_as]
        path = next((p for p in stored if p.is_file()), None)
        if path is None:
            raise HTTPException(404, "原件已不在 processed/ 或 quarantine/ 文件夹中")
        repo.audit(session, user.username, "document.download", doc.id)
        filename = doc.filename
    return FileResponse(path, filename=filename, headers={"Cache-Control": "no-store"})


@router.get("/search")
def search(request: Request, ctx: Ctx, user: User) -> Response:
    query = request.query_params.get("q", "").strip()
    results = []
    with ctx.tx() as session:
        if query:
            for doc in search_documents(session, query):
                text = doc.text or ""
                if not user.unmasked:
                    text = mask_text(text, doc.fields)
                results.append({"doc": doc, "snippet": snippet(text, query)})
        return render(request, "search.html", user, query=query, results=results)


@router.get("/audit")
def audit(request: Request, ctx: Ctx, user: Auditor) -> Response:
    q = request.query_params
    params = {k: q.get(k, "") for k in ("actor", "action", "document_id", "since", "until")}
    f = AuditFilter(
        actor=params["actor"] or None, action=params["action"] or None, document_id=params["document_id"] or None,
        since=_day(params["since"]), until=_day(params["until"]),
    )
    with ctx.tx() as session:
        rows = views.audit_rows(review_queries.audit_entries(session, f))
        return render(request, "audit.html", user, rows=rows, params=params,
                      actions=review_queries.audit_actions(session))


def _day(value: str):  # type: ignore[no-untyped-def]
    from datetime import date

    try:
        return date.fromisoformat(value) if value else None
    except ValueError:
        return None


@router.get("/static/{name}")
def static(name: str, _user: User) -> Response:
    path = STATIC / name
    if "/" in name or not path.is_file():
        raise HTTPException(404, "页面不存在")
    return FileResponse(path)
