"""Parity: the Milvus backend against the FAISS backend on NCP dev, in one run.

    nice -n 10 python -m bench.bench_milvus_parity --faiss-index /work/cache/ncp-index \\
        --out bench/results/milvus_parity.json

Reads a FAISS index of the NCP corpus (read-only; built here with the real model
if ``--faiss-index`` is not given), writes the same documents, chunks and vectors
into a fresh Milvus Lite file (nothing is re-embedded) and scores the dev
questions on both backends with the shipped search: document Recall@5 (a gold
notice or a copy folded into it), answer-in-top-5, MRR@10, the share of questions
whose top 5 chunks are identical, and search latency with each question embedded
once beforehand (so only retrieval is timed).

It also measures the lexical side alone three ways (document Recall@5 of BM25
only): our bigram BM25 weights stored as sparse vectors (what the backend uses;
equal to bm25s), Milvus's own BM25 function over the same bigram tokens with its
``standard`` analyzer, and Milvus's BM25 function over the simplified text with
its ``jieba`` analyzer.
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
from pathlib import Path
from typing import Any

from bench.metrics import answer_in, percentile, recall_at, reciprocal_rank
from index import IndexConfig, MilvusLocation, Retriever, build_from_chunks
from index.build import chunk_tokens
from index.milvus.client import connect
from index.tokenise import field_text, query_tokens
from index.types import Hit
from ingest import ChunkingConfig
from ingest.script import to_simplified

logger = logging.getLogger("bench")

NCP = Path(__file__).resolve().parents[2] / "shared" / "benchmarks" / "ncp_policies"


def load_questions(path: Path) -> list[dict[str, str]]:
    """The dev questions ``{id, question, doc, answer}``."""
    with path.open(encoding="utf-8") as fh:
        return [json.loads(line) for line in fh if line.strip()]


def faiss_index(args: argparse.Namespace, work: Path) -> Path:
    """The FAISS index to compare against: given, or built here with the real model."""
    if args.faiss_index:
        return Path(args.faiss_index)
    from index import build_index

    target = work / "faiss"
    build_index(args.corpus, target, IndexConfig(), progress=args.progress)
    return target


def mirror_into_milvus(faiss: Retriever, location: MilvusLocation, corpus: Path) -> float:
    """Write the FAISS generation's documents, chunks and vectors as a Milvus generation."""
    gen, m = faiss._gen, faiss._gen.manifest
    config = IndexConfig(
        model=m["model"], chunking=ChunkingConfig(**m["chunking"]),
        bm25_title_repeat=int(m["bm25"]["title_repeat"]), fold_threshold=m.get("fold_threshold"),
    )
    entries = m["documents"]
    aliases = [(e["source"], a) for e in entries.values() for a in e.get("aliases", ())]
    reuse = {c.chunk_id: gen.vectors[i] for i, c in enumerate(gen.chunks)}
    t0 = time.perf_counter()
    build_from_chunks(
        list(gen.documents.values()), list(gen.chunks), location, config,
        embedder=faiss._embedder, reuse=reuse, corpus_dir=corpus, aliases=aliases,
    )
    return time.perf_counter() - t0


def score(
    retriever: Retriever,
    questions: Sequence[dict[str, str]],
    qvecs: Sequence[Any],
    gold_docs: Callable[[str], set[str]],
) -> tuple[dict[str, float], list[list[Hit]]]:
    """Shipped-search metrics and latency over ``questions`` (query vectors given)."""
    r5, mrr, ans, lat, runs = [], [], [], [], []
    for q, qv in zip(questions, qvecs, strict=True):
        t0 = time.perf_counter()
        hits = retriever.search(q["question"], k=10, query_vector=qv)
        lat.append((time.perf_counter() - t0) * 1000)
        docs = [Path(h.chunk.source).stem for h in hits]
        gold = gold_docs(q["doc"])
        r5.append(recall_at(docs, gold, 5))
        mrr.append(reciprocal_rank(docs, gold, 10))
        ans.append(answer_in([h.chunk.text for h in hits[:5]], q["answer"]))
        runs.append(hits)
    return {
        "doc_recall@5": statistics.fmean(r5),
        "answer_in_top5": statistics.fmean(ans),
        "mrr@10": statistics.fmean(mrr),
        "search_ms_p50": statistics.median(lat),
        "search_ms_p95": percentile(lat, 95),
    }, runs


