"""General faults the hundred-and-first to hundred-and-fourth unseen question sets showed
(anxious askers, abbreviations, why and how, weighing an offer). Each test also checks the
case that must still be read the old way."""

from __future__ import annotations

from app.answer.clauses import asides, clauses
from app.answer.kinds import find_kinds
from app.answer.self_told import feels, own_pay
from app.answer.story import said_after
from lexicon import gazetteer
from tests.qa.made_up import MadeUp

_FLATS = {"f": ("某区人才公寓", "南阳市",
                "南阳打造青年社区人才公寓，对求职面试的大学生提供5天免费住宿，"
                "对来南阳工作的，按照本科、硕士学历分别给予每月1000元、2000元的生活津贴。")}


def test_how_the_asker_feels_is_no_topic() -> None:
    assert feels("压力好大") and feels("晚上都睡不好") and not feels("住房补贴多少")
    assert asides("刚到南阳上班，家里催我买房，压力好大。南阳的人才公寓能免费住几天？") == (
        "刚到南阳上班", "家里催我买房", "压力好大")
    # an ellipsis parts two thoughts as a comma does
    assert clauses("我怕只是口号……到现在兑现了多少钱") == ("我怕只是口号", "到现在兑现了多少钱")
    d = MadeUp.of(_FLATS).decide(
        "家里催我找工作，压力好大，焦虑得睡不着。南阳的人才公寓能免费住几天？")
    assert not d.refused and "5天" in d.chosen[0].sentence.text, d.reason


def test_the_askers_own_pay_and_what_they_will_do_with_the_answer_are_no_topic() -> None:
    assert own_pay("南阳一家厂offer月薪6k") and own_pay("年薪二十万")
    assert own_pay("月薪五千块") and not own_pay("学徒工资怎么算")
    assert said_after("南阳今年要引进多少青年人才？想看看机会多不多再决定接不接") == (
        "想看看机会多不多再决定接不接",)
    assert said_after("南阳的补贴多少？住房怎么申请？") == ()
    d = MadeUp.of(_FLATS).decide("南阳一家公司给了我offer，本科，月薪5k出头，每月能补多少？")
    assert not d.refused and "1000元" in d.chosen[0].sentence.text, d.reason


def test_how_many_people_given_something_is_a_count() -> None:
    assert find_kinds("南阳给多少位人才办了景区年卡？") == ("count",)
    assert find_kinds("本科能补多少？") == ("amount",)
    assert find_kinds("发多少块钱") == ("amount",)


def test_a_name_several_places_share_is_read_inside_another_place_named() -> None:
    g = gazetteer()
    found = {m.text: g.parent(m.place).name
             for m in g.find("潍坊昌邑跟威海两个offer，昌邑那边呢")}
    assert found["昌邑"] == "潍坊市"
    assert g.parent(g.find("去昌邑工作")[0].place).name == "吉林市"


def test_the_place_of_the_clause_that_asks_is_the_place_asked() -> None:
    made = MadeUp.of(_FLATS)
    d = made.decide("潍坊昌邑跟南阳两个offer，昌邑那边本科毕业生每月生活补贴多少？")
    assert d.refused and d.outcome == "other_region", d.reason
    d = made.decide("我是潍坊昌邑人，去南阳工作，本科每月生活补贴多少？")
    assert not d.refused and "1000元" in d.chosen[0].sentence.text, d.reason
