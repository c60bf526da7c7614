"""Bounded work per question on every route: the JSON API (which the widget uses)
and the Gradio chat events cut what they pass on, and the embedding model never
sees more than ``MAX_EMBEDDED_QUERY_CHARS`` characters of a question."""

from __future__ import annotations

import threading
import time
from collections.abc import Iterator, Sequence
from pathlib import Path
from typing import Any

import httpx
import numpy as np
import pytest

from app.answer.engine import QAEngine
from app.answer.limits import MAX_QUESTION_CHARS, bounded_history, bounded_question
from app.web.ui import TOO_LONG_TEXT
from index import Retriever
from index.config import MAX_EMBEDDED_QUERY_CHARS
from index.embedder import HashEmbedder
from tests.web.gradio_events import chat_text, event_ids, run_event
from tests.web.serving import make_settings, serve_app

pytestmark = pytest.mark.filterwarnings("ignore::Warning:gradio.queueing")

QUESTION = "我是硕士，去威海工作每个月有多少生活补贴？"
LONG_TURN = "威海硕士生活补贴政策" * 400  # 4,000 characters, the API's per-turn limit


class RecordingEmbedder(HashEmbedder):
    """The stand-in embedder, noting every query text it is given."""

    def __init__(self) -> None:
        super().__init__()
        self.seen: list[str] = []
        self._lock = threading.Lock()

    def embed_queries(self, texts: Sequence[str]) -> np.ndarray:
        with self._lock:
            self.seen.extend(texts)
        return super().embed_queries(texts)


@pytest.fixture(scope="module")
def recorded(tmp_path_factory: pytest.TempPathFactory, web_corpus: Path,
             web_index: Path) -> Iterator[dict[str, Any]]:
    embedder = RecordingEmbedder()
    retriever = Retriever.load(web_index, model="hash", embedder=embedder)
    settings = make_settings(web_corpus, web_index, tmp_path_factory.mktemp("limits"))
    with serve_app(settings, retriever, QAEngine(retriever)) as url, httpx.Client(
            base_url=url, timeout=60) as client:
        yield {"client": client, "embedder": embedder}


def _turn(role: str, text: str) -> dict[str, Any]:
    return {"role": role, "content": [{"type": "text", "text": text}]}


def test_api_long_history_and_question_are_cut_before_embedding(recorded: dict) -> None:
    client, embedder = recorded["client"], recorded["embedder"]
    embedder.seen.clear()
    history = [{"role": "user", "content": LONG_TURN}] * 4 + [
        {"role": "user", "content": QUESTION}]
    follow_up = client.post("/api/ask", json={"question": "那博士呢？", "history": history[-1:]})
    assert "5000" in follow_up.json()["answer"]  # follow-ups still work within the limits
    resp = client.post("/api/ask", json={
        "question": "那博士呢？", "history": [{"role": "user", "content": LONG_TURN}]})
    assert resp.status_code == 200
    resp = client.post("/api/ask", json={"question": "补" * 500, "history": history, "k": 20})
    assert resp.status_code == 200
    assert embedder.seen and max(map(len, embedder.seen)) <= MAX_EMBEDDED_QUERY_CHARS


def test_gradio_overlong_message_is_refused_at_once(recorded: dict) -> None:
    client, embedder = recorded["client"], recorded["embedder"]
    embedder.seen.clear()
    respond = event_ids(client)["respond"]
    t0 = time.perf_counter()
    done = run_event(client, respond, [[_turn("user", QUESTION * 700)], None])
    assert chat_text(done) == TOO_LONG_TEXT
    assert time.perf_counter() - t0 < 10
    assert embedder.seen == []  # nothing was embedded or scored


def test_gradio_long_history_is_cut_like_the_api(recorded: dict) -> None:
    client, embedder = recorded["client"], recorded["embedder"]
    embedder.seen.clear()
    respond = event_ids(client)["respond"]
    # a turn over the 4,000-character limit of /api/ask (a hand-made event), as the body cap allows
    history = [_turn("user", LONG_TURN + "补贴" * 250), _turn("assistant", "答" * 3000)]
    done = run_event(client, respond, [[*history, _turn("user", "那博士呢？")], None])
    assert done["success"] is True and chat_text(done)
    assert embedder.seen and max(map(len, embedder.seen)) <= MAX_EMBEDDED_QUERY_CHARS


def test_engine_limits_cut_question_and_turns() -> None:
    assert bounded_question("问" * 5000) == "问" * MAX_QUESTION_CHARS
    turns = [{"role": "user", "content": "补" * 5000}] * 30 + [{"role": "x", "content": 1}]
    cut = bounded_history(turns)  # type: ignore[arg-type]
    assert len(cut) == 19 and all(len(t["content"]) == 500 for t in cut)
    assert bounded_history([{"role": "user", "content": "短"}]) == [
        {"role": "user", "content": "短"}]
