"""The FastAPI application: JSON API, document and widget pages, and the Gradio
chat mounted at ``/``, behind the guards of :mod:`app.web.guards`."""

from __future__ import annotations

import contextlib
import logging
import time
from collections.abc import AsyncIterator
from pathlib import Path
from typing import TYPE_CHECKING

import gradio as gr
from fastapi import FastAPI
from fastapi.middleware.cors import CORSMiddleware
from fastapi_offline import FastAPIOffline

from app.answer.coverage import coverage_sentence
from app.answer.suggest import Suggester
from app.web import api, pages
from app.web.feedback import FeedbackLog
from app.web.guards import (
    BlockedRoutes,
    BodySizeLimit,
    OriginGuard,
    RateLimit,
    SecurityHeaders,
    TokenBucket,
)
from app.web.hosts import HostGuard, allowed_hosts
from app.web.locale import chinese_everywhere
from app.web.queue_check import GradioQueueCheck
from app.web.reload import LiveIndex
from app.web.settings import Settings
from app.web.ui import CSS, JS, build_ui

if TYPE_CHECKING:
    from app.answer.engine import QAEngine
    from index import IndexLocation, Retriever

log = logging.getLogger(__name__)

# Seconds a rate-limited request waits for its 429 (see app.web.guards.RateLimit).
RATE_LIMIT_TARPIT = 1.0

# System fonts only: the default theme would fetch Google Fonts.
FONTS = ["system-ui", "PingFang SC", "Noto Sans CJK SC", "WenQuanYi Micro Hei", "sans-serif"]


def create_app(
    settings: Settings,
    engine: QAEngine,
    retriever: Retriever,
    *,
    reload_interval: float | None = 5.0,
) -> FastAPI:
    """One ASGI app serving everything on one port.

    ``engine`` is an :class:`app.answer.engine.QAEngine` (``answer`` and ``stream``);
    ``retriever`` is the :class:`index.Retriever` it searches (documents, ``info()``).
    With ``settings.index_dir`` (or a Milvus backend) and a ``reload_interval``
    (seconds), a new generation written by ``python -m index build|update`` (a new
    ``CURRENT``, or the Milvus alias moved) is picked up without a restart (see
    :mod:`app.web.reload`).
    """
    live = None
    location = settings.index_location()
    if location is not None and reload_interval is not None:
        live = live_index(location, settings.model, engine, retriever, reload_interval,
                          verify_interval=settings.verify_interval)
        engine, retriever = live, live  # type: ignore[assignment]

    @contextlib.asynccontextmanager
    async def lifespan(_: FastAPI) -> AsyncIterator[None]:
        if live is not None:
            live.watch()  # checks the served index files every verify_interval seconds
        try:
            yield
        finally:
            if live is not None:
                live.stop()

    # Swagger UI and ReDoc from the assets inside the fastapi-offline wheel: no CDN.
    app = FastAPIOffline(
        title="policyqa API",
        description="Answers about talent and employment policies, with citations.",
        version="0.1.0",
        docs_url="/docs",
        redoc_url="/redoc",
        openapi_url="/openapi.json",
        static_url="/api-docs-assets",
        lifespan=lifespan,
    )
    feedback = FeedbackLog(settings.feedback_file, max_bytes=settings.feedback_max_bytes)
    api.install_error_handlers(app)
    app.include_router(api.build_router(engine, retriever, feedback))
    app.include_router(pages.build_router(retriever, settings.allowed_origins))

    suggester = Suggester(engine)  # type: ignore[arg-type]
    demo = build_ui(engine, feedback, settings.examples or welcome_questions(suggester),
                    welcome=coverage_sentence(engine.coverage), suggest=suggester.next)
    demo.queue(max_size=settings.queue_size, default_concurrency_limit=2)

    # Middleware: the last added runs first. Order, outermost first:
    # security headers, Host allowlist, CORS (so 413/429 replies are readable by
    # allowed widgets), body cap, rate limit, origin check, closed Gradio routes,
    # Gradio queue checks.
    app.add_middleware(GradioQueueCheck, session_known=lambda s: session_known(demo, s),
                       events=lambda: frozenset(demo.fns))
    app.add_middleware(BlockedRoutes)
    app.add_middleware(OriginGuard, allowed=settings.allowed_origins)
    app.add_middleware(
        RateLimit,
        bucket=TokenBucket(settings.rate_limit_per_min),
        clock=time.monotonic,
        tarpit=RATE_LIMIT_TARPIT,
    )
    app.add_middleware(BodySizeLimit, max_bytes=settings.max_body_bytes)
    app.add_middleware(
        CORSMiddleware,
        allow_origins=list(settings.allowed_origins),
        allow_methods=["GET", "POST"],
        allow_headers=["Content-Type"],
        allow_credentials=False,
        max_age=600,
    )
    app.add_middleware(HostGuard, allowed=allowed_hosts(settings.public_host, settings.host))
    app.add_middleware(SecurityHeaders)

    lite = Path(settings.milvus_uri) if (settings.milvus_uri or "").endswith(".db") else None
    blocked = [str(p.resolve()) for p in (settings.corpus, settings.index_dir, lite) if p]
    gr.mount_gradio_app(
        app,
        demo,
        path="/",
        server_name=settings.host,
        server_port=settings.port,
        footer_links=[],
        run_history=False,
        blocked_paths=[*blocked, str(settings.feedback_file.resolve().parent)],
        max_file_size=1,
        ssr_mode=False,
        mcp_server=False,
        pwa=False,
        css=CSS,
        js=JS,
        i18n=chinese_everywhere(),
        theme=gr.themes.Soft(font=FONTS, font_mono=["ui-monospace", "monospace"]),
        show_error=False,
        enable_monitoring=False,
    )
    log.info("app ready: allowed origins %s", ", ".join(settings.allowed_origins) or "(none)")
    return app


def welcome_questions(suggester: Suggester) -> tuple[str, ...]:
    """Three welcome-screen questions from the index's own facts, each answered by it."""
    try:
        return suggester.starters()
    except Exception:  # a welcome screen without examples is better than no server
        log.exception("could not build the welcome-screen questions")
        return ()


def uvicorn_options(settings: Settings) -> dict[str, object]:
    """How uvicorn must serve this app: ``X-Forwarded-For``/``-Proto`` believed only from
    the proxies in ``settings.forwarded_allow_ips`` (none by default, where uvicorn
    would trust 127.0.0.1), and no ``server`` header."""
    trusted = list(settings.forwarded_allow_ips)
    return {
        "proxy_headers": bool(trusted),
        "forwarded_allow_ips": ",".join(trusted) if trusted else "",
        "server_header": False,
    }


def live_index(
    index_dir: IndexLocation, model: str | None, engine: QAEngine, retriever: Retriever,
    interval: float, *, verify_interval: float = 60.0,
) -> LiveIndex:
    """Wrap the engine and retriever so a new generation is swapped in atomically."""
    from index import Retriever as Loader

    embedder = getattr(retriever, "_embedder", None)  # reuse the loaded model on reload

    def load(index_dir: IndexLocation) -> Retriever:
        return Loader.load(index_dir, model=model, embedder=embedder)

    return LiveIndex(index_dir, retriever, engine, load=load, interval=interval,
                     verify_interval=verify_interval)


def session_known(demo: gr.Blocks, session_hash: str) -> bool:
    """Whether Gradio's queue holds ``session_hash`` (True if this Gradio hides it)."""
    pending = getattr(getattr(demo, "_queue", None), "pending_messages_per_session", None)
    return True if pending is None else session_hash in pending
