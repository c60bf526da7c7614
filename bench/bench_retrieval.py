"""Retrieval benchmark on NCPPolicies: BM25, dense, fusion variants and plain LangChain.

    python -m bench.bench_retrieval --out bench/results/ncp.json

Ingests the corpus, builds an index with the real model (document vectors are
cached under ``--cache-dir`` so reruns and variants do not re-embed), scores
the dev questions for every variant and times full ``Retriever.search`` calls.
"""

from __future__ import annotations

import argparse
import json
import logging
import statistics
import sys
import tempfile
import time
from collections.abc import Callable, Sequence
from dataclasses import asdict, replace
from pathlib import Path
from typing import Any

from bench.embed_cache import CachingEmbedder, cached_embedder
from bench.metrics import answer_in, percentile, recall_at, reciprocal_rank
from index.bm25 import Bm25Index
from index.build import build_from_chunks, chunk_tokens
from index.config import IndexConfig, SearchConfig
from index.embedder import DEFAULT_MODEL, model_cache_dir
from index.fusion import Fused
from index.retriever import Retriever
from index.tokenise import has_chinese, query_tokens
from ingest import ChunkingConfig, ingest_corpus
from ingest.script import to_simplified

logger = logging.getLogger("bench")

NCP = Path(__file__).resolve().parents[2] / "shared" / "benchmarks" / "ncp_policies"
CANDIDATES = 100


def _single(source: str) -> SearchConfig:
    return SearchConfig(fusion=source, rescore=False)


def _rrf(dense: float, bm25: float) -> SearchConfig:
    return SearchConfig(fusion="rrf", dense_weight=dense, bm25_weight=bm25, rescore=False)


def _score(dense: float, bm25: float, rescore: bool = False) -> SearchConfig:
    return SearchConfig(fusion="score", dense_weight=dense, bm25_weight=bm25, rescore=rescore)


#: name -> (BM25 title repeat, search config, weight of the document-level BM25 evidence)
VARIANTS: dict[str, tuple[int, SearchConfig, float]] = {
    "bm25 (text only)": (0, _single("bm25"), 0.0),
    "bm25 (+title/section)": (1, _single("bm25"), 0.0),
    "bm25 (+title x2)": (2, _single("bm25"), 0.0),
    "dense": (1, _single("dense"), 0.0),
    "rrf 1:1 k=60": (1, _rrf(1, 1), 0.0),
    "rrf 1:1 k=60 text-only bm25": (0, _rrf(1, 1), 0.0),
    "rrf dense:bm25 1:2": (1, _rrf(1, 2), 0.0),
    "rrf dense:bm25 1:3": (1, _rrf(1, 3), 0.0),
    "rrf 1:1 + doc 1": (1, _rrf(1, 1), 1.0),
    "rrf 1:2 + doc 2": (1, _rrf(1, 2), 2.0),
    "bm25 + doc 1 (rrf)": (1, _rrf(0, 1), 1.0),
    "score 0.5/0.5": (1, _score(0.5, 0.5), 0.0),
    "score 0.3/0.7": (1, _score(0.3, 0.7), 0.0),
    "score 0.2/0.8": (1, _score(0.2, 0.8), 0.0),
    "score 0.3/0.7 + doc 0.2": (1, _score(0.3, 0.7), 0.2),
    "score 0.3/0.7 + doc 0.3": (1, _score(0.3, 0.7), 0.3),
    "score 0.3/0.7 + doc 0.4": (1, _score(0.3, 0.7), 0.4),
    "score 0.5/0.5 + doc 0.3": (1, _score(0.5, 0.5), 0.3),
    "rescore union, score 0.3/0.7": (1, _score(0.3, 0.7, True), 0.0),
    "rescore union, score 0.3/0.7 + doc 0.3 (default)": (1, _score(0.3, 0.7, True), 0.3),
}


def load_questions(path: Path) -> list[dict[str, str]]:
    """The dev questions ``{id, question, doc, answer}``."""
    with path.open(encoding="utf-8") as fh:
        return [json.loads(line) for line in fh if line.strip()]


def evaluate(
    questions: Sequence[dict[str, str]],
    ranked: Callable[[int], list[Fused]],
    chunk_doc: Sequence[str],
    chunk_text: Sequence[str],
    gold_docs: Callable[[str], set[str]],
) -> dict[str, float]:
    """Document Recall@5, MRR@10 and answer-in-top-5 over ``questions``."""
    r5, mrr, ans = [], [], []
    for qi, q in enumerate(questions):
        top = ranked(qi)[:10]
        docs = [chunk_doc[f.item] for f in top]
        gold = gold_docs(q["doc"])
        r5.append(recall_at(docs, gold, 5))
        mrr.append(reciprocal_rank(docs, gold, 10))
        ans.append(answer_in([chunk_text[f.item] for f in top[:5]], q["answer"]))
    return {
        "doc_recall@5": statistics.fmean(r5),
        "mrr@10": statistics.fmean(mrr),
        "answer_in_top5": statistics.fmean(ans),
    }


