"""A question that asks for several things (哪些, 包括) favours a sentence that lists them."""

from __future__ import annotations

import pytest

from app.answer.config import AnswerConfig
from app.answer.evidence import candidates
from app.answer.plan import CorpusView
from app.answer.question import analyze
from index.types import Hit
from ingest.types import Chunk, Document

TITLE = "商务部发布文化贸易公共信息服务平台"
BODY = ("文化贸易公共信息服务平台的栏目建设进展顺利。"
        "平台设有政策法规、国别指南、展会信息、热点关注等栏目。")
DOC = Document("d", "d.txt", TITLE, None, None, None, "全国", f"{TITLE}\n{BODY}", "")
VIEW = CorpusView({"d": DOC})
HIT = Hit(chunk=Chunk("d-0", "d", "d.txt", TITLE, 0, "", None, 0, len(DOC.text), DOC.text),
          score=1.0, rank=1)


def _scores(question: str, config: AnswerConfig) -> dict[str, float]:
    q = analyze(question)
    keys = VIEW.keys(q.content)
    cands = candidates(q, [HIT], {"d": DOC}, VIEW.sentences, keys, config, None, VIEW.terms(q))
    return {c.sentence.text: c.score for c in cands}


@pytest.mark.parametrize("question", ["文化贸易公共信息服务平台有哪些栏目？",
                                      "文化贸易公共信息服务平台包括什么栏目？"])
def test_a_listing_sentence_gains_the_list_weight(question: str) -> None:
    with_list = _scores(question, AnswerConfig())
    without = _scores(question, AnswerConfig(list_weight=0.0))
    listing, plain = BODY.split("。")[1] + "。", BODY.split("。")[0] + "。"
    assert with_list[listing] - without[listing] == pytest.approx(AnswerConfig().list_weight)
    assert with_list[plain] == pytest.approx(without[plain])  # no 、: nothing listed
    assert with_list[TITLE] == pytest.approx(without[TITLE])


def test_a_question_for_one_thing_gains_nothing() -> None:
    question = "文化贸易公共信息服务平台由谁发布？"
    assert _scores(question, AnswerConfig()) == _scores(question, AnswerConfig(list_weight=0.0))
