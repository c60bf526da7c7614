"""General faults the forty-first and forty-second unseen question sets showed (time and
validity; returnees and Hong Kong, Macao and Taiwan wording). Each test also checks the
case that must still be read the old way."""

from __future__ import annotations

from app.answer.asked import asks_people
from app.answer.scoring import holds_kind
from app.answer.sentences import Sentence, speaker_words, split_sentences
from lexicon.places import gazetteer
from tests.qa.made_up import MadeUp

_REVIEW = {"r": ("某区2023年人才工作综述", "南阳市",
                 "数据显示，2023年前三季度，全区生产总值增长7.0%，固定资产投资增长13.6%。"
                 "全区人才总量突破23万人，占常住人口的46%。")}


def test_a_people_noun_before_a_total_word_asks_a_number_of_people() -> None:
    assert asks_people("南阳2023年人才总量多少", ("count",))
    assert not asks_people("南阳2023年生产总值增长多少", ("count",))
    d = MadeUp.of(_REVIEW, {"r": "2024-01-10"}).decide("南阳2023年人才总量多少")
    assert not d.refused, d.reason
    assert "23万人" in d.chosen[0].sentence.text  # not the growth rates of the year


def test_another_years_count_of_the_asked_place_is_no_cue_for_another_place() -> None:
    texts = {**_REVIEW, "n": ("全国技能人才工作", None, "目前我国技能人才总量超过2亿人。")}
    d = MadeUp.of(texts, {"r": "2024-01-10"}).decide("南阳 2021年 人才总量")
    assert d.outcome == "refuse", (d.outcome, d.reason)
    assert "another time" in d.reason


def test_a_papers_section_number_counts_nothing() -> None:
    assert not holds_kind("[12] 4 人才赋能新质生产力发展的实践进路", "count")
    assert not holds_kind("2.1 人才机理研究", "count")
    assert holds_kind("5 家企业获批", "count") and holds_kind("15 人参加", "count")


def test_a_dotted_section_number_opens_a_heading_line() -> None:
    text = ("导致人才匮乏，新疆等地被视为冷点区域。\n3.4人才流动流失加速，发展格局难优化\n"
            "新的发展阶段，各国争夺人才。")
    assert [s.text for s in split_sentences(text)][1] == "3.4人才流动流失加速，发展格局难优化"
    heading = "3.4人才流动流失加速，发展格局难优化"
    assert Sentence(0, len(heading), heading).is_heading
    figure = "3.5万人参加培训"
    assert not Sentence(0, len(figure), figure).is_heading


def test_a_quotations_speaker_is_the_context_of_its_words() -> None:
    text = ("“在公司初创期，区里给我们投入500万元的引导资金和480万元的贴息贷款。"
            "其后，公司持续成长，2023年融资近亿元。”日前，南阳精工仪器有限公司董事长深有感触地说。")
    assert "南阳精工仪器" in speaker_words(text, 0, 36)
    assert speaker_words("构建“四位一体”人才住房分配机制，分配人才住房500套。", 0, 27) == ""
    d = MadeUp.of({"q": ("某区人才工作综述", "南阳市", text)}).decide(
        "南阳精工仪器刚起步那会儿，区里给了多少引导资金")
    assert not d.refused, d.reason
    assert "500万元" in d.chosen[0].sentence.text


def test_an_everyday_word_city_after_an_asking_phrase_is_that_city() -> None:
    assert [m.text for m in gazetteer().find("请问和田的人才公寓免费住几天")] == ["和田"]
    assert [m.text for m in gazetteer().find("咨询一下黄山的人才补贴")] == ["黄山"]
    assert not gazetteer().find("请问和田玉怎么鉴定好坏")  # a jade, not the prefecture



def test_a_word_folded_into_its_synonym_is_still_found_as_written() -> None:
    # 人才住房 folds into 人才公寓; a question that reads 住房 alone must still find it
    plan = MadeUp.of({"h": ("某区人才工作综述", "南阳市",
                            "构建产权型、租赁型、配额制“三位一体”人才住房分配机制。"
                            "全区生活补贴每月发放一次。")})
    d = plan.decide("南阳给人才分房子有哪几种方式")
    assert not d.refused, d.reason
    assert "产权型" in d.chosen[0].sentence.text
