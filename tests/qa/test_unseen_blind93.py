"""General faults the ninety-third to ninety-sixth unseen question sets showed (false
premises, chats with the assistant, reverse look-ups of a figure, non-native English).
Each test also checks the case that must still be read the old way."""

from __future__ import annotations

from app.answer.asked_names import looked_up
from app.answer.chatter import without_chatter
from app.answer.english import english_query
from app.answer.framing import en_place
from app.answer.kinds import asks_comparison
from lexicon import gazetteer
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


def test_an_unlisted_county_named_with_its_province_is_the_place_asked() -> None:
    assert "Yangu县" in english_query("Housing subsidy for young talents in Yangu county Shandong?")
    assert "县" not in english_query("How much in Nanyang?")
    assert en_place("Yangu县") == "Yangu County"
    assert [(m.text, m.known) for m in gazetteer().find("去山东桃花县工作")] == [
        ("山东", True), ("桃花县", False)]
    assert [m.text for m in gazetteer().find("山东各市县的补贴")] == ["山东"]
    # a cap asked is no comparison, so two nested places make no comparison table
    assert not asks_comparison("山东桃花县的青年人才住房补贴最多多少")
    flats = {"q": ("某区人才安居", "青岛市", "青年人才到青岛可享受最高15万元的住房补贴和安家费。")}
    d = MadeUp.of(flats).decide("山东桃花县的青年人才住房补贴最多多少？")
    assert d.refused and d.outcome == "other_region", d.reason
    d = MadeUp.of(flats).decide("山东青岛的青年人才住房补贴最多多少？")
    assert not d.refused and "15万元" in d.chosen[0].sentence.text, d.reason
