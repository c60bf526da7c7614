"""A question that asks for several things (哪些, 包括) favours a sentence that lists them."""

from __future__ import annotations

import pytest

from app.answer.config import AnswerConfig
from tests.qa.made_up import MadeUp

TITLE = "商务部发布文化贸易公共信息服务平台"
BODY = ("文化贸易公共信息服务平台的栏目建设进展顺利。"
        "平台设有政策法规、国别指南、展会信息、热点关注等栏目。")
CORPUS = MadeUp.of({"d": (TITLE, "全国", BODY)})


@pytest.mark.parametrize("question", ["文化贸易公共信息服务平台有哪些栏目？",
                                      "文化贸易公共信息服务平台包括什么栏目？"])
def test_a_listing_sentence_gains_the_list_weight(question: str) -> None:
    with_list = CORPUS.scores(question, AnswerConfig())
    without = CORPUS.scores(question, AnswerConfig(list_weight=0.0))
    listing, plain = BODY.split("。")[1] + "。", BODY.split("。")[0] + "。"
    assert with_list[listing] - without[listing] == pytest.approx(AnswerConfig().list_weight)
    assert with_list[plain] == pytest.approx(without[plain])  # no 、: nothing listed
    assert with_list[TITLE] == pytest.approx(without[TITLE])


def test_a_question_for_one_thing_gains_nothing() -> None:
    question = "文化贸易公共信息服务平台由谁发布？"
    assert CORPUS.scores(question, AnswerConfig()) == CORPUS.scores(
        question, AnswerConfig(list_weight=0.0))
