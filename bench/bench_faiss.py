"""Flat vs HNSW FAISS search latency by corpus size, to place the HNSW threshold.

    python -m bench.bench_faiss --sizes 5000 20000 50000 100000 --out faiss.json
"""

from __future__ import annotations

import argparse
import json
import logging
import statistics
import sys
import time
from collections.abc import Sequence
from pathlib import Path

import faiss
import numpy as np

from index.dense import build_faiss, search_faiss

logger = logging.getLogger("bench.faiss")


def _unit(n: int, dim: int, rng: np.random.Generator) -> np.ndarray:
    x = rng.standard_normal((n, dim)).astype(np.float32)
    return x / np.linalg.norm(x, axis=1, keepdims=True)


def _near_real(pool: np.ndarray, n: int, rng: np.random.Generator) -> np.ndarray:
    """``n`` vectors resampled from real embeddings with small noise (keeps their clustering)."""
    x = pool[rng.integers(0, len(pool), n)] + rng.normal(0, 0.02, (n, pool.shape[1]))
    return (x / np.linalg.norm(x, axis=1, keepdims=True)).astype(np.float32)


def measure(
    n: int, dim: int, n_queries: int, pool: np.ndarray | None = None, seed: int = 0
) -> dict[str, float]:
    """Build both index types over ``n`` unit vectors; time single-query search.

    With ``pool`` (real embeddings) the vectors and queries are drawn near it;
    otherwise they are uniform random, the worst case for HNSW recall.
    """
    rng = np.random.default_rng(seed)
    if pool is None:
        vecs, queries = _unit(n, dim, rng), _unit(n_queries, dim, rng)
    else:
        vecs, queries = _near_real(pool, n, rng), _near_real(pool, n_queries, rng)
    out: dict[str, float] = {"n": n}
    truth = []
    for kind, threshold in (("flat", n + 1), ("hnsw", 0)):
        t0 = time.perf_counter()
        index = build_faiss(vecs, threshold=threshold)
        out[f"{kind}_build_s"] = time.perf_counter() - t0
        lat, found = [], []
        for q in queries:
            t0 = time.perf_counter()
            hits = search_faiss(index, q, 100)
            lat.append((time.perf_counter() - t0) * 1000)
            found.append({i for i, _ in hits[:10]})
        out[f"{kind}_ms_median"] = statistics.median(lat)
        out[f"{kind}_bytes_per_vector"] = faiss.serialize_index(index).nbytes / n
        if kind == "flat":
            truth = found
        else:
            out["hnsw_recall@10"] = statistics.fmean(
                len(a & b) / 10 for a, b in zip(truth, found, strict=True)
            )
    logger.info("%s", {k: round(v, 3) for k, v in out.items()})
    return out


def main(argv: Sequence[str] | None = None) -> int:
    """Run the size sweep and write JSON."""
    p = argparse.ArgumentParser(prog="python -m bench.bench_faiss", description=__doc__)
    p.add_argument("--sizes", type=int, nargs="+", default=[5000, 20000, 50000, 100000])
    p.add_argument("--dim", type=int, default=384)
    p.add_argument("--queries", type=int, default=50)
    p.add_argument("--out", type=Path, required=True)
    p.add_argument("--real-vectors", type=Path, default=None,
                   help="an .npz with a 'vecs' array of real embeddings to sample near")
    args = p.parse_args(argv)
    logging.basicConfig(level=logging.INFO, format="%(asctime)s %(name)s: %(message)s")
    if min(args.sizes) < 100:
        print("error: sizes must be at least 100", file=sys.stderr)
        return 1
    pool = None
    if args.real_vectors is not None:
        if not args.real_vectors.is_file():
            print(f"error: {args.real_vectors} does not exist", file=sys.stderr)
            return 1
        pool = np.load(args.real_vectors, allow_pickle=False)["vecs"].astype(np.float32)
    dim = pool.shape[1] if pool is not None else args.dim
    results = [measure(n, dim, args.queries, pool) for n in args.sizes]
    args.out.parent.mkdir(parents=True, exist_ok=True)
    args.out.write_text(json.dumps(results, indent=2), encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
