"""JSON API: ``POST /api/ask``, ``POST /api/feedback``, ``GET /api/facts``,
``GET /api/health``, ``GET /api/ready``, ``GET /api/documents/{doc_id}``.

Each route parses with pydantic, makes one call into the engine or retriever and
formats the result. Errors come back as ``{"error": "...", "details": [...]}``.
"""

from __future__ import annotations

import logging
import unicodedata
from collections.abc import Mapping
from typing import Annotated, Any, Literal, Protocol
from urllib.parse import quote

from fastapi import APIRouter, FastAPI, HTTPException, Query, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse
from pydantic import BaseModel, ConfigDict, Field, StrictInt, StrictStr, field_validator
from starlette.exceptions import HTTPException as StarletteHTTPException

from app.answer.factbook import FactBook, FactEntry
from app.answer.types import Answer
from app.web.clients import call_as_client, client_key
from app.web.feedback import FeedbackLog
from app.web.status import health_body
from index.errors import IndexUnavailableError
from index.types import Hit
from ingest.types import Document

log = logging.getLogger(__name__)

MAX_QUESTION = 500
MAX_TURN = 4000
MAX_HISTORY = 20


class Engine(Protocol):
    def answer(
        self, question: str, history: Any = (), k: int = 5, filters: Any = None
    ) -> Answer: ...


class DocumentSource(Protocol):
    """What the routes need from :class:`index.Retriever`."""

    @property
    def documents(self) -> Mapping[str, Document]: ...

    def info(self) -> dict[str, Any]: ...


def clean_text(value: str) -> str:
    """Strip, drop control characters (keeping newlines/tabs) and refuse lone surrogates.

    >>> clean_text("  问\\x00题\\n ")
    '问题'
    """
    if any(0xD800 <= ord(ch) <= 0xDFFF for ch in value):
        raise ValueError("text contains invalid characters (unpaired surrogates)")
    kept = "".join(
        ch for ch in value if ch in "\n\t" or unicodedata.category(ch) not in {"Cc", "Cs"}
    )
    return kept.strip()


class Turn(BaseModel):
    model_config = ConfigDict(extra="forbid")

    role: Literal["user", "assistant"]
    content: Annotated[StrictStr, Field(max_length=MAX_TURN)]

    @field_validator("content")
    @classmethod
    def _clean(cls, value: str) -> str:
        return clean_text(value)


class AskRequest(BaseModel):
    """A question, optional prior turns, how many passages to use and a region filter."""

    model_config = ConfigDict(
        extra="forbid",
        json_schema_extra={
            "examples": [{"question": "我是硕士，毕业后每个月有多少生活补贴？", "k": 5}]
        },
    )

    question: Annotated[StrictStr, Field(description=f"1..{MAX_QUESTION} characters")]
    history: Annotated[list[Turn], Field(max_length=MAX_HISTORY)] = []
    k: Annotated[StrictInt, Field(ge=1, le=20)] = 5
    region: Annotated[StrictStr | None, Field(max_length=40)] = None

    @field_validator("question")
    @classmethod
    def _question(cls, value: str) -> str:
        value = clean_text(value)
        if not value:
            raise ValueError("question is empty; ask something, e.g. 「博士毕业有哪些补贴？」")
        if len(value) > MAX_QUESTION:
            raise ValueError(f"question is {len(value)} characters; the limit is {MAX_QUESTION}")
        return value

    @field_validator("region")
    @classmethod
    def _region(cls, value: str | None) -> str | None:
        return clean_text(value) or None if value is not None else None


class FeedbackRequest(BaseModel):
    """A vote on an answer, named by the ``answer_id`` that ``/api/ask`` returned."""

    model_config = ConfigDict(extra="forbid")

    answer_id: Annotated[StrictStr, Field(min_length=1, max_length=64)]
    vote: Literal["up", "down"]


class AskResponse(BaseModel):
    answer_id: str
    answer: str
    refused: bool
    reason: str
    #: which note opened the answer: another region's rules (`other`), documents naming no
    #: region (`unknown`), or a province's or national rules only (`wider`)
    region_note: Literal["other", "unknown", "wider"] | None = None
    mode: str
    citations: list[dict[str, Any]]
    hits: list[dict[str, Any]]
    related: list[dict[str, Any]]
    table: dict[str, Any] | None = None


def hit_json(hit: Hit) -> dict[str, Any]:
    """``Hit.to_json()`` plus the chunk's offsets, so a client can link to the passage."""
    return {**hit.to_json(), "char_start": hit.chunk.char_start, "char_end": hit.chunk.char_end}


def answer_json(answer: Answer) -> dict[str, Any]:
    """The JSON body of ``/api/ask`` for an :class:`Answer`."""
    return {
        "answer": answer.text,
        "refused": answer.refused,
        "reason": answer.reason,
        "region_note": answer.region_note,
        "mode": answer.mode,
        "citations": [c.to_json() for c in answer.citations],
        "hits": [hit_json(h) for h in answer.hits],
        "related": [hit_json(h) for h in answer.related],
        "table": answer.table.to_json() if answer.table is not None else None,
    }


def fact_json(entry: FactEntry) -> dict[str, Any]:
    """One ``/api/facts`` item: the fact, its region, validity, citation and source link."""
    c = entry.citation
    link = f"/doc/{quote(c.doc_id, safe='')}?start={c.char_start}&end={c.char_end}"
    return {**entry.to_json(), "link": link}


