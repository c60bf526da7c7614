"""``python -m app`` as a user runs it: with no flags it serves the demo corpus
shipped in the repository; on first run it builds the index (progress bar) and
then serves everything on one port; a busy port, a missing or empty corpus get
a clear message before anything slow happens."""

from __future__ import annotations

import os
import shutil
import socket
import subprocess
import sys
import time
from pathlib import Path

import httpx

from tests.web.serving import FIXTURES, bound_socket

ROOT = Path(__file__).resolve().parents[2]
NOISE = ("swigfaiss", "ModuleNotFoundError", " DEBUG ", "Traceback")


def clean_env(**extra: str) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith("POLICYQA_")}
    env["PYTHONPATH"] = str(ROOT)
    env["GRADIO_ANALYTICS_ENABLED"] = "False"
    return {**env, **extra}


def free_port() -> int:
    sock = bound_socket()
    port = sock.getsockname()[1]
    sock.close()
    return port


def wait_for_health(proc: subprocess.Popen, port: int, log: Path) -> httpx.Response:
    deadline = time.monotonic() + 120
    while time.monotonic() < deadline and proc.poll() is None:
        try:
            return httpx.get(f"http://127.0.0.1:{port}/api/health", timeout=2)
        except httpx.TransportError:
            time.sleep(0.5)
    raise AssertionError(f"the server did not come up:\n{log.read_text()}")


def test_no_flags_serve_the_demo_corpus(tmp_path: Path) -> None:
    port = free_port()
    log = tmp_path / "server.log"
    env = clean_env(POLICYQA_MODEL="hash", POLICYQA_PORT=str(port))
    with log.open("w") as out:
        proc = subprocess.Popen([sys.executable, "-m", "app"], cwd=tmp_path, env=env,
                                stdout=out, stderr=subprocess.STDOUT)
        try:
            health = wait_for_health(proc, port, log)
            assert health.status_code == 200 and health.json()["n_documents"] == 5
            head = httpx.head(f"http://127.0.0.1:{port}/api/health", timeout=10)
            assert head.status_code == 200 and head.content == b""
            ask = httpx.post(f"http://127.0.0.1:{port}/api/ask",
                             json={"question": "硕士在威海每月生活补贴多少？"}, timeout=30)
            assert not ask.json()["refused"] and "2000" in ask.json()["answer"]
        finally:
            proc.terminate()
            proc.wait(timeout=30)
    text = log.read_text()
    assert "demo/corpus" in text and not [n for n in NOISE if n in text], text


def test_a_busy_port_is_reported_before_the_index_loads(tmp_path: Path) -> None:
    with socket.socket() as taken:
        taken.bind(("127.0.0.1", 0))
        taken.listen()
        port = taken.getsockname()[1]
        started = time.monotonic()
        proc = subprocess.run(
            [sys.executable, "-m", "app", "--model", "hash", "--port", str(port)],
            cwd=tmp_path, env=clean_env(), capture_output=True, text=True, timeout=60,
        )
    assert proc.returncode == 2, proc.stderr
    assert f"port {port}" in proc.stderr and "already in use" in proc.stderr
    assert "--port" in proc.stderr and "POLICYQA_PORT" in proc.stderr
    assert "Traceback" not in proc.stderr and "Errno" not in proc.stderr
    assert not (tmp_path / "indexes").exists()  # nothing was loaded or built
    assert time.monotonic() - started < 30


def test_a_missing_corpus_exits_non_zero_saying_so(tmp_path: Path) -> None:
    proc = subprocess.run(
        [sys.executable, "-m", "app", "--port", str(free_port())], cwd=tmp_path,
        env=clean_env(POLICYQA_CORPUS=str(tmp_path / "nowhere")),
        capture_output=True, text=True, timeout=60,
    )
    assert proc.returncode == 2
    assert "nowhere" in proc.stderr and "does not exist" in proc.stderr
    assert "Traceback" not in proc.stderr


def test_an_empty_corpus_lists_the_supported_file_types(tmp_path: Path) -> None:
    empty = tmp_path / "empty"
    empty.mkdir()
    (empty / "notes.xyz").write_text("不是政策文件", encoding="utf-8")
    proc = subprocess.run(
        [sys.executable, "-m", "app", "--corpus", str(empty), "--model", "hash",
         "--port", str(free_port())],
        cwd=tmp_path, env=clean_env(), capture_output=True, text=True, timeout=120,
    )
    assert proc.returncode == 1
    output = proc.stdout + proc.stderr
    assert "nothing readable" in output and "Traceback" not in output
    for suffix in (".txt", ".md", ".html", ".pdf", ".docx"):
        assert suffix in output.split("supported file types:")[1]


def test_first_run_builds_the_index_then_serves(tmp_path: Path) -> None:
    corpus = tmp_path / "corpus"
    shutil.copytree(FIXTURES / "corpus", corpus)
    port = free_port()
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
    assert not [n for n in NOISE if n in text], text  # third-party noise stays quiet
