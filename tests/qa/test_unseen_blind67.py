"""General faults the sixty-seventh to seventieth unseen question sets showed (comparisons,
English askers, southwestern Mandarin and Wu, claims checked against their source). Each
test also checks the case that must still be read the old way."""

from __future__ import annotations

from app.answer.choices import options
from app.answer.claims import claims, reported
from app.answer.kinds import asks_comparison, find_kinds
from app.answer.question import analyze, find_places
from lexicon import standard_wording
from tests.qa.made_up import MadeUp

_PLAN = {"p": ("某市引才计划", "南阳市",
               "落实“万名大学生聚集计划”引才政策，按照本科、硕士、博士学历分别给予每月1000元、"
               "2000元、5000元的生活津贴。")}

_SPEAKER = {"s": ("论技能人才", None,
                  "全国政协委员张忠凯表示，高技能人才多元化培养体系不健全。"),
            "o": ("某区人大工作", "南阳市", "某区人大代表视察了人才公寓建设。")}

_FUNDS = {"f": ("某区人才工作综述", "南阳市",
                "某区系统制定人才政策实施细则23项，累计兑现人才政策资金超过8294万元。")}


def test_an_option_the_documents_do_not_take_is_not_required() -> None:
    assert options("是千人计划还是万人的那个计划？") == ("千人计划", "万人的那个计划")
    # «still», not a choice: nothing before it, or 吗 after it, or no question at all
    assert options("现在还是要交钱吗？") == () and options("还是不明白") == ()
    assert options("我还是想问问补贴") == ()
    d = MadeUp.of(_PLAN).decide(
        "南阳按学历发生活津贴的引才政策叫什么，是千人计划还是万人的那个计划？")
    assert not d.refused, d.reason
    assert "万名大学生聚集计划" in d.chosen[0].sentence.text
    # a name asked without a choice is still required
    assert MadeUp.of(_PLAN).decide("南阳的千人计划给博士多少生活津贴？").refused


def test_a_choice_of_spans_asks_a_span() -> None:
    assert find_kinds("每月1000元的生活津贴，能领三年还是五年？") == ("duration",)
    assert find_kinds("for how many years is it paid out?") == ("duration",)
    assert find_kinds("how many people") == ("count",)


def test_comparisons_worded_with_bi_or_an_adjective() -> None:
    assert asks_comparison("免租期是不是比威海长？") and asks_comparison("哪个涨得最快？")
    assert asks_comparison("两个计划项数一样吗") and asks_comparison("Is it higher than in Weihai?")
    assert asks_comparison("有没有像威海那样的人才公寓")
    # not a ratio, an example, a change over time, or a zone's name
    assert not asks_comparison("比例是多少") and not asks_comparison("好比说")
    assert not asks_comparison("申请比以前快了多少") and not asks_comparison("哪个高新区有补贴")


def test_a_claim_being_checked_is_not_all_required() -> None:
    question = "论文里那个张忠凯，有人说他是全国人大代表，他到底是什么身份？"
    assert reported(question) == ("有人说他是全国人大代表",)
    d = MadeUp.of(_SPEAKER).decide(question)
    assert not d.refused, d.reason
    assert "政协委员" in d.chosen[0].sentence.text
    # a bare 真的吗 asks about the claim itself: it stays the topic
    assert reported("听说南阳给外籍人才发签证补贴，真的吗？") == ()
    # a figure a friend's post gives is a claim to check, not a topic
    post = "朋友圈说南阳今年要引进20万青年人才，靠谱吗？出自哪份文件？"
    assert [c.text for c in claims(post)] == ["20万"]


def test_source_words_name_no_topic() -> None:
    d = MadeUp.of(_FUNDS).decide("有篇公众号说某区兑现的人才政策资金有一个亿，原文到底是多少？")
    assert not d.refused, d.reason
    assert "8294万元" in d.chosen[0].sentence.text


def test_a_county_named_in_hearsay_or_with_its_suffix_is_a_place() -> None:
    assert find_places("朋友说奉节也推出了青年人才租房当天审批的政策") == ("奉节",)
    assert find_places("听说酉阳县让40名领导干部联系服务80名专家人才") == ("酉阳",)
    assert find_places("他说明年再说") == ()


def test_southwestern_and_wu_question_words() -> None:
    assert standard_wording("每个号头补贴能提到几钿？") == "每个月补贴能提到多少钱？"
    assert standard_wording("啥辰光开始") == "什么时候开始"
    assert standard_wording("招人额平台收钱不？") == "招人的平台收钱不？"
    assert standard_wording("成交额有多少？") == "成交额有多少？"
    assert standard_wording("青岛今年想引好多年轻人才过去？") == "青岛今年想引多少年轻人才过去？"
    assert standard_wording("好多年都没涨了，现在多少？") == "好多年都没涨了，现在多少？"
    assert analyze("崂山这些年人才政策额钱一共兑了好多出来？").kinds == ("amount",)


def test_a_person_category_is_not_respelled_as_a_corpus_word() -> None:
    d = MadeUp.of(_PLAN).decide("我是外籍人才，在南阳能拿生活津贴吗？")
    assert d.refused, d.chosen


def test_an_unseen_bigram_across_two_words_is_no_key() -> None:
    """「学校老师一起带学生」: 校老, 师一, 起带 cross words and name nothing a sentence could
    hold; an unseen bigram inside one word (人计 of 千人计划 is across 千人 and 计划) does not
    count either, but one inside a single dictionary word (签证) does."""
    from app.answer.scoring import key_bigrams
    keys = key_bigrams(["学校老师一起带学生"], {"学校": 1.0, "老师": 1.0}, 5.0)
    assert set(keys) == {"学校", "老师", "学生", "一起"}
    assert key_bigrams(["签证补贴"], {"补贴": 1.0}, 5.0)["签证"] == 5.0


def test_a_glossary_word_in_a_chinese_question_is_read_in_chinese() -> None:
    from app.answer.english import english_in_chinese
    # the documents' English abstract writes talent too; the glossary's 人才 is what is asked
    text, _ = english_in_chinese("全国现在高技能的talent一共有多少人？", lambda w: w == "talent")
    assert "人才" in text and "talent" not in text
    # an abbreviation the documents write as it is stays
    assert english_in_chinese("做VR方向的创业", lambda w: w == "vr")[0] == "做VR方向的创业"
    assert standard_wording("想喺青島搵intern") == "想在青島找intern"


def test_a_saying_verb_is_no_part_of_an_unknown_place_name() -> None:
    assert find_places("文章说城市可以建哪些人才打卡点") == ()
    assert find_places("有人说桃花县给补贴") == ("桃花县",)
    assert find_places("有人说某某县给补贴") == ()  # a county left unnamed
