"""General faults the hundred-and-forty-ninth to hundred-and-fifty-second unseen question
sets showed (researchers citing figures, teachers asking for their students, everyday
words, a realistic mix). Each test also checks the case that must still be read the old
way."""

from __future__ import annotations

from app.answer.asked import asks_people
from app.answer.clauses import audiences
from app.answer.english_told import told_terms
from app.answer.kinds import find_kinds
from app.answer.question import analyze
from app.answer.romanised import PinyinNames, romanised_names
from app.answer.story import whereabouts
from lexicon.dictionary import plain_of_erhua
from tests.qa.made_up import MadeUp


def _answers(text: str, question: str) -> str | None:
    """The chosen sentences over a one-document 南阳 corpus, joined; None when refused."""
    d = MadeUp.of({"p": ("某市人才工作综述", "南阳市", text)}).decide(question)
    return None if d.refused else "".join(c.sentence.text for c in d.chosen)


def test_an_erhua_word_is_the_plain_word() -> None:
    assert plain_of_erhua("事儿") == "事"
    assert plain_of_erhua("人才") is None
    body = "形成区委统一领导、组织部门牵头抓总、职能部门齐抓共管的人才工作格局。"
    assert "组织部门牵头" in (_answers(body, "南阳抓人才这事儿是哪个部门牵头？") or "")


def test_the_audience_of_the_askers_task_is_not_who_is_asked_about() -> None:
    question = "给毕业生整理一下南阳的人才政策：累计兑现了多少资金？"
    assert audiences(question) == ("毕业生",)
    assert analyze(question).persons == ()
    body = "系统制定人才政策实施细则23项，累计兑现人才政策资金超过8294万元。"
    assert "8294万元" in (_answers(body, question) or "")
    # graduates asked about in so many words are still whom a sentence must name
    assert analyze("南阳给毕业生累计兑现了多少资金？").persons == ("高校毕业生",)
    assert audiences("给毕业生介绍工作的机构有哪些？") == ()


def test_a_count_of_people_is_not_the_askers_own_benefit() -> None:
    question = "我是硕士毕业生。2023年南阳有多少人通过人才住房安了家？"
    assert asks_people(question, ("count",))
    body = "构建人才住房分配机制。2023年共有5031人实现了安家梦想，住有所居。"
    assert "5031人" in (_answers(body, question) or "")
    # 人 cut as a word of its own counts people; 人民币 and 人才家园 do not
    assert not asks_people("补贴多少人民币", ("count",))
    assert not asks_people("建了几个人才家园", ("count",))


def test_an_english_story_in_the_first_person_anywhere_is_told() -> None:
    told = told_terms("Several of our graduates are considering Laoshan. "
                      "How many people had their housing settled in 2023?")
    assert "毕业生" in told
    assert told_terms("Graduates are considering Laoshan. How many people?") == ()


def test_who_published_the_figures_asks_the_source_not_the_byline() -> None:
    assert find_kinds("“技能人才总量超过2亿人”这个数据是哪个部门发布的？") == ("department",)
    assert find_kinds("这份通知是哪个部门发布的？") == ("author",)
    body = ("记者 李争粉。人力资源和社会保障部发布的最新数据显示，目前我国技能人才总量超过2亿人。"
            "业内人士表示，高技能人才是技术工人队伍的中坚力量。")
    found = _answers(body, "“技能人才总量超过2亿人”这个数据是哪个部门发布的？") or ""
    assert "人力资源和社会保障部" in found and "李争粉" not in found


def test_a_title_before_who_asks_a_name_not_a_department() -> None:
    assert "department" not in find_kinds("提出这个建议的全国政协委员是谁？")
    assert "department" not in find_kinds("张村河片区的总设计师是谁？")
    assert "department" in find_kinds("人才公寓的牵头单位是谁？")
    assert "department" in find_kinds("这个项目归谁管，是谁负责？")


def test_an_event_named_sentences_before_is_still_named() -> None:
    body = ("近日，南阳举办“青春南阳 筑梦高新”春季专场招聘会。此次活动由南阳高新区党群工作部举办。"
            "此次招聘会是“青春南阳、筑梦高新”系列首场招聘活动。招聘会吸引了大量应聘者参加。"
            "招聘会吸引20余家重点企业参与，共提供优质岗位300余个。")
    found = _answers(body, "“青春南阳 筑梦高新”专场招聘会有多少家企业参加？") or ""
    assert "20余家" in found
    # a programme no sentence of the paragraph names is still missing
    assert _answers(body, "“春风行动”专场招聘会有多少家企业参加？") is None


def test_persons_counted_by_their_measure_word_are_people() -> None:
    assert asks_people("讲席教授平台目前聘了多少位？", ("count",))
    body = "搭建讲席教授校企人才共享平台。2023年驻区高校院所共实现技术合同成交额15.8亿元。"
    # a sum of money counts no one hired
    assert _answers(body, "南阳讲席教授平台目前聘了多少位？") is None
    assert not asks_people("保留小数点后几位数字", ("count",))


def test_whether_it_costs_money_asks_an_amount() -> None:
    assert "amount" in find_kinds("用那个招人平台要收钱吗")
    assert "amount" in find_kinds("住人才公寓得花钱不")
    assert "amount" not in find_kinds("招人平台是谁建的")


def test_pinyin_names_are_read_only_when_one_word_has_them() -> None:
    names = PinyinNames(["青领", "致真", "支镇", "人才"])
    # 致真 and 支镇 sound alike: neither is read
    assert romanised_names("Zhizhen Instruments got how much?", names, frozenset()) == ()
    assert romanised_names("the Qingling Plan", names, frozenset({"plan"})) == ("青领",)
    # an English word is no pinyin, nor are two letters
    assert romanised_names("Talent Plan", PinyinNames(["人才"]), frozenset({"talent"})) == ()


def test_the_place_an_asker_comes_from_is_where_they_are() -> None:
    told = (("我是甘肃天水人在兰州读研，文章说冷点区域是哪里？", ("甘肃", "天水", "兰州")),
            ("我是唐山的，文章提的四共机制是哪四共", ("唐山",)),
            ("湖南邵阳人，文章里说中国科技人力资源总量是多少", ("湖南", "邵阳")),
            ("石家庄读研，文章说的冷点区域是哪里", ("石家庄",)))
    for question, places in told:
        assert whereabouts(analyze(question).query, places) == places, question
    # a place that names the topic is no whereabouts
    assert whereabouts("威海的人才公寓，文章说免费住几天", ("威海",)) == ()
    assert whereabouts("威海工作的硕士，文章说补贴多少", ("威海",)) == ()
