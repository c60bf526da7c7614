"""Fusion functions: exact values, rank bookkeeping, bad input."""

from __future__ import annotations

import pytest

from index.fusion import (
    add_rank_prior,
    add_score_prior,
    boost,
    demote,
    normalise_max,
    normalise_minmax,
    rrf_fuse,
    score_fuse,
    single_source,
    spread_documents,
)

DENSE = [(1, 0.9), (2, 0.8), (3, 0.1)]
BM25 = [(3, 12.0), (1, 6.0), (4, 3.0)]


def test_rrf_scores_are_sums_of_reciprocal_ranks() -> None:
    fused = {f.item: f for f in rrf_fuse(DENSE, BM25, k=60)}
    assert fused[1].score == pytest.approx(1 / 61 + 1 / 62)
    assert fused[3].score == pytest.approx(1 / 63 + 1 / 61)
    assert fused[4].score == pytest.approx(1 / 63)
    assert fused[2].score == pytest.approx(1 / 62)


def test_rrf_keeps_source_ranks_and_scores() -> None:
    fused = {f.item: f for f in rrf_fuse(DENSE, BM25)}
    assert (fused[1].dense_rank, fused[1].bm25_rank) == (1, 2)
    assert (fused[1].dense_score, fused[1].bm25_score) == (0.9, 6.0)
    assert fused[4].dense_rank is None and fused[4].dense_score is None
    assert fused[2].bm25_rank is None


def test_rrf_order_and_union() -> None:
    fused = rrf_fuse(DENSE, BM25)
    assert [f.item for f in fused] == [1, 3, 2, 4]


def test_rrf_weights_shift_the_order() -> None:
    fused = rrf_fuse(DENSE, BM25, dense_weight=1.0, bm25_weight=3.0)
    assert fused[0].item == 3


def test_rrf_rejects_bad_k() -> None:
    with pytest.raises(ValueError, match="positive"):
        rrf_fuse(DENSE, BM25, k=0)


def test_normalisers() -> None:
    assert normalise_minmax([(1, 5.0), (2, 5.0)]) == {1: 1.0, 2: 1.0}
    assert normalise_minmax([]) == {}
    assert normalise_max([(1, 2.0), (2, -1.0)]) == {1: 1.0, 2: 0.0}


def test_score_fusion_is_a_convex_combination() -> None:
    fused = {f.item: f for f in score_fuse(DENSE, BM25, dense_weight=0.25, bm25_weight=0.75)}
    # dense minmax: 1 -> 1.0, 2 -> 0.875, 3 -> 0; bm25 minmax: 3 -> 1, 1 -> 1/3, 4 -> 0
    assert fused[1].score == pytest.approx(0.25 * 1.0 + 0.75 * (1 / 3))
    assert fused[3].score == pytest.approx(0.75)
    assert fused[2].score == pytest.approx(0.25 * 0.875)
    assert fused[4].score == pytest.approx(0.0)


def test_score_fusion_rejects_unknown_normaliser() -> None:
    with pytest.raises(ValueError, match="normalise"):
        score_fuse(DENSE, BM25, normalise="zscore")


def test_single_source_keeps_that_order_and_both_ranks() -> None:
    fused = single_source(DENSE, BM25, source="bm25")
    assert [f.item for f in fused] == [3, 1, 4]
    assert fused[0].dense_rank == 3
    with pytest.raises(ValueError):
        single_source(DENSE, BM25, source="other")


def test_boost_reranks_without_filtering() -> None:
    fused = rrf_fuse(DENSE, BM25)
    boosted = boost(fused, {4}, 10.0)
    assert boosted[0].item == 4
    assert sorted(f.item for f in boosted) == sorted(f.item for f in fused)


def test_empty_lists() -> None:
    assert rrf_fuse([], []) == []
    assert score_fuse([], []) == []


def test_rank_prior_adds_reciprocal_rank_of_the_third_list() -> None:
    fused = rrf_fuse(DENSE, BM25, k=60)
    before = {f.item: f.score for f in fused}
    after = {f.item: f for f in add_rank_prior(fused, {2: 1, 4: 3}, weight=2.0, k=60)}
    assert after[2].score == pytest.approx(before[2] + 2.0 / 61)
    assert after[4].score == pytest.approx(before[4] + 2.0 / 63)
    assert after[1].score == before[1]
    assert after[2].dense_rank == 2  # source ranks are kept


def test_score_prior_adds_weighted_normalised_score() -> None:
    fused = score_fuse(DENSE, BM25)
    before = {f.item: f.score for f in fused}
    after = {f.item: f.score for f in add_score_prior(fused, {4: 1.0, 2: 0.5}, weight=0.4)}
    assert after[4] == pytest.approx(before[4] + 0.4)
    assert after[2] == pytest.approx(before[2] + 0.2)
    assert after[1] == before[1]


def _naive_spread(fused, doc_of, penalty, k):
    """Reference: recompute every remaining item's penalised score at each step."""
    pool, picked, out = list(fused), {}, []
    while pool and len(out) < k:
        best = max(pool, key=lambda f: (f.score - penalty * picked.get(doc_of[f.item], 0),
                                        -f.item))
        pool.remove(best)
        out.append((best.item, best.score - penalty * picked.get(doc_of[best.item], 0)))
        picked[doc_of[best.item]] = picked.get(doc_of[best.item], 0) + 1
    return out


@pytest.mark.parametrize("seed", range(30))
def test_spread_documents_matches_the_naive_greedy(seed: int) -> None:
    import random

    rng = random.Random(seed)
    n = rng.randint(1, 60)
    fused = single_source([(i, rng.random()) for i in range(n)], [], source="dense")
    doc_of = [rng.randint(0, 5) for _ in range(n)]
    k = rng.randint(1, 20)
    penalty = rng.choice([0.01, 0.05, 0.2, 1.0])
    got = spread_documents(fused, doc_of, penalty=penalty, k=k)
    want = _naive_spread(fused, doc_of, penalty, k)
    assert [f.item for f in got] == [item for item, _ in want]
    assert [f.score for f in got] == pytest.approx([score for _, score in want])
    assert [f.score for f in got] == sorted((f.score for f in got), reverse=True)


def test_spread_documents_without_penalty_keeps_the_order() -> None:
    fused = single_source(DENSE, BM25, source="dense")
    assert spread_documents(fused, [0] * 5, penalty=0.0, k=2) == fused[:2]
    with pytest.raises(ValueError, match="penalty"):
        spread_documents(fused, [0] * 5, penalty=-1.0, k=2)


def test_spread_documents_lets_a_second_document_in() -> None:
    fused = single_source([(0, 1.0), (1, 0.99), (2, 0.98), (3, 0.96)], [], source="dense")
    items = [f.item for f in spread_documents(fused, [0, 0, 0, 1], penalty=0.05, k=3)]
    assert items == [0, 3, 1]


def test_demote_lowers_only_the_named_items_and_keeps_every_item() -> None:
    fused = score_fuse(DENSE, BM25)
    before = {f.item: f.score for f in fused}
    demoted = demote(fused, {1, 4}, 0.25)
    assert {f.item for f in demoted} == set(before)
    for f in demoted:
        assert f.score == pytest.approx(before[f.item] - (0.25 if f.item in (1, 4) else 0.0))
    assert [f.score for f in demoted] == sorted((f.score for f in demoted), reverse=True)
    assert demote(fused, {1}, 0.0) == fused
    with pytest.raises(ValueError, match="penalty"):
        demote(fused, {1}, -0.1)
