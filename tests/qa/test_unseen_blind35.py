"""General faults the thirty-fifth and thirty-sixth unseen question sets showed, each on a
made-up notice or the readers themselves: 落户 inside the idiom 安家落户 (to settle down)
was read as the household-registration benefit the answer must name; an English question
asking a figure for the full year was answered with the first three quarters', and
"growth rate" asked no figure. Each test also checks the case that must still be read the
old way."""

from __future__ import annotations

from app.answer.question import find_benefits, find_kinds
from tests.qa.made_up import MadeUp

_GDP = MadeUp.of({"l": ("某区2023年度人才工作综述", "南阳市",
                        "2023年，某区深入实施人才强区战略，出台一系列招才引智政策。"
                        "数据显示，2023年前三季度，某区生产总值增长7.0%，固定资产投资增长13.6%。")})


def test_a_word_inside_an_idiom_names_no_benefit() -> None:
    assert "落户" not in find_benefits("2023年在崂山安家落户的人才有多少")
    assert "落户" in find_benefits("博士落户崂山有补贴吗")
    assert "落户" in find_benefits("在崂山落户要什么条件")


def test_an_english_question_asking_a_rate_asks_a_figure() -> None:
    assert "count" in find_kinds("What was the district's GDP growth rate in 2023?")
    assert "count" in find_kinds("What percentage of residents are talents?")
    assert "count" not in find_kinds("Which new fields will Bengbu concentrate on?")


def test_an_english_full_year_is_a_whole_year() -> None:
    d = _GDP.decide("What was Nanyang's GDP growth rate for the full year 2023?")
    assert d.refused, d.chosen[0].sentence.text if d.chosen else d.reason
    d = _GDP.decide("What was Nanyang's GDP growth rate in the first three quarters of 2023?")
    assert not d.refused, d.reason
    assert "7.0%" in d.chosen[0].sentence.text
