"""How a question is worded, measured against the index (pure functions).

Annotators who read a notice ask in its words; people ask in their own. The
signal that tells the two apart is how much of a question the corpus vocabulary
holds at all: the share of the question's information (IDF-weighted bigrams)
that occurs somewhere in the index. Only that share can be matched lexically,
so only that share of BM25's weight is trusted; the dense side takes the rest.

>>> round(vocabulary_coverage([10, 0], n_docs=1000), 2)
0.37
>>> fusion_weights(0.5, dense_weight=0.3, bm25_weight=0.7)
(0.65, 0.35)
"""

from __future__ import annotations

import math
from collections.abc import Sequence


def bm25_idf(document_frequency: int, n_docs: int) -> float:
    """The BM25 (Lucene) IDF of a term in ``document_frequency`` of ``n_docs`` documents.

    An unseen term (frequency 0) gets the largest IDF the index can give.

    >>> bm25_idf(0, 100) > bm25_idf(1, 100) > bm25_idf(50, 100) > 0
    True
    """
    if n_docs < 0 or not 0 <= document_frequency <= max(n_docs, 0):
        raise ValueError(
            f"document_frequency must be within 0..n_docs, got {document_frequency} of {n_docs}"
        )
    return math.log(1.0 + (n_docs - document_frequency + 0.5) / (document_frequency + 0.5))


def vocabulary_coverage(document_frequencies: Sequence[int], n_docs: int) -> float:
    """IDF-weighted share of a question's distinct tokens that occur in the index, in [0, 1].

    ``document_frequencies`` holds one count per distinct query token (0 for a
    token no indexed text contains). A question with no tokens counts as fully
    covered (nothing is missing), so its weights stay as configured.

    >>> vocabulary_coverage([3, 7], n_docs=100)
    1.0
    >>> vocabulary_coverage([0, 0], n_docs=100)
    0.0
    """
    weights = [bm25_idf(df, n_docs) for df in document_frequencies]
    total = sum(weights)
    if total <= 0:
        return 1.0
    return sum(w for w, df in zip(weights, document_frequencies, strict=True) if df > 0) / total


def fusion_weights(
    coverage: float, *, dense_weight: float, bm25_weight: float
) -> tuple[float, float]:
    """``(dense, bm25)`` weights for one question: BM25 keeps ``coverage`` of its share.

    The share BM25 cannot use (the uncovered part of the question) moves to the
    dense side, so the two weights still add up to what was configured, and full
    coverage gives the configured weights unchanged.

    >>> fusion_weights(1.0, dense_weight=0.3, bm25_weight=0.7)
    (0.3, 0.7)
    >>> fusion_weights(0.0, dense_weight=0.3, bm25_weight=0.7)
    (1.0, 0.0)
    """
    if not 0.0 <= coverage <= 1.0:
        raise ValueError(f"coverage must be within [0, 1], got {coverage}")
    bm25 = bm25_weight * coverage
    return round(dense_weight + bm25_weight - bm25, 12), round(bm25, 12)
