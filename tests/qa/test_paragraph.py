"""The first quote of a question that asks for no particular kind of fact (how, which
measures) goes on through the rest of its paragraph, up to the configured number of
sentences; a line break, a numbered item, or a question for a figure stops it."""

from __future__ import annotations

from app.answer.compose import compose
from app.answer.config import AnswerConfig
from app.answer.question import analyze
from tests.qa.made_up import MadeUp

BODY = ("一、加强人员管理\n"
        "各单位要加强返岗人员管理，严控外来人员进入。对返岗人员实行体温检测和实名登记。"
        "对食堂人员严格管理，避免与陌生人员接触。企业每日上报职工健康情况。\n"
        "二、做好物资保障\n各单位储备口罩1000只。")
MADE = MadeUp.of({"hr": ("怀柔区城市管理委复工复产防控措施", "怀柔区", BODY)})


def _answer(question: str, config: AnswerConfig) -> str:
    decision = MADE.decide(question, config)
    assert decision.outcome == "answer"
    text, citations = compose(analyze(question), decision, MADE.documents,
                              MADE.view.sentences, config=config)
    for c in citations:  # every quote stays verbatim
        assert MADE.documents[c.doc_id].text[c.char_start:c.char_end] == c.quote
    return text


def test_a_how_question_is_answered_with_the_rest_of_the_paragraph() -> None:
    question = "怀柔区城市管理委如何加强返岗人员管理？"
    alone = _answer(question, AnswerConfig(paragraph_sentences=0, max_sentences=1))
    assert "严控外来人员进入" in alone and "体温检测" not in alone
    two = _answer(question, AnswerConfig(paragraph_sentences=2, max_sentences=1))
    assert "体温检测" in two and "避免与陌生人员接触" in two
    assert "每日上报" not in two  # at most two more sentences
    assert "二、做好物资保障" not in _answer(question, AnswerConfig(paragraph_sentences=9,
                                                                 max_sentences=1))


def test_a_question_for_a_figure_keeps_its_sentence() -> None:
    text = _answer("怀柔区各单位储备口罩多少只？", AnswerConfig(paragraph_sentences=2))
    assert "1000只" in text and "严控外来人员" not in text
