"""Region awareness: the asked region's documents rank first, and an answer drawn
from another region says so."""

from __future__ import annotations

from app.answer.engine import QAEngine
from app.answer.plan import retrieve
from app.answer.region_note import applies_to


def test_region_filter_ranks_that_regions_documents_first(sample_engine: QAEngine) -> None:
    retriever = sample_engine.retriever
    docs = retriever.documents
    plain = retrieve(retriever, ["高校毕业生生活补贴"], 12, None)
    assert applies_to(docs[plain[0].chunk.doc_id].region, "威海")  # the unfiltered best
    ranked = retrieve(retriever, ["高校毕业生生活补贴"], 12, "青岛")
    flags = [applies_to(docs[h.chunk.doc_id].region, "青岛") for h in ranked]
    assert flags[0] and any(not f for f in flags)
    assert flags == sorted(flags, reverse=True), "every Qingdao hit precedes the others"
    assert [h.rank for h in ranked] == list(range(1, len(ranked) + 1))


def test_laoshan_documents_count_for_qingdao(sample_engine: QAEngine) -> None:
    docs = sample_engine.retriever.documents
    laoshan = next(d for d in docs.values() if "崂山" in d.text[:400])
    assert laoshan.region == "崂山区"
    assert sample_engine.factbook.select(region="青岛")
    district = sample_engine.factbook.select(region="崂山区")
    assert district and all(applies_to(docs[f.doc_id].region, "崂山区") for f in district)


def test_answer_from_another_region_carries_a_note(sample_engine: QAEngine) -> None:
    answer = sample_engine.answer("高技能人才培训基地每个补助多少？", filters={"region": "威海"})
    assert not answer.refused
    assert answer.text.split("\n")[0] == "注意：以下内容来自青岛高新区的政策，不是威海市的政策。"
    docs = sample_engine.retriever.documents
    assert all(applies_to(docs[c.doc_id].region, "青岛") for c in answer.citations)


def test_no_note_when_the_answer_is_from_the_asked_region(sample_engine: QAEngine) -> None:
    answer = sample_engine.answer("高技能人才培训基地每个补助多少？", filters={"region": "青岛"})
    assert not answer.refused and not answer.text.startswith("注意")
    unfiltered = sample_engine.answer("高技能人才培训基地每个补助多少？")
    assert not unfiltered.text.startswith("注意")


def test_a_place_named_in_the_question_ranks_its_documents_first(
    sample_engine: QAEngine,
) -> None:
    docs = sample_engine.retriever.documents
    answer = sample_engine.answer("青岛的高校毕业生有什么生活补贴？")
    flags = [applies_to(docs[h.chunk.doc_id].region, "青岛") for h in answer.hits]
    assert flags[0] and flags == sorted(flags, reverse=True)
