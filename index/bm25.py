"""BM25 over character bigrams of the simplified search form, via bm25s.

>>> lex = Bm25Index.build([["人才", "公寓"], ["社保", "缴费"]])
>>> lex.search(["社保"], 1)[0][0]
1
"""

from __future__ import annotations

import logging
from collections.abc import Iterator, Sequence
from pathlib import Path

import bm25s
import numpy as np

from index.sparse import SparseRow, sparse_rows, vocabulary_keys

logger = logging.getLogger(__name__)

#: Term-frequency saturation. Bigram chunks repeat boilerplate bigrams (疫情, 防控, 企业 ...),
#: so counts should saturate early: on NCP dev k1 in 0.5-0.9 beat the textbook 1.2 on both
#: random halves (doc Recall@5 0.946 -> 0.957 at 0.7) with the sample corpus unchanged
#: (``bench/bench_ablation.py``). Indexes built with another k1 keep theirs until rebuilt
#: or updated (``python -m index update`` rebuilds BM25 without re-embedding).
K1 = 0.7
B = 0.75


class Bm25Index:
    """A bm25s index over pre-tokenised chunks; rows are chunk positions."""

    def __init__(self, model: bm25s.BM25, n_docs: int) -> None:
        self._model = model
        self.n_docs = n_docs

    @classmethod
    def build(
        cls, corpus_tokens: Sequence[Sequence[str]], k1: float = K1, b: float = B
    ) -> Bm25Index:
        """Index one token list per chunk."""
        model = bm25s.BM25(k1=k1, b=b, method="lucene")
        docs = [list(tokens) for tokens in corpus_tokens]
        if docs:
            model.index(docs, show_progress=False)
        return cls(model, len(docs))

    def scores(self, tokens: Sequence[str]) -> np.ndarray:
        """BM25 score of every chunk for the query ``tokens`` (zeros when none is known)."""
        ids = self._model.get_tokens_ids(list(tokens)) if self.n_docs else []
        if not ids:
            return np.zeros(self.n_docs, dtype=np.float32)
        return np.asarray(self._model.get_scores(ids), dtype=np.float32)

    def search(self, tokens: Sequence[str], k: int) -> list[tuple[int, float]]:
        """Top-``k`` ``(row, score)`` pairs with a positive score, best first."""
        scores = self.scores(tokens)
        k = min(k, len(scores))
        if k <= 0:
            return []
        top = np.argpartition(-scores, k - 1)[:k]
        top = top[np.argsort(-scores[top], kind="stable")]
        return [(int(i), float(scores[i])) for i in top if scores[i] > 0]

    def sparse_rows(self, *, batch: int = 1000) -> Iterator[list[SparseRow]]:
        """Every row's BM25 weights as a sparse vector (token key -> weight), in batches.

        The inner product with :func:`index.sparse.query_weights` of a query's
        tokens equals :meth:`scores` for that row (see :mod:`index.sparse`).
        """
        scores = self._model.scores
        if not self.n_docs:
            return iter(())
        keys = vocabulary_keys(self._model.vocab_dict)
        return sparse_rows(scores["data"], scores["indices"], scores["indptr"], keys,
                           self.n_docs, batch=batch)

    def save(self, directory: Path) -> None:
        """Write the bm25s arrays and vocabulary into ``directory``."""
        directory.mkdir(parents=True, exist_ok=True)
        self._model.save(str(directory), show_progress=False)

    @classmethod
    def load(cls, directory: Path, n_docs: int) -> Bm25Index:
        """Read an index written by :meth:`save` (verify checksums first)."""
        model = bm25s.BM25.load(str(directory), show_progress=False, mmap=False)
        return cls(model, n_docs)