def native_bm25(
    location: MilvusLocation, retriever: Retriever, name: str, analyzer: dict[str, Any],
    text_of: Callable[[Any], str],
) -> Callable[[str], list[int]]:
    """A collection scored by Milvus's own BM25 function; returns a top-10 row search."""
    from pymilvus import DataType, Function, FunctionType

    client = connect(location)
    schema = client.create_schema(auto_id=False, enable_dynamic_field=False)
    schema.add_field("row", DataType.INT64, is_primary=True)
    schema.add_field("text", DataType.VARCHAR, max_length=65_535, enable_analyzer=True,
                     analyzer_params=analyzer)
    schema.add_field("sparse", DataType.SPARSE_FLOAT_VECTOR)
    schema.add_function(Function(name=f"{name}_bm25", function_type=FunctionType.BM25,
                                 input_field_names=["text"], output_field_names=["sparse"]))
    params = client.prepare_index_params()
    m = retriever._gen.manifest["bm25"]
    params.add_index("sparse", index_type="SPARSE_INVERTED_INDEX", metric_type="BM25",
                     params={"bm25_k1": m["k1"], "bm25_b": m["b"]})
    client.create_collection(name, schema=schema)
    client.create_index(name, params, sync=False)  # Milvus Lite builds it at flush
    chunks = list(retriever.chunks)
    for start in range(0, len(chunks), 500):
        client.insert(name, [{"row": start + i, "text": text_of(c)}
                             for i, c in enumerate(chunks[start : start + 500])])
    client.flush(name)
    client.load_collection(name)

    def search(query: str) -> list[int]:
        found = client.search(name, data=[query], anns_field="sparse", limit=10,
                              output_fields=["row"], search_params={"metric_type": "BM25"})
        return [int(h["row"]) for h in found[0]]

    return search


def lexical_only(
    location: MilvusLocation, faiss: Retriever, milvus: Retriever,
    questions: Sequence[dict[str, str]], gold_docs: Callable[[str], set[str]],
) -> dict[str, dict[str, float]]:
    """Document Recall@5 and latency of BM25 alone, four ways."""
    repeat = int(faiss._gen.manifest["bm25"]["title_repeat"])

    def bigram_text(c: Any) -> str:  # \\w-only tokens, so the standard analyzer keeps them
        return " ".join(t.replace(".", "_") for t in chunk_tokens(c, repeat))

    def jieba_text(c: Any) -> str:
        return to_simplified(field_text(c.title, c.section_path, c.text, repeat))

    def tokens(q: str) -> list[str]:
        return query_tokens(to_simplified(q))

    variants: dict[str, Callable[[str], list[int]]] = {
        "bm25s in process (FAISS backend)":
            lambda q: [r for r, _ in faiss._gen.lexical_top(tokens(q), 10)],
        "our BM25 weights as sparse vectors in Milvus (the backend)":
            lambda q: [r for r, _ in milvus._gen.lexical_top(tokens(q), 10)],
    }
    t0 = time.perf_counter()
    bigram = native_bm25(location, faiss, "native_bigram", {"tokenizer": "standard"}, bigram_text)
    variants["Milvus BM25 function, our bigrams, standard analyzer"] = (
        lambda q: bigram(" ".join(t.replace(".", "_") for t in tokens(q)))
    )
    logger.info("native bigram collection built in %.1fs", time.perf_counter() - t0)
    t0 = time.perf_counter()
    jieba = native_bm25(location, faiss, "native_jieba", {"tokenizer": "jieba"}, jieba_text)
    variants["Milvus BM25 function, simplified text, jieba analyzer"] = (
        lambda q: jieba(to_simplified(q))
    )
    logger.info("native jieba collection built in %.1fs", time.perf_counter() - t0)
    chunks = list(faiss.chunks)
    out = {}
    for name, search in variants.items():
        r5, lat = [], []
        for q in questions:
            t0 = time.perf_counter()
            rows = search(q["question"])
            lat.append((time.perf_counter() - t0) * 1000)
            docs = [Path(chunks[r].source).stem for r in rows]
            r5.append(recall_at(docs, gold_docs(q["doc"]), 5))
        out[name] = {"doc_recall@5": statistics.fmean(r5), "ms_p50": statistics.median(lat),
                     "ms_p95": percentile(lat, 95)}
        logger.info("%-60s %s", name, out[name])
    return out


