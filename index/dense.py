"""FAISS inner-product index over normalised vectors, chosen by corpus size.

Below :data:`HNSW_THRESHOLD` vectors an exact ``IndexFlatIP`` is used (search is
a few milliseconds and results are exact); above it an ``IndexHNSWFlat``; above
:data:`IVFPQ_THRESHOLD` an ``IndexIVFPQ``, whose codes take ~1/30 of the memory
(the retriever re-scores every candidate with its exact stored vector).

>>> import numpy as np
>>> idx = build_faiss(np.eye(3, dtype=np.float32))
>>> search_faiss(idx, np.eye(3, dtype=np.float32)[1], 1)
[(1, 1.0)]
"""

from __future__ import annotations

import os
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
#: HNSW holds ~1.8 KB per 384-d vector (1.8 GB at 1M chunks, on top of everything
#: else a generation loads); IVF-PQ holds ~100 bytes and its candidates are re-ranked
#: by their exact stored vectors (bench/bench_scale.py measures both).
IVFPQ_THRESHOLD = 250_000
IVF_NPROBE = 48
IVF_SEED = 0
#: IVF-PQ candidates fetched per wanted result, then ranked by their exact vectors.
REFINE_FACTOR = 4
#: OpenMP threads for one query. A single query gains nothing from more, and on a busy
#: 2-core machine waking a second thread cost more than the search: a flat search of
#: 20k vectors took 36-41 ms with 2 threads and 4-6 ms with 1 (1.2-1.6 ms of CPU).
#: Concurrent requests run in parallel anyway. Builds use every core.
SEARCH_THREADS = 1


def index_type_for(
    n_vectors: int, threshold: int = HNSW_THRESHOLD, ivfpq_threshold: int = IVFPQ_THRESHOLD
) -> str:
    """``"flat"``, ``"hnsw"`` or ``"ivfpq"`` for a corpus of ``n_vectors``.

    >>> index_type_for(1_000), index_type_for(100_000), index_type_for(1_000_000)
    ('flat', 'hnsw', 'ivfpq')
    """
    if n_vectors >= ivfpq_threshold:
        return "ivfpq"
    return "hnsw" if n_vectors >= threshold else "flat"


def ivf_lists(n_vectors: int) -> int:
    """Inverted lists for ``n_vectors``: about 4 * sqrt(n), at most n / 39 (k-means needs
    ~39 training points per centroid), at least 1.

    >>> ivf_lists(1_000_000)
    4000
    """
    return max(1, min(int(4 * n_vectors**0.5), n_vectors // 39, 65_536))


def pq_subquantizers(dim: int) -> int:
    """Bytes per PQ code: one per ~4 dimensions (8 dimensions per byte lost a third of
    the true top 10 on clustered test vectors; 4 keeps them once re-ranked).

    >>> pq_subquantizers(384), pq_subquantizers(256)
    (96, 64)
    """
    return min((m for m in range(1, dim + 1) if dim % m == 0), key=lambda m: abs(dim / m - 4))


def build_faiss(
    vectors: np.ndarray,
    *,
    threshold: int = HNSW_THRESHOLD,
    ivfpq_threshold: int = IVFPQ_THRESHOLD,
) -> faiss.Index:
    """An inner-product FAISS index holding ``vectors`` (rows must be L2-normalised)."""
    if vectors.ndim != 2:
        raise ValueError(f"vectors must be a 2-D array, got shape {vectors.shape}")
    dim = vectors.shape[1]
    faiss.omp_set_num_threads(os.cpu_count() or 1)
    kind = index_type_for(len(vectors), threshold, ivfpq_threshold)
    if kind == "ivfpq":
        return _build_ivfpq(vectors)
    vecs = np.ascontiguousarray(vectors, dtype=np.float32)
    if kind == "hnsw":
        index = faiss.IndexHNSWFlat(dim, HNSW_M, faiss.METRIC_INNER_PRODUCT)
        index.hnsw.efConstruction = HNSW_EF_CONSTRUCTION
        index.hnsw.efSearch = HNSW_EF_SEARCH
    else:
        index = faiss.IndexFlatIP(dim)
    if len(vecs):
        index.add(vecs)
    return index


def _build_ivfpq(vectors: np.ndarray, batch: int = 65_536) -> faiss.Index:
    """IVF-PQ trained on a seeded sample, then filled in batches (no full float32 copy)."""
    n, dim = vectors.shape
    nlist = ivf_lists(n)
    index = faiss.IndexIVFPQ(faiss.IndexFlatIP(dim), dim, nlist, pq_subquantizers(dim), 8,
                             faiss.METRIC_INNER_PRODUCT)
    index.cp.niter = 10
    rng = np.random.default_rng(IVF_SEED)
    sample = np.sort(rng.choice(n, size=min(n, 64 * nlist), replace=False))
    index.train(np.ascontiguousarray(vectors[sample], dtype=np.float32))
    for start in range(0, n, batch):
        index.add(np.ascontiguousarray(vectors[start : start + batch], dtype=np.float32))
    index.nprobe = IVF_NPROBE
    return index


def search_faiss(index: faiss.Index, query: np.ndarray, k: int) -> list[tuple[int, float]]:
    """Top-``k`` ``(row, inner product)`` pairs for one query vector, best first."""
    k = min(k, index.ntotal)
    if k <= 0:
        return []
    q = np.ascontiguousarray(query, dtype=np.float32).reshape(1, -1)
    scores, ids = index.search(q, k)
    return [(int(i), float(s)) for i, s in zip(ids[0], scores[0], strict=True) if i >= 0]


def is_approximate(index: faiss.Index) -> bool:
    """True for compressed codes (IVF-PQ), whose scores are estimates."""
    return isinstance(index, faiss.IndexIVF)


def search_refined(
    index: faiss.Index, vectors: np.ndarray, query: np.ndarray, k: int,
    factor: int = REFINE_FACTOR,
) -> list[tuple[int, float]]:
    """Top-``k`` by exact inner product among the index's top ``factor * k`` (IVF-PQ).

    ``vectors`` holds every row's exact vector (the generation's ``vectors.npy``).
    """
    hits = search_faiss(index, query, k * factor)
    if not hits:
        return []
    rows = np.sort(np.array([i for i, _ in hits], dtype=np.int64))
    exact = np.asarray(vectors[rows], dtype=np.float32) @ np.asarray(query, dtype=np.float32)
    order = np.lexsort((rows, -exact))[:k]
    return [(int(rows[j]), float(exact[j])) for j in order]


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
    """Search settings for a loaded index (this process now searches with it)."""
    faiss.omp_set_num_threads(SEARCH_THREADS)
    if isinstance(index, faiss.IndexHNSW):
        index.hnsw.efSearch = HNSW_EF_SEARCH
    if isinstance(index, faiss.IndexIVF):
        index.nprobe = IVF_NPROBE
    return index
