"""Scale: build time, resident memory and search latency of a synthetic corpus.

    nice -n 10 python -m bench.bench_scale --sizes 100000 1000000 \\
        --milvus-sizes 10000 30000 100000 --out bench/results/scale.json

For each size a fresh child process generates the seeded corpus
(:mod:`bench.synthetic`), builds it with the FAISS default (``build_from_chunks``:
exact below 50k chunks, HNSW to 250k, IVF-PQ above), and a second child loads it
with ``Retriever.load`` and times ``Retriever.search`` (query vectors given, so the
embedding model is not part of the figure; it is measured separately by
``--embed-sample``). Memory is the child's own: peak (VmHWM) and, after the
searches, resident anonymous and file-backed pages. Dense quality: how much of
the exact top 10 (brute force over every stored vector) the dense side returns,
and where vectors are held as int8 codes, how often the hybrid top 5 equals the
one computed with the exact float32 vectors.

``--milvus-sizes`` does the same into a Milvus Lite file in-process (build,
search and memory of the engine included), one size at a time, stopping at the
first size whose build exceeds ``--milvus-budget`` seconds.
"""

from __future__ import annotations

import argparse
import json
import logging
import os
import statistics
import subprocess
import sys
import time
from collections.abc import Sequence
from pathlib import Path
from typing import Any

import numpy as np

from bench.metrics import percentile

logger = logging.getLogger("bench")

SEED = 7
#: e5 alone; the default e5 + USE ensemble is 896 (``--dim 896``)
DIM = 384
#: Result fields that describe the build (kept when a build is searched again).
BUILD_KEYS = ("n_", "generate_s", "build_", "index_type", "disk_bytes")


def memory() -> dict[str, float]:
    """This process's memory in MiB: resident (anon, file), peak resident."""
    fields = {}
    for line in Path("/proc/self/status").read_text().splitlines():
        key, _, value = line.partition(":")
        if key in ("VmRSS", "RssAnon", "RssFile", "VmHWM"):
            fields[key] = int(value.split()[0]) / 1024
    return {"rss_mib": fields["VmRSS"], "anon_mib": fields["RssAnon"],
            "file_mib": fields["RssFile"], "peak_mib": fields["VmHWM"]}


def disk_bytes(path: Path) -> int:
    """Bytes of every file under ``path``."""
    return sum(p.stat().st_size for p in path.rglob("*") if p.is_file())


def _corpus(n: int, dim: int = DIM) -> tuple[Any, list[Any], Any]:
    from bench.synthetic import SyntheticCorpus, ncp_clauses

    corpus = SyntheticCorpus(ncp_clauses(), seed=SEED, dim=dim)
    docs, chunks = corpus.table_of(n)
    return corpus, docs, chunks


def _queries(corpus: Any, chunks: Sequence[Any], vectors: Any, n: int) -> list[tuple[str, Any]]:
    rng = np.random.default_rng(SEED + 1)
    picks = rng.integers(0, len(chunks), n)
    return [corpus.query(rng, chunks[int(i)], vectors[chunks[int(i)].chunk_id]) for i in picks]


def phase_build(n: int, work: Path, n_queries: int, dim: int = DIM) -> dict[str, Any]:
    """Generate and build ``n`` chunks with the FAISS default; save the questions."""
    from bench.synthetic import LazyVectors
    from index import IndexConfig, build_from_chunks
    from index.embedder import HashEmbedder

    t0 = time.perf_counter()
    corpus, docs, chunks = _corpus(n, dim)
    generate_s = time.perf_counter() - t0
    vectors = LazyVectors(corpus, chunks)
    queries = _queries(corpus, chunks, vectors, n_queries)
    (work / "queries.json").write_text(json.dumps([q for q, _ in queries], ensure_ascii=False))
    np.save(work / "query_vectors.npy", np.stack([v for _, v in queries]))
    t0 = time.perf_counter()
    report = build_from_chunks(docs, chunks, work / "faiss",
                               IndexConfig(model="hash"), embedder=HashEmbedder(dim=corpus.dim),
                               reuse=vectors)
    return {
        "n_chunks": len(chunks), "n_documents": len(docs), "generate_s": generate_s,
        "build_dim": corpus.dim, "build_s": time.perf_counter() - t0,
        "index_type": report.index_type,
        "disk_bytes": disk_bytes(work / "faiss"), **{f"build_{k}": v for k, v in memory().items()},
    }


