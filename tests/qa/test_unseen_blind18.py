"""General faults the eighteenth unseen question set showed, each on a made-up notice:
the asker's own story, told in whole sentences before the question (「我在车企做工程师，
单位要求修满学时，最近总抢不到课。今年…多少人次？」), weighed as much as what is asked,
so no sentence covered enough of the question; a recollection after the asking clause
(「以前好像得等一个礼拜」) was read as a topic; a question mark in mid-question did not
mark the clause that asks when it holds no asking word (多久 names a kind); 工程类
(a kind of title) was read as the name of a programme; and two everyday phrasings
(不用考试 for 免试, 年轻人才 for 青年人才)."""

from __future__ import annotations

from dataclasses import replace

from app.answer.clauses import asides
from app.answer.config import AnswerConfig
from app.answer.programmes import find_programmes
from app.answer.story import aside_only, told_before
from lexicon import fold_synonyms
from tests.qa.made_up import MadeUp

STORY = ("我在一家新能源车企做工程师，单位要求每年修满继续教育学时，最近总抢不到课。"
         "今年市里给专技人员安排的进修课程，总共打算办多少人次？")


def _made(body: str) -> MadeUp:
    return MadeUp.of({"d": ("人才工作方案", "某市", body)})


def test_a_story_told_before_the_question_counts_less_than_what_is_asked() -> None:
    made = MadeUp.of({
        "d": ("人才工作方案", "某市", "深入实施专技人才知识更新工程，全年开展专技人员进修培训"
              "30万人次。支持企业建设技能大师工作室，开发网络课程。"),
        # the story's words are the documents' words too (in more than one), so they are
        # neither dropped as never used nor read as naming one document
        "e": ("车企用工调查", "某市", "一家新能源车企的工程师说，单位要求每年修满继续教育学时，"
              "最近总抢不到课。"),
        "f": ("继续教育见闻", "某市", "在新能源车企做工程师的人多，修满学时要抢课，总抢不到课。")})
    d = made.decide(STORY)
    assert not d.refused and "30万人次" in d.chosen[0].sentence.text
    # weighed as much as what is asked, the story leaves the answer too small a share
    assert made.decide(STORY, replace(AnswerConfig(), aside_weight=1.0)).refused


def test_only_whole_sentences_before_the_asking_one_are_the_story() -> None:
    assert told_before(STORY) == ("我在一家新能源车企做工程师", "单位要求每年修满继续教育学时",
                                  "最近总抢不到课")
    # a clause joined by a comma to what is asked may be its topic
    assert told_before("我妹在厂里实习，表现好的话能不能直接留下？") == ()
    (weights,) = aside_only(STORY, 0.3, {"车企": 1.0, "人次": 1.0})
    assert weights == {"车企": 0.3, "人次": 1.0}


def test_a_recollection_after_the_question_is_an_aside() -> None:
    query = "申请租赁型的人才房，现在多久能批下来？以前好像得等一个礼拜"
    assert asides(query) == ("以前好像得等一个礼拜",)
    made = _made("实现租赁型人才住房即申即享，将原有7个工作日的审批流程压缩至当日办结。")
    d = made.decide(query)
    assert not d.refused and "当日办结" in d.chosen[0].sentence.text


def test_a_kind_of_title_is_no_programme() -> None:
    assert find_programmes("公司想自己在内部评工程类职称，能评哪些级别？") == ()
    assert find_programmes("某市的青年人才集聚工程有哪些内容") == ("青年人才集聚工程",)


def test_everyday_phrasings_read_as_the_notices_words() -> None:
    assert "免试" in fold_synonyms("毕业时能不用考试直接留下来吗")
    assert "青年人才" in fold_synonyms("全市一年要聚拢多少年轻人才")
