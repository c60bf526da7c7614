"""A news report's dateline lead restates its headline; the sentence with the rule wins."""

from __future__ import annotations

import pytest

from app.answer.config import AnswerConfig
from app.answer.evidence import Candidate, candidates
from app.answer.plan import CorpusView
from app.answer.question import analyze
from app.answer.rules import decide
from index.types import Hit
from ingest.types import Chunk, Document

TITLE = "新疆：医护人员感染新冠肺炎算工伤"
LEAD = "天山网讯（记者李明报道）疫情防护救治，医护人员感染新冠肺炎算工伤。"
RULE = ("《通知》称，在预防和救治工作中，医疗及相关工作人员因履行工作职责感染新冠肺炎的，"
        "应认定为工伤，依法享受工伤保险待遇。")
TEXT = f"{TITLE}\n{LEAD}{RULE}"
DOC = Document("d", "d.txt", TITLE, None, None, None, "新疆维吾尔自治区", TEXT, "")
VIEW = CorpusView({"d": DOC})
HIT = Hit(chunk=Chunk("d-0", "d", "d.txt", TITLE, 0, "", None, 0, len(TEXT), TEXT),
          score=1.0, rank=1)
QUESTION = "新疆医护人员感染新冠肺炎，什么情况算工伤？"


def _candidates(config: AnswerConfig) -> list[Candidate]:
    q = analyze(QUESTION)
    return candidates(q, [HIT], {"d": DOC}, VIEW.sentences, VIEW.keys(q.content), config, None,
                      VIEW.terms(q))


def _scores(config: AnswerConfig) -> dict[str, float]:
    return {c.sentence.text: c.score for c in _candidates(config)}


def test_the_lead_loses_exactly_the_dateline_penalty() -> None:
    with_rule, without = _scores(AnswerConfig()), _scores(AnswerConfig(dateline_penalty=0))
    assert without[LEAD] - with_rule[LEAD] == pytest.approx(AnswerConfig().dateline_penalty)
    assert with_rule[RULE] == pytest.approx(without[RULE])


def test_the_sentence_with_the_rule_answers() -> None:
    q = analyze(QUESTION)
    decision = decide(q, _candidates(AnswerConfig()), AnswerConfig(), VIEW.keys(q.content))
    assert not decision.refused
    assert decision.chosen[0].sentence.text == RULE
