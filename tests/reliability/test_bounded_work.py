"""With the real embedding model, the heaviest questions the limits allow cost about
what a normal one does: a 4,000-character history turn took 10 s instead of 0.2 s,
and two long Gradio messages pushed another user's answer from 0.4 s to 75 s.
Timings are compared with a baseline measured in the same run (the machine is shared)."""

from __future__ import annotations

import statistics
import threading
import time
from collections.abc import Iterator
from typing import Any

import httpx
import pytest

from app.answer.engine import QAEngine
from index import IndexConfig, Retriever, build_index
from tests.reliability.helpers import copy_corpus
from tests.web.gradio_events import event_ids, run_event
from tests.web.serving import make_settings, serve_app

pytestmark = [pytest.mark.slow, pytest.mark.filterwarnings("ignore::Warning:gradio.queueing")]

QUESTION = "我是硕士，去威海工作每个月有多少生活补贴？"
LONG_TURN = "威海硕士生活补贴政策" * 400


@pytest.fixture(scope="module")
def real(tmp_path_factory: pytest.TempPathFactory) -> Iterator[dict[str, Any]]:
    root = tmp_path_factory.mktemp("bounded")
    corpus = copy_corpus(root / "corpus")
    build_index(corpus, root / "idx", IndexConfig())  # the default, real model
    retriever = Retriever.load(root / "idx")
    settings = make_settings(corpus, root / "idx", root, model=None,
                             rate_limit_per_min=100_000)
    with serve_app(settings, retriever, QAEngine(retriever)) as url, httpx.Client(
            base_url=url, timeout=120) as client:
        client.post("/api/ask", json={"question": QUESTION})  # warm up
        yield {"client": client, "url": url}


def _timed(client: httpx.Client, body: dict[str, Any]) -> float:
    t0 = time.perf_counter()
    resp = client.post("/api/ask", json=body)
    assert resp.status_code == 200, resp.text
    return time.perf_counter() - t0


def _baseline(client: httpx.Client) -> float:
    return statistics.median(_timed(client, {"question": QUESTION}) for _ in range(5))


def test_a_long_history_turn_costs_about_a_normal_question(real: dict[str, Any]) -> None:
    client = real["client"]
    base = _baseline(client)
    heavy = {"question": "那博士呢？", "history": [{"role": "user", "content": LONG_TURN}]}
    long = statistics.median(_timed(client, heavy) for _ in range(3))
    assert long < 5 * base + 0.3, f"long history {long:.2f} s vs normal {base:.2f} s"


def test_long_gradio_messages_do_not_stall_another_user(real: dict[str, Any]) -> None:
    client, url = real["client"], real["url"]
    base = _baseline(client)
    respond = event_ids(client)["respond"]
    heavy = [{"role": "user", "content": [{"type": "text", "text": LONG_TURN}]},
             {"role": "user", "content": [{"type": "text", "text": ("硕士补贴" * 125)}]}]
    errors: list[BaseException] = []

    def flood() -> None:
        try:
            with httpx.Client(base_url=url, timeout=120) as own:
                for _ in range(3):
                    run_event(own, respond, [heavy, None], timeout=120)
        except BaseException as exc:  # reported below
            errors.append(exc)

    floods = [threading.Thread(target=flood) for _ in range(2)]
    for thread in floods:
        thread.start()
    time.sleep(0.2)
    during = statistics.median(_timed(client, {"question": QUESTION}) for _ in range(5))
    for thread in floods:
        thread.join(300)
    assert not errors, errors
    assert during < 5 * base + 0.5, f"another user waited {during:.2f} s vs {base:.2f} s alone"
