"""Shared helpers for the reliability tests: corpora, golden answers, subprocesses."""

from __future__ import annotations

import contextlib
import os
import shutil
import socket
import subprocess
import sys
import time
from collections.abc import Iterator, Sequence
from pathlib import Path
from typing import Any

import httpx

from app.answer.engine import QAEngine
from app.web.api import answer_json
from index import Retriever
from tests.web.serving import FIXTURES, make_settings, serve_app

ROOT = Path(__file__).resolve().parents[2]

GOLDEN = (
    "硕士在威海每个月有多少生活补贴？",
    "博士来青岛购房有什么补贴？",
    "就业见习补贴每月多少钱？",
    "人才公寓租金怎么算？",
)

# Version 2 of the corpus: an amount changed, one document removed, one added,
# so answers from the two generations differ and a mix would be visible.
NEW_DOC = (
    "烟台市高校毕业生求职创业补贴办法\n\n烟台市人力资源和社会保障局\n2024年6月1日\n\n"
    "一、补贴标准\n\n符合条件的毕业年度高校毕业生，给予一次性求职创业补贴2000元。\n"
)


def copy_corpus(dest: Path) -> Path:
    """A fresh copy of the web fixture corpus (version 1)."""
    shutil.copytree(FIXTURES / "corpus", dest)
    return dest


def make_v2(corpus: Path) -> None:
    """Turn a version-1 corpus into version 2 in place."""
    weihai = corpus / "weihai_subsidy.txt"
    weihai.write_text(
        weihai.read_text(encoding="utf-8").replace("3000元", "3600元"), encoding="utf-8"
    )
    (corpus / "internship_notice.txt").unlink()
    (corpus / "yantai_grads.txt").write_text(NEW_DOC, encoding="utf-8")


def essentials(body: dict[str, Any]) -> dict[str, Any]:
    """The user-visible part of an /api/ask body: text, refusal and citations."""
    return {k: body[k] for k in ("answer", "refused", "citations")}


def golden_answers(index_dir: Path) -> dict[str, dict[str, Any]]:
    """Answers to :data:`GOLDEN` computed in-process from ``index_dir``."""
    engine = QAEngine(Retriever.load(index_dir, model="hash"))
    return {q: essentials(answer_json(engine.answer(q))) for q in GOLDEN}


def ask_all(url: str, questions: Sequence[str] = GOLDEN) -> dict[str, dict[str, Any]]:
    """Ask every question over HTTP; each must get a 200."""
    out = {}
    with httpx.Client(base_url=url, timeout=30) as client:
        for q in questions:
            resp = client.post("/api/ask", json={"question": q})
            assert resp.status_code == 200, resp.text
            out[q] = essentials(resp.json())
    return out


@contextlib.contextmanager
def serve_index(corpus: Path, index_dir: Path, tmp: Path, **changes: object) -> Iterator[str]:
    """Load ``index_dir`` as the server would and serve it on loopback; yields the URL."""
    retriever = Retriever.load(index_dir, model="hash")
    settings = make_settings(corpus, index_dir, tmp, **changes)
    with serve_app(settings, retriever, QAEngine(retriever)) as url:
        yield url


def free_port() -> int:
    """A loopback port that was free a moment ago."""
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


@contextlib.contextmanager
def app_process(args: Sequence[str], log: Path, *, timeout: float = 120) -> Iterator[
        tuple[str, subprocess.Popen[bytes]]]:
    """``python -m app ARGS --port P`` as a separate process (so whatever the index folder
    does to it cannot take the test runner down); yields its URL and the process once
    ``/api/health`` answers. Its output goes to ``log``."""
    port = free_port()
    env = {**os.environ, "PYTHONUNBUFFERED": "1", "GRADIO_ANALYTICS_ENABLED": "False"}
    with log.open("wb") as out:
        proc = subprocess.Popen([sys.executable, "-m", "app", *args, "--port", str(port)],
                                cwd=ROOT, env=env, stdout=out, stderr=subprocess.STDOUT)
        url = f"http://127.0.0.1:{port}"
        try:
            deadline = time.monotonic() + timeout
            while True:
                assert proc.poll() is None, log.read_text(encoding="utf-8", errors="replace")
                assert time.monotonic() < deadline, "python -m app did not start in time"
                try:
                    httpx.get(f"{url}/api/health", timeout=2)
                    break
                except httpx.HTTPError:
                    time.sleep(0.3)
            yield url, proc
        finally:
            proc.kill()
            proc.wait(timeout=30)


def run_module(
    args: Sequence[str], *, env: dict[str, str] | None = None, timeout: float = 120
) -> subprocess.CompletedProcess[str]:
    """Run ``python -m ...`` from the repository root with a timeout (never hangs)."""
    full_env = {**os.environ, "PYTHONUNBUFFERED": "1", **(env or {})}
    return subprocess.run(
        [sys.executable, "-m", *args], cwd=ROOT, env=full_env, capture_output=True,
        text=True, timeout=timeout, check=False,
    )
