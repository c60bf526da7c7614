"""Search behaviour with the deterministic stand-in embedder."""

from __future__ import annotations

from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import pytest

from index import MAX_K, IndexConfig, Retriever, SearchConfig, build_index
from tests.index.conftest import DOCS, write_corpus


@pytest.fixture
def retriever(built_index: Path) -> Retriever:
    return Retriever.load(built_index)


def _sources(hits: list) -> list[str]:
    return [h.chunk.source for h in hits]


def test_chinese_query_finds_the_right_document(retriever: Retriever) -> None:
    hits = retriever.search("住房公积金贷款最高额度是多少", k=3)
    assert hits[0].chunk.source == "fund_loans.txt"
    assert [h.rank for h in hits] == [1, 2, 3]
    assert hits[0].bm25_rank is not None and hits[0].dense_rank is not None


def test_traditional_query_matches_simplified_text(retriever: Retriever) -> None:
    hits = retriever.search("住房公積金貸款額度", k=1, config=SearchConfig(fusion="bm25"))
    assert hits[0].chunk.source == "fund_loans.txt"


def test_simplified_query_matches_traditional_text(retriever: Retriever) -> None:
    hits = retriever.search("青年创业补助金额", k=1, config=SearchConfig(fusion="bm25"))
    assert hits[0].chunk.source == "taipei_startup.txt"


def test_colloquial_synonym_reaches_formal_wording(retriever: Retriever) -> None:
    hits = retriever.search("社保", k=1, config=SearchConfig(fusion="bm25"))
    assert hits[0].chunk.source == "social_insurance.txt"


def test_query_without_chinese_uses_dense_only(retriever: Retriever) -> None:
    hits = retriever.search("housing provident fund loan", k=3)
    assert all(h.bm25_rank is None for h in hits)
    assert all(h.dense_rank == h.rank for h in hits)


def test_region_boost_reranks_but_does_not_filter(retriever: Retriever) -> None:
    cfg = SearchConfig(same_doc_penalty=0.0)  # the boost alone, no document spread
    plain = retriever.search("补贴申请", k=MAX_K, config=cfg)
    boosted = retriever.search("补贴申请", k=MAX_K, region="青岛", config=cfg)
    assert {h.chunk.chunk_id for h in plain} == {h.chunk.chunk_id for h in boosted}
    factor = cfg.region_boost
    before = {h.chunk.chunk_id: h.score for h in plain}
    for h in boosted:
        qingdao = h.chunk.source == "qingdao_housing.txt"
        expected = before[h.chunk.chunk_id] * (factor if qingdao else 1.0)
        assert h.score == pytest.approx(expected)
    assert [h.score for h in boosted] == sorted((h.score for h in boosted), reverse=True)


def test_strong_region_boost_moves_the_region_to_the_top(retriever: Retriever) -> None:
    plain = retriever.search("补贴申请", k=10)
    assert plain[0].chunk.source != "qingdao_housing.txt"
    strong = SearchConfig(region_boost=10.0)
    boosted = retriever.search("补贴申请", k=10, region="崂山区", config=strong)
    assert boosted[0].chunk.source == "qingdao_housing.txt"


def test_k_is_capped_and_validated(retriever: Retriever) -> None:
    assert len(retriever.search("人才", k=500)) <= MAX_K
    with pytest.raises(ValueError, match="k must be at least 1"):
        retriever.search("人才", k=0)
    assert retriever.search("   ") == []


def test_hit_json_shape(retriever: Retriever) -> None:
    data = retriever.search("人才公寓", k=1)[0].to_json()
    assert set(data) == {
        "rank", "score", "chunk_id", "doc_id", "source", "title", "section_path", "text",
        "dense_rank", "bm25_rank",
    }


def test_document_lookup(retriever: Retriever) -> None:
    hit = retriever.search("人才公寓", k=1)[0]
    doc = retriever.document(hit.chunk.doc_id)
    assert doc.text[hit.chunk.char_start : hit.chunk.char_end] == hit.chunk.text
    with pytest.raises(KeyError, match="no document"):
        retriever.document("missing")


def test_concurrent_searches_match_sequential(retriever: Retriever) -> None:
    queries = ["人才公寓", "社保补贴", "公积金贷款", "創業補助", "硕士落户"] * 8
    expected = [retriever.search(q, k=5) for q in queries]
    with ThreadPoolExecutor(max_workers=8) as pool:
        got = list(pool.map(lambda q: retriever.search(q, k=5), queries))
    assert got == expected


@pytest.mark.parametrize("fusion", ["rrf", "score"])
def test_document_level_evidence_is_a_third_signal(retriever: Retriever, fusion: str) -> None:
    ranks = retriever.document_ranks("住房公积金贷款期限")
    top_row = min(ranks, key=ranks.__getitem__)
    docs = list(retriever.documents.values())
    assert docs[top_row].source == "fund_loans.txt"
    plain = retriever.search("贷款期限", k=10, config=SearchConfig(fusion=fusion))
    with_doc = retriever.search(
        "贷款期限", k=10, config=SearchConfig(fusion=fusion, doc_weight=1.0)
    )
    by_id = {h.chunk.chunk_id: h.score for h in plain}
    assert with_doc[0].chunk.source == "fund_loans.txt"
    assert all(h.score >= by_id.get(h.chunk.chunk_id, 0.0) for h in with_doc)