def _time_searches(
    retriever: Any, texts: Sequence[str], vecs: np.ndarray
) -> tuple[list[float], list[float]]:
    """Wall-clock and CPU milliseconds of each search (CPU time is what a busy machine
    does not inflate; the search runs in this thread)."""
    for text, vec in zip(texts[:10], vecs[:10], strict=True):  # warm-up
        retriever.search(text, k=5, query_vector=vec)
    wall, cpu = [], []
    for text, vec in zip(texts, vecs, strict=True):
        t0, c0 = time.perf_counter(), time.thread_time()
        retriever.search(text, k=5, query_vector=vec)
        wall.append((time.perf_counter() - t0) * 1000)
        cpu.append((time.thread_time() - c0) * 1000)
    return wall, cpu


def phase_search(work: Path, target: str) -> dict[str, Any]:
    """Load the built index (FAISS folder or Milvus Lite file) and time searches."""
    from index import MilvusLocation, Retriever
    from index.embedder import HashEmbedder

    texts = json.loads((work / "queries.json").read_text())
    vecs = np.load(work / "query_vectors.npy")
    before = memory()
    t0 = time.perf_counter()
    where: Any = MilvusLocation(str(work / "lite.db")) if target == "milvus" else work / "faiss"
    retriever = Retriever.load(where, embedder=HashEmbedder(dim=vecs.shape[1]))
    load_s = time.perf_counter() - t0
    loaded = memory()
    load_avg = os.getloadavg()[0]
    lat, cpu = _time_searches(retriever, texts, vecs)
    out: dict[str, Any] = {
        "load_s": load_s, "queries": len(lat), "search_ms_p50": statistics.median(lat),
        "search_ms_p95": percentile(lat, 95), "search_ms_mean": statistics.fmean(lat),
        "search_cpu_ms_p50": statistics.median(cpu), "search_cpu_ms_p95": percentile(cpu, 95),
        "load_average": [load_avg, os.getloadavg()[0]],
        "rss_before_load_mib": before["rss_mib"],
        **{f"loaded_{k}": v for k, v in loaded.items()},
        **{f"after_{k}": v for k, v in memory().items()},
    }
    if target == "faiss":
        out["dense_recall@10"] = dense_recall(retriever, work, vecs[:50])
        out.update(exact_agreement(retriever, work, texts, vecs))
    return out


def exact_agreement(
    retriever: Any, work: Path, texts: Sequence[str], vecs: np.ndarray
) -> dict[str, float]:
    """How often the hybrid top 5 with the vectors as held (int8 codes above the IVF-PQ
    threshold) equals the top 5 with the exact float32 vectors from disk."""
    import dataclasses

    gen = retriever._gen
    if isinstance(gen.vectors, np.ndarray):
        return {}
    held = [_top5(retriever, t, v) for t, v in zip(texts, vecs, strict=True)]
    retriever._gen = dataclasses.replace(gen, vectors=np.load(gen.folder / "vectors.npy"))
    exact = [_top5(retriever, t, v) for t, v in zip(texts, vecs, strict=True)]
    retriever._gen = gen
    pairs = list(zip(held, exact, strict=True))
    return {
        "exact_top1_same": sum(a[:1] == b[:1] for a, b in pairs) / len(pairs),
        "exact_top5_identical": sum(a == b for a, b in pairs) / len(pairs),
        "exact_top5_overlap": statistics.fmean(len(set(a) & set(b)) / 5 for a, b in pairs),
    }


def _top5(retriever: Any, text: str, vec: np.ndarray) -> list[str]:
    return [hit.chunk.chunk_id for hit in retriever.search(text, k=5, query_vector=vec)]


