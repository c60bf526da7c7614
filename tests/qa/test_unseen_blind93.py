"""General faults the ninety-third to ninety-sixth unseen question sets showed (false
premises, chats with the assistant, reverse look-ups of a figure, non-native English).
Each test also checks the case that must still be read the old way."""

from __future__ import annotations

from app.answer.asked import looked_up
from app.answer.chatter import without_chatter
from tests.qa.made_up import MadeUp

_FLATS = {"f": ("某区人才公寓", "南阳市",
                "南阳打造青年社区人才公寓，对求职面试的大学生提供5天免费住宿，"
                "目前已投入使用5300多套。")}


def test_a_call_to_the_assistant_and_what_is_asked_of_the_reply_are_no_question() -> None:
    assert without_chatter("在吗小助手～去南阳面试能免费住几天呀？只要数字就行^_^") == (
        "去南阳面试能免费住几天呀？")
    assert without_chatter("小助手你好呀～我是硕士，想去南阳") == "我是硕士，想去南阳"
    assert without_chatter("考考你～南阳人才公寓有多少套？一句话告诉我") == "南阳人才公寓有多少套？"
    # the same words where they are what is asked about stay
    assert without_chatter("客服电话是多少？") == "客服电话是多少？"
    assert without_chatter("在吗") == "在吗"
    d = MadeUp.of(_FLATS).decide("小助手～去南阳面试找工作，能免费住几天呀？只要数字QAQ")
    assert not d.refused and "5天" in d.chosen[0].sentence.text, d.reason


def test_a_figure_looked_up_must_be_one_the_documents_give() -> None:
    assert looked_up("3600元是什么补贴？") == "3600元"
    assert looked_up("5300多套指的是什么") == "5300多套"
    assert looked_up("2025年3月15日发布了什么？") == "2025年3月15日"
    assert looked_up("硕士每月3600元吗？") is None
    view = MadeUp.of(_FLATS).view
    assert view.states("5300多套") and not view.states("3600套")