def test_rescore_gives_every_union_candidate_both_exact_scores(retriever: Retriever) -> None:
    query = "社保补贴标准"
    qvec = retriever.embed_query(query)
    dense, lexical = retriever.candidates(query, 3, query_vector=qvec)
    d2, l2 = retriever.rescore(query, qvec, dense, lexical)
    union = {i for i, _ in dense} | {i for i, _ in lexical}
    assert {i for i, _ in d2} == union
    vectors = retriever._gen.vectors
    for i, score in d2:
        assert score == pytest.approx(float(vectors[i] @ qvec), abs=1e-5)
    assert [s for _, s in d2] == sorted((s for _, s in d2), reverse=True)
    assert {i for i, _ in l2} <= union and {i for i, _ in lexical} <= {i for i, _ in l2}
    hits = retriever.search(query, k=5, config=SearchConfig(fusion="score", rescore=True))
    assert all(h.dense_rank is not None for h in hits)


REGION_DOCS = {
    "chongqing.txt": (
        "重庆市困难行业企业亏损结转年限有何变化\n"
        "重庆市受疫情影响较大的困难行业企业亏损，最长结转年限由5年延长至8年。\n"
    ),
    "national.txt": (
        "关于支持疫情防控有关税收政策的公告\n"
        "受疫情影响较大的困难行业企业2020年度发生的亏损，最长结转年限由5年延长至8年。\n"
    ),
    "fund_loans.txt": DOCS["fund_loans.txt"],
}


@pytest.fixture
def region_retriever(tmp_path: Path, hash_config: IndexConfig) -> Retriever:
    build_index(write_corpus(tmp_path / "c", REGION_DOCS), tmp_path / "i", hash_config)
    return Retriever.load(tmp_path / "i")


def test_notice_from_another_province_is_lowered_not_dropped(region_retriever: Retriever) -> None:
    question = "天津市困难行业企业亏损结转年限有何变化？"
    off = SearchConfig(other_region_penalty=0.0, same_doc_penalty=0.0)
    plain = region_retriever.search(question, k=MAX_K, config=off)
    assert plain[0].chunk.source == "chongqing.txt"  # more of the question's words
    on = SearchConfig(same_doc_penalty=0.0)  # the default penalty alone
    lowered = region_retriever.search(question, k=MAX_K, config=on)
    assert {h.chunk.chunk_id for h in lowered} == {h.chunk.chunk_id for h in plain}
    before = {h.chunk.chunk_id: h.score for h in plain}
    for h in lowered:
        cut = on.other_region_penalty if h.chunk.source == "chongqing.txt" else 0.0
        assert h.score == pytest.approx(before[h.chunk.chunk_id] - cut)
    strong = SearchConfig(other_region_penalty=2.0)
    assert region_retriever.search(question, k=1, config=strong)[0].chunk.source == "national.txt"


@pytest.mark.parametrize("question", ["重庆市困难行业企业亏损结转年限有何变化？",
                                      "困难行业企业亏损结转年限有何变化？"])
def test_no_demotion_for_the_same_province_or_when_no_place_is_named(
    region_retriever: Retriever, question: str
) -> None:
    off = SearchConfig(other_region_penalty=0.0)
    plain = region_retriever.search(question, k=MAX_K, config=off)
    default = region_retriever.search(question, k=MAX_K)
    assert [(h.chunk.chunk_id, h.score) for h in default] == [
        (h.chunk.chunk_id, h.score) for h in plain
    ]


def test_question_in_the_corpus_words_keeps_the_configured_weights(retriever: Retriever) -> None:
    query = "住房公积金贷款期限"
    assert retriever.query_coverage(query) == 1.0
    assert retriever.adapt_weights(query, SearchConfig()) == SearchConfig()
    fixed = SearchConfig(weighting="fixed")
    assert _hits(retriever.search(query, k=5)) == _hits(retriever.search(query, k=5, config=fixed))


def test_question_in_everyday_words_leans_on_the_dense_side(retriever: Retriever) -> None:
    query = "老公刚毕业想租个房子，公积金能帮上忙吗"
    coverage = retriever.query_coverage(query)
    assert 0.0 < coverage < 0.5
    adapted = retriever.adapt_weights(query, SearchConfig())
    assert adapted.bm25_weight == pytest.approx(SearchConfig().bm25_weight * coverage)
    assert adapted.dense_weight + adapted.bm25_weight == pytest.approx(1.0)
    assert adapted.doc_weight == pytest.approx(0.3 * coverage)
    # search applies exactly those weights
    same = SearchConfig(weighting="fixed", dense_weight=adapted.dense_weight,
                        bm25_weight=adapted.bm25_weight, doc_weight=adapted.doc_weight)
    assert _hits(retriever.search(query, k=5)) == _hits(retriever.search(query, k=5, config=same))
    assert _hits(retriever.search(query, k=5)) != _hits(
        retriever.search(query, k=5, config=SearchConfig(weighting="fixed")))


def test_fixed_weighting_and_non_chinese_questions_are_not_adapted(retriever: Retriever) -> None:
    fixed = SearchConfig(weighting="fixed")
    assert retriever.adapt_weights("老公想租房子", fixed) == fixed
    assert retriever.adapt_weights("housing fund loan", SearchConfig()) == SearchConfig()


def _hits(hits: list) -> list[tuple[str, float]]:
    return [(h.chunk.chunk_id, round(h.score, 9)) for h in hits]


def test_queries_embedded_together_are_each_embedded_alone(retriever: Retriever) -> None:
    words = ["住房公积金", "补贴", "贷" * 300]  # the last is cut as embed_query cuts it
    together = retriever.embed_queries(words)
    assert together.shape[0] == len(words)
    for word, row in zip(words, together, strict=True):
        assert row == pytest.approx(retriever.embed_query(word), abs=1e-6)
    assert retriever.embed_queries([]).shape == (0, together.shape[1])
