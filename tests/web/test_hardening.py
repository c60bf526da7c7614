"""Regressions of the hostile probe of issue 15, against a real server on loopback:
foreign Host headers, a chunked body behind a lying Content-Length, the Gradio
routes that answered 500 or leaked, response headers and /api/health."""

from __future__ import annotations

import contextlib
import socket
import time
from pathlib import Path

import gradio
import httpx
import pytest

from app.answer.engine import QAEngine
from index import Retriever
from tests.reliability.helpers import copy_corpus, make_v2
from tests.web.gradio_events import event_ids, join
from tests.web.serving import make_settings, serve_app

# Gradio's queue calls a pandas API that pandas 3 deprecates; not ours to fix.
pytestmark = pytest.mark.filterwarnings("ignore::Warning:gradio.queueing")

FOREIGN = "rebound.attacker.example"


@pytest.mark.parametrize("path", ["/", "/api/health", "/gradio_api/app_id", "/widget"])
def test_a_foreign_host_is_refused_with_400(base_url: str, path: str) -> None:
    resp = httpx.get(base_url + path, headers={"Host": FOREIGN}, timeout=10)
    assert resp.status_code == 400
    assert FOREIGN not in resp.text and "--public-host" in resp.json()["error"]
    ask = httpx.post(base_url + "/api/ask", json={"question": "补贴"},
                     headers={"Host": f"{FOREIGN}:80"}, timeout=10)
    assert ask.status_code == 400


def test_a_foreign_x_forwarded_host_is_refused_too(base_url: str) -> None:
    """Gradio builds the page's root URL from X-Forwarded-Host when it is present."""
    resp = httpx.get(base_url + "/", headers={"X-Forwarded-Host": FOREIGN}, timeout=10)
    assert resp.status_code == 400 and FOREIGN not in resp.text
    both = httpx.get(base_url + "/", headers={"X-Forwarded-Host": f"localhost, {FOREIGN}"},
                     timeout=10)
    assert both.status_code == 400
    assert httpx.get(base_url + "/", headers={"X-Forwarded-Host": "localhost"},
                     timeout=10).status_code == 200


@pytest.mark.parametrize("host", ["127.0.0.1", "localhost", "LOCALHOST", "[::1]"])
def test_loopback_host_names_are_served(base_url: str, host: str) -> None:
    port = base_url.rsplit(":", 1)[1]
    resp = httpx.get(base_url + "/api/health", headers={"Host": f"{host}:{port}"}, timeout=10)
    assert resp.status_code == 200


def test_public_host_is_served_and_is_what_the_page_names(
    tmp_path: Path, web_corpus: Path, web_index: Path, retriever: Retriever, engine: QAEngine
) -> None:
    settings = make_settings(web_corpus, web_index, tmp_path, public_host=("policy.example",))
    with serve_app(settings, retriever, engine) as url:
        page = httpx.get(url + "/", headers={"Host": "policy.example"}, timeout=10)
        assert page.status_code == 200 and "policy.example" in page.text
        assert httpx.get(url + "/", headers={"Host": FOREIGN}, timeout=10).status_code == 400


def _raw_request(base_url: str, head: bytes, chunks: int, chunk: bytes) -> tuple[bytes, int]:
    """Send ``head`` then up to ``chunks`` chunked-encoding chunks, stopping when the server
    answers; returns the reply and how many body bytes were sent by then."""
    host, port = base_url.removeprefix("http://").split(":")
    sent = 0
    with socket.create_connection((host, int(port)), timeout=10) as sock:
        sock.sendall(head)
        sock.settimeout(0.0)
        reply = b""
        for _ in range(chunks):
            with contextlib.suppress(BlockingIOError):
                reply += sock.recv(65536)
            if reply:
                break
            try:
                sock.sendall(b"%x\r\n" % len(chunk) + chunk + b"\r\n")
                sent += len(chunk)
            except (BlockingIOError, BrokenPipeError, ConnectionResetError):
                break
            time.sleep(0.001)
        sock.settimeout(10)
        try:
            while b"\r\n\r\n" not in reply:
                more = sock.recv(65536)
                if not more:
                    break
                reply += more
        except (ConnectionResetError, TimeoutError):
            pass
    return reply, sent


def test_chunked_body_behind_a_lying_content_length_is_cut_off_at_the_cap(
    base_url: str,
) -> None:
    head = (b"POST /api/ask HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\n"
            b"Content-Length: 4\r\nTransfer-Encoding: chunked\r\n\r\n")
    chunk = b'{"question": "' + "补".encode() * 20000  # 60 kB a chunk, 100 MB in all
    reply, sent = _raw_request(base_url, head, chunks=1700, chunk=chunk)
    assert reply.startswith(b"HTTP/1.1 413"), reply[:200]
    assert sent < 5_000_000, f"the server read {sent} bytes before refusing"


def test_streamed_body_under_the_cap_still_works(client: httpx.Client) -> None:
    def parts():
        yield b'{"question": "'
        yield "我是硕士，去威海工作每个月有多少生活补贴？".encode()
        yield b'"}'

    resp = client.post("/api/ask", content=parts(), headers={"Content-Type": "application/json"})
    assert resp.status_code == 200 and "3000" in resp.json()["answer"]


