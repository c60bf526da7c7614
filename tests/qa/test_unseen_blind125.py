"""General faults the hundred-and-twenty-fifth to hundred-and-twenty-eighth unseen question
sets showed (pointers at a part of a document, overviews anchored on a fact, text pasted from
social media, script mixing). Each test also checks the case that must still be read the old
way."""

from __future__ import annotations

from tests.qa.made_up import MadeUp

_ALLOWANCE = {"w": ("某区人才政策", "南阳市",
                    "按照本科、硕士、博士学历分别给予每月1000元、2000元、5000元的生活津贴。")}


def test_an_everyday_word_that_names_a_district_is_no_place() -> None:
    made = MadeUp.of({"h": ("某区人才综述", "南阳市",
                            "实施“安居无忧”计划，租赁型人才住房审批由7个工作日压缩至当日办结。")})
    d = made.decide("“安居无忧”计划那部分，南阳租赁型人才住房审批现在压缩到多久？")
    assert not d.refused and "当日办结" in d.chosen[0].sentence.text, d.reason
    d = made.decide("遂宁安居区的租赁型人才住房审批要多久？")
    assert d.refused, [c.sentence.text for c in d.chosen]


def test_how_many_years_one_may_draw_asks_no_sum() -> None:
    made = MadeUp.of(_ALLOWANCE)
    d = made.decide("南阳本科生每月1000元的生活津贴，能连续领多少年？")
    assert d.refused, [c.sentence.text for c in d.chosen]
    d = made.decide("南阳本科生每月能领多少生活津贴？")
    assert not d.refused and "1000元" in d.chosen[0].sentence.text, d.reason


def test_a_chinese_name_in_single_quotes_is_a_quoted_name() -> None:
    question = "Nanyang's '人才贷' talent loan: what's the maximum loan amount?"
    made = MadeUp.of({"l": ("某区人才综述", "南阳市",
                            "南阳推出“人才贷”等金融产品。在公司初创期，区里投入500万元的引导资金。")})
    d = made.decide(question)
    assert d.refused, [c.sentence.text for c in d.chosen]
    made = MadeUp.of({"l": ("某区人才综述", "南阳市", "南阳“人才贷”单笔贷款最高500万元。")})
    d = made.decide(question)
    assert not d.refused and "500万元" in d.chosen[0].sentence.text, d.reason
