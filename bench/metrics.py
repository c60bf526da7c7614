"""Retrieval metrics for the benchmark (pure functions).

>>> doc_rank(["a", "b", "a"], {"b"})
2
>>> reciprocal_rank(["a", "b"], {"b"}, 10)
0.5
"""

from __future__ import annotations

import re
import statistics
from collections.abc import Sequence

_WS = re.compile(r"\s+")


def squash(text: str) -> str:
    """Remove all whitespace (the answer-matching form).

    >>> squash(" 补贴 5 万元 ")
    '补贴5万元'
    """
    return _WS.sub("", text)


def doc_rank(ranked_docs: Sequence[str], gold: set[str]) -> int | None:
    """1-based rank of the first document in ``gold``, or None."""
    for rank, doc in enumerate(ranked_docs, start=1):
        if doc in gold:
            return rank
    return None


def recall_at(ranked_docs: Sequence[str], gold: set[str], k: int) -> float:
    """1.0 when a gold document is within the top ``k`` items."""
    rank = doc_rank(ranked_docs[:k], gold)
    return 1.0 if rank is not None else 0.0


def reciprocal_rank(ranked_docs: Sequence[str], gold: set[str], k: int) -> float:
    """1/rank of the first gold document within ``k``, else 0."""
    rank = doc_rank(ranked_docs[:k], gold)
    return 1.0 / rank if rank is not None else 0.0


def answer_in(texts: Sequence[str], answer: str) -> float:
    """1.0 when the whitespace-free answer occurs inside one of ``texts``.

    >>> answer_in(["申请 条件：本科", "x"], "条件：本科")
    1.0
    """
    want = squash(answer)
    if not want:
        return 0.0
    return 1.0 if any(want in squash(t) for t in texts) else 0.0


def percentile(values: Sequence[float], q: float) -> float:
    """The ``q``-th percentile (0-100) by linear interpolation."""
    if not values:
        return float("nan")
    if len(values) == 1:
        return float(values[0])
    cuts = statistics.quantiles(values, n=100, method="inclusive")
    return float(cuts[min(max(round(q) - 1, 0), 98)])
