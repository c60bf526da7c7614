"""Refusals in the asker's words, related benefits, and conversational messages."""

from __future__ import annotations

import pytest

from app.answer.engine import QAEngine
from app.answer.question import analyze
from app.answer.refusal import refusal_subject
from app.answer.smalltalk import social_reply


@pytest.mark.parametrize(("question", "subject"), [
    ("我是硕士，去南阳工作每个月有多少生活补贴？", "南阳对硕士的生活补贴"),
    ("深圳落户需要什么条件？", "深圳的落户条件"),
    ("威海对博士有什么安家费或者购房补贴？", "威海对博士的安家费、购房补贴"),
    ("青岛的养老金每月能领多少", "青岛的养老金"),
])
def test_subject_uses_the_questions_own_words(question: str, subject: str) -> None:
    assert refusal_subject(analyze(question)) == subject


@pytest.mark.parametrize(("question", "missing", "subject"), [
    ("崂山区人才公寓的月租金是多少", ("月租金",), "崂山区的人才公寓月租金"),
    ("威海人才公寓申请电话是多少 找哪个部门", ("电话",), "威海的人才公寓电话"),
    ("青岛高新区的购房券能买二手房吗", ("券能", "二手房"), "青岛高新区的购房券二手房"),
    ("青岛失业保险金一个月能领多少钱", ("失业", "保险金"), "青岛的失业保险金"),
    ("成都刚毕业的本科生 租房补贴一个月多少钱", ("本科",), "成都对本科生的租房补贴"),
])
def test_subject_names_what_the_documents_lack(question: str, missing: tuple[str, ...],
                                               subject: str) -> None:
    """A missing word beside a known benefit is named with it (人才公寓月租金); one inside
    the benefit or the person (券能, 本科) is not repeated."""
    assert refusal_subject(analyze(question), missing) == subject


@pytest.mark.parametrize("question", [
    "我在10+1重点产业企业上班，企业能自己评职称吗，能评哪几级",
    "郑州高校毕业生一次性就业补贴要去哪个部门申请",
])
def test_a_question_without_a_short_subject_is_quoted_whole(question: str) -> None:
    """No fragment such as 「对企业的在10」: the question is quoted as what was asked."""
    assert refusal_subject(analyze(question)) == f"能回答「{question}」的内容"


def test_a_number_joined_by_a_plus_is_one_content_piece() -> None:
    assert analyze("10+1重点产业企业能评哪几级职称").content[0].startswith("10+1")


def test_english_subject_keeps_the_askers_words() -> None:
    q = analyze("What is the minimum wage in Qingdao?")
    assert refusal_subject(q) == "“What is the minimum wage in Qingdao?”"
    long = analyze("Does Xiamen give fresh graduates a housing subsidy, and if it does, how much "
                   "is it per month for a master's graduate?")
    assert refusal_subject(long).startswith("“Does Xiamen give fresh graduates")
    assert refusal_subject(long).endswith("…”") and len(refusal_subject(long)) <= 103


@pytest.mark.parametrize("message", ["谢谢", "谢谢！", "你好", "Thanks!", "好的"])
def test_conversation_is_not_a_question(message: str, engine: QAEngine) -> None:
    answer = engine.answer(message)
    assert answer.mode == "social" and answer.refused and not answer.citations
    assert answer.text == social_reply(message) and "没有找到" not in answer.text


def test_a_question_with_thanks_is_still_a_question() -> None:
    assert social_reply("谢谢，那博士呢？") is None


def test_missing_item_lists_the_asked_persons_other_benefits(engine: QAEngine) -> None:
    answer = engine.answer("威海对博士有什么安家费或者购房补贴？")
    assert answer.refused and answer.mode == "extractive-partial"
    first = answer.text.split("\n")[0]
    assert first.startswith("没有找到威海对博士的安家费、购房补贴。威海对博士有：")
    assert "5000元" in first and answer.citations
    for c in answer.citations:  # each listed benefit quotes its clause verbatim
        assert engine.retriever.document(c.doc_id).text[c.char_start:c.char_end] == c.quote
