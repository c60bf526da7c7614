"""General faults the hundred-and-thirty-third to hundred-and-thirty-sixth unseen question
sets showed (emoji for words, documents cited by title, south-western and Wu dialect, what a
term means). Each test also checks the case that must still be read the old way."""

from __future__ import annotations

from app.answer.asked import asks_outright
from app.answer.chatter import without_emoji
from app.answer.question import analyze
from tests.qa.made_up import MadeUp

_REPORT = ("南阳市2023年度人才工作综述", "南阳市",
           "以虚拟现实产业链为例，目前，南阳聚集虚拟现实高端研发机构13家。"
           "46岁的张刚是一名工人，每年可为公司节约200余万元，获评“南阳工匠”。")
_PLAN = ("南阳市人才实施方案", "南阳市",
         "支持虚拟现实企业发展，全年新建研发机构20家。依托中介引才奖励等政策集聚人才。")


def test_a_document_cited_by_title_is_pointed_at_not_asked() -> None:
    made = MadeUp.of({"r": _REPORT, "p": _PLAN}, dates={"r": "2025-03-01", "p": "2025-04-07"})
    # the title's 2023 dates the document, not the count asked (it is dated 2025)
    question = "《南阳市2023年度人才工作综述》里，南阳聚集了多少家虚拟现实高端研发机构？"
    d = made.decide(question)
    assert not d.refused and "13家" in d.chosen[0].sentence.text, d.reason
    # a title no document holds stays what is asked: that document is not in the library
    d = made.decide("《南阳市人才发展十年规划纲要》里，南阳聚集了多少家虚拟现实高端研发机构？")
    assert d.refused, [c.sentence.text for c in d.chosen]


def test_emoji_are_no_words_of_the_question() -> None:
    assert without_emoji("威海🎓硕士每月💰多少❓") == "威海硕士每月多少？"
    assert analyze("要什么🎓学历才能拿❓").kinds == ("degree",)
    assert without_emoji("面积100㎡→多少") == "面积100㎡→多少"


def _answers(text: str, question: str) -> str | None:
    """The first chosen sentence over a one-document 南阳 corpus, None when refused."""
    d = MadeUp.of({"p": ("某市人才方案", "南阳市", text)}).decide(question)
    return None if d.refused else d.chosen[0].sentence.text


def test_a_count_of_people_needs_people_counted() -> None:
    assert _answers(_REPORT[2], "“南阳工匠”每年评多少人？") is None
    assert "16人" in (_answers("截至目前，南阳拥有两院院士16人。", "南阳有多少两院院士？") or "")


def test_a_rate_asked_is_a_sum_asked_outright() -> None:
    # 「…奖励标准是多少」 was answered with the sentence naming the reward without its sum
    assert asks_outright("中介引才奖励标准是多少？", ("amount",)) == "amount"
    assert asks_outright("评价标准是什么？", ("amount",)) is None
    question = "南阳中介引才奖励标准是多少？"
    assert "2万元" in (_answers("中介引才奖励标准为每引进一名人才奖励2万元。", question) or "")
