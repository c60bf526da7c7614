"""FAISS search agrees with numpy brute force."""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pytest

from index.dense import (
    build_faiss,
    index_type_for,
    is_approximate,
    load_faiss,
    save_faiss,
    search_faiss,
    search_refined,
)


def _unit_rows(n: int, dim: int, seed: int) -> np.ndarray:
    rng = np.random.default_rng(seed)
    x = rng.standard_normal((n, dim)).astype(np.float32)
    return x / np.linalg.norm(x, axis=1, keepdims=True)


def test_flat_index_matches_brute_force() -> None:
    vecs, queries = _unit_rows(500, 64, 0), _unit_rows(20, 64, 1)
    index = build_faiss(vecs)
    assert index_type_for(len(vecs)) == "flat"
    for q in queries:
        got = search_faiss(index, q, 10)
        scores = vecs @ q
        want = np.argsort(-scores)[:10]
        assert [i for i, _ in got] == want.tolist()
        np.testing.assert_allclose([s for _, s in got], scores[want], rtol=1e-5)


def test_hnsw_above_threshold_has_high_recall() -> None:
    vecs, queries = _unit_rows(3000, 32, 2), _unit_rows(50, 32, 3)
    index = build_faiss(vecs, threshold=1000)
    assert index_type_for(len(vecs), 1000) == "hnsw"
    hits = 0
    for q in queries:
        want = set(np.argsort(-(vecs @ q))[:10].tolist())
        hits += len(want & {i for i, _ in search_faiss(index, q, 10)})
    assert hits / (10 * len(queries)) >= 0.95


def test_k_larger_than_index_returns_everything() -> None:
    index = build_faiss(_unit_rows(3, 8, 4))
    assert len(search_faiss(index, _unit_rows(1, 8, 5)[0], 50)) == 3


def test_save_load_round_trip(tmp_path: Path) -> None:
    vecs = _unit_rows(100, 16, 6)
    path = tmp_path / "dense.faiss"
    save_faiss(build_faiss(vecs), path)
    q = vecs[7]
    assert search_faiss(load_faiss(path), q, 5) == search_faiss(build_faiss(vecs), q, 5)


def test_rejects_1d_vectors() -> None:
    with pytest.raises(ValueError, match="2-D"):
        build_faiss(np.zeros(4, dtype=np.float32))


def _clustered(n: int, dim: int, seed: int, centres: int = 50) -> np.ndarray:
    """Unit vectors around ``centres`` topics, the way real embeddings cluster."""
    rng = np.random.default_rng(seed)
    base = _unit_rows(centres, dim, seed + 100)
    x = base[rng.integers(0, centres, n)] + rng.normal(0, 0.6 / dim**0.5, (n, dim))
    return (x / np.linalg.norm(x, axis=1, keepdims=True)).astype(np.float32)


def test_ivfpq_above_its_threshold_refined_by_exact_vectors(tmp_path: Path) -> None:
    """IVF-PQ's candidates, re-ranked by their stored exact vectors, hold the true top 10."""
    vecs = _clustered(12_000, 32, 7)
    rng = np.random.default_rng(8)  # questions about a passage: near its vector
    queries = vecs[rng.integers(0, len(vecs), 40)] + rng.normal(0, 0.3 / 32**0.5, (40, 32))
    queries = (queries / np.linalg.norm(queries, axis=1, keepdims=True)).astype(np.float32)
    assert index_type_for(len(vecs), 1000, 10_000) == "ivfpq"
    path = tmp_path / "ivf.faiss"
    save_faiss(build_faiss(vecs, threshold=1000, ivfpq_threshold=10_000), path)
    index = load_faiss(path)
    assert is_approximate(index) and index.ntotal == len(vecs) and index.nprobe > 1
    found = 0
    for q in queries:
        exact = vecs @ q
        want = np.argsort(-exact)[:10]
        got = search_refined(index, vecs, q, 100)  # the retriever asks for 100 candidates
        found += len(set(want.tolist()) & {i for i, _ in got[:10]})
        assert [s for _, s in got] == sorted((s for _, s in got), reverse=True)
        np.testing.assert_allclose([s for _, s in got], exact[[i for i, _ in got]], rtol=1e-5)
    assert found / (10 * len(queries)) >= 0.95
    assert not is_approximate(build_faiss(vecs[:100]))
