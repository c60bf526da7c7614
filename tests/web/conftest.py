"""Shared fixtures: one real index (hash embedder) over the web fixture corpus, and
Debian's Chromium driven by Playwright for the browser tests."""

from __future__ import annotations

import shutil
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import httpx
import pytest

from app.answer.engine import QAEngine
from index import IndexConfig, Retriever, build_index
from tests.web.serving import FIXTURES, make_settings, serve_app


@pytest.fixture(scope="session")
def web_corpus(tmp_path_factory: pytest.TempPathFactory) -> Path:
    corpus = tmp_path_factory.mktemp("web") / "corpus"
    shutil.copytree(FIXTURES / "corpus", corpus)
    return corpus


@pytest.fixture(scope="session")
def web_index(web_corpus: Path) -> Path:
    index_dir = web_corpus.parent / "index"
    build_index(web_corpus, index_dir, IndexConfig(model="hash"))
    return index_dir


@pytest.fixture(scope="session")
def retriever(web_index: Path) -> Retriever:
    return Retriever.load(web_index, model="hash")


@pytest.fixture(scope="session")
def engine(retriever: Retriever) -> QAEngine:
    return QAEngine(retriever)


ALLOWED = "http://allowed.example"


@pytest.fixture(scope="module")
def base_url(
    tmp_path_factory: pytest.TempPathFactory,
    web_corpus: Path,
    web_index: Path,
    retriever: Retriever,
    engine: QAEngine,
) -> Iterator[str]:
    tmp = tmp_path_factory.mktemp("server")
    settings = make_settings(web_corpus, web_index, tmp, allowed_origins=(ALLOWED,))
    with serve_app(settings, retriever, engine) as url:
        yield url


@pytest.fixture()
def client(base_url: str) -> Iterator[httpx.Client]:
    with httpx.Client(base_url=base_url, timeout=30) as c:
        yield c


CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = [
    "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
    "--disable-background-networking", "--disable-component-update", "--disable-sync",
]


@pytest.fixture(scope="session")
def browser() -> Iterator[Any]:
    """One Chromium for the browser tests (never a downloaded browser)."""
    sync_api = pytest.importorskip("playwright.sync_api")
    if not Path(CHROMIUM).exists():
        pytest.skip("Debian's chromium is not installed (apt-get install -y chromium)")
    with sync_api.sync_playwright() as p:
        b = p.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        yield b
        b.close()
