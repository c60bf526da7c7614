"""Two ``python -m app`` replicas serving one index from a Milvus Lite server on
loopback: identical answers, and a generation built by a third process is picked
up by both without a restart."""

from __future__ import annotations

import contextlib
import os
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path

import httpx

from index import IndexConfig, MilvusLocation, build_index
from tests.milvus.lite import free_port, stop
from tests.reliability.helpers import ask_all, copy_corpus, golden_answers, make_v2, run_module

ROOT = Path(__file__).resolve().parents[2]


@contextlib.contextmanager
def replica(uri: str, tmp: Path, name: str) -> Iterator[str]:
    """``python -m app --backend milvus`` (no corpus: Milvus holds the index); yields its URL."""
    port = free_port()
    env = {k: v for k, v in os.environ.items() if not k.startswith("POLICYQA_")}
    env.update(PYTHONPATH=str(ROOT), GRADIO_ANALYTICS_ENABLED="False")
    log = tmp / f"{name}.log"
    with log.open("w") as out:
        proc = subprocess.Popen(
            [sys.executable, "-m", "app", "--backend", "milvus", "--milvus-uri", uri,
             "--model", "hash", "--port", str(port), "--rate-limit", "1000/min",
             "--feedback-file", str(tmp / f"{name}-feedback.jsonl")],
            cwd=tmp, env=env, stdout=out, stderr=subprocess.STDOUT,
        )
    url = f"http://127.0.0.1:{port}"
    try:
        deadline = time.monotonic() + 180
        while True:
            assert proc.poll() is None, log.read_text()
            try:
                if httpx.get(f"{url}/api/health", timeout=2).status_code == 200:
                    break
            except httpx.TransportError:
                pass
            assert time.monotonic() < deadline, log.read_text()
            time.sleep(0.5)
        yield url
    finally:
        stop(proc)


def _generation(url: str) -> int:
    health = httpx.get(f"{url}/api/health", timeout=10).json()
    assert health["index"]["backend"] == "milvus"
    return int(health["generation"])


def test_two_replicas_answer_alike_and_follow_a_new_generation(
    tmp_path: Path, lite_uri: str
) -> None:
    location = MilvusLocation(lite_uri)
    corpus = copy_corpus(tmp_path / "corpus")
    build_index(corpus, location, IndexConfig(model="hash"))
    gold1 = golden_answers(location)
    with replica(lite_uri, tmp_path, "a") as a, replica(lite_uri, tmp_path, "b") as b:
        assert _generation(a) == _generation(b) == 1
        assert ask_all(a) == ask_all(b) == gold1
        make_v2(corpus)
        built = run_module(["index", "build", str(corpus), "--backend", "milvus",
                            "--milvus-uri", lite_uri, "--model", "hash", "--no-progress"])
        assert built.returncode == 0, built.stderr
        gold2 = golden_answers(location)
        assert gold2 != gold1
        deadline = time.monotonic() + 90
        while {_generation(a), _generation(b)} != {2}:  # each check may start a reload
            assert time.monotonic() < deadline, "a replica never picked up generation 2"
            time.sleep(0.5)
        assert ask_all(a) == ask_all(b) == gold2