def test_queue_join_with_deep_nesting_is_422_not_500(client: httpx.Client) -> None:
    for body in (b"[" * 30_000, b'{"data": ' + b"[" * 30_000 + b"]" * 30_000 + b"}"):
        resp = client.post("/gradio_api/queue/join", content=body,
                           headers={"Content-Type": "application/json"})
        assert resp.status_code == 422, resp.text
        assert "nests deeper" in resp.json()["error"]


def test_queue_join_for_an_unknown_event_is_422_not_500(client: httpx.Client) -> None:
    known = set(event_ids(client).values())
    unknown = max(known) + 1
    resp = join(client, unknown, [], session="abcdefgh12")
    assert resp.status_code == 422 and f"fn_index {unknown}" in resp.json()["error"]
    assert join(client, min(known), [[]], session="abcdefgh12").status_code == 200


@pytest.mark.parametrize(
    ("method", "path", "kwargs"),
    [
        ("POST", "/gradio_api/component_server",
         {"json": {"data": 1, "component_id": 999, "session_hash": "abcdefgh12", "fn_name": "x"}}),
        ("POST", "/gradio_api/component_server", {"files": {"x": ("", b"")}}),
        ("POST", "/gradio_api/component_server/", {"content": b""}),
        ("GET", "/config", {}),
        ("GET", "/gradio_api/info", {}),
        ("GET", "/gradio_api/openapi.json", {}),
        ("GET", "/gradio_api/queue/status", {}),
        ("POST", "/gradio_api/cancel", {"json": {"session_hash": "abcdefgh12", "fn_index": 1}}),
        ("POST", "/gradio_api/reset", {"json": {"event_id": "x"}}),
        ("GET", "/gradio_api/startup-events", {}),
        ("GET", "/svelte/x.js", {}),
        ("GET", "/manifest.json", {}),
        ("GET", "/login_check", {}),
        ("GET", "/gradio_api/deep_link", {}),
    ],
)
def test_gradio_routes_the_chat_does_not_use_are_closed(
    client: httpx.Client, method: str, path: str, kwargs: dict
) -> None:
    resp = client.request(method, path, **kwargs)
    assert resp.status_code == 404, (path, resp.status_code, resp.text[:200])


def test_routes_the_chat_uses_stay_open(client: httpx.Client) -> None:
    for path in ("/", "/theme.css", "/gradio_api/app_id", "/widget.js", "/docs"):
        assert client.get(path).status_code == 200, path


def test_no_server_header_and_no_gradio_version_outside_the_page(client: httpx.Client) -> None:
    for resp in (client.get("/api/health"), client.get("/"), client.get("/nope"),
                 client.post("/api/ask", json={"question": "补贴"}),
                 client.get("/gradio_api/app_id")):
        assert "server" not in resp.headers, resp.request.url
    for path in ("/api/health", "/openapi.json", "/gradio_api/app_id", "/theme.css"):
        assert gradio.__version__ not in client.get(path).text, path


def test_health_shows_no_paths_or_commands(client: httpx.Client, web_index: Path) -> None:
    resp = client.get("/api/health")
    assert resp.json()["status"] == "ok" and resp.json()["problems"] == []
    assert str(web_index) not in resp.text and "index_dir" not in resp.text
    ready = client.get("/api/ready")
    assert ready.status_code == 200 and ready.json() == {"ready": True, "problems": []}


def test_a_bad_new_generation_is_degraded_without_leaking_paths(tmp_path: Path) -> None:
    from index import IndexConfig, build_index

    corpus = copy_corpus(tmp_path / "corpus")
    index_dir = tmp_path / "idx"
    build_index(corpus, index_dir, IndexConfig(model="hash"))
    retriever = Retriever.load(index_dir, model="hash")
    settings = make_settings(corpus, index_dir, tmp_path)
    with serve_app(settings, retriever, QAEngine(retriever)) as url:
        make_v2(corpus)
        build_index(corpus, index_dir, IndexConfig(model="hash"))  # gen-2, now CURRENT
        faiss_file = index_dir / "gen-2" / "dense.faiss"
        faiss_file.write_bytes(faiss_file.read_bytes()[:100])
        deadline = time.monotonic() + 30
        while httpx.get(f"{url}/api/ready", timeout=10).status_code == 200:
            assert time.monotonic() < deadline, "the bad generation was never noticed"
            time.sleep(0.5)
        health = httpx.get(f"{url}/api/health", timeout=10)
        body = health.json()
        assert body["status"] == "degraded" and body["generation"] == 1
        assert any("gen-2" in p and "dense.faiss" in p for p in body["problems"]), body
        assert str(tmp_path) not in health.text and "python -m index" not in health.text
        ask = httpx.post(f"{url}/api/ask", json={"question": "补贴"}, timeout=30)
        assert ask.status_code == 200


@pytest.mark.parametrize("query", ["page=x", "page=", "deep_link=abc", "__theme=dark&page=x"])
def test_chat_page_parameters_it_does_not_use_are_400_not_500(
    client: httpx.Client, query: str
) -> None:
    assert client.get(f"/?{query}").status_code == 400
    assert client.get("/?__theme=dark").status_code == 200