def langchain_compare(
    embedder: CachingEmbedder,
    texts: Sequence[str],
    metas: Sequence[dict[str, str]],
    questions: Sequence[dict[str, str]],
    gold_docs: Callable[[str], set[str]],
    throughput_sample: int,
) -> dict[str, Any]:
    """A plain ``FAISS.from_texts`` retriever with the same model and chunks."""
    import langchain_community
    from langchain_community.vectorstores import FAISS
    from langchain_core.embeddings import Embeddings

    class SameModel(Embeddings):
        def __init__(self, inner: Any) -> None:
            self.inner = inner

        def embed_documents(self, docs: list[str]) -> list[list[float]]:
            return self.inner.embed_documents(docs).tolist()

        def embed_query(self, text: str) -> list[float]:
            return self.inner.embed_queries([text])[0].tolist()

    sample = list(texts[:throughput_sample])
    t0 = time.perf_counter()
    FAISS.from_texts(sample, SameModel(embedder.inner))  # uncached: measures throughput
    lc_rate = len(sample) / (time.perf_counter() - t0)
    store = FAISS.from_texts(list(texts), SameModel(embedder), metadatas=list(metas))
    r5, mrr, ans, lat = [], [], [], []
    for q in questions:
        t0 = time.perf_counter()
        docs = store.similarity_search(q["question"], k=10)
        lat.append((time.perf_counter() - t0) * 1000)
        ids = [d.metadata["doc"] for d in docs]
        gold = gold_docs(q["doc"])
        r5.append(recall_at(ids, gold, 5))
        mrr.append(reciprocal_rank(ids, gold, 10))
        ans.append(answer_in([d.page_content for d in docs[:5]], q["answer"]))
    return {
        "langchain_community": langchain_community.__version__,
        "doc_recall@5": statistics.fmean(r5),
        "mrr@10": statistics.fmean(mrr),
        "answer_in_top5": statistics.fmean(ans),
        "latency_ms_median": statistics.median(lat),
        "latency_ms_p95": percentile(lat, 95),
        "embed_chunks_per_s": lc_rate,
    }


