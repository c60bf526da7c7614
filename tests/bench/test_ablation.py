"""The ablation's LeCoQA scoring and its rule for choosing a default (pure parts)."""

from __future__ import annotations

import doctest
from typing import Any

import numpy as np
import pytest

from bench import choice, lecoqa
from bench.bench_ablation import PREVIOUS, VARIANTS
from bench.choice import choose, significantly_better
from bench.lecoqa import lecoqa_row
from index.config import SearchConfig
from index.embedder import DEFAULT_MODEL, E5_MODEL


def test_lecoqa_row_counts_doc_alternatives_and_folded_copies() -> None:
    q = {"doc": "a.txt", "alt_docs": ["b.txt"]}
    assert lecoqa_row(["x", "b.txt", "y"], q, {}) == (0.0, 1.0, 0.0)
    assert lecoqa_row(["x", "y", "z", "w", "v", "a.txt"], q, {}) == (0.0, 0.0, 1 / 6)
    # a.txt was folded into k.txt at ingest: a hit on k.txt is a hit on a.txt
    assert lecoqa_row(["k.txt"], q, {"a.txt": "k.txt"}) == (1.0, 1.0, 1.0)


def _entry(ncp: float, sample: float) -> dict[str, Any]:
    return {"full": [ncp], "A": [ncp], "B": [ncp], "n_A": 100, "n_B": 100, "sample_r5": sample}


def _rows(wins: int, n: int = 400) -> np.ndarray:
    """Per-question LeCoQA scores: the first ``wins`` questions hit, the rest miss."""
    return np.array([2.0] * wins + [0.0] * (n - wins))


def test_sign_test_needs_more_wins_than_chance() -> None:
    assert significantly_better(_rows(60), _rows(20))
    assert not significantly_better(_rows(22), _rows(20))
    assert not significantly_better(_rows(20), _rows(60))
    assert not significantly_better(_rows(20), _rows(20))


def test_rule_takes_a_clear_lecoqa_gain_only_when_ncp_and_the_sample_hold() -> None:
    results = {"base": _entry(0.97, 0.96), "loses sample": _entry(0.97, 0.95),
               "loses ncp": _entry(0.95, 0.96), "good": _entry(0.965, 0.96)}
    rows = {"base": _rows(100), "loses sample": _rows(200), "loses ncp": _rows(200),
            "good": _rows(150)}
    assert choose(results, rows, "base", n_ncp=200) == "good"
    rows["good"] = _rows(103)  # within noise of the baseline: keep the baseline
    assert choose(results, rows, "base", n_ncp=200) == "base"


def test_rule_keeps_the_first_listed_of_variants_within_noise() -> None:
    results = {"base": _entry(0.97, 0.96), "first": _entry(0.97, 0.96),
               "second": _entry(0.97, 0.96), "third": _entry(0.97, 0.96)}
    rows = {"base": _rows(100), "first": _rows(150), "second": _rows(153),
            "third": _rows(140)}
    assert choose(results, rows, "base", n_ncp=200) == "first"
    rows["third"] = _rows(250)  # clearly better than all: it wins
    assert choose(results, rows, "base", n_ncp=200) == "third"


def test_shipped_default_is_one_of_the_measured_variants_and_the_baseline_is_fixed() -> None:
    assert any(v.config == SearchConfig() and v.synonyms and v.model == DEFAULT_MODEL
               for v in VARIANTS.values())
    assert next(iter(VARIANTS)) == PREVIOUS
    # the baseline is the previous default: e5 alone, coverage weighting, 0.3 / 0.7
    before = VARIANTS[PREVIOUS]
    assert before.model == E5_MODEL != DEFAULT_MODEL
    assert (before.config.weighting, before.config.dense_weight) == ("coverage", 0.3)



@pytest.mark.parametrize("module", [choice, lecoqa])
def test_docstring_examples_stay_true(module: Any) -> None:
    result = doctest.testmod(module)
    assert result.attempted > 0 and result.failed == 0
