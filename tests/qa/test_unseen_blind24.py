"""General faults the twenty-fourth unseen question set showed, each on a made-up notice:
a search-box count (「人才公寓 套数」) was read as a thing the documents never name; an
errand told before a colon (「记者想核实一下：…」) was read as what is asked; a programme's
announcement followed by a sentence that only counts its schools answered which schools;
a deadline asked in English and the time of an event asked by a keyword (建成时间) were
not read as dates; another year's figure answered for the year asked; and a keyword's
人数 was answered by a sentence counting places. Each test also checks the case that must
still be answered or left alone."""

from __future__ import annotations

from app.answer.asked import asks_people
from app.answer.clauses import asides
from app.answer.question import find_kinds
from app.answer.years import asked_years, off_year
from tests.qa.made_up import MadeUp

_FLATS = ("打造青年社区人才公寓，对求职面试的大学生提供5天免费住宿，目前已建设人才公寓"
          "50万平方米，投入使用5300多套、入住青年人才8000多名。")


def _made(body: str) -> MadeUp:
    return MadeUp.of({"d": ("人才工作方案", "某市", body)})


def test_a_count_asked_by_its_measure_is_a_count() -> None:
    assert find_kinds("人才公寓 套数") == ("count",)
    assert find_kinds("高技能人才 占比") == ("count",)
    d = _made(_FLATS).decide("人才公寓 套数")
    assert not d.refused, d.reason
    assert "5300多套" in d.chosen[0].sentence.text


def test_an_errand_before_a_colon_is_not_what_is_asked() -> None:
    question = "记者想核实一下：人才公寓目前住进去多少年轻人了？"
    assert asides(question) == ("记者想核实一下",)
    d = _made(_FLATS).decide(question)
    assert not d.refused, d.reason
    assert "8000多名" in d.chosen[0].sentence.text


def test_schools_only_counted_after_the_announcement_name_none() -> None:
    made = MadeUp.of({
        "d": ("技能人才培养计划", "某市", "近日，某企业发布技能人才培养“青领计划”。根据规划，"
              "未来3年内将合作百所技能院校，为产业输送万名技能人才。"),
        "e": ("校企合作", "某市", "某区与青岛大学、青岛科技大学等院校开展校企合作。")})
    d = made.decide("青领计划首批合作的是哪几所院校")
    assert d.refused, d.reason
    assert "具体名单" in d.missing
    # asked how many, the count answers
    d = made.decide("青领计划要合作多少所院校？")
    assert not d.refused, d.reason


def test_deadlines_and_the_time_of_an_event_ask_a_date() -> None:
    assert find_kinds("What is the application deadline for the training bases?") == ("day",)
    assert find_kinds("国际人才社区 建成时间") == ("date",)
    # working hours are no date, and how long stays a span
    assert find_kinds("工作时间多长") == ()
    made = _made("由他牵头的国际人才社区项目目前正一体化推进。该项目全面建成后，将布局形成"
                 "六大产业组团。")
    d = made.decide("国际人才社区 建成时间")
    assert d.refused, d.reason


def test_another_years_figure_does_not_answer_for_the_year_asked() -> None:
    assert asked_years("崂山 2024 人才住房 人数") == ((2024, 2024),)
    assert off_year("2023年共有5031人", None, ((2024, 2024),))
    assert not off_year("共有5031人", None, ((2024, 2024),))
    assert asked_years("拨打12345热线") == ()
    made = _made("崂山构建人才住房分配机制。2023年共有5031人入住人才住房。")
    d = made.decide("崂山 2024 人才住房 人数")
    assert d.refused, d.reason
    d = made.decide("崂山 2023 人才住房 人数")
    assert not d.refused, d.reason
    assert "5031人" in d.chosen[0].sentence.text


def test_a_keywords_head_count_needs_people_counted() -> None:
    """「人才住房 人数」 asks how many people; 「打造了20个人才家园」 counts places."""
    assert asks_people("崂山 人才住房 人数", ("count",))
    made = _made("在人才聚集区域打造了20个人才家园，人才住房越建越多。"
                 "人才住房分配机制不断完善，已有5031人入住人才住房。")
    d = made.decide("人才住房 人数")
    assert not d.refused, d.reason
    assert "5031人" in d.chosen[0].sentence.text