def run_one(args: argparse.Namespace, chunk_size: int, embedder: CachingEmbedder) -> dict[str, Any]:
    """Benchmark one chunk size; returns the result dict."""
    chunking = ChunkingConfig(chunk_size=chunk_size, chunk_overlap=min(50, chunk_size // 5))
    t0 = time.perf_counter()
    ingested = ingest_corpus(args.corpus, chunking)
    ingest_s = time.perf_counter() - t0
    dup_of = {Path(d).stem: Path(k).stem for k, d in ingested.report.aliases}

    def gold_docs(doc: str) -> set[str]:
        return {doc, dup_of.get(doc, doc)}

    chunks = ingested.chunks
    chunk_doc = [Path(c.source).stem for c in chunks]
    chunk_text = [c.text for c in chunks]
    before_n, before_s = embedder.embedded, embedder.embed_seconds
    with tempfile.TemporaryDirectory() as tmp:
        report = build_from_chunks(
            ingested.documents, chunks, Path(tmp) / "idx", IndexConfig(model=args.model,
                                                                      chunking=chunking),
            embedder=embedder, progress=args.progress,
        )
        embedder.save()
        retriever = Retriever.load(Path(tmp) / "idx", embedder=embedder)
    questions = load_questions(args.questions)
    lexical = {
        rep: Bm25Index.build([chunk_tokens(c, rep) for c in chunks]) for rep in (0, 1, 2)
    }
    qvecs, dense_lists = [], []
    for q in questions:
        qv = retriever.embed_query(q["question"])
        qvecs.append(qv)
        dense_lists.append(retriever.candidates(q["question"], CANDIDATES, query_vector=qv)[0])
    lex_lists = {
        rep: [
            idx.search(query_tokens(to_simplified(q["question"])), CANDIDATES)
            if has_chinese(q["question"]) else []
            for q in questions
        ]
        for rep, idx in lexical.items()
    }
    variants: dict[str, dict[str, float]] = {}
    for name, (rep, cfg, doc_weight) in VARIANTS.items():
        pairs = [(dense_lists[i], lex_lists[rep][i]) for i in range(len(questions))]
        if cfg.rescore:
            if rep != 1:
                raise ValueError("rescore variants use the index's own BM25 (title repeat 1)")
            pairs = [retriever.rescore(q["question"], qvecs[i], *pairs[i])
                     for i, q in enumerate(questions)]
        fused = [
            retriever.fuse(q["question"], pairs[i][0], pairs[i][1], cfg)
            for i, q in enumerate(questions)
        ]
        if doc_weight:
            with_doc = replace(cfg, doc_weight=doc_weight)
            fused = [
                retriever.add_document_evidence(q["question"], fused[i], with_doc)
                for i, q in enumerate(questions)
            ]
        variants[name] = evaluate(questions, fused.__getitem__, chunk_doc, chunk_text, gold_docs)
        logger.info("%-30s %s", name, variants[name])
    row_of = {c.chunk_id: i for i, c in enumerate(chunks)}
    shipped = [
        [Fused(row_of[h.chunk.chunk_id], h.score, h.dense_rank, h.dense_score, h.bm25_rank,
               h.bm25_score) for h in retriever.search(q["question"], k=10, query_vector=qvecs[i])]
        for i, q in enumerate(questions)
    ]
    name = "shipped default (Retriever.search: + same-document spread, other-province penalty)"
    variants[name] = evaluate(questions, shipped.__getitem__, chunk_doc, chunk_text, gold_docs)
    logger.info("%-30s %s", name, variants[name])
    latencies, embed_ms = [], []
    for q in questions:
        t0 = time.perf_counter()
        retriever.embed_query(q["question"])
        embed_ms.append((time.perf_counter() - t0) * 1000)
        t0 = time.perf_counter()
        retriever.search(q["question"], k=5)
        latencies.append((time.perf_counter() - t0) * 1000)
    embedded = embedder.embedded - before_n
    result: dict[str, Any] = {
        "chunk_size": chunk_size,
        "chunking": asdict(chunking),
        "n_documents": len(ingested.documents),
        "n_chunks": len(chunks),
        "n_questions": len(questions),
        "default_search_config": asdict(retriever.search_config),
        "ingest_seconds": ingest_s,
        "ingest_chunks_per_s": len(chunks) / ingest_s,
        "embedded_now": embedded,
        "embed_chunks_per_s": (
            embedded / (embedder.embed_seconds - before_s) if embedded else None
        ),
        "bytes_per_chunk_on_disk": report.bytes_per_chunk,
        "search_latency_ms_median": statistics.median(latencies),
        "search_latency_ms_p95": percentile(latencies, 95),
        "query_embed_ms_median": statistics.median(embed_ms),
        "variants": variants,
    }
    if not args.skip_langchain:
        metas = [{"doc": d} for d in chunk_doc]
        result["langchain_faiss"] = langchain_compare(
            embedder, chunk_text, metas, questions, gold_docs, args.throughput_sample
        )
    return result


def log_table(results: Sequence[dict[str, Any]]) -> None:
    """Log one line per chunk size and variant."""
    for res in results:
        logger.info("chunk_size=%s  chunks=%s  search median %.1f ms p95 %.1f ms",
                    res["chunk_size"], res["n_chunks"], res["search_latency_ms_median"],
                    res["search_latency_ms_p95"])
        logger.info("%-32s %8s %8s %8s", "variant", "R@5", "MRR@10", "ans@5")
        rows = dict(res["variants"])
        if "langchain_faiss" in res:
            rows["langchain FAISS.from_texts"] = res["langchain_faiss"]
        for name, m in rows.items():
            logger.info("%-32s %8.3f %8.3f %8.3f", name, m["doc_recall@5"], m["mrr@10"],
                        m["answer_in_top5"])


def main(argv: Sequence[str] | None = None) -> int:
    """Parse arguments, run the benchmark, write JSON."""
    p = argparse.ArgumentParser(prog="python -m bench.bench_retrieval", description=__doc__)
    p.add_argument("--corpus", type=Path, default=NCP / "corpus")
    p.add_argument("--questions", type=Path, default=NCP / "dev_questions.jsonl")
    p.add_argument("--out", type=Path, required=True)
    p.add_argument("--model", default=DEFAULT_MODEL)
    p.add_argument("--cache-dir", type=Path, default=model_cache_dir().parent / "bench")
    p.add_argument("--chunk-sizes", type=int, nargs="+", default=[300])
    p.add_argument("--skip-langchain", action="store_true")
    p.add_argument("--throughput-sample", type=int, default=200)
    p.add_argument("--progress", action="store_true")
    args = p.parse_args(argv)
    logging.basicConfig(level=logging.INFO, format="%(asctime)s %(name)s: %(message)s")
    logging.getLogger("bm25s").setLevel(logging.WARNING)
    for path in (args.corpus, args.questions):
        if not path.exists():
            print(f"error: {path} does not exist", file=sys.stderr)
            return 1
    embedder = cached_embedder(args.model, args.cache_dir)
    results = [run_one(args, size, embedder) for size in args.chunk_sizes]
    log_table(results)
    args.out.parent.mkdir(parents=True, exist_ok=True)
    args.out.write_text(json.dumps({"model": args.model, "results": results}, indent=2,
                                   ensure_ascii=False), encoding="utf-8")
    logger.info("wrote %s", args.out)
    return 0


if __name__ == "__main__":
    sys.exit(main())
