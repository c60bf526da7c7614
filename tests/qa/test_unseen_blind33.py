"""General faults the thirty-third and thirty-fourth unseen question sets showed, each on a
made-up notice or the readers themselves: 「搞点活动」 (a verb and the short form of 一点) was
respelled as 高点, a word it does not sound like in its tones; a relative the asker speaks
for (闺女, 侄子) was read as a thing the documents lack; an age limit asked
(「多少岁以下能住」) was answered by a sentence stating no age; a figure given as current
(截至目前) answered for a year long before the report; 「岗位数」 asked no figure; a
paper's reference mark (［16］) and the article 一个 counted things; 投钱 was not 投资.
Each test also checks the case that must still be read the old way."""

from __future__ import annotations

from app.answer.question import find_kinds
from app.answer.scoring import holds_kind
from app.answer.years import off_year
from lexicon import people_words
from tests.qa.made_up import MadeUp

_EVENTS = MadeUp.of({"e": ("人才工作综述", "南阳市",
                           "大力开展科研交流活动，定期举办“人才节”“科研日”等系列活动。"
                           "推动高质量发展，抢占发展制高点。")})


def test_a_verb_and_a_short_measure_word_are_no_slip() -> None:
    assert _EVENTS.view.correct("想给员工搞点人才活动，建议定期办哪些") == (
        "想给员工搞点人才活动，建议定期办哪些")
    d = _EVENTS.decide("南阳想给员工搞点人才活动，建议定期办哪些")
    assert not d.refused, d.reason
    assert "人才节" in d.chosen[0].sentence.text
    # a non-word slip in another tone is still respelled (审皮 for 审批)
    approvals = MadeUp.of({"a": ("审批办法", "南阳市", "简化审批流程，审批时限压缩至5个工作日。")})
    assert approvals.view.correct("审皮要几天") == "审批要几天"


def test_a_relative_the_asker_speaks_for_is_no_missing_thing() -> None:
    assert {"闺女", "侄子", "外甥"} <= set(people_words())
    made = MadeUp.of({"p": ("青年见习计划", "南阳市",
                            "依托南阳市青年实习见习公共服务平台，集聚优质见习实习岗位。")})
    d = made.decide("我闺女大三想暑假来南阳实习，有什么平台可以找实习见习岗位吗")
    assert not d.refused, d.reason
    assert "服务平台" in d.chosen[0].sentence.text


def test_an_age_limit_needs_a_sentence_stating_an_age() -> None:
    assert "age" in find_kinds("青年社区人才公寓有年龄限制吗，多少岁以下能住")
    assert "age" in find_kinds("How old can I be to apply?")
    assert "age" in find_kinds("想报技师学院，招生年龄有什么要求")
    assert "count" not in find_kinds("多少岁以下能住")
    # the asker's own age is told, not asked
    assert "age" not in find_kinds("我今年38岁，能领生活补贴吗")
    assert holds_kind("申请人年龄在35周岁以下", "age")
    assert not holds_kind("入住青年人才8000多名", "age")
    flats = MadeUp.of({"f": ("人才公寓", "南阳市",
                             "打造青年社区人才公寓，入住青年人才8000多名。")})
    d = flats.decide("南阳青年社区人才公寓多少岁以下能住")
    assert d.refused and "年龄要求" in d.missing, d.reason
    aged = MadeUp.of({"f": ("人才公寓", "南阳市",
                            "打造青年社区人才公寓，申请人年龄在35周岁以下。")})
    d = aged.decide("南阳青年社区人才公寓多少岁以下能住")
    assert not d.refused, d.reason
    assert "35周岁" in d.chosen[0].sentence.text


def test_a_current_figure_is_of_the_report_year_or_the_one_before() -> None:
    now = "截至目前，全区人才总量突破23万人"
    assert off_year(now, 2024, ((2021, 2021),))
    assert not off_year(now, 2024, ((2023, 2023),)) and not off_year(now, 2024, ((2024, 2024),))
    assert not off_year(now, None, ((2021, 2021),))  # an undated report places nothing
    report = MadeUp.of({"r": ("人才工作综述", "南阳市", f"{now}。")}, {"r": "2024-01-09"})
    assert report.decide("南阳2021年人才总量是多少").refused
    assert not report.decide("南阳2023年人才总量是多少").refused


def test_how_many_posts_asks_a_figure() -> None:
    assert "count" in find_kinds("春季专场招聘会 岗位数")
    assert "count" in find_kinds("公寓套数")


def test_a_reference_mark_or_an_article_counts_nothing() -> None:
    assert not holds_kind("［16］减少对科研人员的量化考核", "count")
    assert not holds_kind("营造一个鼓励创新、公平包容的氛围", "count")
    assert holds_kind("新建十一个工作站", "count") and holds_kind("提供岗位300余个", "count")
    assert holds_kind("共有1个", "count")


def test_spoken_words_for_investing_are_the_notices() -> None:
    made = MadeUp.of({"i": ("人才创业支持", "南阳市",
                            "对区内高层次人才创办的企业以直接股权投资的方式予以支持。")})
    d = made.decide("公司在南阳，老板是高层次人才，区里会用什么方式投钱支持")
    assert not d.refused, d.reason
    assert "股权投资" in d.chosen[0].sentence.text
