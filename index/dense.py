"""FAISS inner-product index over normalised vectors, chosen by corpus size.

Below :data:`HNSW_THRESHOLD` vectors an exact ``IndexFlatIP`` is used (search is
a few milliseconds and results are exact); above it an ``IndexHNSWFlat``.

>>> import numpy as np
>>> idx = build_faiss(np.eye(3, dtype=np.float32))
>>> search_faiss(idx, np.eye(3, dtype=np.float32)[1], 1)
[(1, 1.0)]
"""

from __future__ import annotations

from pathlib import Path

import faiss
import numpy as np

#: Measured (bench/bench_faiss.py, 384-d, 2 cores): flat search takes 3 ms at 50k vectors
#: and 10 ms at 100k, which with ~11 ms query embedding would break the 20 ms budget;
#: HNSW (M=32, efSearch=128) stays under 0.5 ms with recall@10 of 1.0 near real
#: embeddings, for 272 extra bytes per vector (1808 vs 1536).
HNSW_THRESHOLD = 50_000
HNSW_M = 32
HNSW_EF_CONSTRUCTION = 200
HNSW_EF_SEARCH = 128


def index_type_for(n_vectors: int, threshold: int = HNSW_THRESHOLD) -> str:
    """``"flat"`` or ``"hnsw"`` for a corpus of ``n_vectors``."""
    return "hnsw" if n_vectors >= threshold else "flat"


def build_faiss(vectors: np.ndarray, *, threshold: int = HNSW_THRESHOLD) -> faiss.Index:
    """An inner-product FAISS index holding ``vectors`` (rows must be L2-normalised)."""
    if vectors.ndim != 2:
        raise ValueError(f"vectors must be a 2-D array, got shape {vectors.shape}")
    vecs = np.ascontiguousarray(vectors, dtype=np.float32)
    dim = vecs.shape[1]
    if index_type_for(len(vecs), threshold) == "hnsw":
        index = faiss.IndexHNSWFlat(dim, HNSW_M, faiss.METRIC_INNER_PRODUCT)
        index.hnsw.efConstruction = HNSW_EF_CONSTRUCTION
        index.hnsw.efSearch = HNSW_EF_SEARCH
    else:
        index = faiss.IndexFlatIP(dim)
    if len(vecs):
        index.add(vecs)
    return index


def search_faiss(index: faiss.Index, query: np.ndarray, k: int) -> list[tuple[int, float]]:
    """Top-``k`` ``(row, inner product)`` pairs for one query vector, best first."""
    k = min(k, index.ntotal)
    if k <= 0:
        return []
    q = np.ascontiguousarray(query, dtype=np.float32).reshape(1, -1)
    scores, ids = index.search(q, k)
    return [(int(i), float(s)) for i, s in zip(ids[0], scores[0], strict=True) if i >= 0]


def save_faiss(index: faiss.Index, path: Path) -> None:
    """Write ``index`` to ``path``."""
    faiss.write_index(index, str(path))


def load_faiss(path: Path) -> faiss.Index:
    """Read an index written by :func:`save_faiss` (verify its checksum first)."""
    return _tuned(faiss.read_index(str(path)))


def faiss_from_bytes(data: bytes) -> faiss.Index:
    """An index from the bytes of a file written by :func:`save_faiss` (held in memory)."""
    return _tuned(faiss.deserialize_index(np.frombuffer(data, dtype=np.uint8)))


def _tuned(index: faiss.Index) -> faiss.Index:
    if isinstance(index, faiss.IndexHNSW):
        index.hnsw.efSearch = HNSW_EF_SEARCH
    return index
