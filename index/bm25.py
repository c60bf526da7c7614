"""BM25 over character bigrams of the simplified search form, via bm25s.

>>> lex = Bm25Index.build([["人才", "公寓"], ["社保", "缴费"]])
>>> lex.search(["社保"], 1)[0][0]
1
"""

from __future__ import annotations

import logging
import math
from collections.abc import Iterable, Iterator, Sequence
from pathlib import Path

import bm25s
import numpy as np
import scipy.sparse

from index.sparse import SparseRow, key_frequencies, sparse_rows, vocabulary_keys

logger = logging.getLogger(__name__)

#: Term-frequency saturation. Bigram chunks repeat boilerplate bigrams (疫情, 防控, 企业 ...),
#: so counts should saturate early: on NCP dev k1 in 0.5-0.9 beat the textbook 1.2 on both
#: random halves (doc Recall@5 0.946 -> 0.957 at 0.7) with the sample corpus unchanged
#: (``bench/bench_ablation.py``). Indexes built with another k1 keep theirs until rebuilt
#: or updated (``python -m index update`` rebuilds BM25 without re-embedding).
K1 = 0.7
B = 0.75
_BLOCK_DOCS = 65_536  # chunks whose token ids are gathered into one array
_BLOCK_ENTRIES = 1 << 22  # (chunk, token) weights computed at once in float64


class Bm25Index:
    """A bm25s index over pre-tokenised chunks; rows are chunk positions."""

    def __init__(self, model: bm25s.BM25, n_docs: int) -> None:
        self._model = model
        self.n_docs = n_docs

    @classmethod
    def build(
        cls, corpus_tokens: Iterable[Sequence[str]], k1: float = K1, b: float = B
    ) -> Bm25Index:
        """Index one token list per chunk, streamed (a million chunks fit in memory).

        Scores are bit for bit those of ``bm25s.BM25(method="lucene").index`` (a test
        checks it), which keeps every chunk's token list alive while it indexes.
        """
        vocab: dict[str, int] = {}
        ids_parts: list[np.ndarray] = []
        tf_parts: list[np.ndarray] = []
        pending: tuple[list[np.ndarray], list[np.ndarray]] = ([], [])
        widths: list[int] = []
        lengths: list[int] = []
        for tokens in corpus_tokens:
            ids = np.fromiter((vocab.setdefault(t, len(vocab)) for t in tokens), np.int32,
                              count=len(tokens))
            unique, counts = np.unique(ids, return_counts=True)
            pending[0].append(unique)
            pending[1].append(counts.astype(np.uint16 if len(tokens) < 2**16 else np.uint32))
            widths.append(len(unique))
            lengths.append(len(tokens))
            if len(pending[0]) == _BLOCK_DOCS:  # few large arrays, not one per chunk
                ids_parts.append(np.concatenate(pending[0]))
                tf_parts.append(np.concatenate(pending[1]))
                pending[0].clear()
                pending[1].clear()
        ids_parts.extend(pending[0])
        tf_parts.extend(pending[1])
        n_docs = len(lengths)
        model = bm25s.BM25(k1=k1, b=b, method="lucene")
        if n_docs:
            model.scores = _lucene_matrix(ids_parts, tf_parts, widths, lengths, len(vocab), k1, b)
            vocab.setdefault("", len(vocab))  # as bm25s: the empty token closes the vocabulary
            model.vocab_dict = vocab
            model.unique_token_ids_set = set(vocab.values())
            model.nonoccurrence_array = None
        return cls(model, n_docs)

    def _postings(self, tokens: Sequence[str]) -> Iterator[tuple[np.ndarray, np.ndarray]]:
        """Each known query token's posting list (rows in ascending order, as the build
        writes them) and weights, in query order; a token asked twice comes twice."""
        if not self.n_docs:
            return
        matrix = self._model.scores
        data, indices, indptr = matrix["data"], matrix["indices"], matrix["indptr"]
        for token in self._model.get_tokens_ids(list(tokens)):
            start, end = int(indptr[token]), int(indptr[token + 1])
            yield indices[start:end], data[start:end]

    def scores(self, tokens: Sequence[str]) -> np.ndarray:
        """BM25 score of every chunk for the query ``tokens`` (zeros when none is known).

        The sum bm25s computes, token by token in float32. Float16 weights are cast
        to float32 a token at a time first: ``np.add.at`` is fast only when the
        types agree (at a million chunks 2.9 ms a question instead of 36 ms).
        """
        out = np.zeros(self.n_docs, dtype=np.float32)
        for rows, weights in self._postings(tokens):
            np.add.at(out, rows, weights.astype(np.float32, copy=False))
        return out

    def scores_at(self, tokens: Sequence[str], rows: np.ndarray) -> np.ndarray:
        """:meth:`scores` of ``rows`` only, equal to ``scores(tokens)[rows]`` bit for bit
        (the same float32 sums in the same token order). Each row is looked up in each
        token's posting list, so the cost grows with the rows asked for, not with the
        postings."""
        wanted, back = np.unique(np.asarray(rows, dtype=np.int64), return_inverse=True)
        out = np.zeros(len(wanted), dtype=np.float32)
        if not len(wanted):
            return out[back]
        for posting, weights in self._postings(tokens):
            if not len(posting):
                continue
            at = np.minimum(np.searchsorted(posting, wanted), len(posting) - 1)
            hit = posting[at] == wanted
            out[hit] += weights[at[hit]].astype(np.float32, copy=False)
        return out[back]

    def n_rows(self) -> int:
        """Rows the stored matrix holds (``n_docs`` is what the caller said it holds)."""
        return int(self._model.scores.get("num_docs", 0)) if self.n_docs else 0

    def document_frequencies(self, tokens: Sequence[str]) -> list[int]:
        """How many indexed rows contain each of ``tokens`` (0 for a token never indexed)."""
        vocab = self._model.vocab_dict if self.n_docs else {}
        indptr = self._model.scores["indptr"] if self.n_docs else ()
        return [
            int(indptr[vocab[t] + 1] - indptr[vocab[t]]) if t in vocab else 0 for t in tokens
        ]

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

    def key_frequencies(self) -> tuple[np.ndarray, np.ndarray]:
        """Every indexed token's document frequency by token key (sorted keys), for a
        backend that stores weights under keys (see :func:`index.sparse.key_frequencies`)."""
        if not self.n_docs:
            return np.zeros(0, dtype=np.int64), np.zeros(0, dtype=np.int64)
        df = np.diff(self._model.scores["indptr"])
        keys = vocabulary_keys(self._model.vocab_dict)[: len(df)]  # "" closes the vocabulary
        return key_frequencies(keys, df)

    def save(self, directory: Path) -> None:
        """Write the bm25s arrays and vocabulary into ``directory``."""
        directory.mkdir(parents=True, exist_ok=True)
        self._model.save(str(directory), show_progress=False)

    @classmethod
    def load(cls, directory: Path, n_docs: int, *, half: bool = False) -> Bm25Index:
        """Read an index written by :meth:`save` (verify checksums first).

        ``half`` keeps the weights as float16 (scores still add up in float32): a
        quarter less memory for a relative error under 1e-3. On NCP dev and a 100k
        synthetic corpus the top 1 was unchanged for every question and the top 10
        overlapped 0.997 or more. Generations large enough for IVF-PQ use it.
        """
        model = bm25s.BM25.load(str(directory), show_progress=False, mmap=False)
        if half and n_docs:
            model.scores["data"] = model.scores["data"].astype(np.float16)
        return cls(model, n_docs)


