"""Pure parts of the guards: token bucket arithmetic, origin matching, path normalising,
JSON nesting, open routes and the Host allowlist."""

from __future__ import annotations

import pytest

from app.web.guards import (
    BLOCKED_PATTERNS,
    OPEN_ROUTES,
    TokenBucket,
    normalised_path,
    origin_allowed,
)
from app.web.hosts import allowed_hosts, host_allowed
from app.web.queue_check import join_problem, json_depth


def test_bucket_allows_a_burst_then_refills_at_the_rate() -> None:
    bucket = TokenBucket(rate_per_min=6, burst=2)  # one token every 10 s
    assert bucket.take("a", now=0.0) == 0.0
    assert bucket.take("a", now=0.0) == 0.0
    assert bucket.take("a", now=0.0) == pytest.approx(10.0)
    assert bucket.take("b", now=0.0) == 0.0  # clients are independent
    assert bucket.take("a", now=5.0) == pytest.approx(5.0)
    assert bucket.take("a", now=10.0) == 0.0


def test_bucket_forgets_the_oldest_clients_beyond_max_keys() -> None:
    bucket = TokenBucket(rate_per_min=1, burst=1, max_keys=2)
    for key in "abc":
        bucket.take(key, now=0.0)
    assert bucket.take("a", now=0.0) == 0.0  # "a" was evicted, so it starts full again


@pytest.mark.parametrize(
    ("origin", "host", "allowed", "expected"),
    [
        ("http://127.0.0.1:7860", "127.0.0.1:7860", (), True),
        ("http://127.0.0.1:9999", "127.0.0.1:7860", (), False),
        ("https://jobs.example.com/", "x", ("https://jobs.example.com",), True),
        ("null", "x", (), False),
        ("http://evil.example", None, ("https://jobs.example.com",), False),
    ],
)
def test_origin_allowed(origin: str, host: str | None, allowed: tuple, expected: bool) -> None:
    assert origin_allowed(origin, host, allowed) is expected


@pytest.mark.parametrize(
    ("raw", "blocked"),
    [
        (b"/gradio_api/upload", True),
        (b"/gradio_api/file%3D/etc/passwd", True),
        (b"/gradio_api/file%253D/etc/passwd", True),
        (b"//file=/x", True),
        (b"/gradio_api/proxy=http://x", True),
        (b"/gradio_api/queue/join", False),
        (b"/api/ask", False),
        (b"/doc/abc", False),
    ],
)
def test_blocked_patterns(raw: bytes, blocked: bool) -> None:
    path = normalised_path({"raw_path": raw, "path": raw.decode()})
    assert bool(BLOCKED_PATTERNS.search(path)) is blocked


@pytest.mark.parametrize(
    ("body", "depth"),
    [(b"[]", 1), (b'{"a": [1, {"b": []}]}', 4), (b'["[[[[", "\\"[[["]', 1), (b"[" * 50, 33),
     (b"", 0)],
)
def test_json_depth_counts_without_recursion(body: bytes, depth: int) -> None:
    assert json_depth(body, limit=32) == depth


def test_join_problem_refuses_deep_nesting_and_unknown_events() -> None:
    ok = b'{"data": [[{"role": "user"}]], "fn_index": 1, "session_hash": "abcdefgh1"}'
    assert join_problem(ok, events={0, 1}) is None
    assert "nests deeper" in str(join_problem(b"[" * 30_000))
    assert "names no event" in str(join_problem(ok, events={0}))


@pytest.mark.parametrize(
    ("path", "open_"),
    [("/", True), ("/api/ask", True), ("/doc/abc", True), ("/widget.js", True),
     ("/gradio_api/queue/join", True), ("/gradio_api/heartbeat/abc", True),
     ("/assets/index.js", True), ("/config", False), ("/gradio_api/info", False),
     ("/gradio_api/queue/status", False), ("/gradio_api/component_server", False),
     ("/gradio_api/openapi.json", False), ("/svelte/x.js", False), ("/x", False)],
)
def test_open_routes(path: str, open_: bool) -> None:
    assert bool(OPEN_ROUTES.match(path)) is open_


@pytest.mark.parametrize(
    ("header", "allowed"),
    [("127.0.0.1:7860", True), ("localhost", True), ("[::1]:7860", True),
     ("policy.example:443", True), ("10.1.2.3:7860", True), ("evil.example", False),
     (None, False), ("", False), ("127.0.0.1.evil.example", False)],
)
def test_host_allowlist(header: str | None, allowed: bool) -> None:
    names = allowed_hosts(("policy.example",), "10.1.2.3")
    assert host_allowed(header, names) is allowed
    assert host_allowed("anything", allowed_hosts(("*",)))
