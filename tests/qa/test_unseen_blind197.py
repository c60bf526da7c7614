"""General faults the hundred-and-ninety-seventh to two-hundred-and-fourth unseen question
sets showed (the forty-ninth session: a realistic mix, everyday words, askers opening with
their city and school or job, things described). Where a rule could fire too widely, the
test also checks the case that must still be read the old way."""

from __future__ import annotations

from app.answer.asked import asks_outright, asks_sum
from app.answer.english_told import told_terms
from app.answer.kinds import find_kinds
from app.answer.question import analyze
from app.answer.self_told import tells_work
from app.answer.story import whereabouts
from lexicon import document_reference_pattern


def test_a_money_word_after_how_many_asks_a_sum() -> None:
    assert asks_sum("企业每年给开多少薪水") and asks_sum("能领到多少生活补贴")
    assert asks_sum("每月多少工资") and asks_sum("开多少工资一个月") and asks_sum("多少块钱")
    # a count of subsidies, or of the people or firms that get one, is no sum
    assert not asks_sum("有多少补贴政策") and not asks_sum("多少补贴项目")
    assert not asks_sum("多少人补贴") and not asks_sum("多少家企业获得奖励")
    assert not asks_sum("全市发放了多少笔补贴") and not asks_sum("给了多少人补贴")
    assert not asks_sum("多少补贴对象") and not asks_sum("有多少学生补贴")


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
    # who does something else, whatever document they wrote about
    assert "author" not in find_kinds("Who can apply for the flat they wrote about?")
    # who wrote to someone or back asks of a writer, not of the article's author
    assert "author" not in find_kinds("The graduate who then wrote back: how much did he get?")
    assert "author" not in find_kinds("Anyone who wrote to the bureau, where do they apply?")


def test_a_city_and_a_trade_open_the_askers_introduction() -> None:
    assert tells_work("佛山数控技工") and tells_work("芜湖汽修学徒")
    question = "佛山数控技工，想知道行情。全国高技能人才占技能人才总量的比例是多少？"
    assert whereabouts(question, ["佛山"]) == ("佛山",)
    # a category of people the documents speak of is what is asked about
    assert not tells_work("青岛高级技工")


def test_a_document_that_mentions_a_topic_points_at_the_text() -> None:
    pattern = document_reference_pattern()
    assert pattern.search("看到文章提人力资源冷点区域")
    # 提供, 提高 …: the document provides or raises, no verb of saying
    assert not pattern.search("文件提供了哪些岗位") and not pattern.search("文章提高了什么")
    assert not pattern.search("论文提要里写的研究方法")  # 提要: any word 提 begins


def test_an_english_introduction_may_say_what_the_asker_is_doing_without_a_comma() -> None:
    told = told_terms("Final-year student in Huainan, considering work in Bengbu. "
                      "By the end of 2024, how many high-skilled workers did Bengbu have?")
    assert "淮南" in told and "蚌埠" not in told  # Bengbu is asked about
    assert "贵阳" in told_terms("Undergrad in Guiyang reading this paper on talent. "
                               "Which institution is the author from?")
    assert "上海" in told_terms("PhD student in Shanghai thinking of starting a company. "
                               "How much did Laoshan give?")
    # where they consider working is not where they are, even when not asked again
    assert "蚌埠" not in told_terms("Student in Huainan, considering work in Bengbu. "
                                   "How much is the housing subsidy?")
    # a word ending in -ing inside the role is no doing (a training school)
    assert "济南" in told_terms("Teacher at a training school in Jinan. How much is it?")
    # others doing something are no introduction of the asker
    assert told_terms("Doctoral graduates returning to Wuxuan County. How much is it?") == ()
