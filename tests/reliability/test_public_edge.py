"""``python -m app`` itself, as the probe met it: uvicorn used to trust
``X-Forwarded-For`` from 127.0.0.1 (rotating it gave 60/60 accepted against a
30/min limit), sent ``server: uvicorn``, answered any Host and showed absolute
paths in /api/health."""

from __future__ import annotations

from pathlib import Path

import httpx

from index import IndexConfig, build_index
from tests.reliability.helpers import app_process, copy_corpus


def test_entry_point_defaults_hold(tmp_path: Path) -> None:
    corpus = copy_corpus(tmp_path / "corpus")
    index_dir = tmp_path / "idx"
    build_index(corpus, index_dir, IndexConfig(model="hash"))
    args = ["--corpus", str(corpus), "--index-dir", str(index_dir), "--model", "hash",
            "--rate-limit", "3/min", "--public-host", "policy.example"]
    with app_process(args, tmp_path / "server.log") as (url, _), httpx.Client(
            base_url=url, timeout=30) as client:
        codes = [client.post("/api/ask", json={"question": "补贴"},
                             headers={"X-Forwarded-For": f"198.51.100.{i}"}).status_code
                 for i in range(6)]
        assert codes == [200, 200, 200, 429, 429, 429]
        health = client.get("/api/health")
        assert "server" not in health.headers
        assert str(tmp_path) not in health.text and health.json()["status"] == "ok"
        assert client.get("/", headers={"Host": "rebound.example"}).status_code == 400
        assert client.get("/", headers={"Host": "policy.example"}).status_code == 200
        assert client.get("/api/ready").status_code == 200


def test_entry_point_trusts_the_named_proxy(tmp_path: Path) -> None:
    corpus = copy_corpus(tmp_path / "corpus")
    index_dir = tmp_path / "idx"
    build_index(corpus, index_dir, IndexConfig(model="hash"))
    args = ["--corpus", str(corpus), "--index-dir", str(index_dir), "--model", "hash",
            "--rate-limit", "1/min", "--forwarded-allow-ips", "127.0.0.1"]
    with app_process(args, tmp_path / "server.log") as (url, _), httpx.Client(
            base_url=url, timeout=30) as client:
        def ask(forwarded_for: str) -> int:
            return client.post("/api/ask", json={"question": "补贴"},
                               headers={"X-Forwarded-For": forwarded_for}).status_code

        assert [ask("198.51.100.1"), ask("198.51.100.2"), ask("198.51.100.1")] == [
            200, 200, 429]


def test_bad_hardening_flags_exit_with_a_message(tmp_path: Path) -> None:
    from tests.reliability.helpers import run_module

    done = run_module(["app", "--corpus", str(tmp_path), "--forwarded-allow-ips", "proxy"],
                      timeout=60)
    assert done.returncode == 2 and "not an IP address" in done.stderr
    assert "Traceback" not in done.stderr
