"""Per-question fusion weights from vocabulary coverage (pure functions)."""

from __future__ import annotations

import doctest
import math

import pytest

from index import query_signals
from index.config import SearchConfig
from index.query_signals import bm25_idf, fusion_weights, vocabulary_coverage


def test_idf_falls_as_a_term_gets_common_and_is_largest_for_unseen_terms() -> None:
    idfs = [bm25_idf(df, 1000) for df in (0, 1, 10, 500, 1000)]
    assert idfs == sorted(idfs, reverse=True)
    assert idfs[0] == pytest.approx(math.log(1 + 1000.5 / 0.5))
    assert idfs[-1] > 0


@pytest.mark.parametrize(("df", "n"), [(-1, 10), (11, 10), (0, -1)])
def test_idf_rejects_counts_outside_the_index(df: int, n: int) -> None:
    with pytest.raises(ValueError, match="document_frequency"):
        bm25_idf(df, n)


def test_coverage_is_one_when_every_token_is_indexed_and_zero_when_none_is() -> None:
    assert vocabulary_coverage([1, 40, 3], n_docs=100) == 1.0
    assert vocabulary_coverage([0, 0, 0], n_docs=100) == 0.0
    assert vocabulary_coverage([], n_docs=100) == 1.0


def test_a_missing_rare_word_costs_more_coverage_than_a_missing_common_one() -> None:
    # Unseen tokens weigh as much as the rarest term; a common indexed token weighs little.
    common_known = vocabulary_coverage([90, 0], n_docs=100)
    rare_known = vocabulary_coverage([1, 0], n_docs=100)
    assert 0 < common_known < rare_known < 1
    assert vocabulary_coverage([1, 1, 0], n_docs=100) > vocabulary_coverage([1, 0, 0], n_docs=100)


@pytest.mark.parametrize("coverage", [0.0, 0.25, 0.5, 0.9, 1.0])
def test_weights_keep_their_sum_and_bm25_keeps_only_the_covered_share(coverage: float) -> None:
    dense, bm25 = fusion_weights(coverage, dense_weight=0.3, bm25_weight=0.7)
    assert dense + bm25 == pytest.approx(1.0)
    assert bm25 == pytest.approx(0.7 * coverage)


def test_full_coverage_keeps_the_configured_weights_and_none_leaves_dense_alone() -> None:
    cfg = SearchConfig()
    assert fusion_weights(1.0, dense_weight=cfg.dense_weight, bm25_weight=cfg.bm25_weight) == (
        cfg.dense_weight, cfg.bm25_weight)
    assert fusion_weights(0.0, dense_weight=0.3, bm25_weight=0.7) == (1.0, 0.0)


@pytest.mark.parametrize("coverage", [-0.1, 1.5])
def test_weights_reject_a_coverage_outside_zero_one(coverage: float) -> None:
    with pytest.raises(ValueError, match="coverage"):
        fusion_weights(coverage, dense_weight=0.3, bm25_weight=0.7)


def test_search_config_names_the_valid_weightings() -> None:
    assert SearchConfig().weighting == "coverage"
    with pytest.raises(ValueError, match="fixed"):
        SearchConfig(weighting="adaptive")


def test_docstring_examples_stay_true() -> None:
    result = doctest.testmod(query_signals)
    assert result.attempted > 0 and result.failed == 0
