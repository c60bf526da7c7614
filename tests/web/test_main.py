"""``python -m app`` as a user runs it: a clear error without a corpus; on first
run it builds the index (progress bar) and then serves everything on one port."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import time
from pathlib import Path

import httpx

from tests.web.serving import FIXTURES, bound_socket

ROOT = Path(__file__).resolve().parents[2]


def clean_env() -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith("POLICYQA_")}
    env["PYTHONPATH"] = str(ROOT)
    env["GRADIO_ANALYTICS_ENABLED"] = "False"
    return env


def test_no_corpus_exits_non_zero_saying_how_to_give_one(tmp_path: Path) -> None:
    proc = subprocess.run(
        [sys.executable, "-m", "app"], cwd=tmp_path, env=clean_env(),
        capture_output=True, text=True, timeout=60,
    )
    assert proc.returncode == 2
    assert "--corpus DIR" in proc.stderr and "POLICYQA_CORPUS" in proc.stderr
    assert "Traceback" not in proc.stderr


def test_first_run_builds_the_index_then_serves(tmp_path: Path) -> None:
    corpus = tmp_path / "corpus"
    shutil.copytree(FIXTURES / "corpus", corpus)
    sock = bound_socket()
    port = sock.getsockname()[1]
    sock.close()
    log = tmp_path / "server.log"
    with log.open("w") as out:
        proc = subprocess.Popen(
            [sys.executable, "-m", "app", "--corpus", str(corpus), "--model", "hash",
             "--port", str(port), "--rate-limit", "100/min"],
            cwd=tmp_path, env=clean_env(), stdout=out, stderr=subprocess.STDOUT,
        )
        try:
            health = None
            deadline = time.monotonic() + 120
            while time.monotonic() < deadline and proc.poll() is None:
                try:
                    health = httpx.get(f"http://127.0.0.1:{port}/api/health", timeout=2)
                    break
                except httpx.TransportError:
                    time.sleep(0.5)
            assert health is not None and health.status_code == 200, log.read_text()
            assert health.json()["n_documents"] == 3
            ask = httpx.post(f"http://127.0.0.1:{port}/api/ask",
                             json={"question": "硕士在威海每月生活补贴多少？"}, timeout=30)
            assert "3000" in ask.json()["answer"]
            assert httpx.get(f"http://127.0.0.1:{port}/", timeout=10).status_code == 200
        finally:
            proc.terminate()
            proc.wait(timeout=30)
    indexes = list((tmp_path / "indexes").iterdir())
    assert len(indexes) == 1 and indexes[0].name.startswith("corpus-")
    assert (indexes[0] / "CURRENT").exists()
    text = log.read_text()
    assert "building it from" in text and "100%" in text  # the progress bar ran
