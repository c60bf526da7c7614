"""General faults the hundred-and-fifth to hundred-and-eighth unseen question sets showed
(loose or wrong terms, quizzes and multiple choice, by-the-way questions, who questions).
Each test also checks the case that must still be read the old way."""

from __future__ import annotations

from app.answer.choices import lettered, without_lettered
from lexicon import fold_synonyms
from tests.qa.made_up import MadeUp

_LOANS = {"l": ("某区人才综述", "南阳市",
                "青年人才到南阳可享受最高15万元的住房补贴和安家费。"
                "在创业支持方面，南阳配套“人才贷”“高新贷”等金融产品。")}


def test_a_multiple_choice_is_read_by_its_question() -> None:
    question = "选择题：南阳的人才工作体系叫哪个？A.“1+1+N” B.“1+3+X” C.“3+2+1”"
    assert lettered(question) == ("“1+1+N”", "“1+3+X”", "“3+2+1”")
    assert without_lettered(question) == "选择题：南阳的人才工作体系叫哪个？"
    # letters inside words, or out of order, mark no options
    assert lettered("我在A.B两家公司之间选") == ()
    assert lettered("B.海洋学院 A.航空学院") == ()
    made = MadeUp.of({"s": ("某区人才综述", "南阳市",
                            "南阳构建“1+3+X”人才工作体系，制定行动方案。")})
    d = made.decide(without_lettered(question))
    assert not d.refused and "1+3+X" in d.chosen[0].sentence.text, d.reason


def test_a_sum_asked_of_a_named_programme_is_stated_beside_its_name() -> None:
    made = MadeUp.of(_LOANS)
    d = made.decide("青年人才在南阳创业，“人才贷”最多能贷多少钱？")
    assert d.refused, [c.sentence.text for c in d.chosen]
    d = made.decide("南阳青年人才的住房补贴和安家费最多多少钱？")
    assert not d.refused and "15万元" in d.chosen[0].sentence.text, d.reason
    # a name the question only mentions on its way is not what the sum is asked of
    made = MadeUp.of({"c": ("某区人才综述", "南阳市",
                            "工人张刚获评“南阳工匠”。经他改造的引线，每年可为公司节约200余万元。")})
    d = made.decide("南阳那个评上“南阳工匠”的工人张刚，他改的那个东西一年给公司省多少钱？")
    assert not d.refused and "200余万元" in d.chosen[0].sentence.text, d.reason


def test_an_english_story_word_the_documents_never_use_is_no_topic() -> None:
    made = MadeUp.of({"h": ("海南技能人才", "海南省",
                            "海南新建省级高技能人才培训基地，每个基地补助100万-300万元。")})
    d = made.decide("I'm thinking of moving to Hainan for the free trade port. By the way, "
                    "how much funding does each newly built provincial high-skill training base "
                    "there receive?")
    assert not d.refused and "100万-300万元" in d.chosen[0].sentence.text, d.reason


def test_everyday_names_of_late_retirement_and_senior_experts() -> None:
    assert fold_synonyms("晚点退休") == fold_synonyms("延迟退休")
    assert fold_synonyms("资深专家") == fold_synonyms("高级专家")
    assert fold_synonyms("工作框架") == fold_synonyms("工作体系")


def test_a_technical_school_graduate_is_no_tier_a_list_of_degrees_names() -> None:
    made = MadeUp.of({"w": ("某区人才政策", "南阳市",
                            "对来南阳工作的高校毕业生，按照本科、硕士学历分别给予每月1000元、"
                            "2000元的生活津贴。"),
                      "t": ("某区工匠", "南阳市",
                            "学历不高、没论文的他竟能获评“南阳工匠”，享受人才服务。")})
    d = made.decide("我是技校毕业的电工，去南阳工作每月有生活津贴吗？多少钱？")
    assert d.refused, [c.sentence.text for c in d.chosen]
    d = made.decide("南阳给中专、技校毕业生的每月生活津贴是多少？")
    assert d.refused, [c.sentence.text for c in d.chosen]
    # a sentence on low schooling in general still answers one who asks what they can be
    d = made.decide("我就技校毕业，没学历也没发过论文，在南阳能评上什么称号？")
    assert not d.refused and "南阳工匠" in d.chosen[0].sentence.text, d.reason
    d = made.decide("我是本科毕业生，去南阳工作每月生活津贴多少？")
    assert not d.refused and "1000元" in d.chosen[0].sentence.text, d.reason
