"""The coverage summary: what the library holds, read from document metadata."""

from __future__ import annotations

from collections import Counter

import pytest

from app.answer.coverage import Coverage, coverage_sentence, summarize
from app.answer.engine import QAEngine
from ingest.script import is_traditional, to_simplified
from ingest.types import Document


def doc(doc_id: str, region: str | None, date: str | None) -> Document:
    return Document(doc_id, f"{doc_id}.txt", doc_id, None, date, None, region, "正文", "正文")


def test_summary_counts_regions_most_first_and_finds_the_latest_iso_date() -> None:
    docs = [doc("a", "乙市", "2021-05-01"), doc("b", "甲市", "2023-01-09"),
            doc("c", "乙市", None), doc("d", None, "2024-12-31"), doc("e", "丙省", "2020年")]
    c = summarize(docs)
    assert c == Coverage(5, (("乙市", 2), ("丙省", 1), ("甲市", 1)), 1, "2024-12-31")
    assert c.region_names == ("乙市", "丙省", "甲市")


def test_sentence_names_every_region_count_and_date() -> None:
    c = summarize([doc("a", "乙市", "2021-05-01"), doc("b", "甲市", None), doc("c", None, None)])
    text = coverage_sentence(c, "hans")
    assert text == ("政策库目前收录 3 份文件，涉及地区：乙市（1 份）、甲市（1 份），"
                    "另有 1 份未注明地区，最新文件日期为 2021-05-01。")


def test_sentence_caps_the_region_list_and_counts_the_rest() -> None:
    c = summarize([doc(str(i), f"地{i:02d}", None) for i in range(12)])
    text = coverage_sentence(c, "hans", max_regions=3)
    assert "地00（1 份）、地01（1 份）、地02（1 份）等 12 个地区" in text
    assert "地03" not in text and "最新" not in text  # no dated document, no date claim


def test_sentence_follows_the_script_of_the_question() -> None:
    c = summarize([doc("a", "青岛", "2025-04-07")])
    assert is_traditional(coverage_sentence(c, "hant"))
    assert coverage_sentence(c, "en") == (
        "The library holds 1 document, covering 青岛 (1); latest dated 2025-04-07.")
    assert coverage_sentence(summarize([]), "hans") == "政策库中还没有文件。"


def test_the_engine_summary_matches_the_index_metadata(engine: QAEngine, sample_retriever) -> None:
    docs = sample_retriever.documents.values()
    expected = Counter(d.region for d in docs if d.region)
    assert dict(engine.coverage.regions) == expected
    assert engine.coverage.n_documents == len(sample_retriever.documents) == 5
    assert engine.coverage.latest_date == max(d.date for d in docs if d.date)


@pytest.mark.parametrize("question", [
    "深圳落户需要什么条件？", "在青島買房，公積金貸款最多能貸多少？",
    "What is the pension age in Qingdao?",
])
def test_every_refusal_names_what_the_library_holds(engine: QAEngine, question: str) -> None:
    answer = engine.answer(question)
    assert answer.refused
    for region in engine.coverage.region_names:
        assert region in to_simplified(answer.text)
    assert str(engine.coverage.n_documents) in answer.text
    assert engine.coverage.latest_date and engine.coverage.latest_date in answer.text


def test_a_person_category_is_present_under_any_of_its_names() -> None:
    from app.answer.presence import present, support

    assert present("退伍军人", "对退役军人自主创业给予补贴")
    assert not present("退伍军人", "对自主创业给予补贴")
    assert support({"退伍军人": 1.0, "住进去": 1.0}, "入住的退役军人8000多名") == 0.5


def test_rent_and_price_words_are_one_another() -> None:
    from app.answer.scoring import normalise

    assert normalise("租金怎么算") == normalise("房租怎么算")
    assert normalise("价钱多少") == normalise("价格多少")
