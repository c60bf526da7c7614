"""Plain pages served beside the API: a source document scrolled to a quote,
the embeddable ``/widget.js`` and the ``/widget`` page for iframes."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

from fastapi import APIRouter, Query
from fastapi.responses import HTMLResponse, Response

from app.web.api import DocumentSource
from app.web.render import document_page, escape_html

STATIC = Path(__file__).with_name("static")
DOC_CSP = "default-src 'none'; style-src 'unsafe-inline'; frame-ancestors 'self'"


def widget_csp(allowed_origins: tuple[str, ...]) -> str:
    """CSP for ``/widget``: own scripts only, framable by the allowlisted origins.

    >>> widget_csp(("https://jobs.example.com",)).split("; ")[-1]
    "frame-ancestors 'self' https://jobs.example.com"
    """
    ancestors = " ".join(["'self'", *allowed_origins])
    return (
        "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; "
        f"img-src 'self' data:; frame-ancestors {ancestors}"
    )


def build_router(retriever: DocumentSource, allowed_origins: tuple[str, ...]) -> APIRouter:
    """``/doc/{doc_id}``, ``/widget.js`` and ``/widget``."""
    router = APIRouter(include_in_schema=False)
    widget_js = (STATIC / "widget.js").read_text(encoding="utf-8")
    widget_html = (STATIC / "widget.html").read_text(encoding="utf-8")
    csp = widget_csp(allowed_origins)

    @router.get("/doc/{doc_id}", response_class=HTMLResponse)
    def doc_page(
        doc_id: str,
        start: Annotated[int | None, Query(ge=0)] = None,
        end: Annotated[int | None, Query(ge=0)] = None,
    ) -> HTMLResponse:
        doc = retriever.documents.get(doc_id)
        if doc is None:
            page = document_page("未找到文件", [], "没有这份文件，可能索引已经更新。", None, None)
            return HTMLResponse(page, 404, headers={"Content-Security-Policy": DOC_CSP})
        meta = [doc.issuer, doc.doc_number, doc.date]
        page = document_page(doc.title, meta, doc.text, start, end)
        return HTMLResponse(page, headers={"Content-Security-Policy": DOC_CSP})

    @router.get("/widget.js")
    def widget_script() -> Response:
        return Response(
            widget_js,
            media_type="text/javascript; charset=utf-8",
            headers={"Cache-Control": "public, max-age=300"},
        )

    @router.get("/widget", response_class=HTMLResponse)
    def widget_page(
        title: Annotated[str, Query(max_length=40)] = "人才政策咨询",
        region: Annotated[str, Query(max_length=40)] = "",
    ) -> HTMLResponse:
        page = widget_html.replace("{{TITLE}}", escape_html(title)).replace(
            "{{REGION}}", escape_html(region)
        )
        return HTMLResponse(page, headers={"Content-Security-Policy": csp})

    return router
