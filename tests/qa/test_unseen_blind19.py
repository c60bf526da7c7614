"""General faults the nineteenth unseen question set (and older ones, read again) showed,
each on a made-up notice: a sentence the asker closed with a full stop was read as asking
when it held 几 (「改进过几道工序」: 「a few」), so the story's words were what is asked;
「这几年」 (these few years) asked for a span of time; a verb with its measure word (评个)
and a fragment no dictionary holds (最多值) were read as things the documents lack; 奖补
(rewards and subsidies) was read as one kind of benefit, not as any; a programme pointed
at with 那个 was either lost or read with the words before the demonstrative; and a
directional complement ending what is asked (多少青年人才过来) was weighed as a topic."""

from __future__ import annotations

from app.answer.clauses import asides
from app.answer.presence import present
from app.answer.programmes import find_programmes
from app.answer.question import find_kinds
from app.answer.scoring import normalise
from app.answer.story import told_before
from lexicon import fold_synonyms
from tests.qa.made_up import MadeUp

STORY = ("我在一家电缆企业当了二十多年工人，没写过论文，但改进过几道工序给厂里省了不少钱。"
         "像我这样的一线工人，有没有机会被认定为人才？能评个什么称号？")


def _made(body: str) -> MadeUp:
    return MadeUp.of({"d": ("人才工作方案", "某市", body)})


def test_a_sentence_closed_by_a_full_stop_states_when_another_asks() -> None:
    # 几 in 「改进过几道工序」 is "a few": the sentence is the asker's story
    assert "但改进过几道工序给厂里省了不少钱" in told_before(STORY)
    assert "但改进过几道工序给厂里省了不少钱" in asides(STORY)
    # with no question mark anywhere, a full stop says nothing about asking
    assert told_before("我改进过几道工序。能评几级") == ()


def test_the_storys_never_used_words_and_a_measured_verb_do_not_refuse() -> None:
    made = MadeUp.of({
        "d": ("人才工作方案", "某市", "一线工人在绝缘线芯制造方面有独特经验，学历不高、没论文"
              "也能获评“某区工匠”，享受人才服务。一线工人有技术绝活就是人才，有机会被认定为"
              "人才并评为工匠。"),
        # the story's other words are the documents' words too (一家, 企业), but none
        # writes 厂里
        "e": ("企业用工调查", "某市", "一家电缆企业的工人说，改进工序能省钱，没写过论文。")})
    d = made.decide(STORY)
    assert not d.refused, d.reason
    assert "工匠" in d.chosen[0].sentence.text


def test_these_few_years_ask_no_span_of_time() -> None:
    assert "duration" not in find_kinds("这几年给人才发的政策资金一共兑现了多少钱")
    assert "duration" in find_kinds("这个补贴能领几年")


def test_a_fragment_no_dictionary_holds_is_not_a_missing_thing() -> None:
    made = MadeUp.of({
        "d": ("人才工作方案", "某市", "青年人才到高新区可享受最高15万元的住房补贴，以及最高"
              "10万元的购房券。"),
        "e": ("购房指引", "某市", "购房券发给年轻人，买房时抵用。")})
    d = made.decide("高新区发给年轻人买房抵钱用的那种券，最多值多少？")
    assert not d.refused, d.reason
    assert "10万元" in d.chosen[0].sentence.text


def test_rewards_and_subsidies_are_any_benefit() -> None:
    made = _made("系统制定人才政策实施细则23项，累计兑现人才政策资金超过8294万元。"
                 "对引进的博士给予奖励。")
    d = made.decide("给人才发的政策奖补，一共兑现了多少钱")
    assert not d.refused, d.reason
    assert "8294万元" in d.chosen[0].sentence.text


def test_a_programme_pointed_at_is_named_by_what_follows_the_demonstrative() -> None:
    assert find_programmes("北汽新能源那个青领计划是几年的") == ("青领计划",)
    # 「那个…的计划」 describes a plan, and 「那个人才…计划」 names none
    assert find_programmes("北汽新能源那个培养技工的计划，三年跟多少学校合作") == ()
    assert find_programmes("青岛吸引年轻人来青的那个人才聚集行动计划，周期是几年") == ()


def test_a_direction_after_what_is_asked_names_nothing() -> None:
    # 过来 ends what is asked (多少青年人才过来) but tells only a direction: weighed as a
    # word no sentence holds, it left the answer too small a share of the question
    made = MadeUp.of({
        "d": ("人才工作方案", "某市", "全年引聚青年人才达到15万人以上，新增高技能人才2万人以上。"),
        "e": ("人才环境综述", "某市", "为了吸引并留住青年人才，持续优化人才发展环境。今年打算"
              "举办招聘活动。")})
    d = made.decide("今年打算吸引多少青年人才过来？")
    assert not d.refused, d.reason
    assert "15万人" in d.chosen[0].sentence.text


def test_talent_housing_in_everyday_words() -> None:
    # 人才房 is what people call the notices' 人才住房 / 人才公寓
    assert "人才公寓" in fold_synonyms("青岛高新区申请租人才房，多久能批下来")
    # and a sentence that writes 人才房 holds the benefit a question names as 人才公寓
    assert present("人才公寓", normalise("青岛高新区申请租人才房"))
