"""Host header allowlist: loopback names, the bound address and ``--public-host`` names.

A page on another site whose DNS name is re-pointed at this server (DNS
rebinding) reaches it with its own name in ``Host``; those requests get a 400,
and no foreign name is ever reflected in Gradio's page or ``root``. Gradio
builds that ``root`` from ``X-Forwarded-Host`` when present, so every name in
that header must be on the list too.

>>> allowed = allowed_hosts(("policy.example.com",), "0.0.0.0")
>>> [host_allowed(h, allowed) for h in ("127.0.0.1:7860", "Policy.Example.com", "evil.test")]
[True, True, False]
"""

from __future__ import annotations

from collections.abc import Iterable

from app.web.guards import ASGIApp, Receive, Scope, Send, send_json

LOOPBACK = frozenset({"127.0.0.1", "localhost", "::1"})
WILDCARD_BINDS = frozenset({"", "0.0.0.0", "::"})


def host_name(header: str) -> str:
    """The host part of a ``Host`` header, lower-cased, without port or IPv6 brackets.

    >>> host_name("[::1]:7860"), host_name("LocalHost:80"), host_name("a.example")
    ('::1', 'localhost', 'a.example')
    """
    header = header.strip().lower()
    if header.startswith("["):
        return header[1:].split("]", 1)[0]
    if header.count(":") == 1:
        return header.rsplit(":", 1)[0]
    return header


def allowed_hosts(public: Iterable[str], bind: str | None = None) -> frozenset[str]:
    """Loopback names, the bind address (unless a wildcard) and the public names."""
    names = set(LOOPBACK) | {host_name(p) for p in public}
    if bind and bind not in WILDCARD_BINDS:
        names.add(host_name(bind if ":" not in bind or bind.startswith("[") else f"[{bind}]"))
    return frozenset(names)


def host_allowed(header: str | None, allowed: frozenset[str]) -> bool:
    """Whether a request with this ``Host`` header may be served (``*`` allows any)."""
    if "*" in allowed:
        return True
    return bool(header) and host_name(header or "") in allowed


class HostGuard:
    """400 for HTTP and WebSocket requests whose ``Host`` is not on the allowlist."""

    def __init__(self, app: ASGIApp, allowed: frozenset[str]) -> None:
        self.app = app
        self.allowed = allowed

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] in ("http", "websocket"):
            headers = [(k.lower(), v.decode("latin-1")) for k, v in scope.get("headers", ())]
            host = next((v for k, v in headers if k == b"host"), None)
            forwarded = [name for k, v in headers if k == b"x-forwarded-host"
                         for name in v.split(",")]
            if not host_allowed(host, self.allowed) or not all(
                    host_allowed(name, self.allowed) for name in forwarded):
                if scope["type"] == "websocket":
                    await send({"type": "websocket.close", "code": 1008})
                    return
                await send_json(send, 400, {
                    "error": "this server does not answer to that host name; "
                             "the operator can add it with --public-host"})
                return
        await self.app(scope, receive, send)