def main(argv: Sequence[str] | None = None) -> int:
    p = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    p.add_argument("--faiss-index", type=Path, default=None,
                   help="a FAISS index of the NCP corpus to read (default: build one here)")
    p.add_argument("--corpus", type=Path, default=NCP / "corpus")
    p.add_argument("--questions", type=Path, default=NCP / "dev_questions.jsonl")
    p.add_argument("--out", type=Path, default=Path("bench/results/milvus_parity.json"))
    p.add_argument("--progress", action="store_true")
    args = p.parse_args(argv)
    logging.basicConfig(level=logging.INFO, format="%(message)s")
    for noisy in ("bm25s", "httpx", "index", "jieba", "sentence_transformers"):
        logging.getLogger(noisy).setLevel(logging.WARNING)
    questions = load_questions(args.questions)
    with tempfile.TemporaryDirectory() as tmp:
        work = Path(tmp)
        faiss = Retriever.load(faiss_index(args, work))
        location = MilvusLocation(str(work / "ncp.db"))
        mirror_s = mirror_into_milvus(faiss, location, args.corpus)
        milvus = Retriever.load(location, embedder=faiss._embedder)
        entries = faiss._gen.manifest["documents"]
        dup_of = {Path(a).stem: Path(e["source"]).stem
                  for e in entries.values() for a in e.get("aliases", ())}

        def gold_docs(doc: str) -> set[str]:
            return {doc, dup_of.get(doc, doc)}

        qvecs = [faiss.embed_query(q["question"]) for q in questions]
        result: dict[str, Any] = {
            "questions": len(questions), "n_chunks": len(faiss.chunks),
            "n_documents": len(faiss.documents), "model": faiss.info()["model"],
            "milvus_write_seconds": mirror_s,
        }
        for retriever in (faiss, milvus):
            score(retriever, questions[:20], qvecs[:20], gold_docs)  # warm both
        faiss_metrics, faiss_runs = score(faiss, questions, qvecs, gold_docs)
        milvus_metrics, milvus_runs = score(milvus, questions, qvecs, gold_docs)
        same5 = [
            [h.chunk.chunk_id for h in a[:5]] == [h.chunk.chunk_id for h in b[:5]]
            for a, b in zip(faiss_runs, milvus_runs, strict=True)
        ]
        result["faiss"], result["milvus_lite"] = faiss_metrics, milvus_metrics
        result["identical_top5_share"] = statistics.fmean(same5)
        result["differences"] = {
            k: milvus_metrics[k] - faiss_metrics[k]
            for k in ("doc_recall@5", "answer_in_top5", "mrr@10")
        }
        result["within_0.01"] = all(abs(v) <= 0.01 for k, v in result["differences"].items()
                                    if k != "mrr@10")
        result["lexical_only"] = lexical_only(location, faiss, milvus, questions, gold_docs)
    args.out.parent.mkdir(parents=True, exist_ok=True)
    args.out.write_text(json.dumps(result, ensure_ascii=False, indent=1), encoding="utf-8")
    logger.info("%s", json.dumps({k: result[k] for k in ("faiss", "milvus_lite", "differences",
                                                         "identical_top5_share")}, indent=1))
    return 0 if result["within_0.01"] else 1


if __name__ == "__main__":
    sys.exit(main())
