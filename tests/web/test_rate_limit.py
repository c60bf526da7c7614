"""The per-client rate limit on a server configured for 3 requests a minute."""

from __future__ import annotations

from pathlib import Path

import httpx
import pytest

from app.answer.engine import QAEngine
from index import Retriever
from tests.web.serving import make_settings, serve_app


def test_fourth_question_in_a_minute_gets_429_with_retry_after(
    tmp_path: Path, web_corpus: Path, web_index: Path, retriever: Retriever, engine: QAEngine
) -> None:
    settings = make_settings(web_corpus, web_index, tmp_path, rate_limit_per_min=3)
    with serve_app(settings, retriever, engine) as url, httpx.Client(base_url=url) as client:
        codes = [
            client.post("/api/ask", json={"question": "硕士生活补贴"}).status_code
            for _ in range(3)
        ]
        assert codes == [200, 200, 200]
        limited = client.post("/api/ask", json={"question": "硕士生活补贴"})
        assert limited.status_code == 429
        assert 1 <= int(limited.headers["retry-after"]) <= 20
        assert "try again" in limited.json()["error"]
        # reading pages and health is not limited
        assert client.get("/api/health").status_code == 200
        assert client.get("/widget.js").status_code == 200


@pytest.mark.parametrize("n", [1, 5])
def test_rate_limit_setting_reaches_the_server(
    tmp_path: Path, web_corpus: Path, web_index: Path, retriever: Retriever, engine: QAEngine,
    n: int,
) -> None:
    settings = make_settings(web_corpus, web_index, tmp_path, rate_limit_per_min=n)
    with serve_app(settings, retriever, engine) as url, httpx.Client(base_url=url) as client:
        codes = [
            client.post("/api/ask", json={"question": "补贴"}).status_code for _ in range(n + 1)
        ]
    assert codes == [200] * n + [429]


def test_rotating_x_forwarded_for_does_not_escape_the_limit(
    tmp_path: Path, web_corpus: Path, web_index: Path, retriever: Retriever, engine: QAEngine
) -> None:
    """By default no proxy is trusted, so a client cannot pose as many by rotating the header."""
    settings = make_settings(web_corpus, web_index, tmp_path, rate_limit_per_min=3)
    with serve_app(settings, retriever, engine) as url, httpx.Client(base_url=url) as client:
        codes = [
            client.post("/api/ask", json={"question": "补贴"},
                        headers={"X-Forwarded-For": f"10.0.0.{i}"}).status_code
            for i in range(6)
        ]
    assert codes == [200, 200, 200, 429, 429, 429]


def test_a_named_proxy_is_trusted_for_the_client_address(
    tmp_path: Path, web_corpus: Path, web_index: Path, retriever: Retriever, engine: QAEngine
) -> None:
    """``--forwarded-allow-ips 127.0.0.1``: each forwarded client has its own allowance."""
    settings = make_settings(web_corpus, web_index, tmp_path, rate_limit_per_min=2,
                             forwarded_allow_ips=("127.0.0.1",))
    with serve_app(settings, retriever, engine) as url, httpx.Client(base_url=url) as client:
        def ask(client_ip: str) -> int:
            return client.post("/api/ask", json={"question": "补贴"},
                               headers={"X-Forwarded-For": client_ip}).status_code

        assert [ask("203.0.113.1") for _ in range(3)] == [200, 200, 429]
        assert [ask("203.0.113.2") for _ in range(2)] == [200, 200]