def build_router(engine: Engine, retriever: DocumentSource,
                 feedback: FeedbackLog | None = None) -> APIRouter:
    """Routes over one engine and the retriever it was built on; votes go to ``feedback``."""
    router = APIRouter(prefix="/api", tags=["api"])
    own_book = FactBook(retriever)  # used only when the engine has no fact book

    def fact_book() -> FactBook:
        """The engine's facts, read per request so a reloaded index is seen at once."""
        return getattr(engine, "factbook", None) or own_book

    @router.get("/facts")
    def facts(
        region: Annotated[str | None, Query(max_length=40)] = None,
        beneficiary: Annotated[str | None, Query(max_length=40)] = None,
        kind: Annotated[str | None, Query(max_length=20)] = None,
    ) -> list[dict[str, Any]]:
        """Extracted facts (amounts, targets, departments) with citations, filtered."""
        book = fact_book()
        try:
            found = book.select(region=clean_text(region or "") or None,
                                beneficiary=clean_text(beneficiary or "") or None,
                                kind=kind or None)
        except ValueError as exc:
            raise HTTPException(400, str(exc)) from exc
        return [fact_json(e) for e in book.entries(found)]

    @router.post("/ask", response_model=AskResponse)
    def ask(body: AskRequest, request: Request) -> dict[str, Any]:
        """Answer a question from the policy documents, with numbered citations.
        ``answer_id`` names this answer for ``POST /api/feedback``."""
        filters = {"region": body.region} if body.region else None
        history = [t.model_dump() for t in body.history]
        answer = call_as_client(client_key(request.client), engine.answer, body.question,
                                history, k=body.k, filters=filters)
        answer_id = feedback.remember(body.question, answer) if feedback else ""
        return {"answer_id": answer_id, **answer_json(answer)}

    @router.post("/feedback")
    def vote(body: FeedbackRequest) -> dict[str, Any]:
        """Record 👍/👎 on an answer this server gave (by ``answer_id``; the text recorded
        is the server's). Repeating a vote changes nothing; unknown ids get a 404."""
        outcome = feedback.vote(body.answer_id, body.vote) if feedback else "unknown"
        if outcome == "unknown":
            raise HTTPException(404, "no recent answer has this answer_id; "
                                     "vote with the answer_id that /api/ask returned")
        return {"recorded": outcome == "recorded"}

    @router.head("/health", include_in_schema=False)  # for uptime probes and load balancers
    @router.get("/health")
    def health() -> dict[str, Any]:
        """Status (``ok`` or ``degraded`` with ``problems``), index generation, document and
        chunk counts, embedding model (and any fallback). No paths or commands: those
        are in the server log."""
        return health_body(retriever.info())

    @router.get("/ready", responses={503: {"description": "the index needs attention"}})
    def ready() -> JSONResponse:
        """Readiness: 200 when the index is healthy, 503 while ``/api/health`` is degraded."""
        body = health_body(retriever.info())
        ok = body["status"] == "ok"
        return JSONResponse({"ready": ok, "problems": body["problems"]}, 200 if ok else 503)

    @router.get("/documents/{doc_id}")
    def document(doc_id: str) -> dict[str, Any]:
        """A document's display text (citation offsets point into it) and metadata."""
        doc = retriever.documents.get(doc_id)
        if doc is None:
            raise HTTPException(404, f"no document with id {doc_id!r}")
        return {
            "doc_id": doc.doc_id,
            "source": doc.source,
            "title": doc.title,
            "issuer": doc.issuer,
            "date": doc.date,
            "doc_number": doc.doc_number,
            "region": doc.region,
            "meta": dict(doc.meta),
            "text": doc.text,
        }

    return router


BODY_SHAPE = (
    'the body must be a JSON object such as {"question": "硕士有什么补贴？"} '
    "sent with Content-Type: application/json"
)


def _details(exc: RequestValidationError) -> list[dict[str, str]]:
    out = []
    for err in exc.errors():
        loc = ".".join(str(p) for p in err.get("loc", ()) if p != "body")
        msg = str(err.get("msg", "invalid value")).removeprefix("Value error, ")
        if not loc and err.get("type") in {"model_attributes_type", "dict_type"}:
            msg = BODY_SHAPE
        out.append({"field": loc or "body", "message": msg})
    return out


def install_error_handlers(app: FastAPI) -> None:
    """Clear JSON errors: 400 malformed JSON, 422 invalid fields, never a traceback."""

    @app.exception_handler(RequestValidationError)
    async def invalid(_: Request, exc: RequestValidationError) -> JSONResponse:
        details = _details(exc)
        if any(e.get("type") == "json_invalid" for e in exc.errors()):
            return JSONResponse(
                {"error": "the request body is not valid JSON", "details": details}, 400
            )
        first = details[0] if details else {"field": "body", "message": "invalid"}
        return JSONResponse(
            {"error": f"{first['field']}: {first['message']}", "details": details}, 422
        )

    @app.exception_handler(StarletteHTTPException)
    async def http_error(_: Request, exc: StarletteHTTPException) -> JSONResponse:
        return JSONResponse({"error": str(exc.detail)}, exc.status_code, headers=exc.headers)

    @app.exception_handler(IndexUnavailableError)
    async def index_down(request: Request, exc: IndexUnavailableError) -> JSONResponse:
        log.error("index unavailable on %s %s: %s", request.method, request.url.path, exc)
        return JSONResponse({"error": "the index server is unavailable; try again shortly"}, 503)

    @app.exception_handler(Exception)
    async def crashed(request: Request, exc: Exception) -> JSONResponse:
        log.exception("unhandled error on %s %s", request.method, request.url.path)
        return JSONResponse({"error": "internal error; the server log has the details"}, 500)
