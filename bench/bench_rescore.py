"""Re-scoring cost: BM25 scores of the candidate rows only, against scoring every chunk.

    python -m bench.bench_rescore --work DIR/faiss-1000000 --out bench/results/rescore.json

``DIR`` is a ``bench.bench_scale --work`` folder (its built index, questions and query
vectors). For each question the retriever's own candidate lists are taken (dense and
BM25, ``SearchConfig().candidates`` each), and the BM25 scores of their union are
computed both ways in the same process, interleaved: the previous path
(``Bm25Index.scores`` of every chunk, then the rows) and the shipped one
(``Bm25Index.scores_at``). The two must be equal bit for bit; the figures are the
CPU milliseconds of each and their ratio.
"""

from __future__ import annotations

import argparse
import json
import logging
import statistics
import sys
import time
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any

import numpy as np

from bench.metrics import percentile

logger = logging.getLogger("bench")


def _cpu_ms(fn: Callable[..., np.ndarray], *args: Any) -> tuple[float, np.ndarray]:
    c0 = time.thread_time()
    out = fn(*args)
    return (time.thread_time() - c0) * 1000, out


def _all_then_rows(lexical: Any, tokens: list[str], rows: np.ndarray) -> np.ndarray:
    return lexical.scores(tokens)[rows]


def measure(work: Path) -> dict[str, Any]:
    """Time both re-scoring paths over the questions saved in ``work``."""
    from index import Retriever, SearchConfig
    from index.embedder import HashEmbedder
    from index.tokenise import query_tokens
    from ingest.script import to_simplified

    texts = json.loads((work / "queries.json").read_text())
    vecs = np.load(work / "query_vectors.npy")
    retriever = Retriever.load(work / "faiss", embedder=HashEmbedder(dim=vecs.shape[1]))
    lexical = retriever._gen.lexical  # the generation's BM25 index (bench-only access)
    n = SearchConfig().candidates
    full, rows_only, sizes = [], [], []
    for text, vec in zip(texts, vecs, strict=True):
        dense, lex = retriever.candidates(text, n, query_vector=vec)
        union = np.array(sorted({i for i, _ in dense} | {i for i, _ in lex}), dtype=np.int64)
        tokens = query_tokens(to_simplified(text))
        t_full, want = _cpu_ms(_all_then_rows, lexical, tokens, union)
        t_rows, got = _cpu_ms(lexical.scores_at, tokens, union)
        if not np.array_equal(want, got):
            raise AssertionError(f"scores differ for {text!r}")
        full.append(t_full)
        rows_only.append(t_rows)
        sizes.append(len(union))
    return {
        "work": str(work), "chunks": int(lexical.n_docs), "questions": len(full),
        "candidate_rows_p50": statistics.median(sizes),
        "all_chunks_cpu_ms_p50": statistics.median(full),
        "all_chunks_cpu_ms_p95": percentile(full, 95),
        "candidate_rows_cpu_ms_p50": statistics.median(rows_only),
        "candidate_rows_cpu_ms_p95": percentile(rows_only, 95),
        "ratio_p50": statistics.median(rows_only) / statistics.median(full),
        "identical": True,
    }


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m bench.bench_rescore",
                                     description=__doc__.split("\n")[0])
    parser.add_argument("--work", type=Path, required=True,
                        help="a bench_scale size folder (holding faiss/, queries.json)")
    parser.add_argument("--out", type=Path, default=None)
    args = parser.parse_args(argv)
    logging.basicConfig(level=logging.INFO, format="%(message)s")
    if not (args.work / "queries.json").is_file() or not (args.work / "faiss").is_dir():
        logger.error("%s is not a bench_scale folder (needs faiss/ and queries.json); "
                     "build one with: python -m bench.bench_scale --sizes N --work DIR",
                     args.work)
        return 2
    result = measure(args.work)
    for key, value in result.items():
        logger.info("%-28s %s", key, value)
    if args.out is not None:
        args.out.write_text(json.dumps(result, indent=2) + "\n", encoding="utf-8")
        logger.info("wrote %s", args.out)
    return 0


if __name__ == "__main__":
    sys.exit(main())
