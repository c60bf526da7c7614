"""Retrieval metrics on hand-computed cases."""

from __future__ import annotations

import math

import pytest

from eval.metrics import (
    average_records,
    evidence_in_text,
    first_relevant_rank,
    latency_summary,
    ndcg_at_k,
    percentile,
    ranking_metrics,
    recall_at_k,
    recall_curve,
    reciprocal_rank,
    shares_run,
    squash,
)

EVIDENCE = "按照本科、硕士、博士学历分别给予每月1000元、2000元、5000元的生活津贴"


def test_squash_removes_all_whitespace_and_folds_width() -> None:
    assert squash(" 每月 1000元、\n\n2000\t元 ") == "每月1000元、2000元"
    assert squash("（威海）１２") == "(威海)12"


def test_evidence_contained_despite_broken_lines() -> None:
    chunk = "按照本\n科、硕士、博士学历分别给予每\n月 1000元、2000元、5000元的生\n活津贴；对冲击"
    assert evidence_in_text(chunk, [EVIDENCE])


def test_evidence_spanning_two_chunks_needs_15_shared_characters() -> None:
    head = EVIDENCE[:20]  # chunk ends after 20 characters of the evidence
    assert evidence_in_text("……前文。" + head, [EVIDENCE])
    short = EVIDENCE[:14]  # only 14 characters: not enough
    assert not evidence_in_text("……前文。" + short, [EVIDENCE])


def test_alt_evidence_counts_and_unrelated_text_does_not() -> None:
    assert evidence_in_text("到期后可按市场价格半价续租。", ["不存在的句子", "市场价格半价续租"])
    assert not evidence_in_text("青岛高新区提供服务绿卡", [EVIDENCE])


def test_shares_run() -> None:
    assert shares_run("abcdefgh", "zzdefgzz", 4)
    assert not shares_run("abcdefgh", "zzdefzzz", 4)


def test_ranks_and_recall() -> None:
    assert first_relevant_rank([False, False, False, True, True]) == 4
    assert first_relevant_rank([False, False]) is None
    assert [recall_at_k(4, k) for k in (1, 3, 5, 10)] == [0.0, 0.0, 1.0, 1.0]
    assert recall_at_k(None, 10) == 0.0


def test_reciprocal_rank_hand_values() -> None:
    assert reciprocal_rank(4) == 0.25
    assert reciprocal_rank(1) == 1.0
    assert reciprocal_rank(11, k=10) == 0.0


@pytest.mark.parametrize(
    ("relevant", "expected"),
    [
        ([True], 1.0),
        ([False, True], 1 / math.log2(3)),
        ([False, False, True, True], 0.5),  # 1/log2(4); the second relevant adds nothing
        ([False] * 6 + [True], 1 / 3),  # rank 7: 1/log2(8)
        ([False] * 10 + [True], 0.0),  # beyond k=10
        ([], 0.0),
    ],
)
def test_ndcg_hand_values(relevant: list[bool], expected: float) -> None:
    assert ndcg_at_k(relevant, 10) == pytest.approx(expected)


def test_ranking_metrics_keys_and_values() -> None:
    got = ranking_metrics([False, False, True], prefix="doc_")
    assert got == pytest.approx({
        "doc_recall@1": 0.0, "doc_recall@3": 1.0, "doc_recall@5": 1.0, "doc_recall@10": 1.0,
        "doc_mrr@10": 1 / 3, "doc_ndcg@10": 0.5,
    })


def test_recall_curve_averages_over_questions() -> None:
    assert recall_curve([1, 3, None, 2], 3) == pytest.approx([0.25, 0.5, 0.75])


def test_percentile_linear_interpolation() -> None:
    values = [50.0, 10.0, 40.0, 20.0, 30.0]
    assert percentile(values, 50) == 30.0
    assert percentile(values, 95) == pytest.approx(48.0)  # pos 3.8 -> 40 + 0.8*10
    assert percentile(values, 99) == pytest.approx(49.6)
    assert percentile(values, 0) == 10.0
    assert percentile([], 50) is None
    with pytest.raises(ValueError):
        percentile(values, 101)


def test_latency_summary_in_milliseconds() -> None:
    got = latency_summary([0.1, 0.2, 0.3], "latency")
    assert got["latency_p50_ms"] == pytest.approx(200.0)
    assert got["latency_mean_ms"] == pytest.approx(200.0)


def test_average_records_skips_missing_and_none() -> None:
    recs = [{"a": 1.0, "b": None}, {"a": 0.0, "b": 1.0}, {"c": 0.5}]
    assert average_records(recs) == {"a": 0.5, "b": 1.0, "c": 0.5}
