"""LeCoQA dev: everyday questions against formal text, scored by document recall.

The set measures robustness to wording only (people ask 「老公欠的钱」, the text
says 夫妻共同债务); nothing about its subject enters the product. Each question
names the article whose text best matches the answer (``doc``) and the other
articles the answer cited (``alt_docs``).

>>> q = {"doc": "a.txt", "alt_docs": ["c.txt"]}
>>> lecoqa_row(["b.txt", "c.txt", "a.txt"], q, {})
(1.0, 1.0, 0.3333333333333333)
"""

from __future__ import annotations

import json
from collections.abc import Mapping, Sequence
from pathlib import Path
from typing import Any

import numpy as np

from bench.metrics import recall_at, reciprocal_rank
from index.config import SearchConfig
from index.retriever import Retriever

LECOQA = Path(__file__).resolve().parents[2] / "shared" / "benchmarks" / "lecoqa"
#: Per-question columns of ``lecoqa_scores``.
COLUMNS = ("doc_recall@5", "any_cited_recall@5", "mrr@10")


def load_lecoqa(path: Path) -> list[dict[str, Any]]:
    """The questions of one LeCoQA split (``dev_questions.jsonl``)."""
    with path.open(encoding="utf-8") as fh:
        return [json.loads(line) for line in fh if line.strip()]


def lecoqa_row(
    ranked: Sequence[str], question: Mapping[str, Any], dup_of: Mapping[str, str]
) -> tuple[float, float, float]:
    """Doc Recall@5, any-cited Recall@5 and MRR@10 (on ``doc``) for one ranking of file names.

    ``dup_of`` maps a file ingest folded into another to the file kept, so a hit
    on the kept copy counts.
    """
    gold = {question["doc"], dup_of.get(question["doc"], question["doc"])}
    cited = gold | set(question.get("alt_docs", ())) | {
        dup_of.get(d, d) for d in question.get("alt_docs", ())
    }
    return (recall_at(ranked, gold, 5), recall_at(ranked, cited, 5),
            reciprocal_rank(ranked, gold, 10))


def lecoqa_scores(
    retriever: Retriever, questions: Sequence[Mapping[str, Any]], dup_of: Mapping[str, str],
    cfg: SearchConfig,
) -> np.ndarray:
    """One row of ``COLUMNS`` per question, through ``Retriever.search`` itself."""
    rows = []
    for q in questions:
        hits = retriever.search(q["question"], k=10, config=cfg)
        rows.append(lecoqa_row([Path(h.chunk.source).name for h in hits], q, dup_of))
    return np.array(rows, dtype=float).reshape(-1, len(COLUMNS))
