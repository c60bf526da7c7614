"""Region awareness over the sample corpus: the asked region's documents rank first, an
answer from another region says so first, and figures of different places are never
read as one rule."""

from __future__ import annotations

from app.answer.engine import QAEngine
from app.answer.plan import retrieve
from lexicon import applies_to, region_relation


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
    assert laoshan.region == "崂山区" and region_relation("青岛", laoshan.region) == "inside"
    district = sample_engine.factbook.select(region="崂山区")
    assert district and all(applies_to(docs[f.doc_id].region, "崂山区") for f in district)


def test_a_city_the_library_lacks_is_named_before_any_other_citys_rule(
        sample_engine: QAEngine) -> None:
    answer = sample_engine.answer("我是硕士，去南阳工作每个月有多少生活补贴？")
    assert answer.refused
    first = answer.text.split("\n")[0]
    assert first.startswith("没有找到南阳的相关规定"), first
    if answer.citations:  # another region's rules, for reference, named by region
        assert "仅供参考" in first and "威海" in first and answer.region_note == "other"


def test_filter_region_without_evidence_is_said(sample_engine: QAEngine) -> None:
    answer = sample_engine.answer("高技能人才培训基地每个补助多少？", filters={"region": "威海"})
    assert answer.refused
    # the library holds 威海 documents, which say nothing on this
    assert answer.text.split("\n")[0].startswith("威海的文件中没有找到这方面的内容")
    assert "海南省" in answer.text.split("\n")[0]


def test_no_note_when_the_answer_is_from_the_asked_region(sample_engine: QAEngine) -> None:
    answer = sample_engine.answer("我是硕士，去威海工作每个月有多少生活补贴？")
    assert not answer.refused
    assert "没有找到" not in answer.text and "2000元" in answer.text
    assert answer.region_note is None


def test_english_question_about_an_uncovered_city_says_so(sample_engine: QAEngine) -> None:
    answer = sample_engine.answer("How much living allowance does a PhD get in Chengdu?")
    assert answer.refused
    assert answer.text.startswith(("No rules of Chengdu on this were found",
                                   "The policy library has nothing that answers"))


def test_a_zone_of_an_uncovered_city_is_named_as_asked(sample_engine: QAEngine) -> None:
    answer = sample_engine.answer("我是硕士，毕业去绵阳高新区工作，每个月能领多少生活补助？")
    assert answer.refused
    assert answer.text.startswith(("没有找到绵阳高新区的相关规定", "政策库中没有找到绵阳高新区"))
