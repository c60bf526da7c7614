"""Malformed Gradio queue traffic refused before Gradio sees it: a ``queue/join`` body
that nests too deep, is not JSON, names no session or no event of this app, and a
``queue/data`` stream for a malformed or unknown session."""

from __future__ import annotations

import json
import re
from collections.abc import Callable, Collection
from urllib.parse import parse_qs

from app.web.guards import (
    ASGIApp,
    Receive,
    Scope,
    Send,
    normalised_path,
    replay_body,
    send_json,
)

QUEUE_JOIN = re.compile(r"^/gradio_api/queue/join/?$")
QUEUE_DATA = re.compile(r"^/gradio_api/queue/data/?$")
SESSION_HASH = re.compile(r"^[A-Za-z0-9_-]{8,64}$")


MAX_JSON_DEPTH = 32
_JSON_STRING = re.compile(rb'"(?:[^"\\]|\\.)*"', re.DOTALL)
_NOT_BRACKET = bytes(b for b in range(256) if b not in b"[]{}")


def json_depth(body: bytes, limit: int = MAX_JSON_DEPTH) -> int:
    """How deeply ``body``'s arrays and objects nest, counted without recursion
    (strings skipped); counting stops once ``limit`` is passed.

    >>> json_depth(b'{"a": [[1], "]]]"]}'), json_depth(b"[" * 30000, limit=32)
    (3, 33)
    """
    brackets = _JSON_STRING.sub(b"", body).translate(None, _NOT_BRACKET)
    depth = deepest = 0
    for byte in brackets:
        depth += 1 if byte in b"[{" else -1
        if depth > deepest:
            deepest = depth
            if deepest > limit:
                break
    return deepest


def join_problem(body: bytes, events: Collection[int] | None = None) -> str | None:
    """Why a Gradio ``queue/join`` body is malformed, or None when it looks sane.

    Gradio answers some malformed joins (an empty ``session_hash``, a
    ``fn_index`` that names no event) with a 500 and can break other sessions'
    queues, so they are refused before they reach it.

    >>> join_problem(b'{"data": [], "fn_index": 0, "session_hash": "abcdefgh1"}') is None
    True
    >>> join_problem(b'{"data": [], "fn_index": 0, "session_hash": ""}')
    'session_hash must be 8-64 letters, digits, - or _'
    >>> join_problem(b'{"data": [], "fn_index": 9, "session_hash": "abcdefgh1"}', events={0, 1})
    'fn_index 9 names no event of this app'
    """
    if json_depth(body) > MAX_JSON_DEPTH:
        return f"the request body nests deeper than {MAX_JSON_DEPTH} levels"
    try:
        data = json.loads(body)
    except (UnicodeDecodeError, json.JSONDecodeError):
        return "the request body is not valid JSON"
    if not isinstance(data, dict):
        return "the request body must be a JSON object"
    session = data.get("session_hash")
    if not isinstance(session, str) or not SESSION_HASH.match(session):
        return "session_hash must be 8-64 letters, digits, - or _"
    fn_index = data.get("fn_index")
    if fn_index is not None and (type(fn_index) is not int or not 0 <= fn_index < 1000):
        return "fn_index must be a small non-negative integer"
    if events is not None and fn_index not in events:
        return f"fn_index {fn_index} names no event of this app"
    if not isinstance(data.get("data", []), list):
        return "data must be a list"
    return None


class GradioQueueCheck:
    """Refuse malformed Gradio queue traffic before Gradio sees it.

    - ``POST /gradio_api/queue/join`` with a bad body (see :func:`join_problem`): 422;
    - ``GET /gradio_api/queue/data`` for a malformed session: 422, and for a session
      the queue does not know (``session_known``): 404. Gradio itself starts an
      event stream and then fails mid-response for an unknown session.

    Sits inside :class:`BodySizeLimit`, so the body it buffers is already capped.
    ``events()`` gives the app's event numbers (Gradio's ``fn_index`` values).
    """

    def __init__(
        self, app: ASGIApp, session_known: Callable[[str], bool] | None = None,
        events: Callable[[], Collection[int]] | None = None,
    ) -> None:
        self.app = app
        self.session_known = session_known
        self.events = events

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        path = normalised_path(scope)
        if scope["method"] == "GET" and QUEUE_DATA.match(path):
            query = parse_qs(scope.get("query_string", b"").decode("latin-1"))
            session = (query.get("session_hash") or [""])[0]
            if not SESSION_HASH.match(session):
                await send_json(send, 422, {"error": "session_hash is missing or malformed"})
                return
            if self.session_known is not None and not self.session_known(session):
                await send_json(send, 404, {"error": "no such session; join the queue first"})
                return
        if scope["method"] == "POST" and QUEUE_JOIN.match(path):
            body, more = b"", True
            while more:
                message = await receive()
                if message["type"] != "http.request":
                    return  # the client went away
                body += message.get("body", b"")
                more = message.get("more_body", False)
            problem = join_problem(body, self.events() if self.events else None)
            if problem:
                await send_json(send, 422, {"error": problem})
                return
            receive = replay_body(body, None, receive)
        await self.app(scope, receive, send)