def dense_recall(retriever: Any, work: Path, queries: np.ndarray) -> float:
    """Share of the exact top 10 (brute force over vectors.npy) in the dense side's top 10."""
    gen_dir = next(p for p in (work / "faiss").glob("gen-*") if p.is_dir())
    stored = np.load(gen_dir / "vectors.npy", mmap_mode="r")
    best = np.full((len(queries), 10), -1, dtype=np.int64)
    best_s = np.full((len(queries), 10), -np.inf, dtype=np.float32)
    for start in range(0, len(stored), 200_000):
        scores = np.asarray(stored[start : start + 200_000]) @ queries.T
        top = np.argsort(-scores, axis=0)[:10].T
        cand = np.concatenate([best, top + start], axis=1)
        cand_s = np.concatenate([best_s, np.take_along_axis(scores.T, top, axis=1)], axis=1)
        keep = np.argsort(-cand_s, axis=1)[:, :10]
        best, best_s = np.take_along_axis(cand, keep, 1), np.take_along_axis(cand_s, keep, 1)
    found = 0
    for q, want in zip(queries, best, strict=True):
        found += len(set(want.tolist()) & {r for r, _ in retriever._gen.dense_top(q, 100)[:10]})
    return found / (10 * len(queries))


def phase_milvus_build(n: int, work: Path, n_queries: int) -> dict[str, Any]:
    """Generate ``n`` chunks and build them into a Milvus Lite file in this process."""
    from bench.synthetic import LazyVectors
    from index import IndexConfig, MilvusLocation, build_from_chunks
    from index.embedder import HashEmbedder

    corpus, docs, chunks = _corpus(n)
    vectors = LazyVectors(corpus, chunks)
    queries = _queries(corpus, chunks, vectors, n_queries)
    (work / "queries.json").write_text(json.dumps([q for q, _ in queries], ensure_ascii=False))
    np.save(work / "query_vectors.npy", np.stack([v for _, v in queries]))
    t0 = time.perf_counter()
    build_from_chunks(docs, chunks, MilvusLocation(str(work / "lite.db")),
                      IndexConfig(model="hash"), embedder=HashEmbedder(dim=corpus.dim),
                      reuse=vectors)
    return {"n_chunks": len(chunks), "build_s": time.perf_counter() - t0,
            "disk_bytes": disk_bytes(work / "lite.db"),
            **{f"build_{k}": v for k, v in memory().items()}}


def phase_embed(sample: int) -> dict[str, Any]:
    """Chunks per second of the default embedding model on this machine (NCP chunks)."""
    from bench.synthetic import SyntheticCorpus, ncp_clauses
    from index.embedder import DEFAULT_MODEL, load_embedder

    chunks = SyntheticCorpus(ncp_clauses(), seed=SEED).table_of(sample)[1]
    embedder = load_embedder(DEFAULT_MODEL)
    embedder.embed_documents([c.text for c in chunks[:32]])  # warm-up
    t0 = time.perf_counter()
    for start in range(0, len(chunks), 32):
        embedder.embed_documents([c.text for c in chunks[start : start + 32]])
    seconds = time.perf_counter() - t0
    return {"model": DEFAULT_MODEL, "chunks": len(chunks), "chunks_per_s": len(chunks) / seconds,
            "model_rss_mib": memory()["rss_mib"]}


def child(args: Sequence[str], timeout: float) -> dict[str, Any]:
    """Run one phase in a fresh interpreter; its last stdout line is the JSON result."""
    cmd = [sys.executable, "-m", "bench.bench_scale", "--phase", *args]
    logger.info("running %s", " ".join(cmd[2:]))
    proc = subprocess.run(cmd, capture_output=True, text=True, timeout=timeout, check=False)
    if proc.returncode != 0:
        raise RuntimeError(f"{' '.join(args)} failed:\n{proc.stderr[-3000:]}")
    return json.loads(proc.stdout.strip().splitlines()[-1])


