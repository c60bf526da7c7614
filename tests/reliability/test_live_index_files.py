"""The live index files changed under a running ``python -m app``: truncating
``vectors.npy`` (which killed a memory-mapping server with SIGBUS), overwriting
it with random bytes of the same size (which kept health "ok" while answers
turned into refusals), and a FIFO in place of ``CURRENT``. The server keeps
answering from the copy it verified at load, reports degraded (readiness 503)
until the files match again, and says so without paths or commands."""

from __future__ import annotations

import os
import time
from collections.abc import Callable
from pathlib import Path

import httpx

from index import IndexConfig, build_index
from tests.reliability.helpers import GOLDEN, app_process, copy_corpus, essentials


def _answers(url: str) -> dict[str, dict]:
    with httpx.Client(base_url=url, timeout=30) as client:
        out = {}
        for question in GOLDEN:
            resp = client.post("/api/ask", json={"question": question})
            assert resp.status_code == 200, resp.text
            out[question] = essentials(resp.json())
        return out


def _wait_for(condition: Callable[[], bool], what: str, timeout: float = 20.0) -> None:
    deadline = time.monotonic() + timeout
    while not condition():
        assert time.monotonic() < deadline, f"timed out waiting for {what}"
        time.sleep(0.2)


def _status(url: str) -> tuple[dict, int]:
    health = httpx.get(f"{url}/api/health", timeout=10).json()
    return health, httpx.get(f"{url}/api/ready", timeout=10).status_code


def test_vectors_truncated_and_overwritten_while_serving(tmp_path: Path) -> None:
    corpus = copy_corpus(tmp_path / "corpus")
    index_dir = tmp_path / "idx"
    build_index(corpus, index_dir, IndexConfig(model="hash"))
    vectors = index_dir / "gen-1" / "vectors.npy"
    original = vectors.read_bytes()
    args = ["--corpus", str(corpus), "--index-dir", str(index_dir), "--model", "hash",
            "--rate-limit", "10000/min", "--verify-interval", "1"]
    with app_process(args, tmp_path / "server.log") as (url, proc):
        gold = _answers(url)
        health, ready = _status(url)
        assert health["status"] == "ok" and ready == 200

        with vectors.open("r+b") as fh:  # truncated in place, as a crashed copy would leave it
            fh.truncate(len(original) // 2)
        assert _answers(url) == gold
        assert proc.poll() is None, "the server died when vectors.npy was truncated"
        _wait_for(lambda: _status(url)[1] == 503, "readiness to turn 503")
        health, _ = _status(url)
        assert health["status"] == "degraded"
        assert any("vectors.npy" in p for p in health["problems"]), health
        text = httpx.get(f"{url}/api/health", timeout=10).text
        assert str(tmp_path) not in text and "python -m index" not in text

        vectors.write_bytes(os.urandom(len(original)))  # same size, different bytes
        time.sleep(1.5)
        assert _answers(url) == gold, "answers must come from the copy verified at load"
        assert _status(url)[1] == 503

        vectors.write_bytes(original)  # restored: healthy again
        _wait_for(lambda: _status(url)[1] == 200, "readiness to recover")
        assert _status(url)[0]["status"] == "ok"
        assert proc.poll() is None
    log = (tmp_path / "server.log").read_text(encoding="utf-8", errors="replace")
    assert "vectors.npy" in log and "python -m index build" in log  # the log keeps details


def test_fifo_in_place_of_current_does_not_hang_the_server(tmp_path: Path) -> None:
    corpus = copy_corpus(tmp_path / "corpus")
    index_dir = tmp_path / "idx"
    build_index(corpus, index_dir, IndexConfig(model="hash"))
    args = ["--corpus", str(corpus), "--index-dir", str(index_dir), "--model", "hash",
            "--rate-limit", "10000/min", "--verify-interval", "1"]
    with app_process(args, tmp_path / "server.log") as (url, proc):
        gold = _answers(url)
        (index_dir / "CURRENT").unlink()
        os.mkfifo(index_dir / "CURRENT")
        time.sleep(6)  # past the 5 s reload check, which reads CURRENT
        assert _answers(url) == gold
        assert proc.poll() is None
