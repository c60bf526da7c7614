"""A news report's dateline lead restates its headline; the sentence with the rule wins."""

from __future__ import annotations

import pytest

from app.answer.config import AnswerConfig
from app.answer.evidence import candidates
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


def _candidates(config: AnswerConfig) -> dict[str, object]:
    q = analyze(QUESTION)
    keys = VIEW.keys(q.content)
    cands = candidates(q, [HIT], {"d": DOC}, VIEW.sentences, keys, config, None, VIEW.terms(q))
    return {c.sentence.text: c for c in cands}


def test_the_lead_loses_exactly_the_dateline_penalty() -> None:
    with_rule, without = _candidates(AnswerConfig()), _candidates(AnswerConfig(dateline_penalty=0))
    assert without[LEAD].score - with_rule[LEAD].score == pytest.approx(
        AnswerConfig().dateline_penalty)
    assert with_rule[RULE].score == pytest.approx(without[RULE].score)


def test_the_sentence_with_the_rule_answers() -> None:
    q = analyze(QUESTION)
    keys = VIEW.keys(q.content)
    cands = candidates(q, [HIT], {"d": DOC}, VIEW.sentences, keys, AnswerConfig(), None,
                       VIEW.terms(q))
    decision = decide(q, cands, AnswerConfig(), keys)
    assert not decision.refused
    assert decision.chosen[0].sentence.text == RULE
