"""Ablation of shipped ``SearchConfig`` variants on NCP dev (full + two random halves) and sample.

    python -m bench.bench_ablation --out bench/results/ablation.json [--dump-misses misses.txt]

Every variant runs through ``Retriever.search`` itself, so what is measured is what
ships. Document vectors come from the embedding cache (``bench.embed_cache``); query
vectors are memoised per run so variants cost only the search. The dev set is split
into two halves with a fixed seed: a change is accepted only when it helps on both
halves and does not hurt the sample corpus.
"""

from __future__ import annotations

import argparse
import json
import logging
import random
import statistics
import sys
import tempfile
import time
from collections.abc import Sequence
from dataclasses import replace
from pathlib import Path
from typing import Any

import numpy as np

from bench.bench_retrieval import NCP, load_questions
from bench.bench_sample import chunk_hits, evidence_spans
from bench.embed_cache import CachingEmbedder
from bench.metrics import answer_in, recall_at, reciprocal_rank
from index.bm25 import K1, B, Bm25Index
from index.build import build_from_chunks, chunk_tokens, document_tokens
from index.config import DEFAULT_CHUNKING, IndexConfig, SearchConfig
from index.embedder import DEFAULT_MODEL, load_embedder, model_cache_dir
from index.retriever import Retriever
from ingest import ingest_corpus

SAMPLE_CORPUS = Path(__file__).resolve().parents[2] / "shared" / "corpus"

logger = logging.getLogger("bench.ablation")

SEED = 20261121

OLD_DEFAULT = "first default (every copy indexed, no spread)"
SPREAD_ONLY = "fold 0.95 + spread 0.05 (previous default)"
NEW_DEFAULT = "fold 0.95 + spread 0.05 + other-region 0.1 (new default)"
NO_SPREAD = SearchConfig(same_doc_penalty=0.0, other_region_penalty=0.0)
SPREAD = SearchConfig(other_region_penalty=0.0)

#: name -> (BM25 k1, BM25 b, search config, fold threshold); the first is the baseline.
VARIANTS: dict[str, tuple[float, float, SearchConfig, float | None]] = {
    OLD_DEFAULT: (K1, B, NO_SPREAD, None),
    "k1 1.2 (older default)": (1.2, 0.75, NO_SPREAD, None),
    "spread 0.05, copies kept": (K1, B, SPREAD, None),
    "fold 0.95, no spread": (K1, B, NO_SPREAD, 0.95),
    SPREAD_ONLY: (K1, B, SPREAD, 0.95),
    "fold 0.9 + spread 0.05": (K1, B, SPREAD, 0.9),
    "fold 0.95 + spread 0.1": (K1, B, replace(SPREAD, same_doc_penalty=0.1), 0.95),
    "fold 0.95 + spread 0.2": (K1, B, replace(SPREAD, same_doc_penalty=0.2), 0.95),
    "fold 0.95 + spread 0.05, dense 0.4/0.6": (
        K1, B, replace(SPREAD, dense_weight=0.4, bm25_weight=0.6), 0.95),
    NEW_DEFAULT: (K1, B, SearchConfig(), 0.95),
    "... other-region 0.05": (K1, B, SearchConfig(other_region_penalty=0.05), 0.95),
    "... other-region 0.2": (K1, B, SearchConfig(other_region_penalty=0.2), 0.95),
    "... other-region 0.3": (K1, B, SearchConfig(other_region_penalty=0.3), 0.95),
    "bm25 only (k1 0.7)": (K1, B, SearchConfig(fusion="bm25", rescore=False), None),
}
#: Per-question columns of ``ncp_scores``.
COLUMNS = ("doc_recall@5", "mrr@10", "answer@5", "distinct_doc_recall@5", "strict_doc_recall@5")


class MemoQueries:
    """Wraps an embedder; query vectors are memoised (variants re-ask the same queries)."""

    def __init__(self, inner: CachingEmbedder) -> None:
        self.inner = inner
        self.name = inner.name
        self.dim = inner.dim
        self._memo: dict[str, np.ndarray] = {}

    def embed_queries(self, texts: Sequence[str]) -> np.ndarray:
        """Memoised query vectors."""
        missing = [t for t in texts if t not in self._memo]
        if missing:
            for t, v in zip(missing, self.inner.embed_queries(missing), strict=True):
                self._memo[t] = v
        return np.stack([self._memo[t] for t in texts])

    def embed_documents(self, texts: Sequence[str], **kw: Any) -> np.ndarray:
        """Delegates to the caching embedder."""
        return self.inner.embed_documents(texts, **kw)


