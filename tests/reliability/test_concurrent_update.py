"""Searches from many threads while ``update`` writes new generations: every
result comes from exactly one generation, and the server swaps to the new
``CURRENT`` by itself."""

from __future__ import annotations

import threading
import time
from pathlib import Path

import httpx

from app.answer.engine import QAEngine
from app.web.reload import Live, LiveIndex
from index import IndexConfig, Retriever, build_index, update_index
from tests.reliability.helpers import (
    GOLDEN,
    ask_all,
    copy_corpus,
    golden_answers,
    make_v2,
    run_module,
    serve_index,
)

QUERIES = (*GOLDEN, "补贴", "求职创业补贴", "见习单位保险", "青年人才公寓")


def _load(index_dir: Path) -> Retriever:
    return Retriever.load(index_dir, model="hash")


def test_threads_see_one_generation_per_result(tmp_path: Path) -> None:
    corpus = copy_corpus(tmp_path / "corpus")
    index_dir = tmp_path / "idx"
    build_index(corpus, index_dir, IndexConfig(model="hash"))
    first = _load(index_dir)
    live = LiveIndex(index_dir, first, QAEngine(first), load=_load, interval=0.01)
    seen: dict[int, Live] = {}
    records: list[tuple[int, str, tuple[str, ...], tuple[str, ...]]] = []
    stop = threading.Event()
    lock = threading.Lock()

    def reader(offset: int) -> None:
        i = offset
        while not stop.is_set():
            pair = live.live  # one immutable pair per request
            query = QUERIES[i % len(QUERIES)]
            i += 1
            hits = tuple(h.chunk.chunk_id for h in pair.retriever.search(query, k=10))
            cited = tuple(c.chunk_id for c in pair.engine.answer(query).citations)
            with lock:
                seen.setdefault(pair.generation, pair)
                records.append((pair.generation, query, hits, cited))

    threads = [threading.Thread(target=reader, args=(n,)) for n in range(8)]
    for t in threads:
        t.start()
    try:
        v1 = {p.name: p.read_text(encoding="utf-8") for p in corpus.iterdir()}
        for round_ in range(3):  # v1 -> v2 -> v1 -> v2: documents come and go
            time.sleep(0.3)
            if round_ % 2 == 0:
                make_v2(corpus)
            else:
                for p in corpus.iterdir():
                    p.unlink()
                for name, text in v1.items():
                    (corpus / name).write_text(text, encoding="utf-8")
            report = update_index(corpus, index_dir)
            deadline = time.monotonic() + 20
            while live.live.generation != report.generation:
                assert time.monotonic() < deadline, "the new generation was never swapped in"
                time.sleep(0.01)
        time.sleep(0.3)
    finally:
        stop.set()
        for t in threads:
            t.join(timeout=60)
    assert set(seen) == {1, 2, 3, 4}, f"generations observed: {sorted(seen)}"
    for gen, query, hits, cited in records:
        pair = seen[gen]
        chunk_ids = {c.chunk_id for c in pair.retriever.chunks}
        assert set(hits) <= chunk_ids and set(cited) <= chunk_ids, f"mixed result in gen-{gen}"
        # the same generation gives the same list again: nothing from another crept in
        assert tuple(h.chunk.chunk_id for h in pair.retriever.search(query, k=10)) == hits
    assert len(records) > 50


def test_server_picks_up_update_without_restart(tmp_path: Path) -> None:
    corpus = copy_corpus(tmp_path / "corpus")
    index_dir = tmp_path / "idx"
    build_index(corpus, index_dir, IndexConfig(model="hash"))
    reference = tmp_path / "reference"
    gold1 = golden_answers(index_dir)
    with serve_index(corpus, index_dir, tmp_path) as url:
        assert ask_all(url) == gold1
        make_v2(corpus)
        done = run_module(["index", "update", str(corpus), "--index-dir", str(index_dir),
                           "--no-progress"])
        assert done.returncode == 0, done.stderr
        build_index(corpus, reference, IndexConfig(model="hash"))
        deadline = time.monotonic() + 30
        while httpx.get(f"{url}/api/health", timeout=10).json()["generation"] != 2:
            assert time.monotonic() < deadline, "the server never noticed the new CURRENT"
            time.sleep(0.2)
        assert ask_all(url) == golden_answers(reference)
        # a later corrupt generation is refused; the server keeps serving gen-2 and says why
        weihai = corpus / "weihai_subsidy.txt"
        weihai.write_text("威海市人才补贴\n\n补贴5元。\n", encoding="utf-8")
        done = run_module(["index", "update", str(corpus), "--index-dir", str(index_dir),
                           "--no-progress"])
        assert done.returncode == 0, done.stderr
        (index_dir / "gen-3" / "dense.faiss").write_bytes(b"\0" * 64)
        deadline = time.monotonic() + 30
        health = httpx.get(f"{url}/api/health", timeout=10).json()
        while not health["fallback"]:
            assert time.monotonic() < deadline, health
            time.sleep(0.2)
            health = httpx.get(f"{url}/api/health", timeout=10).json()
        assert health["generation"] == 2
        assert "gen-3" in health["fallback"] and "dense.faiss" in health["fallback"]
        assert ask_all(url) == golden_answers(reference)


def test_live_index_passes_other_attributes_through(tmp_path: Path) -> None:
    corpus = copy_corpus(tmp_path / "corpus")
    build_index(corpus, tmp_path / "idx", IndexConfig(model="hash"))
    retriever = _load(tmp_path / "idx")
    engine = QAEngine(retriever)
    live = LiveIndex(tmp_path / "idx", retriever, engine, load=_load)
    assert live.config is engine.config  # the engine's first
    assert live.chunks is retriever.chunks  # then the retriever's
    try:
        live.no_such_attribute  # noqa: B018
    except AttributeError as exc:
        assert "no_such_attribute" in str(exc)
    else:
        raise AssertionError("an unknown attribute must raise AttributeError")
