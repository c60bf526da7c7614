"""A question asking the day (几号, 哪天) is answered only by a sentence that names a day:
近日 or 今年2月底 says when roughly, not which day, so such evidence alone is refused."""

from __future__ import annotations

from tests.qa.made_up import MadeUp

VAGUE = ("近日，星河市举办技能大师工作室申报动员会。"
         "今年2月底，星河市宣布将新建一批技能大师工作室。")
EXACT = "技能大师工作室申报截止到3月15日。"
QUESTION = "星河市技能大师工作室申报截止到几号？"


def test_only_vague_times_are_refused() -> None:
    made = MadeUp.of({"v": ("星河市技能大师工作室建设通知", "星河市", VAGUE)})
    d = made.decide(QUESTION)
    assert d.refused
    assert made.decide("星河市技能大师工作室什么时候开始建设？").outcome == "answer"


def test_the_day_is_answered_when_stated() -> None:
    made = MadeUp.of({"v": ("星河市技能大师工作室建设通知", "星河市", VAGUE + EXACT)})
    d = made.decide(QUESTION)
    assert d.outcome == "answer" and "3月15日" in d.chosen[0].sentence.text