def build(
    corpus: Path, embedder: MemoQueries, tmp: Path, fold: float | None
) -> tuple[Retriever, Any]:
    """Ingest ``corpus`` with the default chunking and load a retriever over it."""
    ingested = ingest_corpus(corpus, DEFAULT_CHUNKING, fold_threshold=fold)
    config = IndexConfig(model=embedder.name, chunking=DEFAULT_CHUNKING, fold_threshold=fold)
    build_from_chunks(ingested.documents, ingested.chunks, tmp, config, embedder=embedder)
    embedder.inner.save()
    return Retriever.load(tmp, embedder=embedder), ingested


def with_bm25(retriever: Retriever, k1: float, b: float) -> Retriever:
    """The same generation with its chunk and document BM25 rebuilt with ``k1``, ``b``."""
    gen = retriever._gen  # benchmark-only view over the same vectors
    repeat = IndexConfig().bm25_title_repeat
    gen = replace(
        gen,
        lexical=Bm25Index.build([chunk_tokens(c, repeat) for c in gen.chunks], k1=k1, b=b),
        doc_lexical=Bm25Index.build(
            [document_tokens(d) for d in gen.documents.values()], k1=k1, b=b
        ),
    )
    return Retriever(gen, retriever._embedder, index_dir=Path("."))


def ncp_scores(
    retriever: Retriever, questions: Sequence[dict[str, str]], dup_of: dict[str, str],
    cfg: SearchConfig,
) -> tuple[np.ndarray, list[list[str]]]:
    """Per-question rows (see ``COLUMNS``) and the top-10 document stems.

    Document recall counts the gold file or a copy folded into the hit's document
    (``dup_of``); the strict column counts the gold file name only. The distinct
    column asks whether the gold document is among the first five different
    documents of the ranking (the top 10 chunks).
    """
    rows, tops = [], []
    for q in questions:
        hits = retriever.search(q["question"], k=10, config=cfg)
        docs = [Path(h.chunk.source).stem for h in hits]
        distinct = list(dict.fromkeys(docs))
        gold = {q["doc"], dup_of.get(q["doc"], q["doc"])}
        rows.append((recall_at(docs, gold, 5), reciprocal_rank(docs, gold, 10),
                     answer_in([h.chunk.text for h in hits[:5]], q["answer"]),
                     recall_at(distinct, gold, 5), recall_at(docs, {q["doc"]}, 5)))
        tops.append(docs)
    return np.array(rows), tops


def sample_recall(retriever: Retriever, questions: Sequence[dict[str, Any]],
                  spans: Sequence[tuple[str, list[tuple[int, int]]]], cfg: SearchConfig) -> float:
    """Evidence-level Recall@5 on the sample corpus."""
    hits = []
    for q, (doc_id, sp) in zip(questions, spans, strict=True):
        top = retriever.search(q["question"], k=5, config=cfg)
        hits.append(any(h.chunk.doc_id == doc_id and chunk_hits(h.chunk, sp) for h in top))
    return statistics.fmean(hits)


