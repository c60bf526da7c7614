"""Retrieval variants on the sample corpus with the eval team's question set.

    python -m bench.bench_sample --out bench/results/sample.json

Recall@5 here is evidence-level: a top-5 chunk contains the evidence (or an
alternative evidence) span after whitespace removal, or overlaps at least half
of it when the span crosses a chunk boundary. Unanswerable questions are skipped.
"""

from __future__ import annotations

import argparse
import json
import logging
import statistics
import sys
import tempfile
from collections.abc import Sequence
from dataclasses import replace
from pathlib import Path
from typing import Any

from bench.bench_retrieval import CANDIDATES, VARIANTS
from bench.embed_cache import cached_embedder
from bench.metrics import squash
from index.build import build_from_chunks
from index.config import IndexConfig
from index.embedder import DEFAULT_MODEL, model_cache_dir
from index.retriever import Retriever
from ingest import Chunk, ChunkingConfig, Document, ingest_corpus

SAMPLE_CORPUS = Path(__file__).resolve().parents[2] / "shared" / "corpus"

logger = logging.getLogger("bench.sample")


def evidence_spans(doc: Document, evidence: Sequence[str]) -> list[tuple[int, int]]:
    """Character spans of each evidence string in ``doc.text`` (whitespace-insensitive)."""
    keep = [i for i, ch in enumerate(doc.text) if not ch.isspace()]
    flat = "".join(doc.text[i] for i in keep)
    spans = []
    for ev in evidence:
        pos = flat.find(squash(ev))
        if pos >= 0 and ev.strip():
            spans.append((keep[pos], keep[pos + len(squash(ev)) - 1] + 1))
    return spans


def chunk_hits(chunk: Chunk, spans: Sequence[tuple[int, int]]) -> bool:
    """True when the chunk covers at least half of one evidence span."""
    for start, end in spans:
        overlap = min(end, chunk.char_end) - max(start, chunk.char_start)
        if overlap >= max(1, (end - start) / 2):
            return True
    return False


def main(argv: Sequence[str] | None = None) -> int:
    """Evaluate every fusion variant on the sample corpus."""
    p = argparse.ArgumentParser(prog="python -m bench.bench_sample", description=__doc__)
    p.add_argument("--corpus", type=Path, default=SAMPLE_CORPUS)
    p.add_argument("--questions", type=Path, default=Path("eval/data/sample_questions.jsonl"))
    p.add_argument("--out", type=Path, required=True)
    p.add_argument("--model", default=DEFAULT_MODEL)
    p.add_argument("--chunk-size", type=int, default=300)
    p.add_argument("--cache-dir", type=Path, default=model_cache_dir().parent / "bench")
    args = p.parse_args(argv)
    logging.basicConfig(level=logging.INFO, format="%(asctime)s %(name)s: %(message)s")
    logging.getLogger("bm25s").setLevel(logging.WARNING)
    for path in (args.corpus, args.questions):
        if not path.exists():
            print(f"error: {path} does not exist", file=sys.stderr)
            return 1
    questions = [json.loads(x) for x in args.questions.read_text(encoding="utf-8").splitlines()
                 if x.strip()]
    questions = [q for q in questions if q.get("answerable")]
    chunking = ChunkingConfig(chunk_size=args.chunk_size)
    ingested = ingest_corpus(args.corpus, chunking)
    by_stem = {Path(d.source).stem: d for d in ingested.documents}
    embedder = cached_embedder(args.model, args.cache_dir)
    with tempfile.TemporaryDirectory() as tmp:
        config = IndexConfig(model=args.model, chunking=chunking)
        build_from_chunks(ingested.documents, ingested.chunks, Path(tmp), config,
                          embedder=embedder)
        embedder.save()
        retriever = Retriever.load(Path(tmp), embedder=embedder)
    spans = []
    for q in questions:
        doc = by_stem[q["doc"]]
        found = evidence_spans(doc, [q["evidence"], *q.get("alt_evidence", [])])
        if not found:
            logger.warning("%s: evidence not found in %s", q["id"], q["doc"])
        spans.append((doc.doc_id, found))
    qvecs = [retriever.embed_query(q["question"]) for q in questions]
    cands = [retriever.candidates(q["question"], CANDIDATES, query_vector=v)
             for q, v in zip(questions, qvecs, strict=True)]
    results: dict[str, Any] = {}
    for name, (_rep, cfg, doc_weight) in VARIANTS.items():
        per_lang: dict[str, list[float]] = {}
        for q, v, (dense, lexical), (doc_id, sp) in zip(
            questions, qvecs, cands, spans, strict=True
        ):
            if cfg.rescore:
                dense, lexical = retriever.rescore(q["question"], v, dense, lexical)
            fused = retriever.fuse(q["question"], dense, lexical, cfg)
            if doc_weight:
                fused = retriever.add_document_evidence(
                    q["question"], fused, replace(cfg, doc_weight=doc_weight))
            top = [retriever.chunks[f.item] for f in fused[:5]]
            hit = any(c.doc_id == doc_id and chunk_hits(c, sp) for c in top)
            per_lang.setdefault(q["lang"], []).append(float(hit))
        every = [v for vals in per_lang.values() for v in vals]
        results[name] = {"recall@5": statistics.fmean(every),
                         **{f"recall@5_{k}": statistics.fmean(v) for k, v in per_lang.items()}}
        logger.info("%-30s %s", name, {k: round(v, 3) for k, v in results[name].items()})
    args.out.parent.mkdir(parents=True, exist_ok=True)
    args.out.write_text(json.dumps({"n_questions": len(questions), "variants": results},
                                   indent=2, ensure_ascii=False), encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
