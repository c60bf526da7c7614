"""Question analysis: places at any level, degrees, persons, benefits, asked-for kind."""

from __future__ import annotations

import pytest

from app.answer.english import english_query
from app.answer.programmes import find_programmes
from app.answer.question import analyze, find_kinds


def test_master_question_in_any_city() -> None:
    q = analyze("我是硕士，去南阳工作每个月有多少生活补贴？")
    assert q.script == "hans"
    assert q.places == ("南阳",) and q.place_refs[0].name == "南阳市"
    assert q.degrees == ("硕士",)
    assert q.kinds == ("amount",)
    assert q.benefits == ("生活补贴",)


def test_places_at_every_level_and_by_suffix() -> None:
    assert analyze("毕业去绵阳高新区工作补贴多少").places == ("绵阳高新区",)
    assert analyze("崂山区有什么人才政策").place_refs[0].name == "崂山区"
    zone = analyze("我想去星河新区工作").place_refs[0]
    assert zone.level == "zone" and zone.parent is None  # unknown, recognised by suffix


def test_traditional_question_is_matched_in_simplified_form() -> None:
    q = analyze("青島職稱評審歸哪個處室管？")
    assert q.script == "hant"
    assert q.query.startswith("青岛职称评审")
    assert q.places == ("青岛",)
    assert q.kinds == ("department",)


def test_postdoc_is_not_a_phd_and_persons_are_categories() -> None:
    assert analyze("崂山区博士后有什么待遇？").degrees == ("博士后",)
    assert analyze("我是大专学历").degrees == ("专科",)
    assert analyze("应届毕业生有什么补贴").persons == ("高校毕业生",)


@pytest.mark.parametrize(("question", "kind"), [
    ("青岛全年要引聚多少青年人才？", "count"),
    ("房租能减免多久？", "duration"),
    ("方案是哪天发的？", "day"),
    ("什么时间开始实行网上查询？", "date"),
    ("补贴哪一天发放？", "day"),
    ("返乡补贴什么人可以领？", "condition"),
    ("海南每个工作室补助多少钱？", "amount"),
])
def test_kind_of_fact(question: str, kind: str) -> None:
    assert kind in analyze(question).kinds


@pytest.mark.parametrize("question", [
    "对卫生健康主管部门组织进口的防控物资是否征收关税？",
    "各省交通运输主管部门在信息报送方面应如何做？",
    "牵头企业能拿多少补贴？",
])
def test_a_department_the_question_mentions_is_not_one_it_asks_for(question: str) -> None:
    assert "department" not in analyze(question).kinds


@pytest.mark.parametrize("question", ["这个项目的主管部门是哪个？", "牵头单位是谁？"])
def test_asking_for_the_department_in_charge(question: str) -> None:
    assert "department" in analyze(question).kinds


def test_programme_names() -> None:
    assert find_programmes("北汽新能源的青领计划要合作多少所技校") == ("北汽新能源的青领计划",)
    assert "安居无忧" in find_programmes("“安居无忧”计划怎么申请")
    assert find_programmes("有哪些人才计划") == ()
    # a phrase that asks is a question, not a programme's name
    assert find_programmes("指挥部决定在公共场所迅速推广开展哪项行动") == ()
    assert find_programmes("开展了什么专项") == ()
    # a suffix that begins a longer dictionary word ends no name (工程技术, 计划生育)
    assert find_programmes("我们能不能自己给员工评工程技术职称") == ()
    assert find_programmes("计划生育有什么奖励") == ()
    assert find_programmes("泰山人才工程的申报条件") == ("泰山人才工程",)


def test_rent_reduction_is_its_own_benefit_not_talent_housing() -> None:
    from app.answer.eligibility import benefit_in

    assert analyze("承租国有房产的企业有哪些租金减免？").benefits == ("租金减免",)
    assert benefit_in("租金减免", "1个月房租免收、2个月租金减半")
    assert not benefit_in("人才公寓", "1个月房租免收、2个月租金减半")


def test_english_question_maps_to_chinese_terms_and_places() -> None:
    q = analyze("How much is the monthly living allowance for a master's graduate in Chengdu?")
    assert q.script == "en"
    assert english_query("What about PhDs in Qingdao?") == "博士 青岛"
    assert q.places == ("成都",) and q.degrees == ("硕士",) and "amount" in q.kinds
    assert q.benefits == ("生活补贴",)


def test_a_question_that_names_nothing_asks_nothing() -> None:
    assert not analyze("那博士呢？").asks
    assert analyze("威海对博士有什么住房支持？").asks


@pytest.mark.parametrize(("question", "phrasing"), [
    ("青岛今年打算引进多少青年人才？", "打算"),
    ("听说崂山给人才办景区年卡？", "听说"),
    ("科捷智能招软件岗，会不会看重英文？", "会不会"),
    ("青岛今年打算引进多少青年人才？", "今年"),  # a deictic year: notices say 全年, 2025年
    ("去年发的消费券今年还能用吗？", "去年"),
])
def test_intent_and_hearsay_are_phrasing_not_topic(question: str, phrasing: str) -> None:
    assert phrasing not in "".join(analyze(question).content)


@pytest.mark.parametrize(("question", "kind"), [
    ("人才公寓免租期满了我还想接着住，租金咋算", "amount"),  # 咋算 = 怎么算
    ("新质生产力这个说法最早是啥时候提出来的", "date"),  # 啥时候 = 什么时候
    ("补贴多会儿发下来", "date"),
])
def test_spoken_question_words_ask_like_written_ones(question: str, kind: str) -> None:
    q = analyze(question)
    assert kind in q.kinds
    assert not set("啥咋") & set(q.query)


def test_spoken_words_are_phrasing_not_topic() -> None:
    content = "".join(analyze("俺们企业能自己评职称吗，咱能评哪几级").content)
    assert "职称" in content
    for word in ("俺", "咱", "自己"):
        assert word not in content


@pytest.mark.parametrize(("question", "kinds"), [
    ("技能大师工作室申报截止到几号", ("day",)),
    ("延期到哪天？", ("day",)),
    ("What date was the plan issued?", ("day",)),
    ("什么时候开始申报", ("date",)),
    ("招聘会是哪一年办的", ("year",)),  # the year itself, not any time
])
def test_a_question_asking_the_day_asks_day_not_date(question: str, kinds: tuple[str, ...]) -> None:
    assert analyze(question).kinds == kinds


def test_who_handles_it_asks_for_a_department() -> None:
    assert analyze("申请交上去以后是谁来审核").kinds == ("department",)


@pytest.mark.parametrize(("question", "kinds"), [
    ("每月1000的生活补贴，能连续领几年？", ("duration",)),  # 几年 asks a period, not money
    ("人才公寓房租能免几个月", ("duration",)),
    ("生活补贴能领几万", ("amount",)),
])
def test_a_period_asked_after_a_benefit_is_not_an_amount(question: str,
                                                         kinds: tuple[str, ...]) -> None:
    assert analyze(question).kinds == kinds


def test_a_day_or_a_month_after_a_benefit_asks_no_amount() -> None:
    """「补助申报截止到几号」 asks a day: 几 after 补助 counted as an amount before, and the
    grant's figure answered it."""
    assert find_kinds("技能大师工作室的补助申报截止到几号") == ("day",)
    assert find_kinds("补助几月发") == ("date",)
    assert find_kinds("生活补贴几千块") == ("amount",)
