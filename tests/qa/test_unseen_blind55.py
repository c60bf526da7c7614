"""General faults the fifty-third and fifty-fifth to fifty-eighth unseen question sets
showed (askers who vent around the question; Cantonese written in either script;
internet slang; how-to questions; what-ifs). Each test also checks the case that must
still be read the old way."""

from __future__ import annotations

from app.answer.asked import asked_measure
from app.answer.chatter import without_chatter
from app.answer.config import AnswerConfig
from app.answer.programmes import asked_names
from app.answer.question import analyze, content_segments, find_places
from app.answer.scoring import holds_kind
from app.answer.story import said_after
from app.answer.terms import words
from app.answer.wordclass import set_phrase
from lexicon import standard_wording
from tests.qa.made_up import MadeUp

_MECHANISM = {"m": ("某市深化产教融合工作情况", "南阳市",
                    "南阳市推进校企合作，形成师资互通、课程融通、平台联通、政策畅通的“四通”机制。"
                    "南阳市每年为区域企业定向培养人才1000多人。")}

_HOUSING = {"a": ("某区人才公寓分配办法", "南阳市",
                  "某区构建产权型、租赁型、配额制“三位一体”人才公寓分配机制。"),
            "h": ("某区人才安居工作综述", "南阳市",
                  "某区已建设人才公寓50万平方米，投入使用300多套。"
                  "某区急需紧缺人才登记平台已收录企业179家。")}


def test_remarks_after_the_question_are_no_topic() -> None:
    assert said_after("“四通”是哪四个通？？每次开会都念，没一个人讲得清楚") == (
        "每次开会都念", "没一个人讲得清楚")
    assert said_after("哪些地方是“冷点”？要是我想去那边发展心里有个数") == (
        "要是我想去那边发展心里有个数",)
    # a second question is asked, and a question of no content of its own names its topic
    # after it
    assert said_after("博士补贴多少？住房怎么申请？") == ()
    assert said_after("多少钱？威海的博士生活补贴") == ()
    made = MadeUp.of(_MECHANISM)
    question = "南阳校企合作里那个“四通”到底是哪四个通？？每次开会都念，没一个人讲得清楚"
    keys, terms = made.view.weights(made.candidates(question)[0], AnswerConfig())
    # a remark weighs less (as a bigram key 讲得 crosses two words and is none at all)
    assert terms["讲得"] < terms["四通"] and "讲得" not in keys
    d = made.decide(question)
    assert not d.refused, d.reason
    assert "师资互通" in d.chosen[0].sentence.text
    # 心里有个数 after the question asks no count
    assert analyze("文章说哪些地方是人才最缺的“冷点”？要是我想去那边发展心里有个数").kinds == ()
    assert analyze("心里有个数，哪些地方缺人才").kinds != ()


def test_an_idiom_is_a_figure_of_speech_not_a_thing_asked() -> None:
    assert set_phrase("天花乱坠") and set_phrase("石沉大海")
    assert not set_phrase("人才公寓") and not set_phrase("生活补贴")
    made = MadeUp.of({"h": _HOUSING["h"]})
    question = "某区人才公寓吹得天花乱坠，真正交付用上的有多少套？？我看八成是盖了没人住"
    content = "".join(made.candidates(question)[0].content)
    assert "天花乱坠" not in content and "人才公寓" in content
    d = made.decide(question)
    assert not d.refused, d.reason
    assert "300多套" in d.chosen[0].sentence.text


def test_a_count_asked_in_a_measure_word_is_met_by_a_number_in_it() -> None:
    assert asked_measure("人才公寓有多少套", ("count",)) == "套"
    assert asked_measure("建了几个人才家园", ("count",)) is None  # 个 says nothing
    assert asked_measure("有多少名博士", ("count",)) is None  # people: asks_people's
    assert asked_measure("人才公寓有多少套", ("amount",)) is None
    made = MadeUp.of(_HOUSING)
    d = made.decide("某区的人才公寓有多少套")
    assert not d.refused, d.reason
    assert "300多套" in d.chosen[0].sentence.text  # not 「三位一体」
    # a measure no sentence gives (Cantonese 間 for a firm) leaves the count as it was
    d = made.decide("某区急需紧缺人才登记收录咗几多间企业？")
    assert not d.refused, d.reason
    assert "179家" in d.chosen[0].sentence.text


def test_cantonese_question_words_read_as_the_written_ones() -> None:
    assert standard_wording("电话号码系几多") == "电话号码是多少"
    assert standard_wording("半价续租可以续几耐") == "半价续租可以续多久"
    assert standard_wording("系唔系要本科") == "是不是要本科"
    assert analyze("青島人社局人才開發處個電話號碼係幾多？").kinds == ("phone",)
    assert "duration" in analyze("威海人才公寓半價續租最多可以續幾耐？").kinds
    assert standard_wording("关系多少") == "关系多少"  # 系 alone is not the copula


