"""ASGI middleware that hardens the server: body cap, rate limit, origin check,
closed Gradio file routes and security headers (Gradio's queue: :mod:`app.web.queue_check`).

Plain ASGI (not ``BaseHTTPMiddleware``) so streaming responses pass straight through.

>>> bucket = TokenBucket(rate_per_min=60, burst=2)
>>> [bucket.take("a", now=0.0) for _ in range(3)]
[0.0, 0.0, 1.0]
"""

from __future__ import annotations

import asyncio
import json
import logging
import re
import threading
from collections import OrderedDict
from collections.abc import Awaitable, Callable, Iterable, MutableMapping
from typing import Any
from urllib.parse import parse_qs, unquote, urlsplit

Scope = MutableMapping[str, Any]
Message = MutableMapping[str, Any]
Receive = Callable[[], Awaitable[Message]]
Send = Callable[[Message], Awaitable[None]]
ASGIApp = Callable[[Scope, Receive, Send], Awaitable[None]]

log = logging.getLogger(__name__)

# Gradio routes this app never needs: uploads, file serving, proxying, recording,
# streaming media, run history, dev reload, monitoring, MCP and vibe-editing.
BLOCKED_PATTERNS = re.compile(
    r"^/(gradio_api/)?("
    r"upload|upload_progress|file=|file/|proxy=|process_recording|stream/|run-history|"
    r"runs|dev/|monitoring|mcp|vibe-edit|undo-vibe-edit|vibe-code|custom_component/|"
    r"run/|call/|api/predict"  # REST routes: the browser only uses queue/join + queue/data
    r")|^/monitoring",
    re.IGNORECASE,
)
# Everything else is closed (404): the routes of app.web.api and app.web.pages, and
# the Gradio routes the chat page uses (page, theme, assets, the event queue, the
# heartbeat, and app_id, which the page polls to reconnect after a lost connection).
# Closed among others: config, info, openapi, queue/status, component_server, cancel.
OPEN_ROUTES = re.compile(
    r"^/$|"  # the chat page
    r"^/(api/.*|doc/.*|widget|widget\.js|docs|redoc|openapi\.json|api-docs-assets/.*|"
    r"theme\.css|favicon\.ico|robots\.txt|assets/.*|static/.*|"
    r"gradio_api/(queue/join|queue/data|heartbeat/[^/]*|app_id)/?)$",
)
SAFE_METHODS = {"GET", "HEAD", "OPTIONS"}
# No route has a control character in its path; Gradio's page route turns one
# into an invalid root URL and a 500, so such paths are refused up front.
CONTROL_CHARS = re.compile(r"[\x00-\x1f\x7f]")


async def send_json(
    send: Send, status: int, body: dict[str, object], headers: Iterable[tuple[str, str]] = ()
) -> None:
    """Send a complete JSON response."""
    data = json.dumps(body, ensure_ascii=False).encode("utf-8")
    raw = [(b"content-type", b"application/json; charset=utf-8"),
           (b"content-length", str(len(data)).encode())]
    raw += [(k.encode("latin-1"), v.encode("latin-1")) for k, v in headers]
    await send({"type": "http.response.start", "status": status, "headers": raw})
    await send({"type": "http.response.body", "body": data})


def _header(scope: Scope, name: bytes) -> str | None:
    for key, value in scope.get("headers", ()):
        if key.lower() == name:
            return value.decode("latin-1")
    return None


def normalised_path(scope: Scope) -> str:
    """Decoded path with repeated slashes collapsed and percent-escapes undone twice."""
    raw = scope.get("raw_path") or scope.get("path", "").encode()
    path = unquote(unquote(raw.decode("latin-1", "replace")))
    return re.sub(r"/{2,}", "/", path.replace("\\", "/"))


# Query parameters of Gradio's page route the chat does not use: ``page`` naming no
# page is a 500 in Gradio, ``deep_link`` reads saved state from the upload folder.
PAGE_PARAMS = frozenset({"page", "deep_link"})


class BlockedRoutes:
    """404 for any path not in :data:`OPEN_ROUTES`, for Gradio upload/file/proxy routes
    and any path with ``..``; 400 for a path with control characters or the chat page
    with a :data:`PAGE_PARAMS` parameter."""

    def __init__(self, app: ASGIApp) -> None:
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] == "http":
            path = normalised_path(scope)
            if CONTROL_CHARS.search(path):
                await send_json(send, 400, {"error": "the path contains control characters"})
                return
            if (BLOCKED_PATTERNS.search(path) or "/../" in path + "/"
                    or not OPEN_ROUTES.match(path)):
                await send_json(send, 404, {"error": "not found"})
                return
            query = parse_qs(scope.get("query_string", b"").decode("latin-1"),
                             keep_blank_values=True)
            if path == "/" and PAGE_PARAMS & query.keys():
                await send_json(send, 400, {"error": "the chat page takes no such parameter"})
                return
        await self.app(scope, receive, send)


