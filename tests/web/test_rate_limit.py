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
