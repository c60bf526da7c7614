"""General faults the forty-ninth to fifty-second unseen question sets showed (formal
written inquiries; half-remembered names and figures; askers who are not native speakers;
fragments pasted from the document). Each test also checks the case that must still be
read the old way."""

from __future__ import annotations

from app.answer.asked import asks_outright
from app.answer.compose import compose
from app.answer.english import english_in_chinese
from app.answer.plan import asked_region, read_question
from app.answer.programmes import closest_name, find_programmes
from app.answer.question import analyze, content_segments, find_kinds
from lexicon import gazetteer
from tests.qa.made_up import MadeUp

_BRAND = {"b": ("某区人才工作综述", "南阳市",
                "某区全方位升级人才公寓，打造“金谷青年”人才工作品牌，已建成人才公寓300套。"
                "某区实施“星辰计划”，每年引进博士20名。")}


def test_a_half_remembered_quoted_name_is_read_as_the_documents_own() -> None:
    made = MadeUp.of(_BRAND)
    question = "南阳那个“谷金青年”品牌的人才公寓，建了几套？"
    q = read_question(question, (), made.view)
    assert q.renamed == (("谷金青年", "金谷青年"),)
    d = made.decide(question)
    assert not d.refused, d.reason
    assert "300套" in d.chosen[0].sentence.text
    text, _ = compose(q, d, made.documents, made.view.sentences)
    assert "文件中的名称是“金谷青年”（问题中写作“谷金青年”）" in text.splitlines()[0]
    # a name the documents quote is theirs, and one far from any they quote stays required
    assert read_question("南阳那个“金谷青年”品牌的人才公寓建了几套？", (), made.view).renamed == ()
    assert made.decide("南阳那个“沧海明珠”品牌的人才公寓，建了几套？").refused


def test_a_name_the_asker_is_unsure_of_or_asks_for_is_a_hint() -> None:
    made = MadeUp.of(_BRAND)
    for question in ("南阳人才公寓那个品牌，好像叫“沧海明珠”？建了几套",
                     "南阳人才公寓的“沧海明珠”品牌建了几套，正式叫什么"):
        d = made.decide(question)
        assert not d.refused, (question, d.reason)
        assert "300套" in d.chosen[0].sentence.text


def test_the_closest_name_must_be_one() -> None:
    assert closest_name("星晨计划", ["星辰计划", "金谷青年"], 0.5) == "星辰计划"
    assert closest_name("青年领航", ["青领计划", "正午青年"], 0.5) is None  # two alike
    assert closest_name("人才", ["金谷青年"], 0.5) is None


def test_the_courtesies_of_a_formal_inquiry_name_nothing() -> None:
    said = "".join(content_segments("敬请惠予告知，贵局此项方案的联系单位为何处室？"))
    assert not any(w in said for w in ("惠予", "贵局", "告知", "为何"))
    assert "省份" not in "".join(content_segments("该命题在哪一省份考察调研期间提出？"))
    assert "方案" in said or "联系单位" in said  # what is asked stays


def test_a_verb_planned_within_a_period_names_no_programme() -> None:
    assert find_programmes("北汽在三年产教融合探索期内计划培育多少高技能人才") == ()
    assert find_programmes("北汽那个青领计划培育多少人") == ("青领计划",)


def test_a_name_after_the_preposition_gen_is_no_unknown_place() -> None:
    assert [m.text for m in gazetteer().find("跟驻区高校一起建实训基地的是哪两个园区")] == []
    assert [m.text for m in gazetteer().find("去临江新区上班，补贴多少")] == ["临江新区"]


def test_a_number_asked_by_age_or_by_kinds_is_no_sum() -> None:
    assert find_kinds("住房补贴，请问多少岁以内才算青年人才") == ("age",)
    assert find_kinds("实行年薪制、协议工资制，后面还有哪几种分配方式") == ()
    assert "amount" in find_kinds("住房补贴每月多少")  # a sum still asked
    assert "amount" in find_kinds("工资几万一个月")


def test_a_telephone_number_asked_is_no_day_and_only_a_number_answers() -> None:
    assert find_kinds("人才开发处的联系电话是几号") == ("phone",)
    assert asks_outright("人才开发处的联系电话是几号", ("phone",)) == "phone"
    assert asks_outright("人才开发处有什么联系方式", ("phone",)) is None  # an office answers
    made = MadeUp.of({"n": ("某市人才工作方案", "南阳市",
                            "人才开发处负责人才引进工作。\n南阳市人力资源和社会保障局\n2025年4月7日")})
    assert made.decide("南阳市人社局人才开发处的联系电话是几号？").refused


