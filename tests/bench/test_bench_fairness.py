"""The fairness benchmark's heavy questions are the heaviest the limits allow (the
benchmark itself is not a test)."""

from __future__ import annotations

import json

import pytest

from bench.bench_fairness import MAX_QUESTION, MAX_TURN, heavy_bodies
from tests.paths import SAMPLE_CORPUS


@pytest.fixture(scope="module")
def bodies() -> list[dict]:
    if not SAMPLE_CORPUS.is_dir():
        pytest.skip(f"sample corpus not found at {SAMPLE_CORPUS}")
    return heavy_bodies(SAMPLE_CORPUS, seed=0)


def test_heavy_bodies_fill_the_limits_under_the_body_cap(bodies: list[dict]) -> None:
    long_question, follow_up = bodies
    assert len(long_question["question"]) == MAX_QUESTION
    assert all(len(t["content"]) == MAX_TURN for t in long_question["history"])
    assert follow_up["question"] == "那博士呢？" and follow_up["k"] == 20
    for body in bodies:
        assert len(json.dumps(body, ensure_ascii=False).encode("utf-8")) <= 64 * 1024