def main(argv: Sequence[str] | None = None) -> int:
    """Run every variant; log the table; write JSON."""
    p = argparse.ArgumentParser(prog="python -m bench.bench_ablation", description=__doc__)
    p.add_argument("--out", type=Path, required=True)
    p.add_argument("--model", default=DEFAULT_MODEL)
    p.add_argument("--cache-dir", type=Path, default=model_cache_dir().parent / "bench")
    p.add_argument("--sample-corpus", type=Path, default=SAMPLE_CORPUS)
    p.add_argument("--sample-questions", type=Path,
                   default=Path("eval/data/sample_questions.jsonl"))
    p.add_argument("--dump-misses", type=Path,
                   help="write the NCP Recall@5 misses of the new default")
    args = p.parse_args(argv)
    logging.basicConfig(level=logging.INFO, format="%(asctime)s %(name)s: %(message)s")
    logging.getLogger("bm25s").setLevel(logging.WARNING)
    inner = CachingEmbedder(load_embedder(args.model),
                            args.cache_dir / f"{args.model.replace('/', '_')}.npz")
    embedder = MemoQueries(inner)
    questions = load_questions(NCP / "dev_questions.jsonl")
    order = list(range(len(questions)))
    random.Random(SEED).shuffle(order)
    halves = {"A": sorted(order[: len(order) // 2]), "B": sorted(order[len(order) // 2:])}
    sample_qs = [json.loads(x) for x in args.sample_questions.read_text("utf-8").splitlines()
                 if x.strip()]
    sample_qs = [q for q in sample_qs if q.get("answerable")]
    results: dict[str, Any] = {}
    with tempfile.TemporaryDirectory() as tmp:
        builds: dict[float | None, tuple[Retriever, Any, dict[str, str]]] = {}
        for fold in dict.fromkeys(v[3] for v in VARIANTS.values()):
            ncp, ingested = build(NCP / "corpus", embedder, Path(tmp) / f"ncp-{fold}", fold)
            dup_of = {Path(d).stem: Path(k).stem for k, d in ingested.report.aliases}
            builds[fold] = (ncp, ingested, dup_of)
        sample, s_ing = build(args.sample_corpus, embedder, Path(tmp) / "sample", None)
        by_stem = {Path(d.source).stem: d for d in s_ing.documents}
        spans = [(by_stem[q["doc"]].doc_id,
                  evidence_spans(by_stem[q["doc"]], [q["evidence"], *q.get("alt_evidence", [])]))
                 for q in sample_qs]
        views: dict[tuple[float, float, float | None], tuple[Retriever, Retriever]] = {}
        misses: list[tuple[dict[str, str], list[str]]] = []
        for name, (k1, b, cfg, fold) in VARIANTS.items():
            if (k1, b, fold) not in views:
                views[(k1, b, fold)] = (with_bm25(builds[fold][0], k1, b),
                                        with_bm25(sample, k1, b))
            ncp_v, sample_v = views[(k1, b, fold)]
            rows, tops = ncp_scores(ncp_v, questions, builds[fold][2], cfg)
            entry = {"full": rows.mean(0).tolist()}
            for h, idx in halves.items():
                entry[h] = rows[idx].mean(0).tolist()
            entry["sample_r5"] = sample_recall(sample_v, sample_qs, spans, cfg)
            results[name] = entry
            if name == NEW_DEFAULT:
                misses = [(q, top) for q, row, top in zip(questions, rows, tops, strict=True)
                          if row[0] < 1]
                ingested, dup_of = builds[fold][1], builds[fold][2]
        timed = (OLD_DEFAULT, SPREAD_ONLY, NEW_DEFAULT)
        lat: dict[str, list[float]] = {name: [] for name in timed}
        for q in questions:  # interleaved so machine noise hits all alike
            for name in timed:
                k1, b, cfg, fold = VARIANTS[name]
                t0 = time.perf_counter()
                views[(k1, b, fold)][0].search(q["question"], k=5, config=cfg)
                lat[name].append((time.perf_counter() - t0) * 1000)
        embed_ms = []
        for q in questions:
            t0 = time.perf_counter()
            inner.embed_queries([q["question"]])
            embed_ms.append((time.perf_counter() - t0) * 1000)
        latency = {f"{n} (search, query vector memoised)": statistics.median(v)
                   for n, v in lat.items()}
        latency["query embedding"] = statistics.median(embed_ms)
        if args.dump_misses:
            with args.dump_misses.open("w", encoding="utf-8") as fh:
                for q, top in misses:
                    fh.write(json.dumps({"q": q["question"],
                                         "gold": _title(ingested, dup_of.get(q["doc"], q["doc"])),
                                         "top5": [_title(ingested, d) for d in top[:5]]},
                                        ensure_ascii=False) + "\n")
    logger.info("%-40s %-29s %-29s %-29s %s", "variant",
                "full R5/MRR/ans/distinct/strict", "half A", "half B", "sample R5")
    for name, e in results.items():
        cells = ["/".join(f"{x:.3f}" for x in e[h]) for h in ("full", "A", "B")]
        logger.info("%-40s %-29s %-29s %-29s %.3f", name, *cells, e["sample_r5"])
    logger.info("median latency ms: %s",
                {n: round(v, 2) for n, v in latency.items()})
    args.out.parent.mkdir(parents=True, exist_ok=True)
    args.out.write_text(json.dumps({"seed": SEED, "metrics": ", ".join(COLUMNS),
                                    "variants": results, "latency_ms_median": latency},
                                   indent=2, ensure_ascii=False), encoding="utf-8")
    return 0


def _title(ingested: Any, stem: str) -> str:
    for d in ingested.documents:
        if Path(d.source).stem == stem:
            return f"{stem[:6]} {d.title}"
    return stem


if __name__ == "__main__":
    sys.exit(main())
