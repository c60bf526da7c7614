"""Rank fusion of dense and BM25 result lists (pure functions).

Each input list holds ``(item, score)`` pairs best first. The output keeps,
for every item, the fused score and both source ranks and scores.

>>> fused = rrf_fuse([(1, 0.9), (2, 0.5)], [(2, 7.0), (3, 3.0)], k=60)
>>> [f.item for f in fused]
[2, 1, 3]
"""

from __future__ import annotations

import heapq
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass

RankedList = Sequence[tuple[int, float]]


@dataclass(frozen=True)
class Fused:
    """One fused item with its per-source ranks (1-based) and scores."""

    item: int
    score: float
    dense_rank: int | None
    dense_score: float | None
    bm25_rank: int | None
    bm25_score: float | None


def _ranks(ranked: RankedList) -> dict[int, tuple[int, float]]:
    return {item: (rank, score) for rank, (item, score) in enumerate(ranked, start=1)}


def _assemble(
    scores: dict[int, float], dense: RankedList, bm25: RankedList
) -> list[Fused]:
    d, b = _ranks(dense), _ranks(bm25)
    out = [
        Fused(
            item=item,
            score=score,
            dense_rank=d[item][0] if item in d else None,
            dense_score=d[item][1] if item in d else None,
            bm25_rank=b[item][0] if item in b else None,
            bm25_score=b[item][1] if item in b else None,
        )
        for item, score in scores.items()
    ]
    out.sort(key=lambda f: (-f.score, f.item))
    return out


def rrf_fuse(
    dense: RankedList,
    bm25: RankedList,
    *,
    k: float = 60.0,
    dense_weight: float = 1.0,
    bm25_weight: float = 1.0,
) -> list[Fused]:
    """Weighted reciprocal rank fusion: ``sum(w / (k + rank))`` over the lists."""
    if k <= 0:
        raise ValueError(f"RRF constant k must be positive, got {k}")
    scores: dict[int, float] = {}
    for weight, ranked in ((dense_weight, dense), (bm25_weight, bm25)):
        for rank, (item, _score) in enumerate(ranked, start=1):
            scores[item] = scores.get(item, 0.0) + weight / (k + rank)
    return _assemble(scores, dense, bm25)


def normalise_max(ranked: RankedList) -> dict[int, float]:
    """Scores divided by the list's best score (so the best item scores 1.0).

    >>> normalise_max([(5, 4.0), (6, 1.0)])
    {5: 1.0, 6: 0.25}
    """
    if not ranked:
        return {}
    top = max(score for _item, score in ranked)
    if top <= 0:
        return {item: 0.0 for item, _score in ranked}
    return {item: max(score, 0.0) / top for item, score in ranked}


def normalise_minmax(ranked: RankedList) -> dict[int, float]:
    """Min-max normalised scores in [0, 1]; a single item or a flat list scores 1.0.

    >>> normalise_minmax([(1, 3.0), (2, 2.0), (3, 1.0)])
    {1: 1.0, 2: 0.5, 3: 0.0}
    """
    if not ranked:
        return {}
    values = [score for _item, score in ranked]
    lo, hi = min(values), max(values)
    if hi - lo <= 1e-12:
        return {item: 1.0 for item, _score in ranked}
    return {item: (score - lo) / (hi - lo) for item, score in ranked}


def score_fuse(
    dense: RankedList,
    bm25: RankedList,
    *,
    dense_weight: float = 0.5,
    bm25_weight: float = 0.5,
    normalise: str = "minmax",
) -> list[Fused]:
    """Convex combination of per-list normalised scores (score-aware fusion).

    An item missing from a list contributes 0 from that list.
    """
    norm = {"minmax": normalise_minmax, "max": normalise_max}.get(normalise)
    if norm is None:
        raise ValueError(f"normalise must be 'minmax' or 'max', got {normalise!r}")
    nd, nb = norm(dense), norm(bm25)
    scores = {
        item: dense_weight * nd.get(item, 0.0) + bm25_weight * nb.get(item, 0.0)
        for item in {*nd, *nb}
    }
    return _assemble(scores, dense, bm25)


def single_source(dense: RankedList, bm25: RankedList, *, source: str) -> list[Fused]:
    """Keep one list's order (``"dense"`` or ``"bm25"``), still recording both ranks."""
    if source not in ("dense", "bm25"):
        raise ValueError(f"source must be 'dense' or 'bm25', got {source!r}")
    ranked = dense if source == "dense" else bm25
    scores = {item: score for item, score in ranked}
    return _assemble(scores, dense, bm25)


