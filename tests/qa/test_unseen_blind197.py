"""General faults the hundred-and-ninety-seventh to two-hundred-and-fourth unseen question
sets showed (the forty-ninth session: a realistic mix, everyday words, askers opening with
their city and school or job, things described). Where a rule could fire too widely, the
test also checks the case that must still be read the old way."""

from __future__ import annotations

from app.answer.asked import asks_outright, asks_sum
from app.answer.kinds import find_kinds
from app.answer.question import analyze


def test_a_money_word_after_how_many_asks_a_sum() -> None:
    assert asks_sum("企业每年给开多少薪水") and asks_sum("能领到多少生活补贴")
    assert asks_sum("每月多少工资")
    # a count of subsidies, or of the people or firms that get one, is no sum
    assert not asks_sum("有多少补贴政策") and not asks_sum("多少补贴项目")
    assert not asks_sum("多少人补贴") and not asks_sum("多少家企业获得奖励")


def test_a_sum_asked_after_a_money_word_needs_a_sentence_stating_one() -> None:
    question = "学校给编制、企业给薪资的讲席教授岗位，企业每年给开多少薪水？"
    kinds = analyze(question).kinds
    # asked outright: a sentence naming the pay (企业为人才提供平台和薪资) without a sum
    # cannot answer, however well it matches
    assert "amount" in kinds and asks_outright(question, kinds) == "amount"
    assert asks_outright("补贴政策有多少项？", analyze("补贴政策有多少项？").kinds) != "amount"


def test_which_two_groups_of_people_is_phrasing() -> None:
    content = analyze("双导师到底是哪两拨人一起带学生？").content
    assert not any("拨" in word for word in content) and "双导师" in content
    assert "带学生" in content


def test_who_actually_wrote_asks_the_author() -> None:
    assert "author" in find_kinds("Who actually wrote this article about talent?")
    assert "author" in find_kinds("who wrote the paper")
    assert "author" not in find_kinds("Who can apply for the talent flat?")
    assert "author" not in find_kinds("Who actually pays the rent and what did the city write?")