def _lucene_matrix(
    ids_parts: list[np.ndarray],
    tf_parts: list[np.ndarray],
    widths: list[int],
    lengths: list[int],
    n_vocab: int,
    k1: float,
    b: float,
) -> dict[str, object]:
    """The token-major (CSC) matrix of Lucene BM25 weights, as bm25s stores it.

    idf(t) = log(1 + (N - df + 0.5) / (df + 0.5)); weight = idf * tf / (tf + k1 * (1 - b
    + b * len / avg_len)), computed in float64 and stored as float32 like bm25s.
    """
    n_docs = len(lengths)
    ids = np.concatenate(ids_parts) if ids_parts else np.zeros(0, dtype=np.int32)
    ids_parts.clear()
    tf = np.concatenate(tf_parts) if tf_parts else np.zeros(0, dtype=np.uint32)
    tf_parts.clear()
    row_ptr = np.zeros(n_docs + 1, dtype=np.int64)
    np.cumsum(widths, out=row_ptr[1:])
    doc_len = np.asarray(lengths, dtype=np.float64)
    avg_len = np.array(lengths).mean()
    df = np.bincount(ids, minlength=n_vocab)
    idf = np.array([math.log(1 + (n_docs - d + 0.5) / (d + 0.5)) for d in df.tolist()],
                   dtype=np.float32)
    norm = k1 * ((1 - b) + b * doc_len / avg_len)  # per document, as bm25s's scalar
    data = np.empty(len(ids), dtype=np.float32)
    first = 0
    while first < n_docs:  # blocks of whole documents: bounded float64 temporaries
        last = int(np.searchsorted(row_ptr, row_ptr[first] + _BLOCK_ENTRIES, side="right")) - 1
        last = min(max(last, first + 1), n_docs)
        lo, hi = row_ptr[first], row_ptr[last]
        t = tf[lo:hi].astype(np.float64)
        per_entry = np.repeat(norm[first:last], np.diff(row_ptr[first : last + 1]))
        data[lo:hi] = idf[ids[lo:hi]] * (t / (per_entry + t))
        first = last
    del tf
    by_token = scipy.sparse.csr_matrix((data, ids, row_ptr), shape=(n_docs, n_vocab)).tocsc()
    return {
        "data": by_token.data.astype(np.float32, copy=False),
        "indices": by_token.indices.astype(np.int32, copy=False),
        "indptr": by_token.indptr.astype(np.int64, copy=False),
        "num_docs": n_docs,
    }
