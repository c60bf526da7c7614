"""General faults the hundred-and-twenty-first to hundred-and-twenty-fourth unseen question
sets showed (lists asked for, askers who take back what they wrote, growth and change over
time, chat decorations). Each test also checks the case that must still be read the old
way."""

from __future__ import annotations

from app.answer.kinds import find_kinds
from tests.qa.made_up import MadeUp

_ALLOWANCE = {"w": ("某区人才政策", "南阳市",
                    "按照本科、硕士、博士学历分别给予每月1000元、2000元、5000元的生活津贴。")}


def test_a_place_taken_back_yields_to_the_one_named_after() -> None:
    made = MadeUp.of(_ALLOWANCE)
    for question in ("南阳本科生每月生活津贴多少？哦不是，我问的是平南县，本科去平南每月有津贴吗",
                     "南阳本科每月补多少我知道了，不是南阳，是广西平南县，平南补多少",
                     "What's the monthly living allowance for bachelors in Nanyang... sorry I "
                     "meant Pingnan county, how much is it there?"):
        d = made.decide(question)
        assert d.refused, (question, [c.sentence.text for c in d.chosen])
    # taken back the other way round, the place with documents is asked
    d = made.decide("平南本科生每月生活津贴多少？哦不是，我问的是南阳，本科去南阳每月有津贴吗")
    assert not d.refused and "1000元" in d.chosen[0].sentence.text, d.reason
    # what is taken back names no other place: the place named stays asked
    d = made.decide("南阳本科生每月有多少生活津贴？不对，问错了，硕士每月有多少？")
    assert not d.refused and "2000元" in d.chosen[0].sentence.text, d.reason


def test_a_guess_taken_back_is_no_requirement() -> None:
    made = MadeUp.of({"c": ("某市人才工作要点", "南阳市",
                            "推动技工院校与企业共建智能制造产业学院、轨道交通技能学院。")})
    d = made.decide("南阳技工院校跟企业共建的是“人工智能学院”吗？不对，文件里写的是共建哪两个学院")
    assert not d.refused and "智能制造" in d.chosen[0].sentence.text, d.reason
    d = made.decide("南阳技工院校跟企业共建“人工智能学院”了吗？")
    assert d.refused, [c.sentence.text for c in d.chosen]


def test_a_count_the_question_states_lists_nothing() -> None:
    made = MadeUp.of({"e": ("某区人才综述", "南阳市",
                            "开展“访企拓岗、座谈集岗”活动，目前已收录179家企业1970个重点岗位。")})
    d = made.decide("南阳那179家企业都有哪些？把名单列一下")
    assert d.refused, [c.sentence.text for c in d.chosen]
    made = MadeUp.of({"e": ("某区人才综述", "南阳市",
                            "目前已收录179家企业，包括南阳机械厂、南阳纺织厂等重点企业。")})
    d = made.decide("南阳那179家企业都有哪些？把名单列一下")
    assert not d.refused and "机械厂" in d.chosen[0].sentence.text, d.reason


def test_a_change_over_time_is_asked_outright() -> None:
    made = MadeUp.of({"l": ("某区人才综述", "南阳市", "截至目前，南阳拥有国家级高层次人才144人。")})
    d = made.decide("南阳国家级高层次人才144人，比前一年多了多少人？")
    assert d.refused, [c.sentence.text for c in d.chosen]
    made = MadeUp.of({"l": ("某区人才综述", "南阳市",
                            "南阳国家级高层次人才比上年增加12人，达到144人。")})
    d = made.decide("南阳国家级高层次人才144人，比前一年多了多少人？")
    assert not d.refused and "12人" in d.chosen[0].sentence.text, d.reason


def test_how_much_something_grew_asks_no_sum() -> None:
    question = "How much did the number of high-skilled workers in Nanyang grow by the end of 2024?"
    assert find_kinds(question) == ("count",)
    assert find_kinds("How much is the living allowance in Nanyang?") == ("amount",)
    made = MadeUp.of({"g": ("某市技能人才报道", "南阳市",
                            "到2024年底，南阳高技能人才达到17.52万人，增长18.03%。"
                            "对新建的技能大师工作室每个补助10万元。")})
    d = made.decide(question)
    assert not d.refused and "18.03%" in d.chosen[0].sentence.text, d.reason


def test_people_named_before_the_count_are_counted() -> None:
    made = MadeUp.of({"p": ("人才研究", "南阳市",
                            "院士和国家级人才是人才队伍的塔尖。南阳统筹政府和市场两种资源，用好国内"
                            "和国际两个市场，加大人才的引进培育力度。")})
    d = made.decide("南阳这几年一共引进了多少人才？院士、国家级人才分别几个")
    assert d.refused, [c.sentence.text for c in d.chosen]
    made = MadeUp.of({"p": ("某区人才综述", "南阳市",
                            "南阳拥有两院院士16人，国家级高层次人才144人。")})
    d = made.decide("南阳院士、国家级人才分别几个")
    assert not d.refused and "16人" in d.chosen[0].sentence.text, d.reason
