"""FAISS search agrees with numpy brute force."""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pytest

from index.dense import build_faiss, index_type_for, load_faiss, save_faiss, search_faiss


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
