"""Pure parts of the guards: token bucket arithmetic, origin matching, path normalising."""

from __future__ import annotations

import pytest

from app.web.guards import BLOCKED_PATTERNS, TokenBucket, normalised_path, origin_allowed


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
