"""QueryBatcher: concurrent callers share engine calls and each gets exactly its own result."""

from __future__ import annotations

import threading
import time
from collections.abc import Callable, Sequence

import numpy as np
import pytest

from index.batcher import QueryBatcher, query_client
from index.embedder import HashEmbedder

EMBEDDER = HashEmbedder(dim=64)


def single(text: str) -> np.ndarray:
    """The reference: the text embedded alone."""
    return EMBEDDER.embed_queries([text])[0]


def wait_until(condition: Callable[[], bool], timeout: float = 10.0) -> None:
    """Poll ``condition`` (a state check, not a guess at timing) until it holds."""
    deadline = time.monotonic() + timeout
    while not condition():
        if time.monotonic() > deadline:
            raise AssertionError("condition not reached in time")
        time.sleep(0.001)


class GatedEngine:
    """Wraps the hash embedder; records batches; the first call waits for ``gate``.

    Texts containing 坏 make a call fail, as a broken query would.
    """

    def __init__(self) -> None:
        self.gate = threading.Event()
        self.entered = threading.Event()
        self.batches: list[list[str]] = []
        self._lock = threading.Lock()

    def __call__(self, texts: Sequence[str]) -> np.ndarray:
        with self._lock:
            first = not self.batches
            self.batches.append(list(texts))
        if first:
            self.entered.set()
            assert self.gate.wait(10)
        bad = [t for t in texts if "坏" in t]
        if bad:
            raise ValueError(f"cannot embed {bad[0]}")
        return EMBEDDER.embed_queries(texts)


def run_callers(batcher: QueryBatcher, texts: Sequence[str]) -> dict[str, object]:
    """Embed each text from its own thread; result or exception per text."""
    results: dict[str, object] = {}

    def call(text: str) -> None:
        try:
            results[text] = batcher.embed(text)
        except Exception as exc:
            results[text] = exc

    threads = [threading.Thread(target=call, args=(t,)) for t in texts]
    for t in threads:
        t.start()
    return {"threads": threads, "results": results}


def join(run: dict[str, object]) -> dict[str, object]:
    for t in run["threads"]:  # type: ignore[attr-defined]
        t.join(10)
        assert not t.is_alive(), "a caller never got its answer"
    return run["results"]  # type: ignore[return-value]


def test_a_lone_query_is_embedded_at_once_and_alone() -> None:
    calls: list[list[str]] = []
    batcher = QueryBatcher(lambda texts: calls.append(list(texts)) or EMBEDDER.embed_queries(texts))
    vector = batcher.embed("人才公寓")
    assert np.array_equal(vector, single("人才公寓"))
    assert calls == [["人才公寓"]]


def test_queued_queries_share_batches_and_get_their_own_vectors() -> None:
    engine = GatedEngine()
    batcher = QueryBatcher(engine, max_batch=4, max_inflight=1)
    leader = run_callers(batcher, ["问题-领头"])
    assert engine.entered.wait(10)
    followers = [f"问题-{i}" for i in range(10)]
    queued = run_callers(batcher, followers)
    wait_until(lambda: batcher.waiting() == len(followers))
    engine.gate.set()
    results = {**join(leader), **join(queued)}
    for text, vector in results.items():
        assert isinstance(vector, np.ndarray)
        assert np.array_equal(vector, single(text)), text
    assert [len(b) for b in engine.batches] == [1, 4, 4, 2]
    stats = batcher.stats()
    assert (stats.batches, stats.queries, stats.largest) == (4, 11, 4)


def test_many_threads_many_rounds_never_mix_up_vectors() -> None:
    batcher = QueryBatcher(EMBEDDER.embed_queries, max_batch=8, max_inflight=2)
    errors: list[str] = []

    def worker(n: int) -> None:
        for i in range(40):
            text = f"线程{n}的第{i}个问题"
            if not np.array_equal(batcher.embed(text), single(text)):
                errors.append(text)

    threads = [threading.Thread(target=worker, args=(n,)) for n in range(24)]
    for t in threads:
        t.start()
    for t in threads:
        t.join(60)
    assert not errors
    assert batcher.stats().queries == 24 * 40
    assert batcher.waiting() == 0


def test_an_engine_error_reaches_only_the_caller_that_caused_it() -> None:
    engine = GatedEngine()
    batcher = QueryBatcher(engine, max_batch=8, max_inflight=1)
    leader = run_callers(batcher, ["坏问题-领头"])
    assert engine.entered.wait(10)
    texts = ["好问题-1", "坏问题-2", "好问题-3", "好问题-4"]
    queued = run_callers(batcher, texts)
    wait_until(lambda: batcher.waiting() == len(texts))
    engine.gate.set()
    results = {**join(leader), **join(queued)}
    for text, outcome in results.items():
        if "坏" in text:
            assert isinstance(outcome, ValueError) and text in str(outcome)
        else:
            assert np.array_equal(outcome, single(text)), text  # type: ignore[arg-type]
    # the batch of four failed as a whole, then each query was retried alone
    assert sorted(engine.batches[1]) == sorted(texts)
    assert sorted(b[0] for b in engine.batches[2:]) == sorted(texts)
    # and the batcher still works afterwards
    assert np.array_equal(batcher.embed("之后"), single("之后"))