def _rescored(fused: Sequence[Fused], score_of: Callable[[Fused], float]) -> list[Fused]:
    """Every item with its score replaced by ``score_of(item)``, best first.

    Built field by field and only for a changed score: this runs for every candidate
    of every search, and ``dataclasses.replace`` was a tenth of an answer's time.
    """
    out = []
    for f in fused:
        score = score_of(f)
        out.append(f if score == f.score else Fused(
            f.item, score, f.dense_rank, f.dense_score, f.bm25_rank, f.bm25_score))
    out.sort(key=lambda f: (-f.score, f.item))
    return out


def boost(fused: Sequence[Fused], items: set[int], factor: float) -> list[Fused]:
    """Multiply the score of ``items`` by ``factor`` and re-sort (re-ranks, never filters)."""
    return _rescored(
        fused, lambda f: f.score * factor if f.item in items and f.score > 0 else f.score
    )


def demote(fused: Sequence[Fused], items: set[int], penalty: float) -> list[Fused]:
    """Subtract ``penalty`` from the score of ``items`` and re-sort (re-ranks, never filters).

    >>> fused = single_source([(0, 1.0), (1, 0.95)], [], source="dense")
    >>> [f.item for f in demote(fused, {0}, 0.1)]
    [1, 0]
    """
    if penalty < 0:
        raise ValueError(f"penalty must be >= 0, got {penalty}")
    return _rescored(fused, lambda f: f.score - penalty if f.item in items else f.score)


def add_rank_prior(
    fused: Sequence[Fused], prior_rank: Mapping[int, int], *, weight: float, k: float = 60.0
) -> list[Fused]:
    """Add ``weight / (k + rank)`` from a third ranking (e.g. of whole documents) and re-sort.

    Items the prior does not rank keep their score.

    >>> fused = rrf_fuse([(1, 0.9), (2, 0.8)], [])
    >>> [f.item for f in add_rank_prior(fused, {2: 1}, weight=1.0)]
    [2, 1]
    """
    return _rescored(
        fused,
        lambda f: f.score + (weight / (k + prior_rank[f.item]) if f.item in prior_rank else 0.0),
    )


def add_score_prior(
    fused: Sequence[Fused], prior: Mapping[int, float], *, weight: float
) -> list[Fused]:
    """Add ``weight * prior[item]`` (a normalised third score, e.g. the document's) and re-sort.

    >>> fused = score_fuse([(1, 0.9), (2, 0.8)], [])
    >>> [f.item for f in add_score_prior(fused, {2: 1.0}, weight=1.0)]
    [2, 1]
    """
    return _rescored(fused, lambda f: f.score + weight * prior.get(f.item, 0.0))


def spread_documents(
    fused: Sequence[Fused], doc_of: Sequence[int], *, penalty: float, k: int
) -> list[Fused]:
    """The best ``k`` items after a soft per-document penalty (a gentle spread).

    Picked greedily: an item's score drops by ``penalty`` for every item of the
    same document already picked, so a third paragraph of one notice must beat
    the best paragraph of the next notice by a margin to keep its place.
    ``doc_of[item]`` is the document of an item. Scores returned are the
    penalised ones, so they still fall with rank.

    >>> fused = single_source([(0, 1.0), (1, 0.97), (2, 0.95)], [], source="dense")
    >>> [f.item for f in spread_documents(fused, [7, 7, 8], penalty=0.1, k=3)]
    [0, 2, 1]
    """
    if penalty < 0:
        raise ValueError(f"penalty must be >= 0, got {penalty}")
    if penalty == 0:
        return list(fused[:k])
    heap = [(-f.score, f.item, 0, f) for f in fused]
    heapq.heapify(heap)
    picked: dict[int, int] = {}
    out: list[Fused] = []
    while heap and len(out) < k:
        neg, item, seen, f = heapq.heappop(heap)
        doc = doc_of[item]
        now = picked.get(doc, 0)
        if now != seen:  # its document gained a pick since this entry was pushed
            heapq.heappush(heap, (-(f.score - penalty * now), item, now, f))
            continue
        picked[doc] = now + 1
        out.append(Fused(item, -neg, f.dense_rank, f.dense_score, f.bm25_rank, f.bm25_score))
    return out
