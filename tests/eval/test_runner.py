"""Scoring one question's hits and answer, with hand-built chunks (no index, no model)."""

from __future__ import annotations

import pytest

from app.answer.types import Answer, Citation
from eval.questions import Question
from eval.runner import score_answer, score_retrieval
from index.types import Hit
from ingest.types import Chunk

DOC_A = "对求职面试的大学生提供5天免费住宿，对确定就职的高校毕业生减免1年房租。"
DOC_B = "青年人才可享受最高15万元的住房补贴和安家费。"


def _hit(rank: int, doc_id: str, source: str, start: int, end: int, text: str) -> Hit:
    chunk = Chunk(f"{doc_id}-{rank}", doc_id, source, "t", rank, "", None, start, end,
                  text[start:end])
    return Hit(chunk, 1.0 / rank, rank)


HITS = [
    _hit(1, "b", "003_b.txt", 0, len(DOC_B), DOC_B),
    _hit(2, "a", "000_a.txt", 0, 18, DOC_A),  # 对求职面试的大学生提供5天免费住宿，
    _hit(3, "a", "000_a.txt", 18, len(DOC_A), DOC_A),  # 对确定就职的…
]


def test_evidence_found_in_second_hit() -> None:
    q = Question("q", "去威海面试能免费住吗", doc="000_a", evidence="提供5天免费住宿",
                 answer="5天")
    rec = score_retrieval(q, HITS)
    assert rec["chunk_rank"] == 2 and rec["doc_rank"] == 2
    assert rec["retrieval"]["recall@1"] == 0.0 and rec["retrieval"]["recall@3"] == 1.0
    assert rec["retrieval"]["mrr@10"] == 0.5
    assert rec["retrieval"]["answer_in_top5"] == 1.0
    assert [h["relevant"] for h in rec["hits"]] == [False, True, False]


def test_answer_used_as_target_without_evidence() -> None:
    q = Question("q", "房租减免多久", doc="000_a.txt", answer="对确定就职的高校毕业生减免1年房租")
    rec = score_retrieval(q, HITS)
    assert rec["chunk_target"] == "answer" and rec["chunk_rank"] == 3


def _answer(quote: str, start: int, refused: bool = False) -> Answer:
    cit = Citation(1, "a-2", "a", "000_a.txt", "t", None, None, "", quote, start,
                   start + len(quote))
    return Answer(f"{quote}[1]", (cit,), tuple(HITS), refused)


CHUNKS = {h.chunk.chunk_id: h.chunk.text for h in HITS}


def test_score_answer_valid_supported_fact() -> None:
    q = Question("q", "面试住宿", doc="000_a", evidence="提供5天免费住宿", answer="5天")
    rec = score_answer(q, _answer("提供5天免费住宿", 9), {"a": DOC_A}, CHUNKS)
    assert rec["answer_metrics"] == pytest.approx({
        "refused": 0.0, "answer_fact": 1.0, "citation_support": 1.0, "citation_validity": 1.0,
        "rouge_l": 2 * 0.25 * 1.0 / 1.25})  # reference 「5天」 is 2 of the answer's 8 characters


def test_score_answer_detects_shifted_quote_and_refusal() -> None:
    q = Question("q", "面试住宿", doc="000_a", evidence="提供5天免费住宿", answer="5天")
    rec = score_answer(q, _answer("提供5天免费住宿", 8), {"a": DOC_A}, CHUNKS)
    assert rec["n_invalid_citations"] == 1
    assert rec["answer_metrics"]["citation_validity"] == 0.0
    refused = score_answer(q, _answer("提供5天免费住宿", 9, refused=True), {"a": DOC_A}, CHUNKS)
    assert refused["answer_metrics"]["answer_fact"] == 0.0  # a refusal never counts as the fact
    assert refused["answer_metrics"]["citation_support"] is None
