"""Retrieval metrics as pure functions over ranks and texts.

A retrieved chunk is *relevant* when, after whitespace removal and NFKC
folding, it contains one of the question's evidence strings, or shares at
least ``MIN_OVERLAP`` consecutive characters with one (evidence that spans
two chunks). ``alt_evidence`` strings state the same fact, so any one counts.

>>> first_relevant_rank([False, True, True])
2
>>> recall_at_k(2, 1), recall_at_k(2, 3)
(0.0, 1.0)
"""

from __future__ import annotations

import math
import re
import unicodedata
from collections.abc import Iterable, Sequence

MIN_OVERLAP = 15
_WS = re.compile(r"\s+")


def squash(text: str) -> str:
    """NFKC-fold ``text`` and drop all whitespace (the form evidence is compared in).

    >>> squash("1000元、 2000\\n元")
    '1000元、2000元'
    """
    return _WS.sub("", unicodedata.normalize("NFKC", text))


def shares_run(text: str, target: str, n: int) -> bool:
    """True when ``text`` and ``target`` share a substring of ``n`` characters.

    >>> shares_run("abcdef", "xxcdey", 3), shares_run("abcdef", "xxcdey", 4)
    (True, False)
    """
    if n <= 0:
        return True
    return any(target[i : i + n] in text for i in range(len(target) - n + 1))


def evidence_in_text(text: str, evidence: Iterable[str], min_overlap: int = MIN_OVERLAP) -> bool:
    """True when ``text`` contains any evidence string, or shares ``min_overlap``
    consecutive characters with one (compared after :func:`squash`).

    >>> evidence_in_text("每月 2000 元的生活津贴", ["2000元的生活"])
    True
    """
    flat = squash(text)
    for ev in evidence:
        target = squash(ev)
        if not target:
            continue
        if target in flat:
            return True
        if len(target) > min_overlap and shares_run(flat, target, min_overlap):
            return True
    return False


def first_relevant_rank(relevant: Sequence[bool]) -> int | None:
    """1-based rank of the first relevant item, or None when nothing is relevant."""
    for i, flag in enumerate(relevant, 1):
        if flag:
            return i
    return None


def recall_at_k(rank: int | None, k: int) -> float:
    """1.0 when the first relevant item is within the top ``k``, else 0.0."""
    return 1.0 if rank is not None and rank <= k else 0.0


def reciprocal_rank(rank: int | None, k: int = 10) -> float:
    """1/rank of the first relevant item within the top ``k`` (0.0 otherwise)."""
    return 1.0 / rank if rank is not None and rank <= k else 0.0


def ndcg_at_k(relevant: Sequence[bool], k: int = 10) -> float:
    """Binary-gain nDCG@k with one relevant target per question.

    Because ``alt_evidence`` restates the same fact, a question has a single
    target: the ideal list puts one relevant item at rank 1 (IDCG = 1), and
    repeated relevant chunks (overlapping windows) add nothing.

    >>> round(ndcg_at_k([False, False, True]), 4)
    0.5
    """
    rank = first_relevant_rank(relevant[:k])
    return 0.0 if rank is None else 1.0 / math.log2(rank + 1)


def ranking_metrics(relevant: Sequence[bool], prefix: str = "") -> dict[str, float]:
    """Recall@1/3/5/10, MRR@10 and nDCG@10 for one question's relevance list."""
    rank = first_relevant_rank(relevant[:10])
    out = {f"{prefix}recall@{k}": recall_at_k(rank, k) for k in (1, 3, 5, 10)}
    out[f"{prefix}mrr@10"] = reciprocal_rank(rank, 10)
    out[f"{prefix}ndcg@10"] = ndcg_at_k(relevant, 10)
    return out


def recall_curve(ranks: Sequence[int | None], max_k: int = 10) -> list[float]:
    """Mean Recall@k for k = 1..max_k over many questions' first-relevant ranks.

    >>> recall_curve([1, 3, None], 3)
    [0.3333333333333333, 0.3333333333333333, 0.6666666666666666]
    """
    if not ranks:
        return [0.0] * max_k
    return [sum(recall_at_k(r, k) for r in ranks) / len(ranks) for k in range(1, max_k + 1)]


def mean(values: Iterable[float]) -> float | None:
    """Arithmetic mean, or None for no values."""
    items = list(values)
    return sum(items) / len(items) if items else None


def percentile(values: Sequence[float], q: float) -> float | None:
    """The ``q``-th percentile (0-100) with linear interpolation between ranks.

    >>> percentile([1.0, 2.0, 3.0, 4.0], 50)
    2.5
    """
    if not values:
        return None
    if not 0 <= q <= 100:
        raise ValueError(f"percentile q must be within 0..100, got {q}")
    ordered = sorted(values)
    pos = (len(ordered) - 1) * q / 100.0
    low = math.floor(pos)
    high = min(low + 1, len(ordered) - 1)
    return ordered[low] + (ordered[high] - ordered[low]) * (pos - low)


def latency_summary(seconds: Sequence[float], prefix: str = "latency") -> dict[str, float | None]:
    """p50/p95/p99 and mean of latencies, reported in milliseconds."""
    ms = [s * 1000.0 for s in seconds]
    return {
        f"{prefix}_p50_ms": percentile(ms, 50),
        f"{prefix}_p95_ms": percentile(ms, 95),
        f"{prefix}_p99_ms": percentile(ms, 99),
        f"{prefix}_mean_ms": mean(ms),
    }


def average_records(records: Sequence[dict[str, float | None]]) -> dict[str, float]:
    """Per-key mean over records, skipping None values (metric not applicable)."""
    keys: list[str] = []
    for rec in records:
        keys.extend(k for k in rec if k not in keys)
    out: dict[str, float] = {}
    for key in keys:
        vals = [float(v) for rec in records if (v := rec.get(key)) is not None]
        if vals:
            out[key] = sum(vals) / len(vals)
    return out
