"""General faults the hundred-and-forty-first to hundred-and-forty-fourth unseen question
sets showed (summaries, what-if questions, abbreviations, whether still current). Each
test also checks the case that must still be read the old way."""

from __future__ import annotations

from app.answer.asked import asks_outright
from tests.qa.made_up import MadeUp


def _answers(text: str, question: str) -> str | None:
    """The first chosen sentence over a one-document 南阳 corpus, None when refused."""
    d = MadeUp.of({"p": ("某市人才方案", "南阳市", text)}).decide(question)
    return None if d.refused else d.chosen[0].sentence.text


def test_how_long_a_card_is_valid_asks_a_span() -> None:
    question = "南阳给人才办的景区旅游年卡有效期多长？"
    assert asks_outright(question, ("duration",)) == "duration"
    assert _answers("为近400名人才办理景区旅游年卡，构建全周期服务体系。", question) is None
    assert "3年" in (_answers("为人才办理景区旅游年卡，有效期3年。", question) or "")
    # how long it is, not how long it is valid: no span asked
    assert asks_outright("景区旅游年卡能去哪些景区", ("list",)) is None

