"""One abusive client (many connections, one address) gets 429s, slowly,
while another client on its own loopback address is still served."""

from __future__ import annotations

import threading
import time
from pathlib import Path

import httpx

from index import IndexConfig, build_index
from tests.reliability.helpers import copy_corpus, serve_index


def _client(source_ip: str, url: str) -> httpx.Client:
    return httpx.Client(base_url=url, timeout=30,
                        transport=httpx.HTTPTransport(local_address=source_ip))


def test_abuser_is_limited_and_slowed_others_served(tmp_path: Path) -> None:
    corpus = copy_corpus(tmp_path / "corpus")
    build_index(corpus, tmp_path / "idx", IndexConfig(model="hash"))
    with serve_index(corpus, tmp_path / "idx", tmp_path, rate_limit_per_min=6) as url:
        codes: list[int] = []
        lock = threading.Lock()
        stop = time.monotonic() + 3.0

        def abuse() -> None:
            with _client("127.0.1.1", url) as client:
                while time.monotonic() < stop:
                    code = client.post("/api/ask", json={"question": "补贴"}).status_code
                    with lock:
                        codes.append(code)

        threads = [threading.Thread(target=abuse) for _ in range(4)]
        for t in threads:
            t.start()
        time.sleep(1.0)  # the abuser has spent its burst by now
        with _client("127.0.0.2", url) as polite:
            resp = polite.post("/api/ask", json={"question": "硕士在威海有多少生活补贴？"})
        for t in threads:
            t.join()
    assert resp.status_code == 200 and "3000" in resp.json()["answer"]
    assert codes.count(200) <= 6, "the burst is the per-minute allowance"
    assert codes.count(429) >= 4
    # each refusal is held for up to a second, so 4 connections get at most ~4/s
    assert len(codes) <= 6 + 4 * 4, f"{len(codes)} replies in 3 s: the tarpit is not working"
