"""General faults the hundred-and-ninth to hundred-and-twelfth unseen question sets showed
(askers who say where they are, who address the assistant as the office, who say which
group they belong to, who say how to answer). Each test also checks the case that must
still be read the old way."""

from __future__ import annotations

from app.answer.plan import read_question
from app.answer.question import analyze
from tests.qa.made_up import MadeUp

_SKILLS = {"n": ("技能人才队伍建设", None,
                 "人力资源和社会保障部发布的最新数据显示，目前我国技能人才总量超过2亿人。"),
           "a": ("某区人才政策", "南阳市",
                 "对来南阳工作的高校毕业生，按照本科、硕士学历分别给予每月1000元、2000元的生活津贴。")}


def test_where_the_asker_is_is_not_asked_of_a_question_about_the_country() -> None:
    made = MadeUp.of(_SKILLS)
    d = made.decide("我在东莞厂里做钳工，人社部最新数据说我国技能人才总量有多少？")
    assert not d.refused and "2亿人" in d.chosen[0].sentence.text, d.reason
    from app.answer.story import whereabouts

    assert whereabouts("我在东莞厂里做钳工，我国技能人才总量有多少？", ["东莞"]) == ("东莞",)
    d = made.decide("I'm a technician in Tianjin. How many skilled workers does China have now?")
    assert not d.refused and "2亿人" in d.chosen[0].sentence.text, d.reason
    # where they are is still the place asked when the question asks of no wider scope
    d = made.decide("我在东莞上班，硕士每月生活津贴多少？")
    assert d.refused, [c.sentence.text for c in d.chosen]
    # and where they mean to go is never their whereabouts
    assert whereabouts("我想在东莞工作，全国硕士补贴多少？", ["东莞"]) == ()


def test_an_english_question_asks_of_the_place_its_question_names() -> None:
    made = MadeUp.of({"r": ("技能人才报道", None,
                            "截至2024年末，南阳市高技能人才总量突破17.52万人，同比增长18.03%。")})
    d = made.decide("I'm studying in Hefei. By the end of 2024, by what percentage had "
                    "Nanyang's high-skilled talent total grown year on year?")
    assert not d.refused and "18.03%" in d.chosen[0].sentence.text, d.reason
    made = MadeUp.of(_SKILLS)
    d = made.decide("I work in Hefei. How much is the monthly living allowance for a master's "
                    "graduate?")
    assert d.refused, [c.sentence.text for c in d.chosen]


def test_the_office_addressed_as_you_is_no_place_nor_topic() -> None:
    assert analyze("你们高新区人才公寓现在投入使用多少套了？").places == ()
    assert analyze("在你们园区实训完能直接留企业吗？").places == ()
    assert analyze("那边驻区的高校都有哪些？").places == ()
    assert analyze("我想去临江新区工作，补贴多少？").places == ("临江新区",)
    made = MadeUp.of({"p": ("某区人才综述", "南阳市",
                            "马克思把劳动分为复杂劳动和简单劳动。")})
    d = made.decide("你们党校文章里讲马克思把劳动分成了哪几类？")
    assert not d.refused and "复杂劳动" in d.chosen[0].sentence.text, d.reason
    d = made.decide("南阳党校文章里讲马克思把劳动分成了哪几类？")
    assert d.refused, [c.sentence.text for c in d.chosen]


def test_a_group_the_asker_only_says_they_belong_to() -> None:
    made = MadeUp.of({"e": ("某区技能人才工作", "南阳市",
                            "（二）深化技能人才评价改革。\n"
                            "拓宽职业技能等级认定覆盖面，全年新增评价人数2.6万人次。"),
                      **_SKILLS})
    d = made.decide("农民工，想在南阳参加职业技能等级认定，今年计划新增评价多少人次？")
    assert not d.refused and "2.6万人次" in d.chosen[0].sentence.text, d.reason
    d = made.decide("我是退役军人，读完了硕士，硕士在南阳每月能拿多少生活津贴？")
    assert not d.refused and "2000元" in d.chosen[0].sentence.text, d.reason
    # the answer says the rules are not theirs in particular
    from app.answer.eligibility import groups_not_named

    q = analyze("我是退役军人，读完了硕士，硕士在南阳每月能拿多少生活津贴？")
    assert groups_not_named(q, "按照本科、硕士学历分别给予每月1000元、2000元的生活津贴") == (
        "退役军人",)
    # a benefit asked of the group itself is still theirs to be named
    d = made.decide("南阳给农民工的生活津贴每月多少？")
    assert d.refused, [c.sentence.text for c in d.chosen]


def test_the_plan_to_go_somewhere_names_the_place_but_no_topic() -> None:
    made = MadeUp.of({"r": ("某区人才综述", "南阳市",
                            "南阳系统制定“汇智南阳”人才政策实施细则23项。")})
    d = made.decide("海归回国想去南阳发展，“汇智南阳”人才政策实施细则一共有多少项？")
    assert not d.refused and "23项" in d.chosen[0].sentence.text, d.reason
    from app.answer.self_told import plans_move

    assert plans_move("海归回国想去南阳发展") and not plans_move("想申请人才公寓")


def test_a_romanised_name_beside_its_chinese_is_that_name() -> None:
    made = MadeUp.of(_SKILLS)
    q = read_question("What is the monthly rent at Laoshan's Wushan Xinyuan (午山馨苑) apartments?",
                      (), made.view)
    assert "巫山" not in q.places and "崂山" in q.places
    from app.answer.english import without_romanised

    assert without_romanised("rent at Wushan Xinyuan (午山馨苑)?") == "rent at (午山馨苑)?"