def test_forum_phrasing_and_a_spoken_name_word_name_nothing() -> None:
    said = "".join(content_segments(standard_wording("崂山人才住房按哪四种方式分配？求科普~")))
    assert "科普" not in said and "分配" in said
    said = "".join(content_segments(standard_wording("崂山翻新的那个人才公寓叫啥名儿？")))
    assert "名儿" not in said and "人才公寓" in said


def test_the_whole_of_an_unnamed_place_is_no_place() -> None:
    assert find_places("企业自己评技能等级这块，今年全市要新增评价多少人次") == ()
    assert find_places("去临江新区工作有补贴吗") == ("临江新区",)


def test_who_applies_is_who_is_responsible() -> None:
    assert holds_kind("像他这种情况可由公司统一申请入住附近的人才公寓", "department")
    assert not holds_kind("符合条件的人才可申请入住人才公寓", "department")


def test_an_exact_date_asked_in_english() -> None:
    assert analyze("On what exact date was the job fair held?").kinds == ("day",)
    assert analyze("What date is the deadline?").kinds == ("day",)


def test_a_line_of_work_is_no_thing_asked() -> None:
    assert "一行" not in words("我国现在干技能这一行的人")
    assert "技能" in words("我国现在干技能这一行的人")


_MODELS = {"c": ("某区人才工作综述", "南阳市",
                 "对标苏州、深圳等先进地区，在人才聚集区域打造了20个人才家园。")}


def test_a_place_taken_as_a_model_is_not_the_asked_place() -> None:
    assert find_places("说要学苏州深圳，建了几个人才家园") == ()
    assert find_places("对标上海、杭州，崂山有什么举措") == ("崂山",)
    assert find_places("在苏州学习有补贴吗") == ("苏州",)  # 学 after the place: studying there
    made = MadeUp.of(_MODELS)
    d = made.decide("说要学苏州深圳，在人才扎堆的地方建了几个人才家园？？")
    assert not d.refused and d.outcome == "answer", d.reason
    assert "20个人才家园" in d.chosen[0].sentence.text
    # named as where the answer must hold, 苏州 is still another region
    assert made.decide("苏州在人才扎堆的地方建了几个人才家园？").refused


def test_an_honour_asked_is_met_by_one_awarded() -> None:
    assert analyze("在崂山能评上什么称号？").kinds == ("honour",)
    assert analyze("没什么头衔的人才能申请吗").kinds == ()  # the asker's lack of one
    assert "honour" not in analyze("挖来的人才没有什么人才头衔，能发绿卡吗").kinds
    assert holds_kind("他竟能获评“崂山工匠”", "honour")
    assert not holds_kind("打破学历、论文等条框限制", "honour")


def test_chat_and_form_debris_is_taken_off_the_question() -> None:
    assert without_chatter("11:02 表妹问：哪几所高校？ ——来自考研群") == "哪几所高校？"
    assert without_chatter("@小李 硕士每月补多少？[图片]") == "硕士每月补多少？"
    assert without_chatter("身份：应届硕士；地区：青岛高新区；问：安家费最高能拿多少") == (
        "应届硕士，青岛高新区，安家费最高能拿多少")
    # a single label is how people write a topic, and a place or a degree is no label
    assert without_chatter("补贴标准：硕士每月多少") == "补贴标准：硕士每月多少"
    assert without_chatter("威海高新区：硕士每月多少") == "威海高新区：硕士每月多少"
    assert "考研" not in analyze("11:02 表妹问：威海哪几所高校？ ——来自考研群").query
    assert analyze("【求职意向】崂山 【身份】应届硕士 【想问】人才公寓能住多久").places == ("崂山",)


def test_a_claim_quoted_after_hearsay_is_no_name_to_find() -> None:
    assert asked_names("群里有人说“高技能人才已经占技能人才一半了”，实际占多少？") == ()
    assert asked_names("有人说“四通”是哪四个通？") == ("四通",)  # short: a name
    assert asked_names("文章说的“五专”是哪五个") == ("五专",)
    made = MadeUp.of(_MECHANISM)
    d = made.decide("群里有人说“南阳校企合作一年送不了几个人”，实际每年定向培养多少人？")
    assert not d.refused, d.reason
    assert "1000多人" in d.chosen[0].sentence.text


def test_a_place_named_in_english_keeps_its_suffix_where_its_short_name_is_a_word() -> None:
    # 宁海 is also an everyday word and counts as a place only as 宁海县
    assert analyze("How much is the settling-in subsidy for PhDs who move to Ninghai?").places == (
        "宁海县",)
    assert analyze("What subsidy does Weihai give to a PhD?").places == ("威海",)
