"""A news report's dateline lead restates its headline; the sentence with the rule wins."""

from __future__ import annotations

import pytest

from app.answer.config import AnswerConfig
from tests.qa.made_up import MadeUp

LEAD = "天山网讯（记者李明报道）疫情防护救治，医护人员感染新冠肺炎算工伤。"
RULE = ("《通知》称，在预防和救治工作中，医疗及相关工作人员因履行工作职责感染新冠肺炎的，"
        "应认定为工伤，依法享受工伤保险待遇。")
CORPUS = MadeUp.of({"d": ("新疆：医护人员感染新冠肺炎算工伤", "新疆维吾尔自治区", LEAD + RULE)})
QUESTION = "新疆医护人员感染新冠肺炎，什么情况算工伤？"


def test_the_lead_loses_exactly_the_dateline_penalty() -> None:
    with_rule = CORPUS.scores(QUESTION, AnswerConfig())
    without = CORPUS.scores(QUESTION, AnswerConfig(dateline_penalty=0))
    assert without[LEAD] - with_rule[LEAD] == pytest.approx(AnswerConfig().dateline_penalty)
    assert with_rule[RULE] == pytest.approx(without[RULE])


def test_the_sentence_with_the_rule_answers() -> None:
    decision = CORPUS.decide(QUESTION, AnswerConfig())
    assert not decision.refused
    assert decision.chosen[0].sentence.text == RULE
