"""General faults the hundred-and-seventeenth to hundred-and-twentieth unseen question sets
showed (askers who tell what their own town does, pinyin left by the input method, wrong
administrative names, dates written many ways). Each test also checks the case that must
still be read the old way."""

from __future__ import annotations

from tests.qa.made_up import MadeUp

_TOTAL = {"y": ("人才研究", "南阳市", "截至2020年底，南阳科技人力资源总量已超过1.1万人。")}


def test_a_year_in_chinese_numerals_is_the_year_asked() -> None:
    made = MadeUp.of(_TOTAL)
    d = made.decide("截至二〇二三年底，南阳科技人力资源总量有多少？")
    assert d.refused, [c.sentence.text for c in d.chosen]
    d = made.decide("截至二〇二〇年底，南阳科技人力资源总量有多少？")
    assert not d.refused and "1.1万人" in d.chosen[0].sentence.text, d.reason


def test_settling_into_housing_is_no_household_registration() -> None:
    made = MadeUp.of({"h": ("某区人才综述", "南阳市",
                            "通过人才住房政策，2023年共有5031人实现了“来时一个包、安下一个家”的梦想。")})
    d = made.decide("How many talents in Nanyang got settled into housing in 2023 (the 'come "
                    "with one bag, settle a home' thing)?")
    assert not d.refused and "5031人" in d.chosen[0].sentence.text, d.reason
    # household registration asked in so many words still is
    d = made.decide("Can I get household registration (hukou) in Nanyang as a graduate?")
    assert d.refused, [c.sentence.text for c in d.chosen]