def test_a_wrong_shaped_engine_result_is_an_error_not_a_wrong_vector() -> None:
    batcher = QueryBatcher(lambda texts: np.zeros((len(texts) + 1, 3), dtype=np.float32))
    with pytest.raises(ValueError, match="one row per text"):
        batcher.embed("问题")


@pytest.mark.parametrize("inflight", [1, 2, 3])
def test_at_most_max_inflight_engine_calls_run_at_once(inflight: int) -> None:
    total = 12
    lock = threading.Lock()
    inside = peak = calls = 0
    all_in = threading.Barrier(inflight, timeout=10)
    all_saw_queue = threading.Barrier(inflight, timeout=10)

    def engine(texts: Sequence[str]) -> np.ndarray:
        nonlocal inside, peak, calls
        with lock:
            inside += 1
            calls += 1
            peak = max(peak, inside)
            first = calls <= inflight
        try:
            if first:
                all_in.wait()  # the first ``inflight`` calls overlap, else this breaks
                wait_until(lambda: batcher.waiting() == total - inflight)  # the rest queue
                all_saw_queue.wait()
            return EMBEDDER.embed_queries(texts)
        finally:
            with lock:
                inside -= 1

    batcher = QueryBatcher(engine, max_batch=2, max_inflight=inflight)
    results = join(run_callers(batcher, [f"问{i}" for i in range(total)]))
    assert all(isinstance(v, np.ndarray) for v in results.values()), results
    assert peak == inflight


def test_bad_settings_are_refused() -> None:
    with pytest.raises(ValueError, match="at least 1"):
        QueryBatcher(EMBEDDER.embed_queries, max_batch=0)
    with pytest.raises(ValueError, match="at least 1"):
        QueryBatcher(EMBEDDER.embed_queries, max_inflight=0)


def run_client_callers(batcher: QueryBatcher, texts: Sequence[str], client: str) -> dict:
    """Like :func:`run_callers`, each caller's queries filed under ``client``."""
    results: dict[str, object] = {}

    def call(text: str) -> None:
        query_client.set(client)  # each thread runs in its own context
        results[text] = batcher.embed(text)

    threads = [threading.Thread(target=call, args=(t,)) for t in texts]
    for t in threads:
        t.start()
    return {"threads": threads, "results": results}


def test_a_client_with_many_queued_queries_does_not_hold_the_engine() -> None:
    engine = GatedEngine()
    batcher = QueryBatcher(engine, max_batch=4, max_inflight=1)
    leader = run_client_callers(batcher, ["领头"], "hog")
    assert engine.entered.wait(10)
    hog = [f"占用-{i}" for i in range(12)]
    hogging = run_client_callers(batcher, hog, "hog")
    wait_until(lambda: batcher.waiting() == len(hog))
    others = run_client_callers(batcher, ["别人-1"], "other-1")
    wait_until(lambda: batcher.waiting() == len(hog) + 1)
    late = run_client_callers(batcher, ["别人-2"], "other-2")
    wait_until(lambda: batcher.waiting() == len(hog) + 2)
    engine.gate.set()
    results = {**join(leader), **join(hogging), **join(others), **join(late)}
    assert all(np.array_equal(v, single(k)) for k, v in results.items())  # type: ignore[arg-type]
    # the very next batch serves each waiting client once, before the hog's second query
    next_batch = engine.batches[1]
    assert "别人-1" in next_batch and "别人-2" in next_batch
    assert sum(t.startswith("占用") for t in next_batch) == 2  # one per turn, then the next turn
    assert [len(b) for b in engine.batches] == [1, 4, 4, 4, 2]


def test_long_texts_are_batched_apart_and_split_by_the_character_budget() -> None:
    engine = GatedEngine()
    batcher = QueryBatcher(engine, max_batch=8, max_inflight=1, max_batch_chars=300)
    leader = run_callers(batcher, ["领头"])
    assert engine.entered.wait(10)
    long_texts = [f"{i}" + "长" * 127 for i in range(4)]
    queued = run_callers(batcher, [*long_texts, "短问题-1", "短问题-2"])
    wait_until(lambda: batcher.waiting() == 6)
    engine.gate.set()
    join(leader)
    join(queued)
    later = engine.batches[1:]
    assert all(sum(map(len, b)) <= 300 for b in later)
    assert all(len({len(t) > 64 for t in b}) == 1 for b in later), later  # never mixed
    assert sorted(len(b) for b in later) == [2, 2, 2]
    with pytest.raises(ValueError, match="at least 1"):
        QueryBatcher(EMBEDDER.embed_queries, max_batch_chars=0)


def test_long_queries_leave_a_slot_for_ordinary_ones() -> None:
    engine = GatedEngine()  # the first call (a long query) is held until the gate opens
    batcher = QueryBatcher(engine, max_batch=8, max_inflight=2)
    first = run_client_callers(batcher, ["长" * 128], "heavy")
    assert engine.entered.wait(10)
    second = run_client_callers(batcher, ["长长" * 64], "heavy-2")
    wait_until(lambda: batcher.waiting() == 1)  # a second long call may not take the last slot
    ordinary = join(run_client_callers(batcher, ["硕士补贴多少"], "someone"))
    assert np.array_equal(ordinary["硕士补贴多少"], single("硕士补贴多少"))  # served meanwhile
    assert batcher.waiting() == 1
    engine.gate.set()
    assert all(isinstance(v, np.ndarray) for v in {**join(first), **join(second)}.values())
    assert [len(b[0]) for b in engine.batches] == [128, 6, 128]
