"""Test helpers: build the app over the fixture index and serve it for real.

The server is uvicorn on a socket already bound to a free loopback port, run in
a thread, so tests talk to it over real HTTP.
"""

from __future__ import annotations

import contextlib
import functools
import http.server
import socket
import threading
import time
from collections.abc import Iterator
from dataclasses import replace
from pathlib import Path

import uvicorn

from app.answer.engine import QAEngine
from app.web.server import create_app, uvicorn_options
from app.web.settings import Settings
from index import Retriever

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures" / "web"


def bound_socket() -> socket.socket:
    """A listening-ready TCP socket on 127.0.0.1 with a port chosen by the OS."""
    sock = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
    sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
    # as uvicorn's own sockets: without it each response waits ~40 ms for a delayed ACK
    sock.setsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY, 1)
    sock.bind(("127.0.0.1", 0))
    return sock


def make_settings(corpus: Path, index_dir: Path, tmp: Path, **changes: object) -> Settings:
    base = Settings(
        corpus=corpus,
        index_dir=index_dir,
        model="hash",
        feedback_file=tmp / "feedback.jsonl",
        rate_limit_per_min=1000,
    )
    return replace(base, **changes)  # type: ignore[arg-type]


@contextlib.contextmanager
def serve_app(settings: Settings, retriever: Retriever, engine: QAEngine) -> Iterator[str]:
    """Serve ``create_app(settings, ...)`` on a free loopback port; yields the base URL."""
    sock = bound_socket()
    port = sock.getsockname()[1]
    app = create_app(replace(settings, port=port), engine, retriever)
    config = uvicorn.Config(app, log_level="warning", lifespan="on",
                            **uvicorn_options(settings))  # type: ignore[arg-type]
    server = uvicorn.Server(config)
    thread = threading.Thread(target=server.run, kwargs={"sockets": [sock]}, daemon=True)
    thread.start()
    deadline = time.monotonic() + 30
    while not server.started:
        if not thread.is_alive() or time.monotonic() > deadline:
            raise RuntimeError("uvicorn did not start")
        time.sleep(0.05)
    try:
        yield f"http://127.0.0.1:{port}"
    finally:
        server.should_exit = True
        thread.join(timeout=10)
        sock.close()


@contextlib.contextmanager
def static_site(directory: Path) -> Iterator[str]:
    """A plain ``http.server`` for ``directory`` on its own loopback port (another origin)."""

    class Quiet(http.server.SimpleHTTPRequestHandler):
        def log_message(self, format: str, *args: object) -> None:
            pass

    handler = functools.partial(Quiet, directory=str(directory))
    httpd = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{httpd.server_address[1]}"
    finally:
        httpd.shutdown()
        httpd.server_close()
