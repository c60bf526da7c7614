"""A small OpenAI-compatible chat-completions server on loopback, for tests.

It speaks ``POST /v1/chat/completions`` with ``"stream": true`` (server-sent
events, ``data: [DONE]`` at the end) or a plain JSON reply, records every
request body, and can be told to fail (HTTP status) or to stall (delay).
"""

from __future__ import annotations

import json
import threading
import time
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any


@dataclass
class Behaviour:
    """What the server does with the next requests."""

    reply: str = ""
    status: int = 200
    delay: float = 0.0
    piece: int = 3  # characters per streamed delta
    requests: list[dict[str, Any]] = field(default_factory=list)


def _chunk(content: str) -> bytes:
    event = {"id": "chatcmpl-test", "object": "chat.completion.chunk", "model": "test",
             "choices": [{"index": 0, "delta": {"content": content}, "finish_reason": None}]}
    return f"data: {json.dumps(event, ensure_ascii=False)}\n\n".encode()


def _handler(behaviour: Behaviour) -> type[BaseHTTPRequestHandler]:
    class Handler(BaseHTTPRequestHandler):
        def log_message(self, format: str, *args: object) -> None:  # quiet
            return

        def _send_json(self, status: int, body: dict[str, Any]) -> None:
            data = json.dumps(body, ensure_ascii=False).encode()
            self.send_response(status)
            self.send_header("Content-Type", "application/json")
            self.send_header("Content-Length", str(len(data)))
            self.end_headers()
            self.wfile.write(data)

        def do_POST(self) -> None:
            if self.path != "/v1/chat/completions":
                self._send_json(404, {"error": {"message": f"no route {self.path}"}})
                return
            length = int(self.headers.get("Content-Length", "0"))
            body = json.loads(self.rfile.read(length))
            behaviour.requests.append(body)
            time.sleep(behaviour.delay)
            if behaviour.status != 200:
                self._send_json(behaviour.status, {"error": {"message": "server error"}})
                return
            if not body.get("stream"):
                self._send_json(200, {"choices": [{"index": 0, "message": {
                    "role": "assistant", "content": behaviour.reply}}]})
                return
            self.send_response(200)
            self.send_header("Content-Type", "text/event-stream")
            self.end_headers()
            text = behaviour.reply
            for i in range(0, len(text), behaviour.piece):
                self.wfile.write(_chunk(text[i: i + behaviour.piece]))
                self.wfile.flush()
            self.wfile.write(b"data: [DONE]\n\n")
            self.wfile.flush()

    return Handler


class ChatServer:
    """Runs the handler in a background thread; use as a context manager."""

    def __init__(self) -> None:
        self.behaviour = Behaviour()
        self._server = ThreadingHTTPServer(("127.0.0.1", 0), _handler(self.behaviour))
        self._server.daemon_threads = True
        self._thread = threading.Thread(target=self._server.serve_forever, daemon=True)

    @property
    def base_url(self) -> str:
        host, port = self._server.server_address[:2]
        return f"http://{host}:{port}/v1"

    def __enter__(self) -> ChatServer:
        self._thread.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self._server.shutdown()
        self._server.server_close()
