"""BM25 as sparse vectors, so an engine that scores sparse inner products (Milvus)
gives exactly the scores of :class:`index.bm25.Bm25Index`.

bm25s already stores, for every (token, chunk) pair, the chunk's BM25 weight for
that token; a query's score is the sum of the weights of its tokens (a token
asked twice counts twice). Written as one sparse vector per chunk (token key ->
weight) and one per query (token key -> how often it is asked), the inner
product is that same sum. Token keys are a 32-bit hash of the token, the way
Milvus keys its own BM25 terms.

>>> query_weights(["人才", "公寓", "人才"]) == {token_key("人才"): 2.0, token_key("公寓"): 1.0}
True
"""

from __future__ import annotations

import hashlib
import logging
from collections import Counter
from collections.abc import Iterator, Mapping, Sequence

import numpy as np
import scipy.sparse

logger = logging.getLogger(__name__)

#: Milvus accepts sparse indices in [0, 2**32 - 1); tokens use all but the last one.
_KEY_SPACE = 2**32 - 2
#: Milvus refuses an all-zero sparse vector, so a row without tokens carries this key,
#: which no token (hence no query) ever has: it adds nothing to any score.
EMPTY_KEY = _KEY_SPACE

SparseRow = dict[int, float]


def token_key(token: str) -> int:
    """A stable 32-bit key for ``token`` (blake2b), valid as a Milvus sparse index.

    >>> token_key("人才") == token_key("人才") != token_key("才公")
    True
    """
    digest = hashlib.blake2b(token.encode("utf-8"), digest_size=4).digest()
    return int.from_bytes(digest, "little") % _KEY_SPACE


def storable(row: SparseRow) -> SparseRow:
    """``row``, or the placeholder :data:`EMPTY_KEY` when it is empty.

    >>> storable({}) == {EMPTY_KEY: 1.0}
    True
    """
    return row if row else {EMPTY_KEY: 1.0}


def query_weights(tokens: Sequence[str]) -> SparseRow:
    """The query as a sparse vector: each token's key and how many times it is asked."""
    counts = Counter(token_key(t) for t in tokens)
    return {key: float(n) for key, n in counts.items()}


def vocabulary_keys(vocab: Mapping[str, int]) -> np.ndarray:
    """``keys[token_id]`` for a token -> id vocabulary (colliding keys are logged)."""
    keys = np.zeros(max(vocab.values(), default=-1) + 1, dtype=np.int64)
    for token, token_id in vocab.items():
        keys[token_id] = token_key(token)
    distinct = len(np.unique(keys))
    if distinct < len(keys):
        logger.warning(
            "%d of %d BM25 tokens share a 32-bit key with another token; their weights add up",
            len(keys) - distinct, len(keys),
        )
    return keys


def sparse_rows(
    data: np.ndarray,
    indices: np.ndarray,
    indptr: np.ndarray,
    keys: np.ndarray,
    n_rows: int,
    *,
    batch: int = 1000,
) -> Iterator[list[SparseRow]]:
    """Per-row sparse vectors from a token-major (CSC) weight matrix, ``batch`` rows at a time.

    ``data[indptr[t]:indptr[t+1]]`` are token ``t``'s weights in rows
    ``indices[indptr[t]:indptr[t+1]]``; ``keys[t]`` is the token's key.
    """
    by_row = scipy.sparse.csc_matrix(
        (data, indices, indptr), shape=(n_rows, len(indptr) - 1)
    ).tocsr()
    by_row.sum_duplicates()
    unique = len(np.unique(keys)) == len(keys)
    for start in range(0, n_rows, batch):
        out: list[SparseRow] = []
        for row in range(start, min(start + batch, n_rows)):
            lo, hi = by_row.indptr[row], by_row.indptr[row + 1]
            row_keys = keys[by_row.indices[lo:hi]].tolist()
            weights = by_row.data[lo:hi].tolist()
            if unique:
                out.append(storable(dict(zip(row_keys, weights, strict=True))))
            else:
                summed: SparseRow = {}
                for key, w in zip(row_keys, weights, strict=True):
                    summed[key] = summed.get(key, 0.0) + w
                out.append(storable(summed))
        yield out


def key_frequencies(keys: np.ndarray, frequencies: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """Per-token document frequencies regrouped by token key: sorted distinct keys and
    their summed frequencies (tokens sharing a key add up, as their weights do).

    >>> key_frequencies(np.array([9, 4, 9]), np.array([1, 2, 3]))
    (array([4, 9]), array([2, 4]))
    """
    order = np.argsort(keys, kind="stable")
    sorted_keys = keys[order]
    starts = np.flatnonzero(np.r_[True, sorted_keys[1:] != sorted_keys[:-1]])
    if not len(sorted_keys):
        return sorted_keys, np.asarray(frequencies)[order]
    return sorted_keys[starts], np.add.reduceat(np.asarray(frequencies)[order], starts)