def main(argv: Sequence[str] | None = None) -> int:
    p = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    p.add_argument("--sizes", type=int, nargs="*", default=[100_000, 1_000_000])
    p.add_argument("--milvus-sizes", type=int, nargs="*", default=[])
    p.add_argument("--milvus-budget", type=float, default=1800.0,
                   help="stop growing Milvus Lite after a build slower than this (seconds)")
    p.add_argument("--queries", type=int, default=300)
    p.add_argument("--dim", type=int, default=DIM,
                   help=f"vector dimension of the FAISS builds (default {DIM}, e5 alone; "
                   "896 is the default e5 + USE ensemble)")
    p.add_argument("--milvus-queries", type=int, default=60)
    p.add_argument("--embed-sample", type=int, default=0,
                   help="also time the default model on this many chunks")
    p.add_argument("--reuse-builds", action="store_true",
                   help="search an index already built in --work again (keep its build figures)")
    p.add_argument("--work", type=Path, default=Path("build/scale"))
    p.add_argument("--out", type=Path, default=Path("bench/results/scale.json"))
    p.add_argument("--phase", nargs="+", help=argparse.SUPPRESS)
    args = p.parse_args(argv)
    logging.basicConfig(level=logging.INFO, format="%(message)s", stream=sys.stderr)
    for noisy in ("bm25s", "index", "faiss"):
        logging.getLogger(noisy).setLevel(logging.WARNING)
    if args.phase:
        kind, *rest = args.phase
        work = Path(rest[1]) if len(rest) > 1 else Path(".")
        if kind == "build":
            result = phase_build(int(rest[0]), work, int(rest[2]),
                                 int(rest[3]) if len(rest) > 3 else DIM)
        elif kind == "search":
            result = phase_search(work, rest[0] if rest[0] in ("faiss", "milvus") else "faiss")
        elif kind == "milvus-build":
            result = phase_milvus_build(int(rest[0]), work, int(rest[2]))
        else:
            result = phase_embed(int(rest[0]))
        print(json.dumps(result))
        return 0
    results: dict[str, Any] = {"faiss": [], "milvus_lite": [], "cores": os.cpu_count()}
    if args.out.is_file():
        results.update(json.loads(args.out.read_text(encoding="utf-8")))
    for n in args.sizes:
        work = args.work / f"faiss-{n}"
        work.mkdir(parents=True, exist_ok=True)
        built = [r for r in results["faiss"] if r["n_chunks"] == n]
        if args.reuse_builds and built and (work / "faiss" / "CURRENT").is_file():
            row = {k: v for k, v in built[0].items() if k.startswith(BUILD_KEYS)}
        else:
            row = child(["build", str(n), str(work), str(args.queries), str(args.dim)],
                        timeout=6 * 3600)
        row.update(child(["search", "faiss", str(work)], timeout=3600))
        results["faiss"] = [r for r in results["faiss"] if r["n_chunks"] != row["n_chunks"]]
        results["faiss"].append(row)
        logger.info("faiss %d: %s", n, row)
        _save(args.out, results)
    for n in args.milvus_sizes:
        work = args.work / f"milvus-{n}"
        work.mkdir(parents=True, exist_ok=True)
        row = child(["milvus-build", str(n), str(work), str(args.milvus_queries)],
                    timeout=6 * 3600)
        row.update(child(["search", "milvus", str(work)], timeout=6 * 3600))
        results["milvus_lite"] = [r for r in results["milvus_lite"]
                                  if r["n_chunks"] != row["n_chunks"]]
        results["milvus_lite"].append(row)
        logger.info("milvus lite %d: %s", n, row)
        _save(args.out, results)
        if row["build_s"] > args.milvus_budget:
            logger.info("Milvus Lite took %.0fs to build %d chunks; not going larger",
                        row["build_s"], n)
            break
    if args.embed_sample:
        results["embedding"] = child(["embed", str(args.embed_sample)], timeout=3600)
        _save(args.out, results)
    logger.info("%s", json.dumps(results, indent=1))
    return 0


def _save(path: Path, results: dict[str, Any]) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(json.dumps(results, indent=1), encoding="utf-8")


if __name__ == "__main__":
    sys.exit(main())