def test_english_words_read_into_chinese_stay_apart() -> None:
    text, _ = english_in_chinese("maximum amount under Laoshan's (人才贷)", lambda w: False)
    assert "崂山" in text.split()  # a word of its own, found as the place it names


def test_no_stated_place_answers_for_a_year_the_asked_place_reports_otherwise() -> None:
    made = MadeUp.of({"own": ("某区人才工作综述", "南阳市", "2023年，南阳人才总量突破23万人。"),
                      "loose": ("人才发展研究", None,
                                "3.1人才供给与需求错配，产业结构转型升级难实现人才引进的目标之一。")})
    d = made.decide("What was the total number of talents in Nanyang in 2022?")
    assert d.refused and "another time" in d.reason, d.reason
    assert not made.decide("What was the total number of talents in Nanyang in 2023?").refused
    # one that covers the question as well as the place's own answers it (a premise checked)
    made = MadeUp.of({"own": ("某省人才工作会议", "浙江省", "2024年浙江省召开人才工作会议。"),
                      "paper": ("人才发展研究", None,
                                "2023年9月，在黑龙江考察调研期间提出新质生产力。")})
    d = made.decide("新质生产力是不是2023年在浙江考察的时候提出的？")
    assert not d.refused and "黑龙江" in d.chosen[0].sentence.text, d.reason


def test_the_name_of_the_author_asks_for_the_byline() -> None:
    assert "author" in find_kinds("Could you advise the name of the author of the paper?")
    assert "author" not in find_kinds("What is the name of the plan the paper proposes?")


def test_an_area_asked_is_answered_only_by_an_area() -> None:
    assert find_kinds("人才住房一套多少平米？") == ("area",)
    assert find_kinds("How big is each apartment?") == ("area",)
    assert find_kinds("平台有多大规模") == ("count",)
    made = MadeUp.of({"h": ("某区人才住房", "南阳市",
                            "某区推出人才住房300套，审批压缩至当日办结。已建设人才公寓5万平方米。")})
    d = made.decide("南阳的人才住房一套多少平米？")
    assert not d.refused and "平方米" in d.chosen[0].sentence.text, d.reason
    made = MadeUp.of({"h": ("某区人才住房", "南阳市", "某区推出人才住房300套，当日办结。")})
    assert made.decide("南阳的人才住房一套多少平米？").refused


def test_a_county_name_two_counties_share_is_a_place_and_the_covered_one_is_read() -> None:
    assert [m.place.name for m in gazetteer().find("长宁的人才社区请了哪个院士团队")] == ["长宁区"]
    assert gazetteer().find("山阳镇党委书记介绍") == ()  # a town, not 山阳区
    q = analyze("长宁的人才公寓补贴多少？")
    assert asked_region(q, None, {"宜宾市"})[1].name == "长宁县"
    assert asked_region(q, None, {"青岛市"})[1].name == "长宁区"
    made = MadeUp.of({"b": ("某区人才工作综述", "青岛市", "某区聘请院士团队担任片区总设计师。")})
    assert made.decide("长宁的人才社区请了哪个院士团队当总设计师？").outcome != "answer"


def test_a_number_asked_outright_is_not_met_by_another_kind_asked_beside_it() -> None:
    made = MadeUp.of({"n": ("某市人才工作方案", "南阳市",
                            "推进青年人才集聚行动，人才开发处联系单位电话另行公布。"
                            "(责任处室:人才开发处、就业人才中心)")})
    d = made.decide("人才开发处的电话是多少？联系单位到底打给谁啊")
    assert d.refused and "联系电话" in d.reason, d.reason
    assert not made.decide("青年人才集聚行动的责任处室是哪个？").refused


def test_the_period_of_a_sum_is_read_from_what_is_asked() -> None:
    made = MadeUp.of({"h": ("某区人才政策", "南阳市",
                            "青年人才可享受最高15万元的住房补贴和安家费。")})
    d = made.decide("年轻人去南阳，住房补贴最多能拿多少？我现在一个月工资去一半")
    assert not d.refused and "15万元" in d.chosen[0].sentence.text, d.reason
    assert made.decide("年轻人去南阳，住房补贴每个月能拿多少？").refused