class BodySizeLimit:
    """413 when a request body is larger than ``max_bytes``, however it is sent.

    A declared ``Content-Length`` over the cap is refused at once. Every body is
    then read here, counting the bytes as they arrive (chunked, or more than a
    lying ``Content-Length`` announced), and handed on only once it is complete
    and within the cap; reading stops, and the connection is closed, at the
    first byte over it.
    """

    def __init__(self, app: ASGIApp, max_bytes: int) -> None:
        self.app = app
        self.max_bytes = max_bytes

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        declared = _header(scope, b"content-length")
        if declared is not None and (
            not declared.strip().isdigit() or int(declared) > self.max_bytes
        ):
            await self._too_big(send)
            return
        body, more = bytearray(), True
        while more:
            message = await receive()
            if message["type"] != "http.request":
                await self.app(scope, replay_body(b"", message), send)
                return
            body += message.get("body", b"")
            more = message.get("more_body", False)
            if len(body) > self.max_bytes:
                log.info("refused a request body over %d bytes", self.max_bytes)
                await self._too_big(send)
                return
        await self.app(scope, replay_body(bytes(body), None, receive), send)

    async def _too_big(self, send: Send) -> None:
        await send_json(send, 413, {"error": f"request body is larger than {self.max_bytes} bytes"},
                        headers=[("Connection", "close")])


def replay_body(body: bytes, first: Message | None, then: Receive | None = None) -> Receive:
    """A ``receive`` that returns ``body`` (or ``first``) once, then defers to ``then``."""
    done = False

    async def receive() -> Message:
        nonlocal done
        if not done:
            done = True
            return first or {"type": "http.request", "body": body, "more_body": False}
        if then is None:
            return {"type": "http.disconnect"}
        return await then()

    return receive


class TokenBucket:
    """Per-key token buckets (``burst`` tokens, refilled at ``rate_per_min``).

    ``take`` returns 0.0 when a token was taken, else the seconds until one is free.
    At most ``max_keys`` clients are tracked; the least recently seen are dropped.
    """

    def __init__(self, rate_per_min: int, burst: int | None = None, max_keys: int = 10_000):
        self.rate = rate_per_min / 60.0
        self.burst = float(burst if burst is not None else max(1, rate_per_min))
        self.max_keys = max_keys
        self._state: OrderedDict[str, tuple[float, float]] = OrderedDict()
        self._lock = threading.Lock()

    def take(self, key: str, now: float) -> float:
        with self._lock:
            tokens, last = self._state.pop(key, (self.burst, now))
            tokens = min(self.burst, tokens + (now - last) * self.rate)
            wait = 0.0
            if tokens >= 1.0:
                tokens -= 1.0
            else:
                wait = (1.0 - tokens) / self.rate
            self._state[key] = (tokens, now)
            while len(self._state) > self.max_keys:
                self._state.popitem(last=False)
            return wait


class RateLimit:
    """429 with ``Retry-After`` when a client IP sends too many non-GET requests.

    Only requests that cost work are counted (POSTs: questions, Gradio events);
    page loads and static assets are not. A refused request is answered after
    ``tarpit`` seconds (an idle coroutine, no thread): a client that ignores
    ``Retry-After`` then gets at most one 429 per connection per ``tarpit`` instead
    of a flood of cheap replies that would starve everyone else of CPU.
    """

    def __init__(
        self, app: ASGIApp, bucket: TokenBucket, clock: Callable[[], float], tarpit: float = 0.0
    ) -> None:
        self.app = app
        self.bucket = bucket
        self.clock = clock
        self.tarpit = tarpit

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] == "http" and scope["method"] not in SAFE_METHODS:
            client = scope.get("client")
            key = client[0] if client else "unknown"
            wait = self.bucket.take(key, self.clock())
            if wait > 0:
                retry = str(max(1, int(wait + 0.999)))
                log.info("rate limit: refused a request from one client (retry in %ss)", retry)
                if self.tarpit > 0:
                    await asyncio.sleep(min(self.tarpit, wait))
                await send_json(
                    send,
                    429,
                    {"error": f"too many requests; try again in {retry} seconds"},
                    headers=[("Retry-After", retry)],
                )
                return
        await self.app(scope, receive, send)


def origin_allowed(origin: str, host: str | None, allowed: Iterable[str]) -> bool:
    """True when ``origin`` is same-origin with ``host`` or on the allowlist.

    >>> origin_allowed("http://a:1", "a:1", []), origin_allowed("http://b", "a", ["http://b"])
    (True, True)
    >>> origin_allowed("http://evil", "a", ["http://b"])
    False
    """
    origin = origin.rstrip("/")
    if origin in allowed:
        return True
    return bool(host) and urlsplit(origin).netloc.lower() == (host or "").lower()


class OriginGuard:
    """403 for state-changing requests whose ``Origin`` is foreign and not allowlisted."""

    def __init__(self, app: ASGIApp, allowed: Iterable[str]) -> None:
        self.app = app
        self.allowed = frozenset(o.rstrip("/") for o in allowed)

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] == "http" and scope["method"] not in SAFE_METHODS:
            origin = _header(scope, b"origin")
            if origin is not None and not origin_allowed(
                origin, _header(scope, b"host"), self.allowed
            ):
                await send_json(send, 403, {"error": "this origin is not allowed to use the API"})
                return
        await self.app(scope, receive, send)


class SecurityHeaders:
    """Adds nosniff and a referrer policy to every response, and
    ``frame-ancestors 'self'`` to any response that sets no CSP of its own
    (``/widget`` and ``/doc/`` set theirs in the route)."""

    def __init__(self, app: ASGIApp) -> None:
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return

        async def with_headers(message: Message) -> None:
            if message["type"] == "http.response.start":
                headers = list(message.get("headers", ()))
                names = {k.lower() for k, _ in headers}
                headers += [
                    (b"x-content-type-options", b"nosniff"),
                    (b"referrer-policy", b"strict-origin-when-cross-origin"),
                ]
                if b"content-security-policy" not in names:
                    headers.append((b"content-security-policy", b"frame-ancestors 'self'"))
                message["headers"] = headers
            await send(message)

        await self.app(scope, receive, with_headers)
