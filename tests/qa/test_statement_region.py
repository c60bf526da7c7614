"""The region a sentence states a rule for: a place named only as the model followed
(对标苏州, 借鉴武汉, 参照北京) is not the body that acts, so the sentence keeps its
document's region; a place named as the actor still takes it."""

from __future__ import annotations

import pytest

from app.answer.config import AnswerConfig
from lexicon import NATIONAL
from tests.qa.made_up import MadeUp

QUESTION = "崂山区打造了多少个人才家园？"


@pytest.mark.parametrize("lead", ["对标苏州、深圳等先进地区，", "借鉴苏州经验，", "参照苏州做法，"])
def test_a_model_followed_is_not_the_region_that_acts(lead: str) -> None:
    body = f"{lead}在人才工作生活聚集区域打造了20个人才家园。"
    made = MadeUp.of({"ls": ("崂山区人才工作综述", "崂山区", body)})
    _, cands = made.candidates(QUESTION)
    holder = next(c for c in cands if "20个" in c.sentence.text)
    assert holder.region == "崂山区" and holder.relation == "same"
    d = made.decide(QUESTION)
    assert d.outcome == "answer" and "20个" in d.chosen[0].sentence.text


def test_a_place_that_acts_is_the_sentences_region() -> None:
    body = "苏州在人才工作生活聚集区域打造了20个人才家园。"
    _, cands = MadeUp.of({"ls": ("崂山区人才工作综述", "崂山区", body)}).candidates(QUESTION)
    holder = next(c for c in cands if "20个" in c.sentence.text)
    assert holder.region == "苏州市" and holder.relation == "other"


@pytest.mark.parametrize("body", [
    "国家发改委及时协调山东等蔬菜主产地加强供需衔接，加大对武汉市场的新鲜蔬菜供应力度。",
    "国家发改委组织山东等蔬菜主产地加强调运，加大对武汉市场的新鲜蔬菜供应力度。",
])
def test_a_place_coordinated_or_given_as_an_example_is_not_the_actor(body: str) -> None:
    question = "国家发改委怎样缓解武汉的蔬菜供应紧张？"
    made = MadeUp.of({"nd": ("国家发改委保障生活物资供应", NATIONAL, body)})
    _, cands = made.candidates(question)
    holder = next(c for c in cands if "蔬菜主产地" in c.sentence.text)
    assert holder.region != "山东省" and holder.relation != "other"
    d = made.decide(question)
    assert d.outcome == "answer" and "蔬菜主产地" in d.chosen[0].sentence.text


def test_an_unlisted_place_asked_holds_where_the_text_names_it() -> None:
    question = "星河新区的集中隔离点提供哪些服务？"
    body = ("星河新区为集中隔离点配备了医务、安保、志愿者等工作人员，提供测体温、送餐等服务。\n\n"
            "各区集中隔离点由区政府统一安排。")
    made = MadeUp.of({"sh": ("上海市复工复产情况", "上海市", body)})
    _, cands = made.candidates(question)
    named = next(c for c in cands if "送餐" in c.sentence.text)
    other = next(c for c in cands if "统一安排" in c.sentence.text)
    assert (named.region, named.relation) == ("星河新区", "same")
    assert other.relation == "other"
    d = made.decide(question)
    assert d.outcome == "answer" and "送餐" in d.chosen[0].sentence.text


def test_a_speaker_whose_name_is_a_place_is_not_the_region() -> None:
    body = "“让青年人才下楼能创业。”万宁表示。崂山区已打造了20个人才家园。"
    _, cands = MadeUp.of({"ls": ("崂山区人才工作综述", "崂山区", body)}).candidates(QUESTION)
    speaker = next(c for c in cands if c.sentence.text.startswith("万宁"))
    assert speaker.region == "崂山区"


def test_the_narrowest_rule_that_holds_answers_first() -> None:
    # the national notice is retrieved first; the city's own figure still leads
    made = MadeUp.of({
        "nat": ("关于延长申报纳税期限的通知", NATIONAL, "全国申报纳税期限延长至2月24日。"),
        "hb": ("湖北省关于延长申报纳税期限的通知", "湖北省", "湖北省申报纳税期限延长至3月6日。"),
        "other": ("人才公寓管理办法", "青岛市", "人才公寓租金按市场价格的一半收取。"),
    })
    question = "湖北省申报纳税期限延长到哪天？"
    assert "3月6日" in made.decide(question).chosen[0].sentence.text
    level = AnswerConfig(broader_penalty=0.0)
    assert "2月24日" in made.decide(question, level).chosen[0].sentence.text
