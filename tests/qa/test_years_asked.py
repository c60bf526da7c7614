"""A question that names a year is not answered by a sentence about another year: the
twenty-ninth and thirtieth unseen sets asked 「海南2023年新建了多少个基地」 and
「青岛2024年全年引聚了多少青年人才」 of notices that speak of 今年 in 2025. A year that
dates the asker (2023年毕业) or a sentence that names no year is never judged."""

from __future__ import annotations

from app.answer.years import OPEN_END, asked_years, off_year, spoken_years
from tests.qa.made_up import MadeUp

_NOTICE = ("某市技能人才工作要点", "南阳市", "今年，全市将新建技能大师工作室30个，每个补助10万元。")
_PLAN = MadeUp.of(
    {"p": _NOTICE,
     "s": ("某市人才发展统计公报", "南阳市", "2023年全市新增高技能人才2万人。")},
    dates={"p": "2025-03-01", "s": "2024-02-01"})


def test_asked_years_read_spans_and_leave_out_the_askers_own() -> None:
    assert asked_years("2023年新建了多少个？") == ((2023, 2023),)
    assert asked_years("2021—2025年计划引进多少人") == ((2021, 2025),)
    assert asked_years("2020年以来引进多少人") == ((2020, OPEN_END),)
    assert asked_years("How many studios were built in 2024?") == ((2024, 2024),)
    assert asked_years("我2023年毕业，能领多少") == ()
    assert asked_years("补贴2000元每月吗") == ()  # a sum, not a year


def test_spoken_years_place_relative_words_by_the_documents_date() -> None:
    assert spoken_years("今年新建30个", 2025) == frozenset({2025})
    assert spoken_years("去年新增2万人", 2025) == frozenset({2024})
    assert spoken_years("今年新建30个", None) is None  # an undated notice: unknown
    assert spoken_years("未来3年内合作百所院校", 2025) is None  # a span, not a year
    assert spoken_years("2021-2023年累计引进", None) == frozenset({2021, 2022, 2023})
    assert off_year("今年新建30个", 2025, ((2023, 2023),))
    assert not off_year("今年新建30个", 2025, ((2025, 2025),))
    assert not off_year("新建30个", 2025, ((2023, 2023),))


def test_a_sentence_about_another_year_does_not_answer() -> None:
    d = _PLAN.decide("南阳2023年新建了多少个技能大师工作室？")
    assert d.refused, d.reason
    only = MadeUp.of({"p": _NOTICE}, dates={"p": "2025-03-01"})
    d = only.decide("南阳2023年新建了多少个技能大师工作室？")
    assert d.refused and "2023年" in d.reason, d.reason
    # the year the notice speaks of, and no year at all, are answered from the same sentence
    for question in ("南阳2025年新建多少个技能大师工作室？", "南阳新建多少个技能大师工作室？"):
        d = _PLAN.decide(question)
        assert not d.refused, (question, d.reason)
        assert "30个" in d.chosen[0].sentence.text
    # a year the sentence writes out answers for that year
    d = _PLAN.decide("南阳2023年新增了多少高技能人才？")
    assert not d.refused, d.reason
    assert "2万人" in d.chosen[0].sentence.text
    # a year the asker offers to be checked, or with a question of when, is not kept to
    for question in ("南阳新建技能大师工作室30个，是2023年的吧？",
                     "南阳2023年新建技能大师工作室是什么时候宣布的？"):
        d = only.decide(question)
        assert "2023年" not in d.reason, (question, d.reason)
